/* test-rules.c — the rules files: California's values and malformed files
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-rules-private.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

static char *
us_ca_text (void)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/recourse/Recourse/rules/us-ca.ini",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_exists (void)
{
  g_assert_true (rec_rules_exists ("us-ca"));
  g_assert_false (rec_rules_exists ("us-xx"));
  g_assert_false (rec_rules_exists (""));
  g_assert_false (rec_rules_exists (NULL));
  g_assert_false (rec_rules_exists ("../rules/us-ca"));
}

/* The ids of the .ini files compiled in, sorted, each loadable. */
static void
test_list_ids (void)
{
  const char * const *ids = rec_rules_list_ids ();
  g_autoptr(GStrvBuilder) expect = g_strv_builder_new ();
  g_auto(GStrv) names =
    g_resources_enumerate_children ("/io/github/recourse/Recourse/rules/",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) expected = NULL;
  guint n = 0;

  g_assert_nonnull (ids);
  g_assert_true (ids == rec_rules_list_ids ());
  g_assert_true (g_strv_contains (ids, "us-ca"));
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".ini"))
      {
        g_autofree char *id = g_strndup (names[i], strlen (names[i]) - 4);

        g_strv_builder_add (expect, id);
        n++;
      }
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, n);
  expected = g_strv_builder_end (expect);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecRules) rules = rec_rules_load (ids[i], &error);

      g_test_message ("rules %s", ids[i]);
      g_assert_true (g_strv_contains ((const char * const *) expected, ids[i]));
      if (i > 0)
        g_assert_cmpint (strcmp (ids[i - 1], ids[i]), <, 0);
      g_assert_no_error (error);
      g_assert_cmpstr (rec_rules_get_id (rules), ==, ids[i]);
    }
}

static void
test_load_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load ("us-xx", &error);

  g_assert_null (rules);
  g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "us-xx"));
}

typedef struct
{
  RecRemedy    remedy;
  RecRuleTest  test;
  RecRuleCmp   comparison;
  gint64       threshold;
  const char  *citation;
} RemedyRow;

/* spec/arrears.md §7, written out again by hand. */
static const RemedyRow remedy_rows[] = {
  { REC_REMEDY_WAGE_GARNISHMENT, REC_RULE_TEST_TERM_IN_FORCE, 0, 0, "FC 5230" },
  { REC_REMEDY_TAX_REFUND_INTERCEPT, REC_RULE_TEST_PRINCIPAL_OWED, REC_RULE_CMP_GE, 50000, "45 CFR 303.72" },
  { REC_REMEDY_LICENSE_SUSPENSION, REC_RULE_TEST_DAYS_DELINQUENT, REC_RULE_CMP_GT, 30, "FC 17520" },
  { REC_REMEDY_BANK_LEVY, REC_RULE_TEST_DAYS_DELINQUENT, REC_RULE_CMP_GE, 30, "FC 17522" },
  { REC_REMEDY_PROPERTY_LIEN, REC_RULE_TEST_PRINCIPAL_OWED, REC_RULE_CMP_GT, 0, "CCP 697.320" },
  { REC_REMEDY_PASSPORT_DENIAL, REC_RULE_TEST_PRINCIPAL_OWED, REC_RULE_CMP_GT, 250000, "42 U.S.C. 652(k)" },
  { REC_REMEDY_CREDIT_REPORTING, REC_RULE_TEST_PRINCIPAL_OWED, REC_RULE_CMP_GT, 0, "FC 4701" },
  { REC_REMEDY_CONTEMPT, REC_RULE_TEST_CONTEMPT_COUNTS, REC_RULE_CMP_GE, 1, "CCP 1209.5" },
  { REC_REMEDY_DELINQUENCY_NOTICE, REC_RULE_TEST_DAYS_DELINQUENT, REC_RULE_CMP_GT, 30, "FC 4720" },
};

static void
test_california (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", &error);
  GDate day;

  g_assert_no_error (error);
  g_assert_cmpstr (rec_rules_get_id (rules), ==, "us-ca");
  g_assert_cmpstr (rec_rules_get_name (rules), ==, "California");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, 2024);
  g_assert_cmpint (rec_rules_rate_on (rules, g_date_get_julian (&day)), ==, 1000);
  g_assert_cmpint (rec_rules_rate_on (rules, 1), ==, 1000);
  g_assert_cmpint (rules->accrual, ==, REC_ACCRUAL_DAILY);
  g_assert_cmpint (rules->starts, ==, REC_STARTS_DUE_DATE);
  g_assert_cmpint (rules->accrual_agency, ==, REC_ACCRUAL_MONTHLY);
  g_assert_cmpint (rules->starts_agency, ==, REC_STARTS_NEXT_MONTH);
  g_assert_cmpuint (rules->n_order, ==, 3);
  g_assert_cmpint (rules->order[0], ==, REC_ALLOC_CURRENT);
  g_assert_cmpint (rules->order[1], ==, REC_ALLOC_INTEREST);
  g_assert_cmpint (rules->order[2], ==, REC_ALLOC_PRINCIPAL);
  g_assert_cmpint (rules->contempt_years, ==, 3);

  /* Rules v2 (spec §9): California keeps its v1 values and gains these. */
  g_assert_cmpstr (rec_rules_get_verified (rules), !=, NULL);
  g_assert_true (g_date_valid_dmy (atoi (rec_rules_get_verified (rules) + 8),
                                   atoi (rec_rules_get_verified (rules) + 5),
                                   atoi (rec_rules_get_verified (rules))));
  g_assert_cmpstr (rec_rules_get_history_form (rules), ==, "FL-421");
  g_assert_cmpstr (rec_rules_get_contempt_form (rules), ==, "FL-411");
  g_assert_true (g_str_has_prefix (rec_rules_get_interest_citation (rules), "CCP 685.010"));
  g_assert_true (rec_rules_has_automatic_interest (rules, FALSE));
  g_assert_true (rec_rules_has_automatic_interest (rules, TRUE));
  g_assert_cmpint (rec_rules_get_rate_on (rules, FALSE, &day), ==, 1000);
  g_assert_cmpint (rec_rules_get_rate_on (rules, TRUE, &day), ==, 1000);
  g_assert_cmpint (rules->starts_days, ==, 0);
  g_assert_cmpint (rules->interest_on, ==, REC_INTEREST_ON_ALL);
  g_assert_null (rules->rates_agency);
  g_assert_cmpuint (rules->n_order_tax_offset, ==, 2);
  g_assert_cmpint (rules->order_tax_offset[0], ==, REC_ALLOC_INTEREST);
  g_assert_cmpint (rules->order_tax_offset[1], ==, REC_ALLOC_PRINCIPAL);
  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    {
      g_assert_true (rules->remedies[r].present);
      g_assert_false (rules->remedies[r].has_and);
    }

  for (guint i = 0; i < G_N_ELEMENTS (remedy_rows); i++)
    {
      const RemedyRow *row = &remedy_rows[i];
      const RecRemedyRule *rule = &rules->remedies[row->remedy];

      g_test_message ("remedy row %u", i);
      g_assert_cmpint (rule->remedy, ==, row->remedy);
      g_assert_cmpint (rule->conditions[0].test, ==, row->test);
      if (row->test != REC_RULE_TEST_TERM_IN_FORCE)
        {
          g_assert_cmpint (rule->conditions[0].comparison, ==, row->comparison);
          g_assert_cmpint (rule->conditions[0].threshold, ==, row->threshold);
        }
      g_assert_true (g_str_has_prefix (rule->citation, row->citation));
    }

  /* Wage garnishment: or principal owed > 0; tax intercept: 150.00 with public assistance. */
  g_assert_cmpint (rules->remedies[REC_REMEDY_WAGE_GARNISHMENT].n_conditions, ==, 2);
  g_assert_cmpint (rules->remedies[REC_REMEDY_WAGE_GARNISHMENT].conditions[1].test, ==,
                   REC_RULE_TEST_PRINCIPAL_OWED);
  g_assert_cmpint (rules->remedies[REC_REMEDY_WAGE_GARNISHMENT].conditions[1].threshold, ==, 0);
  g_assert_true (rules->remedies[REC_REMEDY_TAX_REFUND_INTERCEPT].conditions[0].has_threshold_pa);
  g_assert_cmpint (rules->remedies[REC_REMEDY_TAX_REFUND_INTERCEPT].conditions[0].threshold_pa, ==, 15000);
}

static void
test_dated_rates (void)
{
  g_autofree char *text = us_ca_text ();
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = NULL;
  GDate day;

  g_string_replace (edited, "rate_percent=10\n", "rate_percent=10;2030-01-01:8;2031-07-01:6.5\n", 1);
  rules = rec_rules_new_from_data (edited->str, edited->len, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, 12, 2029);
  g_assert_cmpint (rec_rules_rate_on (rules, g_date_get_julian (&day)), ==, 1000);
  g_date_set_dmy (&day, 1, 1, 2030);
  g_assert_cmpint (rec_rules_rate_on (rules, g_date_get_julian (&day)), ==, 800);
  g_date_set_dmy (&day, 30, 6, 2031);
  g_assert_cmpint (rec_rules_rate_on (rules, g_date_get_julian (&day)), ==, 800);
  g_date_set_dmy (&day, 1, 7, 2031);
  g_assert_cmpint (rec_rules_rate_on (rules, g_date_get_julian (&day)), ==, 650);
}

/* A state without agency variants: agency cases follow the general keys. */
static void
test_agency_optional (void)
{
  g_autofree char *text = us_ca_text ();
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = NULL;

  g_assert_cmpuint (g_string_replace (edited, "accrual_agency=monthly\n", "", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "starts_agency=next_month\n", "", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "accrual=daily\n", "accrual=monthly\n", 1), ==, 1);
  rules = rec_rules_new_from_data (edited->str, edited->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rules->accrual_agency, ==, REC_ACCRUAL_MONTHLY);
  g_assert_cmpint (rules->starts_agency, ==, REC_STARTS_DUE_DATE);
}

typedef struct
{
  const char *find;      /* a line of us-ca.ini (with its newline) */
  const char *replace;
  const char *expect;    /* in the error message: the key at fault */
} BadRow;

static const BadRow bad_rows[] = {
  { "id=us-ca\n", "", "[rules] id" },
  { "name=California\n", "", "[rules] name" },
  { "rate_percent=10\n", "", "[interest] rate_percent" },
  { "rate_percent=10\n", "rate_percent=ten\n", "[interest] rate_percent" },
  { "rate_percent=10\n", "rate_percent=101\n", "[interest] rate_percent" },
  { "rate_percent=10\n", "rate_percent=2020-01-01:10\n", "[interest] rate_percent" },
  { "rate_percent=10\n", "rate_percent=10;2030-01-01:8;2029-01-01:7\n", "[interest] rate_percent" },
  { "method=simple\n", "method=compound\n", "[interest] method" },
  { "accrual=daily\n", "accrual=weekly\n", "[interest] accrual" },
  { "starts=due_date\n", "", "[interest] starts" },
  { "accrual_agency=monthly\n", "accrual_agency=yearly\n", "[interest] accrual_agency" },
  { "starts_agency=next_month\n", "starts_agency=later\n", "[interest] starts_agency" },
  { "order=current;interest;principal;\n", "order=current;interest;\n", "[allocation] order" },
  { "order=current;interest;principal;\n", "order=current;fees;principal;\n", "[allocation] order" },
  { "order=current;interest;principal;\n", "order=principal;principal;\n", "[allocation] order" },
  { "contempt_years=3\n", "contempt_years=three\n", "[contempt] contempt_years" },
  { "contempt_years=3\n", "contempt_years=-3\n", "[contempt] contempt_years" },
  { "threshold=2500.00\n", "threshold=2,500.00\n", "[remedy passport_denial] threshold" },
  { "threshold=2500.00\n", "", "[remedy passport_denial] threshold" },
  { "threshold_public_assistance=150.00\n", "threshold_public_assistance=lots\n",
    "[remedy tax_refund_intercept] threshold_public_assistance" },
  { "test=contempt_counts\n", "test=months_owed\n", "[remedy contempt] test" },
  { "threshold=1\n", "threshold=1.5\n", "[remedy contempt] threshold" },
  { "comparison=>=\nthreshold=30\n", "comparison=≥\nthreshold=30\n", "[remedy bank_levy] comparison" },
  { "[remedy bank_levy]\n", "[remedy bank_levies]\n", "[remedy bank_levies]" },
  { "citation=FC 17522\n", "", "[remedy bank_levy] citation" },
  { "or_threshold=0.00\n", "or_threshold=zero\n", "[remedy wage_garnishment] or_threshold" },
  { "reason_not=principal owed {value} does not exceed {threshold}\ncitation=42",
    "reason_not=principal owed {owed} does not exceed {threshold}\ncitation=42",
    "[remedy passport_denial] reason_not" },
  /* Rules v2 (spec §9). */
  { "method=simple\n", "method=simple\nrate=10\n", "[interest] rate" },
  { "citation=FC 17522\n", "citation=FC 17522\nthreshhold=30\n", "[remedy bank_levy] threshhold" },
  { "id=us-ca\n", "id=us-ca\nstate=CA\n", "[rules] state" },
  { "history=FL-421\n", "history=FL-421\ncount=FL-411\n", "[forms] count" },
  { "[forms]\n", "[form]\n", "[form]" },
  { "verified=2026-01-15\n", "verified=2026-13-01\n", "[rules] verified" },
  { "starts=due_date\n", "starts=after_days:x\n", "[interest] starts" },
  { "starts=due_date\n", "starts=after_days:-1\n", "[interest] starts" },
  { "starts=due_date\n", "starts=after_days:\n", "[interest] starts" },
  { "starts_agency=next_month\n", "starts_agency=after_days:99999\n", "[interest] starts_agency" },
  { "interest_on=all\n", "interest_on=above_two_months\n", "[interest] interest_on" },
  { "interest_on=all\n", "interest_on=all\nrate_percent_agency=5;2024-01-01:3;2024-01-01:2\n",
    "[interest] rate_percent_agency" },
  { "interest_on=all\n", "interest_on=all\nrate_percent_agency=5;2024-01-01:3;2023-01-01:2\n",
    "[interest] rate_percent_agency" },
  { "rate_percent=10\n", "rate_percent=10;2030-01-01:8;2030-01-01:7\n", "[interest] rate_percent" },
  { "order_tax_offset=interest;principal\n", "order_tax_offset=interest;refund\n",
    "[allocation] order_tax_offset" },
  { "order_tax_offset=interest;principal\n", "order_tax_offset=interest\n",
    "[allocation] order_tax_offset" },
  { "contempt_years=3\n", "contempt_years=never\n", "[contempt] contempt_years" },
  { "citation=FC 17522\n", "citation=FC 17522\nand_test=days_delinquent\nand_comparison=>\n",
    "[remedy bank_levy] and_threshold" },
  { "citation=FC 17522\n", "citation=FC 17522\nand_threshold=90\n", "[remedy bank_levy] and_threshold" },
  { "citation=FC 17522\n", "citation=FC 17522\nor_comparison=>\n", "[remedy bank_levy] or_comparison" },
  { "citation=FC 17522\n", "citation=FC 17522\nand_test=months_owing\n", "[remedy bank_levy] and_test" },
  { "citation=FC 17522\n", "citation=FC 17522\nand_test=months_of_support\nand_comparison=>=\n"
    "and_threshold=2.5\n", "[remedy bank_levy] and_threshold" },
  { "[rules]\n", "[rules\n", "Rules file" },
  /* GKeyFile leaves the names of groups unchecked: the message quoted the bytes. */
  { "[remedy passport_denial]\n", "[remedy pass\x8f\x8cport_denial]\n", "not UTF-8 text" },
};

static void
test_malformed (void)
{
  g_autofree char *text = us_ca_text ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autoptr(GString) edited = g_string_new (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(RecRules) rules = NULL;

      g_test_message ("bad row %u: %s", i, bad_rows[i].expect);
      g_assert_cmpuint (g_string_replace (edited, bad_rows[i].find, bad_rows[i].replace, 1), ==, 1);
      rules = rec_rules_new_from_data (edited->str, edited->len, &error);
      g_assert_null (rules);
      g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("  → %s", error->message);
      g_assert_nonnull (strstr (error->message, bad_rows[i].expect));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/exists", test_exists);
  g_test_add_func ("/rules/list-ids", test_list_ids);
  g_test_add_func ("/rules/load-unknown", test_load_unknown);
  g_test_add_func ("/rules/california", test_california);
  g_test_add_func ("/rules/dated-rates", test_dated_rates);
  g_test_add_func ("/rules/agency-optional", test_agency_optional);
  g_test_add_func ("/rules/malformed", test_malformed);

  return g_test_run ();
}

/* test-agency.c — the agency's stated arrears beside ours, worked by hand
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case: child support of 400.00 due on the 1st of January and February
 * 2024, nothing paid; California's rules (10 % simple, daily, from the due
 * date). The agency stated its figure on 2024-03-01. A day of interest on
 * 400.00 is 400.00 × 0.10 / 365:
 *   January's  400.00 from 2024-01-01 to 2024-03-01: 60 days → 6.5753…
 *   February's 400.00 from 2024-02-01 to 2024-03-01: 29 days → 3.1780…
 *   interest 9.7534… → 9.75; ours on 2024-03-01: 800.00 + 9.75 = 809.75.
 * On 2024-04-01 (31 more days on 800.00: 6.7945…) ours would be
 * 800.00 + 16.5479… → 816.55: the comparison must use the agency's day.
 *
 * With 850.00 paid on 2024-01-10: 400.00 to the current month's support,
 * 0.99 to January's interest of 9 days (0.9863…), nothing else is due, so
 * 449.01 is kept as credit; February's 400.00 is covered by credit on its due
 * date, leaving 49.01 of credit on 2024-03-01 and nothing owed: ours is
 * -49.01.
 */
#include "config.h"

#include "arrears-fixture.h"
#include "rec-agency.h"

#include <locale.h>

typedef struct
{
  const char *payments;       /* fixture text, or NULL */
  const char *agency;         /* the agency's figure, or NULL: none stated */
  const char *as_of;          /* its date, or NULL: none */
  gboolean    compared;
  const char *ours;
  const char *difference;
  const char *sentence;
} Row;

static const Row rows[] = {
  /* The agency counts the principal, not the interest. */
  { NULL, "800.00", "2024-03-01", TRUE, "809.75", "9.75",
    "The agency’s figure is $9.75 lower than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  /* The agency counts more. */
  { NULL, "850.00", "2024-03-01", TRUE, "809.75", "-40.25",
    "The agency’s figure is $40.25 higher than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  { NULL, "809.75", "2024-03-01", TRUE, "809.75", "0.00", "The figures agree." },
  /* The same figure stated a month later: the order ended with February,
   * so only interest grows (816.55 - 809.75). */
  { NULL, "809.75", "2024-04-01", TRUE, "816.55", "6.80",
    "The agency’s figure is $6.80 lower than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  /* A credit on both sides. */
  { "2024-01-10 850.00", "-49.01", "2024-03-01", TRUE, "-49.01", "0.00", "The figures agree." },
  { "2024-01-10 850.00", "0.00", "2024-03-01", TRUE, "-49.01", "-49.01",
    "The agency’s figure is $49.01 higher than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  /* Nothing to compare. */
  { NULL, NULL, NULL, FALSE, NULL, NULL, NULL },
  { NULL, "800.00", NULL, FALSE, NULL, NULL, NULL },
};

static RecCents
cents_of (const char *text)
{
  return text[0] == '-' ? -fx_cents (text + 1) : fx_cents (text);
}

static void
test_table (void)
{
  g_autoptr(RecRules) rules = fx_rules (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      g_autoptr(RecCaseData) data =
        fx_case ("child_support 400.00 monthly 1 2024-01-01 2024-02-29", NULL, row->payments,
                 NULL, FALSE, FALSE);
      g_autoptr(GError) error = NULL;
      RecAgencyComparison cmp;
      gboolean compared;

      g_test_message ("row %u", i);
      memset (&cmp, 0x5a, sizeof cmp);
      if (row->agency != NULL)
        {
          data->info->has_agency_balance = TRUE;
          data->info->agency_balance_cents = cents_of (row->agency);
        }
      if (row->as_of != NULL)
        data->info->agency_balance_as_of = fx_date (row->as_of);

      compared = rec_agency_compare (data, rules, &cmp, &error);
      g_assert_no_error (error);
      g_assert_cmpint (compared, ==, row->compared);
      if (!compared)
        continue;

      {
        g_autofree char *text = rec_agency_comparison_text (&cmp, NULL);
        char buf[16];

        rec_date_to_iso_buf (&cmp.as_of, buf);
        g_assert_cmpstr (buf, ==, row->as_of);
        g_assert_cmpint (cmp.agency_cents, ==, cents_of (row->agency));
        g_assert_cmpint (cmp.ours_cents, ==, cents_of (row->ours));
        g_assert_cmpint (cmp.difference_cents, ==, cents_of (row->difference));
        g_assert_cmpstr (text, ==, row->sentence);
      }
    }
}

/* Ours is exactly the engine's total, less credit, as of the agency's day. */
static void
test_same_day_as_engine (void)
{
  g_autoptr(RecRules) rules = fx_rules (NULL);
  g_autoptr(RecCaseData) data =
    fx_case ("child_support 412.34 monthly 15 2023-06-01", "2023-09-03 120.00", "2023-07-20 300.00",
             NULL, FALSE, FALSE);
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = fx_date ("2024-02-10");
  RecAgencyComparison cmp;

  data->info->has_agency_balance = TRUE;
  data->info->agency_balance_cents = 1500000;
  data->info->agency_balance_as_of = day;
  g_assert_true (rec_agency_compare (data, rules, &cmp, &error));
  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cmp.ours_cents, ==, result->total_balance_cents - result->credit_cents);
  g_assert_cmpint (cmp.difference_cents, ==, cmp.ours_cents - 1500000);
  g_assert_cmpint (cmp.difference_cents, <, 0);
}

/* The sentence goes through the caller's renderer: its language and money. */
static const char *
fake_translate (const char *context,
                const char *msgid,
                gpointer    user_data)
{
  g_assert_null (context);
  if (g_str_has_prefix (msgid, "The agency’s figure is %s lower"))
    return "[lower %s]";
  if (g_str_has_prefix (msgid, "The agency’s figure is %s higher"))
    return "[higher %s]";
  if (g_str_equal (msgid, "The figures agree."))
    return "[agree]";
  return msgid;
}

static char *
fake_format (RecCents cents,
             gpointer user_data)
{
  g_assert_cmpint (cents, >, 0);
  return g_strdup_printf ("<%" G_GINT64_FORMAT ">", cents);
}

static void
test_renderer (void)
{
  const RecRenderer renderer = { fake_translate, fake_format, "USD", NULL };
  RecAgencyComparison cmp = { 0, };
  g_autofree char *lower = NULL, *higher = NULL, *agree = NULL, *euro = NULL;
  const RecRenderer in_eur = { NULL, NULL, "EUR", NULL };

  cmp.difference_cents = 41250;
  lower = rec_agency_comparison_text (&cmp, &renderer);
  euro = rec_agency_comparison_text (&cmp, &in_eur);
  cmp.difference_cents = -7;
  higher = rec_agency_comparison_text (&cmp, &renderer);
  cmp.difference_cents = 0;
  agree = rec_agency_comparison_text (&cmp, &renderer);
  g_assert_cmpstr (lower, ==, "[lower <41250>]");
  g_assert_cmpstr (higher, ==, "[higher <7>]");
  g_assert_cmpstr (agree, ==, "[agree]");
  g_assert_nonnull (strstr (euro, "412.50"));
  g_assert_null (strstr (euro, "$"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agency/table", test_table);
  g_test_add_func ("/agency/same-day-as-engine", test_same_day_as_engine);
  g_test_add_func ("/agency/renderer", test_renderer);
  return g_test_run ();
}

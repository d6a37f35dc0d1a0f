/* test-states.c — the rules files of the other states (STATES.md, spec/arrears.md §9)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each state's file loads, holds the values of STATES.md's table, and gives on
 * a small case the figures worked out by hand in the row's comment (days,
 * rate, rounding half-up of spec/arrears.md §5), never copied from the
 * engine's output. Interest in cents: principal × basis points × days /
 * 3 650 000 (daily), principal × basis points / 120 000 (one month).
 */
#include "config.h"

#include "arrears-fixture.h"

static const char *const state_ids[] = {
  "us", "us-ga", "us-tn", "us-tx", "us-il", "us-ny", "us-pa",
};

typedef struct
{
  const char *id;
  const char *name;
  gboolean    automatic, automatic_agency;
  gboolean    license;                  /* has license_suspension */
} StateRow;

static const StateRow state_rows[] = {
  { "us", "United States — another state", FALSE, FALSE, FALSE },
  { "us-ga", "Georgia", TRUE, TRUE, TRUE },
  { "us-tn", "Tennessee", TRUE, TRUE, TRUE },
  { "us-tx", "Texas", TRUE, TRUE, TRUE },
  { "us-il", "Illinois", TRUE, TRUE, TRUE },
  { "us-ny", "New York", FALSE, FALSE, TRUE },
  { "us-pa", "Pennsylvania", FALSE, FALSE, TRUE },
};

static const RecRemedyResult *
find_remedy (const RecArrearsResult *r,
             RecRemedy               remedy)
{
  for (guint i = 0; i < r->remedies->len; i++)
    {
      const RecRemedyResult *res = &g_array_index (r->remedies, RecRemedyResult, i);

      if (res->remedy == remedy)
        return res;
    }
  return NULL;
}

static RecRules *
load (const char *id)
{
  g_autoptr(GError) error = NULL;
  RecRules *rules = rec_rules_load (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static void
test_load (void)
{
  const char *const *ids = rec_rules_list_ids ();

  for (guint i = 0; i < G_N_ELEMENTS (state_rows); i++)
    {
      const StateRow *row = &state_rows[i];
      g_autoptr(RecRules) rules = NULL;

      g_test_message ("%s", row->id);
      g_assert_true (rec_rules_exists (row->id));
      rules = load (row->id);
      g_assert_cmpstr (rec_rules_get_id (rules), ==, row->id);
      g_assert_cmpstr (rec_rules_get_name (rules), ==, row->name);
      g_assert_cmpstr (rec_rules_get_verified (rules), ==, "2026-12-01");
      /* No FL-421 or FL-411 outside California (STATES.md, "Packets"). */
      g_assert_cmpstr (rec_rules_get_history_form (rules), ==, "");
      g_assert_cmpstr (rec_rules_get_contempt_form (rules), ==, "");
      g_assert_cmpstr (rec_rules_get_interest_citation (rules), !=, "");
      g_assert_cmpint (rec_rules_has_automatic_interest (rules, FALSE), ==, row->automatic);
      g_assert_cmpint (rec_rules_has_automatic_interest (rules, TRUE), ==, row->automatic_agency);
      g_assert_true (g_strv_contains (ids, row->id));
    }
  /* Sorted by id, California among them. */
  g_assert_true (g_strv_contains (ids, "us-ca"));
  for (guint i = 1; ids[i] != NULL; i++)
    g_assert_cmpint (strcmp (ids[i - 1], ids[i]), <, 0);
}

/* The rate periods of STATES.md, on the days around each change. */
static void
test_rates (void)
{
  static const struct
  {
    const char *id;
    gboolean    agency;
    const char *date;
    int         basis_points;
  } rows[] = {
    { "us-ga", FALSE, "1990-01-01", 700 }, { "us-ga", FALSE, "2026-12-01", 700 },
    { "us-tn", FALSE, "2017-04-16", 1200 }, { "us-tn", FALSE, "2017-04-17", 0 },
    { "us-tn", FALSE, "2018-06-30", 0 }, { "us-tn", FALSE, "2018-07-01", 600 },
    { "us-tn", TRUE, "2017-04-16", 1200 }, { "us-tn", TRUE, "2017-04-17", 0 },
    { "us-tn", TRUE, "2018-07-01", 0 },
    { "us-tx", FALSE, "2001-12-31", 1200 }, { "us-tx", FALSE, "2002-01-01", 600 },
    { "us-tx", TRUE, "2024-01-01", 600 },
    { "us-il", FALSE, "2020-12-31", 900 }, { "us-il", FALSE, "2021-01-01", 900 },
    { "us-il", TRUE, "2020-12-31", 900 }, { "us-il", TRUE, "2021-01-01", 0 },
    { "us-ny", FALSE, "2024-01-01", 0 }, { "us-pa", FALSE, "2024-01-01", 0 },
    { "us", FALSE, "2024-01-01", 0 }, { "us", TRUE, "2024-01-01", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RecRules) rules = load (rows[i].id);
      GDate date = fx_date (rows[i].date);

      g_test_message ("%s %s%s", rows[i].id, rows[i].date, rows[i].agency ? " agency" : "");
      g_assert_cmpint (rec_rules_get_rate_on (rules, rows[i].agency, &date), ==, rows[i].basis_points);
    }
}

typedef struct
{
  const char *name;
  const char *id;
  const char *terms, *payments, *overrides;
  gboolean    agency, tax_offset;       /* tax_offset: every payment is a tax refund offset */
  const char *as_of;
  /* expected */
  const char *principal_balance, *interest_accrued, *interest_balance;
  int         days;
  int         license;                  /* 1 eligible, 0 not, -1 the state has none */
  const char *splits;                   /* per payment "current/interest/principal/credit"; NULL: not checked */
} Row;

static const Row rows[] = {
  /* Georgia, 7 % daily from 30 days after the due date (O.C.G.A. 7-4-12.1).
   * 500.00 on Jan 1, Feb 1, Mar 1 2024 (term ends Mar 31), as_of May 1.
   * Starts: Jan 31, Mar 2, Mar 31. Days to May 1: 121 − 30 = 91, 90 − 30 = 60,
   * 61 − 30 = 31: 182. 50000 × 700 × 182 / 3 650 000 = 1745.21 cents → 17.45.
   * Days delinquent Jan 1 → May 1 = 121. License: 2 months of support; no
   * term in force at May 1, so the monthly support of Mar 31 (the last day in
   * force): 500.00 × 2 = 1000.00 <= 1500.00: eligible. */
  { "GA after_days:30", "us-ga", "child_support 500.00 monthly 1 2024-01-01 2024-03-31", NULL, NULL,
    FALSE, FALSE, "2024-05-01", "1500.00", "17.45", "17.45", 121, 1, "" },
  /* Georgia, the 30th day: one installment of 500.00 due Jan 1 starts Jan 31;
   * as_of Jan 31 no day has accrued (d < as_of). License: 500.00 < 1000.00. */
  { "GA day 30: no interest yet", "us-ga", "child_support 500.00 monthly 1 2024-01-01 2024-01-31",
    NULL, NULL, FALSE, FALSE, "2024-01-31", "500.00", "0.00", "0.00", 30, 0, "" },
  /* As_of Feb 1: one day, Jan 31: 50000 × 700 / 3 650 000 = 9.59 cents → 0.10. */
  { "GA day 31: one day", "us-ga", "child_support 500.00 monthly 1 2024-01-01 2024-01-31",
    NULL, NULL, FALSE, FALSE, "2024-02-01", "500.00", "0.10", "0.10", 31, 0, "" },
  /* Georgia, a tax refund offset of 600.00 on Apr 10 2024 (order_tax_offset =
   * interest;principal: never the current month). 500.00 on the 1st from Jan 1.
   * Interest at Apr 10: Jan 1 from Jan 31, 70 days; Feb 1 from Mar 2, 39 days;
   * Mar 1 from Mar 31, 10 days; Apr 1 from May 1, none: 119 days.
   * 50000 × 700 × 119 / 3 650 000 = 1141.10 cents → 11.41 to interest (the rest
   * forgiven), 588.59 to principal: Jan 1 paid, Feb 1 88.59 → 411.41 left.
   * Owed 2000.00 − 588.59 = 1411.41; oldest unpaid Feb 1, 69 days before Apr 10.
   * License: 1411.41 >= 2 × 500.00. */
  { "GA tax offset skips the current month", "us-ga", "child_support 500.00 monthly 1 2024-01-01",
    "2024-04-10 600.00", NULL, FALSE, TRUE, "2024-04-10",
    "1411.41", "11.41", "0.00", 69, 1, "0.00/11.41/588.59/0.00" },
  /* Tennessee's rate periods, daily from the due date (T.C.A. 36-5-101(f)(1)):
   * 1000.00 due Apr 1 2017, as_of Jul 11 2018. 12 % on Apr 1–16 2017 (16 days),
   * 0 from Apr 17 2017, 6 % on Jul 1–10 2018 (10 days):
   * 100000 × (16 × 1200 + 10 × 600) / 3 650 000 = 690.41 cents → 6.90.
   * Days Apr 1 2017 → Jul 11 2018 = 365 + 91 + 10 = 466. License: 1000.00 >=
   * 500.00 and 466 > 90. */
  { "TN rate periods", "us-tn", "child_support 1000.00 monthly 1 2017-04-01 2017-04-30", NULL, NULL,
    FALSE, FALSE, "2018-07-11", "1000.00", "6.90", "6.90", 466, 1, "" },
  /* The same as an agency case (rate_percent_agency=12;2017-04-17:0): only the
   * 16 days at 12 %: 100000 × 19200 / 3 650 000 = 526.03 cents → 5.26. */
  { "TN agency rate periods", "us-tn", "child_support 1000.00 monthly 1 2017-04-01 2017-04-30",
    NULL, NULL, TRUE, FALSE, "2018-07-11", "1000.00", "5.26", "5.26", 466, 1, "" },
  /* Tennessee's two conditions: 1000.00 due Jan 1 2024, as_of Mar 31: 90 days
   * (not more than 90): not eligible. 6 %: 100000 × 600 × 90 / 3 650 000 =
   * 1479.45 cents → 14.79. */
  { "TN 90 days: not more than 90", "us-tn", "child_support 1000.00 monthly 1 2024-01-01 2024-01-31",
    NULL, NULL, FALSE, FALSE, "2024-03-31", "1000.00", "14.79", "14.79", 90, 0, "" },
  /* As_of Apr 1: 91 days > 90: eligible. 100000 × 600 × 91 / 3 650 000 =
   * 1495.89 cents → 14.96. */
  { "TN 91 days", "us-tn", "child_support 1000.00 monthly 1 2024-01-01 2024-01-31",
    NULL, NULL, FALSE, FALSE, "2024-04-01", "1000.00", "14.96", "14.96", 91, 1, "" },
  /* 499.99 owed, 91 days: the first condition fails. 49999 × 600 × 91 /
   * 3 650 000 = 747.93 cents → 7.48. */
  { "TN under 500.00", "us-tn", "child_support 499.99 monthly 1 2024-01-01 2024-01-31",
    NULL, NULL, FALSE, FALSE, "2024-04-01", "499.99", "7.48", "7.48", 91, 0, "" },
  /* Texas: 6 % monthly, from the 31st day after the due date, on the part above
   * one month's support (Tex. Fam. Code 157.265, 157.266). 500.00 on the 1st,
   * Jan–Apr 2024 (term ends Apr 30), as_of Jun 1. Starts: Jan 1 → Feb 1, Feb 1
   * → Mar 3, Mar 1 → Apr 1, Apr 1 → May 2. Month charges on the 1st F, P = the
   * amounts whose start < F, M = monthly support on F − 1:
   * Feb 1: none. Mar 1: P 500 (Jan), M 500 → 0. Apr 1: P 1000 (Jan, Feb), M 500
   * → 500 × 600 / 120 000 = 2.50. May 1: P 1500, M 500 (Apr 30, term in force)
   * → 1000: 5.00. Jun 1: P 2000, M 0 (May 31, no term in force) → 2000: 10.00.
   * 17.50. Days Jan 1 → Jun 1 = 152. License: 3 months of the support of Apr
   * 30, 1500.00 <= 2000.00. */
  { "TX above one month, after_days:31", "us-tx", "child_support 500.00 monthly 1 2024-01-01 2024-04-30",
    NULL, NULL, FALSE, FALSE, "2024-06-01", "2000.00", "17.50", "17.50", 152, 1, "" },
  /* Texas order current;principal;interest (157.268): 500.00 on the 1st from Jan
   * 1 2024, 600.00 paid May 15, as_of Jun 1. Starts as above, May 1 → Jun 1.
   * Apr 1: 2.50, May 1: 5.00 (as above). May 15: current May 1 500.00, principal
   * 100.00 to Jan 1 (400.00 left), interest 7.50 untouched. Jun 1: P = Jan 400 +
   * Feb + Mar + Apr 500 each = 1900 (May starts Jun 1, not < Jun 1), M 500 →
   * 1400 × 600 / 120 000 = 7.00. Accrued 14.50. Owed 3000.00 − 600.00 = 2400.00;
   * 152 days since Jan 1. License 2400.00 >= 1500.00. */
  { "TX principal before interest", "us-tx", "child_support 500.00 monthly 1 2024-01-01",
    "2024-05-15 600.00", NULL, FALSE, FALSE, "2024-06-01",
    "2400.00", "14.50", "14.50", 152, 1, "500.00/0.00/100.00/0.00" },
  /* Illinois: 9 % monthly, next_month (735 ILCS 5/12-109). 600.00 on the 15th,
   * Jan and Feb 2024, as_of May 1. Starts Feb 1 and Mar 1. Feb 1: none (start
   * not < Feb 1). Mar 1: 600 × 900 / 120 000 = 4.50. Apr 1 and May 1: 1200 →
   * 9.00 each. 22.50. Days Jan 15 → May 1 = 107 >= 90: eligible. */
  { "IL monthly next_month", "us-il", "child_support 600.00 monthly 15 2024-01-01 2024-02-29",
    NULL, NULL, FALSE, FALSE, "2024-05-01", "1200.00", "22.50", "22.50", 107, 1, "" },
  /* As_of Apr 13: Mar 1 4.50 + Apr 1 9.00 = 13.50; 89 days: not eligible. */
  { "IL 89 days", "us-il", "child_support 600.00 monthly 15 2024-01-01 2024-02-29",
    NULL, NULL, FALSE, FALSE, "2024-04-13", "1200.00", "13.50", "13.50", 89, 0, "" },
  /* Illinois agency cases: no interest from 2021 (P.A. 101-336). */
  { "IL agency", "us-il", "child_support 600.00 monthly 15 2024-01-01 2024-02-29",
    NULL, NULL, TRUE, FALSE, "2024-05-01", "1200.00", "0.00", "0.00", 107, 1, "" },
  /* New York, no automatic interest. 500.00 on the 1st from Jan 1 2024, 200.00
   * paid Feb 10 (current: Feb 1), as_of Apr 15: 2000.00 − 200.00 = 1800.00; 105
   * days since Jan 1. License: 4 × 500.00 = 2000.00 > 1800.00: not eligible. */
  { "NY zero interest, under four months", "us-ny", "child_support 500.00 monthly 1 2024-01-01",
    "2024-02-10 200.00", NULL, FALSE, FALSE, "2024-04-15",
    "1800.00", "0.00", "0.00", 105, 0, "200.00/0.00/0.00/0.00" },
  /* As_of May 1: 2500.00 − 200.00 = 2300.00 >= 2000.00: eligible; 121 days. */
  { "NY four months", "us-ny", "child_support 500.00 monthly 1 2024-01-01",
    "2024-02-10 200.00", NULL, FALSE, FALSE, "2024-05-01",
    "2300.00", "0.00", "0.00", 121, 1, "200.00/0.00/0.00/0.00" },
  /* New York, the court found the default willful: 9 % recorded as an
   * override for 2024. As_of Apr 15, cent-days: Jan 1 50000 × 105; Feb 1
   * 50000 × 9 (to Feb 10) + 30000 × 65 (Feb 10 → Apr 15); Mar 1 50000 × 45;
   * Apr 1 50000 × 14: 10 600 000. × 900 / 3 650 000 = 2613.70 cents → 26.14. */
  { "NY willful default override", "us-ny", "child_support 500.00 monthly 1 2024-01-01",
    "2024-02-10 200.00", "2024-01-01 2024-12-31 9", FALSE, FALSE, "2024-04-15",
    "1800.00", "26.14", "26.14", 105, 0, "200.00/0.00/0.00/0.00" },
  /* Weekly 100.00 from Wednesday Jan 3 2024: monthly support 100.00 × 52 / 12
   * = 433.33; 4 months = 1733.32. As_of Apr 24: 17 installments, 1700.00: not
   * eligible; 112 days since Jan 3. */
  { "NY weekly under four months", "us-ny", "child_support 100.00 weekly - 2024-01-03",
    NULL, NULL, FALSE, FALSE, "2024-04-24", "1700.00", "0.00", "0.00", 112, 0, "" },
  /* As_of May 1: 18 installments, 1800.00 >= 1733.32: eligible; 119 days. */
  { "NY weekly four months", "us-ny", "child_support 100.00 weekly - 2024-01-03",
    NULL, NULL, FALSE, FALSE, "2024-05-01", "1800.00", "0.00", "0.00", 119, 1, "" },
  /* Pennsylvania, no statutory interest; license at 3 months (23 Pa.C.S. 4355).
   * 400.00 on the 1st from Jan 1 2024. As_of Feb 29: 800.00 < 1200.00, 59 days. */
  { "PA under three months", "us-pa", "child_support 400.00 monthly 1 2024-01-01",
    NULL, NULL, FALSE, FALSE, "2024-02-29", "800.00", "0.00", "0.00", 59, 0, "" },
  /* As_of Mar 1: 1200.00 >= 1200.00, 60 days. */
  { "PA three months", "us-pa", "child_support 400.00 monthly 1 2024-01-01",
    NULL, NULL, FALSE, FALSE, "2024-03-01", "1200.00", "0.00", "0.00", 60, 1, "" },
  /* Another state: federal rules only. 500.00 on the 1st from Jan 1 2024, as_of
   * Jun 1: 3000.00, no interest, no license suspension; 152 days. */
  { "us federal only", "us", "child_support 500.00 monthly 1 2024-01-01",
    NULL, NULL, FALSE, FALSE, "2024-06-01", "3000.00", "0.00", "0.00", 152, -1, "" },
};

static RecArrearsResult *
compute_row (const Row    *row,
             RecCaseData **data_out)
{
  g_autoptr(RecRules) rules = load (row->id);
  RecCaseData *data = fx_case (row->terms, NULL, row->payments, row->overrides, row->agency, FALSE);
  GDate as_of = fx_date (row->as_of);
  g_autoptr(GError) error = NULL;
  RecArrearsResult *r;

  rec_set_str (&data->info->jurisdiction, row->id);
  for (guint i = 0; row->tax_offset && i < data->payments->len; i++)
    ((RecPayment *) g_ptr_array_index (data->payments, i))->method = REC_PAYMENT_METHOD_TAX_OFFSET;
  r = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  *data_out = data;
  return r;
}

static void
check_row (const Row *row)
{
  g_autoptr(RecCaseData) data = NULL;
  g_autoptr(RecArrearsResult) r = compute_row (row, &data);
  g_autoptr(GString) splits = g_string_new (NULL);
  const RecRemedyResult *license;

  g_assert_cmpint (r->principal_balance_cents, ==, fx_cents (row->principal_balance));
  g_assert_cmpint (r->interest_accrued_cents, ==, fx_cents (row->interest_accrued));
  g_assert_cmpint (r->interest_balance_cents, ==, fx_cents (row->interest_balance));
  g_assert_cmpint (r->days_delinquent, ==, row->days);
  g_assert_cmpint (r->paid_cents, ==,
                   r->principal_paid_cents + r->interest_paid_cents + r->credit_cents);

  license = find_remedy (r, REC_REMEDY_LICENSE_SUSPENSION);
  if (row->license < 0)
    g_assert_null (license);
  else
    {
      g_assert_nonnull (license);
      g_assert_cmpint (license->eligible, ==, row->license);
      g_assert_nonnull (license->reason);
      g_assert_cmpstr (license->reason, !=, "");
    }

  for (guint i = 0; i < r->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, i);
      g_autofree char *c = NULL, *n = NULL, *p = NULL, *k = NULL;

      if (line->kind != REC_LEDGER_PAYMENT)
        continue;
      c = rec_cents_to_string (line->to_current_cents);
      n = rec_cents_to_string (line->to_interest_cents);
      p = rec_cents_to_string (line->to_principal_cents);
      k = rec_cents_to_string (line->to_credit_cents);
      g_string_append_printf (splits, "%s%s/%s/%s/%s", splits->len ? "; " : "", c, n, p, k);
    }
  if (row->splits != NULL)
    g_assert_cmpstr (splits->str, ==, row->splits);
}

static void
test_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u: %s", i, rows[i].name);
      check_row (&rows[i]);
    }
}

/* The federal remedies with the federal thresholds in every file, the state's
 * license suspension, and nothing else (no bank levy, property lien or notice
 * of delinquency outside California). 200.00 due Jan 1 2024, term ended, as_of
 * Feb 1: no term in force, 200.00 owed, one contempt count (no time bar). */
static void
test_federal_remedies (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_rows); i++)
    {
      const StateRow *state = &state_rows[i];
      g_autoptr(RecRules) rules = load (state->id);

      g_test_message ("%s", state->id);
      for (int pa = 0; pa < 2; pa++)
        {
          g_autoptr(RecCaseData) data =
            fx_case ("child_support 200.00 monthly 1 2024-01-01 2024-01-31", NULL, NULL, NULL, FALSE, pa);
          GDate as_of = fx_date ("2024-02-01");
          g_autoptr(GError) error = NULL;
          g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, rules, &as_of, &error);
          const RecRemedyResult *res;

          g_assert_no_error (error);
          g_assert_cmpuint (r->remedies->len, ==, state->license ? 6 : 5);
          g_assert_null (find_remedy (r, REC_REMEDY_BANK_LEVY));
          g_assert_null (find_remedy (r, REC_REMEDY_PROPERTY_LIEN));
          g_assert_null (find_remedy (r, REC_REMEDY_DELINQUENCY_NOTICE));
          g_assert_cmpint (find_remedy (r, REC_REMEDY_LICENSE_SUSPENSION) != NULL, ==, state->license);

          /* Principal owed 200.00 > 0. */
          res = find_remedy (r, REC_REMEDY_WAGE_GARNISHMENT);
          g_assert_nonnull (res);
          g_assert_true (res->eligible);
          g_assert_cmpstr (res->citation, ==, "42 U.S.C. 666(a)(1); 15 U.S.C. 1673(b)");
          /* 200.00 < 500.00, but >= 150.00 with public assistance. */
          res = find_remedy (r, REC_REMEDY_TAX_REFUND_INTERCEPT);
          g_assert_nonnull (res);
          g_assert_cmpint (res->eligible, ==, pa);
          g_assert_cmpstr (res->citation, ==, "45 CFR 303.72");
          /* Not more than 2500.00. */
          res = find_remedy (r, REC_REMEDY_PASSPORT_DENIAL);
          g_assert_nonnull (res);
          g_assert_false (res->eligible);
          g_assert_cmpstr (res->citation, ==, "42 U.S.C. 652(k)");
          res = find_remedy (r, REC_REMEDY_CREDIT_REPORTING);
          g_assert_nonnull (res);
          g_assert_true (res->eligible);
          g_assert_cmpstr (res->citation, ==, "42 U.S.C. 666(a)(7)");
          res = find_remedy (r, REC_REMEDY_CONTEMPT);
          g_assert_nonnull (res);
          g_assert_true (res->eligible);
          g_assert_cmpuint (r->contempt_counts->len, ==, 1);
        }
    }
}

/* Thresholds on the other side: 2500.01 owed (passport), nothing owed and no
 * term in force (wage withholding, credit reporting, contempt). */
static void
test_federal_thresholds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
    {
      g_autoptr(RecRules) rules = load (state_ids[i]);
      g_autoptr(RecCaseData) owed = fx_case ("child_support 2500.01 monthly 1 2024-01-01 2024-01-31",
                                             NULL, NULL, NULL, FALSE, FALSE);
      g_autoptr(RecCaseData) paid = fx_case ("child_support 2500.01 monthly 1 2024-01-01 2024-01-31",
                                             NULL, "2024-01-01 2500.01", NULL, FALSE, FALSE);
      GDate as_of = fx_date ("2024-02-01");
      g_autoptr(GError) error = NULL;
      g_autoptr(RecArrearsResult) r1 = rec_arrears_compute (owed, rules, &as_of, &error);
      g_autoptr(RecArrearsResult) r2 = NULL;

      g_test_message ("%s", state_ids[i]);
      g_assert_no_error (error);
      r2 = rec_arrears_compute (paid, rules, &as_of, &error);
      g_assert_no_error (error);
      g_assert_true (find_remedy (r1, REC_REMEDY_PASSPORT_DENIAL)->eligible);
      g_assert_true (find_remedy (r1, REC_REMEDY_TAX_REFUND_INTERCEPT)->eligible);
      g_assert_false (find_remedy (r2, REC_REMEDY_WAGE_GARNISHMENT)->eligible);
      g_assert_false (find_remedy (r2, REC_REMEDY_CREDIT_REPORTING)->eligible);
      g_assert_false (find_remedy (r2, REC_REMEDY_CONTEMPT)->eligible);
      g_assert_false (find_remedy (r2, REC_REMEDY_TAX_REFUND_INTERCEPT)->eligible);
    }
}

/* contempt_years=none: a month unpaid for 20 years is still a count. 100.00
 * due Jan 1 2000, as_of Jan 1 2024 (California's 3-year bar would drop it). */
static void
test_no_contempt_bar (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
    {
      g_autoptr(RecRules) rules = load (state_ids[i]);
      g_autoptr(RecCaseData) data = fx_case ("child_support 100.00 monthly 1 2000-01-01 2000-01-31",
                                             NULL, NULL, NULL, FALSE, FALSE);
      GDate as_of = fx_date ("2024-01-01");
      g_autoptr(GError) error = NULL;
      g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, rules, &as_of, &error);

      g_test_message ("%s", state_ids[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (r->contempt_counts->len, ==, 1);
      g_assert_true (find_remedy (r, REC_REMEDY_CONTEMPT)->eligible);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/states/load", test_load);
  g_test_add_func ("/states/rates", test_rates);
  g_test_add_func ("/states/examples", test_examples);
  g_test_add_func ("/states/federal-remedies", test_federal_remedies);
  g_test_add_func ("/states/federal-thresholds", test_federal_thresholds);
  g_test_add_func ("/states/no-contempt-bar", test_no_contempt_bar);

  return g_test_run ();
}

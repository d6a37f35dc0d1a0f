/* test-payoff.c — the payoff projection (spec/arrears.md §10), worked by hand
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small case: arrears of 1 000.00 (a charge due 2024-01-01, bearing
 * interest), California's rules (10 % simple, daily, order current, interest,
 * principal), as_of 2024-01-31, 100.00 a month from 2024-02-01 (the default:
 * the first of the month after as_of). A day of interest on P is
 * P × 0.10 / 365; the payment on the 1st pays the interest of the days before
 * it (rounded half-up; the sub-cent rest is forgiven), then principal.
 *
 *   Jan: 1 000.00 × 31 d → 8.49 owed on Feb 1 (before the projection)
 *   month       payment  principal after        interest charged in the month
 *   2024-02-01  100.00   1000 − (100 − 8.49) = 908.49   908.49 × 29 d = 7.22
 *   2024-03-01  100.00   908.49 − 92.78 = 815.71        815.71 × 31 d = 6.93
 *   2024-04-01  100.00   815.71 − 93.07 = 722.64        722.64 × 30 d = 5.94
 *   2024-05-01  100.00   722.64 − 94.06 = 628.58        628.58 × 31 d = 5.34
 *   2024-06-01  100.00   628.58 − 94.66 = 533.92        533.92 × 30 d = 4.39
 *   2024-07-01  100.00   533.92 − 95.61 = 438.31        438.31 × 31 d = 3.72
 *   2024-08-01  100.00   438.31 − 96.28 = 342.03        342.03 × 31 d = 2.90
 *   2024-09-01  100.00   342.03 − 97.10 = 244.93        244.93 × 30 d = 2.01
 *   2024-10-01  100.00   244.93 − 97.99 = 146.94        146.94 × 31 d = 1.25
 *   2024-11-01  100.00   146.94 − 98.75 =  48.19         48.19 × 30 d = 0.40
 *   2024-12-01   48.59   48.19 + 0.40 paid: 0.00        0.00
 * Paid off on 2024-12-01 after 11 months; interest from February on:
 * 7.22 + 6.93 + 5.94 + 5.34 + 4.39 + 3.72 + 2.90 + 2.01 + 1.25 + 0.40 = 40.10.
 * The interest balance after each month is the interest charged in it (each
 * payment clears the balance of the month before).
 */
#include "config.h"

#include "arrears-fixture.h"
#include "rec-payoff.h"

typedef struct
{
  const char *date;
  const char *payment, *charged, *principal, *interest;
} Row;

static const Row small_rows[] = {
  { "2024-02-01", "100.00", "7.22", "908.49", "7.22" },
  { "2024-03-01", "100.00", "6.93", "815.71", "6.93" },
  { "2024-04-01", "100.00", "5.94", "722.64", "5.94" },
  { "2024-05-01", "100.00", "5.34", "628.58", "5.34" },
  { "2024-06-01", "100.00", "4.39", "533.92", "4.39" },
  { "2024-07-01", "100.00", "3.72", "438.31", "3.72" },
  { "2024-08-01", "100.00", "2.90", "342.03", "2.90" },
  { "2024-09-01", "100.00", "2.01", "244.93", "2.01" },
  { "2024-10-01", "100.00", "1.25", "146.94", "1.25" },
  { "2024-11-01", "100.00", "0.40", "48.19", "0.40" },
  { "2024-12-01", "48.59", "0.00", "0.00", "0.00" },
};

static RecPayoff *
project (RecCaseData *data,
         const char  *as_of,
         const char  *monthly,
         const char  *from)
{
  g_autoptr(RecRules) rules = fx_rules (NULL);
  g_autoptr(GError) error = NULL;
  GDate as_of_date = fx_date (as_of), from_date;
  RecPayoff *payoff;

  g_date_clear (&from_date, 1);
  if (from != NULL)
    from_date = fx_date (from);
  payoff = rec_payoff_compute (data, rules, &as_of_date, fx_cents (monthly),
                               from ? &from_date : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (payoff);
  return payoff;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char buf[16];

  g_assert_true (rec_date_is_set (date));
  rec_date_to_iso_buf (date, buf);
  g_assert_cmpstr (buf, ==, expected);
}

static void
assert_small_case (const RecPayoff *payoff)
{
  g_assert_true (payoff->paid_off);
  assert_date (&payoff->paid_off_on, "2024-12-01");
  g_assert_cmpuint (payoff->months, ==, G_N_ELEMENTS (small_rows));
  g_assert_cmpint (payoff->interest, ==, fx_cents ("40.10"));
  for (guint i = 0; i < G_N_ELEMENTS (small_rows); i++)
    {
      const RecPayoffMonth *m = &payoff->schedule[i];

      g_test_message ("row %u", i);
      assert_date (&m->date, small_rows[i].date);
      g_assert_cmpint (m->payment, ==, fx_cents (small_rows[i].payment));
      g_assert_cmpint (m->interest_charged, ==, fx_cents (small_rows[i].charged));
      g_assert_cmpint (m->principal_balance, ==, fx_cents (small_rows[i].principal));
      g_assert_cmpint (m->interest_balance, ==, fx_cents (small_rows[i].interest));
    }
}

static void
test_small (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 1000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "100.00", NULL);

  assert_small_case (payoff);
}

/* The same arrears as January's unpaid support of a term that goes on: every
 * later installment is assumed paid on its due date, so the table is the
 * same. A payment recorded after as_of is left out of the projection. */
static void
test_installments_paid (void)
{
  g_autoptr(RecCaseData) data = fx_case ("child_support 1000.00 monthly 1 2024-01-01", NULL,
                                         "2024-03-10 5000.00", NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "100.00", NULL);

  assert_small_case (payoff);
}

/* Weekly support on Fridays: the assumed installment payments cover each
 * week whatever its day, so again the same table. */
static void
test_weekly_installments_paid (void)
{
  g_autoptr(RecCaseData) data = fx_case ("child_support 250.00 weekly - 2024-01-05",
                                         "2024-01-01 1000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = NULL;
  g_autoptr(RecCaseData) paid = NULL;

  /* The four January Fridays paid on their days: only the charge is owed. */
  paid = fx_case ("child_support 250.00 weekly - 2024-01-05", "2024-01-01 1000.00",
                  "2024-01-05 250.00; 2024-01-12 250.00; 2024-01-19 250.00; 2024-01-26 250.00",
                  NULL, FALSE, FALSE);
  payoff = project (paid, "2024-01-31", "100.00", NULL);
  assert_small_case (payoff);
  g_clear_pointer (&payoff, rec_payoff_free);

  /* Unpaid, the four weeks are 1 000.00 more arrears: not the same table. */
  payoff = project (data, "2024-01-31", "100.00", NULL);
  g_assert_true (payoff->paid_off);
  g_assert_cmpuint (payoff->months, >, G_N_ELEMENTS (small_rows));
}

/* 5.00 a month on 1 000.00 at 10 %: the interest (about 8.33 a month) is
 * never paid, the principal never moves: 600 rows, not paid off. Interest
 * charged: every day from 2024-02-01 to 2074-02-01 (18 263 days) on 1 000.00:
 * 1000 × 0.10 × 18263 / 365 = 5 003.56. */
static void
test_never (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 1000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "5.00", NULL);

  g_assert_false (payoff->paid_off);
  g_assert_false (rec_date_is_set (&payoff->paid_off_on));
  g_assert_cmpuint (payoff->months, ==, REC_PAYOFF_MAX_MONTHS);
  g_assert_cmpint (payoff->interest, ==, fx_cents ("5003.56"));
  assert_date (&payoff->schedule[0].date, "2024-02-01");
  assert_date (&payoff->schedule[REC_PAYOFF_MAX_MONTHS - 1].date, "2074-01-01");
  for (guint i = 0; i < payoff->months; i++)
    {
      g_assert_cmpint (payoff->schedule[i].payment, ==, 500);
      g_assert_cmpint (payoff->schedule[i].principal_balance, ==, fx_cents ("1000.00"));
    }
  /* February: 8.49 owed, 5.00 paid, 7.95 charged (29 days). */
  g_assert_cmpint (payoff->schedule[0].interest_charged, ==, fx_cents ("7.95"));
  g_assert_cmpint (payoff->schedule[0].interest_balance, ==, fx_cents ("11.44"));
  /* 5 003.56 + 8.49 charged, 600 × 5.00 paid. */
  g_assert_cmpint (payoff->schedule[599].interest_balance, ==, fx_cents ("2012.05"));
}

/* 100 000.00 at 10 % with 836.00 a month: the interest (about 833 a month)
 * is outgrown, barely (not in a month of 31 days: 849.32): with interest
 * paid monthly it would take
 * −ln (1 − 833.33 / 836) / ln (1 + 0.10 / 12) ≈ 692 months, so the table
 * stops at the cap with the principal still falling. */
static void
test_cap (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 100000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "836.00", NULL);
  const RecPayoffMonth *last;

  g_assert_false (payoff->paid_off);
  g_assert_cmpuint (payoff->months, ==, REC_PAYOFF_MAX_MONTHS);
  last = &payoff->schedule[REC_PAYOFF_MAX_MONTHS - 1];
  assert_date (&last->date, "2074-01-01");
  g_assert_cmpint (last->principal_balance, <, payoff->schedule[0].principal_balance);
  g_assert_cmpint (last->principal_balance, >, 0);
  for (guint i = 1; i < payoff->months; i++)
    g_assert_cmpint (payoff->schedule[i].principal_balance, <=,
                     payoff->schedule[i - 1].principal_balance);
  /* Worked exactly (the same steps as the small case): */
  g_assert_cmpint (last->principal_balance, ==, fx_cents ("61219.43"));
  g_assert_cmpint (payoff->interest, ==, fx_cents ("462490.06"));
}

/* --from on the 15th: the first payment is the first of the next month;
 * February and March accrue unpaid (31 + 29 + 31 days on 1 000.00 = 24.93
 * owed on April 1). */
static void
test_from (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 1000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "100.00", "2024-03-15");

  assert_date (&payoff->schedule[0].date, "2024-04-01");
  /* 1000 − (100 − 24.93) = 924.93 */
  g_assert_cmpint (payoff->schedule[0].principal_balance, ==, fx_cents ("924.93"));
  g_assert_true (payoff->paid_off);
}

static void
test_nothing_owed (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 1000.00", "2024-01-01 1000.00",
                                         NULL, FALSE, FALSE);
  g_autoptr(RecPayoff) payoff = project (data, "2024-01-31", "100.00", NULL);

  g_assert_true (payoff->paid_off);
  assert_date (&payoff->paid_off_on, "2024-01-31");
  g_assert_cmpuint (payoff->months, ==, 0);
  g_assert_cmpint (payoff->interest, ==, 0);
}

static void
test_invalid (void)
{
  g_autoptr(RecCaseData) data = fx_case (NULL, "2024-01-01 1000.00", NULL, NULL, FALSE, FALSE);
  g_autoptr(RecRules) rules = fx_rules (NULL);
  GDate as_of = fx_date ("2024-01-31"), from = fx_date ("2024-01-01");
  const RecCents bad[] = { 0, -100, REC_CENTS_MAX + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecPayoff) payoff = rec_payoff_compute (data, rules, &as_of, bad[i], NULL, &error);

      g_assert_null (payoff);
      g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecPayoff) payoff = rec_payoff_compute (data, rules, &as_of, 10000, &from, &error);

    g_assert_null (payoff);
    g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2024-01-01"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payoff/small", test_small);
  g_test_add_func ("/payoff/installments-paid", test_installments_paid);
  g_test_add_func ("/payoff/weekly-installments-paid", test_weekly_installments_paid);
  g_test_add_func ("/payoff/never", test_never);
  g_test_add_func ("/payoff/cap", test_cap);
  g_test_add_func ("/payoff/from", test_from);
  g_test_add_func ("/payoff/nothing-owed", test_nothing_owed);
  g_test_add_func ("/payoff/invalid", test_invalid);

  return g_test_run ();
}

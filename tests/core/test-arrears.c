/* test-arrears.c — the arrears engine, one table row per rule of spec/arrears.md
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure is worked out by hand in the row's comment from the
 * spec's text, never copied from the engine's output.
 */
#include "config.h"

#include "arrears-fixture.h"

typedef struct
{
  const char *name;
  const char *rules;                    /* edits of us-ca.ini (fx_rules), or NULL */
  const char *terms, *charges, *payments, *overrides;
  gboolean    agency, public_assistance;
  const char *as_of;
  /* expected */
  const char *principal_due, *paid, *principal_paid, *interest_paid, *credit;
  const char *principal_balance, *interest_accrued, *interest_balance;
  const char *oldest;                   /* NULL: nothing unpaid */
  int         days;
  const char *splits;                   /* per payment "current/interest/principal/credit"; NULL: not checked */
} Row;

#define MONTHLY "accrual=daily=>accrual=monthly"
#define MONTHLY_NEXT "accrual=daily=>accrual=monthly|starts=due_date=>starts=next_month"

static const Row rows[] = {
  /* spec §5 worked example: 500.00 on the 1st, Jan–Jun 2024, nothing paid,
   * as_of 2024-07-01. Days from each due date to Jul 1 (2024 is a leap year):
   * Jan 182, Feb 151, Mar 122, Apr 91, May 61, Jun 30 = 637.
   * 50000 × 0.10 × 637 / 365 = 8726.03 cents → 87.26. Oldest unpaid Jan 1,
   * 182 days before Jul 1. */
  { "worked example daily", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "87.26", "87.26", "2024-01-01", 182, "" },
  /* Monthly accrual, starts=due_date: on each 1st F <= as_of, 500 × 10 % / 12 =
   * 4.1666… per installment whose start < F: Jan item charged Feb..Jul = 6,
   * Feb 5, Mar 4, Apr 3, May 2, Jun 1 = 21 → 21 × 4.1666… = 87.50. */
  { "worked example monthly", MONTHLY,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "87.50", "87.50", "2024-01-01", 182, "" },
  /* Monthly, starts=next_month: Jan item starts Feb 1, charged Mar..Jul = 5,
   * then 4, 3, 2, 1, 0 = 15 → 15 × 4.1666… = 62.50. */
  { "worked example monthly next_month", MONTHLY_NEXT,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "62.50", "62.50", "2024-01-01", 182, "" },
  /* The same through the agency keys (accrual_agency=monthly,
   * starts_agency=next_month, FC 17433.5): 62.50. */
  { "agency case", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, TRUE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "62.50", "62.50", "2024-01-01", 182, "" },
};

static void
check_row (const Row *row)
{
  g_autoptr(RecRules) rules = fx_rules (row->rules);
  g_autoptr(RecCaseData) data = fx_case (row->terms, row->charges, row->payments, row->overrides,
                                         row->agency, row->public_assistance);
  GDate as_of = fx_date (row->as_of);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, rules, &as_of, &error);
  g_autoptr(GString) splits = g_string_new (NULL);
  RecCents sum;

  g_assert_no_error (error);
  g_assert_cmpint (r->principal_due_cents, ==, fx_cents (row->principal_due));
  g_assert_cmpint (r->paid_cents, ==, fx_cents (row->paid));
  g_assert_cmpint (r->principal_paid_cents, ==, fx_cents (row->principal_paid));
  g_assert_cmpint (r->interest_paid_cents, ==, fx_cents (row->interest_paid));
  g_assert_cmpint (r->credit_cents, ==, fx_cents (row->credit));
  g_assert_cmpint (r->principal_balance_cents, ==, fx_cents (row->principal_balance));
  g_assert_cmpint (r->interest_accrued_cents, ==, fx_cents (row->interest_accrued));
  g_assert_cmpint (r->interest_balance_cents, ==, fx_cents (row->interest_balance));
  g_assert_cmpint (r->days_delinquent, ==, row->days);
  if (row->oldest == NULL)
    g_assert_false (rec_date_is_set (&r->oldest_unpaid_due));
  else
    {
      GDate oldest = fx_date (row->oldest);

      g_assert_true (rec_date_is_set (&r->oldest_unpaid_due));
      g_assert_cmpint (g_date_compare (&r->oldest_unpaid_due, &oldest), ==, 0);
    }

  /* The identities of spec §8, on every row. */
  g_assert_cmpint (r->paid_cents, ==,
                   r->principal_paid_cents + r->interest_paid_cents + r->credit_cents);
  g_assert_cmpint (r->principal_balance_cents, ==, r->principal_due_cents - r->principal_paid_cents);
  g_assert_cmpint (r->total_balance_cents, ==, r->principal_balance_cents + r->interest_balance_cents);

  for (guint i = 0; i < r->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, i);
      g_autofree char *c = NULL, *n = NULL, *p = NULL, *k = NULL;

      if (line->kind != REC_LEDGER_PAYMENT)
        continue;
      sum = line->to_current_cents + line->to_interest_cents + line->to_principal_cents
            + line->to_credit_cents;
      g_assert_cmpint (sum, ==, line->amount_cents);
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
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u: %s", i, rows[i].name);
      check_row (&rows[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrears/table", test_table);

  return g_test_run ();
}

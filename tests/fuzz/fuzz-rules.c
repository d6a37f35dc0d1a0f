/* fuzz-rules.c — libFuzzer target: a jurisdiction's rules file
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input is refused with REC_CORE_ERROR_RULES, or accepted; accepted rules
 * hold only values the engine can use (rates 0–100 %, periods in date order,
 * an allocation order with principal, every remedy with a citation), and the
 * engine computes a small case with them or says why not, never crashing.
 *
 *   tests/fuzz/build.sh build-fuzz
 *   build-fuzz/fuzz/fuzz-rules -max_total_time=180 tests/fuzz/corpus/rules
 */
#include "config.h"

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-rules-private.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RecCaseData *
small_case (void)
{
  RecCaseData *c = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecCharge *charge = rec_charge_new ();
  RecPayment *payment = rec_payment_new ();

  term->entity.position = 1;
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 50000;
  term->frequency = REC_FREQUENCY_MONTHLY;
  term->due_day = 1;
  g_date_set_dmy (&term->effective, 1, G_DATE_JANUARY, 2020);
  g_ptr_array_add (c->terms, term);

  charge->entity.position = 1;
  charge->amount_cents = 42000;
  charge->interest_bearing = TRUE;
  g_date_set_dmy (&charge->date, 15, G_DATE_JUNE, 2021);
  g_ptr_array_add (c->charges, charge);

  payment->entity.position = 1;
  payment->amount_cents = 120000;
  g_date_set_dmy (&payment->date, 3, G_DATE_MARCH, 2022);
  g_ptr_array_add (c->payments, payment);
  return c;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_new_from_data ((const char *) data, size, &error);
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  gboolean seen_principal = FALSE;
  GDate as_of;

  if (rules == NULL)
    {
      g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  g_assert_nonnull (rec_rules_get_id (rules));
  g_assert_true (g_utf8_validate (rec_rules_get_name (rules), -1, NULL));
  g_assert_cmpuint (rules->n_rates, >, 0);
  g_assert_cmpuint (rules->rates[0].from_julian, ==, 0);
  for (guint i = 0; i < rules->n_rates; i++)
    {
      g_assert_cmpint (rules->rates[i].basis_points, >=, 0);
      g_assert_cmpint (rules->rates[i].basis_points, <=, 10000);
      if (i > 0)
        g_assert_cmpuint (rules->rates[i].from_julian, >, rules->rates[i - 1].from_julian);
    }
  g_assert_cmpint (rec_rules_rate_on (rules, 1), ==, rules->rates[0].basis_points);
  g_assert_cmpuint (rules->n_order, >=, 1);
  g_assert_cmpuint (rules->n_order, <=, REC_N_ALLOC_STEPS);
  for (guint i = 0; i < rules->n_order; i++)
    seen_principal |= rules->order[i] == REC_ALLOC_PRINCIPAL;
  g_assert_true (seen_principal);
  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    {
      /* A remedy the state does not have is absent from its file (spec §9). */
      if (!rules->remedies[r].present)
        continue;
      g_assert_cmpint (rules->remedies[r].n_conditions, >=, 1);
      g_assert_cmpint (rules->remedies[r].n_conditions, <=, 2);
      g_assert_nonnull (rules->remedies[r].reason_not);
      g_assert_nonnull (rules->remedies[r].citation);
    }

  /* The engine with these rules: a result, or an error that says why. */
  c = small_case ();
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 30, G_DATE_JUNE, 2024);
  result = rec_arrears_compute (c, rules, &as_of, &error);
  if (result == NULL)
    g_assert_nonnull (error);
  else
    {
      g_autofree char *json = rec_arrears_result_to_json (result);

      g_assert_no_error (error);
      g_assert_cmpint (result->principal_due_cents, ==, 54 * 50000 + 42000);
      g_assert_cmpint (result->paid_cents, ==,
                       result->principal_paid_cents + result->interest_paid_cents + result->credit_cents);
      g_assert_true (g_utf8_validate (json, -1, NULL));
    }
  return 0;
}

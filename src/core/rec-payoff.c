/* rec-payoff.c — the payoff projection of spec/arrears.md §10
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The projection is the engine itself, run once over the whole horizon: a
 * case that shares the original's order, charges, overrides and payments up
 * to as_of, plus the assumed payments — every installment due after as_of
 * paid in full on its due date (the installments are the engine's own: the
 * ledger of a run on the terms alone), then `monthly` on the first of each of
 * the REC_PAYOFF_MAX_MONTHS months from `from`. Its balance points are the
 * balances at the end of each month; its ledger tells how much interest each
 * month's payments paid and on which day the balance reached zero.
 *
 * Within a day the installments' own payment comes before the extra payment,
 * so the extra money is what goes toward the arrears (with any allocation
 * order the totals are the same). Recorded payments dated after as_of are
 * left out: the projection starts from the balance at as_of and assumes the
 * rest. Cost: two runs of the engine over the horizon, linear in the events.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-payoff.h"

#include "rec-arrears.h"
#include "rec-date.h"

#include <glib/gi18n.h>

static int
month_index_of (const GDate *date)
{
  return (int) g_date_get_year (date) * 12 + (int) g_date_get_month (date) - 1;
}

/* A case for the engine whose arrays borrow the original's entities (no
 * reference taken: the original outlives it), plus the payments made here. */
typedef struct
{
  RecCaseData  data;
  GPtrArray   *owned;            /* RecPayment */
} Projection;

static GPtrArray *
borrow (const GPtrArray *from)
{
  GPtrArray *array = g_ptr_array_sized_new (from ? from->len : 0);

  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (array, g_ptr_array_index (from, i));
  return array;
}

static Projection *
projection_new (const RecCaseData *case_data,
                gboolean           with_charges)
{
  Projection *p = g_new0 (Projection, 1);

  p->data.info = case_data->info;
  p->data.terms = borrow (case_data->terms);
  p->data.interest_overrides = borrow (with_charges ? case_data->interest_overrides : NULL);
  p->data.charges = borrow (with_charges ? case_data->charges : NULL);
  p->data.payments = g_ptr_array_new ();
  p->data.children = g_ptr_array_new ();
  p->data.communications = g_ptr_array_new ();
  p->data.enforcement = g_ptr_array_new ();
  p->owned = g_ptr_array_new_with_free_func (g_object_unref);
  return p;
}

static void
projection_free (Projection *p)
{
  g_ptr_array_unref (p->data.terms);
  g_ptr_array_unref (p->data.interest_overrides);
  g_ptr_array_unref (p->data.charges);
  g_ptr_array_unref (p->data.payments);
  g_ptr_array_unref (p->data.children);
  g_ptr_array_unref (p->data.communications);
  g_ptr_array_unref (p->data.enforcement);
  g_ptr_array_unref (p->owned);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Projection, projection_free)

static RecPayment *
add_payment (Projection *p,
             guint32     day,
             RecCents    amount,
             int         position)
{
  RecPayment *payment = rec_payment_new ();

  g_date_clear (&payment->date, 1);
  g_date_set_julian (&payment->date, day);
  payment->amount_cents = amount;
  payment->entity.position = position;
  g_ptr_array_add (p->owned, payment);
  g_ptr_array_add (p->data.payments, payment);
  return payment;
}

typedef struct
{
  guint32   day;
  RecCents  amount;
} DayAmount;

/* What falls due each day after as_of and before `end` in installments
 * (summed per day: one payment pays them all, the month's current support
 * first), from the engine's own schedule: its ledger on the terms alone. */
static GArray *
installments_due (const RecCaseData *case_data,
                  const RecRules    *rules,
                  const GDate       *as_of,
                  const GDate       *end,
                  GError           **error)
{
  g_autoptr(Projection) terms_only = projection_new (case_data, FALSE);
  g_autoptr(RecArrearsResult) schedule = NULL;
  g_autoptr(GArray) days = NULL;
  guint32 after = g_date_get_julian (as_of);

  schedule = rec_arrears_compute (&terms_only->data, rules, end, error);
  if (schedule == NULL)
    return NULL;

  days = g_array_sized_new (FALSE, FALSE, sizeof (DayAmount), schedule->ledger->len);
  for (guint i = 0; i < schedule->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (schedule->ledger, RecLedgerLine, i);
      DayAmount due;

      if (line->kind != REC_LEDGER_INSTALLMENT)
        continue;
      due.day = g_date_get_julian (&line->date);
      due.amount = line->amount_cents;
      if (due.day <= after)
        continue;
      if (days->len > 0 && g_array_index (days, DayAmount, days->len - 1).day == due.day)
        {
          DayAmount *last = &g_array_index (days, DayAmount, days->len - 1);

          if (!rec_cents_add (last->amount, due.amount, &last->amount))
            {
              g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_OVERFLOW,
                           _("The amounts of this case add up to more than can be computed"));
              return NULL;
            }
        }
      else
        g_array_append_val (days, due);
    }
  return g_steal_pointer (&days);
}

/* The balance point of the month `month` (year × 12 + month − 1), or NULL
 * before the first. */
static const RecBalancePoint *
point_of_month (const RecArrearsResult *result,
                int                     month)
{
  const RecBalancePoint *first;
  int index;

  if (result->balance_points->len == 0)
    return NULL;
  first = &g_array_index (result->balance_points, RecBalancePoint, 0);
  index = month - (first->year * 12 + first->month - 1);
  if (index < 0 || (guint) index >= result->balance_points->len)
    return NULL;
  return &g_array_index (result->balance_points, RecBalancePoint, index);
}

static RecPayoff *
payoff_new (guint months)
{
  RecPayoff *payoff = g_new0 (RecPayoff, 1);

  g_date_clear (&payoff->paid_off_on, 1);
  payoff->schedule = g_new0 (RecPayoffMonth, MAX (months, 1));
  return payoff;
}

/* Reads the projection's result into the table, up to the month the balance
 * is zero at its end. `extras[k]` is the extra payment of month k. */
static RecPayoff *
read_projection (const RecArrearsResult *result,
                 const GDate            *as_of,
                 const GDate            *first,
                 RecCents                monthly,
                 RecPayment * const     *extras)
{
  g_autoptr(RecPayoff) payoff = NULL;
  g_autofree RecCents *interest_paid = g_new0 (RecCents, REC_PAYOFF_MAX_MONTHS);
  g_autofree RecCents *to_credit = g_new0 (RecCents, REC_PAYOFF_MAX_MONTHS);
  guint32 as_of_day = g_date_get_julian (as_of);
  guint32 first_day = g_date_get_julian (first);
  int first_month = month_index_of (first);
  const RecBalancePoint *before;
  RecCents previous_interest, owed_at_as_of = 0;
  guint next_extra = 0, paid_off_month = G_MAXUINT;

  /* The ledger is in date order: interest paid per month from `first`, the
   * credit each extra payment left, what is owed at as_of. */
  for (guint i = 0; i < result->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (result->ledger, RecLedgerLine, i);
      guint32 day = g_date_get_julian (&line->date);
      int k;

      if (day <= as_of_day)
        {
          owed_at_as_of = line->principal_balance_cents + line->interest_balance_cents;
          continue;
        }
      if (day < first_day || line->kind != REC_LEDGER_PAYMENT)
        continue;
      k = month_index_of (&line->date) - first_month;
      if (k < 0 || k >= REC_PAYOFF_MAX_MONTHS)
        continue;
      interest_paid[k] += line->to_interest_cents;
      if (next_extra < REC_PAYOFF_MAX_MONTHS && line->source == extras[next_extra])
        {
          to_credit[k] = line->to_credit_cents;
          next_extra++;
        }
    }

  /* Nothing owed at as_of: nothing to pay off. */
  if (owed_at_as_of == 0)
    {
      payoff = payoff_new (0);
      payoff->paid_off = TRUE;
      payoff->paid_off_on = *as_of;
      return g_steal_pointer (&payoff);
    }

  payoff = payoff_new (REC_PAYOFF_MAX_MONTHS);
  before = point_of_month (result, first_month - 1);
  previous_interest = before != NULL ? before->interest_balance_cents : 0;

  for (guint k = 0; k < REC_PAYOFF_MAX_MONTHS; k++)
    {
      const RecBalancePoint *point = point_of_month (result, first_month + (int) k);
      RecPayoffMonth *row = &payoff->schedule[k];

      g_return_val_if_fail (point != NULL, NULL);
      row->date = *first;
      g_date_add_months (&row->date, k);
      row->payment = monthly - to_credit[k];
      /* What the interest balance grew by, plus what was paid off it. */
      row->interest_charged = point->interest_balance_cents - previous_interest + interest_paid[k];
      row->principal_balance = point->principal_balance_cents;
      row->interest_balance = point->interest_balance_cents;
      previous_interest = point->interest_balance_cents;
      payoff->interest += row->interest_charged;
      payoff->months = k + 1;

      if (row->principal_balance == 0 && row->interest_balance == 0)
        {
          paid_off_month = k;
          break;
        }
    }

  if (paid_off_month != G_MAXUINT)
    {
      guint32 month_day = g_date_get_julian (&payoff->schedule[paid_off_month].date);

      payoff->paid_off = TRUE;
      payoff->paid_off_on = payoff->schedule[paid_off_month].date;
      /* The day of the month's first payment after which nothing is owed. */
      for (guint i = 0; i < result->ledger->len; i++)
        {
          const RecLedgerLine *line = &g_array_index (result->ledger, RecLedgerLine, i);

          if (line->kind == REC_LEDGER_PAYMENT
              && g_date_get_julian (&line->date) >= month_day
              && line->principal_balance_cents == 0 && line->interest_balance_cents == 0)
            {
              payoff->paid_off_on = line->date;
              break;
            }
        }
    }
  return g_steal_pointer (&payoff);
}

RecPayoff *
rec_payoff_compute (const RecCaseData *case_data,
                    const RecRules    *rules,
                    const GDate       *as_of,
                    RecCents           monthly,
                    const GDate       *from,
                    GError           **error)
{
  g_autoptr(Projection) projected = NULL;
  g_autoptr(GArray) installments = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  g_autofree RecPayment **extras = NULL;
  GDate first, end;
  int position = 0;
  guint next = 0;

  g_return_val_if_fail (case_data != NULL && rules != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (monthly <= 0 || monthly > REC_CENTS_MAX)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("The monthly payment must be more than zero"));
      return NULL;
    }

  /* The first of the month on or after `from`, or the first of the month
   * after as_of. */
  if (from != NULL && rec_date_is_set (from))
    {
      first = *from;
      if (g_date_get_day (&first) != 1)
        {
          g_date_set_day (&first, 1);
          g_date_add_months (&first, 1);
        }
    }
  else
    {
      first = *as_of;
      g_date_set_day (&first, 1);
      g_date_add_months (&first, 1);
    }
  if (rec_date_compare (&first, as_of) <= 0)
    {
      char first_text[16], as_of_text[16];

      rec_date_to_iso_buf (&first, first_text);
      rec_date_to_iso_buf (as_of, as_of_text);
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: both %s are dates (YYYY-MM-DD) */
                   _("The first payment (%s) must come after the as-of date (%s)"),
                   first_text, as_of_text);
      return NULL;
    }
  /* The engine counts interest for the days before its as_of: run it to
   * the first day after the last month, whose balance point then holds the
   * whole month. */
  end = first;
  g_date_add_months (&end, REC_PAYOFF_MAX_MONTHS);

  installments = installments_due (case_data, rules, as_of, &end, error);
  if (installments == NULL)
    return NULL;

  /* The recorded payments up to as_of, then the assumed ones in date order
   * (the engine need not sort them), after them in entry order: on a day,
   * the installments' payment before the extra payment. */
  projected = projection_new (case_data, TRUE);
  for (guint i = 0; i < case_data->payments->len; i++)
    {
      RecPayment *payment = g_ptr_array_index (case_data->payments, i);

      position = MAX (position, payment->entity.position);
      if (rec_date_is_set (&payment->date) && rec_date_compare (&payment->date, as_of) > 0)
        continue;
      g_ptr_array_add (projected->data.payments, payment);
    }
  position = MIN (position, G_MAXINT - 2);

  extras = g_new0 (RecPayment *, REC_PAYOFF_MAX_MONTHS);
  for (guint k = 0; k <= REC_PAYOFF_MAX_MONTHS; k++)
    {
      GDate day = first;
      guint32 julian;

      g_date_add_months (&day, k);
      julian = g_date_get_julian (&day);
      for (; next < installments->len && g_array_index (installments, DayAmount, next).day <= julian;
           next++)
        add_payment (projected, g_array_index (installments, DayAmount, next).day,
                     g_array_index (installments, DayAmount, next).amount, position + 1);
      if (k < REC_PAYOFF_MAX_MONTHS)
        extras[k] = add_payment (projected, julian, monthly, position + 2);
    }

  result = rec_arrears_compute (&projected->data, rules, &end, error);
  if (result == NULL)
    return NULL;
  return read_projection (result, as_of, &first, monthly, extras);
}

void
rec_payoff_free (RecPayoff *payoff)
{
  if (payoff == NULL)
    return;

  g_free (payoff->schedule);
  g_free (payoff);
}

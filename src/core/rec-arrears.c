/* rec-arrears.c — the arrears engine of spec/arrears.md: a pure function
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sweep over the days on which something happens (an installment or charge
 * falls due, a payment, the first of a month), in date order. Between two such
 * days nothing changes, so the interest of the whole interval is the accruing
 * principal times the rate-days of the interval: the cost is linear in the
 * number of events, never in the number of days or amounts per day.
 *
 * Interest for a day d (daily accrual) is the unpaid principal at the end of
 * day d of the amounts whose accrual started on or before d: an amount paid on
 * day P therefore accrues for the days start <= d < P (spec §5), and the
 * balance shown at as_of counts the days before as_of.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-arrears-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

typedef struct
{
  const RecRules   *rules;
  RecAccrual        accrual;
  RecRateTable      rates;
  RecArrearsResult *result;

  RecItem          *items;
  guint             n_items;
  guint             frontier;           /* items[0 .. frontier) are due */
  guint             oldest;             /* no unpaid item before it */
  guint             activate;           /* next item whose accrual may start */
  guint             month_lo;           /* first item due in the current month */

  RecCents          accruing;           /* unpaid principal of accruing items */
  RecCents          principal_balance;
  RecCents          credit;
  RecInterest       interest;           /* exact balance, over REC_INTEREST_DENOMINATOR */
  RecInterest       accrued;            /* exact total accrued */
  guint32           cur;                /* interest is counted for the days < cur */
  gboolean          above;              /* interest_on=above_one_month (spec §9) */
  const RecSupportSegment *support;     /* the monthly support in force, by day */
  guint             n_support;
  guint             support_next;       /* first segment starting after cur */
  guint32           as_of;
  int               first_month;        /* year × 12 + month − 1 of the history, or -1 */
  /* The payment histories per kind (spec §11), month-major: for the history
   * month m (0 = first_month) and slot k (a RecTermKind, or N_SLOTS − 1 for
   * the charges), kind_ordered and kind_paid [m × N_SLOTS + k]. */
  int               n_months;
  int               month_pos;          /* the history month of cur */
  RecCents         *kind_ordered;
  RecCents         *kind_paid;
  RecCents         *interest_paid;      /* [m]: interest paid by payments dated in m */
  RecCents         *ordered_now;        /* kind_ordered and kind_paid of month_pos */
  RecCents         *paid_now;
  RecInterest       shown_interest;     /* the last interest rounded for a ledger line… */
  RecCents          shown_cents;        /* …and its rounding (a 128-bit division saved) */
  gboolean          overflow;
} Sweep;

#define N_SLOTS (REC_N_TERM_KINDS + 1)

/* An item's column in the histories per kind: its kind, or the charges'. */
static inline int
slot_of (const RecItem *item)
{
  return item->is_charge ? REC_N_TERM_KINDS : (int) item->kind;
}

static int
month_index (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date) * 12 + (int) g_date_get_month (&date) - 1;
}

static guint32
first_of_next_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

static RecCents
rounded (Sweep       *s,
         RecInterest  interest)
{
  RecCents cents = 0;

  if (!rec_interest_round_half_up (interest, &cents))
    s->overflow = TRUE;
  return cents;
}

/* *sum += value, or the overflow noted and *sum left as it was: every sum of
 * cents goes through these, so that a case whose amounts are beyond what it
 * may hold (a file another program wrote) stops with REC_CORE_ERROR_OVERFLOW
 * instead of wrapping around. */
static void
add_to (Sweep    *s,
        RecCents *sum,
        RecCents  value)
{
  RecCents result;

  if (rec_cents_add (*sum, value, &result))
    *sum = result;
  else
    s->overflow = TRUE;
}

static void
subtract_from (Sweep    *s,
               RecCents *sum,
               RecCents  value)
{
  RecCents result;

  if (rec_cents_sub (*sum, value, &result))
    *sum = result;
  else
    s->overflow = TRUE;
}

/* The interest balance rounded half-up, as ledger lines and balance points
 * show it; most events leave it unchanged. */
static RecCents
shown_interest (Sweep *s)
{
  if (s->interest != s->shown_interest)
    {
      s->shown_interest = s->interest;
      s->shown_cents = rounded (s, s->interest);
    }
  return s->shown_cents;
}

/* The principal that bears interest when `accruing` would under v1 and M is
 * the monthly support in force: all of it, or (interest_on=above_one_month)
 * only what exceeds M (spec §9). */
static RecCents
interest_base (const Sweep *s,
               RecCents     support)
{
  if (!s->above)
    return s->accruing;
  return s->accruing > support ? s->accruing - support : 0;
}

/* The monthly support in force on cur (above_one_month only). */
static RecCents
support_now (const Sweep *s)
{
  return s->support_next > 0 ? s->support[s->support_next - 1].monthly_cents : 0;
}

static void
advance_support (Sweep *s)
{
  while (s->support_next < s->n_support && s->support[s->support_next].start <= s->cur)
    s->support_next++;
}

/* Daily accrual of the days cur <= d < day. The monthly support changes only
 * on sweep events, so it is the one in force on cur for the whole interval. */
static void
sweep_accrue_to (Sweep   *s,
                 guint32  day)
{
  if (s->accrual == REC_ACCRUAL_DAILY && s->accruing > 0 && day > s->cur)
    {
      RecCents base = interest_base (s, support_now (s));
      RecInterest add = (RecInterest) base * REC_INTEREST_DAILY_FACTOR
                        * rec_rate_table_sum (&s->rates, s->cur, day);

      s->interest += add;
      s->accrued += add;
    }
  if (day > s->cur)
    {
      s->cur = day;
      if (s->above)
        advance_support (s);
    }
}

static void
add_balance_point (Sweep *s,
                   int    month)
{
  RecBalancePoint point;

  if (s->first_month < 0 || month < s->first_month)
    return;
  point.year = month / 12;
  point.month = month % 12 + 1;
  point.principal_balance_cents = s->principal_balance;
  point.interest_balance_cents = shown_interest (s);
  g_array_append_val (s->result->balance_points, point);
}

/* The first day F of a month, before its events: the balance point of the
 * month that ended, then (monthly accrual) one month of interest on the
 * principal accruing at the end of F − 1 at rate (F − 1) (spec §5). */
static void
sweep_month_start (Sweep   *s,
                   guint32  first)
{
  int month = month_index (first);

  add_balance_point (s, month - 1);
  s->month_pos = month - s->first_month;
  s->ordered_now = s->kind_ordered + s->month_pos * N_SLOTS;
  s->paid_now = s->kind_paid + s->month_pos * N_SLOTS;

  if (s->accrual == REC_ACCRUAL_MONTHLY && s->accruing > 0)
    {
      /* M is taken on F − 1, the day whose end gives the principal (§9). */
      RecCents support = s->above ? rec_schedule_support_on_segments (s->support, s->n_support,
                                                                      first - 1) : 0;
      RecInterest add = (RecInterest) interest_base (s, support) * REC_INTEREST_MONTHLY_FACTOR
                        * rec_rate_table_sum (&s->rates, first - 1, first);

      s->interest += add;
      s->accrued += add;
    }

  while (s->month_lo < s->frontier && s->items[s->month_lo].due < first)
    s->month_lo++;
}

static inline void
pay_item (Sweep    *s,
          RecItem  *item,
          RecCents  cents)
{
  subtract_from (s, &item->unpaid, cents);
  subtract_from (s, &s->principal_balance, cents);
  if (item->accruing)
    subtract_from (s, &s->accruing, cents);
  add_to (s, &s->paid_now[slot_of (item)], cents);
}

static void
append_line (Sweep         *s,
             RecLedgerLine *line)
{
  line->principal_balance_cents = s->principal_balance;
  line->interest_balance_cents = shown_interest (s);
  line->credit_balance_cents = s->credit;
  g_array_append_val (s->result->ledger, *line);
}

/* Installments and charges falling due on `day`, oldest first, each covered
 * by credit as far as it goes (spec §3 steps 1–2, §4 Credit). */
static void
sweep_items_due (Sweep   *s,
                 guint32  day)
{
  for (; s->frontier < s->n_items && s->items[s->frontier].due == day; s->frontier++)
    {
      RecItem *item = &s->items[s->frontier];
      RecLedgerLine line = { 0, };
      RecCents covered = MIN (s->credit, item->unpaid);

      add_to (s, &s->result->principal_due_cents, item->amount);
      add_to (s, &s->principal_balance, item->amount);
      add_to (s, &s->ordered_now[slot_of (item)], item->amount);

      pay_item (s, item, covered);
      subtract_from (s, &s->credit, covered);

      line.kind = item->is_charge ? REC_LEDGER_CHARGE : REC_LEDGER_INSTALLMENT;
      g_date_clear (&line.date, 1);
      g_date_set_julian (&line.date, day);
      line.term_kind = item->kind;
      line.source = item->source;
      line.amount_cents = item->amount;
      line.from_credit_cents = covered;
      append_line (s, &line);
    }
}

/* Items whose accrual starts on or before `day` begin to accrue on their
 * unpaid principal. Accrual starts grow with due dates, so one pointer does. */
static void
sweep_activate (Sweep   *s,
                guint32  day)
{
  for (; s->activate < s->frontier && s->items[s->activate].start <= day; s->activate++)
    {
      RecItem *item = &s->items[s->activate];

      if (!item->bearing)
        continue;
      item->accruing = TRUE;
      add_to (s, &s->accruing, item->unpaid);
    }
}

/* Step `current`: installments (not charges) due in the payment's calendar
 * month and <= its date, oldest first (spec §4.1). */
static RecCents
pour_current (Sweep    *s,
              RecCents  money)
{
  RecCents poured = 0;

  for (guint i = s->month_lo; i < s->frontier && money > 0; i++)
    {
      RecItem *item = &s->items[i];
      RecCents cents;

      if (item->is_charge || item->unpaid == 0)
        continue;
      cents = MIN (money, item->unpaid);
      pay_item (s, item, cents);
      money -= cents;
      poured += cents;
    }
  return poured;
}

/* Step `interest`: the balance as of the payment, rounded half-up. Covering
 * the whole rounded balance leaves exactly zero (the sub-cent remainder is
 * forgiven, even when the rounded balance is 0.00); a partial payment
 * subtracts exactly what it paid (spec §5, Exactness). */
static RecCents
pour_interest (Sweep    *s,
               RecCents  money)
{
  RecCents due = rounded (s, s->interest);
  RecCents cents = MIN (money, due);

  if (cents == due)
    s->interest = 0;
  else
    s->interest -= (RecInterest) cents * REC_INTEREST_DENOMINATOR;
  return cents;
}

/* Step `principal`: every installment and charge due <= the payment's date,
 * oldest first (spec §4.3). */
static RecCents
pour_principal (Sweep    *s,
                RecCents  money)
{
  RecCents poured = 0;

  for (guint i = s->oldest; i < s->frontier && money > 0; i++)
    {
      RecItem *item = &s->items[i];
      RecCents cents = MIN (money, item->unpaid);

      pay_item (s, item, cents);
      money -= cents;
      poured += cents;
    }
  while (s->oldest < s->frontier && s->items[s->oldest].unpaid == 0)
    s->oldest++;
  return poured;
}

static void
sweep_payment (Sweep      *s,
               RecPayment *payment)
{
  RecLedgerLine line = { 0, };
  RecCents money = payment->amount_cents;
  /* Tax refund intercepts have their own order (spec §9, order_tax_offset). */
  gboolean offset = payment->method == REC_PAYMENT_METHOD_TAX_OFFSET;
  const RecAllocStep *order = offset ? s->rules->order_tax_offset : s->rules->order;
  guint n_order = offset ? s->rules->n_order_tax_offset : s->rules->n_order;

  for (guint i = 0; i < n_order; i++)
    {
      RecCents cents = 0;

      switch (order[i])
        {
        case REC_ALLOC_CURRENT:
          cents = line.to_current_cents = pour_current (s, money);
          break;
        case REC_ALLOC_INTEREST:
          cents = line.to_interest_cents = pour_interest (s, money);
          break;
        case REC_ALLOC_PRINCIPAL:
        case REC_N_ALLOC_STEPS:
        default:
          cents = line.to_principal_cents = pour_principal (s, money);
          break;
        }
      money -= cents;
    }

  /* What is left is a prepayment (spec §4.4). */
  line.to_credit_cents = money;
  add_to (s, &s->credit, money);

  add_to (s, &s->result->paid_cents, payment->amount_cents);
  add_to (s, &s->result->interest_paid_cents, line.to_interest_cents);
  add_to (s, &s->interest_paid[s->month_pos], line.to_interest_cents);
  s->result->last_payment = payment->date;
  s->result->last_payment_cents = payment->amount_cents;

  line.kind = REC_LEDGER_PAYMENT;
  line.date = payment->date;
  line.source = payment;
  line.amount_cents = payment->amount_cents;
  append_line (s, &line);
}

/* The days on which something happens, in order; within a day: the first of
 * the month's bookkeeping, the items falling due (with credit), the accrual
 * starts, then the payments in entry order (spec §3). */
static void
sweep_run (Sweep        *s,
           const GArray *payments)
{
  const RecPaymentEvent *events = (const RecPaymentEvent *) (gpointer) payments->data;
  guint next_payment = 0;
  guint32 next_month = first_of_next_month (s->cur);

  /* After an overflow nothing computed is shown: stop there. */
  while (!s->overflow)
    {
      guint32 day = G_MAXUINT32;

      if (s->frontier < s->n_items)
        day = MIN (day, s->items[s->frontier].due);
      if (next_payment < payments->len)
        day = MIN (day, events[next_payment].day);
      if (next_month <= s->as_of)
        day = MIN (day, next_month);
      /* An accrual start that is no other event (after_days:N, spec §9). */
      if (s->activate < s->frontier && s->items[s->activate].start <= s->as_of)
        day = MIN (day, s->items[s->activate].start);
      /* A change of the monthly support changes the base (above_one_month). */
      if (s->above && s->support_next < s->n_support && s->support[s->support_next].start <= s->as_of)
        day = MIN (day, s->support[s->support_next].start);
      if (day == G_MAXUINT32)
        break;

      sweep_accrue_to (s, day);
      if (day == next_month)
        {
          sweep_month_start (s, day);
          next_month = first_of_next_month (day);
        }
      sweep_items_due (s, day);
      sweep_activate (s, day);
      for (; next_payment < payments->len && events[next_payment].day == day; next_payment++)
        sweep_payment (s, events[next_payment].payment);
    }

  sweep_accrue_to (s, s->as_of);
  add_balance_point (s, month_index (s->as_of));
}

static int
compare_payments (gconstpointer a,
                  gconstpointer b)
{
  const RecPaymentEvent *pa = a, *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  if (pa->position != pb->position)
    return pa->position < pb->position ? -1 : 1;
  return (pa->index > pb->index) - (pa->index < pb->index);
}

/* The payments dated <= as_of, by date, then entry order (position, then
 * order in the case). Usually they already are: then no sort. */
static GArray *
sorted_payments (const RecCaseData *case_data,
                 const GDate       *as_of,
                 GError           **error)
{
  g_autoptr(GArray) events = g_array_sized_new (FALSE, FALSE, sizeof (RecPaymentEvent),
                                                case_data->payments->len);
  guint32 last = g_date_get_julian (as_of);
  gboolean sorted = TRUE;

  for (guint i = 0; i < case_data->payments->len; i++)
    {
      RecPayment *payment = g_ptr_array_index (case_data->payments, i);
      RecPaymentEvent event = { 0, payment->entity.position, i, payment };

      if (!rec_date_is_set (&payment->date) || payment->amount_cents < 0)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %u is the number of a payment (1, 2, …) */
                       _("Payment %u has no date or a negative amount"), i + 1);
          return NULL;
        }
      event.day = g_date_get_julian (&payment->date);
      if (event.day > last)
        continue;
      if (events->len > 0
          && compare_payments (&g_array_index (events, RecPaymentEvent, events->len - 1), &event) > 0)
        sorted = FALSE;
      g_array_append_val (events, event);
    }
  if (!sorted)
    g_array_sort (events, compare_payments);
  return g_steal_pointer (&events);
}

static void
clear_kind_history (gpointer data)
{
  RecKindHistory *kind = data;

  g_clear_pointer (&kind->history, g_array_unref);
}

static RecArrearsResult *
result_new (const RecCaseData *case_data,
            const GDate       *as_of)
{
  RecArrearsResult *result = g_new0 (RecArrearsResult, 1);

  result->as_of = *as_of;
  result->currency = g_strdup (case_data->info && case_data->info->currency
                               && *case_data->info->currency ? case_data->info->currency : "USD");
  g_date_clear (&result->oldest_unpaid_due, 1);
  g_date_clear (&result->last_payment, 1);
  result->contempt_counts = g_array_new (FALSE, TRUE, sizeof (RecContemptCount));
  result->history = g_array_new (FALSE, TRUE, sizeof (RecHistoryYear));
  result->history_by_kind = g_array_new (FALSE, TRUE, sizeof (RecKindHistory));
  g_array_set_clear_func (result->history_by_kind, clear_kind_history);
  result->history_interest_paid = g_array_new (FALSE, TRUE, sizeof (RecInterestPaidMonth));
  result->remedies = g_array_new (FALSE, TRUE, sizeof (RecRemedyResult));
  result->ledger = g_array_new (FALSE, FALSE, sizeof (RecLedgerLine));
  result->balance_points = g_array_new (FALSE, TRUE, sizeof (RecBalancePoint));
  return result;
}

/* Where the sweep starts (the first event) and the first history month
 * (spec §6: the month of the first due date or first payment). */
static void
sweep_init_start (Sweep            *s,
                  RecArrearsResult *result,
                  GArray           *items,
                  const GArray     *payments)
{
  guint32 first = G_MAXUINT32;

  s->result = result;
  s->items = (RecItem *) (gpointer) items->data;
  s->n_items = items->len;
  /* Reserve the ledger once: one line per item and per payment. */
  g_array_set_size (result->ledger, items->len + payments->len);
  g_array_set_size (result->ledger, 0);

  if (s->n_items > 0)
    first = s->items[0].due;
  if (payments->len > 0)
    first = MIN (first, g_array_index (payments, RecPaymentEvent, 0).day);

  s->first_month = first == G_MAXUINT32 ? -1 : month_index (first);
  if (s->first_month >= 0)
    {
      s->n_months = month_index (s->as_of) - s->first_month + 1;
      s->kind_ordered = g_new0 (RecCents, (gsize) s->n_months * N_SLOTS);
      s->kind_paid = g_new0 (RecCents, (gsize) s->n_months * N_SLOTS);
      s->interest_paid = g_new0 (RecCents, s->n_months);
      s->ordered_now = s->kind_ordered;
      s->paid_now = s->kind_paid;
    }
  s->cur = MIN (first, s->as_of);
  if (s->above)
    advance_support (s);
}

/* The histories per kind and the interest paid per month (spec §11) from the
 * sums of the sweep, on the months of the merged history. A kind is listed
 * when an item of it fell due. */
static void
sweep_fill_kind_histories (Sweep *s)
{
  RecArrearsResult *r = s->result;
  gboolean present[N_SLOTS] = { FALSE, };

  for (guint i = 0; i < s->frontier; i++)
    present[slot_of (&s->items[i])] = TRUE;

  for (int k = 0; k < N_SLOTS; k++)
    {
      RecKindHistory kind = { 0, };

      if (!present[k])
        continue;
      kind.is_charges = k == REC_N_TERM_KINDS;
      kind.kind = kind.is_charges ? REC_TERM_KIND_OTHER : (RecTermKind) k;
      kind.history = g_array_new (FALSE, TRUE, sizeof (RecHistoryYear));
      for (int m = 0; m < s->n_months; m++)
        {
          int month = s->first_month + m;
          const RecCents ordered = s->kind_ordered[m * N_SLOTS + k];
          const RecCents paid = s->kind_paid[m * N_SLOTS + k];
          RecHistoryYear *year;

          if (m == 0 || month % 12 == 0)
            {
              RecHistoryYear fresh = { 0, };

              fresh.year = month / 12;
              g_array_append_val (kind.history, fresh);
            }
          year = &g_array_index (kind.history, RecHistoryYear, kind.history->len - 1);
          year->months[year->n_months].month = month % 12 + 1;
          year->months[year->n_months].ordered_cents = ordered;
          year->months[year->n_months].paid_cents = paid;
          year->n_months++;
          year->ordered_cents += ordered;
          year->paid_cents += paid;
        }
      g_array_append_val (r->history_by_kind, kind);
    }

  for (int m = 0; m < s->n_months; m++)
    if (s->interest_paid[m] != 0)
      {
        RecInterestPaidMonth month = { (s->first_month + m) / 12, (s->first_month + m) % 12 + 1,
                                       s->interest_paid[m] };

        g_array_append_val (r->history_interest_paid, month);
      }
}

static void
sweep_finish (Sweep *s)
{
  RecArrearsResult *r = s->result;

  r->credit_cents = s->credit;
  r->principal_balance_cents = s->principal_balance;
  r->principal_paid_cents = r->principal_due_cents;
  subtract_from (s, &r->principal_paid_cents, s->principal_balance);
  r->interest_accrued_cents = rounded (s, s->accrued);
  r->interest_balance_cents = rounded (s, s->interest);
  r->total_balance_cents = r->principal_balance_cents;
  add_to (s, &r->total_balance_cents, r->interest_balance_cents);

  while (s->oldest < s->frontier && s->items[s->oldest].unpaid == 0)
    s->oldest++;
  if (s->oldest < s->frontier)
    {
      g_date_set_julian (&r->oldest_unpaid_due, s->items[s->oldest].due);
      r->days_delinquent = (int) (s->as_of - s->items[s->oldest].due);
    }
}

RecArrearsResult *
rec_arrears_compute (const RecCaseData *case_data,
                     const RecRules    *rules,
                     const GDate       *as_of,
                     GError           **error)
{
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GArray) support = NULL;
  gboolean agency, months_test = FALSE, has_support = FALSE;
  RecCents monthly_support = 0;
  RecStartRule starts;
  guint32 last_term_day;
  Sweep s = { 0, };

  g_return_val_if_fail (case_data != NULL && rules != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  agency = case_data->info != NULL && case_data->info->agency_enforced;
  s.rules = rules;
  s.accrual = agency ? rules->accrual_agency : rules->accrual;
  s.as_of = g_date_get_julian (as_of);
  s.above = rules->interest_on == REC_INTEREST_ON_ABOVE_ONE_MONTH;
  starts.starts = agency ? rules->starts_agency : rules->starts;
  starts.days = agency ? rules->starts_agency_days : rules->starts_days;
  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    {
      const RecRemedyRule *rule = &rules->remedies[r];

      for (int c = 0; rule->present && c < rule->n_conditions; c++)
        months_test |= rule->conditions[c].test == REC_RULE_TEST_MONTHS_OF_SUPPORT;
      months_test |= rule->has_and && rule->and_condition.test == REC_RULE_TEST_MONTHS_OF_SUPPORT;
    }

  if (!rec_schedule_build (case_data, starts, as_of, &items, error)
      || ((s.above || months_test) && !rec_schedule_monthly_support (case_data, &support, error))
      || (payments = sorted_payments (case_data, as_of, error)) == NULL
      || !rec_rate_table_init (&s.rates, rules, agency, case_data, error))
    return NULL;
  if (support != NULL)
    {
      s.support = (const RecSupportSegment *) (gpointer) support->data;
      s.n_support = support->len;
    }

  result = result_new (case_data, as_of);
  sweep_init_start (&s, result, items, payments);
  sweep_run (&s, payments);
  sweep_finish (&s);
  if (!s.overflow)
    sweep_fill_kind_histories (&s);
  rec_rate_table_clear (&s.rates);
  g_free (s.kind_ordered);
  g_free (s.kind_paid);
  g_free (s.interest_paid);

  if (s.overflow)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_OVERFLOW,
                   _("The amounts of this case add up to more than can be computed"));
      return NULL;
    }

  result->term_in_force = rec_schedule_term_in_force (case_data, as_of);
  rec_arrears_fill_contempt (result, items, rules->contempt_years);
  rec_arrears_fill_history (result, items, payments);
  /* months_of_support: the support in force at as_of or, when none is, on
   * the last day a term was (spec §9). */
  if (months_test && rec_schedule_last_term_day (case_data, as_of, &last_term_day))
    {
      has_support = TRUE;
      monthly_support = rec_schedule_support_on (support, last_term_day);
    }
  rec_arrears_fill_remedies (result, rules, case_data->info && case_data->info->public_assistance,
                             has_support, monthly_support);
  return g_steal_pointer (&result);
}

GArray *
rec_arrears_history_by_kind_copy (const GArray *history_by_kind)
{
  GArray *copy;

  g_return_val_if_fail (history_by_kind != NULL, NULL);

  copy = g_array_sized_new (FALSE, TRUE, sizeof (RecKindHistory), history_by_kind->len);
  g_array_set_clear_func (copy, clear_kind_history);
  for (guint i = 0; i < history_by_kind->len; i++)
    {
      RecKindHistory kind = g_array_index (history_by_kind, RecKindHistory, i);

      kind.history = g_array_copy (kind.history);
      g_array_append_val (copy, kind);
    }
  return copy;
}

void
rec_arrears_result_free (RecArrearsResult *result)
{
  if (result == NULL)
    return;

  for (guint i = 0; result->remedies && i < result->remedies->len; i++)
    {
      rec_remedy_result_clear (&g_array_index (result->remedies, RecRemedyResult, i));
    }
  g_free (result->currency);
  g_clear_pointer (&result->contempt_counts, g_array_unref);
  g_clear_pointer (&result->history, g_array_unref);
  g_clear_pointer (&result->history_by_kind, g_array_unref);
  g_clear_pointer (&result->history_interest_paid, g_array_unref);
  g_clear_pointer (&result->remedies, g_array_unref);
  g_clear_pointer (&result->ledger, g_array_unref);
  g_clear_pointer (&result->balance_points, g_array_unref);
  g_free (result);
}

/* The words of a payment's split */

static const char *
translate_with (const RecRenderer *renderer,
                const char        *context,
                const char        *msgid)
{
  if (renderer->translate != NULL)
    return renderer->translate (context, msgid, renderer->user_data);
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : _(msgid);
}

char *
rec_ledger_line_split_text (const RecLedgerLine *line,
                            const RecRenderer   *renderer)
{
  static const RecRenderer by_default = { NULL, };
  const struct { RecCents cents; const char *format; } parts[] = {
    /* Translators: %s is an amount of a payment */
    { line->to_current_cents, N_("%s to this month’s support") },
    /* Translators: %s is an amount of a payment */
    { line->to_interest_cents, N_("%s to interest") },
    /* Translators: %s is an amount of a payment */
    { line->to_principal_cents, N_("%s to past-due support") },
    /* Translators: %s is an amount of a payment, kept for later installments */
    { line->to_credit_cents, N_("%s kept as credit") },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_parts = 0;

  g_return_val_if_fail (line != NULL, NULL);

  if (renderer == NULL)
    renderer = &by_default;
  /* A payment that simply paid this month's support needs no explanation. */
  if (line->kind != REC_LEDGER_PAYMENT || line->to_current_cents == line->amount_cents)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *amount = NULL;

      if (parts[i].cents == 0)
        continue;
      amount = renderer->format_cents != NULL
               ? renderer->format_cents (parts[i].cents, renderer->user_data)
               : rec_cents_format (parts[i].cents, renderer->currency);
      if (n_parts++ > 0)
        /* Translators: separates the parts of a list, "A, B" */
        g_string_append (text, translate_with (renderer, "list separator", NC_("list separator", ", ")));
      g_string_append_printf (text, translate_with (renderer, NULL, parts[i].format), amount);
    }

  return n_parts > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The chart's value axis */

/* Whole multiples of `step` at or below / at or above `value`. */
static RecCents
floor_to (RecCents value,
          RecCents step)
{
  RecCents q = value / step;

  return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}

static RecCents
ceil_to (RecCents value,
         RecCents step)
{
  RecCents q = value / step;

  return (value % step != 0 && value > 0 ? q + 1 : q) * step;
}

void
rec_chart_axis_compute (RecCents      lo_cents,
                        RecCents      hi_cents,
                        guint         max_steps,
                        RecChartAxis *out_axis)
{
  static const int factors[] = { 1, 2, 5 };
  RecCents lo, hi;

  g_return_if_fail (out_axis != NULL);

  /* Amounts a case can hold, so that the sums below cannot overflow. */
  lo = CLAMP (MIN (lo_cents, 0), -REC_CENTS_MAX * 10, 0);
  hi = CLAMP (MAX (hi_cents, 0), 0, REC_CENTS_MAX * 10);
  max_steps = MAX (max_steps, 1);

  for (RecCents power = 100; ; power *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
      {
        RecCents step = power * factors[i];
        RecCents min = floor_to (lo, step);
        RecCents max = ceil_to (hi, step);

        if (max == min)
          max = min + step;
        if ((max - min) / step <= (RecCents) max_steps)
          {
            out_axis->min_cents = min;
            out_axis->max_cents = max;
            out_axis->step_cents = step;
            out_axis->n_steps = (guint) ((max - min) / step);
            return;
          }
      }
}

gint64
rec_chart_axis_millionths (const RecChartAxis *axis,
                           RecCents            value)
{
  RecCents span;

  g_return_val_if_fail (axis != NULL, 0);

  /* The axis spans at most 2 × 10 × REC_CENTS_MAX (rec_chart_axis_compute):
   * times 10^6 that stays within 64 bits. */
  span = MAX (axis->max_cents - axis->min_cents, 1);
  value = CLAMP (value, axis->min_cents, axis->max_cents);
  return (value - axis->min_cents) * G_GINT64_CONSTANT (1000000) / span;
}

RecCents
rec_balance_point_total (const RecBalancePoint *point)
{
  RecCents total;

  if (!rec_cents_add (point->principal_balance_cents, point->interest_balance_cents, &total))
    return point->principal_balance_cents > 0 ? REC_CENTS_MAX : -REC_CENTS_MAX;

  return total;
}

void
rec_balance_points_range (const GArray *balance_points,
                          RecCents     *out_lo_cents,
                          RecCents     *out_hi_cents)
{
  RecCents lo = 0, hi = 0;

  for (guint i = 0; balance_points != NULL && i < balance_points->len; i++)
    {
      const RecBalancePoint *point = &g_array_index (balance_points, RecBalancePoint, i);
      RecCents total = rec_balance_point_total (point);

      lo = MIN (lo, MIN (point->principal_balance_cents, total));
      hi = MAX (hi, MAX (point->principal_balance_cents, total));
    }

  *out_lo_cents = lo;
  *out_hi_cents = hi;
}

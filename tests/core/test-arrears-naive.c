/* test-arrears-naive.c — the engine against a naive day-by-day reading of the spec
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine sweeps events and accrues whole intervals at once. This test
 * walks every calendar day instead, every amount separately, rescanning all
 * of them for each payment — slow and obvious — on a few hundred random cases
 * (fixed seeds), and compares every figure. It shares no code with the engine
 * beyond the case entities and the rules parser.
 */
#include "config.h"

#include "arrears-fixture.h"
#include "rec-rules-private.h"

#include <math.h>

typedef struct
{
  guint32  due, start;
  gboolean is_charge, bearing;
  int      kind, position, seq;
  gint64   amount, unpaid;
} Amount;

#define NAIVE_MONTHS 64    /* the 1400 days walked, and more */

typedef struct
{
  const RecCaseData *c;
  const RecRules    *rules;
  gboolean           agency, monthly, next_month, above;
  int                after_days;         /* -1: not after_days:N */
  GArray            *amounts;   /* Amount */
  __int128           interest, accrued;
  gint64             credit, due, paid, to_interest;
  /* spec §11, by month (year × 12 + month − 1 − base_month) and slot (the
   * kind, REC_N_TERM_KINDS for charges): due, and principal paid (by a
   * payment in its month, or by credit in the due date's month). */
  int                base_month;
  gint64             kind_due[NAIVE_MONTHS][REC_N_TERM_KINDS + 1];
  gint64             kind_paid[NAIVE_MONTHS][REC_N_TERM_KINDS + 1];
  gint64             interest_paid[NAIVE_MONTHS];
} Naive;

static guint32
julian (const GDate *d)
{
  return g_date_get_julian (d);
}

static void
dmy (guint32 j, int *day, int *month, int *year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  *day = g_date_get_day (&d), *month = g_date_get_month (&d), *year = g_date_get_year (&d);
}

/* The row of `day` in the per-kind sums. */
static int
month_row (Naive *n, guint32 day)
{
  int d, m, y, row;

  dmy (day, &d, &m, &y);
  row = y * 12 + m - 1 - n->base_month;
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (row, <, NAIVE_MONTHS);
  return row;
}

static int
slot_of (const Amount *a)
{
  return a->is_charge ? REC_N_TERM_KINDS : a->kind;
}

static int
rate_on (Naive *n, guint32 day)
{
  for (guint i = 0; i < n->c->interest_overrides->len; i++)
    {
      RecInterestOverride *o = g_ptr_array_index (n->c->interest_overrides, i);

      if (julian (&o->from) <= day && day <= julian (&o->to))
        return o->rate_basis_points;
    }
  /* rate_percent_agency for agency cases, when the file has it. */
  if (n->agency && n->rules->rates_agency != NULL)
    {
      int rate = n->rules->rates_agency[0].basis_points;

      for (guint i = 0; i < n->rules->n_rates_agency; i++)
        if (n->rules->rates_agency[i].from_julian <= day)
          rate = n->rules->rates_agency[i].basis_points;
      return rate;
    }
  return rec_rules_rate_on (n->rules, day);
}

/* Is `day` a due date of `term`, ignoring its range? */
static gboolean
falls_on (const RecTerm *t, guint32 day)
{
  int d, m, y, last;

  if (t->frequency == REC_FREQUENCY_WEEKLY || t->frequency == REC_FREQUENCY_BIWEEKLY)
    {
      guint32 step = t->frequency == REC_FREQUENCY_WEEKLY ? 7 : 14;

      return day >= julian (&t->effective) && (day - julian (&t->effective)) % step == 0;
    }
  dmy (day, &d, &m, &y);
  last = g_date_get_days_in_month (m, y);
  if (t->frequency == REC_FREQUENCY_MONTHLY)
    return d == (t->due_day <= 0 || t->due_day > last ? last : t->due_day);
  return d == MIN (t->due_days[0] <= 0 ? last : t->due_days[0], last)
         || d == MIN (t->due_days[1] <= 0 ? last : t->due_days[1], last);
}

/* How many installments of `term` fall on `day` (semimonthly days may clamp
 * onto the same date). */
static int
count_on (const RecTerm *t, guint32 day)
{
  int d, m, y, last, n = 0;

  if (t->frequency != REC_FREQUENCY_SEMIMONTHLY)
    return falls_on (t, day);
  dmy (day, &d, &m, &y);
  last = g_date_get_days_in_month (m, y);
  n += d == MIN (t->due_days[0] <= 0 ? last : t->due_days[0], last);
  n += d == MIN (t->due_days[1] <= 0 ? last : t->due_days[1], last);
  return n;
}

static guint32
last_day (const RecCaseData *c, const RecTerm *t)
{
  guint32 last = rec_date_is_set (&t->end) ? julian (&t->end) : G_MAXUINT32;

  for (guint i = 0; i < c->terms->len; i++)
    {
      RecTerm *o = g_ptr_array_index (c->terms, i);
      int cmp;

      if (o == t || o->kind != t->kind)
        continue;
      cmp = g_date_compare (&o->effective, &t->effective);
      if (cmp > 0 || (cmp == 0 && o->entity.position > t->entity.position))
        last = MIN (last, julian (&o->effective) - 1);
    }
  return last;
}

static guint32
start_of (Naive *n, guint32 due)
{
  int d, m, y;
  GDate date;

  if (n->after_days >= 0)
    return due + (guint32) n->after_days;
  if (!n->next_month)
    return due;
  dmy (due, &d, &m, &y);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, m, y);
  g_date_add_months (&date, 1);
  return julian (&date);
}

static int
compare_amounts (gconstpointer a, gconstpointer b)
{
  const Amount *x = a, *y = b;

  if (x->is_charge != y->is_charge)
    return x->is_charge - y->is_charge;
  if (x->kind != y->kind)
    return x->kind - y->kind;
  if (x->position != y->position)
    return x->position - y->position;
  return x->seq - y->seq;
}

/* Amounts falling due on `day`, in the spec's order, appended. */
static void
add_due (Naive *n, guint32 day)
{
  g_autoptr(GArray) today = g_array_new (FALSE, TRUE, sizeof (Amount));

  for (guint i = 0; i < n->c->terms->len; i++)
    {
      RecTerm *t = g_ptr_array_index (n->c->terms, i);
      int k = count_on (t, day);

      if (day < julian (&t->effective) || day > last_day (n->c, t))
        continue;
      for (int j = 0; j < k; j++)
        {
          Amount a = { day, start_of (n, day), FALSE, TRUE, t->kind, t->entity.position, j,
                       t->amount_cents, t->amount_cents };
          g_array_append_val (today, a);
        }
    }
  for (guint i = 0; i < n->c->charges->len; i++)
    {
      RecCharge *x = g_ptr_array_index (n->c->charges, i);
      Amount a = { day, start_of (n, day), TRUE, x->interest_bearing, 0, x->entity.position, 0,
                   x->amount_cents, x->amount_cents };

      if (julian (&x->date) == day)
        g_array_append_val (today, a);
    }
  g_array_sort (today, compare_amounts);
  for (guint i = 0; i < today->len; i++)
    {
      Amount *a = &g_array_index (today, Amount, i);
      gint64 cover = MIN (n->credit, a->unpaid);

      a->unpaid -= cover;
      n->credit -= cover;
      n->due += a->amount;
      n->kind_due[month_row (n, day)][slot_of (a)] += a->amount;
      n->kind_paid[month_row (n, day)][slot_of (a)] += cover;
      g_array_append_val (n->amounts, *a);
    }
}

static gint64
round_half_up (__int128 v)
{
  return (gint64) ((v + 21900000) / 43800000);
}

/* The monthly support on `day`: each term in force, its monthly equivalent
 * rounded half-up (spec §9), summed. */
static gint64
support_on (const RecCaseData *c, guint32 day)
{
  gint64 sum = 0;

  for (guint i = 0; i < c->terms->len; i++)
    {
      RecTerm *t = g_ptr_array_index (c->terms, i);
      gint64 a = t->amount_cents;

      if (day < julian (&t->effective) || day > last_day (c, t))
        continue;
      switch (t->frequency)
        {
        case REC_FREQUENCY_MONTHLY: sum += a; break;
        case REC_FREQUENCY_SEMIMONTHLY: sum += 2 * a; break;
        case REC_FREQUENCY_BIWEEKLY: sum += (gint64) floor (a * 26.0 / 12.0 + 0.5); break;
        default: sum += (gint64) floor (a * 52.0 / 12.0 + 0.5); break;
        }
    }
  return sum;
}

static void
pay (Naive *n, guint32 day, const RecPayment *p)
{
  int d, m, y, md, mm, my;
  gint64 money = p->amount_cents;
  gboolean tax = p->method == REC_PAYMENT_METHOD_TAX_OFFSET;
  const RecAllocStep *order = tax ? n->rules->order_tax_offset : n->rules->order;
  guint n_order = tax ? n->rules->n_order_tax_offset : n->rules->n_order;

  n->paid += money;
  dmy (day, &d, &m, &y);
  for (guint step = 0; step < n_order; step++)
    for (guint i = 0; i < n->amounts->len && money > 0; i++)
      {
        Amount *a = &g_array_index (n->amounts, Amount, i);
        gint64 x;

        if (order[step] == REC_ALLOC_INTEREST)
          {
            gint64 r = round_half_up (n->interest);

            x = MIN (money, r);
            n->interest = x == r ? 0 : n->interest - (__int128) x * 43800000;
            n->to_interest += x;
            n->interest_paid[month_row (n, day)] += x;
            money -= x;
            break;
          }
        dmy (a->due, &md, &mm, &my);
        if (order[step] == REC_ALLOC_CURRENT && (a->is_charge || mm != m || my != y))
          continue;
        x = MIN (money, a->unpaid);
        a->unpaid -= x;
        money -= x;
        n->kind_paid[month_row (n, day)][slot_of (a)] += x;
      }
  n->credit += money;
}

/* Adds P × rate × factor, P the unpaid principal of the amounts whose accrual
 * started by `day` — less one month of support (above_one_month), not below 0. */
static void
accrue (Naive *n, guint32 day, int rate, int factor)
{
  gint64 p = 0;
  __int128 add;

  for (guint i = 0; i < n->amounts->len; i++)
    {
      Amount *a = &g_array_index (n->amounts, Amount, i);

      if (a->bearing && a->start <= day)
        p += a->unpaid;
    }
  if (n->above)
    p = MAX (0, p - support_on (n->c, day));
  add = (__int128) p * rate * factor;
  n->interest += add;
  n->accrued += add;
}

static void
naive_run (Naive *n, guint32 first, guint32 as_of)
{
  for (guint32 day = first; day <= as_of; day++)
    {
      int d, m, y;

      dmy (day, &d, &m, &y);
      /* Monthly: on the 1st, the principal at the end of the day before,
       * of amounts that started before the 1st. */
      if (n->monthly && d == 1)
        accrue (n, day - 1, rate_on (n, day - 1), 365);
      add_due (n, day);
      for (guint i = 0; i < n->c->payments->len; i++)
        {
          RecPayment *p = g_ptr_array_index (n->c->payments, i);

          if (julian (&p->date) == day)
            pay (n, day, p);
        }
      /* Daily: the principal at the end of day d, for the days before as_of. */
      if (!n->monthly && day < as_of)
        accrue (n, day, rate_on (n, day), 12);
    }
}

/* A random case of 1–3 terms, charges, payments and overrides in 2022–2025. */
static RecCaseData *
random_case (GRand *rand, gboolean *out_agency)
{
  static const char *freqs[] = { "monthly", "semimonthly", "weekly", "biweekly" };
  static const char *kinds[] = { "child_support", "spousal_support", "medical_support" };
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(GString) charges = g_string_new (NULL);
  g_autoptr(GString) payments = g_string_new (NULL);
  g_autoptr(GString) overrides = g_string_new (NULL);
  GDate base;
  char a[16], b[16];
  gboolean has_end;

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, 1, 1, 2022);
#define DAY(buf, lo, hi) G_STMT_START { GDate x = base; int off = g_rand_int_range (rand, lo, hi); \
    if (off >= 0) g_date_add_days (&x, off); else g_date_subtract_days (&x, -off); \
    rec_date_to_iso_buf (&x, buf); } G_STMT_END

  for (int i = g_rand_int_range (rand, 1, 4); i > 0; i--)
    {
      const char *freq = freqs[g_rand_int_range (rand, 0, 4)];
      char days[16];

      if (g_str_equal (freq, "monthly"))
        g_snprintf (days, sizeof days, "%d", g_rand_int_range (rand, 0, 32));
      else if (g_str_equal (freq, "semimonthly"))
        g_snprintf (days, sizeof days, "%d,%d", g_rand_int_range (rand, 1, 32), g_rand_int_range (rand, 0, 32));
      else
        g_strlcpy (days, "-", sizeof days);
      if (days[0] == '0' && days[1] == '\0')
        g_strlcpy (days, "last", sizeof days);
      DAY (a, 0, 700);
      DAY (b, 200, 1200);
      has_end = g_rand_boolean (rand);
      g_string_append_printf (terms, "%s %d.%02d %s %s %s%s%s;", kinds[g_rand_int_range (rand, 0, 3)],
                              g_rand_int_range (rand, 50, 900), g_rand_int_range (rand, 0, 100), freq, days,
                              a, has_end ? " " : "", has_end ? b : "");
    }
  for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
    {
      DAY (a, 0, 1100);
      g_string_append_printf (charges, "%s %d.%02d%s;", a, g_rand_int_range (rand, 1, 3000),
                              g_rand_int_range (rand, 0, 100), g_rand_boolean (rand) ? "" : " noint");
    }
  for (int i = g_rand_int_range (rand, 0, 40); i > 0; i--)
    {
      DAY (a, -30, 1200);
      g_string_append_printf (payments, "%s %d.%02d%s;", a, g_rand_int_range (rand, 0, 1500),
                              g_rand_int_range (rand, 1, 100),
                              g_rand_int_range (rand, 0, 5) == 0 ? " tax" : "");
    }
  for (int i = g_rand_int_range (rand, 0, 3); i > 0; i--)
    {
      int from = g_rand_int_range (rand, 0, 1000);

      DAY (a, from, from + 1);
      DAY (b, from, from + 200);
      g_string_append_printf (overrides, "%s %s %d;", a, b, g_rand_int_range (rand, 0, 13));
    }
#undef DAY
  *out_agency = g_rand_int_range (rand, 0, 4) == 0;
  return fx_case (terms->str, charges->str, payments->str, overrides->str, *out_agency,
                  g_rand_boolean (rand));
}

static void
check_case (guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gboolean agency = FALSE;
  g_autoptr(RecCaseData) c = random_case (rand, &agency);
  /* The rules vary too: each of daily/monthly × due_date/next_month, and the
   * keys of rules v2 (spec §9), alone and together. */
  static const char *variants[] = {
    NULL,
    "accrual=daily=>accrual=monthly",
    "starts=due_date=>starts=next_month",
    "accrual=daily=>accrual=monthly|starts=due_date=>starts=next_month",
    "rate_percent=10=>rate_percent=10;2023-06-01:7.25;2024-09-15:12",
    "starts=due_date=>starts=after_days:30",
    "starts=due_date=>starts=after_days:31|starts_agency=next_month=>starts_agency=after_days:45",
    "interest_on=all=>interest_on=above_one_month",
    "interest_on=all=>interest_on=above_one_month|accrual=daily=>accrual=monthly"
      "|starts=due_date=>starts=after_days:31",
    "interest_on=all=>interest_on=above_one_month|accrual_agency=monthly=>accrual_agency=daily",
    "interest_on=all=>interest_on=all\nrate_percent_agency=12;2023-06-01:0;2024-03-10:6",
    "order_tax_offset=interest;principal=>order_tax_offset=principal;interest",
    "order=current;interest;principal;=>order=current;principal;interest"
      "|order_tax_offset=interest;principal=>order_tax_offset=principal;interest",
    "contempt_years=3=>contempt_years=none",
    "contempt_years=3=>contempt_years=none|order_tax_offset=interest;principal=>"
      "order_tax_offset=current;interest;principal",
  };
  guint variant = g_rand_int_range (rand, 0, G_N_ELEMENTS (variants));
  g_autofree char *edits = g_strcompress (variants[variant] ? variants[variant] : "");
  g_autoptr(RecRules) rules = fx_rules (variants[variant] ? edits : NULL);
  GDate as_of;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecArrearsResult) r = NULL;
  g_autoptr(GArray) amounts = g_array_new (FALSE, TRUE, sizeof (Amount));
  Naive n = { .c = c, .rules = rules, .agency = agency, .after_days = -1, .amounts = amounts };
  guint32 first, oldest = 0;
  gint64 balance = 0;
  guint counts = 0;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 1, 2022);
  g_date_add_days (&as_of, g_rand_int_range (rand, 0, 1300));
  n.monthly = (agency ? rules->accrual_agency : rules->accrual) == REC_ACCRUAL_MONTHLY;
  n.next_month = (agency ? rules->starts_agency : rules->starts) == REC_STARTS_NEXT_MONTH;
  if ((agency ? rules->starts_agency : rules->starts) == REC_STARTS_AFTER_DAYS)
    n.after_days = agency ? rules->starts_agency_days : rules->starts_days;
  n.above = rules->interest_on == REC_INTEREST_ON_ABOVE_ONE_MONTH;

  r = rec_arrears_compute (c, rules, &as_of, &error);
  g_assert_no_error (error);

  first = julian (&as_of) - 1400;
  {
    int d, m, y;

    dmy (first, &d, &m, &y);
    n.base_month = y * 12 + m - 1;
  }
  naive_run (&n, first, julian (&as_of));

  for (guint i = 0; i < amounts->len; i++)
    {
      const Amount *a = &g_array_index (amounts, Amount, i);

      balance += a->unpaid;
      if (a->unpaid > 0 && oldest == 0)
        oldest = a->due;
    }


  g_assert_cmpint (r->principal_due_cents, ==, n.due);
  g_assert_cmpint (r->paid_cents, ==, n.paid);
  g_assert_cmpint (r->interest_paid_cents, ==, n.to_interest);
  g_assert_cmpint (r->credit_cents, ==, n.credit);
  g_assert_cmpint (r->principal_balance_cents, ==, balance);
  g_assert_cmpint (r->interest_accrued_cents, ==, round_half_up (n.accrued));
  g_assert_cmpint (r->interest_balance_cents, ==, round_half_up (n.interest));
  g_assert_cmpint (r->paid_cents, ==, r->principal_paid_cents + r->interest_paid_cents + r->credit_cents);
  if (oldest == 0)
    g_assert_false (rec_date_is_set (&r->oldest_unpaid_due));
  else
    {
      g_assert_cmpint (julian (&r->oldest_unpaid_due), ==, oldest);
      g_assert_cmpint (r->days_delinquent, ==, (int) (julian (&as_of) - oldest));
    }

  /* Contempt: months with unpaid installments whose latest unpaid date is
   * within 3 years (Feb 29 → Feb 28), or any (contempt_years=none). */
  {
    GDate limit = as_of;

    g_date_subtract_years (&limit, 3);
    if (rules->contempt_years == REC_CONTEMPT_YEARS_NONE)
      g_date_set_dmy (&limit, 1, 1, 1);
    for (guint i = 0; i < amounts->len; i++)
      {
        const Amount *a = &g_array_index (amounts, Amount, i);
        int d, m, y, d2, m2, y2;
        guint32 latest = 0;
        gboolean seen_before = FALSE;

        if (a->is_charge)
          continue;
        dmy (a->due, &d, &m, &y);
        for (guint j = 0; j < amounts->len; j++)
          {
            const Amount *b = &g_array_index (amounts, Amount, j);

            if (b->is_charge)
              continue;
            dmy (b->due, &d2, &m2, &y2);
            if (m2 != m || y2 != y)
              continue;
            if (j < i)
              seen_before = TRUE;
            if (b->unpaid > 0)
              latest = MAX (latest, b->due);
          }
        if (!seen_before && latest != 0 && latest >= julian (&limit))
          counts++;
      }
  }
  g_assert_cmpuint (r->contempt_counts->len, ==, counts);

  /* spec §11: the histories per kind and the interest paid per month, month
   * by month against the naive sums (zero outside the engine's months), and
   * reconciled with the merged history. */
  {
    gboolean present[REC_N_TERM_KINDS + 1] = { FALSE, };
    guint n_present = 0, at = 0;
    gint64 kinds_seen[NAIVE_MONTHS][REC_N_TERM_KINDS + 1] = { { 0, } };
    gint64 interest_seen[NAIVE_MONTHS] = { 0, };

    for (guint i = 0; i < amounts->len; i++)
      present[slot_of (&g_array_index (amounts, Amount, i))] = TRUE;
    for (int k = 0; k <= REC_N_TERM_KINDS; k++)
      n_present += present[k];
    g_assert_cmpuint (r->history_by_kind->len, ==, n_present);
    for (int k = 0; k <= REC_N_TERM_KINDS; k++)
      {
        const RecKindHistory *kind;

        if (!present[k])
          continue;
        kind = &g_array_index (r->history_by_kind, RecKindHistory, at++);
        g_assert_cmpint (kind->is_charges, ==, k == REC_N_TERM_KINDS);
        if (!kind->is_charges)
          g_assert_cmpint (kind->kind, ==, k);
        for (guint y = 0; y < kind->history->len; y++)
          {
            const RecHistoryYear *year = &g_array_index (kind->history, RecHistoryYear, y);

            for (int m = 0; m < year->n_months; m++)
              {
                int row = year->year * 12 + year->months[m].month - 1 - n.base_month;

                g_assert_cmpint (row, >=, 0);
                g_assert_cmpint (row, <, NAIVE_MONTHS);
                g_assert_cmpint (year->months[m].ordered_cents, ==, n.kind_due[row][k]);
                g_assert_cmpint (year->months[m].paid_cents, ==, n.kind_paid[row][k]);
                kinds_seen[row][k] = 1;
              }
          }
      }
    for (guint i = 0; i < r->history_interest_paid->len; i++)
      {
        const RecInterestPaidMonth *month = &g_array_index (r->history_interest_paid, RecInterestPaidMonth, i);
        int row = month->year * 12 + month->month - 1 - n.base_month;

        g_assert_cmpint (row, >=, 0);
        g_assert_cmpint (row, <, NAIVE_MONTHS);
        g_assert_cmpint (month->paid_cents, ==, n.interest_paid[row]);
        interest_seen[row] = 1;
      }
    for (int row = 0; row < NAIVE_MONTHS; row++)
      {
        if (!interest_seen[row])
          g_assert_cmpint (n.interest_paid[row], ==, 0);
        for (int k = 0; k <= REC_N_TERM_KINDS; k++)
          if (!kinds_seen[row][k])
            {
              g_assert_cmpint (n.kind_due[row][k], ==, 0);
              g_assert_cmpint (n.kind_paid[row][k], ==, 0);
            }
      }
    fx_check_kind_histories (r);
  }
  g_test_message ("seed %u, rules variant %u, agency %d: due %" G_GINT64_FORMAT " paid %" G_GINT64_FORMAT
                   " interest paid %" G_GINT64_FORMAT " credit %" G_GINT64_FORMAT " accrued %" G_GINT64_FORMAT
                   " counts %u", seed, variant, agency, n.due, n.paid, n.to_interest, n.credit,
                   round_half_up (n.accrued), counts);
}

static void
test_random (void)
{
  for (guint seed = 1; seed <= 400; seed++)
    check_case (seed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrears-naive/random", test_random);

  return g_test_run ();
}

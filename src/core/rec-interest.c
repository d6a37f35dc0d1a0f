/* rec-interest.c — the rate in force each day and the rounding of interest
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/arrears.md §5. The rate of a day is the rules file's rate period for
 * that day (rate_percent_agency's for agency-enforced cases, §9) unless an
 * interest override of the case covers it. The table holds
 * the running sum of the rate over days, so the rate-days of any interval, and
 * so the interest of a constant principal over it, is one subtraction.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-arrears-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

gboolean
rec_interest_round_half_up (RecInterest  interest,
                            RecCents    *out_cents)
{
  /* REC_ROUND_HALF_UP of a non-negative rational n / D: ⌊(n + D/2) / D⌋, exact
   * because D is even. */
  RecInterest cents = (interest + REC_INTEREST_DENOMINATOR / 2) / REC_INTEREST_DENOMINATOR;

  g_assert (interest >= 0);
  if (cents > G_MAXINT64)
    return FALSE;
  *out_cents = (RecCents) cents;
  return TRUE;
}

static int
compare_overrides (gconstpointer a,
                   gconstpointer b)
{
  const RecInterestOverride *oa = *(RecInterestOverride * const *) a;
  const RecInterestOverride *ob = *(RecInterestOverride * const *) b;

  return (oa->entity.position > ob->entity.position) - (oa->entity.position < ob->entity.position);
}

/* The overrides in entry order, checked. */
static GPtrArray *
sorted_overrides (const RecCaseData *case_data,
                  GError           **error)
{
  g_autoptr(GPtrArray) overrides = g_ptr_array_new ();

  for (guint i = 0; i < case_data->interest_overrides->len; i++)
    {
      RecInterestOverride *o = g_ptr_array_index (case_data->interest_overrides, i);

      if (!rec_date_is_set (&o->from) || !rec_date_is_set (&o->to)
          || g_date_compare (&o->from, &o->to) > 0
          || o->rate_basis_points < 0 || o->rate_basis_points > 10000)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %u is the number of an interest override (1, 2, …) */
                       _("Interest override %u needs from <= to and a rate from 0 to 100"),
                       i + 1);
          return NULL;
        }
      g_ptr_array_add (overrides, o);
    }
  g_ptr_array_sort (overrides, compare_overrides);
  return g_steal_pointer (&overrides);
}

/* The rate on one day. Where overrides overlap, the first in entry order wins
 * (spec §5 says only that "an override takes precedence"). */
static int
rate_on (const RecRules  *rules,
         gboolean         agency,
         const GPtrArray *overrides,
         guint32          day)
{
  for (guint i = 0; i < overrides->len; i++)
    {
      const RecInterestOverride *o = g_ptr_array_index (overrides, i);

      if (g_date_get_julian (&o->from) <= day && day <= g_date_get_julian (&o->to))
        return o->rate_basis_points;
    }
  return rec_rules_rate_on_case (rules, agency, day);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 da = *(const guint32 *) a, db = *(const guint32 *) b;

  return (da > db) - (da < db);
}

/* Every day on which the rate may change: day 1, each rules period's start,
 * each override's first day and the day after its last. Sorted, unique. */
static GArray *
change_days (const RecRules  *rules,
             gboolean         agency,
             const GPtrArray *overrides)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 one = 1;
  guint n = 0, n_rates = 0;
  const RecRatePeriod *rates = rec_rules_periods (rules, agency, &n_rates);

  g_array_append_val (days, one);
  for (guint i = 0; i < n_rates; i++)
    if (rates[i].from_julian > 1)
      g_array_append_val (days, rates[i].from_julian);
  for (guint i = 0; i < overrides->len; i++)
    {
      const RecInterestOverride *o = g_ptr_array_index (overrides, i);
      guint32 from = g_date_get_julian (&o->from);
      guint32 after = g_date_get_julian (&o->to) + 1;

      g_array_append_val (days, from);
      g_array_append_val (days, after);
    }
  g_array_sort (days, compare_days);

  for (guint i = 0; i < days->len; i++)
    if (n == 0 || g_array_index (days, guint32, i) != g_array_index (days, guint32, n - 1))
      g_array_index (days, guint32, n++) = g_array_index (days, guint32, i);
  g_array_set_size (days, n);
  return days;
}

gboolean
rec_rate_table_init (RecRateTable      *table,
                     const RecRules    *rules,
                     gboolean           agency,
                     const RecCaseData *case_data,
                     GError           **error)
{
  g_autoptr(GPtrArray) overrides = sorted_overrides (case_data, error);
  g_autoptr(GArray) days = NULL;
  gint64 sum = 0;

  table->segments = NULL;
  if (overrides == NULL)
    return FALSE;

  days = change_days (rules, agency, overrides);
  table->segments = g_array_sized_new (FALSE, FALSE, sizeof (RecRateSegment), days->len);
  for (guint i = 0; i < days->len; i++)
    {
      RecRateSegment segment;

      segment.start = g_array_index (days, guint32, i);
      segment.basis_points = rate_on (rules, agency, overrides, segment.start);
      if (i > 0)
        {
          const RecRateSegment *prev = &g_array_index (table->segments, RecRateSegment, i - 1);

          sum += (gint64) prev->basis_points * (gint64) (segment.start - prev->start);
        }
      segment.sum_before = sum;
      g_array_append_val (table->segments, segment);
    }
  return TRUE;
}

void
rec_rate_table_clear (RecRateTable *table)
{
  g_clear_pointer (&table->segments, g_array_unref);
}

/* Σ rate(d) for 1 <= d < day. */
static gint64
sum_before (const RecRateTable *table,
            guint32             day)
{
  const RecRateSegment *segments = (const RecRateSegment *) (gpointer) table->segments->data;
  guint lo = 0, hi = table->segments->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (segments[mid].start <= day)
        lo = mid;
      else
        hi = mid;
    }
  return segments[lo].sum_before + (gint64) segments[lo].basis_points * (gint64) (day - segments[lo].start);
}

gint64
rec_rate_table_sum (const RecRateTable *table,
                    guint32             from,
                    guint32             to)
{
  if (to <= from)
    return 0;
  return sum_before (table, to) - sum_before (table, from);
}

/* rec-schedule.c — the installments of the terms and the charges (spec/arrears.md §2, §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-arrears-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

/* Terms of one kind in effective-date order; on the same date, entry order
 * (the later entry is "the next term", so it supersedes the earlier one). */
static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const RecTerm *ta = *(RecTerm * const *) a;
  const RecTerm *tb = *(RecTerm * const *) b;
  int c;

  if (ta->kind != tb->kind)
    return ta->kind < tb->kind ? -1 : 1;
  if ((c = g_date_compare (&ta->effective, &tb->effective)) != 0)
    return c;
  return (ta->entity.position > tb->entity.position) - (ta->entity.position < tb->entity.position);
}

/* The terms sorted by kind and effective date (a stable sort keeps entry
 * order for equal positions). Checks their dates. */
static GPtrArray *
sorted_terms (const RecCaseData *case_data,
              GError           **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();

  for (guint i = 0; i < case_data->terms->len; i++)
    {
      RecTerm *term = g_ptr_array_index (case_data->terms, i);

      if (!rec_date_is_set (&term->effective) || term->amount_cents < 0
          || term->frequency < 0 || term->frequency >= REC_N_FREQUENCIES)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %u is the number of a support term (1, 2, …) */
                       _("Term %u has no effective date, a negative amount or an unknown frequency"),
                       i + 1);
          return NULL;
        }
      g_ptr_array_add (terms, term);
    }
  g_ptr_array_sort (terms, compare_terms);
  return g_steal_pointer (&terms);
}

/* The last day a term applies (julian): the earlier of its own end and the
 * day before the next same-kind term's effective date (spec §1). 0 when the
 * term never applies. `next` is the next term of the sorted list or NULL. */
static guint32
term_last_day (const RecTerm *term,
               const RecTerm *next)
{
  guint32 last = G_MAXUINT32;

  if (rec_date_is_set (&term->end))
    last = g_date_get_julian (&term->end);
  if (next != NULL && next->kind == term->kind)
    last = MIN (last, g_date_get_julian (&next->effective) - 1);
  return last;
}

/* A due day (1–31, REC_DUE_DAY_LAST = 0 and anything out of range meaning the
 * last day) clamped to the month (spec §2). */
static guint32
clamped_due (int        due_day,
             GDateMonth month,
             GDateYear  year)
{
  int days = g_date_get_days_in_month (month, year);
  GDate date;

  if (due_day <= 0 || due_day > days)
    due_day = days;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) due_day, month, year);
  return g_date_get_julian (&date);
}

typedef struct
{
  GArray      *items;
  RecStartRule starts;
  guint        seq;
} Builder;

static guint32
accrual_start (RecStartRule starts,
               guint32      due)
{
  GDate date;

  if (starts.starts == REC_STARTS_DUE_DATE)
    return due;
  /* after_days:N (spec §9). */
  if (starts.starts == REC_STARTS_AFTER_DAYS)
    return due + (guint32) starts.days;

  /* next_month: the first day of the month after the month it fell due. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, due);
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

static void
add_item (Builder  *builder,
          guint32   due,
          gboolean  is_charge,
          gpointer  source)
{
  RecItem item = { 0, };

  item.due = due;
  item.start = accrual_start (builder->starts, due);
  item.is_charge = is_charge;
  item.seq = builder->seq++;
  item.source = source;
  if (is_charge)
    {
      RecCharge *charge = source;

      item.position = charge->entity.position;
      item.amount = charge->amount_cents;
      item.bearing = charge->interest_bearing;
    }
  else
    {
      RecTerm *term = source;

      item.kind = term->kind;
      item.position = term->entity.position;
      item.amount = term->amount_cents;
      item.bearing = TRUE;
    }
  item.unpaid = item.amount;
  g_array_append_val (builder->items, item);
}

/* Monthly and semimonthly: the due days of each calendar month. */
static void
add_monthly (Builder       *builder,
             const RecTerm *term,
             guint32        first,
             guint32        last)
{
  GDate month;
  int days[2] = { term->due_day, 0 };
  int n_days = 1;

  if (term->frequency == REC_FREQUENCY_SEMIMONTHLY)
    {
      /* Two per month, in date order whatever order they were given in. */
      days[0] = MIN (term->due_days[0], term->due_days[1]);
      days[1] = MAX (term->due_days[0], term->due_days[1]);
      if (days[0] <= 0)
        days[0] = days[1], days[1] = 0;  /* "last" sorts after every day */
      n_days = 2;
    }

  g_date_clear (&month, 1);
  g_date_set_julian (&month, first);
  g_date_set_day (&month, 1);
  while (g_date_get_julian (&month) <= last)
    {
      for (int i = 0; i < n_days; i++)
        {
          guint32 due = clamped_due (days[i], g_date_get_month (&month), g_date_get_year (&month));

          if (due >= first && due <= last)
            add_item (builder, due, FALSE, (gpointer) term);
        }
      g_date_add_months (&month, 1);
    }
}

static void
add_term (Builder       *builder,
          const RecTerm *term,
          guint32        last)
{
  guint32 first = g_date_get_julian (&term->effective);

  if (last < first)
    return;

  switch (term->frequency)
    {
    case REC_FREQUENCY_WEEKLY:
    case REC_FREQUENCY_BIWEEKLY:
      {
        guint32 step = term->frequency == REC_FREQUENCY_WEEKLY ? 7 : 14;

        /* Anchored on the effective date (spec §2). */
        for (guint32 due = first; due <= last; due += step)
          add_item (builder, due, FALSE, (gpointer) term);
      }
      break;
    case REC_FREQUENCY_MONTHLY:
    case REC_FREQUENCY_SEMIMONTHLY:
    default:
      add_monthly (builder, term, first, last);
      break;
    }
}

/* Oldest first (spec §3): by due date; on the same date installments before
 * charges, installments by kind, then by entry order; last, generation order. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const RecItem *ia = a, *ib = b;

  if (ia->due != ib->due)
    return ia->due < ib->due ? -1 : 1;
  if (ia->is_charge != ib->is_charge)
    return ia->is_charge ? 1 : -1;
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  if (ia->position != ib->position)
    return ia->position < ib->position ? -1 : 1;
  return (ia->seq > ib->seq) - (ia->seq < ib->seq);
}

static gboolean
add_charges (Builder           *builder,
             const RecCaseData *case_data,
             guint32            as_of,
             GError           **error)
{
  for (guint i = 0; i < case_data->charges->len; i++)
    {
      RecCharge *charge = g_ptr_array_index (case_data->charges, i);

      if (!rec_date_is_set (&charge->date) || charge->amount_cents < 0)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %u is the number of a charge (1, 2, …) */
                       _("Charge %u has no date or a negative amount"), i + 1);
          return FALSE;
        }
      if (g_date_get_julian (&charge->date) <= as_of)
        add_item (builder, g_date_get_julian (&charge->date), TRUE, charge);
    }
  return TRUE;
}

gboolean
rec_schedule_build (const RecCaseData *case_data,
                    RecStartRule       starts,
                    const GDate       *as_of,
                    GArray           **out_items,
                    GError           **error)
{
  g_autoptr(GPtrArray) terms = sorted_terms (case_data, error);
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (RecItem),
                                               case_data->charges->len + 64);
  guint32 as_of_julian = g_date_get_julian (as_of);
  Builder builder = { items, starts, 0 };

  if (terms == NULL)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const RecTerm *term = g_ptr_array_index (terms, i);
      const RecTerm *next = i + 1 < terms->len ? g_ptr_array_index (terms, i + 1) : NULL;

      /* Only what is due <= as_of matters (spec §2). */
      add_term (&builder, term, MIN (term_last_day (term, next), as_of_julian));
    }

  if (!add_charges (&builder, case_data, as_of_julian, error))
    return FALSE;

  g_array_sort (items, compare_items);
  *out_items = g_steal_pointer (&items);
  return TRUE;
}

gboolean
rec_schedule_term_in_force (const RecCaseData *case_data,
                            const GDate       *as_of)
{
  g_autoptr(GPtrArray) terms = sorted_terms (case_data, NULL);
  guint32 day = g_date_get_julian (as_of);

  if (terms == NULL)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const RecTerm *term = g_ptr_array_index (terms, i);
      const RecTerm *next = i + 1 < terms->len ? g_ptr_array_index (terms, i + 1) : NULL;

      if (g_date_get_julian (&term->effective) <= day && day <= term_last_day (term, next))
        return TRUE;
    }
  return FALSE;
}

/* A term's monthly equivalent (spec §9), rounded half-up to the cent. */
static RecCents
monthly_equivalent (const RecTerm *term)
{
  switch (term->frequency)
    {
    case REC_FREQUENCY_SEMIMONTHLY:
      return term->amount_cents * 2;
    case REC_FREQUENCY_BIWEEKLY:
      return (term->amount_cents * 26 + 6) / 12;
    case REC_FREQUENCY_WEEKLY:
      return (term->amount_cents * 52 + 6) / 12;
    case REC_FREQUENCY_MONTHLY:
    default:
      return term->amount_cents;
    }
}

typedef struct
{
  guint32   day;
  RecCents  delta;
} SupportChange;

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const SupportChange *ca = a, *cb = b;

  return (ca->day > cb->day) - (ca->day < cb->day);
}

gboolean
rec_schedule_monthly_support (const RecCaseData *case_data,
                              GArray           **out_segments,
                              GError           **error)
{
  g_autoptr(GPtrArray) terms = sorted_terms (case_data, error);
  g_autoptr(GArray) changes = NULL;
  GArray *segments;
  RecSupportSegment segment = { 0, 0 };

  if (terms == NULL)
    return FALSE;

  changes = g_array_sized_new (FALSE, FALSE, sizeof (SupportChange), 2 * terms->len);
  for (guint i = 0; i < terms->len; i++)
    {
      const RecTerm *term = g_ptr_array_index (terms, i);
      const RecTerm *next = i + 1 < terms->len ? g_ptr_array_index (terms, i + 1) : NULL;
      guint32 first = g_date_get_julian (&term->effective);
      guint32 last = term_last_day (term, next);
      SupportChange change;

      if (last < first)
        continue;
      if (term->amount_cents > G_MAXINT64 / 64)
        goto overflow;
      change.day = first;
      change.delta = monthly_equivalent (term);
      g_array_append_val (changes, change);
      if (last != G_MAXUINT32)
        {
          change.day = last + 1;
          change.delta = -change.delta;
          g_array_append_val (changes, change);
        }
    }
  g_array_sort (changes, compare_changes);

  segments = g_array_new (FALSE, FALSE, sizeof (RecSupportSegment));
  g_array_append_val (segments, segment);
  for (guint i = 0; i < changes->len; i++)
    {
      const SupportChange *change = &g_array_index (changes, SupportChange, i);
      RecSupportSegment *lastseg = &g_array_index (segments, RecSupportSegment, segments->len - 1);

      RecCents sum;

      if (!rec_cents_add (lastseg->monthly_cents, change->delta, &sum))
        {
          g_array_unref (segments);
          goto overflow;
        }
      if (lastseg->start == change->day)
        lastseg->monthly_cents = sum;
      else
        {
          segment.start = change->day;
          segment.monthly_cents = sum;
          g_array_append_val (segments, segment);
        }
    }
  *out_segments = segments;
  return TRUE;

overflow:
  g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_OVERFLOW,
               _("The amounts of this case add up to more than can be computed"));
  return FALSE;
}

RecCents
rec_schedule_support_on (const GArray *segments,
                         guint32       day)
{
  return rec_schedule_support_on_segments ((const RecSupportSegment *) (gpointer) segments->data,
                                           segments->len, day);
}

RecCents
rec_schedule_support_on_segments (const RecSupportSegment *all,
                                  guint                    n,
                                  guint32                  day)
{
  guint lo = 0, hi = n;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (all[mid].start <= day)
        lo = mid;
      else
        hi = mid;
    }
  return all[lo].monthly_cents;
}

gboolean
rec_schedule_last_term_day (const RecCaseData *case_data,
                            const GDate       *as_of,
                            guint32           *out_day)
{
  g_autoptr(GPtrArray) terms = sorted_terms (case_data, NULL);
  guint32 day = g_date_get_julian (as_of);
  gboolean found = FALSE;

  *out_day = 0;
  if (terms == NULL)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const RecTerm *term = g_ptr_array_index (terms, i);
      const RecTerm *next = i + 1 < terms->len ? g_ptr_array_index (terms, i + 1) : NULL;
      guint32 first = g_date_get_julian (&term->effective);
      guint32 last = MIN (term_last_day (term, next), day);

      if (first > last)
        continue;
      found = TRUE;
      *out_day = MAX (*out_day, last);
    }
  return found;
}

/* bench-summary-scale.c — cases k times as long, and the engine's time alone
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests/bench/bench-summary.sh (a benchmark run by hand, not a test).
 *
 *   bench-summary-scale scale IN.recourse FACTOR OUT.recourse
 *       writes a case whose terms, charges, payments and overrides repeat
 *       FACTOR times one after the other (each copy shifted by the span of the
 *       original, a whole number of weeks), and prints the last day of the
 *       scaled timeline (the as_of to use).
 *   bench-summary-scale compute IN.recourse AS_OF RUNS
 *       loads the case once, runs rec_arrears_compute RUNS times and prints
 *       the events and the mean time of one computation.
 */
#include "config.h"

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-store.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void
widen (GDate       *first,
       GDate       *last,
       const GDate *date)
{
  if (!rec_date_is_set (date))
    return;
  if (!rec_date_is_set (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!rec_date_is_set (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

/* The days from the first to the last date of the case, rounded up to whole
 * weeks so weekly schedules keep their weekday in every copy. */
static int
span_of (const RecCaseData *c,
         GDate             *first)
{
  GDate last;

  g_date_clear (first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; i < c->terms->len; i++)
    {
      RecTerm *t = g_ptr_array_index (c->terms, i);

      widen (first, &last, &t->effective);
      widen (first, &last, &t->end);
    }
  for (guint i = 0; i < c->charges->len; i++)
    widen (first, &last, &((RecCharge *) g_ptr_array_index (c->charges, i))->date);
  for (guint i = 0; i < c->payments->len; i++)
    widen (first, &last, &((RecPayment *) g_ptr_array_index (c->payments, i))->date);
  for (guint i = 0; i < c->interest_overrides->len; i++)
    widen (first, &last, &((RecInterestOverride *) g_ptr_array_index (c->interest_overrides, i))->to);

  return (g_date_days_between (first, &last) + 1 + 6) / 7 * 7;
}

static void
shift (GDate *date,
       int    days)
{
  if (rec_date_is_set (date))
    g_date_add_days (date, (guint) days);
}

static RecCaseData *
scale_case (const RecCaseData *c,
            int                factor,
            int                span)
{
  RecCaseData *out = rec_case_data_new ();

  g_object_unref (out->info);
  out->info = rec_case_info_copy (c->info);
  for (int k = 0; k < factor; k++)
    {
      int days = k * span;

      for (guint i = 0; i < c->terms->len; i++)
        {
          RecTerm *t = rec_term_copy (g_ptr_array_index (c->terms, i));

          t->entity.id = 0, t->entity.position = (int) out->terms->len + 1;
          shift (&t->effective, days);
          shift (&t->end, days);
          g_ptr_array_add (out->terms, t);
        }
      for (guint i = 0; i < c->charges->len; i++)
        {
          RecCharge *x = rec_charge_copy (g_ptr_array_index (c->charges, i));

          x->entity.id = 0, x->entity.position = (int) out->charges->len + 1;
          shift (&x->date, days);
          g_ptr_array_add (out->charges, x);
        }
      for (guint i = 0; i < c->payments->len; i++)
        {
          RecPayment *p = rec_payment_copy (g_ptr_array_index (c->payments, i));

          p->entity.id = 0, p->entity.position = (int) out->payments->len + 1;
          shift (&p->date, days);
          g_ptr_array_add (out->payments, p);
        }
      for (guint i = 0; i < c->interest_overrides->len; i++)
        {
          RecInterestOverride *o = rec_interest_override_copy (g_ptr_array_index (c->interest_overrides, i));

          o->entity.id = 0, o->entity.position = (int) out->interest_overrides->len + 1;
          shift (&o->from, days);
          shift (&o->to, days);
          g_ptr_array_add (out->interest_overrides, o);
        }
    }
  return out;
}

static RecCaseData *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
  RecCaseData *c = store ? rec_store_load_case (store, &error) : NULL;

  if (c == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  return c;
}

static int
do_scale (const char *in,
          int         factor,
          const char *out)
{
  g_autoptr(RecCaseData) c = load (in);
  g_autoptr(RecCaseData) scaled = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, as_of;
  int span = span_of (c, &first);
  char buf[16];

  scaled = scale_case (c, factor, span);
  if (!rec_store_write_case (out, scaled, TRUE, &error))
    {
      fprintf (stderr, "%s: %s\n", out, error->message);
      return 1;
    }
  as_of = first;
  g_date_add_days (&as_of, (guint) (factor * span - 1));
  rec_date_to_iso_buf (&as_of, buf);
  printf ("%s\n", buf);
  return 0;
}

static int
do_compute (const char *in,
            const char *as_of_text,
            int         runs)
{
  g_autoptr(RecCaseData) c = load (in);
  g_autoptr(RecRules) rules = rec_rules_load (c->info->jurisdiction, NULL);
  GDate as_of;
  gint64 begin, elapsed, first = 0, rest = 0;
  clock_t first_cpu = 0, rest_cpu = 0;
  guint events = 0;

  if (rules == NULL || !rec_date_parse (as_of_text, &as_of, NULL) || runs < 1)
    return 2;

  /* The first computation touches fresh memory, as in a `recourse summary`
   * process; the next ones reuse it. Both are reported, in CPU time (user +
   * system, robust on a busy machine) and in wall time. */
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecArrearsResult) result = NULL;
      clock_t cpu_begin = clock ();

      begin = g_get_monotonic_time ();
      result = rec_arrears_compute (c, rules, &as_of, &error);
      elapsed = g_get_monotonic_time () - begin;
      if (result == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      events = result->ledger->len;
      if (i == 0)
        first = elapsed, first_cpu = clock () - cpu_begin;
      else
        rest += elapsed, rest_cpu += clock () - cpu_begin;
    }
  printf ("%u events: first computation %.2f ms CPU (%.2f ms wall)", events,
          first_cpu * 1000.0 / CLOCKS_PER_SEC, first / 1000.0);
  if (runs > 1)
    printf (", then %.2f ms CPU (%.2f ms wall) each, mean of %d",
            rest_cpu * 1000.0 / CLOCKS_PER_SEC / (runs - 1), rest / 1000.0 / (runs - 1), runs - 1);
  printf ("\n");
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "scale"))
    return do_scale (argv[2], atoi (argv[3]), argv[4]);
  if (argc == 5 && g_str_equal (argv[1], "compute"))
    return do_compute (argv[2], argv[3], atoi (argv[4]));

  fprintf (stderr, "usage: %s scale IN.recourse FACTOR OUT.recourse\n"
                   "       %s compute IN.recourse AS_OF RUNS\n", argv[0], argv[0]);
  return 2;
}

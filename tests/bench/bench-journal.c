/* bench-journal.c — what the journal entry adds to an edit, for bench-journal.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-journal CASE.recourse [RUNS]
 *
 * On an open case, RUNS times (default 200) each, interleaved: one payment's
 * amount changed through rec_store_update (BEGIN IMMEDIATE, the row, its
 * journal entry, COMMIT: an edit as the window makes it), and the same change
 * of the same row without its entry (the same transaction around
 * _rec_store_apply_row). Prints the median wall and CPU microseconds of each
 * and their ratios. The file's history no longer matches it afterwards: run
 * it on a copy.
 */
#include "config.h"

#include "rec-date.h"
#include "rec-store-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare_times (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median (GArray *times)
{
  g_array_sort (times, compare_times);
  return g_array_index (times, gint64, times->len / 2);
}

/* The same change without its entry, in the transaction rec_store_update uses. */
static gboolean
update_without_entry (RecStore    *store,
                      RecPayment  *payment,
                      GError     **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();
  RecStoreChange change = { .op = REC_STORE_CHANGE_UPDATE, .table = &_rec_store_table_payments,
                            .record = REC_ENTITY (payment), .now = now };

  if (!_rec_store_exec (store->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_rec_store_apply_row (store->db, &change, error)
      || !_rec_store_exec (store->db, "COMMIT", error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GArray) with_wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) with_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) without_wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) without_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  int runs = argc > 2 ? atoi (argv[2]) : 200;
  RecPayment *payment;
  gint64 ww, wc, ow, oc;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-journal CASE.recourse [RUNS]\n");
      return 2;
    }

  store = rec_store_open (argv[1], FALSE, &error);
  if (store != NULL)
    c = rec_store_load_case (store, &error);
  if (c == NULL || c->payments->len == 0)
    {
      fprintf (stderr, "bench-journal: %s\n", error != NULL ? error->message : "no payment");
      return 1;
    }
  payment = c->payments->pdata[c->payments->len / 2];

  for (int i = 0; i < runs; i++)
    {
      gint64 t0, c0, t;

      payment->amount_cents += 1;
      t0 = g_get_monotonic_time ();
      c0 = cpu_time ();
      if (!rec_store_update (store, REC_ENTITY (payment), &error))
        break;
      t = g_get_monotonic_time () - t0;
      g_array_append_val (with_wall, t);
      t = cpu_time () - c0;
      g_array_append_val (with_cpu, t);

      payment->amount_cents += 1;
      t0 = g_get_monotonic_time ();
      c0 = cpu_time ();
      if (!update_without_entry (store, payment, &error))
        break;
      t = g_get_monotonic_time () - t0;
      g_array_append_val (without_wall, t);
      t = cpu_time () - c0;
      g_array_append_val (without_cpu, t);
    }
  if (error != NULL)
    {
      fprintf (stderr, "bench-journal: %s\n", error->message);
      return 1;
    }

  ww = median (with_wall);
  wc = median (with_cpu);
  ow = median (without_wall);
  oc = median (without_cpu);
  printf ("%-28s %10s %10s\n", "edit (median of runs)", "wall_us", "cpu_us");
  printf ("%-28s %10" G_GINT64_FORMAT " %10" G_GINT64_FORMAT "\n", "with its journal entry", ww, wc);
  printf ("%-28s %10" G_GINT64_FORMAT " %10" G_GINT64_FORMAT "\n", "without", ow, oc);
  printf ("%-28s %10.2f %10.2f\n", "ratio", (double) ww / MAX (ow, 1), (double) wc / MAX (oc, 1));
  return 0;
}

/* bench-attach.c — what attaching a large scan costs the window's main
 * thread, for bench-attach.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-attach CASE.recourse FILE [RUNS]
 *
 * Opens CASE in a session (no window: the session is what the dialog
 * calls), then RUNS times (default 5) reads and hashes FILE the way the
 * Evidence group does (rec_case_session_read_files_async, a worker thread)
 * while a 1 ms timeout on the main loop notes the longest gap between two of
 * its runs, then attaches it to the first payment (the store's transaction,
 * on the main thread, what Save does) and undoes that. Prints the medians,
 * in milliseconds:
 *
 *   read-ms     the read and hash, from the call to its callback
 *   stall-ms    the longest the main loop went without running meanwhile
 *   idle-ms     the same for a main loop doing nothing else, as long (the
 *               floor a busy machine sets)
 *   attach-ms   rec_case_session_attach() (the main thread is held)
 */
#include "config.h"

#include "rec-case-session.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct
{
  GPtrArray *read;
  gboolean   done;
  gint64     last_tick;
  gint64     longest;
} Run;

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest = MAX (run->longest, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->read = rec_case_session_read_files_finish (REC_CASE_SESSION (source), result, &error);
  if (run->read == NULL)
    g_error ("read: %s", error->message);
  run->done = TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RecPayment) payment = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 5;
  double *read_ms, *stall_ms, *idle_ms, *attach_ms;

  if (argc < 3 || runs < 1)
    {
      fprintf (stderr, "usage: bench-attach CASE.recourse FILE [RUNS]\n");
      return 2;
    }
  session = rec_case_session_open (argv[1], &error);
  if (session == NULL)
    g_error ("%s", error->message);
  file = g_file_new_for_path (argv[2]);
  payment = g_list_model_get_item (rec_case_session_get_payments (session), 0);
  read_ms = g_new (double, runs);
  stall_ms = g_new (double, runs);
  idle_ms = g_new (double, runs);
  attach_ms = g_new (double, runs);

  for (int i = 0; i < runs; i++)
    {
      Run run = { NULL, FALSE, g_get_monotonic_time (), 0 };
      gint64 start = g_get_monotonic_time ();
      guint tick = g_timeout_add (1, tick_cb, &run);

      rec_case_session_read_files_async (session, &file, 1, NULL, read_cb, &run);
      while (!run.done)
        g_main_context_iteration (NULL, TRUE);
      read_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_source_remove (tick);
      stall_ms[i] = run.longest / 1000.0;

      {
        Run idle = { NULL, FALSE, g_get_monotonic_time (), 0 };
        gint64 until = g_get_monotonic_time () + (gint64) (read_ms[i] * 1000);

        tick = g_timeout_add (1, tick_cb, &idle);
        while (g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (tick);
        idle_ms[i] = idle.longest / 1000.0;
      }

      start = g_get_monotonic_time ();
      if (!rec_case_session_attach (session, run.read, REC_ENTITY (payment), &error))
        g_error ("attach: %s", error->message);
      attach_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (!rec_case_session_undo (session, &error))
        g_error ("undo: %s", error->message);
      g_ptr_array_unref (run.read);
    }

  printf ("read-ms %.1f\nstall-ms %.1f\nidle-ms %.1f\nattach-ms %.1f\n", median (read_ms, runs),
          median (stall_ms, runs), median (idle_ms, runs), median (attach_ms, runs));
  g_free (read_ms);
  g_free (stall_ms);
  g_free (idle_ms);
  g_free (attach_ms);
  return 0;
}

/* bench-add-payment.c — what adding one payment costs in the window, for
 * bench-add-payment.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-add-payment CASE.recourse [PAGE [RUNS]]
 *
 * Opens CASE in Recourse's window on PAGE (default "payments"), waits until
 * every page has loaded, then RUNS times (default 20) adds one payment
 * through the session, as the payment dialog does, and undoes it. Prints the
 * medians, in milliseconds, of
 *
 *   engine-ms   rec_arrears_compute() alone on the same data
 *   add-ms      rec_case_session_add(): the store's transaction, the
 *               engine, and every page's refresh on "changed"
 *   frame-ms    from the add to the end of the frame that shows it (the
 *               layout and painting of what the pages changed)
 *
 * each in wall-clock time and, as *-cpu-ms, in the process's CPU time (which
 * a busy machine disturbs less; the X server's share is not in it).
 */
#include "config.h"

#include "rec-application.h"
#include "rec-date.h"
#include "rec-window.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static gboolean painted;
static gint64   painted_at;
static gint64   painted_at_cpu;

/* Microseconds of CPU time the process has used. */
static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  painted_at = g_get_monotonic_time ();
  painted_at_cpu = cpu_time ();
}

/* Runs the main loop until the window has painted a frame; returns when
 * that frame ended. */
static gint64
wait_for_frame (GdkFrameClock *clock)
{
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted = FALSE;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return painted_at;
}

/* Lets the hidden pages load in idle time (RecPage waits for a frame, then
 * an idle): a few frames and an empty loop. */
static void
settle (GdkFrameClock *clock)
{
  for (int i = 0; i < 5; i++)
    {
      wait_for_frame (clock);
      spin ();
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RecApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) engine_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) add_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *page = argc > 2 ? argv[2] : "payments";
  int runs = argc > 3 ? atoi (argv[3]) : 20;
  RecCaseSession *session;
  GtkWindow *window;
  GdkFrameClock *clock;
  GDate today;

  if (argc < 2 || argc > 4 || runs < 1)
    {
      fprintf (stderr, "usage: bench-add-payment CASE.recourse [PAGE [RUNS]]\n");
      return 2;
    }

  app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "bench-add-payment: %s\n", error->message);
      return 1;
    }
  window = rec_application_open_path (app, argv[1], NULL);
  while (window != NULL && rec_window_get_session (REC_WINDOW (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (window == NULL)
    {
      fprintf (stderr, "bench-add-payment: cannot open %s\n", argv[1]);
      return 1;
    }
  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_present (window);
  rec_window_select_page (REC_WINDOW (window), page);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  settle (clock);

  session = rec_window_get_session (REC_WINDOW (window));
  rec_date_set_today (&today);
  for (int i = 0; i < runs; i++)
    {
      gint64 started = g_get_monotonic_time ();
      gint64 started_cpu = cpu_time ();
      RecArrearsResult *result = rec_arrears_compute (rec_case_session_get_data (session),
                                                      rec_case_session_get_rules (session),
                                                      &today, NULL);
      double ms = (g_get_monotonic_time () - started) / 1000.0;
      double cpu_ms = (cpu_time () - started_cpu) / 1000.0;

      g_array_append_val (engine, ms);
      g_array_append_val (engine_cpu, cpu_ms);
      g_clear_pointer (&result, rec_arrears_result_free);
    }

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(RecPayment) payment = rec_payment_new ();
      gint64 started;
      gint64 started_cpu;
      double ms;

      payment->date = today;
      payment->amount_cents = 12345 + i;
      started = g_get_monotonic_time ();
      started_cpu = cpu_time ();
      if (!rec_case_session_add (session, G_OBJECT (payment), &error))
        {
          fprintf (stderr, "bench-add-payment: %s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (add, ms);
      ms = (cpu_time () - started_cpu) / 1000.0;
      g_array_append_val (add_cpu, ms);
      /* Nothing has run since the add: its frame is the next one. */
      ms = (wait_for_frame (clock) - started) / 1000.0;
      g_array_append_val (frame, ms);
      ms = (painted_at_cpu - started_cpu) / 1000.0;
      g_array_append_val (frame_cpu, ms);

      /* The same case for every run: the undo, then its frame, untimed. */
      if (!rec_case_session_undo (session, &error))
        {
          fprintf (stderr, "bench-add-payment: %s\n", error->message);
          return 1;
        }
      wait_for_frame (clock);
      spin ();
    }

  printf ("page %s, median of %d\n", page, runs);
  printf ("engine-ms %.2f\n", median (engine));
  printf ("add-ms %.2f\n", median (add));
  printf ("frame-ms %.2f\n", median (frame));
  printf ("engine-cpu-ms %.2f\n", median (engine_cpu));
  printf ("add-cpu-ms %.2f\n", median (add_cpu));
  printf ("frame-cpu-ms %.2f\n", median (frame_cpu));
  gtk_window_destroy (window);
  spin ();
  return 0;
}

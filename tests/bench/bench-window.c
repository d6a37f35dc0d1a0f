/* bench-window.c — time to the first frame of a window, for bench-window.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-window --empty          an empty AdwApplicationWindow (the floor)
 *   bench-window --text           the same with a header bar and a status page
 *                                 (the fixed cost of fonts, icons and text)
 *   bench-window CASE.recourse    Recourse's window on that case
 *
 * Prints the milliseconds from main() to the end of the first painted frame
 * and to the end of the first frame that shows the case (the case loads in a
 * worker thread while the window shows "Opening the Case…"), then quits.
 * Peak memory is measured around it by /usr/bin/time -v. A case named on
 * the command line starts loading before GTK's startup, so the first frame
 * often shows it already (then both figures are the same).
 *
 * BENCH_TRACE=1 also prints every frame (wall, main thread's CPU, all
 * threads' CPU), each thread's CPU at the end (on a loaded machine the
 * main thread's CPU moves far less than the wall clock), and how many
 * widgets of each type the window holds and how many of them are mapped.
 * BENCH_EXIT=1 ends the process at the content frame, so that an
 * instruction count (valgrind --tool=callgrind --separate-threads=yes)
 * covers main() to that frame and not the teardown.
 */
#include "config.h"

#include "rec-application.h"
#include "rec-window.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static gint64 started;

/* The main thread's CPU time, in ms: unlike the wall clock, hardly changed
 * by other processes on a loaded machine. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* BENCH_TRACE: each thread's name and CPU time so far (Linux). */
static void
print_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "schedstat", NULL);
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *comm = NULL;

      if (g_file_get_contents (stat_path, &stat, NULL, NULL)
          && g_file_get_contents (comm_path, &comm, NULL, NULL))
        printf ("thread %s %s cpu-ms %.1f\n", tid, g_strstrip (comm),
                g_ascii_strtoull (stat, NULL, 10) / 1e6);
    }
}

/* BENCH_TRACE: how many widgets of each type the window holds, and how
 * many of them are mapped (drawn): what the first frame had to build. */
static void
count_widgets (GtkWidget  *widget,
               GHashTable *all,
               GHashTable *mapped)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  g_hash_table_replace (all, (gpointer) type,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (all, type)) + 1));
  if (gtk_widget_get_mapped (widget))
    g_hash_table_replace (mapped, (gpointer) type,
                          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (mapped, type)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, all, mapped);
}

static void
print_widgets (GtkWidget *window)
{
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer type, count;
  guint total = 0, total_mapped = 0;

  count_widgets (window, all, mapped);
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &type, &count))
    {
      guint n_mapped = GPOINTER_TO_UINT (g_hash_table_lookup (mapped, type));

      printf ("widgets %s %u mapped %u\n", (const char *) type, GPOINTER_TO_UINT (count), n_mapped);
      total += GPOINTER_TO_UINT (count);
      total_mapped += n_mapped;
    }
  printf ("widgets total %u mapped %u\n", total, total_mapped);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  static gboolean first_done;
  double ms = (g_get_monotonic_time () - started) / 1000.0;

  /* BENCH_TRACE=1 lists every frame: wall, main thread's CPU, all threads' CPU. */
  if (g_getenv ("BENCH_TRACE") != NULL)
    printf ("frame wall %.1f main-cpu %.1f cpu %.1f%s\n", ms, thread_cpu_ms (), process_cpu_ms (),
            REC_IS_WINDOW (window) && rec_window_get_session (REC_WINDOW (window)) != NULL
            ? " case" : "");
  fflush (stdout);
  if (!first_done)
    {
      printf ("first-frame-ms %.1f\n", ms);
      printf ("first-frame-main-cpu-ms %.1f\n", thread_cpu_ms ());
      first_done = TRUE;
    }
  /* BENCH_FIRST_FRAME=1 stops at the first frame (for callgrind). */
  if (REC_IS_WINDOW (window) && rec_window_get_session (REC_WINDOW (window)) == NULL
      && g_getenv ("BENCH_FIRST_FRAME") == NULL)
    return;

  printf ("content-frame-ms %.1f\n", ms);
  printf ("content-frame-main-cpu-ms %.1f\n", thread_cpu_ms ());
  if (g_getenv ("BENCH_TRACE") != NULL)
    {
      print_threads ();
      print_widgets (window);
    }
  fflush (stdout);
  /* BENCH_EXIT=1 ends the process right here, so an instruction count
   * (valgrind --tool=callgrind) covers main() to this frame, not the
   * teardown. */
  if (g_getenv ("BENCH_EXIT") != NULL)
    _exit (0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  /* BENCH_SETTLE=1 quits only after the hidden pages have loaded in idle
   * time, so peak memory counts the whole case on screen. */
  if (g_getenv ("BENCH_SETTLE") != NULL)
    g_idle_add_full (G_PRIORITY_LOW + 10, quit_cb, NULL, NULL);
  else
    g_application_quit (g_application_get_default ());
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
watch (GtkWindow    *window,
       GApplication *app)
{
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
}

static void
empty_activate_cb (GApplication *app,
                   gpointer      with_text)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  if (with_text != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), "Recourse");
      adw_status_page_set_description (ADW_STATUS_PAGE (status), "An empty window with text");
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), status);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  watch (GTK_WINDOW (window), app);
  gtk_window_present (GTK_WINDOW (window));
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  watch (window, G_APPLICATION (app));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GApplication) app = NULL;

  started = g_get_monotonic_time ();
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-window --empty | --text | CASE.recourse\n");
      return 2;
    }

  if (g_str_equal (argv[1], "--empty") || g_str_equal (argv[1], "--text"))
    {
      app = G_APPLICATION (adw_application_new ("io.github.recourse.Bench",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (empty_activate_cb),
                        g_str_equal (argv[1], "--text") ? app : NULL);
      return g_application_run (app, 1, argv);
    }

  app = G_APPLICATION (rec_application_new ());
  g_application_set_flags (app, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (app, argc, argv);
}

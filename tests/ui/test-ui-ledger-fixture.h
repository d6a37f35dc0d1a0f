/* test-ui-ledger-fixture.h — a case window for the page tests (ledger, log,
 * order), under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test writes a case file (the demo case, the large one, or one a test
 * shapes), opens it in the application's own window as the user would, and
 * drives a page through its actions. Included by one test program each, which
 * may not use every helper (G_GNUC_UNUSED).
 */
#pragma once

#include "config.h"

#include "rec-application.h"
#include "rec-application-private.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-dialogs-private.h"
#include "rec-gui-util.h"
#include "rec-pages-private.h"
#include "rec-store.h"
#include "rec-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>

typedef struct
{
  RecApplication *app;
  char           *dir;
  char           *path;
  RecWindow      *window;
} Fixture;

/* Changes a case before it is written (NULL: the demo case as it is). */
typedef void (*ShapeFunc) (RecCaseData *case_data);

G_GNUC_UNUSED static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop (frames, timeouts) for up to a second or until
 * `done` holds. */
#define SPIN_UNTIL(done) \
  G_STMT_START { \
    for (int spin_i_ = 0; spin_i_ < 100 && !(done); spin_i_++) \
      { \
        g_usleep (10000); \
        spin (); \
      } \
  } G_STMT_END

G_GNUC_UNUSED static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Writes the case (`large`: the benchmarks' case; `shape` may change it)
 * and opens it in a window. */
G_GNUC_UNUSED static void
fixture_open (Fixture   *fixture,
              gboolean   large,
              ShapeFunc  shape)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) demo = NULL;
  GtkWindow *start;
  GDate today;

  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "case.recourse", NULL);
  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, large);
  if (shape != NULL)
    shape (demo);
  g_assert_true (rec_store_write_case (fixture->path, demo, FALSE, &error));
  g_assert_no_error (error);

  fixture->app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  start = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REC_IS_WINDOW (start));
  fixture->window = REC_WINDOW (start);
  rec_application_open_path (fixture->app, fixture->path, start);
  /* The case opens in a worker thread. */
  for (int i = 0; i < 1000 && rec_window_get_session (fixture->window) == NULL; i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_nonnull (rec_window_get_session (fixture->window));
  g_assert_cmpstr (_rec_window_get_mode (fixture->window), ==, "case");
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Every page loaded: a page still waiting for its first frame when its
   * window goes is rec-page.c's case, not these tests' (see the report). */
  if (fixture->window != NULL && rec_window_get_session (fixture->window) != NULL)
    {
      const char *pages[] = { "overview", "order", "payments", "communications", "evidence",
                              "enforcement" };

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        rec_page_ensure_loaded (REC_PAGE (rec_window_get_page (fixture->window, pages[i])));
    }

  /* One at a time: a window takes its shortcuts window with it. */
  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      gtk_window_destroy (window);
      spin ();
    }
  spin ();
  g_clear_object (&fixture->app);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

G_GNUC_UNUSED static RecCaseSession *
fixture_session (Fixture *fixture)
{
  return rec_window_get_session (fixture->window);
}

/* Shows the page `name` ("payments", …) and waits until it is mapped. */
G_GNUC_UNUSED static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  GtkWidget *page = rec_window_get_page (fixture->window, name);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK)), name);
  SPIN_UNTIL (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_get_mapped (page));
  return page;
}

/* The dialog of `type` an action opened (a reference: destroy it after). */
G_GNUC_UNUSED static GtkWindow *
take_dialog (GType type)
{
  GtkWindow *dialog;

  spin ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  return g_object_ref (dialog);
}

G_GNUC_UNUSED static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The first descendant of `widget` of `type`, or NULL. */
G_GNUC_UNUSED static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Tab and Shift+Tab (the window's "move-focus", what the keys run) from a
 * row of `list` leave it; an arrow stays in it. */
G_GNUC_UNUSED static void
assert_tab_leaves (Fixture   *fixture,
                   GtkWidget *list)
{
  gint64 start;

  for (int backward = 0; backward < 2; backward++)
    {
      /* Into the list, as Tab from the control before it would. */
      g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
      g_assert_true (focus_is_in (list));
      g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN));
      g_assert_true (focus_is_in (list));

      start = g_get_monotonic_time ();
      g_signal_emit_by_name (fixture->window, "move-focus",
                             backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      g_test_message ("%s from the list: %.1f ms", backward ? "Shift+Tab" : "Tab",
                      (g_get_monotonic_time () - start) / 1000.0);
      g_assert_false (focus_is_in (list));
      g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (fixture->window)));
    }
}

typedef struct
{
  const char *path;
  void      (*func) (Fixture       *fixture,
                     gconstpointer  data);
} PageTest;

G_GNUC_UNUSED static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

/* A test program's main(): `tests` each on its own window and case file;
 * without a display, one skipped test named `no_display`. */
G_GNUC_UNUSED static int
run_page_tests (int            *argc,
                char         ***argv,
                const char     *no_display,
                const PageTest *tests,
                guint           n_tests)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func (no_display, test_no_display);
      return g_test_run ();
    }

  adw_init ();
  for (guint i = 0; i < n_tests; i++)
    g_test_add (tests[i].path, Fixture, NULL, NULL, tests[i].func, fixture_tear_down);
  return g_test_run ();
}

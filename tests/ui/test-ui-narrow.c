/* test-ui-narrow.c — the window narrows to phone width after it has been wide
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's width-request is 360 px (README: it works on a phone). A
 * widget whose minimum width grows once it has been laid out wide (a label
 * that does not ellipsize, a box that does not shrink, the switcher in the
 * header bar) stops the window there. Each page is shown at 1280 px, then the
 * window's minimum width is measured. On a failure the widgets whose own
 * minimum passes the limit (none of their children does) are printed with
 * their path, so the message names what holds the width.
 */
#define G_LOG_DOMAIN "test-ui-narrow"

#include "config.h"

#include "rec-application.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-pages-private.h"
#include "rec-store.h"
#include "rec-window.h"
#include "rec-window-private.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#define PHONE_WIDTH 360

static const char *const pages[] = {
  "overview", "order", "payments", "communications", "enforcement", "evidence",
};

typedef struct
{
  RecApplication *app;
  char           *dir;
  char           *demo_path;
} Fixture;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the frame clock lay the window out at its new size. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) demo = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->demo_path = g_build_filename (fixture->dir, "demo.recourse", NULL);
  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (fixture->demo_path, demo, FALSE, &error));
  g_assert_no_error (error);

  fixture->app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GList *windows;
  const char *name;

  /* One at a time: a window takes its shortcuts window with it. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    {
      gtk_window_destroy (windows->data);
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
  g_free (fixture->demo_path);
  g_free (fixture->dir);
}

static RecWindow *
open_demo_wide (Fixture *fixture)
{
  GtkWindow *start, *window;

  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  start = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REC_IS_WINDOW (start));
  /* The widest title bar buttons a desktop gives (Ubuntu's, Xvfb's):
   * GNOME's "appmenu:close" leaves more room. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout",
                "menu:minimize,maximize,close", NULL);
  gtk_window_set_default_size (start, 1280, 800);
  window = rec_application_open_path (fixture->app, fixture->demo_path, start);
  g_assert_true (window == start);
  gtk_window_present (window);
  spin_for (300);
  g_assert_cmpstr (_rec_window_get_mode (REC_WINDOW (window)), ==, "case");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 1000);
  return REC_WINDOW (window);
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  if (id != NULL)
    g_string_append_printf (out, "#%s", id);
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  g_string_append_printf (out, " (%d px)", min_width (widget));
}

/* Appends the widgets under @widget whose own minimum passes @limit. */
static void
find_holders (GtkWidget *widget,
              int        limit,
              GString   *out)
{
  gboolean child_holds = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (min_width (child) > limit)
      {
        child_holds = TRUE;
        find_holders (child, limit, out);
      }
  if (child_holds)
    return;

  g_string_append (out, "\n  ");
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (w != widget)
        g_string_append (out, " in ");
      describe (out, w);
      if (GTK_IS_WINDOW (w))
        break;
    }
  /* Children that each fit but not side by side (a header bar's). */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (min_width (child) > 0)
      {
        g_string_append (out, "\n    holding ");
        describe (out, child);
        for (GtkWidget *g = gtk_widget_get_first_child (child); g != NULL;
             g = gtk_widget_get_next_sibling (g))
          if (min_width (g) > 0)
            {
              g_string_append (out, "\n      of which ");
              describe (out, g);
            }
      }
}

static void
assert_narrows (RecWindow  *window,
                const char *page)
{
  int minimum = min_width (GTK_WIDGET (window));

  /* The window's own minimum is at least its width-request (360 px); its
   * case view's says how much room is left. */
  g_test_message ("%s at %d px wide: the window's minimum width is %d px, its case view's %d px",
                  page, gtk_widget_get_width (GTK_WIDGET (window)), minimum,
                  min_width (GTK_WIDGET (window->case_view)));
  if (minimum > PHONE_WIDTH)
    {
      g_autoptr(GString) holders = g_string_new (NULL);

      find_holders (GTK_WIDGET (window), PHONE_WIDTH, holders);
      g_error ("%s: the window cannot narrow to %d px (its minimum is %d px), held by:%s",
               page, PHONE_WIDTH, minimum, holders->str);
    }
}

/* Every page, shown wide, then measured. */
static void
test_every_page_after_wide (Fixture       *fixture,
                            gconstpointer  data)
{
  RecWindow *window = open_demo_wide (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rec_window_select_page (window, pages[i]);
      spin_for (150);
      assert_narrows (window, pages[i]);
    }
}

/* The same with the "changed outside Recourse" bar and the read-only notice
 * under the header bar, which a window may show at any width. */
static void
test_bars_after_wide (Fixture       *fixture,
                      gconstpointer  data)
{
  RecWindow *window = open_demo_wide (fixture);

  rec_case_view_set_altered (window->case_view, TRUE);
  rec_case_view_set_notice (window->case_view,
                            "This case is read-only: the file cannot be written by you");
  spin_for (150);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rec_window_select_page (window, pages[i]);
      spin_for (150);
      assert_narrows (window, pages[i]);
    }
}

/* Narrowed for real: the window is given 360 px and takes them. */
static void
test_resized_to_phone (Fixture       *fixture,
                       gconstpointer  data)
{
  RecWindow *window = open_demo_wide (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rec_window_select_page (window, pages[i]);
      spin_for (100);
    }
  rec_window_select_page (window, "overview");
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 700);
  spin_for (400);
  g_test_message ("resized to %d px: %d px wide", PHONE_WIDTH,
                  gtk_widget_get_width (GTK_WIDGET (window)));
  /* The client-side decorations' shadow is outside the widget's width. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, PHONE_WIDTH);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/narrow/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  ADD ("/ui/narrow/every-page-after-wide", test_every_page_after_wide);
  ADD ("/ui/narrow/bars-after-wide", test_bars_after_wide);
  ADD ("/ui/narrow/resized-to-phone", test_resized_to_phone);
  return g_test_run ();
}

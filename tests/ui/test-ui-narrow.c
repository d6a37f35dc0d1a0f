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
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[0];
}

/* At 360 px the pages are switched from the bar at the bottom, six buttons
 * of about 53 px: each name fits whole (libadwaita ellipsizes it otherwise:
 * "Support…", "Commu…", "Enforce…" before the bar had short names), and the
 * bar and the pages agree on which page is shown, both ways. */
static void
test_bar_names_fit (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const expected[] = {
    "Overview", "Order", "Payments", "Contacts", "Enforce", "Evidence",
  };
  RecWindow *window = open_demo_wide (fixture);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *bar, *stack;

  /* The default size counts the client-side decorations' shadow: grow it
   * until the window's content is 360 px, a phone's width. */
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 700);
  spin_for (400);
  for (int tries = 0; tries < 3 && gtk_widget_get_width (GTK_WIDGET (window)) != PHONE_WIDTH; tries++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * PHONE_WIDTH - gtk_widget_get_width (GTK_WIDGET (window)), 700);
      spin_for (400);
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, PHONE_WIDTH);
  bar = find_first (GTK_WIDGET (window->case_view), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_test_message ("window %d px, bar %d px", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (bar));
  /* The pages' own stack: the bar's is never in the widget tree. */
  stack = find_first (GTK_WIDGET (window->case_view), ADW_TYPE_VIEW_STACK);

  collect (bar, GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      const char *shown = NULL;

      collect (buttons->pdata[i], GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkWidget *label = labels->pdata[j];
          int natural = 0;

          if (!gtk_widget_get_mapped (label))
            continue;
          gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          g_test_message ("bar button %u: “%s”, %d px of %d px", i,
                          gtk_label_get_text (GTK_LABEL (label)), natural,
                          gtk_widget_get_width (label));
          /* What Pango drew at the label's own width (the natural width is
           * rounded up to the next pixel). */
          if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
            g_error ("the bar's name “%s” needs %d px and has %d px: it is cut",
                     gtk_label_get_text (GTK_LABEL (label)), natural,
                     gtk_widget_get_width (label));
          shown = gtk_label_get_text (GTK_LABEL (label));
        }
      g_assert_nonnull (shown);
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", shown);
      g_assert_cmpstr (shown, ==, expected[i]);
    }
  g_test_message ("the bar: %s", names->str);

  /* The bar switches the pages... */
  for (guint i = 0; i < buttons->len; i++)
    {
      g_signal_emit_by_name (buttons->pdata[i], "clicked");
      spin ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, pages[i]);
      g_assert_true (gtk_toggle_button_get_active (buttons->pdata[i]));
    }
  /* ...and follows them (Alt+1…6, a row's "go to the record"). */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rec_window_select_page (window, pages[i]);
      spin ();
      for (guint j = 0; j < buttons->len; j++)
        g_assert_cmpint (gtk_toggle_button_get_active (buttons->pdata[j]), ==, i == j);
    }
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
  ADD ("/ui/narrow/bar-names-fit", test_bar_names_fit);
  return g_test_run ();
}

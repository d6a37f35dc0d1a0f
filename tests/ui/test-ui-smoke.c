/* test-ui-smoke.c — every template widget and the window can be built
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A broken .ui file (a misspelt property, a missing template child) fails
 * here, once per type, with and without a case attached.
 */
#define G_LOG_DOMAIN "test-ui-smoke"

#include "config.h"

#include "rec-case-session.h"
#include "rec-case-view.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-enforcement-page.h"
#include "rec-evidence-page.h"
#include "rec-ledger-page.h"
#include "rec-log-page.h"
#include "rec-order-page.h"
#include "rec-overview-page.h"
#include "rec-start-page.h"
#include "rec-store.h"
#include "rec-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#define N_PAGES 6

static GType
page_type (guint i)
{
  switch (i)
    {
    case 0: return REC_TYPE_OVERVIEW_PAGE;
    case 1: return REC_TYPE_ORDER_PAGE;
    case 2: return REC_TYPE_LEDGER_PAGE;
    case 3: return REC_TYPE_LOG_PAGE;
    case 4: return REC_TYPE_ENFORCEMENT_PAGE;
    case 5: return REC_TYPE_EVIDENCE_PAGE;
    default: g_assert_not_reached ();
    }
}

static void
test_templates (void)
{
  GtkWidget *widget;

  widget = g_object_ref_sink (rec_case_view_new (NULL, NULL));
  g_assert_true (REC_IS_CASE_VIEW (widget));
  g_assert_nonnull (rec_case_view_get_page (REC_CASE_VIEW (widget), "overview"));
  g_assert_nonnull (rec_case_view_get_page (REC_CASE_VIEW (widget), "enforcement"));
  g_assert_nonnull (rec_case_view_get_page (REC_CASE_VIEW (widget), "evidence"));
  g_object_unref (widget);

  widget = g_object_ref_sink (g_object_new (REC_TYPE_START_PAGE, NULL));
  g_assert_true (REC_IS_START_PAGE (widget));
  g_object_unref (widget);

  for (guint i = 0; i < N_PAGES; i++)
    {
      widget = g_object_ref_sink (g_object_new (page_type (i), NULL));
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, page_type (i)));
      g_object_unref (widget);
    }
}

static void
test_window (void)
{
  RecWindow *window = rec_window_new (NULL);

  g_assert_true (REC_IS_WINDOW (window));
  g_assert_null (rec_window_get_session (window));
  /* The pages exist only once a case is shown. */
  g_assert_null (rec_window_get_page (window, "overview"));
  /* The shortcuts window is built when first asked for. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pages_with_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.recourse", NULL);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  GDate today;

  g_assert_no_error (error);
  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (page_type (i), "session", session, NULL));
      g_autoptr(RecCaseSession) got = NULL;

      g_object_get (page, "session", &got, NULL);
      g_assert_true (got == session);
      g_object_unref (page);
    }

  {
    GtkWidget *view = g_object_ref_sink (rec_case_view_new (session, NULL));
    g_autoptr(RecCaseSession) got = NULL;

    g_object_get (rec_case_view_get_page (REC_CASE_VIEW (view), "payments"), "session", &got, NULL);
    g_assert_true (got == session);
    g_object_unref (view);
  }

  g_clear_object (&session);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/smoke/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  g_test_add_func ("/ui/smoke/templates", test_templates);
  g_test_add_func ("/ui/smoke/window", test_window);
  g_test_add_func ("/ui/smoke/pages-with-case", test_pages_with_case);
  return g_test_run ();
}

/* test-ui-log.c — the Communications page: its actions, search and Escape,
 * the keyboard, a new row shown
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-log"

#include "test-ui-ledger-fixture.h"

#include "rec-communication-dialog.h"

#include <string.h>

static RecLogPage *
open_log (Fixture  *fixture,
          gboolean  large)
{
  fixture_open (fixture, large, NULL);
  return REC_LOG_PAGE (show_page (fixture, "communications"));
}

static GListModel *
rows_of (RecLogPage *page)
{
  return G_LIST_MODEL (_rec_log_page_get_rows (page));
}

static RecCommunication *
select_row (RecLogPage *page,
            guint       position)
{
  gtk_single_selection_set_selected (_rec_log_page_get_rows (page), position);
  return gtk_single_selection_get_selected_item (_rec_log_page_get_rows (page));
}

/* GtkSearchEntry waits a moment before it says the text changed. */
static void
search (RecLogPage *page,
        const char *text,
        guint       n_before)
{
  gtk_editable_set_text (_rec_log_page_get_search (page), text);
  SPIN_UNTIL (g_list_model_get_n_items (rows_of (page)) != n_before);
}

/* Escape in the search field (its "stop-search", what the key runs) clears
 * it, and every communication shows again. */
static void
test_escape_clears_search (Fixture       *fixture,
                           gconstpointer  data)
{
  RecLogPage *page = open_log (fixture, FALSE);
  guint n_all = g_list_model_get_n_items (rows_of (page));

  search (page, "caseworker", n_all);
  g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), <, n_all);

  g_signal_emit_by_name (_rec_log_page_get_search (page), "stop-search");
  SPIN_UNTIL (g_list_model_get_n_items (rows_of (page)) == n_all);
  g_assert_cmpstr (gtk_editable_get_text (_rec_log_page_get_search (page)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), ==, n_all);
}

/* Edit through the page's action on the selected row, and through Enter on
 * a row: the dialog shows that communication, its change reaches the
 * session. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  RecLogPage *page = open_log (fixture, FALSE);
  RecCaseSession *session = fixture_session (fixture);
  RecCommunication *selected = select_row (page, 2);
  gint64 id = REC_ENTITY (selected)->id;
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecCommunication) stored = NULL;
  g_autofree char *subject = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "log.edit", NULL);
  dialog = take_dialog (REC_TYPE_COMMUNICATION_DIALOG);
  subject = _rec_dialog_get_field (dialog, "subject");
  g_assert_cmpstr (subject, ==, selected->subject);
  _rec_dialog_set_field (dialog, "subject", "Edited: the school's letter");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
  gtk_window_destroy (dialog);
  g_clear_object (&dialog);

  stored = rec_gui_find_by_id (rec_case_session_get_communications (session), id);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->subject, ==, "Edited: the school's letter");

  g_signal_emit_by_name (find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW), "activate", 0);
  dialog = take_dialog (REC_TYPE_COMMUNICATION_DIALOG);
  gtk_window_destroy (dialog);
}

/* Delete of the selected row, undone by the window's Undo. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  RecLogPage *page = open_log (fixture, FALSE);
  RecCaseSession *session = fixture_session (fixture);
  GListModel *communications = rec_case_session_get_communications (session);
  guint n = g_list_model_get_n_items (communications);
  gint64 id = REC_ENTITY (select_row (page, 0))->id;
  g_autoptr(RecCommunication) gone = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "log.delete", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (communications), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), ==, n - 1);
  gone = rec_gui_find_by_id (communications, id);
  g_assert_null (gone);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (communications), ==, n);
}

/* A communication added (dated long ago: the log shows the newest first) is
 * selected and scrolled to. */
static void
test_added_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  RecLogPage *page = open_log (fixture, FALSE);
  RecCaseSession *session = fixture_session (fixture);
  GListModel *communications = rec_case_session_get_communications (session);
  guint n = g_list_model_get_n_items (communications);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_child (view, GTK_TYPE_LIST_VIEW)));
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecCommunication) added = NULL;
  RecCommunication *selected;
  GDate day;
  g_autofree char *date = NULL;

  rec_date_set_today (&day);
  g_date_subtract_years (&day, 6);
  date = rec_date_to_iso (&day);
  gtk_widget_activate_action (GTK_WIDGET (page), "log.add", NULL);
  dialog = take_dialog (REC_TYPE_COMMUNICATION_DIALOG);
  _rec_dialog_set_field (dialog, "date", date);
  _rec_dialog_set_field (dialog, "subject", "The oldest call");
  _rec_dialog_set_field (dialog, "summary", "Asked about the first missed payment.");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (communications), ==, n + 1);
  added = g_list_model_get_item (communications, n);
  g_assert_cmpstr (added->subject, ==, "The oldest call");

  selected = gtk_single_selection_get_selected_item (_rec_log_page_get_rows (page));
  g_assert_true (selected == added);
  /* The oldest is the last row: scrolled down to it. */
  g_assert_cmpuint (gtk_single_selection_get_selected (_rec_log_page_get_rows (page)), ==, n);
  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) > 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gtk_window_destroy (dialog);
}

/* Tab leaves the large case's 5 000 communications at once. */
static void
test_tab_leaves_large (Fixture       *fixture,
                       gconstpointer  data)
{
  RecLogPage *page = open_log (fixture, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), ==, REC_DEMO_LARGE_COMMUNICATIONS);
  assert_tab_leaves (fixture, find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
}

int
main (int   argc,
      char *argv[])
{
  static const PageTest tests[] = {
    { "/ui/log/escape-clears-search", test_escape_clears_search },
    { "/ui/log/edit", test_edit },
    { "/ui/log/delete-undo", test_delete_undo },
    { "/ui/log/added-shown", test_added_shown },
    { "/ui/log/tab-leaves-large", test_tab_leaves_large },
  };

  return run_page_tests (&argc, &argv, "/ui/log/no-display", tests, G_N_ELEMENTS (tests));
}

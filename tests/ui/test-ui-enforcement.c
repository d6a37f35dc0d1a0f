/* test-ui-enforcement.c — the Enforcement page's checklist on a real case:
 * recording, editing and deleting a step, the status shown, rows kept in
 * place; under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-enforcement"

#include "config.h"

#include "rec-dialogs-private.h"
#include "rec-enforcement-dialog.h"
#include "rec-enforcement-page.h"
#include "rec-gui-util.h"
#include "rec-remedy-item.h"

#include "test-ui-overview-fixture.h"

#include <stdlib.h>

static RecEnforcementPage *
checklist (PageFixture *fixture)
{
  RecEnforcementPage *page;

  page = REC_ENFORCEMENT_PAGE (show_page (fixture, REC_TYPE_ENFORCEMENT_PAGE, TRUE));
  g_object_set (page, "session", fixture->session, NULL);
  return page;
}

/* The index of the remedy's item in the checklist (asserted present). */
static guint
index_of (RecEnforcementPage *page,
          RecRemedy           remedy)
{
  GListModel *rows = _rec_enforcement_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RecRemedyItem) item = g_list_model_get_item (rows, i);

      if (item->remedy == remedy)
        return i;
    }
  g_assert_not_reached ();
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The status badge of the remedy's row, NULL when it shows none. */
static const char *
status_shown (RecEnforcementPage *page,
              RecRemedy           remedy)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (_rec_enforcement_page_get_list (page),
                                                      (int) index_of (page, remedy));
  GtkLabel *badge = find_label (GTK_WIDGET (row), "status");

  return badge != NULL ? gtk_label_get_text (badge) : NULL;
}

static GtkWindow *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (REC_IS_ENFORCEMENT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Every row but the one of `except` is the same widget, on the same item. */
static void
assert_kept (RecEnforcementPage *page,
             GPtrArray          *items,
             GPtrArray          *rows,
             guint               except)
{
  g_autoptr(GPtrArray) items_now = model_items (_rec_enforcement_page_get_rows (page));
  g_autoptr(GPtrArray) rows_now = list_rows (_rec_enforcement_page_get_list (page));

  g_assert_cmpuint (items_now->len, ==, items->len);
  g_assert_cmpuint (rows_now->len, ==, rows->len);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_true ((items->pdata[i] == items_now->pdata[i]) == (i != except));
      g_assert_true ((rows->pdata[i] == rows_now->pdata[i]) == (i != except));
    }
}

/* Record a step through the row's button and the dialog, edit it the same
 * way, delete it: the row shows each status, and only that row is rebuilt. */
static void
test_record_edit_delete (PageFixture   *fixture,
                         gconstpointer  data)
{
  RecEnforcementPage *page = checklist (fixture);
  guint at = index_of (page, REC_REMEDY_BANK_LEVY);
  g_autoptr(GPtrArray) items = model_items (_rec_enforcement_page_get_rows (page));
  g_autoptr(GPtrArray) rows = list_rows (_rec_enforcement_page_get_list (page));
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecRemedyItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remedy_field = NULL;
  g_autofree char *status_field = NULL;
  RecEnforcementStep *step;

  g_assert_null (status_shown (page, REC_REMEDY_BANK_LEVY));

  /* Record a step: the dialog comes with the row's remedy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "enforcement.edit", "(ix)",
                                             (int) REC_REMEDY_BANK_LEVY, (gint64) 0));
  dialog = g_object_ref (find_dialog ());
  g_assert_nonnull (dialog);
  remedy_field = _rec_dialog_get_field (dialog, "remedy");
  g_assert_cmpint (atoi (remedy_field), ==, REC_REMEDY_BANK_LEVY);
  _rec_dialog_set_field (dialog, "status", "1");
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  spin ();
  g_assert_cmpstr (status_shown (page, REC_REMEDY_BANK_LEVY), ==,
                   rec_status_label (REC_STATUS_REQUESTED));
  assert_kept (page, items, rows, at);

  /* Edit it: the dialog shows the step, the row its new status. */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_extend_and_steal (items, model_items (_rec_enforcement_page_get_rows (page)));
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_extend_and_steal (rows, list_rows (_rec_enforcement_page_get_list (page)));
  item = g_list_model_get_item (_rec_enforcement_page_get_rows (page), at);
  g_assert_nonnull (item->step);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "enforcement.edit", "(ix)",
                                             (int) REC_REMEDY_BANK_LEVY,
                                             item->step->entity.id));
  dialog = g_object_ref (find_dialog ());
  status_field = _rec_dialog_get_field (dialog, "status");
  g_assert_cmpint (atoi (status_field), ==, REC_STATUS_REQUESTED);
  _rec_dialog_set_field (dialog, "status", "3");
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  spin ();
  g_assert_cmpstr (status_shown (page, REC_REMEDY_BANK_LEVY), ==,
                   rec_status_label (REC_STATUS_GRANTED));
  assert_kept (page, items, rows, at);

  /* Delete it: the row shows no status again. */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_extend_and_steal (items, model_items (_rec_enforcement_page_get_rows (page)));
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_extend_and_steal (rows, list_rows (_rec_enforcement_page_get_list (page)));
  step = rec_gui_find_by_id (rec_case_session_get_enforcement (fixture->session),
                             item->step->entity.id);
  g_assert_nonnull (step);
  g_assert_true (rec_case_session_delete (fixture->session, G_OBJECT (step), &error));
  g_assert_no_error (error);
  g_object_unref (step);
  g_assert_null (status_shown (page, REC_REMEDY_BANK_LEVY));
  assert_kept (page, items, rows, at);
}

/* An edit elsewhere in the case (a communication) that changes no verdict
 * keeps every item and every row. */
static void
test_unrelated_edit (PageFixture   *fixture,
                     gconstpointer  data)
{
  RecEnforcementPage *page = checklist (fixture);
  g_autoptr(GPtrArray) items = model_items (_rec_enforcement_page_get_rows (page));
  g_autoptr(GPtrArray) rows = list_rows (_rec_enforcement_page_get_list (page));
  g_autoptr(RecCommunication) communication = rec_communication_new ();
  g_autoptr(GError) error = NULL;

  rec_set_str (&communication->at, "2026-03-04T10:00:00+00:00");
  g_assert_true (rec_timestamp_parse (communication->at, &communication->at_unix, NULL));
  rec_set_str (&communication->subject, "Asked about the levy");
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (communication), &error));
  g_assert_no_error (error);
  assert_kept (page, items, rows, G_MAXUINT);
}

/* The status shown is the remedy's current one: the latest dated step, not
 * the last entered. */
static void
test_status_shown (PageFixture   *fixture,
                   gconstpointer  data)
{
  RecEnforcementPage *page = checklist (fixture);
  g_autoptr(RecEnforcementStep) later = rec_enforcement_step_new ();
  g_autoptr(RecEnforcementStep) earlier = rec_enforcement_step_new ();
  g_autoptr(GError) error = NULL;

  later->remedy = REC_REMEDY_PROPERTY_LIEN;
  later->status = REC_STATUS_GRANTED;
  later->date = fixture->today;
  earlier->remedy = REC_REMEDY_PROPERTY_LIEN;
  earlier->status = REC_STATUS_FILED;
  earlier->date = fixture->today;
  g_date_subtract_days (&earlier->date, 20);
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (later), &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (earlier), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_shown (page, REC_REMEDY_PROPERTY_LIEN), ==,
                   rec_status_label (REC_STATUS_GRANTED));
}

/* Replacing the session shows the other case's checklist; the first case's
 * steps no longer reach it. */
static void
test_replace_session (PageFixture   *fixture,
                      gconstpointer  data)
{
  RecEnforcementPage *page = checklist (fixture);
  g_autoptr(RecEnforcementStep) step = rec_enforcement_step_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (page, "session", fixture->other, NULL);
  step->remedy = REC_REMEDY_BANK_LEVY;
  step->status = REC_STATUS_FILED;
  step->date = fixture->today;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (step), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_null (status_shown (page, REC_REMEDY_BANK_LEVY));
  g_assert_cmpuint (rec_page_get_n_loads (REC_PAGE (page)), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("test-ui-enforcement: no display\n");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, PageFixture, NULL, page_fixture_set_up, func, page_fixture_tear_down)
  ADD ("/ui/enforcement/record-edit-delete", test_record_edit_delete);
  ADD ("/ui/enforcement/unrelated-edit", test_unrelated_edit);
  ADD ("/ui/enforcement/status-shown", test_status_shown);
  ADD ("/ui/enforcement/replace-session", test_replace_session);
#undef ADD

  return g_test_run ();
}

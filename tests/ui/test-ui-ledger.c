/* test-ui-ledger.c — the Payments page: its actions, the keyboard, the
 * interest to date, a new row shown
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-ledger"

#include "test-ui-ledger-fixture.h"

#include "rec-charge-dialog.h"
#include "rec-editor-dialog.h"
#include "rec-ledger-model.h"
#include "rec-payment-dialog.h"

static RecLedgerPage *
open_ledger (Fixture   *fixture,
             gboolean   large,
             ShapeFunc  shape)
{
  fixture_open (fixture, large, shape);
  return REC_LEDGER_PAGE (show_page (fixture, "payments"));
}

static GListModel *
rows_of (RecLedgerPage *page)
{
  return G_LIST_MODEL (_rec_ledger_page_get_rows (page));
}

/* The position of the first row of `kind` (from the end when `last`). */
static guint
find_row (RecLedgerPage *page,
          RecLedgerKind  kind,
          gboolean       last)
{
  GListModel *rows = rows_of (page);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      guint position = last ? n - 1 - i : i;
      g_autoptr(RecLedgerItem) item = g_list_model_get_item (rows, position);

      if (!item->accrual && item->line.kind == kind)
        return position;
    }
  g_assert_not_reached ();
}

static RecLedgerItem *
select_row (RecLedgerPage *page,
            guint          position)
{
  gtk_single_selection_set_selected (_rec_ledger_page_get_rows (page), position);
  return gtk_single_selection_get_selected_item (_rec_ledger_page_get_rows (page));
}

/* The terms end 100 days ago and nothing is paid or charged since: the
 * interest of those days accrues after the ledger's last event. */
static void
end_case_early (RecCaseData *case_data)
{
  GDate cut;

  rec_date_set_today (&cut);
  g_date_subtract_days (&cut, 100);
  for (guint i = case_data->terms->len; i > 0; i--)
    {
      RecTerm *term = g_ptr_array_index (case_data->terms, i - 1);

      if (rec_date_compare (&term->effective, &cut) > 0)
        g_ptr_array_remove_index (case_data->terms, i - 1);
      else if (!rec_date_is_set (&term->end) || rec_date_compare (&term->end, &cut) > 0)
        term->end = cut;
    }
  for (guint i = case_data->payments->len; i > 0; i--)
    if (rec_date_compare (&REC_PAYMENT (g_ptr_array_index (case_data->payments, i - 1))->date,
                          &cut) > 0)
      g_ptr_array_remove_index (case_data->payments, i - 1);
  for (guint i = case_data->charges->len; i > 0; i--)
    if (rec_date_compare (&REC_CHARGE (g_ptr_array_index (case_data->charges, i - 1))->date,
                          &cut) > 0)
      g_ptr_array_remove_index (case_data->charges, i - 1);
}

static void
assert_ends_on_total (RecLedgerPage  *page,
                      RecCaseSession *session)
{
  const RecArrearsResult *result = rec_case_session_get_result (session);
  GListModel *rows = rows_of (page);
  g_autoptr(RecLedgerItem) last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);

  g_assert_cmpint (last->line.principal_balance_cents + last->line.interest_balance_cents, ==,
                   result->total_balance_cents);
  g_assert_cmpint (last->line.principal_balance_cents, ==, result->principal_balance_cents);
  g_assert_cmpint (last->line.interest_balance_cents, ==, result->interest_balance_cents);
}

/* The ledger's last balances are the Overview's "Total owed": the interest
 * accrued after the last event has a row of its own, on the as-of date. */
static void
test_ends_on_total (Fixture       *fixture,
                    gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, end_case_early);
  RecCaseSession *session = fixture_session (fixture);
  const RecArrearsResult *result = rec_case_session_get_result (session);
  const RecLedgerLine *last_event = &g_array_index (result->ledger, RecLedgerLine,
                                                    result->ledger->len - 1);
  GListModel *rows = rows_of (page);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(RecLedgerItem) last = g_list_model_get_item (rows, n - 1);

  /* The case is shaped so that interest accrues after the last event. */
  g_assert_cmpint (result->interest_balance_cents, >, last_event->interest_balance_cents);
  g_assert_cmpuint (n, ==, result->ledger->len + 1);
  g_assert_true (last->accrual);
  g_assert_cmpint (g_date_compare (&last->line.date, &result->as_of), ==, 0);
  g_assert_cmpint (last->line.amount_cents, ==,
                   result->interest_balance_cents - last_event->interest_balance_cents);
  assert_ends_on_total (page, session);

  /* Not an entry: it cannot be edited or deleted. */
  select_row (page, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "ledger.edit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "ledger.delete", NULL);
  spin ();
  g_assert_null (find_toplevel (REC_TYPE_EDITOR_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
}

/* On the demo case as it is (whether or not interest accrued since the last
 * event), and after an edit. */
static void
test_ends_on_total_demo (Fixture       *fixture,
                         gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  RecCaseSession *session = fixture_session (fixture);
  g_autoptr(RecCharge) charge = rec_charge_new ();
  g_autoptr(GError) error = NULL;

  assert_ends_on_total (page, session);
  charge->date = rec_case_session_get_result (session)->as_of;
  g_date_subtract_months (&charge->date, 30);
  charge->amount_cents = 12345;
  g_assert_true (rec_case_session_add (session, G_OBJECT (charge), &error));
  g_assert_no_error (error);
  spin ();
  assert_ends_on_total (page, session);
}

/* Edit through the page's action on the selected row: the dialog shows that
 * payment, and its change reaches the session. */
static void
test_edit_payment (Fixture       *fixture,
                   gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  RecCaseSession *session = fixture_session (fixture);
  RecLedgerItem *item = select_row (page, find_row (page, REC_LEDGER_PAYMENT, TRUE));
  gint64 id = REC_ENTITY (item->line.source)->id;
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecPayment) stored = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "ledger.edit", NULL);
  dialog = take_dialog (REC_TYPE_PAYMENT_DIALOG);
  _rec_dialog_set_field (dialog, "reference", "Edited 9041");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();

  stored = rec_gui_find_by_id (rec_case_session_get_payments (session), id);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->reference, ==, "Edited 9041");
  gtk_window_destroy (dialog);
}

/* Enter on a row (the column view's "activate") opens it too. */
static void
test_activate_row (Fixture       *fixture,
                   gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  guint position = find_row (page, REC_LEDGER_CHARGE, FALSE);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GtkWindow) dialog = NULL;

  g_signal_emit_by_name (view, "activate", position);
  dialog = take_dialog (REC_TYPE_CHARGE_DIALOG);
  gtk_window_destroy (dialog);
}

/* Delete of the selected payment, then of a charge, each undone by the
 * window's Undo. Installments cannot be deleted. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  RecCaseSession *session = fixture_session (fixture);
  RecLedgerKind kinds[] = { REC_LEDGER_PAYMENT, REC_LEDGER_CHARGE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *list = kinds[k] == REC_LEDGER_PAYMENT ? rec_case_session_get_payments (session)
                                                        : rec_case_session_get_charges (session);
      guint n = g_list_model_get_n_items (list);
      RecLedgerItem *item = select_row (page, find_row (page, kinds[k], FALSE));
      gint64 id = REC_ENTITY (item->line.source)->id;
      g_autoptr(GObject) gone = NULL;

      gtk_widget_activate_action (GTK_WIDGET (page), "ledger.delete", NULL);
      spin ();
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);
      gone = rec_gui_find_by_id (list, id);
      g_assert_null (gone);

      g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
      spin ();
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
    }

  {
    guint n_rows = g_list_model_get_n_items (rows_of (page));

    select_row (page, find_row (page, REC_LEDGER_INSTALLMENT, FALSE));
    gtk_widget_activate_action (GTK_WIDGET (page), "ledger.delete", NULL);
    spin ();
    g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), ==, n_rows);
  }
}

/* A payment added (dated long ago, far from the end the ledger opens at) is
 * selected and scrolled to. */
static void
test_added_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  RecCaseSession *session = fixture_session (fixture);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_child (view, GTK_TYPE_LIST_VIEW)));
  GListModel *payments = rec_case_session_get_payments (session);
  guint n = g_list_model_get_n_items (payments);
  g_autoptr(RecPayment) first = g_list_model_get_item (payments, 0);
  g_autoptr(RecPayment) added = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  g_autofree char *date = NULL;
  RecLedgerItem *selected;
  GDate day = first->date;

  /* The ledger opens at its end. */
  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) > 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >,
                     gtk_adjustment_get_upper (adjustment) / 2);

  g_date_add_days (&day, 1);
  date = rec_date_to_iso (&day);
  gtk_widget_activate_action (GTK_WIDGET (page), "ledger.add-payment", NULL);
  dialog = take_dialog (REC_TYPE_PAYMENT_DIALOG);
  _rec_dialog_set_field (dialog, "date", date);
  _rec_dialog_set_field (dialog, "amount", "77.00");
  _rec_dialog_set_field (dialog, "reference", "Early one");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n + 1);
  added = g_list_model_get_item (payments, n);

  selected = gtk_single_selection_get_selected_item (_rec_ledger_page_get_rows (page));
  g_assert_nonnull (selected);
  g_assert_true (selected->line.source == (gpointer) added);
  /* Scrolled up to it, near the start. */
  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment) / 4);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <,
                     gtk_adjustment_get_upper (adjustment) / 4);
  gtk_window_destroy (dialog);
}

/* A payment added as the newest entry, while the ledger stands at its end
 * (the usual case: today's payment), is scrolled wholly into view: its row
 * is the last, so the view must reach the list's new end. */
static void
test_added_at_end_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_child (view, GTK_TYPE_LIST_VIEW)));
  GListModel *rows = rows_of (page);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecLedgerItem) last = NULL;
  g_autofree char *date = NULL;
  double end;
  GDate today;

  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) > 0);
  rec_date_set_today (&today);
  date = rec_date_to_iso (&today);
  gtk_widget_activate_action (GTK_WIDGET (page), "ledger.add-payment", NULL);
  dialog = take_dialog (REC_TYPE_PAYMENT_DIALOG);
  _rec_dialog_set_field (dialog, "date", date);
  _rec_dialog_set_field (dialog, "amount", "77.00");
  _rec_dialog_set_field (dialog, "reference", "Newest one");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();

  last = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
  g_assert_true (gtk_single_selection_get_selected_item (_rec_ledger_page_get_rows (page)) == last);
  /* Let the list lay its new row out, then it must stand at its end. */
  for (int i = 0; i < 30; i++)
    {
      g_usleep (10000);
      spin ();
    }
  end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  g_test_message ("value %.0f, end %.0f (upper %.0f, page %.0f)",
                  gtk_adjustment_get_value (adjustment), end,
                  gtk_adjustment_get_upper (adjustment),
                  gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=, end - 1);
  gtk_window_destroy (dialog);
}

/* Tab leaves the ~22 000 rows of the large case at once. */
static void
test_tab_leaves_large (Fixture       *fixture,
                       gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, TRUE, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (rows_of (page)), >, REC_DEMO_LARGE_PAYMENTS);
  assert_tab_leaves (fixture, find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
}

/* Every amount cell asks for the room of the widest amount of the ledger,
 * so no figure is cut whichever rows were measured first: the amount labels
 * share one width, at least the longest amount the ledger shows. */
static void
test_amounts_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  RecCaseSession *session = fixture_session (fixture);
  const RecArrearsResult *result = rec_case_session_get_result (session);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  glong longest = 0;
  int width = -2;
  guint n_checked = 0;

  for (guint i = 0; i < result->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (result->ledger, RecLedgerLine, i);
      RecCents values[] = { line->amount_cents, line->principal_balance_cents,
                            line->interest_balance_cents };

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          g_autofree char *text = rec_gui_format_cents (session, values[j]);

          longest = MAX (longest, g_utf8_strlen (text, -1));
        }
    }

  SPIN_UNTIL (find_child (view, GTK_TYPE_LABEL) != NULL);
  g_ptr_array_add (stack, view);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
      /* Right-aligned: an amount cell. */
      if (GTK_IS_LABEL (widget) && gtk_label_get_xalign (GTK_LABEL (widget)) == 1.0f)
        {
          if (width == -2)
            width = gtk_label_get_width_chars (GTK_LABEL (widget));
          g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (widget)), ==, width);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 10);
  g_assert_cmpint (width, >=, longest);
}

/* The titles of the columns shown, joined by "|". */
static char *
shown_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? "|" : "",
                              gtk_column_view_column_get_title (column) != NULL
                              ? gtk_column_view_column_get_title (column) : "");
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Whether the columns shown fit in the page's width (no sideways scroll). */
static gboolean
columns_fit (RecLedgerPage *page,
             GtkWidget     *view)
{
  int minimum = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum <= gtk_widget_get_width (GTK_WIDGET (page));
}

static void
resize (Fixture *fixture,
        int      width)
{
  /* Asked again, as a drag of the window's edge goes on: the columns
   * narrower, the window can narrow further. */
  for (int i = 0; i < 5; i++)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 700);
      SPIN_UNTIL (FALSE);
    }
}

/* At phone width (issue 10) the ledger keeps date, entry, one amount and
 * the unpaid support after it, and they fit; Due, Paid, Interest and the
 * paperclip come back at desktop width. */
static void
test_narrow_columns (Fixture       *fixture,
                     gconstpointer  data)
{
  RecLedgerPage *page = open_ledger (fixture, FALSE, NULL);
  GtkWidget *view = find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;
  g_autofree char *wide_again = NULL;

  resize (fixture, 1280);
  wide = shown_columns (GTK_COLUMN_VIEW (view));
  g_assert_cmpstr (wide, ==, "Date|Entry||Due|Paid|Unpaid Support|Interest");
  g_assert_true (columns_fit (page, view));

  /* The window itself may stay wider than 360 px in this test (its own
   * minimum, from its header, was 479 px in a window opened wide): the
   * columns shown must fit 360 px whatever the page's width. */
  resize (fixture, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <, 640);
  narrow = shown_columns (GTK_COLUMN_VIEW (view));
  g_assert_cmpstr (narrow, ==, "Date|Entry|Amount|Unpaid");
  g_assert_true (columns_fit (page, view));
  {
    int minimum = 0;

    gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360 - 12);
  }

  resize (fixture, 1280);
  wide_again = shown_columns (GTK_COLUMN_VIEW (view));
  g_assert_cmpstr (wide_again, ==, wide);
}

int
main (int   argc,
      char *argv[])
{
  static const PageTest tests[] = {
    { "/ui/ledger/ends-on-total", test_ends_on_total },
    { "/ui/ledger/ends-on-total-demo", test_ends_on_total_demo },
    { "/ui/ledger/edit-payment", test_edit_payment },
    { "/ui/ledger/activate-row", test_activate_row },
    { "/ui/ledger/delete-undo", test_delete_undo },
    { "/ui/ledger/added-shown", test_added_shown },
    { "/ui/ledger/added-at-end-shown", test_added_at_end_shown },
    { "/ui/ledger/amounts-fit", test_amounts_fit },
    { "/ui/ledger/narrow-columns", test_narrow_columns },
    { "/ui/ledger/tab-leaves-large", test_tab_leaves_large },
  };

  return run_page_tests (&argc, &argv, "/ui/ledger/no-display", tests, G_N_ELEMENTS (tests));
}

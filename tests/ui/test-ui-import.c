/* test-ui-import.c — Import Payments… and Import Messages… in the window
 * (spec/import.md §4): the file read in a thread, rows ticked and unticked,
 * the filter as it is typed, duplicates greyed and unticked, "Add N
 * Payments", then one undo takes the whole import back and redo brings it
 * again; the history stays intact throughout
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-ui-ledger-fixture.h"

#include "rec-import-dialog.h"

#include <string.h>

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  memset (fixture, 0, sizeof *fixture);
  fixture_open (fixture, FALSE, NULL);
}

static void
assert_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  RecStoreVerifyResult result = { 0 };

  g_assert_true (rec_store_verify_file_result (path, report, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

/* A statement with the case's first payment in it (already in the case),
 * three new payments received, and money sent (not shown). */
static char *
write_statement (Fixture *fixture)
{
  RecPayment *first = g_ptr_array_index (rec_case_session_get_data (fixture_session (fixture))->payments, 0);
  g_autofree char *first_amount = rec_cents_to_string (first->amount_cents);
  g_autofree char *text = NULL;
  char *path = g_build_filename (fixture->dir, "statement.csv", NULL);

  text = g_strdup_printf ("Date,Description,Amount\n"
                          "%04d-%02d-%02d,ZELLE FROM OTHER PARENT,%s\n"
                          "2031-01-03,ZELLE FROM OTHER PARENT,450.00\n"
                          "2031-01-10,GROCERY STORE,-52.10\n"
                          "2031-01-17,ZELLE FROM OTHER PARENT,451.00\n"
                          "2031-01-24,ACME REFUND,12.34\n",
                          g_date_get_year (&first->date), g_date_get_month (&first->date),
                          g_date_get_day (&first->date), first_amount);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static guint
count_payments_of (RecCaseSession *session,
                   RecCents        cents,
                   guint           year)
{
  const RecCaseData *data = rec_case_session_get_data (session);
  guint n = 0;

  for (guint i = 0; i < data->payments->len; i++)
    {
      RecPayment *payment = g_ptr_array_index (data->payments, i);

      n += payment->amount_cents == cents && g_date_get_year (&payment->date) == year;
    }
  return n;
}

static void
test_import_payments (Fixture       *fixture,
                      gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *payments = rec_case_session_get_payments (session);
  g_autofree char *path = write_statement (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RecImportDialog *dialog;
  RecImportCandidate *duplicate;
  guint n_before = g_list_model_get_n_items (payments);
  guint documents_before = g_list_model_get_n_items (rec_case_session_get_attachments (session));

  show_page (fixture, "payments");
  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_PAYMENTS, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rec_import_dialog_wait_read (dialog));

  /* Four rows (the debit is not shown): the first already in the case,
   * greyed and unticked. */
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 4);
  duplicate = rec_import_dialog_get_row (dialog, 0);
  g_assert_cmpint (duplicate->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_false (duplicate->selected);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 3 Payments");

  /* Unticked: two left. */
  rec_import_dialog_set_ticked (dialog, 2, FALSE);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 2 Payments");

  /* The filter as typed, then cleared: the untick stays. */
  rec_import_dialog_set_filter (dialog, "acme");
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 1);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 1 Payment");
  rec_import_dialog_set_filter (dialog, "");
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 4);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 2 Payments");

  g_assert_true (rec_import_dialog_add (dialog));
  g_object_unref (dialog);
  spin ();

  /* The ledger's rows: 450.00 and 12.34 in 2031, not the unticked 451.00. */
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before + 2);
  g_assert_cmpuint (count_payments_of (session, 45000, 2031), ==, 1);
  g_assert_cmpuint (count_payments_of (session, 1234, 2031), ==, 1);
  g_assert_cmpuint (count_payments_of (session, 45100, 2031), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_attachments (session)), ==,
                    documents_before + 1);
  {
    g_autoptr(RecPayment) added = g_list_model_get_item (payments, n_before);

    g_assert_cmpuint (rec_case_session_count_attachments (session, REC_ENTITY (added)), ==, 1);
  }
  assert_intact (fixture->path);

  /* One undo: both payments and the statement go. */
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before);
  g_assert_cmpuint (count_payments_of (session, 45000, 2031), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_attachments (session)), ==,
                    documents_before);
  assert_intact (fixture->path);

  /* Redo: they are back, with their statement. */
  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_attachments (session)), ==,
                    documents_before + 1);
  assert_intact (fixture->path);
}

/* A file that is no statement: the error page says so; nothing to add. */
static void
test_not_a_statement (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecImportDialog) dialog = NULL;

  g_assert_true (g_file_set_contents (path, "Call the agency on Monday.\n", -1, NULL));
  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_PAYMENTS, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (rec_import_dialog_wait_read (dialog));
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 0);
  g_assert_false (rec_import_dialog_add (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Messages: none until a correspondent is typed; then theirs, once. */
static void
test_import_messages (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char sms[] =
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n"
    "<sms address=\"+15550102030\" date=\"1735930200000\" type=\"1\" body=\"Check is in the mail\""
    " readable_date=\"Jan 3, 2025\" contact_name=\"Other Parent\" />\n"
    "<sms address=\"5550102030\" date=\"1735931200000\" type=\"2\" body=\"It is late again\""
    " readable_date=\"Jan 3, 2025\" contact_name=\"Other Parent\" />\n"
    "<sms address=\"+15550109999\" date=\"1735932200000\" type=\"1\" body=\"Pizza?\""
    " readable_date=\"Jan 3, 2025\" contact_name=\"Sam\" />\n</smses>\n";
  RecCaseSession *session = fixture_session (fixture);
  GListModel *messages = rec_case_session_get_communications (session);
  g_autofree char *path = g_build_filename (fixture->dir, "sms.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecImportDialog *dialog;
  guint n_before = g_list_model_get_n_items (messages);

  g_assert_true (g_file_set_contents (path, sms, -1, NULL));
  show_page (fixture, "communications");
  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_MESSAGES, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rec_import_dialog_wait_read (dialog));
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 0);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 0 Messages");

  rec_import_dialog_set_filter (dialog, "555 010 2030");
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 2 Messages");
  g_assert_true (rec_import_dialog_add (dialog));
  g_object_unref (dialog);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, n_before + 2);

  /* The same archive again: both already in the case. */
  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_MESSAGES, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rec_import_dialog_wait_read (dialog));
  rec_import_dialog_set_filter (dialog, "+1 (555) 010-2030");
  g_assert_cmpuint (rec_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpint (rec_import_dialog_get_row (dialog, 0)->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpstr (rec_import_dialog_get_add_label (dialog), ==, "_Add 0 Messages");
  g_assert_false (rec_import_dialog_add (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  assert_intact (fixture->path);
}

/* The import's toast undone after one of its payments was deleted on its
 * own: the others go, the history stays intact. */
static void
test_undo_after_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *payments = rec_case_session_get_payments (session);
  g_autofree char *path = write_statement (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportDialog) dialog = NULL;
  g_autoptr(GObject) one = NULL;
  guint n_before = g_list_model_get_n_items (payments);
  guint64 import_change;

  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_PAYMENTS, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rec_import_dialog_wait_read (dialog));
  g_assert_true (rec_import_dialog_add (dialog));
  import_change = rec_case_session_get_last_change (session);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before + 3);

  one = g_list_model_get_item (payments, n_before + 1);
  g_assert_true (rec_case_session_delete (session, one, &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_undo_change (session, import_change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before);
  assert_intact (fixture->path);
}

/* win.import-payments with a file's URI, as a drop on the page sends it:
 * the dialog opens on that file. */
static void
test_action_with_uri (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_statement (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *page = show_page (fixture, "payments");
  g_autoptr(GtkWindow) dialog = NULL;

  g_assert_true (gtk_widget_activate_action (page, "win.import-payments", "s", uri));
  dialog = take_dialog (REC_TYPE_IMPORT_DIALOG);
  g_assert_true (rec_import_dialog_wait_read (REC_IMPORT_DIALOG (dialog)));
  g_assert_cmpuint (rec_import_dialog_get_n_rows (REC_IMPORT_DIALOG (dialog)), ==, 4);
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/import/payments", Fixture, NULL, fixture_set_up, test_import_payments,
              fixture_tear_down);
  g_test_add ("/ui/import/not-a-statement", Fixture, NULL, fixture_set_up, test_not_a_statement,
              fixture_tear_down);
  g_test_add ("/ui/import/messages", Fixture, NULL, fixture_set_up, test_import_messages,
              fixture_tear_down);
  g_test_add ("/ui/import/undo-after-delete", Fixture, NULL, fixture_set_up,
              test_undo_after_delete, fixture_tear_down);
  g_test_add ("/ui/import/action-with-uri", Fixture, NULL, fixture_set_up, test_action_with_uri,
              fixture_tear_down);
  return g_test_run ();
}

/* test-ui-import.c — Import Payments… and Import Messages… in the window
 * (spec/import.md §4): the file read in a thread, rows ticked and unticked,
 * the filter as it is typed, duplicates greyed and unticked, "Add N
 * Payments", then one undo takes the whole import back and redo brings it
 * again, keeping the records changed since; files dropped on the pages as
 * GTK delivers them (a GdkFileList); the history stays intact throughout
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

/* A statement with the case's first payment in it (already in the case,
 * with a long description),
 * three new payments received, and money sent (not shown). */
static char *
write_statement (Fixture *fixture)
{
  RecPayment *first = g_ptr_array_index (rec_case_session_get_data (fixture_session (fixture))->payments, 0);
  g_autofree char *first_amount = rec_cents_to_string (first->amount_cents);
  g_autofree char *text = NULL;
  char *path = g_build_filename (fixture->dir, "statement.csv", NULL);

  text = g_strdup_printf ("Date,Description,Amount\n"
                          "%04d-%02d-%02d,ZELLE FROM OTHER PARENT REF 88213390 CHILD SUPPORT "
                          "FOR THE MONTH AS ORDERED BY THE SUPERIOR COURT OF CALIFORNIA "
                          "COUNTY OF ALAMEDA CASE NUMBER 0000000000 PAID IN FULL,%s\n"
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

/* The first mapped widget under `widget` with the CSS class `name`. */
static GtkWidget *
find_mapped_with_class (GtkWidget  *widget,
                        const char *name)
{
  if (gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_with_class (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row already in the case shows its marker whole, beside its description
 * (which ellipsizes), inside the dialog, not cut off with the description. */
static void
assert_duplicate_marker_shown (GtkWindow *dialog)
{
  GtkWidget *marker = NULL;
  graphene_rect_t bounds;

  for (int i = 0; i < 200 && marker == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      marker = find_mapped_with_class (GTK_WIDGET (dialog), "rec-import-duplicate");
      if (marker == NULL)
        g_usleep (10000);
    }
  g_assert_nonnull (marker);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (marker)), ==, "Already in the case");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (marker))));
  g_assert_true (gtk_widget_compute_bounds (marker, GTK_WIDGET (dialog), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (dialog)));
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
  assert_duplicate_marker_shown (GTK_WINDOW (dialog));

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

/* An SMS Backup & Restore file: two messages with the other parent (one
 * received, one sent; the number written two ways) and one with someone
 * else. */
static const char sms_backup[] =
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n"
  "<sms address=\"+15550102030\" date=\"1735930200000\" type=\"1\" body=\"Check is in the mail\""
  " readable_date=\"Jan 3, 2025\" contact_name=\"Other Parent\" />\n"
  "<sms address=\"5550102030\" date=\"1735931200000\" type=\"2\" body=\"It is late again\""
  " readable_date=\"Jan 3, 2025\" contact_name=\"Other Parent\" />\n"
  "<sms address=\"+15550109999\" date=\"1735932200000\" type=\"1\" body=\"Pizza?\""
  " readable_date=\"Jan 3, 2025\" contact_name=\"Sam\" />\n</smses>\n";

/* Messages: none until a correspondent is typed; then theirs, once. */
static void
test_import_messages (Fixture       *fixture,
                      gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *messages = rec_case_session_get_communications (session);
  g_autofree char *path = g_build_filename (fixture->dir, "sms.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecImportDialog *dialog;
  guint n_before = g_list_model_get_n_items (messages);

  g_assert_true (g_file_set_contents (path, sms_backup, -1, NULL));
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

/* --- Drag and drop (spec/import.md §4) --- */

/* The drop target of `page`, checked to take what a file manager drags:
 * text/uri-list, which GTK turns into a GdkFileList. */
static GtkDropTarget *
page_drop_target (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GdkContentFormats) formats = NULL;
  GtkDropTarget *target = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_assert_null (target);
          target = GTK_DROP_TARGET (controller);   /* the page keeps it */
        }
    }
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));
  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);
  formats = gdk_content_formats_union_deserialize_mime_types (
              gdk_content_formats_ref (gtk_drop_target_get_formats (target)));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/uri-list"));
  return target;
}

/* Drops `paths` on `page` as GTK delivers a drop: the target's "drop"
 * signal with a GValue holding the GdkFileList. Whether it took them. */
static gboolean
drop_paths (GtkWidget         *page,
            const char *const *paths)
{
  GtkDropTarget *target = page_drop_target (page);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata, files->len));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &taken);
  return taken;
}

/* A statement dropped on the Payments page opens the preview of its rows:
 * the one the case has greyed, the three new ones ticked, money sent not
 * shown. */
static void
test_drop_statement (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_statement (fixture);
  const char *paths[] = { path, NULL };
  GtkWidget *page = show_page (fixture, "payments");
  g_autoptr(GtkWindow) dialog = NULL;
  RecImportDialog *import;

  g_assert_true (drop_paths (page, paths));
  dialog = take_dialog (REC_TYPE_IMPORT_DIALOG);
  import = REC_IMPORT_DIALOG (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Import Payments");
  g_assert_true (rec_import_dialog_wait_read (import));
  g_assert_null (rec_import_dialog_get_error (import));
  g_assert_cmpuint (rec_import_dialog_get_n_rows (import), ==, 4);
  g_assert_cmpint (rec_import_dialog_get_row (import, 0)->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpstr (rec_import_dialog_get_row (import, 1)->description, ==,
                   "ZELLE FROM OTHER PARENT");
  g_assert_cmpint (REC_PAYMENT (rec_import_dialog_get_row (import, 1)->record)->amount_cents, ==,
                   45000);
  g_assert_cmpstr (rec_import_dialog_get_row (import, 3)->description, ==, "ACME REFUND");
  g_assert_cmpstr (rec_import_dialog_get_add_label (import), ==, "_Add 3 Payments");
  gtk_window_destroy (dialog);
}

/* An SMS backup dropped on the Communications page opens Import Messages;
 * the other parent's number shows their two messages. */
static void
test_drop_messages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sms-backup.xml", NULL);
  const char *paths[] = { path, NULL };
  GtkWidget *page;
  g_autoptr(GtkWindow) dialog = NULL;
  RecImportDialog *import;
  RecImportCandidate *first;

  g_assert_true (g_file_set_contents (path, sms_backup, -1, NULL));
  page = show_page (fixture, "communications");
  g_assert_true (drop_paths (page, paths));
  dialog = take_dialog (REC_TYPE_IMPORT_DIALOG);
  import = REC_IMPORT_DIALOG (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Import Messages");
  g_assert_true (rec_import_dialog_wait_read (import));
  g_assert_cmpuint (rec_import_dialog_get_n_rows (import), ==, 0);
  rec_import_dialog_set_filter (import, "(555) 010-2030");
  g_assert_cmpuint (rec_import_dialog_get_n_rows (import), ==, 2);
  first = rec_import_dialog_get_row (import, 0);
  g_assert_cmpint (first->status, ==, REC_IMPORT_NEW);
  g_assert_cmpstr (REC_COMMUNICATION (first->record)->summary, ==, "Check is in the mail");
  g_assert_cmpint (REC_COMMUNICATION (rec_import_dialog_get_row (import, 1)->record)->direction,
                   ==, REC_DIRECTION_SENT);
  g_assert_cmpstr (rec_import_dialog_get_add_label (import), ==, "_Add 2 Messages");
  gtk_window_destroy (dialog);
}

/* A file that is no known format, dropped: the preview says what the spec
 * says, naming the file, and adds nothing; an SMS backup dropped on the
 * Payments page says to import it as messages. */
static void
test_drop_unknown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *sms = g_build_filename (fixture->dir, "sms-backup.xml", NULL);
  const char *notes_paths[] = { notes, NULL };
  const char *sms_paths[] = { sms, NULL };
  GtkWidget *page = show_page (fixture, "payments");
  GListModel *payments = rec_case_session_get_payments (fixture_session (fixture));
  guint n_before = g_list_model_get_n_items (payments);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(GtkWindow) second = NULL;

  g_assert_true (g_file_set_contents (notes, "Call the agency on Monday.\n", -1, NULL));
  g_assert_true (g_file_set_contents (sms, sms_backup, -1, NULL));
  g_assert_true (drop_paths (page, notes_paths));
  dialog = take_dialog (REC_TYPE_IMPORT_DIALOG);
  g_assert_false (rec_import_dialog_wait_read (REC_IMPORT_DIALOG (dialog)));
  g_assert_cmpstr (rec_import_dialog_get_error (REC_IMPORT_DIALOG (dialog)), ==,
                   "“notes.txt” is not a bank statement, OFX file, SMS backup or mailbox: "
                   "no row names a date and an amount column. A statement without such a "
                   "header row can be imported with “recourse import-payments --columns”.");
  g_assert_false (rec_import_dialog_add (REC_IMPORT_DIALOG (dialog)));
  gtk_window_destroy (dialog);

  g_assert_true (drop_paths (page, sms_paths));
  second = take_dialog (REC_TYPE_IMPORT_DIALOG);
  g_assert_false (rec_import_dialog_wait_read (REC_IMPORT_DIALOG (second)));
  g_assert_cmpstr (rec_import_dialog_get_error (REC_IMPORT_DIALOG (second)), ==,
                   "“sms-backup.xml” is an SMS backup, not a bank statement: import it as "
                   "messages");
  gtk_window_destroy (second);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before);
}

/* Two files dropped at once: refused, no dialog (the import reads one). */
static void
test_drop_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_statement (fixture);
  const char *paths[] = { path, path, NULL };
  GtkWidget *page = show_page (fixture, "payments");

  g_assert_false (drop_paths (page, paths));
  spin ();
  g_assert_null (find_toplevel (REC_TYPE_IMPORT_DIALOG));
}

/* --- Undo of an import after its records were changed --- */

/* Imports the statement's three new payments; returns the import's change. */
static guint64
import_three (Fixture *fixture,
              guint   *out_first)
{
  RecCaseSession *session = fixture_session (fixture);
  g_autofree char *path = write_statement (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecImportDialog) dialog = NULL;

  *out_first = g_list_model_get_n_items (rec_case_session_get_payments (session));
  dialog = g_object_ref (rec_import_dialog_new (fixture->window, REC_IMPORT_KIND_PAYMENTS, file));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rec_import_dialog_wait_read (dialog));
  g_assert_true (rec_import_dialog_add (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==,
                    *out_first + 3);
  return rec_case_session_get_last_change (session);
}

/* The position-th payment with its notes changed, through the session. */
static void
edit_payment (RecCaseSession *session,
              guint           position,
              const char     *notes)
{
  g_autoptr(RecPayment) payment = g_list_model_get_item (rec_case_session_get_payments (session),
                                                         position);
  g_autoptr(RecPayment) copy = rec_payment_copy (payment);
  g_autoptr(GError) error = NULL;

  g_free (copy->notes);
  copy->notes = g_strdup (notes);
  g_assert_true (rec_case_session_update (session, G_OBJECT (copy), &error));
  g_assert_no_error (error);
}

/* One payment edited and one given a photo of the user's after the import:
 * the import's toast undone takes back only the third, keeps the two and
 * says so; redo brings the third back; the history stays intact. */
static void
test_undo_keeps_edited (Fixture       *fixture,
                        gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *payments = rec_case_session_get_payments (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) photo = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a photo of the receipt", 22);
  g_autoptr(RecPayment) photographed = NULL;
  guint first = 0;
  guint64 import_change = import_three (fixture, &first);

  edit_payment (session, first + 2, "Confirmed with the bank");
  photographed = g_list_model_get_item (payments, first);
  g_ptr_array_add (photo, rec_attachment_new_from_bytes ("receipt.txt", bytes, &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_attach (session, photo, REC_ENTITY (photographed), &error));
  g_assert_no_error (error);

  g_assert_true (rec_case_session_undo_change (session, import_change, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rec_case_session_get_step_note (session), ==,
                   "Import undone; 2 payments you changed since were kept");
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first + 2);
  g_assert_cmpuint (count_payments_of (session, 45000, 2031), ==, 1);   /* the photo's */
  g_assert_cmpuint (count_payments_of (session, 45100, 2031), ==, 0);   /* unchanged: gone */
  g_assert_cmpuint (count_payments_of (session, 1234, 2031), ==, 1);    /* edited */
  assert_intact (fixture->path);

  /* Redo: the one taken back returns; the two were never gone. */
  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  g_assert_null (rec_case_session_get_step_note (session));
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first + 3);
  g_assert_cmpuint (count_payments_of (session, 45100, 2031), ==, 1);
  g_assert_cmpuint (count_payments_of (session, 45000, 2031), ==, 1);
  assert_intact (fixture->path);

  /* And undone again (Ctrl+Z): the same one goes, nothing to say. */
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_null (rec_case_session_get_step_note (session));
  g_assert_cmpuint (count_payments_of (session, 45100, 2031), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first + 2);
  assert_intact (fixture->path);
}

/* An edit undone before the import is: the payment is as imported again,
 * so the import's undo takes all three; a payment deleted and brought back
 * (a new id) is still the import's. */
static void
test_undo_edit_undone (Fixture       *fixture,
                       gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *payments = rec_case_session_get_payments (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) deleted = NULL;
  guint first = 0;
  guint64 import_change = import_three (fixture, &first);

  edit_payment (session, first + 1, "A typo");
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  deleted = g_list_model_get_item (payments, first);
  g_assert_true (rec_case_session_delete (session, deleted, &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first + 3);

  g_assert_true (rec_case_session_undo_change (session, import_change, &error));
  g_assert_no_error (error);
  g_assert_null (rec_case_session_get_step_note (session));
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first);
  assert_intact (fixture->path);
}

/* Every payment of the import changed since: nothing is undone, and the
 * error says why; the import stays undoable once the edits are undone. */
static void
test_undo_all_edited (Fixture       *fixture,
                      gconstpointer  data)
{
  RecCaseSession *session = fixture_session (fixture);
  GListModel *payments = rec_case_session_get_payments (session);
  g_autoptr(GError) error = NULL;
  guint first = 0;
  guint64 import_change = import_three (fixture, &first);

  for (guint i = 0; i < 3; i++)
    edit_payment (session, first + i, "Checked");
  g_assert_false (rec_case_session_undo_change (session, import_change, &error));
  g_assert_error (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_SUPERSEDED);
  g_assert_cmpstr (error->message, ==,
                   "This import can’t be undone: every payment it added was changed since.");
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first + 3);
  g_clear_error (&error);
  assert_intact (fixture->path);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (rec_case_session_undo (session, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (rec_case_session_get_last_change (session), ==, import_change);
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, first);
  assert_intact (fixture->path);
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
  g_test_add ("/ui/import/drop-statement", Fixture, NULL, fixture_set_up, test_drop_statement,
              fixture_tear_down);
  g_test_add ("/ui/import/drop-messages", Fixture, NULL, fixture_set_up, test_drop_messages,
              fixture_tear_down);
  g_test_add ("/ui/import/drop-unknown", Fixture, NULL, fixture_set_up, test_drop_unknown,
              fixture_tear_down);
  g_test_add ("/ui/import/drop-several", Fixture, NULL, fixture_set_up, test_drop_several,
              fixture_tear_down);
  g_test_add ("/ui/import/undo-keeps-edited", Fixture, NULL, fixture_set_up,
              test_undo_keeps_edited, fixture_tear_down);
  g_test_add ("/ui/import/undo-edit-undone", Fixture, NULL, fixture_set_up,
              test_undo_edit_undone, fixture_tear_down);
  g_test_add ("/ui/import/undo-all-edited", Fixture, NULL, fixture_set_up,
              test_undo_all_edited, fixture_tear_down);
  return g_test_run ();
}

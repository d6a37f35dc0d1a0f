/* test-ui-evidence.c — documents in the record dialogs and the paperclip on
 * ledger and log rows (spec/evidence.md §1, issue 11 point 1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog's file chooser hands its files to rec_evidence_group_add_files(),
 * as a drop does: the tests call it with fixture files, then save the dialog
 * through its real Save action, and look at the file with a connection of
 * their own.
 */
#define G_LOG_DOMAIN "test-ui-evidence"

#include "test-ui-ledger-fixture.h"

#include "rec-case-details-dialog.h"
#include "rec-communication-dialog.h"
#include "rec-editor-dialog.h"
#include "rec-evidence-group.h"
#include "rec-ledger-model.h"
#include "rec-payment-dialog.h"

#include <sys/stat.h>

/* The folder of the files the tests add (made before a test's case). */
static char *files_dir;

static void
remove_files_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (files_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (files_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (files_dir);
  g_clear_pointer (&files_dir, g_free);
}

/* A file to add, in the tests' own folder. */
static GFile *
fixture_file (Fixture    *fixture,
              const char *name,
              const char *contents,
              gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (files_dir == NULL)
    {
      files_dir = g_dir_make_tmp ("rec-evidence-files-XXXXXX", &error);
      g_assert_no_error (error);
    }
  path = g_build_filename (files_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The documents of the file, read by a connection of its own. */
static GPtrArray *
documents_in_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (fixture->path, TRUE, &error);
  g_autoptr(RecCaseData) data = NULL;

  g_assert_no_error (error);
  data = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  return g_ptr_array_ref (data->attachments);
}

static guint
n_documents_in_file (Fixture *fixture)
{
  g_autoptr(GPtrArray) documents = documents_in_file (fixture);

  return documents->len;
}

/* How many documents of the file prove payment `id`. */
static guint
file_count_proving (Fixture *fixture,
                    gint64   payment_id)
{
  g_autoptr(GPtrArray) documents = documents_in_file (fixture);
  guint count = 0;

  for (guint i = 0; i < documents->len; i++)
    {
      RecAttachment *document = g_ptr_array_index (documents, i);

      for (guint j = 0; j < document->links->len; j++)
        {
          RecEntity *record = g_ptr_array_index (document->links, j);

          count += record != NULL && REC_IS_PAYMENT (record) && record->id == payment_id;
        }
    }
  return count;
}

static void
assert_intact (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  RecStoreVerifyResult result = { 0 };

  g_assert_true (rec_store_verify_file_result (fixture->path, report, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_assert_cmpuint (result.problems, ==, 0);
}

/* The newest payment (the ledger opens at its end: its row is on screen). */
static RecPayment *
last_payment (Fixture *fixture)
{
  GListModel *payments = rec_case_session_get_payments (fixture_session (fixture));
  guint n = g_list_model_get_n_items (payments);
  RecPayment *newest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecPayment) payment = g_list_model_get_item (payments, i);

      if (newest == NULL || rec_date_compare (&payment->date, &newest->date) > 0)
        newest = payment;
    }
  g_assert_nonnull (newest);
  return newest;
}

static RecEvidenceGroup *
evidence_of (GtkWindow *dialog)
{
  RecEvidenceGroup *group = rec_editor_dialog_get_evidence (REC_EDITOR_DIALOG (dialog));

  g_assert_nonnull (group);
  return group;
}

/* What the file chooser's callback does with the files picked. */
static void
add_files (RecEvidenceGroup *group,
           GFile           **files,
           guint             n_files)
{
  rec_evidence_group_add_files (group, files, n_files);
  g_assert_true (rec_evidence_group_is_busy (group));
  SPIN_UNTIL (!rec_evidence_group_is_busy (group));
  g_assert_false (rec_evidence_group_is_busy (group));
}

/* Whether a widget under `widget` (visible) has this tooltip. */
static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child)
          && (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0
              || has_tooltip (child, tooltip)))
        return TRUE;
    }
  return FALSE;
}

/* Two documents through the payment dialog: the store links both, the
 * ledger row shows "2 documents"; removing one in the dialog detaches it,
 * undo brings it back. */
static void
test_attach_detach_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) check = fixture_file (fixture, "check-1043.jpg", "\xff\xd8\xff\xe0 check", 10);
  g_autoptr(GFile) receipt = fixture_file (fixture, "receipt.txt", "Received $1,415.00", -1);
  GFile *files[] = { check, receipt };
  RecCaseSession *session;
  GtkWidget *page;
  RecPayment *payment;
  GtkWindow *dialog;
  RecEvidenceGroup *group;
  gint64 id;

  fixture_open (fixture, FALSE, NULL);
  page = show_page (fixture, "payments");
  session = fixture_session (fixture);
  payment = last_payment (fixture);
  id = payment->entity.id;
  g_assert_cmpuint (rec_case_session_count_attachments (session, REC_ENTITY (payment)), ==, 0);

  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, payment));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 0);
  add_files (group, files, G_N_ELEMENTS (files));
  g_assert_null (_rec_evidence_group_get_error (group));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 2);
  g_assert_cmpstr (_rec_evidence_group_get_name (group, 0), ==, "check-1043.jpg");
  /* Nothing is written before Save. */
  g_assert_cmpuint (file_count_proving (fixture, id), ==, 0);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);

  g_assert_cmpuint (file_count_proving (fixture, id), ==, 2);
  payment = last_payment (fixture);
  g_assert_cmpuint (rec_case_session_count_attachments (session, REC_ENTITY (payment)), ==, 2);
  SPIN_UNTIL (has_tooltip (page, "2 documents"));
  g_assert_true (has_tooltip (page, "2 documents"));
  assert_intact (fixture);

  /* Remove the first one in the dialog, save: one left. */
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, payment));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 2);
  rec_evidence_group_remove (group, 0);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  g_assert_cmpuint (file_count_proving (fixture, id), ==, 1);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 1);
  SPIN_UNTIL (has_tooltip (page, "1 document"));
  g_assert_true (has_tooltip (page, "1 document"));

  /* Undo brings the document back, bytes and all. */
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_count_proving (fixture, id), ==, 2);
  SPIN_UNTIL (has_tooltip (page, "2 documents"));
  g_assert_true (has_tooltip (page, "2 documents"));
  assert_intact (fixture);

  /* Redo takes it again. */
  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_count_proving (fixture, id), ==, 1);
  assert_intact (fixture);
}

/* A folder or an empty file among good ones: refused with its name, and
 * nothing of that pick is added (all or nothing); Cancel writes nothing. */
static void
test_bad_files_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) good = fixture_file (fixture, "statement.pdf", "%PDF-1.4 statement", -1);
  g_autoptr(GFile) empty = fixture_file (fixture, "blank-scan.jpg", "", 0);
  g_autofree char *folder_path = g_build_filename (files_dir, "Scans", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  GFile *with_folder[] = { good, folder };
  GFile *with_empty[] = { good, empty };
  RecCaseSession *session;
  GtkWindow *dialog;
  RecEvidenceGroup *group;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session,
                                                 last_payment (fixture)));
  gtk_window_present (dialog);
  group = evidence_of (dialog);

  add_files (group, with_folder, G_N_ELEMENTS (with_folder));
  g_assert_nonnull (_rec_evidence_group_get_error (group));
  g_assert_nonnull (strstr (_rec_evidence_group_get_error (group), "Scans"));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 0);

  add_files (group, with_empty, G_N_ELEMENTS (with_empty));
  g_assert_nonnull (strstr (_rec_evidence_group_get_error (group), "blank-scan.jpg"));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 0);
  g_assert_false (rec_evidence_group_has_changes (group));

  /* A good pick clears the error; Cancel (no field changed, but a
   * document added: it asks) then Discard writes nothing. */
  add_files (group, &good, 1);
  g_assert_null (_rec_evidence_group_get_error (group));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  spin ();
  g_assert_nonnull (_rec_dialog_get_discard_prompt (dialog));
  gtk_window_destroy (dialog);
  g_clear_object (&dialog);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_attachments (session)), ==, 0);
}

/* A new payment with a document: attached once the payment has its id, and
 * one change: one undo takes both away. */
static void
test_new_payment_with_document (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) photo = fixture_file (fixture, "money-order.png", "\x89PNG\r\n\x1a\n order", 14);
  RecCaseSession *session;
  GtkWindow *dialog;
  RecEvidenceGroup *group;
  RecEntity *added;
  guint n_payments;
  gint64 id;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  n_payments = g_list_model_get_n_items (rec_case_session_get_payments (session));
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, NULL));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  _rec_dialog_set_field (dialog, "amount", "215.00");
  g_assert_true (_rec_dialog_can_save (dialog));
  /* Save waits while the file is read. */
  rec_evidence_group_add_files (group, &photo, 1);
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_false (_rec_dialog_save (dialog));
  SPIN_UNTIL (!rec_evidence_group_is_busy (group));
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);

  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==,
                    n_payments + 1);
  added = rec_case_session_get_last_record (session);
  g_assert_nonnull (added);
  g_assert_true (REC_IS_PAYMENT (added));
  id = added->id;
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (file_count_proving (fixture, id), ==, 1);
  assert_intact (fixture);

  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==,
                    n_payments);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 0);
  g_assert_false (rec_case_session_can_undo (session));
  assert_intact (fixture);

  /* Redo: the payment and its document again. */
  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  added = rec_case_session_get_last_record (session);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 1);
  g_assert_cmpuint (file_count_proving (fixture, added->id), ==, 1);
  assert_intact (fixture);
}

/* Open writes a private copy: mode 0600 in a folder only we can read, the
 * same bytes (SHA-256) as the document; the folder goes with the window. */
static void
test_open_private_copy (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char bytes[] = "\xff\xd8\xff\xe0 photo of check 1044";
  g_autoptr(GFile) check = fixture_file (fixture, "check-1044.jpg", bytes, sizeof bytes - 1);
  RecCaseSession *session;
  GtkWindow *dialog;
  RecEvidenceGroup *group;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;
  char expected[65], got[65];
  struct stat info;
  gsize length;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session,
                                                 last_payment (fixture)));
  gtk_window_present (dialog);
  add_files (evidence_of (dialog), &check, 1);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);

  /* Open from a dialog on the stored document (its bytes from the file). */
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session,
                                                 last_payment (fixture)));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  copy = _rec_evidence_group_write_copy (group, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (g_str_has_suffix (copy, "/check-1044.jpg"));
  g_assert_cmpint (g_stat (copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (copy, &contents, &length, &error));
  rec_sha256_hex ((const guint8 *) bytes, sizeof bytes - 1, expected);
  rec_sha256_hex ((const guint8 *) contents, length, got);
  g_assert_cmpstr (got, ==, expected);
  folder = g_path_get_dirname (copy);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0077, ==, 0);

  /* The copies go when the window goes (the dialog closing is not enough:
   * the application may still be reading). */
  gtk_window_destroy (dialog);
  g_clear_object (&dialog);
  spin ();
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  spin ();
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* The Communications log shows the paperclip too, and every record dialog
 * has the group (Case Details for the case's own documents). */
static void
test_log_and_dialogs (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) shot = fixture_file (fixture, "text-thread.png", "\x89PNG\r\n\x1a\n thread", 15);
  RecCaseSession *session;
  GtkWidget *page;
  g_autoptr(RecCommunication) communication = NULL;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  page = show_page (fixture, "communications");
  communication = g_list_model_get_item (rec_case_session_get_communications (session), 0);
  dialog = g_object_ref (rec_communication_dialog_new (GTK_WINDOW (fixture->window), session,
                                                       communication));
  gtk_window_present (dialog);
  add_files (evidence_of (dialog), &shot, 1);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  SPIN_UNTIL (has_tooltip (page, "1 document"));
  g_assert_true (has_tooltip (page, "1 document"));

  /* Detached through the session (as the Evidence page would), the row
   * follows. */
  one = rec_case_session_dup_attachments_for (session, REC_ENTITY (communication));
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_true (rec_case_session_detach (session, g_ptr_array_index (one, 0),
                                          REC_ENTITY (communication), &error));
  g_assert_no_error (error);
  SPIN_UNTIL (!has_tooltip (page, "1 document"));
  g_assert_false (has_tooltip (page, "1 document"));
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 0);
  assert_intact (fixture);
}

/* How many documents of the file belong to the case itself. */
static guint
file_count_case_level (Fixture *fixture)
{
  g_autoptr(GPtrArray) documents = documents_in_file (fixture);
  guint count = 0;

  for (guint i = 0; i < documents->len; i++)
    count += rec_attachment_is_case_level (g_ptr_array_index (documents, i));
  return count;
}

/* Case Details keeps the case's own documents (the order, a letter from the
 * agency): added with the details, removed, and undo brings it back. */
static void
test_case_documents (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) order = fixture_file (fixture, "support-order.pdf", "%PDF-1.4 order", -1);
  RecCaseSession *session;
  GtkWindow *dialog;
  RecEvidenceGroup *group;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  dialog = g_object_ref (rec_case_details_dialog_new (GTK_WINDOW (fixture->window), session));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 0);
  add_files (group, &order, 1);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  g_assert_cmpuint (file_count_case_level (fixture), ==, 1);
  g_assert_cmpuint (rec_case_session_count_attachments (session, NULL), ==, 1);
  assert_intact (fixture);

  dialog = g_object_ref (rec_case_details_dialog_new (GTK_WINDOW (fixture->window), session));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  g_assert_cmpstr (_rec_evidence_group_get_name (group, 0), ==, "support-order.pdf");
  rec_evidence_group_remove (group, 0);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 0);

  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_count_case_level (fixture), ==, 1);
  assert_intact (fixture);
}

/* A document of the case with no link at all (as an import or `recourse
 * attach` without --to writes it). */
static void
add_unlinked_document (RecCaseData *case_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 agency letter", 22);
  RecAttachment *letter = rec_attachment_new_from_bytes ("agency-letter.pdf", bytes, &error);

  g_assert_no_error (error);
  g_ptr_array_add (case_data->attachments, letter);
}

/* Removing such a document in Case Details removes it; undo brings it back. */
static void
test_unlinked_case_document (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RecCaseSession *session;
  GtkWindow *dialog;
  RecEvidenceGroup *group;

  fixture_open (fixture, FALSE, add_unlinked_document);
  session = fixture_session (fixture);
  g_assert_cmpuint (file_count_case_level (fixture), ==, 1);
  dialog = g_object_ref (rec_case_details_dialog_new (GTK_WINDOW (fixture->window), session));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 1);
  rec_evidence_group_remove (group, 0);
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  g_assert_cmpuint (n_documents_in_file (fixture), ==, 0);
  assert_intact (fixture);

  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_count_case_level (fixture), ==, 1);
  assert_intact (fixture);
}

/* The dialog's drop target (files dropped anywhere on it). */
static GtkDropTarget *
drop_target_of (GtkWindow *dialog)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Two files dropped on the payment dialog join its documents, as from the
 * file chooser. */
static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) scan = fixture_file (fixture, "bank-statement.pdf", "%PDF-1.4 bank", -1);
  g_autoptr(GFile) shot = fixture_file (fixture, "venmo.png", "\x89PNG\r\n\x1a\n venmo", 14);
  GFile *files[] = { scan, shot };
  GdkFileList *list = gdk_file_list_new_from_array (files, G_N_ELEMENTS (files));
  GValue value = G_VALUE_INIT;
  RecCaseSession *session;
  GtkWindow *dialog;
  GtkDropTarget *target;
  RecEvidenceGroup *group;
  gboolean handled = FALSE;
  RecPayment *payment;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  payment = last_payment (fixture);
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, payment));
  gtk_window_present (dialog);
  group = evidence_of (dialog);
  target = drop_target_of (dialog);
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (target, NULL)[0]));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  SPIN_UNTIL (!rec_evidence_group_is_busy (group));
  g_assert_cmpuint (_rec_evidence_group_get_n_rows (group), ==, 2);
  g_assert_cmpstr (_rec_evidence_group_get_name (group, 1), ==, "venmo.png");
  g_assert_true (_rec_dialog_save (dialog));
  g_clear_object (&dialog);
  g_assert_cmpuint (file_count_proving (fixture, payment->entity.id), ==, 2);
}

/* A case that cannot be written takes no documents: a drop is refused and
 * the group has nothing to save (its Add Files… is insensitive). */
static void
test_read_only_refuses (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) scan = fixture_file (fixture, "receipt.pdf", "%PDF-1.4 receipt", -1);
  GdkFileList *list = gdk_file_list_new_from_array (&scan, 1);
  GValue value = G_VALUE_INIT;
  RecCaseSession *session;
  GtkWindow *dialog;
  gboolean handled = TRUE;

  fixture_open (fixture, FALSE, NULL);
  session = fixture_session (fixture);
  _rec_case_session_set_read_only (session, TRUE);
  dialog = g_object_ref (rec_payment_dialog_new (GTK_WINDOW (fixture->window), session,
                                                 last_payment (fixture)));
  gtk_window_present (dialog);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (drop_target_of (dialog), "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_false (handled);
  spin ();
  g_assert_false (rec_evidence_group_is_busy (evidence_of (dialog)));
  g_assert_false (rec_evidence_group_has_changes (evidence_of (dialog)));
  gtk_window_destroy (dialog);
  g_clear_object (&dialog);
}

int
main (int   argc,
      char *argv[])
{
  static const PageTest tests[] = {
    { "/ui/evidence/attach-detach-undo", test_attach_detach_undo },
    { "/ui/evidence/bad-files-refused", test_bad_files_refused },
    { "/ui/evidence/new-payment-with-document", test_new_payment_with_document },
    { "/ui/evidence/open-private-copy", test_open_private_copy },
    { "/ui/evidence/log-and-dialogs", test_log_and_dialogs },
    { "/ui/evidence/case-documents", test_case_documents },
    { "/ui/evidence/unlinked-case-document", test_unlinked_case_document },
    { "/ui/evidence/drop-files", test_drop_files },
    { "/ui/evidence/read-only-refuses", test_read_only_refuses },
  };

  int status = run_page_tests (&argc, &argv, "/ui/evidence/no-display", tests,
                               G_N_ELEMENTS (tests));

  if (files_dir != NULL)
    remove_files_dir ();
  return status;
}

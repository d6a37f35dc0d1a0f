/* test-ui-session-documents.c — a record's documents through the window's
 * session: deleting the record takes its links (and a document only it
 * proved), undo brings both back, redo takes them again; the history stays
 * intact throughout (spec/evidence.md §1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-attachment.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-store.h"

#include <glib/gstdio.h>

/* The documents of the file, read by a connection of its own. */
static GPtrArray *
documents_in_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
  g_autoptr(RecCaseData) data = NULL;

  g_assert_no_error (error);
  data = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  return g_ptr_array_ref (data->attachments);
}

static void
assert_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  RecStoreVerifyResult result = { 0 };

  g_assert_true (rec_store_verify_file_result (path, report, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.problems, ==, 0);
}

static void
test_delete_undo_redo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("recourse-session-docs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "case.recourse", NULL);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) after_redo = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\xff\xe0 check 1043", 15);
  GListModel *payments;
  RecPayment *payment;
  RecAttachment *attachment;
  RecAttachment *back;
  GDate today;
  guint n_payments;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);

  /* A photo of a check proves the first payment. */
  {
    g_autoptr(RecStore) store = rec_store_open (path, FALSE, &error);
    g_autoptr(RecCaseData) data = NULL;
    g_autoptr(RecAttachment) photo = NULL;

    g_assert_no_error (error);
    data = rec_store_load_case (store, &error);
    g_assert_no_error (error);
    photo = rec_attachment_new_from_bytes ("check-1043.jpg", bytes, &error);
    g_assert_no_error (error);
    rec_attachment_add_link (photo, g_ptr_array_index (data->payments, 0));
    g_assert_true (rec_store_add_attachment (store, photo, &error));
    g_assert_no_error (error);
  }

  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);
  payments = rec_case_session_get_payments (session);
  n_payments = g_list_model_get_n_items (payments);
  payment = g_list_model_get_item (payments, 0);
  g_assert_cmpuint (rec_case_session_get_data (session)->attachments->len, ==, 1);

  g_assert_true (rec_case_session_delete (session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  g_object_unref (payment);
  after_delete = documents_in_file (path);
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_cmpuint (rec_case_session_get_data (session)->attachments->len, ==, 0);
  assert_intact (path);

  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_payments);
  after_undo = documents_in_file (path);
  g_assert_cmpuint (after_undo->len, ==, 1);
  attachment = g_ptr_array_index (after_undo, 0);
  g_assert_cmpstr (attachment->name, ==, "check-1043.jpg");
  g_assert_cmpuint (attachment->links->len, ==, 1);
  payment = g_list_model_get_item (payments, 0);
  g_assert_cmpint (REC_ENTITY (g_ptr_array_index (attachment->links, 0))->id, ==, payment->entity.id);
  g_object_unref (payment);
  /* The session's own copy follows the file. */
  g_assert_cmpuint (rec_case_session_get_data (session)->attachments->len, ==, 1);
  back = g_ptr_array_index (rec_case_session_get_data (session)->attachments, 0);
  g_assert_cmpstr (back->sha256, ==, attachment->sha256);
  assert_intact (path);

  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  after_redo = documents_in_file (path);
  g_assert_cmpuint (after_redo->len, ==, 0);
  assert_intact (path);

  g_clear_object (&session);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/session/documents/delete-undo-redo", test_delete_undo_redo);

  return g_test_run ();
}

/* test-attachments.c — the documents of a case file: stored once, linked, read back, removed
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-attachment.h"
#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-store.h"
#include "rec-store-attachments-private.h"
#include "rec-store-private.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

typedef struct
{
  char     *dir;
  char     *path;
  RecStore *store;
  RecCaseData *c;        /* the file's case, loaded after each write */
} Fixture;

static void
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->c, rec_case_data_free);
  f->c = rec_store_load_case (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_load_attachments (f->store, f->c, &error));
  g_assert_no_error (error);
}

/* A case with three payments. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RecCaseData) c = rec_case_data_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "case.recourse", NULL);
  rec_set_str (&c->info->title, "Trần v. Nguyễn");
  rec_set_str (&c->info->jurisdiction, "us-ca");
  for (guint i = 0; i < 3; i++)
    {
      RecPayment *payment = rec_payment_new ();

      g_date_set_dmy (&payment->date, 3, i + 1, 2026);
      payment->amount_cents = 125000 + i;
      g_ptr_array_add (c->payments, payment);
    }
  g_assert_true (rec_store_write_case (f->path, c, FALSE, &error));
  g_assert_no_error (error);
  f->store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  reload (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->c, rec_case_data_free);
  g_clear_object (&f->store);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RecAttachment *
attachment_of (const char *name,
               const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes (name, bytes, &error);

  g_assert_no_error (error);
  return attachment;
}

static RecEntity *
payment (Fixture *f,
         guint    i)
{
  return REC_ENTITY (f->c->payments->pdata[i]);
}

static void
assert_intact (const char *path)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = rec_store_verify_file (path, report, NULL, &error);

  g_assert_cmpstr (report->str, ==, "");
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
sql_int (const char *path,
         const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The same bytes added twice (under another name, for another record) are
 * stored once; the second add only adds its link. */
static void
test_content_addressed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RecAttachment) first = attachment_of ("check-1043.jpg", "the check");
  g_autoptr(RecAttachment) again = attachment_of ("copy.jpg", "the check");
  g_autoptr(GError) error = NULL;
  RecAttachment *stored;

  rec_attachment_add_link (first, payment (f, 0));
  g_assert_true (rec_store_add_attachment (f->store, first, &error));
  g_assert_no_error (error);
  rec_attachment_add_link (again, payment (f, 2));
  g_assert_true (rec_store_add_attachment (f->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->entity.id, ==, first->entity.id);
  /* Added a third time with a link it has: no change. */
  g_assert_true (rec_store_add_attachment (f->store, again, &error));

  reload (f);
  g_assert_cmpuint (f->c->attachments->len, ==, 1);
  stored = f->c->attachments->pdata[0];
  g_assert_cmpstr (stored->name, ==, "check-1043.jpg");
  g_assert_null (stored->data);
  g_assert_cmpint (stored->size, ==, 9);
  g_assert_cmpstr (stored->sha256, ==, first->sha256);
  g_assert_cmpuint (stored->links->len, ==, 2);
  g_assert_true (rec_attachment_proves (stored, payment (f, 0)));
  g_assert_true (rec_attachment_proves (stored, payment (f, 2)));
  g_assert_false (rec_attachment_proves (stored, payment (f, 1)));
  g_assert_false (rec_attachment_is_case_level (stored));
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 1);
  /* One add for the attachment, one per link. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE entity = 'attachments'"),
                   ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE entity = 'links'"), ==, 2);

  /* The same bytes for the case: it proves the case too. */
  g_clear_object (&again);
  again = attachment_of ("c.jpg", "the check");
  g_assert_true (rec_store_add_attachment (f->store, again, &error));
  reload (f);
  g_assert_true (rec_attachment_is_case_level (f->c->attachments->pdata[0]));
  assert_intact (f->path);
}

/* The bytes come back as they went in, and bytes changed in the file are
 * refused. */
static void
test_read_data (Fixture       *f,
                gconstpointer  data)
{
  static const guint8 bytes[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 0xff };
  g_autoptr(GBytes) in = g_bytes_new_static (bytes, sizeof bytes);
  g_autoptr(RecAttachment) attachment = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  char sha256[65];
  sqlite3 *db = NULL;

  attachment = rec_attachment_new_from_bytes ("ảnh.jpg", in, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_add_attachment (f->store, attachment, &error));
  g_assert_no_error (error);

  out = rec_store_read_attachment_data (f->store, attachment->entity.id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), bytes, sizeof bytes);
  rec_sha256_hex (g_bytes_get_data (out, NULL), g_bytes_get_size (out), sha256);
  g_assert_cmpstr (sha256, ==, attachment->sha256);
  g_clear_pointer (&out, g_bytes_unref);

  g_assert_null (rec_store_read_attachment_data (f->store, attachment->entity.id + 1, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE attachments SET data = CAST ('abcdefghijkl' AS BLOB)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  out = rec_store_read_attachment_data (f->store, attachment->entity.id, &error);
  g_assert_null (out);
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "“ảnh.jpg” does not match its SHA-256: its bytes were changed outside Recourse");
}

/* Several files are added all or none: a link to a record the file does not
 * hold refuses them all. */
static void
test_all_or_none (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecPayment) stray = rec_payment_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (attachments, attachment_of ("a.txt", "a"));
  g_ptr_array_add (attachments, attachment_of ("b.txt", "b"));
  stray->entity.id = 99;
  rec_attachment_add_link (attachments->pdata[1], REC_ENTITY (stray));

  g_assert_false (rec_store_add_attachments (f->store, attachments, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "payments record 99 is not in the case");
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE entity IN"
                                     " ('attachments', 'links')"), ==, 0);
  assert_intact (f->path);
}

/* Link and unlink; an attachment left with no link goes. */
static void
test_link_unlink (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RecAttachment) attachment = attachment_of ("statement.pdf", "%PDF-1.4 statement");
  g_autoptr(GError) error = NULL;
  gint64 id;

  rec_attachment_add_link (attachment, payment (f, 1));
  g_assert_true (rec_store_add_attachment (f->store, attachment, &error));
  g_assert_no_error (error);
  id = attachment->entity.id;
  g_assert_true (rec_store_link_attachment (f->store, id, payment (f, 2), &error));
  g_assert_true (rec_store_link_attachment (f->store, id, payment (f, 2), &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_cmpuint (REC_ATTACHMENT (f->c->attachments->pdata[0])->links->len, ==, 2);

  g_assert_true (rec_store_unlink_attachment (f->store, id, payment (f, 1), &error));
  g_assert_no_error (error);
  g_assert_false (rec_store_unlink_attachment (f->store, id, payment (f, 1), &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  reload (f);
  g_assert_cmpuint (f->c->attachments->len, ==, 1);
  g_assert_true (rec_store_unlink_attachment (f->store, id, payment (f, 2), &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_cmpuint (f->c->attachments->len, ==, 0);
  assert_intact (f->path);
}

/* What rec_store_delete is to call when a record goes (inside its
 * transaction): here on the file's own connection after the delete. */
static void
record_removed (Fixture    *f,
                const char *entity,
                gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = rec_timestamp_now_utc ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_rec_store_attachments_record_removed (db, entity, id, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Also finalizes the statements the store's functions cached on it. */
  g_assert_cmpint (_rec_store_close (db), ==, SQLITE_OK);
}

/* A payment deleted: its only document goes with its link; a document that
 * also proves another payment stays, with that link; a case-level one
 * stays. The history stays whole. */
static void
test_record_removed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RecAttachment) only = attachment_of ("only.txt", "only this payment");
  g_autoptr(RecAttachment) shared = attachment_of ("shared.txt", "two payments");
  g_autoptr(RecAttachment) with_case = attachment_of ("order.txt", "the order");
  g_autoptr(RecAttachment) none = attachment_of ("note.txt", "the case's");
  g_autoptr(GError) error = NULL;
  RecAttachment *left;
  gint64 id = payment (f, 0)->id;

  rec_attachment_add_link (only, payment (f, 0));
  rec_attachment_add_link (shared, payment (f, 0));
  rec_attachment_add_link (shared, payment (f, 1));
  rec_attachment_add_link (with_case, payment (f, 0));
  rec_attachment_add_link (with_case, NULL);
  g_assert_true (rec_store_add_attachment (f->store, only, &error));
  g_assert_true (rec_store_add_attachment (f->store, shared, &error));
  g_assert_true (rec_store_add_attachment (f->store, with_case, &error));
  g_assert_true (rec_store_add_attachment (f->store, none, &error));
  g_assert_no_error (error);

  g_assert_true (rec_store_delete (f->store, payment (f, 0), &error));
  g_assert_no_error (error);
  record_removed (f, "payments", id);

  reload (f);
  g_assert_cmpuint (f->c->attachments->len, ==, 3);
  left = f->c->attachments->pdata[0];
  g_assert_cmpstr (left->name, ==, "shared.txt");
  g_assert_cmpuint (left->links->len, ==, 1);
  g_assert_true (rec_attachment_proves (left, payment (f, 0)));   /* the old payments[1] */
  left = f->c->attachments->pdata[1];
  g_assert_cmpstr (left->name, ==, "order.txt");
  g_assert_true (rec_attachment_is_case_level (left));
  g_assert_cmpuint (left->links->len, ==, 1);
  g_assert_cmpstr (REC_ATTACHMENT (f->c->attachments->pdata[2])->name, ==, "note.txt");
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachment_links WHERE entity ="
                                     " 'payments' AND record_id = 1"), ==, 0);
  assert_intact (f->path);
}

/* Undo of a delete: what proved the record, kept before the delete, comes
 * back with the record (the removed document stored again, the shared one
 * linked again). */
static void
test_undo_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RecAttachment) only = attachment_of ("only.txt", "only this payment");
  g_autoptr(RecAttachment) shared = attachment_of ("shared.txt", "two payments");
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(RecEntity) restored = NULL;
  g_autoptr(GError) error = NULL;
  RecAttachment *back;
  gint64 id = payment (f, 0)->id;

  rec_attachment_add_link (only, payment (f, 0));
  rec_attachment_add_link (shared, payment (f, 0));
  rec_attachment_add_link (shared, payment (f, 1));
  g_assert_true (rec_store_add_attachment (f->store, only, &error));
  g_assert_true (rec_store_add_attachment (f->store, shared, &error));
  g_assert_no_error (error);

  kept = rec_store_dup_attachments_proving (f->store, payment (f, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_nonnull (REC_ATTACHMENT (kept->pdata[0])->data);
  restored = rec_entity_copy (payment (f, 0));
  g_assert_true (rec_store_delete (f->store, payment (f, 0), &error));
  record_removed (f, "payments", id);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 1);

  g_assert_true (rec_store_add (f->store, restored, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < kept->len; i++)
    {
      RecAttachment *attachment = kept->pdata[i];

      g_ptr_array_set_size (attachment->links, 0);
      rec_attachment_add_link (attachment, restored);
    }
  g_assert_true (rec_store_add_attachments (f->store, kept, &error));
  g_assert_no_error (error);

  reload (f);
  g_assert_cmpuint (f->c->attachments->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      back = f->c->attachments->pdata[i];
      g_assert_true (rec_attachment_proves (back, payment (f, 0)));
      g_assert_cmpint (payment (f, 0)->id, ==, restored->id);
    }
  g_assert_true (rec_attachment_proves (f->c->attachments->pdata[0], payment (f, 1)));
  assert_intact (f->path);
}

/* The case as write_case holds it (attachments with their bytes, linked to
 * records by position) goes into the file and comes back, exported to the
 * same JSON. */
static void
test_write_and_load (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RecCaseData) c = rec_case_data_copy (f->c);
  g_autoptr(RecAttachment) one = attachment_of ("Biên lai.txt", "receipt");
  g_autoptr(RecAttachment) two = attachment_of ("case.txt", "case");
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *now = rec_timestamp_now_utc ();
  sqlite3 *db = NULL;

  rec_attachment_add_link (one, c->payments->pdata[2]);
  rec_attachment_add_link (one, c->payments->pdata[0]);
  g_ptr_array_add (c->attachments, g_object_ref (one));
  g_ptr_array_add (c->attachments, g_object_ref (two));
  want = rec_case_json_export (c, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_rec_store_write_attachments (db, c, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Also finalizes the statements the store's functions cached on it. */
  g_assert_cmpint (_rec_store_close (db), ==, SQLITE_OK);

  reload (f);
  g_assert_true (rec_store_load_attachment_data (f->store, f->c, &error));
  g_assert_no_error (error);
  got = rec_case_json_export (f->c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/attachments/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("content-addressed", test_content_addressed);
  ADD ("read-data", test_read_data);
  ADD ("all-or-none", test_all_or_none);
  ADD ("link-unlink", test_link_unlink);
  ADD ("record-removed", test_record_removed);
  ADD ("undo-delete", test_undo_delete);
  ADD ("write-and-load", test_write_and_load);
#undef ADD

  return g_test_run ();
}

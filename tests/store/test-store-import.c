/* test-store-import.c — rec_store_import: one transaction per run, the
 * `import` entries, the source kept as a document of its records
 * (spec/import.md §1, spec/evidence.md §1–2)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-store.h"

#include "rec-attachment.h"
#include "rec-date.h"
#include "store-fixture.h"

#include <string.h>

static void
create_case (Fixture *f)
{
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rec_set_str (&info->title, "Import test");
  store = rec_store_create (f->path, info, FALSE, &error);
  g_assert_no_error (error);
}

static RecStore *
open_case (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RecStore *store = rec_store_open (f->path, FALSE, &error);

  g_assert_no_error (error);
  return store;
}

static RecEntity *
payment_new (const char *date,
             RecCents    cents)
{
  RecPayment *payment = rec_payment_new ();

  g_assert_true (rec_date_parse (date, &payment->date, NULL));
  payment->amount_cents = cents;
  payment->method = REC_PAYMENT_METHOD_BANK_TRANSFER;
  return REC_ENTITY (payment);
}

static RecEntity *
message_new (const char *at,
             const char *text)
{
  RecCommunication *message = rec_communication_new ();

  rec_set_str (&message->at, at);
  g_assert_true (rec_timestamp_parse (at, &message->at_unix, NULL));
  message->channel = REC_CHANNEL_TEXT;
  message->direction = REC_DIRECTION_RECEIVED;
  rec_set_str (&message->with, "John");
  rec_set_str (&message->summary, text);
  return REC_ENTITY (message);
}

static RecAttachment *
document_new (const char *name,
              const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes (name, bytes, &error);

  g_assert_no_error (error);
  return attachment;
}

/* A source of `records` (owned by the caller's array), kept as `attachment`. */
static RecStoreImportSource
source_of (const char    *name,
           const char    *format,
           RecAttachment *attachment,
           const char    *sha256,
           GPtrArray     *records)
{
  RecStoreImportSource source = { name, sha256, format, attachment, records, NULL };

  return source;
}

static void
assert_intact (const char *path)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RecStoreVerifyResult result;
  gboolean ok = rec_store_verify_file_result (path, report, &result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_assert_true (ok);
}

static void
media_unref (gpointer media)
{
  if (media != NULL)
    g_ptr_array_unref (media);
}

static void
count_changed (RecStore *store,
               guint    *count)
{
  (*count)++;
}

/* Three payments from one statement: the import entry first, with the
 * statement's SHA-256, its name and format; an `add` per payment; the
 * statement one document linked to all three. */
static void
test_import_payments (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecAttachment) statement = document_new ("statement.csv", "Date,Amount\n");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  RecStoreImportSource source;
  guint changed = 0;
  gint64 entries_before;
  RecHistoryEntry *entry;

  create_case (f);
  store = open_case (f);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);
  entries_before = sql_int (f->path, "SELECT count(*) FROM journal");
  g_ptr_array_add (records, payment_new ("2025-01-03", 45000));
  g_ptr_array_add (records, payment_new ("2025-01-17", 45000));
  g_ptr_array_add (records, payment_new ("2025-01-31", 12550));
  source = source_of ("statement.csv", "csv", statement, statement->sha256, records);

  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* The caller's objects take what was written. */
  for (guint i = 0; i < records->len; i++)
    {
      RecEntity *record = g_ptr_array_index (records, i);

      g_assert_cmpint (record->id, >, 0);
      g_assert_cmpint (record->position, ==, i + 1);
      g_assert_nonnull (record->created_at);
    }
  g_assert_cmpint (statement->entity.id, >, 0);
  g_assert_cmpuint (statement->links->len, ==, 3);
  g_assert_true (rec_attachment_proves (statement, g_ptr_array_index (records, 2)));

  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM payments"), ==, 3);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachment_links"
                                     " WHERE entity = 'payments'"), ==, 3);

  /* import, 3 payments, the document, its 3 links. */
  history = rec_store_load_history (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (history->len, ==, entries_before + 1 + 3 + 1 + 3);
  entry = g_ptr_array_index (history, entries_before);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpstr (entry->entity, ==, "case");
  g_assert_cmpint (entry->record, ==, 0);
  want = g_strdup_printf ("{\"source_sha256\":\"%s\",\"name\":\"statement.csv\","
                          "\"format\":\"csv\"}", statement->sha256);
  g_assert_cmpstr (entry->data, ==, want);
  entry = g_ptr_array_index (history, entries_before + 1);
  g_assert_cmpstr (entry->action, ==, "add");
  g_assert_cmpstr (entry->entity, ==, "payments");

  g_clear_object (&store);
  assert_intact (f->path);
}

/* A row the file refuses (a payment of no amount) in the second source:
 * nothing of either source is written, the caller's objects are as they
 * were, no "changed". */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecAttachment) first = document_new ("jan.csv", "jan\n");
  g_autoptr(RecAttachment) second = document_new ("feb.csv", "feb\n");
  g_autoptr(GError) error = NULL;
  RecStoreImportSource sources[2];
  guint changed = 0;
  int journal_before, attachments_before;

  create_case (f);
  store = open_case (f);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);
  journal_before = sql_int (f->path, "SELECT count(*) FROM journal");
  attachments_before = sql_int (f->path, "SELECT count(*) FROM attachments");
  g_ptr_array_add (good, payment_new ("2025-01-03", 45000));
  g_ptr_array_add (bad, payment_new ("2025-02-03", 45000));
  g_ptr_array_add (bad, payment_new ("2025-02-17", 0));
  sources[0] = source_of ("jan.csv", "csv", first, first->sha256, good);
  sources[1] = source_of ("feb.csv", "csv", second, second->sha256, bad);

  g_assert_false (rec_store_import (store, sources, 2, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal"), ==, journal_before);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, attachments_before);
  g_assert_cmpint (REC_ENTITY (g_ptr_array_index (good, 0))->id, ==, 0);
  g_assert_cmpint (REC_ENTITY (g_ptr_array_index (bad, 0))->id, ==, 0);
  g_assert_null (REC_ENTITY (g_ptr_array_index (good, 0))->created_at);
  g_assert_cmpint (first->entity.id, ==, 0);
  g_assert_cmpuint (first->links->len, ==, 0);

  /* The store is usable after the rollback, and the file intact. */
  g_clear_error (&error);
  g_assert_true (rec_store_import (store, sources, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM payments"), ==, 1);
  g_clear_object (&store);
  assert_intact (f->path);
}

/* Messages with their own media; an archive over the attachment limit (no
 * attachment given): only its entry names it. */
static void
test_media_and_large_source (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (media_unref);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RecAttachment *image;
  RecStoreImportSource source;
  const char sha[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  g_autofree char *query = NULL;

  create_case (f);
  store = open_case (f);
  g_ptr_array_add (records, message_new ("2025-01-03T18:30:00-08:00", "Check is in the mail"));
  g_ptr_array_add (records, message_new ("2025-01-04T09:00:00-08:00", "Photo of the check"));
  g_ptr_array_add (images, document_new ("IMG_0001.txt", "pretend image"));
  g_ptr_array_add (media, NULL);
  g_ptr_array_add (media, g_ptr_array_ref (images));
  source = source_of ("sms-backup.xml", "sms", NULL, sha, records);
  source.media = media;

  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_no_error (error);
  image = g_ptr_array_index (images, 0);
  g_assert_cmpint (image->entity.id, >, 0);
  g_assert_true (rec_attachment_proves (image, g_ptr_array_index (records, 1)));
  g_assert_false (rec_attachment_proves (image, g_ptr_array_index (records, 0)));
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM communications"), ==, 2);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 1);
  query = g_strdup_printf ("SELECT count(*) FROM attachment_links WHERE entity = 'communications'"
                           " AND record_id = %lld",
                           (long long) REC_ENTITY (g_ptr_array_index (records, 1))->id);
  g_assert_cmpint (sql_int (f->path, query), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE action = 'import' AND"
                                     " data = '{\"source_sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"name\":\"sms-backup.xml\","
                                     "\"format\":\"sms\"}'"), ==, 1);
  g_clear_object (&store);
  assert_intact (f->path);
}

/* A statement with nothing new: the file is not touched at all. The same
 * statement with new rows later: stored once, linked to the new rows too. */
static void
test_nothing_new_and_same_bytes (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecAttachment) statement = document_new ("statement.csv", "Date,Amount\n");
  g_autoptr(RecAttachment) again = document_new ("statement.csv", "Date,Amount\n");
  g_autoptr(GError) error = NULL;
  RecStoreImportSource source;
  guint changed = 0;
  int journal_before;

  create_case (f);
  store = open_case (f);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);
  journal_before = sql_int (f->path, "SELECT count(*) FROM journal");
  source = source_of ("statement.csv", "csv", statement, statement->sha256, none);
  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_true (rec_store_import (store, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal"), ==, journal_before);

  g_ptr_array_add (one, payment_new ("2025-01-03", 45000));
  source = source_of ("statement.csv", "csv", statement, statement->sha256, one);
  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_ptr_array_add (two, payment_new ("2025-01-17", 45000));
  source = source_of ("statement.csv", "csv", again, again->sha256, two);
  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (again->entity.id, ==, statement->entity.id);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachment_links"), ==, 2);
  g_clear_object (&store);
  assert_intact (f->path);
}

/* The undo of an import: its records deleted in one transaction, the
 * statement (proving only them) with them; a record the file does not hold
 * fails the whole delete. */
static void
test_delete_records (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) with_missing = g_ptr_array_new ();
  g_autoptr(RecAttachment) statement = document_new ("statement.csv", "Date,Amount\n");
  g_autoptr(RecEntity) missing = payment_new ("2025-03-01", 100);
  g_autoptr(GError) error = NULL;
  RecStoreImportSource source;
  guint changed = 0;

  create_case (f);
  store = open_case (f);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (records, payment_new ("2025-01-03", 1000 + i));
  source = source_of ("statement.csv", "csv", statement, statement->sha256, records);
  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);

  missing->id = 999;
  g_ptr_array_extend (with_missing, records, NULL, NULL);
  g_ptr_array_add (with_missing, missing);
  g_assert_false (rec_store_delete_records (store, with_missing, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM payments"), ==, 3);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (rec_store_delete_records (store, records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM attachments"), ==, 0);
  g_clear_object (&store);
  assert_intact (f->path);
}

/* Read-only: refused, nothing written. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecAttachment) statement = document_new ("statement.csv", "x\n");
  g_autoptr(GError) error = NULL;
  RecStoreImportSource source;

  create_case (f);
  store = rec_store_open (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (one, payment_new ("2025-01-03", 45000));
  source = source_of ("statement.csv", "csv", statement, statement->sha256, one);
  g_assert_false (rec_store_import (store, &source, 1, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED);
  g_assert_cmpint (REC_ENTITY (g_ptr_array_index (one, 0))->id, ==, 0);
}

/* The journal after entry `after`, as "action entity" joined by commas. */
static char *
journal_after (const char *path,
               int         after)
{
  g_autofree char *query =
    g_strdup_printf ("SELECT group_concat (action || ' ' || entity, ',') FROM"
                     " (SELECT action, entity FROM journal WHERE seq > %d ORDER BY seq)", after);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A session's source whose SHA-256 is not known at its first adds (the
 * backup still being hashed): its records are written, their entries held
 * back, and the `import` entry with the SHA-256 comes first all the same —
 * whether the hash comes at a later add or only before the commit; an
 * abort meanwhile leaves the case as it was. */
static void
test_session_hash_later (Fixture       *f,
                         gconstpointer  data)
{
  const char *sha = "5f0e7c0b9b1d2a3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5";
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autofree char *journal = NULL;
  RecStoreImportSession *session;
  RecStoreImportSource source = { NULL };
  RecStoreImportSourceInfo *info;
  int before;

  create_case (f);
  store = open_case (f);
  before = sql_int (f->path, "SELECT max (seq) FROM journal");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *at = g_strdup_printf ("2025-02-0%uT10:00:00Z", i + 1);
      g_autofree char *text = g_strdup_printf ("Message %u", i + 1);

      g_ptr_array_add (records, message_new (at, text));
    }
  g_ptr_array_add (media, document_new ("img1.jpg", "\xff\xd8\xff not really a picture"));

  /* The hash comes at the third add. */
  session = rec_store_import_session_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_import_session_add (session, &source, g_ptr_array_index (records, 0),
                                               media, &error));
  g_assert_no_error (error);
  g_assert_true (rec_store_import_session_add (session, &source, g_ptr_array_index (records, 1),
                                               NULL, &error));
  g_assert_no_error (error);
  source.name = "backup.xml";
  source.format = "sms";
  source.sha256 = sha;
  source.size = 123456789;
  g_assert_true (rec_store_import_session_add (session, &source, g_ptr_array_index (records, 2),
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rec_store_import_session_commit (session, &error));
  g_assert_no_error (error);

  journal = journal_after (f->path, before);
  g_assert_cmpstr (journal, ==, "import case,add communications,add attachments,add links,"
                                "add communications,add communications");
  query = g_strdup_printf ("SELECT json_extract (data, '$.source_sha256') = '%s'"
                           " AND json_extract (data, '$.size') = 123456789"
                           " FROM journal WHERE seq = %d", sha, before + 1);
  g_assert_cmpint (sql_int (f->path, query), ==, 1);
  sources = rec_store_load_import_sources (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  info = g_ptr_array_index (sources, 0);
  g_assert_cmpuint (info->n_records, ==, 3);
  g_assert_cmpstr (info->sha256, ==, sha);
  assert_intact (f->path);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (REC_ENTITY (g_ptr_array_index (records, i))->id, >, 0);

  /* The hash only after the last add: written at the commit. */
  before = sql_int (f->path, "SELECT max (seq) FROM journal");
  {
    RecStoreImportSource late = { NULL };
    g_autoptr(RecEntity) one = message_new ("2025-03-01T10:00:00Z", "Later");
    g_autofree char *second = NULL;

    session = rec_store_import_session_new (store, &error);
    g_assert_true (rec_store_import_session_add (session, &late, one, NULL, &error));
    g_assert_no_error (error);
    late.name = "later.xml";
    late.format = "sms";
    late.sha256 = sha;
    g_assert_true (rec_store_import_session_commit (session, &error));
    g_assert_no_error (error);
    second = journal_after (f->path, before);
    g_assert_cmpstr (second, ==, "import case,add communications");
    assert_intact (f->path);
  }

  /* Aborted while held: nothing written, nothing left holding. */
  before = sql_int (f->path, "SELECT max (seq) FROM journal");
  {
    RecStoreImportSource gone = { NULL };
    g_autoptr(RecEntity) one = message_new ("2025-04-01T10:00:00Z", "Never");

    session = rec_store_import_session_new (store, &error);
    g_assert_true (rec_store_import_session_add (session, &gone, one, NULL, &error));
    g_assert_no_error (error);
    rec_store_import_session_abort (session);
    g_assert_cmpint (sql_int (f->path, "SELECT max (seq) FROM journal"), ==, before);
    g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM communications"), ==, 4);
  }
  /* The next change on the connection goes to the journal at once. */
  {
    g_autoptr(RecEntity) payment = payment_new ("2025-05-01", 100);

    g_assert_true (rec_store_add (store, payment, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sql_int (f->path, "SELECT max (seq) FROM journal"), ==, before + 1);
    assert_intact (f->path);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/import/payments", Fixture, NULL, fixture_set_up, test_import_payments,
              fixture_tear_down);
  g_test_add ("/store/import/all-or-nothing", Fixture, NULL, fixture_set_up, test_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/store/import/media-large-source", Fixture, NULL, fixture_set_up,
              test_media_and_large_source, fixture_tear_down);
  g_test_add ("/store/import/nothing-new-same-bytes", Fixture, NULL, fixture_set_up,
              test_nothing_new_and_same_bytes, fixture_tear_down);
  g_test_add ("/store/import/delete-records", Fixture, NULL, fixture_set_up, test_delete_records,
              fixture_tear_down);
  g_test_add ("/store/import/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/store/import/session-hash-later", Fixture, NULL, fixture_set_up,
              test_session_hash_later, fixture_tear_down);
  return g_test_run ();
}

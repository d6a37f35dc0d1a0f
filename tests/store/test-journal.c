/* test-journal.c — the case history (spec/evidence.md §2–3): hashes, the
 * chain, migration, import, and verify against files altered with SQL
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-attachment.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-store.h"
#include "rec-store-private.h"
#include "store-fixture.h"

#include <string.h>

static char *
sql_text (const char *path,
          const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static RecCaseData *
small_case (void)
{
  RecCaseData *c = rec_case_data_new ();
  RecPayment *payment = rec_payment_new ();
  RecChild *child = rec_child_new ();

  rec_set_str (&c->info->title, "Nguyễn v. Trần");
  rec_set_str (&c->info->jurisdiction, "us-ca");
  rec_set_str (&c->info->obligee.name, "Thảo Nguyễn");
  rec_set_str (&child->name, "Bảo \"Bé\" Trần");
  g_ptr_array_add (c->children, child);
  g_assert_true (rec_date_parse ("2024-03-15", &payment->date, NULL));
  payment->amount_cents = 124500;
  payment->method = REC_PAYMENT_METHOD_CHECK;
  rec_set_str (&payment->reference, "1043");
  g_ptr_array_add (c->payments, payment);
  return c;
}

static void
write_small_case (Fixture *f)
{
  g_autoptr(RecCaseData) c = small_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_store_write_case (f->path, c, FALSE, &error));
  g_assert_no_error (error);
}

/* verify's report of a file; *ok its verdict. */
static char *
verify (const char *path,
        gboolean   *ok,
        gint64     *entries)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RecStoreVerifyResult result;

  *ok = rec_store_verify_file_result (path, report, &result, &error);
  g_assert_true (*ok == (error == NULL));
  g_assert_cmpuint (result.problems, ==, *ok ? 0 : result.problems);
  if (entries != NULL)
    *entries = result.entries;
  return g_string_free (g_steal_pointer (&report), FALSE);
}

static void
assert_intact (const char *path)
{
  gboolean ok = FALSE;
  g_autofree char *report = verify (path, &ok, NULL);

  g_assert_cmpstr (report, ==, "");
  g_assert_true (ok);
}

/* The canonical bytes written out by hand and hashed with GChecksum. */
static char *
hash_by_hand (const char *canonical)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}

static void
test_hash_literal (Fixture       *f,
                   gconstpointer  data)
{
  static const char canonical[] =
    "recourse-journal-1\n"
    "17\n"
    "2026-12-01T09:30:00Z\n"
    "change\n"
    "payments\n"
    "4\n"
    "{\"date\":\"2024-03-15\",\"amount\":\"1254.00\",\"method\":\"check\",\"reference\":\"Thảo\",\"notes\":\"\"}\n"
    "00000000000000000000000000000000000000000000000000000000000000ab";
  static const char removed[] =
    "recourse-journal-1\n2\n2026-12-01T09:30:00Z\nremove\ncharges\n9\nnull\n"
    "0000000000000000000000000000000000000000000000000000000000000000";
  g_autofree char *want = hash_by_hand (canonical);
  g_autofree char *want_removed = hash_by_hand (removed);
  char got[65];

  _rec_store_journal_hash (17, "2026-12-01T09:30:00Z", "change", "payments", 4,
                           "{\"date\":\"2024-03-15\",\"amount\":\"1254.00\",\"method\":\"check\","
                           "\"reference\":\"Thảo\",\"notes\":\"\"}",
                           "00000000000000000000000000000000000000000000000000000000000000ab", got);
  g_assert_cmpstr (got, ==, want);
  _rec_store_journal_hash (2, "2026-12-01T09:30:00Z", "remove", "charges", 9, NULL,
                           _rec_store_journal_zero_hash, got);
  g_assert_cmpstr (got, ==, want_removed);
}

/* Every stored entry's hash is the SHA-256 of its canonical bytes, built here
 * from its columns; the first prev is 64 zeros, every other the hash before. */
static void
assert_chain_by_hand (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strnfill (64, '0');
  gint64 seq = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, at, action, entity, record, data, prev,"
                                           " hash FROM journal ORDER BY seq", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *data = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *canonical =
        g_strdup_printf ("recourse-journal-1\n%lld\n%s\n%s\n%s\n%lld\n%s\n%s",
                         (long long) sqlite3_column_int64 (stmt, 0),
                         sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                         sqlite3_column_text (stmt, 3),
                         (long long) sqlite3_column_int64 (stmt, 4),
                         data != NULL ? data : "null", sqlite3_column_text (stmt, 6));
      g_autofree char *want = hash_by_hand (canonical);

      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, ++seq);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, prev);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 7), ==, want);
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                           (const char *) sqlite3_column_text (stmt, 1), 0, 0));
      g_free (prev);
      prev = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (seq, >, 0);
}

/* A new case: one add for the case and one per record; its data the record
 * exactly as the export writes it, compact, UTF-8 as it is. */
static void
test_write_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *child = NULL;
  g_autofree char *payment = NULL;
  g_autofree char *info = NULL;

  write_small_case (f);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal"), ==, 3);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE action = 'add'"), ==, 3);
  info = sql_text (f->path, "SELECT entity || ' ' || record FROM journal WHERE seq = 1");
  g_assert_cmpstr (info, ==, "case 0");
  child = sql_text (f->path, "SELECT data FROM journal WHERE entity = 'children'");
  g_assert_cmpstr (child, ==, "{\"name\":\"Bảo \\\"Bé\\\" Trần\",\"birth_date\":null}");
  payment = sql_text (f->path, "SELECT data FROM journal WHERE entity = 'payments'");
  g_assert_cmpstr (payment, ==, "{\"date\":\"2024-03-15\",\"amount\":\"1245.00\",\"method\":"
                                "\"check\",\"reference\":\"1043\",\"notes\":\"\"}");
  g_free (info);
  info = sql_text (f->path, "SELECT data FROM journal WHERE seq = 1");
  g_assert_nonnull (strstr (info, "\"obligee\":{\"name\":\"Thảo Nguyễn\""));
  g_assert_null (strstr (info, "\\u"));
  assert_chain_by_hand (f->path);
  assert_intact (f->path);
}

/* add, change, remove through the public API: each one entry, chained. */
static void
test_chain_edits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(RecCaseInfo) info = NULL;
  g_autoptr(RecCaseData) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = FALSE;
  gint64 entries = 0;
  g_autofree char *report = NULL;

  write_small_case (f);
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);

  g_assert_true (rec_date_parse ("2024-04-15", &payment->date, NULL));
  payment->amount_cents = 5000;
  payment->method = REC_PAYMENT_METHOD_CASH;
  g_assert_true (rec_store_add (store, REC_ENTITY (payment), &error));
  payment->amount_cents = 5100;
  g_assert_true (rec_store_update (store, REC_ENTITY (payment), &error));
  g_assert_true (rec_store_delete (store, REC_ENTITY (payment), &error));
  loaded = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  info = rec_case_info_copy (loaded->info);
  rec_set_str (&info->notes, "Tab\there");
  g_assert_true (rec_store_update_case_info (store, info, &error));
  g_assert_no_error (error);

  text = sql_text (f->path, "SELECT group_concat (action || ' ' || entity || ' ' || record, ', ')"
                            " FROM (SELECT * FROM journal WHERE seq > 3 ORDER BY seq)");
  g_assert_cmpstr (text, ==, "add payments 2, change payments 2, remove payments 2, change case 0");
  g_free (text);
  text = sql_text (f->path, "SELECT data FROM journal WHERE seq = 5");
  g_assert_nonnull (strstr (text, "\"amount\":\"51.00\""));
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE seq = 6 AND data IS NULL"),
                   ==, 1);
  g_free (text);
  text = sql_text (f->path, "SELECT data FROM journal WHERE seq = 7");
  g_assert_nonnull (strstr (text, "\"notes\":\"Tab\\there\""));

  g_clear_object (&store);
  assert_chain_by_hand (f->path);
  report = verify (f->path, &ok, &entries);
  g_assert_cmpstr (report, ==, "");
  g_assert_true (ok);
  g_assert_cmpint (entries, ==, 7);
}

/* A version 1 file (tests/fixtures/case-v1.sql) goes 1 → … → 5 on opening:
 * one migrate entry per record in table order, the case first. */
static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fixture = g_build_filename (FIXTURES_DIR, "case-v1.sql", NULL);
  g_autofree char *text = NULL;
  g_autofree char *order = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  sql (f->path, text);
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, rec_store_schema_version ());
  g_assert_cmpint (rec_store_schema_version (), ==, 6);
  /* 1 case, 1 child, 2 terms, 1 override, 1 charge, 3 payments, 1
   * communication, 1 enforcement step. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE action = 'migrate'"), ==, 11);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal"), ==, 11);
  order = sql_text (f->path, "SELECT group_concat (entity || record, ' ') FROM"
                             " (SELECT * FROM journal ORDER BY seq)");
  g_assert_cmpstr (order, ==, "case0 children1 terms1 terms2 interest_overrides1 charges1"
                              " payments1 payments2 payments3 communications1 enforcement1");
  assert_chain_by_hand (f->path);
  assert_intact (f->path);
}

/* A version 4 file (as the migrations up to 4 make it) goes to 5. */
static void
test_migrate_v4 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (_rec_store_migrate_to (db, 0, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_rec_store_close (db), ==, SQLITE_OK);
  sql (f->path, "INSERT INTO case_info (id, title, jurisdiction, currency, agency_enforced,"
                " public_assistance, created_at, updated_at) VALUES (1, 'Old', 'us', 'USD', 0, 0,"
                " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                "INSERT INTO payments (position, date, amount, method, created_at, updated_at)"
                " VALUES (1, '2025-01-01', 100, 'cash', '2026-01-01T00:00:00Z',"
                " '2026-01-01T00:00:00Z');");
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE action = 'migrate'"), ==, 2);
  assert_intact (f->path);
}

/* A version 5 file with a history goes to 6 (the lists of allowed words as
 * OR, its six tables rebuilt): every row and every journal entry as it was,
 * the chain intact, no IN (…) list of words left, and a word outside a list
 * still refused. */
static void
test_migrate_v5 (Fixture       *f,
                 gconstpointer  data)
{
  static const char *const rebuilt[] = { "terms", "payments", "communications",
                                         "enforcement_steps", "attachment_links", "journal" };
  static const char rows[] =
    "SELECT group_concat (seq || action || entity || record || ifnull (data, '') || prev || hash,"
    " '|') FROM (SELECT * FROM journal ORDER BY seq)";
  static const char records[] =
    "SELECT (SELECT group_concat (id || kind || amount || frequency, '|') FROM terms)"
    " || (SELECT group_concat (id || method || amount, '|') FROM payments)"
    " || (SELECT group_concat (id || channel || direction || summary || follow_up_done, '|')"
    "     FROM communications)"
    " || (SELECT group_concat (id || remedy || status || next_done, '|') FROM enforcement_steps)"
    " || (SELECT group_concat (attachment_id || entity || record_id, '|') FROM attachment_links)";
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const char indexes_query[] =
    "SELECT group_concat (name || ' ' || tbl_name, '|') FROM"
    " (SELECT * FROM sqlite_schema WHERE type = 'index' ORDER BY name)";
  g_autofree char *history = NULL;
  g_autofree char *history_after = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *indexes_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (_rec_store_migrate_to (db, 0, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_rec_store_exec (db,
    "INSERT INTO case_info (id, title, jurisdiction, currency, agency_enforced,"
    " public_assistance, created_at, updated_at) VALUES (1, 'Old', 'us', 'USD', 0, 0,"
    " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO terms (position, kind, amount, frequency, due_day, due_day_first,"
    " due_day_second, effective, created_at, updated_at) VALUES (1, 'childcare', 5000,"
    " 'biweekly', 0, 1, 15, '2024-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO payments (position, date, amount, method, created_at, updated_at)"
    " VALUES (1, '2025-01-01', 100, 'tax_offset', '2026-01-01T00:00:00Z',"
    " '2026-01-01T00:00:00Z');"
    "INSERT INTO communications (position, at, at_unix, channel, direction, summary,"
    " follow_up_done, created_at, updated_at) VALUES (1, '2025-02-01T10:00:00-08:00',"
    " 1738432800, 'in_person', 'both', 'At the exchange', 1, '2026-01-01T00:00:00Z',"
    " '2026-01-01T00:00:00Z');"
    "INSERT INTO enforcement_steps (position, remedy, status, next_done, created_at,"
    " updated_at) VALUES (1, 'passport_denial', 'in_effect', 1, '2026-01-01T00:00:00Z',"
    " '2026-01-01T00:00:00Z');"
    "INSERT INTO attachments (sha256, name, media_type, size, data, added_at) VALUES"
    " ('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 't.txt',"
    " 'text/plain', 4, CAST ('test' AS BLOB), '2026-01-01T00:00:00Z');"
    "INSERT INTO attachment_links VALUES (1, 'payments', 1);", &error), ==, TRUE);
  g_assert_no_error (error);
  g_assert_true (_rec_store_journal_record_all (db, "migrate", &error));
  g_assert_no_error (error);
  {
    g_autofree char *meta = _rec_store_journal_attachment_json (
      "t.txt", "text/plain", 4, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "2026-01-01T00:00:00Z");
    g_autofree char *link = _rec_store_journal_link_json (1, "payments", 1);

    g_assert_true (_rec_store_journal_append (db, NULL, "add", "attachments", 1, meta, &error));
    g_assert_true (_rec_store_journal_append (db, NULL, "add", "links", 1, link, &error));
  }
  g_assert_cmpint (_rec_store_close (db), ==, SQLITE_OK);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 5);
  history = sql_text (f->path, rows);
  before = sql_text (f->path, records);
  indexes = sql_text (f->path, indexes_query);
  g_assert_nonnull (strstr (before, "tax_offset"));

  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 6);
  history_after = sql_text (f->path, rows);
  after = sql_text (f->path, records);
  indexes_after = sql_text (f->path, indexes_query);
  g_assert_cmpstr (indexes_after, ==, indexes);
  g_assert_cmpstr (history_after, ==, history);
  g_assert_cmpstr (after, ==, before);
  assert_intact (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (rebuilt); i++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE"
                                                " tbl_name = '%s' AND sql LIKE '%% IN (''%%'",
                                                rebuilt[i]);

      g_assert_cmpint (sql_int (f->path, query), ==, 0);
    }
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE payments SET method = 'barter'", NULL, NULL, NULL),
                     ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE journal SET action = 'edit' WHERE seq = 1",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE communications SET channel = 'fax'",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE journal SET entity = 'payment' WHERE seq = 1",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    /* A hash of 64 characters that are not all lower-case hex digits. */
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE journal SET hash = upper (hash) WHERE seq = 1",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE journal SET prev = substr (prev, 1, 63) || 'g'"
                                   " WHERE seq = 2", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE journal SET prev = prev || '0' WHERE seq = 2",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (raw);
  }
}

/* Import: an import entry with the document's SHA-256, then the adds. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RecCaseData) c = small_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  static const char sha[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  g_assert_true (rec_store_import_case (f->path, c, sha, FALSE, &error));
  g_assert_no_error (error);
  first = sql_text (f->path, "SELECT action || ' ' || entity || ' ' || record || ' ' || data"
                             " FROM journal WHERE seq = 1");
  g_assert_cmpstr (first, ==, "import case 0 {\"source_sha256\":\"9f86d081884c7d659a2feaa0c55ad015"
                              "a3bf4f1b2b0b822cd15d6c15b0f00a08\"}");
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM journal WHERE action = 'add'"), ==, 3);
  assert_chain_by_hand (f->path);
  assert_intact (f->path);
}

/* Tamper trials: each alteration made with SQL, as another program would;
 * verify must name it. */
typedef struct
{
  const char *name;
  const char *sql;
  const char *finding;   /* a line of the report */
} Tamper;

static const Tamper tampers[] = {
  { "amount", "UPDATE payments SET amount = 125400 WHERE id = 1",
    "payments record 1 was changed outside Recourse: amount is 1254.00, the history says 1245.00" },
  { "child-name", "UPDATE children SET name = 'Someone' WHERE id = 1",
    "children record 1 was changed outside Recourse: name is Someone, the history says Bảo \"Bé\" Trần" },
  { "case-party", "UPDATE case_info SET obligee_name = 'X'",
    "the case was changed outside Recourse: obligee.name is X, the history says Thảo Nguyễn" },
  { "delete-entry", "DELETE FROM journal WHERE seq = 2",
    "journal entry 2 is missing: the history was altered" },
  { "delete-last-entry", "DELETE FROM journal WHERE seq = 3",
    "payments record 1 has no history: it was added outside Recourse" },
  { "edit-data", "UPDATE journal SET data = replace (data, '1245.00', '1254.00') WHERE seq = 3",
    "journal entry 3 does not match its hash: the history was altered" },
  { "edit-data-rehash", "UPDATE journal SET data = replace (data, '1245.00', '1254.00'),"
    " hash = (CASE substr (hash, 1, 2) WHEN 'ab' THEN 'cd' ELSE 'ab' END) || substr (hash, 3)"
    " WHERE seq = 3",
    "journal entry 3 does not match its hash: the history was altered" },
  /* The first digit is always changed: a fixed replacement would match
   * the hash one time in sixteen, and the trial would prove nothing. */
  { "change-hash", "UPDATE journal SET hash ="
    " (CASE substr (hash, 1, 1) WHEN '0' THEN '1' ELSE '0' END) || substr (hash, 2)"
    " WHERE seq = 2",
    "journal entry 3 does not follow the entry before it: the history was altered" },
  { "insert-record", "INSERT INTO payments (position, date, amount, method, created_at, updated_at)"
    " VALUES (2, '2024-05-01', 100, 'cash', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    "payments record 2 has no history: it was added outside Recourse" },
  { "delete-record", "DELETE FROM children WHERE id = 1",
    "children record 1 is in the history but not in the file: it was removed outside Recourse" },
  { "attachment-bytes", "INSERT INTO attachments (id, sha256, name, media_type, size, data, added_at)"
    " VALUES (1, '" "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" "',"
    " 'note.txt', 'text/plain', 5, CAST ('hellO' AS BLOB), '2026-01-01T00:00:00Z')",
    "attachments record 1 (“note.txt”) does not match its sha256: its bytes were changed" },
};

static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  const Tamper *tamper = data;
  g_autofree char *report = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  write_small_case (f);
  assert_intact (f->path);
  sql (f->path, tamper->sql);

  report = verify (f->path, &ok, NULL);
  g_test_message ("%s: %s", tamper->name, report);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, tamper->finding));

  /* A case whose history was altered still opens. */
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
}

/* The swap trial swaps whole rows 2 and 3 (their seq exchanged). */
static void
test_tamper_swap (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *report = NULL;
  gboolean ok = TRUE;

  write_small_case (f);
  sql (f->path, "UPDATE journal SET seq = 100 WHERE seq = 2;"
                "UPDATE journal SET seq = 2 WHERE seq = 3;"
                "UPDATE journal SET seq = 3 WHERE seq = 100;");
  report = verify (f->path, &ok, NULL);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "journal entry 2 does not match its hash: the history was altered"));
  g_assert_nonnull (strstr (report, "journal entry 3 does not match its hash: the history was altered"));
}

/* A document and its link added the way the attachments' store API does
 * (rows and entries in one transaction, through _rec_store_journal_append),
 * then altered with SQL. */
static void
add_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = _rec_store_journal_attachment_json (
    "check-1043.jpg", "image/jpeg", 5, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    "2026-01-01T00:00:00Z");
  g_autofree char *link = _rec_store_journal_link_json (1, "payments", 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_rec_store_exec (db, "BEGIN IMMEDIATE;"
                                      "INSERT INTO attachments (id, sha256, name, media_type, size,"
                                      " data, added_at) VALUES (1, '2cf24dba5fb0a30e26e83b2ac5b9e29e"
                                      "1b161e5c1fa7425e73043362938b9824', 'check-1043.jpg',"
                                      " 'image/jpeg', 5, CAST ('hello' AS BLOB),"
                                      " '2026-01-01T00:00:00Z');"
                                      "INSERT INTO attachment_links VALUES (1, 'payments', 1)",
                                  &error));
  g_assert_true (_rec_store_journal_append (db, NULL, "add", "attachments", 1, meta, &error));
  g_assert_true (_rec_store_journal_append (db, NULL, "add", "links", 1, link, &error));
  g_assert_true (_rec_store_exec (db, "COMMIT", &error));
  g_assert_no_error (error);
  /* Also finalizes the statements the store keeps. */
  g_assert_cmpint (_rec_store_close (db), ==, SQLITE_OK);
}

static const Tamper document_tampers[] = {
  { "document-bytes", "UPDATE attachments SET data = CAST ('hellO' AS BLOB)",
    "attachments record 1 (“check-1043.jpg”) does not match its sha256: its bytes were changed" },
  { "document-name", "UPDATE attachments SET name = 'other.jpg'",
    "attachments record 1 was changed outside Recourse: name is other.jpg, the history says "
    "check-1043.jpg" },
  { "link-added", "INSERT INTO attachment_links VALUES (1, 'case', 0)",
    "the link {\"attachment\":1,\"entity\":\"case\",\"record\":0} has no history" },
  { "link-removed", "DELETE FROM attachment_links",
    "the link {\"attachment\":1,\"entity\":\"payments\",\"record\":1} is in the history but "
    "not in the file" },
};

static void
test_tamper_document (Fixture       *f,
                      gconstpointer  data)
{
  const Tamper *tamper = data;
  g_autofree char *report = NULL;
  gboolean ok = TRUE;

  write_small_case (f);
  add_document (f->path);
  assert_intact (f->path);
  sql (f->path, tamper->sql);

  report = verify (f->path, &ok, NULL);
  g_test_message ("%s: %s", tamper->name, report);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, tamper->finding));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/journal/hash/literal", test_hash_literal);
  ADD ("/journal/write-case", test_write_case);
  ADD ("/journal/chain/edits", test_chain_edits);
  ADD ("/journal/migrate/v1", test_migrate_v1);
  ADD ("/journal/migrate/v4", test_migrate_v4);
  ADD ("/journal/migrate/v5", test_migrate_v5);
  ADD ("/journal/import", test_import);
  ADD ("/journal/tamper/swap", test_tamper_swap);
  for (guint i = 0; i < G_N_ELEMENTS (tampers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/journal/tamper/%s", tampers[i].name);

      g_test_add (path, Fixture, &tampers[i], fixture_set_up, test_tamper, fixture_tear_down);
    }

  for (guint i = 0; i < G_N_ELEMENTS (document_tampers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/journal/tamper/%s", document_tampers[i].name);

      g_test_add (path, Fixture, &document_tampers[i], fixture_set_up, test_tamper_document,
                  fixture_tear_down);
    }

  return g_test_run ();
}

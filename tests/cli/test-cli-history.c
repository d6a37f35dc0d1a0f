/* test-cli-history.c — `recourse verify` on the history (intact, altered,
 * --packet) and `recourse history`, run as a program (spec/evidence.md §3).
 * Entries are appended here by hand, from the spec alone (canonical bytes
 * hashed with GChecksum), as another program following the spec would.
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-fixture.h"

#include <json-glib/json-glib.h>

static char *
sql_text (const char *path,
          const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Appends an entry as the spec says (seq + 1, prev = the last hash), with
 * `extra` SQL run in the same transaction (the change itself). */
static void
append_by_hand (const char *path,
                const char *action,
                const char *entity,
                gint64      record,
                const char *data,
                const char *extra)
{
  g_autofree char *last = sql_text (path, "SELECT seq || ' ' || hash FROM journal"
                                          " ORDER BY seq DESC LIMIT 1");
  g_auto(GStrv) parts = g_strsplit (last, " ", 2);
  gint64 seq = g_ascii_strtoll (parts[0], NULL, 10) + 1;
  g_autofree char *canonical =
    g_strdup_printf ("recourse-journal-1\n%" G_GINT64_FORMAT "\n2026-12-01T10:00:00Z\n%s\n%s\n%"
                     G_GINT64_FORMAT "\n%s\n%s", seq, action, entity, record,
                     data != NULL ? data : "null", parts[1]);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  char *sqlite_quoted = sqlite3_mprintf ("%Q", data);
  g_autofree char *quoted = g_strdup (sqlite_quoted);
  g_autofree char *statements =
    g_strdup_printf ("BEGIN; %s; INSERT INTO journal VALUES (%" G_GINT64_FORMAT ","
                     " '2026-12-01T10:00:00Z', '%s', '%s', %" G_GINT64_FORMAT ", %s, '%s', '%s');"
                     " COMMIT;", extra != NULL ? extra : "SELECT 1", seq, action, entity, record,
                     quoted, parts[1], hash);

  sqlite3_free (sqlite_quoted);
  sql (path, statements);
}

static char *
fingerprint_of (const char *hash)
{
  g_autofree char *upper = g_ascii_strup (hash, 16);

  return g_strdup_printf ("%.4s-%.4s-%.4s-%.4s", upper, upper + 4, upper + 8, upper + 12);
}

static void
test_intact (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *head = NULL;
  g_autofree char *count = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *want = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "case.recourse");
  head = sql_text (path, "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1");
  count = sql_text (path, "SELECT count(*) FROM journal");
  fingerprint = fingerprint_of (head);
  want = g_strdup_printf ("intact: %s entries, fingerprint %s\n", count, fingerprint);

  run_recourse (&run, "verify", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, want));
  g_assert_cmpstr (run.err, ==, "");
}

/* One amount changed with SQL: named, exit 1, the verdict line last. */
static void
test_altered_amount (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *id = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *update = NULL;
  g_autofree char *finding = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "case.recourse");
  id = sql_text (path, "SELECT id FROM payments ORDER BY id LIMIT 1 OFFSET 4");
  amount = sql_text (path, "SELECT printf ('%d.%02d', amount / 100, amount % 100) FROM payments"
                           " ORDER BY id LIMIT 1 OFFSET 4");
  update = g_strdup_printf ("UPDATE payments SET amount = amount + 900 WHERE id = %s", id);
  sql (path, update);
  finding = g_strdup_printf ("payments record %s was changed outside Recourse: amount is ", id);

  run_recourse (&run, "verify", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, finding));
  g_assert_nonnull (strstr (run.err, amount));
  g_assert_true (g_str_has_suffix (run.err, "altered: 1 problem\n"));
  g_assert_null (strstr (run.out, "intact"));
}

/* A change made by hand the way the spec says is intact, and history shows it
 * field by field. */
static void
test_history_change (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *record = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *update = NULL;
  g_auto(GStrv) halves = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) verify = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  JsonArray *entries;
  JsonObject *last;

  make_demo (f, "case.recourse");
  record = sql_text (path, "SELECT data FROM journal WHERE entity = 'payments' AND record = 1");
  g_assert_nonnull (strstr (record, "\"amount\":\"1245.00\""));
  halves = g_strsplit (record, "\"amount\":\"1245.00\"", 2);
  changed = g_strconcat (halves[0], "\"amount\":\"1246.00\"", halves[1], NULL);
  update = g_strdup ("UPDATE payments SET amount = 124600 WHERE id = 1");
  append_by_hand (path, "change", "payments", 1, changed, update);

  run_recourse (&verify, "verify", path, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "intact: "));

  run_recourse (&text, "history", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "changed  payment 1: amount 1245.00 → 1246.00\n"));
  g_assert_nonnull (strstr (text.out, "1  2026-"));

  run_recourse (&json, "history", path, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "change");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (last, "changes"), 0), "to"), ==, "1246.00");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (last, "data"),
                                                  "amount"), ==, "1246.00");
}

/* --packet: made here (its SHA-256 in a packet entry), the fingerprint only
 * (the PDF changed), or neither. */
static void
test_packet (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *pdf = path_in (f, "packet.pdf");
  g_autofree char *other = path_in (f, "other.pdf");
  g_autofree char *head = NULL;
  g_autofree char *count = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *want = NULL;
  g_auto(Run) made = { 0 };
  g_auto(Run) modified = { 0 };
  g_auto(Run) neither = { 0 };

  make_demo (f, "case.recourse");
  head = sql_text (path, "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1");
  count = sql_text (path, "SELECT count(*) FROM journal");
  contents = g_strdup_printf ("%%PDF-1.4\n1 0 obj << /Keywords (recourse-fingerprint:%s) >>\n"
                              "endobj\n%%%%EOF\n", head);
  g_assert_true (g_file_set_contents (pdf, contents, -1, NULL));
  sha = checksum (pdf);
  entry = g_strdup_printf ("{\"as_of\":\"2026-12-01\",\"pages\":3,\"sha256\":\"%s\","
                           "\"fingerprint\":\"%s\"}", sha, head);
  append_by_hand (path, "packet", "case", 0, entry, NULL);

  run_recourse (&made, "verify", path, "--packet", pdf, NULL);
  g_assert_cmpint (made.status, ==, 0);
  want = g_strdup_printf ("this packet was made from this case at entry %s on 2026-12-01; 0 changes"
                          " since\n", count);
  g_assert_nonnull (strstr (made.out, want));

  g_free (contents);
  contents = g_strdup_printf ("%%PDF-1.4\n1 0 obj << /Keywords (recourse-fingerprint:%s) >>\n"
                              "endobj\n%% edited\n%%%%EOF\n", head);
  g_assert_true (g_file_set_contents (pdf, contents, -1, NULL));
  run_recourse (&modified, "verify", path, "--packet", pdf, NULL);
  g_assert_cmpint (modified.status, ==, 1);
  g_free (want);
  want = g_strdup_printf ("made from this case at entry %s, but the PDF file was modified", count);
  g_assert_nonnull (strstr (modified.out, want));

  g_assert_true (g_file_set_contents (other, "%PDF-1.4\n%%EOF\n", -1, NULL));
  run_recourse (&neither, "verify", path, "--packet", other, NULL);
  g_assert_cmpint (neither.status, ==, 1);
  g_assert_nonnull (strstr (neither.out, "not made from this case"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/verify/intact", test_intact);
  ADD ("/cli/verify/altered-amount", test_altered_amount);
  ADD ("/cli/verify/packet", test_packet);
  ADD ("/cli/history/change", test_history_change);

  return g_test_run ();
}

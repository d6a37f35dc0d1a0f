/* test-cli-attach.c — `recourse attach`, `attachments` and `extract`
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-fixture.h"

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gsize       length)
{
  char *path = path_in (f, name);

  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
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

static void
assert_verifies (const char *case_path)
{
  g_auto(Run) run = { 0 };

  run_recourse (&run, "verify", case_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "intact: "));
}

/* Attach twice: stored once; the list says what it proves; extract gives the
 * same bytes (mode 0600). */
static void
test_attach_list_extract (Fixture       *f,
                          gconstpointer  data)
{
  static const char bytes[] = "\xff\xd8\xff\xe0\0\x10JFIF\0check 1043";
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *photo = write_file (f, "séc 1043.jpg", bytes, sizeof bytes - 1);
  g_autofree char *again = write_file (f, "copy.jpg", bytes, sizeof bytes - 1);
  g_autofree char *out = path_in (f, "out.jpg");
  g_autofree char *want = checksum (photo);
  g_autofree char *got = NULL;
  g_auto(Run) attach = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) extract = { 0 };
  GStatBuf st;

  make_demo (f, "case.recourse");
  run_recourse (&attach, "attach", case_path, photo, "--to", "payments[3]", NULL);
  g_assert_cmpint (attach.status, ==, 0);
  g_assert_cmpint (strncmp (attach.out, want, 12), ==, 0);
  g_assert_cmpint (attach.out[12], ==, ' ');
  run_recourse (&twice, "attach", case_path, again, "--to", "payments[3]", NULL);
  g_assert_cmpint (twice.status, ==, 0);
  g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM attachments"), ==, 1);
  g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM attachment_links"), ==, 1);

  run_recourse (&list, "attachments", case_path, NULL);
  g_assert_cmpint (list.status, ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("%.12s  séc 1043.jpg  %u bytes  payments[3] ", want,
                                             (guint) sizeof bytes - 1);

    g_assert_true (g_str_has_prefix (list.out, line));
    g_assert_nonnull (strstr (list.out, "$"));
    g_assert_cmpuint (strlen (list.out), ==, (gsize) (strchr (list.out, '\n') - list.out) + 1);
  }

  {
    g_autofree char *prefix = g_strndup (want, 6);

    run_recourse (&extract, "extract", case_path, prefix, "-o", out, NULL);
  }
  g_assert_cmpint (extract.status, ==, 0);
  got = checksum (out);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_verifies (case_path);
}

/* The interchange carries the documents: export, import into a new case,
 * export again gives the same bytes; the new case's history starts with the
 * document's SHA-256 (an `import` entry), and both cases verify intact. */
static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  static const char bytes[] = "%PDF-1.4 bank statement, March";
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *statement = write_file (f, "statement.pdf", bytes, sizeof bytes - 1);
  g_autofree char *json = path_in (f, "case.json");
  g_autofree char *copy = path_in (f, "copy.recourse");
  g_autofree char *json_again = path_in (f, "again.json");
  g_autofree char *json_sha = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *import_data = NULL;
  g_auto(Run) attach = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) export_again = { 0 };
  g_auto(Run) history = { 0 };
  gsize length = 0;

  make_demo (f, "case.recourse");
  run_recourse (&attach, "attach", case_path, statement, "--to", "payments[2]", NULL);
  g_assert_cmpint (attach.status, ==, 0);
  run_recourse (&export, "export", case_path, "--json", "-o", json, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (json, &first, &length, NULL));
  g_assert_nonnull (strstr (first, "\"attachments\""));
  g_assert_nonnull (strstr (first, "\"statement.pdf\""));
  json_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) first, length);

  run_recourse (&import, "import", json, "-o", copy, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (sql_int (copy, "SELECT count(*) FROM attachments"), ==, 1);
  g_assert_cmpint (sql_int (copy, "SELECT count(*) FROM attachment_links"), ==, 1);
  run_recourse (&export_again, "export", copy, "--json", "-o", json_again, NULL);
  g_assert_cmpint (export_again.status, ==, 0);
  g_assert_true (g_file_get_contents (json_again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  run_recourse (&history, "history", copy, "--json", NULL);
  g_assert_cmpint (history.status, ==, 0);
  import_data = g_strdup_printf ("\"source_sha256\" : \"%s\"", json_sha);
  g_assert_nonnull (strstr (history.out, "\"action\" : \"import\""));
  g_assert_nonnull (strstr (history.out, import_data));
  assert_verifies (case_path);
  assert_verifies (copy);
}

/* One refused file (empty, a folder, missing): nothing is added, exit 2
 * naming it. A record that does not exist: exit 2. */
static void
test_all_or_none (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *good = write_file (f, "good.txt", "good", 4);
  g_autofree char *empty = write_file (f, "empty.txt", "", 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *const targets[] = { "payments[99999]", "payment[0]", "payments[x]", "payments" };

  make_demo (f, "case.recourse");
  before = checksum (case_path);
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "attach", case_path, good, empty, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "“empty.txt” is empty: nothing was added");
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "attach", case_path, good, f->dir, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, NULL);
  }
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_auto(Run) run = { 0 };

      run_recourse (&run, "attach", case_path, good, "--to", targets[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, targets[i]);
    }
  after = checksum (case_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM attachments"), ==, 0);
}

/* A prefix that names no document, or more than one, exits 2 listing the
 * candidates; the output is checked like every -o. */
static void
test_extract_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *out = path_in (f, "out.bin");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) first_digit = g_hash_table_new (NULL, NULL);
  char shared[2] = { 0, 0 };

  make_demo (f, "case.recourse");
  /* 17 files: two of them share a first hex digit. */
  for (guint i = 0; i < 17; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.txt", i);
      g_autofree char *text = g_strdup_printf ("file %u", i);
      char *path = write_file (f, name, text, strlen (text));
      g_autofree char *sum = checksum (path);

      if (g_hash_table_contains (first_digit, GINT_TO_POINTER (sum[0])))
        shared[0] = sum[0];
      g_hash_table_add (first_digit, GINT_TO_POINTER (sum[0]));
      g_ptr_array_add (files, path);
    }
  g_ptr_array_insert (files, 0, g_strdup (case_path));
  g_ptr_array_insert (files, 0, g_strdup ("attach"));
  g_ptr_array_insert (files, 0, g_strdup (g_getenv ("RECOURSE_BIN")));
  g_ptr_array_add (files, NULL);
  {
    g_autoptr(GError) error = NULL;
    int wait_status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) files->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  }
  g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM attachments"), ==, 17);

  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "extract", case_path, shared, "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "recourse: "));
    g_assert_nonnull (strstr (run.err, "more than one"));
    /* The candidates, one a line. */
    {
      g_auto(GStrv) lines = g_strsplit (run.err, "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), >=, 4);
    }
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "extract", case_path, "zz", "-o", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "is not the start of a SHA-256");
  }
  {
    g_auto(Run) run = { 0 };

    /* Over the case itself: refused like every -o. */
    run_recourse (&run, "extract", case_path, "0", "-o", case_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  assert_verifies (case_path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/attach/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("attach-list-extract", test_attach_list_extract);
  ADD ("all-or-none", test_all_or_none);
  ADD ("extract-refusals", test_extract_refusals);
  ADD ("json-round-trip", test_json_round_trip);
#undef ADD

  return g_test_run ();
}

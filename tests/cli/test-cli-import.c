/* test-cli-import.c — `recourse import-payments` and `import-messages`
 * end to end (spec/import.md §1–2)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-fixture.h"

#include <unistd.h>

/* A bank's export: two payments received, one sent, one row in the other
 * decimal convention (rejected, line 5). */
static const char statement_csv[] =
  "Date,Description,Amount\n"
  "01/03/2025,ZELLE FROM JOHN DOE,450.00\n"
  "01/10/2025,GROCERY STORE,-52.10\n"
  "01/17/2025,ZELLE FROM JOHN DOE,450.00\n"
  "01/20/2025,DEPOSIT,\"1.245,00\"\n";

/* January and February, overlapping the first statement on 01/17. */
static const char overlap_csv[] =
  "Date,Description,Amount\n"
  "01/17/2025,ZELLE FROM JOHN DOE,450.00\n"
  "02/03/2025,ZELLE FROM JOHN DOE,450.00\n"
  "02/05/2025,ACME PAYROLL,2000.00\n";

static const char sms_xml[] =
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
  "<smses count=\"3\">\n"
  "  <sms protocol=\"0\" address=\"+15550102030\" date=\"1735930200000\" type=\"1\""
  " subject=\"null\" body=\"Check is in the mail\" read=\"1\" status=\"-1\""
  " readable_date=\"Jan 3, 2025 10:50:00 AM\" contact_name=\"John Doe\" />\n"
  "  <sms protocol=\"0\" address=\"5550102030\" date=\"1735931200000\" type=\"2\""
  " subject=\"null\" body=\"It is late again\" read=\"1\" status=\"-1\""
  " readable_date=\"Jan 3, 2025 11:06:40 AM\" contact_name=\"John Doe\" />\n"
  "  <sms protocol=\"0\" address=\"+15550109999\" date=\"1735932200000\" type=\"1\""
  " subject=\"null\" body=\"Pizza tonight?\" read=\"1\" status=\"-1\""
  " readable_date=\"Jan 3, 2025 11:23:20 AM\" contact_name=\"Sam\" />\n"
  "</smses>\n";

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = path_in (f, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gint64
sql_int (const char *path,
         const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
count_payments (const char *case_path)
{
  return sql_int (case_path, "SELECT count(*) FROM payments");
}

static void
assert_line (const char *out,
             const char *line)
{
  g_autofree char *with_breaks = g_strdup_printf ("\n%s\n", line);
  g_autofree char *padded = g_strdup_printf ("\n%s", out);

  if (strstr (padded, with_breaks) == NULL)
    g_error ("no line “%s” in:\n%s", line, out);
}

static void
assert_verifies (const char *case_path)
{
  g_auto(Run) run = { 0 };

  run_recourse (&run, "verify", case_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "intact: "));
}

/* Imported twice: the second run adds nothing and says how many were there;
 * the rejected row is named with its line and reason each time. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *csv = write_file (f, "statement.csv", statement_csv);
  gint64 before;

  make_demo (f, "case.recourse");
  before = count_payments (case_path);
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_line (run.out, "2 payments added");
    assert_line (run.out, "1 not matching");
    assert_line (run.out, "1 rejected");
    assert_line (run.out, "statement.csv:5: \"1.245,00\" is not an amount in this file's format");
    g_assert_cmpint (count_payments (case_path), ==, before + 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_line (run.out, "0 payments added");
    assert_line (run.out, "2 already in the case");
    g_assert_cmpint (count_payments (case_path), ==, before + 2);
  }
  assert_verifies (case_path);
}

/* Two overlapping statements in one run, then the second again alone. */
static void
test_overlapping (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *first = write_file (f, "statement.csv", statement_csv);
  g_autofree char *second = write_file (f, "overlap.csv", overlap_csv);
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  gint64 before;

  make_demo (f, "case.recourse");
  before = count_payments (case_path);
  run_recourse (&run, "import-payments", case_path, first, second, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_line (run.out, "4 payments added");
  assert_line (run.out, "1 already in the case");
  g_assert_cmpint (count_payments (case_path), ==, before + 4);

  /* --match: only Doe's rows are candidates; both are there already. */
  run_recourse (&again, "import-payments", case_path, second, "--match", "john doe", NULL);
  g_assert_cmpint (again.status, ==, 0);
  assert_line (again.out, "0 payments added");
  assert_line (again.out, "2 already in the case");
  assert_line (again.out, "1 not matching");
  g_assert_cmpint (count_payments (case_path), ==, before + 4);
  assert_verifies (case_path);
}

/* --dry-run: the same report, the file byte for byte as it was. */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *csv = write_file (f, "statement.csv", statement_csv);
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "case.recourse");
  sum_before = checksum (case_path);
  run_recourse (&run, "import-payments", case_path, csv, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_line (run.out, "2 payments added");
  sum_after = checksum (case_path);
  g_assert_cmpstr (sum_before, ==, sum_after);
  g_assert_cmpuint (count_files (f), ==, 2);
}

/* A file in no known format, a 0-byte file, a missing one: exit 2, one line
 * naming the file, nothing added; a bad option: exit 2. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *good = write_file (f, "statement.csv", statement_csv);
  g_autofree char *notes = write_file (f, "notes.txt", "Remember to call the agency.\n");
  g_autofree char *empty = write_file (f, "empty.csv", "");
  g_autofree char *missing = path_in (f, "missing.csv");
  g_autofree char *sum_before = NULL;
  const char *bad_options[][2] = {
    { "--format", "xls" }, { "--method", "wire" }, { "--date-order", "ymd" },
  };

  make_demo (f, "case.recourse");
  sum_before = checksum (case_path);
  {
    g_auto(Run) run = { 0 };

    /* The good file first: nothing of it is added either. */
    run_recourse (&run, "import-payments", case_path, good, notes, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "not a bank statement, OFX file, SMS backup or mailbox");
    g_assert_nonnull (strstr (run.err, "notes.txt"));
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, empty, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "empty.csv");
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, missing, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "missing.csv");
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, f->dir, NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "is not a file");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_options); i++)
    {
      g_auto(Run) run = { 0 };

      run_recourse (&run, "import-payments", case_path, good, bad_options[i][0],
                    bad_options[i][1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, bad_options[i][0]);
    }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_autofree char *sum_after = checksum (case_path);

    g_assert_cmpstr (sum_before, ==, sum_after);
  }
}

/* A write that fails: another program holds the file's write lock (and, when
 * not root, a write-protected file): exit 1, nothing added. */
static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *csv = write_file (f, "statement.csv", statement_csv);
  sqlite3 *holder = NULL;
  gint64 before;

  make_demo (f, "case.recourse");
  before = count_payments (case_path);
  g_assert_cmpint (sqlite3_open (case_path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-payments", case_path, csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_error_line (&run, NULL);
  }
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_assert_cmpint (count_payments (case_path), ==, before);

  if (geteuid () != 0)
    {
      g_auto(Run) run = { 0 };

      g_assert_cmpint (g_chmod (case_path, 0400), ==, 0);
      run_recourse (&run, "import-payments", case_path, csv, NULL);
      g_chmod (case_path, 0600);
      g_assert_cmpint (run.status, ==, 1);
      assert_one_error_line (&run, "write-protected");
      g_assert_cmpint (count_payments (case_path), ==, before);
    }
  assert_verifies (case_path);
}

/* The journal's import entry carries the statement's SHA-256; the statement
 * is a document of the case linked to the payments it gave. */
static void
test_journal_and_attachment (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *csv = write_file (f, "statement.csv", statement_csv);
  g_autofree char *sha = checksum (csv);
  g_autofree char *query = NULL;
  g_autofree char *links = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) list = { 0 };

  make_demo (f, "case.recourse");
  run_recourse (&run, "import-payments", case_path, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);

  query = g_strdup_printf ("SELECT count(*) FROM journal WHERE action = 'import' AND entity = 'case'"
                           " AND data = '{\"source_sha256\":\"%s\",\"name\":\"statement.csv\","
                           "\"format\":\"csv\"}'", sha);
  g_assert_cmpint (sql_int (case_path, query), ==, 1);
  links = g_strdup_printf ("SELECT count(*) FROM attachment_links JOIN attachments"
                           " ON attachments.id = attachment_id WHERE sha256 = '%s'"
                           " AND entity = 'payments'", sha);
  g_assert_cmpint (sql_int (case_path, links), ==, 2);

  run_recourse (&list, "attachments", case_path, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "statement.csv"));
  g_assert_nonnull (strstr (list.out, "payments["));
  g_assert_nonnull (strstr (list.out, "$450.00"));
}

/* Without --with nothing is added and the correspondents are listed with
 * their counts; with it, that person's messages, once. */
static void
test_messages (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *xml = write_file (f, "sms.xml", sms_xml);
  g_autofree char *sum_before = NULL;
  gint64 before;

  make_demo (f, "case.recourse");
  before = sql_int (case_path, "SELECT count(*) FROM communications");
  sum_before = checksum (case_path);
  {
    g_auto(Run) run = { 0 };
    g_autofree char *sum_after = NULL;

    run_recourse (&run, "import-messages", case_path, xml, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "--with"));
    g_assert_nonnull (strstr (run.out, "2 messages"));
    g_assert_nonnull (strstr (run.out, "John Doe"));
    g_assert_nonnull (strstr (run.out, "1 message"));
    g_assert_true (strstr (run.out, "John Doe") < strstr (run.out, "Sam"));
    sum_after = checksum (case_path);
    g_assert_cmpstr (sum_before, ==, sum_after);
  }
  {
    g_auto(Run) run = { 0 };

    g_autofree char *xml_sha = checksum (xml);
    g_autofree char *query = NULL;

    run_recourse (&run, "import-messages", case_path, xml, "--with", "(555) 010-2030", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_line (run.out, "2 messages added");
    assert_line (run.out, "1 not matching");
    g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM communications"), ==, before + 2);
    /* Stored as they were read: the file's entry, with its SHA-256, still
     * comes before the two adds it covers, and nothing but adds after it. */
    query = g_strdup_printf ("SELECT count(*) FROM journal WHERE entity = 'communications'"
                             " AND action = 'add' AND seq > (SELECT max(seq) FROM journal"
                             " WHERE action = 'import' AND json_extract (data, '$.source_sha256')"
                             " = '%s') AND NOT EXISTS (SELECT 1 FROM journal j WHERE j.seq >"
                             " (SELECT max(seq) FROM journal WHERE action = 'import')"
                             " AND j.action <> 'add')", xml_sha);
    g_assert_cmpint (sql_int (case_path, query), ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-messages", case_path, xml, "--with", "+1 555 010 2030", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_line (run.out, "0 messages added");
    assert_line (run.out, "2 already in the case");
    g_assert_cmpint (sql_int (case_path, "SELECT count(*) FROM communications"), ==, before + 2);
  }
  assert_verifies (case_path);
}

/* import-messages: a file that is no archive, a bad --format: exit 2, the
 * case untouched; --dry-run with --with reports and writes nothing. */
static void
test_messages_bad_input (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "case.recourse");
  g_autofree char *csv = write_file (f, "statement.csv", statement_csv);
  g_autofree char *xml = write_file (f, "sms.xml", sms_xml);
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;

  make_demo (f, "case.recourse");
  sum_before = checksum (case_path);
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-messages", case_path, csv, "--with", "5550102030", NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "statement.csv");
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-messages", case_path, xml, "--format", "csv", NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "--format");
  }
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "import-messages", case_path, xml, "--with", "5550102030", "--dry-run",
                  NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_line (run.out, "2 messages added");
  }
  sum_after = checksum (case_path);
  g_assert_cmpstr (sum_before, ==, sum_after);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *verbs[] = { "import-payments", "import-messages" };
  const char *options[] = { "--match", "--with" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };

      run_recourse (&run, verbs[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, options[i]));
      g_assert_nonnull (strstr (run.out, "--dry-run"));
      g_assert_nonnull (strstr (run.out, "--format"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/import/twice", test_twice);
  ADD ("/cli/import/overlapping", test_overlapping);
  ADD ("/cli/import/dry-run", test_dry_run);
  ADD ("/cli/import/bad-input", test_bad_input);
  ADD ("/cli/import/write-failure", test_write_failure);
  ADD ("/cli/import/journal-attachment", test_journal_and_attachment);
  ADD ("/cli/import/messages", test_messages);
  ADD ("/cli/import/messages-bad-input", test_messages_bad_input);
  ADD ("/cli/import/help", test_help);
#undef ADD
  return g_test_run ();
}

/* test-cli-hostile.c — the command line against what would destroy a case or
 * turn it against its owner (issue 9, points 5–7), run as a program
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * -o never writes over its input or a case file, whatever the name or link;
 * inputs that are not regular files or are too large are refused before any
 * read; a case's control and bidi characters never reach the terminal raw;
 * leftovers of a killed writer are removed by the next one.
 */
#include "config.h"

#include "cli-fixture.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* A title and a communication that would clear the screen, retitle the
 * terminal window, ring its bell and reverse the line's direction. */
#define HOSTILE_TITLE "Evil \\u001b[2J\\u202e\\u2066Title\\u0007\\u009b\\u200f\\u061c end"
#define HOSTILE_SUMMARY "Hi \\u001b]0;pwned\\u0007 \\u202e there\\r\\u007f"
#define HOSTILE_JSON \
  "{\"format\": \"recourse-case\", \"version\": 1," \
  " \"case\": {\"title\": \"" HOSTILE_TITLE "\", \"jurisdiction\": \"us-ca\"}," \
  " \"terms\": [{\"kind\": \"child_support\", \"amount\": \"100.00\", \"frequency\": \"monthly\"," \
  " \"effective\": \"2024-01-01\"}]," \
  " \"communications\": [{\"at\": \"2024-04-02T18:30:00-07:00\", \"channel\": \"text\"," \
  " \"direction\": \"received\", \"with\": \"X\\u001b[2J\", \"summary\": \"" HOSTILE_SUMMARY "\"}]}"

/* What a terminal would act on, as UTF-8 bytes. */
static const char * const raw_controls[] = {
  "\x1b", "\x07", "\r", "\x7f",
  "\xc2\x9b",                               /* U+009B, CSI */
  "\xe2\x80\xae", "\xe2\x81\xa6",           /* U+202E, U+2066 */
  "\xe2\x80\x8f", "\xd8\x9c",               /* U+200F, U+061C */
};

static void
assert_no_raw_controls (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (raw_controls); i++)
    if (strstr (text, raw_controls[i]) != NULL)
      g_error ("raw control %u (%02x…) printed: %s", i, (guchar) raw_controls[i][0], text);
}

static void
limit_child (gpointer data)
{
#ifndef UNDER_ASAN
  /* The old import read /dev/zero until memory ran out: fail fast instead. */
  struct rlimit limit = { 2048u << 20, 2048u << 20 };

  setrlimit (RLIMIT_AS, &limit);
#endif
}

static char *
read_and_remove (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  return g_steal_pointer (&text);
}

/* run_recourse with a time limit (status -1 when it was killed) and a memory
 * limit: the old code waited forever on a FIFO and read /dev/zero whole. */
static void
run_limited (Run        *run,
             guint       seconds,
             const char *first,
             ...)
{
  const char *bin = g_getenv ("RECOURSE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *err_path = NULL;
  g_autofree char *asan = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  int out_fd, err_fd, wait_status = 0;
  GPid pid = 0;
  va_list args;

  g_assert_nonnull (bin);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  asan = g_strdup_printf ("%s%shard_rss_limit_mb=2048", g_environ_getenv (env, "ASAN_OPTIONS") ?: "",
                          g_environ_getenv (env, "ASAN_OPTIONS") ? ":" : "");
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan, TRUE);

  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  out_fd = g_file_open_tmp ("rec-test-out-XXXXXX", &out_path, &error);
  g_assert_no_error (error);
  err_fd = g_file_open_tmp ("rec-test-err-XXXXXX", &err_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                         limit_child, NULL, &pid, -1, out_fd, err_fd, &error));
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);

  while (waitpid (pid, &wait_status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &wait_status, 0);
          wait_status = -1;
          break;
        }
      g_usleep (10000);
    }
  g_spawn_close_pid (pid);

  run->out = read_and_remove (out_path);
  run->err = read_and_remove (err_path);
  if (wait_status == -1)
    run->status = -1;
  else if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else
    run->status = 128 + WTERMSIG (wait_status);
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
}

/* Point 5: `report case.db -o case.db` replaced the case with a PDF and
 * exited 0. The same path, a symbolic link, a hard link, a copy of the case
 * under a PDF's name and the name of its journal are all refused; nothing is
 * written. */
static void
test_report_over_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.db");
  g_autofree char *symlink_path = path_in (f, "link.pdf");
  g_autofree char *hard = path_in (f, "hard.pdf");
  g_autofree char *copy = path_in (f, "x.pdf");
  g_autofree char *sum = NULL;
  const char *outputs[] = { path, symlink_path, hard, copy };
  const char *words[] = { "both the input and the output", "both the input and the output",
                          "both the input and the output", "is a case file" };

  make_demo (f, "case.db");
  sum = checksum (path);
  g_assert_cmpint (symlink ("case.db", symlink_path), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);
  copy_file (path, copy);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *base = g_path_get_basename (outputs[i]);
      g_autofree char *sum_after = NULL;
      g_autofree char *copy_after = NULL;
      g_auto(Run) run = { 0 };

      run_recourse (&run, "report", path, "-o", outputs[i], "--as-of", "2026-11-23", NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, words[i]);
      g_assert_nonnull (strstr (run.err, base));
      sum_after = checksum (path);
      g_assert_cmpstr (sum, ==, sum_after);
      copy_after = checksum (copy);
      g_assert_cmpstr (sum, ==, copy_after);
      g_assert_cmpuint (count_files (f), ==, 4);
    }

  /* Nor a name SQLite would take for the case's journal (and delete). */
  {
    g_autofree char *journal = path_in (f, "case.db-journal");
    g_auto(Run) run = { 0 };

    run_recourse (&run, "report", path, "-o", journal, "--as-of", "2026-11-23", NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run, "part of a database");
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

/* export never writes over a case (--force or not), nor over another
 * program's database; import and demo replace a case only with --force, and a
 * database of another program never. */
static void
test_export_over_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "a.recourse");
  g_autofree char *json = path_in (f, "a.json");
  g_autofree char *disguised = path_in (f, "b.json");
  g_autofree char *foreign = path_in (f, "places.json");
  g_autofree char *to_input = path_in (f, "input.json");
  g_autofree char *sum = NULL;
  g_autofree char *foreign_sum = NULL;
  struct
  {
    const char *verb, *output, *words;
  } refusals[] = {
    { "export", disguised, "is a case file" },
    { "export", foreign, "database" },
    { "export", to_input, "both the input and the output" },
    { "import", foreign, "database" },
    { "demo", foreign, "database" },
    { "new", foreign, "database" },
  };
  g_auto(Run) export = { 0 };
  g_auto(Run) replace = { 0 };

  make_demo (f, "a.recourse");
  run_recourse (&export, "export", path, "--json", "-o", json, NULL);
  g_assert_cmpint (export.status, ==, 0);
  copy_file (path, disguised);
  sum = checksum (path);
  sql (foreign, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                " INSERT INTO moz_places (url) VALUES ('https://example.org/');");
  foreign_sum = checksum (foreign);
  g_assert_cmpint (symlink ("a.recourse", to_input), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *sum_after = NULL;
      g_autofree char *disguised_after = NULL;
      g_autofree char *foreign_after = NULL;
      const char *verb = refusals[i].verb;

      g_test_message ("%s -o %s", verb, refusals[i].output);
      if (g_str_equal (verb, "export"))
        run_recourse (&run, "export", path, "--json", "-o", refusals[i].output, "--force", NULL);
      else if (g_str_equal (verb, "import"))
        run_recourse (&run, "import", json, "-o", refusals[i].output, "--force", NULL);
      else if (g_str_equal (verb, "demo"))
        run_recourse (&run, "demo", "-o", refusals[i].output, "--force", NULL);
      else
        run_recourse (&run, "new", refusals[i].output, "--title", "T", "--force", NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, refusals[i].words);
      sum_after = checksum (path);
      g_assert_cmpstr (sum, ==, sum_after);
      disguised_after = checksum (disguised);
      g_assert_cmpstr (sum, ==, disguised_after);
      foreign_after = checksum (foreign);
      g_assert_cmpstr (foreign_sum, ==, foreign_after);
      g_assert_cmpuint (count_files (f), ==, 5);
    }

  /* The case being replaced, with --force: that still works. */
  run_recourse (&replace, "import", json, "-o", disguised, "--force", NULL);
  g_assert_cmpint (replace.status, ==, 0);
}

/* Point 6: `import /dev/zero` read until memory ran out; a FIFO without a
 * writer waited forever. Refused at once, before any read. */
static void
test_import_not_regular (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe.json");
  g_autofree char *folder = path_in (f, "folder.json");
  g_autofree char *out = path_in (f, "out.recourse");
  const char *inputs[] = { "/dev/zero", fifo, folder };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(Run) run = { 0 };

      run_limited (&run, 30, "import", inputs[i], "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, "is not a regular file");
      g_assert_nonnull (strstr (run.err, inputs[i]));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (f), ==, 2);
    }
}

/* An output that is a pipe or a folder (or -o /dev/null) is refused, left as
 * it was: the renamed temporary would have replaced it. */
static void
test_output_not_regular (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "pipe.pdf");
  g_autofree char *folder = path_in (f, "folder.pdf");
  g_autofree char *demo = path_in (f, "demo.recourse");
  const char *outputs[] = { fifo, folder };
  const char *verbs[][4] = {
    { "report", NULL, NULL, NULL },
    { "export", "--json", NULL, NULL },
    { "letter", "--kind", "demand", NULL },
  };

  make_demo (f, "demo.recourse");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
      {
        g_auto(Run) run = { 0 };
        GStatBuf st;

        if (verbs[v][1] == NULL)
          run_limited (&run, 30, verbs[v][0], demo, "-o", outputs[i], NULL);
        else if (verbs[v][2] == NULL)
          run_limited (&run, 30, verbs[v][0], demo, verbs[v][1], "-o", outputs[i], NULL);
        else
          run_limited (&run, 30, verbs[v][0], demo, verbs[v][1], verbs[v][2], "-o", outputs[i], NULL);
        g_assert_cmpint (run.status, !=, 0);
        assert_one_error_line (&run, NULL);
        g_assert_cmpint (g_stat (outputs[i], &st), ==, 0);
        g_assert_true (i == 0 ? S_ISFIFO (st.st_mode) : S_ISDIR (st.st_mode));
        g_assert_cmpuint (count_files (f), ==, 3);
      }
}

/* More than the cap (a sparse file: nothing to read) is refused by its size. */
static void
test_import_too_large (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *big = path_in (f, "big.json");
  g_autofree char *out = path_in (f, "out.recourse");
  g_auto(Run) run = { 0 };
  int fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 513 << 20), ==, 0);
  close (fd);

  run_limited (&run, 60, "import", big, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, "is larger than 512 MB");
  g_assert_nonnull (strstr (run.err, "big.json"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Point 6: a case's terminal controls and bidi characters are not printed raw
 * by summary, by verify, nor in an error message quoting the case; the JSON
 * of summary and export stays exact. */
static void
test_terminal (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *json = path_in (f, "hostile.json");
  g_autofree char *path = path_in (f, "hostile.recourse");
  g_autofree char *named = path_in (f, "name\x1b[2J\xe2\x80\xae.recourse");
  g_autoptr(JsonParser) expected_parser = json_parser_new ();
  g_autoptr(JsonParser) exported_parser = json_parser_new ();
  JsonObject *expected, *exported;
  g_auto(Run) import = { 0 };
  g_auto(Run) summary = { 0 };
  g_auto(Run) summary_json = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) bad_rules = { 0 };

  g_assert_true (g_file_set_contents (json, HOSTILE_JSON, -1, NULL));
  run_recourse (&import, "import", json, "-o", path, NULL);
  g_assert_cmpint (import.status, ==, 0);

  /* For people: visible escapes instead. */
  run_recourse (&summary, "summary", path, "--as-of", "2024-06-01", NULL);
  g_assert_cmpint (summary.status, ==, 0);
  assert_no_raw_controls (summary.out);
  g_assert_nonnull (strstr (summary.out, "Evil \\x1b[2J\\u202e\\u2066Title\\x07\\u009b\\u200f\\u061c end"));
  g_assert_nonnull (strstr (summary.out, "\n  Principal due"));

  /* For programs: exact JSON, control characters escaped by the JSON. */
  run_recourse (&summary_json, "summary", path, "--as-of", "2024-06-01", "--json", NULL);
  g_assert_cmpint (summary_json.status, ==, 0);
  g_assert_null (strchr (summary_json.out, '\x1b'));
  g_assert_cmpstr (json_object_get_string_member (parse_object (exported_parser, summary_json.out),
                                                  "principal_due"), ==, "500.00");

  run_recourse (&export, "export", path, "--json", "-o", "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_null (strchr (export.out, '\x1b'));
  expected = parse_object (expected_parser, HOSTILE_JSON);
  exported = parse_object (exported_parser, export.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (exported, "case"), "title"),
                   ==,
                   json_object_get_string_member (json_object_get_object_member (expected, "case"), "title"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (exported, "communications"), 0),
                     "summary"),
                   ==,
                   json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (expected, "communications"), 0),
                     "summary"));

  /* A received file's name is case text too. */
  g_assert_cmpint (g_rename (path, named), ==, 0);
  run_recourse (&verify, "verify", named, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  assert_no_raw_controls (verify.out);
  g_assert_nonnull (strstr (verify.out, "name\\x1b[2J\\u202e.recourse: OK"));

  /* An error message quoting the case: a jurisdiction no rules file has. */
  sql (named, "UPDATE case_info SET jurisdiction = 'us-x' || char (27) || '[2J' || char (8238) || 'ly';");
  run_recourse (&bad_rules, "summary", named, NULL);
  g_assert_cmpint (bad_rules.status, !=, 0);
  assert_one_error_line (&bad_rules, "us-x");
  assert_no_raw_controls (bad_rules.err);
}

/* Point 7: the hidden temporary of a killed export (nobody holds its lock) is
 * removed by the next export there; one a live writer holds stays. */
static void
test_stale_temporary (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = path_in (f, "a.recourse");
  g_autofree char *out = path_in (f, "out.json");
  g_autofree char *stale = path_in (f, ".out.json.Ab12Cd");
  g_autofree char *held = path_in (f, ".out.json.Zz99Yy");
  g_autofree char *other = path_in (f, ".other.json.Ab12Cd");
  g_auto(Run) run = { 0 };
  GStatBuf st;
  int held_fd;

  make_demo (f, "a.recourse");
  g_assert_true (g_file_set_contents (stale, "{\"format\": \"recourse-ca", -1, NULL));
  g_assert_true (g_file_set_contents (other, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (held, "{", -1, NULL));
  held_fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (held_fd, >=, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX | LOCK_NB), ==, 0);

  run_recourse (&run, "export", path, "--json", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (f), ==, 4);
  close (held_fd);
}

/* Point 7: an export that succeeds imports again. A case holding text that is
 * not UTF-8 (another program wrote it) is refused, the field named, and no
 * JSON written; the old export wrote a document import then refused. */
static void
test_export_reimports (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "a.recourse");
  g_autofree char *json = path_in (f, "a.json");
  g_auto(Run) run = { 0 };

  make_demo (f, "a.recourse");
  sql (path, "UPDATE case_info SET notes = CAST (X'66FF6F' AS TEXT);");
  run_recourse (&run, "export", path, "--json", "-o", json, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, "case.notes");
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* A file another program changed (a trigger) is bad input: exit 2 for every
 * verb that reads it, the trigger named. A case in use by another program is
 * work that failed (exit 1, try again), said so after a wait. */
static void
test_store_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (f, "a.recourse");
  g_autofree char *busy = path_in (f, "busy.recourse");
  g_autofree char *pdf = path_in (f, "packet.pdf");
  const char *verbs[] = { "verify", "summary", "export", "report" };
  sqlite3 *db = NULL;
  g_auto(Run) in_use = { 0 };

  make_demo (f, "a.recourse");
  make_demo (f, "busy.recourse");
  sql (path, "CREATE TRIGGER sneaky AFTER INSERT ON payments BEGIN DELETE FROM communications; END;");
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };

      if (g_str_equal (verbs[i], "export"))
        run_recourse (&run, "export", path, "--json", "-o", "-", NULL);
      else if (g_str_equal (verbs[i], "report"))
        run_recourse (&run, "report", path, "-o", pdf, NULL);
      else
        run_recourse (&run, verbs[i], path, NULL);
      if (g_str_equal (verbs[i], "verify"))
        {
          /* verify's work is to find it: a problem found (1), the finding named. */
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, "trigger “sneaky”"));
          g_assert_null (strstr (run.err, ": OK"));
          continue;
        }
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, "sneaky");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (sqlite3_open (busy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE; UPDATE case_info SET notes = 'mine';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  run_limited (&in_use, 60, "export", busy, "--json", "-o", "-", NULL);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_cmpint (in_use.status, ==, 1);
  assert_one_error_line (&in_use, "in use by another program");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/hostile/report-over-case", test_report_over_case);
  ADD ("/cli/hostile/export-over-case", test_export_over_case);
  ADD ("/cli/hostile/import-not-regular", test_import_not_regular);
  ADD ("/cli/hostile/import-too-large", test_import_too_large);
  ADD ("/cli/hostile/output-not-regular", test_output_not_regular);
  ADD ("/cli/hostile/terminal", test_terminal);
  ADD ("/cli/hostile/stale-temporary", test_stale_temporary);
  ADD ("/cli/hostile/export-reimports", test_export_reimports);
  ADD ("/cli/hostile/store-errors", test_store_errors);

  return g_test_run ();
}

/* test-cli-case.c — `recourse new|import|export|verify|demo`, run as a program
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns $RECOURSE_BIN without a display and checks exit statuses (0/1/2),
 * one-line errors naming the problem, files never half-written or overwritten,
 * and inputs left as they were.
 */
#include "config.h"

#include "cli-fixture.h"

#include "../fixtures/bad-case-json.h"

/* Help and usage */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char *verbs[] = { "new", "import", "export", "verify", "demo" };
  g_auto(Run) top = { 0 };

  run_recourse (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };

      g_assert_nonnull (strstr (top.out, verbs[i]));
      run_recourse (&run, verbs[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, verbs[i]));
      g_assert_cmpstr (run.err, ==, "");
    }
  g_assert_cmpuint (count_files (f), ==, 0);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *json = path_in (f, "in.json");
  g_autofree char *out = path_in (f, "out.recourse");
  struct { const char *args[8]; } cases[] = {
    { { "import", json, NULL } },                       /* no -o */
    { { "import", "-o", out, NULL } },                   /* no input */
    { { "import", json, json, "-o", out, NULL } },       /* two inputs */
    { { "import", json, "-o", out, "--frobnicate", NULL } },
    { { "export", "-o", "-", NULL } },
    { { "verify", NULL } },
    { { "demo", NULL } },
    { { "demo", "-o", out, "--as-of", "2026-02-30", NULL } },
    { { "new", out, NULL } },                            /* no title */
    { { "new", out, "--title", "T", "--jurisdiction", "us-zz", NULL } },
  };

  g_assert_true (g_file_set_contents (json, "{}", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char **a = cases[i].args;

      run_recourse (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "recourse: "));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* Round trips */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *size = data;
  gboolean large = g_str_equal (size, "large");
  g_autofree char *a = path_in (f, "a.recourse");
  g_autofree char *b = path_in (f, "b.recourse");
  g_autofree char *json = path_in (f, "a.json");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *first = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) export1 = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) export2 = { 0 };
  GStatBuf st;

  run_recourse (&demo, "demo", "-o", a, "--as-of", "2026-11-23", large ? "--large" : NULL, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (g_stat (a, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  sum = checksum (a);

  run_recourse (&export1, "export", a, "--json", "-o", json, NULL);
  g_assert_cmpint (export1.status, ==, 0);
  run_recourse (&import, "import", json, "-o", b, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_recourse (&export2, "export", b, "--json", "-o", "-", NULL);
  g_assert_cmpint (export2.status, ==, 0);

  g_assert_true (g_file_get_contents (json, &first, NULL, NULL));
  g_assert_cmpstr (export2.out, ==, first);
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_nonnull (strstr (first, "\"format\": \"recourse-case\""));

  /* export read the case and left it as it was. */
  sum_after = checksum (a);
  g_assert_cmpstr (sum, ==, sum_after);
  g_assert_cmpuint (count_files (f), ==, 3);
}

static void
test_demo_deterministic (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = path_in (f, "a.recourse");
  g_autofree char *b = path_in (f, "b.recourse");
  g_auto(Run) ea = { 0 };
  g_auto(Run) eb = { 0 };

  make_demo (f, "a.recourse");
  make_demo (f, "b.recourse");
  run_recourse (&ea, "export", a, "--json", "-o", "-", NULL);
  run_recourse (&eb, "export", b, "--json", "-o", "-", NULL);
  g_assert_cmpint (ea.status, ==, 0);
  g_assert_cmpstr (ea.out, ==, eb.out);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = path_in (f, "new.recourse");
  g_auto(Run) run = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) again = { 0 };
  GStatBuf st;

  run_recourse (&run, "new", path, "--title", "Ortiz v. Ortiz", "--jurisdiction", "us-ca", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  run_recourse (&export, "export", path, "--json", "-o", "-", NULL);
  g_assert_nonnull (strstr (export.out, "\"title\": \"Ortiz v. Ortiz\""));

  run_recourse (&again, "new", path, "--title", "Other", NULL);
  g_assert_cmpint (again.status, ==, 2);
  assert_one_error_line (&again, "--force");
}

/* -o never replaces a case without --force; with it, it does. */
static void
test_no_overwrite (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *json = path_in (f, "case.json");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) forced = { 0 };

  make_demo (f, "case.recourse");
  sum = checksum (path);
  run_recourse (&demo, "demo", "-o", path, NULL);
  g_assert_cmpint (demo.status, ==, 2);
  assert_one_error_line (&demo, "already exists");

  run_recourse (&export, "export", path, "--json", "-o", json, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_recourse (&import, "import", json, "-o", path, NULL);
  g_assert_cmpint (import.status, ==, 2);
  assert_one_error_line (&import, "--force");
  sum_after = checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);

  run_recourse (&forced, "import", json, "-o", path, "--force", NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_cmpuint (count_files (f), ==, 2);

  /* export -o onto a case file under another name, or onto its own input. */
  {
    g_autofree char *disguised = path_in (f, "case.bak");
    g_autofree char *case_sum = checksum (path);
    g_autofree char *case_sum_after = NULL;
    g_auto(Run) onto_case = { 0 };
    g_auto(Run) onto_self = { 0 };

    g_assert_cmpint (g_rename (path, disguised), ==, 0);
    make_demo (f, "other.recourse");
    g_free (path);
    path = path_in (f, "other.recourse");
    /* A case is never replaced by JSON, --force or not. */
    run_recourse (&onto_case, "export", path, "--json", "-o", disguised, "--force", NULL);
    g_assert_cmpint (onto_case.status, ==, 2);
    assert_one_error_line (&onto_case, "is a case file");
    run_recourse (&onto_self, "export", disguised, "--json", "-o", disguised, "--force", NULL);
    g_assert_cmpint (onto_self.status, ==, 2);
    assert_one_error_line (&onto_self, "both the input and the output");
    case_sum_after = checksum (disguised);
    g_assert_cmpstr (case_sum, ==, case_sum_after);
  }
}

/* Every class of bad JSON: exit 2, the field on stderr, no output file. */
static void
test_bad_json (Fixture       *f,
               gconstpointer  data)
{
  const BadCaseJson *row = data;
  g_autofree char *json = path_in (f, "bad.json");
  g_autofree char *out = path_in (f, "out.recourse");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (json, row->json, -1, NULL));
  sum = checksum (json);
  run_recourse (&run, "import", json, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, row->path);
  if (row->words != NULL)
    g_assert_nonnull (strstr (run.err, row->words));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f), ==, 1);
  sum_after = checksum (json);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_import_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *json = path_in (f, "nowhere.json");
  g_autofree char *out = path_in (f, "out.recourse");
  g_auto(Run) run = { 0 };

  run_recourse (&run, "import", json, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, "nowhere.json");
  g_assert_cmpuint (count_files (f), ==, 0);
}

/* Verify */

static void
test_verify_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (f, "good.recourse");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "good.recourse");
  sum = checksum (path);
  run_recourse (&run, "verify", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "OK"));
  g_assert_cmpstr (run.err, ==, "");
  sum_after = checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
}

/* A version 1 file verifies as version 1 and is not migrated by verify or export. */
static void
test_verify_v1 (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = path_in (f, "v1.recourse");
  g_autofree char *fixture = g_build_filename (FIXTURES_DIR, "case-v1.sql", NULL);
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) verify = { 0 };
  g_auto(Run) export = { 0 };

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  sql (path, text);
  sum = checksum (path);
  run_recourse (&verify, "verify", path, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "schema version 1"));
  run_recourse (&export, "export", path, "--json", "-o", "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "\"name\": \"Thảo Nguyễn\""));
  sum_after = checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_verify_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (f, "bad.recourse");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "bad.recourse");
  sql (path, "PRAGMA ignore_check_constraints = ON;"
             " UPDATE payments SET date = '2023-02-30' WHERE position = 2;");
  sum = checksum (path);
  run_recourse (&run, "verify", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "2023-02-30"));
  g_assert_cmpstr (run.out, ==, "");
  sum_after = checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_verify_corrupt_pages (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = path_in (f, "pages.recourse");
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize page_size;
  g_auto(Run) run = { 0 };

  make_demo (f, "pages.recourse");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  /* The file's page size, from its header (big-endian; 1 means 65536). */
  page_size = ((guchar) contents[16] << 8) | (guchar) contents[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length, >, 6 * page_size);
  memset (contents + 3 * page_size + 8, 0x5a, page_size / 2);
  memset (contents + 5 * page_size + 8, 0x5a, page_size / 2);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  run_recourse (&run, "verify", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "recourse: "));
}

/* A file that is not a case: exit 2, named, and untouched by any verb. */
static void
test_not_a_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "notes.recourse");
  g_autofree char *sum = NULL;
  static const char *verbs[] = { "verify", "export", "summary", "report" };
  g_autofree char *pdf = path_in (f, "packet.pdf");

  g_assert_true (g_file_set_contents (path, "grocery list\n", -1, NULL));
  sum = checksum (path);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *sum_after = NULL;

      if (g_str_equal (verbs[i], "export"))
        run_recourse (&run, "export", path, "--json", "-o", "-", NULL);
      else if (g_str_equal (verbs[i], "report"))
        run_recourse (&run, "report", path, "-o", pdf, NULL);
      else
        run_recourse (&run, verbs[i], path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, "not a Recourse case file");
      sum_after = checksum (path);
      g_assert_cmpstr (sum, ==, sum_after);
    }
  g_assert_cmpuint (count_files (f), ==, 1);
}

static void
test_newer_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "newer.recourse");
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "newer.recourse");
  sql (path, "PRAGMA user_version = 42;");
  sum = checksum (path);
  run_recourse (&run, "export", path, "--json", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, "newer Recourse");
  sum_after = checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
}

/* Killing an import that replaces a case (--force) leaves either the old case
 * or the new one, never a mix or half a file. */
static void
test_kill_during_import (Fixture       *f,
                         gconstpointer  data)
{
  const char *bin = g_getenv ("RECOURSE_BIN");
  g_autofree char *big = path_in (f, "big.recourse");
  g_autofree char *json = path_in (f, "big.json");
  g_autofree char *target = path_in (f, "target.recourse");
  g_autofree char *old_sum = NULL;
  g_autofree char *new_json = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) old_export = { 0 };
  guint kept_old = 0, got_new = 0;

  run_recourse (&demo, "demo", "--large", "-o", big, "--as-of", "2026-11-23", NULL);
  run_recourse (&export, "export", big, "--json", "-o", json, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (json, &new_json, NULL, NULL));
  make_demo (f, "target.recourse");
  old_sum = checksum (target);
  run_recourse (&old_export, "export", target, "--json", "-o", "-", NULL);

  for (int round = 0; round < 8; round++)
    {
      const char *argv[] = { bin, "import", json, "-o", target, "--force", NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = NULL;
      g_auto(Run) check = { 0 };
      g_auto(Run) now = { 0 };
      GPid pid = 0;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (100000 + 250000 * round);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);

      run_recourse (&check, "verify", target, NULL);
      g_assert_cmpint (check.status, ==, 0);
      sum = checksum (target);
      if (g_str_equal (sum, old_sum))
        {
          kept_old++;
          continue;
        }
      run_recourse (&now, "export", target, "--json", "-o", "-", NULL);
      g_assert_cmpstr (now.out, ==, new_json);
      got_new++;
    }
  g_test_message ("killed imports: %u left the old case, %u had finished", kept_old, got_new);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/case/help", NULL, test_help);
  ADD ("/cli/case/usage", NULL, test_usage);
  ADD ("/cli/case/round-trip/normal", "normal", test_round_trip);
  ADD ("/cli/case/round-trip/large", "large", test_round_trip);
  ADD ("/cli/case/demo-deterministic", NULL, test_demo_deterministic);
  ADD ("/cli/case/new", NULL, test_new);
  ADD ("/cli/case/no-overwrite", NULL, test_no_overwrite);
  ADD ("/cli/case/import-missing", NULL, test_import_missing);
  ADD ("/cli/case/verify/good", NULL, test_verify_good);
  ADD ("/cli/case/verify/v1", NULL, test_verify_v1);
  ADD ("/cli/case/verify/damaged-value", NULL, test_verify_damaged);
  ADD ("/cli/case/verify/corrupt-pages", NULL, test_verify_corrupt_pages);
  ADD ("/cli/case/not-a-case", NULL, test_not_a_case);
  ADD ("/cli/case/newer", NULL, test_newer_case);
  ADD ("/cli/case/kill-during-import", NULL, test_kill_during_import);
  for (guint i = 0; i < G_N_ELEMENTS (bad_case_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/case/bad-json/%s", bad_case_json[i].name);

      ADD (path, &bad_case_json[i], test_bad_json);
    }

  return g_test_run ();
}

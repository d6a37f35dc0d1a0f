/* test-i18n-cli.c — the command line speaks Spanish and Vietnamese
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language runs in a subprocess that sets LANGUAGE before the first
 * gettext call and binds the build's catalogs ($RECOURSE_LOCALEDIR); it
 * looks the expected text up in that catalog (failing when the catalog
 * leaves it in English) and spawns $RECOURSE_BIN with the same environment.
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $RECOURSE_BIN with the NULL-terminated arguments; the exit code in
 * run->status (-1 if it did not exit normally). */
static void
run_recourse (Run        *run,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("RECOURSE_BIN");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
}

/* Sets the language as main() of recourse does, before any gettext call. */
static void
use_language (const char *lang)
{
  const char *dir = g_getenv ("RECOURSE_LOCALEDIR");
  g_autofree char *fallback = NULL;

  if (dir == NULL)
    dir = fallback = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The catalog's translation of `msgid`; fails if it is still English. */
static const char *
translation (const char *msgid)
{
  const char *text = _(msgid);

  if (g_str_equal (text, msgid))
    g_error ("“%s” is not translated into %s (po/%s.po, catalog in %s)", msgid,
             g_getenv ("LANGUAGE"), g_getenv ("LANGUAGE"), g_getenv ("RECOURSE_LOCALEDIR"));
  return text;
}

/* A file that does not exist: a usage error (2) with the translated message. */
static void
check_missing_case (void)
{
  g_auto(Run) run = { 0 };
  const char *path = "/nonexistent/none.recourse";
  g_autofree char *expected = NULL;

  /* Translators' text, as src/cli/rec-cli-summary.c prints it. */
  expected = g_strdup_printf (translation ("“%s”: no such case file"), path);
  run_recourse (&run, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "recourse: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_cmpuint (strlen (run.err), ==, strlen ("recourse: ") + strlen (expected) + 1);
  g_assert_true (strncmp (run.err + strlen ("recourse: "), expected, strlen (expected)) == 0);
  g_assert_cmpstr (run.out, ==, "");
}

/* A word that is not a verb: usage error, translated. */
static void
check_unknown_verb (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = NULL;

  expected = g_strdup_printf (translation ("“%s” is not a command. Try “recourse --help”."),
                              "frobnicate");
  run_recourse (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, expected));
}

/* --help lists the verbs in the language; exit 0. */
static void
check_help (void)
{
  g_auto(Run) run = { 0 };

  run_recourse (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, translation ("Usage:")));
  g_assert_nonnull (strstr (run.out, translation ("open the window")));
  g_assert_nonnull (strstr (run.out, translation ("write the PDF case packet (--as-of, --lang, --paper)")));
}

/* A message of the core (a bad date) inside a message of the CLI, and the
 * summary of a real case, both translated. */
static void
check_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-i18n-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad_date = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) summary = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.recourse", NULL);
  run_recourse (&demo, "demo", "-o", path, "--as-of", "2025-06-30", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  bad_date = g_strdup_printf (translation ("\"%s\" is not a day of the calendar"), "2025-02-30");
  /* "--as-of: %s" may well read the same in the language. */
  expected = g_strdup_printf (_("--as-of: %s"), bad_date);
  run_recourse (&bad, "summary", path, "--as-of", "2025-02-30", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, expected));

  run_recourse (&summary, "summary", path, "--as-of", "2025-06-30", NULL);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_nonnull (strstr (summary.out, translation ("Total balance")));
  g_assert_nonnull (strstr (summary.out, translation ("Enforcement remedies (informational, not legal advice)")));
  g_assert_null (strstr (summary.out, "Total balance"));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_language (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      use_language (lang);
      check_missing_case ();
      check_unknown_verb ();
      check_help ();
      check_case ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT
                                   | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/i18n/cli/es", "es", test_language);
  g_test_add_data_func ("/i18n/cli/vi", "vi", test_language);
  return g_test_run ();
}

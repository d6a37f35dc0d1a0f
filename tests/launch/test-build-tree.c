/* test-build-tree.c — the uninstalled binary speaks the build tree's
 * languages with no environment variable set (issue 10 point 8)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $RECOURSE_BIN runs with RECOURSE_LOCALEDIR unset and LANGUAGE=vi (or es):
 * its messages, and the packet of `report --lang vi`, must come out in that
 * language, looked up by this test in the catalogs the build compiled under
 * <build>/po. RECOURSE_LOCALEDIR still overrides (pointed at an empty folder
 * the messages are English), and a copy of the binary outside the build tree
 * does not take the build's catalogs.
 */
#include "config.h"

#include "launch-util.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

/* glibc's counter that invalidates its translation cache (LANGUAGE changes). */
extern int _nl_msg_cat_cntr;

static const char *unknown_verb = "“%s” is not a command. Try “recourse --help”.";

/* The test's environment for the child, without RECOURSE_LOCALEDIR, in `lang`. */
static char **
environment_in (const char *lang)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "RECOURSE_LOCALEDIR");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", lang, TRUE);
  return env;
}

/* `msgid` in `lang` as the build's catalog has it; fails when the catalog
 * leaves it in English (then the test could not tell). */
static char *
translation (const char *lang,
             const char *msgid)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  g_autofree char *mo = g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  char *text;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("the build tree holds no catalog %s", mo);
  g_setenv ("LANGUAGE", lang, TRUE);
  ++_nl_msg_cat_cntr;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  text = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));
  g_unsetenv ("LANGUAGE");
  if (g_str_equal (text, msgid))
    g_error ("“%s” is not translated into %s", msgid, lang);
  return text;
}

static void
assert_unknown_verb_in (const char *lang,
                        char      **env,
                        gboolean    translated)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "frobnicate", NULL };
  g_autofree char *format = translated ? translation (lang, unknown_verb) : g_strdup (unknown_verb);
  g_autofree char *expected = g_strdup_printf (format, "frobnicate");

  run_recourse_full (&run, env, NULL, args);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run, NULL);
  if (strstr (run.err, expected) == NULL)
    g_error ("LANGUAGE=%s: expected “%s”, got %s", lang, expected, run.err);
}

static void
test_messages (gconstpointer data)
{
  const char *lang = data;
  g_auto(GStrv) env = environment_in (lang);

  assert_unknown_verb_in (lang, env, TRUE);
}

/* RECOURSE_LOCALEDIR is still obeyed: an empty folder means English. */
static void
test_override (void)
{
  g_autofree char *empty = g_dir_make_tmp ("rec-locale-XXXXXX", NULL);
  g_auto(GStrv) env = environment_in ("vi");

  env = g_environ_setenv (env, "RECOURSE_LOCALEDIR", empty, TRUE);
  assert_unknown_verb_in ("vi", env, FALSE);
  g_rmdir (empty);
}

/* A copy elsewhere is not the build: it looks in LOCALEDIR only. */
static void
test_copy_outside (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "vi", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("RECOURSE_BIN"));
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) env = environment_in ("vi");
  const char *args[] = { "frobnicate", NULL };

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("a Vietnamese catalog is installed in LOCALEDIR");
      return;
    }

  dir = g_dir_make_tmp ("rec-copy-XXXXXX", &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (dir, "recourse", NULL);
  copy = g_file_new_for_path (copy_path);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (copy_path, 0700), ==, 0);

  g_setenv ("RECOURSE_BIN", copy_path, TRUE);
  run_recourse_full (&run, env, NULL, args);
  g_setenv ("RECOURSE_BIN", g_file_peek_path (source), TRUE);
  g_remove (copy_path);
  g_rmdir (dir);

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is not a command"));
}

/* `report --lang vi` from the build tree: a Vietnamese packet. */
static void
test_packet (void)
{
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  g_autofree char *title = translation ("vi", "Child Support Case Packet");
  g_autofree char *dir = NULL;
  g_autofree char *case_path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = environment_in ("en");
  g_auto(Run) demo = { 0 };
  g_auto(Run) report = { 0 };
  int wait_status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("rec-packet-XXXXXX", &error);
  g_assert_no_error (error);
  case_path = g_build_filename (dir, "case.recourse", NULL);
  pdf = g_build_filename (dir, "packet.pdf", NULL);
  {
    const char *args[] = { "demo", "-o", case_path, "--as-of", "2026-11-23", NULL };

    run_recourse_full (&demo, env, NULL, args);
    g_assert_cmpint (demo.status, ==, 0);
  }
  {
    const char *args[] = { "report", case_path, "-o", pdf, "--lang", "vi",
                           "--as-of", "2026-11-23", NULL };

    run_recourse_full (&report, env, NULL, args);
    g_assert_cmpint (report.status, ==, 0);
  }
  {
    const char *argv[] = { pdftotext, "-l", "1", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &text, NULL, &wait_status, &error));
    g_assert_no_error (error);
  }
  g_remove (pdf);
  g_remove (case_path);
  g_rmdir (dir);

  if (strstr (text, title) == NULL)
    g_error ("the packet's first page has no “%s”:\n%s", title, text);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/build-tree/messages/vi", "vi", test_messages);
  g_test_add_data_func ("/build-tree/messages/es", "es", test_messages);
  g_test_add_func ("/build-tree/override", test_override);
  g_test_add_func ("/build-tree/copy-outside", test_copy_outside);
  g_test_add_func ("/build-tree/packet-vi", test_packet);

  return g_test_run ();
}

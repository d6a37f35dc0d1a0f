/* test-i18n-packet.c — `recourse report --lang es|vi` writes translated labels
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language runs in a subprocess that binds the build's catalogs
 * ($RECOURSE_LOCALEDIR) in that language to look the packet's labels up
 * (failing when one is still English). The packet itself is made with
 * LANGUAGE=en, so only --lang chooses its language; its text is read back
 * with pdftotext ($PDFTOTEXT) and must hold every label, diacritics included.
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

/* Labels of every part of the packet (src/report/rec-report-labels.c). */
static const char * const labels[] = {
  N_("Child Support Case Packet"),
  N_("Amounts owed"),
  N_("Total owed"),
  N_("Days delinquent"),
  N_("Unpaid support (principal)"),
  N_("Support order and modifications"),
  N_("Enforcement remedies"),
  N_("Amount ordered"),
  N_("Ledger"),
  N_("State"),
  N_("Communication log"),
  N_("Enforcement checklist"),
};

/* Titles made from a format and the demo's (California's) form names. */
static const char * const form_titles[][2] = {
  { N_("Payment history (as on form %s)"), "FL-421" },
  { N_("Months not paid in full (as on form %s)"), "FL-411" },
};

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

/* Runs argv with LANGUAGE=en; fails unless it exits 0. Returns stdout. */
static char *
run (const char * const *argv)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Every run of white space as one space: a heading may wrap in the PDF. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

static char *
packet_text (const char *lang,
             const char *dir)
{
  const char *bin = g_getenv ("RECOURSE_BIN");
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  g_autofree char *path = g_build_filename (dir, "demo.recourse", NULL);
  g_autofree char *pdf = g_build_filename (dir, "packet.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "packet.txt", NULL);
  g_autofree char *text = NULL;
  const char *demo[] = { bin, "demo", "-o", path, "--as-of", "2025-06-30", NULL };
  const char *report[] = { bin, "report", path, "-o", pdf, "--as-of", "2025-06-30",
                           "--lang", lang, NULL };
  const char *extract[] = { pdftotext, "-enc", "UTF-8", pdf, txt, NULL };

  g_free (run (demo));
  g_free (run (report));
  g_free (run (extract));
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_remove (path);
  g_remove (pdf);
  g_remove (txt);
  return squeeze (text);
}

static void
check_packet (const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-i18n-XXXXXX", &error);
  g_autofree char *text = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint beyond_ascii = 0;

  g_assert_no_error (error);
  use_language (lang);
  text = packet_text (lang, dir);
  g_rmdir (dir);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = squeeze (_(labels[i]));

      if (g_str_equal (label, labels[i]))
        g_string_append_printf (missing, "\n  “%s” is not translated in po/%s.po", labels[i], lang);
      else if (strstr (text, label) == NULL)
        g_string_append_printf (missing, "\n  “%s” (“%s”) is not in the packet", label, labels[i]);
      else
        beyond_ascii += !g_str_is_ascii (label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (form_titles); i++)
    {
      g_autofree char *format = g_strdup (_(form_titles[i][0]));
      g_autofree char *title = NULL;
      g_autofree char *squeezed = NULL;

      if (g_str_equal (format, form_titles[i][0]))
        {
          g_string_append_printf (missing, "\n  “%s” is not translated in po/%s.po", format, lang);
          continue;
        }
      title = g_strdup_printf (format, form_titles[i][1]);
      squeezed = squeeze (title);
      if (strstr (text, squeezed) == NULL)
        g_string_append_printf (missing, "\n  “%s” is not in the packet", squeezed);
    }
  if (missing->len > 0)
    g_error ("the %s packet:%s", lang, missing->str);
  /* Found with their accents: the fonts carry the language's letters. */
  g_assert_cmpuint (beyond_ascii, >, 0);
  g_assert_null (strstr (text, "Communication log"));
  g_assert_null (strstr (text, "Enforcement checklist"));
}

static void
test_language (gconstpointer data)
{
  if (g_getenv ("PDFTOTEXT") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  if (g_test_subprocess ())
    {
      check_packet (data);
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

  g_test_add_data_func ("/i18n/packet/es", "es", test_language);
  g_test_add_data_func ("/i18n/packet/vi", "vi", test_language);
  return g_test_run ();
}

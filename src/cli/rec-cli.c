/* rec-cli.c — dispatch of the command-line verbs and what they share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-date.h"
#include "rec-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  const char     *name;
  RecCliVerbFunc  func;
  const char     *usage;       /* untranslated synopsis */
  const char     *summary;     /* translated with _() when printed */
} Verb;

/* Verbs appear here once their issue implements them. */
static const Verb verbs[] = {
  { "new", _rec_cli_new, "new CASE --title T", N_("create an empty case file") },
  { "import", _rec_cli_import, "import JSON -o CASE", N_("create a case file from interchange JSON") },
  { "export", _rec_cli_export, "export CASE --json -o OUT", N_("write the case as interchange JSON (- = stdout)") },
  { "verify", _rec_cli_verify, "verify CASE", N_("check the case file (integrity, schema, values)") },
  { "demo", _rec_cli_demo, "demo -o CASE [--large]", N_("write the demo case") },
  { "summary", _rec_cli_summary, "summary CASE [--json]", N_("show what is owed, contempt counts and remedies (--as-of)") },
  { "report", _rec_cli_report, "report CASE -o PACKET.pdf", N_("write the PDF case packet (--as-of, --lang, --paper)") },
  { NULL, NULL, NULL, NULL },
};

static const Verb *
find_verb (const char *name)
{
  for (guint i = 0; verbs[i].name != NULL; i++)
    if (g_str_equal (verbs[i].name, name))
      return &verbs[i];

  return NULL;
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("Recourse — keep a child support enforcement case"));
  g_string_append_printf (out, "%s\n", _("Usage:"));
  g_string_append_printf (out, "  %-38s %s\n", "recourse", _("open the window"));
  g_string_append_printf (out, "  %-38s %s\n", "recourse CASE.recourse",
                          _("open that case in the window"));
  for (guint i = 0; verbs[i].name != NULL; i++)
    g_string_append_printf (out, "  recourse %-29s %s\n", verbs[i].usage, _(verbs[i].summary));
  g_string_append_printf (out, "  %-38s %s\n\n", "recourse --help | --version",
                          _("this help, or the version; VERB --help for a verb"));
  g_string_append_printf (out, "%s\n",
                          _("Exit status: 0 success, 1 the work failed, 2 bad usage or bad input."));
  fputs (out->str, stdout);
}

void
_rec_cli_error (const char *format,
                ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "recourse: %s\n", message);
}

gboolean
_rec_cli_parse_options (GOptionContext *context,
                        int            *argc,
                        char         ***argv,
                        int            *out_exit)
{
  g_autoptr(GError) error = NULL;
  gboolean want_help = FALSE;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--help") || g_str_equal ((*argv)[i], "-h"))
      want_help = TRUE;

  if (want_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stdout);
      *out_exit = REC_EXIT_OK;
      return FALSE;
    }

  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _rec_cli_error ("%s", error->message);
      /* Translators: %s is a verb such as "summary" */
      fprintf (stderr, _("Try “recourse %s --help”.\n"), (*argv)[0]);
      *out_exit = REC_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_cli_write_atomically (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  int fd;

  if (g_str_equal (path, "-"))
    {
      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("Cannot write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmpl);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       /* Translators: %s is a file name, the second %s the system's reason */
                       _("Cannot write “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }

  if (fsync (fd) != 0 || close (fd) != 0 || g_rename (tmpl, path) != 0)
    {
      int saved = errno;

      g_unlink (tmpl);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file name, the second %s the system's reason */
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_cli_parse_as_of (const char *text,
                      GDate      *out_date)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      rec_date_set_today (out_date);
      return TRUE;
    }

  if (!rec_date_parse (text, out_date, &error))
    {
      /* Translators: %s explains what is wrong with the date */
      _rec_cli_error (_("--as-of: %s"), error->message);
      return FALSE;
    }

  return TRUE;
}

/* One mapping for every verb: a file that is not a case, or is too new, is bad
 * input (2); a case that cannot be read or written is failed work (1). */
int
_rec_cli_exit_for_store_error (const GError *error)
{
  if (error->domain == REC_STORE_ERROR
      && (error->code == REC_STORE_ERROR_NOT_A_CASE || error->code == REC_STORE_ERROR_TOO_NEW
          || error->code == REC_STORE_ERROR_EXISTS || error->code == REC_STORE_ERROR_CONSTRAINT))
    return REC_EXIT_USAGE;
  return REC_EXIT_FAILED;
}

gboolean
rec_cli_handles (int    argc,
                 char **argv)
{
  if (argc < 2)
    return FALSE;

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "--version") || find_verb (argv[1]) != NULL)
    return TRUE;

  /* A word that is neither a verb nor a case file is a typo of a verb: say so
   * here rather than open a window that cannot find the file. */
  return !g_str_has_suffix (argv[1], ".recourse") && !g_file_test (argv[1], G_FILE_TEST_EXISTS)
         && argv[1][0] != '-';
}

int
rec_cli_run (int    argc,
             char **argv)
{
  const Verb *verb;

  g_return_val_if_fail (argc >= 2, REC_EXIT_USAGE);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("recourse %s\n", PACKAGE_VERSION);
      return REC_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return REC_EXIT_OK;
    }

  verb = find_verb (argv[1]);
  if (verb == NULL)
    {
      /* Translators: %s is what the user typed instead of a verb */
      _rec_cli_error (_("“%s” is not a command. Try “recourse --help”."), argv[1]);
      return REC_EXIT_USAGE;
    }

  return verb->func (argc - 1, argv + 1);
}

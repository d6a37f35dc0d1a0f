/* rec-cli-case.c — the verbs that make, move and check case files:
 * new, import, export, verify, demo (spec/cli.md)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-rules.h"
#include "rec-store.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* A verb's option context; "recourse VERB" is the program name in --help. */
static GOptionContext *
new_context (const char *verb,
             const char *parameters)
{
  g_autofree char *prgname = g_strdup_printf ("recourse %s", verb);

  g_set_prgname (prgname);
  return g_option_context_new (parameters);
}


/* Exactly one positional argument after the verb. */
static gboolean
one_argument (int          argc,
              char       **argv,
              const char  *what,
              int         *out_exit)
{
  if (argc == 2)
    return TRUE;

  if (argc < 2)
    /* Translators: %s names the missing argument, e.g. CASE.recourse */
    _rec_cli_error (_("missing %s"), what);
  else
    /* Translators: %s is an argument the command did not expect */
    _rec_cli_error (_("unexpected argument “%s”"), argv[2]);
  /* Translators: %s is a verb such as "import" */
  fprintf (stderr, _("Try “recourse %s --help”.\n"), argv[0]);
  *out_exit = REC_EXIT_USAGE;
  return FALSE;
}

static gboolean
require_output (const char *output,
                const char *verb,
                int        *out_exit)
{
  if (output != NULL && *output != '\0')
    return TRUE;

  _rec_cli_error (_("missing -o OUTPUT"));
  /* Translators: %s is a verb such as "import" */
  fprintf (stderr, _("Try “recourse %s --help”.\n"), verb);
  *out_exit = REC_EXIT_USAGE;
  return FALSE;
}

/* Writes a whole case (import, demo) and reports the outcome; an imported
 * case's history starts with the SHA-256 of the document it came from. */
static int
write_case (const char        *output,
            const RecCaseData *case_data,
            const char        *source_sha256,
            gboolean           force)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = source_sha256 != NULL
                ? rec_store_import_case (output, case_data, source_sha256, force, &error)
                : rec_store_write_case (output, case_data, force, &error);

  if (!ok)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  return REC_EXIT_OK;
}

/* new CASE --title T [--jurisdiction us-ca] [--force] */
int
_rec_cli_new (int    argc,
              char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *jurisdiction = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The case title"), N_("TITLE") },
    { "jurisdiction", 'j', 0, G_OPTION_ARG_STRING, &jurisdiction,
      N_("The jurisdiction whose rules apply (default us-ca)"), N_("ID") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing file"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = new_context ("new", _("CASE.recourse — create an empty case"));
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  int status = REC_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status)
      || !one_argument (argc, argv, "CASE.recourse", &status))
    return status;

  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  if (*stripped == '\0')
    {
      _rec_cli_error (_("--title: a case needs a title"));
      return REC_EXIT_USAGE;
    }
  if (jurisdiction != NULL && !rec_rules_exists (jurisdiction))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) rec_rules_list_ids ());

      /* Translators: the first %s is a jurisdiction code such as "us-zz", the second the
       * list of the known ones ("us, us-ca, us-ga, …") */
      _rec_cli_error (_("--jurisdiction: “%s” is not a jurisdiction Recourse knows (%s)"),
                      jurisdiction, known);
      return REC_EXIT_USAGE;
    }
  if (!_rec_cli_check_output (argv[1], NULL, REC_CLI_OUTPUT_CASE, force))
    return REC_EXIT_USAGE;

  rec_set_str (&info->title, title);
  if (jurisdiction != NULL)
    rec_set_str (&info->jurisdiction, jurisdiction);

  store = rec_store_create (argv[1], info, force, &error);
  if (store == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  return REC_EXIT_OK;
}

static RecCaseData *
read_json (const char  *path,
           char       **out_sha256,
           int         *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  RecCaseData *case_data;

  if (!_rec_cli_read_input (path, &contents, &length, out_exit))
    return NULL;
  *out_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  case_data = rec_case_json_parse (contents, (gssize) length, &error);
  if (case_data == NULL)
    {
      _rec_cli_error ("%s", error->message);
      *out_exit = REC_EXIT_USAGE;
    }

  return case_data;
}

/* import CASE.json -o CASE.recourse [--force] */
int
_rec_cli_import (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The case file to write"),
      N_("CASE.recourse") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing file"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context ("import", _("CASE.json — create a case file from interchange JSON"));
  g_autoptr(RecCaseData) case_data = NULL;
  g_autofree char *source_sha256 = NULL;
  int status = REC_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status)
      || !one_argument (argc, argv, "CASE.json", &status)
      || !require_output (output, argv[0], &status))
    return status;

  if (!_rec_cli_check_output (output, argv[1], REC_CLI_OUTPUT_CASE, force))
    return REC_EXIT_USAGE;

  case_data = read_json (argv[1], &source_sha256, &status);
  if (case_data == NULL)
    return status;

  return write_case (output, case_data, source_sha256, force);
}

/* export CASE.recourse --json -o OUT|- */
int
_rec_cli_export (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write interchange JSON (the only format so far)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (- for standard output)"),
      N_("OUT") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Does nothing: an existing JSON file is always replaced, a case file never is"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context ("export", _("CASE.recourse — write the case as interchange JSON"));
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  int status = REC_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status)
      || !one_argument (argc, argv, "CASE.recourse", &status)
      || !require_output (output, argv[0], &status))
    return status;

  /* A JSON file is replaced; the input, a case or any database never is,
   * --force or not (it is accepted for the scripts of older versions). */
  if (!_rec_cli_check_output (output, argv[1], REC_CLI_OUTPUT_DOCUMENT, FALSE))
    return REC_EXIT_USAGE;

  /* The documents go into the interchange with their bytes (JSON v2). */
  store = rec_store_open (argv[1], TRUE, &error);
  if (store == NULL || (case_data = rec_store_load_case (store, &error)) == NULL
      || !rec_store_load_attachment_data (store, case_data, &error))
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  /* Checked by the importer: what it would refuse (text that is not UTF-8, a
   * jurisdiction without rules) is said here and nothing is written. */
  text = rec_case_json_export (case_data, &error);
  if (text == NULL)
    {
      /* Translators: the first %s is a file name, the second what is wrong in it */
      _rec_cli_error (_("%s: %s"), argv[1], error->message);
      return REC_EXIT_USAGE;
    }
  length = strlen (text);
  /* What import would refuse is not written: every export imports again. */
  if (length > (gsize) REC_CLI_MAX_INPUT_MB * 1024 * 1024)
    {
      /* Translators: %s is a file name; %d a number of megabytes such as 512 */
      _rec_cli_error (_("%s: the case's JSON would be larger than %d MB, the most import reads; "
                        "nothing was written"), argv[1], REC_CLI_MAX_INPUT_MB);
      return REC_EXIT_FAILED;
    }
  /* The JSON holds the same family data as the case: private like it (0600,
   * the atomic file's mode). */
  if (!_rec_cli_write_atomically (output, text, length, &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }

  return REC_EXIT_OK;
}

/* verify CASE.recourse */
int
_rec_cli_verify (int    argc,
                 char **argv)
{
  g_autofree char *packet = NULL;
  GOptionEntry entries[] = {
    { "packet", 0, 0, G_OPTION_ARG_FILENAME, &packet,
      N_("Say whether this packet was made from the case"), N_("PACKET.pdf") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_context ("verify", _("CASE.recourse — check the file (integrity, schema, every value, its "
                             "history)"));
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  RecStoreVerifyResult result;
  int status = REC_EXIT_OK;
  g_autofree char *display = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status)
      || !one_argument (argc, argv, "CASE.recourse", &status))
    return status;

  /* What opening a case refuses (a schema or a value that Recourse never
   * writes, damage) verify lists, with everything else it finds; then the
   * history (spec/evidence.md §3). */
  if (rec_store_verify_file_result (argv[1], report, &result, &error))
    {
      g_autofree char *name = _rec_cli_printable (argv[1], TRUE);

      /* Translators: %s is a file name; %d the schema version */
      printf (_("%s: OK (schema version %d, integrity, foreign keys and every value checked)\n"),
              name, result.version);
      _rec_cli_print_intact (&result);
      return packet != NULL ? _rec_cli_verify_packet (argv[1], packet, TRUE) : REC_EXIT_OK;
    }

  if (error->domain != REC_STORE_ERROR || error->code != REC_STORE_ERROR_CONSTRAINT)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  lines = g_strsplit (report->str, "\n", -1);
  display = g_filename_display_name (argv[1]);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], display) != NULL)
      _rec_cli_error ("%s", lines[i]);   /* the finding names the file already */
    else if (*lines[i] != '\0')
      _rec_cli_error ("%s: %s", argv[1], lines[i]);
  _rec_cli_error ("%s: %s", argv[1], error->message);
  _rec_cli_print_altered (result.problems);
  if (packet != NULL)
    (void) _rec_cli_verify_packet (argv[1], packet, FALSE);
  return REC_EXIT_FAILED;
}

/* demo -o CASE.recourse [--large] [--force] [--as-of DATE] */
int
_rec_cli_demo (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *as_of = NULL;
  gboolean large = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The case file to write"),
      N_("CASE.recourse") },
    { "large", 0, 0, G_OPTION_ARG_NONE, &large,
      N_("18 years of weekly support, 20 000 payments, 5 000 communications"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("The day the demo case ends (default today)"), N_("YYYY-MM-DD") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing file"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = new_context ("demo", _("— write the demo case"));
  g_autoptr(RecCaseData) case_data = NULL;
  GDate today;
  int status = REC_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status)
      || !require_output (output, argv[0], &status))
    return status;
  if (argc > 1)
    {
      /* Translators: %s is an argument the command did not expect */
      _rec_cli_error (_("unexpected argument “%s”"), argv[1]);
      return REC_EXIT_USAGE;
    }
  if (!_rec_cli_parse_as_of (as_of, &today)
      || !_rec_cli_check_output (output, NULL, REC_CLI_OUTPUT_CASE, force))
    return REC_EXIT_USAGE;

  case_data = rec_demo_case_new (&today, large);
  return write_case (output, case_data, NULL, force);
}

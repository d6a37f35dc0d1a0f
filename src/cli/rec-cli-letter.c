/* rec-cli-letter.c — `recourse letter CASE --kind demand|delinquency -o LETTER.pdf [--pay-by DATE]
 *                    [--as-of DATE] [--lang LL] [--withhold-address]`
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the case read-only, computes the arrears with its jurisdiction's
 * rules and writes a one-page letter (src/report/rec-letter.h) atomically,
 * mode 0600 (spec/cli.md, round 2). Bad input is exit 2 and writes nothing:
 * an unknown kind, a notice of delinquency outside California or before
 * support is 30 days late, --pay-by before the as-of date, a case with
 * nothing owed ("say so, write nothing", issue 14). An output that cannot be
 * written is exit 1, and nothing is left there.
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-letter.h"
#include "rec-report.h"
#include "rec-rules.h"
#include "rec-store.h"

#include <glib/gi18n.h>

typedef struct
{
  char     *output;
  char     *kind;
  char     *pay_by;
  char     *as_of;
  char     *lang;
  gboolean  withhold_address;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->output);
  g_free (options->kind);
  g_free (options->pay_by);
  g_free (options->as_of);
  g_free (options->lang);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Checks the options that need no file; prints the problem and returns FALSE. */
static gboolean
check_options (const Options *options,
               RecLetterKind *out_kind,
               GDate         *out_pay_by)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (out_pay_by, 1);
  if (options->kind == NULL)
    {
      /* Translators: "--kind demand" and "--kind delinquency" are typed as is */
      _rec_cli_error ("%s", _("letter: --kind demand or --kind delinquency is required"));
      return FALSE;
    }
  if (!rec_letter_kind_parse (options->kind, out_kind))
    {
      /* Translators: %s is what was given; "demand" and "delinquency" are typed as is */
      _rec_cli_error (_("--kind: “%s” is not a kind of letter (demand or delinquency)"), options->kind);
      return FALSE;
    }
  if (options->output == NULL || *options->output == '\0')
    {
      _rec_cli_error ("%s", _("letter: -o LETTER.pdf is required"));
      return FALSE;
    }
  if (g_str_has_suffix (options->output, ".recourse"))
    {
      /* Translators: %s is a file name given with -o */
      _rec_cli_error (_("-o: “%s” is a case file name; the letter is a PDF"), options->output);
      return FALSE;
    }
  if (options->lang != NULL && !rec_report_language_find (options->lang, &error))
    {
      _rec_cli_error (_("--lang: %s"), error->message);
      return FALSE;
    }
  if (options->pay_by != NULL && !rec_date_parse (options->pay_by, out_pay_by, &error))
    {
      /* Translators: %s explains what is wrong with the date */
      _rec_cli_error (_("--pay-by: %s"), error->message);
      return FALSE;
    }

  return TRUE;
}

/* Opens the case read-only and loads it with its rules. */
static int
load_case (const char   *path,
           RecCaseData **out_case,
           RecRules    **out_rules)
{
  return _rec_cli_load_case_read_only (path, FALSE, NULL, out_case, out_rules);
}

/* Why no letter can be written, as the command line says it (exit 2), one
 * whole sentence for each reason; `as_of` is the figures' date as
 * rec_letter_check() writes it. */
static int
refuse (const GError *error,
        const char   *as_of)
{
  if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOTHING_OWED))
    /* Translators: %s is a date */
    _rec_cli_error (_("Nothing is owed as of %s: no letter was written"), as_of);
  else if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_CALIFORNIA))
    /* Translators: "--kind demand" is typed as is */
    _rec_cli_error ("%s", _("A notice of delinquency is a California form; use --kind demand"));
  else if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_PAY_BY))
    _rec_cli_error (_("--pay-by: %s"), error->message);
  else
    _rec_cli_error ("%s", error->message);

  return REC_EXIT_USAGE;
}

static int
write_letter (const char    *case_path,
              const Options *options,
              RecLetterKind  kind,
              const GDate   *as_of,
              const GDate   *pay_by)
{
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of_text = NULL;
  RecReportInput *input;
  RecPdfPaper paper;
  int status = load_case (case_path, &case_data, &rules);

  if (status != REC_EXIT_OK)
    return status;

  result = rec_arrears_compute (case_data, rules, as_of, &error);
  if (result == NULL)
    {
      _rec_cli_error (_("%s: %s"), case_path, error->message);
      return REC_EXIT_FAILED;
    }
  as_of_text = rec_date_format (&result->as_of);
  if (!rec_letter_check (case_data->info->jurisdiction, result, kind, pay_by, &error))
    return refuse (error, as_of_text);

  paper = rec_report_default_paper (case_data->info->jurisdiction);
  input = rec_report_input_new_take (g_steal_pointer (&case_data), g_steal_pointer (&result),
                                     options->lang, paper, NULL);
  rec_report_input_set_rules (input, rules);
  rec_report_input_set_withhold_address (input, options->withhold_address);
  letter = rec_letter_new (input, kind, pay_by, &error);
  if (letter == NULL)
    return refuse (error, as_of_text);

  if (!rec_letter_write (letter, options->output, &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }

  return REC_EXIT_OK;
}

int
_rec_cli_letter (int    argc,
                 char **argv)
{
  g_auto(Options) options = { NULL, };
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("demand: a letter asking the paying parent to pay; delinquency: the itemized attachment "
         "to California form FL-485 (Notice of Delinquency)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the letter to this PDF file (- = standard output)"), N_("LETTER.pdf") },
    { "pay-by", 0, 0, G_OPTION_ARG_STRING, &options.pay_by,
      N_("The date the letter asks to be paid by (default: 14 days after today or the as-of date)"),
      N_("YYYY-MM-DD") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &options.as_of,
      N_("Compute the amounts for this date (default: today)"), N_("YYYY-MM-DD") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("Write the letter in this language: en, es or vi (default: the environment's)"), N_("LL") },
    { "withhold-address", 0, 0, G_OPTION_ARG_NONE, &options.withhold_address,
      N_("Leave the receiving parent's address and phone out of the letter"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse"));
  int status = REC_EXIT_OK;
  RecLetterKind kind = REC_LETTER_DEMAND;
  GDate as_of;
  GDate pay_by;

  g_set_prgname ("recourse letter");
  g_option_context_set_summary (context, _("Write a one-page letter to the paying parent: the amount "
                                           "owed split into support and interest, the unpaid months "
                                           "and a date to pay by. Check the figures before you send "
                                           "it: they are computed from the records in the case file "
                                           "(informational, not legal advice)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc != 2)
    {
      _rec_cli_error ("%s", argc < 2 ? _("letter: which case? Give one CASE.recourse")
                                     : _("letter: give exactly one CASE.recourse"));
      return REC_EXIT_USAGE;
    }

  g_date_clear (&as_of, 1);
  if (!check_options (&options, &kind, &pay_by) || !_rec_cli_parse_as_of (options.as_of, &as_of)
      || !_rec_cli_check_output (options.output, argv[1], REC_CLI_OUTPUT_DOCUMENT, FALSE))
    return REC_EXIT_USAGE;

  return write_letter (argv[1], &options, kind, &as_of, &pay_by);
}

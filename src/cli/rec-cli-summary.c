/* rec-cli-summary.c — `recourse summary CASE [--as-of DATE] [--json]` (spec/cli.md)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the case read-only, computes the arrears with its jurisdiction's
 * rules and prints them: --json is spec/arrears.md §8 exactly (never
 * localized); the text form is for people (aligned, localized).
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-rules.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* Pads `label` to `width` characters (not bytes: labels are translated). */
static void
append_row (GString    *out,
            const char *label,
            int         width,
            const char *value)
{
  glong len = g_utf8_strlen (label, -1);

  g_string_append_printf (out, "  %s", label);
  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "  %s\n", value);
}

typedef struct
{
  const char *label;
  RecCents    cents;
} AmountRow;

/* The amounts, labels padded to the widest, amounts right-aligned. */
static void
append_amounts (GString                *out,
                const RecArrearsResult *r)
{
  const AmountRow rows[] = {
    { _("Principal due"), r->principal_due_cents },
    { _("Paid"), r->paid_cents },
    { _("Paid to principal"), r->principal_paid_cents },
    { _("Paid to interest"), r->interest_paid_cents },
    { _("Credit (prepaid)"), r->credit_cents },
    { _("Principal balance"), r->principal_balance_cents },
    { _("Interest accrued"), r->interest_accrued_cents },
    { _("Interest balance"), r->interest_balance_cents },
    { _("Total balance"), r->total_balance_cents },
  };
  g_autofree char *texts[G_N_ELEMENTS (rows)] = { NULL, };
  int width = 0, amount_width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      texts[i] = rec_cents_format (rows[i].cents, r->currency);
      width = MAX (width, (int) g_utf8_strlen (rows[i].label, -1));
      amount_width = MAX (amount_width, (int) g_utf8_strlen (texts[i], -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *padded = g_strdup_printf ("%*s%s",
                                                 amount_width - (int) g_utf8_strlen (texts[i], -1),
                                                 "", texts[i]);

      append_row (out, rows[i].label, width, padded);
      g_free (texts[i]);
      texts[i] = NULL;
    }
}

static void
append_delinquency (GString                *out,
                    const RecArrearsResult *r)
{
  if (rec_date_is_set (&r->oldest_unpaid_due))
    {
      g_autofree char *date = rec_date_format (&r->oldest_unpaid_due);
      const char *format;

      /* Translators: %s is a date; %d a number of days */
      format = g_dngettext (GETTEXT_PACKAGE, "Oldest unpaid since %s: %d day delinquent",
                            "Oldest unpaid since %s: %d days delinquent",
                            (gulong) r->days_delinquent);
      g_string_append_printf (out, "\n  ");
      g_string_append_printf (out, format, date, r->days_delinquent);
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_printf (out, "\n  %s\n", _("Nothing is unpaid."));

  if (rec_date_is_set (&r->last_payment))
    {
      g_autofree char *date = rec_date_format (&r->last_payment);
      g_autofree char *amount = rec_cents_format (r->last_payment_cents, r->currency);

      g_string_append (out, "  ");
      /* Translators: the first %s is an amount such as $850.00, the second a date */
      g_string_append_printf (out, _("Last payment: %s on %s"), amount, date);
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_printf (out, "  %s\n", _("No payment recorded."));
}

static void
append_contempt (GString                *out,
                 const RecArrearsResult *r)
{
  guint n = r->contempt_counts->len;

  g_string_append (out, "\n");
  /* Translators: a heading; %u is a number of contempt counts (unpaid months) */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u contempt count (unpaid month)",
                                            "%u contempt counts (unpaid months)", n), n);
  g_string_append (out, "\n");

  for (guint i = 0; i < n; i++)
    {
      const RecContemptCount *count = &g_array_index (r->contempt_counts, RecContemptCount, i);
      g_autofree char *due = rec_cents_format (count->due_cents, r->currency);
      g_autofree char *unpaid = rec_cents_format (count->unpaid_cents, r->currency);
      char month[64];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (GDateMonth) count->month, (GDateYear) count->year);
      if (g_date_strftime (month, sizeof month, "%B %Y", &date) == 0)
        g_snprintf (month, sizeof month, "%04d-%02d", count->year, count->month);
      g_string_append (out, "  ");
      /* Translators: a month such as "January 2024", then two amounts */
      g_string_append_printf (out, _("%s: due %s, unpaid %s"), month, due, unpaid);
      g_string_append_c (out, '\n');
    }
}

static void
append_remedies (GString                *out,
                 const RecArrearsResult *r)
{
  int width = 0;

  g_string_append_printf (out, "\n%s\n", _("Enforcement remedies (informational, not legal advice)"));
  for (guint i = 0; i < r->remedies->len; i++)
    {
      const RecRemedyResult *remedy = &g_array_index (r->remedies, RecRemedyResult, i);

      width = MAX (width, (int) g_utf8_strlen (rec_remedy_label (remedy->remedy), -1));
    }

  for (guint i = 0; i < r->remedies->len; i++)
    {
      const RecRemedyResult *remedy = &g_array_index (r->remedies, RecRemedyResult, i);
      g_autofree char *value = NULL;

      value = g_strdup_printf ("%s %s — %s (%s)", remedy->eligible ? "✔" : "✘",
                               remedy->eligible ? _("eligible") : _("not eligible"),
                               remedy->reason_label, remedy->citation);
      append_row (out, rec_remedy_label (remedy->remedy), width, value);
    }
}

static char *
summary_text (const RecCaseData      *case_data,
              const RecRules         *rules,
              const RecArrearsResult *r)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *as_of = rec_date_format (&r->as_of);

  /* Translators: the first %s is a case title, the second a jurisdiction such as California */
  g_string_append_printf (out, _("%s — %s"), case_data->info->title, rec_rules_get_name (rules));
  g_string_append_c (out, '\n');
  /* Translators: %s is a date */
  g_string_append_printf (out, _("Arrears as of %s"), as_of);
  g_string_append (out, "\n\n");

  append_amounts (out, r);
  append_delinquency (out, r);
  append_contempt (out, r);
  append_remedies (out, r);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Exit status for a failure to open or read the case: a file that is not a
 * case, is damaged or too new is "the work failed" (spec/cli.md: 1, "a corrupt
 * file"); only a path that does not exist is bad usage. */
static int
load (const char   *path,
      RecCaseData **out_case,
      RecRules    **out_rules)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s”: no such case file"), path);
      return REC_EXIT_USAGE;
    }

  /* The store's messages name the file already. */
  store = rec_store_open (path, TRUE, &error);
  if (store == NULL || (*out_case = rec_store_load_ledger (store, &error)) == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  *out_rules = rec_rules_load ((*out_case)->info->jurisdiction, &error);
  if (*out_rules == NULL)
    {
      _rec_cli_error (_("%s: %s"), path, error->message);
      return REC_EXIT_FAILED;
    }
  return REC_EXIT_OK;
}

/* Exactly one CASE argument after the options. */
static gboolean
one_case (int    argc,
          char **argv)
{
  if (argc == 2)
    return TRUE;

  if (argc < 2)
    _rec_cli_error (_("missing CASE.recourse"));
  else
    /* Translators: %s is an argument the command did not expect */
    _rec_cli_error (_("unexpected argument “%s”"), argv[2]);
  /* Translators: %s is a verb such as "summary" */
  fprintf (stderr, _("Try “recourse %s --help”.\n"), "summary");
  return FALSE;
}

/* Loads, computes and prints; returns the exit status. */
static int
summarize (const char  *path,
           const GDate *as_of,
           gboolean     json)
{
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  if ((status = load (path, &case_data, &rules)) != REC_EXIT_OK)
    return status;

  result = rec_arrears_compute (case_data, rules, as_of, &error);
  if (result == NULL)
    {
      _rec_cli_error (_("%s: %s"), path, error->message);
      return error->code == REC_CORE_ERROR_INVALID ? REC_EXIT_USAGE : REC_EXIT_FAILED;
    }

  /* The JSON is exact (it escapes control characters); the text is for
   * people's terminals: no raw control or bidi character from the case. */
  if (json)
    text = rec_arrears_result_to_json (result);
  else
    {
      g_autofree char *raw = summary_text (case_data, rules, result);

      text = _rec_cli_printable (raw, FALSE);
    }
  if (!_rec_cli_write_atomically ("-", text, strlen (text), &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }
  return REC_EXIT_OK;
}

int
_rec_cli_summary (int    argc,
                  char **argv)
{
  g_autofree char *as_of_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Compute for this date (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (spec/arrears.md §8)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  int status = REC_EXIT_OK;
  GDate as_of;

  /* --help says "recourse summary [OPTION…] CASE.recourse". */
  g_set_prgname ("recourse summary");
  context = g_option_context_new (_("CASE.recourse"));
  g_option_context_set_summary (context, _("Show what is owed: principal, interest, "
                                           "contempt counts and enforcement remedies."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (!one_case (argc, argv))
    return REC_EXIT_USAGE;

  g_date_clear (&as_of, 1);
  if (!_rec_cli_parse_as_of (as_of_text, &as_of))
    return REC_EXIT_USAGE;

  return summarize (argv[1], &as_of, json);
}

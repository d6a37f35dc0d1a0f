/* rec-cli-summary.c — `recourse summary CASE [--as-of DATE] [--json]
 * [--payoff AMOUNT [--from DATE]]` (spec/cli.md, spec/arrears.md §10)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the case read-only, computes the arrears with its jurisdiction's
 * rules and prints them: --json is spec/arrears.md §8 exactly (never
 * localized); the text form is for people (aligned, localized). --payoff
 * adds the payoff projection: a "payoff" object at the end of the JSON, a
 * verdict and the month table after the text.
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-agency.h"
#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-payoff.h"
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

/* The arrears the agency last stated beside ours for the same day (issue 14
 * point 5), in the packet cover's words; nothing when none is recorded. */
static void
append_agency (GString           *out,
               const RecCaseData *case_data,
               const RecRules    *rules,
               const char        *currency)
{
  const RecRenderer renderer = { NULL, NULL, currency, NULL };
  g_autoptr(GError) error = NULL;
  RecAgencyComparison c;
  g_autofree char *date = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *explanation = NULL;
  const char *labels[3];
  RecCents amounts[3];
  int width = 0, amount_width = 0;

  if (!rec_agency_compare (case_data, rules, &c, &error))
    return;

  date = rec_date_format (&c.as_of);
  stated = g_strdup_printf (_("Agency’s stated arrears (%s)"), date);
  labels[0] = stated;
  labels[1] = _("Recourse for the same day");
  labels[2] = _("Difference");
  amounts[0] = c.agency_cents;
  amounts[1] = c.ours_cents;
  amounts[2] = c.difference_cents;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *text = rec_cents_format (amounts[i], currency);

      width = MAX (width, (int) g_utf8_strlen (labels[i], -1));
      amount_width = MAX (amount_width, (int) g_utf8_strlen (text, -1));
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *text = rec_cents_format (amounts[i], currency);
      g_autofree char *padded = g_strdup_printf ("%*s%s",
                                                 amount_width - (int) g_utf8_strlen (text, -1),
                                                 "", text);

      append_row (out, labels[i], width, padded);
    }
  explanation = rec_agency_comparison_text (&c, &renderer);
  g_string_append_printf (out, "  %s\n", explanation);
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

/* The payoff projection for people (spec/arrears.md §10) */

typedef struct
{
  const char *label;
  gboolean    left;          /* the date column; amounts are right-aligned */
} PayoffColumn;

#define PAYOFF_COLUMNS 5

static void
append_cell (GString    *out,
             const char *text,
             int         width,
             gboolean    left)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  g_string_append (out, "  ");
  if (!left)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (left)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

/* Month, payment, interest charged, principal balance, interest balance:
 * every column as wide as its widest cell. */
static void
append_payoff_table (GString         *out,
                     const RecPayoff *payoff,
                     const char      *currency)
{
  const PayoffColumn columns[PAYOFF_COLUMNS] = {
    { _("Month"), TRUE },
    { _("Payment"), FALSE },
    { _("Interest charged"), FALSE },
    { _("Principal balance"), FALSE },
    { _("Interest balance"), FALSE },
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  int widths[PAYOFF_COLUMNS];

  for (guint c = 0; c < PAYOFF_COLUMNS; c++)
    widths[c] = (int) g_utf8_strlen (columns[c].label, -1);
  for (guint i = 0; i < payoff->months; i++)
    {
      const RecPayoffMonth *m = &payoff->schedule[i];
      char *row[PAYOFF_COLUMNS] = {
        rec_date_format (&m->date),
        rec_cents_format (m->payment, currency),
        rec_cents_format (m->interest_charged, currency),
        rec_cents_format (m->principal_balance, currency),
        rec_cents_format (m->interest_balance, currency),
      };

      for (guint c = 0; c < PAYOFF_COLUMNS; c++)
        {
          widths[c] = MAX (widths[c], (int) g_utf8_strlen (row[c], -1));
          g_ptr_array_add (cells, row[c]);
        }
    }

  g_string_append_c (out, '\n');
  for (guint c = 0; c < PAYOFF_COLUMNS; c++)
    append_cell (out, columns[c].label, widths[c], columns[c].left);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < cells->len; i++)
    {
      guint c = i % PAYOFF_COLUMNS;

      append_cell (out, g_ptr_array_index (cells, i), widths[c], columns[c].left);
      if (c == PAYOFF_COLUMNS - 1)
        g_string_append_c (out, '\n');
    }
}

static void
append_payoff (GString         *out,
               const RecPayoff *payoff,
               RecCents         monthly,
               const char      *currency)
{
  g_autofree char *amount = rec_cents_format (monthly, currency);
  g_autofree char *interest = rec_cents_format (payoff->interest, currency);

  g_string_append_c (out, '\n');
  if (payoff->months == 0)
    {
      g_string_append_printf (out, "%s\n", _("Nothing is owed: there is nothing to pay off."));
      return;
    }

  {
    g_autofree char *from = rec_date_format (&payoff->schedule[0].date);

    /* Translators: a heading; the first %s is an amount such as $200.00, the second a date */
    g_string_append_printf (out, _("What if the payer pays %s more on the first of each month from %s"),
                            amount, from);
    g_string_append (out, "\n  ");
  }

  if (payoff->paid_off)
    {
      g_autofree char *date = rec_date_format (&payoff->paid_off_on);

      /* Translators: the first %s is a date; %u a number of months; the last %s an amount */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Paid off on %s, after %u month; interest until then: %s",
                                                "Paid off on %s, after %u months; interest until then: %s",
                                                payoff->months),
                              date, payoff->months, interest);
    }
  else
    {
      const RecPayoffMonth *first = &payoff->schedule[0];
      const RecPayoffMonth *last = &payoff->schedule[payoff->months - 1];

      /* Still falling at the cap, or never falling at all. */
      if (last->principal_balance + last->interest_balance
          < first->principal_balance + first->interest_balance)
        /* Translators: %u is a number of months (600) */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  "Not paid off within %u month at this amount.",
                                                  "Not paid off within %u months at this amount.",
                                                  payoff->months),
                                payoff->months);
      else
        g_string_append (out, _("Never at this amount: the payment does not outgrow "
                                "the interest and current support."));
      g_string_append (out, "\n  ");
      /* Translators: %u is a number of months; %s an amount */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Interest in %u month: %s",
                                                "Interest in %u months: %s",
                                                payoff->months),
                              payoff->months, interest);
    }
  g_string_append_c (out, '\n');
  append_payoff_table (out, payoff, currency);
}

/* The payoff projection as JSON (spec/arrears.md §10): never localized. */

static void
append_json_amount (GString    *out,
                    const char *key,
                    RecCents    cents,
                    const char *after)
{
  g_autofree char *text = rec_cents_to_string (cents);

  g_string_append_printf (out, "\"%s\": \"%s\"%s", key, text, after);
}

static char *
payoff_json (const RecPayoff *payoff)
{
  g_autoptr(GString) out = g_string_new ("{\n");
  char date[16];

  if (payoff->paid_off)
    {
      rec_date_to_iso_buf (&payoff->paid_off_on, date);
      g_string_append_printf (out, "    \"paid_off\": \"%s\",\n", date);
    }
  else
    g_string_append (out, "    \"paid_off\": null,\n");
  g_string_append_printf (out, "    \"months\": %u,\n    ", payoff->months);
  append_json_amount (out, "interest", payoff->interest, ",\n    \"schedule\": [");
  for (guint i = 0; i < payoff->months; i++)
    {
      const RecPayoffMonth *m = &payoff->schedule[i];

      rec_date_to_iso_buf (&m->date, date);
      g_string_append_printf (out, "%s\n      { \"date\": \"%s\", ", i ? "," : "", date);
      append_json_amount (out, "payment", m->payment, ", ");
      append_json_amount (out, "interest_charged", m->interest_charged, ", ");
      append_json_amount (out, "principal_balance", m->principal_balance, ", ");
      append_json_amount (out, "interest_balance", m->interest_balance, " }");
    }
  g_string_append (out, payoff->months ? "\n    ]\n  }" : "]\n  }");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The summary's JSON object with "payoff" added as its last member. */
static char *
json_with_payoff (const char      *summary,
                  const RecPayoff *payoff)
{
  g_autofree char *object = payoff_json (payoff);
  const char *close = strrchr (summary, '}');
  gsize keep;

  g_return_val_if_fail (close != NULL, NULL);
  keep = (gsize) (close - summary);
  while (keep > 0 && g_ascii_isspace (summary[keep - 1]))
    keep--;
  return g_strdup_printf ("%.*s,\n  \"payoff\": %s\n}\n", (int) keep, summary, object);
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
  append_agency (out, case_data, rules, r->currency);
  append_contempt (out, r);
  append_remedies (out, r);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The ledger of the case, read-only, with its rules (exit statuses as
 * _rec_cli_load_case_read_only says). */
static int
load (const char   *path,
      RecCaseData **out_case,
      RecRules    **out_rules)
{
  return _rec_cli_load_case_read_only (path, TRUE, NULL, out_case, out_rules);
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

/* What --payoff and --from asked for. */
typedef struct
{
  gboolean  wanted;
  RecCents  monthly;
  GDate     from;              /* cleared: the first of the month after as_of */
} PayoffRequest;

/* Loads, computes and prints; returns the exit status. */
static int
summarize (const char          *path,
           const GDate         *as_of,
           gboolean             json,
           const PayoffRequest *request)
{
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecPayoff) payoff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  if ((status = load (path, &case_data, &rules)) != REC_EXIT_OK)
    return status;

  result = rec_arrears_compute (case_data, rules, as_of, &error);
  if (result != NULL && request->wanted)
    payoff = rec_payoff_compute (case_data, rules, as_of, request->monthly, &request->from, &error);
  if (result == NULL || (request->wanted && payoff == NULL))
    {
      _rec_cli_error (_("%s: %s"), path, error->message);
      return error->code == REC_CORE_ERROR_INVALID ? REC_EXIT_USAGE : REC_EXIT_FAILED;
    }

  /* The JSON is exact (it escapes control characters); the text is for
   * people's terminals: no raw control or bidi character from the case. */
  if (json)
    {
      text = rec_arrears_result_to_json (result);
      if (payoff != NULL)
        {
          char *with = json_with_payoff (text, payoff);

          g_free (text);
          text = with;
        }
    }
  else
    {
      g_autofree char *raw = summary_text (case_data, rules, result);

      if (payoff != NULL)
        {
          g_autoptr(GString) more = g_string_new (raw);

          append_payoff (more, payoff, request->monthly, result->currency);
          g_free (raw);
          raw = g_string_free (g_steal_pointer (&more), FALSE);
        }
      text = _rec_cli_printable (raw, FALSE);
    }
  if (!_rec_cli_write_atomically ("-", text, strlen (text), &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }
  return REC_EXIT_OK;
}

/* --payoff AMOUNT (more than zero) and --from DATE (after as_of, only with
 * --payoff); prints the one-line reason and returns FALSE on bad usage. */
static gboolean
parse_payoff (const char    *payoff_text,
              const char    *from_text,
              const GDate   *as_of,
              PayoffRequest *request)
{
  g_autoptr(GError) error = NULL;

  request->wanted = payoff_text != NULL;
  request->monthly = 0;
  g_date_clear (&request->from, 1);

  if (payoff_text == NULL)
    {
      if (from_text != NULL)
        {
          _rec_cli_error (_("--from: only with --payoff"));
          return FALSE;
        }
      return TRUE;
    }

  if (!_rec_cli_parse_amount ("--payoff", payoff_text, &request->monthly))
    return FALSE;
  if (request->monthly <= 0)
    {
      /* Translators: %s is the amount the user gave */
      _rec_cli_error (_("--payoff: \"%s\" is not more than zero"), payoff_text);
      return FALSE;
    }

  if (from_text != NULL)
    {
      char as_of_iso[16];

      if (!rec_date_parse (from_text, &request->from, &error))
        {
          /* Translators: %s explains what is wrong with the date */
          _rec_cli_error (_("--from: %s"), error->message);
          return FALSE;
        }
      if (rec_date_compare (&request->from, as_of) <= 0)
        {
          rec_date_to_iso_buf (as_of, as_of_iso);
          /* Translators: both %s are dates (YYYY-MM-DD) */
          _rec_cli_error (_("--from: %s is not after the as-of date %s"), from_text, as_of_iso);
          return FALSE;
        }
    }
  return TRUE;
}

int
_rec_cli_summary (int    argc,
                  char **argv)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *payoff_text = NULL;
  g_autofree char *from_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Compute for this date (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (spec/arrears.md §8)"), NULL },
    { "payoff", 0, 0, G_OPTION_ARG_STRING, &payoff_text,
      N_("Project the payoff with this much more paid each month"), N_("AMOUNT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First month of the payoff payments (default: next month)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  int status = REC_EXIT_OK;
  PayoffRequest request;
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
  if (!_rec_cli_parse_as_of (as_of_text, &as_of)
      || !parse_payoff (payoff_text, from_text, &as_of, &request))
    return REC_EXIT_USAGE;

  return summarize (argv[1], &as_of, json, &request);
}

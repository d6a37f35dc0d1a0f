/* rec-report.c — the packet's snapshot, its cover and summary, and writing it
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report.h"
#include "rec-report-private.h"

#include "rec-attachment.h"
#include "rec-date.h"
#include "rec-money.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define CHART_HEIGHT 170.0
/* As the labels (rec-report-labels.c): straight to libintl, whose answer
 * follows the packet's language; g_dngettext may have decided not to
 * translate at all. The name stays for xgettext. */
#define g_dngettext dngettext

/* The payoff table shows its first months; a line says how many more. */
#define PAYOFF_ROWS  24

/* Snapshot */

static GArray *
copy_array (GArray *array)
{
  GArray *copy;

  if (array == NULL)
    return NULL;

  copy = g_array_sized_new (FALSE, TRUE, g_array_get_element_size (array), array->len);
  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

/* Maps every entity of `from` to its copy in `to` (same order). */
static GHashTable *
map_sources (const RecCaseData *from,
             const RecCaseData *to)
{
  GHashTable *map = g_hash_table_new (NULL, NULL);
  GPtrArray *pairs[][2] = {
    { from->terms, to->terms },
    { from->charges, to->charges },
    { from->payments, to->payments },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    for (guint i = 0; i < pairs[p][0]->len && i < pairs[p][1]->len; i++)
      g_hash_table_insert (map, g_ptr_array_index (pairs[p][0], i),
                           g_ptr_array_index (pairs[p][1], i));

  return map;
}

static RecArrearsResult *
copy_result (const RecArrearsResult *result,
             const RecCaseData      *from,
             const RecCaseData      *to)
{
  RecArrearsResult *copy = g_new (RecArrearsResult, 1);
  g_autoptr(GHashTable) map = map_sources (from, to);

  *copy = *result;
  copy->currency = g_strdup (result->currency);
  copy->contempt_counts = copy_array (result->contempt_counts);
  copy->history = copy_array (result->history);
  copy->history_by_kind = result->history_by_kind != NULL
                          ? rec_arrears_history_by_kind_copy (result->history_by_kind) : NULL;
  copy->history_interest_paid = copy_array (result->history_interest_paid);
  copy->balance_points = copy_array (result->balance_points);
  copy->ledger = copy_array (result->ledger);
  copy->remedies = copy_array (result->remedies);

  for (guint i = 0; copy->remedies != NULL && i < copy->remedies->len; i++)
    rec_remedy_result_copy (&g_array_index (copy->remedies, RecRemedyResult, i),
                            &g_array_index (result->remedies, RecRemedyResult, i));
  for (guint i = 0; copy->ledger != NULL && i < copy->ledger->len; i++)
    {
      RecLedgerLine *line = &g_array_index (copy->ledger, RecLedgerLine, i);

      line->source = g_hash_table_lookup (map, line->source);
    }

  return copy;
}

static void
free_result_copy (RecArrearsResult *copy)
{
  if (copy == NULL)
    return;

  for (guint i = 0; copy->remedies != NULL && i < copy->remedies->len; i++)
    rec_remedy_result_clear (&g_array_index (copy->remedies, RecRemedyResult, i));
  g_clear_pointer (&copy->contempt_counts, g_array_unref);
  g_clear_pointer (&copy->history, g_array_unref);
  g_clear_pointer (&copy->history_by_kind, g_array_unref);
  g_clear_pointer (&copy->history_interest_paid, g_array_unref);
  g_clear_pointer (&copy->balance_points, g_array_unref);
  g_clear_pointer (&copy->ledger, g_array_unref);
  g_clear_pointer (&copy->remedies, g_array_unref);
  g_free (copy->currency);
  g_free (copy);
}

RecPdfPaper
rec_report_default_paper (const char *jurisdiction)
{
  if (jurisdiction == NULL || g_str_has_prefix (jurisdiction, "us-") || g_str_equal (jurisdiction, "us"))
    return REC_PDF_PAPER_LETTER;

  return REC_PDF_PAPER_A4;
}

/* Fields longer than a packet can sensibly show (a 65 000-character title,
 * a 100 MB summary) are cut in the snapshot, with a note in the packet's
 * language: the PDF stays readable and within what libharu can hold. */
static void
bound (char  **field,
       guint   max_chars,
       guint   max_lines)
{
  char *cut = _rec_report_bound_text (*field, max_chars, max_lines);

  if (cut != NULL)
    {
      g_free (*field);
      *field = cut;
    }
}

static void
bound_party (RecParty *party)
{
  bound (&party->name, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&party->address, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&party->phone, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&party->email, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&party->employer, SHORT_MAX_CHARS, SHORT_MAX_LINES);
}

static void
bound_snapshot (RecCaseData      *data,
                RecArrearsResult *result)
{
  RecCaseInfo *info = data->info;

  bound (&info->title, TITLE_MAX_CHARS, TITLE_MAX_LINES);
  bound (&info->court, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&info->court_case_number, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound (&info->agency_case_number, SHORT_MAX_CHARS, SHORT_MAX_LINES);
  bound_party (&info->obligor);
  bound_party (&info->obligee);

  for (guint i = 0; i < data->children->len; i++)
    {
      RecChild *child = g_ptr_array_index (data->children, i);

      bound (&child->name, SHORT_MAX_CHARS, SHORT_MAX_LINES);
    }
  for (guint i = 0; i < data->terms->len; i++)
    {
      RecTerm *term = g_ptr_array_index (data->terms, i);

      bound (&term->reference, SHORT_MAX_CHARS, SHORT_MAX_LINES);
      bound (&term->notes, LONG_MAX_CHARS, LONG_MAX_LINES);
    }
  for (guint i = 0; i < data->charges->len; i++)
    {
      RecCharge *charge = g_ptr_array_index (data->charges, i);

      bound (&charge->description, LONG_MAX_CHARS, LONG_MAX_LINES);
    }
  for (guint i = 0; i < data->payments->len; i++)
    {
      RecPayment *payment = g_ptr_array_index (data->payments, i);

      bound (&payment->reference, SHORT_MAX_CHARS, SHORT_MAX_LINES);
    }
  for (guint i = 0; i < data->communications->len; i++)
    {
      RecCommunication *c = g_ptr_array_index (data->communications, i);

      bound (&c->at, SHORT_MAX_CHARS, 1);
      bound (&c->with, SHORT_MAX_CHARS, SHORT_MAX_LINES);
      bound (&c->subject, SHORT_MAX_CHARS, SHORT_MAX_LINES);
      bound (&c->summary, LONG_MAX_CHARS, LONG_MAX_LINES);
    }
  for (guint i = 0; i < data->enforcement->len; i++)
    {
      RecEnforcementStep *step = g_ptr_array_index (data->enforcement, i);

      bound (&step->agency, SHORT_MAX_CHARS, SHORT_MAX_LINES);
      bound (&step->reference, SHORT_MAX_CHARS, SHORT_MAX_LINES);
      bound (&step->notes, LONG_MAX_CHARS, LONG_MAX_LINES);
    }
  /* The rules file's words, which a file from someone else could also hold. */
  for (guint i = 0; result->remedies != NULL && i < result->remedies->len; i++)
    {
      RecRemedyResult *remedy = &g_array_index (result->remedies, RecRemedyResult, i);

      bound (&remedy->reason, LONG_MAX_CHARS, LONG_MAX_LINES);
      bound (&remedy->reason_label, LONG_MAX_CHARS, LONG_MAX_LINES);
      bound (&remedy->citation, SHORT_MAX_CHARS, SHORT_MAX_LINES);
    }
}

static const char *
translate_now (const char *context,
               const char *msgid,
               gpointer    user_data)
{
  return _rec_report_translate (context, msgid);
}

/* The engine's reasons in the packet's language (pushed by the caller), from
 * their templates and figures: whatever language the engine ran in. */
static void
render_reasons (RecArrearsResult *result)
{
  const RecRenderer renderer = { translate_now, NULL, result->currency, NULL };

  for (guint i = 0; result->remedies != NULL && i < result->remedies->len; i++)
    {
      RecRemedyResult *remedy = &g_array_index (result->remedies, RecRemedyResult, i);

      g_free (remedy->reason_label);
      remedy->reason_label = rec_remedy_result_render_reason (remedy, &renderer);
    }
}

/* The rules' words, in the current gettext language. */
static void
snapshot_rules (RecReportInput *input,
                const RecRules *rules)
{
  RecCaseInfo *info = input->case_data->info;

  g_clear_pointer (&input->state_name, g_free);
  g_clear_pointer (&input->history_form, g_free);
  g_clear_pointer (&input->contempt_form, g_free);
  g_date_clear (&input->rules_verified, 1);
  input->no_automatic_interest = FALSE;
  input->no_contempt_time_bar = FALSE;
  _rec_report_agency_snapshot (input, rules);
  if (rules == NULL)
    return;

  input->state_name = g_strdup (rec_report_state_name (rec_rules_get_id (rules),
                                                       rec_rules_get_name (rules)));
  bound (&input->state_name, SHORT_MAX_CHARS, 1);
  input->history_form = g_strdup (rec_rules_get_history_form (rules));
  bound (&input->history_form, SHORT_MAX_CHARS, 1);
  input->contempt_form = g_strdup (rec_rules_get_contempt_form (rules));
  bound (&input->contempt_form, SHORT_MAX_CHARS, 1);
  if (rec_rules_get_verified (rules) != NULL
      && !rec_date_parse (rec_rules_get_verified (rules), &input->rules_verified, NULL))
    g_date_clear (&input->rules_verified, 1);
  input->no_automatic_interest = !rec_rules_has_automatic_interest (rules, info->agency_enforced);
  input->no_contempt_time_bar = !rec_rules_has_contempt_time_bar (rules);
}

/* The rules of the case's jurisdiction, when Recourse has them. */
static void
snapshot_jurisdiction (RecReportInput *input)
{
  const char *jurisdiction = input->case_data->info->jurisdiction;
  g_autoptr(RecRules) rules = NULL;

  if (jurisdiction != NULL && rec_rules_exists (jurisdiction))
    rules = rec_rules_load (jurisdiction, NULL);
  snapshot_rules (input, rules);
}

static RecReportInput *
input_new (RecCaseData      *case_data,
           RecArrearsResult *result,
           const char       *lang,
           RecPdfPaper       paper,
           const GDate      *prepared)
{
  RecReportInput *input = g_new0 (RecReportInput, 1);
  RecReportLanguage *language;

  input->case_data = case_data;
  input->result = result;
  input->as_of = result->as_of;
  input->prepared_at = g_date_time_new_now_local ();
  if (prepared != NULL && rec_date_is_set (prepared))
    input->prepared = *prepared;
  else
    rec_date_set_today (&input->prepared);
  input->paper = paper;
  input->lang = g_strdup (lang);

  language = rec_report_language_push (lang);
  input->labels = _rec_report_labels_collect ();
  render_reasons (result);
  bound_snapshot (case_data, result);
  snapshot_jurisdiction (input);
  rec_report_language_pop (language);

  return input;
}

RecReportInput *
rec_report_input_new (const RecCaseData      *case_data,
                      const RecArrearsResult *result,
                      const char             *lang,
                      RecPdfPaper             paper,
                      const GDate            *prepared)
{
  RecCaseData *copy;

  g_return_val_if_fail (case_data != NULL && result != NULL, NULL);

  copy = rec_case_data_copy (case_data);
  return input_new (copy, copy_result (result, case_data, copy), lang, paper, prepared);
}

RecReportInput *
rec_report_input_new_take (RecCaseData      *case_data,
                           RecArrearsResult *result,
                           const char       *lang,
                           RecPdfPaper       paper,
                           const GDate      *prepared)
{
  RecReportInput *input;

  g_return_val_if_fail (case_data != NULL && result != NULL, NULL);

  input = input_new (case_data, result, lang, paper, prepared);
  input->result_from_engine = TRUE;
  return input;
}

void
rec_report_input_set_rules (RecReportInput *input,
                            const RecRules *rules)
{
  RecReportLanguage *language;

  g_return_if_fail (input != NULL);

  language = rec_report_language_push (input->lang);
  snapshot_rules (input, rules);
  rec_report_language_pop (language);
}

void
rec_report_input_set_payoff (RecReportInput *input,
                             RecPayoff      *payoff,
                             RecCents        monthly)
{
  RecReportLanguage *language;
  guint more;

  g_return_if_fail (input != NULL);

  g_clear_pointer (&input->payoff, rec_payoff_free);
  g_clear_pointer (&input->labels->payoff_more, g_free);
  input->payoff = payoff;
  input->payoff_monthly = monthly;
  if (payoff == NULL || payoff->months <= PAYOFF_ROWS)
    return;

  more = payoff->months - PAYOFF_ROWS;
  language = rec_report_language_push (input->lang);
  input->labels->payoff_more =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: under the first months of a payoff table; %u is how many months it leaves out */
                                  "and %u more month", "and %u more months", more),
                     more);
  rec_report_language_pop (language);
}

/* "1 234 567": the entry count as spec/evidence.md writes it. */
static char *
group_digits (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

void
rec_report_input_set_fingerprint (RecReportInput *input,
                                  const char     *hash,
                                  guint64         entries)
{
  g_autofree char *short_form = NULL;
  g_autofree char *count = NULL;
  RecReportLanguage *language;

  g_return_if_fail (input != NULL);

  g_clear_pointer (&input->fingerprint, g_free);
  g_clear_pointer (&input->fingerprint_text, g_free);
  g_clear_pointer (&input->fingerprint_footer, g_free);
  input->fingerprint_entries = 0;
  short_form = hash != NULL ? rec_fingerprint_format (hash) : NULL;
  if (short_form == NULL)
    return;

  input->fingerprint = g_ascii_strdown (hash, -1);
  input->fingerprint_entries = entries;
  count = group_digits (entries);
  language = rec_report_language_push (input->lang);
  input->fingerprint_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: on the packet's cover; the first %s is a fingerprint ("3F2A-91C0-77DE-0B14"), the second a number of entries ("1 234") */
                                  "Fingerprint of the case history: %s, after %s entry.",
                                  "Fingerprint of the case history: %s, after %s entries.",
                                  (gulong) MIN (entries, G_MAXULONG)),
                     short_form, count);
  input->fingerprint_footer =
    /* Translators: in every page's footer; %s is a fingerprint ("3F2A-91C0-77DE-0B14") */
    g_strdup_printf (dgettext (GETTEXT_PACKAGE, "Fingerprint %s"), short_form);
  rec_report_language_pop (language);
}

static void
kept_source_free (RecReportKeptSource *kept)
{
  g_free (kept->text);
  g_free (kept);
}

/* "20 372 messages" or "12 payments" (transfer full). */
static char *
kept_records_text (guint    n_records,
                   gboolean messages)
{
  g_autofree char *count = group_digits (n_records);

  return messages
    /* Translators: what a file kept by the user gave the case; %s is a number ("20 372") */
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s message", "%s messages", n_records), count)
    /* Translators: what a statement kept by the user gave the case; %s is a number ("12") */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s payment", "%s payments", n_records), count);
}

void
rec_report_input_add_kept_source (RecReportInput *input,
                                  const char     *name,
                                  const char     *sha256,
                                  gint64          size,
                                  guint           n_records,
                                  gboolean        messages)
{
  RecReportKeptSource *kept;
  g_autofree char *records = NULL;
  RecReportLanguage *language;

  g_return_if_fail (input != NULL);
  g_return_if_fail (name != NULL && sha256 != NULL && strlen (sha256) == 64);

  kept = g_new0 (RecReportKeptSource, 1);
  g_strlcpy (kept->sha256, sha256, sizeof kept->sha256);
  language = rec_report_language_push (input->lang);
  records = kept_records_text (n_records, messages);
  if (size > 0)
    {
      g_autofree char *bytes = g_format_size ((guint64) size);

      kept->text = g_strdup_printf (
        /* Translators: a row of the packet's exhibit index: a file name, its size ("1.1 GB"), what it gave ("20 372 messages") */
        dgettext (GETTEXT_PACKAGE, "%s — %s, %s, kept by the user (too large to store in the case)"),
        name, bytes, records);
    }
  else
    kept->text = g_strdup_printf (
      /* Translators: a row of the packet's exhibit index: a file name, what it gave ("20 372 messages") */
      dgettext (GETTEXT_PACKAGE, "%s — %s, kept by the user (too large to store in the case)"),
      name, records);
  rec_report_language_pop (language);

  if (input->kept_sources == NULL)
    input->kept_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_source_free);
  g_ptr_array_add (input->kept_sources, kept);
}

void
rec_report_input_set_bates (RecReportInput *input,
                            const char     *prefix)
{
  g_return_if_fail (input != NULL);

  g_free (input->bates_prefix);
  input->bates_prefix = prefix != NULL && *prefix != '\0' ? g_strdup (prefix) : NULL;
}

void
rec_report_input_set_history_altered (RecReportInput *input,
                                      gboolean        altered)
{
  g_return_if_fail (input != NULL);

  input->history_altered = altered;
}

void
rec_report_input_set_history_check (RecReportInput        *input,
                                    RecReportHistoryCheck  check,
                                    gpointer               user_data)
{
  g_return_if_fail (input != NULL);

  input->history_check = check;
  input->history_check_data = user_data;
}

void
rec_report_input_set_originals (RecReportInput *input,
                                gboolean        embed)
{
  g_return_if_fail (input != NULL);

  input->no_originals = !embed;
}

/* Replaces every occurrence of `secret` in *field by `withheld`. */
static void
scrub (char       **field,
       const char  *secret,
       const char  *withheld)
{
  g_autoptr(GString) text = NULL;

  if (*field == NULL || secret == NULL || *secret == '\0' || strstr (*field, secret) == NULL)
    return;

  text = g_string_new (*field);
  g_string_replace (text, secret, withheld, 0);
  g_free (*field);
  *field = g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every text of the snapshot a person wrote, but the withheld fields. */
static GPtrArray *
snapshot_texts (RecCaseData *data)
{
  GPtrArray *fields = g_ptr_array_new ();
  RecCaseInfo *info = data->info;
  RecParty *parties[] = { &info->obligor, &info->obligee };

  g_ptr_array_add (fields, &info->title);
  g_ptr_array_add (fields, &info->court);
  g_ptr_array_add (fields, &info->court_case_number);
  g_ptr_array_add (fields, &info->agency_case_number);
  for (guint p = 0; p < G_N_ELEMENTS (parties); p++)
    {
      g_ptr_array_add (fields, &parties[p]->name);
      g_ptr_array_add (fields, &parties[p]->email);
      g_ptr_array_add (fields, &parties[p]->employer);
    }
  g_ptr_array_add (fields, &info->obligor.address);
  g_ptr_array_add (fields, &info->obligor.phone);
  for (guint i = 0; i < data->children->len; i++)
    g_ptr_array_add (fields, &((RecChild *) g_ptr_array_index (data->children, i))->name);
  for (guint i = 0; i < data->terms->len; i++)
    {
      RecTerm *term = g_ptr_array_index (data->terms, i);

      g_ptr_array_add (fields, &term->reference);
      g_ptr_array_add (fields, &term->notes);
    }
  for (guint i = 0; i < data->charges->len; i++)
    g_ptr_array_add (fields, &((RecCharge *) g_ptr_array_index (data->charges, i))->description);
  for (guint i = 0; i < data->payments->len; i++)
    g_ptr_array_add (fields, &((RecPayment *) g_ptr_array_index (data->payments, i))->reference);
  for (guint i = 0; i < data->communications->len; i++)
    {
      RecCommunication *c = g_ptr_array_index (data->communications, i);

      g_ptr_array_add (fields, &c->with);
      g_ptr_array_add (fields, &c->subject);
      g_ptr_array_add (fields, &c->summary);
    }
  for (guint i = 0; i < data->enforcement->len; i++)
    {
      RecEnforcementStep *step = g_ptr_array_index (data->enforcement, i);

      g_ptr_array_add (fields, &step->agency);
      g_ptr_array_add (fields, &step->reference);
      g_ptr_array_add (fields, &step->notes);
    }

  return fields;
}

void
rec_report_input_set_withhold_address (RecReportInput *input,
                                       gboolean        withhold)
{
  RecParty *obligee;
  const char *withheld;
  g_autoptr(GPtrArray) secrets = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (input != NULL);

  input->withhold_address = withhold;
  if (!withhold)
    return;

  obligee = &input->case_data->info->obligee;
  withheld = input->labels->withheld;
  /* The whole address, then each of its lines alone, and the phone. */
  secrets = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (secrets, g_strdup (obligee->address));
  lines = g_strsplit (obligee->address, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (g_utf8_strlen (lines[i], -1) >= 4)
        g_ptr_array_add (secrets, g_strdup (lines[i]));
    }
  g_ptr_array_add (secrets, g_strdup (obligee->phone));

  fields = snapshot_texts (input->case_data);
  for (guint f = 0; f < fields->len; f++)
    for (guint s = 0; s < secrets->len; s++)
      scrub (g_ptr_array_index (fields, f), g_ptr_array_index (secrets, s), withheld);

  /* The cover shows the word itself; nothing of them stays in the snapshot. */
  if (*obligee->address != '\0')
    {
      g_free (obligee->address);
      obligee->address = g_strdup (withheld);
    }
  if (*obligee->phone != '\0')
    {
      g_free (obligee->phone);
      obligee->phone = g_strdup (withheld);
    }
}

void
rec_report_input_free (RecReportInput *input)
{
  if (input == NULL)
    return;

  if (input->result_from_engine)
    rec_arrears_result_free (input->result);
  else
    free_result_copy (input->result);
  rec_case_data_free (input->case_data);
  g_clear_pointer (&input->prepared_at, g_date_time_unref);
  g_free (input->lang);
  g_free (input->state_name);
  g_free (input->history_form);
  g_free (input->contempt_form);
  g_clear_pointer (&input->payoff, rec_payoff_free);
  g_free (input->bates_prefix);
  g_free (input->fingerprint);
  g_free (input->fingerprint_text);
  g_free (input->fingerprint_footer);
  g_clear_pointer (&input->kept_sources, g_ptr_array_unref);
  _rec_report_agency_free (input->agency);
  _rec_report_labels_free (input->labels);
  g_free (input);
}

/* Shared helpers */

/* Money and dates, fast */

/* Appends the decimal digits of `value`, a thousands separator (NULL: none)
 * between groups of three. */
static void
append_digits (GString    *out,
               guint64     value,
               const char *group)
{
  char digits[24];
  int len = 0;

  do
    {
      digits[len++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  for (int i = len - 1; i >= 0; i--)
    {
      g_string_append_c (out, digits[i]);
      if (group != NULL && i > 0 && i % 3 == 0)
        g_string_append (out, group);
    }
}

void
_rec_money_form_append (const RecMoneyForm *form,
                        RecCents            cents,
                        GString            *out)
{
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  guint hundredths = (guint) (magnitude % 100);

  g_string_append (out, form->before[cents < 0]);
  append_digits (out, magnitude / 100, form->group);
  g_string_append (out, form->decimal);
  g_string_append_c (out, (char) ('0' + hundredths / 10));
  g_string_append_c (out, (char) ('0' + hundredths % 10));
  g_string_append (out, form->after[cents < 0]);
}

/* Copies [from, to) of the probe into a field; FALSE when it does not fit. */
static gboolean
take (char       *field,
      gsize       size,
      const char *from,
      const char *to)
{
  if (to < from || (gsize) (to - from) >= size)
    return FALSE;
  memcpy (field, from, to - from);
  field[to - from] = '\0';
  return TRUE;
}

/* Reads "BEFORE1G234G567D89AFTER" (123 456 789 cents) into the form. */
static gboolean
read_probe (RecMoneyForm *form,
            const char   *probe,
            int           sign)
{
  const char *one = strchr (probe, '1');
  const char *two = one != NULL ? strstr (one, "234") : NULL;
  const char *five = two != NULL ? strstr (two, "567") : NULL;
  const char *eight = five != NULL ? strstr (five, "89") : NULL;
  char second_group[8];

  return eight != NULL
         && take (form->before[sign], sizeof form->before[sign], probe, one)
         && take (form->group, sizeof form->group, one + 1, two)
         && take (second_group, sizeof second_group, two + 3, five)
         && g_str_equal (second_group, form->group)
         && take (form->decimal, sizeof form->decimal, five + 3, eight)
         && take (form->after[sign], sizeof form->after[sign], eight + 2, eight + strlen (eight));
}

/* What rec_cents_format writes, learned from it and checked against it. */
void
_rec_money_form_init (RecMoneyForm *form,
                      const char   *currency)
{
  static const RecCents checks[] = { 0, 5, -5, 99, 100, 99999, 100000, -123456, REC_CENTS_MAX, -REC_CENTS_MAX };
  g_autofree char *positive = rec_cents_format (123456789, currency);
  g_autofree char *negative = rec_cents_format (-123456789, currency);

  memset (form, 0, sizeof *form);
  if (!read_probe (form, positive, 0) || !read_probe (form, negative, 1))
    return;

  form->valid = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (checks) && form->valid; i++)
    {
      g_autofree char *expected = rec_cents_format (checks[i], currency);
      g_autoptr(GString) got = g_string_new (NULL);

      _rec_money_form_append (form, checks[i], got);
      form->valid = g_str_equal (got->str, expected);
    }
}

void
_rec_date_form_append (const RecDateForm *form,
                       const GDate       *date,
                       GString           *out)
{
  for (const char *p = form->format; *p != '\0'; p++)
    {
      int value;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 'Y')
        {
          append_digits (out, g_date_get_year (date), NULL);
          continue;
        }
      value = *p == 'd' ? g_date_get_day (date) : (int) g_date_get_month (date);
      g_string_append_c (out, (char) ('0' + value / 10));
      g_string_append_c (out, (char) ('0' + value % 10));
    }
}

void
_rec_date_form_init (RecDateForm *form,
                     const char  *format)
{
  memset (form, 0, sizeof *form);
  if (format == NULL || strlen (format) >= sizeof form->format)
    return;
  for (const char *p = format; *p != '\0'; p++)
    if (*p == '%' && (p[1] != 'd' && p[1] != 'm' && p[1] != 'Y'))
      return;
    else if (*p == '%')
      p++;
  strcpy (form->format, format);

  /* Checked against strftime, as the money against rec_cents_format. */
  {
    g_autoptr(GString) got = g_string_new (NULL);
    char expected[64];
    GDate probe;

    g_date_clear (&probe, 1);
    g_date_set_dmy (&probe, 5, G_DATE_NOVEMBER, 2024);
    _rec_date_form_append (form, &probe, got);
    form->valid = g_date_strftime (expected, sizeof expected, format, &probe) > 0
                  && g_str_equal (got->str, expected);
  }
}

char *
_rec_packet_money (const RecPacket *packet,
                   RecCents         cents)
{
  GString *text;

  if (!packet->money.valid)
    return rec_cents_format (cents, packet->result->currency);

  text = g_string_sized_new (24);
  _rec_money_form_append (&packet->money, cents, text);
  return g_string_free (text, FALSE);
}

char *
_rec_packet_date (const RecPacket *packet,
                  const GDate     *date)
{
  return _rec_packet_local_date (packet, date);
}

char *
_rec_packet_local_date (const RecPacket *packet,
                        const GDate     *date)
{
  char buf[128];

  if (!rec_date_is_set (date))
    return g_strdup (packet->labels->none);
  if (packet->date.valid)
    {
      GString *text = g_string_sized_new (16);

      _rec_date_form_append (&packet->date, date, text);
      return g_string_free (text, FALSE);
    }
  if (g_date_strftime (buf, sizeof buf, packet->labels->date_format, date) == 0)
    rec_date_to_iso_buf (date, buf);

  return g_strdup (buf);
}

void
_rec_packet_section (const RecPacket *packet,
                     const char      *title)
{
  rec_pdf_new_page (packet->pdf);
  rec_pdf_outline_add (packet->pdf, title);
  rec_pdf_heading (packet->pdf, title, H1_SIZE, 0.0);
  rec_pdf_skip (packet->pdf, 4.0);
}

char *
_rec_packet_with_exhibits (const RecPacket *packet,
                           gconstpointer    record,
                           char            *text)
{
  const char *refs = packet->exhibit_refs != NULL && record != NULL
                     ? g_hash_table_lookup (packet->exhibit_refs, record) : NULL;
  char *with;

  if (refs == NULL)
    return text;
  with = g_strdup_printf ("%s\n%s", text, refs);
  g_free (text);
  return with;
}

static const char *
or_none (const RecPacket *packet,
         const char      *text)
{
  return text != NULL && *text != '\0' ? text : packet->labels->none;
}

/* Cover */

static RecPdfTable *
new_key_value_table (const RecPacket *packet,
                     double           key_weight)
{
  const RecPdfColumn columns[] = {
    { NULL, key_weight, REC_PDF_ALIGN_LEFT },
    { NULL, 10.0 - key_weight, REC_PDF_ALIGN_LEFT },
  };

  return rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE + 0.5);
}

static void
key_value (RecPdfTable *table,
           const char  *key,
           const char  *value)
{
  const char *cells[] = { key, value };

  rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
}

static void
write_party (const RecPacket *packet,
             const char      *title,
             const RecParty  *party)
{
  const RecReportLabels *l = packet->labels;
  RecPdfTable *table;

  rec_pdf_heading (packet->pdf, title, H2_SIZE, 40.0);
  table = new_key_value_table (packet, 3.0);
  key_value (table, l->name, or_none (packet, party->name));
  if (*party->address != '\0')
    key_value (table, l->address, party->address);
  if (*party->phone != '\0')
    key_value (table, l->phone, party->phone);
  if (*party->email != '\0')
    key_value (table, l->email, party->email);
  if (*party->employer != '\0')
    key_value (table, l->employer, party->employer);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 10.0);
}

static void
write_case_facts (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  RecCaseInfo *info = packet->input->case_data->info;
  g_autofree char *as_of = _rec_packet_date (packet, &packet->input->as_of);
  g_autofree char *prepared = _rec_packet_date (packet, &packet->input->prepared);
  RecPdfTable *table = new_key_value_table (packet, 3.0);

  if (packet->input->state_name != NULL)
    key_value (table, l->state, packet->input->state_name);
  key_value (table, l->court, or_none (packet, info->court));
  key_value (table, l->court_case_number, or_none (packet, info->court_case_number));
  if (*info->agency_case_number != '\0')
    key_value (table, l->agency_case_number, info->agency_case_number);
  key_value (table, l->as_of, as_of);
  key_value (table, l->prepared, prepared);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 10.0);
}

static void
write_children (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GPtrArray *children = packet->input->case_data->children;
  RecPdfTable *table;

  if (children->len == 0)
    return;

  rec_pdf_heading (packet->pdf, l->children, H2_SIZE, 40.0);
  table = new_key_value_table (packet, 3.0);
  for (guint i = 0; i < children->len; i++)
    {
      RecChild *child = g_ptr_array_index (children, i);
      g_autofree char *born = NULL;

      if (rec_date_is_set (&child->birth_date))
        {
          g_autofree char *date = _rec_packet_local_date (packet, &child->birth_date);

          born = g_strdup_printf ("%s %s", l->born, date);
        }
      key_value (table, or_none (packet, child->name), born ? born : "");
    }
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 10.0);
}

/* A label and an amount, which this frees. */
void
_rec_packet_total_row (RecPdfTable    *table,
                       const char     *label,
                       char           *amount,
                       RecPdfRowFlags  flags)
{
  const char *cells[] = { label, amount };

  rec_pdf_table_row (table, cells, flags);
  g_free (amount);
}

static void
write_totals (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  const RecArrearsResult *r = packet->result;
  const RecPdfColumn columns[] = {
    { NULL, 6.0, REC_PDF_ALIGN_LEFT },
    { NULL, 4.0, REC_PDF_ALIGN_RIGHT },
  };
  RecPdfTable *table;
  g_autofree char *days = g_strdup_printf ("%d", r->days_delinquent);

  rec_pdf_heading (packet->pdf, l->totals, H2_SIZE, 80.0);
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), 11.0);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.62);
  rec_pdf_table_set_boxed (table, TRUE);
  _rec_packet_total_row (table, l->principal_owed, _rec_packet_money (packet, r->principal_balance_cents), 0);
  _rec_packet_total_row (table, l->interest_owed, _rec_packet_money (packet, r->interest_balance_cents), 0);
  _rec_packet_total_row (table, l->total_owed, _rec_packet_money (packet, r->total_balance_cents), REC_PDF_ROW_BOLD);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 6.0);

  /* Under the totals, in the same columns. */
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE + 0.5);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.62);
  key_value (table, l->days_delinquent, days);
  if (rec_date_is_set (&r->last_payment))
    {
      g_autofree char *date = _rec_packet_local_date (packet, &r->last_payment);
      g_autofree char *amount = _rec_packet_money (packet, r->last_payment_cents);
      g_autofree char *text = g_strdup_printf ("%s  %s", date, amount);

      key_value (table, l->last_payment, text);
    }
  else
    key_value (table, l->last_payment, l->none);
  rec_pdf_table_end (table);
}

/* "Informational, not legal advice. Rules of Texas, checked 12/01/2026." */
static void
write_disclaimer (const RecPacket *packet,
                  double           size,
                  gboolean         italic)
{
  const RecReportLabels *l = packet->labels;
  const RecReportInput *input = packet->input;
  g_autofree char *rules = NULL;
  g_autofree char *text = NULL;

  if (input->state_name != NULL && rec_date_is_set (&input->rules_verified))
    {
      g_autofree char *verified = _rec_packet_local_date (packet, &input->rules_verified);

      rules = g_strdup_printf (l->rules_checked, input->state_name, verified);
    }
  else if (input->state_name != NULL)
    rules = g_strdup_printf (l->rules_of, input->state_name);

  text = rules != NULL ? g_strdup_printf ("%s %s", l->disclaimer, rules) : g_strdup (l->disclaimer);
  rec_pdf_paragraph (packet->pdf, text, size, italic);
}

/* The case history's fingerprint and how to check it (spec/evidence.md
 * §3): honest about what it shows. With a verification still running
 * (input->history_check), the note is only laid out, in the room of the
 * longer of its two texts: returned, to be drawn by fill_cover_note. */
static RecPdfDeferred *
write_fingerprint (const RecPacket *packet)
{
  const RecReportInput *input = packet->input;
  const char *const notes[] = { packet->labels->fingerprint_note, packet->labels->history_altered,
                                NULL };
  RecPdfDeferred *deferred = NULL;

  if (input->fingerprint_text == NULL)
    return NULL;

  rec_pdf_heading (packet->pdf, input->fingerprint_text, H2_SIZE - 1.0, 30.0);
  /* A history verify found altered is never presented as one to check
   * the packet against. */
  if (input->history_check != NULL && !input->history_altered)
    deferred = rec_pdf_paragraph_defer (packet->pdf, notes, TEXT_SIZE - 1.0, FALSE);
  else
    rec_pdf_paragraph (packet->pdf, input->history_altered ? packet->labels->history_altered
                                                           : packet->labels->fingerprint_note,
                       TEXT_SIZE - 1.0, FALSE);
  rec_pdf_skip (packet->pdf, 8.0);
  return deferred;
}

/* The note laid out by write_fingerprint, once the verification has said
 * whether the history was altered. */
static void
fill_cover_note (const RecPacket *packet,
                 RecPdfDeferred  *note)
{
  const RecReportInput *input = packet->input;

  if (note != NULL)
    rec_pdf_paragraph_fill (packet->pdf, note,
                            input->history_check (input->history_check_data) ? 1 : 0);
}

/* Returns the note under the fingerprint when it waits for the
 * verification (write_fingerprint). */
static RecPdfDeferred *
write_cover (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  RecCaseInfo *info = packet->input->case_data->info;
  RecPdfDeferred *note;

  rec_pdf_new_page (packet->pdf);
  rec_pdf_outline_add (packet->pdf, l->packet_title);
  rec_pdf_paragraph (packet->pdf, l->packet_title, H2_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 2.0);
  rec_pdf_heading (packet->pdf, or_none (packet, info->title), TITLE_SIZE, 0.0);
  rec_pdf_skip (packet->pdf, 6.0);
  write_case_facts (packet);
  write_totals (packet);
  _rec_report_write_agency (packet);
  rec_pdf_skip (packet->pdf, 14.0);
  write_party (packet, l->obligor, &info->obligor);
  write_party (packet, l->obligee, &info->obligee);
  write_children (packet);
  rec_pdf_skip (packet->pdf, 6.0);
  note = write_fingerprint (packet);
  write_disclaimer (packet, TEXT_SIZE - 1.0, TRUE);
  return note;
}

/* Summary */

static char *
due_day_text (const RecPacket *packet,
              const RecTerm   *term)
{
  switch (term->frequency)
    {
    case REC_FREQUENCY_MONTHLY:
      return term->due_day == REC_DUE_DAY_LAST ? g_strdup (packet->labels->due_day_last)
                                               : g_strdup_printf ("%d", term->due_day);
    case REC_FREQUENCY_SEMIMONTHLY:
      return g_strdup_printf ("%d, %d", term->due_days[0], term->due_days[1]);
    case REC_FREQUENCY_BIWEEKLY:
    case REC_FREQUENCY_WEEKLY:
    case REC_N_FREQUENCIES:
    default:
      return g_strdup (packet->labels->none);
    }
}

static void
write_terms (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GPtrArray *terms = packet->input->case_data->terms;
  const RecPdfColumn columns[] = {
    { l->kind, 1.9, REC_PDF_ALIGN_LEFT },
    { l->amount, 1.4, REC_PDF_ALIGN_RIGHT },
    { l->frequency, 1.4, REC_PDF_ALIGN_LEFT },
    { l->due_day, 1.0, REC_PDF_ALIGN_LEFT },
    { l->effective, 1.35, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->ends, 1.35, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->reference, 3.6, REC_PDF_ALIGN_LEFT },
  };
  RecPdfTable *table;

  rec_pdf_heading (packet->pdf, l->terms, H2_SIZE, 40.0);
  if (terms->len == 0)
    {
      rec_pdf_paragraph (packet->pdf, l->no_terms, TEXT_SIZE, FALSE);
      return;
    }

  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  for (guint i = 0; i < terms->len; i++)
    {
      RecTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *amount = _rec_packet_money (packet, term->amount_cents);
      g_autofree char *due = due_day_text (packet, term);
      g_autofree char *effective = _rec_packet_date (packet, &term->effective);
      g_autofree char *end = _rec_packet_date (packet, &term->end);
      g_autofree char *reference = *term->notes != '\0'
                                   ? g_strdup_printf ("%s\n%s", or_none (packet, term->reference), term->notes)
                                   : g_strdup (or_none (packet, term->reference));
      const char *cells[] = {
        l->term_kinds[term->kind], amount, l->frequencies[term->frequency], due,
        effective, end, reference,
      };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
}

static char *
format_axis_value (RecCents value,
                   gpointer user_data)
{
  const RecPacket *packet = user_data;
  char *text = _rec_packet_money (packet, value);
  gsize length = strlen (text);

  /* Whole amounts on the axis: drop the cents (".00" or ",00"). */
  if (length > 3 && g_str_has_suffix (text, "00") && (text[length - 3] == '.' || text[length - 3] == ','))
    text[length - 3] = '\0';

  return text;
}

static void
write_chart (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GArray *points = packet->result->balance_points;
  guint n = points != NULL ? points->len : 0;
  g_autofree RecCents *principal = g_new0 (RecCents, MAX (n, 1));
  g_autofree RecCents *total = g_new0 (RecCents, MAX (n, 1));
  g_autoptr(GPtrArray) x_labels = g_ptr_array_new_with_free_func (g_free);
  RecPdfSeries series[2] = {
    { l->series_total, total, 0.80, 0.33, 0.10 },
    { l->series_principal, principal, 0.13, 0.35, 0.65 },
  };

  rec_pdf_heading (packet->pdf, l->balance_chart, H2_SIZE, n > 0 ? CHART_HEIGHT : 20.0);
  if (n == 0)
    {
      rec_pdf_paragraph (packet->pdf, l->no_balance, TEXT_SIZE, FALSE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const RecBalancePoint *point = &g_array_index (points, RecBalancePoint, i);

      principal[i] = point->principal_balance_cents;
      total[i] = rec_balance_point_total (point);
      /* Years at their January; the first year too unless it starts late. */
      g_ptr_array_add (x_labels, point->month == 1 || (i == 0 && point->month <= 9)
                                 ? g_strdup_printf ("%d", point->year) : NULL);
    }
  rec_pdf_line_chart (packet->pdf, series, G_N_ELEMENTS (series),
                      (const char * const *) x_labels->pdata, n, CHART_HEIGHT,
                      format_axis_value, (gpointer) packet);
}

static void
write_remedies (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GArray *remedies = packet->result->remedies;
  const RecPdfColumn columns[] = {
    { l->remedy, 2.2, REC_PDF_ALIGN_LEFT },
    { l->eligible, 1.1, REC_PDF_ALIGN_LEFT },
    { l->why, 4.2, REC_PDF_ALIGN_LEFT },
    { l->citation, 1.6, REC_PDF_ALIGN_LEFT },
    { l->your_status, 1.4, REC_PDF_ALIGN_LEFT },
  };
  RecPdfTable *table;

  if (remedies == NULL || remedies->len == 0)
    return;

  rec_pdf_skip (packet->pdf, 8.0);
  rec_pdf_heading (packet->pdf, l->remedies, H2_SIZE, 40.0);
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  for (guint i = 0; i < remedies->len; i++)
    {
      const RecRemedyResult *remedy = &g_array_index (remedies, RecRemedyResult, i);
      const RecEnforcementStep *step =
        rec_enforcement_current_step (packet->input->case_data->enforcement, remedy->remedy);
      const char *cells[] = {
        l->remedy_names[remedy->remedy],
        remedy->eligible ? l->yes : l->no,
        or_none (packet, remedy->reason_label ? remedy->reason_label : remedy->reason),
        or_none (packet, remedy->citation),
        l->statuses[step != NULL ? step->status : REC_STATUS_NOT_STARTED],
      };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 4.0);
  write_disclaimer (packet, TEXT_SIZE - 2.0, FALSE);
}

static char *
month_text (const RecPacket *packet,
            const GDate     *date)
{
  int month = g_date_get_month (date);

  return g_strdup_printf (packet->labels->month_year, packet->labels->months[month - 1],
                          g_date_get_year (date));
}

/* What if the payer pays AMOUNT a month (spec/arrears.md §10): every figure
 * from rec_payoff_compute. */
static void
write_payoff (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  const RecPayoff *payoff = packet->input->payoff;
  const RecPdfColumn columns[] = {
    { l->month, 2.2, REC_PDF_ALIGN_LEFT },
    { l->payoff_payment, 1.6, REC_PDF_ALIGN_RIGHT },
    { l->payoff_interest_accrued, 1.6, REC_PDF_ALIGN_RIGHT },
    { l->principal_balance, 1.8, REC_PDF_ALIGN_RIGHT },
    { l->interest_balance, 1.8, REC_PDF_ALIGN_RIGHT },
  };
  const RecPdfColumn facts[] = {
    { NULL, 4.0, REC_PDF_ALIGN_LEFT },
    { NULL, 6.0, REC_PDF_ALIGN_LEFT },
  };
  g_autofree char *monthly = _rec_packet_money (packet, packet->input->payoff_monthly);
  g_autofree char *title = g_strdup_printf (l->payoff_title, monthly);
  g_autofree char *interest = _rec_packet_money (packet, payoff->interest);
  g_autofree char *paid_off = NULL;
  RecPdfTable *table;

  rec_pdf_skip (packet->pdf, 10.0);
  rec_pdf_heading (packet->pdf, title, H2_SIZE, 80.0);
  if (payoff->months > 0)
    {
      g_autofree char *from = _rec_packet_local_date (packet, &payoff->schedule[0].date);
      g_autofree char *assumption = g_strdup_printf (l->payoff_assumption, monthly, from);

      rec_pdf_paragraph (packet->pdf, assumption, TEXT_SIZE - 1.0, FALSE);
      rec_pdf_skip (packet->pdf, 4.0);
    }

  paid_off = payoff->paid_off ? _rec_packet_local_date (packet, &payoff->paid_off_on)
                              : g_strdup (l->payoff_never);
  table = rec_pdf_table_new (packet->pdf, facts, G_N_ELEMENTS (facts), TABLE_SIZE + 0.5);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.8);
  {
    const char *cells[] = { l->payoff_paid_off_on, paid_off };

    rec_pdf_table_row (table, cells, REC_PDF_ROW_BOLD);
  }
  if (payoff->paid_off)
    key_value (table, l->payoff_interest, interest);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 6.0);

  if (payoff->months == 0)
    return;
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  for (guint i = 0; i < payoff->months && i < PAYOFF_ROWS && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecPayoffMonth *month = &payoff->schedule[i];
      g_autofree char *date = month_text (packet, &month->date);
      g_autofree char *payment = _rec_packet_money (packet, month->payment);
      g_autofree char *charged = _rec_packet_money (packet, month->interest_charged);
      g_autofree char *principal = _rec_packet_money (packet, month->principal_balance);
      g_autofree char *balance = _rec_packet_money (packet, month->interest_balance);
      const char *cells[] = { date, payment, charged, principal, balance };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
  if (l->payoff_more != NULL)
    {
      rec_pdf_skip (packet->pdf, 2.0);
      rec_pdf_paragraph (packet->pdf, l->payoff_more, TEXT_SIZE - 1.0, TRUE);
    }
}

static void
write_summary (const RecPacket *packet)
{
  const RecReportInput *input = packet->input;

  _rec_packet_section (packet, packet->labels->summary);
  if (input->no_automatic_interest && input->state_name != NULL)
    {
      g_autofree char *note = g_strdup_printf (packet->labels->no_automatic_interest,
                                               input->state_name);

      rec_pdf_paragraph (packet->pdf, note, TEXT_SIZE, FALSE);
      rec_pdf_skip (packet->pdf, 8.0);
    }
  write_terms (packet);
  rec_pdf_skip (packet->pdf, 10.0);
  write_chart (packet);
  write_remedies (packet);
  if (input->payoff != NULL)
    write_payoff (packet);
}

/* Writing */

static void
set_document (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  RecCaseInfo *info = packet->input->case_data->info;
  g_autofree char *as_of = _rec_packet_date (packet, &packet->input->as_of);
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;

  title = *info->title != '\0' ? g_strdup_printf ("%s — %s", l->packet_title, info->title)
                               : g_strdup (l->packet_title);
  footer = g_strdup_printf (l->footer_as_of, as_of);
  if (packet->input->fingerprint_footer != NULL)
    {
      char *with_fingerprint = g_strdup_printf ("%s · %s", footer, packet->input->fingerprint_footer);

      g_free (footer);
      footer = with_fingerprint;
    }
  rec_pdf_set_info (packet->pdf, title, info->obligee.name, l->packet_subject,
                    packet->input->prepared_at);
  if (packet->input->fingerprint != NULL)
    {
      g_autofree char *keywords = g_strconcat ("recourse-fingerprint:", packet->input->fingerprint, NULL);

      rec_pdf_set_keywords (packet->pdf, keywords);
    }
  rec_pdf_set_bates (packet->pdf, packet->input->bates_prefix);
  rec_pdf_set_decorations (packet->pdf, *info->title != '\0' ? info->title : l->packet_title,
                           footer, l->page_format);
  rec_pdf_set_header_right (packet->pdf, info->court_case_number);
}

static char *
packet_money (RecCents cents,
              gpointer user_data)
{
  return _rec_packet_money (user_data, cents);
}

/* Every section of the packet, drawn into a new document. */
static RecPdf *
draw_packet (const RecReportInput  *input,
             GError               **error)
{
  RecPdf *pdf = rec_pdf_new (input->paper, error);
  RecPacket packet = { input, input->labels, input->result, pdf,
                       { _rec_packet_translate, packet_money, NULL, &packet } };
  g_autoptr(RecPdfDeferred) note = NULL;

  if (pdf == NULL)
    return NULL;

  _rec_money_form_init (&packet.money, input->result->currency);
  _rec_date_form_init (&packet.date, input->labels->date_format);
  packet.exhibit_refs = _rec_report_exhibit_refs (input);
  set_document (&packet);
  note = write_cover (&packet);
  write_summary (&packet);
  _rec_report_write_history (&packet);
  _rec_report_write_ledger (&packet);
  _rec_report_write_contempt (&packet);
  _rec_report_write_log (&packet);
  _rec_report_write_checklist (&packet);
  if (!_rec_report_write_exhibits (&packet, error))
    g_clear_pointer (&pdf, rec_pdf_free);
  else
    fill_cover_note (&packet, note);
  g_clear_pointer (&packet.exhibit_refs, g_hash_table_unref);
  return pdf;
}

gboolean
rec_report_write (const RecReportInput  *input,
                  const char            *path,
                  GError               **error)
{
  return rec_report_write_counted (input, path, NULL, error);
}

gboolean
rec_report_write_counted (const RecReportInput  *input,
                          const char            *path,
                          guint                 *out_pages,
                          GError               **error)
{
  g_autoptr(RecPdf) pdf = NULL;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = draw_packet (input, error);
  if (pdf == NULL || !rec_pdf_save (pdf, path, error))
    return FALSE;
  if (out_pages != NULL)
    *out_pages = rec_pdf_get_n_pages (pdf);
  return TRUE;
}

GBytes *
rec_report_render (const RecReportInput  *input,
                   GError               **error)
{
  g_autoptr(RecPdf) pdf = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  pdf = draw_packet (input, error);
  return pdf != NULL ? rec_pdf_save_to_bytes (pdf, error) : NULL;
}

/* test-report-polish.c — the demo case's packet as it looks (issue 14):
 * the receiving parent's address withheld, no page blank but for a line,
 * no word cut inside, dates in the packet's language, every remedy in the
 * checklist
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "report-test-util.h"

#include "rec-demo.h"
#include "rec-report-private.h"
#include "rec-enums.h"

#define DEMO_TODAY "2026-12-01"

/* The demo case made on DEMO_TODAY, in `jurisdiction` (NULL: its own),
 * computed as of `as_of` in `lang`; `withhold` as --withhold-address. */
static RecReportInput *
demo_input (const char *jurisdiction,
            const char *as_of_text,
            const char *lang,
            gboolean    withhold)
{
  GDate today = rt_date (DEMO_TODAY);
  GDate as_of = rt_date (as_of_text);
  RecCaseData *data = rec_demo_case_new (&today, FALSE);
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  RecReportLanguage *language;
  RecArrearsResult *result;
  RecReportInput *input;

  if (jurisdiction != NULL)
    {
      g_free (data->info->jurisdiction);
      data->info->jurisdiction = g_strdup (jurisdiction);
    }
  rules = rec_rules_load (data->info->jurisdiction, &error);
  g_assert_no_error (error);

  language = rec_report_language_push (lang);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  rec_report_language_pop (language);
  g_assert_no_error (error);

  input = rec_report_input_new_take (data, result, lang, REC_PDF_PAPER_LETTER, &today);
  rec_report_input_set_rules (input, rules);
  rec_report_input_set_withhold_address (input, withhold);
  return input;
}

static PopplerDocument *
write_packet (const RecReportInput *input)
{
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  rt_remove (path);
  return doc;
}

static char *
packet_text (const RecReportInput *input)
{
  g_autoptr(PopplerDocument) doc = write_packet (input);

  return rt_document_text (doc);
}

/* The text from the checklist's heading on (the packet's last section). */
static const char *
checklist_text (const RecReportInput *input,
                const char           *text)
{
  const char *heading = g_strrstr (text, input->labels->checklist);

  g_assert_nonnull (heading);
  return heading + strlen (input->labels->checklist);
}

/* Privacy (issue 14 point 6): neither the address, nor one of its lines, nor
 * the phone of the receiving parent is anywhere in the packet's text; they
 * are without the option. */
static void
test_withhold_address (void)
{
  const char *secrets[] = { "1482 Alameda Ave", "San Jose, CA 95126", "(408) 555-0178" };
  g_autoptr(RecReportInput) shown = demo_input (NULL, DEMO_TODAY, "en", FALSE);
  g_autoptr(RecReportInput) withheld = demo_input (NULL, DEMO_TODAY, "en", TRUE);
  g_autofree char *shown_text = packet_text (shown);
  g_autofree char *withheld_text = packet_text (withheld);
  g_autofree char *shown_squeezed = rt_squeeze (shown_text);
  g_autofree char *withheld_squeezed = rt_squeeze (withheld_text);

  g_assert_true (withheld->withhold_address);
  g_assert_false (shown->withhold_address);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autofree char *secret = rt_squeeze (secrets[i]);

      g_assert_nonnull (strstr (shown_squeezed, secret));
      g_assert_null (strstr (withheld_squeezed, secret));
    }
  /* In their place on the cover; the payer's own address stays. */
  g_assert_nonnull (strstr (withheld_text, withheld->labels->withheld));
  g_assert_null (strstr (shown_text, shown->labels->withheld));
  g_assert_nonnull (strstr (withheld_squeezed, "3310StevensCreekBlvd"));
  g_assert_nonnull (strstr (withheld_text, "elena.marquez@example.com"));
}

/* A line of a page that is not its header or footer. */
static gboolean
is_body_line (const char *line,
              const char *title,
              const char *case_number,
              const char *footer)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));

  return *stripped != '\0' && !g_str_equal (stripped, title) && !g_str_equal (stripped, case_number)
         && !g_str_has_prefix (stripped, footer) && !g_str_has_prefix (stripped, "Page ");
}

/* No page blank but for a line: each page of the demo packet has at least
 * three lines besides its header and footer, on many as-of dates (each moves
 * the ends of the ledger and the history). */
static void
test_no_nearly_blank_page (void)
{
  GDate as_of = rt_date ("2025-08-01");
  GDate last = rt_date (DEMO_TODAY);
  guint n_packets = 0;

  for (; g_date_compare (&as_of, &last) <= 0; g_date_add_days (&as_of, 9), n_packets++)
    {
      char iso[16];
      g_autoptr(RecReportInput) input = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autofree char *footer = NULL;

      rec_date_to_iso_buf (&as_of, iso);
      input = demo_input (NULL, iso, "en", FALSE);
      doc = write_packet (input);
      footer = g_strdup (input->labels->footer_as_of);
      *strchr (footer, '%') = '\0';
      for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          g_autofree char *text = rt_page_text (doc, p);
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
          guint body = 0;

          for (guint i = 0; lines[i] != NULL; i++)
            body += is_body_line (lines[i], input->case_data->info->title,
                                  input->case_data->info->court_case_number, footer);
          if (body < 3)
            g_test_message ("as of %s, page %d: %u lines", iso, p + 1, body);
          g_assert_cmpuint (body, >=, 3);
        }
    }
  g_assert_cmpuint (n_packets, >, 40);
}

/* No word of the checklist is cut inside ("Requeste" / "d"): each word of
 * each status the demo case records is whole in the text. */
static void
test_checklist_words_whole (void)
{
  const char *langs[] = { "en", "es", "vi" };

  for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
    {
      g_autoptr(RecReportInput) input = demo_input (NULL, DEMO_TODAY, langs[k], FALSE);
      g_autofree char *text = packet_text (input);
      const char *checklist = checklist_text (input, text);
      GPtrArray *steps = input->case_data->enforcement;

      g_assert_cmpuint (steps->len, >, 0);
      for (guint i = 0; i < steps->len; i++)
        {
          const RecEnforcementStep *step = g_ptr_array_index (steps, i);
          g_auto(GStrv) words = g_strsplit (input->labels->statuses[step->status], " ", -1);

          for (guint w = 0; words[w] != NULL; w++)
            {
              if (strstr (checklist, words[w]) == NULL)
                g_test_message ("%s: “%s” is cut", langs[k], words[w]);
              g_assert_nonnull (strstr (checklist, words[w]));
            }
        }
    }
}

static gboolean
typed_by_parent (const RecCaseData *data,
                 const char        *date)
{
  for (guint i = 0; i < data->terms->len; i++)
    {
      const RecTerm *term = g_ptr_array_index (data->terms, i);

      if (strstr (term->reference, date) != NULL || strstr (term->notes, date) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < data->communications->len; i++)
    {
      const RecCommunication *c = g_ptr_array_index (data->communications, i);

      if (strstr (c->subject, date) != NULL || strstr (c->summary, date) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < data->enforcement->len; i++)
    {
      const RecEnforcementStep *step = g_ptr_array_index (data->enforcement, i);

      if (strstr (step->reference, date) != NULL || strstr (step->notes, date) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Every date of a Spanish packet is dd/mm/yyyy, of an English one
 * mm/dd/yyyy: no ISO date anywhere, and the ledger's, log's and checklist's
 * dates in the language's form. */
static void
test_dates_in_language (void)
{
  g_autoptr(GRegex) iso = g_regex_new ("\\b[0-9]{4}-[0-9]{2}-[0-9]{2}\\b", 0, 0, NULL);
  const struct { const char *lang; const char *charge; const char *follow_up; const char *step; } cases[] = {
    /* A charge (ledger) 2024-10-12, a follow-up (log) 2024-11-11, a step
     * (checklist) 2026-03-02 and the as-of date. */
    { "en", "10/12/2024", "11/11/2024", "03/02/2026" },
    { "es", "12/10/2024", "11/11/2024", "02/03/2026" },
    { "vi", "12/10/2024", "11/11/2024", "02/03/2026" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(RecReportInput) input = demo_input (NULL, DEMO_TODAY, cases[k].lang, FALSE);
      g_autofree char *text = packet_text (input);
      g_autoptr(GMatchInfo) match = NULL;

      if (k > 0 && g_str_equal (input->labels->date_format, "%m/%d/%Y"))
        {
          g_test_message ("%s: the catalog does not translate the date format", cases[k].lang);
          continue;
        }
      /* An ISO date the parent typed (a reference, a note) stays as typed. */
      for (g_regex_match (iso, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);

          if (!typed_by_parent (input->case_data, found))
            g_test_message ("%s: ISO date %s", cases[k].lang, found);
          g_assert_true (typed_by_parent (input->case_data, found));
        }
      g_assert_nonnull (strstr (text, cases[k].charge));
      g_assert_nonnull (strstr (text, cases[k].follow_up));
      g_assert_nonnull (strstr (checklist_text (input, text), cases[k].step));
      if (k == 0)
        g_assert_nonnull (strstr (text, "12/01/2026"));
      else
        g_assert_nonnull (strstr (text, "01/12/2026"));
    }
}

/* The checklist names every remedy of the case's rules (the engine's
 * result), those without a step "Not started". */
static void
check_every_remedy (const char *jurisdiction)
{
  g_autoptr(RecReportInput) input = demo_input (jurisdiction, DEMO_TODAY, "en", FALSE);
  g_autofree char *text = packet_text (input);
  g_autofree char *checklist = rt_squeeze (checklist_text (input, text));
  g_autofree char *not_started = rt_squeeze (input->labels->statuses[REC_STATUS_NOT_STARTED]);
  GArray *remedies = input->result->remedies;
  guint without_step = 0;

  g_assert_nonnull (remedies);
  g_assert_cmpuint (remedies->len, >=, 5);
  for (guint i = 0; i < remedies->len; i++)
    {
      RecRemedy remedy = g_array_index (remedies, RecRemedyResult, i).remedy;
      g_autofree char *name = rt_squeeze (input->labels->remedy_names[remedy]);
      gboolean has_step = FALSE;

      if (strstr (checklist, name) == NULL)
        g_test_message ("%s: %s is not in the checklist", jurisdiction, name);
      g_assert_nonnull (strstr (checklist, name));
      for (guint j = 0; j < input->case_data->enforcement->len; j++)
        has_step |= ((RecEnforcementStep *) g_ptr_array_index (input->case_data->enforcement, j))->remedy == remedy;
      if (!has_step)
        {
          g_autofree char *row = g_strconcat (name, not_started, NULL);

          g_assert_nonnull (strstr (checklist, row));
          without_step++;
        }
    }
  g_assert_cmpuint (without_step, >, 0);
}

static void
test_checklist_every_remedy (void)
{
  check_every_remedy ("us-ca");
  check_every_remedy ("us-ny");
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/polish/withhold-address", test_withhold_address);
  g_test_add_func ("/report/polish/no-nearly-blank-page", test_no_nearly_blank_page);
  g_test_add_func ("/report/polish/checklist-words-whole", test_checklist_words_whole);
  g_test_add_func ("/report/polish/dates-in-language", test_dates_in_language);
  g_test_add_func ("/report/polish/checklist-every-remedy", test_checklist_every_remedy);

  return g_test_run ();
}

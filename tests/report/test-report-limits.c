/* test-report-limits.c — a packet is made, or refused with a reason, whatever the case holds
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trials of the audit (issue 9, point 6): a 65 000-character title, a
 * title that is one long word, a very long communication and invalid UTF-8
 * that reached the report. Before, each made libharu fail (a PDF string holds
 * at most 65 535 bytes, a page tree 32 767 pages) and the layout waited
 * forever for a page libharu no longer gave: meson's timeout fails them.
 * Now a field longer than a packet can sensibly show is cut with "…" and a
 * note saying how much more the case file holds.
 */
#include "config.h"

#include "report-test-util.h"

/* The end of the cut note, without white space (see rt_squeeze). */
#define CUT_NOTE "morecharacters,seethecasefile)"
/* How many characters of a title the packet shows (TITLE_MAX_CHARS). */
#define TITLE_SHOWN 300

static RecCaseData *
small_case (void)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecPayment *payment = rec_payment_new ();

  rec_set_str (&data->info->title, "Rivera v. Rivera");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->court_case_number, "24FL01234");
  rec_set_str (&data->info->obligee.name, "Ana Rivera");
  term->amount_cents = 85000;
  term->due_day = 1;
  term->effective = rt_date ("2024-01-01");
  g_ptr_array_add (data->terms, term);
  payment->date = rt_date ("2024-02-03");
  payment->amount_cents = 85000;
  payment->method = REC_PAYMENT_METHOD_CHECK;
  rec_set_str (&payment->reference, "CHK-2001");
  g_ptr_array_add (data->payments, payment);

  return data;
}

static void
add_communication (RecCaseData *data,
                   const char  *subject,
                   const char  *summary)
{
  RecCommunication *c = rec_communication_new ();

  c->entity.position = (int) data->communications->len + 1;
  rec_set_str (&c->at, "2024-03-04T10:00:00-08:00");
  g_assert_true (rec_timestamp_parse (c->at, &c->at_unix, NULL));
  c->channel = REC_CHANNEL_EMAIL;
  c->direction = REC_DIRECTION_RECEIVED;
  rec_set_str (&c->with, "Marco Rivera");
  rec_set_str (&c->subject, subject);
  rec_set_str (&c->summary, summary);
  g_ptr_array_add (data->communications, c);
}

/* Writes the packet of `data` (English) and opens it. */
static PopplerDocument *
write_packet (const RecCaseData *data,
              char             **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", &error);
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  RecReportLanguage *language = rec_report_language_push ("en");
  GDate as_of = rt_date ("2024-06-01");
  char *path = rt_temp_path ("packet.pdf");
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_LETTER, NULL);
  rec_report_language_pop (language);

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  g_test_message ("packet written in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  *out_path = path;
  return rt_open_pdf (path);
}

/* N of the first cut note "… (N more characters, see the case file)" in
 * text without white space. */
static guint64
cut_count (const char *squeezed)
{
  const char *note = strstr (squeezed, CUT_NOTE);
  const char *digits;

  g_assert_nonnull (note);
  for (digits = note; digits > squeezed && g_ascii_isdigit (digits[-1]); digits--)
    ;
  g_assert_cmpint (digits - squeezed, >=, (int) strlen ("…("));
  g_assert_true (strncmp (digits - strlen ("…("), "…(", strlen ("…(")) == 0);

  return g_ascii_strtoull (digits, NULL, 10);
}

/* A 65 000-character title (with Vietnamese letters: 90 000 bytes, more than
 * a PDF string holds): the cover shows its start, cut with a note; the
 * document information and the page header are short. */
static void
test_long_title (void)
{
  g_autoptr(RecCaseData) data = small_case ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info_title = NULL;
  glong n_chars;

  while (g_utf8_strlen (title->str, -1) < 65000)
    g_string_append (title, "Rivera v. Rivera, tiền cấp dưỡng ");
  g_string_truncate (title, g_utf8_offset_to_pointer (title->str, 65000) - title->str);
  n_chars = g_utf8_strlen (title->str, -1);
  g_assert_cmpint (n_chars, ==, 65000);
  g_assert_cmpuint (title->len, >, 65535);
  rec_set_str (&data->info->title, title->str);

  doc = write_packet (data, &path);
  cover = rt_page_text (doc, 0);
  squeezed = rt_squeeze (cover);
  info_title = poppler_document_get_title (doc);

  g_assert_cmpint (poppler_document_get_n_pages (doc), <, 15);
  g_assert_nonnull (strstr (cover, "Rivera v. Rivera, tiền cấp dưỡng"));
  g_assert_nonnull (strstr (cover, "…"));
  /* What was cut is counted: shown + cut = the title. */
  g_assert_cmpuint (cut_count (squeezed), >, 64000);
  g_assert_cmpuint (cut_count (squeezed), <, 65000);
  g_assert_nonnull (strstr (info_title, "Rivera v. Rivera"));
  g_assert_cmpint (g_utf8_strlen (info_title, -1), <, 2000);
  rt_remove (path);
}

/* A title that is one word of 70 000 letters, and a communication that is
 * one word of 2 000 000: cut inside the word, at a character. */
static void
test_long_word (void)
{
  g_autoptr(RecCaseData) data = small_case ();
  g_autofree char *title = g_strnfill (70000, 'x');
  g_autoptr(GString) word = g_string_new ("WORDSTART");
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *squeezed_cover = NULL;
  int n_pages;

  while (word->len < 2000000)
    g_string_append (word, "ñandú");
  rec_set_str (&data->info->title, title);
  add_communication (data, "SUBJ-WORD", word->str);

  doc = write_packet (data, &path);
  n_pages = poppler_document_get_n_pages (doc);
  cover = rt_page_text (doc, 0);
  squeezed_cover = rt_squeeze (cover);
  text = rt_document_text (doc);
  squeezed = rt_squeeze (text);

  g_assert_cmpint (n_pages, <, 25);
  g_assert_nonnull (strstr (cover, "xxxxxxxxxx"));
  g_assert_cmpuint (cut_count (squeezed_cover), ==, 70000 - TITLE_SHOWN);
  g_assert_nonnull (strstr (text, "SUBJ-WORD"));
  g_assert_nonnull (strstr (squeezed, "WORDSTARTñandúñandú"));
  /* Cut inside the word after 10 000 characters (LONG_MAX_CHARS). */
  g_assert_cmpuint (cut_count (strstr (squeezed, "WORDSTART")), ==,
                    g_utf8_strlen (word->str, -1) - 10000);
  rt_remove (path);
}

/* A communication of 2 100 000 short lines (more rows of text than 32 767
 * pages hold) and one of 3 MB of words: each is cut, the rest of the log
 * and the sections after it are there. */
static void
test_long_communication (void)
{
  g_autoptr(RecCaseData) data = small_case ();
  g_autoptr(GString) lines = g_string_new ("FIRSTLINE\n");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  RecEnforcementStep *step = rec_enforcement_step_new ();
  int n_pages;

  for (guint i = 0; i < 2100000; i++)
    g_string_append (lines, "ok\n");
  for (guint i = 0; words->len < 3000000; i++)
    g_string_append_printf (words, "w%u ", i);
  add_communication (data, "SUBJ-LINES", lines->str);
  add_communication (data, "SUBJ-WORDS", words->str);
  add_communication (data, "SUBJ-AFTER", "A short one.");
  step->remedy = REC_REMEDY_PASSPORT_DENIAL;
  rec_set_str (&step->reference, "REF-CHECKLIST-9");
  g_ptr_array_add (data->enforcement, step);

  doc = write_packet (data, &path);
  n_pages = poppler_document_get_n_pages (doc);
  text = rt_document_text (doc);
  squeezed = rt_squeeze (text);

  g_assert_cmpint (n_pages, <, 40);
  g_assert_nonnull (strstr (text, "FIRSTLINE"));
  g_assert_nonnull (strstr (text, "w0 w1 w2"));
  g_assert_nonnull (strstr (text, "SUBJ-AFTER"));
  g_assert_nonnull (strstr (squeezed, "REF-CHECKLIST-9"));
  /* Both cut, each saying how much the case file holds beyond. */
  {
    const char *first = strstr (squeezed, CUT_NOTE);

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, CUT_NOTE));
  }
  rt_remove (path);
}

/* Invalid UTF-8 that reached the report (a file another program wrote):
 * each bad byte is shown as U+FFFD; 30 000 of them in the title (90 000
 * bytes once replaced) are cut like any long title. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(RecCaseData) data = small_case ();
  g_autoptr(GString) title = g_string_new ("BADTITLE ");
  g_autoptr(GString) summary = g_string_new ("BADSUMMARY ");
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *squeezed_cover = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_c (title, (char) 0xff);
  /* Lone continuation bytes, an encoded surrogate, an overlong '/', a
   * sequence cut short, then a lead byte at the very end. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (summary, "\x80\xbf ");
  g_string_append (summary, "A\xed\xa0\x80" "B\xc0\xaf" "C\xe2\x82" "D ÑANDÚ-OK \xc3");
  rec_set_str (&data->info->title, title->str);
  rec_set_str (&data->info->obligee.address, "12 Elm \xfe\xff Street");
  add_communication (data, "SUBJ-\xf0\x9f\x98", summary->str);

  doc = write_packet (data, &path);
  cover = rt_page_text (doc, 0);
  squeezed_cover = rt_squeeze (cover);
  text = rt_document_text (doc);

  g_assert_cmpint (poppler_document_get_n_pages (doc), <, 25);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (cover, "BADTITLE �"));
  /* "BADTITLE " and 291 of the 30 000 U+FFFD are shown. */
  g_assert_cmpuint (cut_count (squeezed_cover), ==, 30000 - (TITLE_SHOWN - strlen ("BADTITLE ")));
  g_assert_nonnull (strstr (cover, "12 Elm �� Street"));
  g_assert_nonnull (strstr (text, "SUBJ-"));
  g_assert_nonnull (strstr (text, "BADSUMMARY ��"));
  rt_remove (path);
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/limits/long-title", test_long_title);
  g_test_add_func ("/report/limits/long-word", test_long_word);
  g_test_add_func ("/report/limits/long-communication", test_long_communication);
  g_test_add_func ("/report/limits/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}

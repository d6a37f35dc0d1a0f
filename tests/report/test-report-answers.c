/* test-report-answers.c — the window and the packet give one answer (issue 10, point 10)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's remedy items (src/gui/rec-remedy-item.c, built into this test:
 * it needs no GTK) and the packet read the same case: the same current status
 * for a remedy; the packet's reasons in the packet's language whatever the
 * language the engine ran in; a packet language without its catalog refused.
 * The environment is English (LANGUAGE=en), as in the test suite.
 */
#include "config.h"

#include "report-test-util.h"

#include "rec-remedy-item.h"
#include "rec-pdf-private.h"
#include "rec-report-private.h"

#include <locale.h>

static RecEnforcementStep *
step_new (RecRemedy   remedy,
          RecStatus   status,
          const char *date)
{
  RecEnforcementStep *step = rec_enforcement_step_new ();

  step->remedy = remedy;
  step->status = status;
  if (date != NULL)
    step->date = rt_date (date);
  return step;
}

/* 500.00 a month from January 2024, nothing paid; passport denial granted on
 * May 1, then a step dated February 1 (filed) entered after it. The window
 * took the one entered last (Filed) and the packet the latest dated
 * (Granted). */
static RecCaseData *
steps_case (void)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();

  rec_set_str (&data->info->title, "Steps v. Dates");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  term->amount_cents = 50000;
  term->due_day = 1;
  term->effective = rt_date ("2024-01-01");
  g_ptr_array_add (data->terms, term);
  g_ptr_array_add (data->enforcement, step_new (REC_REMEDY_PASSPORT_DENIAL, REC_STATUS_GRANTED, "2024-05-01"));
  g_ptr_array_add (data->enforcement, step_new (REC_REMEDY_PASSPORT_DENIAL, REC_STATUS_FILED, "2024-02-01"));
  g_ptr_array_add (data->enforcement, step_new (REC_REMEDY_PASSPORT_DENIAL, REC_STATUS_DENIED, NULL));

  return data;
}

static RecArrearsResult *
compute (const RecCaseData *data,
         const char        *as_of_text)
{
  g_autoptr(RecRules) rules = rec_rules_load (data->info->jurisdiction, NULL);
  g_autoptr(GError) error = NULL;
  GDate as_of = rt_date (as_of_text);
  RecArrearsResult *result = rec_arrears_compute (data, rules, &as_of, &error);

  g_assert_no_error (error);
  return result;
}

/* The text of the packet's page that has `marker` (NULL: all of it). */
static char *
page_with (const RecReportInput *input,
           const char           *marker)
{
  g_autofree char *path = rt_temp_path ("answers.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  rt_remove (path);
  if (marker == NULL)
    return rt_document_text (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      char *text = rt_page_text (doc, i);

      if (strstr (text, marker) != NULL)
        return text;
      g_free (text);
    }
  g_assert_not_reached ();
}

static void
test_status (void)
{
  g_autoptr(RecCaseData) data = steps_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-01");
  g_autoptr(GListStore) steps = g_list_store_new (REC_TYPE_ENFORCEMENT_STEP);
  g_autoptr(GListStore) items = g_list_store_new (REC_TYPE_REMEDY_ITEM);
  g_autoptr(RecReportInput) input = NULL;
  g_autofree char *summary = NULL;
  RecEnforcementStep *current = rec_enforcement_current_step (data->enforcement, REC_REMEDY_PASSPORT_DENIAL);
  gboolean found = FALSE;

  g_assert_nonnull (current);
  g_assert_cmpint (current->status, ==, REC_STATUS_GRANTED);

  /* The window's enforcement list and remedy rows. */
  for (guint i = 0; i < data->enforcement->len; i++)
    g_list_store_append (steps, g_ptr_array_index (data->enforcement, i));
  rec_remedy_items_fill (items, result, G_LIST_MODEL (steps));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(RecRemedyItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (item->remedy != REC_REMEDY_PASSPORT_DENIAL)
        continue;
      g_assert_true (item->step == current);
      found = TRUE;
    }
  g_assert_true (found);

  /* The packet's remedies table ("Your status") says the same. */
  input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_LETTER, NULL);
  summary = page_with (input, "Your status");
  g_assert_nonnull (strstr (summary, "Granted"));
  g_assert_null (strstr (summary, "Filed"));
  g_assert_null (strstr (summary, "Denied"));
}

/* The engine ran in English; the Spanish packet's reasons are Spanish, from
 * the templates and figures (the engine's reason_label stays English). */
static void
test_reasons_in_packet_language (void)
{
  static const char template[] = "principal owed {value} exceeds {threshold}";
  g_autoptr(RecCaseData) data = steps_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2026-06-01");
  g_autoptr(RecReportInput) input = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *expected_squeezed = NULL;
  RecReportLanguage *language = rec_report_language_push ("es");
  const char *spanish = dgettext (GETTEXT_PACKAGE, template);
  guint k;

  rec_report_language_pop (language);
  if (g_str_equal (spanish, template))
    {
      g_test_skip ("po/es.po does not translate the reason");
      return;
    }

  for (k = 0; k < result->remedies->len; k++)
    if (g_strcmp0 (g_array_index (result->remedies, RecRemedyResult, k).parts[0].template, template) == 0)
      break;
  g_assert_cmpuint (k, <, result->remedies->len);
  g_assert_true (g_str_has_prefix (g_array_index (result->remedies, RecRemedyResult, k).reason_label,
                                   "principal owed "));

  input = rec_report_input_new (data, result, "es", REC_PDF_PAPER_LETTER, NULL);
  {
    const RecRemedyResult *remedy = &g_array_index (input->result->remedies, RecRemedyResult, k);
    g_autofree char *owed = rec_cents_format (remedy->parts[0].value, "USD");
    g_autofree char *threshold = rec_cents_format (remedy->parts[0].threshold, "USD");
    g_auto(GStrv) halves = g_strsplit (spanish, "{value}", 2);
    g_autofree char *with_value = g_strjoinv (owed, halves);
    g_auto(GStrv) rest = g_strsplit (with_value, "{threshold}", 2);

    expected = g_strjoinv (threshold, rest);
    g_assert_true (g_str_has_prefix (remedy->reason_label, expected));
  }
  /* In the packet too; and the engine's own result is untouched. */
  summary = page_with (input, NULL);
  squeezed = rt_squeeze (summary);
  expected_squeezed = rt_squeeze (expected);
  g_assert_nonnull (strstr (squeezed, expected_squeezed));
  g_assert_true (g_str_has_prefix (g_array_index (result->remedies, RecRemedyResult, k).reason_label,
                                   "principal owed "));
}

/* The packet's split words are core's (rec_ledger_line_split_text) in the
 * packet's language: the Spanish ledger has the Spanish list. */
static void
test_split_in_packet_language (void)
{
  g_autoptr(RecCaseData) data = steps_case ();
  RecPayment *payment = rec_payment_new ();
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_squeezed = NULL;
  RecReportLanguage *language;
  RecRenderer spanish = { NULL, NULL, "USD", NULL };
  const RecLedgerLine *line = NULL;

  /* Paid in March: February's and January's 500.00 are past due. */
  payment->date = rt_date ("2024-03-01");
  payment->amount_cents = 150000;
  g_ptr_array_add (data->payments, payment);
  result = compute (data, "2024-03-31");
  for (guint i = 0; i < result->ledger->len; i++)
    if (g_array_index (result->ledger, RecLedgerLine, i).kind == REC_LEDGER_PAYMENT)
      line = &g_array_index (result->ledger, RecLedgerLine, i);
  g_assert_nonnull (line);

  language = rec_report_language_push ("es");
  expected = rec_ledger_line_split_text (line, &spanish);
  rec_report_language_pop (language);
  g_assert_nonnull (expected);
  if (strstr (expected, "past-due") != NULL)
    {
      g_test_skip ("po/es.po does not translate the split");
      return;
    }

  input = rec_report_input_new (data, result, "es", REC_PDF_PAPER_LETTER, NULL);
  ledger = page_with (input, NULL);
  squeezed = rt_squeeze (ledger);
  expected_squeezed = rt_squeeze (expected);
  g_assert_nonnull (strstr (squeezed, expected_squeezed));
}

/* The packet writes its amounts and dates without printf or strftime: the
 * same text as rec_cents_format and g_date_strftime, in every locale. */
static void
test_money_and_date_forms (void)
{
  static const char * const locales[] = { "C.UTF-8", "en_US.UTF-8", "es_ES.UTF-8", "vi_VN.UTF-8" };
  static const char * const currencies[] = { "USD", "EUR", NULL };
  static const RecCents amounts[] = {
    0, 1, -1, 7, 10, 99, 100, 101, 999, 1000, 12345, -12345, 99999, 100000, 123456789,
    -100000000, 100000000000, REC_CENTS_MAX, -REC_CENTS_MAX,
  };
  static const char * const formats[] = { "%m/%d/%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        {
          g_test_message ("locale %s is not installed", locales[l]);
          continue;
        }
      for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
        {
          RecMoneyForm form;

          _rec_money_form_init (&form, currencies[c]);
          g_assert_true (form.valid);
          for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
            {
              g_autofree char *expected = rec_cents_format (amounts[i], currencies[c]);
              g_autoptr(GString) got = g_string_new (NULL);

              _rec_money_form_append (&form, amounts[i], got);
              g_assert_cmpstr (got->str, ==, expected);
            }
        }
    }
  setlocale (LC_ALL, saved);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      RecDateForm form;

      _rec_date_form_init (&form, formats[f]);
      g_assert_true (form.valid);
      for (guint32 day = 1; day < 1200000; day += 997)
        {
          g_autoptr(GString) got = g_string_new (NULL);
          char expected[64];
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, day);
          g_assert_cmpuint (g_date_strftime (expected, sizeof expected, formats[f], &date), >, 0);
          _rec_date_form_append (&form, &date, got);
          g_assert_cmpstr (got->str, ==, expected);
        }
    }
  {
    RecDateForm form;

    /* A format of names is left to strftime. */
    _rec_date_form_init (&form, "%e %B %Y");
    g_assert_false (form.valid);
  }
}

/* The packet's texts skip normalization only when NFC would not change them. */
static void
test_clean_text (void)
{
  static const char * const texts[] = {
    "Payment: Check, 1043 — $600.00 to this month’s support, $45.00 to interest",
    "“Quoted” – dash… and ‘single’",
    "Peña, Nuñez, Größe, çà",
    "Nguyễn v. Trần",                    /* precomposed Vietnamese */
    "Nguye\xcc\x82\xcc\x83n",              /* decomposed: NFC composes it */
    "A\xcc\x81 and e\xcc\x81",             /* combining acute */
    "\xe2\x80\x80space\xe2\x80\x81",       /* U+2000, U+2001 decompose */
    "line\r\nbreak\tand tab — x",
    "bad \xff byte — x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *valid = g_utf8_make_valid (texts[i], -1);
      g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      g_autofree char *got = _rec_pdf_clean_text (texts[i]);
      g_autoptr(GString) expected = g_string_new (NULL);

      for (const char *p = nfc; *p != '\0'; p++)
        if (*p != '\r')
          g_string_append_c (expected, ((guchar) *p < 0x20 && *p != '\n') ? ' ' : *p);
      g_assert_cmpstr (got, ==, expected->str);
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/answers/status", test_status);
  g_test_add_func ("/report/answers/reasons-in-packet-language", test_reasons_in_packet_language);
  g_test_add_func ("/report/answers/split-in-packet-language", test_split_in_packet_language);
  g_test_add_func ("/report/answers/money-and-date-forms", test_money_and_date_forms);
  g_test_add_func ("/report/answers/clean-text", test_clean_text);

  return g_test_run ();
}

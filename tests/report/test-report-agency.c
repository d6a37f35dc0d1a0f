/* test-report-agency.c — the agency's stated arrears beside ours on the
 * packet's cover (issue 14 point 5), read back with poppler
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case of tests/core/test-agency.c: child support of 400.00 due on the
 * 1st of January and February 2024, nothing paid, California's rules (10 %
 * simple, daily). The agency stated 800.00 on 2024-03-01; ours that day is
 * 800.00 + 400.00 × 0.10 × (60 + 29) / 365 = 809.75. The packet is made as
 * of 2024-06-01, when the total owed is 800.00 + 400.00 × 0.10 × (152 + 121)
 * / 365 = 829.92: the cover compares the figures of the agency's day, not
 * the packet's.
 */
#include "config.h"

#include "report-test-util.h"

#include "rec-report-private.h"

static RecCaseData *
small_case (const char *agency,
            const char *agency_as_of)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();

  rec_set_str (&data->info->title, "Rivera v. Rivera");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->currency, "USD");
  term->entity.position = 1;
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 40000;
  term->frequency = REC_FREQUENCY_MONTHLY;
  term->due_day = 1;
  term->effective = rt_date ("2024-01-01");
  term->end = rt_date ("2024-02-29");
  g_ptr_array_add (data->terms, term);
  if (agency != NULL)
    {
      g_assert_true (rec_cents_parse (agency, TRUE, &data->info->agency_balance_cents, NULL));
      data->info->has_agency_balance = TRUE;
    }
  if (agency_as_of != NULL)
    data->info->agency_balance_as_of = rt_date (agency_as_of);
  return data;
}

static RecReportInput *
make_input (RecCaseData *data,
            const char  *lang)
{
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", NULL);
  g_autoptr(GError) error = NULL;
  GDate as_of = rt_date ("2024-06-01");
  GDate prepared = rt_date ("2024-06-02");
  RecArrearsResult *result = rec_arrears_compute (data, rules, &as_of, &error);
  RecReportInput *input;

  g_assert_no_error (error);
  input = rec_report_input_new_take (data, result, lang, REC_PDF_PAPER_LETTER, &prepared);
  rec_report_input_set_rules (input, rules);
  return input;
}

/* The cover's text (the first page), squeezed of white space. */
static char *
cover_text (const RecReportInput *input)
{
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  rt_remove (path);
  text = rt_page_text (doc, 0);
  g_test_message ("%s", text);
  return rt_squeeze (text);
}

static void
assert_contains (const char *squeezed,
                 const char *text)
{
  g_autofree char *needle = rt_squeeze (text);

  if (strstr (squeezed, needle) == NULL)
    g_test_message ("not on the cover: %s", text);
  g_assert_nonnull (strstr (squeezed, needle));
}

static void
assert_lacks (const char *squeezed,
              const char *text)
{
  g_autofree char *needle = rt_squeeze (text);

  g_assert_null (strstr (squeezed, needle));
}

typedef struct
{
  const char *agency;
  const char *stated;       /* the agency's row: label and amount */
  const char *difference;   /* the Difference row */
  const char *sentence;
} Row;

static const Row rows[] = {
  { "800.00", "Agency’s stated arrears (03/01/2024) $800.00", "Difference $9.75",
    "The agency’s figure is $9.75 lower than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  { "850.00", "Agency’s stated arrears (03/01/2024) $850.00", "Difference -$40.25",
    "The agency’s figure is $40.25 higher than Recourse’s for the same day. "
    "You may ask the agency for an audit of its arrears." },
  { "809.75", "Agency’s stated arrears (03/01/2024) $809.75", "Difference $0.00",
    "The figures agree." },
};

static void
test_cover (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RecReportInput) input = make_input (small_case (rows[i].agency, "2024-03-01"), "en");
      g_autofree char *cover = cover_text (input);

      g_test_message ("row %u", i);
      assert_contains (cover, "Total owed $829.92");
      assert_contains (cover, rows[i].stated);
      assert_contains (cover, "Recourse for the same day $809.75");
      assert_contains (cover, rows[i].difference);
      assert_contains (cover, rows[i].sentence);
    }
}

/* No figure, or one without its day: the cover compares nothing. Without
 * rules (rec_report_input_set_rules (NULL)) the snapshot drops it too. */
static void
test_nothing_to_compare (void)
{
  const char *cases[][2] = { { NULL, NULL }, { "800.00", NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RecReportInput) input = make_input (small_case (cases[i][0], cases[i][1]), "en");
      g_autofree char *cover = cover_text (input);

      assert_contains (cover, "Total owed $829.92");
      assert_lacks (cover, "Recourse for the same day");
      assert_lacks (cover, "audit");
      g_assert_null (input->agency);
    }

  {
    g_autoptr(RecReportInput) input = make_input (small_case ("800.00", "2024-03-01"), "en");

    g_assert_nonnull (input->agency);
    rec_report_input_set_rules (input, NULL);
    g_assert_null (input->agency);
  }
}

/* In Spanish: the labels and the sentence in the packet's language, the
 * agency's day in its form (dd/mm/yyyy). */
static void
test_spanish (void)
{
  g_autoptr(RecReportInput) input = make_input (small_case ("800.00", "2024-03-01"), "es");
  RecReportLanguage *language = rec_report_language_push ("es");
  g_autofree char *stated = g_strdup_printf (_("Agency’s stated arrears (%s)"), "01/03/2024");
  g_autofree char *ours = g_strdup (_("Recourse for the same day"));
  g_autofree char *sentence =
    g_strdup_printf (_("The agency’s figure is %s lower than Recourse’s for the same day. "
                       "You may ask the agency for an audit of its arrears."), "$9.75");
  g_autofree char *cover = NULL;

  rec_report_language_pop (language);
  if (g_str_equal (ours, "Recourse for the same day"))
    {
      g_test_skip ("the Spanish catalog does not translate the comparison");
      return;
    }

  cover = cover_text (input);
  assert_contains (cover, stated);
  assert_contains (cover, ours);
  assert_contains (cover, sentence);
  assert_lacks (cover, "Recourse for the same day");
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/agency/cover", test_cover);
  g_test_add_func ("/report/agency/nothing-to-compare", test_nothing_to_compare);
  g_test_add_func ("/report/agency/spanish", test_spanish);

  return g_test_run ();
}

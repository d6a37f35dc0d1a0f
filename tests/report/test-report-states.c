/* test-report-states.c — the packet follows the case's state: form names,
 * the state on the cover, the rules' verified date, the interest note and the
 * payoff projection
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "report-test-util.h"

static RecCaseData *
state_case (const char *jurisdiction)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecPayment *payment = rec_payment_new ();

  rec_set_str (&data->info->title, "Doe v. Doe");
  rec_set_str (&data->info->jurisdiction, jurisdiction);
  rec_set_str (&data->info->currency, "USD");
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 60000;
  term->due_day = 1;
  term->effective = rt_date ("2022-01-01");
  g_ptr_array_add (data->terms, term);
  payment->entity.position = 1;
  payment->date = rt_date ("2022-03-03");
  payment->amount_cents = 20000;
  g_ptr_array_add (data->payments, payment);

  return data;
}

/* The packet of `input`, as text without white space. */
static char *
input_text (const RecReportInput *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autofree char *text = NULL;

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  text = rt_document_text (doc);
  rt_remove (path);

  return rt_squeeze (text);
}

/* A case of `jurisdiction` computed with its rules; input_new takes its words. */
static RecReportInput *
state_input (const char *jurisdiction)
{
  g_autoptr(RecCaseData) data = state_case (jurisdiction);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load (jurisdiction, &error);
  g_autoptr(RecArrearsResult) result = NULL;
  GDate as_of = rt_date ("2024-06-01");
  GDate prepared = rt_date ("2024-06-02");

  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);

  return rec_report_input_new (data, result, "en", REC_PDF_PAPER_LETTER, &prepared);
}

/* "Rules of Texas, checked 12/01/2026." from the rules' own verified date. */
static char *
rules_line (const char *jurisdiction)
{
  g_autoptr(RecRules) rules = rec_rules_load (jurisdiction, NULL);
  GDate verified = rt_date (rec_rules_get_verified (rules));
  char date[32];

  g_date_strftime (date, sizeof date, "%m/%d/%Y", &verified);
  return g_strdup_printf ("Rulesof%s,checked%s.", rec_rules_get_name (rules), date);
}

static void
test_texas (void)
{
  g_autoptr(RecReportInput) input = state_input ("us-tx");
  g_autofree char *text = input_text (input);
  g_autofree char *rules = rules_line ("us-tx");

  g_assert_cmpstr (input->state_name, ==, "Texas");
  g_assert_null (strstr (text, "FL-4"));
  g_assert_null (strstr (text, "asonform"));
  g_assert_nonnull (strstr (text, "Paymenthistory"));
  g_assert_nonnull (strstr (text, "Contemptcounts"));
  g_assert_nonnull (strstr (text, "StateTexas"));
  g_assert_nonnull (strstr (text, rules));
  /* Texas has automatic interest, and no time limit on contempt counts. */
  g_assert_null (strstr (text, "Interestisnotautomatic"));
  g_assert_true (input->no_contempt_time_bar);
  g_assert_null (strstr (text, "withinthetimelimit"));
  g_assert_nonnull (strstr (text, "notimelimitbarsit"));
}

static void
test_california (void)
{
  g_autoptr(RecReportInput) input = state_input ("us-ca");
  g_autofree char *text = input_text (input);
  g_autofree char *rules = rules_line ("us-ca");

  g_assert_nonnull (strstr (text, "Paymenthistory(asonformFL-421)"));
  g_assert_nonnull (strstr (text, "Monthsnotpaidinfull(asonformFL-411)"));
  g_assert_null (strstr (text, "Contemptcounts"));
  g_assert_nonnull (strstr (text, "StateCalifornia"));
  g_assert_false (input->no_contempt_time_bar);
  g_assert_nonnull (strstr (text, "withinthetimelimit"));
  g_assert_nonnull (strstr (text, rules));
}

static void
test_new_york (void)
{
  g_autoptr(RecReportInput) input = state_input ("us-ny");
  g_autofree char *text = input_text (input);

  g_assert_true (input->no_automatic_interest);
  g_assert_nonnull (strstr (text, "InterestisnotautomaticinNewYork"));
  g_assert_nonnull (strstr (text, "interestoverrides"));
  g_assert_null (strstr (text, "FL-4"));
}

/* The snapshot alone decides, without any rules file. */
static void
test_snapshot_words (void)
{
  g_autoptr(RecReportInput) input = state_input ("us-tx");
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;

  g_free (input->state_name);
  input->state_name = g_strdup ("Ruritania");
  g_free (input->history_form);
  input->history_form = g_strdup ("RX-7");
  g_free (input->contempt_form);
  input->contempt_form = g_strdup ("");
  g_date_clear (&input->rules_verified, 1);
  input->no_automatic_interest = TRUE;
  text = input_text (input);
  g_assert_nonnull (strstr (text, "Paymenthistory(asonformRX-7)"));
  g_assert_nonnull (strstr (text, "Contemptcounts"));
  g_assert_null (strstr (text, "FL-4"));
  g_assert_nonnull (strstr (text, "StateRuritania"));
  g_assert_nonnull (strstr (text, "legaladvice.RulesofRuritania."));
  g_assert_nonnull (strstr (text, "InterestisnotautomaticinRuritania"));

  /* No rules: no state, plain titles. */
  rec_report_input_set_rules (input, NULL);
  g_assert_null (input->state_name);
  plain = input_text (input);
  g_assert_null (strstr (plain, "Rulesof"));
  g_assert_null (strstr (plain, "FL-4"));
  g_assert_nonnull (strstr (plain, "Paymenthistory"));
}

static void
test_state_names (void)
{
  g_assert_cmpstr (rec_report_state_name ("us-tx", "Tejas"), ==, "Texas");
  g_assert_cmpstr (rec_report_state_name ("us-zz", "Zedland"), ==, "Zedland");
  g_assert_null (rec_report_state_name ("us-zz", ""));
  /* Every jurisdiction compiled in has a name. */
  for (const char * const *id = rec_rules_list_ids (); *id != NULL; id++)
    {
      g_autoptr(RecRules) rules = rec_rules_load (*id, NULL);

      g_assert_nonnull (rules);
      g_assert_cmpstr (rec_report_state_name (*id, NULL), ==, rec_rules_get_name (rules));
    }
}

/* A payoff of `months` rows made by hand: the packet shows what it is given. */
static RecPayoff *
fake_payoff (guint    months,
             gboolean paid_off)
{
  RecPayoff *payoff = g_new0 (RecPayoff, 1);
  GDate date = rt_date ("2024-07-01");

  payoff->paid_off = paid_off;
  payoff->months = months;
  payoff->interest = 123456;
  payoff->schedule = g_new0 (RecPayoffMonth, months);
  for (guint i = 0; i < months; i++)
    {
      payoff->schedule[i].date = date;
      payoff->schedule[i].payment = 50000;
      payoff->schedule[i].interest_charged = 1000 + i;
      payoff->schedule[i].principal_balance = 2000000 - 50000 * (gint64) i;
      payoff->schedule[i].interest_balance = 7000 + i;
      g_date_add_months (&date, 1);
    }
  if (paid_off)
    payoff->paid_off_on = rt_date ("2026-12-01");

  return payoff;
}

static void
test_payoff_block (void)
{
  g_autoptr(RecReportInput) input = state_input ("us-tx");
  g_autofree char *before = input_text (input);
  g_autofree char *text = NULL;

  g_assert_null (strstr (before, "Whatifthepayerpays"));
  rec_report_input_set_payoff (input, fake_payoff (30, TRUE), 50000);
  text = input_text (input);
  g_assert_nonnull (strstr (text, "Whatifthepayerpays$500.00amonth"));
  g_assert_nonnull (strstr (text, "Paidoffon12/01/2026"));
  g_assert_nonnull (strstr (text, "Interestuntilthen$1,234.56"));
  g_assert_nonnull (strstr (text, "$500.00moreispaid"));
  g_assert_nonnull (strstr (text, "eachmonthfrom07/01/2024."));
  /* The first 24 months, then how many more. */
  g_assert_nonnull (strstr (text, "July2024$500.00$10.00$20,000.00$70.00"));
  g_assert_nonnull (strstr (text, "June2026$500.00$10.23$8,500.00$70.23"));
  g_assert_null (strstr (text, "July2026"));
  g_assert_nonnull (strstr (text, "and6moremonths"));

  /* Never at this amount: no "until then". */
  rec_report_input_set_payoff (input, fake_payoff (3, FALSE), 100);
  g_free (text);
  text = input_text (input);
  g_assert_nonnull (strstr (text, "Whatifthepayerpays$1.00amonth"));
  g_assert_nonnull (strstr (text, "Neveratthisamount"));
  g_assert_null (strstr (text, "Interestuntilthen"));
  g_assert_null (strstr (text, "moremonth"));
  g_assert_nonnull (strstr (text, "September2024"));
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/states/texas", test_texas);
  g_test_add_func ("/report/states/california", test_california);
  g_test_add_func ("/report/states/new-york", test_new_york);
  g_test_add_func ("/report/states/snapshot-words", test_snapshot_words);
  g_test_add_func ("/report/states/state-names", test_state_names);
  g_test_add_func ("/report/states/payoff-block", test_payoff_block);
  return g_test_run ();
}

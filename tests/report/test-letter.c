/* test-letter.c — the demand letter and the notice of delinquency, read back with poppler-glib
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases built in C (no store): the letter's figures are the engine's
 * (formatted as the packet formats money), the unpaid months come in runs,
 * a withheld address and phone appear nowhere in the text, a demand letter
 * stays on one page even with long addresses and many unpaid months, and
 * what cannot be written is refused with the right error.
 */
#include "config.h"

#include "report-test-util.h"

#include "rec-letter.h"
#include "rec-report-private.h"

#define OBLIGEE_STREET "1482 Alameda Ave"
#define OBLIGEE_CITY   "San Jose, CA 95126"
#define OBLIGEE_PHONE  "(408) 555-0178"

/* $500.00 due on the 1st of each month from January 2024; January paid. */
static RecCaseData *
small_case (const char *jurisdiction)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecPayment *payment = rec_payment_new ();
  RecCaseInfo *info = data->info;

  rec_set_str (&info->title, "Marquez v. Marquez");
  rec_set_str (&info->jurisdiction, jurisdiction);
  rec_set_str (&info->court_case_number, "24FL004871");
  rec_set_str (&info->obligee.name, "Elena Marquez");
  rec_set_str (&info->obligee.address, OBLIGEE_STREET "\n" OBLIGEE_CITY);
  rec_set_str (&info->obligee.phone, OBLIGEE_PHONE);
  rec_set_str (&info->obligor.name, "Victor Marquez");
  rec_set_str (&info->obligor.address, "3310 Stevens Creek Blvd\nSanta Clara, CA 95050");
  term->amount_cents = 50000;
  term->due_day = 1;
  term->effective = rt_date ("2024-01-01");
  g_ptr_array_add (data->terms, term);
  payment->date = rt_date ("2024-01-05");
  payment->amount_cents = 50000;
  payment->method = REC_PAYMENT_METHOD_CHECK;
  g_ptr_array_add (data->payments, payment);

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

/* The letter's snapshot, written on as_of (so the default pay-by is as_of
 * + 14 days). */
static RecReportInput *
make_input (const RecCaseData      *data,
            const RecArrearsResult *result,
            const char             *lang,
            gboolean                withhold)
{
  g_autoptr(RecRules) rules = rec_rules_load (data->info->jurisdiction, NULL);
  RecReportInput *input = rec_report_input_new (data, result, lang, REC_PDF_PAPER_LETTER,
                                                &result->as_of);

  rec_report_input_set_rules (input, rules);
  rec_report_input_set_withhold_address (input, withhold);
  return input;
}

typedef struct
{
  char *text;
  int   n_pages;
} LetterText;

static void
letter_text_clear (LetterText *letter)
{
  g_free (letter->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LetterText, letter_text_clear)

/* Writes the letter to a file and reads its text back. */
static void
read_letter (RecLetter  *letter,
             LetterText *out)
{
  g_autofree char *path = rt_temp_path ("letter.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  GStatBuf info;

  g_assert_true (rec_letter_write (letter, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  doc = rt_open_pdf (path);
  out->n_pages = poppler_document_get_n_pages (doc);
  out->text = rt_document_text (doc);
  g_assert_cmpuint (rec_letter_count_pages (letter), ==, (guint) out->n_pages);
  rt_remove (path);
}

static void
write_letter (const char    *lang,
              RecLetterKind  kind,
              gboolean       withhold,
              const char    *as_of,
              LetterText    *out,
              RecArrearsResult **out_result)
{
  g_autoptr(RecCaseData) data = small_case ("us-ca");
  g_autoptr(RecArrearsResult) result = compute (data, as_of);
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;

  letter = rec_letter_new (make_input (data, result, lang, withhold), kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);
  read_letter (letter, out);
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
}

static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *squeezed_text = rt_squeeze (text);
  g_autofree char *squeezed_needle = rt_squeeze (needle);

  return strstr (squeezed_text, squeezed_needle) != NULL;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (!contains (text, needle))
    g_error ("“%s” is not in the letter:\n%s", needle, text);
}

static void
assert_money (const char             *text,
              const RecArrearsResult *result,
              RecCents                cents)
{
  g_autofree char *amount = rec_cents_format (cents, result->currency);

  assert_contains (text, amount);
}

/* The balance split into support and interest, the engine's figures. */
static void
test_demand_figures (void)
{
  g_auto(LetterText) letter = { NULL, };
  g_autoptr(RecArrearsResult) result = NULL;

  write_letter ("en", REC_LETTER_DEMAND, FALSE, "2024-06-15", &letter, &result);
  g_assert_cmpint (letter.n_pages, ==, 1);
  g_assert_cmpint (result->principal_balance_cents, ==, 5 * 50000);
  g_assert_cmpint (result->interest_balance_cents, >, 0);
  assert_money (letter.text, result, result->principal_balance_cents);
  assert_money (letter.text, result, result->interest_balance_cents);
  assert_money (letter.text, result, result->total_balance_cents);
  assert_contains (letter.text, "Re: Child support, case number 24FL004871");
  assert_contains (letter.text, "Dear Victor Marquez,");
  /* February to June unpaid, $500.00 each, in one run. */
  assert_contains (letter.text, "February–June 2024: $500.00 each");
  /* Written on the as-of date: pay within 14 days; the way he paid before. */
  assert_contains (letter.text, "by 06/29/2024.");
  assert_contains (letter.text, "Check");
  assert_contains (letter.text, OBLIGEE_STREET);
  assert_contains (letter.text, OBLIGEE_PHONE);
  /* The parent's own letter: no disclaimer addressed to her. */
  g_assert_false (contains (letter.text, "not legal advice"));
}

/* Runs of unpaid months: a partly paid month on its own line. */
static void
test_demand_month_runs (void)
{
  g_autoptr(RecCaseData) data = small_case ("us-ca");
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LetterText) text = { NULL, };
  RecPayment *payment = rec_payment_new ();

  RecCharge *charge = rec_charge_new ();

  /* $200.00 in April: April's support is $300.00 unpaid. */
  payment->date = rt_date ("2024-04-10");
  payment->amount_cents = 20000;
  g_ptr_array_add (data->payments, payment);
  /* A charge is owed but is no month's support: its own line. */
  charge->date = rt_date ("2024-03-15");
  charge->amount_cents = 12000;
  rec_set_str (&charge->description, "Half of the dentist's bill");
  g_ptr_array_add (data->charges, charge);
  result = compute (data, "2024-06-15");
  letter = rec_letter_new (make_input (data, result, "en", FALSE), REC_LETTER_DEMAND, NULL, &error);
  g_assert_no_error (error);
  read_letter (letter, &text);
  assert_contains (text.text, "February–March 2024: $500.00 each");
  assert_contains (text.text, "April 2024: $300.00");
  assert_contains (text.text, "May–June 2024: $500.00 each");
  assert_contains (text.text, "Other unpaid support and charges: $120.00");
}

/* --withhold-address: the receiving parent's address and phone appear
 * nowhere; the word "Withheld" does. */
static void
test_withheld_address (void)
{
  const RecLetterKind kinds[] = { REC_LETTER_DEMAND, REC_LETTER_DELINQUENCY };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(LetterText) letter = { NULL, };

      write_letter ("en", kinds[i], TRUE, "2024-06-15", &letter, NULL);
      g_assert_false (contains (letter.text, OBLIGEE_STREET));
      g_assert_false (contains (letter.text, OBLIGEE_CITY));
      g_assert_false (contains (letter.text, OBLIGEE_PHONE));
      g_assert_false (contains (letter.text, "Alameda"));
      assert_contains (letter.text, "Withheld");
      /* The payer's address stays. */
      assert_contains (letter.text, "3310 Stevens Creek Blvd");
    }
}

/* FC 4723: the installments due, the amounts paid, the balance; marked as
 * the attachment to FL-485. */
static void
test_delinquency (void)
{
  g_auto(LetterText) letter = { NULL, };
  g_autoptr(RecArrearsResult) result = NULL;

  write_letter ("en", REC_LETTER_DELINQUENCY, FALSE, "2024-06-15", &letter, &result);
  assert_contains (letter.text, "Attachment to form FL-485 (Notice of Delinquency)");
  assert_contains (letter.text, "must itself be used to file");
  assert_contains (letter.text, "Family Code 4720–4733");
  /* From February (the oldest unpaid) through June: five months of
   * $500.00 due and nothing paid, and their totals. */
  g_assert_false (contains (letter.text, "January 2024"));
  for (guint m = 2; m <= 6; m++)
    {
      const char *months[] = { NULL, NULL, "February", "March", "April", "May", "June" };
      g_autofree char *row = g_strdup_printf ("%s 2024 $500.00 $0.00", months[m]);

      assert_contains (letter.text, row);
    }
  /* The totals row (poppler may put its label after the figures). */
  assert_contains (letter.text, "$2,500.00 $0.00");
  assert_money (letter.text, result, result->principal_balance_cents);
  assert_money (letter.text, result, result->interest_balance_cents);
  assert_money (letter.text, result, result->total_balance_cents);
}

/* Each language's labels (from its catalog) and date form; English
 * without a catalog. */
static void
test_languages (void)
{
  const char *langs[] = { "en", "es", "vi" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(RecCaseData) data = small_case ("us-ca");
      g_autoptr(RecArrearsResult) result = compute (data, "2024-06-15");
      g_autoptr(GError) error = NULL;
      RecReportInput *input;
      g_autoptr(RecLetter) letter = NULL;
      g_auto(LetterText) text = { NULL, };
      g_autofree char *total_owed = NULL;
      g_autofree char *june = NULL;

      if (!rec_report_language_find (langs[i], &error))
        {
          g_test_message ("no catalog for %s: %s", langs[i], error->message);
          g_clear_error (&error);
          continue;
        }
      input = make_input (data, result, langs[i], TRUE);
      total_owed = g_strdup (input->labels->total_owed);
      june = g_strdup (input->labels->months[5]);
      letter = rec_letter_new (input, REC_LETTER_DEMAND, NULL, &error);
      g_assert_no_error (error);
      read_letter (letter, &text);
      g_assert_cmpint (text.n_pages, ==, 1);
      assert_contains (text.text, total_owed);
      assert_contains (text.text, june);
      /* The language's numeric date: 06/15/2024 in English, 15/06/2024 in
       * Spanish and Vietnamese. */
      assert_contains (text.text, g_str_equal (langs[i], "en") ? "06/15/2024" : "15/06/2024");
      if (!g_str_equal (langs[i], "en"))
        g_assert_cmpstr (total_owed, !=, "Total owed");
      else
        g_assert_cmpstr (total_owed, ==, "Total owed");
    }
}

/* Long addresses and months that never run: still one page, the months
 * cut to a summed last line. */
static void
test_one_page_hostile (void)
{
  g_autoptr(RecCaseData) data = small_case ("us-ca");
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LetterText) text = { NULL, };
  g_autoptr(GString) address = g_string_new (NULL);

  for (int i = 0; i < 12; i++)
    g_string_append_printf (address, "%sAddress line %d of a very long address that goes on and on", i ? "\n" : "", i);
  rec_set_str (&data->info->obligee.address, address->str);
  rec_set_str (&data->info->obligor.address, address->str);
  rec_set_str (&data->info->obligee.email, "elena.marquez@example.com");
  /* Every other month partly paid, each by a different amount. */
  for (int m = 2; m <= 24; m += 2)
    {
      RecPayment *payment = rec_payment_new ();

      g_date_clear (&payment->date, 1);
      g_date_set_dmy (&payment->date, 10, (GDateMonth) ((m - 1) % 12 + 1), (GDateYear) (2024 + (m - 1) / 12));
      payment->amount_cents = 1000 * m;
      g_ptr_array_add (data->payments, payment);
    }
  result = compute (data, "2026-01-15");
  letter = rec_letter_new (make_input (data, result, "en", FALSE), REC_LETTER_DEMAND, NULL, &error);
  g_assert_no_error (error);
  read_letter (letter, &text);
  g_assert_cmpint (text.n_pages, ==, 1);
  assert_contains (text.text, "more months:");
  g_assert_false (contains (text.text, "Address line 5"));
}

/* Names long enough to push the months off the page: fewer month lines,
 * still one page, still every figure. */
static void
test_one_page_long_names (void)
{
  g_autoptr(RecCaseData) data = small_case ("us-ca");
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LetterText) text = { NULL, };
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (int i = 0; i < 12; i++)
    g_string_append_printf (address, "%sAddress line %d of a very long address that goes on and on", i ? "\n" : "", i);
  while (name->len < 240)
    g_string_append (name, "Elena Maria de los Angeles Marquez Villanueva ");
  rec_set_str (&data->info->obligee.address, address->str);
  rec_set_str (&data->info->obligor.address, address->str);
  rec_set_str (&data->info->obligee.name, name->str);
  rec_set_str (&data->info->obligor.name, name->str);
  for (int m = 2; m <= 24; m += 2)
    {
      RecPayment *payment = rec_payment_new ();

      g_date_clear (&payment->date, 1);
      g_date_set_dmy (&payment->date, 10, (GDateMonth) ((m - 1) % 12 + 1), (GDateYear) (2024 + (m - 1) / 12));
      payment->amount_cents = 1000 * m;
      g_ptr_array_add (data->payments, payment);
    }
  result = compute (data, "2026-01-15");
  letter = rec_letter_new (make_input (data, result, "en", FALSE), REC_LETTER_DEMAND, NULL, &error);
  g_assert_no_error (error);
  read_letter (letter, &text);
  g_assert_cmpint (text.n_pages, ==, 1);
  assert_money (text.text, result, result->total_balance_cents);
  assert_contains (text.text, "more months:");
}

/* What no letter can be written for, each with its own error. */
static void
test_refused (void)
{
  g_autoptr(RecCaseData) texas = small_case ("us-tx");
  g_autoptr(RecCaseData) paid = small_case ("us-ca");
  g_autoptr(RecCaseData) recent = small_case ("us-ca");
  g_autoptr(RecArrearsResult) texas_result = compute (texas, "2024-06-15");
  g_autoptr(RecArrearsResult) paid_result = NULL;
  g_autoptr(RecArrearsResult) recent_result = compute (recent, "2024-02-20");
  g_autoptr(GError) error = NULL;
  GDate before = rt_date ("2024-06-14");
  GDate same = rt_date ("2024-06-15");

  /* January paid on its due date: no interest either. */
  ((RecPayment *) g_ptr_array_index (paid->payments, 0))->date = rt_date ("2024-01-01");
  paid_result = compute (paid, "2024-01-20");

  /* Outside California there is no FL-485; a demand letter is fine. */
  g_assert_false (rec_letter_check ("us-tx", texas_result, REC_LETTER_DELINQUENCY, NULL, &error));
  g_assert_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_CALIFORNIA);
  g_clear_error (&error);
  g_assert_null (rec_letter_new (make_input (texas, texas_result, "en", FALSE),
                                 REC_LETTER_DELINQUENCY, NULL, &error));
  g_assert_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_CALIFORNIA);
  g_clear_error (&error);
  g_assert_true (rec_letter_check ("us-tx", texas_result, REC_LETTER_DEMAND, NULL, &error));
  g_assert_no_error (error);

  /* January paid, February not due yet: nothing owed. */
  g_assert_cmpint (paid_result->total_balance_cents, ==, 0);
  g_assert_false (rec_letter_check ("us-ca", paid_result, REC_LETTER_DEMAND, NULL, &error));
  g_assert_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOTHING_OWED);
  g_assert_nonnull (strstr (error->message, "01/20/2024"));
  g_clear_error (&error);

  /* February's support 19 days late: a demand, not yet a notice. */
  g_assert_true (rec_letter_check ("us-ca", recent_result, REC_LETTER_DEMAND, NULL, &error));
  g_assert_false (rec_letter_check ("us-ca", recent_result, REC_LETTER_DELINQUENCY, NULL, &error));
  g_assert_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_DELINQUENT);
  g_assert_nonnull (strstr (error->message, "19 days"));
  g_clear_error (&error);

  /* Paying by a day before the amounts' date. */
  g_assert_false (rec_letter_check ("us-ca", texas_result, REC_LETTER_DEMAND, &before, &error));
  g_assert_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_PAY_BY);
  g_assert_nonnull (strstr (error->message, "06/14/2024"));
  g_clear_error (&error);
  g_assert_true (rec_letter_check ("us-ca", texas_result, REC_LETTER_DEMAND, &same, &error));
  g_assert_no_error (error);
}

/* A pay-by date given is the one the letter names. */
static void
test_pay_by (void)
{
  g_autoptr(RecCaseData) data = small_case ("us-ca");
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-15");
  g_autoptr(RecLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LetterText) text = { NULL, };
  GDate pay_by = rt_date ("2024-07-31");
  GDate as_of = rt_date ("2024-06-15");
  GDate written = rt_date ("2024-06-20");
  GDate expected = rt_date ("2024-07-04");
  GDate deflt;

  letter = rec_letter_new (make_input (data, result, "en", FALSE), REC_LETTER_DEMAND, &pay_by, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rec_date_compare (rec_letter_get_pay_by (letter), &pay_by), ==, 0);
  read_letter (letter, &text);
  assert_contains (text.text, "by 07/31/2024.");
  g_assert_false (contains (text.text, "06/29/2024"));

  /* The default counts from the later of the letter's date and as_of. */
  rec_letter_default_pay_by (&as_of, &written, &deflt);
  g_assert_cmpint (rec_date_compare (&deflt, &expected), ==, 0);
  rec_letter_default_pay_by (&written, &as_of, &deflt);
  g_assert_cmpint (rec_date_compare (&deflt, &expected), ==, 0);
}

static void
test_kind_parse (void)
{
  RecLetterKind kind = REC_LETTER_DELINQUENCY;

  g_assert_true (rec_letter_kind_parse ("demand", &kind));
  g_assert_cmpint (kind, ==, REC_LETTER_DEMAND);
  g_assert_true (rec_letter_kind_parse ("delinquency", &kind));
  g_assert_cmpint (kind, ==, REC_LETTER_DELINQUENCY);
  g_assert_false (rec_letter_kind_parse ("Demand", &kind));
  g_assert_false (rec_letter_kind_parse ("", &kind));
  g_assert_false (rec_letter_kind_parse (NULL, &kind));
  g_assert_true (rec_letter_kind_is_available (REC_LETTER_DEMAND, "us-ny"));
  g_assert_true (rec_letter_kind_is_available (REC_LETTER_DELINQUENCY, "us-ca"));
  g_assert_false (rec_letter_kind_is_available (REC_LETTER_DELINQUENCY, "us"));
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letter/demand-figures", test_demand_figures);
  g_test_add_func ("/letter/demand-month-runs", test_demand_month_runs);
  g_test_add_func ("/letter/withheld-address", test_withheld_address);
  g_test_add_func ("/letter/delinquency", test_delinquency);
  g_test_add_func ("/letter/languages", test_languages);
  g_test_add_func ("/letter/one-page-hostile", test_one_page_hostile);
  g_test_add_func ("/letter/one-page-long-names", test_one_page_long_names);
  g_test_add_func ("/letter/refused", test_refused);
  g_test_add_func ("/letter/pay-by", test_pay_by);
  g_test_add_func ("/letter/kind-parse", test_kind_parse);

  return g_test_run ();
}

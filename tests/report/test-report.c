/* test-report.c — the case packet, read back with poppler-glib
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "report-test-util.h"

#include <unistd.h>

#define N_PAYMENTS 6
#define N_COMMUNICATIONS 5

static char *long_spaceless_note;
static char *long_spaced_note;

static void
add_payment (RecCaseData *data,
             const char  *date,
             RecCents     cents,
             const char  *reference)
{
  RecPayment *payment = rec_payment_new ();

  payment->entity.position = (int) data->payments->len + 1;
  payment->date = rt_date (date);
  payment->amount_cents = cents;
  payment->method = REC_PAYMENT_METHOD_CHECK;
  rec_set_str (&payment->reference, reference);
  g_ptr_array_add (data->payments, payment);
}

static void
add_communication (RecCaseData *data,
                   const char  *at,
                   const char  *subject,
                   const char  *summary)
{
  RecCommunication *c = rec_communication_new ();

  c->entity.position = (int) data->communications->len + 1;
  rec_set_str (&c->at, at);
  g_assert_true (rec_timestamp_parse (at, &c->at_unix, NULL));
  c->channel = REC_CHANNEL_EMAIL;
  c->direction = REC_DIRECTION_SENT;
  rec_set_str (&c->with, "Marco Rivera");
  rec_set_str (&c->subject, subject);
  rec_set_str (&c->summary, summary);
  g_ptr_array_add (data->communications, c);
}

static void
add_info (RecCaseData *data)
{
  RecChild *child = rec_child_new ();

  rec_set_str (&data->info->title, "Rivera v. Rivera");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->currency, "USD");
  rec_set_str (&data->info->court, "Superior Court of California, County of Sacramento");
  rec_set_str (&data->info->court_case_number, "24FL01234");
  rec_set_str (&data->info->obligor.name, "Marco Rivera");
  rec_set_str (&data->info->obligee.name, "Ana Rivera");
  rec_set_str (&data->info->obligee.address, "12 Elm Street, Sacramento, CA 95814");
  rec_set_str (&child->name, "Sofía Rivera");
  child->birth_date = rt_date ("2015-03-02");
  g_ptr_array_add (data->children, child);
}

static RecCaseData *
build_case (void)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecEnforcementStep *step = rec_enforcement_step_new ();
  static const char *payments[N_PAYMENTS][3] = {
    { "2023-01-03", "85000", "CHK-1001" }, { "2023-02-02", "85000", "CHK-1002" },
    { "2023-03-05", "40000", "CHK-1003" }, { "2023-06-01", "85000", "CHK-1004" },
    { "2023-09-15", "20000", "CHK-1005" }, { "2024-02-10", "50000", "CHK-1006" },
  };

  add_info (data);
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 85000;
  term->due_day = 1;
  term->effective = rt_date ("2023-01-01");
  rec_set_str (&term->reference, "Order after hearing");
  g_ptr_array_add (data->terms, term);

  for (guint i = 0; i < N_PAYMENTS; i++)
    add_payment (data, payments[i][0], g_ascii_strtoll (payments[i][1], NULL, 10), payments[i][2]);

  add_communication (data, "2023-04-02T18:30:00-07:00", "SUBJ-APRIL", "Asked about the March shortfall.");
  add_communication (data, "2023-02-10T09:00:00Z", "SUBJ-FEB", "Confirmed the February check arrived.");
  add_communication (data, "2023-07-01T12:00:00-07:00", "SUBJ-JULY", "No answer about June.");
  add_communication (data, "2023-10-01T12:00:00-07:00", "SUBJ-SPACELESS", long_spaceless_note);
  add_communication (data, "2023-11-01T12:00:00-07:00", "SUBJ-SPACED", long_spaced_note);

  step->remedy = REC_REMEDY_PASSPORT_DENIAL;
  step->status = REC_STATUS_REQUESTED;
  step->date = rt_date ("2024-03-01");
  rec_set_str (&step->agency, "Sacramento DCSS");
  rec_set_str (&step->reference, "REF-PASSPORT-77");
  rec_set_str (&step->notes, "Filed the request at the county office.");
  g_ptr_array_add (data->enforcement, step);

  return data;
}

static RecArrearsResult *
compute (const RecCaseData *data,
         const char        *as_of_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", &error);
  GDate as_of = rt_date (as_of_text);
  RecArrearsResult *result;

  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  return result;
}

/* Writes the packet of `data` in `lang` and returns its path. */
static char *
write_packet (const RecCaseData *data,
              const char        *lang,
              RecPdfPaper        paper)
{
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autoptr(GError) error = NULL;
  RecReportLanguage *language = rec_report_language_push (lang);
  GDate prepared = rt_date ("2024-06-02");
  char *path = rt_temp_path ("packet.pdf");

  result = compute (data, "2024-06-01");
  input = rec_report_input_new (data, result, lang, paper, &prepared);
  rec_report_language_pop (language);
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_pages_and_footers (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autofree char *path = write_packet (data, "en", REC_PDF_PAPER_LETTER);
  g_autoptr(PopplerDocument) doc = rt_open_pdf (path);
  int n_pages = poppler_document_get_n_pages (doc);
  g_autofree char *title = poppler_document_get_title (doc);
  double width, height;

  /* Cover, summary, history, ledger, contempt, log, checklist. */
  g_assert_cmpint (n_pages, >=, 7);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = rt_page_text (doc, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Amounts as of 06/01/2024"));
      g_assert_nonnull (strstr (text, "Rivera v. Rivera"));
      g_assert_nonnull (strstr (text, "24FL01234"));
    }

  g_assert_nonnull (strstr (title, "Rivera v. Rivera"));
  {
    g_autofree char *author = poppler_document_get_author (doc);
    g_autofree char *subject = poppler_document_get_subject (doc);
    g_autofree char *creator = poppler_document_get_creator (doc);

    g_assert_cmpstr (author, ==, "Ana Rivera");
    g_assert_nonnull (strstr (subject, "Child support"));
    g_assert_true (g_str_has_prefix (creator, "Recourse "));
    g_assert_cmpint (poppler_document_get_creation_date (doc), >, 0);
  }
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 792.0, 0.5);
  }
  rt_remove (path);
}

static void
test_cover_totals (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-01");
  g_autofree char *path = write_packet (data, "en", REC_PDF_PAPER_A4);
  g_autoptr(PopplerDocument) doc = rt_open_pdf (path);
  g_autofree char *cover = rt_page_text (doc, 0);
  g_autofree char *principal = rec_cents_format (result->principal_balance_cents, "USD");
  g_autofree char *interest = rec_cents_format (result->interest_balance_cents, "USD");
  g_autofree char *total = rec_cents_format (result->total_balance_cents, "USD");

  g_assert_cmpint (result->total_balance_cents, >, 0);
  g_assert_cmpint (result->interest_balance_cents, >, 0);
  g_assert_nonnull (strstr (cover, "Unpaid support (principal)"));
  g_assert_nonnull (strstr (cover, principal));
  g_assert_nonnull (strstr (cover, interest));
  g_assert_nonnull (strstr (cover, total));
  g_assert_nonnull (strstr (cover, "Superior Court of California"));
  g_assert_nonnull (strstr (cover, "24FL01234"));
  g_assert_nonnull (strstr (cover, "Sofía Rivera"));
  g_assert_nonnull (strstr (cover, "06/02/2024"));
  g_assert_nonnull (strstr (cover, "not legal advice"));
  rt_remove (path);
}

static void
test_every_record (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autofree char *path = write_packet (data, "en", REC_PDF_PAPER_LETTER);
  g_autoptr(PopplerDocument) doc = rt_open_pdf (path);
  g_autofree char *text = rt_document_text (doc);
  g_autofree char *squeezed = rt_squeeze (text);
  g_autofree char *spaceless = rt_squeeze (long_spaceless_note);
  g_autofree char *spaced = rt_squeeze (long_spaced_note);
  const char *april, *july;

  for (guint i = 0; i < data->payments->len; i++)
    {
      RecPayment *payment = g_ptr_array_index (data->payments, i);

      g_assert_nonnull (strstr (text, payment->reference));
    }
  for (guint i = 0; i < data->communications->len; i++)
    {
      RecCommunication *c = g_ptr_array_index (data->communications, i);

      g_assert_nonnull (strstr (text, c->subject));
    }
  /* Chronological, whatever the entry order. */
  april = strstr (text, "SUBJ-APRIL");
  july = strstr (text, "SUBJ-JULY");
  g_assert_true (strstr (text, "SUBJ-FEB") < april && april < july);

  /* Wrapped notes lose no character and no word. */
  g_assert_nonnull (strstr (squeezed, spaceless));
  g_assert_nonnull (strstr (squeezed, spaced));
  g_assert_nonnull (strstr (squeezed, "REF-PASSPORT-77"));
  g_assert_nonnull (strstr (squeezed, "SacramentoDCSS"));
  rt_remove (path);
}

/* A payment beyond this month's support is shown split as the engine applied
 * it: this month's installment, then interest, then the oldest support. */
static void
test_payment_split (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  add_payment (data, "2024-05-20", 200000, "CHK-SPLIT");
  path = write_packet (data, "en", REC_PDF_PAPER_LETTER);
  doc = rt_open_pdf (path);
  text = rt_document_text (doc);
  flat = rt_squeeze (text);

  /* The text has no white space left (rt_squeeze). */
  g_assert_nonnull (strstr (flat, "CHK-SPLIT—$850.00tothismonth’ssupport,$"));
  g_assert_nonnull (strstr (flat, "tointerest,$"));
  g_assert_nonnull (strstr (flat, "topast-duesupport"));
  /* Payments that only paid their month's support say nothing more. */
  g_assert_null (strstr (flat, "CHK-1004—"));
  rt_remove (path);
}

static void
test_empty_case (void)
{
  g_autoptr(RecCaseData) data = rec_case_data_new ();
  g_autofree char *path = write_packet (data, "en", REC_PDF_PAPER_A4);
  g_autoptr(PopplerDocument) doc = rt_open_pdf (path);
  g_autofree char *text = rt_document_text (doc);
  int n_pages = poppler_document_get_n_pages (doc);
  g_autofree char *last = g_strdup_printf ("Page %d of %d", n_pages, n_pages);

  g_assert_cmpint (n_pages, >=, 7);
  g_assert_nonnull (strstr (text, "No support order terms are recorded."));
  g_assert_nonnull (strstr (text, "No communications are recorded."));
  g_assert_nonnull (strstr (text, "$0.00"));
  g_assert_nonnull (strstr (text, last));
  rt_remove (path);
}

static void
test_unwritable_folder (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-01");
  g_autoptr(RecReportInput) input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_A4, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autofree char *dir = g_path_get_dirname (path);

  if (getuid () == 0)
    {
      /* root writes anywhere a mode allows; sysfs refuses new files. */
      g_rmdir (dir);
      g_free (path);
      path = g_strdup ("/sys/rec-test-packet.pdf");
    }
  else
    g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_false (rec_report_write (input, path, &error));
  g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (getuid () != 0)
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

      g_assert_null (g_dir_read_name (listing));
      g_chmod (dir, 0700);
      g_rmdir (dir);
    }
}

/* The snapshot copies the case: freeing or changing the original after
 * rec_report_input_new() does not change the packet. */
static void
test_snapshot_is_a_copy (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-01");
  g_autoptr(RecReportInput) input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_A4, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&result, rec_arrears_result_free);
  g_clear_pointer (&data, rec_case_data_free);
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  text = rt_document_text (doc);
  g_assert_nonnull (strstr (text, "CHK-1004"));
  rt_remove (path);
}

/* Text the user typed may hold anything: very long titles, tabs, invalid
 * UTF-8, characters the font lacks. The packet is still made. */
static void
test_odd_text (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  RecCommunication *c = g_ptr_array_index (data->communications, 0);

  for (int i = 0; i < 30; i++)
    g_string_append (title, "Very Long Case Title ");
  rec_set_str (&data->info->title, title->str);
  rec_set_str (&c->summary, "tab\there\r\nnew line \xff\xfe bad bytes 😀 emoji 漢字");
  path = write_packet (data, "en", REC_PDF_PAPER_LETTER);
  doc = rt_open_pdf (path);
  text = rt_document_text (doc);

  g_assert_nonnull (strstr (text, "tab"));
  g_assert_nonnull (strstr (text, "bad bytes"));
  g_assert_nonnull (strstr (text, "…"));          /* the title, shortened in the header */
  rt_remove (path);
}

static gpointer
write_in_thread (gpointer data)
{
  const RecReportInput *input = data;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (rec_report_write (input, path, &error))
    {
      g_autoptr(PopplerDocument) doc = rt_open_pdf (path);

      text = rt_document_text (doc);
    }
  rt_remove (path);
  return text;
}

/* The window writes packets in a GTask: several at once, off the main thread. */
static void
test_worker_threads (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(RecArrearsResult) result = compute (data, "2024-06-01");
  g_autoptr(RecReportInput) input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_LETTER, NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("packet", write_in_thread, input);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *text = g_thread_join (threads[i]);

      g_assert_nonnull (text);
      g_assert_nonnull (strstr (text, "CHK-1006"));
      g_assert_nonnull (strstr (text, "Page 1 of"));
    }
}

/* rec_report_input_new_take() owns what it is given: nothing to free after. */
static void
test_input_new_take (void)
{
  RecCaseData *data = build_case ();
  RecArrearsResult *result = compute (data, "2024-06-01");
  g_autofree char *total = rec_cents_format (result->total_balance_cents, "USD");
  g_autoptr(RecReportInput) input = rec_report_input_new_take (data, result, NULL, REC_PDF_PAPER_LETTER, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_true (input->case_data == data);
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  text = rt_document_text (doc);
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, "Payment: Check, CHK-1006"));
  rt_remove (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GString) spaceless = g_string_new (NULL);
  g_autoptr(GString) spaced = g_string_new (NULL);

  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  for (int i = 0; i < 40; i++)
    g_string_append (spaceless, "Tiềnchưatrả-ñandú-0123456789");
  for (int i = 0; i < 120; i++)
    g_string_append_printf (spaced, "%sword%03d", i ? " " : "", i);
  long_spaceless_note = spaceless->str;
  long_spaced_note = spaced->str;

  g_test_add_func ("/report/pages-and-footers", test_pages_and_footers);
  g_test_add_func ("/report/cover-totals", test_cover_totals);
  g_test_add_func ("/report/every-record", test_every_record);
  g_test_add_func ("/report/empty-case", test_empty_case);
  g_test_add_func ("/report/payment-split", test_payment_split);
  g_test_add_func ("/report/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/report/snapshot-is-a-copy", test_snapshot_is_a_copy);
  g_test_add_func ("/report/input-new-take", test_input_new_take);
  g_test_add_func ("/report/worker-threads", test_worker_threads);
  g_test_add_func ("/report/odd-text", test_odd_text);

  return g_test_run ();
}

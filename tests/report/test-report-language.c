/* test-report-language.c — the packet in the language asked for, whatever the environment's
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The environment is English (LANGUAGE=en) in C.UTF-8, as in the test suite.
 * The fixture test uses a small catalog made from tests/report/fixture-vi.po,
 * so it checks the switching itself; the es and vi tests use the real
 * catalogs and check the labels translators have filled in (they skip while
 * po/LL.po does not translate the packet yet).
 */
#include "config.h"

#include "report-test-util.h"

static RecCaseData *
small_case (void)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecPayment *payment = rec_payment_new ();
  RecCommunication *c = rec_communication_new ();
  RecEnforcementStep *step = rec_enforcement_step_new ();

  rec_set_str (&data->info->title, "Nguyễn v. Trần");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  term->amount_cents = 60000;
  term->due_day = 1;
  term->effective = rt_date ("2024-01-01");
  g_ptr_array_add (data->terms, term);
  payment->date = rt_date ("2024-03-03");
  payment->amount_cents = 20000;
  rec_set_str (&payment->reference, "Tiền mặt tháng Ba");
  g_ptr_array_add (data->payments, payment);
  rec_set_str (&c->at, "2024-03-04T10:00:00-08:00");
  g_assert_true (rec_timestamp_parse (c->at, &c->at_unix, NULL));
  c->direction = REC_DIRECTION_SENT;
  rec_set_str (&c->summary, "Đã nhắc về khoản còn thiếu.");
  g_ptr_array_add (data->communications, c);
  step->remedy = REC_REMEDY_PASSPORT_DENIAL;
  g_ptr_array_add (data->enforcement, step);

  return data;
}

/* Writes the small case's packet in `lang` and returns all its text. */
static char *
packet_text (const char *lang,
             int        *out_n_pages)
{
  g_autoptr(RecCaseData) data = small_case ();
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", NULL);
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  RecReportLanguage *language = rec_report_language_push (lang);
  GDate as_of = rt_date ("2024-06-01");
  char *text;

  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  input = rec_report_input_new (data, result, lang, REC_PDF_PAPER_LETTER, NULL);
  rec_report_language_pop (language);

  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  doc = rt_open_pdf (path);
  *out_n_pages = poppler_document_get_n_pages (doc);
  {
    g_autofree char *title = poppler_document_get_title (doc);

    /* Document information in UTF-8. */
    g_assert_nonnull (strstr (title, "Nguyễn v. Trần"));
  }
  text = rt_document_text (doc);
  rt_remove (path);

  return text;
}

/* Makes <tmp>/vi/LC_MESSAGES/recourse.mo from the fixture; NULL if msgfmt is
 * missing. */
static char *
make_fixture_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("rec-test-locale-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (root, "vi", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po = g_build_filename (g_getenv ("RECOURSE_SOURCE_ROOT"), "tests", "report",
                                          "fixture-vi.po", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  const char *argv[] = { msgfmt, "-o", mo, po, NULL };
  int status;

  g_assert_no_error (error);
  if (msgfmt == NULL)
    return NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&root);
}

static void
remove_fixture_catalog (const char *root)
{
  g_autofree char *mo = g_build_filename (root, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_build_filename (root, "vi", "LC_MESSAGES", NULL);
  g_autofree char *vi = g_build_filename (root, "vi", NULL);

  g_unlink (mo);
  g_rmdir (messages);
  g_rmdir (vi);
  g_rmdir (root);
}

static void
test_fixture_catalog (void)
{
  g_autofree char *root = make_fixture_catalog ();
  g_autofree char *saved_dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  int n_pages = 0;

  if (root == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  saved_dir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  bindtextdomain (GETTEXT_PACKAGE, root);
  text = packet_text ("vi", &n_pages);
  first_page = g_strdup_printf ("Trang 1 trên %d", n_pages);

  g_assert_nonnull (strstr (text, first_page));
  g_assert_nonnull (strstr (text, "Số tiền tính đến ngày 06/01/2024"));
  g_assert_nonnull (strstr (text, "Sổ cái"));
  g_assert_nonnull (strstr (text, "Tổng số tiền còn nợ"));
  g_assert_nonnull (strstr (text, "Nhật ký liên lạc"));
  g_assert_nonnull (strstr (text, "Đã gửi"));             /* a label with a context */
  g_assert_nonnull (strstr (text, "Từ chối cấp hộ chiếu")); /* an enumeration's label */
  g_assert_nonnull (strstr (text, "Tháng Ba"));
  g_assert_nonnull (strstr (text, "Nguyễn v. Trần"));
  g_assert_null (strstr (text, "Page 1 of"));
  g_assert_null (strstr (text, "Communication log"));

  /* The environment is as it was. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Ledger"), ==, "Ledger");

  bindtextdomain (GETTEXT_PACKAGE, saved_dir);
  remove_fixture_catalog (root);
}

/* A label of the real catalog, or NULL while po/LL.po does not translate it. */
static char *
translated (const char *lang,
            const char *msgid)
{
  RecReportLanguage *language = rec_report_language_push (lang);
  char *text = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));

  rec_report_language_pop (language);
  if (g_str_equal (text, msgid))
    g_clear_pointer (&text, g_free);
  return text;
}

/* Labels every packet shows (as table headers or titles). */
static const char * const shown_labels[] = {
  "Ledger", "Total owed", "Communication log", "Summary", "Enforcement checklist",
  "Date", "Entry", "Due", "Paid", "Remedy", "Status",
  "Month", "Amount ordered", "Amount paid", "Unpaid support (principal)", "Unpaid interest",
  "Court", "Prepared on", "Amounts owed", "Support order and modifications",
};

/* Titles made from a format and the state's form name. */
static const char * const form_titles[][2] = {
  { "Payment history (as on form %s)", "FL-421" },
  { "Months not paid in full (as on form %s)", "FL-411" },
};

static void
check_real_catalog (const char *lang)
{
  g_autofree char *ledger = translated (lang, "Ledger");
  g_autofree char *page = translated (lang, "Page %d of %d");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *first_page = NULL;
  gboolean beyond_ascii = FALSE;
  int n_pages = 0;

  if (ledger == NULL || page == NULL)
    {
      g_test_skip ("the catalog does not translate the packet's labels yet");
      return;
    }

  text = packet_text (lang, &n_pages);
  squeezed = rt_squeeze (text);
  first_page = g_strdup_printf (page, 1, n_pages);
  g_assert_nonnull (strstr (text, first_page));
  g_assert_null (strstr (text, "Page 1 of"));

  for (guint i = 0; i < G_N_ELEMENTS (shown_labels); i++)
    {
      g_autofree char *label = translated (lang, shown_labels[i]);
      g_autofree char *label_squeezed = NULL;

      if (label == NULL)
        continue;
      /* Wrapping may break a header: compare without white space. */
      label_squeezed = rt_squeeze (label);
      if (strstr (squeezed, label_squeezed) == NULL)
        g_error ("“%s” (%s) is not in the %s packet", label, shown_labels[i], lang);
      beyond_ascii |= !g_str_is_ascii (label);
    }
  /* The titles with California's form names. */
  for (guint i = 0; i < G_N_ELEMENTS (form_titles); i++)
    {
      g_autofree char *format = translated (lang, form_titles[i][0]);
      g_autofree char *title = NULL;
      g_autofree char *title_squeezed = NULL;

      if (format == NULL)
        continue;
      title = g_strdup_printf (format, form_titles[i][1]);
      title_squeezed = rt_squeeze (title);
      if (strstr (squeezed, title_squeezed) == NULL)
        g_error ("“%s” is not in the %s packet", title, lang);
    }
  /* Spanish and Vietnamese need letters beyond ASCII somewhere. */
  g_assert_true (beyond_ascii);
}

static void
test_spanish (void)
{
  check_real_catalog ("es");
}

static void
test_vietnamese (void)
{
  check_real_catalog ("vi");
}

static void
test_supported (void)
{
  g_assert_true (rec_report_language_is_supported ("es"));
  g_assert_true (rec_report_language_is_supported ("vi"));
  g_assert_true (rec_report_language_is_supported ("en"));
  g_assert_false (rec_report_language_is_supported ("fr"));
  g_assert_false (rec_report_language_is_supported (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/language/supported", test_supported);
  g_test_add_func ("/report/language/fixture-catalog", test_fixture_catalog);
  g_test_add_func ("/report/language/es", test_spanish);
  g_test_add_func ("/report/language/vi", test_vietnamese);

  return g_test_run ();
}

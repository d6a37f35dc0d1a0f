/* test-cli-report.c — `recourse report` on the demo case, as a user runs it
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "report-test-util.h"

#include "rec-payoff.h"
#include "rec-store.h"

#include <json-glib/json-glib.h>

static char *work_dir;
static char *demo_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $RECOURSE_BIN with the arguments (NULL-terminated). */
static void
run_recourse (Run        *run,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("RECOURSE_BIN");
  va_list ap;
  int wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (char *) bin);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
out_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static gboolean
have_demo (void)
{
  if (demo_path == NULL)
    {
      g_test_skip ("`recourse demo` is not available in this build");
      return FALSE;
    }
  return TRUE;
}

/* The total the engine computes for the case file, formatted for people. */
static char *
engine_total (const char *path,
              const char *as_of_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
  g_autoptr(RecCaseData) data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  GDate as_of = rt_date (as_of_text);

  g_assert_no_error (error);
  data = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  rules = rec_rules_load (data->info->jurisdiction, &error);
  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total_balance_cents, >, 0);

  return rec_cents_format (result->total_balance_cents, result->currency);
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The cover's total equals `recourse summary --json` for the same date. */
static void
test_demo_packet (void)
{
  g_auto(Run) report = { 0 };
  g_auto(Run) summary = { 0 };
  g_autofree char *pdf = out_path ("demo.pdf");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *total = NULL;
  g_auto(Run) export_before = { 0 };
  g_auto(Run) export_after = { 0 };
  g_auto(Run) history_before = { 0 };
  g_auto(Run) history_after = { 0 };
  RecCents total_cents;

  if (!have_demo ())
    return;

  run_recourse (&export_before, "export", demo_path, "--json", "-o", "-", NULL);
  run_recourse (&history_before, "history", demo_path, "--json", NULL);
  g_assert_cmpint (export_before.status, ==, 0);
  g_assert_cmpint (history_before.status, ==, 0);

  run_recourse (&report, "report", demo_path, "-o", pdf, "--as-of", "2025-06-30", NULL);
  g_assert_cmpstr (report.err, ==, "");
  g_assert_cmpint (report.status, ==, 0);
  total = engine_total (demo_path, "2025-06-30");
  run_recourse (&summary, "summary", demo_path, "--as-of", "2025-06-30", "--json", NULL);
  if (summary.status == 0)
    {
      g_autofree char *summary_total = NULL;

      g_assert_true (json_parser_load_from_data (parser, summary.out, -1, &error));
      g_assert_true (rec_cents_parse (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                                     "total_balance"),
                                      TRUE, &total_cents, NULL));
      summary_total = rec_cents_format (total_cents, "USD");
      g_assert_cmpstr (summary_total, ==, total);
    }
  else
    g_test_message ("`recourse summary` is not available: compared with the engine only");

  doc = rt_open_pdf (pdf);
  cover = rt_page_text (doc, 0);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 7);
  g_assert_nonnull (strstr (cover, total));
  g_assert_nonnull (strstr (cover, "06/30/2025"));

  /* The case's records are not touched; its history gains the packet's
   * entry (spec/evidence.md §2), and nothing else. */
  run_recourse (&export_after, "export", demo_path, "--json", "-o", "-", NULL);
  run_recourse (&history_after, "history", demo_path, "--json", NULL);
  g_assert_cmpstr (export_before.out, ==, export_after.out);
  g_assert_cmpuint (count_of (history_after.out, "\"action\" : \"packet\""), ==,
                    count_of (history_before.out, "\"action\" : \"packet\"") + 1);
  g_assert_cmpuint (count_of (history_after.out, "\"seq\" :"), ==, count_of (history_before.out, "\"seq\" :") + 1);
}

static void
test_language_and_paper (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pdf = out_path ("demo-es.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  double width, height;

  if (!have_demo ())
    return;

  run_recourse (&run, "report", demo_path, "-o", pdf, "--lang", "es", "--paper", "a4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  doc = rt_open_pdf (pdf);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.9, 0.5);

  /* The footer in Spanish, though the environment is not. */
  {
    RecReportLanguage *language = rec_report_language_push ("es");
    g_autofree char *format = g_strdup (dgettext (GETTEXT_PACKAGE, "Page %d of %d"));
    g_autofree char *footer = NULL;
    g_autofree char *text = rt_page_text (doc, 0);

    rec_report_language_pop (language);
    if (g_str_equal (format, "Page %d of %d"))
      return;   /* po/es.po does not translate it */
    footer = g_strdup_printf (format, 1, poppler_document_get_n_pages (doc));
    g_assert_nonnull (strstr (text, footer));
    g_assert_null (strstr (text, "Page 1 of"));
  }
}

/* --withhold-address: the receiving parent's address and phone are in the
 * packet without it, not with it (spec/cli.md round 2). */
static void
test_withhold_address (void)
{
  const char *secrets[] = { "1482AlamedaAve", "SanJose,CA95126", "(408)555-0178" };
  g_autofree char *shown_pdf = out_path ("shown.pdf");
  g_autofree char *withheld_pdf = out_path ("withheld.pdf");
  g_auto(Run) shown = { 0 };
  g_auto(Run) withheld = { 0 };
  g_autoptr(PopplerDocument) shown_doc = NULL;
  g_autoptr(PopplerDocument) withheld_doc = NULL;
  g_autofree char *shown_text = NULL;
  g_autofree char *withheld_text = NULL;
  g_autofree char *shown_squeezed = NULL;
  g_autofree char *withheld_squeezed = NULL;

  if (!have_demo ())
    return;

  run_recourse (&shown, "report", demo_path, "-o", shown_pdf, NULL);
  run_recourse (&withheld, "report", demo_path, "-o", withheld_pdf, "--withhold-address", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (withheld.err, ==, "");
  g_assert_cmpint (withheld.status, ==, 0);
  shown_doc = rt_open_pdf (shown_pdf);
  withheld_doc = rt_open_pdf (withheld_pdf);
  shown_text = rt_document_text (shown_doc);
  withheld_text = rt_document_text (withheld_doc);
  shown_squeezed = rt_squeeze (shown_text);
  withheld_squeezed = rt_squeeze (withheld_text);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_nonnull (strstr (shown_squeezed, secrets[i]));
      g_assert_null (strstr (withheld_squeezed, secrets[i]));
    }
  g_assert_nonnull (strstr (withheld_text, "Withheld"));
  g_unlink (shown_pdf);
  g_unlink (withheld_pdf);
}

static void
test_standard_output (void)
{
  g_auto(Run) run = { 0 };

  if (!have_demo ())
    return;

  run_recourse (&run, "report", demo_path, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-1."));
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
}

static void
check_usage_error (Run        *run,
                   const char *pdf)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "recourse: "));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (void)
{
  g_autofree char *pdf = out_path ("never.pdf");
  g_auto(Run) lang = { 0 };
  g_auto(Run) paper = { 0 };
  g_auto(Run) as_of = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) no_case = { 0 };

  if (!have_demo ())
    return;

  run_recourse (&lang, "report", demo_path, "-o", pdf, "--lang", "fr", NULL);
  check_usage_error (&lang, pdf);
  g_assert_nonnull (strstr (lang.err, "fr"));
  run_recourse (&paper, "report", demo_path, "-o", pdf, "--paper", "legal", NULL);
  check_usage_error (&paper, pdf);
  run_recourse (&as_of, "report", demo_path, "-o", pdf, "--as-of", "2024-02-30", NULL);
  check_usage_error (&as_of, pdf);
  run_recourse (&no_output, "report", demo_path, NULL);
  check_usage_error (&no_output, pdf);
  run_recourse (&no_case, "report", "-o", pdf, NULL);
  check_usage_error (&no_case, pdf);
}

/* --bates labels every page; --no-originals is taken (the demo case has no
 * documents, so nothing is embedded either way); a prefix that is not one
 * is refused with one line naming it, and no packet. */
static void
test_bates_and_originals (void)
{
  g_autofree char *pdf = out_path ("bates.pdf");
  g_autofree char *never = out_path ("never-bates.pdf");
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(PopplerDocument) doc = NULL;

  if (!have_demo ())
    return;

  run_recourse (&run, "report", demo_path, "-o", pdf, "--bates", "RIVERA-24FL", "--no-originals", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  doc = rt_open_pdf (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = rt_page_text (doc, i);
      g_autofree char *label = g_strdup_printf ("RIVERA-24FL-%06d", i + 1);

      g_assert_nonnull (strstr (text, label));
    }
  g_assert_null (poppler_document_get_attachments (doc));
  g_unlink (pdf);

  run_recourse (&bad, "report", demo_path, "-o", never, "--bates", "A B/C", NULL);
  check_usage_error (&bad, never);
  g_assert_nonnull (strstr (bad.err, "--bates: “A B/C” is not a prefix"));
  g_assert_null (strchr (strchr (bad.err, '\n') + 1, '\n'));
}

/* A packet written to a file is recorded in the case's history, with its
 * fingerprint on the cover and its SHA-256 in a `packet` entry: verify
 * --packet then knows it came from this case, and the history stays intact. */
/* A communication of the import at 2026-03-0N 10:00 UTC. */
static RecEntity *
imported_message (guint n)
{
  RecCommunication *message = rec_communication_new ();

  g_free (message->at);
  message->at = g_strdup_printf ("2026-03-%02uT10:00:00Z", n);
  message->at_unix = 1772359200 + (gint64) (n - 1) * 86400;
  message->channel = REC_CHANNEL_TEXT;
  message->direction = REC_DIRECTION_RECEIVED;
  rec_set_str (&message->with, "Jordan");
  g_free (message->summary);
  message->summary = g_strdup_printf ("Message %u", n);
  return REC_ENTITY (message);
}

/* spec/import.md §1: a 1.1 GB SMS backup is not stored; the packet's
 * exhibit index names it with its size, SHA-256 and the messages it gave,
 * kept by the user. A statement stored as an attachment is an exhibit of
 * its payments instead. */
static void
test_kept_source (void)
{
  static const char sha256[] = "5e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
  g_autofree char *case_path = out_path ("kept.recourse");
  g_autofree char *pdf = out_path ("kept.pdf");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) report = { 0 };
  const RecStoreImportSourceInfo *info;
  RecStoreImportSource source = { "sms-backup.xml", sha256, "sms", NULL, records, NULL,
                                  G_GINT64_CONSTANT (1181116006) };

  run_recourse (&demo, "demo", "-o", case_path, NULL);
  if (demo.status != 0)
    {
      g_test_skip ("`recourse demo` is not available in this build");
      return;
    }
  for (guint n = 1; n <= 3; n++)
    g_ptr_array_add (records, imported_message (n));
  store = rec_store_open (case_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_import (store, &source, 1, &error));
  g_assert_no_error (error);

  sources = rec_store_load_import_sources (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  info = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (info->name, ==, "sms-backup.xml");
  g_assert_cmpstr (info->sha256, ==, sha256);
  g_assert_cmpstr (info->format, ==, "sms");
  g_assert_cmpint (info->size, ==, 1181116006);
  g_assert_cmpuint (info->n_records, ==, 3);
  g_assert_false (info->stored);
  g_clear_object (&store);

  run_recourse (&report, "report", case_path, "-o", pdf, NULL);
  g_assert_cmpstr (report.err, ==, "");
  g_assert_cmpint (report.status, ==, 0);
  doc = rt_open_pdf (pdf);
  text = rt_document_text (doc);
  squeezed = rt_squeeze (text);
  /* Squeezed: without white space. */
  g_assert_nonnull (strstr (squeezed, "sms-backup.xml—1.2GB,3messages,keptbytheuser(toolargetostoreinthecase)"));
  g_assert_nonnull (strstr (squeezed, "SHA-256:5e0a1b2c3d4e5f60718293a4b5c6d7e8"));
}

static void
test_packet_recorded (void)
{
  g_autofree char *case_path = out_path ("recorded.recourse");
  g_autofree char *note = out_path ("recorded-note.txt");
  g_autofree char *pdf = out_path ("recorded.pdf");
  g_autofree char *other = out_path ("recorded-other.pdf");
  g_auto(Run) demo = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) verify_other = { 0 };
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;

  run_recourse (&demo, "demo", "-o", case_path, NULL);
  if (demo.status != 0)
    {
      g_test_skip ("`recourse demo` is not available in this build");
      return;
    }
  g_assert_true (g_file_set_contents (note, "Paid in cash at the exchange, no receipt.\n", -1, NULL));
  run_recourse (&attach, "attach", case_path, note, "--to", "payments[0]", NULL);
  g_assert_cmpint (attach.status, ==, 0);

  run_recourse (&report, "report", case_path, "-o", pdf, NULL);
  g_assert_cmpstr (report.err, ==, "");
  g_assert_cmpint (report.status, ==, 0);
  doc = rt_open_pdf (pdf);
  cover = rt_page_text (doc, 0);
  g_assert_nonnull (strstr (cover, "Fingerprint of the case history:"));

  run_recourse (&verify, "verify", case_path, "--packet", pdf, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "this packet was made from this case at entry"));
  g_assert_nonnull (strstr (verify.out, "; 0 changes since"));

  /* A second packet is a second entry; the first one is still known. */
  run_recourse (&again, "report", case_path, "-o", other, "--as-of", "2025-06-30", NULL);
  g_assert_cmpint (again.status, ==, 0);
  run_recourse (&history, "history", case_path, "--json", NULL);
  g_assert_cmpint (history.status, ==, 0);
  g_assert_cmpuint (count_of (history.out, "\"action\" : \"packet\""), ==, 2);
  run_recourse (&verify_other, "verify", case_path, "--packet", pdf, NULL);
  g_assert_cmpint (verify_other.status, ==, 0);
  g_assert_nonnull (strstr (verify_other.out, "intact:"));

  /* A changed PDF still shows the fingerprint it was made with (libharu
   * writes it as a UTF-16 hex string): "made from this case, but modified". */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_auto(Run) verify_changed = { 0 };

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    contents = g_realloc (contents, length + 16);
    memcpy (contents + length, "% changed\n", 10);
    g_assert_true (g_file_set_contents (pdf, contents, (gssize) length + 10, NULL));
    run_recourse (&verify_changed, "verify", case_path, "--packet", pdf, NULL);
    g_assert_cmpint (verify_changed.status, ==, 1);
    g_assert_nonnull (strstr (verify_changed.out, "but the PDF file was modified"));
  }

  g_unlink (pdf);
  g_unlink (other);
  g_unlink (note);
  g_unlink (case_path);
}

/* --payoff and --from that are not a request: exit 2, one line naming the
 * option, no packet. */
static void
test_bad_payoff (void)
{
  g_autofree char *pdf = out_path ("never.pdf");
  static const char *cases[][5] = {
    { "--payoff", "12,50", NULL, NULL, "--payoff: \"12,50\": write the amount with a point before the cents and no thousands separator, as 12.50" },
    { "--payoff", "abc", NULL, NULL, "--payoff: \"abc\"" },
    { "--payoff", "0", NULL, NULL, "--payoff: " },
    { "--payoff=-5", NULL, NULL, NULL, "--payoff: " },
    { "--payoff", "500", "--from", "2025-02-30", "--from: " },
    { "--from", "2025-07-01", NULL, NULL, "--from: " },
  };

  if (!have_demo ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_recourse (&run, "report", demo_path, "-o", pdf, cases[i][0], cases[i][1], cases[i][2],
                    cases[i][3], NULL);
      check_usage_error (&run, pdf);
      if (!g_str_has_prefix (run.err, "recourse: ") || strstr (run.err, cases[i][4]) == NULL)
        g_error ("%s %s: %s", cases[i][0], cases[i][1], run.err);
      /* One line. */
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
    }
}

/* --payoff adds the block with the engine's own projection. */
static void
test_payoff (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pdf = out_path ("payoff.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecPayoff) payoff = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *interest_text = NULL;
  GDate as_of = rt_date ("2025-06-30");
  GDate from = rt_date ("2025-08-01");

  if (!have_demo ())
    return;

  run_recourse (&run, "report", demo_path, "-o", pdf, "--as-of", "2025-06-30",
                "--payoff", "750", "--from", "2025-08-01", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  doc = rt_open_pdf (pdf);
  raw = rt_document_text (doc);
  text = rt_squeeze (raw);
  g_assert_nonnull (strstr (text, "Whatifthepayerpays$750.00amonth"));
  g_assert_nonnull (strstr (text, "eachmonthfrom08/01/2025."));

  store = rec_store_open (demo_path, TRUE, &error);
  g_assert_no_error (error);
  data = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  rules = rec_rules_load (data->info->jurisdiction, &error);
  g_assert_no_error (error);
  payoff = rec_payoff_compute (data, rules, &as_of, 75000, &from, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payoff->months, >, 0);
  if (payoff->paid_off)
    {
      char date[32];
      g_autofree char *line = NULL;

      g_date_strftime (date, sizeof date, "%m/%d/%Y", &payoff->paid_off_on);
      line = g_strdup_printf ("Paidoffon%s", date);
      g_assert_nonnull (strstr (text, line));
      interest = rec_cents_format (payoff->interest, "USD");
      interest_text = g_strdup_printf ("Interestuntilthen%s", interest);
      g_assert_nonnull (strstr (text, interest_text));
    }
  else
    g_assert_nonnull (strstr (text, "Paidoffon" "Neveratthisamount"));

  if (payoff->months > 24)
    {
      g_autofree char *more = g_strdup_printf ("and%umoremonth", payoff->months - 24);

      g_assert_nonnull (strstr (text, more));
    }
  else
    g_assert_null (strstr (text, "moremonth"));
}

static void
test_missing_case_and_unwritable_output (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) unwritable = { 0 };
  g_autofree char *pdf = out_path ("never.pdf");

  run_recourse (&missing, "report", "/nonexistent/case.recourse", "-o", pdf, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  if (!have_demo ())
    return;

  run_recourse (&unwritable, "report", demo_path, "-o", "/nonexistent-folder/packet.pdf", NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "/nonexistent-folder"));
  g_assert_null (strchr (strchr (unwritable.err, '\n') + 1, '\n'));
}

/* A packet language whose catalog cannot be found is refused: exit 2, one
 * line naming the language and the file looked for, no packet (it was an
 * English packet before). English needs no catalog. */
static void
test_missing_catalog (void)
{
  g_autofree char *pdf = out_path ("never.pdf");
  g_autofree char *english = out_path ("english.pdf");
  g_autofree char *empty = out_path ("no-catalogs");
  g_autofree char *saved = g_strdup (g_getenv ("RECOURSE_LOCALEDIR"));
  g_autofree char *looked = NULL;
  g_auto(Run) vi = { 0 };
  g_auto(Run) en = { 0 };

  if (!have_demo ())
    return;

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_setenv ("RECOURSE_LOCALEDIR", empty, TRUE);
  run_recourse (&vi, "report", demo_path, "-o", pdf, "--lang", "vi", NULL);
  run_recourse (&en, "report", demo_path, "-o", english, "--lang", "en", NULL);
  if (saved != NULL)
    g_setenv ("RECOURSE_LOCALEDIR", saved, TRUE);
  else
    g_unsetenv ("RECOURSE_LOCALEDIR");
  g_rmdir (empty);

  check_usage_error (&vi, pdf);
  looked = g_build_filename (empty, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_nonnull (strstr (vi.err, "“vi”"));
  g_assert_nonnull (strstr (vi.err, looked));
  g_assert_null (strchr (vi.err, '\n') != NULL ? strchr (strchr (vi.err, '\n') + 1, '\n') : NULL);
  g_assert_cmpint (en.status, ==, 0);
  g_assert_true (g_file_test (english, G_FILE_TEST_IS_REGULAR));
  rt_remove (english);
}

static void
make_demo (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("demo.recourse");

  run_recourse (&run, "demo", "-o", path, NULL);
  if (run.status == 0)
    demo_path = g_steal_pointer (&path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("rec-test-cli-report-XXXXXX", &error);
  g_assert_no_error (error);
  make_demo ();

  g_test_add_func ("/cli/report/demo-packet", test_demo_packet);
  g_test_add_func ("/cli/report/language-and-paper", test_language_and_paper);
  g_test_add_func ("/cli/report/standard-output", test_standard_output);
  g_test_add_func ("/cli/report/withhold-address", test_withhold_address);
  g_test_add_func ("/cli/report/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/report/bates-and-originals", test_bates_and_originals);
  g_test_add_func ("/cli/report/missing-case-unwritable-output", test_missing_case_and_unwritable_output);
  g_test_add_func ("/cli/report/bad-payoff", test_bad_payoff);
  g_test_add_func ("/cli/report/payoff", test_payoff);
  g_test_add_func ("/cli/report/missing-catalog", test_missing_catalog);
  g_test_add_func ("/cli/report/packet-recorded", test_packet_recorded);
  g_test_add_func ("/cli/report/kept-source", test_kept_source);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = out_path (name);

        g_unlink (path);
      }
    g_rmdir (work_dir);
  }
  g_free (demo_path);
  g_free (work_dir);
  return status;
}

/* test-import-payments.c — every statement fixture of tests/import/data
 * read by rec_import_read_payments: counts per status, the first and last
 * payment (date, cents, reference, method), rejected rows with file:line,
 * the source's SHA-256 and attachment; the bad files' errors; the parsers
 * of dates and amounts, table by table
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-import.h"
#include "rec-import-payments-private.h"

#include "rec-date.h"

#include <glib/gstdio.h>
#include <string.h>

#define OBLIGOR "Mark Smith"
#define OBLIGOR_EMAIL "mark.smith@example.com"

typedef struct
{
  const char *file;
  /* options */
  const char *columns;
  const char *date_order;
  const char *obligor;
  const char *obligor_email;
  int         method;           /* -1: from the row */
  const char *format;
  /* expected */
  const char *expect_format;
  guint       n_new;
  guint       n_not_matching;
  guint       n_rejected;
  const char *first_date;       /* the first NEW payment */
  RecCents    first_cents;
  const char *first_reference;
  RecPaymentMethod first_method;
  const char *last_date;        /* the last NEW payment */
  RecCents    last_cents;
  const char *last_reference;
  const char *first_description;
  const char *rejected;         /* "where: reason" of the first rejected row */
} StatementCase;

static const StatementCase statement_cases[] = {
  /* Chase: Details and signed amounts, newest first, check numbers. */
  { "bank-chase.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 4, 3, 0,
    "2024-03-15", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-01-31", 210000, "", "ZELLE PAYMENT FROM MARK SMITH 19283746", NULL },
  /* --method decides for every row. */
  { "bank-chase.csv", NULL, NULL, NULL, NULL, REC_PAYMENT_METHOD_CASH, "csv",
    "csv", 4, 3, 0,
    "2024-03-15", 45000, "", REC_PAYMENT_METHOD_CASH,
    "2024-01-31", 210000, "", NULL, NULL },
  /* Bank of America: a summary before the header, a balance line. */
  { "bank-bofa-summary.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 3, 2, 0,
    "2024-01-05", 145000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-03-05", 100000, "", "Zelle Transfer Conf# t8Yq2; Smith, Mark", NULL },
  /* The same, day first because the user says so: 02/14 is then no date. */
  { "bank-bofa-summary.csv", NULL, "dmy", NULL, NULL, -1, NULL,
    "csv", 3, 1, 1,
    "2024-05-01", 145000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-05-03", 100000, "", NULL,
    "bank-bofa-summary.csv:12: \"02/14/2024\" is not a date" },
  /* Wells Fargo has no header: --columns, a check number. */
  { "bank-wellsfargo-noheader.csv", "date=1,amount=2,reference=4,description=5", NULL, NULL,
    NULL, -1, NULL,
    "csv", 3, 2, 0,
    "2024-03-15", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-02-15", 45000, "",
    "ZELLE FROM SMITH MARK ON 03/15 REF # WFCT0ZX8PQ2 CHILD SUPPORT", NULL },
  /* ';' and decimal commas, day first (15/01); one amount in the other form. */
  { "bank-semicolon-decimal-comma.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 3, 2, 1,
    "2024-01-15", 124500, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-03-28", 12, "", "Transfer from M. Smith child support",
    "bank-semicolon-decimal-comma.csv:9: \"1,245.00\" is not an amount in this file's format" },
  /* Tabs, Debit and Credit columns, Memo, a check number. */
  { "bank-creditunion-tab.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 2, 0,
    "2024-04-01", 45000, "2051", REC_PAYMENT_METHOD_CHECK,
    "2024-04-15", 22550, "", "MOBILE CHECK DEPOSIT", NULL },
  /* US Bank: a "Transaction" column of CREDIT/DEBIT, four decimals, the
   * memo as description (spec §3: description, else memo, else name). */
  { "bank-usbank.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 1, 0,
    "2024-09-03", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-10-01", 45000, "", "Download from usbank.com. SEPT SUPPORT", NULL },
  /* Navy Federal: unsigned amounts and a Credit Debit Indicator; the
   * transaction date before the posting date; a check serial number. */
  { "bank-navyfederal.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 1, 0,
    "2024-10-31", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-11-15", 30000, "5012", "Zelle Mark Smith Nov support", NULL },
  /* Excel's "Unicode Text": UTF-16 with its byte-order mark, tabs. */
  { "bank-excel-utf16.txt", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 1, 1, 0,
    "2024-12-02", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-12-02", 45000, "", "Zelle from Mark Smith \xE2\x80\x94 Dec", NULL },
  /* A UK bank: Paid in / Paid out with units in the header; 18/12 makes
   * the file day first. */
  { "bank-uk-paid-in-out.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 1, 2, 0,
    "2024-12-03", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-12-03", 45000, "", "M SMITH CHILD MAINT DEC", NULL },
  /* Header names without spaces: TransactionDate (the date before the
   * posting date), TransactionAmount, CheckNumber. */
  { "bank-camelcase-header.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 1, 0,
    "2025-01-02", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2025-01-06", 30000, "2210", "ONLINE TRANSFER FROM M SMITH", NULL },
  /* "Date Posted", "Narrative", "Money In" / "Money Out". */
  { "bank-date-posted-narrative.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 1, 1, 0,
    "2024-06-03", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-06-03", 45000, "", "FASTER PAYMENT M SMITH MAINT", NULL },
  /* ISO 20022 words: CRDT/DBIT in a Credit Debit Indicator column, unsigned
   * decimal-comma amounts, "Remittance Information" as the details. */
  { "bank-crdt-dbit.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 1, 1, 0,
    "2024-07-01", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-07-01", 45000, "", "Mark Smith child support July", NULL },
  /* Windows-1252. */
  { "bank-windows-1252.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 1, 0,
    "2024-05-01", 30000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-06-01", 30000, "", "Jos\xC3\xA9 Pe\xC3\xB1" "a (child support)", NULL },
  /* A BOM, M/D/YY, unsigned amounts and a Type column, "$1,245.00", "(60.00)". */
  { "bank-bom-type-column.csv", NULL, NULL, NULL, NULL, -1, NULL,
    "csv", 2, 2, 0,
    "2024-07-01", 45000, "", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-08-01", 124500, "", "ONLINE TRANSFER FROM SMITH M \"JULY\"", NULL },
  /* OFX 1.x: CREDIT and DEP are money in; a fee and a check out are not. */
  { "ofx-1x-sgml.ofx", NULL, NULL, NULL, NULL, -1, NULL,
    "ofx", 3, 3, 0,
    "2024-01-05", 45000, "202401050001", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-02-15", 45000, "202402150005", "ZELLE FROM MARK SMITH \xE2\x80\x94 Child support January",
    NULL },
  /* OFX 2.x XML: a direct deposit, a transfer in; interest is not support. */
  { "ofx-2x-xml.ofx", NULL, NULL, NULL, NULL, -1, NULL,
    "ofx", 2, 2, 0,
    "2024-04-01", 22550, "2024040100001", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-04-15", 124507, "2024041500003", "CA DCSS \xE2\x80\x94 CHILD SUPPORT PMT CASE 1234",
    NULL },
  /* QFX: Quicken's elements (INTU.BID) are skipped; a credit card account. */
  { "qfx-quicken.qfx", NULL, NULL, NULL, NULL, -1, NULL,
    "ofx", 1, 1, 0,
    "2024-05-20", 30000, "320241410987654321", REC_PAYMENT_METHOD_BANK_TRANSFER,
    "2024-05-20", 30000, "320241410987654321", NULL, NULL },
  /* Venmo: only completed money from the obligor. */
  { "app-venmo.csv", NULL, NULL, OBLIGOR, NULL, -1, NULL,
    "venmo", 2, 4, 0,
    "2024-01-05", 45000, "3987654321098765432", REC_PAYMENT_METHOD_APP,
    "2024-02-05", 145000, "3987654321098765436",
    "Mark Smith \xE2\x80\x94 Child support January \xF0\x9F\xA7\x92", NULL },
  /* Venmo's older statement: "Username" first, no empty column, a charge
   * the obligor paid, a disclaimer over two lines at the end. */
  { "app-venmo-older.csv", NULL, NULL, OBLIGOR, NULL, -1, NULL,
    "venmo", 2, 1, 0,
    "2019-03-01", 120000, "2719384756102938475", REC_PAYMENT_METHOD_APP,
    "2019-03-15", 6550, "2719384756102938477", "Mark Smith \xE2\x80\x94 March support", NULL },
  /* Venmo without a known obligor: every completed payment received. */
  { "app-venmo.csv", NULL, NULL, NULL, NULL, -1, "venmo",
    "venmo", 3, 3, 0,
    "2024-01-05", 45000, "3987654321098765432", REC_PAYMENT_METHOD_APP,
    "2024-02-05", 145000, "3987654321098765436", NULL, NULL },
  /* PayPal: the obligor by name, or by e-mail ("M Smith"); gross, not net. */
  { "app-paypal.csv", NULL, NULL, OBLIGOR, OBLIGOR_EMAIL, -1, NULL,
    "paypal", 2, 4, 0,
    "2024-03-01", 50000, "1AB23456CD789012E", REC_PAYMENT_METHOD_APP,
    "2024-03-15", 120000, "4GH56789IJ012345H", "Mark Smith \xE2\x80\x94 March child support",
    NULL },
  /* Cash App (its real statuses: PAYMENT RECEIVED, PAYMENT SENT, CARD
   * CHARGED…): a failed payment, a cash out, a Boost reward and bitcoin are
   * not payments; "$450" has no cents. */
  { "app-cashapp.csv", NULL, NULL, OBLIGOR, NULL, -1, NULL,
    "cashapp", 2, 6, 0,
    "2024-04-05", 45000, "rmb2x9q", REC_PAYMENT_METHOD_APP,
    "2024-05-05", 145000, "b3n5m8y", "Mark Smith \xE2\x80\x94 April support", NULL },
};

static char *
fixture_path (const char *file)
{
  return g_build_filename (IMPORT_DATA_DIR, file, NULL);
}

static RecImportSource *
read_case (const char                    *file,
           const RecImportPaymentOptions *options,
           GError                       **error)
{
  g_autofree char *path = fixture_path (file);

  return rec_import_read_payments (path, options, NULL, NULL, NULL, error);
}

static void
count_statuses (RecImportSource *source,
                guint            counts[4])
{
  memset (counts, 0, 4 * sizeof (guint));
  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = source->candidates->pdata[i];

      counts[candidate->status]++;
      /* Every candidate says where it is; a NEW one is selected and holds a
       * payment of money received. */
      g_assert_true (g_str_has_prefix (candidate->where, source->name));
      if (candidate->status == REC_IMPORT_NEW)
        {
          g_assert_true (candidate->selected);
          g_assert_true (candidate->credit);
          g_assert_true (REC_IS_PAYMENT (candidate->record));
          g_assert_cmpint (REC_PAYMENT (candidate->record)->amount_cents, >, 0);
        }
      if (candidate->status == REC_IMPORT_REJECTED)
        {
          g_assert_null (candidate->record);
          g_assert_nonnull (candidate->reason);
        }
    }
}

static RecImportCandidate *
nth_new (RecImportSource *source,
         gboolean         last)
{
  RecImportCandidate *found = NULL;

  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = source->candidates->pdata[i];

      if (candidate->status != REC_IMPORT_NEW)
        continue;
      found = candidate;
      if (!last)
        break;
    }
  g_assert_nonnull (found);
  return found;
}

static void
check_payment (RecImportCandidate *candidate,
               const char         *date,
               RecCents            cents,
               const char         *reference)
{
  RecPayment *payment = REC_PAYMENT (candidate->record);
  g_autofree char *iso = rec_date_to_iso (&payment->date);

  g_assert_cmpstr (iso, ==, date);
  g_assert_cmpint (payment->amount_cents, ==, cents);
  g_assert_cmpstr (payment->reference, ==, reference);
  g_assert_cmpstr (payment->notes, ==, candidate->description);
}

/* The source's own fields: the bytes' SHA-256 and size, the attachment. */
static void
check_source (RecImportSource *source,
              const char      *file)
{
  g_autofree char *path = fixture_path (file);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, size);
  g_assert_cmpstr (source->sha256, ==, sha256);
  g_assert_cmpint (source->size, ==, (gint64) size);
  g_assert_cmpstr (source->name, ==, file);
  g_assert_cmpint (source->kind, ==, REC_IMPORT_KIND_PAYMENTS);
  g_assert_nonnull (source->attachment);
  g_assert_cmpstr (source->attachment->sha256, ==, sha256);
  g_assert_cmpstr (source->attachment->name, ==, file);
}

static void
test_statements (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (statement_cases); i++)
    {
      const StatementCase *c = &statement_cases[i];
      RecImportPaymentOptions options = {
        .format = c->format, .columns = c->columns, .date_order = c->date_order,
        .method = c->method, .obligor_name = c->obligor, .obligor_email = c->obligor_email,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(RecImportSource) source = NULL;
      RecImportCandidate *first, *last;
      guint counts[4];

      g_test_message ("case %u: %s", i, c->file);
      source = read_case (c->file, &options, &error);
      g_assert_no_error (error);
      check_source (source, c->file);
      g_assert_cmpstr (source->format, ==, c->expect_format);
      count_statuses (source, counts);
      g_assert_cmpuint (counts[REC_IMPORT_NEW], ==, c->n_new);
      g_assert_cmpuint (counts[REC_IMPORT_NOT_MATCHING], ==, c->n_not_matching);
      g_assert_cmpuint (counts[REC_IMPORT_REJECTED], ==, c->n_rejected);
      g_assert_cmpuint (counts[REC_IMPORT_DUPLICATE], ==, 0);
      first = nth_new (source, FALSE);
      last = nth_new (source, TRUE);
      check_payment (first, c->first_date, c->first_cents, c->first_reference);
      check_payment (last, c->last_date, c->last_cents, c->last_reference);
      g_assert_cmpint (REC_PAYMENT (first->record)->method, ==, c->first_method);
      if (c->first_description != NULL)
        g_assert_cmpstr (first->description, ==, c->first_description);
      if (c->rejected != NULL)
        for (guint r = 0; r < source->candidates->len; r++)
          {
            RecImportCandidate *candidate = source->candidates->pdata[r];
            g_autofree char *shown = NULL;

            if (candidate->status != REC_IMPORT_REJECTED)
              continue;
            shown = g_strdup_printf ("%s: %s", candidate->where, candidate->reason);
            g_assert_cmpstr (shown, ==, c->rejected);
            break;
          }
    }
}

/* --match (IMP-S's filter) finds what the reader put in match_text: the
 * description, payee and memo. */
static void
test_match_text (void)
{
  RecImportPaymentOptions options = { .method = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = read_case ("bank-creditunion-tab.csv", &options, &error);
  RecImportCandidate *first;

  g_assert_no_error (error);
  first = nth_new (source, FALSE);
  g_assert_nonnull (strstr (first->match_text, "MOBILE CHECK DEPOSIT"));
  g_assert_nonnull (strstr (first->match_text, "From Mark Smith - April support"));
}

typedef struct
{
  const char     *file;
  const char     *columns;
  const char     *date_order;
  const char     *format;
  RecImportError  code;
  const char     *message;      /* the error contains it */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-mixed-dates.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "bad-mixed-dates.csv:4: the date \"15/02/2024\" is not in the order of line 2" },
  { "bad-invalid-utf8.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "bad-invalid-utf8.csv:3: the text is not valid UTF-8" },
  { "bad-utf16-odd.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "“bad-utf16-odd.csv” says it is UTF-16 text but is not" },
  /* ASCII until line 3, then bytes that are neither UTF-8 nor text. */
  { "bad-junk-bytes.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "bad-junk-bytes.csv:3: the text is not valid UTF-8" },
  { "bad-empty.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "“bad-empty.csv” is empty (0 bytes)" },
  { "bad-photo.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "“bad-photo.csv” is not a bank statement, OFX file, SMS backup or mailbox" },
  { "bad-truncated.ofx", NULL, NULL, NULL, REC_IMPORT_ERROR_MALFORMED,
    "bad-truncated.ofx:" },
  { "bank-wellsfargo-noheader.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "not a bank statement, OFX file, SMS backup or mailbox (no row names a date" },
  /* An SMS backup or e-mail is no statement, and the error says what it is
   * (the CLI and the window may then read it as messages). */
  { "bad-sms-backup.xml", NULL, NULL, NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "“bad-sms-backup.xml” is an SMS backup, not a bank statement: import it as messages" },
  { "bad-email.eml", NULL, NULL, NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "“bad-email.eml” is e-mail, not a bank statement: import it as messages" },
  /* --format venmo on a bank statement. */
  { "bank-chase.csv", NULL, NULL, "venmo", REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "“bank-chase.csv” is not a bank statement" },
  { "bank-chase.csv", NULL, NULL, "ofx", REC_IMPORT_ERROR_MALFORMED, "bank-chase.csv" },
  { "bank-chase.csv", NULL, NULL, "xls", REC_IMPORT_ERROR_BAD_OPTION, "--format: \"xls\"" },
  { "bank-chase.csv", NULL, "ymd", NULL, REC_IMPORT_ERROR_BAD_OPTION, "--date-order: \"ymd\"" },
  { "bank-chase.csv", "date=0,amount=2", NULL, NULL, REC_IMPORT_ERROR_BAD_OPTION,
    "--columns: \"date=0\" is not NAME=NUMBER" },
  { "bank-chase.csv", "date=1,colour=2", NULL, NULL, REC_IMPORT_ERROR_BAD_OPTION,
    "--columns: \"colour\" is not a column name" },
  { "bank-chase.csv", "description=3", NULL, NULL, REC_IMPORT_ERROR_BAD_OPTION,
    "--columns must name the date and the amount" },
  { "no-such-file.csv", NULL, NULL, NULL, REC_IMPORT_ERROR_IO, "Cannot read “no-such-file.csv”" },
};

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      RecImportPaymentOptions options = {
        .columns = c->columns, .date_order = c->date_order, .format = c->format, .method = -1,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(RecImportSource) source = read_case (c->file, &options, &error);

      g_test_message ("case %s: %s", c->file, error ? error->message : "(no error)");
      g_assert_null (source);
      g_assert_error (error, REC_IMPORT_ERROR, (int) c->code);
      g_assert_nonnull (strstr (error->message, c->message));
      /* The hint about --columns only for text that could be a table. */
      if (c->code == REC_IMPORT_ERROR_UNKNOWN_FORMAT && g_str_has_prefix (c->file, "bad-"))
        g_assert_null (strstr (error->message, "--columns"));
    }
}

/* The obligor's name matches the sender's word by word, in any order and
 * case, either being the longer; a lone first name does not; an unknown
 * obligor (empty) lets every completed payment through. */
static void
test_obligor_names (void)
{
  static const struct { const char *obligor; const char *email; guint n_new; } cases[] = {
    { "Mark Smith", NULL, 2 }, { "smith, mark", NULL, 2 }, { "MARK SMITH", NULL, 2 },
    { "Mark Anthony Smith", NULL, 2 }, { "Mark A. Smith", NULL, 2 }, { "Al", NULL, 0 },
    { "Mark Smithson", NULL, 0 }, { "Mark", NULL, 0 }, { "Jordan Lee", NULL, 1 },
    { "", NULL, 3 }, { NULL, "", 3 },
    /* Venmo has no e-mail column: a known e-mail alone matches nobody. */
    { NULL, "mark.smith@example.com", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RecImportPaymentOptions options = {
        .method = -1, .obligor_name = cases[i].obligor, .obligor_email = cases[i].email,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(RecImportSource) source = read_case ("app-venmo.csv", &options, &error);
      guint counts[4];

      g_test_message ("obligor %s", cases[i].obligor ? cases[i].obligor : "(none)");
      g_assert_no_error (error);
      count_statuses (source, counts);
      g_assert_cmpuint (counts[REC_IMPORT_NEW], ==, cases[i].n_new);
      g_assert_cmpuint (counts[REC_IMPORT_NEW] + counts[REC_IMPORT_NOT_MATCHING], ==, 6);
    }
}

/* Never twice (spec §2) on what the readers give: a statement's payments
 * put in a case, the same file read again is all already there (dates,
 * cents and references read the same way each time). */
static void
test_read_again (void)
{
  static const char *const files[] = { "bank-chase.csv", "ofx-1x-sgml.ofx", "app-paypal.csv",
                                        "bank-semicolon-decimal-comma.csv", "qfx-quicken.qfx" };
  RecImportPaymentOptions options = { .method = -1, .obligor_name = OBLIGOR };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(RecCaseData) case_data = rec_case_data_new ();
      g_autoptr(GPtrArray) sources =
        g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);
      g_autoptr(GError) error = NULL;
      RecImportSource *first = read_case (files[f], &options, &error);
      RecImportSource *again;
      guint n_new;

      g_assert_no_error (error);
      for (guint i = 0; i < first->candidates->len; i++)
        {
          RecImportCandidate *candidate = first->candidates->pdata[i];

          if (candidate->status == REC_IMPORT_NEW)
            g_ptr_array_add (case_data->payments, g_object_ref (candidate->record));
        }
      n_new = case_data->payments->len;
      g_assert_cmpuint (n_new, >, 0);
      rec_import_source_free (first);
      again = read_case (files[f], &options, &error);
      g_assert_no_error (error);
      g_ptr_array_add (sources, again);
      rec_import_source_filter (again, NULL);
      rec_import_mark_duplicates (case_data, sources);
      g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 0);
      g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_DUPLICATE), ==, n_new);
    }
}

/* --columns on a file that has a header: the header row (no date in the
 * date column) is passed over, the rows are read. */
static void
test_columns_over_header (void)
{
  RecImportPaymentOptions options = { .columns = "date=2,amount=4,description=3", .method = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = read_case ("bank-chase.csv", &options, &error);

  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  g_assert_no_error (error);
  g_ptr_array_add (sources, source);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 4);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NOT_MATCHING), ==, 3);
  g_assert_cmpuint (source->candidates->len, ==, 7);
}

static void
progress_cb (gint64   done,
             gint64   total,
             gpointer user_data)
{
  gint64 *last = user_data;

  g_assert_cmpint (done, <=, total);
  g_assert_cmpint (done, >=, *last);
  *last = done;
}

/* 10 000 rows (the benchmark's size) with every fourth one a debit: all
 * read, progress to the end, the last row's line. */
static void
test_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rec-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Date,Description,Amount\n");
  RecImportPaymentOptions options = { .method = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = NULL;
  gint64 last = 0;
  RecImportCandidate *candidate;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "%02u/%02u/%u,\"Transfer %u, from Mark\",%s%u.%02u\n",
                            i % 12 + 1, i % 28 + 1, 2000 + i / 400, i,
                            i % 4 == 3 ? "-" : "", i + 1, i % 100);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  source = rec_import_read_payments (path, &options, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, (gint64) text->len);
  g_assert_cmpuint (source->candidates->len, ==, 10000);
  candidate = source->candidates->pdata[9999];
  g_assert_cmpstr (candidate->where, ==, "large.csv:10001");
  g_assert_cmpint (REC_PAYMENT (candidate->record)->amount_cents, ==, 1000099);
  g_assert_false (candidate->credit);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_cancelled (void)
{
  g_autofree char *path = fixture_path ("bank-chase.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RecImportPaymentOptions options = { .method = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = NULL;

  g_cancellable_cancel (cancellable);
  source = rec_import_read_payments (path, &options, NULL, NULL, cancellable, &error);
  g_assert_null (source);
  g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED);
}

/* --- The value parsers --- */

typedef struct
{
  const char *text;
  gboolean    decimal_comma;
  gboolean    ok;
  RecCents    cents;
  const char *reason;
} AmountCase;

static const AmountCase amount_cases[] = {
  { "1245.00", FALSE, TRUE, 124500, NULL },
  { "1,245.00", FALSE, TRUE, 124500, NULL },
  { "$1,245.00", FALSE, TRUE, 124500, NULL },
  { "-1245.00", FALSE, TRUE, -124500, NULL },
  { "(1,245.00)", FALSE, TRUE, -124500, NULL },
  { "+ $150.00", FALSE, TRUE, 15000, NULL },
  { "- $20.00", FALSE, TRUE, -2000, NULL },
  { "-$20.00", FALSE, TRUE, -2000, NULL },
  { "$-20.00", FALSE, TRUE, -2000, NULL },
  { "150.00-", FALSE, TRUE, -15000, NULL },
  { " 12.5 ", FALSE, TRUE, 1250, NULL },
  { ".50", FALSE, TRUE, 50, NULL },
  { "1,234,567.89", FALSE, TRUE, 123456789, NULL },
  { "999999999.99", FALSE, TRUE, REC_CENTS_MAX, NULL },
  { "1.245,00", TRUE, TRUE, 124500, NULL },
  { "-56,20", TRUE, TRUE, -5620, NULL },
  { "1 245,00", TRUE, TRUE, 124500, NULL },
  { "0,12", TRUE, TRUE, 12, NULL },
  { "1.245,00", FALSE, FALSE, 0, "\"1.245,00\" is not an amount in this file's format" },
  { "1,245.00", TRUE, FALSE, 0, "\"1,245.00\" is not an amount in this file's format" },
  { "12.345", FALSE, FALSE, 0, "\"12.345\" is not an amount in this file's format" },
  { "1000000000.00", FALSE, FALSE, 0, "\"1000000000.00\" is not an amount" },
  { "12,34,5.00", FALSE, FALSE, 0, "\"12,34,5.00\" is not an amount" },
  { "abc", FALSE, FALSE, 0, "\"abc\" is not an amount" },
  { "", FALSE, FALSE, 0, "\"\" is not an amount" },
  { "--5", FALSE, FALSE, 0, "\"--5\" is not an amount" },
  { "(-5)", FALSE, FALSE, 0, "\"(-5)\" is not an amount" },
  { "1.2.3", FALSE, FALSE, 0, "\"1.2.3\" is not an amount" },
  { "5 USD", FALSE, TRUE, 500, NULL },
  { "450.0000", FALSE, TRUE, 45000, NULL },
  { "150.00 CR", FALSE, TRUE, 15000, NULL },
  { "1,150.00 dr", FALSE, TRUE, -115000, NULL },
  { "-150.00 CR", FALSE, FALSE, 0, "\"-150.00 CR\" is not an amount" },
  { "150.00 XR", FALSE, FALSE, 0, "\"150.00 XR\" is not an amount" },
  { "-73.2100", FALSE, TRUE, -7321, NULL },
  { "1.000", FALSE, TRUE, 100, NULL },
  { "1.005", FALSE, FALSE, 0, "\"1.005\" is not an amount in this file's format" },
  { "1.0001", FALSE, FALSE, 0, "\"1.0001\" is not an amount" },
  { "450,0000", TRUE, TRUE, 45000, NULL },
  { "12.", FALSE, FALSE, 0, "\"12.\" is not an amount" },
  { "1e5", FALSE, FALSE, 0, "\"1e5\" is not an amount" },
};

static void
test_amounts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (amount_cases); i++)
    {
      const AmountCase *c = &amount_cases[i];
      g_autofree char *reason = NULL;
      RecCents cents = 0;
      gboolean ok;

      g_test_message ("amount %s", c->text);
      ok = _rec_import_parse_amount (c->text, c->decimal_comma, &cents, &reason);
      g_assert_cmpint (ok, ==, c->ok);
      if (ok)
        g_assert_cmpint (cents, ==, c->cents);
      else
        g_assert_cmpstr (reason, ==, c->reason);
    }
  g_assert_cmpint (_rec_import_decimal_vote ("1.245,00"), ==, 1);
  g_assert_cmpint (_rec_import_decimal_vote ("-56,2"), ==, 1);
  g_assert_cmpint (_rec_import_decimal_vote ("$1,245.00"), ==, -1);
  g_assert_cmpint (_rec_import_decimal_vote ("1,245"), ==, 0);
  g_assert_cmpint (_rec_import_decimal_vote ("1245"), ==, 0);
}

typedef struct
{
  const char   *text;
  RecDateOrder  order;
  const char   *iso;      /* NULL: not a date */
} DateCase;

static const DateCase date_cases[] = {
  { "03/15/2024", REC_DATE_ORDER_MDY, "2024-03-15" },
  { "3/5/24", REC_DATE_ORDER_MDY, "2024-03-05" },
  { "3/5/99", REC_DATE_ORDER_MDY, "1999-03-05" },
  { "2024-03-15", REC_DATE_ORDER_DMY, "2024-03-15" },
  { "2024-01-05T14:22:31", REC_DATE_ORDER_MDY, "2024-01-05" },
  { "2024-04-05 10:15:22 PDT", REC_DATE_ORDER_MDY, "2024-04-05" },
  { "15/03/2024", REC_DATE_ORDER_DMY, "2024-03-15" },
  { "15.03.2024", REC_DATE_ORDER_DMY, "2024-03-15" },
  { "01/02/2024", REC_DATE_ORDER_UNKNOWN, "2024-01-02" },
  { "15/03/2024", REC_DATE_ORDER_MDY, NULL },
  { "02/29/2023", REC_DATE_ORDER_MDY, NULL },
  { "02/29/2024", REC_DATE_ORDER_MDY, "2024-02-29" },
  { "2024-13-01", REC_DATE_ORDER_MDY, NULL },
  { "3/5/2024x", REC_DATE_ORDER_MDY, NULL },
  { "3/5-2024", REC_DATE_ORDER_MDY, NULL },
  { "123/5/2024", REC_DATE_ORDER_MDY, NULL },
  { "3/5/202", REC_DATE_ORDER_MDY, NULL },
  { "", REC_DATE_ORDER_MDY, NULL },
  { "Total", REC_DATE_ORDER_MDY, NULL },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      GDate date;

      g_test_message ("date %s", c->text);
      if (c->iso == NULL)
        g_assert_false (_rec_import_parse_date (c->text, c->order, &date));
      else
        {
          g_autofree char *iso = NULL;

          g_assert_true (_rec_import_parse_date (c->text, c->order, &date));
          iso = rec_date_to_iso (&date);
          g_assert_cmpstr (iso, ==, c->iso);
        }
    }
}

/* What a reader reports of its progress, in order: "done/total". */
static void
record_progress (gint64   done,
                 gint64   total,
                 gpointer user_data)
{
  GPtrArray *calls = user_data;

  g_ptr_array_add (calls, g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                           done, total));
}

/* Progress: an OFX file (libofx reads it in one call, telling nothing on
 * the way) says first that it is busy unmeasured (total -1), then that it
 * is done; a CSV only ever gives bytes of its size. */
static void
test_progress (void)
{
  static const char *const files[] = { "ofx-1x-sgml.ofx", "qfx-quicken.qfx", "bank-chase.csv" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = fixture_path (files[f]);
      g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(RecImportSource) source = NULL;
      g_autofree char *done = NULL;
      gboolean ofx = g_str_has_prefix (files[f], "ofx") || g_str_has_prefix (files[f], "qfx");
      struct stat st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      source = rec_import_read_payments (path, NULL, record_progress, calls, NULL, &error);
      g_assert_no_error (error);
      done = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                              (gint64) st.st_size, (gint64) st.st_size);
      g_assert_cmpuint (calls->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (calls, calls->len - 1), ==, done);
      if (ofx)
        {
          g_assert_cmpuint (calls->len, ==, 2);
          g_assert_cmpstr (g_ptr_array_index (calls, 0), ==, "0/-1");
        }
      else
        for (guint i = 0; i < calls->len; i++)
          g_assert_null (strstr (g_ptr_array_index (calls, i), "/-1"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/payments/statements", test_statements);
  g_test_add_func ("/import/payments/match-text", test_match_text);
  g_test_add_func ("/import/payments/bad-files", test_bad_files);
  g_test_add_func ("/import/payments/obligor-names", test_obligor_names);
  g_test_add_func ("/import/payments/read-again", test_read_again);
  g_test_add_func ("/import/payments/columns-over-header", test_columns_over_header);
  g_test_add_func ("/import/payments/large", test_large);
  g_test_add_func ("/import/payments/cancelled", test_cancelled);
  g_test_add_func ("/import/payments/amounts", test_amounts);
  g_test_add_func ("/import/payments/dates", test_dates);
  g_test_add_func ("/import/payments/progress", test_progress);

  return g_test_run ();
}

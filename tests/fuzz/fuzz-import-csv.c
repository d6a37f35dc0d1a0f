/* fuzz-import-csv.c — libFuzzer target: the statement CSV reader and the
 * payment reader above it
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes are either refused with one error naming the file, or read into
 * records whose fields are valid UTF-8 without NUL bytes, on lines that
 * start at 1 and never go back. The same bytes as a statement (the CSV path:
 * OFX is libofx's and needs a file) give an error of the import domain or
 * candidates that each say where they are, a NEW one a payment of more than
 * nothing and at most the largest amount a case holds, a REJECTED one a
 * reason. Every field is also fed to the amount and date parsers.
 */
#include "config.h"

#include "rec-import-csv.h"
#include "rec-import-payments-private.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_values (const char *text)
{
  g_autofree char *reason = NULL;
  RecCents cents;
  GDate date;

  for (int comma = 0; comma < 2; comma++)
    {
      if (_rec_import_parse_amount (text, comma, &cents, &reason))
        g_assert_true (cents <= REC_CENTS_MAX && cents >= -REC_CENTS_MAX);
      else
        g_assert_true (g_utf8_validate (reason, -1, NULL));
      g_clear_pointer (&reason, g_free);
    }
  (void) _rec_import_decimal_vote (text);
  for (int order = REC_DATE_ORDER_UNKNOWN; order <= REC_DATE_ORDER_DMY; order++)
    if (_rec_import_parse_date (text, (RecDateOrder) order, &date))
      g_assert_true (g_date_valid (&date));
}

static void
check_records (const uint8_t *data,
               size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = rec_csv_parse_all ((const char *) data, size, "f.csv", 0,
                                                    &error);
  guint line = 1;

  if (records == NULL)
    {
      g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "f.csv:"));
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      const RecCsvRecord *record = records->pdata[i];

      g_assert_cmpuint (record->line, >=, line);
      line = record->line;
      g_assert_cmpuint (record->fields->len, >=, 1);
      for (guint f = 0; f < record->fields->len; f++)
        {
          const char *field = record->fields->pdata[f];

          g_assert_true (g_utf8_validate (field, -1, NULL));
          if (i < 64 && f < 16)
            check_values (field);
        }
    }
}

static void
check_statement (const uint8_t *data,
                 size_t         size)
{
  static const RecImportPaymentOptions options = { .method = -1, .obligor_name = "Mark Smith" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = NULL;

  if (_rec_import_looks_like_ofx ((const char *) data, size))
    return;
  source = _rec_import_read_payments_data ("/nonexistent/f.csv", (const char *) data, size,
                                           &options, NULL, NULL, NULL, &error);
  if (source == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == REC_IMPORT_ERROR);
      return;
    }
  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = source->candidates->pdata[i];

      g_assert_true (g_str_has_prefix (candidate->where, "f.csv:"));
      if (candidate->status == REC_IMPORT_REJECTED)
        g_assert_nonnull (candidate->reason);
      else
        {
          RecPayment *payment = REC_PAYMENT (candidate->record);

          g_assert_cmpint (payment->amount_cents, >, 0);
          g_assert_cmpint (payment->amount_cents, <=, REC_CENTS_MAX);
          g_assert_true (g_date_valid (&payment->date));
          g_assert_true (g_utf8_validate (candidate->description, -1, NULL));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check_records (data, size);
  check_statement (data, size);
  return 0;
}

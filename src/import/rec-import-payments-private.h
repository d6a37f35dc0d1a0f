/* rec-import-payments-private.h — what the payment readers share: dates and
 * amounts as statements write them, candidates with their place
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rec-import-payments.c detects the format and reads bank CSVs and the
 * payment apps' statements; rec-import-ofx.c reads OFX/QFX through libofx.
 */
#pragma once

#include "rec-import-csv.h"
#include "rec-import.h"

G_BEGIN_DECLS

typedef enum
{
  REC_DATE_ORDER_UNKNOWN,
  REC_DATE_ORDER_MDY,
  REC_DATE_ORDER_DMY,
} RecDateOrder;

/* --- Which column is what (rec-import-columns.c) --- */

#define REC_IMPORT_MAX_TEXT_COLUMNS 6

typedef enum
{
  REC_IMPORT_LAYOUT_BANK,
  REC_IMPORT_LAYOUT_VENMO,
  REC_IMPORT_LAYOUT_PAYPAL,
  REC_IMPORT_LAYOUT_CASHAPP,
} RecImportLayoutKind;

/* Where the columns are (0-based, -1: none). */
typedef struct
{
  RecImportLayoutKind kind;
  int        date;
  int        date_rank;            /* date before posting date */
  int        amount;
  int        credit;
  int        debit;
  int        reference;
  int        indicator[2];         /* columns whose "credit" / "debit" decides */
  int        status;
  int        type;
  int        party;                /* who the money came from */
  int        party_out;            /* who it went to, when another column (Venmo's To) */
  int        email;
  int        text[REC_IMPORT_MAX_TEXT_COLUMNS]; /* description first, then the others */
  int        text_rank[REC_IMPORT_MAX_TEXT_COLUMNS];
  guint      n_text;
  guint      first_row;            /* the first data row (record index) */
} RecImportLayout;

/* A header cell as compared: case-folded, spaces collapsed, "_" as a
 * space, a trailing ":" dropped. */
char               *_rec_import_header_key        (const char   *text) G_GNUC_WARN_UNUSED_RESULT;
/* `key` is one of `words`, spaces aside ("postingdate" is "posting date"). */
gboolean            _rec_import_key_is            (const char        *key,
                                                   const char *const *words);
/* The layout when `row` is a header row a --format (NULL, "auto", csv,
 * venmo, paypal, cashapp) allows: a payment app's, else a bank's with a
 * date and an amount (or credit / debit) column. first_row is left 0. */
gboolean            _rec_import_header_layout     (const RecCsvRecord *row,
                                                   const char         *format,
                                                   RecImportLayout    *layout);
/* --columns "date=1,amount=2,description=5" (1-based): BAD_OPTION naming
 * the part that is wrong. */
gboolean            _rec_import_parse_columns     (const char         *spec,
                                                   RecImportLayout    *layout,
                                                   GError            **error);
/* "csv", "venmo", "paypal", "cashapp" */
const char         *_rec_import_layout_format     (RecImportLayoutKind kind);

/* Reads a date as statements write it: YYYY-MM-DD (or YYYY/MM/DD),
 * A/B/YYYY or A/B/YY ('/', '-' or '.' between) in `order` (UNKNOWN: month
 * first), a time after it ignored ("2024-01-05T14:22:31", "01/05/2024
 * 10:33"). Two-digit years are 2000–2069 and 1970–1999. */
gboolean            _rec_import_parse_date        (const char   *text,
                                                   RecDateOrder  order,
                                                   GDate        *out_date);
/* For a date in the A/B/Y form: its first two numbers (FALSE otherwise). */
gboolean            _rec_import_date_parts        (const char   *text,
                                                   int          *out_first,
                                                   int          *out_second);

/* Reads a signed amount: "1245.00", "1,245.00", "$1,245.00", "-1245.00",
 * "(1,245.00)", "+ $150.00", "-$20.00", "150.00-", with a decimal comma
 * ("1.245,00", "1 245,00") when `decimal_comma`. Integer cents from the
 * digits, never through a floating-point number. On failure, the reason
 * (translated, quoting the text) says whether the text is an amount in the
 * other convention ("… is not an amount in this file's format"). */
gboolean            _rec_import_parse_amount      (const char   *text,
                                                   gboolean      decimal_comma,
                                                   RecCents     *out_cents,
                                                   char        **out_reason);
/* The vote of one amount text on the file's decimal mark: +1 decimal comma
 * ("1,50", "1.245,00"), -1 decimal point ("1.50", "1,245.00"), 0 neither. */
int                 _rec_import_decimal_vote      (const char   *text);

/* "name:line" */
char               *_rec_import_where             (RecImportSource *source,
                                                   guint            line) G_GNUC_WARN_UNUSED_RESULT;
/* Appends a candidate holding a RecPayment: NEW when `credit` (the status
 * may be changed after), NOT_MATCHING otherwise; amount the absolute value
 * of `cents` (which must not be 0). */
RecImportCandidate *_rec_import_add_payment       (RecImportSource *source,
                                                   guint            line,
                                                   const GDate     *date,
                                                   RecCents         cents,
                                                   gboolean         credit,
                                                   RecPaymentMethod method,
                                                   const char      *reference,
                                                   const char      *description,
                                                   const char      *match_text);
/* Appends a REJECTED candidate with `reason` (taken). */
void                _rec_import_add_rejected      (RecImportSource *source,
                                                   guint            line,
                                                   char            *reason);

/* rec_import_read_payments on bytes already in memory (the mapped file; the
 * fuzz target). `path` names the source, and libofx reads it for OFX. The
 * options are checked already. */
RecImportSource    *_rec_import_read_payments_data (const char                    *path,
                                                    const char                    *data,
                                                    gsize                          size,
                                                    const RecImportPaymentOptions *options,
                                                    RecImportProgressFunc          progress,
                                                    gpointer                       user_data,
                                                    GCancellable                  *cancellable,
                                                    GError                       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads an OFX/QFX file's transactions into `source` (rec-import-ofx.c). */
gboolean            _rec_import_read_ofx          (RecImportSource               *source,
                                                   const char                    *data,
                                                   gsize                          size,
                                                   const RecImportPaymentOptions *options,
                                                   RecImportProgressFunc          progress,
                                                   gpointer                       user_data,
                                                   GCancellable                  *cancellable,
                                                   GError                       **error);
/* TRUE when the text starts like an OFX file (OFXHEADER:, <?OFX, <OFX>). */
gboolean            _rec_import_looks_like_ofx    (const char   *data,
                                                   gsize         size);

G_END_DECLS

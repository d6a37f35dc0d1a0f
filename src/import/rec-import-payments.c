/* rec-import-payments.c — statements in: the format from the content, bank
 * CSVs (spec/import.md §3) and the Venmo, PayPal and Cash App statements
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV statement is read whole into rows first (a statement of 10 000 rows
 * is a megabyte): the date order and the decimal mark are decided per file,
 * from all its rows, before any row becomes a candidate.
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import.h"

#include "rec-import-csv.h"
#include "rec-import-payments-private.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

/* Summary lines some banks write before the header: the header is looked
 * for in the first rows only. */
#define HEADER_SEARCH_ROWS 100
#define PROGRESS_EVERY     (64 * 1024)

typedef struct
{
  RecImportSource               *source;
  const RecImportPaymentOptions *options;
  GPtrArray                     *rows;        /* RecCsvRecord copies */
  RecImportLayout                layout;
  RecDateOrder                   order;
  gboolean                       decimal_comma;
} Statement;

/* --- Rows --- */

static void
row_free (gpointer data)
{
  RecCsvRecord *row = data;

  g_ptr_array_unref (row->fields);
  g_free (row);
}

/* The cell, "" when the row is shorter or the column absent. */
static const char *
cell (const RecCsvRecord *row,
      int                 column)
{
  if (column < 0 || (guint) column >= row->fields->len)
    return "";
  return row->fields->pdata[column];
}

/* The cell without spaces around (owned). */
static char *
cell_dup (const RecCsvRecord *row,
          int                 column)
{
  return g_strstrip (g_strdup (cell (row, column)));
}

static gboolean
row_is_empty (const RecCsvRecord *row)
{
  for (guint i = 0; i < row->fields->len; i++)
    {
      const char *p = row->fields->pdata[i];

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
read_rows (const char             *data,
           gsize                   size,
           const char             *name,
           RecImportProgressFunc   progress,
           gpointer                user_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(RecCsvReader) reader = rec_csv_reader_new (stream, name, 0);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GError) local_error = NULL;
  const RecCsvRecord *record;
  gint64 reported = 0;

  while ((record = rec_csv_reader_next (reader, cancellable, &local_error)) != NULL)
    {
      RecCsvRecord *row = g_new0 (RecCsvRecord, 1);
      gint64 offset = rec_csv_reader_get_offset (reader);

      row->line = record->line;
      row->fields = g_ptr_array_new_full (record->fields->len, g_free);
      for (guint i = 0; i < record->fields->len; i++)
        g_ptr_array_add (row->fields, g_strdup (record->fields->pdata[i]));
      g_ptr_array_add (rows, row);
      if (progress != NULL && offset - reported >= PROGRESS_EVERY)
        {
          progress (offset, (gint64) size, user_data);
          reported = offset;
        }
    }
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* `text`: the file is text (a CSV without a header the reader knows),
 * and the message says how to name its columns. */
static gboolean
unknown_format (GError     **error,
                const char  *name,
                gboolean     text)
{
  if (text)
    /* Translators: the file is text but no header row was found; the words
     * up to the parenthesis are spec/import.md's, --columns is an option. */
    g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
                 _("“%s” is not a bank statement, OFX file, SMS backup or mailbox (no row "
                   "names a date and an amount column; for a statement without a header "
                   "row, say where they are: --columns date=1,amount=2,description=3)"),
                 name);
  else
    /* Translators: the file is no format the import reads (spec/import.md). */
    g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
                 _("“%s” is not a bank statement, OFX file, SMS backup or mailbox"), name);
  return FALSE;
}

/* Finds the header (summary lines before it skipped), or the first row
 * with a date under --columns. */
static gboolean
find_layout (Statement  *statement,
             GError    **error)
{
  const RecImportPaymentOptions *options = statement->options;
  GPtrArray *rows = statement->rows;
  GDate date;

  if (options->columns != NULL)
    {
      if (!_rec_import_parse_columns (options->columns, &statement->layout, error))
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        if (_rec_import_parse_date (cell (rows->pdata[i], statement->layout.date),
                                    REC_DATE_ORDER_DMY, &date)
            || _rec_import_parse_date (cell (rows->pdata[i], statement->layout.date),
                                       REC_DATE_ORDER_MDY, &date))
          {
            statement->layout.first_row = i;
            return TRUE;
          }
      statement->layout.first_row = rows->len;
      return TRUE;
    }
  for (guint i = 0; i < rows->len && i < HEADER_SEARCH_ROWS; i++)
    if (_rec_import_header_layout (rows->pdata[i], options->format, &statement->layout))
      {
        statement->layout.first_row = i + 1;
        return TRUE;
      }
  return unknown_format (error, statement->source->name, TRUE);
}

/* --- Per-file decisions --- */

/* The date order from the whole file: day first only when some first
 * number is over 12 and no second one is (or --date-order); both in one
 * file is an error naming the line that contradicts the earlier one. */
static gboolean
decide_date_order (Statement  *statement,
                   GError    **error)
{
  const RecCsvRecord *day_first = NULL;
  const RecCsvRecord *month_first = NULL;
  const char *order = statement->options->date_order;

  for (guint i = statement->layout.first_row; i < statement->rows->len; i++)
    {
      const RecCsvRecord *row = statement->rows->pdata[i];
      int first, second;

      if (!_rec_import_date_parts (cell (row, statement->layout.date), &first, &second))
        continue;
      if (first > 12 && second <= 12 && day_first == NULL)
        day_first = row;
      if (second > 12 && first <= 12 && month_first == NULL)
        month_first = row;
      if (day_first != NULL && month_first != NULL)
        {
          const RecCsvRecord *later = day_first->line > month_first->line ? day_first : month_first;
          const RecCsvRecord *earlier = later == day_first ? month_first : day_first;
          g_autofree char *quoted = rec_core_quote_text (cell (later, statement->layout.date));
          g_autofree char *quoted_earlier = rec_core_quote_text (cell (earlier,
                                                                       statement->layout.date));

          /* Translators: a statement whose dates are written day first on
           * some rows and month first on others. */
          g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                       _("%s:%u: the date \"%s\" is not in the order of line %u (\"%s\"): "
                         "the file mixes day-first and month-first dates"),
                       statement->source->name, later->line, quoted, earlier->line,
                       quoted_earlier);
          return FALSE;
        }
    }
  if (order != NULL)
    statement->order = g_str_equal (order, "dmy") ? REC_DATE_ORDER_DMY : REC_DATE_ORDER_MDY;
  else
    statement->order = day_first != NULL ? REC_DATE_ORDER_DMY : REC_DATE_ORDER_MDY;
  return TRUE;
}

/* The decimal mark the file's amounts use, by a majority of those that show
 * one ("1,50" and "1.245,00" vote for a comma, "12.50" for a point). */
static void
decide_decimal_mark (Statement *statement)
{
  const RecImportLayout *layout = &statement->layout;
  int columns[] = { layout->amount, layout->credit, layout->debit };
  int votes = 0;

  for (guint i = layout->first_row; i < statement->rows->len; i++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      votes += _rec_import_decimal_vote (cell (statement->rows->pdata[i], columns[c]));
  statement->decimal_comma = votes > 0;
}

/* --- Rows into candidates --- */

/* The signed amount of a row (credit +, debit −); FALSE with the reason. */
static gboolean
row_amount (Statement           *statement,
            const RecCsvRecord  *row,
            RecCents            *out_cents,
            char               **out_reason)
{
  const RecImportLayout *layout = &statement->layout;
  g_autofree char *amount = cell_dup (row, layout->amount);
  g_autofree char *credit = cell_dup (row, layout->credit);
  g_autofree char *debit = cell_dup (row, layout->debit);
  RecCents cents;

  if (*amount != '\0')
    return _rec_import_parse_amount (amount, statement->decimal_comma, out_cents, out_reason);
  if (*credit != '\0')
    {
      if (!_rec_import_parse_amount (credit, statement->decimal_comma, &cents, out_reason))
        return FALSE;
      /* A credit column holds money in, whatever its sign says. */
      *out_cents = cents < 0 ? -cents : cents;
      if (*debit == '\0' || cents != 0)
        return TRUE;
    }
  if (*debit != '\0')
    {
      if (!_rec_import_parse_amount (debit, statement->decimal_comma, &cents, out_reason))
        return FALSE;
      *out_cents = cents > 0 ? -cents : cents;
      return TRUE;
    }
  /* row_is_skipped passes over such rows; kept for safety. */
  *out_reason = g_strdup (_("the row has no amount"));
  return FALSE;
}

/* +1 when an indicator column says credit, -1 debit, 0 when none says. */
static int
row_indicator (const Statement    *statement,
               const RecCsvRecord *row)
{
  /* English, Spanish, Vietnamese (the keys are folded: no case, no accents). */
  static const char *const credits[] = { "credit", "cr", "c", "crdt", "deposit", "dep",
                                         "abono", "credito", "deposito", "ingreso",
                                         "ghi co", "co", NULL };
  static const char *const debits[] = { "debit", "dr", "d", "dbit", "withdrawal",
                                        "cargo", "debito", "retiro", "egreso",
                                        "ghi no", "no", NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *value = cell_dup (row, statement->layout.indicator[i]);
      g_autofree char *key = _rec_import_header_key (value);

      if (_rec_import_key_is (key, credits))
        return 1;
      if (_rec_import_key_is (key, debits))
        return -1;
    }
  return 0;
}

/* The description (text[0], else the first text that is not empty) and the
 * text --match compares: every text column, in rank order. */
static void
row_texts (const Statement     *statement,
           const RecCsvRecord  *row,
           char               **out_description,
           char               **out_match)
{
  GString *match = g_string_new (NULL);
  char *description = NULL;

  for (guint i = 0; i < statement->layout.n_text; i++)
    {
      g_autofree char *text = cell_dup (row, statement->layout.text[i]);

      if (*text == '\0')
        continue;
      if (description == NULL)
        description = g_strdup (text);
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append (match, text);
    }
  *out_description = description ? description : g_strdup ("");
  *out_match = g_string_free (match, FALSE);
}

#define NAME_SEPARATORS " .,-_@()'\""

/* How many words of `some` there are (*out_n) and whether each is one of
 * `all`'s. */
static gboolean
words_in (char **some,
          char **all,
          guint *out_n)
{
  gboolean every = TRUE;

  *out_n = 0;
  for (guint i = 0; some[i] != NULL; i++)
    {
      if (*some[i] == '\0')
        continue;
      (*out_n)++;
      every = every && g_strv_contains ((const char *const *) all, some[i]);
    }
  return every;
}

/* Two names are one person's when the words of one are all words of the
 * other, in any order and case: the case's "Mark Anthony Smith" is the
 * app's "Mark Smith" and "smith, mark"; "Al" is not "Walgreens". The
 * shorter must have two words, unless both have one: a lone first name
 * ("Mark") is not enough. */
static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_auto(GStrv) wa = g_strsplit_set (fa, NAME_SEPARATORS, -1);
  g_auto(GStrv) wb = g_strsplit_set (fb, NAME_SEPARATORS, -1);
  guint na, nb;
  gboolean a_in_b = words_in (wa, wb, &na);
  gboolean b_in_a = words_in (wb, wa, &nb);

  if (na == 0 || nb == 0)
    return FALSE;
  if (a_in_b && (na >= 2 || nb == 1))
    return TRUE;
  return b_in_a && (nb >= 2 || na == 1);
}

/* Money from the other parent, when the case says who that is: TRUE when
 * the obligor is unknown (then --match may choose). */
static gboolean
from_obligor (const Statement    *statement,
              const RecCsvRecord *row)
{
  const char *name = statement->options->obligor_name;
  const char *email = statement->options->obligor_email;
  g_autofree char *party = cell_dup (row, statement->layout.party);
  g_autofree char *party_email = cell_dup (row, statement->layout.email);
  gboolean known_name = name != NULL && *name != '\0';
  gboolean known_email = email != NULL && *email != '\0';

  if (!known_name && !known_email)
    return TRUE;
  if (known_email && *party_email != '\0' && g_ascii_strcasecmp (party_email, email) == 0)
    return TRUE;
  return known_name && *party != '\0' && same_person (party, name);
}

/* A payment app's row that is money from a person, done: not pending,
 * failed or undone (Venmo "Complete", PayPal "Completed", Cash App
 * "PAYMENT RECEIVED"; "Pending", "PAYMENT FAILED", "Refunded" are not), and
 * not a transfer to or from the bank, a fee, a card purchase or reward, a
 * conversion or an investment. */
static gboolean
app_row_is_payment (const Statement    *statement,
                    const RecCsvRecord *row)
{
  static const char *const not_done[] = { "pend", "fail", "cancel", "declin", "denied",
                                          "refund", "revers", "expired", "hold", "held",
                                          "unclaimed", "waiting", "incomplete", NULL };
  static const char *const not_payments[] = { "transfer", "withdrawal", "deposit",
                                              "conversion", "hold", "authorization", "fee",
                                              "card", "bitcoin", "stock", "boost", "refund",
                                              "cash out", "cash in", "merchant", "interest",
                                              "reversal", NULL };
  g_autofree char *status = _rec_import_header_key (cell (row, statement->layout.status));
  g_autofree char *type = _rec_import_header_key (cell (row, statement->layout.type));

  for (guint i = 0; not_done[i] != NULL; i++)
    if (strstr (status, not_done[i]) != NULL)
      return FALSE;
  for (guint i = 0; not_payments[i] != NULL; i++)
    if (strstr (type, not_payments[i]) != NULL)
      return FALSE;
  return TRUE;
}

static RecPaymentMethod
row_method (const Statement *statement,
            const char      *reference)
{
  if (statement->options->method >= 0)
    return (RecPaymentMethod) statement->options->method;
  if (statement->layout.kind != REC_IMPORT_LAYOUT_BANK)
    return REC_PAYMENT_METHOD_APP;
  return *reference != '\0' ? REC_PAYMENT_METHOD_CHECK : REC_PAYMENT_METHOD_BANK_TRANSFER;
}

/* Joins the texts that are not empty with one space (NULL-terminated). */
static char *
join_texts (const char *first,
            ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    {
      if (*text == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

/* An app row's description: the other party, and the note ("Mark Smith —
 * January"); the type when there is neither ("Standard Transfer"). */
static char *
app_description (const Statement    *statement,
                 const RecCsvRecord *row,
                 const char         *party,
                 const char         *note)
{

  if (*party == '\0' && *note == '\0')
    return cell_dup (row, statement->layout.type);
  if (*party == '\0')
    return g_strdup (note);
  if (*note == '\0')
    return g_strdup (party);
  /* Translators: a payment app's row in the import list: who paid, and
   * the note they wrote ("Mark Smith — child support January"). */
  return g_strdup_printf (_("%s — %s"), party, note);
}

static void
add_row (Statement          *statement,
         const RecCsvRecord *row,
         const GDate        *date,
         RecCents            cents)
{
  const RecImportLayout *layout = &statement->layout;
  g_autofree char *reference = cell_dup (row, layout->reference);
  g_autofree char *description = NULL;
  g_autofree char *match = NULL;
  gboolean credit = cents > 0;
  int indicator = row_indicator (statement, row);
  RecImportCandidate *candidate;

  row_texts (statement, row, &description, &match);
  if (indicator != 0)
    credit = indicator > 0;
  if (layout->kind != REC_IMPORT_LAYOUT_BANK)
    {
      g_autofree char *note = g_steal_pointer (&description);
      int other = !credit && layout->party_out >= 0 ? layout->party_out : layout->party;
      g_autofree char *party = cell_dup (row, other);
      g_autofree char *email = cell_dup (row, layout->email);
      g_autofree char *type = cell_dup (row, layout->type);

      description = app_description (statement, row, party, note);
      g_free (match);
      match = join_texts (party, email, note, type, NULL);
      credit = credit && app_row_is_payment (statement, row);
    }
  candidate = _rec_import_add_payment (statement->source, row->line, date, cents, credit,
                                       row_method (statement, reference), reference,
                                       description, match);
  if (credit && layout->kind != REC_IMPORT_LAYOUT_BANK && !from_obligor (statement, row))
    {
      candidate->status = REC_IMPORT_NOT_MATCHING;
      candidate->selected = FALSE;
    }
}

static gboolean
cell_is_blank (const RecCsvRecord *row,
               int                 column)
{
  const char *p = cell (row, column);

  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0';
}

/* Rows that are no transaction: empty ones; a bank's balance lines with no
 * amount at all ("01/01/2024,Beginning balance as of 01/01/2024,,1,204.55"
 * in Bank of America's export) and footers; a payment app's balance and
 * disclaimer lines (no date). A row of no money moves none: nothing is
 * lost by passing over it. */
static gboolean
row_is_skipped (const Statement    *statement,
                const RecCsvRecord *row,
                const char         *date_text)
{
  const RecImportLayout *layout = &statement->layout;

  if (row_is_empty (row))
    return TRUE;
  if (layout->kind != REC_IMPORT_LAYOUT_BANK && *date_text == '\0')
    return TRUE;
  return cell_is_blank (row, layout->amount) && cell_is_blank (row, layout->credit)
         && cell_is_blank (row, layout->debit);
}

static void
read_row (Statement          *statement,
          const RecCsvRecord *row)
{
  g_autofree char *date_text = cell_dup (row, statement->layout.date);
  char *reason = NULL;
  RecCents cents = 0;
  GDate date;

  if (row_is_skipped (statement, row, date_text))
    return;
  if (!_rec_import_parse_date (date_text, statement->order, &date))
    {
      g_autofree char *quoted = rec_core_quote_text (date_text);

      /* Translators: a statement's date cell, quoted as it is in the file. */
      _rec_import_add_rejected (statement->source, row->line,
                                g_strdup_printf (_("\"%s\" is not a date"), quoted));
      return;
    }
  if (!row_amount (statement, row, &cents, &reason))
    {
      _rec_import_add_rejected (statement->source, row->line, reason);
      return;
    }
  /* A row of no money (a balance inquiry) is no payment either way. */
  if (cents == 0)
    return;
  add_row (statement, row, &date, cents);
}

static gboolean
read_csv (RecImportSource                *source,
          const char                     *data,
          gsize                           size,
          const RecImportPaymentOptions  *options,
          RecImportProgressFunc           progress,
          gpointer                        user_data,
          GCancellable                   *cancellable,
          GError                        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  Statement statement = { source, options, NULL, { 0 }, REC_DATE_ORDER_MDY, FALSE };

  rows = read_rows (data, size, source->name, progress, user_data, cancellable, error);
  if (rows == NULL)
    return FALSE;
  statement.rows = rows;
  if (!find_layout (&statement, error) || !decide_date_order (&statement, error))
    return FALSE;
  decide_decimal_mark (&statement);
  g_free (source->format);
  source->format = g_strdup (_rec_import_layout_format (statement.layout.kind));
  for (guint i = statement.layout.first_row; i < rows->len; i++)
    {
      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
                               _("The import was cancelled"));
          return FALSE;
        }
      read_row (&statement, rows->pdata[i]);
    }
  return TRUE;
}

/* --- The file --- */

static gboolean
check_options (const RecImportPaymentOptions  *options,
               GError                        **error)
{
  static const char *const formats[] = { "auto", "csv", "ofx", "venmo", "paypal", "cashapp",
                                         NULL };

  if (options->format != NULL && !g_strv_contains (formats, options->format))
    {
      g_autofree char *quoted = rec_core_quote_text (options->format);

      /* Translators: the --format option of import-payments; the words in
       * parentheses are the option's own and stay in English. */
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                   _("--format: \"%s\" is not a statement format (auto, csv, ofx, venmo, "
                     "paypal, cashapp)"), quoted);
      return FALSE;
    }
  if (options->date_order != NULL && !g_str_equal (options->date_order, "mdy")
      && !g_str_equal (options->date_order, "dmy"))
    {
      g_autofree char *quoted = rec_core_quote_text (options->date_order);

      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                   _("--date-order: \"%s\" is neither mdy nor dmy"), quoted);
      return FALSE;
    }
  return TRUE;
}

/* A file with a NUL byte near its start is no text (a JPEG renamed .csv);
 * one that starts with '<' is XML or HTML (an SMS backup, a web page), for
 * which the hint about --columns would mislead. */
static gboolean
looks_like_no_table (const char *data,
                     gsize       size)
{
  gsize i = 0;

  if (memchr (data, '\0', MIN (size, (gsize) 4096)) != NULL)
    return TRUE;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  return i < size && data[i] == '<';
}

static RecImportSource *
source_new (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  g_autoptr(RecImportSource) source = g_new0 (RecImportSource, 1);

  source->kind = REC_IMPORT_KIND_PAYMENTS;
  source->path = g_strdup (path);
  source->name = g_path_get_basename (path);
  source->size = (gint64) size;
  source->format = g_strdup ("csv");
  source->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_candidate_free);
  rec_sha256_hex ((const guint8 *) data, size, source->sha256);
  if (size == 0)
    {
      /* Translators: a statement file of no bytes at all. */
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   _("“%s” is empty (0 bytes): nothing was imported"), source->name);
      return NULL;
    }
  /* The statement is kept as evidence of the payments it brings (spec §1);
   * over the attachment limit only its name and SHA-256 are recorded. */
  if ((gint64) size <= REC_ATTACHMENT_MAX_SIZE)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);

      source->attachment = rec_attachment_new_from_bytes (source->name, bytes, error);
      if (source->attachment == NULL)
        return NULL;
    }
  return g_steal_pointer (&source);
}

RecImportSource *
rec_import_read_payments (const char                     *path,
                          const RecImportPaymentOptions  *options,
                          RecImportProgressFunc           progress,
                          gpointer                        user_data,
                          GCancellable                   *cancellable,
                          GError                        **error)
{
  static const RecImportPaymentOptions defaults = { .method = -1 };
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if (!check_options (options, error))
    return NULL;
  /* Mapped, not read: the file's bytes are hashed and parsed in place. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);

      /* Translators: a file that cannot be opened, and the system's reason. */
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO, _("Cannot read “%s”: %s"),
                   name, local_error->message);
      return NULL;
    }
  size = g_mapped_file_get_length (mapped);
  data = size > 0 ? g_mapped_file_get_contents (mapped) : "";
  return _rec_import_read_payments_data (path, data, size, options, progress, user_data,
                                         cancellable, error);
}

/* A text with a UTF-16 byte-order mark becomes UTF-8 in *out_utf8, and
 * *data and *size point at it; other text is left as it is. */
static gboolean
from_utf16 (const char   *name,
            const char  **data,
            gsize        *size,
            char        **out_utf8,
            GError      **error)
{
  const guint8 *bytes = (const guint8 *) *data;
  gsize written = 0;

  if (*size < 2 || !((bytes[0] == 0xFF && bytes[1] == 0xFE)
                      || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    return TRUE;
  /* iconv's "UTF-16" reads the mark and drops it. */
  *out_utf8 = g_convert (*data, (gssize) *size, "UTF-8", "UTF-16", NULL, &written, NULL);
  if (*out_utf8 == NULL)
    {
      /* Translators: a statement saved as UTF-16 ("Unicode Text") with
       * bytes that are not UTF-16. */
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   _("“%s” says it is UTF-16 text but is not: nothing was imported"), name);
      return FALSE;
    }
  *data = *out_utf8;
  *size = written;
  return TRUE;
}

/* An SMS backup or e-mail given as a statement: what it is, or NULL. */
static const char *
messages_kind (const char *data,
               gsize       size)
{
  gsize n = MIN (size, (gsize) 4096);
  g_autofree char *head = g_strndup (data, n);
  const char *p = head;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '<' && strstr (p, "<smses") != NULL)
    return "sms";
  if (g_str_has_prefix (p, "From ")
      || ((g_str_has_prefix (p, "Return-Path:") || g_str_has_prefix (p, "Received:")
           || g_str_has_prefix (p, "From:") || g_str_has_prefix (p, "MIME-Version:")
           || g_str_has_prefix (p, "Delivered-To:") || g_str_has_prefix (p, "Date:"))
          && strstr (p, "Subject:") != NULL))
    return "mail";
  return NULL;
}

/* Says so when the file is a message archive (the window and the CLI may
 * then offer the messages import); other errors stay as they are. */
static void
explain_messages (GError     *error,
                  const char *name,
                  const char *data,
                  gsize       size)
{
  const char *kind;

  if (!g_error_matches (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT)
      || (kind = messages_kind (data, size)) == NULL)
    return;
  g_free (error->message);
  if (g_str_equal (kind, "sms"))
    /* Translators: an SMS backup given to the payments import. */
    error->message = g_strdup_printf (_("“%s” is an SMS backup, not a bank statement: import "
                                        "it as messages"), name);
  else
    /* Translators: a mailbox or e-mail given to the payments import. */
    error->message = g_strdup_printf (_("“%s” is e-mail, not a bank statement: import it as "
                                        "messages"), name);
}

RecImportSource *
_rec_import_read_payments_data (const char                     *path,
                                const char                     *data,
                                gsize                           size,
                                const RecImportPaymentOptions  *options,
                                RecImportProgressFunc           progress,
                                gpointer                        user_data,
                                GCancellable                   *cancellable,
                                GError                        **error)
{
  g_autoptr(RecImportSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *utf8 = NULL;
  gboolean ofx;

  source = source_new (path, data, size, error);
  if (source == NULL)
    return NULL;
  /* The source keeps the file's own bytes and their SHA-256; a UTF-16 text
   * (Excel's "Unicode Text") is read through its UTF-8 copy. */
  if (!from_utf16 (source->name, &data, &size, &utf8, error))
    return NULL;
  ofx = options->format != NULL && g_str_equal (options->format, "ofx");
  if (options->format == NULL || g_str_equal (options->format, "auto"))
    ofx = _rec_import_looks_like_ofx (data, size);
  if (ofx)
    {
      if (!_rec_import_read_ofx (source, data, size, options, progress, user_data, cancellable,
                                 error))
        return NULL;
    }
  else if (looks_like_no_table (data, size))
    {
      unknown_format (&local_error, source->name, FALSE);
      explain_messages (local_error, source->name, data, size);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  else if (!read_csv (source, data, size, options, progress, user_data, cancellable,
                      &local_error))
    {
      explain_messages (local_error, source->name, data, size);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (progress != NULL)
    progress ((gint64) size, (gint64) size, user_data);
  return g_steal_pointer (&source);
}

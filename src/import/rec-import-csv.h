/* rec-import-csv.h — a small RFC 4180 reader for bank and payment-app statements
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads records from a GInputStream in chunks (a statement of 10 000 rows is
 * never held twice): fields separated by `,` `;` or a tab, quoted with `"`
 * (a quote inside a quoted field doubled, `""`; delimiters and newlines kept
 * inside quotes), records ended by LF or CRLF (a lone CR too). Every record
 * knows the physical line it starts on, for the report's "file:line".
 *
 * Text: UTF-8 with or without a byte-order mark, or Windows-1252 when the
 * bytes are not UTF-8. The choice is made at the first field with a byte
 * above 127: valid UTF-8 there makes the file UTF-8 (and an invalid sequence
 * later is an error naming its line); bytes that read as Windows-1252 text
 * (short runs beside letters or digits, no 0xFE/0xFF, none of its five
 * undefined bytes) make it Windows-1252, and any other field that is not
 * is an error; other bytes are invalid UTF-8, an error naming the line. A
 * BOM makes the file UTF-8 from the start.
 * Fields come out as valid UTF-8 without NUL bytes, always.
 *
 * The reader is lenient where real exports are sloppy and strict where a
 * silent guess would lose data: a quote in the middle of an unquoted field
 * is kept as text, text after a closing quote is appended; a quoted field
 * still open at the end of the file (a truncated export), a NUL byte, a field
 * over 1 MiB and a record of more than 1 000 fields are errors
 * (REC_IMPORT_ERROR_MALFORMED, naming the file and line).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RecCsvReader RecCsvReader;

/* One record: its fields (UTF-8, owned by the reader until the next call)
 * and the line it starts on (1-based). */
typedef struct
{
  GPtrArray *fields;   /* char * */
  guint      line;
} RecCsvRecord;

/* `delimiter` is ',', ';', '\t', or 0 to sniff it from the first 64 KiB
 * (rec_csv_sniff_delimiter). `name` is the file's base name in messages. */
RecCsvReader       *rec_csv_reader_new          (GInputStream   *stream,
                                                 const char     *name,
                                                 char            delimiter) G_GNUC_WARN_UNUSED_RESULT;
void                rec_csv_reader_free         (RecCsvReader   *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecCsvReader, rec_csv_reader_free)

/* The next record (borrowed, valid until the next call), or NULL at the end
 * of the input (error unset) or on a failure (error set: MALFORMED naming
 * "name:line", IO, CANCELLED). Empty lines are records of one empty field. */
const RecCsvRecord *rec_csv_reader_next         (RecCsvReader   *reader,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
/* The delimiter in use (sniffed once the first record has been read). */
char                rec_csv_reader_get_delimiter (RecCsvReader  *reader);
/* Bytes consumed from the stream so far (progress). */
gint64              rec_csv_reader_get_offset   (RecCsvReader   *reader);
/* TRUE when the text was read as Windows-1252 (so far). */
gboolean            rec_csv_reader_is_windows_1252 (RecCsvReader *reader);

/* The delimiter of the text that starts with `data`: the one of `,` `;` tab
 * that splits most of the first 20 records (quotes respected) into the same
 * number of fields, more fields winning a tie, then tab, `;`, `,` in that
 * order. ',' when none splits anything. */
char                rec_csv_sniff_delimiter     (const char     *data,
                                                 gsize           size);

/* Reads all of `data` (a test, the fuzz target): a GPtrArray of RecCsvRecord
 * copies (free with g_ptr_array_unref), or NULL with the error. */
GPtrArray          *rec_csv_parse_all           (const char     *data,
                                                 gsize           size,
                                                 const char     *name,
                                                 char            delimiter,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

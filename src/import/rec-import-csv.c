/* rec-import-csv.c — a small RFC 4180 reader for bank and payment-app statements
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-csv.h"

#include "rec-import.h"

#include <glib/gi18n.h>
#include <string.h>

#define CHUNK_SIZE   (64 * 1024)
#define MAX_FIELD    (1024 * 1024)
#define MAX_FIELDS   1000
#define SNIFF_RECORDS 20

typedef enum
{
  ENCODING_UNKNOWN,    /* only ASCII so far */
  ENCODING_UTF8,
  ENCODING_WINDOWS_1252,
} Encoding;

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* a quote seen inside a quoted field */
} State;

struct _RecCsvReader
{
  /* Owned */
  GInputStream *stream;
  char         *name;
  guint8       *buf;
  GString      *field;
  GPtrArray    *fields;
  GIConv        cp1252;
  RecCsvRecord  record;

  gsize         len;          /* bytes in buf */
  gsize         pos;          /* next byte to read in buf */
  gint64        read_total;   /* bytes read from the stream */
  gboolean      eof;
  gboolean      started;      /* BOM and delimiter settled */
  char          delimiter;
  guint         line;         /* the physical line of the next byte */
  gboolean      field_high;   /* the field has a byte above 127 */
  Encoding      encoding;
};

static gboolean
fill (RecCsvReader  *reader,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;

  if (reader->pos < reader->len)
    memmove (reader->buf, reader->buf + reader->pos, reader->len - reader->pos);
  reader->len -= reader->pos;
  reader->pos = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  n = g_input_stream_read (reader->stream, reader->buf + reader->len,
                           CHUNK_SIZE - reader->len, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    reader->eof = TRUE;
  reader->len += (gsize) n;
  reader->read_total += n;
  return TRUE;
}

/* The next byte, or -1 at the end of the input; -2 on a read failure. */
static inline int
next_byte (RecCsvReader  *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  while (reader->pos >= reader->len)
    {
      if (reader->eof)
        return -1;
      if (!fill (reader, cancellable, error))
        return -2;
    }
  return reader->buf[reader->pos++];
}

static int
peek_byte (RecCsvReader *reader)
{
  if (reader->pos >= reader->len && !reader->eof)
    {
      if (!fill (reader, NULL, NULL))
        return -1;
    }
  return reader->pos < reader->len ? reader->buf[reader->pos] : -1;
}

static gboolean
malformed (GError     **error,
           const char  *name,
           guint        line,
           const char  *what)
{
  /* Translators: a statement's file name, a line number and what is wrong
   * there: "statement.csv:41: a quoted field is never closed". */
  g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED, _("%s:%u: %s"),
               name, line, what);
  return FALSE;
}

/* Bytes above 127 that read as Windows-1252 text: each run of them at most
 * three long, and holding an accented letter (0xC0–0xFD: "Jos\xE9", "Virement
 * \xE0 M. Smith") or touching a letter or digit ("\x80" "5", "\x93Hi\x94");
 * none of þ ÿ (0xFE, 0xFF: the usual bytes of binary junk and of UTF-16
 * marks, all but unused in the text of statements). */
static gboolean
looks_like_windows_1252 (const GString *field)
{
  const guint8 *text = (const guint8 *) field->str;
  gsize len = field->len;

  for (gsize i = 0; i < len; i++)
    {
      gsize start = i;
      gboolean letter = FALSE;

      if (text[i] < 0x80)
        continue;
      while (i < len && text[i] >= 0x80)
        {
          if (text[i] >= 0xFE)
            return FALSE;
          letter = letter || text[i] >= 0xC0;
          i++;
        }
      if (i - start > 3)
        return FALSE;
      if (!letter && !(start > 0 && g_ascii_isalnum (text[start - 1]))
          && !(i < len && g_ascii_isalnum (text[i])))
        return FALSE;
    }
  return TRUE;
}

/* The first byte above 127 decides (see the header). */
static void
decide_encoding (RecCsvReader *reader,
                 const char   *text)
{
  if (reader->encoding != ENCODING_UNKNOWN)
    return;
  reader->encoding = g_utf8_validate (text, -1, NULL) ? ENCODING_UTF8 : ENCODING_WINDOWS_1252;
  if (reader->encoding == ENCODING_WINDOWS_1252)
    reader->cp1252 = g_iconv_open ("UTF-8", "WINDOWS-1252");
}

/* The field as UTF-8 (owned), or NULL with the error. */
static char *
field_to_utf8 (RecCsvReader  *reader,
               guint          line,
               GError       **error)
{
  g_autofree char *converted = NULL;

  if (!reader->field_high)
    return g_strndup (reader->field->str, reader->field->len);
  if (reader->encoding == ENCODING_UNKNOWN
      && !g_utf8_validate (reader->field->str, (gssize) reader->field->len, NULL)
      && !looks_like_windows_1252 (reader->field))
    {
      malformed (error, reader->name, line, _("the text is not valid UTF-8"));
      return NULL;
    }
  decide_encoding (reader, reader->field->str);
  if (reader->encoding == ENCODING_UTF8)
    {
      if (!g_utf8_validate (reader->field->str, (gssize) reader->field->len, NULL))
        {
          malformed (error, reader->name, line,
                     _("the text is not valid UTF-8 (the file began as UTF-8)"));
          return NULL;
        }
      return g_strndup (reader->field->str, reader->field->len);
    }
  if (reader->cp1252 != (GIConv) -1 && looks_like_windows_1252 (reader->field))
    converted = g_convert_with_iconv (reader->field->str, (gssize) reader->field->len,
                                      reader->cp1252, NULL, NULL, NULL);
  /* iconv keeps its shift state only for stateful encodings; Windows-1252
   * has none, so one converter serves every field. */
  if (converted == NULL)
    {
      malformed (error, reader->name, line,
                 _("the text is neither UTF-8 nor Windows-1252"));
      return NULL;
    }
  return g_steal_pointer (&converted);
}

static gboolean
finish_field (RecCsvReader  *reader,
              guint          line,
              GError       **error)
{
  char *text;

  if (reader->fields->len >= MAX_FIELDS)
    return malformed (error, reader->name, line, _("a row has more than 1000 fields"));
  text = field_to_utf8 (reader, line, error);
  if (text == NULL)
    return FALSE;
  g_ptr_array_add (reader->fields, text);
  g_string_truncate (reader->field, 0);
  reader->field_high = FALSE;
  return TRUE;
}

static gboolean
append_byte (RecCsvReader  *reader,
             int            c,
             guint          line,
             GError       **error)
{
  if (c == 0)
    return malformed (error, reader->name, reader->line,
                      _("a NUL byte: this is not a text file"));
  if (reader->field->len >= MAX_FIELD)
    return malformed (error, reader->name, line, _("a field is longer than 1 MiB"));
  if (c > 127)
    reader->field_high = TRUE;
  g_string_append_c (reader->field, (char) c);
  return TRUE;
}

/* Skips a byte-order mark and sniffs the delimiter, once. */
static gboolean
start (RecCsvReader  *reader,
       GCancellable  *cancellable,
       GError       **error)
{
  reader->started = TRUE;
  while (!reader->eof && reader->len < CHUNK_SIZE)
    if (!fill (reader, cancellable, error))
      return FALSE;
  if (reader->len >= 3 && memcmp (reader->buf, "\xEF\xBB\xBF", 3) == 0)
    {
      reader->pos = 3;
      reader->encoding = ENCODING_UTF8;
    }
  if (reader->delimiter == 0)
    reader->delimiter = rec_csv_sniff_delimiter ((const char *) reader->buf + reader->pos,
                                                 reader->len - reader->pos);
  return TRUE;
}

/* The end of a record at a CR or LF `c` (CRLF is one). */
static void
end_line (RecCsvReader *reader,
          int           c)
{
  if (c == '\r' && peek_byte (reader) == '\n')
    reader->pos++;
  reader->line++;
}

/* Feeds one byte to the state machine; TRUE in *out_done at a record's end. */
static gboolean
step (RecCsvReader  *reader,
      State         *state,
      int            c,
      guint          line,
      gboolean      *out_done,
      GError       **error)
{
  gboolean is_end = c == '\r' || c == '\n';

  switch (*state)
    {
    case STATE_QUOTED:
      if (c == '"')
        {
          *state = STATE_QUOTE_IN_QUOTED;
          return TRUE;
        }
      if (c == '\n')
        reader->line++;
      return append_byte (reader, c, line, error);
    case STATE_QUOTE_IN_QUOTED:
      if (c == '"')
        {
          *state = STATE_QUOTED;
          return append_byte (reader, c, line, error);
        }
      break;
    case STATE_FIELD_START:
      if (c == '"')
        {
          *state = STATE_QUOTED;
          return TRUE;
        }
      break;
    case STATE_UNQUOTED:
    default:
      break;
    }
  /* Outside quotes: a delimiter, the end of the line, or text (after a
   * closing quote, text is appended: "abc"def reads abcdef). */
  if (c == reader->delimiter || is_end)
    {
      *state = STATE_FIELD_START;
      if (!finish_field (reader, line, error))
        return FALSE;
      if (is_end)
        {
          end_line (reader, c);
          *out_done = TRUE;
        }
      return TRUE;
    }
  *state = STATE_UNQUOTED;
  return append_byte (reader, c, line, error);
}

RecCsvReader *
rec_csv_reader_new (GInputStream *stream,
                    const char   *name,
                    char          delimiter)
{
  RecCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';'
                        || delimiter == '\t', NULL);

  reader = g_new0 (RecCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->name = g_strdup (name ? name : "");
  reader->buf = g_malloc (CHUNK_SIZE);
  reader->field = g_string_sized_new (256);
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->cp1252 = (GIConv) -1;
  reader->delimiter = delimiter;
  reader->line = 1;
  reader->record.fields = reader->fields;
  return reader;
}

void
rec_csv_reader_free (RecCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_free (reader->name);
  g_free (reader->buf);
  g_string_free (reader->field, TRUE);
  g_ptr_array_unref (reader->fields);
  if (reader->cp1252 != (GIConv) -1)
    g_iconv_close (reader->cp1252);
  g_free (reader);
}

const RecCsvRecord *
rec_csv_reader_next (RecCsvReader  *reader,
                     GCancellable  *cancellable,
                     GError       **error)
{
  State state = STATE_FIELD_START;
  gboolean any = FALSE;
  gboolean done = FALSE;
  guint line;

  g_return_val_if_fail (reader != NULL, NULL);

  if (!reader->started && !start (reader, cancellable, error))
    return NULL;
  g_ptr_array_set_size (reader->fields, 0);
  g_string_truncate (reader->field, 0);
  reader->field_high = FALSE;
  line = reader->line;
  while (!done)
    {
      int c = next_byte (reader, cancellable, error);

      if (c == -2)
        return NULL;
      if (c == -1)
        {
          if (state == STATE_QUOTED)
            {
              malformed (error, reader->name, line,
                         _("a quoted field is never closed (is the file cut short?)"));
              return NULL;
            }
          if (!any)
            return NULL;
          if (!finish_field (reader, line, error))
            return NULL;
          break;
        }
      any = TRUE;
      if (!step (reader, &state, c, line, &done, error))
        return NULL;
    }
  reader->record.line = line;
  return &reader->record;
}

char
rec_csv_reader_get_delimiter (RecCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->delimiter ? reader->delimiter : ',';
}

gint64
rec_csv_reader_get_offset (RecCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->read_total - (gint64) (reader->len - reader->pos);
}

gboolean
rec_csv_reader_is_windows_1252 (RecCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->encoding == ENCODING_WINDOWS_1252;
}

/* Counts, for each candidate delimiter, its occurrences outside quotes in
 * each of the first records; returns how many records were seen. */
static guint
count_delimiters (const char *data,
                  gsize       size,
                  const char *candidates,
                  guint       counts[][SNIFF_RECORDS])
{
  guint record = 0;
  gboolean quoted = FALSE;
  gboolean any = FALSE;

  for (gsize i = 0; i < size && record < SNIFF_RECORDS; i++)
    {
      char c = data[i];
      const char *hit;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          /* Records with none of the delimiters (blank lines, a bank's
           * "Account: Checking" summary) say nothing; they are not counted. */
          if (any)
            record++;
          any = FALSE;
        }
      else if (!quoted && c != '\0' && (hit = strchr (candidates, c)) != NULL)
        {
          counts[hit - candidates][record]++;
          any = TRUE;
        }
    }
  return any && record < SNIFF_RECORDS ? record + 1 : record;
}

/* The most frequent non-zero count (the larger on a tie) and how many
 * records have it. */
static guint
mode_of (const guint *counts,
         guint        n,
         guint       *out_records)
{
  guint best = 0;
  guint best_records = 0;

  for (guint i = 0; i < n; i++)
    {
      guint same = 0;

      if (counts[i] == 0)
        continue;
      for (guint j = 0; j < n; j++)
        same += counts[j] == counts[i];
      if (same > best_records || (same == best_records && counts[i] > best))
        {
          best = counts[i];
          best_records = same;
        }
    }
  *out_records = best_records;
  return best;
}

char
rec_csv_sniff_delimiter (const char *data,
                         gsize       size)
{
  /* In order of preference on a tie. */
  static const char candidates[] = "\t;,";
  guint counts[3][SNIFF_RECORDS] = { { 0 } };
  guint n;
  char best = ',';
  guint best_records = 0;
  guint best_mode = 0;

  g_return_val_if_fail (data != NULL || size == 0, ',');

  n = count_delimiters (data, size, candidates, counts);
  for (guint d = 0; d < 3; d++)
    {
      guint records;
      guint mode = mode_of (counts[d], n, &records);

      if (mode == 0)
        continue;
      if (records > best_records || (records == best_records && mode > best_mode))
        {
          best = candidates[d];
          best_records = records;
          best_mode = mode;
        }
    }
  return best;
}

static void
record_free (gpointer data)
{
  RecCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

GPtrArray *
rec_csv_parse_all (const char  *data,
                   gsize        size,
                   const char  *name,
                   char         delimiter,
                   GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RecCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GError) local_error = NULL;
  const RecCsvRecord *record;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  reader = rec_csv_reader_new (stream, name, delimiter);
  while ((record = rec_csv_reader_next (reader, NULL, &local_error)) != NULL)
    {
      RecCsvRecord *copy = g_new0 (RecCsvRecord, 1);

      copy->line = record->line;
      copy->fields = g_ptr_array_new_full (record->fields->len, g_free);
      for (guint i = 0; i < record->fields->len; i++)
        g_ptr_array_add (copy->fields, g_strdup (record->fields->pdata[i]));
      g_ptr_array_add (records, copy);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&records);
}

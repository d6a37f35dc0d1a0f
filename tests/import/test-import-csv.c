/* test-import-csv.c — the RFC 4180 reader, table by table: delimiters,
 * quotes, line ends, encodings, line numbers, chunk edges, bad input
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-import-csv.h"
#include "rec-import.h"

#include <string.h>

/* The records as one string: "LINE:field|field;LINE:field…", so a table row
 * shows what is read at a glance. */
static char *
serialize (GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const RecCsvRecord *record = records->pdata[i];

      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append_printf (out, "%u:", record->line);
      for (guint f = 0; f < record->fields->len; f++)
        {
          if (f > 0)
            g_string_append_c (out, '|');
          g_string_append (out, record->fields->pdata[f]);
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  gssize      size;       /* -1: strlen */
  char        delimiter;  /* 0: sniffed */
  const char *expected;
} CsvCase;

static const CsvCase csv_cases[] = {
  { "plain", "a,b,c\n1,2,3\n", -1, 0, "1:a|b|c;2:1|2|3" },
  { "no-final-newline", "a,b\n1,2", -1, 0, "1:a|b;2:1|2" },
  { "crlf", "a,b\r\n1,2\r\n", -1, 0, "1:a|b;2:1|2" },
  { "lone-cr", "a,b\r1,2\r", -1, 0, "1:a|b;2:1|2" },
  { "empty-fields", ",,\n", -1, ',', "1:||" },
  { "empty-line", "a\n\nb\n", -1, ',', "1:a;2:;3:b" },
  { "quoted-delimiter", "\"1,245.00\",x\n", -1, ',', "1:1,245.00|x" },
  { "doubled-quote", "\"say \"\"hi\"\"\",2\n", -1, ',', "1:say \"hi\"|2" },
  { "quoted-empty", "\"\",\"\"\"\"\n", -1, ',', "1:|\"" },
  { "embedded-newline", "\"two\nlines\",x\nnext,y\n", -1, ',', "1:two\nlines|x;3:next|y" },
  { "embedded-crlf", "\"a\r\nb\",c\r\nd,e\r\n", -1, ',', "1:a\r\nb|c;3:d|e" },
  { "quote-mid-field", "5\" pipe,x\n", -1, ',', "1:5\" pipe|x" },
  { "text-after-quote", "\"abc\"def,x\n", -1, ',', "1:abcdef|x" },
  { "semicolon-sniffed", "Date;Amount\n15/01/2024;1.245,00\n20/01/2024;-56,20\n", -1, 0,
    "1:Date|Amount;2:15/01/2024|1.245,00;3:20/01/2024|-56,20" },
  { "tab-sniffed", "a\tb, c\n1\t2, 3\n", -1, 0, "1:a|b, c;2:1|2, 3" },
  { "comma-with-quoted-semicolons", "\"a;b\",c\n\"d;e\",f\n", -1, 0, "1:a;b|c;2:d;e|f" },
  { "summary-before-header", "Account: 123\nDate,Description,Amount\n1/2/24,x,3\n", -1, 0,
    "1:Account: 123;2:Date|Description|Amount;3:1/2/24|x|3" },
  { "bom", "\xEF\xBB\xBF" "Date,Amount\n", -1, 0, "1:Date|Amount" },
  { "utf8", "Jos\xC3\xA9,Pe\xC3\xB1" "a\n", -1, ',', "1:Jos\xC3\xA9|Pe\xC3\xB1" "a" },
  { "windows-1252", "Jos\xE9,Pe\xF1" "a,\x80" "5\n", -1, ',',
    "1:Jos\xC3\xA9|Pe\xC3\xB1" "a|\xE2\x82\xAC" "5" },
  { "windows-1252-lone-letter", "Virement \xE0 M. Smith\n", -1, ',',
    "1:Virement \xC3\xA0 M. Smith" },
  { "windows-1252-quoted", "\"Caf\xE9, Inc\",1\n", -1, ',', "1:Caf\xC3\xA9, Inc|1" },
  { "windows-1252-quotes-euro", "\x93Hi\x94,\x80" "5,Stra\xDF" "e\n", -1, ',',
    "1:\xE2\x80\x9CHi\xE2\x80\x9D|\xE2\x82\xAC" "5|Stra\xC3\x9F" "e" },
  { "only-newline", "\n", -1, ',', "1:" },
  { "nothing", "", 0, ',', "" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      const CsvCase *c = &csv_cases[i];
      gsize size = c->size >= 0 ? (gsize) c->size : strlen (c->input);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = rec_csv_parse_all (c->input, size, "t.csv", c->delimiter,
                                                        &error);
      g_autofree char *got = NULL;

      g_test_message ("case %s", c->name);
      g_assert_no_error (error);
      g_assert_nonnull (records);
      got = serialize (records);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

typedef struct
{
  const char *name;
  const char *input;
  gsize       size;
  const char *message;     /* the error contains it */
} BadCase;

static const BadCase bad_cases[] = {
  { "unclosed-quote", "a,b\n1,\"open\nmore\n", 0, "t.csv:2: a quoted field is never closed" },
  { "nul-byte", "a,b\n1,2\0003\n", 10, "t.csv:2: a NUL byte" },
  { "utf8-then-invalid", "\xC3\xA9,1\n\xE9,2\n", 0, "t.csv:2: the text is not valid UTF-8" },
  { "bom-then-invalid", "\xEF\xBB\xBF" "a\n\xFF\n", 0, "t.csv:2: the text is not valid UTF-8" },
  { "windows-1252-undefined", "Jos\xE9\nx\x81\n", 0, "t.csv:2: the text is neither UTF-8 nor" },
  { "ascii-then-junk", "a,b\n1,2\n3,\xFF\xFE\n", 0, "t.csv:3: the text is not valid UTF-8" },
  { "ascii-then-long-run", "a\nb\n\x9A\xC3\xE2\xA8x\n", 0, "t.csv:3: the text is not valid UTF-8" },
  { "ascii-then-lone-symbol", "a,b\n1, \x99 ,2\n", 0, "t.csv:2: the text is not valid UTF-8" },
  { "windows-1252-then-junk", "Caf\xE9\nok\n\xFF\n", 0,
    "t.csv:3: the text is neither UTF-8 nor Windows-1252" },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      gsize size = c->size > 0 ? c->size : strlen (c->input);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = rec_csv_parse_all (c->input, size, "t.csv", ',', &error);

      g_test_message ("case %s: %s", c->name, error ? error->message : "(no error)");
      g_assert_null (records);
      g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, c->message));
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) long_field = g_string_new ("\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (int i = 0; i < 1001; i++)
    g_string_append (wide, "x,");
  records = rec_csv_parse_all (wide->str, wide->len, "t.csv", ',', &error);
  g_assert_null (records);
  g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "more than 1000 fields"));
  g_clear_error (&error);

  for (int i = 0; i < 1024 * 1024 + 1; i++)
    g_string_append_c (long_field, 'y');
  records = rec_csv_parse_all (long_field->str, long_field->len, "t.csv", ',', &error);
  g_assert_null (records);
  g_assert_nonnull (strstr (error->message, "longer than 1 MiB"));
}

/* Records cut by the reader's 64 KiB chunks: quoted fields with newlines,
 * CRLF split between two reads, Windows-1252 bytes; every record's line is
 * right and every field whole. */
static void
test_chunk_edges (void)
{
  g_autoptr(GString) text = g_string_new ("Date,Description,Amount\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint line = 2;
  guint last_start = 0;

  for (guint i = 0; i < 6000; i++)
    {
      last_start = line;
      if (i % 7 == 0)
        {
          g_string_append_printf (text,
                                  "2024-01-%02u,\"Jos\xE9 \"\"%u\"\"\r\nsecond line\",%u.%02u\r\n",
                                  i % 28 + 1, i, i, i % 100);
          line += 2;
        }
      else
        {
          g_string_append_printf (text, "2024-01-%02u,row %u,-%u.00\r\n", i % 28 + 1, i, i);
          line++;
        }
    }
  g_assert_cmpuint (text->len, >, 2 * 64 * 1024);
  records = rec_csv_parse_all (text->str, text->len, "big.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 6001);
  for (guint i = 0; i < 6000; i++)
    {
      const RecCsvRecord *record = records->pdata[i + 1];
      g_autofree char *expected = i % 7 == 0
        ? g_strdup_printf ("Jos\xC3\xA9 \"%u\"\r\nsecond line", i)
        : g_strdup_printf ("row %u", i);

      g_assert_cmpuint (record->fields->len, ==, 3);
      g_assert_cmpstr (record->fields->pdata[1], ==, expected);
    }
  g_assert_cmpuint (((RecCsvRecord *) records->pdata[6000])->line, ==, last_start);
}

static void
test_sniff (void)
{
  g_assert_cmpint (rec_csv_sniff_delimiter ("a,b,c\n1,2,3\n", 12), ==, ',');
  g_assert_cmpint (rec_csv_sniff_delimiter ("a;b;c\n1,5;2;3\n", 14), ==, ';');
  g_assert_cmpint (rec_csv_sniff_delimiter ("a\tb\n1\t2\n", 8), ==, '\t');
  /* One ',' and one ';' per line: the tie goes to ';' (decimal commas). */
  g_assert_cmpint (rec_csv_sniff_delimiter ("d;a\n1;2,5\n", 10), ==, ';');
  /* Quoted delimiters do not count. */
  g_assert_cmpint (rec_csv_sniff_delimiter ("\"a;b;c\",d\n\"e;f;g\",h\n", 20), ==, ',');
  g_assert_cmpint (rec_csv_sniff_delimiter ("", 0), ==, ',');
  g_assert_cmpint (rec_csv_sniff_delimiter ("no delimiter here\n", 18), ==, ',');
}

/* The reader on a stream: the offset grows to the size, the delimiter
 * is the sniffed one, the encoding is reported. */
static void
test_reader (void)
{
  static const char text[] = "a;b\n\xE9;2\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, sizeof text - 1,
                                                                        NULL);
  g_autoptr(RecCsvReader) reader = rec_csv_reader_new (stream, "s.csv", 0);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (rec_csv_reader_next (reader, NULL, &error) != NULL)
    n++;
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (rec_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpint (rec_csv_reader_get_offset (reader), ==, sizeof text - 1);
  g_assert_true (rec_csv_reader_is_windows_1252 (reader));
}

static void
test_cancelled (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("a,b\n", 4, NULL);
  g_autoptr(RecCsvReader) reader = rec_csv_reader_new (stream, "s.csv", 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (rec_csv_reader_next (reader, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/table", test_table);
  g_test_add_func ("/import/csv/bad", test_bad);
  g_test_add_func ("/import/csv/limits", test_limits);
  g_test_add_func ("/import/csv/chunk-edges", test_chunk_edges);
  g_test_add_func ("/import/csv/sniff", test_sniff);
  g_test_add_func ("/import/csv/reader", test_reader);
  g_test_add_func ("/import/csv/cancelled", test_cancelled);

  return g_test_run ();
}

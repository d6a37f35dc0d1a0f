/* test-pdf.c — the layout layer: line breaking, tables across pages, saving
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-pdf.h"
#include "rec-pdf-private.h"
#include "rec-report-error.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *
join_lines (GPtrArray  *lines,
            const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (lines, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_break_without_spaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    g_string_append (text, i % 3 == 0 ? "Tiền" : (i % 3 == 1 ? "€x" : "ñ"));

  lines = rec_pdf_break_lines (pdf, FALSE, 10.0, text->str, 120.0);
  g_assert_cmpuint (lines->len, >, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpfloat (rec_pdf_text_width (pdf, FALSE, 10.0, line), <=, 120.0);
      g_assert_cmpuint (strlen (line), >, 0);
    }
  joined = join_lines (lines, "");
  g_assert_cmpstr (joined, ==, text->str);
}

static void
test_break_with_spaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  for (int i = 0; i < 300; i++)
    g_string_append_printf (text, "%sword%d", i ? " " : "", i);

  lines = rec_pdf_break_lines (pdf, TRUE, 9.0, text->str, 200.0);
  g_assert_cmpuint (lines->len, >, 10);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_assert_cmpfloat (rec_pdf_text_width (pdf, TRUE, 9.0, line), <=, 200.0);
      g_assert_false (g_str_has_prefix (line, " "));
      g_assert_false (g_str_has_suffix (line, " "));
    }
  joined = join_lines (lines, " ");
  g_assert_cmpstr (joined, ==, text->str);
}

static void
test_break_newlines_and_nfc (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  /* "Tiền" decomposed: e + combining circumflex + combining grave. */
  g_autoptr(GPtrArray) lines = rec_pdf_break_lines (pdf, FALSE, 10.0,
                                                    "one\n\nTie\xcc\x82\xcc\x80n\r\nthree", 400.0);

  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "one");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "Tiền");
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==, "three");
}

static char *
temp_pdf_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-test-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_table_across_pages (void)
{
  static const RecPdfColumn columns[] = {
    { "Number", 1.0, REC_PDF_ALIGN_RIGHT },
    { "Text", 4.0, REC_PDF_ALIGN_LEFT },
    { "Amount", 1.5, REC_PDF_ALIGN_RIGHT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_autofree char *path = temp_pdf_path ("table.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  RecPdfTable *table;
  int n_pages;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_no_error (error);
  rec_pdf_set_decorations (pdf, "Header Title", "As of 2024-01-01", "Page %d of %d");
  rec_pdf_heading (pdf, "A table", 14.0, 40.0);
  table = rec_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 9.0);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *text = g_strdup_printf ("row%03d %s", i, i % 7 == 0 ? "a long text that wraps onto a second line of the cell because it is long" : "");
      const char *cells[] = { number, text, "$1.00" };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
  g_assert_true (rec_pdf_save (pdf, path, &error));
  g_assert_no_error (error);

  doc = open_pdf (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, ==, (int) rec_pdf_get_n_pages (pdf));
  g_assert_cmpint (n_pages, >, 3);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = page_text (doc, p);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Header Title"));
      g_assert_nonnull (strstr (text, "Number"));
      g_string_append (all, text);
    }
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *word = g_strdup_printf ("row%03d", i);

      g_assert_nonnull (strstr (all->str, word));
    }
  remove_pdf (path);
}

/* A column with a min_text is never narrower than it: dates stay whole. */
static void
test_min_text (void)
{
  static const RecPdfColumn columns[] = {
    { "D", 0.2, REC_PDF_ALIGN_LEFT, "0000-00-00" },
    { "Notes", 8.0, REC_PDF_ALIGN_LEFT, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_autofree char *path = temp_pdf_path ("min.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  RecPdfTable *table;
  const char *cells[] = { "2024-10-04", "a note" };

  g_assert_no_error (error);
  table = rec_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 9.0);
  rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
  rec_pdf_table_end (table);
  g_assert_true (rec_pdf_save (pdf, path, &error));
  doc = open_pdf (path);
  text = page_text (doc, 0);
  g_assert_nonnull (strstr (text, "2024-10-04"));
  remove_pdf (path);
}

/* A cell taller than a page goes on over the next pages, every character kept. */
static void
test_row_taller_than_a_page (void)
{
  static const RecPdfColumn columns[] = {
    { "When", 1.0, REC_PDF_ALIGN_LEFT },
    { "Notes", 2.0, REC_PDF_ALIGN_LEFT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  g_autofree char *path = temp_pdf_path ("tall.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) squeezed = g_string_new (NULL);
  RecPdfTable *table;
  const char *cells[2];

  g_assert_no_error (error);
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (note, "n%04d", i);
  cells[0] = "2024-01-01";
  cells[1] = note->str;
  table = rec_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 9.0);
  rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
  rec_pdf_table_end (table);
  g_assert_true (rec_pdf_save (pdf, path, &error));

  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 2);
  /* Each page's text without white space, header row and page number. */
  for (int p = 0, n = poppler_document_get_n_pages (doc); p < n; p++)
    {
      g_autofree char *text = page_text (doc, p);
      g_autofree char *number = g_strdup_printf ("%d/%d", p + 1, n);
      g_autoptr(GString) page = g_string_new (NULL);
      char *found;

      for (const char *c = text; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          g_string_append_c (page, *c);
      g_assert_true (g_str_has_prefix (page->str, "WhenNotes"));   /* the header on every page */
      g_string_erase (page, 0, strlen ("WhenNotes"));
      found = strstr (page->str, "2024-01-01");
      if (found != NULL)
        g_string_erase (page, found - page->str, strlen ("2024-01-01"));
      g_assert_true (g_str_has_suffix (page->str, number));
      g_string_truncate (page, page->len - strlen (number));
      g_string_append (squeezed, page->str);
    }
  g_assert_cmpstr (squeezed->str, ==, note->str);
  remove_pdf (path);
}

/* A table starting near a page's bottom moves its header to the next page
 * with its first row: every page that shows the header shows a row after it. */
static void
test_no_lonely_header (void)
{
  static const RecPdfColumn columns[] = {
    { "HEADERCELL", 1.0, REC_PDF_ALIGN_LEFT },
    { "Other", 1.0, REC_PDF_ALIGN_RIGHT },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf_path ("lonely.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  RecPdfTable *table;

  for (double skip = 560.0; skip < 680.0; skip += 3.0)
    {
      g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);

      g_assert_no_error (error);
      rec_pdf_skip (pdf, skip);
      table = rec_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 9.0);
      for (int i = 0; i < 3; i++)
        {
          const char *cells[] = { "ROWCELL", "x" };

          rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
        }
      rec_pdf_table_end (table);
      g_assert_true (rec_pdf_save (pdf, path, &error));
      g_clear_object (&doc);
      doc = open_pdf (path);
      for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          g_autofree char *text = page_text (doc, p);
          const char *header = strstr (text, "HEADERCELL");

          if (header != NULL)
            g_assert_nonnull (strstr (header, "ROWCELL"));
        }
    }
  remove_pdf (path);
}

/* Whether the document embeds a font whose name contains `part`. */
static gboolean
has_font (PopplerDocument *doc,
          const char      *part)
{
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  gboolean found = FALSE;

  while (!found && poppler_font_info_scan (info, 20, &iter))
    {
      do
        found = poppler_fonts_iter_get_name (iter) != NULL
                && strstr (poppler_fonts_iter_get_name (iter), part) != NULL;
      while (!found && poppler_fonts_iter_next (iter));
      g_clear_pointer (&iter, poppler_fonts_iter_free);
    }
  g_clear_pointer (&iter, poppler_fonts_iter_free);
  g_object_unref (info);

  return found;
}

/* Chinese characters print with WenQuanYi Zen Hei, loaded only when needed. */
static void
test_chinese_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf_path ("cjk.pdf");

  for (int with_chinese = 0; with_chinese <= 1; with_chinese++)
    {
      g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
      g_autoptr(PopplerDocument) doc = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      rec_pdf_paragraph (pdf, with_chinese ? "Lưu ý: 孩子的抚养费 (Tiền)" : "Lưu ý: (Tiền)", 10.0, FALSE);
      g_assert_true (rec_pdf_save (pdf, path, &error));
      doc = open_pdf (path);
      text = page_text (doc, 0);
      g_assert_true (has_font (doc, "LiberationSans"));
      if (!with_chinese)
        g_assert_false (has_font (doc, "WenQuanYi"));
      else if (g_file_test ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", G_FILE_TEST_EXISTS))
        {
          g_assert_true (has_font (doc, "WenQuanYi"));
          g_assert_nonnull (strstr (text, "孩子的抚养费"));
          g_assert_nonnull (strstr (text, "Tiền"));
        }
    }
  remove_pdf (path);
}

/* A folder where this user cannot create files: a read-only temporary
 * folder, or for root (who may write anywhere else) sysfs. */
static void
test_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  g_autofree char *path = temp_pdf_path ("out.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  if (getuid () == 0)
    {
      g_rmdir (dir);
      g_free (dir);
      g_free (path);
      dir = g_strdup ("/sys");
      path = g_strdup ("/sys/rec-test-packet.pdf");
    }
  else
    g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  rec_pdf_paragraph (pdf, "Hello", 10.0, FALSE);
  g_assert_false (rec_pdf_save (pdf, path, &error));
  g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (getuid () != 0)
    {
      listing = g_dir_open (dir, 0, NULL);
      g_assert_null (g_dir_read_name (listing));
      g_chmod (dir, 0700);
      g_rmdir (dir);
    }
}

static void
test_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);

  g_assert_no_error (error);
  g_assert_false (rec_pdf_save (pdf, "/nonexistent-folder-rec/x.pdf", &error));
  g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test ("/nonexistent-folder-rec/x.pdf", G_FILE_TEST_EXISTS));
}

/* A table of `n_rows` rows, each two lines high. */
static void
long_table (RecPdf *pdf,
            guint   n_rows)
{
  static const RecPdfColumn columns[] = {
    { "Number", 1.0, REC_PDF_ALIGN_RIGHT },
    { "Text", 4.0, REC_PDF_ALIGN_LEFT },
  };
  RecPdfTable *table = rec_pdf_table_new (pdf, columns, G_N_ELEMENTS (columns), 9.0);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char *cells[] = { number, "first line\nsecond line" };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
}

static void
assert_nothing_written (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
}

/* libharu fails in the middle of a document (here a string longer than a
 * PDF string may be: 65 535 bytes). Every later libharu call fails too, new
 * pages included: the layout stops at once instead of waiting forever for
 * room, and saving says why, leaving no file. */
static void
test_libharu_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_autofree char *path = temp_pdf_path ("failed.pdf");
  g_autofree char *huge = g_strnfill (70000, 'k');
  gint64 start;

  g_assert_no_error (error);
  rec_pdf_paragraph (pdf, "Before the failure", 10.0, FALSE);
  g_assert_false (rec_pdf_has_failed (pdf));
  HPDF_SetInfoAttr (pdf->doc, HPDF_INFO_KEYWORDS, huge);
  g_assert_true (rec_pdf_has_failed (pdf));

  start = g_get_monotonic_time ();
  long_table (pdf, 2000);
  rec_pdf_heading (pdf, "After", 14.0, 400.0);
  rec_pdf_paragraph (pdf, "More text after the failure", 10.0, FALSE);
  rec_pdf_new_page (pdf);
  rec_pdf_skip (pdf, 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_false (rec_pdf_save (pdf, path, &error));
  g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The packet could not be made: "));
  g_assert_nonnull (strstr (error->message, "text is longer than a PDF file can hold"));
  assert_nothing_written (path);
  remove_pdf (path);
}

/* More pages than a packet may have (libharu's page tree holds 32 767; the
 * packet stops well before, at REC_PDF_MAX_PAGES): a clear error, no hang. */
static void
test_too_many_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_autofree char *path = temp_pdf_path ("pages.pdf");

  g_assert_no_error (error);
  g_assert_cmpuint (REC_PDF_MAX_PAGES, <, HPDF_LIMIT_MAX_ARRAY);
  _rec_pdf_set_max_pages (pdf, 3);
  long_table (pdf, 1000);
  g_assert_true (rec_pdf_has_failed (pdf));
  g_assert_cmpuint (rec_pdf_get_n_pages (pdf), ==, 3);

  g_assert_false (rec_pdf_save (pdf, path, &error));
  g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The packet could not be made: it would have more than 3 pages");
  assert_nothing_written (path);
  remove_pdf (path);
}

/* A width no character fits in (zero, negative, not a number): one
 * character a line, never a line without progress. */
static void
test_break_no_room (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPdf) pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  const double widths[] = { 0.0, -50.0, NAN, 1e-9 };

  g_assert_no_error (error);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GPtrArray) lines = rec_pdf_break_lines (pdf, FALSE, 10.0, "ab cñ漢", widths[w]);
      g_autofree char *joined = join_lines (lines, "|");

      g_assert_cmpstr (joined, ==, "a|b|c|ñ|漢");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/break/without-spaces", test_break_without_spaces);
  g_test_add_func ("/pdf/break/with-spaces", test_break_with_spaces);
  g_test_add_func ("/pdf/break/newlines-nfc", test_break_newlines_and_nfc);
  g_test_add_func ("/pdf/table/across-pages", test_table_across_pages);
  g_test_add_func ("/pdf/table/no-lonely-header", test_no_lonely_header);
  g_test_add_func ("/pdf/table/row-taller-than-a-page", test_row_taller_than_a_page);
  g_test_add_func ("/pdf/table/min-text", test_min_text);
  g_test_add_func ("/pdf/font/chinese-fallback", test_chinese_fallback);
  g_test_add_func ("/pdf/save/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/pdf/save/missing-folder", test_missing_folder);
  g_test_add_func ("/pdf/error/libharu-failure", test_libharu_failure);
  g_test_add_func ("/pdf/error/too-many-pages", test_too_many_pages);
  g_test_add_func ("/pdf/break/no-room", test_break_no_room);

  return g_test_run ();
}

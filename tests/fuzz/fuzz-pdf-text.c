/* fuzz-pdf-text.c — libFuzzer target: the PDF writer's text layout
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arbitrary bytes (invalid UTF-8 included) as the packet's text: cleaning,
 * measuring, line breaking, one-line fitting, the snapshot's cutting of long
 * fields, and table cells, paragraphs and decorations drawn into a document
 * that is saved every SAVE_EVERY inputs. Every function ends (libFuzzer's
 * -timeout), loses no character, keeps lines within their width (or to one
 * character), and libharu never fails on clean text.
 *
 * The first three bytes choose the parameters: flags, the width and the font
 * size; the rest, up to its first NUL (texts are C strings everywhere in
 * Recourse), is the text.
 *
 * Loading the fonts costs far more than laying out a text (WenQuanYi Zen Hei
 * is 17 MB), so one document takes SAVE_EVERY inputs. It holds what earlier
 * inputs drew, which libFuzzer's leak check would take for a leak after
 * every input (and scan the heap each time): -detect_leaks=0 is the default
 * here. Leaks are the sanitizer build's business (meson test with
 * -Db_sanitize=address,undefined). Inputs default to 16 KiB (-max_len).
 */
#include "config.h"

#include "rec-pdf-private.h"
#include "rec-report-error.h"
#include "rec-report-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SAVE_EVERY  1000

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char **fuzz_argv;
static RecPdf *measure_pdf;     /* for measuring and breaking: never gets a page */
static RecPdf *draw_pdf;        /* drawn into, saved and made anew every SAVE_EVERY inputs */
static guint n_drawn;
static char *save_path;

static void
remove_save_dir (void)
{
  g_autofree char *dir = g_path_get_dirname (save_path);

  g_unlink (save_path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static char max_len[] = "-max_len=16384";
  static char detect_leaks[] = "-detect_leaks=0";
  gboolean has_max_len = FALSE;
  gboolean has_detect_leaks = FALSE;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzz-pdf-text-XXXXXX", &error);

  g_assert_no_error (error);
  save_path = g_build_filename (dir, "fuzz.pdf", NULL);
  atexit (remove_save_dir);
  measure_pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_assert_no_error (error);

  for (int i = 1; i < *argc; i++)
    {
      has_max_len |= g_str_has_prefix ((*argv)[i], "-max_len=");
      has_detect_leaks |= g_str_has_prefix ((*argv)[i], "-detect_leaks=");
    }

  /* Kept for the life of the process: libFuzzer reads its flags after. */
  fuzz_argv = g_new0 (char *, *argc + 3);
  memcpy (fuzz_argv, *argv, sizeof (char *) * (gsize) *argc);
  if (!has_max_len)
    fuzz_argv[(*argc)++] = max_len;
  if (!has_detect_leaks)
    fuzz_argv[(*argc)++] = detect_leaks;
  *argv = fuzz_argv;
  return 0;
}

/* `text` without the spaces and newlines that line breaking drops. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
check_clean (const char *clean)
{
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  for (const char *p = clean; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
}

/* Every character kept, in order; each line within `width`, or one
 * character; no more lines than characters and paragraphs. */
static void
check_lines (GPtrArray  *lines,
             const char *clean,
             gboolean    bold,
             double      size,
             double      width)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *want = squeeze (clean);
  g_autofree char *got = NULL;
  glong n_chars = g_utf8_strlen (clean, -1);
  double room = width > 0 ? width : 0.0;

  g_assert_cmpuint (lines->len, >=, 1);
  g_assert_cmpuint (lines->len, <=, (guint) n_chars + 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      double line_width = rec_pdf_text_width (measure_pdf, bold, size, line);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_null (strchr (line, '\n'));
      g_assert_true (isfinite (line_width) && line_width >= 0.0);
      if (g_utf8_strlen (line, -1) > 1)
        g_assert_cmpfloat (line_width, <=, room + 1e-6 * (room + 1.0));
      g_string_append (joined, line);
      g_string_append_c (joined, '\n');
    }

  got = squeeze (joined->str);
  g_assert_cmpstr (got, ==, want);
}

static void
check_fit (const char *clean,
           double      size,
           double      width)
{
  g_autofree char *fitted = _rec_pdf_fit_one_line (measure_pdf, clean, size, width);
  double ellipsis = rec_pdf_text_width (measure_pdf, FALSE, size, "…");
  double fitted_width = rec_pdf_text_width (measure_pdf, FALSE, size, fitted);
  gsize length = strlen (fitted);

  g_assert_true (g_utf8_validate (fitted, -1, NULL));
  if (g_str_equal (fitted, clean))
    return;

  /* A prefix of the text, then "…", within the width (or "…" alone). */
  g_assert_true (g_str_has_suffix (fitted, "…"));
  length -= strlen ("…");
  g_assert_true (strncmp (fitted, clean, length) == 0);
  g_assert_cmpfloat (fitted_width, <=, MAX (width, ellipsis) + 1e-6 * (fabs (width) + 1.0));
}

/* The snapshot's cut: NULL when the text is within the limits, otherwise a
 * prefix of it (spaces dropped at the cut), "… " and the note. */
static void
check_bound (const char *text,
             guint       max_chars,
             guint       max_lines)
{
  g_autofree char *cut = _rec_report_bound_text (text, max_chars, max_lines);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const char *note;
  gsize kept;

  if (cut == NULL)
    {
      guint n_lines = 1;

      for (const char *p = text; *p != '\0'; p++)
        n_lines += *p == '\n';
      g_assert_cmpint (g_utf8_strlen (valid, -1), <=, (glong) max_chars);
      g_assert_cmpuint (n_lines, <=, max_lines);
      return;
    }

  note = g_strrstr (cut, "… (");
  g_assert_nonnull (note);
  g_assert_true (g_str_has_suffix (cut, " more characters, see the case file)")
                 || g_str_has_suffix (cut, " more character, see the case file)"));
  kept = (gsize) (note - cut);
  g_assert_cmpuint (kept, <=, strlen (text));
  g_assert_true (strncmp (cut, text, kept) == 0);
  {
    g_autofree char *prefix = g_strndup (cut, kept);
    g_autofree char *prefix_valid = g_utf8_make_valid (prefix, -1);
    guint n_lines = 1;

    /* Never inside a character: what is kept shows as it did in the text. */
    g_assert_true (g_str_has_prefix (valid, prefix_valid));
    g_assert_cmpint (g_utf8_strlen (prefix_valid, -1), <=, (glong) max_chars);
    for (const char *p = prefix; *p != '\0'; p++)
      n_lines += *p == '\n';
    g_assert_cmpuint (n_lines, <=, max_lines);
  }
}

static void
save_and_renew (void)
{
  g_autoptr(GError) error = NULL;

  if (draw_pdf != NULL)
    {
      gboolean failed = rec_pdf_has_failed (draw_pdf);
      gboolean too_many = draw_pdf->too_many_pages;

      if (rec_pdf_save (draw_pdf, save_path, &error))
        g_assert_false (failed);
      else
        {
          /* Clean text never makes libharu fail; only the page limit may. */
          g_assert_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED);
          g_assert_true (too_many);
          g_assert_true (g_str_has_prefix (error->message, "The packet could not be made: "));
        }
      g_clear_pointer (&draw_pdf, rec_pdf_free);
      g_unlink (save_path);
    }

  draw_pdf = rec_pdf_new (REC_PDF_PAPER_A4, &error);
  g_assert_no_error (error);
  n_drawn = 0;
}

/* Cells, paragraphs and decorations from `text`: the document grows by about
 * as many pages as the text has lines, never more. */
static void
draw (const char *text,
      guint8      flags,
      double      size)
{
  const RecPdfColumn columns[] = {
    { "Date", 1.35, REC_PDF_ALIGN_LEFT, "0000-00-00" },
    { (flags & 0x10) ? text : "Entry", 3.2, REC_PDF_ALIGN_LEFT },
    { "Amount", 1.4, (flags & 0x20) ? REC_PDF_ALIGN_CENTER : REC_PDF_ALIGN_RIGHT },
  };
  gsize length = strlen (text);
  g_autofree char *first = g_strndup (text, length / 3);
  const char *cells[] = { first, text + length / 3, text + 2 * length / 3 };
  guint pages_before;
  RecPdfTable *table;
  glong n_chars;

  if (draw_pdf == NULL || n_drawn++ >= SAVE_EVERY || rec_pdf_get_n_pages (draw_pdf) > 5000)
    save_and_renew ();
  pages_before = rec_pdf_get_n_pages (draw_pdf);

  if (flags & 0x40)
    rec_pdf_set_decorations (draw_pdf, text, text, text);
  if (flags & 0x80)
    {
      rec_pdf_set_header_right (draw_pdf, text);
      rec_pdf_set_info (draw_pdf, text, text, text, NULL);
    }
  /* The measuring above takes every size; here the packet's sizes (fewer
   * pages, more inputs a second). */
  size = CLAMP (size, 6.0, 20.0);
  rec_pdf_heading (draw_pdf, text, size, 0.0);
  rec_pdf_paragraph (draw_pdf, text, size, (flags & 1) != 0);
  table = rec_pdf_table_new (draw_pdf, columns, G_N_ELEMENTS (columns), MIN (size, 11.0));
  rec_pdf_table_set_boxed (table, (flags & 0x08) != 0);
  rec_pdf_table_row (table, cells, (flags & 1) ? REC_PDF_ROW_BOLD : REC_PDF_ROW_NORMAL);
  rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
  rec_pdf_table_end (table);

  /* One character a line at worst, for the heading, the paragraph and the
   * two rows, plus a page for each. */
  n_chars = g_utf8_strlen (text, -1);
  g_assert_cmpuint (rec_pdf_get_n_pages (draw_pdf) - pages_before, <=, 4 * (guint) n_chars + 8);
  g_assert_false (rec_pdf_has_failed (draw_pdf));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint8 flags;
  double width;
  double font_size;
  double text_width;
  gboolean bold;

  if (size < 3)
    return 0;

  flags = data[0];
  width = data[1] == 255 ? NAN : data[1] * 2.0 - 10.0;
  font_size = 1.0 + data[2] % 40;
  bold = (flags & 1) != 0;
  text = g_strndup ((const char *) data + 3, size - 3);

  clean = _rec_pdf_clean_text (text);
  check_clean (clean);

  text_width = rec_pdf_text_width (measure_pdf, bold, font_size, text);
  g_assert_true (isfinite (text_width) && text_width >= 0.0);

  lines = rec_pdf_break_lines (measure_pdf, bold, font_size, text, width);
  check_lines (lines, clean, bold, font_size, width);

  check_fit (clean, font_size, isnan (width) ? 0.0 : width);
  check_bound (text, 1 + data[1] % 64, 1 + data[2] % 8);
  check_bound (text, 10000, 200);

  if (flags & 0x02)
    draw (text, flags, font_size);

  g_assert_false (rec_pdf_has_failed (measure_pdf));
  return 0;
}

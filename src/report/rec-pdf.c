/* rec-pdf.c — the document, its fonts, pages, text and saving
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-pdf-private.h"

#include "rec-atomic-file.h"
#include "rec-pdf-libharu.h"
#include "rec-report-error.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#define FONT_DIR      "/usr/share/fonts/truetype/liberation2"
#define FONT_REGULAR  "LiberationSans-Regular.ttf"
#define FONT_BOLD     "LiberationSans-Bold.ttf"
#define FONT_CJK      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define DECORATION_SIZE 8.5
#define COPY_CHUNK      (256 * 1024)

static void
error_handler (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  RecPdf *pdf = user_data;

  if (pdf->error_no == 0)
    {
      pdf->error_no = error_no;
      pdf->detail_no = detail_no;
    }
}

static HPDF_Font
load_font (RecPdf      *pdf,
           const char  *file,
           GError     **error)
{
  g_autofree char *path = g_build_filename (FONT_DIR, file, NULL);
  const char *name;
  HPDF_Font font;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FONT,
                   /* Translators: %s is a font file; fonts-liberation2 is a Debian package */
                   _("The font “%s” is missing (install the package fonts-liberation2)"), path);
      return NULL;
    }

  name = HPDF_LoadTTFontFromFile (pdf->doc, path, HPDF_TRUE);
  font = name != NULL ? HPDF_GetFont (pdf->doc, name, "UTF-8") : NULL;
  if (font == NULL)
    {
      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FONT,
                   /* Translators: %s is a font file, %04X an error number of libharu */
                   _("The font “%s” could not be loaded (libharu error 0x%04X)"),
                   path, (guint) pdf->error_no);
      return NULL;
    }

  return font;
}

gboolean
rec_pdf_has_failed (RecPdf *pdf)
{
  if (pdf->error_no == 0 && pdf->doc != NULL && HPDF_GetError (pdf->doc) != HPDF_OK)
    {
      /* An error libharu recorded without calling the handler. */
      pdf->error_no = HPDF_GetError (pdf->doc);
      pdf->detail_no = HPDF_GetErrorDetail (pdf->doc);
    }

  return pdf->error_no != 0 || pdf->too_many_pages;
}

static gboolean
check_error (RecPdf  *pdf,
             GError **error)
{
  if (!rec_pdf_has_failed (pdf))
    return TRUE;

  if (pdf->too_many_pages)
    g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                 /* Translators: %u is a number of pages (thousands) */
                 g_dngettext (GETTEXT_PACKAGE, "The packet could not be made: it would have more than %u page",
                              "The packet could not be made: it would have more than %u pages", pdf->max_pages),
                 pdf->max_pages);
  else if (pdf->error_no == HPDF_FAILD_TO_ALLOC_MEM)
    g_set_error_literal (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                         _("The packet could not be made: out of memory"));
  else if (pdf->error_no == HPDF_STRING_OUT_OF_RANGE)
    g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                 /* Translators: %04X is an error number of libharu, the PDF library */
                 _("The packet could not be made: a text is longer than a PDF file can hold (libharu error 0x%04X)"),
                 (guint) pdf->error_no);
  else if (pdf->error_no == HPDF_ARRAY_COUNT_ERR || pdf->error_no == HPDF_DICT_COUNT_ERR
           || pdf->error_no == HPDF_XREF_COUNT_ERR)
    g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                 /* Translators: %04X is an error number of libharu, the PDF library */
                 _("The packet could not be made: it holds more than a PDF file can (libharu error 0x%04X)"),
                 (guint) pdf->error_no);
  else
    g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                 /* Translators: the two numbers identify an error of libharu, the PDF library */
                 _("The packet could not be made: libharu error 0x%04X, detail %u"),
                 (guint) pdf->error_no, (guint) pdf->detail_no);
  return FALSE;
}

/* Records `status` as the document's error unless one is recorded already,
 * and sets `error`: returns FALSE. */
static gboolean
fail (RecPdf       *pdf,
      HPDF_STATUS   status,
      GError      **error)
{
  if (!rec_pdf_has_failed (pdf))
    pdf->error_no = status != HPDF_OK ? status : HPDF_INVALID_DOCUMENT;

  return check_error (pdf, error);
}

static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || (guchar) *p < 0x20)
      return FALSE;

  return TRUE;
}

/* Valid UTF-8 that NFC leaves as it is for certain: no character from
 * U+0300 on (where combining marks and decomposing characters start) but the
 * typographic punctuation the packet's own labels use (– — ‘ ’ “ ” … ·
 * are their own NFC). The packet's ledger has one such text per payment. */
static gboolean
is_simple_nfc (const char *text)
{
  static const gunichar punctuation[] = { 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026 };
  const char *end;

  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean known = c < 0x0300;

      for (guint i = 0; !known && i < G_N_ELEMENTS (punctuation); i++)
        known = c == punctuation[i];
      if (!known)
        return FALSE;
    }

  return TRUE;
}

char *
_rec_pdf_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  char *nfc;
  char *out;

  if (text == NULL)
    return g_strdup ("");
  if (is_plain_ascii (text))
    return g_strdup (text);

  if (is_simple_nfc (text))
    nfc = g_strdup (text);
  else
    {
      valid = g_utf8_make_valid (text, -1);
      nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
    }
  out = nfc;
  for (const char *p = nfc; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      *out++ = ((guchar) *p < 0x20 && *p != '\n') ? ' ' : *p;
    }
  *out = '\0';

  return nfc;
}

HPDF_Font
_rec_pdf_font (RecPdf   *pdf,
               gboolean  bold)
{
  return bold ? pdf->bold : pdf->regular;
}

static void
init_face (RecPdfFace *face,
           HPDF_Font   font)
{
  face->font = font;
  for (int c = ' '; c <= '~'; c++)
    {
      HPDF_BYTE byte = (HPDF_BYTE) c;

      face->ascii[c - ' '] = HPDF_Font_TextWidth (font, &byte, 1).width;
    }
}

static const RecPdfFace *
face_of (RecPdf    *pdf,
         HPDF_Font  font)
{
  return font == pdf->bold ? &pdf->faces[1] : &pdf->faces[0];
}

/* Chinese, Japanese kana and full-width forms: Liberation Sans has none of
 * them; WenQuanYi Zen Hei is the font libharu embeds without breaking them. */
static gboolean
needs_fallback (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x31BF)
         || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
         || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FA1F);
}

static gboolean
has_fallback_chars (const char *text,
                    gsize       length)
{
  const char *end = text + length;

  /* Every such character is encoded from 0xE2 up. */
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0xE2 && needs_fallback (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

typedef void (*RunFunc) (const RecPdfFace *face,
                         const char       *run,
                         gsize             length,
                         gpointer          user_data);

/* Calls `func` on each run of text that one font shows. */
static void
for_each_run (const RecPdfFace *face,
              const char       *text,
              gsize             length,
              RunFunc           func,
              gpointer          user_data)
{
  const char *end = text + length;
  const char *start = text;
  const RecPdfFace *current = NULL;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      const RecPdfFace *wanted = needs_fallback (g_utf8_get_char (p)) ? face->fallback : face;

      if (current != NULL && wanted != current)
        {
          func (current, start, p - start, user_data);
          start = p;
        }
      current = wanted;
    }
  if (current != NULL && start < end)
    func (current, start, end - start, user_data);
}

static void
add_run_width (const RecPdfFace *face,
               const char       *run,
               gsize             length,
               gpointer          user_data)
{
  double *units = user_data;

  *units += HPDF_Font_TextWidth (face->font, (const HPDF_BYTE *) run, (HPDF_UINT) length).width;
}

/* libharu has no kerning, so a width is the sum of the characters' widths. */
static double
font_width (const RecPdfFace *face,
            double            size,
            const char       *text,
            gsize             length)
{
  double units = 0.0;
  gsize i;

  for (i = 0; i < length && (guchar) text[i] >= ' ' && (guchar) text[i] <= '~'; i++)
    units += face->ascii[(guchar) text[i] - ' '];
  if (i == length)
    return units * size / 1000.0;

  units = 0.0;
  if (face->fallback != NULL && has_fallback_chars (text, length))
    for_each_run (face, text, length, add_run_width, &units);
  else
    add_run_width (face, text, length, &units);

  return units * size / 1000.0;
}

double
_rec_pdf_font_width (RecPdf     *pdf,
                     HPDF_Font   font,
                     double      size,
                     const char *text)
{
  return font_width (face_of (pdf, font), size, text, strlen (text));
}

void
_rec_pdf_prepare_text (RecPdf     *pdf,
                       const char *text)
{
  HPDF_STATUS error_before = pdf->error_no;
  const char *name;
  HPDF_Font font;

  if (pdf->cjk_tried || text == NULL || rec_pdf_has_failed (pdf)
      || !has_fallback_chars (text, strlen (text)))
    return;

  pdf->cjk_tried = TRUE;
  if (!g_file_test (FONT_CJK, G_FILE_TEST_IS_REGULAR))
    {
      g_debug ("%s is missing: Chinese text will show empty boxes", FONT_CJK);
      return;
    }

  name = HPDF_LoadTTFontFromFile2 (pdf->doc, FONT_CJK, 0, HPDF_TRUE);
  font = name != NULL ? HPDF_GetFont (pdf->doc, name, "UTF-8") : NULL;
  if (font == NULL)
    {
      /* Not fatal: the text shows with the main font's empty boxes. */
      HPDF_ResetError (pdf->doc);
      pdf->error_no = error_before;
      return;
    }

  init_face (&pdf->faces[2], font);
  pdf->faces[0].fallback = &pdf->faces[2];
  pdf->faces[1].fallback = &pdf->faces[2];
}

typedef struct
{
  RecPdf *pdf;
  double  size;
  double  x;
  double  baseline;
} ShowRun;

/* HPDF_Page_TextOut, without its memset where it can (rec-pdf-libharu.c). */
static void
text_out (RecPdf     *pdf,
          double      x,
          double      baseline,
          const char *text)
{
  if (pdf->records)
    _rec_pdf_libharu_text_out (pdf->page, x, baseline, text);
  else
    HPDF_Page_TextOut (pdf->page, x, baseline, text);
}

static void
show_run (const RecPdfFace *face,
          const char       *run,
          gsize             length,
          gpointer          user_data)
{
  ShowRun *show = user_data;
  g_autofree char *text = g_strndup (run, length);

  HPDF_Page_SetFontAndSize (show->pdf->page, face->font, show->size);
  text_out (show->pdf, show->x, show->baseline, text);
  show->x += font_width (face, show->size, run, length);
}

void
_rec_pdf_show (RecPdf     *pdf,
               HPDF_Font   font,
               double      size,
               double      x,
               double      baseline,
               const char *text)
{
  const RecPdfFace *face = face_of (pdf, font);
  ShowRun show = { pdf, size, x, baseline };

  if (face->fallback == NULL || is_plain_ascii (text) || !has_fallback_chars (text, strlen (text)))
    {
      text_out (pdf, x, baseline, text);
      return;
    }

  for_each_run (face, text, strlen (text), show_run, &show);
  HPDF_Page_SetFontAndSize (pdf->page, font, size);
}

void
_rec_pdf_text_at (RecPdf     *pdf,
                  HPDF_Font   font,
                  double      size,
                  double      x,
                  double      baseline,
                  const char *text)
{
  if (text == NULL || *text == '\0' || pdf->page == NULL || rec_pdf_has_failed (pdf))
    return;

  HPDF_Page_BeginText (pdf->page);
  HPDF_Page_SetFontAndSize (pdf->page, font, size);
  _rec_pdf_show (pdf, font, size, x, baseline, text);
  HPDF_Page_EndText (pdf->page);
}

void
_rec_pdf_text_in (RecPdf      *pdf,
                  HPDF_Font    font,
                  double       size,
                  double       x,
                  double       width,
                  double       baseline,
                  RecPdfAlign  align,
                  const char  *text)
{
  double text_width;

  if (text == NULL || *text == '\0')
    return;

  if (align != REC_PDF_ALIGN_LEFT)
    {
      text_width = font_width (face_of (pdf, font), size, text, strlen (text));
      x += align == REC_PDF_ALIGN_RIGHT ? width - text_width : (width - text_width) / 2.0;
    }

  _rec_pdf_text_at (pdf, font, size, x, baseline, text);
}

/* Where broken lines go: owned copies, or (for tables) strings kept in a
 * chunk the table clears now and then. */
typedef struct
{
  GPtrArray    *lines;
  GStringChunk *chunk;            /* NULL: g_strndup */
} LineSink;

static void
add_line (LineSink   *sink,
          const char *text,
          gsize       length)
{
  g_ptr_array_add (sink->lines, sink->chunk != NULL ? g_string_chunk_insert_len (sink->chunk, text, length)
                                                    : g_strndup (text, length));
}

/* Cuts a word wider than a line into pieces: after a hyphen or slash when
 * the piece has one, otherwise at a character boundary. Full pieces go to
 * `lines`; the last piece stays in `line` for what follows. */
static void
cut_word (const RecPdfFace *font,
          double      size,
          const char *word,
          gsize       length,
          double      width,
          LineSink   *lines,
          GString    *line,
          double     *line_width)
{
  const char *end = word + length;
  gsize break_at = 0;                 /* in line->str, after a '-' or '/' */

  for (const char *p = word; p < end;)
    {
      const char *next = g_utf8_next_char (p);
      double w = font_width (font, size, p, next - p);

      if (line->len > 0 && *line_width + w > width)
        {
          gsize cut = break_at > 0 && break_at < line->len ? break_at : line->len;

          add_line (lines, line->str, cut);
          g_string_erase (line, 0, cut);
          *line_width = font_width (font, size, line->str, line->len);
          break_at = 0;
          continue;
        }
      g_string_append_len (line, p, next - p);
      *line_width += w;
      if ((*p == '-' || *p == '/') && next < end)
        break_at = line->len;
      p = next;
    }
}

static void
break_paragraph (const RecPdfFace *font,
                 double      size,
                 const char *text,
                 gsize       length,
                 double      width,
                 LineSink   *lines)
{
  g_autoptr(GString) line = g_string_new (NULL);
  double line_width = 0.0;
  double space_width = font_width (font, size, " ", 1);
  const char *end = text + length;
  guint first = lines->lines->len;

  for (const char *p = text; p < end;)
    {
      const char *word;
      double word_width;

      while (p < end && *p == ' ')
        p++;
      if (p >= end)
        break;
      for (word = p; p < end && *p != ' '; p++)
        ;
      word_width = font_width (font, size, word, p - word);

      if (line->len > 0 && line_width + space_width + word_width <= width)
        {
          g_string_append_c (line, ' ');
          g_string_append_len (line, word, p - word);
          line_width += space_width + word_width;
          continue;
        }
      if (line->len > 0)
        add_line (lines, line->str, line->len);
      g_string_truncate (line, 0);
      line_width = 0.0;
      if (word_width <= width)
        {
          g_string_append_len (line, word, p - word);
          line_width = word_width;
        }
      else
        cut_word (font, size, word, p - word, width, lines, line, &line_width);
    }

  if (line->len > 0 || lines->lines->len == first)
    add_line (lines, line->str, line->len);
}

void
_rec_pdf_break_into (RecPdf     *pdf,
                     gboolean    bold,
                     double      size,
                     const char *text,
                     double      width,
                     GPtrArray    *lines,
                     GArray       *widths,
                     GStringChunk *chunk)
{
  LineSink sink = { lines, chunk };
  g_autofree char *clean = NULL;
  const RecPdfFace *font = &pdf->faces[bold ? 1 : 0];
  const char *p;

  if (text == NULL)
    text = "";
  /* Not a number, or negative: one character a line. */
  if (!(width > 0.0))
    width = 0.0;

  /* Most cells (dates, amounts, short words) are one ASCII line. */
  if (is_plain_ascii (text))
    {
      gsize length = strlen (text);
      double text_width = font_width (font, size, text, length);

      if (text_width <= width)
        {
          /* With a chunk, the caller's text outlives the line: borrow it. */
          g_ptr_array_add (lines, chunk != NULL ? (char *) text : g_strndup (text, length));
          if (widths != NULL)
            g_array_append_val (widths, text_width);
          return;
        }
      p = text;
    }
  else
    {
      p = clean = _rec_pdf_clean_text (text);
      _rec_pdf_prepare_text (pdf, clean);
    }

  for (;;)
    {
      const char *newline = strchr (p, '\n');
      gsize length = newline != NULL ? (gsize) (newline - p) : strlen (p);

      break_paragraph (font, size, p, length, width, &sink);
      if (newline == NULL)
        break;
      p = newline + 1;
    }

  /* Unknown widths: measured when drawn, if needed. */
  while (widths != NULL && widths->len < lines->len)
    {
      double unknown = -1.0;

      g_array_append_val (widths, unknown);
    }
}

GPtrArray *
rec_pdf_break_lines (RecPdf     *pdf,
                     gboolean    bold,
                     double      size,
                     const char *text,
                     double      width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  _rec_pdf_break_into (pdf, bold, size, text, width, lines, NULL, NULL);
  return lines;
}

double
rec_pdf_text_width (RecPdf     *pdf,
                    gboolean    bold,
                    double      size,
                    const char *text)
{
  g_autofree char *clean = _rec_pdf_clean_text (text);

  _rec_pdf_prepare_text (pdf, clean);
  return font_width (&pdf->faces[bold ? 1 : 0], size, clean, strlen (clean));
}

RecPdf *
rec_pdf_new (RecPdfPaper   paper,
             GError      **error)
{
  g_autoptr(RecPdf) pdf = g_new0 (RecPdf, 1);

  pdf->paper = paper;
  pdf->page_width = paper == REC_PDF_PAPER_A4 ? 595.276 : 612.0;
  pdf->page_height = paper == REC_PDF_PAPER_A4 ? 841.89 : 792.0;
  pdf->left = MARGIN_SIDE;
  pdf->right = pdf->page_width - MARGIN_SIDE;
  pdf->top = pdf->page_height - MARGIN_TOP;
  pdf->bottom = MARGIN_BOTTOM;
  pdf->pages = g_ptr_array_new ();
  pdf->page_format = g_strdup ("%d / %d");
  pdf->max_pages = REC_PDF_MAX_PAGES;
  pdf->records = _rec_pdf_libharu_records ();

  pdf->doc = HPDF_New (error_handler, pdf);
  if (pdf->doc == NULL)
    {
      g_set_error_literal (error, REC_REPORT_ERROR, REC_REPORT_ERROR_FAILED,
                           _("The packet could not be made: out of memory"));
      return NULL;
    }
  if (HPDF_SetCompressionMode (pdf->doc, HPDF_COMP_ALL) != HPDF_OK
      || HPDF_UseUTFEncodings (pdf->doc) != HPDF_OK
      || HPDF_SetCurrentEncoder (pdf->doc, "UTF-8") != HPDF_OK)
    {
      fail (pdf, HPDF_INVALID_DOCUMENT, error);
      return NULL;
    }

  pdf->regular = load_font (pdf, FONT_REGULAR, error);
  if (pdf->regular == NULL)
    return NULL;
  pdf->bold = load_font (pdf, FONT_BOLD, error);
  if (pdf->bold == NULL || !check_error (pdf, error))
    return NULL;
  init_face (&pdf->faces[0], pdf->regular);
  init_face (&pdf->faces[1], pdf->bold);

  return g_steal_pointer (&pdf);
}

void
rec_pdf_free (RecPdf *pdf)
{
  if (pdf == NULL)
    return;

  if (pdf->doc != NULL)
    HPDF_Free (pdf->doc);
  g_ptr_array_unref (pdf->pages);
  g_free (pdf->header);
  g_free (pdf->header_right);
  g_free (pdf->footer);
  g_free (pdf->page_format);
  g_free (pdf->bates);
  _rec_pdf_remove_attachments (pdf);
  g_clear_pointer (&pdf->attached, g_ptr_array_unref);
  g_free (pdf);
}

/* Document information is one PDF string each: cut long before libharu's
 * limit (65 535 bytes). */
static void
set_info (RecPdf          *pdf,
          HPDF_InfoType    type,
          const char      *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || *value == '\0' || rec_pdf_has_failed (pdf))
    return;

  clean = _rec_pdf_clean_text (value);
  if (g_utf8_strlen (clean, -1) > REC_PDF_INFO_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (clean, REC_PDF_INFO_MAX_CHARS - 1);

      *end = '\0';
      clean = g_realloc (clean, (end - clean) + strlen ("…") + 1);
      strcat (clean, "…");
    }
  HPDF_SetInfoAttr (pdf->doc, type, clean);
}

void
rec_pdf_set_info (RecPdf     *pdf,
                  const char *title,
                  const char *author,
                  const char *subject,
                  GDateTime  *created)
{
  g_autoptr(GDateTime) now = created != NULL ? g_date_time_ref (created) : g_date_time_new_now_local ();
  int offset_minutes = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE);
  HPDF_Date date = {
    .year = g_date_time_get_year (now),
    .month = g_date_time_get_month (now),
    .day = g_date_time_get_day_of_month (now),
    .hour = g_date_time_get_hour (now),
    .minutes = g_date_time_get_minute (now),
    .seconds = g_date_time_get_second (now),
    .ind = offset_minutes == 0 ? 'Z' : (offset_minutes > 0 ? '+' : '-'),
    .off_hour = ABS (offset_minutes) / 60,
    .off_minutes = ABS (offset_minutes) % 60,
  };

  set_info (pdf, HPDF_INFO_TITLE, title);
  set_info (pdf, HPDF_INFO_AUTHOR, author);
  set_info (pdf, HPDF_INFO_SUBJECT, subject);
  set_info (pdf, HPDF_INFO_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  HPDF_SetInfoDateAttr (pdf->doc, HPDF_INFO_CREATION_DATE, date);
}

void
rec_pdf_set_keywords (RecPdf     *pdf,
                      const char *keywords)
{
  set_info (pdf, HPDF_INFO_KEYWORDS, keywords);
}

void
rec_pdf_set_bates (RecPdf     *pdf,
                   const char *prefix)
{
  g_clear_pointer (&pdf->bates, g_free);
  if (prefix != NULL && *prefix != '\0')
    {
      pdf->bates = _rec_pdf_clean_text (prefix);
      _rec_pdf_prepare_text (pdf, pdf->bates);
    }
}

/* A translated page format may only hold two integers ("%d", "%1$d", "%2$d")
 * and "%%": anything else would make printf read what is not there. */
static gboolean
is_page_format (const char *format)
{
  guint n_numbers = 0;

  if (format == NULL)
    return FALSE;

  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p, '%'))
    {
      if (p[1] == '%')
        p += 2;
      else if (p[1] == 'd')
        p += 2, n_numbers++;
      else if ((p[1] == '1' || p[1] == '2') && p[2] == '$' && p[3] == 'd')
        p += 4, n_numbers++;
      else
        return FALSE;
    }

  return n_numbers == 2;
}

void
rec_pdf_set_decorations (RecPdf     *pdf,
                         const char *header,
                         const char *footer,
                         const char *page_format)
{
  g_free (pdf->header);
  pdf->header = _rec_pdf_clean_text (header);
  _rec_pdf_prepare_text (pdf, pdf->header);
  g_free (pdf->footer);
  pdf->footer = _rec_pdf_clean_text (footer);
  _rec_pdf_prepare_text (pdf, pdf->footer);
  g_free (pdf->page_format);
  pdf->page_format = g_strdup (is_page_format (page_format) ? page_format : "%d / %d");
}

void
rec_pdf_set_header_right (RecPdf     *pdf,
                          const char *text)
{
  g_free (pdf->header_right);
  pdf->header_right = _rec_pdf_clean_text (text);
  _rec_pdf_prepare_text (pdf, pdf->header_right);
}

double
rec_pdf_get_width (RecPdf *pdf)
{
  return pdf->right - pdf->left;
}

guint
rec_pdf_get_n_pages (RecPdf *pdf)
{
  return pdf->pages->len;
}

double
rec_pdf_get_space (RecPdf *pdf)
{
  return pdf->page != NULL ? MAX (pdf->y - pdf->bottom, 0.0) : 0.0;
}

void
_rec_pdf_set_max_pages (RecPdf *pdf,
                        guint   max_pages)
{
  pdf->max_pages = MIN (max_pages, REC_PDF_MAX_PAGES);
}

/* Whatever happens, the cursor is at the top of a fresh page afterwards, so
 * that every loop waiting for room ends; after a failure there is no page
 * (pdf->page is NULL) and nothing is drawn. */
void
rec_pdf_new_page (RecPdf *pdf)
{
  HPDF_Page page;

  pdf->page = NULL;
  pdf->y = pdf->top;
  if (rec_pdf_has_failed (pdf))
    return;
  if (pdf->pages->len >= pdf->max_pages)
    {
      pdf->too_many_pages = TRUE;
      return;
    }

  page = HPDF_AddPage (pdf->doc);
  if (page == NULL
      || HPDF_Page_SetSize (page, pdf->paper == REC_PDF_PAPER_A4 ? HPDF_PAGE_SIZE_A4 : HPDF_PAGE_SIZE_LETTER,
                            HPDF_PAGE_PORTRAIT) != HPDF_OK
      /* HPDF_PAGE_SIZE_* are rounded; keep the exact size used for layout. */
      || HPDF_Page_SetWidth (page, pdf->page_width) != HPDF_OK
      || HPDF_Page_SetHeight (page, pdf->page_height) != HPDF_OK)
    {
      fail (pdf, HPDF_INVALID_PAGE, NULL);
      return;
    }

  g_ptr_array_add (pdf->pages, page);
  pdf->page = page;
}

void
rec_pdf_ensure_space (RecPdf *pdf,
                      double  height)
{
  if (rec_pdf_has_failed (pdf))
    return;
  if (pdf->page == NULL || (pdf->y - height < pdf->bottom && pdf->y < pdf->top))
    rec_pdf_new_page (pdf);
}

void
rec_pdf_skip (RecPdf *pdf,
              double  height)
{
  if (rec_pdf_has_failed (pdf))
    return;
  if (pdf->page == NULL)
    rec_pdf_new_page (pdf);
  /* Past the bottom, what comes next starts the next page: a skip alone
   * never makes a page (that would stay blank before a new section). */
  pdf->y = MAX (pdf->y - height, pdf->bottom);
}

static void
draw_lines (RecPdf    *pdf,
            GPtrArray *lines,
            double     size,
            gboolean   bold)
{
  double line_height = size * LINE_FACTOR;

  for (guint i = 0; i < lines->len && !rec_pdf_has_failed (pdf); i++)
    {
      rec_pdf_ensure_space (pdf, line_height);
      _rec_pdf_text_at (pdf, _rec_pdf_font (pdf, bold), size, pdf->left,
                        pdf->y - size * 0.92, g_ptr_array_index (lines, i));
      pdf->y -= line_height;
    }
}

void
rec_pdf_heading (RecPdf     *pdf,
                 const char *text,
                 double      size,
                 double      keep_with)
{
  g_autoptr(GPtrArray) lines = NULL;
  double height;

  if (rec_pdf_has_failed (pdf))
    return;

  lines = rec_pdf_break_lines (pdf, TRUE, size, text, rec_pdf_get_width (pdf));
  height = lines->len * size * LINE_FACTOR + size * 0.5;
  rec_pdf_ensure_space (pdf, height + keep_with);
  draw_lines (pdf, lines, size, TRUE);
  pdf->y -= size * 0.5;
}

void
rec_pdf_paragraph (RecPdf     *pdf,
                   const char *text,
                   double      size,
                   gboolean    bold)
{
  g_autoptr(GPtrArray) lines = NULL;

  if (rec_pdf_has_failed (pdf))
    return;

  lines = rec_pdf_break_lines (pdf, bold, size, text, rec_pdf_get_width (pdf));
  /* Two lines at least stay together (no widow or orphan of one line). */
  rec_pdf_ensure_space (pdf, MIN (lines->len, 2) * size * LINE_FACTOR);
  draw_lines (pdf, lines, size, bold);
}

/* A paragraph laid out now and drawn later: the room of the longest of its
 * texts, line by line (a line that would not fit starts a page, as
 * rec_pdf_paragraph does). */
struct _RecPdfDeferred
{
  double      size;
  gboolean    bold;
  GPtrArray  *texts;    /* GPtrArray of lines, one per text */
  GArray     *slots;    /* Slot, one per line of the longest text */
};

typedef struct
{
  HPDF_Page page;       /* NULL: the document had failed */
  double    y;          /* the line's top */
} Slot;

RecPdfDeferred *
rec_pdf_paragraph_defer (RecPdf            *pdf,
                         const char *const *texts,
                         double             size,
                         gboolean           bold)
{
  RecPdfDeferred *deferred = g_new0 (RecPdfDeferred, 1);
  double line_height = size * LINE_FACTOR;
  guint most = 0;

  deferred->size = size;
  deferred->bold = bold;
  deferred->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  deferred->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  if (rec_pdf_has_failed (pdf))
    return deferred;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      GPtrArray *lines = rec_pdf_break_lines (pdf, bold, size, texts[i], rec_pdf_get_width (pdf));

      most = MAX (most, lines->len);
      g_ptr_array_add (deferred->texts, lines);
    }

  /* As rec_pdf_paragraph and draw_lines would place the longest. */
  rec_pdf_ensure_space (pdf, MIN (most, 2) * line_height);
  for (guint i = 0; i < most && !rec_pdf_has_failed (pdf); i++)
    {
      Slot slot;

      rec_pdf_ensure_space (pdf, line_height);
      slot.page = pdf->page;
      slot.y = pdf->y;
      g_array_append_val (deferred->slots, slot);
      pdf->y -= line_height;
    }

  return deferred;
}

void
rec_pdf_paragraph_fill (RecPdf         *pdf,
                        RecPdfDeferred *deferred,
                        guint           which)
{
  HPDF_Page current = pdf->page;
  GPtrArray *lines;

  g_return_if_fail (deferred != NULL);
  g_return_if_fail (which < deferred->texts->len || deferred->texts->len == 0);

  lines = deferred->texts->len > 0 ? g_ptr_array_index (deferred->texts, which) : NULL;
  for (guint i = 0; lines != NULL && i < lines->len && i < deferred->slots->len; i++)
    {
      const Slot *slot = &g_array_index (deferred->slots, Slot, i);

      if (slot->page == NULL || rec_pdf_has_failed (pdf))
        break;
      pdf->page = slot->page;
      _rec_pdf_text_at (pdf, _rec_pdf_font (pdf, deferred->bold), deferred->size, pdf->left,
                        slot->y - deferred->size * 0.92, g_ptr_array_index (lines, i));
    }
  pdf->page = current;
}

void
rec_pdf_deferred_free (RecPdfDeferred *deferred)
{
  if (deferred == NULL)
    return;

  g_ptr_array_unref (deferred->texts);
  g_array_unref (deferred->slots);
  g_free (deferred);
}

char *
_rec_pdf_fit_one_line (RecPdf     *pdf,
                       const char *text,
                       double      size,
                       double      width)
{
  g_autoptr(GString) out = g_string_new (NULL);
  double ellipsis = font_width (&pdf->faces[0], size, "…", strlen ("…"));
  double used = 0.0;

  if (font_width (&pdf->faces[0], size, text, strlen (text)) <= width)
    return g_strdup (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      double w = font_width (&pdf->faces[0], size, p, next - p);

      if (used + w + ellipsis > width)
        break;
      g_string_append_len (out, p, next - p);
      used += w;
    }
  g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_rule (RecPdf *pdf,
           double  y)
{
  HPDF_Page_SetGrayStroke (pdf->page, 0.6);
  HPDF_Page_SetLineWidth (pdf->page, 0.5);
  HPDF_Page_MoveTo (pdf->page, pdf->left, y);
  HPDF_Page_LineTo (pdf->page, pdf->right, y);
  HPDF_Page_Stroke (pdf->page);
  HPDF_Page_SetGrayStroke (pdf->page, 0.0);
}

typedef struct
{
  char   *header;                     /* fitted to the width left */
  char   *header_right;
  double  header_right_width;
} Decorations;

static void
draw_decorations (RecPdf            *pdf,
                  const Decorations *decorations,
                  guint              index)
{
  double width = rec_pdf_get_width (pdf);
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;
  double number_width;
  double header_baseline = pdf->page_height - HEADER_BASELINE;

  number = g_strdup_printf (pdf->page_format, index + 1, pdf->pages->len);
  number_width = font_width (&pdf->faces[0], DECORATION_SIZE, number, strlen (number));
  footer = _rec_pdf_fit_one_line (pdf, pdf->footer ? pdf->footer : "", DECORATION_SIZE,
                                  width - number_width - 12.0);

  pdf->page = g_ptr_array_index (pdf->pages, index);
  _rec_pdf_text_at (pdf, pdf->regular, DECORATION_SIZE, pdf->left, header_baseline,
                    decorations->header);
  _rec_pdf_text_in (pdf, pdf->regular, DECORATION_SIZE, pdf->left, width, header_baseline,
                    REC_PDF_ALIGN_RIGHT, decorations->header_right);
  draw_rule (pdf, header_baseline - 5.0);
  draw_rule (pdf, FOOTER_BASELINE + DECORATION_SIZE + 3.0);
  _rec_pdf_text_at (pdf, pdf->regular, DECORATION_SIZE, pdf->left, FOOTER_BASELINE, footer);
  _rec_pdf_text_in (pdf, pdf->regular, DECORATION_SIZE, pdf->left, width, FOOTER_BASELINE,
                    REC_PDF_ALIGN_RIGHT, number);
  if (pdf->bates != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%s-%06u", pdf->bates, index + 1);

      _rec_pdf_text_in (pdf, pdf->bold, DECORATION_SIZE, pdf->left, width,
                        FOOTER_BASELINE - DECORATION_SIZE * LINE_FACTOR - 2.0,
                        REC_PDF_ALIGN_RIGHT, label);
    }
}

static void
draw_all_decorations (RecPdf *pdf)
{
  double width = rec_pdf_get_width (pdf);
  Decorations decorations = { 0 };

  decorations.header_right = _rec_pdf_fit_one_line (pdf, pdf->header_right ? pdf->header_right : "",
                                                     DECORATION_SIZE, width / 2);
  decorations.header_right_width = font_width (&pdf->faces[0], DECORATION_SIZE, decorations.header_right,
                                               strlen (decorations.header_right));
  decorations.header = _rec_pdf_fit_one_line (pdf, pdf->header ? pdf->header : "", DECORATION_SIZE,
                                               width - decorations.header_right_width - 12.0);

  for (guint i = 0; i < pdf->pages->len; i++)
    draw_decorations (pdf, &decorations, i);

  g_free (decorations.header);
  g_free (decorations.header_right);
}

static gboolean
write_all (int          fd,
           const guint8 *data,
           gsize        length)
{
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      done += (gsize) n;
    }

  return TRUE;
}

/* Where the document's bytes go: a RecAtomicFile, or standard output. */
typedef gboolean (*WriteFunc) (gpointer       target,
                               const guint8  *data,
                               gsize          length,
                               GError       **error);

static gboolean
write_to_file (gpointer       target,
               const guint8  *data,
               gsize          length,
               GError       **error)
{
  return rec_atomic_file_write (target, data, length, error);
}

static gboolean
write_to_stdout (gpointer       target,
                 const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  if (!write_all (STDOUT_FILENO, data, length))
    {
      int saved = errno;

      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE,
                   /* Translators: %s is the system's reason */
                   _("Cannot write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* Makes the document in libharu's memory stream; nothing is written. */
static gboolean
render_document (RecPdf  *pdf,
                 GError **error)
{
  HPDF_STATUS status;

  if (!check_error (pdf, error))
    return FALSE;

  status = HPDF_SaveToStream (pdf->doc);
  if (status != HPDF_OK)
    return fail (pdf, status, error);

  return check_error (pdf, error);
}

/* Copies the rendered document in pieces, so that it is never held twice. */
static gboolean
copy_document (RecPdf     *pdf,
               WriteFunc   write_func,
               gpointer    target,
               GError    **error)
{
  HPDF_UINT32 total = HPDF_GetStreamSize (pdf->doc);
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK);
  HPDF_STATUS status = HPDF_ResetStream (pdf->doc);

  if (status != HPDF_OK)
    return fail (pdf, status, error);

  for (HPDF_UINT32 done = 0; done < total;)
    {
      HPDF_UINT32 n = MIN ((HPDF_UINT32) COPY_CHUNK, total - done);
      HPDF_UINT32 wanted = n;

      /* Reading exactly what is left never meets the stream's end. */
      status = HPDF_ReadFromStream (pdf->doc, buffer, &n);
      if (status != HPDF_OK || n != wanted)
        return fail (pdf, status != HPDF_OK ? status : HPDF_STREAM_EOF, error);
      if (!write_func (target, buffer, n, error))
        return FALSE;
      done += n;
    }

  return TRUE;
}

static gboolean
write_file (RecPdf      *pdf,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RecAtomicFile) file = rec_atomic_file_new (path, &local_error);

  if (file != NULL && copy_document (pdf, write_to_file, file, &local_error)
      && rec_atomic_file_commit (file, TRUE, &local_error))
    return TRUE;

  /* The atomic file's errors (G_FILE_ERROR) name the file or the folder. */
  if (local_error->domain == G_FILE_ERROR)
    g_set_error_literal (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Headers and footers on every page, then the pages' content deflated on
 * two cores (rec-pdf-libharu.c) unless libharu is to do it. */
static gboolean
decorate_document (RecPdf  *pdf,
                   GError **error)
{
  if (pdf->pages->len == 0)
    rec_pdf_new_page (pdf);
  if (!check_error (pdf, error))
    return FALSE;
  draw_all_decorations (pdf);
  if (!check_error (pdf, error))
    return FALSE;
  if (pdf->records)
    pdf->n_deflated = _rec_pdf_libharu_deflate_pages (pdf->pages);
  return check_error (pdf, error);
}

/* Headers, footers, then the document in libharu's stream. */
static gboolean
finish_document (RecPdf  *pdf,
                 GError **error)
{
  return decorate_document (pdf, error) && render_document (pdf, error);
}

/* A document with embedded files (hundreds of megabytes of photos) goes
 * straight from libharu to the temporary file: not held in memory whole,
 * and copied half as often. */
static gboolean
write_file_direct (RecPdf      *pdf,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RecAtomicFile) file = NULL;
  HPDF_STATUS status;

  if (!decorate_document (pdf, error))
    return FALSE;

  file = rec_atomic_file_new (path, &local_error);
  if (file != NULL)
    {
      status = HPDF_SaveToFile (pdf->doc, rec_atomic_file_get_temp_path (file));
      _rec_pdf_remove_attachments (pdf);
      if (status != HPDF_OK)
        return fail (pdf, status, error);
      if (!check_error (pdf, error))
        return FALSE;
      if (rec_atomic_file_commit (file, TRUE, &local_error))
        return TRUE;
    }

  if (local_error->domain == G_FILE_ERROR)
    g_set_error_literal (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
rec_pdf_save (RecPdf      *pdf,
              const char  *path,
              GError     **error)
{
  if (!g_str_equal (path, "-") && pdf->attached != NULL && pdf->attached->len > 0)
    return write_file_direct (pdf, path, error);

  if (!finish_document (pdf, error))
    return FALSE;
  /* libharu has read the attached files into its stream. */
  _rec_pdf_remove_attachments (pdf);

  if (g_str_equal (path, "-"))
    return copy_document (pdf, write_to_stdout, NULL, error);
  return write_file (pdf, path, error);
}

static gboolean
write_to_bytes (gpointer       target,
                const guint8  *data,
                gsize          length,
                GError       **error)
{
  g_byte_array_append (target, data, (guint) length);
  return TRUE;
}

GBytes *
rec_pdf_save_to_bytes (RecPdf  *pdf,
                       GError **error)
{
  g_autoptr(GByteArray) bytes = NULL;

  if (!finish_document (pdf, error))
    return NULL;
  _rec_pdf_remove_attachments (pdf);

  bytes = g_byte_array_sized_new (HPDF_GetStreamSize (pdf->doc));
  if (!copy_document (pdf, write_to_bytes, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

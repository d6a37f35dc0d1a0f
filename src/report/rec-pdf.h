/* rec-pdf.h — layout helpers over libharu: fonts, wrapping, tables, charts, pages
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A RecPdf is one document being laid out from top to bottom. It owns the
 * libharu document, the embedded fonts (Liberation Sans regular and bold, and
 * WenQuanYi Zen Hei once a text holds Chinese) and a cursor; every drawing
 * call moves the cursor down and starts a new page when the next block does
 * not fit. Headers and footers ("Page N of M") are drawn on every page when
 * the document is saved, once the total is known. Labels come translated from
 * the caller (only error messages use gettext). Nothing here is global: a
 * RecPdf may be used on any one thread at a time.
 */
#pragma once

#include <glib.h>

#include "rec-money.h"

G_BEGIN_DECLS

typedef enum
{
  REC_PDF_PAPER_LETTER,
  REC_PDF_PAPER_A4,
} RecPdfPaper;

typedef enum
{
  REC_PDF_ALIGN_LEFT,
  REC_PDF_ALIGN_RIGHT,
  REC_PDF_ALIGN_CENTER,
} RecPdfAlign;

typedef enum
{
  REC_PDF_ROW_NORMAL = 0,
  REC_PDF_ROW_BOLD   = 1 << 0,   /* totals: bold, with a rule above */
} RecPdfRowFlags;

typedef struct _RecPdf      RecPdf;
typedef struct _RecPdfTable RecPdfTable;
/* An image the document holds (libharu's), drawn once or more. */
typedef struct _RecPdfImage RecPdfImage;

typedef struct
{
  const char  *title;            /* header cell; all NULL = a table without header */
  double       weight;           /* share of the table's width */
  RecPdfAlign  align;
  const char  *min_text;         /* NULL, or a text the column must fit on one
                                  * line ("0000-00-00" for dates) */
} RecPdfColumn;

/* One line of a chart: amounts in cents. */
typedef struct
{
  const char      *name;
  const RecCents  *values;       /* n_points values */
  double           red, green, blue;
} RecPdfSeries;

/* Formats an axis value, a whole number of currency units, for people
 * (e.g. "$12,000"). */
typedef char *(*RecPdfFormatFunc) (RecCents value,
                                   gpointer user_data);

/* Font sizes and spacing, in points. */
#define REC_PDF_BODY_SIZE   9.5
#define REC_PDF_SMALL_SIZE  8.0

RecPdf      *rec_pdf_new              (RecPdfPaper   paper,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void         rec_pdf_free             (RecPdf       *pdf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecPdf, rec_pdf_free)

/* Document information, UTF-8. `created` may be NULL (now). */
void         rec_pdf_set_info         (RecPdf       *pdf,
                                       const char   *title,
                                       const char   *author,
                                       const char   *subject,
                                       GDateTime    *created);
/* Header text (left, on every page), footer text (left) and the footer's
 * page number format with two %d: the page and the total ("Page %d of %d"). */
void         rec_pdf_set_decorations  (RecPdf       *pdf,
                                       const char   *header,
                                       const char   *footer,
                                       const char   *page_format);

/* The document information's Keywords (ASCII; NULL: none). */
void         rec_pdf_set_keywords     (RecPdf       *pdf,
                                       const char   *keywords);
/* Bates labels: "PREFIX-000001", "PREFIX-000002", … at the bottom right of
 * every page, under the page number. NULL or "": none. */
void         rec_pdf_set_bates        (RecPdf       *pdf,
                                       const char   *prefix);

/* Text at the right of the header (e.g. the court case number). */
void         rec_pdf_set_header_right (RecPdf       *pdf,
                                       const char   *text);

/* Whether the document failed (libharu refused something, or it would have
 * more pages than a packet may): every later drawing call returns at once,
 * so that no layout waits for room that never comes, and rec_pdf_save()
 * says why. */
gboolean     rec_pdf_has_failed       (RecPdf       *pdf);

double       rec_pdf_get_width        (RecPdf       *pdf);
guint        rec_pdf_get_n_pages      (RecPdf       *pdf);
void         rec_pdf_new_page         (RecPdf       *pdf);
/* The height left on the current page, in points (0 before the first). */
double       rec_pdf_get_space        (RecPdf       *pdf);
/* A bookmark (a top-level entry of the document's outline, UTF-8) to the
 * top of the current page. */
void         rec_pdf_outline_add      (RecPdf       *pdf,
                                       const char   *title);
/* Starts a new page unless `height` points still fit on this one. */
void         rec_pdf_ensure_space     (RecPdf       *pdf,
                                       double        height);
void         rec_pdf_skip             (RecPdf       *pdf,
                                       double        height);

/* A heading kept together with at least `keep_with` points of what follows. */
void         rec_pdf_heading          (RecPdf       *pdf,
                                       const char   *text,
                                       double        size,
                                       double        keep_with);
/* Wrapped text over the full width. */
void         rec_pdf_paragraph        (RecPdf       *pdf,
                                       const char   *text,
                                       double        size,
                                       gboolean      bold);

/* A paragraph whose text is chosen later, when what follows it is already
 * drawn: the room of the longest of `texts` (NULL-terminated) is kept here,
 * as rec_pdf_paragraph would place it; rec_pdf_paragraph_fill draws
 * texts[which] there (the packet's cover note, once the verification that
 * decides it has ended). Free with rec_pdf_deferred_free. */
typedef struct _RecPdfDeferred RecPdfDeferred;

RecPdfDeferred *rec_pdf_paragraph_defer  (RecPdf            *pdf,
                                          const char *const *texts,
                                          double             size,
                                          gboolean           bold);
void            rec_pdf_paragraph_fill   (RecPdf            *pdf,
                                          RecPdfDeferred    *deferred,
                                          guint              which);
void            rec_pdf_deferred_free    (RecPdfDeferred    *deferred);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecPdfDeferred, rec_pdf_deferred_free)

/* Breaks NFC-normalized `text` into lines no wider than `width` points: at
 * spaces, at newlines, and inside a word (at a character boundary) when the
 * word alone is wider than a line. Returns the lines (transfer full). */
GPtrArray   *rec_pdf_break_lines      (RecPdf       *pdf,
                                       gboolean      bold,
                                       double        size,
                                       const char   *text,
                                       double        width);
double       rec_pdf_text_width       (RecPdf       *pdf,
                                       gboolean      bold,
                                       double        size,
                                       const char   *text);

/* Tables break across pages and repeat their header row; a row's wrapped
 * lines stay together; the header never stands alone at a page's bottom. */
RecPdfTable *rec_pdf_table_new        (RecPdf             *pdf,
                                       const RecPdfColumn *columns,
                                       guint               n_columns,
                                       double              size);
/* Boxed: a frame around the whole table (the cover's totals). */
void         rec_pdf_table_set_boxed  (RecPdfTable        *table,
                                       gboolean            boxed);
void         rec_pdf_table_set_width  (RecPdfTable        *table,
                                       double              width);
/* Widens each column to the widest word of its cells in `cells` (n_rows
 * rows of n_columns cells, as rec_pdf_table_row takes them), at the expense
 * of the widest column while it keeps room for its own: call it with the
 * rows before drawing them, so that no word is cut inside ("Requeste/d"). */
void         rec_pdf_table_fit_words  (RecPdfTable        *table,
                                       const char * const *cells,
                                       guint               n_rows);
/* The height `cells` would take as a row (its wrapped lines). */
double       rec_pdf_table_row_height (RecPdfTable        *table,
                                       const char * const *cells,
                                       RecPdfRowFlags      flags);
void         rec_pdf_table_row        (RecPdfTable        *table,
                                       const char * const *cells,
                                       RecPdfRowFlags      flags);
/* Ends the table (draws the frame when boxed) and frees it. */
void         rec_pdf_table_end        (RecPdfTable        *table);

/* A line chart `height` points tall over the full width; its value axis is
 * rec_chart_axis_compute (…, REC_CHART_MAX_STEPS), as the window's chart. */
void         rec_pdf_line_chart       (RecPdf             *pdf,
                                       const RecPdfSeries *series,
                                       guint               n_series,
                                       const char * const *x_labels,
                                       guint               n_points,
                                       double              height,
                                       RecPdfFormatFunc    format_value,
                                       gpointer            user_data);

/* Images (rec-pdf-exhibit.c). Each returns NULL, and the document does not
 * fail, when libharu cannot take the bytes: a JPEG, a PNG, or 8-bit RGB
 * pixels, three bytes each, rows without padding. */
RecPdfImage *rec_pdf_image_new_jpeg   (RecPdf       *pdf,
                                       const guint8 *data,
                                       gsize         size);
RecPdfImage *rec_pdf_image_new_png    (RecPdf       *pdf,
                                       const guint8 *data,
                                       gsize         size);
RecPdfImage *rec_pdf_image_new_rgb    (RecPdf       *pdf,
                                       const guint8 *pixels,
                                       guint         width,
                                       guint         height);
/* Draws `image` scaled to fit the width and the space left on the current
 * page (never enlarged beyond `max_scale` points per pixel; 0: no limit),
 * centred, `framed` in a thin grey line (a page of a document, whose own
 * edge would not show); the cursor goes below it. */
void         rec_pdf_image_draw       (RecPdf       *pdf,
                                       RecPdfImage  *image,
                                       double        max_scale,
                                       gboolean      framed);

/* Embeds `data` in the document as a file attachment named `name` (UTF-8),
 * byte for byte: libharu takes files by path, so the bytes go to a private
 * folder (0700) until the document is saved or freed. `compress` FALSE for
 * bytes that are compressed already (JPEG, PNG, PDF). FALSE and
 * REC_REPORT_ERROR_WRITE when the temporary file could not be written. */
gboolean     rec_pdf_attach           (RecPdf       *pdf,
                                       const char   *name,
                                       GBytes       *data,
                                       const char   *description,
                                       gboolean      compress,
                                       GError      **error);

/* Draws headers and footers, then writes the document through a temporary
 * file in the same folder and renames it to `path` ("-": standard output),
 * copying libharu's stream in pieces. On failure nothing is left at `path`
 * (or an older file there is untouched); REC_REPORT_ERROR_FAILED when the
 * document failed (rec_pdf_has_failed()), REC_REPORT_ERROR_WRITE when the
 * file could not be written. */
gboolean     rec_pdf_save             (RecPdf       *pdf,
                                       const char   *path,
                                       GError      **error);
/* The same document in memory (printing); NULL and REC_REPORT_ERROR_FAILED
 * when the document failed. */
GBytes      *rec_pdf_save_to_bytes    (RecPdf       *pdf,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rec-pdf-private.h — what rec-pdf.c and rec-pdf-table.c share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-pdf.h"

#include <hpdf.h>

G_BEGIN_DECLS

/* Page geometry, in points. */
#define MARGIN_SIDE      54.0
#define MARGIN_TOP       72.0    /* the header sits inside it */
#define MARGIN_BOTTOM    60.0    /* the footer sits inside it */
#define HEADER_BASELINE  44.0    /* from the page's top */
#define FOOTER_BASELINE  34.0    /* from the page's bottom */
#define LINE_FACTOR      1.22    /* line height / font size */
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       2.5

/* Limits of what a packet may hold. libharu keeps every page in memory until
 * the document is saved (about 25 kB each for a full table page) and its page
 * tree holds at most HPDF_LIMIT_MAX_ARRAY (32 767) pages; a PDF string holds
 * at most HPDF_LIMIT_MAX_STRING_LEN (65 535) bytes. */
#define REC_PDF_MAX_PAGES       10000
#define REC_PDF_INFO_MAX_CHARS  1000    /* title, author, subject */

/* A font and the widths of its printable ASCII characters (1/1000 em), so
 * that the common case is measured without asking libharu. */
typedef struct _RecPdfFace RecPdfFace;

struct _RecPdfFace
{
  HPDF_Font         font;
  float             ascii[95];   /* ' ' … '~' */
  const RecPdfFace *fallback;    /* for Chinese, once loaded; NULL before */
};

struct _RecPdf
{
  /* Owned */
  HPDF_Doc     doc;
  GPtrArray   *pages;            /* HPDF_Page, in order */
  char        *header;
  char        *header_right;
  char        *footer;
  char        *page_format;
  char        *bates;            /* the Bates prefix, NULL: no labels */
  char        *attach_dir;       /* private folder of the attached files, NULL: none yet */
  GPtrArray   *attached;         /* HPDF_EmbeddedFile (borrowed from doc), in order */
  guint        n_outlines;

  /* Borrowed from doc */
  HPDF_Font    regular;
  HPDF_Font    bold;
  RecPdfFace   faces[3];         /* regular, bold, Chinese (loaded when needed) */
  gboolean     cjk_tried;
  HPDF_Page    page;             /* the current page, NULL before the first */

  RecPdfPaper  paper;
  double       page_width;
  double       page_height;
  double       left;             /* the content box */
  double       right;
  double       top;
  double       bottom;
  double       y;                /* top of the free space on the current page */

  HPDF_STATUS  error_no;         /* the first libharu error, 0 if none */
  HPDF_STATUS  detail_no;
  guint        max_pages;        /* REC_PDF_MAX_PAGES */
  gboolean     too_many_pages;   /* a page beyond max_pages was asked for */
  gboolean     records;          /* through libharu's records (rec-pdf-libharu.c) */
  guint        n_deflated;       /* pages rec-pdf-libharu.c deflated at the save */
};

HPDF_Font  _rec_pdf_font        (RecPdf      *pdf,
                                 gboolean     bold);
/* Loads the Chinese font the first time `text` needs it. */
void       _rec_pdf_prepare_text (RecPdf     *pdf,
                                  const char *text);
/* The width of clean text in `font` (Chinese runs in the fallback font). */
double     _rec_pdf_font_width  (RecPdf      *pdf,
                                 HPDF_Font    font,
                                 double       size,
                                 const char  *text);
/* Shows clean text at (x, baseline) inside an open text object whose font is
 * `font`, switching to the fallback font for Chinese runs. */
void       _rec_pdf_show        (RecPdf      *pdf,
                                 HPDF_Font    font,
                                 double       size,
                                 double       x,
                                 double       baseline,
                                 const char  *text);
/* Draws one line of already clean text with its left edge at x. */
void       _rec_pdf_text_at     (RecPdf      *pdf,
                                 HPDF_Font    font,
                                 double       size,
                                 double       x,
                                 double       baseline,
                                 const char  *text);
/* Draws text aligned within [x, x + width]. */
void       _rec_pdf_text_in     (RecPdf      *pdf,
                                 HPDF_Font    font,
                                 double       size,
                                 double       x,
                                 double       width,
                                 double       baseline,
                                 RecPdfAlign  align,
                                 const char  *text);
/* rec_pdf_break_lines() appending to `lines`, and to `widths` (when not
 * NULL) each line's width in points, or -1 where it was not measured. With
 * a `chunk`, the lines are not owned by `lines`: they live in the chunk or
 * borrow `text`, which must outlive them. */
void       _rec_pdf_break_into  (RecPdf       *pdf,
                                 gboolean      bold,
                                 double        size,
                                 const char   *text,
                                 double        width,
                                 GPtrArray    *lines,
                                 GArray       *widths,
                                 GStringChunk *chunk);
/* NFC, valid UTF-8, no control characters except newlines (transfer full). */
char      *_rec_pdf_clean_text  (const char  *text);
/* Clean `text` shortened with "…" to fit `width` points on one line in the
 * regular font (transfer full). */
char      *_rec_pdf_fit_one_line (RecPdf     *pdf,
                                  const char *text,
                                  double      size,
                                  double      width);
/* Removes the attached files' folder (after saving, and when freed). */
void       _rec_pdf_remove_attachments (RecPdf *pdf);
/* For tests: fewer pages than REC_PDF_MAX_PAGES. */
void       _rec_pdf_set_max_pages (RecPdf   *pdf,
                                   guint     max_pages);

G_END_DECLS

/* rec-pdf-libharu.h — libharu's slow paths, done through its records
 * (rec-pdf-libharu.c) */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* Whether the functions below go through libharu's records: built against
 * libharu 2.3.0's (meson's REC_PDF_LIBHARU_RECORDS) and not turned off by
 * REC_PDF_LIBHARU=plain in the environment. Read when a document is made;
 * when FALSE, the document uses libharu's own functions only. */
gboolean     _rec_pdf_libharu_records       (void);
/* For tests: 1 goes through the records (if built so), 0 uses libharu's
 * own functions, -1 goes back to what the environment says. */
void         _rec_pdf_libharu_force         (gint        records);

/* HPDF_Page_TextOut: the same bytes and state, without its memset. */
HPDF_STATUS  _rec_pdf_libharu_text_out      (HPDF_Page   page,
                                             HPDF_REAL   x,
                                             HPDF_REAL   y,
                                             const char *text);

/* Deflates the content streams of `pages` (HPDF_Page, the document's, all
 * drawn) on this thread and one more, and gives them back to libharu
 * deflated, as it would save them itself; a stream it cannot take is left
 * to libharu. Returns how many it deflated. Call right before saving. */
guint        _rec_pdf_libharu_deflate_pages (GPtrArray  *pages);

G_END_DECLS

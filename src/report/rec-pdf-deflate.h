/* rec-pdf-deflate.h — the pages' content streams deflated on two cores
 * (rec-pdf-deflate.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether _rec_pdf_deflate_pages deflates anything: built against
 * libharu 2.3.0's records (meson's REC_PDF_DEFLATE_SHARED) and not turned
 * off by REC_PDF_DEFLATE=libharu in the environment. */
gboolean  _rec_pdf_deflate_available (void);
/* For tests: 1 deflates here (if built so), 0 leaves it to libharu, -1 goes
 * back to what the environment says. Read when a document is made. */
void      _rec_pdf_deflate_force     (gint shared);

/* Deflates the content streams of `pages` (HPDF_Page, the document's, all
 * drawn) on this thread and one more, and gives them back to libharu
 * deflated, as it would save them itself; a stream it cannot take is left
 * to libharu. Returns how many it deflated. Call right before saving. */
guint     _rec_pdf_deflate_pages     (GPtrArray *pages);

G_END_DECLS

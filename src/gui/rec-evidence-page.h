/* rec-evidence-page.h — the Evidence page: every document of the case, what
 * it proves, searchable (spec/evidence.md §1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per document: a thumbnail (an image scaled at load, a PDF's first
 * page through poppler, made in a thread for the rows shown only and cached
 * by SHA-256; else an icon for its kind), its name, what it proves
 * ("Payment of $1,245.00 on 03/04/2026", "The case"), its size, the day it
 * was added and the start of its SHA-256. Activating a row opens the
 * document through a private copy; a button goes to the record it proves.
 * "Add Documents…" adds documents about the whole case.
 */
#pragma once

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_EVIDENCE_PAGE (rec_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (RecEvidencePage, rec_evidence_page, REC, EVIDENCE_PAGE, RecPage)

/* Puts the focus in the search entry (Ctrl+F on this page). */
void          rec_evidence_page_focus_search    (RecEvidencePage *self);

/* Tests. The rows shown (RecAttachment), after the search. */
GListModel   *_rec_evidence_page_get_rows       (RecEvidencePage *self);
GtkEditable  *_rec_evidence_page_get_search     (RecEvidencePage *self);
/* "empty" (no document at all) or "content". */
const char   *_rec_evidence_page_get_state      (RecEvidencePage *self);
/* What the row of `attachment` says it proves (transfer full). */
char         *_rec_evidence_page_dup_proves     (RecEvidencePage *self,
                                                 RecAttachment   *attachment) G_GNUC_WARN_UNUSED_RESULT;
/* The thumbnail made for the document with this SHA-256, NULL while none
 * (borrowed). */
GdkPaintable *_rec_evidence_page_get_thumbnail  (RecEvidencePage *self,
                                                 const char      *sha256);
/* What Open writes before the launch: the private copy's path (transfer full). */
char         *_rec_evidence_page_write_copy     (RecEvidencePage *self,
                                                 RecAttachment   *attachment,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Makes the thumbnail of `attachment` now, as a shown row does. */
void          _rec_evidence_page_request_thumbnail (RecEvidencePage *self,
                                                    RecAttachment   *attachment);

G_END_DECLS

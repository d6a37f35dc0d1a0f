/* rec-evidence-group.h — the "Evidence" group of a record dialog: the
 * documents that prove the record, to add, remove and open
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor dialog (rec-editor-dialog.c) adds one to every record dialog.
 * A row per document (an icon for its kind, its name, size and the day it
 * was added), "Add Files…" (several at once; files dropped on the dialog
 * go the same way), a remove and an open button per row.
 *
 * Changes wait for the dialog's Save, as the fields do: Cancel discards
 * them, and a new record has no id to link to before it is saved. The files
 * are read and hashed at once, in a worker thread (through the session), so
 * a bad file is refused inline with its name before anything is saved, and
 * Save only writes. rec_evidence_group_apply() then attaches and detaches
 * through the session. Open writes a private copy (a 0600 file in a 0700
 * folder of its own, removed with the window) and hands it to the default
 * application.
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_EVIDENCE_GROUP (rec_evidence_group_get_type ())
G_DECLARE_FINAL_TYPE (RecEvidenceGroup, rec_evidence_group, REC, EVIDENCE_GROUP,
                      AdwPreferencesGroup)

/* The documents of `record` (a copy of a session record; id 0: a new one,
 * with none yet; NULL: the case's own documents). */
GtkWidget  *rec_evidence_group_new          (RecCaseSession   *session,
                                             const RecEntity  *record);
/* Reads `files` (the file chooser's choice, a drop) in a worker thread; once
 * read they show as rows to be added on save. All or nothing: a folder, an
 * empty, unreadable or too big file is refused inline with its name. */
void        rec_evidence_group_add_files    (RecEvidenceGroup *self,
                                             GFile           **files,
                                             guint             n_files);
/* Takes row `index` away (a document to be added is forgotten; one stored
 * is detached on save). */
void        rec_evidence_group_remove       (RecEvidenceGroup *self,
                                             guint             index);
/* Opens row `index` in the default application through a private copy. */
void        rec_evidence_group_open         (RecEvidenceGroup *self,
                                             guint             index);
/* Files still being read (the dialog waits with its Save: "busy"). */
gboolean    rec_evidence_group_is_busy      (RecEvidenceGroup *self);
/* Whether Save has documents to add or remove. */
gboolean    rec_evidence_group_has_changes  (RecEvidenceGroup *self);
/* Attaches and detaches for `record` (the record as saved, with its id;
 * NULL: the case), through the session. */
gboolean    rec_evidence_group_apply        (RecEvidenceGroup *self,
                                             const RecEntity  *record,
                                             GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* Tests (tests/ui/test-ui-evidence.c). */
guint       _rec_evidence_group_get_n_rows  (RecEvidenceGroup *self);
/* The name shown on row `index`. */
const char *_rec_evidence_group_get_name    (RecEvidenceGroup *self,
                                             guint             index);
/* The inline error shown (NULL: none). */
const char *_rec_evidence_group_get_error   (RecEvidenceGroup *self);
/* What Open does before the launch: the private copy's path (transfer full). */
char       *_rec_evidence_group_write_copy  (RecEvidenceGroup *self,
                                             guint             index,
                                             GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* The paperclip of a ledger or log row: a narrow column showing how many
 * documents prove the row's record ("2", tooltip and accessible name
 * "2 documents"); nothing for none. `record_of` gives the record a row
 * item shows (borrowed), or NULL; the session is the page's. */
typedef GObject *(*RecEvidenceRecordFunc) (GObject *item);
typedef struct _RecPage RecPage;

GtkColumnViewColumn *rec_evidence_column_new     (RecPage               *page,
                                                  RecEvidenceRecordFunc  record_of);
/* Binds the visible cells again (after "attachments-changed"). */
void                 rec_evidence_column_refresh (GtkColumnViewColumn   *column);
/* "2 documents" (transfer full). */
char                *rec_evidence_count_text     (guint                  count) G_GNUC_WARN_UNUSED_RESULT;

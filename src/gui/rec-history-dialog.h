/* rec-history-dialog.h — the case history (spec/evidence.md §2): of one
 * record, or of the whole case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry shows when (local date and time), what ("Changed", "Added",
 * "Imported statement.csv: 12 payments", "Exported a case packet, 14 pages,
 * fingerprint …") and, for a change, every field with its values as the
 * window shows them ("amount $1,245.00 → $1,254.00"). The history is read in
 * a thread through the session; newest first.
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_HISTORY_DIALOG (rec_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecHistoryDialog, rec_history_dialog, REC, HISTORY_DIALOG, AdwWindow)

/* A new, unshown modal window on `parent` with the history of `record` (a
 * record of the session: RecPayment, …), or of the whole case for NULL.
 * `status` (nullable) is a line under the honest one ("Intact: …"). */
GtkWindow  *rec_history_dialog_new          (GtkWindow      *parent,
                                             RecCaseSession *session,
                                             RecEntity      *record,
                                             const char     *status);

/* For a record dialog: a group with one row, "History", that opens the
 * history of `record` (a record of the session, stored: id > 0). */
GtkWidget  *rec_history_group_new           (RecCaseSession  *session,
                                             const RecEntity *record);

/* Tests: TRUE once the history is shown (or failed to load). */
gboolean    _rec_history_dialog_is_loaded   (RecHistoryDialog *self);
/* The entries shown, newest first: their "what" line, and the details
 * (fields changed, one a line; "" when none) of entry `i`. */
guint       _rec_history_dialog_get_n_rows  (RecHistoryDialog *self);
char       *_rec_history_dialog_dup_title   (RecHistoryDialog *self,
                                             guint             i) G_GNUC_WARN_UNUSED_RESULT;
char       *_rec_history_dialog_dup_details (RecHistoryDialog *self,
                                             guint             i) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

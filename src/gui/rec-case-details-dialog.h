/* rec-case-details-dialog.h — edit the case: court, case numbers, parties, notes
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_CASE_DETAILS_DIALOG (rec_case_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecCaseDetailsDialog, rec_case_details_dialog, REC, CASE_DETAILS_DIALOG,
                      RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it) editing a copy of the
 * session's case details; Save calls rec_case_session_update_info(). */
GtkWindow *rec_case_details_dialog_new (GtkWindow      *parent,
                                        RecCaseSession *session);

G_END_DECLS

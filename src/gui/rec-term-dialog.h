/* rec-term-dialog.h — add or edit a term of the support order (amount, schedule, dates)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_TERM_DIALOG (rec_term_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecTermDialog, rec_term_dialog, REC, TERM_DIALOG, RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). NULL adds a new one;
 * otherwise a copy is edited and saved with rec_case_session_update(). */
GtkWindow *rec_term_dialog_new (GtkWindow      *parent,
                                RecCaseSession *session,
                                RecTerm        *term);

G_END_DECLS

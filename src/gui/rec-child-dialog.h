/* rec-child-dialog.h — add or edit a child of the order
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_CHILD_DIALOG (rec_child_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecChildDialog, rec_child_dialog, REC, CHILD_DIALOG, RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). NULL adds a new one;
 * otherwise a copy is edited and saved with rec_case_session_update(). */
GtkWindow *rec_child_dialog_new (GtkWindow      *parent,
                                 RecCaseSession *session,
                                 RecChild       *child);

G_END_DECLS

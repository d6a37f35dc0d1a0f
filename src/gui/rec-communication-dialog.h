/* rec-communication-dialog.h — add or edit a contact with the other parent or an agency
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_COMMUNICATION_DIALOG (rec_communication_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecCommunicationDialog, rec_communication_dialog, REC, COMMUNICATION_DIALOG,
                      RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). NULL adds a new one;
 * otherwise a copy is edited and saved with rec_case_session_update(). */
GtkWindow *rec_communication_dialog_new (GtkWindow        *parent,
                                         RecCaseSession   *session,
                                         RecCommunication *communication);

G_END_DECLS

/* rec-enforcement-dialog.h — add or edit an enforcement step
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_ENFORCEMENT_DIALOG (rec_enforcement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecEnforcementDialog, rec_enforcement_dialog, REC, ENFORCEMENT_DIALOG,
                      RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). `step` NULL adds a
 * new step for `remedy_for_new`; otherwise a copy of `step` is edited. */
GtkWindow *rec_enforcement_dialog_new (GtkWindow          *parent,
                                       RecCaseSession     *session,
                                       RecEnforcementStep *step,
                                       RecRemedy           remedy_for_new);

G_END_DECLS

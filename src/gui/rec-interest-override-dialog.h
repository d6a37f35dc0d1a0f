/* rec-interest-override-dialog.h — add or edit an interest override (a
 * court-ordered rate for a period, or SCRA's 6 %)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implemented in rec-term-dialog.c for now (src/meson.build lists the gui
 * sources; the class moves to rec-interest-override-dialog.c once it does).
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_INTEREST_OVERRIDE_DIALOG (rec_interest_override_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecInterestOverrideDialog, rec_interest_override_dialog, REC,
                      INTEREST_OVERRIDE_DIALOG, RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). NULL adds a new one;
 * otherwise a copy is edited and saved with rec_case_session_update(). */
GtkWindow *rec_interest_override_dialog_new (GtkWindow           *parent,
                                             RecCaseSession      *session,
                                             RecInterestOverride *override);

G_END_DECLS

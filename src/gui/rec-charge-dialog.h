/* rec-charge-dialog.h — add or edit a one-time amount owed (a share of a bill)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_CHARGE_DIALOG (rec_charge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecChargeDialog, rec_charge_dialog, REC, CHARGE_DIALOG, RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). NULL adds a new one;
 * otherwise a copy is edited and saved with rec_case_session_update(). */
GtkWindow *rec_charge_dialog_new (GtkWindow      *parent,
                                  RecCaseSession *session,
                                  RecCharge      *charge);

G_END_DECLS

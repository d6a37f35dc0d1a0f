/* rec-payment-dialog.h — add or edit a payment received
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"
#include "rec-editor-dialog.h"

G_BEGIN_DECLS

#define REC_TYPE_PAYMENT_DIALOG (rec_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecPaymentDialog, rec_payment_dialog, REC, PAYMENT_DIALOG, RecEditorDialog)

/* A new, unshown modal dialog (gtk_window_present() it). `payment` NULL adds a
 * new payment dated today; otherwise a copy of it is edited. */
GtkWindow *rec_payment_dialog_new (GtkWindow      *parent,
                                   RecCaseSession *session,
                                   RecPayment     *payment);

G_END_DECLS

/* rec-application-private.h — the application's steps that tests drive
 * without a file chooser
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-application.h"

#include <adwaita.h>

G_BEGIN_DECLS

/* What "New Case" does once it has a title, a jurisdiction ("us-tx") and a
 * file name. */
void _rec_application_create_case (RecApplication *self,
                                   const char     *chosen_path,
                                   const char     *title,
                                   const char     *jurisdiction,
                                   GtkWindow      *parent);
/* The New Case dialog's title entry and jurisdiction row (tests). */
GtkEditable *_rec_application_get_new_case_title (AdwMessageDialog *dialog);
AdwComboRow *_rec_application_get_new_case_jurisdiction (AdwMessageDialog *dialog);

/* What stands in for the desktop's notifications (tests): called with the
 * notification to send, or NULL to withdraw the one with that id. Without
 * it the application sends them through GApplication when it has a
 * session bus, and drops them otherwise. */
typedef void (*RecApplicationNotifyFunc) (RecApplication *self,
                                          const char     *id,
                                          GNotification  *notification,
                                          gpointer        user_data);
void _rec_application_set_notify_func (RecApplication           *self,
                                       RecApplicationNotifyFunc  func,
                                       gpointer                  user_data);

G_END_DECLS

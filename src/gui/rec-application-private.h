/* rec-application-private.h — the application's steps that tests drive
 * without a file chooser
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-application.h"

G_BEGIN_DECLS

/* What "New Case" does once it has a title and a file name. */
void _rec_application_create_case (RecApplication *self,
                                   const char     *chosen_path,
                                   const char     *title,
                                   GtkWindow      *parent);

G_END_DECLS

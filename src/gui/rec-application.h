/* rec-application.h — the Recourse desktop application
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REC_TYPE_APPLICATION (rec_application_get_type ())
G_DECLARE_FINAL_TYPE (RecApplication, rec_application, REC, APPLICATION, AdwApplication)

RecApplication *rec_application_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

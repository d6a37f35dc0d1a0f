/* rec-application.h — the Recourse desktop application
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REC_TYPE_APPLICATION (rec_application_get_type ())
G_DECLARE_FINAL_TYPE (RecApplication, rec_application, REC, APPLICATION, AdwApplication)

RecApplication *rec_application_new        (void) G_GNUC_WARN_UNUSED_RESULT;

/* Opens the case at `path` in its own window (presenting it when it is open
 * already; reusing `parent` when that window shows the start page). A file
 * that cannot be opened is explained in a dialog on `parent` and nothing
 * changes. Returns the window showing the case (borrowed), or NULL. */
GtkWindow      *rec_application_open_path  (RecApplication *self,
                                            const char     *path,
                                            GtkWindow      *parent);
/* The folder where the demo case is written: $XDG_DATA_HOME/recourse. */
char           *rec_application_dup_demo_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rec-window.h — the application window: the start page or one open case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-application.h"
#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_WINDOW (rec_window_get_type ())
G_DECLARE_FINAL_TYPE (RecWindow, rec_window, REC, WINDOW, AdwApplicationWindow)

RecWindow      *rec_window_new          (RecApplication *app) G_GNUC_WARN_UNUSED_RESULT;
/* Shows `session` in the window (only once: a window holds one case). */
void            rec_window_set_session  (RecWindow      *self,
                                         RecCaseSession *session);
RecCaseSession *rec_window_get_session  (RecWindow      *self);
/* Shows "Opening the Case…" while `path` loads; NULL goes back to the start
 * page (the case could not be opened). */
void            rec_window_set_loading  (RecWindow      *self,
                                         const char     *path);
const char     *rec_window_get_loading_path (RecWindow  *self);
void            rec_window_add_toast    (RecWindow      *self,
                                         AdwToast       *toast);
/* "overview", "order", "payments", "communications" or "enforcement". */
void            rec_window_select_page  (RecWindow      *self,
                                         const char     *name);
GtkWidget      *rec_window_get_page     (RecWindow      *self,
                                         const char     *name);

G_END_DECLS

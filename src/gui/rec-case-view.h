/* rec-case-view.h — one open case in the window: header bar, the five pages
 * and the switcher bar, built when the case is ready
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_CASE_VIEW (rec_case_view_get_type ())
G_DECLARE_FINAL_TYPE (RecCaseView, rec_case_view, REC, CASE_VIEW, GtkWidget)

GtkWidget  *rec_case_view_new            (RecCaseSession *session,
                                          GMenuModel     *primary_menu) G_GNUC_WARN_UNUSED_RESULT;
/* Gives the pages their case (once). */
void        rec_case_view_set_session    (RecCaseView    *self,
                                          RecCaseSession *session);
void        rec_case_view_set_title      (RecCaseView    *self,
                                          const char     *title);
/* "overview", "order", "payments", "communications" or "enforcement". */
void        rec_case_view_select_page    (RecCaseView    *self,
                                          const char     *name);
GtkWidget  *rec_case_view_get_page       (RecCaseView    *self,
                                          const char     *name);
/* Shows the spinner of an export in progress. */
void        rec_case_view_set_exporting  (RecCaseView    *self,
                                          gboolean        exporting);
/* One line under the header bar (a warning: why the case cannot be
 * changed), or none with NULL. */
void        rec_case_view_set_notice     (RecCaseView    *self,
                                          const char     *text);
/* The line shown, NULL when none. */
const char *rec_case_view_get_notice     (RecCaseView    *self);
/* Shows (or hides) "This case was changed outside Recourse — see Verify"
 * under the header bar, with a Verify… button (win.verify). */
void        rec_case_view_set_altered    (RecCaseView    *self,
                                          gboolean        altered);
gboolean    rec_case_view_get_altered    (RecCaseView    *self);
/* Shows the Communications page and puts the focus in its search. */
void        rec_case_view_focus_search   (RecCaseView    *self);

G_END_DECLS

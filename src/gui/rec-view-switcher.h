/* rec-view-switcher.h — the header bar's page switcher
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REC_TYPE_VIEW_SWITCHER (rec_view_switcher_get_type ())
G_DECLARE_FINAL_TYPE (RecViewSwitcher, rec_view_switcher, REC, VIEW_SWITCHER, GtkWidget)

GtkWidget    *rec_view_switcher_new       (void);
/* The stack whose pages it switches (nullable: none). */
void          rec_view_switcher_set_stack (RecViewSwitcher *self,
                                           AdwViewStack    *stack);
AdwViewStack *rec_view_switcher_get_stack (RecViewSwitcher *self);

G_END_DECLS

/* rec-start-page.h — what the window shows before a case is open
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REC_TYPE_START_PAGE (rec_start_page_get_type ())
G_DECLARE_FINAL_TYPE (RecStartPage, rec_start_page, REC, START_PAGE, GtkWidget)

G_END_DECLS

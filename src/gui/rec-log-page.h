/* rec-log-page.h — the communication log
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_LOG_PAGE (rec_log_page_get_type ())
G_DECLARE_FINAL_TYPE (RecLogPage, rec_log_page, REC, LOG_PAGE, RecPage)

/* Shows the search entry and puts the keyboard focus in it (Ctrl+F). */
void rec_log_page_focus_search (RecLogPage *self);

G_END_DECLS

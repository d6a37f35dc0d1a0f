/* rec-enforcement-page.h — the enforcement checklist
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_ENFORCEMENT_PAGE (rec_enforcement_page_get_type ())
G_DECLARE_FINAL_TYPE (RecEnforcementPage, rec_enforcement_page, REC, ENFORCEMENT_PAGE, RecPage)

G_END_DECLS

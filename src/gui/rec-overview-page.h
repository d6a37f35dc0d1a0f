/* rec-overview-page.h — the case at a glance: totals, chart, remedies, dates
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_OVERVIEW_PAGE (rec_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RecOverviewPage, rec_overview_page, REC, OVERVIEW_PAGE, RecPage)

G_END_DECLS

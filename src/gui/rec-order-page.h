/* rec-order-page.h — the case details, children and the order's terms
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_ORDER_PAGE (rec_order_page_get_type ())
G_DECLARE_FINAL_TYPE (RecOrderPage, rec_order_page, REC, ORDER_PAGE, RecPage)

G_END_DECLS

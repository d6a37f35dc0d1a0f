/* rec-ledger-page.h — the ledger: installments, charges and payments
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-page.h"

G_BEGIN_DECLS

#define REC_TYPE_LEDGER_PAGE (rec_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (RecLedgerPage, rec_ledger_page, REC, LEDGER_PAGE, RecPage)

G_END_DECLS

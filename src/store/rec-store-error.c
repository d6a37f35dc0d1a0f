/* rec-store-error.c — the store's error domain
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store.h"

G_DEFINE_QUARK (rec-store-error-quark, rec_store_error)

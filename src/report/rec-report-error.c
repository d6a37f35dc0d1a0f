/* rec-report-error.c — the report layer's error domain
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report-error.h"

G_DEFINE_QUARK (rec-report-error-quark, rec_report_error)

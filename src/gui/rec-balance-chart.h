/* rec-balance-chart.h — the balance owed over time, principal and interest stacked
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-arrears.h"

G_BEGIN_DECLS

#define REC_TYPE_BALANCE_CHART (rec_balance_chart_get_type ())
G_DECLARE_FINAL_TYPE (RecBalanceChart, rec_balance_chart, REC, BALANCE_CHART, GtkWidget)

GtkWidget *rec_balance_chart_new        (void);
/* Copies result->balance_points (the result may be freed afterwards); NULL
 * shows the empty state. */
void       rec_balance_chart_set_result (RecBalanceChart        *self,
                                         const RecArrearsResult *result);
/* The number of months drawn (for tests). */
guint      rec_balance_chart_get_n_points (RecBalanceChart      *self);

G_END_DECLS

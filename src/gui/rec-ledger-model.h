/* rec-ledger-model.h — the engine's ledger as a GListModel of RecLedgerItem
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rec-arrears.h"

G_BEGIN_DECLS

#define REC_TYPE_LEDGER_ITEM (rec_ledger_item_get_type ())
G_DECLARE_FINAL_TYPE (RecLedgerItem, rec_ledger_item, REC, LEDGER_ITEM, GObject)

/* A copy of one RecLedgerLine; `source` is reffed, so the item outlives the
 * result it came from. `index` is its place in processing order.
 *
 * An `accrual` item is no event of the engine: the interest accrued from the
 * last event to the as-of date, always the last row. Its line has no source,
 * kind REC_LEDGER_INSTALLMENT, the as-of date, the interest accrued in
 * amount_cents and the result's balances, so the ledger ends on the total
 * owed. */
struct _RecLedgerItem
{
  GObject        parent_instance;

  guint          index;
  gboolean       accrual;
  RecLedgerLine  line;
};

#define REC_TYPE_LEDGER_MODEL (rec_ledger_model_get_type ())
G_DECLARE_FINAL_TYPE (RecLedgerModel, rec_ledger_model, REC, LEDGER_MODEL, GObject)

RecLedgerModel *rec_ledger_model_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* Takes the ledger of `result` (NULL: empty), then the accrual row when
 * interest accrued after the last event. Only the rows from the first
 * one that differs are announced as changed, so selection and scrolling above
 * an edit survive. */
void            rec_ledger_model_set_result (RecLedgerModel         *self,
                                             const RecArrearsResult *result);

/* The position of the line whose source is `source` (a payment, charge or
 * term: its first line), or G_MAXUINT; no item is created. */
guint           rec_ledger_model_find       (RecLedgerModel         *self,
                                             gpointer                source);

G_END_DECLS

/* rec-remedy-item.h — one remedy of the checklist: the engine's verdict and
 * the user's latest enforcement step, as a list item
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rec-arrears.h"

G_BEGIN_DECLS

#define REC_TYPE_REMEDY_ITEM (rec_remedy_item_get_type ())
G_DECLARE_FINAL_TYPE (RecRemedyItem, rec_remedy_item, REC, REMEDY_ITEM, GObject)

struct _RecRemedyItem
{
  GObject              parent_instance;

  RecRemedy            remedy;
  gboolean             has_verdict;   /* FALSE for steps of "other" remedies and of
                                       * remedies the case's rules do not have */
  gboolean             not_in_rules;  /* a step for a remedy the case's rules lack */
  gboolean             eligible;
  char                *reason_label;  /* translated, "" without a verdict */
  char                *citation;
  RecEnforcementStep  *step;          /* its current state, rec_enforcement_current_step()
                                       * (nullable, owned) */
};

/* Refills `store` with one item per remedy of the result (those of the
 * case's rules, in the engine's order), then one per other engine remedy
 * that has a step (no verdict), then one per step of an "other" remedy.
 * `result` may be NULL (engine failure): then every engine remedy is listed
 * without a verdict. */
void rec_remedy_items_fill (GListStore             *store,
                            const RecArrearsResult *result,
                            GListModel             *steps);

G_END_DECLS

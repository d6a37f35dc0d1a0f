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
  gboolean             has_verdict;   /* FALSE for steps of "other" remedies */
  gboolean             eligible;
  char                *reason_label;  /* translated, "" without a verdict */
  char                *citation;
  RecEnforcementStep  *step;          /* the latest step for it (nullable, owned) */
};

/* Refills `store` with one item per engine remedy (spec order), then one per
 * step of an "other" remedy. `result` may be NULL (engine failure). */
void rec_remedy_items_fill (GListStore             *store,
                            const RecArrearsResult *result,
                            GListModel             *steps);

G_END_DECLS

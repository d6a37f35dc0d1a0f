/* rec-remedy-item.c — one remedy of the checklist as a list item
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-remedy-item.h"

G_DEFINE_FINAL_TYPE (RecRemedyItem, rec_remedy_item, G_TYPE_OBJECT)

static void
rec_remedy_item_finalize (GObject *object)
{
  RecRemedyItem *self = REC_REMEDY_ITEM (object);

  g_free (self->reason_label);
  g_free (self->citation);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (rec_remedy_item_parent_class)->finalize (object);
}

static void
rec_remedy_item_class_init (RecRemedyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_remedy_item_finalize;
}

static void
rec_remedy_item_init (RecRemedyItem *self)
{
  self->reason_label = g_strdup ("");
  self->citation = g_strdup ("");
}

/* A remedy's current state, by the rule of rec_enforcement_current_step()
 * (the packet's checklist uses the same). */
static RecEnforcementStep *
latest_step (GListModel *steps,
             RecRemedy   remedy)
{
  guint n = g_list_model_get_n_items (steps);
  RecEnforcementStep *found = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecEnforcementStep) step = g_list_model_get_item (steps, i);

      if (step->remedy == remedy && rec_enforcement_step_replaces (step, found))
        g_set_object (&found, step);
    }
  return found;
}

void
rec_remedy_items_fill (GListStore             *store,
                       const RecArrearsResult *result,
                       GListModel             *steps)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_steps = g_list_model_get_n_items (steps);
  gboolean listed[REC_N_ENGINE_REMEDIES] = { FALSE, };

  /* The remedies of the case's rules, in the engine's order: a state lists
   * only those it has. */
  for (guint i = 0; result != NULL && i < result->remedies->len; i++)
    {
      const RecRemedyResult *verdict = &g_array_index (result->remedies, RecRemedyResult, i);
      RecRemedyItem *item;

      if ((guint) verdict->remedy >= REC_N_ENGINE_REMEDIES || listed[verdict->remedy])
        continue;
      item = g_object_new (REC_TYPE_REMEDY_ITEM, NULL);
      item->remedy = verdict->remedy;
      item->step = latest_step (steps, verdict->remedy);
      item->has_verdict = TRUE;
      item->eligible = verdict->eligible;
      g_free (item->reason_label);
      item->reason_label = g_strdup (verdict->reason_label);
      g_free (item->citation);
      item->citation = g_strdup (verdict->citation);
      listed[verdict->remedy] = TRUE;
      g_ptr_array_add (items, item);
    }

  /* Without a result (the engine refused the data) every remedy is listed,
   * without a verdict; with one, a remedy the state does not have is listed
   * only when a step was recorded for it (say, before the jurisdiction
   * changed). */
  for (guint i = 0; i < REC_N_ENGINE_REMEDIES; i++)
    {
      g_autoptr(RecEnforcementStep) step = NULL;
      RecRemedyItem *item;

      if (listed[i])
        continue;
      step = latest_step (steps, i);
      if (result != NULL && step == NULL)
        continue;
      item = g_object_new (REC_TYPE_REMEDY_ITEM, NULL);
      item->remedy = i;
      item->not_in_rules = result != NULL;
      item->step = g_steal_pointer (&step);
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(RecEnforcementStep) step = g_list_model_get_item (steps, i);
      RecRemedyItem *item;

      if (step->remedy != REC_REMEDY_OTHER)
        continue;
      item = g_object_new (REC_TYPE_REMEDY_ITEM, NULL);
      item->remedy = REC_REMEDY_OTHER;
      item->step = g_steal_pointer (&step);
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* rec-ledger-model.c — the engine's ledger as a GListModel of RecLedgerItem
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-ledger-model.h"

#include <string.h>

struct _RecLedgerModel
{
  GObject     parent_instance;

  /* Owned */
  GArray     *lines;   /* RecLedgerLine, each `source` reffed */
  GPtrArray  *items;   /* RecLedgerItem or NULL, created when asked for */
};

static void rec_ledger_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (RecLedgerItem, rec_ledger_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (RecLedgerModel, rec_ledger_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rec_ledger_model_iface_init))

static void
rec_ledger_item_finalize (GObject *object)
{
  RecLedgerItem *self = REC_LEDGER_ITEM (object);

  g_clear_object (&self->line.source);

  G_OBJECT_CLASS (rec_ledger_item_parent_class)->finalize (object);
}

static void
rec_ledger_item_class_init (RecLedgerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_ledger_item_finalize;
}

static void
rec_ledger_item_init (RecLedgerItem *self)
{
}

static void
item_unref (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
line_clear (gpointer data)
{
  RecLedgerLine *line = data;

  g_clear_object (&line->source);
}

static gboolean
lines_equal (const RecLedgerLine *a,
             const RecLedgerLine *b)
{
  return a->kind == b->kind
         && a->source == b->source
         && g_date_compare (&a->date, &b->date) == 0
         && a->amount_cents == b->amount_cents
         && a->to_current_cents == b->to_current_cents
         && a->to_interest_cents == b->to_interest_cents
         && a->to_principal_cents == b->to_principal_cents
         && a->to_credit_cents == b->to_credit_cents
         && a->principal_balance_cents == b->principal_balance_cents
         && a->interest_balance_cents == b->interest_balance_cents;
}

static GType
rec_ledger_model_get_item_type (GListModel *model)
{
  return REC_TYPE_LEDGER_ITEM;
}

static guint
rec_ledger_model_get_n_items (GListModel *model)
{
  return REC_LEDGER_MODEL (model)->lines->len;
}

static gpointer
rec_ledger_model_get_item (GListModel *model,
                           guint       position)
{
  RecLedgerModel *self = REC_LEDGER_MODEL (model);
  RecLedgerItem *item;

  if (position >= self->lines->len)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = g_object_new (REC_TYPE_LEDGER_ITEM, NULL);
      item->index = position;
      item->line = g_array_index (self->lines, RecLedgerLine, position);
      if (item->line.source != NULL)
        g_object_ref (item->line.source);
      self->items->pdata[position] = item;
    }
  return g_object_ref (item);
}

static void
rec_ledger_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rec_ledger_model_get_item_type;
  iface->get_n_items = rec_ledger_model_get_n_items;
  iface->get_item = rec_ledger_model_get_item;
}

static void
rec_ledger_model_finalize (GObject *object)
{
  RecLedgerModel *self = REC_LEDGER_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (rec_ledger_model_parent_class)->finalize (object);
}

static void
rec_ledger_model_class_init (RecLedgerModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_ledger_model_finalize;
}

static void
rec_ledger_model_init (RecLedgerModel *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (RecLedgerLine));
  g_array_set_clear_func (self->lines, line_clear);
  self->items = g_ptr_array_new_with_free_func (item_unref);
}

RecLedgerModel *
rec_ledger_model_new (void)
{
  return g_object_new (REC_TYPE_LEDGER_MODEL, NULL);
}

void
rec_ledger_model_set_result (RecLedgerModel         *self,
                             const RecArrearsResult *result)
{
  guint old_n = self->lines->len;
  guint new_n = result != NULL ? result->ledger->len : 0;
  guint first = 0;

  g_return_if_fail (REC_IS_LEDGER_MODEL (self));

  while (first < old_n && first < new_n
         && lines_equal (&g_array_index (self->lines, RecLedgerLine, first),
                         &g_array_index (result->ledger, RecLedgerLine, first)))
    first++;
  if (first == old_n && first == new_n)
    return;

  g_array_set_size (self->lines, first);
  g_ptr_array_set_size (self->items, first);
  for (guint i = first; i < new_n; i++)
    {
      RecLedgerLine line = g_array_index (result->ledger, RecLedgerLine, i);

      if (line.source != NULL)
        g_object_ref (line.source);
      g_array_append_val (self->lines, line);
    }
  g_ptr_array_set_size (self->items, new_n);
  g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first, new_n - first);
}

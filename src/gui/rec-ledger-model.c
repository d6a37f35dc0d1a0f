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
  gboolean    accrual; /* the last line is the accrual row */
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
      item->accrual = self->accrual && position + 1 == self->lines->len;
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

/* The interest accrued from the last event to the as-of date (the Overview's
 * figure is as of that date, the last event's balances before it): FALSE when
 * the ledger already ends on the result's balances. */
static gboolean
accrual_line (const RecArrearsResult *result,
              RecLedgerLine          *out_line)
{
  const RecLedgerLine *last;

  if (result->ledger->len == 0)
    return FALSE;
  last = &g_array_index (result->ledger, RecLedgerLine, result->ledger->len - 1);
  if (last->principal_balance_cents == result->principal_balance_cents
      && last->interest_balance_cents == result->interest_balance_cents)
    return FALSE;

  memset (out_line, 0, sizeof *out_line);
  out_line->kind = REC_LEDGER_INSTALLMENT;
  out_line->date = result->as_of;
  out_line->amount_cents = result->interest_balance_cents - last->interest_balance_cents;
  out_line->principal_balance_cents = result->principal_balance_cents;
  out_line->interest_balance_cents = result->interest_balance_cents;
  out_line->credit_balance_cents = result->credit_cents;
  return TRUE;
}

/* The `i`th line of what the model shows for `result`. */
static const RecLedgerLine *
new_line (const RecArrearsResult *result,
          const RecLedgerLine    *accrual,
          guint                   i)
{
  if (i < result->ledger->len)
    return &g_array_index (result->ledger, RecLedgerLine, i);
  return accrual;
}

void
rec_ledger_model_set_result (RecLedgerModel         *self,
                             const RecArrearsResult *result)
{
  RecLedgerLine accrual;
  gboolean has_accrual = result != NULL && accrual_line (result, &accrual);
  guint old_n = self->lines->len;
  guint new_n = (result != NULL ? result->ledger->len : 0) + (has_accrual ? 1 : 0);
  guint first = 0;

  g_return_if_fail (REC_IS_LEDGER_MODEL (self));

  while (first < old_n && first < new_n
         && (self->accrual && first + 1 == old_n) == (has_accrual && first + 1 == new_n)
         && lines_equal (&g_array_index (self->lines, RecLedgerLine, first),
                         new_line (result, &accrual, first)))
    first++;
  if (first == old_n && first == new_n)
    return;

  g_array_set_size (self->lines, first);
  g_ptr_array_set_size (self->items, first);
  for (guint i = first; i < new_n; i++)
    {
      RecLedgerLine line = *new_line (result, &accrual, i);

      if (line.source != NULL)
        g_object_ref (line.source);
      g_array_append_val (self->lines, line);
    }
  g_ptr_array_set_size (self->items, new_n);
  self->accrual = has_accrual;
  g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first, new_n - first);
}

guint
rec_ledger_model_find (RecLedgerModel *self,
                       gpointer        source)
{
  g_return_val_if_fail (REC_IS_LEDGER_MODEL (self), G_MAXUINT);

  for (guint i = 0; source != NULL && i < self->lines->len; i++)
    if (g_array_index (self->lines, RecLedgerLine, i).source == source)
      return i;
  return G_MAXUINT;
}

/* rec-gui-util.c — small helpers the pages share: formatting, label cells
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-gui-util.h"

#include "rec-date.h"
#include "rec-money.h"

#include <glib/gi18n.h>

typedef struct
{
  RecCellTextFunc  func;
  gpointer         user_data;
  RecCellFlags     flags;
} LabelCell;

char *
rec_gui_format_cents (RecCaseSession *session,
                      RecCents        cents)
{
  RecCaseInfo *info = rec_case_session_get_info (session);

  return rec_cents_format (cents, info->currency);
}

char *
rec_gui_format_date (const GDate *date)
{
  if (!rec_date_is_set (date))
    return g_strdup ("—");
  return rec_date_format (date);
}

static void
label_cell_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item,
                     LabelCell          *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (cell->flags & REC_CELL_NUMERIC)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (cell->flags & REC_CELL_TABULAR)
    gtk_widget_add_css_class (label, "numeric");
  if (cell->flags & REC_CELL_ELLIPSIZE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  if (cell->flags & REC_CELL_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  if (cell->flags & REC_CELL_SUCCESS)
    gtk_widget_add_css_class (label, "success");
  gtk_list_item_set_child (list_item, label);
}

static void
label_cell_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    LabelCell          *cell)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = cell->func (gtk_list_item_get_item (list_item), cell->user_data);

  gtk_label_set_text (label, text != NULL ? text : "");
  if (cell->flags & REC_CELL_ELLIPSIZE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

GtkListItemFactory *
rec_gui_label_factory_new (RecCellTextFunc func,
                           gpointer        user_data,
                           RecCellFlags    flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LabelCell *cell = g_new0 (LabelCell, 1);

  cell->func = func;
  cell->user_data = user_data;
  cell->flags = flags;
  /* The closure of "setup" owns the cell; it is freed with the factory. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (label_cell_setup_cb), cell,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (label_cell_bind_cb), cell);
  return factory;
}

gint64
rec_gui_entity_id (gpointer entity)
{
  if (REC_IS_PAYMENT (entity))
    return REC_PAYMENT (entity)->id;
  if (REC_IS_CHARGE (entity))
    return REC_CHARGE (entity)->id;
  if (REC_IS_COMMUNICATION (entity))
    return REC_COMMUNICATION (entity)->id;
  if (REC_IS_TERM (entity))
    return REC_TERM (entity)->id;
  if (REC_IS_CHILD (entity))
    return REC_CHILD (entity)->id;
  if (REC_IS_ENFORCEMENT_STEP (entity))
    return REC_ENFORCEMENT_STEP (entity)->id;
  if (REC_IS_INTEREST_OVERRIDE (entity))
    return REC_INTEREST_OVERRIDE (entity)->id;
  g_return_val_if_reached (0);
}

gpointer
rec_gui_find_by_id (GListModel *model,
                    gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (rec_gui_entity_id (item) == id)
        return g_steal_pointer (&item);
    }
  return NULL;
}

void
rec_gui_delete_with_undo (GtkWidget      *widget,
                          RecCaseSession *session,
                          GObject        *item,
                          const char     *message)
{
  g_autoptr(GError) error = NULL;

  if (!rec_case_session_delete (session, item, &error))
    {
      g_debug ("Delete failed: %s", error->message);
      gtk_widget_activate_action (widget, "win.show-toast", "s", _("Could not delete the entry"));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-undo-toast", "s", message);
}

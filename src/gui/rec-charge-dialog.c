/* rec-charge-dialog.c — add or edit a one-time amount owed (a share of a bill)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-charge-dialog.h"

#include "rec-date.h"

#include <glib/gi18n.h>

struct _RecChargeDialog
{
  RecEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow     *date_row;
  GtkLabel        *date_error;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_error;
  AdwEntryRow     *description_row;
  GtkSwitch       *interest_bearing_switch;

  /* Owned */
  RecCharge       *charge;        /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecChargeDialog, rec_charge_dialog, REC_TYPE_EDITOR_DIALOG)

static void
fill_fields (RecChargeDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecCharge *charge = self->charge;

  rec_editor_dialog_set_date (dialog, "date", &charge->date);
  if (charge->amount_cents > 0)
    rec_editor_dialog_set_amount (dialog, "amount", charge->amount_cents);
  rec_editor_dialog_set_text (dialog, "description", charge->description);
  rec_editor_dialog_set_active (dialog, "interest_bearing", charge->interest_bearing);
}

static gboolean
rec_charge_dialog_save (RecEditorDialog  *dialog,
                        GError          **error)
{
  RecChargeDialog *self = REC_CHARGE_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecCharge) charge = rec_charge_copy (self->charge);
  g_autofree char *description = rec_editor_dialog_dup_text (dialog, "description");

  rec_editor_dialog_get_date (dialog, "date", &charge->date);
  charge->amount_cents = rec_editor_dialog_get_amount (dialog, "amount");
  rec_set_str (&charge->description, description);
  charge->interest_bearing = rec_editor_dialog_get_active (dialog, "interest_bearing");

  if (self->charge->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (charge), error);

  return rec_case_session_update (session, G_OBJECT (charge), error);
}

static void
rec_charge_dialog_dispose (GObject *object)
{
  RecChargeDialog *self = REC_CHARGE_DIALOG (object);

  g_clear_object (&self->charge);

  G_OBJECT_CLASS (rec_charge_dialog_parent_class)->dispose (object);
}

static void
rec_charge_dialog_class_init (RecChargeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_charge_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_charge_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-charge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, RecChargeDialog, interest_bearing_switch);
}

static void
rec_charge_dialog_init (RecChargeDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rec_editor_dialog_add_field (dialog, "date", GTK_WIDGET (self->date_row), self->date_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "amount", GTK_WIDGET (self->amount_row),
                               self->amount_error, REC_FIELD_AMOUNT);
  rec_editor_dialog_add_field (dialog, "description", GTK_WIDGET (self->description_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "interest_bearing",
                               GTK_WIDGET (self->interest_bearing_switch), NULL,
                               REC_FIELD_SWITCH);
}

GtkWindow *
rec_charge_dialog_new (GtkWindow      *parent,
                       RecCaseSession *session,
                       RecCharge      *charge)
{
  RecChargeDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (charge == NULL || REC_IS_CHARGE (charge), NULL);

  self = g_object_new (REC_TYPE_CHARGE_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, charge == NULL);
  if (charge != NULL)
    {
      self->charge = rec_charge_copy (charge);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Charge"));
    }
  else
    {
      self->charge = rec_charge_new ();
      rec_date_set_today (&self->charge->date);
      gtk_window_set_title (GTK_WINDOW (self), _("New Charge"));
    }

  fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->charge));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->amount_row));
  return GTK_WINDOW (self);
}

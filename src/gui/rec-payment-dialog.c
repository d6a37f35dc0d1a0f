/* rec-payment-dialog.c — add or edit a payment received
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-payment-dialog.h"

#include "rec-date.h"
#include "rec-enums.h"

#include <glib/gi18n.h>

struct _RecPaymentDialog
{
  RecEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow     *date_row;
  GtkLabel        *date_error;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_error;
  AdwComboRow     *method_row;
  AdwEntryRow     *reference_row;
  AdwEntryRow     *notes_row;

  /* Owned */
  RecPayment      *payment;       /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecPaymentDialog, rec_payment_dialog, REC_TYPE_EDITOR_DIALOG)

static void
fill_fields (RecPaymentDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecPayment *payment = self->payment;

  rec_editor_dialog_set_date (dialog, "date", &payment->date);
  if (payment->amount_cents > 0)
    rec_editor_dialog_set_amount (dialog, "amount", payment->amount_cents);
  rec_editor_dialog_set_choice (dialog, "method", payment->method);
  rec_editor_dialog_set_text (dialog, "reference", payment->reference);
  rec_editor_dialog_set_text (dialog, "notes", payment->notes);
}

/* A payment not received yet is most likely a typing slip (2062 for 2026),
 * but one announced for a date ahead may be logged: warn, do not refuse. */
static void
rec_payment_dialog_check (RecEditorDialog *dialog)
{
  GDate date, today;

  rec_editor_dialog_get_date (dialog, "date", &date);
  rec_date_set_today (&today);
  if (rec_date_compare (&date, &today) > 0)
    rec_editor_dialog_set_field_note (dialog, "date",
                                      _("This payment is dated in the future: check the date"),
                                      TRUE);
}

static gboolean
rec_payment_dialog_save (RecEditorDialog  *dialog,
                         GError          **error)
{
  RecPaymentDialog *self = REC_PAYMENT_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecPayment) payment = rec_payment_copy (self->payment);
  g_autofree char *reference = rec_editor_dialog_dup_text (dialog, "reference");
  g_autofree char *notes = rec_editor_dialog_dup_text (dialog, "notes");

  rec_editor_dialog_get_date (dialog, "date", &payment->date);
  payment->amount_cents = rec_editor_dialog_get_amount (dialog, "amount");
  payment->method = rec_editor_dialog_get_choice (dialog, "method");
  rec_set_str (&payment->reference, reference);
  rec_set_str (&payment->notes, notes);

  if (self->payment->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (payment), error);

  return rec_case_session_update (session, G_OBJECT (payment), error);
}

static void
rec_payment_dialog_dispose (GObject *object)
{
  RecPaymentDialog *self = REC_PAYMENT_DIALOG (object);

  g_clear_object (&self->payment);

  G_OBJECT_CLASS (rec_payment_dialog_parent_class)->dispose (object);
}

static void
rec_payment_dialog_class_init (RecPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecEditorDialogClass *dialog_class = REC_EDITOR_DIALOG_CLASS (klass);

  object_class->dispose = rec_payment_dialog_dispose;
  dialog_class->check = rec_payment_dialog_check;
  dialog_class->save = rec_payment_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RecPaymentDialog, notes_row);
}

static void
rec_payment_dialog_init (RecPaymentDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  REC_EDITOR_DIALOG_FILL_CHOICES (self->method_row, rec_payment_method_label,
                                  REC_N_PAYMENT_METHODS);

  rec_editor_dialog_add_field (dialog, "date", GTK_WIDGET (self->date_row), self->date_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "amount", GTK_WIDGET (self->amount_row),
                               self->amount_error, REC_FIELD_AMOUNT);
  rec_editor_dialog_add_field (dialog, "method", GTK_WIDGET (self->method_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "reference", GTK_WIDGET (self->reference_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "notes", GTK_WIDGET (self->notes_row), NULL,
                               REC_FIELD_TEXT);
}

GtkWindow *
rec_payment_dialog_new (GtkWindow      *parent,
                        RecCaseSession *session,
                        RecPayment     *payment)
{
  RecPaymentDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (payment == NULL || REC_IS_PAYMENT (payment), NULL);

  self = g_object_new (REC_TYPE_PAYMENT_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, payment == NULL);
  if (payment != NULL)
    {
      self->payment = rec_payment_copy (payment);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Payment"));
    }
  else
    {
      self->payment = rec_payment_new ();
      rec_date_set_today (&self->payment->date);
      gtk_window_set_title (GTK_WINDOW (self), _("New Payment"));
    }

  fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->payment));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->amount_row));
  return GTK_WINDOW (self);
}

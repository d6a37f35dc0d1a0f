/* rec-interest-override-dialog.c — add or edit an interest override: a rate a
 * court ordered for a period, or SCRA's 6 %
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-interest-override-dialog.h"

#include "rec-date.h"
#include "rec-enums.h"

#include <glib/gi18n.h>

struct _RecInterestOverrideDialog
{
  RecEditorDialog      parent_instance;

  /* Template widgets */
  AdwEntryRow         *from_row;
  GtkLabel            *from_error;
  AdwEntryRow         *to_row;
  GtkLabel            *to_error;
  AdwEntryRow         *rate_row;
  GtkLabel            *rate_error;
  AdwEntryRow         *reason_row;
  GtkLabel            *reason_error;

  /* Owned */
  RecInterestOverride *override;  /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecInterestOverrideDialog, rec_interest_override_dialog,
                     REC_TYPE_EDITOR_DIALOG)

static void
override_fill_fields (RecInterestOverrideDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecInterestOverride *override = self->override;

  rec_editor_dialog_set_date (dialog, "from", &override->from);
  rec_editor_dialog_set_date (dialog, "to", &override->to);
  if (override->entity.id != 0)
    rec_editor_dialog_set_rate (dialog, "rate", override->rate_basis_points);
  rec_editor_dialog_set_text (dialog, "reason", override->reason);
}

static void
rec_interest_override_dialog_check (RecEditorDialog *dialog)
{
  GDate from, to;

  rec_editor_dialog_get_date (dialog, "from", &from);
  rec_editor_dialog_get_date (dialog, "to", &to);
  if (rec_date_compare (&to, &from) < 0)
    rec_editor_dialog_set_field_error (dialog, "to",
                                       _("The rate cannot end before it starts"));
}

static gboolean
rec_interest_override_dialog_save (RecEditorDialog  *dialog,
                                   GError          **error)
{
  RecInterestOverrideDialog *self = REC_INTEREST_OVERRIDE_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecInterestOverride) override = rec_interest_override_copy (self->override);
  g_autofree char *reason = rec_editor_dialog_dup_text (dialog, "reason");

  rec_editor_dialog_get_date (dialog, "from", &override->from);
  rec_editor_dialog_get_date (dialog, "to", &override->to);
  override->rate_basis_points = rec_editor_dialog_get_rate (dialog, "rate");
  rec_set_str (&override->reason, reason);

  if (self->override->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (override), error);

  return rec_case_session_update (session, G_OBJECT (override), error);
}

static void
rec_interest_override_dialog_dispose (GObject *object)
{
  RecInterestOverrideDialog *self = REC_INTEREST_OVERRIDE_DIALOG (object);

  g_clear_object (&self->override);

  G_OBJECT_CLASS (rec_interest_override_dialog_parent_class)->dispose (object);
}

static void
rec_interest_override_dialog_class_init (RecInterestOverrideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_interest_override_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->check = rec_interest_override_dialog_check;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_interest_override_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-interest-override-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, from_error);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, to_error);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, rate_error);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RecInterestOverrideDialog, reason_error);
}

static void
rec_interest_override_dialog_init (RecInterestOverrideDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rec_editor_dialog_add_field (dialog, "from", GTK_WIDGET (self->from_row), self->from_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "to", GTK_WIDGET (self->to_row), self->to_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "rate", GTK_WIDGET (self->rate_row), self->rate_error,
                               REC_FIELD_RATE);
  rec_editor_dialog_add_field (dialog, "reason", GTK_WIDGET (self->reason_row),
                               self->reason_error, REC_FIELD_TEXT_REQUIRED);
}

GtkWindow *
rec_interest_override_dialog_new (GtkWindow           *parent,
                                  RecCaseSession      *session,
                                  RecInterestOverride *override)
{
  RecInterestOverrideDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (override == NULL || REC_IS_INTEREST_OVERRIDE (override), NULL);

  self = g_object_new (REC_TYPE_INTEREST_OVERRIDE_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, override == NULL);
  if (override != NULL)
    {
      self->override = rec_interest_override_copy (override);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Rate Override"));
    }
  else
    {
      self->override = rec_interest_override_new ();
      rec_date_set_today (&self->override->from);
      gtk_window_set_title (GTK_WINDOW (self), _("New Rate Override"));
    }

  override_fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->override));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self),
                                       GTK_WIDGET (override != NULL ? self->rate_row
                                                                    : self->from_row));
  return GTK_WINDOW (self);
}

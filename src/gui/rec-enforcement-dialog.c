/* rec-enforcement-dialog.c — add or edit an enforcement step
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-enforcement-dialog.h"

#include "rec-date.h"
#include "rec-enums.h"

#include <glib/gi18n.h>

struct _RecEnforcementDialog
{
  RecEditorDialog     parent_instance;

  /* Template widgets */
  AdwComboRow        *remedy_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *date_row;
  GtkLabel           *date_error;
  AdwEntryRow        *agency_row;
  AdwEntryRow        *reference_row;
  AdwEntryRow        *next_date_row;
  GtkLabel           *next_date_error;
  AdwActionRow       *next_done_row;
  GtkSwitch          *next_done_switch;
  AdwEntryRow        *notes_row;

  /* Owned */
  RecEnforcementStep *step;       /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecEnforcementDialog, rec_enforcement_dialog, REC_TYPE_EDITOR_DIALOG)

/* "Next Step Done" means something only with a next date: without one it
 * is off and insensitive (clearing the date clears it). */
static void
update_done_row (RecEnforcementDialog *self)
{
  g_autofree char *text = rec_editor_dialog_dup_text (REC_EDITOR_DIALOG (self), "next_date");
  gboolean has_date = *g_strstrip (text) != '\0';

  if (!has_date && gtk_switch_get_active (self->next_done_switch))
    gtk_switch_set_active (self->next_done_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_done_row), has_date);
}

static void
fill_fields (RecEnforcementDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecEnforcementStep *step = self->step;

  rec_editor_dialog_set_choice (dialog, "remedy", step->remedy);
  rec_editor_dialog_set_choice (dialog, "status", step->status);
  rec_editor_dialog_set_date (dialog, "date", &step->date);
  rec_editor_dialog_set_text (dialog, "agency", step->agency);
  rec_editor_dialog_set_text (dialog, "reference", step->reference);
  rec_editor_dialog_set_date (dialog, "next_date", &step->next_date);
  rec_editor_dialog_set_active (dialog, "next_done",
                                step->next_done && rec_date_is_set (&step->next_date));
  rec_editor_dialog_set_text (dialog, "notes", step->notes);
  update_done_row (self);
}

static gboolean
rec_enforcement_dialog_save (RecEditorDialog  *dialog,
                             GError          **error)
{
  RecEnforcementDialog *self = REC_ENFORCEMENT_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecEnforcementStep) step = rec_enforcement_step_copy (self->step);
  g_autofree char *agency = rec_editor_dialog_dup_text (dialog, "agency");
  g_autofree char *reference = rec_editor_dialog_dup_text (dialog, "reference");
  g_autofree char *notes = rec_editor_dialog_dup_text (dialog, "notes");

  step->remedy = rec_editor_dialog_get_choice (dialog, "remedy");
  step->status = rec_editor_dialog_get_choice (dialog, "status");
  rec_editor_dialog_get_date (dialog, "date", &step->date);
  rec_set_str (&step->agency, agency);
  rec_set_str (&step->reference, reference);
  rec_editor_dialog_get_date (dialog, "next_date", &step->next_date);
  step->next_done = rec_date_is_set (&step->next_date)
                    && rec_editor_dialog_get_active (dialog, "next_done");
  rec_set_str (&step->notes, notes);

  if (self->step->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (step), error);

  return rec_case_session_update (session, G_OBJECT (step), error);
}

static void
rec_enforcement_dialog_dispose (GObject *object)
{
  RecEnforcementDialog *self = REC_ENFORCEMENT_DIALOG (object);

  g_clear_object (&self->step);

  G_OBJECT_CLASS (rec_enforcement_dialog_parent_class)->dispose (object);
}

static void
rec_enforcement_dialog_class_init (RecEnforcementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_enforcement_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_enforcement_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-enforcement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, remedy_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, next_date_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, next_date_error);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, next_done_row);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, next_done_switch);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementDialog, notes_row);
}

static void
rec_enforcement_dialog_init (RecEnforcementDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  const char *title;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The remedy's name in full under the title: long ones (Vietnamese) are
   * not cut at the row's end. */
  adw_combo_row_set_use_subtitle (self->remedy_row, TRUE);
  REC_EDITOR_DIALOG_FILL_CHOICES (self->remedy_row, rec_remedy_label, REC_N_REMEDIES);
  REC_EDITOR_DIALOG_FILL_CHOICES (self->status_row, rec_status_label, REC_N_STATUSES);

  rec_editor_dialog_add_field (dialog, "remedy", GTK_WIDGET (self->remedy_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "status", GTK_WIDGET (self->status_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "date", GTK_WIDGET (self->date_row), self->date_error,
                               REC_FIELD_DATE_OPTIONAL);
  rec_editor_dialog_add_field (dialog, "agency", GTK_WIDGET (self->agency_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "reference", GTK_WIDGET (self->reference_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "next_date", GTK_WIDGET (self->next_date_row),
                               self->next_date_error, REC_FIELD_DATE_OPTIONAL);
  rec_editor_dialog_add_field (dialog, "next_done", GTK_WIDGET (self->next_done_switch), NULL,
                               REC_FIELD_SWITCH);
  rec_editor_dialog_add_field (dialog, "notes", GTK_WIDGET (self->notes_row), NULL,
                               REC_FIELD_TEXT);
  g_signal_connect_swapped (self->next_date_row, "changed", G_CALLBACK (update_done_row), self);
  /* The switch's accessible name is the row's title (GTK 4.8 gives it none). */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->next_done_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_done_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

GtkWindow *
rec_enforcement_dialog_new (GtkWindow          *parent,
                            RecCaseSession     *session,
                            RecEnforcementStep *step,
                            RecRemedy           remedy_for_new)
{
  RecEnforcementDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (step == NULL || REC_IS_ENFORCEMENT_STEP (step), NULL);
  g_return_val_if_fail (step != NULL || (int) remedy_for_new < REC_N_REMEDIES, NULL);

  self = g_object_new (REC_TYPE_ENFORCEMENT_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, step == NULL);
  if (step != NULL)
    {
      self->step = rec_enforcement_step_copy (step);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Enforcement Step"));
    }
  else
    {
      self->step = rec_enforcement_step_new ();
      self->step->remedy = remedy_for_new;
      gtk_window_set_title (GTK_WINDOW (self), _("New Enforcement Step"));
    }

  fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->step));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  return GTK_WINDOW (self);
}

/* rec-communication-dialog.c — add or edit a contact with the other parent or an agency
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-communication-dialog.h"

#include "rec-date.h"
#include "rec-time-offset.h"
#include "rec-enums.h"

#include <glib/gi18n.h>

struct _RecCommunicationDialog
{
  RecEditorDialog   parent_instance;

  /* Template widgets */
  AdwEntryRow      *date_row;
  GtkLabel         *date_error;
  AdwEntryRow      *time_row;
  GtkLabel         *time_error;
  AdwComboRow      *channel_row;
  AdwComboRow      *direction_row;
  AdwEntryRow      *with_row;
  AdwEntryRow      *subject_row;
  GtkTextView      *summary_view;
  AdwEntryRow      *follow_up_row;
  GtkLabel         *follow_up_error;
  AdwActionRow     *follow_up_done_row;
  GtkSwitch        *follow_up_done_switch;

  GtkLabel         *summary_error;    /* built here, under the summary */

  /* Owned */
  RecCommunication *communication;  /* the copy being edited (id 0 when new) */
  char             *recorded_note;  /* the time as recorded, when in another zone */
};

G_DEFINE_FINAL_TYPE (RecCommunicationDialog, rec_communication_dialog, REC_TYPE_EDITOR_DIALOG)

/* "Recorded in another time zone: 04/02/2023 15:30 (18:30 UTC-07:00)" when
 * the time was recorded with an offset the system's zone does not have at
 * that instant (the call was logged while travelling, or imported); NULL
 * otherwise. The stored time keeps its offset: the local time of a call is
 * evidence (STYLE.md §7). */
static char *
dup_recorded_note (const char *at)
{
  g_autofree char *shown = NULL;

  if (at == NULL || !rec_timestamp_parse (at, NULL, NULL) ||
      rec_timestamp_offset_is_local (at))
    return NULL;

  shown = rec_timestamp_format (at);
  /* Translators: %s is a date and time in local time followed by the same
   * instant as it was recorded, "04/02/2023 15:30 (18:30 UTC-07:00)" */
  return g_strdup_printf (_("Recorded in another time zone: %s"), shown);
}

/* The date and time fields show the local time (the system's zone). */
static void
fill_when (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  g_autofree char *time = NULL;
  GDate date;
  int hour, minute, second;

  if (!rec_timestamp_to_local (self->communication->at, &date, &hour, &minute, &second))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      rec_date_set_today (&date);
      hour = g_date_time_get_hour (now);
      minute = g_date_time_get_minute (now);
    }

  time = rec_time_format (hour, minute);
  rec_editor_dialog_set_date (dialog, "date", &date);
  rec_editor_dialog_set_text (dialog, "time", time);
  self->recorded_note = dup_recorded_note (self->communication->at);
}

/* "Follow-Up Done" means something only with a follow-up date: without
 * one it is off and insensitive (clearing the date clears it). */
static void
update_done_row (RecCommunicationDialog *self)
{
  g_autofree char *text = rec_editor_dialog_dup_text (REC_EDITOR_DIALOG (self), "follow_up");
  gboolean has_date = *g_strstrip (text) != '\0';

  if (!has_date && gtk_switch_get_active (self->follow_up_done_switch))
    gtk_switch_set_active (self->follow_up_done_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_up_done_row), has_date);
}

static void
fill_fields (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecCommunication *communication = self->communication;

  fill_when (self);
  rec_editor_dialog_set_choice (dialog, "channel", communication->channel);
  rec_editor_dialog_set_choice (dialog, "direction", communication->direction);
  rec_editor_dialog_set_text (dialog, "with", communication->with);
  rec_editor_dialog_set_text (dialog, "subject", communication->subject);
  rec_editor_dialog_set_text (dialog, "summary", communication->summary);
  rec_editor_dialog_set_date (dialog, "follow_up", &communication->follow_up);
  rec_editor_dialog_set_active (dialog, "follow_up_done",
                                communication->follow_up_done
                                && rec_date_is_set (&communication->follow_up));
  update_done_row (self);
}

/* Whether the stored time stands: a communication being edited whose date
 * and time fields still show it. */
static gboolean
keeps_stored_time (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  return self->communication->at != NULL &&
         rec_timestamp_parse (self->communication->at, NULL, NULL) &&
         !rec_editor_dialog_is_field_changed (dialog, "date") &&
         !rec_editor_dialog_is_field_changed (dialog, "time");
}

/* The RFC 3339 time of the date and time fields, with the offset the
 * system's time zone has on that day; NULL (and error) for a time the clocks
 * skip. */
static char *
build_timestamp (RecCommunicationDialog  *self,
                 GError                 **error)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  GDate date;
  int hour, minute;

  if (keeps_stored_time (self))
    return g_strdup (self->communication->at);

  rec_editor_dialog_get_date (dialog, "date", &date);
  rec_editor_dialog_get_time (dialog, "time", &hour, &minute);
  return rec_timestamp_new_local (&date, hour, minute, 0, error);
}

static void
rec_communication_dialog_check (RecEditorDialog *dialog)
{
  RecCommunicationDialog *self = REC_COMMUNICATION_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *at = build_timestamp (self, &error);
  g_autofree char *subject = rec_editor_dialog_dup_text (dialog, "subject");
  g_autofree char *summary = rec_editor_dialog_dup_text (dialog, "summary");

  if (at == NULL)
    rec_editor_dialog_set_field_error (dialog, "time", error->message);
  else if (self->recorded_note != NULL && keeps_stored_time (self))
    rec_editor_dialog_set_field_note (dialog, "time", self->recorded_note, FALSE);

  if (subject[0] == '\0' && summary[0] == '\0')
    rec_editor_dialog_set_field_missing (dialog, "summary",
                                         _("Write a subject or a summary: an empty "
                                           "communication cannot be saved"));
}

static gboolean
rec_communication_dialog_save (RecEditorDialog  *dialog,
                               GError          **error)
{
  RecCommunicationDialog *self = REC_COMMUNICATION_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecCommunication) communication = rec_communication_copy (self->communication);
  g_autofree char *at = build_timestamp (self, error);
  g_autofree char *with = rec_editor_dialog_dup_text (dialog, "with");
  g_autofree char *subject = rec_editor_dialog_dup_text (dialog, "subject");
  g_autofree char *summary = rec_editor_dialog_dup_text (dialog, "summary");

  if (at == NULL || !rec_timestamp_parse (at, &communication->at_unix, error))
    return FALSE;

  rec_set_str (&communication->at, at);
  communication->channel = rec_editor_dialog_get_choice (dialog, "channel");
  communication->direction = rec_editor_dialog_get_choice (dialog, "direction");
  rec_set_str (&communication->with, with);
  rec_set_str (&communication->subject, subject);
  rec_set_str (&communication->summary, summary);
  rec_editor_dialog_get_date (dialog, "follow_up", &communication->follow_up);
  communication->follow_up_done = rec_date_is_set (&communication->follow_up)
                                  && rec_editor_dialog_get_active (dialog, "follow_up_done");

  if (self->communication->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (communication), error);

  return rec_case_session_update (session, G_OBJECT (communication), error);
}

static void
rec_communication_dialog_dispose (GObject *object)
{
  RecCommunicationDialog *self = REC_COMMUNICATION_DIALOG (object);

  g_clear_object (&self->communication);
  g_clear_pointer (&self->recorded_note, g_free);

  G_OBJECT_CLASS (rec_communication_dialog_parent_class)->dispose (object);
}

static void
rec_communication_dialog_class_init (RecCommunicationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_communication_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->check = rec_communication_dialog_check;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_communication_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-communication-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, time_error);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, with_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, follow_up_error);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, follow_up_done_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog,
                                        follow_up_done_switch);
}

static void
add_fields (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  rec_editor_dialog_add_field (dialog, "date", GTK_WIDGET (self->date_row), self->date_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "time", GTK_WIDGET (self->time_row), self->time_error,
                               REC_FIELD_TIME);
  rec_editor_dialog_add_field (dialog, "channel", GTK_WIDGET (self->channel_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "direction", GTK_WIDGET (self->direction_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "with", GTK_WIDGET (self->with_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "subject", GTK_WIDGET (self->subject_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "summary", GTK_WIDGET (self->summary_view),
                               self->summary_error, REC_FIELD_MULTILINE);
  rec_editor_dialog_add_field (dialog, "follow_up", GTK_WIDGET (self->follow_up_row),
                               self->follow_up_error, REC_FIELD_DATE_OPTIONAL);
  rec_editor_dialog_add_field (dialog, "follow_up_done", GTK_WIDGET (self->follow_up_done_switch),
                               NULL, REC_FIELD_SWITCH);
}

static void
rec_communication_dialog_init (RecCommunicationDialog *self)
{
  GtkWidget *summary_group;
  const char *title;

  gtk_widget_init_template (GTK_WIDGET (self));
  summary_group = gtk_widget_get_ancestor (GTK_WIDGET (self->summary_view),
                                           ADW_TYPE_PREFERENCES_GROUP);
  self->summary_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_error, TRUE);
  gtk_label_set_xalign (self->summary_error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary_error), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_error), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (summary_group),
                             GTK_WIDGET (self->summary_error));
  REC_EDITOR_DIALOG_FILL_CHOICES (self->channel_row, rec_channel_label, REC_N_CHANNELS);
  REC_EDITOR_DIALOG_FILL_CHOICES (self->direction_row, rec_direction_label, REC_N_DIRECTIONS);
  add_fields (self);
  g_signal_connect_swapped (self->follow_up_row, "changed", G_CALLBACK (update_done_row), self);
  /* The switch's accessible name is the row's title (GTK 4.8 gives it none). */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->follow_up_done_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_up_done_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

GtkWindow *
rec_communication_dialog_new (GtkWindow        *parent,
                              RecCaseSession   *session,
                              RecCommunication *communication)
{
  RecCommunicationDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (communication == NULL || REC_IS_COMMUNICATION (communication), NULL);

  self = g_object_new (REC_TYPE_COMMUNICATION_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, communication == NULL);
  if (communication != NULL)
    {
      self->communication = rec_communication_copy (communication);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Communication"));
    }
  else
    {
      /* Most contacts are with the other parent: start with their name. */
      self->communication = rec_communication_new ();
      rec_set_str (&self->communication->with, rec_case_session_get_info (session)->obligor.name);
      gtk_window_set_title (GTK_WINDOW (self), _("New Communication"));
    }

  fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->communication));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->summary_view));
  return GTK_WINDOW (self);
}

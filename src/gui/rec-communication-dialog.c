/* rec-communication-dialog.c — add or edit a contact with the other parent or an agency
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-communication-dialog.h"

#include "rec-date.h"
#include "rec-enums.h"

#include <glib/gi18n.h>
#include <string.h>

struct _RecCommunicationDialog
{
  RecEditorDialog   parent_instance;

  /* Template widgets */
  AdwEntryRow      *date_row;
  GtkLabel         *date_error;
  AdwEntryRow      *time_row;
  GtkLabel         *time_error;
  AdwEntryRow      *offset_row;
  GtkLabel         *offset_error;
  AdwComboRow      *channel_row;
  AdwComboRow      *direction_row;
  AdwEntryRow      *with_row;
  AdwEntryRow      *subject_row;
  GtkTextView      *summary_view;
  AdwEntryRow      *follow_up_row;
  GtkLabel         *follow_up_error;

  /* Owned */
  RecCommunication *communication;  /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecCommunicationDialog, rec_communication_dialog, REC_TYPE_EDITOR_DIALOG)

/* Splits "2023-04-02T18:30:00-07:00" into date, time and the offset it was
 * recorded with. The offset is kept as it was: the local time of a call is
 * evidence (STYLE.md §7). Seconds are shown only when they are not zero. */
static gboolean
split_timestamp (const char  *at,
                 char       **date,
                 char       **time,
                 char       **offset)
{
  const char *rest;

  if (!rec_timestamp_parse (at, NULL, NULL) || strlen (at) < 20)
    return FALSE;

  rest = at + 19;
  while (*rest == '.' || g_ascii_isdigit (*rest))
    rest++;

  *date = g_strndup (at, 10);
  *time = g_strndup (at + 11, strncmp (at + 16, ":00", 3) == 0 ? 5 : 8);
  *offset = g_strdup (rest);
  return TRUE;
}

static void
fill_when (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *offset = NULL;

  if (!split_timestamp (self->communication->at, &date, &time, &offset))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
      time = g_date_time_format (now, "%H:%M");
      offset = g_date_time_format (now, "%:z");
    }

  rec_editor_dialog_set_text (dialog, "date", date);
  rec_editor_dialog_set_text (dialog, "time", time);
  rec_editor_dialog_set_text (dialog, "offset", offset);
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
}

/* The RFC 3339 timestamp of the date, time and offset fields. */
static char *
build_timestamp (RecEditorDialog *dialog)
{
  g_autofree char *date = rec_editor_dialog_dup_text (dialog, "date");
  g_autofree char *time = rec_editor_dialog_dup_text (dialog, "time");
  g_autofree char *offset = rec_editor_dialog_dup_text (dialog, "offset");

  return g_strdup_printf ("%sT%s%s%s", date, time, strlen (time) == 5 ? ":00" : "", offset);
}

static void
rec_communication_dialog_check (RecEditorDialog *dialog)
{
  g_autofree char *at = build_timestamp (dialog);
  g_autoptr(GError) error = NULL;

  if (!rec_timestamp_parse (at, NULL, &error))
    rec_editor_dialog_set_field_error (dialog, "time", error->message);
}

static gboolean
rec_communication_dialog_save (RecEditorDialog  *dialog,
                               GError          **error)
{
  RecCommunicationDialog *self = REC_COMMUNICATION_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecCommunication) communication = rec_communication_copy (self->communication);
  g_autofree char *at = build_timestamp (dialog);
  g_autofree char *with = rec_editor_dialog_dup_text (dialog, "with");
  g_autofree char *subject = rec_editor_dialog_dup_text (dialog, "subject");
  g_autofree char *summary = rec_editor_dialog_dup_text (dialog, "summary");

  if (!rec_timestamp_parse (at, &communication->at_unix, error))
    return FALSE;

  rec_set_str (&communication->at, at);
  communication->channel = rec_editor_dialog_get_choice (dialog, "channel");
  communication->direction = rec_editor_dialog_get_choice (dialog, "direction");
  rec_set_str (&communication->with, with);
  rec_set_str (&communication->subject, subject);
  rec_set_str (&communication->summary, summary);
  rec_editor_dialog_get_date (dialog, "follow_up", &communication->follow_up);

  if (self->communication->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (communication), error);

  return rec_case_session_update (session, G_OBJECT (communication), error);
}

static void
rec_communication_dialog_dispose (GObject *object)
{
  RecCommunicationDialog *self = REC_COMMUNICATION_DIALOG (object);

  g_clear_object (&self->communication);

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
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, offset_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, offset_error);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, with_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, RecCommunicationDialog, follow_up_error);
}

static void
add_fields (RecCommunicationDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  rec_editor_dialog_add_field (dialog, "date", GTK_WIDGET (self->date_row), self->date_error,
                               REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "time", GTK_WIDGET (self->time_row), self->time_error,
                               REC_FIELD_TIME);
  rec_editor_dialog_add_field (dialog, "offset", GTK_WIDGET (self->offset_row),
                               self->offset_error, REC_FIELD_OFFSET);
  rec_editor_dialog_add_field (dialog, "channel", GTK_WIDGET (self->channel_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "direction", GTK_WIDGET (self->direction_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "with", GTK_WIDGET (self->with_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "subject", GTK_WIDGET (self->subject_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "summary", GTK_WIDGET (self->summary_view), NULL,
                               REC_FIELD_MULTILINE);
  rec_editor_dialog_add_field (dialog, "follow_up", GTK_WIDGET (self->follow_up_row),
                               self->follow_up_error, REC_FIELD_DATE_OPTIONAL);
}

static void
rec_communication_dialog_init (RecCommunicationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  REC_EDITOR_DIALOG_FILL_CHOICES (self->channel_row, rec_channel_label, REC_N_CHANNELS);
  REC_EDITOR_DIALOG_FILL_CHOICES (self->direction_row, rec_direction_label, REC_N_DIRECTIONS);
  add_fields (self);
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
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
  return GTK_WINDOW (self);
}

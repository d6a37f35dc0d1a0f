/* rec-child-dialog.c — add or edit a child of the order
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-child-dialog.h"

#include <glib/gi18n.h>

struct _RecChildDialog
{
  RecEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow     *name_row;
  GtkLabel        *name_error;
  AdwEntryRow     *birth_date_row;
  GtkLabel        *birth_date_error;

  /* Owned */
  RecChild        *child;         /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecChildDialog, rec_child_dialog, REC_TYPE_EDITOR_DIALOG)

static gboolean
rec_child_dialog_save (RecEditorDialog  *dialog,
                       GError          **error)
{
  RecChildDialog *self = REC_CHILD_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecChild) child = rec_child_copy (self->child);
  g_autofree char *name = rec_editor_dialog_dup_text (dialog, "name");

  rec_set_str (&child->name, name);
  rec_editor_dialog_get_date (dialog, "birth_date", &child->birth_date);

  if (self->child->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (child), error);

  return rec_case_session_update (session, G_OBJECT (child), error);
}

static void
rec_child_dialog_dispose (GObject *object)
{
  RecChildDialog *self = REC_CHILD_DIALOG (object);

  g_clear_object (&self->child);

  G_OBJECT_CLASS (rec_child_dialog_parent_class)->dispose (object);
}

static void
rec_child_dialog_class_init (RecChildDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_child_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_child_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-child-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecChildDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RecChildDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, RecChildDialog, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, RecChildDialog, birth_date_error);
}

static void
rec_child_dialog_init (RecChildDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  rec_editor_dialog_add_field (dialog, "name", GTK_WIDGET (self->name_row), self->name_error,
                               REC_FIELD_TEXT_REQUIRED);
  rec_editor_dialog_add_field (dialog, "birth_date", GTK_WIDGET (self->birth_date_row),
                               self->birth_date_error, REC_FIELD_DATE_OPTIONAL);
}

GtkWindow *
rec_child_dialog_new (GtkWindow      *parent,
                      RecCaseSession *session,
                      RecChild       *child)
{
  RecChildDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (child == NULL || REC_IS_CHILD (child), NULL);

  self = g_object_new (REC_TYPE_CHILD_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, child == NULL);
  self->child = child != NULL ? rec_child_copy (child) : rec_child_new ();
  gtk_window_set_title (GTK_WINDOW (self), child != NULL ? _("Edit Child") : _("New Child"));

  rec_editor_dialog_set_text (REC_EDITOR_DIALOG (self), "name", self->child->name);
  rec_editor_dialog_set_date (REC_EDITOR_DIALOG (self), "birth_date", &self->child->birth_date);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->child));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/* rec-term-dialog.c — add or edit a term of the support order
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-term-dialog.h"

#include "rec-date.h"
#include "rec-enums.h"

#include <glib/gi18n.h>

struct _RecTermDialog
{
  RecEditorDialog  parent_instance;

  /* Template widgets */
  AdwComboRow     *kind_row;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_error;
  AdwComboRow     *frequency_row;
  AdwComboRow     *due_day_row;
  AdwComboRow     *due_day_1_row;
  AdwComboRow     *due_day_2_row;
  GtkLabel        *due_days_error;
  AdwEntryRow     *effective_row;
  GtkLabel        *effective_error;
  AdwEntryRow     *end_row;
  GtkLabel        *end_error;
  AdwEntryRow     *reference_row;
  AdwEntryRow     *notes_row;

  /* Owned */
  RecTerm         *term;          /* the copy being edited (id 0 when new) */
};

G_DEFINE_FINAL_TYPE (RecTermDialog, rec_term_dialog, REC_TYPE_EDITOR_DIALOG)

/* Monthly: position 0 is "last day of the month" (REC_DUE_DAY_LAST), then
 * the days 1–31 (a shorter month falls back to its last day, spec/arrears.md
 * §2). Semimonthly: the days 1–31 at positions 0–30. */
static void
fill_day_choices (AdwComboRow *row,
                  gboolean     with_last)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (with_last)
    gtk_string_list_append (labels, _("Last day of the month"));

  for (int day = 1; day <= 31; day++)
    {
      char text[8];

      g_snprintf (text, sizeof text, "%d", day);
      gtk_string_list_append (labels, text);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
fill_fields (RecTermDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  RecTerm *term = self->term;

  rec_editor_dialog_set_choice (dialog, "kind", term->kind);
  if (term->amount_cents > 0)
    rec_editor_dialog_set_amount (dialog, "amount", term->amount_cents);
  rec_editor_dialog_set_choice (dialog, "frequency", term->frequency);
  rec_editor_dialog_set_choice (dialog, "due_day", CLAMP (term->due_day, 0, 31));
  rec_editor_dialog_set_choice (dialog, "due_day_1", CLAMP (term->due_days[0], 1, 31) - 1);
  rec_editor_dialog_set_choice (dialog, "due_day_2", CLAMP (term->due_days[1], 1, 31) - 1);
  rec_editor_dialog_set_date (dialog, "effective", &term->effective);
  rec_editor_dialog_set_date (dialog, "end", &term->end);
  rec_editor_dialog_set_text (dialog, "reference", term->reference);
  rec_editor_dialog_set_text (dialog, "notes", term->notes);
}

/* Only the due-day rows of the chosen frequency are shown. */
static void
frequency_changed_cb (RecTermDialog *self)
{
  RecFrequency frequency = adw_combo_row_get_selected (self->frequency_row);
  const char *subtitle = "";

  gtk_widget_set_visible (GTK_WIDGET (self->due_day_row), frequency == REC_FREQUENCY_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->due_day_1_row),
                          frequency == REC_FREQUENCY_SEMIMONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->due_day_2_row),
                          frequency == REC_FREQUENCY_SEMIMONTHLY);

  if (frequency == REC_FREQUENCY_WEEKLY)
    subtitle = _("Due every 7 days from the effective date");
  else if (frequency == REC_FREQUENCY_BIWEEKLY)
    subtitle = _("Due every 14 days from the effective date");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->frequency_row), subtitle);
}

static void
rec_term_dialog_check (RecEditorDialog *dialog)
{
  RecTermDialog *self = REC_TERM_DIALOG (dialog);
  GDate effective, end;

  rec_editor_dialog_get_date (dialog, "effective", &effective);
  rec_editor_dialog_get_date (dialog, "end", &end);
  if (rec_date_is_set (&end) && rec_date_compare (&end, &effective) < 0)
    rec_editor_dialog_set_field_error (dialog, "end",
                                       _("The order cannot end before it takes effect"));

  if (adw_combo_row_get_selected (self->frequency_row) == REC_FREQUENCY_SEMIMONTHLY &&
      adw_combo_row_get_selected (self->due_day_1_row) ==
      adw_combo_row_get_selected (self->due_day_2_row))
    rec_editor_dialog_set_field_error (dialog, "due_day_2",
                                       _("The two due days must differ"));
}

static gboolean
rec_term_dialog_save (RecEditorDialog  *dialog,
                      GError          **error)
{
  RecTermDialog *self = REC_TERM_DIALOG (dialog);
  RecCaseSession *session = rec_editor_dialog_get_session (dialog);
  g_autoptr(RecTerm) term = rec_term_copy (self->term);
  g_autofree char *reference = rec_editor_dialog_dup_text (dialog, "reference");
  g_autofree char *notes = rec_editor_dialog_dup_text (dialog, "notes");
  int day_1 = rec_editor_dialog_get_choice (dialog, "due_day_1") + 1;
  int day_2 = rec_editor_dialog_get_choice (dialog, "due_day_2") + 1;

  term->kind = rec_editor_dialog_get_choice (dialog, "kind");
  term->amount_cents = rec_editor_dialog_get_amount (dialog, "amount");
  term->frequency = rec_editor_dialog_get_choice (dialog, "frequency");
  term->due_day = rec_editor_dialog_get_choice (dialog, "due_day");
  /* Kept in calendar order, whatever order they were picked in. */
  term->due_days[0] = MIN (day_1, day_2);
  term->due_days[1] = MAX (day_1, day_2);
  rec_editor_dialog_get_date (dialog, "effective", &term->effective);
  rec_editor_dialog_get_date (dialog, "end", &term->end);
  rec_set_str (&term->reference, reference);
  rec_set_str (&term->notes, notes);

  if (self->term->entity.id == 0)
    return rec_case_session_add (session, G_OBJECT (term), error);

  return rec_case_session_update (session, G_OBJECT (term), error);
}

static void
rec_term_dialog_dispose (GObject *object)
{
  RecTermDialog *self = REC_TERM_DIALOG (object);

  g_clear_object (&self->term);

  G_OBJECT_CLASS (rec_term_dialog_parent_class)->dispose (object);
}

static void
rec_term_dialog_class_init (RecTermDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_term_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->check = rec_term_dialog_check;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_term_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-term-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, due_day_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, due_day_1_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, due_day_2_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, due_days_error);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, effective_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, effective_error);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, end_error);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RecTermDialog, notes_row);
}

static void
add_fields (RecTermDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  rec_editor_dialog_add_field (dialog, "kind", GTK_WIDGET (self->kind_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "amount", GTK_WIDGET (self->amount_row),
                               self->amount_error, REC_FIELD_AMOUNT);
  rec_editor_dialog_add_field (dialog, "frequency", GTK_WIDGET (self->frequency_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "due_day", GTK_WIDGET (self->due_day_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "due_day_1", GTK_WIDGET (self->due_day_1_row), NULL,
                               REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "due_day_2", GTK_WIDGET (self->due_day_2_row),
                               self->due_days_error, REC_FIELD_CHOICE);
  rec_editor_dialog_add_field (dialog, "effective", GTK_WIDGET (self->effective_row),
                               self->effective_error, REC_FIELD_DATE);
  rec_editor_dialog_add_field (dialog, "end", GTK_WIDGET (self->end_row), self->end_error,
                               REC_FIELD_DATE_OPTIONAL);
  rec_editor_dialog_add_field (dialog, "reference", GTK_WIDGET (self->reference_row), NULL,
                               REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "notes", GTK_WIDGET (self->notes_row), NULL,
                               REC_FIELD_TEXT);
}

static void
rec_term_dialog_init (RecTermDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  REC_EDITOR_DIALOG_FILL_CHOICES (self->kind_row, rec_term_kind_label, REC_N_TERM_KINDS);
  REC_EDITOR_DIALOG_FILL_CHOICES (self->frequency_row, rec_frequency_label, REC_N_FREQUENCIES);
  fill_day_choices (self->due_day_row, TRUE);
  fill_day_choices (self->due_day_1_row, FALSE);
  fill_day_choices (self->due_day_2_row, FALSE);
  add_fields (self);
  g_signal_connect_swapped (self->frequency_row, "notify::selected",
                            G_CALLBACK (frequency_changed_cb), self);
  frequency_changed_cb (self);
}

GtkWindow *
rec_term_dialog_new (GtkWindow      *parent,
                     RecCaseSession *session,
                     RecTerm        *term)
{
  RecTermDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (term == NULL || REC_IS_TERM (term), NULL);

  self = g_object_new (REC_TYPE_TERM_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, term == NULL);
  if (term != NULL)
    {
      self->term = rec_term_copy (term);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Order Term"));
    }
  else
    {
      self->term = rec_term_new ();
      rec_date_set_today (&self->term->effective);
      gtk_window_set_title (GTK_WINDOW (self), _("New Order Term"));
    }

  fill_fields (self);
  frequency_changed_cb (self);
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return GTK_WINDOW (self);
}

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
  gboolean         modifies;      /* a new term that took another's due day */
};

G_DEFINE_FINAL_TYPE (RecTermDialog, rec_term_dialog, REC_TYPE_EDITOR_DIALOG)

/* Monthly: position 0 is "the order does not say" and 1 "last day of the
 * month" (both REC_DUE_DAY_LAST: the rule of FC 5204 in California), then the
 * days 1–31 at positions 2–32 (a shorter month falls back to its last day,
 * spec/arrears.md §2); a new first term starts with none chosen.
 * Semimonthly: the days 1–31 at positions 0–30. */
#define FIRST_DAY_POSITION 2

static guint
due_day_to_position (int due_day)
{
  if (due_day < 1 || due_day > 31)
    return 1;

  return due_day + FIRST_DAY_POSITION - 1;
}

static int
position_to_due_day (guint position)
{
  /* None chosen is only possible for a term that is not monthly. */
  if (position < FIRST_DAY_POSITION || position == GTK_INVALID_LIST_POSITION)
    return REC_DUE_DAY_LAST;

  return (int) (position - FIRST_DAY_POSITION + 1);
}

static void
fill_day_choices (AdwComboRow *row,
                  const char  *jurisdiction)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (jurisdiction != NULL)
    {
      /* The default is California's (FC 5204); other rules cite none. */
      if (g_strcmp0 (jurisdiction, "us-ca") == 0)
        gtk_string_list_append (labels,
                                _("The order does not say (last day of the month, FC 5204)"));
      else
        gtk_string_list_append (labels, _("The order does not say (last day of the month)"));
      gtk_string_list_append (labels, _("Last day of the month"));
    }

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
  rec_editor_dialog_set_choice (dialog, "due_day",
                                term->entity.id == 0 ? GTK_INVALID_LIST_POSITION
                                                     : due_day_to_position (term->due_day));
  rec_editor_dialog_set_choice (dialog, "due_day_1", CLAMP (term->due_days[0], 1, 31) - 1);
  rec_editor_dialog_set_choice (dialog, "due_day_2", CLAMP (term->due_days[1], 1, 31) - 1);
  rec_editor_dialog_set_date (dialog, "effective", &term->effective);
  rec_editor_dialog_set_date (dialog, "end", &term->end);
  rec_editor_dialog_set_text (dialog, "reference", term->reference);
  rec_editor_dialog_set_text (dialog, "notes", term->notes);
}

/* Whether the user chose a schedule other than the one the dialog filled in. */
static gboolean
is_schedule_changed (RecTermDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  return rec_editor_dialog_is_field_changed (dialog, "frequency") ||
         rec_editor_dialog_is_field_changed (dialog, "due_day") ||
         rec_editor_dialog_is_field_changed (dialog, "due_day_1") ||
         rec_editor_dialog_is_field_changed (dialog, "due_day_2");
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
  else if (self->modifies && !is_schedule_changed (self))
    subtitle = _("As in the term this one modifies");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->frequency_row), subtitle);
}

/* The latest term of the kind (by effective date): the one a new term of
 * that kind modifies. */
static RecTerm *
find_modified_term (RecTermDialog *self,
                    RecTermKind    kind)
{
  RecCaseSession *session = rec_editor_dialog_get_session (REC_EDITOR_DIALOG (self));
  GListModel *terms = rec_case_session_get_terms (session);
  RecTerm *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RecTerm) term = g_list_model_get_item (terms, i);

      if (term->kind != kind)
        continue;
      if (latest == NULL || rec_date_compare (&term->effective, &latest->effective) >= 0)
        g_set_object (&latest, term);
    }

  return latest;
}

static void
update_due_day_subtitle (RecTermDialog *self)
{
  /* The row shows the chosen day as its subtitle (the long choices wrap
   * there); with none chosen yet, it says what is asked. */
  if (adw_combo_row_get_selected (self->due_day_row) == GTK_INVALID_LIST_POSITION)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->due_day_row),
                                 _("Required: the day of the month the order sets"));
}

/* A new term of a kind the order already has modifies it: it keeps that
 * term's schedule unless the user chose another. A first term asks. */
static void
kind_changed_cb (RecTermDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  g_autoptr(RecTerm) modified = NULL;

  if (self->term->entity.id != 0 || is_schedule_changed (self))
    return;

  modified = find_modified_term (self, adw_combo_row_get_selected (self->kind_row));
  self->modifies = modified != NULL;
  if (modified != NULL)
    {
      rec_editor_dialog_set_choice (dialog, "frequency", modified->frequency);
      rec_editor_dialog_set_choice (dialog, "due_day", due_day_to_position (modified->due_day));
      rec_editor_dialog_set_choice (dialog, "due_day_1", CLAMP (modified->due_days[0], 1, 31) - 1);
      rec_editor_dialog_set_choice (dialog, "due_day_2", CLAMP (modified->due_days[1], 1, 31) - 1);
    }
  else
    rec_editor_dialog_set_choice (dialog, "due_day", GTK_INVALID_LIST_POSITION);

  update_due_day_subtitle (self);
  frequency_changed_cb (self);
  rec_editor_dialog_validate (dialog);
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

  if (adw_combo_row_get_selected (self->frequency_row) == REC_FREQUENCY_MONTHLY &&
      adw_combo_row_get_selected (self->due_day_row) == GTK_INVALID_LIST_POSITION)
    rec_editor_dialog_set_field_missing (dialog, "due_day",
                                         _("Choose the due day the order sets"));
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
  term->due_day = position_to_due_day (rec_editor_dialog_get_choice (dialog, "due_day"));
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
  adw_combo_row_set_use_subtitle (self->due_day_row, TRUE);
  fill_day_choices (self->due_day_1_row, NULL);
  fill_day_choices (self->due_day_2_row, NULL);
  g_signal_connect_swapped (self->frequency_row, "notify::selected",
                            G_CALLBACK (frequency_changed_cb), self);
  g_signal_connect_swapped (self->due_day_row, "notify::selected",
                            G_CALLBACK (update_due_day_subtitle), self);
  g_signal_connect_swapped (self->due_day_row, "notify::selected",
                            G_CALLBACK (frequency_changed_cb), self);
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
  /* The monthly due day's first choice names the jurisdiction's default. */
  fill_day_choices (self->due_day_row, rec_case_session_get_info (session)->jurisdiction);
  add_fields (self);
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
  kind_changed_cb (self);
  g_signal_connect_swapped (self->kind_row, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);
  update_due_day_subtitle (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), REC_ENTITY (self->term));
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->amount_row));
  return GTK_WINDOW (self);
}

/* rec-letter-dialog.c — Write a Letter…: options checked as they change, the letter written in a thread
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter is composed from an immutable RecReportInput copied here on the
 * main thread (rec_letter_new); the worker only draws and writes it, never
 * touching widgets or the store (STYLE.md §10).
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-letter-dialog.h"

#include "rec-date.h"
#include "rec-letter.h"
#include "rec-report.h"
#include "rec-window-private.h"

#include <glib/gi18n.h>

struct _RecLetterDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  RecWindow      *window;
  RecCaseSession *session;
  char           *message;        /* what stops a letter, or NULL */

  /* Borrowed (children) */
  AdwComboRow    *kind_row;
  AdwComboRow    *lang_row;
  AdwEntryRow    *pay_by_row;
  GtkSwitch      *withhold_switch;
  GtkLabel       *message_label;
  GtkButton      *save_button;

  guint           n_kinds;        /* 1: demand only (outside California) */
};

G_DEFINE_FINAL_TYPE (RecLetterDialog, rec_letter_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  RecLetter *letter;
  char      *path;
} LetterJob;

static void
letter_job_free (gpointer data)
{
  LetterJob *job = data;

  g_clear_pointer (&job->letter, rec_letter_free);
  g_free (job->path);
  g_free (job);
}

/* Options */

static RecLetterKind
selected_kind (RecLetterDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? REC_LETTER_DELINQUENCY : REC_LETTER_DEMAND;
}

static const char *
selected_language (RecLetterDialog *self)
{
  const char * const *langs = rec_report_get_languages ();
  guint lang = adw_combo_row_get_selected (self->lang_row);

  return lang < g_strv_length ((char **) langs) ? langs[lang] : "en";
}

/* The typed date to pay by; FALSE when it is not a date. */
static gboolean
parse_pay_by (RecLetterDialog *self,
              GDate           *out_pay_by)
{
  return rec_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (self->pay_by_row)), out_pay_by, NULL);
}

static void
show_message (RecLetterDialog *self,
              char            *message,
              gboolean         is_error)
{
  g_free (self->message);
  self->message = message;
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), message == NULL);
}

/* Why rec_letter_check() refused, as one whole sentence for each reason
 * (its dates as it writes them); any other error as it says it. */
static char *
refusal_text (const GError           *error,
              const RecArrearsResult *result,
              const GDate            *pay_by)
{
  g_autofree char *as_of = rec_date_format (&result->as_of);

  if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOTHING_OWED))
    /* Translators: in Write a Letter; %s is a date */
    return g_strdup_printf (_("Nothing is owed as of %s, so there is no letter to write."), as_of);
  if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_CALIFORNIA))
    return g_strdup (_("A notice of delinquency is a California form, so there is no letter to write."));
  if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_DELINQUENT))
    {
      int days = MAX (result->days_delinquent, 0);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: in Write a Letter; %s is a date, %d a number of days */
                                           "A notice of delinquency needs support more than 30 days late; "
                                           "as of %s it is %d day late, so there is no letter to write.",
                                           "A notice of delinquency needs support more than 30 days late; "
                                           "as of %s it is %d days late, so there is no letter to write.",
                                           (gulong) days),
                              as_of, days);
    }
  if (g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_PAY_BY) && rec_date_is_set (pay_by))
    {
      g_autofree char *date = rec_date_format (pay_by);

      /* Translators: in Write a Letter; the first %s is the date to pay by, the second the date the amounts are computed for */
      return g_strdup_printf (_("The date to pay by, %s, is before the date of the amounts, %s, so there is "
                                "no letter to write."), date, as_of);
    }
  return g_strdup (error->message);
}

/* Whether the options make a letter: the engine's figures, the kind, the
 * date; says what is wrong otherwise. */
static void
update_state (RecLetterDialog *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  RecLetterKind kind = selected_kind (self);
  g_autoptr(GError) error = NULL;
  GDate pay_by;
  gboolean date_valid;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pay_by_row), kind == REC_LETTER_DEMAND);
  g_date_clear (&pay_by, 1);
  date_valid = kind != REC_LETTER_DEMAND || parse_pay_by (self, &pay_by);
  if (date_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->pay_by_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->pay_by_row), "error");

  if (result == NULL)
    show_message (self, g_strdup (_("The figures cannot be computed, so there is no letter to write.")), TRUE);
  else if (!rec_letter_check (info->jurisdiction, result, kind, &pay_by, &error))
    show_message (self, refusal_text (error, result, &pay_by),
                  !g_error_matches (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOTHING_OWED));
  else if (!date_valid)
    {
      g_autofree char *hint = rec_date_format_hint ();

      /* Translators: %s is the form of a date, as MM/DD/YYYY */
      show_message (self, g_strdup_printf (_("Enter the date to pay by as %s"), hint), TRUE);
    }
  else
    show_message (self, NULL, FALSE);
}

static void
option_changed_cb (GObject         *object,
                   GParamSpec      *pspec,
                   RecLetterDialog *self)
{
  update_state (self);
}

static void
pay_by_changed_cb (GtkEditable     *editable,
                   RecLetterDialog *self)
{
  update_state (self);
}

/* Writing */

static void
letter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LetterJob *job = task_data;
  GError *error = NULL;

  if (!rec_letter_write (job->letter, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
letter_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RecWindow *window = REC_WINDOW (source);
  LetterJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("The letter could not be written: %s", error->message);
      rec_window_add_toast (window, adw_toast_new (_("Could not write the letter")));
      return;
    }

  toast = adw_toast_new (_("Letter saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-packet");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  rec_window_add_toast (window, toast);
}

/* The letter composed now, on the main thread, from the session's case. */
static RecLetter *
compose_letter (RecLetterDialog  *self,
                GError          **error)
{
  const RecCaseData *data = rec_case_session_get_data (self->session);
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  RecReportInput *input;
  GDate pay_by;

  g_date_clear (&pay_by, 1);
  if (selected_kind (self) == REC_LETTER_DEMAND)
    parse_pay_by (self, &pay_by);
  input = rec_report_input_new (data, result, selected_language (self),
                                rec_report_default_paper (data->info->jurisdiction), NULL);
  rec_report_input_set_rules (input, rec_case_session_get_rules (self->session));
  rec_report_input_set_withhold_address (input, gtk_switch_get_active (self->withhold_switch));
  return rec_letter_new (input, selected_kind (self), &pay_by, error);
}

static void
start_writing (RecLetterDialog *self,
               const char      *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RecLetter *letter;
  LetterJob *job;

  update_state (self);
  if (self->message != NULL)
    return;
  letter = compose_letter (self, &error);
  if (letter == NULL)
    {
      show_message (self, g_strdup (error->message), TRUE);
      return;
    }

  job = g_new0 (LetterJob, 1);
  job->letter = letter;
  job->path = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);
  task = g_task_new (self->window, NULL, letter_done_cb, NULL);
  g_task_set_source_tag (task, start_writing);
  g_task_set_task_data (task, job, letter_job_free);
  g_task_run_in_thread (task, letter_thread);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RecLetterDialog *self)
{
  /* The dialog may have been closed (Escape) while the chooser was open. */
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        start_writing (self, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (GtkButton       *button,
                 RecLetterDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = rec_letter_dialog_dup_file_name (self);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  chooser = gtk_file_chooser_native_new (_("Save Letter"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (GtkButton       *button,
                   RecLetterDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Building */

static AdwComboRow *
combo_row (const char  *title,
           GtkStringList *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (items));
  return row;
}

static AdwComboRow *
kind_row_new (RecLetterDialog *self)
{
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwComboRow *row;

  gtk_string_list_append (kinds, _("Demand letter"));
  if (rec_letter_kind_is_available (REC_LETTER_DELINQUENCY, info->jurisdiction))
    gtk_string_list_append (kinds, _("Notice of delinquency (attachment to form FL-485)"));
  self->n_kinds = g_list_model_get_n_items (G_LIST_MODEL (kinds));
  row = combo_row (_("Kind of letter"), kinds);
  if (self->n_kinds == 1)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("A notice of delinquency is a California form"));
      /* At 360 px the note wraps instead of cutting the kind shown. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }
  return row;
}

static AdwComboRow *
language_row_new (RecLetterDialog *self)
{
  const char * const *ids = rec_report_get_languages ();
  const char *lang = _rec_window_packet_language (self->window);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  AdwComboRow *row;
  guint selected = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (langs, _rec_window_language_autonym (ids[i]));
      if (g_str_equal (ids[i], lang))
        selected = i;
    }
  row = combo_row (_("Language"), langs);
  adw_combo_row_set_selected (row, selected);
  return row;
}

static AdwEntryRow *
pay_by_row_new (RecLetterDialog *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_autofree char *hint = rec_date_format_hint ();
  g_autofree char *text = NULL;
  GDate today;
  GDate pay_by;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Pay by"));
  /* Translators: %s is the form of a date in this language, as MM/DD/YYYY */
  text = g_strdup_printf (_("Type the date as %s or YYYY-MM-DD"), hint);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), text);
  g_clear_pointer (&text, g_free);
  rec_date_set_today (&today);
  rec_letter_default_pay_by (result != NULL ? &result->as_of : &today, &today, &pay_by);
  text = rec_date_format (&pay_by);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static GtkWidget *
withhold_row_new (RecLetterDialog *self)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Leave my address out"));
  adw_action_row_set_subtitle (row, _("Your address and phone are replaced by “Withheld”"));
  self->withhold_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->withhold_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->withhold_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Leave my address out"), -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (self->withhold_switch));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->withhold_switch));
  return GTK_WIDGET (row);
}

static GtkWidget *
header_new (RecLetterDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *title = gtk_label_new (_("Write a Letter"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save Letter…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  /* A long title wraps to a second line at 360 px instead of being cut. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_widget_add_css_class (title, "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  return header;
}

static GtkWidget *
options_group_new (RecLetterDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A businesslike letter to the paying parent: what is owed, "
                                           "split into support and interest, the unpaid months and a "
                                           "date to pay by."));
  self->kind_row = kind_row_new (self);
  self->lang_row = language_row_new (self);
  self->pay_by_row = pay_by_row_new (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->lang_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pay_by_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), withhold_row_new (self));
  return group;
}

static GtkWidget *
notes_group_new (RecLetterDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *note = gtk_label_new (_("Recourse computes the figures from the records in this case "
                                     "file: check them before you send the letter. Informational, "
                                     "not legal advice."));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_label));
  gtk_box_append (GTK_BOX (box), note);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static void
build (RecLetterDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  gtk_box_append (GTK_BOX (content), header_new (self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (options_group_new (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (notes_group_new (self)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect (self->pay_by_row, "changed", G_CALLBACK (pay_by_changed_cb), self);
  update_state (self);
}

/* GObject */

static void
rec_letter_dialog_dispose (GObject *object)
{
  RecLetterDialog *self = REC_LETTER_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (rec_letter_dialog_parent_class)->dispose (object);
}

static void
rec_letter_dialog_finalize (GObject *object)
{
  RecLetterDialog *self = REC_LETTER_DIALOG (object);

  g_free (self->message);

  G_OBJECT_CLASS (rec_letter_dialog_parent_class)->finalize (object);
}

static void
rec_letter_dialog_class_init (RecLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_letter_dialog_dispose;
  object_class->finalize = rec_letter_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rec_letter_dialog_init (RecLetterDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Write a Letter"));
}

/* Public API */

RecLetterDialog *
rec_letter_dialog_new (RecWindow *window)
{
  RecLetterDialog *self;

  g_return_val_if_fail (REC_IS_WINDOW (window), NULL);
  g_return_val_if_fail (rec_window_get_session (window) != NULL, NULL);

  self = g_object_new (REC_TYPE_LETTER_DIALOG, NULL);
  self->window = g_object_ref (window);
  self->session = g_object_ref (rec_window_get_session (window));
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (window));
  build (self);
  return self;
}

AdwComboRow *
rec_letter_dialog_get_kind_row (RecLetterDialog *self)
{
  return self->kind_row;
}

AdwComboRow *
rec_letter_dialog_get_language_row (RecLetterDialog *self)
{
  return self->lang_row;
}

AdwEntryRow *
rec_letter_dialog_get_pay_by_row (RecLetterDialog *self)
{
  return self->pay_by_row;
}

GtkSwitch *
rec_letter_dialog_get_withhold_switch (RecLetterDialog *self)
{
  return self->withhold_switch;
}

gboolean
rec_letter_dialog_can_save (RecLetterDialog *self)
{
  return self->message == NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}

const char *
rec_letter_dialog_get_message (RecLetterDialog *self)
{
  return self->message;
}

char *
rec_letter_dialog_dup_file_name (RecLetterDialog *self)
{
  char day[16];
  GDate today;

  rec_date_set_today (&today);
  rec_date_to_iso_buf (&today, day);
  if (selected_kind (self) == REC_LETTER_DELINQUENCY)
    /* Translators: the suggested file name of a letter; %s is today's date (2026-12-02) */
    return g_strdup_printf (_("Notice of delinquency %s.pdf"), day);
  /* Translators: the suggested file name of a letter; %s is today's date (2026-12-02) */
  return g_strdup_printf (_("Demand letter %s.pdf"), day);
}

void
rec_letter_dialog_save_to (RecLetterDialog *self,
                           const char      *path)
{
  g_return_if_fail (REC_IS_LETTER_DIALOG (self));

  start_writing (self, path);
}

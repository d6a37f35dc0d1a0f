/* rec-window-export.c — Export Case Packet: the packet's options, a file, written in a thread
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packet is rendered from an immutable RecReportInput copied here on the
 * main thread; the worker never touches widgets, the store or GSettings
 * (STYLE.md §10).
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-window-private.h"

#include "rec-pages-private.h"
#include "rec-date.h"
#include "rec-report.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  RecReportInput *input;
  char           *path;
  char           *verify_path;  /* the case, when its verification is not done yet */
  guint           pages;        /* of the packet written, for its history entry */
  char            sha256[65];
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->input, rec_report_input_free);
  g_free (job->path);
  g_free (job->verify_path);
  g_free (job);
}

/* Any thread: a packet of a case whose verification was not done when it was
 * asked for is flagged here if the case turns out altered. */
void
_rec_window_flag_if_altered (RecReportInput *input,
                             const char     *case_path)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RecStoreVerifyResult result = { 0 };

  if (case_path == NULL || rec_store_verify_file_result (case_path, report, &result, &error))
    return;
  g_debug ("Verify before the packet: %s", error != NULL ? error->message : "");
  rec_report_input_set_history_altered (input, result.problems > 0);
}

void
_rec_window_packet_sha256 (const guint8 *data,
                           gsize         size,
                           char          out[65])
{
  rec_sha256_hex (data, size, out);
}

/* Main thread: the packet's `packet` entry (spec/evidence.md §2), as
 * `recourse report` writes it; a read-only case cannot take it (the options
 * dialog said so), a case without a history has none to take. */
void
_rec_window_record_packet (RecWindow   *self,
                           const GDate *as_of,
                           guint        pages,
                           const char  *sha256)
{
  g_autoptr(GError) error = NULL;
  char day[11];

  if (self->session == NULL || rec_case_session_get_read_only (self->session))
    return;
  rec_date_to_iso_buf (as_of, day);
  if (!rec_case_session_record_packet (self->session, day, (int) pages, sha256, &error))
    {
      g_debug ("Packet not recorded: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (_("The packet was made, but the case’s history "
                                                   "could not record it")));
    }
}

/* The header bar's spinner turns while a packet is made, for Export or Print. */
void
_rec_window_set_busy (RecWindow *self)
{
  if (self->case_view != NULL)
    rec_case_view_set_exporting (self->case_view, self->exporting || self->printing);
  _rec_window_update_actions (self);
}

static void
set_exporting (RecWindow *self,
               gboolean   exporting)
{
  self->exporting = exporting;
  _rec_window_set_busy (self);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GMappedFile) written = NULL;

  _rec_window_flag_if_altered (job->input, job->verify_path);
  if (!rec_report_write_counted (job->input, job->path, &job->pages, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The SHA-256 of the file as written, for `recourse verify --packet`. */
  written = g_mapped_file_new (job->path, FALSE, &error);
  if (written == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _rec_window_packet_sha256 ((const guint8 *) g_mapped_file_get_contents (written),
                             g_mapped_file_get_length (written), job->sha256);
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RecWindow *self = REC_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  /* The window was closed meanwhile (dispose cancels and clears its own
   * cancellable, so ask the task's). */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_exporting (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Export failed: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (_("Could not write the case packet")));
      return;
    }

  if (job->input->fingerprint != NULL)
    _rec_window_record_packet (self, &job->input->as_of, job->pages, job->sha256);
  toast = adw_toast_new (_("Case packet exported"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-packet");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  rec_window_add_toast (self, toast);
}

/* The language the window itself speaks, when a packet can be made in it. */
static const char *
ui_packet_language (void)
{
  const char * const *names = g_get_language_names ();
  const char * const *langs = rec_report_get_languages ();

  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; langs[j] != NULL; j++)
      if (g_str_has_prefix (names[i], langs[j])
          && (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.'))
        return langs[j];
  return "en";
}

/* The language of the next packet or letter: the last chosen in this window,
 * else the UI's. */
const char *
_rec_window_packet_language (RecWindow *self)
{
  return self->packet.chosen ? self->packet.lang : ui_packet_language ();
}

/* The options of the next packet: the last ones chosen in this window, else
 * the engine's as-of date (today), the UI's language and the jurisdiction's
 * paper. */
static void
current_options (RecWindow   *self,
                 GDate       *out_as_of,
                 const char **out_lang,
                 RecPdfPaper *out_paper)
{
  const RecCaseData *data = rec_case_session_get_data (self->session);

  if (self->packet.chosen)
    {
      *out_as_of = self->packet.as_of;
      *out_lang = self->packet.lang;
      *out_paper = self->packet.paper;
      return;
    }
  rec_date_set_today (out_as_of);
  *out_lang = ui_packet_language ();
  *out_paper = rec_report_default_paper (data->info->jurisdiction);
}

/* The packet's options, the same for Export and Print (the options dialog's,
 * or its defaults). NULL with a toast when there is no packet to make: the
 * figures cannot be computed for that date, or the language's catalog is
 * missing. */
/* The imported files too large for the case (kept by the user), for the
 * exhibit index, as recourse report lists them. */
static void
add_kept_sources (RecReportInput *input,
                  GPtrArray      *sources)
{
  static const char *const message_formats[] = { "sms", "mbox", "eml", NULL };

  for (guint i = 0; i < sources->len; i++)
    {
      const RecStoreImportSourceInfo *source = g_ptr_array_index (sources, i);

      if (!source->stored && strlen (source->sha256) == 64)
        rec_report_input_add_kept_source (input, source->name, source->sha256, source->size,
                                          source->n_records,
                                          g_strv_contains (message_formats, source->format));
    }
}

RecReportInput *
_rec_window_new_report_input (RecWindow *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  const RecCaseData *data = rec_case_session_get_data (self->session);
  g_autoptr(RecArrearsResult) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *lang;
  RecPdfPaper paper;
  GDate as_of;

  current_options (self, &as_of, &lang, &paper);
  if (!rec_report_language_find (lang, &error))
    {
      g_debug ("No packet: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (error->message));
      return NULL;
    }
  /* The session's result is as of today; another date is computed here. */
  if (result == NULL || rec_date_compare (&result->as_of, &as_of) != 0)
    {
      other = rec_arrears_compute (data, rec_case_session_get_rules (self->session), &as_of,
                                   &error);
      result = other;
    }
  if (result == NULL)
    {
      g_debug ("No packet: %s", error != NULL ? error->message : "no result");
      rec_window_add_toast (self, adw_toast_new (_("The figures cannot be computed, so there "
                                                   "is no packet to make")));
      return NULL;
    }
  /* The exhibits need the documents' bytes, which the session does not read
   * until a packet is made; the fingerprint is the history's as it is now. */
  {
    RecStore *store = rec_case_session_get_store (self->session);
    g_autofree char *fingerprint = NULL;
    g_autoptr(GPtrArray) sources = NULL;
    gint64 entries = 0;
    RecReportInput *input;

    if (!rec_store_load_attachment_data (store, (RecCaseData *) data, &error)
        || !rec_store_get_fingerprint (store, &fingerprint, &entries, &error)
        || (sources = rec_store_load_import_sources (store, &error)) == NULL)
      {
        g_debug ("No packet: %s", error->message);
        rec_window_add_toast (self, adw_toast_new (error->message));
        return NULL;
      }
    input = rec_report_input_new (data, result, lang, paper, NULL);
    /* Never a packet that presents an altered history as one to check. */
    rec_report_input_set_history_altered (input, self->verify_state == REC_VERIFY_ALTERED);
    rec_report_input_set_withhold_address (input, self->packet.withhold_address);
    if (fingerprint != NULL)
      rec_report_input_set_fingerprint (input, fingerprint, (guint64) entries);
    add_kept_sources (input, sources);
    return input;
  }
}

static void
start_export (RecWindow  *self,
              const char *path)
{
  RecReportInput *input = _rec_window_new_report_input (self);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (input == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->input = input;
  job->verify_path = _rec_window_verify_pending_path (self);
  job->path = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, export_job_free);
  /* The header bar's spinner says it is under way; no "Exporting…" toast.
   * libadwaita 1.2 must not be asked to dismiss a toast: one dismissed
   * while its show animation still runs is freed by its hide animation
   * first when the next frame comes late (a dialog opening, a loaded
   * machine), then written to by the show animation's end (use after free
   * in adw_animation_skip; fixed in libadwaita 1.3, 1674ebc9). */
  set_exporting (self, TRUE);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RecWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL && self->session != NULL)
        start_export (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (RecWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  g_autofree char *name = NULL;

  /* Translators: the suggested file name of the PDF; %s is the case title */
  name = g_strdup_printf (_("%s — Case Packet.pdf"), *info->title != '\0' ? info->title
                                                                          : _("Case"));
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Export Case Packet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The options dialog: the as-of date, the language, the paper. */

typedef struct
{
  RecWindow        *window;       /* owned */
  RecPacketPurpose  purpose;
  char             *path;         /* NULL: ask (file chooser, print dialog) */
  AdwEntryRow      *as_of_row;
  AdwComboRow      *lang_row;
  AdwComboRow      *paper_row;
  GtkSwitch        *withhold_switch;
} OptionsDialog;

static void
options_dialog_free (gpointer data)
{
  OptionsDialog *options = data;

  g_clear_object (&options->window);
  g_free (options->path);
  g_free (options);
}

/* The languages by their own names: whoever reads the list may not read the
 * window's language. */
const char *
_rec_window_language_autonym (const char *lang)
{
  if (g_str_equal (lang, "es"))
    return "Español";
  if (g_str_equal (lang, "vi"))
    return "Tiếng Việt";
  if (g_str_equal (lang, "en"))
    return "English";
  return lang;
}

static gboolean
options_parse_as_of (OptionsDialog *options,
                     GDate         *out_as_of)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (options->as_of_row));

  return rec_date_parse_display (text, out_as_of, NULL);
}

static void
as_of_changed_cb (GtkEditable      *editable,
                  AdwMessageDialog *dialog)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");
  GDate as_of;
  gboolean valid = options_parse_as_of (options, &as_of);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  adw_message_dialog_set_response_enabled (dialog, "continue", valid);
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");
  RecWindow *self = options->window;
  const char * const *langs = rec_report_get_languages ();
  guint lang = adw_combo_row_get_selected (options->lang_row);
  GDate as_of;

  g_clear_weak_pointer (&self->options_dialog);
  if (!g_str_equal (response, "continue") || self->session == NULL
      || !options_parse_as_of (options, &as_of))
    return;

  self->packet.chosen = TRUE;
  self->packet.as_of = as_of;
  self->packet.lang = lang < g_strv_length ((char **) langs) ? langs[lang] : "en";
  self->packet.paper = adw_combo_row_get_selected (options->paper_row) == 1 ? REC_PDF_PAPER_A4
                                                                            : REC_PDF_PAPER_LETTER;
  self->packet.withhold_address = gtk_switch_get_active (options->withhold_switch);

  if (options->purpose == REC_PACKET_PRINT)
    _rec_window_print_to (self, options->path);
  else if (options->path != NULL)
    start_export (self, options->path);
  else
    choose_file (self);
}

/* "Leave my address out" (--withhold-address): the receiving parent's
 * address and phone are "Withheld" in the packet. */
static GtkWidget *
withhold_row_new (OptionsDialog *options,
                  gboolean       active)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Leave my address out"));
  options->withhold_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (options->withhold_switch, active);
  gtk_widget_set_valign (GTK_WIDGET (options->withhold_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (options->withhold_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leave my address out"), -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (options->withhold_switch));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (options->withhold_switch));
  return GTK_WIDGET (row);
}

/* What the packet's history entry will be, under the options: a read-only
 * case cannot record it (the packet is made all the same), and a case found
 * altered gets a packet that says so. */
static GtkWidget *
with_history_note (RecWindow *self,
                   GtkWidget *list)
{
  GtkWidget *box;
  GtkWidget *note;
  const char *text = NULL;

  if (self->verify_state == REC_VERIFY_ALTERED)
    text = _("Recourse found changes made outside it: the packet will say so.");
  else if (rec_case_session_get_read_only (self->session))
    text = _("This case file can’t be changed, so its history won’t record this packet.");
  if (text == NULL)
    return list;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  note = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), note);
  return box;
}

/* Asks for the packet's options, then exports (to `path`, or a file the user
 * chooses) or prints (to `path`, or through the print dialog). */
void
_rec_window_ask_packet_options (RecWindow        *self,
                                RecPacketPurpose  purpose,
                                const char       *path)
{
  OptionsDialog *options;
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  const char * const *ids = rec_report_get_languages ();
  g_autofree char *as_of_text = NULL;
  g_autofree char *hint = rec_date_format_hint ();
  const char *lang;
  RecPdfPaper paper;
  GDate as_of;
  guint selected = 0;

  if (self->session == NULL || self->options_dialog != NULL)
    return;

  options = g_new0 (OptionsDialog, 1);
  options->window = g_object_ref (self);
  options->purpose = purpose;
  options->path = g_strdup (path);
  current_options (self, &as_of, &lang, &paper);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       purpose == REC_PACKET_PRINT
                                                       ? _("Print Case Packet")
                                                       : _("Export Case Packet"),
                                                       _("The packet shows the figures as of "
                                                         "this date, in this language, on this "
                                                         "paper.")));

  options->as_of_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (options->as_of_row), _("Figures as of"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (options->as_of_row), hint);
  as_of_text = rec_date_format (&as_of);
  gtk_editable_set_text (GTK_EDITABLE (options->as_of_row), as_of_text);
  adw_entry_row_set_activates_default (options->as_of_row, TRUE);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (langs, _rec_window_language_autonym (ids[i]));
      if (g_str_equal (ids[i], lang))
        selected = i;
    }
  options->lang_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (options->lang_row), _("Language"));
  adw_combo_row_set_model (options->lang_row, G_LIST_MODEL (langs));
  adw_combo_row_set_selected (options->lang_row, selected);

  /* Translators: the paper size (8.5 × 11 in) */
  gtk_string_list_append (papers, C_("paper size", "Letter"));
  /* Translators: the paper size (210 × 297 mm) */
  gtk_string_list_append (papers, C_("paper size", "A4"));
  options->paper_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (options->paper_row), _("Paper"));
  adw_combo_row_set_model (options->paper_row, G_LIST_MODEL (papers));
  adw_combo_row_set_selected (options->paper_row, paper == REC_PDF_PAPER_A4 ? 1 : 0);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (options->as_of_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (options->lang_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (options->paper_row));
  gtk_list_box_append (GTK_LIST_BOX (list), withhold_row_new (options, self->packet.withhold_address));
  adw_message_dialog_set_extra_child (dialog, with_history_note (self, list));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "continue", purpose == REC_PACKET_PRINT ? _("_Print…")
                                                                            : _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rec-options", options, options_dialog_free);
  g_signal_connect (options->as_of_row, "changed", G_CALLBACK (as_of_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (options_response_cb), NULL);
  g_set_weak_pointer (&self->options_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rec_window_export (RecWindow *self)
{
  _rec_window_ask_packet_options (self, REC_PACKET_EXPORT, NULL);
}

/* Straight to `path` with the current options (tests). */
void
_rec_window_export_to (RecWindow  *self,
                       const char *path)
{
  start_export (self, path);
}

AdwEntryRow *
_rec_window_get_options_as_of (GtkWidget *dialog)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");

  return options->as_of_row;
}

AdwComboRow *
_rec_window_get_options_language (GtkWidget *dialog)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");

  return options->lang_row;
}

AdwComboRow *
_rec_window_get_options_paper (GtkWidget *dialog)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");

  return options->paper_row;
}

GtkSwitch *
_rec_window_get_options_withhold (GtkWidget *dialog)
{
  OptionsDialog *options = g_object_get_data (G_OBJECT (dialog), "rec-options");

  return options->withhold_switch;
}

gboolean
_rec_window_is_exporting (RecWindow *self)
{
  return self->exporting;
}

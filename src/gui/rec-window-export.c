/* rec-window-export.c — Export Case Packet: choose a file, write it in a thread
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
#include "rec-report.h"

#include <glib/gi18n.h>

typedef struct
{
  RecReportInput *input;
  char           *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->input, rec_report_input_free);
  g_free (job->path);
  g_free (job);
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

  if (!rec_report_write (job->input, job->path, &error))
    g_task_return_error (task, error);
  else
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

  toast = adw_toast_new (_("Case packet exported"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-packet");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  rec_window_add_toast (self, toast);
}

/* The packet's options, the same for Export and Print: the UI's language,
 * the jurisdiction's paper, the engine's as-of date, prepared today. NULL when
 * the figures cannot be computed. */
RecReportInput *
_rec_window_new_report_input (RecWindow *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  const RecCaseData *data = rec_case_session_get_data (self->session);

  if (result == NULL)
    return NULL;
  return rec_report_input_new (data, result, NULL,
                               rec_report_default_paper (data->info->jurisdiction), NULL);
}

static void
start_export (RecWindow  *self,
              const char *path)
{
  RecReportInput *input = _rec_window_new_report_input (self);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (input == NULL)
    {
      rec_window_add_toast (self, adw_toast_new (_("The figures cannot be computed, so there "
                                                   "is no packet to export")));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->input = input;
  job->path = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, export_job_free);
  set_exporting (self, TRUE);
  rec_window_add_toast (self, adw_toast_new (_("Exporting the case packet…")));
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

void
_rec_window_export (RecWindow *self)
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

void
_rec_window_export_to (RecWindow  *self,
                       const char *path)
{
  start_export (self, path);
}

gboolean
_rec_window_is_exporting (RecWindow *self)
{
  return self->exporting;
}

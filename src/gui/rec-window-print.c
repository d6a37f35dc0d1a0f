/* rec-window-print.c — Print Case Packet: the exported PDF, through poppler
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packet is made exactly as Export makes it (_rec_window_new_report_input,
 * the same drawing as rec_report_write), in a thread, in memory
 * (rec_report_render: the family's data never touches the disk), and poppler
 * loads it from there. The main thread then runs a GtkPrintOperation whose
 * pages, and the print dialog's preview, are the PDF's pages drawn by poppler.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-window-private.h"

#include "rec-pages-private.h"
#include "rec-report.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

typedef struct
{
  RecReportInput *input;
  RecPdfPaper     paper;
  char           *title;
  char           *export_path;   /* NULL: the print dialog */
  char           *verify_path;   /* the case, when its verification is not done yet */
  gboolean        history;       /* the case has a history to record the packet in */
  GDate           as_of;
  guint           pages;
  char            sha256[65];    /* of the packet's PDF bytes */
} PrintJob;

/* What the packet's history entry needs once it is printed (the print
 * dialog may outlive the job). */
typedef struct
{
  RecWindow *window;             /* weak */
  GDate      as_of;
  guint      pages;
  char       sha256[65];
  gboolean   recorded;
} PrintRecord;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->input, rec_report_input_free);
  g_free (job->title);
  g_free (job->export_path);
  g_free (job->verify_path);
  g_free (job);
}

static void
print_record_free (gpointer  data,
                   GClosure *closure)
{
  PrintRecord *record = data;

  g_clear_weak_pointer (&record->window);
  g_free (record);
}

/* A packet printed (or printed to a file) is recorded like one exported;
 * a cancelled print dialog records nothing. */
static void
print_recorded_cb (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result,
                   PrintRecord             *record)
{
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || record->recorded || record->window == NULL)
    return;
  record->recorded = TRUE;
  _rec_window_record_packet (record->window, &record->as_of, record->pages, record->sha256);
}

static void
connect_record (GtkPrintOperation *operation,
                RecWindow         *self,
                const PrintJob    *job)
{
  PrintRecord *record;

  if (!job->history)
    return;
  record = g_new0 (PrintRecord, 1);
  g_set_weak_pointer (&record->window, self);
  record->as_of = job->as_of;
  record->pages = job->pages;
  memcpy (record->sha256, job->sha256, sizeof record->sha256);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_recorded_cb), record,
                         print_record_free, 0);
}

static void
set_printing (RecWindow *self,
              gboolean   printing)
{
  self->printing = printing;
  _rec_window_set_busy (self);
}

static PopplerDocument *
make_document (PrintJob  *job,
               GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;

  _rec_window_flag_if_altered (job->input, job->verify_path);
  bytes = rec_report_render (job->input, error);
  if (bytes == NULL)
    return NULL;
  _rec_window_packet_sha256 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             job->sha256);
  document = poppler_document_new_from_bytes (bytes, NULL, error);
  if (document != NULL)
    job->pages = (guint) poppler_document_get_n_pages (document);
  return document;
}

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PrintJob *job = task_data;
  GError *error = NULL;
  PopplerDocument *document;
  gint64 start = g_get_monotonic_time ();

  document = make_document (job, &error);
  g_debug ("Packet for printing made in %.0f ms",
           (g_get_monotonic_time () - start) / 1000.0);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
document_unref (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PopplerDocument *document = user_data;
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    {
      g_object_unref (page);
      return;
    }

  /* The whole page on the sheet, centred: the packet has its own margins. */
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static void
show_print_error (RecWindow *self,
                  GError    *error)
{
  g_debug ("Printing failed: %s", error != NULL ? error->message : "(no error)");
  rec_window_add_toast (self, adw_toast_new (_("Could not print the case packet")));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RecWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR
      || g_object_get_data (G_OBJECT (operation), "rec-error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "rec-error-shown", GINT_TO_POINTER (TRUE));
  gtk_print_operation_get_error (operation, &error);
  show_print_error (self, error);
}

static void
run_print (RecWindow       *self,
           PrintJob        *job,
           PopplerDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action;
  GtkPrintOperationResult result;

  paper = gtk_paper_size_new (job->paper == REC_PDF_PAPER_A4 ? GTK_PAPER_NAME_A4
                                                             : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job->title);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (document), document_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  connect_record (operation, self, job);

  if (job->export_path != NULL)
    {
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
      gtk_print_operation_set_export_filename (operation, job->export_path);
    }
  else
    {
      action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
      gtk_print_operation_set_allow_async (operation, TRUE);
    }

  /* The operation keeps itself alive while its dialog is open. */
  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      && g_object_get_data (G_OBJECT (operation), "rec-error-shown") == NULL)
    {
      g_object_set_data (G_OBJECT (operation), "rec-error-shown", GINT_TO_POINTER (TRUE));
      show_print_error (self, error);
    }
}

static void
print_made_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RecWindow *self = REC_WINDOW (source);
  PrintJob *job = g_task_get_task_data (G_TASK (result));
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;

  /* The window was closed meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      set_printing (self, FALSE);
      g_debug ("Cannot make the packet for printing: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (_("Could not make the case packet for printing")));
      return;
    }

  run_print (self, job, document);
  g_object_unref (document);
  set_printing (self, FALSE);
}

static void
start_print (RecWindow  *self,
             const char *export_path)
{
  RecReportInput *input;
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  g_autoptr(GTask) task = NULL;
  PrintJob *job;

  if (self->printing)
    return;
  input = _rec_window_new_report_input (self);
  if (input == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->input = input;
  job->paper = input->paper;
  /* Translators: the print job's name; %s is the case title */
  job->title = g_strdup_printf (_("%s — Case Packet"), *info->title != '\0' ? info->title
                                                                             : _("Case"));
  job->export_path = g_strdup (export_path);
  job->verify_path = _rec_window_verify_pending_path (self);
  job->history = input->fingerprint != NULL;
  job->as_of = input->as_of;

  task = g_task_new (self, self->cancellable, print_made_cb, NULL);
  g_task_set_source_tag (task, start_print);
  g_task_set_task_data (task, job, print_job_free);
  set_printing (self, TRUE);
  g_task_run_in_thread (task, print_thread);
}

/* Asks for the packet's options first, as Export does. */
void
_rec_window_print (RecWindow *self)
{
  _rec_window_ask_packet_options (self, REC_PACKET_PRINT, NULL);
}

/* With the current options: to `path` (tests), or NULL: the print dialog. */
void
_rec_window_print_to (RecWindow  *self,
                      const char *path)
{
  if (self->session != NULL)
    start_print (self, path);
}

gboolean
_rec_window_is_printing (RecWindow *self)
{
  return self->printing;
}

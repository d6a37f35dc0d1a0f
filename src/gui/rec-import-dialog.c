/* rec-import-dialog.c — Import Payments… / Import Messages… (spec/import.md §4)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader runs in a GTask thread on copies of what it needs (the path,
 * the obligor's name and e-mail, the user's own address) and reports its
 * progress in permille through an atomic the main thread polls. The rows
 * are the candidates of the one source read; the filter and the duplicates
 * (rec-import.h) are decided again as the filter is typed.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-import-dialog.h"

#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-gui-util.h"

#include <glib/gi18n.h>
#include <string.h>

/* --- One row: a candidate of the source (borrowed; the dialog owns the
 * source). --- */

#define REC_TYPE_IMPORT_ROW (rec_import_row_get_type ())
G_DECLARE_FINAL_TYPE (RecImportRow, rec_import_row, REC, IMPORT_ROW, GObject)

struct _RecImportRow
{
  GObject             parent_instance;
  RecImportCandidate *candidate;
};

G_DEFINE_FINAL_TYPE (RecImportRow, rec_import_row, G_TYPE_OBJECT)

static void
rec_import_row_class_init (RecImportRowClass *klass)
{
}

static void
rec_import_row_init (RecImportRow *self)
{
}

static RecImportRow *
rec_import_row_new (RecImportCandidate *candidate)
{
  RecImportRow *row = g_object_new (REC_TYPE_IMPORT_ROW, NULL);

  row->candidate = candidate;
  return row;
}

/* --- The dialog --- */

/* How often the progress bar follows the reader. */
#define PROGRESS_INTERVAL_MS 100

struct _RecImportDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *add_button;
  GtkStack       *stack;
  AdwStatusPage  *reading_page;
  GtkProgressBar *progress;
  GtkButton      *stop_button;
  AdwStatusPage  *error_page;
  GtkSearchEntry *filter_entry;
  GtkLabel       *summary_label;
  GtkStack       *list_stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;

  /* Owned */
  RecWindow      *window;
  RecCaseSession *session;
  RecImportKind   kind;
  GFile          *file;
  GCancellable   *cancellable;
  GListStore     *rows;          /* RecImportRow shown */
  GPtrArray      *sources;       /* RecImportSource: the one read, once read */
  GHashTable     *unticked;      /* RecImportCandidate the user unticked (a filter
                                  * typed and cleared leaves them so) */
  gint            permille;      /* atomic: the reader's progress, -1 busy unmeasured */
  guint           progress_id;
  gboolean        reading;
  gboolean        pulsing;       /* the bar pulses (permille -1) */
};

G_DEFINE_FINAL_TYPE (RecImportDialog, rec_import_dialog, ADW_TYPE_WINDOW)

static RecImportSource *
the_source (RecImportDialog *self)
{
  return self->sources != NULL && self->sources->len > 0
         ? g_ptr_array_index (self->sources, 0) : NULL;
}

static guint
count_ticked (RecImportDialog *self)
{
  RecImportSource *source = the_source (self);
  guint n = 0;

  for (guint i = 0; source != NULL && i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

      n += candidate->status == REC_IMPORT_NEW && candidate->selected;
    }
  return n;
}

/* "Add 12 Payments", enabled when something is ticked. */
static void
update_add_button (RecImportDialog *self)
{
  guint n = count_ticked (self);
  g_autofree char *label = NULL;

  if (self->kind == REC_IMPORT_KIND_PAYMENTS)
    /* Translators: the import dialog's button; title case */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Payment", "_Add %u Payments", n), n);
  else
    /* Translators: the import dialog's button; title case */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Message", "_Add %u Messages", n), n);
  gtk_button_set_label (self->add_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            n > 0 && !rec_case_session_get_read_only (self->session));
}

/* "12 new · 3 already in the case · 2 rejected" */
static void
update_summary (RecImportDialog *self)
{
  guint added = rec_import_count (self->sources, REC_IMPORT_NEW);
  guint duplicates = rec_import_count (self->sources, REC_IMPORT_DUPLICATE);
  guint rejected = rec_import_count (self->sources, REC_IMPORT_REJECTED);
  g_autofree char *new_text = NULL;
  g_autofree char *duplicate_text = NULL;
  g_autofree char *rejected_text = NULL;
  g_autofree char *text = NULL;

  /* Translators: rows of the file not yet in the case */
  new_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", added), added);
  /* Translators: rows of the file the case holds already */
  duplicate_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the case",
                                                 "%u already in the case", duplicates), duplicates);
  /* Translators: rows that could not be read */
  rejected_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected",
                                                rejected), rejected);
  /* Translators: the three counts of the import dialog, separated */
  text = g_strdup_printf (_("%s · %s · %s"), new_text, duplicate_text, rejected_text);
  gtk_label_set_text (self->summary_label, text);
}

/* Who the archive holds, for the empty state of the messages without a
 * filter: "John Doe, +1 555 010 2030 (312 messages)". */
static char *
correspondents_text (RecImportDialog *self)
{
  g_autoptr(GPtrArray) list = rec_import_list_correspondents (self->sources);
  GString *out = g_string_new (_("Type the phone number or e-mail address of the other parent. "
                                 "This file holds messages with:"));

  for (guint i = 0; i < MIN (list->len, 6); i++)
    {
      RecImportCorrespondent *one = g_ptr_array_index (list, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message",
                                                             "%u messages", one->count),
                                                one->count);

      g_string_append_printf (out, "\n%s%s%s (%s)", one->contact != NULL ? one->contact : "",
                              one->contact != NULL ? ", " : "", one->address, count);
    }
  return g_string_free (out, FALSE);
}

static void
show_empty (RecImportDialog *self,
            const char      *filter)
{
  g_autofree char *description = NULL;

  if (self->kind == REC_IMPORT_KIND_MESSAGES && *filter == '\0')
    {
      description = correspondents_text (self);
      adw_status_page_set_title (self->empty_page, _("Whose Messages?"));
    }
  else if (*filter != '\0')
    {
      /* Translators: %s is what was typed in the filter */
      description = g_strdup_printf (_("Nothing in this file matches “%s”."), filter);
      adw_status_page_set_title (self->empty_page, _("No Matching Rows"));
    }
  else
    {
      description = g_strdup (_("This file holds no money received to add."));
      adw_status_page_set_title (self->empty_page, _("Nothing to Add"));
    }
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* The filter and the duplicates decided again, and the rows they leave. */
static void
refilter (RecImportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  const char *filters[] = { text, NULL };
  RecImportSource *source = the_source (self);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  if (source == NULL)
    return;
  rec_import_source_filter (source, filters);
  rec_import_mark_duplicates (rec_case_session_get_data (self->session), self->sources);
  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

      if (g_hash_table_contains (self->unticked, candidate))
        candidate->selected = FALSE;
      if (candidate->status != REC_IMPORT_NOT_MATCHING)
        g_ptr_array_add (shown, rec_import_row_new (candidate));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       shown->pdata, shown->len);
  update_summary (self);
  update_add_button (self);
  if (shown->len == 0)
    show_empty (self, text);
  else
    gtk_stack_set_visible_child_name (self->list_stack, "rows");
}

static void
filter_changed_cb (GtkSearchEntry  *entry,
                   RecImportDialog *self)
{
  refilter (self);
}

/* --- The cells --- */

typedef enum
{
  CELL_DATE,
  CELL_AMOUNT,
  CELL_WITH,         /* the correspondent */
  CELL_DESCRIPTION,
} CellKind;

/* A column's factory data (freed with the factory, which the dialog owns). */
typedef struct
{
  RecImportDialog *self;
  CellKind         kind;
} Cell;

static char *
cell_text (RecImportDialog    *self,
           RecImportCandidate *candidate,
           CellKind            kind)
{
  RecEntity *record = candidate->record;

  switch (kind)
    {
    case CELL_DATE:
      if (record != NULL && REC_IS_PAYMENT (record))
        return rec_gui_format_date (&REC_PAYMENT (record)->date);
      if (record != NULL && REC_IS_COMMUNICATION (record))
        return rec_timestamp_format (REC_COMMUNICATION (record)->at);
      return g_strdup ("");
    case CELL_AMOUNT:
      if (record != NULL && REC_IS_PAYMENT (record))
        return rec_gui_format_cents (self->session, REC_PAYMENT (record)->amount_cents);
      return g_strdup ("");
    case CELL_WITH:
      {
        const char *who = candidate->contact != NULL && *candidate->contact != '\0'
                          ? candidate->contact
                          : candidate->address != NULL ? candidate->address : "";

        if (record != NULL && REC_IS_COMMUNICATION (record)
            && REC_COMMUNICATION (record)->direction == REC_DIRECTION_SENT)
          /* Translators: a message sent to %s (a name or a number) */
          return g_strdup_printf (C_("import message", "To %s"), who);
        /* Translators: a message received from %s (a name or a number) */
        return g_strdup_printf (C_("import message", "From %s"), who);
      }
    case CELL_DESCRIPTION:
    default:
      if (candidate->status == REC_IMPORT_REJECTED)
        /* Translators: a row that could not be read: "statement.csv:41: why" */
        return g_strdup_printf (_("%s: %s"), candidate->where != NULL ? candidate->where : "",
                                candidate->reason != NULL ? candidate->reason : "");
      return g_strdup (candidate->description != NULL ? candidate->description : "");
    }
}

/* The description cell is a box: the description, which ellipsizes, and
 * after it the "Already in the case" marker, which never does (a long
 * description must not push it out of the row). Other cells are a label. */
static void
label_setup_cb (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                Cell               *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->kind == CELL_AMOUNT ? 1.0 : 0.0);
  if (cell->kind == CELL_DESCRIPTION || cell->kind == CELL_WITH)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (label, "numeric");
  if (cell->kind == CELL_DESCRIPTION)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      /* Translators: the marker after an imported row's description when
       * the case holds that row already */
      GtkWidget *marker = gtk_label_new (_("Already in the case"));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (marker, "dim-label");
      gtk_widget_add_css_class (marker, "caption");
      gtk_widget_add_css_class (marker, "rec-import-duplicate");
      gtk_widget_set_visible (marker, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), marker);
      gtk_list_item_set_child (list_item, box);
      return;
    }
  gtk_list_item_set_child (list_item, label);
}

static void
label_bind_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               Cell               *cell)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  RecImportRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (cell->self, row->candidate, cell->kind);
  gboolean long_text = cell->kind == CELL_DESCRIPTION || cell->kind == CELL_WITH;

  if (GTK_IS_BOX (label))
    {
      GtkWidget *marker = gtk_widget_get_last_child (label);

      gtk_widget_set_visible (marker, row->candidate->status == REC_IMPORT_DUPLICATE);
      label = gtk_widget_get_first_child (label);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, long_text ? text : NULL);
  /* Greyed: already in the case; in the error colour: rejected. */
  if (row->candidate->status == REC_IMPORT_DUPLICATE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (row->candidate->status == REC_IMPORT_REJECTED && cell->kind == CELL_DESCRIPTION)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
set_ticked (RecImportDialog    *self,
            RecImportCandidate *candidate,
            gboolean            ticked)
{
  if (candidate->status != REC_IMPORT_NEW)
    return;
  candidate->selected = ticked;
  if (ticked)
    g_hash_table_remove (self->unticked, candidate);
  else
    g_hash_table_add (self->unticked, candidate);
  update_add_button (self);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GtkListItem    *list_item)
{
  RecImportRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (check), REC_TYPE_IMPORT_DIALOG);

  if (row == NULL || self == NULL)
    return;
  set_ticked (REC_IMPORT_DIALOG (self), row->candidate, gtk_check_button_get_active (check));
}

static void
check_setup_cb (GtkListItemFactory *factory,
                GtkListItem        *list_item,
                gpointer            user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), list_item, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
check_bind_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               gpointer            user_data)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (list_item));
  RecImportRow *row = gtk_list_item_get_item (list_item);
  RecImportCandidate *candidate = row->candidate;
  g_autofree char *name = NULL;

  gtk_check_button_set_active (check, candidate->status == REC_IMPORT_NEW && candidate->selected);
  gtk_widget_set_sensitive (GTK_WIDGET (check), candidate->status == REC_IMPORT_NEW);
  /* Translators: the accessible name of a row's check box; %s is its description */
  name = g_strdup_printf (_("Add “%s”"), candidate->description != NULL ? candidate->description : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_column (RecImportDialog *self,
            const char      *title,
            CellKind         kind,
            gboolean         expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  Cell *cell = g_new0 (Cell, 1);

  cell->self = self;
  cell->kind = kind;
  g_signal_connect_data (factory, "setup", G_CALLBACK (label_setup_cb), cell,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), cell);
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->column_view, column);
}

static void
build_columns (RecImportDialog *self)
{
  g_autoptr(GtkListItemFactory) check = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  gboolean payments = self->kind == REC_IMPORT_KIND_PAYMENTS;

  g_signal_connect (check, "setup", G_CALLBACK (check_setup_cb), NULL);
  g_signal_connect (check, "bind", G_CALLBACK (check_bind_cb), NULL);
  /* Translators: the column of check boxes of the rows to add */
  column = gtk_column_view_column_new (C_("import column", "Add"), g_steal_pointer (&check));
  gtk_column_view_append_column (self->column_view, column);
  add_column (self, C_("import column", "Date"), CELL_DATE, FALSE);
  if (payments)
    add_column (self, C_("import column", "Amount"), CELL_AMOUNT, FALSE);
  else
    add_column (self, C_("import column", "With"), CELL_WITH, FALSE);
  add_column (self, C_("import column", "Description"), CELL_DESCRIPTION, TRUE);
}

/* --- Reading, in a thread --- */

typedef struct
{
  RecImportKind  kind;
  char          *path;
  char          *obligor_name;
  char          *obligor_email;
  char          *me;
  gint          *permille;        /* the dialog's, which the task keeps alive */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job->obligor_name);
  g_free (job->obligor_email);
  g_free (job->me);
  g_free (job);
}

static void
read_progress (gint64   done,
               gint64   total,
               gpointer user_data)
{
  ReadJob *job = user_data;

  if (total > 0)
    g_atomic_int_set (job->permille, (gint) MIN (1000, done * 1000 / total));
  else if (total < 0)
    g_atomic_int_set (job->permille, -1);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  RecImportSource *source;

  if (job->kind == REC_IMPORT_KIND_PAYMENTS)
    {
      RecImportPaymentOptions options = { .method = -1, .obligor_name = job->obligor_name,
                                          .obligor_email = job->obligor_email };

      source = rec_import_read_payments (job->path, &options, read_progress, job, cancellable,
                                         &error);
    }
  else
    {
      RecImportMessageOptions options = { .me = job->me };

      source = rec_import_read_messages (job->path, &options, read_progress, job, cancellable,
                                         &error);
    }
  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) rec_import_source_free);
}

/* The bar follows the reader: a percentage of the file, or a pulse while
 * the reader is in a step it cannot measure (libofx reading a statement in
 * one call), so the dialog never looks frozen. */
static gboolean
progress_tick_cb (gpointer user_data)
{
  RecImportDialog *self = user_data;
  gint permille = g_atomic_int_get (&self->permille);
  g_autofree char *text = NULL;

  if (permille < 0)
    {
      if (!self->pulsing)
        {
          self->pulsing = TRUE;
          gtk_progress_bar_set_show_text (self->progress, FALSE);
          adw_status_page_set_description (self->reading_page,
                                           self->kind == REC_IMPORT_KIND_PAYMENTS
                                           ? _("Reading the statement…") : _("Reading…"));
        }
      gtk_progress_bar_pulse (self->progress);
      return G_SOURCE_CONTINUE;
    }
  if (self->pulsing)
    {
      self->pulsing = FALSE;
      gtk_progress_bar_set_show_text (self->progress, TRUE);
      adw_status_page_set_description (self->reading_page, _("Reading…"));
    }
  text = g_strdup_printf ("%d %%", permille / 10);
  gtk_progress_bar_set_fraction (self->progress, permille / 1000.0);
  gtk_progress_bar_set_text (self->progress, text);
  return G_SOURCE_CONTINUE;
}

/* Why the file cannot be imported, for the error page. The readers' text
 * names the file (spec §1); the one hint that is the command line's (a
 * statement without a header row: --columns, which the window has not)
 * says so. */
static char *
error_text (RecImportDialog *self,
            const GError    *error)
{
  g_autofree char *name = NULL;

  if (!g_error_matches (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT)
      || strstr (error->message, "--columns") == NULL)
    return g_strdup (error->message);
  name = g_file_get_basename (self->file);
  /* Translators: the import dialog's error page; the words up to the colon
   * are spec/import.md's; the command and its option stay as they are */
  return g_strdup_printf (_("“%s” is not a bank statement, OFX file, SMS backup or mailbox: no "
                            "row names a date and an amount column. A statement without such "
                            "a header row can be imported with “recourse import-payments "
                            "--columns”."), name);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RecImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  RecImportSource *source = g_task_propagate_pointer (G_TASK (result), &error);

  self->reading = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (source == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED))
        return;
      g_autofree char *text = error_text (self, error);

      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_ptr_array_add (self->sources, source);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refilter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
start_reading (RecImportDialog *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  ReadJob *job = g_new0 (ReadJob, 1);
  g_autofree char *name = g_file_get_basename (self->file);

  job->kind = self->kind;
  job->path = g_file_get_path (self->file);
  job->obligor_name = g_strdup (info->obligor.name);
  job->obligor_email = g_strdup (info->obligor.email);
  job->me = g_strdup (info->obligee.email);
  job->permille = &self->permille;
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);

  adw_status_page_set_title (self->reading_page, name);
  adw_status_page_set_description (self->reading_page, _("Reading…"));
  gtk_stack_set_visible_child_name (self->stack, "reading");
  self->reading = TRUE;
  self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick_cb, self);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                               /* Translators: %s is a file name */
                               _("“%s” is not a file on this computer"), name);
      return;
    }
  g_task_run_in_thread (task, read_thread);
}

static void
stop_clicked_cb (GtkButton       *button,
                 RecImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

/* --- Adding --- */

static gboolean
add_rows (RecImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (!rec_case_session_import (self->session, self->sources, &added, &error))
    {
      g_debug ("Import failed: %s", error->message);
      /* Translators: %s says why the case could not be written */
      message = g_strdup_printf (_("Nothing was added: %s"), error->message);
      gtk_label_set_text (self->summary_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return FALSE;
    }
  if (self->kind == REC_IMPORT_KIND_PAYMENTS)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment added",
                                            "%u payments added", added), added);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message added",
                                            "%u messages added", added), added);
  /* The toast's Undo takes the whole import back (one change). */
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-undo-toast", "s", message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
add_clicked_cb (GtkButton       *button,
                RecImportDialog *self)
{
  /* Adding may close the dialog: it stays alive until the call is done. */
  g_object_ref (self);
  (void) add_rows (self);
  g_object_unref (self);
}

/* --- The type --- */

static void
rec_import_dialog_dispose (GObject *object)
{
  RecImportDialog *self = REC_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (rec_import_dialog_parent_class)->dispose (object);
}

static void
rec_import_dialog_finalize (GObject *object)
{
  RecImportDialog *self = REC_IMPORT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->unticked, g_hash_table_unref);

  G_OBJECT_CLASS (rec_import_dialog_parent_class)->finalize (object);
}

static void
rec_import_dialog_class_init (RecImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_import_dialog_dispose;
  object_class->finalize = rec_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, reading_page);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, RecImportDialog, empty_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rec_import_dialog_init (RecImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (REC_TYPE_IMPORT_ROW);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);
  self->unticked = g_hash_table_new (NULL, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->filter_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect (self->stop_button, "clicked", G_CALLBACK (stop_clicked_cb), self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
}

RecImportDialog *
rec_import_dialog_new (RecWindow     *window,
                       RecImportKind  kind,
                       GFile         *file)
{
  RecImportDialog *self;
  RecCaseSession *session;
  gboolean payments = kind == REC_IMPORT_KIND_PAYMENTS;

  g_return_val_if_fail (REC_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  session = rec_window_get_session (window);
  g_return_val_if_fail (session != NULL, NULL);

  self = g_object_new (REC_TYPE_IMPORT_DIALOG, "transient-for", window,
                       "title", payments ? _("Import Payments") : _("Import Messages"), NULL);
  self->window = g_object_ref (window);
  self->session = g_object_ref (session);
  self->kind = kind;
  self->file = g_object_ref (file);
  /* GTK 4.8 has the property, not its setter (4.10). */
  g_object_set (self->filter_entry, "placeholder-text",
                payments ? _("Only rows whose description has…")
                         : _("Phone number or e-mail address"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  payments ? _("Filter by description")
                                           : _("Correspondent"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  payments ? _("Payments found") : _("Messages found"), -1);
  build_columns (self);
  update_add_button (self);
  start_reading (self);
  return self;
}

/* --- Choosing a file, dropping one --- */

typedef struct
{
  RecWindow     *window;
  RecImportKind  kind;
} ChooseJob;

static void
choose_response_cb (GtkNativeDialog *native,
                    int              response,
                    ChooseJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && rec_window_get_session (job->window) != NULL)
    gtk_window_present (GTK_WINDOW (rec_import_dialog_new (job->window, job->kind, file)));
  g_object_unref (job->window);
  g_free (job);
  g_object_unref (native);
}

static void
add_file_filter (GtkFileChooser     *chooser,
                 const char         *name,
                 const char *const  *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
rec_import_dialog_choose (RecWindow     *window,
                          RecImportKind  kind)
{
  static const char *const statements[] = { "*.csv", "*.CSV", "*.ofx", "*.OFX", "*.qfx", "*.QFX",
                                            "*.txt", NULL };
  static const char *const archives[] = { "*.xml", "*.XML", "*.mbox", "*.eml", "*.EML", NULL };
  static const char *const all[] = { "*", NULL };
  gboolean payments = kind == REC_IMPORT_KIND_PAYMENTS;
  GtkFileChooserNative *native;
  ChooseJob *job;

  g_return_if_fail (REC_IS_WINDOW (window));

  native = gtk_file_chooser_native_new (payments ? _("Import Payments") : _("Import Messages"),
                                        GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filter (GTK_FILE_CHOOSER (native),
                   payments ? _("Statements (CSV, OFX, QFX)")
                            : _("SMS backups and mail (XML, mbox, EML)"),
                   payments ? statements : archives);
  add_file_filter (GTK_FILE_CHOOSER (native), _("All files"), all);
  job = g_new0 (ChooseJob, 1);
  job->window = g_object_ref (window);
  job->kind = kind;
  g_signal_connect (native, "response", G_CALLBACK (choose_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A file list dropped on the page (what a file manager drags is
 * text/uri-list, which GTK hands over as a GdkFileList): one file opens the
 * dialog for it, through the page's import action with its URI; several
 * are refused with a toast that says why (the dialog reads one file). */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       kind)
{
  GtkWidget *page = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GSList *files;
  guint n;
  g_autofree char *uri = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || g_value_get_boxed (value) == NULL)
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  n = g_slist_length (files);
  if (n == 1)
    uri = g_file_get_uri (files->data);
  g_slist_free (files);
  if (n == 0)
    return FALSE;
  if (n > 1)
    {
      /* Translators: a toast; several files were dropped on the Payments or
       * Communications page, which imports one at a time */
      gtk_widget_activate_action (page, "win.show-toast", "s",
                                  _("Drop one file at a time: the import reads one file"));
      return FALSE;
    }
  gtk_widget_activate_action (page, GPOINTER_TO_INT (kind) == REC_IMPORT_KIND_PAYMENTS
                                    ? "win.import-payments" : "win.import-messages",
                              "s", uri);
  return TRUE;
}

void
rec_import_add_drop_target (GtkWidget     *page,
                            RecImportKind  kind)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_return_if_fail (GTK_IS_WIDGET (page));

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), GINT_TO_POINTER (kind));
  gtk_widget_add_controller (page, GTK_EVENT_CONTROLLER (target));
}

/* --- Tests --- */

gboolean
rec_import_dialog_wait_read (RecImportDialog *self)
{
  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), FALSE);

  while (self->reading)
    g_main_context_iteration (NULL, TRUE);
  return the_source (self) != NULL;
}

const char *
rec_import_dialog_get_error (RecImportDialog *self)
{
  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0)
    return NULL;
  return adw_status_page_get_description (self->error_page);
}

guint
rec_import_dialog_get_n_rows (RecImportDialog *self)
{
  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

RecImportCandidate *
rec_import_dialog_get_row (RecImportDialog *self,
                           guint            position)
{
  g_autoptr(RecImportRow) row = NULL;

  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row != NULL ? row->candidate : NULL;
}

void
rec_import_dialog_set_ticked (RecImportDialog *self,
                              guint            position,
                              gboolean         ticked)
{
  RecImportCandidate *candidate = rec_import_dialog_get_row (self, position);

  g_return_if_fail (candidate != NULL);

  set_ticked (self, candidate, ticked);
  /* The row's check box shows it again. */
  g_list_model_items_changed (G_LIST_MODEL (self->rows), position, 1, 1);
}

void
rec_import_dialog_set_filter (RecImportDialog *self,
                              const char      *text)
{
  g_return_if_fail (REC_IS_IMPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text);
  refilter (self);
}

const char *
rec_import_dialog_get_add_label (RecImportDialog *self)
{
  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), NULL);

  return gtk_button_get_label (self->add_button);
}

gboolean
rec_import_dialog_add (RecImportDialog *self)
{
  g_return_val_if_fail (REC_IS_IMPORT_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return FALSE;
  return add_rows (self);
}

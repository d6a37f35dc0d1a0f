/* rec-log-page.c — the communication log, searchable as you type
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-log-page.h"

#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-evidence-group.h"
#include "rec-gui-util.h"
#include "rec-import-dialog.h"
#include "rec-pages-private.h"

#include <glib/gi18n.h>
#include <string.h>

struct _RecLogPage
{
  RecPage              parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *channel_column;
  GtkColumnViewColumn *direction_column;
  GtkColumnViewColumn *with_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *summary_column;
  GtkColumnViewColumn *follow_up_column;
  GtkColumnViewColumn *evidence_column;  /* the paperclip: documents proving it */

  /* Owned */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *search_filter;
  GtkSingleSelection  *selection;
  char                *needle;       /* casefolded search text, NULL for none */
  GObject             *added;        /* a communication just added, to show once sorted */
};

G_DEFINE_FINAL_TYPE (RecLogPage, rec_log_page, REC_TYPE_PAGE)

static RecCaseSession *
session_of (RecLogPage *self)
{
  return rec_page_get_session (REC_PAGE (self));
}

/* The time of a contact in local time, four-digit year; the time as it was
 * recorded, with its offset, follows only when that offset is not the one the
 * system's zone has on that date (rec_timestamp_offset_is_local(): recorded
 * while travelling, or imported). The stored text keeps its offset: the local
 * time of a call is evidence (STYLE.md §7). */
static char *
when_text (GObject  *object,
           gpointer  user_data)
{
  RecCommunication *communication = REC_COMMUNICATION (object);
  char *shown = rec_timestamp_format (communication->at);

  return shown != NULL ? shown : g_strdup (communication->at);
}

static char *
channel_text (GObject  *object,
              gpointer  user_data)
{
  return g_strdup (rec_channel_label (REC_COMMUNICATION (object)->channel));
}

static char *
direction_text (GObject  *object,
                gpointer  user_data)
{
  return g_strdup (rec_direction_label (REC_COMMUNICATION (object)->direction));
}

static char *
with_text (GObject  *object,
           gpointer  user_data)
{
  return g_strdup (REC_COMMUNICATION (object)->with);
}

static char *
subject_text (GObject  *object,
              gpointer  user_data)
{
  return g_strdup (REC_COMMUNICATION (object)->subject);
}

/* One line of the summary: the cell ellipsizes, the tooltip shows it all. */
static char *
summary_text (GObject  *object,
              gpointer  user_data)
{
  return g_strdelimit (g_strdup (REC_COMMUNICATION (object)->summary), "\n\r", ' ');
}

static char *
follow_up_text (GObject  *object,
                gpointer  user_data)
{
  RecCommunication *communication = REC_COMMUNICATION (object);

  if (!g_date_valid (&communication->follow_up))
    return NULL;
  return rec_gui_format_date (&communication->follow_up);
}

static int
compare_when (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 at_a = ((const RecCommunication *) a)->at_unix;
  gint64 at_b = ((const RecCommunication *) b)->at_unix;

  return (at_a > at_b) - (at_a < at_b);
}

static int
compare_follow_up (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return rec_date_compare (&((const RecCommunication *) a)->follow_up,
                           &((const RecCommunication *) b)->follow_up);
}

static gboolean
contains_needle (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  RecLogPage *self = user_data;
  RecCommunication *communication = item;

  if (self->needle == NULL)
    return TRUE;
  return contains_needle (communication->with, self->needle)
         || contains_needle (communication->subject, self->needle)
         || contains_needle (communication->summary, self->needle)
         || contains_needle (rec_channel_label (communication->channel), self->needle);
}

static void
set_column (GtkColumnViewColumn *column,
            RecCellTextFunc      func,
            RecCellFlags         flags,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkListItemFactory) factory = rec_gui_label_factory_new (func, NULL, flags);

  gtk_column_view_column_set_factory (column, factory);
  if (compare != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
    }
}

/* A row is the communication itself. */
static GObject *
evidence_record_of (GObject *item)
{
  return item;
}

static void
attachments_changed_cb (RecLogPage *self)
{
  rec_evidence_column_refresh (self->evidence_column);
}

static void
setup_columns (RecLogPage *self)
{
  set_column (self->when_column, when_text, REC_CELL_TABULAR, compare_when);
  set_column (self->channel_column, channel_text, 0, NULL);
  set_column (self->direction_column, direction_text, 0, NULL);
  set_column (self->with_column, with_text, REC_CELL_ELLIPSIZE, NULL);
  set_column (self->subject_column, subject_text, REC_CELL_ELLIPSIZE, NULL);
  set_column (self->summary_column, summary_text, REC_CELL_ELLIPSIZE | REC_CELL_DIM, NULL);
  set_column (self->follow_up_column, follow_up_text, REC_CELL_TABULAR, compare_follow_up);
  gtk_column_view_sort_by_column (self->column_view, self->when_column, GTK_SORT_DESCENDING);
  self->evidence_column = rec_evidence_column_new (REC_PAGE (self), evidence_record_of);
  gtk_column_view_insert_column (self->column_view, 5, self->evidence_column);
}

/* A case that cannot be written is shown, not edited. */
static gboolean
is_editable (RecLogPage *self)
{
  RecCaseSession *session = session_of (self);

  return session != NULL && !rec_case_session_get_read_only (session);
}

static void
update_state (RecLogPage *self)
{
  RecCaseSession *session = session_of (self);
  gboolean has_any = session != NULL
                     && g_list_model_get_n_items (rec_case_session_get_communications (session)) > 0;
  gboolean has_results = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  gboolean editable = is_editable (self);

  gtk_stack_set_visible_child_name (self->stack, has_any ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, has_results ? "results" : "no-results");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.edit", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.delete", editable && selected);
}

static void
edit_communication (RecLogPage       *self,
                    RecCommunication *communication)
{
  gtk_window_present (rec_communication_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                    session_of (self), communication));
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   RecLogPage     *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape clears the search (and shows every communication again). */
static void
stop_search_cb (GtkSearchEntry *entry,
                RecLogPage     *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  search_changed_cb (entry, self);
}

/* A communication just added is selected and scrolled to, wherever the
 * sort puts it (nothing if the search hides it). */
static void
communications_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           RecLogPage *self)
{
  _rec_page_note_added (&self->added, model, position, removed, added);
}

static void
show_added (RecLogPage *self)
{
  g_autoptr(GObject) added = g_steal_pointer (&self->added);
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (row == added)
        {
          _rec_column_view_show_row (self->column_view, self->selection, i);
          return;
        }
    }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  RecLogPage *self)
{
  if (self->added != NULL)
    show_added (self);
  update_state (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      RecLogPage         *self)
{
  update_state (self);
}

static void
column_view_activate_cb (GtkColumnView *view,
                         guint          position,
                         RecLogPage    *self)
{
  g_autoptr(RecCommunication) communication = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                     position);

  if (communication != NULL && is_editable (self))
    edit_communication (self, communication);
}

static void
log_add_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RecLogPage *self = REC_LOG_PAGE (widget);

  edit_communication (self, NULL);
}

static void
log_edit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RecLogPage *self = REC_LOG_PAGE (widget);
  RecCommunication *communication = gtk_single_selection_get_selected_item (self->selection);

  if (communication != NULL)
    edit_communication (self, communication);
}

static void
log_delete_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RecLogPage *self = REC_LOG_PAGE (widget);
  RecCommunication *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) communication = NULL;

  if (selected == NULL)
    return;
  communication = g_object_ref (G_OBJECT (selected));
  rec_gui_delete_with_undo (widget, session_of (self), communication, _("Communication deleted"));
}

/* Sorting thousands of contacts waits until the page is first shown or the
 * window is idle (RecPage), so opening a case does not wait for a hidden
 * page. The list models are live: an edit needs no refresh. */
static void
rec_log_page_load (RecPage *page)
{
  RecLogPage *self = REC_LOG_PAGE (page);
  GListModel *communications = rec_case_session_get_communications (session_of (self));

  /* Before the filter model's own handler, so the row is known when it sorts. */
  g_signal_connect_object (communications, "items-changed",
                           G_CALLBACK (communications_changed_cb), self, 0);
  g_signal_connect_object (session_of (self), "attachments-changed",
                           G_CALLBACK (attachments_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filtered, communications);
  update_state (self);
}

static void
rec_log_page_unload (RecPage *page)
{
  RecLogPage *self = REC_LOG_PAGE (page);

  g_signal_handlers_disconnect_by_data (rec_case_session_get_communications (session_of (self)),
                                        self);
  g_signal_handlers_disconnect_by_func (session_of (self), attachments_changed_cb, self);
  g_clear_object (&self->added);
  gtk_filter_list_model_set_model (self->filtered, NULL);
}

static void
session_notify_cb (RecLogPage *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  update_state (self);
}

static gboolean
rec_log_page_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  return _rec_page_focus_past_list (widget, GTK_WIDGET (REC_LOG_PAGE (widget)->column_view),
                                    direction,
                                    GTK_WIDGET_CLASS (rec_log_page_parent_class)->focus);
}

static void
rec_log_page_dispose (GObject *object)
{
  RecLogPage *self = REC_LOG_PAGE (object);
  GtkWidget *child;

  /* The columns going with the template sort the rows again: no update of
   * widgets already gone. */
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_LOG_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  if (rec_page_is_loaded (REC_PAGE (self)))
    g_signal_handlers_disconnect_by_data (rec_case_session_get_communications (session_of (self)),
                                          self);
  g_clear_object (&self->added);

  G_OBJECT_CLASS (rec_log_page_parent_class)->dispose (object);
}

static void
rec_log_page_finalize (GObject *object)
{
  RecLogPage *self = REC_LOG_PAGE (object);

  g_free (self->needle);

  G_OBJECT_CLASS (rec_log_page_parent_class)->finalize (object);
}

static void
rec_log_page_class_init (RecLogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_log_page_dispose;
  object_class->finalize = rec_log_page_finalize;
  widget_class->focus = rec_log_page_focus;
  page_class->load = rec_log_page_load;
  page_class->unload = rec_log_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, when_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, channel_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, direction_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, with_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, summary_column);
  gtk_widget_class_bind_template_child (widget_class, RecLogPage, follow_up_column);

  gtk_widget_class_install_action (widget_class, "log.add", NULL, log_add_action);
  gtk_widget_class_install_action (widget_class, "log.edit", NULL, log_edit_action);
  gtk_widget_class_install_action (widget_class, "log.delete", NULL, log_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "log.delete", NULL);
}

static void
rec_log_page_init (RecLogPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A statement or archive dropped here opens Import (spec/import.md §4). */
  rec_import_add_drop_target (GTK_WIDGET (self), REC_IMPORT_KIND_MESSAGES);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search communications"), -1);

  self->search_filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  setup_columns (self);

  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                    self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (column_view_activate_cb), self);
  g_signal_connect (self, "notify::session", G_CALLBACK (session_notify_cb), NULL);
  update_state (self);
}

void
rec_log_page_focus_search (RecLogPage *self)
{
  g_return_if_fail (REC_IS_LOG_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSingleSelection *
_rec_log_page_get_rows (RecLogPage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return self->selection;
}

GtkEditable *
_rec_log_page_get_search (RecLogPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

/* rec-log-page.c — the communication log, searchable as you type
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-log-page.h"

#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-gui-util.h"
#include "rec-pages-private.h"

#include <glib/gi18n.h>
#include <string.h>

struct _RecLogPage
{
  GtkWidget            parent_instance;

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

  /* Owned */
  RecCaseSession      *session;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *search_filter;
  GtkSingleSelection  *selection;
  char                *needle;       /* casefolded search text, NULL for none */
  gboolean             bound;        /* the log has been loaded into the view */
  guint                bind_idle;
};

G_DEFINE_FINAL_TYPE (RecLogPage, rec_log_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The time of a contact is evidence: show it in the offset it was recorded
 * with, never converted to this computer's zone. */
static char *
when_text (GObject  *object,
           gpointer  user_data)
{
  RecCommunication *communication = REC_COMMUNICATION (object);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (communication->at, NULL);

  if (at == NULL)
    return g_strdup (communication->at);
  /* Translators: date and time of a contact as strftime; keep %:z (the recorded UTC offset) */
  return g_date_time_format (at, _("%x %H:%M (%:z)"));
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
}

static void
update_state (RecLogPage *self)
{
  gboolean has_session = self->session != NULL;
  gboolean has_any = has_session
                     && g_list_model_get_n_items (rec_case_session_get_communications (self->session)) > 0;
  gboolean has_results = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_stack_set_visible_child_name (self->stack, has_any ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, has_results ? "results" : "no-results");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.add", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.delete", selected);
}

static void
edit_communication (RecLogPage       *self,
                    RecCommunication *communication)
{
  gtk_window_present (rec_communication_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                    self->session, communication));
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

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  RecLogPage *self)
{
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

  if (communication != NULL)
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
  rec_gui_delete_with_undo (widget, self->session, communication, _("Communication deleted"));
}

/* Sorting thousands of contacts waits until the page is first shown or the
 * window is idle, so opening a case does not wait for a hidden page. */
static void
ensure_bound (RecLogPage *self)
{
  if (self->bound || self->session == NULL)
    return;

  self->bound = TRUE;
  g_clear_handle_id (&self->bind_idle, g_source_remove);
  gtk_filter_list_model_set_model (self->filtered,
                                   rec_case_session_get_communications (self->session));
  update_state (self);
}

static gboolean
bind_idle_cb (gpointer user_data)
{
  RecLogPage *self = user_data;

  self->bind_idle = 0;
  ensure_bound (self);
  return G_SOURCE_REMOVE;
}

static void
set_session (RecLogPage     *self,
             RecCaseSession *session)
{
  if (self->session == session)
    return;

  g_set_object (&self->session, session);
  self->bound = FALSE;
  gtk_filter_list_model_set_model (self->filtered, NULL);
  if (session != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_bound (self);
  else if (session != NULL && self->bind_idle == 0)
    self->bind_idle = g_idle_add_full (G_PRIORITY_LOW, bind_idle_cb, self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
rec_log_page_map (GtkWidget *widget)
{
  ensure_bound (REC_LOG_PAGE (widget));

  GTK_WIDGET_CLASS (rec_log_page_parent_class)->map (widget);
}

static void
rec_log_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RecLogPage *self = REC_LOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_log_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RecLogPage *self = REC_LOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_log_page_dispose (GObject *object)
{
  RecLogPage *self = REC_LOG_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->bind_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_LOG_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->session);

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

  object_class->get_property = rec_log_page_get_property;
  object_class->set_property = rec_log_page_set_property;
  object_class->dispose = rec_log_page_dispose;
  object_class->finalize = rec_log_page_finalize;
  widget_class->map = rec_log_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, REC_TYPE_CASE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
  g_signal_connect (self->column_view, "activate", G_CALLBACK (column_view_activate_cb), self);
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
  ensure_bound (self);
  return self->selection;
}

GtkEditable *
_rec_log_page_get_search (RecLogPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

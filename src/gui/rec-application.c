/* rec-application.c — the application: actions, windows, opening case files
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-application.h"

#include "rec-application-private.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-follow-up-notice.h"
#include "rec-gui-util.h"
#include "rec-store.h"
#include "rec-window.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#define CASE_MIME_TYPE "application/x-recourse"

struct _RecApplication
{
  AdwApplication            parent_instance;

  /* Owned */
  GHashTable               *notices;      /* RecWindow (not reffed) → notification id */
  GPtrArray                *to_prefetch;  /* paths named on the command line, until startup */
  GHashTable               *prefetches;   /* path → Prefetch, until opened */

  /* Borrowed: the tests' stand-in for the desktop's notifications */
  RecApplicationNotifyFunc  notify_func;
  gpointer                  notify_data;
};

G_DEFINE_FINAL_TYPE (RecApplication, rec_application, ADW_TYPE_APPLICATION)

/* State of the "New Case" flow: the title and the jurisdiction asked first,
 * then the file. */
typedef struct
{
  RecApplication *app;
  GtkWindow      *parent;
  GtkEntry       *title_entry;
  AdwComboRow    *jurisdiction_row;
  char           *title;
  char           *jurisdiction;
} NewCase;

static void
new_case_free (NewCase *new_case)
{
  g_clear_object (&new_case->app);
  g_clear_object (&new_case->parent);
  g_free (new_case->title);
  g_free (new_case->jurisdiction);
  g_free (new_case);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewCase, new_case_free)

static GtkWindow *
active_or_new_window (RecApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (rec_window_new (self));
      gtk_window_present (window);
    }
  return window;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says why a file cannot be opened, for people; the technical detail of an
 * internal failure goes to the debug log only. */
static char *
describe_open_error (const char   *display_name,
                     const GError *error)
{
  if (g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” is not a Recourse case file, or it is damaged. "
                              "Nothing was changed."), display_name);
  if (g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_TOO_NEW))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” was made by a newer version of Recourse. Update Recourse "
                              "to open it; the file was not changed."), display_name);
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("“%s” does not exist. It may have been moved or deleted."),
                            display_name);
  /* The store names what another program added or changed, or who holds
   * the file: its words are the most precise ones. */
  if (g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED)
      || g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY))
    return g_strdup (error->message);

  g_debug ("Cannot open the case: %s", error->message);
  /* Translators: %s is a file name */
  return g_strdup_printf (_("Recourse could not read “%s”. Check that the file is readable "
                            "and try again."), display_name);
}

/* The window showing the case at `file`, or opening it right now. */
static RecWindow *
find_window_for (RecApplication *self,
                 GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RecCaseSession *session;
      const char *path;
      g_autoptr(GFile) other = NULL;

      if (!REC_IS_WINDOW (l->data))
        continue;
      session = rec_window_get_session (l->data);
      path = session != NULL ? rec_case_session_get_path (session)
                             : rec_window_get_loading_path (l->data);
      if (path == NULL)
        continue;
      other = g_file_new_for_path (path);
      if (g_file_equal (file, other))
        return l->data;
    }
  return NULL;
}

/* A window showing the start page is reused; otherwise a case gets a new one. */
static RecWindow *
window_for_case (RecApplication *self,
                 GtkWindow      *parent,
                 gboolean       *out_is_new)
{
  *out_is_new = !(REC_IS_WINDOW (parent)
                  && rec_window_get_session (REC_WINDOW (parent)) == NULL
                  && rec_window_get_loading_path (REC_WINDOW (parent)) == NULL);
  return *out_is_new ? rec_window_new (self) : REC_WINDOW (parent);
}

static void
refuse (RecApplication *self,
        GtkWindow      *parent,
        const char     *path,
        const GError   *error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *message = describe_open_error (display_name, error);

  show_error (parent != NULL ? parent : active_or_new_window (self), _("Cannot Open the Case"),
              message);
}

static void
remember_case (RecApplication *self,
               const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) CASE_MIME_TYPE,
    .app_name = (char *) "Recourse",
    .app_exec = (char *) "recourse %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Sends (notification) or withdraws (NULL) the notification `id`. Without
 * a session bus (the tests, a bare X session) there is no one to tell. */
static void
deliver_notice (RecApplication *self,
                const char     *id,
                GNotification  *notification)
{
  if (self->notify_func != NULL)
    {
      self->notify_func (self, id, notification, self->notify_data);
      return;
    }
  if (g_application_get_dbus_connection (G_APPLICATION (self)) == NULL)
    {
      g_debug ("No session bus: notification %s not %s", id, notification ? "sent" : "withdrawn");
      return;
    }
  if (notification != NULL)
    g_application_send_notification (G_APPLICATION (self), id, notification);
  else
    g_application_withdraw_notification (G_APPLICATION (self), id);
}

/* Once per case per open (not on every change): the follow-ups due today
 * or overdue, named in a desktop notification that brings back the case's
 * Overview. It goes when the case's window closes. */
static void
notify_follow_ups (RecApplication *self,
                   RecWindow      *window)
{
  RecCaseSession *session = rec_window_get_session (window);
  const char *path = rec_case_session_get_path (session);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  GDate today;

  rec_date_set_today (&today);
  notification = rec_follow_up_notice_new (rec_case_session_get_data (session), &today, path);
  if (notification == NULL)
    return;

  id = rec_follow_up_notice_dup_id (path);
  deliver_notice (self, id, notification);
  g_hash_table_replace (self->notices, window, g_steal_pointer (&id));
}

GtkWindow *
rec_application_open_path (RecApplication *self,
                           const char     *path,
                           GtkWindow      *parent)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  RecWindow *window;
  gboolean is_new;

  g_return_val_if_fail (REC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  window = find_window_for (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "missing");
  else
    session = rec_case_session_open (path, &error);
  if (session == NULL)
    {
      refuse (self, parent, path, error);
      return NULL;
    }

  window = window_for_case (self, parent, &is_new);
  rec_window_set_session (window, session);
  remember_case (self, path);
  gtk_window_present (GTK_WINDOW (window));
  notify_follow_ups (self, window);
  return GTK_WINDOW (window);
}

typedef struct
{
  RecApplication *app;
  RecWindow      *window;
  GtkWindow      *parent;      /* nullable */
  char           *path;
  gboolean        window_is_new;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->app);
  g_clear_object (&opening->window);
  g_clear_object (&opening->parent);
  g_free (opening->path);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

/* The end of a load behind "Opening the Case…": the case in its window, or
 * the window as it was and why not. Takes `opening`. */
static void
case_opened (Opening        *opening_,
             RecCaseSession *session,
             GError         *error)
{
  g_autoptr(Opening) opening = opening_;
  GtkWindow *error_parent = GTK_WINDOW (opening->window);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (opening->app));

  /* The user closed the window while the case was loading. */
  if (g_list_find (windows, opening->window) == NULL)
    return;

  if (session != NULL)
    {
      rec_window_set_session (opening->window, session);
      remember_case (opening->app, opening->path);
      notify_follow_ups (opening->app, opening->window);
      return;
    }

  /* Nothing changes: a new window goes away again, a reused one shows its
   * start page again. */
  if (opening->window_is_new && opening->parent != NULL
      && g_list_find (windows, opening->parent) != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (opening->window));
      error_parent = opening->parent;
    }
  else
    rec_window_set_loading (opening->window, NULL);
  refuse (opening->app, error_parent, opening->path, error);
}

static void
case_opened_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = rec_case_session_open_finish (result, &error);
  case_opened (user_data, session, error);
}

/* A case named on the command line starts loading in its worker before
 * GTK's startup (display, theme: most of the time to the first frame), so
 * that the window can often show it in its first frame instead of
 * "Opening the Case…" (tests/bench/bench-window.sh). */
typedef struct
{
  char           *path;
  GMutex          lock;
  gboolean        done;      /* under `lock`: the worker has set one of these */
  RecCaseSession *session;
  GError         *error;
  Opening        *waiting;   /* main thread: the open that came before the end */
} Prefetch;

static void
prefetch_clear (gpointer data)
{
  Prefetch *prefetch = data;

  g_free (prefetch->path);
  g_mutex_clear (&prefetch->lock);
  g_clear_object (&prefetch->session);
  g_clear_error (&prefetch->error);
  g_clear_pointer (&prefetch->waiting, opening_free);
}

static void
prefetch_unref (gpointer prefetch)
{
  g_atomic_rc_box_release_full (prefetch, prefetch_clear);
}

static void
prefetch_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Prefetch *prefetch = task_data;
  GError *error = NULL;
  RecCaseSession *session = rec_case_session_open (prefetch->path, &error);

  g_mutex_lock (&prefetch->lock);
  prefetch->session = session;
  prefetch->error = error;
  prefetch->done = TRUE;
  g_mutex_unlock (&prefetch->lock);
  g_task_return_boolean (task, TRUE);
}

/* On the main thread once loaded: an open that waited gets the case. */
static void
prefetch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Prefetch *prefetch = g_task_get_task_data (G_TASK (result));
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (prefetch->waiting == NULL)
    return;
  session = g_steal_pointer (&prefetch->session);
  error = g_steal_pointer (&prefetch->error);
  case_opened (g_steal_pointer (&prefetch->waiting), session, error);
}

static void
start_prefetches (RecApplication *self)
{
  for (guint i = 0; self->to_prefetch != NULL && i < self->to_prefetch->len; i++)
    {
      const char *path = g_ptr_array_index (self->to_prefetch, i);
      Prefetch *prefetch;
      g_autoptr(GTask) task = NULL;

      if (g_hash_table_contains (self->prefetches, path))
        continue;
      prefetch = g_atomic_rc_box_new0 (Prefetch);
      prefetch->path = g_strdup (path);
      g_mutex_init (&prefetch->lock);
      g_hash_table_insert (self->prefetches, prefetch->path, prefetch);
      task = g_task_new (NULL, NULL, prefetch_done_cb, NULL);
      g_task_set_source_tag (task, start_prefetches);
      g_task_set_task_data (task, g_atomic_rc_box_acquire (prefetch), prefetch_unref);
      g_task_run_in_thread (task, prefetch_thread);
    }
  g_clear_pointer (&self->to_prefetch, g_ptr_array_unref);
}

/* What the user's gestures use: the window appears at once (with "Opening
 * the Case…") and the case loads in a worker thread. */
static void
open_path_in_background (RecApplication *self,
                         const char     *path,
                         GtkWindow      *parent)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RecWindow *window = find_window_for (self, file);
  Prefetch *prefetch = NULL;
  Opening *opening;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "missing");
      refuse (self, parent, path, error);
      return;
    }

  /* Loaded from the command line already: at once, no "Opening…". */
  if (g_hash_table_steal_extended (self->prefetches, path, NULL, (gpointer *) &prefetch))
    {
      g_autoptr(RecCaseSession) session = NULL;
      gboolean done;

      g_mutex_lock (&prefetch->lock);
      done = prefetch->done;
      if (done)
        session = g_steal_pointer (&prefetch->session);
      g_mutex_unlock (&prefetch->lock);
      if (session != NULL)
        {
          gboolean is_new;

          prefetch_unref (prefetch);
          window = window_for_case (self, parent, &is_new);
          rec_window_set_session (window, session);
          remember_case (self, path);
          gtk_window_present (GTK_WINDOW (window));
          notify_follow_ups (self, window);
          return;
        }
      if (done)
        /* It failed: the usual way says why. */
        g_clear_pointer (&prefetch, prefetch_unref);
    }

  opening = g_new0 (Opening, 1);
  opening->app = g_object_ref (self);
  opening->path = g_strdup (path);
  opening->parent = parent != NULL ? g_object_ref (parent) : NULL;
  opening->window = g_object_ref (window_for_case (self, parent, &opening->window_is_new));
  rec_window_set_loading (opening->window, path);
  gtk_window_present (GTK_WINDOW (opening->window));
  if (prefetch != NULL)
    {
      /* Still loading: its end opens it. */
      prefetch->waiting = opening;
      prefetch_unref (prefetch);
      return;
    }
  rec_case_session_open_async (path, NULL, case_opened_cb, opening);
}

char *
rec_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "recourse", "Demo Case.recourse", NULL);
}

static GtkFileFilter *
case_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Recourse Cases"));
  gtk_file_filter_add_mime_type (filter, CASE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "recourse");
  return filter;
}

static void
open_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          RecApplication  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL)
        open_path_in_background (self, path, parent);
    }
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RecApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = case_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Case"), active_or_new_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_path_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RecApplication *self = user_data;

  open_path_in_background (self, g_variant_get_string (parameter, NULL),
                           active_or_new_window (self));
}

/* Creates the case file and opens it. The file chooser has asked before
 * replacing the file it named; a ".recourse" added here never replaces one. */
void
_rec_application_create_case (RecApplication *self,
                              const char     *chosen_path,
                              const char     *title,
                              const char     *jurisdiction,
                              GtkWindow      *parent)
{
  gboolean add_suffix = !g_str_has_suffix (chosen_path, ".recourse");
  g_autofree char *path = add_suffix ? g_strconcat (chosen_path, ".recourse", NULL)
                                     : g_strdup (chosen_path);
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *message = NULL;
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = g_file_new_for_path (path);
  if (find_window_for (self, file) != NULL)
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” is open in Recourse. Choose another name."),
                                 display_name);
      show_error (parent != NULL ? parent : active_or_new_window (self),
                  _("Cannot Create the Case"), message);
      return;
    }

  rec_set_str (&info->title, title);
  rec_set_str (&info->jurisdiction, jurisdiction);
  rec_set_str (&info->currency, "USD");
  store = rec_store_create (path, info, !add_suffix, &error);
  if (store == NULL)
    {
      g_debug ("Cannot create the case: %s", error->message);
      if (g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_EXISTS))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("“%s” already exists. Choose another name."), display_name);
      else if (g_error_matches (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT))
        /* The store names the value it refused. */
        message = g_strdup (error->message);
      else
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Recourse could not write “%s”. Choose a folder you can "
                                     "write to."), display_name);
      show_error (parent != NULL ? parent : active_or_new_window (self),
                  _("Cannot Create the Case"), message);
      return;
    }
  g_clear_object (&store);
  rec_gui_remember_jurisdiction (jurisdiction);
  open_path_in_background (self, path, parent);
}

static void
new_chooser_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         NewCase         *data)
{
  g_autoptr(NewCase) new_case = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL)
        _rec_application_create_case (new_case->app, path, new_case->title,
                                      new_case->jurisdiction, new_case->parent);
    }
  g_object_unref (chooser);
}

static void
choose_new_file (NewCase *new_case)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = case_filter_new ();
  g_autofree char *name = g_strconcat (new_case->title, ".recourse", NULL);

  chooser = gtk_file_chooser_native_new (_("New Case"), new_case->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (new_chooser_response_cb), new_case);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
title_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  g_autoptr(NewCase) new_case = NULL;
  g_autofree char *title = NULL;
  const char * const *ids = rec_gui_jurisdiction_ids ();
  guint jurisdiction;

  /* Otherwise the state goes with the dialog, however it is closed. */
  if (!g_str_equal (response, "next"))
    return;
  new_case = g_object_steal_data (G_OBJECT (dialog), "rec-new-case");
  g_return_if_fail (new_case != NULL);

  jurisdiction = adw_combo_row_get_selected (new_case->jurisdiction_row);
  new_case->jurisdiction = g_strdup (jurisdiction < g_strv_length ((char **) ids)
                                     ? ids[jurisdiction] : rec_gui_default_jurisdiction ());

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (new_case->title_entry))));
  if (*title == '\0')
    rec_set_str (&title, _("Support Case"));
  new_case->title = g_steal_pointer (&title);
  choose_new_file (g_steal_pointer (&new_case));
}

static void
title_entry_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "next", *text != '\0');
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RecApplication *self = user_data;
  NewCase *new_case = g_new0 (NewCase, 1);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) jurisdictions = rec_gui_jurisdiction_model_new ();

  new_case->app = g_object_ref (self);
  new_case->parent = g_object_ref (active_or_new_window (self));
  new_case->title_entry = GTK_ENTRY (entry);
  new_case->jurisdiction_row = ADW_COMBO_ROW (row);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (new_case->parent, _("New Case"),
                                                       _("Give the case a title, for example "
                                                         "the other parent’s name.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Case title"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Jurisdiction"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), jurisdictions);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              rec_gui_jurisdiction_position (rec_gui_default_jurisdiction ()));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "next", _("_Next"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "next", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "next", FALSE);
  adw_message_dialog_set_default_response (dialog, "next");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "rec-title-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "rec-jurisdiction-row", row);
  g_signal_connect (entry, "changed", G_CALLBACK (title_entry_changed_cb), dialog);
  g_object_set_data_full (G_OBJECT (dialog), "rec-new-case", new_case,
                          (GDestroyNotify) new_case_free);
  g_signal_connect (dialog, "response", G_CALLBACK (title_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkEditable *
_rec_application_get_new_case_title (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "rec-title-entry");
}

AdwComboRow *
_rec_application_get_new_case_jurisdiction (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "rec-jurisdiction-row");
}

/* Writes the demo case once into $XDG_DATA_HOME/recourse and opens it; an
 * existing demo file (perhaps edited by the user) is opened as it is. */
static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RecApplication *self = user_data;
  g_autofree char *path = rec_application_dup_demo_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = active_or_new_window (self);
  GDate today;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      rec_date_set_today (&today);
      demo = rec_demo_case_new (&today, FALSE);
      if (g_mkdir_with_parents (folder, 0700) != 0
          || !rec_store_write_case (path, demo, FALSE, &error))
        {
          g_debug ("Cannot write the demo case: %s", error ? error->message : g_strerror (errno));
          show_error (parent, _("Cannot Open the Demo Case"),
                      _("Recourse could not write the demo case into your data folder."));
          return;
        }
    }
  open_path_in_background (self, path, parent);
}

/* The notification's default action: the case's window, on its Overview
 * (where the follow-ups are); a case no longer open opens again. */
static void
show_follow_ups_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RecApplication *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecWindow *window = find_window_for (self, file);

  if (window == NULL)
    {
      open_path_in_background (self, path,
                               gtk_application_get_active_window (GTK_APPLICATION (self)));
      return;
    }
  rec_window_select_page (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RecApplication *self = user_data;
  const char *developers[] = { _("The Recourse authors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Recourse"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Recourse authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep a child support enforcement case in one private "
                                       "file. Figures are informational, not legal advice."),
                         "developers", developers,
                         "copyright", "© 2026 The Recourse authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "new", new_action, NULL, NULL, NULL },
  { "open", open_action, NULL, NULL, NULL },
  { "open-path", open_path_action, "s", NULL, NULL },
  { "open-demo", open_demo_action, NULL, NULL, NULL },
  { "show-follow-ups", show_follow_ups_action, "s", NULL, NULL },
  { "about", about_action, NULL, NULL, NULL },
  { "quit", quit_action, NULL, NULL, NULL },
};

static const struct
{
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.show-page::overview", { "<Alt>1", NULL } },
  { "win.show-page::order", { "<Alt>2", NULL } },
  { "win.show-page::payments", { "<Alt>3", NULL } },
  { "win.show-page::communications", { "<Alt>4", NULL } },
  { "win.show-page::enforcement", { "<Alt>5", NULL } },
  { "win.show-page::evidence", { "<Alt>6", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export", { "<Control><Shift>e", NULL } },
};

/* The cases named on the command line (plain paths, no options), to load
 * from startup on: only then is this process the one that opens them. */
static gboolean
rec_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  RecApplication *self = REC_APPLICATION (app);
  char **argv = *arguments;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;
      char *path;

      if (argv[i][0] == '-')
        {
          g_clear_pointer (&paths, g_ptr_array_unref);
          break;
        }
      file = g_file_new_for_commandline_arg (argv[i]);
      path = g_file_get_path (file);
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
  if (paths != NULL && paths->len > 0)
    {
      g_clear_pointer (&self->to_prefetch, g_ptr_array_unref);
      self->to_prefetch = g_steal_pointer (&paths);
    }
  return G_APPLICATION_CLASS (rec_application_parent_class)->local_command_line (app, arguments,
                                                                                 exit_status);
}

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Any lookup loads the whole theme; the name does not matter. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme in a thread of its own while it loads
 * its style sheet, then GtkApplication and libadwaita each add their icon
 * resource path, and a path added to a theme already read throws it away:
 * the window's first icon would read the theme again on the main thread
 * (about 65 M instructions, a tenth of the first frame on a case). Read
 * again here, beside the main thread building the window; GtkIconTheme
 * takes its own lock, so a lookup meanwhile waits for this read instead of
 * doing its own. */
static void
load_icon_theme_in_background (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

static void
rec_application_startup (GApplication *app)
{
  start_prefetches (REC_APPLICATION (app));
  G_APPLICATION_CLASS (rec_application_parent_class)->startup (app);
  load_icon_theme_in_background ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
rec_application_activate (GApplication *app)
{
  RecApplication *self = REC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (rec_window_new (self));
  gtk_window_present (window);
}

static void
rec_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  RecApplication *self = REC_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (path != NULL)
        open_path_in_background (self, path, parent);
    }
  if (gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
    rec_application_activate (app);
}

/* A case closes with its window: its notification goes too. */
static void
rec_application_window_removed (GtkApplication *app,
                                GtkWindow      *window)
{
  RecApplication *self = REC_APPLICATION (app);
  g_autofree char *id = NULL;

  if (g_hash_table_steal_extended (self->notices, window, NULL, (gpointer *) &id))
    deliver_notice (self, id, NULL);

  GTK_APPLICATION_CLASS (rec_application_parent_class)->window_removed (app, window);
}

/* Quitting closes every case: their notifications go too. */
static void
rec_application_shutdown (GApplication *app)
{
  RecApplication *self = REC_APPLICATION (app);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->notices);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    deliver_notice (self, id, NULL);
  g_hash_table_remove_all (self->notices);

  G_APPLICATION_CLASS (rec_application_parent_class)->shutdown (app);
}

static void
rec_application_finalize (GObject *object)
{
  RecApplication *self = REC_APPLICATION (object);

  g_clear_pointer (&self->notices, g_hash_table_unref);
  g_clear_pointer (&self->to_prefetch, g_ptr_array_unref);
  g_clear_pointer (&self->prefetches, g_hash_table_unref);

  G_OBJECT_CLASS (rec_application_parent_class)->finalize (object);
}

static void
rec_application_class_init (RecApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = rec_application_finalize;
  gtk_app_class->window_removed = rec_application_window_removed;
  app_class->local_command_line = rec_application_local_command_line;
  app_class->startup = rec_application_startup;
  app_class->shutdown = rec_application_shutdown;
  app_class->activate = rec_application_activate;
  app_class->open = rec_application_open;
}

static void
rec_application_init (RecApplication *self)
{
  self->notices = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->prefetches = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, prefetch_unref);
}

RecApplication *
rec_application_new (void)
{
  return g_object_new (REC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/recourse/Recourse",
                       NULL);
}

void
_rec_application_set_notify_func (RecApplication           *self,
                                  RecApplicationNotifyFunc  func,
                                  gpointer                  user_data)
{
  g_return_if_fail (REC_IS_APPLICATION (self));

  self->notify_func = func;
  self->notify_data = user_data;
}

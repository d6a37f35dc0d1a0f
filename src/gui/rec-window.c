/* rec-window.c — the application window: the start page or one open case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-window-private.h"

#include "rec-gui-util.h"
#include "rec-history-dialog.h"
#include "rec-pages-private.h"
#include "rec-verify-dialog.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (RecWindow, rec_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (RecWindow *self)
{
  RecCaseInfo *info = rec_case_session_get_info (self->session);
  const char *title = *info->title != '\0' ? info->title : _("Untitled Case");

  gtk_window_set_title (GTK_WINDOW (self), title);
  rec_case_view_set_title (self->case_view, title);
}

/* Window size is UI state (GSettings); without the schema (an uninstalled
 * build run by hand) the window simply starts at its default size. */
static void
bind_settings (RecWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed; window size not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* The shortcuts window is built when first asked for (about 2 % of the
 * instructions to the first frame of a case). */
GtkShortcutsWindow *
_rec_window_ensure_help_overlay (RecWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/recourse/Recourse/ui/rec-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                             "help_overlay")));
    }
  return gtk_application_window_get_help_overlay (window);
}

/* win.show-help-overlay (Ctrl+?, the menu's Keyboard Shortcuts): ours until
 * the shortcuts window exists, GtkApplicationWindow's own after that. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RecWindow *self = user_data;

  gtk_window_present (GTK_WINDOW (_rec_window_ensure_help_overlay (self)));
}

static void
add_help_overlay_action (RecWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
session_changed_cb (RecCaseSession *session,
                    RecWindow      *self)
{
  update_title (self);
  _rec_window_update_actions (self);
}

static void
session_stacks_changed_cb (RecCaseSession *session,
                             GParamSpec     *pspec,
                             RecWindow      *self)
{
  _rec_window_update_actions (self);
}

static void
ensure_case_view (RecWindow *self)
{
  if (self->prepare_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->prepare_tick);
      self->prepare_tick = 0;
    }
  if (self->case_view != NULL)
    return;

  self->case_view = REC_CASE_VIEW (rec_case_view_new (NULL, self->primary_menu));
  rec_case_view_set_exporting (self->case_view, self->exporting || self->printing);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->case_view), "case");
}

/* While a case loads in its thread, the main thread builds the (still empty)
 * pages, from the second frame on: "Opening the Case…" is on screen first. */
static gboolean
prepare_case_view_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  RecWindow *self = REC_WINDOW (widget);

  if (++self->prepare_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->prepare_tick = 0;
  ensure_case_view (self);
  return G_SOURCE_REMOVE;
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RecCaseSession *session = REC_CASE_SESSION (source);
  g_autoptr(RecWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  RecStoreVerifyResult verify = { 0 };
  char **problems = NULL;

  if (self->session != session)
    return;
  if (!rec_case_session_verify_finish (session, result, &verify, &problems, &error))
    {
      g_debug ("Cannot verify the case: %s", error->message);
      self->verify_state = REC_VERIFY_UNKNOWN;
      if (self->verify_wanted)
        rec_window_add_toast (self, adw_toast_new (_("Could not verify the case file")));
      self->verify_wanted = FALSE;
      return;
    }
  self->verify_result = verify;
  g_strfreev (self->verify_problems);
  self->verify_problems = problems;
  self->verify_state = problems[0] != NULL ? REC_VERIFY_ALTERED : REC_VERIFY_INTACT;
  if (self->case_view != NULL)
    rec_case_view_set_altered (self->case_view, self->verify_state == REC_VERIFY_ALTERED);
  if (self->verify_wanted)
    _rec_window_show_verify (self);
}

/* In a thread once the window shows the case (~0.5 s on the large case). */
static void
start_verify (RecWindow *self)
{
  self->verify_state = REC_VERIFY_RUNNING;
  rec_case_session_verify_async (self->session, self->cancellable, verify_done_cb,
                                 g_object_ref (self));
}

/* Once the case is drawn and its pages loaded (an idle of low priority
 * runs after the frame and the pages' own idle loads): the first frame
 * never waits for it. */
static gboolean
start_verify_idle_cb (gpointer user_data)
{
  RecWindow *self = user_data;

  self->verify_idle = 0;
  if (self->session != NULL && self->verify_state == REC_VERIFY_UNKNOWN)
    start_verify (self);
  return G_SOURCE_REMOVE;
}

static void
rec_window_dispose (GObject *object)
{
  RecWindow *self = REC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_path, g_free);
  g_clear_pointer (&self->undo_toasts, g_hash_table_unref);
  g_clear_weak_pointer (&self->options_dialog);
  g_clear_pointer (&self->verify_problems, g_strfreev);
  g_clear_handle_id (&self->verify_idle, g_source_remove);
  if (self->main_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->main_stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_WINDOW);

  G_OBJECT_CLASS (rec_window_parent_class)->dispose (object);
}

/* The start page (recent cases: the recently used files read) and its
 * header bar are built when it is first on screen, never when the window
 * opens on a case (whose view has a header bar and a main menu of its own). */
static void
ensure_start_page (RecWindow *self)
{
  GtkWidget *header, *menu;

  if (adw_bin_get_child (self->start_slot) != NULL)
    return;
  header = adw_header_bar_new ();
  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu), TRUE);
  gtk_widget_set_tooltip_text (menu, _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Main Menu"), -1);
  rec_gui_menu_button_set_menu_lazily (GTK_MENU_BUTTON (menu), self->primary_menu);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  adw_bin_set_child (self->start_header_slot, header);
  adw_bin_set_child (self->start_slot, g_object_new (REC_TYPE_START_PAGE, NULL));
}

/* "Opening the Case…", with a header bar, the first time a case is opened
 * into the window while it still loads. */
static void
ensure_loading_page (RecWindow *self)
{
  GtkWidget *box, *spinner;

  if (self->loading_page != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->loading_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->loading_page), TRUE);
  adw_status_page_set_title (self->loading_page, _("Opening the Case…"));
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_status_page_set_child (self->loading_page, spinner);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->loading_page));
  adw_bin_set_child (self->loading_slot, box);
}

static void
main_stack_visible_cb (GtkStack   *stack,
                       GParamSpec *pspec,
                       RecWindow  *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self))
      && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "start") == 0)
    ensure_start_page (self);
}

/* Before the first frame: the slot is never drawn empty. */
static void
rec_window_map (GtkWidget *widget)
{
  RecWindow *self = REC_WINDOW (widget);

  GTK_WIDGET_CLASS (rec_window_parent_class)->map (widget);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "start") == 0)
    ensure_start_page (self);
}

static void
rec_window_class_init (RecWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_window_dispose;
  widget_class->map = rec_window_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RecWindow, start_header_slot);
  gtk_widget_class_bind_template_child (widget_class, RecWindow, start_slot);
  gtk_widget_class_bind_template_child (widget_class, RecWindow, loading_slot);
  gtk_widget_class_bind_template_child (widget_class, RecWindow, primary_menu);
}

static void
rec_window_init (RecWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_stack_visible_cb), self, 0);
  self->cancellable = g_cancellable_new ();
  self->undo_toasts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  _rec_window_add_actions (self);
  bind_settings (self);
  add_help_overlay_action (self);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  _rec_window_update_actions (self);
}

RecWindow *
rec_window_new (RecApplication *app)
{
  return g_object_new (REC_TYPE_WINDOW, "application", app, NULL);
}

void
rec_window_set_session (RecWindow      *self,
                        RecCaseSession *session)
{
  g_return_if_fail (REC_IS_WINDOW (self));
  g_return_if_fail (REC_IS_CASE_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, 0);
  g_signal_connect_object (session, "notify::can-undo",
                           G_CALLBACK (session_stacks_changed_cb), self, 0);
  g_signal_connect_object (session, "notify::can-redo",
                           G_CALLBACK (session_stacks_changed_cb), self, 0);

  ensure_case_view (self);
  rec_case_view_set_session (self->case_view, session);
  rec_case_view_set_notice (self->case_view,
                            rec_case_session_get_read_only (session)
                            ? _("This case file can’t be changed: you don’t have permission to "
                                "write to it. You can still export and print.")
                            : NULL);

  g_clear_pointer (&self->loading_path, g_free);
  update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "case");
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-case", rec_case_session_get_path (session));
  _rec_window_update_actions (self);
  self->verify_idle = g_idle_add_full (G_PRIORITY_LOW, start_verify_idle_cb, self, NULL);
}

void
rec_window_set_loading (RecWindow  *self,
                        const char *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (REC_IS_WINDOW (self));
  g_return_if_fail (self->session == NULL);

  g_free (self->loading_path);
  self->loading_path = g_strdup (path);
  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "start");
      return;
    }
  name = g_filename_display_basename (path);
  ensure_loading_page (self);
  adw_status_page_set_description (self->loading_page, name);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  if (self->case_view == NULL && self->prepare_tick == 0)
    {
      self->prepare_ticks = 0;
      self->prepare_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), prepare_case_view_cb,
                                                         NULL, NULL);
    }
}

const char *
rec_window_get_loading_path (RecWindow *self)
{
  g_return_val_if_fail (REC_IS_WINDOW (self), NULL);

  return self->loading_path;
}

RecCaseSession *
rec_window_get_session (RecWindow *self)
{
  g_return_val_if_fail (REC_IS_WINDOW (self), NULL);

  return self->session;
}

void
rec_window_add_toast (RecWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (REC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rec_window_select_page (RecWindow  *self,
                        const char *name)
{
  g_return_if_fail (REC_IS_WINDOW (self));

  if (self->case_view != NULL)
    rec_case_view_select_page (self->case_view, name);
}

GtkWidget *
rec_window_get_page (RecWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (REC_IS_WINDOW (self), NULL);

  return self->case_view != NULL ? rec_case_view_get_page (self->case_view, name) : NULL;
}

void
_rec_window_show_verify (RecWindow *self)
{
  GtkWindow *dialog;

  if (self->session == NULL)
    return;
  self->verify_wanted = FALSE;
  switch (self->verify_state)
    {
    case REC_VERIFY_RUNNING:
      self->verify_wanted = TRUE;
      return;
    case REC_VERIFY_UNKNOWN:
      self->verify_wanted = TRUE;
      start_verify (self);
      return;
    case REC_VERIFY_INTACT:
    case REC_VERIFY_ALTERED:
    default:
      dialog = rec_verify_dialog_new (GTK_WINDOW (self),
                                      (const char * const *) self->verify_problems,
                                      &self->verify_result);
      gtk_window_present (dialog);
    }
}

void
_rec_window_show_history (RecWindow *self)
{
  g_autofree char *status = NULL;

  if (self->session == NULL)
    return;
  if (self->verify_state == REC_VERIFY_INTACT)
    status = rec_verify_intact_text (&self->verify_result);
  else if (self->verify_state == REC_VERIFY_ALTERED)
    status = g_strdup (_("This case was changed outside Recourse — see Verify"));
  gtk_window_present (rec_history_dialog_new (GTK_WINDOW (self), self->session, NULL, status));
}

char *
_rec_window_verify_pending_path (RecWindow *self)
{
  if (self->session == NULL || self->verify_state == REC_VERIFY_INTACT
      || self->verify_state == REC_VERIFY_ALTERED)
    return NULL;
  return g_strdup (rec_case_session_get_path (self->session));
}

RecVerifyState
_rec_window_get_verify_state (RecWindow *self)
{
  return self->verify_state;
}

const char *
_rec_window_get_mode (RecWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

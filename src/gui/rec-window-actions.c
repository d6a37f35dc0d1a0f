/* rec-window-actions.c — the window's actions: undo, redo, find, pages, export, print, toasts
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-window-private.h"

#include "rec-import-dialog.h"
#include "rec-letter-dialog.h"

#include <glib/gi18n.h>

static void
set_enabled (RecWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* An undo or redo that failed: the session's own words when they are for
 * people (a newer change touched the record, already undone), else `fallback`. */
static void
show_undo_error (RecWindow  *self,
                 GError     *error,
                 const char *fallback)
{
  g_debug ("%s: %s", fallback, error->message);
  if (error->domain == REC_CASE_SESSION_ERROR)
    rec_window_add_toast (self, adw_toast_new (error->message));
  else
    rec_window_add_toast (self, adw_toast_new (fallback));
}

/* The toast that announced `change` has done its work once the change is
 * undone, by its button or by Ctrl+Z: it loses its Undo button and goes
 * when its time is up. Not dismissed: libadwaita 1.2 hides a toast on a
 * tick animation, and a toast dismissed while others show, hide or wait in
 * the queue (every Undo toast is high-priority and pushes the one shown
 * back) is hidden twice or shown again on its old widget (use after free in
 * adw_animation_skip, or show_toast's assertion). */
static void
disarm_toast_of (RecWindow *self,
                 guint64    change)
{
  AdwToast *toast = g_hash_table_lookup (self->undo_toasts, &change);

  if (toast == NULL)
    return;
  adw_toast_set_button_label (toast, NULL);
  adw_toast_set_action_name (toast, NULL);
  g_hash_table_remove (self->undo_toasts, &change);
}

/* Reverts `change`; on success its toast goes too. */
static void
undo_change (RecWindow  *self,
             guint64     change,
             const char *failure)
{
  g_autoptr(GError) error = NULL;

  if (!rec_case_session_undo_change (self->session, change, &error))
    show_undo_error (self, error, failure);
  else
    {
      const char *note = rec_case_session_get_step_note (self->session);

      disarm_toast_of (self, change);
      /* What the undo kept: an import's records changed since. */
      if (note != NULL)
        rec_window_add_toast (self, adw_toast_new (note));
    }
}

/* Ctrl+Z: the newest change. */
static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session != NULL && rec_case_session_can_undo (self->session))
    undo_change (self, rec_case_session_get_last_change (self->session),
                 _("Could not undo the last change"));
}

/* A toast's Undo: the change that toast announced, whatever came after it. */
static void
undo_change_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session != NULL)
    undo_change (self, g_variant_get_uint64 (parameter), _("Could not undo the change"));
}

/* Ctrl+Shift+Z, Ctrl+Y: the change undone last. */
static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RecWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || !rec_case_session_can_redo (self->session))
    return;

  if (!rec_case_session_redo (self->session, &error))
    show_undo_error (self, error, _("Could not redo the change"));
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session == NULL)
    return;

  rec_case_view_focus_search (self->case_view);
}

static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         RecWindow *self)
{
  GVariant *target = adw_toast_get_action_target_value (toast);
  guint64 change = g_variant_get_uint64 (target);

  /* The window is going away (its overlay drops the toasts). */
  if (self->undo_toasts == NULL)
    return;
  if (g_hash_table_lookup (self->undo_toasts, &change) == toast)
    g_hash_table_remove (self->undo_toasts, &change);
}

/* Pages call this right after a change: gtk_widget_activate_action (w,
 * "win.show-undo-toast", "s", _("Payment deleted")). The toast's Undo is
 * bound to that change (the session's newest), not to whatever comes last. */
static void
show_undo_toast_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RecWindow *self = user_data;
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));
  guint64 change = self->session != NULL ? rec_case_session_get_last_change (self->session) : 0;

  if (change != 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-change");
      adw_toast_set_action_target_value (toast, g_variant_new_uint64 (change));
      g_hash_table_insert (self->undo_toasts, g_memdup2 (&change, sizeof change),
                           g_object_ref (toast));
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rec_window_add_toast (self, toast);
}

static void
show_toast_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  rec_window_add_toast (REC_WINDOW (user_data),
                        adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
open_packet_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RecWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    {
      g_debug ("Cannot open the packet: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (_("No application could open the PDF")));
    }
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session != NULL)
    _rec_window_export (self);
}

static void
write_letter_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session != NULL)
    gtk_window_present (GTK_WINDOW (rec_letter_dialog_new (self)));
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  _rec_window_print (REC_WINDOW (user_data));
}

static void
verify_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  _rec_window_show_verify (REC_WINDOW (user_data));
}

static void
history_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _rec_window_show_history (REC_WINDOW (user_data));
}

/* "win.import-payments" / "win.import-messages" (spec/import.md §4): the
 * file's URI (a file dropped on the page), or "" to choose one. */
static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RecWindow *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);
  RecImportKind kind = g_str_equal (g_action_get_name (G_ACTION (action)), "import-payments")
                       ? REC_IMPORT_KIND_PAYMENTS : REC_IMPORT_KIND_MESSAGES;
  g_autoptr(GFile) file = NULL;

  if (self->session == NULL)
    return;
  if (*uri == '\0')
    {
      rec_import_dialog_choose (self, kind);
      return;
    }
  file = g_file_new_for_uri (uri);
  gtk_window_present (GTK_WINDOW (rec_import_dialog_new (self, kind, file)));
}

/* "win.add-payment" and friends: the pages' own add actions, reachable from
 * anywhere in the window (menus, shortcuts, tests). The target is
 * "page-name:page-action". */
static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RecWindow *self = user_data;
  static const struct
  {
    const char *action;
    const char *page;
    const char *page_action;
  } adds[] = {
    { "add-payment", "payments", "ledger.add-payment" },
    { "add-charge", "payments", "ledger.add-charge" },
    { "add-communication", "communications", "log.add" },
    { "add-term", "order", "order.add-term" },
    { "add-child", "order", "order.add-child" },
  };
  const char *name = g_action_get_name (G_ACTION (action));

  if (self->session == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    if (g_str_equal (name, adds[i].action))
      {
        rec_window_select_page (self, adds[i].page);
        gtk_widget_activate_action (rec_window_get_page (self, adds[i].page),
                                    adds[i].page_action, NULL);
      }
}

/* Alt+1 … Alt+5. */
static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RecWindow *self = user_data;

  if (self->session != NULL)
    rec_window_select_page (self, g_variant_get_string (parameter, NULL));
}

/* Ctrl+W. */
static void
close_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static const GActionEntry win_entries[] = {
  { "add-payment", add_action, NULL, NULL, NULL },
  { "add-charge", add_action, NULL, NULL, NULL },
  { "add-communication", add_action, NULL, NULL, NULL },
  { "add-term", add_action, NULL, NULL, NULL },
  { "add-child", add_action, NULL, NULL, NULL },
  { "undo", undo_action, NULL, NULL, NULL },
  { "undo-change", undo_change_action, "t", NULL, NULL },
  { "redo", redo_action, NULL, NULL, NULL },
  { "show-page", show_page_action, "s", NULL, NULL },
  { "close", close_action, NULL, NULL, NULL },
  { "find", find_action, NULL, NULL, NULL },
  { "export", export_action, NULL, NULL, NULL },
  { "print", print_action, NULL, NULL, NULL },
  { "write-letter", write_letter_action, NULL, NULL, NULL },
  { "show-undo-toast", show_undo_toast_action, "s", NULL, NULL },
  { "show-toast", show_toast_action, "s", NULL, NULL },
  { "open-packet", open_packet_action, "s", NULL, NULL },
  { "verify", verify_action, NULL, NULL, NULL },
  { "history", history_action, NULL, NULL, NULL },
  { "import-payments", import_action, "s", NULL, NULL },
  { "import-messages", import_action, "s", NULL, NULL },
};

void
_rec_window_add_actions (RecWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
}

void
_rec_window_update_actions (RecWindow *self)
{
  static const char *const edits[] = {
    "add-payment", "add-charge", "add-communication", "add-term", "add-child",
    "undo-change", "show-undo-toast", "import-payments", "import-messages",
  };
  gboolean has_case = self->session != NULL;
  /* A read-only case is read, exported and printed, never changed. */
  gboolean can_edit = has_case && !rec_case_session_get_read_only (self->session);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    set_enabled (self, edits[i], can_edit);
  set_enabled (self, "undo", can_edit && rec_case_session_can_undo (self->session));
  set_enabled (self, "redo", can_edit && rec_case_session_can_redo (self->session));
  set_enabled (self, "find", has_case);
  set_enabled (self, "show-page", has_case);
  set_enabled (self, "export", has_case && !self->exporting);
  set_enabled (self, "print", has_case && !self->printing);
  set_enabled (self, "write-letter", has_case);
  set_enabled (self, "verify", has_case);
  set_enabled (self, "history", has_case);
}

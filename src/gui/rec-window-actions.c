/* rec-window-actions.c — the window's actions: undo, find, export, print, undo toasts
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-window-private.h"

#include <glib/gi18n.h>

static void
set_enabled (RecWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RecWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || !rec_case_session_can_undo (self->session))
    return;

  if (!rec_case_session_undo (self->session, &error))
    {
      g_debug ("Undo failed: %s", error->message);
      rec_window_add_toast (self, adw_toast_new (_("Could not undo the last change")));
    }
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

/* Pages call this after a delete: gtk_widget_activate_action (w,
 * "win.show-undo-toast", "s", _("Payment deleted")). */
static void
show_undo_toast_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  RecWindow *self = user_data;
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
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
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  _rec_window_print (REC_WINDOW (user_data));
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

static const GActionEntry win_entries[] = {
  { "add-payment", add_action, NULL, NULL, NULL },
  { "add-charge", add_action, NULL, NULL, NULL },
  { "add-communication", add_action, NULL, NULL, NULL },
  { "add-term", add_action, NULL, NULL, NULL },
  { "add-child", add_action, NULL, NULL, NULL },
  { "undo", undo_action, NULL, NULL, NULL },
  { "find", find_action, NULL, NULL, NULL },
  { "export", export_action, NULL, NULL, NULL },
  { "print", print_action, NULL, NULL, NULL },
  { "show-undo-toast", show_undo_toast_action, "s", NULL, NULL },
  { "show-toast", show_toast_action, "s", NULL, NULL },
  { "open-packet", open_packet_action, "s", NULL, NULL },
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
  gboolean has_case = self->session != NULL;
  gboolean exporting = self->exporting;

  set_enabled (self, "undo", has_case && rec_case_session_can_undo (self->session));
  set_enabled (self, "find", has_case);
  set_enabled (self, "add-payment", has_case);
  set_enabled (self, "add-charge", has_case);
  set_enabled (self, "add-communication", has_case);
  set_enabled (self, "add-term", has_case);
  set_enabled (self, "add-child", has_case);
  set_enabled (self, "export", has_case && !exporting);
  set_enabled (self, "print", has_case && !self->printing);
  set_enabled (self, "show-undo-toast", has_case);
}

/* screenshot.c — render the window on a case and page into a PNG (not a test)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK_A11Y=none GSK_RENDERER=cairo xvfb-run -a -s '-screen 0 1280x800x24' \
 *   screenshot CASE.recourse|- PAGE OUT.png [WIDTH HEIGHT [dark]]
 *
 * "-" as the case shows the start page. PAGE is overview, order, payments,
 * communications or enforcement. REC_SHOT_PAYOFF=AMOUNT types AMOUNT into
 * the Overview's "What if the payer pays…" entry (make the window tall to
 * see it). REC_SHOT_DIALOG=add-override|edit-override opens the Support
 * Order page's interest override dialog (new, or on the first override) and
 * saves it instead of the window, at WIDTH × HEIGHT; REC_SHOT_DIALOG=packet-options
 * the options Export and Print ask for; REC_SHOT_DIALOG=history|verify Case
 * History… or Verify… (verify once it has run); REC_SHOT_DIALOG=letter Write a Letter…;
 * REC_SHOT_DIALOG=edit-payment the payment dialog on the payment with the most documents;
 * REC_SHOT_DIALOG=case-details Case Details; REC_SHOT_DIALOG=import-payments|import-messages
 * with REC_SHOT_FILE=PATH the import preview of that file. LANGUAGE=es RECOURSE_LOCALEDIR=BUILD/po: in Spanish, with the
 * build's catalogs.
 */
#include "config.h"

#include "rec-application.h"
#include "rec-case-details-dialog.h"
#include "rec-history-dialog.h"
#include "rec-import-dialog.h"
#include "rec-interest-override-dialog.h"
#include "rec-payment-dialog.h"
#include "rec-letter-dialog.h"
#include "rec-dialogs-private.h"
#include "rec-pages-private.h"
#include "rec-window.h"
#include "rec-window-private.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

typedef struct
{
  const char *case_path;
  const char *page;
  const char *out;
  int         width;
  int         height;
  gboolean    dark;
  int         resized;
  GtkWindow  *window;
  GtkWindow  *target;      /* what is saved: the window or a dialog on it */
  int         status;
} Shot;

static gboolean
save_cb (gpointer user_data)
{
  Shot *shot = user_data;
  GtkWindow *target = shot->target != NULL ? shot->target : shot->window;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (target));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (target));
  int width = gtk_widget_get_width (GTK_WIDGET (target));
  int height = gtk_widget_get_height (GTK_WIDGET (target));

  /* The default size counts the client-side decorations' margins; grow the
   * window once so its content is exactly the size asked for. */
  if ((width != shot->width || height != shot->height) && shot->resized < 5)
    {
      int default_width, default_height;

      shot->resized++;
      gtk_window_get_default_size (target, &default_width, &default_height);
      gtk_window_set_default_size (target, default_width + shot->width - width,
                                   default_height + shot->height - height);
      return G_SOURCE_CONTINUE;
    }

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, shot->out))
    {
      g_printerr ("screenshot: cannot write %s\n", shot->out);
      shot->status = 1;
    }
  else
    g_print ("%s: %dx%d\n", shot->out, width, height);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* Types the amount once the case is loaded and the window idle, so the
 * debug log's timing (G_MESSAGES_DEBUG=rec-gui) is the projection's own. */
static gboolean
type_payoff_cb (gpointer user_data)
{
  Shot *shot = user_data;
  RecOverviewPage *overview;

  overview = REC_OVERVIEW_PAGE (rec_window_get_page (REC_WINDOW (shot->window), "overview"));
  gtk_editable_set_text (_rec_overview_page_get_payoff_entry (overview),
                         g_getenv ("REC_SHOT_PAYOFF"));
  return G_SOURCE_REMOVE;
}

/* Opens the dialog REC_SHOT_DIALOG names through the page's own action. */
static gboolean
open_dialog_cb (gpointer user_data)
{
  Shot *shot = user_data;
  RecCaseSession *session = rec_window_get_session (REC_WINDOW (shot->window));
  GtkWidget *page = rec_window_get_page (REC_WINDOW (shot->window), "order");
  const char *which = g_getenv ("REC_SHOT_DIALOG");
  GList *toplevels;

  if (g_str_equal (which, "packet-options"))
    {
      _rec_window_ask_packet_options (REC_WINDOW (shot->window), REC_PACKET_EXPORT, NULL);
      shot->target = GTK_WINDOW (REC_WINDOW (shot->window)->options_dialog);
      if (shot->target != NULL)
        gtk_window_set_default_size (shot->target, shot->width, shot->height);
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "case-details"))
    {
      shot->target = GTK_WINDOW (rec_case_details_dialog_new (shot->window, session));
      gtk_window_set_default_size (shot->target, shot->width, shot->height);
      gtk_window_present (shot->target);
      return G_SOURCE_REMOVE;
    }
  if ((g_str_equal (which, "import-payments") || g_str_equal (which, "import-messages"))
      && g_getenv ("REC_SHOT_FILE") != NULL)
    {
      /* The import preview of REC_SHOT_FILE (read in its worker before the shot). */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_getenv ("REC_SHOT_FILE"));

      shot->target = GTK_WINDOW (rec_import_dialog_new (REC_WINDOW (shot->window),
                                                        g_str_equal (which, "import-payments")
                                                        ? REC_IMPORT_KIND_PAYMENTS
                                                        : REC_IMPORT_KIND_MESSAGES, file));
      gtk_window_set_default_size (shot->target, shot->width, shot->height);
      gtk_window_present (shot->target);
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "letter"))
    {
      shot->target = GTK_WINDOW (rec_letter_dialog_new (REC_WINDOW (shot->window)));
      gtk_window_set_default_size (shot->target, shot->width, shot->height);
      gtk_window_present (shot->target);
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "add-payment"))
    {
      g_auto(GStrv) fields = g_strsplit (g_getenv ("REC_SHOT_FIELDS") != NULL
                                         ? g_getenv ("REC_SHOT_FIELDS") : "", "|", -1);

      shot->target = GTK_WINDOW (rec_payment_dialog_new (shot->window, session, NULL));
      gtk_window_set_default_size (shot->target, shot->width, shot->height);
      gtk_window_present (shot->target);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (fields[i], "=", 2);

          if (pair[0] != NULL && pair[1] != NULL)
            _rec_dialog_set_field (shot->target, pair[0], pair[1]);
        }
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "edit-payment"))
    {
      /* The payment with the most documents (the newest of those). */
      GListModel *payments = rec_case_session_get_payments (session);
      g_autoptr(RecPayment) best = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
        {
          g_autoptr(RecPayment) payment = g_list_model_get_item (payments, i);

          if (best == NULL || rec_case_session_count_attachments (session, REC_ENTITY (payment))
                              >= rec_case_session_count_attachments (session, REC_ENTITY (best)))
            g_set_object (&best, payment);
        }
      shot->target = GTK_WINDOW (rec_payment_dialog_new (shot->window, session, best));
      gtk_window_set_default_size (shot->target, shot->width, shot->height);
      gtk_window_present (shot->target);
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "history") || g_str_equal (which, "verify"))
    {
      GType type = g_str_equal (which, "history") ? REC_TYPE_HISTORY_DIALOG
                                                  : ADW_TYPE_MESSAGE_DIALOG;

      if (g_str_equal (which, "history"))
        _rec_window_show_history (REC_WINDOW (shot->window));
      else
        _rec_window_show_verify (REC_WINDOW (shot->window));
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
          shot->target = l->data;
      g_list_free (toplevels);
      if (shot->target != NULL)
        gtk_window_set_default_size (shot->target, shot->width, shot->height);
      return G_SOURCE_REMOVE;
    }
  if (g_str_equal (which, "edit-override"))
    {
      g_autoptr(RecInterestOverride) first =
        g_list_model_get_item (rec_case_session_get_interest_overrides (session), 0);

      if (first != NULL)
        gtk_widget_activate_action (page, "order.edit-override", "x", first->entity.id);
    }
  else
    gtk_widget_activate_action (page, "order.add-override", NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (REC_IS_INTEREST_OVERRIDE_DIALOG (l->data))
      shot->target = l->data;
  g_list_free (toplevels);
  if (shot->target != NULL)
    gtk_window_set_default_size (shot->target, shot->width, shot->height);
  else
    g_printerr ("screenshot: no dialog for REC_SHOT_DIALOG=%s\n", which);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             Shot         *shot)
{
  if (shot->window != NULL)
    return;

  if (g_strcmp0 (shot->case_path, "-") != 0)
    shot->window = rec_application_open_path (REC_APPLICATION (app), shot->case_path, NULL);
  if (shot->window == NULL)
    shot->window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (shot->window == NULL)
    shot->window = GTK_WINDOW (rec_window_new (REC_APPLICATION (app)));

  if (shot->dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* GNOME's default title bar buttons, not Xvfb's minimize-maximize-close. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (shot->window, shot->width, shot->height);
  if (REC_IS_WINDOW (shot->window) && rec_window_get_session (REC_WINDOW (shot->window)) != NULL)
    rec_window_select_page (REC_WINDOW (shot->window), shot->page);
  if (REC_IS_WINDOW (shot->window) && g_getenv ("REC_SHOT_PAYOFF") != NULL)
    g_timeout_add (600, type_payoff_cb, shot);
  if (REC_IS_WINDOW (shot->window) && g_getenv ("REC_SHOT_DIALOG") != NULL
      && rec_window_get_session (REC_WINDOW (shot->window)) != NULL)
    g_timeout_add (600, open_dialog_cb, shot);
  gtk_window_present (shot->window);
  g_timeout_add (1000, save_cb, shot);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RecApplication) app = NULL;
  Shot shot = { 0 };

  if (argc < 4)
    {
      g_printerr ("usage: screenshot CASE.recourse|- PAGE OUT.png [WIDTH HEIGHT [dark]]\n");
      return 2;
    }
  shot.case_path = argv[1];
  shot.page = argv[2];
  shot.out = argv[3];
  shot.width = argc > 5 ? atoi (argv[4]) : 1280;
  shot.height = argc > 5 ? atoi (argv[5]) : 800;
  shot.dark = argc > 6 && g_str_equal (argv[6], "dark");

  /* LANGUAGE=es RECOURSE_LOCALEDIR=BUILD/po shows the build's translations. */
  setlocale (LC_ALL, "");
  if (g_getenv ("RECOURSE_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RECOURSE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &shot);
  g_application_run (G_APPLICATION (app), 1, argv);
  return shot.status;
}

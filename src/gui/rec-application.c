/* rec-application.c — the application: actions, windows, the start page
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-application.h"

#include <glib/gi18n.h>

struct _RecApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RecApplication, rec_application, ADW_TYPE_APPLICATION)

static void
rec_application_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Recourse"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), status);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rec_application_class_init (RecApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = rec_application_activate;
}

static void
rec_application_init (RecApplication *self)
{
}

RecApplication *
rec_application_new (void)
{
  return g_object_new (REC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* main.c — a verb goes to the command line, anything else opens the window
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "recourse"

#include "config.h"

#include "rec-application.h"
#include "rec-cli.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(RecApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* RECOURSE_LOCALEDIR lets the uninstalled build find its translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RECOURSE_LOCALEDIR") ? g_getenv ("RECOURSE_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The verbs never touch GTK: they must work over SSH and in CI. */
  if (rec_cli_handles (argc, argv))
    return rec_cli_run (argc, argv);

  app = rec_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

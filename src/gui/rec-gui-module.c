/* rec-gui-module.c — the entry point of the window module (see src/meson.build)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-application.h"

#include <gmodule.h>

G_MODULE_EXPORT int rec_gui_main (int    argc,
                                  char **argv);

G_MODULE_EXPORT int
rec_gui_main (int    argc,
              char **argv)
{
  g_autoptr(RecApplication) app = rec_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* main.c — a verb goes to the command line, anything else opens the window
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "recourse"

#include "config.h"

#include "rec-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <locale.h>
#include <stdio.h>

typedef int (*GuiMainFunc) (int    argc,
                            char **argv);

/* The window module sits beside the executable in the build tree and in
 * GUI_MODULE_DIR once installed; RECOURSE_GUI_MODULE overrides both. */
static char *
find_gui_module (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *beside = NULL;

  if (g_getenv ("RECOURSE_GUI_MODULE") != NULL)
    return g_strdup (g_getenv ("RECOURSE_GUI_MODULE"));

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);

      beside = g_build_filename (dir, "librecourse-gui.so", NULL);
      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (GUI_MODULE_DIR, "librecourse-gui.so", NULL);
}

static int
run_gui (int    argc,
         char **argv)
{
  g_autofree char *path = find_gui_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  GuiMainFunc gui_main = NULL;

  if (module == NULL || !g_module_symbol (module, "rec_gui_main", (gpointer *) &gui_main))
    {
      /* Translators: %s is the technical reason the window could not start */
      fprintf (stderr, _("recourse: cannot open the window: %s\n"), g_module_error ());
      return 1;
    }

  /* The module stays loaded until the process ends. */
  return gui_main (argc, argv);
}

/* TRUE when the executable is the one meson built in BUILD_EXE_DIR (same
 * folder, compared by device and inode so a symlinked path matches). */
static gboolean
runs_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  GStatBuf here, built;

  if (exe == NULL)
    return FALSE;
  dir = g_path_get_dirname (exe);
  return g_stat (dir, &here) == 0 && g_stat (BUILD_EXE_DIR, &built) == 0
         && here.st_dev == built.st_dev && here.st_ino == built.st_ino;
}

/* The catalogs: $RECOURSE_LOCALEDIR, else the build tree's own when run from
 * it (po/meson.build compiles them there), else the installed ones. The
 * window's settings schema likewise comes from the build tree unless
 * GSETTINGS_SCHEMA_DIR says otherwise. */
static void
bind_translations (void)
{
  const char *localedir = g_getenv ("RECOURSE_LOCALEDIR");

  if (runs_from_build_tree ())
    {
      if (localedir == NULL)
        localedir = SOURCE_LOCALEDIR;
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, FALSE);
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bind_translations ();

  /* The verbs never touch GTK: they must work over SSH and in CI. */
  if (rec_cli_handles (argc, argv))
    return rec_cli_run (argc, argv);

  return run_gui (argc, argv);
}

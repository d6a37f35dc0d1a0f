/* launch-util.h — what the launch tests share: running the real binary with
 * a chosen environment and a hook run in the child before it starts
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "../cli/cli-fixture.h"

/* Runs `recourse ARGV…` with `env` (NULL: the test's own, without a
 * display), `setup` called in the child before exec. */
static inline void
run_recourse_full (Run                *run,
                   char              **env,
                   GSpawnChildSetupFunc setup,
                   const char * const *args)
{
  const char *bin = g_getenv ("RECOURSE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) own_env = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (bin);
  if (env == NULL)
    {
      own_env = g_get_environ ();
      own_env = g_environ_unsetenv (own_env, "DISPLAY");
      own_env = g_environ_unsetenv (own_env, "WAYLAND_DISPLAY");
      env = own_env;
    }

  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, setup, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("recourse %s: exit %d, stderr: %s", args[0], run->status, run->err);
}

/* test-launch-window.c — the real `recourse CASE` opens its window on that
 * case (issue 10 point 16)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts an Xvfb of its own ($XVFB -displayfd: the server picks a free display,
 * no race for ":99" with other tests). $RECOURSE_BIN, which loads its window from the GUI module
 * (src/main.c), is started on a fresh case with a title of its own, without
 * GSETTINGS_SCHEMA_DIR or RECOURSE_LOCALEDIR (the build tree provides both);
 * the test asks the X server ($XWININFO) for a viewable top-level window
 * named after the case. With RECOURSE_GUI_MODULE pointing at a module that
 * does not exist the same probe finds no window and the binary exits 1
 * saying why: the probe is what fails when the module is missing.
 */
#include "launch-util.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define TITLE "Launch Test v. Xvfb"
#define WAIT_SECONDS 60

static GPid xvfb_pid;
static char *display;

/* Starts $XVFB on a display it picks and returns ":N", or NULL. */
static char *
start_xvfb (void)
{
  const char *argv[] = { g_getenv ("XVFB"), "-displayfd", "1", "-screen", "0", "1280x800x24",
                         "-nolisten", "tcp", NULL };
  char line[32] = "";
  gsize got = 0;
  int out_fd = -1;

  if (argv[0] == NULL
      || !g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &xvfb_pid, NULL, &out_fd, NULL, NULL))
    return NULL;

  /* The number arrives once the server listens. */
  while (got < sizeof line - 1 && strchr (line, '\n') == NULL)
    {
      gssize n = read (out_fd, line + got, sizeof line - 1 - got);

      if (n <= 0)
        break;
      got += (gsize) n;
      line[got] = '\0';
    }
  close (out_fd);
  g_strstrip (line);
  if (*line == '\0')
    return NULL;
  return g_strconcat (":", line, NULL);
}

static void
stop_xvfb (void)
{
  int status;

  if (display == NULL)
    return;
  kill (xvfb_pid, SIGTERM);
  waitpid (xvfb_pid, &status, 0);
  g_spawn_close_pid (xvfb_pid);
  g_clear_pointer (&display, g_free);
}

typedef struct
{
  gboolean  window_seen;
  gboolean  exited;
  int       exit_status;
  char     *err;
} Launch;

static void
launch_clear (Launch *launch)
{
  g_free (launch->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Launch, launch_clear)

/* Whether the X server has a viewable window named `title`. */
static gboolean
window_is_viewable (const char *title)
{
  const char *argv[] = { g_getenv ("XWININFO"), "-display", display, "-name", title, NULL };
  g_autofree char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &wait_status, NULL))
    return FALSE;
  return WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0
         && strstr (out, "Map State: IsViewable") != NULL;
}

/* Starts `recourse CASE` with `env`; waits until its window is viewable or
 * it exits (or WAIT_SECONDS pass), then ends it. */
static void
launch_window (Fixture    *f,
               char      **env,
               Launch     *launch)
{
  g_autofree char *case_path = path_in (f, "launch.recourse");
  g_autofree char *err_path = path_in (f, "stderr.txt");
  const char *argv[] = { g_getenv ("RECOURSE_BIN"), case_path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  int err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int wait_status = 0;
  GPid pid;

  g_assert_cmpint (err_fd, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                         NULL, NULL, &pid, -1, -1, err_fd, &error));
  g_assert_no_error (error);
  close (err_fd);

  while (g_get_monotonic_time () < deadline)
    {
      pid_t done = waitpid (pid, &wait_status, WNOHANG);

      if (done == pid)
        {
          launch->exited = TRUE;
          launch->exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
          break;
        }
      if (window_is_viewable (TITLE))
        {
          launch->window_seen = TRUE;
          break;
        }
      g_usleep (100 * 1000);
    }

  if (!launch->exited)
    {
      kill (pid, SIGTERM);
      while (waitpid (pid, &wait_status, 0) < 0 && errno == EINTR)
        ;
    }
  g_spawn_close_pid (pid);
  g_assert_true (g_file_get_contents (err_path, &launch->err, NULL, NULL));
  g_test_message ("window seen: %d, exited: %d (%d), stderr: %s", launch->window_seen,
                  launch->exited, launch->exit_status, launch->err);
}

/* A case titled TITLE, and the environment a user has: a display, no
 * variable pointing into the build tree, settings in memory. */
static char **
prepare (Fixture *f)
{
  g_autofree char *case_path = path_in (f, "launch.recourse");
  g_auto(Run) run = { 0 };
  const char *args[] = { "new", case_path, "--title", TITLE, NULL };
  char **env = g_get_environ ();

  if (display == NULL || g_getenv ("XWININFO") == NULL)
    return NULL;

  run_recourse_full (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 0);

  env = g_environ_setenv (env, "DISPLAY", display, TRUE);
  env = g_environ_unsetenv (env, "GSETTINGS_SCHEMA_DIR");
  env = g_environ_unsetenv (env, "RECOURSE_LOCALEDIR");
  env = g_environ_unsetenv (env, "RECOURSE_GUI_MODULE");
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", f->dir, TRUE);
  return env;
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_auto(GStrv) env = prepare (f);
  g_auto(Launch) launch = { 0 };

  if (env == NULL)
    {
      g_test_skip ("no Xvfb (xvfb) or no xwininfo (x11-utils)");
      return;
    }

  launch_window (f, env, &launch);
  if (!launch.window_seen)
    g_error ("no window “%s” came up (exited: %d, status %d): %s", TITLE, launch.exited,
             launch.exit_status, launch.err);
}

static void
test_missing_module (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) env = prepare (f);
  g_autofree char *module = path_in (f, "librecourse-gui.so");
  g_auto(Launch) launch = { 0 };

  if (env == NULL)
    {
      g_test_skip ("no Xvfb (xvfb) or no xwininfo (x11-utils)");
      return;
    }

  env = g_environ_setenv (env, "RECOURSE_GUI_MODULE", module, TRUE);
  launch_window (f, env, &launch);
  g_assert_false (launch.window_seen);
  g_assert_true (launch.exited);
  g_assert_cmpint (launch.exit_status, ==, 1);
  g_assert_nonnull (strstr (launch.err, "librecourse-gui.so"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/launch/window-shows-case", Fixture, NULL, fixture_set_up, test_window,
              fixture_tear_down);
  g_test_add ("/launch/missing-module", Fixture, NULL, fixture_set_up, test_missing_module,
              fixture_tear_down);

  display = start_xvfb ();
  status = g_test_run ();
  stop_xvfb ();
  return status;
}

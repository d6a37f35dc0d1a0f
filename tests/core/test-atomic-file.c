/* test-atomic-file.c — outputs appear whole, and only over a regular file
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-atomic-file.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rec-atomic-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Written, committed over an older file: the new bytes, mode 0600, no
 * temporary left. */
static void
test_commit (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  RecAtomicFile *file;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  file = rec_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (rec_atomic_file_write (file, "new bytes", 9, &error));
  g_assert_true (rec_atomic_file_commit (file, TRUE, &error));
  g_assert_no_error (error);
  rec_atomic_file_free (file);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new bytes");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* A pipe or a folder as the output (as -o /dev/null would be) is refused
 * before anything is written, and stays what it was: renaming the temporary
 * over it would have replaced a device with a file. */
static void
test_not_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  const char *targets[] = { fifo, folder };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;
      RecAtomicFile *file = rec_atomic_file_new (targets[i], &error);
      int want = i == 0 ? G_FILE_ERROR_INVAL : G_FILE_ERROR_ISDIR;
      GStatBuf st;

      g_assert_null (file);
      g_assert_error (error, G_FILE_ERROR, want);
      g_assert_nonnull (strstr (error->message, targets[i]));
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_assert_cmpint (g_stat (targets[i], &st), ==, 0);
      g_assert_true (i == 0 ? S_ISFIFO (st.st_mode) : S_ISDIR (st.st_mode));
    }
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_unlink (fifo);
  g_rmdir (folder);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-file/commit", test_commit);
  g_test_add_func ("/atomic-file/not-regular", test_not_regular);

  return g_test_run ();
}

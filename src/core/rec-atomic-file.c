/* rec-atomic-file.c — temporary beside the target, flock held, rename into place
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct _RecAtomicFile
{
  char     *path;
  char     *temp_path;
  int       fd;
  gboolean  committed;
};

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %s is a file name, the second %s the system's reason */
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
}

/* ".BASE." followed by the six characters mkstemp chose. */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize base_len = strlen (base);

  if (strlen (name) != base_len + 8 || name[0] != '.'
      || strncmp (name + 1, base, base_len) != 0 || name[base_len + 1] != '.')
    return FALSE;

  for (const char *p = name + base_len + 2; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* "NAME-journal" (or -wal, -shm) → "NAME"; NULL for other names. */
static char *
side_file_owner (const char *name)
{
  static const char *const sides[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (g_str_has_suffix (name, sides[i]))
      return g_strndup (name, strlen (name) - strlen (sides[i]));

  return NULL;
}

/* A leftover is removed only when its lock can be taken (its writer is gone)
 * and the name still refers to the file that was locked. */
static gboolean
remove_if_stale (const char *temp_path)
{
  GStatBuf by_name;
  struct stat by_fd;
  gboolean removed = FALSE;
  int fd = g_open (temp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &by_fd) == 0
      && S_ISREG (by_fd.st_mode) && g_lstat (temp_path, &by_name) == 0
      && by_name.st_ino == by_fd.st_ino && by_name.st_dev == by_fd.st_dev)
    {
      /* A temporary filled by SQLite may have its side files beside it. */
      static const char *const sides[] = { "-journal", "-wal", "-shm" };

      removed = g_unlink (temp_path) == 0;
      for (guint i = 0; removed && i < G_N_ELEMENTS (sides); i++)
        {
          g_autofree char *side = g_strconcat (temp_path, sides[i], NULL);

          g_unlink (side);
        }
      if (removed)
        g_debug ("Removed a leftover temporary file %s", temp_path);
    }

  close (fd);
  return removed;
}

guint
rec_atomic_file_clean_stale (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    return 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *owner = side_file_owner (name);

      if (is_temporary_of (name, base))
        {
          g_autofree char *temp_path = g_build_filename (dir, name, NULL);

          removed += remove_if_stale (temp_path);
        }
      else if (owner != NULL && is_temporary_of (owner, base))
        {
          /* A journal whose temporary is gone belongs to nothing. */
          g_autofree char *owner_path = g_build_filename (dir, owner, NULL);
          g_autofree char *side_path = g_build_filename (dir, name, NULL);

          if (!g_file_test (owner_path, G_FILE_TEST_EXISTS) && g_unlink (side_path) == 0)
            removed++;
        }
    }

  return removed;
}

/* Creates and locks the temporary; retried when a cleaner removed it between
 * mkstemp and flock (its name then no longer refers to our file). */
static int
create_locked (const char *tmpl_source,
               char      **out_path)
{
  for (int attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *tmpl = g_strdup (tmpl_source);
      GStatBuf by_name;
      struct stat by_fd;
      int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

      if (fd < 0)
        return -1;

      if (flock (fd, LOCK_EX) == 0 && fstat (fd, &by_fd) == 0
          && g_lstat (tmpl, &by_name) == 0 && by_name.st_ino == by_fd.st_ino
          && by_name.st_dev == by_fd.st_dev)
        {
          *out_path = g_steal_pointer (&tmpl);
          return fd;
        }

      close (fd);
    }

  errno = EEXIST;
  return -1;
}

RecAtomicFile *
rec_atomic_file_new (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  RecAtomicFile *self;
  char *temp_path = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A device or a pipe given as the output (-o /dev/null) would be replaced
   * by the renamed file: only a regular file, or none, is written. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR,
                   S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   /* Translators: %s is the output's path, a folder or a device */
                   _("Cannot write “%s”: it is not a regular file"), name);
      return NULL;
    }

  rec_atomic_file_clean_stale (path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = create_locked (tmpl, &temp_path);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("Cannot write in “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  self = g_new0 (RecAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = temp_path;
  self->fd = fd;
  return self;
}

const char *
rec_atomic_file_get_temp_path (RecAtomicFile *self)
{
  return self->temp_path;
}

int
rec_atomic_file_get_fd (RecAtomicFile *self)
{
  return self->fd;
}

const char *
rec_atomic_file_get_path (RecAtomicFile *self)
{
  return self->path;
}

gboolean
rec_atomic_file_write (RecAtomicFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const guint8 *bytes = data;

  for (gsize done = 0; done < length;)
    {
      gssize n = write (self->fd, bytes + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_write_error (error, self->path, n == 0 ? EIO : errno);
          return FALSE;
        }
      done += (gsize) n;
    }

  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
rec_atomic_file_commit (RecAtomicFile  *self,
                        gboolean        overwrite,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (fsync (self->fd) != 0)
    {
      set_write_error (error, self->path, errno);
      return FALSE;
    }

  if ((overwrite ? g_rename (self->temp_path, self->path)
                 : link (self->temp_path, self->path)) != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        {
          g_autofree char *name = g_filename_display_name (self->path);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       /* Translators: %s is a file name */
                       _("“%s” already exists"), name);
        }
      else
        set_write_error (error, self->path, saved);
      return FALSE;
    }

  if (!overwrite)
    g_unlink (self->temp_path);
  self->committed = TRUE;
  sync_folder (self->path);
  return TRUE;
}

void
rec_atomic_file_free (RecAtomicFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed)
    g_unlink (self->temp_path);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
rec_atomic_file_set_contents (const char  *path,
                              const void  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(RecAtomicFile) file = rec_atomic_file_new (path, error);

  return file != NULL
         && rec_atomic_file_write (file, data, length, error)
         && rec_atomic_file_commit (file, TRUE, error);
}

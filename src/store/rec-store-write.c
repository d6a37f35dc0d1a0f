/* rec-store-write.c — writing a whole case into a new file (create, import, demo)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case is written into a temporary file beside the target (mode 0600) in
 * one transaction, closed, and renamed over the target: at every moment the
 * target is either absent, the old file, or the complete new one.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

typedef gboolean (*InsertFunc) (sqlite3 *db, gpointer item, GError **error);

/* Inserts a copy of every element with position = index + 1 (entry order). */
static gboolean
insert_all (sqlite3     *db,
            GPtrArray   *items,
            gpointer   (*copy) (gconstpointer),
            InsertFunc   insert,
            GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) item = copy (g_ptr_array_index (items, i));
      int *position = G_STRUCT_MEMBER_P (item, G_STRUCT_OFFSET (RecPayment, position));

      /* Every entity starts with GObject, id (gint64) and position (int). */
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecPayment, position) == G_STRUCT_OFFSET (RecChild, position));
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecTerm, position) == G_STRUCT_OFFSET (RecChild, position));
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecInterestOverride, position) == G_STRUCT_OFFSET (RecChild, position));
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecCharge, position) == G_STRUCT_OFFSET (RecChild, position));
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecCommunication, position) == G_STRUCT_OFFSET (RecChild, position));
      G_STATIC_ASSERT (G_STRUCT_OFFSET (RecEnforcementStep, position) == G_STRUCT_OFFSET (RecChild, position));

      *position = (int) i + 1;
      if (!insert (db, item, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_case (sqlite3            *db,
             const RecCaseData  *c,
             GError            **error)
{
  return _rec_store_insert_case_info (db, c->info, error)
    && insert_all (db, c->children, (gpointer) rec_child_copy,
                   (InsertFunc) _rec_store_insert_child, error)
    && insert_all (db, c->terms, (gpointer) rec_term_copy,
                   (InsertFunc) _rec_store_insert_term, error)
    && insert_all (db, c->interest_overrides, (gpointer) rec_interest_override_copy,
                   (InsertFunc) _rec_store_insert_interest_override, error)
    && insert_all (db, c->charges, (gpointer) rec_charge_copy,
                   (InsertFunc) _rec_store_insert_charge, error)
    && insert_all (db, c->payments, (gpointer) rec_payment_copy,
                   (InsertFunc) _rec_store_insert_payment, error)
    && insert_all (db, c->communications, (gpointer) rec_communication_copy,
                   (InsertFunc) _rec_store_insert_communication, error)
    && insert_all (db, c->enforcement, (gpointer) rec_enforcement_step_copy,
                   (InsertFunc) _rec_store_insert_enforcement_step, error);
}

static void set_io_error (GError **error, const char *path, int saved_errno);

/* The whole file on disk before it gets its name. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      set_io_error (error, path, errno);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Schema, then the whole case in one transaction, into a fresh database. */
static gboolean
fill_database (const char         *tmp_path,
               const RecCaseData  *case_data,
               GError            **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                            | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      _rec_store_set_error (error, db, rc, "open new");
      sqlite3_close (db);
      return FALSE;
    }

  /* Nobody sees this file before it is complete and synced (sync_file), so it
   * needs no rollback journal and no sync per transaction. */
  ok = _rec_store_configure (db, FALSE, error)
       && _rec_store_exec (db, "PRAGMA journal_mode = OFF", error)
       && _rec_store_exec (db, "PRAGMA synchronous = OFF", error)
       && _rec_store_migrate (db, 0, error)
       && _rec_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok && !(insert_case (db, case_data, error) && _rec_store_exec (db, "COMMIT", error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      ok = FALSE;
    }

  rc = _rec_store_close (db);
  if (ok && rc != SQLITE_OK)
    {
      _rec_store_set_error (error, NULL, rc, "close");
      ok = FALSE;
    }

  return ok && sync_file (tmp_path, error);
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
               /* Translators: %s is a file name, the second %s the system's reason */
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
}

static void
set_exists (GError     **error,
            const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_EXISTS,
               /* Translators: %s is a file name */
               _("“%s” already exists"), name);
}

/* Makes the rename itself durable. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* An empty file beside `path`, mode 0600, on the same file system. */
static char *
make_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }

  close (fd);
  return g_steal_pointer (&tmp_path);
}

/* Puts the finished temporary file in place. Without overwrite, link()
 * refuses atomically a file that appeared meanwhile; with it, rename()
 * replaces the old file in one step. */
static gboolean
publish (const char  *tmp_path,
         const char  *path,
         gboolean     overwrite,
         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if ((overwrite ? g_rename (tmp_path, path) : link (tmp_path, path)) != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        set_exists (error, path);
      else
        set_io_error (error, path, saved);
      return FALSE;
    }

  if (!overwrite)
    g_unlink (tmp_path);
  sync_folder (dir);
  return TRUE;
}

gboolean
rec_store_write_case (const char         *path,
                      const RecCaseData  *case_data,
                      gboolean            overwrite,
                      GError            **error)
{
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (case_data != NULL && case_data->info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_exists (error, path);
      return FALSE;
    }

  tmp_path = make_temporary (path, error);
  if (tmp_path == NULL)
    return FALSE;

  if (!fill_database (tmp_path, case_data, error)
      || !publish (tmp_path, path, overwrite, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

RecStore *
rec_store_create (const char         *path,
                  const RecCaseInfo  *info,
                  gboolean            overwrite,
                  GError            **error)
{
  g_autoptr(RecCaseData) case_data = rec_case_data_new ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (REC_IS_CASE_INFO ((RecCaseInfo *) info), NULL);

  g_clear_object (&case_data->info);
  case_data->info = rec_case_info_copy (info);

  if (!rec_store_write_case (path, case_data, overwrite, error))
    return NULL;

  return rec_store_open (path, FALSE, error);
}

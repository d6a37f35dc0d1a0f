/* rec-store-write.c — writing a whole case into a new file (create, import, demo)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case is written into a temporary file beside the target (mode 0600) in
 * one transaction, closed, and renamed over the target: at every moment the
 * target is either absent, the old file, or the complete new one. An old case
 * is replaced only under its own exclusive lock, after SQLite has rolled back
 * any hot journal of it, so that no journal of the old file is ever applied
 * to the new one.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

typedef gboolean (*InsertFunc) (sqlite3 *db, gpointer item, GError **error);

/* Inserts a copy of every element with position = index + 1 (entry order). */
static gboolean
insert_all (sqlite3     *db,
            GPtrArray   *items,
            InsertFunc   insert,
            GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(RecEntity) item = rec_entity_copy (g_ptr_array_index (items, i));

      item->position = (int) i + 1;
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
    && insert_all (db, c->children, (InsertFunc) _rec_store_insert_child, error)
    && insert_all (db, c->terms, (InsertFunc) _rec_store_insert_term, error)
    && insert_all (db, c->interest_overrides, (InsertFunc) _rec_store_insert_interest_override, error)
    && insert_all (db, c->charges, (InsertFunc) _rec_store_insert_charge, error)
    && insert_all (db, c->payments, (InsertFunc) _rec_store_insert_payment, error)
    && insert_all (db, c->communications, (InsertFunc) _rec_store_insert_communication, error)
    && insert_all (db, c->enforcement, (InsertFunc) _rec_store_insert_enforcement_step, error);
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

  /* Nobody sees this file before it is complete and synced (on commit), so
   * it needs no rollback journal and no sync per transaction. */
  /* journal_mode = OFF before the defensive options, which refuse it. */
  ok = _rec_store_exec (db, "PRAGMA journal_mode = OFF", error)
       && _rec_store_harden (db, error)
       && _rec_store_exec (db, "PRAGMA foreign_keys = ON", error)
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

  return ok;
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

static void
set_in_use (GError     **error,
            const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY,
               /* Translators: %s is a file name */
               _("“%s” is in use by another program, which is saving to it; nothing was "
                 "replaced. Try again when it is done"), name);
}

static gboolean
is_sqlite_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  gboolean ok = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);

  if (fd >= 0)
    {
      ok = read (fd, header, sizeof header) == sizeof header
           && memcmp (header, magic, sizeof magic) == 0;
      close (fd);
    }

  return ok;
}

/* Before a file is renamed over an old case: the old case's own exclusive
 * lock, taken the way SQLite takes it, so that no other program is inside a
 * transaction on it (then we stop), and so that SQLite first rolls back a hot
 * journal of the old file — which must never meet the new one. Returns the
 * connection that holds the lock (NULL when there is no old database). */
static gboolean
lock_old_case (const char  *path,
               sqlite3    **out_db,
               GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  *out_db = NULL;
  if (!is_sqlite_file (path))
    return TRUE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                        | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK && _rec_store_harden (db, NULL))
    {
      /* A write-ahead-log file gives its log back to the file (and loses its
       * side files) before it is locked; harmless if it is not a database. */
      sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
    }

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      sqlite3_close (db);
      set_in_use (error, path);
      return FALSE;
    }

  if (rc != SQLITE_OK)
    {
      /* Not a database SQLite can lock (damaged, foreign): no lock to take,
       * and its journal, if any, belongs to nothing. */
      g_debug ("The old file cannot be locked (%s): replaced as it is", sqlite3_errstr (rc));
      sqlite3_close (db);
      return TRUE;
    }

  *out_db = db;
  return TRUE;
}

/* A journal still beside the path after the lock was taken belongs to no
 * transaction (the lock says nobody is writing): it must not meet the new
 * file. */
static void
remove_side_files (const char *path)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (side) == 0)
        g_debug ("Removed %s, left by the file it replaced", side);
    }
}

static void
set_store_error_from_file_error (GError     **error,
                                 GError      *file_error,
                                 const char  *path)
{
  if (g_error_matches (file_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
    set_exists (error, path);
  else
    g_set_error_literal (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED, file_error->message);
}

gboolean
rec_store_write_case (const char         *path,
                      const RecCaseData  *case_data,
                      gboolean            overwrite,
                      GError            **error)
{
  g_autoptr(RecAtomicFile) file = NULL;
  g_autoptr(GError) file_error = NULL;
  sqlite3 *old = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (case_data != NULL && case_data->info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_exists (error, path);
      return FALSE;
    }

  /* Also removes the temporaries of writers that were killed. */
  file = rec_atomic_file_new (path, &file_error);
  if (file == NULL)
    {
      set_store_error_from_file_error (error, file_error, path);
      return FALSE;
    }

  if (!fill_database (rec_atomic_file_get_temp_path (file), case_data, error))
    return FALSE;

  if (overwrite && !lock_old_case (path, &old, error))
    return FALSE;
  if (overwrite)
    remove_side_files (path);

  ok = rec_atomic_file_commit (file, overwrite, &file_error);
  if (old != NULL)
    {
      /* The old connection wrote nothing: ending its transaction only
       * releases the lock of the old, now unlinked, file. */
      sqlite3_exec (old, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (old);
    }

  if (!ok)
    set_store_error_from_file_error (error, file_error, path);
  return ok;
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

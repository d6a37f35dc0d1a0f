/* rec-store.c — opening a case file, loading it, and the write transaction
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is checked before SQLite is allowed to touch it: a regular file that
 * starts with the SQLite header and is as long as its header says. Then the
 * application_id and user_version are read; only when both are ours does the
 * connection get its pragmas and (read-write only) the migrations. A refused
 * file is never written to.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RecStore, rec_store, G_TYPE_OBJECT)

static void
rec_store_finalize (GObject *object)
{
  RecStore *self = REC_STORE (object);

  g_clear_pointer (&self->db, _rec_store_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rec_store_parent_class)->finalize (object);
}

static void
rec_store_class_init (RecStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_store_finalize;

  /**
   * RecStore::changed:
   *
   * Emitted after each successful write.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
rec_store_init (RecStore *self)
{
}

static void
set_not_a_case (GError     **error,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
               /* Translators: %s is a file name */
               _("“%s” is not a Recourse case file"), name);
}

static gboolean
read_header (int     fd,
             guint8 *header,
             gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, header + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The first 100 bytes of an SQLite file say its page size and (when the
 * "version-valid-for" number matches the change counter) how many pages it
 * has: a file shorter than that, or not a whole number of pages, is truncated. */
static gboolean
header_is_whole (const guint8 *h,
                 goffset       size)
{
  guint32 page_size = ((guint32) h[16] << 8) | h[17];
  guint32 counter = read_be32 (h + 24);
  guint32 pages = read_be32 (h + 28);
  guint32 valid_for = read_be32 (h + 92);

  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return FALSE;
  if (size % page_size != 0)
    return FALSE;
  if (counter == valid_for && pages > 0 && (guint64) size < (guint64) pages * page_size)
    return FALSE;

  return TRUE;
}

/* Looks at the file before SQLite does (SQLite would happily "open" a text
 * file or an empty one and write to it later). */
static gboolean
check_file (const char  *path,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  GStatBuf st;
  int fd;
  gboolean ok;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name, the second %s the system's reason */
                   _("Cannot open “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_a_case (error, path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name, the second %s the system's reason */
                   _("Cannot open “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  ok = read_header (fd, header, sizeof header) && memcmp (header, magic, sizeof magic) == 0;
  close (fd);

  if (!ok)
    set_not_a_case (error, path);
  else if (!header_is_whole (header, st.st_size))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Recourse case file that can be opened: it is shorter "
                     "than its header says (truncated or damaged)"), name);
      ok = FALSE;
    }

  return ok;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rec_store_set_error (error, db, rc, sql);
      return FALSE;
    }

  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* application_id and user_version, read without writing anything. */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                int         *out_version,
                GError     **error)
{
  int app_id = 0;
  int version = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id, NULL)
      || !query_int (db, "PRAGMA user_version", &version, NULL)
      || app_id != REC_STORE_APPLICATION_ID || version < 1)
    {
      set_not_a_case (error, path);
      return FALSE;
    }

  if (version > rec_store_schema_version ())
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name */
                   _("“%s” was made by a newer Recourse; update Recourse to open it"),
                   name);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

/* The pragmas every connection gets, once the file is known to be ours. */
gboolean
_rec_store_configure (sqlite3   *db,
                      gboolean   read_only,
                      GError   **error)
{
  sqlite3_busy_timeout (db, 5000);

  if (!_rec_store_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (read_only)
    return TRUE;

  return _rec_store_exec (db, "PRAGMA journal_mode = DELETE", error)
         && _rec_store_exec (db, "PRAGMA synchronous = FULL", error);
}

/* *read_only becomes TRUE when the file could only be opened for reading (a
 * write-protected file): it is then read, never migrated. */
static sqlite3 *
open_checked (const char  *path,
              gboolean    *read_only,
              GError     **error)
{
  sqlite3 *db = NULL;
  int flags = (*read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
              | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int version = 0;
  int rc;

  if (!check_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _rec_store_set_error (error, db, rc, "open");
      sqlite3_close (db);
      return NULL;
    }

  if (!*read_only && sqlite3_db_readonly (db, "main") == 1)
    {
      g_debug ("The case file is write-protected: opened read-only");
      *read_only = TRUE;
    }

  if (!check_identity (db, path, &version, error)
      || !_rec_store_configure (db, *read_only, error)
      || (!*read_only && version < rec_store_schema_version ()
          && !_rec_store_migrate (db, version, error)))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

RecStore *
rec_store_open (const char  *path,
                gboolean     read_only,
                GError     **error)
{
  RecStore *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = open_checked (path, &read_only, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (REC_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;
  return self;
}

const char *
rec_store_get_path (RecStore *self)
{
  g_return_val_if_fail (REC_IS_STORE (self), NULL);

  return self->path;
}

gboolean
rec_store_get_read_only (RecStore *self)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return self->read_only;
}

int
rec_store_get_file_version (RecStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REC_IS_STORE (self), 0);

  stmt = _rec_store_prepare (self->db, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/* What the arrears engine reads: the case, its terms, overrides, charges and
 * payments. */
static gboolean
load_ledger (sqlite3      *db,
             RecCaseData  *case_data,
             GError      **error)
{
  g_clear_object (&case_data->info);

  return _rec_store_load_case_info (db, &case_data->info, error)
         && _rec_store_load_terms (db, case_data->terms, error)
         && _rec_store_load_interest_overrides (db, case_data->interest_overrides, error)
         && _rec_store_load_charges (db, case_data->charges, error)
         && _rec_store_load_payments (db, case_data->payments, error);
}

gboolean
_rec_store_load_all (sqlite3      *db,
                     RecCaseData  *case_data,
                     GError      **error)
{
  return load_ledger (db, case_data, error)
         && _rec_store_load_children (db, case_data->children, error)
         && _rec_store_load_communications (db, case_data->communications, error)
         && _rec_store_load_enforcement_steps (db, case_data->enforcement, error);
}

typedef gboolean (*LoadFunc) (sqlite3      *db,
                              RecCaseData  *case_data,
                              GError      **error);

static RecCaseData *
load_in_transaction (RecStore  *self,
                     LoadFunc   load,
                     GError   **error)
{
  g_autoptr(RecCaseData) case_data = rec_case_data_new ();

  /* One read transaction: a consistent snapshot, and much faster. */
  if (!_rec_store_exec (self->db, "BEGIN", error))
    return NULL;

  if (!load (self->db, case_data, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  if (!_rec_store_exec (self->db, "COMMIT", error))
    return NULL;

  return g_steal_pointer (&case_data);
}

RecCaseData *
rec_store_load_case (RecStore  *self,
                     GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), NULL);

  return load_in_transaction (self, _rec_store_load_all, error);
}

RecCaseData *
rec_store_load_ledger (RecStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), NULL);

  return load_in_transaction (self, load_ledger, error);
}

gboolean
_rec_store_write (RecStore           *self,
                  RecStoreWriteFunc   func,
                  gpointer            item,
                  GError            **error)
{
  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return FALSE;
    }

  if (!_rec_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (self->db, item, error) || !_rec_store_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

typedef struct
{
  const char *sql;
  gint64      id;
} DeleteArgs;

static gboolean
delete_row (sqlite3   *db,
            gpointer   data,
            GError   **error)
{
  const DeleteArgs *args = data;
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, args->sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, args->id);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

gboolean
_rec_store_delete_by_id (RecStore    *self,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  DeleteArgs args = { sql, id };

  return _rec_store_write (self, delete_row, &args, error);
}

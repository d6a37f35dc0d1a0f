/* rec-store.c — opening a case file, loading it, and the write transaction
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is checked before SQLite is allowed to touch it: a regular file that
 * starts with the SQLite header. A hot journal beside it (a save that a crash
 * interrupted) is rolled back by SQLite first. Then, under SQLite's shared
 * lock, the file must be as long as its header says, its application_id and
 * user_version ours, its schema exactly ours and its rows within our
 * constraints; only then does the connection get its pragmas and (read-write
 * only) the migrations. A refused file is never written to (rolling back a hot
 * journal restores its last committed state, which is not a change).
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"
#include "rec-store-attachments-private.h"

#include "rec-date.h"

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

static void
set_cannot_open (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
               /* Translators: %s is a file name, the second %s the system's reason */
               _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
}

/* Looks at the file before SQLite does (SQLite would happily "open" a text
 * file or an empty one and write to it later): a regular file that starts
 * with the SQLite header. Its length is checked later, under SQLite's lock,
 * once a hot journal has been rolled back. The 16 bytes of the magic never
 * change while another program writes the file. */
static gboolean
check_file (const char  *path,
            guint8      *header,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  GStatBuf st;
  int fd;
  gboolean ok;

  if (g_stat (path, &st) != 0)
    {
      set_cannot_open (error, path, errno);
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
      set_cannot_open (error, path, errno);
      return FALSE;
    }

  ok = read_header (fd, header, 100) && memcmp (header, magic, sizeof magic) == 0;
  close (fd);

  if (!ok)
    set_not_a_case (error, path);

  return ok;
}

static void
set_truncated (GError     **error,
               const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
               /* Translators: %s is a file name */
               _("“%s” is not a Recourse case file that can be opened: it is shorter "
                 "than its header says (truncated or damaged)"), name);
}

/* The header and length as SQLite sees them, through its own file handle
 * (a descriptor of ours, once closed, would drop SQLite's POSIX locks). */
static gboolean
check_length (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  guint8 header[100];

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK
      || file == NULL || file->pMethods == NULL
      || file->pMethods->xFileSize (file, &size) != SQLITE_OK
      || size < (sqlite3_int64) sizeof header
      || file->pMethods->xRead (file, header, sizeof header, 0) != SQLITE_OK
      || !header_is_whole (header, size))
    {
      set_truncated (error, path);
      return FALSE;
    }

  return TRUE;
}

/* What SQLite said while taking its first lock on the file, in the words of
 * someone holding the file. */
static void
set_lock_error (GError     **error,
                sqlite3     *db,
                int          rc,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY,
                   /* Translators: %s is a file name */
                   _("“%s” is in use by another program; try again when it is done"), name);
      break;

    case SQLITE_READONLY:
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” was left in the middle of a save and must be repaired, but it is "
                     "write-protected: allow writing to it and open it again"), name);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      set_not_a_case (error, path);
      break;

    default:
      _rec_store_set_error (error, db, rc, "lock");
      break;
    }
}

/* The first read of a connection: takes SQLite's shared lock (waiting for a
 * writer, up to the busy timeout) and, on a connection that may write, rolls
 * back a hot journal that a crash left (SQLite restores the last committed
 * state; this is the one write a reading verb may cause). */
static gboolean
take_first_lock (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA main.schema_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  set_lock_error (error, db, rc, path);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
has_side_file (const char *path,
               const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_lstat (side, &st) == 0;
}

/* A journal beside the file may be hot (a save was interrupted): let SQLite
 * roll it back on a connection that can write, even when the caller only
 * reads, so that the file opens with its last committed state. */
static gboolean
recover (const char  *path,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  gboolean ok = rc == SQLITE_OK && _rec_store_harden (db, error) && take_first_lock (db, path, error);

  if (rc != SQLITE_OK)
    set_lock_error (error, db, rc, path);
  if (ok)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
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

/* The pragmas every connection gets, once the file is known to be ours. A
 * read-write connection turns a write-ahead-log file (another program's
 * doing) back into a rollback-journal one: no side files travel with a case. */
gboolean
_rec_store_configure (sqlite3   *db,
                      gboolean   read_only,
                      GError   **error)
{
  if (!_rec_store_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (read_only)
    return TRUE;

  return _rec_store_exec (db, "PRAGMA journal_mode = DELETE", error)
         && _rec_store_exec (db, "PRAGMA synchronous = FULL", error);
}

/* A file in write-ahead-log mode (header bytes 18 and 19 are 2). */
static gboolean
is_wal (const guint8 *header)
{
  return header[18] == 2 || header[19] == 2;
}

static char *
immutable_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
}

/* A read-only open of a write-ahead-log file would create "-wal" and "-shm"
 * beside it. Alone, such a file holds all its data and is read as immutable;
 * with a "-wal" beside it, another program is writing it, or it was copied
 * with its log: refused. */
static gboolean
check_wal_read (const char  *path,
                gboolean    *out_immutable,
                GError     **error)
{
  g_autofree char *name = NULL;

  if (!has_side_file (path, "-wal"))
    {
      *out_immutable = TRUE;
      return TRUE;
    }

  name = g_filename_display_name (path);
  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY,
               /* Translators: %s is a file name; “-wal” is typed as is */
               _("“%s” is being written by another program (its “-wal” file is beside it); "
                 "open it in Recourse's window to take it over, or try again when that program "
                 "is done"), name);
  return FALSE;
}

/* *read_only becomes TRUE when the file could only be opened for reading (a
 * write-protected file): it is then read, never migrated. Before any query
 * the connection is hardened, the file's schema compared with ours and, for
 * every row, the constraints checked: nothing is computed from a file
 * another program changed. */
sqlite3 *
_rec_store_open_checked (const char  *path,
                         gboolean    *read_only,
                         gboolean     check_values,
                         GString     *report,
                         guint       *problems,
                         int         *out_version,
                         GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  guint8 header[100];
  gboolean immutable = FALSE;
  int flags;
  int version = 0;
  int rc;

  if (!check_file (path, header, error))
    return NULL;

  if (is_wal (header))
    {
      if (*read_only && !check_wal_read (path, &immutable, error))
        return NULL;
    }
  else if (has_side_file (path, "-journal") && g_access (path, W_OK) == 0
           && !recover (path, error))
    return NULL;

  flags = (*read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
          | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (immutable)
    uri = immutable_uri (path);
  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db, flags | (uri != NULL ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      _rec_store_set_error (error, db, rc, "open");
      sqlite3_close (db);
      return NULL;
    }

  if (!_rec_store_harden (db, error))
    goto fail;

  if (!*read_only && sqlite3_db_readonly (db, "main") == 1)
    {
      g_debug ("The case file is write-protected: opened read-only");
      *read_only = TRUE;
    }

  if (!take_first_lock (db, path, error))
    goto fail;
  if (!check_length (db, path, error) || !check_identity (db, path, &version, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      goto fail;
    }

  /* verify (a report) goes on to list what it finds; every other open stops. */
  if (report == NULL)
    {
      if (!_rec_store_check_schema (db, path, version, NULL, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          goto fail;
        }
      if (!_rec_store_exec (db, "COMMIT", error)
          || !_rec_store_configure (db, *read_only, error)
          || (check_values && !_rec_store_check_values (db, path, version, NULL, error))
          || (!*read_only && version < rec_store_schema_version ()
              && !_rec_store_migrate (db, version, error)))
        goto fail;
    }
  else
    {
      guint before = *problems;

      if (!_rec_store_check_schema (db, path, version, report, NULL))
        (*problems)++;
      if (!_rec_store_exec (db, "COMMIT", error) || !_rec_store_configure (db, TRUE, error))
        goto fail;
      if (check_values && *problems == before
          && !_rec_store_check_values (db, path, version, report, NULL))
        (*problems)++;
    }

  if (out_version != NULL)
    *out_version = version;
  return db;

fail:
  _rec_store_close (db);
  return NULL;
}

RecStore *
rec_store_open (const char  *path,
                gboolean     read_only,
                GError     **error)
{
  return rec_store_open_flags (path, read_only, REC_STORE_OPEN_DEFAULT, error);
}

RecStore *
rec_store_open_flags (const char         *path,
                      gboolean            read_only,
                      RecStoreOpenFlags   flags,
                      GError            **error)
{
  RecStore *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _rec_store_open_checked (path, &read_only, (flags & REC_STORE_OPEN_VALUES_CHECKED) == 0,
                                NULL, NULL, NULL, error);
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
_rec_store_file_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

int
rec_store_get_file_version (RecStore *self)
{
  g_return_val_if_fail (REC_IS_STORE (self), 0);

  return _rec_store_file_version (self->db);
}

gboolean
_rec_store_load_table (sqlite3              *db,
                       const RecStoreTable  *table,
                       GPtrArray            *out,
                       GError              **error)
{
  /* A file opened read-only is not migrated: one older than version 5 lacks
   * the columns of JSON v2. */
  const char *sql = table->load_sql_v4 != NULL && _rec_store_file_version (db) < 5
                    ? table->load_sql_v4 : table->load_sql;
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, sql, error);
  GType type = table->get_type ();
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RecEntity) entity = g_object_new (type, NULL);

      entity->id = sqlite3_column_int64 (stmt, 0);
      entity->position = sqlite3_column_int (stmt, 1);
      entity->created_at = _rec_store_column_text (stmt, 2);
      entity->updated_at = _rec_store_column_text (stmt, 3);
      if (!table->read (stmt, entity, error))
        return FALSE;
      g_ptr_array_add (out, g_steal_pointer (&entity));
    }

  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, table->name);
      return FALSE;
    }

  return TRUE;
}

/* The case details and every table (only what the arrears engine reads when
 * `ledger_only`). */
static gboolean
load_tables (sqlite3      *db,
             RecCaseData  *case_data,
             gboolean      ledger_only,
             GError      **error)
{
  g_clear_object (&case_data->info);
  if (!_rec_store_load_case_info (db, &case_data->info, error))
    return FALSE;

  for (guint i = 0; _rec_store_tables[i] != NULL; i++)
    {
      const RecStoreTable *table = _rec_store_tables[i];

      if ((table->ledger || !ledger_only)
          && !_rec_store_load_table (db, table,
                                     G_STRUCT_MEMBER (GPtrArray *, case_data, table->data_offset),
                                     error))
        return FALSE;
    }

  /* The documents' metadata and links (never their bytes: a case may hold
   * gigabytes of photos; rec_store_load_attachment_data reads them). */
  return ledger_only || _rec_store_load_attachments (db, case_data, error);
}

/* What the arrears engine reads: the case, its terms, overrides, charges and
 * payments. */
static gboolean
load_ledger (sqlite3      *db,
             RecCaseData  *case_data,
             GError      **error)
{
  return load_tables (db, case_data, TRUE, error);
}

gboolean
_rec_store_load_all (sqlite3      *db,
                     RecCaseData  *case_data,
                     GError      **error)
{
  return load_tables (db, case_data, FALSE, error);
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
_rec_store_commit (RecStore        *self,
                   RecStoreChange  *change,
                   GError         **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return FALSE;
    }

  if (!_rec_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  change->now = now;
  if (!_rec_store_apply (self->db, change, error) || !_rec_store_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      change->now = NULL;
      return FALSE;
    }

  change->now = NULL;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

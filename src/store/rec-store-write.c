/* rec-store-write.c — every write of a case file: one record, or a whole case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _rec_store_apply is the one place where rows are written: add, update and
 * delete of the seven kinds of record (through their table descriptors), the
 * case details, and every row of a whole case written into a new file.
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
#include "rec-store-attachments-private.h"

#include "rec-atomic-file.h"
#include "rec-date.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

const RecStoreTable *const _rec_store_tables[] = {
  &_rec_store_table_children,
  &_rec_store_table_terms,
  &_rec_store_table_interest_overrides,
  &_rec_store_table_charges,
  &_rec_store_table_payments,
  &_rec_store_table_communications,
  &_rec_store_table_enforcement_steps,
  NULL,
};

const RecStoreTable *
_rec_store_table_for_type (GType type)
{
  for (guint i = 0; _rec_store_tables[i] != NULL; i++)
    if (_rec_store_tables[i]->get_type () == type)
      return _rec_store_tables[i];

  return NULL;
}

static void
set_stamp (char       **field,
           const char  *now)
{
  g_free (*field);
  *field = g_strdup (now);
}

/* ?1 (the position of an insert, the id of an update), :now, and the
 * record's own fields. */
static gboolean
bind_row (sqlite3_stmt         *stmt,
          const RecStoreTable  *table,
          gint64                first,
          const RecEntity      *record,
          const char           *now,
          GError              **error)
{
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now, -1,
                     SQLITE_STATIC);
  return table->bind (stmt, record, error);
}

static gboolean
insert_row (sqlite3         *db,
            RecStoreChange  *change,
            GError         **error)
{
  g_autoptr(RecCachedStmt) stmt = NULL;
  RecEntity *written = change->written;
  int position = change->record->position;

  if (!_rec_store_assign_position (db, change->table->max_sql, &position, error))
    return FALSE;

  stmt = _rec_store_prepare_cached (db, change->table->insert_sql, error);
  if (stmt == NULL
      || !bind_row (stmt, change->table, position, change->record, change->now, error)
      || !_rec_store_step_done (db, stmt, error))
    return FALSE;

  written->id = sqlite3_last_insert_rowid (db);
  written->position = position;
  set_stamp (&written->created_at, change->now);
  set_stamp (&written->updated_at, change->now);
  return TRUE;
}

static gboolean
update_row (sqlite3         *db,
            RecStoreChange  *change,
            GError         **error)
{
  g_autoptr(RecCachedStmt) stmt = _rec_store_prepare_cached (db, change->table->update_sql,
                                                             error);

  if (stmt == NULL
      || !bind_row (stmt, change->table, change->record->id, change->record, change->now, error)
      || !_rec_store_step_done (db, stmt, error)
      || !_rec_store_check_changed (db, error))
    return FALSE;

  if (change->written != NULL)
    set_stamp (&change->written->updated_at, change->now);
  return TRUE;
}

static gboolean
delete_row (sqlite3         *db,
            RecStoreChange  *change,
            GError         **error)
{
  g_autoptr(RecCachedStmt) stmt = _rec_store_prepare_cached (db, change->table->delete_sql,
                                                             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->id);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

/* A record of the table's kind, and (add) the object that takes its id. */
static gboolean
change_is_valid (const RecStoreChange *change)
{
  switch (change->op)
    {
    case REC_STORE_CHANGE_ADD:
      return change->table != NULL && change->written != NULL
             && change->record == change->written
             && G_TYPE_CHECK_INSTANCE_TYPE (change->record, change->table->get_type ());
    case REC_STORE_CHANGE_UPDATE:
      return change->table != NULL && change->record != NULL
             && G_TYPE_CHECK_INSTANCE_TYPE (change->record, change->table->get_type ());
    case REC_STORE_CHANGE_DELETE:
      return change->table != NULL;
    case REC_STORE_CHANGE_CREATE_INFO:
    case REC_STORE_CHANGE_SET_INFO:
      return REC_IS_CASE_INFO ((RecCaseInfo *) change->info);
    default:
      return FALSE;
    }
}

gboolean
_rec_store_apply_row (sqlite3         *db,
                      RecStoreChange  *change,
                      GError         **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (change_is_valid (change) && change->now != NULL, FALSE);

  switch (change->op)
    {
    case REC_STORE_CHANGE_ADD:
      ok = insert_row (db, change, error);
      break;
    case REC_STORE_CHANGE_UPDATE:
      ok = update_row (db, change, error);
      break;
    case REC_STORE_CHANGE_DELETE:
      /* A deleted record's links go, and each document it was the only
       * link of (spec/evidence.md §1). */
      ok = delete_row (db, change, error)
           && _rec_store_attachments_record_removed (db, change->table->entity, change->id,
                                                     change->now, error);
      break;
    case REC_STORE_CHANGE_CREATE_INFO:
      ok = _rec_store_insert_case_info (db, change->info, change->now, error);
      break;
    case REC_STORE_CHANGE_SET_INFO:
      ok = _rec_store_update_case_info (db, change->info, change->now, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return ok;
}

gboolean
_rec_store_apply (sqlite3         *db,
                  RecStoreChange  *change,
                  GError         **error)
{
  /* Every change of a case file passes here once, inside the transaction
   * that writes it: its row, then (an added record has its id) its journal
   * entry, in the same transaction, so that a change and its entry commit
   * together or not at all. */
  return _rec_store_apply_row (db, change, error)
         && _rec_store_journal_change (db, change, error);
}

/* Every record with position = index + 1 (entry order), in the order of the
 * tables. The records are copies: the case is the caller's. */
static gboolean
insert_case (sqlite3            *db,
             const RecCaseData  *c,
             const char         *source_sha256,
             const char         *now,
             GError            **error)
{
  RecStoreChange info = { .op = REC_STORE_CHANGE_CREATE_INFO, .info = c->info, .now = now };

  /* The history of an imported case starts with the document it came from
   * (spec/evidence.md §2); then, as for a new or demo case, one `add` entry
   * for the case and one per record (_rec_store_apply). */
  if (source_sha256 != NULL)
    {
      g_autofree char *data = g_strdup_printf ("{\"source_sha256\":\"%s\"}", source_sha256);

      if (!_rec_store_journal_append (db, now, "import", "case", 0, data, error))
        return FALSE;
    }

  if (!_rec_store_apply (db, &info, error))
    return FALSE;

  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    {
      const RecStoreTable *table = _rec_store_tables[t];
      GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, c, table->data_offset);

      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr(RecEntity) item = rec_entity_copy (g_ptr_array_index (items, i));
          RecStoreChange change = { .op = REC_STORE_CHANGE_ADD, .table = table,
                                    .record = item, .written = item, .now = now };

          item->position = (int) i + 1;
          if (!_rec_store_apply (db, &change, error))
            return FALSE;
        }
    }

  /* The documents last: their links name the records by position. */
  return _rec_store_write_attachments (db, c, now, error);
}

/* Schema, then the whole case in one transaction, into a fresh database. */
static gboolean
fill_database (const char         *tmp_path,
               const RecCaseData  *case_data,
               const char         *source_sha256,
               GError            **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();
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
  /* Pages of 16 KiB, not SQLite's 4 KiB: documents and MMS pictures are
   * most of a case file's bytes, and a blob is written (and read) one page
   * at a time — a 1 GB SMS backup's 723 MiB of pictures were 189 000
   * writes of 4 KiB, 1.5 s of system time. Set before the first table;
   * files made before keep theirs. */
  ok = _rec_store_exec (db, "PRAGMA page_size = 16384", error)
       && _rec_store_exec (db, "PRAGMA journal_mode = OFF", error)
       && _rec_store_harden (db, error)
       && _rec_store_exec (db, "PRAGMA foreign_keys = ON", error)
       && _rec_store_exec (db, "PRAGMA synchronous = OFF", error)
       && _rec_store_migrate (db, 0, error)
       && _rec_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok && !(insert_case (db, case_data, source_sha256, now, error) && _rec_store_exec (db, "COMMIT", error)))
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

static gboolean
write_case (const char         *path,
            const RecCaseData  *case_data,
            const char         *source_sha256,
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

  if (!fill_database (rec_atomic_file_get_temp_path (file), case_data, source_sha256, error))
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

gboolean
rec_store_write_case (const char         *path,
                      const RecCaseData  *case_data,
                      gboolean            overwrite,
                      GError            **error)
{
  return write_case (path, case_data, NULL, overwrite, error);
}

static gboolean
is_sha256_hex (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0' && i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return i == 64 && text[i] == '\0';
}

gboolean
rec_store_import_case (const char         *path,
                       const RecCaseData  *case_data,
                       const char         *source_sha256,
                       gboolean            overwrite,
                       GError            **error)
{
  g_return_val_if_fail (source_sha256 != NULL && is_sha256_hex (source_sha256), FALSE);

  return write_case (path, case_data, source_sha256, overwrite, error);
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

/* The public writes of one record. */

static gboolean
add_record (RecStore             *self,
            const RecStoreTable  *table,
            RecEntity            *entity,
            GError              **error)
{
  RecStoreChange change = { .op = REC_STORE_CHANGE_ADD, .table = table, .record = entity,
                            .written = entity };

  return _rec_store_commit (self, &change, error);
}

static gboolean
update_record (RecStore             *self,
               const RecStoreTable  *table,
               const RecEntity      *record,
               RecEntity            *written,
               GError              **error)
{
  RecStoreChange change = { .op = REC_STORE_CHANGE_UPDATE, .table = table, .record = record,
                            .written = written };

  return _rec_store_commit (self, &change, error);
}

static gboolean
delete_record (RecStore             *self,
               const RecStoreTable  *table,
               gint64                id,
               GError              **error)
{
  RecStoreChange change = { .op = REC_STORE_CHANGE_DELETE, .table = table, .id = id };

  return _rec_store_commit (self, &change, error);
}

/* The table of a record of one of the seven kinds. */
static const RecStoreTable *
table_of (const RecEntity *entity)
{
  const RecStoreTable *table;

  g_return_val_if_fail (REC_IS_ENTITY ((RecEntity *) entity), NULL);

  table = _rec_store_table_for_type (G_OBJECT_TYPE (entity));
  g_return_val_if_fail (table != NULL, NULL);
  return table;
}

gboolean
rec_store_add (RecStore   *self,
               RecEntity  *entity,
               GError    **error)
{
  const RecStoreTable *table;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  table = table_of (entity);
  return table != NULL && add_record (self, table, entity, error);
}

gboolean
rec_store_update (RecStore   *self,
                  RecEntity  *entity,
                  GError    **error)
{
  const RecStoreTable *table;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  table = table_of (entity);
  return table != NULL && update_record (self, table, entity, entity, error);
}

gboolean
rec_store_delete (RecStore         *self,
                  const RecEntity  *entity,
                  GError          **error)
{
  const RecStoreTable *table;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  table = table_of (entity);
  return table != NULL && delete_record (self, table, entity->id, error);
}

/* The per-kind calls: the same writes, each refusing a record of another kind. */
#define DEFINE_ENTITY_API(Type, name, TYPE, table)                                   \
  gboolean                                                                           \
  rec_store_add_##name (RecStore *self, Type *item, GError **error)                  \
  {                                                                                  \
    g_return_val_if_fail (REC_IS_STORE (self), FALSE);                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, TYPE), FALSE);           \
    return add_record (self, &table, REC_ENTITY (item), error);                      \
  }                                                                                  \
  gboolean                                                                           \
  rec_store_update_##name (RecStore *self, const Type *item, GError **error)         \
  {                                                                                  \
    g_return_val_if_fail (REC_IS_STORE (self), FALSE);                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, TYPE), FALSE);           \
    return update_record (self, &table,                                              \
                          REC_STORE_CONST_CAST (item, REC_TYPE_ENTITY, RecEntity),   \
                          NULL, error);                                              \
  }                                                                                  \
  gboolean                                                                           \
  rec_store_delete_##name (RecStore *self, gint64 id, GError **error)                \
  {                                                                                  \
    g_return_val_if_fail (REC_IS_STORE (self), FALSE);                               \
    return delete_record (self, &table, id, error);                                  \
  }

DEFINE_ENTITY_API (RecChild, child, REC_TYPE_CHILD, _rec_store_table_children)
DEFINE_ENTITY_API (RecTerm, term, REC_TYPE_TERM, _rec_store_table_terms)
DEFINE_ENTITY_API (RecInterestOverride, interest_override, REC_TYPE_INTEREST_OVERRIDE,
                   _rec_store_table_interest_overrides)
DEFINE_ENTITY_API (RecCharge, charge, REC_TYPE_CHARGE, _rec_store_table_charges)
DEFINE_ENTITY_API (RecPayment, payment, REC_TYPE_PAYMENT, _rec_store_table_payments)
DEFINE_ENTITY_API (RecCommunication, communication, REC_TYPE_COMMUNICATION,
                   _rec_store_table_communications)
DEFINE_ENTITY_API (RecEnforcementStep, enforcement_step, REC_TYPE_ENFORCEMENT_STEP,
                   _rec_store_table_enforcement_steps)

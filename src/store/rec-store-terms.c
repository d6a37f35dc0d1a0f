/* rec-store-terms.c — the terms table
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table file has the same shape: insert (no transaction: add_* and
 * write_case use it), update, delete, and load in entry order.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-date.h"

static const char insert_sql[] =
  "INSERT INTO terms (position, kind, amount, frequency, due_day,"
  " due_day_first, due_day_second, effective, end_date, reference, notes,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
  " ?10, ?11, ?12, ?12)";
static const char update_sql[] =
  "UPDATE terms SET kind = ?2, amount = ?3, frequency = ?4, due_day = ?5,"
  " due_day_first = ?6, due_day_second = ?7, effective = ?8, end_date ="
  " ?9, reference = ?10, notes = ?11, updated_at = ?12 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM terms WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM terms";
static const char load_sql[] =
  "SELECT id, position, kind, amount, frequency, due_day, due_day_first,"
  " due_day_second, effective, end_date, reference, notes FROM terms"
  " ORDER BY position, id";

static void
bind_fields (sqlite3_stmt  *stmt,
             const RecTerm *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  sqlite3_bind_text (stmt, 2, rec_term_kind_to_word (item->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, item->amount_cents);
  sqlite3_bind_text (stmt, 4, rec_frequency_to_word (item->frequency), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, item->due_day);
  sqlite3_bind_int (stmt, 6, item->due_days[0]);
  sqlite3_bind_int (stmt, 7, item->due_days[1]);
  _rec_store_bind_date (stmt, 8, &item->effective);
  _rec_store_bind_date (stmt, 9, &item->end);
  _rec_store_bind_text (stmt, 10, item->reference);
  _rec_store_bind_text (stmt, 11, item->notes);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_term (sqlite3  *db,
                        RecTerm  *item,
                        GError  **error)
{
  g_autoptr(RecCachedStmt) stmt = NULL;
  int position = item->entity.position;

  if (!_rec_store_assign_position (db, max_sql, &position, error))
    return FALSE;

  stmt = _rec_store_prepare_cached (db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, position);
  bind_fields (stmt, item);
  if (!_rec_store_step_done (db, stmt, error))
    return FALSE;

  item->entity.id = sqlite3_last_insert_rowid (db);
  item->entity.position = position;
  return TRUE;
}

static gboolean
update_term (sqlite3   *db,
             gpointer   data,
             GError   **error)
{
  const RecTerm *item = data;
  g_autoptr(RecCachedStmt) stmt = NULL;

  stmt = _rec_store_prepare_cached (db, update_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->entity.id);
  bind_fields (stmt, item);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

static gboolean
read_row (sqlite3_stmt  *stmt,
          RecTerm       *item,
          GError       **error)
{
  int kind;
  int frequency;

  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_enum (stmt, 2, rec_term_kind_from_word, &kind, error)
      || !_rec_store_column_enum (stmt, 4, rec_frequency_from_word, &frequency, error)
      || !_rec_store_column_date (stmt, 8, &item->effective, error)
      || !_rec_store_column_date (stmt, 9, &item->end, error))
    return FALSE;

  item->kind = kind;
  item->amount_cents = sqlite3_column_int64 (stmt, 3);
  item->frequency = frequency;
  item->due_day = sqlite3_column_int (stmt, 5);
  item->due_days[0] = sqlite3_column_int (stmt, 6);
  item->due_days[1] = sqlite3_column_int (stmt, 7);
  g_free (item->reference);
  item->reference = _rec_store_column_text (stmt, 10);
  g_free (item->notes);
  item->notes = _rec_store_column_text (stmt, 11);
  return TRUE;
}

gboolean
_rec_store_load_terms (sqlite3    *db,
                       GPtrArray  *out,
                       GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_TERM,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_term (RecStore  *self,
                    RecTerm   *item,
                    GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_TERM (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_term, item, error);
}

gboolean
rec_store_update_term (RecStore       *self,
                       const RecTerm  *item,
                       GError        **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_TERM ((RecTerm *) item), FALSE);

  return _rec_store_write (self, update_term, (gpointer) item, error);
}

gboolean
rec_store_delete_term (RecStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

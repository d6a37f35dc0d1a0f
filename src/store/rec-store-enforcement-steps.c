/* rec-store-enforcement-steps.c — the enforcement steps table
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
  "INSERT INTO enforcement_steps (position, remedy, status, date, agency,"
  " reference, next_date, notes, created_at, updated_at) VALUES (?1, ?2,"
  " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
static const char update_sql[] =
  "UPDATE enforcement_steps SET remedy = ?2, status = ?3, date = ?4,"
  " agency = ?5, reference = ?6, next_date = ?7, notes = ?8, updated_at ="
  " ?9 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM enforcement_steps WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM enforcement_steps";
static const char load_sql[] =
  "SELECT id, position, remedy, status, date, agency, reference,"
  " next_date, notes FROM enforcement_steps ORDER BY position, id";

static void
bind_fields (sqlite3_stmt             *stmt,
             const RecEnforcementStep *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  sqlite3_bind_text (stmt, 2, rec_remedy_to_word (item->remedy), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rec_status_to_word (item->status), -1, SQLITE_STATIC);
  _rec_store_bind_date (stmt, 4, &item->date);
  _rec_store_bind_text (stmt, 5, item->agency);
  _rec_store_bind_text (stmt, 6, item->reference);
  _rec_store_bind_date (stmt, 7, &item->next_date);
  _rec_store_bind_text (stmt, 8, item->notes);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_enforcement_step (sqlite3             *db,
                                    RecEnforcementStep  *item,
                                    GError             **error)
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
update_enforcement_step (sqlite3   *db,
                         gpointer   data,
                         GError   **error)
{
  const RecEnforcementStep *item = data;
  g_autoptr(RecCachedStmt) stmt = NULL;

  stmt = _rec_store_prepare_cached (db, update_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->entity.id);
  bind_fields (stmt, item);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

static gboolean
read_row (sqlite3_stmt        *stmt,
          RecEnforcementStep  *item,
          GError             **error)
{
  int remedy;
  int status;

  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_enum (stmt, 2, rec_remedy_from_word, &remedy, error)
      || !_rec_store_column_enum (stmt, 3, rec_status_from_word, &status, error)
      || !_rec_store_column_date (stmt, 4, &item->date, error)
      || !_rec_store_column_date (stmt, 7, &item->next_date, error))
    return FALSE;

  item->remedy = remedy;
  item->status = status;
  g_free (item->agency);
  item->agency = _rec_store_column_text (stmt, 5);
  g_free (item->reference);
  item->reference = _rec_store_column_text (stmt, 6);
  g_free (item->notes);
  item->notes = _rec_store_column_text (stmt, 8);
  return TRUE;
}

gboolean
_rec_store_load_enforcement_steps (sqlite3    *db,
                                   GPtrArray  *out,
                                   GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_ENFORCEMENT_STEP,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_enforcement_step (RecStore            *self,
                                RecEnforcementStep  *item,
                                GError             **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_ENFORCEMENT_STEP (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_enforcement_step, item, error);
}

gboolean
rec_store_update_enforcement_step (RecStore                  *self,
                                   const RecEnforcementStep  *item,
                                   GError                   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_ENFORCEMENT_STEP ((RecEnforcementStep *) item), FALSE);

  return _rec_store_write (self, update_enforcement_step, (gpointer) item, error);
}

gboolean
rec_store_delete_enforcement_step (RecStore  *self,
                                   gint64     id,
                                   GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

/* rec-store-interest-overrides.c — the interest overrides table
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
  "INSERT INTO interest_overrides (position, from_date, to_date,"
  " rate_basis_points, reason, created_at, updated_at) VALUES (?1, ?2,"
  " ?3, ?4, ?5, ?6, ?6)";
static const char update_sql[] =
  "UPDATE interest_overrides SET from_date = ?2, to_date = ?3,"
  " rate_basis_points = ?4, reason = ?5, updated_at = ?6 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM interest_overrides WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM interest_overrides";
static const char load_sql[] =
  "SELECT id, position, from_date, to_date, rate_basis_points, reason"
  " FROM interest_overrides ORDER BY position, id";

static void
bind_fields (sqlite3_stmt              *stmt,
             const RecInterestOverride *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  _rec_store_bind_date (stmt, 2, &item->from);
  _rec_store_bind_date (stmt, 3, &item->to);
  sqlite3_bind_int (stmt, 4, item->rate_basis_points);
  _rec_store_bind_text (stmt, 5, item->reason);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_interest_override (sqlite3              *db,
                                     RecInterestOverride  *item,
                                     GError              **error)
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
update_interest_override (sqlite3   *db,
                          gpointer   data,
                          GError   **error)
{
  const RecInterestOverride *item = data;
  g_autoptr(RecCachedStmt) stmt = NULL;

  stmt = _rec_store_prepare_cached (db, update_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->entity.id);
  bind_fields (stmt, item);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

static gboolean
read_row (sqlite3_stmt         *stmt,
          RecInterestOverride  *item,
          GError              **error)
{
  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_date (stmt, 2, &item->from, error)
      || !_rec_store_column_date (stmt, 3, &item->to, error))
    return FALSE;

  item->rate_basis_points = sqlite3_column_int (stmt, 4);
  g_free (item->reason);
  item->reason = _rec_store_column_text (stmt, 5);
  return TRUE;
}

gboolean
_rec_store_load_interest_overrides (sqlite3    *db,
                                    GPtrArray  *out,
                                    GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_INTEREST_OVERRIDE,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_interest_override (RecStore             *self,
                                 RecInterestOverride  *item,
                                 GError              **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_INTEREST_OVERRIDE (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_interest_override, item, error);
}

gboolean
rec_store_update_interest_override (RecStore                   *self,
                                    const RecInterestOverride  *item,
                                    GError                    **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_INTEREST_OVERRIDE ((RecInterestOverride *) item), FALSE);

  return _rec_store_write (self, update_interest_override, (gpointer) item, error);
}

gboolean
rec_store_delete_interest_override (RecStore  *self,
                                    gint64     id,
                                    GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

/* rec-store-charges.c — the charges table
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
  "INSERT INTO charges (position, date, amount, description,"
  " interest_bearing, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5,"
  " ?6, ?6)";
static const char update_sql[] =
  "UPDATE charges SET date = ?2, amount = ?3, description = ?4,"
  " interest_bearing = ?5, updated_at = ?6 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM charges WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM charges";
static const char load_sql[] =
  "SELECT id, position, date, amount, description, interest_bearing FROM"
  " charges ORDER BY position, id";

static void
bind_fields (sqlite3_stmt    *stmt,
             const RecCharge *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  _rec_store_bind_date (stmt, 2, &item->date);
  sqlite3_bind_int64 (stmt, 3, item->amount_cents);
  _rec_store_bind_text (stmt, 4, item->description);
  sqlite3_bind_int (stmt, 5, item->interest_bearing ? 1 : 0);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_charge (sqlite3    *db,
                          RecCharge  *item,
                          GError    **error)
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
update_charge (sqlite3   *db,
               gpointer   data,
               GError   **error)
{
  const RecCharge *item = data;
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
          RecCharge     *item,
          GError       **error)
{
  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_date (stmt, 2, &item->date, error))
    return FALSE;

  item->amount_cents = sqlite3_column_int64 (stmt, 3);
  g_free (item->description);
  item->description = _rec_store_column_text (stmt, 4);
  item->interest_bearing = sqlite3_column_int (stmt, 5) != 0;
  return TRUE;
}

gboolean
_rec_store_load_charges (sqlite3    *db,
                         GPtrArray  *out,
                         GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_CHARGE,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_charge (RecStore   *self,
                      RecCharge  *item,
                      GError    **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_CHARGE (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_charge, item, error);
}

gboolean
rec_store_update_charge (RecStore         *self,
                         const RecCharge  *item,
                         GError          **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_CHARGE ((RecCharge *) item), FALSE);

  return _rec_store_write (self, update_charge, (gpointer) item, error);
}

gboolean
rec_store_delete_charge (RecStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

/* rec-store-children.c — the children table
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
  "INSERT INTO children (position, name, birth_date, created_at,"
  " updated_at) VALUES (?1, ?2, ?3, ?4, ?4)";
static const char update_sql[] =
  "UPDATE children SET name = ?2, birth_date = ?3, updated_at = ?4 WHERE"
  " id = ?1";
static const char delete_sql[] = "DELETE FROM children WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM children";
static const char load_sql[] =
  "SELECT id, position, name, birth_date FROM children ORDER BY position,"
  " id";

static void
bind_fields (sqlite3_stmt   *stmt,
             const RecChild *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  _rec_store_bind_text (stmt, 2, item->name);
  _rec_store_bind_date (stmt, 3, &item->birth_date);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_child (sqlite3   *db,
                         RecChild  *item,
                         GError   **error)
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
update_child (sqlite3   *db,
              gpointer   data,
              GError   **error)
{
  const RecChild *item = data;
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
          RecChild      *item,
          GError       **error)
{
  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_date (stmt, 3, &item->birth_date, error))
    return FALSE;

  g_free (item->name);
  item->name = _rec_store_column_text (stmt, 2);
  return TRUE;
}

gboolean
_rec_store_load_children (sqlite3    *db,
                          GPtrArray  *out,
                        GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_CHILD,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_child (RecStore  *self,
                     RecChild  *item,
                     GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_CHILD (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_child, item, error);
}

gboolean
rec_store_update_child (RecStore        *self,
                        const RecChild  *item,
                        GError         **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_CHILD ((RecChild *) item), FALSE);

  return _rec_store_write (self, update_child, (gpointer) item, error);
}

gboolean
rec_store_delete_child (RecStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

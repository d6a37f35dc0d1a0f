/* rec-store-payments.c — the payments table
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
  "INSERT INTO payments (position, date, amount, method, reference,"
  " notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
  " ?7)";
static const char update_sql[] =
  "UPDATE payments SET date = ?2, amount = ?3, method = ?4, reference ="
  " ?5, notes = ?6, updated_at = ?7 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM payments WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM payments";
static const char load_sql[] =
  "SELECT id, position, date, amount, method, reference, notes FROM"
  " payments ORDER BY position, id";

static void
bind_fields (sqlite3_stmt     *stmt,
             const RecPayment *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  _rec_store_bind_date (stmt, 2, &item->date);
  sqlite3_bind_int64 (stmt, 3, item->amount_cents);
  sqlite3_bind_text (stmt, 4, rec_payment_method_to_word (item->method), -1, SQLITE_STATIC);
  _rec_store_bind_text (stmt, 5, item->reference);
  _rec_store_bind_text (stmt, 6, item->notes);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_payment (sqlite3     *db,
                           RecPayment  *item,
                           GError     **error)
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
update_payment (sqlite3   *db,
                gpointer   data,
                GError   **error)
{
  const RecPayment *item = data;
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
          RecPayment    *item,
          GError       **error)
{
  int method;

  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_date (stmt, 2, &item->date, error)
      || !_rec_store_column_enum (stmt, 4, rec_payment_method_from_word, &method, error))
    return FALSE;

  item->amount_cents = sqlite3_column_int64 (stmt, 3);
  item->method = method;
  g_free (item->reference);
  item->reference = _rec_store_column_text (stmt, 5);
  g_free (item->notes);
  item->notes = _rec_store_column_text (stmt, 6);
  return TRUE;
}

gboolean
_rec_store_load_payments (sqlite3    *db,
                          GPtrArray  *out,
                          GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_PAYMENT,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_payment (RecStore    *self,
                       RecPayment  *item,
                       GError     **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_PAYMENT (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_payment, item, error);
}

gboolean
rec_store_update_payment (RecStore          *self,
                          const RecPayment  *item,
                          GError           **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_PAYMENT ((RecPayment *) item), FALSE);

  return _rec_store_write (self, update_payment, (gpointer) item, error);
}

gboolean
rec_store_delete_payment (RecStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

/* rec-store-payments.c — the payments table
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table file is one descriptor (rec-store-private.h): its SQL and how
 * its columns map to the fields of its kind. Writing and loading are done
 * once for every table (rec-store-write.c, rec-store.c).
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

static gboolean
bind_payment (sqlite3_stmt     *stmt,
              const RecEntity  *entity,
              GError          **error)
{
  const RecPayment *item = REC_STORE_CONST_CAST (entity, REC_TYPE_PAYMENT, RecPayment);

  _rec_store_bind_date (stmt, 2, &item->date);
  sqlite3_bind_int64 (stmt, 3, item->amount_cents);
  sqlite3_bind_text (stmt, 4, rec_payment_method_to_word (item->method), -1, SQLITE_STATIC);
  _rec_store_bind_text (stmt, 5, item->reference);
  _rec_store_bind_text (stmt, 6, item->notes);
  return TRUE;
}

static gboolean
read_payment (sqlite3_stmt  *stmt,
              RecEntity     *entity,
              GError       **error)
{
  RecPayment *item = REC_PAYMENT (entity);
  int method;

  if (!_rec_store_column_date (stmt, 4, &item->date, error)
      || !_rec_store_column_enum (stmt, 6, rec_payment_method_from_word, &method, error))
    return FALSE;

  item->amount_cents = sqlite3_column_int64 (stmt, 5);
  item->method = method;
  _rec_store_read_text (stmt, 7, &item->reference);
  _rec_store_read_text (stmt, 8, &item->notes);
  return TRUE;
}

const RecStoreTable _rec_store_table_payments = {
  .name = "payments",
  .entity = "payments",
  .get_type = rec_payment_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, payments),
  .ledger = TRUE,
  .insert_sql =
    "INSERT INTO payments (position, date, amount, method, reference, notes,"
    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, :now, :now)",
  .update_sql =
    "UPDATE payments SET date = ?2, amount = ?3, method = ?4, reference = ?5,"
    " notes = ?6, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM payments WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, date, amount, method,"
    " reference, notes FROM payments ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM payments",
  .bind = bind_payment,
  .read = read_payment,
};

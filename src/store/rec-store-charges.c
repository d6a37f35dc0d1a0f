/* rec-store-charges.c — the charges table
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
bind_charge (sqlite3_stmt     *stmt,
             const RecEntity  *entity,
             GError          **error)
{
  const RecCharge *item = REC_STORE_CONST_CAST (entity, REC_TYPE_CHARGE, RecCharge);

  _rec_store_bind_date (stmt, 2, &item->date);
  sqlite3_bind_int64 (stmt, 3, item->amount_cents);
  _rec_store_bind_text (stmt, 4, item->description);
  sqlite3_bind_int (stmt, 5, item->interest_bearing ? 1 : 0);
  return TRUE;
}

static gboolean
read_charge (sqlite3_stmt  *stmt,
             RecEntity     *entity,
             GError       **error)
{
  RecCharge *item = REC_CHARGE (entity);

  if (!_rec_store_column_date (stmt, 4, &item->date, error))
    return FALSE;

  item->amount_cents = sqlite3_column_int64 (stmt, 5);
  _rec_store_read_text (stmt, 6, &item->description);
  item->interest_bearing = sqlite3_column_int (stmt, 7) != 0;
  return TRUE;
}

const RecStoreTable _rec_store_table_charges = {
  .name = "charges",
  .entity = "charges",
  .get_type = rec_charge_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, charges),
  .ledger = TRUE,
  .insert_sql =
    "INSERT INTO charges (position, date, amount, description, interest_bearing,"
    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, :now, :now)",
  .update_sql =
    "UPDATE charges SET date = ?2, amount = ?3, description = ?4,"
    " interest_bearing = ?5, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM charges WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, date, amount, description,"
    " interest_bearing FROM charges ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM charges",
  .bind = bind_charge,
  .read = read_charge,
};

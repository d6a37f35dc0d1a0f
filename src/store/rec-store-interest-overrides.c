/* rec-store-interest-overrides.c — the interest_overrides table
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
bind_interest_override (sqlite3_stmt     *stmt,
                        const RecEntity  *entity,
                        GError          **error)
{
  const RecInterestOverride *item =
    REC_STORE_CONST_CAST (entity, REC_TYPE_INTEREST_OVERRIDE, RecInterestOverride);

  _rec_store_bind_date (stmt, 2, &item->from);
  _rec_store_bind_date (stmt, 3, &item->to);
  sqlite3_bind_int (stmt, 4, item->rate_basis_points);
  _rec_store_bind_text (stmt, 5, item->reason);
  return TRUE;
}

static gboolean
read_interest_override (sqlite3_stmt  *stmt,
                        RecEntity     *entity,
                        GError       **error)
{
  RecInterestOverride *item = REC_INTEREST_OVERRIDE (entity);

  if (!_rec_store_column_date (stmt, 4, &item->from, error)
      || !_rec_store_column_date (stmt, 5, &item->to, error))
    return FALSE;

  item->rate_basis_points = sqlite3_column_int (stmt, 6);
  _rec_store_read_text (stmt, 7, &item->reason);
  return TRUE;
}

const RecStoreTable _rec_store_table_interest_overrides = {
  .name = "interest_overrides",
  .entity = "interest_overrides",
  .get_type = rec_interest_override_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, interest_overrides),
  .ledger = TRUE,
  .insert_sql =
    "INSERT INTO interest_overrides (position, from_date, to_date,"
    " rate_basis_points, reason, created_at, updated_at) VALUES (?1, ?2, ?3,"
    " ?4, ?5, :now, :now)",
  .update_sql =
    "UPDATE interest_overrides SET from_date = ?2, to_date = ?3,"
    " rate_basis_points = ?4, reason = ?5, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM interest_overrides WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, from_date, to_date,"
    " rate_basis_points, reason FROM interest_overrides ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM interest_overrides",
  .bind = bind_interest_override,
  .read = read_interest_override,
};

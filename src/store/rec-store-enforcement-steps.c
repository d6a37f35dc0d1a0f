/* rec-store-enforcement-steps.c — the enforcement_steps table
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
bind_enforcement_step (sqlite3_stmt     *stmt,
                       const RecEntity  *entity,
                       GError          **error)
{
  const RecEnforcementStep *item =
    REC_STORE_CONST_CAST (entity, REC_TYPE_ENFORCEMENT_STEP, RecEnforcementStep);

  sqlite3_bind_text (stmt, 2, rec_remedy_to_word (item->remedy), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rec_status_to_word (item->status), -1, SQLITE_STATIC);
  _rec_store_bind_date (stmt, 4, &item->date);
  _rec_store_bind_text (stmt, 5, item->agency);
  _rec_store_bind_text (stmt, 6, item->reference);
  _rec_store_bind_date (stmt, 7, &item->next_date);
  _rec_store_bind_text (stmt, 8, item->notes);
  sqlite3_bind_int (stmt, 9, item->next_done ? 1 : 0);
  return TRUE;
}

static gboolean
read_enforcement_step (sqlite3_stmt  *stmt,
                       RecEntity     *entity,
                       GError       **error)
{
  RecEnforcementStep *item = REC_ENFORCEMENT_STEP (entity);
  int remedy;
  int status;

  if (!_rec_store_column_enum (stmt, 4, rec_remedy_from_word, &remedy, error)
      || !_rec_store_column_enum (stmt, 5, rec_status_from_word, &status, error)
      || !_rec_store_column_date (stmt, 6, &item->date, error)
      || !_rec_store_column_date (stmt, 9, &item->next_date, error))
    return FALSE;

  item->remedy = remedy;
  item->status = status;
  _rec_store_read_text (stmt, 7, &item->agency);
  _rec_store_read_text (stmt, 8, &item->reference);
  _rec_store_read_text (stmt, 10, &item->notes);
  item->next_done = sqlite3_column_int (stmt, 11) != 0;
  return TRUE;
}

const RecStoreTable _rec_store_table_enforcement_steps = {
  .name = "enforcement_steps",
  .entity = "enforcement",
  .get_type = rec_enforcement_step_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, enforcement),
  .ledger = FALSE,
  .insert_sql =
    "INSERT INTO enforcement_steps (position, remedy, status, date, agency,"
    " reference, next_date, notes, next_done, created_at, updated_at) VALUES (?1,"
    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, :now, :now)",
  .update_sql =
    "UPDATE enforcement_steps SET remedy = ?2, status = ?3, date = ?4, agency"
    " = ?5, reference = ?6, next_date = ?7, notes = ?8, next_done = ?9,"
    " updated_at = :now"
    " WHERE id = ?1",
  .delete_sql = "DELETE FROM enforcement_steps WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, remedy, status, date, agency,"
    " reference, next_date, notes, next_done FROM enforcement_steps"
    " ORDER BY position, id",
  .load_sql_v4 =
    "SELECT id, position, created_at, updated_at, remedy, status, date, agency,"
    " reference, next_date, notes, 0 FROM enforcement_steps ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM enforcement_steps",
  .bind = bind_enforcement_step,
  .read = read_enforcement_step,
};

/* rec-store-terms.c — the terms table
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
bind_term (sqlite3_stmt     *stmt,
           const RecEntity  *entity,
           GError          **error)
{
  const RecTerm *item = REC_STORE_CONST_CAST (entity, REC_TYPE_TERM, RecTerm);

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
  return TRUE;
}

static gboolean
read_term (sqlite3_stmt  *stmt,
           RecEntity     *entity,
           GError       **error)
{
  RecTerm *item = REC_TERM (entity);
  int kind;
  int frequency;

  if (!_rec_store_column_enum (stmt, 4, rec_term_kind_from_word, &kind, error)
      || !_rec_store_column_enum (stmt, 6, rec_frequency_from_word, &frequency, error)
      || !_rec_store_column_date (stmt, 10, &item->effective, error)
      || !_rec_store_column_date (stmt, 11, &item->end, error))
    return FALSE;

  item->kind = kind;
  item->amount_cents = sqlite3_column_int64 (stmt, 5);
  item->frequency = frequency;
  item->due_day = sqlite3_column_int (stmt, 7);
  item->due_days[0] = sqlite3_column_int (stmt, 8);
  item->due_days[1] = sqlite3_column_int (stmt, 9);
  _rec_store_read_text (stmt, 12, &item->reference);
  _rec_store_read_text (stmt, 13, &item->notes);
  return TRUE;
}

const RecStoreTable _rec_store_table_terms = {
  .name = "terms",
  .entity = "terms",
  .get_type = rec_term_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, terms),
  .ledger = TRUE,
  .insert_sql =
    "INSERT INTO terms (position, kind, amount, frequency, due_day,"
    " due_day_first, due_day_second, effective, end_date, reference, notes,"
    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, :now, :now)",
  .update_sql =
    "UPDATE terms SET kind = ?2, amount = ?3, frequency = ?4, due_day = ?5,"
    " due_day_first = ?6, due_day_second = ?7, effective = ?8, end_date = ?9,"
    " reference = ?10, notes = ?11, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM terms WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, kind, amount, frequency,"
    " due_day, due_day_first, due_day_second, effective, end_date, reference,"
    " notes FROM terms ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM terms",
  .bind = bind_term,
  .read = read_term,
};

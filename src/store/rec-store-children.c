/* rec-store-children.c — the children table
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
bind_child (sqlite3_stmt     *stmt,
            const RecEntity  *entity,
            GError          **error)
{
  const RecChild *item = REC_STORE_CONST_CAST (entity, REC_TYPE_CHILD, RecChild);

  _rec_store_bind_text (stmt, 2, item->name);
  _rec_store_bind_date (stmt, 3, &item->birth_date);
  return TRUE;
}

static gboolean
read_child (sqlite3_stmt  *stmt,
            RecEntity     *entity,
            GError       **error)
{
  RecChild *item = REC_CHILD (entity);

  if (!_rec_store_column_date (stmt, 5, &item->birth_date, error))
    return FALSE;

  _rec_store_read_text (stmt, 4, &item->name);
  return TRUE;
}

const RecStoreTable _rec_store_table_children = {
  .name = "children",
  .entity = "children",
  .get_type = rec_child_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, children),
  .ledger = FALSE,
  .insert_sql =
    "INSERT INTO children (position, name, birth_date, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, :now, :now)",
  .update_sql =
    "UPDATE children SET name = ?2, birth_date = ?3, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM children WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, name, birth_date FROM children"
    " ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM children",
  .bind = bind_child,
  .read = read_child,
};

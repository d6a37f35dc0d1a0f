/* rec-store-communications.c — the communications table
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
  "INSERT INTO communications (position, at, at_unix, channel, direction,"
  " with_whom, subject, summary, follow_up, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
static const char update_sql[] =
  "UPDATE communications SET at = ?2, at_unix = ?3, channel = ?4,"
  " direction = ?5, with_whom = ?6, subject = ?7, summary = ?8, follow_up"
  " = ?9, updated_at = ?10 WHERE id = ?1";
static const char delete_sql[] = "DELETE FROM communications WHERE id = ?1";
static const char max_sql[] = "SELECT coalesce (max (position), 0) FROM communications";
static const char load_sql[] =
  "SELECT id, position, at, at_unix, channel, direction, with_whom,"
  " subject, summary, follow_up FROM communications ORDER BY position, id";

static void
bind_fields (sqlite3_stmt           *stmt,
             const RecCommunication *item)
{
  g_autofree char *now = rec_timestamp_now_utc ();
  gint64 at_unix = 0;

  /* The instant is derived from the text (checked before), never trusted. */
  (void) rec_timestamp_parse (item->at, &at_unix, NULL);
  _rec_store_bind_text (stmt, 2, item->at);
  sqlite3_bind_int64 (stmt, 3, at_unix);
  sqlite3_bind_text (stmt, 4, rec_channel_to_word (item->channel), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, rec_direction_to_word (item->direction), -1, SQLITE_STATIC);
  _rec_store_bind_text (stmt, 6, item->with);
  _rec_store_bind_text (stmt, 7, item->subject);
  _rec_store_bind_text (stmt, 8, item->summary);
  _rec_store_bind_date (stmt, 9, &item->follow_up);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
}

gboolean
_rec_store_insert_communication (sqlite3           *db,
                                 RecCommunication  *item,
                                 GError           **error)
{
  g_autoptr(RecCachedStmt) stmt = NULL;
  int position = item->entity.position;

  if (!_rec_store_check_timestamp (item->at, error))
    return FALSE;
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
update_communication (sqlite3   *db,
                      gpointer   data,
                      GError   **error)
{
  const RecCommunication *item = data;
  g_autoptr(RecCachedStmt) stmt = NULL;

  if (!_rec_store_check_timestamp (item->at, error))
    return FALSE;
  stmt = _rec_store_prepare_cached (db, update_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->entity.id);
  bind_fields (stmt, item);
  return _rec_store_step_done (db, stmt, error) && _rec_store_check_changed (db, error);
}

static gboolean
read_row (sqlite3_stmt      *stmt,
          RecCommunication  *item,
          GError           **error)
{
  int channel;
  int direction;

  item->entity.id = sqlite3_column_int64 (stmt, 0);
  item->entity.position = sqlite3_column_int (stmt, 1);
  if (!_rec_store_column_enum (stmt, 4, rec_channel_from_word, &channel, error)
      || !_rec_store_column_enum (stmt, 5, rec_direction_from_word, &direction, error)
      || !_rec_store_column_date (stmt, 9, &item->follow_up, error))
    return FALSE;

  g_free (item->at);
  item->at = _rec_store_column_text (stmt, 2);
  item->at_unix = sqlite3_column_int64 (stmt, 3);
  item->channel = channel;
  item->direction = direction;
  g_free (item->with);
  item->with = _rec_store_column_text (stmt, 6);
  g_free (item->subject);
  item->subject = _rec_store_column_text (stmt, 7);
  g_free (item->summary);
  item->summary = _rec_store_column_text (stmt, 8);
  return TRUE;
}

gboolean
_rec_store_load_communications (sqlite3    *db,
                                GPtrArray  *out,
                                GError    **error)
{
  return _rec_store_load_rows (db, load_sql, REC_TYPE_COMMUNICATION,
                               (RecStoreReadFunc) read_row, out, error);
}

gboolean
rec_store_add_communication (RecStore          *self,
                             RecCommunication  *item,
                             GError           **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_COMMUNICATION (item), FALSE);

  return _rec_store_write (self, (RecStoreWriteFunc) _rec_store_insert_communication, item, error);
}

gboolean
rec_store_update_communication (RecStore                *self,
                                const RecCommunication  *item,
                                GError                 **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_COMMUNICATION ((RecCommunication *) item), FALSE);

  return _rec_store_write (self, update_communication, (gpointer) item, error);
}

gboolean
rec_store_delete_communication (RecStore  *self,
                                gint64     id,
                                GError   **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  return _rec_store_delete_by_id (self, delete_sql, id, error);
}

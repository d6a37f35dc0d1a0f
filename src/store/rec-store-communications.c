/* rec-store-communications.c — the communications table
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

#include "rec-date.h"

static gboolean
bind_communication (sqlite3_stmt     *stmt,
                    const RecEntity  *entity,
                    GError          **error)
{
  const RecCommunication *item =
    REC_STORE_CONST_CAST (entity, REC_TYPE_COMMUNICATION, RecCommunication);
  gint64 at_unix = 0;

  /* The instant is derived from the text, never trusted. */
  if (!_rec_store_check_timestamp (item->at, error))
    return FALSE;
  (void) rec_timestamp_parse (item->at, &at_unix, NULL);

  _rec_store_bind_text (stmt, 2, item->at);
  sqlite3_bind_int64 (stmt, 3, at_unix);
  sqlite3_bind_text (stmt, 4, rec_channel_to_word (item->channel), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, rec_direction_to_word (item->direction), -1, SQLITE_STATIC);
  _rec_store_bind_text (stmt, 6, item->with);
  _rec_store_bind_text (stmt, 7, item->subject);
  _rec_store_bind_text (stmt, 8, item->summary);
  _rec_store_bind_date (stmt, 9, &item->follow_up);
  sqlite3_bind_int (stmt, 10, item->follow_up_done ? 1 : 0);
  return TRUE;
}

static gboolean
read_communication (sqlite3_stmt  *stmt,
                    RecEntity     *entity,
                    GError       **error)
{
  RecCommunication *item = REC_COMMUNICATION (entity);
  int channel;
  int direction;

  if (!_rec_store_column_enum (stmt, 6, rec_channel_from_word, &channel, error)
      || !_rec_store_column_enum (stmt, 7, rec_direction_from_word, &direction, error)
      || !_rec_store_column_date (stmt, 11, &item->follow_up, error))
    return FALSE;

  _rec_store_read_text (stmt, 4, &item->at);
  item->at_unix = sqlite3_column_int64 (stmt, 5);
  item->channel = channel;
  item->direction = direction;
  _rec_store_read_text (stmt, 8, &item->with);
  _rec_store_read_text (stmt, 9, &item->subject);
  _rec_store_read_text (stmt, 10, &item->summary);
  item->follow_up_done = sqlite3_column_int (stmt, 12) != 0;
  return TRUE;
}

const RecStoreTable _rec_store_table_communications = {
  .name = "communications",
  .entity = "communications",
  .get_type = rec_communication_get_type,
  .data_offset = G_STRUCT_OFFSET (RecCaseData, communications),
  .ledger = FALSE,
  .insert_sql =
    "INSERT INTO communications (position, at, at_unix, channel, direction,"
    " with_whom, subject, summary, follow_up, follow_up_done, created_at,"
    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, :now, :now)",
  .update_sql =
    "UPDATE communications SET at = ?2, at_unix = ?3, channel = ?4, direction"
    " = ?5, with_whom = ?6, subject = ?7, summary = ?8, follow_up = ?9,"
    " follow_up_done = ?10, updated_at = :now WHERE id = ?1",
  .delete_sql = "DELETE FROM communications WHERE id = ?1",
  .load_sql =
    "SELECT id, position, created_at, updated_at, at, at_unix, channel,"
    " direction, with_whom, subject, summary, follow_up, follow_up_done"
    " FROM communications ORDER BY position, id",
  .load_sql_v4 =
    "SELECT id, position, created_at, updated_at, at, at_unix, channel,"
    " direction, with_whom, subject, summary, follow_up, 0 FROM communications"
    " ORDER BY position, id",
  .max_sql = "SELECT coalesce (max (position), 0) FROM communications",
  .bind = bind_communication,
  .read = read_communication,
};

/* rec-store-attachments.c — the documents of a case file and the records they prove
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/evidence.md §1: an attachment is stored once per SHA-256 (the same
 * bytes added twice are one row; adding them again only adds links); its
 * links name records by table word and id, `case` with id 0. An attachment
 * with no link belongs to the case. Every row written is journaled in the
 * same transaction: `attachments` entries carry the metadata (never the
 * bytes, which the sha256 covers), `links` entries name their link, also
 * when it is removed.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store.h"
#include "rec-store-attachments-private.h"
#include "rec-store-private.h"

#include "rec-attachment.h"
#include "rec-date.h"

#include <glib/gi18n.h>
#include <string.h>

/* The table of a link's word ("enforcement" → enforcement_steps), NULL for
 * "case" and for a word links cannot name. */
static const RecStoreTable *
table_of_word (const char *word)
{
  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    if (g_str_equal (_rec_store_tables[t]->entity, word))
      return _rec_store_tables[t] != &_rec_store_table_interest_overrides
             ? _rec_store_tables[t] : NULL;
  return NULL;
}

static gboolean
journal_link (sqlite3     *db,
              const char  *now,
              const char  *action,
              gint64       attachment_id,
              const char  *entity,
              gint64       record_id,
              GError     **error)
{
  g_autofree char *data = _rec_store_journal_link_json (attachment_id, entity, record_id);

  return _rec_store_journal_append (db, now, action, "links", attachment_id, data, error);
}

/* Adds the link unless it is there; journaled when added. */
static gboolean
insert_link (sqlite3     *db,
             const char  *now,
             gint64       attachment_id,
             const char  *entity,
             gint64       record_id,
             GError     **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "INSERT OR IGNORE INTO attachment_links (attachment_id, entity,"
                                   " record_id) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, record_id);
  if (!_rec_store_step_done (db, stmt, error))
    return FALSE;

  return sqlite3_changes (db) == 0
         || journal_link (db, now, "add", attachment_id, entity, record_id, error);
}

/* 1 when the attachment has a link (of `only_entity` when given), 0 when it
 * has none, -1 on failure: an EXISTS, not a count — an import links one
 * statement to thousands of records, and its undo asks after every unlink. */
static gint64
count_links (sqlite3     *db,
             gint64       attachment_id,
             const char  *only_entity,
             GError     **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "SELECT EXISTS (SELECT 1 FROM attachment_links"
                                   " WHERE attachment_id = ?1 AND (?2 IS NULL OR entity = ?2))",
                               error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  sqlite3_bind_text (stmt, 2, only_entity, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _rec_store_set_error (error, db, sqlite3_errcode (db), "count links");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Removes the link (journaled); when it was the attachment's last, the
 * attachment goes too (journaled). *out_removed: whether there was one. */
static gboolean
delete_link (sqlite3     *db,
             const char  *now,
             gint64       attachment_id,
             const char  *entity,
             gint64       record_id,
             gboolean    *out_removed,
             GError     **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "DELETE FROM attachment_links WHERE attachment_id = ?1"
                                   " AND entity = ?2 AND record_id = ?3", error);
  gint64 left;

  *out_removed = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, record_id);
  if (!_rec_store_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    return TRUE;

  *out_removed = TRUE;
  if (!journal_link (db, now, "remove", attachment_id, entity, record_id, error))
    return FALSE;

  left = count_links (db, attachment_id, NULL, error);
  if (left < 0)
    return FALSE;
  if (left == 0)
    {
      g_autoptr(RecCachedStmt) remove =
        _rec_store_prepare_cached (db, "DELETE FROM attachments WHERE id = ?1", error);

      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, attachment_id);
      if (!_rec_store_step_done (db, remove, error)
          || !_rec_store_journal_append (db, now, "remove", "attachments", attachment_id, NULL,
                                         error))
        return FALSE;
    }

  return TRUE;
}

/* The id of the attachment with these bytes, 0 when there is none. */
static gboolean
find_by_sha256 (sqlite3     *db,
                const char  *sha256,
                gint64      *out_id,
                GError     **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "SELECT id FROM attachments WHERE sha256 = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "find attachment");
      return FALSE;
    }
  return TRUE;
}

/* The row of a new attachment and its `add` entry. */
static gboolean
insert_attachment (sqlite3              *db,
                   const char           *now,
                   const RecAttachment  *attachment,
                   gint64               *out_id,
                   GError              **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "INSERT INTO attachments (sha256, name, media_type, size, data,"
                                   " added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autofree char *data_json = NULL;
  gsize size = 0;
  gconstpointer bytes;

  if (stmt == NULL)
    return FALSE;
  if (attachment->data == NULL)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is a file name */
                   _("“%s” has no bytes to store"), attachment->name);
      return FALSE;
    }
  bytes = g_bytes_get_data (attachment->data, &size);
  sqlite3_bind_text (stmt, 1, attachment->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attachment->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, attachment->media_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, attachment->size);
  sqlite3_bind_blob64 (stmt, 5, bytes, size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, attachment->added_at, -1, SQLITE_STATIC);
  if (!_rec_store_step_done (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (db);
  data_json = _rec_store_journal_attachment_json (attachment->name, attachment->media_type,
                                                  attachment->size, attachment->sha256,
                                                  attachment->added_at);
  return _rec_store_journal_append (db, now, "add", "attachments", *out_id, data_json, error);
}

/* A record of the file by its id, NOT_FOUND when there is none. */
static gboolean
check_record (sqlite3              *db,
              const RecStoreTable  *table,
              gint64                id,
              GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table->name);
  /* Cached: an import links one statement to thousands of records. */
  g_autoptr(RecCachedStmt) stmt = _rec_store_prepare_cached (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND,
               /* Translators: "payments record 17 is not in the case"; keep the first %s */
               _("%s record %lld is not in the case"), table->entity, (long long) id);
  return FALSE;
}

/* The link's word and record id; `record` NULL: the case. */
static gboolean
link_target (sqlite3          *db,
             const RecEntity  *record,
             const char      **out_entity,
             gint64           *out_id,
             GError          **error)
{
  const RecStoreTable *table;

  *out_entity = "case";
  *out_id = 0;
  if (record == NULL)
    return TRUE;

  table = table_of_word (rec_entity_kind_word (record));
  if (table == NULL)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is a kind of record, as the export names it
                    * ("interest_overrides") */
                   _("A document cannot prove records of %s"), rec_entity_kind_word (record));
      return FALSE;
    }
  *out_entity = table->entity;
  *out_id = record->id;
  return check_record (db, table, record->id, error);
}

/* One attachment with its links, in the caller's transaction. */
static gboolean
add_one (sqlite3        *db,
         const char     *now,
         RecAttachment  *attachment,
         GError        **error)
{
  gint64 id;

  if (!find_by_sha256 (db, attachment->sha256, &id, error))
    return FALSE;
  if (id == 0)
    {
      if (!insert_attachment (db, now, attachment, &id, error))
        return FALSE;
    }
  else if (attachment->links->len == 0)
    {
      /* The same bytes again for the case: an attachment that proves
       * records only now proves the case too. */
      gint64 links = count_links (db, id, NULL, error);

      if (links < 0 || (links > 0 && !insert_link (db, now, id, "case", 0, error)))
        return FALSE;
    }

  for (guint i = 0; i < attachment->links->len; i++)
    {
      const char *entity;
      gint64 record_id;

      if (!link_target (db, g_ptr_array_index (attachment->links, i), &entity, &record_id, error)
          || !insert_link (db, now, id, entity, record_id, error))
        return FALSE;
    }

  attachment->entity.id = id;
  return TRUE;
}

gboolean
_rec_store_add_attachment_in (sqlite3        *db,
                              const char     *now,
                              RecAttachment  *attachment,
                              GError        **error)
{
  return add_one (db, now, attachment, error);
}

typedef gboolean (*WriteFunc) (sqlite3 *db, const char *now, gpointer data, GError **error);

/* BEGIN IMMEDIATE, the write, COMMIT (ROLLBACK on failure), "changed". */
static gboolean
in_transaction (RecStore   *self,
                WriteFunc   write,
                gpointer    data,
                GError    **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return FALSE;
    }
  if (!_rec_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!write (self->db, now, data, error) || !_rec_store_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

static gboolean
write_added (sqlite3     *db,
             const char  *now,
             gpointer     data,
             GError     **error)
{
  GPtrArray *attachments = data;

  for (guint i = 0; i < attachments->len; i++)
    if (!add_one (db, now, g_ptr_array_index (attachments, i), error))
      return FALSE;
  return TRUE;
}

gboolean
rec_store_add_attachments (RecStore   *self,
                           GPtrArray  *attachments,
                           GError    **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (attachments != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < attachments->len; i++)
    g_return_val_if_fail (REC_IS_ATTACHMENT (g_ptr_array_index (attachments, i)), FALSE);

  return in_transaction (self, write_added, attachments, error);
}

gboolean
rec_store_add_attachment (RecStore       *self,
                          RecAttachment  *attachment,
                          GError        **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (REC_IS_ATTACHMENT (attachment), FALSE);

  g_ptr_array_add (one, attachment);
  return rec_store_add_attachments (self, one, error);
}

typedef struct
{
  gint64           attachment_id;
  const RecEntity *record;
  gboolean         link;
} LinkChange;

static gboolean
write_link (sqlite3     *db,
            const char  *now,
            gpointer     data,
            GError     **error)
{
  LinkChange *change = data;
  const char *entity;
  gint64 record_id;
  gboolean removed;

  if (!link_target (db, change->record, &entity, &record_id, error))
    return FALSE;
  if (change->link)
    return insert_link (db, now, change->attachment_id, entity, record_id, error);
  if (!delete_link (db, now, change->attachment_id, entity, record_id, &removed, error))
    return FALSE;
  if (!removed)
    g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND,
                 /* Translators: a document was to be unlinked from a record it does not prove */
                 _("The document does not prove that record"));
  return removed;
}

static gboolean
change_link (RecStore         *self,
             gint64            attachment_id,
             const RecEntity  *record,
             gboolean          link,
             GError          **error)
{
  LinkChange change = { attachment_id, record, link };

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (record == NULL || REC_IS_ENTITY ((RecEntity *) record), FALSE);

  return in_transaction (self, write_link, &change, error);
}

gboolean
rec_store_link_attachment (RecStore         *self,
                           gint64            attachment_id,
                           const RecEntity  *record,
                           GError          **error)
{
  return change_link (self, attachment_id, record, TRUE, error);
}

gboolean
rec_store_unlink_attachment (RecStore         *self,
                             gint64            attachment_id,
                             const RecEntity  *record,
                             GError          **error)
{
  return change_link (self, attachment_id, record, FALSE, error);
}

/* What the rest of the store calls */

gboolean
_rec_store_write_attachments (sqlite3            *db,
                              const RecCaseData  *case_data,
                              const char         *now,
                              GError            **error)
{
  for (guint i = 0; i < case_data->attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (case_data->attachments, i);
      gint64 id;

      if (!insert_attachment (db, now, attachment, &id, error))
        return FALSE;

      for (guint l = 0; l < attachment->links->len; l++)
        {
          RecEntity *record = g_ptr_array_index (attachment->links, l);
          const RecStoreTable *table = record != NULL
                                       ? table_of_word (rec_entity_kind_word (record)) : NULL;
          GPtrArray *items = table != NULL
                             ? G_STRUCT_MEMBER (GPtrArray *, case_data, table->data_offset) : NULL;
          g_autofree char *sql = NULL;
          g_autoptr(sqlite3_stmt) stmt = NULL;
          guint index;

          if (record == NULL)
            {
              if (!insert_link (db, now, id, "case", 0, error))
                return FALSE;
              continue;
            }
          if (table == NULL || !g_ptr_array_find (items, record, &index))
            {
              g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                           /* Translators: %s is a file name */
                           _("“%s” proves a record that is not in the case"), attachment->name);
              return FALSE;
            }

          /* The record written at that position (write_case: index + 1). */
          sql = g_strdup_printf ("SELECT id FROM %s WHERE position = ?1", table->name);
          stmt = _rec_store_prepare (db, sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, (gint64) index + 1);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            {
              _rec_store_set_error (error, db, sqlite3_errcode (db), "find linked record");
              return FALSE;
            }
          if (!insert_link (db, now, id, table->entity, sqlite3_column_int64 (stmt, 0), error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The records of the table `entity` by id (keys point into the records),
 * built the first time a link names that table: a case whose documents
 * name no payment builds no index of its payments (20 000 of them in the
 * large demo case cost 36 M instructions as strings, on every open). */
static GHashTable *
table_index (RecCaseData *case_data,
             GHashTable  *indexes,
             const char  *entity)
{
  GHashTable *index = g_hash_table_lookup (indexes, entity);

  if (index != NULL)
    return index;
  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    {
      GPtrArray *items;

      if (!g_str_equal (_rec_store_tables[t]->entity, entity))
        continue;
      items = G_STRUCT_MEMBER (GPtrArray *, case_data, _rec_store_tables[t]->data_offset);
      index = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_insert (index, &REC_ENTITY (items->pdata[i])->id, items->pdata[i]);
      g_hash_table_insert (indexes, (gpointer) _rec_store_tables[t]->entity, index);
      return index;
    }
  return NULL;
}

gboolean
_rec_store_load_attachments (sqlite3      *db,
                             RecCaseData  *case_data,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) indexes = NULL;
  int rc;

  /* A file older than schema 5, read without migrating, has no documents. */
  if (_rec_store_file_version (db) < 5)
    {
      g_ptr_array_set_size (case_data->attachments, 0);
      return TRUE;
    }
  stmt = _rec_store_prepare (db, "SELECT id, sha256, name, media_type, size, added_at FROM attachments"
                                 " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  links = _rec_store_prepare (db, "SELECT attachment_id, entity, record_id FROM attachment_links"
                                  " ORDER BY attachment_id, entity, record_id", error);
  if (links == NULL)
    return FALSE;

  g_ptr_array_set_size (case_data->attachments, 0);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RecAttachment *attachment = rec_attachment_new ();
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);

      attachment->entity.id = sqlite3_column_int64 (stmt, 0);
      attachment->entity.position = (int) case_data->attachments->len + 1;
      g_strlcpy (attachment->sha256, sha256 != NULL ? sha256 : "", sizeof attachment->sha256);
      _rec_store_read_text (stmt, 2, &attachment->name);
      _rec_store_read_text (stmt, 3, &attachment->media_type);
      attachment->size = sqlite3_column_int64 (stmt, 4);
      _rec_store_read_text (stmt, 5, &attachment->added_at);
      g_ptr_array_add (case_data->attachments, attachment);
      g_hash_table_insert (by_id, g_memdup2 (&attachment->entity.id, sizeof (gint64)), attachment);
    }
  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "load attachments");
      return FALSE;
    }

  indexes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_hash_table_unref);
  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      gint64 attachment_id = sqlite3_column_int64 (links, 0);
      const char *entity = (const char *) sqlite3_column_text (links, 1);
      gint64 record_id = sqlite3_column_int64 (links, 2);
      RecAttachment *attachment = g_hash_table_lookup (by_id, &attachment_id);
      GHashTable *index;
      RecEntity *record;

      if (attachment == NULL || entity == NULL)
        continue;
      if (g_str_equal (entity, "case"))
        {
          rec_attachment_add_link (attachment, NULL);
          continue;
        }
      index = table_index (case_data, indexes, entity);
      record = index != NULL ? g_hash_table_lookup (index, &record_id) : NULL;
      if (record != NULL)
        rec_attachment_add_link (attachment, record);
      else
        /* A record this load does not hold (the ledger's load, or a link
         * left by another program: verify says so). */
        g_debug ("Attachment %" G_GINT64_FORMAT ": no %s %" G_GINT64_FORMAT,
                 attachment_id, entity, record_id);
    }
  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "load attachment links");
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_store_attachments_record_removed (sqlite3     *db,
                                       const char  *entity,
                                       gint64       record_id,
                                       const char  *now,
                                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, "SELECT attachment_id FROM attachment_links WHERE entity = ?1"
                            " AND record_id = ?2 ORDER BY attachment_id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "find links");
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gboolean removed;

      if (!delete_link (db, now, g_array_index (ids, gint64, i), entity, record_id, &removed,
                        error))
        return FALSE;
    }

  return TRUE;
}

/* Reading */

gboolean
rec_store_load_attachments (RecStore     *self,
                            RecCaseData  *case_data,
                            GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_data != NULL, FALSE);

  if (!_rec_store_exec (self->db, "BEGIN", error))
    return FALSE;
  ok = _rec_store_load_attachments (self->db, case_data, error);
  if (!_rec_store_exec (self->db, ok ? "COMMIT" : "ROLLBACK", ok ? error : NULL))
    return FALSE;
  return ok;
}

GBytes *
rec_store_read_attachment_data (RecStore  *self,
                                gint64     id,
                                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char sha256[65];
  const guint8 *data;
  gsize size;
  int rc;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _rec_store_prepare (self->db, "SELECT data, sha256, name FROM attachments WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is the number of an attachment in the case file */
                     _("The case has no document %lld"), (long long) id);
      else
        _rec_store_set_error (error, self->db, rc, "read attachment");
      return NULL;
    }

  data = sqlite3_column_blob (stmt, 0);
  size = (gsize) sqlite3_column_bytes (stmt, 0);
  rec_sha256_hex (data, size, sha256);
  if (g_strcmp0 (sha256, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” does not match its SHA-256: its bytes were changed outside Recourse"),
                   (const char *) sqlite3_column_text (stmt, 2));
      return NULL;
    }

  return g_bytes_new (data, size);
}

gboolean
rec_store_load_attachment_data (RecStore     *self,
                                RecCaseData  *case_data,
                                GError      **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_data != NULL, FALSE);

  for (guint i = 0; i < case_data->attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (case_data->attachments, i);

      if (attachment->data != NULL)
        continue;
      attachment->data = rec_store_read_attachment_data (self, attachment->entity.id, error);
      if (attachment->data == NULL)
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
rec_store_dup_attachments_proving (RecStore         *self,
                                   const RecEntity  *record,
                                   GError          **error)
{
  g_autoptr(RecCaseData) c = rec_case_data_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  const RecStoreTable *table;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);
  g_return_val_if_fail (REC_IS_ENTITY ((RecEntity *) record), NULL);

  table = _rec_store_table_for_type (G_OBJECT_TYPE (record));
  g_return_val_if_fail (table != NULL, NULL);
  /* The record alone stands for its table: the links to it load. */
  g_ptr_array_add (G_STRUCT_MEMBER (GPtrArray *, c, table->data_offset),
                   g_object_ref ((RecEntity *) record));
  if (!rec_store_load_attachments (self, c, error))
    return NULL;

  for (guint i = 0; i < c->attachments->len; i++)
    {
      RecAttachment *attachment = c->attachments->pdata[i];

      if (!rec_attachment_proves (attachment, record))
        continue;
      attachment->data = rec_store_read_attachment_data (self, attachment->entity.id, error);
      if (attachment->data == NULL)
        return NULL;
      g_ptr_array_set_size (attachment->links, 0);
      rec_attachment_add_link (attachment, (RecEntity *) record);
      g_ptr_array_add (out, g_object_ref (attachment));
    }

  return g_steal_pointer (&out);
}

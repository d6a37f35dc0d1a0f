/* rec-store-journal.c — the case history: every change, hash-chained
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/evidence.md §2. Every change of a case file appends one entry to table
 * `journal` in the transaction of the change (_rec_store_apply calls
 * _rec_store_journal_change); nothing edits or deletes an entry. An entry's
 * hash is the SHA-256 of its canonical bytes
 *
 *   recourse-journal-1 \n seq \n at \n action \n entity \n record \n data \n prev
 *
 * (data: the record's compact JSON, or the four letters null), and its prev
 * the hash of the entry before it (64 zeros for the first), so that changing,
 * removing, inserting or reordering any entry breaks every hash after it.
 * The record JSON is the exporter's own (rec-case-json-export.c), compacted.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-case-json-private.h"
#include "rec-date.h"

#include <glib/gi18n.h>
#include <nettle/sha2.h>
#include <string.h>

const char _rec_store_journal_zero_hash[65] =
  "0000000000000000000000000000000000000000000000000000000000000000";

static void
add_text (struct sha256_ctx *context,
          const char        *text)
{
  sha256_update (context, strlen (text), (const guint8 *) text);
}

void
_rec_store_journal_hash (gint64       seq,
                         const char  *at,
                         const char  *action,
                         const char  *entity,
                         gint64       record,
                         const char  *data,
                         const char  *prev,
                         char         out_hash[65])
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char number[32];
  const char *texts[] = { at, action, entity };

  sha256_init (&context);
  add_text (&context, "recourse-journal-1\n");
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT "\n", seq);
  add_text (&context, number);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      add_text (&context, texts[i]);
      add_text (&context, "\n");
    }
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT "\n", record);
  add_text (&context, number);
  add_text (&context, data != NULL ? data : "null");
  add_text (&context, "\n");
  add_text (&context, prev);

  sha256_digest (&context, sizeof digest, digest);
  rec_sha256_digest_hex (digest, out_hash);
}

gboolean
_rec_store_journal_head (sqlite3  *db,
                         gint64   *out_seq,
                         char      out_hash[65],
                         GError  **error)
{
  g_autoptr(RecCachedStmt) stmt =
    _rec_store_prepare_cached (db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
                               error);
  const char *hash;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      *out_seq = 0;
      memcpy (out_hash, _rec_store_journal_zero_hash, 65);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      _rec_store_set_error (error, db, rc, "journal head");
      return FALSE;
    }

  hash = (const char *) sqlite3_column_text (stmt, 1);
  *out_seq = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (out_hash, hash != NULL ? hash : "", 65);
  return TRUE;
}

/* The holds in force (_rec_store_journal_hold): few and short-lived, one
 * per streamed import; a connection not holding sees n_holds at 0. */
typedef struct
{
  char   *at;
  char   *action;
  char   *entity;
  gint64  record;
  char   *data;
} HeldEntry;

struct _RecStoreJournalHold
{
  sqlite3 *db;
  GArray  *entries;   /* HeldEntry, in the order of their appends */
};

G_LOCK_DEFINE_STATIC (holds);
static GSList *holds;
static gint n_holds;

static void
held_entry_clear (HeldEntry *entry)
{
  g_free (entry->at);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->data);
}

static RecStoreJournalHold *
hold_of (sqlite3 *db)
{
  RecStoreJournalHold *found = NULL;

  if (g_atomic_int_get (&n_holds) == 0)
    return NULL;
  G_LOCK (holds);
  for (GSList *l = holds; l != NULL && found == NULL; l = l->next)
    if (((RecStoreJournalHold *) l->data)->db == db)
      found = l->data;
  G_UNLOCK (holds);
  return found;
}

RecStoreJournalHold *
_rec_store_journal_hold (sqlite3 *db)
{
  RecStoreJournalHold *hold;

  g_return_val_if_fail (db != NULL && hold_of (db) == NULL, NULL);

  hold = g_new0 (RecStoreJournalHold, 1);
  hold->db = db;
  hold->entries = g_array_new (FALSE, TRUE, sizeof (HeldEntry));
  g_array_set_clear_func (hold->entries, (GDestroyNotify) held_entry_clear);
  G_LOCK (holds);
  holds = g_slist_prepend (holds, hold);
  g_atomic_int_inc (&n_holds);
  G_UNLOCK (holds);
  return hold;
}

static void
hold_end (RecStoreJournalHold *hold)
{
  G_LOCK (holds);
  holds = g_slist_remove (holds, hold);
  g_atomic_int_add (&n_holds, -1);
  G_UNLOCK (holds);
}

void
_rec_store_journal_hold_drop (RecStoreJournalHold *hold)
{
  if (hold == NULL)
    return;
  hold_end (hold);
  g_array_unref (hold->entries);
  g_free (hold);
}

gboolean
_rec_store_journal_release (RecStoreJournalHold  *hold,
                            const char           *at,
                            const char           *action,
                            const char           *entity,
                            gint64                record,
                            const char           *data_json,
                            GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (hold != NULL, FALSE);

  hold_end (hold);
  ok = _rec_store_journal_append (hold->db, at, action, entity, record, data_json, error);
  for (guint i = 0; ok && i < hold->entries->len; i++)
    {
      const HeldEntry *entry = &g_array_index (hold->entries, HeldEntry, i);

      ok = _rec_store_journal_append (hold->db, entry->at, entry->action, entry->entity,
                                      entry->record, entry->data, error);
    }
  g_array_unref (hold->entries);
  g_free (hold);
  return ok;
}

gboolean
_rec_store_journal_append (sqlite3     *db,
                           const char  *at,
                           const char  *action,
                           const char  *entity,
                           gint64       record,
                           const char  *data_json,
                           GError     **error)
{
  g_autofree char *now = at == NULL ? rec_timestamp_now_utc () : NULL;
  g_autoptr(RecCachedStmt) stmt = NULL;
  char prev[65];
  char hash[65];
  gint64 seq;
  RecStoreJournalHold *hold;

  g_return_val_if_fail (action != NULL && entity != NULL && record >= 0, FALSE);

  if (at == NULL)
    at = now;
  if (G_UNLIKELY ((hold = hold_of (db)) != NULL))
    {
      HeldEntry entry = { g_strdup (at), g_strdup (action), g_strdup (entity), record,
                          g_strdup (data_json) };

      g_array_append_val (hold->entries, entry);
      return TRUE;
    }
  /* The chain goes on from the entry before it, read in this transaction
   * (one lookup of the last row of the table's primary key). */
  if (!_rec_store_journal_head (db, &seq, prev, error))
    return FALSE;
  seq++;
  _rec_store_journal_hash (seq, at, action, entity, record, data_json, prev, hash);

  stmt = _rec_store_prepare_cached (db,
                                    "INSERT INTO journal (seq, at, action, entity, record, data,"
                                    " prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, record);
  if (data_json != NULL)
    sqlite3_bind_text (stmt, 6, data_json, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  return _rec_store_step_done (db, stmt, error);
}

gboolean
_rec_store_journal_change (sqlite3               *db,
                           const RecStoreChange  *change,
                           GError               **error)
{
  g_autofree char *data = NULL;

  switch (change->op)
    {
    case REC_STORE_CHANGE_ADD:
      data = _rec_case_json_record_compact (change->record);
      return _rec_store_journal_append (db, change->now, "add", change->table->entity,
                                        change->record->id, data, error);
    case REC_STORE_CHANGE_UPDATE:
      data = _rec_case_json_record_compact (change->record);
      return _rec_store_journal_append (db, change->now, "change", change->table->entity,
                                        change->record->id, data, error);
    case REC_STORE_CHANGE_DELETE:
      return _rec_store_journal_append (db, change->now, "remove", change->table->entity,
                                        change->id, NULL, error);
    case REC_STORE_CHANGE_CREATE_INFO:
      data = _rec_case_json_case_compact (change->info);
      return _rec_store_journal_append (db, change->now, "add", "case", 0, data, error);
    case REC_STORE_CHANGE_SET_INFO:
      data = _rec_case_json_case_compact (change->info);
      return _rec_store_journal_append (db, change->now, "change", "case", 0, data, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
_rec_store_journal_record_all (sqlite3     *db,
                               const char  *action,
                               GError     **error)
{
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = rec_timestamp_now_utc ();
  g_autofree char *data = NULL;

  /* A new file (the migrations of an empty database) has no case yet. */
  stmt = _rec_store_prepare (db, "SELECT 1 FROM case_info", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  case_data = rec_case_data_new ();
  if (!_rec_store_load_all (db, case_data, error))
    return FALSE;

  data = _rec_case_json_case_compact (case_data->info);
  if (!_rec_store_journal_append (db, now, action, "case", 0, data, error))
    return FALSE;

  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    {
      const RecStoreTable *table = _rec_store_tables[t];
      GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, case_data, table->data_offset);

      for (guint i = 0; i < items->len; i++)
        {
          const RecEntity *item = g_ptr_array_index (items, i);
          g_autofree char *json = _rec_case_json_record_compact (item);

          if (!_rec_store_journal_append (db, now, action, table->entity, item->id, json, error))
            return FALSE;
        }
    }

  return TRUE;
}

char *
_rec_store_journal_attachment_json (const char *name,
                                    const char *media_type,
                                    gint64      size,
                                    const char *sha256,
                                    const char *added_at)
{
  GString *out = g_string_sized_new (160);

  g_string_append (out, "{\"name\":");
  _rec_case_json_append_quoted (out, name);
  g_string_append (out, ",\"media_type\":");
  _rec_case_json_append_quoted (out, media_type);
  g_string_append_printf (out, ",\"size\":%" G_GINT64_FORMAT ",\"sha256\":", size);
  _rec_case_json_append_quoted (out, sha256);
  g_string_append (out, ",\"added_at\":");
  _rec_case_json_append_quoted (out, added_at);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
_rec_store_journal_link_json (gint64      attachment_id,
                              const char *entity,
                              gint64      record_id)
{
  GString *out = g_string_sized_new (80);

  g_string_append_printf (out, "{\"attachment\":%" G_GINT64_FORMAT ",\"entity\":", attachment_id);
  _rec_case_json_append_quoted (out, entity);
  g_string_append_printf (out, ",\"record\":%" G_GINT64_FORMAT "}", record_id);
  return g_string_free (out, FALSE);
}

/* The public API of the history (rec-store.h). */

gboolean
rec_store_append_packet_entry (RecStore    *self,
                               const char  *as_of,
                               int          pages,
                               const char  *sha256,
                               GError     **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();
  g_autoptr(GString) data = g_string_new ("{\"as_of\":");
  char head[65];
  gint64 seq;
  gboolean ok;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_of != NULL && sha256 != NULL && pages >= 0, FALSE);

  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return FALSE;
    }

  if (!_rec_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* The head before this entry: the fingerprint the packet shows. */
  ok = _rec_store_journal_head (self->db, &seq, head, error);
  if (ok)
    {
      _rec_case_json_append_quoted (data, as_of);
      g_string_append_printf (data, ",\"pages\":%d,\"sha256\":", pages);
      _rec_case_json_append_quoted (data, sha256);
      g_string_append (data, ",\"fingerprint\":");
      _rec_case_json_append_quoted (data, head);
      g_string_append_c (data, '}');
      ok = _rec_store_journal_append (self->db, now, "packet", "case", 0, data->str, error)
           && _rec_store_exec (self->db, "COMMIT", error);
    }
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

gboolean
rec_store_get_fingerprint (RecStore  *self,
                           char     **out_hash,
                           gint64    *out_entries,
                           GError   **error)
{
  char head[65];
  gint64 seq = 0;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);

  if (rec_store_get_file_version (self) < 5)
    {
      /* A file opened read-only and not migrated has no history yet. */
      memcpy (head, _rec_store_journal_zero_hash, 65);
    }
  else if (!_rec_store_journal_head (self->db, &seq, head, error))
    return FALSE;

  if (out_hash != NULL)
    *out_hash = seq > 0 ? g_strdup (head) : NULL;
  if (out_entries != NULL)
    *out_entries = seq;
  return TRUE;
}

/* The entry whose hash is `hash` (0: none), and its date. */
static gboolean
find_entry_by_hash (sqlite3     *db,
                    const char  *hash,
                    gint64      *out_seq,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, "SELECT seq FROM journal WHERE hash = ?1 ORDER BY seq LIMIT 1", error);
  int rc;

  *out_seq = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_seq = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "journal");
      return FALSE;
    }
  return TRUE;
}

gboolean
rec_store_find_packet (RecStore           *self,
                       const char         *pdf_sha256,
                       const char         *fingerprint,
                       RecStorePacketInfo *out_info,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (pdf_sha256 != NULL && out_info != NULL, FALSE);

  memset (out_info, 0, sizeof *out_info);
  if (rec_store_get_file_version (self) < 5)
    return TRUE;

  /* A packet entry whose sha256 is the file's. */
  stmt = _rec_store_prepare (self->db,
                             "SELECT seq, substr (at, 1, 10), data FROM journal"
                             " WHERE action = 'packet' AND instr (data, ?1) > 0 ORDER BY seq",
                             error);
  if (stmt == NULL)
    return FALSE;
  pattern = g_strdup_printf ("\"sha256\":\"%s\"", pdf_sha256);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *data = (const char *) sqlite3_column_text (stmt, 2);
      const char *printed = data != NULL ? strstr (data, "\"fingerprint\":\"") : NULL;
      g_autofree char *head = printed != NULL ? g_strndup (printed + 15, 64) : NULL;

      out_info->match = REC_STORE_PACKET_MADE_HERE;
      out_info->packet_seq = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (out_info->date, (const char *) sqlite3_column_text (stmt, 1),
                 sizeof out_info->date);
      ok = head == NULL || find_entry_by_hash (self->db, head, &out_info->entry, error);
    }
  else if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, self->db, rc, "journal");
      return FALSE;
    }
  else if (fingerprint != NULL)
    {
      ok = find_entry_by_hash (self->db, fingerprint, &out_info->entry, error);
      if (ok && out_info->entry > 0)
        out_info->match = REC_STORE_PACKET_FINGERPRINT_ONLY;
    }
  if (!ok)
    return FALSE;

  /* The changes since: every entry after the packet's (or the
   * fingerprint's), packets themselves not counted. */
  if (out_info->match != REC_STORE_PACKET_UNKNOWN)
    {
      g_autoptr(sqlite3_stmt) since =
        _rec_store_prepare (self->db, "SELECT count(*) FROM journal WHERE seq > ?1"
                                      " AND action <> 'packet'", error);

      if (since == NULL)
        return FALSE;
      sqlite3_bind_int64 (since, 1, MAX (out_info->entry, out_info->packet_seq));
      if (sqlite3_step (since) == SQLITE_ROW)
        out_info->changes_since = sqlite3_column_int64 (since, 0);
    }

  return TRUE;
}

void
rec_history_entry_free (RecHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->data);
  g_free (entry->hash);
  g_free (entry);
}

GPtrArray *
rec_store_load_history (RecStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rec_history_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);

  if (rec_store_get_file_version (self) < 5)
    return g_steal_pointer (&entries);

  stmt = _rec_store_prepare (self->db, "SELECT seq, at, action, entity, record, data, hash"
                                       " FROM journal ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RecHistoryEntry *entry = g_new0 (RecHistoryEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = _rec_store_column_text (stmt, 1);
      entry->action = _rec_store_column_text (stmt, 2);
      entry->entity = _rec_store_column_text (stmt, 3);
      entry->record = sqlite3_column_int64 (stmt, 4);
      entry->data = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                    ? NULL : _rec_store_column_text (stmt, 5);
      entry->hash = _rec_store_column_text (stmt, 6);
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, self->db, rc, "journal");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

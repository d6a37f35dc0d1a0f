/* rec-store-journal-verify.c — verify's reading of the history (spec/evidence.md §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three checks after the file's own (integrity, schema, values):
 *   the chain   seq 1, 2, 3 … without a gap, every prev the hash before it,
 *               every hash the SHA-256 of its entry's canonical bytes;
 *   the replay  every record's compact JSON equal to the data of its last
 *               entry, every record with entries, no removed record present,
 *               no record of the history missing (and so for the documents
 *               and their links);
 *   the bytes   every document's bytes hash to its sha256.
 * In bounded memory, whatever the size of the case: one pass over the
 * journal for the chain, then for each table a merge of its rows (by id) with
 * the last entry of each record (by record, through journal_by_record).
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-attachment.h"
#include "rec-case-json-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  GString    *report;
  guint      *problems;
  GHashTable *links;     /* a links entry's data → GINT_TO_POINTER (present) */
} Replay;

static void
problem (Replay     *replay,
         const char *line)
{
  g_string_append (replay->report, line);
  g_string_append_c (replay->report, '\n');
  (*replay->problems)++;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* The chain, and the last entry of every record. */
static gboolean
read_chain (sqlite3  *db,
            Replay   *replay,
            gint64   *out_entries,
            char      out_head[65])
{
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, "SELECT seq, at, action, entity, record, data, prev, hash"
                            " FROM journal ORDER BY seq", NULL);
  char prev[65];
  gint64 expected = 1;
  int rc;

  memcpy (prev, _rec_store_journal_zero_hash, 65);
  *out_entries = 0;
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *action = column_text (stmt, 2);
      const char *entity = column_text (stmt, 3);
      gint64 record = sqlite3_column_int64 (stmt, 4);
      const char *data = (const char *) sqlite3_column_text (stmt, 5);
      const char *stored = column_text (stmt, 7);
      char hash[65];

      if (seq != expected)
        {
          g_autofree char *line =
            /* Translators: %lld is the number of a history entry */
            g_strdup_printf (_("journal entry %lld is missing: the history was altered"),
                             (long long) expected);

          problem (replay, line);
        }
      if (strcmp (column_text (stmt, 6), prev) != 0)
        {
          g_autofree char *line =
            /* Translators: %lld is the number of a history entry */
            g_strdup_printf (_("journal entry %lld does not follow the entry before it: the "
                               "history was altered"), (long long) seq);

          problem (replay, line);
        }
      _rec_store_journal_hash (seq, column_text (stmt, 1), action, entity, record, data,
                               column_text (stmt, 6), hash);
      if (strcmp (hash, stored) != 0)
        {
          g_autofree char *line =
            /* Translators: %lld is the number of a history entry */
            g_strdup_printf (_("journal entry %lld does not match its hash: the history was "
                               "altered"), (long long) seq);

          problem (replay, line);
        }
      g_strlcpy (prev, stored, sizeof prev);
      expected = seq + 1;
      (*out_entries)++;

      /* The links present after this entry (the records are replayed
       * table by table afterwards). */
      if (g_str_equal (entity, "links") && data != NULL)
        g_hash_table_replace (replay->links, g_strdup (data),
                              GINT_TO_POINTER (!g_str_equal (action, "remove")));
    }

  memcpy (out_head, prev, 65);
  return rc == SQLITE_DONE;
}

/* A JSON value as people read it in a finding: a string without its quotes. */
static char *
shown_value (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("—");
  /* An empty text as a pair of quotes, so that the finding still reads. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) == '\0'
           ? g_strdup ("“”") : _rec_case_json_shown (json_node_get_string (node), -1, 60);
  return json_to_string (node, FALSE);
}

/* Every member whose value differs, in the order of the record `now` (then
 * those only `then` has): RecFieldChange, name as "amount" or "obligor.name". */
static void
collect_differences (JsonObject  *now,
                     JsonObject  *then,
                     const char  *prefix,
                     GPtrArray   *out)
{
  g_autoptr(GList) members = json_object_get_members (now);
  g_autoptr(GList) old_members = json_object_get_members (then);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *a = json_object_get_member (now, name);
      JsonNode *b = json_object_has_member (then, name) ? json_object_get_member (then, name)
                                                        : NULL;
      g_autofree char *field = prefix != NULL ? g_strconcat (prefix, ".", name, NULL)
                                              : g_strdup (name);

      if (b != NULL && JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
        collect_differences (json_node_get_object (a), json_node_get_object (b), field, out);
      else if (b == NULL || !json_node_equal (a, b))
        {
          RecFieldChange *change = g_new0 (RecFieldChange, 1);

          change->field = g_steal_pointer (&field);
          change->before = shown_value (b);
          change->after = shown_value (a);
          g_ptr_array_add (out, change);
        }
    }

  for (GList *l = old_members; l != NULL; l = l->next)
    if (!json_object_has_member (now, l->data))
      {
        RecFieldChange *change = g_new0 (RecFieldChange, 1);

        change->field = prefix != NULL ? g_strconcat (prefix, ".", l->data, NULL)
                                       : g_strdup (l->data);
        change->before = shown_value (json_object_get_member (then, l->data));
        change->after = shown_value (NULL);
        g_ptr_array_add (out, change);
      }
}

void
rec_field_change_free (RecFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

GPtrArray *
rec_history_changes (const char *before,
                     const char *after)
{
  g_autoptr(JsonParser) a = json_parser_new ();
  g_autoptr(JsonParser) b = json_parser_new ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_field_change_free);

  if (before != NULL && after != NULL
      && json_parser_load_from_data (a, after, -1, NULL)
      && json_parser_load_from_data (b, before, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (a))
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (b)))
    collect_differences (json_node_get_object (json_parser_get_root (a)),
                         json_node_get_object (json_parser_get_root (b)), NULL, out);

  return out;
}

/* "payments record 17" / "the case": who a finding is about. */
static char *
record_name (const char *entity,
             gint64      record)
{
  if (g_str_equal (entity, "case"))
    return g_strdup (_("the case"));
  /* Translators: the first %s is the word of a kind of record as the file
   * names it (payments, charges, …, not translated); %lld its id */
  return g_strdup_printf (_("%s record %lld"), entity, (long long) record);
}

static void
changed_outside (Replay     *replay,
                 const char *entity,
                 gint64      record,
                 const char *now,
                 const char *then)
{
  g_autoptr(GPtrArray) changes = rec_history_changes (then, now);
  g_autofree char *who = record_name (entity, record);
  g_autofree char *line = NULL;

  if (changes->len > 0)
    {
      const RecFieldChange *first = changes->pdata[0];

      /* Translators: “payments record 17 was changed outside Recourse: amount is
       * 1254.00, the history says 1245.00”; the first %s names the record, then
       * the field, its value in the file and its value in the history */
      line = g_strdup_printf (_("%s was changed outside Recourse: %s is %s, the history says %s"),
                              who, first->field, first->after, first->before);
    }
  else
    /* Translators: %s names a record (“payments record 17”) */
    line = g_strdup_printf (_("%s was changed outside Recourse: it does not match its history"),
                            who);
  problem (replay, line);
}

/* The last entry of every record of `entity` that is not an import or a
 * packet, in the order of the records' ids: record, data (NULL: removed).
 * One pass over journal_by_record: with max () as its only aggregate, SQLite
 * takes the bare column `data` from the row of the greatest seq (a
 * correlated subquery per entry cost 40 % more). */
static sqlite3_stmt *
last_entries (sqlite3    *db,
              const char *entity)
{
  sqlite3_stmt *stmt =
    _rec_store_prepare (db, "SELECT record, data, max (seq) FROM journal WHERE entity = ?1"
                            " AND action NOT IN ('import', 'packet') GROUP BY record"
                            " ORDER BY record", NULL);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  return stmt;
}

static void
record_problem (Replay     *replay,
                const char *format,
                const char *entity,
                gint64      record)
{
  g_autofree char *who = record_name (entity, record);
  g_autofree char *line = g_strdup_printf (format, who);

  problem (replay, line);
}

/* One record of the file against its last entry (`then`, NULL: removed). */
static void
compare_record (Replay     *replay,
                const char *entity,
                gint64      record,
                const char *now,
                const char *then)
{
  if (then == NULL)
    /* Translators: %s names a record (“payments record 17”) */
    record_problem (replay, _("%s was removed in the history but is in the file: it was put "
                              "back outside Recourse"), entity, record);
  else if (!g_str_equal (now, then))
    changed_outside (replay, entity, record, now, then);
}

/* The JSON of a table's current row (NULL when it cannot be read), and its id. */
typedef char *(*RowJson) (sqlite3_stmt  *stmt,
                          gconstpointer  data,
                          Replay        *replay);

static char *
record_row_json (sqlite3_stmt  *stmt,
                 gconstpointer  data,
                 Replay        *replay)
{
  const RecStoreTable *table = data;
  g_autoptr(RecEntity) entity = g_object_new (table->get_type (), NULL);

  entity->id = sqlite3_column_int64 (stmt, 0);
  if (!table->read (stmt, entity, NULL))
    return NULL;
  return _rec_case_json_record_compact (entity);
}

/* An attachment's metadata as its entries carry it; its bytes checked. */
static char *
attachment_row_json (sqlite3_stmt  *stmt,
                     gconstpointer  data,
                     Replay        *replay)
{
  const guint8 *bytes = sqlite3_column_blob (stmt, 6);
  gsize size = (gsize) sqlite3_column_bytes (stmt, 6);
  char sha256[65];

  rec_sha256_hex (bytes != NULL ? bytes : (const guint8 *) "", size, sha256);
  if (strcmp (sha256, column_text (stmt, 4)) != 0)
    {
      g_autofree char *shown = _rec_case_json_shown (column_text (stmt, 1), -1, 60);
      g_autofree char *line =
        /* Translators: %lld is the attachment's id, %s its file name */
        g_strdup_printf (_("attachments record %lld (“%s”) does not match its sha256: its "
                           "bytes were changed"),
                         (long long) sqlite3_column_int64 (stmt, 0), shown);

      problem (replay, line);
    }

  return _rec_store_journal_attachment_json (column_text (stmt, 1), column_text (stmt, 2),
                                             sqlite3_column_int64 (stmt, 3),
                                             column_text (stmt, 4), column_text (stmt, 5));
}

/* The rows of `rows` (ordered by id, the id in column 0) merged with the
 * last entries of `entity`. */
static gboolean
replay_table (sqlite3       *db,
              Replay        *replay,
              const char    *entity,
              const char    *rows_sql,
              RowJson        row_json,
              gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) rows = _rec_store_prepare (db, rows_sql, NULL);
  g_autoptr(sqlite3_stmt) last = last_entries (db, entity);
  int rc_row, rc_last;

  if (rows == NULL || last == NULL)
    return FALSE;

  rc_row = sqlite3_step (rows);
  rc_last = sqlite3_step (last);
  while (rc_row == SQLITE_ROW || rc_last == SQLITE_ROW)
    {
      gint64 id = rc_row == SQLITE_ROW ? sqlite3_column_int64 (rows, 0) : G_MAXINT64;
      gint64 record = rc_last == SQLITE_ROW ? sqlite3_column_int64 (last, 0) : G_MAXINT64;
      const char *then = rc_last == SQLITE_ROW ? (const char *) sqlite3_column_text (last, 1) : NULL;

      if (rc_row == SQLITE_ROW && id <= record)
        {
          g_autofree char *now = row_json (rows, data, replay);

          if (now == NULL)
            return FALSE;
          if (id < record)
            /* Translators: %s names a record (“payments record 17”) */
            record_problem (replay, _("%s has no history: it was added outside Recourse"),
                            entity, id);
          else
            compare_record (replay, entity, id, now, then);
          rc_row = sqlite3_step (rows);
          if (id == record)
            rc_last = sqlite3_step (last);
          continue;
        }

      if (then != NULL)
        /* Translators: %s names a record (“payments record 17”) */
        record_problem (replay, _("%s is in the history but not in the file: it was removed "
                                  "outside Recourse"), entity, record);
      rc_last = sqlite3_step (last);
    }

  return rc_row == SQLITE_DONE && rc_last == SQLITE_DONE;
}

/* The case details: one row, the record 0 of entity "case". */
static gboolean
replay_case (sqlite3 *db,
             Replay  *replay)
{
  g_autoptr(RecCaseInfo) info = NULL;
  g_autoptr(sqlite3_stmt) last = last_entries (db, "case");
  g_autofree char *now = NULL;

  if (last == NULL || !_rec_store_load_case_info (db, &info, NULL))
    return FALSE;

  now = _rec_case_json_case_compact (info);
  if (sqlite3_step (last) != SQLITE_ROW)
    /* Translators: %s names a record (“payments record 17”) */
    record_problem (replay, _("%s has no history: it was added outside Recourse"), "case", 0);
  else
    compare_record (replay, "case", 0, now, (const char *) sqlite3_column_text (last, 1));
  return TRUE;
}

static gboolean
replay_records (sqlite3 *db,
                Replay  *replay)
{
  if (!replay_case (db, replay))
    return FALSE;

  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    {
      const RecStoreTable *table = _rec_store_tables[t];
      const char *order = g_strrstr (table->load_sql, " ORDER BY ");
      g_autofree char *by_id = NULL;

      g_assert (order != NULL);
      by_id = g_strdup_printf ("%.*s ORDER BY id", (int) (order - table->load_sql), table->load_sql);
      if (!replay_table (db, replay, table->entity, by_id, record_row_json, table))
        return FALSE;
    }

  return replay_table (db, replay, "attachments",
                       "SELECT id, name, media_type, size, sha256, added_at, data"
                       " FROM attachments ORDER BY id", attachment_row_json, NULL);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The links of the file against those the history leaves present. */
static gboolean
replay_links (sqlite3 *db,
              Replay  *replay)
{
  g_autoptr(sqlite3_stmt) links =
    _rec_store_prepare (db, "SELECT attachment_id, entity, record_id FROM attachment_links"
                            " ORDER BY attachment_id, entity, record_id", NULL);
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  int rc;

  if (links == NULL)
    return FALSE;

  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      g_autofree char *data =
        _rec_store_journal_link_json (sqlite3_column_int64 (links, 0), column_text (links, 1),
                                      sqlite3_column_int64 (links, 2));

      if (!GPOINTER_TO_INT (g_hash_table_lookup (replay->links, data)))
        {
          g_autofree char *line =
            /* Translators: %s is a link as the history writes it:
             * {"attachment":3,"entity":"payments","record":17} */
            g_strdup_printf (_("the link %s has no history: it was added outside Recourse"), data);

          problem (replay, line);
        }
      g_hash_table_remove (replay->links, data);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  /* What is left and present in the history is missing from the file. */
  keys = g_hash_table_get_keys_as_array (replay->links, &n);
  qsort (keys, n, sizeof *keys, compare_keys);
  for (guint i = 0; i < n; i++)
    if (GPOINTER_TO_INT (g_hash_table_lookup (replay->links, keys[i])))
      {
        g_autofree char *line =
          /* Translators: %s is a link as the history writes it */
          g_strdup_printf (_("the link %s is in the history but not in the file: it was "
                             "removed outside Recourse"), (const char *) keys[i]);

        problem (replay, line);
      }

  return TRUE;
}

gboolean
_rec_store_journal_verify (sqlite3   *db,
                           GString   *report,
                           guint     *problems,
                           gint64    *out_entries,
                           char       out_head[65])
{
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Replay replay = { report, problems, links };
  gboolean ok;

  /* One read transaction: the history and the records of the same moment. */
  if (!_rec_store_exec (db, "BEGIN", NULL))
    return FALSE;
  ok = read_chain (db, &replay, out_entries, out_head)
       && replay_records (db, &replay)
       && replay_links (db, &replay);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    {
      /* Translators: %s is SQLite's reason */
      g_string_append_printf (report, _("The history cannot be read: %s\n"), sqlite3_errmsg (db));
      (*problems)++;
      return FALSE;
    }

  return TRUE;
}

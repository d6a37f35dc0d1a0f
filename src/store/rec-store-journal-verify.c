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
 * One pass over the journal: the chain is checked as the last entry of every
 * record is kept; then one pass over each table.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-attachment.h"
#include "rec-case-json-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* The last entry of one record in the history. */
typedef struct
{
  char    *data;      /* NULL: removed */
  gboolean seen;      /* the record was met in the file */
} LastEntry;

static void
last_entry_free (LastEntry *entry)
{
  g_free (entry->data);
  g_free (entry);
}

typedef struct
{
  GString    *report;
  guint      *problems;
  GHashTable *last;      /* "payments\n17" (links: "links\n" + data) → LastEntry */
} Replay;

static void
problem (Replay     *replay,
         const char *line)
{
  g_string_append (replay->report, line);
  g_string_append_c (replay->report, '\n');
  (*replay->problems)++;
}

static char *
record_key (const char *entity,
            gint64      record)
{
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT, entity, record);
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
            /* Translators: %s is the number of a history entry */
            g_strdup_printf (_("journal entry %" G_GINT64_FORMAT " is missing: the history was "
                               "altered"), expected);

          problem (replay, line);
        }
      if (strcmp (column_text (stmt, 6), prev) != 0)
        {
          g_autofree char *line =
            /* Translators: %s is the number of a history entry */
            g_strdup_printf (_("journal entry %" G_GINT64_FORMAT " does not follow the entry "
                               "before it: the history was altered"), seq);

          problem (replay, line);
        }
      _rec_store_journal_hash (seq, column_text (stmt, 1), action, entity, record, data,
                               column_text (stmt, 6), hash);
      if (strcmp (hash, stored) != 0)
        {
          g_autofree char *line =
            /* Translators: %s is the number of a history entry */
            g_strdup_printf (_("journal entry %" G_GINT64_FORMAT " does not match its hash: the "
                               "history was altered"), seq);

          problem (replay, line);
        }
      g_strlcpy (prev, stored, sizeof prev);
      expected = seq + 1;
      (*out_entries)++;

      /* What the record is after this entry. */
      if (g_str_equal (action, "import") || g_str_equal (action, "packet"))
        continue;
      if (g_str_equal (entity, "links"))
        {
          LastEntry *entry = g_new0 (LastEntry, 1);

          entry->data = g_strdup (g_str_equal (action, "remove") ? NULL : data);
          g_hash_table_replace (replay->last, g_strconcat ("links\n", data != NULL ? data : "",
                                                           NULL), entry);
        }
      else
        {
          LastEntry *entry = g_new0 (LastEntry, 1);

          entry->data = g_strdup (g_str_equal (action, "remove") ? NULL : data);
          g_hash_table_replace (replay->last, record_key (entity, record), entry);
        }
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
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return _rec_case_json_shown (json_node_get_string (node), -1, 60);
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
   * names it (payments, charges, …, not translated); the second its id */
  return g_strdup_printf (_("%s record %" G_GINT64_FORMAT), entity, record);
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

/* One record of the file against its last entry. */
static void
replay_record (Replay     *replay,
               const char *entity,
               gint64      record,
               const char *json)
{
  g_autofree char *key = record_key (entity, record);
  LastEntry *entry = g_hash_table_lookup (replay->last, key);
  g_autofree char *who = NULL;
  g_autofree char *line = NULL;

  if (entry != NULL && entry->data != NULL)
    {
      entry->seen = TRUE;
      if (!g_str_equal (entry->data, json))
        changed_outside (replay, entity, record, json, entry->data);
      return;
    }

  who = record_name (entity, record);
  if (entry == NULL)
    /* Translators: %s names a record (“payments record 17”) */
    line = g_strdup_printf (_("%s has no history: it was added outside Recourse"), who);
  else
    {
      entry->seen = TRUE;
      /* Translators: %s names a record (“payments record 17”) */
      line = g_strdup_printf (_("%s was removed in the history but is in the file: it was put "
                                "back outside Recourse"), who);
    }
  problem (replay, line);
}

static gboolean
replay_records (sqlite3 *db,
                Replay  *replay)
{
  g_autoptr(RecCaseData) case_data = rec_case_data_new ();
  g_autofree char *info = NULL;

  if (!_rec_store_load_all (db, case_data, NULL))
    return FALSE;

  info = _rec_case_json_case_compact (case_data->info);
  replay_record (replay, "case", 0, info);
  for (guint t = 0; _rec_store_tables[t] != NULL; t++)
    {
      const RecStoreTable *table = _rec_store_tables[t];
      GPtrArray *items = G_STRUCT_MEMBER (GPtrArray *, case_data, table->data_offset);

      for (guint i = 0; i < items->len; i++)
        {
          const RecEntity *item = g_ptr_array_index (items, i);
          g_autofree char *json = _rec_case_json_record_compact (item);

          replay_record (replay, table->entity, item->id, json);
        }
    }

  return TRUE;
}

/* The documents: their metadata against the history, their bytes against
 * their sha256; their links. */
static gboolean
replay_attachments (sqlite3 *db,
                    Replay  *replay)
{
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, "SELECT id, name, media_type, size, sha256, added_at, data"
                            " FROM attachments ORDER BY id", NULL);
  g_autoptr(sqlite3_stmt) links =
    _rec_store_prepare (db, "SELECT attachment_id, entity, record_id FROM attachment_links"
                            " ORDER BY attachment_id, entity, record_id", NULL);
  int rc;

  if (stmt == NULL || links == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *json =
        _rec_store_journal_attachment_json (column_text (stmt, 1), column_text (stmt, 2),
                                            sqlite3_column_int64 (stmt, 3), column_text (stmt, 4),
                                            column_text (stmt, 5));
      const guint8 *bytes = sqlite3_column_blob (stmt, 6);
      gsize size = (gsize) sqlite3_column_bytes (stmt, 6);
      char sha256[65];

      replay_record (replay, "attachments", id, json);
      rec_sha256_hex (bytes != NULL ? bytes : (const guint8 *) "", size, sha256);
      if (strcmp (sha256, column_text (stmt, 4)) != 0)
        {
          g_autofree char *shown = _rec_case_json_shown (column_text (stmt, 1), -1, 60);
          g_autofree char *line =
            /* Translators: %s is the attachment's id, then its file name */
            g_strdup_printf (_("attachments record %" G_GINT64_FORMAT " (“%s”) does not match "
                               "its sha256: its bytes were changed"), id, shown);

          problem (replay, line);
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      g_autofree char *data =
        _rec_store_journal_link_json (sqlite3_column_int64 (links, 0), column_text (links, 1),
                                      sqlite3_column_int64 (links, 2));
      g_autofree char *key = g_strconcat ("links\n", data, NULL);
      LastEntry *entry = g_hash_table_lookup (replay->last, key);

      if (entry != NULL && entry->data != NULL)
        entry->seen = TRUE;
      else
        {
          g_autofree char *line =
            /* Translators: %s is a link as the history writes it:
             * {"attachment":3,"entity":"payments","record":17} */
            g_strdup_printf (_("the link %s has no history: it was added outside Recourse"), data);

          if (entry != NULL)
            entry->seen = TRUE;
          problem (replay, line);
        }
    }

  return rc == SQLITE_DONE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Records of the history that the file no longer has, in the history's
 * order of keys (sorted, so the report is the same every time). */
static void
report_missing (Replay *replay)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  keys = g_hash_table_get_keys_as_array (replay->last, &n);
  qsort (keys, n, sizeof *keys, compare_keys);
  for (guint i = 0; i < n; i++)
    {
      LastEntry *entry = g_hash_table_lookup (replay->last, keys[i]);
      g_autofree char *line = NULL;
      const char *newline;

      if (entry->seen || entry->data == NULL)
        continue;
      newline = strchr (keys[i], '\n');
      if (g_str_has_prefix (keys[i], "links\n"))
        /* Translators: %s is a link as the history writes it */
        line = g_strdup_printf (_("the link %s is in the history but not in the file: it was "
                                  "removed outside Recourse"), newline + 1);
      else
        {
          g_autofree char *entity = g_strndup (keys[i], newline - (const char *) keys[i]);
          g_autofree char *who = record_name (entity, g_ascii_strtoll (newline + 1, NULL, 10));

          /* Translators: %s names a record (“payments record 17”) */
          line = g_strdup_printf (_("%s is in the history but not in the file: it was removed "
                                    "outside Recourse"), who);
        }
      problem (replay, line);
    }
}

gboolean
_rec_store_journal_verify (sqlite3   *db,
                           GString   *report,
                           guint     *problems,
                           gint64    *out_entries,
                           char       out_head[65])
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) last_entry_free);
  Replay replay = { report, problems, last };
  gboolean ok;

  /* One read transaction: the history and the records of the same moment. */
  if (!_rec_store_exec (db, "BEGIN", NULL))
    return FALSE;
  ok = read_chain (db, &replay, out_entries, out_head)
       && replay_records (db, &replay)
       && replay_attachments (db, &replay);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    {
      /* Translators: %s is SQLite's reason */
      g_string_append_printf (report, _("The history cannot be read: %s\n"), sqlite3_errmsg (db));
      (*problems)++;
      return FALSE;
    }

  report_missing (&replay);
  return TRUE;
}

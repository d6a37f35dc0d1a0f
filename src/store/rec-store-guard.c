/* rec-store-guard.c — a file from someone else can neither run code nor lie
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite runs what a database file contains: its triggers fire on our own
 * writes, its views stand in for our tables. So every connection is made
 * defensive before it reads a byte, and a file's schema must be exactly the
 * one Recourse writes for its version (built here by running the migrations
 * on an empty in-memory database), and its rows must satisfy that schema's
 * constraints, which SQLite itself re-checks by copying them into the
 * reference database (a read-only connection's integrity_check skips CHECK
 * constraints).
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Bounds what a hostile query could make SQLite allocate (temporary tables
 * and sorts live in memory, never in unbounded temporary files). */
#define HEAP_LIMIT (G_GINT64_CONSTANT (512) * 1024 * 1024)
/* Rows copied per step of the value check: memory stays flat. */
#define CHECK_CHUNK 4096

gboolean
_rec_store_harden (sqlite3  *db,
                   GError  **error)
{
  static const int off[] = {
    SQLITE_DBCONFIG_TRUSTED_SCHEMA,
    SQLITE_DBCONFIG_ENABLE_TRIGGER,
    SQLITE_DBCONFIG_ENABLE_VIEW,
    SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
    SQLITE_DBCONFIG_DQS_DDL,
    SQLITE_DBCONFIG_DQS_DML,
  };
  int value = 0;

  sqlite3_hard_heap_limit64 (HEAP_LIMIT);
  /* Set first: every later step may meet a lock held by another program. */
  sqlite3_busy_timeout (db, REC_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  if (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &value) != SQLITE_OK || value != 1)
    {
      _rec_store_set_error (error, db, SQLITE_ERROR, "defensive");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    if (sqlite3_db_config (db, off[i], 0, &value) != SQLITE_OK || value != 0)
      {
        _rec_store_set_error (error, db, SQLITE_ERROR, "dbconfig");
        return FALSE;
      }

  return _rec_store_exec (db, "PRAGMA cell_size_check = ON", error)
         && _rec_store_exec (db, "PRAGMA temp_store = MEMORY", error)
         && _rec_store_exec (db, "PRAGMA mmap_size = 0", error);
}

/* The schema objects of a database, by name: "type\nsql". */
static GHashTable *
read_schema (sqlite3     *db,
             const char  *schema,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, type, tbl_name, sql FROM \"%s\".sqlite_schema",
                                          schema);
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, sql, error);
  g_autoptr(GHashTable) objects = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *text = (const char *) sqlite3_column_text (stmt, 3);

      g_hash_table_insert (objects, g_strdup (name ? name : ""),
                           g_strdup_printf ("%s\n%s\n%s", type ? type : "", table ? table : "",
                                            text ? text : ""));
    }

  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "schema");
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* An empty database with the schema of `version`, made once per version. */
static GHashTable *
reference_schema (int      version,
                  GError **error)
{
  static GMutex lock;
  static GHashTable *cache[16];
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  sqlite3 *db = NULL;
  GHashTable *objects = NULL;

  g_assert (version >= 1 && version < (int) G_N_ELEMENTS (cache));

  if (cache[version] != NULL)
    return g_hash_table_ref (cache[version]);

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK
      && _rec_store_migrate_to (db, 0, version, error))
    objects = read_schema (db, "main", error);
  else if (error != NULL && *error == NULL)
    _rec_store_set_error (error, db, SQLITE_ERROR, "reference schema");
  sqlite3_close (db);

  if (objects != NULL)
    cache[version] = g_hash_table_ref (objects);
  return objects;
}

typedef enum
{
  FOUND_EXTRA,      /* in the file, not in the reference */
  FOUND_CHANGED,    /* in both, defined otherwise */
  FOUND_MISSING,    /* in the reference, not in the file */
} Finding;

/* One whole sentence per case, so that each translates as a sentence. */
static char *
describe (Finding     finding,
          const char *type,
          const char *path,
          const char *object)
{
  g_autofree char *file = g_filename_display_name (path);
  gboolean is_index = g_str_equal (type, "index");

  switch (finding)
    {
    case FOUND_EXTRA:
      if (g_str_equal (type, "trigger"))
        /* Translators: the first %s is a file name, the second the name of an SQLite trigger */
        return g_strdup_printf (_("“%s” contains a trigger “%s” that Recourse never writes: "
                                  "another program changed this file. Nothing was opened."),
                                file, object);
      if (g_str_equal (type, "view"))
        /* Translators: the first %s is a file name, the second the name of an SQLite view */
        return g_strdup_printf (_("“%s” contains a view “%s” that Recourse never writes: "
                                  "another program changed this file. Nothing was opened."),
                                file, object);
      if (is_index)
        /* Translators: the first %s is a file name, the second the name of an SQLite index */
        return g_strdup_printf (_("“%s” contains an index “%s” that Recourse never writes: "
                                  "another program changed this file. Nothing was opened."),
                                file, object);
      /* Translators: the first %s is a file name, the second the name of a table */
      return g_strdup_printf (_("“%s” contains a table “%s” that Recourse never writes: "
                                "another program changed this file. Nothing was opened."),
                              file, object);

    case FOUND_CHANGED:
      if (is_index)
        /* Translators: the first %s is a file name, the second the name of an SQLite index */
        return g_strdup_printf (_("“%s” has an index “%s” defined otherwise than Recourse "
                                  "defines it: another program changed this file. Nothing was "
                                  "opened."), file, object);
      /* Translators: the first %s is a file name, the second the name of a table */
      return g_strdup_printf (_("“%s” has a table “%s” defined otherwise than Recourse defines "
                                "it: another program changed this file. Nothing was opened."),
                              file, object);

    case FOUND_MISSING:
    default:
      if (is_index)
        /* Translators: the first %s is a file name, the second the name of an SQLite index */
        return g_strdup_printf (_("“%s” lacks the index “%s” that Recourse writes: another "
                                  "program changed this file. Nothing was opened."),
                                file, object);
      /* Translators: the first %s is a file name, the second the name of a table */
      return g_strdup_printf (_("“%s” lacks the table “%s” that Recourse writes: another "
                                "program changed this file. Nothing was opened."),
                              file, object);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The object's type: the first line of its description. */
static char *
type_of (const char *description)
{
  const char *end = strchr (description, '\n');

  return g_strndup (description, end != NULL ? (gsize) (end - description) : strlen (description));
}

/* One sentence per difference, in name order (so the message is stable). */
static GPtrArray *
compare_schemas (GHashTable *file,
                 GHashTable *reference,
                 const char *path)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);
  g_autofree gpointer *names = NULL;
  guint n = 0;

  names = g_hash_table_get_keys_as_array (file, &n);
  qsort (names, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    {
      const char *found = g_hash_table_lookup (file, names[i]);
      const char *wanted = g_hash_table_lookup (reference, names[i]);

      if (wanted == NULL)
        {
          g_autofree char *type = type_of (found);

          g_ptr_array_add (findings, describe (FOUND_EXTRA, type, path, names[i]));
        }
      else if (!g_str_equal (found, wanted))
        {
          g_autofree char *type = type_of (wanted);

          g_ptr_array_add (findings, describe (FOUND_CHANGED, type, path, names[i]));
        }
    }

  g_clear_pointer (&names, g_free);
  names = g_hash_table_get_keys_as_array (reference, &n);
  qsort (names, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (file, names[i]))
      {
        g_autofree char *type = type_of (g_hash_table_lookup (reference, names[i]));

        g_ptr_array_add (findings, describe (FOUND_MISSING, type, path, names[i]));
      }

  return findings;
}

gboolean
_rec_store_check_schema (sqlite3     *db,
                         const char  *path,
                         int          version,
                         GString     *report,
                         GError     **error)
{
  g_autoptr(GHashTable) reference = reference_schema (version, error);
  g_autoptr(GHashTable) file = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  if (reference == NULL)
    return FALSE;

  file = read_schema (db, "main", error);
  if (file == NULL)
    return FALSE;

  findings = compare_schemas (file, reference, path);
  if (findings->len == 0)
    return TRUE;

  if (report != NULL)
    for (guint i = 0; i < findings->len; i++)
      g_string_append_printf (report, "%s\n", (const char *) findings->pdata[i]);

  g_set_error_literal (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED, findings->pdata[0]);
  return FALSE;
}

/* The tables of the reference, in an order where a row's references come first. */
static const char *const tables[] = {
  "case_info", "children", "terms", "interest_overrides", "charges", "payments",
  "communications", "enforcement_steps",
};

/* Copies rows (rowid > *after) LIMIT CHECK_CHUNK of one table into the
 * reference; on a constraint failure finds the row that fails. */
static gboolean
check_chunk (sqlite3     *db,
             const char  *table,
             gint64      *after,
             gboolean    *done,
             gboolean    *damaged,
             GString     *finding)
{
  g_autofree char *copy_sql = g_strdup_printf (
    "INSERT INTO main.\"%s\" SELECT * FROM \"case\".\"%s\" WHERE rowid > ?1 ORDER BY rowid LIMIT %d",
    table, table, CHECK_CHUNK);
  g_autofree char *last_sql = g_strdup_printf (
    "SELECT rowid FROM \"case\".\"%s\" WHERE rowid > ?1 ORDER BY rowid LIMIT 1 OFFSET %d",
    table, CHECK_CHUNK - 1);
  g_autofree char *one_sql = g_strdup_printf (
    "INSERT INTO main.\"%s\" SELECT * FROM \"case\".\"%s\" WHERE rowid = ?1", table, table);
  g_autofree char *ids_sql = g_strdup_printf (
    "SELECT rowid FROM \"case\".\"%s\" WHERE rowid > ?1 ORDER BY rowid LIMIT %d", table, CHECK_CHUNK);
  g_autofree char *clear_sql = g_strdup_printf ("DELETE FROM main.\"%s\"", table);
  g_autoptr(sqlite3_stmt) copy = NULL;
  g_autoptr(sqlite3_stmt) last = NULL;
  int rc;

  copy = _rec_store_prepare (db, copy_sql, NULL);
  last = _rec_store_prepare (db, last_sql, NULL);
  if (copy == NULL || last == NULL)
    {
      g_string_append (finding, sqlite3_errmsg (db));
      return FALSE;
    }

  sqlite3_bind_int64 (copy, 1, *after);
  rc = sqlite3_step (copy);
  if (rc == SQLITE_DONE)
    {
      *done = sqlite3_changes (db) < CHECK_CHUNK;
      sqlite3_bind_int64 (last, 1, *after);
      if (!*done && sqlite3_step (last) == SQLITE_ROW)
        *after = sqlite3_column_int64 (last, 0);
      sqlite3_exec (db, clear_sql, NULL, NULL, NULL);
      return TRUE;
    }

  if ((rc & 0xff) != SQLITE_CONSTRAINT && (rc & 0xff) != SQLITE_MISMATCH)
    {
      *damaged = TRUE;
      g_string_append (finding, sqlite3_errmsg (db));
      return FALSE;
    }

  /* Which row? One at a time through this chunk. */
  sqlite3_reset (copy);
  sqlite3_exec (db, clear_sql, NULL, NULL, NULL);
  {
    g_autoptr(sqlite3_stmt) ids = _rec_store_prepare (db, ids_sql, NULL);
    g_autoptr(sqlite3_stmt) one = _rec_store_prepare (db, one_sql, NULL);

    if (ids == NULL || one == NULL)
      {
        g_string_append (finding, sqlite3_errmsg (db));
        return FALSE;
      }

    sqlite3_bind_int64 (ids, 1, *after);
    while (sqlite3_step (ids) == SQLITE_ROW)
      {
        gint64 rowid = sqlite3_column_int64 (ids, 0);

        sqlite3_reset (one);
        sqlite3_bind_int64 (one, 1, rowid);
        if (sqlite3_step (one) != SQLITE_DONE)
          {
            g_string_append_printf (finding,
                                    /* Translators: table “payments”, row 12: SQLite's reason */
                                    _("table “%s”, row %lld: %s"),
                                    table, (long long) rowid, sqlite3_errmsg (db));
            return FALSE;
          }
      }
  }

  g_string_append (finding, sqlite3_errmsg (db));
  return FALSE;
}

/* The copy checks constraints; indexes would only cost (most of the time). */
static gboolean
drop_indexes (sqlite3  *db,
              GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
                        error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (const char *) names->pdata[i]);

      if (!_rec_store_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* URI of a file name for ATTACH: every byte that is not plainly safe escaped. */
static char *
file_uri (const char *path,
          gboolean    immutable)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

gboolean
_rec_store_check_values (const char  *path,
                         int          version,
                         gboolean     immutable,
                         GString     *report,
                         GError     **error)
{
  g_autofree char *uri = file_uri (path, immutable);
  g_autoptr(GString) finding = g_string_new (NULL);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  gboolean damaged = FALSE;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                        | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  /* The copy is thrown away: no journal for it (before the defensive
   * options, which refuse journal_mode = OFF). */
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA main.journal_mode = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK || !_rec_store_harden (db, error)
      || !_rec_store_migrate_to (db, 0, version, error)
      || !drop_indexes (db, error))
    goto out;

  {
    g_autoptr(sqlite3_stmt) attach = _rec_store_prepare (db, "ATTACH ?1 AS \"case\"", error);

    if (attach == NULL)
      goto out;
    sqlite3_bind_text (attach, 1, uri, -1, SQLITE_TRANSIENT);
    if (!_rec_store_step_done (db, attach, error))
      goto out;
  }

  if (!_rec_store_exec (db, "PRAGMA main.foreign_keys = OFF", error)
      || !_rec_store_exec (db, "BEGIN", error))
    goto out;

  ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    {
      gint64 after = G_MININT64;
      gboolean done = FALSE;

      while (ok && !done)
        ok = check_chunk (db, tables[i], &after, &done, &damaged, finding);
    }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  if (!ok && damaged)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (report != NULL)
        /* Translators: %s is SQLite's description of the damage */
        g_string_append_printf (report, _("Integrity: %s\n"), finding->str);
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
                   /* Translators: the first %s is a file name, the second SQLite's description
                    * of the damage */
                   _("“%s” is damaged and cannot be opened (%s); “recourse verify” lists what is "
                     "wrong"), name, finding->str);
    }
  else if (!ok)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (report != NULL)
        /* Translators: %s names a table, a row and what is wrong with it */
        g_string_append_printf (report, _("A value is not valid: %s\n"), finding->str);
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED,
                   /* Translators: the first %s is a file name, the second names a table, a row
                    * and SQLite's reason */
                   _("“%s” holds a value that Recourse never writes (%s): another program changed "
                     "this file. Nothing was opened."),
                   name, finding->str);
    }

out:
  if (!ok && error != NULL && *error == NULL)
    _rec_store_set_error (error, db, rc != SQLITE_OK ? rc : SQLITE_ERROR, "check values");
  sqlite3_close (db);
  return ok;
}

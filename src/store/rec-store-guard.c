/* rec-store-guard.c — a file from someone else can neither run code nor lie
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite runs what a database file contains: its triggers fire on our own
 * writes, its views stand in for our tables. So every connection is made
 * defensive before it reads a byte, and a file's schema must be exactly the
 * one Recourse writes for its version (built here by running the migrations
 * on an empty in-memory database), and its rows must satisfy that schema's
 * constraints: one SELECT per table whose conditions are the reference's own
 * CHECK clauses, NOT NULL columns and STRICT types (a read-only connection's
 * integrity_check skips CHECK constraints). The NOT NULL and type tests of a
 * row are one call of rec_types () (SQLite drops "x IS NULL" on a NOT NULL
 * column as always false, and typeof () for each column cost most of the
 * check); the names of the conditions still come one by one.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Bounds what a hostile query could make SQLite allocate (temporary tables
 * and sorts live in memory, never in unbounded temporary files). */
#define HEAP_LIMIT (G_GINT64_CONSTANT (512) * 1024 * 1024)

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
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&lock);
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

/* The constraints of one table of the reference schema, as SQL conditions
 * that are TRUE for a row that breaks them: NOT (check) for each CHECK (NULL
 * passes, as in SQLite), col IS NULL for each NOT NULL column, and the type
 * test of each column of a STRICT table. Read from the CREATE TABLE text
 * Recourse itself wrote (so the parse only has to know our own style). */
typedef struct
{
  char      *table;
  GPtrArray *conditions;   /* violated-when SQL */
  GPtrArray *names;        /* for people: "CHECK constraint failed: …" */
  GArray    *stamps;       /* gboolean: the condition is on created_at/updated_at */
  GArray    *typed;        /* gboolean: a NOT NULL or type condition, tested by rec_types () */
  GPtrArray *columns;      /* the columns rec_types () tests, quoted */
  GString   *spec;         /* their rec_types () letters, one per column */
  GArray    *column_stamps; /* gboolean: the column is created_at/updated_at */
} TableChecks;

static void
table_checks_free (TableChecks *checks)
{
  g_free (checks->table);
  g_ptr_array_unref (checks->conditions);
  g_ptr_array_unref (checks->names);
  g_array_unref (checks->stamps);
  g_array_unref (checks->typed);
  g_ptr_array_unref (checks->columns);
  g_string_free (checks->spec, TRUE);
  g_array_unref (checks->column_stamps);
  g_free (checks);
}

/* rec_types (SPEC, v1, v2, …): 0 when every value has the type its letter
 * in SPEC allows, else the 1-based place of the first that does not. 'i'
 * integer, 't' text, 'a' any type; a capital letter also refuses NULL. */
static void
rec_types (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const char *spec = (const char *) sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);

  for (int i = 1; i < argc; i++)
    {
      char letter = i - 1 < length ? spec[i - 1] : 'a';
      int type = sqlite3_value_type (argv[i]);
      gboolean ok;

      if (type == SQLITE_NULL)
        ok = g_ascii_islower (letter);
      else
        switch (g_ascii_tolower (letter))
          {
          case 'i':
            ok = type == SQLITE_INTEGER;
            break;
          case 't':
            ok = type == SQLITE_TEXT;
            break;
          default:
            ok = TRUE;
          }
      if (!ok)
        {
          sqlite3_result_int (context, i);
          return;
        }
    }
  sqlite3_result_int (context, 0);
}

/* One column's NOT NULL and type for rec_types (): `letter` 'i', 't' or 'a'. */
static void
add_typed_column (TableChecks *checks,
                  const char  *column,
                  char         letter,
                  gboolean     not_null)
{
  gboolean stamp = g_str_equal (column, "created_at") || g_str_equal (column, "updated_at");

  g_ptr_array_add (checks->columns, g_strdup_printf ("\"%s\"", column));
  g_string_append_c (checks->spec, not_null ? g_ascii_toupper (letter) : letter);
  g_array_append_val (checks->column_stamps, stamp);
}

static void
add_condition (TableChecks *checks,
               char        *condition,
               char        *name,
               gboolean     typed)
{
  g_ptr_array_add (checks->conditions, condition);
  g_ptr_array_add (checks->names, name);
  g_array_append_val (checks->typed, typed);
}

/* The text between the parenthesis at `open` and its match, quotes skipped. */
static char *
balanced (const char  *open,
          const char **out_end)
{
  int depth = 0;

  for (const char *p = open; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            ;
          if (*p == '\0')
            break;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        {
          *out_end = p + 1;
          return g_strndup (open + 1, p - open - 1);
        }
    }

  return NULL;
}

/* rec_hex (x): whether x is only lowercase hexadecimal digits, as text (NULL
 * for NULL). */
static void
rec_hex (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  const unsigned char *text = sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  for (int i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && (text[i] < 'a' || text[i] > 'f'))
      {
        sqlite3_result_int (context, 0);
        return;
      }
  sqlite3_result_int (context, 1);
}

/* The same condition, cheaper: "NOT x GLOB '*[^0-9a-f]*'" (the history's
 * hashes, the documents' sha256) tries the class at every character, and
 * was 90 % of the journal's check; rec_hex (x) is TRUE, FALSE or NULL for
 * exactly the same values. */
static char *
cheaper (const char *expression)
{
  static GRegex *hex;

  if (g_once_init_enter (&hex))
    g_once_init_leave (&hex, g_regex_new ("NOT (\\w+) GLOB '\\*\\[\\^0-9a-f\\]\\*'",
                                          G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_replace (hex, expression, -1, 0, "rec_hex (\\1)", 0, NULL);
}

static void
add_check (TableChecks *checks,
           const char  *expression)
{
  g_autofree char *condition = cheaper (expression);

  add_condition (checks, g_strdup_printf ("NOT (%s)", condition),
                 /* SQLite's own words, so verify reads the same whoever found it. */
                 g_strdup_printf ("CHECK constraint failed: %s", expression), FALSE);
}

/* Splits the column list at top-level commas. */
static GPtrArray *
split_definitions (const char *body)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = body;
  int depth = 0;

  for (const char *p = body;; p++)
    {
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            ;
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      if (*p == '\0' || (*p == ',' && depth == 0))
        {
          g_ptr_array_add (parts, g_strstrip (g_strndup (start, p - start)));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  return parts;
}

static TableChecks *
parse_table (const char *table,
             const char *sql)
{
  TableChecks *checks = g_new0 (TableChecks, 1);
  const char *open = strchr (sql, '(');
  const char *end = NULL;
  g_autofree char *body = open != NULL ? balanced (open, &end) : NULL;
  gboolean strict = end != NULL && strstr (end, "STRICT") != NULL;
  g_autoptr(GPtrArray) parts = NULL;

  checks->table = g_strdup (table);
  checks->conditions = g_ptr_array_new_with_free_func (g_free);
  checks->names = g_ptr_array_new_with_free_func (g_free);
  checks->stamps = g_array_new (FALSE, FALSE, sizeof (gboolean));
  checks->typed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  checks->columns = g_ptr_array_new_with_free_func (g_free);
  checks->spec = g_string_new (NULL);
  checks->column_stamps = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (body == NULL)
    return checks;

  parts = split_definitions (body);
  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = parts->pdata[i];
      g_auto(GStrv) words = g_strsplit_set (part, " \t\n", 3);
      const char *p;
      gboolean not_null, typed;

      /* Every CHECK (…) of the definition, column or table constraint. */
      for (p = strstr (part, "CHECK ("); p != NULL; p = strstr (p, "CHECK ("))
        {
          const char *after = NULL;
          g_autofree char *expression = balanced (p + 6, &after);

          if (expression == NULL)
            break;
          add_check (checks, expression);
          p = after;
        }

      if (g_str_has_prefix (part, "CHECK") || words[0] == NULL || words[1] == NULL)
        continue;

      /* A column: "name TYPE …". The INTEGER PRIMARY KEY is the rowid. */
      if (strstr (part, "PRIMARY KEY") != NULL)
        continue;
      not_null = strstr (part, "NOT NULL") != NULL;
      typed = strict && (g_str_equal (words[1], "INTEGER") || g_str_equal (words[1], "TEXT"));
      if (not_null)
        /* typeof (): SQLite optimizes "x IS NULL" away on a NOT NULL column. */
        add_condition (checks, g_strdup_printf ("typeof (\"%s\") = 'null'", words[0]),
                       g_strdup_printf ("NOT NULL constraint failed: %s.%s", table, words[0]),
                       TRUE);
      if (typed)
        add_condition (checks,
                       g_strdup_printf ("typeof (\"%s\") NOT IN ('%s', 'null')", words[0],
                                        g_str_equal (words[1], "INTEGER") ? "integer" : "text"),
                       g_strdup_printf ("cannot store a value that is not %s in %s column %s.%s",
                                        words[1], words[1], table, words[0]),
                       TRUE);
      if (not_null || typed)
        add_typed_column (checks, words[0],
                          !typed ? 'a' : g_str_equal (words[1], "INTEGER") ? 'i' : 't', not_null);
    }

  return checks;
}

/* The checks of every table of schema `version`, made once. */
static GPtrArray *
schema_checks (int      version,
               GError **error)
{
  static GMutex lock;
  static GPtrArray *cache[16];
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GHashTable) reference = reference_schema (version, error);
  GHashTableIter iter;
  gpointer name, description;
  GPtrArray *checks;

  if (reference == NULL)
    return NULL;

  locker = g_mutex_locker_new (&lock);
  if (cache[version] != NULL)
    return g_ptr_array_ref (cache[version]);

  checks = g_ptr_array_new_with_free_func ((GDestroyNotify) table_checks_free);
  g_hash_table_iter_init (&iter, reference);
  while (g_hash_table_iter_next (&iter, &name, &description))
    {
      const char *sql = strchr (strchr (description, '\n') + 1, '\n') + 1;

      if (g_str_has_prefix (description, "table\n"))
        g_ptr_array_add (checks, parse_table (name, sql));
    }

  /* Which conditions only verify checks: those about the record's
   * timestamps, and every one of the history and of the documents' bytes (a
   * case whose history or documents were altered still opens; verify says
   * so, spec/evidence.md §3). */
  for (guint t = 0; t < checks->len; t++)
    {
      TableChecks *table = checks->pdata[t];
      gboolean evidence = g_str_equal (table->table, "journal")
                          || g_str_equal (table->table, "attachments");

      for (guint i = 0; i < table->conditions->len; i++)
        {
          const char *condition = table->conditions->pdata[i];
          gboolean stamp = evidence
                           || strstr (condition, "created_at") != NULL
                           || strstr (condition, "updated_at") != NULL;

          g_array_append_val (table->stamps, stamp);
        }
      for (guint i = 0; evidence && i < table->column_stamps->len; i++)
        g_array_index (table->column_stamps, gboolean, i) = TRUE;
    }

  cache[version] = g_ptr_array_ref (checks);
  return checks;
}

/* " OR rec_types ('IiT', "a", "b", "c") <> 0" for the columns checked. */
static void
append_types (GString           *where,
              const TableChecks *checks,
              gboolean           with_stamps)
{
  g_autoptr(GString) spec = g_string_new (NULL);
  g_autoptr(GString) columns = g_string_new (NULL);

  for (guint i = 0; i < checks->columns->len; i++)
    if (with_stamps || !g_array_index (checks->column_stamps, gboolean, i))
      {
        g_string_append_c (spec, checks->spec->str[i]);
        g_string_append_printf (columns, ", %s", (const char *) checks->columns->pdata[i]);
      }
  if (spec->len > 0)
    g_string_append_printf (where, "%srec_types ('%s'%s) <> 0", where->len > 0 ? " OR " : "",
                            spec->str, columns->str);
}

/* The first row of a table that breaks one of its constraints: FALSE with
 * the finding ("table “payments”, row 4: CHECK constraint failed: …"). */
static gboolean
check_table (sqlite3           *db,
             const TableChecks *checks,
             gboolean           with_stamps,
             gboolean          *damaged,
             GString           *finding)
{
  g_autoptr(GString) sql = g_string_new ("SELECT rowid");
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < checks->conditions->len; i++)
    {
      g_string_append_printf (sql, ", coalesce (%s, 0)", (const char *) checks->conditions->pdata[i]);
      if ((with_stamps || !g_array_index (checks->stamps, gboolean, i))
          && !g_array_index (checks->typed, gboolean, i))
        g_string_append_printf (where, "%s(%s)", where->len > 0 ? " OR " : "",
                                (const char *) checks->conditions->pdata[i]);
    }
  append_types (where, checks, with_stamps);
  if (where->len == 0)
    return TRUE;
  g_string_append_printf (sql, " FROM main.\"%s\" WHERE %s LIMIT 1", checks->table, where->str);

  stmt = _rec_store_prepare (db, sql->str, NULL);
  if (stmt == NULL)
    {
      *damaged = TRUE;
      g_string_append (finding, sqlite3_errmsg (db));
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      *damaged = TRUE;
      g_string_append (finding, sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; i < checks->conditions->len; i++)
    if (sqlite3_column_int (stmt, (int) i + 1) != 0)
      {
        g_string_append_printf (finding,
                                /* Translators: table “payments”, row 12: SQLite's reason */
                                _("table “%s”, row %lld: %s"),
                                checks->table, (long long) sqlite3_column_int64 (stmt, 0),
                                (const char *) checks->names->pdata[i]);
        break;
      }

  return FALSE;
}

static int
compare_tables (gconstpointer a,
                gconstpointer b)
{
  const TableChecks *x = *(TableChecks *const *) a;
  const TableChecks *y = *(TableChecks *const *) b;

  return strcmp (x->table, y->table);
}

gboolean
_rec_store_check_values (sqlite3     *db,
                         const char  *path,
                         int          version,
                         GString     *report,
                         GError     **error)
{
  g_autoptr(GPtrArray) checks = schema_checks (version, error);
  g_autoptr(GString) finding = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean damaged = FALSE;
  gboolean ok = TRUE;
  g_autofree char *name = NULL;

  if (checks == NULL)
    return FALSE;

  /* A stable order, so the first finding is the same every time. */
  sorted = g_ptr_array_sized_new (checks->len);   /* borrowed: no free function */
  for (guint i = 0; i < checks->len; i++)
    g_ptr_array_add (sorted, checks->pdata[i]);
  g_ptr_array_sort (sorted, compare_tables);

  if (sqlite3_create_function (db, "rec_types", -1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                               rec_types, NULL, NULL) != SQLITE_OK
      || sqlite3_create_function (db, "rec_hex", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                                  rec_hex, NULL, NULL) != SQLITE_OK)
    {
      _rec_store_set_error (error, db, SQLITE_ERROR, "rec_types");
      return FALSE;
    }
  if (!_rec_store_exec (db, "BEGIN", error))
    return FALSE;
  for (guint i = 0; ok && i < sorted->len; i++)
    ok = check_table (db, sorted->pdata[i], report != NULL, &damaged, finding);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (ok)
    return TRUE;

  name = g_filename_display_name (path);
  if (damaged)
    {
      if (report != NULL)
        /* Translators: %s is SQLite's description of the damage */
        g_string_append_printf (report, _("Integrity: %s\n"), finding->str);
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
                   /* Translators: the first %s is a file name, the second SQLite's description
                    * of the damage */
                   _("“%s” is damaged and cannot be opened (%s); “recourse verify” lists what is "
                     "wrong"), name, finding->str);
      return FALSE;
    }

  if (report != NULL)
    /* Translators: %s names a table, a row and what is wrong with it */
    g_string_append_printf (report, _("A value is not valid: %s\n"), finding->str);
  g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED,
               /* Translators: the first %s is a file name, the second names a table, a row
                * and SQLite's reason */
               _("“%s” holds a value that Recourse never writes (%s): another program changed "
                 "this file. Nothing was opened."),
               name, finding->str);
  return FALSE;
}

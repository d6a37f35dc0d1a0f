/* rec-store-verify.c — `recourse verify`: is this case file whole and valid?
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each check adds one line per finding: the schema (rec-store-guard.c), the
 * constraints of every row in SQL (rec-store-guard.c: a read-only connection's
 * integrity_check skips CHECK constraints), the schema version, SQLite's
 * integrity_check (pages, indexes), the foreign keys, and in SQL what a JSON
 * import refuses beyond the schema: a date that is not a day of the calendar,
 * a communication's instant that is not RFC 3339 with an offset or disagrees
 * with its at_unix, text that is not UTF-8, an empty title, an unknown
 * jurisdiction. Every check is a query that streams the rows: nothing of the
 * case is held in memory.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-rules.h"

#include <glib/gi18n.h>
#include <string.h>

static gboolean
check_version (sqlite3  *db,
               GString  *report,
               guint    *problems)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, "PRAGMA user_version", NULL);
  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_string_append_printf (report, "%s\n", _("The schema version cannot be read"));
      (*problems)++;
      return FALSE;
    }

  version = sqlite3_column_int (stmt, 0);
  if (version < 1 || version > rec_store_schema_version ())
    {
      g_string_append_printf (report,
                              /* Translators: %d are schema version numbers */
                              _("Schema version %d is not one this Recourse knows (1 to %d)\n"),
                              version, rec_store_schema_version ());
      (*problems)++;
      return FALSE;
    }

  return TRUE;
}

static void
check_integrity (sqlite3  *db,
                 GString  *report,
                 guint    *problems)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, "PRAGMA integrity_check", NULL);
  int rc;

  if (stmt == NULL)
    {
      g_string_append_printf (report, "%s\n", _("The integrity check could not run"));
      (*problems)++;
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      /* Translators: %s is SQLite's description of damage in the file */
      g_string_append_printf (report, _("Integrity: %s\n"), line ? line : "");
      (*problems)++;
    }

  if (rc != SQLITE_DONE)
    {
      /* Translators: %s is SQLite's reason */
      g_string_append_printf (report, _("Integrity: the check stopped: %s\n"),
                              sqlite3_errmsg (db));
      (*problems)++;
    }
}

static void
check_foreign_keys (sqlite3  *db,
                    GString  *report,
                    guint    *problems)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, "PRAGMA foreign_key_check", NULL);

  if (stmt == NULL)
    {
      g_string_append_printf (report, "%s\n", _("The foreign key check could not run"));
      (*problems)++;
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (report,
                              /* Translators: a row of the first table refers to a missing row of the second */
                              _("Table %s, row %lld refers to a missing row of %s\n"),
                              (const char *) sqlite3_column_text (stmt, 0),
                              (long long) sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
      (*problems)++;
    }
}

/* The date columns of schema 1 and later (ISO text, NULL for none). */
static const char *const date_columns[] = {
  "birth_date", "effective", "end_date", "from_date", "to_date", "date", "follow_up",
  "next_date", NULL,
};

/* Columns whose CHECK constraints (checked before, by the schema's own
 * conditions) allow only ASCII words or digits: no UTF-8 to check. */
static const char *const ascii_columns[] = {
  "created_at", "updated_at", "currency", "kind", "frequency", "method", "channel",
  "direction", "remedy", "status", NULL,
};

typedef enum
{
  VALUE_TEXT,           /* UTF-8 */
  VALUE_DATE,           /* a day of the calendar */
  VALUE_INSTANT,        /* RFC 3339 with an offset */
  VALUE_AT_UNIX,        /* the instant of `at` */
  VALUE_TITLE,          /* not blank */
  VALUE_JURISDICTION,   /* one Recourse knows */
} ValueKind;

typedef struct
{
  char      *column;
  ValueKind  kind;
} ValueCheck;

static void
value_check_clear (ValueCheck *check)
{
  g_free (check->column);
}

/* SQL that is TRUE for a value of `column` that breaks the check. */
static char *
violated_when (const char *column,
               ValueKind   kind)
{
  g_autofree char *known = NULL;

  switch (kind)
    {
    case VALUE_TEXT:
      return g_strdup_printf ("NOT rec_is_utf8 (\"%s\")", column);
    case VALUE_DATE:
      /* date () alone keeps "2023-02-30"; a modifier makes it a day first. */
      return g_strdup_printf ("(\"%s\" IS NOT NULL AND (date (\"%s\", '+0 days') IS NOT \"%s\""
                              " OR \"%s\" < '0001'))", column, column, column, column);
    case VALUE_INSTANT:
      return g_strdup_printf ("(NOT (\"%s\" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
                              "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*' AND (\"%s\" GLOB '*Z' OR \"%s\""
                              " GLOB '*[+-][0-9][0-9]:[0-9][0-9]')) OR date (substr (\"%s\", 1,"
                              " 10), '+0 days') IS NOT substr (\"%s\", 1, 10) OR \"%s\" < '0001')",
                              column, column, column, column, column, column);
    case VALUE_AT_UNIX:
      return g_strdup_printf ("CAST (strftime ('%%s', \"%s\") AS INTEGER) IS NOT at_unix",
                              column);
    case VALUE_TITLE:
      return g_strdup_printf ("trim (\"%s\", char (32, 9, 10, 11, 12, 13)) = ''", column);
    case VALUE_JURISDICTION:
      known = g_strjoinv ("', '", (char **) rec_rules_list_ids ());
      return g_strdup_printf ("\"%s\" NOT IN ('%s')", column, known);
    default:
      g_assert_not_reached ();
    }
}

/* What is wrong with `text`, for people. */
static char *
describe (ValueKind   kind,
          const char *text)
{
  g_autofree char *known = NULL;

  switch (kind)
    {
    case VALUE_TEXT:
      return g_strdup (_("is not UTF-8 text"));
    case VALUE_DATE:
      /* Translators: %s is the text given as a date */
      return g_strdup_printf (_("\"%s\" is not a day of the calendar"), text);
    case VALUE_INSTANT:
      /* Translators: %s is the text given as a date and time; keep the example */
      return g_strdup_printf (_("\"%s\" is not a date and time with an offset "
                                "(2021-04-02T18:30:00-07:00)"), text);
    case VALUE_AT_UNIX:
      /* Translators: %s is a date and time; at_unix is the name of a column, keep it */
      return g_strdup_printf (_("at_unix is not the instant of \"%s\""), text);
    case VALUE_TITLE:
      return g_strdup (_("must not be empty"));
    case VALUE_JURISDICTION:
      known = g_strjoinv (", ", (char **) rec_rules_list_ids ());
      /* Translators: the first %s is a jurisdiction code such as "us-zz", the second the
       * list of the known ones ("us, us-ca, us-ga, …") */
      return g_strdup_printf (_("\"%s\" is not a jurisdiction Recourse knows (%s)"), text, known);
    default:
      g_assert_not_reached ();
    }
}

static void
add_value_check (GArray     *checks,
                 const char *column,
                 ValueKind   kind)
{
  ValueCheck check = { g_strdup (column), kind };

  g_array_append_val (checks, check);
}

/* The checks of one table, from its columns. FALSE when they cannot be read. */
static gboolean
table_value_checks (sqlite3    *db,
                    const char *table,
                    GArray     *checks)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);

      if (column == NULL || g_strcmp0 (type, "TEXT") != 0)
        continue;
      /* A date that is not ASCII is not a day of the calendar either. */
      if (g_strv_contains (date_columns, column))
        add_value_check (checks, column, VALUE_DATE);
      else if (!g_strv_contains (ascii_columns, column))
        add_value_check (checks, column, VALUE_TEXT);
      if (g_str_equal (table, "communications") && g_str_equal (column, "at"))
        {
          add_value_check (checks, column, VALUE_INSTANT);
          add_value_check (checks, column, VALUE_AT_UNIX);
        }
      if (g_str_equal (table, "case_info") && g_str_equal (column, "title"))
        add_value_check (checks, column, VALUE_TITLE);
      if (g_str_equal (table, "case_info") && g_str_equal (column, "jurisdiction"))
        add_value_check (checks, column, VALUE_JURISDICTION);
    }

  return TRUE;
}

/* One pass over a table: the first row that breaks a check, named with its
 * table, row and what is wrong. */
static void
check_table_values (sqlite3     *db,
                    const char  *table,
                    GString     *report,
                    guint       *problems)
{
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (ValueCheck));
  g_autoptr(GString) sql = g_string_new ("SELECT rowid");
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (checks, (GDestroyNotify) value_check_clear);
  if (!table_value_checks (db, table, checks) || checks->len == 0)
    return;

  for (guint i = 0; i < checks->len; i++)
    {
      const ValueCheck *check = &g_array_index (checks, ValueCheck, i);
      g_autofree char *condition = violated_when (check->column, check->kind);

      g_string_append_printf (sql, ", coalesce (%s, 1), \"%s\"", condition, check->column);
      g_string_append_printf (where, "%s%s", i > 0 ? " OR " : "", condition);
    }
  g_string_append_printf (sql, " FROM main.\"%s\" WHERE %s LIMIT 1", table, where->str);

  stmt = _rec_store_prepare (db, sql->str, NULL);
  rc = stmt != NULL ? sqlite3_step (stmt) : SQLITE_ERROR;
  if (rc == SQLITE_DONE)
    return;
  (*problems)++;
  if (rc != SQLITE_ROW)
    {
      /* Translators: %s is SQLite's reason */
      g_string_append_printf (report, _("Integrity: the check stopped: %s\n"), sqlite3_errmsg (db));
      return;
    }

  for (guint i = 0; i < checks->len; i++)
    if (sqlite3_column_int (stmt, (int) (1 + 2 * i)) != 0)
      {
        const ValueCheck *check = &g_array_index (checks, ValueCheck, i);
        const char *text = (const char *) sqlite3_column_text (stmt, (int) (2 + 2 * i));
        g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);
        g_autofree char *what = describe (check->kind, shown);
        g_autofree char *finding =
          /* Translators: table “payments”, row 12: SQLite's reason */
          g_strdup_printf (_("table “%s”, row %lld: %s"), table,
                           (long long) sqlite3_column_int64 (stmt, 0), what);

        /* Translators: %s names a field and what is wrong with it */
        g_string_append_printf (report, _("A value is not valid: %s\n"), finding);
        return;
      }
}

static void
is_utf8 (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  int length = sqlite3_value_bytes (argv[0]);

  sqlite3_result_int (context, text == NULL || g_utf8_validate_len (text, length, NULL));
}

/* What a JSON import refuses beyond the schema, table by table, in SQL. */
static void
check_values (sqlite3  *db,
              GString  *report,
              guint    *problems)
{
  static const char *const tables[] = {
    "case_info", "children", "terms", "interest_overrides", "charges", "payments",
    "communications", "enforcement_steps",
  };

  if (sqlite3_create_function (db, "rec_is_utf8", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                               is_utf8, NULL, NULL) != SQLITE_OK)
    {
      /* Translators: %s is SQLite's reason */
      g_string_append_printf (report, _("Integrity: the check stopped: %s\n"), sqlite3_errmsg (db));
      (*problems)++;
      return;
    }

  if (!_rec_store_exec (db, "BEGIN", NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    check_table_values (db, tables[i], report, problems);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

static gboolean
verify_db (sqlite3               *db,
           GString               *report,
           guint                  problems,
           RecStoreVerifyResult  *result,
           GError               **error)
{
  RecStoreVerifyResult unused;

  if (result == NULL)
    result = &unused;
  memset (result, 0, sizeof *result);
  result->version = _rec_store_file_version (db);

  if (check_version (db, report, &problems))
    {
      check_integrity (db, report, &problems);
      check_foreign_keys (db, report, &problems);
      if (problems == 0)
        {
          check_values (db, report, &problems);
          /* Then the history (spec/evidence.md §3), from schema 5 on, of a
           * file whose every value Recourse could have written (its records
           * load). */
          if (problems == 0 && result->version >= 5)
            (void) _rec_store_journal_verify (db, report, &problems, &result->entries,
                                              result->fingerprint);
        }
    }
  result->problems = problems;

  if (problems > 0)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   /* Translators: %u is how many problems verify found */
                   g_dngettext (GETTEXT_PACKAGE, "The case file has %u problem",
                                "The case file has %u problems", problems),
                   problems);
      return FALSE;
    }

  return TRUE;
}

gboolean
rec_store_verify (RecStore  *self,
                  GString   *report,
                  GError   **error)
{
  guint problems = 0;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!_rec_store_check_schema (self->db, self->path, rec_store_get_file_version (self), report, NULL))
    problems++;
  else if (!_rec_store_check_values (self->db, self->path, rec_store_get_file_version (self),
                                     report, NULL))
    problems++;

  return verify_db (self->db, report, problems, NULL, error);
}

gboolean
rec_store_verify_file (const char  *path,
                       GString     *report,
                       int         *out_version,
                       GError     **error)
{
  RecStoreVerifyResult result = { 0 };
  gboolean ok = rec_store_verify_file_result (path, report, &result, error);

  if (out_version != NULL && result.version > 0)
    *out_version = result.version;
  return ok;
}

gboolean
rec_store_verify_file_result (const char            *path,
                              GString               *report,
                              RecStoreVerifyResult  *result,
                              GError               **error)
{
  return rec_store_verify_file_flags (path, REC_STORE_VERIFY_ALL, report, result, error);
}

gboolean
rec_store_verify_file_flags (const char            *path,
                             RecStoreVerifyFlags    flags,
                             GString               *report,
                             RecStoreVerifyResult  *result,
                             GError               **error)
{
  int version = 0;
  gboolean read_only = TRUE;
  guint problems = 0;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  db = _rec_store_open_checked (path, &read_only,
                                (flags & REC_STORE_VERIFY_VALUES_CHECKED) == 0,
                                report, &problems, &version, error);
  result->version = version;
  if (db == NULL)
    return FALSE;

  ok = verify_db (db, report, problems, result, error);
  _rec_store_close (db);
  return ok;
}

/* rec-store-verify.c — `recourse verify`: is this case file whole and valid?
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four checks, each adding one line per finding: the schema version, SQLite's
 * integrity_check (pages, indexes, NOT NULL and CHECK constraints), the foreign
 * keys, and every row read back and re-validated by the same code as a JSON
 * import, so a value that slipped past the schema is found too.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-case-json.h"

#include <glib/gi18n.h>

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

/* Reads every row (dates and words are checked as they are read), then runs
 * the case through the JSON importer's validation of every field. */
static void
check_values (sqlite3  *db,
              GString  *report,
              guint    *problems)
{
  g_autoptr(RecCaseData) case_data = rec_case_data_new ();
  g_autoptr(RecCaseData) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (!_rec_store_exec (db, "BEGIN", &error)
      || !_rec_store_load_all (db, case_data, &error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_string_append_printf (report, "%s\n", error->message);
      (*problems)++;
      return;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  json = rec_case_json_to_string (case_data);
  reparsed = rec_case_json_parse (json, -1, &error);
  if (reparsed == NULL)
    {
      /* Translators: %s names a field and what is wrong with it */
      g_string_append_printf (report, _("A value is not valid: %s\n"), error->message);
      (*problems)++;
    }
}

static gboolean
verify_db (sqlite3  *db,
           GString  *report,
           guint     problems,
           GError  **error)
{
  if (check_version (db, report, &problems))
    {
      check_integrity (db, report, &problems);
      check_foreign_keys (db, report, &problems);
      if (problems == 0)
        check_values (db, report, &problems);
    }

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

  return verify_db (self->db, report, problems, error);
}

gboolean
rec_store_verify_file (const char  *path,
                       GString     *report,
                       int         *out_version,
                       GError     **error)
{
  gboolean read_only = TRUE;
  guint problems = 0;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  db = _rec_store_open_checked (path, &read_only, report, &problems, out_version, error);
  if (db == NULL)
    return FALSE;

  ok = verify_db (db, report, problems, error);
  _rec_store_close (db);
  return ok;
}

/* rec-store-util.c — SQLite helpers shared by the tables of the store
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

void
_rec_store_set_error (GError     **error,
                      sqlite3     *db,
                      int          rc,
                      const char  *what)
{
  int primary = rc & 0xff;

  g_debug ("SQLite failed (%s): %d %s", what, rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                 /* Translators: %s is SQLite's technical explanation */
                 _("The case file refused a value: %s"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY,
                 _("The case file is in use by another program; try again when it is done"));
  else if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
                 _("The case file is damaged"));
  else
    g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                 /* Translators: %s is SQLite's technical explanation */
                 _("Could not read or write the case file: %s"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

sqlite3_stmt *
_rec_store_prepare (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _rec_store_set_error (error, db, rc, "prepare");
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

RecCachedStmt *
_rec_store_prepare_cached (sqlite3     *db,
                           const char  *sql,
                           GError     **error)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    if (!sqlite3_stmt_busy (stmt) && g_strcmp0 (sqlite3_sql (stmt), sql) == 0)
      {
        sqlite3_reset (stmt);
        sqlite3_clear_bindings (stmt);
        return stmt;
      }

  return _rec_store_prepare (db, sql, error);
}

void
_rec_store_release_cached (RecCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

int
_rec_store_close (sqlite3 *db)
{
  sqlite3_stmt *stmt;

  while ((stmt = sqlite3_next_stmt (db, NULL)) != NULL)
    sqlite3_finalize (stmt);

  return sqlite3_close (db);
}

gboolean
_rec_store_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _rec_store_set_error (error, db, rc, "exec");
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_store_step_done (sqlite3      *db,
                      sqlite3_stmt *stmt,
                      GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _rec_store_set_error (error, db, rc, "step");
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_store_check_changed (sqlite3  *db,
                          GError  **error)
{
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND,
                   _("The record is no longer in the case file"));
      return FALSE;
    }

  return TRUE;
}

void
_rec_store_bind_date (sqlite3_stmt *stmt,
                      int           index,
                      const GDate  *date)
{
  char buf[16];

  if (!rec_date_is_set (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  rec_date_to_iso_buf (date, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

void
_rec_store_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

char *
_rec_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

void
_rec_store_read_text (sqlite3_stmt  *stmt,
                      int            column,
                      char         **field)
{
  g_free (*field);
  *field = _rec_store_column_text (stmt, column);
}

gboolean
_rec_store_column_date (sqlite3_stmt *stmt,
                        int           column,
                        GDate        *out_date,
                        GError      **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      g_date_clear (out_date, 1);
      return TRUE;
    }

  if (!rec_date_parse (text, out_date, &local_error))
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s explains what is wrong with a date in the file */
                   _("The case file holds a bad date: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_store_column_enum (sqlite3_stmt *stmt,
                        int           column,
                        int         (*from_word) (const char *),
                        int          *out_value,
                        GError      **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int value = text != NULL ? from_word (text) : -1;

  if (value < 0)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is a word found in the file */
                   _("The case file holds an unknown word “%s”"), text ? text : "");
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

gboolean
_rec_store_assign_position (sqlite3     *db,
                            const char  *max_sql,
                            int         *position,
                            GError     **error)
{
  g_autoptr(RecCachedStmt) stmt = NULL;
  int rc;

  if (*position > 0)
    return TRUE;

  /* Cached: an import places thousands of rows, and preparing the query
   * was a third of each insert. */
  stmt = _rec_store_prepare_cached (db, max_sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rec_store_set_error (error, db, rc, "position");
      return FALSE;
    }

  *position = sqlite3_column_int (stmt, 0) + 1;
  return TRUE;
}

gboolean
_rec_store_check_timestamp (const char  *text,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!rec_timestamp_parse (text, NULL, &local_error))
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT,
                   "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

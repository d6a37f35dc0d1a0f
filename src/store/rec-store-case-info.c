/* rec-store-case-info.c — the case_info table (one row: the case and its parties)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

static const char insert_sql[] =
  "INSERT INTO case_info (id, title, jurisdiction, currency, agency_enforced,"
  " public_assistance, court, court_case_number, agency_case_number,"
  " obligor_name, obligor_address, obligor_phone, obligor_email, obligor_employer,"
  " obligee_name, obligee_address, obligee_phone, obligee_email, obligee_employer,"
  " notes, agency_balance, agency_balance_as_of, created_at, updated_at) VALUES"
  " (1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  " ?18, ?19, ?20, ?22, ?23, ?21, ?21)";
static const char update_sql[] =
  "UPDATE case_info SET title = ?2, jurisdiction = ?3, currency = ?4,"
  " agency_enforced = ?5, public_assistance = ?6, court = ?7, court_case_number = ?8,"
  " agency_case_number = ?9, obligor_name = ?10, obligor_address = ?11,"
  " obligor_phone = ?12, obligor_email = ?13, obligor_employer = ?14,"
  " obligee_name = ?15, obligee_address = ?16, obligee_phone = ?17,"
  " obligee_email = ?18, obligee_employer = ?19, notes = ?20, agency_balance = ?22,"
  " agency_balance_as_of = ?23, updated_at = ?21"
  " WHERE id = 1";
static const char load_sql[] =
  "SELECT title, jurisdiction, currency, agency_enforced, public_assistance, court,"
  " court_case_number, agency_case_number,"
  " obligor_name, obligor_address, obligor_phone, obligor_email, obligor_employer,"
  " obligee_name, obligee_address, obligee_phone, obligee_email, obligee_employer,"
  " notes, agency_balance, agency_balance_as_of FROM case_info WHERE id = 1";
/* A file before version 5 (opened read-only, not migrated): no stated balance. */
static const char load_sql_v4[] =
  "SELECT title, jurisdiction, currency, agency_enforced, public_assistance, court,"
  " court_case_number, agency_case_number,"
  " obligor_name, obligor_address, obligor_phone, obligor_email, obligor_employer,"
  " obligee_name, obligee_address, obligee_phone, obligee_email, obligee_employer,"
  " notes, NULL, NULL FROM case_info WHERE id = 1";

static void
bind_party (sqlite3_stmt   *stmt,
            int             first,
            const RecParty *party)
{
  _rec_store_bind_text (stmt, first, party->name);
  _rec_store_bind_text (stmt, first + 1, party->address);
  _rec_store_bind_text (stmt, first + 2, party->phone);
  _rec_store_bind_text (stmt, first + 3, party->email);
  _rec_store_bind_text (stmt, first + 4, party->employer);
}

static void
bind_fields (sqlite3_stmt      *stmt,
             const RecCaseInfo *info,
             const char        *now)
{
  _rec_store_bind_text (stmt, 2, info->title);
  _rec_store_bind_text (stmt, 3, info->jurisdiction);
  _rec_store_bind_text (stmt, 4, info->currency);
  sqlite3_bind_int (stmt, 5, info->agency_enforced ? 1 : 0);
  sqlite3_bind_int (stmt, 6, info->public_assistance ? 1 : 0);
  _rec_store_bind_text (stmt, 7, info->court);
  _rec_store_bind_text (stmt, 8, info->court_case_number);
  _rec_store_bind_text (stmt, 9, info->agency_case_number);
  bind_party (stmt, 10, &info->obligor);
  bind_party (stmt, 15, &info->obligee);
  _rec_store_bind_text (stmt, 20, info->notes);
  sqlite3_bind_text (stmt, 21, now, -1, SQLITE_STATIC);
  if (info->has_agency_balance)
    sqlite3_bind_int64 (stmt, 22, info->agency_balance_cents);
  else
    sqlite3_bind_null (stmt, 22);
  _rec_store_bind_date (stmt, 23, &info->agency_balance_as_of);
}

static gboolean
run_with_info (sqlite3           *db,
               const char        *sql,
               const RecCaseInfo *info,
               const char        *now,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_fields (stmt, info, now);
  return _rec_store_step_done (db, stmt, error);
}

gboolean
_rec_store_insert_case_info (sqlite3            *db,
                             const RecCaseInfo  *info,
                             const char         *now,
                             GError            **error)
{
  return run_with_info (db, insert_sql, info, now, error);
}

static void
read_party (sqlite3_stmt *stmt,
            int           first,
            RecParty     *party)
{
  char **fields[] = { &party->name, &party->address, &party->phone, &party->email,
                      &party->employer };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = _rec_store_column_text (stmt, first + (int) i);
    }
}

static gboolean
read_info (sqlite3_stmt  *stmt,
           RecCaseInfo   *info,
           GError       **error)
{
  char **texts[] = { &info->title, &info->jurisdiction, &info->currency };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = _rec_store_column_text (stmt, (int) i);
    }
  info->agency_enforced = sqlite3_column_int (stmt, 3) != 0;
  info->public_assistance = sqlite3_column_int (stmt, 4) != 0;
  g_free (info->court);
  info->court = _rec_store_column_text (stmt, 5);
  g_free (info->court_case_number);
  info->court_case_number = _rec_store_column_text (stmt, 6);
  g_free (info->agency_case_number);
  info->agency_case_number = _rec_store_column_text (stmt, 7);
  read_party (stmt, 8, &info->obligor);
  read_party (stmt, 13, &info->obligee);
  g_free (info->notes);
  info->notes = _rec_store_column_text (stmt, 18);
  info->has_agency_balance = sqlite3_column_type (stmt, 19) != SQLITE_NULL;
  info->agency_balance_cents = sqlite3_column_int64 (stmt, 19);
  return _rec_store_column_date (stmt, 20, &info->agency_balance_as_of, error);
}

gboolean
_rec_store_load_case_info (sqlite3       *db,
                           RecCaseInfo  **out_info,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _rec_store_prepare (db, _rec_store_file_version (db) < 5 ? load_sql_v4 : load_sql, error);
  g_autoptr(RecCaseInfo) info = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE,
                           _("The case file has no case details"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _rec_store_set_error (error, db, rc, "load case_info");
      return FALSE;
    }

  info = rec_case_info_new ();
  if (!read_info (stmt, info, error))
    return FALSE;
  *out_info = g_steal_pointer (&info);
  return TRUE;
}

gboolean
_rec_store_update_case_info (sqlite3            *db,
                             const RecCaseInfo  *info,
                             const char         *now,
                             GError            **error)
{
  return run_with_info (db, update_sql, info, now, error) && _rec_store_check_changed (db, error);
}

gboolean
rec_store_update_case_info (RecStore           *self,
                            const RecCaseInfo  *info,
                            GError            **error)
{
  RecStoreChange change = { .op = REC_STORE_CHANGE_SET_INFO, .info = info };

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (REC_IS_CASE_INFO ((RecCaseInfo *) info), FALSE);

  return _rec_store_commit (self, &change, error);
}

char *
rec_store_dup_case_key (RecStore  *self,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *created;
  int rc;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);

  stmt = _rec_store_prepare (self->db, "SELECT created_at FROM case_info WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _rec_store_set_error (error, self->db, rc, "case key");
      return NULL;
    }

  /* The moment the case was created does not change when the file is moved,
   * renamed or edited. */
  created = (const char *) sqlite3_column_text (stmt, 0);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, created != NULL ? created : "", -1);
}

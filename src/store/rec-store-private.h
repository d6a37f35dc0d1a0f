/* rec-store-private.h — what the files of the store layer share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rec-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* "RCSE": the PRAGMA application_id of every Recourse case file. */
#define REC_STORE_APPLICATION_ID 0x52435345

struct _RecStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  gboolean  read_only;
};

/* Turns an SQLite failure into a GError (REC_STORE_ERROR_CONSTRAINT for a
 * constraint, otherwise FAILED); the technical detail goes to g_debug. */
void          _rec_store_set_error       (GError     **error,
                                          sqlite3     *db,
                                          int          rc,
                                          const char  *what);
sqlite3_stmt *_rec_store_prepare         (sqlite3     *db,
                                          const char  *sql,
                                          GError     **error);
/* A statement kept by the connection and reused (insert and update run once
 * per row of a whole case: preparing each time would cost most of the time).
 * Borrowed: g_autoptr(RecCachedStmt) resets it and clears its bindings when it
 * goes out of scope. _rec_store_close finalizes them all. */
typedef sqlite3_stmt RecCachedStmt;
RecCachedStmt *_rec_store_prepare_cached (sqlite3     *db,
                                          const char  *sql,
                                          GError     **error);
void          _rec_store_release_cached  (RecCachedStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecCachedStmt, _rec_store_release_cached)
/* Finalizes every statement, then closes the connection. */
int           _rec_store_close           (sqlite3     *db);

/* Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT). */
gboolean      _rec_store_exec            (sqlite3     *db,
                                          const char  *sql,
                                          GError     **error);
/* Steps a statement that returns no row. */
gboolean      _rec_store_step_done       (sqlite3      *db,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
/* Fails with NOT_FOUND when the last UPDATE/DELETE touched no row. */
gboolean      _rec_store_check_changed   (sqlite3     *db,
                                          GError     **error);

/* Binding and reading helpers: NULL for a cleared date, ISO text otherwise. */
void          _rec_store_bind_date       (sqlite3_stmt *stmt,
                                          int           index,
                                          const GDate  *date);
void          _rec_store_bind_text       (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
/* Reads an ISO date column (NULL clears the date). FALSE when it is not a date. */
gboolean      _rec_store_column_date     (sqlite3_stmt *stmt,
                                          int           column,
                                          GDate        *out_date,
                                          GError      **error);
char         *_rec_store_column_text     (sqlite3_stmt *stmt,
                                          int           column);
/* Reads an enum word column; FALSE (CONSTRAINT) for an unknown word. */
gboolean      _rec_store_column_enum     (sqlite3_stmt *stmt,
                                          int           column,
                                          int         (*from_word) (const char *),
                                          int          *out_value,
                                          GError      **error);

/* CONSTRAINT unless `text` is an RFC 3339 timestamp with an offset. */
gboolean      _rec_store_check_timestamp (const char  *text,
                                          GError     **error);

/* The next free `position` of a table (max + 1) when *position <= 0. */
gboolean      _rec_store_assign_position (sqlite3     *db,
                                          const char  *max_sql,
                                          int         *position,
                                          GError     **error);

/* One write of the public API: BEGIN IMMEDIATE, func, COMMIT (ROLLBACK on
 * failure), then the "changed" signal. */
typedef gboolean (*RecStoreWriteFunc) (sqlite3   *db,
                                       gpointer   item,
                                       GError   **error);
gboolean      _rec_store_write           (RecStore          *self,
                                          RecStoreWriteFunc  func,
                                          gpointer           item,
                                          GError           **error);
/* Deletes one row by id with a fixed statement; NOT_FOUND when absent. */
gboolean      _rec_store_delete_by_id    (RecStore    *self,
                                          const char  *sql,
                                          gint64       id,
                                          GError     **error);

/* Runs a SELECT and appends one new object of `type` per row, filled by `read`. */
typedef gboolean (*RecStoreReadFunc) (sqlite3_stmt *stmt,
                                      gpointer      item,
                                      GError      **error);
gboolean      _rec_store_load_rows       (sqlite3          *db,
                                          const char       *sql,
                                          GType             type,
                                          RecStoreReadFunc  read,
                                          GPtrArray        *out,
                                          GError          **error);

/* Migrations (rec-store-migrate.c): brings an empty or older database to the
 * current schema, one transaction per step. */
gboolean      _rec_store_migrate         (sqlite3     *db,
                                          int          from_version,
                                          GError     **error);
/* Runs the migrations up to `to_version` only (tests make old files). */
gboolean      _rec_store_migrate_to      (sqlite3     *db,
                                          int          from_version,
                                          int          to_version,
                                          GError     **error);

/* Per table: insert without a transaction (used by add_* and write_case),
 * and load every row in entry order. */
gboolean      _rec_store_insert_case_info (sqlite3 *db, const RecCaseInfo *info, GError **error);
gboolean      _rec_store_load_case_info   (sqlite3 *db, RecCaseInfo **out_info, GError **error);

#define REC_STORE_DECLARE_TABLE(Type, name, names)                                    \
  gboolean _rec_store_insert_##name (sqlite3 *db, Type *item, GError **error);       \
  gboolean _rec_store_load_##names (sqlite3 *db, GPtrArray *out, GError **error);

REC_STORE_DECLARE_TABLE (RecChild, child, children)
REC_STORE_DECLARE_TABLE (RecTerm, term, terms)
REC_STORE_DECLARE_TABLE (RecInterestOverride, interest_override, interest_overrides)
REC_STORE_DECLARE_TABLE (RecCharge, charge, charges)
REC_STORE_DECLARE_TABLE (RecPayment, payment, payments)
REC_STORE_DECLARE_TABLE (RecCommunication, communication, communications)
REC_STORE_DECLARE_TABLE (RecEnforcementStep, enforcement_step, enforcement_steps)

/* How long a connection waits for another program's lock before it says the
 * file is in use. */
#define REC_STORE_BUSY_TIMEOUT_MS 5000

/* rec-store-guard.c: the busy timeout and SQLite's defensive options
 * (no triggers, views, extensions or untrusted schema functions; checked
 * cell sizes; temporary data in bounded memory). Every connection, first. */
gboolean      _rec_store_harden          (sqlite3      *db,
                                          GError      **error);
/* MODIFIED, naming the first difference, unless the schema of `db` is exactly
 * the one Recourse writes for `version`; each difference is also a line of
 * `report` when given. */
gboolean      _rec_store_check_schema    (sqlite3      *db,
                                          const char   *path,
                                          int           version,
                                          GString      *report,
                                          GError      **error);
/* MODIFIED, naming the table, row and constraint, unless every row of `db`
 * satisfies the constraints of schema `version` (NOT_A_CASE when the reading
 * meets damage); a line of `report` when given. In its own read transaction.
 * Without a report (opening a case) the records' created_at/updated_at are
 * not checked: nothing is computed from them, and their patterns cost most of
 * the check (60 ms of 80 on the large case); verify checks them too. */
gboolean      _rec_store_check_values    (sqlite3      *db,
                                          const char   *path,
                                          int           version,
                                          GString      *report,
                                          GError      **error);

/* rec-store.c: opens and checks a case file (rec_store_open). With a report
 * (verify), a schema or value that Recourse never writes is a line of it and
 * counted in *problems instead of an error; the connection is then read-only. */
sqlite3      *_rec_store_open_checked    (const char   *path,
                                          gboolean     *read_only,
                                          GString      *report,
                                          guint        *problems,
                                          int          *out_version,
                                          GError      **error);

/* rec-store.c: the pragmas of every connection, and loading every table. */
gboolean      _rec_store_configure       (sqlite3      *db,
                                          gboolean      read_only,
                                          GError      **error);
gboolean      _rec_store_load_all        (sqlite3      *db,
                                          RecCaseData  *case_data,
                                          GError      **error);

G_END_DECLS

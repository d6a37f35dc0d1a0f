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
/* Replaces the owned string *field with a text column. */
void          _rec_store_read_text       (sqlite3_stmt *stmt,
                                          int           column,
                                          char        **field);
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

/* One table of the seven kinds of record (rec-store-children.c …): its
 * literal SQL and how its columns map to the fields of its kind. Inserting,
 * updating, deleting and loading are written once (rec-store-write.c,
 * rec-store.c) for every table; so are the RecEntity's id, position and
 * stamps:
 *   insert_sql  ?1 the position, the kind's fields from ?2, :now for
 *               created_at and updated_at;
 *   update_sql  ?1 the id, the same fields from ?2, :now for updated_at;
 *   delete_sql  ?1 the id;
 *   load_sql    columns id, position, created_at, updated_at, then the
 *               kind's fields from column 4, in entry order;
 *   max_sql     the largest position (0 for none).
 * `bind` binds the fields from ?2 (FALSE, with a CONSTRAINT error, for a
 * value the file must not hold); `read` reads them from column 4 into an
 * object of the table's kind. */
typedef struct
{
  const char  *name;                    /* the table's name, for messages */
  const char  *entity;                  /* its word in the journal and links
                                         * (spec/evidence.md §2): "enforcement" */
  GType      (*get_type) (void);        /* the kind: rec_payment_get_type */
  gsize        data_offset;             /* of its GPtrArray in RecCaseData */
  gboolean     ledger;                  /* read by the arrears engine (load_ledger) */
  const char  *insert_sql;
  const char  *update_sql;
  const char  *delete_sql;
  const char  *load_sql;
  const char  *load_sql_v4;             /* of a file before version 5 (read
                                         * only, not migrated): its new columns
                                         * read as their defaults; NULL: load_sql */
  const char  *max_sql;
  gboolean   (*bind) (sqlite3_stmt     *stmt,
                      const RecEntity  *entity,
                      GError          **error);
  gboolean   (*read) (sqlite3_stmt     *stmt,
                      RecEntity        *entity,
                      GError          **error);
} RecStoreTable;

extern const RecStoreTable _rec_store_table_children;
extern const RecStoreTable _rec_store_table_terms;
extern const RecStoreTable _rec_store_table_interest_overrides;
extern const RecStoreTable _rec_store_table_charges;
extern const RecStoreTable _rec_store_table_payments;
extern const RecStoreTable _rec_store_table_communications;
extern const RecStoreTable _rec_store_table_enforcement_steps;

/* The seven tables, in the order a case is written and loaded; NULL-ended. */
extern const RecStoreTable *const _rec_store_tables[];

/* The table of an entity's kind (NULL when it is not one of the seven). */
const RecStoreTable *_rec_store_table_for_type (GType type);

/* A type-checked cast that keeps a pointer const:
 * REC_STORE_CONST_CAST (entity, REC_TYPE_PAYMENT, RecPayment). */
#define REC_STORE_CONST_CAST(obj, type, CType) \
  (G_TYPE_CHECK_INSTANCE_CAST ((obj), (type), const CType))

/* One change of a case file. Every change goes through _rec_store_apply. */
typedef enum
{
  REC_STORE_CHANGE_ADD,         /* a new row for `record` */
  REC_STORE_CHANGE_UPDATE,      /* the row of `record`'s id takes its fields */
  REC_STORE_CHANGE_DELETE,      /* the row `id` of `table` */
  REC_STORE_CHANGE_CREATE_INFO, /* the case_info row of a new file */
  REC_STORE_CHANGE_SET_INFO,    /* the case_info row takes `info` */
} RecStoreChangeOp;

typedef struct
{
  RecStoreChangeOp     op;
  const RecStoreTable *table;   /* ADD, UPDATE, DELETE */
  const RecEntity     *record;  /* ADD, UPDATE: the record written */
  RecEntity           *written; /* ADD (the same object as `record`), UPDATE (or
                                 * NULL): takes the stamps written, and (ADD) the
                                 * id and position */
  gint64               id;      /* DELETE */
  const RecCaseInfo   *info;    /* CREATE_INFO, SET_INFO */
  const char          *now;     /* the UTC stamp of this write (set by
                                 * _rec_store_commit) */
} RecStoreChange;

/* Makes one change inside the caller's transaction (rec-store-write.c): the
 * one place where a case file is written, row by row — add, update and delete
 * of the public API and every row of rec_store_write_case. NOT_FOUND when an
 * update or delete meets no row. */
gboolean      _rec_store_apply           (sqlite3         *db,
                                          RecStoreChange  *change,
                                          GError         **error);
/* The row of the change alone, without its journal entry: only for
 * tests/bench/bench-journal.c, which measures what the entry costs. */
gboolean      _rec_store_apply_row       (sqlite3         *db,
                                          RecStoreChange  *change,
                                          GError         **error);
/* One write of the public API (rec-store.c): BEGIN IMMEDIATE, the change,
 * COMMIT (ROLLBACK on failure), then the "changed" signal. */
gboolean      _rec_store_commit          (RecStore        *self,
                                          RecStoreChange  *change,
                                          GError         **error);

/* The case history (rec-store-journal.c, spec/evidence.md §2). */

/* The `prev` of entry 1: 64 zeros. */
extern const char _rec_store_journal_zero_hash[65];

/* The lower-case hex SHA-256 of an entry's canonical bytes
 * "recourse-journal-1\nSEQ\nAT\nACTION\nENTITY\nRECORD\nDATA\nPREV" (DATA
 * NULL: the four letters null). */
void          _rec_store_journal_hash    (gint64       seq,
                                          const char  *at,
                                          const char  *action,
                                          const char  *entity,
                                          gint64       record,
                                          const char  *data,
                                          const char  *prev,
                                          char         out_hash[65]);
/* The last entry's seq and hash (0 and 64 zeros for an empty history). */
gboolean      _rec_store_journal_head    (sqlite3     *db,
                                          gint64      *out_seq,
                                          char         out_hash[65],
                                          GError     **error);
/* Appends one entry, chained to the last one, inside the caller's
 * transaction: the one function that writes the journal. `at`: the UTC
 * stamp of the write ("2026-12-02T01:30:59Z"; NULL: now). `action`: add,
 * change, remove, import, migrate or packet; `entity`: case, children, terms,
 * interest_overrides, charges, payments, communications, enforcement,
 * attachments or links; `record`: the record's id (0 for case and packet
 * entries; the attachment's id for links); `data_json`: the compact JSON of
 * the record after the change (NULL for a remove: stored as SQL NULL, hashed
 * as the four letters null). For the attachments' store API: after adding an
 * attachment, `_rec_store_journal_append (db, now, "add", "attachments", id,
 * "{\"name\":…,\"media_type\":…,\"size\":N,\"sha256\":…,\"added_at\":…}", error)`;
 * a link: ("add" or "remove", "links", attachment id,
 * "{\"attachment\":ID,\"entity\":\"payments\",\"record\":ID}"). */
gboolean      _rec_store_journal_append  (sqlite3     *db,
                                          const char  *at,
                                          const char  *action,
                                          const char  *entity,
                                          gint64       record,
                                          const char  *data_json,
                                          GError     **error);
/* Entries held back on one connection: from _rec_store_journal_hold on,
 * its appends are kept in memory, in order, instead of written; they are
 * written by _rec_store_journal_release after the entry it is given (all
 * in the caller's transaction), or dropped with the transaction's rollback
 * by _rec_store_journal_hold_drop. A streamed import stores its first
 * messages while its source's SHA-256 is still being computed, and the
 * `import` entry that carries it comes before their entries. */
typedef struct _RecStoreJournalHold RecStoreJournalHold;
RecStoreJournalHold *_rec_store_journal_hold (sqlite3 *db);
gboolean      _rec_store_journal_release (RecStoreJournalHold  *hold,
                                          const char           *at,
                                          const char           *action,
                                          const char           *entity,
                                          gint64                record,
                                          const char           *data_json,
                                          GError              **error);
void          _rec_store_journal_hold_drop (RecStoreJournalHold *hold);
/* The entry of one change of _rec_store_apply (after its row is written). */
gboolean      _rec_store_journal_change  (sqlite3               *db,
                                          const RecStoreChange  *change,
                                          GError               **error);
/* One entry with `action` (migrate) for the case and for every record in the
 * file, in table order; nothing for a file without a case yet. */
gboolean      _rec_store_journal_record_all (sqlite3     *db,
                                             const char  *action,
                                             GError     **error);

/* The file's PRAGMA user_version (0 when it cannot be read). */
int           _rec_store_file_version    (sqlite3     *db);
/* The data of an `attachments` entry: its metadata, compact, in this order
 * (spec/evidence.md §2): {"name":…,"media_type":…,"size":N,"sha256":…,"added_at":…}.
 * The attachments' store API writes its entries with it; verify compares
 * every attachment with it. (transfer full) */
char         *_rec_store_journal_attachment_json (const char *name,
                                                  const char *media_type,
                                                  gint64      size,
                                                  const char *sha256,
                                                  const char *added_at);
/* The data of a `links` entry, add or remove:
 * {"attachment":ID,"entity":"payments","record":ID}. (transfer full) */
char         *_rec_store_journal_link_json       (gint64      attachment_id,
                                                  const char *entity,
                                                  gint64      record_id);
/* verify (rec-store-journal-verify.c): the chain, the replay and the
 * documents' bytes; one line of `report` per problem, counted in *problems;
 * the number of entries and the last one's hash (64 zeros for none). FALSE
 * when the history cannot be read (also a line and a problem). */
gboolean      _rec_store_journal_verify          (sqlite3    *db,
                                                  GString    *report,
                                                  guint      *problems,
                                                  gint64     *out_entries,
                                                  char        out_head[65]);

/* Appends one new object per row of `table`, in entry order (rec-store.c). */
gboolean      _rec_store_load_table      (sqlite3              *db,
                                          const RecStoreTable  *table,
                                          GPtrArray            *out,
                                          GError              **error);

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

/* The case_info table (one row), without a transaction; `now` is the stamp. */
gboolean      _rec_store_insert_case_info (sqlite3            *db,
                                           const RecCaseInfo  *info,
                                           const char         *now,
                                           GError            **error);
gboolean      _rec_store_update_case_info (sqlite3            *db,
                                           const RecCaseInfo  *info,
                                           const char         *now,
                                           GError            **error);
gboolean      _rec_store_load_case_info   (sqlite3 *db, RecCaseInfo **out_info, GError **error);

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
 * not checked: nothing is computed from them, and their patterns cost much of
 * the check; verify checks them too. A row's NOT NULL and STRICT type tests
 * are one call of the connection's rec_types () (registered here). */
gboolean      _rec_store_check_values    (sqlite3      *db,
                                          const char   *path,
                                          int           version,
                                          GString      *report,
                                          GError      **error);

/* rec-store.c: opens and checks a case file (rec_store_open). With a report
 * (verify), a schema or value that Recourse never writes is a line of it and
 * counted in *problems instead of an error; the connection is then read-only.
 * `check_values` FALSE (verify only): the values were checked by an open of the
 * same file just before (REC_STORE_VERIFY_VALUES_CHECKED). */
sqlite3      *_rec_store_open_checked    (const char   *path,
                                          gboolean     *read_only,
                                          gboolean      check_values,
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

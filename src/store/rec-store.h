/* rec-store.h — the case file: one SQLite database per case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write is one transaction, committed before the call returns
 * (autosave). Reads return core objects; nothing above this layer sees SQL.
 */
#pragma once

#include <glib-object.h>

#include "rec-case-data.h"

G_BEGIN_DECLS

#define REC_STORE_ERROR (rec_store_error_quark ())

typedef enum
{
  REC_STORE_ERROR_FAILED,       /* I/O or SQLite failure */
  REC_STORE_ERROR_NOT_A_CASE,   /* not SQLite, truncated, or another program's database */
  REC_STORE_ERROR_TOO_NEW,      /* made by a newer Recourse */
  REC_STORE_ERROR_CONSTRAINT,   /* a value the schema refuses */
  REC_STORE_ERROR_EXISTS,       /* create: the file is already there */
  REC_STORE_ERROR_NOT_FOUND,    /* no such record */
  REC_STORE_ERROR_BUSY,         /* another program holds the file (waited, then gave up) */
  REC_STORE_ERROR_MODIFIED,     /* a schema Recourse never writes: triggers, views, extra tables */
} RecStoreError;

GQuark rec_store_error_quark (void);

#define REC_TYPE_STORE (rec_store_get_type ())
G_DECLARE_FINAL_TYPE (RecStore, rec_store, REC, STORE, GObject)

/* Creates a new case file (mode 0600) holding `info`; fails with
 * REC_STORE_ERROR_EXISTS unless `overwrite`. */
RecStore     *rec_store_create             (const char         *path,
                                            const RecCaseInfo  *info,
                                            gboolean            overwrite,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes a whole case into a new file in one transaction (import, demo). The
 * file appears only when complete (written beside it, then renamed). */
gboolean      rec_store_write_case         (const char         *path,
                                            const RecCaseData  *case_data,
                                            gboolean            overwrite,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* rec_store_write_case for a case imported from a JSON document: its history
 * starts with an `import` entry carrying `source_sha256`, the lower-case hex
 * SHA-256 of the document's bytes (spec/evidence.md §2), then one `add` entry
 * for the case and one per record. (rec_store_write_case — a new or demo
 * case, a case copied — writes the `add` entries only.) */
gboolean      rec_store_import_case        (const char         *path,
                                            const RecCaseData  *case_data,
                                            const char         *source_sha256,
                                            gboolean            overwrite,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Opens a case file; read_only opens it with SQLITE_OPEN_READONLY and never
 * migrates. A foreign, truncated or newer file is refused and left untouched.
 * A write-protected file opens read-only (see rec_store_get_read_only). */
RecStore     *rec_store_open               (const char         *path,
                                            gboolean            read_only,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  REC_STORE_OPEN_DEFAULT        = 0,
  /* The caller has checked this very file's values with rec_store_open and
   * knows it unchanged since (`report` reopening it to record the packet):
   * that check is not repeated. Everything else rec_store_open does is. */
  REC_STORE_OPEN_VALUES_CHECKED = 1 << 0,
} RecStoreOpenFlags;

/* rec_store_open with `flags`. */
RecStore     *rec_store_open_flags         (const char         *path,
                                            gboolean            read_only,
                                            RecStoreOpenFlags   flags,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
const char   *rec_store_get_path           (RecStore           *self);
gboolean      rec_store_get_read_only      (RecStore           *self);

/* The whole case, entities in entry order with their ids, and its documents'
 * metadata and links (not their bytes: rec_store_load_attachment_data)
 * (transfer full). */
RecCaseData  *rec_store_load_case          (RecStore           *self,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Only what the arrears engine reads (case info, terms, interest overrides,
 * charges, payments); children, communications and enforcement steps are left
 * empty. For `recourse summary` on large cases. */
RecCaseData  *rec_store_load_ledger        (RecStore           *self,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* `recourse verify`: schema version, integrity_check, foreign keys and a re-check
 * of every constraint. Fills `report` with one line per finding. Returns TRUE
 * when there is none; otherwise FALSE with REC_STORE_ERROR_CONSTRAINT ("The
 * case file has N problems") and the findings in `report`. */
gboolean      rec_store_verify             (RecStore           *self,
                                            GString            *report,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* `recourse verify` on a file: what rec_store_open refuses (a schema or a
 * value that Recourse never writes) is listed with the other findings instead
 * of stopping at the first. The file is opened read-only (a hot journal is
 * rolled back first). TRUE when there is no finding; a file that cannot be
 * opened at all (not a case, too new, busy) is an error as for rec_store_open.
 * *out_version: the file's schema version. */
gboolean      rec_store_verify_file        (const char         *path,
                                            GString            *report,
                                            int                *out_version,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* What verify found beyond its lines. */
typedef struct
{
  int     version;          /* the file's schema version (0: unread) */
  guint   problems;         /* lines of the report */
  gint64  entries;          /* entries of the history (0 before schema 5) */
  char    fingerprint[65];  /* the last entry's hash, "" for none */
} RecStoreVerifyResult;

/* rec_store_verify_file, and (schema 5 on) the history (spec/evidence.md §3):
 * the chain (seq without a gap, every prev linked, every hash recomputed),
 * the replay (every record equal to its last entry, every record with
 * entries, no removed record present) and every document's bytes against its
 * sha256 — each problem a line of `report` (“payments record 17 was changed
 * outside Recourse: amount is 1254.00, the history says 1245.00”). */
gboolean      rec_store_verify_file_result (const char            *path,
                                            GString               *report,
                                            RecStoreVerifyResult  *result,
                                            GError               **error) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  REC_STORE_VERIFY_ALL            = 0,
  /* The caller has just opened the same file with rec_store_open, which
   * refuses a value Recourse never writes: that check is not repeated (the
   * packet's verify, beside its loading). Everything else is done. */
  REC_STORE_VERIFY_VALUES_CHECKED = 1 << 0,
} RecStoreVerifyFlags;

/* rec_store_verify_file_result with `flags` (`recourse verify` uses ALL). */
gboolean      rec_store_verify_file_flags  (const char            *path,
                                            RecStoreVerifyFlags    flags,
                                            GString               *report,
                                            RecStoreVerifyResult  *result,
                                            GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* The case history (spec/evidence.md §2). */

/* Appends a `packet` entry for a packet just written: its data
 * {"as_of":"…","pages":N,"sha256":"<of the PDF file>","fingerprint":"<the
 * head hash before this entry>"}, in its own transaction. For the packet
 * writers (the report and the window), after the PDF is on disk. */
gboolean      rec_store_append_packet_entry (RecStore          *self,
                                             const char        *as_of,
                                             int                pages,
                                             const char        *sha256,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* The case's fingerprint: the hash of its last entry (64 hex digits; NULL
 * for a file without a history) and the number of entries. People see it as
 * rec_fingerprint_format (hash) with the count. */
gboolean      rec_store_get_fingerprint     (RecStore          *self,
                                             char             **out_hash,
                                             gint64            *out_entries,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  REC_STORE_PACKET_UNKNOWN,            /* neither its SHA-256 nor its fingerprint */
  REC_STORE_PACKET_MADE_HERE,          /* its SHA-256 is in a packet entry */
  REC_STORE_PACKET_FINGERPRINT_ONLY,   /* only its printed fingerprint is in the chain */
} RecStorePacketMatch;

typedef struct
{
  RecStorePacketMatch match;
  gint64  entry;          /* the entry whose hash the packet shows (0: none found) */
  gint64  packet_seq;     /* MADE_HERE: its packet entry */
  char    date[11];       /* MADE_HERE: the day of its packet entry, YYYY-MM-DD */
  gint64  changes_since;  /* entries after it, packets not counted */
} RecStorePacketInfo;

/* `recourse verify CASE --packet PDF`: whether a packet came from this case.
 * `pdf_sha256`: of the PDF file; `fingerprint`: the full hash its Keywords
 * carry (NULL if none). */
gboolean      rec_store_find_packet         (RecStore           *self,
                                             const char         *pdf_sha256,
                                             const char         *fingerprint,
                                             RecStorePacketInfo *out_info,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* One entry of the history, as the file holds it. */
typedef struct
{
  gint64  seq;
  char   *at;       /* UTC, YYYY-MM-DDTHH:MM:SSZ */
  char   *action;   /* add, change, remove, import, migrate, packet */
  char   *entity;   /* case, payments, …, attachments, links */
  gint64  record;
  char   *data;     /* compact JSON, NULL for a remove */
  char   *hash;
} RecHistoryEntry;

void          rec_history_entry_free       (RecHistoryEntry   *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecHistoryEntry, rec_history_entry_free)

/* Every entry in order (transfer container: RecHistoryEntry, freed with the
 * array); empty for a file before schema 5. */
GPtrArray    *rec_store_load_history       (RecStore          *self,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* One field that differs between two states of a record. */
typedef struct
{
  char *field;    /* "amount", "obligor.name" */
  char *before;   /* as people read it: a string without quotes, null, true */
  char *after;
} RecFieldChange;

void          rec_field_change_free        (RecFieldChange    *change);

/* The fields that differ from `before` to `after` (two records' JSON of the
 * history), in the order of `after` (transfer container: RecFieldChange). */
GPtrArray    *rec_history_changes          (const char        *before,
                                            const char        *after) G_GNUC_WARN_UNUSED_RESULT;

/* A key that names this case file and no other (a hex SHA-256 of the moment
 * it was created), stable across edits, moves and renames (a case imported
 * from JSON is a new file, with a new key): for the UIDs of calendar events.
 * Two cases created within the same second share it. */
char         *rec_store_dup_case_key       (RecStore           *self,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Case details (there is one row). */
gboolean      rec_store_update_case_info   (RecStore           *self,
                                            const RecCaseInfo  *info,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* One write of a record of any of the seven kinds, each atomic: add gives the
 * object its id, position (appended at the end unless it was already set > 0,
 * which lets undo put a deleted record back where it was) and stamps; update
 * writes the fields of the record with the object's id and sets its
 * updated_at; delete removes the record of the object's kind and id. The
 * "changed" signal is emitted after each successful write. */
gboolean      rec_store_add                (RecStore           *self,
                                            RecEntity          *entity,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      rec_store_update             (RecStore           *self,
                                            RecEntity          *entity,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      rec_store_delete             (RecStore           *self,
                                            const RecEntity    *entity,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same per kind (a record of another kind is refused), each atomic. add_* sets the object's id
 * (and position, appended at the end unless it was already set > 0, which lets
 * undo put a deleted record back where it was). update_* and delete_* use the
 * object's id / the given id; update_* leaves the (const) object's stamps as
 * they were. The "changed" signal is emitted after each successful write. */
#define REC_STORE_DECLARE_ENTITY(Type, name)                                        \
  gboolean rec_store_add_##name    (RecStore *self, Type *item, GError **error)    \
    G_GNUC_WARN_UNUSED_RESULT;                                                      \
  gboolean rec_store_update_##name (RecStore *self, const Type *item, GError **error)\
    G_GNUC_WARN_UNUSED_RESULT;                                                      \
  gboolean rec_store_delete_##name (RecStore *self, gint64 id, GError **error)     \
    G_GNUC_WARN_UNUSED_RESULT;

REC_STORE_DECLARE_ENTITY (RecChild, child)
REC_STORE_DECLARE_ENTITY (RecTerm, term)
REC_STORE_DECLARE_ENTITY (RecInterestOverride, interest_override)
REC_STORE_DECLARE_ENTITY (RecCharge, charge)
REC_STORE_DECLARE_ENTITY (RecPayment, payment)
REC_STORE_DECLARE_ENTITY (RecCommunication, communication)
REC_STORE_DECLARE_ENTITY (RecEnforcementStep, enforcement_step)

/* Schema version this build writes. */
int           rec_store_schema_version     (void);
/* Schema version of the open file (older than rec_store_schema_version() only
 * when opened read-only: a read-write open migrates). */
int           rec_store_get_file_version   (RecStore           *self);

/* Attachments (spec/evidence.md §1; rec-store-attachments.c). An attachment
 * is stored once per SHA-256; its links name records by their kind and id
 * (NULL in RecAttachment.links: the case). One with no link belongs to the
 * case. Every write is one transaction, journaled, then "changed". */
#include "rec-attachment.h"

/* Adds each attachment (its data must be set) with its links to records of
 * the file (their ids), all or none. Bytes already in the file are not
 * stored again: the existing attachment takes the new links (with no links:
 * it proves the case too). Sets each attachment's id. NOT_FOUND naming the
 * record when a link names one the file does not hold. */
gboolean      rec_store_add_attachments    (RecStore           *self,
                                            GPtrArray          *attachments,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      rec_store_add_attachment     (RecStore           *self,
                                            RecAttachment      *attachment,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Links the attachment `attachment_id` to `record` (NULL: the case); a link
 * that is there already is no change. */
gboolean      rec_store_link_attachment    (RecStore           *self,
                                            gint64              attachment_id,
                                            const RecEntity    *record,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Removes that link (NOT_FOUND when there is none); an attachment left with
 * no link is removed from the file. */
gboolean      rec_store_unlink_attachment  (RecStore           *self,
                                            gint64              attachment_id,
                                            const RecEntity    *record,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Replaces case_data->attachments with the file's, metadata only (data
 * NULL), linked to the records of `case_data` (loaded from this store). */
gboolean      rec_store_load_attachments   (RecStore           *self,
                                            RecCaseData        *case_data,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The bytes of attachment `id`, checked against its SHA-256 (FAILED naming
 * the file when they do not match). (transfer full) */
GBytes       *rec_store_read_attachment_data (RecStore         *self,
                                            gint64              id,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the bytes of every attachment of `case_data` whose data is NULL
 * (for the JSON export). */
gboolean      rec_store_load_attachment_data (RecStore         *self,
                                            RecCaseData        *case_data,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The attachments that prove `record` (a record of the file), with their
 * bytes, each linked to `record` only: what undo of the record's delete adds
 * back with rec_store_add_attachments once the record is back (with its new
 * id): the bytes are stored again if they went with it, else only the link
 * comes back. (transfer full) */
GPtrArray    *rec_store_dup_attachments_proving (RecStore      *self,
                                            const RecEntity    *record,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Import (spec/import.md §1; rec-store-import.c). The store knows nothing of
 * the readers: the CLI and the window hand it, per source file, what is to
 * be added. */
typedef struct
{
  const char     *name;        /* the file's base name */
  const char     *sha256;      /* lower-case hex SHA-256 of its bytes */
  const char     *format;      /* csv, ofx, venmo, paypal, cashapp, sms, mbox, eml */
  RecAttachment  *attachment;  /* (nullable) the file itself, data set, no links;
                                * NULL when it is over REC_ATTACHMENT_MAX_SIZE */
  GPtrArray      *records;     /* RecEntity of the seven kinds (payments,
                                * communications) to add, in order */
  GPtrArray      *media;       /* (nullable) as long as `records`: for each, a
                                * GPtrArray of RecAttachment (data set) kept with
                                * it — MMS images, the raw e-mail — or NULL */
  gint64          size;        /* the file's bytes; 0: unknown. Recorded in the
                                * entry ("size") when `attachment` is NULL */
} RecStoreImportSource;

/* Adds every source in ONE transaction, all or nothing, each change through
 * the store's one write path (its `add` entry in the history): per source an
 * `import` entry for the case, {"source_sha256":"…","name":"…","format":"…"},
 * then its records, each followed by its media linked to it, then the file
 * as an attachment linked to every record it gave (the same bytes already in
 * the case only take the new links). A source with no record writes nothing
 * (a statement imported again leaves the file as it was); so does a call
 * with none. "changed" is emitted once. On success the records take their
 * ids, positions and stamps, and the attachments (the source's and the
 * media) their ids and their links; on failure nothing of the caller's is
 * touched. */
gboolean      rec_store_import             (RecStore                    *self,
                                            const RecStoreImportSource  *sources,
                                            guint                        n_sources,
                                            GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same written as the records come (an import that streams a 1 GB
 * backup: each message stored while the file is still being read, none of
 * its images kept): rec_store_import is begin, an add per record, commit.
 * The transaction begins with the first add; a source's `import` entry
 * comes before its first record's. `source` (its records and media unused)
 * must stay valid until the next source's first add or the commit, which
 * write its file (when there is one) linked to its records. Its `sha256`
 * may still be NULL at its first adds (the file is still being hashed):
 * its records are written, their history entries held in memory, and the
 * `import` entry then theirs are written at the first add that finds
 * `sha256` (and the other fields) set, which must be by the next source's
 * first add or the commit. A medium's bytes are let go once written.
 * Not safe from two threads at once; one thread at a time may use it. */
typedef struct _RecStoreImportSession RecStoreImportSession;

/* NULL with an error when the case is open read-only. */
RecStoreImportSession *rec_store_import_session_new    (RecStore                    *self,
                                                        GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* FALSE with an error when it could not be written: then only abort is left. */
gboolean               rec_store_import_session_add    (RecStoreImportSession       *session,
                                                        const RecStoreImportSource  *source,
                                                        RecEntity                   *record,
                                                        GPtrArray                   *media,
                                                        GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* COMMIT, the ids handed back as rec_store_import does, "changed" once
 * (nothing added: nothing written, no signal). Frees the session. */
gboolean               rec_store_import_session_commit (RecStoreImportSession       *session,
                                                        GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* ROLLBACK: the case as it was, the caller's objects untouched. Frees it. */
void                   rec_store_import_session_abort  (RecStoreImportSession       *session);

/* One source file of an import, as its `import` entry and the entries after
 * it say (rec_store_load_import_sources). */
typedef struct
{
  gint64    seq;         /* of its import entry */
  char     *at;          /* UTC, YYYY-MM-DDTHH:MM:SSZ */
  char     *name;
  char      sha256[65];
  char     *format;      /* csv, ofx, …, sms, mbox, eml */
  gint64    size;        /* bytes; -1: the entry does not say (the file is stored) */
  guint     n_records;   /* records that import added (some may be gone since) */
  gboolean  stored;      /* the case holds the file as an attachment; FALSE: kept
                          * by the user (over the 64 MiB limit) */
} RecStoreImportSourceInfo;

void          rec_store_import_source_info_free (RecStoreImportSourceInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecStoreImportSourceInfo, rec_store_import_source_info_free)

/* Every source file imported into the case, oldest first (transfer full:
 * freed with the array); the JSON case import's entry is not one. */
GPtrArray    *rec_store_load_import_sources (RecStore                   *self,
                                             GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Deletes `records` (RecEntity of the seven kinds, by kind and id) in ONE
 * transaction through the write path — each its `remove` entry, its links
 * gone and the documents only it proved — all or none; "changed" once. The
 * undo of an import. */
gboolean      rec_store_delete_records     (RecStore                    *self,
                                            GPtrArray                   *records,
                                            GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

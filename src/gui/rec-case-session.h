/* rec-case-session.h — one open case in the window: the store, list models of
 * every entity, the engine's current result, and undo
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages and dialogs never talk to the store directly: they call add/update/
 * delete here, which writes one transaction, updates the list models in place
 * and recomputes the arrears result, then emits "changed".
 */
#pragma once

#include <gio/gio.h>

#include "rec-arrears.h"
#include "rec-case-data.h"
#include "rec-payoff.h"
#include "rec-store.h"

G_BEGIN_DECLS

#define REC_TYPE_CASE_SESSION (rec_case_session_get_type ())
G_DECLARE_FINAL_TYPE (RecCaseSession, rec_case_session, REC, CASE_SESSION, GObject)

/* Opens a case file for editing; errors are the store's (not a case, too new…). */
RecCaseSession         *rec_case_session_open             (const char      *path,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same in a worker thread (the store connection, the load and the first
 * computation), so a window can show itself while a long case loads. The
 * session is handed to the main thread and used only there afterwards. */
void                    rec_case_session_open_async       (const char          *path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
RecCaseSession         *rec_case_session_open_finish      (GAsyncResult    *result,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
const char             *rec_case_session_get_path         (RecCaseSession  *self);
RecStore               *rec_case_session_get_store        (RecCaseSession  *self);
/* The "read-only" property: the case file (or its folder) is not writable, so
 * every edit fails; export and print still work. Fixed once open. */
gboolean                rec_case_session_get_read_only    (RecCaseSession  *self);
/* Shows the session as read-only (RecCaseSession:read-only TRUE) although
 * its store can write: tests run as root. Set it before the session goes
 * into a window (read-only is fixed once open). */
void                    _rec_case_session_set_read_only   (RecCaseSession  *self,
                                                           gboolean         read_only);
/* The case as loaded and kept up to date by every edit (borrowed). */
const RecCaseData      *rec_case_session_get_data         (RecCaseSession  *self);
RecCaseData            *rec_case_session_snapshot_data    (RecCaseSession  *self);
RecCaseInfo            *rec_case_session_get_info         (RecCaseSession  *self);

/* Live list models (GListStore, borrowed), items in entry order; a page sorts
 * or filters them with GtkSortListModel / GtkFilterListModel. */
GListModel             *rec_case_session_get_children     (RecCaseSession  *self);
GListModel             *rec_case_session_get_terms        (RecCaseSession  *self);
GListModel             *rec_case_session_get_interest_overrides (RecCaseSession *self);
GListModel             *rec_case_session_get_charges      (RecCaseSession  *self);
GListModel             *rec_case_session_get_payments     (RecCaseSession  *self);
GListModel             *rec_case_session_get_communications (RecCaseSession *self);
GListModel             *rec_case_session_get_enforcement  (RecCaseSession  *self);

/* The engine's result as of today for the current data (borrowed; replaced on
 * every "changed"). */
const RecArrearsResult *rec_case_session_get_result       (RecCaseSession  *self);
/* The rules of the case's jurisdiction (borrowed; replaced when an
 * update_info() changes the jurisdiction). */
const RecRules         *rec_case_session_get_rules        (RecCaseSession  *self);

/* Edits. `item` is a RecChild, RecTerm, RecInterestOverride, RecCharge,
 * RecPayment, RecCommunication or RecEnforcementStep (a RecEntity). add()
 * stores a new item and sets its id; update() replaces the stored item with
 * the same id; delete() removes it. Each is one transaction and one change
 * for undo. A read-only session refuses them all (the store's error). */
gboolean                rec_case_session_add              (RecCaseSession  *self,
                                                           GObject         *item,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                rec_case_session_update           (RecCaseSession  *self,
                                                           GObject         *item,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                rec_case_session_delete           (RecCaseSession  *self,
                                                           GObject         *item,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                rec_case_session_update_info      (RecCaseSession  *self,
                                                           const RecCaseInfo *info,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* The payoff projection (spec/arrears.md §10) as of today for the data as
 * it is now, paying `monthly` more from the first of next month. It runs in
 * a worker thread on a copy of the case (up to 600 months of the engine:
 * ~27 ms on the large demo case, more than a frame). */
void                    rec_case_session_compute_payoff_async  (RecCaseSession      *self,
                                                                RecCents             monthly,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
RecPayoff              *rec_case_session_compute_payoff_finish (RecCaseSession  *self,
                                                                GAsyncResult    *result,
                                                                GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Undo and redo. Every add, update, delete and update_info is a change with
 * an id (1, 2, …); undo() reverts the newest, undo_change() a given one (the
 * one a toast announced) unless a newer change touched the same record;
 * redo() carries out again the change undone last. A new edit empties the
 * redo stack. "can-undo" and "can-redo" follow the two stacks. */
#define REC_CASE_SESSION_ERROR (rec_case_session_error_quark ())

typedef enum
{
  REC_CASE_SESSION_ERROR_SUPERSEDED,   /* a newer change touched the same record */
  REC_CASE_SESSION_ERROR_UNDONE,       /* no such change to undo (undone already) */
} RecCaseSessionError;

GQuark                  rec_case_session_error_quark      (void);

gboolean                rec_case_session_can_undo         (RecCaseSession  *self);
gboolean                rec_case_session_can_redo         (RecCaseSession  *self);
/* The id of the newest change that can be undone, 0 when there is none. */
guint64                 rec_case_session_get_last_change  (RecCaseSession  *self);
gboolean                rec_case_session_undo             (RecCaseSession  *self,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                rec_case_session_undo_change      (RecCaseSession  *self,
                                                           guint64          change,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                rec_case_session_redo             (RecCaseSession  *self,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* What the last undo or redo left as it was, in a sentence for a toast
 * (an import undone keeps the records changed since), NULL when it did all
 * it was asked (borrowed; until the next change, undo or redo). */
const char             *rec_case_session_get_step_note    (RecCaseSession  *self);

/* The case history and its verification (spec/evidence.md §2–3), for the
 * History view, the window's "changed outside Recourse" line and the packets
 * the window makes. The reads run in a worker thread on a read-only
 * connection of their own (the session's stays on the main thread): the
 * history of a large case is some 26 000 entries, its verification ~0.5 s.
 * The callbacks run on the main thread. */
void                    rec_case_session_load_history_async  (RecCaseSession      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
/* Every entry in order (transfer container: RecHistoryEntry); empty for a
 * file before the history. */
GPtrArray              *rec_case_session_load_history_finish (RecCaseSession  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* rec_store_verify_file_result on the session's file. */
void                    rec_case_session_verify_async        (RecCaseSession      *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
/* TRUE when the verification ran (intact or not: out_result->problems
 * says), with each problem a string of *out_problems (transfer full,
 * NULL-terminated, empty when intact); FALSE when the file could not be
 * read at all. */
gboolean                rec_case_session_verify_finish       (RecCaseSession        *self,
                                                              GAsyncResult          *result,
                                                              RecStoreVerifyResult  *out_result,
                                                              char                ***out_problems,
                                                              GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* The bytes of document `attachment_id` (checked against its SHA-256) read
 * in a worker thread, for thumbnails: the window reads them only for the
 * rows it shows. */
void                    rec_case_session_read_attachment_async  (RecCaseSession      *self,
                                                                 gint64               attachment_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GBytes                 *rec_case_session_read_attachment_finish (RecCaseSession  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Records a packet the window just made (a `packet` entry: its as-of day
 * YYYY-MM-DD, page count and the SHA-256 of its PDF bytes). A read-only
 * session cannot: the store's error. Does not emit "changed" (no record
 * changed). */
gboolean                rec_case_session_record_packet       (RecCaseSession  *self,
                                                              const char      *as_of,
                                                              int              pages,
                                                              const char      *sha256,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Documents (spec/evidence.md §1): attach, detach, read. A record is a
 * RecEntity of the session's lists, or NULL for the case itself. Every
 * attach and detach is one change for undo and redo (undo of an attach
 * takes the documents off again, undo of a detach brings the document back,
 * its bytes too when it went with the link). After each the list of
 * documents is up to date and "attachments-changed" is emitted (rows
 * showing a count refresh on it); "changed" is not (no figure changes). */
#include "rec-attachment.h"

/* The case's documents (RecAttachment, metadata only, in id order; borrowed).
 * Links are matched by the record's kind and id, never by pointer. */
GListModel             *rec_case_session_get_attachments     (RecCaseSession  *self);
/* How many documents prove `record` (NULL: the case-level ones). */
guint                   rec_case_session_count_attachments   (RecCaseSession  *self,
                                                              const RecEntity *record);
/* Those documents (transfer container: borrowed RecAttachment), in id order. */
GPtrArray              *rec_case_session_dup_attachments_for (RecCaseSession  *self,
                                                              const RecEntity *record) G_GNUC_WARN_UNUSED_RESULT;
/* Reads and hashes `files` in a worker thread (a 60 MB scan does not hold
 * the window): all or nothing, the error names the first file refused (a
 * folder, unreadable, empty, over 64 MiB). Nothing is written. */
void                    rec_case_session_read_files_async    (RecCaseSession      *self,
                                                              GFile              **files,
                                                              guint                n_files,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
/* (transfer full): RecAttachment with their bytes and no links, in the
 * order of the files. */
GPtrArray              *rec_case_session_read_files_finish   (RecCaseSession  *self,
                                                              GAsyncResult    *result,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Links `attachments` (from read_files, bytes set) to `record` (NULL: the
 * case), all or none in one transaction: one change. A document already
 * proving the record is no change for it. */
gboolean                rec_case_session_attach              (RecCaseSession  *self,
                                                              GPtrArray       *attachments,
                                                              const RecEntity *record,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Removes the link from `attachment` (one of get_attachments) to `record`;
 * the document goes when nothing else links to it. One change. */
gboolean                rec_case_session_detach              (RecCaseSession  *self,
                                                              RecAttachment   *attachment,
                                                              const RecEntity *record,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Edits between begin_group() and end_group() (nested: the outermost pair)
 * share one change id: undo and redo revert and redo them together, newest
 * first (a dialog's record and the documents saved with it). */
void                    rec_case_session_begin_group         (RecCaseSession  *self);
void                    rec_case_session_end_group           (RecCaseSession  *self);
/* The record the newest change touched (a copy with its id: for an add, the
 * id it got), NULL when that change is the case's own or there is none. */
RecEntity              *rec_case_session_get_last_record     (RecCaseSession  *self);
/* The bytes of a document, checked against its SHA-256 (transfer full). */
GBytes                 *rec_case_session_read_attachment     (RecCaseSession  *self,
                                                              RecAttachment   *attachment,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Import (spec/import.md §4). Adds the candidates of `sources`
 * (RecImportSource) that are NEW and selected, each source kept as a
 * document of the records it gave (rec_store_import: one transaction, all or
 * nothing). One change for undo: undo removes every record the import added
 * that is still as it added it and, with them, the documents only they
 * proved; a record edited since, or given a document of the user's, stays,
 * and rec_case_session_get_step_note() says how many ("Import undone; 2
 * payments you changed since were kept"). When every record left was
 * changed, nothing is undone (REC_CASE_SESSION_ERROR_SUPERSEDED). Redo puts
 * back what the undo removed. The lists grow in place; "changed" once.
 * *out_added: how many records. */
#include "rec-import.h"

gboolean                rec_case_session_import              (RecCaseSession  *self,
                                                              GPtrArray       *sources,
                                                              guint           *out_added,
                                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS


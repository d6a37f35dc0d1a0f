/* rec-import.h — history brought in from statements, phones and mail
 * (spec/import.md): what every reader produces and what is done with it
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import layer sits beside store and report (DESIGN.md §1): it knows
 * core's records and nothing of SQLite or GTK. A reader turns one file into
 * a RecImportSource — its bytes' SHA-256 and a candidate per row, message or
 * transaction, each already a RecPayment or RecCommunication (id 0) or a
 * rejected row with its place and reason. Then, in this order:
 *   rec_import_source_filter      --match / --with, or the window's filter
 *   rec_import_mark_duplicates    "already in the case" (spec §2)
 * and the store adds the candidates still NEW and selected, with the source
 * kept as an attachment, in one transaction (rec_store_import, store layer).
 *
 * Readers never read a whole large file into memory (an SMS backup runs to
 * gigabytes): they stream and report progress in bytes.
 */
#pragma once

#include <gio/gio.h>

#include "rec-attachment.h"
#include "rec-case-data.h"

G_BEGIN_DECLS

#define REC_IMPORT_ERROR (rec_import_error_quark ())
GQuark rec_import_error_quark (void);

typedef enum
{
  REC_IMPORT_ERROR_UNKNOWN_FORMAT,  /* "not a bank statement, OFX file, SMS backup or mailbox" (exit 2) */
  REC_IMPORT_ERROR_MALFORMED,       /* a truncated XML/OFX, invalid bytes, a 0-byte file: names file and line (exit 2) */
  REC_IMPORT_ERROR_BAD_OPTION,      /* --columns, --date-order, --format … (exit 2) */
  REC_IMPORT_ERROR_IO,              /* cannot read the file (exit 1) */
  REC_IMPORT_ERROR_CANCELLED,       /* the window's Cancel */
} RecImportError;

typedef enum
{
  REC_IMPORT_KIND_PAYMENTS,
  REC_IMPORT_KIND_MESSAGES,
} RecImportKind;

/* What becomes of one candidate (one line of the report per status). */
typedef enum
{
  REC_IMPORT_NEW,            /* "12 payments added" / "12 messages added" */
  REC_IMPORT_DUPLICATE,      /* "3 already in the case" */
  REC_IMPORT_NOT_MATCHING,   /* "140 not matching" (--match / --with / money sent) */
  REC_IMPORT_REJECTED,       /* "2 rejected", each with `where` and `reason` */
} RecImportStatus;

typedef struct
{
  RecImportStatus  status;
  RecEntity       *record;      /* (owned, nullable for REJECTED) a RecPayment or
                                 * RecCommunication with id 0 */
  char            *where;       /* "statement.csv:41", "sms.xml:1207" (line of the element) */
  char            *reason;      /* REJECTED: translated, quoting the text:
                                 * "\"1.245,00\" is not an amount in this file's format" */
  char            *match_text;  /* what --match compares (payments: the description,
                                 * payee and memo) — NULL for messages */
  char            *address;     /* messages: the correspondent's phone number or
                                 * e-mail address as written; NULL for payments */
  char            *contact;     /* messages: the contact's name when the file has one */
  char            *description; /* what the window's list shows in its last column */
  gboolean         credit;      /* payments: money received (only those become
                                 * payments; a debit is NOT_MATCHING) */
  GPtrArray       *media;       /* RecAttachment (data set, no links) kept with
                                 * this record: MMS images, the raw e-mail */
  gboolean         selected;    /* the window's check box (TRUE for NEW) */
  /* rec-import.c's own (readers leave them): the status the reader gave,
   * kept the first time a filter or the duplicate marking touches the
   * candidate, so a filter typed and cleared again gives the reader's verdict
   * back. */
  gboolean         read_kept;
  RecImportStatus  read_status;
} RecImportCandidate;

RecImportCandidate *rec_import_candidate_new  (RecImportStatus status) G_GNUC_WARN_UNUSED_RESULT;
void                rec_import_candidate_free (RecImportCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecImportCandidate, rec_import_candidate_free)

typedef struct
{
  RecImportKind  kind;
  char          *path;
  char          *name;          /* base name, as in the report's file:line */
  char           sha256[65];    /* of the whole file's bytes */
  gint64         size;
  char          *format;        /* csv, ofx, venmo, paypal, cashapp, sms, mbox, eml */
  RecAttachment *attachment;    /* (nullable) the file itself, data set, when
                                 * size <= REC_ATTACHMENT_MAX_SIZE; over the limit
                                 * only name and sha256 are recorded (spec §1) */
  GPtrArray     *candidates;    /* RecImportCandidate, in file order */
} RecImportSource;

void                rec_import_source_free    (RecImportSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecImportSource, rec_import_source_free)

/* Progress of a reader: bytes read of the file's size. Called from the
 * reader's thread at most every 64 KiB or so. `total` -1: a step that
 * cannot be measured has begun (libofx reads an OFX file in one call): show
 * it as busy until the next call. */
typedef void (*RecImportProgressFunc) (gint64   done,
                                       gint64   total,
                                       gpointer user_data);

/* --- Payments (rec-import-payments.c, rec-import-csv.c, rec-import-ofx.c) --- */

typedef struct
{
  const char        *format;       /* NULL or "auto", csv, ofx, venmo, paypal, cashapp */
  const char        *columns;      /* --columns "date=1,amount=2,description=5" or NULL */
  const char        *date_order;   /* --date-order: NULL, "mdy" or "dmy" */
  int                method;       /* --method as a RecPaymentMethod, or -1: from the row */
  const char        *obligor_name; /* the payment apps keep only money from these */
  const char        *obligor_email;
} RecImportPaymentOptions;

/* Reads one statement. Every row of money received becomes a NEW candidate
 * (or REJECTED with its line and reason); money sent and fees become
 * NOT_MATCHING. UNKNOWN_FORMAT / MALFORMED / IO errors name the file. */
RecImportSource    *rec_import_read_payments  (const char                    *path,
                                               const RecImportPaymentOptions *options,
                                               RecImportProgressFunc          progress,
                                               gpointer                       user_data,
                                               GCancellable                  *cancellable,
                                               GError                       **error) G_GNUC_WARN_UNUSED_RESULT;

/* --- Messages (rec-import-messages.c, rec-import-sms.c, rec-import-mail.c) --- */

/* A read that hands its candidates on as they are made (the reader itself,
 * rec-import-messages-private.h). */
typedef struct _RecImportStream RecImportStream;

/* One candidate of a read, final (its images decoded and hashed), in file
 * order, each once. An SMS backup's come from a thread of the reader's own
 * while the file is still being parsed (the caller stores each message as
 * it comes, so a 1 GB backup's images are never all held); the other
 * formats' after the read, from the caller's thread. The candidate stays
 * the source's; its media's bytes are let go when this returns. FALSE with
 * `error` stops the read, which fails with that error. */
typedef gboolean (*RecImportCandidateFunc) (RecImportStream    *stream,
                                            RecImportCandidate *candidate,
                                            gpointer            user_data,
                                            GError            **error);

typedef struct
{
  const char             *format;    /* NULL or "auto", sms, mbox, eml */
  const char             *me;        /* --me, else the obligee's e-mail (the user's own address) */
  RecImportCandidateFunc  each;      /* (nullable) see above */
  gpointer                each_data;
} RecImportMessageOptions;

/* From `each`: the source being read, its SHA-256, size and attachment (the
 * file itself when small enough) filled; no candidates yet. It is the source
 * the read returns. The whole file is hashed by a thread of its own from
 * the start: while it is, NULL without an error (it never waits; a streamed
 * import stores messages meanwhile, rec-store.h). NULL with `error` when
 * the file cannot be read. */
const RecImportSource *rec_import_stream_get_source (RecImportStream  *stream,
                                                     GError          **error);

/* Reads one archive as a stream. Every message becomes a NEW candidate with
 * its address (filtering by correspondent is rec_import_source_filter's). */
RecImportSource    *rec_import_read_messages  (const char                    *path,
                                               const RecImportMessageOptions *options,
                                               RecImportProgressFunc          progress,
                                               gpointer                       user_data,
                                               GCancellable                  *cancellable,
                                               GError                       **error) G_GNUC_WARN_UNUSED_RESULT;

/* --- What is done with them (rec-import.c) --- */

/* Sets every candidate but a REJECTED one to NEW when it matches one of
 * `filters`, else NOT_MATCHING; call rec_import_mark_duplicates after it
 * (a DUPLICATE is decided again). NULL or empty `filters`: payments keep the
 * reader's verdict (a payment app's money from someone else stays
 * NOT_MATCHING), messages all become NOT_MATCHING (spec §1: nothing without
 * --with). Payments: a filter is contained in match_text, case-
 * insensitively. Messages: a filter equals the address — phone numbers on
 * their digits, a leading country code 1 ignored; e-mail addresses
 * case-insensitively. A debit (credit FALSE) stays NOT_MATCHING. A
 * candidate that becomes NEW is selected; one that stops being NEW is not. */
void                rec_import_source_filter  (RecImportSource   *source,
                                               const char *const *filters);

/* Marks DUPLICATE each NEW candidate already in `existing` (spec §2:
 * payments by date, amount and — when both have one — reference; messages by
 * the second, direction, channel and text), one for one: two equal rows in
 * one file are two records, matched by two in the case. Sources are taken in
 * order, and a candidate of an earlier source counts as in the case for the
 * later ones (two overlapping statements in one run). */
void                rec_import_mark_duplicates (const RecCaseData *existing,
                                                GPtrArray         *sources);

/* rec_import_source_filter then rec_import_mark_duplicates one candidate at
 * a time, as a read streams them (RecImportCandidateFunc): the same verdicts
 * in the same order. Call rec_import_marker_end_source after each source's
 * last candidate: what it adds counts as in the case for the sources after
 * it. `existing` must outlive the marker. */
typedef struct _RecImportMarker RecImportMarker;

RecImportMarker    *rec_import_marker_new        (RecImportKind       kind,
                                                  const char *const  *filters,
                                                  const RecCaseData  *existing) G_GNUC_WARN_UNUSED_RESULT;
void                rec_import_marker_mark       (RecImportMarker    *marker,
                                                  RecImportCandidate *candidate);
void                rec_import_marker_end_source (RecImportMarker    *marker);
void                rec_import_marker_free       (RecImportMarker    *marker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecImportMarker, rec_import_marker_free)

/* One correspondent of an archive, for the list printed without --with. */
typedef struct
{
  char  *address;
  char  *contact;   /* nullable */
  guint  count;
} RecImportCorrespondent;

void                rec_import_correspondent_free (RecImportCorrespondent *correspondent);

/* The correspondents of the messages of `sources`, the most messages first
 * (phone numbers that differ only in their form are one). (transfer full) */
GPtrArray          *rec_import_list_correspondents (GPtrArray *sources) G_GNUC_WARN_UNUSED_RESULT;

/* How many candidates of `sources` have `status`. */
guint               rec_import_count           (GPtrArray        *sources,
                                                RecImportStatus   status);

G_END_DECLS

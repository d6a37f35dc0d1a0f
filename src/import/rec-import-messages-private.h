/* rec-import-messages-private.h — what the message readers share: the file
 * being read, its hash and progress, the media spool, candidate builders
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rec_import_read_messages (rec-import-messages.c) detects the format and
 * hands a RecMessageReader to the SMS reader (rec-import-sms.c) or the mail
 * reader (rec-import-mail.c). A reader appends candidates in file order and
 * feeds every byte it reads to the tap (_rec_message_reader_feed), which
 * hashes the file, keeps it for the source's attachment when it is small
 * enough and reports progress.
 */
#pragma once

#include "rec-import.h"

#include <nettle/sha2.h>

G_BEGIN_DECLS

/* The bytes of media kept with candidates (MMS images, raw e-mails): the
 * first REC_IMPORT_SPOOL_MEMORY bytes in memory, the rest in unlinked
 * temporary files mapped read-only, so a backup with gigabytes of images
 * does not hold them in the process's memory (its pages are the page
 * cache's, touched only when the store writes them). */
#define REC_IMPORT_SPOOL_MEMORY (G_GINT64_CONSTANT (32) * 1024 * 1024)

/* A buffer of the file read by a reader that gives its bytes to the hasher
 * (the SMS reader): no second read of the file. */
typedef struct
{
  guint8 *data;
  gsize   size;       /* bytes read into it; 0: the end */
  gsize   capacity;
} HashChunk;

/* The reader is the stream a RecImportCandidateFunc is given. */
typedef struct _RecImportStream RecMessageReader;

struct _RecImportStream
{
  /* Borrowed */
  const char                    *path;
  const RecImportMessageOptions *options;
  RecImportProgressFunc          progress;
  gpointer                       user_data;
  GCancellable                  *cancellable;

  /* Owned */
  char                          *name;       /* base name, for "sms.xml:1207" */
  gint64                         size;       /* the file's size when opened */
  gint64                         fed;        /* bytes fed to the hash so far */
  gint64                         reported;   /* `fed` at the last progress call */
  struct sha256_ctx              sha256;
  GByteArray                    *whole;      /* the file's bytes, NULL when over
                                              * REC_ATTACHMENT_MAX_SIZE */
  gint64                         in_memory;  /* media bytes kept in memory */
  GThread                       *hasher;     /* hashes a file over the attachment
                                              * limit beside the parser, or NULL */
  volatile gint                  stop;       /* tells `hasher` to stop */
  GThreadPool                   *media_pool; /* decodes and hashes media beside the
                                              * parser (see MediaJob), or NULL */
  GMutex                         media_lock;
  GError                        *media_error;
  GAsyncQueue                   *to_hash;    /* HashChunk: given to `hasher` (or NULL:
                                              * it reads the file itself) */
  GAsyncQueue                   *hashed;     /* HashChunk: hashed, to be used again */
  guint                          n_chunks;   /* HashChunks made */
  HashChunk                     *own_chunk;  /* the one chunk without such a hasher */
  GMutex                         queue_lock;
  GCond                          queue_cond; /* a job of the media thread done */
  guint                          queued_jobs;  /* given to the media thread, not done */
  gsize                          queued_bytes; /* their base64 */

  /* Streaming (options->each set, an SMS backup): candidates handed to
   * `each` by the media thread as they are made, images decoded in memory
   * there (no spool), the file hashed by `hasher`: read by it from the
   * start when the case keeps the file, else fed the parser's chunks. */
  gboolean                       stream;
  const char                    *format;
  gint64                         n_hashed;     /* bytes `hasher` hashed */
  int                            hash_result;  /* -1 not joined yet, 0 failed, 1 whole */
  gint                           hash_done;    /* (atomic) `hasher` is done: 1 with the
                                                * whole file, 2 without; 0 not yet */
  RecImportSource               *source;       /* (owned) once asked for or at the end */
  GThreadPool                   *each_pool;    /* hands the candidates to `each` */
  guint                          each_jobs;    /* given to it, not done */
  gsize                          each_bytes;   /* their media */
  volatile gint                  each_failed;  /* no more `each`: it failed, or the read */
  GError                        *each_error;   /* what it failed with */
};

/* Streaming: `candidate` (the reader's list holds it) is handed to `each` by
 * the media thread once the images given before it are decoded and
 * `settle` (nullable: it may reject the candidate then) has run; its media's
 * bytes are let go after. */
typedef void        (*RecCandidateSettle)        (RecImportCandidate *candidate,
                                                  gpointer            data);
void                _rec_message_reader_emit     (RecMessageReader   *reader,
                                                  RecImportCandidate *candidate,
                                                  RecCandidateSettle  settle,
                                                  gpointer            settle_data,
                                                  GDestroyNotify      settle_free);
/* `candidate` REJECTED where it is, for `reason` (taken), as
 * _rec_message_rejected_new makes one. */
void                _rec_message_candidate_reject (RecImportCandidate *candidate,
                                                   char               *reason);


/* A buffer of at least `capacity` bytes to read the next part of the file
 * into: a new one, or one the hasher is done with. */
HashChunk          *_rec_message_reader_chunk    (RecMessageReader   *reader,
                                                  gsize               capacity);
/* The tap for a chunk: its `size` bytes fed (as _rec_message_reader_feed),
 * the chunk handed to the hasher, which reads it beside the caller — the
 * caller may read it too, not change it, and takes a new chunk next. */
void                _rec_message_reader_feed_chunk (RecMessageReader *reader,
                                                    HashChunk        *chunk);
/* A chunk not fed after all (a read failed). */
void                _rec_message_reader_chunk_drop (RecMessageReader *reader,
                                                    HashChunk        *chunk);

/* The tap: every byte of the file passes here once, in order. */
void                _rec_message_reader_feed     (RecMessageReader   *reader,
                                                  const guint8       *data,
                                                  gsize               size);
/* FALSE (REC_IMPORT_ERROR_CANCELLED) once `cancellable` is cancelled. */
gboolean            _rec_message_reader_check    (RecMessageReader   *reader,
                                                  GError            **error);
/* "sms.xml:1207" (transfer full). */
char               *_rec_message_reader_where    (RecMessageReader   *reader,
                                                  gint64              line) G_GNUC_WARN_UNUSED_RESULT;

/* A media attachment of a candidate from `data` (taken: g_free()d or kept),
 * its SHA-256 computed here; `media_type` NULL sniffs it from the bytes. The
 * bytes go to the spool (see above). NULL with `error` set when a temporary
 * file cannot be written. */
RecAttachment      *_rec_message_reader_media    (RecMessageReader   *reader,
                                                  const char         *name,
                                                  const char         *media_type,
                                                  guint8             *data,
                                                  gsize               size,
                                                  GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* A buffer for media decoded in place, in the heap; past the spool's
 * budget it has an unlinked temporary file, which its bytes are written to
 * once complete (and the buffer freed), to be mapped read-only from there. */
typedef struct
{
  guint8 *data;
  gsize   capacity;
  int     fd;          /* -1: kept in memory */
} RecMediaBuffer;

/* `capacity` bytes to decode into; NULL with `error` set when no temporary
 * file can be made. */
guint8             *_rec_message_reader_media_begin (RecMessageReader   *reader,
                                                     gsize               capacity,
                                                     RecMediaBuffer     *buffer,
                                                     GError            **error);
/* The attachment of the first `size` bytes written (0 < size <= capacity),
 * its SHA-256 computed here; the buffer is consumed. */
RecAttachment      *_rec_message_reader_media_end   (RecMessageReader   *reader,
                                                     RecMediaBuffer     *buffer,
                                                     gsize               size,
                                                     const char         *name,
                                                     const char         *media_type,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* An image given as base64 (`text`, `size` bytes; copied), decoded beside
 * the parser by the media thread when it goes to the spool, or always when
 * the read streams (then kept in memory until `each` is done with it):
 * *out_attachment is then its attachment, whose size, media type, SHA-256
 * and bytes are filled by the media thread (before the candidate after it
 * is handed on; at the latest by _rec_message_reader_media_wait) — size -1
 * when the text is not base64. *out_attachment NULL: the caller
 * decodes it itself (it stays in memory, or may decode to no byte or to more
 * than REC_ATTACHMENT_MAX_SIZE). FALSE with `error` when no temporary file
 * can be made. */
gboolean            _rec_message_reader_media_base64 (RecMessageReader  *reader,
                                                      const char        *text,
                                                      gsize              size,
                                                      const char        *name,
                                                      RecAttachment    **out_attachment,
                                                      GError           **error);
/* Waits until every spooled medium has its SHA-256 and bytes (their
 * attachments are incomplete before); FALSE with the first error. */
gboolean            _rec_message_reader_media_wait  (RecMessageReader   *reader,
                                                     GError            **error);
/* Frees a buffer that is not needed after all. */
void                _rec_media_buffer_clear         (RecMediaBuffer     *buffer);

/* A NEW candidate holding a RecCommunication: `at` formatted RFC 3339 with
 * the offset `at` carries; `with` the contact when there is one, else the
 * address; `description` NULL takes the first line of `summary`. */
RecImportCandidate *_rec_message_candidate_new   (const char         *where,
                                                  RecChannel          channel,
                                                  RecDirection        direction,
                                                  GDateTime          *at,
                                                  const char         *address,
                                                  const char         *contact,
                                                  const char         *subject,
                                                  const char         *summary,
                                                  const char         *description) G_GNUC_WARN_UNUSED_RESULT;
/* A REJECTED candidate (`where` and `reason` taken). */
RecImportCandidate *_rec_message_rejected_new    (char               *where,
                                                  char               *reason) G_GNUC_WARN_UNUSED_RESULT;
/* The first line of `text` that is not blank, stripped (transfer full). */
char               *_rec_message_first_line      (const char         *text) G_GNUC_WARN_UNUSED_RESULT;

/* The readers: append to `candidates`; FALSE with REC_IMPORT_ERROR_MALFORMED
 * (naming file and line), _IO or _CANCELLED when the file as a whole cannot be
 * read — then nothing of it is imported. */
gboolean            _rec_import_read_sms         (RecMessageReader   *reader,
                                                  GPtrArray          *candidates,
                                                  GError            **error);
gboolean            _rec_import_read_mail        (RecMessageReader   *reader,
                                                  gboolean            mbox,
                                                  GPtrArray          *candidates,
                                                  GError            **error);

/* Base64 as MMS parts carry it (whitespace and line breaks allowed, padding
 * optional) into `out` (at least size * 3 / 4 + 3 bytes); the number of bytes
 * written, or -1 at a character that is not base64. */
gssize              _rec_base64_decode           (const char         *text,
                                                  gsize               size,
                                                  guint8             *out);
/* With the processor's vector steps (the default) or without: TRUE if it
 * has them and they are used. For the tests. */
gboolean            _rec_base64_use_simd         (gboolean            use);

/* HTML as a mail client sends it, as plain text: tags dropped (with what is
 * inside <script>, <style> and <head>), entities decoded, runs of white space
 * one space, paragraphs, headings, list items, table rows and <br> kept as
 * line breaks (transfer full). */
char               *_rec_html_to_text            (const char         *html,
                                                  gssize              size) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

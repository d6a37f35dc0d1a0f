/* rec-import-messages.c — rec_import_read_messages: an archive's format
 * decided from its content, its hash, and what the readers share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-messages-private.h"

#include "rec-date.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of the file detection looks at. */
#define HEAD_SIZE 4096
/* Progress at most this often (rec-import.h: "every 64 KiB or so"). */
#define PROGRESS_STEP (G_GINT64_CONSTANT (64) * 1024)
/* A candidate's description is one line for a list's last column. */
#define DESCRIPTION_MAX_CHARS 200

/* --- Detection (spec §1: from the content, never from the name) --- */

static gboolean
has_prefix_len (const char *p,
                gsize       len,
                const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Skips white space, the XML declaration, processing instructions
 * (SMS Backup & Restore writes an xml-stylesheet one), comments and a
 * DOCTYPE; TRUE when the root element that follows is <smses>. */
static gboolean
xml_root_is_smses (const char *p,
                   const char *end)
{
  while (p < end)
    {
      const char *close = NULL;
      gsize skip = 1;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (has_prefix_len (p, end - p, "<?"))
        close = g_strstr_len (p, end - p, "?>"), skip = 2;
      else if (has_prefix_len (p, end - p, "<!--"))
        close = g_strstr_len (p, end - p, "-->"), skip = 3;
      else if (has_prefix_len (p, end - p, "<!DOCTYPE"))
        close = memchr (p, '>', end - p);
      else
        return end - p > 6 && strncmp (p, "<smses", 6) == 0
               && (g_ascii_isspace (p[6]) || p[6] == '>' || p[6] == '/');
      if (close == NULL)
        return FALSE;
      p = close + skip;
    }
  return FALSE;
}

/* A header field name as RFC 5322 §2.2 has it: printable ASCII but ':'. */
static gsize
header_name_length (const char *p,
                    const char *end)
{
  const char *q = p;

  while (q < end && *q > ' ' && *q < 127 && *q != ':')
    q++;
  return q < end && *q == ':' ? (gsize) (q - p) : 0;
}

/* RFC 822 headers: the first line is a header field, and the header block
 * (as much of it as the head holds) has a field every message has. */
static gboolean
looks_like_message (const char *p,
                    const char *end)
{
  static const char *const fields[] = {
    "from:", "date:", "message-id:", "subject:", "received:", "return-path:",
    "mime-version:", "to:", NULL
  };

  if (header_name_length (p, end) == 0)
    return FALSE;
  while (p < end && *p != '\r' && *p != '\n')
    {
      const char *eol = memchr (p, '\n', end - p);

      for (guint i = 0; fields[i] != NULL; i++)
        if (has_prefix_len (p, end - p, fields[i]))
          return TRUE;
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  return FALSE;
}

/* How often `delimiter` is in the line at p outside double quotes. */
static guint
count_in_line (const char *p,
               const char *end,
               char        delimiter)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (; p < end && *p != '\n'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        n += *p == delimiter;
    }
  return n;
}

/* A statement given as messages, so the error can say so: OFX's header or
 * root, or among the first lines two in a row that each have two or more of
 * one delimiter, about as many (a bank's rows may have a field more than
 * its header; summary lines may come first). */
static gboolean
looks_like_statement (const char *head,
                      gsize       len)
{
  static const char delimiters[] = { ',', ';', '\t' };
  const char *end = head + len;
  guint before[G_N_ELEMENTS (delimiters)] = { 0 };
  const char *line = head;

  if (g_strstr_len (head, len, "OFXHEADER") != NULL || g_strstr_len (head, len, "<OFX>") != NULL)
    return TRUE;
  for (guint n = 0; n < 8 && line != NULL && line < end; n++)
    {
      const char *next = memchr (line, '\n', end - line);

      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        {
          guint count = count_in_line (line, end, delimiters[i]);

          if (count >= 2 && before[i] >= 2 && count + 1 >= before[i] && before[i] + 1 >= count)
            return TRUE;
          before[i] = count;
        }
      line = next != NULL ? next + 1 : NULL;
    }
  return FALSE;
}

/* "sms", "mbox", "eml" or NULL. */
static const char *
detect_format (const char *head,
               gsize       len)
{
  const char *end = head + len;

  if (len >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    head += 3;
  if (end - head >= 5 && strncmp (head, "From ", 5) == 0)
    return "mbox";
  if (xml_root_is_smses (head, end))
    return "sms";
  if (looks_like_message (head, end))
    return "eml";
  return NULL;
}

static gboolean
read_head (const char *path,
           const char *name,
           char       *head,
           gsize      *out_len,
           gint64     *out_size,
           GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  struct stat st;
  gssize got;

  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                   /* Translators: %s is a file name, then the system's reason */
                   _("Cannot read “%s”: %s"), name,
                   fd >= 0 && saved == 0 ? _("it is not a file") : g_strerror (saved));
      return FALSE;
    }
  do
    got = read (fd, head, HEAD_SIZE);
  while (got < 0 && errno == EINTR);
  close (fd);
  if (got < 0)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }
  *out_len = (gsize) got;
  *out_size = st.st_size;
  return TRUE;
}

/* The format to read `path` as: --format, else from the first bytes. */
static const char *
choose_format (const char                    *path,
               const char                    *name,
               const RecImportMessageOptions *options,
               gint64                        *out_size,
               GError                       **error)
{
  static const char *const formats[] = { "sms", "mbox", "eml", NULL };
  const char *wanted = options != NULL ? options->format : NULL;
  char head[HEAD_SIZE];
  gsize len = 0;
  const char *found;

  if (wanted != NULL && g_strcmp0 (wanted, "auto") != 0 && !g_strv_contains (formats, wanted))
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                   /* Translators: %s is what was given; keep the words after the colon */
                   _("“%s” is not a message format: use auto, sms, mbox or eml"), wanted);
      return NULL;
    }
  if (!read_head (path, name, head, &len, out_size, error))
    return NULL;
  if (len == 0)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty: nothing was imported"), name);
      return NULL;
    }
  if (wanted != NULL && g_strcmp0 (wanted, "auto") != 0)
    return g_intern_string (wanted);
  found = detect_format (head, len);
  if (found == NULL && looks_like_statement (head, len))
    g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
                 /* Translators: %s is a file name; a statement given to the messages import */
                 _("%s: a bank statement, not an SMS backup or mailbox: import it as payments"),
                 name);
  else if (found == NULL)
    g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
                 /* Translators: %s is a file name */
                 _("%s: not a bank statement, OFX file, SMS backup or mailbox"), name);
  return found;
}

/* --- The reader's tap, hash and spool --- */

static void
hex_digest (struct sha256_ctx *ctx,
            char               out[65])
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_snprintf (out + 2 * i, 3, "%02x", digest[i]);
}

/* What the hasher reads at a time: small enough to stay in the core's cache
 * between the copy and the hash (4 MiB went to memory and back). */
#define HASH_READ (256 * 1024)

/* A mailbox over the attachment limit is hashed by a thread of its own
 * beside the parser (SHA-256 is a third of the work of reading a backup of
 * images: on two cores it costs no time); it reads the file a second time,
 * from the page cache the parser has just filled. A streamed read of a file
 * small enough to be stored has one too, which keeps its bytes: the source
 * is complete when it ends, before the parser is. */
static gpointer
hasher_run (gpointer data)
{
  RecMessageReader *reader = data;
  g_autofree guint8 *buffer = g_malloc (HASH_READ);
  int fd = g_open (reader->path, O_RDONLY | O_CLOEXEC, 0);
  gssize got = -1;

  while (fd >= 0 && !g_atomic_int_get (&reader->stop))
    {
      got = read (fd, buffer, HASH_READ);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      sha256_update (&reader->sha256, (gsize) got, buffer);
      reader->n_hashed += got;
      if (reader->stream && reader->whole != NULL && reader->n_hashed <= REC_ATTACHMENT_MAX_SIZE)
        g_byte_array_append (reader->whole, buffer, (guint) got);
      else if (reader->stream)
        g_clear_pointer (&reader->whole, g_byte_array_unref);
    }
  if (fd >= 0)
    close (fd);
  g_atomic_int_set (&reader->hash_done, got == 0 ? 1 : 2);
  return GINT_TO_POINTER (got == 0);
}

/* The hasher of a reader that gives it the file's bytes (the SMS reader):
 * each chunk hashed as it comes, then handed back. TRUE when the chunks
 * reached the end of the file. */
static gpointer
hasher_fed_run (gpointer data)
{
  RecMessageReader *reader = data;

  for (;;)
    {
      HashChunk *chunk = g_async_queue_pop (reader->to_hash);
      gsize size = chunk->size;
      /* The file's end is a chunk read to no byte; hasher_join's has no
       * buffer. */
      gboolean end = size == 0 && chunk->data != NULL;

      if (size > 0 && !g_atomic_int_get (&reader->stop))
        {
          sha256_update (&reader->sha256, size, chunk->data);
          reader->n_hashed += (gint64) size;
        }
      g_async_queue_push (reader->hashed, chunk);
      if (size == 0)
        {
          gboolean whole = end && !g_atomic_int_get (&reader->stop);

          g_atomic_int_set (&reader->hash_done, whole ? 1 : 2);
          return GINT_TO_POINTER (whole);
        }
    }
}

static void
hash_chunk_free (gpointer data)
{
  HashChunk *chunk = data;

  g_free (chunk->data);
  g_free (chunk);
}

/* The chunks in the hasher's hands at most: one hashed while the next is
 * parsed. */
#define HASH_CHUNKS 2

HashChunk *
_rec_message_reader_chunk (RecMessageReader *reader,
                           gsize             capacity)
{
  HashChunk *chunk;

  if (reader->to_hash == NULL)
    {
      /* Hashed by the caller's thread as it is fed: one chunk, used again. */
      if (reader->own_chunk == NULL)
        reader->own_chunk = g_new0 (HashChunk, 1);
      chunk = reader->own_chunk;
    }
  else if (reader->n_chunks < HASH_CHUNKS)
    {
      chunk = g_new0 (HashChunk, 1);
      reader->n_chunks++;
    }
  else
    chunk = g_async_queue_pop (reader->hashed);
  if (chunk->capacity < capacity)
    {
      g_free (chunk->data);
      chunk->data = g_malloc (capacity);
      chunk->capacity = capacity;
    }
  chunk->size = 0;
  return chunk;
}

void
_rec_message_reader_chunk_drop (RecMessageReader *reader,
                                HashChunk        *chunk)
{
  if (chunk != reader->own_chunk)
    hash_chunk_free (chunk);
}

void
_rec_message_reader_feed_chunk (RecMessageReader *reader,
                                HashChunk        *chunk)
{
  if (reader->to_hash == NULL)
    {
      _rec_message_reader_feed (reader, chunk->data, chunk->size);
      return;
    }
  reader->fed += (gint64) chunk->size;
  if (reader->progress != NULL && reader->fed - reader->reported >= PROGRESS_STEP)
    {
      reader->reported = reader->fed;
      reader->progress (reader->fed, MAX (reader->size, reader->fed), reader->user_data);
    }
  g_async_queue_push (reader->to_hash, chunk);
}

/* TRUE when the hasher read the whole file (when there is one). */
static gboolean
hasher_join (RecMessageReader *reader,
             gboolean          stop)
{
  gboolean whole;

  if (reader->hash_result >= 0)
    return reader->hash_result;
  if (reader->hasher == NULL)
    return TRUE;
  if (stop)
    g_atomic_int_set (&reader->stop, 1);
  if (reader->to_hash != NULL)
    {
      /* The end, if the reader stopped before it (its last chunk says so
       * otherwise): the hasher returns at the first chunk of size 0. */
      g_async_queue_push (reader->to_hash, g_new0 (HashChunk, 1));
    }
  whole = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&reader->hasher)));
  reader->hash_result = whole;
  if (reader->to_hash != NULL)
    {
      g_clear_pointer (&reader->to_hash, g_async_queue_unref);
      g_clear_pointer (&reader->hashed, g_async_queue_unref);
    }
  return whole;
}

void
_rec_message_reader_feed (RecMessageReader *reader,
                          const guint8     *data,
                          gsize             size)
{
  /* A streamed read's hasher reads the file itself (and may be done before
   * the parser is). */
  if (reader->hasher == NULL && !reader->stream)
    sha256_update (&reader->sha256, size, data);
  reader->fed += (gint64) size;
  if (reader->whole != NULL && !reader->stream)
    {
      if (reader->fed <= REC_ATTACHMENT_MAX_SIZE)
        g_byte_array_append (reader->whole, data, size);
      else
        g_clear_pointer (&reader->whole, g_byte_array_unref);
    }
  if (reader->progress != NULL && reader->fed - reader->reported >= PROGRESS_STEP)
    {
      reader->reported = reader->fed;
      reader->progress (reader->fed, MAX (reader->size, reader->fed), reader->user_data);
    }
}

gboolean
_rec_message_reader_check (RecMessageReader *reader,
                           GError          **error)
{
  if (g_atomic_int_get (&reader->each_failed))
    {
      /* Never shown: the read fails with the error `each` gave. */
      g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED, "each");
      return FALSE;
    }
  if (!g_cancellable_is_cancelled (reader->cancellable))
    return TRUE;
  g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
               /* Translators: %s is a file name */
               _("Reading “%s” was cancelled"), reader->name);
  return FALSE;
}

char *
_rec_message_reader_where (RecMessageReader *reader,
                           gint64            line)
{
  return g_strdup_printf ("%s:%lld", reader->name, (long long) line);
}

/* An attachment whose SHA-256 is already known (rec_attachment_new_from_bytes
 * would hash it again, and read every page of a spooled file). */
static RecAttachment *
attachment_new (const char   *name,
                const char   *media_type,
                const char    sha256[65],
                GBytes       *bytes)
{
  RecAttachment *attachment = rec_attachment_new ();

  memcpy (attachment->sha256, sha256, 65);
  rec_set_str (&attachment->name, name);
  rec_set_str (&attachment->media_type, media_type);
  attachment->size = bytes != NULL ? (gint64) g_bytes_get_size (bytes) : 0;
  g_free (attachment->added_at);
  attachment->added_at = rec_timestamp_now_utc ();
  attachment->data = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  return attachment;
}

guint8 *
_rec_message_reader_media_begin (RecMessageReader *reader,
                                 gsize             capacity,
                                 RecMediaBuffer   *buffer,
                                 GError          **error)
{
  g_autofree char *path = NULL;

  buffer->capacity = MAX (capacity, 1);
  buffer->fd = -1;
  /* A streamed read's media live until `each` has stored them: no spool. */
  if (!reader->stream && reader->in_memory + (gint64) capacity > REC_IMPORT_SPOOL_MEMORY)
    {
      buffer->fd = g_file_open_tmp ("recourse-import-XXXXXX", &path, error);
      if (buffer->fd < 0)
        return NULL;
      g_unlink (path);
    }
  /* Spooled too, the bytes are made in the heap and written to the file
   * with pwrite (media_buffer_bytes): decoded through a mapping of a file
   * made that long, every page was first faulted in and zeroed by the
   * kernel (a sixth of a 1 GB backup's read); the heap's pages are used
   * again from one image to the next. */
  return buffer->data = g_malloc (buffer->capacity);
}

void
_rec_media_buffer_clear (RecMediaBuffer *buffer)
{
  g_clear_pointer (&buffer->data, g_free);
  if (buffer->fd >= 0)
    close (buffer->fd);
  buffer->fd = -1;
}

/* The buffer's bytes written to its file, which is then mapped read-only:
 * the pages written are the page cache's, not the process's, and come into
 * it only when the bytes are read (when the store writes them). */
static GBytes *
media_buffer_bytes (RecMediaBuffer *buffer,
                    gsize           size,
                    GError        **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  gsize done = 0;

  while (done < size)
    {
      gssize wrote = pwrite (buffer->fd, buffer->data + done, size - done, (off_t) done);

      if (wrote < 0 && errno == EINTR)
        continue;
      if (wrote <= 0)
        break;
      done += (gsize) wrote;
    }
  g_clear_pointer (&buffer->data, g_free);
  if (done == size)
    mapped = g_mapped_file_new_from_fd (buffer->fd, FALSE, error);
  else
    g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                 /* Translators: %s is the system's reason */
                 _("Cannot write a temporary file: %s"), g_strerror (errno != 0 ? errno : ENOSPC));
  _rec_media_buffer_clear (buffer);
  return mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
}

/* A job of the media thread, in the order given: a medium hashed (given as
 * base64, decoded there first, its size and media type filled too) and, when
 * spooled, mapped read-only; or, streaming, a candidate handed to `each`. */
typedef struct
{
  RecMessageReader   *reader;
  RecAttachment      *attachment;   /* (owned) its sha256 and data filled here */
  RecMediaBuffer      buffer;       /* data NULL: allocated here */
  gsize               size;
  char               *base64;       /* (owned) (nullable) the text to decode */
  gsize               base64_len;
  RecImportCandidate *candidate;    /* streaming: the candidate to hand on */
  RecCandidateSettle  settle;
  gpointer            settle_data;
  GDestroyNotify      settle_free;
} MediaJob;

/* The media thread's jobs at most (2 waiting beside the one it runs: a
 * spooled job's buffer is the process's until the thread has written it
 * out), and, streaming, the base64 they may hold — the parser waits past
 * it — and the images decoded for the `each` thread. */
#define MEDIA_JOBS 3
#define STREAM_JOBS 4096
#define STREAM_QUEUE_BYTES (G_GINT64_CONSTANT (32) * 1024 * 1024)

/* Room for a job of `cost` bytes in a queue of `*jobs` holding `*bytes`,
 * waited for. */
static void
queue_enter (RecMessageReader *reader,
             guint            *jobs,
             gsize            *bytes,
             guint             max_jobs,
             gsize             max_bytes,
             gsize             cost)
{
  g_mutex_lock (&reader->queue_lock);
  while (*jobs > 0 && (*jobs >= max_jobs || *bytes + cost > max_bytes))
    g_cond_wait (&reader->queue_cond, &reader->queue_lock);
  (*jobs)++;
  *bytes += cost;
  g_mutex_unlock (&reader->queue_lock);
}

static void
queue_leave (RecMessageReader *reader,
             guint            *jobs,
             gsize            *bytes,
             gsize             cost)
{
  g_mutex_lock (&reader->queue_lock);
  (*jobs)--;
  *bytes -= cost;
  /* Two may wait, on different queues: the parser and the media thread. */
  g_cond_broadcast (&reader->queue_cond);
  g_mutex_unlock (&reader->queue_lock);
}

static void
media_job_done (MediaJob *job)
{
  queue_leave (job->reader, &job->reader->queued_jobs, &job->reader->queued_bytes,
               job->base64_len);
  g_clear_object (&job->attachment);
  g_free (job);
}

/* The candidate's media's bytes let go once `each` is done with them. */
static void
media_let_go (RecImportCandidate *candidate)
{
  for (guint m = 0; candidate->media != NULL && m < candidate->media->len; m++)
    {
      RecAttachment *medium = g_ptr_array_index (candidate->media, m);

      g_clear_pointer (&medium->data, g_bytes_unref);
    }
}

/* The bytes of the candidate's media. */
static gsize
media_bytes (RecImportCandidate *candidate)
{
  gsize bytes = 0;

  for (guint m = 0; candidate->media != NULL && m < candidate->media->len; m++)
    {
      RecAttachment *medium = g_ptr_array_index (candidate->media, m);

      bytes += medium->data != NULL ? g_bytes_get_size (medium->data) : 0;
    }
  return bytes;
}

/* On the `each` thread: the candidate handed on, its media let go. */
static void
each_job_run (gpointer data,
              gpointer user_data)
{
  MediaJob *job = data;
  RecMessageReader *reader = job->reader;
  gsize cost = job->size;

  if (!g_atomic_int_get (&reader->each_failed)
      && !reader->options->each (reader, job->candidate, reader->options->each_data,
                                 &reader->each_error))
    {
      if (reader->each_error == NULL)
        g_set_error_literal (&reader->each_error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
                             "each");
      g_atomic_int_set (&reader->each_failed, 1);
    }
  media_let_go (job->candidate);
  if (job->settle_free != NULL && job->settle_data != NULL)
    job->settle_free (job->settle_data);
  g_free (job);
  queue_leave (reader, &reader->each_jobs, &reader->each_bytes, cost);
}

/* On the media thread, once the images given before it are decoded: the
 * candidate settled, then given to the `each` thread — a stage of its own,
 * so that decoding and hashing the next images overlaps storing these (the
 * store's writes are the longest stage of a real import). */
static void
candidate_job_run (MediaJob *job)
{
  RecMessageReader *reader = job->reader;
  MediaJob *next = g_new0 (MediaJob, 1);

  if (job->settle != NULL)
    job->settle (job->candidate, job->settle_data);
  *next = *job;
  next->attachment = NULL;
  next->base64_len = 0;
  next->size = media_bytes (job->candidate);
  job->settle_data = NULL;
  if (reader->each_pool == NULL)
    reader->each_pool = g_thread_pool_new (each_job_run, NULL, 1, FALSE, NULL);
  queue_enter (reader, &reader->each_jobs, &reader->each_bytes, STREAM_JOBS, STREAM_QUEUE_BYTES,
               next->size);
  g_thread_pool_push (reader->each_pool, next, NULL);
}

static void
media_job_run (gpointer data,
               gpointer user_data)
{
  MediaJob *job = data;
  g_autoptr(GError) error = NULL;
  struct sha256_ctx ctx;

  if (job->candidate != NULL)
    {
      candidate_job_run (job);
      media_job_done (job);
      return;
    }
  if (job->base64 != NULL)
    {
      gssize size;

      if (job->buffer.data == NULL)
        job->buffer.data = g_malloc (job->buffer.capacity);
      size = _rec_base64_decode (job->base64, job->base64_len, job->buffer.data);
      g_clear_pointer (&job->base64, g_free);
      if (size <= 0)
        {
          /* Not base64: the reader rejects its message (size -1). */
          job->attachment->size = -1;
          _rec_media_buffer_clear (&job->buffer);
          media_job_done (job);
          return;
        }
      job->size = (gsize) size;
      job->attachment->size = (gint64) size;
      rec_set_str (&job->attachment->media_type,
                   rec_media_type_sniff (job->buffer.data, job->size, job->attachment->name));
    }
  sha256_init (&ctx);
  sha256_update (&ctx, job->size, job->buffer.data);
  hex_digest (&ctx, job->attachment->sha256);
  if (job->buffer.fd < 0)
    job->attachment->data = g_bytes_new_take (g_steal_pointer (&job->buffer.data), job->size);
  else
    job->attachment->data = media_buffer_bytes (&job->buffer, job->size, &error);
  if (error != NULL)
    {
      g_mutex_lock (&job->reader->media_lock);
      if (job->reader->media_error == NULL)
        job->reader->media_error = g_steal_pointer (&error);
      g_mutex_unlock (&job->reader->media_lock);
    }
  media_job_done (job);
}

/* Hands a job to the media thread, which runs it beside the parser (a 1 GB
 * backup holds about 750 MB of images), once there is room for it (see
 * MEDIA_JOBS). */
static void
media_job_push (RecMessageReader *reader,
                MediaJob         *job)
{
  guint max_jobs = reader->stream ? STREAM_JOBS : MEDIA_JOBS;
  gsize max_bytes = reader->stream ? STREAM_QUEUE_BYTES : G_MAXSIZE;

  if (reader->media_pool == NULL)
    reader->media_pool = g_thread_pool_new (media_job_run, NULL, 1, FALSE, NULL);
  queue_enter (reader, &reader->queued_jobs, &reader->queued_bytes, max_jobs, max_bytes,
               job->base64_len);
  job->reader = reader;
  g_thread_pool_push (reader->media_pool, job, NULL);
}

static void
media_push (RecMessageReader *reader,
            RecAttachment    *attachment,
            RecMediaBuffer   *buffer,
            gsize             size,
            char             *base64,
            gsize             base64_len)
{
  MediaJob *job = g_new0 (MediaJob, 1);

  job->attachment = g_object_ref (attachment);
  job->buffer = *buffer;
  job->size = size;
  job->base64 = base64;
  job->base64_len = base64_len;
  *buffer = (RecMediaBuffer) { NULL, 0, -1 };
  media_job_push (reader, job);
}

void
_rec_message_reader_emit (RecMessageReader   *reader,
                          RecImportCandidate *candidate,
                          RecCandidateSettle  settle,
                          gpointer            settle_data,
                          GDestroyNotify      settle_free)
{
  MediaJob *job = g_new0 (MediaJob, 1);

  g_assert (reader->stream);
  job->candidate = candidate;
  job->settle = settle;
  job->settle_data = settle_data;
  job->settle_free = settle_free;
  media_job_push (reader, job);
}

gboolean
_rec_message_reader_media_wait (RecMessageReader *reader,
                                GError          **error)
{
  /* The media thread first: it gives the `each` thread its jobs. */
  if (reader->media_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&reader->media_pool), FALSE, TRUE);
  if (reader->each_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&reader->each_pool), FALSE, TRUE);
  if (reader->media_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&reader->media_error));
  return FALSE;
}

RecAttachment *
_rec_message_reader_media_end (RecMessageReader *reader,
                               RecMediaBuffer   *buffer,
                               gsize             size,
                               const char       *name,
                               const char       *media_type,
                               GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  RecAttachment *attachment;
  struct sha256_ctx ctx;
  char sha256[65];

  g_assert (size > 0 && size <= buffer->capacity);
  if (media_type == NULL)
    media_type = rec_media_type_sniff (buffer->data, size, name);
  if (buffer->fd >= 0)
    {
      static const char pending[65] = "";

      attachment = attachment_new (name, media_type, pending, NULL);
      attachment->size = (gint64) size;
      media_push (reader, attachment, buffer, size, NULL, 0);
      return attachment;
    }
  sha256_init (&ctx);
  sha256_update (&ctx, size, buffer->data);
  hex_digest (&ctx, sha256);
  reader->in_memory += (gint64) size;
  bytes = g_bytes_new_take (g_steal_pointer (&buffer->data), size);
  return attachment_new (name, media_type, sha256, bytes);
}

gboolean
_rec_message_reader_media_base64 (RecMessageReader  *reader,
                                  const char        *text,
                                  gsize              size,
                                  const char        *name,
                                  RecAttachment    **out_attachment,
                                  GError           **error)
{
  static const char pending[65] = "";
  gsize capacity = size / 4 * 3 + 3;
  RecMediaBuffer buffer = { 0 };
  gsize first = 0;

  *out_attachment = NULL;
  /* The caller decodes what stays in memory, and what might decode to no
   * byte or to more than an attachment may hold (rare: it says why). */
  while (first < size && g_ascii_isspace (text[first]))
    first++;
  if ((!reader->stream && reader->in_memory + (gint64) capacity <= REC_IMPORT_SPOOL_MEMORY)
      || first == size || text[first] == '=' || size / 4 * 3 > REC_ATTACHMENT_MAX_SIZE)
    return TRUE;
  if (reader->stream)
    {
      /* Decoded into memory by the media thread, kept until `each` is done. */
      buffer.capacity = capacity;
      buffer.fd = -1;
    }
  else if (_rec_message_reader_media_begin (reader, capacity, &buffer, error) == NULL)
    return FALSE;
  else
    g_assert (buffer.fd >= 0);
  *out_attachment = attachment_new (name, NULL, pending, NULL);
  media_push (reader, *out_attachment, &buffer, 0, g_memdup2 (text, size), size);
  return TRUE;
}

RecAttachment *
_rec_message_reader_media (RecMessageReader *reader,
                           const char       *name,
                           const char       *media_type,
                           guint8           *data,
                           gsize             size,
                           GError          **error)
{
  g_autofree guint8 *owned = data;
  RecMediaBuffer buffer = { 0 };

  if (reader->in_memory + (gint64) size <= REC_IMPORT_SPOOL_MEMORY)
    {
      /* In memory: the bytes as they are, no copy. */
      buffer.data = g_steal_pointer (&owned);
      buffer.capacity = size;
      buffer.fd = -1;
    }
  else if (_rec_message_reader_media_begin (reader, size, &buffer, error) == NULL)
    return NULL;
  else
    memcpy (buffer.data, owned, size);
  return _rec_message_reader_media_end (reader, &buffer, size, name, media_type, error);
}

/* --- Base64 --- */

/* GLib's g_base64_decode_step runs at about 180 MB/s here: a 1 GB backup
 * would spend five seconds in it alone. This one takes four characters a
 * step through four tables that each hold a character's six bits already
 * in their place among the step's three bytes, so a step is four loads, three
 * ORs and one store; anything but the alphabet (white space, line breaks,
 * the padding, a bad character) sets a flag bit above those 24, tested once
 * per step, and is handled one character at a time by the slow path. */
enum { B64_SKIP = 64, B64_PAD = 65, B64_BAD = 66 };
#define B64_FLAG 0x01000000u

static guint8 b64_table[256];
static guint32 b64_step[4][256];

static gpointer
b64_table_init (gpointer data)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  memset (b64_table, B64_BAD, sizeof b64_table);
  for (guint i = 0; i < 64; i++)
    b64_table[(guint8) alphabet[i]] = (guint8) i;
  b64_table['-'] = 62;  /* the URL-safe alphabet, which some phones write */
  b64_table['_'] = 63;
  b64_table[' '] = b64_table['\t'] = b64_table['\r'] = b64_table['\n'] = B64_SKIP;
  b64_table['='] = B64_PAD;
  /* The three bytes of a step are its 24 bits, the first character's six
   * on top: byte 0 is bits 23–16, stored from the low byte of the word. */
  for (guint c = 0; c < 256; c++)
    {
      guint32 v = b64_table[c];

      if (v >= 64)
        {
          b64_step[0][c] = b64_step[1][c] = b64_step[2][c] = b64_step[3][c] = B64_FLAG;
          continue;
        }
      b64_step[0][c] = v << 2;
      b64_step[1][c] = v >> 4 | (v & 0xf) << 12;
      b64_step[2][c] = (v >> 2) << 8 | (v & 0x3) << 22;
      b64_step[3][c] = v << 16;
    }
  return NULL;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define B64_HAVE_AVX2 1
#include <immintrin.h>

/* 32 characters a step with AVX2, as long as all 32 are of the standard
 * alphabet (anything else, '-' and '_' too, is left to the steps above):
 * each character's value is its code plus an offset that depends on its
 * range, found with compares; two multiply-adds join each four values' 24
 * bits in a 32-bit word, and two shuffles put the 24 bytes together.
 * Returns the characters it read (its output is three quarters of them).
 * 5–6 times the speed of the table steps: a 1 GB backup's base64 took
 * 0.7 s of CPU through them. */
__attribute__ ((target ("avx2"))) static gsize
b64_decode_avx2 (const guint8 *text,
                 gsize         size,
                 guint8       *out)
{
  const __m256i upper_lo = _mm256_set1_epi8 ('A' - 1), upper_hi = _mm256_set1_epi8 ('Z' + 1);
  const __m256i lower_lo = _mm256_set1_epi8 ('a' - 1), lower_hi = _mm256_set1_epi8 ('z' + 1);
  const __m256i digit_lo = _mm256_set1_epi8 ('0' - 1), digit_hi = _mm256_set1_epi8 ('9' + 1);
  const __m256i plus = _mm256_set1_epi8 ('+'), slash = _mm256_set1_epi8 ('/');
  /* Pairs of 6-bit values to 12 bits (first × 64 + second), then pairs of
   * those to 24 (first × 4096 + second): a word's bytes are then the
   * output's third, second and first. */
  const __m256i pair6 = _mm256_set1_epi32 (0x01400140);
  const __m256i pair12 = _mm256_set1_epi32 (0x00011000);
  const __m256i order = _mm256_setr_epi8 (2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
                                          2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i lanes = _mm256_setr_epi32 (0, 1, 2, 4, 5, 6, 3, 7);
  gsize done = 0;

  while (size - done >= 32)
    {
      __m256i c = _mm256_loadu_si256 ((const __m256i *) (text + done));
      /* Signed compares: a byte from 0x80 up is below every range. */
      __m256i upper = _mm256_and_si256 (_mm256_cmpgt_epi8 (c, upper_lo),
                                        _mm256_cmpgt_epi8 (upper_hi, c));
      __m256i lower = _mm256_and_si256 (_mm256_cmpgt_epi8 (c, lower_lo),
                                        _mm256_cmpgt_epi8 (lower_hi, c));
      __m256i digit = _mm256_and_si256 (_mm256_cmpgt_epi8 (c, digit_lo),
                                        _mm256_cmpgt_epi8 (digit_hi, c));
      __m256i is_plus = _mm256_cmpeq_epi8 (c, plus);
      __m256i is_slash = _mm256_cmpeq_epi8 (c, slash);
      __m256i valid = _mm256_or_si256 (_mm256_or_si256 (upper, lower),
                                       _mm256_or_si256 (digit, _mm256_or_si256 (is_plus, is_slash)));
      __m256i offset, v, words;

      if (_mm256_movemask_epi8 (valid) != -1)
        break;
      /* 'A' is 0, 'a' 26, '0' 52, '+' 62, '/' 63. */
      offset = _mm256_or_si256 (
        _mm256_or_si256 (_mm256_and_si256 (upper, _mm256_set1_epi8 (-'A')),
                         _mm256_and_si256 (lower, _mm256_set1_epi8 (26 - 'a'))),
        _mm256_or_si256 (_mm256_and_si256 (digit, _mm256_set1_epi8 (52 - '0')),
                         _mm256_or_si256 (_mm256_and_si256 (is_plus, _mm256_set1_epi8 (62 - '+')),
                                          _mm256_and_si256 (is_slash, _mm256_set1_epi8 (63 - '/')))));
      v = _mm256_add_epi8 (c, offset);
      words = _mm256_madd_epi16 (_mm256_maddubs_epi16 (v, pair6), pair12);
      words = _mm256_permutevar8x32_epi32 (_mm256_shuffle_epi8 (words, order), lanes);
      _mm_storeu_si128 ((__m128i *) out, _mm256_castsi256_si128 (words));
      _mm_storel_epi64 ((__m128i *) (out + 16), _mm256_extracti128_si256 (words, 1));
      out += 24;
      done += 32;
    }
  return done;
}

static int b64_use_avx2 = -1;  /* -1: not chosen yet */
#endif

/* The AVX2 steps where the processor has them (the default), or only the
 * table steps: the tests decode both ways. FALSE when it has none. */
gboolean
_rec_base64_use_simd (gboolean use)
{
#ifdef B64_HAVE_AVX2
  b64_use_avx2 = use && __builtin_cpu_supports ("avx2");
  return b64_use_avx2;
#else
  (void) use;
  return FALSE;
#endif
}

static gpointer
b64_init (gpointer data)
{
  b64_table_init (NULL);
#ifdef B64_HAVE_AVX2
  if (b64_use_avx2 < 0)
    _rec_base64_use_simd (TRUE);
#endif
  return NULL;
}

gssize
_rec_base64_decode (const char *text,
                    gsize       size,
                    guint8     *out)
{
  static GOnce once = G_ONCE_INIT;
  const guint8 *p = (const guint8 *) text;
  const guint8 *end = p + size;
  guint8 *o = out;
  guint32 acc = 0;
  int n = 0;

  g_once (&once, b64_init, NULL);
  while (p < end)
    {
      guint8 v;

#ifdef B64_HAVE_AVX2
      if (n == 0 && b64_use_avx2 > 0 && end - p >= 32)
        {
          gsize done = b64_decode_avx2 (p, (gsize) (end - p), o);

          p += done;
          o += done / 4 * 3;
        }
#endif
      /* The common case: four characters of the alphabet in a row. */
      while (n == 0 && end - p >= 4)
        {
          guint32 w = b64_step[0][p[0]] | b64_step[1][p[1]] | b64_step[2][p[2]]
                      | b64_step[3][p[3]];

          if (w & B64_FLAG)
            break;
          o[0] = (guint8) w;
          o[1] = (guint8) (w >> 8);
          o[2] = (guint8) (w >> 16);
          o += 3;
          p += 4;
        }
      if (p == end)
        break;
      v = b64_table[*p++];
      if (v == B64_SKIP)
        continue;
      if (v == B64_PAD)
        break;
      if (v == B64_BAD)
        return -1;
      acc = acc << 6 | v;
      if (++n == 4)
        {
          o[0] = acc >> 16;
          o[1] = acc >> 8;
          o[2] = acc;
          o += 3;
          n = 0;
          acc = 0;
        }
    }
  /* What the padding stands for: 2 characters are one byte, 3 are two. */
  if (n == 1)
    return -1;
  if (n == 2)
    *o++ = acc >> 4;
  else if (n == 3)
    {
      *o++ = acc >> 10;
      *o++ = acc >> 2;
    }
  for (; p < end; p++)
    if (b64_table[*p] != B64_SKIP && b64_table[*p] != B64_PAD)
      return -1;
  return o - out;
}

/* --- Candidates --- */

char *
_rec_message_first_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (g_utf8_strlen (line, -1) > DESCRIPTION_MAX_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, DESCRIPTION_MAX_CHARS - 1);

          return g_strconcat (cut, "…", NULL);
        }
      return g_strdup (line);
    }
  return g_strdup ("");
}

RecImportCandidate *
_rec_message_candidate_new (const char   *where,
                            RecChannel    channel,
                            RecDirection  direction,
                            GDateTime    *at,
                            const char   *address,
                            const char   *contact,
                            const char   *subject,
                            const char   *summary,
                            const char   *description)
{
  RecImportCandidate *candidate = rec_import_candidate_new (REC_IMPORT_NEW);
  RecCommunication *message = rec_communication_new ();
  gboolean named = contact != NULL && *contact != '\0';

  g_free (message->at);
  message->at = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");
  message->at_unix = g_date_time_to_unix (at);
  message->channel = channel;
  message->direction = direction;
  rec_set_str (&message->with, named ? contact : address);
  rec_set_str (&message->subject, subject);
  rec_set_str (&message->summary, summary);

  candidate->record = REC_ENTITY (message);
  candidate->where = g_strdup (where);
  candidate->address = g_strdup (address != NULL ? address : "");
  candidate->contact = named ? g_strdup (contact) : NULL;
  candidate->description = description != NULL && *description != '\0'
                           ? g_strdup (description) : _rec_message_first_line (summary);
  return candidate;
}

RecImportCandidate *
_rec_message_rejected_new (char *where,
                           char *reason)
{
  RecImportCandidate *candidate = rec_import_candidate_new (REC_IMPORT_REJECTED);

  candidate->where = where;
  candidate->reason = reason;
  candidate->description = g_strdup (reason);
  return candidate;
}

void
_rec_message_candidate_reject (RecImportCandidate *candidate,
                               char               *reason)
{
  candidate->status = REC_IMPORT_REJECTED;
  candidate->selected = FALSE;
  g_clear_object (&candidate->record);
  g_clear_pointer (&candidate->address, g_free);
  g_clear_pointer (&candidate->contact, g_free);
  g_ptr_array_set_size (candidate->media, 0);
  g_free (candidate->reason);
  candidate->reason = reason;
  g_free (candidate->description);
  candidate->description = g_strdup (reason);
}

/* --- Public API --- */

/* The source once the file is hashed (its candidates the caller's). */
static RecImportSource *
source_new (RecMessageReader *reader)
{
  RecImportSource *source = g_new0 (RecImportSource, 1);
  const char *format = reader->format;

  source->kind = REC_IMPORT_KIND_MESSAGES;
  source->path = g_strdup (reader->path);
  source->name = g_strdup (reader->name);
  hex_digest (&reader->sha256, source->sha256);
  source->size = reader->stream ? reader->n_hashed : reader->fed;
  source->format = g_strdup (format);
  if (reader->whole != NULL && reader->whole->len > 0)
    {
      g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&reader->whole));
      const char *media_type = g_str_equal (format, "eml") ? "message/rfc822"
        : g_str_equal (format, "mbox") ? "application/mbox"
        : rec_media_type_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                reader->name);

      source->attachment = attachment_new (reader->name, media_type, source->sha256, bytes);
    }
  source->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_candidate_free);
  return source;
}

const RecImportSource *
rec_import_stream_get_source (RecImportStream  *stream,
                              GError          **error)
{
  RecMessageReader *reader = stream;

  g_return_val_if_fail (stream != NULL, NULL);

  if (reader->source == NULL)
    {
      /* A streamed read never waits, and asks from `each`'s thread: the
       * hasher is joined by the parser's, at the end. */
      gint done = reader->stream && reader->hasher != NULL
                  ? g_atomic_int_get (&reader->hash_done) : -1;

      if (done == 0)
        return NULL;
      if (done == 2 || (done < 0 && !hasher_join (reader, FALSE)))
        {
          g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                       _("Cannot read “%s”: %s"), reader->name, g_strerror (EIO));
          return NULL;
        }
      reader->source = source_new (reader);
    }
  return reader->source;
}

/* `each` for every candidate of a read that did not stream them. */
static gboolean
each_after (RecMessageReader  *reader,
            GPtrArray         *candidates,
            GError           **error)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      RecImportCandidate *candidate = g_ptr_array_index (candidates, i);
      gboolean ok = reader->options->each (reader, candidate, reader->options->each_data, error);

      media_let_go (candidate);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

RecImportSource *
rec_import_read_messages (const char                    *path,
                          const RecImportMessageOptions *options,
                          RecImportProgressFunc          progress,
                          gpointer                       user_data,
                          GCancellable                  *cancellable,
                          GError                       **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *name = NULL;
  RecMessageReader reader = { 0 };
  RecImportSource *source = NULL;
  g_autoptr(GError) read_error = NULL;
  const char *format;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (path);
  format = choose_format (path, name, options, &reader.size, error);
  if (format == NULL)
    return NULL;

  reader.path = path;
  reader.name = g_steal_pointer (&name);
  reader.options = options;
  reader.progress = progress;
  reader.user_data = user_data;
  reader.cancellable = cancellable;
  reader.format = format;
  reader.hash_result = -1;
  reader.stream = options != NULL && options->each != NULL && g_str_equal (format, "sms");
  reader.whole = reader.size <= REC_ATTACHMENT_MAX_SIZE
                 ? g_byte_array_sized_new ((guint) reader.size) : NULL;
  sha256_init (&reader.sha256);
  g_mutex_init (&reader.media_lock);
  g_mutex_init (&reader.queue_lock);
  g_cond_init (&reader.queue_cond);
  if (reader.stream && reader.whole != NULL)
    {
      /* A file the case keeps, read and hashed from the start apart from
       * the parser: the source is complete, its bytes and its SHA-256,
       * before the parse is (see rec_import_stream_get_source). */
      reader.hasher = g_thread_new ("rec-import-hash", hasher_run, &reader);
    }
  else if (reader.whole == NULL && g_str_equal (format, "sms"))
    {
      /* The SMS reader hands its chunks to the hasher: one read (a
       * streamed read's first messages are stored before the hash is
       * known, their history entries held back by the store until it is;
       * reading the file a second time cost a fifth of a 1 GB import's
       * CPU time). */
      reader.to_hash = g_async_queue_new_full (hash_chunk_free);
      reader.hashed = g_async_queue_new_full (hash_chunk_free);
      reader.hasher = g_thread_new ("rec-import-hash", hasher_fed_run, &reader);
    }
  else if (reader.whole == NULL)
    reader.hasher = g_thread_new ("rec-import-hash", hasher_run, &reader);
  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_candidate_free);

  if (g_str_equal (format, "sms"))
    ok = _rec_import_read_sms (&reader, candidates, &read_error);
  else
    ok = _rec_import_read_mail (&reader, g_str_equal (format, "mbox"), candidates, &read_error);

  /* The media thread finishes what it was given even after a failure: its
   * jobs own mappings that must be released. */
  if (!ok)
    g_atomic_int_set (&reader.each_failed, 1);
  if (!_rec_message_reader_media_wait (&reader, ok ? &read_error : NULL))
    ok = FALSE;
  if (reader.each_error != NULL)
    {
      /* What `each` failed with, not the stop it made. */
      ok = FALSE;
      g_clear_error (&read_error);
      read_error = g_steal_pointer (&reader.each_error);
    }
  if (!hasher_join (&reader, !ok) && ok)
    {
      ok = FALSE;
      g_set_error (&read_error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), reader.name, g_strerror (EIO));
    }
  if (ok)
    {
      if (progress != NULL)
        progress (reader.fed, MAX (reader.size, reader.fed), user_data);
      if (reader.source == NULL)
        reader.source = source_new (&reader);
      if (!reader.stream && options != NULL && options->each != NULL)
        ok = each_after (&reader, candidates, &read_error);
    }
  if (ok)
    {
      source = g_steal_pointer (&reader.source);
      g_ptr_array_unref (source->candidates);
      source->candidates = g_ptr_array_ref (candidates);
    }
  else
    g_propagate_error (error, g_steal_pointer (&read_error));
  g_clear_pointer (&reader.source, rec_import_source_free);
  g_clear_pointer (&reader.whole, g_byte_array_unref);
  g_clear_pointer (&reader.own_chunk, hash_chunk_free);
  g_clear_error (&reader.media_error);
  g_clear_error (&reader.each_error);
  g_mutex_clear (&reader.media_lock);
  g_mutex_clear (&reader.queue_lock);
  g_cond_clear (&reader.queue_cond);
  g_free (reader.name);
  return source;
}

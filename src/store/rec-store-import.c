/* rec-store-import.c — what an import adds, in one transaction
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spec/import.md §1: all or nothing for the whole run. Per source file: an
 * `import` entry carrying its SHA-256 (spec/evidence.md §2), its records
 * through _rec_store_apply (each with its `add` entry), the file kept as an
 * attachment linked to every record it gave, and each record's own media
 * (MMS images, the raw e-mail) linked to that record. The rows are written
 * from copies, so a failure leaves the caller's objects as they were.
 */
#define G_LOG_DOMAIN "rec-store"
/* sync_file_range */
#define _GNU_SOURCE

#include "config.h"

#include "rec-store.h"
#include "rec-store-attachments-private.h"
#include "rec-store-private.h"

#include "rec-case-json-private.h"
#include "rec-date.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Media written since the last writeback hint (see writeback_kick). */
#define WRITEBACK_STEP (G_GINT64_CONSTANT (64) * 1024 * 1024)

/* A copy without the links it may carry: the links are the records of this
 * import. */
static RecAttachment *
attachment_copy_unlinked (const RecAttachment *attachment)
{
  RecAttachment *copy = rec_attachment_copy (attachment);

  g_ptr_array_set_size (copy->links, 0);
  return copy;
}

static GPtrArray *
media_copy (GPtrArray *media)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; media != NULL && i < media->len; i++)
    g_ptr_array_add (copies, attachment_copy_unlinked (g_ptr_array_index (media, i)));
  return copies;
}

/* {"source_sha256":"…","name":"…","format":"csv"}: compact, source_sha256
 * first, as the JSON import's entry starts. */
static char *
import_entry_json (const RecStoreImportSource *source)
{
  GString *out = g_string_sized_new (128);

  g_string_append (out, "{\"source_sha256\":");
  _rec_case_json_append_quoted (out, source->sha256);
  g_string_append (out, ",\"name\":");
  _rec_case_json_append_quoted (out, source->name);
  g_string_append (out, ",\"format\":");
  _rec_case_json_append_quoted (out, source->format);
  /* A file the case does not keep: its size, for the exhibit index. */
  if (source->attachment == NULL && source->size > 0)
    g_string_append_printf (out, ",\"size\":%" G_GINT64_FORMAT, source->size);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The pages of bytes the store has written, handed back to the system: a
 * hint (MADV_PAGEOUT) that never changes the bytes. A spooled MMS image is a
 * read-only mapping of a temporary file; writing it brought its pages into
 * the process, where they stayed until the caller freed the candidates — the
 * sum of every image of a 1 GB backup (251 MB peak for 0.3 GB). Reclaimed,
 * they are read from the file again if anything reads them. Bytes in the heap
 * (the reader keeps 64 MB of images there at most) are only whole pages
 * inside them, and without swap the hint leaves them. */
static void
release_pages (GBytes *bytes)
{
#ifdef MADV_PAGEOUT
  static gsize page_size;
  gsize size;
  guintptr start, end;
  const guint8 *data;

  if (bytes == NULL)
    return;
  if (g_once_init_enter (&page_size))
    g_once_init_leave (&page_size, (gsize) sysconf (_SC_PAGESIZE));
  data = g_bytes_get_data (bytes, &size);
  start = ((guintptr) data + page_size - 1) & ~(guintptr) (page_size - 1);
  end = ((guintptr) data + size) & ~(guintptr) (page_size - 1);
  if (end > start)
    madvise ((void *) start, end - start, MADV_PAGEOUT);
#else
  (void) bytes;
#endif
}

/* The case file's pages SQLite has written so far, handed to the disk in
 * the background: SYNC_FILE_RANGE_WRITE starts their writeback. The images
 * of a 1 GB backup are 750 MB of new pages, which COMMIT's fsync would
 * otherwise send to the disk all at once after the last insert; started by
 * a thread of its own (the call blocks while the disk's queue is full), the
 * disk writes while the store goes on inserting.
 *
 * At the next hint, the pages the hint before sent are waited for and given
 * back to the system (POSIX_FADV_DONTNEED): the import keeps about two
 * steps of the file in the page cache instead of all it wrote, which would
 * push out whatever else the computer had cached, and its next pages reuse
 * the memory just given back. Fresh memory is what writing costs most where
 * every free page goes back to a hypervisor (a free-page-reporting virtual
 * machine: 722 MiB written in 2.4 s that way, 0.8 s reusing it). Only pages
 * past the file's end before the import are given back: the case's own stay
 * cached.
 *
 * Durability is as before: SQLite syncs the journal before it writes a page
 * of the file, and COMMIT syncs the file. Hints all: a failure changes
 * nothing, and a page SQLite reads again comes from the disk. */
typedef struct
{
  int           fd;        /* the case file, read-only; -1 until needed */
  gint64        pending;   /* media bytes written since the last hint */
  gint64        sent;      /* the file up to here had its writeback started */
  gint64        dropped;   /* …and up to here was given back (from the end
                            * the file had when the first image came) */
  GThread      *thread;
  GAsyncQueue  *queue;     /* GINT_TO_POINTER (1): write back; 2: stop */
} Writeback;

#ifdef SYNC_FILE_RANGE_WRITE
static void
writeback_step (Writeback *writeback)
{
  struct stat st;

  if (writeback->sent > writeback->dropped)
    {
      if (sync_file_range (writeback->fd, writeback->dropped,
                           writeback->sent - writeback->dropped,
                           SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE
                           | SYNC_FILE_RANGE_WAIT_AFTER) == 0)
        (void) posix_fadvise (writeback->fd, writeback->dropped,
                              writeback->sent - writeback->dropped, POSIX_FADV_DONTNEED);
      writeback->dropped = writeback->sent;
    }
  if (fstat (writeback->fd, &st) == 0 && st.st_size > writeback->sent)
    {
      (void) sync_file_range (writeback->fd, writeback->sent, st.st_size - writeback->sent,
                              SYNC_FILE_RANGE_WRITE);
      writeback->sent = st.st_size;
    }
}
#endif

static gpointer
writeback_run (gpointer data)
{
  Writeback *writeback = data;

  while (GPOINTER_TO_INT (g_async_queue_pop (writeback->queue)) == 1)
    {
#ifdef SYNC_FILE_RANGE_WRITE
      writeback_step (writeback);
#endif
    }
  return NULL;
}

static void
writeback_kick (sqlite3   *db,
                Writeback *writeback,
                gint64     written)
{
#ifdef SYNC_FILE_RANGE_WRITE
  const char *path;
  struct stat st;

  /* At the first image the file's end is noted: what lies before is the
   * case's, never given back. */
  if (writeback->fd < 0 && writeback->sent == 0)
    {
      path = sqlite3_db_filename (db, "main");
      writeback->sent = -1;
      if (path == NULL || *path == '\0'
          || (writeback->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
        return;
      if (fstat (writeback->fd, &st) != 0)
        {
          close (writeback->fd);
          writeback->fd = -1;
          return;
        }
      writeback->sent = writeback->dropped = st.st_size;
    }
  if (writeback->fd < 0)
    return;
  writeback->pending += written;
  if (writeback->pending < WRITEBACK_STEP)
    return;
  writeback->pending = 0;
  if (writeback->thread == NULL)
    {
      writeback->queue = g_async_queue_new ();
      writeback->thread = g_thread_new ("rec-store-writeback", writeback_run, writeback);
    }
  /* One hint waiting is enough: it covers every page written until it runs. */
  if (g_async_queue_length (writeback->queue) <= 0)
    g_async_queue_push (writeback->queue, GINT_TO_POINTER (1));
#else
  (void) db;
  (void) writeback;
  (void) written;
#endif
}

static void
writeback_finish (Writeback *writeback)
{
  if (writeback->thread != NULL)
    {
      g_async_queue_push (writeback->queue, GINT_TO_POINTER (2));
      g_thread_join (g_steal_pointer (&writeback->thread));
      g_async_queue_unref (g_steal_pointer (&writeback->queue));
    }
  if (writeback->fd >= 0)
    close (writeback->fd);
  writeback->fd = -1;
}

/* --- The session: one transaction, each record written as it comes --- */

/* A record written, and what its copies give back to the caller's objects
 * once the transaction is committed (a failure leaves them as they were). */
typedef struct
{
  RecEntity *record;         /* (owned) the caller's */
  RecEntity *written;        /* (owned) the copy written */
  GPtrArray *media;          /* (owned) (nullable) the caller's */
  GPtrArray *media_written;  /* (owned) the copies written, their bytes dropped */
} Written;

static void
written_clear (Written *one)
{
  g_clear_object (&one->record);
  g_clear_object (&one->written);
  g_clear_pointer (&one->media, g_ptr_array_unref);
  g_clear_pointer (&one->media_written, g_ptr_array_unref);
}

/* A source's own file, linked at the source's end to every record it gave. */
typedef struct
{
  RecAttachment *attachment;  /* (owned) the caller's */
  RecAttachment *written;     /* (owned) the copy written */
  GPtrArray     *records;     /* (owned) the caller's records */
} WrittenFile;

static void
written_file_clear (WrittenFile *file)
{
  g_clear_object (&file->attachment);
  g_clear_object (&file->written);
  g_clear_pointer (&file->records, g_ptr_array_unref);
}

struct _RecStoreImportSession
{
  RecStore                   *store;           /* (owned) */
  char                       *now;             /* one stamp for the whole run */
  gboolean                    begun;           /* BEGIN IMMEDIATE made */
  gboolean                    failed;          /* a write failed: only abort is left */
  gboolean                    release;         /* release_pages of each medium written:
                                                * rec_store_import's callers hold them
                                                * all to the end (the window's spool); a
                                                * session's let each go after its add */
  Writeback                   writeback;
  const RecStoreImportSource *source;          /* the source being added, or NULL */
  RecStoreJournalHold        *hold;            /* its records' entries, while its
                                                * SHA-256 is not known yet */
  GPtrArray                  *source_records;  /* its records: the caller's */
  GPtrArray                  *source_written;  /* and the copies written */
  GArray                     *written;         /* Written */
  GArray                     *files;           /* WrittenFile */
};

RecStoreImportSession *
rec_store_import_session_new (RecStore  *self,
                              GError   **error)
{
  RecStoreImportSession *session;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return NULL;
    }
  session = g_new0 (RecStoreImportSession, 1);
  session->store = g_object_ref (self);
  session->now = rec_timestamp_now_utc ();
  session->writeback = (Writeback) { .fd = -1 };
  session->source_records = g_ptr_array_new_with_free_func (g_object_unref);
  session->source_written = g_ptr_array_new_with_free_func (g_object_unref);
  session->written = g_array_new (FALSE, TRUE, sizeof (Written));
  g_array_set_clear_func (session->written, (GDestroyNotify) written_clear);
  session->files = g_array_new (FALSE, TRUE, sizeof (WrittenFile));
  g_array_set_clear_func (session->files, (GDestroyNotify) written_file_clear);
  return session;
}

static void
session_free (RecStoreImportSession *session)
{
  _rec_store_journal_hold_drop (g_steal_pointer (&session->hold));
  writeback_finish (&session->writeback);
  g_ptr_array_unref (session->source_records);
  g_ptr_array_unref (session->source_written);
  g_array_unref (session->written);
  g_array_unref (session->files);
  g_free (session->now);
  g_object_unref (session->store);
  g_free (session);
}

static gboolean source_is_valid (const RecStoreImportSource *source,
                                 gboolean                    complete);

/* The source's `import` entry, then the entries of its records written
 * before its SHA-256 was known (held since session_begin_source). */
static gboolean
session_release (RecStoreImportSession  *session,
                 GError                **error)
{
  g_autofree char *entry = NULL;

  if (session->hold == NULL)
    return TRUE;
  g_return_val_if_fail (source_is_valid (session->source, TRUE), FALSE);
  entry = import_entry_json (session->source);
  return _rec_store_journal_release (g_steal_pointer (&session->hold), session->now, "import",
                                     "case", 0, entry, error);
}

/* The source's file, when the case keeps it, linked to every record it
 * gave: the records are new and distinct, so no link is looked for first
 * (which rec_attachment_add_link does, quadratic over a 10 000-row
 * statement). */
static gboolean
session_end_source (RecStoreImportSession  *session,
                    GError                **error)
{
  const RecStoreImportSource *source = session->source;
  WrittenFile file = { NULL };

  if (!session_release (session, error))
    return FALSE;
  session->source = NULL;
  if (source != NULL && source->attachment != NULL)
    {
      file.attachment = g_object_ref (source->attachment);
      file.written = attachment_copy_unlinked (source->attachment);
      file.records = g_ptr_array_ref (session->source_records);
      for (guint i = 0; i < session->source_written->len; i++)
        g_ptr_array_add (file.written->links,
                         g_object_ref (g_ptr_array_index (session->source_written, i)));
      g_array_append_val (session->files, file);
      if (!_rec_store_add_attachment_in (session->store->db, session->now, file.written, error))
        return FALSE;
      g_clear_pointer (&file.written->data, g_bytes_unref);
    }
  g_ptr_array_unref (session->source_records);
  g_ptr_array_unref (session->source_written);
  session->source_records = g_ptr_array_new_with_free_func (g_object_unref);
  session->source_written = g_ptr_array_new_with_free_func (g_object_unref);
  return TRUE;
}

/* The source whose records come next. Its `import` entry goes before the
 * entries of the records it covers (rec_store_load_import_sources counts the
 * adds after it, and undo finds them so) and carries its SHA-256: the
 * entries are held until session_release writes it, at once when the
 * SHA-256 is known (rec_store_import_session_add), else once it is. */
static gboolean
session_begin_source (RecStoreImportSession       *session,
                      const RecStoreImportSource  *source,
                      GError                     **error)
{
  if (session->source != NULL && !session_end_source (session, error))
    return FALSE;
  session->source = source;
  session->hold = _rec_store_journal_hold (session->store->db);
  return session->hold != NULL;
}

/* The record's row and `add` entry, then each of its media linked to it;
 * a medium's bytes are let go once written (the copy's reference, and for
 * rec_store_import the caller's pages as release_pages can). */
static gboolean
session_write (RecStoreImportSession  *session,
               Written                *one,
               GError                **error)
{
  sqlite3 *db = session->store->db;
  RecStoreChange change = { .op = REC_STORE_CHANGE_ADD, .record = one->written,
                            .written = one->written, .now = session->now };

  change.table = _rec_store_table_for_type (G_OBJECT_TYPE (one->written));
  if (!_rec_store_apply (db, &change, error))
    return FALSE;
  for (guint m = 0; m < one->media_written->len; m++)
    {
      RecAttachment *document = g_ptr_array_index (one->media_written, m);

      rec_attachment_add_link (document, one->written);
      if (!_rec_store_add_attachment_in (db, session->now, document, error))
        return FALSE;
      if (session->release)
        release_pages (document->data);
      g_clear_pointer (&document->data, g_bytes_unref);
      writeback_kick (db, &session->writeback, document->size);
    }
  return TRUE;
}

/* `complete`: its SHA-256 known (else a session's source may wait for it). */
static gboolean
source_is_valid (const RecStoreImportSource *source,
                 gboolean                    complete)
{
  if (!complete && source->sha256 == NULL)
    return TRUE;
  g_return_val_if_fail (source->name != NULL && source->format != NULL, FALSE);
  g_return_val_if_fail (source->sha256 != NULL && strlen (source->sha256) == 64, FALSE);
  g_return_val_if_fail (source->attachment == NULL || source->attachment->data != NULL, FALSE);
  return TRUE;
}

static gboolean
record_is_valid (RecEntity *record)
{
  g_return_val_if_fail (REC_IS_ENTITY (record), FALSE);
  g_return_val_if_fail (_rec_store_table_for_type (G_OBJECT_TYPE (record)) != NULL, FALSE);
  return TRUE;
}

gboolean
rec_store_import_session_add (RecStoreImportSession       *session,
                              const RecStoreImportSource  *source,
                              RecEntity                   *record,
                              GPtrArray                   *media,
                              GError                     **error)
{
  Written one = { NULL };

  g_return_val_if_fail (session != NULL && !session->failed, FALSE);
  g_return_val_if_fail (source != NULL && source_is_valid (source, FALSE), FALSE);
  g_return_val_if_fail (record_is_valid (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!session->begun)
    {
      session->failed = !_rec_store_exec (session->store->db, "BEGIN IMMEDIATE", error);
      if (session->failed)
        return FALSE;
      session->begun = TRUE;
    }
  if ((source != session->source && !session_begin_source (session, source, error))
      || (session->hold != NULL && source->sha256 != NULL && !session_release (session, error)))
    {
      session->failed = TRUE;
      return FALSE;
    }
  one.record = g_object_ref (record);
  one.written = rec_entity_copy (record);
  one.media = media != NULL ? g_ptr_array_ref (media) : NULL;
  one.media_written = media_copy (media);
  g_array_append_val (session->written, one);
  g_ptr_array_add (session->source_records, g_object_ref (record));
  g_ptr_array_add (session->source_written, g_object_ref (one.written));
  if (!session_write (session, &g_array_index (session->written, Written, session->written->len - 1),
                      error))
    {
      session->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* What the rows were given, back on the caller's objects. */
static void
attachment_take (RecAttachment       *attachment,
                 const RecAttachment *written,
                 GPtrArray           *records)
{
  attachment->entity.id = written->entity.id;
  g_ptr_array_set_size (attachment->links, 0);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (attachment->links, g_object_ref (g_ptr_array_index (records, i)));
}

static void
session_hand_back (RecStoreImportSession *session)
{
  for (guint i = 0; i < session->written->len; i++)
    {
      Written *one = &g_array_index (session->written, Written, i);
      g_autoptr(GPtrArray) just_it = g_ptr_array_new ();

      one->record->id = one->written->id;
      one->record->position = one->written->position;
      rec_set_str (&one->record->created_at, one->written->created_at);
      rec_set_str (&one->record->updated_at, one->written->updated_at);
      g_ptr_array_add (just_it, one->record);
      for (guint m = 0; one->media != NULL && m < one->media->len; m++)
        attachment_take (g_ptr_array_index (one->media, m),
                         g_ptr_array_index (one->media_written, m), just_it);
    }
  for (guint f = 0; f < session->files->len; f++)
    {
      WrittenFile *file = &g_array_index (session->files, WrittenFile, f);

      attachment_take (file->attachment, file->written, file->records);
    }
}

gboolean
rec_store_import_session_commit (RecStoreImportSession  *session,
                                 GError                **error)
{
  RecStore *store;
  gboolean ok;

  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (session->failed)
    {
      rec_store_import_session_abort (session);
      g_return_val_if_reached (FALSE);
    }
  if (!session->begun)
    {
      /* Nothing new: not even an entry. */
      session_free (session);
      return TRUE;
    }
  ok = session_end_source (session, error)
       && _rec_store_exec (session->store->db, "COMMIT", error);
  if (!ok)
    {
      sqlite3_exec (session->store->db, "ROLLBACK", NULL, NULL, NULL);
      session_free (session);
      return FALSE;
    }
  writeback_finish (&session->writeback);
  session_hand_back (session);
  store = g_object_ref (session->store);
  session_free (session);
  g_signal_emit_by_name (store, "changed");
  g_object_unref (store);
  return TRUE;
}

void
rec_store_import_session_abort (RecStoreImportSession *session)
{
  if (session == NULL)
    return;
  if (session->begun)
    sqlite3_exec (session->store->db, "ROLLBACK", NULL, NULL, NULL);
  session_free (session);
}

gboolean
rec_store_import (RecStore                    *self,
                  const RecStoreImportSource  *sources,
                  guint                        n_sources,
                  GError                     **error)
{
  RecStoreImportSession *session;

  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (sources != NULL || n_sources == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* Every source checked before anything is written. */
  for (guint s = 0; s < n_sources; s++)
    {
      g_return_val_if_fail (source_is_valid (&sources[s], TRUE), FALSE);
      g_return_val_if_fail (sources[s].records != NULL, FALSE);
      g_return_val_if_fail (sources[s].media == NULL
                            || sources[s].media->len == sources[s].records->len, FALSE);
      for (guint i = 0; i < sources[s].records->len; i++)
        g_return_val_if_fail (record_is_valid (g_ptr_array_index (sources[s].records, i)), FALSE);
    }

  session = rec_store_import_session_new (self, error);
  if (session == NULL)
    return FALSE;
  session->release = TRUE;
  for (guint s = 0; s < n_sources; s++)
    for (guint i = 0; i < sources[s].records->len; i++)
      {
        GPtrArray *media = sources[s].media != NULL ? g_ptr_array_index (sources[s].media, i)
                                                    : NULL;

        if (!rec_store_import_session_add (session, &sources[s],
                                           g_ptr_array_index (sources[s].records, i), media,
                                           error))
          {
            rec_store_import_session_abort (session);
            return FALSE;
          }
      }
  return rec_store_import_session_commit (session, error);
}

static gboolean
delete_all (RecStore    *self,
            GPtrArray   *records,
            GError     **error)
{
  g_autofree char *now = rec_timestamp_now_utc ();

  if (!_rec_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const RecEntity *record = g_ptr_array_index (records, i);
      RecStoreChange change = { .op = REC_STORE_CHANGE_DELETE, .id = record->id, .now = now };

      change.table = _rec_store_table_for_type (G_OBJECT_TYPE (record));
      if (!_rec_store_apply (self->db, &change, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (!_rec_store_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
rec_store_delete_records (RecStore   *self,
                          GPtrArray  *records,
                          GError    **error)
{
  g_return_val_if_fail (REC_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (guint i = 0; i < records->len; i++)
    {
      RecEntity *record = g_ptr_array_index (records, i);

      g_return_val_if_fail (REC_IS_ENTITY (record), FALSE);
      g_return_val_if_fail (_rec_store_table_for_type (G_OBJECT_TYPE (record)) != NULL, FALSE);
    }

  if (self->read_only)
    {
      g_set_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                   _("The case file is open read-only"));
      return FALSE;
    }
  if (records->len == 0)
    return TRUE;
  if (!delete_all (self, records, error))
    return FALSE;
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

void
rec_store_import_source_info_free (RecStoreImportSourceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->at);
  g_free (info->name);
  g_free (info->format);
  g_free (info);
}

/* Each import entry of a file (the JSON case import's has no format), the
 * records added after it up to the next entry that is not an add, and
 * whether an attachment has the file's bytes. */
static const char load_sources_sql[] =
  "SELECT j.seq, j.at, json_extract (j.data, '$.name'),"
  "  json_extract (j.data, '$.source_sha256'), json_extract (j.data, '$.format'),"
  "  coalesce (json_extract (j.data, '$.size'), -1),"
  "  (SELECT count (*) FROM journal r"
  "    WHERE r.seq > j.seq AND r.action = 'add'"
  "      AND r.entity NOT IN ('case', 'attachments', 'links')"
  "      AND r.seq < coalesce ((SELECT min (n.seq) FROM journal n"
  "                              WHERE n.seq > j.seq AND n.action <> 'add'), 9e18)),"
  "  EXISTS (SELECT 1 FROM attachments a"
  "           WHERE a.sha256 = json_extract (j.data, '$.source_sha256'))"
  " FROM journal j"
  " WHERE j.action = 'import' AND json_valid (j.data)"
  "   AND json_extract (j.data, '$.format') IS NOT NULL"
  " ORDER BY j.seq";

static RecStoreImportSourceInfo *
source_info_from_row (sqlite3_stmt *stmt)
{
  RecStoreImportSourceInfo *info = g_new0 (RecStoreImportSourceInfo, 1);
  const char *sha256 = (const char *) sqlite3_column_text (stmt, 3);

  info->seq = sqlite3_column_int64 (stmt, 0);
  info->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->name = g_strdup (sqlite3_column_text (stmt, 2) != NULL
                         ? (const char *) sqlite3_column_text (stmt, 2) : "");
  g_strlcpy (info->sha256, sha256 != NULL ? sha256 : "", sizeof info->sha256);
  info->format = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  info->size = sqlite3_column_int64 (stmt, 5);
  info->n_records = (guint) sqlite3_column_int64 (stmt, 6);
  info->stored = sqlite3_column_int (stmt, 7) != 0;
  return info;
}

GPtrArray *
rec_store_load_import_sources (RecStore  *self,
                               GError   **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (REC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_store_import_source_info_free);
  /* A file before schema 5 (opened read-only, not migrated) has no history. */
  if (rec_store_get_file_version (self) < 5)
    return g_steal_pointer (&sources);
  stmt = _rec_store_prepare (self->db, load_sources_sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, source_info_from_row (stmt));
  if (rc != SQLITE_DONE)
    _rec_store_set_error (error, self->db, rc, "import sources");
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&sources) : NULL;
}

/* rec-pdf-deflate.c — the pages' content streams deflated on two cores
 *
 * libharu deflates every stream one after the other as it saves: on the
 * large demo case's packet (915 pages) that is 1.25 G instructions, a
 * quarter of the main thread's work. Here the pages' content streams are
 * deflated before libharu saves, by the calling thread and one more, with
 * libharu's own zlib settings (deflateInit at Z_DEFAULT_COMPRESSION: zlib
 * format, default window and memory level), and given back to libharu
 * already deflated with the "/Filter [ /FlateDecode ]" line libharu writes
 * itself: the saved document is the same, byte for byte (test-pdf-deflate
 * compares the two). Only the pages' content streams are taken; fonts,
 * images and attached files stay libharu's.
 *
 * This is the one file that reaches into libharu's records, those of
 * libharu 2.3.0 (Debian 12's libhpdf-dev, PLATFORM.md), installed as
 * hpdf_pages.h, hpdf_objects.h and hpdf_streams.h:
 *   HPDF_Page (HPDF_Dict_Rec) .attr → HPDF_PageAttr_Rec .contents,
 *   HPDF_Dict_Rec .stream, .filter, .before_write_fn, .write_fn,
 *   HPDF_Stream_Rec .type (HPDF_STREAM_MEMORY).
 * meson compiles a snippet touching exactly these (REC_PDF_DEFLATE_SHARED);
 * without it, or with REC_PDF_DEFLATE=libharu in the environment, nothing
 * here runs and libharu deflates as it saves.
 *
 * Threads: every libharu call is made on the calling thread. It first copies
 * each page's bytes out of libharu's memory stream into a plain buffer
 * (PageStream.raw) and empties that stream, all before the helper thread is
 * created (g_thread_new orders those writes before the helper's reads). The
 * two threads then take pages by an atomic counter: each PageStream is
 * written by the one thread that took it, and by no other. After
 * g_thread_join (which orders the helper's writes before what follows) the
 * calling thread alone gives every stream back to libharu. zlib's streams
 * are each used by one thread. */

#include "config.h"

#include "rec-pdf-private.h"
#include "rec-pdf-deflate.h"

#ifdef REC_PDF_DEFLATE_SHARED
#include <hpdf_pages.h>
#include <zlib.h>
#endif
#include <string.h>

/* Fewer pages than this are deflated by the calling thread alone. */
#define HELPER_MIN_PAGES 16

/* -1: as the environment says; 0: libharu's way; 1: shared. */
static gint forced = -1;

void
_rec_pdf_deflate_force (gint shared)
{
  g_atomic_int_set (&forced, shared < 0 ? -1 : shared > 0);
}

gboolean
_rec_pdf_deflate_available (void)
{
#ifdef REC_PDF_DEFLATE_SHARED
  static gsize from_environment;
  gint force = g_atomic_int_get (&forced);

  if (force >= 0)
    return force;
  if (g_once_init_enter (&from_environment))
    g_once_init_leave (&from_environment,
                       g_strcmp0 (g_getenv ("REC_PDF_DEFLATE"), "libharu") != 0 ? 2 : 1);
  return from_environment == 2;
#else
  return FALSE;
#endif
}

#ifdef REC_PDF_DEFLATE_SHARED

typedef struct
{
  HPDF_Dict  contents;
  guint8    *raw;
  HPDF_UINT  raw_length;
  guint8    *deflated;       /* NULL: not deflated (left to libharu) */
  HPDF_UINT  deflated_length;
} PageStream;

typedef struct
{
  PageStream *streams;
  guint       n_streams;
  gint        next;          /* the next stream to take (atomic) */
} DeflateJob;

/* As libharu's HPDF_Stream_WriteToStreamWithDeflate: deflateInit at the
 * default level, all the input, then Z_FINISH. */
static gboolean
deflate_stream (PageStream *stream)
{
  z_stream z = { 0 };
  uLong bound;

  if (deflateInit (&z, Z_DEFAULT_COMPRESSION) != Z_OK)
    return FALSE;
  bound = deflateBound (&z, stream->raw_length);
  stream->deflated = g_try_malloc (MAX (bound, 1));
  if (stream->deflated == NULL)
    {
      deflateEnd (&z);
      return FALSE;
    }
  z.next_in = stream->raw;
  z.avail_in = stream->raw_length;
  z.next_out = stream->deflated;
  z.avail_out = (uInt) bound;
  if (deflate (&z, Z_FINISH) != Z_STREAM_END)
    {
      deflateEnd (&z);
      g_clear_pointer (&stream->deflated, g_free);
      return FALSE;
    }
  stream->deflated_length = (HPDF_UINT) z.total_out;
  deflateEnd (&z);
  return TRUE;
}

static gpointer
deflate_streams (gpointer data)
{
  DeflateJob *job = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);
      PageStream *stream;

      if (i >= job->n_streams)
        return NULL;
      stream = &job->streams[i];
      if (deflate_stream (stream))
        g_clear_pointer (&stream->raw, g_free);
    }
}

/* libharu writes the filter of a stream it deflated itself so, after the
 * dictionary's other entries (HPDF_Dict_Write adds /Filter last). */
static HPDF_STATUS
write_flate_filter (HPDF_Dict    dict,
                    HPDF_Stream  stream)
{
  (void) dict;
  return HPDF_Stream_WriteStr (stream, "/Filter [ /FlateDecode ]\012");
}

/* Takes the bytes of the page's content stream, if libharu would deflate
 * them as they are: one memory stream, FlateDecode its only filter, no
 * writing hooks of its own. */
static gboolean
take_page_stream (HPDF_Page   page,
                  PageStream *out)
{
  HPDF_PageAttr attr = (HPDF_PageAttr) page->attr;
  HPDF_Dict contents = attr != NULL ? attr->contents : NULL;
  HPDF_Stream stream = contents != NULL ? contents->stream : NULL;
  HPDF_UINT length;

  if (stream == NULL || stream->type != HPDF_STREAM_MEMORY
      || contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE || contents->filterParams != NULL
      || contents->write_fn != NULL || contents->before_write_fn != NULL)
    return FALSE;

  length = HPDF_Stream_Size (stream);
  *out = (PageStream) { contents, g_try_malloc (MAX (length, 1)), length, NULL, 0 };
  if (out->raw == NULL)
    return FALSE;
  /* Reading exactly what is there never meets the stream's end. */
  if (HPDF_Stream_Seek (stream, 0, HPDF_SEEK_SET) != HPDF_OK
      || (length > 0 && HPDF_Stream_Read (stream, out->raw, &length) != HPDF_OK)
      || length != out->raw_length)
    {
      g_free (out->raw);
      return FALSE;
    }
  /* Held once: the copy is given back if it cannot be deflated. */
  HPDF_MemStream_FreeData (stream);
  return TRUE;
}

/* Gives libharu the page's stream back: deflated (libharu then writes it
 * as it is, with the filter line), or as it was (libharu deflates it). A
 * failed write is libharu's error, which the save reports. */
static void
give_page_stream (PageStream *stream)
{
  HPDF_Stream target = stream->contents->stream;

  if (stream->deflated == NULL)
    {
      if (stream->raw_length > 0)
        HPDF_Stream_Write (target, stream->raw, stream->raw_length);
      g_free (stream->raw);
      return;
    }

  if (stream->deflated_length > 0)
    HPDF_Stream_Write (target, stream->deflated, stream->deflated_length);
  stream->contents->filter = HPDF_STREAM_FILTER_NONE;
  stream->contents->write_fn = write_flate_filter;
  g_free (stream->deflated);
}

guint
_rec_pdf_deflate_pages (GPtrArray *pages)
{
  g_autofree PageStream *streams = g_new0 (PageStream, MAX (pages->len, 1));
  DeflateJob job = { streams, 0, 0 };
  GThread *helper = NULL;
  guint deflated = 0;

  for (guint i = 0; i < pages->len; i++)
    if (take_page_stream (g_ptr_array_index (pages, i), &streams[job.n_streams]))
      job.n_streams++;

  if (job.n_streams >= HELPER_MIN_PAGES && g_get_num_processors () > 1)
    helper = g_thread_try_new ("rec-pdf-deflate", deflate_streams, &job, NULL);
  deflate_streams (&job);
  if (helper != NULL)
    g_thread_join (helper);

  for (guint i = 0; i < job.n_streams; i++)
    {
      deflated += streams[i].deflated != NULL;
      give_page_stream (&streams[i]);
    }
  return deflated;
}

#else

guint
_rec_pdf_deflate_pages (GPtrArray *pages)
{
  (void) pages;
  return 0;
}

#endif

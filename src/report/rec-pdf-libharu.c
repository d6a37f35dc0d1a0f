/* rec-pdf-libharu.c — libharu's slow paths, done through its records
 *
 * 1. Text placed without libharu's memset: HPDF_Page_TextOut moves to the
 * point through HPDF_Page_MoveTextPos, which clears a 512-byte buffer a byte
 * at a time for the dozen bytes of its "x y Td" line (350 M instructions on
 * the large packet's 170 000 runs of text). _rec_pdf_libharu_text_out
 * writes the same line, formatted by libharu's own HPDF_FToA, moves the
 * text matrix as libharu does, and leaves the text to HPDF_Page_ShowText.
 * It does so only while the text matrix has no scale, rotation nor skew (as
 * after HPDF_Page_BeginText, all the packet uses): libharu's general
 * formula then gives, in the same float arithmetic, x - x0 and y - y0.
 *
 * 2. The pages' content streams deflated on two cores. libharu deflates
 * every stream one after the other as it saves: on the
 * large demo case's packet (915 pages) that is 1.25 G instructions, a
 * quarter of the main thread's work. Here the pages' content streams are
 * deflated before libharu saves, by the calling thread and one more, with
 * libharu's own zlib settings (deflateInit at Z_DEFAULT_COMPRESSION: zlib
 * format, default window and memory level), and given back to libharu
 * already deflated with the "/Filter [ /FlateDecode ]" line libharu writes
 * itself: the saved document is the same, byte for byte (test-pdf-libharu
 * compares the two). Only the pages' content streams are taken; fonts,
 * images and attached files stay libharu's.
 *
 * This is the one file that reaches into libharu's records, those of
 * libharu 2.3.0 (Debian 12's libhpdf-dev, PLATFORM.md), installed as
 * hpdf_pages.h, hpdf_objects.h, hpdf_streams.h and hpdf_utils.h:
 *   HPDF_Page (HPDF_Dict_Rec) .attr → HPDF_PageAttr_Rec .contents, .stream,
 *     .gmode, .text_matrix, .text_pos;
 *   HPDF_Dict_Rec .stream, .filter, .filterParams, .before_write_fn, .write_fn;
 *   HPDF_Stream_Rec .type (HPDF_STREAM_MEMORY); HPDF_FToA.
 * meson compiles a snippet touching exactly these (REC_PDF_LIBHARU_RECORDS);
 * without it, or with REC_PDF_LIBHARU=plain in the environment, nothing here
 * runs and libharu's own functions do it all. test-pdf-libharu compares the
 * documents made both ways, byte for byte.
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
#include "rec-pdf-libharu.h"

#ifdef REC_PDF_LIBHARU_RECORDS
#include <hpdf_pages.h>
#include <hpdf_utils.h>
#include <zlib.h>
#endif
#include <string.h>

/* Fewer pages than this are deflated by the calling thread alone. */
#define HELPER_MIN_PAGES 16

/* -1: as the environment says; 0: libharu's own functions; 1: the records. */
static gint forced = -1;

void
_rec_pdf_libharu_force (gint records)
{
  g_atomic_int_set (&forced, records < 0 ? -1 : records > 0);
}

gboolean
_rec_pdf_libharu_records (void)
{
#ifdef REC_PDF_LIBHARU_RECORDS
  static gsize from_environment;
  gint force = g_atomic_int_get (&forced);

  if (force >= 0)
    return force;
  if (g_once_init_enter (&from_environment))
    g_once_init_leave (&from_environment,
                       g_strcmp0 (g_getenv ("REC_PDF_LIBHARU"), "plain") != 0 ? 2 : 1);
  return from_environment == 2;
#else
  return FALSE;
#endif
}

#ifdef REC_PDF_LIBHARU_RECORDS

HPDF_STATUS
_rec_pdf_libharu_text_out (HPDF_Page   page,
                           HPDF_REAL   x,
                           HPDF_REAL   y,
                           const char *text)
{
  HPDF_PageAttr attr;
  HPDF_STATUS status = HPDF_Page_CheckState (page, HPDF_GMODE_TEXT_OBJECT);
  char line[2 * 32 + sizeof " Td\012"];
  char *end;
  HPDF_REAL dx;
  HPDF_REAL dy;

  if (status != HPDF_OK)
    return status;
  attr = (HPDF_PageAttr) page->attr;
  if (attr->text_matrix.a != 1 || attr->text_matrix.b != 0 || attr->text_matrix.c != 0
      || attr->text_matrix.d != 1)
    return HPDF_Page_TextOut (page, x, y, text);

  dx = x - attr->text_matrix.x;
  dy = y - attr->text_matrix.y;
  end = HPDF_FToA (line, dx, line + 31);
  *end++ = ' ';
  end = HPDF_FToA (end, dy, end + 31);
  memcpy (end, " Td\012", sizeof " Td\012");
  if (HPDF_Stream_WriteStr (attr->stream, line) != HPDF_OK)
    return HPDF_CheckError (page->error);
  attr->text_matrix.x += dx;
  attr->text_matrix.y += dy;
  attr->text_pos.x = attr->text_matrix.x;
  attr->text_pos.y = attr->text_matrix.y;

  return HPDF_Page_ShowText (page, text);
}

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
_rec_pdf_libharu_deflate_pages (GPtrArray *pages)
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

HPDF_STATUS
_rec_pdf_libharu_text_out (HPDF_Page   page,
                           HPDF_REAL   x,
                           HPDF_REAL   y,
                           const char *text)
{
  return HPDF_Page_TextOut (page, x, y, text);
}

guint
_rec_pdf_libharu_deflate_pages (GPtrArray *pages)
{
  (void) pages;
  return 0;
}

#endif

/* rec-pdf-exhibit.c — what exhibits need of libharu: images, bookmarks and
 * embedded files
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-pdf-private.h"

#include "rec-report-error.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_namedict.h>
#include <string.h>

/* A bookmark's title or a file's description is one PDF string. */
#define TEXT_MAX_CHARS 500

/* libharu reports bytes it cannot take (a JPEG it cannot parse) as an error
 * of the whole document; an exhibit that cannot be shown is not one: forget
 * the error (callers check that the document had none before). */
static void
forget_error (RecPdf *pdf)
{
  if (pdf->too_many_pages)
    return;

  pdf->error_no = 0;
  pdf->detail_no = 0;
  HPDF_ResetError (pdf->doc);
}

/* A text string of the PDF for any UTF-8: UTF-16BE with its byte order
 * mark, as a hex string (libharu's own strings stop at the first zero byte,
 * and its UTF-8 encoder does not reach bookmarks). */
static HPDF_Binary
text_string (RecPdf     *pdf,
             HPDF_MMgr   mmgr,
             const char *text)
{
  g_autofree char *clean = _rec_pdf_clean_text (text);
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree guint8 *bytes = NULL;
  glong n = 0;

  if (g_utf8_strlen (clean, -1) > TEXT_MAX_CHARS)
    *g_utf8_offset_to_pointer (clean, TEXT_MAX_CHARS) = '\0';
  for (char *p = clean; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  utf16 = g_utf8_to_utf16 (clean, -1, NULL, &n, NULL);
  if (utf16 == NULL)
    n = 0;

  bytes = g_malloc (2 + 2 * (gsize) n);
  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n; i++)
    {
      bytes[2 + 2 * i] = utf16[i] >> 8;
      bytes[3 + 2 * i] = utf16[i] & 0xFF;
    }

  return HPDF_Binary_New (mmgr, bytes, 2 + 2 * (HPDF_UINT) n);
}

void
rec_pdf_outline_add (RecPdf     *pdf,
                     const char *title)
{
  HPDF_Outline outline;
  HPDF_Destination destination;

  if (pdf->page == NULL || rec_pdf_has_failed (pdf))
    return;

  if (pdf->n_outlines++ == 0)
    HPDF_SetPageMode (pdf->doc, HPDF_PAGE_MODE_USE_OUTLINE);
  outline = HPDF_CreateOutline (pdf->doc, NULL, "", NULL);
  destination = outline != NULL ? HPDF_Page_CreateDestination (pdf->page) : NULL;
  if (destination == NULL)
    return;
  HPDF_Dict_Add (outline, "Title", text_string (pdf, outline->mmgr, title));
  HPDF_Destination_SetFitH (destination, pdf->page_height);
  HPDF_Outline_SetDestination (outline, destination);
}

/* Images */

typedef HPDF_Image (*LoadFunc) (HPDF_Doc         doc,
                                const HPDF_BYTE *data,
                                HPDF_UINT        size);

static RecPdfImage *
load_image (RecPdf       *pdf,
            LoadFunc      load,
            const guint8 *data,
            gsize         size)
{
  HPDF_Image image;

  if (rec_pdf_has_failed (pdf) || size > G_MAXUINT32)
    return NULL;

  image = load (pdf->doc, data, (HPDF_UINT) size);
  if (image == NULL)
    forget_error (pdf);
  return (RecPdfImage *) image;
}

RecPdfImage *
rec_pdf_image_new_jpeg (RecPdf       *pdf,
                        const guint8 *data,
                        gsize         size)
{
  return load_image (pdf, HPDF_LoadJpegImageFromMem, data, size);
}

RecPdfImage *
rec_pdf_image_new_png (RecPdf       *pdf,
                       const guint8 *data,
                       gsize         size)
{
  return load_image (pdf, HPDF_LoadPngImageFromMem, data, size);
}

RecPdfImage *
rec_pdf_image_new_rgb (RecPdf       *pdf,
                       const guint8 *pixels,
                       guint         width,
                       guint         height)
{
  HPDF_Image image;

  if (rec_pdf_has_failed (pdf) || width == 0 || height == 0)
    return NULL;

  image = HPDF_LoadRawImageFromMem (pdf->doc, pixels, width, height, HPDF_CS_DEVICE_RGB, 8);
  if (image == NULL)
    forget_error (pdf);
  return (RecPdfImage *) image;
}

void
rec_pdf_image_draw (RecPdf      *pdf,
                    RecPdfImage *image,
                    double       max_scale,
                    gboolean     framed)
{
  HPDF_Image hpdf_image = (HPDF_Image) image;
  double width = rec_pdf_get_width (pdf);
  double space;
  double pixels_wide, pixels_high;
  double scale, drawn_width, drawn_height, x;

  if (image == NULL || rec_pdf_has_failed (pdf))
    return;
  if (pdf->page == NULL)
    rec_pdf_new_page (pdf);
  space = rec_pdf_get_space (pdf);
  pixels_wide = HPDF_Image_GetWidth (hpdf_image);
  pixels_high = HPDF_Image_GetHeight (hpdf_image);
  if (pdf->page == NULL || pixels_wide <= 0 || pixels_high <= 0)
    return;

  scale = MIN (width / pixels_wide, space / pixels_high);
  if (max_scale > 0.0)
    scale = MIN (scale, max_scale);
  drawn_width = pixels_wide * scale;
  drawn_height = pixels_high * scale;
  x = pdf->left + (width - drawn_width) / 2.0;
  HPDF_Page_DrawImage (pdf->page, hpdf_image, x, pdf->y - drawn_height, drawn_width, drawn_height);
  if (framed)
    {
      HPDF_Page_SetGrayStroke (pdf->page, 0.6);
      HPDF_Page_SetLineWidth (pdf->page, 0.5);
      HPDF_Page_Rectangle (pdf->page, x, pdf->y - drawn_height, drawn_width, drawn_height);
      HPDF_Page_Stroke (pdf->page);
      HPDF_Page_SetGrayStroke (pdf->page, 0.0);
    }
  pdf->y -= drawn_height;
}

/* Embedded files */

/* A file name for readers that know no Unicode names: ASCII, without
 * folders ("/F"; "/UF" holds the name itself). */
static char *
ascii_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name != NULL && *name != '\0' ? name : "file");
  GString *out = g_string_new (NULL);

  for (const char *p = base; *p != '\0'; p++)
    {
      guchar c = *p;

      g_string_append_c (out, c >= 0x20 && c < 0x7F && c != '\\' ? c : '_');
    }

  return g_string_free (out, FALSE);
}

/* The document's list of embedded files, keyed in the order they were
 * attached ("0001 check-1043.jpg"): libharu keys each by the path it read,
 * which would put a temporary folder's name in the packet. */
static void
rekey_embedded_files (RecPdf *pdf)
{
  HPDF_NameDict names = HPDF_Catalog_GetNames (pdf->doc->catalog);
  HPDF_NameTree tree = names != NULL ? HPDF_NameDict_GetNameTree (names, HPDF_NAME_EMBEDDED_FILES) : NULL;
  HPDF_Array items = tree != NULL ? HPDF_Dict_GetItem (tree, "Names", HPDF_OCLASS_ARRAY) : NULL;

  if (items == NULL)
    return;

  HPDF_Array_Clear (items);
  for (guint i = 0; i < pdf->attached->len; i++)
    {
      HPDF_EmbeddedFile file = g_ptr_array_index (pdf->attached, i);
      HPDF_String old_name = HPDF_Dict_GetItem (file, "F", HPDF_OCLASS_STRING);
      g_autofree char *key = g_strdup_printf ("%04u %.*s", i + 1, old_name != NULL ? (int) old_name->len : 0,
                                              old_name != NULL ? (const char *) old_name->value : "");

      HPDF_Array_Add (items, HPDF_String_New (items->mmgr, key, NULL));
      HPDF_Array_Add (items, file);
    }
}

gboolean
rec_pdf_attach (RecPdf      *pdf,
                const char  *name,
                GBytes      *data,
                const char  *description,
                gboolean     compress,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plain_name = ascii_name (name);
  HPDF_EmbeddedFile file;
  HPDF_Dict streams;
  HPDF_Dict stream;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (rec_pdf_has_failed (pdf))
    return TRUE;            /* rec_pdf_save() says why */

  if (pdf->attach_dir == NULL)
    {
      pdf->attach_dir = g_dir_make_tmp ("recourse-exhibits-XXXXXX", &local_error);
      if (pdf->attach_dir == NULL)
        {
          g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE,
                       /* Translators: %s is the system's reason */
                       _("The packet could not be made: no folder for the exhibits' files (%s)"),
                       local_error->message);
          return FALSE;
        }
    }
  if (pdf->attached == NULL)
    pdf->attached = g_ptr_array_new ();

  path = g_strdup_printf ("%s/%04u", pdf->attach_dir, pdf->attached->len + 1);
  if (!g_file_set_contents_full (path, bytes, size, G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
    {
      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_WRITE,
                   /* Translators: %s is the system's reason */
                   _("The packet could not be made: no folder for the exhibits' files (%s)"),
                   local_error->message);
      return FALSE;
    }

  file = HPDF_AttachFile (pdf->doc, path);
  if (file == NULL)
    return TRUE;

  HPDF_Dict_Add (file, "F", HPDF_String_New (file->mmgr, plain_name, NULL));
  HPDF_Dict_Add (file, "UF", text_string (pdf, file->mmgr, name));
  if (description != NULL && *description != '\0')
    HPDF_Dict_Add (file, "Desc", text_string (pdf, file->mmgr, description));
  streams = HPDF_Dict_GetItem (file, "EF", HPDF_OCLASS_DICT);
  stream = streams != NULL ? HPDF_Dict_GetItem (streams, "F", HPDF_OCLASS_DICT) : NULL;
  if (stream != NULL && !compress)
    stream->filter = HPDF_STREAM_FILTER_NONE;

  g_ptr_array_add (pdf->attached, file);
  rekey_embedded_files (pdf);
  return TRUE;
}

void
_rec_pdf_remove_attachments (RecPdf *pdf)
{
  if (pdf->attach_dir == NULL)
    return;

  /* One more: a file libharu refused was written all the same. */
  for (guint i = 0; i <= (pdf->attached != NULL ? pdf->attached->len : 0); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%04u", pdf->attach_dir, i + 1);

      g_unlink (path);
    }
  g_rmdir (pdf->attach_dir);
  g_clear_pointer (&pdf->attach_dir, g_free);
}

/* rec-attachment.c — documents kept in the case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-attachment.h"

#include "rec-date.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_FINAL_TYPE (RecAttachment, rec_attachment, REC_TYPE_ENTITY)

static RecEntity *
rec_attachment_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_attachment_copy (REC_ATTACHMENT ((RecEntity *) self)));
}

static void
rec_attachment_finalize (GObject *object)
{
  RecAttachment *self = REC_ATTACHMENT (object);

  g_free (self->name);
  g_free (self->media_type);
  g_free (self->added_at);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_ptr_array_unref (self->links);

  G_OBJECT_CLASS (rec_attachment_parent_class)->finalize (object);
}

static void
rec_attachment_class_init (RecAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_attachment_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_attachment_entity_copy;
}

static void
unref_link (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static void
rec_attachment_init (RecAttachment *self)
{
  self->name = g_strdup ("");
  self->media_type = g_strdup ("application/octet-stream");
  self->added_at = g_strdup ("");
  self->links = g_ptr_array_new_with_free_func (unref_link);
}

RecAttachment *
rec_attachment_new (void)
{
  return g_object_new (REC_TYPE_ATTACHMENT, NULL);
}

void
rec_sha256_digest_hex (const guint8 digest[32],
                       char         out[65])
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < 32; i++)
    {
      out[2 * i] = digits[digest[i] >> 4];
      out[2 * i + 1] = digits[digest[i] & 0xf];
    }
  out[64] = '\0';
}

void
rec_sha256_hex (const guint8 *data,
                gsize         size,
                char          out[65])
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_init (&context);
  sha256_update (&context, size, data);
  sha256_digest (&context, sizeof digest, digest);
  rec_sha256_digest_hex (digest, out);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            gsize         offset,
            const char   *magic,
            gsize         magic_len)
{
  return size >= offset + magic_len && memcmp (data + offset, magic, magic_len) == 0;
}

#define HAS(offset, magic) has_prefix (data, size, offset, magic, sizeof magic - 1)

/* A header line of an e-mail message ("From: …", "Received: …"). */
static gboolean
looks_like_mail (const char *text,
                 gsize       size)
{
  static const char *const fields[] = {
    "From:", "Received:", "Return-Path:", "Delivered-To:", "Message-ID:",
    "MIME-Version:", "Date:", "Subject:", "To:", "X-",
  };
  gsize line_end = 0;

  while (line_end < size && text[line_end] != '\n')
    line_end++;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len = strlen (fields[i]);

      if (line_end >= len && g_ascii_strncasecmp (text, fields[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
rec_media_type_sniff (const guint8 *data,
                      gsize         size,
                      const char   *name)
{
  gsize probe = MIN (size, 4096);

  if (HAS (0, "\xff\xd8\xff"))
    return "image/jpeg";
  if (HAS (0, "\x89PNG\r\n\x1a\n"))
    return "image/png";
  if (HAS (0, "GIF87a") || HAS (0, "GIF89a"))
    return "image/gif";
  if (HAS (0, "RIFF") && HAS (8, "WEBP"))
    return "image/webp";
  if (HAS (4, "ftypheic") || HAS (4, "ftypheix") || HAS (4, "ftypmif1") || HAS (4, "ftyphevc"))
    return "image/heic";
  if (HAS (0, "II*\0") || HAS (0, "MM\0*"))
    return "image/tiff";
  if (HAS (0, "%PDF-"))
    return "application/pdf";

  /* Text: valid UTF-8 without NUL bytes in the first 4 KiB (a multi-byte
   * character cut at the probe's end is still text). */
  if (memchr (data, '\0', probe) == NULL)
    {
      const char *end = NULL;
      const char *text = (const char *) data;

      if (g_utf8_validate ((const char *) data, probe, &end)
          || (probe == 4096 && end != NULL && (gsize) (end - text) + 4 > probe))
        {
          const char *start = text;
          gsize rest = probe;

          if (HAS (0, "\xef\xbb\xbf"))
            start += 3, rest -= 3;
          if (rest >= 5 && strncmp (start, "<?xml", 5) == 0)
            return "application/xml";
          if (looks_like_mail (start, rest))
            return "message/rfc822";
          if (name != NULL && g_str_has_suffix (name, ".csv"))
            return "text/csv";
          if (name != NULL && (g_str_has_suffix (name, ".eml") || g_str_has_suffix (name, ".mbox")))
            return "message/rfc822";
          return "text/plain";
        }
    }

  return "application/octet-stream";
}

#undef HAS

RecAttachment *
rec_attachment_new_from_bytes (const char  *name,
                               GBytes      *data,
                               GError     **error)
{
  g_autoptr(RecAttachment) self = NULL;
  gsize size = 0;
  const guint8 *bytes;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size == 0)
    {
      /* Translators: %s is a file's name */
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is empty: nothing was added"), name);
      return NULL;
    }
  if ((guint64) size > (guint64) REC_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *has = g_format_size ((guint64) size);

      /* Translators: %s is a file's name, then its size ("80.2 MB") */
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is %s, more than the 64 MiB a document may have: nothing was added"),
                   name, has);
      return NULL;
    }

  self = rec_attachment_new ();
  rec_sha256_hex (bytes, size, self->sha256);
  rec_set_str (&self->name, name);
  rec_set_str (&self->media_type, rec_media_type_sniff (bytes, size, name));
  self->size = (gint64) size;
  g_free (self->added_at);
  self->added_at = rec_timestamp_now_utc ();
  self->data = g_bytes_ref (data);
  return g_steal_pointer (&self);
}

RecAttachment *
rec_attachment_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  display = g_filename_display_name (name);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      /* Translators: %s is a file's name, then why it cannot be read */
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” cannot be read: %s; nothing was added"), display, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      close (fd);
      /* Translators: %s is a folder's name */
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is a folder, not a document: nothing was added"), display);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      /* Translators: %s is a file's name (a device or a pipe, not a file) */
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is not a regular file: nothing was added"), display);
      return NULL;
    }
  if (st.st_size == 0)
    {
      close (fd);
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is empty: nothing was added"), display);
      return NULL;
    }
  if ((guint64) st.st_size > (guint64) REC_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *has = g_format_size ((guint64) st.st_size);

      close (fd);
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” is %s, more than the 64 MiB a document may have: nothing was added"),
                   display, has);
      return NULL;
    }

  /* Copied, not mapped: the bytes must not change under us if the file does. */
  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   _("“%s” cannot be read: %s; nothing was added"), display, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));

  return rec_attachment_new_from_bytes (display, bytes, error);
}

RecAttachment *
rec_attachment_copy (const RecAttachment *self)
{
  RecAttachment *copy;

  g_return_val_if_fail (REC_IS_ATTACHMENT ((RecAttachment *) self), NULL);

  copy = REC_ATTACHMENT (g_object_new (REC_TYPE_ATTACHMENT, NULL));
  copy->entity.id = self->entity.id;
  copy->entity.position = self->entity.position;
  copy->entity.created_at = g_strdup (self->entity.created_at);
  copy->entity.updated_at = g_strdup (self->entity.updated_at);
  memcpy (copy->sha256, self->sha256, sizeof copy->sha256);
  rec_set_str (&copy->name, self->name);
  rec_set_str (&copy->media_type, self->media_type);
  copy->size = self->size;
  rec_set_str (&copy->added_at, self->added_at);
  copy->data = self->data != NULL ? g_bytes_ref (self->data) : NULL;
  for (guint i = 0; i < self->links->len; i++)
    {
      RecEntity *record = g_ptr_array_index (self->links, i);

      g_ptr_array_add (copy->links, record != NULL ? g_object_ref (record) : NULL);
    }
  return copy;
}

static gboolean
find_link (const RecAttachment *self,
           const RecEntity     *record,
           guint               *out_index)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      if (g_ptr_array_index (self->links, i) == record)
        {
          if (out_index != NULL)
            *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
rec_attachment_add_link (RecAttachment *self,
                         RecEntity     *record)
{
  g_return_if_fail (REC_IS_ATTACHMENT (self));
  g_return_if_fail (record == NULL || REC_IS_ENTITY (record));

  if (!find_link (self, record, NULL))
    g_ptr_array_add (self->links, record != NULL ? g_object_ref (record) : NULL);
}

gboolean
rec_attachment_remove_link (RecAttachment *self,
                            RecEntity     *record)
{
  guint index;

  g_return_val_if_fail (REC_IS_ATTACHMENT (self), FALSE);

  if (!find_link (self, record, &index))
    return FALSE;
  g_ptr_array_remove_index (self->links, index);
  return TRUE;
}

gboolean
rec_attachment_proves (const RecAttachment *self,
                       const RecEntity     *record)
{
  g_return_val_if_fail (REC_IS_ATTACHMENT ((RecAttachment *) self), FALSE);

  if (record == NULL)
    return rec_attachment_is_case_level (self);
  return find_link (self, record, NULL);
}

gboolean
rec_attachment_is_case_level (const RecAttachment *self)
{
  g_return_val_if_fail (REC_IS_ATTACHMENT ((RecAttachment *) self), FALSE);

  return self->links->len == 0 || find_link (self, NULL, NULL);
}

const char *
rec_entity_kind_word (const RecEntity *record)
{
  GType type;

  if (record == NULL)
    return "case";

  type = G_OBJECT_TYPE (record);
  if (type == REC_TYPE_CHILD)
    return "children";
  if (type == REC_TYPE_TERM)
    return "terms";
  if (type == REC_TYPE_INTEREST_OVERRIDE)
    return "interest_overrides";
  if (type == REC_TYPE_CHARGE)
    return "charges";
  if (type == REC_TYPE_PAYMENT)
    return "payments";
  if (type == REC_TYPE_COMMUNICATION)
    return "communications";
  if (type == REC_TYPE_ENFORCEMENT_STEP)
    return "enforcement";
  if (type == REC_TYPE_ATTACHMENT)
    return "attachments";

  g_return_val_if_reached ("case");
}

char *
rec_fingerprint_format (const char *hash)
{
  GString *out;

  if (hash == NULL || strlen (hash) != 64)
    return NULL;
  for (guint i = 0; i < 64; i++)
    {
      if (!g_ascii_isxdigit (hash[i]))
        return NULL;
    }

  out = g_string_sized_new (20);
  for (guint i = 0; i < 16; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, g_ascii_toupper (hash[i]));
    }
  return g_string_free (out, FALSE);
}

/* fuzz-import-sms.c — libFuzzer target: the SMS backup reader (and the
 * message readers' detection above it), base64 and HTML to text
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes, written to a file, read as an SMS backup and as whatever the
 * content says: either one error of the import domain, in valid UTF-8 and
 * naming the file, or a source whose SHA-256 is the bytes' and whose
 * candidates each say where they are ("f.xml:N", N ≥ 1, never going back); a
 * NEW one a communication whose time is RFC 3339 with an offset and the same
 * instant as at_unix, its texts valid UTF-8, its media each with the SHA-256
 * and size of its bytes; a REJECTED one a reason and no record.
 *
 *   tests/fuzz/build.sh && build-fuzz/fuzz/fuzz-import-sms -max_total_time=300 \
 *     tests/fuzz/corpus/import-sms
 */
#include "config.h"

#include "rec-date.h"
#include "rec-import.h"
#include "rec-import-messages-private.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *path;

static void
remove_file (void)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
  g_clear_pointer (&path, g_free);
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("fuzz-import-sms-XXXXXX", NULL);

      g_assert_nonnull (dir);
      path = g_build_filename (dir, "f.xml", NULL);
      atexit (remove_file);
    }
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
}

static void
check_media (RecAttachment *media)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (media->data, &size);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, size);

  g_assert_cmpint (media->size, ==, size);
  g_assert_cmpint (size, >, 0);
  g_assert_cmpstr (media->sha256, ==, sha);
  g_assert_true (g_utf8_validate (media->name, -1, NULL));
}

static void
check_candidate (RecImportCandidate *candidate,
                 gint64             *line)
{
  gint64 at_unix = 0;
  gint64 where_line;
  RecCommunication *message;

  g_assert_true (g_str_has_prefix (candidate->where, "f.xml:"));
  where_line = g_ascii_strtoll (candidate->where + strlen ("f.xml:"), NULL, 10);
  g_assert_cmpint (where_line, >=, MAX (*line, 1));
  *line = where_line;
  if (candidate->status == REC_IMPORT_REJECTED)
    {
      g_assert_null (candidate->record);
      g_assert_true (candidate->reason != NULL && g_utf8_validate (candidate->reason, -1, NULL));
      return;
    }
  g_assert_cmpint (candidate->status, ==, REC_IMPORT_NEW);
  message = REC_COMMUNICATION (candidate->record);
  g_assert_true (rec_timestamp_parse (message->at, &at_unix, NULL));
  g_assert_cmpint (at_unix, ==, message->at_unix);
  g_assert_true (g_utf8_validate (message->summary, -1, NULL));
  g_assert_true (g_utf8_validate (message->with, -1, NULL));
  g_assert_true (g_utf8_validate (message->subject, -1, NULL));
  g_assert_true (g_utf8_validate (candidate->description, -1, NULL));
  g_assert_true (candidate->address != NULL && *candidate->address != '\0');
  for (guint i = 0; i < candidate->media->len; i++)
    check_media (g_ptr_array_index (candidate->media, i));
}

static void
check_read (const char    *format,
            const uint8_t *data,
            size_t         size)
{
  RecImportMessageOptions options = { format, "me@example.org" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecImportSource) source = rec_import_read_messages (path, &options, NULL, NULL,
                                                                NULL, &error);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  gint64 line = 1;

  if (source == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == REC_IMPORT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "f.xml"));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (source->sha256, ==, sha);
  g_assert_cmpint (source->size, ==, size);
  for (guint i = 0; i < source->candidates->len; i++)
    check_candidate (g_ptr_array_index (source->candidates, i), &line);
}

static void
check_helpers (const uint8_t *data,
               size_t         size)
{
  g_autofree guint8 *out = g_malloc (size / 4 * 3 + 3);
  gssize n = _rec_base64_decode ((const char *) data, size, out);
  g_autofree char *html = NULL;

  g_assert_cmpint (n, <=, (gssize) (size / 4 * 3 + 3));
  if (g_utf8_validate ((const char *) data, size, NULL) && memchr (data, 0, size) == NULL)
    {
      html = _rec_html_to_text ((const char *) data, size);
      g_assert_true (g_utf8_validate (html, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  write_input (data, size);
  check_read ("sms", data, size);
  check_read (NULL, data, size);
  check_helpers (data, size);
  return 0;
}

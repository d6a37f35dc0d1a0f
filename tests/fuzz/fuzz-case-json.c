/* fuzz-case-json.c — libFuzzer target: the recourse-case JSON importer
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input is refused with an error, or accepted; an accepted case exports
 * to a document that imports again to the same bytes. Version 2: every
 * accepted attachment holds `size` bytes with its SHA-256, and its links
 * name records of the case (or the case).
 *
 * Inputs may be up to 1 MiB (libFuzzer's default is 4096 bytes), so that
 * nesting deep enough to matter (json-glib's parser overflowed its stack
 * past 60 000 levels) and long texts are reachable; -max_len=N on the
 * command line still wins.
 */
#include "config.h"

#include "rec-attachment.h"
#include "rec-case-json.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The arguments with -max_len added: libFuzzer reads its flags after
 * LLVMFuzzerInitialize returns. Kept for the life of the process. */
static char **fuzz_argv;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static char max_len[] = "-max_len=1048576";

  for (int i = 1; i < *argc; i++)
    if (g_str_has_prefix ((*argv)[i], "-max_len="))
      return 0;

  fuzz_argv = g_new0 (char *, *argc + 2);
  memcpy (fuzz_argv, *argv, sizeof (char *) * (gsize) *argc);
  fuzz_argv[*argc] = max_len;
  *argv = fuzz_argv;
  (*argc)++;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse ((const char *) data, (gssize) size, &error);
  g_autoptr(RecCaseData) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (c == NULL)
    {
      g_assert_nonnull (error);
      /* One line, valid UTF-8, for a terminal. */
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < c->attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (c->attachments, i);
      char sha256[65];
      gsize length = 0;
      const guint8 *bytes = g_bytes_get_data (attachment->data, &length);

      g_assert_cmpint ((gint64) length, ==, attachment->size);
      rec_sha256_hex (bytes, length, sha256);
      g_assert_cmpstr (sha256, ==, attachment->sha256);
      for (guint l = 0; l < attachment->links->len; l++)
        {
          RecEntity *record = g_ptr_array_index (attachment->links, l);

          g_assert_true (record == NULL
                         || g_ptr_array_find (c->payments, record, NULL)
                         || g_ptr_array_find (c->charges, record, NULL)
                         || g_ptr_array_find (c->terms, record, NULL)
                         || g_ptr_array_find (c->children, record, NULL)
                         || g_ptr_array_find (c->communications, record, NULL)
                         || g_ptr_array_find (c->enforcement, record, NULL));
        }
    }

  /* Every accepted text is UTF-8 without a NUL: it exports, and the checked
   * export succeeds. */
  first = rec_case_json_export (c, &error);
  g_assert_no_error (error);
  again = rec_case_json_parse (first, -1, &error);
  g_assert_no_error (error);
  second = rec_case_json_to_string (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}

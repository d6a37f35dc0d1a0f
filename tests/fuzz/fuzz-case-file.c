/* fuzz-case-file.c — libFuzzer target: mutated case files (SQLite images)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes written as a case file either are refused by rec_store_open with
 * an error (never a crash, a hang or a file grown without bound), or open,
 * load, verify and take one edit. The reading open must leave the bytes as
 * they were unless a hot journal was rolled back (no journal here).
 *
 *   tests/fuzz/build.sh && build-fuzz/fuzz/fuzz-case-file -max_total_time=60 \
 *     tests/fuzz/corpus/case-file
 */
#include "config.h"

#include "rec-store.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;

static void
try_case (const char    *path,
          const uint8_t *data,
          size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autofree char *after = NULL;
  gsize after_size = 0;

  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));

  store = rec_store_open (path, TRUE, &error);
  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_true (after_size == size && memcmp (after, data, size) == 0);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  {
    g_autoptr(RecCaseData) c = rec_store_load_case (store, NULL);
    g_autoptr(GString) report = g_string_new (NULL);

    (void) c;
    (void) rec_store_verify (store, report, NULL);
  }
  g_clear_object (&store);

  store = rec_store_open (path, FALSE, NULL);
  if (store != NULL)
    {
      g_autoptr(RecPayment) payment = rec_payment_new ();

      g_date_set_dmy (&payment->date, 1, 2, 2024);
      payment->amount_cents = 12345;
      (void) rec_store_add_payment (store, payment, NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("fuzz-case-file-XXXXXX", NULL);
  g_assert_nonnull (dir);

  path = g_build_filename (dir, "case.recourse", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  try_case (path, data, size);
  g_unlink (path);
  g_unlink (journal);
  return 0;
}

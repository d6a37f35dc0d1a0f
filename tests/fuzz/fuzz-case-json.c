/* fuzz-case-json.c — libFuzzer target: the recourse-case JSON importer
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input is refused with an error, or accepted; an accepted case exports
 * to a document that imports again to the same bytes.
 */
#include "config.h"

#include "rec-case-json.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

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
      return 0;
    }

  first = rec_case_json_to_string (c);
  again = rec_case_json_parse (first, -1, &error);
  g_assert_no_error (error);
  second = rec_case_json_to_string (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}

/* fuzz-date.c — libFuzzer target: ISO dates and RFC 3339 timestamps
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date that parses is a valid calendar day whose ISO text is the input.
 */
#include "config.h"

#include "rec-date.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;
  GDate date;

  if (rec_date_parse (text, &date, &error))
    {
      g_autofree char *iso = rec_date_to_iso (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_cmpstr (iso, ==, text);
    }
  else
    g_assert_nonnull (error);

  g_clear_error (&error);
  if (!rec_timestamp_parse (text, &instant, &error))
    g_assert_nonnull (error);

  return 0;
}

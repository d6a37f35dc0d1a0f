/* fuzz-amount.c — libFuzzer target: amounts and rates (rec_cents_parse, rec_rate_parse)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either fails with an error, or gives a value in range whose
 * canonical text parses back to the same value.
 */
#include "config.h"

#include "rec-money.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  RecCents cents = 0;
  int rate = 0;

  for (int allow_negative = 0; allow_negative <= 1; allow_negative++)
    {
      if (rec_cents_parse (text, allow_negative, &cents, &error))
        {
          g_autofree char *canonical = rec_cents_to_string (cents);
          RecCents again = 0;

          g_assert_true (cents <= REC_CENTS_MAX && cents >= -REC_CENTS_MAX);
          g_assert_true (allow_negative || cents >= 0);
          g_assert_true (rec_cents_parse (canonical, TRUE, &again, NULL));
          g_assert_true (again == cents);
          g_free (rec_cents_format (cents, "USD"));
        }
      else
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
    }

  if (rec_rate_parse (text, &rate, NULL))
    {
      g_autofree char *canonical = rec_rate_to_string (rate);
      int again = -1;

      g_assert_true (rate >= 0 && rate <= 10000);
      g_assert_true (rec_rate_parse (canonical, &again, NULL) && again == rate);
    }

  return 0;
}

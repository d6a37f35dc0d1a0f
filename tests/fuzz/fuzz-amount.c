/* fuzz-amount.c — libFuzzer target: amounts and rates (rec_cents_parse,
 * rec_cents_parse_display, rec_rate_parse)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any text either fails with an error, or gives a value in range whose
 * canonical text parses back to the same value. The display form is read in
 * English, Spanish and Vietnamese conventions (the first byte chooses): what
 * it accepts is in range, and the amount shown for it reads back unchanged
 * with no note; what it refuses leaves the outputs alone.
 */
#include "config.h"

#include "rec-money.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_display (const char *text)
{
  for (int allow_negative = 0; allow_negative <= 1; allow_negative++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      RecCents cents = 7;

      if (rec_cents_parse_display (text, "USD", allow_negative, &cents, &note, &error))
        {
          g_autofree char *shown = rec_cents_format (cents, "USD");
          g_autofree char *again_note = NULL;
          RecCents again = 0;

          g_assert_null (error);
          g_assert_true (cents <= REC_CENTS_MAX && cents >= -REC_CENTS_MAX);
          g_assert_true (allow_negative || cents >= 0);
          g_assert_true (note == NULL || note[0] != '\0');
          g_assert_true (rec_cents_parse_display (shown, "USD", TRUE, &again, &again_note, NULL));
          g_assert_true (again == cents);
          g_assert_null (again_note);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_null (strchr (error->message, '\n'));
          g_assert_true (cents == 7);
          g_assert_null (note);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *locales[] = { "C.UTF-8", "en_US.UTF-8", "es_ES.UTF-8", "vi_VN.UTF-8" };
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

  setlocale (LC_ALL, locales[size > 0 ? data[0] % G_N_ELEMENTS (locales) : 0]);
  check_display (text);
  setlocale (LC_ALL, "C.UTF-8");

  if (rec_rate_parse (text, &rate, NULL))
    {
      g_autofree char *canonical = rec_rate_to_string (rate);
      int again = -1;

      g_assert_true (rate >= 0 && rate <= 10000);
      g_assert_true (rec_rate_parse (canonical, &again, NULL) && again == rate);
    }

  return 0;
}

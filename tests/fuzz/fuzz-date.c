/* fuzz-date.c — libFuzzer target: dates, times of day and RFC 3339 timestamps
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict date that parses is a valid calendar day whose ISO text is the
 * input. A date in the display form (month first and day first) that parses
 * is a valid day that reads back from its own display form; a time of day is
 * in range; a timestamp is shown for people exactly when it parses, and its
 * local date and time make the same instant again.
 */
#include "config.h"

#include "rec-date-private.h"
#include "rec-date.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_display (const char *text,
               const char *format)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (rec_date_parse_with_format (text, format, &date, &error))
    {
      char shown[64];
      GDate again;

      g_assert_true (g_date_valid (&date));
      g_assert_true (g_date_strftime (shown, sizeof shown, format, &date) > 0);
      /* %Y writes the year 227 with three digits, which is then refused. */
      if (g_date_get_year (&date) >= 1000)
        {
          g_assert_true (rec_date_parse_with_format (shown, format, &again, NULL));
          g_assert_true (g_date_compare (&date, &again) == 0);
        }
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_null (strchr (error->message, '\n'));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;
  int hour = -1, minute = -1, second = -1;
  GDate date;

  if (rec_date_parse (text, &date, &error))
    {
      g_autofree char *iso = rec_date_to_iso (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_cmpstr (iso, ==, text);
    }
  else
    g_assert_nonnull (error);

  check_display (text, "%m/%d/%Y");
  check_display (text, "%d/%m/%Y");
  check_display (text, "%d.%m.%Y");

  g_clear_error (&error);
  if (rec_time_parse_display (text, &hour, &minute, &error))
    g_assert_true (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59);
  else
    g_assert_nonnull (error);

  g_clear_error (&error);
  shown = rec_timestamp_format (text);
  if (!rec_timestamp_parse (text, &instant, &error))
    {
      g_assert_nonnull (error);
      g_assert_null (shown);
    }
  else
    {
      if (rec_timestamp_to_local (text, &date, &hour, &minute, &second))
        {
          g_autofree char *again = rec_timestamp_new_local (&date, hour, minute, second, NULL);
          gint64 back = 0;

          /* A local time reads back to the same instant, but for the hour
           * autumn repeats (its standard reading is taken), and before time
           * zones (local mean time has offsets in seconds RFC 3339 cannot
           * write). */
          g_assert_nonnull (shown);
          if (again != NULL && g_date_get_year (&date) >= 1900
              && rec_timestamp_parse (again, &back, NULL))
            g_assert_true (back == instant || back - instant == 3600);
        }
    }

  return 0;
}

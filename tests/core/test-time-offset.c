/* test-time-offset.c — when a recorded time's offset is shown (issue 10, point 4);
 * the date, time and amount fields' refusals quoted with “…”
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-date.h"
#include "rec-money.h"
#include "rec-time-offset.h"

#include <glib.h>
#include <locale.h>
#include <string.h>
#include <time.h>

static void
use_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  tzset ();
}

/* America/Los_Angeles: -08:00 in winter, -07:00 in summer. Only the offset
 * the zone has on the entry's own date counts as local. */
static void
test_los_angeles (void)
{
  static const struct { const char *at; gboolean local; } rows[] = {
    /* Winter (PST, -08:00). */
    { "2026-01-15T10:00:00-08:00", TRUE },
    { "2026-01-15T10:00:00-07:00", FALSE },  /* summer's offset in winter */
    { "2026-01-15T10:00:00-05:00", FALSE },
    { "2026-01-15T18:00:00+00:00", FALSE },
    { "2026-01-15T18:00:00Z", FALSE },
    /* Summer (PDT, -07:00). */
    { "2026-07-01T10:00:00-08:00", FALSE },  /* winter's offset in summer */
    { "2026-07-01T10:00:00-07:00", TRUE },
    { "2026-07-01T13:00:00-05:00", FALSE },
    { "2026-07-01T17:00:00+00:00", FALSE },
    /* Around the changes of 2026 (8 March, 1 November). */
    { "2026-03-07T12:00:00-08:00", TRUE },
    { "2026-03-09T12:00:00-07:00", TRUE },
    { "2026-03-09T12:00:00-08:00", FALSE },
    { "2026-11-01T01:30:00-07:00", TRUE },   /* the first 01:30 */
    { "2026-11-01T01:30:00-08:00", TRUE },   /* the second one */
    { "2026-11-02T09:00:00-07:00", FALSE },
    /* An older year, four digits. */
    { "1999-07-04T09:00:00-07:00", TRUE },
  };

  use_zone ("America/Los_Angeles");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("%s", rows[i].at);
      g_assert_cmpint (rec_timestamp_offset_is_local (rows[i].at), ==, rows[i].local);
    }
  use_zone ("UTC");
}

/* In UTC, only +00:00 / Z is local. */
static void
test_utc (void)
{
  use_zone ("UTC");
  g_assert_true (rec_timestamp_offset_is_local ("2026-07-01T17:00:00Z"));
  g_assert_true (rec_timestamp_offset_is_local ("2026-07-01T17:00:00+00:00"));
  g_assert_false (rec_timestamp_offset_is_local ("2026-07-01T10:00:00-07:00"));
}

/* Not a recorded time: never "local" (callers show the text as it is). */
static void
test_refused (void)
{
  use_zone ("America/Los_Angeles");
  g_assert_false (rec_timestamp_offset_is_local (NULL));
  g_assert_false (rec_timestamp_offset_is_local (""));
  g_assert_false (rec_timestamp_offset_is_local ("2026-07-01T10:00:00"));
  g_assert_false (rec_timestamp_offset_is_local ("yesterday"));
  use_zone ("UTC");
}

/* The shown text follows the same rule: no offset exactly when local. */
static void
test_format_agrees (void)
{
  static const char *times[] = {
    "2026-01-15T10:00:00-08:00", "2026-01-15T10:00:00-07:00", "2026-07-01T10:00:00-07:00",
    "2026-07-01T10:00:00-08:00", "2026-07-01T13:00:00-05:00", "2026-07-01T17:00:00Z",
  };

  use_zone ("America/Los_Angeles");
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *shown = rec_timestamp_format (times[i]);

      g_assert_nonnull (shown);
      g_assert_cmpint (strstr (shown, "UTC") == NULL, ==,
                       rec_timestamp_offset_is_local (times[i]));
    }
  use_zone ("UTC");
}

/* The date and time fields' refusals quote what was typed with “…”, as
 * GNOME writes (not straight quotes). */
static void
test_refusal_quotes (void)
{
  static const char *dates[] = { "15/12/2026", "12/15/26", "2/30/2026", "12/0/2026", "soon" };
  g_autoptr(GError) time_error = NULL;
  int hour, minute;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *opening = g_strdup_printf ("“%s”", dates[i]);
      GDate date;

      g_assert_false (rec_date_parse_display (dates[i], &date, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, opening));
      g_assert_null (strchr (error->message, '"'));
    }
  g_assert_false (rec_time_parse_display ("25:99", &hour, &minute, &time_error));
  g_assert_true (g_str_has_prefix (time_error->message, "“25:99”"));
}

/* The amount field's refusals too. */
static void
test_amount_refusal_quotes (void)
{
  static const char *amounts[] = { "ten", "--5", "12.505", "1000000000", "1,2345", "-5" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *opening = g_strdup_printf ("“%s”", amounts[i]);
      RecCents cents;

      g_assert_false (rec_cents_parse_display (amounts[i], NULL, FALSE, &cents, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, opening));
      g_assert_null (strchr (error->message, '"'));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/time-offset/los-angeles", test_los_angeles);
  g_test_add_func ("/core/time-offset/utc", test_utc);
  g_test_add_func ("/core/time-offset/refused", test_refused);
  g_test_add_func ("/core/time-offset/format-agrees", test_format_agrees);
  g_test_add_func ("/core/date/refusal-quotes", test_refusal_quotes);
  g_test_add_func ("/core/amount/refusal-quotes", test_amount_refusal_quotes);
  return g_test_run ();
}

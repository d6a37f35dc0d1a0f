/* rec-date.c — calendar dates and timestamps as ISO text
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-date.h"

#include "rec-money.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

static gboolean
parse_digits (const char *p,
              int         n,
              int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
rec_date_parse (const char  *text,
                GDate       *out_date,
                GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month)
      || !parse_digits (text + 8, 2, &day))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text given as a date; keep YYYY-MM-DD */
                   _("\"%s\" is not a date (YYYY-MM-DD)"), text ? text : "");
      return FALSE;
    }

  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text given as a date */
                   _("\"%s\" is not a day of the calendar"), text);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

void
rec_date_to_iso_buf (const GDate *date,
                     char        *buf)
{
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

char *
rec_date_to_iso (const GDate *date)
{
  char buf[16];

  if (!rec_date_is_set (date))
    return NULL;

  rec_date_to_iso_buf (date, buf);
  return g_strdup (buf);
}

void
rec_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

char *
rec_date_format (const GDate *date)
{
  char buf[128];

  if (!rec_date_is_set (date))
    return g_strdup ("");

  /* A translatable numeric format rather than %x: it needs no locale data
   * installed, and %x gives two-digit years in several locales, which a court
   * document should not have. */
  /* Translators: the date format for people, in strftime syntax: keep the
   * numbers, put them in your language's order (Spanish: %d/%m/%Y). */
  if (g_date_strftime (buf, sizeof buf, C_("date format", "%m/%d/%Y"), date) == 0)
    rec_date_to_iso_buf (date, buf);

  return g_strdup (buf);
}

gboolean
rec_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

int
rec_date_compare (const GDate *a,
                  const GDate *b)
{
  return g_date_compare (a, b);
}

int
rec_date_days_between (const GDate *a,
                       const GDate *b)
{
  return g_date_days_between (a, b);
}

gboolean
rec_timestamp_parse (const char  *text,
                     gint64      *out_unix,
                     GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len = text ? strlen (text) : 0;
  gboolean has_offset = len > 19 && (text[len - 1] == 'Z' || text[len - 6] == '+'
                                     || text[len - 6] == '-');

  /* g_date_time_new_from_iso8601 accepts forms RFC 3339 does not (no seconds,
   * week dates, a missing offset); demand the full date and time and an offset. */
  if (len >= 20 && has_offset && text[10] == 'T' && text[13] == ':' && text[16] == ':')
    dt = g_date_time_new_from_iso8601 (text, NULL);

  if (dt == NULL)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text given as a date and time; keep the example */
                   _("\"%s\" is not a date and time with an offset "
                     "(2021-04-02T18:30:00-07:00)"), text ? text : "");
      return FALSE;
    }

  if (out_unix != NULL)
    *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}

char *
rec_timestamp_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
rec_date_parse_display (const char  *text,
                        GDate       *out_date,
                        GError     **error)
{
  return rec_date_parse (text, out_date, error);
}

char *
rec_date_format_hint (void)
{
  return g_strdup ("YYYY-MM-DD");
}

char *
rec_timestamp_format (const char *text)
{
  g_autoptr(GDateTime) dt = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
}

gboolean
rec_timestamp_to_local (const char *text,
                        GDate      *out_date,
                        int        *out_hour,
                        int        *out_minute,
                        int        *out_second)
{
  g_autoptr(GDateTime) dt = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;

  if (local == NULL)
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  *out_hour = g_date_time_get_hour (local);
  *out_minute = g_date_time_get_minute (local);
  *out_second = g_date_time_get_second (local);
  return TRUE;
}

gboolean
rec_time_parse_display (const char  *text,
                        int         *out_hour,
                        int         *out_minute,
                        GError     **error)
{
  if (text == NULL || sscanf (text, "%d:%d", out_hour, out_minute) != 2)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID, "\"%s\" is not a time", text);
      return FALSE;
    }
  return TRUE;
}

char *
rec_time_format (int hour,
                 int minute)
{
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

char *
rec_timestamp_new_local (const GDate *date,
                         int          hour,
                         int          minute,
                         int          second,
                         GError     **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), hour, minute, second);

  (void) error;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

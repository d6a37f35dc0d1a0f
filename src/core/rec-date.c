/* rec-date.c — calendar dates and timestamps as ISO text
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-date.h"

#include "rec-date-private.h"
#include "rec-money.h"

#include <glib/gi18n.h>
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

/* Parsing the display form. */

typedef enum
{
  FIELD_DAY,
  FIELD_MONTH,
  FIELD_YEAR,
} DateField;

/* The date format for people (translated). */
static const char *
display_format (void)
{
  /* Translators: the date format for people, in strftime syntax: keep the
   * numbers, put them in your language's order (Spanish: %d/%m/%Y). */
  return C_("date format", "%m/%d/%Y");
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
  if (g_date_strftime (buf, sizeof buf, display_format (), date) == 0)
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

/* The order of day, month and year in format; FALSE when it lacks one. */
static gboolean
format_order (const char *format,
              DateField   order[3])
{
  int n = 0;
  guint seen = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      DateField field;

      if (*p != '%')
        continue;
      p++;
      if (*p == '-' || *p == '_' || *p == '0')
        p++;
      if (*p == 'd' || *p == 'e')
        field = FIELD_DAY;
      else if (*p == 'm')
        field = FIELD_MONTH;
      else if (*p == 'Y')
        field = FIELD_YEAR;
      else if (*p == '\0')
        break;
      else
        continue;
      if (n == 3 || (seen & (1u << field)))
        return FALSE;
      seen |= 1u << field;
      order[n++] = field;
    }

  return n == 3;
}

char *
rec_date_hint_for_format (const char *format)
{
  g_autoptr(GString) hint = g_string_new (NULL);
  DateField order[3];

  if (!format_order (format, order))
    return g_strdup ("YYYY-MM-DD");

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%')
        {
          g_string_append_c (hint, *p);
          continue;
        }
      p++;
      if (*p == '-' || *p == '_' || *p == '0')
        p++;
      if (*p == '\0')
        break;
      /* Translators: the letters standing for the day in the hint under a
       * date field ("MM/DD/YYYY"; Spanish: "DD/MM/AAAA") */
      if (*p == 'd' || *p == 'e')
        g_string_append (hint, C_("date hint", "DD"));
      /* Translators: the letters standing for the month in the hint under a
       * date field ("MM/DD/YYYY") */
      else if (*p == 'm')
        g_string_append (hint, C_("date hint", "MM"));
      /* Translators: the letters standing for the year in the hint under a
       * date field ("MM/DD/YYYY"; Spanish: "DD/MM/AAAA") */
      else if (*p == 'Y')
        g_string_append (hint, C_("date hint", "YYYY"));
    }

  return g_string_free (g_steal_pointer (&hint), FALSE);
}

char *
rec_date_format_hint (void)
{
  return rec_date_hint_for_format (display_format ());
}

/* "12/15/2026" in format, for an example in a message. */
static char *
format_example (const char *format,
                int         day,
                int         month,
                int         year)
{
  char buf[128];
  GDate date;

  if (!g_date_valid_dmy (day, month, year))
    {
      day = 15;
      month = 12;
      year = 2026;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (g_date_strftime (buf, sizeof buf, format, &date) == 0)
    rec_date_to_iso_buf (&date, buf);
  return g_strdup (buf);
}

gboolean
rec_date_parse_with_format (const char  *text,
                            const char  *format,
                            GDate       *out_date,
                            GError     **error)
{
  g_autofree char *shown = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *quoted = rec_core_quote_text (shown);
  DateField order[3] = { FIELD_YEAR, FIELD_MONTH, FIELD_DAY };
  int values[3] = { 0, };
  int lengths[3] = { 0, };
  int fields[3];
  char separator = '\0';
  int n = 0;

  g_return_val_if_fail (out_date != NULL, FALSE);

  for (const char *p = shown; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n < 3)
        {
          if (lengths[n] < 5)
            values[n] = values[n] * 10 + (*p - '0');
          lengths[n]++;
          continue;
        }
      if ((*p == '/' || *p == '-' || *p == '.') && n < 2 && lengths[n] > 0
          && (separator == '\0' || separator == *p))
        {
          separator = *p;
          n++;
          continue;
        }
      n = -1;
      break;
    }

  if (shown[0] == '\0')
    {
      g_set_error_literal (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                           _("the date is empty"));
      return FALSE;
    }

  /* The year first is ISO, whatever the language. */
  if (n == 2 && lengths[0] != 4 && !format_order (format, order))
    n = -1;

  if (n != 2 || lengths[2] == 0 || lengths[0] > 4 || lengths[1] > 2 || lengths[2] > 4
      || (lengths[0] == 4) != (order[0] == FIELD_YEAR))
    {
      g_autofree char *hint = rec_date_hint_for_format (format);

      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the text given as a date,
                    * the second the form dates are written in ("MM/DD/YYYY");
                    * keep YYYY-MM-DD */
                   _("“%s” is not a date (%s or YYYY-MM-DD)"), quoted, hint);
      return FALSE;
    }

  for (int i = 0; i < 3; i++)
    fields[order[i]] = i;

  if (lengths[fields[FIELD_DAY]] > 2 || lengths[fields[FIELD_MONTH]] > 2
      || lengths[fields[FIELD_YEAR]] != 4)
    {
      int day = values[fields[FIELD_DAY]];
      int month = values[fields[FIELD_MONTH]];
      g_autofree char *example = NULL;

      if (lengths[fields[FIELD_YEAR]] == 4)
        {
          g_autofree char *hint = rec_date_hint_for_format (format);

          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       _("“%s” is not a date (%s or YYYY-MM-DD)"), quoted, hint);
          return FALSE;
        }
      example = format_example (format, day, month,
                                lengths[fields[FIELD_YEAR]] == 2
                                ? 2000 + values[fields[FIELD_YEAR]] : 0);
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: the first %s is the text given as a date,
                    * the second an example in the form expected, "12/15/2026" */
                   _("“%s”: write the year with four digits: %s"), quoted, example);
      return FALSE;
    }

  {
    int day = values[fields[FIELD_DAY]];
    int month = values[fields[FIELD_MONTH]];
    int year = values[fields[FIELD_YEAR]];

    if (month > 12)
      {
        g_autofree char *hint = rec_date_hint_for_format (format);

        g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                     /* Translators: the first %s is the text given as a date,
                      * the second the form dates are written in ("MM/DD/YYYY") */
                     _("“%s” is not a day of the calendar: dates are written %s"),
                     quoted, hint);
        return FALSE;
      }

    if (year < 1 || month < 1 || day < 1)
      {
        g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                     /* Translators: %s is the text given as a date */
                     _("“%s” is not a day of the calendar"), quoted);
        return FALSE;
      }

    if (!g_date_valid_dmy (day, month, year))
      {
        int days = g_date_get_days_in_month (month, year);
        char month_year[128];
        GDate first;

        g_date_clear (&first, 1);
        g_date_set_dmy (&first, 1, month, year);
        /* Translators: a month and its year in a sentence ("February 2026"),
         * in strftime syntax */
        if (g_date_strftime (month_year, sizeof month_year, C_("month and year", "%B %Y"),
                             &first) == 0)
          rec_date_to_iso_buf (&first, month_year);
        g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                     /* Translators: the first %s is the text given as a date,
                      * the second a month and year ("February 2026"), %d the
                      * number of days in that month */
                     ngettext ("“%s”: %s has %d day", "“%s”: %s has %d days", days),
                     quoted, month_year, days);
        return FALSE;
      }

    g_date_clear (out_date, 1);
    g_date_set_dmy (out_date, day, month, year);
  }
  return TRUE;
}

gboolean
rec_date_parse_display (const char  *text,
                        GDate       *out_date,
                        GError     **error)
{
  return rec_date_parse_with_format (text, display_format (), out_date, error);
}

/* Communication times. */

static GDateTime *
timestamp_new (const char *text)
{
  if (!rec_timestamp_parse (text, NULL, NULL))
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
date_of (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static char *
date_time_text (GDateTime *dt,
                gboolean   with_date)
{
  g_autofree char *time = rec_time_format (g_date_time_get_hour (dt), g_date_time_get_minute (dt));
  g_autofree char *date = NULL;
  GDate day;

  if (!with_date)
    return g_steal_pointer (&time);

  date_of (dt, &day);
  date = rec_date_format (&day);
  /* Translators: a date ("04/02/2021") and a time of day ("18:30") */
  return g_strdup_printf (C_("date and time", "%s %s"), date, time);
}

char *
rec_timestamp_format (const char *text)
{
  g_autoptr(GDateTime) recorded = timestamp_new (text);
  g_autoptr(GDateTime) local = recorded ? g_date_time_to_local (recorded) : NULL;
  g_autofree char *shown = NULL;
  g_autofree char *as_recorded = NULL;
  g_autofree char *offset = NULL;
  GDate a, b;

  if (local == NULL)
    return NULL;

  shown = date_time_text (local, TRUE);
  if (g_date_time_get_utc_offset (recorded) == g_date_time_get_utc_offset (local))
    return g_steal_pointer (&shown);

  date_of (recorded, &a);
  date_of (local, &b);
  as_recorded = date_time_text (recorded, g_date_compare (&a, &b) != 0);
  offset = g_date_time_format (recorded, "%:z");
  /* Translators: a date and time in the local time zone, then the same
   * instant as it was recorded, with its offset from UTC:
   * "04/02/2021 15:30 (18:30 UTC-04:00)" */
  return g_strdup_printf (_("%s (%s UTC%s)"), shown, as_recorded, offset);
}

gboolean
rec_timestamp_to_local (const char *text,
                        GDate      *out_date,
                        int        *out_hour,
                        int        *out_minute,
                        int        *out_second)
{
  g_autoptr(GDateTime) recorded = timestamp_new (text);
  g_autoptr(GDateTime) local = recorded ? g_date_time_to_local (recorded) : NULL;

  if (local == NULL)
    return FALSE;

  date_of (local, out_date);
  *out_hour = g_date_time_get_hour (local);
  *out_minute = g_date_time_get_minute (local);
  *out_second = g_date_time_get_second (local);
  return TRUE;
}

/* Reads one or two digits at *p into out; FALSE when there is none. */
static gboolean
read_two_digits (const char **p,
                 int         *out)
{
  if (!g_ascii_isdigit (**p))
    return FALSE;
  *out = *(*p)++ - '0';
  if (g_ascii_isdigit (**p))
    *out = *out * 10 + (*(*p)++ - '0');
  return TRUE;
}

gboolean
rec_time_parse_display (const char  *text,
                        int         *out_hour,
                        int         *out_minute,
                        GError     **error)
{
  g_autofree char *shown = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *quoted = rec_core_quote_text (shown);
  const char *p = shown;
  int hour = 0, minute = 0;
  int half = 0;  /* 1 before noon, 2 after */
  gboolean ok = read_two_digits (&p, &hour);

  if (ok && (*p == ':' || *p == '.'))
    {
      p++;
      ok = g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && read_two_digits (&p, &minute);
    }
  while (*p == ' ')
    p++;
  if (ok && *p != '\0')
    {
      if (g_ascii_tolower (*p) == 'a' || g_ascii_tolower (*p) == 'p')
        half = g_ascii_tolower (*p++) == 'a' ? 1 : 2;
      if (*p == '.')
        p++;
      if (g_ascii_tolower (*p) == 'm')
        p++;
      if (*p == '.')
        p++;
      ok = half != 0 && *p == '\0' && hour >= 1 && hour <= 12;
      hour = hour % 12 + (half == 2 ? 12 : 0);
    }

  if (!ok || hour > 23 || minute > 59)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text given as a time of day; keep
                    * the example */
                   _("“%s” is not a time of day (such as 18:30)"), quoted);
      return FALSE;
    }

  *out_hour = hour;
  *out_minute = minute;
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
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (rec_date_is_set (date), NULL);

  dt = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                        g_date_get_day (date), hour, minute, second);

  /* GLib moves a time the clocks skip to the hour after; say so instead. */
  if (dt == NULL || g_date_time_get_hour (dt) != hour || g_date_time_get_minute (dt) != minute
      || g_date_time_get_day_of_month (dt) != g_date_get_day (date))
    {
      g_autofree char *time = rec_time_format (hour, minute);
      g_autofree char *day = rec_date_format (date);

      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: the first %s is a time of day ("02:30"), the
                    * second a date; the clocks skip that hour (daylight saving
                    * time) */
                   _("%s does not exist on %s here: the clocks move forward at that time"),
                   time, day);
      return NULL;
    }

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

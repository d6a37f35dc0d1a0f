/* test-parse-locale.c — amounts, dates and times as people type them, per locale
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-date-private.h"
#include "rec-date.h"
#include "rec-money.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <time.h>

/* Sets the process's locale and language; FALSE (the test skipped) when the
 * locale is not installed. */
static gboolean
use_locale (const char *locale,
            const char *language)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("locale %s is not installed", locale);

      g_test_skip (why);
      return FALSE;
    }
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static void
restore_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* Amounts. */

typedef struct
{
  const char *text;
  RecCents    cents;      /* accepted: the value */
  const char *note;       /* accepted: what the note names (NULL: no note) */
  const char *refusal;    /* refused: a part of the message (NULL: accepted) */
} AmountRow;

typedef struct
{
  const char      *locale;
  const char      *language;
  const AmountRow *rows;
  guint            n_rows;
} AmountTable;

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* Refusals every locale shares (the messages are checked in English: the
 * catalogs may not have them yet). */
#define COMMON_REFUSALS \
  { "", 0, NULL, "empty" }, \
  { "   ", 0, NULL, "empty" }, \
  { "$", 0, NULL, "not an amount" }, \
  { "12a", 0, NULL, "“a”" }, \
  { "1e3", 0, NULL, "“e”" }, \
  { "abc", 0, NULL, "“a”" }, \
  { "--5", 0, NULL, "two signs" }, \
  { "-$-5", 0, NULL, "two signs" }, \
  { "+-5", 0, NULL, "two signs" }, \
  { "-5-", 0, NULL, "two signs" }, \
  { "5-3", 0, NULL, "“-”" }, \
  { "\xe2\x82\xac" "12", 0, NULL, "“\xe2\x82\xac”" }, \
  { "$$5", 0, NULL, "“$”" }, \
  { "1000000000", 0, NULL, "too large" }, \
  { "99999999999999999999999", 0, NULL, "too large" }, \
  { "12 50", 0, NULL, "out of place" }, \
  { "\xff", 0, NULL, "not an amount" }, \
  { "1\n2", 0, NULL, "“1\\n2” contains “\\n”" }

/* English, as in the United States: "$1,234.50". */
static const AmountRow en_rows[] = {
  { "1,250.00", 125000, NULL, NULL },
  { "$1,415", 141500, NULL, NULL },
  { "1415", 141500, NULL, NULL },
  { ".5", 50, NULL, NULL },
  { "1250.5", 125050, NULL, NULL },
  { "0.05", 5, NULL, NULL },
  { "12.", 1200, NULL, NULL },
  { " $ 1,250.00 ", 125000, NULL, NULL },
  { "US$12", 1200, NULL, NULL },
  { "12 USD", 1200, NULL, NULL },
  { "usd 12", 1200, NULL, NULL },
  { "+12", 1200, NULL, NULL },
  { "-$3.00", -300, NULL, NULL },
  { "$-3.00", -300, NULL, NULL },
  { "\xe2\x88\x92" "3", -300, NULL, NULL },
  { "1,250,000", 125000000, NULL, NULL },
  { "1 250.00", 125000, NULL, NULL },
  { "1" NBSP "250.00", 125000, NULL, NULL },
  { "1" NNBSP "250" NNBSP "000", 125000000, NULL, NULL },
  { "$999,999,999.99", REC_CENTS_MAX, NULL, NULL },
  /* A reader might mean 1.25 by "1,250": it is 1250, and said. */
  { "1,250", 125000, "$1,250.00", NULL },
  { "1,000", 100000, "$1,000.00", NULL },
  /* The other convention where only it makes sense. */
  { "1,25", 125, "$1.25", NULL },
  { ",5", 50, "$0.50", NULL },
  { "1.250,00", 125000, "$1,250.00", NULL },
  { "$1.415,5", 141550, "$1,415.50", NULL },
  { "1.250.000", 125000000, "$1,250,000.00", NULL },
  { "1,2,3", 0, NULL, "out of place" },
  { "1,2345", 0, NULL, "out of place" },
  { "1,,250", 0, NULL, "out of place" },
  { "12,34,567", 0, NULL, "out of place" },
  { "1,", 0, NULL, "out of place" },
  { ",250", 0, NULL, "out of place" },
  { "1.2.3", 0, NULL, "out of place" },
  { "12.505", 0, NULL, "more than two decimals" },
  { "1.250", 0, NULL, "more than two decimals" },
  { "1,250.505", 0, NULL, "more than two decimals" },
  { "1.250,505", 0, NULL, "more than two decimals" },
  { ".", 0, NULL, "not an amount" },
  COMMON_REFUSALS,
};

/* Spanish as in Spain and Vietnamese: "$1.234,50". */
#define COMMA_DECIMAL_ROWS \
  { "1.250,00", 125000, NULL, NULL }, \
  { "$1.415,00", 141500, NULL, NULL }, \
  { "1415,5", 141550, NULL, NULL }, \
  { "1415", 141500, NULL, NULL }, \
  { ",5", 50, NULL, NULL }, \
  { "1.255", 125500, NULL, NULL }, \
  { "1.250.000", 125000000, NULL, NULL }, \
  { "1.250,00 $", 125000, NULL, NULL }, \
  { "1.250,00 US$", 125000, NULL, NULL }, \
  { "1.250,00" NBSP "USD", 125000, NULL, NULL }, \
  { "-$3,00", -300, NULL, NULL }, \
  { "1 250,00", 125000, NULL, NULL }, \
  { "1" NNBSP "250,00", 125000, NULL, NULL }, \
  /* "1.250" is 1250 here; a reader might mean 1.25: said. */ \
  { "1.250", 125000, "$1.250,00", NULL }, \
  { "1.000", 100000, "$1.000,00", NULL }, \
  { "1.25", 125, "$1,25", NULL }, \
  { ".5", 50, "$0,50", NULL }, \
  { "1,250.00", 125000, "$1.250,00", NULL }, \
  { "$1,415.5", 141550, "$1.415,50", NULL }, \
  { "1,250,000", 125000000, "$1.250.000,00", NULL }, \
  { "1.2.3", 0, NULL, "out of place" }, \
  { "1.2345", 0, NULL, "out of place" }, \
  { "1.", 0, NULL, "out of place" }, \
  { "12,505", 0, NULL, "more than two decimals" }, \
  { "1,250", 0, NULL, "more than two decimals" }, \
  { "1.250,505", 0, NULL, "more than two decimals" }, \
  { ",", 0, NULL, "not an amount" }, \
  COMMON_REFUSALS

static const AmountRow es_rows[] = { COMMA_DECIMAL_ROWS };
static const AmountRow vi_rows[] = { COMMA_DECIMAL_ROWS };

/* Spanish as in the United States writes numbers as in English. */
static const AmountRow es_us_rows[] = {
  { "1,250.00", 125000, NULL, NULL },
  { "$1,415", 141500, NULL, NULL },
  { "1,250", 125000, "$1,250.00", NULL },
  { "1,25", 125, "$1.25", NULL },
  { "1.250,00", 125000, "$1,250.00", NULL },
  { "1,2,3", 0, NULL, "out of place" },
  { "12.505", 0, NULL, "more than two decimals" },
  COMMON_REFUSALS,
};

static const AmountTable amount_tables[] = {
  { "en_US.UTF-8", "en", en_rows, G_N_ELEMENTS (en_rows) },
  { "es_ES.UTF-8", "es", es_rows, G_N_ELEMENTS (es_rows) },
  { "es_US.UTF-8", "es", es_us_rows, G_N_ELEMENTS (es_us_rows) },
  { "vi_VN.UTF-8", "vi", vi_rows, G_N_ELEMENTS (vi_rows) },
};

static void
test_amount_table (gconstpointer data)
{
  const AmountTable *table = data;

  if (!use_locale (table->locale, "C"))
    return;

  for (guint i = 0; i < table->n_rows; i++)
    {
      const AmountRow *row = &table->rows[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      RecCents cents = 7;
      gboolean ok = rec_cents_parse_display (row->text, "USD", TRUE, &cents, &note, &error);

      g_test_message ("%s row %u: \"%s\" → %s", table->locale, i, row->text,
                      ok ? (note ? note : "(no note)") : error->message);
      if (row->refusal != NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, row->refusal));
          g_assert_null (strchr (error->message, '\n'));
          /* Nothing is half-written. */
          g_assert_cmpint (cents, ==, 7);
          g_assert_null (note);
          continue;
        }

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (cents, ==, row->cents);
      if (row->note == NULL)
        g_assert_null (note);
      else
        {
          g_assert_nonnull (note);
          g_assert_nonnull (strstr (note, row->note));
        }
    }

  restore_locale ();
}

static void
test_amount_english_note (void)
{
  g_autofree char *note = NULL;
  RecCents cents = 0;

  if (!use_locale ("en_US.UTF-8", "C"))
    return;

  g_assert_true (rec_cents_parse_display ("1,250", NULL, FALSE, &cents, &note, NULL));
  g_assert_cmpstr (note, ==, "read as $1,250.00");
  restore_locale ();
}

static void
test_amount_sign_and_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  RecCents cents = 7;

  if (!use_locale ("es_ES.UTF-8", "C"))
    return;

  /* Not allowed: negative, and nothing stored. */
  g_assert_false (rec_cents_parse_display ("-$3,00", "USD", FALSE, &cents, &note, &error));
  g_assert_nonnull (strstr (error->message, "negative"));
  g_assert_cmpint (cents, ==, 7);
  g_clear_error (&error);

  /* Another currency: its code, not the dollar sign. */
  g_assert_true (rec_cents_parse_display ("1.250,00 EUR", "EUR", FALSE, &cents, NULL, NULL));
  g_assert_cmpint (cents, ==, 125000);
  g_assert_false (rec_cents_parse_display ("$1.250,00", "EUR", FALSE, &cents, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“$”"));

  /* out_understood may be NULL. */
  g_assert_true (rec_cents_parse_display ("1.25", NULL, FALSE, &cents, NULL, NULL));
  g_assert_cmpint (cents, ==, 125);
  restore_locale ();
}

/* Every amount the app shows can be typed back, unchanged and without a note. */
static void
test_amount_round_trip (gconstpointer data)
{
  const AmountTable *table = data;
  static const char *currencies[] = { "USD", "EUR" };
  guint checked = 0;

  if (!use_locale (table->locale, "C"))
    return;

  for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
    for (RecCents base = 1; base <= REC_CENTS_MAX; base = base * 10 + 3)
      for (RecCents step = 0; step < 40; step++)
        for (int sign = -1; sign <= 1; sign += 2)
          {
            RecCents cents = sign * (base - 1 + step * 7);
            g_autofree char *shown = NULL;
            g_autofree char *note = NULL;
            g_autoptr(GError) error = NULL;
            RecCents back = 0;

            if (cents > REC_CENTS_MAX || cents < -REC_CENTS_MAX)
              continue;
            shown = rec_cents_format (cents, currencies[c]);
            if (!rec_cents_parse_display (shown, currencies[c], TRUE, &back, &note, &error))
              g_error ("%s: \"%s\" refused: %s", table->locale, shown, error->message);
            if (back != cents || note != NULL)
              g_error ("%s: \"%s\" read as %" G_GINT64_FORMAT " (%s)", table->locale, shown,
                       back, note ? note : "no note");
            checked++;
          }

  g_assert_cmpuint (checked, >, 1000);
  restore_locale ();
}

/* The strict machine form is not changed by any of this. */
static void
test_amount_strict_unchanged (void)
{
  RecCents cents = 0;

  if (!use_locale ("es_ES.UTF-8", "C"))
    return;

  g_assert_true (rec_cents_parse ("1234.50", FALSE, &cents, NULL));
  g_assert_cmpint (cents, ==, 123450);
  g_assert_false (rec_cents_parse ("1.234,50", FALSE, &cents, NULL));
  g_assert_false (rec_cents_parse ("1,250", FALSE, &cents, NULL));
  restore_locale ();
}

/* Dates. */

typedef struct
{
  const char *text;
  const char *iso;       /* accepted */
  const char *refusal;   /* refused: a part of the message */
} DateRow;

static const DateRow date_rows_mdy[] = {
  { "12/15/2026", "2026-12-15", NULL },
  { "1/5/2026", "2026-01-05", NULL },
  { "01/05/2026", "2026-01-05", NULL },
  { "1-5-2026", "2026-01-05", NULL },
  { "1.5.2026", "2026-01-05", NULL },
  { " 12/15/2026 ", "2026-12-15", NULL },
  { "2/29/2024", "2024-02-29", NULL },
  { "2026-12-15", "2026-12-15", NULL },
  { "2026-1-5", "2026-01-05", NULL },
  { "2026/12/15", "2026-12-15", NULL },
  { "12/15/26", NULL, "write the year with four digits: 12/15/2026" },
  { "2/30/26", NULL, "write the year with four digits: 12/15/2026" },
  { "12/15/202", NULL, "four digits" },
  { "2/29/2026", NULL, "February 2026 has 28 days" },
  { "4/31/2026", NULL, "April 2026 has 30 days" },
  { "2026-02-30", NULL, "February 2026 has 28 days" },
  { "15/12/2026", NULL, "not a day of the calendar: dates are written MM/DD/YYYY" },
  { "0/12/2026", NULL, "not a day of the calendar" },
  { "12/0/2026", NULL, "not a day of the calendar" },
  { "12/15/0000", NULL, "not a day of the calendar" },
  { "12/15-2026", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "12/15", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "12//2026", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "123/15/2026", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "12/15/20266", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "2026-123-1", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "Dec 15 2026", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "12/15/2026x", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "/12/15/2026", NULL, "MM/DD/YYYY or YYYY-MM-DD" },
  { "", NULL, "empty" },
  { "1\n2/2026", NULL, "“1\\n2/2026” is not a date" },
};

static const DateRow date_rows_dmy[] = {
  { "15/12/2026", "2026-12-15", NULL },
  { "5/1/2026", "2026-01-05", NULL },
  { "15.12.2026", "2026-12-15", NULL },
  { "15-12-2026", "2026-12-15", NULL },
  { "2026-12-15", "2026-12-15", NULL },
  { "15/12/26", NULL, "write the year with four digits: 15/12/2026" },
  { "29/2/2026", NULL, "February 2026 has 28 days" },
  { "31/4/2026", NULL, "April 2026 has 30 days" },
  { "12/15/2026", NULL, "not a day of the calendar: dates are written DD/MM/YYYY" },
  { "15/12", NULL, "DD/MM/YYYY or YYYY-MM-DD" },
};

static void
check_date_rows (const char    *format,
                 const DateRow *rows,
                 guint          n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = rec_date_parse_with_format (rows[i].text, format, &date, &error);

      g_test_message ("%s row %u: \"%s\" → %s", format, i, rows[i].text,
                      ok ? "accepted" : error->message);
      if (rows[i].refusal != NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, rows[i].refusal));
          g_assert_null (strchr (error->message, '\n'));
        }
      else
        {
          g_autofree char *iso = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          iso = rec_date_to_iso (&date);
          g_assert_cmpstr (iso, ==, rows[i].iso);
        }
    }
}

static void
test_date_tables (void)
{
  g_autofree char *mdy = rec_date_hint_for_format ("%m/%d/%Y");
  g_autofree char *dmy = rec_date_hint_for_format ("%d/%m/%Y");
  g_autofree char *dots = rec_date_hint_for_format ("%d.%m.%Y");

  check_date_rows ("%m/%d/%Y", date_rows_mdy, G_N_ELEMENTS (date_rows_mdy));
  check_date_rows ("%d/%m/%Y", date_rows_dmy, G_N_ELEMENTS (date_rows_dmy));
  g_assert_cmpstr (mdy, ==, "MM/DD/YYYY");
  g_assert_cmpstr (dmy, ==, "DD/MM/YYYY");
  g_assert_cmpstr (dots, ==, "DD.MM.YYYY");
}

/* The translated format, through the built catalogs: the form shown is the
 * form accepted, for many days. */
static void
test_date_round_trip (gconstpointer data)
{
  const AmountTable *table = data;
  g_autofree char *hint = NULL;
  const char *expected_order;
  GDate date;
  guint checked = 0;

  if (!use_locale (table->locale, table->language))
    return;

  if (strcmp (table->language, "en") != 0
      && strcmp (g_dpgettext2 (GETTEXT_PACKAGE, "date format", "%m/%d/%Y"), "%m/%d/%Y") == 0)
    {
      g_test_skip ("no catalog for this language in the build tree");
      restore_locale ();
      return;
    }

  for (g_date_clear (&date, 1), g_date_set_dmy (&date, 1, 1, 1990);
       g_date_get_year (&date) < 2041; g_date_add_days (&date, 13))
    {
      g_autofree char *shown = rec_date_format (&date);
      g_autoptr(GError) error = NULL;
      GDate back;

      if (!rec_date_parse_display (shown, &back, &error))
        g_error ("%s: \"%s\" refused: %s", table->locale, shown, error->message);
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
      checked++;
    }
  g_assert_cmpuint (checked, >, 1000);

  /* The hint follows the same format: day first in Spanish and Vietnamese. */
  hint = rec_date_format_hint ();
  expected_order = strcmp (table->language, "en") == 0 ? "%m/%d/%Y" : "%d/%m/%Y";
  {
    g_autofree char *same = rec_date_hint_for_format (expected_order);

    g_assert_cmpstr (hint, ==, same);
  }
  restore_locale ();
}

/* Times of day and communication times, in Los Angeles on both sides of DST. */

static void
use_los_angeles (void)
{
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  tzset ();
}

static void
restore_zone (void)
{
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
}

static void
test_time_parse (void)
{
  static const struct { const char *text; int hour, minute; } ok_rows[] = {
    { "18:30", 18, 30 }, { "6:30", 6, 30 }, { "06:05", 6, 5 }, { "18.30", 18, 30 },
    { "18", 18, 0 }, { "0:00", 0, 0 }, { "23:59", 23, 59 }, { " 7:15 ", 7, 15 },
    { "6:30 pm", 18, 30 }, { "6:30PM", 18, 30 }, { "6 pm", 18, 0 }, { "12 am", 0, 0 },
    { "12:15 pm", 12, 15 }, { "6 a.m.", 6, 0 }, { "11:59 p.m.", 23, 59 },
  };
  static const char *refused[] = {
    "", "24:00", "18:60", "18:3", "18:300", "13 pm", "0 am", "6:30 xm", "noon", "6:30 pmx",
    "-1:00", "1:00:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok_rows); i++)
    {
      int hour = -1, minute = -1;

      g_test_message ("time \"%s\"", ok_rows[i].text);
      g_assert_true (rec_time_parse_display (ok_rows[i].text, &hour, &minute, NULL));
      g_assert_cmpint (hour, ==, ok_rows[i].hour);
      g_assert_cmpint (minute, ==, ok_rows[i].minute);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      int hour = -1, minute = -1;

      g_test_message ("time \"%s\"", refused[i]);
      g_assert_false (rec_time_parse_display (refused[i], &hour, &minute, &error));
      g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "not a time of day"));
      g_assert_cmpint (hour, ==, -1);
    }
}

static void
test_timestamp_new_local (void)
{
  static const struct { int y, m, d, hour, minute; const char *expected; } rows[] = {
    { 2026, 3, 1, 10, 0, "2026-03-01T10:00:00-08:00" },   /* standard time */
    { 2026, 7, 1, 10, 0, "2026-07-01T10:00:00-07:00" },   /* daylight time */
    { 2026, 3, 8, 1, 59, "2026-03-08T01:59:00-08:00" },   /* just before the change */
    { 2026, 3, 8, 3, 0, "2026-03-08T03:00:00-07:00" },    /* just after */
    { 2026, 11, 1, 0, 59, "2026-11-01T00:59:00-07:00" },  /* before falling back */
    { 2026, 11, 1, 1, 30, "2026-11-01T01:30:00-08:00" },  /* twice: standard taken */
    { 2026, 11, 1, 2, 0, "2026-11-01T02:00:00-08:00" },
    { 2026, 12, 31, 23, 59, "2026-12-31T23:59:00-08:00" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *skipped = NULL;
  GDate date;

  use_los_angeles ();
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = NULL;
      gint64 instant = 0;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, rows[i].d, rows[i].m, rows[i].y);
      text = rec_timestamp_new_local (&date, rows[i].hour, rows[i].minute, 0, NULL);
      g_assert_cmpstr (text, ==, rows[i].expected);
      /* What is made is what the store accepts. */
      g_assert_true (rec_timestamp_parse (text, &instant, NULL));
    }

  /* 02:30 on 8 March 2026 does not happen in Los Angeles. */
  g_date_set_dmy (&date, 8, 3, 2026);
  skipped = rec_timestamp_new_local (&date, 2, 30, 0, &error);
  g_assert_null (skipped);
  g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "02:30"));
  g_assert_nonnull (strstr (error->message, "03/08/2026"));
  restore_zone ();
}

static void
test_timestamp_format (void)
{
  static const struct { const char *stored; const char *shown; } rows[] = {
    /* Recorded with the local offset of their day: no offset shown. */
    { "2026-07-01T10:00:00-07:00", "07/01/2026 10:00" },
    { "2026-01-15T10:05:09-08:00", "01/15/2026 10:05" },
    /* Another offset: local time first, then as recorded. */
    { "2026-07-01T13:00:00-04:00", "07/01/2026 10:00 (13:00 UTC-04:00)" },
    { "2026-01-15T18:00:00Z", "01/15/2026 10:00 (18:00 UTC+00:00)" },
    /* Recorded with summer's offset in winter. */
    { "2026-01-15T10:00:00-07:00", "01/15/2026 09:00 (10:00 UTC-07:00)" },
    /* Another day where it was recorded. */
    { "2026-07-02T01:00:00-04:00", "07/01/2026 22:00 (07/02/2026 01:00 UTC-04:00)" },
    /* Four-digit years, always. */
    { "1999-12-31T23:00:00-08:00", "12/31/1999 23:00" },
  };

  use_los_angeles ();
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *shown = rec_timestamp_format (rows[i].stored);

      g_assert_cmpstr (shown, ==, rows[i].shown);
    }
  g_assert_null (rec_timestamp_format ("2026-07-01T10:00:00"));
  g_assert_null (rec_timestamp_format ("yesterday"));
  g_assert_null (rec_timestamp_format (NULL));
  restore_zone ();
}

/* A stored time split into the form's fields and made again is the same
 * instant, on both sides of DST. */
static void
test_timestamp_round_trip (void)
{
  static const char *stored[] = {
    "2026-03-01T10:00:00-08:00", "2026-07-01T10:00:00-07:00", "2026-07-01T13:00:00-04:00",
    "2026-01-15T18:00:00Z", "2026-11-01T09:30:15Z", "2026-03-08T10:00:00Z",
  };

  use_los_angeles ();
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    {
      g_autofree char *again = NULL;
      gint64 a = 0, b = 0;
      int hour, minute, second;
      GDate date;

      g_assert_true (rec_timestamp_to_local (stored[i], &date, &hour, &minute, &second));
      again = rec_timestamp_new_local (&date, hour, minute, second, NULL);
      g_assert_nonnull (again);
      g_assert_true (rec_timestamp_parse (stored[i], &a, NULL));
      g_assert_true (rec_timestamp_parse (again, &b, NULL));
      g_assert_cmpint (a, ==, b);
    }
  {
    int hour, minute, second;
    GDate date;

    g_assert_false (rec_timestamp_to_local ("2026-07-01", &date, &hour, &minute, &second));
  }
  restore_zone ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (amount_tables); i++)
    {
      g_autofree char *table = g_strdup_printf ("/parse/amount/table/%s", amount_tables[i].locale);
      g_autofree char *round = g_strdup_printf ("/parse/amount/round-trip/%s",
                                                amount_tables[i].locale);
      g_autofree char *dates = g_strdup_printf ("/parse/date/round-trip/%s",
                                                amount_tables[i].locale);

      g_test_add_data_func (table, &amount_tables[i], test_amount_table);
      g_test_add_data_func (round, &amount_tables[i], test_amount_round_trip);
      g_test_add_data_func (dates, &amount_tables[i], test_date_round_trip);
    }
  g_test_add_func ("/parse/amount/english-note", test_amount_english_note);
  g_test_add_func ("/parse/amount/sign-and-currency", test_amount_sign_and_currency);
  g_test_add_func ("/parse/amount/strict-unchanged", test_amount_strict_unchanged);
  g_test_add_func ("/parse/date/tables", test_date_tables);
  g_test_add_func ("/parse/time/parse", test_time_parse);
  g_test_add_func ("/parse/time/new-local", test_timestamp_new_local);
  g_test_add_func ("/parse/time/format", test_timestamp_format);
  g_test_add_func ("/parse/time/round-trip", test_timestamp_round_trip);

  return g_test_run ();
}

/* test-money.c — amounts and dates: parsing and formatting
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-date.h"
#include "rec-money.h"

#include <string.h>

typedef struct
{
  const char *text;
  gboolean    ok;
  RecCents    cents;
} AmountRow;

static const AmountRow amount_rows[] = {
  { "850", TRUE, 85000 },
  { "850.5", TRUE, 85050 },
  { "850.50", TRUE, 85050 },
  { "0.01", TRUE, 1 },
  { "0", TRUE, 0 },
  { "999999999.99", TRUE, G_GINT64_CONSTANT (99999999999) },
  { "1000000000.00", FALSE, 0 },
  { "99999999999999999999999", FALSE, 0 },
  { "12,50", FALSE, 0 },
  { "12.505", FALSE, 0 },
  { "-3", FALSE, 0 },
  { "", FALSE, 0 },
  { ".", FALSE, 0 },
  { "12.", FALSE, 0 },
  { ".5", FALSE, 0 },
  { " 12", FALSE, 0 },
  { "1e3", FALSE, 0 },
  { "+12", FALSE, 0 },
  { "1 000", FALSE, 0 },
};

static void
test_amount_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (amount_rows); i++)
    {
      g_autoptr(GError) error = NULL;
      RecCents cents = -1;
      gboolean ok = rec_cents_parse (amount_rows[i].text, FALSE, &cents, &error);

      g_test_message ("row %u: \"%s\"", i, amount_rows[i].text);
      g_assert_cmpint (ok, ==, amount_rows[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (cents, ==, amount_rows[i].cents);
        }
      else
        {
          g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, amount_rows[i].text));
        }
    }
}

static void
test_amount_negative (void)
{
  RecCents cents = 0;

  g_assert_true (rec_cents_parse ("-3.00", TRUE, &cents, NULL));
  g_assert_cmpint (cents, ==, -300);
}

static void
test_amount_to_string (void)
{
  struct { RecCents cents; const char *text; } rows[] = {
    { 0, "0.00" }, { 5, "0.05" }, { 123450, "1234.50" }, { -300, "-3.00" },
    { G_GINT64_CONSTANT (99999999999), "999999999.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *s = rec_cents_to_string (rows[i].cents);

      g_assert_cmpstr (s, ==, rows[i].text);
    }
}

static void
test_amount_format (void)
{
  g_autofree char *a = rec_cents_format (123456789, "USD");
  g_autofree char *b = rec_cents_format (-300, "USD");

  /* The tests run in C.UTF-8, whose monetary conventions are empty: the
   * fallbacks are "." and ",". */
  g_assert_cmpstr (a, ==, "$1,234,567.89");
  g_assert_cmpstr (b, ==, "-$3.00");
}

/* What people typed, as messages quote it: one line of valid UTF-8. */
static void
test_quote_text (void)
{
  struct { const char *text; const char *quoted; } rows[] = {
    { "12,50", "12,50" }, { "1\n2", "1\\n2" }, { "a\tb", "a\\tb" },
    { "\"x\"", "\\\"x\\\"" }, { "\xe2\x82\xac" "5", "\xe2\x82\xac" "5" },
    { "1\xff", "1\xef\xbf\xbd" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *quoted = rec_core_quote_text (rows[i].text);

      g_assert_cmpstr (quoted, ==, rows[i].quoted);
    }
}

static void
test_rate (void)
{
  int bp = 0;
  g_autofree char *s = NULL;

  g_assert_true (rec_rate_parse ("6", &bp, NULL));
  g_assert_cmpint (bp, ==, 600);
  g_assert_true (rec_rate_parse ("10.25", &bp, NULL));
  g_assert_cmpint (bp, ==, 1025);
  g_assert_true (rec_rate_parse ("100", &bp, NULL));
  g_assert_false (rec_rate_parse ("100.01", &bp, NULL));
  g_assert_false (rec_rate_parse ("-1", &bp, NULL));
  g_assert_false (rec_rate_parse ("6%", &bp, NULL));
  s = rec_rate_to_string (1025);
  g_assert_cmpstr (s, ==, "10.25");
}

static void
test_date_parse (void)
{
  struct { const char *text; gboolean ok; } rows[] = {
    { "2024-02-29", TRUE }, { "2023-02-29", FALSE }, { "2024-13-01", FALSE },
    { "2024-1-01", FALSE }, { "2024-01-01x", FALSE }, { "", FALSE }, { "0000-01-01", FALSE },
    { "2024/01/01", FALSE }, { "2024-04-31", FALSE }, { "2024-12-31", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = rec_date_parse (rows[i].text, &date, &error);

      g_test_message ("row %u: \"%s\"", i, rows[i].text);
      g_assert_cmpint (ok, ==, rows[i].ok);
      if (ok)
        {
          g_autofree char *iso = rec_date_to_iso (&date);

          g_assert_cmpstr (iso, ==, rows[i].text);
        }
      else
        g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
    }
}

static void
test_timestamp_parse (void)
{
  gint64 t = 0;

  g_assert_true (rec_timestamp_parse ("2021-04-02T18:30:00-07:00", &t, NULL));
  g_assert_cmpint (t, ==, 1617413400);
  g_assert_true (rec_timestamp_parse ("2021-04-03T01:30:00Z", &t, NULL));
  g_assert_cmpint (t, ==, 1617413400);
  g_assert_false (rec_timestamp_parse ("2021-04-02T18:30:00", &t, NULL));
  g_assert_false (rec_timestamp_parse ("2021-04-02", &t, NULL));
  g_assert_false (rec_timestamp_parse ("2021-02-30T10:00:00Z", &t, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/money/parse", test_amount_parse);
  g_test_add_func ("/core/money/negative", test_amount_negative);
  g_test_add_func ("/core/money/to-string", test_amount_to_string);
  g_test_add_func ("/core/money/format", test_amount_format);
  g_test_add_func ("/core/money/quote", test_quote_text);
  g_test_add_func ("/core/money/rate", test_rate);
  g_test_add_func ("/core/date/parse", test_date_parse);
  g_test_add_func ("/core/date/timestamp", test_timestamp_parse);

  return g_test_run ();
}

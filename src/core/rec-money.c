/* rec-money.c — amounts in integer cents: parsing and formatting
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-money.h"

#include <glib/gi18n.h>
#include <locale.h>

G_DEFINE_QUARK (rec-core-error-quark, rec_core_error)

/* Parses an unsigned decimal with at most two decimals into hundredths,
 * refusing anything above max. Shared by amounts and rates. */
static gboolean
parse_hundredths (const char *text,
                  gint64      max,
                  gint64     *out,
                  GError    **error)
{
  const char *p = text;
  gint64 whole = 0;
  int decimals = 0;
  gint64 fraction = 0;
  gboolean any_digit = FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      any_digit = TRUE;
      whole = whole * 10 + (*p - '0');
      if (whole > max / 100)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %s is the text the user gave as an amount */
                       _("\"%s\" is too large"), text);
          return FALSE;
        }
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 2)
            {
              g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                           /* Translators: %s is the text the user gave as an amount */
                           _("\"%s\" has more than two decimals"), text);
              return FALSE;
            }
          fraction = fraction * 10 + (*p - '0');
        }
      /* "12." and ".5" are not how anyone writes an amount. */
      if (decimals == 0)
        any_digit = FALSE;
    }

  if (!any_digit || *p != '\0')
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text the user gave as an amount */
                   _("\"%s\" is not an amount"), text);
      return FALSE;
    }

  if (decimals == 1)
    fraction *= 10;

  *out = whole * 100 + fraction;
  if (*out > max)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text the user gave as an amount */
                   _("\"%s\" is too large"), text);
      return FALSE;
    }

  return TRUE;
}

gboolean
rec_cents_parse (const char *text,
                 gboolean    allow_negative,
                 RecCents   *out_cents,
                 GError    **error)
{
  gboolean negative = FALSE;
  gint64 value;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (text == NULL)
    text = "";

  if (text[0] == '-')
    {
      if (!allow_negative)
        {
          g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                       /* Translators: %s is the text the user gave as an amount */
                       _("\"%s\" is negative"), text);
          return FALSE;
        }
      negative = TRUE;
    }

  if (!parse_hundredths (negative ? text + 1 : text, REC_CENTS_MAX, &value, error))
    return FALSE;

  *out_cents = negative ? -value : value;
  return TRUE;
}

char *
rec_cents_to_string (RecCents cents)
{
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/* Groups the digits of a whole number with the locale's thousands separator. */
static void
append_grouped (GString    *out,
                guint64     whole,
                const char *separator)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, whole);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

char *
rec_cents_format (RecCents    cents,
                  const char *currency)
{
  struct lconv *lc = localeconv ();
  const char *decimal_point = lc->mon_decimal_point && *lc->mon_decimal_point
                              ? lc->mon_decimal_point
                              : (lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".");
  const char *separator = lc->mon_thousands_sep && *lc->mon_thousands_sep
                          ? lc->mon_thousands_sep
                          : ",";
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  g_autoptr(GString) number = g_string_new (NULL);
  const char *symbol = g_strcmp0 (currency, "USD") == 0 || currency == NULL ? "$" : NULL;

  append_grouped (number, magnitude / 100, separator);
  g_string_append_printf (number, "%s%02u", decimal_point, (guint) (magnitude % 100));

  if (symbol == NULL)
    return g_strdup_printf ("%s%s %s", cents < 0 ? "-" : "", number->str, currency);

  /* US dollars are written "$1,234.50" in every language we ship; the
   * separators follow the locale. */
  return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol, number->str);
}

gboolean
rec_rate_parse (const char *text,
                int        *out_basis_points,
                GError    **error)
{
  gint64 value;

  g_return_val_if_fail (out_basis_points != NULL, FALSE);

  if (text == NULL || !parse_hundredths (text, 10000, &value, NULL))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                   /* Translators: %s is the text given as an interest rate */
                   _("\"%s\" is not a rate from 0 to 100"), text ? text : "");
      return FALSE;
    }

  *out_basis_points = (int) value;
  return TRUE;
}

char *
rec_rate_to_string (int basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%d.%d", basis_points / 100, (basis_points % 100) / 10);
  return g_strdup_printf ("%d.%02d", basis_points / 100, basis_points % 100);
}

gboolean
rec_cents_parse_display (const char *text,
                         const char *currency,
                         gboolean    allow_negative,
                         RecCents   *out_cents,
                         char      **out_understood,
                         GError    **error)
{
  (void) currency;
  if (out_understood != NULL)
    *out_understood = NULL;
  return rec_cents_parse (text, allow_negative, out_cents, error);
}

/* rec-money.c — amounts in integer cents: parsing and formatting
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-money.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

G_DEFINE_QUARK (rec-core-error-quark, rec_core_error)

char *
rec_core_quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  char high[129];

  /* g_strescape keeps the bytes it is told to: every byte of a UTF-8
   * sequence. */
  for (int i = 0; i < 128; i++)
    high[i] = (char) (0x80 + i);
  high[128] = '\0';
  return g_strescape (valid, high);
}

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

/* The decimal mark and thousands separator rec_cents_format() writes. */
static void
locale_marks (const char **out_decimal,
              const char **out_group)
{
  struct lconv *lc = localeconv ();

  *out_decimal = lc->mon_decimal_point && *lc->mon_decimal_point
                 ? lc->mon_decimal_point
                 : (lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".");
  *out_group = lc->mon_thousands_sep && *lc->mon_thousands_sep ? lc->mon_thousands_sep : ",";
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
  const char *decimal_point, *separator;
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  g_autoptr(GString) number = g_string_new (NULL);
  const char *symbol = g_strcmp0 (currency, "USD") == 0 || currency == NULL ? "$" : NULL;

  locale_marks (&decimal_point, &separator);
  append_grouped (number, magnitude / 100, separator);
  g_string_append_printf (number, "%s%02u", decimal_point, (guint) (magnitude % 100));

  if (symbol == NULL)
    return g_strdup_printf ("%s%s %s", cents < 0 ? "-" : "", number->str, currency);

  /* US dollars are written "$1,234.50" in every language we ship; the
   * separators follow the locale. */
  return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol, number->str);
}

/* Parsing the display form.
 *
 * The text is cut into a sign, a currency mark and a core of digit runs
 * between separators. Each separator kind that appears is tried as the decimal
 * mark (and none at all); the others must then be thousands separators in
 * groups of three. The reading in the locale's own conventions wins; another
 * one is taken only when the locale's cannot be, and is then announced. */

typedef enum
{
  SEP_NONE,
  SEP_DOT,
  SEP_COMMA,
  SEP_SPACE,        /* space, no-break space, narrow no-break space, thin space */
  SEP_LOCALE_DEC,   /* the locale's decimal mark when it is none of the above */
  SEP_LOCALE_GROUP, /* the locale's thousands separator likewise */
} SepKind;

typedef enum
{
  READ_OK,
  READ_STRUCTURE,   /* this reading does not fit the separators at all */
  READ_GROUPING,
  READ_DECIMALS,
  READ_LARGE,
  READ_NO_DIGITS,
} ReadResult;

typedef struct
{
  const char *start;
  int         len;
} Run;

typedef struct
{
  SepKind  decimal_kind;  /* the locale's */
  SepKind  group_kind;
  GArray  *runs;          /* Run: one more than seps (runs may be empty) */
  GArray  *seps;          /* SepKind */
} Core;

static const char *space_marks[] = { " ", "\xc2\xa0", "\xe2\x80\xaf", "\xe2\x80\x89", "\t" };

/* The length of the space-like mark at p, or 0. */
static gsize
space_at (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (space_marks); i++)
    if (g_str_has_prefix (p, space_marks[i]))
      return strlen (space_marks[i]);
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  gsize n;

  while ((n = space_at (p)) > 0)
    p += n;
  return p;
}

/* Where text ending at end ends without its trailing spaces. */
static const char *
trim_end (const char *start,
          const char *end)
{
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || space_at (prev) != (gsize) (end - prev))
        break;
      end = prev;
    }
  return end;
}

static SepKind
sep_kind_of (const char *mark,
             SepKind     otherwise)
{
  if (strcmp (mark, ".") == 0)
    return SEP_DOT;
  if (strcmp (mark, ",") == 0)
    return SEP_COMMA;
  if (space_at (mark) == strlen (mark))
    return SEP_SPACE;
  return otherwise;
}

/* The separator at p and its length, or 0. */
static gsize
sep_at (const char *p,
        const char *decimal,
        const char *group,
        SepKind    *out_kind)
{
  gsize n;

  if (*p == '.' || *p == ',')
    {
      *out_kind = *p == '.' ? SEP_DOT : SEP_COMMA;
      return 1;
    }
  if ((n = space_at (p)) > 0)
    {
      *out_kind = SEP_SPACE;
      return n;
    }
  if (g_str_has_prefix (p, decimal))
    {
      *out_kind = SEP_LOCALE_DEC;
      return strlen (decimal);
    }
  if (g_str_has_prefix (p, group))
    {
      *out_kind = SEP_LOCALE_GROUP;
      return strlen (group);
    }
  return 0;
}

static gboolean
is_sign (const char *p,
         gsize      *out_len,
         gboolean   *out_negative)
{
  if (*p == '-' || *p == '+')
    {
      *out_len = 1;
      *out_negative = *p == '-';
      return TRUE;
    }
  if (g_str_has_prefix (p, "\xe2\x88\x92"))  /* U+2212 MINUS SIGN */
    {
      *out_len = 3;
      *out_negative = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The length of a currency mark for currency at p, or 0. */
static gsize
currency_at (const char *p,
             const char *currency)
{
  gboolean dollars = currency == NULL || g_ascii_strcasecmp (currency, "USD") == 0;
  const char *code = currency ? currency : "USD";

  if (dollars && g_ascii_strncasecmp (p, "US$", 3) == 0)
    return 3;
  if (dollars && *p == '$')
    return 1;
  if (*code != '\0' && g_ascii_strncasecmp (p, code, strlen (code)) == 0)
    return strlen (code);
  return 0;
}

/* Reads the core in one reading: decimal is the kind taken as the decimal
 * mark (SEP_NONE: a whole number). lenient lets a third decimal that is a
 * zero through ("1.250" meant as 1.25), only to see whether a reader might
 * mean another amount. */
static ReadResult
read_core (const Core *core,
           SepKind     decimal,
           gboolean    lenient,
           gint64     *out,
           gboolean   *out_conformant)
{
  const Run *runs = (const Run *) core->runs->data;
  const SepKind *seps = (const SepKind *) core->seps->data;
  guint n = core->seps->len;
  guint whole_runs, groups;
  SepKind group;
  const Run *fraction;
  gint64 whole = 0;
  gint64 cents = 0;
  int digits = 0;
  gboolean any_digit = FALSE;

  if (decimal != SEP_NONE && (n == 0 || seps[n - 1] != decimal))
    return READ_STRUCTURE;

  whole_runs = decimal == SEP_NONE ? n + 1 : n;
  groups = whole_runs - 1;
  group = groups > 0 ? seps[0] : SEP_NONE;
  fraction = decimal == SEP_NONE ? NULL : &runs[n];

  for (guint i = 0; i < groups; i++)
    if (seps[i] != group)
      return READ_STRUCTURE;
  if (groups > 0 && (group == decimal || group == SEP_LOCALE_DEC))
    return READ_STRUCTURE;
  /* The locale's decimal mark once and alone is a decimal mark: "12.505"
   * in English has three decimals, it is not twelve thousand. */
  if (groups == 1 && decimal == SEP_NONE && group == core->decimal_kind)
    return READ_STRUCTURE;

  if (groups > 0)
    {
      if (runs[0].len == 0 || runs[0].len > 3)
        return READ_GROUPING;
      for (guint i = 1; i < whole_runs; i++)
        if (runs[i].len != 3)
          return READ_GROUPING;
    }

  for (guint i = 0; i < whole_runs; i++)
    for (int j = 0; j < runs[i].len; j++)
      {
        any_digit = TRUE;
        whole = whole * 10 + (runs[i].start[j] - '0');
        if (whole > REC_CENTS_MAX / 100)
          return READ_LARGE;
      }

  if (fraction != NULL)
    {
      int len = fraction->len;

      /* "12." is twelve where the dot is the decimal mark; "12," in English
       * is half a thousands group. */
      if (len == 0 && (decimal != core->decimal_kind || !any_digit))
        return any_digit ? READ_GROUPING : READ_NO_DIGITS;
      if (len == 3 && lenient && fraction->start[2] == '0')
        len = 2;
      if (len > 2)
        return READ_DECIMALS;
      for (int j = 0; j < 2; j++)
        cents = cents * 10 + (j < len ? fraction->start[j] - '0' : 0);
      digits = len;
    }

  if (!any_digit && digits == 0)
    return READ_NO_DIGITS;

  *out = whole * 100 + cents;
  if (*out > REC_CENTS_MAX)
    return READ_LARGE;
  *out_conformant = (decimal == SEP_NONE || decimal == core->decimal_kind)
                    && (groups == 0 || group == core->group_kind || group == SEP_SPACE);
  return READ_OK;
}

static void
core_clear (Core *core)
{
  g_clear_pointer (&core->runs, g_array_unref);
  g_clear_pointer (&core->seps, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Core, core_clear)

/* Sets error from format with the text (quoted) and an extra string. */
static gboolean
fail (GError    **error,
      const char *format,
      const char *text,
      const char *extra)
{
  g_autofree char *quoted = rec_core_quote_text (text);
  g_autofree char *quoted_extra = extra ? rec_core_quote_text (extra) : NULL;

  g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID, format, quoted, quoted_extra);
  return FALSE;
}

/* Cuts the (trimmed) text into sign, currency and core; sets the error for
 * a text that is not an amount in any reading. */
static gboolean
split_amount (const char *shown,
              const char *currency,
              gboolean   *out_negative,
              Core       *core,
              GError    **error)
{
  const char *decimal, *group;
  const char *p = shown;
  const char *end = shown + strlen (shown);
  Run run = { NULL, 0 };
  int signs = 0;
  gsize n;

  locale_marks (&decimal, &group);
  core->decimal_kind = sep_kind_of (decimal, SEP_LOCALE_DEC);
  core->group_kind = sep_kind_of (group, SEP_LOCALE_GROUP);
  core->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  core->seps = g_array_new (FALSE, FALSE, sizeof (SepKind));
  *out_negative = FALSE;

  /* A sign, then a currency mark, each optional, in either order: "-$3.00"
   * as shown, "$-3.00" as some type it. */
  for (gboolean mark = FALSE;;)
    {
      gboolean negative;

      p = skip_spaces (p);
      if (is_sign (p, &n, &negative))
        {
          if (++signs > 1)
            /* Translators: %s is the text the user gave as an amount */
            return fail (error, _("“%s” has two signs"), shown, NULL);
          *out_negative = negative;
          p += n;
        }
      else if (!mark && (n = currency_at (p, currency)) > 0)
        {
          mark = TRUE;
          p += n;
        }
      else
        break;
    }

  /* A currency mark after the number: "1.250,00 EUR". */
  for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
    if (!g_ascii_isdigit (*q) && (n = currency_at (q, currency)) > 0
        && *skip_spaces (q + n) == '\0')
      {
        end = q;
        break;
      }
  end = trim_end (p, end);

  run.start = p;
  while (p < end)
    {
      SepKind kind;
      gboolean negative;

      if (g_ascii_isdigit (*p))
        {
          run.len++;
          p++;
        }
      else if ((n = sep_at (p, decimal, group, &kind)) > 0)
        {
          g_array_append_val (core->runs, run);
          g_array_append_val (core->seps, kind);
          p += n;
          run.start = p;
          run.len = 0;
        }
      else if (is_sign (p, &n, &negative) && signs > 0)
        return fail (error, _("“%s” has two signs"), shown, NULL);
      else
        {
          g_autofree char *what = g_utf8_substring (p, 0, 1);

          /* Translators: the first %s is the text the user gave as an
           * amount, the second the first character in it that is neither a
           * digit nor a separator, as in: "12a" contains "a", which cannot
           * be part of an amount */
          return fail (error, _("“%s” contains “%s”, which cannot be part of an amount"),
                       shown, what);
        }
    }
  g_array_append_val (core->runs, run);
  return TRUE;
}

gboolean
rec_cents_parse_display (const char *text,
                         const char *currency,
                         gboolean    allow_negative,
                         RecCents   *out_cents,
                         char      **out_understood,
                         GError    **error)
{
  g_autofree char *shown = g_strdup (text ? text : "");
  g_auto(Core) core = { 0, };
  SepKind kinds[5];
  guint n_kinds = 0;
  ReadResult reason = READ_STRUCTURE;
  int chosen = -1;
  gint64 value = 0;
  gboolean conformant = FALSE;
  gboolean negative;
  gboolean ambiguous = FALSE;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (!g_utf8_validate (shown, -1, NULL))
    /* Translators: %s is the text the user gave as an amount */
    return fail (error, _("“%s” is not an amount"), shown, NULL);

  /* g_strstrip knows only ASCII spaces. */
  memmove (shown, skip_spaces (shown), strlen (skip_spaces (shown)) + 1);
  *(char *) trim_end (shown, shown + strlen (shown)) = '\0';

  if (shown[0] == '\0')
    {
      g_set_error_literal (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID,
                           _("the amount is empty"));
      return FALSE;
    }

  if (!split_amount (shown, currency, &negative, &core, error))
    return FALSE;

  /* The locale's reading first, then a whole number, then the others. */
  kinds[n_kinds++] = core.decimal_kind;
  kinds[n_kinds++] = SEP_NONE;
  for (SepKind k = SEP_DOT; k <= SEP_LOCALE_DEC; k++)
    if (k != core.decimal_kind && k != SEP_SPACE)
      kinds[n_kinds++] = k;

  /* The first reading in the locale's conventions, else the first at all;
   * the reason for a refusal is the first that is not a mere misfit. */
  for (guint i = 0; i < n_kinds; i++)
    {
      gint64 v = 0;
      gboolean c = FALSE;
      ReadResult r = read_core (&core, kinds[i], FALSE, &v, &c);

      if (r == READ_OK && (chosen < 0 || (c && !conformant)))
        {
          chosen = (int) i;
          value = v;
          conformant = c;
        }
      else if (r != READ_OK && reason == READ_STRUCTURE)
        reason = r;
    }

  if (chosen < 0)
    {
      g_autofree char *example = NULL;

      switch (reason)
        {
        case READ_DECIMALS:
          /* Translators: %s is the text the user gave as an amount */
          return fail (error, _("“%s” has more than two decimals"), shown, NULL);
        case READ_LARGE:
          /* Translators: %s is the text the user gave as an amount */
          return fail (error, _("“%s” is too large"), shown, NULL);
        case READ_NO_DIGITS:
          /* Translators: %s is the text the user gave as an amount */
          return fail (error, _("“%s” is not an amount"), shown, NULL);
        case READ_OK:
        case READ_STRUCTURE:
        case READ_GROUPING:
        default:
          example = rec_cents_format (125000000, currency);
          /* Translators: the first %s is the text the user gave as an
           * amount, the second an amount written in the user's conventions,
           * as in "$1,250,000.00" */
          return fail (error, _("“%s” has a thousands separator out of place: "
                                "digits go in groups of three, as in %s"), shown, example);
        }
    }

  if (negative && !allow_negative)
    /* Translators: %s is the text the user gave as an amount */
    return fail (error, _("“%s” is negative"), shown, NULL);

  /* Another reader's reading: the same text with another decimal mark. */
  for (guint i = 0; i < n_kinds && !ambiguous; i++)
    {
      gint64 v;
      gboolean c;

      if ((int) i != chosen && read_core (&core, kinds[i], TRUE, &v, &c) == READ_OK && v != value)
        ambiguous = TRUE;
    }

  *out_cents = negative ? -value : value;
  if (out_understood != NULL)
    {
      *out_understood = NULL;
      if (!conformant || ambiguous)
        {
          g_autofree char *amount = rec_cents_format (*out_cents, currency);

          /* Translators: said under an amount field when what was typed
           * could be read another way; %s is the amount understood, as in
           * "read as $1,250.00" */
          *out_understood = g_strdup_printf (_("read as %s"), amount);
        }
    }
  return TRUE;
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

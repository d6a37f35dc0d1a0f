/* rec-import-values.c — dates and amounts as statements write them, and the
 * payment candidates the readers append
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-payments-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* At most 11 digits before the decimal mark: 999 999 999.99 is the most a
 * case holds (REC_CENTS_MAX), and the check below keeps gint64 far from
 * overflowing. */
#define MAX_WHOLE_DIGITS 11

/* --- Dates --- */

/* Reads 1 to `max` digits at *p into *out; advances *p. */
static gboolean
read_number (const char **p,
             int          max,
             int         *out_digits,
             int         *out)
{
  int n = 0;
  int value = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  *out_digits = n;
  return n > 0 && !g_ascii_isdigit (**p);
}

/* The date part ends at the text's end, a space or a 'T' before a time. */
static gboolean
at_date_end (const char *p)
{
  return *p == '\0' || *p == ' ' || *p == 'T' || *p == 't';
}

/* Splits "A/B/Y" (or with '-' or '.'); FALSE for any other form. */
static gboolean
split_numeric (const char *text,
               int        *out_first,
               int        *out_second,
               int        *out_year,
               int        *out_year_digits)
{
  const char *p = text;
  char separator;
  int digits;

  while (*p == ' ')
    p++;
  if (!read_number (&p, 2, &digits, out_first))
    return FALSE;
  separator = *p;
  if (separator != '/' && separator != '-' && separator != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &digits, out_second) || *p != separator)
    return FALSE;
  p++;
  if (!read_number (&p, 4, out_year_digits, out_year)
      || (*out_year_digits != 2 && *out_year_digits != 4))
    return FALSE;
  return at_date_end (p);
}

static gboolean
set_date (GDate *out_date,
          int    day,
          int    month,
          int    year)
{
  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
parse_iso (const char *text,
           GDate      *out_date)
{
  const char *p = text;
  int year, month, day, digits;
  char separator;

  while (*p == ' ')
    p++;
  if (!read_number (&p, 4, &digits, &year) || digits != 4)
    return FALSE;
  separator = *p;
  if (separator != '-' && separator != '/')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &digits, &month) || *p != separator)
    return FALSE;
  p++;
  if (!read_number (&p, 2, &digits, &day) || !at_date_end (p))
    return FALSE;
  return set_date (out_date, day, month, year);
}

gboolean
_rec_import_date_parts (const char *text,
                        int        *out_first,
                        int        *out_second)
{
  int year, year_digits;

  g_return_val_if_fail (text != NULL, FALSE);

  return split_numeric (text, out_first, out_second, &year, &year_digits);
}

gboolean
_rec_import_parse_date (const char   *text,
                        RecDateOrder  order,
                        GDate        *out_date)
{
  int first, second, year, year_digits;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (parse_iso (text, out_date))
    return TRUE;
  if (!split_numeric (text, &first, &second, &year, &year_digits))
    return FALSE;
  /* A two-digit year: statements are of this century, or the end of the
   * last (a pivot that reads no clock). */
  if (year_digits == 2)
    year += year < 70 ? 2000 : 1900;
  if (order == REC_DATE_ORDER_DMY)
    return set_date (out_date, first, second, year);
  return set_date (out_date, second, first, year);
}

/* --- Amounts --- */

typedef struct
{
  gboolean negative;
  char     core[64];     /* the digits and separators, nothing else */
} AmountParts;

static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if (g_str_has_prefix (p, "\xC2\xA0"))          /* no-break space */
        p += 2;
      else if (g_str_has_prefix (p, "\xE2\x80\xAF"))      /* narrow no-break space */
        p += 3;
      else
        return p;
    }
}

/* Skips a currency mark: "$", "US$", "USD", "€". */
static const char *
skip_currency (const char *p)
{
  if (g_str_has_prefix (p, "US$"))
    return skip_spaces (p + 3);
  if (*p == '$')
    return skip_spaces (p + 1);
  if (g_str_has_prefix (p, "USD"))
    return skip_spaces (p + 3);
  if (g_str_has_prefix (p, "\xE2\x82\xAC"))
    return skip_spaces (p + 3);
  return p;
}

static gboolean
take_sign (const char **p,
           gboolean    *negative,
           gboolean    *seen)
{
  if (**p != '-' && **p != '+')
    return TRUE;
  if (*seen)
    return FALSE;
  *seen = TRUE;
  *negative = **p == '-';
  *p = skip_spaces (*p + 1);
  return TRUE;
}

/* Cuts sign, parentheses and currency off; FALSE when what is left cannot be
 * a number at all. */
static gboolean
split_amount (const char  *text,
              AmountParts *parts)
{
  const char *p = skip_spaces (text);
  const char *end;
  gboolean sign_seen = FALSE;
  gboolean parens = FALSE;
  gsize n = 0;

  parts->negative = FALSE;
  if (*p == '(')
    {
      parens = TRUE;
      p = skip_spaces (p + 1);
    }
  if (!take_sign (&p, &parts->negative, &sign_seen))
    return FALSE;
  p = skip_currency (p);
  if (!take_sign (&p, &parts->negative, &sign_seen))
    return FALSE;
  for (end = p; g_ascii_isdigit (*end) || *end == ',' || *end == '.' || *end == ' '; end++)
    {
      if (n + 1 >= sizeof parts->core)
        return FALSE;
      parts->core[n++] = *end;
    }
  while (n > 0 && parts->core[n - 1] == ' ')
    n--;
  parts->core[n] = '\0';
  p = skip_spaces (end);
  /* A trailing minus ("150.00-"), a closing parenthesis, a currency code. */
  if (*p == '-' && !sign_seen)
    {
      parts->negative = TRUE;
      p = skip_spaces (p + 1);
    }
  if (parens)
    {
      if (*p != ')' || sign_seen)
        return FALSE;
      parts->negative = TRUE;
      p = skip_spaces (p + 1);
    }
  if (g_str_has_prefix (p, "USD") || g_str_has_prefix (p, "\xE2\x82\xAC"))
    p = skip_spaces (p + 3);   /* "USD" and "€" are three bytes each */
  /* "150.00 CR" / "150.00 DR", as some banks mark money in and out. */
  if (!sign_seen && !parens && (g_ascii_strncasecmp (p, "CR", 2) == 0
                                || g_ascii_strncasecmp (p, "DR", 2) == 0))
    {
      parts->negative = g_ascii_toupper (*p) == 'D';
      p = skip_spaces (p + 2);
    }
  return *p == '\0' && n > 0;
}

/* The whole part: digits, or groups of three after 1–3 digits split by
 * `group` (',' or '.', or a space in the decimal-comma convention). */
static gboolean
parse_whole (const char *text,
             gsize       len,
             char        group,
             gint64     *out)
{
  gint64 value = 0;
  int digits = 0;
  int run = 0;
  gboolean grouped = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == group || (group == '.' && c == ' '))
        {
          if (run == 0 || run > 3 || (grouped && run != 3))
            return FALSE;
          grouped = TRUE;
          run = 0;
          continue;
        }
      if (!g_ascii_isdigit (c) || ++digits > MAX_WHOLE_DIGITS)
        return FALSE;
      value = value * 10 + (c - '0');
      run++;
    }
  if (grouped && run != 3)
    return FALSE;
  *out = value;
  return TRUE;
}

/* The core in one convention, as cents ≥ 0. */
static gboolean
parse_core (const char *core,
            gboolean    decimal_comma,
            RecCents   *out_cents)
{
  char mark = decimal_comma ? ',' : '.';
  char group = decimal_comma ? '.' : ',';
  const char *dot = strrchr (core, mark);
  gsize whole_len = dot ? (gsize) (dot - core) : strlen (core);
  gint64 whole = 0;
  gint64 fraction = 0;
  gsize decimals = 0;

  if (dot != NULL)
    {
      decimals = strlen (dot + 1);
      /* Zeros past the cents change nothing ("450.0000", as some banks
       * write): the amount is still exact. Any other third decimal is a
       * fraction of a cent, or a thousands group of the other convention. */
      while (decimals > 2 && dot[decimals] == '0')
        decimals--;
      if (decimals == 0 || decimals > 2)
        return FALSE;
      for (gsize i = 1; i <= decimals; i++)
        {
          if (!g_ascii_isdigit (dot[i]))
            return FALSE;
          fraction = fraction * 10 + (dot[i] - '0');
        }
      if (decimals == 1)
        fraction *= 10;
    }
  if (strchr (core, ' ') != NULL && !decimal_comma)
    return FALSE;
  if (whole_len == 0 && dot == NULL)
    return FALSE;
  if (whole_len > 0 && !parse_whole (core, whole_len, group, &whole))
    return FALSE;
  *out_cents = whole * 100 + fraction;
  return *out_cents <= REC_CENTS_MAX;
}

gboolean
_rec_import_parse_amount (const char  *text,
                          gboolean     decimal_comma,
                          RecCents    *out_cents,
                          char       **out_reason)
{
  AmountParts parts;
  RecCents cents;
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (split_amount (text, &parts) && parse_core (parts.core, decimal_comma, &cents))
    {
      *out_cents = parts.negative ? -cents : cents;
      return TRUE;
    }
  if (out_reason == NULL)
    return FALSE;
  quoted = rec_core_quote_text (text);
  if (split_amount (text, &parts) && parse_core (parts.core, !decimal_comma, &cents))
    /* Translators: an amount written in the other convention than the rest
     * of the statement (a decimal comma in a file of decimal points, or the
     * reverse), quoted as it is in the file. */
    *out_reason = g_strdup_printf (_("\"%s\" is not an amount in this file's format"), quoted);
  else
    /* Translators: a statement's amount cell, quoted as it is in the file. */
    *out_reason = g_strdup_printf (_("\"%s\" is not an amount"), quoted);
  return FALSE;
}

int
_rec_import_decimal_vote (const char *text)
{
  AmountParts parts;
  const char *mark;
  gsize after;

  g_return_val_if_fail (text != NULL, 0);

  if (!split_amount (text, &parts))
    return 0;
  /* The last separator with one or two digits after it is the decimal
   * mark; with three it is a thousands separator, which says nothing sure
   * ("1,245" is 1245 or 1.245). */
  mark = strpbrk (parts.core, ",.");
  if (mark == NULL)
    return 0;
  for (const char *p = mark; (p = strpbrk (p + 1, ",.")) != NULL;)
    mark = p;
  after = strlen (mark + 1);
  if (after == 1 || after == 2)
    return *mark == ',' ? 1 : -1;
  return 0;
}

/* --- Candidates --- */

char *
_rec_import_where (RecImportSource *source,
                   guint            line)
{
  return g_strdup_printf ("%s:%u", source->name, line);
}

RecImportCandidate *
_rec_import_add_payment (RecImportSource *source,
                         guint            line,
                         const GDate     *date,
                         RecCents         cents,
                         gboolean         credit,
                         RecPaymentMethod method,
                         const char      *reference,
                         const char      *description,
                         const char      *match_text)
{
  RecImportCandidate *candidate;
  RecPayment *payment = rec_payment_new ();

  g_return_val_if_fail (cents != 0, NULL);

  payment->date = *date;
  payment->amount_cents = cents < 0 ? -cents : cents;
  payment->method = method;
  rec_set_str (&payment->reference, reference);
  rec_set_str (&payment->notes, description);
  candidate = rec_import_candidate_new (credit ? REC_IMPORT_NEW : REC_IMPORT_NOT_MATCHING);
  candidate->record = REC_ENTITY (payment);
  candidate->credit = credit;
  candidate->where = _rec_import_where (source, line);
  candidate->description = g_strdup (description ? description : "");
  candidate->match_text = g_strdup (match_text ? match_text : "");
  g_ptr_array_add (source->candidates, candidate);
  return candidate;
}

void
_rec_import_add_rejected (RecImportSource *source,
                          guint            line,
                          char            *reason)
{
  RecImportCandidate *candidate = rec_import_candidate_new (REC_IMPORT_REJECTED);

  candidate->where = _rec_import_where (source, line);
  candidate->reason = reason;
  candidate->description = g_strdup ("");
  g_ptr_array_add (source->candidates, candidate);
}

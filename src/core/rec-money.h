/* rec-money.h — amounts in integer cents: parsing, formatting, checked arithmetic
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One unit is one cent of the case's currency. Never a double. */
typedef gint64 RecCents;

/* The largest amount a case may hold: 999 999 999.99 (spec/case-json.md). */
#define REC_CENTS_MAX G_GINT64_CONSTANT (99999999999)

#define REC_CORE_ERROR (rec_core_error_quark ())

typedef enum
{
  REC_CORE_ERROR_INVALID,   /* bad input: an amount, a date, a word */
  REC_CORE_ERROR_RULES,     /* a rules file that cannot be used */
  REC_CORE_ERROR_OVERFLOW,  /* a sum beyond what a case can hold */
} RecCoreError;

GQuark   rec_core_error_quark (void);

/* Text someone typed, as an error message quotes it: valid UTF-8 on one
 * line (a newline, a tab, a quote, a backslash are escaped: "1\n2"). */
char    *rec_core_quote_text  (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_GNUC_WARN_UNUSED_RESULT static inline gboolean
rec_cents_add (RecCents  a,
               RecCents  b,
               RecCents *out)
{
  return !__builtin_add_overflow (a, b, out);
}

G_GNUC_WARN_UNUSED_RESULT static inline gboolean
rec_cents_sub (RecCents  a,
               RecCents  b,
               RecCents *out)
{
  return !__builtin_sub_overflow (a, b, out);
}

/* Parses "850", "850.5", "850.50", "-3.00" (when allow_negative): digits, at most
 * two decimals, no grouping, no sign unless allowed, no spaces. On failure the
 * error (REC_CORE_ERROR_INVALID) says what is wrong with the text; it does not
 * name a field: the caller prefixes its path. */
gboolean rec_cents_parse       (const char *text,
                                gboolean    allow_negative,
                                RecCents   *out_cents,
                                GError    **error);

/* Parses an amount as people type it in the current locale's display form,
 * the one rec_cents_format() shows: "1,250.00", "$1,415", "1415", ".5" in
 * English; "1.250,00", "1.250" (= 1250), "$1.415,00", "1415,5" in Spanish and
 * Vietnamese. Spaces around, a "$" / "US$" (when currency is USD or NULL) or
 * the currency code before or after, and spaces (also no-break and narrow
 * no-break) as grouping are accepted; so is the other convention's decimal
 * mark where only it makes sense ("1,25" in English).
 *
 * When another reading of the text is possible (a reader might mean 1.25 by
 * "1.250"), or the text follows the other convention, out_understood (when
 * not NULL) receives a translated note saying what was understood, with the
 * amount formatted by rec_cents_format(): "read as $1,250.00"; otherwise it
 * is set to NULL. On failure (REC_CORE_ERROR_INVALID) the error is one line
 * naming what is wrong: a misplaced thousands separator, more than two
 * decimals, letters, two signs, an empty text; nothing is stored in out_cents
 * or out_understood. */
gboolean rec_cents_parse_display (const char *text,
                                  const char *currency,
                                  gboolean    allow_negative,
                                  RecCents   *out_cents,
                                  char      **out_understood,
                                  GError    **error);

/* "1234.50", "-3.00": exactly two decimals, no grouping (JSON, CLI). */
char    *rec_cents_to_string   (RecCents    cents) G_GNUC_WARN_UNUSED_RESULT;

/* For people, in the current locale's conventions (LC_MONETARY/LC_NUMERIC)
 * with the currency symbol for USD: "$1,234.50", "-$3.00". */
char    *rec_cents_format      (RecCents    cents,
                                const char *currency) G_GNUC_WARN_UNUSED_RESULT;

/* Rate in basis points (hundredths of a percent): "6" → 600, "10.25" → 1025,
 * 0 to 100 %. */
gboolean rec_rate_parse        (const char *text,
                                int        *out_basis_points,
                                GError    **error);
char    *rec_rate_to_string    (int         basis_points) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* arrears-fixture.h — building cases from compact text for the engine's tables
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * terms     "KIND AMOUNT FREQUENCY DAYS EFFECTIVE [END]; …"  DAYS: 1–31, last,
 *           D1,D2 (semimonthly) or - (weekly, biweekly)
 * charges   "DATE AMOUNT [noint]; …"
 * payments  "DATE AMOUNT [tax]; …"  tax: method tax_offset
 * overrides "FROM TO PERCENT; …"
 */
#pragma once

#include "rec-arrears.h"
#include "rec-date.h"

#include <gio/gio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline GDate
fx_date (const char *text)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_date_clear (&date, 1);
  if (!rec_date_parse (text, &date, &error))
    g_error ("fixture date %s: %s", text, error->message);
  return date;
}

/* "1234.50": also beyond REC_CENTS_MAX, for expected interest. */
static inline RecCents
fx_cents (const char *text)
{
  const char *dot = strchr (text, '.');
  gint64 whole = g_ascii_strtoll (text, NULL, 10);

  if (dot == NULL || strlen (dot) != 3 || !g_ascii_isdigit (dot[1]) || !g_ascii_isdigit (dot[2]))
    g_error ("fixture amount %s: write two decimals", text);
  return whole * 100 + (dot[1] - '0') * 10 + (dot[2] - '0');
}

/* Splits "a b c; d e" into records of words. */
static inline GPtrArray *
fx_records (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (records, g_strsplit_set (parts[i], " ", -1));
    }
  return records;
}

static inline void
fx_add_terms (RecCaseData *data,
              const char  *text)
{
  g_autoptr(GPtrArray) records = fx_records (text);

  for (guint i = 0; i < records->len; i++)
    {
      char **w = g_ptr_array_index (records, i);
      RecTerm *term = rec_term_new ();

      g_assert_cmpuint (g_strv_length (w), >=, 5);
      term->entity.position = (int) data->terms->len + 1;
      term->kind = rec_term_kind_from_word (w[0]);
      term->amount_cents = fx_cents (w[1]);
      term->frequency = rec_frequency_from_word (w[2]);
      g_assert_cmpint ((int) term->kind, >=, 0);
      g_assert_cmpint ((int) term->frequency, >=, 0);
      if (strchr (w[3], ',') != NULL)
        sscanf (w[3], "%d,%d", &term->due_days[0], &term->due_days[1]);
      else if (g_str_equal (w[3], "last"))
        term->due_day = REC_DUE_DAY_LAST;
      else if (!g_str_equal (w[3], "-"))
        term->due_day = atoi (w[3]);
      term->effective = fx_date (w[4]);
      if (w[5] != NULL)
        term->end = fx_date (w[5]);
      g_ptr_array_add (data->terms, term);
    }
}

static inline void
fx_add_charges (RecCaseData *data,
                const char  *text)
{
  g_autoptr(GPtrArray) records = fx_records (text);

  for (guint i = 0; i < records->len; i++)
    {
      char **w = g_ptr_array_index (records, i);
      RecCharge *charge = rec_charge_new ();

      charge->entity.position = (int) data->charges->len + 1;
      charge->date = fx_date (w[0]);
      charge->amount_cents = fx_cents (w[1]);
      charge->interest_bearing = !(w[2] != NULL && g_str_equal (w[2], "noint"));
      g_ptr_array_add (data->charges, charge);
    }
}

static inline void
fx_add_payments (RecCaseData *data,
                 const char  *text)
{
  g_autoptr(GPtrArray) records = fx_records (text);

  for (guint i = 0; i < records->len; i++)
    {
      char **w = g_ptr_array_index (records, i);
      RecPayment *payment = rec_payment_new ();

      payment->entity.position = (int) data->payments->len + 1;
      payment->date = fx_date (w[0]);
      payment->amount_cents = fx_cents (w[1]);
      if (w[2] != NULL && g_str_equal (w[2], "tax"))
        payment->method = REC_PAYMENT_METHOD_TAX_OFFSET;
      g_ptr_array_add (data->payments, payment);
    }
}

static inline void
fx_add_overrides (RecCaseData *data,
                  const char  *text)
{
  g_autoptr(GPtrArray) records = fx_records (text);

  for (guint i = 0; i < records->len; i++)
    {
      char **w = g_ptr_array_index (records, i);
      RecInterestOverride *o = rec_interest_override_new ();

      o->entity.position = (int) data->interest_overrides->len + 1;
      o->from = fx_date (w[0]);
      o->to = fx_date (w[1]);
      g_assert_true (rec_rate_parse (w[2], &o->rate_basis_points, NULL));
      g_ptr_array_add (data->interest_overrides, o);
    }
}

/* California's rules with edits "KEY=OLD=>KEY=NEW|…" (whole lines), or as
 * shipped when edits is NULL. */
static inline RecRules *
fx_rules (const char *edits)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/recourse/Recourse/rules/us-ca.ini",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              (gssize) g_bytes_get_size (bytes));
  g_auto(GStrv) pairs = g_strsplit (edits ? edits : "", "|", -1);
  g_autoptr(GError) error = NULL;
  RecRules *rules;

  for (guint i = 0; edits != NULL && pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=>", 2);
      g_autofree char *find = g_strconcat ("\n", pair[0], "\n", NULL);
      g_autofree char *replace = g_strconcat ("\n", pair[1], "\n", NULL);

      g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
    }
  rules = rec_rules_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  return rules;
}

/* California's rules with raw text edits "FIND", "REPLACE", … (NULL-ended). */
static inline RecRules *
fx_rules_raw (const char *find,
              ...)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/recourse/Recourse/rules/us-ca.ini",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              (gssize) g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  RecRules *rules;
  va_list args;

  va_start (args, find);
  for (const char *f = find; f != NULL; f = va_arg (args, const char *))
    {
      const char *replace = va_arg (args, const char *);

      g_assert_cmpuint (g_string_replace (text, f, replace, 1), ==, 1);
    }
  va_end (args);
  rules = rec_rules_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  return rules;
}

static inline RecCaseData *
fx_case (const char *terms,
         const char *charges,
         const char *payments,
         const char *overrides,
         gboolean    agency,
         gboolean    public_assistance)
{
  RecCaseData *data = rec_case_data_new ();

  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->currency, "USD");
  data->info->agency_enforced = agency;
  data->info->public_assistance = public_assistance;
  fx_add_terms (data, terms);
  fx_add_charges (data, charges);
  fx_add_payments (data, payments);
  fx_add_overrides (data, overrides);
  return data;
}

/* The history month (year × 12 + month − 1) of a date. */
static inline int
fx_month_index (const GDate *date)
{
  return g_date_get_year (date) * 12 + (int) g_date_get_month (date) - 1;
}

/* spec §11 on any result: each history per kind has the merged history's
 * years and months; kinds in the order of §3, charges last, each listed iff an
 * item of it fell due; yearly figures are the sums of the months; and per
 * month the kinds' ordered add up to the merged ordered, the kinds' paid +
 * the interest paid + the net credit added (prepayments made minus credit
 * applied, from the ledger) to the merged paid. */
static inline void
fx_check_kind_histories (const RecArrearsResult *r)
{
  gboolean present[REC_N_TERM_KINDS + 1] = { FALSE, };
  int first = 0, n_months = 0, last_slot = -1;
  guint n_present = 0, interest_at = 0;
  g_autofree RecCents *credit = NULL;

  for (guint y = 0; y < r->history->len; y++)
    n_months += g_array_index (r->history, RecHistoryYear, y).n_months;
  if (r->history->len > 0)
    {
      const RecHistoryYear *y0 = &g_array_index (r->history, RecHistoryYear, 0);

      first = y0->year * 12 + y0->months[0].month - 1;
    }
  credit = g_new0 (RecCents, n_months + 1);

  for (guint i = 0; i < r->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, i);
      int m = fx_month_index (&line->date) - first;

      g_assert_cmpint (m, >=, 0);
      g_assert_cmpint (m, <, n_months);
      if (line->kind == REC_LEDGER_PAYMENT)
        credit[m] += line->to_credit_cents;
      else
        {
          present[line->kind == REC_LEDGER_CHARGE ? REC_N_TERM_KINDS : (int) line->term_kind] = TRUE;
          credit[m] -= line->from_credit_cents;
        }
    }
  for (int k = 0; k <= REC_N_TERM_KINDS; k++)
    n_present += present[k];
  g_assert_cmpuint (r->history_by_kind->len, ==, n_present);

  for (guint i = 0; i < r->history_by_kind->len; i++)
    {
      const RecKindHistory *kind = &g_array_index (r->history_by_kind, RecKindHistory, i);
      int slot = kind->is_charges ? REC_N_TERM_KINDS : (int) kind->kind;

      g_assert_true (present[slot]);
      g_assert_cmpint (slot, >, last_slot);
      last_slot = slot;
      g_assert_cmpuint (kind->history->len, ==, r->history->len);
      for (guint y = 0; y < r->history->len; y++)
        {
          const RecHistoryYear *merged = &g_array_index (r->history, RecHistoryYear, y);
          const RecHistoryYear *year = &g_array_index (kind->history, RecHistoryYear, y);
          RecCents ordered = 0, paid = 0;

          g_assert_cmpint (year->year, ==, merged->year);
          g_assert_cmpint (year->n_months, ==, merged->n_months);
          for (int m = 0; m < year->n_months; m++)
            {
              g_assert_cmpint (year->months[m].month, ==, merged->months[m].month);
              g_assert_cmpint (year->months[m].ordered_cents, >=, 0);
              g_assert_cmpint (year->months[m].paid_cents, >=, 0);
              ordered += year->months[m].ordered_cents;
              paid += year->months[m].paid_cents;
            }
          g_assert_cmpint (year->ordered_cents, ==, ordered);
          g_assert_cmpint (year->paid_cents, ==, paid);
        }
    }

  for (guint y = 0, m = 0; y < r->history->len; y++)
    {
      const RecHistoryYear *merged = &g_array_index (r->history, RecHistoryYear, y);

      for (int i = 0; i < merged->n_months; i++, m++)
        {
          RecCents ordered = 0, paid = credit[m];

          for (guint k = 0; k < r->history_by_kind->len; k++)
            {
              const RecKindHistory *kind = &g_array_index (r->history_by_kind, RecKindHistory, k);
              const RecHistoryMonth *month = &g_array_index (kind->history, RecHistoryYear, y).months[i];

              ordered += month->ordered_cents;
              paid += month->paid_cents;
            }
          if (interest_at < r->history_interest_paid->len)
            {
              const RecInterestPaidMonth *interest =
                &g_array_index (r->history_interest_paid, RecInterestPaidMonth, interest_at);

              if (interest->year == merged->year && interest->month == merged->months[i].month)
                {
                  g_assert_cmpint (interest->paid_cents, >, 0);
                  paid += interest->paid_cents;
                  interest_at++;
                }
            }
          g_assert_cmpint (ordered, ==, merged->months[i].ordered_cents);
          g_assert_cmpint (paid, ==, merged->months[i].paid_cents);
        }
    }
  /* Every interest month was a history month, in order. */
  g_assert_cmpuint (interest_at, ==, r->history_interest_paid->len);
}

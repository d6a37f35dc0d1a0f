/* rec-arrears-json.c — the summary as JSON (spec/arrears.md §8)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand, not through json-glib (core depends on GLib only), so the
 * keys come out in exactly the spec's order (§8, then §11's after history). Amounts are strings with two
 * decimals and no grouping; nothing here depends on the locale.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-arrears-private.h"

#include "rec-date.h"

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_amount (GString    *out,
               const char *key,
               RecCents    cents,
               const char *after)
{
  g_autofree char *text = rec_cents_to_string (cents);

  g_string_append_printf (out, "\"%s\": \"%s\"%s", key, text, after);
}

static void
append_date (GString     *out,
             const char  *key,
             const GDate *date)
{
  char buf[16];

  if (!rec_date_is_set (date))
    {
      g_string_append_printf (out, "  \"%s\": null,\n", key);
      return;
    }
  rec_date_to_iso_buf (date, buf);
  g_string_append_printf (out, "  \"%s\": \"%s\",\n", key, buf);
}

static void
append_contempt (GString                *out,
                 const RecArrearsResult *result)
{
  g_string_append (out, "  \"contempt_counts\": [");
  for (guint i = 0; i < result->contempt_counts->len; i++)
    {
      const RecContemptCount *count = &g_array_index (result->contempt_counts, RecContemptCount, i);

      g_string_append_printf (out, "%s\n    { \"month\": \"%04d-%02d\", ", i ? "," : "",
                              count->year, count->month);
      append_amount (out, "due", count->due_cents, ", ");
      append_amount (out, "unpaid", count->unpaid_cents, " }");
    }
  g_string_append (out, result->contempt_counts->len ? "\n  ],\n" : "],\n");
}

/* A history's years (spec §6), each line indented by `pad`: "[", the years,
 * "]" with no newline after it. */
static void
append_years (GString      *out,
              const GArray *history,
              const char   *pad)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < history->len; i++)
    {
      const RecHistoryYear *year = &g_array_index (history, RecHistoryYear, i);

      g_string_append_printf (out, "%s\n%s  { \"year\": %d, ", i ? "," : "", pad, year->year);
      append_amount (out, "ordered", year->ordered_cents, ", ");
      append_amount (out, "paid", year->paid_cents, ",\n");
      g_string_append_printf (out, "%s    \"months\": [", pad);
      for (int m = 0; m < year->n_months; m++)
        {
          g_string_append_printf (out, "%s\n%s      { \"month\": %d, ", m ? "," : "", pad,
                                  year->months[m].month);
          append_amount (out, "ordered", year->months[m].ordered_cents, ", ");
          append_amount (out, "paid", year->months[m].paid_cents, " }");
        }
      g_string_append_printf (out, "\n%s    ] }", pad);
    }
  if (history->len)
    g_string_append_printf (out, "\n%s", pad);
  g_string_append_c (out, ']');
}

static void
append_history (GString                *out,
                const RecArrearsResult *result)
{
  g_string_append (out, "  \"history\": ");
  append_years (out, result->history, "  ");
  g_string_append (out, ",\n");
}

/* spec §11: one history per support kind, then the charges; the interest
 * paid per month, only months with some. */
static void
append_history_by_kind (GString                *out,
                        const RecArrearsResult *result)
{
  g_string_append (out, "  \"history_by_kind\": [");
  for (guint i = 0; i < result->history_by_kind->len; i++)
    {
      const RecKindHistory *kind = &g_array_index (result->history_by_kind, RecKindHistory, i);

      g_string_append_printf (out, "%s\n    { \"kind\": \"%s\",\n      \"history\": ", i ? "," : "",
                              kind->is_charges ? "charges" : rec_term_kind_to_word (kind->kind));
      append_years (out, kind->history, "      ");
      g_string_append (out, " }");
    }
  g_string_append (out, result->history_by_kind->len ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"history_interest_paid\": [");
  for (guint i = 0; i < result->history_interest_paid->len; i++)
    {
      const RecInterestPaidMonth *month = &g_array_index (result->history_interest_paid,
                                                         RecInterestPaidMonth, i);

      g_string_append_printf (out, "%s\n    { \"month\": \"%04d-%02d\", ", i ? "," : "",
                              month->year, month->month);
      append_amount (out, "paid", month->paid_cents, " }");
    }
  g_string_append (out, result->history_interest_paid->len ? "\n  ],\n" : "],\n");
}

static void
append_remedies (GString                *out,
                 const RecArrearsResult *result)
{
  g_string_append (out, "  \"remedies\": [");
  for (guint i = 0; i < result->remedies->len; i++)
    {
      const RecRemedyResult *remedy = &g_array_index (result->remedies, RecRemedyResult, i);

      g_string_append_printf (out, "%s\n    { \"remedy\": \"%s\", \"eligible\": %s,\n      \"reason\": ",
                              i ? "," : "", rec_remedy_to_word (remedy->remedy),
                              remedy->eligible ? "true" : "false");
      append_string (out, remedy->reason);
      g_string_append (out, ",\n      \"citation\": ");
      append_string (out, remedy->citation);
      g_string_append (out, " }");
    }
  g_string_append (out, result->remedies->len ? "\n  ]\n" : "]\n");
}

char *
rec_arrears_result_to_json (const RecArrearsResult *result)
{
  g_autoptr(GString) out = g_string_new ("{\n");

  g_return_val_if_fail (result != NULL, NULL);

  append_date (out, "as_of", &result->as_of);
  g_string_append (out, "  \"currency\": ");
  append_string (out, result->currency);
  g_string_append (out, ",\n  ");
  append_amount (out, "principal_due", result->principal_due_cents, ",\n  ");
  append_amount (out, "paid", result->paid_cents, ",\n  ");
  append_amount (out, "principal_paid", result->principal_paid_cents, ",\n  ");
  append_amount (out, "interest_paid", result->interest_paid_cents, ",\n  ");
  append_amount (out, "credit", result->credit_cents, ",\n  ");
  append_amount (out, "principal_balance", result->principal_balance_cents, ",\n  ");
  append_amount (out, "interest_accrued", result->interest_accrued_cents, ",\n  ");
  append_amount (out, "interest_balance", result->interest_balance_cents, ",\n  ");
  append_amount (out, "total_balance", result->total_balance_cents, ",\n");
  /* null when nothing is unpaid at as_of; the example of spec §8 does not
   * show this case, §6 defines the date only when something is unpaid. */
  append_date (out, "oldest_unpaid_due", &result->oldest_unpaid_due);
  g_string_append_printf (out, "  \"days_delinquent\": %d,\n", result->days_delinquent);
  append_contempt (out, result);
  append_history (out, result);
  append_history_by_kind (out, result);
  append_remedies (out, result);
  g_string_append (out, "}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

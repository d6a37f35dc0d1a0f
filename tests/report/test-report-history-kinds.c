/* test-report-history-kinds.c — the packet's payment history per support type (spec/arrears.md §11)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FL-421 asks for one payment history per type of support: the packet prints
 * the merged grid, then a grid per kind on a sheet of its own, the charges on
 * theirs, and the interest paid. Read back with poppler: one heading per kind;
 * each kind's total paid is the sum of its `paid` in the summary JSON's
 * history_by_kind; and for every month the kinds' paid + the interest paid +
 * the net credit added equal the merged grid's paid.
 */
#include "config.h"

#include "report-test-util.h"
#include "../core/arrears-fixture.h"

#include "rec-enums.h"

#include <json-glib/json-glib.h>

/* Child 500.00 and medical 100.00 a month, January and February 2024;
 * charges of 200.00 (January 15) and 50.00 (April 1); payments of 1400.00
 * (February 10) and 100.00 (March 5): interest paid in February and March,
 * credit made in March and applied in April (tests/core/test-arrears.c). */
#define KINDS_TERMS "medical_support 100.00 monthly 1 2024-01-01 2024-02-29; " \
                    "child_support 500.00 monthly 1 2024-01-01 2024-02-29"
#define KINDS_CHARGES "2024-01-15 200.00; 2024-04-01 50.00"
#define KINDS_PAYMENTS "2024-02-10 1400.00; 2024-03-05 100.00"

typedef struct
{
  RecCaseData      *data;
  RecArrearsResult *result;
  GPtrArray        *pages;    /* char *, each page's text */
  GPtrArray        *outline;  /* char *, the bookmarks' titles */
} Packet;

static void
packet_clear (Packet *packet)
{
  g_clear_pointer (&packet->pages, g_ptr_array_unref);
  g_clear_pointer (&packet->outline, g_ptr_array_unref);
  g_clear_pointer (&packet->result, rec_arrears_result_free);
  g_clear_pointer (&packet->data, rec_case_data_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Packet, packet_clear)

static void
packet_make (Packet     *packet,
             const char *terms,
             const char *charges,
             const char *payments,
             const char *as_of_text,
             const char *language)
{
  g_autoptr(RecRules) rules = fx_rules (NULL);
  GDate as_of = fx_date (as_of_text);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rt_temp_path ("kinds.pdf");
  g_autoptr(PopplerDocument) doc = NULL;
  RecReportInput *input;
  PopplerIndexIter *iter;

  packet->data = fx_case (terms, charges, payments, NULL, FALSE, FALSE);
  rec_set_str (&packet->data->info->title, "Kinds v. Sheets");
  packet->result = rec_arrears_compute (packet->data, rules, &as_of, &error);
  g_assert_no_error (error);
  input = rec_report_input_new (packet->data, packet->result, language, REC_PDF_PAPER_LETTER, NULL);
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  rec_report_input_free (input);
  doc = rt_open_pdf (path);
  rt_remove (path);
  packet->pages = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    g_ptr_array_add (packet->pages, rt_page_text (doc, i));
  packet->outline = g_ptr_array_new_with_free_func (g_free);
  iter = poppler_index_iter_new (doc);
  for (gboolean more = iter != NULL; more; more = poppler_index_iter_next (iter))
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_ptr_array_add (packet->outline, g_strdup (action->any.title));
      poppler_action_free (action);
    }
  g_clear_pointer (&iter, poppler_index_iter_free);
}

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

/* "$1,400.00" → 140000 (the packet in English, USD). */
static RecCents
money_cents (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '.')
      g_string_append_c (digits, *p);
  return fx_cents (digits->str);
}

/* The month rows (month → paid, months[1..12]) of the grid under the line
 * `title`, which must be a line of exactly one page; its year total checked
 * against the rows. Returns the total paid. */
static RecCents
grid_paid (const Packet *packet,
           const char   *title,
           RecCents      paid[13])
{
  g_autoptr(GRegex) row = g_regex_new ("^([A-Z][a-z]+)(\\$[0-9,.]+)(\\$[0-9,.]+)$", 0, 0, NULL);
  g_autoptr(GRegex) total = g_regex_new ("^(Total 2024)?(\\$[0-9,.]+)(\\$[0-9,.]+)$", 0, 0, NULL);
  guint n_found = 0;
  RecCents sum = 0;

  memset (paid, 0, sizeof (RecCents) * 13);
  for (guint p = 0; p < packet->pages->len; p++)
    {
      g_auto(GStrv) lines = g_strsplit (packet->pages->pdata[p], "\n", -1);
      gboolean in = FALSE, totalled = FALSE;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (g_strcmp0 (lines[i], title) == 0)
            {
              in = TRUE;
              n_found++;
              continue;
            }
          if (!in || totalled)
            continue;
          if (g_regex_match (row, lines[i], 0, &match))
            {
              g_autofree char *name = g_match_info_fetch (match, 1);
              g_autofree char *amount = g_match_info_fetch (match, 3);

              for (int m = 0; m < 12; m++)
                if (g_str_equal (name, month_names[m]))
                  {
                    paid[m + 1] = money_cents (amount);
                    sum += paid[m + 1];
                  }
              continue;
            }
          g_clear_pointer (&match, g_match_info_free);
          if (g_regex_match (total, lines[i], 0, &match))
            {
              g_autofree char *amount = g_match_info_fetch (match, 3);

              g_assert_cmpint (money_cents (amount), ==, sum);
              totalled = TRUE;
            }
        }
      if (in)
        g_assert_true (totalled);
    }
  g_assert_cmpuint (n_found, ==, 1);
  return sum;
}

/* The "Interest paid" rows ("February 2024$9.48"), month → paid; the only
 * rows of the packet of that form. Returns how many. */
static guint
interest_paid (const Packet *packet,
               RecCents      paid[13])
{
  g_autoptr(GRegex) row = g_regex_new ("^([A-Z][a-z]+) 2024(\\$[0-9,.]+)$", 0, 0, NULL);
  guint n = 0;

  memset (paid, 0, sizeof (RecCents) * 13);
  for (guint p = 0; p < packet->pages->len; p++)
    {
      g_auto(GStrv) lines = g_strsplit (packet->pages->pdata[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (!g_regex_match (row, lines[i], 0, &match))
            continue;
          for (int m = 0; m < 12; m++)
            {
              g_autofree char *name = g_match_info_fetch (match, 1);
              g_autofree char *amount = g_match_info_fetch (match, 2);

              if (g_str_equal (name, month_names[m]))
                {
                  paid[m + 1] += money_cents (amount);
                  n++;
                }
            }
        }
    }
  return n;
}

/* How many pages have `line` as one of their lines. */
static guint
pages_with_line (const Packet *packet,
                 const char   *line)
{
  guint n = 0;

  for (guint p = 0; p < packet->pages->len; p++)
    {
      g_auto(GStrv) lines = g_strsplit (packet->pages->pdata[p], "\n", -1);

      n += g_strv_contains ((const char * const *) lines, line);
    }
  return n;
}

/* The kind's `paid` summed over the months of summary JSON's history_by_kind. */
static RecCents
json_paid (JsonArray  *by_kind,
           const char *word)
{
  RecCents sum = 0;
  guint n_found = 0;

  for (guint i = 0; i < json_array_get_length (by_kind); i++)
    {
      JsonObject *entry = json_array_get_object_element (by_kind, i);
      JsonArray *years;

      if (!g_str_equal (json_object_get_string_member (entry, "kind"), word))
        continue;
      n_found++;
      years = json_object_get_array_member (entry, "history");
      for (guint y = 0; y < json_array_get_length (years); y++)
        {
          JsonArray *months = json_object_get_array_member (json_array_get_object_element (years, y),
                                                            "months");

          for (guint m = 0; m < json_array_get_length (months); m++)
            sum += fx_cents (json_object_get_string_member (json_array_get_object_element (months, m),
                                                            "paid"));
        }
    }
  g_assert_cmpuint (n_found, ==, 1);
  return sum;
}

/* The heading of a kind's sheet, as the packet words it in English. */
static char *
kind_title (RecTermKind kind)
{
  return g_strdup_printf ("Payment history — %s", rec_term_kind_label (kind));
}

static void
test_sheets_reconcile (void)
{
  g_auto(Packet) packet = { NULL, };
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *child = kind_title (REC_TERM_KIND_CHILD_SUPPORT);
  g_autofree char *medical = kind_title (REC_TERM_KIND_MEDICAL_SUPPORT);
  RecCents merged[13], child_paid[13], medical_paid[13], charges_paid[13], interest[13];
  RecCents credit[13] = { 0, };
  JsonArray *by_kind;

  packet_make (&packet, KINDS_TERMS, KINDS_CHARGES, KINDS_PAYMENTS, "2024-04-30", "en");
  json = rec_arrears_result_to_json (packet.result);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  by_kind = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "history_by_kind");
  g_assert_cmpuint (json_array_get_length (by_kind), ==, 3);

  /* One heading per kind, each on a page of its own. */
  g_assert_cmpuint (pages_with_line (&packet, child), ==, 1);
  g_assert_cmpuint (pages_with_line (&packet, medical), ==, 1);
  g_assert_cmpuint (pages_with_line (&packet, "Charges"), ==, 1);
  for (guint p = 0; p < packet.pages->len; p++)
    {
      const char *text = packet.pages->pdata[p];

      g_assert_false (strstr (text, child) != NULL && strstr (text, medical) != NULL);
      g_assert_false (strstr (text, medical) != NULL && strstr (text, "\nCharges\n") != NULL);
    }

  /* The outline lists each sheet, in order, after the merged grid. */
  {
    const char *sheets[] = { "Payment history (as on form FL-421)", child, medical, "Charges",
                             "Interest paid" };
    guint at = 0;

    for (guint i = 0; i < packet.outline->len && at < G_N_ELEMENTS (sheets); i++)
      if (g_str_equal (packet.outline->pdata[i], sheets[at]))
        at++;
    g_assert_cmpuint (at, ==, G_N_ELEMENTS (sheets));
  }

  /* Each kind's total paid is its paid in the summary JSON. */
  grid_paid (&packet, "Payment history (as on form FL-421)", merged);
  g_assert_cmpint (grid_paid (&packet, child, child_paid), ==, json_paid (by_kind, "child_support"));
  g_assert_cmpint (grid_paid (&packet, medical, medical_paid), ==, json_paid (by_kind, "medical_support"));
  g_assert_cmpint (grid_paid (&packet, "Charges", charges_paid), ==, json_paid (by_kind, "charges"));
  g_assert_cmpint (json_paid (by_kind, "child_support"), ==, 100000);
  g_assert_cmpuint (interest_paid (&packet, interest), ==, packet.result->history_interest_paid->len);
  g_assert_cmpint (interest[2], ==, 948);

  /* Spec §11's identity, on every month of the printed grids: the net
   * credit added in the month is taken from the ledger. */
  for (guint i = 0; i < packet.result->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (packet.result->ledger, RecLedgerLine, i);
      int m = (int) g_date_get_month (&line->date);

      credit[m] += line->kind == REC_LEDGER_PAYMENT ? line->to_credit_cents : -line->from_credit_cents;
    }
  g_assert_cmpint (credit[3], >, 0);
  for (int m = 1; m <= 12; m++)
    {
      g_test_message ("month %d", m);
      g_assert_cmpint (child_paid[m] + medical_paid[m] + charges_paid[m] + interest[m] + credit[m],
                       ==, merged[m]);
    }
}

/* Child support only, no charges: the merged grid is that kind's, printed
 * once; the interest paid still has its table. */
static void
test_one_kind_once (void)
{
  g_auto(Packet) packet = { NULL, };
  g_autofree char *child = kind_title (REC_TERM_KIND_CHILD_SUPPORT);
  RecCents merged[13], interest[13];

  packet_make (&packet, "child_support 500.00 monthly 1 2024-01-01 2024-03-31", NULL,
               "2024-04-10 1500.00", "2024-06-30", "en");
  g_assert_cmpuint (packet.result->history_by_kind->len, ==, 1);
  g_assert_cmpuint (pages_with_line (&packet, child), ==, 0);
  g_assert_cmpuint (pages_with_line (&packet, "Charges"), ==, 0);
  g_assert_cmpint (grid_paid (&packet, "Payment history (as on form FL-421)", merged), ==, 150000);
  g_assert_cmpuint (interest_paid (&packet, interest), ==, packet.result->history_interest_paid->len);
  g_assert_cmpuint (packet.result->history_interest_paid->len, >, 0);
  g_assert_cmpint (interest[4], ==, g_array_index (packet.result->history_interest_paid,
                                                   RecInterestPaidMonth, 0).paid_cents);
}

int
main (int argc, char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/history-kinds/sheets-reconcile", test_sheets_reconcile);
  g_test_add_func ("/report/history-kinds/one-kind-once", test_one_kind_once);
  return g_test_run ();
}

/* test-demo.c — the demo case: deterministic, believable, valid, and the large one's sizes
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lives with the store tests because it checks the demo through the JSON
 * importer's validation of every field.
 */
#include "config.h"

#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"

#include <string.h>

static RecCaseData *
demo_for (const char *iso,
          gboolean    large)
{
  GDate today;

  g_assert_true (rec_date_parse (iso, &today, NULL));
  return rec_demo_case_new (&today, large);
}

/* Valid by the importer's rules, and the same for the same day. */
static void
test_valid_and_deterministic (gconstpointer data)
{
  const char *iso = data;
  g_autoptr(RecCaseData) a = demo_for (iso, FALSE);
  g_autoptr(RecCaseData) b = demo_for (iso, FALSE);
  g_autoptr(RecCaseData) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ja = rec_case_json_to_string (a);
  g_autofree char *jb = rec_case_json_to_string (b);
  GDate today;

  g_assert_cmpstr (ja, ==, jb);
  parsed = rec_case_json_parse (ja, -1, &error);
  g_assert_no_error (error);

  /* Nothing dated after today. */
  g_assert_true (rec_date_parse (iso, &today, NULL));
  for (guint i = 0; i < a->payments->len; i++)
    g_assert_cmpint (g_date_compare (&REC_PAYMENT (a->payments->pdata[i])->date, &today), <=, 0);
  for (guint i = 0; i < a->charges->len; i++)
    g_assert_cmpint (g_date_compare (&REC_CHARGE (a->charges->pdata[i])->date, &today), <=, 0);
}

static void
test_other_day_differs (void)
{
  g_autoptr(RecCaseData) a = demo_for ("2026-11-23", FALSE);
  g_autoptr(RecCaseData) b = demo_for ("2026-11-24", FALSE);
  g_autofree char *ja = rec_case_json_to_string (a);
  g_autofree char *jb = rec_case_json_to_string (b);

  g_assert_cmpstr (ja, !=, jb);
}

static void
test_normal_story (void)
{
  g_autoptr(RecCaseData) c = demo_for ("2026-11-23", FALSE);
  gboolean channels[REC_N_CHANNELS] = { FALSE };
  gboolean directions[REC_N_DIRECTIONS] = { FALSE };
  gboolean statuses[REC_N_STATUSES] = { FALSE };
  guint n_statuses = 0, n_child_support = 0, n_medical = 0, n_partial = 0, n_late = 0;
  GDate first, last;

  g_assert_cmpstr (c->info->jurisdiction, ==, "us-ca");
  g_assert_nonnull (strstr (c->info->court, "Santa Clara"));
  g_assert_cmpstr (c->info->court_case_number, !=, "");
  g_assert_cmpstr (c->info->obligor.address, !=, "");
  g_assert_cmpstr (c->info->obligee.address, !=, "");
  g_assert_cmpuint (c->children->len, ==, 2);

  for (guint i = 0; i < c->terms->len; i++)
    {
      RecTerm *t = c->terms->pdata[i];

      n_child_support += t->kind == REC_TERM_KIND_CHILD_SUPPORT;
      n_medical += t->kind == REC_TERM_KIND_MEDICAL_SUPPORT;
    }
  g_assert_cmpuint (n_child_support, ==, 2);     /* the order and its modification */
  g_assert_cmpuint (n_medical, ==, 1);
  g_assert_cmpint (REC_TERM (c->terms->pdata[0])->amount_cents, !=,
                   REC_TERM (c->terms->pdata[2])->amount_cents);

  /* About three years, with partial and late payments and missed months. */
  first = REC_TERM (c->terms->pdata[0])->effective;
  g_date_clear (&last, 1);
  g_assert_true (rec_date_parse ("2026-11-23", &last, NULL));
  g_assert_cmpint (g_date_days_between (&first, &last), >, 365 * 2 + 300);
  for (guint i = 0; i < c->payments->len; i++)
    {
      RecPayment *p = c->payments->pdata[i];

      n_partial += strstr (p->notes, "Partial") != NULL;
      n_late += strstr (p->notes, "Late") != NULL;
    }
  g_assert_cmpuint (n_partial, >=, 3);
  g_assert_cmpuint (n_late, >=, 3);
  g_assert_cmpuint (c->payments->len, <, 36);     /* some months were missed */
  g_assert_cmpuint (c->charges->len, >=, 1);

  g_assert_cmpuint (c->communications->len, >=, 35);
  g_assert_cmpuint (c->communications->len, <=, 45);
  for (guint i = 0; i < c->communications->len; i++)
    {
      RecCommunication *k = c->communications->pdata[i];

      channels[k->channel] = TRUE;
      directions[k->direction] = TRUE;
      g_assert_cmpstr (k->summary, !=, "");
    }
  for (int i = 0; i < REC_N_CHANNELS; i++)
    g_assert_true (channels[i]);
  for (int i = 0; i < REC_N_DIRECTIONS; i++)
    g_assert_true (directions[i]);

  for (guint i = 0; i < c->enforcement->len; i++)
    statuses[REC_ENFORCEMENT_STEP (c->enforcement->pdata[i])->status] = TRUE;
  for (int i = 0; i < REC_N_STATUSES; i++)
    n_statuses += statuses[i];
  g_assert_cmpuint (n_statuses, >=, 4);
}

static void
test_large (void)
{
  g_autoptr(RecCaseData) c = demo_for ("2026-11-23", TRUE);
  g_autoptr(RecCaseData) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  guint weekly_support = 0;
  RecTerm *first;
  GDate today;

  g_assert_cmpuint (c->payments->len, ==, REC_DEMO_LARGE_PAYMENTS);
  g_assert_cmpuint (c->communications->len, ==, REC_DEMO_LARGE_COMMUNICATIONS);
  for (guint i = 0; i < c->terms->len; i++)
    {
      RecTerm *t = c->terms->pdata[i];

      weekly_support += t->kind == REC_TERM_KIND_CHILD_SUPPORT
                        && t->frequency == REC_FREQUENCY_WEEKLY;
    }
  g_assert_cmpuint (weekly_support, >=, 4);    /* several modifications */

  first = c->terms->pdata[0];
  g_assert_true (rec_date_parse ("2026-11-23", &today, NULL));
  g_assert_cmpint (g_date_days_between (&first->effective, &today) / 365, ==,
                   REC_DEMO_LARGE_YEARS);

  json = rec_case_json_to_string (c);
  parsed = rec_case_json_parse (json, -1, &error);
  g_assert_no_error (error);
  again = rec_case_json_to_string (parsed);
  g_assert_cmpstr (json, ==, again);
}

int
main (int    argc,
      char **argv)
{
  static const char *days[] = { "2026-11-23", "2024-02-29", "2025-01-01", "2031-12-31",
                                "2027-03-14", "2026-11-01" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/demo/valid/%s", days[i]);

      g_test_add_data_func (path, days[i], test_valid_and_deterministic);
    }
  g_test_add_func ("/store/demo/other-day-differs", test_other_day_differs);
  g_test_add_func ("/store/demo/normal-story", test_normal_story);
  g_test_add_func ("/store/demo/large", test_large);

  return g_test_run ();
}

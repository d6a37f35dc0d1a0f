/* test-case-json.c — the recourse-case JSON interchange: reading, writing, refusing
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"

#include <string.h>

#include "../fixtures/bad-case-json.h"

/* The example document of spec/case-json.md. */
static const char spec_example[] =
  "{\n"
  "  \"format\": \"recourse-case\",\n"
  "  \"version\": 1,\n"
  "  \"case\": {\n"
  "    \"title\": \"Rivera v. Rivera\",\n"
  "    \"jurisdiction\": \"us-ca\",\n"
  "    \"currency\": \"USD\",\n"
  "    \"agency_enforced\": false,\n"
  "    \"public_assistance\": false,\n"
  "    \"court\": \"Superior Court of California, County of Santa Clara\",\n"
  "    \"court_case_number\": \"23FL001234\",\n"
  "    \"agency_case_number\": \"\",\n"
  "    \"obligor\": { \"name\": \"Daniel Rivera\", \"address\": \"\", \"phone\": \"\", \"email\": \"\", \"employer\": \"\" },\n"
  "    \"obligee\": { \"name\": \"Maria Rivera\", \"address\": \"\", \"phone\": \"\", \"email\": \"\", \"employer\": \"\" },\n"
  "    \"notes\": \"\"\n"
  "  },\n"
  "  \"children\": [ { \"name\": \"Sofia Rivera\", \"birth_date\": \"2016-05-09\" } ],\n"
  "  \"terms\": [\n"
  "    { \"kind\": \"child_support\", \"amount\": \"850.00\", \"frequency\": \"monthly\", \"due_day\": 1,\n"
  "      \"effective\": \"2023-01-01\", \"end\": null, \"reference\": \"Findings and Order After Hearing, 2022-12-14\", \"notes\": \"\" }\n"
  "  ],\n"
  "  \"interest_overrides\": [ { \"from\": \"2024-03-01\", \"to\": \"2024-08-31\", \"rate_percent\": \"6\", \"reason\": \"SCRA active duty\" } ],\n"
  "  \"charges\": [ { \"date\": \"2023-06-01\", \"amount\": \"420.00\", \"description\": \"Half of orthodontist bill\", \"interest_bearing\": true } ],\n"
  "  \"payments\": [ { \"date\": \"2023-01-03\", \"amount\": \"850.00\", \"method\": \"check\", \"reference\": \"1043\", \"notes\": \"\" } ],\n"
  "  \"communications\": [\n"
  "    { \"at\": \"2023-04-02T18:30:00-07:00\", \"channel\": \"text\", \"direction\": \"received\", \"with\": \"Daniel Rivera\",\n"
  "      \"subject\": \"\", \"summary\": \"Says he will pay April next week.\", \"follow_up\": \"2023-04-10\" }\n"
  "  ],\n"
  "  \"enforcement\": [\n"
  "    { \"remedy\": \"wage_garnishment\", \"status\": \"filed\", \"date\": \"2023-07-01\", \"agency\": \"Santa Clara County DCSS\",\n"
  "      \"reference\": \"\", \"next_date\": null, \"notes\": \"\" }\n"
  "  ]\n"
  "}\n";

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = rec_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
test_spec_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (spec_example, -1, &error);
  RecTerm *term;
  RecInterestOverride *io;
  RecCharge *charge;
  RecPayment *payment;
  RecCommunication *comm;
  RecEnforcementStep *step;

  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->info->title, ==, "Rivera v. Rivera");
  g_assert_cmpstr (c->info->court_case_number, ==, "23FL001234");
  g_assert_cmpstr (c->info->obligor.name, ==, "Daniel Rivera");
  g_assert_cmpstr (c->info->obligee.name, ==, "Maria Rivera");
  g_assert_cmpuint (c->children->len, ==, 1);
  assert_date (&REC_CHILD (c->children->pdata[0])->birth_date, "2016-05-09");

  term = c->terms->pdata[0];
  g_assert_cmpint (term->kind, ==, REC_TERM_KIND_CHILD_SUPPORT);
  g_assert_cmpint (term->amount_cents, ==, 85000);
  g_assert_cmpint (term->due_day, ==, 1);
  assert_date (&term->effective, "2023-01-01");
  g_assert_false (rec_date_is_set (&term->end));
  g_assert_cmpint (term->position, ==, 1);

  io = c->interest_overrides->pdata[0];
  g_assert_cmpint (io->rate_basis_points, ==, 600);
  assert_date (&io->to, "2024-08-31");
  charge = c->charges->pdata[0];
  g_assert_cmpint (charge->amount_cents, ==, 42000);
  g_assert_true (charge->interest_bearing);
  payment = c->payments->pdata[0];
  g_assert_cmpint (payment->method, ==, REC_PAYMENT_METHOD_CHECK);
  g_assert_cmpstr (payment->reference, ==, "1043");
  comm = c->communications->pdata[0];
  g_assert_cmpstr (comm->at, ==, "2023-04-02T18:30:00-07:00");
  g_assert_cmpint (comm->at_unix, ==, 1680485400);
  assert_date (&comm->follow_up, "2023-04-10");
  step = c->enforcement->pdata[0];
  g_assert_cmpint (step->status, ==, REC_STATUS_FILED);
  g_assert_false (rec_date_is_set (&step->next_date));
}

/* A missing optional key takes its default; amounts may have 0–2 decimals. */
static void
test_defaults (void)
{
  const char *json =
    "{\"format\": \"recourse-case\", \"version\": 1,"
    " \"case\": {\"title\": \"T\", \"jurisdiction\": \"us-ca\"},"
    " \"terms\": [{\"kind\": \"other\", \"amount\": \"850.5\", \"frequency\": \"monthly\","
    "   \"effective\": \"2023-01-01\"},"
    "  {\"kind\": \"childcare\", \"amount\": \"10\", \"frequency\": \"semimonthly\","
    "   \"effective\": \"2023-01-01\"},"
    "  {\"kind\": \"childcare\", \"amount\": \"10\", \"frequency\": \"semimonthly\","
    "   \"effective\": \"2023-01-01\", \"due_days\": [10, \"last\"]}],"
    " \"charges\": [{\"date\": \"2023-06-01\", \"amount\": \"0.01\"}],"
    " \"payments\": [{\"date\": \"2023-01-03\", \"amount\": \"999999999.99\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (json, -1, &error);
  RecTerm *term;

  g_assert_no_error (error);
  g_assert_cmpstr (c->info->currency, ==, "USD");
  g_assert_false (c->info->agency_enforced);
  g_assert_cmpstr (c->info->obligor.name, ==, "");
  term = c->terms->pdata[0];
  g_assert_cmpint (term->amount_cents, ==, 85050);
  g_assert_cmpint (term->due_day, ==, REC_DUE_DAY_LAST);
  term = c->terms->pdata[1];
  g_assert_cmpint (term->due_days[0], ==, 1);
  g_assert_cmpint (term->due_days[1], ==, 15);
  term = c->terms->pdata[2];
  g_assert_cmpint (term->due_days[0], ==, 10);
  g_assert_cmpint (term->due_days[1], ==, REC_DUE_DAY_LAST);
  g_assert_cmpint (term->position, ==, 3);
  g_assert_true (REC_CHARGE (c->charges->pdata[0])->interest_bearing);
  g_assert_cmpint (REC_CHARGE (c->charges->pdata[0])->amount_cents, ==, 1);
  g_assert_cmpint (REC_PAYMENT (c->payments->pdata[0])->method, ==, REC_PAYMENT_METHOD_OTHER);
  g_assert_cmpint (REC_PAYMENT (c->payments->pdata[0])->amount_cents, ==, REC_CENTS_MAX);
  g_assert_cmpuint (c->communications->len, ==, 0);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCaseJson *row = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (row->json, -1, &error);

  g_assert_null (c);
  g_assert_nonnull (error);
  g_test_message ("%s → %s", row->name, error->message);
  g_assert_error (error, REC_CASE_JSON_ERROR,
                  row->too_new ? REC_CASE_JSON_ERROR_TOO_NEW : REC_CASE_JSON_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, row->path));
  if (row->words != NULL)
    g_assert_nonnull (strstr (error->message, row->words));
  /* One line, for a CLI's stderr. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_byte_order_mark (void)
{
  g_autofree char *json = g_strconcat ("\xef\xbb\xbf", spec_example, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (c->info->title, ==, "Rivera v. Rivera");
}

static void
test_not_utf8 (void)
{
  const char json[] = "{\"format\": \"recourse-case\", \"version\": 1, "
                      "\"case\": {\"title\": \"\xff\", \"jurisdiction\": \"us-ca\"}}";
  const char with_nul[] = "{\"format\": \"recourse-case\"}\0{}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (json, -1, &error);

  g_assert_null (c);
  g_assert_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID);
  g_clear_error (&error);

  c = rec_case_json_parse (with_nul, sizeof with_nul - 1, &error);
  g_assert_null (c);
  g_assert_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID);
}

/* Export → import → export gives the same bytes, and the export has the
 * spec's shape: keys in order, amounts as strings with two decimals. */
static void
test_round_trip (void)
{
  GDate today;
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(RecCaseData) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (rec_date_parse ("2026-03-15", &today, NULL));
  demo = rec_demo_case_new (&today, FALSE);
  first = rec_case_json_to_string (demo);
  again = rec_case_json_parse (first, -1, &error);
  g_assert_no_error (error);
  second = rec_case_json_to_string (again);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"recourse-case\",\n  \"version\": 1,\n"
                                          "  \"case\": {\n    \"title\": "));
  g_assert_nonnull (strstr (first, "\"amount\": \"1245.00\""));
  g_assert_nonnull (strstr (first, "\"due_day\": 1,"));
  g_assert_nonnull (strstr (first, "\"end\": null"));
  g_assert_true (strstr (first, "\"children\"") < strstr (first, "\"terms\""));
  g_assert_true (strstr (first, "\"terms\"") < strstr (first, "\"interest_overrides\""));
  g_assert_true (strstr (first, "\"payments\"") < strstr (first, "\"communications\""));
  g_assert_true (strstr (first, "\"communications\"") < strstr (first, "\"enforcement\""));
  g_assert_true (g_str_has_suffix (first, "\n}\n"));
}

/* due_day "last", due_days, escaping of quotes, newlines and control characters. */
static void
test_round_trip_details (void)
{
  g_autoptr(RecCaseData) c = rec_case_data_new ();
  g_autoptr(RecTerm) monthly = rec_term_new ();
  g_autoptr(RecTerm) twice = rec_term_new ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  rec_set_str (&c->info->title, "Quote \" backslash \\ tab \t bell \a newline \n Tiền");
  monthly->amount_cents = 1;
  g_assert_true (rec_date_parse ("2024-02-29", &monthly->effective, NULL));
  g_ptr_array_add (c->terms, g_object_ref (monthly));
  twice->frequency = REC_FREQUENCY_SEMIMONTHLY;
  twice->due_days[0] = 5;
  twice->due_days[1] = REC_DUE_DAY_LAST;
  twice->amount_cents = REC_CENTS_MAX;
  g_assert_true (rec_date_parse ("2024-01-01", &twice->effective, NULL));
  g_assert_true (rec_date_parse ("2024-01-01", &twice->end, NULL));
  g_ptr_array_add (c->terms, g_object_ref (twice));

  first = rec_case_json_to_string (c);
  g_assert_nonnull (strstr (first, "\"due_day\": \"last\""));
  g_assert_nonnull (strstr (first, "\"due_days\": [5, \"last\"]"));
  g_assert_nonnull (strstr (first, "\"amount\": \"0.01\""));
  g_assert_nonnull (strstr (first, "\"amount\": \"999999999.99\""));
  g_assert_nonnull (strstr (first, "\\u0007"));
  back = rec_case_json_parse (first, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->info->title, ==, c->info->title);
  second = rec_case_json_to_string (back);
  g_assert_cmpstr (first, ==, second);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/case-json/spec-example", test_spec_example);
  g_test_add_func ("/store/case-json/defaults", test_defaults);
  g_test_add_func ("/store/case-json/not-utf8", test_not_utf8);
  g_test_add_func ("/store/case-json/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/store/case-json/round-trip", test_round_trip);
  g_test_add_func ("/store/case-json/round-trip-details", test_round_trip_details);
  for (guint i = 0; i < G_N_ELEMENTS (bad_case_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/case-json/bad/%s", bad_case_json[i].name);

      g_test_add_data_func (path, &bad_case_json[i], test_bad_input);
    }

  return g_test_run ();
}

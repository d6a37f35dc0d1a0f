/* test-case-json.c — the recourse-case JSON interchange: reading, writing, refusing
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-attachment.h"
#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-store.h"

#include <glib/gstdio.h>
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
  g_assert_cmpint (term->entity.position, ==, 1);

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
  g_assert_cmpint (term->entity.position, ==, 3);
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
  g_assert_cmpstr (error->message, ==, "case.title: is not UTF-8 text");
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

  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"recourse-case\",\n  \"version\": 2,\n"
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

/* A document whose payments are `open` × levels, 1, then `close` × levels. */
static char *
nested_document (guint       levels,
                 const char *open,
                 const char *close)
{
  GString *json = g_string_new ("{\"format\": \"recourse-case\", \"version\": 1, "
                                "\"case\": {\"title\": \"T\", \"jurisdiction\": \"us-ca\"},\n"
                                "\"payments\": ");

  for (guint i = 0; i < levels; i++)
    g_string_append (json, open);
  g_string_append (json, "1");
  for (guint i = 0; i < levels; i++)
    g_string_append (json, close);
  g_string_append (json, "}");
  return g_string_free (json, FALSE);
}

/* json-glib's parser recurses once per level (60 000 levels overflowed the
 * stack): nesting is refused before it reads the text. */
static void
test_deep_nesting (void)
{
  static const guint levels[] = { 63, 64, 100, 100000 };
  static const char *const shapes[][2] = { { "[", "]" }, { "{\"a\": ", "}" }, { "[{\"a\": ", "}]" } };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    for (guint j = 0; j < G_N_ELEMENTS (shapes); j++)
      {
        g_autofree char *json = nested_document (levels[i], shapes[j][0], shapes[j][1]);
        g_autoptr(GError) error = NULL;
        g_autoptr(RecCaseData) c = rec_case_json_parse (json, -1, &error);
        /* The root object is one level: payments at 63 are 64 in all. */
        gboolean too_deep = levels[i] * (j == 2 ? 2 : 1) + 1 > 64;

        g_test_message ("%u levels of %s: %s", levels[i], shapes[j][0], error->message);
        g_assert_null (c);
        g_assert_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID);
        if (too_deep)
          {
            /* Where the 65th level opens (the root object is the first): line 2
             * starts with "payments". */
            const char *line = strchr (json, '\n') + 1;
            const char *p = line;
            g_autofree char *expected = NULL;

            for (guint open = 1; open < 64; p++)
              if (*p == '[' || *p == '{')
                open++;
            while (*p != '[' && *p != '{')
              p++;
            expected = g_strdup_printf ("The document is nested more than 64 levels deep "
                                        "(line 2, column %d)", (int) (p - line) + 1);
            g_assert_cmpstr (error->message, ==, expected);
          }
        else
          /* Not too deep: refused for what it holds, as any other document. */
          g_assert_true (g_str_has_prefix (error->message, "payments"));
      }
}

/* The format's largest object has 11 keys; more than 64 in one object are
 * refused before json-glib (whose handling of a repeated key is quadratic). */
static void
test_many_keys (void)
{
  for (guint keys = 63; keys <= 65; keys++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": \"recourse-case\", \"version\": 1, "
                                              "\"case\": {\"title\": \"T\", \"jurisdiction\": "
                                              "\"us-ca\"}, \"payments\": [{");
      g_autoptr(GError) error = NULL;
      g_autoptr(RecCaseData) c = NULL;

      for (guint i = 0; i < keys; i++)
        g_string_append_printf (json, "%s\"k%u\": 1", i > 0 ? ", " : "", i);
      g_string_append (json, "}]}");

      c = rec_case_json_parse (json->str, -1, &error);
      g_assert_null (c);
      if (keys <= 64)
        g_assert_cmpstr (error->message, ==, "payments[0].k0: unknown key (known keys: date, "
                                             "amount, method, reference, notes)");
      else
        {
          /* At the 65th key. */
          g_autofree char *expected =
            g_strdup_printf ("The document has an object with more than 64 keys (line 1, column %d)",
                             (int) (strstr (json->str, "\"k64\"") - json->str) + 1);

          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

/* A surrogate pair is one character; text that only looks like an escape
 * (an escaped backslash, then "u0000") is text. */
static void
test_surrogate_pair (void)
{
  const char json[] =
    "{\"format\": \"recourse-case\", \"version\": 1, "
    "\"case\": {\"title\": \"\\ud83d\\ude00 \\uD834\\uDD1E \\udbff\\udfff \\u00e9\\u0041\", "
    "\"jurisdiction\": \"us-ca\", \"notes\": \"\\\\u0000 \\\\ud800 \\\\\\\\ \\/\"}, "
    "\"p\\u0061yments\": [{\"date\": \"2023-01-03\", \"amount\": \"1.00\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (c->info->title, ==, "\xf0\x9f\x98\x80 \xf0\x9d\x84\x9e \xf4\x8f\xbf\xbf \xc3\xa9" "A");
  g_assert_cmpstr (c->info->notes, ==, "\\u0000 \\ud800 \\\\ /");
  g_assert_cmpuint (c->payments->len, ==, 1);
}

/* Edge cases: everything the case file accepts (its CHECK constraints in
 * rec-store-migrate.c) exports, and the export imports again, equal. */

static void
assert_same_date (const GDate *a,
                  const GDate *b)
{
  g_autofree char *a_text = rec_date_to_iso (a);
  g_autofree char *b_text = rec_date_to_iso (b);

  g_assert_cmpstr (a_text, ==, b_text);
}

static void
assert_same_party (const RecParty *a,
                   const RecParty *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->employer, ==, b->employer);
}

/* Every field the format carries (ids and positions aside: `b` is an import,
 * whose positions are the entry order). */
static void
assert_same_case (const RecCaseData *a,
                  const RecCaseData *b)
{
  g_assert_cmpstr (a->info->title, ==, b->info->title);
  g_assert_cmpstr (a->info->jurisdiction, ==, b->info->jurisdiction);
  g_assert_cmpstr (a->info->currency, ==, b->info->currency);
  g_assert_cmpint (a->info->agency_enforced, ==, b->info->agency_enforced);
  g_assert_cmpint (a->info->public_assistance, ==, b->info->public_assistance);
  g_assert_cmpstr (a->info->court, ==, b->info->court);
  g_assert_cmpstr (a->info->court_case_number, ==, b->info->court_case_number);
  g_assert_cmpstr (a->info->agency_case_number, ==, b->info->agency_case_number);
  assert_same_party (&a->info->obligor, &b->info->obligor);
  assert_same_party (&a->info->obligee, &b->info->obligee);
  g_assert_cmpstr (a->info->notes, ==, b->info->notes);

  g_assert_cmpuint (a->children->len, ==, b->children->len);
  for (guint i = 0; i < a->children->len; i++)
    {
      RecChild *x = a->children->pdata[i], *y = b->children->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      g_assert_cmpstr (x->name, ==, y->name);
      assert_same_date (&x->birth_date, &y->birth_date);
    }
  g_assert_cmpuint (a->terms->len, ==, b->terms->len);
  for (guint i = 0; i < a->terms->len; i++)
    {
      RecTerm *x = a->terms->pdata[i], *y = b->terms->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->amount_cents, ==, y->amount_cents);
      g_assert_cmpint (x->frequency, ==, y->frequency);
      /* A due day means something for a monthly term only, two for a semimonthly one. */
      if (x->frequency == REC_FREQUENCY_MONTHLY)
        g_assert_cmpint (x->due_day, ==, y->due_day);
      if (x->frequency == REC_FREQUENCY_SEMIMONTHLY)
        {
          g_assert_cmpint (x->due_days[0], ==, y->due_days[0]);
          g_assert_cmpint (x->due_days[1], ==, y->due_days[1]);
        }
      assert_same_date (&x->effective, &y->effective);
      assert_same_date (&x->end, &y->end);
      g_assert_cmpstr (x->reference, ==, y->reference);
      g_assert_cmpstr (x->notes, ==, y->notes);
    }
  g_assert_cmpuint (a->interest_overrides->len, ==, b->interest_overrides->len);
  for (guint i = 0; i < a->interest_overrides->len; i++)
    {
      RecInterestOverride *x = a->interest_overrides->pdata[i], *y = b->interest_overrides->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      assert_same_date (&x->from, &y->from);
      assert_same_date (&x->to, &y->to);
      g_assert_cmpint (x->rate_basis_points, ==, y->rate_basis_points);
      g_assert_cmpstr (x->reason, ==, y->reason);
    }
  g_assert_cmpuint (a->charges->len, ==, b->charges->len);
  for (guint i = 0; i < a->charges->len; i++)
    {
      RecCharge *x = a->charges->pdata[i], *y = b->charges->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      assert_same_date (&x->date, &y->date);
      g_assert_cmpint (x->amount_cents, ==, y->amount_cents);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpint (x->interest_bearing, ==, y->interest_bearing);
    }
  g_assert_cmpuint (a->payments->len, ==, b->payments->len);
  for (guint i = 0; i < a->payments->len; i++)
    {
      RecPayment *x = a->payments->pdata[i], *y = b->payments->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      assert_same_date (&x->date, &y->date);
      g_assert_cmpint (x->amount_cents, ==, y->amount_cents);
      g_assert_cmpint (x->method, ==, y->method);
      g_assert_cmpstr (x->reference, ==, y->reference);
      g_assert_cmpstr (x->notes, ==, y->notes);
    }
  g_assert_cmpuint (a->communications->len, ==, b->communications->len);
  for (guint i = 0; i < a->communications->len; i++)
    {
      RecCommunication *x = a->communications->pdata[i], *y = b->communications->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      g_assert_cmpstr (x->at, ==, y->at);
      g_assert_cmpint (x->at_unix, ==, y->at_unix);
      g_assert_cmpint (x->channel, ==, y->channel);
      g_assert_cmpint (x->direction, ==, y->direction);
      g_assert_cmpstr (x->with, ==, y->with);
      g_assert_cmpstr (x->subject, ==, y->subject);
      g_assert_cmpstr (x->summary, ==, y->summary);
      assert_same_date (&x->follow_up, &y->follow_up);
    }
  g_assert_cmpuint (a->enforcement->len, ==, b->enforcement->len);
  for (guint i = 0; i < a->enforcement->len; i++)
    {
      RecEnforcementStep *x = a->enforcement->pdata[i], *y = b->enforcement->pdata[i];

      g_assert_cmpint (y->entity.position, ==, i + 1);
      g_assert_cmpint (x->remedy, ==, y->remedy);
      g_assert_cmpint (x->status, ==, y->status);
      assert_same_date (&x->date, &y->date);
      g_assert_cmpstr (x->agency, ==, y->agency);
      g_assert_cmpstr (x->reference, ==, y->reference);
      assert_same_date (&x->next_date, &y->next_date);
      g_assert_cmpstr (x->notes, ==, y->notes);
    }
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (rec_date_parse (iso, date, NULL));
}

static void
set_at (RecCommunication *comm,
        const char       *at)
{
  rec_set_str (&comm->at, at);
  g_assert_true (rec_timestamp_parse (at, &comm->at_unix, NULL));
}

/* One of each entity, ordinary values: each edge case changes some. */
static RecCaseData *
edge_base (void)
{
  RecCaseData *c = rec_case_data_new ();
  RecChild *child = rec_child_new ();
  RecTerm *term = rec_term_new ();
  RecInterestOverride *io = rec_interest_override_new ();
  RecCharge *charge = rec_charge_new ();
  RecPayment *payment = rec_payment_new ();
  RecCommunication *comm = rec_communication_new ();
  RecEnforcementStep *step = rec_enforcement_step_new ();

  rec_set_str (&c->info->title, "Rivera v. Rivera");
  rec_set_str (&c->info->jurisdiction, "us-ca");
  rec_set_str (&c->info->obligor.name, "Daniel Rivera");
  rec_set_str (&child->name, "Sofia Rivera");
  set_date (&child->birth_date, "2016-05-09");
  g_ptr_array_add (c->children, child);
  term->amount_cents = 85000;
  term->due_day = 1;
  set_date (&term->effective, "2023-01-01");
  g_ptr_array_add (c->terms, term);
  set_date (&io->from, "2024-03-01");
  set_date (&io->to, "2024-08-31");
  io->rate_basis_points = 600;
  g_ptr_array_add (c->interest_overrides, io);
  set_date (&charge->date, "2023-06-01");
  charge->amount_cents = 42000;
  g_ptr_array_add (c->charges, charge);
  set_date (&payment->date, "2023-01-03");
  payment->amount_cents = 85000;
  g_ptr_array_add (c->payments, payment);
  set_at (comm, "2023-04-02T18:30:00-07:00");
  set_date (&comm->follow_up, "2023-04-10");
  g_ptr_array_add (c->communications, comm);
  step->remedy = REC_REMEDY_WAGE_GARNISHMENT;
  step->status = REC_STATUS_FILED;
  g_ptr_array_add (c->enforcement, step);
  return c;
}

#define FIRST(c, array, Type) ((Type *) (c)->array->pdata[0])

/* Every text field of the case, for the edits that fill them all. */
static GPtrArray *
text_fields (RecCaseData *c)
{
  RecCaseInfo *info = c->info;
  GPtrArray *fields = g_ptr_array_new ();
  char **all[] = {
    &info->court, &info->court_case_number, &info->agency_case_number,
    &info->obligor.name, &info->obligor.address, &info->obligor.phone, &info->obligor.email,
    &info->obligor.employer, &info->obligee.name, &info->obligee.address,
    &info->obligee.phone, &info->obligee.email, &info->obligee.employer, &info->notes,
    &FIRST (c, children, RecChild)->name,
    &FIRST (c, terms, RecTerm)->reference, &FIRST (c, terms, RecTerm)->notes,
    &FIRST (c, interest_overrides, RecInterestOverride)->reason,
    &FIRST (c, charges, RecCharge)->description,
    &FIRST (c, payments, RecPayment)->reference, &FIRST (c, payments, RecPayment)->notes,
    &FIRST (c, communications, RecCommunication)->with,
    &FIRST (c, communications, RecCommunication)->subject,
    &FIRST (c, communications, RecCommunication)->summary,
    &FIRST (c, enforcement, RecEnforcementStep)->agency,
    &FIRST (c, enforcement, RecEnforcementStep)->reference,
    &FIRST (c, enforcement, RecEnforcementStep)->notes,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_ptr_array_add (fields, all[i]);
  return fields;
}

static void
set_all_texts (RecCaseData *c,
               const char  *text)
{
  g_autoptr(GPtrArray) fields = text_fields (c);

  for (guint i = 0; i < fields->len; i++)
    rec_set_str (fields->pdata[i], text);
}

static void
set_all_dates (RecCaseData *c,
               const char  *iso)
{
  set_date (&FIRST (c, children, RecChild)->birth_date, iso);
  set_date (&FIRST (c, terms, RecTerm)->effective, iso);
  set_date (&FIRST (c, terms, RecTerm)->end, iso);
  set_date (&FIRST (c, interest_overrides, RecInterestOverride)->from, iso);
  set_date (&FIRST (c, interest_overrides, RecInterestOverride)->to, iso);
  set_date (&FIRST (c, charges, RecCharge)->date, iso);
  set_date (&FIRST (c, payments, RecPayment)->date, iso);
  set_date (&FIRST (c, communications, RecCommunication)->follow_up, iso);
  set_date (&FIRST (c, enforcement, RecEnforcementStep)->date, iso);
  set_date (&FIRST (c, enforcement, RecEnforcementStep)->next_date, iso);
}

static void
set_all_amounts (RecCaseData *c,
                 RecCents     cents)
{
  FIRST (c, terms, RecTerm)->amount_cents = cents;
  FIRST (c, charges, RecCharge)->amount_cents = cents;
  FIRST (c, payments, RecPayment)->amount_cents = cents;
}

static void
edge_amounts_largest (RecCaseData *c)
{
  set_all_amounts (c, REC_CENTS_MAX);
}

static void
edge_amounts_smallest (RecCaseData *c)
{
  set_all_amounts (c, 1);
}

static void
edge_amounts_odd_cents (RecCaseData *c)
{
  FIRST (c, terms, RecTerm)->amount_cents = 5;
  FIRST (c, charges, RecCharge)->amount_cents = 10;
  FIRST (c, payments, RecPayment)->amount_cents = REC_CENTS_MAX - 1;
}

static void
edge_empty_texts (RecCaseData *c)
{
  set_all_texts (c, "");
  rec_set_str (&c->info->title, "T");
}

static void
edge_long_texts (RecCaseData *c)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    g_string_append (text, "Line with \"quotes\", a \\ backslash, é, 😀 and a tab\t.\n");
  set_all_texts (c, text->str);
  g_string_append (text, text->str);
  rec_set_str (&c->info->title, text->str);
}

static void
edge_unicode (RecCaseData *c)
{
  static const char *const texts[] = {
    "\xc2\xa0Rivera v. Rivera\xc2\xa0",                         /* no-break spaces around */
    ("\xef\xbb\xbf" "starts with a byte order mark"),
    "\xf0\x9f\x98\x80 \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
    "e\xcc\x81 a\xcc\x8a\xcc\x81 combining marks",
    "line\xe2\x80\xa8separator\xe2\x80\xa9paragraph",
    "noncharacters \xef\xbf\xbe \xef\xbf\xbf \xf4\x8f\xbf\xbf \xef\xb7\x90",
    "\xe2\x80\xae override \xe2\x80\xac \xe2\x81\xa6isolate\xe2\x81\xa9 \xe2\x80\x8f",
    "Ti\xe1\xbb\x81n c\xe1\xba\xa5p d\xc6\xb0\xe1\xbb\xa1ng \xe6\x94\xaf\xe4\xbb\x98 \xd9\x86\xd9\x81\xd9\x82\xd8\xa9",
    "\xe2\x80\x8b zero width \xe2\x80\x8c\xe2\x80\x8d \xef\xbf\xbd replacement",
  };
  g_autoptr(GPtrArray) fields = text_fields (c);

  rec_set_str (&c->info->title, texts[0]);
  for (guint i = 0; i < fields->len; i++)
    rec_set_str (fields->pdata[i], texts[i % G_N_ELEMENTS (texts)]);
}

static void
edge_control_characters (RecCaseData *c)
{
  g_autoptr(GString) text = g_string_new ("x");

  for (gunichar u = 1; u < 0xa0; u++)
    if (u < 0x20 || u >= 0x7f)
      g_string_append_unichar (text, u);
  set_all_texts (c, text->str);
  g_string_append (text, "title");
  rec_set_str (&c->info->title, text->str);
}

/* Text that looks like JSON, or like the escapes the importer refuses. */
static void
edge_json_lookalikes (RecCaseData *c)
{
  static const char *const texts[] = {
    "\\u0000", "\\ud800", "\\udc00\\ud800", "\\", "\\\\\"", "\"", "\"}, \"payments\": [",
    "/* comment */", "'single'", "0x1f", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"a\": 1, \"a\": 2}", "\\q", "null", "</script>",
  };
  g_autoptr(GPtrArray) fields = text_fields (c);

  rec_set_str (&c->info->title, "\\u0000\"");
  for (guint i = 0; i < fields->len; i++)
    rec_set_str (fields->pdata[i], texts[i % G_N_ELEMENTS (texts)]);
}

static void
edge_white_space (RecCaseData *c)
{
  set_all_texts (c, " \n\t\r ");
  rec_set_str (&c->info->title, "  T  ");
}

static void
edge_dates_earliest (RecCaseData *c)
{
  set_all_dates (c, "0001-01-01");
}

static void
edge_dates_latest (RecCaseData *c)
{
  set_all_dates (c, "9999-12-31");
}

static void
edge_dates_widest (RecCaseData *c)
{
  set_all_dates (c, "0001-01-01");
  set_date (&FIRST (c, terms, RecTerm)->end, "9999-12-31");
  set_date (&FIRST (c, interest_overrides, RecInterestOverride)->to, "9999-12-31");
}

static void
edge_leap_days (RecCaseData *c)
{
  set_all_dates (c, "2024-02-29");
  set_date (&FIRST (c, children, RecChild)->birth_date, "2000-02-29");
  set_date (&FIRST (c, terms, RecTerm)->end, "2400-02-29");
  set_date (&FIRST (c, payments, RecPayment)->date, "1600-02-29");
}

static void
edge_no_dates (RecCaseData *c)
{
  g_date_clear (&FIRST (c, children, RecChild)->birth_date, 1);
  g_date_clear (&FIRST (c, terms, RecTerm)->end, 1);
  g_date_clear (&FIRST (c, communications, RecCommunication)->follow_up, 1);
  g_date_clear (&FIRST (c, enforcement, RecEnforcementStep)->date, 1);
  g_date_clear (&FIRST (c, enforcement, RecEnforcementStep)->next_date, 1);
}

static void
edge_timestamps (RecCaseData *c)
{
  static const char *const stamps[] = {
    "2023-04-02T18:30:00+14:00", "2023-04-02T18:30:00-12:00", "2023-04-02T18:30:00+05:45",
    "2023-04-02T18:30:00-00:00", "2023-04-02T18:30:00+00:00", "2023-04-02T18:30:00Z",
    "2023-04-02T18:30:00.5Z", "2023-04-02T18:30:00.123456789-03:30",
    "2016-12-31T23:59:60Z", "2024-02-29T23:59:59+01:00",
    "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-01:00", "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59+01:00", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
  };

  g_ptr_array_set_size (c->communications, 0);
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      RecCommunication *comm = rec_communication_new ();

      set_at (comm, stamps[i]);
      g_ptr_array_add (c->communications, comm);
    }
}

static void
add_term (RecCaseData  *c,
          RecFrequency  frequency,
          int           day,
          int           second)
{
  RecTerm *term = rec_term_new ();

  term->amount_cents = 100;
  term->frequency = frequency;
  term->due_day = day;
  term->due_days[0] = day;
  term->due_days[1] = second;
  set_date (&term->effective, "2023-01-31");
  g_ptr_array_add (c->terms, term);
}

static void
edge_due_days (RecCaseData *c)
{
  add_term (c, REC_FREQUENCY_MONTHLY, REC_DUE_DAY_LAST, 15);
  add_term (c, REC_FREQUENCY_MONTHLY, 31, 15);
  add_term (c, REC_FREQUENCY_MONTHLY, 29, 15);
  add_term (c, REC_FREQUENCY_SEMIMONTHLY, REC_DUE_DAY_LAST, 31);
  add_term (c, REC_FREQUENCY_SEMIMONTHLY, 31, REC_DUE_DAY_LAST);
  add_term (c, REC_FREQUENCY_SEMIMONTHLY, 15, 1);
  add_term (c, REC_FREQUENCY_SEMIMONTHLY, 1, REC_DUE_DAY_LAST);
  add_term (c, REC_FREQUENCY_WEEKLY, 17, 3);
  add_term (c, REC_FREQUENCY_BIWEEKLY, REC_DUE_DAY_LAST, 31);
}

static void
edge_rates (RecCaseData *c)
{
  static const int rates[] = { 0, 1, 5, 10, 99, 1025, 9999, 10000 };

  g_ptr_array_set_size (c->interest_overrides, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      RecInterestOverride *io = rec_interest_override_new ();

      set_date (&io->from, "2024-01-01");
      set_date (&io->to, "2024-01-01");
      io->rate_basis_points = rates[i];
      g_ptr_array_add (c->interest_overrides, io);
    }
}

static void
edge_every_word (RecCaseData *c)
{
  for (int i = 0; i < REC_N_TERM_KINDS; i++)
    {
      add_term (c, (RecFrequency) (i % REC_N_FREQUENCIES), 1, 15);
      REC_TERM (c->terms->pdata[c->terms->len - 1])->kind = i;
    }
  for (int i = 0; i < REC_N_PAYMENT_METHODS; i++)
    {
      RecPayment *payment = rec_payment_copy (FIRST (c, payments, RecPayment));

      payment->method = i;
      g_ptr_array_add (c->payments, payment);
    }
  for (int i = 0; i < REC_N_CHANNELS * REC_N_DIRECTIONS; i++)
    {
      RecCommunication *comm = rec_communication_copy (FIRST (c, communications, RecCommunication));

      comm->channel = i % REC_N_CHANNELS;
      comm->direction = i / REC_N_CHANNELS;
      g_ptr_array_add (c->communications, comm);
    }
  for (int i = 0; i < REC_N_REMEDIES * REC_N_STATUSES; i++)
    {
      RecEnforcementStep *step = rec_enforcement_step_copy (FIRST (c, enforcement, RecEnforcementStep));

      step->remedy = i % REC_N_REMEDIES;
      step->status = i / REC_N_REMEDIES;
      g_ptr_array_add (c->enforcement, step);
    }
}

static void
edge_flags (RecCaseData *c)
{
  c->info->agency_enforced = TRUE;
  c->info->public_assistance = TRUE;
  FIRST (c, charges, RecCharge)->interest_bearing = FALSE;
  rec_set_str (&c->info->currency, "XXX");
}

static void
edge_nothing (RecCaseData *c)
{
  g_ptr_array_set_size (c->children, 0);
  g_ptr_array_set_size (c->terms, 0);
  g_ptr_array_set_size (c->interest_overrides, 0);
  g_ptr_array_set_size (c->charges, 0);
  g_ptr_array_set_size (c->payments, 0);
  g_ptr_array_set_size (c->communications, 0);
  g_ptr_array_set_size (c->enforcement, 0);
}

static void
edge_many (RecCaseData *c)
{
  for (guint i = 0; i < 5000; i++)
    {
      RecPayment *payment = rec_payment_copy (FIRST (c, payments, RecPayment));

      payment->amount_cents = i + 1;
      g_ptr_array_add (c->payments, payment);
    }
}

typedef struct
{
  const char *name;
  void      (*edit) (RecCaseData *c);
} EdgeCase;

static const EdgeCase edge_cases[] = {
  { "amounts-largest", edge_amounts_largest },
  { "amounts-smallest", edge_amounts_smallest },
  { "amounts-odd-cents", edge_amounts_odd_cents },
  { "empty-texts", edge_empty_texts },
  { "long-texts", edge_long_texts },
  { "unicode", edge_unicode },
  { "control-characters", edge_control_characters },
  { "json-lookalikes", edge_json_lookalikes },
  { "white-space", edge_white_space },
  { "dates-earliest", edge_dates_earliest },
  { "dates-latest", edge_dates_latest },
  { "dates-widest", edge_dates_widest },
  { "leap-days", edge_leap_days },
  { "no-dates", edge_no_dates },
  { "timestamps", edge_timestamps },
  { "due-days", edge_due_days },
  { "rates", edge_rates },
  { "every-word", edge_every_word },
  { "flags", edge_flags },
  { "nothing", edge_nothing },
  { "many", edge_many },
};

static void
test_edge_round_trip (gconstpointer data)
{
  const EdgeCase *row = data;
  g_autoptr(RecCaseData) c = edge_base ();
  g_autoptr(RecCaseData) stored = NULL;
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  row->edit (c);

  /* The case file takes it… */
  dir = g_dir_make_tmp ("test-case-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "edge.recourse", NULL);
  g_assert_true (rec_store_write_case (path, c, FALSE, &error));
  g_assert_no_error (error);
  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  stored = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  /* …so the format carries it, and it comes back the same. */
  text = rec_case_json_export (stored, &error);
  g_assert_no_error (error);
  back = rec_case_json_parse (text, -1, &error);
  g_assert_no_error (error);
  assert_same_case (c, stored);
  assert_same_case (stored, back);
  again = rec_case_json_to_string (back);
  g_assert_cmpstr (again, ==, text);
}

/* Values the case file's constraints let by but the format refuses (the
 * case file should refuse them too): the checked export says which field,
 * where the plain one writes a document that does not import. */
typedef struct
{
  const char *name;
  const char *field;      /* which text of the case: title, jurisdiction, notes */
  const char *value;
  const char *message;
} Unexportable;

static const Unexportable unexportable[] = {
  { "blank-title", "title", " \t\n", "case.title: must not be empty" },
  { "unknown-jurisdiction", "jurisdiction", "us-zz",
    "case.jurisdiction: \"us-zz\" is not a jurisdiction Recourse knows (us, us-ca, us-ga, us-il, us-ny, us-pa, us-tn, us-tx)" },
  { "not-utf8", "notes", "caf\xe9", "case.notes: is not UTF-8 text" },
  { "encoded-surrogate", "title", "\xed\xa0\x80", "case.title: is not UTF-8 text" },
};

static void
test_unexportable (gconstpointer data)
{
  const Unexportable *row = data;
  g_autoptr(RecCaseData) c = edge_base ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  char *text;

  if (g_str_equal (row->field, "title"))
    rec_set_str (&c->info->title, row->value);
  else if (g_str_equal (row->field, "jurisdiction"))
    rec_set_str (&c->info->jurisdiction, row->value);
  else
    rec_set_str (&c->info->notes, row->value);

  text = rec_case_json_export (c, &error);
  g_assert_null (text);
  g_assert_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, row->message);
  g_clear_error (&error);

  plain = rec_case_json_to_string (c);
  back = rec_case_json_parse (plain, -1, &error);
  g_assert_null (back);
  g_assert_cmpstr (error->message, ==, row->message);
}

/* Version 2 (spec/evidence.md §4) */

static RecAttachment *
attachment_of (const char *name,
               const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes (name, bytes, &error);

  g_assert_no_error (error);
  /* A fixed time: the documents below are compared byte for byte. */
  rec_set_str (&attachment->added_at, "2024-01-04T02:11:09Z");
  return attachment;
}

/* A case with every v2 field set: two payments, a communication whose
 * follow-up is done, an enforcement step whose next step was taken, the
 * agency's stated balance, and three attachments (Vietnamese names; one
 * proving both payments and the case, one the second payment, one the case
 * by having no link). */
static RecCaseData *
v2_case (void)
{
  RecCaseData *c = edge_base ();
  RecAttachment *statement, *receipt, *order;

  g_ptr_array_set_size (c->payments, 0);
  g_ptr_array_set_size (c->communications, 0);
  g_ptr_array_set_size (c->enforcement, 0);
  for (guint i = 0; i < 2; i++)
    {
      RecPayment *payment = rec_payment_new ();

      g_assert_true (rec_date_parse (i == 0 ? "2024-01-03" : "2024-02-03", &payment->date, NULL));
      payment->amount_cents = 85000 + i;
      g_ptr_array_add (c->payments, payment);
    }
  {
    RecCommunication *comm = rec_communication_new ();
    RecEnforcementStep *step = rec_enforcement_step_new ();

    rec_set_str (&comm->at, "2024-01-05T10:00:00+07:00");
    g_assert_true (rec_timestamp_parse (comm->at, &comm->at_unix, NULL));
    g_assert_true (rec_date_parse ("2024-01-10", &comm->follow_up, NULL));
    comm->follow_up_done = TRUE;
    g_ptr_array_add (c->communications, comm);
    g_assert_true (rec_date_parse ("2024-03-01", &step->next_date, NULL));
    step->next_done = TRUE;
    g_ptr_array_add (c->enforcement, step);
  }
  c->info->has_agency_balance = TRUE;
  c->info->agency_balance_cents = -1234;
  g_assert_true (rec_date_parse ("2024-01-31", &c->info->agency_balance_as_of, NULL));

  statement = attachment_of ("Sao kê ngân hàng tháng 1.txt", "Ngân hàng: 850.00 + 850.01\n");
  /* Linked in another order than the export's: the case last. */
  rec_attachment_add_link (statement, c->payments->pdata[1]);
  rec_attachment_add_link (statement, c->payments->pdata[0]);
  rec_attachment_add_link (statement, NULL);
  receipt = attachment_of ("biên lai \"số 2\".txt", "Biên lai\r\n\t\\");
  rec_attachment_add_link (receipt, c->payments->pdata[1]);
  rec_attachment_add_link (receipt, c->communications->pdata[0]);
  order = attachment_of ("order.txt", "x");
  g_ptr_array_add (c->attachments, statement);
  g_ptr_array_add (c->attachments, receipt);
  g_ptr_array_add (c->attachments, order);
  return c;
}

/* Export → import → export is byte identical with every v2 field and
 * attachments; the import has the fields, the bytes and the links. */
static void
test_v2_round_trip (void)
{
  g_autoptr(RecCaseData) c = v2_case ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *second = NULL;
  RecAttachment *statement, *receipt, *order;
  gsize size;
  const char *data;

  first = rec_case_json_to_string (c);
  checked = rec_case_json_export (c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (checked, ==, first);
  back = rec_case_json_parse (first, -1, &error);
  g_assert_no_error (error);
  second = rec_case_json_to_string (back);
  g_assert_cmpstr (first, ==, second);

  /* Where the keys are: the agency's balance after agency_case_number, the
   * done flags after their dates, the attachments last. */
  g_assert_nonnull (strstr (first, "    \"agency_case_number\": \"\",\n"
                                   "    \"agency_balance\": \"-12.34\",\n"
                                   "    \"agency_balance_as_of\": \"2024-01-31\",\n"
                                   "    \"obligor\": "));
  g_assert_nonnull (strstr (first, "\"follow_up\": \"2024-01-10\", \"follow_up_done\": true }"));
  g_assert_nonnull (strstr (first, "\"next_date\": \"2024-03-01\", \"next_done\": true, \"notes\": "));
  g_assert_true (strstr (first, "\"enforcement\"") < strstr (first, "\"attachments\""));
  /* base64 of "x", the links sorted: the case first, then by array and index. */
  g_assert_nonnull (strstr (first, "    { \"name\": \"order.txt\", \"media_type\": \"text/plain\", "
                                   "\"size\": 1, \"sha256\": \"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\", "
                                   "\"added_at\": \"2024-01-04T02:11:09Z\", \"links\": [], "
                                   "\"data\": \"eA==\" }\n  ]\n}\n"));
  g_assert_nonnull (strstr (first, "\"links\": [{ \"to\": \"case\" }, { \"to\": \"payments\", \"index\": 0 }, "
                                   "{ \"to\": \"payments\", \"index\": 1 }]"));
  g_assert_nonnull (strstr (first, "\"links\": [{ \"to\": \"payments\", \"index\": 1 }, "
                                   "{ \"to\": \"communications\", \"index\": 0 }]"));
  g_assert_nonnull (strstr (first, "\"name\": \"biên lai \\\"số 2\\\".txt\""));

  g_assert_true (back->info->has_agency_balance);
  g_assert_cmpint (back->info->agency_balance_cents, ==, -1234);
  assert_same_date (&back->info->agency_balance_as_of, &c->info->agency_balance_as_of);
  g_assert_true (REC_COMMUNICATION (back->communications->pdata[0])->follow_up_done);
  g_assert_true (REC_ENFORCEMENT_STEP (back->enforcement->pdata[0])->next_done);

  g_assert_cmpuint (back->attachments->len, ==, 3);
  statement = back->attachments->pdata[0];
  receipt = back->attachments->pdata[1];
  order = back->attachments->pdata[2];
  g_assert_cmpstr (statement->name, ==, "Sao kê ngân hàng tháng 1.txt");
  g_assert_cmpstr (statement->sha256, ==, REC_ATTACHMENT (c->attachments->pdata[0])->sha256);
  data = g_bytes_get_data (receipt->data, &size);
  g_assert_cmpmem (data, size, "Biên lai\r\n\t\\", strlen ("Biên lai\r\n\t\\"));
  g_assert_cmpuint (statement->links->len, ==, 3);
  g_assert_true (rec_attachment_proves (statement, back->payments->pdata[0]));
  g_assert_true (rec_attachment_proves (statement, back->payments->pdata[1]));
  g_assert_true (rec_attachment_proves (statement, NULL));
  g_assert_false (rec_attachment_proves (receipt, back->payments->pdata[0]));
  g_assert_true (rec_attachment_proves (receipt, back->communications->pdata[0]));
  g_assert_false (rec_attachment_proves (receipt, NULL));
  g_assert_true (rec_attachment_is_case_level (order));
  g_assert_cmpint (order->entity.position, ==, 3);
}

/* The attachment's bytes are base64 in one line, whatever their size (the
 * encoder's chunks join without a break or padding inside). */
static void
test_v2_large_data (void)
{
  gsize size = 3 * 65536 * 2 + 2;
  g_autofree guint8 *bytes = g_malloc (size);
  g_autoptr(RecCaseData) c = edge_base ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  RecAttachment *attachment;
  GBytes *data;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) (i * 7 + i / 251);
  data = g_bytes_new (bytes, size);
  attachment = rec_attachment_new_from_bytes ("scan.bin", data, &error);
  g_assert_no_error (error);
  g_bytes_unref (data);
  g_ptr_array_add (c->attachments, attachment);

  text = rec_case_json_export (c, &error);
  g_assert_no_error (error);
  expected = g_base64_encode (bytes, size);
  g_assert_nonnull (strstr (text, expected));
  back = rec_case_json_parse (text, -1, &error);
  g_assert_no_error (error);
  data = REC_ATTACHMENT (back->attachments->pdata[0])->data;
  g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), bytes, size);
}

/* A version 1 document (the golden case as it was written for version 1)
 * still imports: the v2 fields take their defaults, and its export is the
 * version 2 golden case with those defaults. */
static void
test_v1_golden (void)
{
  g_autofree char *v1_path = g_build_filename (FIXTURES_DIR, "case-golden-v1.json", NULL);
  g_autofree char *v2_path = g_build_filename (FIXTURES_DIR, "case-golden.json", NULL);
  g_autofree char *v1_text = NULL, *v2_text = NULL, *from_v1 = NULL, *from_v2 = NULL;
  g_autoptr(RecCaseData) v1 = NULL;
  g_autoptr(RecCaseData) v2 = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_done = FALSE;

  g_assert_true (g_file_get_contents (v1_path, &v1_text, NULL, &error));
  g_assert_true (g_file_get_contents (v2_path, &v2_text, NULL, &error));
  g_assert_true (g_str_has_prefix (v1_text, "{\n  \"format\": \"recourse-case\",\n  \"version\": 1,"));
  v1 = rec_case_json_parse (v1_text, -1, &error);
  g_assert_no_error (error);
  v2 = rec_case_json_parse (v2_text, -1, &error);
  g_assert_no_error (error);

  g_assert_false (v1->info->has_agency_balance);
  g_assert_false (rec_date_is_set (&v1->info->agency_balance_as_of));
  for (guint i = 0; i < v1->communications->len; i++)
    any_done |= REC_COMMUNICATION (v1->communications->pdata[i])->follow_up_done;
  for (guint i = 0; i < v1->enforcement->len; i++)
    any_done |= REC_ENFORCEMENT_STEP (v1->enforcement->pdata[i])->next_done;
  g_assert_false (any_done);
  g_assert_cmpuint (v1->attachments->len, ==, 0);

  /* The v2 golden case sets them; with them cleared it is the v1 case. */
  g_assert_true (v2->info->has_agency_balance);
  v2->info->has_agency_balance = FALSE;
  v2->info->agency_balance_cents = 0;
  g_date_clear (&v2->info->agency_balance_as_of, 1);
  for (guint i = 0; i < v2->communications->len; i++)
    REC_COMMUNICATION (v2->communications->pdata[i])->follow_up_done = FALSE;
  for (guint i = 0; i < v2->enforcement->len; i++)
    REC_ENFORCEMENT_STEP (v2->enforcement->pdata[i])->next_done = FALSE;
  from_v1 = rec_case_json_to_string (v1);
  from_v2 = rec_case_json_to_string (v2);
  g_assert_cmpstr (from_v1, ==, from_v2);
  g_assert_cmpstr (from_v1, !=, v2_text);
}

#define V2_HEAD "{\"format\": \"recourse-case\", \"version\": 2, " \
  "\"case\": {\"title\": \"T\", \"jurisdiction\": \"us-ca\"}, " \
  "\"payments\": [{\"date\": \"2023-01-03\", \"amount\": \"1.00\"}], "
/* "hello": 5 bytes. */
#define HELLO_SHA "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
#define ATT(fields) "{\"name\": \"a.txt\", \"media_type\": \"text/plain\", " fields "}"
#define HELLO(links) ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", \"added_at\": " \
                          "\"2024-01-04T02:11:09Z\", \"links\": [" links "], \"data\": \"aGVsbG8=\"")
#define GOOD HELLO ("{\"to\": \"payments\", \"index\": 0}")
#define X_ATT ATT ("\"size\": 1, \"sha256\": \"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\", " \
                   "\"added_at\": \"2024-01-04T02:11:09Z\", \"data\": \"eA==\"")
#define MEDIA(type) "{\"name\": \"a.txt\", \"media_type\": \"" type "\", \"size\": 5, " \
  "\"sha256\": \"" HELLO_SHA "\", \"added_at\": \"2024-01-04T02:11:09Z\", \"data\": \"aGVsbG8=\"}"
#define ATTACHMENTS(items) V2_HEAD "\"attachments\": [" items "]}"

typedef struct
{
  const char *name;
  const char *json;
  const char *message;
} V2Refusal;

static const V2Refusal v2_refusals[] = {
  { "v1-attachments",
    "{\"format\": \"recourse-case\", \"version\": 1, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\"}, \"attachments\": []}",
    "attachments: needs format version 2; this document says version 1" },
  { "v1-follow-up-done",
    "{\"format\": \"recourse-case\", \"version\": 1, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\"}, \"communications\": [{\"at\": \"2023-04-02T18:30:00-07:00\", "
    "\"channel\": \"text\", \"direction\": \"sent\"}, {\"follow_up_done\": true}]}",
    "communications[1].follow_up_done: needs format version 2; this document says version 1" },
  { "v1-next-done",
    "{\"format\": \"recourse-case\", \"version\": 1, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\"}, \"enforcement\": [{\"next_done\": false}]}",
    "enforcement[0].next_done: needs format version 2; this document says version 1" },
  { "v1-agency-balance",
    "{\"format\": \"recourse-case\", \"version\": 1, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\", \"agency_balance\": null}}",
    "case.agency_balance: needs format version 2; this document says version 1" },
  { "balance-number",
    "{\"format\": \"recourse-case\", \"version\": 2, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\", \"agency_balance\": 12}}",
    "case.agency_balance: 12 is not an amount: write amounts as strings, such as \"850.00\"" },
  { "balance-bad",
    "{\"format\": \"recourse-case\", \"version\": 2, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\", \"agency_balance\": \"12,50\"}}",
    NULL },
  { "balance-date-bad",
    "{\"format\": \"recourse-case\", \"version\": 2, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\", \"agency_balance_as_of\": \"2024-02-30\"}}",
    NULL },
  { "done-not-bool",
    "{\"format\": \"recourse-case\", \"version\": 2, \"case\": {\"title\": \"T\", "
    "\"jurisdiction\": \"us-ca\"}, \"enforcement\": [{\"remedy\": \"other\", \"status\": "
    "\"filed\", \"next_done\": \"yes\"}]}",
    "enforcement[0].next_done: expected true or false, not a string" },
  { "not-array", V2_HEAD "\"attachments\": {}}",
    "attachments: expected an array, not an object" },
  { "unknown-key", ATTACHMENTS (ATT ("\"bytes\": 1")),
    "attachments[0].bytes: unknown key (known keys: name, media_type, size, sha256, added_at, "
    "links, data)" },
  { "name-missing", ATTACHMENTS ("{\"size\": 5}"),
    "attachments[0].name: is required but missing" },
  { "name-empty", ATTACHMENTS ("{\"name\": \" \", \"media_type\": \"text/plain\", \"size\": 5, "
                               "\"sha256\": \"" HELLO_SHA "\", \"added_at\": \"2024-01-04T02:11:09Z\", "
                               "\"data\": \"aGVsbG8=\"}"),
    "attachments[0].name: must not be empty" },
  { "media-type-bad", ATTACHMENTS (MEDIA ("Text/Plain; charset=x")),
    "attachments[0].media_type: \"Text/Plain; charset=x\" is not a media type (such as "
    "\"image/jpeg\")" },
  { "media-type-empty", ATTACHMENTS (MEDIA ("")),
    "attachments[0].media_type: \"\" is not a media type (such as \"image/jpeg\")" },
  { "size-string", ATTACHMENTS (ATT ("\"size\": \"5\"")),
    "attachments[0].size: \"5\" is not a size in bytes from 1 to 64 MiB" },
  { "size-zero", ATTACHMENTS (ATT ("\"size\": 0")),
    "attachments[0].size: 0 is not a size in bytes from 1 to 64 MiB" },
  { "size-too-big", ATTACHMENTS (ATT ("\"size\": 67108865")),
    "attachments[0].size: 67108865 is not a size in bytes from 1 to 64 MiB" },
  { "sha-upper", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\"")),
    "attachments[0].sha256: \"2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\" "
    "is not a SHA-256 (64 lower-case hex digits)" },
  { "added-at-offset", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                         "\"added_at\": \"2024-01-04T02:11:09+07:00\"")),
    "attachments[0].added_at: \"2024-01-04T02:11:09+07:00\" is not a UTC date and time "
    "(2024-01-04T02:11:09Z)" },
  { "added-at-impossible", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                             "\"added_at\": \"2024-02-30T02:11:09Z\"")),
    "attachments[0].added_at: \"2024-02-30T02:11:09Z\" is not a UTC date and time "
    "(2024-01-04T02:11:09Z)" },
  { "data-missing", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                      "\"added_at\": \"2024-01-04T02:11:09Z\"")),
    "attachments[0].data: is required but missing" },
  { "data-line-break", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                         "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                         "\"data\": \"aGVs\\nbG8=\"")),
    "attachments[0].data: is not base64 (RFC 4648, without line breaks)" },
  { "data-bad-character", ATTACHMENTS (ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                            "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                            "\"data\": \"aGVs*G8=\"")),
    "attachments[0].data: is not base64 (RFC 4648, without line breaks)" },
  { "data-short", ATTACHMENTS (ATT ("\"size\": 6, \"sha256\": \"" HELLO_SHA "\", "
                                    "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                    "\"data\": \"aGVsbG8=\"")),
    "attachments[0].data: decodes to 5 bytes, not its size 6" },
  { "data-changed", ATTACHMENTS (GOOD ", " X_ATT ", "
                                 ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                      "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                      "\"data\": \"amVsbG8=\"")),
    NULL },
  { "sha-mismatch", ATTACHMENTS (GOOD ", "
                                 ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                      "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                      "\"data\": \"amVsbG8=\"") ", "
                                 ATT ("\"size\": 5, \"sha256\": \"" HELLO_SHA "\", "
                                      "\"added_at\": \"2024-01-04T02:11:09Z\", "
                                      "\"data\": \"aGVsbA==\"")),
    NULL },
  { "duplicate", ATTACHMENTS (GOOD ", " HELLO ("")),
    "attachments[1].sha256: the same file as attachments[0]" },
  { "link-index-out", ATTACHMENTS (HELLO ("{\"to\": \"payments\", \"index\": 0}, "
                                          "{\"to\": \"payments\", \"index\": 7}")),
    "attachments[0].links[1].index: there is no payments[7]" },
  { "link-index-missing", ATTACHMENTS (HELLO ("{\"to\": \"payments\"}")),
    "attachments[0].links[0].index: is required but missing" },
  { "link-index-negative", ATTACHMENTS (HELLO ("{\"to\": \"payments\", \"index\": -1}")),
    "attachments[0].links[0].index: expected a position from 0, not a number" },
  { "link-case-index", ATTACHMENTS (HELLO ("{\"to\": \"case\", \"index\": 0}")),
    "attachments[0].links[0].index: a link to the case takes no index" },
  { "link-word", ATTACHMENTS (HELLO ("{\"to\": \"interest_overrides\", \"index\": 0}")),
    "attachments[0].links[0].to: \"interest_overrides\" is not one of: case, children, terms, "
    "charges, payments, communications, enforcement" },
  { "link-twice", ATTACHMENTS (HELLO ("{\"to\": \"payments\", \"index\": 0}, {\"to\": \"case\"}, "
                                      "{\"to\": \"payments\", \"index\": 0}")),
    "attachments[0].links[2]: names the same record as an earlier link" },
  { "link-not-object", ATTACHMENTS (HELLO ("\"payments[0]\"")),
    "attachments[0].links[0]: expected an object, not a string" },
};

/* Each refusal names its field; a v2 document with the same content but
 * right imports (the refusal is for what the row changes). */
static void
test_v2_refusal (gconstpointer data)
{
  const V2Refusal *row = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) c = rec_case_json_parse (row->json, -1, &error);

  g_assert_null (c);
  g_assert_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (row->message != NULL)
    g_assert_cmpstr (error->message, ==, row->message);
  else if (g_str_equal (row->name, "data-changed"))
    g_assert_cmpstr (error->message, ==, "attachments[2].data: does not match its sha256");
  else if (g_str_equal (row->name, "sha-mismatch"))
    g_assert_cmpstr (error->message, ==, "attachments[1].data: does not match its sha256");
  else
    g_assert_true (g_str_has_prefix (error->message, "case.agency_balance"));
}

/* The documents the refusals are made from import when right. */
static void
test_v2_good (void)
{
  static const char *const good[] = {
    ATTACHMENTS (GOOD),
    ATTACHMENTS (HELLO ("{\"to\": \"case\"}, {\"to\": \"payments\", \"index\": 0}")),
    ATTACHMENTS (HELLO ("")),
    ATTACHMENTS (""),
    ATTACHMENTS (MEDIA ("image/svg+xml")),
    ATTACHMENTS (MEDIA ("application/vnd.ms-excel")),
    ("{\"format\": \"recourse-case\", \"version\": 2, \"case\": {\"title\": \"T\", "
     "\"jurisdiction\": \"us-ca\", \"agency_balance\": \"0\", \"agency_balance_as_of\": null}}"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecCaseData) c = rec_case_json_parse (good[i], -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (c);
    }
}

/* An attachment that proves a record the case does not hold, or whose bytes
 * are not its own, is not exported. */
static void
test_v2_unexportable (void)
{
  g_autoptr(RecCaseData) c = v2_case ();
  g_autoptr(RecPayment) stray = rec_payment_new ();
  g_autoptr(GError) error = NULL;
  RecAttachment *order = c->attachments->pdata[2];
  char *text;

  rec_attachment_add_link (order, REC_ENTITY (stray));
  text = rec_case_json_export (c, &error);
  g_assert_null (text);
  g_assert_cmpstr (error->message, ==,
                   "attachments: a document proves a record that is not in the case");
  g_clear_error (&error);

  g_assert_true (rec_attachment_remove_link (order, REC_ENTITY (stray)));
  order->sha256[0] = order->sha256[0] == '0' ? '1' : '0';
  text = rec_case_json_export (c, &error);
  g_assert_null (text);
  g_assert_cmpstr (error->message, ==, "attachments[2].data: does not match its sha256");
  g_clear_error (&error);

  /* Not loaded: not exported (the caller loads the bytes first). */
  order->sha256[0] = REC_ATTACHMENT (c->attachments->pdata[1])->sha256[0];
  g_clear_pointer (&order->data, g_bytes_unref);
  text = rec_case_json_export (c, &error);
  g_assert_null (text);
  g_assert_cmpstr (error->message, ==, "attachments[2].data: decodes to 0 bytes, not its size 1");
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
  g_test_add_func ("/store/case-json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/store/case-json/many-keys", test_many_keys);
  g_test_add_func ("/store/case-json/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/store/case-json/v2/round-trip", test_v2_round_trip);
  g_test_add_func ("/store/case-json/v2/large-data", test_v2_large_data);
  g_test_add_func ("/store/case-json/v2/v1-golden", test_v1_golden);
  g_test_add_func ("/store/case-json/v2/good", test_v2_good);
  g_test_add_func ("/store/case-json/v2/unexportable", test_v2_unexportable);
  for (guint i = 0; i < G_N_ELEMENTS (v2_refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/case-json/v2/bad/%s", v2_refusals[i].name);

      g_test_add_data_func (path, &v2_refusals[i], test_v2_refusal);
    }
  for (guint i = 0; i < G_N_ELEMENTS (edge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/case-json/edge/%s", edge_cases[i].name);

      g_test_add_data_func (path, &edge_cases[i], test_edge_round_trip);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unexportable); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/case-json/unexportable/%s",
                                               unexportable[i].name);

      g_test_add_data_func (path, &unexportable[i], test_unexportable);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_case_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/case-json/bad/%s", bad_case_json[i].name);

      g_test_add_data_func (path, &bad_case_json[i], test_bad_input);
    }

  return g_test_run ();
}

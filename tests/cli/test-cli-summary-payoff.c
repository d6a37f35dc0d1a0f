/* test-cli-summary-payoff.c — `recourse summary CASE --payoff AMOUNT [--from DATE]`
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case of tests/core/test-payoff.c, through the real binary: 1 000.00
 * owed since 2024-01-01 at California's 10 %, 100.00 a month from
 * 2024-02-01: paid off on 2024-12-01 after 11 months, 40.10 of interest
 * (worked by hand there). Text and JSON, the never case, and bad input.
 */
#include "config.h"

#include "cli-fixture.h"

#include <json-glib/json-glib.h>

static const char small_case[] =
  "{ \"format\": \"recourse-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Payoff v. Test\", \"jurisdiction\": \"us-ca\" },\n"
  "  \"charges\": [ { \"date\": \"2024-01-01\", \"amount\": \"1000.00\",\n"
  "                 \"description\": \"Arrears\" } ] }\n";

/* Imports the small case into the fixture's folder; returns its path. */
static char *
make_case (Fixture *f)
{
  g_autofree char *json = path_in (f, "case.json");
  char *path = path_in (f, "case.recourse");
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (json, small_case, -1, NULL));
  run_recourse (&run, "import", json, "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *payoff, *row;
  JsonArray *schedule;

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--payoff", "100", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);

  /* The summary is all there, unchanged. */
  g_assert_cmpstr (json_object_get_string_member (root, "principal_balance"), ==, "1000.00");
  g_assert_cmpstr (json_object_get_string_member (root, "interest_balance"), ==, "8.22");
  g_assert_true (json_object_has_member (root, "remedies"));

  payoff = json_object_get_object_member (root, "payoff");
  g_assert_nonnull (payoff);
  g_assert_cmpstr (json_object_get_string_member (payoff, "paid_off"), ==, "2024-12-01");
  g_assert_cmpint (json_object_get_int_member (payoff, "months"), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (payoff, "interest"), ==, "40.10");
  schedule = json_object_get_array_member (payoff, "schedule");
  g_assert_cmpuint (json_array_get_length (schedule), ==, 11);

  row = json_array_get_object_element (schedule, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2024-02-01");
  g_assert_cmpstr (json_object_get_string_member (row, "payment"), ==, "100.00");
  g_assert_cmpstr (json_object_get_string_member (row, "interest_charged"), ==, "7.22");
  g_assert_cmpstr (json_object_get_string_member (row, "principal_balance"), ==, "908.49");
  g_assert_cmpstr (json_object_get_string_member (row, "interest_balance"), ==, "7.22");

  row = json_array_get_object_element (schedule, 10);
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2024-12-01");
  g_assert_cmpstr (json_object_get_string_member (row, "payment"), ==, "48.59");
  g_assert_cmpstr (json_object_get_string_member (row, "principal_balance"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (row, "interest_balance"), ==, "0.00");
}

/* Without --payoff the JSON has no payoff. */
static void
test_json_without (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (json_object_has_member (parse_object (parser, run.out), "payoff"));
}

static void
test_json_never (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *payoff;

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--payoff", "5.00", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  payoff = json_object_get_object_member (parse_object (parser, run.out), "payoff");
  g_assert_true (json_object_get_null_member (payoff, "paid_off"));
  g_assert_cmpint (json_object_get_int_member (payoff, "months"), ==, 600);
  g_assert_cmpstr (json_object_get_string_member (payoff, "interest"), ==, "5003.56");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payoff, "schedule")),
                    ==, 600);
}

/* The lines of the month table: from the header "  Month" to the end. */
static GPtrArray *
table_lines (const char *text)
{
  const char *start = strstr (text, "\n  Month ");
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (start);
  lines = g_strsplit (start + 1, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_ptr_array_add (out, g_strdup (lines[i]));
  return out;
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(Run) run = { 0 };
  glong width;

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--payoff", "100", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* The summary first, then the projection. */
  g_assert_nonnull (strstr (run.out, "Total balance"));
  g_assert_nonnull (strstr (run.out, "What if the payer pays $100.00 more on the first of each "
                                     "month from 02/01/2024"));
  g_assert_nonnull (strstr (run.out, "Paid off on 12/01/2024, after 11 months; "
                                     "interest until then: $40.10"));

  /* Header and 11 rows, every line as wide, amounts right-aligned. */
  lines = table_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 12);
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "Interest charged"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 1), "  02/01/2024  "));
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 1), "$908.49"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (lines, 1), "$7.22"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 11), "  12/01/2024  "));
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 11), "$48.59"));
  width = g_utf8_strlen (g_ptr_array_index (lines, 0), -1);
  for (guint i = 1; i < lines->len; i++)
    g_assert_cmpint (g_utf8_strlen (g_ptr_array_index (lines, i), -1), ==, width);
}

static void
test_text_never (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(Run) run = { 0 };

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--payoff", "5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Never at this amount"));
  g_assert_null (strstr (run.out, "Paid off on"));
  g_assert_nonnull (strstr (run.out, "Interest in 600 months: $5,003.56"));
  lines = table_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 601);
}

/* --from: the first payment on the first of the month on or after it. */
static void
test_text_from (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  g_auto(Run) run = { 0 };

  run_recourse (&run, "summary", path, "--as-of", "2024-01-31", "--payoff", "100",
                "--from", "2024-03-15", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "month from 04/01/2024"));
  g_assert_nonnull (strstr (run.out, "\n  04/01/2024  "));
  g_assert_nonnull (strstr (run.out, "$924.93"));
}

typedef struct
{
  const char *args[6];
  const char *words;
} BadCase;

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = make_case (f);
  const BadCase cases[] = {
    { { "--payoff", "abc" }, "--payoff: \"abc\" is not an amount" },
    { { "--payoff", "12,50" }, "--payoff: \"12,50\": write the amount with a point before the cents and no thousands separator, as 12.50" },
    { { "--payoff", "$1,250.00" }, "--payoff: \"$1,250.00\": write the amount with a point before the cents and no thousands separator, as 1250.00" },
    { { "--payoff", "0" }, "--payoff: \"0\" is not more than zero" },
    { { "--payoff", "0.00", "--json" }, "--payoff: \"0.00\" is not more than zero" },
    { { "--payoff", "-5" }, "--payoff: \"-5\" is negative" },
    { { "--payoff", "1.005" }, "--payoff: \"1.005\" has more than two decimals" },
    { { "--payoff", "100", "--from", "2024-02-30" }, "--from: \"2024-02-30\"" },
    { { "--payoff", "100", "--from", "soon" }, "--from: \"soon\" is not a date" },
    { { "--payoff", "100", "--from", "2024-01-31" }, "--from: 2024-01-31 is not after the as-of date 2024-01-31" },
    { { "--from", "2024-03-01" }, "--from: only with --payoff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(Run) run = { 0 };
      const char *a[12] = { NULL, };

      g_ptr_array_add (argv, (gpointer) "summary");
      g_ptr_array_add (argv, path);
      g_ptr_array_add (argv, (gpointer) "--as-of");
      g_ptr_array_add (argv, (gpointer) "2024-01-31");
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].args) && cases[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[k]);
      for (guint k = 0; k < argv->len; k++)
        a[k] = g_ptr_array_index (argv, k);

      g_test_message ("case %u: %s", i, cases[i].words);
      run_recourse (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      assert_one_error_line (&run, cases[i].words);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-summary-payoff/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("json", test_json);
  ADD ("json-without", test_json_without);
  ADD ("json-never", test_json_never);
  ADD ("text", test_text);
  ADD ("text-never", test_text_never);
  ADD ("text-from", test_text_from);
  ADD ("bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}

/* test-cli-summary-agency.c — `recourse summary` prints the agency's stated
 * arrears beside ours for the same day (issue 14 point 5)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case of tests/core/test-agency.c through the real binary: child
 * support of 400.00 due on the 1st of January and February 2024, nothing
 * paid, California's 10 %. The agency stated 800.00 on 2024-03-01, when ours
 * is 809.75; on 2024-06-01, the summary's day, the total is 829.92. The
 * JSON (spec/arrears.md §8) defines no field for it and has none.
 */
#include "config.h"

#include "cli-fixture.h"

static char *
make_case (Fixture    *f,
           const char *agency)
{
  g_autofree char *json = path_in (f, "case.json");
  g_autofree char *text = g_strdup_printf (
    "{ \"format\": \"recourse-case\", \"version\": 2,\n"
    "  \"case\": { \"title\": \"Agency v. Test\", \"jurisdiction\": \"us-ca\"%s },\n"
    "  \"terms\": [ { \"kind\": \"child_support\", \"amount\": \"400.00\",\n"
    "               \"frequency\": \"monthly\", \"due_day\": 1,\n"
    "               \"effective\": \"2024-01-01\", \"end\": \"2024-02-29\" } ] }\n",
    agency);
  char *path = path_in (f, "case.recourse");
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (json, text, -1, NULL));
  run_recourse (&run, "import", json, "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path =
    make_case (f, ", \"agency_balance\": \"800.00\", \"agency_balance_as_of\": \"2024-03-01\"");
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };

  run_recourse (&run, "summary", path, "--as-of", "2024-06-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_nonnull (strstr (run.out, "Total balance      $829.92"));
  g_assert_nonnull (strstr (run.out, "  Agency’s stated arrears (03/01/2024)  $800.00\n"));
  g_assert_nonnull (strstr (run.out, "  Recourse for the same day             $809.75\n"));
  g_assert_nonnull (strstr (run.out, "  Difference                              $9.75\n"));
  g_assert_nonnull (strstr (run.out, "  The agency’s figure is $9.75 lower than Recourse’s for the same day. "
                                     "You may ask the agency for an audit of its arrears.\n"));

  run_recourse (&json, "summary", path, "--as-of", "2024-06-01", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_null (strstr (json.out, "agency_balance"));
}

/* No figure, or a figure without its day: nothing to compare. */
static void
test_none (Fixture       *f,
           gconstpointer  data)
{
  const char *cases[] = { "", ", \"agency_balance\": \"800.00\"" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = make_case (f, cases[i]);
      g_auto(Run) run = { 0 };

      run_recourse (&run, "summary", path, "--as-of", "2024-06-01", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Total balance      $829.92"));
      g_assert_null (strstr (run.out, "Recourse for the same day"));
      g_assert_null (strstr (run.out, "audit"));
      g_remove (path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-summary-agency/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("text", test_text);
  ADD ("none", test_none);
#undef ADD

  return g_test_run ();
}

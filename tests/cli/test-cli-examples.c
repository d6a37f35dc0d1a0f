/* test-cli-examples.c — the README's walk-through: the example statement and
 * SMS backup of data/examples imported into the demo case, twice
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The examples belong to the demo case made with --as-of 2026-12-01 (the
 * demo's dates follow its as-of date): its wage assignments arrive as the
 * statement's CA SDU deposits, and its last text is in the backup. What the
 * README promises is checked here line for line.
 */
#include "config.h"

#include "cli-fixture.h"

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RECOURSE_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static void
assert_lines (const Run  *run,
              const char *expected)
{
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (run->out, ==, expected);
}

static void
test_walkthrough (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *statement = example ("statement-demo.csv");
  g_autofree char *backup = example ("sms-backup-demo.xml");
  g_autofree char *path = path_in (f, "try.recourse");
  g_auto(Run) demo = { 0 };
  g_auto(Run) pay1 = { 0 };
  g_auto(Run) msg1 = { 0 };
  g_auto(Run) pay2 = { 0 };
  g_auto(Run) msg2 = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) docs = { 0 };
  g_auto(Run) verify = { 0 };

  run_recourse (&demo, "demo", "-o", path, "--as-of", "2026-12-01", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_recourse (&list, "import-messages", path, backup, NULL);
  assert_lines (&list, "Nothing was added. Choose whose messages to add with --with ADDRESS:\n"
                       "  +14085550143  6 messages  Victor Marquez\n"
                       "  +14085550100  1 message   Dr. Patel's office\n");

  run_recourse (&pay1, "import-payments", path, statement,
                "--match", "CA SDU", "--match", "VICTOR MARQUEZ", NULL);
  assert_lines (&pay1, "2 payments added\n5 already in the case\n5 not matching\n");
  run_recourse (&msg1, "import-messages", path, backup, "--with", "(408) 555-0143", NULL);
  assert_lines (&msg1, "5 messages added\n1 already in the case\n1 not matching\n");

  /* Again: nothing twice. */
  run_recourse (&pay2, "import-payments", path, statement,
                "--match", "CA SDU", "--match", "VICTOR MARQUEZ", NULL);
  assert_lines (&pay2, "0 payments added\n7 already in the case\n5 not matching\n");
  run_recourse (&msg2, "import-messages", path, backup, "--with", "(408) 555-0143", NULL);
  assert_lines (&msg2, "0 messages added\n6 already in the case\n1 not matching\n");

  /* The statement proves its two payments, the backup its five messages,
   * the MMS picture its message. */
  run_recourse (&docs, "attachments", path, NULL);
  g_assert_cmpint (docs.status, ==, 0);
  g_assert_nonnull (strstr (docs.out, "statement-demo.csv"));
  g_assert_nonnull (strstr (docs.out, "11/21/2026 $250.00"));
  g_assert_nonnull (strstr (docs.out, "08/22/2026 $100.00"));
  g_assert_nonnull (strstr (docs.out, "sms-backup-demo.xml"));
  g_assert_nonnull (strstr (docs.out, "image000000.png"));

  run_recourse (&verify, "verify", path, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "intact"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/examples/walkthrough", Fixture, NULL,
              fixture_set_up, test_walkthrough, fixture_tear_down);

  return g_test_run ();
}

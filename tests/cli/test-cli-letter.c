/* test-cli-letter.c — `recourse letter` as a user runs it: figures, languages, bad input, atomicity
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letters' text is read back with pdftotext (poppler-utils), their page
 * count with pdfinfo; the figures are compared with `recourse summary --json`
 * for the same date.
 */
#include "config.h"

#include "cli-fixture.h"

#include <json-glib/json-glib.h>

#define AS_OF "2026-11-23"

/* The output of a poppler tool on `path` ("pdftotext", "pdfinfo"), or NULL
 * (and the test skipped) when it is not installed. */
static char *
poppler_tool (const char *tool,
              const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return NULL;
    }
  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { program, "-q", path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &wait_status, &error));
    }
  else
    {
      const char *argv[] = { program, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &wait_status, &error));
    }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  return out;
}

/* The text without white space (wrapping moves line breaks). */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_text (const char *text,
          const char *needle)
{
  g_autofree char *a = squeeze (text);
  g_autofree char *b = squeeze (needle);

  return strstr (a, b) != NULL;
}

static int
page_count (const char *path)
{
  g_autofree char *info = poppler_tool ("pdfinfo", path);
  const char *pages = info != NULL ? strstr (info, "Pages:") : NULL;

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* "11431.76" (summary --json) as the letter writes it in English:
 * "$11,431.76". */
static char *
dollars (const char *json_amount)
{
  const char *dot = strchr (json_amount, '.');
  g_autoptr(GString) out = g_string_new ("$");
  gsize whole = dot - json_amount;

  g_assert_nonnull (dot);
  g_assert_true (json_amount[0] != '-');
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, json_amount[i]);
    }
  g_string_append (out, dot);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
summary_amount (Fixture    *f,
                const char *field)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_recourse (&run, "summary", demo, "--as-of", AS_OF, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  return dollars (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                 field));
}

/* A letter exists, mode 0600, and its text (NULL: no pdftotext). */
static char *
letter_text (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  return poppler_tool ("pdftotext", path);
}

/* One page; the balance split into support and interest is summary's. */
static void
test_demand (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_autofree char *pdf = path_in (f, "demand.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  const char *fields[] = { "principal_balance", "interest_balance", "total_balance" };

  make_demo (f, "demo.recourse");
  before = checksum (demo);
  run_recourse (&run, "letter", demo, "--kind", "demand", "-o", pdf, "--as-of", AS_OF, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  after = checksum (demo);
  g_assert_cmpstr (before, ==, after);
  text = letter_text (pdf);
  if (text == NULL)
    return;
  g_assert_cmpint (page_count (pdf), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *amount = summary_amount (f, fields[i]);

      g_test_message ("%s: %s", fields[i], amount);
      g_assert_true (has_text (text, amount));
    }
  g_assert_true (has_text (text, "Re: Child support, case number"));
  {
    g_autofree char *total = summary_amount (f, "total_balance");
    g_autofree char *ask = g_strdup_printf ("Please pay %s by", total);

    g_assert_true (has_text (text, ask));
  }
}

static void
test_delinquency_and_withheld (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_autofree char *pdf = path_in (f, "notice.pdf");
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "demo.recourse");
  run_recourse (&run, "letter", demo, "--kind", "delinquency", "-o", pdf, "--as-of", AS_OF,
                "--withhold-address", "--pay-by", "2026-12-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = letter_text (pdf);
  if (text == NULL)
    return;
  total = summary_amount (f, "total_balance");
  g_assert_true (has_text (text, "Attachment to form FL-485 (Notice of Delinquency)"));
  g_assert_true (has_text (text, total));
  /* The demo's receiving parent lives at 1482 Alameda Ave. */
  g_assert_false (has_text (text, "Alameda"));
  g_assert_false (has_text (text, "555-0178"));
  g_assert_true (has_text (text, "Withheld"));
}

/* --lang: the letter in Spanish whatever the environment's language. */
static void
test_spanish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_autofree char *pdf = path_in (f, "carta.pdf");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  make_demo (f, "demo.recourse");
  run_recourse (&run, "letter", demo, "--kind", "demand", "-o", pdf, "--as-of", AS_OF,
                "--lang", "es", NULL);
  if (run.status == 2 && strstr (run.err, "--lang") != NULL)
    {
      g_test_skip ("no Spanish catalog in this build");
      return;
    }
  g_assert_cmpint (run.status, ==, 0);
  text = letter_text (pdf);
  if (text == NULL)
    return;
  /* The Spanish date form, and the packet's Spanish words. */
  g_assert_true (has_text (text, "23/11/2026"));
  g_assert_false (has_text (text, "11/23/2026"));
  g_assert_false (has_text (text, "Total owed"));
  g_assert_cmpint (page_count (pdf), ==, 1);
}

/* Bad input: exit 2, one line naming the problem, nothing written — and a
 * file already at the output is left as it was. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_autofree char *pdf = path_in (f, "letter.pdf");
  g_autofree char *kept = NULL;
  const struct
  {
    const char *args[6];
    const char *words;
  } cases[] = {
    { { "-o", NULL, NULL }, "--kind" },
    { { "--kind", "threat", "-o", NULL, NULL }, "“threat”" },
    { { "--kind", "demand", NULL }, "-o" },
    { { "--kind", "demand", "--pay-by", "2026-11-22", "-o", NULL }, "--pay-by" },
    { { "--kind", "demand", "--pay-by", "next week", "-o", NULL }, "--pay-by" },
    { { "--kind", "demand", "--lang", "fr", "-o", NULL }, "--lang" },
  };

  make_demo (f, "demo.recourse");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *argv[12] = { "letter", demo, "--as-of", AS_OF, NULL };
      guint n = 4;

      for (guint a = 0; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a] != NULL; a++)
        {
          argv[n++] = cases[i].args[a];
          if (g_str_equal (cases[i].args[a], "-o"))
            argv[n++] = pdf;
        }
      g_test_message ("case %u", i);
      run_recourse (&run, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], argv[7],
                    argv[8], argv[9], argv[10], NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run, cases[i].words);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  /* An older file at the output survives a refused letter, byte for byte. */
  g_assert_true (g_file_set_contents (pdf, "an older letter", -1, NULL));
  {
    g_auto(Run) run = { 0 };

    run_recourse (&run, "letter", demo, "--kind", "demand", "-o", pdf, "--as-of", AS_OF,
                  "--pay-by", "2026-01-01", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  g_assert_true (g_file_get_contents (pdf, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "an older letter");
  /* Only the demo, its letter: no temporary left behind. */
  g_assert_cmpuint (count_files (f), ==, 2);
}

/* A case with nothing owed: say so, write nothing. Outside California:
 * no notice of delinquency. */
static void
test_nothing_owed_and_other_state (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *empty = path_in (f, "empty.recourse");
  g_autofree char *texas = path_in (f, "texas.recourse");
  g_autofree char *pdf = path_in (f, "letter.pdf");
  g_auto(Run) made = { 0 };
  g_auto(Run) made_tx = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) notice = { 0 };

  run_recourse (&made, "new", empty, "--title", "Nothing owed", NULL);
  g_assert_cmpint (made.status, ==, 0);
  run_recourse (&nothing, "letter", empty, "--kind", "demand", "-o", pdf, "--as-of", "2026-12-01", NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  assert_one_error_line (&nothing, "Nothing is owed as of 12/01/2026: no letter was written");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_recourse (&made_tx, "new", texas, "--title", "Texas", "--jurisdiction", "us-tx", NULL);
  g_assert_cmpint (made_tx.status, ==, 0);
  run_recourse (&notice, "letter", texas, "--kind", "delinquency", "-o", pdf, NULL);
  g_assert_cmpint (notice.status, ==, 2);
  assert_one_error_line (&notice, "California form");
  g_assert_nonnull (strstr (notice.err, "use --kind demand"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* An output that cannot be written: exit 1, one line naming it. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *demo = path_in (f, "demo.recourse");
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) help = { 0 };

  make_demo (f, "demo.recourse");
  run_recourse (&run, "letter", demo, "--kind", "demand", "-o", "/nonexistent-folder/letter.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run, "/nonexistent-folder");
  g_assert_false (g_file_test ("/nonexistent-folder", G_FILE_TEST_EXISTS));

  run_recourse (&missing, "letter", "/nonexistent/case.recourse", "--kind", "demand", "-o", "x.pdf", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  assert_one_error_line (&missing, "no such case file");

  run_recourse (&help, "letter", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--pay-by"));
  g_assert_nonnull (strstr (help.out, "--withhold-address"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/letter/demand", Fixture, NULL, fixture_set_up, test_demand, fixture_tear_down);
  g_test_add ("/cli/letter/delinquency-withheld", Fixture, NULL, fixture_set_up,
              test_delinquency_and_withheld, fixture_tear_down);
  g_test_add ("/cli/letter/spanish", Fixture, NULL, fixture_set_up, test_spanish, fixture_tear_down);
  g_test_add ("/cli/letter/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/cli/letter/nothing-owed-other-state", Fixture, NULL, fixture_set_up,
              test_nothing_owed_and_other_state, fixture_tear_down);
  g_test_add ("/cli/letter/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);

  return g_test_run ();
}

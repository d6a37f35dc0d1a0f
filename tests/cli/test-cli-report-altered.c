/* test-cli-report-altered.c — recourse report verifies the case first: a
 * case changed outside Recourse gets a packet that says so and never the
 * note that presents its history as one to check against (spec/evidence.md
 * §3); an intact case's packet keeps it
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-fixture.h"

static const char intact_note[] = "tamper-evident history of every change";
static const char altered_note[] = "Recourse found changes made outside it (see Verify)";

/* The packet's text, one line; NULL without pdftotext. */
static char *
packet_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* Lines wrap anywhere: words joined by single spaces. */
static char *
normalized (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

static void
report (Fixture    *f,
        const char *case_name,
        const char *pdf_name,
        Run        *run,
        char      **out_text)
{
  g_autofree char *path = path_in (f, case_name);
  g_autofree char *pdf = path_in (f, pdf_name);
  g_autofree char *text = NULL;

  run_recourse (run, "report", path, "-o", pdf, "--as-of", "2026-11-23", NULL);
  g_assert_cmpint (run->status, ==, 0);
  text = packet_text (pdf);
  *out_text = text != NULL ? normalized (text) : NULL;
}

static void
test_intact (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  make_demo (f, "case.recourse");
  report (f, "case.recourse", "packet.pdf", &run, &text);
  g_assert_null (strstr (run.err, "changed outside Recourse"));
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, intact_note));
  g_assert_null (strstr (text, altered_note));
}

static void
test_altered (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_auto(Run) run = { 0 };
  g_auto(Run) verify = { 0 };
  g_autofree char *text = NULL;

  make_demo (f, "case.recourse");
  sql (path, "UPDATE payments SET amount = amount + 900 "
             "WHERE id = (SELECT id FROM payments ORDER BY id LIMIT 1 OFFSET 4)");
  report (f, "case.recourse", "packet.pdf", &run, &text);
  /* The packet is written, with a warning saying why it says so. */
  g_assert_nonnull (strstr (run.err, "was changed outside Recourse (see recourse verify)"));
  run_recourse (&verify, "verify", path, NULL);
  g_assert_cmpint (verify.status, ==, 1);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_null (strstr (text, intact_note));
  g_assert_nonnull (strstr (text, altered_note));
}

/* A document's bytes changed: the packet, which would show them as an
 * exhibit, is not made at all (exit 1 naming the document), so nothing
 * claims the case intact. */
static void
test_altered_document (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "case.recourse");
  g_autofree char *doc = path_in (f, "note.txt");
  g_autofree char *pdf = path_in (f, "packet.pdf");
  g_auto(Run) attach = { 0 };
  g_auto(Run) run = { 0 };

  make_demo (f, "case.recourse");
  g_assert_true (g_file_set_contents (doc, "Called the agency on 2026-03-01.\n", -1, NULL));
  run_recourse (&attach, "attach", path, doc, NULL);
  g_assert_cmpint (attach.status, ==, 0);
  /* The same length (the schema checks the size), other bytes. */
  sql (path, "UPDATE attachments SET data = CAST (replace (CAST (data AS TEXT), 'agency', 'AGENCY')"
             " AS BLOB)");
  run_recourse (&run, "report", path, "-o", pdf, "--as-of", "2026-11-23", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "note.txt"));
  g_assert_nonnull (strstr (run.err, "changed outside Recourse"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/report/intact-claims-history", test_intact);
  ADD ("/cli/report/altered-says-so", test_altered);
  ADD ("/cli/report/altered-document-says-so", test_altered_document);

  return g_test_run ();
}

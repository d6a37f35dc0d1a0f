/* test-outputs.c — every file a verb writes is mode 0600 and appears whole or
 * not at all (issue 10 point 12)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each output verb writes into a folder of its own, run with umask 0 (so a
 * file created any other way than through src/core/rec-atomic-file would be
 * 0666 or 0644): the folder then holds exactly the output, mode 0600. Run
 * again with RLIMIT_FSIZE at 1 KiB (SIGXFSZ ignored, so write(2) fails with
 * EFBIG part way through, as on a full disk) the verb fails with one line and
 * leaves nothing: no output, no temporary, no journal, and an older file of
 * that name is left as it was.
 */
#include "launch-util.h"

#include <sys/resource.h>

typedef struct
{
  const char *verb;
  const char *output;
  /* The arguments; "@CASE@", "@JSON@" and "@OUT@" are replaced. */
  const char *args[8];
} OutputVerb;

static const OutputVerb verbs[] = {
  { "new", "new.recourse", { "new", "@OUT@", "--title", "Doe v. Doe", "--force", NULL } },
  { "import", "imported.recourse", { "import", "@JSON@", "-o", "@OUT@", "--force", NULL } },
  { "export", "case.json", { "export", "@CASE@", "--json", "-o", "@OUT@", NULL } },
  { "demo", "demo.recourse", { "demo", "-o", "@OUT@", "--as-of", "2026-11-23", "--force", NULL } },
  { "report", "packet.pdf", { "report", "@CASE@", "-o", "@OUT@", "--as-of", "2026-11-23", NULL } },
  { "calendar", "follow-ups.ics", { "calendar", "@CASE@", "-o", "@OUT@", NULL } },
};

static void
permissive_umask (gpointer data)
{
  umask (0);
}

/* Files may grow to 1 KiB; the write past it fails instead of killing. */
static void
small_file_limit (gpointer data)
{
  struct rlimit limit = { 1024, 1024 };

  umask (0);
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* The demo case and its JSON in f->dir, the outputs in f->dir/out. */
static void
make_inputs (Fixture *f)
{
  g_auto(Run) run = { 0 };
  g_autofree char *json = path_in (f, "in.json");
  g_autofree char *out = path_in (f, "out");

  make_demo (f, "in.recourse");
  {
    g_autofree char *case_path = path_in (f, "in.recourse");
    const char *args[] = { "export", case_path, "--json", "-o", json, NULL };

    run_recourse_full (&run, NULL, NULL, args);
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
}

static void
remove_outputs (Fixture *f)
{
  g_autofree char *out = path_in (f, "out");
  g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (out, name, NULL);

      g_remove (path);
    }
  g_rmdir (out);
}

/* Every name in f->dir/out, sorted, joined by spaces. */
static char *
list_outputs (Fixture *f)
{
  g_autofree char *out = path_in (f, "out");
  g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
run_verb (Fixture              *f,
          const OutputVerb     *verb,
          GSpawnChildSetupFunc  setup,
          Run                  *run)
{
  g_autofree char *case_path = path_in (f, "in.recourse");
  g_autofree char *json = path_in (f, "in.json");
  g_autofree char *out = g_build_filename (f->dir, "out", verb->output, NULL);
  const char *args[G_N_ELEMENTS (verb->args)] = { NULL };

  for (guint i = 0; verb->args[i] != NULL; i++)
    {
      const char *a = verb->args[i];

      args[i] = g_str_equal (a, "@CASE@") ? case_path
                : g_str_equal (a, "@JSON@") ? json
                : g_str_equal (a, "@OUT@") ? out : a;
    }
  run_recourse_full (run, NULL, setup, args);
}

static char *
output_path (Fixture          *f,
             const OutputVerb *verb)
{
  return g_build_filename (f->dir, "out", verb->output, NULL);
}

static void
test_mode (Fixture       *f,
           gconstpointer  data)
{
  const OutputVerb *verb = data;
  g_auto(Run) run = { 0 };
  g_autofree char *out = output_path (f, verb);
  g_autofree char *listing = NULL;
  GStatBuf st;

  make_inputs (f);
  run_verb (f, verb, permissive_umask, &run);
  g_assert_cmpint (run.status, ==, 0);
  listing = list_outputs (f);
  g_assert_cmpstr (listing, ==, verb->output);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  if ((st.st_mode & 07777) != 0600)
    g_error ("recourse %s wrote %s with mode %04o, not 0600", verb->verb, verb->output,
             (unsigned) (st.st_mode & 07777));
  remove_outputs (f);
}

/* Runs `verb` with the small file limit: it fails with one line (exit 1);
 * returns what it left in the output folder. */
static char *
run_failing (Fixture          *f,
             const OutputVerb *verb)
{
  g_auto(Run) run = { 0 };

  run_verb (f, verb, small_file_limit, &run);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run, NULL);
  return list_outputs (f);
}

static void
test_failed_write (Fixture       *f,
                   gconstpointer  data)
{
  const OutputVerb *verb = data;
  g_autofree char *listing = NULL;

  make_inputs (f);
  listing = run_failing (f, verb);
  if (*listing != '\0')
    g_error ("recourse %s failed to write but left: %s", verb->verb, listing);
  remove_outputs (f);
}

/* A failed write over an existing output keeps the old one whole. */
static void
test_failed_overwrite (Fixture       *f,
                       gconstpointer  data)
{
  const OutputVerb *verb = data;
  g_auto(Run) first = { 0 };
  g_autofree char *out = output_path (f, verb);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;

  make_inputs (f);
  run_verb (f, verb, NULL, &first);
  g_assert_cmpint (first.status, ==, 0);
  before = checksum (out);
  listing = run_failing (f, verb);
  if (!g_str_equal (listing, verb->output))
    g_error ("recourse %s failed over an existing file and left: %s", verb->verb, listing);
  after = checksum (out);
  g_assert_cmpstr (after, ==, before);
  remove_outputs (f);
}

static void
add_per_verb (const char *name,
              void      (*func) (Fixture *, gconstpointer))
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/outputs/%s/%s", name, verbs[i].verb);

      g_test_add (path, Fixture, &verbs[i], fixture_set_up, func, fixture_tear_down);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_per_verb ("mode-0600", test_mode);
  add_per_verb ("failed-write-leaves-nothing", test_failed_write);
  add_per_verb ("failed-overwrite-keeps-old", test_failed_overwrite);

  return g_test_run ();
}

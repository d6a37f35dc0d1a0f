/* bench-import-session.c — the window's import, without the widgets: a
 * statement read (the preview), filtered and checked for duplicates, added
 * through the session (the commit, the lists and the figures), then undone
 * and redone (spec/import.md §4). Run by tests/bench/bench-import.sh.
 *
 *   bench-import-session CASE.recourse STATEMENT.csv
 *
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-case-session.h"
#include "rec-import.h"

#include <stdio.h>
#include <stdlib.h>

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);
  RecImportPaymentOptions options = { .method = -1 };
  RecImportSource *source;
  guint added = 0;
  gint64 start;
  double preview, commit, undo, redo;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-import-session CASE.recourse STATEMENT.csv\n");
      return 2;
    }
  session = rec_case_session_open (argv[1], &error);
  if (session == NULL)
    {
      fprintf (stderr, "bench-import-session: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  source = rec_import_read_payments (argv[2], &options, NULL, NULL, NULL, &error);
  if (source == NULL)
    {
      fprintf (stderr, "bench-import-session: %s\n", error->message);
      return 1;
    }
  g_ptr_array_add (sources, source);
  rec_import_source_filter (source, NULL);
  rec_import_mark_duplicates (rec_case_session_get_data (session), sources);
  preview = seconds_since (start);

  start = g_get_monotonic_time ();
  if (!rec_case_session_import (session, sources, &added, &error))
    {
      fprintf (stderr, "bench-import-session: %s\n", error->message);
      return 1;
    }
  commit = seconds_since (start);

  start = g_get_monotonic_time ();
  if (!rec_case_session_undo (session, &error))
    {
      fprintf (stderr, "bench-import-session: undo: %s\n", error->message);
      return 1;
    }
  undo = seconds_since (start);

  start = g_get_monotonic_time ();
  if (!rec_case_session_redo (session, &error))
    {
      fprintf (stderr, "bench-import-session: redo: %s\n", error->message);
      return 1;
    }
  redo = seconds_since (start);

  printf ("  rows added: %u\n", added);
  printf ("  preview (read, filter, duplicates): %.3f s\n", preview);
  printf ("  commit through the session:         %.3f s\n", commit);
  printf ("  preview to commit:                  %.3f s (target under 1 s)\n", preview + commit);
  printf ("  undo (the whole import):            %.3f s\n", undo);
  printf ("  redo:                               %.3f s\n", redo);
  return 0;
}

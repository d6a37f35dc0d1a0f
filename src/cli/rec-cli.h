/* rec-cli.h — the verbs of spec/cli.md
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of spec/cli.md. */
typedef enum
{
  REC_EXIT_OK = 0,
  REC_EXIT_FAILED = 1,    /* the work failed: I/O, a corrupt file */
  REC_EXIT_USAGE = 2,     /* bad usage or bad input */
} RecExitStatus;

/* TRUE when argv[1] is a verb (or --help/--version) the CLI handles, so main()
 * never starts GTK for it. */
gboolean rec_cli_handles (int    argc,
                          char **argv);
int      rec_cli_run     (int    argc,
                          char **argv);

G_END_DECLS

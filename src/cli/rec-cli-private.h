/* rec-cli-private.h — what the verbs of the CLI share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rec-cli.h"

G_BEGIN_DECLS

/* One verb: parses its own options from argv (argv[0] is the verb) and
 * returns an exit status. */
typedef int (*RecCliVerbFunc) (int    argc,
                               char **argv);

/* Prints "recourse: MESSAGE" on stderr, one line. */
void     _rec_cli_error           (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
/* Parses options with GOptionContext; on bad usage prints the error and a hint
 * and returns FALSE. --help prints the verb's help and sets *out_exit = 0. */
gboolean _rec_cli_parse_options   (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv,
                                   int            *out_exit);
/* Writes `contents` to `path` through a temporary file in the same folder and
 * a rename ("-" writes to stdout), so a failure never leaves half a file. */
gboolean _rec_cli_write_atomically (const char  *path,
                                    const char  *contents,
                                    gsize        length,
                                    GError     **error);
/* The exit status for an error of rec_store_open/load (spec/cli.md). */
int      _rec_cli_exit_for_store_error (const GError *error);
/* Parses --as-of (NULL → today, local date). */
gboolean _rec_cli_parse_as_of     (const char  *text,
                                   GDate       *out_date);

/* The verbs, one file each. */
int      _rec_cli_new             (int argc, char **argv);
int      _rec_cli_import          (int argc, char **argv);
int      _rec_cli_export          (int argc, char **argv);
int      _rec_cli_verify          (int argc, char **argv);
int      _rec_cli_demo            (int argc, char **argv);
int      _rec_cli_summary         (int argc, char **argv);
int      _rec_cli_report          (int argc, char **argv);

G_END_DECLS

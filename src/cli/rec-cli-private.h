/* rec-cli-private.h — what the verbs of the CLI share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rec-money.h"
#include "rec-rules.h"

#include "rec-cli.h"
#include "rec-store.h"

G_BEGIN_DECLS

/* One verb: parses its own options from argv (argv[0] is the verb) and
 * returns an exit status. */
typedef int (*RecCliVerbFunc) (int    argc,
                               char **argv);

/* Prints "recourse: MESSAGE" on stderr, one line, through _rec_cli_printable. */
void     _rec_cli_error           (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
/* Parses options with GOptionContext; on bad usage prints the error and a hint
 * and returns FALSE. --help prints the verb's help and sets *out_exit = 0. */
gboolean _rec_cli_parse_options   (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv,
                                   int            *out_exit);
/* Writes `contents` to `path` through a locked hidden temporary in the same
 * folder (mode 0600) and a rename, so a failure never leaves half a file ("-"
 * writes to stdout). Leftovers of killed runs there are removed first. */
gboolean _rec_cli_write_atomically (const char  *path,
                                    const char  *contents,
                                    gsize        length,
                                    GError     **error);

/* What a verb's -o writes. */
typedef enum
{
  REC_CLI_OUTPUT_DOCUMENT,   /* export, report: never written over a case file */
  REC_CLI_OUTPUT_CASE,       /* import, demo, new: replaces a case only with --force */
} RecCliOutput;

/* The one check of every -o (spec/cli.md): refuses an output that is the input
 * (the same file, or a symbolic or hard link to it), that is not a regular
 * file, or that holds a database (a case or any SQLite file, its journal or
 * WAL, recognised by content, not by name) — except a case replaced by a
 * REC_CLI_OUTPUT_CASE verb with `force`. A REC_CLI_OUTPUT_CASE verb also
 * refuses any existing file without `force`. `input` may be NULL. Prints the
 * one-line reason and returns FALSE (exit 2); nothing has been written. */
gboolean _rec_cli_check_output    (const char   *output,
                                   const char   *input,
                                   RecCliOutput  kind,
                                   gboolean      force);

/* The most an input read whole (a case's JSON) may hold. */
#define REC_CLI_MAX_INPUT_MB 512

/* Reads a whole input file, refusing before any read what is not a regular
 * file (a FIFO, a device, a folder) or holds more than REC_CLI_MAX_INPUT_MB.
 * Prints the one-line reason and sets *out_exit (2 for a missing, non-regular
 * or oversized file, 1 for an I/O failure). */
gboolean _rec_cli_read_input      (const char   *path,
                                   char        **out_contents,
                                   gsize        *out_length,
                                   int          *out_exit);

/* An amount given to `option` in the command line's form ("1250.00"); one
 * that is the display form of the locale ("1.250,00" in Spanish) is refused
 * saying how to write it, never as "more than two decimals". Prints the
 * one-line reason. */
gboolean _rec_cli_parse_amount    (const char   *option,
                                   const char   *text,
                                   RecCents     *out_cents);

/* `text` (from a case or a file) safe to print on a terminal: C0 controls
 * (but tab, and newline unless `one_line`), DEL, C1 controls and the
 * bidirectional marks, embeddings, overrides and isolates become visible
 * escapes ("\x1b", "\u202e"); bytes that are not UTF-8 become "\xff". */
char    *_rec_cli_printable       (const char   *text,
                                   gboolean      one_line) G_GNUC_WARN_UNUSED_RESULT;

/* The exit status for an error of rec_store_open/load (spec/cli.md). */
int      _rec_cli_exit_for_store_error (const GError *error);
/* Opens the case at `path` read-only for a verb that only reads it, loading
 * the whole case (`ledger_only`: what the engine reads) and its rules; says
 * what went wrong on stderr: a path that does not exist is bad usage (2), a
 * file that is not a readable case "the work failed" or bad input as
 * _rec_cli_exit_for_store_error decides. `out_store` may be NULL. */
int      _rec_cli_load_case_read_only (const char   *path,
                                       gboolean      ledger_only,
                                       RecStore    **out_store,
                                       RecCaseData **out_case,
                                       RecRules    **out_rules);
/* Parses --as-of (NULL → today, local date). */
gboolean _rec_cli_parse_as_of     (const char  *text,
                                   GDate       *out_date);

/* The verbs, one file each. */
int      _rec_cli_new             (int argc, char **argv);
int      _rec_cli_import          (int argc, char **argv);
int      _rec_cli_export          (int argc, char **argv);
int      _rec_cli_verify          (int argc, char **argv);
int      _rec_cli_history         (int argc, char **argv);

/* rec-cli-history.c: what verify says of the history. "1 234" (transfer full). */
char    *_rec_cli_group_digits    (gint64       number) G_GNUC_WARN_UNUSED_RESULT;
/* "intact: 1 234 entries, fingerprint 3F2A-91C0-77DE-0B14" on stdout (nothing
 * for a file without a history). */
void     _rec_cli_print_intact    (const RecStoreVerifyResult *result);
/* "altered: N problems" on stderr, after the problems. */
void     _rec_cli_print_altered   (guint        problems);
/* --packet: whether the PDF came from the case; one sentence, the exit status. */
int      _rec_cli_verify_packet   (const char  *case_path,
                                   const char  *pdf_path,
                                   gboolean     intact);
int      _rec_cli_demo            (int argc, char **argv);
int      _rec_cli_summary         (int argc, char **argv);
int      _rec_cli_report          (int argc, char **argv);
int      _rec_cli_letter          (int argc, char **argv);
int      _rec_cli_calendar        (int argc, char **argv);

G_END_DECLS

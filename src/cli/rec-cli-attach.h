/* rec-cli-attach.h — the verbs of the documents: attach, attachments, extract
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* attach CASE FILE… [--to ENTITY[N]]: all the files or none (spec/evidence.md §1). */
int      _rec_cli_attach          (int argc, char **argv);
/* attachments CASE: SHA-256 prefix, name, size, what each proves. */
int      _rec_cli_attachments     (int argc, char **argv);
/* extract CASE SHA256-PREFIX -o FILE: the exact bytes. */
int      _rec_cli_extract         (int argc, char **argv);

G_END_DECLS

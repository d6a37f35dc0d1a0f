/* rec-cli-import.h — the verbs that bring history in: import-payments, import-messages
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* import-payments CASE FILE… [--match TEXT]… [--method M] [--dry-run]
 * [--format F] [--columns C] [--date-order mdy|dmy] (spec/import.md §1). */
int      _rec_cli_import_payments (int argc, char **argv);
/* import-messages CASE FILE… [--with ADDRESS]… [--dry-run] [--format F]
 * [--me ADDRESS]; without --with, lists the correspondents and adds nothing. */
int      _rec_cli_import_messages (int argc, char **argv);

G_END_DECLS

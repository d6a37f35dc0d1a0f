/* rec-date-private.h — the date parser with its format as a parameter (tests)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* rec_date_parse_display() and rec_date_format_hint() for a given strftime
 * format ("%m/%d/%Y") instead of the translated one. */
gboolean   rec_date_parse_with_format (const char  *text,
                                       const char  *format,
                                       GDate       *out_date,
                                       GError     **error);
char      *rec_date_hint_for_format   (const char  *format) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

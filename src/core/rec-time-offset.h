/* rec-time-offset.h — whether a recorded time's UTC offset needs showing
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the RFC 3339 time text ("2026-07-01T10:00:00-07:00", "…Z") was
 * recorded with the offset the system's local time zone has at that instant
 * (its own date's offset, so DST-aware: a July time at -07:00 in
 * America/Los_Angeles is local, a January one is not). Such a time is shown in
 * local time without an offset; any other is shown with the offset it was
 * recorded with. FALSE as well when text is not such a time. */
gboolean rec_timestamp_offset_is_local (const char *text);

G_END_DECLS

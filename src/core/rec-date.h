/* rec-date.h — calendar dates and timestamps as ISO text
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GDate that has been g_date_clear()ed is "no date" (JSON null). */

/* Parses exactly "YYYY-MM-DD" into a valid calendar date (2023-02-29 fails). */
gboolean   rec_date_parse          (const char  *text,
                                    GDate       *out_date,
                                    GError     **error);
/* "YYYY-MM-DD", or NULL for an invalid (cleared) date. */
char      *rec_date_to_iso         (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void       rec_date_to_iso_buf     (const GDate *date,
                                    char        *buf);
/* Today's date in the local time zone (never called by core computations). */
void       rec_date_set_today      (GDate       *date);
/* For people: the translated numeric date format ("11/23/2026", "23/11/2026"). */
char      *rec_date_format         (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
gboolean   rec_date_is_set         (const GDate *date);
int        rec_date_compare        (const GDate *a,
                                    const GDate *b);
/* Days from a to b (b − a). */
int        rec_date_days_between   (const GDate *a,
                                    const GDate *b);

/* Checks an RFC 3339 timestamp with an offset ("2021-04-02T18:30:00-07:00",
 * "...Z"); returns the instant as Unix seconds. */
gboolean   rec_timestamp_parse     (const char  *text,
                                    gint64      *out_unix,
                                    GError     **error);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (bookkeeping stamps). */
char      *rec_timestamp_now_utc   (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

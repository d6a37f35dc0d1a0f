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
/* Parses a date as people type it: the form rec_date_format() shows
 * ("12/15/2026" in English, "15/12/2026" in Spanish and Vietnamese), with one
 * or two digits for day and month and "/", "-" or "." between them, or ISO
 * "YYYY-MM-DD". A two-digit year, a day that is not in the calendar
 * ("February 2026 has 28 days") and anything else fail with a one-line
 * REC_CORE_ERROR_INVALID error. */
gboolean   rec_date_parse_display  (const char  *text,
                                    GDate       *out_date,
                                    GError     **error);
/* The hint shown under a date field, from the same format: "MM/DD/YYYY",
 * "DD/MM/AAAA" (translated letters). */
char      *rec_date_format_hint    (void) G_GNUC_WARN_UNUSED_RESULT;
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
/* A stored RFC 3339 time for people, in the system's local time zone:
 * "04/02/2021 18:30" (rec_date_format() and 24-hour time). When the recorded
 * offset differs from the local zone's offset at that instant, the time as
 * recorded follows with its offset: "04/02/2021 15:30 (18:30 UTC−04:00)".
 * NULL when text is not a timestamp rec_timestamp_parse() accepts. */
char      *rec_timestamp_format    (const char  *text) G_GNUC_WARN_UNUSED_RESULT;
/* Splits a stored RFC 3339 time into the local date and time of day (system
 * time zone) for the fields of a form. FALSE when text is not a timestamp. */
gboolean   rec_timestamp_to_local  (const char  *text,
                                    GDate       *out_date,
                                    int         *out_hour,
                                    int         *out_minute,
                                    int         *out_second);
/* Parses a time of day as people type it: "18:30", "6:30", "18.30", "18",
 * "6:30 pm", "6 PM", "6 a.m."; fails with a one-line error otherwise. */
gboolean   rec_time_parse_display  (const char  *text,
                                    int         *out_hour,
                                    int         *out_minute,
                                    GError     **error);
/* "18:30" (24-hour, two-digit minutes), as rec_timestamp_format() shows it. */
char      *rec_time_format         (int          hour,
                                    int          minute) G_GNUC_WARN_UNUSED_RESULT;
/* An RFC 3339 time ("2021-04-02T18:30:00-07:00") from a local date and time
 * of day, with the offset the system's time zone has then (DST-aware). A
 * time the clocks skip (spring forward) fails with a one-line error; in the
 * hour that happens twice (autumn) the second, standard-time one is taken. */
char      *rec_timestamp_new_local (const GDate *date,
                                    int          hour,
                                    int          minute,
                                    int          second,
                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (bookkeeping stamps). */
char      *rec_timestamp_now_utc   (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

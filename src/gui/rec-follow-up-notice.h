/* rec-follow-up-notice.h — the desktop notification of follow-ups due when a
 * case is opened
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which follow-ups are due is the core's answer (rec-follow-ups.h); this
 * file words it, with dates in the window's display form, and builds the
 * GNotification whose default action shows the case's Overview
 * ("app.show-follow-ups" with the case's path).
 */
#pragma once

#include <gio/gio.h>

#include "rec-case-data.h"

G_BEGIN_DECLS

/* How many follow-ups the body names; the others are counted. */
#define REC_FOLLOW_UP_NOTICE_MAX_LINES 3

/* "2 follow-ups due". `due` holds RecFollowUp (rec_case_data_due_follow_ups()). */
char          *rec_follow_up_notice_dup_title (GPtrArray   *due) G_GNUC_WARN_UNUSED_RESULT;
/* One line per follow-up, up to REC_FOLLOW_UP_NOTICE_MAX_LINES, then "And 2
 * more follow-ups": "Ana Lopez: Phone call — overdue since 11/20/2026",
 * "Credit reporting — due today". */
char          *rec_follow_up_notice_dup_body  (GPtrArray   *due) G_GNUC_WARN_UNUSED_RESULT;
/* The notification's id for the case at `path`: the same for the same case,
 * so that it can be withdrawn, and one per case. */
char          *rec_follow_up_notice_dup_id    (const char  *path) G_GNUC_WARN_UNUSED_RESULT;
/* The notification for the follow-ups of `data` due on `today`, or NULL
 * when none is. (transfer full) */
GNotification *rec_follow_up_notice_new       (const RecCaseData *data,
                                               const GDate       *today,
                                               const char        *path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

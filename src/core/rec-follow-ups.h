/* rec-follow-ups.h — which follow-ups are open, and which are due on a day
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A follow-up is a communication's follow-up date or an enforcement step's
 * next date (spec/evidence.md §4: follow_up_done, next_done). One answer for
 * the window's notification, the calendar and anyone else who asks.
 */
#pragma once

#include <glib-object.h>

#include "rec-case-data.h"

G_BEGIN_DECLS

typedef enum
{
  REC_FOLLOW_UP_COMMUNICATION,   /* a communication's follow-up date */
  REC_FOLLOW_UP_NEXT_STEP,       /* an enforcement step's next date */
} RecFollowUpKind;

typedef struct
{
  RecFollowUpKind  kind;
  RecEntity       *record;       /* (owned) the RecCommunication or RecEnforcementStep */
  GDate            date;         /* the follow-up or next date */
  int              days_overdue; /* 0: due today; more: overdue for that many days */
} RecFollowUp;

void         rec_follow_up_free                  (RecFollowUp *follow_up);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecFollowUp, rec_follow_up_free)

/* Whether the communication's follow-up still waits: a date, not marked done. */
gboolean     rec_communication_follow_up_is_open (const RecCommunication   *communication);
/* Whether the step's next date still waits: a date, not marked done, and the
 * step neither denied nor closed (nothing follows a remedy that ended). */
gboolean     rec_enforcement_step_next_is_open   (const RecEnforcementStep *step);

/* The open follow-ups of `data` whose date is `today` or earlier, oldest
 * first (ties: communications before steps, then in entry order). A pure
 * function: `today` is the caller's. (transfer full) (element-type
 * RecFollowUp): never NULL, empty when nothing is due. */
GPtrArray   *rec_case_data_due_follow_ups        (const RecCaseData        *data,
                                                  const GDate              *today)
                                                  G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rec-payoff.h — the payoff projection of spec/arrears.md §10
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assuming the current terms continue, every future installment is paid in
 * full on its due date, and `monthly` more is paid toward the arrears on the
 * first day of each month from `from`: when is the arrears balance zero, how
 * much interest accrues until then, and the month-by-month table. Computed by
 * the arrears engine itself on those assumed payments, with the case's own
 * allocation rules. At most REC_PAYOFF_MAX_MONTHS months.
 */
#pragma once

#include "rec-case-data.h"
#include "rec-money.h"
#include "rec-rules.h"

G_BEGIN_DECLS

#define REC_PAYOFF_MAX_MONTHS 600

typedef struct
{
  GDate     date;               /* the first of the month: the extra payment's day */
  RecCents  payment;            /* the extra payment toward arrears */
  RecCents  interest_charged;   /* interest accrued during the month */
  RecCents  principal_balance;  /* after the month */
  RecCents  interest_balance;   /* after the month */
} RecPayoffMonth;

typedef struct
{
  gboolean        paid_off;     /* FALSE: the payment never outgrows interest and support */
  GDate           paid_off_on;  /* set when paid_off */
  guint           months;       /* rows in schedule */
  RecCents        interest;     /* interest accrued from `from` until paid off (or 600 months) */
  RecPayoffMonth *schedule;     /* months rows */
} RecPayoff;

/* `from` may be NULL or cleared: the first day of the month after `as_of`.
 * REC_CORE_ERROR_INVALID when monthly <= 0. */
RecPayoff *rec_payoff_compute (const RecCaseData *case_data,
                               const RecRules    *rules,
                               const GDate       *as_of,
                               RecCents           monthly,
                               const GDate       *from,
                               GError           **error) G_GNUC_WARN_UNUSED_RESULT;
void       rec_payoff_free    (RecPayoff *payoff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecPayoff, rec_payoff_free)

G_END_DECLS

/* rec-agency.h — the agency's stated arrears beside ours (issue 14 point 5)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case may record the arrears the child support agency last stated and
 * the day it stated them (RecCaseInfo.has_agency_balance,
 * agency_balance_cents, agency_balance_as_of; spec/evidence.md §4). The
 * comparison runs the engine once, as of that same day: figures of two
 * different days would differ for the interest and installments between
 * them alone, and a parent reading them side by side would be misled.
 */
#pragma once

#include "rec-arrears.h"
#include "rec-case-data.h"
#include "rec-money.h"
#include "rec-rules.h"

G_BEGIN_DECLS

typedef struct
{
  RecCents  agency_cents;      /* what the agency stated (below zero: a credit) */
  GDate     as_of;             /* the day it stated it */
  /* Ours on that day: unpaid support plus unpaid interest, less any credit
   * (RecArrearsResult total_balance_cents - credit_cents), so that a credit
   * the agency states below zero compares with ours. */
  RecCents  ours_cents;
  RecCents  difference_cents;  /* ours - agency; > 0: the agency counts less */
} RecAgencyComparison;

/* Compares the agency's figure of `data` with the engine's total owed as of
 * the agency's date. FALSE without an error when the case records no
 * agency figure, or one without its date (nothing to compare on the same
 * day); FALSE with the engine's error when the engine cannot compute the
 * case. `out` is written only on TRUE. */
gboolean rec_agency_compare      (const RecCaseData   *data,
                                  const RecRules      *rules,
                                  RecAgencyComparison *out,
                                  GError             **error);

/* The one sentence that explains the difference, in the renderer's language
 * and money (NULL: gettext in the process's language, rec_cents_format in
 * `currency` NULL — the default renderer of rec-arrears.h):
 *   "The agency’s figure is $9.75 lower than Recourse’s for the same day.
 *    You may ask the agency for an audit of its arrears."
 * or "... higher ...", or "The figures agree." when there is no difference. */
char    *rec_agency_comparison_text (const RecAgencyComparison *comparison,
                                     const RecRenderer         *renderer) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* rec-arrears-private.h — the pieces of the arrears engine (spec/arrears.md)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-arrears.h"
#include "rec-rules-private.h"

G_BEGIN_DECLS

/* Interest is an exact rational number of cents: an integer numerator over
 * REC_INTEREST_DENOMINATOR = 43 800 000 = lcm (10 000 × 365, 10 000 × 12).
 * A day of daily interest on P cents at r basis points adds P × r × 12; a month
 * of monthly interest adds P × r × 365. Numerators are 128-bit: an 18-year case
 * of large amounts overflows 64 bits (spec/arrears.md §5, Exactness). */
__extension__ typedef __int128 RecInterest;

#define REC_INTEREST_DENOMINATOR 43800000
#define REC_INTEREST_DAILY_FACTOR 12      /* 43 800 000 / (10 000 × 365) */
#define REC_INTEREST_MONTHLY_FACTOR 365   /* 43 800 000 / (10 000 × 12) */

/* Rounds a non-negative interest to whole cents, REC_ROUND_HALF_UP (the only
 * rounding of interest, spec §5). FALSE if it does not fit in RecCents. */
gboolean rec_interest_round_half_up (RecInterest  interest,
                                     RecCents    *out_cents);

/* An installment or a charge. */
typedef struct
{
  guint32      due;              /* julian day */
  guint32      start;            /* accrual start, julian day (spec §5) */
  gboolean     is_charge;
  RecTermKind  kind;             /* installments */
  int          position;         /* entry order of its term or charge */
  guint        seq;              /* generation order, the last tie-break */
  gpointer     source;           /* borrowed RecTerm or RecCharge */
  RecCents     amount;
  RecCents     unpaid;
  gboolean     bearing;          /* bears interest at all */
  gboolean     accruing;         /* bearing and its accrual has started */
} RecItem;

/* A payment dated <= as_of, its day and tie-breaks read once. */
typedef struct
{
  guint32      day;              /* julian day */
  int          position;         /* entry order */
  guint        index;            /* index in the case, the last tie-break */
  RecPayment  *payment;          /* borrowed */
} RecPaymentEvent;

/* Every installment and charge due <= as_of, sorted oldest first (spec §3).
 * `starts` sets each item's accrual start. */
gboolean rec_schedule_build         (const RecCaseData *case_data,
                                     RecStartRule       starts,
                                     const GDate       *as_of,
                                     GArray           **out_items,
                                     GError           **error);
/* Whether a term is in force at as_of (spec §1: up to the earlier of its end
 * and the day before the next same-kind term's effective date). */
gboolean rec_schedule_term_in_force (const RecCaseData *case_data,
                                     const GDate       *as_of);

/* The monthly support in force (spec §9): from `start` on, the sum of the
 * monthly equivalents of the installment terms in force. */
typedef struct
{
  guint32   start;               /* julian day; segments[0].start == 0 */
  RecCents  monthly_cents;
} RecSupportSegment;

gboolean rec_schedule_monthly_support (const RecCaseData *case_data,
                                       GArray           **out_segments,
                                       GError           **error);
RecCents rec_schedule_support_on      (const GArray      *segments,
                                       guint32            day);
RecCents rec_schedule_support_on_segments (const RecSupportSegment *segments,
                                           guint                    n_segments,
                                           guint32                  day);
/* The last day <= as_of on which some term was in force; FALSE if none was. */
gboolean rec_schedule_last_term_day   (const RecCaseData *case_data,
                                       const GDate       *as_of,
                                       guint32           *out_day);

/* The rate in force each day, with the case's overrides, as a running sum so
 * that the rate-days of any interval cost one lookup. */
typedef struct
{
  guint32  start;                /* julian day */
  int      basis_points;
  gint64   sum_before;           /* Σ rate(d), d from day 1 to start − 1 */
} RecRateSegment;

typedef struct
{
  GArray *segments;              /* RecRateSegment, by start; segments[0].start == 1 */
} RecRateTable;

gboolean rec_rate_table_init        (RecRateTable      *table,
                                     const RecRules    *rules,
                                     gboolean           agency,
                                     const RecCaseData *case_data,
                                     GError           **error);
void     rec_rate_table_clear       (RecRateTable      *table);
/* Σ rate(d) in basis points for from <= d < to. */
gint64   rec_rate_table_sum         (const RecRateTable *table,
                                     guint32             from,
                                     guint32             to);

/* Contempt counts, history and remedies from the swept items (spec §6, §7). */
void     rec_arrears_fill_contempt  (RecArrearsResult  *result,
                                     const GArray      *items,
                                     int                contempt_years);
void     rec_arrears_fill_history   (RecArrearsResult  *result,
                                     const GArray      *items,
                                     const GArray      *payments);
/* `monthly_support` for months_of_support: the support in force at as_of or
 * on the last day a term was; `has_monthly_support` FALSE with no such day. */
void     rec_arrears_fill_remedies  (RecArrearsResult  *result,
                                     const RecRules    *rules,
                                     gboolean           public_assistance,
                                     gboolean           has_monthly_support,
                                     RecCents           monthly_support);

/* The English reason templates of the rules we ship, marked for translation
 * so that reason_label can be translated (NULL-terminated). */
extern const char * const rec_known_reason_templates[];

G_END_DECLS

/* rec-arrears.h — the arrears engine of spec/arrears.md: a pure function
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rec-case-data.h"
#include "rec-enums.h"
#include "rec-money.h"
#include "rec-rules.h"

G_BEGIN_DECLS

typedef struct
{
  int       year;
  int       month;                 /* 1–12 */
  RecCents  due_cents;             /* installments due in that month */
  RecCents  unpaid_cents;
} RecContemptCount;

typedef struct
{
  int       month;                 /* 1–12 */
  RecCents  ordered_cents;
  RecCents  paid_cents;
} RecHistoryMonth;

typedef struct
{
  int              year;
  RecCents         ordered_cents;
  RecCents         paid_cents;
  int              n_months;
  RecHistoryMonth  months[12];     /* months[0 .. n_months-1], in order */
} RecHistoryYear;

/* One payment history of spec §11: the installments of one support kind, or
 * the charges. `history` has exactly the years and months of the merged
 * RecArrearsResult.history (same length, same year and month at each index),
 * so a grid per kind lines up with the merged grid cell by cell:
 *   ordered_cents  this kind's installments (or the charges) due in the
 *                  month, <= as_of;
 *   paid_cents     the principal of this kind's installments (or of the
 *                  charges) paid by payments dated in the month, plus what
 *                  credit covered of those due in the month (credit counts on
 *                  the due date, spec §4).
 * Yearly ordered_cents / paid_cents are the sums of the year's months.
 * Per month: Σ over kinds of ordered_cents = the merged ordered_cents; Σ over
 * kinds of paid_cents + the interest paid (history_interest_paid) + the net
 * change of credit (prepayments made minus credit applied) = the merged
 * paid_cents. */
typedef struct
{
  gboolean      is_charges;        /* TRUE: the charges ("charges" in the JSON) */
  RecTermKind   kind;              /* the support kind; REC_TERM_KIND_OTHER for the charges:
                                    * test is_charges */
  GArray       *history;           /* RecHistoryYear, as RecArrearsResult.history */
} RecKindHistory;

/* Interest paid by the payments dated in one month (spec §11); only months
 * where some was paid. */
typedef struct
{
  int       year;
  int       month;                 /* 1–12 */
  RecCents  paid_cents;
} RecInterestPaidMonth;

/* How a caller puts the engine's words in its language and its amounts in its
 * form: `translate` (NULL: gettext, in the process's language) returns the
 * translation of `msgid` in `context` (NULL: none), or msgid itself;
 * `format_cents` (NULL: rec_cents_format (cents, currency)) returns a new
 * string. The window passes NULL for both; the packet passes its language. */
typedef const char *(*RecTranslateFunc)   (const char *context,
                                           const char *msgid,
                                           gpointer    user_data);
typedef char       *(*RecFormatCentsFunc) (RecCents    cents,
                                           gpointer    user_data);

typedef struct
{
  RecTranslateFunc    translate;
  RecFormatCentsFunc  format_cents;
  const char         *currency;
  gpointer            user_data;
} RecRenderer;

/* One condition of a reason (spec §8): its template as the rules file has it
 * (English, with {placeholders}) and the figures of its {value} and
 * {threshold}. */
typedef struct
{
  char      *template;             /* NULL: no such part */
  gboolean   is_amount;            /* value and threshold are cents, else numbers */
  gint64     value;
  gint64     threshold;
  gboolean   threshold_fits;       /* FALSE: the threshold overflowed ("—") */
} RecReasonPart;

typedef struct
{
  RecRemedy      remedy;           /* one of the first nine */
  gboolean       eligible;
  char          *reason;           /* English, with the deciding figures (spec §8) */
  char          *reason_label;     /* the same, translated in the process's language */
  char          *citation;
  /* The reason as templates with their figures, for callers to render in
   * their language (rec_remedy_result_render_reason): the deciding
   * condition, then the second one when both held ("; " between them). */
  RecReasonPart  parts[2];
  /* The case's figures a template may name besides {value} and {threshold}. */
  RecCents       principal_owed_cents;
  int            days_delinquent;
  guint          contempt_counts;
  RecCents       monthly_support_cents;
} RecRemedyResult;

/* The reason of `remedy` in the renderer's language and money; `reason` is
 * this with the identity translation and rec_cents_to_string, reason_label
 * with the default renderer. A translated template that names a placeholder
 * that does not exist is rendered in English. */
char *rec_remedy_result_render_reason (const RecRemedyResult *remedy,
                                       const RecRenderer     *renderer) G_GNUC_WARN_UNUSED_RESULT;
/* A deep copy into `dest` (uninitialized), and its release. */
void  rec_remedy_result_copy          (RecRemedyResult       *dest,
                                       const RecRemedyResult *src);
void  rec_remedy_result_clear         (RecRemedyResult       *remedy);

typedef enum
{
  REC_LEDGER_INSTALLMENT,
  REC_LEDGER_CHARGE,
  REC_LEDGER_PAYMENT,
} RecLedgerKind;

/* One event of the ledger, in processing order (spec §3), with the balances
 * after it. For payments, how it was split (spec §4). */
typedef struct
{
  RecLedgerKind  kind;
  GDate          date;
  RecTermKind    term_kind;            /* installments */
  gpointer       source;               /* borrowed RecTerm, RecCharge or RecPayment */
  RecCents       amount_cents;         /* due (installment, charge) or paid (payment) */
  RecCents       to_current_cents;     /* payments: parts of the split */
  RecCents       to_interest_cents;
  RecCents       to_principal_cents;
  RecCents       to_credit_cents;
  RecCents       principal_balance_cents;   /* after the event */
  RecCents       interest_balance_cents;    /* rounded half-up, after the event */
  RecCents       from_credit_cents;         /* installments, charges: covered by credit (spec §4) */
  RecCents       credit_balance_cents;      /* unapplied credit after the event */
} RecLedgerLine;

/* The balance at the end of a month, for the chart. */
typedef struct
{
  int       year;
  int       month;
  RecCents  principal_balance_cents;
  RecCents  interest_balance_cents;
} RecBalancePoint;

typedef struct
{
  GDate      as_of;
  char      *currency;

  RecCents   principal_due_cents;
  RecCents   paid_cents;
  RecCents   principal_paid_cents;
  RecCents   interest_paid_cents;
  RecCents   credit_cents;
  RecCents   principal_balance_cents;
  RecCents   interest_accrued_cents;
  RecCents   interest_balance_cents;
  RecCents   total_balance_cents;
  GDate      oldest_unpaid_due;        /* cleared when nothing is unpaid */
  int        days_delinquent;
  GDate      last_payment;             /* cleared when no payment <= as_of */
  RecCents   last_payment_cents;
  gboolean   term_in_force;            /* a support term is in force at as_of */

  GArray    *contempt_counts;          /* RecContemptCount */
  GArray    *history;                  /* RecHistoryYear */
  /* RecKindHistory (spec §11): one per support kind with an installment due
   * <= as_of, in the kind order of spec §3 (RecTermKind order), then the
   * charges when a charge is due <= as_of; empty when history is. */
  GArray    *history_by_kind;
  GArray    *history_interest_paid;    /* RecInterestPaidMonth, by month */
  GArray    *remedies;                 /* RecRemedyResult, the nine of spec §7 in order */
  GArray    *ledger;                   /* RecLedgerLine, events <= as_of */
  GArray    *balance_points;           /* RecBalancePoint, one per history month */
} RecArrearsResult;

/* Computes everything of spec/arrears.md for `case_data` at `as_of`. Pure: no
 * clock, no I/O, no locale (except reason_label, translated through gettext).
 * The ledger's `source` pointers borrow from case_data. */
RecArrearsResult *rec_arrears_compute      (const RecCaseData *case_data,
                                            const RecRules    *rules,
                                            const GDate       *as_of,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;
void              rec_arrears_result_free  (RecArrearsResult  *result);

/* A deep copy of history_by_kind (each kind's history copied too), freed with
 * g_array_unref; for copies of a result that outlive it (a plain struct copy
 * would share the arrays: history_interest_paid copies as any GArray). */
GArray           *rec_arrears_history_by_kind_copy (const GArray *history_by_kind) G_GNUC_WARN_UNUSED_RESULT;

/* spec/arrears.md §8 JSON, keys in the spec's order, ending with a newline. */
char             *rec_arrears_result_to_json (const RecArrearsResult *result) G_GNUC_WARN_UNUSED_RESULT;

/* One answer to each question the window and the packet both ask. */

/* The current state of a remedy: of the steps recorded for it (`steps` holds
 * RecEnforcementStep in entry order), the latest dated one, the one entered
 * later on equal dates; an undated step counts only when no step for the
 * remedy has a date (then the last one entered). An undated step cannot be
 * placed in time, so it never overrides a dated one. NULL when none is
 * recorded. Borrowed from `steps`. */
RecEnforcementStep *rec_enforcement_current_step  (GPtrArray                *steps,
                                                   RecRemedy                 remedy);
/* The same rule one step at a time, for lists that are not a GPtrArray:
 * whether `step`, entered after `current` (nullable) for the same remedy,
 * becomes the current state. */
gboolean            rec_enforcement_step_replaces (const RecEnforcementStep *step,
                                                   const RecEnforcementStep *current);

/* How a payment was applied (spec §4), as the window's ledger and the packet
 * say it: the non-zero parts in this order, "$X to this month’s support, $Z to
 * interest, $Y to past-due support, $W kept as credit", joined by the
 * translated list separator. NULL for anything but a payment, and for a
 * payment that all went to this month's support (it needs no words). */
char *rec_ledger_line_split_text (const RecLedgerLine *line,
                                  const RecRenderer   *renderer) G_GNUC_WARN_UNUSED_RESULT;

/* The value axis of the balance chart, in cents: from min_cents to max_cents
 * (both whole multiples of step_cents, min_cents <= 0 <= max_cents) in
 * n_steps steps of step_cents, a round 1, 2 or 5 × 10^k cents of at least one
 * currency unit (100 cents), the smallest such step that needs at most
 * max_steps steps to cover [MIN (lo, 0), MAX (hi, 0)]; at least one step. */
typedef struct
{
  RecCents  min_cents;
  RecCents  max_cents;
  RecCents  step_cents;
  guint     n_steps;
} RecChartAxis;

#define REC_CHART_MAX_STEPS 5

void  rec_chart_axis_compute     (RecCents      lo_cents,
                                  RecCents      hi_cents,
                                  guint         max_steps,
                                  RecChartAxis *out_axis);
/* Where `value` lies on the axis, in millionths: 0 at min_cents, 1 000 000
 * at max_cents (values outside are clamped), computed in integers. The one
 * number a chart turns into a position: no amount meets floating point. */
gint64 rec_chart_axis_millionths (const RecChartAxis *axis,
                                  RecCents            value);
/* The chart's upper series at a point: unpaid support and interest, clamped
 * to ±REC_CENTS_MAX. */
RecCents rec_balance_point_total (const RecBalancePoint *point);
/* The lowest and highest of the chart's two series (unpaid support, and
 * support with interest) over result->balance_points; 0 and 0 without any. */
void  rec_balance_points_range   (const GArray  *balance_points,
                                  RecCents      *out_lo_cents,
                                  RecCents      *out_hi_cents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecArrearsResult, rec_arrears_result_free)

G_END_DECLS

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

typedef struct
{
  RecRemedy  remedy;               /* one of the first nine */
  gboolean   eligible;
  char      *reason;               /* English, with the deciding figures (spec §8) */
  char      *reason_label;         /* the same, translated, for people */
  char      *citation;
} RecRemedyResult;

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecArrearsResult, rec_arrears_result_free)

G_END_DECLS

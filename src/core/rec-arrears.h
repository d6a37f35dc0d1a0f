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

/* spec/arrears.md §8 JSON, keys in the spec's order, ending with a newline. */
char             *rec_arrears_result_to_json (const RecArrearsResult *result) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecArrearsResult, rec_arrears_result_free)

G_END_DECLS

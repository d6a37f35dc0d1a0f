/* rec-rules-private.h — the parsed rules, as the engine reads them
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-enums.h"
#include "rec-money.h"
#include "rec-rules.h"

G_BEGIN_DECLS

typedef enum
{
  REC_ACCRUAL_DAILY,
  REC_ACCRUAL_MONTHLY,
} RecAccrual;

typedef enum
{
  REC_STARTS_DUE_DATE,
  REC_STARTS_NEXT_MONTH,
  REC_STARTS_AFTER_DAYS,               /* after_days:N (spec §9) */
} RecStarts;

/* When an amount starts to accrue: `days` is N of after_days:N. */
typedef struct
{
  RecStarts  starts;
  int        days;
} RecStartRule;

typedef enum
{
  REC_INTEREST_ON_ALL,
  REC_INTEREST_ON_ABOVE_ONE_MONTH,     /* Texas, spec §9 */
} RecInterestOn;

/* contempt_years=none: every unpaid month is a count. */
#define REC_CONTEMPT_YEARS_NONE (-1)

typedef enum
{
  REC_ALLOC_CURRENT,
  REC_ALLOC_INTEREST,
  REC_ALLOC_PRINCIPAL,
  REC_N_ALLOC_STEPS
} RecAllocStep;

typedef enum
{
  REC_RULE_TEST_PRINCIPAL_OWED,
  REC_RULE_TEST_DAYS_DELINQUENT,
  REC_RULE_TEST_CONTEMPT_COUNTS,
  REC_RULE_TEST_TERM_IN_FORCE,
  REC_RULE_TEST_MONTHS_OF_SUPPORT,     /* principal owed vs threshold × monthly support */
} RecRuleTest;

typedef enum
{
  REC_RULE_CMP_GT,
  REC_RULE_CMP_GE,
  REC_RULE_CMP_LT,
  REC_RULE_CMP_LE,
  REC_RULE_CMP_EQ,
} RecRuleCmp;

/* One rate period: from `from_julian` (0 = the beginning of time) on. */
typedef struct
{
  guint32  from_julian;
  int      basis_points;
} RecRatePeriod;

typedef struct
{
  RecRuleTest  test;
  RecRuleCmp   comparison;
  gint64       threshold;              /* cents for principal_owed, else a count
                                        * (months for months_of_support) */
  gboolean     has_threshold_pa;
  gint64       threshold_pa;           /* public-assistance cases */
  char        *reason;                 /* English template, when the test holds */
} RecRuleCondition;

/* Eligible when (test or or_test) and and_test (spec §9). */
typedef struct
{
  RecRemedy         remedy;
  gboolean          present;           /* the file has the remedy (spec §9) */
  int               n_conditions;      /* 1 or 2 (test, or_test) */
  RecRuleCondition  conditions[2];
  gboolean          has_and;
  RecRuleCondition  and_condition;     /* and_test; its reason is optional */
  char             *and_reason_not;    /* when test holds but and_test does not; may be NULL */
  char             *reason_not;        /* English template, when none holds */
  char             *citation;
} RecRemedyRule;

struct _RecRules
{
  gint            ref_count;
  char           *id;
  char           *name;
  char           *currency;

  char           *verified;            /* "YYYY-MM-DD" or NULL */
  char           *history_form;        /* "" when none */
  char           *contempt_form;

  RecRatePeriod  *rates;               /* sorted by from_julian, rates[0].from_julian == 0 */
  guint           n_rates;
  RecRatePeriod  *rates_agency;        /* rate_percent_agency, or NULL: rates */
  guint           n_rates_agency;
  char           *interest_citation;   /* "" when none */
  RecAccrual      accrual;
  RecStarts       starts;
  int             starts_days;         /* after_days:N */
  RecAccrual      accrual_agency;
  RecStarts       starts_agency;
  int             starts_agency_days;
  RecInterestOn   interest_on;

  RecAllocStep    order[REC_N_ALLOC_STEPS];
  guint           n_order;
  RecAllocStep    order_tax_offset[REC_N_ALLOC_STEPS];   /* `order` when absent */
  guint           n_order_tax_offset;

  int             contempt_years;      /* or REC_CONTEMPT_YEARS_NONE */

  RecRemedyRule   remedies[REC_N_ENGINE_REMEDIES];
};

/* The annual rate of the rules (without overrides) on the day `julian`. */
int          rec_rules_rate_on      (const RecRules *rules,
                                     guint32         julian);
/* The same for agency-enforced cases when `agency` (rate_percent_agency). */
int          rec_rules_rate_on_case (const RecRules *rules,
                                     gboolean        agency,
                                     guint32         julian);
/* The rate periods for a case (agency ones when `agency` and the file has them). */
const RecRatePeriod *rec_rules_periods (const RecRules *rules,
                                        gboolean        agency,
                                        guint          *n_periods);

/* Fills a reason template: {value}, {threshold}, {principal_owed},
 * {days_delinquent}, {contempt_counts}, {monthly_support} (values already
 * formatted).
 * Returns NULL and sets `bad` to the unknown placeholder's name when the
 * template names one that does not exist. */
typedef struct
{
  const char *value;
  const char *threshold;
  const char *principal_owed;
  const char *days_delinquent;
  const char *contempt_counts;
  const char *monthly_support;
} RecReasonFigures;

char        *rec_rules_fill_reason  (const char             *template,
                                     const RecReasonFigures *figures,
                                     char                  **bad) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

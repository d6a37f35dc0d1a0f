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
} RecStarts;

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
  gint64       threshold;              /* cents for principal_owed, else a count */
  gboolean     has_threshold_pa;
  gint64       threshold_pa;           /* public-assistance cases */
  char        *reason;                 /* English template, when the test holds */
} RecRuleCondition;

typedef struct
{
  RecRemedy         remedy;
  int               n_conditions;      /* 1 or 2 (test, or_test) */
  RecRuleCondition  conditions[2];
  char             *reason_not;        /* English template, when none holds */
  char             *citation;
} RecRemedyRule;

struct _RecRules
{
  gint            ref_count;
  char           *id;
  char           *name;
  char           *currency;

  RecRatePeriod  *rates;               /* sorted by from_julian, rates[0].from_julian == 0 */
  guint           n_rates;
  RecAccrual      accrual;
  RecStarts       starts;
  RecAccrual      accrual_agency;
  RecStarts       starts_agency;

  RecAllocStep    order[REC_N_ALLOC_STEPS];
  guint           n_order;

  int             contempt_years;

  RecRemedyRule   remedies[REC_N_ENGINE_REMEDIES];
};

/* The annual rate of the rules (without overrides) on the day `julian`. */
int          rec_rules_rate_on      (const RecRules *rules,
                                     guint32         julian);

/* Fills a reason template: {value}, {threshold}, {principal_owed},
 * {days_delinquent}, {contempt_counts} (values already formatted).
 * Returns NULL and sets `bad` to the unknown placeholder's name when the
 * template names one that does not exist. */
typedef struct
{
  const char *value;
  const char *threshold;
  const char *principal_owed;
  const char *days_delinquent;
  const char *contempt_counts;
} RecReasonFigures;

char        *rec_rules_fill_reason  (const char             *template,
                                     const RecReasonFigures *figures,
                                     char                  **bad) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

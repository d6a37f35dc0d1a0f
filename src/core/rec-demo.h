/* rec-demo.h — the demo case: a believable California case for trying Recourse
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rec-case-data.h"

G_BEGIN_DECLS

/* A whole case ending at `today`, the same for the same `today` (no clock, no
 * randomness without a fixed seed).
 *
 * Normal: about three years in Santa Clara County: a child support order and
 * its modification, a medical support term, on-time, late, partial and missed
 * payments, reimbursement charges, about 40 communications of every channel
 * and direction, enforcement steps in different statuses, two children.
 *
 * Large (benchmarks): 18 years of weekly support with several modifications,
 * 20 000 payments and 5 000 communications. (transfer full) */
RecCaseData *rec_demo_case_new (const GDate *today,
                                gboolean     large) G_GNUC_WARN_UNUSED_RESULT;

/* Sizes of the large case, for tests and benchmarks. */
#define REC_DEMO_LARGE_YEARS          18
#define REC_DEMO_LARGE_PAYMENTS       20000
#define REC_DEMO_LARGE_COMMUNICATIONS 5000

G_END_DECLS

/* rec-rules.h — a jurisdiction's rules, read from data/rules/<id>.ini
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RecRules RecRules;

/* Loads the rules compiled into the binary as the GResource
 * /io/github/recourse/Recourse/rules/<jurisdiction>.ini. */
RecRules   *rec_rules_load           (const char  *jurisdiction,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Parses rules from key-file text (tests, other states). */
RecRules   *rec_rules_new_from_data  (const char  *data,
                                      gsize        length,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rec_rules_exists         (const char  *jurisdiction);
/* "us-ca" */
const char *rec_rules_get_id         (const RecRules *rules);
/* "California" */
const char *rec_rules_get_name       (const RecRules *rules);
/* Rules v2 (spec/arrears.md §9). */
/* The jurisdictions compiled in, sorted by id ("us", "us-ca", "us-ga", …);
 * NULL-terminated, owned by the library. */
const char *const *rec_rules_list_ids (void);
/* The untranslated name (an N_() msgid of the "recourse" domain) of a
 * jurisdiction Recourse ships ("Texas"; "United States — another state" for
 * "us"), for callers to translate in their language; NULL for another id.
 * Rules files carry English names only. */
const char *rec_rules_name_msgid     (const char  *jurisdiction);
/* [rules] verified=: the day the file's values were last checked against its
 * sources, ISO "YYYY-MM-DD"; NULL when the file does not say. */
const char *rec_rules_get_verified   (const RecRules *rules);
/* [forms] history= / contempt=: the form names the packet and the window use
 * for those sections ("FL-421", "FL-411" for California); "" when the state
 * has none (the sections then get plain titles). */
const char *rec_rules_get_history_form  (const RecRules *rules);
const char *rec_rules_get_contempt_form (const RecRules *rules);
/* [interest] citation=: the source of the interest rate ("CCP 685.010"); "" if none. */
const char *rec_rules_get_interest_citation (const RecRules *rules);
/* FALSE when no rate period of the rules (for an agency-enforced case when
 * `agency`, with rate_percent_agency) is above 0: interest is not automatic
 * and the user records the court's rate as an interest override. */
gboolean    rec_rules_has_automatic_interest (const RecRules *rules,
                                              gboolean        agency);
/* FALSE when the rules bar no unpaid month from being a contempt count
 * (contempt_years=none); TRUE when counts end after some years (California). */
gboolean    rec_rules_has_contempt_time_bar (const RecRules *rules);
/* The annual rate in basis points on `date` (without the case's overrides). */
int         rec_rules_get_rate_on    (const RecRules *rules,
                                      gboolean        agency,
                                      const GDate    *date);
RecRules   *rec_rules_ref            (RecRules    *rules);
void        rec_rules_unref          (RecRules    *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecRules, rec_rules_unref)

G_END_DECLS

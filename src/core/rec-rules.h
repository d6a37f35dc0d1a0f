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
RecRules   *rec_rules_ref            (RecRules    *rules);
void        rec_rules_unref          (RecRules    *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecRules, rec_rules_unref)

G_END_DECLS

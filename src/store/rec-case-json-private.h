/* rec-case-json-private.h — what the files of the JSON interchange share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "payments[3]" + "amount" → "payments[3].amount" (transfer full). */
char       *_rec_case_json_join_path (const char  *path,
                                      const char  *key);
/* Sets REC_CASE_JSON_ERROR_INVALID "PATH.KEY: REASON" ("PATH: REASON" when
 * key is NULL). */
void        _rec_case_json_fail      (GError     **error,
                                      const char  *path,
                                      const char  *key,
                                      const char  *reason);
/* Checks the text (UTF-8, no NUL, not empty; skips a byte order mark),
 * parses it, refuses duplicate keys, and returns the root object, owned by
 * `parser`. */
JsonObject *_rec_case_json_load_root (JsonParser  *parser,
                                      const char  *data,
                                      gssize       length,
                                      GError     **error);

G_END_DECLS

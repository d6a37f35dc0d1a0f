/* rec-case-json-private.h — what the files of the JSON interchange share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rec-attachment.h"
#include "rec-case-data.h"

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
/* Text from a document made fit for a one-line message: control, line
 * separator and bidirectional formatting characters escaped (`\n`, `\u202e`),
 * bytes that are not UTF-8 as `\xff`, cut after `max_chars` characters with
 * "…" (60 for a value). `length` −1: up to the NUL. (transfer full) */
char       *_rec_case_json_shown     (const char  *text,
                                      gssize       length,
                                      guint        max_chars);
/* Checks the text (UTF-8, no NUL, not empty; skips a byte order mark),
 * pre-scans it (nesting, NUL and lone surrogate escapes, duplicate keys: see
 * rec-case-json-load.c), parses it and returns the root object, owned by
 * `parser`. */
JsonObject *_rec_case_json_load_root (JsonParser  *parser,
                                      const char  *data,
                                      gssize       length,
                                      GError     **error);

/* rec_case_json_parse; without `check_data` the attachments' `data` must be
 * a string but is not decoded (their data stays NULL): the export's check of
 * its own document. */
RecCaseData *_rec_case_json_parse_checked (const char  *data,
                                           gssize       length,
                                           gboolean     check_data,
                                           GError     **error);
/* Checks that the attachment has its bytes, `size` of them, with its SHA-256
 * (`PATH.data: does not match its sha256`). */
gboolean    _rec_case_json_check_data (const RecAttachment *attachment,
                                       const char          *path,
                                       GError             **error);

/* A record's object, or the case's, exactly as the export writes it (the same
 * keys in the same order, the same value forms) but compact: no whitespace,
 * UTF-8 unescaped, the escapes of RFC 8259 only. The journal's `data`
 * (spec/evidence.md §2). (transfer full) */
char       *_rec_case_json_record_compact (const RecEntity   *record);
char       *_rec_case_json_case_compact   (const RecCaseInfo *info);
/* A JSON string as the export writes it (quotes, RFC 8259 escapes, UTF-8 as
 * it is). */
void        _rec_case_json_append_quoted  (GString           *out,
                                           const char        *text);

G_END_DECLS

/* rec-case-json.h — the `recourse-case` JSON interchange format (spec/case-json.md)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rec-case-data.h"

G_BEGIN_DECLS

#define REC_CASE_JSON_ERROR (rec_case_json_error_quark ())

typedef enum
{
  REC_CASE_JSON_ERROR_INVALID,   /* bad input; the message names the field path */
  REC_CASE_JSON_ERROR_TOO_NEW,   /* "version" above what this build reads */
} RecCaseJsonError;

GQuark        rec_case_json_error_quark (void);

/* The format version this build writes; it reads 1 and 2 (spec/evidence.md
 * §4: version 2 adds the attachments and the v2 fields). */
#define REC_CASE_JSON_VERSION 2

/* Parses and validates every field. On failure the message starts with the
 * path of the first bad field (`payments[3].amount: "12,50" is not an
 * amount`); array indexes count from 0. Entities get position = index + 1.
 * (transfer full) */
RecCaseData  *rec_case_json_parse       (const char         *data,
                                         gssize              length,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The document of spec/case-json.md, version 2 (spec/evidence.md §4): keys in
 * spec order, arrays in entry order, amounts as strings with two decimals, a
 * final newline; the attachments after `enforcement` with their bytes in
 * base64 (an attachment whose data is not loaded is written with empty data,
 * which import refuses: load it first), each one's links with the case first,
 * then by array and index. Export then import then export gives the same
 * bytes. (transfer full) */
char         *rec_case_json_to_string   (const RecCaseData  *case_data) G_GNUC_WARN_UNUSED_RESULT;
/* The same document, checked by the importer: fails (REC_CASE_JSON_ERROR_INVALID,
 * the message naming the field, as rec_case_json_parse says it) when the case
 * holds a value the format cannot carry — text that is not UTF-8, a blank
 * title, a jurisdiction without rules — so that an export that succeeds always
 * imports again. (transfer full) */
char         *rec_case_json_export      (const RecCaseData  *case_data,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

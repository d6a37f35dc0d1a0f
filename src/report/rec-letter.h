/* rec-letter.h — one-page letters to the paying parent: a demand letter and the
 *                California notice of delinquency's attachment
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A letter is drawn from the packet's snapshot (RecReportInput): the same
 * copy of the case, the same engine result, the same labels and language,
 * and the same "leave my address out" (rec_report_input_set_withhold_address
 * before rec_letter_new). rec_letter_new composes every sentence on the main
 * thread in the snapshot's language; rec_letter_write draws it on any
 * thread. No figure is computed here: the balance, its split into support
 * and interest, the unpaid months (the engine's per-month counts of unpaid
 * support) and the months of the notice (the engine's per-month history) all
 * come from the RecArrearsResult, so the letter and `recourse summary` agree.
 *
 * The letter is the parent's own statement to the payer, so it carries no
 * "informational, not legal advice" line (the window and the CLI's help say
 * that to the parent, who checks the figures before sending it).
 */
#pragma once

#include <glib.h>

#include "rec-report.h"

G_BEGIN_DECLS

typedef enum
{
  REC_LETTER_DEMAND,         /* a businesslike demand for payment */
  REC_LETTER_DELINQUENCY,    /* California: the itemized attachment to form FL-485 */
} RecLetterKind;

#define REC_LETTER_ERROR (rec_letter_error_quark ())

typedef enum
{
  REC_LETTER_ERROR_NOTHING_OWED,    /* total balance <= 0 at as_of */
  REC_LETTER_ERROR_NOT_CALIFORNIA,  /* a notice of delinquency outside California */
  REC_LETTER_ERROR_NOT_DELINQUENT,  /* support is not more than 30 days late */
  REC_LETTER_ERROR_PAY_BY,          /* the date to pay by is before as_of */
} RecLetterError;

GQuark      rec_letter_error_quark   (void);

/* Days from the letter's date (or as_of, when later) to the default date to
 * pay by. */
#define REC_LETTER_PAY_DAYS 14

typedef struct _RecLetter RecLetter;

/* "demand" or "delinquency" (the CLI's --kind); FALSE for anything else. */
gboolean    rec_letter_kind_parse    (const char     *text,
                                      RecLetterKind  *out_kind);
/* Whether `kind` can be made for a case of `jurisdiction`: a demand letter
 * always, a notice of delinquency only for California ("us-ca"). */
gboolean    rec_letter_kind_is_available (RecLetterKind  kind,
                                          const char    *jurisdiction);
/* The default date to pay by: REC_LETTER_PAY_DAYS days after the later of
 * `as_of` and `written` (the letter's date). */
void        rec_letter_default_pay_by (const GDate   *as_of,
                                       const GDate   *written,
                                       GDate         *out_pay_by);

/* Whether a letter of `kind` can be written for a case of `jurisdiction`
 * with the engine's `result`, paying by `pay_by` (NULL or cleared: the
 * default, always fine). FALSE with a REC_LETTER_ERROR, one sentence in the
 * current gettext language naming the problem and its dates, the first of: a
 * notice outside California; nothing owed at result->as_of; a notice while support is not
 * more than 30 days late (the rules' delinquency_notice remedy is not
 * available); a pay-by date before result->as_of. */
gboolean    rec_letter_check         (const char             *jurisdiction,
                                      const RecArrearsResult *result,
                                      RecLetterKind           kind,
                                      const GDate            *pay_by,
                                      GError                **error);

/* Main thread. Takes `input` (with its rules and withheld address already
 * set) and composes the letter in its language; `pay_by` NULL or cleared:
 * rec_letter_default_pay_by (as_of, input->prepared). NULL, `input` freed,
 * and the error of rec_letter_check when no such letter can be written. */
RecLetter  *rec_letter_new           (RecReportInput         *input,
                                      RecLetterKind           kind,
                                      const GDate            *pay_by,
                                      GError                **error) G_GNUC_WARN_UNUSED_RESULT;
void        rec_letter_free          (RecLetter              *letter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecLetter, rec_letter_free)

RecLetterKind rec_letter_get_kind    (const RecLetter        *letter);
/* The date to pay by the letter names. */
const GDate *rec_letter_get_pay_by   (const RecLetter        *letter);

/* Any thread. Writes the PDF to `path` through a temporary file in the same
 * folder and a rename ("-": standard output), mode 0600; on failure nothing
 * is left there and the error says why (REC_REPORT_ERROR). */
gboolean    rec_letter_write         (const RecLetter        *letter,
                                      const char             *path,
                                      GError                **error);
/* Any thread. The same PDF in memory. */
GBytes     *rec_letter_render        (const RecLetter        *letter,
                                      GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* The number of pages of the letter as drawn (a demand letter: 1). */
guint       rec_letter_count_pages   (const RecLetter        *letter);

G_END_DECLS

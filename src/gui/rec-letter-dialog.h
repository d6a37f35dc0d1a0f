/* rec-letter-dialog.h — Write a Letter…: the kind, language, date to pay by and privacy of a letter
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal dialog over the window: a demand letter (or, for a California
 * case, the notice of delinquency's attachment to FL-485), in English,
 * Spanish or Vietnamese, with a date to pay by typed as the window shows
 * dates, and "Leave my address out". What no letter can be made for (nothing
 * owed, a date before the amounts' date, support not 30 days late for a
 * notice) is said inline and Save Letter… is disabled. Save Letter… asks for
 * a file, closes the dialog and writes the letter in a thread
 * (src/report/rec-letter.h); the window's toast says how it went, with Open.
 */
#pragma once

#include <adwaita.h>

#include "rec-window.h"

G_BEGIN_DECLS

#define REC_TYPE_LETTER_DIALOG (rec_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecLetterDialog, rec_letter_dialog, REC, LETTER_DIALOG, AdwWindow)

/* For `window`'s case (it must have one). */
RecLetterDialog *rec_letter_dialog_new        (RecWindow       *window) G_GNUC_WARN_UNUSED_RESULT;

/* Tests: the rows, whether Save Letter… is enabled and the inline message
 * (NULL: none), and the save itself to `path` without the file chooser (the
 * dialog closes; the window shows the toast when the letter is written). */
AdwComboRow     *rec_letter_dialog_get_kind_row     (RecLetterDialog *self);
AdwComboRow     *rec_letter_dialog_get_language_row (RecLetterDialog *self);
AdwEntryRow     *rec_letter_dialog_get_pay_by_row   (RecLetterDialog *self);
GtkSwitch       *rec_letter_dialog_get_withhold_switch (RecLetterDialog *self);
gboolean         rec_letter_dialog_can_save         (RecLetterDialog *self);
const char      *rec_letter_dialog_get_message      (RecLetterDialog *self);
/* The file name Save Letter… suggests ("Demand letter 2026-12-02.pdf"). */
char            *rec_letter_dialog_dup_file_name    (RecLetterDialog *self) G_GNUC_WARN_UNUSED_RESULT;
void             rec_letter_dialog_save_to          (RecLetterDialog *self,
                                                     const char      *path);

G_END_DECLS

/* rec-verify-dialog.h — what verification found in the case file: every
 * problem on its own line and what it means (spec/evidence.md §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-store.h"

G_BEGIN_DECLS

/* A new, unshown modal AdwMessageDialog (gtk_window_present() it) on
 * `parent`: "This case was changed outside Recourse" with `problems` (one a
 * line, NULL-terminated) and what they mean, or, without any, that the
 * history is intact with its fingerprint and entry count from `result`. */
GtkWindow  *rec_verify_dialog_new          (GtkWindow                  *parent,
                                            const char * const         *problems,
                                            const RecStoreVerifyResult *result) G_GNUC_WARN_UNUSED_RESULT;
/* The honest line of the History view and the dialog: what the history can
 * and cannot show (transfer none, translated). */
const char *rec_verify_tamper_evident_text (void);
/* "Intact: 1 234 entries, fingerprint 3F2A-91C0-77DE-0B14" (transfer full). */
char       *rec_verify_intact_text         (const RecStoreVerifyResult *result) G_GNUC_WARN_UNUSED_RESULT;
/* Tests: the problems' list box of a dialog made here. */
GtkListBox *_rec_verify_dialog_get_list    (GtkWindow                  *dialog);

G_END_DECLS

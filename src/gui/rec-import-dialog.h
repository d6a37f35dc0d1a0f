/* rec-import-dialog.h — Import Payments… / Import Messages… (spec/import.md §4)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal dialog over the window: the file is read in a thread with a
 * progress bar and Stop Reading; then its rows, each with a check box —
 * date, amount (payments) or correspondent (messages), description. The
 * filter (text of the description, or the correspondent's number or
 * address) applies as it is typed; rows already in the case are greyed and
 * unticked, rejected rows say why. "Add N Payments" adds the ticked rows
 * through the session: one change, one Undo.
 */
#pragma once

#include <adwaita.h>

#include "rec-import.h"
#include "rec-window.h"

G_BEGIN_DECLS

#define REC_TYPE_IMPORT_DIALOG (rec_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecImportDialog, rec_import_dialog, REC, IMPORT_DIALOG, AdwWindow)

/* Reads `file` for `window`'s case (it must have one), starting at once. */
RecImportDialog *rec_import_dialog_new        (RecWindow     *window,
                                               RecImportKind  kind,
                                               GFile         *file) G_GNUC_WARN_UNUSED_RESULT;
/* Asks for a file (GtkFileChooserNative), then shows the dialog for it. */
void             rec_import_dialog_choose     (RecWindow     *window,
                                               RecImportKind  kind);
/* A GtkDropTarget of GDK_TYPE_FILE_LIST on `page`: one file dropped there
 * opens the dialog for it (through "win.import-payments" /
 * "win.import-messages" with its URI); several open nothing, and a toast
 * says the import reads one file. */
void             rec_import_add_drop_target   (GtkWidget     *page,
                                               RecImportKind  kind);

/* Tests: waits (iterating the main context) until the file is read; why it
 * could not be (the error page's text, NULL when it was read); the rows
 * shown (in order), ticks, the filter, the primary button's label and the
 * add itself (TRUE when the rows were added and the dialog closed). */
gboolean         rec_import_dialog_wait_read  (RecImportDialog *self);
const char      *rec_import_dialog_get_error  (RecImportDialog *self);
guint            rec_import_dialog_get_n_rows (RecImportDialog *self);
RecImportCandidate *rec_import_dialog_get_row (RecImportDialog *self,
                                               guint            position);
void             rec_import_dialog_set_ticked (RecImportDialog *self,
                                               guint            position,
                                               gboolean         ticked);
void             rec_import_dialog_set_filter (RecImportDialog *self,
                                               const char      *text);
const char      *rec_import_dialog_get_add_label (RecImportDialog *self);
gboolean         rec_import_dialog_add        (RecImportDialog *self);

G_END_DECLS

/* rec-dialogs-private.h — hooks that let UI tests drive an editor dialog
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They go through the same code paths as the user: setting a field sets the
 * widget's text (which runs the inline validation), and saving activates the
 * dialog's real "dialog.save" action. Not installed; tests only.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets a field the way typing would: entries and text views take `text`;
 * choices take a position ("3"); switches take "true" or "false". */
void        _rec_dialog_set_field   (GtkWindow  *dialog,
                                     const char *field,
                                     const char *text);
/* The field's text as shown ("" for none; a choice's position). */
char       *_rec_dialog_get_field   (GtkWindow  *dialog,
                                     const char *field) G_GNUC_WARN_UNUSED_RESULT;
/* Presses Enter in an entry field (its "entry-activated" signal). */
void        _rec_dialog_activate_field (GtkWindow  *dialog,
                                        const char *field);
/* Picks a day (YYYY-MM-DD) in a date field's calendar popover. */
void        _rec_dialog_pick_date   (GtkWindow  *dialog,
                                     const char *field,
                                     const char *iso);
/* Activates the Save action; TRUE when the item was stored and the dialog
 * closed. Hold a reference on the dialog to call this. */
gboolean    _rec_dialog_save        (GtkWindow  *dialog);
/* Whether the Save action is enabled (nothing invalid). */
gboolean    _rec_dialog_can_save    (GtkWindow  *dialog);
/* The inline error shown for `field` (NULL when none); with field NULL, the
 * message of the last failed save. */
const char *_rec_dialog_get_error   (GtkWindow  *dialog,
                                     const char *field);

/* The note shown under a valid field ("read as $1,250.00", a warning), or
 * NULL. */
const char *_rec_dialog_get_note    (GtkWindow  *dialog,
                                     const char *field);
/* The widget of `field` (its row) and, through out_label, the label its
 * error or note is shown in (NULL when it has none). */
GtkWidget  *_rec_dialog_get_field_widget (GtkWindow  *dialog,
                                          const char *field,
                                          GtkWidget **out_label);
/* The "Discard changes?" dialog a close of a changed form opened, or NULL. */
GtkWindow  *_rec_dialog_get_discard_prompt (GtkWindow *dialog);

/* The field that has the keyboard focus (or a widget inside it), or NULL. */
const char *_rec_dialog_get_focus_field (GtkWindow *dialog);
/* The names of the fields on screen (mapped) and sensitive, in the order they
 * were added. */
GStrv       _rec_dialog_dup_shown_fields (GtkWindow *dialog) G_GNUC_WARN_UNUSED_RESULT;

/* The payment dialog's historic name for _rec_dialog_set_field(). */
#define _rec_payment_dialog_set_field _rec_dialog_set_field

G_END_DECLS

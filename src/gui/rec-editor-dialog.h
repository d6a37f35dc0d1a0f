/* rec-editor-dialog.h — the base of every editor dialog: Cancel/Save, inline validation
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subclass's template adds AdwPreferencesGroups (they go into the dialog's
 * preferences page) and registers its rows as named fields; the base validates
 * them as the user types, shows what is wrong under the group, keeps Save
 * insensitive while anything is invalid, and calls the subclass's save() vfunc.
 * Amounts and dates are read in the locale's display form by the core's
 * parsers (what an ambiguous amount was read as shows as a dim note); Cancel,
 * Escape and the close button ask before a changed form is discarded.
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_EDITOR_DIALOG (rec_editor_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RecEditorDialog, rec_editor_dialog, REC, EDITOR_DIALOG, AdwWindow)

/* What a field's text must be. */
typedef enum
{
  REC_FIELD_TEXT,              /* anything */
  REC_FIELD_TEXT_REQUIRED,     /* not blank */
  REC_FIELD_AMOUNT,            /* an amount more than zero, as the locale writes it */
  REC_FIELD_RATE,              /* a percentage, 0 to 100 ("6", "6.5") */
  REC_FIELD_DATE,              /* a date as the window shows it, or YYYY-MM-DD */
  REC_FIELD_DATE_OPTIONAL,     /* the same, or empty */
  REC_FIELD_TIME,              /* a time of day ("18:30", "6:30 pm") */
  REC_FIELD_CHOICE,            /* an AdwComboRow */
  REC_FIELD_SWITCH,            /* a GtkSwitch */
  REC_FIELD_MULTILINE,         /* a GtkTextView */
} RecFieldKind;

struct _RecEditorDialogClass
{
  AdwWindowClass parent_class;

  /* Cross-field rules, run after every field is valid on its own; report a
   * problem with rec_editor_dialog_set_field_error(). */
  void      (*check) (RecEditorDialog  *self);
  /* Fill a copy of the object from the fields and store it through the session. */
  gboolean  (*save)  (RecEditorDialog  *self,
                      GError          **error);
};

RecCaseSession *rec_editor_dialog_get_session      (RecEditorDialog *self);
/* The "Evidence" group of a record dialog (rec-evidence-group.h): `record`
 * is the record edited (a copy, id 0 when new), NULL the case. Call it
 * after rec_editor_dialog_setup(). */
typedef struct _RecEvidenceGroup RecEvidenceGroup;
void            rec_editor_dialog_add_evidence     (RecEditorDialog *self,
                                                    const RecEntity *record);
/* (nullable): the group, when the dialog has one */
RecEvidenceGroup *rec_editor_dialog_get_evidence   (RecEditorDialog *self);
void            rec_editor_dialog_set_initial_focus (RecEditorDialog *self,
                                                     GtkWidget       *widget);
void            rec_editor_dialog_setup            (RecEditorDialog *self,
                                                    GtkWindow       *parent,
                                                    RecCaseSession  *session,
                                                    gboolean         is_new);
void            rec_editor_dialog_add_field        (RecEditorDialog *self,
                                                    const char      *name,
                                                    GtkWidget       *widget,
                                                    GtkLabel        *error_label,
                                                    RecFieldKind     kind);
/* Runs every rule again (after a subclass filled fields or changed a choice). */
void            rec_editor_dialog_validate         (RecEditorDialog *self);
void            rec_editor_dialog_set_field_error  (RecEditorDialog *self,
                                                    const char      *name,
                                                    const char      *message);
void            rec_editor_dialog_set_field_missing (RecEditorDialog *self,
                                                     const char      *name,
                                                     const char      *message);
void            rec_editor_dialog_set_field_note   (RecEditorDialog *self,
                                                    const char      *name,
                                                    const char      *message,
                                                    gboolean         warning);
gboolean        rec_editor_dialog_is_field_changed (RecEditorDialog *self,
                                                    const char      *name);

/* Field values; the text ones return "" for an empty field. Only call the
 * parsing getters for valid fields (Save is refused otherwise). */
const char     *rec_editor_dialog_get_text         (RecEditorDialog *self,
                                                    const char      *name);
G_GNUC_WARN_UNUSED_RESULT
char           *rec_editor_dialog_dup_text         (RecEditorDialog *self,
                                                    const char      *name);
void            rec_editor_dialog_set_text         (RecEditorDialog *self,
                                                    const char      *name,
                                                    const char      *text);
RecCents        rec_editor_dialog_get_amount       (RecEditorDialog *self,
                                                    const char      *name);
void            rec_editor_dialog_set_amount       (RecEditorDialog *self,
                                                    const char      *name,
                                                    RecCents         cents);
/* A rate field's value in basis points (600 = 6 %). */
int             rec_editor_dialog_get_rate         (RecEditorDialog *self,
                                                    const char      *name);
void            rec_editor_dialog_set_rate         (RecEditorDialog *self,
                                                    const char      *name,
                                                    int              basis_points);
/* Clears `date` when the (optional) field is empty. */
void            rec_editor_dialog_get_date         (RecEditorDialog *self,
                                                    const char      *name,
                                                    GDate           *date);
void            rec_editor_dialog_set_date         (RecEditorDialog *self,
                                                    const char      *name,
                                                    const GDate     *date);
/* A time field's hour (0–23) and minute. */
void            rec_editor_dialog_get_time         (RecEditorDialog *self,
                                                    const char      *name,
                                                    int             *hour,
                                                    int             *minute);
guint           rec_editor_dialog_get_choice       (RecEditorDialog *self,
                                                    const char      *name);
void            rec_editor_dialog_set_choice       (RecEditorDialog *self,
                                                    const char      *name,
                                                    guint            position);
gboolean        rec_editor_dialog_get_active       (RecEditorDialog *self,
                                                    const char      *name);
void            rec_editor_dialog_set_active       (RecEditorDialog *self,
                                                    const char      *name,
                                                    gboolean         active);

/* Fills a combo row with the n translated labels label_for (0 … n-1). */
#define REC_EDITOR_DIALOG_FILL_CHOICES(row, label_for, n)                          \
  G_STMT_START {                                                                  \
    g_autoptr(GtkStringList) rec_labels_ = gtk_string_list_new (NULL);            \
    for (int rec_i_ = 0; rec_i_ < (int) (n); rec_i_++)                            \
      gtk_string_list_append (rec_labels_, label_for (rec_i_));                   \
    adw_combo_row_set_model ((row), G_LIST_MODEL (rec_labels_));                  \
  } G_STMT_END

G_END_DECLS

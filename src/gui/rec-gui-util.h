/* rec-gui-util.h — small helpers the pages share: formatting, label cells
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

/* Money in the case's currency, for people (rec_cents_format). */
char               *rec_gui_format_cents        (RecCaseSession *session,
                                                 RecCents        cents) G_GNUC_WARN_UNUSED_RESULT;
/* The locale's date, or an em dash for no date. */
char               *rec_gui_format_date         (const GDate    *date) G_GNUC_WARN_UNUSED_RESULT;

/* NULL when `text`, in the locale's display form ("1.250,00" in Spanish),
 * is an amount more than zero in `currency` (nullable; then stored in
 * `out_cents`, nullable, and what an ambiguous text was read as, or NULL,
 * in `out_understood`, nullable), else what is wrong, for people. */
char               *rec_gui_check_amount        (const char     *text,
                                                 const char     *currency,
                                                 RecCents       *out_cents,
                                                 char          **out_understood) G_GNUC_WARN_UNUSED_RESULT;

/* Jurisdictions (rules files) as the window offers them: the states by
 * name, then "United States — another state". */
/* The ids in that order (NULL-terminated, owned by the library). */
const char *const  *rec_gui_jurisdiction_ids    (void);
/* The translated name of `id` ("California"); for an id the window has no
 * name for, the rules' own name, else the id. */
const char         *rec_gui_jurisdiction_name   (const char     *id);
/* The names of rec_gui_jurisdiction_ids(), for an AdwComboRow. */
GListModel         *rec_gui_jurisdiction_model_new (void) G_GNUC_WARN_UNUSED_RESULT;
/* The position of `id` in rec_gui_jurisdiction_ids(), or
 * GTK_INVALID_LIST_POSITION. */
guint               rec_gui_jurisdiction_position (const char   *id);
/* The id to offer for a new case: the last case's (the
 * "last-jurisdiction" setting) while its rules exist, else "us-ca". */
const char         *rec_gui_default_jurisdiction (void);
/* Remembers `id` as the last case's jurisdiction (no-op without the schema). */
void                rec_gui_remember_jurisdiction (const char   *id);

/* Returns the text of one cell for `item` (transfer full, nullable). */
typedef char      *(*RecCellTextFunc)           (GObject        *item,
                                                 gpointer        user_data);

typedef enum
{
  REC_CELL_TEXT      = 0,
  REC_CELL_NUMERIC   = 1 << 0,   /* right-aligned, tabular figures */
  REC_CELL_ELLIPSIZE = 1 << 1,
  REC_CELL_DIM       = 1 << 2,
  REC_CELL_TABULAR   = 1 << 3,   /* left-aligned, tabular figures (dates) */
  REC_CELL_SUCCESS   = 1 << 4,   /* money received */
} RecCellFlags;

/* A column view factory of labels filled by `func`; `user_data` is borrowed
 * and must outlive the factory (the page itself). */
GtkListItemFactory *rec_gui_label_factory_new   (RecCellTextFunc func,
                                                 gpointer        user_data,
                                                 RecCellFlags    flags) G_GNUC_WARN_UNUSED_RESULT;

/* The item with `id` in a model of entities (RecPayment …), or NULL (transfer full). */
gpointer            rec_gui_find_by_id          (GListModel     *model,
                                                 gint64          id) G_GNUC_WARN_UNUSED_RESULT;
/* The entity's id (RecEntity, the base of every kind). */
gint64              rec_gui_entity_id           (gpointer        entity);

/* Deletes `item` through the session and shows "`message` — Undo", whose
 * Undo reverts this delete even after later changes (win.undo-change). */
void                rec_gui_delete_with_undo    (GtkWidget      *widget,
                                                 RecCaseSession *session,
                                                 GObject        *item,
                                                 const char     *message);

/* Writes `bytes` (a document's, checked) as a private copy to open in
 * another application: `dir`/SHA-256/NAME, mode 0600 in a 0700 folder of
 * its own per document (two documents may share a name); `dir` is the
 * caller's private folder (g_dir_make_tmp), which it removes. Returns the
 * copy's path (transfer full), NULL with the error naming the document. */
char               *rec_gui_write_document_copy (const char     *dir,
                                                 RecAttachment  *attachment,
                                                 GBytes         *bytes,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Gives `button` the menu `model` (borrowed; it must outlive the button),
 * its popover built when first opened rather than with the window. */
void                rec_gui_menu_button_set_menu_lazily (GtkMenuButton *button,
                                                         GMenuModel    *model);

G_END_DECLS

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
/* The entity's id (every entity starts with it, rec-case-data.h). */
gint64              rec_gui_entity_id           (gpointer        entity);

/* Deletes `item` through the session and shows "`message` — Undo". */
void                rec_gui_delete_with_undo    (GtkWidget      *widget,
                                                 RecCaseSession *session,
                                                 GObject        *item,
                                                 const char     *message);

G_END_DECLS

/* rec-window-private.h — what rec-window.c and rec-window-actions.c share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-window.h"

#include "rec-case-view.h"
#include "rec-report.h"
#include "rec-start-page.h"

G_BEGIN_DECLS

typedef enum
{
  REC_PACKET_EXPORT,
  REC_PACKET_PRINT,
} RecPacketPurpose;

struct _RecWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  RecStartPage         *start_page;
  AdwStatusPage        *loading_page;
  GMenuModel           *primary_menu;

  /* Borrowed (a child of main_stack once a case is shown) */
  RecCaseView          *case_view;

  /* Owned */
  RecCaseSession       *session;
  GSettings            *settings;        /* NULL when the schema is not installed */
  GCancellable         *cancellable;     /* the export in flight */
  char                 *loading_path;    /* a case being opened into this window */
  GHashTable           *undo_toasts;     /* change id (guint64 *) → its AdwToast, while shown */
  AdwToast             *export_toast;    /* "Exporting…", until the file is written */
  GtkWidget            *options_dialog;  /* the packet's options, while asked */
  struct
  {
    gboolean            chosen;          /* FALSE: the defaults (today, the UI's language…) */
    GDate               as_of;
    const char         *lang;            /* one of rec_report_get_languages () */
    RecPdfPaper         paper;
    gboolean            withhold_address; /* "Leave my address out" */
  }                     packet;          /* the last options chosen in this window */
  gboolean              exporting;
  gboolean              printing;        /* the packet is being made for printing */
  guint                 prepare_tick;    /* builds the case view while a case loads */
  int                   prepare_ticks;
};

void _rec_window_add_actions    (RecWindow *self);
void _rec_window_update_actions (RecWindow *self);
void _rec_window_export         (RecWindow *self);
void _rec_window_print          (RecWindow *self);
void _rec_window_set_busy       (RecWindow *self);

RecReportInput *_rec_window_new_report_input (RecWindow *self) G_GNUC_WARN_UNUSED_RESULT;
void            _rec_window_ask_packet_options (RecWindow        *self,
                                                RecPacketPurpose  purpose,
                                                const char       *path);

/* Tests: the rows of the options dialog. */
AdwEntryRow    *_rec_window_get_options_as_of    (GtkWidget *dialog);
AdwComboRow    *_rec_window_get_options_language (GtkWidget *dialog);
AdwComboRow    *_rec_window_get_options_paper    (GtkWidget *dialog);
GtkSwitch      *_rec_window_get_options_withhold (GtkWidget *dialog);

/* The language of the next packet or letter (the last chosen in this window,
 * else the UI's), and a language's own name ("Español"). */
const char     *_rec_window_packet_language     (RecWindow  *self);
const char     *_rec_window_language_autonym    (const char *lang);

G_END_DECLS

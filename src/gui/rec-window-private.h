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

/* The case file's verification (spec/evidence.md §3), run when it opens. */
typedef enum
{
  REC_VERIFY_UNKNOWN,    /* not run (or the file could not be read) */
  REC_VERIFY_RUNNING,
  REC_VERIFY_INTACT,
  REC_VERIFY_ALTERED,    /* problems found: "changed outside Recourse" */
} RecVerifyState;

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
  AdwBin               *start_header_slot;  /* its header bar built with the start page */
  AdwBin               *start_slot;   /* its RecStartPage built when first shown */
  AdwBin               *loading_slot; /* "Opening the Case…" built when first needed */
  GMenuModel           *primary_menu;

  /* Borrowed (a child of main_stack once a case is shown) */
  RecCaseView          *case_view;
  AdwStatusPage        *loading_page;   /* in loading_slot, once built */

  /* Owned */
  RecCaseSession       *session;
  GSettings            *settings;        /* NULL when the schema is not installed */
  GCancellable         *cancellable;     /* the export in flight */
  char                 *loading_path;    /* a case being opened into this window */
  GHashTable           *undo_toasts;     /* change id (guint64 *) → its AdwToast, while shown */
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
  RecVerifyState        verify_state;
  RecStoreVerifyResult  verify_result;
  char                **verify_problems; /* one a line, when ALTERED */
  gboolean              verify_wanted;   /* Verify… asked while it ran: show it when done */
  guint                 verify_idle;     /* starts it after the case's first frame */
};

void _rec_window_add_actions    (RecWindow *self);
void _rec_window_update_actions (RecWindow *self);
void _rec_window_export         (RecWindow *self);
void _rec_window_print          (RecWindow *self);
void _rec_window_set_busy       (RecWindow *self);
/* Verify…: the dialog of what verification found (once it is done). */
void _rec_window_show_verify    (RecWindow *self);
/* Case History: the whole case's history. */
void _rec_window_show_history   (RecWindow *self);
/* Tests. */
RecVerifyState _rec_window_get_verify_state (RecWindow *self);
/* The shortcuts window (win.show-help-overlay), built on first use. */
GtkShortcutsWindow *_rec_window_ensure_help_overlay (RecWindow *self);
/* Packets: the SHA-256 (lower-case hex into out) of a packet's bytes. */
void _rec_window_packet_sha256  (const guint8 *data,
                                 gsize         size,
                                 char          out[65]);
/* Main thread: records a packet just made (as of `as_of`) in the case's
 * history (nothing for a read-only case), with a toast when it cannot. */
void _rec_window_record_packet  (RecWindow    *self,
                                 const GDate  *as_of,
                                 guint         pages,
                                 const char   *sha256);
/* The case's path while its verification has not come back (the packet's
 * thread then verifies it itself: _rec_window_flag_if_altered), else NULL
 * (transfer full). */
char *_rec_window_verify_pending_path (RecWindow *self) G_GNUC_WARN_UNUSED_RESULT;
/* Any thread: flags `input` (rec_report_input_set_history_altered) when
 * verification of `case_path` (NULL: nothing to do) finds problems. */
void _rec_window_flag_if_altered (RecReportInput *input,
                                  const char     *case_path);

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

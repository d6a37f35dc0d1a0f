/* rec-window-private.h — what rec-window.c and rec-window-actions.c share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-window.h"

#include "rec-enforcement-page.h"
#include "rec-ledger-page.h"
#include "rec-log-page.h"
#include "rec-order-page.h"
#include "rec-overview-page.h"
#include "rec-start-page.h"

G_BEGIN_DECLS

struct _RecWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  RecStartPage         *start_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkSpinner           *export_spinner;
  AdwStatusPage        *loading_page;
  RecOverviewPage      *overview_page;
  RecOrderPage         *order_page;
  RecLedgerPage        *ledger_page;
  RecLogPage           *log_page;
  RecEnforcementPage   *enforcement_page;

  /* Owned */
  RecCaseSession       *session;
  GSettings            *settings;        /* NULL when the schema is not installed */
  GCancellable         *cancellable;     /* the export in flight */
  char                 *loading_path;    /* a case being opened into this window */
};

void _rec_window_add_actions    (RecWindow *self);
void _rec_window_update_actions (RecWindow *self);
void _rec_window_export         (RecWindow *self);

G_END_DECLS

/* rec-pages-private.h — hooks that let UI tests look at what the pages show
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only views of the pages' own models and labels, so tests check what
 * the user sees without walking the widget tree. Not installed; tests only.
 * At the end, two helpers the list pages share.
 */
#pragma once

#include "rec-enforcement-page.h"
#include "rec-ledger-page.h"
#include "rec-log-page.h"
#include "rec-order-page.h"
#include "rec-overview-page.h"
#include "rec-window.h"

G_BEGIN_DECLS

/* The rows the column view shows (RecLedgerItem), after filter and sort. */
GtkSingleSelection *_rec_ledger_page_get_rows       (RecLedgerPage      *self);
/* The rows shown (RecCommunication) and the search entry. */
GtkSingleSelection *_rec_log_page_get_rows          (RecLogPage         *self);
GtkEditable        *_rec_log_page_get_search        (RecLogPage         *self);
/* The "Total owed" figure as shown. */
const char         *_rec_overview_page_get_total    (RecOverviewPage    *self);
/* The interest row: its title ("10% a year", "No automatic interest in New
 * York") and its subtitle (source and rules' date) in out_source. */
const char         *_rec_overview_page_get_interest (RecOverviewPage   *self,
                                                     const char       **out_source);
/* The row under it (overrides, or how to add the court's rate): title and
 * subtitle, NULL when hidden. */
const char         *_rec_overview_page_get_interest_notice (RecOverviewPage *self,
                                                            const char     **out_detail);
/* The payoff card: its amount entry, the result row's title ("Paid off on …",
 * "Never at this amount"; NULL when hidden), the inline error (NULL when
 * none), and the month rows the table shows (0 when hidden). */
GtkEditable        *_rec_overview_page_get_payoff_entry  (RecOverviewPage *self);
const char         *_rec_overview_page_get_payoff_result (RecOverviewPage *self);
const char         *_rec_overview_page_get_payoff_error  (RecOverviewPage *self);
guint               _rec_overview_page_get_payoff_rows   (RecOverviewPage *self);
/* TRUE while the projection for the amount entered is being computed. */
gboolean            _rec_overview_page_is_payoff_pending (RecOverviewPage *self);
/* The remedies' items (RecRemedyItem, all of them: the list shows those
 * available), and the list boxes: "remedies", "follow-ups" or
 * "next-dates". Both brought up to date first. */
GListModel         *_rec_overview_page_get_remedies      (RecOverviewPage *self);
/* The agency's figure as shown (brought up to date first): the first row's
 * title ("The agency says $X (as of DATE)"), the others' ("Recourse for the
 * same day: $Y", "Difference: $Z"; NULL when hidden) and the group's
 * sentence; NULL when the group is hidden. Pending while it is compared. */
const char         *_rec_overview_page_get_agency        (RecOverviewPage *self,
                                                          const char     **out_ours,
                                                          const char     **out_difference,
                                                          const char     **out_sentence);
gboolean            _rec_overview_page_is_agency_pending (RecOverviewPage *self);
GtkListBox         *_rec_overview_page_get_list          (RecOverviewPage *self,
                                                          const char      *name);
/* The Interest Rate Overrides list as shown (its rows, or its placeholder
 * when the case has none). */
GtkListBox         *_rec_order_page_get_overrides   (RecOrderPage       *self);
/* The checklist's rows (RecRemedyItem). */
GListModel         *_rec_enforcement_page_get_rows  (RecEnforcementPage *self);
/* The list box that shows them (brought up to date first). */
GtkListBox         *_rec_enforcement_page_get_list  (RecEnforcementPage *self);
/* "start" or "case". */
const char         *_rec_window_get_mode            (RecWindow          *self);
/* Export Case Packet without the file chooser; the spinner shows until done. */
void                _rec_window_export_to           (RecWindow          *self,
                                                     const char         *path);
gboolean            _rec_window_is_exporting        (RecWindow          *self);
/* Print Case Packet to a PDF file through the print operation
 * (GTK_PRINT_OPERATION_ACTION_EXPORT), without the print dialog. */
void                _rec_window_print_to            (RecWindow          *self,
                                                     const char         *path);
/* TRUE while the packet is made for printing. */
gboolean            _rec_window_is_printing         (RecWindow          *self);

/* Shared by the Payments and Communications pages (rec-ledger-page.c). */
typedef gboolean    (*RecFocusFunc)                 (GtkWidget          *widget,
                                                     GtkDirectionType    direction);
/* A page's focus(): Tab and Shift+Tab from inside `list` (a column view)
 * go to the control after or before it instead of the next row; anything
 * else is `chain_up` (the parent class's focus()). */
gboolean            _rec_page_focus_past_list       (GtkWidget          *page,
                                                     GtkWidget          *list,
                                                     GtkDirectionType    direction,
                                                     RecFocusFunc        chain_up);
/* For "items-changed" of a session's list: when it announces one new item
 * (an add, an undone delete), keeps it in *slot (replacing what was there)
 * for the page to show once its rows have it. */
void                _rec_page_note_added            (GObject           **slot,
                                                     GListModel         *model,
                                                     guint               position,
                                                     guint               removed,
                                                     guint               added);
/* Selects the row at `position` of `selection` (the view's model) and
 * scrolls `view` to it. */
void                _rec_column_view_show_row       (GtkColumnView      *view,
                                                     GtkSingleSelection *selection,
                                                     guint               position);

G_END_DECLS

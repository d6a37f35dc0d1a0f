/* rec-page.h — the base of the case view's five pages: the session they
 * show, loading their content lazily, refreshing it on every edit
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page has a `session` property, which may be set, replaced by another
 * session or cleared (NULL) at any time. The base keeps the session's
 * signals in one GSignalGroup: "changed" is connected once, and replacing or
 * clearing the session disconnects it from the old one, so a page never
 * hears an old session again.
 *
 * For each session a page is loaded once: its load() builds what it shows
 * (rows, models), either when the page is first mapped or, for a page out of
 * sight, in idle time after the window's next frame, so a case opens without
 * waiting for pages nobody looks at. After that, refresh() runs on
 * "changed" of the session while the page is mapped; a page out of sight
 * only notes the change and is refreshed once when it is mapped again (or by
 * rec_page_ensure_loaded()), so an edit costs only the page on screen.
 * "changed" before the load is not passed on (the load reads the data as it
 * is then). A page on screen may split its content: load() builds what the
 * first frame shows, load_more() the rest (below the fold), in idle time
 * after that frame. When the session is replaced or cleared, unload() lets the page
 * drop what it built for the old one.
 *
 * Every vfunc is optional and runs with rec_page_get_session() set (non-NULL)
 * — unload() still sees the old session.
 */
#pragma once

#include <adwaita.h>

#include "rec-case-session.h"

G_BEGIN_DECLS

#define REC_TYPE_PAGE (rec_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RecPage, rec_page, REC, PAGE, GtkWidget)

struct _RecPageClass
{
  GtkWidgetClass parent_class;

  /* A session was set (or replaced): the cheap part of the page, shown even
   * before the load (a notice, a title). */
  void (*bind)    (RecPage *self);
  /* Builds the page's content for the session, once per session. */
  void (*load)    (RecPage *self);
  /* Builds the rest of it, once per session after load(): after the next
   * frame when the page was loaded on screen, at once otherwise. */
  void (*load_more) (RecPage *self);
  /* The session changed (an edit, an undo): called only once loaded, when
   * mapped (at once) or on the next map or rec_page_ensure_loaded(). */
  void (*refresh) (RecPage *self);
  /* The session is about to be replaced or cleared: drops what the page
   * built for it (called only if it was loaded; the session is still set). */
  void (*unload)  (RecPage *self);

  gpointer padding[7];
};

RecCaseSession *rec_page_get_session       (RecPage        *self);
/* Sets, replaces or clears (NULL) the session shown. */
void            rec_page_set_session       (RecPage        *self,
                                            RecCaseSession *session);
/* The session's signals, for a page that needs more than "changed":
 * connect to it once (in init); it follows the session. */
GSignalGroup   *rec_page_get_signal_group  (RecPage        *self);
/* TRUE once load() has run for the current session. */
gboolean        rec_page_is_loaded         (RecPage        *self);
/* Brings the page up to date now: load() and load_more() if they have not
 * run for the current session, refresh() if a change came while it was out
 * of sight (nothing without a session); for tests and for actions that need
 * the content. */
void            rec_page_ensure_loaded     (RecPage        *self);
/* How many times load() has run in all (tests). */
guint           rec_page_get_n_loads       (RecPage        *self);

/* Brings `store` to the items of `fresh` in place: an item of `store` that
 * is `equal` to the one at its place in `fresh` stays (the same object, so
 * its row is not rebuilt); only the others are replaced, removed or added,
 * in as few items-changed as a common beginning and end allow. */
void            rec_page_update_store      (GListStore     *store,
                                            GListModel     *fresh,
                                            GEqualFunc      equal);
/* The remedies' checklist (RecRemedyItem, rec_remedy_items_fill()) of the
 * session's current result and steps, updated in place as above. */
void            rec_page_update_remedies   (GListStore     *store,
                                            RecCaseSession *session);

G_END_DECLS

/* rec-case-view.c — one open case in the window: header bar, pages, switcher
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only once a case is loaded, so the window itself (start page,
 * "Opening the Case…") appears without creating five pages first. Of the
 * pages, only the Overview is built with the view: the five others start
 * as empty slots in the stack (with their names, titles and icons, so the
 * switcher shows all six) and are built one per idle after the view's
 * first frame, or at once when one is shown or asked for
 * (rec_case_view_get_page). The narrow switcher bar gets its stack when it
 * is first revealed, or in that idle.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-case-view.h"

#include "rec-enforcement-page.h"
#include "rec-evidence-page.h"
#include "rec-gui-util.h"
#include "rec-ledger-page.h"
#include "rec-log-page.h"
#include "rec-order-page.h"
#include "rec-overview-page.h"
#include "rec-view-switcher.h"

#include <glib/gi18n.h>

struct _RecCaseView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkBox               *box;
  AdwHeaderBar         *header_bar;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GtkSpinner           *export_spinner;
  AdwViewStack         *view_stack;
  RecOverviewPage      *overview_page;
  AdwBin               *order_slot;
  AdwBin               *ledger_slot;
  AdwBin               *log_slot;
  AdwBin               *enforcement_slot;
  AdwBin               *evidence_slot;   /* each slot's page built when first needed */

  RecCaseSession       *session;
  guint                 build_idle;      /* builds the pages not built yet */
  GdkFrameClock        *clock;           /* waited on for its next frame, before build_idle */
  gulong                after_paint_id;

  GtkWidget            *notice;   /* the line under the header bar, built when first needed */
  GtkLabel             *notice_label;
  GtkWidget            *altered_bar;  /* "changed outside Recourse", built when first needed */

  /* The narrow bar's own pages: short names, no content (see bar_stack_new) */
  AdwViewStack         *bar_stack;
  GBinding             *bar_binding;
};

G_DEFINE_FINAL_TYPE (RecCaseView, rec_case_view, GTK_TYPE_WIDGET)

/* The pages built after the first frame, in the stack's order. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
  gsize       slot;   /* its offset in RecCaseView */
} lazy_pages[] = {
  { "order", rec_order_page_get_type, G_STRUCT_OFFSET (RecCaseView, order_slot) },
  { "payments", rec_ledger_page_get_type, G_STRUCT_OFFSET (RecCaseView, ledger_slot) },
  { "communications", rec_log_page_get_type, G_STRUCT_OFFSET (RecCaseView, log_slot) },
  { "enforcement", rec_enforcement_page_get_type, G_STRUCT_OFFSET (RecCaseView, enforcement_slot) },
  { "evidence", rec_evidence_page_get_type, G_STRUCT_OFFSET (RecCaseView, evidence_slot) },
};

#define LAZY_SLOT(self, i) G_STRUCT_MEMBER (AdwBin *, (self), lazy_pages[i].slot)
/* The page in slot i, NULL until built (and once the slot is gone). */
#define LAZY_PAGE(self, i) (LAZY_SLOT (self, i) != NULL ? adw_bin_get_child (LAZY_SLOT (self, i)) : NULL)

/* Builds page i of lazy_pages in its slot if it is not yet, and gives it
 * the case. A slot on screen maps its page at once, so the page loads for
 * this frame; one out of sight loads after the next frame (RecPage). */
static GtkWidget *
ensure_page (RecCaseView *self,
             guint        i)
{
  GtkWidget *page = LAZY_PAGE (self, i);

  if (page != NULL)
    return page;
  page = g_object_new (lazy_pages[i].get_type (), NULL);
  adw_bin_set_child (LAZY_SLOT (self, i), page);
  if (self->session != NULL)
    rec_page_set_session (REC_PAGE (page), self->session);
  return page;
}

static int
lazy_index (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (lazy_pages); i++)
    if (g_str_equal (name, lazy_pages[i].name))
      return (int) i;
  return -1;
}

static void
cancel_build (RecCaseView *self)
{
  g_clear_handle_id (&self->build_idle, g_source_remove);
  /* A window destroyed meanwhile has run the clock's dispose, which
   * disconnected every handler. */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
}

static void
rec_case_view_dispose (GObject *object)
{
  RecCaseView *self = REC_CASE_VIEW (object);

  /* Before the pages go: their stack names no page while it empties. */
  if (self->bar_binding != NULL)
    g_binding_unbind (g_steal_pointer (&self->bar_binding));
  cancel_build (self);
  /* Nor is a page built while the stack empties. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  if (self->switcher_bar != NULL)
    g_signal_handlers_disconnect_by_data (self->switcher_bar, self);
  if (self->title_squeezer != NULL)
    g_signal_handlers_disconnect_by_data (self->title_squeezer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_CASE_VIEW);
  g_clear_object (&self->bar_stack);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rec_case_view_parent_class)->dispose (object);
}

static void rec_case_view_map (GtkWidget *widget);

static void
rec_case_view_class_init (RecCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_case_view_dispose;

  g_type_ensure (REC_TYPE_OVERVIEW_PAGE);
  g_type_ensure (REC_TYPE_ORDER_PAGE);
  g_type_ensure (REC_TYPE_LEDGER_PAGE);
  g_type_ensure (REC_TYPE_LOG_PAGE);
  g_type_ensure (REC_TYPE_EVIDENCE_PAGE);
  g_type_ensure (REC_TYPE_ENFORCEMENT_PAGE);
  g_type_ensure (REC_TYPE_VIEW_SWITCHER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, box);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, window_title);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, overview_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, order_slot);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, ledger_slot);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, log_slot);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, enforcement_slot);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, evidence_slot);

  widget_class->map = rec_case_view_map;
}

/* The names the bar at the bottom gives the pages at phone width, where each
 * of the six has about 60 px: "Support Order", "Communications" and
 * "Enforcement" would be cut there ("Support…", "Commu…"). The header's
 * switcher keeps the pages' full names. `title` is the page's title as the
 * .ui file writes it, before translation. */
static const struct
{
  const char *name;
  const char *title;
  const char *short_title;
} short_titles[] = {
  /* Translators: the Support Order page's name in the bar at the bottom of
     the window at phone width, where each of six pages has about 60 px (one
     short word). If your translation of "Support Order" is already that
     short, use it again here. */
  { "order", "Support Order", NC_("page-short", "Order") },
  /* Translators: the Communications page's name (the log of every contact
     with the other parent) in the bar at the bottom of the window at phone
     width, where each of six pages has about 60 px (one short word). If your
     translation of "Communications" is already that short, use it again. */
  { "communications", "Communications", NC_("page-short", "Contacts") },
  /* Translators: the Enforcement page's name (the remedies the figures open
     up) in the bar at the bottom of the window at phone width, where each of
     six pages has about 60 px (one short word). If your translation of
     "Enforcement" is already that short, use it again. */
  { "enforcement", "Enforcement", NC_("page-short", "Enforce") },
};

/* A page's name in the narrow bar: its short name, or its full one when it
 * has none, or when the catalog translates the full name but not yet the
 * short one (the translated full names were chosen to fit). */
static const char *
bar_title (const char *name,
           const char *title)
{
  for (guint i = 0; i < G_N_ELEMENTS (short_titles); i++)
    {
      const char *short_title;

      if (!g_str_equal (name, short_titles[i].name))
        continue;
      short_title = g_dpgettext2 (NULL, "page-short", short_titles[i].short_title);
      if (!g_str_equal (short_title, short_titles[i].short_title)
          || g_str_equal (title, short_titles[i].title))
        return short_title;
      return title;
    }
  return title;
}

/* AdwViewSwitcherBar names its buttons after its stack's pages, and
 * libadwaita 1.2 has no breakpoints to retitle them when narrow: changing
 * the pages' own titles would also change what the header's switcher
 * measures, and so whether it fits. The bar gets a stack of its own that is
 * never shown (not in the widget tree), one empty page per real page, with
 * the same names and icons, and its visible page kept equal to the real one
 * both ways. */
static void
bar_stack_init (RecCaseView *self)
{
  GListModel *pages;
  guint n;

  if (self->bar_stack != NULL)
    return;
  pages = G_LIST_MODEL (adw_view_stack_get_pages (self->view_stack));
  n = g_list_model_get_n_items (pages);
  self->bar_stack = g_object_ref_sink (ADW_VIEW_STACK (adw_view_stack_new ()));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
      const char *name = adw_view_stack_page_get_name (page);
      AdwViewStackPage *bar_page;

      bar_page = adw_view_stack_add_titled (self->bar_stack, gtk_box_new (GTK_ORIENTATION_VERTICAL, 0), name,
                                            bar_title (name, adw_view_stack_page_get_title (page)));
      adw_view_stack_page_set_icon_name (bar_page, adw_view_stack_page_get_icon_name (page));
    }
  g_object_unref (pages);
  self->bar_binding = g_object_bind_property (self->view_stack, "visible-child-name",
                                              self->bar_stack, "visible-child-name",
                                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->bar_stack);
}

/* The bar is hidden while the header has room for the switcher: its own
 * switcher (six buttons) is built when it is first revealed. */
static void
bar_reveal_cb (AdwViewSwitcherBar *bar,
               GParamSpec         *pspec,
               RecCaseView        *self)
{
  if (adw_view_switcher_bar_get_reveal (bar))
    bar_stack_init (self);
}

/* A page shown (by the switcher, Alt+1…6, an action) is built before the
 * frame that shows it: no empty slot is ever drawn. */
static void
visible_page_cb (AdwViewStack *stack,
                 GParamSpec   *pspec,
                 RecCaseView  *self)
{
  int i = lazy_index (adw_view_stack_get_visible_child_name (stack));

  if (i >= 0)
    ensure_page (self, i);
}

/* One page per idle, so that input between them is not held up. */
static gboolean
build_idle_cb (gpointer user_data)
{
  RecCaseView *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (LAZY_PAGE (self, i) == NULL)
      {
        ensure_page (self, i);
        return G_SOURCE_CONTINUE;
      }
  bar_stack_init (self);
  self->build_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                RecCaseView   *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->clock);
  self->build_idle = g_idle_add_full (G_PRIORITY_LOW, build_idle_cb, self, NULL);
}

static gboolean
all_built (RecCaseView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (LAZY_PAGE (self, i) == NULL)
      return FALSE;
  return self->bar_stack != NULL;
}

/* The rest is built in idle time, but only after the view's first frame:
 * an idle source alone may run before that frame (the frame clock waits for
 * its time) and delay what the user does see. */
static void
rec_case_view_map (GtkWidget *widget)
{
  RecCaseView *self = REC_CASE_VIEW (widget);

  GTK_WIDGET_CLASS (rec_case_view_parent_class)->map (widget);

  if (self->build_idle != 0 || self->clock != NULL || all_built (self))
    return;
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_id = g_signal_connect (self->clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
  gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The bar at the bottom shows the pages while the header, too narrow for
 * the switcher, shows the case's title. */
static void
title_squeezed_cb (AdwSqueezer *squeezer,
                   GParamSpec  *pspec,
                   RecCaseView *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (squeezer)
                                    == GTK_WIDGET (self->window_title));
}

static void
rec_case_view_init (RecCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->switcher_bar, "notify::reveal", G_CALLBACK (bar_reveal_cb),
                           self, 0);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (title_squeezed_cb), self, 0);
  title_squeezed_cb (self->title_squeezer, NULL, self);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_cb), self, 0);
}

/**
 * rec_case_view_new:
 * @session: (nullable): the case to show
 * @primary_menu: (nullable): the window's main menu
 */
GtkWidget *
rec_case_view_new (RecCaseSession *session,
                   GMenuModel     *primary_menu)
{
  RecCaseView *self = g_object_new (REC_TYPE_CASE_VIEW, NULL);

  rec_gui_menu_button_set_menu_lazily (self->menu_button, primary_menu);
  if (session != NULL)
    rec_case_view_set_session (self, session);
  return GTK_WIDGET (self);
}

void
rec_case_view_set_session (RecCaseView    *self,
                           RecCaseSession *session)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));
  g_return_if_fail (REC_IS_CASE_SESSION (session));

  g_set_object (&self->session, session);
  rec_page_set_session (REC_PAGE (self->overview_page), session);
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (LAZY_PAGE (self, i) != NULL)
      rec_page_set_session (REC_PAGE (LAZY_PAGE (self, i)), session);
}

void
rec_case_view_set_title (RecCaseView *self,
                         const char  *title)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  adw_window_title_set_title (self->window_title, title);
}

void
rec_case_view_select_page (RecCaseView *self,
                           const char  *name)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
rec_case_view_get_page (RecCaseView *self,
                        const char  *name)
{
  int i;

  g_return_val_if_fail (REC_IS_CASE_VIEW (self), NULL);

  i = lazy_index (name);
  if (i >= 0)
    return ensure_page (self, i);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
rec_case_view_set_exporting (RecCaseView *self,
                             gboolean     exporting)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
}

/* An AdwBanner needs libadwaita 1.3: an info bar after the header bar. */
void
rec_case_view_set_notice (RecCaseView *self,
                          const char  *text)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  if (text == NULL)
    {
      if (self->notice != NULL)
        gtk_widget_set_visible (self->notice, FALSE);
      return;
    }
  if (self->notice == NULL)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      self->notice_label = GTK_LABEL (label);
      self->notice = gtk_info_bar_new ();
      gtk_info_bar_set_message_type (GTK_INFO_BAR (self->notice), GTK_MESSAGE_WARNING);
      gtk_info_bar_add_child (GTK_INFO_BAR (self->notice), label);
      gtk_box_insert_child_after (self->box, self->notice, GTK_WIDGET (self->header_bar));
    }
  gtk_label_set_text (self->notice_label, text);
  gtk_widget_set_visible (self->notice, TRUE);
}

const char *
rec_case_view_get_notice (RecCaseView *self)
{
  g_return_val_if_fail (REC_IS_CASE_VIEW (self), NULL);

  if (self->notice == NULL || !gtk_widget_get_visible (self->notice))
    return NULL;
  return gtk_label_get_text (self->notice_label);
}

/* The case file was changed by another program (spec/evidence.md §3): a
 * line under the header bar, above the read-only notice, with Verify…. */
static GtkWidget *
altered_bar_new (void)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (_("This case was changed outside Recourse — see Verify"));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Verify…"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.verify");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_ERROR);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), button);
  return bar;
}

void
rec_case_view_set_altered (RecCaseView *self,
                           gboolean     altered)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  if (!altered && self->altered_bar == NULL)
    return;
  if (self->altered_bar == NULL)
    {
      self->altered_bar = altered_bar_new ();
      gtk_box_insert_child_after (self->box, self->altered_bar, GTK_WIDGET (self->header_bar));
    }
  gtk_widget_set_visible (self->altered_bar, altered);
}

gboolean
rec_case_view_get_altered (RecCaseView *self)
{
  g_return_val_if_fail (REC_IS_CASE_VIEW (self), FALSE);

  return self->altered_bar != NULL && gtk_widget_get_visible (self->altered_bar);
}

void
rec_case_view_focus_search (RecCaseView *self)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  /* The Evidence page has a search of its own. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "evidence") == 0)
    {
      rec_evidence_page_focus_search (REC_EVIDENCE_PAGE (rec_case_view_get_page (self, "evidence")));
      return;
    }
  rec_case_view_select_page (self, "communications");
  rec_log_page_focus_search (REC_LOG_PAGE (rec_case_view_get_page (self, "communications")));
}

/* rec-case-view.c — one open case in the window: header bar, pages, switcher
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only once a case is loaded, so the window itself (start page,
 * "Opening the Case…") appears without creating five pages first.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-case-view.h"

#include "rec-enforcement-page.h"
#include "rec-evidence-page.h"
#include "rec-ledger-page.h"
#include "rec-log-page.h"
#include "rec-order-page.h"
#include "rec-overview-page.h"

#include <glib/gi18n.h>

struct _RecCaseView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkBox               *box;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkSpinner           *export_spinner;
  AdwViewStack         *view_stack;
  RecOverviewPage      *overview_page;
  RecOrderPage         *order_page;
  RecLedgerPage        *ledger_page;
  RecLogPage           *log_page;
  RecEvidencePage      *evidence_page;
  RecEnforcementPage   *enforcement_page;

  GtkWidget            *notice;   /* the line under the header bar, built when first needed */
  GtkLabel             *notice_label;
  GtkWidget            *altered_bar;  /* "changed outside Recourse", built when first needed */
};

G_DEFINE_FINAL_TYPE (RecCaseView, rec_case_view, GTK_TYPE_WIDGET)

static void
rec_case_view_dispose (GObject *object)
{
  RecCaseView *self = REC_CASE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_CASE_VIEW);

  G_OBJECT_CLASS (rec_case_view_parent_class)->dispose (object);
}

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, box);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, overview_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, order_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, ledger_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, log_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, evidence_page);
  gtk_widget_class_bind_template_child (widget_class, RecCaseView, enforcement_page);
}

static void
rec_case_view_init (RecCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  gtk_menu_button_set_menu_model (self->menu_button, primary_menu);
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

  g_object_set (self->overview_page, "session", session, NULL);
  g_object_set (self->order_page, "session", session, NULL);
  g_object_set (self->ledger_page, "session", session, NULL);
  g_object_set (self->log_page, "session", session, NULL);
  g_object_set (self->evidence_page, "session", session, NULL);
  g_object_set (self->enforcement_page, "session", session, NULL);
}

void
rec_case_view_set_title (RecCaseView *self,
                         const char  *title)
{
  g_return_if_fail (REC_IS_CASE_VIEW (self));

  adw_view_switcher_title_set_title (self->switcher_title, title);
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
  g_return_val_if_fail (REC_IS_CASE_VIEW (self), NULL);

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
      rec_evidence_page_focus_search (self->evidence_page);
      return;
    }
  rec_case_view_select_page (self, "communications");
  rec_log_page_focus_search (self->log_page);
}

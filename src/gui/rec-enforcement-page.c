/* rec-enforcement-page.c — the checklist of remedies: the engine's verdict
 * and what the user has done about each
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-enforcement-page.h"

#include "rec-date.h"
#include "rec-enforcement-dialog.h"
#include "rec-gui-util.h"
#include "rec-pages-private.h"
#include "rec-remedy-item.h"
#include "rec-rules.h"

#include <glib/gi18n.h>

struct _RecEnforcementPage
{
  RecPage         parent_instance;

  /* Template widgets */
  GtkLabel       *notice_label;
  GtkListBox     *remedies_list;

  /* Owned */
  GListStore     *remedies;     /* RecRemedyItem, updated in place */
};

G_DEFINE_FINAL_TYPE (RecEnforcementPage, rec_enforcement_page, REC_TYPE_PAGE)

static GtkWidget *
badge_new (const char *text,
           const char *style)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, style);
  return badge;
}

static void
add_detail (AdwExpanderRow *expander,
            const char     *title,
            const char     *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (expander, row);
}

static void
add_date_detail (AdwExpanderRow *expander,
                 const char     *title,
                 const GDate    *date)
{
  g_autofree char *text = NULL;

  if (!rec_date_is_set (date))
    return;
  text = rec_gui_format_date (date);
  add_detail (expander, title, text);
}

static void
add_step_details (AdwExpanderRow     *expander,
                  RecEnforcementStep *step)
{
  if (step == NULL)
    {
      add_detail (expander, _("Your steps"), _("Nothing recorded yet"));
      return;
    }
  add_detail (expander, _("Status"), rec_status_label (step->status));
  add_date_detail (expander, _("Date"), &step->date);
  add_date_detail (expander, _("Next date"), &step->next_date);
  add_detail (expander, _("Agency"), step->agency);
  add_detail (expander, _("Reference"), step->reference);
  add_detail (expander, _("Notes"), step->notes);
}

static GtkWidget *
edit_button_new (RecRemedyItem *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  const char *label = item->step != NULL ? _("Edit the step") : _("Record a step");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "enforcement.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ix)", (int) item->remedy,
                                    item->step != NULL ? item->step->entity.id : (gint64) 0);
  return button;
}

static GtkWidget *
create_remedy_row (gpointer object,
                   gpointer user_data)
{
  RecRemedyItem *item = object;
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GtkWidget *badges;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), rec_remedy_label (item->remedy));
  /* The badges are stacked (eligibility over the user's status) so the title
   * keeps room at phone width. Actions are prepended: edit goes first. */
  adw_expander_row_add_action (expander, edit_button_new (item));
  badges = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (badges, GTK_ALIGN_CENTER);
  if (item->has_verdict)
    {
      adw_expander_row_set_subtitle (expander, item->reason_label);
      gtk_box_append (GTK_BOX (badges),
                      item->eligible ? badge_new (_("Available"), "eligible")
                                     : badge_new (_("Not yet"), "not-eligible"));
    }
  else if (item->not_in_rules)
    adw_expander_row_set_subtitle (expander, _("Not among the remedies of this case’s rules"));
  if (item->step != NULL)
    gtk_box_append (GTK_BOX (badges), badge_new (rec_status_label (item->step->status), "status"));
  adw_expander_row_add_action (expander, badges);

  if (item->has_verdict)
    {
      add_detail (expander, _("Why"), item->reason_label);
      add_detail (expander, _("Legal basis"), item->citation);
    }
  add_step_details (expander, item->step);
  return GTK_WIDGET (expander);
}

static void
update_notice (RecEnforcementPage *self)
{
  RecCaseSession *session = rec_page_get_session (REC_PAGE (self));
  const RecRules *rules = rec_case_session_get_rules (session);
  g_autofree char *notice = NULL;

  /* Translators: %s is a state, e.g. "California" */
  notice = g_strdup_printf (_("Eligibility is worked out from your figures under %s rules. It is "
                              "information, not legal advice: before you act, check with the "
                              "child support agency, the court’s family law facilitator or an "
                              "attorney."),
                            rec_gui_jurisdiction_name (rec_rules_get_id (rules)));
  gtk_label_set_text (self->notice_label, notice);
}

/* A case that can only be read offers no edit (RecCaseSession:read-only is
 * fixed once the case is open). */
static void
rec_enforcement_page_bind (RecPage *page)
{
  gboolean read_only = rec_case_session_get_read_only (rec_page_get_session (page));

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "enforcement.edit", !read_only);
  update_notice (REC_ENFORCEMENT_PAGE (page));
}

/* The checklist's rows are built when the page is first shown or after the
 * first frame (RecPage), then kept: an edit replaces only the rows of the
 * remedies whose verdict or step it changed. */
static void
rec_enforcement_page_load (RecPage *page)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (page);

  rec_page_update_remedies (self->remedies, rec_page_get_session (page));
}

static void
rec_enforcement_page_refresh (RecPage *page)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (page);

  /* The jurisdiction, and with it the rules, may have changed. */
  update_notice (self);
  rec_page_update_remedies (self->remedies, rec_page_get_session (page));
}

static void
rec_enforcement_page_unload (RecPage *page)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (page);

  g_list_store_remove_all (self->remedies);
}

/* Parameter (remedy, step id): edits that step, or records a first one for
 * the remedy when the id is 0. */
static void
enforcement_edit_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RecCaseSession *session = rec_page_get_session (REC_PAGE (widget));
  g_autoptr(RecEnforcementStep) step = NULL;
  int remedy;
  gint64 id;

  if (session == NULL)
    return;
  g_variant_get (parameter, "(ix)", &remedy, &id);
  if (id != 0)
    step = rec_gui_find_by_id (rec_case_session_get_enforcement (session), id);
  gtk_window_present (rec_enforcement_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  session, step, remedy));
}

static void
rec_enforcement_page_dispose (GObject *object)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_ENFORCEMENT_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->remedies);

  G_OBJECT_CLASS (rec_enforcement_page_parent_class)->dispose (object);
}

static void
rec_enforcement_page_class_init (RecEnforcementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_enforcement_page_dispose;
  page_class->bind = rec_enforcement_page_bind;
  page_class->load = rec_enforcement_page_load;
  page_class->refresh = rec_enforcement_page_refresh;
  page_class->unload = rec_enforcement_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-enforcement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, RecEnforcementPage, remedies_list);

  gtk_widget_class_install_action (widget_class, "enforcement.edit", "(ix)",
                                   enforcement_edit_action);
}

static void
rec_enforcement_page_init (RecEnforcementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->remedies = g_list_store_new (REC_TYPE_REMEDY_ITEM);
  gtk_list_box_bind_model (self->remedies_list, G_LIST_MODEL (self->remedies), create_remedy_row,
                           self, NULL);
}

GListModel *
_rec_enforcement_page_get_rows (RecEnforcementPage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return G_LIST_MODEL (self->remedies);
}

GtkListBox *
_rec_enforcement_page_get_list (RecEnforcementPage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return self->remedies_list;
}

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
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *notice_label;
  GtkListBox     *remedies_list;

  /* Owned */
  RecCaseSession *session;
  GListStore     *remedies;     /* RecRemedyItem */
  gboolean        bound;        /* rows built (when first shown, or when idle) */
  guint           bind_idle;
};

G_DEFINE_FINAL_TYPE (RecEnforcementPage, rec_enforcement_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
refresh (RecEnforcementPage *self)
{
  rec_remedy_items_fill (self->remedies, rec_case_session_get_result (self->session),
                         rec_case_session_get_enforcement (self->session));
}

static void
update_notice (RecEnforcementPage *self)
{
  const RecRules *rules = rec_case_session_get_rules (self->session);
  g_autofree char *notice = NULL;

  /* Translators: %s is a state, e.g. "California" */
  notice = g_strdup_printf (_("Eligibility is worked out from your figures under %s rules. It is "
                              "information, not legal advice: before you act, check with the "
                              "child support agency, the court’s family law facilitator or an "
                              "attorney."),
                            rec_gui_jurisdiction_name (rec_rules_get_id (rules)));
  gtk_label_set_text (self->notice_label, notice);
}

/* The checklist's rows are built when the page is first shown or the window
 * is idle, so opening a case does not wait for a hidden page. */
static void
ensure_bound (RecEnforcementPage *self)
{
  if (self->bound || self->session == NULL)
    return;

  self->bound = TRUE;
  g_clear_handle_id (&self->bind_idle, g_source_remove);
  refresh (self);
}

static gboolean
bind_idle_cb (gpointer user_data)
{
  RecEnforcementPage *self = user_data;

  self->bind_idle = 0;
  ensure_bound (self);
  return G_SOURCE_REMOVE;
}

static void
session_changed_cb (RecCaseSession     *session,
                    RecEnforcementPage *self)
{
  /* The jurisdiction, and with it the rules, may have changed. */
  update_notice (self);
  if (self->bound)
    refresh (self);
}

/* Parameter (remedy, step id): edits that step, or records a first one for
 * the remedy when the id is 0. */
static void
enforcement_edit_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (widget);
  g_autoptr(RecEnforcementStep) step = NULL;
  int remedy;
  gint64 id;

  g_variant_get (parameter, "(ix)", &remedy, &id);
  if (id != 0)
    step = rec_gui_find_by_id (rec_case_session_get_enforcement (self->session), id);
  gtk_window_present (rec_enforcement_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  self->session, step, remedy));
}

static void
set_session (RecEnforcementPage *self,
             RecCaseSession     *session)
{
  if (self->session == session)
    return;

  g_return_if_fail (self->session == NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, 0);
  update_notice (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_bound (self);
  else
    self->bind_idle = g_idle_add_full (G_PRIORITY_LOW, bind_idle_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
rec_enforcement_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_enforcement_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_enforcement_page_map (GtkWidget *widget)
{
  ensure_bound (REC_ENFORCEMENT_PAGE (widget));

  GTK_WIDGET_CLASS (rec_enforcement_page_parent_class)->map (widget);
}

static void
rec_enforcement_page_dispose (GObject *object)
{
  RecEnforcementPage *self = REC_ENFORCEMENT_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->bind_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_ENFORCEMENT_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->remedies);

  G_OBJECT_CLASS (rec_enforcement_page_parent_class)->dispose (object);
}

static void
rec_enforcement_page_class_init (RecEnforcementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rec_enforcement_page_get_property;
  object_class->set_property = rec_enforcement_page_set_property;
  object_class->dispose = rec_enforcement_page_dispose;
  widget_class->map = rec_enforcement_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, REC_TYPE_CASE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
  ensure_bound (self);
  return G_LIST_MODEL (self->remedies);
}

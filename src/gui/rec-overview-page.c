/* rec-overview-page.c — the case at a glance: totals, chart, remedies, dates
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from rec_case_session_get_result(); the page computes
 * nothing, it only formats.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-overview-page.h"

#include "rec-balance-chart.h"
#include "rec-date.h"
#include "rec-gui-util.h"
#include "rec-pages-private.h"
#include "rec-remedy-item.h"
#include "rec-rules.h"
#include "rec-term-dialog.h"

#include <glib/gi18n.h>

struct _RecOverviewPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *total_label;
  GtkLabel            *as_of_label;
  GtkLabel            *principal_label;
  GtkLabel            *principal_due_label;
  GtkLabel            *interest_label;
  GtkLabel            *interest_accrued_label;
  GtkLabel            *days_label;
  GtkLabel            *oldest_label;
  GtkLabel            *last_payment_label;
  GtkLabel            *last_payment_date_label;
  GtkLabel            *paid_label;
  GtkLabel            *paid_split_label;
  GtkBox              *chart_box;
  AdwPreferencesGroup *remedies_group;
  GtkListBox          *remedies_list;
  GtkListBox          *follow_ups_list;
  GtkListBox          *next_dates_list;

  /* Owned */
  RecCaseSession      *session;
  GListStore          *remedies;     /* RecRemedyItem */
  GDate                today;        /* for "ahead": read once, not per item */

  /* Borrowed */
  GtkWidget           *chart;
};

G_DEFINE_FINAL_TYPE (RecOverviewPage, rec_overview_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_money (RecOverviewPage *self,
           GtkLabel        *label,
           RecCents         cents)
{
  g_autofree char *text = rec_gui_format_cents (self->session, cents);

  gtk_label_set_text (label, text);
}

static void
update_totals (RecOverviewPage        *self,
               const RecArrearsResult *result)
{
  g_autofree char *as_of = rec_gui_format_date (&result->as_of);
  g_autofree char *due = rec_gui_format_cents (self->session, result->principal_due_cents);
  g_autofree char *accrued = rec_gui_format_cents (self->session, result->interest_accrued_cents);
  g_autofree char *as_of_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *accrued_text = NULL;

  set_money (self, self->total_label, result->total_balance_cents);
  set_money (self, self->principal_label, result->principal_balance_cents);
  set_money (self, self->interest_label, result->interest_balance_cents);
  /* Translators: %s is a date */
  as_of_text = g_strdup_printf (_("Support and interest, as of %s"), as_of);
  gtk_label_set_text (self->as_of_label, as_of_text);
  /* Translators: %s is an amount of money */
  due_text = g_strdup_printf (_("Of %s ordered so far"), due);
  gtk_label_set_text (self->principal_due_label, due_text);
  /* Translators: %s is an amount of money */
  accrued_text = g_strdup_printf (_("%s accrued in all"), accrued);
  gtk_label_set_text (self->interest_accrued_label, accrued_text);
}

static void
update_dates (RecOverviewPage        *self,
              const RecArrearsResult *result)
{
  g_autofree char *days = g_strdup_printf ("%d", result->days_delinquent);
  g_autofree char *oldest = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *to_interest = rec_gui_format_cents (self->session, result->interest_paid_cents);
  g_autofree char *split = NULL;

  gtk_label_set_text (self->days_label, days);
  if (rec_date_is_set (&result->oldest_unpaid_due))
    {
      g_autofree char *date = rec_gui_format_date (&result->oldest_unpaid_due);

      /* Translators: %s is a date */
      oldest = g_strdup_printf (_("Oldest unpaid amount due %s"), date);
    }
  gtk_label_set_text (self->oldest_label, oldest != NULL ? oldest : _("Nothing is overdue"));

  if (rec_date_is_set (&result->last_payment))
    {
      last = rec_gui_format_date (&result->last_payment);
      set_money (self, self->last_payment_label, result->last_payment_cents);
      /* Translators: %s is a date */
      last_text = g_strdup_printf (_("Received %s"), last);
      gtk_label_set_text (self->last_payment_date_label, last_text);
    }
  else
    {
      gtk_label_set_text (self->last_payment_label, _("None"));
      gtk_label_set_text (self->last_payment_date_label, _("No payment recorded"));
    }

  set_money (self, self->paid_label, result->paid_cents);
  /* Translators: %s is an amount of money */
  split = g_strdup_printf (_("%s of it went to interest"), to_interest);
  gtk_label_set_text (self->paid_split_label, split);
}

static void
refresh (RecOverviewPage *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);
  gboolean empty = g_list_model_get_n_items (rec_case_session_get_terms (self->session)) == 0
                   && g_list_model_get_n_items (rec_case_session_get_payments (self->session)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty || result == NULL ? "empty" : "content");
  rec_remedy_items_fill (self->remedies, result, rec_case_session_get_enforcement (self->session));
  if (result == NULL)
    return;

  update_totals (self, result);
  update_dates (self, result);
  rec_balance_chart_set_result (REC_BALANCE_CHART (self->chart), result);
}

static gboolean
remedy_is_eligible (gpointer item,
                    gpointer user_data)
{
  RecRemedyItem *remedy = item;

  return remedy->has_verdict && remedy->eligible;
}

static GtkWidget *
create_remedy_row (gpointer item,
                   gpointer user_data)
{
  RecRemedyItem *remedy = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

  gtk_widget_add_css_class (icon, "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rec_remedy_label (remedy->remedy));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), remedy->reason_label);
  return row;
}

static gboolean
follow_up_is_ahead (gpointer item,
                    gpointer user_data)
{
  RecOverviewPage *self = user_data;
  RecCommunication *communication = item;

  return rec_date_is_set (&communication->follow_up)
         && rec_date_compare (&communication->follow_up, &self->today) >= 0;
}

static int
compare_follow_ups (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return rec_date_compare (&((RecCommunication *) a)->follow_up,
                           &((RecCommunication *) b)->follow_up);
}

static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  RecCommunication *communication = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = rec_gui_format_date (&communication->follow_up);
  g_autofree char *subtitle = NULL;
  const char *title = *communication->subject != '\0' ? communication->subject
                                                      : rec_channel_label (communication->channel);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: a follow-up date, then the person it is with */
  subtitle = *communication->with != '\0' ? g_strdup_printf (_("%s · with %s"), date,
                                                             communication->with)
                                          : g_strdup (date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  return row;
}

static gboolean
next_date_is_ahead (gpointer item,
                    gpointer user_data)
{
  RecOverviewPage *self = user_data;
  RecEnforcementStep *step = item;

  return rec_date_is_set (&step->next_date)
         && rec_date_compare (&step->next_date, &self->today) >= 0;
}

static int
compare_next_dates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return rec_date_compare (&((RecEnforcementStep *) a)->next_date,
                           &((RecEnforcementStep *) b)->next_date);
}

static GtkWidget *
create_next_date_row (gpointer item,
                      gpointer user_data)
{
  RecEnforcementStep *step = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = rec_gui_format_date (&step->next_date);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rec_remedy_label (step->remedy));
  /* Translators: a date, then the status of an enforcement step ("Filed") */
  subtitle = g_strdup_printf (_("%s · %s"), date, rec_status_label (step->status));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  return row;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The first few items ahead, soonest first: the Overview is a glance, the
 * full lists are on their own pages. */
#define MAX_AHEAD 5

static GListModel *
filtered_sorted (RecOverviewPage     *self,
                 GListModel          *model,
                 GtkCustomFilterFunc  filter_func,
                 GCompareDataFunc     compare_func)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  filtered = gtk_filter_list_model_new (g_object_ref (model),
                                        GTK_FILTER (gtk_custom_filter_new (filter_func, self,
                                                                           NULL)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_func, NULL, NULL)));
  return G_LIST_MODEL (gtk_slice_list_model_new (G_LIST_MODEL (sorted), 0, MAX_AHEAD));
}

static void
bind_session_lists (RecOverviewPage *self)
{
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GListModel) next_dates = NULL;

  follow_ups = filtered_sorted (self, rec_case_session_get_communications (self->session),
                                follow_up_is_ahead, compare_follow_ups);
  gtk_list_box_bind_model (self->follow_ups_list, follow_ups, create_follow_up_row, NULL, NULL);
  next_dates = filtered_sorted (self, rec_case_session_get_enforcement (self->session),
                                next_date_is_ahead, compare_next_dates);
  gtk_list_box_bind_model (self->next_dates_list, next_dates, create_next_date_row, NULL, NULL);
}

static void
update_rules_description (RecOverviewPage *self)
{
  const RecRules *rules = rec_case_session_get_rules (self->session);
  g_autofree char *description = NULL;

  /* Translators: %s is a state, e.g. "California" */
  description = g_strdup_printf (_("What your figures allow under %s rules. This is information, "
                                   "not legal advice."), rec_rules_get_name (rules));
  adw_preferences_group_set_description (self->remedies_group, description);
}

static void
session_changed_cb (RecCaseSession  *session,
                    RecOverviewPage *self)
{
  refresh (self);
}

static void
set_session (RecOverviewPage *self,
             RecCaseSession  *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, 0);
      rec_date_set_today (&self->today);
      bind_session_lists (self);
      update_rules_description (self);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
overview_add_term_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (widget);

  if (self->session == NULL)
    return;
  gtk_window_present (rec_term_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           self->session, NULL));
}

static void
rec_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (object);

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
rec_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (object);

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
rec_overview_page_dispose (GObject *object)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_OVERVIEW_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->remedies);

  G_OBJECT_CLASS (rec_overview_page_parent_class)->dispose (object);
}

static void
rec_overview_page_class_init (RecOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rec_overview_page_get_property;
  object_class->set_property = rec_overview_page_set_property;
  object_class->dispose = rec_overview_page_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, REC_TYPE_CASE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, principal_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, principal_due_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, interest_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, interest_accrued_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, oldest_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, last_payment_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, last_payment_date_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, paid_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, paid_split_label);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, remedies_group);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, remedies_list);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, next_dates_list);

  gtk_widget_class_install_action (widget_class, "overview.add-term", NULL,
                                   overview_add_term_action);
}

static void
rec_overview_page_init (RecOverviewPage *self)
{
  g_autoptr(GtkFilterListModel) eligible = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chart = rec_balance_chart_new ();
  gtk_widget_set_size_request (self->chart, -1, 220);
  gtk_box_append (self->chart_box, self->chart);

  self->remedies = g_list_store_new (REC_TYPE_REMEDY_ITEM);
  eligible = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->remedies)),
                                        GTK_FILTER (gtk_custom_filter_new (remedy_is_eligible,
                                                                           NULL, NULL)));
  gtk_list_box_bind_model (self->remedies_list, G_LIST_MODEL (eligible), create_remedy_row,
                           NULL, NULL);
  gtk_list_box_set_placeholder (self->remedies_list,
                                placeholder_new (_("None yet: the figures do not open any remedy.")));
  gtk_list_box_set_placeholder (self->follow_ups_list,
                                placeholder_new (_("No follow-ups ahead.")));
  gtk_list_box_set_placeholder (self->next_dates_list,
                                placeholder_new (_("No enforcement dates ahead.")));
}

const char *
_rec_overview_page_get_total (RecOverviewPage *self)
{
  return gtk_label_get_text (self->total_label);
}

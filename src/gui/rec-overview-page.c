/* rec-overview-page.c — the case at a glance: totals, interest, chart,
 * remedies, a payoff projection, dates
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from rec_case_session_get_result() and
 * rec_case_session_compute_payoff(); the page computes nothing, it only
 * formats.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-overview-page.h"

#include "rec-agency.h"
#include "rec-balance-chart.h"
#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-enforcement-dialog.h"
#include "rec-follow-ups.h"
#include "rec-gui-util.h"
#include "rec-pages-private.h"
#include "rec-remedy-item.h"
#include "rec-rules.h"
#include "rec-term-dialog.h"

#include <glib/gi18n.h>
#include <langinfo.h>

struct _RecOverviewPage
{
  RecPage              parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwBin              *empty_slot;   /* its status page built when first shown */
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
  AdwActionRow        *rate_row;
  AdwActionRow        *override_row;
  AdwPreferencesGroup *chart_group;
  GtkBox              *content_box;

  /* Below the fold (rec-overview-more.ui): NULL until ensure_below_fold() */
  AdwPreferencesGroup *agency_group;
  AdwActionRow        *agency_row;
  AdwActionRow        *agency_ours_row;
  AdwActionRow        *agency_difference_row;
  AdwPreferencesGroup *remedies_group;
  GtkWidget           *below_fold;   /* remedies, payoff, follow-ups, dates: after load() */
  GtkListBox          *remedies_list;
  GtkListBox          *follow_ups_list;
  GtkListBox          *next_dates_list;
  AdwEntryRow         *payoff_row;
  AdwActionRow        *payoff_result_row;
  GtkImage            *payoff_icon;
  GtkLabel            *payoff_error;
  GtkWidget           *payoff_table;
  GtkGrid             *payoff_grid;

  /* Owned */
  RecPayoff           *payoff;       /* for the amount entered, or NULL */
  GCancellable        *payoff_cancellable;  /* while one is computed */
  gint64               payoff_started;
  GCancellable        *agency_cancellable;  /* while the agency's figure is compared */
  GListStore          *remedies;     /* RecRemedyItem, updated in place */
  gboolean             lists_loaded; /* remedies, follow-ups, dates ahead */
  gboolean             placeholders_set;
  GDate                today;        /* for "ahead": read once, not per item */

  /* Borrowed */
  GtkWidget           *chart;
};

G_DEFINE_FINAL_TYPE (RecOverviewPage, rec_overview_page, REC_TYPE_PAGE)

static inline RecCaseSession *
get_session (RecOverviewPage *self)
{
  return rec_page_get_session (REC_PAGE (self));
}

static void
set_money (RecOverviewPage *self,
           GtkLabel        *label,
           RecCents         cents)
{
  g_autofree char *text = rec_gui_format_cents (get_session (self), cents);

  gtk_label_set_text (label, text);
}

static void
update_totals (RecOverviewPage        *self,
               const RecArrearsResult *result)
{
  g_autofree char *as_of = rec_gui_format_date (&result->as_of);
  g_autofree char *due = rec_gui_format_cents (get_session (self), result->principal_due_cents);
  g_autofree char *accrued = rec_gui_format_cents (get_session (self), result->interest_accrued_cents);
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
  g_autofree char *to_interest = rec_gui_format_cents (get_session (self), result->interest_paid_cents);
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

static void payoff_changed_cb (GtkEditable     *editable,
                               RecOverviewPage *self);
static gboolean remedy_is_eligible (gpointer item,
                                    gpointer user_data);
static GtkWidget *create_remedy_row (gpointer item,
                                     gpointer user_data);

/* Builds what is below the fold (rec-overview-more.ui), hidden, at the end
 * of the content box, if it is not yet: after the first frame (load_more)
 * or when something asks for one of its widgets. Building it with the
 * template cost the case's first frame. */
static void
ensure_below_fold (RecOverviewPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkFilterListModel) eligible = NULL;
  g_autoptr(GError) error = NULL;

  if (self->below_fold != NULL)
    return;
  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, "/io/github/recourse/Recourse/ui/rec-overview-more.ui",
                                      &error))
    g_error ("rec-overview-more.ui: %s", error->message);   /* a resource of ours: a bug */
#define GET(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  GET (below_fold);
  GET (agency_group);
  GET (agency_row);
  GET (agency_ours_row);
  GET (agency_difference_row);
  GET (remedies_group);
  GET (remedies_list);
  GET (follow_ups_list);
  GET (next_dates_list);
  GET (payoff_row);
  GET (payoff_result_row);
  GET (payoff_icon);
  GET (payoff_error);
  GET (payoff_table);
  GET (payoff_grid);
#undef GET
  gtk_box_append (self->content_box, self->below_fold);

  eligible = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->remedies)),
                                        GTK_FILTER (gtk_custom_filter_new (remedy_is_eligible,
                                                                           NULL, NULL)));
  gtk_list_box_bind_model (self->remedies_list, G_LIST_MODEL (eligible), create_remedy_row,
                           NULL, NULL);
  g_signal_connect (self->payoff_row, "changed", G_CALLBACK (payoff_changed_cb), self);
}

static void
update_rules_description (RecOverviewPage *self)
{
  const RecRules *rules = rec_case_session_get_rules (get_session (self));
  g_autofree char *description = NULL;

  /* Translators: %s is a state, e.g. "California" */
  description = g_strdup_printf (_("What your figures allow under %s rules. This is information, "
                                   "not legal advice."),
                                 rec_gui_jurisdiction_name (rec_rules_get_id (rules)));
  adw_preferences_group_set_description (self->remedies_group, description);
}

/* "10", "7.5", "7.25" (with the locale's decimal mark): an annual rate in
 * basis points, as a percentage. */
static char *
format_rate (int basis_points)
{
  const char *radix = nl_langinfo (RADIXCHAR);
  int whole = basis_points / 100;
  int fraction = basis_points % 100;

  if (radix == NULL || radix[0] == '\0')
    radix = ".";
  if (fraction == 0)
    return g_strdup_printf ("%d", whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%d%s%d", whole, radix, fraction / 10);
  return g_strdup_printf ("%d%s%02d", whole, radix, fraction);
}

/* "Source: CCP 685.010 · rules checked 12/01/2026", either part alone, or
 * NULL when the rules give neither. */
static char *
rules_source_text (const RecRules *rules)
{
  const char *citation = rec_rules_get_interest_citation (rules);
  const char *verified = rec_rules_get_verified (rules);
  g_autofree char *source = NULL;
  g_autofree char *checked = NULL;
  GDate date;

  if (citation != NULL && *citation != '\0')
    /* Translators: %s is the law that sets the interest rate, e.g. "CCP 685.010" */
    source = g_strdup_printf (_("Source: %s"), citation);
  if (verified != NULL && rec_date_parse (verified, &date, NULL))
    {
      g_autofree char *day = rec_gui_format_date (&date);

      /* Translators: %s is the date the rules' values were last checked
       * against their sources */
      checked = g_strdup_printf (_("rules checked %s"), day);
    }
  if (source != NULL && checked != NULL)
    /* Translators: the source of the interest rate, then "rules checked DATE" */
    return g_strdup_printf (_("%s · %s"), source, checked);
  if (source != NULL)
    return g_steal_pointer (&source);
  return g_steal_pointer (&checked);
}

static void
set_row (AdwActionRow *row,
         const char   *title,
         const char   *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
}

/* The rate in force today and where it comes from; for a state whose
 * interest is not automatic, that and how to count a court's rate. The
 * source line (a long wrapping subtitle, measured at every width the
 * layout tries) comes with load_more(), after the first frame. */
static void
update_interest (RecOverviewPage *self)
{
  const RecRules *rules = rec_case_session_get_rules (get_session (self));
  gboolean agency = rec_case_session_get_info (get_session (self))->agency_enforced;
  guint n_overrides = g_list_model_get_n_items (rec_case_session_get_interest_overrides (get_session (self)));
  const char *id = rec_rules_get_id (rules);
  g_autofree char *source = self->lists_loaded ? rules_source_text (rules) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *overrides = NULL;

  if (rec_rules_has_automatic_interest (rules, agency))
    {
      g_autofree char *rate = format_rate (rec_rules_get_rate_on (rules, agency, &self->today));

      /* Translators: %s is an annual interest rate such as "10" or "7.25";
       * %% is the percent sign */
      title = g_strdup_printf (_("%s%% a year"), rate);
      set_row (self->rate_row, title, source);
      if (n_overrides > 0)
        {
          overrides = g_strdup_printf (ngettext ("The case has %u interest override",
                                                 "The case has %u interest overrides",
                                                 n_overrides), n_overrides);
          set_row (self->override_row, overrides,
                   _("On their days, the overrides’ rates replace this one."));
        }
      gtk_widget_set_visible (GTK_WIDGET (self->override_row), n_overrides > 0);
      return;
    }

  if (g_str_equal (id, "us"))
    title = g_strdup (_("No automatic interest under federal rules"));
  else
    /* Translators: %s is a state, e.g. "New York" */
    title = g_strdup_printf (_("No automatic interest in %s"), rec_gui_jurisdiction_name (id));
  set_row (self->rate_row, title, source);

  if (n_overrides > 0)
    {
      overrides = g_strdup_printf (ngettext ("Interest comes from the case’s %u interest override",
                                             "Interest comes from the case’s %u interest overrides",
                                             n_overrides), n_overrides);
      set_row (self->override_row, overrides,
               _("Each override counts its rate from one date to another."));
    }
  else
    set_row (self->override_row,
             g_str_equal (id, "us")
             ? _("If your state or a court sets a rate, add it as an interest override")
             : _("If a court ordered interest, add its rate as an interest override"),
             _("Add the court’s rate under Support Order → Interest Rate Overrides."));
  gtk_widget_set_visible (GTK_WIDGET (self->override_row), TRUE);
}

/* The months the table shows; the rest are counted below it. */
#define MAX_PAYOFF_ROWS 12

static GtkWidget *
grid_label (const char *text,
            gboolean    numeric,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  /* The amounts share the card's width; the month keeps its own. */
  gtk_widget_set_hexpand (label, numeric);
  gtk_widget_add_css_class (label, "numeric");
  if (heading)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
    }
  return label;
}

static void
fill_payoff_table (RecOverviewPage *self)
{
  const char *headings[] = {
    _("Month"), _("Payment"), _("Interest"), _("Unpaid support"), _("Interest owed"),
  };
  guint shown = MIN (self->payoff->months, MAX_PAYOFF_ROWS);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->payoff_grid))) != NULL)
    gtk_grid_remove (self->payoff_grid, child);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    gtk_grid_attach (self->payoff_grid, grid_label (headings[i], i > 0, TRUE), i, 0, 1, 1);

  for (guint row = 0; row < shown; row++)
    {
      const RecPayoffMonth *month = &self->payoff->schedule[row];
      RecCents amounts[] = {
        month->payment, month->interest_charged, month->principal_balance, month->interest_balance,
      };
      g_autofree char *date = rec_gui_format_date (&month->date);

      gtk_grid_attach (self->payoff_grid, grid_label (date, FALSE, FALSE), 0, row + 1, 1, 1);
      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          g_autofree char *text = rec_gui_format_cents (get_session (self), amounts[i]);

          gtk_grid_attach (self->payoff_grid, grid_label (text, TRUE, FALSE), i + 1, row + 1, 1, 1);
        }
    }

  if (self->payoff->months > shown)
    {
      guint more = self->payoff->months - shown;
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more month", "and %u more months",
                                                         more), more);
      GtkWidget *label = grid_label (text, FALSE, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->payoff_grid, label, 0, shown + 1, G_N_ELEMENTS (headings), 1);
    }
  gtk_widget_set_visible (self->payoff_table, shown > 0);
}

/* Under the entry: what is wrong with it, or (dim, `error` FALSE) what an
 * ambiguous amount was read as; nothing for a NULL message. */
static void
show_payoff_message (RecOverviewPage *self,
                     const char      *message,
                     gboolean         error)
{
  GtkWidget *label = GTK_WIDGET (self->payoff_error);

  gtk_label_set_text (self->payoff_error, message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
  if (message != NULL && error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->payoff_row), "error");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->payoff_row), "error");
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
show_payoff (RecOverviewPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->payoff->paid_off)
    {
      g_autofree char *date = rec_gui_format_date (&self->payoff->paid_off_on);
      g_autofree char *interest = rec_gui_format_cents (get_session (self), self->payoff->interest);

      /* Translators: %s is a date */
      title = g_strdup_printf (_("Paid off on %s"), date);
      /* Translators: an amount of money, then a number of months */
      subtitle = g_strdup_printf (ngettext ("%s of interest until then, over %u month",
                                            "%s of interest until then, over %u months",
                                            self->payoff->months),
                                  interest, self->payoff->months);
      gtk_image_set_from_icon_name (self->payoff_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->payoff_icon), "success");
    }
  else
    {
      title = g_strdup (_("Never at this amount"));
      subtitle = g_strdup (_("It does not outgrow the interest and the support due: the balance "
                             "never reaches zero."));
      gtk_image_set_from_icon_name (self->payoff_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->payoff_icon), "success");
    }
  set_row (self->payoff_result_row, title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->payoff_result_row), TRUE);
  fill_payoff_table (self);
}

static void
payoff_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RecOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  RecPayoff *payoff;

  payoff = rec_case_session_compute_payoff_finish (REC_CASE_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Payoff projection: %.1f ms",
           (g_get_monotonic_time () - self->payoff_started) / 1000.0);
  g_clear_object (&self->payoff_cancellable);
  g_clear_pointer (&self->payoff, rec_payoff_free);
  self->payoff = payoff;
  if (payoff == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->payoff_result_row), FALSE);
      gtk_widget_set_visible (self->payoff_table, FALSE);
      show_payoff_message (self, error->message, TRUE);
      return;
    }
  show_payoff (self);
}

static void
cancel_payoff (RecOverviewPage *self)
{
  if (self->payoff_cancellable != NULL)
    g_cancellable_cancel (self->payoff_cancellable);
  g_clear_object (&self->payoff_cancellable);
}

/* Projects the amount entered (nothing for an empty entry, an inline error
 * for a wrong one). The engine runs in a worker: the figures shown stay
 * until the new ones come. */
static void
update_payoff (RecOverviewPage *self)
{
  const char *text = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *understood = NULL;
  const char *currency = rec_case_session_get_info (get_session (self))->currency;
  RecCents monthly = 0;

  if (self->below_fold == NULL)   /* nothing typed yet: nothing to show */
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->payoff_row));
  stripped = g_strstrip (g_strdup (text));
  cancel_payoff (self);
  if (*stripped != '\0')
    problem = rec_gui_check_amount (stripped, currency, &monthly, &understood);
  if (*stripped == '\0' || problem != NULL)
    {
      g_clear_pointer (&self->payoff, rec_payoff_free);
      gtk_widget_set_visible (GTK_WIDGET (self->payoff_result_row), FALSE);
      gtk_widget_set_visible (self->payoff_table, FALSE);
      show_payoff_message (self, problem, TRUE);
      return;
    }
  show_payoff_message (self, understood, FALSE);

  self->payoff_cancellable = g_cancellable_new ();
  self->payoff_started = g_get_monotonic_time ();
  rec_case_session_compute_payoff_async (get_session (self), monthly, self->payoff_cancellable,
                                         payoff_ready_cb, g_object_ref (self));
  g_debug ("Payoff projection started: %.1f ms on the main thread",
           (g_get_monotonic_time () - self->payoff_started) / 1000.0);
}

static void
payoff_changed_cb (GtkEditable     *editable,
                   RecOverviewPage *self)
{
  if (rec_page_is_loaded (REC_PAGE (self)))
    update_payoff (self);
}

/* The agency's figure (issue 14 point 5): ours on the agency's day needs
 * one more engine run, in a worker on a snapshot of what the engine reads
 * (the records are never changed in place: an edit stores a new copy), and
 * only after the first frame. */
typedef struct
{
  RecCaseData *data;
  RecRules    *rules;
} AgencyJob;

static void
agency_job_free (gpointer user_data)
{
  AgencyJob *job = user_data;

  g_clear_pointer (&job->data, rec_case_data_free);
  g_clear_pointer (&job->rules, rec_rules_unref);
  g_free (job);
}

static void
agency_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AgencyJob *job = task_data;
  g_autofree RecAgencyComparison *comparison = g_new0 (RecAgencyComparison, 1);
  GError *error = NULL;

  if (rec_agency_compare (job->data, job->rules, comparison, &error))
    g_task_return_pointer (task, g_steal_pointer (&comparison), g_free);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
show_agency (RecOverviewPage           *self,
             const RecAgencyComparison *comparison)
{
  RecCaseInfo *info = rec_case_session_get_info (get_session (self));
  g_autofree char *stated = rec_gui_format_cents (get_session (self), info->agency_balance_cents);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->agency_group), TRUE);
  if (comparison == NULL)
    {
      /* Translators: %s is the amount of arrears the agency stated */
      title = g_strdup_printf (_("The agency says %s"), stated);
      set_row (self->agency_row, title, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_ours_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_difference_row), FALSE);
      adw_preferences_group_set_description (self->agency_group,
                                             _("Enter the day the agency stated it in Case "
                                               "Details to compare it with Recourse’s figure "
                                               "for that day."));
    }
  else
    {
      const RecRenderer renderer = { NULL, NULL, info->currency, NULL };
      g_autofree char *day = rec_gui_format_date (&comparison->as_of);
      g_autofree char *ours = rec_gui_format_cents (get_session (self), comparison->ours_cents);
      g_autofree char *difference = rec_gui_format_cents (get_session (self),
                                                          ABS (comparison->difference_cents));
      g_autofree char *ours_title = NULL;
      g_autofree char *difference_title = NULL;
      g_autofree char *sentence = rec_agency_comparison_text (comparison, &renderer);

      /* Translators: an amount of arrears, then the day the agency stated it */
      title = g_strdup_printf (_("The agency says %s (as of %s)"), stated, day);
      set_row (self->agency_row, title, NULL);
      /* Translators: %s is Recourse's total owed on the agency's day */
      ours_title = g_strdup_printf (_("Recourse for the same day: %s"), ours);
      set_row (self->agency_ours_row, ours_title, NULL);
      /* Translators: %s is how far apart the two figures are */
      difference_title = g_strdup_printf (_("Difference: %s"), difference);
      set_row (self->agency_difference_row, difference_title, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_ours_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_difference_row), TRUE);
      adw_preferences_group_set_description (self->agency_group, sentence);
    }
}

static void
agency_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree RecAgencyComparison *comparison = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->agency_cancellable);
  if (error != NULL)
    {
      /* The figures above say what is wrong with the case. */
      g_debug ("Cannot compare the agency's figure: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->agency_group), FALSE);
      return;
    }
  show_agency (self, comparison);
}

static void
cancel_agency (RecOverviewPage *self)
{
  if (self->agency_cancellable != NULL)
    g_cancellable_cancel (self->agency_cancellable);
  g_clear_object (&self->agency_cancellable);
}

/* Shows the group when the case records the agency's figure (its rows stay
 * as they are until the new comparison comes), hides it otherwise. */
static void
update_agency (RecOverviewPage *self)
{
  RecCaseInfo *info = rec_case_session_get_info (get_session (self));
  g_autoptr(GTask) task = NULL;
  AgencyJob *job;

  cancel_agency (self);
  if (self->agency_group == NULL)   /* not built yet: nothing shown */
    return;
  if (!self->lists_loaded || !info->has_agency_balance)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->agency_group), FALSE);
      return;
    }
  if (!rec_date_is_set (&info->agency_balance_as_of))
    {
      show_agency (self, NULL);
      return;
    }

  job = g_new0 (AgencyJob, 1);
  job->data = rec_case_session_snapshot_data (get_session (self));
  job->rules = rec_rules_ref ((RecRules *) rec_case_session_get_rules (get_session (self)));
  self->agency_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->agency_cancellable, agency_ready_cb, NULL);
  g_task_set_source_tag (task, update_agency);
  g_task_set_task_data (task, job, agency_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, agency_thread);
}

/* "No Support Order Yet", built the first time a case has neither terms
 * nor payments: on a case with figures it would only cost the first frame. */
static void
ensure_empty_state (RecOverviewPage *self)
{
  GtkWidget *status, *button;

  if (adw_bin_get_child (self->empty_slot) != NULL)
    return;
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Support Order Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Enter the order’s terms — how much, how often, from when — "
                                     "and Recourse works out what is owed, with interest."));
  button = gtk_button_new_with_mnemonic (_("_Add the Order’s Terms…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "overview.add-term");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  adw_bin_set_child (self->empty_slot, status);
}

static void
refresh (RecOverviewPage *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (get_session (self));
  gboolean empty = g_list_model_get_n_items (rec_case_session_get_terms (get_session (self))) == 0
                   && g_list_model_get_n_items (rec_case_session_get_payments (get_session (self))) == 0;

  if (empty || result == NULL)
    ensure_empty_state (self);
  gtk_stack_set_visible_child_name (self->stack, empty || result == NULL ? "empty" : "content");
  if (self->lists_loaded)
    rec_page_update_remedies (self->remedies, get_session (self));
  /* The jurisdiction may have changed, and with it the rules. */
  if (self->below_fold != NULL)
    update_rules_description (self);
  update_interest (self);
  update_payoff (self);
  update_agency (self);
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

/* Follow-ups (spec/evidence.md §4, v2): a communication's follow-up date
 * and an enforcement step's next date until marked done; overdue ones too. */
static gboolean
follow_up_is_open (gpointer item,
                   gpointer user_data)
{
  return rec_communication_follow_up_is_open (item);
}

static int
compare_follow_ups (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return rec_date_compare (&((RecCommunication *) a)->follow_up,
                           &((RecCommunication *) b)->follow_up);
}

/* The record's own dialog, on a copy (the dialogs copy what they edit). */
static void
follow_up_row_activated_cb (AdwActionRow *row,
                            RecEntity    *record)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (row), REC_TYPE_OVERVIEW_PAGE);
  RecCaseSession *session = page != NULL ? rec_page_get_session (REC_PAGE (page)) : NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));

  if (session == NULL)
    return;
  if (REC_IS_COMMUNICATION (record))
    gtk_window_present (rec_communication_dialog_new (parent, session,
                                                      REC_COMMUNICATION (record)));
  else
    gtk_window_present (rec_enforcement_dialog_new (parent, session,
                                                    REC_ENFORCEMENT_STEP (record),
                                                    REC_ENFORCEMENT_STEP (record)->remedy));
}

/* Sets follow_up_done / next_done on a copy and saves it: one change, with
 * the window's toast and its Undo. */
static void
mark_done_clicked_cb (GtkButton *button,
                      RecEntity *record)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), REC_TYPE_OVERVIEW_PAGE);
  RecCaseSession *session = page != NULL ? rec_page_get_session (REC_PAGE (page)) : NULL;
  g_autoptr(RecEntity) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;
  copy = rec_entity_copy (record);
  if (REC_IS_COMMUNICATION (copy))
    REC_COMMUNICATION (copy)->follow_up_done = TRUE;
  else
    REC_ENFORCEMENT_STEP (copy)->next_done = TRUE;
  /* The row goes with the record it shows: act from the page from here on. */
  g_object_ref (page);
  if (!rec_case_session_update (session, G_OBJECT (copy), &error))
    {
      g_debug ("Marking a follow-up done failed: %s", error->message);
      gtk_widget_activate_action (page, "win.show-toast", "s",
                                  _("Could not mark the follow-up as done"));
    }
  else
    gtk_widget_activate_action (page, "win.show-undo-toast", "s", _("Marked as done"));
  g_object_unref (page);
}

/* What every follow-up row has: its date at the end ("error" and the word
 * "Overdue" before today), a Mark as Done button, and activation opening
 * the record. `who` names it for the button's accessible name. */
static void
add_follow_up_parts (RecOverviewPage *self,
                     GtkWidget       *row,
                     RecEntity       *record,
                     const GDate     *date,
                     const char      *who)
{
  g_autofree char *day = rec_gui_format_date (date);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gboolean overdue = rec_date_compare (date, &self->today) < 0;
  GtkWidget *label;
  GtkWidget *button;

  /* Translators: a follow-up date gone by, e.g. "Overdue · 11/28/2026" */
  text = overdue ? g_strdup_printf (_("Overdue · %s"), day) : g_strdup (day);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  if (overdue)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Mark as done"));
  /* Translators: %s is whom a follow-up is with, or what it is about */
  name = g_strdup_printf (_("Mark the follow-up with %s as done"), who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (button, !rec_case_session_get_read_only (get_session (self)));
  g_signal_connect_object (button, "clicked", G_CALLBACK (mark_done_clicked_cb), record, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (follow_up_row_activated_cb), record, 0);
  /* For the tests (tests/ui/test-ui-overview.c). */
  g_object_set_data (G_OBJECT (row), "rec-date-label", label);
  g_object_set_data (G_OBJECT (row), "rec-done-button", button);
}

static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  RecCommunication *communication = item;
  GtkWidget *row = adw_action_row_new ();
  const char *title = *communication->subject != '\0' ? communication->subject
                                                      : rec_channel_label (communication->channel);
  const char *with = *communication->with != '\0' ? communication->with : title;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (*communication->with != '\0')
    {
      /* Translators: the person a follow-up is with */
      subtitle = g_strdup_printf (_("With %s"), communication->with);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  add_follow_up_parts (user_data, row, REC_ENTITY (communication), &communication->follow_up, with);
  return row;
}

static gboolean
next_date_is_open (gpointer item,
                   gpointer user_data)
{
  /* Not a denied or closed step's: nothing follows a remedy that ended. */
  return rec_enforcement_step_next_is_open (item);
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

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rec_remedy_label (step->remedy));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rec_status_label (step->status));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  add_follow_up_parts (user_data, row, REC_ENTITY (step), &step->next_date,
                       rec_remedy_label (step->remedy));
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

  follow_ups = filtered_sorted (self, rec_case_session_get_communications (get_session (self)),
                                follow_up_is_open, compare_follow_ups);
  gtk_list_box_bind_model (self->follow_ups_list, follow_ups, create_follow_up_row, self, NULL);
  next_dates = filtered_sorted (self, rec_case_session_get_enforcement (get_session (self)),
                                next_date_is_open, compare_next_dates);
  gtk_list_box_bind_model (self->next_dates_list, next_dates, create_next_date_row, self, NULL);
}

/* A case that can only be read offers no edit (RecCaseSession:read-only is
 * fixed once the case is open). */
static void
rec_overview_page_bind (RecPage *page)
{
  gboolean read_only = rec_case_session_get_read_only (rec_page_get_session (page));

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "overview.add-term", !read_only);
}

/* The figures, the interest and the chart: what the first frame shows. */
static void
rec_overview_page_load (RecPage *page)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (page);

  rec_date_set_today (&self->today);
  refresh (self);
}

/* What is below them, after that frame: filtering and sorting the case's
 * communications and steps, the rows' text and the groups' wrapping
 * descriptions (measured at several widths each) would delay it. */
static void
rec_overview_page_load_more (RecPage *page)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (page);

  self->lists_loaded = TRUE;
  ensure_below_fold (self);
  update_rules_description (self);
  gtk_widget_set_visible (self->below_fold, TRUE);
  /* The wrapping lines the first frame left out. */
  adw_action_row_set_title_lines (self->rate_row, 0);
  update_interest (self);
  adw_preferences_group_set_description (self->chart_group,
                                         _("Unpaid support and interest at the end of each month"));
  update_agency (self);
  bind_session_lists (self);
  rec_page_update_remedies (self->remedies, get_session (self));
  /* Only now: an empty list before its load is no "none". */
  if (!self->placeholders_set)
    {
      self->placeholders_set = TRUE;
      gtk_list_box_set_placeholder (self->remedies_list,
                                    placeholder_new (_("None yet: the figures do not open any remedy.")));
      gtk_list_box_set_placeholder (self->follow_ups_list,
                                    placeholder_new (_("No open follow-ups.")));
      gtk_list_box_set_placeholder (self->next_dates_list,
                                    placeholder_new (_("No enforcement dates ahead.")));
    }
}

static void
rec_overview_page_refresh (RecPage *page)
{
  refresh (REC_OVERVIEW_PAGE (page));
}

static void
rec_overview_page_unload (RecPage *page)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (page);

  cancel_payoff (self);
  cancel_agency (self);
  self->lists_loaded = FALSE;
  adw_action_row_set_title_lines (self->rate_row, 1);
  g_list_store_remove_all (self->remedies);
  if (self->below_fold == NULL)
    return;
  gtk_widget_set_visible (self->below_fold, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->agency_group), FALSE);
  gtk_list_box_bind_model (self->follow_ups_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->next_dates_list, NULL, NULL, NULL, NULL);
}

static void
overview_add_term_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RecOverviewPage *self = REC_OVERVIEW_PAGE (widget);

  if (get_session (self) == NULL)
    return;
  gtk_window_present (rec_term_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           get_session (self), NULL));
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
  /* What ensure_below_fold() built went with it (the template's own
   * children are cleared by gtk_widget_dispose_template). */
  self->below_fold = NULL;
  self->agency_group = NULL;
  self->agency_row = self->agency_ours_row = self->agency_difference_row = NULL;
  self->remedies_group = NULL;
  self->remedies_list = self->follow_ups_list = self->next_dates_list = NULL;
  self->payoff_row = NULL;
  self->payoff_result_row = NULL;
  self->payoff_icon = NULL;
  self->payoff_error = NULL;
  self->payoff_table = NULL;
  self->payoff_grid = NULL;
  g_clear_object (&self->remedies);
  cancel_payoff (self);
  cancel_agency (self);
  g_clear_pointer (&self->payoff, rec_payoff_free);

  G_OBJECT_CLASS (rec_overview_page_parent_class)->dispose (object);
}

static void
rec_overview_page_class_init (RecOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_overview_page_dispose;
  page_class->bind = rec_overview_page_bind;
  page_class->load = rec_overview_page_load;
  page_class->load_more = rec_overview_page_load_more;
  page_class->refresh = rec_overview_page_refresh;
  page_class->unload = rec_overview_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, empty_slot);
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
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, rate_row);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, override_row);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, RecOverviewPage, content_box);

  gtk_widget_class_install_action (widget_class, "overview.add-term", NULL,
                                   overview_add_term_action);
}

static void
rec_overview_page_init (RecOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window sizes itself before the page loads (on map): on the
   * figures' blank labels, not on the empty state's wrapping text. */
  gtk_stack_set_visible_child_name (self->stack, "content");

  /* One line, not wrapped, until load_more(): a wrapping title is measured
   * (shaped) at every width the first frame's layout tries; it fits on one
   * line at the window's usual sizes. */
  adw_action_row_set_title_lines (self->rate_row, 1);

  self->chart = rec_balance_chart_new ();
  gtk_widget_set_size_request (self->chart, -1, 220);
  gtk_box_append (self->chart_box, self->chart);

  /* What is below the fold is built after the first frame (ensure_below_fold). */
  self->remedies = g_list_store_new (REC_TYPE_REMEDY_ITEM);
}

const char *
_rec_overview_page_get_total (RecOverviewPage *self)
{
  /* What the page shows once up to date (it may be out of sight). */
  rec_page_ensure_loaded (REC_PAGE (self));
  return gtk_label_get_text (self->total_label);
}

const char *
_rec_overview_page_get_interest (RecOverviewPage *self,
                                 const char     **out_source)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  if (out_source != NULL)
    *out_source = adw_action_row_get_subtitle (self->rate_row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->rate_row));
}

const char *
_rec_overview_page_get_interest_notice (RecOverviewPage *self,
                                        const char     **out_detail)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  if (!gtk_widget_get_visible (GTK_WIDGET (self->override_row)))
    return NULL;
  if (out_detail != NULL)
    *out_detail = adw_action_row_get_subtitle (self->override_row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->override_row));
}

GtkEditable *
_rec_overview_page_get_payoff_entry (RecOverviewPage *self)
{
  ensure_below_fold (self);
  return GTK_EDITABLE (self->payoff_row);
}

const char *
_rec_overview_page_get_payoff_result (RecOverviewPage *self)
{
  ensure_below_fold (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->payoff_result_row)))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->payoff_result_row));
}

gboolean
_rec_overview_page_is_payoff_pending (RecOverviewPage *self)
{
  return self->payoff_cancellable != NULL;
}

const char *
_rec_overview_page_get_payoff_error (RecOverviewPage *self)
{
  ensure_below_fold (self);
  /* The label shows a "read as" note too, not an error. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->payoff_error)) ||
      !gtk_widget_has_css_class (GTK_WIDGET (self->payoff_error), "error"))
    return NULL;
  return gtk_label_get_text (self->payoff_error);
}

guint
_rec_overview_page_get_payoff_rows (RecOverviewPage *self)
{
  guint n = 0;

  ensure_below_fold (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->payoff_grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int column, row, width;

      /* A month's date (not the headings, not "and N more months"). */
      gtk_grid_query_child (self->payoff_grid, child, &column, &row, &width, NULL);
      if (column == 0 && row > 0 && width == 1)
        n++;
    }
  return gtk_widget_get_visible (self->payoff_table) ? n : 0;
}

GListModel *
_rec_overview_page_get_remedies (RecOverviewPage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return G_LIST_MODEL (self->remedies);
}

GtkListBox *
_rec_overview_page_get_list (RecOverviewPage *self,
                             const char      *name)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  ensure_below_fold (self);
  if (g_str_equal (name, "remedies"))
    return self->remedies_list;
  if (g_str_equal (name, "follow-ups"))
    return self->follow_ups_list;
  if (g_str_equal (name, "next-dates"))
    return self->next_dates_list;
  g_return_val_if_reached (NULL);
}

const char *
_rec_overview_page_get_agency (RecOverviewPage *self,
                               const char     **out_ours,
                               const char     **out_difference,
                               const char     **out_sentence)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  ensure_below_fold (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->agency_group)))
    return NULL;
  if (out_ours != NULL)
    *out_ours = gtk_widget_get_visible (GTK_WIDGET (self->agency_ours_row))
                ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->agency_ours_row)) : NULL;
  if (out_difference != NULL)
    *out_difference = gtk_widget_get_visible (GTK_WIDGET (self->agency_difference_row))
                      ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->agency_difference_row))
                      : NULL;
  if (out_sentence != NULL)
    *out_sentence = adw_preferences_group_get_description (self->agency_group);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->agency_row));
}

gboolean
_rec_overview_page_is_agency_pending (RecOverviewPage *self)
{
  return self->agency_cancellable != NULL;
}

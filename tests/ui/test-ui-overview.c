/* test-ui-overview.c — the page base (RecPage) and the Overview page's
 * actions on a real case, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-overview"

#include "config.h"

#include "rec-agency.h"
#include "rec-gui-util.h"
#include "rec-overview-page.h"
#include "rec-remedy-item.h"

#include "test-ui-overview-fixture.h"

#include <string.h>

static RecOverviewPage *
overview (PageFixture *fixture,
          gboolean     mapped)
{
  return REC_OVERVIEW_PAGE (show_page (fixture, REC_TYPE_OVERVIEW_PAGE, mapped));
}

/* A page out of sight loads once, in idle time, never again for the same
 * session however many edits come. */
static void
test_page_lazy_load (PageFixture   *fixture,
                     gconstpointer  data)
{
  RecPage *page = REC_PAGE (overview (fixture, FALSE));
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GError) error = NULL;

  rec_page_set_session (page, fixture->session);
  g_assert_true (rec_page_get_session (page) == fixture->session);
  g_assert_false (rec_page_is_loaded (page));
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 0);
  spin ();
  g_assert_true (rec_page_is_loaded (page));
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 1);

  payment->date = fixture->today;
  payment->amount_cents = 100;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  rec_page_ensure_loaded (page);
  spin ();
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 1);
  /* Setting the same session again is no change. */
  g_object_set (page, "session", fixture->session, NULL);
  spin ();
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 1);
}

/* The group of the page titled `title`, found without loading anything. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A page on screen loads as soon as it has a session, the part below the
 * fold after the next frame: the first frame measures the figures, the
 * interest and the chart, not the groups below them, which are not even
 * built until then. */
static void
test_page_mapped_load (PageFixture   *fixture,
                       gconstpointer  data)
{
  RecPage *page = REC_PAGE (overview (fixture, TRUE));

  /* Taken before there is a session: no load is forced. */
  GListModel *remedies = _rec_overview_page_get_remedies (REC_OVERVIEW_PAGE (page));
  GtkWidget *interest = find_group (GTK_WIDGET (page), "Interest");
  GtkWidget *remedies_group = NULL;
  GtkWidget *payoff_group = NULL;

  g_assert_nonnull (interest);
  g_assert_null (find_group (GTK_WIDGET (page), "Remedies Available Now"));
  rec_page_set_session (page, fixture->session);
  g_assert_true (rec_page_is_loaded (page));
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 1);
  g_assert_true (gtk_widget_is_visible (interest));
  /* The lists below the figures, and their groups, come after the next frame. */
  g_assert_cmpuint (g_list_model_get_n_items (remedies), ==, 0);
  g_assert_null (find_group (GTK_WIDGET (page), "Remedies Available Now"));
  g_assert_null (find_group (GTK_WIDGET (page), "What If the Payer Pays…"));
  while (g_list_model_get_n_items (remedies) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rec_page_get_n_loads (page), ==, 1);
  remedies_group = find_group (GTK_WIDGET (page), "Remedies Available Now");
  payoff_group = find_group (GTK_WIDGET (page), "What If the Payer Pays…");
  g_assert_nonnull (remedies_group);
  g_assert_nonnull (payoff_group);
  g_assert_true (gtk_widget_is_visible (remedies_group));
  g_assert_true (gtk_widget_is_visible (payoff_group));

  /* A case replaced: its first frame again without them. */
  rec_page_set_session (page, NULL);
  g_assert_false (gtk_widget_is_visible (remedies_group));
}

/* The first status page under `widget`, or NULL. */
static GtkWidget *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "No Support Order Yet" is built only for a case without terms or
 * payments, and the case's figures come back when it has them. */
static void
test_empty_state (PageFixture   *fixture,
                  gconstpointer  data)
{
  RecPage *page = REC_PAGE (overview (fixture, TRUE));
  g_autoptr(RecCaseData) empty = rec_case_data_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "empty.recourse", NULL);
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *status;

  rec_page_set_session (page, fixture->session);
  spin ();
  g_assert_null (find_status_page (GTK_WIDGET (page)));

  rec_set_str (&empty->info->title, "A new case");
  rec_set_str (&empty->info->jurisdiction, "us-ca");
  g_assert_true (rec_store_write_case (path, empty, FALSE, &error));
  g_assert_no_error (error);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);
  rec_page_set_session (page, session);
  spin ();
  status = find_status_page (GTK_WIDGET (page));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Support Order Yet");
  g_assert_true (GTK_IS_BUTTON (adw_status_page_get_child (ADW_STATUS_PAGE (status))));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (
    adw_status_page_get_child (ADW_STATUS_PAGE (status)))), ==, "overview.add-term");

  rec_page_set_session (page, fixture->session);
  spin ();
  g_assert_false (gtk_widget_get_mapped (status));
}

static char *
total_of (RecCaseSession *session)
{
  const RecArrearsResult *result = rec_case_session_get_result (session);

  return rec_gui_format_cents (session, result->total_balance_cents);
}

/* Another session replaces the first: its figures are shown, and the first
 * one's edits no longer reach the page. */
static void
test_page_replace (PageFixture   *fixture,
                   gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autofree char *first = total_of (fixture->session);
  g_autofree char *second = total_of (fixture->other);
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_assert_cmpstr (first, !=, second);
  g_object_set (page, "session", fixture->session, NULL);
  g_assert_cmpstr (_rec_overview_page_get_total (page), ==, first);

  g_object_set (page, "session", fixture->other, NULL);
  g_assert_true (rec_page_get_session (REC_PAGE (page)) == fixture->other);
  g_assert_cmpuint (rec_page_get_n_loads (REC_PAGE (page)), ==, 2);
  g_assert_cmpstr (_rec_overview_page_get_total (page), ==, second);

  /* An edit of the first case: nothing on the page moves. */
  g_signal_connect (_rec_overview_page_get_remedies (page), "items-changed",
                    G_CALLBACK (count_cb), &changes);
  payment->date = fixture->today;
  payment->amount_cents = 500000;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (_rec_overview_page_get_total (page), ==, second);
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_func (_rec_overview_page_get_remedies (page), count_cb,
                                        &changes);
}

/* Cleared, the page drops what it showed and hears nothing; given a session
 * again, it loads again. */
static void
test_page_clear (PageFixture   *fixture,
                 gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GError) error = NULL;
  RecCaseSession *session = NULL;

  g_object_set (page, "session", fixture->session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (_rec_overview_page_get_remedies (page)), >, 0);

  g_object_set (page, "session", NULL, NULL);
  g_object_get (page, "session", &session, NULL);
  g_assert_null (session);
  g_assert_false (rec_page_is_loaded (REC_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (_rec_overview_page_get_remedies (page)), ==, 0);
  payment->date = fixture->today;
  payment->amount_cents = 100;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (_rec_overview_page_get_remedies (page)), ==, 0);

  g_object_set (page, "session", fixture->session, NULL);
  g_assert_cmpuint (rec_page_get_n_loads (REC_PAGE (page)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (_rec_overview_page_get_remedies (page)), >, 0);
}

static RecEnforcementStep *
add_step (PageFixture *fixture,
          RecRemedy    remedy,
          RecStatus    status,
          int          next_in_days)
{
  g_autoptr(GError) error = NULL;
  RecEnforcementStep *step = rec_enforcement_step_new ();

  step->remedy = remedy;
  step->status = status;
  step->date = fixture->today;
  if (next_in_days >= 0)
    {
      step->next_date = fixture->today;
      g_date_add_days (&step->next_date, next_in_days);
    }
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (step), &error));
  g_assert_no_error (error);
  return step;
}

/* Out of sight, a page notes an edit and refreshes once when shown. */
static void
test_page_out_of_sight (PageFixture   *fixture,
                        gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autoptr(RecEnforcementStep) first = NULL;
  g_autoptr(RecEnforcementStep) second = NULL;
  GListModel *remedies;
  guint changes = 0;

  g_object_set (page, "session", fixture->session, NULL);
  remedies = _rec_overview_page_get_remedies (page);
  g_signal_connect (remedies, "items-changed", G_CALLBACK (count_cb), &changes);

  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  first = add_step (fixture, REC_REMEDY_WAGE_GARNISHMENT, REC_STATUS_REQUESTED, -1);
  second = add_step (fixture, REC_REMEDY_BANK_LEVY, REC_STATUS_FILED, -1);
  spin ();
  g_assert_cmpuint (changes, ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  /* One refresh for both edits: the two remedies' items replaced. */
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (changes, <=, 2);
  g_assert_cmpuint (rec_page_get_n_loads (REC_PAGE (page)), ==, 1);
  g_signal_handlers_disconnect_by_func (remedies, count_cb, &changes);
}

/* The interest row's notice follows the case's overrides. */
static void
test_interest_override_row (PageFixture   *fixture,
                            gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  GListModel *overrides = rec_case_session_get_interest_overrides (fixture->session);
  guint n = g_list_model_get_n_items (overrides);
  g_autoptr(RecInterestOverride) added = rec_interest_override_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *rate;
  const char *source = NULL;
  const char *detail = NULL;

  g_object_set (page, "session", fixture->session, NULL);
  rate = _rec_overview_page_get_interest (page, &source);
  g_assert_cmpstr (rate, ==, "10% a year");
  g_assert_nonnull (strstr (source, "685.010"));
  if (n == 0)
    g_assert_null (_rec_overview_page_get_interest_notice (page, NULL));

  added->from = fixture->today;
  g_date_subtract_months (&added->from, 6);
  added->to = fixture->today;
  added->rate_basis_points = 700;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (added), &error));
  g_assert_no_error (error);
  expected = g_strdup_printf (n + 1 == 1 ? "The case has %u interest override"
                                         : "The case has %u interest overrides", n + 1);
  g_assert_cmpstr (_rec_overview_page_get_interest_notice (page, &detail), ==, expected);
  g_assert_cmpstr (detail, ==, "On their days, the overrides’ rates replace this one.");

  g_assert_true (rec_case_session_delete (fixture->session, G_OBJECT (added), &error));
  g_assert_no_error (error);
  if (n == 0)
    g_assert_null (_rec_overview_page_get_interest_notice (page, NULL));
}

static void
wait_for_payoff (RecOverviewPage *page)
{
  while (_rec_overview_page_is_payoff_pending (page))
    g_main_context_iteration (NULL, TRUE);
}

/* The payoff card: an amount projects, a wrong one says why, an empty one
 * shows nothing; an edit projects again. */
static void
test_payoff_card (PageFixture   *fixture,
                  gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  GtkEditable *entry;
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (page, "session", fixture->session, NULL);
  entry = _rec_overview_page_get_payoff_entry (page);
  g_assert_null (_rec_overview_page_get_payoff_result (page));

  gtk_editable_set_text (entry, "5000");
  g_assert_true (_rec_overview_page_is_payoff_pending (page));
  wait_for_payoff (page);
  g_assert_true (g_str_has_prefix (_rec_overview_page_get_payoff_result (page), "Paid off on "));
  g_assert_null (_rec_overview_page_get_payoff_error (page));
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (page), >, 0);
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (page), <=, 12);

  /* An edit of the case projects again (pending until it is done). */
  payment->date = fixture->today;
  payment->amount_cents = 100;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  g_assert_true (_rec_overview_page_is_payoff_pending (page));
  wait_for_payoff (page);
  g_assert_nonnull (_rec_overview_page_get_payoff_result (page));

  gtk_editable_set_text (entry, "five");
  g_assert_false (_rec_overview_page_is_payoff_pending (page));
  g_assert_nonnull (_rec_overview_page_get_payoff_error (page));
  g_assert_null (_rec_overview_page_get_payoff_result (page));
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (page), ==, 0);

  gtk_editable_set_text (entry, "");
  g_assert_null (_rec_overview_page_get_payoff_error (page));
  g_assert_null (_rec_overview_page_get_payoff_result (page));
}

static RecCommunication *
add_communication (PageFixture *fixture,
                   const char  *subject,
                   int          follow_up_in_days)
{
  g_autoptr(GError) error = NULL;
  RecCommunication *communication = rec_communication_new ();

  rec_set_str (&communication->at, "2026-03-04T10:00:00+00:00");
  g_assert_true (rec_timestamp_parse (communication->at, &communication->at_unix, NULL));
  communication->channel = REC_CHANNEL_PHONE;
  communication->direction = REC_DIRECTION_SENT;
  rec_set_str (&communication->with, "County agency");
  rec_set_str (&communication->subject, subject);
  rec_set_str (&communication->summary, "Asked about the levy");
  communication->follow_up = fixture->today;
  if (follow_up_in_days >= 0)
    g_date_add_days (&communication->follow_up, follow_up_in_days);
  else
    g_date_subtract_days (&communication->follow_up, -follow_up_in_days);
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (communication), &error));
  g_assert_no_error (error);
  return communication;
}

/* Open follow-ups are listed, soonest first; an overdue one says so (the
 * word and the "error" class on its date); Mark as Done stores
 * follow_up_done and takes it off, undo brings it back; activating a row
 * opens its communication. */
static void
test_follow_up_rows (PageFixture   *fixture,
                     gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  GListModel *communications = rec_case_session_get_communications (fixture->session);
  g_autoptr(GPtrArray) items = model_items (communications);
  g_autoptr(RecCommunication) today = NULL;
  g_autoptr(RecCommunication) past = NULL;
  g_autoptr(RecCommunication) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *done = NULL;
  g_autofree char *undone = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *label;
  guint n_windows;

  /* The demo's own follow-ups, done: only the three below are open. */
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(RecCommunication) copy = rec_communication_copy (items->pdata[i]);

      copy->follow_up_done = TRUE;
      g_assert_true (rec_case_session_update (fixture->session, G_OBJECT (copy), &error));
      g_assert_no_error (error);
    }
  g_object_set (page, "session", fixture->session, NULL);
  list = _rec_overview_page_get_list (page, "follow-ups");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  today = add_communication (fixture, "Call back about the levy", 0);
  past = add_communication (fixture, "A follow-up gone by", -3);
  future = add_communication (fixture, "Ask for the hearing date", 5);
  titles = row_titles (list);
  g_test_message ("follow-ups: %s", titles);
  g_assert_cmpstr (titles, ==, "A follow-up gone by\nCall back about the levy\nAsk for the hearing date");

  row = gtk_list_box_get_row_at_index (list, 0);
  label = g_object_get_data (G_OBJECT (row), "rec-date-label");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Overdue"));
  label = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 1)), "rec-date-label");
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  g_assert_false (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Overdue"));

  /* Mark as Done: stored, and off the list. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "rec-done-button"), "clicked");
  spin ();
  done = row_titles (list);
  g_assert_cmpstr (done, ==, "Call back about the levy\nAsk for the hearing date");
  for (guint i = 0; i < g_list_model_get_n_items (communications); i++)
    {
      g_autoptr(RecCommunication) stored = g_list_model_get_item (communications, i);

      if (REC_ENTITY (stored)->id == REC_ENTITY (past)->id)
        g_assert_true (stored->follow_up_done);
    }
  g_assert_true (rec_case_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  undone = row_titles (list);
  g_assert_cmpstr (undone, ==, titles);

  /* Activating a row opens its communication's dialog. */
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows + 1);
}

/* Enforcement dates ahead are listed by remedy. */
static void
test_next_date_rows (PageFixture   *fixture,
                     gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autoptr(RecEnforcementStep) step = NULL;
  GtkListBoxRow *row;

  g_object_set (page, "session", fixture->session, NULL);
  step = add_step (fixture, REC_REMEDY_PROPERTY_LIEN, REC_STATUS_FILED, 0);
  row = gtk_list_box_get_row_at_index (_rec_overview_page_get_list (page, "next-dates"), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   rec_remedy_label (REC_REMEDY_PROPERTY_LIEN));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            rec_status_label (REC_STATUS_FILED)));
}

/* A denied or closed step's next date is not ahead of anything: only the
 * open steps' are listed (rec_enforcement_step_next_is_open). */
static void
test_next_dates_of_ended_steps (PageFixture   *fixture,
                                gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autoptr(RecEnforcementStep) denied = NULL;
  g_autoptr(RecEnforcementStep) closed = NULL;
  g_autoptr(RecEnforcementStep) open = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n_lien = 0;

  g_object_set (page, "session", fixture->session, NULL);
  denied = add_step (fixture, REC_REMEDY_BANK_LEVY, REC_STATUS_DENIED, 1);
  closed = add_step (fixture, REC_REMEDY_WAGE_GARNISHMENT, REC_STATUS_CLOSED, 2);
  open = add_step (fixture, REC_REMEDY_PROPERTY_LIEN, REC_STATUS_FILED, 3);
  spin ();
  list = _rec_overview_page_get_list (page, "next-dates");
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      g_test_message ("next date: %s", title);
      g_assert_cmpstr (title, !=, rec_remedy_label (REC_REMEDY_BANK_LEVY));
      g_assert_cmpstr (title, !=, rec_remedy_label (REC_REMEDY_WAGE_GARNISHMENT));
      n_lien += g_strcmp0 (title, rec_remedy_label (REC_REMEDY_PROPERTY_LIEN)) == 0;
    }
  g_assert_cmpuint (n_lien, ==, 1);
}

static guint
n_eligible (GListModel *remedies)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (remedies); i++)
    {
      g_autoptr(RecRemedyItem) item = g_list_model_get_item (remedies, i);

      n += item->has_verdict && item->eligible;
    }
  return n;
}

/* The remedies list after edits: an edit that changes no verdict keeps every
 * item and every row; one that does changes the list to match. */
static void
test_remedies_after_edit (PageFixture   *fixture,
                          gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items_after = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(RecCommunication) unrelated = NULL;
  g_autoptr(RecPayment) payoff = rec_payment_new ();
  g_autoptr(GError) error = NULL;
  GListModel *remedies;
  GtkListBox *list;

  g_object_set (page, "session", fixture->session, NULL);
  remedies = _rec_overview_page_get_remedies (page);
  list = _rec_overview_page_get_list (page, "remedies");
  items = model_items (remedies);
  rows = list_rows (list);
  g_assert_cmpuint (n_eligible (remedies), >, 0);
  g_assert_cmpuint (rows->len, ==, n_eligible (remedies));

  unrelated = add_communication (fixture, "Nothing to do with the figures", 30);
  items_after = model_items (remedies);
  rows_after = list_rows (list);
  g_assert_cmpuint (items_after->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (items->pdata[i] == items_after->pdata[i]);
  g_assert_cmpuint (rows_after->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (rows->pdata[i] == rows_after->pdata[i]);

  /* Paid in full: the verdicts change, and the list with them. */
  payoff->date = fixture->today;
  payoff->amount_cents = rec_case_session_get_result (fixture->session)->total_balance_cents;
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (payoff), &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows_after, g_ptr_array_unref);
  rows_after = list_rows (list);
  g_test_message ("available: %u before, %u paid in full", rows->len, rows_after->len);
  g_assert_cmpuint (rows_after->len, ==, n_eligible (remedies));
  g_assert_cmpuint (rows_after->len, <, rows->len);
}

static void
wait_for_agency (RecOverviewPage *page)
{
  while (_rec_overview_page_is_agency_pending (page))
    g_main_context_iteration (NULL, TRUE);
}

/* Sets the agency's figure (and its day, unless NULL) through the session,
 * as Case Details does. */
static void
set_agency_figure (RecCaseSession *session,
                   RecCents        cents,
                   const GDate    *as_of)
{
  g_autoptr(RecCaseInfo) info = rec_case_info_copy (rec_case_session_get_info (session));
  g_autoptr(GError) error = NULL;

  info->has_agency_balance = TRUE;
  info->agency_balance_cents = cents;
  if (as_of != NULL)
    info->agency_balance_as_of = *as_of;
  else
    g_date_clear (&info->agency_balance_as_of, 1);
  g_assert_true (rec_case_session_update_info (session, info, &error));
  g_assert_no_error (error);
}

/* The agency's figure (issue 14 point 5): no group without one; with one,
 * the agency's amount and day, ours on that day, the difference and the
 * sentence, following Case Details' changes; without its day, no
 * comparison. */
static void
test_agency_row (PageFixture   *fixture,
                 gconstpointer  data)
{
  RecOverviewPage *page = overview (fixture, TRUE);
  GDate as_of = fixture->today;
  RecAgencyComparison expected = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *day = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *ours_title = NULL;
  g_autofree char *difference_title = NULL;
  g_autofree char *sentence = NULL;
  const char *shown_ours = NULL;
  const char *shown_difference = NULL;
  const char *shown_sentence = NULL;
  const RecRenderer renderer = { NULL, NULL, rec_case_session_get_info (fixture->session)->currency,
                                 NULL };

  g_object_set (page, "session", fixture->session, NULL);
  wait_for_agency (page);
  g_assert_false (rec_case_session_get_info (fixture->session)->has_agency_balance);
  g_assert_null (_rec_overview_page_get_agency (page, NULL, NULL, NULL));

  /* A figure 123.45 below ours, stated three months ago. */
  g_date_subtract_months (&as_of, 3);
  set_agency_figure (fixture->session, 0, &as_of);
  g_assert_true (rec_agency_compare (rec_case_session_get_data (fixture->session),
                                     rec_case_session_get_rules (fixture->session), &expected,
                                     &error));
  g_assert_no_error (error);
  set_agency_figure (fixture->session, expected.ours_cents - 12345, &as_of);
  g_assert_true (rec_agency_compare (rec_case_session_get_data (fixture->session),
                                     rec_case_session_get_rules (fixture->session), &expected,
                                     &error));
  g_assert_cmpint (expected.difference_cents, ==, 12345);
  g_assert_true (_rec_overview_page_is_agency_pending (page));
  wait_for_agency (page);

  stated = rec_gui_format_cents (fixture->session, expected.agency_cents);
  day = rec_gui_format_date (&as_of);
  ours = rec_gui_format_cents (fixture->session, expected.ours_cents);
  difference = rec_gui_format_cents (fixture->session, 12345);
  title = g_strdup_printf ("The agency says %s (as of %s)", stated, day);
  ours_title = g_strdup_printf ("Recourse for the same day: %s", ours);
  difference_title = g_strdup_printf ("Difference: %s", difference);
  sentence = rec_agency_comparison_text (&expected, &renderer);
  g_assert_cmpstr (_rec_overview_page_get_agency (page, &shown_ours, &shown_difference,
                                                  &shown_sentence), ==, title);
  g_assert_cmpstr (shown_ours, ==, ours_title);
  g_assert_cmpstr (shown_difference, ==, difference_title);
  g_assert_cmpstr (shown_sentence, ==, sentence);
  g_assert_nonnull (strstr (shown_sentence, "lower"));
  g_assert_nonnull (strstr (shown_sentence, "audit"));

  /* Case Details changes it: the rows follow. */
  set_agency_figure (fixture->session, expected.ours_cents, &as_of);
  wait_for_agency (page);
  g_clear_pointer (&difference_title, g_free);
  g_clear_pointer (&difference, g_free);
  difference = rec_gui_format_cents (fixture->session, 0);
  difference_title = g_strdup_printf ("Difference: %s", difference);
  g_assert_nonnull (_rec_overview_page_get_agency (page, NULL, &shown_difference, &shown_sentence));
  g_assert_cmpstr (shown_difference, ==, difference_title);
  g_assert_cmpstr (shown_sentence, ==, "The figures agree.");

  /* No day: the amount, nothing to compare it with. */
  set_agency_figure (fixture->session, 50000, NULL);
  wait_for_agency (page);
  g_clear_pointer (&stated, g_free);
  g_clear_pointer (&title, g_free);
  stated = rec_gui_format_cents (fixture->session, 50000);
  title = g_strdup_printf ("The agency says %s", stated);
  g_assert_cmpstr (_rec_overview_page_get_agency (page, &shown_ours, &shown_difference, NULL), ==,
                   title);
  g_assert_null (shown_ours);
  g_assert_null (shown_difference);

  /* Undone back to none: the group goes. */
  while (rec_case_session_get_info (fixture->session)->has_agency_balance)
    {
      g_assert_true (rec_case_session_undo (fixture->session, &error));
      g_assert_no_error (error);
    }
  wait_for_agency (page);
  g_assert_null (_rec_overview_page_get_agency (page, NULL, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("test-ui-overview: no display\n");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, PageFixture, NULL, page_fixture_set_up, func, page_fixture_tear_down)
  ADD ("/ui/page/lazy-load", test_page_lazy_load);
  ADD ("/ui/page/mapped-load", test_page_mapped_load);
  ADD ("/ui/page/replace", test_page_replace);
  ADD ("/ui/overview/empty-state", test_empty_state);
  ADD ("/ui/page/clear", test_page_clear);
  ADD ("/ui/page/out-of-sight", test_page_out_of_sight);
  ADD ("/ui/overview/interest-override", test_interest_override_row);
  ADD ("/ui/overview/payoff", test_payoff_card);
  ADD ("/ui/overview/follow-ups", test_follow_up_rows);
  ADD ("/ui/overview/next-dates", test_next_date_rows);
  ADD ("/ui/overview/next-dates-of-ended-steps", test_next_dates_of_ended_steps);
  ADD ("/ui/overview/remedies-after-edit", test_remedies_after_edit);
  ADD ("/ui/overview/agency", test_agency_row);
#undef ADD

  return g_test_run ();
}

/* test-ui-jurisdiction.c — the case's state in the window: New Case, Case
 * Details, the interest row and the payoff card, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-jurisdiction"

#include "config.h"

#include "rec-application.h"
#include "rec-application-private.h"
#include "rec-case-details-dialog.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-dialogs-private.h"
#include "rec-gui-util.h"
#include "rec-interest-override-dialog.h"
#include "rec-pages-private.h"
#include "rec-remedy-item.h"
#include "rec-rules.h"
#include "rec-store.h"
#include "rec-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef REC_TEST_NEW_CASE
/* Built twice (tests/ui/meson.build): as test-ui-new-case, only the New Case
 * test, which shows the real file chooser. For the sanitizer build
 * (suppressions also asked for in tests/lsan.supp): the chooser's icons go
 * through GIO's shared-mime-info cache (g_content_type_guess), kept until
 * exit; and it makes more than 2048 quarks, so GLib replaces its first quark
 * table, allocated when the library loads, without freeing it (readers take
 * no lock). Neither is ours. The slow unwinder lets the suppressions see the
 * system libraries' frames (they have no frame pointers); it costs seconds,
 * hence a program of its own. Only the sanitizer runtime calls these. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=8";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_content_type_guess\n"
         "leak:_dl_init\n";
}
#endif

typedef struct
{
  RecApplication *app;
  char           *dir;
  char           *demo_path;
} Fixture;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GDate today;

  /* Every test starts from the schema's default (California). */
  g_settings_reset (settings, "last-jurisdiction");
  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->demo_path = g_build_filename (fixture->dir, "demo.recourse", NULL);
  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (fixture->demo_path, demo, FALSE, &error));
  g_assert_no_error (error);

  fixture->app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      gtk_window_destroy (window);
      spin ();
    }
  spin ();
  g_clear_object (&fixture->app);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->demo_path);
  g_free (fixture->dir);
}

static RecWindow *
start_window (Fixture *fixture)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REC_IS_WINDOW (window));
  return REC_WINDOW (window);
}

static void
wait_for_load (RecWindow *window)
{
  for (int i = 0; i < 1000 && rec_window_get_loading_path (window) != NULL; i++)
    {
      g_usleep (5000);
      spin ();
    }
  g_assert_null (rec_window_get_loading_path (window));
}

#ifndef REC_TEST_NEW_CASE
static RecWindow *
open_demo (Fixture *fixture)
{
  RecWindow *window = start_window (fixture);

  g_assert_true (rec_application_open_path (fixture->app, fixture->demo_path,
                                            GTK_WINDOW (window)) == GTK_WINDOW (window));
  wait_for_load (window);
  spin ();
  g_assert_nonnull (rec_window_get_session (window));
  return window;
}

static RecOverviewPage *
overview_of (RecWindow *window)
{
  return REC_OVERVIEW_PAGE (rec_window_get_page (window, "overview"));
}

/* Picks `id` in Case Details and saves, as the user would. */
static void
change_jurisdiction (RecWindow  *window,
                     const char *id)
{
  g_autoptr(GtkWindow) dialog = NULL;
  g_autofree char *position = g_strdup_printf ("%u", rec_gui_jurisdiction_position (id));
  g_autofree char *shown = NULL;

  g_assert_cmpuint (rec_gui_jurisdiction_position (id), !=, GTK_INVALID_LIST_POSITION);
  dialog = g_object_ref_sink (rec_case_details_dialog_new (GTK_WINDOW (window),
                                                           rec_window_get_session (window)));
  gtk_window_present (dialog);
  spin ();
  _rec_dialog_set_field (dialog, "jurisdiction", position);
  shown = _rec_dialog_get_field (dialog, "jurisdiction");
  g_assert_cmpstr (shown, ==, position);
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
}

#endif

#ifdef REC_TEST_NEW_CASE
/* New Case as the user goes through it: the title and the state in the
 * first dialog, then the file chooser. */
static void
test_new_case_texas (Fixture       *fixture,
                     gconstpointer  data)
{
  RecWindow *window = start_window (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "Texas case.recourse", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *remembered = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *row;
  GtkWindow *chooser;
  GtkWidget *accept;
  RecCaseSession *session;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "new", NULL);
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  row = _rec_application_get_new_case_jurisdiction (dialog);
  g_assert_nonnull (row);
  /* No case made yet: California first. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, rec_gui_jurisdiction_position ("us-ca"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==,
                   "California");
  /* "Another state" is offered last. */
  g_assert_cmpstr (rec_gui_jurisdiction_ids ()[g_list_model_get_n_items (adw_combo_row_get_model (row)) - 1],
                   ==, "us");

  gtk_editable_set_text (_rec_application_get_new_case_title (dialog), "Rivera v. Rivera");
  adw_combo_row_set_selected (row, rec_gui_jurisdiction_position ("us-tx"));
  adw_message_dialog_response (dialog, "next");
  spin ();

  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Texas case.recourse");
  accept = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  for (int i = 0; i < 400 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_usleep (5000);
      spin ();
    }
  wait_for_load (window);

  session = rec_window_get_session (window);
  g_assert_nonnull (session);
  g_assert_cmpstr (rec_case_session_get_path (session), ==, path);
  g_assert_cmpstr (rec_case_session_get_info (session)->jurisdiction, ==, "us-tx");
  g_assert_cmpstr (rec_rules_get_id (rec_case_session_get_rules (session)), ==, "us-tx");

  /* The next case starts from this one's state. */
  remembered = g_settings_get_string (settings, "last-jurisdiction");
  g_assert_cmpstr (remembered, ==, "us-tx");
  g_assert_cmpstr (rec_gui_default_jurisdiction (), ==, "us-tx");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "new", NULL);
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (_rec_application_get_new_case_jurisdiction (dialog)),
                    ==, rec_gui_jurisdiction_position ("us-tx"));
  adw_message_dialog_response (dialog, "cancel");
  spin ();

  /* A remembered state the build does not have falls back to California. */
  g_settings_set_string (settings, "last-jurisdiction", "xx-zz");
  g_assert_cmpstr (rec_gui_default_jurisdiction (), ==, "us-ca");
}
#endif

#ifndef REC_TEST_NEW_CASE
/* Case Details changes the state: stored, the rules reloaded, every figure
 * recomputed; undo brings California back. */
static void
test_details_recompute (Fixture       *fixture,
                        gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecOverviewPage *overview = overview_of (window);
  g_autofree char *total_ca = g_strdup (_rec_overview_page_get_total (overview));
  RecCents interest_ca = rec_case_session_get_result (session)->interest_accrued_cents;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (rec_case_session_get_info (session)->jurisdiction, ==, "us-ca");
  g_assert_cmpint (interest_ca, >, 0);

  change_jurisdiction (window, "us-ny");
  g_assert_cmpstr (rec_case_session_get_info (session)->jurisdiction, ==, "us-ny");
  g_assert_cmpstr (rec_rules_get_id (rec_case_session_get_rules (session)), ==, "us-ny");
  /* New York has no automatic interest: none accrues without an override. */
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==, 0);
  g_assert_cmpstr (_rec_overview_page_get_total (overview), !=, total_ca);

  /* Texas: interest again, on its own terms (not California's figure). */
  change_jurisdiction (window, "us-tx");
  g_assert_cmpstr (rec_rules_get_id (rec_case_session_get_rules (session)), ==, "us-tx");
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, >, 0);
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, !=, interest_ca);

  /* In the file, not only in memory. */
  store = rec_store_open (fixture->demo_path, TRUE, &error);
  g_assert_no_error (error);
  stored = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->info->jurisdiction, ==, "us-tx");
  g_clear_object (&store);

  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (rec_rules_get_id (rec_case_session_get_rules (session)), ==, "us-ca");
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==, interest_ca);
  g_assert_cmpstr (_rec_overview_page_get_total (overview), ==, total_ca);
}

/* The interest row: California's rate with its source and date; New York
 * says interest is not automatic and how to add the court's rate. */
static void
test_interest_notice (Fixture       *fixture,
                      gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecOverviewPage *overview = overview_of (window);
  const RecRules *rules = rec_case_session_get_rules (session);
  const char *source = NULL;
  const char *detail = NULL;
  const char *title;
  const RecArrearsResult *result;
  GListModel *rows;
  guint with_verdict = 0;
  gboolean seen[REC_N_ENGINE_REMEDIES] = { FALSE, };

  title = _rec_overview_page_get_interest (overview, &source);
  g_assert_cmpstr (title, ==, "10% a year");
  g_assert_nonnull (strstr (source, rec_rules_get_interest_citation (rules)));
  g_assert_nonnull (strstr (source, "rules checked"));
  g_assert_null (_rec_overview_page_get_interest_notice (overview, NULL));

  change_jurisdiction (window, "us-ny");
  rules = rec_case_session_get_rules (session);
  g_assert_false (rec_rules_has_automatic_interest (rules, FALSE));
  title = _rec_overview_page_get_interest (overview, &source);
  g_assert_cmpstr (title, ==, "No automatic interest in New York");
  g_assert_nonnull (strstr (source, rec_rules_get_interest_citation (rules)));
  title = _rec_overview_page_get_interest_notice (overview, &detail);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "interest override"));
  /* It points to the editor, not to editing JSON by hand. */
  g_assert_nonnull (strstr (detail, "Interest Rate Overrides"));
  g_assert_null (strstr (detail, "interest_overrides"));

  /* The remedies are New York's: its rules file's, nothing else. */
  rec_window_select_page (window, "enforcement");
  spin ();
  result = rec_case_session_get_result (session);
  rows = _rec_enforcement_page_get_rows (REC_ENFORCEMENT_PAGE (rec_window_get_page (window,
                                                                                    "enforcement")));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RecRemedyItem) item = g_list_model_get_item (rows, i);

      /* Each remedy once (an "other" one per step). */
      if (item->remedy != REC_REMEDY_OTHER)
        {
          g_assert_false (seen[item->remedy]);
          seen[item->remedy] = TRUE;
        }
      /* Without a verdict: only a step the user recorded (for a remedy
       * New York does not have, or an "other" one). */
      if (!item->has_verdict)
        {
          g_assert_nonnull (item->step);
          continue;
        }
      g_assert_cmpuint (with_verdict, <, result->remedies->len);
      g_assert_cmpint (item->remedy, ==,
                       g_array_index (result->remedies, RecRemedyResult, with_verdict).remedy);
      with_verdict++;
    }
  g_assert_cmpuint (with_verdict, ==, result->remedies->len);

  /* Back to a state with interest: the notice goes. */
  change_jurisdiction (window, "us-ca");
  g_assert_null (_rec_overview_page_get_interest_notice (overview, NULL));
}

/* The title and subtitle of the overrides list's row `index` (NULL when the
 * list shows its placeholder). */
static const char *
override_row (RecWindow   *window,
              int          index,
              const char **out_subtitle)
{
  GtkListBox *list = _rec_order_page_get_overrides (REC_ORDER_PAGE (rec_window_get_page (window,
                                                                                        "order")));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  if (row == NULL)
    return NULL;
  if (out_subtitle != NULL)
    *out_subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GtkWindow *
open_override_dialog (RecWindow  *window,
                      const char *action,
                      GVariant   *target)
{
  GtkWidget *page = rec_window_get_page (window, "order");
  GtkWindow *dialog;

  rec_window_select_page (window, "order");
  spin ();
  gtk_widget_activate_action_variant (page, action, target);
  spin ();
  dialog = find_toplevel (REC_TYPE_INTEREST_OVERRIDE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return g_object_ref (dialog);
}

/* New York has no automatic interest: a court's rate added on the Support
 * Order page makes the Overview's interest more than 0; editing the rate
 * changes it; deleting the override takes it back to 0 and undo restores it. */
static void
test_interest_override_editor (Fixture       *fixture,
                               gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecOverviewPage *overview = overview_of (window);
  GListModel *overrides = rec_case_session_get_interest_overrides (session);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecInterestOverride) added = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total_none = NULL;
  g_autofree char *total_six = NULL;
  const char *title;
  const char *subtitle = NULL;
  const char *notice;
  RecCents interest_six, interest_nine;
  GDate today, from;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  change_jurisdiction (window, "us-ny");
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 0);
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==, 0);
  total_none = g_strdup (_rec_overview_page_get_total (overview));
  g_assert_null (override_row (window, 0, NULL));

  /* The demo case's arrears span the last years: a rate over the last two. */
  rec_date_set_today (&today);
  from = today;
  g_date_subtract_years (&from, 2);
  from_iso = rec_date_to_iso (&from);
  to_iso = rec_date_to_iso (&today);

  dialog = open_override_dialog (window, "order.add-override", NULL);
  /* Each rule inline, Save refused until every field is right. */
  _rec_dialog_set_field (dialog, "from", to_iso);
  _rec_dialog_set_field (dialog, "to", from_iso);
  _rec_dialog_set_field (dialog, "rate", "6");
  _rec_dialog_set_field (dialog, "reason", "Court order, willful default (FCA 460)");
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_cmpstr (_rec_dialog_get_error (dialog, "to"), ==,
                   "The rate cannot end before it starts");
  _rec_dialog_set_field (dialog, "from", from_iso);
  _rec_dialog_set_field (dialog, "to", to_iso);
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_null (_rec_dialog_get_error (dialog, "to"));
  _rec_dialog_set_field (dialog, "rate", "101");
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_cmpstr (_rec_dialog_get_error (dialog, "rate"), ==, "\"101\" is not a rate from 0 to 100");
  _rec_dialog_set_field (dialog, "rate", "six");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "rate"));
  _rec_dialog_set_field (dialog, "rate", "6");
  _rec_dialog_set_field (dialog, "reason", "  ");
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_cmpstr (_rec_dialog_get_error (dialog, "reason"), ==, "This cannot be empty");
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 0);
  _rec_dialog_set_field (dialog, "reason", "Court order, willful default (FCA 460)");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
  g_clear_object (&dialog);

  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 1);
  added = g_list_model_get_item (overrides, 0);
  g_assert_cmpint (added->rate_basis_points, ==, 600);
  g_assert_cmpint (rec_date_compare (&added->from, &from), ==, 0);
  g_assert_cmpint (rec_date_compare (&added->to, &today), ==, 0);
  g_assert_cmpstr (added->reason, ==, "Court order, willful default (FCA 460)");
  interest_six = rec_case_session_get_result (session)->interest_accrued_cents;
  g_test_message ("New York, 6%% over two years: %" G_GINT64_FORMAT " cents of interest",
                  interest_six);
  g_assert_cmpint (interest_six, >, 0);
  total_six = g_strdup (_rec_overview_page_get_total (overview));
  g_assert_cmpstr (total_six, !=, total_none);
  notice = _rec_overview_page_get_interest_notice (overview, NULL);
  g_assert_nonnull (strstr (notice, "1 interest override"));
  title = override_row (window, 0, &subtitle);
  g_assert_cmpstr (title, ==, "6% a year");
  g_assert_nonnull (strstr (subtitle, "willful default"));
  g_assert_null (override_row (window, 1, NULL));

  /* In the file too. */
  store = rec_store_open (fixture->demo_path, TRUE, &error);
  g_assert_no_error (error);
  stored = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->interest_overrides->len, ==, 1);
  g_clear_pointer (&stored, rec_case_data_free);
  g_clear_object (&store);

  /* Edit: 9 % counts more than 6 %. */
  dialog = open_override_dialog (window, "order.edit-override", g_variant_new_int64 (added->entity.id));
  {
    g_autofree char *rate = _rec_dialog_get_field (dialog, "rate");
    g_autofree char *reason = _rec_dialog_get_field (dialog, "reason");

    g_assert_cmpstr (rate, ==, "6");
    g_assert_cmpstr (reason, ==, "Court order, willful default (FCA 460)");
  }
  _rec_dialog_set_field (dialog, "rate", "9.5");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();
  g_clear_object (&dialog);
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 1);
  interest_nine = rec_case_session_get_result (session)->interest_accrued_cents;
  g_assert_cmpint (interest_nine, >, interest_six);
  g_assert_cmpstr (override_row (window, 0, NULL), ==, "9.5% a year");

  /* Delete: back to no interest; undo brings the 9.5 % back. */
  rec_window_select_page (window, "order");
  gtk_widget_activate_action (rec_window_get_page (window, "order"), "order.delete-override", "x",
                              added->entity.id);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 0);
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==, 0);
  g_assert_cmpstr (_rec_overview_page_get_total (overview), ==, total_none);
  g_assert_null (override_row (window, 0, NULL));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 1);
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==,
                   interest_nine);
  g_assert_cmpstr (override_row (window, 0, NULL), ==, "9.5% a year");

  /* Undo the edit: 6 % again. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  spin ();
  g_assert_cmpint (rec_case_session_get_result (session)->interest_accrued_cents, ==,
                   interest_six);
  g_assert_cmpstr (override_row (window, 0, NULL), ==, "6% a year");
}

static void
type_payoff (RecOverviewPage *overview,
             const char      *text)
{
  gint64 start = g_get_monotonic_time ();

  gtk_editable_set_text (_rec_overview_page_get_payoff_entry (overview), text);
  for (int i = 0; i < 2000 && _rec_overview_page_is_payoff_pending (overview); i++)
    {
      g_usleep (1000);
      spin ();
    }
  g_assert_false (_rec_overview_page_is_payoff_pending (overview));
  g_test_message ("payoff of %s shown after %.1f ms", text,
                  (g_get_monotonic_time () - start) / 1000.0);
}

/* What if the payer pays…: a date for enough, "never" for a cent, an
 * inline error for what is not an amount. */
static void
test_payoff_card (Fixture       *fixture,
                  gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecOverviewPage *overview = overview_of (window);
  const char *result;

  g_assert_null (_rec_overview_page_get_payoff_result (overview));
  g_assert_null (_rec_overview_page_get_payoff_error (overview));

  type_payoff (overview, "2000");
  result = _rec_overview_page_get_payoff_result (overview);
  g_assert_nonnull (result);
  g_test_message ("%s", result);
  g_assert_true (g_str_has_prefix (result, "Paid off on "));
  g_assert_null (_rec_overview_page_get_payoff_error (overview));
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (overview), >, 0);
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (overview), <=, 12);

  type_payoff (overview, "0.01");
  g_assert_cmpstr (_rec_overview_page_get_payoff_result (overview), ==, "Never at this amount");
  /* 600 months: the table shows the first twelve. */
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (overview), ==, 12);

  type_payoff (overview, "12,50x");
  g_assert_nonnull (_rec_overview_page_get_payoff_error (overview));
  g_assert_null (_rec_overview_page_get_payoff_result (overview));
  g_assert_cmpuint (_rec_overview_page_get_payoff_rows (overview), ==, 0);

  type_payoff (overview, "0");
  g_assert_cmpstr (_rec_overview_page_get_payoff_error (overview), ==,
                   "Amount must be more than zero");

  type_payoff (overview, "");
  g_assert_null (_rec_overview_page_get_payoff_error (overview));
  g_assert_null (_rec_overview_page_get_payoff_result (overview));
}

#endif

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/jurisdiction/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
#ifdef REC_TEST_NEW_CASE
  ADD ("/ui/jurisdiction/new-case-texas", test_new_case_texas);
#else
  ADD ("/ui/jurisdiction/details-recompute", test_details_recompute);
  ADD ("/ui/jurisdiction/interest-notice", test_interest_notice);
  ADD ("/ui/jurisdiction/payoff-card", test_payoff_card);
  ADD ("/ui/jurisdiction/interest-override-editor", test_interest_override_editor);
#endif
  return g_test_run ();
}

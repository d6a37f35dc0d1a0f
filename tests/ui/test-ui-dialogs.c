/* test-ui-dialogs.c — the editor dialogs against a real case file, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-dialogs"

#include "config.h"

#include "rec-balance-chart.h"
#include "rec-case-details-dialog.h"
#include "rec-case-session.h"
#include "rec-charge-dialog.h"
#include "rec-child-dialog.h"
#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-dialogs-private.h"
#include "rec-enforcement-dialog.h"
#include "rec-interest-override-dialog.h"
#include "rec-payment-dialog.h"
#include "rec-store.h"
#include "rec-term-dialog.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <time.h>

typedef struct
{
  char           *dir;
  char           *path;
  RecCaseSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "case.recourse", NULL);

  rec_set_str (&info->title, "Rivera v. Rivera");
  rec_set_str (&info->jurisdiction, "us-ca");
  rec_set_str (&info->obligor.name, "Daniel Rivera");
  store = rec_store_create (fixture->path, info, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  fixture->session = rec_case_session_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Dialogs are toplevels owned by GTK; the test keeps its own reference so it
 * can still ask a closed dialog whether it saved. */
static GtkWindow *
hold (GtkWindow *dialog)
{
  g_assert_true (GTK_IS_WINDOW (dialog));
  return g_object_ref (dialog);
}

static void
close_dialog (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

/* Whether the dialog is still one of GTK's toplevels (not closed). */
static gboolean
is_open (GtkWindow *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == dialog)
        return TRUE;
    }

  return FALSE;
}

static void
assert_field (GtkWindow  *dialog,
              const char *field,
              const char *expected)
{
  g_autofree char *text = _rec_dialog_get_field (dialog, field);

  g_assert_cmpstr (text, ==, expected);
}

static guint
n_payments (Fixture *fixture)
{
  return g_list_model_get_n_items (rec_case_session_get_payments (fixture->session));
}

static gpointer
first_item (GListModel *model)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static void
add_payment (Fixture    *fixture,
             const char *date,
             const char *amount)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));

  _rec_dialog_set_field (dialog, "date", date);
  _rec_dialog_set_field (dialog, "amount", amount);
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_true (_rec_dialog_save (dialog));
  g_assert_false (is_open (dialog));
  g_object_unref (dialog);
}

static void
test_payment_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *amount;
    const char *error;
  } cases[] = {
    /* The core's parser words the errors; each names the text. */
    { "0", "Amount must be more than zero" },
    { "-5", "Amount must be more than zero" },
    { "1.234", "1.234" },
    { "12.5.0", "12.5.0" },
    { "12 dollars", "12 dollars" },
    { "", "Enter an amount" },
    { "1000000000", "1000000000" },
  };
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));

  /* A new payment is dated today and has no amount yet: not savable, but no
   * error is shown for a field the user has not touched. */
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_null (_rec_dialog_get_error (dialog, "amount"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *shown;

      _rec_dialog_set_field (dialog, "amount", cases[i].amount);
      shown = _rec_dialog_get_error (dialog, "amount");
      g_test_message ("amount “%s”: %s", cases[i].amount, shown);
      g_assert_nonnull (shown);
      g_assert_nonnull (strstr (shown, cases[i].error));
      g_assert_false (_rec_dialog_can_save (dialog));
      g_assert_false (_rec_dialog_save (dialog));
      g_assert_true (is_open (dialog));
      g_assert_cmpuint (n_payments (fixture), ==, 0);
    }

  _rec_dialog_set_field (dialog, "amount", "12.50");
  g_assert_null (_rec_dialog_get_error (dialog, "amount"));
  _rec_dialog_set_field (dialog, "date", "2023-02-29");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "date"));
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_cmpuint (n_payments (fixture), ==, 0);

  close_dialog (dialog);
}

static void
test_payment_valid (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));
  g_autoptr(RecPayment) payment = NULL;
  g_autofree char *iso = NULL;

  /* The calendar fills the field in the form dates are shown in; typing
   * ISO works too. */
  _rec_dialog_pick_date (dialog, "date", "2024-02-29");
  iso = _rec_dialog_get_field (dialog, "date");
  g_assert_cmpstr (iso, ==, "02/29/2024");
  g_clear_pointer (&iso, g_free);
  _rec_dialog_set_field (dialog, "date", "2024-03-05");
  _rec_dialog_set_field (dialog, "amount", " 850.5 ");
  _rec_dialog_set_field (dialog, "method", "0");
  _rec_dialog_set_field (dialog, "reference", "1043");
  g_assert_null (_rec_dialog_get_error (dialog, "amount"));
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_true (_rec_dialog_save (dialog));
  g_assert_null (_rec_dialog_get_error (dialog, NULL));
  g_object_unref (dialog);

  g_assert_cmpuint (n_payments (fixture), ==, 1);
  payment = first_item (rec_case_session_get_payments (fixture->session));
  iso = rec_date_to_iso (&payment->date);
  g_assert_cmpint (payment->amount_cents, ==, 85050);
  g_assert_cmpstr (iso, ==, "2024-03-05");
  g_assert_cmpint (payment->method, ==, REC_PAYMENT_METHOD_CHECK);
  g_assert_cmpstr (payment->reference, ==, "1043");
  g_assert_cmpint (payment->entity.id, >, 0);
}

static void
test_payment_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RecPayment) stored = NULL;
  g_autoptr(RecPayment) edited = NULL;
  g_autofree char *amount = NULL;
  GtkWindow *dialog;

  add_payment (fixture, "2024-01-02", "100");
  stored = first_item (rec_case_session_get_payments (fixture->session));

  dialog = hold (rec_payment_dialog_new (NULL, fixture->session, stored));
  amount = _rec_dialog_get_field (dialog, "amount");
  g_assert_cmpstr (amount, ==, "$100.00");
  g_assert_true (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "amount", "99.99");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  g_assert_cmpuint (n_payments (fixture), ==, 1);
  edited = first_item (rec_case_session_get_payments (fixture->session));
  g_assert_cmpint (edited->entity.id, ==, stored->entity.id);
  g_assert_cmpint (edited->amount_cents, ==, 9999);
}

/* A save the case file refuses (here: the payment was deleted meanwhile)
 * shows the error in the dialog, which stays open for the user to cancel. */
/* Finds the dialog's Escape shortcut and runs its action, as a key press
 * would (GTK 4.8 has no public way to synthesize the key itself). */
static gboolean
press_escape (GtkWindow *dialog)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (dialog), NULL);
        }
    }

  return FALSE;
}

/* Answers the "Discard changes?" prompt the dialog opened. */
static void
answer_prompt (GtkWindow  *dialog,
               const char *response)
{
  GtkWindow *prompt = _rec_dialog_get_discard_prompt (dialog);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (prompt));
  g_assert_true (is_open (prompt));
  /* A heading and a body: what discarding loses. */
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (prompt)), ==,
                   "Discard changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (prompt)), ==,
                   "The changes you made in this window will be lost.");
  g_assert_true (gtk_window_get_transient_for (prompt) == dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (prompt), response);
}

/* Escape on an unchanged form closes it at once; on a changed one it asks,
 * and Keep Editing keeps what was typed. */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));
  g_autofree char *amount = NULL;

  g_assert_true (press_escape (dialog));
  g_assert_false (is_open (dialog));
  g_assert_null (_rec_dialog_get_discard_prompt (dialog));
  g_object_unref (dialog);

  dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));
  _rec_dialog_set_field (dialog, "amount", "10");
  g_assert_true (press_escape (dialog));
  g_assert_true (is_open (dialog));
  answer_prompt (dialog, "keep");
  g_assert_true (is_open (dialog));
  amount = _rec_dialog_get_field (dialog, "amount");
  g_assert_cmpstr (amount, ==, "10");

  /* Typed back to what it was: nothing to lose, no question. */
  _rec_dialog_set_field (dialog, "amount", "");
  g_assert_true (press_escape (dialog));
  g_assert_false (is_open (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (n_payments (fixture), ==, 0);
}

/* A field's note or error stands directly under its own row, in the same
 * boxed list (an AdwPreferencesGroup puts other children after the whole
 * list), and only while it has something to say. */
static void
assert_note_under_row (GtkWindow  *dialog,
                       const char *name,
                       gboolean    shown)
{
  GtkWidget *label = NULL;
  GtkWidget *widget = _rec_dialog_get_field_widget (dialog, name, &label);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_parent (label);
  g_test_message ("%s: note row %s", name, G_OBJECT_TYPE_NAME (row));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_true (gtk_widget_get_parent (row) == gtk_widget_get_parent (widget));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + 1);
  g_assert_cmpint (gtk_widget_get_visible (row), ==, shown);
  g_assert_cmpint (gtk_widget_get_visible (label), ==, shown);
  g_assert_false (gtk_widget_get_focusable (row));
}

static void
test_note_under_its_row (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));

  gtk_window_present (dialog);
  assert_note_under_row (dialog, "date", FALSE);
  assert_note_under_row (dialog, "amount", FALSE);
  _rec_dialog_set_field (dialog, "amount", "ten");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "amount"));
  assert_note_under_row (dialog, "amount", TRUE);
  _rec_dialog_set_field (dialog, "amount", "10");
  assert_note_under_row (dialog, "amount", FALSE);
  _rec_dialog_set_field (dialog, "date", "2099-01-01");
  g_assert_nonnull (_rec_dialog_get_note (dialog, "date"));
  assert_note_under_row (dialog, "date", TRUE);
  close_dialog (dialog);

  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, NULL));
  gtk_window_present (dialog);
  _rec_dialog_set_field (dialog, "date", "soon");
  assert_note_under_row (dialog, "date", TRUE);
  assert_note_under_row (dialog, "time", FALSE);
  _rec_dialog_set_field (dialog, "time", "25:99");
  assert_note_under_row (dialog, "time", TRUE);
  close_dialog (dialog);
}

static void
test_session_error_keeps_dialog (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPayment) stored = NULL;
  GtkWindow *dialog;

  add_payment (fixture, "2024-01-02", "100");
  stored = first_item (rec_case_session_get_payments (fixture->session));
  dialog = hold (rec_payment_dialog_new (NULL, fixture->session, stored));
  g_assert_true (rec_case_session_delete (fixture->session, G_OBJECT (stored), &error));
  g_assert_no_error (error);

  _rec_dialog_set_field (dialog, "amount", "200");
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_nonnull (_rec_dialog_get_error (dialog, NULL));
  g_test_message ("save error: %s", _rec_dialog_get_error (dialog, NULL));
  g_assert_true (is_open (dialog));
  g_assert_cmpuint (n_payments (fixture), ==, 0);
  close_dialog (dialog);
}

static void
test_cancel_stores_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RecPayment) stored = NULL;
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));

  _rec_dialog_set_field (dialog, "amount", "10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  g_assert_true (is_open (dialog));
  answer_prompt (dialog, "discard");
  g_assert_false (is_open (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (n_payments (fixture), ==, 0);

  /* The window's close button asks too, and so does an edit; an edit
   * closed unchanged does not. */
  add_payment (fixture, "2024-01-02", "100");
  stored = first_item (rec_case_session_get_payments (fixture->session));
  dialog = hold (rec_payment_dialog_new (NULL, fixture->session, stored));
  gtk_window_present (dialog);
  gtk_window_close (dialog);
  g_assert_false (is_open (dialog));
  g_object_unref (dialog);

  dialog = hold (rec_payment_dialog_new (NULL, fixture->session, stored));
  gtk_window_present (dialog);
  _rec_dialog_set_field (dialog, "reference", "1044");
  gtk_window_close (dialog);
  g_assert_true (is_open (dialog));
  answer_prompt (dialog, "discard");
  g_assert_false (is_open (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = first_item (rec_case_session_get_payments (fixture->session));
  g_assert_true (stored->reference == NULL || stored->reference[0] == '\0');
}

static void
test_term_end_before_effective (Fixture       *fixture,
                                gconstpointer  data)
{
  GListModel *terms = rec_case_session_get_terms (fixture->session);
  GtkWindow *dialog = hold (rec_term_dialog_new (NULL, fixture->session, NULL));
  g_autoptr(RecTerm) term = NULL;

  _rec_dialog_set_field (dialog, "amount", "850");
  _rec_dialog_set_field (dialog, "effective", "2024-01-01");
  _rec_dialog_set_field (dialog, "end", "2023-12-31");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "end"));
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 0);

  /* Moving the effective date back cures the end date. */
  _rec_dialog_set_field (dialog, "effective", "2023-01-01");
  g_assert_null (_rec_dialog_get_error (dialog, "end"));

  /* Semimonthly with the same day twice is refused. */
  _rec_dialog_set_field (dialog, "frequency", "1");
  _rec_dialog_set_field (dialog, "due_day_1", "14");
  _rec_dialog_set_field (dialog, "due_day_2", "14");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "due_day_2"));
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "due_day_2", "0");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 1);
  term = first_item (terms);
  g_assert_cmpint (term->amount_cents, ==, 85000);
  g_assert_cmpint (term->frequency, ==, REC_FREQUENCY_SEMIMONTHLY);
  g_assert_cmpint (term->due_days[0], ==, 1);
  g_assert_cmpint (term->due_days[1], ==, 15);

  /* Editing shows what was stored; switch to monthly, due the 31st. */
  dialog = hold (rec_term_dialog_new (NULL, fixture->session, term));
  assert_field (dialog, "frequency", "1");
  assert_field (dialog, "due_day_1", "0");
  assert_field (dialog, "due_day_2", "14");
  assert_field (dialog, "effective", "01/01/2023");
  assert_field (dialog, "end", "12/31/2023");
  assert_field (dialog, "amount", "$850.00");
  _rec_dialog_set_field (dialog, "frequency", "0");
  /* Positions 0 and 1 are the last day of the month, then the days. */
  _rec_dialog_set_field (dialog, "due_day", "32");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  g_clear_object (&term);
  term = first_item (terms);
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 1);
  g_assert_cmpint (term->frequency, ==, REC_FREQUENCY_MONTHLY);
  g_assert_cmpint (term->due_day, ==, 31);
}

static void
test_case_details_title (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_case_details_dialog_new (NULL, fixture->session));
  g_autofree char *title = _rec_dialog_get_field (dialog, "title");

  g_assert_cmpstr (title, ==, "Rivera v. Rivera");
  _rec_dialog_set_field (dialog, "title", "   ");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "title"));
  g_assert_false (_rec_dialog_save (dialog));

  _rec_dialog_set_field (dialog, "title", "In re Marriage of Rivera");
  _rec_dialog_set_field (dialog, "agency_enforced", "true");
  _rec_dialog_set_field (dialog, "obligee_name", "Maria Rivera");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  g_assert_cmpstr (rec_case_session_get_info (fixture->session)->title, ==,
                   "In re Marriage of Rivera");
  g_assert_true (rec_case_session_get_info (fixture->session)->agency_enforced);
  g_assert_cmpstr (rec_case_session_get_info (fixture->session)->obligee.name, ==,
                   "Maria Rivera");
  g_assert_cmpstr (rec_case_session_get_info (fixture->session)->obligor.name, ==,
                   "Daniel Rivera");
}

/* Runs `fn` with the system's time zone set to `zone` (GLib rereads TZ). */
static void
set_time_zone (const char *zone)
{
  if (zone != NULL)
    g_setenv ("TZ", zone, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

/* Times are typed in local time; the offset is the system zone's on that
 * day (summer and winter differ); a time recorded elsewhere keeps its
 * offset, which is then shown. */
static void
test_communication_local_time (Fixture       *fixture,
                               gconstpointer  data)
{
  GListModel *log = rec_case_session_get_communications (fixture->session);
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(RecCommunication) stored = NULL;
  g_autoptr(RecCommunication) other = rec_communication_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *with = NULL;
  g_autofree char *time = NULL;
  GtkWindow *dialog;

  set_time_zone ("America/Los_Angeles");
  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, NULL));
  with = _rec_dialog_get_field (dialog, "with");
  g_assert_cmpstr (with, ==, "Daniel Rivera");
  _rec_dialog_set_field (dialog, "date", "04/02/2023");
  _rec_dialog_set_field (dialog, "time", "25:00");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "time"));
  g_assert_false (_rec_dialog_save (dialog));
  /* The hour the clocks skip in spring does not exist. */
  _rec_dialog_set_field (dialog, "date", "03/12/2023");
  _rec_dialog_set_field (dialog, "time", "2:30");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "time"));
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "date", "04/02/2023");
  _rec_dialog_set_field (dialog, "time", "6:30 pm");
  g_assert_null (_rec_dialog_get_error (dialog, "time"));
  g_assert_null (_rec_dialog_get_note (dialog, "time"));
  _rec_dialog_set_field (dialog, "summary", "Says he will pay April next week.\nAgain.");
  _rec_dialog_set_field (dialog, "follow_up", "2023-04-10");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  stored = first_item (log);
  g_assert_cmpstr (stored->at, ==, "2023-04-02T18:30:00-07:00");
  g_assert_cmpint (stored->at_unix, ==, 1680485400);
  g_assert_cmpstr (stored->summary, ==, "Says he will pay April next week.\nAgain.");

  /* Editing shows the local time, without an offset; a winter date takes
   * the winter offset. */
  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, stored));
  time = _rec_dialog_get_field (dialog, "time");
  g_assert_cmpstr (time, ==, "18:30");
  assert_field (dialog, "date", "04/02/2023");
  g_assert_null (_rec_dialog_get_note (dialog, "time"));
  _rec_dialog_set_field (dialog, "date", "01/10/2023");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = first_item (log);
  g_assert_cmpstr (stored->at, ==, "2023-01-10T18:30:00-08:00");

  /* Recorded in New York: shown in local time, the recorded offset noted;
   * saved unchanged, the recorded time stays as it was. */
  rec_set_str (&other->at, "2023-04-02T21:30:00-04:00");
  g_assert_true (rec_timestamp_parse (other->at, &other->at_unix, NULL));
  rec_set_str (&other->subject, "Call from the agency");
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (other), &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  for (guint i = 0; i < g_list_model_get_n_items (log) && other == NULL; i++)
    {
      g_autoptr(RecCommunication) item = g_list_model_get_item (log, i);

      if (g_strcmp0 (item->subject, "Call from the agency") == 0)
        other = g_steal_pointer (&item);
    }
  g_assert_nonnull (other);
  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, other));
  assert_field (dialog, "time", "18:30");
  g_assert_nonnull (_rec_dialog_get_note (dialog, "time"));
  g_test_message ("note: %s", _rec_dialog_get_note (dialog, "time"));
  g_assert_nonnull (strstr (_rec_dialog_get_note (dialog, "time"), "21:30"));
  _rec_dialog_set_field (dialog, "with", "Santa Clara County DCSS");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(RecCommunication) item = g_list_model_get_item (log, i);

      if (item->entity.id == other->entity.id)
        {
          g_assert_cmpstr (item->at, ==, "2023-04-02T21:30:00-04:00");
          g_assert_cmpstr (item->with, ==, "Santa Clara County DCSS");
        }
    }

  set_time_zone (saved_tz);
}

/* No subject and no summary: nothing to keep; the error shows once the
 * form was changed or a save tried. */
static void
test_communication_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *log = rec_case_session_get_communications (fixture->session);
  GtkWindow *dialog = hold (rec_communication_dialog_new (NULL, fixture->session, NULL));

  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_null (_rec_dialog_get_error (dialog, "summary"));
  _rec_dialog_set_field (dialog, "with", "Daniel");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "summary"));
  _rec_dialog_set_field (dialog, "summary", "  \n ");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "summary"));
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 0);

  _rec_dialog_set_field (dialog, "subject", "Missed pickup");
  g_assert_null (_rec_dialog_get_error (dialog, "summary"));
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
}

/* A payment dated after today is warned about, not refused. */
/* The Done switch of a follow-up (or of a step's next date): sensitive only
 * with a date, saved with the record as one change that undo takes back;
 * clearing the date turns it off. */
static gboolean
done_row_is_sensitive (GtkWindow  *dialog,
                       GType       type,
                       const char *switch_name)
{
  GObject *done = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, switch_name);

  g_assert_true (GTK_IS_SWITCH (done));
  return gtk_widget_is_sensitive (GTK_WIDGET (done));
}

static RecEntity *
find_record (GListModel *model,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RecEntity) item = g_list_model_get_item (model, i);

      if (item->id == id)
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
}

static void
test_communication_follow_up_done (Fixture       *fixture,
                                   gconstpointer  data)
{
  GListModel *log = rec_case_session_get_communications (fixture->session);
  GType type = REC_TYPE_COMMUNICATION_DIALOG;
  g_autoptr(RecCommunication) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gint64 id;

  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, NULL));
  g_assert_false (done_row_is_sensitive (dialog, type, "follow_up_done_switch"));
  assert_field (dialog, "follow_up_done", "false");
  _rec_dialog_set_field (dialog, "summary", "Asked for the missed payment.");
  _rec_dialog_set_field (dialog, "follow_up", "2023-04-10");
  g_assert_true (done_row_is_sensitive (dialog, type, "follow_up_done_switch"));
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  stored = first_item (log);
  id = stored->entity.id;
  g_assert_false (stored->follow_up_done);

  /* Marked done: one change. */
  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, stored));
  g_assert_true (done_row_is_sensitive (dialog, type, "follow_up_done_switch"));
  _rec_dialog_set_field (dialog, "follow_up_done", "true");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = REC_COMMUNICATION (find_record (log, id));
  g_assert_true (stored->follow_up_done);
  g_clear_object (&stored);
  g_assert_true (rec_case_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  stored = REC_COMMUNICATION (find_record (log, id));
  g_assert_false (stored->follow_up_done);
  g_assert_true (rec_date_is_set (&stored->follow_up));
  g_clear_object (&stored);
  g_assert_true (rec_case_session_redo (fixture->session, &error));
  g_assert_no_error (error);
  stored = REC_COMMUNICATION (find_record (log, id));
  g_assert_true (stored->follow_up_done);

  /* Shown as stored; clearing the date turns it off and makes it insensitive. */
  dialog = hold (rec_communication_dialog_new (NULL, fixture->session, stored));
  assert_field (dialog, "follow_up_done", "true");
  _rec_dialog_set_field (dialog, "follow_up", "");
  assert_field (dialog, "follow_up_done", "false");
  g_assert_false (done_row_is_sensitive (dialog, type, "follow_up_done_switch"));
  _rec_dialog_set_field (dialog, "follow_up", "2023-04-12");
  g_assert_true (done_row_is_sensitive (dialog, type, "follow_up_done_switch"));
  assert_field (dialog, "follow_up_done", "false");
  _rec_dialog_set_field (dialog, "follow_up", "");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = REC_COMMUNICATION (find_record (log, id));
  g_assert_false (rec_date_is_set (&stored->follow_up));
  g_assert_false (stored->follow_up_done);
}

static void
test_enforcement_next_done (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *steps = rec_case_session_get_enforcement (fixture->session);
  GType type = REC_TYPE_ENFORCEMENT_DIALOG;
  g_autoptr(RecEnforcementStep) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gint64 id;

  dialog = hold (rec_enforcement_dialog_new (NULL, fixture->session, NULL,
                                             REC_REMEDY_WAGE_GARNISHMENT));
  g_assert_false (done_row_is_sensitive (dialog, type, "next_done_switch"));
  _rec_dialog_set_field (dialog, "next_date", "2023-05-01");
  g_assert_true (done_row_is_sensitive (dialog, type, "next_done_switch"));
  _rec_dialog_set_field (dialog, "next_done", "true");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  stored = first_item (steps);
  id = stored->entity.id;
  g_assert_true (stored->next_done);

  /* Marked open again: one change that undo takes back. */
  dialog = hold (rec_enforcement_dialog_new (NULL, fixture->session, stored, 0));
  assert_field (dialog, "next_done", "true");
  _rec_dialog_set_field (dialog, "next_done", "false");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = REC_ENFORCEMENT_STEP (find_record (steps, id));
  g_assert_false (stored->next_done);
  g_clear_object (&stored);
  g_assert_true (rec_case_session_undo (fixture->session, &error));
  g_assert_no_error (error);
  stored = REC_ENFORCEMENT_STEP (find_record (steps, id));
  g_assert_true (stored->next_done);

  /* Clearing the next date clears it. */
  dialog = hold (rec_enforcement_dialog_new (NULL, fixture->session, stored, 0));
  _rec_dialog_set_field (dialog, "next_date", "");
  g_assert_false (done_row_is_sensitive (dialog, type, "next_done_switch"));
  assert_field (dialog, "next_done", "false");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_clear_object (&stored);
  stored = REC_ENFORCEMENT_STEP (find_record (steps, id));
  g_assert_false (rec_date_is_set (&stored->next_date));
  g_assert_false (stored->next_done);
}

static void
test_payment_future (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *iso = g_date_time_format (tomorrow, "%Y-%m-%d");

  _rec_dialog_set_field (dialog, "amount", "10");
  g_assert_null (_rec_dialog_get_note (dialog, "date"));
  _rec_dialog_set_field (dialog, "date", iso);
  g_assert_nonnull (_rec_dialog_get_note (dialog, "date"));
  g_assert_null (_rec_dialog_get_error (dialog, "date"));
  g_assert_true (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "date", "2024-01-02");
  g_assert_null (_rec_dialog_get_note (dialog, "date"));
  _rec_dialog_set_field (dialog, "date", iso);
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (n_payments (fixture), ==, 1);
}

static RecTerm *
term_of_kind (GListModel  *terms,
              RecTermKind  kind,
              const char  *effective)
{
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(RecTerm) term = g_list_model_get_item (terms, i);
      g_autofree char *iso = rec_date_to_iso (&term->effective);

      if (term->kind == kind && (effective == NULL || g_strcmp0 (iso, effective) == 0))
        return g_steal_pointer (&term);
    }

  g_assert_not_reached ();
}

/* A first term asks for its due day ("the order does not say" is one
 * answer); a term of a kind that has one takes the due day of the term it
 * modifies. */
static void
test_term_due_day (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *terms = rec_case_session_get_terms (fixture->session);
  g_autoptr(RecTerm) first = NULL;
  g_autoptr(RecTerm) second = NULL;
  g_autoptr(RecTerm) family = NULL;
  GtkWindow *dialog = hold (rec_term_dialog_new (NULL, fixture->session, NULL));

  _rec_dialog_set_field (dialog, "amount", "850");
  _rec_dialog_set_field (dialog, "effective", "2023-01-01");
  assert_field (dialog, "frequency", "0");
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_false (_rec_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 0);
  /* Weekly terms have no due day to ask for. */
  _rec_dialog_set_field (dialog, "frequency", "3");
  g_assert_true (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "frequency", "0");
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "due_day", "6");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  first = first_item (terms);
  g_assert_cmpint (first->due_day, ==, 5);

  /* The modification: same kind, the 5th again, without asking. */
  dialog = hold (rec_term_dialog_new (NULL, fixture->session, NULL));
  _rec_dialog_set_field (dialog, "amount", "900");
  _rec_dialog_set_field (dialog, "effective", "2024-07-01");
  g_assert_true (_rec_dialog_can_save (dialog));
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  second = term_of_kind (terms, first->kind, "2024-07-01");
  g_assert_cmpint (second->due_day, ==, 5);
  g_assert_cmpint (second->amount_cents, ==, 90000);

  /* Another kind has no term to modify: it asks; the order's silence is
   * the last day of the month. */
  dialog = hold (rec_term_dialog_new (NULL, fixture->session, NULL));
  _rec_dialog_set_field (dialog, "kind", "1");
  _rec_dialog_set_field (dialog, "amount", "75");
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "due_day", "0");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  family = term_of_kind (terms, REC_TERM_KIND_FAMILY_SUPPORT, NULL);
  g_assert_cmpint (family->due_day, ==, REC_DUE_DAY_LAST);
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
}

static void
test_every_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *children = rec_case_session_get_children (fixture->session);
  GListModel *charges = rec_case_session_get_charges (fixture->session);
  GListModel *steps = rec_case_session_get_enforcement (fixture->session);
  g_autoptr(RecChild) child = NULL;
  g_autoptr(RecCharge) charge = NULL;
  g_autoptr(RecEnforcementStep) step = NULL;
  GtkWindow *dialog;

  dialog = hold (rec_child_dialog_new (NULL, fixture->session, NULL));
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "name", "Sofia Rivera");
  _rec_dialog_set_field (dialog, "birth_date", "2016-05-09");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  child = first_item (children);
  close_dialog (hold (rec_child_dialog_new (NULL, fixture->session, child)));

  dialog = hold (rec_charge_dialog_new (NULL, fixture->session, NULL));
  _rec_dialog_set_field (dialog, "amount", "420");
  _rec_dialog_set_field (dialog, "description", "Half of orthodontist bill");
  _rec_dialog_set_field (dialog, "interest_bearing", "false");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  charge = first_item (charges);
  g_assert_cmpint (charge->amount_cents, ==, 42000);
  g_assert_false (charge->interest_bearing);
  close_dialog (hold (rec_charge_dialog_new (NULL, fixture->session, charge)));

  dialog = hold (rec_enforcement_dialog_new (NULL, fixture->session, NULL,
                                             REC_REMEDY_BANK_LEVY));
  _rec_dialog_set_field (dialog, "next_date", "2023-13-01");
  g_assert_false (_rec_dialog_can_save (dialog));
  _rec_dialog_set_field (dialog, "next_date", "");
  _rec_dialog_set_field (dialog, "agency", "Santa Clara County DCSS");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  step = first_item (steps);
  g_assert_cmpint (step->remedy, ==, REC_REMEDY_BANK_LEVY);
  g_assert_false (rec_date_is_set (&step->next_date));
  close_dialog (hold (rec_enforcement_dialog_new (NULL, fixture->session, step, 0)));

  close_dialog (hold (rec_payment_dialog_new (NULL, fixture->session, NULL)));
  close_dialog (hold (rec_term_dialog_new (NULL, fixture->session, NULL)));
  close_dialog (hold (rec_communication_dialog_new (NULL, fixture->session, NULL)));
  close_dialog (hold (rec_case_details_dialog_new (NULL, fixture->session)));
}

/* Presents the dialog and waits until it is mapped. */
static void
present (GtkWindow *dialog)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
}

/* The fields Tab (or Shift+Tab) reaches, one cycle, each named once. */
static GStrv
tab_cycle (GtkWindow        *dialog,
           GtkDirectionType  direction)
{
  g_autoptr(GStrvBuilder) reached = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *last = NULL;

  for (int step = 0; step < 200; step++)
    {
      const char *field;

      if (!gtk_widget_child_focus (GTK_WIDGET (dialog), direction))
        gtk_widget_child_focus (GTK_WIDGET (dialog), direction);
      field = _rec_dialog_get_focus_field (dialog);
      if (field == NULL || g_strcmp0 (field, last) == 0)
        continue;
      last = field;
      if (g_hash_table_contains (seen, field))
        break;
      g_hash_table_add (seen, (gpointer) field);
      g_strv_builder_add (reached, field);
    }

  return g_strv_builder_end (reached);
}

/* Rotates `names` so that it starts with `first`. */
static char *
join_from (GStrv       names,
           const char *first)
{
  guint n = g_strv_length (names);
  g_autoptr(GString) joined = g_string_new (NULL);
  guint start = 0;

  while (start < n && g_strcmp0 (names[start], first) != 0)
    start++;
  g_assert_cmpuint (start, <, n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "", names[(start + i) % n]);

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
check_tab_order (GtkWindow *dialog)
{
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) forward = NULL;
  g_auto(GStrv) backward = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GString) reversed = g_string_new (NULL);

  present (dialog);
  shown = _rec_dialog_dup_shown_fields (dialog);
  g_assert_cmpuint (g_strv_length (shown), >, 0);
  expected = g_strjoinv (" ", shown);

  forward = tab_cycle (dialog, GTK_DIR_TAB_FORWARD);
  got = join_from (forward, shown[0]);
  g_test_message ("%s: Tab %s", G_OBJECT_TYPE_NAME (dialog), got);
  g_assert_cmpstr (got, ==, expected);

  backward = tab_cycle (dialog, GTK_DIR_TAB_BACKWARD);
  for (int i = (int) g_strv_length (shown) - 1; i >= 0; i--)
    g_string_append_printf (reversed, "%s%s", reversed->len ? " " : "", shown[i]);
  g_clear_pointer (&got, g_free);
  got = join_from (backward, shown[g_strv_length (shown) - 1]);
  g_assert_cmpstr (got, ==, reversed->str);
}

/* Tab and Shift+Tab go through every field of every dialog, in order. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *dialogs[] = {
    rec_payment_dialog_new (NULL, fixture->session, NULL),
    rec_charge_dialog_new (NULL, fixture->session, NULL),
    rec_child_dialog_new (NULL, fixture->session, NULL),
    rec_term_dialog_new (NULL, fixture->session, NULL),
    rec_communication_dialog_new (NULL, fixture->session, NULL),
    rec_enforcement_dialog_new (NULL, fixture->session, NULL, REC_REMEDY_BANK_LEVY),
    rec_case_details_dialog_new (NULL, fixture->session),
    rec_interest_override_dialog_new (NULL, fixture->session, NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog = hold (dialogs[i]);

      gtk_window_set_default_size (dialog, 360, 640);
      check_tab_order (dialog);
      close_dialog (dialog);
    }
}

/* Each dialog opens with the keyboard on its first field, and takes the
 * focus only once it is on screen (grabbed before, GTK 4.8 exposes the
 * window to screen readers as a "filler" that is not showing). */
static void
test_initial_focus (Fixture       *fixture,
                    gconstpointer  data)
{
  struct
  {
    GtkWindow  *dialog;
    const char *field;
  } dialogs[] = {
    { rec_payment_dialog_new (NULL, fixture->session, NULL), "amount" },
    { rec_charge_dialog_new (NULL, fixture->session, NULL), "amount" },
    { rec_child_dialog_new (NULL, fixture->session, NULL), "name" },
    { rec_term_dialog_new (NULL, fixture->session, NULL), "amount" },
    { rec_communication_dialog_new (NULL, fixture->session, NULL), "summary" },
    { rec_case_details_dialog_new (NULL, fixture->session), "title" },
    { rec_interest_override_dialog_new (NULL, fixture->session, NULL), "from" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog = hold (dialogs[i].dialog);

      g_test_message ("%s", G_OBJECT_TYPE_NAME (dialog));
      g_assert_null (gtk_root_get_focus (GTK_ROOT (dialog)));
      present (dialog);
      g_assert_cmpstr (_rec_dialog_get_focus_field (dialog), ==, dialogs[i].field);
      close_dialog (dialog);
    }
}

static void
test_enter_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *dialog = hold (rec_payment_dialog_new (NULL, fixture->session, NULL));

  /* Enter in an invalid form stores nothing and shows every error. */
  _rec_dialog_set_field (dialog, "notes", "Cash at the exchange");
  _rec_dialog_activate_field (dialog, "notes");
  g_assert_cmpuint (n_payments (fixture), ==, 0);
  g_assert_nonnull (_rec_dialog_get_error (dialog, "amount"));

  _rec_dialog_set_field (dialog, "amount", "20");
  _rec_dialog_activate_field (dialog, "amount");
  g_assert_cmpuint (n_payments (fixture), ==, 1);
  g_object_unref (dialog);
}

/* Runs the chart's own drawing, at its allocated size, into a render node. */
static void
render_chart (GtkWidget *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* Wait for the window to be mapped and the chart allocated. */
  while (gtk_widget_get_width (chart) == 0 && g_get_monotonic_time () < give_up)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (gtk_widget_get_width (chart), >, 0);

  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
}

/* Asks the chart for the tooltip of the month at x, as hovering would. */
static gboolean
query_tooltip (GtkWidget *chart,
               int        x)
{
  g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (chart, "query-tooltip", x, gtk_widget_get_height (chart) / 2, FALSE,
                         tooltip, &shown);
  return shown;
}

static void
test_balance_chart (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecTerm) term = rec_term_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = rec_balance_chart_new ();
  const RecArrearsResult *result;

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 240);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));

  /* No terms yet: the empty state. */
  rec_balance_chart_set_result (REC_BALANCE_CHART (chart),
                                rec_case_session_get_result (fixture->session));
  g_assert_cmpuint (rec_balance_chart_get_n_points (REC_BALANCE_CHART (chart)), ==, 0);
  render_chart (chart);

  term->amount_cents = 85000;
  g_date_set_dmy (&term->effective, 1, G_DATE_JANUARY, 2020);
  g_assert_true (rec_case_session_add (fixture->session, G_OBJECT (term), &error));
  g_assert_no_error (error);
  add_payment (fixture, "2020-02-03", "850");

  result = rec_case_session_get_result (fixture->session);
  g_assert_cmpuint (result->balance_points->len, >, 12);
  rec_balance_chart_set_result (REC_BALANCE_CHART (chart), result);
  g_assert_cmpuint (rec_balance_chart_get_n_points (REC_BALANCE_CHART (chart)), ==,
                    result->balance_points->len);

  /* The chart keeps its own copy: the session may replace its result. */
  add_payment (fixture, "2020-03-03", "850");
  render_chart (chart);
  g_assert_true (query_tooltip (chart, gtk_widget_get_width (chart) / 2));
  g_assert_false (query_tooltip (chart, 0));
  rec_balance_chart_set_result (REC_BALANCE_CHART (chart), NULL);
  g_assert_cmpuint (rec_balance_chart_get_n_points (REC_BALANCE_CHART (chart)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

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
      g_test_add_func ("/ui/dialogs/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  ADD ("/ui/dialogs/payment/invalid-amounts", test_payment_invalid);
  ADD ("/ui/dialogs/payment/valid", test_payment_valid);
  ADD ("/ui/dialogs/payment/edit", test_payment_edit);
  ADD ("/ui/dialogs/payment/cancel", test_cancel_stores_nothing);
  ADD ("/ui/dialogs/payment/escape", test_escape_cancels);
  ADD ("/ui/dialogs/note-under-its-row", test_note_under_its_row);
  ADD ("/ui/dialogs/payment/session-error", test_session_error_keeps_dialog);
  ADD ("/ui/dialogs/term/end-before-effective", test_term_end_before_effective);
  ADD ("/ui/dialogs/case-details/title", test_case_details_title);
  ADD ("/ui/dialogs/communication/local-time", test_communication_local_time);
  ADD ("/ui/dialogs/communication/empty", test_communication_empty);
  ADD ("/ui/dialogs/communication/follow-up-done", test_communication_follow_up_done);
  ADD ("/ui/dialogs/enforcement/next-done", test_enforcement_next_done);
  ADD ("/ui/dialogs/payment/future", test_payment_future);
  ADD ("/ui/dialogs/term/due-day", test_term_due_day);
  ADD ("/ui/dialogs/every-dialog", test_every_dialog);
  ADD ("/ui/dialogs/payment/enter-saves", test_enter_saves);
  ADD ("/ui/dialogs/tab-order", test_tab_order);
  ADD ("/ui/dialogs/initial-focus", test_initial_focus);
  ADD ("/ui/balance-chart", test_balance_chart);
  return g_test_run ();
}

/* test-ui-follow-ups.c — the notification of follow-ups due when a case is
 * opened: its words (a table), once per open, its action, withdrawn on close
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop's notifications are replaced by a recorder
 * (_rec_application_set_notify_func): the tests have no session bus.
 */
#define G_LOG_DOMAIN "test-ui-follow-ups"

#include "config.h"

#include "rec-application.h"
#include "rec-application-private.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-follow-up-notice.h"
#include "rec-follow-ups.h"
#include "rec-store.h"
#include "rec-window.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

/* The notice table */

typedef struct
{
  const char *subject;     /* a communication; NULL: an enforcement step */
  RecChannel  channel;
  const char *with;
  RecRemedy   remedy;
  int         days_ago;    /* its follow-up date, before 2026-12-02 */
} Item;

typedef struct
{
  Item        items[5];
  guint       n_items;
  const char *title;       /* NULL: no notification */
  const char *body;
} Row;

static const Row rows[] = {
  { { { "", 0, "", 0, -1 } }, 1, NULL, NULL },
  { { { "Payment records", REC_CHANNEL_EMAIL, "Ana Lopez", 0, 12 } }, 1,
    "1 follow-up due", "Ana Lopez: Payment records — overdue since 11/20/2026" },
  { { { "", REC_CHANNEL_PHONE, "", 0, 0 },
      { NULL, 0, NULL, REC_REMEDY_CREDIT_REPORTING, 2 } }, 2,
    "2 follow-ups due", "Credit reporting — overdue since 11/30/2026\nPhone call — due today" },
  { { { "", REC_CHANNEL_PHONE, "DCSS", 0, 0 }, { "Camp", REC_CHANNEL_TEXT, "Victor", 0, 1 },
      { "Invoice", REC_CHANNEL_EMAIL, "", 0, 3 },
      { NULL, 0, NULL, REC_REMEDY_CONTEMPT, 4 } }, 4,
    "4 follow-ups due",
    "Contempt of court — overdue since 11/28/2026\nInvoice — overdue since 11/29/2026\n"
    "Victor: Camp — overdue since 12/01/2026\nAnd 1 more follow-up" },
  { { { "A", REC_CHANNEL_TEXT, "", 0, 5 }, { "B", REC_CHANNEL_TEXT, "", 0, 4 },
      { "C", REC_CHANNEL_TEXT, "", 0, 3 }, { "D", REC_CHANNEL_TEXT, "", 0, 2 },
      { "E", REC_CHANNEL_TEXT, "", 0, 1 } }, 5,
    "5 follow-ups due",
    "A — overdue since 11/27/2026\nB — overdue since 11/28/2026\n"
    "C — overdue since 11/29/2026\nAnd 2 more follow-ups" },
};

static RecCaseData *
build_case (const Row   *row,
            const GDate *today)
{
  RecCaseData *data = rec_case_data_new ();

  for (guint i = 0; i < row->n_items; i++)
    {
      const Item *item = &row->items[i];
      GDate date = *today;

      if (item->days_ago > 0)
        g_date_subtract_days (&date, item->days_ago);
      else if (item->days_ago < 0)
        g_date_add_days (&date, -item->days_ago);
      if (item->subject != NULL)
        {
          RecCommunication *communication = rec_communication_new ();

          rec_set_str (&communication->subject, item->subject);
          rec_set_str (&communication->with, item->with);
          communication->channel = item->channel;
          communication->follow_up = date;
          communication->entity.position = (int) i + 1;
          g_ptr_array_add (data->communications, communication);
        }
      else
        {
          RecEnforcementStep *step = rec_enforcement_step_new ();

          step->remedy = item->remedy;
          step->status = REC_STATUS_REQUESTED;
          step->next_date = date;
          step->entity.position = (int) i + 1;
          g_ptr_array_add (data->enforcement, step);
        }
    }
  return data;
}

static void
test_notice_text (void)
{
  GDate today;

  g_assert_true (rec_date_parse ("2026-12-02", &today, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RecCaseData) data = build_case (&rows[i], &today);
      g_autoptr(GPtrArray) due = rec_case_data_due_follow_ups (data, &today);
      g_autoptr(GNotification) notification = rec_follow_up_notice_new (data, &today,
                                                                        "/tmp/a.recourse");
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;

      g_test_message ("row %u", i);
      if (rows[i].title == NULL)
        {
          g_assert_cmpuint (due->len, ==, 0);
          g_assert_null (notification);
          continue;
        }
      g_assert_true (G_IS_NOTIFICATION (notification));
      title = rec_follow_up_notice_dup_title (due);
      body = rec_follow_up_notice_dup_body (due);
      g_assert_cmpstr (title, ==, rows[i].title);
      g_assert_cmpstr (body, ==, rows[i].body);
    }
}

static void
test_notice_id (void)
{
  g_autofree char *a = rec_follow_up_notice_dup_id ("/home/e/Case.recourse");
  g_autofree char *again = rec_follow_up_notice_dup_id ("/home/e/Case.recourse");
  g_autofree char *b = rec_follow_up_notice_dup_id ("/home/e/Other.recourse");

  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, b);
  g_assert_true (g_str_has_prefix (a, "follow-ups-"));
  g_assert_null (strchr (a, '/'));
}

/* The application */

typedef struct
{
  RecApplication *app;
  char           *dir;
  GPtrArray      *sent;       /* ids, in order */
  GPtrArray      *withdrawn;  /* ids, in order */
} Fixture;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
record_cb (RecApplication *app,
           const char     *id,
           GNotification  *notification,
           gpointer        user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (notification == NULL || G_IS_NOTIFICATION (notification));
  g_ptr_array_add (notification != NULL ? fixture->sent : fixture->withdrawn, g_strdup (id));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->sent = g_ptr_array_new_with_free_func (g_free);
  fixture->withdrawn = g_ptr_array_new_with_free_func (g_free);
  fixture->app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  _rec_application_set_notify_func (fixture->app, record_cb, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    {
      gtk_window_destroy (windows->data);
      spin ();
    }
  spin ();
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->sent, g_ptr_array_unref);
  g_clear_pointer (&fixture->withdrawn, g_ptr_array_unref);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The demo case as of today with every follow-up done but `open_days_ago`
 * (days before today; -1: none), a communication's. */
static char *
write_case (Fixture    *fixture,
            const char *name,
            int         open_days_ago)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, FALSE);
  for (guint i = 0; i < demo->communications->len; i++)
    {
      RecCommunication *communication = g_ptr_array_index (demo->communications, i);

      communication->follow_up_done = rec_date_is_set (&communication->follow_up);
    }
  for (guint i = 0; i < demo->enforcement->len; i++)
    {
      RecEnforcementStep *step = g_ptr_array_index (demo->enforcement, i);

      step->next_done = rec_date_is_set (&step->next_date);
    }
  if (open_days_ago >= 0)
    {
      RecCommunication *first = g_ptr_array_index (demo->communications, 0);

      first->follow_up = today;
      g_date_subtract_days (&first->follow_up, open_days_ago);
      first->follow_up_done = FALSE;
    }
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
overview_is_shown (GtkWindow *window)
{
  GtkWidget *overview = rec_window_get_page (REC_WINDOW (window), "overview");

  return adw_view_stack_get_visible_child (ADW_VIEW_STACK (gtk_widget_get_parent (overview)))
         == overview;
}

/* Opened: one notification, with the case's id; a change of the case sends
 * no other; its action shows the Overview; closing the window withdraws it. */
static void
test_once_per_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_case (fixture, "due.recourse", 3);
  g_autofree char *id = rec_follow_up_notice_dup_id (path);
  g_autoptr(RecCommunication) copy = NULL;
  g_autoptr(GError) error = NULL;
  RecCaseSession *session;
  GtkWindow *window;

  window = rec_application_open_path (fixture->app, path, NULL);
  g_assert_nonnull (window);
  spin ();
  g_assert_cmpuint (fixture->sent->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->sent, 0), ==, id);
  g_assert_cmpuint (fixture->withdrawn->len, ==, 0);

  /* Marked done in the window: no new notification. */
  session = rec_window_get_session (REC_WINDOW (window));
  copy = REC_COMMUNICATION (rec_entity_copy (REC_ENTITY (g_ptr_array_index (
           rec_case_session_get_data (session)->communications, 0))));
  copy->follow_up_done = TRUE;
  g_assert_true (rec_case_session_update (session, G_OBJECT (copy), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (fixture->sent->len, ==, 1);

  /* Opening it again presents the same window: no new notification. */
  g_assert_true (rec_application_open_path (fixture->app, path, NULL) == window);
  g_assert_cmpuint (fixture->sent->len, ==, 1);

  rec_window_select_page (REC_WINDOW (window), "payments");
  spin ();
  g_assert_false (overview_is_shown (window));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "show-follow-ups",
                                  g_variant_new_string (path));
  spin ();
  g_assert_true (overview_is_shown (window));

  gtk_window_destroy (window);
  spin ();
  g_assert_cmpuint (fixture->withdrawn->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->withdrawn, 0), ==, id);
}

/* The open of the window's gestures (in a thread) sends it too; a case with
 * nothing due (a follow-up tomorrow is not due) sends nothing and has
 * nothing to withdraw. */
static void
test_background_open_and_nothing_due (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *due_path = write_case (fixture, "today.recourse", 0);
  g_autofree char *none_path = write_case (fixture, "none.recourse", -1);
  g_autofree char *id = rec_follow_up_notice_dup_id (due_path);
  GtkWindow *window;
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REC_IS_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "open-path",
                                  g_variant_new_string (due_path));
  while (rec_window_get_session (REC_WINDOW (window)) == NULL
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (rec_window_get_session (REC_WINDOW (window)));
  spin ();
  g_assert_cmpuint (fixture->sent->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->sent, 0), ==, id);

  window = rec_application_open_path (fixture->app, none_path, NULL);
  g_assert_nonnull (window);
  spin ();
  g_assert_cmpuint (fixture->sent->len, ==, 1);
  gtk_window_destroy (window);
  spin ();
  g_assert_cmpuint (fixture->withdrawn->len, ==, 0);
}

static void
test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/follow-ups/notice-text", test_notice_text);
  g_test_add_func ("/ui/follow-ups/notice-id", test_notice_id);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/follow-ups/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  ADD ("/ui/follow-ups/once-per-open", test_once_per_open);
  ADD ("/ui/follow-ups/background-open-and-nothing-due", test_background_open_and_nothing_due);

  return g_test_run ();
}

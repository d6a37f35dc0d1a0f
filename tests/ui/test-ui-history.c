/* test-ui-history.c — the History view, "changed outside Recourse" and the
 * packets the window records (spec/evidence.md §2–3, §5)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test writes a case, opens it in the application's window and looks
 * at what the window shows: a record's history after an edit (in English,
 * and in Spanish in a subprocess), the case's history with its import and
 * packet entries, the line a case changed by another program (sqlite3's C
 * API here) gets, and the packet such a case exports. argv[1] is the
 * recourse binary (for `verify --packet`).
 */
#include "test-ui-ledger-fixture.h"

#include "rec-history-dialog.h"
#include "rec-payment-dialog.h"
#include "rec-verify-dialog.h"
#include "rec-window-private.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

static const char *recourse_path;

/* The demo case with a first payment of $1,245.00. */
static void
shape_amount (RecCaseData *case_data)
{
  RecPayment *payment = g_ptr_array_index (case_data->payments, 0);

  payment->amount_cents = 124500;
}

/* Changes the first payment's amount through the window's session. */
static RecPayment *
change_first_payment (RecCaseSession *session,
                      RecCents        amount_cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPayment) first = g_list_model_get_item (rec_case_session_get_payments (session), 0);
  g_autoptr(RecPayment) copy = rec_payment_copy (first);

  copy->amount_cents = amount_cents;
  g_assert_true (rec_case_session_update (session, G_OBJECT (copy), &error));
  g_assert_no_error (error);
  return g_list_model_get_item (rec_case_session_get_payments (session), 0);
}

static RecHistoryDialog *
open_history (GtkWindow      *parent,
              RecCaseSession *session,
              RecEntity      *record)
{
  RecHistoryDialog *dialog = REC_HISTORY_DIALOG (rec_history_dialog_new (parent, session, record,
                                                                         NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  for (int i = 0; i < 500 && !_rec_history_dialog_is_loaded (dialog); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_true (_rec_history_dialog_is_loaded (dialog));
  return dialog;
}

/* The index of the first row whose details contain `needle`, or -1. */
static int
find_details (RecHistoryDialog *dialog,
              const char       *needle)
{
  for (guint i = 0; i < _rec_history_dialog_get_n_rows (dialog); i++)
    {
      g_autofree char *details = _rec_history_dialog_dup_details (dialog, i);

      if (strstr (details, needle) != NULL)
        return (int) i;
    }
  return -1;
}

static int
find_title (RecHistoryDialog *dialog,
            const char       *prefix)
{
  for (guint i = 0; i < _rec_history_dialog_get_n_rows (dialog); i++)
    {
      g_autofree char *title = _rec_history_dialog_dup_title (dialog, i);

      if (g_str_has_prefix (title, prefix))
        return (int) i;
    }
  return -1;
}

static void
test_record_change (Fixture       *fixture,
                    gconstpointer  data)
{
  RecCaseSession *session;
  g_autoptr(RecPayment) payment = NULL;
  g_autoptr(RecPayment) other = NULL;
  RecHistoryDialog *dialog;
  g_autofree char *title = NULL;

  fixture_open (fixture, FALSE, shape_amount);
  session = fixture_session (fixture);
  payment = change_first_payment (session, 125400);

  dialog = open_history (GTK_WINDOW (fixture->window), session, REC_ENTITY (payment));
  /* Newest first: the change, then the payment's add. */
  g_assert_cmpuint (_rec_history_dialog_get_n_rows (dialog), ==, 2);
  title = _rec_history_dialog_dup_title (dialog, 0);
  g_assert_cmpstr (title, ==, "Changed");
  g_assert_cmpint (find_details (dialog, "amount $1,245.00 → $1,254.00"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another payment's history has no such change. */
  other = g_list_model_get_item (rec_case_session_get_payments (session), 1);
  dialog = open_history (GTK_WINDOW (fixture->window), session, REC_ENTITY (other));
  g_assert_cmpuint (_rec_history_dialog_get_n_rows (dialog), ==, 1);
  g_assert_cmpint (find_details (dialog, "→"), ==, -1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The row titled `title` under `widget`, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A stored payment's dialog has a History row that opens its history; a
 * new payment's has none. */
static void
test_dialog_row (Fixture       *fixture,
                 gconstpointer  data)
{
  RecCaseSession *session;
  g_autoptr(RecPayment) payment = NULL;
  GtkWindow *dialog;
  GtkWindow *history;
  GtkWidget *row;

  fixture_open (fixture, FALSE, shape_amount);
  session = fixture_session (fixture);
  payment = change_first_payment (session, 125400);
  dialog = rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, payment);
  gtk_window_present (dialog);
  spin ();
  row = find_row_titled (GTK_WIDGET (dialog), "History");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  history = take_dialog (REC_TYPE_HISTORY_DIALOG);
  for (int i = 0; i < 500 && !_rec_history_dialog_is_loaded (REC_HISTORY_DIALOG (history)); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_cmpint (find_details (REC_HISTORY_DIALOG (history), "amount $1,245.00 → $1,254.00"),
                   ==, 0);
  gtk_window_destroy (history);
  g_object_unref (history);
  gtk_window_destroy (dialog);

  dialog = rec_payment_dialog_new (GTK_WINDOW (fixture->window), session, NULL);
  gtk_window_present (dialog);
  spin ();
  g_assert_null (find_row_titled (GTK_WIDGET (dialog), "History"));
  gtk_window_destroy (dialog);
}

/* In Spanish the amounts are written as the window writes them there. */
static void
test_record_change_es (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("RECOURSE_LOCALEDIR");
      g_autofree char *fallback = NULL;
      Fixture fixture = { NULL, };
      RecHistoryDialog *dialog;
      g_autoptr(RecPayment) payment = NULL;

      if (dir == NULL)
        dir = fallback = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
      g_setenv ("LANGUAGE", "es", TRUE);
      g_setenv ("LC_ALL", "es_ES.UTF-8", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, ""));
      bindtextdomain (GETTEXT_PACKAGE, dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      fixture_open (&fixture, FALSE, shape_amount);
      payment = change_first_payment (fixture_session (&fixture), 125400);
      dialog = open_history (GTK_WINDOW (fixture.window), fixture_session (&fixture),
                             REC_ENTITY (payment));
      g_assert_cmpint (find_details (dialog, "1.245,00"), ==, 0);
      g_assert_cmpint (find_details (dialog, "1.254,00"), ==, 0);
      g_assert_cmpint (find_details (dialog, "$1,245.00"), ==, -1);
      gtk_window_destroy (GTK_WINDOW (dialog));
      fixture_tear_down (&fixture, NULL);
      return;
    }
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    {
      setlocale (LC_ALL, "");
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT
                                   | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
wait_exported (Fixture *fixture)
{
  for (int i = 0; i < 1000 && _rec_window_is_exporting (fixture->window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_exporting (fixture->window));
}

static void
wait_verified (Fixture *fixture)
{
  /* It starts once the case is drawn, then runs in a thread. */
  for (int i = 0; i < 1000 && (_rec_window_get_verify_state (fixture->window) == REC_VERIFY_RUNNING
                               || _rec_window_get_verify_state (fixture->window) == REC_VERIFY_UNKNOWN);
       i++)
    {
      g_usleep (10000);
      spin ();
    }
}

/* `recourse verify CASE --packet PDF`: its output, and its exit status. */
static char *
verify_packet (const char *case_path,
               const char *pdf,
               int        *out_status)
{
  const char *argv[] = { recourse_path, "verify", case_path, "--packet", pdf, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, out_status, &error));
  g_assert_no_error (error);
  return out;
}

/* Exporting from the window appends a packet entry, verify --packet
 * recognises the PDF, and the case's history lists it. */
static void
test_export_recorded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autofree char *hash = NULL;
  gint64 before = 0, after = 0;
  RecHistoryDialog *dialog;
  int status = -1;
  int row;

  fixture_open (fixture, FALSE, NULL);
  pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  wait_verified (fixture);
  g_assert_cmpint (_rec_window_get_verify_state (fixture->window), ==, REC_VERIFY_INTACT);
  g_assert_false (rec_case_view_get_altered (fixture->window->case_view));

  store = rec_store_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_get_fingerprint (store, &hash, &before, &error));
  g_clear_pointer (&hash, g_free);
  _rec_window_export_to (fixture->window, pdf);
  wait_exported (fixture);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (rec_store_get_fingerprint (store, &hash, &after, &error));
  g_assert_cmpint (after, ==, before + 1);

  if (recourse_path != NULL)
    {
      out = verify_packet (fixture->path, pdf, &status);
      g_assert_nonnull (strstr (out, "\nthis packet was made from this case at entry"));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  dialog = open_history (GTK_WINDOW (fixture->window), fixture_session (fixture), NULL);
  row = find_title (dialog, "Exported a case packet, ");
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpuint (_rec_history_dialog_get_n_rows (dialog), ==, (guint) after);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A read-only case still exports, and its history takes no entry. */
static void
test_read_only_export (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *hash = NULL;
  gint64 before = 0, after = 0;
  RecWindow *window;

  fixture_open (fixture, FALSE, NULL);
  pdf = g_build_filename (fixture->dir, "read-only.pdf", NULL);
  session = rec_case_session_open (fixture->path, &error);
  g_assert_no_error (error);
  _rec_case_session_set_read_only (session, TRUE);
  window = rec_window_new (fixture->app);
  rec_window_set_session (window, session);
  gtk_window_present (GTK_WINDOW (window));

  store = rec_store_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_get_fingerprint (store, &hash, &before, &error));
  _rec_window_export_to (window, pdf);
  for (int i = 0; i < 1000 && _rec_window_is_exporting (window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_exporting (window));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&hash, g_free);
  g_assert_true (rec_store_get_fingerprint (store, &hash, &after, &error));
  g_assert_cmpint (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* A case imported from JSON: its history starts with the import, which
 * says what it added. */
static void
shape_import (RecCaseData *case_data)
{
  g_ptr_array_set_size (case_data->payments, 12);
  g_ptr_array_set_size (case_data->communications, 3);
}

static void
test_case_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  RecHistoryDialog *dialog;
  g_autofree char *title = NULL;
  GDate today;
  char source[65];

  rec_sha256_hex ((const guint8 *) "{}", 2, source);
  /* Open the demo case first (for the window), then replace the file by an
   * imported one and open that in a second session's dialog. */
  fixture_open (fixture, FALSE, NULL);
  rec_date_set_today (&today);
  case_data = rec_demo_case_new (&today, FALSE);
  shape_import (case_data);
  {
    g_autofree char *imported = g_build_filename (fixture->dir, "imported.recourse", NULL);
    g_autoptr(RecCaseSession) session = NULL;

    g_assert_true (rec_store_import_case (imported, case_data, source, FALSE, &error));
    g_assert_no_error (error);
    session = rec_case_session_open (imported, &error);
    g_assert_no_error (error);
    dialog = open_history (GTK_WINDOW (fixture->window), session, NULL);
    title = _rec_history_dialog_dup_title (dialog,
                                           _rec_history_dialog_get_n_rows (dialog) - 1);
    g_assert_true (g_str_has_prefix (title, "Imported a case file: 12 payments, 3 communications, "));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* Changes the first payment's amount with SQL, as another program would. */
static void
tamper (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE payments SET amount = amount + 900 "
                                     "WHERE id = (SELECT min(id) FROM payments)",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* A tampered case opens, shows the line, Verify… lists the problem, and
 * its packet does not present the history as one to check against. */
static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkListBox *list;
  GtkWidget *first;

  fixture_open (fixture, FALSE, NULL);
  /* Close the window's case, change the file, open it again. */
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "tampered.recourse", NULL);
    g_autoptr(GFile) from = g_file_new_for_path (fixture->path);
    g_autoptr(GFile) to = g_file_new_for_path (copy);
    GtkWindow *window;

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    tamper (copy);
    while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
      {
        gtk_window_destroy (window);
        spin ();
      }
    g_clear_object (&fixture->app);
    g_remove (fixture->path);
    g_assert_cmpint (g_rename (copy, fixture->path), ==, 0);
  }
  fixture->app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  fixture->window = REC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  rec_application_open_path (fixture->app, fixture->path, GTK_WINDOW (fixture->window));
  for (int i = 0; i < 1000 && rec_window_get_session (fixture->window) == NULL; i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_nonnull (rec_window_get_session (fixture->window));
  wait_verified (fixture);
  g_assert_cmpint (_rec_window_get_verify_state (fixture->window), ==, REC_VERIFY_ALTERED);
  g_assert_true (rec_case_view_get_altered (fixture->window->case_view));

  /* Verify… lists the payment changed, one problem a row. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "verify", NULL);
  dialog = take_dialog (ADW_TYPE_MESSAGE_DIALOG);
  list = _rec_verify_dialog_get_list (dialog);
  g_assert_nonnull (list);
  first = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (first)),
                            "was changed outside Recourse: amount is"));
  gtk_window_destroy (dialog);
  g_object_unref (dialog);

  pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  _rec_window_export_to (fixture->window, pdf);
  wait_exported (fixture);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_null (strstr (text, "tamper-evident history of every change"));
  g_assert_nonnull (strstr (text, "Recourse found changes made outside it (see Verify)"));
}

int
main (int   argc,
      char *argv[])
{
  static const PageTest tests[] = {
    { "/ui/history/record-change", test_record_change },
    { "/ui/history/dialog-row", test_dialog_row },
    { "/ui/history/export-recorded", test_export_recorded },
    { "/ui/history/read-only-export", test_read_only_export },
    { "/ui/history/case-import", test_case_import },
    { "/ui/history/tampered", test_tampered },
  };

  g_test_init (&argc, &argv, NULL);
  if (argc > 1 && g_file_test (argv[1], G_FILE_TEST_IS_EXECUTABLE))
    recourse_path = argv[1];
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/history/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, NULL, NULL, tests[i].func, fixture_tear_down);
  g_test_add_func ("/ui/history/record-change-es", test_record_change_es);
  return g_test_run ();
}

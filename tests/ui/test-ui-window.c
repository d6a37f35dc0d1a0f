/* test-ui-window.c — the application window on real case files, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-window"

#include "config.h"

#include "rec-application.h"
#include "rec-application-private.h"
#include "rec-arrears.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-dialogs-private.h"
#include "rec-ledger-model.h"
#include "rec-money.h"
#include "rec-pages-private.h"
#include "rec-payment-dialog.h"
#include "rec-remedy-item.h"
#include "rec-store.h"
#include "rec-gui-util.h"
#include "rec-window.h"
#include "rec-window-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) demo = NULL;
  GDate today;

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

static GtkWindow *find_toplevel (GType type);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;

  /* One at a time: a window takes its shortcuts window with it. */
  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      gtk_window_destroy (window);
      spin ();
    }
  spin ();
  g_clear_object (&fixture->app);

  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->demo_path);
  g_free (fixture->dir);
}

static guint
n_case_windows (Fixture *fixture)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    n += REC_IS_WINDOW (l->data);
  return n;
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

static RecWindow *
open_demo (Fixture *fixture)
{
  RecWindow *start = start_window (fixture);
  GtkWindow *window = rec_application_open_path (fixture->app, fixture->demo_path,
                                                 GTK_WINDOW (start));

  spin ();
  g_assert_true (window == GTK_WINDOW (start));
  g_assert_cmpstr (_rec_window_get_mode (start), ==, "case");
  return start;
}

static void
test_start_page (Fixture       *fixture,
                 gconstpointer  data)
{
  RecWindow *window = start_window (fixture);
  GtkWidget *start_page;

  g_assert_null (rec_window_get_session (window));
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "start");
  /* Built in its slot when first shown (rec-window.c). */
  start_page = adw_bin_get_child (window->start_slot);
  g_assert_nonnull (start_page);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (start_page), ==, "RecStartPage");
  g_assert_true (gtk_widget_get_mapped (start_page));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-payment"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "open-demo"));
}

static void
test_open_case (Fixture       *fixture,
                gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);

  g_assert_nonnull (session);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   rec_case_session_get_info (session)->title);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));

  /* One window per case: opening it again presents the same window. */
  g_assert_true (rec_application_open_path (fixture->app, fixture->demo_path, NULL)
                 == GTK_WINDOW (window));
  g_assert_cmpuint (n_case_windows (fixture), ==, 1);
}

static void
assert_refused (Fixture    *fixture,
                RecWindow  *window,
                const char *path,
                const char *why)
{
  AdwMessageDialog *dialog;

  g_assert_null (rec_application_open_path (fixture->app, path, GTK_WINDOW (window)));
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), why));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_cmpuint (n_case_windows (fixture), ==, 1);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  RecWindow *window = start_window (fixture);
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.recourse", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.recourse", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  static const char text[] = "This is a shopping list, not a case.\n";

  g_assert_true (g_file_set_contents (junk, text, -1, &error));
  assert_refused (fixture, window, junk, "is not a Recourse case file");
  g_assert_true (g_file_get_contents (junk, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, text);
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "start");

  assert_refused (fixture, window, missing, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
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

/* The user's path: "Opening the Case…" at once, the case loaded in a thread. */
static void
test_open_in_background (Fixture       *fixture,
                         gconstpointer  data)
{
  RecWindow *window = start_window (fixture);
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.recourse", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (junk, "SQLite format 3", -1, &error));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "open-path",
                                  g_variant_new_string (junk));
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "loading");
  wait_for_load (window);
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "start");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a Recourse case file"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "open-path",
                                  g_variant_new_string (fixture->demo_path));
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "loading");
  /* Asking again while it loads does not open a second window. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "open-path",
                                  g_variant_new_string (fixture->demo_path));
  g_assert_cmpuint (n_case_windows (fixture), ==, 1);
  wait_for_load (window);
  g_assert_cmpstr (_rec_window_get_mode (window), ==, "case");
  g_assert_nonnull (rec_window_get_session (window));
  g_assert_cmpuint (n_case_windows (fixture), ==, 1);
}

/* New Case after its two questions: the file is created and opened. */
static void
test_new_case (Fixture       *fixture,
               gconstpointer  data)
{
  RecWindow *window = start_window (fixture);
  g_autofree char *chosen = g_build_filename (fixture->dir, "Rivera", NULL);
  g_autofree char *path = g_strconcat (chosen, ".recourse", NULL);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  RecCaseSession *session;

  _rec_application_create_case (fixture->app, chosen, "Rivera v. Rivera", "us-ca",
                                GTK_WINDOW (window));
  wait_for_load (window);
  session = rec_window_get_session (window);
  g_assert_nonnull (session);
  g_assert_cmpstr (rec_case_session_get_path (session), ==, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rivera v. Rivera");
  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==, 0);

  /* The same name again: that case is open, so nothing is replaced. */
  _rec_application_create_case (fixture->app, chosen, "Another", "us-ca", GTK_WINDOW (window));
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is open in Recourse"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (rec_case_session_get_info (session)->title, ==, "Rivera v. Rivera");

  /* A file that exists but is not open: still never replaced. */
  g_assert_true (g_file_set_contents (path, "kept", -1, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  _rec_application_create_case (fixture->app, chosen, "Another", "us-ca", NULL);
  spin ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept");
}

static guint
find_payment_row (GListModel *rows,
                  gint64      payment_id)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecLedgerItem) item = g_list_model_get_item (rows, i);

      if (item->line.kind == REC_LEDGER_PAYMENT
          && REC_PAYMENT (item->line.source)->entity.id == payment_id)
        return i;
    }
  return G_MAXUINT;
}

static RecCents
engine_total (RecCaseSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  GDate today;

  rec_date_set_today (&today);
  result = rec_arrears_compute (rec_case_session_get_data (session),
                                rec_case_session_get_rules (session), &today, &error);
  g_assert_no_error (error);
  return result->total_balance_cents;
}

static void
assert_total_shown (RecWindow      *window,
                    RecCaseSession *session,
                    RecCents        cents)
{
  RecOverviewPage *overview = REC_OVERVIEW_PAGE (rec_window_get_page (window, "overview"));
  g_autofree char *expected = rec_cents_format (cents, rec_case_session_get_info (session)->currency);

  g_assert_cmpint (engine_total (session), ==, cents);
  g_assert_cmpstr (_rec_overview_page_get_total (overview), ==, expected);
}

static gint64
add_payment_through_dialog (RecWindow  *window,
                            const char *amount)
{
  RecCaseSession *session = rec_window_get_session (window);
  GListModel *payments = rec_case_session_get_payments (session);
  guint n_before = g_list_model_get_n_items (payments);
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(RecPayment) added = NULL;

  /* The window's action selects the Payments page and opens the dialog. */
  rec_window_select_page (window, "overview");
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-payment", NULL);
  spin ();
  /* The page is built in a slot of the stack (rec-case-view.c). */
  g_assert_true (gtk_widget_is_ancestor (rec_window_get_page (window, "payments"),
                                         adw_view_stack_get_visible_child (ADW_VIEW_STACK (gtk_widget_get_ancestor (rec_window_get_page (window, "payments"), ADW_TYPE_VIEW_STACK)))));
  dialog = g_object_ref (find_toplevel (REC_TYPE_PAYMENT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  _rec_dialog_set_field (dialog, "amount", amount);
  _rec_dialog_set_field (dialog, "reference", "Test check 7");
  g_assert_true (_rec_dialog_save (dialog));
  spin ();

  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, n_before + 1);
  added = g_list_model_get_item (payments, n_before);
  g_assert_cmpstr (added->reference, ==, "Test check 7");
  return added->entity.id;
}

static void
test_add_delete_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecLedgerPage *ledger = REC_LEDGER_PAGE (rec_window_get_page (window, "payments"));
  GtkSingleSelection *rows = _rec_ledger_page_get_rows (ledger);
  RecCents before = engine_total (session);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));
  gint64 id;
  guint position;

  /* The demo case owes more than this, so the whole payment lowers the total. */
  g_assert_cmpint (before, >, 25000);
  assert_total_shown (window, session, before);

  id = add_payment_through_dialog (window, "250.00");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n_rows + 1);
  position = find_payment_row (G_LIST_MODEL (rows), id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  assert_total_shown (window, session, before - 25000);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* Delete it from the ledger, then undo the delete. */
  gtk_single_selection_set_selected (rows, position);
  gtk_widget_activate_action (GTK_WIDGET (ledger), "ledger.delete", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n_rows);
  assert_total_shown (window, session, before);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n_rows + 1);
  assert_total_shown (window, session, before - 25000);

  /* Undo the add too: back where we started, nothing left to undo. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n_rows);
  assert_total_shown (window, session, before);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
}

static void
test_invalid_amount (Fixture       *fixture,
                     gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  guint n_payments = g_list_model_get_n_items (rec_case_session_get_payments (session));
  RecCents before = engine_total (session);
  g_autoptr(GtkWindow) dialog = NULL;

  gtk_widget_activate_action (rec_window_get_page (window, "payments"), "ledger.add-payment", NULL);
  spin ();
  dialog = g_object_ref (find_toplevel (REC_TYPE_PAYMENT_DIALOG));
  /* Not an amount in any form (12,50 is now read as people write it). */
  _rec_dialog_set_field (dialog, "amount", "12a");
  g_assert_nonnull (_rec_dialog_get_error (dialog, "amount"));
  g_assert_false (_rec_dialog_save (dialog));
  spin ();

  g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==,
                    n_payments);
  assert_total_shown (window, session, before);
  g_assert_false (rec_case_session_can_undo (session));
  gtk_window_destroy (dialog);
}

static gboolean
mentions (RecCommunication *communication,
          const char       *needle)
{
  g_autofree char *all = g_strjoin (" ", communication->with, communication->subject,
                                    communication->summary, NULL);
  g_autofree char *folded = g_utf8_casefold (all, -1);

  return strstr (folded, needle) != NULL;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecLogPage *log = REC_LOG_PAGE (rec_window_get_page (window, "communications"));
  GListModel *rows = G_LIST_MODEL (_rec_log_page_get_rows (log));
  guint n_all = g_list_model_get_n_items (rows);
  guint n_found;

  g_assert_cmpuint (n_all, >, 10);
  g_action_group_activate_action (G_ACTION_GROUP (window), "find", NULL);
  spin ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (log), ADW_TYPE_VIEW_STACK))),
                   ==, "communications");

  gtk_editable_set_text (_rec_log_page_get_search (log), "caseworker");
  /* GtkSearchEntry waits a moment before it says the text changed. */
  for (int i = 0; i < 50 && g_list_model_get_n_items (rows) == n_all; i++)
    {
      g_usleep (20000);
      spin ();
    }
  n_found = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, n_all);
  for (guint i = 0; i < n_found; i++)
    {
      g_autoptr(RecCommunication) communication = g_list_model_get_item (rows, i);

      g_assert_true (mentions (communication, "caseworker"));
    }
}

static void
test_enforcement_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  const RecArrearsResult *result = rec_case_session_get_result (session);
  GListModel *rows = _rec_enforcement_page_get_rows (REC_ENFORCEMENT_PAGE (rec_window_get_page (window, "enforcement")));

  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, REC_N_ENGINE_REMEDIES);
  for (guint i = 0; i < REC_N_ENGINE_REMEDIES; i++)
    {
      g_autoptr(RecRemedyItem) item = g_list_model_get_item (rows, i);
      const RecRemedyResult *verdict = &g_array_index (result->remedies, RecRemedyResult, i);

      g_assert_cmpint (item->remedy, ==, verdict->remedy);
      g_assert_cmpint (item->eligible, ==, verdict->eligible);
      g_assert_cmpstr (item->reason_label, ==, verdict->reason_label);
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "packet.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  _rec_window_export_to (window, pdf);
  g_assert_true (_rec_window_is_exporting (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  for (int i = 0; i < 1500 && _rec_window_is_exporting (window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_exporting (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* Until the packet in the making is written (15 s at the most). */
static void
wait_exported (RecWindow *window)
{
  for (int i = 0; i < 1500 && _rec_window_is_exporting (window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_exporting (window));
}

static void
wait_export (RecWindow  *window,
             const char *pdf)
{
  _rec_window_export_to (window, pdf);
  wait_exported (window);
}

typedef struct
{
  double      y;
  double      x;
  const char *c;
} Glyph;

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  if (ga->y != gb->y)
    return ga->y < gb->y ? -1 : 1;
  if (ga->x != gb->x)
    return ga->x < gb->x ? -1 : 1;
  return 0;
}

/* Each page's text (poppler_page_get_text) without its white space, in the
 * order of the characters on the page: by line (the middle of the glyph's box,
 * to the point), then left to right. poppler's own reading order depends on
 * how the PDF groups its text, which a print differs in from the packet. */
static GPtrArray *
pdf_page_texts (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *boxes = NULL;
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      g_autoptr(GString) flat = g_string_new (NULL);
      guint n_boxes = 0;
      guint n = 0;

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
        {
          Glyph glyph;

          if (g_unichar_isspace (g_utf8_get_char (p)))
            continue;
          g_assert_cmpuint (n, <, n_boxes);
          glyph.y = round ((boxes[n].y1 + boxes[n].y2) / 2);
          glyph.x = boxes[n].x1;
          glyph.c = p;
          g_array_append_val (glyphs, glyph);
        }
      g_array_sort (glyphs, glyph_compare);
      for (guint j = 0; j < glyphs->len; j++)
        {
          const char *c = g_array_index (glyphs, Glyph, j).c;

          g_string_append_len (flat, c, g_utf8_next_char (c) - c);
        }
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&flat), FALSE));
      g_object_unref (page);
    }
  g_object_unref (document);
  return texts;
}

/* A page's text without the history's fingerprint and entry count: the
 * export before the print was recorded in the history (a packet entry), so
 * the printed packet shows the fingerprint after it. */
static char *
without_fingerprint (const char *text)
{
  g_autoptr(GRegex) hash = g_regex_new ("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", 0, 0,
                                        NULL);
  g_autoptr(GRegex) count = g_regex_new ("after[0-9]+entr", 0, 0, NULL);
  g_autofree char *step = g_regex_replace_literal (hash, text, -1, 0, "#", 0, NULL);

  return g_regex_replace_literal (count, step, -1, 0, "after#entr", 0, NULL);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GPtrArray) exported_texts = NULL;
  g_autoptr(GPtrArray) printed_texts = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  wait_export (window, exported);

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  _rec_window_print_to (window, printed);
  g_assert_true (_rec_window_is_printing (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  for (int i = 0; i < 1500 && _rec_window_is_printing (window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_printing (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  exported_texts = pdf_page_texts (exported);
  printed_texts = pdf_page_texts (printed);
  g_test_message ("packet: %u pages, printed: %u pages", exported_texts->len,
                  printed_texts->len);
  g_assert_cmpuint (exported_texts->len, >, 1);
  g_assert_cmpuint (printed_texts->len, ==, exported_texts->len);
  for (guint i = 0; i < exported_texts->len; i++)
    {
      g_autofree char *printed_page = without_fingerprint (printed_texts->pdata[i]);
      g_autofree char *exported_page = without_fingerprint (exported_texts->pdata[i]);

      g_assert_cmpstr (exported_texts->pdata[i], !=, "");
      g_assert_cmpstr (printed_page, ==, exported_page);
    }

  /* Nothing left behind but the two PDFs (and the case file). */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);
}

static void
assert_accel (Fixture    *fixture,
              const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                action);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                 accel);

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, accel);
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, action);
  g_assert_null (actions[1]);
}

static void
test_print_accels (Fixture       *fixture,
                   gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "print"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "export"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  assert_accel (fixture, "win.print", "<Control>p");
  assert_accel (fixture, "win.export", "<Shift><Control>e");
}

/* Undo, redo and the toasts that announce a change (issue 10 point 7). */

static gint64
add_payment (RecCaseSession *session,
             RecCents        cents,
             const char     *reference)
{
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GError) error = NULL;

  rec_date_set_today (&payment->date);
  payment->amount_cents = cents;
  g_free (payment->reference);
  payment->reference = g_strdup (reference);
  g_assert_true (rec_case_session_add (session, G_OBJECT (payment), &error));
  g_assert_no_error (error);
  return payment->entity.id;
}

static gboolean
has_payment (RecCaseSession *session,
             const char     *reference)
{
  GListModel *payments = rec_case_session_get_payments (session);

  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(RecPayment) payment = g_list_model_get_item (payments, i);

      if (g_str_equal (payment->reference, reference))
        return TRUE;
    }
  return FALSE;
}

static void
activate (RecWindow  *window,
          const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), name, NULL);
  spin ();
}

static gboolean
action_enabled (RecWindow  *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* The toast shown for a change: its Undo names that change. */
static AdwToast *
undo_toast_of (RecWindow *window,
               guint64    change)
{
  return g_hash_table_lookup (window->undo_toasts, &change);
}

static void
test_undo_toast_targets_its_change (Fixture       *fixture,
                                    gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecCents before = engine_total (session);
  AdwToast *toast;
  guint64 first;
  GVariant *target;

  add_payment (session, 10000, "First payment");
  first = rec_case_session_get_last_change (session);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-undo-toast",
                                  g_variant_new_string ("Payment added"));
  toast = undo_toast_of (window, first);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-change");
  target = adw_toast_get_action_target_value (toast);
  g_assert_cmpuint (g_variant_get_uint64 (target), ==, first);

  /* A later change to another record. */
  add_payment (session, 2500, "Second payment");
  g_assert_cmpuint (rec_case_session_get_last_change (session), >, first);
  spin ();

  /* The first toast's Undo takes back the first payment, not the second. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-change",
                                  g_variant_ref_sink (g_variant_new_uint64 (first)));
  spin ();
  g_assert_false (has_payment (session, "First payment"));
  g_assert_true (has_payment (session, "Second payment"));
  assert_total_shown (window, session, before - 2500);
  g_assert_null (undo_toast_of (window, first));

  /* Ctrl+Z: the newest change left, the second payment. */
  activate (window, "undo");
  g_assert_false (has_payment (session, "Second payment"));
  assert_total_shown (window, session, before);
  g_assert_false (action_enabled (window, "undo"));
}

/* rec_gui_delete_with_undo, as the pages delete: its toast brings back that
 * record after a later change. */
static void
test_delete_toast_after_later_change (Fixture       *fixture,
                                      gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  gint64 id = add_payment (session, 7000, "Deleted by mistake");
  g_autoptr(GObject) payment = rec_gui_find_by_id (rec_case_session_get_payments (session), id);
  AdwToast *toast;
  guint64 deleted;

  rec_gui_delete_with_undo (GTK_WIDGET (window), session, payment, "Payment deleted");
  deleted = rec_case_session_get_last_change (session);
  g_assert_false (has_payment (session, "Deleted by mistake"));
  toast = undo_toast_of (window, deleted);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Payment deleted");

  /* The store may give the new payment the deleted one's id: still another
   * record, so the delete can be undone. */
  add_payment (session, 1000, "Typed afterwards");
  g_action_group_activate_action (G_ACTION_GROUP (window), adw_toast_get_action_name (toast) + 4,
                                  adw_toast_get_action_target_value (toast));
  spin ();
  g_assert_true (has_payment (session, "Deleted by mistake"));
  g_assert_true (has_payment (session, "Typed afterwards"));

  /* Ctrl+Z now takes back the later add, not the payment restored. */
  activate (window, "undo");
  g_assert_true (has_payment (session, "Deleted by mistake"));
  g_assert_false (has_payment (session, "Typed afterwards"));
}

static void
test_undo_superseded (Fixture       *fixture,
                      gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPayment) edited = NULL;
  g_autoptr(RecPayment) stored = NULL;
  gint64 id = add_payment (session, 10000, "Typed once");
  guint64 added = rec_case_session_get_last_change (session);

  stored = rec_gui_find_by_id (rec_case_session_get_payments (session), id);
  edited = rec_payment_copy (stored);
  g_free (edited->reference);
  edited->reference = g_strdup ("Typed twice");
  g_assert_true (rec_case_session_update (session, G_OBJECT (edited), &error));
  g_assert_no_error (error);

  /* The add cannot be undone behind the edit's back: it says so, and the
   * payment stays as edited. */
  g_assert_false (rec_case_session_undo_change (session, added, &error));
  g_assert_error (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_SUPERSEDED);
  g_assert_true (has_payment (session, "Typed twice"));
  g_clear_error (&error);

  /* Undo the edit, then the add is the newest and can go. */
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_true (has_payment (session, "Typed once"));
  g_assert_true (rec_case_session_undo_change (session, added, &error));
  g_assert_no_error (error);
  g_assert_false (has_payment (session, "Typed once"));

  /* Asked again, it is already undone. */
  g_assert_false (rec_case_session_undo_change (session, added, &error));
  g_assert_error (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_UNDONE);
}

static void
test_redo (Fixture       *fixture,
           gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);
  RecCents before = engine_total (session);
  g_autoptr(GObject) payment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_false (action_enabled (window, "redo"));
  id = add_payment (session, 4000, "Redone");
  payment = rec_gui_find_by_id (rec_case_session_get_payments (session), id);
  g_assert_true (rec_case_session_delete (session, payment, &error));
  g_assert_no_error (error);

  /* Undo the delete, undo the add: nothing; redo both: deleted again. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  activate (window, "undo");
  g_assert_false (has_payment (session, "Redone"));
  g_assert_true (action_enabled (window, "redo"));
  g_assert_false (action_enabled (window, "undo"));

  activate (window, "redo");
  g_assert_true (has_payment (session, "Redone"));
  assert_total_shown (window, session, before - 4000);
  activate (window, "redo");
  g_assert_false (has_payment (session, "Redone"));
  assert_total_shown (window, session, before);
  g_assert_false (action_enabled (window, "redo"));

  /* And undone once more, the payment comes back under its new id. */
  activate (window, "undo");
  g_assert_true (has_payment (session, "Redone"));
  g_assert_true (action_enabled (window, "redo"));
}

static void
test_redo_cleared_by_edit (Fixture       *fixture,
                           gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  RecCaseSession *session = rec_window_get_session (window);

  add_payment (session, 4000, "Undone");
  activate (window, "undo");
  g_assert_true (rec_case_session_can_redo (session));
  g_assert_true (action_enabled (window, "redo"));

  add_payment (session, 1500, "New edit");
  spin ();
  g_assert_false (rec_case_session_can_redo (session));
  g_assert_false (action_enabled (window, "redo"));
  activate (window, "redo");
  g_assert_false (has_payment (session, "Undone"));
  g_assert_true (has_payment (session, "New edit"));
}

/* Keyboard (point 6): Alt+1 … Alt+5, Ctrl+W, redo. */
static void
test_page_shortcuts (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *const pages[] = {
    "overview", "order", "payments", "communications", "enforcement",
  };
  RecWindow *window = open_demo (fixture);
  GtkWidget *overview = rec_window_get_page (window, "overview");
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_parent (overview));

  for (guint i = G_N_ELEMENTS (pages); i-- > 0;)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                     accel);

      assert_accel (fixture, action, accel);
      g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
      g_assert_cmpstr (name, ==, "win.show-page");
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", target);
      spin ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i]);
    }

  assert_accel (fixture, "win.redo", "<Shift><Control>z");
  assert_accel (fixture, "win.close", "<Control>w");
  g_assert_true (action_enabled (window, "close"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "close", NULL);
  spin ();
  g_assert_cmpuint (n_case_windows (fixture), ==, 0);
}

/* Read-only (point 8). As root, a mode of 0400 stops nobody: the test runs
 * in a child that gives the file and its folder to "nobody" and becomes it. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  RecWindow *window;
  RecCaseSession *session;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  window = start_window (fixture);
  g_assert_cmpint (g_chmod (fixture->demo_path, 0400), ==, 0);
  if (geteuid () == 0)
    {
      /* As nobody, GTK cannot read root's recent files list when another
       * test changes it, and warns: in this child, warnings are not fatal. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_assert_cmpint (chown (fixture->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (fixture->demo_path, 65534, 65534), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (g_access (fixture->demo_path, W_OK), !=, 0);

  /* The session straight into a window: nobody has no home for the recent
   * files list that opening through the application updates. */
  session = rec_case_session_open (fixture->demo_path, &error);
  g_assert_no_error (error);
  rec_window_set_session (window, session);
  g_object_unref (session);
  spin ();
  g_assert_true (rec_case_session_get_read_only (session));

  /* One line says why; the edit actions are off; export and print are on. */
  g_assert_nonnull (rec_case_view_get_notice (window->case_view));
  g_assert_false (action_enabled (window, "add-payment"));
  g_assert_false (action_enabled (window, "add-communication"));
  g_assert_false (action_enabled (window, "add-term"));
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "undo-change"));
  g_assert_true (action_enabled (window, "export"));
  g_assert_true (action_enabled (window, "print"));

  /* An edit that gets through anyway is refused and changes nothing. */
  {
    g_autoptr(RecPayment) payment = rec_payment_new ();
    guint n = g_list_model_get_n_items (rec_case_session_get_payments (session));

    rec_date_set_today (&payment->date);
    payment->amount_cents = 100;
    g_assert_false (rec_case_session_add (session, G_OBJECT (payment), &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (g_list_model_get_n_items (rec_case_session_get_payments (session)), ==, n);
    g_assert_false (rec_case_session_can_undo (session));
  }

  pdf = g_build_filename (fixture->dir, "read-only.pdf", NULL);
  wait_export (window, pdf);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* A writable case shows no such line. */
static void
test_read_write_no_bar (Fixture       *fixture,
                        gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);

  g_assert_false (rec_case_session_get_read_only (rec_window_get_session (window)));
  g_assert_null (rec_case_view_get_notice (window->case_view));
  g_assert_true (action_enabled (window, "add-payment"));
}

/* Point 2: three deletes, each undone back to back with Ctrl+Z, each
 * dismissing its toast while the next toast still shows or hides (the
 * allocator perturbed in the child: a freed toast would be garbage). */
static void
test_undo_deletes_back_to_back (Fixture       *fixture,
                                gconstpointer  data)
{
  RecWindow *window;
  RecCaseSession *session;
  const char *const references[] = { "Deleted first", "Deleted second", "Deleted third" };

  if (!g_test_subprocess ())
    {
      /* The child is a new process: glibc reads this when it starts. */
      g_setenv ("MALLOC_PERTURB_", "132", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("MALLOC_PERTURB_");
      g_test_trap_assert_passed ();
      return;
    }

  window = open_demo (fixture);
  session = rec_window_get_session (window);
  gtk_window_present (GTK_WINDOW (window));
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      gint64 ids[G_N_ELEMENTS (references)];

      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        {
          g_ptr_array_add (names, g_strdup_printf ("%s, round %u", references[i], round));
          ids[i] = add_payment (session, 100 * (i + 1), names->pdata[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        {
          g_autoptr(GObject) payment = rec_gui_find_by_id (rec_case_session_get_payments (session),
                                                            ids[i]);

          rec_gui_delete_with_undo (GTK_WIDGET (window), session, payment, "Payment deleted");
          spin ();
          g_assert_false (has_payment (session, names->pdata[i]));
        }
      for (guint i = G_N_ELEMENTS (references); i > 0; i--)
        {
          activate (window, "undo");
          g_assert_true (has_payment (session, names->pdata[i - 1]));
        }
      /* The toasts' animations run their course. */
      for (guint i = 0; i < 20; i++)
        {
          g_usleep (40000);
          spin ();
        }
      g_assert_cmpuint (g_hash_table_size (window->undo_toasts), ==, 0);
    }
}

/* Point 6: a window closed while its pages still wait for the frame after
 * which they load (the frame clock goes with the window and drops their
 * handlers) closes without a critical, and no page loads afterwards. */
static void
test_close_before_first_frame (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autoptr(GtkWidget) page = NULL;
  RecWindow *window = start_window (fixture);

  session = rec_case_session_open (fixture->demo_path, &error);
  g_assert_no_error (error);
  rec_window_set_session (window, session);
  page = g_object_ref (rec_case_view_get_page (window->case_view, "enforcement"));
  g_assert_false (rec_page_is_loaded (REC_PAGE (page)));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_usleep (50000);
  spin ();
  g_assert_cmpuint (n_case_windows (fixture), ==, 0);
  g_assert_cmpuint (rec_page_get_n_loads (REC_PAGE (page)), ==, 0);
}

/* An action that changes the case: a page's own, or the window's adds,
 * undo and redo (export, print, search and the pages' switches are not). */
static gboolean
is_edit_action (const char *name)
{
  static const char *const prefixes[] = {
    "ledger.", "log.", "order.", "enforcement.", "overview.",
    "win.add-", "win.undo", "win.redo", "win.edit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* Counts the buttons (and other actionables) of an edit under `widget`,
 * and fails on one that can be used. */
static guint
assert_edits_insensitive (GtkWidget  *widget,
                          const char *page)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      if (name != NULL && is_edit_action (name))
        {
          if (gtk_widget_is_sensitive (widget))
            g_error ("%s: a %s for %s can be used on a read-only case", page,
                     G_OBJECT_TYPE_NAME (widget), name);
          n++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_edits_insensitive (child, page);
  return n;
}

/* Point 3: on every page, with the case read-only, no add, edit or delete
 * button (or row's action) can be used; the case view says why. */
static void
test_read_only_buttons (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *const pages[] = {
    "overview", "order", "payments", "communications", "enforcement",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  RecWindow *window = start_window (fixture);
  guint n = 0;

  session = rec_case_session_open (fixture->demo_path, &error);
  g_assert_no_error (error);
  _rec_case_session_set_read_only (session, TRUE);
  g_assert_true (rec_case_session_get_read_only (session));
  rec_window_set_session (window, session);
  spin ();
  g_assert_nonnull (rec_case_view_get_notice (window->case_view));
  n += assert_edits_insensitive (GTK_WIDGET (window->case_view), "header bar");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = rec_case_view_get_page (window->case_view, pages[i]);
      guint n_page;

      rec_case_view_select_page (window->case_view, pages[i]);
      spin ();
      rec_page_ensure_loaded (REC_PAGE (page));
      spin ();
      n_page = assert_edits_insensitive (page, pages[i]);
      g_test_message ("%s: %u edit buttons, all insensitive", pages[i], n_page);
      n += n_page;
    }
  /* The walk saw the pages' buttons (the demo case has rows). */
  g_assert_cmpuint (n, >=, 10);
}

static char *
pdf_first_page_text (const char *path,
                     double     *out_width,
                     double     *out_height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, out_width, out_height);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  return text;
}

/* Export asks for the as-of date, the language and the paper; they reach the
 * packet, and the next export offers them again. */
static void
test_export_options (Fixture       *fixture,
                     gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "options.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *dialog;
  AdwEntryRow *as_of;
  g_autofree char *po = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  GDate date;
  double width, height;

  /* The build's catalogs, for a packet in Spanish (the window stays in C). */
  bindtextdomain (GETTEXT_PACKAGE, po);
  _rec_window_ask_packet_options (window, REC_PACKET_EXPORT, pdf);
  spin ();
  dialog = window->options_dialog;
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  as_of = _rec_window_get_options_as_of (dialog);

  /* Not a date: the dialog does not go on. */
  gtk_editable_set_text (GTK_EDITABLE (as_of), "June");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "continue"));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_JUNE, 2025);
  typed = rec_date_format (&date);
  gtk_editable_set_text (GTK_EDITABLE (as_of), typed);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "continue"));
  adw_combo_row_set_selected (_rec_window_get_options_language (dialog), 1);   /* es */
  adw_combo_row_set_selected (_rec_window_get_options_paper (dialog), 1);      /* A4 */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_assert_true (_rec_window_is_exporting (window));
  wait_exported (window);

  text = pdf_first_page_text (pdf, &width, &height);
  g_test_message ("page %.0f × %.0f pt", width, height);
  g_assert_cmpfloat (fabs (width - 595.3), <, 1.0);    /* A4, not Letter (612 × 792) */
  g_assert_cmpfloat (fabs (height - 841.9), <, 1.0);
  g_assert_nonnull (strstr (text, "Montos al"));        /* Spanish */
  g_assert_nonnull (strstr (text, "30/06/2025"));       /* the date asked, in the packet's form */

  /* Asked again, the dialog offers the last choices. */
  _rec_window_ask_packet_options (window, REC_PACKET_PRINT, NULL);
  spin ();
  dialog = window->options_dialog;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_rec_window_get_options_as_of (dialog))),
                   ==, typed);
  g_assert_cmpuint (adw_combo_row_get_selected (_rec_window_get_options_language (dialog)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (_rec_window_get_options_paper (dialog)), ==, 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  spin ();
  g_assert_null (window->options_dialog);
  g_assert_false (_rec_window_is_printing (window));
}

/* Print asks for the same options, and prints the packet they make. */
static void
test_print_options (Fixture       *fixture,
                    gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *po = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  double width, height;

  bindtextdomain (GETTEXT_PACKAGE, po);
  _rec_window_ask_packet_options (window, REC_PACKET_PRINT, printed);
  spin ();
  dialog = window->options_dialog;
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (_rec_window_get_options_language (dialog), 2);   /* vi */
  adw_combo_row_set_selected (_rec_window_get_options_paper (dialog), 1);      /* A4 */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_assert_true (_rec_window_is_printing (window));
  for (int i = 0; i < 1500 && _rec_window_is_printing (window); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_printing (window));

  text = pdf_first_page_text (printed, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.3), <, 1.0);
  g_assert_nonnull (strstr (text, "Tiểu bang"));        /* a Vietnamese packet */
}

/* Nothing the export shows has to be dismissed while it animates: the
 * spinner says it is under way and the result toast goes on its timeout.
 * The main loop is then held up past libadwaita 1.2's show and hide
 * durations (as a dialog being built does), which freed the dismissed
 * "Exporting…" toast under its still running show animation (a crash in
 * adw_animation_skip under MALLOC_PERTURB_ or AddressSanitizer). */
static void
test_export_stalled_frames (Fixture       *fixture,
                            gconstpointer  data)
{
  RecWindow *window = open_demo (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "toast.pdf", NULL);

  _rec_window_export_to (window, pdf);
  g_assert_true (_rec_window_is_exporting (window));
  wait_exported (window);
  g_usleep (700000);
  spin ();
  g_usleep (700000);
  spin ();
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
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
      g_test_add_func ("/ui/window/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  ADD ("/ui/window/start-page", test_start_page);
  ADD ("/ui/window/open-case", test_open_case);
  ADD ("/ui/window/bad-files", test_bad_files);
  ADD ("/ui/window/open-in-background", test_open_in_background);
  ADD ("/ui/window/new-case", test_new_case);
  ADD ("/ui/window/add-delete-undo", test_add_delete_undo);
  ADD ("/ui/window/invalid-amount", test_invalid_amount);
  ADD ("/ui/window/search", test_search);
  ADD ("/ui/window/enforcement", test_enforcement_rows);
  ADD ("/ui/window/export", test_export);
  ADD ("/ui/window/print", test_print);
  ADD ("/ui/window/print-accels", test_print_accels);
  ADD ("/ui/window/undo-toast-targets-its-change", test_undo_toast_targets_its_change);
  ADD ("/ui/window/delete-toast-after-later-change", test_delete_toast_after_later_change);
  ADD ("/ui/window/undo-superseded", test_undo_superseded);
  ADD ("/ui/window/redo", test_redo);
  ADD ("/ui/window/redo-cleared-by-edit", test_redo_cleared_by_edit);
  ADD ("/ui/window/page-shortcuts", test_page_shortcuts);
  ADD ("/ui/window/read-only", test_read_only);
  ADD ("/ui/window/read-write-no-bar", test_read_write_no_bar);
  ADD ("/ui/window/read-only-buttons", test_read_only_buttons);
  ADD ("/ui/window/close-before-first-frame", test_close_before_first_frame);
  ADD ("/ui/window/undo-deletes-back-to-back", test_undo_deletes_back_to_back);
  ADD ("/ui/window/export-options", test_export_options);
  ADD ("/ui/window/export-stalled-frames", test_export_stalled_frames);
  ADD ("/ui/window/print-options", test_print_options);
  return g_test_run ();
}

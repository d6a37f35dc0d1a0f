/* test-ui-letter.c — Write a Letter… and "Leave my address out" in the window, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-letter"

#include "config.h"

#include "rec-application.h"
#include "rec-application-private.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-letter.h"
#include "rec-letter-dialog.h"
#include "rec-money.h"
#include "rec-pages-private.h"
#include "rec-store.h"
#include "rec-window.h"
#include "rec-window-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <poppler.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      /* The case's verification runs in a thread once it is shown: let it
       * end, or its work is still held when the test exits. */
      for (int i = 0; i < 1500 && REC_IS_WINDOW (window)
                      && _rec_window_get_verify_state (REC_WINDOW (window)) == REC_VERIFY_RUNNING; i++)
        {
          g_usleep (10000);
          spin ();
        }
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
open_case (Fixture    *fixture,
           const char *path)
{
  GtkWindow *start;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  spin ();
  start = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (REC_IS_WINDOW (start));
  window = rec_application_open_path (fixture->app, path, start);
  spin ();
  g_assert_true (window == start);
  g_assert_cmpstr (_rec_window_get_mode (REC_WINDOW (start)), ==, "case");
  return REC_WINDOW (start);
}

/* Write a Letter… from the window's menu action. */
static RecLetterDialog *
open_letter_dialog (RecWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "write-letter"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "write-letter", NULL);
  spin ();
  dialog = find_toplevel (REC_TYPE_LETTER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return REC_LETTER_DIALOG (dialog);
}

static void
type_pay_by (RecLetterDialog *dialog,
             const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (rec_letter_dialog_get_pay_by_row (dialog)), text);
  spin ();
}

/* The widgets directly inside `widget` (a toast overlay: its content and
 * one per toast shown). */
static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The PDF's text once a thread has written it (15 s at most). */
static char *
wait_for_pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 1500 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }
  g_string_append_printf (text, "\n[pages: %d]", poppler_document_get_n_pages (doc));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The demo case (California, owing): both kinds, three languages, the
 * default date to pay by; a date before the amounts' or not a date
 * disables saving and says why. */
static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  RecWindow *window = open_case (fixture, fixture->demo_path);
  RecLetterDialog *dialog = open_letter_dialog (window);
  AdwComboRow *kinds = rec_letter_dialog_get_kind_row (dialog);
  g_autofree char *expected_date = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  char day[16];
  GDate today, pay_by, yesterday;

  rec_date_set_today (&today);
  rec_letter_default_pay_by (&today, &today, &pay_by);
  expected_date = rec_date_format (&pay_by);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rec_letter_dialog_get_pay_by_row (dialog))),
                   ==, expected_date);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (kinds)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rec_letter_dialog_get_language_row (dialog))),
                    ==, 3);
  g_assert_true (rec_letter_dialog_can_save (dialog));
  g_assert_null (rec_letter_dialog_get_message (dialog));
  rec_date_to_iso_buf (&today, day);
  name = rec_letter_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_prefix (name, "Demand letter "));
  g_assert_nonnull (strstr (name, day));
  g_assert_true (g_str_has_suffix (name, ".pdf"));

  yesterday = today;
  g_date_subtract_days (&yesterday, 1);
  before = rec_date_format (&yesterday);
  type_pay_by (dialog, before);
  g_assert_false (rec_letter_dialog_can_save (dialog));
  g_assert_nonnull (strstr (rec_letter_dialog_get_message (dialog), before));
  type_pay_by (dialog, "soon");
  g_assert_false (rec_letter_dialog_can_save (dialog));
  g_assert_nonnull (rec_letter_dialog_get_message (dialog));
  type_pay_by (dialog, expected_date);
  g_assert_true (rec_letter_dialog_can_save (dialog));

  /* The notice has no date to pay by: the row goes insensitive. */
  adw_combo_row_set_selected (kinds, 1);
  spin ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (rec_letter_dialog_get_pay_by_row (dialog))));
  g_clear_pointer (&name, g_free);
  name = rec_letter_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_prefix (name, "Notice of delinquency "));
  g_assert_true (rec_letter_dialog_can_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A demand letter in Spanish without the address, written in a thread. */
static void
test_spanish_withheld (Fixture       *fixture,
                       gconstpointer  data)
{
  RecWindow *window = open_case (fixture, fixture->demo_path);
  RecCaseSession *session = rec_window_get_session (window);
  RecLetterDialog *dialog = open_letter_dialog (window);
  g_autofree char *pdf = g_build_filename (fixture->dir, "carta.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *total = rec_cents_format (rec_case_session_get_result (session)->total_balance_cents, "USD");
  g_auto(GStrv) address = g_strsplit (rec_case_session_get_info (session)->obligee.address, "\n", -1);
  g_autoptr(GError) error = NULL;
  char day[8];
  GDate pay_by = rec_case_session_get_result (session)->as_of;

  if (!rec_report_language_find ("es", &error))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_nonnull (address[0]);
  g_assert_cmpuint (strlen (address[0]), >, 4);
  adw_combo_row_set_selected (rec_letter_dialog_get_language_row (dialog), 1);   /* es */
  gtk_switch_set_active (rec_letter_dialog_get_withhold_switch (dialog), TRUE);
  spin ();
  rec_letter_dialog_save_to (dialog, pdf);
  spin ();
  g_assert_null (find_toplevel (REC_TYPE_LETTER_DIALOG));
  text = wait_for_pdf_text (pdf);
  /* The file is in place before the task's callback runs on this thread:
   * wait for its toast, or the task's data would still be held at exit. */
  for (int i = 0; i < 1500 && count_children (GTK_WIDGET (window->toast_overlay)) < 2; i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_cmpuint (count_children (GTK_WIDGET (window->toast_overlay)), >=, 2);
  g_assert_nonnull (strstr (text, "[pages: 1]"));
  g_assert_nonnull (strstr (text, total));
  g_assert_null (strstr (text, address[0]));
  /* The Spanish date form: day first. */
  g_date_add_days (&pay_by, REC_LETTER_PAY_DAYS);
  g_snprintf (day, sizeof day, "%02d/%02d/", g_date_get_day (&pay_by), g_date_get_month (&pay_by));
  g_assert_nonnull (strstr (text, day));
}

/* A case with nothing owed says so and cannot save; outside California the
 * notice is not offered. */
static void
test_nothing_owed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "texas.recourse", NULL);
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RecLetterDialog *dialog;

  rec_set_str (&info->title, "Nothing owed");
  rec_set_str (&info->jurisdiction, "us-tx");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  dialog = open_letter_dialog (open_case (fixture, path));
  g_assert_false (rec_letter_dialog_can_save (dialog));
  g_assert_nonnull (strstr (rec_letter_dialog_get_message (dialog), "Nothing is owed"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rec_letter_dialog_get_kind_row (dialog))),
                    ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rec_letter_dialog_get_kind_row (dialog))),
                            "California"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The packet's text as the window would make it now, rendered in memory
 * (no toasts: the export's own are libadwaita 1.2's to animate). */
static char *
window_packet_text (RecWindow *window)
{
  g_autoptr(RecReportInput) input = _rec_window_new_report_input (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (input);
  bytes = rec_report_render (input, &error);
  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Leave my address out" in the packet's options: chosen there (Export…
 * to a file), the packet holds neither the address
 * nor the phone, and the next options remember it. */
static void
test_packet_withheld (Fixture       *fixture,
                      gconstpointer  data)
{
  RecWindow *window = open_case (fixture, fixture->demo_path);
  RecCaseInfo *info = rec_case_session_get_info (rec_window_get_session (window));
  g_auto(GStrv) address = g_strsplit (info->obligee.address, "\n", -1);
  g_autofree char *phone = g_strdup (info->obligee.phone);
  g_autofree char *before = window_packet_text (window);
  g_autofree char *after = NULL;
  g_autofree char *exported = g_build_filename (fixture->dir, "packet.pdf", NULL);
  GtkWidget *options;

  g_assert_cmpuint (strlen (address[0]), >, 4);
  g_assert_cmpuint (strlen (phone), >, 4);
  g_assert_nonnull (strstr (before, address[0]));
  g_assert_nonnull (strstr (before, phone));

  /* Exported to a path (as a drop or the tests give it): no file chooser,
   * whose folder-reading threads would still hold buffers at exit. */
  _rec_window_ask_packet_options (window, REC_PACKET_EXPORT, exported);
  spin ();
  options = window->options_dialog;
  g_assert_nonnull (options);
  g_assert_false (gtk_switch_get_active (_rec_window_get_options_withhold (options)));
  gtk_switch_set_active (_rec_window_get_options_withhold (options), TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (options), "continue");
  spin ();
  g_assert_true (window->packet.withhold_address);
  for (int i = 0; i < 3000 && (_rec_window_is_exporting (window)
                               || !g_file_test (exported, G_FILE_TEST_EXISTS)); i++)
    {
      g_usleep (10000);
      spin ();
    }
  g_assert_false (_rec_window_is_exporting (window));
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));

  after = window_packet_text (window);
  g_assert_null (strstr (after, address[0]));
  g_assert_null (strstr (after, phone));
  g_assert_nonnull (strstr (after, "Withheld"));

  _rec_window_ask_packet_options (window, REC_PACKET_EXPORT, NULL);
  spin ();
  g_assert_true (gtk_switch_get_active (_rec_window_get_options_withhold (window->options_dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (window->options_dialog), "cancel");
  spin ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The build's catalogs, for the letter in Spanish. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RECOURSE_LOCALEDIR") != NULL ? g_getenv ("RECOURSE_LOCALEDIR")
                                                                          : SOURCE_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (!gtk_init_check ())
    {
      g_test_message ("no display: the letter dialog is not tested");
      return 77;
    }
  adw_init ();

  g_test_add ("/ui/letter/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/ui/letter/spanish-withheld", Fixture, NULL, fixture_set_up, test_spanish_withheld,
              fixture_tear_down);
  g_test_add ("/ui/letter/nothing-owed", Fixture, NULL, fixture_set_up, test_nothing_owed,
              fixture_tear_down);
  g_test_add ("/ui/letter/packet-withheld", Fixture, NULL, fixture_set_up, test_packet_withheld,
              fixture_tear_down);

  return g_test_run ();
}

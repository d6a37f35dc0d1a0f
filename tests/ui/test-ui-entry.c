/* test-ui-entry.c — amounts and dates typed as people write them, per locale, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language runs in a subprocess that sets LANGUAGE, the locale and the
 * build's catalogs before GTK starts (the date form is translated). A table
 * of what people type goes through the real payment dialog: each row is
 * typed into the amount and date fields, saved, and the stored cents and
 * date are compared with the row; an ambiguous amount must show what was
 * understood under the field, a clear one nothing. Opening a stored payment
 * again shows it in the language's form, and saving that unchanged keeps
 * the same cents and day. The Overview's extra payment each month takes the
 * same amounts as the dialogs.
 */
#define G_LOG_DOMAIN "test-ui-entry"

#include "config.h"

#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-dialogs-private.h"
#include "rec-overview-page.h"
#include "rec-pages-private.h"
#include "rec-payment-dialog.h"
#include "rec-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

typedef struct
{
  const char *amount;
  RecCents    cents;       /* -1: refused */
  gboolean    note;        /* "read as …" shown */
  const char *date;
  const char *iso;         /* NULL: refused */
} Row;

typedef struct
{
  const char *language;
  const char *locale;
  const char *shown_date;  /* 2026-12-15 as the dialog shows it */
  const char *payoff;      /* 1250.00 as people write it */
  const Row  *rows;
  guint       n_rows;
} Language;

static const Row en_rows[] = {
  { "1,250.00", 125000, FALSE, "12/15/2026", "2026-12-15" },
  { "$1,415", 141500, FALSE, "2026-12-15", "2026-12-15" },
  { "1415", 141500, FALSE, "1/5/2026", "2026-01-05" },
  { ".5", 50, FALSE, "02/29/2024", "2024-02-29" },
  { "1,25", 125, TRUE, "12-15-2026", "2026-12-15" },
  { " $ 850.50 ", 85050, FALSE, "12/15/2026", "2026-12-15" },
  { "1,2,3", -1, FALSE, "15/12/2026", NULL },
  { "12.345", -1, FALSE, "02/30/2026", NULL },
  { "", -1, FALSE, "12/15/26", NULL },
};

static const Row es_rows[] = {
  { "1.250,00", 125000, FALSE, "15/12/2026", "2026-12-15" },
  { "1.250", 125000, TRUE, "2026-12-15", "2026-12-15" },
  { "$1.415,00", 141500, FALSE, "5/1/2026", "2026-01-05" },
  { "1415,5", 141550, FALSE, "29.02.2024", "2024-02-29" },
  { "12,50", 1250, FALSE, "15-12-2026", "2026-12-15" },
  { "1.2.3", -1, FALSE, "12/15/2026", NULL },
  { "12,345", -1, FALSE, "30/02/2026", NULL },
};

static const Language languages[] = {
  { "en", "en_US.UTF-8", "12/15/2026", "1,250.00", en_rows, G_N_ELEMENTS (en_rows) },
  { "es", "es_ES.UTF-8", "15/12/2026", "1.250,00", es_rows, G_N_ELEMENTS (es_rows) },
  /* Vietnamese writes amounts and dates as Spanish does. */
  { "vi", "vi_VN.UTF-8", "15/12/2026", "1.250,00", es_rows, G_N_ELEMENTS (es_rows) },
};

static gboolean
use_language (const Language *language)
{
  const char *dir = g_getenv ("RECOURSE_LOCALEDIR");
  g_autofree char *fallback = NULL;

  if (dir == NULL)
    dir = fallback = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  /* gtk_init() sets the locale from the environment again. */
  g_setenv ("LANGUAGE", language->language, TRUE);
  g_setenv ("LC_ALL", language->locale, TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static RecCaseSession *
open_case (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  RecCaseSession *session;

  rec_set_str (&info->title, "Rivera v. Rivera");
  rec_set_str (&info->jurisdiction, "us-ca");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);
  return session;
}

/* The payment stored last (the highest id). */
static RecPayment *
newest_payment (RecCaseSession *session)
{
  GListModel *payments = rec_case_session_get_payments (session);
  RecPayment *newest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(RecPayment) payment = g_list_model_get_item (payments, i);

      if (newest == NULL || payment->entity.id > newest->entity.id)
        g_set_object (&newest, payment);
    }

  g_assert_nonnull (newest);
  return newest;
}

static void
check_row (RecCaseSession *session,
           const Row      *row)
{
  GtkWindow *dialog = g_object_ref (rec_payment_dialog_new (NULL, session, NULL));
  g_autoptr(RecPayment) stored = NULL;
  g_autofree char *iso = NULL;
  const char *note;

  _rec_dialog_set_field (dialog, "amount", row->amount);
  _rec_dialog_set_field (dialog, "date", row->date);
  note = _rec_dialog_get_note (dialog, "amount");
  g_test_message ("“%s” “%s”: amount error %s, note %s, date error %s", row->amount, row->date,
                  _rec_dialog_get_error (dialog, "amount"), note,
                  _rec_dialog_get_error (dialog, "date"));

  if (row->cents < 0)
    g_assert_nonnull (_rec_dialog_get_error (dialog, "amount"));
  else
    g_assert_null (_rec_dialog_get_error (dialog, "amount"));
  if (row->iso == NULL)
    g_assert_nonnull (_rec_dialog_get_error (dialog, "date"));
  else
    g_assert_null (_rec_dialog_get_error (dialog, "date"));

  if (row->cents < 0 || row->iso == NULL)
    {
      g_assert_false (_rec_dialog_save (dialog));
      gtk_window_destroy (dialog);
      g_object_unref (dialog);
      return;
    }

  if (row->note)
    g_assert_nonnull (note);
  else
    g_assert_null (note);
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  stored = newest_payment (session);
  iso = rec_date_to_iso (&stored->date);
  g_assert_cmpint (stored->amount_cents, ==, row->cents);
  g_assert_cmpstr (iso, ==, row->iso);
}

/* A stored payment shows in the language's form and saves back unchanged. */
static void
check_round_trip (RecCaseSession *session,
                  const char     *shown_date)
{
  g_autoptr(RecPayment) stored = NULL;
  g_autoptr(RecPayment) again = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *formatted = NULL;
  GtkWindow *dialog;

  check_row (session, &(Row) { "1250", 125000, FALSE, "2026-12-15", "2026-12-15" });
  stored = newest_payment (session);
  dialog = g_object_ref (rec_payment_dialog_new (NULL, session, stored));
  date = _rec_dialog_get_field (dialog, "date");
  amount = _rec_dialog_get_field (dialog, "amount");
  formatted = rec_cents_format (125000, "USD");
  g_test_message ("shown: “%s” “%s”", date, amount);
  g_assert_cmpstr (date, ==, shown_date);
  g_assert_cmpstr (amount, ==, formatted);
  g_assert_null (_rec_dialog_get_note (dialog, "amount"));

  /* The calendar writes the field in the same form. */
  _rec_dialog_pick_date (dialog, "date", "2026-12-15");
  g_clear_pointer (&date, g_free);
  date = _rec_dialog_get_field (dialog, "date");
  g_assert_cmpstr (date, ==, shown_date);

  _rec_dialog_set_field (dialog, "reference", "again");
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);
  again = newest_payment (session);
  g_assert_cmpint (again->entity.id, ==, stored->entity.id);
  g_assert_cmpint (again->amount_cents, ==, 125000);
  g_assert_cmpint (g_date_compare (&again->date, &stored->date), ==, 0);
}

/* The projection of what the payoff entry reads `text` as. */
static char *
project_payoff (RecOverviewPage *page,
                const char      *text)
{
  gtk_editable_set_text (_rec_overview_page_get_payoff_entry (page), text);
  while (_rec_overview_page_is_payoff_pending (page))
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("payoff “%s”: error %s, result %s", text,
                  _rec_overview_page_get_payoff_error (page),
                  _rec_overview_page_get_payoff_result (page));
  g_assert_null (_rec_overview_page_get_payoff_error (page));
  g_assert_nonnull (_rec_overview_page_get_payoff_result (page));
  return g_strdup (_rec_overview_page_get_payoff_result (page));
}

/* The Overview's payoff card reads the language's 1,250.00 as 125000 cents:
 * it projects what the plain "1250" projects, and "12,50" (12.50, as
 * Spanish writes it, or 1250 in English) something else. */
static void
check_payoff (const char *dir,
              const char *payoff)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.recourse", NULL);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(RecCaseSession) session = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *less = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RecOverviewPage *page = g_object_new (REC_TYPE_OVERVIEW_PAGE, NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (window, 900, 2000);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  rec_page_set_session (REC_PAGE (page), session);
  while (!rec_page_is_loaded (REC_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);

  typed = project_payoff (page, payoff);
  plain = project_payoff (page, "1250");
  less = project_payoff (page, "5,50");
  g_assert_cmpstr (typed, ==, plain);
  g_assert_cmpstr (typed, !=, less);

  gtk_window_destroy (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&session);
  g_remove (path);
}

static void
test_language (gconstpointer data)
{
  const Language *language = data;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;
      g_autoptr(RecCaseSession) session = NULL;

      g_assert_true (use_language (language));
      g_assert_true (gtk_init_check ());
      adw_init ();

      dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "case.recourse", NULL);
      session = open_case (path);
      for (guint i = 0; i < language->n_rows; i++)
        check_row (session, &language->rows[i]);
      check_round_trip (session, language->shown_date);
      check_payoff (dir, language->payoff);

      g_clear_object (&session);
      g_remove (path);
      g_rmdir (dir);
      return;
    }

  if (setlocale (LC_ALL, language->locale) == NULL)
    {
      g_test_skip ("the locale is not installed");
      return;
    }
  setlocale (LC_ALL, "");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display (run under xvfb-run)");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT
                                   | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/entry/%s", languages[i].language);

      g_test_add_data_func (path, &languages[i], test_language);
    }

  return g_test_run ();
}

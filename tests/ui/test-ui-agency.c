/* test-ui-agency.c — the agency's stated arrears in Case Details, per language, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language runs in a subprocess that sets LANGUAGE, the locale and the
 * build's catalogs before GTK starts (as test-ui-entry.c does). The figure
 * is typed into the real Case Details dialog the way the language writes it
 * ("1,250.00" and "11/15/2026" in English, "1.250,00" and "15/11/2026" in
 * Spanish and Vietnamese), saved, and read back from the session: cents,
 * day, and one change that undo takes back whole. Then what is refused
 * inline: an amount without its day (the error names the day), a day
 * without an amount, a day still to come, an amount that cannot be read;
 * and what is taken: a credit below zero, both fields cleared.
 */
#define G_LOG_DOMAIN "test-ui-agency"

#include "config.h"

#include "rec-case-details-dialog.h"
#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-dialogs-private.h"
#include "rec-gui-util.h"
#include "rec-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

typedef struct
{
  const char *language;
  const char *locale;
  const char *amount;        /* 1250.00 as the language writes it */
  const char *date;          /* 2026-11-15 likewise */
  const char *ambiguous;     /* an amount read with a note, or NULL */
  RecCents    ambiguous_cents;
  const char *credit;        /* -50.00 likewise */
} Language;

static const Language languages[] = {
  { "en", "en_US.UTF-8", "1,250.00", "11/15/2026", "1,25", 125, "-50.00" },
  { "es", "es_ES.UTF-8", "1.250,00", "15/11/2026", "1.250", 125000, "-50,00" },
  { "vi", "vi_VN.UTF-8", "1.250,00", "15/11/2026", "1.250", 125000, "-50,00" },
};

static gboolean
use_language (const Language *language)
{
  const char *dir = g_getenv ("RECOURSE_LOCALEDIR");
  g_autofree char *fallback = NULL;

  if (dir == NULL)
    dir = fallback = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
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
  rec_set_str (&info->currency, "USD");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);
  return session;
}

static GtkWindow *
open_dialog (RecCaseSession *session)
{
  return g_object_ref (rec_case_details_dialog_new (NULL, session));
}

static void
close_dialog (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Types both fields, saves, and checks the stored figure. */
static void
save_figure (RecCaseSession *session,
             const char     *amount,
             const char     *date,
             gboolean        expect_set,
             RecCents        cents,
             const char     *iso)
{
  GtkWindow *dialog = open_dialog (session);
  const RecCaseInfo *info;
  guint64 before = rec_case_session_get_last_change (session);

  _rec_dialog_set_field (dialog, "agency_balance", amount);
  _rec_dialog_set_field (dialog, "agency_balance_as_of", date);
  g_test_message ("“%s” “%s”: errors %s / %s, note %s", amount, date,
                  _rec_dialog_get_error (dialog, "agency_balance"),
                  _rec_dialog_get_error (dialog, "agency_balance_as_of"),
                  _rec_dialog_get_note (dialog, "agency_balance"));
  g_assert_null (_rec_dialog_get_error (dialog, "agency_balance"));
  g_assert_null (_rec_dialog_get_error (dialog, "agency_balance_as_of"));
  g_assert_true (_rec_dialog_save (dialog));
  g_object_unref (dialog);

  g_assert_cmpuint (rec_case_session_get_last_change (session), >, before);
  info = rec_case_session_get_info (session);
  g_assert_cmpint (info->has_agency_balance, ==, expect_set);
  if (expect_set)
    {
      g_autofree char *stored = rec_date_to_iso (&info->agency_balance_as_of);

      g_assert_cmpint (info->agency_balance_cents, ==, cents);
      g_assert_cmpstr (stored, ==, iso);
    }
  else
    g_assert_false (rec_date_is_set (&info->agency_balance_as_of));
}

/* Both fields typed, one refused inline: Save is refused too and nothing is
 * stored. */
static void
check_refused (RecCaseSession *session,
               const char     *amount,
               const char     *date,
               const char     *bad_field)
{
  GtkWindow *dialog = open_dialog (session);
  const RecCaseInfo *info = rec_case_session_get_info (session);
  gboolean had = info->has_agency_balance;
  RecCents had_cents = info->agency_balance_cents;
  const char *other = g_str_equal (bad_field, "agency_balance") ? "agency_balance_as_of"
                                                                : "agency_balance";

  _rec_dialog_set_field (dialog, "agency_balance", amount);
  _rec_dialog_set_field (dialog, "agency_balance_as_of", date);
  g_test_message ("“%s” “%s”: %s: %s", amount, date, bad_field,
                  _rec_dialog_get_error (dialog, bad_field));
  g_assert_nonnull (_rec_dialog_get_error (dialog, bad_field));
  g_assert_null (_rec_dialog_get_error (dialog, other));
  g_assert_false (_rec_dialog_can_save (dialog));
  g_assert_false (_rec_dialog_save (dialog));
  close_dialog (dialog);

  info = rec_case_session_get_info (session);
  g_assert_cmpint (info->has_agency_balance, ==, had);
  g_assert_cmpint (info->agency_balance_cents, ==, had_cents);
}

static void
run_language (const Language *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "case.recourse", NULL);
  g_autoptr(RecCaseSession) session = NULL;
  g_autofree char *shown_amount = NULL;
  g_autofree char *shown_date = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *tomorrow_text = NULL;
  const RecCaseInfo *info;
  GtkWindow *dialog;
  GDate tomorrow;

  g_assert_no_error (error);
  session = open_case (path);
  g_assert_false (rec_case_session_get_info (session)->has_agency_balance);

  /* The figure as the language writes it. */
  save_figure (session, language->amount, language->date, TRUE, 125000, "2026-11-15");

  /* One change: undo takes back the amount and the day together. */
  g_assert_true (rec_case_session_undo (session, &error));
  g_assert_no_error (error);
  info = rec_case_session_get_info (session);
  g_assert_false (info->has_agency_balance);
  g_assert_false (rec_date_is_set (&info->agency_balance_as_of));
  g_assert_true (rec_case_session_redo (session, &error));
  g_assert_no_error (error);
  info = rec_case_session_get_info (session);
  g_assert_true (info->has_agency_balance);
  g_assert_cmpint (info->agency_balance_cents, ==, 125000);

  /* Opened again, the dialog shows it in the language's form. */
  dialog = open_dialog (session);
  shown_amount = _rec_dialog_get_field (dialog, "agency_balance");
  shown_date = _rec_dialog_get_field (dialog, "agency_balance_as_of");
  formatted = rec_cents_format (125000, "USD");
  g_assert_cmpstr (shown_amount, ==, formatted);
  g_assert_cmpstr (shown_date, ==, language->date);
  g_assert_null (_rec_dialog_get_error (dialog, "agency_balance"));
  g_assert_null (_rec_dialog_get_note (dialog, "agency_balance"));
  close_dialog (dialog);

  /* Refused inline, naming what is wrong. */
  check_refused (session, language->amount, "", "agency_balance_as_of");
  check_refused (session, "", language->date, "agency_balance");
  check_refused (session, "12.34.5", language->date, "agency_balance");
  rec_date_set_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_text = rec_gui_format_date (&tomorrow);
  check_refused (session, language->amount, tomorrow_text, "agency_balance_as_of");

  /* An ambiguous amount says what it was read as, and is stored so. */
  dialog = open_dialog (session);
  _rec_dialog_set_field (dialog, "agency_balance", language->ambiguous);
  g_assert_nonnull (_rec_dialog_get_note (dialog, "agency_balance"));
  close_dialog (dialog);
  save_figure (session, language->ambiguous, "2026-11-01", TRUE, language->ambiguous_cents,
               "2026-11-01");

  /* A credit the agency states, below zero; then no figure at all. */
  save_figure (session, language->credit, language->date, TRUE, -5000, "2026-11-15");
  save_figure (session, "", "", FALSE, 0, NULL);

  g_clear_object (&session);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_language (gconstpointer data)
{
  const Language *language = data;

  if (g_test_subprocess ())
    {
      g_assert_true (use_language (language));
      g_assert_true (gtk_init_check ());
      adw_init ();
      run_language (language);
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
      g_autofree char *path = g_strdup_printf ("/ui/agency/%s", languages[i].language);

      g_test_add_data_func (path, &languages[i], test_language);
    }

  return g_test_run ();
}

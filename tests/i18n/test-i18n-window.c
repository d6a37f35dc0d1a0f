/* test-i18n-window.c — the window in Spanish and Vietnamese, under Xvfb
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language runs in a subprocess that sets LANGUAGE, the locale and the
 * build's catalogs ($RECOURSE_LOCALEDIR) before GTK starts, opens the demo
 * case and checks the view stack's page titles against the catalog (failing
 * when the catalog leaves them in English). On every page it then looks for
 * shown labels still in English although the catalog translates them (a
 * string marked with N_() but shown without _(), or set before gettext);
 * the demo case's own English data (names, subjects) is left out. It does
 * the same in each editor dialog, open on one of the demo case's items, in
 * the New Case dialog, on the Overview's payoff card (an amount entered) and
 * on the Overview of a New York case (no automatic interest).
 *
 * With RECOURSE_I18N_SHOTS=DIR it also saves each page as DIR/PAGE-LL.png
 * (1280×800, or RECOURSE_I18N_SHOTS_SIZE=WxH; light style, GNOME's title
 * bar buttons), to look at the
 * translation; run it on a larger screen (xvfb-run -s '-screen 0 1600x1000x24')
 * so that the window can grow to that size with its decorations.
 */
#include "config.h"

#include "rec-application.h"
#include "rec-case-details-dialog.h"
#include "rec-case-json.h"
#include "rec-charge-dialog.h"
#include "rec-child-dialog.h"
#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-enforcement-dialog.h"
#include "rec-pages-private.h"
#include "rec-payment-dialog.h"
#include "rec-store.h"
#include "rec-term-dialog.h"
#include "rec-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static const struct
{
  const char *name;
  const char *title;
} pages[] = {
  { "overview", NC_("page", "Overview") },
  { "order", NC_("page", "Support Order") },
  { "payments", NC_("page", "Payments") },
  { "communications", NC_("page", "Communications") },
  { "enforcement", NC_("page", "Enforcement") },
};

/* The contexts of the enumerations' labels shown in the window. */
static const char * const contexts[] = {
  "support kind", "payment method", "channel", "direction", "remedy", "month",
};

static void
spin (void)
{
  for (int i = 0; i < 3; i++)
    {
      g_usleep (20000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
use_language (const char *lang)
{
  const char *dir = g_getenv ("RECOURSE_LOCALEDIR");
  g_autofree char *fallback = NULL;

  if (dir == NULL)
    dir = fallback = g_build_filename (g_getenv ("RECOURSE_BUILD_ROOT"), "po", NULL);
  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Whether the catalog translates `text`, without a context or with one of
 * the enumerations' contexts. */
static gboolean
is_translated_message (const char *text)
{
  if (!g_str_equal (_(text), text))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    if (!g_str_equal (g_dpgettext2 (GETTEXT_PACKAGE, contexts[i], text), text))
      return TRUE;
  return FALSE;
}

/* Shown labels whose text is an English message the catalog translates,
 * unless it is a string value of the case (`case_json`): data, not UI. */
static void
collect_english (GtkWidget  *widget,
                 const char *page,
                 const char *case_json,
                 GPtrArray  *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", text);

      if (*text != '\0' && is_translated_message (text) && strstr (case_json, quoted) == NULL)
        g_ptr_array_add (found, g_strdup_printf ("“%s” (in a %s on the %s)", text,
                                                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                                 page));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_english (child, page, case_json, found);
}

/* Saves the window as it is drawn now into `path` (PNG). */
static void
save_shot (GtkWindow  *window,
           const char *path,
           int         want_width,
           int         want_height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  /* The default size counts the decorations' margins: grow the window until
   * its content is the size wanted (-1: as it is). */
  for (int i = 0; i < 5 && want_width > 0 && (width != want_width || height != want_height); i++)
    {
      int default_width, default_height;

      gtk_window_get_default_size (window, &default_width, &default_height);
      gtk_window_set_default_size (window, default_width + want_width - width,
                                   default_height + want_height - height);
      for (int j = 0; j < 10; j++)
        spin ();
      width = gtk_widget_get_width (GTK_WIDGET (window));
      height = gtk_widget_get_height (GTK_WIDGET (window));
    }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%dx%d)", path, width, height);
}

static RecWindow *
open_demo (RecApplication *app,
           const char     *path)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  spin ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (REC_IS_WINDOW (window));
  g_assert_true (rec_application_open_path (app, path, window) == window);
  spin ();
  g_assert_nonnull (rec_window_get_session (REC_WINDOW (window)));
  return REC_WINDOW (window);
}

static void
check_page (RecWindow  *window,
            guint       i,
            const char *case_json,
            GPtrArray  *english)
{
  GtkWidget *child = rec_window_get_page (window, pages[i].name);
  GtkWidget *stack;
  const char *expected = g_dpgettext2 (GETTEXT_PACKAGE, "page", pages[i].title);
  g_autofree char *where = g_strdup_printf ("%s page", pages[i].name);
  const char *title;

  g_assert_nonnull (child);
  stack = gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  /* The page, or the slot it was built in (rec-case-view.c). */
  if (gtk_widget_get_parent (child) != stack)
    child = gtk_widget_get_parent (child);
  title = adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child));
  g_test_message ("page %s: “%s”", pages[i].name, title);
  if (g_str_equal (expected, pages[i].title))
    g_error ("“%s” is not translated into %s", pages[i].title, g_getenv ("LANGUAGE"));
  g_assert_cmpstr (title, ==, expected);

  rec_window_select_page (window, pages[i].name);
  spin ();
  if (g_getenv ("RECOURSE_I18N_SHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", pages[i].name, g_getenv ("LANGUAGE"));
      g_autofree char *path = g_build_filename (g_getenv ("RECOURSE_I18N_SHOTS"), name, NULL);
      const char *size = g_getenv ("RECOURSE_I18N_SHOTS_SIZE");
      int width = 1280, height = 800;

      if (size != NULL)
        g_assert_cmpint (sscanf (size, "%dx%d", &width, &height), ==, 2);
      g_usleep (300000);
      spin ();
      save_shot (GTK_WINDOW (window), path, width, height);
    }
  collect_english (GTK_WIDGET (window), where, case_json, english);
}

/* The first item of a session's list (a new reference). */
static gpointer
first_item (GListModel *model)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

/* Opens each editor dialog on an item of the case (or a new one where
 * an item makes no difference) and looks for English labels in it. */
static void
check_dialogs (RecWindow  *window,
               const char *case_json,
               GPtrArray  *english)
{
  RecCaseSession *session = rec_window_get_session (window);
  GtkWindow *parent = GTK_WINDOW (window);
  g_autoptr(RecPayment) payment = first_item (rec_case_session_get_payments (session));
  g_autoptr(RecTerm) term = first_item (rec_case_session_get_terms (session));
  g_autoptr(RecCommunication) communication =
    first_item (rec_case_session_get_communications (session));
  g_autoptr(RecEnforcementStep) step = first_item (rec_case_session_get_enforcement (session));
  g_autoptr(RecChild) child = first_item (rec_case_session_get_children (session));
  struct
  {
    const char *name;
    GtkWindow  *dialog;
  } dialogs[] = {
    { "payment-dialog", rec_payment_dialog_new (parent, session, payment) },
    { "charge-dialog", rec_charge_dialog_new (parent, session, NULL) },
    { "term-dialog", rec_term_dialog_new (parent, session, term) },
    { "communication-dialog", rec_communication_dialog_new (parent, session, communication) },
    { "enforcement-dialog", rec_enforcement_dialog_new (parent, session, step, step->remedy) },
    { "child-dialog", rec_child_dialog_new (parent, session, child) },
    { "case-details-dialog", rec_case_details_dialog_new (parent, session) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      gtk_window_present (dialogs[i].dialog);
      spin ();
      collect_english (GTK_WIDGET (dialogs[i].dialog), dialogs[i].name, case_json, english);
      if (g_getenv ("RECOURSE_I18N_SHOTS") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s.png", dialogs[i].name,
                                                   g_getenv ("LANGUAGE"));
          g_autofree char *path = g_build_filename (g_getenv ("RECOURSE_I18N_SHOTS"), name, NULL);

          save_shot (dialogs[i].dialog, path, -1, -1);
        }
      gtk_window_destroy (dialogs[i].dialog);
      spin ();
    }
}

/* The New Case dialog, with its jurisdiction row. */
static void
check_new_case (RecApplication *app,
                GPtrArray      *english)
{
  GList *toplevels;
  GtkWidget *dialog = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  spin ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  collect_english (dialog, "new-case-dialog", "", english);
  if (g_getenv ("RECOURSE_I18N_SHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("new-case-dialog-%s.png", g_getenv ("LANGUAGE"));
      g_autofree char *path = g_build_filename (g_getenv ("RECOURSE_I18N_SHOTS"), name, NULL);

      save_shot (GTK_WINDOW (dialog), path, -1, -1);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* Types an amount into the payoff card and waits for its projection. */
static void
enter_payoff (RecWindow  *window,
              const char *amount)
{
  RecOverviewPage *overview = REC_OVERVIEW_PAGE (rec_window_get_page (window, "overview"));

  gtk_editable_set_text (_rec_overview_page_get_payoff_entry (overview), amount);
  for (int i = 0; i < 200 && _rec_overview_page_is_payoff_pending (overview); i++)
    spin ();
  g_assert_false (_rec_overview_page_is_payoff_pending (overview));
  g_assert_nonnull (_rec_overview_page_get_payoff_result (overview));
}

static void
check_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-i18n-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.recourse", NULL);
  g_autoptr(RecCaseData) demo = NULL;
  g_autoptr(RecApplication) app = NULL;
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *case_json = NULL;
  g_autoptr(RecCaseInfo) info = NULL;
  RecWindow *window;
  GDate today;

  g_assert_no_error (error);
  rec_date_set_today (&today);
  demo = rec_demo_case_new (&today, FALSE);
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  case_json = rec_case_json_to_string (demo);

  app = rec_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = open_demo (app, path);
  enter_payoff (window, "300");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    check_page (window, i, case_json, english);
  check_dialogs (window, case_json, english);
  check_new_case (app, english);

  /* A state without automatic interest: the Overview's notice. */
  info = rec_case_info_copy (rec_case_session_get_info (rec_window_get_session (window)));
  rec_set_str (&info->jurisdiction, "us-ny");
  g_assert_true (rec_case_session_update_info (rec_window_get_session (window), info, &error));
  g_assert_no_error (error);
  enter_payoff (window, "0.01");
  check_page (window, 0, case_json, english);

  for (guint i = 0; i < english->len; i++)
    {
      /* The same label on several pages is listed once. */
      if (strstr (list->str, english->pdata[i]) == NULL)
        g_string_append_printf (list, "\n  %s", (char *) english->pdata[i]);
    }
  if (list->len > 0)
    g_error ("shown in English although po/%s.po translates them:%s", g_getenv ("LANGUAGE"),
             list->str);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_remove (path);
  g_rmdir (dir);
}

static void
test_language (gconstpointer data)
{
  const char *lang = data;

  if (g_test_subprocess ())
    {
      use_language (lang);
      g_assert_true (gtk_init_check ());
      adw_init ();
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
      check_window ();
      return;
    }
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
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/i18n/window/es", "es", test_language);
  g_test_add_data_func ("/i18n/window/vi", "vi", test_language);
  return g_test_run ();
}

/* test-ui-switcher.c — the header bar's page switcher and the main menus
 * built when first opened
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RecViewSwitcher replaces AdwViewSwitcherTitle's switchers in the header
 * (rec-view-switcher.c says why): one toggle button a page, following the
 * stack both ways, a tab list of tabs to assistive technologies.
 */
#define G_LOG_DOMAIN "test-ui-switcher"

#include "config.h"

#include "rec-gui-util.h"
#include "rec-view-switcher.h"

#include <adwaita.h>

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AdwViewStack *
stack_new (void)
{
  AdwViewStack *stack = ADW_VIEW_STACK (g_object_ref_sink (adw_view_stack_new ()));
  AdwViewStackPage *page;

  page = adw_view_stack_add_titled (stack, gtk_label_new ("one"), "overview", "Overview");
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  page = adw_view_stack_add_titled (stack, gtk_label_new ("two"), "payments", "_Payments");
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "x-office-document-symbolic");
  adw_view_stack_add_titled (stack, gtk_label_new ("three"), "evidence", "Evidence");
  return stack;
}

static guint
n_buttons (RecViewSwitcher *switcher)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (GTK_IS_TOGGLE_BUTTON (child));
      n++;
    }
  return n;
}

static GtkWidget *
button_at (RecViewSwitcher *switcher,
           guint            position)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher));

  for (guint i = 0; i < position && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return child;
}

/* As a pointer click does (gtk_widget_activate waits 250 ms first). */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static const char *
button_label (GtkWidget *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *label = gtk_widget_get_last_child (box);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* Which buttons are down, as a string of 0 and 1 ("100"). */
static char *
active_pattern (RecViewSwitcher *switcher)
{
  GString *pattern = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_string_append_c (pattern, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)) ? '1' : '0');
  return g_string_free (pattern, FALSE);
}

static void
assert_active (RecViewSwitcher *switcher,
               const char      *expected)
{
  g_autofree char *pattern = active_pattern (switcher);

  g_assert_cmpstr (pattern, ==, expected);
}

static void
test_buttons (void)
{
  g_autoptr(AdwViewStack) stack = stack_new ();
  RecViewSwitcher *switcher = REC_VIEW_SWITCHER (g_object_ref_sink (rec_view_switcher_new ()));
  GtkWidget *image;

  g_assert_cmpuint (n_buttons (switcher), ==, 0);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (switcher)), ==,
                   GTK_ACCESSIBLE_ROLE_TAB_LIST);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (switcher), "wide"));
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (switcher)), ==, "viewswitcher");

  g_object_set (switcher, "stack", stack, NULL);
  g_assert_true (rec_view_switcher_get_stack (switcher) == stack);
  g_assert_cmpuint (n_buttons (switcher), ==, 3);
  g_assert_cmpstr (button_label (button_at (switcher, 0)), ==, "Overview");
  g_assert_cmpstr (button_label (button_at (switcher, 1)), ==, "_Payments");
  g_assert_true (gtk_label_get_use_underline (GTK_LABEL (gtk_widget_get_last_child (
    gtk_button_get_child (GTK_BUTTON (button_at (switcher, 1)))))));
  image = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button_at (switcher, 0))));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "view-grid-symbolic");
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *button = button_at (switcher, i);

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)), ==,
                       GTK_ACCESSIBLE_ROLE_TAB);
      g_assert_true (gtk_widget_has_css_class (button, "flat"));
    }
  /* The stack's first page is shown, and its button down. */
  assert_active (switcher, "100");

  /* A title changed on the page changes its button. */
  adw_view_stack_page_set_title (adw_view_stack_get_page (stack, gtk_widget_get_first_child (
    GTK_WIDGET (stack))), "Summary");
  g_assert_cmpstr (button_label (button_at (switcher, 0)), ==, "Summary");

  rec_view_switcher_set_stack (switcher, NULL);
  g_assert_cmpuint (n_buttons (switcher), ==, 0);
  g_object_unref (switcher);
}

static void
test_both_ways (void)
{
  g_autoptr(AdwViewStack) stack = stack_new ();
  RecViewSwitcher *switcher = REC_VIEW_SWITCHER (g_object_ref_sink (rec_view_switcher_new ()));

  rec_view_switcher_set_stack (switcher, stack);

  /* A click on a button shows its page, and only its button stays down. */
  click (button_at (switcher, 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "evidence");
  assert_active (switcher, "001");

  /* A click on the button already down keeps it, and its page. */
  click (button_at (switcher, 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "evidence");
  assert_active (switcher, "001");

  /* A page shown another way (Alt+2, an action) puts its button down. */
  adw_view_stack_set_visible_child_name (stack, "payments");
  assert_active (switcher, "010");
  g_object_unref (switcher);
}

static void
test_pages_change (void)
{
  g_autoptr(AdwViewStack) stack = stack_new ();
  RecViewSwitcher *switcher = REC_VIEW_SWITCHER (g_object_ref_sink (rec_view_switcher_new ()));
  GtkWidget *extra = gtk_label_new ("four");
  AdwViewStackPage *page;

  rec_view_switcher_set_stack (switcher, stack);
  adw_view_stack_set_visible_child_name (stack, "payments");

  page = adw_view_stack_add_titled (stack, extra, "log", "Log");
  g_assert_cmpuint (n_buttons (switcher), ==, 4);
  g_assert_cmpstr (button_label (button_at (switcher, 3)), ==, "Log");
  assert_active (switcher, "0100");

  /* A hidden page has no button on screen. */
  adw_view_stack_page_set_visible (page, FALSE);
  g_assert_false (gtk_widget_get_visible (button_at (switcher, 3)));

  adw_view_stack_remove (stack, extra);
  g_assert_cmpuint (n_buttons (switcher), ==, 3);
  assert_active (switcher, "010");

  /* The buttons still switch after they were made again. */
  click (button_at (switcher, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  g_object_unref (switcher);
}

static void
test_lazy_menu (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, "Item", "app.nothing");
  gtk_window_set_child (GTK_WINDOW (window), button);
  rec_gui_menu_button_set_menu_lazily (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));

  /* Nothing built yet, and the button still offers its menu. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_sensitive (button));

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain ();
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) == G_MENU_MODEL (menu));
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Opened again: the same popover, not a second one. */
  {
    GtkPopover *first = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    drain ();
    g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == first);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* No menu: none, at once. */
  rec_gui_menu_button_set_menu_lazily (GTK_MENU_BUTTON (button), NULL);
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/switcher/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/ui/switcher/buttons", test_buttons);
  g_test_add_func ("/ui/switcher/both-ways", test_both_ways);
  g_test_add_func ("/ui/switcher/pages-change", test_pages_change);
  g_test_add_func ("/ui/menu/lazy", test_lazy_menu);
  return g_test_run ();
}

/* test-ui-overview-fixture.h — what the Overview and Enforcement page tests
 * share: demo cases on disk, sessions on them, a page in a window
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by one test program each (static functions, no header guard
 * needed beyond #pragma once).
 */
#pragma once

#include "rec-case-session.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-page.h"
#include "rec-pages-private.h"
#include "rec-store.h"

#include <adwaita.h>
#include <glib/gstdio.h>

typedef struct
{
  char           *dir;
  RecCaseSession *session;     /* the demo case */
  RecCaseSession *other;       /* the demo case and one payment more */
  GtkWindow      *window;
  GDate           today;
} PageFixture;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static RecCaseSession *
open_demo_copy (PageFixture *fixture,
                const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecCaseData) demo = rec_demo_case_new (&fixture->today, FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  RecCaseSession *session;

  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  session = rec_case_session_open (path, &error);
  g_assert_no_error (error);
  return session;
}

static void
page_fixture_set_up (PageFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecPayment) payment = rec_payment_new ();

  rec_date_set_today (&fixture->today);
  fixture->dir = g_dir_make_tmp ("rec-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->session = open_demo_copy (fixture, "demo.recourse");
  fixture->other = open_demo_copy (fixture, "other.recourse");
  payment->date = fixture->today;
  payment->amount_cents = 77700;
  g_assert_true (rec_case_session_add (fixture->other, G_OBJECT (payment), &error));
  g_assert_no_error (error);
}

static void
page_fixture_tear_down (PageFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  spin ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->other);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The page of `type` in a window of its own, shown (mapped) or not. */
static RecPage *
show_page (PageFixture *fixture,
           GType        type,
           gboolean     mapped)
{
  RecPage *page = g_object_new (type, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 2000);
  gtk_window_set_child (fixture->window, GTK_WIDGET (page));
  if (mapped)
    {
      gtk_window_present (fixture->window);
      while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
        g_main_context_iteration (NULL, TRUE);
    }
  return page;
}

/* Titles of the rows of a list box bound to a model (AdwPreferencesRow). */
G_GNUC_UNUSED static char *
row_titles (GtkListBox *list)
{
  GString *titles = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "\n" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (titles, FALSE);
}

static GPtrArray *
model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static GPtrArray *
list_rows (GtkListBox *list)
{
  /* Held, so that a row rebuilt cannot take the address of the one it
   * replaced. */
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (rows, g_object_ref (row));
  return rows;
}

G_GNUC_UNUSED static void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *count)
{
  (*count)++;
}

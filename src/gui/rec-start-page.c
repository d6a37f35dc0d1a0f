/* rec-start-page.c — what the window shows before a case is open
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-start-page.h"

#include <glib/gi18n.h>
#include <string.h>

#define MAX_RECENT 8

struct _RecStartPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;

  /* Owned */
  GListStore           *recent;     /* GFile, most recent first */

  /* Borrowed */
  GtkRecentManager     *manager;
};

G_DEFINE_FINAL_TYPE (RecStartPage, rec_start_page, GTK_TYPE_WIDGET)

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* Recent case files that still exist, newest first. */
static void
reload_recent (RecStartPage *self)
{
  GList *items = gtk_recent_manager_get_items (self->manager);
  g_autoptr(GPtrArray) infos = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = items; l != NULL; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".recourse"))
      g_ptr_array_add (infos, l->data);
  g_ptr_array_sort (infos, compare_recent);

  for (guint i = 0; i < infos->len && files->len < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (infos->pdata[i]));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&file));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_list_store_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                       files->pdata, files->len);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), files->len > 0);
}

/* "~/Documents" rather than "/home/sam/Documents". */
static char *
display_folder (const char *folder)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);
  g_autofree char *name = g_filename_display_name (folder);

  if (home_length > 1 && g_str_has_prefix (folder, home)
      && (folder[home_length] == '/' || folder[home_length] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (folder + home_length);

      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&name);
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  GFile *file = item;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_name = display_folder (folder);
  GtkWidget *row = adw_action_row_new ();

  /* The title is the case's name; the suffix says nothing here. */
  if (g_str_has_suffix (name, ".recourse") && strlen (name) > strlen (".recourse"))
    name[strlen (name) - strlen (".recourse")] = '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-path");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  return row;
}

static void
manager_changed_cb (GtkRecentManager *manager,
                    RecStartPage     *self)
{
  reload_recent (self);
}

static void
rec_start_page_dispose (GObject *object)
{
  RecStartPage *self = REC_START_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_START_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (rec_start_page_parent_class)->dispose (object);
}

static void
rec_start_page_class_init (RecStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_start_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RecStartPage, recent_list);
}

static void
rec_start_page_init (RecStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent = g_list_store_new (G_TYPE_FILE);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent),
                           create_recent_row, NULL, NULL);
  self->manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->manager, "changed", G_CALLBACK (manager_changed_cb), self, 0);
  reload_recent (self);
}

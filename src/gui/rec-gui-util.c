/* rec-gui-util.c — small helpers the pages share: formatting, label cells
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-gui-util.h"

#include "rec-date.h"
#include "rec-money.h"
#include "rec-rules.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

typedef struct
{
  RecCellTextFunc  func;
  gpointer         user_data;
  RecCellFlags     flags;
} LabelCell;

char *
rec_gui_format_cents (RecCaseSession *session,
                      RecCents        cents)
{
  RecCaseInfo *info = rec_case_session_get_info (session);

  return rec_cents_format (cents, info->currency);
}

char *
rec_gui_format_date (const GDate *date)
{
  if (!rec_date_is_set (date))
    return g_strdup ("—");
  return rec_date_format (date);
}

const char * const *
rec_gui_jurisdiction_ids (void)
{
  static gsize ids = 0;

  if (g_once_init_enter (&ids))
    {
      const char * const *all = rec_rules_list_ids ();
      GPtrArray *list = g_ptr_array_new ();
      gboolean has_us = FALSE;

      /* Sorted by id, the states come in the order of their English names;
       * "another state" goes last. */
      for (guint i = 0; all[i] != NULL; i++)
        {
          if (g_str_equal (all[i], "us"))
            has_us = TRUE;
          else
            g_ptr_array_add (list, (gpointer) all[i]);
        }
      if (has_us)
        g_ptr_array_add (list, (gpointer) "us");
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&ids, (gsize) g_ptr_array_free (list, FALSE));
    }
  return (const char * const *) (gpointer) ids;
}

/* The rules' own names of ids the table above does not know, loaded once
 * each (main thread only, like every widget). */
static const char *
rules_name (const char *id)
{
  static GHashTable *names = NULL;
  const char *name;

  if (names == NULL)
    names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  name = g_hash_table_lookup (names, id);
  if (name == NULL)
    {
      g_autoptr(RecRules) rules = rec_rules_load (id, NULL);

      name = rules != NULL ? rec_rules_get_name (rules) : id;
      g_hash_table_insert (names, g_strdup (id), g_strdup (name));
      name = g_hash_table_lookup (names, id);
    }
  return name;
}

const char *
rec_gui_jurisdiction_name (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (rec_rules_name_msgid (id) != NULL)
    return _(rec_rules_name_msgid (id));
  return rules_name (id);
}

GListModel *
rec_gui_jurisdiction_model_new (void)
{
  const char * const *ids = rec_gui_jurisdiction_ids ();
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, rec_gui_jurisdiction_name (ids[i]));
  return G_LIST_MODEL (names);
}

guint
rec_gui_jurisdiction_position (const char *id)
{
  const char * const *ids = rec_gui_jurisdiction_ids ();

  for (guint i = 0; id != NULL && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The application's settings when its schema (with the key) is installed. */
static GSettings *
settings_with_key (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new (APP_ID);
}

const char *
rec_gui_default_jurisdiction (void)
{
  g_autoptr(GSettings) settings = settings_with_key ("last-jurisdiction");
  g_autofree char *last = NULL;
  guint position;

  if (settings != NULL)
    last = g_settings_get_string (settings, "last-jurisdiction");
  position = rec_gui_jurisdiction_position (last);
  if (position == GTK_INVALID_LIST_POSITION)
    return "us-ca";
  return rec_gui_jurisdiction_ids ()[position];
}

void
rec_gui_remember_jurisdiction (const char *id)
{
  g_autoptr(GSettings) settings = settings_with_key ("last-jurisdiction");

  g_return_if_fail (id != NULL);

  if (settings != NULL)
    g_settings_set_string (settings, "last-jurisdiction", id);
}

/* The core's display-form parser decides, so an amount field takes what
 * the window shows: "1,250.00", "$1,415", ".5" in English, "1.250,00" in
 * Spanish. */
char *
rec_gui_check_amount (const char  *text,
                      const char  *currency,
                      RecCents    *out_cents,
                      char       **out_understood)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *understood = NULL;
  RecCents cents;

  if (out_understood != NULL)
    *out_understood = NULL;

  if (text[0] == '\0')
    return g_strdup (_("Enter an amount"));

  if (!rec_cents_parse_display (text, currency, TRUE, &cents, &understood, &error))
    return g_strdup (error->message);

  if (cents <= 0)
    return g_strdup (_("Amount must be more than zero"));

  if (out_cents != NULL)
    *out_cents = cents;
  if (out_understood != NULL)
    *out_understood = g_steal_pointer (&understood);
  return NULL;
}

static void
label_cell_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item,
                     LabelCell          *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (cell->flags & REC_CELL_NUMERIC)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (cell->flags & REC_CELL_TABULAR)
    gtk_widget_add_css_class (label, "numeric");
  if (cell->flags & REC_CELL_ELLIPSIZE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  if (cell->flags & REC_CELL_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  if (cell->flags & REC_CELL_SUCCESS)
    gtk_widget_add_css_class (label, "success");
  gtk_list_item_set_child (list_item, label);
}

static void
label_cell_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    LabelCell          *cell)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = cell->func (gtk_list_item_get_item (list_item), cell->user_data);

  gtk_label_set_text (label, text != NULL ? text : "");
  if (cell->flags & REC_CELL_ELLIPSIZE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

GtkListItemFactory *
rec_gui_label_factory_new (RecCellTextFunc func,
                           gpointer        user_data,
                           RecCellFlags    flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LabelCell *cell = g_new0 (LabelCell, 1);

  cell->func = func;
  cell->user_data = user_data;
  cell->flags = flags;
  /* The closure of "setup" owns the cell; it is freed with the factory. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (label_cell_setup_cb), cell,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (label_cell_bind_cb), cell);
  return factory;
}

gint64
rec_gui_entity_id (gpointer entity)
{
  g_return_val_if_fail (REC_IS_ENTITY (entity), 0);

  return REC_ENTITY (entity)->id;
}

gpointer
rec_gui_find_by_id (GListModel *model,
                    gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (rec_gui_entity_id (item) == id)
        return g_steal_pointer (&item);
    }
  return NULL;
}

void
rec_gui_delete_with_undo (GtkWidget      *widget,
                          RecCaseSession *session,
                          GObject        *item,
                          const char     *message)
{
  g_autoptr(GError) error = NULL;

  if (!rec_case_session_delete (session, item, &error))
    {
      g_debug ("Delete failed: %s", error->message);
      gtk_widget_activate_action (widget, "win.show-toast", "s", _("Could not delete the entry"));
      return;
    }
  /* The toast's Undo is bound to this delete (the session's newest change),
   * not to whatever change comes last. */
  gtk_widget_activate_action (widget, "win.show-undo-toast", "s", message);
}

char *
rec_gui_write_document_copy (const char     *dir,
                             RecAttachment  *attachment,
                             GBytes         *bytes,
                             GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (REC_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  name = g_path_get_basename (*attachment->name != '\0' ? attachment->name : "document");
  if (g_str_equal (name, ".") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup ("document");
    }
  folder = g_build_filename (dir, attachment->sha256, NULL);
  if (g_mkdir (folder, 0700) != 0 && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is a document's name */
                   _("Cannot make a copy of “%s” to open: %s"), attachment->name,
                   g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (folder, name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       model)
{
  /* Once: from now on the button keeps its popover. */
  gtk_menu_button_set_menu_model (button, model);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* A popover menu is some forty widgets (a model button, its label and its
 * shortcut for each item): with two main menus (the start page's and the
 * case's), about 11 M instructions of the first frame on a case, for menus
 * nobody has opened yet. */
void
rec_gui_menu_button_set_menu_lazily (GtkMenuButton *button,
                                     GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  if (model == NULL)
    {
      gtk_menu_button_set_menu_model (button, NULL);
      return;
    }
  gtk_menu_button_set_create_popup_func (button, create_menu_popup, model, NULL);
}

/* rec-evidence-group.c — the documents of a record, in its dialog
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-evidence-group.h"

#include "rec-date.h"
#include "rec-gui-util.h"
#include "rec-page.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

/* One row: a stored document, or one read but not saved yet. */
typedef struct
{
  RecAttachment *attachment;
  gboolean       pending;     /* added in this dialog: attached on save */
} Item;

struct _RecEvidenceGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed children */
  GtkWidget           *add_button;
  GtkWidget           *spinner;
  GtkLabel            *error_label;

  /* Owned */
  RecCaseSession      *session;
  RecEntity           *record;     /* NULL: the case */
  GArray              *items;      /* Item, in the order shown */
  GPtrArray           *removed;    /* RecAttachment stored, to detach on save */
  GPtrArray           *rows;       /* the rows shown (borrowed by the group) */
  GCancellable        *cancellable;
  GtkFileChooserNative *chooser;
  char                *error;
  guint                reading;    /* reads under way */
};

G_DEFINE_FINAL_TYPE (RecEvidenceGroup, rec_evidence_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->attachment);
}

/* An icon for the kind of document. */
static const char *
icon_for (const char *media_type)
{
  if (g_str_has_prefix (media_type, "image/"))
    return "image-x-generic-symbolic";
  if (g_str_equal (media_type, "application/pdf"))
    return "x-office-document-symbolic";
  if (g_str_equal (media_type, "message/rfc822"))
    return "mail-unread-symbolic";
  if (g_str_has_prefix (media_type, "text/") || g_str_equal (media_type, "application/xml"))
    return "text-x-generic-symbolic";
  return "folder-documents-symbolic";
}

/* "48.2 kB · added 01/04/2024", or "… · added when saved". */
static char *
describe (const Item *item)
{
  g_autofree char *size = g_format_size ((guint64) item->attachment->size);
  g_autofree char *iso = g_strndup (item->attachment->added_at, 10);
  g_autofree char *day = NULL;
  GDate date;

  if (item->pending)
    /* Translators: %s is a file's size, e.g. "48.2 kB"; the file is added when
     * the dialog is saved */
    return g_strdup_printf (_("%s · added when saved"), size);
  if (!rec_date_parse (iso, &date, NULL))
    return g_steal_pointer (&size);
  day = rec_gui_format_date (&date);
  /* Translators: a file's size ("48.2 kB"), then the day it was added */
  return g_strdup_printf (_("%s · added %s"), size, day);
}

static void
set_error (RecEvidenceGroup *self,
           const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
row_button_clicked_cb (GtkButton        *button,
                       RecEvidenceGroup *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return;
  if (g_object_get_data (G_OBJECT (button), "rec-remove") != NULL)
    rec_evidence_group_remove (self, index);
  else
    rec_evidence_group_open (self, index);
}

static GtkWidget *
row_button (RecEvidenceGroup *self,
            const char       *icon,
            const char       *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_clicked_cb), self);
  return button;
}

static GtkWidget *
document_row (RecEvidenceGroup *self,
              const Item       *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (item->attachment->media_type));
  g_autofree char *subtitle = describe (item);
  /* Translators: %s is a document's file name */
  g_autofree char *open = g_strdup_printf (_("Open “%s”"), item->attachment->name);
  /* Translators: %s is a document's file name */
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), item->attachment->name);
  GtkWidget *remove_button = row_button (self, "user-trash-symbolic", remove);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->attachment->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->attachment->media_type, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (self, "document-open-symbolic", open));
  g_object_set_data (G_OBJECT (remove_button), "rec-remove", GINT_TO_POINTER (TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  gtk_widget_set_sensitive (remove_button, !rec_case_session_get_read_only (self->session));
  return row;
}

static GtkWidget *
empty_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("No documents. Add a scan, a photo of a check or a "
                                   "screenshot."));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* The rows follow self->items. */
static void
rebuild_rows (RecEvidenceGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (self->rows, document_row (self, &g_array_index (self->items, Item, i)));
  if (self->items->len == 0)
    g_ptr_array_add (self->rows, empty_row ());
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
}

static gboolean
is_shown (RecEvidenceGroup *self,
          const char       *sha256)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (g_array_index (self->items, Item, i).attachment->sha256, sha256))
      return TRUE;
  return FALSE;
}

static void
set_reading (RecEvidenceGroup *self,
             gboolean          more)
{
  gboolean was_busy = self->reading > 0;

  self->reading = more ? self->reading + 1 : self->reading - 1;
  gtk_widget_set_visible (self->spinner, self->reading > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->reading > 0);
  if (was_busy != (self->reading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A stored document removed in this dialog and added again is simply kept. */
static gboolean
take_back_removed (RecEvidenceGroup *self,
                   const char       *sha256)
{
  for (guint i = 0; i < self->removed->len; i++)
    {
      RecAttachment *stored = g_ptr_array_index (self->removed, i);
      Item item = { g_object_ref (stored), FALSE };

      if (!g_str_equal (stored->sha256, sha256))
        continue;
      g_array_append_val (self->items, item);
      g_ptr_array_remove_index (self->removed, i);
      return TRUE;
    }
  return FALSE;
}

static void
files_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RecEvidenceGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = rec_case_session_read_files_finish (REC_CASE_SESSION (source),
                                                                  result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_reading (self, FALSE);
  if (read == NULL)
    {
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
  for (guint i = 0; i < read->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (read, i);
      Item item = { g_object_ref (attachment), TRUE };

      if (is_shown (self, attachment->sha256) || take_back_removed (self, attachment->sha256))
        {
          g_object_unref (item.attachment);
          continue;
        }
      g_array_append_val (self->items, item);
    }
  rebuild_rows (self);
}

void
rec_evidence_group_add_files (RecEvidenceGroup  *self,
                              GFile            **files,
                              guint              n_files)
{
  g_return_if_fail (REC_IS_EVIDENCE_GROUP (self));

  if (n_files == 0)
    return;
  set_reading (self, TRUE);
  rec_case_session_read_files_async (self->session, files, n_files, self->cancellable,
                                     files_read_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     RecEvidenceGroup *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      rec_evidence_group_add_files (self, (GFile **) array->pdata, array->len);
    }
  g_clear_object (&self->chooser);
}

static void
add_clicked_cb (GtkButton        *button,
                RecEvidenceGroup *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Documents"), parent,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                               _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
rec_evidence_group_remove (RecEvidenceGroup *self,
                           guint             index)
{
  Item *item;

  g_return_if_fail (REC_IS_EVIDENCE_GROUP (self));
  g_return_if_fail (index < self->items->len);

  item = &g_array_index (self->items, Item, index);
  if (!item->pending)
    g_ptr_array_add (self->removed, g_object_ref (item->attachment));
  g_array_remove_index (self->items, index);
  rebuild_rows (self);
}

/* The private folder the copies opened from this window go in, removed
 * when the window goes (the application may still be reading a copy when
 * the dialog closes). */
static void
remove_open_dir (gpointer data)
{
  g_autofree char *dir = data;
  g_autoptr(GDir) top = g_dir_open (dir, 0, NULL);
  const char *sub;

  while (top != NULL && (sub = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = g_build_filename (dir, sub, NULL);
      g_autoptr(GDir) inner = g_dir_open (subdir, 0, NULL);
      const char *name;

      while (inner != NULL && (name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *file = g_build_filename (subdir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (subdir);
    }
  g_rmdir (dir);
}

static const char *
open_dir (RecEvidenceGroup  *self,
          GError           **error)
{
  GtkWindow *root = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GObject *owner = G_OBJECT (root);
  char *dir;

  if (root != NULL && gtk_window_get_transient_for (root) != NULL)
    owner = G_OBJECT (gtk_window_get_transient_for (root));
  if (owner == NULL)
    owner = G_OBJECT (self);
  dir = g_object_get_data (owner, "rec-evidence-open-dir");
  if (dir != NULL)
    return dir;
  dir = g_dir_make_tmp ("recourse-open-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  g_object_set_data_full (owner, "rec-evidence-open-dir", dir, remove_open_dir);
  return dir;
}

char *
_rec_evidence_group_write_copy (RecEvidenceGroup  *self,
                                guint              index,
                                GError           **error)
{
  RecAttachment *attachment;
  g_autoptr(GBytes) bytes = NULL;
  const char *dir;

  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  attachment = g_array_index (self->items, Item, index).attachment;
  bytes = rec_case_session_read_attachment (self->session, attachment, error);
  dir = bytes != NULL ? open_dir (self, error) : NULL;
  if (dir == NULL)
    return NULL;

  return rec_gui_write_document_copy (dir, attachment, bytes, error);
}

void
rec_evidence_group_open (RecEvidenceGroup *self,
                         guint             index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rec_evidence_group_write_copy (self, index, &error);
  g_autofree char *uri = NULL;

  if (path == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

gboolean
rec_evidence_group_is_busy (RecEvidenceGroup *self)
{
  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), FALSE);

  return self->reading > 0;
}

gboolean
rec_evidence_group_has_changes (RecEvidenceGroup *self)
{
  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), FALSE);

  if (self->removed->len > 0)
    return TRUE;
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).pending)
      return TRUE;
  return FALSE;
}

gboolean
rec_evidence_group_apply (RecEvidenceGroup  *self,
                          const RecEntity   *record,
                          GError           **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), FALSE);

  for (guint i = 0; i < self->removed->len; i++)
    {
      if (!rec_case_session_detach (self->session, g_ptr_array_index (self->removed, i), record,
                                    error))
        return FALSE;
    }
  g_ptr_array_set_size (self->removed, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->pending)
        g_ptr_array_add (added, item->attachment);
    }
  if (added->len > 0 && !rec_case_session_attach (self->session, added, record, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->items, Item, i).pending = FALSE;
  return TRUE;
}

guint
_rec_evidence_group_get_n_rows (RecEvidenceGroup *self)
{
  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), 0);

  return self->items->len;
}

const char *
_rec_evidence_group_get_name (RecEvidenceGroup *self,
                              guint             index)
{
  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_array_index (self->items, Item, index).attachment->name;
}

const char *
_rec_evidence_group_get_error (RecEvidenceGroup *self)
{
  g_return_val_if_fail (REC_IS_EVIDENCE_GROUP (self), NULL);

  return self->error;
}

static void
rec_evidence_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RecEvidenceGroup *self = REC_EVIDENCE_GROUP (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rec_evidence_group_is_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_evidence_group_dispose (GObject *object)
{
  RecEvidenceGroup *self = REC_EVIDENCE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rec_evidence_group_parent_class)->dispose (object);
}

static void
rec_evidence_group_finalize (GObject *object)
{
  RecEvidenceGroup *self = REC_EVIDENCE_GROUP (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->error);

  G_OBJECT_CLASS (rec_evidence_group_parent_class)->finalize (object);
}

static void
rec_evidence_group_class_init (RecEvidenceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rec_evidence_group_get_property;
  object_class->dispose = rec_evidence_group_dispose;
  object_class->finalize = rec_evidence_group_finalize;

  /**
   * RecEvidenceGroup:busy:
   *
   * Whether files are still being read (the dialog's Save waits).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
header_suffix (RecEvidenceGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content = adw_button_content_new ();

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the files"), -1);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Files…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button,
                               _("Add scans, photos or screenshots that prove this record"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Files…"), -1);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->add_button);
  return box;
}

static void
rec_evidence_group_init (RecEvidenceGroup *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Evidence"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), header_suffix (self));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->error_label));
}

GtkWidget *
rec_evidence_group_new (RecCaseSession  *session,
                        const RecEntity *record)
{
  RecEvidenceGroup *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);

  self = g_object_new (REC_TYPE_EVIDENCE_GROUP, NULL);
  self->session = g_object_ref (session);
  self->record = record != NULL ? rec_entity_copy ((RecEntity *) record) : NULL;
  if (record == NULL || record->id != 0)
    {
      g_autoptr(GPtrArray) stored = rec_case_session_dup_attachments_for (session, record);

      for (guint i = 0; i < stored->len; i++)
        {
          Item item = { g_object_ref (g_ptr_array_index (stored, i)), FALSE };

          g_array_append_val (self->items, item);
        }
    }
  gtk_widget_set_sensitive (self->add_button, !rec_case_session_get_read_only (session));
  rebuild_rows (self);
  return GTK_WIDGET (self);
}

/* The paperclip column. */

typedef struct
{
  RecPage               *page;       /* weak: it owns the column */
  RecEvidenceRecordFunc  record_of;
  GHashTable            *bound;      /* GtkListItem (borrowed) bound now */
} CountCell;

static void
count_cell_free (gpointer data)
{
  CountCell *cell = data;

  if (cell->page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (cell->page), (gpointer *) &cell->page);
  g_hash_table_unref (cell->bound);
  g_free (cell);
}

char *
rec_evidence_count_text (guint count)
{
  /* Translators: how many documents (scans, photos) prove a record */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", count),
                          count);
}

static void
count_cell_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item,
                     CountCell          *cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
count_cell_update (CountCell   *cell,
                   GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  RecCaseSession *session = cell->page != NULL ? rec_page_get_session (cell->page) : NULL;
  GObject *item = gtk_list_item_get_item (list_item);
  GObject *record = item != NULL ? cell->record_of (item) : NULL;
  guint count = 0;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  if (session != NULL && record != NULL && REC_IS_ENTITY (record))
    count = rec_case_session_count_attachments (session, REC_ENTITY (record));
  gtk_widget_set_visible (box, count > 0);
  if (count == 0)
    return;
  text = rec_evidence_count_text (count);
  number = g_strdup_printf ("%u", count);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (icon)), number);
  gtk_widget_set_tooltip_text (box, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
count_cell_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    CountCell          *cell)
{
  g_hash_table_add (cell->bound, list_item);
  count_cell_update (cell, list_item);
}

static void
count_cell_unbind_cb (GtkListItemFactory *factory,
                      GtkListItem        *list_item,
                      CountCell          *cell)
{
  g_hash_table_remove (cell->bound, list_item);
}

GtkColumnViewColumn *
rec_evidence_column_new (RecPage               *page,
                         RecEvidenceRecordFunc  record_of)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  CountCell *cell = g_new0 (CountCell, 1);
  GtkColumnViewColumn *column;

  cell->page = page;
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &cell->page);
  cell->record_of = record_of;
  cell->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (count_cell_setup_cb), cell);
  g_signal_connect (factory, "bind", G_CALLBACK (count_cell_bind_cb), cell);
  g_signal_connect (factory, "unbind", G_CALLBACK (count_cell_unbind_cb), cell);
  g_signal_connect (factory, "teardown", G_CALLBACK (count_cell_unbind_cb), cell);
  /* No title: the column is as narrow as a paperclip and a digit. */
  column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
  g_object_set_data_full (G_OBJECT (column), "rec-evidence-cell", cell, count_cell_free);
  return column;
}

/* The rows on screen count again (GTK 4.8 does not bind them again when
 * nothing in their item changed). */
void
rec_evidence_column_refresh (GtkColumnViewColumn *column)
{
  CountCell *cell;
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  cell = g_object_get_data (G_OBJECT (column), "rec-evidence-cell");
  g_hash_table_iter_init (&iter, cell->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    count_cell_update (cell, list_item);
}

/* rec-evidence-page.c — every document of the case, searchable
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a GtkListView over the session's live list of documents
 * (rec_case_session_get_attachments): only the rows on screen exist, and a
 * thumbnail is made only when a row shows a document whose thumbnail is not
 * cached yet — its bytes read by the session in a thread, then scaled there
 * (gdk-pixbuf at load size; a PDF's first page through poppler).
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-evidence-page.h"

#include "rec-case-details-dialog.h"
#include "rec-charge-dialog.h"
#include "rec-child-dialog.h"
#include "rec-communication-dialog.h"
#include "rec-date.h"
#include "rec-enforcement-dialog.h"
#include "rec-gui-util.h"
#include "rec-interest-override-dialog.h"
#include "rec-payment-dialog.h"
#include "rec-term-dialog.h"
#include "rec-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

/* Thumbnails are drawn at 48 px and made at twice that (HiDPI). */
#define THUMB_SHOWN  48
#define THUMB_MADE   96

struct _RecEvidencePage
{
  RecPage              parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkStack            *results_stack;
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;

  /* Owned */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *search_filter;
  GtkSingleSelection  *selection;
  char                *needle;       /* casefolded search text, NULL for none */
  GHashTable          *thumbnails;   /* sha256 → GdkPaintable (a texture) */
  GHashTable          *pending;      /* sha256 of thumbnails being made */
  GHashTable          *bound;        /* GtkListItem shown (borrowed) → itself */
  GCancellable        *cancellable;
  char                *copies_dir;   /* private copies of opened documents (0700) */
};

G_DEFINE_FINAL_TYPE (RecEvidencePage, rec_evidence_page, REC_TYPE_PAGE)

static RecCaseSession *
session_of (RecEvidencePage *self)
{
  return rec_page_get_session (REC_PAGE (self));
}

/* What a document proves */

/* The session's current copy of a linked record (an edit replaces it). */
static gpointer
current_record (RecEvidencePage *self,
                RecEntity       *link)
{
  RecCaseSession *session = session_of (self);
  const char *kind = rec_entity_kind_word (link);
  GListModel *model = NULL;
  gpointer found;

  if (g_str_equal (kind, "payments"))
    model = rec_case_session_get_payments (session);
  else if (g_str_equal (kind, "charges"))
    model = rec_case_session_get_charges (session);
  else if (g_str_equal (kind, "terms"))
    model = rec_case_session_get_terms (session);
  else if (g_str_equal (kind, "communications"))
    model = rec_case_session_get_communications (session);
  else if (g_str_equal (kind, "enforcement"))
    model = rec_case_session_get_enforcement (session);
  else if (g_str_equal (kind, "children"))
    model = rec_case_session_get_children (session);
  else if (g_str_equal (kind, "interest_overrides"))
    model = rec_case_session_get_interest_overrides (session);
  found = model != NULL ? rec_gui_find_by_id (model, link->id) : NULL;
  return found != NULL ? found : g_object_ref (link);
}

static char *
money_on_date (RecEvidencePage *self,
               const char      *format,
               RecCents         cents,
               const GDate     *date)
{
  g_autofree char *amount = rec_gui_format_cents (session_of (self), cents);
  g_autofree char *day = rec_gui_format_date (date);

  return g_strdup_printf (format, amount, day);
}

/* "Payment of $1,245.00 on 03/04/2026" (the History view's words). */
static char *
record_text (RecEvidencePage *self,
             RecEntity       *link)
{
  g_autoptr(GObject) record = NULL;

  if (link == NULL)
    return g_strdup (_("The case"));
  record = current_record (self, link);
  if (REC_IS_PAYMENT (record))
    /* Translators: a record in the history; an amount, then a date */
    return money_on_date (self, _("Payment of %s on %s"), REC_PAYMENT (record)->amount_cents,
                          &REC_PAYMENT (record)->date);
  if (REC_IS_CHARGE (record))
    /* Translators: a record in the history; an amount, then a date */
    return money_on_date (self, _("Charge of %s on %s"), REC_CHARGE (record)->amount_cents,
                          &REC_CHARGE (record)->date);
  if (REC_IS_TERM (record))
    /* Translators: a record in the history; an amount, then a date */
    return money_on_date (self, _("Support order of %s from %s"), REC_TERM (record)->amount_cents,
                          &REC_TERM (record)->effective);
  if (REC_IS_COMMUNICATION (record))
    {
      g_autofree char *at = rec_timestamp_format (REC_COMMUNICATION (record)->at);

      /* Translators: a record in the history; how (“Text message”), then when */
      return g_strdup_printf (_("%s on %s"), rec_channel_label (REC_COMMUNICATION (record)->channel),
                              at != NULL ? at : "—");
    }
  if (REC_IS_ENFORCEMENT_STEP (record))
    return g_strdup (rec_remedy_label (REC_ENFORCEMENT_STEP (record)->remedy));
  if (REC_IS_CHILD (record))
    /* Translators: a record in the history; %s is a child's name */
    return g_strdup_printf (_("Child: %s"), REC_CHILD (record)->name);
  if (REC_IS_INTEREST_OVERRIDE (record))
    {
      g_autofree char *from = rec_gui_format_date (&REC_INTEREST_OVERRIDE (record)->from);

      /* Translators: a record in the history; %s is a date */
      return g_strdup_printf (_("Interest rate from %s"), from);
    }
  return g_strdup (_("The case"));
}

/* The first two records, then how many more. */
static char *
proves_text (RecEvidencePage *self,
             RecAttachment   *attachment)
{
  GPtrArray *links = attachment->links;
  guint n = links != NULL ? links->len : 0;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (n == 0)
    return record_text (self, NULL);
  first = record_text (self, g_ptr_array_index (links, 0));
  if (n == 1)
    return g_steal_pointer (&first);
  second = record_text (self, g_ptr_array_index (links, 1));
  if (n == 2)
    /* Translators: what a document proves: two records */
    return g_strdup_printf (_("%s; %s"), first, second);
  /* Translators: what a document proves: two records, then how many more */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %s and %u more", "%s; %s and %u more",
                                       n - 2),
                          first, second, n - 2);
}

/* "48.2 kB · added 03/04/2026 · SHA-256 1a2b3c4d…" */
static char *
details_text (RecAttachment *attachment)
{
  g_autofree char *size = g_format_size ((guint64) MAX (attachment->size, 0));
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (attachment->added_at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *added = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (local != NULL)
    g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                    g_date_time_get_year (local));
  added = rec_gui_format_date (&day);
  /* Translators: a document's size ("48.2 kB"), the day it was added, the start of its SHA-256 */
  return g_strdup_printf (_("%s · added %s · SHA-256 %.12s…"), size, added, attachment->sha256);
}

/* An icon for what the document is. */
static const char *
kind_icon (const char *media_type)
{
  if (g_str_has_prefix (media_type, "image/"))
    return "image-x-generic-symbolic";
  if (g_str_equal (media_type, "application/pdf"))
    return "x-office-document-symbolic";
  if (g_str_equal (media_type, "message/rfc822"))
    return "mail-unread-symbolic";
  if (g_str_has_prefix (media_type, "text/"))
    return "text-x-generic-symbolic";
  return "package-x-generic-symbolic";
}

/* Thumbnails */

static gboolean
has_thumbnail_kind (const char *media_type)
{
  return g_str_equal (media_type, "image/jpeg") || g_str_equal (media_type, "image/png")
         || g_str_equal (media_type, "image/gif") || g_str_equal (media_type, "image/webp")
         || g_str_equal (media_type, "image/tiff") || g_str_equal (media_type, "application/pdf");
}

/* A page at most THUMB_MADE px on its longer side, on white. */
static GdkTexture *
page_texture (PopplerPage *page)
{
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  int w, h;

  poppler_page_get_size (page, &width, &height);
  scale = THUMB_MADE / MAX (MAX (width, height), 1.0);
  w = MAX ((int) (width * scale), 1);
  h = MAX ((int) (height * scale), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * h);
  {
    GdkTexture *texture = gdk_memory_texture_new (w, h, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, pixels,
                                                  (gsize) cairo_image_surface_get_stride (surface));

    cairo_surface_destroy (surface);
    return texture;
  }
}

/* The first page of a PDF (poppler-glib 22 has no autoptr cleanups). */
static GdkTexture *
pdf_thumbnail (GBytes  *bytes,
               GError **error)
{
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, error);
  PopplerPage *page;
  GdkTexture *texture = NULL;

  if (document == NULL)
    return NULL;
  page = poppler_document_get_page (document, 0);
  if (page != NULL)
    {
      texture = page_texture (page);
      g_object_unref (page);
    }
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no page");
  g_object_unref (document);
  return texture;
}

static GdkTexture *
image_thumbnail (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  /* Scaled while it is decoded: a 4000 px photo never exists in full. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, THUMB_MADE, THUMB_MADE, TRUE, NULL, error);
  return pixbuf != NULL ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}

typedef struct
{
  RecEvidencePage *page;        /* owned */
  char             sha256[65];
  char            *media_type;
  GBytes          *bytes;       /* once read */
} ThumbJob;

static void
thumb_job_free (gpointer data)
{
  ThumbJob *job = data;

  g_clear_object (&job->page);
  g_free (job->media_type);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbJob *job = task_data;
  GError *error = NULL;
  GdkTexture *texture;

  texture = g_str_equal (job->media_type, "application/pdf") ? pdf_thumbnail (job->bytes, &error)
                                                             : image_thumbnail (job->bytes, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void bind_item (RecEvidencePage *self,
                       GtkListItem     *item);

static void
thumbnail_made_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (source);
  ThumbJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), &error);
  GHashTableIter iter;
  gpointer item;

  /* The page went meanwhile (a task whose cancellable is cancelled returns
   * that error). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      /* Stays pending: an unreadable image keeps its icon, and is not
       * decoded again each time its row shows. */
      g_debug ("No thumbnail for %.12s: %s", job->sha256, error->message);
      return;
    }
  g_hash_table_insert (self->thumbnails, g_strdup (job->sha256), texture);
  g_hash_table_remove (self->pending, job->sha256);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      RecAttachment *attachment = gtk_list_item_get_item (item);

      if (attachment != NULL && g_str_equal (attachment->sha256, job->sha256))
        bind_item (self, item);
    }
}

static void
thumbnail_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ThumbJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  job->bytes = rec_case_session_read_attachment_finish (REC_CASE_SESSION (source), result, &error);
  if (g_cancellable_is_cancelled (job->page->cancellable))
    {
      thumb_job_free (job);
      return;
    }
  if (job->bytes == NULL)
    {
      g_debug ("No thumbnail for %.12s: %s", job->sha256, error->message);
      thumb_job_free (job);
      return;
    }
  task = g_task_new (job->page, job->page->cancellable, thumbnail_made_cb, NULL);
  g_task_set_source_tag (task, thumbnail_read_cb);
  g_task_set_task_data (task, job, thumb_job_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

/* A row shows `attachment`: its thumbnail is made once (per SHA-256). */
static void
request_thumbnail (RecEvidencePage *self,
                   RecAttachment   *attachment)
{
  ThumbJob *job;

  if (session_of (self) == NULL || !has_thumbnail_kind (attachment->media_type)
      || g_hash_table_contains (self->thumbnails, attachment->sha256)
      || g_hash_table_contains (self->pending, attachment->sha256))
    return;
  g_hash_table_add (self->pending, g_strdup (attachment->sha256));
  job = g_new0 (ThumbJob, 1);
  job->page = g_object_ref (self);
  memcpy (job->sha256, attachment->sha256, sizeof job->sha256);
  job->media_type = g_strdup (attachment->media_type);
  rec_case_session_read_attachment_async (session_of (self), attachment->entity.id,
                                          self->cancellable, thumbnail_read_cb, job);
}

/* Rows */

static GtkWidget *
row_label (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
row_button (const char *icon,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  /* The document's id comes with the row (bind); none before. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *thumb = gtk_image_new ();
  GtkWidget *details = row_label ("dim-label", TRUE);

  gtk_image_set_pixel_size (GTK_IMAGE (thumb), THUMB_SHOWN);
  gtk_widget_set_size_request (thumb, THUMB_SHOWN, THUMB_SHOWN);
  gtk_widget_set_valign (thumb, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "numeric");
  gtk_box_append (GTK_BOX (text), row_label ("heading", FALSE));
  gtk_box_append (GTK_BOX (text), row_label (NULL, TRUE));
  gtk_box_append (GTK_BOX (text), details);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), thumb);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), row_button ("document-open-symbolic", "evidence.open",
                                             _("Open")));
  gtk_box_append (GTK_BOX (row), row_button ("find-location-symbolic", "evidence.show-record",
                                             _("Show the record it proves")));
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_list_item_set_child (item, row);
}

static void
set_button (GtkWidget  *button,
            gint64      id,
            const char *format,
            const char *name)
{
  g_autofree char *label = g_strdup_printf (format, name);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Fills a row from its document (again after an edit or a thumbnail). */
static void
bind_item (RecEvidencePage *self,
           GtkListItem     *item)
{
  RecAttachment *attachment = gtk_list_item_get_item (item);
  GtkWidget *thumb = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *text = gtk_widget_get_next_sibling (thumb);
  GtkWidget *open = gtk_widget_get_next_sibling (text);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *proves = gtk_widget_get_next_sibling (name);
  GdkPaintable *paintable = g_hash_table_lookup (self->thumbnails, attachment->sha256);
  g_autofree char *proves_line = proves_text (self, attachment);
  g_autofree char *details = details_text (attachment);

  /* A thumbnail fills the square; an icon for the kind sits in it. */
  if (paintable != NULL)
    gtk_image_set_from_paintable (GTK_IMAGE (thumb), paintable);
  else
    gtk_image_set_from_icon_name (GTK_IMAGE (thumb), kind_icon (attachment->media_type));
  gtk_image_set_pixel_size (GTK_IMAGE (thumb), paintable != NULL ? THUMB_SHOWN : THUMB_SHOWN / 2);
  gtk_label_set_text (GTK_LABEL (name), attachment->name);
  gtk_label_set_text (GTK_LABEL (proves), proves_line);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (proves)), details);
  /* Translators: a button's accessible name; %s is a document's name */
  set_button (open, attachment->entity.id, _("Open %s"), attachment->name);
  /* Translators: a button's accessible name; %s is a document's name */
  set_button (gtk_widget_get_next_sibling (open), attachment->entity.id,
              _("Show the record %s proves"), attachment->name);
  if (paintable == NULL)
    request_thumbnail (self, attachment);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RecEvidencePage          *self)
{
  g_hash_table_add (self->bound, item);
  bind_item (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RecEvidencePage          *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
rebind_shown (RecEvidencePage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_item (item) != NULL)
      bind_item (self, item);
}

/* Search: the name, the kind ("application/pdf", "image") and what it proves. */

static gboolean
contains_needle (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  RecEvidencePage *self = user_data;
  RecAttachment *attachment = item;
  g_autofree char *proves = NULL;

  if (self->needle == NULL)
    return TRUE;
  if (contains_needle (attachment->name, self->needle)
      || contains_needle (attachment->media_type, self->needle))
    return TRUE;
  proves = proves_text (self, attachment);
  return contains_needle (proves, self->needle);
}

static void
update_state (RecEvidencePage *self)
{
  RecCaseSession *session = session_of (self);
  gboolean has_any = session != NULL && rec_page_is_loaded (REC_PAGE (self))
                     && g_list_model_get_n_items (rec_case_session_get_attachments (session)) > 0;
  gboolean has_results = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  gtk_stack_set_visible_child_name (self->stack, has_any ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, has_results ? "results" : "no-results");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add",
                                 session != NULL && !rec_case_session_get_read_only (session));
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   RecEvidencePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (GtkSearchEntry  *entry,
                RecEvidencePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  search_changed_cb (entry, self);
}

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  RecEvidencePage *self)
{
  update_state (self);
}

static void
activate_cb (GtkListView     *view,
             guint            position,
             RecEvidencePage *self)
{
  g_autoptr(RecAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                               position);

  if (attachment != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "evidence.open", "x", attachment->entity.id);
}

/* Actions */

static void
toast (RecEvidencePage *self,
       const char      *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static RecAttachment *
find_attachment (RecEvidencePage *self,
                 GVariant        *parameter)
{
  return rec_gui_find_by_id (rec_case_session_get_attachments (session_of (self)),
                             g_variant_get_int64 (parameter));
}

/* A private copy (rec_gui_write_document_copy, in a 0700 folder of the
 * page's, removed with it): the viewer never gets the case file, and the
 * bytes are the checked ones. */
static char *
write_private_copy (RecEvidencePage *self,
                    RecAttachment   *attachment,
                    GError         **error)
{
  g_autoptr(GBytes) bytes = rec_case_session_read_attachment (session_of (self), attachment, error);

  if (bytes == NULL)
    return NULL;
  if (self->copies_dir == NULL)
    self->copies_dir = g_dir_make_tmp ("recourse-documents-XXXXXX", error);
  if (self->copies_dir == NULL)
    return NULL;
  return rec_gui_write_document_copy (self->copies_dir, attachment, bytes, error);
}

static void
evidence_open_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (widget);
  g_autoptr(RecAttachment) attachment = find_attachment (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (attachment == NULL)
    return;
  path = write_private_copy (self, attachment, &error);
  if (path != NULL)
    {
      uri = g_filename_to_uri (path, NULL, &error);
      if (uri != NULL && g_app_info_launch_default_for_uri (uri, NULL, &error))
        return;
    }
  g_debug ("Cannot open the document: %s", error->message);
  {
    /* Translators: %s is a document's name */
    g_autofree char *message = g_strdup_printf (_("Could not open “%s”"), attachment->name);

    toast (self, message);
  }
}

/* The dialog of the record (the window's page under it). */
static void
show_record (RecEvidencePage *self,
             GObject         *record)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  RecCaseSession *session = session_of (self);
  const char *page = "order";
  GtkWindow *dialog;

  if (REC_IS_PAYMENT (record) || REC_IS_CHARGE (record))
    page = "payments";
  else if (REC_IS_COMMUNICATION (record))
    page = "communications";
  else if (REC_IS_ENFORCEMENT_STEP (record))
    page = "enforcement";

  if (REC_IS_PAYMENT (record))
    dialog = rec_payment_dialog_new (parent, session, REC_PAYMENT (record));
  else if (REC_IS_CHARGE (record))
    dialog = rec_charge_dialog_new (parent, session, REC_CHARGE (record));
  else if (REC_IS_COMMUNICATION (record))
    dialog = rec_communication_dialog_new (parent, session, REC_COMMUNICATION (record));
  else if (REC_IS_ENFORCEMENT_STEP (record))
    dialog = rec_enforcement_dialog_new (parent, session, REC_ENFORCEMENT_STEP (record),
                                         REC_ENFORCEMENT_STEP (record)->remedy);
  else if (REC_IS_TERM (record))
    dialog = rec_term_dialog_new (parent, session, REC_TERM (record));
  else if (REC_IS_CHILD (record))
    dialog = rec_child_dialog_new (parent, session, REC_CHILD (record));
  else if (REC_IS_INTEREST_OVERRIDE (record))
    dialog = rec_interest_override_dialog_new (parent, session, REC_INTEREST_OVERRIDE (record));
  else
    dialog = rec_case_details_dialog_new (parent, session);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page);
  gtk_window_present (dialog);
}

static void
evidence_show_record_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (widget);
  g_autoptr(RecAttachment) attachment = find_attachment (self, parameter);
  g_autoptr(GObject) record = NULL;
  RecEntity *link;

  if (attachment == NULL)
    return;
  link = attachment->links != NULL && attachment->links->len > 0
         ? g_ptr_array_index (attachment->links, 0) : NULL;
  if (link != NULL)
    record = current_record (self, link);
  show_record (self, record);
}

static void
files_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RecEvidencePage) self = user_data;
  RecCaseSession *session = REC_CASE_SESSION (source);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  attachments = rec_case_session_read_files_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != session_of (self))
    return;
  if (attachments == NULL || !rec_case_session_attach (session, attachments, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, g_dngettext (GETTEXT_PACKAGE, "Document added", "Documents added",
                            attachments->len));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RecEvidencePage *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT && session_of (self) != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        rec_case_session_read_files_async (session_of (self), (GFile **) array->pdata, array->len,
                                           self->cancellable, files_read_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

/* Add Documents…: documents about the whole case (a record's own are
 * added in its dialog). */
static void
evidence_add_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Documents"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Page */

static void
attachments_changed_cb (RecEvidencePage *self)
{
  if (!rec_page_is_loaded (REC_PAGE (self)))
    return;
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  rebind_shown (self);
  update_state (self);
}

static void
rec_evidence_page_load (RecPage *page)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (page);

  gtk_filter_list_model_set_model (self->filtered,
                                   rec_case_session_get_attachments (session_of (self)));
  update_state (self);
}

/* A record's edit changes what its documents' rows say. */
static void
rec_evidence_page_refresh (RecPage *page)
{
  attachments_changed_cb (REC_EVIDENCE_PAGE (page));
}

static void
rec_evidence_page_unload (RecPage *page)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (page);

  gtk_filter_list_model_set_model (self->filtered, NULL);
}

static void
rec_evidence_page_bind (RecPage *page)
{
  update_state (REC_EVIDENCE_PAGE (page));
}

/* The private copies go with the page: a folder per document in it. */
static void
remove_folder (const char *path,
               int         depth)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (depth > 0 && g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_folder (child, depth - 1);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
remove_copies (RecEvidencePage *self)
{
  if (self->copies_dir == NULL)
    return;
  remove_folder (self->copies_dir, 1);
  g_clear_pointer (&self->copies_dir, g_free);
}

static void
rec_evidence_page_dispose (GObject *object)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_EVIDENCE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  remove_copies (self);

  G_OBJECT_CLASS (rec_evidence_page_parent_class)->dispose (object);
}

static void
rec_evidence_page_finalize (GObject *object)
{
  RecEvidencePage *self = REC_EVIDENCE_PAGE (object);

  g_free (self->needle);
  g_hash_table_unref (self->thumbnails);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->bound);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rec_evidence_page_parent_class)->finalize (object);
}

static void
rec_evidence_page_class_init (RecEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_evidence_page_dispose;
  object_class->finalize = rec_evidence_page_finalize;
  page_class->bind = rec_evidence_page_bind;
  page_class->load = rec_evidence_page_load;
  page_class->refresh = rec_evidence_page_refresh;
  page_class->unload = rec_evidence_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecEvidencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecEvidencePage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RecEvidencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RecEvidencePage, list_view);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, evidence_add_action);
  gtk_widget_class_install_action (widget_class, "evidence.open", "x", evidence_open_action);
  gtk_widget_class_install_action (widget_class, "evidence.show-record", "x",
                                   evidence_show_record_action);
}

static void
rec_evidence_page_init (RecEvidencePage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search documents"), -1);
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->cancellable = g_cancellable_new ();

  self->search_filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_group_connect_swapped (rec_page_get_signal_group (REC_PAGE (self)),
                                  "attachments-changed", G_CALLBACK (attachments_changed_cb), self);
  update_state (self);
}

void
rec_evidence_page_focus_search (RecEvidencePage *self)
{
  g_return_if_fail (REC_IS_EVIDENCE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
_rec_evidence_page_get_rows (RecEvidencePage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return G_LIST_MODEL (self->selection);
}

GtkEditable *
_rec_evidence_page_get_search (RecEvidencePage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
_rec_evidence_page_get_state (RecEvidencePage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return gtk_stack_get_visible_child_name (self->stack);
}

char *
_rec_evidence_page_dup_proves (RecEvidencePage *self,
                               RecAttachment   *attachment)
{
  return proves_text (self, attachment);
}

GdkPaintable *
_rec_evidence_page_get_thumbnail (RecEvidencePage *self,
                                  const char      *sha256)
{
  return g_hash_table_lookup (self->thumbnails, sha256);
}

void
_rec_evidence_page_request_thumbnail (RecEvidencePage *self,
                                      RecAttachment   *attachment)
{
  request_thumbnail (self, attachment);
}

char *
_rec_evidence_page_write_copy (RecEvidencePage *self,
                               RecAttachment   *attachment,
                               GError         **error)
{
  return write_private_copy (self, attachment, error);
}

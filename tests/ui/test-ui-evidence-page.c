/* test-ui-evidence-page.c — the Evidence page: every document of the case,
 * what it proves, the search, the empty state and thumbnails (a PNG and a
 * PDF's first page) made for the rows shown
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-ui-ledger-fixture.h"

#include "rec-evidence-page.h"

#include <cairo-pdf.h>
#include <string.h>

static GBytes *
png_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 400, 200);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF (US Letter) with a black square. */
static GBytes *
pdf_bytes (void)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, array, 612, 792);
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 100, 100, 200, 200);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

static void
add_document (RecCaseData *case_data,
              const char  *name,
              GBytes      *bytes,
              gpointer     record)
{
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes (name, bytes, &error);

  g_assert_no_error (error);
  if (record != NULL)
    rec_attachment_add_link (attachment, REC_ENTITY (record));
  g_ptr_array_add (case_data->attachments, attachment);
}

/* A photo of a check proving the first payment, the order as a PDF (the
 * case's own) and a note proving the first communication. */
static void
shape_documents (RecCaseData *case_data)
{
  g_autoptr(GBytes) png = png_bytes ();
  g_autoptr(GBytes) pdf = pdf_bytes ();
  g_autoptr(GBytes) text = g_bytes_new_static ("He said he would pay next week.\n", 32);

  add_document (case_data, "check-1043.png", png, g_ptr_array_index (case_data->payments, 0));
  add_document (case_data, "order.pdf", pdf, NULL);
  add_document (case_data, "call-notes.txt", text,
                g_ptr_array_index (case_data->communications, 0));
}

static RecEvidencePage *
evidence_page (Fixture *fixture)
{
  return REC_EVIDENCE_PAGE (rec_window_get_page (fixture->window, "evidence"));
}

static RecAttachment *
find_row (GListModel *rows,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RecAttachment) attachment = g_list_model_get_item (rows, i);

      if (g_str_equal (attachment->name, name))
        return attachment;
    }
  return NULL;
}

static void
test_lists_documents (Fixture       *fixture,
                      gconstpointer  data)
{
  RecEvidencePage *page;
  GListModel *rows;
  RecAttachment *check;
  RecAttachment *order;
  g_autoptr(RecPayment) first = NULL;
  g_autofree char *proves = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *order_proves = NULL;

  fixture_open (fixture, FALSE, shape_documents);
  page = evidence_page (fixture);
  rows = _rec_evidence_page_get_rows (page);
  g_assert_cmpstr (_rec_evidence_page_get_state (page), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  check = find_row (rows, "check-1043.png");
  order = find_row (rows, "order.pdf");
  g_assert_nonnull (check);
  g_assert_nonnull (order);
  g_assert_cmpstr (check->media_type, ==, "image/png");
  proves = _rec_evidence_page_dup_proves (page, check);
  first = g_list_model_get_item (rec_case_session_get_payments (fixture_session (fixture)), 0);
  amount = rec_gui_format_cents (fixture_session (fixture), first->amount_cents);
  g_assert_true (g_str_has_prefix (proves, "Payment of "));
  g_assert_nonnull (strstr (proves, amount));
  order_proves = _rec_evidence_page_dup_proves (page, order);
  g_assert_cmpstr (order_proves, ==, "The case");
}

/* What a document proves follows an edit of the record. */
static void
test_proves_follows_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RecEvidencePage *page;
  g_autoptr(RecPayment) first = NULL;
  g_autoptr(RecPayment) copy = NULL;
  g_autofree char *proves = NULL;

  fixture_open (fixture, FALSE, shape_documents);
  page = evidence_page (fixture);
  (void) _rec_evidence_page_get_rows (page);
  first = g_list_model_get_item (rec_case_session_get_payments (fixture_session (fixture)), 0);
  copy = rec_payment_copy (first);
  copy->amount_cents = 424242;
  g_assert_true (rec_case_session_update (fixture_session (fixture), G_OBJECT (copy), &error));
  g_assert_no_error (error);
  proves = _rec_evidence_page_dup_proves (page, find_row (_rec_evidence_page_get_rows (page),
                                                          "check-1043.png"));
  g_assert_nonnull (strstr (proves, "4,242.42"));
}

static guint
search_for (RecEvidencePage *page,
            const char      *text)
{
  gtk_editable_set_text (_rec_evidence_page_get_search (page), text);
  /* "search-changed" comes after a short delay: wait for it. */
  for (int i = 0; i < 50; i++)
    {
      g_usleep (10000);
      spin ();
    }
  return g_list_model_get_n_items (_rec_evidence_page_get_rows (page));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  RecEvidencePage *page;

  fixture_open (fixture, FALSE, shape_documents);
  page = REC_EVIDENCE_PAGE (show_page (fixture, "evidence"));
  /* Ctrl+F (win.find) on this page searches its documents. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "find", NULL);
  spin ();
  g_assert_true (focus_is_in (GTK_WIDGET (_rec_evidence_page_get_search (page))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (search_for (page, "ORDER"), ==, 1);          /* the name, any case */
  g_assert_cmpuint (search_for (page, "image/"), ==, 1);         /* the kind */
  g_assert_cmpuint (search_for (page, "payment of"), ==, 1);     /* what it proves */
  g_assert_cmpuint (search_for (page, "the case"), ==, 1);
  g_assert_cmpuint (search_for (page, "no such document"), ==, 0);
  g_assert_cmpstr (_rec_evidence_page_get_state (page), ==, "content");
  g_assert_cmpuint (search_for (page, ""), ==, 3);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  RecEvidencePage *page;

  g_auto(GStrv) actions = NULL;

  fixture_open (fixture, FALSE, NULL);
  /* The sixth page, Alt+6 (after the five that keep Alt+1 … Alt+5). */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app), "<Alt>6");
  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-page::evidence"));
  page = REC_EVIDENCE_PAGE (show_page (fixture, "evidence"));
  g_assert_cmpuint (g_list_model_get_n_items (_rec_evidence_page_get_rows (page)), ==, 0);
  g_assert_cmpstr (_rec_evidence_page_get_state (page), ==, "empty");
}

/* The rows shown make their thumbnails, scaled at load: a PNG and a PDF's
 * first page; a text has none (its icon). */
static void
test_thumbnails (Fixture       *fixture,
                 gconstpointer  data)
{
  RecEvidencePage *page;
  GListModel *rows;
  RecAttachment *check, *order, *notes;
  GdkPaintable *png = NULL, *pdf = NULL;

  fixture_open (fixture, FALSE, shape_documents);
  page = REC_EVIDENCE_PAGE (show_page (fixture, "evidence"));
  rows = _rec_evidence_page_get_rows (page);
  check = find_row (rows, "check-1043.png");
  order = find_row (rows, "order.pdf");
  notes = find_row (rows, "call-notes.txt");
  for (int i = 0; i < 300 && (png == NULL || pdf == NULL); i++)
    {
      g_usleep (10000);
      spin ();
      png = _rec_evidence_page_get_thumbnail (page, check->sha256);
      pdf = _rec_evidence_page_get_thumbnail (page, order->sha256);
    }
  g_assert_nonnull (png);
  g_assert_nonnull (pdf);
  /* 400 × 200 scaled to fit 96 px; a Letter page 74 × 96. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (png), ==, 96);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (png), ==, 48);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (pdf), ==, 96);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (pdf), ==, 74);
  g_assert_null (_rec_evidence_page_get_thumbnail (page, notes->sha256));
}

/* A document added to the case shows at once. */
static void
test_added_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Agency letter, 2026-03-01\n", 26);
  RecEvidencePage *page;

  fixture_open (fixture, FALSE, NULL);
  page = REC_EVIDENCE_PAGE (show_page (fixture, "evidence"));
  g_assert_cmpstr (_rec_evidence_page_get_state (page), ==, "empty");
  g_ptr_array_add (added, rec_attachment_new_from_bytes ("agency.txt", bytes, &error));
  g_assert_no_error (error);
  g_assert_true (rec_case_session_attach (fixture_session (fixture), added, NULL, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (_rec_evidence_page_get_state (page), ==, "content");
  g_assert_nonnull (find_row (_rec_evidence_page_get_rows (page), "agency.txt"));
}

/* Open writes a private copy with the document's very bytes (0600), and
 * the copies go with the window. */
static void
test_private_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RecEvidencePage *page;
  RecAttachment *check;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf info;
  char sha256[65];
  GtkWindow *window;

  fixture_open (fixture, FALSE, shape_documents);
  page = evidence_page (fixture);
  check = find_row (_rec_evidence_page_get_rows (page), "check-1043.png");
  path = _rec_evidence_page_write_copy (page, check, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/check-1043.png"));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  rec_sha256_hex ((const guint8 *) contents, length, sha256);
  g_assert_cmpstr (sha256, ==, check->sha256);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      gtk_window_destroy (window);
      spin ();
    }
  fixture->window = NULL;
  SPIN_UNTIL (!g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  static const PageTest tests[] = {
    { "/ui/evidence-page/lists-documents", test_lists_documents },
    { "/ui/evidence-page/proves-follows-edit", test_proves_follows_edit },
    { "/ui/evidence-page/search", test_search },
    { "/ui/evidence-page/empty", test_empty },
    { "/ui/evidence-page/thumbnails", test_thumbnails },
    { "/ui/evidence-page/added-shown", test_added_shown },
    { "/ui/evidence-page/private-copy", test_private_copy },
  };

  return run_page_tests (&argc, &argv, "/ui/evidence-page/no-display", tests, G_N_ELEMENTS (tests));
}

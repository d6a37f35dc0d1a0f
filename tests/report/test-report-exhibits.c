/* test-report-exhibits.c — the packet's exhibits, bookmarks, fingerprint and
 * Bates labels (spec/evidence.md §5), read back with poppler-glib
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include "report-test-util.h"

#include "rec-attachment.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#define HASH "3f2a91c077de0b14aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55"

/* Cases */

static RecPayment *
add_payment (RecCaseData *data,
             const char  *date,
             RecCents     cents)
{
  RecPayment *payment = rec_payment_new ();

  payment->entity.position = (int) data->payments->len + 1;
  payment->date = rt_date (date);
  payment->amount_cents = cents;
  payment->method = REC_PAYMENT_METHOD_CHECK;
  g_ptr_array_add (data->payments, payment);
  return payment;
}

static RecCaseData *
build_case (void)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  RecCommunication *c = rec_communication_new ();
  RecEnforcementStep *step = rec_enforcement_step_new ();

  rec_set_str (&data->info->title, "Rivera v. Rivera");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->currency, "USD");
  rec_set_str (&data->info->obligor.name, "Marco Rivera");
  rec_set_str (&data->info->obligee.name, "Ana Rivera");
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 85000;
  term->due_day = 1;
  term->effective = rt_date ("2023-01-01");
  g_ptr_array_add (data->terms, term);
  /* Out of date order in the array: exhibits follow the dates. */
  add_payment (data, "2023-03-05", 40000);
  add_payment (data, "2023-01-03", 125000);
  add_payment (data, "2023-02-02", 85000);

  c->entity.position = 1;
  rec_set_str (&c->at, "2023-04-02T18:30:00-07:00");
  g_assert_true (rec_timestamp_parse (c->at, &c->at_unix, NULL));
  c->channel = REC_CHANNEL_EMAIL;
  c->direction = REC_DIRECTION_RECEIVED;
  rec_set_str (&c->with, "Marco Rivera");
  rec_set_str (&c->subject, "March");
  g_ptr_array_add (data->communications, c);

  step->remedy = REC_REMEDY_PASSPORT_DENIAL;
  step->status = REC_STATUS_REQUESTED;
  step->date = rt_date ("2024-03-01");
  g_ptr_array_add (data->enforcement, step);

  return data;
}

static RecAttachment *
attach (RecCaseData *data,
        const char  *name,
        GBytes      *bytes,
        gpointer     record)
{
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes (name, bytes, &error);

  g_assert_no_error (error);
  attachment->entity.id = (gint64) data->attachments->len + 1;
  if (record != NULL)
    rec_attachment_add_link (attachment, record);
  g_ptr_array_add (data->attachments, attachment);
  return attachment;
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* A gradient with noise: a photo's worth of bytes. */
static GdkPixbuf *
make_pixbuf (int     width,
             int     height,
             guint8  red)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  GRand *rand = g_rand_new_with_seed (width * 7 + height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + x * 3;
        int noise = g_rand_int_range (rand, -40, 40);

        p[0] = CLAMP (red + noise, 0, 255);
        p[1] = CLAMP (x * 255 / width + noise, 0, 255);
        p[2] = CLAMP (y * 255 / height + noise, 0, 255);
      }
  g_rand_free (rand);
  return pixbuf;
}

static GBytes *
image_bytes (int         width,
             int         height,
             const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (width, height, 200);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page PDF: the first page red, the second blue. */
static GBytes *
two_page_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 300, 400);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.1, 0.1);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.9);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

typedef struct
{
  const char *fingerprint;
  const char *bates;
  gboolean    no_originals;
  const char *lang;
} Options;

static char *
write_packet (const RecCaseData *data,
              const Options     *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecRules) rules = rec_rules_load ("us-ca", &error);
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  const char *lang = options != NULL && options->lang != NULL ? options->lang : "en";
  RecReportLanguage *language = rec_report_language_push (lang);
  GDate as_of = rt_date ("2024-06-01");
  GDate prepared = rt_date ("2024-06-02");
  char *path = rt_temp_path ("packet.pdf");

  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &as_of, &error);
  g_assert_no_error (error);
  input = rec_report_input_new (data, result, lang, REC_PDF_PAPER_LETTER, &prepared);
  rec_report_language_pop (language);
  if (options != NULL)
    {
      rec_report_input_set_fingerprint (input, options->fingerprint, 1234);
      rec_report_input_set_bates (input, options->bates);
      rec_report_input_set_originals (input, !options->no_originals);
    }
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The outline's titles and their pages (0-based), in order. */
static void
read_outline (PopplerDocument *doc,
              GPtrArray       *titles,
              GArray          *pages)
{
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      int page = -1;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      if (action->goto_dest.dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *dest = poppler_document_find_dest (doc, action->goto_dest.dest->named_dest);

          page = dest->page_num - 1;
          poppler_dest_free (dest);
        }
      else
        page = action->goto_dest.dest->page_num - 1;
      g_ptr_array_add (titles, g_strdup (action->any.title));
      g_array_append_val (pages, page);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
}

static int
outline_page (GPtrArray  *titles,
              GArray     *pages,
              const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), title))
      return g_array_index (pages, int, i);
  g_error ("no bookmark “%s”", title);
  return -1;
}

static gboolean
page_has_image (PopplerDocument *doc,
                int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  GList *images = poppler_page_get_image_mapping (page);
  gboolean found = images != NULL;

  poppler_page_free_image_mapping (images);
  return found;
}

/* The colour in the middle of a page's image area (rendered at 20 dpi). */
static void
page_centre_colour (PopplerDocument *doc,
                    int              index,
                    guint8           rgb[3])
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  GList *images = poppler_page_get_image_mapping (page);
  PopplerImageMapping *mapping = images->data;
  double width, height;
  double x = (mapping->area.x1 + mapping->area.x2) / 2;
  double y = (mapping->area.y1 + mapping->area.y2) / 2;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 pixel;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = ((guint32 *) (cairo_image_surface_get_data (surface)
                        + (int) y * cairo_image_surface_get_stride (surface)))[(int) x];
  rgb[0] = (pixel >> 16) & 0xFF;
  rgb[1] = (pixel >> 8) & 0xFF;
  rgb[2] = pixel & 0xFF;
  cairo_surface_destroy (surface);
  poppler_page_free_image_mapping (images);
}

static char *
file_bytes_hash (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  char hash[65];

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  rec_sha256_hex ((const guint8 *) contents, length, hash);
  return g_strdup (hash);
}

/* Order, index, first pages and bookmarks */

static void
test_order_and_index (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *path = NULL;
  g_autofree char *index_text = NULL;
  g_autoptr(GBytes) check = image_bytes (400, 300, "jpeg");
  g_autoptr(GBytes) statement = text_bytes ("STATEMENT-MARK March statement\n");
  g_autoptr(GBytes) order = two_page_pdf ();
  g_autoptr(GBytes) blob = text_bytes ("PK\003\004 not really a zip but binary \001\002\003");
  g_autoptr(GBytes) mail = text_bytes ("From: Marco <m@example.com>\nTo: Ana <a@example.com>\n"
                                       "Date: Sun, 2 Apr 2023 18:30:00 -0700\nSubject: March\n\nMAIL-MARK\n");
  /* Attached in an order unlike the packet's. */
  RecAttachment *a_enforcement = attach (data, "passport.bin", blob, data->enforcement->pdata[0]);
  RecAttachment *a_march = attach (data, "statement.txt", statement, data->payments->pdata[0]);
  RecAttachment *a_mail = attach (data, "march.eml", mail, data->communications->pdata[0]);
  RecAttachment *a_check = attach (data, "check-1043.jpg", check, data->payments->pdata[1]);
  RecAttachment *a_order = attach (data, "order.pdf", order, NULL);
  /* Expected: the case's, then the ledger by date, the log, the checklist. */
  RecAttachment *expected[] = { a_order, a_check, a_march, a_mail, a_enforcement };
  guint expected_pages[] = { 2, 1, 1, 1, 1 };
  const char *sections[] = { "Child Support Case Packet", "Summary", "Ledger", "Communication log",
                             "Enforcement checklist", "Exhibit index" };
  int index_page;

  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  read_outline (doc, titles, pages);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    outline_page (titles, pages, sections[i]);

  index_page = outline_page (titles, pages, "Exhibit index");
  index_text = rt_page_text (doc, index_page);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *title = g_strdup_printf ("Exhibit %u — %s", i + 1, expected[i]->name);
      g_autofree char *heading = g_strdup_printf ("Exhibit %u", i + 1);
      g_autofree char *row = NULL;
      int first = outline_page (titles, pages, title);
      g_autofree char *text = rt_page_text (doc, first);
      g_autofree char *squeezed_index = rt_squeeze (index_text);
      g_autofree char *name = rt_squeeze (expected[i]->name);
      const char *at = strstr (squeezed_index, name);

      /* The exhibit's first page says what it is. */
      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, expected[i]->name));
      g_assert_nonnull (strstr (text, expected[i]->sha256));
      /* In the index: in this order, its hash, its first page and pages. */
      g_assert_nonnull (at);
      if (i > 0)
        {
          g_autofree char *previous = rt_squeeze (expected[i - 1]->name);

          g_assert_true (at > strstr (squeezed_index, previous));
        }
      /* The row reads: number, description, hash, first page, pages. */
      row = g_strdup_printf ("%u%s", i + 1, name);
      g_assert_nonnull (strstr (squeezed_index, row));
      g_free (row);
      row = g_strdup_printf ("SHA-256:%s%d%u", expected[i]->sha256, first + 1, expected_pages[i]);
      g_assert_nonnull (strstr (squeezed_index, row));
      g_assert_nonnull (strstr (squeezed_index, expected[i]->sha256));
    }
  /* What each proves. */
  g_assert_nonnull (strstr (index_text, "check-1043.jpg — payment of $1,250.00 on 01/03/2023"));
  g_assert_nonnull (strstr (index_text, "order.pdf — the case"));
  g_assert_nonnull (strstr (index_text, "march.eml — communication on 04/02/2023"));
  g_assert_nonnull (strstr (index_text, "passport.bin — enforcement step on 03/01/2024"));

  /* The ledger and the log name the exhibits next to their records. */
  {
    g_autofree char *ledger = rt_page_text (doc, outline_page (titles, pages, "Ledger"));
    g_autofree char *log = rt_page_text (doc, outline_page (titles, pages, "Communication log"));
    g_autofree char *squeezed = rt_squeeze (ledger);

    g_assert_nonnull (strstr (squeezed, "keptascreditExhibit2"));
    g_assert_nonnull (strstr (squeezed, "Payment:CheckExhibit3"));
    g_assert_null (strstr (squeezed, "Exhibit1"));
    g_assert_nonnull (strstr (log, "Exhibit 4"));
  }

  rt_remove (path);
}

/* Pages */

static void
test_image_exhibits (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GBytes) jpeg = image_bytes (1200, 900, "jpeg");
  g_autoptr(GBytes) png = image_bytes (600, 1000, "png");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint8 rgb[3];

  attach (data, "photo.jpg", jpeg, data->payments->pdata[1]);
  attach (data, "screenshot.png", png, data->payments->pdata[2]);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  read_outline (doc, titles, pages);

  for (guint i = 0; i < 2; i++)
    {
      const char *title = i == 0 ? "Exhibit 1 — photo.jpg" : "Exhibit 2 — screenshot.png";
      int page = outline_page (titles, pages, title);
      g_autoptr(PopplerPage) p = poppler_document_get_page (doc, page);
      GList *images = poppler_page_get_image_mapping (p);
      PopplerImageMapping *mapping;

      g_assert_nonnull (images);
      mapping = images->data;
      /* Scaled to fit: as wide as the text (the JPEG) or as tall as the
       * room (the PNG), and inside the page. */
      if (i == 0)
        g_assert_cmpfloat (mapping->area.x2 - mapping->area.x1, >, 480.0);
      else
        g_assert_cmpfloat (mapping->area.y2 - mapping->area.y1, >, 400.0);
      g_assert_cmpfloat (mapping->area.y2, <, 792.0 - 50.0);
      g_assert_cmpfloat (mapping->area.x1, >=, 50.0);
      poppler_page_free_image_mapping (images);
      page_centre_colour (doc, page, rgb);
      g_assert_cmpint (rgb[0], >, 140);     /* the picture's red, not white paper */
      g_assert_cmpint (rgb[1], <, 230);
    }

  /* With the originals, the JPEG is on its page as it is (its bytes twice:
   * the page and the embedded file). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    gsize size;
    const char *bytes = g_bytes_get_data (jpeg, &size);
    const char *first = memmem (contents, length, bytes, size);

    g_assert_nonnull (first);
    g_assert_nonnull (memmem (first + size, length - (first - contents) - size, bytes, size));
  }
  rt_remove (path);
}

static void
test_pdf_exhibit (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GBytes) order = two_page_pdf ();
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  int first;
  guint8 rgb[3];

  attach (data, "order.pdf", order, NULL);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  read_outline (doc, titles, pages);
  first = outline_page (titles, pages, "Exhibit 1 — order.pdf");
  g_assert_cmpint (first + 2, ==, poppler_document_get_n_pages (doc));

  g_assert_true (page_has_image (doc, first));
  page_centre_colour (doc, first, rgb);
  g_assert_cmpint (rgb[0], >, 180);
  g_assert_cmpint (rgb[2], <, 80);
  g_assert_true (page_has_image (doc, first + 1));
  page_centre_colour (doc, first + 1, rgb);
  g_assert_cmpint (rgb[2], >, 180);
  g_assert_cmpint (rgb[0], <, 80);
  second = rt_page_text (doc, first + 1);
  g_assert_nonnull (strstr (second, "Exhibit 1, page 2 of 2"));
  rt_remove (path);
}

static void
test_text_and_mail (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) long_text = g_string_new ("date,amount\n");
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) mail = text_bytes (
    "Received: by mx.example.com; Sun, 2 Apr 2023\r\n"
    "From: Marco Rivera <marco@example.com>\r\n"
    "To: Ana Rivera <ana@example.com>\r\n"
    "Date: Sun, 2 Apr 2023 18:30:00 -0700\r\n"
    "Subject: =?UTF-8?B?UGFnbyBkZSBtYXJ6bw==?= =?UTF-8?Q?_=C3=B1and=C3=BA?=\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/alternative; boundary=\"XYZ\"\r\n"
    "\r\n"
    "--XYZ\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "I will pay the rest in May. Se=C3=B1ora MAIL-BODY-MARK\r\n"
    "--XYZ\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<p>HTML-ONLY-MARK</p>\r\n"
    "--XYZ--\r\n");
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *mail_page = NULL;
  int first;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "2023-%02u-01,ROW-%03u\n", i % 12 + 1, i);
  g_string_append (long_text, "CSV-END-MARK\n");
  csv = g_bytes_new (long_text->str, long_text->len);
  attach (data, "bank.csv", csv, data->payments->pdata[1]);
  attach (data, "reply.eml", mail, data->communications->pdata[0]);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  read_outline (doc, titles, pages);
  all = rt_document_text (doc);

  /* The whole CSV, wrapped over pages. */
  g_assert_nonnull (strstr (all, "ROW-000"));
  g_assert_nonnull (strstr (all, "ROW-399"));
  g_assert_nonnull (strstr (all, "CSV-END-MARK"));
  first = outline_page (titles, pages, "Exhibit 2 — reply.eml");
  g_assert_cmpint (outline_page (titles, pages, "Exhibit 1 — bank.csv") + 1, <, first);

  mail_page = rt_page_text (doc, first);
  g_assert_nonnull (strstr (mail_page, "From: Marco Rivera <marco@example.com>"));
  g_assert_nonnull (strstr (mail_page, "To: Ana Rivera <ana@example.com>"));
  g_assert_nonnull (strstr (mail_page, "Date: Sun, 2 Apr 2023 18:30:00 -0700"));
  g_assert_nonnull (strstr (mail_page, "Subject: Pago de marzo ñandú"));
  g_assert_nonnull (strstr (mail_page, "Señora MAIL-BODY-MARK"));
  g_assert_null (strstr (mail_page, "HTML-ONLY-MARK"));
  g_assert_null (strstr (mail_page, "Received"));
  rt_remove (path);
}

/* Bad input: never a failed packet */

static void
test_unreadable_files (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) jpeg = text_bytes ("\xff\xd8\xff\xe0 this is no JPEG at all, only its first bytes");
  g_autoptr(GBytes) pdf = text_bytes ("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref\n");
  g_autoptr(GBytes) heic_real = g_bytes_new ("\0\0\0\030ftypheic\0\0\0\0mif1heicXXXXXXXX", 32);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;

  attach (data, "broken.jpg", jpeg, data->payments->pdata[0]);
  attach (data, "broken.pdf", pdf, data->payments->pdata[1]);
  attach (data, "photo.heic", heic_real, data->payments->pdata[2]);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  all = rt_document_text (doc);
  squeezed = rt_squeeze (all);
  g_assert_nonnull (strstr (squeezed, "“broken.jpg”couldnotbeshown"));
  g_assert_nonnull (strstr (squeezed, "“broken.pdf”couldnotbeshown"));
  g_assert_nonnull (strstr (squeezed, "“photo.heic”couldnotbeshown"));
  g_assert_nonnull (strstr (squeezed, "Theoriginalfileisattachedtothis"));
  rt_remove (path);
}

static void
test_unknown_kind (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) zip = g_bytes_new ("PK\003\004\024\0\0\0\010\0binary", 16);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;

  attach (data, "photos.zip", zip, NULL);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);
  all = rt_document_text (doc);
  squeezed = rt_squeeze (all);
  g_assert_nonnull (strstr (squeezed, "“photos.zip”(application/octet-stream,16bytes)isakindoffileapagecannotshow"));
  rt_remove (path);
}

/* Originals */

static void
test_embedded_originals (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) jpeg = image_bytes (320, 200, "jpeg");
  g_autoptr(GBytes) pdf = two_page_pdf ();
  g_autoptr(GBytes) text = text_bytes ("plain text, compressed in the PDF and the same when extracted\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = g_dir_make_tmp ("rec-test-detach-XXXXXX", NULL);
  g_autofree char *command = NULL;
  RecAttachment *attachments[3];
  GList *list;
  int status = 0;

  attachments[0] = attach (data, "Biên nhận 1043.jpg", jpeg, data->payments->pdata[1]);
  attachments[1] = attach (data, "order.pdf", pdf, NULL);
  attachments[2] = attach (data, "notes.txt", text, data->payments->pdata[0]);
  path = write_packet (data, NULL);
  doc = rt_open_pdf (path);

  list = poppler_document_get_attachments (doc);
  g_assert_cmpuint (g_list_length (list), ==, 3);
  g_list_free_full (list, g_object_unref);

  /* pdfdetach (poppler-utils) takes them out as a user would. */
  command = g_strdup_printf ("pdfdetach -saveall -o %s %s", folder, path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (attachments); i++)
    {
      g_autofree char *saved = g_build_filename (folder, attachments[i]->name, NULL);
      g_autofree char *hash = file_bytes_hash (saved);

      g_assert_cmpstr (hash, ==, attachments[i]->sha256);
      g_unlink (saved);
    }
  g_rmdir (folder);
  rt_remove (path);

  /* No temporary folder is left behind. */
  {
    g_autoptr(GDir) tmp = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (tmp)) != NULL)
      g_assert_false (g_str_has_prefix (name, "recourse-exhibits-"));
  }
}

static void
test_no_originals (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  gsize total = 0;
  GStatBuf with_info, without_info;
  const Options no_originals = { .no_originals = TRUE };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (3000, 2200, 60 * i);
      char *buffer = NULL;
      gsize size = 0;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);

      g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality", "92", NULL));
      bytes = g_bytes_new_take (buffer, size);
      total += size;
      attach (data, name, bytes, data->payments->pdata[i]);
    }
  with_path = write_packet (data, NULL);
  without_path = write_packet (data, &no_originals);
  g_assert_cmpint (g_stat (with_path, &with_info), ==, 0);
  g_assert_cmpint (g_stat (without_path, &without_info), ==, 0);
  /* The originals are in the first (twice: on the page and embedded). */
  g_assert_cmpint (with_info.st_size, >, 2 * total);
  /* Downsampled to 150 dpi for a 7-inch box: far smaller. */
  g_assert_cmpint (without_info.st_size * 4, <, total);

  doc = rt_open_pdf (without_path);
  g_assert_null (poppler_document_get_attachments (doc));
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *images = poppler_page_get_image_mapping (page);

      for (GList *l = images; l != NULL; l = l->next)
        {
          PopplerImageMapping *mapping = l->data;
          cairo_surface_t *image = poppler_page_get_image (page, mapping->image_id);

          /* 7 inches at 150 dpi, at most. */
          g_assert_cmpint (cairo_image_surface_get_width (image), <=, 1051);
          cairo_surface_destroy (image);
        }
      poppler_page_free_image_mapping (images);
    }
  {
    g_autofree char *all = rt_document_text (doc);
    g_autofree char *squeezed = rt_squeeze (all);

    g_assert_nonnull (strstr (squeezed, "Theoriginalfilesarekeptinthecasefile"));
  }
  rt_remove (with_path);
  rt_remove (without_path);
}

/* Fingerprint, Bates labels, outline encoding */

static void
test_fingerprint (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerDocument) plain_doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *all_plain = NULL;
  const Options options = { .fingerprint = HASH };

  path = write_packet (data, &options);
  doc = rt_open_pdf (path);
  keywords = poppler_document_get_keywords (doc);
  g_assert_cmpstr (keywords, ==, "recourse-fingerprint:" HASH);
  cover = rt_page_text (doc, 0);
  g_assert_nonnull (strstr (cover, "3F2A-91C0-77DE-0B14"));
  g_assert_nonnull (strstr (cover, "1 234 entries"));
  g_assert_nonnull (strstr (cover, "tamper-evident"));
  g_assert_nonnull (strstr (cover, "recourse verify CASE --packet PACKET.pdf"));
  g_assert_null (strstr (cover, "tamper-proof"));
  g_assert_null (strstr (cover, "admissible"));
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = rt_page_text (doc, i);

      g_assert_nonnull (strstr (text, "Fingerprint 3F2A-91C0-77DE-0B14"));
    }

  /* Without a history, no word of one. */
  plain = write_packet (data, NULL);
  plain_doc = rt_open_pdf (plain);
  all_plain = rt_document_text (plain_doc);
  g_assert_null (strstr (all_plain, "ingerprint"));
  g_assert_null (strstr (all_plain, "tamper"));
  {
    g_autofree char *none = poppler_document_get_keywords (plain_doc);

    g_assert_null (none);
  }
  rt_remove (path);
  rt_remove (plain);
}

static void
test_bates (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) order = two_page_pdf ();
  g_autofree char *path = NULL;
  const Options options = { .bates = "RIVERA" };
  int n_pages;

  attach (data, "order.pdf", order, NULL);
  path = write_packet (data, &options);
  doc = rt_open_pdf (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >, 4);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = rt_page_text (doc, i);
      g_autofree char *label = g_strdup_printf ("RIVERA-%06d", i + 1);
      g_autofree char *next = g_strdup_printf ("RIVERA-%06d", i + 2);

      g_assert_nonnull (strstr (text, label));
      g_assert_null (strstr (text, next));
    }
  rt_remove (path);
}

static void
test_outline_vietnamese (void)
{
  g_autoptr(RecCaseData) data = build_case ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GBytes) text = text_bytes ("ghi chú\n");
  g_autofree char *path = NULL;
  const Options options = { .lang = "vi" };
  gboolean found_exhibit = FALSE;
  gboolean found_vietnamese_section = FALSE;

  attach (data, "Biên nhận tháng Ba.txt", text, data->payments->pdata[0]);
  path = write_packet (data, &options);
  doc = rt_open_pdf (path);
  read_outline (doc, titles, pages);
  for (guint i = 0; i < titles->len; i++)
    {
      const char *title = g_ptr_array_index (titles, i);
      g_autofree char *page = rt_page_text (doc, g_array_index (pages, int, i));

      g_assert_true (g_utf8_validate (title, -1, NULL));
      if (g_str_has_suffix (title, " — Biên nhận tháng Ba.txt"))
        found_exhibit = TRUE;
      /* Every section's bookmark is its heading, in the packet's language. */
      else if (i > 0)
        {
          g_assert_nonnull (strstr (page, title));
          found_vietnamese_section |= !g_str_is_ascii (title);
        }
    }
  g_assert_true (found_exhibit);
  g_assert_true (found_vietnamese_section);
  rt_remove (path);
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exhibits/order-and-index", test_order_and_index);
  g_test_add_func ("/exhibits/images", test_image_exhibits);
  g_test_add_func ("/exhibits/pdf", test_pdf_exhibit);
  g_test_add_func ("/exhibits/text-and-mail", test_text_and_mail);
  g_test_add_func ("/exhibits/unreadable", test_unreadable_files);
  g_test_add_func ("/exhibits/unknown-kind", test_unknown_kind);
  g_test_add_func ("/exhibits/embedded-originals", test_embedded_originals);
  g_test_add_func ("/exhibits/no-originals", test_no_originals);
  g_test_add_func ("/exhibits/fingerprint", test_fingerprint);
  g_test_add_func ("/exhibits/bates", test_bates);
  g_test_add_func ("/exhibits/outline-vietnamese", test_outline_vietnamese);

  return g_test_run ();
}

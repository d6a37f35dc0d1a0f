/* test-pdf-libharu.c — text placed and the pages' content streams deflated
 * through libharu's records (rec-pdf-libharu.c) make the same document, byte
 * for byte, as libharu's own functions (what REC_PDF_LIBHARU=plain asks). */

#include "config.h"

#include "rec-arrears.h"
#include "rec-demo.h"
#include "rec-pdf.h"
#include "rec-pdf-libharu.h"
#include "rec-pdf-private.h"
#include "rec-report.h"

#include <string.h>

#include "report-test-util.h"

typedef enum
{
  SHARED,
  LIBHARU,
} Way;

/* SHARED whenever it was built so, even with REC_PDF_LIBHARU=plain. */
static void
set_way (Way way)
{
  /* Read when a document is made (rec_pdf_new). */
  _rec_pdf_libharu_force (way == LIBHARU ? 0 : 1);
}

static gboolean
skip_unless_available (void)
{
  _rec_pdf_libharu_force (1);
  if (_rec_pdf_libharu_records ())
    return FALSE;
  g_test_skip ("built without REC_PDF_LIBHARU_RECORDS (libharu's records did not compile)");
  return TRUE;
}

/* Sixty pages of table rows and paragraphs, headers and footers, and the
 * first page written again last (as the packet's cover note is). */
static GBytes *
draw_document (Way    way,
               guint *out_pages,
               guint *out_deflated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 12, 2, 12, 0, 0);
  RecPdf *pdf;
  RecPdfDeferred *note;
  const char *notes[] = { "The history is intact.", "The history was changed outside Recourse.", NULL };
  GBytes *bytes;

  set_way (way);
  pdf = rec_pdf_new (REC_PDF_PAPER_LETTER, &error);
  g_assert_no_error (error);
  rec_pdf_set_info (pdf, "Deflate", "Test", "Same bytes", created);
  rec_pdf_set_decorations (pdf, "Header", "Footer", "Page %d of %d");
  rec_pdf_new_page (pdf);
  note = rec_pdf_paragraph_defer (pdf, notes, 10.0, FALSE);
  for (guint i = 0; rec_pdf_get_n_pages (pdf) < 60; i++)
    {
      g_autofree char *text = g_strdup_printf ("Row %u: 01/%02u/2026 payment of $%u.%02u, "
                                               "Tiếng Việt, español — %u", i, i % 28 + 1,
                                               i * 37 % 1000, i % 100, i * i);

      rec_pdf_paragraph (pdf, text, 9.0, i % 7 == 0);
    }
  rec_pdf_paragraph_fill (pdf, note, 1);
  rec_pdf_deferred_free (note);

  bytes = rec_pdf_save_to_bytes (pdf, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  *out_pages = rec_pdf_get_n_pages (pdf);
  *out_deflated = pdf->n_deflated;
  rec_pdf_free (pdf);
  set_way (SHARED);
  return bytes;
}

static void
assert_same_bytes (GBytes *shared,
                   GBytes *libharu)
{
  gsize n_shared = 0;
  gsize n_libharu = 0;
  const guint8 *a = g_bytes_get_data (shared, &n_shared);
  const guint8 *b = g_bytes_get_data (libharu, &n_libharu);
  gsize first = 0;

  while (first < MIN (n_shared, n_libharu) && a[first] == b[first])
    first++;
  if (first < MAX (n_shared, n_libharu))
    g_test_message ("first difference at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                    " / %" G_GSIZE_FORMAT, first, n_shared, n_libharu);
  g_assert_cmpuint (n_shared, ==, n_libharu);
  g_assert_true (memcmp (a, b, n_shared) == 0);
}

static void
test_same_bytes_document (void)
{
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GBytes) libharu = NULL;
  guint pages = 0;
  guint deflated = 0;

  if (skip_unless_available ())
    return;
  libharu = draw_document (LIBHARU, &pages, &deflated);
  g_assert_cmpuint (deflated, ==, 0);
  shared = draw_document (SHARED, &pages, &deflated);
  /* Every page went through rec-pdf-libharu.c, on two threads. */
  g_assert_cmpuint (pages, ==, 60);
  g_assert_cmpuint (deflated, ==, pages);
  assert_same_bytes (shared, libharu);
}

/* The packet of a demo case (the normal one, and the large one of the
 * benchmark), through rec_report_write as `recourse report` writes it. */
static GBytes *
write_packet (gboolean large,
              Way      way)
{
  g_autoptr(GError) error = NULL;
  GDate today = rt_date ("2026-12-02");
  RecCaseData *data = rec_demo_case_new (&today, large);
  g_autoptr(RecRules) rules = rec_rules_load (data->info->jurisdiction, &error);
  RecArrearsResult *result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autofree char *path = rt_temp_path ("packet.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  result = rec_arrears_compute (data, rules, &today, &error);
  g_assert_no_error (error);
  input = rec_report_input_new_take (data, result, "en", REC_PDF_PAPER_LETTER, &today);
  /* The document's creation time, which would differ between the two. */
  g_date_time_unref (input->prepared_at);
  input->prepared_at = g_date_time_new_utc (2026, 12, 2, 12, 0, 0);

  set_way (way);
  g_assert_true (rec_report_write (input, path, &error));
  g_assert_no_error (error);
  set_way (SHARED);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  rt_remove (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_same_bytes_packet (gconstpointer data)
{
  gboolean large = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GBytes) libharu = NULL;

  if (skip_unless_available ())
    return;
  libharu = write_packet (large, LIBHARU);
  shared = write_packet (large, SHARED);
  assert_same_bytes (shared, libharu);
}

int
main (int    argc,
      char **argv)
{
  rt_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/libharu/same-bytes-document", test_same_bytes_document);
  g_test_add_data_func ("/pdf/libharu/same-bytes-packet", GINT_TO_POINTER (FALSE),
                        test_same_bytes_packet);
  g_test_add_data_func ("/pdf/libharu/same-bytes-large-packet", GINT_TO_POINTER (TRUE),
                        test_same_bytes_packet);

  return g_test_run ();
}

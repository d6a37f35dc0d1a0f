/* bench-exhibits.c — a packet with photo exhibits, for tests/bench/bench-exhibits.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-exhibits --generate DIR N     N noisy 12-megapixel JPEGs (3–4 MB each)
 *   bench-exhibits DIR OUT.pdf [--no-originals]
 *                                       a case with one payment per photo in
 *                                       DIR, each photo its payment's exhibit;
 *                                       prints the seconds the packet took
 *                                       (snapshot and writing: wall clock,
 *                                       then CPU of all threads) and its bytes
 *
 * The case is built in code: the store does not keep attachments yet.
 */
#include "config.h"

#include "rec-arrears.h"
#include "rec-attachment.h"
#include "rec-date.h"
#include "rec-report.h"
#include "rec-rules.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define PHOTO_WIDTH   4032
#define PHOTO_HEIGHT  3024

/* A photo's worth of entropy: light and shade, and sensor noise. */
static gboolean
generate (const char *dir,
          guint       n)
{
  GRand *rand = g_rand_new_with_seed (11);

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
      guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);
      g_autofree char *path = g_strdup_printf ("%s/photo-%02u.jpg", dir, i + 1);
      g_autoptr(GError) error = NULL;

      for (int y = 0; y < PHOTO_HEIGHT; y++)
        for (int x = 0; x < PHOTO_WIDTH; x++)
          {
            guint8 *p = pixels + (gsize) y * stride + x * 3;
            int noise = g_rand_int_range (rand, -9, 10);
            int shade = ((x / 97 + y / 89 + (int) i) % 5) * 30;

            p[0] = CLAMP (60 + shade + noise, 0, 255);
            p[1] = CLAMP (x * 200 / PHOTO_WIDTH + noise, 0, 255);
            p[2] = CLAMP (y * 200 / PHOTO_HEIGHT + shade / 2 + noise, 0, 255);
          }
      if (!gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL))
        {
          fprintf (stderr, "bench-exhibits: %s\n", error->message);
          g_rand_free (rand);
          return FALSE;
        }
    }
  g_rand_free (rand);
  return TRUE;
}

static RecCaseData *
build_case (const char *dir)
{
  RecCaseData *data = rec_case_data_new ();
  RecTerm *term = rec_term_new ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  GDate day;

  rec_set_str (&data->info->title, "Bench v. Exhibits");
  rec_set_str (&data->info->jurisdiction, "us-ca");
  rec_set_str (&data->info->currency, "USD");
  term->kind = REC_TERM_KIND_CHILD_SUPPORT;
  term->amount_cents = 85000;
  term->due_day = 1;
  g_date_clear (&term->effective, 1);
  g_date_set_dmy (&term->effective, 1, 1, 2022);
  g_ptr_array_add (data->terms, term);

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".jpg"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, 1, 2022);
  for (guint i = 0; i < names->len; i++)
    {
      RecPayment *payment = rec_payment_new ();
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      RecAttachment *attachment = rec_attachment_new_from_file (path, &error);

      if (attachment == NULL)
        {
          fprintf (stderr, "bench-exhibits: %s\n", error->message);
          exit (1);
        }
      payment->entity.position = (int) i + 1;
      payment->date = day;
      payment->amount_cents = 85000;
      payment->method = REC_PAYMENT_METHOD_CHECK;
      g_ptr_array_add (data->payments, payment);
      attachment->entity.id = (gint64) i + 1;
      rec_attachment_add_link (attachment, REC_ENTITY (payment));
      g_ptr_array_add (data->attachments, attachment);
      g_date_add_months (&day, 1);
    }

  return data;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RecCaseData) data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecArrearsResult) result = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autoptr(GError) error = NULL;
  gboolean no_originals = argc > 3 && g_str_equal (argv[3], "--no-originals");
  GDate as_of;
  GStatBuf info;
  gint64 start;
  double cpu_start;

  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return generate (argv[2], (guint) atoi (argv[3])) ? 0 : 1;
  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-exhibits --generate DIR N | bench-exhibits DIR OUT.pdf [--no-originals]\n");
      return 2;
    }

  data = build_case (argv[1]);
  rules = rec_rules_load ("us-ca", &error);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 6, 2026);
  result = rules != NULL ? rec_arrears_compute (data, rules, &as_of, &error) : NULL;
  if (result == NULL)
    {
      fprintf (stderr, "bench-exhibits: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  input = rec_report_input_new (data, result, "en", REC_PDF_PAPER_LETTER, NULL);
  rec_report_input_set_originals (input, !no_originals);
  if (!rec_report_write (input, argv[2], &error))
    {
      fprintf (stderr, "bench-exhibits: %s\n", error->message);
      return 1;
    }
  g_stat (argv[2], &info);
  printf ("%.3f %.3f %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - start) / 1e6,
          cpu_seconds () - cpu_start, (gint64) info.st_size);
  return 0;
}

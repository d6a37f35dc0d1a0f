/* bench-import-payments.c — a 10 000-row statement imported into the large
 * case, step by step, for bench-import-payments.sh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-import-payments CASE.recourse STATEMENT.csv [--write-statement]
 *
 * With --write-statement, writes STATEMENT.csv first, in Chase's shape: the
 * case's first 2 000 payments as credits (an overlapping statement: they are
 * already in the case) and 8 000 other rows, every other one a debit. Then
 * times, in one process, what `recourse import-payments` and the window's
 * Add do: read the statement (rec_import_read_payments), load the case
 * (rec_store_load_case), filter (no --match), mark duplicates against the
 * case, and commit the new payments in one transaction (rec_store_import).
 * Prints each step in milliseconds of wall-clock time and, on a second
 * line, of the process's CPU time (which a busy machine disturbs less; the
 * disk's fsync is in the first only), and the counts.
 */
#include "config.h"

#include "rec-import.h"
#include "rec-store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define ROWS 10000
#define OVERLAP 2000

/* Microseconds of CPU time the process has used. */
static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

typedef struct
{
  gint64 wall;
  gint64 cpu;
} Mark;

static Mark
mark (void)
{
  return (Mark) { g_get_monotonic_time (), cpu_time () };
}

/* Milliseconds since `start`, wall and CPU, into out[0] and out[1]. */
static void
since (Mark    start,
       double *out)
{
  out[0] = (double) (g_get_monotonic_time () - start.wall) / 1000.0;
  out[1] = (double) (cpu_time () - start.cpu) / 1000.0;
}

static void
write_statement (const RecCaseData *case_data,
                 const char        *path)
{
  g_autoptr(GString) text = g_string_new ("Details,Posting Date,Description,Amount,Type,Balance,"
                                          "Check or Slip #\r\n");
  guint overlap = MIN (OVERLAP, case_data->payments->len);

  for (guint i = 0; i < ROWS; i++)
    {
      int year, month, day;
      RecCents cents;
      gboolean debit = FALSE;

      if (i < overlap)
        {
          RecPayment *payment = case_data->payments->pdata[i];

          year = g_date_get_year (&payment->date);
          month = g_date_get_month (&payment->date);
          day = g_date_get_day (&payment->date);
          cents = payment->amount_cents;
        }
      else
        {
          year = 2020 + (int) (i % 6);
          month = 1 + (int) (i % 12);
          day = 1 + (int) (i % 28);
          cents = 1000 + (RecCents) i * 7;
          debit = i % 2 == 1;
        }
      g_string_append_printf (text, "%s,%02d/%02d/%04d,\"ZELLE PAYMENT FROM MARK SMITH %u\","
                              "%s%lld.%02lld,QUICKPAY_CREDIT,1000.00,,\r\n",
                              debit ? "DEBIT" : "CREDIT", month, day, year, i,
                              debit ? "-" : "", (long long) (cents / 100),
                              (long long) (cents % 100));
    }
  if (!g_file_set_contents (path, text->str, (gssize) text->len, NULL))
    g_error ("cannot write %s", path);
}

static GPtrArray *
new_records (RecImportSource *source)
{
  GPtrArray *records = g_ptr_array_new ();

  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = source->candidates->pdata[i];

      if (candidate->status == REC_IMPORT_NEW && candidate->selected)
        g_ptr_array_add (records, candidate->record);
    }
  return records;
}

int
main (int   argc,
      char *argv[])
{
  RecImportPaymentOptions options = { .method = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(GPtrArray) sources =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);
  g_autoptr(GPtrArray) records = NULL;
  RecImportSource *source;
  RecStoreImportSource store_source;
  double read_ms[2], load_ms[2], filter_ms[2], dup_ms[2], commit_ms[2];
  Mark start;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-import-payments CASE STATEMENT [--write-statement]\n");
      return 2;
    }
  store = rec_store_open (argv[1], FALSE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (argc > 3 && g_str_equal (argv[3], "--write-statement"))
    {
      g_autoptr(RecCaseData) first = rec_store_load_case (store, &error);

      if (first == NULL)
        g_error ("%s", error->message);
      write_statement (first, argv[2]);
    }

  start = mark ();
  source = rec_import_read_payments (argv[2], &options, NULL, NULL, NULL, &error);
  since (start, read_ms);
  if (source == NULL)
    g_error ("%s", error->message);
  g_ptr_array_add (sources, source);

  start = mark ();
  case_data = rec_store_load_case (store, &error);
  since (start, load_ms);
  if (case_data == NULL)
    g_error ("%s", error->message);

  start = mark ();
  rec_import_source_filter (source, NULL);
  since (start, filter_ms);

  start = mark ();
  rec_import_mark_duplicates (case_data, sources);
  since (start, dup_ms);

  start = mark ();
  records = new_records (source);
  store_source = (RecStoreImportSource) {
    .name = source->name, .sha256 = source->sha256, .format = source->format,
    .attachment = source->attachment, .records = records,
  };
  if (!rec_store_import (store, &store_source, 1, &error))
    g_error ("%s", error->message);
  since (start, commit_ms);

  printf ("rows %u  added %u  already %u  not-matching %u  rejected %u\n",
          source->candidates->len, records->len, rec_import_count (sources, REC_IMPORT_DUPLICATE),
          rec_import_count (sources, REC_IMPORT_NOT_MATCHING),
          rec_import_count (sources, REC_IMPORT_REJECTED));
  for (int k = 0; k < 2; k++)
    {
      printf ("%s read %.1f ms  load-case %.1f ms  filter %.1f ms  duplicates %.1f ms  "
              "commit %.1f ms\n", k == 0 ? "wall" : "cpu ", read_ms[k], load_ms[k],
              filter_ms[k], dup_ms[k], commit_ms[k]);
      printf ("%s total %.1f ms (without loading the case: %.1f ms)\n", k == 0 ? "wall" : "cpu ",
              read_ms[k] + load_ms[k] + filter_ms[k] + dup_ms[k] + commit_ms[k],
              read_ms[k] + filter_ms[k] + dup_ms[k] + commit_ms[k]);
    }
  return 0;
}

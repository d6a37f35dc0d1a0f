/* bench-report-floor.c — the floor for the packet: bare libharu, same rows, same font
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-report-floor ROWS OUT.pdf [OUT.csv]
 *
 * Writes ROWS table rows of six cells (date, text, four amounts) with Liberation
 * Sans embedded through HPDF_UseUTFEncodings, compressed, on as many Letter
 * pages as needed: no wrapping, no header or footer, nothing else. What the
 * case packet costs beyond this is the price of its layout. With OUT.csv it
 * also writes the same rows as CSV (for the LibreOffice comparison).
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>

#define FONT "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
#define SIZE 9.0
#define LINE 16.0

static void
error_handler (HPDF_STATUS error_no,
               HPDF_STATUS detail_no,
               void       *user_data)
{
  fprintf (stderr, "libharu error 0x%04X, detail %u\n", (unsigned) error_no, (unsigned) detail_no);
  exit (1);
}

static void
row_cells (long  i,
           char  cells[6][48])
{
  snprintf (cells[0], 48, "%04ld-%02ld-%02ld", 2008 + i / 1200, 1 + (i / 100) % 12, 1 + i % 28);
  snprintf (cells[1], 48, i % 2 ? "Payment: Check, CHK-%ld" : "Child support", 1000 + i);
  snprintf (cells[2], 48, "$%ld.00", 100 + i % 900);
  snprintf (cells[3], 48, "$%ld.%02ld", 50 + i % 700, i % 100);
  snprintf (cells[4], 48, "$%ld,%03ld.00", 1 + i / 1000, i % 1000);
  snprintf (cells[5], 48, "$%ld.%02ld", i % 5000, (i * 7) % 100);
}

static int
write_stream (HPDF_Doc    pdf,
              const char *path)
{
  HPDF_UINT32 size = HPDF_GetStreamSize (pdf);
  HPDF_BYTE *data = malloc (size ? size : 1);
  FILE *out = fopen (path, "wb");
  int ok;

  HPDF_ResetStream (pdf);
  HPDF_ReadFromStream (pdf, data, &size);
  ok = out != NULL && fwrite (data, 1, size, out) == size && fclose (out) == 0;
  free (data);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  static const double x[6] = { 58, 120, 300, 370, 440, 510 };
  HPDF_Doc pdf;
  HPDF_Font font;
  HPDF_Page page = NULL;
  FILE *csv = NULL;
  double y = 0;
  long rows;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s ROWS OUT.pdf [OUT.csv]\n", argv[0]);
      return 2;
    }
  rows = strtol (argv[1], NULL, 10);
  if (argc > 3 && (csv = fopen (argv[3], "w")) == NULL)
    return 1;

  pdf = HPDF_New (error_handler, NULL);
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  font = HPDF_GetFont (pdf, HPDF_LoadTTFontFromFile (pdf, FONT, HPDF_TRUE), "UTF-8");

  for (long i = 0; i < rows; i++)
    {
      char cells[6][48];

      if (page == NULL || y < 60)
        {
          page = HPDF_AddPage (pdf);
          HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT);
          y = 792 - 72;
        }
      row_cells (i, cells);
      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, font, SIZE);
      for (int c = 0; c < 6; c++)
        HPDF_Page_TextOut (page, x[c], y, cells[c]);
      HPDF_Page_EndText (page);
      y -= LINE;
      if (csv != NULL)
        fprintf (csv, "%s,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"\n",
                 cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
    }

  /* Through the memory stream and one write, as the packet does:
   * HPDF_SaveToFile makes many small writes and would flatter the packet. */
  if (HPDF_SaveToStream (pdf) != HPDF_OK || !write_stream (pdf, argv[2]))
    return 1;
  HPDF_Free (pdf);
  if (csv != NULL)
    fclose (csv);
  return 0;
}

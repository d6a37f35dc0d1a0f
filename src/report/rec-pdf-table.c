/* rec-pdf-table.c — tables that break across pages, and line charts
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-pdf-private.h"

#include <math.h>
#include <string.h>

#define ZEBRA_GRAY   0.95
#define HEADER_GRAY  0.86
/* A table's last rows that stay together on a page. */
#define KEEP_ROWS    3

struct _RecPdfTable
{
  /* Borrowed */
  RecPdf        *pdf;

  /* Owned */
  RecPdfColumn  *columns;
  double        *widths;
  double        *word_needs;       /* per column, rec_pdf_table_fit_words */
  GPtrArray    **header_lines;     /* per column, NULL when no header */
  GPtrArray    **row_lines;        /* per column, reused by every row */
  GArray       **row_widths;       /* per column, the lines' widths */
  GStringChunk  *row_chunk;        /* the rows' wrapped lines */

  guint          n_columns;
  double         size;
  double         line_height;
  double         width;
  guint          header_n_lines;
  gboolean       boxed;
  guint          n_rows;
  HPDF_Page      header_page;      /* the page whose header row is drawn */
  HPDF_Page      frame_page;       /* boxed: where the current frame part starts */
  double         frame_top;

  /* The last rows given, not drawn yet: the end of a table never stands
   * alone at the top of a page, a row or two (rec_pdf_table_end). */
  GStrv          pending[KEEP_ROWS];
  RecPdfRowFlags pending_flags[KEEP_ROWS];
  guint          n_pending;
};

/* The width a column needs: its title's widest word (bold) and its
 * min_text, with the cell's padding. */
static double
title_need (RecPdfTable *table,
            guint        column)
{
  g_auto(GStrv) words = NULL;
  double need = 0.0;

  if (table->columns[column].min_text != NULL)
    need = rec_pdf_text_width (table->pdf, FALSE, table->size, table->columns[column].min_text);
  need = MAX (need, table->word_needs[column]);
  if (table->columns[column].title == NULL)
    return need > 0 ? need + 2 * CELL_PAD_X + 0.5 : 0.0;

  words = g_strsplit (table->columns[column].title, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    need = MAX (need, rec_pdf_text_width (table->pdf, TRUE, table->size, words[i]));

  return need + 2 * CELL_PAD_X + 0.5;
}

/* Shares the width by weight, then widens any column too narrow for a word
 * of its title (translations are longer than English) or of its cells
 * (rec_pdf_table_fit_words) at the expense of the widest column, so that
 * words are not cut inside. */
static void
compute_widths (RecPdfTable *table)
{
  double total = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    total += table->columns[i].weight > 0 ? table->columns[i].weight : 1.0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double weight = table->columns[i].weight > 0 ? table->columns[i].weight : 1.0;

      table->widths[i] = table->width * weight / total;
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      double need = title_need (table, i);
      guint widest = 0;

      for (guint j = 1; j < table->n_columns; j++)
        if (table->widths[j] > table->widths[widest])
          widest = j;
      if (need <= table->widths[i] || widest == i
          || table->widths[widest] - (need - table->widths[i]) < title_need (table, widest))
        continue;
      table->widths[widest] -= need - table->widths[i];
      table->widths[i] = need;
    }
}

static void
break_header (RecPdfTable *table)
{
  table->header_n_lines = 0;
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_clear_pointer (&table->header_lines[i], g_ptr_array_unref);
      if (table->columns[i].title == NULL)
        continue;
      table->header_lines[i] = rec_pdf_break_lines (table->pdf, TRUE, table->size,
                                                    table->columns[i].title,
                                                    table->widths[i] - 2 * CELL_PAD_X);
      table->header_n_lines = MAX (table->header_n_lines, table->header_lines[i]->len);
    }
}

RecPdfTable *
rec_pdf_table_new (RecPdf             *pdf,
                   const RecPdfColumn *columns,
                   guint               n_columns,
                   double              size)
{
  RecPdfTable *table = g_new0 (RecPdfTable, 1);

  table->pdf = pdf;
  table->n_columns = n_columns;
  table->columns = g_memdup2 (columns, sizeof (RecPdfColumn) * n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i].title = g_strdup (columns[i].title);
      table->columns[i].min_text = g_strdup (columns[i].min_text);
    }
  table->widths = g_new0 (double, n_columns);
  table->word_needs = g_new0 (double, n_columns);
  table->header_lines = g_new0 (GPtrArray *, n_columns);
  table->row_lines = g_new0 (GPtrArray *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->row_lines[i] = g_ptr_array_new ();
  table->row_chunk = g_string_chunk_new (4096);
  table->row_widths = g_new0 (GArray *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->row_widths[i] = g_array_new (FALSE, FALSE, sizeof (double));
  table->size = MAX (size, 1.0);
  table->line_height = table->size * LINE_FACTOR;
  table->width = rec_pdf_get_width (pdf);
  compute_widths (table);
  break_header (table);

  return table;
}

void
rec_pdf_table_set_boxed (RecPdfTable *table,
                         gboolean     boxed)
{
  table->boxed = boxed;
}

void
rec_pdf_table_set_width (RecPdfTable *table,
                         double       width)
{
  table->width = MIN (width, rec_pdf_get_width (table->pdf));
  compute_widths (table);
  break_header (table);
}

static double
block_height (RecPdfTable *table,
              guint        n_lines)
{
  return n_lines * table->line_height + 2 * CELL_PAD_Y;
}

static double
header_height (RecPdfTable *table)
{
  return table->header_n_lines > 0 ? block_height (table, table->header_n_lines) : 0.0;
}

static void
fill_band (RecPdfTable *table,
           double       top,
           double       height,
           double       gray)
{
  RecPdf *pdf = table->pdf;

  HPDF_Page_SetGrayFill (pdf->page, gray);
  HPDF_Page_Rectangle (pdf->page, pdf->left, top - height, table->width, height);
  HPDF_Page_Fill (pdf->page);
  HPDF_Page_SetGrayFill (pdf->page, 0.0);
}

static void
stroke_line (RecPdf *pdf,
             double  x1,
             double  y1,
             double  x2,
             double  y2,
             double  width)
{
  HPDF_Page_SetLineWidth (pdf->page, width);
  HPDF_Page_MoveTo (pdf->page, x1, y1);
  HPDF_Page_LineTo (pdf->page, x2, y2);
  HPDF_Page_Stroke (pdf->page);
}

/* Draws lines [from, from + count) of each cell, top at pdf->y. */
static void
draw_cells (RecPdfTable  *table,
            GPtrArray   **cells,
            GArray      **widths,          /* NULL: measure */
            guint         from,
            guint         count,
            gboolean      bold)
{
  RecPdf *pdf = table->pdf;
  HPDF_Font font = _rec_pdf_font (pdf, bold);
  double x = pdf->left;

  HPDF_Page_BeginText (pdf->page);
  HPDF_Page_SetFontAndSize (pdf->page, font, table->size);
  for (guint c = 0; c < table->n_columns; c++)
    {
      GPtrArray *lines = cells[c];

      for (guint k = from; lines != NULL && k < lines->len && k < from + count; k++)
        {
          const char *text = g_ptr_array_index (lines, k);
          double baseline = pdf->y - CELL_PAD_Y - (k - from) * table->line_height
                            - table->size * 0.92;
          double text_x = x + CELL_PAD_X;
          double inner = table->widths[c] - 2 * CELL_PAD_X;

          if (*text == '\0')
            continue;
          if (table->columns[c].align != REC_PDF_ALIGN_LEFT)
            {
              double w = widths != NULL ? g_array_index (widths[c], double, k) : -1.0;

              if (w < 0)
                w = _rec_pdf_font_width (pdf, font, table->size, text);

              text_x += table->columns[c].align == REC_PDF_ALIGN_RIGHT ? inner - w : (inner - w) / 2;
            }
          _rec_pdf_show (pdf, font, table->size, text_x, baseline, text);
        }
      x += table->widths[c];
    }
  HPDF_Page_EndText (pdf->page);
}

static void
draw_header (RecPdfTable *table)
{
  RecPdf *pdf = table->pdf;
  double height = header_height (table);

  fill_band (table, pdf->y, height, HEADER_GRAY);
  draw_cells (table, table->header_lines, NULL, 0, table->header_n_lines, TRUE);
  pdf->y -= height;
  table->header_page = pdf->page;
}

static void
close_frame (RecPdfTable *table)
{
  RecPdf *pdf = table->pdf;

  if (!table->boxed || table->frame_page == NULL || table->frame_page != pdf->page)
    return;

  HPDF_Page_SetLineWidth (pdf->page, 1.0);
  HPDF_Page_Rectangle (pdf->page, pdf->left, pdf->y, table->width, table->frame_top - pdf->y);
  HPDF_Page_Stroke (pdf->page);
  table->frame_page = NULL;
}

static void
open_frame (RecPdfTable *table)
{
  if (table->boxed && table->frame_page != table->pdf->page)
    {
      table->frame_page = table->pdf->page;
      table->frame_top = table->pdf->y;
    }
}

/* How many of `remaining` lines go on the current page (0: start a new page
 * first). A row that fits on an empty page is never split. */
static guint
lines_fitting (RecPdfTable *table,
               guint        remaining)
{
  RecPdf *pdf = table->pdf;
  double header = table->header_page == pdf->page ? 0.0 : header_height (table);
  double room = pdf->y - pdf->bottom - header - 2 * CELL_PAD_Y;
  double page_room = pdf->top - pdf->bottom - header_height (table) - 2 * CELL_PAD_Y;
  guint here = room > 0 ? (guint) MIN (floor (room / table->line_height + 1e-6), G_MAXUINT) : 0;
  guint page = (guint) CLAMP (floor (page_room / table->line_height + 1e-6), 1.0, G_MAXUINT);

  if (remaining <= here)
    return remaining;
  if (remaining <= page || here < 3 || pdf->y >= pdf->top)
    return pdf->y >= pdf->top ? MIN (remaining, MAX (here, 1)) : 0;

  return here;
}

static void
draw_row_part (RecPdfTable    *table,
               GPtrArray     **cells,
               guint           from,
               guint           count,
               RecPdfRowFlags  flags)
{
  RecPdf *pdf = table->pdf;
  double height = block_height (table, count);

  if (table->header_n_lines > 0 && table->header_page != pdf->page)
    draw_header (table);
  open_frame (table);

  if (table->n_rows % 2 == 1)
    fill_band (table, pdf->y, height, ZEBRA_GRAY);
  if (flags & REC_PDF_ROW_BOLD)
    stroke_line (pdf, pdf->left, pdf->y, pdf->left + table->width, pdf->y, 0.8);
  draw_cells (table, cells, table->row_widths, from, count, (flags & REC_PDF_ROW_BOLD) != 0);
  pdf->y -= height;
}

void
rec_pdf_table_fit_words (RecPdfTable        *table,
                         const char * const *cells,
                         guint               n_rows)
{
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        const char *text = cells[r * table->n_columns + c];
        g_auto(GStrv) words = NULL;

        if (text == NULL || *text == '\0')
          continue;
        words = g_strsplit_set (text, " \n\t", -1);
        for (guint i = 0; words[i] != NULL; i++)
          if (*words[i] != '\0')
            table->word_needs[c] = MAX (table->word_needs[c],
                                        rec_pdf_text_width (table->pdf, FALSE, table->size, words[i]));
      }

  compute_widths (table);
  break_header (table);
}

double
rec_pdf_table_row_height (RecPdfTable        *table,
                          const char * const *cells,
                          RecPdfRowFlags      flags)
{
  guint n_lines = 1;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(GPtrArray) lines = rec_pdf_break_lines (table->pdf, (flags & REC_PDF_ROW_BOLD) != 0,
                                                        table->size, cells[c],
                                                        table->widths[c] - 2 * CELL_PAD_X);

      n_lines = MAX (n_lines, lines->len);
    }

  return block_height (table, n_lines);
}

static void
draw_row (RecPdfTable        *table,
          const char * const *cells,
          RecPdfRowFlags      flags)
{
  RecPdf *pdf = table->pdf;
  GPtrArray **lines = table->row_lines;
  guint n_lines = 1;

  if (rec_pdf_has_failed (pdf))
    return;

  /* No line of an earlier row is used any more. */
  if (table->n_rows % 256 == 0)
    g_string_chunk_clear (table->row_chunk);

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_ptr_array_set_size (lines[c], 0);
      g_array_set_size (table->row_widths[c], 0);
      _rec_pdf_break_into (pdf, (flags & REC_PDF_ROW_BOLD) != 0, table->size, cells[c],
                           table->widths[c] - 2 * CELL_PAD_X, lines[c], table->row_widths[c],
                           table->row_chunk);
      n_lines = MAX (n_lines, lines[c]->len);
    }

  if (pdf->page == NULL)
    rec_pdf_new_page (pdf);
  /* Each turn draws lines or starts a page (where at least one line fits):
   * it ends, and at once when the document fails. */
  for (guint done = 0; done < n_lines && !rec_pdf_has_failed (pdf);)
    {
      guint count = lines_fitting (table, n_lines - done);

      if (count == 0)
        {
          close_frame (table);
          rec_pdf_new_page (pdf);
          continue;
        }
      draw_row_part (table, lines, done, count, flags);
      done += count;
    }
  table->n_rows++;
}

static void
draw_pending (RecPdfTable *table)
{
  g_auto(GStrv) cells = table->pending[0];
  RecPdfRowFlags flags = table->pending_flags[0];

  for (guint i = 1; i < table->n_pending; i++)
    {
      table->pending[i - 1] = table->pending[i];
      table->pending_flags[i - 1] = table->pending_flags[i];
    }
  table->n_pending--;
  table->pending[table->n_pending] = NULL;
  draw_row (table, (const char * const *) cells, flags);
}

void
rec_pdf_table_row (RecPdfTable        *table,
                   const char * const *cells,
                   RecPdfRowFlags      flags)
{
  GStrv copy;

  if (rec_pdf_has_failed (table->pdf))
    return;

  if (table->n_pending == G_N_ELEMENTS (table->pending))
    draw_pending (table);
  copy = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    copy[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  table->pending[table->n_pending] = copy;
  table->pending_flags[table->n_pending] = flags;
  table->n_pending++;
}

/* A table's last rows together on a page: when this page has no room for
 * them all but an empty page has, they start the next page (a table of more
 * rows than that; a shorter one is kept with its heading by the caller). */
static void
keep_last_rows (RecPdfTable *table)
{
  RecPdf *pdf = table->pdf;
  double header;
  double height = 0.0;

  if (table->n_pending < KEEP_ROWS || pdf->page == NULL || pdf->y >= pdf->top || rec_pdf_has_failed (pdf))
    return;

  header = table->header_page == pdf->page ? 0.0 : header_height (table);
  for (guint i = 0; i < table->n_pending; i++)
    height += rec_pdf_table_row_height (table, (const char * const *) table->pending[i],
                                        table->pending_flags[i]);
  if (pdf->y - header - height >= pdf->bottom
      || height + header_height (table) > pdf->top - pdf->bottom)
    return;

  close_frame (table);
  rec_pdf_new_page (pdf);
}

void
rec_pdf_table_end (RecPdfTable *table)
{
  if (table == NULL)
    return;

  keep_last_rows (table);
  while (table->n_pending > 0)
    draw_pending (table);
  close_frame (table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free ((char *) table->columns[i].title);
      g_free ((char *) table->columns[i].min_text);
      g_clear_pointer (&table->header_lines[i], g_ptr_array_unref);
      g_ptr_array_unref (table->row_lines[i]);
      g_array_unref (table->row_widths[i]);
    }
  g_free (table->row_lines);
  g_free (table->row_widths);
  g_string_chunk_free (table->row_chunk);
  g_free (table->columns);
  g_free (table->widths);
  g_free (table->word_needs);
  g_free (table->header_lines);
  g_free (table);
}

/* rec-pdf-chart.c — a line chart drawn with libharu paths
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-pdf-private.h"

#include "rec-arrears.h"

#include <math.h>
#include <string.h>

#define AXIS_SIZE     7.5
#define LEGEND_SIZE   8.0

typedef struct
{
  double        left, right, top, bottom;    /* the plot area */
  RecChartAxis  axis;                        /* the value axis */
} ChartFrame;

static void
value_range (const RecPdfSeries *series,
             guint               n_series,
             guint               n_points,
             ChartFrame         *frame)
{
  RecCents min = 0;
  RecCents max = 0;

  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < n_points; i++)
      {
        min = MIN (min, series[s].values[i]);
        max = MAX (max, series[s].values[i]);
      }

  rec_chart_axis_compute (min, max, REC_CHART_MAX_STEPS, &frame->axis);
}

/* The amount's place on the axis comes from core in integers; only that
 * proportion meets floating point. */
static double
value_y (const ChartFrame *frame,
         RecCents          value)
{
  gint64 millionths = rec_chart_axis_millionths (&frame->axis, value);

  return frame->bottom + (frame->top - frame->bottom) * millionths / 1e6;
}

static RecCents
tick_value (const ChartFrame *frame,
            guint             tick)
{
  return frame->axis.min_cents + (RecCents) tick * frame->axis.step_cents;
}

static double
point_x (const ChartFrame *frame,
         guint             i,
         guint             n_points)
{
  if (n_points < 2)
    return (frame->left + frame->right) / 2.0;

  return frame->left + (frame->right - frame->left) * i / (n_points - 1);
}

static void
draw_value_axis (RecPdf           *pdf,
                 const ChartFrame *frame,
                 RecPdfFormatFunc  format_value,
                 gpointer          user_data)
{
  HPDF_Page page = pdf->page;

  for (guint tick = 0; tick <= frame->axis.n_steps; tick++)
    {
      RecCents v = tick_value (frame, tick);
      double y = value_y (frame, v);
      g_autofree char *label = format_value (v, user_data);

      HPDF_Page_SetGrayStroke (page, v == 0 ? 0.3 : 0.82);
      HPDF_Page_SetLineWidth (page, 0.5);
      HPDF_Page_MoveTo (page, frame->left, y);
      HPDF_Page_LineTo (page, frame->right, y);
      HPDF_Page_Stroke (page);
      _rec_pdf_text_in (pdf, pdf->regular, AXIS_SIZE, pdf->left, frame->left - pdf->left - 4.0,
                        y - AXIS_SIZE * 0.35, REC_PDF_ALIGN_RIGHT, label);
    }
  HPDF_Page_SetGrayStroke (page, 0.0);
}

static void
draw_point_axis (RecPdf             *pdf,
                 const ChartFrame   *frame,
                 const char * const *x_labels,
                 guint               n_points)
{
  double last_right = -1e9;

  for (guint i = 0; i < n_points; i++)
    {
      double x = point_x (frame, i, n_points);
      double w;

      if (x_labels[i] == NULL || *x_labels[i] == '\0')
        continue;
      w = rec_pdf_text_width (pdf, FALSE, AXIS_SIZE, x_labels[i]);
      if (x - w / 2 < last_right + 4.0 || x + w / 2 > pdf->right)
        continue;

      HPDF_Page_SetLineWidth (pdf->page, 0.5);
      HPDF_Page_MoveTo (pdf->page, x, frame->bottom);
      HPDF_Page_LineTo (pdf->page, x, frame->bottom - 3.0);
      HPDF_Page_Stroke (pdf->page);
      _rec_pdf_text_in (pdf, pdf->regular, AXIS_SIZE, x - w / 2, w,
                        frame->bottom - 4.0 - AXIS_SIZE, REC_PDF_ALIGN_LEFT, x_labels[i]);
      last_right = x + w / 2;
    }
}

static void
draw_series (RecPdf             *pdf,
             const ChartFrame   *frame,
             const RecPdfSeries *series,
             guint               n_points)
{
  HPDF_Page page = pdf->page;

  HPDF_Page_SetRGBStroke (page, series->red, series->green, series->blue);
  HPDF_Page_SetLineWidth (page, 1.6);
  HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
  for (guint i = 0; i < n_points; i++)
    {
      double x = point_x (frame, i, n_points);
      double y = value_y (frame, series->values[i]);

      if (i == 0)
        HPDF_Page_MoveTo (page, x, y);
      else
        HPDF_Page_LineTo (page, x, y);
    }
  if (n_points == 1)
    HPDF_Page_LineTo (page, point_x (frame, 0, 1) + 0.5, value_y (frame, series->values[0]));
  HPDF_Page_Stroke (page);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
}

static void
draw_legend (RecPdf             *pdf,
             const RecPdfSeries *series,
             guint               n_series,
             double              baseline)
{
  double x = pdf->left;

  for (guint s = 0; s < n_series; s++)
    {
      HPDF_Page_SetRGBFill (pdf->page, series[s].red, series[s].green, series[s].blue);
      HPDF_Page_Rectangle (pdf->page, x, baseline, 14.0, 3.0);
      HPDF_Page_Fill (pdf->page);
      HPDF_Page_SetRGBFill (pdf->page, 0, 0, 0);
      _rec_pdf_text_at (pdf, pdf->regular, LEGEND_SIZE, x + 18.0, baseline - 1.0, series[s].name);
      x += 18.0 + rec_pdf_text_width (pdf, FALSE, LEGEND_SIZE, series[s].name) + 16.0;
    }
}

void
rec_pdf_line_chart (RecPdf             *pdf,
                    const RecPdfSeries *series,
                    guint               n_series,
                    const char * const *x_labels,
                    guint               n_points,
                    double              height,
                    RecPdfFormatFunc    format_value,
                    gpointer            user_data)
{
  ChartFrame frame = { 0 };
  double label_width = 0.0;

  rec_pdf_ensure_space (pdf, height);
  if (rec_pdf_has_failed (pdf) || pdf->page == NULL)
    return;
  value_range (series, n_series, n_points, &frame);
  for (guint tick = 0; tick <= frame.axis.n_steps; tick++)
    {
      g_autofree char *label = format_value (tick_value (&frame, tick), user_data);

      label_width = MAX (label_width, rec_pdf_text_width (pdf, FALSE, AXIS_SIZE, label));
    }

  frame.left = pdf->left + label_width + 8.0;
  frame.right = pdf->right - 4.0;
  frame.top = pdf->y - LEGEND_SIZE * 2.5;
  frame.bottom = pdf->y - height + AXIS_SIZE * 2.5;

  draw_legend (pdf, series, n_series, pdf->y - LEGEND_SIZE);
  draw_value_axis (pdf, &frame, format_value, user_data);
  draw_point_axis (pdf, &frame, x_labels, n_points);
  for (guint s = 0; s < n_series; s++)
    draw_series (pdf, &frame, &series[s], n_points);

  pdf->y -= height;
}

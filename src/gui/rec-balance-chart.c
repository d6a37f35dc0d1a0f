/* rec-balance-chart.c — the balance owed over time, principal and interest stacked
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws result->balance_points (one per month) as two stacked areas: unpaid
 * principal at the bottom, unpaid interest on top, so the upper edge is the
 * total owed. Amounts stay integer cents until the one place where a cents
 * value becomes a pixel position (axis_y).
 */
#define G_LOG_DOMAIN "rec-balance-chart"

#include "config.h"

#include "rec-balance-chart.h"

#include "rec-money.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

struct _RecBalanceChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GArray    *points;              /* RecBalancePoint, oldest first */
  char      *currency;
};

G_DEFINE_FINAL_TYPE (RecBalanceChart, rec_balance_chart, GTK_TYPE_WIDGET)

#define PAD 8.0                   /* px around and between the parts */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA grid;
  GdkRGBA principal;
  GdkRGBA interest;
} Colors;

/* Where things go, and the money range shown. */
typedef struct
{
  double    left, top, right, bottom;
  RecChartAxis axis;               /* the money range shown */
  guint     n;                    /* points drawn (a lone point is drawn twice) */
} Geometry;

/* The axis of rec_chart_axis_compute(), as the packet's chart. */
static void
compute_range (RecBalanceChart *self,
               Geometry        *geometry)
{
  RecCents lo, hi;

  rec_balance_points_range (self->points, &lo, &hi);
  rec_chart_axis_compute (lo, hi, REC_CHART_MAX_STEPS, &geometry->axis);
}

/* "$1,500.00" → "$1,500": ticks are whole units, and the cents are noise. */
static char *
format_tick (RecCents    cents,
             const char *currency)
{
  struct lconv *lc = localeconv ();
  const char *point = lc->mon_decimal_point && *lc->mon_decimal_point
                      ? lc->mon_decimal_point
                      : (lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".");
  g_autofree char *zeros = g_strconcat (point, "00", NULL);
  char *text = rec_cents_format (cents, currency);
  char *found = g_strrstr (text, zeros);

  if (cents % 100 == 0 && found != NULL)
    memmove (found, found + strlen (zeros), strlen (found + strlen (zeros)) + 1);

  return text;
}

/* The only place a sum of money becomes a pixel: its place on the axis comes
 * from core in integers (millionths), and only that proportion meets floating
 * point — as in the packet's chart. */
static double
axis_y (const Geometry *geometry,
        RecCents        value)
{
  gint64 millionths = rec_chart_axis_millionths (&geometry->axis, value);

  return geometry->bottom - (geometry->bottom - geometry->top) * millionths / 1e6;
}

static double
index_to_x (const Geometry *geometry,
            guint           k)
{
  return geometry->left + (geometry->right - geometry->left) * k / (geometry->n - 1);
}

static const RecBalancePoint *
point_at (RecBalanceChart *self,
          guint            k)
{
  return &g_array_index (self->points, RecBalancePoint, MIN (k, self->points->len - 1));
}

static void
lookup_colors (GtkWidget *widget,
               Colors    *colors)
{
  GtkStyleContext *context;

  /* GTK 4.8 has no gtk_widget_get_color (4.10); the style context is the way
   * to the theme's colors there, and it follows dark mode. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->principal))
    gdk_rgba_parse (&colors->principal, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "warning_bg_color", &colors->interest))
    gdk_rgba_parse (&colors->interest, "#e5a50a");
  G_GNUC_END_IGNORE_DEPRECATIONS

  colors->grid = colors->fg;
  colors->grid.alpha *= 0.15f;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Plot area: room on the left for the widest money label, on top for the
 * legend, at the bottom for the years. */
static void
compute_geometry (RecBalanceChart *self,
                  PangoLayout     *layout,
                  Geometry        *geometry)
{
  int widest = 0;
  int height = line_height (layout);

  compute_range (self, geometry);
  for (RecCents tick = geometry->axis.min_cents; tick <= geometry->axis.max_cents;
       tick += geometry->axis.step_cents)
    {
      g_autofree char *label = format_tick (tick, self->currency);

      widest = MAX (widest, text_width (layout, label));
    }

  geometry->left = PAD + widest + PAD;
  geometry->right = gtk_widget_get_width (GTK_WIDGET (self)) - PAD * 2;
  geometry->top = PAD + height + PAD + height / 2.0;
  geometry->bottom = gtk_widget_get_height (GTK_WIDGET (self)) - PAD - height - PAD / 2;
  geometry->n = MAX (self->points->len, 2);
}

static void
draw_money_axis (RecBalanceChart *self,
                 cairo_t         *cr,
                 PangoLayout     *layout,
                 const Geometry  *geometry,
                 const Colors    *colors)
{
  int height = line_height (layout);

  cairo_set_line_width (cr, 1.0);
  for (RecCents tick = geometry->axis.min_cents; tick <= geometry->axis.max_cents;
       tick += geometry->axis.step_cents)
    {
      g_autofree char *label = format_tick (tick, self->currency);
      double y = round (axis_y (geometry, tick)) + 0.5;

      set_source (cr, &colors->grid, tick == 0 ? 3.0 : 1.0);
      cairo_move_to (cr, geometry->left, y);
      cairo_line_to (cr, geometry->right, y);
      cairo_stroke (cr);

      set_source (cr, &colors->fg, 0.7);
      show_text (cr, layout, label, geometry->left - PAD - text_width (layout, label),
                 y - height / 2.0);
    }
}

static void
draw_year_label (cairo_t        *cr,
                 PangoLayout    *layout,
                 const Geometry *geometry,
                 const Colors   *colors,
                 double          x,
                 double          label_x,
                 const char     *label)
{
  set_source (cr, &colors->grid, 1.0);
  cairo_move_to (cr, round (x) + 0.5, geometry->top);
  cairo_line_to (cr, round (x) + 0.5, geometry->bottom + PAD / 2);
  cairo_stroke (cr);

  set_source (cr, &colors->fg, 0.7);
  show_text (cr, layout, label, label_x, geometry->bottom + PAD / 2);
}

/* A year label centered under each January, skipping any that would run into
 * the one before; the first month's year, left-aligned, only when the case
 * does not start in January and there is room before the first January. */
static void
draw_years (RecBalanceChart *self,
            cairo_t         *cr,
            PangoLayout     *layout,
            const Geometry  *geometry,
            const Colors    *colors)
{
  double free_from = -G_MAXDOUBLE;
  double first_x = index_to_x (geometry, 0);
  char label[16];

  for (guint i = 0; i < self->points->len; i++)
    {
      const RecBalancePoint *point = point_at (self, i);
      double x = index_to_x (geometry, i);
      int width;

      if (point->month != 1)
        continue;

      g_snprintf (label, sizeof label, "%d", point->year);
      width = text_width (layout, label);
      if (x - width / 2.0 < free_from || x + width / 2.0 > geometry->right + PAD * 2)
        continue;

      if (free_from == -G_MAXDOUBLE)
        first_x = x - width / 2.0;
      draw_year_label (cr, layout, geometry, colors, x, MAX (x - width / 2.0, 0), label);
      free_from = x + width / 2.0 + PAD * 2;
    }

  if (point_at (self, 0)->month == 1)
    return;

  g_snprintf (label, sizeof label, "%d", point_at (self, 0)->year);
  if (free_from == -G_MAXDOUBLE ||
      index_to_x (geometry, 0) + text_width (layout, label) + PAD * 2 <= first_x)
    draw_year_label (cr, layout, geometry, colors, index_to_x (geometry, 0),
                     index_to_x (geometry, 0), label);
}

/* One band of the stack: from `base` (principal or zero) up to `top`. */
static void
trace_band (RecBalanceChart *self,
            cairo_t         *cr,
            const Geometry  *geometry,
            gboolean         interest)
{
  for (guint k = 0; k < geometry->n; k++)
    {
      const RecBalancePoint *point = point_at (self, k);
      RecCents top = interest ? rec_balance_point_total (point) : point->principal_balance_cents;

      cairo_line_to (cr, index_to_x (geometry, k), axis_y (geometry, top));
    }

  for (guint k = geometry->n; k-- > 0;)
    {
      const RecBalancePoint *point = point_at (self, k);
      RecCents base = interest ? point->principal_balance_cents : 0;

      cairo_line_to (cr, index_to_x (geometry, k), axis_y (geometry, base));
    }

  cairo_close_path (cr);
}

static void
draw_areas (RecBalanceChart *self,
            cairo_t         *cr,
            const Geometry  *geometry,
            const Colors    *colors)
{
  trace_band (self, cr, geometry, FALSE);
  set_source (cr, &colors->principal, 0.45);
  cairo_fill (cr);

  trace_band (self, cr, geometry, TRUE);
  set_source (cr, &colors->interest, 0.55);
  cairo_fill (cr);

  /* The total owed, the line that matters, on top. */
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < geometry->n; k++)
    cairo_line_to (cr, index_to_x (geometry, k),
                   axis_y (geometry, rec_balance_point_total (point_at (self, k))));
  set_source (cr, &colors->principal, 1.0);
  cairo_stroke (cr);
}

static double
draw_legend_entry (cairo_t       *cr,
                   PangoLayout   *layout,
                   const char    *label,
                   const GdkRGBA *color,
                   const Colors  *colors,
                   double         x)
{
  int height = line_height (layout);

  set_source (cr, color, 0.8);
  cairo_rectangle (cr, x, PAD + (height - 10) / 2.0, 10, 10);
  cairo_fill (cr);
  set_source (cr, &colors->fg, 0.8);
  show_text (cr, layout, label, x + 10 + PAD / 2, PAD);
  return x + 10 + PAD / 2 + text_width (layout, label) + PAD * 2;
}

static void
draw_legend (cairo_t        *cr,
             PangoLayout    *layout,
             const Geometry *geometry,
             const Colors   *colors)
{
  double x = geometry->left;

  x = draw_legend_entry (cr, layout, _("Principal"), &colors->principal, colors, x);
  draw_legend_entry (cr, layout, _("Interest"), &colors->interest, colors, x);
}

static void
draw_empty (GtkWidget   *widget,
            cairo_t     *cr,
            PangoLayout *layout,
            const Colors *colors)
{
  int width, height;

  pango_layout_set_text (layout, _("No support due yet"), -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_source (cr, &colors->fg, 0.55);
  cairo_move_to (cr, (gtk_widget_get_width (widget) - width) / 2.0,
                 (gtk_widget_get_height (widget) - height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* "March 2025" for a balance point. */
static char *
format_month (const RecBalancePoint *point)
{
  g_autoptr(GDateTime) month = g_date_time_new_utc (point->year, point->month, 1, 0, 0, 0);

  return g_date_time_format (month, "%B %Y");
}

static void
update_accessible (RecBalanceChart *self)
{
  const RecBalancePoint *last;
  g_autofree char *month_text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *description = NULL;

  if (self->points->len == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("No support due yet"), -1);
      return;
    }

  last = point_at (self, self->points->len - 1);
  month_text = format_month (last);
  total = rec_cents_format (rec_balance_point_total (last), self->currency);
  /* Translators: %1$s is a month and year ("March 2025"), %2$s an amount */
  description = g_strdup_printf (_("Owed at the end of %1$s: %2$s"), month_text, total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* Hovering the chart tells the figures of the month under the pointer. */
static gboolean
rec_balance_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  RecBalanceChart *self = REC_BALANCE_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  const RecBalancePoint *point;
  g_autofree char *month = NULL;
  g_autofree char *total = NULL;
  g_autofree char *principal = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *text = NULL;
  Geometry geometry;
  double fraction;

  if (self->points->len == 0 || keyboard_mode)
    return FALSE;

  compute_geometry (self, layout, &geometry);
  if (x < geometry.left - PAD || x > geometry.right + PAD || geometry.right <= geometry.left)
    return FALSE;

  fraction = CLAMP ((x - geometry.left) / (geometry.right - geometry.left), 0.0, 1.0);
  point = point_at (self, (guint) round (fraction * (self->points->len - 1)));
  month = format_month (point);
  total = rec_cents_format (rec_balance_point_total (point), self->currency);
  principal = rec_cents_format (point->principal_balance_cents, self->currency);
  interest = rec_cents_format (point->interest_balance_cents, self->currency);
  /* Translators: %1$s is a month and year, %2$s the total owed at its end,
   * %3$s the unpaid support and %4$s the unpaid interest in it */
  text = g_strdup_printf (_("%1$s: %2$s owed (%3$s support, %4$s interest)"),
                          month, total, principal, interest);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
rec_balance_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RecBalanceChart *self = REC_BALANCE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  cairo_t *cr;
  Geometry geometry;
  Colors colors;

  if (width <= 0 || height <= 0)
    return;

  lookup_colors (widget, &colors);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->points->len == 0)
    draw_empty (widget, cr, layout, &colors);
  else
    {
      compute_geometry (self, layout, &geometry);
      if (geometry.right > geometry.left && geometry.bottom > geometry.top)
        {
          draw_money_axis (self, cr, layout, &geometry, &colors);
          draw_years (self, cr, layout, &geometry, &colors);
          draw_areas (self, cr, &geometry, &colors);
          draw_legend (cr, layout, &geometry, &colors);
        }
    }

  cairo_destroy (cr);
}

static void
rec_balance_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 240;
}

/* Theme and dark-mode changes change the colors read in snapshot(). */
static void
rec_balance_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rec_balance_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
rec_balance_chart_finalize (GObject *object)
{
  RecBalanceChart *self = REC_BALANCE_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->currency);

  G_OBJECT_CLASS (rec_balance_chart_parent_class)->finalize (object);
}

static void
rec_balance_chart_class_init (RecBalanceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rec_balance_chart_finalize;
  widget_class->snapshot = rec_balance_chart_snapshot;
  widget_class->measure = rec_balance_chart_measure;
  widget_class->css_changed = rec_balance_chart_css_changed;
  widget_class->query_tooltip = rec_balance_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "balancechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rec_balance_chart_init (RecBalanceChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (RecBalancePoint));
  self->currency = g_strdup ("USD");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Balance owed over time"), -1);
  update_accessible (self);
}

GtkWidget *
rec_balance_chart_new (void)
{
  return g_object_new (REC_TYPE_BALANCE_CHART, NULL);
}

void
rec_balance_chart_set_result (RecBalanceChart        *self,
                              const RecArrearsResult *result)
{
  g_return_if_fail (REC_IS_BALANCE_CHART (self));

  g_array_set_size (self->points, 0);
  if (result != NULL && result->balance_points != NULL)
    g_array_append_vals (self->points, result->balance_points->data, result->balance_points->len);

  g_free (self->currency);
  self->currency = g_strdup (result != NULL && result->currency != NULL ? result->currency : "USD");

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
rec_balance_chart_get_n_points (RecBalanceChart *self)
{
  g_return_val_if_fail (REC_IS_BALANCE_CHART (self), 0);

  return self->points->len;
}

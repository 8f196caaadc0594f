/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ikou-calendar.h"
#include "ikou-cost-chart.h"

/* Bars take this share of their fiscal year's width: one bar, or two
 * side by side with a gap in compare mode. */
#define SINGLE_BAR_SHARE 0.56
#define PAIR_BAR_SHARE   0.36
#define PAIR_GAP_SHARE   0.06
#define PAD              4.0

struct _IkouCostChart
{
  GObject          parent_instance;

  IkouBudget      *budgets[2];     /* [1]: the compared plan, or NULL */
  char            *names[2];
  IkouRenderStyle  style;

  IkouDay          origin;
  double           origin_x;
  double           px_per_day;

  double           x, y, width, height;
  double           plot_left;
};

G_DEFINE_FINAL_TYPE (IkouCostChart, ikou_cost_chart, G_TYPE_OBJECT)

/* Colours of the two parts of a bar, apart from the roadmap's: blue
 * running costs under orange one-time costs, told apart in grey too. */
static const IkouColor running_color = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
static const IkouColor one_time_color = { 0xf6 / 255.0, 0x93 / 255.0, 0x2f / 255.0, 1 };
/* The compared plan's bars are paler. */
#define COMPARE_ALPHA 0.42

static void
ikou_cost_chart_finalize (GObject *object)
{
  IkouCostChart *self = IKOU_COST_CHART (object);

  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->budgets[i], ikou_budget_free);
      g_clear_pointer (&self->names[i], g_free);
    }
  ikou_render_style_clear (&self->style);

  G_OBJECT_CLASS (ikou_cost_chart_parent_class)->finalize (object);
}

static void
ikou_cost_chart_class_init (IkouCostChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_cost_chart_finalize;
}

static void
ikou_cost_chart_init (IkouCostChart *self)
{
  ikou_render_style_init_default (&self->style);
  self->origin = ikou_fiscal_year_start (2020);
  self->px_per_day = 1;
}

IkouCostChart *
ikou_cost_chart_new (void)
{
  return g_object_new (IKOU_TYPE_COST_CHART, NULL);
}

void
ikou_cost_chart_set_budgets (IkouCostChart *self,
                             IkouBudget    *budget,
                             IkouBudget    *compare)
{
  g_return_if_fail (IKOU_IS_COST_CHART (self));
  g_return_if_fail (compare == NULL || budget == NULL ||
                    (compare->first_fy == budget->first_fy &&
                     compare->last_fy == budget->last_fy));

  g_clear_pointer (&self->budgets[0], ikou_budget_free);
  g_clear_pointer (&self->budgets[1], ikou_budget_free);
  self->budgets[0] = budget;
  self->budgets[1] = budget != NULL ? compare : NULL;
  if (budget == NULL && compare != NULL)
    ikou_budget_free (compare);
}

const IkouBudget *
ikou_cost_chart_get_budget (IkouCostChart *self,
                            guint          plan)
{
  g_return_val_if_fail (IKOU_IS_COST_CHART (self), NULL);

  return plan < 2 ? self->budgets[plan] : NULL;
}

void
ikou_cost_chart_set_names (IkouCostChart *self,
                           const char    *name,
                           const char    *compare_name)
{
  g_return_if_fail (IKOU_IS_COST_CHART (self));

  g_free (self->names[0]);
  g_free (self->names[1]);
  self->names[0] = g_strdup (name);
  self->names[1] = g_strdup (compare_name);
}

void
ikou_cost_chart_set_style (IkouCostChart         *self,
                           const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_COST_CHART (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_clear (&self->style);
  ikou_render_style_copy (&self->style, style);
}

void
ikou_cost_chart_set_axis (IkouCostChart *self,
                          IkouDay        origin,
                          double         origin_x,
                          double         px_per_day)
{
  g_return_if_fail (IKOU_IS_COST_CHART (self));
  g_return_if_fail (px_per_day > 0);

  self->origin = origin;
  self->origin_x = origin_x;
  self->px_per_day = px_per_day;
}

void
ikou_cost_chart_set_axis_from_renderer (IkouCostChart *self,
                                        IkouRenderer  *renderer,
                                        double         offset_x)
{
  IkouDay first, last;

  g_return_if_fail (IKOU_IS_COST_CHART (self));
  g_return_if_fail (IKOU_IS_RENDERER (renderer));

  ikou_renderer_get_range (renderer, &first, &last);
  ikou_cost_chart_set_axis (self, first, offset_x + ikou_renderer_x_for_day (renderer, first),
                            ikou_renderer_get_px_per_day (renderer));
}

void
ikou_cost_chart_set_area (IkouCostChart *self,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          double         plot_left)
{
  g_return_if_fail (IKOU_IS_COST_CHART (self));

  self->x = x;
  self->y = y;
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  self->plot_left = CLAMP (plot_left, x, x + self->width);
}

/* Geometry ---------------------------------------------------------------- */

static double
text_line_height (IkouCostChart *self)
{
  return ceil (self->style.font_size * 1.45);
}

static double
plot_top (IkouCostChart *self)
{
  return self->y + text_line_height (self) + PAD;
}

static double
plot_bottom (IkouCostChart *self)
{
  return MAX (plot_top (self), self->y + self->height - text_line_height (self) - PAD);
}

static double
x_for_day (IkouCostChart *self,
           IkouDay        day)
{
  return self->origin_x + (double) (day - self->origin) * self->px_per_day;
}

/* A round step for about four grid lines up to @max: 1, 2, 2.5 or 5
 * times a power of ten. */
static gint64
scale_step (gint64 max)
{
  static const double factors[] = { 1, 2, 2.5, 5, 10 };
  double raw = MAX ((double) max / 4.0, 1.0);
  double magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (factors[i] * magnitude >= raw)
      return MAX ((gint64) (factors[i] * magnitude), 1);
  return MAX ((gint64) (10 * magnitude), 1);
}

static gint64
highest_amount (IkouCostChart *self)
{
  gint64 max = 0;

  for (guint p = 0; p < 2; p++)
    {
      const IkouBudget *budget = self->budgets[p];

      if (budget == NULL)
        continue;
      for (guint i = 0; i < budget->n_years; i++)
        {
          gint64 one_time = budget->years[i].one_time, running = budget->years[i].running;
          gint64 total = one_time > G_MAXINT64 - running ? G_MAXINT64 : one_time + running;

          max = MAX (max, total);
        }
      max = MAX (max, budget->goal);
    }
  return max;
}

gint64
ikou_cost_chart_get_scale_max (IkouCostChart *self)
{
  gint64 max, step;

  g_return_val_if_fail (IKOU_IS_COST_CHART (self), 0);

  max = MAX (highest_amount (self), 1);
  step = scale_step (max);
  if (max / step >= G_MAXINT64 / step - 1)
    return max;
  return (max + step - 1) / step * step;
}

static double
y_for_amount (IkouCostChart *self,
              gint64         amount,
              gint64         scale_max)
{
  double top = plot_top (self), bottom = plot_bottom (self);

  return bottom - (double) MAX (amount, 0) / (double) scale_max * (bottom - top);
}

static gboolean
comparing (IkouCostChart *self)
{
  return self->budgets[0] != NULL && self->budgets[1] != NULL;
}

guint
ikou_cost_chart_get_n_bars (IkouCostChart *self)
{
  g_return_val_if_fail (IKOU_IS_COST_CHART (self), 0);

  if (self->budgets[0] == NULL)
    return 0;
  return self->budgets[0]->n_years * (comparing (self) ? 2 : 1);
}

static void
year_span (IkouCostChart *self,
           int            fiscal_year,
           double        *left,
           double        *right)
{
  *left = x_for_day (self, ikou_fiscal_year_start (fiscal_year));
  *right = x_for_day (self, ikou_fiscal_year_start (fiscal_year + 1));
}

static void
bar_for (IkouCostChart *self,
         guint          year,
         guint          plan,
         gint64         scale_max,
         IkouCostBar   *bar)
{
  const IkouBudgetYear *y = &self->budgets[plan]->years[year];
  double left, right, span;

  year_span (self, y->fiscal_year, &left, &right);
  span = right - left;

  bar->fiscal_year = y->fiscal_year;
  bar->plan = plan;
  bar->one_time = y->one_time;
  bar->running = y->running;
  if (comparing (self))
    {
      bar->width = span * PAIR_BAR_SHARE;
      bar->x = left + (span - 2 * bar->width - span * PAIR_GAP_SHARE) / 2 +
               plan * (bar->width + span * PAIR_GAP_SHARE);
    }
  else
    {
      bar->width = span * SINGLE_BAR_SHARE;
      bar->x = left + (span - bar->width) / 2;
    }
  bar->bottom = plot_bottom (self);
  bar->middle = y_for_amount (self, y->running, scale_max);
  bar->top = y_for_amount (self, y->running > G_MAXINT64 - y->one_time ?
                                   G_MAXINT64 : y->running + y->one_time, scale_max);
}

gboolean
ikou_cost_chart_get_bar (IkouCostChart *self,
                         guint          index,
                         IkouCostBar   *bar)
{
  guint per_year;

  g_return_val_if_fail (IKOU_IS_COST_CHART (self), FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);

  if (index >= ikou_cost_chart_get_n_bars (self))
    return FALSE;
  per_year = comparing (self) ? 2 : 1;
  bar_for (self, index / per_year, index % per_year, ikou_cost_chart_get_scale_max (self), bar);
  return TRUE;
}

gboolean
ikou_cost_chart_hit_test (IkouCostChart *self,
                          double         x,
                          double         y,
                          IkouCostBar   *bar)
{
  guint n;
  gint64 scale_max;
  double top;

  g_return_val_if_fail (IKOU_IS_COST_CHART (self), FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);

  n = ikou_cost_chart_get_n_bars (self);
  scale_max = ikou_cost_chart_get_scale_max (self);
  top = self->y;
  if (x < self->plot_left || x > self->x + self->width || y < top || y > plot_bottom (self))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint per_year = comparing (self) ? 2 : 1;

      bar_for (self, i / per_year, i % per_year, scale_max, bar);
      if (x >= bar->x && x < bar->x + bar->width)
        return TRUE;
    }
  return FALSE;
}

double
ikou_cost_chart_get_goal_y (IkouCostChart *self)
{
  g_return_val_if_fail (IKOU_IS_COST_CHART (self), -1);

  if (self->budgets[0] == NULL || self->budgets[0]->goal < 0)
    return -1;
  return y_for_amount (self, self->budgets[0]->goal, ikou_cost_chart_get_scale_max (self));
}

/* Text -------------------------------------------------------------------- */

char *
ikou_cost_format_amount (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  GString *s = g_string_new (NULL);
  gsize start = digits[0] == '-' ? 1 : 0;
  gsize len = strlen (digits);

  if (start == 1)
    g_string_append_c (s, '-');
  for (gsize i = start; i < len; i++)
    {
      if (i > start && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static IkouLabels
labels (IkouCostChart *self)
{
  return ikou_labels_choose (self->style.japanese_labels, self->style.era_labels);
}

static const char *
plan_name (IkouCostChart *self,
           guint          plan)
{
  if (self->names[plan] != NULL)
    return self->names[plan];
  return plan == 0 ? _("Plan shown") : _("Compared plan");
}

static void
append_plan_line (IkouCostChart *self,
                  GString       *text,
                  guint          plan,
                  guint          year)
{
  const IkouBudgetYear *y = &self->budgets[plan]->years[year];
  g_autofree char *one_time = ikou_cost_format_amount (y->one_time);
  g_autofree char *running = ikou_cost_format_amount (y->running);
  g_autofree char *total = ikou_cost_format_amount (y->one_time > G_MAXINT64 - y->running ?
                                                    G_MAXINT64 : y->one_time + y->running);

  /* Translators: a plan's name, then amounts in thousand yen */
  g_string_append_printf (text, _("%s: one-time %s, running %s, total %s"),
                          plan_name (self, plan), one_time, running, total);
}

char *
ikou_cost_chart_dup_bar_text (IkouCostChart     *self,
                              const IkouCostBar *bar)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *fy = NULL;
  const IkouBudget *budget;
  guint year;

  g_return_val_if_fail (IKOU_IS_COST_CHART (self), NULL);
  g_return_val_if_fail (bar != NULL, NULL);

  budget = self->budgets[0];
  if (budget == NULL || bar->fiscal_year < budget->first_fy || bar->fiscal_year > budget->last_fy)
    return NULL;
  year = (guint) (bar->fiscal_year - budget->first_fy);
  fy = ikou_fiscal_year_label (bar->fiscal_year, labels (self));

  /* Translators: a fiscal year (2025年度, FY2025) */
  g_string_append_printf (text, _("%s (thousand yen)"), fy);
  g_string_append_c (text, '\n');
  append_plan_line (self, text, bar->plan, year);
  if (comparing (self))
    {
      g_string_append_c (text, '\n');
      append_plan_line (self, text, 1 - bar->plan, year);
    }
  if (budget->goal >= 0)
    {
      g_autofree char *ref = ikou_fiscal_year_label (budget->reference_fy, labels (self));
      g_autofree char *goal = ikou_cost_format_amount (budget->goal);
      const IkouBudget *mine = self->budgets[bar->plan];
      gint64 running = mine->years[year].running;

      g_string_append_c (text, '\n');
      /* Translators: the reference fiscal year (FY2018), an amount */
      g_string_append_printf (text, _("Goal, 70 %% of the %s running cost: %s"), ref, goal);
      if (running > budget->goal)
        {
          g_autofree char *over = ikou_cost_format_amount (running - budget->goal);

          g_string_append_c (text, '\n');
          /* Translators: an amount in thousand yen */
          g_string_append_printf (text, _("Running costs are %s above the goal."), over);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Drawing ----------------------------------------------------------------- */

static void
set_color (cairo_t         *cr,
           const IkouColor *color,
           double           alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
make_layout (IkouCostChart *self,
             cairo_t       *cr,
             double         scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->style.font_family ? self->style.font_family
                                                                   : "Sans");
  pango_font_description_set_absolute_size (font, self->style.font_size * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text with its top left at (@x, @y), or its top right when
 * @right_aligned; with @max_width > 0 it is cut with an ellipsis.
 * Returns the width it takes. */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       max_width,
           gboolean     right_aligned)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_get_extents (layout, NULL, &logical);
  if (right_aligned)
    x -= (double) logical.width / PANGO_SCALE;
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return (double) logical.width / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  return draw_text (NULL, layout, text, 0, 0, 0, FALSE);
}

static void
draw_swatch (cairo_t         *cr,
             const IkouColor *color,
             double           alpha,
             double           x,
             double           y,
             double           size)
{
  cairo_rectangle (cr, x, y, size, size);
  set_color (cr, color, alpha);
  cairo_fill_preserve (cr);
  set_color (cr, color, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_bar (cairo_t           *cr,
          const IkouCostBar *bar)
{
  double alpha = bar->plan == 0 ? 1 : COMPARE_ALPHA;

  if (bar->bottom - bar->middle > 0)
    {
      cairo_rectangle (cr, bar->x, bar->middle, bar->width, bar->bottom - bar->middle);
      set_color (cr, &running_color, alpha);
      cairo_fill (cr);
    }
  if (bar->middle - bar->top > 0)
    {
      cairo_rectangle (cr, bar->x, bar->top, bar->width, bar->middle - bar->top);
      set_color (cr, &one_time_color, alpha);
      cairo_fill (cr);
    }
  if (bar->plan == 1 && bar->bottom - bar->top > 0)
    {
      /* An outline keeps the pale bar readable on paper. */
      cairo_rectangle (cr, bar->x + 0.5, bar->top + 0.5, bar->width - 1, bar->bottom - bar->top - 1);
      set_color (cr, &running_color, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

static void
draw_legend (IkouCostChart *self,
             cairo_t       *cr,
             PangoLayout   *layout,
             double         max_width)
{
  double line_h = text_line_height (self);
  double sw = self->style.font_size * 0.8;
  double x = self->x + PAD * 2, y = self->y + PAD;
  double text_x = x + sw + PAD;
  double text_w = max_width - (text_x - x);
  g_autofree char *title = NULL;

  if (text_w < 40)
    return;

  set_color (cr, &self->style.foreground, 1);
  draw_text (cr, layout, _("Costs per fiscal year (thousand yen)"), x, y, max_width, FALSE);
  y += line_h;

  draw_swatch (cr, &one_time_color, 1, x, y + (line_h - sw) / 2 - 1, sw);
  set_color (cr, &self->style.foreground, 1);
  draw_text (cr, layout, _("One-time (contracts, budget requests)"), text_x, y, text_w, FALSE);
  y += line_h;
  draw_swatch (cr, &running_color, 1, x, y + (line_h - sw) / 2 - 1, sw);
  set_color (cr, &self->style.foreground, 1);
  draw_text (cr, layout, _("Running (hosts and systems)"), text_x, y, text_w, FALSE);
  y += line_h;

  if (comparing (self))
    {
      g_autofree char *left = NULL, *right = NULL;

      /* Translators: the name of the plan drawn as the left bar of a year */
      left = g_strdup_printf (_("Left: %s"), plan_name (self, 0));
      /* Translators: the name of the plan drawn as the right (paler) bar */
      right = g_strdup_printf (_("Right, paler: %s"), plan_name (self, 1));
      draw_swatch (cr, &running_color, 1, x, y + (line_h - sw) / 2 - 1, sw);
      set_color (cr, &self->style.foreground, 1);
      draw_text (cr, layout, left, text_x, y, text_w, FALSE);
      y += line_h;
      draw_swatch (cr, &running_color, COMPARE_ALPHA, x, y + (line_h - sw) / 2 - 1, sw);
      set_color (cr, &self->style.foreground, 1);
      draw_text (cr, layout, right, text_x, y, text_w, FALSE);
      y += line_h;
    }

  if (self->budgets[0] != NULL)
    {
      g_autofree char *ref = ikou_fiscal_year_label (self->budgets[0]->reference_fy,
                                                     labels (self));
      double mid = y + line_h / 2;

      cairo_save (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      set_color (cr, &self->style.deadline, 1);
      cairo_move_to (cr, x, mid);
      cairo_line_to (cr, x + sw, mid);
      cairo_stroke (cr);
      cairo_restore (cr);
      set_color (cr, &self->style.foreground, 1);
      if (self->budgets[0]->goal >= 0)
        /* Translators: the reference fiscal year (FY2018); 3割削減 is the national goal */
        title = g_strdup_printf (_("Goal: 70 %% of the %s running cost"), ref);
      else
        /* Translators: the reference fiscal year (FY2018) */
        title = g_strdup_printf (_("No %s running cost in the plan: no goal line"), ref);
      draw_text (cr, layout, title, text_x, y, text_w, FALSE);
    }
}

void
ikou_cost_chart_draw (IkouCostChart *self,
                      cairo_t       *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) small = NULL;
  const IkouBudget *budget;
  gint64 scale_max, step;
  double top, bottom, right, line_h, scale_w = 0;
  guint n;

  g_return_if_fail (IKOU_IS_COST_CHART (self));
  g_return_if_fail (cr != NULL);

  if (self->width <= 0 || self->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, self->x, self->y, self->width, self->height);
  cairo_clip (cr);
  set_color (cr, &self->style.background, 1);
  cairo_paint (cr);

  layout = make_layout (self, cr, 0.92);
  small = make_layout (self, cr, 0.82);
  budget = self->budgets[0];
  top = plot_top (self);
  bottom = plot_bottom (self);
  right = self->x + self->width;
  line_h = text_line_height (self);
  scale_max = ikou_cost_chart_get_scale_max (self);
  step = scale_step (MAX (highest_amount (self), 1));

  /* The scale: round amounts right of the legend, lines across the plot. */
  for (gint64 amount = 0; budget != NULL && amount <= scale_max; amount += step)
    {
      g_autofree char *label = ikou_cost_format_amount (amount);
      double y = round (y_for_amount (self, amount, scale_max)) + 0.5;

      scale_w = MAX (scale_w, text_width (small, label));
      cairo_move_to (cr, self->plot_left, y);
      cairo_line_to (cr, right, y);
      set_color (cr, &self->style.grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (self->plot_left - self->x > 60)
        {
          set_color (cr, &self->style.dim_foreground, 1);
          draw_text (cr, small, label, self->plot_left - PAD, y - line_h / 2, 0, TRUE);
        }
      if (amount > G_MAXINT64 - step)
        break;
    }

  if (self->plot_left - self->x > 60)
    draw_legend (self, cr, layout, self->plot_left - self->x - scale_w - 4 * PAD);

  if (budget == NULL)
    {
      cairo_restore (cr);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_left, self->y, right - self->plot_left, self->height);
  cairo_clip (cr);

  /* Fiscal-year boundaries, as on the roadmap, and each year's label. */
  for (guint i = 0; i < budget->n_years; i++)
    {
      int fy = budget->years[i].fiscal_year;
      g_autofree char *label = ikou_fiscal_year_label (fy, labels (self));
      double left, end;

      year_span (self, fy, &left, &end);
      if (end < self->plot_left || left > right)
        continue;
      set_color (cr, &self->style.grid, 1);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (left) + 0.5, top);
      cairo_line_to (cr, round (left) + 0.5, bottom);
      cairo_stroke (cr);
      if (text_width (small, label) < end - left - 2)
        {
          set_color (cr, &self->style.dim_foreground, 1);
          draw_text (cr, small, label, (left + end) / 2 + text_width (small, label) / 2,
                     bottom + PAD / 2, 0, TRUE);
        }
    }

  /* Bars, and each one's total above it where it fits. */
  n = ikou_cost_chart_get_n_bars (self);
  for (guint i = 0; i < n; i++)
    {
      IkouCostBar bar;
      g_autofree char *total = NULL;
      double w;

      ikou_cost_chart_get_bar (self, i, &bar);
      if (bar.x + bar.width < self->plot_left || bar.x > right)
        continue;
      draw_bar (cr, &bar);
      if (bar.one_time + bar.running == 0)
        continue;
      total = ikou_cost_format_amount (bar.one_time > G_MAXINT64 - bar.running ?
                                       G_MAXINT64 : bar.one_time + bar.running);
      w = text_width (small, total);
      if (w <= bar.width + (comparing (self) ? bar.width * PAIR_GAP_SHARE / PAIR_BAR_SHARE : 0))
        {
          set_color (cr, &self->style.foreground, bar.plan == 0 ? 1 : 0.7);
          draw_text (cr, small, total, bar.x + (bar.width + w) / 2, bar.top - line_h, 0, TRUE);
        }
    }

  /* The 3割削減 goal across the years. */
  if (budget->goal >= 0)
    {
      double y = round (y_for_amount (self, budget->goal, scale_max)) + 0.5;
      g_autofree char *ref = ikou_fiscal_year_label (budget->reference_fy, labels (self));
      g_autofree char *amount = ikou_cost_format_amount (budget->goal);
      g_autofree char *label = NULL;

      cairo_save (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      set_color (cr, &self->style.deadline, 1);
      cairo_move_to (cr, self->plot_left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* Translators: the national goal line: the reference fiscal year, an amount */
      label = g_strdup_printf (_("Goal, 30 %% less (%s running × 70 %%): %s"), ref, amount);
      {
        double ly = MAX (y - line_h, self->y);
        double lw = text_width (small, label);

        /* On a plate of the background, readable over the bars. */
        cairo_rectangle (cr, self->plot_left + PAD / 2, ly, lw + PAD, line_h - 1);
        set_color (cr, &self->style.background, 0.85);
        cairo_fill (cr);
        set_color (cr, &self->style.deadline, 1);
        draw_text (cr, small, label, self->plot_left + PAD, ly, 0, FALSE);
      }
    }

  cairo_restore (cr);
  cairo_restore (cr);
}

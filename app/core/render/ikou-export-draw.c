/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ikou-calendar.h"
#include "ikou-cost-chart.h"
#include "ikou-export.h"
#include "ikou-export-private.h"
#include "ikou-finding.h"
#include "ikou-renderer.h"

/* The pages of an export: the title block, the roadmap with the list
 * columns beside it, the costs chart under it or on a page of its own. */

void
_ikou_export_set_color (cairo_t         *cr,
                        const IkouColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* 作成日 in 和暦 and 西暦 for Japanese readers, the ISO day in English. */
static char *
created_text (IkouExportJob *self)
{
  g_autofree char *iso = ikou_day_format_iso (self->options.today);
  g_autofree char *era = NULL;

  if (self->labels == IKOU_LABELS_ENGLISH)
    return g_strdup_printf (_("Created %s"), iso);
  era = ikou_day_format_era (self->options.today, IKOU_ERA_STYLE_LONG);
  return g_strdup_printf (_("Created %s (%s)"), era, iso);
}

static void
draw_title_block (IkouExportJob           *self,
                  cairo_t                 *cr,
                  PangoLayout             *layout,
                  const IkouRenderStyle   *style,
                  guint                    page,
                  guint                    n_pages)
{
  const PaperMetrics *pm = &self->metrics;
  double x = pm->margin;
  double right = self->page_w - pm->margin;
  double y = pm->margin;
  PangoFontDescription *title_font = _ikou_export_make_font (pm->title_size, TRUE);
  PangoFontDescription *font = _ikou_export_make_font (pm->font_size + 1, FALSE);
  g_autofree char *created = created_text (self);
  g_autofree char *page_label = g_strdup_printf (_("Page %u / %u"), page + 1, n_pages);
  g_autofree char *scenario = NULL;
  GString *line = g_string_new (NULL);
  double title_line_h = _ikou_export_text_height (pango_layout_get_context (layout), pm->title_size, TRUE);
  double page_w;

  _ikou_export_set_color (cr, &style->foreground);
  page_w = _ikou_export_draw_text (cr, layout, font, page_label, right, y, 0, ALIGN_RIGHT);
  _ikou_export_draw_text (cr, layout, font, created, right, y + title_line_h, 0, ALIGN_RIGHT);
  _ikou_export_draw_text (cr, layout, title_font, self->title, x, y, right - x - page_w - 24, ALIGN_LEFT);

  if (ikou_plan_get_organization (self->plan) && *ikou_plan_get_organization (self->plan))
    g_string_append (line, ikou_plan_get_organization (self->plan));
  if (self->scenario != NULL)
    scenario = g_strdup_printf (_("Scenario: %s"), ikou_scenario_get_name (self->scenario));
  else
    scenario = g_strdup (_("Baseline plan"));
  if (self->comparing)
    {
      char *both =
        /* Translators: the title block in compare mode: the plan shown, the one drawn as ghosts */
        g_strdup_printf (_("%s (dashed: %s)"), scenario,
                         self->compare != NULL ? ikou_scenario_get_name (self->compare)
                                               : _("Baseline plan"));

      g_free (scenario);
      scenario = both;
    }
  if (line->len > 0)
    g_string_append (line, "　");
  g_string_append (line, scenario);
  _ikou_export_set_color (cr, &style->dim_foreground);
  _ikou_export_draw_text (cr, layout, font, line->str, x, y + title_line_h, (right - x) * 0.6, ALIGN_LEFT);

  _ikou_export_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, x, y + self->title_h);
  cairo_line_to (cr, right, y + self->title_h);
  cairo_stroke (cr);

  g_string_free (line, TRUE);
  pango_font_description_free (title_font);
  pango_font_description_free (font);
}

static guint
today_host_of (IkouSystem *system)
{
  guint host = ikou_system_get_host (system);

  if (host == 0 && ikou_system_get_n_steps (system) > 0)
    host = ikou_system_get_step (system, 0)->from_host;
  return host;
}

static const char *
host_name (IkouExportJob *self,
           guint          id)
{
  IkouHost *host = id ? ikou_plan_lookup_host (self->plan, id) : NULL;

  return host ? ikou_host_get_name (host) : "—";
}

/* The cost chart in (@x, @y, @width, @height): its legend and scale under
 * the list columns, its bars under the roadmap's fiscal years. */
static void
draw_costs (IkouExportJob *self,
            cairo_t       *cr,
            double         x,
            double         y,
            double         width,
            double         height)
{
  const IkouRenderStyle *style = ikou_renderer_get_style (self->renderer);

  _ikou_export_job_ensure_costs (self);
  ikou_cost_chart_set_axis_from_renderer (self->costs, self->renderer, x + self->list_w);
  ikou_cost_chart_set_area (self->costs, x, y, width, height, x + self->list_w);
  ikou_cost_chart_draw (self->costs, cr);

  _ikou_export_set_color (cr, &style->dim_foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, x, y, width, height);
  cairo_move_to (cr, x + self->list_w, y);
  cairo_line_to (cr, x + self->list_w, y + height);
  cairo_stroke (cr);
}

/* The figures under the chart of the cost page: one-time, running and
 * total per plan, and the goal, each in its fiscal year's column.
 * Returns the height, or measures only with @cr NULL. */
static double
draw_cost_figures (IkouExportJob *self,
                   cairo_t       *cr,
                   PangoLayout   *layout,
                   double         x,
                   double         y)
{
  const PaperMetrics *pm = &self->metrics;
  const IkouRenderStyle *style = ikou_renderer_get_style (self->renderer);
  PangoFontDescription *font = _ikou_export_make_font (pm->font_size * 0.9, FALSE);
  PangoFontDescription *bold = _ikou_export_make_font (pm->font_size * 0.9, TRUE);
  double lh = ceil (_ikou_export_text_height (pango_layout_get_context (layout), pm->font_size * 0.9, FALSE) + 4);
  double axis_x = x + self->list_w;
  double right = self->page_w - pm->margin;
  const IkouBudget *budgets[2];
  double top = y;
  guint n_plans;

  _ikou_export_job_ensure_costs (self);
  budgets[0] = ikou_cost_chart_get_budget (self->costs, 0);
  budgets[1] = ikou_cost_chart_get_budget (self->costs, 1);
  n_plans = budgets[1] != NULL ? 2 : 1;

  for (guint p = 0; p < n_plans && budgets[0] != NULL; p++)
    for (guint r = 0; r < 3; r++)
      {
        const char *what[3] = { _("One-time"), _("Running"), _("Total") };
        g_autofree char *label = NULL;

        if (n_plans == 2)
          label = g_strdup_printf ("%s — %s",
                                   p == 0 ? (self->scenario ? ikou_scenario_get_name (self->scenario)
                                                            : _("Baseline plan"))
                                          : (self->compare ? ikou_scenario_get_name (self->compare)
                                                           : _("Baseline plan")),
                                   what[r]);
        if (cr != NULL)
          {
            if (r == 2)
              {
                cairo_rectangle (cr, x, y, right - x, lh);
                _ikou_export_set_color (cr, &style->row_alternate);
                cairo_fill (cr);
              }
            _ikou_export_set_color (cr, &style->foreground);
            _ikou_export_draw_text (cr, layout, r == 2 ? bold : font, label ? label : what[r], x + 3, y + 2,
                                    self->list_w - 6, ALIGN_LEFT);
            for (guint i = 0; i < budgets[p]->n_years; i++)
              {
                const IkouBudgetYear *year = &budgets[p]->years[i];
                gint64 amount = r == 0 ? year->one_time : r == 1 ? year->running
                                : year->one_time > G_MAXINT64 - year->running ? G_MAXINT64
                                : year->one_time + year->running;
                g_autofree char *text = ikou_cost_format_amount (amount);
                double end = axis_x + ikou_renderer_x_for_day (self->renderer,
                                                               ikou_fiscal_year_start (year->fiscal_year + 1));

                if (end > axis_x && end <= right + 1)
                  _ikou_export_draw_text (cr, layout, r == 2 ? bold : font, text, end - 4, y + 2, 0, ALIGN_RIGHT);
              }
          }
        y += lh;
      }

  if (budgets[0] != NULL && budgets[0]->goal >= 0)
    {
      g_autofree char *ref = ikou_fiscal_year_label (budgets[0]->reference_fy, self->labels);
      g_autofree char *amount = ikou_cost_format_amount (budgets[0]->goal);
      g_autofree char *running = ikou_cost_format_amount (budgets[0]->reference_running);
      /* Translators: the reference fiscal year (FY2018), its running cost, 70 % of it */
      g_autofree char *text = g_strdup_printf (_("Goal, 30 %% less than the %s running cost of %s "
                                                 "thousand yen: %s thousand yen a year."),
                                               ref, running, amount);

      if (cr != NULL)
        {
          _ikou_export_set_color (cr, &style->deadline);
          _ikou_export_draw_text (cr, layout, font, text, x + 3, y + 2, right - x - 6, ALIGN_LEFT);
        }
      y += lh;
    }

  if (cr != NULL)
    {
      _ikou_export_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 0.5);
      for (double ly = top; ly <= y + 0.01; ly += lh)
        {
          cairo_move_to (cr, x, ly);
          cairo_line_to (cr, right, ly);
        }
      cairo_stroke (cr);
    }

  pango_font_description_free (font);
  pango_font_description_free (bold);
  return y - top;
}

/* A page of its own: the fiscal-year header of the roadmap, the chart
 * under it and the figures. */
static void
draw_cost_page (IkouExportJob *self,
                cairo_t       *cr,
                PangoLayout   *layout)
{
  const PaperMetrics *pm = &self->metrics;
  const IkouRenderStyle *style = ikou_renderer_get_style (self->renderer);
  PangoFontDescription *bold = _ikou_export_make_font (pm->font_size, TRUE);
  double x0 = pm->margin;
  double y0 = pm->margin + self->title_h + pm->gap;
  double content_w = self->page_w - 2 * pm->margin;
  double th = _ikou_export_text_height (pango_layout_get_context (layout), pm->font_size, TRUE);
  double figures_h = draw_cost_figures (self, NULL, layout, x0, 0);
  double chart_y = y0 + self->header_h;
  double chart_h = self->page_h - pm->margin - chart_y - figures_h - pm->gap;

  cairo_rectangle (cr, x0, y0, self->list_w, self->header_h);
  _ikou_export_set_color (cr, &style->header_background);
  cairo_fill (cr);
  _ikou_export_set_color (cr, &style->foreground);
  _ikou_export_draw_text (cr, layout, bold, _("Costs per fiscal year (thousand yen)"), x0 + 3,
                          y0 + self->header_h - th - 3, self->list_w - 6, ALIGN_LEFT);

  /* Only the header of the roadmap: the fiscal years and months. */
  cairo_save (cr);
  cairo_translate (cr, x0 + self->list_w, y0);
  ikou_renderer_draw (self->renderer, cr, 0, 0, content_w - self->list_w, self->header_h);
  cairo_restore (cr);

  draw_costs (self, cr, x0, chart_y, content_w, MAX (chart_h, 4 * pm->font_size));
  draw_cost_figures (self, cr, layout, x0, chart_y + MAX (chart_h, 4 * pm->font_size) + pm->gap);

  pango_font_description_free (bold);
}

static void
draw_row_page (IkouExportJob *self,
               cairo_t       *cr,
               PangoLayout   *layout,
               guint          page)
{
  const PaperMetrics *pm = &self->metrics;
  IkouRenderStyle style;
  PangoFontDescription *font = _ikou_export_make_font (pm->font_size, FALSE);
  PangoFontDescription *bold = _ikou_export_make_font (pm->font_size, TRUE);
  GListModel *rows = _ikou_export_job_rows (self);
  double x0 = pm->margin;
  double y0 = pm->margin + self->title_h + pm->gap;
  double content_w = self->page_w - 2 * pm->margin;
  double rh = self->row_h;
  double col_w[3];
  const char *col_title[3];
  guint first, n;
  double table_h;
  double th;

  ikou_render_style_init_default (&style);
  ikou_export_job_get_page_rows (self, page, &first, &n);
  table_h = self->header_h + n * rh;
  col_w[0] = floor (self->list_w * 0.32);
  col_w[1] = floor (self->list_w * 0.19);
  col_w[2] = self->list_w - col_w[0] - col_w[1];
  col_title[0] = _("System");
  col_title[1] = _("Department");
  col_title[2] = _("Host today → target");
  th = _ikou_export_text_height (pango_layout_get_context (layout), pm->font_size, FALSE);

  /* List columns: header cells, then one line per row. */
  cairo_rectangle (cr, x0, y0, self->list_w, self->header_h);
  _ikou_export_set_color (cr, &style.header_background);
  cairo_fill (cr);
  {
    double cx = x0;

    for (int c = 0; c < 3; c++)
      {
        _ikou_export_set_color (cr, &style.foreground);
        _ikou_export_draw_text (cr, layout, bold, col_title[c], cx + 3, y0 + self->header_h - th - 3,
                                col_w[c] - 6, ALIGN_LEFT);
        cx += col_w[c];
      }
  }

  for (guint i = 0; i < n; i++)
    {
      guint row = first + i;
      g_autoptr(IkouSystem) system = g_list_model_get_item (rows, row);
      double y = y0 + self->header_h + i * rh;
      double ty = y + (rh - th) / 2;
      guint today_host, target_host;
      guint n_steps;
      g_autofree char *hosts = NULL;

      if (system == NULL)
        continue;
      if (row % 2 == 1)
        {
          cairo_rectangle (cr, x0, y, self->list_w, rh);
          _ikou_export_set_color (cr, &style.row_alternate);
          cairo_fill (cr);
        }

      today_host = today_host_of (system);
      target_host = today_host;
      n_steps = ikou_scenario_get_n_steps (self->scenario, system);
      for (guint s = 0; s < n_steps; s++)
        {
          IkouStep st;

          ikou_scenario_get_step (self->scenario, system, s, &st, NULL);
          if (st.to_host != 0)
            target_host = st.to_host;
        }
      if (target_host != today_host)
        hosts = g_strdup_printf ("%s → %s", host_name (self, today_host),
                                 host_name (self, target_host));
      else
        hosts = g_strdup (host_name (self, today_host));

      _ikou_export_set_color (cr, &style.foreground);
      _ikou_export_draw_text (cr, layout, font, ikou_system_get_name (system), x0 + 3, ty, col_w[0] - 6,
                              ALIGN_LEFT);
      _ikou_export_set_color (cr, &style.dim_foreground);
      _ikou_export_draw_text (cr, layout, font, ikou_system_get_department (system), x0 + col_w[0] + 3, ty,
                              col_w[1] - 6, ALIGN_LEFT);
      _ikou_export_draw_text (cr, layout, font, hosts, x0 + col_w[0] + col_w[1] + 3, ty, col_w[2] - 6,
                              ALIGN_LEFT);
    }

  /* Column rules and the frame. */
  _ikou_export_set_color (cr, &style.grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0 + col_w[0], y0);
  cairo_line_to (cr, x0 + col_w[0], y0 + table_h);
  cairo_move_to (cr, x0 + col_w[0] + col_w[1], y0);
  cairo_line_to (cr, x0 + col_w[0] + col_w[1], y0 + table_h);
  cairo_move_to (cr, x0, y0 + self->header_h);
  cairo_line_to (cr, x0 + self->list_w, y0 + self->header_h);
  cairo_stroke (cr);

  /* The timeline, through the same renderer as the window. */
  cairo_save (cr);
  cairo_translate (cr, x0 + self->list_w, y0);
  ikou_renderer_draw (self->renderer, cr, 0, first * rh, content_w - self->list_w, table_h);
  cairo_restore (cr);

  _ikou_export_set_color (cr, &style.dim_foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, x0, y0, content_w, table_h);
  cairo_move_to (cr, x0 + self->list_w, y0);
  cairo_line_to (cr, x0 + self->list_w, y0 + table_h);
  cairo_stroke (cr);

  /* The costs per fiscal year under the roadmap, on its time axis. */
  if (self->cost_h > 0)
    {
      draw_costs (self, cr, x0, y0 + table_h + pm->gap, content_w, self->cost_h);
      table_h += self->cost_h + pm->gap;
    }

  /* The legend under the table (at the foot of a full page). */
  ikou_renderer_draw_legend (self->renderer, cr, x0, y0 + table_h + 2 * pm->gap, content_w);

  pango_font_description_free (font);
  pango_font_description_free (bold);
  ikou_render_style_clear (&style);
}

void
ikou_export_job_draw_page (IkouExportJob *self,
                           cairo_t       *cr,
                           guint          page,
                           double         width_pt,
                           double         height_pt)
{
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  IkouRenderStyle style;
  guint n_pages;

  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));
  g_return_if_fail (cr != NULL);

  n_pages = ikou_export_job_paginate (self, width_pt, height_pt);
  g_return_if_fail (page < n_pages);

  context = _ikou_export_make_context (cr);
  layout = pango_layout_new (context);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  ikou_render_style_init_default (&style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width_pt, height_pt);
  _ikou_export_set_color (cr, &style.background);
  cairo_fill (cr);

  draw_title_block (self, cr, layout, &style, page, n_pages);
  if (page < self->n_row_pages)
    draw_row_page (self, cr, layout, page);
  else if (page < self->n_row_pages + self->n_cost_pages)
    draw_cost_page (self, cr, layout);
  else
    _ikou_export_job_draw_summary_page (self, cr, layout, page - self->n_row_pages - self->n_cost_pages);

  cairo_restore (cr);
  ikou_render_style_clear (&style);
  g_object_unref (context);
}

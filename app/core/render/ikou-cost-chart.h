/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ikou-budget.h"
#include "ikou-renderer.h"

G_BEGIN_DECLS

/* What a bar of the chart shows, and where it is (user units of the
 * cairo context the chart draws into). */
typedef struct
{
  int     fiscal_year;
  guint   plan;      /* 0: the plan shown; 1: the compared plan */
  gint64  one_time;  /* 千円 */
  gint64  running;   /* 千円 */
  double  x;         /* left edge */
  double  width;
  double  top;       /* top of the stack (one-time on running) */
  double  middle;    /* where running ends and one-time begins */
  double  bottom;    /* the zero line */
} IkouCostBar;

#define IKOU_TYPE_COST_CHART (ikou_cost_chart_get_type ())
G_DECLARE_FINAL_TYPE (IkouCostChart, ikou_cost_chart, IKOU, COST_CHART, GObject)

/**
 * IkouCostChart:
 *
 * The costs of a plan per fiscal year as a chart under the roadmap: one
 * stacked bar per fiscal year (running costs at the bottom, one-time
 * costs on top), the 3割削減 goal (70 % of the reference year's running
 * cost) as a dashed line across the years, and a legend and a scale left
 * of the bars.  With a compared budget each year has two bars side by
 * side: the plan shown on the left, the compared plan (paler) on the
 * right.  The window's cost panel and the PDF export both draw through
 * it, so the bars stand under the same fiscal years as the roadmap.
 *
 * Geometry: the chart fills an area (x, y, width, height); the bars are
 * drawn right of @plot_left only, each fiscal year between the x of its
 * first day and that of the next year's first day on the time axis
 * (x = origin_x + (day − origin) × px_per_day: the roadmap's mapping
 * shifted by where the roadmap is drawn and its scroll).  Left of
 * @plot_left are the legend and the scale.  Amounts are 千円; the scale
 * runs from 0 to a round number above the highest bar and the goal.
 *
 * Cost of a draw: O(fiscal years in the budgets); the budgets are
 * computed by the caller (ikou_budget_compute()), when the plan changes.
 */

IkouCostChart *ikou_cost_chart_new           (void);
/* Takes both budgets (transfer full; NULL = none).  The compared
 * budget must cover the same fiscal years as @budget. */
void           ikou_cost_chart_set_budgets   (IkouCostChart         *self,
                                              IkouBudget            *budget,
                                              IkouBudget            *compare);
const IkouBudget *ikou_cost_chart_get_budget (IkouCostChart         *self,
                                              guint                  plan);
/* The names of the two plans in the legend and the tooltips ("基準計画",
 * a scenario's name). */
void           ikou_cost_chart_set_names     (IkouCostChart         *self,
                                              const char            *name,
                                              const char            *compare_name);
/* The renderer's style: colours, font, and how fiscal years are named. */
void           ikou_cost_chart_set_style     (IkouCostChart         *self,
                                              const IkouRenderStyle *style);
void           ikou_cost_chart_set_axis      (IkouCostChart         *self,
                                              IkouDay                origin,
                                              double                 origin_x,
                                              double                 px_per_day);
/* The axis of @renderer with its content x 0 at @offset_x (the left of
 * the roadmap's time area minus its scroll). */
void           ikou_cost_chart_set_axis_from_renderer (IkouCostChart *self,
                                              IkouRenderer          *renderer,
                                              double                 offset_x);
void           ikou_cost_chart_set_area      (IkouCostChart         *self,
                                              double                 x,
                                              double                 y,
                                              double                 width,
                                              double                 height,
                                              double                 plot_left);

void           ikou_cost_chart_draw          (IkouCostChart         *self,
                                              cairo_t               *cr);

/* Bars in order: fiscal years ascending, the shown plan before the
 * compared one.  A bar is there for every year of the budget, even one
 * outside the area. */
guint          ikou_cost_chart_get_n_bars    (IkouCostChart         *self);
gboolean       ikou_cost_chart_get_bar       (IkouCostChart         *self,
                                              guint                  index,
                                              IkouCostBar           *bar);
/* The bar at (@x, @y) (the cairo context's coordinates, like the area):
 * anywhere across its width from the top of the area to the zero line,
 * so a low bar is found by pointing above it. */
gboolean       ikou_cost_chart_hit_test      (IkouCostChart         *self,
                                              double                 x,
                                              double                 y,
                                              IkouCostBar           *bar);
/* The y of the goal line, or -1 when the reference cost is unknown. */
double         ikou_cost_chart_get_goal_y    (IkouCostChart         *self);
/* The amount at the top of the scale (千円). */
gint64         ikou_cost_chart_get_scale_max (IkouCostChart         *self);
/* What a tooltip says about a bar: the year, both plans' one-time,
 * running and total (in compare mode), and the goal. */
char          *ikou_cost_chart_dup_bar_text  (IkouCostChart         *self,
                                              const IkouCostBar     *bar);

/* 48000 → "48,000" (how amounts in 千円 are written in budget papers). */
char          *ikou_cost_format_amount       (gint64                 amount);

G_END_DECLS

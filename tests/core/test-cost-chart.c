/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ikou-calendar.h"
#include "ikou-cost-chart.h"
#include "ikou-plan-file.h"

/* The cost chart's geometry and values, without a display: bars stand
 * under their fiscal years on the roadmap's axis, their heights follow
 * the amounts, the goal line is 70 % of the reference running cost. */

static IkouBudget *
make_budget (int           first_fy,
             guint         n_years,
             const gint64 *one_time,
             const gint64 *running,
             gint64        reference)
{
  IkouBudget *budget = g_new0 (IkouBudget, 1);

  budget->first_fy = first_fy;
  budget->last_fy = first_fy + (int) n_years - 1;
  budget->n_years = n_years;
  budget->years = g_new0 (IkouBudgetYear, n_years);
  for (guint i = 0; i < n_years; i++)
    {
      budget->years[i].fiscal_year = first_fy + (int) i;
      budget->years[i].one_time = one_time[i];
      budget->years[i].running = running[i];
    }
  budget->reference_fy = 2018;
  budget->reference_running = reference;
  budget->goal = ikou_budget_goal (reference);
  return budget;
}

static const gint64 shown_one_time[] = { 0, 13000, 12000, 3000 };
static const gint64 shown_running[] = { 22402, 26652, 37952, 30000 };
static const gint64 other_one_time[] = { 0, 5000, 20000, 0 };
static const gint64 other_running[] = { 22402, 24000, 30000, 20000 };

/* One day is 0.5 units; FY2020 starts at x = 100. */
static IkouCostChart *
make_chart (gboolean compare)
{
  IkouCostChart *chart = ikou_cost_chart_new ();

  ikou_cost_chart_set_budgets (chart,
                               make_budget (2020, 4, shown_one_time, shown_running, 40000),
                               compare ? make_budget (2020, 4, other_one_time, other_running, 40000)
                                       : NULL);
  ikou_cost_chart_set_names (chart, "基準計画", compare ? "案A" : NULL);
  ikou_cost_chart_set_axis (chart, ikou_fiscal_year_start (2020), 100, 0.5);
  ikou_cost_chart_set_area (chart, 0, 0, 1000, 200, 90);
  return chart;
}

static void
test_format (void)
{
  const struct { gint64 amount; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 48000, "48,000" },
    { 1234567, "1,234,567" }, { -1234, "-1,234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ikou_cost_format_amount (cases[i].amount);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_scale (void)
{
  g_autoptr(IkouCostChart) chart = make_chart (FALSE);

  /* The highest bar is 49,952 (FY2022): steps of 20,000 up to 60,000. */
  g_assert_cmpint (ikou_cost_chart_get_scale_max (chart), ==, 60000);
  g_assert_cmpint (ikou_cost_chart_get_n_bars (chart), ==, 4);
}

static void
test_bars_follow_axis (void)
{
  g_autoptr(IkouCostChart) chart = make_chart (FALSE);
  IkouCostBar bars[4];
  double zero = -1, unit;

  for (guint i = 0; i < 4; i++)
    {
      int fy = 2020 + (int) i;
      double left = 100 + (ikou_fiscal_year_start (fy) - ikou_fiscal_year_start (2020)) * 0.5;
      double right = 100 + (ikou_fiscal_year_start (fy + 1) - ikou_fiscal_year_start (2020)) * 0.5;

      g_assert_true (ikou_cost_chart_get_bar (chart, i, &bars[i]));
      g_assert_cmpint (bars[i].fiscal_year, ==, fy);
      g_assert_cmpuint (bars[i].plan, ==, 0);
      g_assert_cmpint (bars[i].one_time, ==, shown_one_time[i]);
      g_assert_cmpint (bars[i].running, ==, shown_running[i]);
      /* Centred in its fiscal year, inside it. */
      g_assert_cmpfloat (bars[i].x, >, left);
      g_assert_cmpfloat (bars[i].x + bars[i].width, <, right);
      g_assert_cmpfloat_with_epsilon (bars[i].x + bars[i].width / 2, (left + right) / 2, 1e-9);
      if (zero < 0)
        zero = bars[i].bottom;
      g_assert_cmpfloat (bars[i].bottom, ==, zero);
      g_assert_cmpfloat (bars[i].top, <=, bars[i].middle);
      g_assert_cmpfloat (bars[i].middle, <=, bars[i].bottom);
    }
  g_assert_false (ikou_cost_chart_get_bar (chart, 4, &bars[0]));

  /* Heights are proportional to the amounts. */
  unit = (bars[2].bottom - bars[2].middle) / 37952.0;
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat_with_epsilon (bars[i].bottom - bars[i].middle, shown_running[i] * unit, 1e-6);
      g_assert_cmpfloat_with_epsilon (bars[i].middle - bars[i].top, shown_one_time[i] * unit, 1e-6);
    }

  /* The goal, 28,000, is 70 % of 40,000. */
  g_assert_cmpint (ikou_cost_chart_get_budget (chart, 0)->goal, ==, 28000);
  g_assert_cmpfloat_with_epsilon (ikou_cost_chart_get_goal_y (chart), zero - 28000 * unit, 1e-6);

  /* Scrolling the roadmap moves the bars with it. */
  ikou_cost_chart_set_axis (chart, ikou_fiscal_year_start (2020), 60, 0.5);
  {
    IkouCostBar moved;

    ikou_cost_chart_get_bar (chart, 1, &moved);
    g_assert_cmpfloat_with_epsilon (moved.x, bars[1].x - 40, 1e-9);
  }
}

static void
test_compare (void)
{
  g_autoptr(IkouCostChart) chart = make_chart (TRUE);
  IkouCostBar left, right, hit;
  g_autofree char *text = NULL;

  g_assert_cmpint (ikou_cost_chart_get_n_bars (chart), ==, 8);
  /* FY2021: the shown plan on the left, the compared one on the right. */
  g_assert_true (ikou_cost_chart_get_bar (chart, 2, &left));
  g_assert_true (ikou_cost_chart_get_bar (chart, 3, &right));
  g_assert_cmpint (left.fiscal_year, ==, 2021);
  g_assert_cmpint (right.fiscal_year, ==, 2021);
  g_assert_cmpuint (left.plan, ==, 0);
  g_assert_cmpuint (right.plan, ==, 1);
  g_assert_cmpfloat (left.x + left.width, <, right.x);
  g_assert_cmpint (right.one_time, ==, 5000);
  g_assert_cmpint (right.running, ==, 24000);
  g_assert_cmpfloat (right.top, >, left.top);

  /* Hovering the right bar finds it; its text names both plans. */
  g_assert_true (ikou_cost_chart_hit_test (chart, right.x + 1, right.bottom - 1, &hit));
  g_assert_cmpint (hit.fiscal_year, ==, 2021);
  g_assert_cmpuint (hit.plan, ==, 1);
  text = ikou_cost_chart_dup_bar_text (chart, &hit);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "案A"));
  g_assert_nonnull (strstr (text, "基準計画"));
  g_assert_nonnull (strstr (text, "29,000"));   /* 案A's FY2021 total */
  g_assert_nonnull (strstr (text, "39,652"));   /* the baseline's */
  g_assert_nonnull (strstr (text, "28,000"));   /* the goal */

  /* Between the bars, left of the plot and below the zero line: none. */
  g_assert_false (ikou_cost_chart_hit_test (chart, left.x + left.width + 0.1, left.bottom - 1, &hit));
  g_assert_false (ikou_cost_chart_hit_test (chart, 50, left.bottom - 1, &hit));
  g_assert_false (ikou_cost_chart_hit_test (chart, left.x + 1, left.bottom + 5, &hit));
}

static void
test_no_goal (void)
{
  g_autoptr(IkouCostChart) chart = ikou_cost_chart_new ();
  const gint64 zeros[] = { 0, 0 };

  g_assert_cmpint (ikou_cost_chart_get_n_bars (chart), ==, 0);
  g_assert_cmpfloat (ikou_cost_chart_get_goal_y (chart), ==, -1);
  ikou_cost_chart_set_budgets (chart, make_budget (2025, 2, zeros, zeros, -1), NULL);
  ikou_cost_chart_set_area (chart, 0, 0, 400, 120, 0);
  g_assert_cmpfloat (ikou_cost_chart_get_goal_y (chart), ==, -1);
  /* Nothing to draw still has a scale. */
  g_assert_cmpint (ikou_cost_chart_get_scale_max (chart), >, 0);
}

/* The pixels: a running part in blue under its fiscal year, the goal
 * line across, and nothing outside the area. */
static void
test_draw (void)
{
  g_autoptr(IkouCostChart) chart = make_chart (TRUE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 220);
  cairo_t *cr = cairo_create (surface);
  IkouCostBar bar;
  unsigned char *data;
  int stride;
  guint32 pixel;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  ikou_cost_chart_draw (chart, cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  ikou_cost_chart_get_bar (chart, 4, &bar);   /* FY2022, the shown plan */
  pixel = *(guint32 *) (data + (int) (bar.bottom - 3) * stride + (int) (bar.x + bar.width / 2) * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0x3584e4);
  pixel = *(guint32 *) (data + (int) ((bar.top + bar.middle) / 2) * stride +
                        (int) (bar.x + bar.width / 2) * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0xf6932f);
  /* Below the area (y 200…219) the black stays. */
  pixel = *(guint32 *) (data + 210 * stride + 500 * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The list's cost column: one system's own costs, by hand from the
 * sample (tests/core/test-budget.c has the figures).  生活保護 (2): 8,000
 * one-time (contract 2021-07); its own 3,000 a year, 2,000 from its
 * cut-over 2022-01-01: FY2020 3,000, FY2021 2,750, then 2,000 a year.
 * 食品営業許可 (15): 3,000 one-time in FY2023, 1,000 a year throughout.
 * 農業基本台帳 (1) has no cost of its own but its 5,000: hosts' costs
 * are not a system's. */
static void
test_system_totals (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"),
                                            "data", "samples", "koriyama.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_plan_file_load (path, &error);
  gint64 one_time, running;

  g_assert_no_error (error);
  ikou_budget_system_totals (plan, NULL, ikou_plan_lookup_system (plan, 2), 2020, 2025,
                             &one_time, &running);
  g_assert_cmpint (one_time, ==, 8000);
  g_assert_cmpint (running, ==, 3000 + 2750 + 4 * 2000);

  /* A range after the contract: running costs only. */
  ikou_budget_system_totals (plan, NULL, ikou_plan_lookup_system (plan, 2), 2023, 2023,
                             &one_time, &running);
  g_assert_cmpint (one_time, ==, 0);
  g_assert_cmpint (running, ==, 2000);

  ikou_budget_system_totals (plan, NULL, ikou_plan_lookup_system (plan, 15), 2020, 2025,
                             &one_time, &running);
  g_assert_cmpint (one_time, ==, 3000);
  g_assert_cmpint (running, ==, 6 * 1000);

  ikou_budget_system_totals (plan, NULL, ikou_plan_lookup_system (plan, 1), 2020, 2025,
                             &one_time, &running);
  g_assert_cmpint (one_time, ==, 5000);
  g_assert_cmpint (running, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cost-chart/format", test_format);
  g_test_add_func ("/cost-chart/scale", test_scale);
  g_test_add_func ("/cost-chart/bars-follow-axis", test_bars_follow_axis);
  g_test_add_func ("/cost-chart/compare", test_compare);
  g_test_add_func ("/cost-chart/no-goal", test_no_goal);
  g_test_add_func ("/cost-chart/draw", test_draw);
  g_test_add_func ("/cost-chart/system-totals", test_system_totals);

  return g_test_run ();
}

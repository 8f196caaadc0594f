/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-finding.h"
#include "ikou-row-layer.h"
#include "ikou-test-util.h"

#define TOP 60.0
#define ROW_H 30.0

typedef struct
{
  IkouPlan         *plan;
  IkouTimeScale    *scale;
  IkouRenderText   *text;
  IkouMarkPainter  *painter;
  IkouFindingMarks *marks;
  IkouRowLayer     *layer;
} Fixture;

/* Two systems moving from host 1 to host 2; the second builds from
 * 2025-07-01 to its cut-over on 2026-04-01, its budget request on
 * 2024-12-01. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IkouHost) from = ikou_host_new (1, "庁内サーバ", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) to = ikou_host_new (2, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);

  f->plan = ikou_plan_new ();
  ikou_plan_add_host (f->plan, from);
  ikou_plan_add_host (f->plan, to);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(IkouSystem) system = ikou_system_new (0, i == 0 ? "住民記録" : "税務");
      g_autoptr(IkouStep) step = ikou_step_new ();

      ikou_system_set_host (system, 1);
      step->from_host = 1;
      step->to_host = 2;
      step->budget_date = ikou_test_ymd (2024, 12, 1);
      step->contract_date = ikou_test_ymd (2025, 7, 1);
      step->cutover_date = ikou_test_ymd (2026, 4, 1);
      ikou_system_insert_step (system, G_MAXUINT, step);
      ikou_plan_add_system (f->plan, system);
    }

  f->scale = ikou_time_scale_new ();
  ikou_time_scale_set_range (f->scale, ikou_test_ymd (2024, 4, 1), ikou_test_ymd (2027, 3, 31));
  f->text = ikou_render_text_new ();
  f->painter = ikou_mark_painter_new ();
  ikou_mark_painter_set_row_height (f->painter, ROW_H);
  f->marks = ikou_finding_marks_new ();
  f->layer = ikou_row_layer_new (f->scale, f->text, f->painter, f->marks);
  ikou_row_layer_set_plan (f->layer, f->plan);
  ikou_row_layer_set_row_height (f->layer, ROW_H);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->layer);
  g_clear_object (&f->marks);
  g_clear_object (&f->painter);
  g_clear_object (&f->text);
  g_clear_object (&f->scale);
  g_clear_object (&f->plan);
}

static double
x_of (Fixture *f,
      int      y,
      int      m,
      int      d)
{
  return ikou_time_scale_x_for_day (f->scale, ikou_test_ymd (y, m, d));
}

/* The cut-over mark of the second row, the bar before it, the row
 * elsewhere, nothing in the header or below the rows. */
static void
test_hit (Fixture       *f,
          gconstpointer  data)
{
  double cy = TOP + ROW_H * 1.5;
  double scroll_x = 100;
  IkouHit hit;

  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, 0,
                                          x_of (f, 2026, 4, 1) - scroll_x + 2, cy + 3, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpuint (hit.row, ==, 1);
  g_assert_cmpint (hit.step, ==, 0);
  g_assert_cmpint (hit.milestone, ==, IKOU_MILESTONE_CUTOVER);
  g_assert_true (hit.system == ikou_plan_get_system (f->plan, 1));

  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, 0,
                                          x_of (f, 2025, 11, 15) - scroll_x, cy, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_BUILD_BAR);
  g_assert_cmpint (hit.step, ==, 0);
  g_assert_cmpint (hit.day, ==, ikou_test_ymd (2025, 11, 15));

  /* Before the bar: the row itself. */
  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, 0,
                                          x_of (f, 2025, 3, 1) - scroll_x, cy, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_ROW);
  g_assert_cmpint (hit.step, ==, -1);

  /* Scrolled down by a row, the first row's place shows the second. */
  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, ROW_H,
                                          x_of (f, 2024, 12, 1) - scroll_x, TOP + ROW_H / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpuint (hit.row, ==, 1);
  g_assert_cmpint (hit.milestone, ==, IKOU_MILESTONE_BUDGET);

  g_assert_false (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, 0, 50, TOP - 1, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_NONE);
  g_assert_false (ikou_row_layer_hit_test (f->layer, TOP, scroll_x, 0, 50, TOP + 2 * ROW_H + 1, &hit));
}

/* The finding marker at the row's start is hit only when the system
 * has findings; a milestone under it still wins. */
static void
test_hit_finding (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  IkouSystem *system = ikou_plan_get_system (f->plan, 0);
  IkouHit hit;

  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, 0, 0, 3, TOP + ROW_H / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_ROW);

  g_ptr_array_add (findings, ikou_test_finding_new (ikou_system_get_id (system),
                                                    IKOU_SEVERITY_ERROR, -1, -1));
  ikou_finding_marks_set_all (f->marks, findings);

  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, 0, 0, 3, TOP + ROW_H / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_FINDING);
  g_assert_true (ikou_row_layer_hit_test (f->layer, TOP, 0, 0, 3, TOP + ROW_H * 1.5, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_ROW);
}

/* Only the rows of the viewport; a row that only touches the bottom
 * edge is not one of them. */
static void
test_visible_rows (Fixture       *f,
                   gconstpointer  data)
{
  guint first, n;

  g_assert_cmpuint (ikou_row_layer_get_n_rows (f->layer), ==, 2);
  ikou_row_layer_get_visible_rows (f->layer, TOP, 0, TOP + ROW_H, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 1);
  ikou_row_layer_get_visible_rows (f->layer, TOP, ROW_H / 2, TOP + ROW_H, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 2);
  ikou_row_layer_get_visible_rows (f->layer, TOP, 0, TOP / 2, &first, &n);
  g_assert_cmpuint (n, ==, 0);
  ikou_row_layer_get_visible_rows (f->layer, TOP, 0, 1000, &first, &n);
  g_assert_cmpuint (n, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/row-layer/hit", Fixture, NULL, fixture_set_up, test_hit, fixture_tear_down);
  g_test_add ("/row-layer/hit-finding", Fixture, NULL, fixture_set_up, test_hit_finding, fixture_tear_down);
  g_test_add ("/row-layer/visible-rows", Fixture, NULL, fixture_set_up, test_visible_rows, fixture_tear_down);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-renderer.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"

#define WIDTH 1200
#define HEIGHT 600

/* A GListModel that counts get_item() calls, around another model. ------- */

#define COUNTING_TYPE_MODEL (counting_model_get_type ())
G_DECLARE_FINAL_TYPE (CountingModel, counting_model, COUNTING, MODEL, GObject)

struct _CountingModel
{
  GObject     parent_instance;
  GListModel *inner;
  guint       n_get_item;
  guint       max_position;
};

static GType
counting_model_get_item_type (GListModel *model)
{
  return IKOU_TYPE_SYSTEM;
}

static guint
counting_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (COUNTING_MODEL (model)->inner);
}

static gpointer
counting_model_get_item (GListModel *model,
                         guint       position)
{
  CountingModel *self = COUNTING_MODEL (model);

  self->n_get_item++;
  self->max_position = MAX (self->max_position, position);
  return g_list_model_get_item (self->inner, position);
}

static void
counting_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = counting_model_get_item_type;
  iface->get_n_items = counting_model_get_n_items;
  iface->get_item = counting_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CountingModel, counting_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, counting_model_iface_init))

static void
counting_model_finalize (GObject *object)
{
  g_clear_object (&COUNTING_MODEL (object)->inner);
  G_OBJECT_CLASS (counting_model_parent_class)->finalize (object);
}

static void
counting_model_class_init (CountingModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = counting_model_finalize;
}

static void
counting_model_init (CountingModel *self)
{
}

static CountingModel *
counting_model_new (GListModel *inner)
{
  CountingModel *self = g_object_new (COUNTING_TYPE_MODEL, NULL);

  self->inner = g_object_ref (inner);
  return self;
}

/* Fixture ----------------------------------------------------------------- */

static void
add_system (IkouPlan   *plan,
            const char *name,
            guint       host,
            guint       to_host,
            IkouDay     budget,
            IkouDay     contract,
            IkouDay     cutover)
{
  IkouSystem *system = ikou_test_add_system (plan, name, host, to_host, budget, contract, cutover);

  ikou_system_set_department (system, "市民課");
}

static IkouPlan *
make_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouHost) h1 = ikou_host_new (1, "電算室内統合SV", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) h2 = ikou_host_new (2, "統合サーバ(クラウド)", IKOU_HOST_SHARED_CLOUD);
  g_autoptr(IkouHost) h3 = ikou_host_new (3, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);

  ikou_plan_set_title (plan, "テスト計画");
  ikou_plan_add_host (plan, h1);
  ikou_plan_add_host (plan, h2);
  ikou_plan_add_host (plan, h3);
  /* Row 0: cut-over 2026-01-01, build from 2025-04-01. */
  add_system (plan, "戸籍システム", 1, 3, ikou_test_ymd (2024, 10, 1), ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2026, 1, 1));
  add_system (plan, "介護保険システム", 1, 2, ikou_test_ymd (2024, 9, 1), ikou_test_ymd (2025, 7, 1), ikou_test_ymd (2026, 7, 1));
  add_system (plan, "選挙事務システム", 1, 2, ikou_test_ymd (2024, 11, 1), ikou_test_ymd (2025, 5, 1), ikou_test_ymd (2025, 10, 1));
  {
    IkouSystem *tokutei = ikou_plan_get_system (plan, 1);

    ikou_system_set_tokutei (tokutei, TRUE);
    ikou_system_set_tokutei_deadline (tokutei, ikou_test_ymd (2027, 3, 31));
  }
  return plan;
}

static IkouRenderer *
make_renderer (IkouPlan     *plan,
               IkouSchedule *schedule)
{
  IkouRenderer *renderer = ikou_renderer_new ();
  IkouRenderStyle style;

  ikou_render_style_init_default (&style);
  ikou_renderer_set_style (renderer, &style);
  ikou_render_style_clear (&style);
  ikou_renderer_set_plan (renderer, plan);
  ikou_renderer_set_schedule (renderer, schedule);
  ikou_renderer_set_today (renderer, ikou_test_ymd (2025, 6, 15));
  ikou_renderer_set_range (renderer, ikou_test_ymd (2024, 4, 1), ikou_test_ymd (2027, 3, 31));
  ikou_renderer_set_zoom (renderer, IKOU_ZOOM_MONTH);
  ikou_renderer_set_row_height (renderer, 28);
  return renderer;
}

static cairo_surface_t *
draw (IkouRenderer *renderer,
      double        scroll_x,
      double        scroll_y,
      double        width,
      double        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  ikou_renderer_draw (renderer, cr, scroll_x, scroll_y, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double          *r,
       double          *g,
       double          *b,
       double          *a)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  memcpy (&p, data + y * stride + x * 4, 4);
  *a = ((p >> 24) & 0xff) / 255.0;
  /* Un-premultiply. */
  *r = *a > 0 ? ((p >> 16) & 0xff) / 255.0 / *a : 0;
  *g = *a > 0 ? ((p >> 8) & 0xff) / 255.0 / *a : 0;
  *b = *a > 0 ? (p & 0xff) / 255.0 / *a : 0;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          const IkouColor *color,
          double           tolerance)
{
  double r, g, b, a;

  pixel (surface, x, y, &r, &g, &b, &a);
  return fabs (r - color->red) <= tolerance && fabs (g - color->green) <= tolerance &&
         fabs (b - color->blue) <= tolerance && a > 0.98;
}

/* Tests ------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  IkouDay first, last;

  ikou_renderer_get_range (renderer, &first, &last);
  g_assert_cmpint (first, ==, ikou_test_ymd (2024, 4, 1));
  g_assert_cmpint (last, ==, ikou_test_ymd (2027, 3, 31));
  g_assert_cmpfloat (ikou_renderer_x_for_day (renderer, first), ==, 0);
  g_assert_cmpfloat (ikou_renderer_get_content_width (renderer), >, 35 * 40);

  for (int zoom = 0; zoom < IKOU_N_ZOOMS; zoom++)
    {
      ikou_renderer_set_zoom (renderer, zoom);
      for (IkouDay d = first - 40; d <= last + 40; d++)
        {
          double x = ikou_renderer_x_for_day (renderer, d);

          g_assert_cmpint (ikou_renderer_day_for_x (renderer, x), ==, d);
          /* Anywhere within the day maps back to it. */
          g_assert_cmpint (ikou_renderer_day_for_x (renderer, x + ikou_renderer_get_px_per_day (renderer) * 0.99), ==, d);
        }
    }
  g_assert_cmpfloat (ikou_renderer_get_px_per_day (renderer), <, 0.5);

  ikou_renderer_set_px_per_day (renderer, 1.7);
  g_assert_cmpfloat (ikou_renderer_get_px_per_day (renderer), ==, 1.7);
  for (IkouDay d = first; d <= last; d += 7)
    g_assert_cmpint (ikou_renderer_day_for_x (renderer, ikou_renderer_x_for_day (renderer, d)), ==, d);
}

static void
test_pixels (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  IkouRenderStyle style;
  cairo_surface_t *surface;
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  double scroll_x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 1, 1));
  double x;
  int y;
  double r, g, b, a;
  GPtrArray *findings;
  IkouFinding finding = { 0 };

  ikou_render_style_init_default (&style);
  g_assert_cmpfloat (header_h, >, 30);

  /* A finding on the first system: a marker at the row start. */
  findings = g_ptr_array_new ();
  finding.rule = IKOU_RULE_DEADLINE_AT_RISK;
  finding.severity = IKOU_SEVERITY_WARNING;
  finding.system_id = ikou_system_get_id (ikou_plan_get_system (plan, 2));
  finding.step = -1;
  finding.milestone = -1;
  g_ptr_array_add (findings, &finding);
  ikou_renderer_set_findings (renderer, findings);

  surface = draw (renderer, scroll_x, 0, 1000, 400);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* The deadline line at the x of 2026-03-31, in the body, over row 0
   * above its bars. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 3, 31)) - scroll_x;
  y = (int) (header_h + 3);
  g_assert_true (pixel_is (surface, (int) round (x), y, &style.deadline, 0.02) ||
                 pixel_is (surface, (int) round (x) - 1, y, &style.deadline, 0.02));
  /* …and below the last row's middle, still on the line. */
  y = (int) (header_h + 2 * rh + 3);
  g_assert_true (pixel_is (surface, (int) round (x) - 1, y, &style.deadline, 0.02));
  /* Not a day away. */
  g_assert_false (pixel_is (surface, (int) round (x - 6), (int) (header_h + 3), &style.deadline, 0.1));

  /* The cut-over ▲ of row 0 (2026-01-01) at its x, centre of the row. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x;
  y = (int) (header_h + rh / 2);
  g_assert_true (pixel_is (surface, (int) round (x), y + 1, &style.milestone[IKOU_MILESTONE_CUTOVER], 0.05));
  /* The ◆ contract of row 1 (2025-07-01). */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 7, 1)) - scroll_x;
  y = (int) (header_h + rh + rh / 2);
  g_assert_true (pixel_is (surface, (int) round (x), y, &style.milestone[IKOU_MILESTONE_CONTRACT], 0.05));
  /* The build bar of row 0 between contract and cut-over. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 9, 1)) - scroll_x;
  y = (int) (header_h + rh / 2);
  g_assert_true (pixel_is (surface, (int) round (x) + 3, y, &style.build, 0.02));

  /* The finding marker of row 2 (warning) at the start of the row. */
  {
    gboolean found = FALSE;

    for (int px = 0; px < 16 && !found; px++)
      for (int py = (int) (header_h + 2 * rh); py < header_h + 3 * rh && !found; py++)
        found = pixel_is (surface, px, py, &style.warning, 0.02);
    g_assert_true (found);
  }

  /* Nothing drawn outside the viewport (height 400 of a 600 surface). */
  for (int py = 401; py < HEIGHT; py += 7)
    for (int px = 0; px < WIDTH; px += 13)
      {
        pixel (surface, px, py, &r, &g, &b, &a);
        g_assert_cmpfloat (a, ==, 0);
      }
  for (int py = 0; py < 400; py += 11)
    {
      pixel (surface, 1005, py, &r, &g, &b, &a);
      g_assert_cmpfloat (a, ==, 0);
    }
  cairo_surface_destroy (surface);

  /* Scrolled by one row: row 0 is gone, row 1's ◆ moves up by a row. */
  surface = draw (renderer, scroll_x, rh, 1000, 400);
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 7, 1)) - scroll_x;
  g_assert_true (pixel_is (surface, (int) round (x), (int) (header_h + rh / 2),
                           &style.milestone[IKOU_MILESTONE_CONTRACT], 0.05));
  cairo_surface_destroy (surface);

  /* Selection: the row gets the selection colour behind its content. */
  ikou_renderer_set_selected (renderer, ikou_system_get_id (ikou_plan_get_system (plan, 0)));
  surface = draw (renderer, scroll_x, 0, 1000, 400);
  pixel (surface, 500, (int) (header_h + 2), &r, &g, &b, &a);
  {
    IkouColor expected = {
      style.selection.red * style.selection.alpha + (1 - style.selection.alpha),
      style.selection.green * style.selection.alpha + (1 - style.selection.alpha),
      style.selection.blue * style.selection.alpha + (1 - style.selection.alpha),
      1,
    };
    g_assert_true (pixel_is (surface, 500, (int) (header_h + 2), &expected, 0.03));
  }
  cairo_surface_destroy (surface);

  ikou_renderer_set_findings (renderer, NULL);
  g_ptr_array_unref (findings);
  ikou_render_style_clear (&style);
}

/* The pixels of @a and @b that differ inside the rectangle. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              y0,
                   int              x1,
                   int              y1)
{
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      if (memcmp (da + y * stride + x * 4, db + y * stride + x * 4, 4) != 0)
        n++;
  return n;
}

/* 経過措置: a mark just after the standard-compliant cut-over and a dotted
 * line to the planned completion, in that row only. */
static void
test_transitional_mark (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  IkouSystem *system = ikou_plan_get_system (plan, 0);
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  double scroll_x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 1, 1));
  int cut = (int) (ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x);
  int done = (int) (ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 9, 1)) - scroll_x);
  cairo_surface_t *before, *after;

  before = draw (renderer, scroll_x, 0, 1000, 400);
  ikou_system_set_transitional (system, TRUE);
  ikou_system_set_transitional_completion (system, ikou_test_ymd (2026, 9, 1));
  after = draw (renderer, scroll_x, 0, 1000, 400);

  /* The mark and the line, in the lower part of row 0, up to the tick. */
  g_assert_cmpuint (count_differences (before, after, cut, (int) header_h, cut + 14,
                                       (int) (header_h + rh)), >, 4);
  g_assert_cmpuint (count_differences (before, after, (cut + done) / 2, (int) header_h,
                                       (cut + done) / 2 + 12, (int) (header_h + rh)), >, 0);
  g_assert_cmpuint (count_differences (before, after, done - 2, (int) header_h, done + 3,
                                       (int) (header_h + rh)), >, 2);
  /* Nothing after the completion, nothing in the other rows or the header. */
  g_assert_cmpuint (count_differences (before, after, done + 4, 0, WIDTH, HEIGHT), ==, 0);
  g_assert_cmpuint (count_differences (before, after, 0, 0, WIDTH, (int) header_h), ==, 0);
  g_assert_cmpuint (count_differences (before, after, 0, (int) (header_h + rh) + 1, WIDTH,
                                       HEIGHT), ==, 0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static void
test_hit (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  double scroll_x = 100;
  double x;
  IkouHit hit;
  GPtrArray *findings;
  IkouFinding finding = { 0 };

  /* The cut-over of row 0, hit from 4 px away. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x;
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, 0, x + 4, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpint (hit.milestone, ==, IKOU_MILESTONE_CUTOVER);
  g_assert_cmpint (hit.step, ==, 0);
  g_assert_cmpuint (hit.row, ==, 0);
  g_assert_true (hit.system == ikou_plan_get_system (plan, 0));

  /* The budget ★ of row 1 from the left. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2024, 9, 1)) - scroll_x;
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, 0, x - 5, header_h + rh * 1.5, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpint (hit.milestone, ==, IKOU_MILESTONE_BUDGET);
  g_assert_cmpuint (hit.row, ==, 1);

  /* The build bar of row 0, away from its marks. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 9, 1)) - scroll_x;
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, 0, x, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_BUILD_BAR);
  g_assert_cmpint (hit.step, ==, 0);
  g_assert_cmpint (hit.day, ==, ikou_test_ymd (2025, 9, 1));

  /* The row, outside the bar. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 9, 1)) - scroll_x;
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, 0, x, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_ROW);
  g_assert_cmpint (hit.step, ==, -1);

  /* Same thing scrolled down a row: row 1 is now at the top. */
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2024, 9, 1)) - scroll_x;
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, rh, x, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpuint (hit.row, ==, 1);

  /* Header and below the last row: nothing. */
  g_assert_false (ikou_renderer_hit_test (renderer, scroll_x, 0, 100, header_h / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_NONE);
  g_assert_false (ikou_renderer_hit_test (renderer, scroll_x, 0, 100, header_h + rh * 3 + 2, &hit));

  /* The finding marker. */
  findings = g_ptr_array_new ();
  finding.rule = IKOU_RULE_DEADLINE_MISSED;
  finding.severity = IKOU_SEVERITY_ERROR;
  finding.system_id = ikou_system_get_id (ikou_plan_get_system (plan, 0));
  finding.step = 0;
  finding.milestone = IKOU_MILESTONE_CUTOVER;
  g_ptr_array_add (findings, &finding);
  ikou_renderer_set_findings (renderer, findings);
  g_assert_true (ikou_renderer_hit_test (renderer, scroll_x, 0, 5, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_FINDING);
  ikou_renderer_set_findings (renderer, NULL);
  g_ptr_array_unref (findings);
}

/* The milestones @hit_test finds along row @row from @x0 to @x1. */
static guint
milestones_found (IkouRenderer *renderer,
                  guint         row,
                  double        x0,
                  double        x1)
{
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  guint found = 0;

  for (double x = x0; x <= x1; x += 0.5)
    {
      IkouHit hit;

      if (ikou_renderer_hit_test (renderer, 0, 0, x, header_h + rh * (row + 0.5), &hit) &&
          hit.kind == IKOU_HIT_MILESTONE)
        found |= 1u << hit.milestone;
    }
  return found;
}

/* ★ and ◆ on one day, or in neighbouring months at the fiscal-year
 * zoom, are drawn side by side: the pointer finds each, the ★ at its day. */
static void
test_marks_side_by_side (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = NULL;
  guint both = (1u << IKOU_MILESTONE_BUDGET) | (1u << IKOU_MILESTONE_CONTRACT);
  double x;

  add_system (plan, "同月システム", 1, 2, ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2026, 1, 1));
  add_system (plan, "隣月システム", 1, 2, ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2025, 5, 1), ikou_test_ymd (2026, 1, 1));
  renderer = make_renderer (plan, schedule);

  for (int zoom = 0; zoom < IKOU_N_ZOOMS; zoom++)
    {
      ikou_renderer_set_zoom (renderer, zoom);
      x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2025, 4, 1));
      g_assert_cmpuint (milestones_found (renderer, 3, x - 6, x + 40), ==, both);
      g_assert_cmpuint (milestones_found (renderer, 3, x - 1, x + 1), ==, 1u << IKOU_MILESTONE_BUDGET);
      g_assert_cmpuint (milestones_found (renderer, 4, x - 6, x + 40), ==, both);
    }
}

static IkouPlan *
make_big_plan (guint n)
{
  IkouPlan *plan = ikou_test_plan_new_two_hosts ();

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("システム%05u", i);
      guint shift = i % 12;

      add_system (plan, name, 1, 2, ikou_day_add_months (ikou_test_ymd (2024, 9, 1), shift),
                  ikou_day_add_months (ikou_test_ymd (2025, 4, 1), shift),
                  ikou_day_add_months (ikou_test_ymd (2025, 12, 1), shift));
    }
  ikou_plan_end_bulk (plan);
  return plan;
}

static double
time_frame (IkouRenderer *renderer,
            double        scroll_y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  gint64 best = G_MAXINT64;

  /* Warm the caches once, then take the best of a few frames. */
  ikou_renderer_draw (renderer, cr, 600, scroll_y, 1920, 1080);
  for (int i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ikou_renderer_draw (renderer, cr, 600 + i, scroll_y, 1920, 1080);
      best = MIN (best, g_get_monotonic_time () - start);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return best / 1000.0;
}

static void
test_large (void)
{
  const guint n = 34592;
  g_autoptr(IkouPlan) plan = make_big_plan (n);
  g_autoptr(IkouPlan) small = make_big_plan (17);
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  g_autoptr(CountingModel) rows = counting_model_new (G_LIST_MODEL (plan));
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  guint visible = (guint) ceil ((1080 - header_h) / rh);
  guint first, n_visible;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scroll_y = 20000.5 * rh;
  double ms_large, ms_small;

  ikou_renderer_set_rows (renderer, G_LIST_MODEL (rows));
  g_assert_cmpuint (ikou_renderer_get_n_rows (renderer), ==, n);

  ikou_renderer_get_visible_rows (renderer, scroll_y, 1080, &first, &n_visible);
  g_assert_cmpuint (first, ==, 20000);
  g_assert_cmpuint (n_visible, <=, visible + 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  ikou_renderer_draw (renderer, cr, 600, scroll_y, 1920, 1080);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (rows->n_get_item, ==, n_visible);
  g_assert_cmpuint (rows->n_get_item, <=, visible + 1);
  g_assert_cmpuint (rows->max_position, <, 20000 + visible + 1);

  /* Near the end: no item past the end is asked for. */
  rows->n_get_item = 0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  ikou_renderer_draw (renderer, cr, 0, (n - 3) * rh, 1920, 1080);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (rows->n_get_item, ==, 3);
  g_assert_cmpuint (rows->max_position, ==, n - 1);

  /* Figures, printed, not asserted. */
  ms_large = time_frame (renderer, scroll_y);
  ikou_renderer_set_rows (renderer, NULL);
  ikou_renderer_set_plan (renderer, small);
  ms_small = time_frame (renderer, 0);
  g_test_message ("one 1920x1080 frame: %.2f ms at 17 rows, %.2f ms at %u rows",
                  ms_small, ms_large, n);
}

static void
test_legend (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double measured, drawn, narrow;
  double r, g, b, a;

  measured = ikou_renderer_draw_legend (renderer, NULL, 0, 0, 1100);
  drawn = ikou_renderer_draw_legend (renderer, cr, 10, 10, 1100);
  narrow = ikou_renderer_draw_legend (renderer, NULL, 0, 0, 300);
  g_assert_cmpfloat (measured, >, 10);
  g_assert_cmpfloat (measured, ==, drawn);
  g_assert_cmpfloat (narrow, >, measured);   /* wraps into more lines */
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Something was drawn inside the legend's box, nothing below it. */
  pixel (surface, 10 + 5, (int) (10 + 8), &r, &g, &b, &a);
  g_assert_cmpfloat (a, >, 0);
  pixel (surface, 200, (int) (10 + drawn + 5), &r, &g, &b, &a);
  g_assert_cmpfloat (a, ==, 0);
  cairo_surface_destroy (surface);
}

/* The text a draw of the header writes, as pdftotext reads it back from
 * a PDF (the labels are text there, not pixels); NULL without poppler. */
static char *
header_text (IkouRenderer *renderer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  double height = ikou_renderer_get_header_height (renderer);
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;
  int fd;

  if (pdftotext == NULL)
    return NULL;

  fd = g_file_open_tmp ("ikou-renderer-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  surface = cairo_pdf_surface_create (path, WIDTH, height);
  cr = cairo_create (surface);
  ikou_renderer_draw (renderer, cr, 0, 0, WIDTH, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_unlink (path);

  return g_steal_pointer (&out);
}

/* The schedule band names the phases in the interface's language: the
 * default style follows the locale, and an English style draws label_en. */
static void
test_phase_labels (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english = NULL;
  g_autofree char *japanese = NULL;
  IkouDay first = ikou_test_ymd (2020, 4, 1);
  IkouDay last = ikou_test_ymd (2031, 3, 31);
  IkouRenderStyle style;

  /* LANGUAGE comes first in g_get_language_names(). */
  g_setenv ("LANGUAGE", "ja_JP", TRUE);
  g_assert_true (ikou_locale_is_japanese ());
  ikou_render_style_init_default (&style);
  g_assert_true (style.japanese_labels);
  ikou_render_style_clear (&style);

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_false (ikou_locale_is_japanese ());
  ikou_render_style_init_default (&style);
  g_assert_false (style.japanese_labels);
  ikou_render_style_clear (&style);

  /* Only the first language counts, and "ja" is a whole subtag. */
  g_setenv ("LANGUAGE", "en:ja", TRUE);
  g_assert_false (ikou_locale_is_japanese ());
  g_setenv ("LANGUAGE", "jam", TRUE);
  g_assert_false (ikou_locale_is_japanese ());
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_true (ikou_locale_is_japanese ());

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* All the phases in view, each wide enough for its label. */
  ikou_renderer_set_range (renderer, first, last);
  ikou_renderer_set_px_per_day (renderer, (WIDTH - 20.0) / (last - first + 1));

  ikou_render_style_init_default (&style);
  style.japanese_labels = FALSE;
  ikou_renderer_set_style (renderer, &style);
  english = header_text (renderer);
  if (english == NULL)
    {
      ikou_render_style_clear (&style);
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      return;
    }
  g_assert_nonnull (strstr (english, "Standard specifications"));
  g_assert_nonnull (strstr (english, "Migration support period"));
  g_assert_nonnull (strstr (english, "Specified migration support"));
  g_assert_null (strstr (english, "移行支援期間"));
  g_assert_null (strstr (english, "標準仕様書の作成"));

  /* The same renderer, the style switched: the cached labels follow. */
  style.japanese_labels = TRUE;
  ikou_renderer_set_style (renderer, &style);
  ikou_render_style_clear (&style);
  japanese = header_text (renderer);
  g_assert_nonnull (japanese);
  g_assert_nonnull (strstr (japanese, "標準仕様書の作成"));
  g_assert_nonnull (strstr (japanese, "移行支援期間"));
  g_assert_nonnull (strstr (japanese, "特定移行支援"));
  g_assert_null (strstr (japanese, "Migration support period"));
}

static void
test_scenario (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) renderer = make_renderer (plan, schedule);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("遅延");
  guint id = ikou_system_get_id (ikou_plan_get_system (plan, 0));
  double header_h = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  IkouHit hit;
  double x;

  /* The scenario moves row 0's cut-over to 2026-06-01: drawn and hit there. */
  ikou_scenario_set_override (scenario, id, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 6, 1));
  ikou_renderer_set_scenario (renderer, scenario);
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 6, 1));
  g_assert_true (ikou_renderer_hit_test (renderer, 0, 0, x, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_MILESTONE);
  g_assert_cmpint (hit.milestone, ==, IKOU_MILESTONE_CUTOVER);
  x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 1, 1));
  g_assert_true (ikou_renderer_hit_test (renderer, 0, 0, x, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_BUILD_BAR);

  {
    IkouRenderStyle style;
    cairo_surface_t *surface = draw (renderer, 400, 0, 1200, 300);

    ikou_render_style_init_default (&style);
    x = ikou_renderer_x_for_day (renderer, ikou_test_ymd (2026, 6, 1)) - 400;
    g_assert_true (pixel_is (surface, (int) round (x), (int) (header_h + rh / 2) + 1,
                             &style.milestone[IKOU_MILESTONE_CUTOVER], 0.05));
    ikou_render_style_clear (&style);
    cairo_surface_destroy (surface);
  }
}

/* Whether two drawings of the same area are the same, byte for byte. */
static gboolean
same_drawing (IkouRenderer *a,
              IkouRenderer *b)
{
  cairo_surface_t *sa = draw (a, 300, 0, 1000, 300);
  cairo_surface_t *sb = draw (b, 300, 0, 1000, 300);
  int stride = cairo_image_surface_get_stride (sa);
  gboolean same;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (sb));
  same = memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb),
                 (gsize) stride * HEIGHT) == 0;
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return same;
}

#define assert_same_drawing(a, b) g_assert_true (same_drawing ((a), (b)))

/* The findings of @all that belong to @system_id, borrowed. */
static GPtrArray *
findings_of (GPtrArray *all,
             guint      system_id)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (((IkouFinding *) g_ptr_array_index (all, i))->system_id == system_id)
      g_ptr_array_add (out, g_ptr_array_index (all, i));
  return out;
}

/* ikou_renderer_set_system_findings() per system draws what
 * ikou_renderer_set_findings() with all of them draws, and replacing one
 * system's findings leaves the others' markers alone. */
static void
test_system_findings (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouRenderer) full = make_renderer (plan, schedule);
  g_autoptr(IkouRenderer) incremental = make_renderer (plan, schedule);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  guint ids[3];
  double header_h = ikou_renderer_get_header_height (full);
  double rh = ikou_renderer_get_row_height (full);
  IkouHit hit;

  for (guint i = 0; i < 3; i++)
    ids[i] = ikou_system_get_id (ikou_plan_get_system (plan, i));

  /* Row 0: a warning on its cut-over and an error on the system; row 1:
   * an info and a warning on the same contract mark (the warning wins);
   * row 2: nothing. */
  g_ptr_array_add (all, ikou_test_finding_new (ids[0], IKOU_SEVERITY_WARNING, 0, IKOU_MILESTONE_CUTOVER));
  g_ptr_array_add (all, ikou_test_finding_new (ids[0], IKOU_SEVERITY_ERROR, -1, -1));
  g_ptr_array_add (all, ikou_test_finding_new (ids[1], IKOU_SEVERITY_INFO, 0, IKOU_MILESTONE_CONTRACT));
  g_ptr_array_add (all, ikou_test_finding_new (ids[1], IKOU_SEVERITY_WARNING, 0, IKOU_MILESTONE_CONTRACT));

  /* The markers show: the comparisons below can fail. */
  ikou_renderer_set_findings (full, all);
  g_assert_false (same_drawing (full, incremental));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) mine = findings_of (all, ids[i]);

      ikou_renderer_set_system_findings (incremental, ids[i], mine->len > 0 ? mine : NULL);
    }
  assert_same_drawing (full, incremental);

  /* The finding marker of row 0 is there. */
  g_assert_true (ikou_renderer_hit_test (incremental, 0, 0, 4, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_FINDING);

  /* Row 0's findings go (an edit fixed them), row 2 gets one. */
  g_ptr_array_remove_index (all, 0);
  g_ptr_array_remove_index (all, 0);
  g_ptr_array_add (all, ikou_test_finding_new (ids[2], IKOU_SEVERITY_ERROR, 0, IKOU_MILESTONE_CUTOVER));
  ikou_renderer_set_findings (full, all);
  ikou_renderer_set_system_findings (incremental, ids[0], none);
  g_assert_false (same_drawing (full, incremental));
  {
    g_autoptr(GPtrArray) mine = findings_of (all, ids[2]);

    ikou_renderer_set_system_findings (incremental, ids[2], mine);
  }
  assert_same_drawing (full, incremental);
  g_assert_true (ikou_renderer_hit_test (incremental, 0, 0, 4, header_h + rh / 2, &hit));
  g_assert_cmpint (hit.kind, !=, IKOU_HIT_FINDING);
  g_assert_true (ikou_renderer_hit_test (incremental, 0, 0, 4, header_h + 2 * rh + rh / 2, &hit));
  g_assert_cmpint (hit.kind, ==, IKOU_HIT_FINDING);

  /* A whole replacement drops every system's markers. */
  ikou_renderer_set_findings (incremental, NULL);
  ikou_renderer_set_findings (full, none);
  assert_same_drawing (full, incremental);
  g_assert_true (ikou_renderer_hit_test (incremental, 0, 0, 4, header_h + 2 * rh + rh / 2, &hit));
  g_assert_cmpint (hit.kind, !=, IKOU_HIT_FINDING);

  /* The array is not kept: freeing it after the call is fine. */
  {
    GPtrArray *temporary = findings_of (all, ids[1]);

    ikou_renderer_set_system_findings (incremental, ids[1], temporary);
    g_ptr_array_unref (temporary);
    ikou_renderer_set_findings (full, all);
    ikou_renderer_set_system_findings (full, ids[2], NULL);
    assert_same_drawing (full, incremental);
  }
}

/* Marks on raster targets ------------------------------------------------ */

/* The sample plan's renderer with row 0's cut-over ringed: an error
 * ring (@finding) and the selection ring; the default style, to read
 * the colours from. */
typedef struct
{
  IkouPlan        *plan;
  IkouSchedule    *schedule;
  IkouFinding      finding;
  IkouRenderer    *renderer;
  IkouRenderStyle  style;
} Ringed;

static void
ringed_set_up (Ringed        *fx,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  guint id;

  fx->plan = make_plan ();
  fx->schedule = ikou_test_load_schedule ();
  fx->renderer = make_renderer (fx->plan, fx->schedule);
  id = ikou_system_get_id (ikou_plan_get_system (fx->plan, 0));
  memset (&fx->finding, 0, sizeof fx->finding);
  fx->finding.rule = IKOU_RULE_DEADLINE_MISSED;
  fx->finding.severity = IKOU_SEVERITY_ERROR;
  fx->finding.system_id = id;
  fx->finding.step = 0;
  fx->finding.milestone = IKOU_MILESTONE_CUTOVER;
  g_ptr_array_add (findings, &fx->finding);
  ikou_renderer_set_findings (fx->renderer, findings);
  ikou_renderer_set_selected (fx->renderer, id);
  ikou_renderer_set_selected_milestone (fx->renderer, 0, IKOU_MILESTONE_CUTOVER);
  ikou_render_style_init_default (&fx->style);
}

static void
ringed_tear_down (Ringed        *fx,
                  gconstpointer  data)
{
  ikou_render_style_clear (&fx->style);
  g_object_unref (fx->renderer);
  g_object_unref (fx->schedule);
  g_object_unref (fx->plan);
}

/* The longest run of pixels of @color going up from (@x, @y0) to @y1. */
static int
run_up (cairo_surface_t *surface,
        int              x,
        int              y0,
        int              y1,
        const IkouColor *color)
{
  int best = 0, run = 0;

  for (int y = y0; y >= y1; y--)
    {
      run = pixel_is (surface, x, y, color, 0.02) ? run + 1 : 0;
      best = MAX (best, run);
    }
  return best;
}

/* The rings and the mark land where the shapes would: the error ring at
 * r + 2.5 around the mark's centre, the selection ring outside it, the
 * ring centred on the day's x within a pixel; the finding marker. */
static void
test_mark_sprites (Ringed        *fx,
                   gconstpointer  data)
{
  IkouColor selection;
  double header_h = ikou_renderer_get_header_height (fx->renderer);
  double rh = ikou_renderer_get_row_height (fx->renderer);
  double scroll_x = ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2025, 1, 1));
  double x = ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x;
  int cx = (int) round (x);
  int cy = (int) (header_h + rh / 2);
  int left = -1, right = -1;
  cairo_surface_t *surface;

  selection = fx->style.selection;
  selection.alpha = 1;
  g_assert_cmpfloat (header_h + rh / 2, ==, cy);   /* the rows are on whole pixels */

  surface = draw (fx->renderer, scroll_x, 0, 1000, 400);
  /* The mark (▲ 0.8 r below the centre, r = 8.1), then the error ring
   * [r + 1.5, r + 3.5] above it, then the selection ring [r + 3.25, r + 5.75]. */
  g_assert_true (pixel_is (surface, cx, cy + 1, &fx->style.milestone[IKOU_MILESTONE_CUTOVER], 0.05));
  g_assert_true (pixel_is (surface, cx, cy - 11, &fx->style.error, 0.02));
  g_assert_true (pixel_is (surface, cx, cy - 13, &selection, 0.02));
  g_assert_false (pixel_is (surface, cx, cy - 16, &selection, 0.3));
  /* Centred on x: the selection ring's sides on the centre row. */
  for (int px = cx - 18; px <= cx + 18; px++)
    if (pixel_is (surface, px, cy, &selection, 0.02))
      {
        if (left < 0)
          left = px;
        right = px;
      }
  g_assert_cmpint (left, >=, 0);
  g_assert_cmpfloat (fabs ((left + right + 1) / 2.0 - x), <=, 1.0);
  cairo_surface_destroy (surface);

  /* The same mark without its finding: no ring, same place. */
  ikou_renderer_set_findings (fx->renderer, NULL);
  surface = draw (fx->renderer, scroll_x, 0, 1000, 400);
  g_assert_true (pixel_is (surface, cx, cy + 1, &fx->style.milestone[IKOU_MILESTONE_CUTOVER], 0.05));
  g_assert_false (pixel_is (surface, cx, cy - 11, &fx->style.error, 0.3));
  g_assert_true (pixel_is (surface, cx, cy - 13, &selection, 0.02));
  cairo_surface_destroy (surface);
}

/* A new style, row height or scale is drawn with new marks, not with the
 * bitmaps of the previous draw. */
static void
test_mark_sprites_follow (Ringed        *fx,
                          gconstpointer  data)
{
  IkouColor violet = { 0.5, 0.0, 1.0, 1.0 };
  double header_h = ikou_renderer_get_header_height (fx->renderer);
  double scroll_x = ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2025, 1, 1));
  int cx = (int) round (ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x);
  int cy = (int) (header_h + 14);
  cairo_surface_t *surface;

  surface = draw (fx->renderer, scroll_x, 0, 1000, 400);
  g_assert_true (pixel_is (surface, cx, cy + 1, &fx->style.milestone[IKOU_MILESTONE_CUTOVER], 0.05));
  g_assert_true (pixel_is (surface, cx, cy - 11, &fx->style.error, 0.02));
  cairo_surface_destroy (surface);

  fx->style.milestone[IKOU_MILESTONE_CUTOVER] = violet;
  ikou_renderer_set_style (fx->renderer, &fx->style);
  surface = draw (fx->renderer, scroll_x, 0, 1000, 400);
  g_assert_true (pixel_is (surface, cx, cy + 1, &violet, 0.02));
  cairo_surface_destroy (surface);

  /* Rows of 20: marks of 12.4 (r 6.2), the error ring at [7.7, 9.7]. */
  ikou_renderer_set_row_height (fx->renderer, 20);
  cy = (int) (header_h + 10);
  surface = draw (fx->renderer, scroll_x, 0, 1000, 400);
  g_assert_true (pixel_is (surface, cx, cy - 9, &fx->style.error, 0.02));
  g_assert_false (pixel_is (surface, cx, cy - 11, &fx->style.error, 0.3));
  cairo_surface_destroy (surface);
}

/* At scale 2 (a HiDPI window: recorded at 1, rasterized at 2; or a PNG at
 * 144 dpi) the marks are made at 2, not made at 1, blown up and blurred. */
static void
test_mark_sprites_hidpi (Ringed        *fx,
                         gconstpointer  data)
{
  double header_h = ikou_renderer_get_header_height (fx->renderer);
  double scroll_x = ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2025, 1, 1));
  int cx = (int) round (2 * (ikou_renderer_x_for_day (fx->renderer, ikou_test_ymd (2026, 1, 1)) - scroll_x));
  int cy = (int) (2 * (header_h + 14));

  for (int widget = 0; widget < 2; widget++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2000, 800);
      cairo_t *cr;

      if (widget)
        {
          /* What GTK does with gtk_snapshot_append_cairo(). */
          cairo_surface_t *recording =
            cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                            &(cairo_rectangle_t) { 0, 0, 1000, 400 });

          cr = cairo_create (recording);
          ikou_renderer_set_scale_factor (fx->renderer, 2);
          ikou_renderer_draw (fx->renderer, cr, scroll_x, 0, 1000, 400);
          cairo_destroy (cr);
          cairo_surface_set_device_scale (surface, 2, 2);
          cr = cairo_create (surface);
          cairo_set_source_surface (cr, recording, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
          cairo_surface_destroy (recording);
        }
      else
        {
          cr = cairo_create (surface);
          cairo_scale (cr, 2, 2);
          ikou_renderer_draw (fx->renderer, cr, scroll_x, 0, 1000, 400);
          cairo_destroy (cr);
        }
      cairo_surface_flush (surface);

      /* The error ring's band above the centre that the selection ring
       * leaves, [2 r + 3, 2 r + 6.5]: two whole rows of device pixels
       * (a ring made at 1 and scaled up has none). */
      g_assert_cmpint (run_up (surface, cx, cy - 16, cy - 28, &fx->style.error), >=, 2);
      g_assert_true (pixel_is (surface, cx, cy + 2, &fx->style.milestone[IKOU_MILESTONE_CUTOVER],
                               0.05));
      cairo_surface_destroy (surface);
    }
  ikou_renderer_set_scale_factor (fx->renderer, 1);}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
pdf_has_image (GByteArray *pdf)
{
  const char *needle = "/Subtype /Image";
  gsize n = strlen (needle);

  /* Not g_strstr_len(): the compressed streams hold NUL bytes. */
  for (gsize i = 0; i + n <= pdf->len; i++)
    if (memcmp (pdf->data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Vector targets get the shapes, never bitmaps. */
static void
test_mark_sprites_vector (Ringed        *fx,
                          gconstpointer  data)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) control = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_surface_t *image;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 1000, 400);
  cr = cairo_create (surface);
  ikou_renderer_draw (fx->renderer, cr, 300, 0, 1000, 400);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_false (pdf_has_image (pdf));

  /* The check can fail: a bitmap does show. */
  surface = cairo_pdf_surface_create_for_stream (append_cb, control, 100, 100);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cr = cairo_create (image);
  cairo_arc (cr, 4, 4, 3, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, image, 10, 10);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
  g_assert_true (pdf_has_image (control));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/round-trip", test_round_trip);
  g_test_add_func ("/renderer/pixels", test_pixels);
  g_test_add_func ("/renderer/hit", test_hit);
  g_test_add_func ("/renderer/marks-side-by-side", test_marks_side_by_side);
  g_test_add_func ("/renderer/transitional-mark", test_transitional_mark);
  g_test_add_func ("/renderer/scenario", test_scenario);
  g_test_add_func ("/renderer/legend", test_legend);
  g_test_add_func ("/renderer/phase-labels", test_phase_labels);
  g_test_add_func ("/renderer/system-findings", test_system_findings);
#define ADD_RINGED(path, func) \
  g_test_add (path, Ringed, NULL, ringed_set_up, func, ringed_tear_down)
  ADD_RINGED ("/renderer/mark-sprites", test_mark_sprites);
  ADD_RINGED ("/renderer/mark-sprites/follow", test_mark_sprites_follow);
  ADD_RINGED ("/renderer/mark-sprites/hidpi", test_mark_sprites_hidpi);
  ADD_RINGED ("/renderer/mark-sprites/vector", test_mark_sprites_vector);
  g_test_add_func ("/renderer/large", test_large);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-legend.h"
#include "ikou-test-util.h"

static IkouLegend *
make_legend (double font_size)
{
  g_autoptr(IkouRenderText) text = ikou_render_text_new ();
  g_autoptr(IkouMarkPainter) painter = ikou_mark_painter_new ();
  IkouLegend *legend = ikou_legend_new (text, painter);
  IkouRenderStyle style;

  ikou_render_style_init_default (&style);
  style.font_size = font_size;
  ikou_render_text_set_font (text, style.font_family, style.font_size);
  ikou_mark_painter_set_style (painter, &style);
  ikou_legend_set_style (legend, &style);
  ikou_render_style_clear (&style);
  return legend;
}

/* Rows of a line each: narrower means more rows, a bigger font taller
 * ones; a wide enough space holds every item on one line. */
static void
test_size (void)
{
  g_autoptr(IkouLegend) legend = make_legend (10);
  g_autoptr(IkouLegend) big = make_legend (20);
  double one_line = ikou_legend_draw (legend, NULL, 0, 0, 100000);
  double wide = ikou_legend_draw (legend, NULL, 0, 0, 1200);
  double narrow = ikou_legend_draw (legend, NULL, 0, 0, 300);
  double tiny = ikou_legend_draw (legend, NULL, 0, 0, 1);

  g_assert_cmpfloat (one_line, >, 10);
  g_assert_cmpfloat (one_line, <, 30);
  g_assert_cmpfloat (wide, >, one_line);
  g_assert_cmpfloat (narrow, >, wide);
  /* One item per line: 5 host kinds, the build period, 3 milestones,
   * today, the deadline, 特定移行支援, 経過措置, 3 severities. */
  g_assert_cmpfloat (fabs (tiny - 16 * one_line), <, 1e-6);
  g_assert_cmpfloat (ikou_legend_draw (big, NULL, 0, 0, 1200), >, wide);
}

/* Drawing gives the height measuring gave, and the ink stays inside. */
static void
test_draw (void)
{
  g_autoptr(IkouLegend) legend = make_legend (12);
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  int width = 500, height = 300, top = 20;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  double measured, drawn;
  const guint8 *data;
  int stride;
  guint above = 0, inside = 0, below = 0;

  measured = ikou_legend_draw (legend, NULL, 0, 0, 400);
  ikou_legend_set_schedule (legend, schedule);
  /* The deadline's date makes its item longer, never shorter. */
  g_assert_cmpfloat (ikou_legend_draw (legend, NULL, 0, 0, 400), >=, measured);
  measured = ikou_legend_draw (legend, NULL, 0, 0, 400);
  drawn = ikou_legend_draw (legend, cr, 10, top, 400);
  g_assert_cmpfloat (drawn, ==, measured);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (data[y * stride + 4 * x + 3] == 0)
          continue;
        if (y < top - 1)
          above++;
        else if (y > top + drawn + 1)
          below++;
        else
          inside++;
      }
  g_assert_cmpuint (inside, >, 1000);
  g_assert_cmpuint (above, ==, 0);
  g_assert_cmpuint (below, ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legend/size", test_size);
  g_test_add_func ("/legend/draw", test_draw);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-calendar.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"
#include "ikou-time-header.h"

typedef struct
{
  IkouTimeScale   *scale;
  IkouRenderText  *text;
  IkouTimeHeader  *header;
  IkouRenderStyle  style;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->scale = ikou_time_scale_new ();
  ikou_time_scale_set_range (f->scale, ikou_test_ymd (2024, 4, 1), ikou_test_ymd (2027, 3, 31));
  f->text = ikou_render_text_new ();
  ikou_render_style_init_default (&f->style);
  ikou_render_text_set_font (f->text, f->style.font_family, f->style.font_size);
  f->header = ikou_time_header_new (f->scale, f->text);
  ikou_time_header_set_style (f->header, &f->style);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->header);
  g_clear_object (&f->text);
  g_clear_object (&f->scale);
  ikou_render_style_clear (&f->style);
}

/* The four rows of the header grow with the font and with overlapping
 * phases of the schedule. */
static void
test_height (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  double plain, bigger, with_schedule;

  g_assert_no_error (error);
  plain = ikou_time_header_get_height (f->header);
  /* Four rows of at least a line each. */
  g_assert_cmpfloat (plain, >=, 4 * ikou_render_text_get_line_height (f->text, IKOU_FONT_SMALL));
  g_assert_cmpfloat (plain, ==, round (plain));

  ikou_time_header_set_schedule (f->header, schedule);
  with_schedule = ikou_time_header_get_height (f->header);
  g_assert_cmpfloat (with_schedule, >=, plain);

  f->style.font_size = 24;
  ikou_render_text_set_font (f->text, f->style.font_family, f->style.font_size);
  ikou_time_header_set_style (f->header, &f->style);
  bigger = ikou_time_header_get_height (f->header);
  g_assert_cmpfloat (bigger, >, 1.5 * with_schedule);
}

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          guint32          rgb)
{
  const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                                     y * cairo_image_surface_get_stride (surface));

  return (row[x] & 0xffffff) == rgb;
}

/* Today is a line in the marker lane and across the body; without a
 * today there is none.  The month grid marks fiscal-year starts. */
static void
test_draw (Fixture       *f,
           gconstpointer  data)
{
  int width = 800, height = 200;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  IkouDay today = ikou_test_ymd (2025, 6, 15);
  double header_h = ikou_time_header_get_height (f->header);
  int x, fy_x;
  guint32 background = 0xffffff;
  guint32 today_rgb = 0x1c71d8;

  ikou_time_scale_set_zoom (f->scale, IKOU_ZOOM_QUARTER);
  x = (int) floor (ikou_time_scale_x_for_day (f->scale, today));
  fy_x = (int) floor (ikou_time_scale_x_for_day (f->scale, ikou_fiscal_year_start (2025)));
  g_assert_cmpint (x, <, width);

  ikou_time_header_set_today (f->header, today);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ikou_render_text_update (f->text, cr);
  ikou_time_header_draw (f->header, cr, 0, width);
  ikou_time_header_draw_grid (f->header, cr, 0, width, header_h, height);
  ikou_time_header_draw_day_lines (f->header, cr, 0, width, header_h, height);
  cairo_surface_flush (surface);

  /* The line across the body and in the lane under the label. */
  g_assert_true (pixel_is (surface, x, height - 5, today_rgb));
  g_assert_true (pixel_is (surface, x, (int) header_h - 2, today_rgb));
  g_assert_false (pixel_is (surface, x + 3, height - 5, today_rgb));
  /* A fiscal-year line in the body, none in the middle of a month. */
  g_assert_false (pixel_is (surface, fy_x, height - 5, background));
  g_assert_true (pixel_is (surface, fy_x + 10, height - 5, background));

  ikou_time_header_set_today (f->header, IKOU_DAY_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ikou_time_header_draw_day_lines (f->header, cr, 0, width, header_h, height);
  cairo_surface_flush (surface);
  g_assert_true (pixel_is (surface, x, height - 5, background));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/time-header/height", Fixture, NULL, fixture_set_up, test_height, fixture_tear_down);
  g_test_add ("/time-header/draw", Fixture, NULL, fixture_set_up, test_draw, fixture_tear_down);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-calendar.h"
#include "ikou-test-util.h"
#include "ikou-time-scale.h"

/* Every day of the range (and some outside it) maps to an x and back, at
 * every zoom and at a page-fitting scale; anywhere inside a day is that day. */
static void
test_round_trip (void)
{
  g_autoptr(IkouTimeScale) scale = ikou_time_scale_new ();
  IkouDay first = ikou_test_ymd (2024, 4, 17);
  IkouDay last = ikou_test_ymd (2027, 3, 2);
  IkouDay origin, end;
  double previous = 0;

  ikou_time_scale_set_range (scale, first, last);
  origin = ikou_time_scale_get_origin (scale);
  end = ikou_time_scale_get_end (scale);
  g_assert_cmpint (origin, ==, ikou_test_ymd (2024, 4, 1));
  g_assert_cmpint (end, ==, ikou_test_ymd (2027, 4, 1));
  g_assert_cmpfloat (ikou_time_scale_x_for_day (scale, origin), ==, 0);

  for (int zoom = 0; zoom < IKOU_N_ZOOMS; zoom++)
    {
      double px;

      ikou_time_scale_set_zoom (scale, zoom);
      g_assert_cmpint (ikou_time_scale_get_zoom (scale), ==, zoom);
      px = ikou_time_scale_get_px_per_day (scale);
      /* Each zoom out is a smaller scale. */
      if (zoom > 0)
        g_assert_cmpfloat (px, <, previous);
      previous = px;
      g_assert_cmpfloat (ikou_time_scale_get_width (scale), ==, ceil ((end - origin) * px));

      for (IkouDay d = origin - 40; d <= end + 40; d++)
        {
          double x = ikou_time_scale_x_for_day (scale, d);

          g_assert_cmpint (ikou_time_scale_day_for_x (scale, x), ==, d);
          g_assert_cmpint (ikou_time_scale_day_for_x (scale, x + px * 0.99), ==, d);
          g_assert_cmpfloat (fabs (ikou_time_scale_x_for_day (scale, d + 1) - x - px), <, 1e-9);
        }
    }

  /* The month zoom: an average month is 48 px. */
  ikou_time_scale_set_zoom (scale, IKOU_ZOOM_MONTH);
  g_assert_cmpfloat (fabs (ikou_time_scale_get_px_per_day (scale) * 365.2425 / 12 - 48), <, 1e-9);

  /* A fitted scale holds until the next zoom. */
  ikou_time_scale_set_px_per_day (scale, 1.7);
  g_assert_cmpfloat (ikou_time_scale_get_px_per_day (scale), ==, 1.7);
  for (IkouDay d = origin; d < end; d += 7)
    g_assert_cmpint (ikou_time_scale_day_for_x (scale, ikou_time_scale_x_for_day (scale, d)), ==, d);
  ikou_time_scale_set_range (scale, first, last + 400);
  g_assert_cmpfloat (ikou_time_scale_get_px_per_day (scale), ==, 1.7);
  ikou_time_scale_set_zoom (scale, IKOU_ZOOM_QUARTER);
  g_assert_cmpfloat (fabs (ikou_time_scale_get_px_per_day (scale) * 365.2425 / 12 - 20), <, 1e-9);
}

/* Month starts: every first of a month in the range, in order, then the
 * end; month_index finds the month of any day and clamps outside. */
static void
test_months (void)
{
  g_autoptr(IkouTimeScale) scale = ikou_time_scale_new ();
  guint n;

  /* Reversed: the range is the same. */
  ikou_time_scale_set_range (scale, ikou_test_ymd (2026, 3, 31), ikou_test_ymd (2023, 11, 30));
  n = ikou_time_scale_get_n_months (scale);
  g_assert_cmpuint (n, ==, 2 + 12 + 12 + 3);
  g_assert_cmpint (ikou_time_scale_get_month_start (scale, 0), ==, ikou_test_ymd (2023, 11, 1));
  g_assert_cmpint (ikou_time_scale_get_month_start (scale, n), ==, ikou_test_ymd (2026, 4, 1));

  for (guint i = 0; i < n; i++)
    {
      IkouDay start = ikou_time_scale_get_month_start (scale, i);
      IkouDay next = ikou_time_scale_get_month_start (scale, i + 1);
      int y = 2023 + (int) (10 + i) / 12;
      int m = (int) (10 + i) % 12 + 1;

      g_assert_cmpint (start, ==, ikou_test_ymd (y, m, 1));
      g_assert_cmpint (next, >, start);
      /* 28 to 31 days, leap February included (2024). */
      g_assert_cmpint (next - start, ==, g_date_get_days_in_month (m, y));
      g_assert_cmpuint (ikou_time_scale_month_index (scale, start), ==, i);
      g_assert_cmpuint (ikou_time_scale_month_index (scale, next - 1), ==, i);
    }
  g_assert_cmpint (ikou_time_scale_get_month_start (scale, 4) - ikou_time_scale_get_month_start (scale, 3), ==, 29);

  g_assert_cmpuint (ikou_time_scale_month_index (scale, ikou_test_ymd (2020, 1, 1)), ==, 0);
  g_assert_cmpuint (ikou_time_scale_month_index (scale, ikou_test_ymd (2026, 4, 1)), ==, n);
  g_assert_cmpuint (ikou_time_scale_month_index (scale, ikou_test_ymd (2030, 7, 9)), ==, n);
}

/* Fiscal years start on April 1: at every zoom the start of each fiscal
 * year of the range is a month start, at the x of its day. */
static void
test_fiscal_years (void)
{
  g_autoptr(IkouTimeScale) scale = ikou_time_scale_new ();

  /* The default range: R2年度 to R12年度末. */
  g_assert_cmpint (ikou_time_scale_get_origin (scale), ==, ikou_test_ymd (2020, 4, 1));
  g_assert_cmpint (ikou_time_scale_get_end (scale), ==, ikou_test_ymd (2031, 4, 1));
  g_assert_cmpuint (ikou_time_scale_get_n_months (scale), ==, 11 * 12);

  for (int zoom = 0; zoom < IKOU_N_ZOOMS; zoom++)
    {
      ikou_time_scale_set_zoom (scale, zoom);
      for (int fy = 2020; fy <= 2030; fy++)
        {
          IkouDay start = ikou_fiscal_year_start (fy);
          guint i = ikou_time_scale_month_index (scale, start);

          g_assert_cmpuint (i, ==, (guint) (fy - 2020) * 12);
          g_assert_cmpint (ikou_time_scale_get_month_start (scale, i), ==, start);
          g_assert_cmpint (ikou_day_get_month (start), ==, 4);
          g_assert_cmpint (ikou_time_scale_day_for_x (scale, ikou_time_scale_x_for_day (scale, start)), ==, start);
          /* The last day of the fiscal year is still in its March. */
          g_assert_cmpuint (ikou_time_scale_month_index (scale, ikou_fiscal_year_end (fy)), ==, i + 11);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-scale/round-trip", test_round_trip);
  g_test_add_func ("/time-scale/months", test_months);
  g_test_add_func ("/time-scale/fiscal-years", test_fiscal_years);

  return g_test_run ();
}

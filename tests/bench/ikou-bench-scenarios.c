/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

#include "ikou-bench-scenarios.h"
#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-document.h"
#include "ikou-renderer.h"
#include "ikou-store.h"

/* What-if scenarios at national scale, each figure next to the one it is
 * judged against, in the same process and run:
 *   scenario-switch: the document switches to a scenario overriding
 *     up to 10,000 systems and re-checks everything, vs. one full check;
 *   scenario-shift-save: ikou scenario shift of those systems (the
 *     document's shift, then the atomic save), vs. a plain save;
 *   frame-compare: a 1920×1080 frame with the baseline drawn as ghosts,
 *     vs. the same frame without. */

#define N_OVERRIDDEN 10000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
print_ratio (const char *bench,
             guint       systems,
             double      ms,
             const char *against,
             double      against_ms,
             guint       extra)
{
  g_print ("{\"bench\": \"%s\", \"systems\": %u, \"ms\": %.3f, \"%s_ms\": %.3f, \"ratio\": %.2f, "
           "\"overridden\": %u}\n",
           bench, systems, ms, against, against_ms, against_ms > 0 ? ms / against_ms : 0, extra);
}

static double
median3 (double a, double b, double c)
{
  return MAX (MIN (a, b), MIN (MAX (a, b), c));
}

static GPtrArray *
first_systems (IkouPlan *plan,
               guint     n)
{
  GPtrArray *systems = g_ptr_array_new ();

  for (guint i = 0; i < MIN (n, ikou_plan_get_n_systems (plan)); i++)
    g_ptr_array_add (systems, ikou_plan_get_system (plan, i));
  return systems;
}

void
ikou_bench_scenarios (IkouPlan     *plan,
                      IkouSchedule *schedule,
                      IkouDay       today,
                      const char   *tmpdir,
                      gboolean      quick)
{
  g_autoptr(IkouDocument) document = ikou_document_new (plan, schedule);
  g_autoptr(GPtrArray) systems = first_systems (plan, N_OVERRIDDEN);
  g_autofree char *path = g_strdup_printf ("%s/scenario-%u.ikou", tmpdir, ikou_plan_get_n_systems (plan));
  guint n_systems = ikou_plan_get_n_systems (plan);
  IkouScenario *scenario;
  double check_ms[3], switch_ms[3], save_ms[3], shift_ms[3];
  g_autoptr(GError) error = NULL;

  ikou_document_set_today (document, today);
  scenario = ikou_document_add_scenario (document, "bench", NULL, NULL, &error);
  g_assert_no_error (error);
  if (!ikou_document_shift (document, scenario, systems, 6, IKOU_SHIFT_ALL, &error))
    g_error ("shift: %s", error->message);

  for (guint i = 0; i < 3; i++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) findings = ikou_check_plan (plan, NULL, schedule, today, NULL);

      check_ms[i] = now_ms () - start;

      ikou_document_set_active_scenario (document, NULL);
      start = now_ms ();
      ikou_document_set_active_scenario (document, scenario);
      ikou_document_flush (document);
      switch_ms[i] = now_ms () - start;
    }
  print_ratio ("scenario-switch", n_systems,
               median3 (switch_ms[0], switch_ms[1], switch_ms[2]), "check",
               median3 (check_ms[0], check_ms[1], check_ms[2]), systems->len);

  for (guint i = 0; i < 3; i++)
    {
      double start = now_ms ();

      if (!ikou_store_save (plan, path, &error))
        g_error ("save: %s", error->message);
      save_ms[i] = now_ms () - start;

      start = now_ms ();
      if (!ikou_document_shift (document, scenario, systems, i % 2 ? 3 : -3, IKOU_SHIFT_CONTRACT, &error) ||
          !ikou_store_save (plan, path, &error))
        g_error ("shift and save: %s", error->message);
      shift_ms[i] = now_ms () - start;
    }
  print_ratio ("scenario-shift-save", n_systems,
               median3 (shift_ms[0], shift_ms[1], shift_ms[2]), "save",
               median3 (save_ms[0], save_ms[1], save_ms[2]), systems->len);

  /* A frame in the middle of the overridden systems. */
  {
    IkouRenderStyle style;
    g_autoptr(IkouRenderer) renderer = ikou_renderer_new ();
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    guint n = quick ? 5 : 20;
    g_autofree double *plain = g_new (double, n);
    g_autofree double *compare = g_new (double, n);
    double scroll_y, scroll_x;
    double sum_plain = 0, sum_compare = 0;

    ikou_render_style_init_default (&style);
    ikou_renderer_set_style (renderer, &style);
    ikou_render_style_clear (&style);
    ikou_renderer_set_plan (renderer, plan);
    ikou_renderer_set_schedule (renderer, schedule);
    ikou_renderer_set_today (renderer, today);
    ikou_renderer_set_scenario (renderer, scenario);
    ikou_renderer_set_range (renderer, ikou_day_from_ymd (2019, 4, 1), ikou_day_from_ymd (2031, 3, 31));
    ikou_renderer_set_zoom (renderer, IKOU_ZOOM_MONTH);
    scroll_y = MIN (systems->len, n_systems) / 2.0 * ikou_renderer_get_row_height (renderer);
    scroll_x = MAX (0, ikou_renderer_x_for_day (renderer, ikou_day_from_ymd (2025, 4, 1)) - 960);

    for (guint i = 0; i < n + 1; i++)
      for (int mode = 0; mode < 2; mode++)
        {
          cairo_t *cr = cairo_create (surface);
          double start;

          ikou_renderer_set_compare (renderer, mode == 1, NULL);
          start = now_ms ();
          ikou_renderer_draw (renderer, cr, scroll_x, scroll_y, 1920, 1080);
          cairo_surface_flush (surface);
          cairo_destroy (cr);
          /* The first pass fills the caches. */
          if (i > 0)
            (mode == 0 ? plain : compare)[i - 1] = now_ms () - start;
        }
    for (guint i = 0; i < n; i++)
      {
        sum_plain += plain[i];
        sum_compare += compare[i];
      }
    print_ratio ("frame-compare", n_systems, sum_compare / n, "frame", sum_plain / n, systems->len);
    cairo_surface_destroy (surface);
  }

  ikou_document_delete_scenario (document, scenario);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

/* ikou-bench [--sizes 17,2000,34592] [--quick] [--sample PLAN.xml]
 *
 * Measures what a planner waits for on plans of national scale and
 * prints one JSON object per line and figure, e.g.
 *   {"bench": "open", "systems": 34592, "ms": 123.456, "runs": 3, "min_ms": 120.1, …}
 * "ms" is the median of the runs ("us" repeats it with more digits when
 * it is small); "peak_mb" is the peak resident set of the phase the line
 * reports (Linux), which is why each size runs in a fresh child process.
 * Run by hand and by the release check (ninja -C _build bench), never as
 * a timed unit test.  A developer tool: its messages are not
 * translated. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "ikou-bench-plan.h"
#include "ikou-bench-bulk.h"
#include "ikou-bench-scenarios.h"
#include "ikou-bench-util.h"
#include "ikou-budget.h"
#include "ikou-cost-chart.h"
#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-mspdi.h"
#include "ikou-renderer.h"
#include "ikou-schedule.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-csv.h"
#include "ikou-xlsx.h"

#if defined(__has_include)
# if __has_include("ikou-export.h")
#  include "ikou-export.h"
#  define HAVE_EXPORT 1
# endif
#endif

#ifndef IKOU_BENCH_SAMPLE
# define IKOU_BENCH_SAMPLE ""
#endif

#define VIEW_WIDTH  1920
#define VIEW_HEIGHT 1080

typedef struct
{
  gboolean      quick;
  const char   *sample;
  char         *tmpdir;
  IkouSchedule *schedule;
  IkouDay       today;
  double        check_ms;      /* the last full check's median */
  double        frame_ms_smallest;
  guint         frame_systems_smallest;
  guint         frame_rows_smallest;
  double        frame_ms_largest;
  guint         frame_systems_largest;
  guint         frame_rows_largest;
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), ikou_bench_compare_doubles);
  if (n == 0)
    return 0;
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Starts a JSON line: {"bench": "@name", "systems": @systems */
static GString *
line_new (const char *name,
          guint       systems)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "{\"bench\": \"%s\"", name);
  if (systems > 0)
    g_string_append_printf (line, ", \"systems\": %u", systems);
  return line;
}

/* Locale-independent, three decimals. */
static void
line_add_double (GString    *line,
                 const char *key,
                 double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (line, ", \"%s\": %s", key,
                          g_ascii_formatd (buf, sizeof buf, "%.3f", value));
}

static void
line_add_uint (GString    *line,
               const char *key,
               guint64     value)
{
  g_string_append_printf (line, ", \"%s\": %" G_GUINT64_FORMAT, key, value);
}

static void
line_add_string (GString    *line,
                 const char *key,
                 const char *value)
{
  g_string_append_printf (line, ", \"%s\": \"%s\"", key, value);
}

static void
line_add_runs (GString *line,
               double  *ms,
               guint    n)
{
  double med = median (ms, n);

  line_add_double (line, "ms", med);
  if (med < 0.1)
    line_add_double (line, "us", med * 1000.0);  /* more digits */
  if (n > 1)
    {
      line_add_uint (line, "runs", n);
      line_add_double (line, "min_ms", ms[0]);
      line_add_double (line, "max_ms", ms[n - 1]);
    }
}

static double read_status_kb (const char *field);
static void   reset_peak_rss (void);

/* The highest VmHWM seen (kB): ru_maxrss may follow the resets. */
static double overall_peak_kb;
static gboolean report_phase_peak = TRUE;

/* Ends the line with the peak resident set of the phase it reports
 * (since the previous line) and starts a new phase. */
static void
line_print (GString *line)
{
  double kb = report_phase_peak ? read_status_kb ("VmHWM:") : -1;

  if (kb >= 0)
    {
      overall_peak_kb = MAX (overall_peak_kb, kb);
      line_add_double (line, "peak_mb", kb / 1024.0);
    }
  reset_peak_rss ();
  g_string_append_c (line, '}');
  puts (line->str);
  fflush (stdout);
  g_string_free (line, TRUE);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* A field of /proc/self/status in kB (VmRSS, VmHWM: the peak since the
 * last reset_peak_rss()); -1 when not available (not Linux). */
static double
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtod (p + strlen (field), NULL);
}

static void
reset_peak_rss (void)
{
  /* "5" resets the high-water mark (Linux ≥ 4.0); harmless elsewhere. */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
print_rss (const char *name,
           guint       systems)
{
  double kb = read_status_kb ("VmRSS:");
  GString *line;

  if (kb < 0)
    return;
  line = line_new (name, systems);
  line_add_double (line, "mb", kb / 1024.0);
  line_print (line);
}

static IkouPlan *
make_plan (Bench *bench,
           guint  size)
{
  IkouPlan *plan = NULL;
  const char *source = "generated";
  GString *line;
  double start = now_ms ();

  if (size == 17 && bench->sample != NULL && bench->sample[0] != '\0' &&
      g_file_test (bench->sample, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;

      plan = ikou_xml_read_file (bench->sample, &error);
      if (plan == NULL)
        g_printerr ("ikou-bench: the sample does not load, generating instead: %s\n",
                    error->message);
      else
        source = "sample";
    }
  if (plan == NULL)
    plan = ikou_bench_generate_plan (size, 0, 1);

  line = line_new ("generate", ikou_plan_get_n_systems (plan));
  line_add_double (line, "ms", now_ms () - start);
  line_add_uint (line, "hosts", ikou_plan_get_n_hosts (plan));
  line_add_string (line, "source", source);
  line_print (line);

  return plan;
}

/* What the checksum adds to a save (saves with and without it, the same
 * number of runs), which must stay within 15 %, and what checking it
 * costs when the plan is opened. */
static void
bench_save_checksum (Bench      *bench,
                     IkouPlan   *plan,
                     const char *path)
{
  guint n = bench->quick ? 1 : 3;
  g_autofree double *with = g_new (double, n);
  g_autofree double *without = g_new (double, n);
  g_autofree double *verify = g_new (double, n);
  GString *line;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = NULL;
      double start = now_ms ();

      if (!ikou_store_save_without_checksum (plan, path, &error))
        g_error ("save %s: %s", path, error->message);
      without[i] = now_ms () - start;
      start = now_ms ();
      if (!ikou_store_save (plan, path, &error))
        g_error ("save %s: %s", path, error->message);
      with[i] = now_ms () - start;
      start = now_ms ();
      sum = ikou_store_compute_checksum (path, &error);
      if (sum == NULL)
        g_error ("checksum %s: %s", path, error->message);
      verify[i] = now_ms () - start;
    }

  line = line_new ("save-checksum", ikou_plan_get_n_systems (plan));
  line_add_double (line, "save_ms", median (with, n));
  line_add_double (line, "save_without_ms", median (without, n));
  line_add_double (line, "share_of_save",
                   (median (with, n) - median (without, n)) / median (without, n));
  line_add_double (line, "verify_on_open_ms", median (verify, n));
  line_print (line);
}

/* The plan written to a file or read from one, in each format (the
 * store, Ikou XML, MS Project XML, CSV, the workbook's sheets): every
 * format's figures are the same runs, through these. */
typedef gboolean (*PlanWrite) (IkouPlan *plan, IkouSchedule *schedule, const char *path,
                               GError **error);
typedef IkouPlan *(*PlanRead) (const char *path, IkouSchedule *schedule, GError **error);

static gboolean
write_store (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_store_save (plan, path, error);
}

static gboolean
write_xml (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_xml_write_file (plan, path, error);
}

static gboolean
write_mspdi (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_mspdi_write_file (plan, schedule, path, NULL, error);
}

static gboolean
write_csv (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_csv_write_file (plan, schedule, path, error);
}

static gboolean
write_xlsx_plan (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_xlsx_write_sheets (plan, schedule, IKOU_XLSX_SHEET_PLAN, path, error);
}

static gboolean
write_xlsx_roadmap (IkouPlan *plan, IkouSchedule *schedule, const char *path, GError **error)
{
  return ikou_xlsx_write_sheets (plan, schedule, IKOU_XLSX_SHEET_ROADMAP, path, error);
}

static IkouPlan *
read_store (const char *path, IkouSchedule *schedule, GError **error)
{
  return ikou_store_load (path, error);
}

static IkouPlan *
read_xml (const char *path, IkouSchedule *schedule, GError **error)
{
  return ikou_xml_read_file (path, error);
}

static IkouPlan *
read_mspdi (const char *path, IkouSchedule *schedule, GError **error)
{
  return ikou_mspdi_read_file (path, schedule, NULL, error);
}

static IkouPlan *
read_csv (const char *path, IkouSchedule *schedule, GError **error)
{
  return ikou_csv_read_file (path, schedule, NULL, error);
}

static IkouPlan *
read_xlsx (const char *path, IkouSchedule *schedule, GError **error)
{
  return ikou_xlsx_read_file (path, schedule, NULL, error);
}

/* Writes @plan to @path several times: the "@name" line, with the
 * file's size. */
static void
bench_write (Bench      *bench,
             const char *name,
             IkouPlan   *plan,
             const char *path,
             PlanWrite   write)
{
  guint n = bench->quick ? 1 : 3;
  g_autofree double *ms = g_new (double, n);
  GString *line;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      if (!write (plan, bench->schedule, path, &error))
        g_error ("%s %s: %s", name, path, error->message);
      ms[i] = now_ms () - start;
    }

  line = line_new (name, ikou_plan_get_n_systems (plan));
  line_add_runs (line, ms, n);
  line_add_uint (line, "bytes", file_size (path));
  line_print (line);
}

/* Reads @path several times (the "@name" line) and returns the last
 * plan (the others are freed first, so only one plan is ever in
 * memory), which has @systems. */
static IkouPlan *
bench_read (Bench      *bench,
            const char *name,
            const char *path,
            guint       systems,
            PlanRead    read)
{
  guint n = bench->quick ? 1 : 3;
  g_autofree double *ms = g_new (double, n);
  IkouPlan *plan = NULL;
  GString *line;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      double start;

      g_clear_object (&plan);
      start = now_ms ();
      plan = read (path, bench->schedule, &error);
      ms[i] = now_ms () - start;
      if (plan == NULL)
        g_error ("%s %s: %s", name, path, error->message);
      if (ikou_plan_get_n_systems (plan) != systems)
        g_error ("%s %s: %u systems instead of %u", name, path,
                 ikou_plan_get_n_systems (plan), systems);
    }

  line = line_new (name, systems);
  line_add_runs (line, ms, n);
  line_print (line);
  return plan;
}

/* Outside the figures: the MS Project XML import gives the plan back
 * (scenarios apart, which MSPDI does not hold). */
static void
check_mspdi_round_trip (Bench      *bench,
                        const char *mspdi_path,
                        const char *xml_path,
                        guint       systems)
{
  g_autoptr(IkouPlan) back = bench_read (bench, "import-mspdi", mspdi_path, systems, read_mspdi);
  g_autoptr(IkouPlan) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  original = ikou_xml_read_file (xml_path, &error);
  if (original == NULL)
    g_error ("import %s: %s", xml_path, error->message);
  while (ikou_plan_get_n_scenarios (original) > 0)
    ikou_plan_remove_scenario (original, ikou_plan_get_scenario (original, 0));
  if (!ikou_plan_equal (original, back, &difference))
    g_error ("MSPDI round trip of %u systems: %s", systems, difference);
}

/* The costs per fiscal year over the plan's default range; the issue's
 * target is no more than one full check ("budget_per_check"). */
static void
bench_budget (Bench    *bench,
              IkouPlan *plan,
              double    check_ms)
{
  guint n = bench->quick ? 3 : 9;
  g_autofree double *ms = g_new (double, n);
  g_autoptr(IkouBudget) budget = NULL;
  GString *line;
  double median_ms;
  int first, last;

  for (guint i = 0; i < n; i++)
    {
      double start;

      g_clear_pointer (&budget, ikou_budget_free);
      start = now_ms ();
      ikou_budget_default_range (plan, NULL, &first, &last);
      budget = ikou_budget_compute (plan, NULL, first, last);
      ms[i] = now_ms () - start;
    }
  median_ms = median (ms, n);

  line = line_new ("budget", ikou_plan_get_n_systems (plan));
  line_add_runs (line, ms, n);
  line_add_uint (line, "years", budget->n_years);
  g_string_append_printf (line, ", \"budget_per_check\": %.3f", median_ms / check_ms);
  line_print (line);
}

/* One frame of the window's cost panel after an edit: the budgets it
 * computes again (the plan shown and, in compare mode, the compared
 * one) over the roadmap's fiscal years, and the chart drawn at
 * 1280 × 190 px.  "panel_per_check" compares it with one full check. */
static void
bench_cost_panel (Bench    *bench,
                  IkouPlan *plan,
                  double    check_ms)
{
  guint n = bench->quick ? 3 : 9;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 190);

  for (guint comparing = 0; comparing <= 1; comparing++)
    {
      g_autofree double *ms = g_new (double, n);
      GString *line;
      int first, last;

      ikou_budget_default_range (plan, NULL, &first, &last);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IkouCostChart) chart = ikou_cost_chart_new ();
          cairo_t *cr = cairo_create (surface);
          double start = now_ms ();

          ikou_cost_chart_set_budgets (chart, ikou_budget_compute (plan, NULL, first, last),
                                       comparing ? ikou_budget_compute (plan, NULL, first, last)
                                                 : NULL);
          ikou_cost_chart_set_axis (chart, ikou_fiscal_year_start (first), 300, 20.0 * 12 / 365.2425);
          ikou_cost_chart_set_area (chart, 0, 0, 1280, 190, 300);
          ikou_cost_chart_draw (chart, cr);
          cairo_surface_flush (surface);
          ms[i] = now_ms () - start;
          cairo_destroy (cr);
        }

      line = line_new (comparing ? "cost-panel-compare" : "cost-panel", ikou_plan_get_n_systems (plan));
      line_add_runs (line, ms, n);
      g_string_append_printf (line, ", \"panel_per_check\": %.3f", median (ms, n) / check_ms);
      line_print (line);
    }
  cairo_surface_destroy (surface);
}

static GPtrArray *
bench_check (Bench    *bench,
             IkouPlan *plan)
{
  guint n = bench->quick ? 3 : 9;
  g_autofree double *ms = g_new (double, n);
  guint counts[IKOU_N_SEVERITIES] = { 0 };
  g_autoptr(GHashTable) rules = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *findings = NULL;
  GString *line;
  GHashTableIter iter;
  gpointer key, value;
  gboolean first = TRUE;
  guint systems = ikou_plan_get_n_systems (plan);

  for (guint i = 0; i < n; i++)
    {
      double start;

      g_clear_pointer (&findings, g_ptr_array_unref);
      start = now_ms ();
      findings = ikou_check_plan (plan, NULL, bench->schedule, bench->today, NULL);
      ms[i] = now_ms () - start;
    }
  bench->check_ms = median (ms, n);

  for (guint i = 0; i < findings->len; i++)
    {
      const IkouFinding *finding = g_ptr_array_index (findings, i);

      counts[finding->severity]++;
      g_hash_table_insert (rules, (gpointer) finding->rule,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (rules, finding->rule)) + 1));
    }

  line = line_new ("check", systems);
  line_add_runs (line, ms, n);
  line_add_uint (line, "findings", findings->len);
  line_add_uint (line, "errors", counts[IKOU_SEVERITY_ERROR]);
  line_add_uint (line, "warnings", counts[IKOU_SEVERITY_WARNING]);
  line_add_uint (line, "infos", counts[IKOU_SEVERITY_INFO]);
  line_print (line);

  /* For information: how often each rule fires (the generator's mix). */
  line = line_new ("findings-by-rule", systems);
  g_string_append (line, ", \"rules\": {");
  g_hash_table_iter_init (&iter, rules);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_string_append_printf (line, "%s\"%s\": %u", first ? "" : ", ", (const char *) key,
                              GPOINTER_TO_UINT (value));
      first = FALSE;
    }
  g_string_append_c (line, '}');
  line_print (line);

  return findings;
}

/* One system's check takes well under a microsecond (the clock's
 * resolution): each run times a batch and reports the mean call. */
static void
bench_check_one (Bench    *bench,
                 IkouPlan *plan)
{
  guint n = bench->quick ? 5 : 21;
  guint batch = 1000;
  g_autofree double *ms = g_new (double, n);
  IkouSystem *system = ikou_plan_get_system (plan, ikou_plan_get_n_systems (plan) / 2);
  GString *line;

  for (guint i = 0; i < n; i++)
    {
      double start = now_ms ();

      for (guint j = 0; j < batch; j++)
        g_ptr_array_unref (ikou_check_system (plan, system, NULL, bench->schedule,
                                              bench->today, NULL));
      ms[i] = (now_ms () - start) / batch;
    }

  line = line_new ("check-one", ikou_plan_get_n_systems (plan));
  line_add_runs (line, ms, n);
  line_add_uint (line, "batch", batch);
  line_print (line);
}

typedef struct
{
  IkouRenderer    *renderer;
  cairo_surface_t *surface;
  double           scroll_x;
  double           scroll_y;
} View;

static void
view_clear (View *view)
{
  g_clear_object (&view->renderer);
  g_clear_pointer (&view->surface, cairo_surface_destroy);
}

static void
view_draw (View *view)
{
  cairo_t *cr = cairo_create (view->surface);

  ikou_renderer_draw (view->renderer, cr, view->scroll_x, view->scroll_y,
                      VIEW_WIDTH, VIEW_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (view->surface);
}

/* A 1920×1080 window on the middle of the plan, the time axis around
 * the principal deadline. */
static void
view_init (View         *view,
           Bench        *bench,
           IkouPlan     *plan,
           GPtrArray    *findings)
{
  IkouRenderStyle style;
  double body_height, content_height, content_width;

  ikou_render_style_init_default (&style);
  view->renderer = ikou_renderer_new ();
  ikou_renderer_set_style (view->renderer, &style);
  ikou_render_style_clear (&style);
  ikou_renderer_set_plan (view->renderer, plan);
  ikou_renderer_set_schedule (view->renderer, bench->schedule);
  ikou_renderer_set_findings (view->renderer, findings);
  ikou_renderer_set_today (view->renderer, bench->today);
  ikou_renderer_set_range (view->renderer, ikou_day_from_ymd (2019, 4, 1),
                           ikou_day_from_ymd (2031, 3, 31));
  ikou_renderer_set_zoom (view->renderer, IKOU_ZOOM_MONTH);

  body_height = VIEW_HEIGHT - ikou_renderer_get_header_height (view->renderer);
  content_height = ikou_renderer_get_n_rows (view->renderer) * ikou_renderer_get_row_height (view->renderer);
  content_width = ikou_renderer_get_content_width (view->renderer);
  view->scroll_y = MAX (0, (content_height - body_height) / 2);
  view->scroll_x = CLAMP (ikou_renderer_x_for_day (view->renderer, ikou_day_from_ymd (2025, 4, 1)) - VIEW_WIDTH / 2.0,
                          0, MAX (0, content_width - VIEW_WIDTH));

  view->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
}

/* The rows that intersect the viewport (what a frame has to draw). */
static guint
view_rows_visible (View *view)
{
  double row_height = ikou_renderer_get_row_height (view->renderer);
  double body_height = VIEW_HEIGHT - ikou_renderer_get_header_height (view->renderer);
  guint n_rows = ikou_renderer_get_n_rows (view->renderer);
  guint first = (guint) (view->scroll_y / row_height);
  guint last = (guint) ((view->scroll_y + body_height) / row_height);

  if (n_rows == 0 || first >= n_rows)
    return 0;
  return MIN (last, n_rows - 1) - first + 1;
}

static void
note_frame (Bench  *bench,
            guint   systems,
            guint   rows_visible,
            double  ms)
{
  if (bench->frame_systems_smallest == 0 || systems < bench->frame_systems_smallest)
    {
      bench->frame_systems_smallest = systems;
      bench->frame_rows_smallest = rows_visible;
      bench->frame_ms_smallest = ms;
    }
  if (systems > bench->frame_systems_largest)
    {
      bench->frame_systems_largest = systems;
      bench->frame_rows_largest = rows_visible;
      bench->frame_ms_largest = ms;
    }
}

static void
bench_frame (Bench *bench,
             View  *view,
             guint  systems)
{
  guint n = bench->quick ? 5 : 20;
  g_autofree double *ms = g_new (double, n);
  GString *line;
  double start = now_ms ();
  double med;

  /* The first frame loads fonts and fills caches: reported apart. */
  view_draw (view);
  line = line_new ("frame-first", systems);
  line_add_double (line, "ms", now_ms () - start);
  line_print (line);

  for (guint i = 0; i < n; i++)
    {
      start = now_ms ();
      view_draw (view);
      ms[i] = now_ms () - start;
    }

  line = line_new ("frame", systems);
  line_add_runs (line, ms, n);
  med = median (ms, n);
  line_add_uint (line, "width", VIEW_WIDTH);
  line_add_uint (line, "height", VIEW_HEIGHT);
  line_add_uint (line, "rows_visible", view_rows_visible (view));
  line_print (line);

  note_frame (bench, systems, view_rows_visible (view), med);
}

/* The system a drag moves: the first in or after the middle of the view
 * with a cut-over date (and, when @findings is given, with findings:
 * the case where a drag changes what the views show), and the step
 * holding it.  FALSE when none. */
static gboolean
pick_drag_step (View        *view,
                IkouPlan    *plan,
                GPtrArray   *findings,
                IkouSystem **out_system,
                guint       *out_index)
{
  guint systems = ikou_plan_get_n_systems (plan);
  double body_height = VIEW_HEIGHT - ikou_renderer_get_header_height (view->renderer);
  guint row = (guint) ((view->scroll_y + body_height / 2) / ikou_renderer_get_row_height (view->renderer));
  g_autoptr(GHashTable) with_findings = g_hash_table_new (NULL, NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_hash_table_add (with_findings,
                      GUINT_TO_POINTER (((IkouFinding *) g_ptr_array_index (findings, i))->system_id));

  for (guint i = 0; i < systems; i++)
    {
      IkouSystem *candidate = ikou_plan_get_system (plan, (MIN (row, systems - 1) + i) % systems);

      if (findings != NULL && findings->len > 0 &&
          !g_hash_table_contains (with_findings, GUINT_TO_POINTER (ikou_system_get_id (candidate))))
        continue;

      for (guint s = ikou_system_get_n_steps (candidate); s > 0; s--)
        if (ikou_system_get_step (candidate, s - 1)->cutover_date != IKOU_DAY_NONE)
          {
            *out_system = candidate;
            *out_index = s - 1;
            return TRUE;
          }
    }

  return FALSE;
}

/* Moves the step's cut-over by a month, later on even @i, back on odd. */
static void
drag_step_move (IkouSystem *system,
                guint       index,
                guint       i)
{
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (system, index));

  step->cutover_date = ikou_day_add_months (step->cutover_date, i % 2 == 0 ? 1 : -1);
  ikou_system_set_step (system, index, step);
}

/* The planner drags one step's cut-over by a month: the model changes,
 * the touched system is re-checked, one frame is drawn. */
static void
bench_drag_step (Bench    *bench,
                 View     *view,
                 IkouPlan *plan)
{
  guint n = bench->quick ? 5 : 20;
  g_autofree double *ms = g_new (double, n);
  guint systems = ikou_plan_get_n_systems (plan);
  IkouSystem *system = NULL;
  guint index = 0;
  GString *line;

  if (!pick_drag_step (view, plan, NULL, &system, &index))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (system, index));
      g_autoptr(GPtrArray) findings = NULL;
      double start = now_ms ();

      step->cutover_date = ikou_day_add_months (step->cutover_date, i % 2 == 0 ? 1 : -1);
      ikou_system_set_step (system, index, step);
      findings = ikou_check_system (plan, system, NULL, bench->schedule, bench->today, NULL);
      view_draw (view);
      ms[i] = now_ms () - start;
    }

  line = line_new ("drag-step", systems);
  line_add_runs (line, ms, n);
  line_print (line);
}

/* What one frame of a drag costs the window, without the widgets (GTK
 * needs a display, the bench has none): the step changes, the touched
 * system is re-checked into its own array, the findings are updated and
 * one frame is drawn.
 *
 * "window-drag-step" is the window's way since findings are kept per
 * system: ikou_check_system_into() for that system and
 * ikou_renderer_set_system_findings(), O(the system) whatever the plan's
 * size.  "window-drag-step-full" is the way it was: the whole findings
 * array rebuilt around the system's new findings and the renderer
 * re-indexing all of them, O(findings) per frame (the window also handed
 * the new array to the findings panel, whose model was replaced: not
 * counted here).  Both end with the step as it was (an even run count). */
static void
bench_window_drag_step (Bench     *bench,
                        View      *view,
                        IkouPlan  *plan,
                        GPtrArray *findings,
                        gboolean   full)
{
  guint n = bench->quick ? 6 : 20;
  g_autofree double *ms = g_new (double, n);
  g_autofree double *update_ms = g_new (double, n);
  guint systems = ikou_plan_get_n_systems (plan);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) all = NULL;
  IkouSystem *system = NULL;
  guint index = 0;
  guint id;
  GString *line;

  if (!pick_drag_step (view, plan, findings, &system, &index))
    return;
  id = ikou_system_get_id (system);

  /* The findings as the window holds them before the drag. */
  all = g_ptr_array_new_full (findings->len, NULL);
  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  for (guint i = 0; i < findings->len; i++)
    {
      IkouFinding *finding = g_ptr_array_index (findings, i);

      g_ptr_array_add (all, finding);
      if (finding->system_id == id)
        g_ptr_array_add (mine, ikou_finding_copy (finding));
    }
  ikou_renderer_set_findings (view->renderer, findings);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
      double start = now_ms ();

      drag_step_move (system, index, i);
      ikou_check_system_into (plan, system, NULL, bench->schedule, bench->today, NULL, fresh);
      if (full)
        {
          GPtrArray *next = g_ptr_array_new_full (all->len + fresh->len, NULL);
          gboolean placed = FALSE;

          for (guint j = 0; j < all->len; j++)
            {
              IkouFinding *finding = g_ptr_array_index (all, j);

              if (finding->system_id != id)
                g_ptr_array_add (next, finding);
              else if (!placed)
                {
                  for (guint k = 0; k < fresh->len; k++)
                    g_ptr_array_add (next, g_ptr_array_index (fresh, k));
                  placed = TRUE;
                }
            }
          if (!placed)
            for (guint k = 0; k < fresh->len; k++)
              g_ptr_array_add (next, g_ptr_array_index (fresh, k));
          ikou_renderer_set_findings (view->renderer, next);
          g_ptr_array_unref (all);
          all = next;
        }
      else
        ikou_renderer_set_system_findings (view->renderer, id, fresh);
      update_ms[i] = now_ms () - start;
      view_draw (view);
      ms[i] = now_ms () - start;

      /* The old findings go once nothing points at them any more. */
      g_ptr_array_unref (mine);
      mine = fresh;
    }

  /* The bench's own array again (the last run's findings are freed). */
  ikou_renderer_set_findings (view->renderer, findings);

  line = line_new (full ? "window-drag-step-full" : "window-drag-step", systems);
  line_add_runs (line, ms, n);
  /* The same runs without the frame: the step, the check, the findings. */
  line_add_double (line, "update_ms", median (update_ms, n));
  line_add_double (line, "update_us", median (update_ms, n) * 1000.0);
  line_add_uint (line, "findings", findings->len);
  line_add_uint (line, "system_findings", mine->len);
  line_add_double (line, "budget_ms", 16.0);
  line_print (line);
}

#ifdef HAVE_EXPORT
static void
bench_pdf (Bench      *bench,
           IkouPlan   *plan,
           const char *path)
{
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  IkouExportOptions options;
  GString *line;
  double start;

  ikou_export_options_init (&options);
  options.format = IKOU_EXPORT_PDF;
  options.today = bench->today;

  start = now_ms ();
  job = ikou_export_job_new (plan, NULL, bench->schedule, &options, &error);
  if (job == NULL || !ikou_export_write (job, path, &error))
    {
      g_printerr ("ikou-bench: PDF export failed: %s\n", error->message);
      return;
    }

  line = line_new ("export-pdf", ikou_plan_get_n_systems (plan));
  line_add_double (line, "ms", now_ms () - start);
  line_add_uint (line, "pages", ikou_export_job_get_n_pages (job));
  line_add_uint (line, "bytes", file_size (path));
  line_print (line);
}
#endif

static void
bench_size (Bench *bench,
            guint  size)
{
  g_autofree char *ikou_path = g_strdup_printf ("%s/plan-%u.ikou", bench->tmpdir, size);
  g_autofree char *xml_path = g_strdup_printf ("%s/plan-%u.xml", bench->tmpdir, size);
  g_autofree char *mspdi_path = g_strdup_printf ("%s/plan-%u.mspdi.xml", bench->tmpdir, size);
  g_autofree char *csv_path = g_strdup_printf ("%s/plan-%u.csv", bench->tmpdir, size);
  g_autofree char *xlsx_path = g_strdup_printf ("%s/plan-%u.xlsx", bench->tmpdir, size);
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  View view = { 0 };
  GString *line;
  guint systems;

  reset_peak_rss ();

  /* Only one plan in memory at a time, as in the application; what the
   * application does comes first, so that the peak it reaches can be
   * told apart from the XML and PDF exports'. */
  plan = make_plan (bench, size);
  systems = ikou_plan_get_n_systems (plan);
  bench_write (bench, "save", plan, ikou_path, write_store);
  bench_save_checksum (bench, plan, ikou_path);
  g_clear_object (&plan);

  plan = bench_read (bench, "open", ikou_path, systems, read_store);
  print_rss ("rss-open", systems);

  findings = bench_check (bench, plan);
  bench_budget (bench, plan, bench->check_ms);
  bench_cost_panel (bench, plan, bench->check_ms);
  bench_check_one (bench, plan);

  view_init (&view, bench, plan, findings);
  bench_frame (bench, &view, systems);
  bench_drag_step (bench, &view, plan);
  bench_window_drag_step (bench, &view, plan, findings, TRUE);
  bench_window_drag_step (bench, &view, plan, findings, FALSE);
  view_clear (&view);

  ikou_bench_scenarios (plan, bench->schedule, bench->today, bench->tmpdir, bench->quick);
  ikou_bench_bulk (plan, bench->schedule, bench->today);

  /* Generate, save, open, check, draw, drag: the planner's session. */
  line = line_new ("peak-rss-session", systems);
  line_add_double (line, "mb", MAX (overall_peak_kb, read_status_kb ("VmHWM:")) / 1024.0);
  line_print (line);

#ifdef HAVE_EXPORT
  if (systems <= 2000)
    {
      g_autofree char *pdf_path = g_strdup_printf ("%s/plan-%u.pdf", bench->tmpdir, size);

      bench_pdf (bench, plan, pdf_path);
    }
#endif

  g_clear_pointer (&findings, g_ptr_array_unref);
  bench_write (bench, "export-xml", plan, xml_path, write_xml);
  bench_write (bench, "export-mspdi", plan, mspdi_path, write_mspdi);
  bench_write (bench, "export-csv", plan, csv_path, write_csv);
  bench_write (bench, "export-xlsx-plan", plan, xlsx_path, write_xlsx_plan);
  if (systems <= 2000)
    {
      g_autofree char *roadmap_path = g_strdup_printf ("%s/roadmap-%u.xlsx", bench->tmpdir, size);

      bench_write (bench, "export-xlsx-roadmap", plan, roadmap_path, write_xlsx_roadmap);
    }
  g_clear_object (&plan);

  plan = bench_read (bench, "import-xml", xml_path, systems, read_xml);
  g_clear_object (&plan);
  plan = bench_read (bench, "import-csv", csv_path, systems, read_csv);
  g_clear_object (&plan);
  plan = bench_read (bench, "import-xlsx-plan", xlsx_path, systems, read_xlsx);
  g_clear_object (&plan);
  check_mspdi_round_trip (bench, mspdi_path, xml_path, systems);
}

/* Runs each size in a fresh process so that its memory figures are its
 * own (freed memory stays in the allocator and fontconfig's caches stay
 * loaded).  Copies the child's lines through and picks out the frame
 * time for the ratio.  Returns FALSE when the child failed. */
static gboolean
run_child (Bench      *bench,
           const char *self,
           guint       size,
           double     *frame_ms,
           guint      *frame_rows)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_ptr_array_add (argv, g_strdup (self));
  g_ptr_array_add (argv, g_strdup_printf ("--sizes=%u", size));
  g_ptr_array_add (argv, g_strdup ("--in-process"));
  if (bench->quick)
    g_ptr_array_add (argv, g_strdup ("--quick"));
  g_ptr_array_add (argv, g_strdup_printf ("--sample=%s", bench->sample));
  g_ptr_array_add (argv, g_strdup_printf ("--tmpdir=%s", bench->tmpdir));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("ikou-bench: %s\n", error->message);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *ms, *rows;

      if (lines[i][0] == '\0')
        continue;
      puts (lines[i]);
      if (g_str_has_prefix (lines[i], "{\"bench\": \"frame\",") &&
          (ms = strstr (lines[i], "\"ms\": ")) != NULL)
        {
          *frame_ms = g_ascii_strtod (ms + strlen ("\"ms\": "), NULL);
          if ((rows = strstr (lines[i], "\"rows_visible\": ")) != NULL)
            *frame_rows = (guint) g_ascii_strtoull (rows + strlen ("\"rows_visible\": "), NULL, 10);
        }
    }
  fflush (stdout);

  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("ikou-bench: the run of %u systems failed: %s\n", size, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      guint size;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 10000000, &value, error))
        return FALSE;
      size = (guint) value;
      g_array_append_val (sizes, size);
    }
  return sizes->len > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *sizes_text = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *tmpdir = NULL;
  gboolean quick = FALSE;
  gboolean in_process = FALSE;
  gboolean failed = FALSE;
  g_autofree char *argv0 = NULL;
  struct rusage usage;
  Bench bench = { 0 };
  GString *line;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Plan sizes in systems (default 17,2000,34592)", "N,N,…" },
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick,
      "Fewer runs per figure", NULL },
    { "sample", 0, 0, G_OPTION_ARG_FILENAME, &sample,
      "The 17-system sample plan (XML)", "PLAN.xml" },
    { "in-process", 0, 0, G_OPTION_ARG_NONE, &in_process,
      "Run every size in this process (by default each size runs in a child)", NULL },
    { "tmpdir", 0, 0, G_OPTION_ARG_FILENAME, &tmpdir,
      "Write the files into this existing folder (default: a new one, removed at the end)", "DIR" },
    { NULL }
  };

  argv0 = g_file_read_link ("/proc/self/exe", NULL);
  if (argv0 == NULL)
    argv0 = g_strdup (argv[0]);

  if (!ikou_bench_parse_options (&argc, &argv, "ikou-bench",
                                 "- measure Ikou on national-scale plans", entries))
    return 2;
  if (!parse_sizes (sizes_text != NULL ? sizes_text : "17,2000,34592", sizes, &error))
    {
      g_printerr ("ikou-bench: %s\n", error != NULL ? error->message : "no sizes");
      return 2;
    }

  bench.quick = quick;
  bench.sample = sample != NULL ? sample : IKOU_BENCH_SAMPLE;
  bench.today = ikou_bench_today ();
  bench.schedule = ikou_schedule_load_default (&error);
  if (bench.schedule == NULL)
    {
      g_printerr ("ikou-bench: no national schedule: %s\n", error->message);
      return 1;
    }
  /* The parent only starts children: its own memory is not a figure. */
  report_phase_peak = in_process;
  /* The folder belongs to whoever made it: the parent removes it even
   * when a child aborts. */
  if (tmpdir != NULL)
    bench.tmpdir = g_strdup (tmpdir);
  else if ((bench.tmpdir = g_dir_make_tmp ("ikou-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("ikou-bench: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      guint size = g_array_index (sizes, guint, i);

      if (in_process)
        bench_size (&bench, size);
      else
        {
          double frame_ms = 0;
          guint frame_rows = 0;

          if (!run_child (&bench, argv0, size, &frame_ms, &frame_rows))
            failed = TRUE;
          else if (frame_ms > 0)
            note_frame (&bench, size, frame_rows, frame_ms);
        }
    }

  if (bench.frame_systems_largest > bench.frame_systems_smallest && bench.frame_ms_smallest > 0)
    {
      line = line_new ("frame-ratio", 0);
      /* A 17-system plan fills half the window: compare "rows_visible"
       * before reading the ratio as a cost of plan size. */
      line_add_uint (line, "small", bench.frame_systems_smallest);
      line_add_uint (line, "small_rows_visible", bench.frame_rows_smallest);
      line_add_uint (line, "large", bench.frame_systems_largest);
      line_add_uint (line, "large_rows_visible", bench.frame_rows_largest);
      line_add_double (line, "ratio", bench.frame_ms_largest / bench.frame_ms_smallest);
      line_print (line);
    }

  if (in_process)
    {
      getrusage (RUSAGE_SELF, &usage);
      line = line_new ("peak-rss", sizes->len == 1 ? g_array_index (sizes, guint, 0) : 0);
      line_add_double (line, "mb", MAX ((double) usage.ru_maxrss, overall_peak_kb) / 1024.0);
    }
  else
    {
      /* The largest peak of the children (ru_maxrss of RUSAGE_CHILDREN). */
      getrusage (RUSAGE_CHILDREN, &usage);
      line = line_new ("peak-rss", 0);
      line_add_double (line, "mb", usage.ru_maxrss / 1024.0);
    }
  line_print (line);

  if (tmpdir == NULL)
    remove_tree (bench.tmpdir);
  g_free (bench.tmpdir);
  g_object_unref (bench.schedule);

  return failed ? 1 : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

#include "ikou-bench-bulk.h"
#include "ikou-budget.h"
#include "ikou-checker.h"
#include "ikou-cost-cache.h"
#include "ikou-document.h"

/* The window's selection at national scale, each figure next to one full
 * check of the plan in the same process and run:
 *   bulk-shift: 10,000 selected systems (every third system) shifted by
 *     six months in the document, as one undo step, with the re-check
 *     of every system it moved (the findings the window shows);
 *   bulk-shift-undo: the undo of it, re-checked the same way;
 * both in the baseline and in a scenario (-scenario, against a full
 * check of the scenario: what the window shows);
 *   cost-sort: every system sorted by its own costs over FY2020-FY2035,
 *     as the list's cost column sorts (its comparisons), with each
 *     system's totals from the column's cache (first sort: computed;
 *     -again: a second sort, all cached), next to the same sort computing
 *     the totals at every comparison (cost-sort-uncached). */

#define N_SELECTED 10000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
median3 (const double *v)
{
  return MAX (MIN (v[0], v[1]), MIN (MAX (v[0], v[1]), v[2]));
}

static void
print_line (const char *bench,
            guint       systems,
            guint       selected,
            double      ms,
            double      check_ms)
{
  g_print ("{\"bench\": \"%s\", \"systems\": %u, \"selected\": %u, \"ms\": %.3f, "
           "\"check_ms\": %.3f, \"ratio\": %.2f}\n",
           bench, systems, selected, ms, check_ms, check_ms > 0 ? ms / check_ms : 0);
}

#define SORT_FIRST_FY 2020
#define SORT_LAST_FY  2035

static int
compare_uncached (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IkouPlan *plan = user_data;
  IkouSystem *sa = *(IkouSystem **) a, *sb = *(IkouSystem **) b;
  gint64 one_a, run_a, one_b, run_b;

  ikou_budget_system_totals (plan, NULL, sa, SORT_FIRST_FY, SORT_LAST_FY, &one_a, &run_a);
  ikou_budget_system_totals (plan, NULL, sb, SORT_FIRST_FY, SORT_LAST_FY, &one_b, &run_b);
  return one_a + run_a > one_b + run_b ? -1 : one_a + run_a < one_b + run_b ? 1 : 0;
}

static int
compare_cached (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return ikou_cost_cache_compare (user_data, *(IkouSystem **) a, *(IkouSystem **) b,
                                  SORT_FIRST_FY, SORT_LAST_FY);
}

static void
print_sort_line (const char *bench,
                 guint       systems,
                 double      ms)
{
  g_print ("{\"bench\": \"%s\", \"systems\": %u, \"ms\": %.3f}\n", bench, systems, ms);
}

/* Sorts the plan's systems (in plan order first) by @compare; in ms. */
static double
timed_sort (IkouPlan         *plan,
            GCompareDataFunc  compare,
            gpointer          data)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  double start;

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    g_ptr_array_add (order, ikou_plan_get_system (plan, i));
  start = now_ms ();
  g_ptr_array_sort_with_data (order, compare, data);
  return now_ms () - start;
}

static void
bench_cost_sort (IkouDocument *document)
{
  IkouPlan *plan = ikou_document_get_plan (document);
  g_autoptr(IkouCostCache) cache = ikou_cost_cache_new (document);
  guint n = ikou_plan_get_n_systems (plan);
  double uncached, first, again;

  uncached = timed_sort (plan, compare_uncached, plan);
  first = timed_sort (plan, compare_cached, cache);
  again = timed_sort (plan, compare_cached, cache);
  print_sort_line ("cost-sort-uncached", n, uncached);
  print_sort_line ("cost-sort", n, first);
  print_sort_line ("cost-sort-again", n, again);
}

void
ikou_bench_bulk (IkouPlan     *plan,
                 IkouSchedule *schedule,
                 IkouDay       today)
{
  g_autoptr(IkouDocument) document = ikou_document_new (plan, schedule);
  IkouHistory *history = ikou_document_get_history (document);
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n_systems = ikou_plan_get_n_systems (plan);
  guint stride = MAX (1, n_systems / N_SELECTED);
  IkouScenario *scenario;

  for (guint i = 0; i < n_systems && systems->len < N_SELECTED; i += stride)
    g_ptr_array_add (systems, ikou_plan_get_system (plan, i));
  ikou_document_set_today (document, today);

  scenario = ikou_document_add_scenario (document, "bench-bulk", NULL, NULL, &error);
  g_assert_no_error (error);
  for (int in_scenario = 0; in_scenario < 2; in_scenario++)
    {
      double check_ms[3], shift_ms[3], undo_ms[3];

      ikou_document_set_active_scenario (document, in_scenario ? scenario : NULL);
      ikou_document_flush (document);
      /* Each run next to a full check, so that a loaded machine weighs
       * on both alike. */
      for (guint i = 0; i < 3; i++)
        {
          double start = now_ms ();
          g_autoptr(GPtrArray) findings = ikou_check_plan (plan, in_scenario ? scenario : NULL,
                                                           schedule, today, NULL);

          check_ms[i] = now_ms () - start;
          start = now_ms ();
          if (!ikou_document_shift (document, in_scenario ? scenario : NULL, systems, 6,
                                    IKOU_SHIFT_ALL, &error))
            g_error ("bulk shift: %s", error->message);
          ikou_document_flush (document);
          shift_ms[i] = now_ms () - start;

          start = now_ms ();
          if (!ikou_history_undo (history))
            g_error ("bulk shift: no undo");
          ikou_document_flush (document);
          undo_ms[i] = now_ms () - start;
        }
      print_line (in_scenario ? "bulk-shift-scenario" : "bulk-shift", n_systems, systems->len,
                  median3 (shift_ms), median3 (check_ms));
      print_line (in_scenario ? "bulk-shift-undo-scenario" : "bulk-shift-undo", n_systems,
                  systems->len, median3 (undo_ms), median3 (check_ms));
    }
  ikou_document_set_active_scenario (document, NULL);
  ikou_document_delete_scenario (document, scenario);

  bench_cost_sort (document);
}

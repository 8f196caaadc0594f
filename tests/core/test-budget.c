/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ikou-budget.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-history.h"
#include "ikou-plan-file.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* Costs per fiscal year (ikou-budget), and how files carry them. */

static const IkouBudgetYear *
year_of (IkouBudget *budget,
         int         fy)
{
  g_assert_cmpint (fy, >=, budget->first_fy);
  g_assert_cmpint (fy, <=, budget->last_fy);
  g_assert_cmpint (budget->years[fy - budget->first_fy].fiscal_year, ==, fy);
  return &budget->years[fy - budget->first_fy];
}

static void
assert_year (IkouBudget *budget,
             int         fy,
             gint64      one_time,
             gint64      running)
{
  const IkouBudgetYear *year = year_of (budget, fy);

  g_test_message ("FY%d: one-time %" G_GINT64_FORMAT ", running %" G_GINT64_FORMAT,
                  fy, year->one_time, year->running);
  g_assert_cmpint (year->one_time, ==, one_time);
  g_assert_cmpint (year->running, ==, running);
}

/* The sample -------------------------------------------------------------- */

/* The sample's illustrative figures, summed by hand.  Hosts: 1 電算室内
 * 統合サーバ 12,000/年, 2 個別サーバ 2,400/年, 3 統合サーバ（クラウド）
 * 18,000/年, 4 ガバメントクラウド 6,000/年 (no system ever runs there:
 * nothing).  Systems with a cost of their own: 2 生活保護 3,000/年 and
 * 2,000/年 from its cut-over 2022-01-01; 8 介護保険 4,002/年 and 3,000/年
 * from 2023-01-01; 15 食品営業許可 1,000/年 throughout (its step sets
 * none).  Amounts: system 1 5,000 (contract 2021-07, FY2021), system 2
 * 8,000 (contract 2021-07, FY2021), system 8 12,000 (contract 2022-04,
 * FY2022), system 15 3,000 (contract 2023-04, FY2023).
 *
 * Host 1 runs systems until the last leaves: 15 cuts over 2023-10-01, so
 * FY2023 has April–September, 6 months: 6,000.  Host 2 runs 1 and 7
 * until 7 leaves on 2022-10-01: FY2022 6 months, 1,200.  Host 3 takes
 * systems 1–5 from January 2022: FY2021 3 months, 4,500.
 * System 2 in FY2021: 9 months at 3,000 and 3 at 2,000 = 33,000 / 12 =
 * 2,750.  System 8 in FY2022: 9 × 4,002 + 3 × 3,000 = 45,018 / 12 =
 * 3,751.5, rounded half up 3,752.
 *
 *          one-time  running
 * FY2020        0   12000 + 2400 + 3000 + 4002 + 1000          = 22402
 * FY2021    13000   12000 + 2400 + 4500 + 2750 + 4002 + 1000   = 26652
 * FY2022    12000   12000 + 1200 + 18000 + 2000 + 3752 + 1000  = 37952
 * FY2023     3000    6000 + 18000 + 2000 + 3000 + 1000         = 30000
 * FY2024        0   18000 + 2000 + 3000 + 1000                 = 24000
 * FY2025        0   the same                                   = 24000
 *
 * The reference: FY2018 22,500, the goal 70 % = 15,750. */
static void
test_sample (void)
{
  g_autofree char *xml_path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"),
                                                "data", "samples", "koriyama.xml", NULL);
  g_autofree char *ikou_path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"),
                                                 "data", "samples", "koriyama.ikou", NULL);
  const char *paths[] = { xml_path, ikou_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = ikou_plan_file_load (paths[i], &error);
      g_autoptr(IkouBudget) budget = NULL;
      int first, last;

      g_assert_no_error (error);
      g_assert_true (ikou_budget_default_range (plan, NULL, &first, &last));
      /* First milestone 2020-10-01, last 2023-10-01, + 2 years. */
      g_assert_cmpint (first, ==, 2020);
      g_assert_cmpint (last, ==, 2025);

      budget = ikou_budget_compute (plan, NULL, first, last);
      g_assert_cmpuint (budget->n_years, ==, 6);
      assert_year (budget, 2020, 0, 22402);
      assert_year (budget, 2021, 13000, 26652);
      assert_year (budget, 2022, 12000, 37952);
      assert_year (budget, 2023, 3000, 30000);
      assert_year (budget, 2024, 0, 24000);
      assert_year (budget, 2025, 0, 24000);
      g_assert_cmpint (budget->reference_fy, ==, 2018);
      g_assert_cmpint (budget->reference_running, ==, 22500);
      g_assert_cmpint (budget->goal, ==, 15750);
    }
}

/* A small plan to count months on ------------------------------------------ */

enum { HOST_OLD = 1, HOST_NEW = 2, HOST_IDLE = 3 };

static IkouPlan *
make_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();

  ikou_test_add_hosts (plan,
                       HOST_OLD, "旧サーバ", IKOU_HOST_ONPREM_SHARED,
                       HOST_NEW, "クラウド", IKOU_HOST_SHARED_CLOUD,
                       HOST_IDLE, "未使用", IKOU_HOST_GOV_CLOUD,
                       0);
  ikou_host_set_annual_cost (ikou_plan_lookup_host (plan, HOST_OLD), 1200);
  ikou_host_set_annual_cost (ikou_plan_lookup_host (plan, HOST_NEW), 2400);
  ikou_host_set_annual_cost (ikou_plan_lookup_host (plan, HOST_IDLE), 999999);
  return plan;
}

static IkouSystem *
add_system (IkouPlan   *plan,
            gint64      annual_cost,
            const char *cutover,
            gint64      cost_after)
{
  g_autoptr(IkouSystem) system = ikou_system_new (0, "システム");
  IkouStep step = ikou_test_step (HOST_OLD, HOST_NEW, NULL, -1, NULL, cutover);

  ikou_system_set_host (system, HOST_OLD);
  ikou_system_set_annual_cost (system, annual_cost);
  step.annual_cost = cost_after;
  ikou_system_insert_step (system, G_MAXUINT, &step);
  ikou_plan_add_system (plan, system);
  return system;
}

/* The month of a cut-over counts on the new host and at the new cost,
 * whatever its day; fiscal years turn in April. */
static void
test_month_boundaries (void)
{
  struct {
    const char *cutover;
    guint       old_months_fy2024; /* months on the old host in FY2024 */
    guint       old_months_fy2025;
  } cases[] = {
    { "2025-04-01", 12, 0 },  /* the first day of FY2025 */
    { "2025-04-30", 12, 0 },  /* any day of April: April is the new host's */
    { "2025-03-31", 11, 0 },  /* the last day of FY2024: March is the new host's */
    { "2024-04-01", 0, 0 },
    { "2025-05-01", 12, 1 },
    { "2026-03-01", 12, 11 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IkouPlan) plan = make_plan ();
      g_autoptr(IkouBudget) budget = NULL;
      guint old24 = cases[i].old_months_fy2024, old25 = cases[i].old_months_fy2025;

      g_test_message ("cut-over %s", cases[i].cutover);
      /* The system: 120/年 before, 240/年 after; hosts 1,200 and 2,400. */
      add_system (plan, 120, cases[i].cutover, 240);
      budget = ikou_budget_compute (plan, NULL, 2024, 2025);
      assert_year (budget, 2024, 0,
                   ikou_budget_prorate (1200, old24) + ikou_budget_prorate (2400, 12 - old24) +
                   (120 * old24 + 240 * (12 - old24) + 6) / 12);
      assert_year (budget, 2025, 0,
                   ikou_budget_prorate (1200, old25) + ikou_budget_prorate (2400, 12 - old25) +
                   (120 * old25 + 240 * (12 - old25) + 6) / 12);
    }

  /* Spelled out once: a cut-over on 2025-03-31 leaves 11 months of
   * FY2024 on the old host (1,100) and March on the new one (200); the
   * system costs (11 × 120 + 240) / 12 = 130. */
  {
    g_autoptr(IkouPlan) plan = make_plan ();
    g_autoptr(IkouBudget) budget = NULL;

    add_system (plan, 120, "2025-03-31", 240);
    budget = ikou_budget_compute (plan, NULL, 2024, 2024);
    assert_year (budget, 2024, 0, 1100 + 200 + 130);
  }
}

/* A host costs while at least one system runs on it: two systems
 * leaving at different months keep it for the later one; a host nobody
 * uses costs nothing. */
static void
test_host_occupancy (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouBudget) budget = NULL;

  add_system (plan, -1, "2025-07-01", -1);  /* leaves in July */
  add_system (plan, -1, "2025-10-15", -1);  /* leaves in October */
  add_system (plan, -1, NULL, -1);          /* no cut-over: never leaves … */
  budget = ikou_budget_compute (plan, NULL, 2025, 2025);
  /* … so the old host runs all year (1,200), the new one from July
   * (9 months of 2,400 = 1,800). */
  assert_year (budget, 2025, 0, 1200 + 1800);

  g_clear_object (&plan);
  g_clear_pointer (&budget, ikou_budget_free);
  plan = make_plan ();
  add_system (plan, -1, "2025-07-01", -1);
  add_system (plan, -1, "2025-10-15", -1);
  budget = ikou_budget_compute (plan, NULL, 2025, 2026);
  /* Old host April–September: 600; new host from July: 1,800. */
  assert_year (budget, 2025, 0, 600 + 1800);
  assert_year (budget, 2026, 0, 2400);
}

static void
test_rounding (void)
{
  /* round-half-up(annual × months / 12) */
  g_assert_cmpint (ikou_budget_prorate (1, 6), ==, 1);    /* 0.5 */
  g_assert_cmpint (ikou_budget_prorate (1, 5), ==, 0);    /* 0.41… */
  g_assert_cmpint (ikou_budget_prorate (1001, 6), ==, 501); /* 500.5 */
  g_assert_cmpint (ikou_budget_prorate (1000, 1), ==, 83);  /* 83.33… */
  g_assert_cmpint (ikou_budget_prorate (1000, 12), ==, 1000);
  g_assert_cmpint (ikou_budget_prorate (0, 12), ==, 0);
  g_assert_cmpint (ikou_budget_prorate (G_MAXINT64, 12), ==, G_MAXINT64 / 12);

  /* The goal: 70 %, half up. */
  g_assert_cmpint (ikou_budget_goal (22500), ==, 15750);
  g_assert_cmpint (ikou_budget_goal (5), ==, 4);   /* 3.5 */
  g_assert_cmpint (ikou_budget_goal (1), ==, 1);   /* 0.7 */
  g_assert_cmpint (ikou_budget_goal (3), ==, 2);   /* 2.1 */
  g_assert_cmpint (ikou_budget_goal (0), ==, 0);
  g_assert_cmpint (ikou_budget_goal (-1), ==, -1);
  g_assert_cmpint (ikou_budget_goal (G_MAXINT64), >, 0);

  /* Per item, not per month: one system at 1,001/年 for 6 months is 501
   * (500.5 up), not 6 × 83.4. */
  {
    g_autoptr(IkouPlan) plan = ikou_plan_new ();
    g_autoptr(IkouBudget) budget = NULL;

    add_system (plan, 1001, "2025-10-01", 0);
    budget = ikou_budget_compute (plan, NULL, 2025, 2025);
    assert_year (budget, 2025, 0, 501);
  }
}

/* The day-to-month arithmetic agrees with the calendar everywhere. */
static void
test_month_arithmetic (void)
{
  for (IkouDay day = ikou_test_day ("1899-12-01"); day <= ikou_test_day ("2201-03-31"); day++)
    {
      int year, month;

      g_assert_true (ikou_day_to_ymd (day, &year, &month, NULL));
      if (_ikou_budget_month_of (day) != (gint64) year * 12 + month - 1)
        g_error ("day %d: %" G_GINT64_FORMAT " for %d-%d", day, _ikou_budget_month_of (day),
                 year, month);
    }
}

/* One-time amounts: the contract's fiscal year; without a contract the
 * year after the budget request (the same for 補正予算); without either,
 * none.  Unknown amounts count as nothing. */
static void
test_one_time (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSystem) system = ikou_system_new (0, "システム");
  g_autoptr(IkouBudget) budget = NULL;
  struct {
    const char *budget_date;
    const char *contract;
    gboolean    supplementary;
    gint64      amount;
  } steps[] = {
    { "2024-10-01", "2025-04-01", FALSE, 1 },      /* contract: FY2025 */
    { "2024-10-01", "2025-03-31", FALSE, 10 },     /* contract: FY2024 */
    { "2024-10-01", NULL, FALSE, 100 },            /* the year after the request: FY2025 */
    { "2025-03-31", NULL, FALSE, 1000 },           /* request in FY2024: FY2025 */
    { "2025-06-01", NULL, TRUE, 10000 },           /* 補正予算: FY2025 */
    { NULL, NULL, FALSE, 100000 },                 /* no year */
    { "2025-06-01", NULL, FALSE, -1 },             /* unknown */
    { "2026-04-01", NULL, FALSE, 1000000 },        /* FY2027: outside the range */
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(IkouStep) step = ikou_step_new ();

      step->budget_date = steps[i].budget_date ? ikou_test_day (steps[i].budget_date) : IKOU_DAY_NONE;
      step->contract_date = steps[i].contract ? ikou_test_day (steps[i].contract) : IKOU_DAY_NONE;
      step->supplementary = steps[i].supplementary;
      step->budget_amount = steps[i].amount;
      ikou_system_insert_step (system, G_MAXUINT, step);
    }
  ikou_plan_add_system (plan, system);

  budget = ikou_budget_compute (plan, NULL, 2024, 2026);
  assert_year (budget, 2024, 10, 0);
  assert_year (budget, 2025, 1 + 100 + 1000 + 10000, 0);
  assert_year (budget, 2026, 0, 0);
}

/* The scenario's view: an override of the cut-over, of the cost after
 * it and of the amount; the baseline is unchanged. */
static void
test_scenario (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("前倒し");
  g_autoptr(IkouBudget) baseline = NULL;
  g_autoptr(IkouBudget) what_if = NULL;
  IkouSystem *system = add_system (plan, 1200, "2026-04-01", 600);
  IkouStep st = { .annual_cost = -1 };

  ikou_step_assign (&st, ikou_system_get_step (system, 0));
  st.contract_date = ikou_test_day ("2025-04-01");
  st.budget_amount = 5000;
  ikou_system_set_step (system, 0, &st);
  g_free (st.note);

  ikou_plan_add_scenario (plan, scenario);
  ikou_scenario_set_override (scenario, ikou_system_get_id (system), 0,
                              IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-10-01"));
  ikou_scenario_set_override (scenario, ikou_system_get_id (system), 0,
                              IKOU_OVERRIDE_ANNUAL_COST, 0);
  ikou_scenario_set_override (scenario, ikou_system_get_id (system), 0,
                              IKOU_OVERRIDE_AMOUNT, 6000);

  baseline = ikou_budget_compute (plan, NULL, 2025, 2026);
  what_if = ikou_budget_compute (plan, scenario, 2025, 2026);
  /* Baseline FY2025: old host 1,200 + system 1,200; FY2026: new host
   * 2,400 + system 600. */
  assert_year (baseline, 2025, 5000, 2400);
  assert_year (baseline, 2026, 0, 3000);
  /* The scenario moves in October at no cost of its own: FY2025 old
   * host 600 + new host 1,200 + system 6 months of 1,200 = 600. */
  assert_year (what_if, 2025, 6000, 600 + 1200 + 600);
  assert_year (what_if, 2026, 0, 2400);
}

/* Files ------------------------------------------------------------------ */

static IkouPlan *
make_costly_plan (void)
{
  IkouPlan *plan = make_plan ();
  IkouScenario *scenario = ikou_scenario_new ("案");
  IkouSystem *system = add_system (plan, 1234, "2025-10-01", 0);
  g_autoptr(IkouStep) added = ikou_step_new ();

  ikou_plan_set_reference_fy (plan, 2019);
  ikou_plan_set_reference_cost (plan, 98765);
  ikou_plan_add_scenario (plan, scenario);
  ikou_scenario_set_override (scenario, ikou_system_get_id (system), 0,
                              IKOU_OVERRIDE_ANNUAL_COST, 4321);
  added->cutover_date = ikou_test_day ("2027-04-01");
  added->annual_cost = 77;
  ikou_scenario_insert_added_step (scenario, ikou_system_get_id (system), 0, added);
  g_object_unref (scenario);
  return plan;
}

static void
test_round_trips (void)
{
  g_autoptr(IkouPlan) plan = make_costly_plan ();
  g_autofree char *dir = NULL;
  g_autofree char *ikou_path = ikou_test_save_in_temp_dir (plan, &dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) from_store = ikou_store_load (ikou_path, &error);
  g_autoptr(IkouPlan) from_xml = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  g_autofree char *difference = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (ikou_plan_equal (plan, from_store, &difference));

  xml = ikou_xml_write_data (plan, &length);
  g_assert_nonnull (strstr (xml, "<ikou-plan format=\"3\">"));
  g_assert_nonnull (strstr (xml, "<reference-cost fy=\"2019\">98765</reference-cost>"));
  g_assert_nonnull (strstr (xml, "annual-cost=\"1234\""));
  g_assert_nonnull (strstr (xml, "field=\"annual-cost\" value=\"4321\""));
  from_xml = ikou_xml_read_data (xml, length, "plan.xml", &error);
  g_assert_no_error (error);
  g_assert_true (ikou_plan_equal (plan, from_xml, &difference));
  xml_again = ikou_xml_write_data (from_xml, NULL);
  g_assert_cmpstr (xml, ==, xml_again);

  /* A plan without costs keeps its lower format, and a year alone is
   * written (it says something). */
  g_clear_object (&plan);
  plan = ikou_plan_new ();
  g_clear_pointer (&xml, g_free);
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "format=\"1\""));
  g_assert_null (strstr (xml, "reference-cost"));
  ikou_plan_set_reference_fy (plan, 2020);
  g_clear_pointer (&xml, g_free);
  xml = ikou_xml_write_data (plan, &length);
  g_assert_nonnull (strstr (xml, "<reference-cost fy=\"2020\"/>"));
  g_clear_object (&from_xml);
  from_xml = ikou_xml_read_data (xml, length, "plan.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_plan_get_reference_fy (from_xml), ==, 2020);
  g_assert_cmpint (ikou_plan_get_reference_cost (from_xml), ==, -1);

  ikou_test_remove_tree (dir);
}

/* The plan model compares and notifies the new fields. */
static void
test_model (void)
{
  g_autoptr(IkouPlan) a = make_costly_plan ();
  g_autoptr(IkouPlan) b = make_costly_plan ();
  g_autofree char *difference = NULL;

  g_assert_true (ikou_plan_equal (a, b, NULL));
  ikou_plan_set_reference_cost (b, 1);
  g_assert_false (ikou_plan_equal (a, b, &difference));
  g_assert_nonnull (strstr (difference, "reference cost"));
  ikou_plan_set_reference_cost (b, 98765);
  ikou_host_set_annual_cost (ikou_plan_get_host (b, 0), 1);
  g_assert_false (ikou_plan_equal (a, b, NULL));
  ikou_host_set_annual_cost (ikou_plan_get_host (b, 0), 1200);
  ikou_system_set_annual_cost (ikou_plan_get_system (b, 0), 1);
  g_assert_false (ikou_plan_equal (a, b, NULL));
  ikou_system_set_annual_cost (ikou_plan_get_system (b, 0), 1234);
  g_assert_true (ikou_plan_equal (a, b, NULL));
}

/* Editors set costs through the history by property name: undoable. */
static void
test_history (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *system = add_system (plan, 100, "2025-04-01", 50);
  IkouHost *host = ikou_plan_get_host (plan, 0);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (system, 0));

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 777);
  ikou_history_set_system_property (history, system, "annual-cost", &value);
  ikou_history_set_host_property (history, host, "annual-cost", &value);
  ikou_history_set_plan_property (history, "reference-cost", &value);
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 2020);
  ikou_history_set_plan_property (history, "reference-fy", &value);
  step->annual_cost = 60;
  g_assert_cmpstr (ikou_history_describe_step_change (ikou_system_get_step (system, 0), step), ==,
                   "Edit running cost");
  ikou_history_set_step (history, system, 0, step);

  g_assert_cmpint (ikou_system_get_annual_cost (system), ==, 777);
  g_assert_cmpint (ikou_host_get_annual_cost (host), ==, 777);
  g_assert_cmpint (ikou_plan_get_reference_cost (plan), ==, 777);
  g_assert_cmpint (ikou_plan_get_reference_fy (plan), ==, 2020);
  g_assert_cmpint (ikou_system_get_step (system, 0)->annual_cost, ==, 60);

  for (guint i = 0; i < 5; i++)
    g_assert_true (ikou_history_undo (history));
  g_assert_cmpint (ikou_system_get_annual_cost (system), ==, 100);
  g_assert_cmpint (ikou_host_get_annual_cost (host), ==, 1200);
  g_assert_cmpint (ikou_plan_get_reference_cost (plan), ==, -1);
  g_assert_cmpint (ikou_plan_get_reference_fy (plan), ==, 2018);
  g_assert_cmpint (ikou_system_get_step (system, 0)->annual_cost, ==, 50);
}

/* Bad input in XML: a clear sentence, no plan. */
static void
test_bad_xml (void)
{
  static const struct {
    const char *xml;
    const char *in_message;
  } cases[] = {
    { "<ikou-plan format=\"3\"><hosts><host id=\"1\" kind=\"other\" annual-cost=\"-5\"/></hosts>"
      "<systems/></ikou-plan>", "negative" },
    { "<ikou-plan format=\"3\"><hosts><host id=\"1\" kind=\"other\" annual-cost=\"much\"/></hosts>"
      "<systems/></ikou-plan>", "annual-cost" },
    { "<ikou-plan format=\"3\"><hosts/><systems><system id=\"1\" status=\"done\" annual-cost=\"-1\"/>"
      "</systems></ikou-plan>", "negative" },
    { "<ikou-plan format=\"3\"><hosts/><systems><system id=\"1\" status=\"done\">"
      "<step annual-cost=\"100\"/></system></systems></ikou-plan>", "cutover-date" },
    { "<ikou-plan format=\"3\"><reference-cost>100</reference-cost><hosts/><systems/></ikou-plan>",
      "fy=" },
    { "<ikou-plan format=\"3\"><reference-cost fy=\"H30\">100</reference-cost><hosts/><systems/>"
      "</ikou-plan>", "H30" },
    { "<ikou-plan format=\"3\"><reference-cost fy=\"2018\">-100</reference-cost><hosts/><systems/>"
      "</ikou-plan>", "-100" },
    { "<ikou-plan format=\"3\"><reference-cost fy=\"2018\">1,000</reference-cost><hosts/><systems/>"
      "</ikou-plan>", "1,000" },
    { "<ikou-plan format=\"3\"><hosts/><systems><system id=\"1\" status=\"done\">"
      "<step cutover-date=\"2025-04-01\"/></system></systems><scenarios><scenario name=\"a\">"
      "<override system=\"1\" step=\"0\" field=\"annual-cost\" value=\"-3\"/></scenario>"
      "</scenarios></ikou-plan>", "negative" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = ikou_xml_read_data (cases[i].xml, strlen (cases[i].xml),
                                                     "bad.xml", &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "bad.xml"));
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

/* A step's cost after a cut-over it does not have applies to nothing:
 * it is not written (the readers would refuse it), in either format. */
static void
test_cost_without_cutover (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autofree char *dir = g_dir_make_tmp ("ikou-budget-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ikou", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) loaded = NULL;
  g_autoptr(IkouPlan) from_xml = NULL;
  g_autofree char *xml = NULL;
  gsize length;

  add_system (plan, 100, NULL, 50);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
  loaded = ikou_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (loaded, 0), 0)->annual_cost, ==, -1);

  xml = ikou_xml_write_data (plan, &length);
  from_xml = ikou_xml_read_data (xml, length, "plan.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (from_xml, 0), 0)->annual_cost, ==, -1);

  g_unlink (path);
  g_rmdir (dir);
}

/* A version 3 file (no cost columns) opens with no costs. */
static void
test_version_3 (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ikou-budget-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ikou", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  add_system (plan, 500, "2025-04-01", 400);
  ikou_plan_set_reference_cost (plan, 1000);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* A version 3 reader never looks at columns it does not know: the
   * costs written are not read back. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  loaded = ikou_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_plan_get_reference_fy (loaded), ==, 2018);
  g_assert_cmpint (ikou_plan_get_reference_cost (loaded), ==, -1);
  for (guint i = 0; i < ikou_plan_get_n_hosts (loaded); i++)
    g_assert_cmpint (ikou_host_get_annual_cost (ikou_plan_get_host (loaded, i)), ==, -1);
  g_assert_cmpint (ikou_system_get_annual_cost (ikou_plan_get_system (loaded, 0)), ==, -1);
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (loaded, 0), 0)->annual_cost, ==, -1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget/sample", test_sample);
  g_test_add_func ("/budget/month-boundaries", test_month_boundaries);
  g_test_add_func ("/budget/host-occupancy", test_host_occupancy);
  g_test_add_func ("/budget/rounding", test_rounding);
  g_test_add_func ("/budget/month-arithmetic", test_month_arithmetic);
  g_test_add_func ("/budget/one-time", test_one_time);
  g_test_add_func ("/budget/scenario", test_scenario);
  g_test_add_func ("/budget/round-trips", test_round_trips);
  g_test_add_func ("/budget/model", test_model);
  g_test_add_func ("/budget/history", test_history);
  g_test_add_func ("/budget/bad-xml", test_bad_xml);
  g_test_add_func ("/budget/cost-without-cutover", test_cost_without_cutover);
  g_test_add_func ("/budget/version-3", test_version_3);

  return g_test_run ();
}

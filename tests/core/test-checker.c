/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"
#include "ikou-standing.h"

/* Every rule of the checker has a case where it fires and one where it
 * does not, on the boundaries the rule names. */

enum { HOST_ONPREM = 1, HOST_CLOUD, HOST_GOV };

static IkouSchedule *schedule;

/* A plan with one standardized system that moves, in one standard-
 * compliant step, from the on-premises server to the Government Cloud
 * well before the deadline, everything in order.  No rule fires on it. */
static IkouPlan *
make_plan (IkouSystem **out_system)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouHost) onprem = ikou_host_new (HOST_ONPREM, "統合サーバ（電算室内）", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) cloud = ikou_host_new (HOST_CLOUD, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD);
  g_autoptr(IkouHost) gov = ikou_host_new (HOST_GOV, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);
  g_autoptr(IkouSystem) system = ikou_system_new (1, "戸籍システム");
  g_autoptr(IkouStep) step = ikou_step_new ();

  ikou_host_set_available_until (onprem, ikou_test_day ("2026-03-31"));
  ikou_host_set_available_from (cloud, ikou_test_day ("2021-10-01"));
  ikou_plan_add_host (plan, onprem);
  ikou_plan_add_host (plan, cloud);
  ikou_plan_add_host (plan, gov);

  ikou_system_set_operation (system, "family-register");
  ikou_system_set_host (system, HOST_ONPREM);
  step->from_host = HOST_ONPREM;
  step->to_host = HOST_GOV;
  step->budget_date = ikou_test_day ("2023-10-01");
  step->contract_date = ikou_test_day ("2024-04-01");
  step->cutover_date = ikou_test_day ("2025-04-01");
  step->standard_compliant = TRUE;
  ikou_system_insert_step (system, 0, step);
  ikou_plan_add_system (plan, system);

  if (out_system != NULL)
    *out_system = system;
  return plan;
}

static IkouStep
get_step (IkouSystem *system,
          guint       index)
{
  IkouStep step = *ikou_system_get_step (system, index);

  step.note = NULL;
  return step;
}

/* Runs the checker as of 2023-01-01 (before every milestone, so
 * status.overdue stays quiet unless a test asks for it). */
static GPtrArray *
check_at (IkouPlan     *plan,
          IkouScenario *scenario,
          const char   *today)
{
  return ikou_check_plan (plan, scenario, schedule, ikou_test_day (today), NULL);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule))
        {
          /* Every finding has a sentence. */
          g_assert_cmpstr (ikou_finding_get_message (f), !=, "");
          n++;
        }
    }
  return n;
}

static IkouFinding *
find_rule (GPtrArray  *findings,
           const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule))
        return f;
    }
  return NULL;
}

static void
test_clean_plan (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) findings = check_at (plan, NULL, "2023-01-01");

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", ((IkouFinding *) g_ptr_array_index (findings, i))->rule);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
set_cutover (IkouSystem *system,
             const char *iso)
{
  IkouStep step = get_step (system, 0);

  step.cutover_date = ikou_test_day (iso);
  ikou_system_set_step (system, 0, &step);
}

static void
test_deadline_missed (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) on_deadline = NULL;
  g_autoptr(GPtrArray) after = NULL;
  IkouFinding *f;

  set_cutover (system, "2026-03-31");
  on_deadline = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (on_deadline, IKOU_RULE_DEADLINE_MISSED), ==, 0);

  set_cutover (system, "2026-04-01");
  after = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (after, IKOU_RULE_DEADLINE_MISSED), ==, 1);
  f = find_rule (after, IKOU_RULE_DEADLINE_MISSED);
  g_assert_cmpint (f->severity, ==, IKOU_SEVERITY_ERROR);
  g_assert_cmpint (f->date, ==, ikou_test_day ("2026-04-01"));
  g_assert_cmpint (f->deadline, ==, ikou_test_day ("2026-03-31"));
  g_assert_cmpint (f->step, ==, 0);
  g_assert_cmpuint (f->system_id, ==, 1);
  g_assert_cmpstr (f->system_name, ==, "戸籍システム");
  g_assert_nonnull (strstr (ikou_finding_get_message (f), "2026-04-01"));
  /* Missed is not also "at risk". */
  g_assert_cmpuint (count_rule (after, IKOU_RULE_DEADLINE_AT_RISK), ==, 0);
}

static void
test_deadline_first_compliant_step (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) findings = NULL;
  IkouStep first = get_step (system, 0);
  IkouStep second = get_step (system, 0);

  /* A first move to the own cloud (not compliant) in time, then the
   * compliant move late: the compliant one counts. */
  first.to_host = HOST_CLOUD;
  first.standard_compliant = FALSE;
  first.cutover_date = ikou_test_day ("2022-01-01");
  first.contract_date = ikou_test_day ("2021-07-01");
  first.budget_date = ikou_test_day ("2020-10-01");
  ikou_system_set_step (system, 0, &first);
  second.from_host = HOST_CLOUD;
  second.cutover_date = ikou_test_day ("2027-01-01");
  ikou_system_insert_step (system, 1, &second);

  findings = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (findings, IKOU_RULE_DEADLINE_MISSED), ==, 1);
  g_assert_cmpint (find_rule (findings, IKOU_RULE_DEADLINE_MISSED)->step, ==, 1);
}

static void
test_deadline_no_plan (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) fires = NULL;
  g_autoptr(GPtrArray) no_date = NULL;
  g_autoptr(GPtrArray) not_standardized = NULL;
  IkouStep step = get_step (system, 0);

  step.standard_compliant = FALSE;
  ikou_system_set_step (system, 0, &step);
  fires = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (fires, IKOU_RULE_DEADLINE_NO_PLAN), ==, 1);
  g_assert_cmpint (find_rule (fires, IKOU_RULE_DEADLINE_NO_PLAN)->step, ==, -1);
  g_assert_cmpint (find_rule (fires, IKOU_RULE_DEADLINE_NO_PLAN)->deadline, ==, ikou_test_day ("2026-03-31"));

  /* A compliant step without a cut-over date is no plan either. */
  step.standard_compliant = TRUE;
  step.cutover_date = IKOU_DAY_NONE;
  ikou_system_set_step (system, 0, &step);
  no_date = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (no_date, IKOU_RULE_DEADLINE_NO_PLAN), ==, 1);
  g_assert_cmpint (find_rule (no_date, IKOU_RULE_DEADLINE_NO_PLAN)->step, ==, 0);

  /* A system that is not a standardized operation has no deadline. */
  step.standard_compliant = FALSE;
  ikou_system_set_step (system, 0, &step);
  ikou_system_set_operation (system, NULL);
  not_standardized = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (not_standardized, IKOU_RULE_DEADLINE_NO_PLAN), ==, 0);
  g_assert_cmpuint (count_rule (not_standardized, IKOU_RULE_DEADLINE_MISSED), ==, 0);
}

static void
test_deadline_no_steps (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) findings = NULL;

  ikou_system_remove_step (system, 0);
  findings = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (findings, IKOU_RULE_DEADLINE_NO_PLAN), ==, 1);
}

static void
test_deadline_at_risk (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) within = NULL;
  g_autoptr(GPtrArray) narrow = NULL;
  IkouCheckOptions options = { .margin_months = 1 };
  IkouFinding *f;

  set_cutover (system, "2025-12-31");
  before = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (before, IKOU_RULE_DEADLINE_AT_RISK), ==, 0);

  set_cutover (system, "2026-01-01");
  within = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (within, IKOU_RULE_DEADLINE_AT_RISK), ==, 1);
  f = find_rule (within, IKOU_RULE_DEADLINE_AT_RISK);
  g_assert_cmpint (f->severity, ==, IKOU_SEVERITY_WARNING);

  /* A narrower margin does not flag it. */
  narrow = ikou_check_plan (plan, NULL, schedule, ikou_test_day ("2023-01-01"), &options);
  g_assert_cmpuint (count_rule (narrow, IKOU_RULE_DEADLINE_AT_RISK), ==, 0);
}

static void
test_tokutei (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) within_limit = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  g_autoptr(GPtrArray) own_deadline_missed = NULL;

  ikou_system_set_tokutei (system, TRUE);
  ikou_system_set_tokutei_reason (system, "ベンダのリソース逼迫");
  ikou_system_set_tokutei_deadline (system, ikou_test_day ("2031-03-31"));
  /* After R7年度末 but within the approved deadline: fine. */
  set_cutover (system, "2028-10-01");
  within_limit = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (within_limit, IKOU_RULE_TOKUTEI_BEYOND_LIMIT), ==, 0);
  g_assert_cmpuint (count_rule (within_limit, IKOU_RULE_DEADLINE_MISSED), ==, 0);

  ikou_system_set_tokutei_deadline (system, ikou_test_day ("2031-04-01"));
  beyond = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (beyond, IKOU_RULE_TOKUTEI_BEYOND_LIMIT), ==, 1);
  g_assert_cmpint (find_rule (beyond, IKOU_RULE_TOKUTEI_BEYOND_LIMIT)->deadline, ==, ikou_test_day ("2031-03-31"));

  /* Its own deadline is what the cut-over is checked against. */
  ikou_system_set_tokutei_deadline (system, ikou_test_day ("2028-03-31"));
  own_deadline_missed = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (own_deadline_missed, IKOU_RULE_DEADLINE_MISSED), ==, 1);
  g_assert_cmpint (find_rule (own_deadline_missed, IKOU_RULE_DEADLINE_MISSED)->deadline, ==,
                   ikou_test_day ("2028-03-31"));
}

/* 経過措置: the 届出 is missing or after the system's deadline. */
static void
test_transitional_notice (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) in_time = NULL;
  g_autoptr(GPtrArray) on_deadline = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) tokutei = NULL;
  IkouFinding *f;

  /* Without 経過措置 the date means nothing. */
  ikou_system_set_transitional_functions (system, "帳票の一部");
  none = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (none, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 0);

  ikou_system_set_transitional (system, TRUE);
  ikou_system_set_transitional_completion (system, ikou_test_day ("2027-03-31"));
  missing = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (missing, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 1);
  f = find_rule (missing, IKOU_RULE_TRANSITIONAL_NOTICE);
  g_assert_cmpint (f->severity, ==, IKOU_SEVERITY_WARNING);
  g_assert_cmpint (f->step, ==, 0);
  g_assert_cmpint (f->date, ==, IKOU_DAY_NONE);
  g_assert_cmpint (f->deadline, ==, ikou_test_day ("2026-03-31"));
  g_assert_nonnull (strstr (ikou_finding_get_message (f), "2026-03-31"));

  ikou_system_set_transitional_notified (system, ikou_test_day ("2025-11-28"));
  in_time = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (in_time, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 0);

  /* On the deadline is in time; the day after is not. */
  ikou_system_set_transitional_notified (system, ikou_test_day ("2026-03-31"));
  on_deadline = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (on_deadline, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 0);
  ikou_system_set_transitional_notified (system, ikou_test_day ("2026-04-01"));
  late = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (late, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 1);
  f = find_rule (late, IKOU_RULE_TRANSITIONAL_NOTICE);
  g_assert_cmpint (f->date, ==, ikou_test_day ("2026-04-01"));
  g_assert_nonnull (strstr (ikou_finding_get_message (f), "2026-04-01"));

  /* A 特定移行支援 system's own deadline is the limit. */
  ikou_system_set_tokutei (system, TRUE);
  ikou_system_set_tokutei_deadline (system, ikou_test_day ("2029-03-31"));
  tokutei = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (tokutei, IKOU_RULE_TRANSITIONAL_NOTICE), ==, 0);
}

/* English messages name the operation in English (the schedule has both):
 * no Japanese outside the plan's own data. */
static void
test_english_operation (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) findings = NULL;
  const IkouOperation *op = ikou_schedule_lookup_operation (schedule, "family-register");
  IkouStep step = get_step (system, 0);
  const char *message;

  g_assert_false (ikou_locale_is_japanese ());
  step.standard_compliant = FALSE;
  ikou_system_set_step (system, 0, &step);
  findings = check_at (plan, NULL, "2023-01-01");
  message = ikou_finding_get_message (find_rule (findings, IKOU_RULE_DEADLINE_NO_PLAN));
  g_assert_nonnull (strstr (message, op->name_en));
  for (const char *p = message; *p; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
}

static guint
standing_of (IkouPlan   *plan,
             const char *today,
             int         kind)
{
  IkouStanding standing;

  ikou_standing_compute (plan, NULL, schedule, ikou_test_day (today), &standing);
  g_assert_cmpuint (standing.standardized, ==, 1);
  return standing.counts[kind];
}

/* Where the plan stands today: one standardized system through every
 * category. */
static void
test_standing (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(IkouSystem) other = ikou_system_new (2, "独自システム");
  IkouStanding standing;
  IkouStep step;

  /* Not a standardized operation: not counted. */
  ikou_plan_add_system (plan, other);

  /* Cut-over 2025-04-01, before the deadline. */
  g_assert_cmpuint (standing_of (plan, "2024-01-01", IKOU_STANDING_PLANNED), ==, 1);
  g_assert_cmpuint (standing_of (plan, "2025-04-01", IKOU_STANDING_MIGRATED), ==, 1);
  g_assert_cmpuint (standing_of (plan, "2026-12-01", IKOU_STANDING_MIGRATED), ==, 1);

  /* After the deadline. */
  set_cutover (system, "2026-06-01");
  g_assert_cmpuint (standing_of (plan, "2024-01-01", IKOU_STANDING_MISSED), ==, 1);
  g_assert_cmpuint (standing_of (plan, "2026-12-01", IKOU_STANDING_MISSED), ==, 1);

  /* 特定移行支援 with its own deadline: not missed, until that passes. */
  ikou_system_set_tokutei (system, TRUE);
  ikou_system_set_tokutei_deadline (system, ikou_test_day ("2029-03-31"));
  set_cutover (system, "2028-10-01");
  g_assert_cmpuint (standing_of (plan, "2026-12-01", IKOU_STANDING_TOKUTEI), ==, 1);
  ikou_standing_compute (plan, NULL, schedule, ikou_test_day ("2026-12-01"), &standing);
  g_assert_cmpint (standing.tokutei_first, ==, ikou_test_day ("2029-03-31"));
  g_assert_cmpint (standing.tokutei_last, ==, ikou_test_day ("2029-03-31"));
  g_assert_cmpuint (standing_of (plan, "2028-12-01", IKOU_STANDING_MIGRATED), ==, 1);

  /* No standard-compliant step: not planned, then missed. */
  ikou_system_set_tokutei (system, FALSE);
  step = get_step (system, 0);
  step.standard_compliant = FALSE;
  ikou_system_set_step (system, 0, &step);
  g_assert_cmpuint (standing_of (plan, "2024-01-01", IKOU_STANDING_UNPLANNED), ==, 1);
  g_assert_cmpuint (standing_of (plan, "2026-04-01", IKOU_STANDING_MISSED), ==, 1);

  /* Marked done: migrated, whatever the dates; not in scope: not counted. */
  ikou_system_set_status (system, IKOU_STATUS_DONE);
  g_assert_cmpuint (standing_of (plan, "2026-04-01", IKOU_STANDING_MIGRATED), ==, 1);
  ikou_system_set_status (system, IKOU_STATUS_NOT_IN_SCOPE);
  ikou_standing_compute (plan, NULL, schedule, ikou_test_day ("2026-04-01"), &standing);
  g_assert_cmpuint (standing.standardized, ==, 0);
}

static void
test_target_not_gov_cloud (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) own_cloud = NULL;
  IkouStep step = get_step (system, 0);

  step.to_host = HOST_CLOUD;
  ikou_system_set_step (system, 0, &step);
  own_cloud = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (own_cloud, IKOU_RULE_TARGET_NOT_GOV_CLOUD), ==, 1);
  g_assert_cmpint (find_rule (own_cloud, IKOU_RULE_TARGET_NOT_GOV_CLOUD)->severity, ==,
                   IKOU_SEVERITY_WARNING);
  g_assert_nonnull (strstr (ikou_finding_get_message (find_rule (own_cloud, IKOU_RULE_TARGET_NOT_GOV_CLOUD)),
                            "統合サーバ（クラウド）"));
  /* The clean plan (to the Government Cloud) is covered by test_clean_plan. */
}

static void
test_budget_missing_request (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) no_contract = NULL;
  IkouStep step = get_step (system, 0);

  step.budget_date = IKOU_DAY_NONE;
  ikou_system_set_step (system, 0, &step);
  missing = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (missing, IKOU_RULE_BUDGET_MISSING_REQUEST), ==, 1);
  g_assert_cmpuint (count_rule (missing, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 0);

  /* No contract yet: nothing to request a budget for. */
  step.contract_date = IKOU_DAY_NONE;
  ikou_system_set_step (system, 0, &step);
  no_contract = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (no_contract, IKOU_RULE_BUDGET_MISSING_REQUEST), ==, 0);
}

static void
test_budget_appropriation (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) march = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GPtrArray) supplementary = NULL;
  g_autoptr(GPtrArray) arrangement = NULL;
  IkouStep step = get_step (system, 0);
  IkouFinding *f;

  /* Requested in FY2023 (2023-10-01): executable from 2024-04-01. */
  step.contract_date = ikou_test_day ("2024-03-31");
  ikou_system_set_step (system, 0, &step);
  march = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (march, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 1);
  f = find_rule (march, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION);
  g_assert_cmpint (f->severity, ==, IKOU_SEVERITY_ERROR);
  g_assert_cmpint (f->deadline, ==, ikou_test_day ("2024-04-01"));

  step.contract_date = ikou_test_day ("2024-04-01");
  ikou_system_set_step (system, 0, &step);
  april = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (april, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 0);

  /* A supplementary budget is spent in the year it is requested. */
  step.contract_date = ikou_test_day ("2023-12-01");
  step.supplementary = TRUE;
  ikou_system_set_step (system, 0, &step);
  supplementary = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (supplementary, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 0);

  /* So is a contract under 債務負担行為. */
  step.supplementary = FALSE;
  step.arrangement = IKOU_ARRANGEMENT_DEBT_BURDEN;
  ikou_system_set_step (system, 0, &step);
  arrangement = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (arrangement, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 0);
}

static void
test_order (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) contract_first = NULL;
  g_autoptr(GPtrArray) cutover_first = NULL;
  g_autoptr(GPtrArray) same_day = NULL;
  IkouStep step = get_step (system, 0);

  step.contract_date = ikou_test_day ("2023-09-30");
  ikou_system_set_step (system, 0, &step);
  contract_first = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (contract_first, IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST), ==, 1);
  /* One finding for one mistake: not also "before appropriation". */
  g_assert_cmpuint (count_rule (contract_first, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION), ==, 0);

  step.contract_date = ikou_test_day ("2024-04-01");
  step.cutover_date = ikou_test_day ("2024-03-31");
  ikou_system_set_step (system, 0, &step);
  cutover_first = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (cutover_first, IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT), ==, 1);
  g_assert_cmpuint (count_rule (cutover_first, IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST), ==, 0);

  step.cutover_date = ikou_test_day ("2024-04-01");
  ikou_system_set_step (system, 0, &step);
  same_day = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (same_day, IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT), ==, 0);
}

static void
test_host_not_ready (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) before_cloud = NULL;
  g_autoptr(GPtrArray) on_cloud_day = NULL;
  g_autoptr(GPtrArray) before_gov = NULL;
  IkouStep step = get_step (system, 0);

  /* The shared cloud goes live 2021-10-01. */
  step.to_host = HOST_CLOUD;
  step.standard_compliant = FALSE;
  step.budget_date = ikou_test_day ("2020-10-01");
  step.contract_date = ikou_test_day ("2021-04-01");
  step.cutover_date = ikou_test_day ("2021-09-30");
  ikou_system_set_step (system, 0, &step);
  ikou_system_set_operation (system, NULL);
  before_cloud = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (before_cloud, IKOU_RULE_HOST_NOT_READY), ==, 1);
  g_assert_cmpint (find_rule (before_cloud, IKOU_RULE_HOST_NOT_READY)->deadline, ==, ikou_test_day ("2021-10-01"));

  step.cutover_date = ikou_test_day ("2021-10-01");
  ikou_system_set_step (system, 0, &step);
  on_cloud_day = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (on_cloud_day, IKOU_RULE_HOST_NOT_READY), ==, 0);

  /* The Government Cloud host has no date of its own: the national
   * schedule's provision date applies. */
  step.to_host = HOST_GOV;
  step.cutover_date = ikou_test_day ("2022-09-01");
  ikou_system_set_step (system, 0, &step);
  before_gov = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (before_gov, IKOU_RULE_HOST_NOT_READY), ==, 1);
  g_assert_cmpint (find_rule (before_gov, IKOU_RULE_HOST_NOT_READY)->deadline, ==,
                   ikou_schedule_get_gov_cloud_from (schedule));
}

static void
test_host_expires_first (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) expires = NULL;
  g_autoptr(GPtrArray) last_day = NULL;
  g_autoptr(GPtrArray) implicit_from = NULL;
  IkouHost *onprem = ikou_plan_lookup_host (plan, HOST_ONPREM);
  IkouStep step = get_step (system, 0);

  ikou_host_set_available_until (onprem, ikou_test_day ("2025-03-31"));
  expires = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (expires, IKOU_RULE_HOST_EXPIRES_FIRST), ==, 1);
  g_assert_cmpint (find_rule (expires, IKOU_RULE_HOST_EXPIRES_FIRST)->severity, ==,
                   IKOU_SEVERITY_WARNING);

  /* Cut-over on the host's last day: not stranded. */
  ikou_host_set_available_until (onprem, ikou_test_day ("2025-04-01"));
  last_day = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (last_day, IKOU_RULE_HOST_EXPIRES_FIRST), ==, 0);

  /* A step without a from-host leaves the system's host of today. */
  ikou_host_set_available_until (onprem, ikou_test_day ("2025-03-31"));
  step.from_host = 0;
  ikou_system_set_step (system, 0, &step);
  implicit_from = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (implicit_from, IKOU_RULE_HOST_EXPIRES_FIRST), ==, 1);
}

static void
test_spec_build_before_spec (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) on_day = NULL;
  const IkouOperation *op = ikou_schedule_lookup_operation (schedule, "family-register");
  IkouStep step = get_step (system, 0);

  g_assert_nonnull (op);
  g_assert_cmpint (op->spec_published, !=, IKOU_DAY_NONE);

  step.budget_date = ikou_day_add_months (op->spec_published, -12);
  step.contract_date = op->spec_published - 1;
  step.arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  ikou_system_set_step (system, 0, &step);
  early = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (early, IKOU_RULE_SPEC_BUILD_BEFORE_SPEC), ==, 1);

  step.contract_date = op->spec_published;
  ikou_system_set_step (system, 0, &step);
  on_day = check_at (plan, NULL, "2020-01-01");
  g_assert_cmpuint (count_rule (on_day, IKOU_RULE_SPEC_BUILD_BEFORE_SPEC), ==, 0);
}

static void
test_status_overdue (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) on_day = NULL;
  g_autoptr(GPtrArray) day_after = NULL;
  g_autoptr(GPtrArray) marked = NULL;
  g_autoptr(GPtrArray) system_done = NULL;
  IkouStep step = get_step (system, 0);
  IkouFinding *f;

  /* Budget request 2023-10-01: due that day, overdue the day after. */
  on_day = check_at (plan, NULL, "2023-10-01");
  g_assert_cmpuint (count_rule (on_day, IKOU_RULE_STATUS_OVERDUE), ==, 0);

  day_after = check_at (plan, NULL, "2023-10-02");
  g_assert_cmpuint (count_rule (day_after, IKOU_RULE_STATUS_OVERDUE), ==, 1);
  f = find_rule (day_after, IKOU_RULE_STATUS_OVERDUE);
  g_assert_cmpint (f->milestone, ==, IKOU_MILESTONE_BUDGET);
  g_assert_cmpint (f->date, ==, ikou_test_day ("2023-10-01"));

  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET);
  ikou_system_set_step (system, 0, &step);
  marked = check_at (plan, NULL, "2023-10-02");
  g_assert_cmpuint (count_rule (marked, IKOU_RULE_STATUS_OVERDUE), ==, 0);

  ikou_system_set_status (system, IKOU_STATUS_DONE);
  system_done = check_at (plan, NULL, "2030-01-01");
  g_assert_cmpuint (count_rule (system_done, IKOU_RULE_STATUS_OVERDUE), ==, 0);
}

static void
test_not_in_scope (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) findings = NULL;

  set_cutover (system, "2027-01-01");
  ikou_system_set_status (system, IKOU_STATUS_NOT_IN_SCOPE);
  findings = check_at (plan, NULL, "2030-01-01");
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_scenario (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("一年遅れ");
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GPtrArray) what_if = NULL;
  g_autoptr(GPtrArray) other_host = NULL;

  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2026-04-01"));
  ikou_plan_add_scenario (plan, scenario);

  baseline = check_at (plan, NULL, "2023-01-01");
  g_assert_cmpuint (count_rule (baseline, IKOU_RULE_DEADLINE_MISSED), ==, 0);
  what_if = check_at (plan, scenario, "2023-01-01");
  g_assert_cmpuint (count_rule (what_if, IKOU_RULE_DEADLINE_MISSED), ==, 1);
  /* The baseline is untouched by the scenario. */
  g_assert_cmpint (ikou_system_get_step (system, 0)->cutover_date, ==, ikou_test_day ("2025-04-01"));

  ikou_scenario_remove_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE);
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_TO_HOST, HOST_CLOUD);
  other_host = check_at (plan, scenario, "2023-01-01");
  g_assert_cmpuint (count_rule (other_host, IKOU_RULE_DEADLINE_MISSED), ==, 0);
  g_assert_cmpuint (count_rule (other_host, IKOU_RULE_TARGET_NOT_GOV_CLOUD), ==, 1);
}

static void
test_check_system_matches_plan (void)
{
  IkouSystem *system;
  g_autoptr(IkouPlan) plan = make_plan (&system);
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) one = NULL;

  set_cutover (system, "2026-04-01");
  whole = check_at (plan, NULL, "2026-01-01");
  one = ikou_check_system (plan, system, NULL, schedule, ikou_test_day ("2026-01-01"), NULL);
  g_assert_cmpuint (whole->len, ==, one->len);
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpstr (((IkouFinding *) g_ptr_array_index (whole, i))->rule, ==,
                     ((IkouFinding *) g_ptr_array_index (one, i))->rule);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  schedule = ikou_test_load_schedule ();

  g_test_add_func ("/checker/clean-plan", test_clean_plan);
  g_test_add_func ("/checker/deadline-missed", test_deadline_missed);
  g_test_add_func ("/checker/deadline-first-compliant-step", test_deadline_first_compliant_step);
  g_test_add_func ("/checker/deadline-no-plan", test_deadline_no_plan);
  g_test_add_func ("/checker/deadline-no-steps", test_deadline_no_steps);
  g_test_add_func ("/checker/deadline-at-risk", test_deadline_at_risk);
  g_test_add_func ("/checker/tokutei", test_tokutei);
  g_test_add_func ("/checker/transitional-notice", test_transitional_notice);
  g_test_add_func ("/checker/standing", test_standing);
  g_test_add_func ("/checker/english-operation", test_english_operation);
  g_test_add_func ("/checker/target-not-gov-cloud", test_target_not_gov_cloud);
  g_test_add_func ("/checker/budget-missing-request", test_budget_missing_request);
  g_test_add_func ("/checker/budget-appropriation", test_budget_appropriation);
  g_test_add_func ("/checker/order", test_order);
  g_test_add_func ("/checker/host-not-ready", test_host_not_ready);
  g_test_add_func ("/checker/host-expires-first", test_host_expires_first);
  g_test_add_func ("/checker/spec-build-before-spec", test_spec_build_before_spec);
  g_test_add_func ("/checker/status-overdue", test_status_overdue);
  g_test_add_func ("/checker/not-in-scope", test_not_in_scope);
  g_test_add_func ("/checker/scenario", test_scenario);
  g_test_add_func ("/checker/check-system", test_check_system_matches_plan);

  status = g_test_run ();
  g_clear_object (&schedule);
  return status;
}

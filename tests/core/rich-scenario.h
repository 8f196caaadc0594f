/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-calendar.h"
#include "ikou-plan.h"
#include "ikou-scenario.h"

/* A scenario using everything a scenario holds, for the round trips of
 * both file formats: overrides of every field (values set and unset), a
 * dropped step, added steps (notes, done bits), orphans that repeat each
 * other, and edits of a removed system naming a removed host.
 *
 * @system_id has at least two steps in the plan, @host_id is a host of
 * the plan; @removed_system and @removed_host are ids the plan handed
 * out (below its next ids) and no longer has. */
static inline IkouScenario *
make_rich_scenario (guint system_id,
                    guint host_id,
                    guint removed_system,
                    guint removed_host)
{
  IkouScenario *scenario = ikou_scenario_new ("全部入り <&> \"案\"");
  IkouStep step = { .annual_cost = -1, };
  IkouOverride orphan = { system_id, 5, IKOU_OVERRIDE_CUTOVER_DATE, 0 };

  ikou_scenario_set_description (scenario, "ガバメントクラウドへ直接移行\n二行目");

  /* Step 0: every field but dropped. */
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_BUDGET_DATE,
                              ikou_day_from_ymd (2025, 10, 1));
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_CONTRACT_DATE, IKOU_DAY_NONE);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_CUTOVER_DATE,
                              ikou_day_from_ymd (2027, 3, 31));
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_TO_HOST, host_id);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_FROM_HOST, removed_host);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_STANDARD_COMPLIANT, 1);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_AMOUNT, 98765);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_ARRANGEMENT,
                              IKOU_ARRANGEMENT_PREPARATORY);
  ikou_scenario_set_override (scenario, system_id, 0, IKOU_OVERRIDE_SUPPLEMENTARY, 0);

  /* Step 1: left out, with the other values at their "unset" ends. */
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_DROPPED, 1);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_AMOUNT, -1);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_TO_HOST, 0);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_FROM_HOST, 0);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_STANDARD_COMPLIANT, 0);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_SUPPLEMENTARY, 1);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_ARRANGEMENT,
                              IKOU_ARRANGEMENT_NORMAL);
  ikou_scenario_set_override (scenario, system_id, 1, IKOU_OVERRIDE_BUDGET_DATE, IKOU_DAY_NONE);

  /* Added steps: one with everything, one with nothing. */
  step.from_host = host_id;
  step.to_host = removed_host;
  step.budget_date = ikou_day_from_ymd (2026, 10, 1);
  step.budget_amount = -42;
  step.supplementary = TRUE;
  step.contract_date = ikou_day_from_ymd (2027, 4, 1);
  step.cutover_date = ikou_day_from_ymd (2028, 1, 4);
  step.standard_compliant = TRUE;
  step.arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) | IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  step.note = (char *) "追加の工程 <&>\n二行目";
  ikou_scenario_insert_added_step (scenario, system_id, G_MAXUINT, &step);
  step = (IkouStep) { .annual_cost = -1, };
  step.budget_amount = -1;
  ikou_scenario_insert_added_step (scenario, system_id, G_MAXUINT, &step);
  step.note = (char *) "";
  step.budget_amount = 0;
  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT);
  ikou_scenario_insert_added_step (scenario, system_id, G_MAXUINT, &step);

  /* Orphans: two of the same step and field, then others. */
  orphan.value = ikou_day_from_ymd (2026, 4, 1);
  ikou_scenario_add_orphan (scenario, &orphan);
  orphan.value = ikou_day_from_ymd (2026, 5, 1);
  ikou_scenario_add_orphan (scenario, &orphan);
  orphan = (IkouOverride) { system_id, 0, IKOU_OVERRIDE_TO_HOST, removed_host };
  ikou_scenario_add_orphan (scenario, &orphan);
  orphan = (IkouOverride) { system_id, 1, IKOU_OVERRIDE_DROPPED, 1 };
  ikou_scenario_add_orphan (scenario, &orphan);
  orphan = (IkouOverride) { system_id, 2, IKOU_OVERRIDE_AMOUNT, -1 };
  ikou_scenario_add_orphan (scenario, &orphan);
  orphan = (IkouOverride) { system_id, 2, IKOU_OVERRIDE_ARRANGEMENT, IKOU_ARRANGEMENT_DEBT_BURDEN };
  ikou_scenario_add_orphan (scenario, &orphan);

  /* A removed system: an override, an orphan and an added step. */
  ikou_scenario_set_override (scenario, removed_system, 0, IKOU_OVERRIDE_AMOUNT, 700);
  orphan = (IkouOverride) { removed_system, 3, IKOU_OVERRIDE_SUPPLEMENTARY, 0 };
  ikou_scenario_add_orphan (scenario, &orphan);
  step = (IkouStep) { .annual_cost = -1, };
  step.budget_amount = -1;
  step.to_host = removed_host;
  step.cutover_date = ikou_day_from_ymd (2026, 3, 31);
  step.note = (char *) "削除されたシステム";
  ikou_scenario_insert_added_step (scenario, removed_system, G_MAXUINT, &step);

  return scenario;
}

/* Adds make_rich_scenario() to @plan, asserting first that the plan no
 * longer has @removed_system and @removed_host. */
static inline void
add_rich_scenario (IkouPlan *plan,
                   guint     system_id,
                   guint     host_id,
                   guint     removed_system,
                   guint     removed_host)
{
  g_autoptr(IkouScenario) rich = make_rich_scenario (system_id, host_id,
                                                     removed_system, removed_host);

  g_assert_null (ikou_plan_lookup_system (plan, removed_system));
  g_assert_null (ikou_plan_lookup_host (plan, removed_host));
  ikou_plan_add_scenario (plan, rich);
}

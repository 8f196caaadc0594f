/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"
#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  int margin_months;   /* deadline.at-risk margin; <= 0 uses the schedule's (default 3) */
} IkouCheckOptions;

/* The checker is a pure function of its arguments: (plan, scenario,
 * schedule, today) → findings.  @scenario may be NULL (the baseline),
 * @options may be NULL.  Returns a GPtrArray of IkouFinding (owned,
 * with a free func), in plan order, then by step and rule. */
GPtrArray *ikou_check_plan   (IkouPlan               *plan,
                              IkouScenario           *scenario,
                              IkouSchedule           *schedule,
                              IkouDay                 today,
                              const IkouCheckOptions *options);
/* The findings of one system only (the GUI re-checks the touched system). */
GPtrArray *ikou_check_system (IkouPlan               *plan,
                              IkouSystem             *system,
                              IkouScenario           *scenario,
                              IkouSchedule           *schedule,
                              IkouDay                 today,
                              const IkouCheckOptions *options);
/* Appends to @findings instead of allocating an array. */
void       ikou_check_system_into (IkouPlan               *plan,
                                   IkouSystem             *system,
                                   IkouScenario           *scenario,
                                   IkouSchedule           *schedule,
                                   IkouDay                 today,
                                   const IkouCheckOptions *options,
                                   GPtrArray              *findings);

/* The scenario's edits of systems that are no longer in the plan (they
 * apply to nothing: IKOU_RULE_SCENARIO_ORPHANED findings). */
void       ikou_check_removed_systems_into (IkouPlan     *plan,
                                            IkouScenario *scenario,
                                            GPtrArray    *findings);

G_END_DECLS

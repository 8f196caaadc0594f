/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* One milestone that is not where it was: A is the plan compared
 * against, B the one shown. */
typedef struct
{
  guint          system_id;
  char          *system_name;
  int            step;        /* 0-based, as B numbers it (or A, when B left the step out) */
  IkouMilestone  milestone;
  IkouDay        a;           /* NONE: not in A */
  IkouDay        b;           /* NONE: not in B */
  gboolean       has_months;
  int            months;      /* b − a in calendar months (when both are set) */
} IkouDiffChange;

typedef struct
{
  GArray    *changes;   /* IkouDiffChange, in plan order, then step and milestone */
  GPtrArray *resolved;  /* IkouFinding: A has it, B does not */
  GPtrArray *appeared;  /* IkouFinding: B has it, A does not */
} IkouPlanDiff;

/* What differs between the plan as @a sees it and as @b sees it (either
 * may be NULL, the baseline), and which findings that resolves or
 * brings.  Steps are matched by where they come from: the same baseline
 * step, or the same added step. */
IkouPlanDiff *ikou_plan_diff       (IkouPlan     *plan,
                                    IkouScenario *a,
                                    IkouScenario *b,
                                    IkouSchedule *schedule,
                                    IkouDay       today);
/* Only the milestone changes of one system (the window's list). */
void          ikou_plan_diff_system (IkouPlan    *plan,
                                     IkouSystem  *system,
                                     IkouScenario *a,
                                     IkouScenario *b,
                                     GArray       *changes);
void          ikou_plan_diff_free  (IkouPlanDiff *diff);
/* The months between two days' months (2025-04-30 → 2025-10-01 is 6). */
int           ikou_months_between  (IkouDay       a,
                                    IkouDay       b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouPlanDiff, ikou_plan_diff_free)

G_END_DECLS

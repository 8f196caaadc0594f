/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-scenario.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Where a standardized system stands on a given day.  Each system in
 * scope with a standardized operation is in exactly one. */
typedef enum
{
  IKOU_STANDING_MIGRATED,  /* its standard-compliant cut-over is done */
  IKOU_STANDING_PLANNED,   /* planned within the principal deadline */
  IKOU_STANDING_TOKUTEI,   /* 特定移行支援: its own deadline, not passed */
  IKOU_STANDING_MISSED,    /* deadline passed, or planned after it */
  IKOU_STANDING_UNPLANNED, /* no standard-compliant cut-over yet, deadline ahead */
  IKOU_N_STANDINGS
} IkouStandingKind;

/* "Where the plan stands today" (after R7年度末 planners track what
 * moved, which systems are 特定移行支援 with their own deadlines, and
 * what was missed).  A plain summary, computed in one pass. */
typedef struct
{
  guint   standardized;             /* systems counted below */
  guint   counts[IKOU_N_STANDINGS];
  /* The earliest and latest deadline of the 特定移行支援 systems counted
   * (IKOU_DAY_NONE when there are none or none has a deadline). */
  IkouDay tokutei_first;
  IkouDay tokutei_last;
  guint   transitional;             /* systems with 経過措置 */
} IkouStanding;

/* The standing of one system, or -1 when it is not counted (not in
 * scope, or no standardized operation in @schedule).  @out_deadline
 * (optional) receives the deadline it is measured against. */
int  ikou_standing_classify (IkouSystem   *system,
                             IkouScenario *scenario,
                             IkouSchedule *schedule,
                             IkouDay       today,
                             IkouDay      *out_deadline);
/* The standing of every system of @plan as @scenario (NULL: the
 * baseline) sees it, on @today. */
void ikou_standing_compute  (IkouPlan     *plan,
                             IkouScenario *scenario,
                             IkouSchedule *schedule,
                             IkouDay       today,
                             IkouStanding *out);
/* The label of a standing (移行済み, "Migrated"). */
const char *ikou_standing_kind_label     (IkouStandingKind kind);
/* Its stable id in JSON ("migrated"). */
const char *ikou_standing_kind_to_string (IkouStandingKind kind);

G_END_DECLS

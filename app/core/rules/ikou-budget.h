/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/* What one fiscal year costs, 千円 (thousands of yen). */
typedef struct
{
  int    fiscal_year;
  gint64 one_time;  /* steps' amounts, by the year they are paid in */
  gint64 running;   /* hosts' and systems' running costs */
} IkouBudgetYear;

/**
 * IkouBudget:
 *
 * The costs of a plan per fiscal year as one scenario (or the baseline)
 * sees it, from @first_fy to @last_fy, with the reference year's running
 * cost and the 3割削減 goal (70 % of it).  A plain struct: computed
 * whole by ikou_budget_compute(), never changed.
 *
 * - One-time: a step's amount belongs to the fiscal year of its
 *   contract; with no contract date, to the fiscal year after its budget
 *   request (the same year for a 補正予算); with neither, to no year.
 * - Running: a host's annual cost counts for every month in which at
 *   least one system runs on it; a system's own annual cost runs until a
 *   step's cut-over sets a new one.  From the month of a cut-over the
 *   system runs on the step's to-host (if it has one) and at the step's
 *   annual cost (if it has one).  Per fiscal year and item (a host or a
 *   system) the amount is round-half-up(Σ annual × months / 12).
 * - Unknown amounts (-1) count as nothing.
 */
typedef struct
{
  int             first_fy;
  int             last_fy;
  guint           n_years;           /* last_fy - first_fy + 1 */
  IkouBudgetYear *years;
  int             reference_fy;
  gint64          reference_running; /* 千円/年; -1 unknown */
  gint64          goal;              /* 70 % of it, rounded half up; -1 unknown */
} IkouBudget;

/* The fiscal years a plan's budget covers by default: from the year of
 * its first milestone to two years after its last (as @scenario sees
 * it; NULL the baseline).  Returns FALSE, and the plan's reference year
 * for both, when no step has a date. */
gboolean    ikou_budget_default_range (IkouPlan     *plan,
                                       IkouScenario *scenario,
                                       int          *out_first_fy,
                                       int          *out_last_fy);
/* @first_fy <= @last_fy, both within IKOU_PLAN_MIN_FY … IKOU_PLAN_MAX_FY. */
IkouBudget *ikou_budget_compute       (IkouPlan     *plan,
                                       IkouScenario *scenario,
                                       int           first_fy,
                                       int           last_fy);
void        ikou_budget_free          (IkouBudget   *budget);
/* The 3割削減 goal for a reference running cost: 70 %, rounded half up;
 * -1 for -1. */
gint64      ikou_budget_goal          (gint64        reference);
/* round-half-up(@annual × @months / 12) for a non-negative @annual. */
gint64      ikou_budget_prorate       (gint64        annual,
                                       guint         months);
/* The month of a day, year × 12 + month − 1 (exposed for tests). */
gint64      _ikou_budget_month_of     (IkouDay       day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouBudget, ikou_budget_free)

G_END_DECLS

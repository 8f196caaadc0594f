/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-standing.h"

/* The categories follow the plan's dates, as the checker does: a
 * standard-compliant cut-over on or before today (and its deadline) has
 * happened.  One that is not marked done is the checker's
 * status.overdue, not a category here.  The principal deadline (R7年度末)
 * and the 特定移行支援 deadlines come from the schedule and the system
 * (domain facts: standardization.md, "Where things stand at the end of
 * 2026": nothing softens a missed deadline without 特定移行支援). */

static const struct
{
  const char *id;
  const char *label;
} standings[IKOU_N_STANDINGS] = {
  { "migrated", N_("Migrated") },
  { "planned", N_("Planned") },
  { "tokutei", N_("Special migration support") },
  { "missed", N_("Deadline missed") },
  { "unplanned", N_("Not planned yet") },
};

const char *
ikou_standing_kind_label (IkouStandingKind kind)
{
  g_return_val_if_fail ((guint) kind < IKOU_N_STANDINGS, NULL);
  return _(standings[kind].label);
}

const char *
ikou_standing_kind_to_string (IkouStandingKind kind)
{
  g_return_val_if_fail ((guint) kind < IKOU_N_STANDINGS, NULL);
  return standings[kind].id;
}

int
ikou_standing_classify (IkouSystem   *system,
                        IkouScenario *scenario,
                        IkouSchedule *schedule,
                        IkouDay       today,
                        IkouDay      *out_deadline)
{
  const char *operation = ikou_system_get_operation (system);
  IkouStatus status = ikou_system_get_status (system);
  gboolean tokutei = ikou_system_get_tokutei (system);
  IkouDay deadline = ikou_schedule_get_deadline (schedule);
  IkouDay cutover = IKOU_DAY_NONE;
  guint n_steps;

  g_return_val_if_fail (IKOU_IS_SYSTEM (system), -1);
  g_return_val_if_fail (IKOU_IS_SCHEDULE (schedule), -1);

  if (status == IKOU_STATUS_NOT_IN_SCOPE || operation == NULL ||
      ikou_schedule_lookup_operation (schedule, operation) == NULL)
    return -1;

  if (tokutei && ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
    deadline = ikou_system_get_tokutei_deadline (system);
  if (out_deadline != NULL)
    *out_deadline = deadline;

  n_steps = ikou_scenario_get_n_steps (scenario, system);
  for (guint i = 0; i < n_steps; i++)
    {
      IkouStep step;

      ikou_scenario_get_step (scenario, system, i, &step, NULL);
      if (step.standard_compliant)
        {
          cutover = step.cutover_date;
          break;
        }
    }

  if (status == IKOU_STATUS_DONE)
    return IKOU_STANDING_MIGRATED;
  if (cutover != IKOU_DAY_NONE && deadline != IKOU_DAY_NONE && cutover > deadline)
    return IKOU_STANDING_MISSED;
  if (cutover != IKOU_DAY_NONE && today != IKOU_DAY_NONE && cutover <= today)
    return IKOU_STANDING_MIGRATED;
  if (deadline != IKOU_DAY_NONE && today != IKOU_DAY_NONE && deadline < today)
    return IKOU_STANDING_MISSED;
  if (tokutei)
    return IKOU_STANDING_TOKUTEI;
  return cutover != IKOU_DAY_NONE ? IKOU_STANDING_PLANNED : IKOU_STANDING_UNPLANNED;
}

void
ikou_standing_compute (IkouPlan     *plan,
                       IkouScenario *scenario,
                       IkouSchedule *schedule,
                       IkouDay       today,
                       IkouStanding *out)
{
  guint n;

  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (IKOU_IS_SCHEDULE (schedule));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  n = ikou_plan_get_n_systems (plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      IkouDay deadline = IKOU_DAY_NONE;
      int kind = ikou_standing_classify (system, scenario, schedule, today, &deadline);

      if (kind < 0)
        continue;
      out->standardized++;
      out->counts[kind]++;
      if (ikou_system_get_transitional (system))
        out->transitional++;
      if (kind == IKOU_STANDING_TOKUTEI && ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
        {
          if (out->tokutei_first == IKOU_DAY_NONE || deadline < out->tokutei_first)
            out->tokutei_first = deadline;
          if (deadline > out->tokutei_last)
            out->tokutei_last = deadline;
        }
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-calendar.h"
#include "ikou-checker.h"

#define DEFAULT_MARGIN_MONTHS 3

typedef struct
{
  IkouPlan     *plan;
  IkouScenario *scenario;
  IkouSchedule *schedule;
  IkouDay       today;
  int           margin_months;
  GPtrArray    *findings;
  IkouSystem   *system;
} Check;

static IkouFinding *
add_finding (Check        *check,
             const char   *rule,
             IkouSeverity  severity,
             int           step,
             IkouDay       date,
             IkouDay       deadline)
{
  IkouFinding *f = g_new0 (IkouFinding, 1);

  f->rule = rule;
  f->severity = severity;
  f->system_id = ikou_system_get_id (check->system);
  f->system_name = g_strdup (ikou_system_get_name (check->system));
  f->step = step;
  f->milestone = -1;
  f->date = date;
  f->deadline = deadline;
  g_ptr_array_add (check->findings, f);

  return f;
}

static IkouHost *
lookup_host (Check *check,
             guint  id)
{
  return id != 0 ? ikou_plan_lookup_host (check->plan, id) : NULL;
}

/* Rules about one step on its own: budget calendar, order, hosts, status. */
static void
check_step (Check          *check,
            guint           index,
            const IkouStep *step,
            guint           from_host_id,
            gboolean        all_done)
{
  IkouHost *to_host = lookup_host (check, step->to_host);
  IkouHost *from_host = lookup_host (check, from_host_id);
  gboolean contract_before_request = FALSE;

  if (step->contract_date != IKOU_DAY_NONE && step->budget_date == IKOU_DAY_NONE)
    add_finding (check, IKOU_RULE_BUDGET_MISSING_REQUEST, IKOU_SEVERITY_WARNING,
                 index, step->contract_date, IKOU_DAY_NONE);

  if (step->contract_date != IKOU_DAY_NONE && step->budget_date != IKOU_DAY_NONE &&
      step->contract_date < step->budget_date)
    {
      contract_before_request = TRUE;
      add_finding (check, IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST, IKOU_SEVERITY_ERROR,
                   index, step->contract_date, step->budget_date);
    }

  /* A budget requested in FY N is appropriated for FY N+1: it can be
   * executed from April 1 of FY N+1, unless it is a supplementary
   * budget or the contract uses an arrangement made for this. */
  if (!contract_before_request &&
      step->contract_date != IKOU_DAY_NONE && step->budget_date != IKOU_DAY_NONE &&
      !step->supplementary && step->arrangement == IKOU_ARRANGEMENT_NORMAL)
    {
      IkouDay executable = ikou_fiscal_year_start (ikou_fiscal_year (step->budget_date) + 1);

      if (step->contract_date < executable)
        add_finding (check, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION, IKOU_SEVERITY_ERROR,
                     index, step->contract_date, executable);
    }

  if (step->cutover_date != IKOU_DAY_NONE && step->contract_date != IKOU_DAY_NONE &&
      step->cutover_date < step->contract_date)
    add_finding (check, IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT, IKOU_SEVERITY_ERROR,
                 index, step->cutover_date, step->contract_date);

  if (step->cutover_date != IKOU_DAY_NONE && to_host != NULL)
    {
      IkouDay ready = ikou_host_get_available_from (to_host);

      /* The Government Cloud cannot take a system before it was provided,
       * whatever the plan's host says. */
      if (ikou_host_get_kind (to_host) == IKOU_HOST_GOV_CLOUD)
        ready = MAX (ready, ikou_schedule_get_gov_cloud_from (check->schedule));

      if (ready != IKOU_DAY_NONE && step->cutover_date < ready)
        {
          IkouFinding *f = add_finding (check, IKOU_RULE_HOST_NOT_READY, IKOU_SEVERITY_ERROR,
                                        index, step->cutover_date, ready);
          f->detail = g_strdup (ikou_host_get_name (to_host));
        }
    }

  if (step->cutover_date != IKOU_DAY_NONE && from_host != NULL)
    {
      IkouDay until = ikou_host_get_available_until (from_host);

      if (until != IKOU_DAY_NONE && until < step->cutover_date)
        {
          IkouFinding *f = add_finding (check, IKOU_RULE_HOST_EXPIRES_FIRST,
                                        IKOU_SEVERITY_WARNING,
                                        index, step->cutover_date, until);
          f->detail = g_strdup (ikou_host_get_name (from_host));
        }
    }

  if (check->today != IKOU_DAY_NONE && !all_done)
    {
      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        {
          IkouDay day = ikou_step_get_milestone (step, m);

          if (day != IKOU_DAY_NONE && day < check->today &&
              (step->done & IKOU_MILESTONE_FLAG (m)) == 0)
            {
              IkouFinding *f = add_finding (check, IKOU_RULE_STATUS_OVERDUE, IKOU_SEVERITY_ERROR,
                                            index, day, IKOU_DAY_NONE);
              f->milestone = (int) m;
            }
        }
    }
}

static void
add_orphan_finding (Check              *check,
                    guint               system_id,
                    const char         *system_name,
                    const IkouOverride *o)
{
  IkouFinding *f = g_new0 (IkouFinding, 1);

  f->rule = IKOU_RULE_SCENARIO_ORPHANED;
  f->severity = IKOU_SEVERITY_WARNING;
  f->system_id = system_id;
  f->system_name = g_strdup (system_name);
  f->step = -1;
  f->milestone = -1;
  f->detail = ikou_override_describe (o, check->plan);
  g_ptr_array_add (check->findings, f);
}

/* Scenario edits that no longer apply to anything: of a step the
 * baseline removed, of a step index past the baseline's steps, or naming
 * a host that is gone.  They stay in the scenario and are reported. */
static void
check_orphans (Check *check,
               guint  system_id)
{
  IkouScenario *scenario = check->scenario;
  const char *name = ikou_system_get_name (check->system);
  guint n_steps = ikou_system_get_n_steps (check->system);
  guint n_orphans = ikou_scenario_get_n_orphans (scenario, system_id);
  guint n_overrides;
  const IkouOverride *overrides = ikou_scenario_get_system_overrides (scenario, system_id,
                                                                      &n_overrides);

  for (guint i = 0; i < n_orphans; i++)
    add_orphan_finding (check, system_id, name, ikou_scenario_get_orphan (scenario, system_id, i));

  for (guint i = 0; i < n_overrides; i++)
    {
      const IkouOverride *o = &overrides[i];

      if (o->step >= n_steps ||
          ((o->field == IKOU_OVERRIDE_TO_HOST || o->field == IKOU_OVERRIDE_FROM_HOST) &&
           o->value != 0 && lookup_host (check, (guint) o->value) == NULL))
        add_orphan_finding (check, system_id, name, o);
    }
}

void
ikou_check_system_into (IkouPlan               *plan,
                        IkouSystem             *system,
                        IkouScenario           *scenario,
                        IkouSchedule           *schedule,
                        IkouDay                 today,
                        const IkouCheckOptions *options,
                        GPtrArray              *findings)
{
  Check check = { 0 };
  const char *operation_id;
  const IkouOperation *operation = NULL;
  IkouStatus status;
  IkouDay deadline;
  guint system_id;
  guint n_steps;
  guint host;
  int compliant = -1;
  IkouStep compliant_step = { 0 };

  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));
  g_return_if_fail (IKOU_IS_SCHEDULE (schedule));
  g_return_if_fail (findings != NULL);

  status = ikou_system_get_status (system);
  if (status == IKOU_STATUS_NOT_IN_SCOPE)
    return;

  check.plan = plan;
  check.scenario = scenario;
  check.schedule = schedule;
  check.today = today;
  check.findings = findings;
  check.system = system;
  check.margin_months = options != NULL && options->margin_months > 0
                        ? options->margin_months
                        : ikou_schedule_get_margin_months (schedule);
  if (check.margin_months <= 0)
    check.margin_months = DEFAULT_MARGIN_MONTHS;

  system_id = ikou_system_get_id (system);
  n_steps = ikou_scenario_get_n_steps (scenario, system);
  host = ikou_system_get_host (system);

  if (scenario != NULL && ikou_scenario_has_system (scenario, system_id))
    check_orphans (&check, system_id);

  for (guint i = 0; i < n_steps; i++)
    {
      IkouStep step;

      ikou_scenario_get_step (scenario, system, i, &step, NULL);
      /* A step that does not say where it comes from leaves the host the
       * system was on before it. */
      check_step (&check, i, &step, step.from_host != 0 ? step.from_host : host,
                  status == IKOU_STATUS_DONE);
      if (step.to_host != 0)
        host = step.to_host;

      if (compliant < 0 && step.standard_compliant)
        {
          compliant = (int) i;
          compliant_step = step;
        }
    }

  /* The 特定移行支援 deadline, checked against the outer limit. */
  deadline = ikou_schedule_get_deadline (schedule);
  if (ikou_system_get_tokutei (system) &&
      ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
    {
      IkouDay limit = ikou_schedule_get_tokutei_limit (schedule);

      deadline = ikou_system_get_tokutei_deadline (system);
      if (limit != IKOU_DAY_NONE && deadline > limit)
        add_finding (&check, IKOU_RULE_TOKUTEI_BEYOND_LIMIT, IKOU_SEVERITY_ERROR,
                     -1, deadline, limit);
    }

  operation_id = ikou_system_get_operation (system);
  if (operation_id != NULL)
    operation = ikou_schedule_lookup_operation (schedule, operation_id);
  if (operation == NULL)
    return;

  if (compliant < 0)
    {
      IkouFinding *f = add_finding (&check, IKOU_RULE_DEADLINE_NO_PLAN, IKOU_SEVERITY_ERROR,
                                    -1, IKOU_DAY_NONE, deadline);
      f->detail = g_strdup (operation->name);
      return;
    }

  if (compliant_step.cutover_date == IKOU_DAY_NONE)
    {
      IkouFinding *f = add_finding (&check, IKOU_RULE_DEADLINE_NO_PLAN, IKOU_SEVERITY_ERROR,
                                    compliant, IKOU_DAY_NONE, deadline);
      f->detail = g_strdup (operation->name);
    }
  else if (compliant_step.cutover_date > deadline)
    {
      add_finding (&check, IKOU_RULE_DEADLINE_MISSED, IKOU_SEVERITY_ERROR,
                   compliant, compliant_step.cutover_date, deadline);
    }
  else if (compliant_step.cutover_date > ikou_day_add_months (deadline, -check.margin_months))
    {
      add_finding (&check, IKOU_RULE_DEADLINE_AT_RISK, IKOU_SEVERITY_WARNING,
                   compliant, compliant_step.cutover_date, deadline);
    }

  if (compliant_step.to_host != 0)
    {
      IkouHost *target = lookup_host (&check, compliant_step.to_host);

      if (target != NULL && ikou_host_get_kind (target) != IKOU_HOST_GOV_CLOUD)
        {
          IkouFinding *f = add_finding (&check, IKOU_RULE_TARGET_NOT_GOV_CLOUD,
                                        IKOU_SEVERITY_WARNING, compliant,
                                        compliant_step.cutover_date, IKOU_DAY_NONE);
          f->detail = g_strdup (ikou_host_get_name (target));
        }
    }

  if (operation->spec_published != IKOU_DAY_NONE &&
      compliant_step.contract_date != IKOU_DAY_NONE &&
      compliant_step.contract_date < operation->spec_published)
    {
      IkouFinding *f = add_finding (&check, IKOU_RULE_SPEC_BUILD_BEFORE_SPEC,
                                    IKOU_SEVERITY_WARNING, compliant,
                                    compliant_step.contract_date, operation->spec_published);
      f->detail = g_strdup (operation->name);
    }
}

GPtrArray *
ikou_check_system (IkouPlan               *plan,
                   IkouSystem             *system,
                   IkouScenario           *scenario,
                   IkouSchedule           *schedule,
                   IkouDay                 today,
                   const IkouCheckOptions *options)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);

  ikou_check_system_into (plan, system, scenario, schedule, today, options, findings);
  return findings;
}

void
ikou_check_removed_systems_into (IkouPlan     *plan,
                                 IkouScenario *scenario,
                                 GPtrArray    *findings)
{
  g_autoptr(GArray) ids = NULL;
  Check check = { .plan = plan, .scenario = scenario, .findings = findings };

  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  ids = ikou_scenario_get_system_ids (scenario);
  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);
      g_autofree char *name = NULL;
      const IkouOverride *overrides;
      guint n_overrides;

      if (ikou_plan_lookup_system (plan, id) != NULL)
        continue;
      overrides = ikou_scenario_get_system_overrides (scenario, id, &n_overrides);

      name = g_strdup_printf ("#%u", id);
      for (guint j = 0; j < n_overrides; j++)
        add_orphan_finding (&check, id, name, &overrides[j]);
      for (guint j = 0; j < ikou_scenario_get_n_orphans (scenario, id); j++)
        add_orphan_finding (&check, id, name, ikou_scenario_get_orphan (scenario, id, j));
      /* A step the scenario added to a system that is gone. */
      for (guint j = 0; j < ikou_scenario_get_n_added_steps (scenario, id); j++)
        {
          const IkouStep *added = ikou_scenario_get_added_step (scenario, id, j);
          IkouOverride o = { id, j, IKOU_OVERRIDE_CUTOVER_DATE, added->cutover_date };

          add_orphan_finding (&check, id, name, &o);
        }
    }
}

GPtrArray *
ikou_check_plan (IkouPlan               *plan,
                 IkouScenario           *scenario,
                 IkouSchedule           *schedule,
                 IkouDay                 today,
                 const IkouCheckOptions *options)
{
  GPtrArray *findings;
  guint n;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (IKOU_IS_SCHEDULE (schedule), NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  n = ikou_plan_get_n_systems (plan);
  for (guint i = 0; i < n; i++)
    ikou_check_system_into (plan, ikou_plan_get_system (plan, i), scenario, schedule,
                            today, options, findings);

  /* Edits of systems no longer in the plan come last. */
  if (scenario != NULL)
    ikou_check_removed_systems_into (plan, scenario, findings);

  return findings;
}

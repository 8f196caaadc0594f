/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-finding.h"

G_DEFINE_BOXED_TYPE (IkouFinding, ikou_finding, ikou_finding_copy, ikou_finding_free)

IkouFinding *
ikou_finding_copy (const IkouFinding *finding)
{
  IkouFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_new (IkouFinding, 1);
  *copy = *finding;
  copy->system_name = g_strdup (finding->system_name);
  copy->detail = g_strdup (finding->detail);
  copy->message = g_strdup (finding->message);
  return copy;
}

void
ikou_finding_free (IkouFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->system_name);
  g_free (finding->detail);
  g_free (finding->message);
  g_free (finding);
}

/* "2026-04-01 (R8.4.1)": planners read 和暦, files and tools read ISO. */
static char *
format_day (IkouDay day)
{
  g_autofree char *iso = NULL;
  g_autofree char *era = NULL;

  if (day == IKOU_DAY_NONE)
    return g_strdup ("—");

  iso = ikou_day_format_iso (day);
  era = ikou_day_format_era (day, IKOU_ERA_STYLE_SHORT);
  /* Translators: a date in a finding: ISO date, then the Japanese era date */
  return g_strdup_printf (_("%s (%s)"), iso, era);
}

static char *
build_message (const IkouFinding *f)
{
  g_autofree char *date = format_day (f->date);
  g_autofree char *deadline = format_day (f->deadline);
  const char *detail = f->detail != NULL ? f->detail : "";
  int step = f->step + 1;
  const char *rule = f->rule;

  if (g_str_equal (rule, IKOU_RULE_DEADLINE_MISSED))
    return g_strdup_printf (_("The move to a standard-compliant system (step %d) is planned on %s, after the deadline %s."),
                            step, date, deadline);
  if (g_str_equal (rule, IKOU_RULE_DEADLINE_NO_PLAN))
    {
      if (f->step >= 0)
        return g_strdup_printf (_("Step %d is standard-compliant but has no cut-over date; the deadline is %s."),
                                step, deadline);
      return g_strdup_printf (_("This standardized operation (%s) has no move to a standard-compliant system; the deadline is %s."),
                              detail, deadline);
    }
  if (g_str_equal (rule, IKOU_RULE_DEADLINE_AT_RISK))
    return g_strdup_printf (_("The move to a standard-compliant system (step %d) on %s leaves little margin before the deadline %s."),
                            step, date, deadline);
  if (g_str_equal (rule, IKOU_RULE_TOKUTEI_BEYOND_LIMIT))
    return g_strdup_printf (_("The approved deadline %s is after the outer limit for specified migration support systems, %s."),
                            date, deadline);
  if (g_str_equal (rule, IKOU_RULE_TARGET_NOT_GOV_CLOUD))
    return g_strdup_printf (_("Step %d moves the standard-compliant system to “%s”, which is not the Government Cloud."),
                            step, detail);
  if (g_str_equal (rule, IKOU_RULE_BUDGET_MISSING_REQUEST))
    return g_strdup_printf (_("Step %d has a contract on %s but no budget request."),
                            step, date);
  if (g_str_equal (rule, IKOU_RULE_BUDGET_BEFORE_APPROPRIATION))
    return g_strdup_printf (_("Step %d: the contract on %s comes before the budget can be executed on %s (no supplementary budget or multi-year arrangement)."),
                            step, date, deadline);
  if (g_str_equal (rule, IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST))
    return g_strdup_printf (_("Step %d: the contract on %s comes before the budget request on %s."),
                            step, date, deadline);
  if (g_str_equal (rule, IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT))
    return g_strdup_printf (_("Step %d: the cut-over on %s comes before the contract on %s."),
                            step, date, deadline);
  if (g_str_equal (rule, IKOU_RULE_HOST_NOT_READY))
    return g_strdup_printf (_("Step %d: the cut-over on %s is before “%s” is available on %s."),
                            step, date, detail, deadline);
  if (g_str_equal (rule, IKOU_RULE_HOST_EXPIRES_FIRST))
    return g_strdup_printf (_("Step %d: “%s” is available only until %s, before the cut-over on %s; a re-lease is needed."),
                            step, detail, deadline, date);
  if (g_str_equal (rule, IKOU_RULE_SPEC_BUILD_BEFORE_SPEC))
    return g_strdup_printf (_("Step %d: the standard-compliant build starts on %s, before the standard specification for %s was published on %s."),
                            step, date, detail, deadline);
  if (g_str_equal (rule, IKOU_RULE_STATUS_OVERDUE))
    {
      switch (f->milestone)
        {
        case IKOU_MILESTONE_BUDGET:
          return g_strdup_printf (_("Step %d: the budget request on %s has passed but is not marked done."),
                                  step, date);
        case IKOU_MILESTONE_CONTRACT:
          return g_strdup_printf (_("Step %d: the contract on %s has passed but is not marked done."),
                                  step, date);
        default:
          return g_strdup_printf (_("Step %d: the cut-over on %s has passed but is not marked done."),
                                  step, date);
        }
    }

  if (g_str_equal (rule, IKOU_RULE_SCENARIO_ORPHANED))
    return g_strdup_printf (_("A scenario change no longer applies to the plan (%s); it is kept in the scenario until you remove it."),
                            detail);

  g_return_val_if_reached (g_strdup (rule));
}

const char *
ikou_finding_get_message (IkouFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  if (finding->message == NULL)
    finding->message = build_message (finding);
  return finding->message;
}

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

typedef struct
{
  const char *id;
  const char *title;   /* N_() marked, translated on use */
} RuleTitle;

/* The README's order.  A new rule needs a title here: the core tests
 * compare this table with the IKOU_RULE_* ids of ikou-finding.h. */
static const RuleTitle rule_titles[] = {
  { IKOU_RULE_DEADLINE_MISSED, N_("Deadline missed") },
  { IKOU_RULE_DEADLINE_NO_PLAN, N_("No standard-compliant move") },
  { IKOU_RULE_DEADLINE_AT_RISK, N_("Close to the deadline") },
  { IKOU_RULE_TOKUTEI_BEYOND_LIMIT, N_("Special support deadline too late") },
  { IKOU_RULE_TARGET_NOT_GOV_CLOUD, N_("Target not the Government Cloud") },
  { IKOU_RULE_BUDGET_MISSING_REQUEST, N_("No budget request") },
  { IKOU_RULE_BUDGET_BEFORE_APPROPRIATION, N_("Contract before the budget year") },
  { IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST, N_("Contract before budget request") },
  { IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT, N_("Cut-over before contract") },
  { IKOU_RULE_HOST_NOT_READY, N_("Host not yet available") },
  { IKOU_RULE_HOST_EXPIRES_FIRST, N_("Host ends before cut-over") },
  { IKOU_RULE_SPEC_BUILD_BEFORE_SPEC, N_("Build before the specification") },
  { IKOU_RULE_STATUS_OVERDUE, N_("Passed, not marked done") },
  { IKOU_RULE_SCENARIO_ORPHANED, N_("Scenario change applies to nothing") },
};

const char * const *
ikou_rule_get_ids (void)
{
  static const char *ids[G_N_ELEMENTS (rule_titles) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (rule_titles); i++)
        ids[i] = rule_titles[i].id;
      g_once_init_leave (&initialized, 1);
    }
  return ids;
}

const char *
ikou_rule_get_title (const char *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_titles); i++)
    {
      if (g_str_equal (rule_titles[i].id, rule))
        return _(rule_titles[i].title);
    }
  return rule;
}

/* No setting: "2026-04-01 (R8.4.1)" in Japanese (planners read 和暦,
 * files and tools read ISO), 2026-04-01 in English. */
#define LABELS_UNSET (-1)

static char *
format_day (IkouDay day,
            int     labels)
{
  g_autofree char *iso = NULL;
  g_autofree char *era = NULL;

  if (day == IKOU_DAY_NONE)
    return g_strdup ("—");
  if (labels != LABELS_UNSET)
    return ikou_day_label (day, (IkouLabels) labels);
  if (!ikou_locale_is_japanese ())
    return ikou_day_format_iso (day);

  iso = ikou_day_format_iso (day);
  era = ikou_day_format_era (day, IKOU_ERA_STYLE_SHORT);
  /* Translators: a date in a finding: ISO date, then the Japanese era date */
  return g_strdup_printf (_("%s (%s)"), iso, era);
}

static char *
build_message (const IkouFinding *f,
               int                labels)
{
  g_autofree char *date = format_day (f->date, labels);
  g_autofree char *deadline = format_day (f->deadline, labels);
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
    finding->message = build_message (finding, LABELS_UNSET);
  return finding->message;
}

char *
ikou_finding_format_message (const IkouFinding *finding,
                             IkouLabels         labels)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return build_message (finding, (int) labels);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-override.h"
#include "ikou-plan.h"

static const char *field_names[IKOU_N_OVERRIDE_FIELDS] = {
  "budget-date", "contract-date", "cutover-date", "to-host",
  "standard-compliant", "amount", "arrangement", "from-host", "supplementary",
  "dropped", "annual-cost",
};

gint64
ikou_override_field_get (const IkouStep    *step,
                         IkouOverrideField  field)
{
  switch (field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
      return step->budget_date;
    case IKOU_OVERRIDE_CONTRACT_DATE:
      return step->contract_date;
    case IKOU_OVERRIDE_CUTOVER_DATE:
      return step->cutover_date;
    case IKOU_OVERRIDE_TO_HOST:
      return step->to_host;
    case IKOU_OVERRIDE_FROM_HOST:
      return step->from_host;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
      return step->standard_compliant ? 1 : 0;
    case IKOU_OVERRIDE_SUPPLEMENTARY:
      return step->supplementary ? 1 : 0;
    case IKOU_OVERRIDE_AMOUNT:
      return step->budget_amount;
    case IKOU_OVERRIDE_ANNUAL_COST:
      return step->annual_cost;
    case IKOU_OVERRIDE_ARRANGEMENT:
      return step->arrangement;
    case IKOU_OVERRIDE_DROPPED:
      return 0;
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      break;
    }
  g_return_val_if_reached (0);
}

const char *
ikou_override_field_to_string (IkouOverrideField field)
{
  g_return_val_if_fail ((guint) field < IKOU_N_OVERRIDE_FIELDS, NULL);
  return field_names[field];
}

gboolean
ikou_override_field_from_string (const char        *str,
                                 IkouOverrideField *field)
{
  for (guint i = 0; i < IKOU_N_OVERRIDE_FIELDS; i++)
    {
      if (g_strcmp0 (str, field_names[i]) == 0)
        {
          *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

IkouOverrideField
ikou_override_field_for_milestone (IkouMilestone milestone)
{
  switch (milestone)
    {
    case IKOU_MILESTONE_BUDGET:
      return IKOU_OVERRIDE_BUDGET_DATE;
    case IKOU_MILESTONE_CONTRACT:
      return IKOU_OVERRIDE_CONTRACT_DATE;
    case IKOU_MILESTONE_CUTOVER:
    case IKOU_N_MILESTONES:
    default:
      return IKOU_OVERRIDE_CUTOVER_DATE;
    }
}

IkouOverrideValueKind
ikou_override_field_get_value_kind (IkouOverrideField field)
{
  switch (field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
    case IKOU_OVERRIDE_CONTRACT_DATE:
    case IKOU_OVERRIDE_CUTOVER_DATE:
      return IKOU_OVERRIDE_VALUE_DAY;
    case IKOU_OVERRIDE_TO_HOST:
    case IKOU_OVERRIDE_FROM_HOST:
      return IKOU_OVERRIDE_VALUE_HOST;
    case IKOU_OVERRIDE_AMOUNT:
    case IKOU_OVERRIDE_ANNUAL_COST:
      return IKOU_OVERRIDE_VALUE_AMOUNT;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
    case IKOU_OVERRIDE_SUPPLEMENTARY:
    case IKOU_OVERRIDE_DROPPED:
      return IKOU_OVERRIDE_VALUE_FLAG;
    case IKOU_OVERRIDE_ARRANGEMENT:
      return IKOU_OVERRIDE_VALUE_ARRANGEMENT;
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      break;
    }
  g_return_val_if_reached (IKOU_OVERRIDE_VALUE_DAY);
}

static const char *
field_label (IkouOverrideField field)
{
  switch (field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
      return _("budget request");
    case IKOU_OVERRIDE_CONTRACT_DATE:
      return _("contract");
    case IKOU_OVERRIDE_CUTOVER_DATE:
      return _("cut-over");
    case IKOU_OVERRIDE_TO_HOST:
      return _("target host");
    case IKOU_OVERRIDE_FROM_HOST:
      return _("source host");
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
      return _("standard-compliant");
    case IKOU_OVERRIDE_SUPPLEMENTARY:
      return _("supplementary budget");
    case IKOU_OVERRIDE_AMOUNT:
      return _("amount");
    case IKOU_OVERRIDE_ANNUAL_COST:
      return _("running cost after cut-over");
    case IKOU_OVERRIDE_ARRANGEMENT:
      return _("arrangement");
    case IKOU_OVERRIDE_DROPPED:
      return _("left out");
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

char *
ikou_override_describe_value (const IkouOverride *o,
                              IkouPlan           *plan)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (o != NULL, NULL);

  switch (o->field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
    case IKOU_OVERRIDE_CONTRACT_DATE:
    case IKOU_OVERRIDE_CUTOVER_DATE:
      value = o->value > 0 && o->value <= G_MAXINT32
              ? ikou_day_format_iso ((IkouDay) o->value) : g_strdup ("—");
      break;
    case IKOU_OVERRIDE_TO_HOST:
    case IKOU_OVERRIDE_FROM_HOST:
      {
        IkouHost *host = plan != NULL && o->value > 0 && o->value <= G_MAXUINT
                         ? ikou_plan_lookup_host (plan, (guint) o->value) : NULL;

        value = host != NULL ? g_strdup (ikou_host_get_name (host))
                             /* Translators: a host that was removed, by its id */
                             : g_strdup_printf (_("removed host #%u"), (guint) o->value);
      }
      break;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
    case IKOU_OVERRIDE_SUPPLEMENTARY:
    case IKOU_OVERRIDE_DROPPED:
      value = g_strdup (o->value ? _("yes") : _("no"));
      break;
    case IKOU_OVERRIDE_ARRANGEMENT:
      value = g_strdup (ikou_arrangement_label ((IkouArrangement) CLAMP (o->value, 0, IKOU_N_ARRANGEMENTS - 1)));
      break;
    case IKOU_OVERRIDE_AMOUNT:
    case IKOU_OVERRIDE_ANNUAL_COST:
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      value = g_strdup_printf ("%" G_GINT64_FORMAT, o->value);
      break;
    }

  /* Translators: what a scenario changes: the field, its value */
  return g_strdup_printf (_("%s: %s"), field_label (o->field), value);
}

char *
ikou_override_describe (const IkouOverride *o,
                        IkouPlan           *plan)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (o != NULL, NULL);

  what = ikou_override_describe_value (o, plan);
  /* Translators: what a scenario changes: step number, then "field: value" */
  return g_strdup_printf (_("step %u, %s"), o->step + 1, what);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-xml.h"
#include "ikou-xml-util.h"

/* Writing Ikou XML (the reader and the formats are in ikou-xml.c): the
 * order of the model, attributes in schema order, nothing for unset
 * values, so the same plan always gives the same bytes. */

static guint
grow_next_id (guint next,
              guint id)
{
  return MAX (next, id + 1);
}

/* What the scenarios of a plan use that a reader must be told about. */
typedef struct
{
  gboolean removed_system; /* edits of a system not in the plan */
  gboolean removed_host;   /* references to a host not in the plan */
  gboolean format_2;       /* anything format 1 cannot hold */
} ScenarioUse;

static void
scan_host_ref (IkouPlan    *plan,
               gint64       host_id,
               ScenarioUse *use)
{
  if (host_id != 0 &&
      (host_id < 0 || host_id > G_MAXUINT || ikou_plan_lookup_host (plan, (guint) host_id) == NULL))
    use->removed_host = use->format_2 = TRUE;
}

static void
scan_override (IkouPlan           *plan,
               const IkouOverride *o,
               ScenarioUse        *use)
{
  IkouOverrideValueKind kind = ikou_override_field_get_value_kind (o->field);

  if (kind == IKOU_OVERRIDE_VALUE_HOST)
    scan_host_ref (plan, o->value, use);
  if (kind != IKOU_OVERRIDE_VALUE_DAY && o->field != IKOU_OVERRIDE_TO_HOST)
    use->format_2 = TRUE;
}

static void
scan_scenarios (IkouPlan    *plan,
                ScenarioUse *use)
{
  *use = (ScenarioUse) { FALSE, FALSE, FALSE };

  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);
      g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);

      for (guint j = 0; j < ikou_scenario_get_n_overrides (scenario); j++)
        scan_override (plan, ikou_scenario_get_override (scenario, j), use);
      for (guint j = 0; j < ids->len; j++)
        {
          guint id = g_array_index (ids, guint, j);

          if (ikou_plan_lookup_system (plan, id) == NULL)
            use->removed_system = TRUE;
          if (ikou_scenario_get_n_orphans (scenario, id) > 0 ||
              ikou_scenario_get_n_added_steps (scenario, id) > 0)
            use->format_2 = TRUE;
          for (guint k = 0; k < ikou_scenario_get_n_orphans (scenario, id); k++)
            scan_override (plan, ikou_scenario_get_orphan (scenario, id, k), use);
          for (guint k = 0; k < ikou_scenario_get_n_added_steps (scenario, id); k++)
            {
              const IkouStep *step = ikou_scenario_get_added_step (scenario, id, k);

              scan_host_ref (plan, step->from_host, use);
              scan_host_ref (plan, step->to_host, use);
            }
        }
    }
}

/* The root's next ids are written only when they do not follow from the
 * ids in the file (the highest id was removed), or when a scenario keeps
 * edits of a removed system or names a removed host (the reader accepts
 * those below the next ids): a plan that never lost a system, like the
 * sample, is written as before. */
static void
write_next_ids (IkouXmlWriter     *w,
                IkouPlan          *plan,
                const ScenarioUse *use)
{
  guint derived_system = 1, derived_host = 1;

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    derived_system = grow_next_id (derived_system,
                                   ikou_system_get_id (ikou_plan_get_system (plan, i)));
  for (guint i = 0; i < ikou_plan_get_n_hosts (plan); i++)
    derived_host = grow_next_id (derived_host, ikou_host_get_id (ikou_plan_get_host (plan, i)));

  if (ikou_plan_next_system_id (plan) != derived_system || use->removed_system)
    ikou_xml_writer_attr_uint (w, "next-system-id", ikou_plan_next_system_id (plan));
  if (ikou_plan_next_host_id (plan) != derived_host || use->removed_host)
    ikou_xml_writer_attr_uint (w, "next-host-id", ikou_plan_next_host_id (plan));
}

static void
write_annual_cost (IkouXmlWriter *w,
                   gint64         cost)
{
  if (cost >= 0)
    ikou_xml_writer_attr_int64 (w, "annual-cost", cost);
}

static void
write_hosts (IkouXmlWriter *w,
             IkouPlan      *plan)
{
  ikou_xml_writer_start (w, "hosts");
  for (guint i = 0; i < ikou_plan_get_n_hosts (plan); i++)
    {
      IkouHost *host = ikou_plan_get_host (plan, i);

      ikou_xml_writer_start (w, "host");
      ikou_xml_writer_attr_uint (w, "id", ikou_host_get_id (host));
      ikou_xml_writer_attr (w, "name", ikou_host_get_name (host));
      ikou_xml_writer_attr (w, "kind", ikou_host_kind_to_string (ikou_host_get_kind (host)));
      ikou_xml_writer_attr_date (w, "available-from", ikou_host_get_available_from (host));
      ikou_xml_writer_attr_date (w, "available-until", ikou_host_get_available_until (host));
      write_annual_cost (w, ikou_host_get_annual_cost (host));
      ikou_xml_writer_element (w, "note", ikou_host_get_note (host));
      ikou_xml_writer_end (w);
    }
  ikou_xml_writer_end (w);
}

/* The attributes and children of a <step> or <added-step>. */
static void
write_step_content (IkouXmlWriter  *w,
                    const IkouStep *step)
{
  if (step->from_host != 0)
    ikou_xml_writer_attr_uint (w, "from", step->from_host);
  if (step->to_host != 0)
    ikou_xml_writer_attr_uint (w, "to", step->to_host);
  ikou_xml_writer_attr_date (w, "budget-date", step->budget_date);
  if (step->budget_amount != -1)
    ikou_xml_writer_attr_int64 (w, "budget-amount", step->budget_amount);
  if (step->supplementary)
    ikou_xml_writer_attr_bool (w, "supplementary", TRUE);
  ikou_xml_writer_attr_date (w, "contract-date", step->contract_date);
  ikou_xml_writer_attr_date (w, "cutover-date", step->cutover_date);
  ikou_xml_writer_attr_bool (w, "standard-compliant", step->standard_compliant);
  if (step->arrangement != IKOU_ARRANGEMENT_NORMAL)
    ikou_xml_writer_attr (w, "arrangement", ikou_arrangement_to_string (step->arrangement));
  if ((step->done & ((1u << IKOU_N_MILESTONES) - 1)) != 0)
    {
      g_autoptr(GString) done = g_string_new (NULL);

      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        if (step->done & IKOU_MILESTONE_FLAG (m))
          {
            if (done->len > 0)
              g_string_append_c (done, ' ');
            g_string_append (done, ikou_milestone_to_string (m));
          }
      ikou_xml_writer_attr (w, "done", done->str);
    }
  /* Only with a cut-over, as the reader wants (without one it applies
   * to nothing). */
  if (step->cutover_date != IKOU_DAY_NONE)
    write_annual_cost (w, step->annual_cost);
  ikou_xml_writer_element (w, "note", step->note);
}

static void
write_systems (IkouXmlWriter *w,
               IkouPlan      *plan)
{
  ikou_xml_writer_start (w, "systems");
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      ikou_xml_writer_start (w, "system");
      ikou_xml_writer_attr_uint (w, "id", ikou_system_get_id (system));
      ikou_xml_writer_attr (w, "name", ikou_system_get_name (system));
      ikou_xml_writer_attr (w, "department", ikou_system_get_department (system));
      ikou_xml_writer_attr (w, "vendor", ikou_system_get_vendor (system));
      ikou_xml_writer_attr (w, "operation", ikou_system_get_operation (system));
      if (ikou_system_get_host (system) != 0)
        ikou_xml_writer_attr_uint (w, "host", ikou_system_get_host (system));
      ikou_xml_writer_attr (w, "status", ikou_status_to_string (ikou_system_get_status (system)));
      if (ikou_system_get_tokutei (system))
        ikou_xml_writer_attr_bool (w, "tokutei", TRUE);
      ikou_xml_writer_attr_date (w, "tokutei-deadline", ikou_system_get_tokutei_deadline (system));
      write_annual_cost (w, ikou_system_get_annual_cost (system));
      if (ikou_system_get_tokutei_reason_kind (system) != IKOU_TOKUTEI_REASON_UNKNOWN)
        ikou_xml_writer_attr (w, "tokutei-reason-kind",
                              ikou_tokutei_reason_to_string (ikou_system_get_tokutei_reason_kind (system)));
      ikou_xml_writer_element (w, "tokutei-reason", ikou_system_get_tokutei_reason (system));
      if (ikou_system_get_transitional (system))
        {
          const char *functions = ikou_system_get_transitional_functions (system);

          ikou_xml_writer_start (w, "transitional");
          ikou_xml_writer_attr_date (w, "completion",
                                     ikou_system_get_transitional_completion (system));
          ikou_xml_writer_attr_date (w, "notified", ikou_system_get_transitional_notified (system));
          if (functions != NULL)
            ikou_xml_writer_text (w, functions);
          ikou_xml_writer_end (w);
        }
      ikou_xml_writer_element (w, "notes", ikou_system_get_notes (system));
      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        {
          ikou_xml_writer_start (w, "step");
          write_step_content (w, ikou_system_get_step (system, j));
          ikou_xml_writer_end (w);
        }
      ikou_xml_writer_end (w);
    }
  ikou_xml_writer_end (w);
}

static void
write_override (IkouXmlWriter      *w,
                const IkouOverride *o,
                gboolean            orphaned)
{
  g_autofree char *value = NULL;

  ikou_xml_writer_start (w, "override");
  ikou_xml_writer_attr_uint (w, "system", o->system_id);
  ikou_xml_writer_attr_uint (w, "step", o->step);
  ikou_xml_writer_attr (w, "field", ikou_override_field_to_string (o->field));

  switch (ikou_override_field_get_value_kind (o->field))
    {
    case IKOU_OVERRIDE_VALUE_DAY:
      /* "No date", or not a day any calendar has: empty. */
      if (o->value > 0 && o->value <= G_MAXINT32 &&
          ikou_day_to_ymd ((IkouDay) o->value, NULL, NULL, NULL))
        value = ikou_day_format_iso ((IkouDay) o->value);
      break;
    case IKOU_OVERRIDE_VALUE_HOST:
      if (o->value > 0 && o->value <= G_MAXUINT)
        value = g_strdup_printf ("%u", (guint) o->value);
      break;
    case IKOU_OVERRIDE_VALUE_AMOUNT:
      /* Empty when unknown. */
      if (o->value != -1)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_FLAG:
      value = g_strdup (o->value != 0 ? "true" : "false");
      break;
    case IKOU_OVERRIDE_VALUE_ARRANGEMENT:
    default:
      value = g_strdup (ikou_arrangement_to_string ((IkouArrangement) CLAMP (o->value, 0, IKOU_N_ARRANGEMENTS - 1)));
      break;
    }
  ikou_xml_writer_attr (w, "value", value != NULL ? value : "");
  if (orphaned)
    ikou_xml_writer_attr_bool (w, "orphaned", TRUE);

  ikou_xml_writer_end (w);
}

/* Overrides in system, step and field order; then, system by system, the
 * orphans and the added steps in their order. */
static void
write_scenario (IkouXmlWriter *w,
                IkouScenario  *scenario)
{
  g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);

  ikou_xml_writer_start (w, "scenario");
  ikou_xml_writer_attr (w, "name", ikou_scenario_get_name (scenario));
  ikou_xml_writer_element (w, "description", ikou_scenario_get_description (scenario));
  for (guint j = 0; j < ikou_scenario_get_n_overrides (scenario); j++)
    write_override (w, ikou_scenario_get_override (scenario, j), FALSE);
  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_orphans (scenario, id); j++)
        write_override (w, ikou_scenario_get_orphan (scenario, id, j), TRUE);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_added_steps (scenario, id); j++)
        {
          ikou_xml_writer_start (w, "added-step");
          ikou_xml_writer_attr_uint (w, "system", id);
          write_step_content (w, ikou_scenario_get_added_step (scenario, id, j));
          ikou_xml_writer_end (w);
        }
    }
  ikou_xml_writer_end (w);
}

static void
write_scenarios (IkouXmlWriter *w,
                 IkouPlan      *plan)
{
  if (ikou_plan_get_n_scenarios (plan) == 0)
    return;

  ikou_xml_writer_start (w, "scenarios");
  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    write_scenario (w, ikou_plan_get_scenario (plan, i));
  ikou_xml_writer_end (w);
}

/* Whether a system has a classified reason or 経過措置 (format 4). */
static gboolean
uses_transitional (IkouPlan *plan)
{
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      if (ikou_system_get_transitional (system) ||
          ikou_system_get_tokutei_reason_kind (system) != IKOU_TOKUTEI_REASON_UNKNOWN)
        return TRUE;
    }
  return FALSE;
}

/* Whether the plan holds any cost (format 3). */
static gboolean
uses_costs (IkouPlan *plan)
{
  if (ikou_plan_get_reference_cost (plan) != -1 ||
      ikou_plan_get_reference_fy (plan) != IKOU_PLAN_REFERENCE_FY)
    return TRUE;
  for (guint i = 0; i < ikou_plan_get_n_hosts (plan); i++)
    if (ikou_host_get_annual_cost (ikou_plan_get_host (plan, i)) != -1)
      return TRUE;
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      if (ikou_system_get_annual_cost (system) != -1)
        return TRUE;
      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        if (ikou_system_get_step (system, j)->annual_cost != -1 &&
            ikou_system_get_step (system, j)->cutover_date != IKOU_DAY_NONE)
          return TRUE;
    }
  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);
      g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);

      for (guint j = 0; j < ikou_scenario_get_n_overrides (scenario); j++)
        if (ikou_scenario_get_override (scenario, j)->field == IKOU_OVERRIDE_ANNUAL_COST)
          return TRUE;
      for (guint j = 0; j < ids->len; j++)
        {
          guint id = g_array_index (ids, guint, j);

          for (guint k = 0; k < ikou_scenario_get_n_orphans (scenario, id); k++)
            if (ikou_scenario_get_orphan (scenario, id, k)->field == IKOU_OVERRIDE_ANNUAL_COST)
              return TRUE;
          for (guint k = 0; k < ikou_scenario_get_n_added_steps (scenario, id); k++)
            if (ikou_scenario_get_added_step (scenario, id, k)->annual_cost != -1 &&
                ikou_scenario_get_added_step (scenario, id, k)->cutover_date != IKOU_DAY_NONE)
              return TRUE;
        }
    }
  return FALSE;
}

/* Only when it says something: a known cost, or another year. */
static void
write_reference_cost (IkouXmlWriter *w,
                      IkouPlan      *plan)
{
  gint64 cost = ikou_plan_get_reference_cost (plan);
  g_autofree char *text = NULL;

  if (cost == -1 && ikou_plan_get_reference_fy (plan) == IKOU_PLAN_REFERENCE_FY)
    return;
  if (cost >= 0)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, cost);
  ikou_xml_writer_start (w, "reference-cost");
  ikou_xml_writer_attr_uint (w, "fy", (guint) ikou_plan_get_reference_fy (plan));
  if (text != NULL)
    ikou_xml_writer_text (w, text);
  ikou_xml_writer_end (w);
}

char *
ikou_xml_write_data (IkouPlan *plan,
                     gsize    *length)
{
  g_autoptr(IkouXmlWriter) w = NULL;
  ScenarioUse use;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  scan_scenarios (plan, &use);
  w = ikou_xml_writer_new ();
  ikou_xml_writer_start (w, "ikou-plan");
  /* The lowest format that holds the plan, so that an older Ikou still
   * reads what it can. */
  ikou_xml_writer_attr_uint (w, "format", uses_transitional (plan) ? 4
                                           : uses_costs (plan) ? 3 : use.format_2 ? 2 : 1);
  write_next_ids (w, plan, &use);
  ikou_xml_writer_element (w, "organization", ikou_plan_get_organization (plan));
  ikou_xml_writer_element (w, "org-code", ikou_plan_get_org_code (plan));
  ikou_xml_writer_element (w, "title", ikou_plan_get_title (plan));
  ikou_xml_writer_element (w, "description", ikou_plan_get_description (plan));
  write_reference_cost (w, plan);
  ikou_xml_writer_element (w, "schedule-version", ikou_plan_get_schedule_version (plan));
  write_hosts (w, plan);
  write_systems (w, plan);
  write_scenarios (w, plan);
  ikou_xml_writer_end (w);

  return ikou_xml_writer_finish (g_steal_pointer (&w), length);
}

gboolean
ikou_xml_write_file (IkouPlan    *plan,
                     const char  *path,
                     GError     **error)
{
  return ikou_xml_write_file_checked (plan, path, NULL, error);
}

gboolean
ikou_xml_write_file_checked (IkouPlan            *plan,
                             const char          *path,
                             const IkouFileStamp *expected,
                             GError             **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = ikou_xml_write_data (plan, &length);
  return ikou_atomic_file_set_contents (path, data, length, expected, error);
}

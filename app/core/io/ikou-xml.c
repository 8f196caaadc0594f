/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-limits.h"
#include "ikou-xml.h"
#include "ikou-xml-util.h"

/* Reading Ikou XML (the writer is in ikou-xml-writer.c).
 *
 * The plan format this build reads (the format attribute of <ikou-plan>).
 * A higher one is refused with IKOU_ERROR_NEWER_VERSION.
 *
 * 1  the first format: scenario overrides of dates and to-host.
 * 2  overrides of every field (value per field), orphaned overrides and
 *    added steps, host references of scenarios to removed hosts.  A plan
 *    whose scenarios use none of these is still written as format 1.
 * 3  costs: annual-cost on host, system and step (and the override field
 *    annual-cost), <reference-cost fy=…> after the description.  A plan
 *    without costs is written in the lowest of 1 and 2 that holds it.
 * 4  after the deadline: tokutei-reason-kind on system (the Digital
 *    Agency's classification) and <transitional completion=… notified=…>
 *    (the 経過措置 of the system's standard-compliant cut-over, its text
 *    the functions still to come) after tokutei-reason.  Written only by
 *    a plan that uses them. */
#define IKOU_XML_FORMAT 4
#define SCHEMA_NAME "ikou-plan.rng"

static const IkouXmlErrorCodes plan_codes = {
  IKOU_ERROR_NOT_A_PLAN,    /* not XML at all */
  IKOU_ERROR_CORRUPT,       /* broken or truncated XML */
  IKOU_ERROR_INVALID_INPUT, /* a DOCTYPE */
  IKOU_ERROR_INVALID_INPUT, /* schema violation */
};

/* Reading */

typedef struct
{
  const char *name;   /* display name of the file */
  IkouPlan   *plan;
  /* The root's next-system-id and next-host-id, 0 when absent: set on
   * the plan once everything else is read. */
  guint       next_system_id;
  guint       next_host_id;
  /* Reading a scenario: host references may name removed hosts. */
  gboolean    in_scenario;
} Reader;

#define INVALID IKOU_ERROR_INVALID_INPUT

static gboolean
read_host_ref (Reader      *reader,
               xmlNode     *node,
               const char  *attr,
               guint       *out_id,
               GError     **error)
{
  if (!ikou_xml_get_typed_attr (node, attr, &ikou_xml_attr_uint,
                                reader->name, INVALID, out_id, error))
    return FALSE;

  /* A scenario keeps naming a host removed after it was made; the root's
   * next-host-id says which ids were handed out. */
  if (*out_id != 0 && ikou_plan_lookup_host (reader->plan, *out_id) == NULL &&
      !(reader->in_scenario && *out_id < reader->next_host_id))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("%s=\"%u\" refers to a host that is not in the file."),
                          attr, *out_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_id (Reader      *reader,
         xmlNode     *node,
         guint       *out_id,
         GError     **error)
{
  if (!ikou_xml_get_typed_attr (node, "id", &ikou_xml_attr_uint,
                                reader->name, INVALID, out_id, error))
    return FALSE;

  if (*out_id == 0)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node, _("the id must not be 0."));
      return FALSE;
    }

  return TRUE;
}

/* annual-cost="N": 千円 a year, never negative; -1 when absent. */
static gboolean
read_annual_cost (Reader      *reader,
                  xmlNode     *node,
                  gint64      *out_cost,
                  GError     **error)
{
  g_autofree char *text = ikou_xml_get_attr (node, "annual-cost");

  if (!ikou_xml_get_typed_attr (node, "annual-cost", &ikou_xml_attr_int64,
                                reader->name, INVALID, out_cost, error))
    return FALSE;
  if (text != NULL && *out_cost < 0)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("annual-cost=\"%s\" is negative: a running cost is 0 or more "
                            "thousand yen a year."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_host (Reader   *reader,
           xmlNode  *node,
           GError  **error)
{
  g_autoptr(IkouHost) host = NULL;
  g_autofree char *name = ikou_xml_get_attr (node, "name");
  g_autofree char *kind_name = ikou_xml_get_attr (node, "kind");
  g_autofree char *note = ikou_xml_get_child_text (node, "note");
  IkouHostKind kind = IKOU_HOST_OTHER;
  IkouDay from, until;
  gint64 annual_cost;
  guint id;

  if (!read_id (reader, node, &id, error))
    return FALSE;
  if (ikou_plan_lookup_host (reader->plan, id) != NULL)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("the host id %u is used twice."), id);
      return FALSE;
    }
  if (!ikou_host_kind_from_string (kind_name, &kind))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("“%s” is not a kind of host."), kind_name);
      return FALSE;
    }
  if (!ikou_xml_get_typed_attr (node, "available-from", &ikou_xml_attr_date,
                                reader->name, INVALID, &from, error) ||
      !ikou_xml_get_typed_attr (node, "available-until", &ikou_xml_attr_date,
                                reader->name, INVALID, &until, error) ||
      !read_annual_cost (reader, node, &annual_cost, error))
    return FALSE;

  host = ikou_host_new_full (id, name, kind, from, until, note, annual_cost);
  ikou_plan_add_host (reader->plan, host);

  return TRUE;
}

static gboolean
read_done (Reader      *reader,
           xmlNode     *node,
           guint       *out_done,
           GError     **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, "done");
  g_auto(GStrv) names = NULL;

  *out_done = 0;
  if (value == NULL)
    return TRUE;

  names = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      IkouMilestone milestone;

      if (*names[i] == '\0')
        continue;
      if (!ikou_milestone_from_string (names[i], &milestone))
        {
          ikou_xml_set_error (error, INVALID, reader->name, node,
                              _("“%s” is not a milestone."), names[i]);
          return FALSE;
        }
      *out_done |= IKOU_MILESTONE_FLAG (milestone);
    }

  return TRUE;
}

static gboolean
read_step (Reader      *reader,
           xmlNode     *node,
           IkouStep    *step,
           GError     **error)
{
  g_autofree char *arrangement = ikou_xml_get_attr (node, "arrangement");

  step->arrangement = IKOU_ARRANGEMENT_NORMAL;
  if (arrangement != NULL && !ikou_arrangement_from_string (arrangement, &step->arrangement))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("“%s” is not a contract arrangement."), arrangement);
      return FALSE;
    }

  if (!read_host_ref (reader, node, "from", &step->from_host, error) ||
      !read_host_ref (reader, node, "to", &step->to_host, error) ||
      !ikou_xml_get_typed_attr (node, "budget-date", &ikou_xml_attr_date,
                                reader->name, INVALID, &step->budget_date, error) ||
      !ikou_xml_get_typed_attr (node, "budget-amount", &ikou_xml_attr_int64,
                                reader->name, INVALID, &step->budget_amount, error) ||
      !ikou_xml_get_typed_attr (node, "supplementary", &ikou_xml_attr_bool,
                                reader->name, INVALID, &step->supplementary, error) ||
      !ikou_xml_get_typed_attr (node, "contract-date", &ikou_xml_attr_date,
                                reader->name, INVALID, &step->contract_date, error) ||
      !ikou_xml_get_typed_attr (node, "cutover-date", &ikou_xml_attr_date,
                                reader->name, INVALID, &step->cutover_date, error) ||
      !ikou_xml_get_typed_attr (node, "standard-compliant", &ikou_xml_attr_bool,
                                reader->name, INVALID, &step->standard_compliant, error) ||
      !read_done (reader, node, &step->done, error) ||
      !read_annual_cost (reader, node, &step->annual_cost, error))
    return FALSE;
  if (step->annual_cost != -1 && step->cutover_date == IKOU_DAY_NONE)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("annual-cost is the running cost after the cut-over, but the step "
                            "has no cutover-date."));
      return FALSE;
    }

  step->note = ikou_xml_get_child_text (node, "note");
  return TRUE;
}

static gboolean
read_system (Reader      *reader,
             xmlNode     *node,
             GError     **error)
{
  g_autoptr(IkouSystem) system = NULL;
  g_autofree char *name = ikou_xml_get_attr (node, "name");
  g_autofree char *department = ikou_xml_get_attr (node, "department");
  g_autofree char *vendor = ikou_xml_get_attr (node, "vendor");
  g_autofree char *operation = ikou_xml_get_attr (node, "operation");
  g_autofree char *status_name = ikou_xml_get_attr (node, "status");
  g_autofree char *reason = ikou_xml_get_child_text (node, "tokutei-reason");
  g_autofree char *notes = ikou_xml_get_child_text (node, "notes");
  g_autofree char *reason_kind_name = ikou_xml_get_attr (node, "tokutei-reason-kind");
  xmlNode *transitional = ikou_xml_first_child (node, "transitional");
  g_autofree char *functions = NULL;
  IkouTokuteiReason reason_kind = IKOU_TOKUTEI_REASON_UNKNOWN;
  IkouDay completion = IKOU_DAY_NONE, notified = IKOU_DAY_NONE;
  IkouStatus status = IKOU_STATUS_NOT_STARTED;
  IkouDay deadline;
  gboolean tokutei;
  gint64 annual_cost;
  guint id, host;

  if (!read_id (reader, node, &id, error))
    return FALSE;
  if (ikou_plan_lookup_system (reader->plan, id) != NULL)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("the system id %u is used twice."), id);
      return FALSE;
    }
  if (!ikou_status_from_string (status_name, &status))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("“%s” is not a status."), status_name);
      return FALSE;
    }
  if (!read_host_ref (reader, node, "host", &host, error) ||
      !ikou_xml_get_typed_attr (node, "tokutei", &ikou_xml_attr_bool,
                                reader->name, INVALID, &tokutei, error) ||
      !ikou_xml_get_typed_attr (node, "tokutei-deadline", &ikou_xml_attr_date,
                                reader->name, INVALID, &deadline, error) ||
      !read_annual_cost (reader, node, &annual_cost, error))
    return FALSE;
  /* Format 4; the schema allows only the ids, "unknown" is no attribute. */
  if (reason_kind_name != NULL &&
      !ikou_tokutei_reason_from_string (reason_kind_name, &reason_kind))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("“%s” is not a reason for special migration support."),
                          reason_kind_name);
      return FALSE;
    }
  if (transitional != NULL)
    {
      if (!ikou_xml_get_typed_attr (transitional, "completion", &ikou_xml_attr_date,
                                    reader->name, INVALID, &completion, error) ||
          !ikou_xml_get_typed_attr (transitional, "notified", &ikou_xml_attr_date,
                                    reader->name, INVALID, &notified, error))
        return FALSE;
      functions = ikou_xml_get_text (transitional);
    }

  system = ikou_system_new (id, name);
  ikou_system_set_department (system, department);
  ikou_system_set_vendor (system, vendor);
  ikou_system_set_operation (system, operation);
  ikou_system_set_host (system, host);
  ikou_system_set_status (system, status);
  ikou_system_set_tokutei (system, tokutei);
  ikou_system_set_tokutei_deadline (system, deadline);
  ikou_system_set_tokutei_reason (system, reason);
  ikou_system_set_notes (system, notes);
  ikou_system_set_annual_cost (system, annual_cost);
  ikou_system_set_tokutei_reason_kind (system, reason_kind);
  ikou_system_set_transitional (system, transitional != NULL);
  ikou_system_set_transitional_functions (system, functions);
  ikou_system_set_transitional_completion (system, completion);
  ikou_system_set_transitional_notified (system, notified);

  for (xmlNode *child = ikou_xml_first_child (node, "step");
       child != NULL;
       child = ikou_xml_next_sibling (child, "step"))
    {
      IkouStep step = { 0, };
      gboolean ok = read_step (reader, child, &step, error);

      if (ok)
        ikou_system_insert_step (system, G_MAXUINT, &step);
      g_free (step.note);
      if (!ok)
        return FALSE;
    }

  ikou_plan_add_system (reader->plan, system);
  return TRUE;
}

/* A system a scenario refers to: one of the file, or a removed one.  A
 * scenario keeps the edits of a removed system (an undo can bring it
 * back); the root's next-system-id says which ids were handed out, so
 * such an edit is not an error, only one nothing uses. */
static gboolean
read_system_ref (Reader       *reader,
                 xmlNode      *node,
                 guint        *out_id,
                 IkouSystem  **out_system,
                 GError      **error)
{
  if (!ikou_xml_get_typed_attr (node, "system", &ikou_xml_attr_uint,
                                reader->name, INVALID, out_id, error))
    return FALSE;

  *out_system = ikou_plan_lookup_system (reader->plan, *out_id);
  if (*out_system == NULL && (*out_id == 0 || *out_id >= reader->next_system_id))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("system=\"%u\" refers to a system that is not in the file."),
                          *out_id);
      return FALSE;
    }
  return TRUE;
}

/* The value= of an override of @field; empty is "no date", "no host" or
 * "unknown amount". */
static gboolean
read_override_value (Reader             *reader,
                     xmlNode            *node,
                     IkouOverrideField   field,
                     gint64             *out_value,
                     GError            **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, "value");
  IkouOverrideValueKind kind = ikou_override_field_get_value_kind (field);
  gboolean empty = value == NULL || *value == '\0';
  IkouArrangement arrangement;
  gboolean flag;
  guint host;
  IkouDay day;

  switch (kind)
    {
    case IKOU_OVERRIDE_VALUE_DAY:
      *out_value = IKOU_DAY_NONE;
      if (empty)
        return TRUE;
      if (!ikou_xml_get_typed_attr (node, "value", &ikou_xml_attr_date,
                                    reader->name, INVALID, &day, error))
        return FALSE;
      *out_value = day;
      return TRUE;
    case IKOU_OVERRIDE_VALUE_HOST:
      *out_value = 0;
      if (empty)
        return TRUE;
      if (!read_host_ref (reader, node, "value", &host, error))
        return FALSE;
      *out_value = host;
      return TRUE;
    case IKOU_OVERRIDE_VALUE_AMOUNT:
      *out_value = -1;
      if (empty)
        return TRUE;
      if (!ikou_xml_get_typed_attr (node, "value", &ikou_xml_attr_int64,
                                    reader->name, INVALID, out_value, error))
        return FALSE;
      if (field == IKOU_OVERRIDE_ANNUAL_COST && *out_value < 0)
        {
          ikou_xml_set_error (error, INVALID, reader->name, node,
                              _("value=\"%s\" is negative: a running cost is 0 or more "
                                "thousand yen a year."), value);
          return FALSE;
        }
      return TRUE;
    case IKOU_OVERRIDE_VALUE_FLAG:
      if (!ikou_xml_get_typed_attr (node, "value", &ikou_xml_attr_bool,
                                    reader->name, INVALID, &flag, error))
        return FALSE;
      *out_value = flag ? 1 : 0;
      return TRUE;
    case IKOU_OVERRIDE_VALUE_ARRANGEMENT:
    default:
      if (!ikou_arrangement_from_string (value, &arrangement))
        {
          ikou_xml_set_error (error, INVALID, reader->name, node,
                              _("“%s” is not a contract arrangement."),
                              value != NULL ? value : "");
          return FALSE;
        }
      *out_value = arrangement;
      return TRUE;
    }
}

static gboolean
read_override (Reader        *reader,
               IkouScenario  *scenario,
               xmlNode       *node,
               GError       **error)
{
  g_autofree char *field_name = ikou_xml_get_attr (node, "field");
  IkouOverrideField field;
  IkouSystem *system;
  guint system_id, step;
  gboolean orphaned;
  gint64 number = 0;

  if (!read_system_ref (reader, node, &system_id, &system, error) ||
      !ikou_xml_get_typed_attr (node, "step", &ikou_xml_attr_uint,
                                reader->name, INVALID, &step, error) ||
      !ikou_xml_get_typed_attr (node, "orphaned", &ikou_xml_attr_bool,
                                reader->name, INVALID, &orphaned, error))
    return FALSE;

  /* An orphan's step was removed: its index is the one it had. */
  if (system != NULL && !orphaned && step >= ikou_system_get_n_steps (system))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("the system “%s” has no step %u."),
                          ikou_system_get_name (system), step);
      return FALSE;
    }
  if (!ikou_override_field_from_string (field_name, &field))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("“%s” is not a field a scenario can change."), field_name);
      return FALSE;
    }
  if (!read_override_value (reader, node, field, &number, error))
    return FALSE;

  if (orphaned)
    {
      IkouOverride orphan = { system_id, step, field, number };

      /* Orphans may repeat each other: each is an edit that was lost. */
      ikou_scenario_add_orphan (scenario, &orphan);
      return TRUE;
    }

  if (ikou_scenario_lookup_override (scenario, system_id, step, field, NULL))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("this override repeats an earlier one for the same step "
                            "and field."));
      return FALSE;
    }

  ikou_scenario_set_override (scenario, system_id, step, field, number);
  return TRUE;
}

/* <added-step system="N">: a <step> the scenario adds after the
 * system's own. */
static gboolean
read_added_step (Reader        *reader,
                 IkouScenario  *scenario,
                 xmlNode       *node,
                 GError       **error)
{
  IkouStep step = { 0, };
  IkouSystem *system;
  guint system_id;
  gboolean ok;

  if (!read_system_ref (reader, node, &system_id, &system, error))
    return FALSE;

  ok = read_step (reader, node, &step, error);
  if (ok)
    ikou_scenario_insert_added_step (scenario, system_id, G_MAXUINT, &step);
  g_free (step.note);
  return ok;
}

static gboolean
read_scenario (Reader   *reader,
               xmlNode  *node,
               GError  **error)
{
  g_autofree char *name = ikou_xml_get_attr (node, "name");
  g_autofree char *description = ikou_xml_get_child_text (node, "description");
  g_autoptr(IkouScenario) scenario = NULL;
  gboolean ok = TRUE;

  /* Scenarios are chosen by name (ikou check --scenario). */
  if (name != NULL && ikou_plan_lookup_scenario (reader->plan, name) != NULL)
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("the scenario name “%s” is used twice."), name);
      return FALSE;
    }

  scenario = ikou_scenario_new (name);
  ikou_scenario_set_description (scenario, description);
  reader->in_scenario = TRUE;
  for (xmlNode *child = node->children; ok && child != NULL; child = child->next)
    {
      if (ikou_xml_is_element (child, "override"))
        ok = read_override (reader, scenario, child, error);
      else if (ikou_xml_is_element (child, "added-step"))
        ok = read_added_step (reader, scenario, child, error);
    }
  reader->in_scenario = FALSE;
  if (!ok)
    return FALSE;

  ikou_plan_add_scenario (reader->plan, scenario);
  return TRUE;
}

/* The ids the plan hands out next, when the file says (a writer leaves
 * them out when they follow from the ids in the file). */
static gboolean
read_next_ids (Reader   *reader,
               xmlNode  *root,
               GError  **error)
{
  return ikou_xml_get_typed_attr (root, "next-system-id", &ikou_xml_attr_uint,
                                  reader->name, INVALID, &reader->next_system_id, error) &&
         ikou_xml_get_typed_attr (root, "next-host-id", &ikou_xml_attr_uint,
                                  reader->name, INVALID, &reader->next_host_id, error);
}

static gboolean
check_root (Reader   *reader,
            xmlNode  *root,
            GError  **error)
{
  g_autofree char *format = NULL;

  if (!ikou_xml_is_element (root, "ikou-plan"))
    {
      ikou_xml_set_error (error, IKOU_ERROR_NOT_A_PLAN, reader->name, root,
                          _("this is not an Ikou plan (it starts with <%s>)."),
                          (const char *) root->name);
      return FALSE;
    }
  if (root->ns != NULL)
    {
      ikou_xml_set_error (error, IKOU_ERROR_NOT_A_PLAN, reader->name, root,
                          _("this is not an Ikou plan (its root element is in the "
                            "namespace %s)."),
                          root->ns->href != NULL ? (const char *) root->ns->href : "");
      return FALSE;
    }

  /* Before the schema: a newer file need not follow this one. */
  format = ikou_xml_newer_format (root, IKOU_XML_FORMAT);
  if (format != NULL)
    {
      ikou_xml_set_error (error, IKOU_ERROR_NEWER_VERSION, reader->name, root,
                          _("this plan was saved in format %s by a newer version of Ikou; "
                            "this version reads format %d and older. Update Ikou to "
                            "open it."),
                          format, IKOU_XML_FORMAT);
      return FALSE;
    }

  /* Also before the schema, which only sees the root's start tag with
   * the next element: like the format, the root's next ids are checked
   * here, so that a problem with them is the first in the file. */
  return read_next_ids (reader, root, error);
}

/* <reference-cost fy="2018">N</reference-cost>: the running cost of the
 * reference fiscal year, 千円; empty when unknown.  The year is required
 * (a cost of no year compares with nothing). */
static gboolean
read_reference_cost (Reader   *reader,
                     xmlNode  *node,
                     GError  **error)
{
  g_autofree char *fy_text = ikou_xml_get_attr (node, "fy");
  g_autofree char *text = ikou_xml_get_text (node);
  gint64 fy = 0, cost = -1;

  if (fy_text == NULL || *fy_text == '\0')
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("<reference-cost> needs the fiscal year it is of, as in "
                            "fy=\"2018\"."));
      return FALSE;
    }
  if (!g_ascii_string_to_signed (fy_text, 10, IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY, &fy, NULL))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("fy=\"%s\" is not a fiscal year (a year from %d to %d, as in "
                            "fy=\"2018\")."), fy_text, IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
      return FALSE;
    }
  if (text != NULL)
    g_strstrip (text);
  if (text != NULL && *text != '\0' &&
      (!g_ascii_isdigit (text[0]) ||
       !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &cost, NULL)))
    {
      ikou_xml_set_error (error, INVALID, reader->name, node,
                          _("the reference cost “%s” is not an amount: write 0 or more "
                            "thousand yen as digits."), text);
      return FALSE;
    }

  ikou_plan_set_reference_fy (reader->plan, (int) fy);
  ikou_plan_set_reference_cost (reader->plan, cost);
  return TRUE;
}

/* The plan's own text fields: <organization> … <schedule-version>. */
static gboolean
read_meta (Reader   *reader,
           xmlNode  *node,
           GError  **error)
{
  static const struct
  {
    const char *element;
    void      (*setter) (IkouPlan *plan, const char *text);
  } meta[] = {
    { "organization", ikou_plan_set_organization },
    { "org-code", ikou_plan_set_org_code },
    { "title", ikou_plan_set_title },
    { "description", ikou_plan_set_description },
    { "schedule-version", ikou_plan_set_schedule_version },
  };

  if (ikou_xml_is_element (node, "reference-cost"))
    return read_reference_cost (reader, node, error);

  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (ikou_xml_is_element (node, meta[i].element))
      {
        g_autofree char *text = ikou_xml_get_text (node);

        meta[i].setter (reader->plan, text);
        break;
      }

  return TRUE;
}

/* One child of <hosts>, <systems> or <scenarios>, or of the root. */
static gboolean
read_element (Reader      *reader,
              const char  *section,
              xmlNode     *node,
              GError     **error)
{
  if (section == NULL)
    return read_meta (reader, node, error);
  if (g_str_equal (section, "hosts") && ikou_xml_is_element (node, "host"))
    return read_host (reader, node, error);
  if (g_str_equal (section, "systems") && ikou_xml_is_element (node, "system"))
    return read_system (reader, node, error);
  if (g_str_equal (section, "scenarios") && ikou_xml_is_element (node, "scenario"))
    return read_scenario (reader, node, error);

  /* Anything else has already failed the schema. */
  return TRUE;
}

/* Reads the plan element by element as libxml2's reader validates it, so
 * that a national plan (34,592 systems, 20 MB) is never a document tree
 * in memory: each host, system and scenario is built from its own small
 * subtree, which is freed before the next is read.
 *
 * As with a document tree, a damaged file is reported as damaged, the
 * root is checked for another kind of document, a newer format and its
 * next ids before the schema, and within one element the schema comes
 * before the reader's own checks (an element that breaks it is not
 * read).  Across elements the first problem in the file is the one
 * reported. */
static IkouPlan *
read_stream (IkouXmlStream  *stream,
             GError        **error)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { ikou_xml_stream_get_display_name (stream), NULL, 0, 0, FALSE };
  const char *section = NULL;
  xmlNode *node;
  int depth;
  gboolean ok = TRUE;

  if (!ikou_xml_stream_next_element (stream, &node, &depth, error))
    return NULL;
  /* next_element() returns the root first, or fails. */
  g_assert (node != NULL && depth == 0);
  if (!check_root (&reader, node, error))
    {
      ikou_xml_stream_fail (stream, error);
      return NULL;
    }

  plan = ikou_plan_new ();
  reader.plan = plan;
  ikou_plan_begin_bulk (plan);

  while (ok && (ok = ikou_xml_stream_next_element (stream, &node, &depth, error)) &&
         node != NULL)
    {
      if (depth == 1)
        {
          static const char * const sections[] = { "hosts", "systems", "scenarios" };

          section = NULL;
          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            if (ikou_xml_is_element (node, sections[i]))
              section = sections[i];
          if (section != NULL)
            continue;  /* read on into its children */
        }

      if (depth > 2 || (depth == 2 && section == NULL))
        {
          /* Invalid: the schema has said so already. */
          ok = ikou_xml_stream_skip (stream, error);
          continue;
        }

      if (ikou_xml_stream_expand (stream, error) == NULL)
        ok = FALSE;
      else if (!read_element (&reader, section, node, &local_error))
        {
          /* A schema error further inside the element explains more than
           * what it led to: it comes first. */
          if (ikou_xml_stream_skip (stream, error))
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else
        ok = ikou_xml_stream_skip (stream, error);
    }

  ikou_plan_end_bulk (plan);

  if (!ok)
    {
      ikou_xml_stream_fail (stream, error);
      return NULL;
    }

  /* After the ids in use: a counter below them is ignored. */
  ikou_plan_set_next_ids (plan, reader.next_system_id, reader.next_host_id);

  if (!ikou_limits_check_plan (plan, ikou_xml_stream_get_display_name (stream), error))
    return NULL;
  return g_steal_pointer (&plan);
}

IkouPlan *
ikou_xml_read_data (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = ikou_xml_stream_new_for_data (data, length,
                                         display_name != NULL ? display_name : _("the plan"),
                                         &plan_codes, SCHEMA_NAME);
  return read_stream (stream, error);
}

IkouPlan *
ikou_xml_read_file (const char  *path,
                    GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read as it goes: the file is never in memory as a whole. */
  stream = ikou_xml_stream_new_for_file (path, &plan_codes, SCHEMA_NAME, error);
  if (stream == NULL)
    return NULL;

  return read_stream (stream, error);
}


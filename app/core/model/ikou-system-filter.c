/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-system-filter.h"

typedef enum
{
  KEY_DEPARTMENT,
  KEY_VENDOR,
  KEY_OPERATION,
  KEY_HOST,
  KEY_TARGET,
  KEY_FY,
  KEY_ALL,
  N_KEYS
} Key;

static const char * const key_names[N_KEYS] = {
  "department", "vendor", "operation", "host", "target", "fy", "all",
};

typedef struct
{
  Key          key;
  char        *text;      /* casefolded, department and vendor */
  const char  *operation; /* id */
  guint        host;
  IkouHostKind kind;
  int          fiscal_year;
} Filter;

const char *
ikou_system_filter_keys (void)
{
  return "department, vendor, operation, host, target, fy, all";
}

static gboolean
bad_value (const char  *filter,
           const char  *why,
           GError     **error)
{
  /* Translators: the filter as given, then the reason */
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
               _("The filter “%s” cannot be used: %s"), filter, why);
  return FALSE;
}

static gboolean
parse_number (const char *text,
              guint      *out)
{
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || value == 0 || value > G_MAXUINT)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_filter (IkouPlan      *plan,
              IkouSchedule  *schedule,
              const char    *filter,
              Filter        *out,
              GError       **error)
{
  const char *eq = strchr (filter, '=');
  g_autofree char *key = NULL;
  const char *value;

  if (eq == NULL || eq == filter)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("“%s” is not a filter: write KEY=VALUE with a key among %s."),
                   filter, ikou_system_filter_keys ());
      return FALSE;
    }
  key = g_strndup (filter, eq - filter);
  value = eq + 1;

  for (out->key = 0; out->key < N_KEYS; out->key++)
    if (g_str_equal (key, key_names[out->key]))
      break;
  if (out->key == N_KEYS)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("“%s” is not a filter key; the keys are %s."), key, ikou_system_filter_keys ());
      return FALSE;
    }
  if (*value == '\0')
    return bad_value (filter, _("it has no value."), error);

  switch (out->key)
    {
    case KEY_DEPARTMENT:
    case KEY_VENDOR:
      out->text = g_utf8_casefold (value, -1);
      return TRUE;

    case KEY_OPERATION:
      for (guint i = 0; schedule != NULL && i < ikou_schedule_get_n_operations (schedule); i++)
        {
          const IkouOperation *op = ikou_schedule_get_operation (schedule, i);

          if (g_str_equal (value, op->id) || g_strcmp0 (value, op->name) == 0 ||
              (op->name_en != NULL && g_ascii_strcasecmp (value, op->name_en) == 0) ||
              (op->name != NULL && strstr (op->name, value) != NULL))
            {
              out->operation = op->id;
              return TRUE;
            }
        }
      return bad_value (filter, _("the national schedule has no such operation."), error);

    case KEY_HOST:
      if (parse_number (value, &out->host) && ikou_plan_lookup_host (plan, out->host) != NULL)
        return TRUE;
      for (guint i = 0; i < ikou_plan_get_n_hosts (plan); i++)
        {
          IkouHost *host = ikou_plan_get_host (plan, i);

          if (g_strcmp0 (ikou_host_get_name (host), value) == 0)
            {
              out->host = ikou_host_get_id (host);
              return TRUE;
            }
        }
      return bad_value (filter, _("the plan has no host with that id or name."), error);

    case KEY_TARGET:
      if (ikou_host_kind_from_string (value, &out->kind))
        return TRUE;
      for (guint k = 0; k < IKOU_N_HOST_KINDS; k++)
        if (g_strcmp0 (ikou_host_kind_label (k), value) == 0)
          {
            out->kind = k;
            return TRUE;
          }
      return bad_value (filter, _("that is not a kind of host (gov-cloud, shared-cloud, onprem-shared, onprem-dedicated, other)."), error);

    case KEY_FY:
      {
        guint year;

        if (parse_number (value, &year) && year >= 1900 && year <= 2200)
          {
            out->fiscal_year = (int) year;
            return TRUE;
          }
        if (ikou_parse_fiscal_year (value, &out->fiscal_year, NULL))
          return TRUE;
        {
          g_autofree char *with_suffix = g_strconcat (value, "年度", NULL);

          if (ikou_parse_fiscal_year (with_suffix, &out->fiscal_year, NULL))
            return TRUE;
        }
        return bad_value (filter, _("that is not a fiscal year (2025, R7, 令和7年度)."), error);
      }

    case KEY_ALL:
      if (g_str_equal (value, "1") || g_str_equal (value, "yes") || g_str_equal (value, "true"))
        return TRUE;
      return bad_value (filter, _("write all=1."), error);

    case N_KEYS:
    default:
      break;
    }
  g_return_val_if_reached (FALSE);
}

static gboolean
text_matches (const char *field,
              const char *folded)
{
  g_autofree char *value = NULL;

  if (field == NULL)
    return FALSE;
  value = g_utf8_casefold (field, -1);
  return g_str_equal (value, folded);
}

/* The last step as @scenario sees it. */
static gboolean
last_step (IkouScenario *scenario,
           IkouSystem   *system,
           IkouStep     *out)
{
  guint n = ikou_scenario_get_n_steps (scenario, system);

  return n > 0 && ikou_scenario_get_step (scenario, system, n - 1, out, NULL);
}

static gboolean
matches (IkouPlan     *plan,
         IkouScenario *scenario,
         IkouSystem   *system,
         const Filter *f)
{
  IkouStep st;

  switch (f->key)
    {
    case KEY_DEPARTMENT:
      return text_matches (ikou_system_get_department (system), f->text);
    case KEY_VENDOR:
      return text_matches (ikou_system_get_vendor (system), f->text);
    case KEY_OPERATION:
      return g_strcmp0 (ikou_system_get_operation (system), f->operation) == 0;
    case KEY_HOST:
      return ikou_system_get_host (system) == f->host;
    case KEY_TARGET:
      {
        IkouHost *host;

        if (!last_step (scenario, system, &st) || st.to_host == 0)
          return FALSE;
        host = ikou_plan_lookup_host (plan, st.to_host);
        return host != NULL && ikou_host_get_kind (host) == f->kind;
      }
    case KEY_FY:
      return last_step (scenario, system, &st) && st.cutover_date != IKOU_DAY_NONE &&
             ikou_fiscal_year (st.cutover_date) == f->fiscal_year;
    case KEY_ALL:
      return TRUE;
    case N_KEYS:
    default:
      break;
    }
  g_return_val_if_reached (FALSE);
}

GPtrArray *
ikou_system_filter_select (IkouPlan            *plan,
                           IkouScenario        *scenario,
                           IkouSchedule        *schedule,
                           const char * const  *filters,
                           GError             **error)
{
  g_autoptr(GArray) parsed = NULL;
  GPtrArray *result;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (filters != NULL && filters[0] != NULL, NULL);

  parsed = g_array_new (FALSE, TRUE, sizeof (Filter));
  for (guint i = 0; filters[i] != NULL; i++)
    {
      Filter f = { 0 };

      if (!parse_filter (plan, schedule, filters[i], &f, error))
        {
          for (guint j = 0; j < parsed->len; j++)
            g_free (g_array_index (parsed, Filter, j).text);
          g_free (f.text);
          return NULL;
        }
      g_array_append_val (parsed, f);
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      gboolean all = TRUE;

      for (guint j = 0; all && j < parsed->len; j++)
        all = matches (plan, scenario, system, &g_array_index (parsed, Filter, j));
      if (all)
        g_ptr_array_add (result, g_object_ref (system));
    }

  for (guint j = 0; j < parsed->len; j++)
    g_free (g_array_index (parsed, Filter, j).text);
  return result;
}

GPtrArray *
ikou_system_filter_by_ids (IkouPlan    *plan,
                           const char  *ids,
                           GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  parts = g_strsplit (ids, ",", -1);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      IkouSystem *system;
      guint id;

      if (*part == '\0')
        continue;
      if (!parse_number (part, &id))
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                       _("“%s” is not a system id (a whole number)."), part);
          return NULL;
        }
      system = ikou_plan_lookup_system (plan, id);
      if (system == NULL)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                       _("The plan has no system with the id %u."), id);
          return NULL;
        }
      if (!g_ptr_array_find (result, system, NULL))
        g_ptr_array_add (result, g_object_ref (system));
    }
  if (result->len == 0)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                           _("Give at least one system id, e.g. --systems 3,7."));
      return NULL;
    }
  return g_steal_pointer (&result);
}

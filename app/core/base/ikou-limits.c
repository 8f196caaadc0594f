/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-host.h"
#include "ikou-limits.h"
#include "ikou-scenario.h"
#include "ikou-step.h"
#include "ikou-system.h"

gboolean
ikou_limits_text_fits (const char *text,
                       guint       max_chars)
{
  gsize n_bytes;

  if (text == NULL)
    return TRUE;
  n_bytes = strlen (text);
  /* Most texts are short: no need to count characters. */
  if (n_bytes <= max_chars)
    return TRUE;
  if (n_bytes > (gsize) max_chars * 4)
    return FALSE;
  return g_utf8_strlen (text, (gssize) n_bytes) <= (glong) max_chars;
}

typedef struct
{
  const char  *display;
  GError     **error;
} Check;

/* @where says where the field is ("system “戸籍” (id 3)"); NULL for the
 * plan itself. */
static gboolean
text_ok (Check      *c,
         const char *text,
         const char *field,
         const char *where,
         guint       max_chars)
{
  if (ikou_limits_text_fits (text, max_chars))
    return TRUE;

  if (where != NULL)
    /* Translators: file, field (e.g. "notes"), where (e.g. system “戸籍” (id 3)), limit */
    g_set_error (c->error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                 _("“%s”: the %s of %s is longer than %u characters, the most Ikou accepts."),
                 c->display, field, where, max_chars);
  else
    g_set_error (c->error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                 _("“%s”: the plan’s %s is longer than %u characters, the most Ikou accepts."),
                 c->display, field, max_chars);
  return FALSE;
}

static gboolean
count_ok (Check      *c,
          guint       count,
          guint       limit,
          const char *what,
          const char *where)
{
  if (count <= limit)
    return TRUE;

  if (where != NULL)
    /* Translators: file, where (e.g. system “戸籍” (id 3)), limit, what (e.g. steps) */
    g_set_error (c->error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                 _("“%s”: %s has more than %u %s, the most Ikou accepts."),
                 c->display, where, limit, what);
  else
    g_set_error (c->error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                 _("“%s”: the plan has more than %u %s, the most Ikou accepts."),
                 c->display, limit, what);
  return FALSE;
}

/* A name as quoted in a message: a name too long to quote whole may be
 * the very error being reported. */
static char *
quote_name (const char *name)
{
  g_autofree char *start = NULL;

  if (name == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (name, -1) <= 40)
    return g_strdup (name);
  start = g_utf8_substring (name, 0, 40);
  return g_strconcat (start, "…", NULL);
}

static gboolean
check_system (Check      *c,
              IkouSystem *system)
{
  g_autofree char *name = quote_name (ikou_system_get_name (system));
  /* Translators: a system's name and id, in "the notes of system “戸籍” (id 3)" */
  g_autofree char *where = g_strdup_printf (_("system “%s” (id %u)"), name,
                                            ikou_system_get_id (system));
  guint n_steps = ikou_system_get_n_steps (system);

  if (!text_ok (c, ikou_system_get_name (system), _("name"), where, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (c, ikou_system_get_department (system), _("department"), where, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (c, ikou_system_get_vendor (system), _("vendor"), where, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (c, ikou_system_get_operation (system), _("operation"), where, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (c, ikou_system_get_tokutei_reason (system), _("reason"), where, IKOU_LIMIT_LONG_TEXT) ||
      !text_ok (c, ikou_system_get_notes (system), _("notes"), where, IKOU_LIMIT_LONG_TEXT) ||
      !count_ok (c, n_steps, IKOU_LIMIT_STEPS, _("steps"), where))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      const IkouStep *step = ikou_system_get_step (system, i);

      if (!ikou_limits_text_fits (step->note, IKOU_LIMIT_LONG_TEXT))
        {
          /* Translators: step number, then a system as above */
          g_autofree char *step_where = g_strdup_printf (_("step %u of %s"), i + 1, where);

          return text_ok (c, step->note, _("note"), step_where, IKOU_LIMIT_LONG_TEXT);
        }
    }
  return TRUE;
}

gboolean
ikou_limits_check_plan (IkouPlan    *plan,
                        const char  *display_name,
                        GError     **error)
{
  Check c = { display_name, error };
  guint n;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (!text_ok (&c, ikou_plan_get_title (plan), _("title"), NULL, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (&c, ikou_plan_get_organization (plan), _("organization"), NULL, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (&c, ikou_plan_get_org_code (plan), _("organization code"), NULL, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (&c, ikou_plan_get_schedule_version (plan), _("schedule version"), NULL, IKOU_LIMIT_SHORT_TEXT) ||
      !text_ok (&c, ikou_plan_get_description (plan), _("description"), NULL, IKOU_LIMIT_LONG_TEXT))
    return FALSE;

  n = ikou_plan_get_n_hosts (plan);
  if (!count_ok (&c, n, IKOU_LIMIT_HOSTS, _("hosts"), NULL))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (plan, i);
      g_autofree char *name = quote_name (ikou_host_get_name (host));
      /* Translators: a host's name and id */
      g_autofree char *where = g_strdup_printf (_("host “%s” (id %u)"), name,
                                                ikou_host_get_id (host));

      if (!text_ok (&c, ikou_host_get_name (host), _("name"), where, IKOU_LIMIT_SHORT_TEXT) ||
          !text_ok (&c, ikou_host_get_note (host), _("note"), where, IKOU_LIMIT_LONG_TEXT))
        return FALSE;
    }

  n = ikou_plan_get_n_systems (plan);
  if (!count_ok (&c, n, IKOU_LIMIT_SYSTEMS, _("systems"), NULL))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!check_system (&c, ikou_plan_get_system (plan, i)))
      return FALSE;

  n = ikou_plan_get_n_scenarios (plan);
  if (!count_ok (&c, n, IKOU_LIMIT_SCENARIOS, _("scenarios"), NULL))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);
      g_autofree char *name = quote_name (ikou_scenario_get_name (scenario));
      /* Translators: a scenario's name */
      g_autofree char *where = g_strdup_printf (_("scenario “%s”"), name);

      if (!text_ok (&c, ikou_scenario_get_name (scenario), _("name"), where, IKOU_LIMIT_SHORT_TEXT) ||
          !text_ok (&c, ikou_scenario_get_description (scenario), _("description"), where, IKOU_LIMIT_LONG_TEXT) ||
          !count_ok (&c, ikou_scenario_get_n_overrides (scenario), IKOU_LIMIT_OVERRIDES, _("changes"), where))
        return FALSE;
    }

  return TRUE;
}

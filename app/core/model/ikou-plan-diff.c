/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-plan-diff.h"

int
ikou_months_between (IkouDay a,
                     IkouDay b)
{
  return (ikou_day_get_year (b) - ikou_day_get_year (a)) * 12 +
         (ikou_day_get_month (b) - ikou_day_get_month (a));
}

static void
clear_change (gpointer data)
{
  IkouDiffChange *change = data;

  g_free (change->system_name);
}

/* A key for where a step of a view comes from: the same baseline step in
 * two scenarios, or the same added step. */
static gint64
origin_key (const IkouStepOrigin *origin)
{
  return origin->added >= 0 ? ((gint64) 1 << 32) + origin->added : origin->baseline;
}

static void
add_changes (GArray         *changes,
             IkouSystem     *system,
             int             step,
             const IkouStep *a,
             const IkouStep *b)
{
  for (int m = 0; m < IKOU_N_MILESTONES; m++)
    {
      IkouDay da = a != NULL ? ikou_step_get_milestone (a, m) : IKOU_DAY_NONE;
      IkouDay db = b != NULL ? ikou_step_get_milestone (b, m) : IKOU_DAY_NONE;
      IkouDiffChange change = { 0 };

      if (da == db)
        continue;
      change.system_id = ikou_system_get_id (system);
      change.system_name = g_strdup (ikou_system_get_name (system));
      change.step = step;
      change.milestone = m;
      change.a = da;
      change.b = db;
      change.has_months = da != IKOU_DAY_NONE && db != IKOU_DAY_NONE;
      change.months = change.has_months ? ikou_months_between (da, db) : 0;
      g_array_append_val (changes, change);
    }
}

void
ikou_plan_diff_system (IkouPlan     *plan,
                       IkouSystem   *system,
                       IkouScenario *a,
                       IkouScenario *b,
                       GArray       *changes)
{
  guint id, na, nb;
  g_autofree gboolean *matched = NULL;

  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (changes != NULL);

  id = ikou_system_get_id (system);
  if ((a == NULL || !ikou_scenario_has_system (a, id)) &&
      (b == NULL || !ikou_scenario_has_system (b, id)))
    return;

  na = ikou_scenario_get_n_steps (a, system);
  nb = ikou_scenario_get_n_steps (b, system);
  matched = g_new0 (gboolean, na + 1);

  for (guint j = 0; j < nb; j++)
    {
      IkouStep sb, sa;
      IkouStepOrigin ob, oa;
      gboolean found = FALSE;

      ikou_scenario_get_step (b, system, j, &sb, &ob);
      for (guint i = 0; i < na && !found; i++)
        {
          ikou_scenario_get_step (a, system, i, &sa, &oa);
          if (!matched[i] && origin_key (&oa) == origin_key (&ob))
            {
              matched[i] = TRUE;
              found = TRUE;
            }
        }
      add_changes (changes, system, (int) j, found ? &sa : NULL, &sb);
    }
  /* Steps B leaves out. */
  for (guint i = 0; i < na; i++)
    {
      IkouStep sa;

      if (matched[i])
        continue;
      ikou_scenario_get_step (a, system, i, &sa, NULL);
      add_changes (changes, system, (int) i, &sa, NULL);
    }
}

static char *
finding_key (const IkouFinding *f)
{
  return g_strdup_printf ("%u|%s|%d", f->system_id, f->rule, f->milestone);
}

/* The findings of @from whose key @other has fewer times. */
static GPtrArray *
subtract (GPtrArray *from,
          GPtrArray *other)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);

  for (guint i = 0; i < other->len; i++)
    {
      char *key = finding_key (g_ptr_array_index (other, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < from->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (from, i);
      g_autofree char *key = finding_key (f);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      if (n > 0)
        g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (n - 1));
      else
        g_ptr_array_add (result, ikou_finding_copy (f));
    }
  return result;
}

IkouPlanDiff *
ikou_plan_diff (IkouPlan     *plan,
                IkouScenario *a,
                IkouScenario *b,
                IkouSchedule *schedule,
                IkouDay       today)
{
  IkouPlanDiff *diff;
  guint n;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  diff = g_new0 (IkouPlanDiff, 1);
  diff->changes = g_array_new (FALSE, TRUE, sizeof (IkouDiffChange));
  g_array_set_clear_func (diff->changes, clear_change);

  n = ikou_plan_get_n_systems (plan);
  for (guint i = 0; i < n; i++)
    ikou_plan_diff_system (plan, ikou_plan_get_system (plan, i), a, b, diff->changes);

  if (schedule != NULL)
    {
      g_autoptr(GPtrArray) fa = ikou_check_plan (plan, a, schedule, today, NULL);
      g_autoptr(GPtrArray) fb = ikou_check_plan (plan, b, schedule, today, NULL);

      diff->resolved = subtract (fa, fb);
      diff->appeared = subtract (fb, fa);
    }
  else
    {
      diff->resolved = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
      diff->appeared = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
    }
  return diff;
}

void
ikou_plan_diff_free (IkouPlanDiff *diff)
{
  if (diff == NULL)
    return;
  g_array_unref (diff->changes);
  g_ptr_array_unref (diff->resolved);
  g_ptr_array_unref (diff->appeared);
  g_free (diff);
}

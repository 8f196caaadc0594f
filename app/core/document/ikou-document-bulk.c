/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-document-private.h"
#include "ikou-error.h"

/* IkouDocument: many systems at once (shift, retarget, a property of
 * each), one undo step each, and catching up on overdue milestones. */

/* The years a shift may reach: those a planner can type. */
#define SHIFT_MIN_YEAR 1900
#define SHIFT_MAX_YEAR 2200

/* Many systems ---------------------------------------------------------------- */

static gboolean
shift_day (IkouDay     *day,
           int          months,
           IkouSystem  *system,
           GError     **error)
{
  IkouDay moved;
  int year;

  if (*day == IKOU_DAY_NONE)
    return TRUE;
  moved = ikou_day_add_months (*day, months);
  year = moved != IKOU_DAY_NONE ? ikou_day_get_year (moved) : 0;
  if (moved == IKOU_DAY_NONE || year < SHIFT_MIN_YEAR || year > SHIFT_MAX_YEAR)
    {
      g_autofree char *from = ikou_day_format_iso (*day);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE,
                   _("Shifting “%s” by %d months would move %s out of the years %d to %d."),
                   ikou_system_get_name (system), months, from, SHIFT_MIN_YEAR, SHIFT_MAX_YEAR);
      return FALSE;
    }
  *day = moved;
  return TRUE;
}

static void
store_step (IkouDocument   *self,
            IkouScenario   *scenario,
            IkouSystem     *system,
            guint           index,
            const IkouStep *step)
{
  if (scenario == NULL)
    ikou_history_set_step (self->history, system, index, step);
  else
    ikou_scenario_edit_step (scenario, system, index, step);
}

/* Runs @edit on every system's steps as @scenario sees them, checking
 * all before changing any; one undo step. */
typedef gboolean (*StepsEdit) (GPtrArray   *steps,
                               IkouSystem  *system,
                               gpointer     data,
                               GError     **error);

static gboolean
edit_systems (IkouDocument  *self,
              IkouScenario  *scenario,
              GPtrArray     *systems,
              const char    *label,
              StepsEdit      edit,
              gpointer       data,
              GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  /* The steps before, as values (their notes are the results'): what
   * changed is known without asking the scenario again. */
  g_autoptr(GArray) before_steps = g_array_new (FALSE, FALSE, sizeof (IkouStep));
  guint first_step = 0;

  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      GPtrArray *steps = _ikou_document_dup_steps (scenario, system);

      g_ptr_array_add (results, steps);
      for (guint s = 0; s < steps->len; s++)
        g_array_append_vals (before_steps, g_ptr_array_index (steps, s), 1);
      if (!edit (steps, system, data, error))
        return FALSE;
    }

  ikou_document_cancel_preview (self);
  /* The transaction makes one re-check and one ::view-changed per
   * system, not per step. */
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      GPtrArray *steps = g_ptr_array_index (results, i);
      IkouScenarioEdits *before = NULL;
      guint id = ikou_system_get_id (system);
      gboolean changed = FALSE;

      if (scenario != NULL)
        before = ikou_scenario_save_edits (scenario, id);
      for (guint s = 0; s < steps->len; s++)
        {
          const IkouStep *current = &g_array_index (before_steps, IkouStep, first_step + s);

          if (!ikou_step_equal (current, g_ptr_array_index (steps, s)))
            {
              store_step (self, scenario, system, s, g_ptr_array_index (steps, s));
              changed = TRUE;
            }
        }
      first_step += steps->len;
      if (scenario != NULL && changed)
        ikou_history_take_scenario_edits (self->history, scenario, id,
                                          g_steal_pointer (&before), label);
      g_clear_pointer (&before, ikou_scenario_edits_free);
    }
  ikou_history_end (self->history);
  return TRUE;
}

typedef struct
{
  int                 months;
  IkouShiftMilestones which;
} ShiftData;

static gboolean
shift_steps (GPtrArray   *steps,
             IkouSystem  *system,
             gpointer     user_data,
             GError     **error)
{
  ShiftData *data = user_data;

  for (guint s = 0; s < steps->len; s++)
    {
      IkouStep *st = g_ptr_array_index (steps, s);

      if ((data->which == IKOU_SHIFT_ALL && !shift_day (&st->budget_date, data->months, system, error)) ||
          (data->which != IKOU_SHIFT_CUTOVER && !shift_day (&st->contract_date, data->months, system, error)) ||
          !shift_day (&st->cutover_date, data->months, system, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ikou_document_shift (IkouDocument         *self,
                     IkouScenario         *scenario,
                     GPtrArray            *systems,
                     int                   months,
                     IkouShiftMilestones   which,
                     GError              **error)
{
  ShiftData data = { months, which };
  g_autofree char *label = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (systems != NULL, FALSE);

  if (months == 0 || systems->len == 0)
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shift %u system", "Shift %u systems",
                                        systems->len), systems->len);
  return edit_systems (self, scenario, systems, label, shift_steps, &data, error);
}

typedef struct
{
  guint host_id;
  int   standard_compliant;
} RetargetData;

static gboolean
retarget_steps (GPtrArray   *steps,
                IkouSystem  *system,
                gpointer     user_data,
                GError     **error)
{
  RetargetData *data = user_data;
  IkouStep *last;

  if (steps->len == 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s” has no migration step to retarget."), ikou_system_get_name (system));
      return FALSE;
    }
  last = g_ptr_array_index (steps, steps->len - 1);
  last->to_host = data->host_id;
  if (data->standard_compliant >= 0)
    last->standard_compliant = data->standard_compliant != 0;
  return TRUE;
}

gboolean
ikou_document_retarget (IkouDocument  *self,
                        IkouScenario  *scenario,
                        GPtrArray     *systems,
                        guint          host_id,
                        int            standard_compliant,
                        GError       **error)
{
  RetargetData data = { host_id, standard_compliant };
  IkouHost *host;
  g_autofree char *label = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (systems != NULL, FALSE);

  host = ikou_plan_lookup_host (self->plan, host_id);
  if (host == NULL)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                   _("There is no host with the id %u in this plan."), host_id);
      return FALSE;
    }
  /* Translators: undo label: the host's name */
  label = g_strdup_printf (_("Retarget to “%s”"), ikou_host_get_name (host));
  return edit_systems (self, scenario, systems, label, retarget_steps, &data, error);
}

void
ikou_document_set_systems_property (IkouDocument *self,
                                    GPtrArray    *systems,
                                    const char   *property,
                                    const GValue *value)
{
  g_autofree char *label = NULL;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (systems != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (systems->len == 0)
    return;
  ikou_document_cancel_preview (self);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change %u system", "Change %u systems",
                                        systems->len), systems->len);
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, G_VALUE_TYPE (value));
      g_object_get_property (G_OBJECT (system), property, &current);
      if (g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (system), property),
                              &current, value) != 0)
        ikou_history_set_system_property (self->history, system, property, value);
    }
  ikou_history_end (self->history);
}

GArray *
ikou_document_find_overdue_of (IkouDocument *self,
                               GPtrArray    *systems,
                               IkouDay       before)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) all = NULL;
  GArray *found;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (systems != NULL, NULL);

  for (guint i = 0; i < systems->len; i++)
    g_hash_table_add (ids, GUINT_TO_POINTER (ikou_system_get_id (g_ptr_array_index (systems, i))));
  all = ikou_document_find_overdue (self, before);
  found = g_array_new (FALSE, FALSE, sizeof (IkouMilestoneRef));
  for (guint i = 0; i < all->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (all, IkouMilestoneRef, i);

      if (g_hash_table_contains (ids, GUINT_TO_POINTER (ref->system_id)))
        g_array_append_vals (found, ref, 1);
    }
  return found;
}

/* Catching up ---------------------------------------------------------------- */

GArray *
ikou_document_find_overdue (IkouDocument *self,
                            IkouDay       before)
{
  GArray *found;
  guint n;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  if (before == IKOU_DAY_NONE)
    before = self->today;
  found = g_array_new (FALSE, FALSE, sizeof (IkouMilestoneRef));
  n = ikou_plan_get_n_systems (self->plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (self->plan, i);
      IkouStatus status = ikou_system_get_status (system);

      if (status == IKOU_STATUS_DONE || status == IKOU_STATUS_NOT_IN_SCOPE)
        continue;
      for (guint s = 0; s < ikou_system_get_n_steps (system); s++)
        {
          const IkouStep *step = ikou_system_get_step (system, s);

          for (int m = 0; m < IKOU_N_MILESTONES; m++)
            {
              IkouMilestoneRef ref = { ikou_system_get_id (system), s, m,
                                       ikou_step_get_milestone (step, m) };

              if (ref.day != IKOU_DAY_NONE && ref.day < before &&
                  (step->done & IKOU_MILESTONE_FLAG (m)) == 0)
                g_array_append_val (found, ref);
            }
        }
    }
  return found;
}

guint
ikou_document_mark_done (IkouDocument *self,
                         GArray       *milestones)
{
  g_autofree char *label = NULL;
  guint changed = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (milestones != NULL, 0);

  ikou_document_cancel_preview (self);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mark %u milestone done",
                                        "Mark %u milestones done", milestones->len),
                           milestones->len);
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < milestones->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (milestones, IkouMilestoneRef, i);
      IkouSystem *system = ikou_plan_lookup_system (self->plan, ref->system_id);
      g_autoptr(IkouStep) step = NULL;

      if (system == NULL || ref->step >= ikou_system_get_n_steps (system) ||
          (guint) ref->milestone >= IKOU_N_MILESTONES)
        continue;
      step = ikou_step_copy (ikou_system_get_step (system, ref->step));
      if (step->done & IKOU_MILESTONE_FLAG (ref->milestone))
        continue;
      step->done |= IKOU_MILESTONE_FLAG (ref->milestone);
      ikou_history_set_step (self->history, system, ref->step, step);
      changed++;
    }
  ikou_history_end (self->history);
  return changed;
}

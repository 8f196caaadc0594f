/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-document-private.h"

/* IkouDocument: the steps as the shown scenario sees them; edits and
 * drags land in the baseline or in the scenario's overrides. */

/* The steps @scenario sees for @system, notes included. */
GPtrArray *
_ikou_document_dup_steps (IkouScenario *scenario,
                          IkouSystem   *system)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_step_free);
  guint n = ikou_scenario_get_n_steps (scenario, system);

  for (guint i = 0; i < n; i++)
    {
      IkouStep st;
      IkouStepOrigin origin;
      IkouStep *copy;

      ikou_scenario_get_step (scenario, system, i, &st, &origin);
      copy = ikou_step_copy (&st);
      g_free (copy->note);
      copy->note = g_strdup (origin.added >= 0
                             ? ikou_scenario_get_added_step (scenario, ikou_system_get_id (system),
                                                             (guint) origin.added)->note
                             : ikou_system_get_step (system, (guint) origin.baseline)->note);
      g_ptr_array_add (steps, copy);
    }
  return steps;
}

void
_ikou_document_clear_preview (IkouDocument *self)
{
  g_clear_object (&self->preview_system);
  g_clear_pointer (&self->preview_old, ikou_step_free);
  g_clear_object (&self->preview_scenario);
  g_clear_pointer (&self->preview_before, ikou_scenario_edits_free);
}

/* Steps ---------------------------------------------------------------------- */

guint
ikou_document_get_n_steps (IkouDocument *self,
                           IkouSystem   *system)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), 0);
  return ikou_scenario_get_n_steps (self->active, system);
}

gboolean
ikou_document_get_step (IkouDocument *self,
                        IkouSystem   *system,
                        guint         index,
                        IkouStep     *out)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), FALSE);
  return ikou_scenario_get_step (self->active, system, index, out, NULL);
}

IkouStep *
ikou_document_dup_step (IkouDocument *self,
                        IkouSystem   *system,
                        guint         index)
{
  IkouStep st;
  IkouStepOrigin origin;
  IkouStep *copy;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), NULL);

  if (!ikou_scenario_get_step (self->active, system, index, &st, &origin))
    return NULL;
  copy = ikou_step_copy (&st);
  copy->note = g_strdup (origin.added >= 0
                         ? ikou_scenario_get_added_step (self->active, ikou_system_get_id (system),
                                                         (guint) origin.added)->note
                         : ikou_system_get_step (system, (guint) origin.baseline)->note);
  return copy;
}

static const char *
edit_label (IkouDocument   *self,
            IkouSystem     *system,
            guint           index,
            const IkouStep *step)
{
  IkouStep old;

  if (!ikou_scenario_get_step (self->active, system, index, &old, NULL))
    return NULL;
  return ikou_history_describe_step_change (&old, step);
}

void
ikou_document_set_step (IkouDocument   *self,
                        IkouSystem     *system,
                        guint           index,
                        const IkouStep *step)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->active == NULL)
    {
      ikou_history_set_step (self->history, system, index, step);
      return;
    }

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  {
    const char *label = edit_label (self, system, index, step);

    ikou_scenario_edit_step (self->active, system, index, step);
    ikou_history_record_scenario_edits (self->history, self->active, id, before, label);
  }
}

void
ikou_document_insert_step (IkouDocument   *self,
                           IkouSystem     *system,
                           guint           index,
                           const IkouStep *step)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id, n_view, n_added;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);

  if (self->active == NULL)
    {
      ikou_history_insert_step (self->history, system, index, step);
      return;
    }

  /* A scenario's own steps come after the baseline's. */
  id = ikou_system_get_id (system);
  n_view = ikou_scenario_get_n_steps (self->active, system);
  n_added = ikou_scenario_get_n_added_steps (self->active, id);
  index = MIN (index, n_view);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_insert_added_step (self->active, id,
                                   index >= n_view - n_added ? index - (n_view - n_added) : 0,
                                   step);
  ikou_history_record_scenario_edits (self->history, self->active, id, before, _("Add step"));
}

void
ikou_document_remove_step (IkouDocument *self,
                           IkouSystem   *system,
                           guint         index)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->active == NULL)
    {
      ikou_history_remove_step (self->history, system, index);
      return;
    }

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_drop_step (self->active, system, index);
  ikou_history_record_scenario_edits (self->history, self->active, id, before, _("Remove step"));
}

void
ikou_document_preview_step (IkouDocument   *self,
                            IkouSystem     *system,
                            guint           index,
                            const IkouStep *step)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->preview_system != NULL &&
      (self->preview_system != system || self->preview_index != index))
    ikou_document_commit_preview (self);

  if (self->preview_system == NULL)
    {
      self->preview_system = g_object_ref (system);
      self->preview_index = index;
      if (self->active == NULL)
        self->preview_old = ikou_step_copy (ikou_system_get_step (system, index));
      else
        {
          self->preview_scenario = g_object_ref (self->active);
          self->preview_before = ikou_scenario_save_edits (self->active,
                                                           ikou_system_get_id (system));
        }
    }

  if (self->preview_scenario == NULL)
    {
      /* The baseline's note and done bits stay as they are. */
      g_autoptr(IkouStep) copy = ikou_step_copy (step);

      g_free (copy->note);
      copy->note = g_strdup (ikou_system_get_step (system, index)->note);
      ikou_system_set_step (system, index, copy);
    }
  else
    ikou_scenario_edit_step (self->preview_scenario, system, index, step);
}

void
ikou_document_commit_preview (IkouDocument *self)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (self->preview_system == NULL)
    return;

  if (self->preview_scenario == NULL)
    {
      if (self->preview_index < ikou_system_get_n_steps (self->preview_system))
        ikou_history_record_step (self->history, self->preview_system, self->preview_index,
                                  self->preview_old);
    }
  else
    ikou_history_record_scenario_edits (self->history, self->preview_scenario,
                                        ikou_system_get_id (self->preview_system),
                                        self->preview_before, _("Move in scenario"));
  _ikou_document_clear_preview (self);
}

void
ikou_document_cancel_preview (IkouDocument *self)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (self->preview_system == NULL)
    return;

  if (self->preview_scenario == NULL)
    {
      if (self->preview_index < ikou_system_get_n_steps (self->preview_system))
        ikou_system_set_step (self->preview_system, self->preview_index, self->preview_old);
    }
  else
    ikou_scenario_restore_edits (self->preview_scenario,
                                 ikou_system_get_id (self->preview_system),
                                 self->preview_before);
  _ikou_document_clear_preview (self);
}

gboolean
ikou_document_is_overridden (IkouDocument      *self,
                             IkouSystem        *system,
                             guint              index,
                             IkouOverrideField  field,
                             gint64            *baseline_value)
{
  IkouStep st;
  IkouStepOrigin origin;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), FALSE);

  if (self->active == NULL ||
      !ikou_scenario_get_step (self->active, system, index, &st, &origin) ||
      origin.baseline < 0 ||
      !ikou_scenario_lookup_override (self->active, ikou_system_get_id (system),
                                      (guint) origin.baseline, field, NULL))
    return FALSE;

  if (baseline_value != NULL)
    *baseline_value = ikou_override_field_get (ikou_system_get_step (system, (guint) origin.baseline),
                                               field);
  return TRUE;
}

gboolean
ikou_document_is_added_step (IkouDocument *self,
                             IkouSystem   *system,
                             guint         index)
{
  IkouStep st;
  IkouStepOrigin origin;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);

  return self->active != NULL &&
         ikou_scenario_get_step (self->active, system, index, &st, &origin) &&
         origin.added >= 0;
}

void
ikou_document_revert_field (IkouDocument      *self,
                            IkouSystem        *system,
                            guint              index,
                            IkouOverrideField  field)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  IkouStep st;
  IkouStepOrigin origin;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));

  if (self->active == NULL ||
      !ikou_scenario_get_step (self->active, system, index, &st, &origin) ||
      origin.baseline < 0)
    return;

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_remove_override (self->active, id, (guint) origin.baseline, field);
  ikou_history_record_scenario_edits (self->history, self->active, id, before,
                                      _("Back to the baseline"));
}

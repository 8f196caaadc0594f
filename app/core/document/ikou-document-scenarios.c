/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-document-private.h"
#include "ikou-error.h"

/* IkouDocument: the scenario shown and the one compared with, adding,
 * naming, deleting and adopting scenarios. */

/* Scenarios ------------------------------------------------------------------ */

IkouScenario *
ikou_document_get_active_scenario (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->active;
}

void
ikou_document_set_active_scenario (IkouDocument *self,
                                   IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (self->active == scenario)
    return;

  /* A drag belongs to what was shown. */
  ikou_document_cancel_preview (self);

  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_set_object (&self->active, scenario);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "systems-changed",
                             G_CALLBACK (_ikou_document_scenario_systems_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* Comparing a scenario with itself shows nothing: compare with the
   * baseline instead. */
  if (self->comparing && self->compare == scenario)
    ikou_document_set_compare (self, TRUE, NULL);

  ikou_document_recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_ACTIVE_SCENARIO]);
}

gboolean
ikou_document_get_comparing (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  return self->comparing;
}

IkouScenario *
ikou_document_get_compare_scenario (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->compare;
}

void
ikou_document_set_compare (IkouDocument *self,
                           gboolean      comparing,
                           IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (!comparing)
    scenario = NULL;
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->compare, scenario))
    g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_COMPARE_SCENARIO]);
  if (self->comparing != !!comparing)
    {
      self->comparing = !!comparing;
      g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_COMPARING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ikou_document_check_scenario_name (IkouDocument  *self,
                                   const char    *name,
                                   IkouScenario  *except,
                                   GError       **error)
{
  IkouScenario *other;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("A scenario needs a name."));
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > 200)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("A scenario name is at most 200 characters of text."));
      return FALSE;
    }
  if (g_str_equal (stripped, "baseline") || g_str_equal (stripped, _("Baseline")))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s” is the name of the baseline; choose another name."), stripped);
      return FALSE;
    }
  other = ikou_plan_lookup_scenario (self->plan, stripped);
  if (other != NULL && other != except)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("There is already a scenario named “%s”."), stripped);
      return FALSE;
    }
  return TRUE;
}

IkouScenario *
ikou_document_add_scenario (IkouDocument  *self,
                            const char    *name,
                            IkouScenario  *from,
                            const char    *description,
                            GError       **error)
{
  g_autoptr(IkouScenario) scenario = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (from == NULL || IKOU_IS_SCENARIO (from), NULL);

  if (!ikou_document_check_scenario_name (self, name, NULL, error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  scenario = from != NULL ? ikou_scenario_copy (from, stripped) : ikou_scenario_new (stripped);
  if (description != NULL)
    ikou_scenario_set_description (scenario, description);
  ikou_history_add_scenario (self->history, G_MAXUINT, scenario);
  return scenario;
}

gboolean
ikou_document_rename_scenario (IkouDocument  *self,
                               IkouScenario  *scenario,
                               const char    *name,
                               GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SCENARIO (scenario), FALSE);

  if (!ikou_document_check_scenario_name (self, name, scenario, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  ikou_history_set_scenario_property (self->history, scenario, "name", &value);
  return TRUE;
}

void
ikou_document_describe_scenario (IkouDocument *self,
                                 IkouScenario *scenario,
                                 const char   *description)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, description != NULL && *description != '\0' ? description : NULL);
  ikou_history_set_scenario_property (self->history, scenario, "description", &value);
}

void
ikou_document_delete_scenario (IkouDocument *self,
                               IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  if (self->active == scenario)
    ikou_document_set_active_scenario (self, NULL);
  ikou_history_remove_scenario (self->history, scenario);
}

char *
ikou_document_dup_adopt_name (IkouDocument *self)
{
  g_autofree char *day = NULL;
  g_autofree char *base = NULL;
  char *name;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  day = ikou_day_format_iso (self->today);
  /* Translators: the scenario that keeps the old baseline after adopting
   * another scenario: "Baseline 2026-12-02" */
  base = g_strdup_printf (_("Baseline %s"), day);
  name = g_strdup (base);
  for (guint n = 2; ikou_plan_lookup_scenario (self->plan, name) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
  return name;
}

void
_ikou_document_plan_scenarios_changed_cb (IkouDocument *self)
{
  /* An undo can take away the scenario on show. */
  if (self->active != NULL && !ikou_plan_find_scenario (self->plan, self->active, NULL))
    ikou_document_set_active_scenario (self, NULL);
  if (self->compare != NULL && !ikou_plan_find_scenario (self->plan, self->compare, NULL))
    ikou_document_set_compare (self, FALSE, NULL);
}

/* Edits on top of @now that give back @before (adopting keeps the old
 * baseline this way). */
static void
edits_back_to (IkouScenario *keep,
               IkouSystem   *system,
               GPtrArray    *before,
               GPtrArray    *now)
{
  guint id = ikou_system_get_id (system);

  for (guint i = 0; i < now->len; i++)
    {
      const IkouStep *a = g_ptr_array_index (now, i);

      if (i >= before->len)
        {
          ikou_scenario_set_override (keep, id, i, IKOU_OVERRIDE_DROPPED, 1);
          continue;
        }
      for (guint f = 0; f < IKOU_N_OVERRIDE_FIELDS; f++)
        {
          gint64 old_value;

          if (f == IKOU_OVERRIDE_DROPPED)
            continue;
          old_value = ikou_override_field_get (g_ptr_array_index (before, i), f);
          if (old_value != ikou_override_field_get (a, f))
            ikou_scenario_set_override (keep, id, i, f, old_value);
        }
    }
  for (guint i = now->len; i < before->len; i++)
    ikou_scenario_insert_added_step (keep, id, G_MAXUINT, g_ptr_array_index (before, i));
}

/* The other scenarios' edits of @system follow its baseline steps when
 * @adopted, which leaves some of them out, becomes the baseline: edits
 * of a step left out become orphans, the later ones move down. */
static void
reindex_other_scenarios (IkouDocument *self,
                         IkouScenario *adopted,
                         IkouSystem   *system)
{
  guint id = ikou_system_get_id (system);
  guint n = ikou_system_get_n_steps (system);

  for (guint k = 0; k < ikou_plan_get_n_scenarios (self->plan); k++)
    {
      IkouScenario *other = ikou_plan_get_scenario (self->plan, k);
      g_autoptr(IkouScenarioEdits) before = NULL;

      if (other == adopted || !ikou_scenario_has_system (other, id))
        continue;
      before = ikou_scenario_save_edits (other, id);
      for (guint i = n; i > 0; i--)
        {
          gint64 dropped = 0;

          if (ikou_scenario_lookup_override (adopted, id, i - 1, IKOU_OVERRIDE_DROPPED, &dropped) &&
              dropped != 0)
            ikou_scenario_reindex_steps (other, id, i - 1, -1);
        }
      ikou_history_record_scenario_edits (self->history, other, id, before, NULL);
    }
}

IkouScenario *
ikou_document_adopt_scenario (IkouDocument  *self,
                              IkouScenario  *scenario,
                              const char    *keep_as,
                              GError       **error)
{
  g_autoptr(IkouScenario) keep = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *label = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  guint position = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (keep_as != NULL, NULL);

  if (!ikou_document_check_scenario_name (self, keep_as, scenario, error))
    return NULL;
  for (guint i = 0; i < ikou_plan_get_n_scenarios (self->plan); i++)
    if (ikou_plan_get_scenario (self->plan, i) == scenario)
      position = i;

  stripped = g_strstrip (g_strdup (keep_as));
  keep = ikou_scenario_new (stripped);
  today = ikou_day_format_iso (self->today);
  /* Translators: description of the scenario that keeps the old baseline */
  description = g_strdup_printf (_("The baseline before “%s” was adopted on %s."),
                                 ikou_scenario_get_name (scenario), today);
  ikou_scenario_set_description (keep, description);

  /* Translators: undo label */
  label = g_strdup_printf (_("Adopt “%s”"), ikou_scenario_get_name (scenario));
  ikou_document_cancel_preview (self);
  if (self->active == scenario)
    ikou_document_set_active_scenario (self, NULL);

  ikou_history_begin (self->history, label);
  ids = ikou_scenario_get_system_ids (scenario);
  for (guint i = 0; i < ids->len; i++)
    {
      IkouSystem *system = ikou_plan_lookup_system (self->plan, g_array_index (ids, guint, i));
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;

      if (system == NULL)
        continue;
      before = _ikou_document_dup_steps (NULL, system);
      after = _ikou_document_dup_steps (scenario, system);
      reindex_other_scenarios (self, scenario, system);
      ikou_history_set_steps (self->history, system, after);
      edits_back_to (keep, system, before, after);
    }
  ikou_history_remove_scenario (self->history, scenario);
  ikou_history_add_scenario (self->history, position, keep);
  ikou_history_end (self->history);

  return keep;
}

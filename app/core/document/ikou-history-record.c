/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-history-private.h"

/* IkouHistory: each edit applies its change to the plan and records a
 * command with the values before and after (steps, properties, systems
 * and hosts, scenarios), labelled in words a planner uses. */

static Command *
command_new (CommandKind  kind,
             const char  *label)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->kind = kind;
  cmd->label = g_strdup (label);
  return cmd;
}

static void
edits_change_free (EditsChange *change)
{
  g_object_unref (change->scenario);
  ikou_scenario_edits_free (change->before);
  ikou_scenario_edits_free (change->after);
  g_free (change);
}

static guint
host_position (IkouHistory *self,
               IkouHost    *host)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (ikou_plan_get_hosts (self->plan)), host, &position);
  return position;
}

/* Steps */

static gboolean
system_in_plan (IkouHistory *self,
                IkouSystem  *system)
{
  return ikou_plan_lookup_system (self->plan, ikou_system_get_id (system)) == system;
}

const char *
ikou_history_describe_step_change (const IkouStep *a,
                                   const IkouStep *b)
{
  gboolean budget = a->budget_date != b->budget_date;
  gboolean contract = a->contract_date != b->contract_date;
  gboolean cutover = a->cutover_date != b->cutover_date;
  guint n_changed;

  n_changed = budget + contract + cutover +
              (a->from_host != b->from_host) +
              (a->to_host != b->to_host) +
              (a->budget_amount != b->budget_amount) +
              (a->annual_cost != b->annual_cost) +
              (!a->supplementary != !b->supplementary) +
              (!a->standard_compliant != !b->standard_compliant) +
              (a->arrangement != b->arrangement) +
              (a->done != b->done) +
              (g_strcmp0 (a->note, b->note) != 0);

  if (n_changed == 3 && budget && contract && cutover)
    return _("Move step");
  if (n_changed == 2 && contract && cutover)
    return _("Move build");
  if (n_changed != 1)
    return _("Edit step");
  if (cutover)
    return _("Move cut-over");
  if (contract)
    return _("Move contract");
  if (budget)
    return _("Move budget request");
  if (a->from_host != b->from_host)
    return _("Change from-host");
  if (a->to_host != b->to_host)
    return _("Change to-host");
  if (a->budget_amount != b->budget_amount)
    return _("Edit budget amount");
  if (a->annual_cost != b->annual_cost)
    return _("Edit running cost");
  if (!a->supplementary != !b->supplementary)
    return _("Change supplementary budget");
  if (!a->standard_compliant != !b->standard_compliant)
    return _("Change standard compliance");
  if (a->arrangement != b->arrangement)
    return _("Change contract arrangement");
  if (a->done != b->done)
    return _("Mark progress");
  return _("Edit step note");
}

/* Takes @old_step. */
static void
record_step_change (IkouHistory *self,
                    IkouSystem  *system,
                    guint        index,
                    IkouStep    *old_step)
{
  const IkouStep *new_step = ikou_system_get_step (system, index);
  Command *cmd;

  if (ikou_step_equal (old_step, new_step))
    {
      ikou_step_free (old_step);
      return;
    }

  /* A transaction's own label names its step: no need to word each of
   * its commands (a bulk edit records thousands). */
  cmd = command_new (CMD_SET_STEP, self->open != NULL && self->open->label != NULL
                                   ? NULL : ikou_history_describe_step_change (old_step, new_step));
  cmd->id = ikou_system_get_id (system);
  cmd->index = index;
  cmd->old_step = old_step;
  cmd->new_step = ikou_step_copy (new_step);
  _ikou_history_record (self, cmd);
}

void
ikou_history_set_step (IkouHistory    *self,
                       IkouSystem     *system,
                       guint           index,
                       const IkouStep *step)
{
  IkouStep *old_step;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (system_in_plan (self, system));
  g_return_if_fail (index < ikou_system_get_n_steps (system));

  old_step = ikou_step_copy (ikou_system_get_step (system, index));
  ikou_system_set_step (system, index, step);
  record_step_change (self, system, index, old_step);
}

void
ikou_history_record_step (IkouHistory    *self,
                          IkouSystem     *system,
                          guint           index,
                          const IkouStep *old_step)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (old_step != NULL);
  g_return_if_fail (system_in_plan (self, system));
  g_return_if_fail (index < ikou_system_get_n_steps (system));

  record_step_change (self, system, index, ikou_step_copy (old_step));
}

/* Every scenario's edits of the system follow the baseline's steps (a
 * removed step's overrides become orphans); the command keeps them
 * before and after so undo and redo restore them exactly. */
static void
reindex_scenarios (IkouHistory *self,
                   Command     *cmd,
                   int          delta)
{
  for (guint i = 0; i < ikou_plan_get_n_scenarios (self->plan); i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (self->plan, i);
      EditsChange *change;

      if (!ikou_scenario_has_system (scenario, cmd->id))
        continue;
      change = g_new0 (EditsChange, 1);
      change->scenario = g_object_ref (scenario);
      change->system_id = cmd->id;
      change->before = ikou_scenario_save_edits (scenario, cmd->id);
      ikou_scenario_reindex_steps (scenario, cmd->id, cmd->index, delta);
      change->after = ikou_scenario_save_edits (scenario, cmd->id);
      change->has_after = TRUE;
      if (cmd->edits == NULL)
        cmd->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edits_change_free);
      g_ptr_array_add (cmd->edits, change);
    }
}

void
ikou_history_insert_step (IkouHistory    *self,
                          IkouSystem     *system,
                          guint           index,
                          const IkouStep *step)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (system_in_plan (self, system));

  index = MIN (index, ikou_system_get_n_steps (system));
  ikou_system_insert_step (system, index, step);

  cmd = command_new (CMD_INSERT_STEP, _("Add step"));
  cmd->id = ikou_system_get_id (system);
  cmd->index = index;
  cmd->new_step = ikou_step_copy (step);
  reindex_scenarios (self, cmd, +1);
  _ikou_history_record (self, cmd);
}

void
ikou_history_remove_step (IkouHistory *self,
                          IkouSystem  *system,
                          guint        index)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (system_in_plan (self, system));
  g_return_if_fail (index < ikou_system_get_n_steps (system));

  cmd = command_new (CMD_REMOVE_STEP, _("Remove step"));
  cmd->id = ikou_system_get_id (system);
  cmd->index = index;
  cmd->old_step = ikou_step_copy (ikou_system_get_step (system, index));
  ikou_system_remove_step (system, index);
  reindex_scenarios (self, cmd, -1);
  _ikou_history_record (self, cmd);
}

/* Properties */

static const char *
system_property_label (const char *property)
{
  if (g_str_equal (property, "name"))
    return _("Edit name");
  if (g_str_equal (property, "department"))
    return _("Edit department");
  if (g_str_equal (property, "vendor"))
    return _("Edit vendor");
  if (g_str_equal (property, "operation"))
    return _("Change operation");
  if (g_str_equal (property, "host"))
    return _("Change current host");
  if (g_str_equal (property, "tokutei"))
    return _("Change special migration support");
  if (g_str_equal (property, "tokutei-deadline"))
    return _("Change special migration deadline");
  if (g_str_equal (property, "tokutei-reason"))
    return _("Edit special migration reason");
  if (g_str_equal (property, "tokutei-reason-kind"))
    return _("Change special migration reason");
  if (g_str_equal (property, "transitional") ||
      g_str_equal (property, "transitional-functions") ||
      g_str_equal (property, "transitional-completion") ||
      g_str_equal (property, "transitional-notified"))
    return _("Edit functions still to come");
  if (g_str_equal (property, "status"))
    return _("Change status");
  if (g_str_equal (property, "annual-cost"))
    return _("Edit running cost");
  if (g_str_equal (property, "notes"))
    return _("Edit notes");
  return _("Edit system");
}

static const char *
host_property_label (const char *property)
{
  if (g_str_equal (property, "name"))
    return _("Rename host");
  if (g_str_equal (property, "kind"))
    return _("Change host kind");
  if (g_str_equal (property, "available-from"))
    return _("Change host available from");
  if (g_str_equal (property, "available-until"))
    return _("Change host available until");
  if (g_str_equal (property, "note"))
    return _("Edit host note");
  if (g_str_equal (property, "annual-cost"))
    return _("Edit host running cost");
  return _("Edit host");
}

static const char *
plan_property_label (const char *property)
{
  if (g_str_equal (property, "organization"))
    return _("Edit organization");
  if (g_str_equal (property, "org-code"))
    return _("Edit organization code");
  if (g_str_equal (property, "title"))
    return _("Edit title");
  if (g_str_equal (property, "description"))
    return _("Edit description");
  if (g_str_equal (property, "reference-fy") || g_str_equal (property, "reference-cost"))
    return _("Edit reference running cost");
  return _("Edit plan");
}

/* Sets @property of @object to @value and records a command of @kind if
 * the stored value changed (setters normalise, e.g. "" to NULL). */
static void
set_property_recorded (IkouHistory  *self,
                       CommandKind   kind,
                       GObject      *object,
                       guint         id,
                       const char   *property,
                       const GValue *value,
                       const char   *label)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  Command *cmd;

  g_return_if_fail (pspec != NULL);
  g_return_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0);
  g_return_if_fail ((pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);
  g_return_if_fail (G_IS_VALUE (value));
  g_return_if_fail (g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type));

  g_value_init (&old_value, pspec->value_type);
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (object, property, &old_value);
  g_object_set_property (object, property, value);
  g_object_get_property (object, property, &new_value);

  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  cmd = command_new (kind, label);
  cmd->id = id;
  if (kind == CMD_SCENARIO_PROPERTY)
    cmd->object = g_object_ref (object);
  cmd->property = g_intern_string (property);
  g_value_init (&cmd->old_value, pspec->value_type);
  g_value_init (&cmd->new_value, pspec->value_type);
  g_value_copy (&old_value, &cmd->old_value);
  g_value_copy (&new_value, &cmd->new_value);
  _ikou_history_record (self, cmd);
}

void
ikou_history_set_system_property (IkouHistory  *self,
                                  IkouSystem   *system,
                                  const char   *property,
                                  const GValue *value)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (property != NULL);
  g_return_if_fail (system_in_plan (self, system));

  set_property_recorded (self, CMD_SYSTEM_PROPERTY, G_OBJECT (system),
                         ikou_system_get_id (system), property, value,
                         system_property_label (property));
}

void
ikou_history_set_host_property (IkouHistory  *self,
                                IkouHost     *host,
                                const char   *property,
                                const GValue *value)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_HOST (host));
  g_return_if_fail (property != NULL);
  g_return_if_fail (ikou_plan_lookup_host (self->plan, ikou_host_get_id (host)) == host);

  set_property_recorded (self, CMD_HOST_PROPERTY, G_OBJECT (host),
                         ikou_host_get_id (host), property, value,
                         host_property_label (property));
}

void
ikou_history_set_plan_property (IkouHistory  *self,
                                const char   *property,
                                const GValue *value)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (property != NULL);

  set_property_recorded (self, CMD_PLAN_PROPERTY, G_OBJECT (self->plan), 0,
                         property, value, plan_property_label (property));
}

/* Systems and hosts */

void
ikou_history_add_system (IkouHistory *self,
                         guint        position,
                         IkouSystem  *system)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (ikou_system_get_id (system) == 0 ||
                    ikou_plan_lookup_system (self->plan, ikou_system_get_id (system)) == NULL);

  ikou_plan_insert_system (self->plan, position, system);

  cmd = command_new (CMD_ADD_SYSTEM, _("Add system"));
  cmd->object = g_object_ref (G_OBJECT (system));
  cmd->id = ikou_system_get_id (system);    /* assigned by the plan if it was 0 */
  if (!ikou_plan_find_system (self->plan, system, &cmd->index))
    g_assert_not_reached ();
  _ikou_history_record (self, cmd);
}

void
ikou_history_remove_system (IkouHistory *self,
                            IkouSystem  *system)
{
  Command *cmd;
  guint position;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (ikou_plan_find_system (self->plan, system, &position));

  cmd = command_new (CMD_REMOVE_SYSTEM, _("Remove system"));
  cmd->object = g_object_ref (G_OBJECT (system));
  cmd->id = ikou_system_get_id (system);
  cmd->index = position;
  ikou_plan_remove_system (self->plan, system);
  _ikou_history_record (self, cmd);
}

void
ikou_history_add_host (IkouHistory *self,
                       IkouHost    *host)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_HOST (host));
  g_return_if_fail (ikou_host_get_id (host) == 0 ||
                    ikou_plan_lookup_host (self->plan, ikou_host_get_id (host)) == NULL);

  ikou_plan_add_host (self->plan, host);

  cmd = command_new (CMD_ADD_HOST, _("Add host"));
  cmd->object = g_object_ref (G_OBJECT (host));
  cmd->id = ikou_host_get_id (host);
  cmd->index = host_position (self, host);
  _ikou_history_record (self, cmd);
}

void
ikou_history_remove_host (IkouHistory *self,
                          IkouHost    *host)
{
  Command *cmd;
  guint position;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_HOST (host));

  position = host_position (self, host);
  g_return_if_fail (position != G_MAXUINT);

  cmd = command_new (CMD_REMOVE_HOST, _("Remove host"));
  cmd->object = g_object_ref (G_OBJECT (host));
  cmd->id = ikou_host_get_id (host);
  cmd->index = position;
  ikou_plan_remove_host (self->plan, host);
  _ikou_history_record (self, cmd);
}

/* Scenarios */

void
ikou_history_record_scenario_edits (IkouHistory             *self,
                                    IkouScenario            *scenario,
                                    guint                    system_id,
                                    const IkouScenarioEdits *before,
                                    const char              *label)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  ikou_history_take_scenario_edits (self, scenario, system_id,
                                    before != NULL ? ikou_scenario_edits_copy (before) : NULL,
                                    label);
}

void
ikou_history_take_scenario_edits (IkouHistory       *self,
                                  IkouScenario      *scenario,
                                  guint              system_id,
                                  IkouScenarioEdits *before,
                                  const char        *label)
{
  EditsChange *change;
  Command *cmd, *last;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  if (ikou_scenario_edits_equal (before, ikou_scenario_peek_edits (scenario, system_id)))
    {
      ikou_scenario_edits_free (before);
      return;
    }
  change = g_new0 (EditsChange, 1);
  change->scenario = g_object_ref (scenario);
  change->system_id = system_id;
  change->before = before;
  /* The edits after are what the scenario holds when this is undone. */

  /* In a transaction, the edits of many systems in one scenario are one
   * command: a bulk edit records one, not one per system. */
  last = self->open != NULL && self->open->commands->len > 0
         ? g_ptr_array_index (self->open->commands, self->open->commands->len - 1) : NULL;
  if (last != NULL && last->kind == CMD_SCENARIO_EDITS && last->object == G_OBJECT (scenario))
    {
      g_ptr_array_add (last->edits, change);
      return;
    }

  cmd = command_new (CMD_SCENARIO_EDITS, label != NULL ? label : _("Edit scenario"));
  cmd->object = g_object_ref (G_OBJECT (scenario));
  cmd->id = system_id;
  cmd->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edits_change_free);
  g_ptr_array_add (cmd->edits, change);
  _ikou_history_record (self, cmd);
}

void
ikou_history_add_scenario (IkouHistory  *self,
                           guint         position,
                           IkouScenario *scenario)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  position = MIN (position, ikou_plan_get_n_scenarios (self->plan));
  ikou_plan_insert_scenario (self->plan, position, scenario);

  cmd = command_new (CMD_ADD_SCENARIO, _("Add scenario"));
  cmd->object = g_object_ref (G_OBJECT (scenario));
  cmd->index = position;
  _ikou_history_record (self, cmd);
}

void
ikou_history_remove_scenario (IkouHistory  *self,
                              IkouScenario *scenario)
{
  Command *cmd;
  guint position = G_MAXUINT;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  for (guint i = 0; i < ikou_plan_get_n_scenarios (self->plan); i++)
    if (ikou_plan_get_scenario (self->plan, i) == scenario)
      position = i;
  g_return_if_fail (position != G_MAXUINT);

  cmd = command_new (CMD_REMOVE_SCENARIO, _("Delete scenario"));
  cmd->object = g_object_ref (G_OBJECT (scenario));
  cmd->index = position;
  ikou_plan_remove_scenario (self->plan, scenario);
  _ikou_history_record (self, cmd);
}

void
ikou_history_set_scenario_property (IkouHistory  *self,
                                    IkouScenario *scenario,
                                    const char   *property,
                                    const GValue *value)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  set_property_recorded (self, CMD_SCENARIO_PROPERTY, G_OBJECT (scenario), 0, property, value,
                         g_str_equal (property, "name") ? _("Rename scenario")
                                                        : _("Describe scenario"));
}

static GPtrArray *
copy_steps (IkouSystem *system)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_step_free);

  for (guint i = 0; i < ikou_system_get_n_steps (system); i++)
    g_ptr_array_add (steps, ikou_step_copy (ikou_system_get_step (system, i)));
  return steps;
}

void
ikou_history_set_steps (IkouHistory *self,
                        IkouSystem  *system,
                        GPtrArray   *steps)
{
  Command *cmd;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (system_in_plan (self, system));
  g_return_if_fail (steps != NULL);

  cmd = command_new (CMD_SET_STEPS, _("Edit steps"));
  cmd->id = ikou_system_get_id (system);
  cmd->old_steps = copy_steps (system);
  _ikou_history_replace_steps (system, steps);
  cmd->new_steps = copy_steps (system);
  _ikou_history_record (self, cmd);
}

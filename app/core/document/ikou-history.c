/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-history-private.h"
#include "ikou-object-fields.h"

/* The undo stack is an array of groups (one undo step each); a group is
 * one command, or every command of a transaction.  groups[0 .. current)
 * are applied, groups[current ..] can be redone.  A command names what
 * it changes by id (system id, host id, step index, property name) and
 * keeps copies of the values before and after; only a removed (or added)
 * system or host is kept as an object, referenced, so that it comes back
 * with its id, steps and everything else.  The saved point is a stack
 * index; it is lost (-1) when a new command discards the redo steps it
 * was in. */

G_DEFINE_FINAL_TYPE (IkouHistory, ikou_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Commands */

static void
command_free (Command *cmd)
{
  g_free (cmd->label);
  g_clear_pointer (&cmd->old_step, ikou_step_free);
  g_clear_pointer (&cmd->new_step, ikou_step_free);
  g_clear_object (&cmd->object);
  g_clear_pointer (&cmd->edits, g_ptr_array_unref);
  g_clear_pointer (&cmd->old_steps, g_ptr_array_unref);
  g_clear_pointer (&cmd->new_steps, g_ptr_array_unref);
  if (G_IS_VALUE (&cmd->old_value))
    g_value_unset (&cmd->old_value);
  if (G_IS_VALUE (&cmd->new_value))
    g_value_unset (&cmd->new_value);
  g_free (cmd);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  return group;
}

static void
group_free (Group *group)
{
  g_free (group->label);
  g_ptr_array_unref (group->commands);
  g_free (group);
}

static const char *
group_label (Group *group)
{
  if (group->label != NULL)
    return group->label;
  if (group->commands->len > 0)
    return ((Command *) g_ptr_array_index (group->commands, 0))->label;
  return NULL;
}

static IkouSystem *
lookup_system (IkouHistory *self,
               guint        id)
{
  IkouSystem *system = ikou_plan_lookup_system (self->plan, id);

  /* Only reachable if the plan was edited behind the history's back. */
  if (system == NULL)
    g_warning ("History: system %u is not in the plan", id);
  return system;
}

static IkouHost *
lookup_host (IkouHistory *self,
             guint        id)
{
  IkouHost *host = ikou_plan_lookup_host (self->plan, id);

  if (host == NULL)
    g_warning ("History: host %u is not in the plan", id);
  return host;
}

static void
apply_edits (Command  *cmd,
             gboolean  forward)
{
  if (cmd->edits == NULL)
    return;
  /* Backwards when undoing: a command can hold one system twice. */
  for (guint k = 0; k < cmd->edits->len; k++)
    {
      EditsChange *change = g_ptr_array_index (cmd->edits, forward ? k : cmd->edits->len - 1 - k);

      if (!forward && !change->has_after)
        {
          change->after = ikou_scenario_save_edits (change->scenario, change->system_id);
          change->has_after = TRUE;
        }
      ikou_scenario_restore_edits (change->scenario, change->system_id,
                                   forward ? change->after : change->before);
    }
}

void
_ikou_history_replace_steps (IkouSystem *system,
                             GPtrArray  *steps)
{
  while (ikou_system_get_n_steps (system) > steps->len)
    ikou_system_remove_step (system, ikou_system_get_n_steps (system) - 1);
  for (guint i = 0; i < steps->len; i++)
    {
      if (i < ikou_system_get_n_steps (system))
        ikou_system_set_step (system, i, g_ptr_array_index (steps, i));
      else
        ikou_system_insert_step (system, i, g_ptr_array_index (steps, i));
    }
}

/* Applies @cmd forward (do/redo) or backward (undo). */
static void
command_apply (IkouHistory *self,
               Command     *cmd,
               gboolean     forward)
{
  IkouSystem *system;
  IkouHost *host;

  switch (cmd->kind)
    {
    case CMD_SCENARIO_EDITS:
      apply_edits (cmd, forward);
      break;

    case CMD_ADD_SCENARIO:
    case CMD_REMOVE_SCENARIO:
      if (forward == (cmd->kind == CMD_ADD_SCENARIO))
        ikou_plan_insert_scenario (self->plan, cmd->index, IKOU_SCENARIO (cmd->object));
      else
        ikou_plan_remove_scenario (self->plan, IKOU_SCENARIO (cmd->object));
      break;

    case CMD_SCENARIO_PROPERTY:
      g_object_set_property (cmd->object, cmd->property,
                             forward ? &cmd->new_value : &cmd->old_value);
      break;

    case CMD_SET_STEPS:
      if ((system = lookup_system (self, cmd->id)) != NULL)
        _ikou_history_replace_steps (system, forward ? cmd->new_steps : cmd->old_steps);
      break;

    case CMD_SET_STEP:
      if ((system = lookup_system (self, cmd->id)) != NULL &&
          cmd->index < ikou_system_get_n_steps (system))
        ikou_system_set_step (system, cmd->index, forward ? cmd->new_step : cmd->old_step);
      break;

    case CMD_INSERT_STEP:
    case CMD_REMOVE_STEP:
      if ((system = lookup_system (self, cmd->id)) == NULL)
        break;
      if (forward == (cmd->kind == CMD_INSERT_STEP))
        ikou_system_insert_step (system, cmd->index,
                                 cmd->kind == CMD_INSERT_STEP ? cmd->new_step : cmd->old_step);
      else if (cmd->index < ikou_system_get_n_steps (system))
        ikou_system_remove_step (system, cmd->index);
      apply_edits (cmd, forward);
      break;

    case CMD_SYSTEM_PROPERTY:
      if ((system = lookup_system (self, cmd->id)) != NULL)
        g_object_set_property (G_OBJECT (system), cmd->property,
                               forward ? &cmd->new_value : &cmd->old_value);
      break;

    case CMD_ADD_SYSTEM:
    case CMD_REMOVE_SYSTEM:
      if (forward == (cmd->kind == CMD_ADD_SYSTEM))
        {
          if (ikou_plan_lookup_system (self->plan, cmd->id) == NULL)
            ikou_plan_insert_system (self->plan, cmd->index, IKOU_SYSTEM (cmd->object));
          else
            g_warning ("History: system %u is already in the plan", cmd->id);
        }
      else if ((system = lookup_system (self, cmd->id)) != NULL)
        ikou_plan_remove_system (self->plan, system);
      break;

    case CMD_ADD_HOST:
    case CMD_REMOVE_HOST:
      if (forward == (cmd->kind == CMD_ADD_HOST))
        {
          if (ikou_plan_lookup_host (self->plan, cmd->id) == NULL)
            ikou_plan_insert_host (self->plan, cmd->index, IKOU_HOST (cmd->object));
          else
            g_warning ("History: host %u is already in the plan", cmd->id);
        }
      else if ((host = lookup_host (self, cmd->id)) != NULL)
        ikou_plan_remove_host (self->plan, host);
      break;

    case CMD_HOST_PROPERTY:
      if ((host = lookup_host (self, cmd->id)) != NULL)
        g_object_set_property (G_OBJECT (host), cmd->property,
                               forward ? &cmd->new_value : &cmd->old_value);
      break;

    case CMD_PLAN_PROPERTY:
      g_object_set_property (G_OBJECT (self->plan), cmd->property,
                             forward ? &cmd->new_value : &cmd->old_value);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
group_apply (IkouHistory *self,
             Group       *group,
             gboolean     forward)
{
  guint n = group->commands->len;

  for (guint i = 0; i < n; i++)
    command_apply (self, g_ptr_array_index (group->commands, forward ? i : n - 1 - i), forward);
}

/* State and notification */

static void
update_state (IkouHistory *self)
{
  Group *undo = self->current > 0 ? g_ptr_array_index (self->groups, self->current - 1) : NULL;
  Group *redo = self->current < self->groups->len ?
                g_ptr_array_index (self->groups, self->current) : NULL;
  GObject *object = G_OBJECT (self);
  gboolean dirty;

  dirty = self->clean != (gint64) self->current ||
          (self->open != NULL && self->open->commands->len > 0);

  g_object_freeze_notify (object);
  ikou_object_set_int (object, &self->can_undo, ikou_history_can_undo (self),
                       properties[PROP_CAN_UNDO]);
  ikou_object_set_int (object, &self->can_redo, ikou_history_can_redo (self),
                       properties[PROP_CAN_REDO]);
  ikou_object_set_str (object, &self->undo_label, undo != NULL ? group_label (undo) : NULL,
                       properties[PROP_UNDO_LABEL]);
  ikou_object_set_str (object, &self->redo_label, redo != NULL ? group_label (redo) : NULL,
                       properties[PROP_REDO_LABEL]);
  ikou_object_set_int (object, &self->dirty, dirty, properties[PROP_DIRTY]);
  g_object_thaw_notify (object);
}

/* Drops the steps that could be redone: a new command was made. */
static void
truncate_redo (IkouHistory *self)
{
  if (self->current >= self->groups->len)
    return;
  if (self->clean > (gint64) self->current)
    self->clean = -1;
  g_ptr_array_remove_range (self->groups, self->current, self->groups->len - self->current);
}

/* Takes @cmd, already applied to the model. */
void
_ikou_history_record (IkouHistory *self,
                      Command     *cmd)
{
  truncate_redo (self);

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->commands, cmd);
    }
  else
    {
      Group *group = group_new (NULL);

      g_ptr_array_add (group->commands, cmd);
      g_ptr_array_add (self->groups, group);
      self->current = self->groups->len;
    }

  /* Inside a transaction only its first command can change the state
   * (dirty, the redo steps dropped): a bulk edit records thousands. */
  if (self->open == NULL || self->open->commands->len == 1)
    update_state (self);
}

/* GObject */

static void
ikou_history_dispose (GObject *object)
{
  IkouHistory *self = IKOU_HISTORY (object);

  if (self->open != NULL)
    ikou_plan_thaw_changes (self->plan);
  g_clear_pointer (&self->open, group_free);
  if (self->groups != NULL)
    g_ptr_array_set_size (self->groups, 0);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ikou_history_parent_class)->dispose (object);
}

static void
ikou_history_finalize (GObject *object)
{
  IkouHistory *self = IKOU_HISTORY (object);

  g_ptr_array_unref (self->groups);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (ikou_history_parent_class)->finalize (object);
}

static void
ikou_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IkouHistory *self = IKOU_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ikou_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ikou_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, ikou_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, ikou_history_get_redo_label (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, ikou_history_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_history_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IkouHistory *self = IKOU_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_history_class_init (IkouHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ikou_history_dispose;
  object_class->finalize = ikou_history_finalize;
  object_class->get_property = ikou_history_get_property;
  object_class->set_property = ikou_history_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IKOU_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ikou_history_init (IkouHistory *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->clean = 0;
}

IkouHistory *
ikou_history_new (IkouPlan *plan)
{
  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  return g_object_new (IKOU_TYPE_HISTORY, "plan", plan, NULL);
}

IkouPlan *
ikou_history_get_plan (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), NULL);
  return self->plan;
}

gboolean
ikou_history_can_undo (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);
  return self->depth == 0 && self->current > 0;
}

gboolean
ikou_history_can_redo (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);
  return self->depth == 0 && self->current < self->groups->len;
}

const char *
ikou_history_get_undo_label (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), NULL);

  if (self->current == 0)
    return NULL;
  return group_label (g_ptr_array_index (self->groups, self->current - 1));
}

const char *
ikou_history_get_redo_label (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), NULL);

  if (self->current >= self->groups->len)
    return NULL;
  return group_label (g_ptr_array_index (self->groups, self->current));
}

gboolean
ikou_history_undo (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->current == 0)
    return FALSE;

  self->current--;
  ikou_plan_freeze_changes (self->plan);
  group_apply (self, g_ptr_array_index (self->groups, self->current), FALSE);
  update_state (self);
  ikou_plan_thaw_changes (self->plan);
  return TRUE;
}

gboolean
ikou_history_redo (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->current >= self->groups->len)
    return FALSE;

  ikou_plan_freeze_changes (self->plan);
  group_apply (self, g_ptr_array_index (self->groups, self->current), TRUE);
  self->current++;
  update_state (self);
  ikou_plan_thaw_changes (self->plan);
  return TRUE;
}

void
ikou_history_clear (IkouHistory *self)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  /* The model does not change: it stays saved or unsaved. */
  self->clean = self->clean == (gint64) self->current ? 0 : -1;
  g_ptr_array_set_size (self->groups, 0);
  self->current = 0;
  update_state (self);
}

void
ikou_history_set_clean (IkouHistory *self)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));

  self->clean = self->current;
  update_state (self);
}

gboolean
ikou_history_get_dirty (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);

  return self->clean != (gint64) self->current ||
         (self->open != NULL && self->open->commands->len > 0);
}

/* Transactions */

void
ikou_history_begin (IkouHistory *self,
                    const char  *label)
{
  g_return_if_fail (IKOU_IS_HISTORY (self));

  if (self->depth++ == 0)
    {
      g_assert (self->open == NULL);
      self->open = group_new (label);
      /* The plan tells of the transaction's changes once, at its end. */
      ikou_plan_freeze_changes (self->plan);
    }
  update_state (self);
}

void
ikou_history_end (IkouHistory *self)
{
  Group *group;

  g_return_if_fail (IKOU_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  group = g_steal_pointer (&self->open);
  if (group->commands->len == 0)
    {
      group_free (group);
    }
  else
    {
      /* The redo steps were dropped when the first command came in. */
      g_assert (self->current == self->groups->len);
      g_ptr_array_add (self->groups, group);
      self->current = self->groups->len;
    }
  update_state (self);
  /* After the state: what listens to the plan sees the undo step. */
  ikou_plan_thaw_changes (self->plan);
}

gboolean
ikou_history_in_transaction (IkouHistory *self)
{
  g_return_val_if_fail (IKOU_IS_HISTORY (self), FALSE);
  return self->depth > 0;
}

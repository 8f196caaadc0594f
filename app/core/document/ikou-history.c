/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-history.h"

/* The undo stack is an array of groups (one undo step each); a group is
 * one command, or every command of a transaction.  groups[0 .. current)
 * are applied, groups[current ..] can be redone.  A command names what
 * it changes by id (system id, host id, step index, property name) and
 * keeps copies of the values before and after; only a removed (or added)
 * system or host is kept as an object, referenced, so that it comes back
 * with its id, steps and everything else.  The saved point is a stack
 * index; it is lost (-1) when a new command discards the redo steps it
 * was in. */

typedef enum
{
  CMD_SET_STEP,
  CMD_INSERT_STEP,
  CMD_REMOVE_STEP,
  CMD_SYSTEM_PROPERTY,
  CMD_ADD_SYSTEM,
  CMD_REMOVE_SYSTEM,
  CMD_ADD_HOST,
  CMD_REMOVE_HOST,
  CMD_HOST_PROPERTY,
  CMD_PLAN_PROPERTY,
  CMD_SCENARIO_EDITS,
  CMD_ADD_SCENARIO,
  CMD_REMOVE_SCENARIO,
  CMD_SCENARIO_PROPERTY,
  CMD_SET_STEPS,
} CommandKind;

/* A scenario's edits of one system before and after a command.  NULL
 * is no edits, except that an after not known yet (has_after FALSE) is
 * saved when the command is first undone: what the scenario holds then. */
typedef struct
{
  IkouScenario      *scenario;
  guint              system_id;
  IkouScenarioEdits *before;
  IkouScenarioEdits *after;
  gboolean           has_after;
} EditsChange;

static void
edits_change_free (EditsChange *change)
{
  g_object_unref (change->scenario);
  ikou_scenario_edits_free (change->before);
  ikou_scenario_edits_free (change->after);
  g_free (change);
}

typedef struct
{
  CommandKind  kind;
  char        *label;      /* translated */
  guint        id;         /* system or host id */
  guint        index;      /* step index, or system/host position */
  IkouStep    *old_step;   /* SET_STEP, REMOVE_STEP */
  IkouStep    *new_step;   /* SET_STEP, INSERT_STEP */
  GObject     *object;     /* ADD/REMOVE_SYSTEM, ADD/REMOVE_HOST (a reference) */
  const char  *property;   /* interned */
  GValue       old_value;
  GValue       new_value;
  GPtrArray   *edits;      /* EditsChange: SCENARIO_EDITS, and the scenarios
                            * a baseline INSERT/REMOVE_STEP re-indexed */
  GPtrArray   *old_steps;  /* SET_STEPS: IkouStep */
  GPtrArray   *new_steps;
} Command;

typedef struct
{
  char      *label;        /* NULL: the first command's */
  GPtrArray *commands;     /* Command */
} Group;

struct _IkouHistory
{
  GObject    parent_instance;

  IkouPlan  *plan;
  GPtrArray *groups;       /* Group */
  guint      current;
  gint64     clean;        /* stack index of the saved state, -1 if lost */

  guint      depth;        /* open begin()s */
  Group     *open;         /* the transaction being recorded */

  /* Last notified state. */
  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   dirty;
  char      *undo_label;
  char      *redo_label;
};

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

static guint
host_position (IkouHistory *self,
               IkouHost    *host)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (ikou_plan_get_hosts (self->plan)), host, &position);
  return position;
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

static void
replace_steps (IkouSystem *system,
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
        replace_steps (system, forward ? cmd->new_steps : cmd->old_steps);
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
update_label (IkouHistory  *self,
              char        **field,
              const char   *value,
              int           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_bool (IkouHistory *self,
             gboolean    *field,
             gboolean     value,
             int          prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_state (IkouHistory *self)
{
  Group *undo = self->current > 0 ? g_ptr_array_index (self->groups, self->current - 1) : NULL;
  Group *redo = self->current < self->groups->len ?
                g_ptr_array_index (self->groups, self->current) : NULL;
  gboolean dirty;

  dirty = self->clean != (gint64) self->current ||
          (self->open != NULL && self->open->commands->len > 0);

  g_object_freeze_notify (G_OBJECT (self));
  update_bool (self, &self->can_undo, ikou_history_can_undo (self), PROP_CAN_UNDO);
  update_bool (self, &self->can_redo, ikou_history_can_redo (self), PROP_CAN_REDO);
  update_label (self, &self->undo_label, undo != NULL ? group_label (undo) : NULL, PROP_UNDO_LABEL);
  update_label (self, &self->redo_label, redo != NULL ? group_label (redo) : NULL, PROP_REDO_LABEL);
  update_bool (self, &self->dirty, dirty, PROP_DIRTY);
  g_object_thaw_notify (G_OBJECT (self));
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
static void
record (IkouHistory *self,
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  record (self, cmd);
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
  replace_steps (system, steps);
  cmd->new_steps = copy_steps (system);
  record (self, cmd);
}

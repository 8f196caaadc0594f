/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-held-changes.h"
#include "ikou-plan.h"
#include "ikou-scenario.h"
#include "ikou-system.h"

/* What a scenario holds for one system.  Small (a few overrides per
 * step), so the arrays are scanned. */
struct _IkouScenarioEdits
{
  GArray *overrides; /* IkouOverride, any order */
  GArray *added;     /* IkouStep (owns the notes) */
  GArray *orphans;   /* IkouOverride */
};

struct _IkouScenario
{
  GObject     parent_instance;
  char       *name;
  char       *description;
  GHashTable *systems;  /* system id → IkouScenarioEdits; resolve is O(1) for untouched systems */
  GArray     *flat;     /* sorted copy of every override, built on demand; NULL after a change */
  guint       n_overrides;

  IkouHeldChanges held;     /* system ids (GUINT_TO_POINTER) */
};

G_DEFINE_FINAL_TYPE (IkouScenario, ikou_scenario, G_TYPE_OBJECT)

enum {
  CHANGED,
  SYSTEM_CHANGED,
  SYSTEMS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_step (gpointer data)
{
  IkouStep *step = data;

  g_clear_pointer (&step->note, g_free);
}

static IkouScenarioEdits *
edits_new (void)
{
  IkouScenarioEdits *edits = g_new0 (IkouScenarioEdits, 1);

  edits->overrides = g_array_new (FALSE, FALSE, sizeof (IkouOverride));
  edits->added = g_array_new (FALSE, TRUE, sizeof (IkouStep));
  g_array_set_clear_func (edits->added, clear_step);
  edits->orphans = g_array_new (FALSE, FALSE, sizeof (IkouOverride));
  return edits;
}

void
ikou_scenario_edits_free (IkouScenarioEdits *edits)
{
  if (edits == NULL)
    return;
  g_array_unref (edits->overrides);
  g_array_unref (edits->added);
  g_array_unref (edits->orphans);
  g_free (edits);
}

IkouScenarioEdits *
ikou_scenario_edits_copy (const IkouScenarioEdits *edits)
{
  IkouScenarioEdits *copy = edits_new ();

  g_array_append_vals (copy->overrides, edits->overrides->data, edits->overrides->len);
  g_array_append_vals (copy->orphans, edits->orphans->data, edits->orphans->len);
  for (guint i = 0; i < edits->added->len; i++)
    {
      IkouStep step = { 0 };

      ikou_step_assign (&step, &g_array_index (edits->added, IkouStep, i));
      g_array_append_val (copy->added, step);
    }
  return copy;
}

static gboolean
edits_empty (const IkouScenarioEdits *edits)
{
  return edits->overrides->len == 0 && edits->added->len == 0 && edits->orphans->len == 0;
}

static int
compare_overrides (gconstpointer a,
                   gconstpointer b)
{
  const IkouOverride *oa = a, *ob = b;

  if (oa->system_id != ob->system_id)
    return oa->system_id < ob->system_id ? -1 : 1;
  if (oa->step != ob->step)
    return oa->step < ob->step ? -1 : 1;
  return (int) oa->field - (int) ob->field;
}

static gboolean
override_arrays_equal (GArray *a,
                       GArray *b)
{
  g_autoptr(GArray) sa = NULL;
  g_autoptr(GArray) sb = NULL;

  if (a->len != b->len)
    return FALSE;
  sa = g_array_copy (a);
  sb = g_array_copy (b);
  g_array_sort (sa, compare_overrides);
  g_array_sort (sb, compare_overrides);
  for (guint i = 0; i < sa->len; i++)
    {
      const IkouOverride *oa = &g_array_index (sa, IkouOverride, i);
      const IkouOverride *ob = &g_array_index (sb, IkouOverride, i);

      if (compare_overrides (oa, ob) != 0 || oa->value != ob->value)
        return FALSE;
    }
  return TRUE;
}

gboolean
ikou_scenario_edits_equal (const IkouScenarioEdits *a,
                           const IkouScenarioEdits *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || edits_empty (a)) && (b == NULL || edits_empty (b));
  if (!override_arrays_equal (a->overrides, b->overrides) ||
      !override_arrays_equal (a->orphans, b->orphans) ||
      a->added->len != b->added->len)
    return FALSE;
  for (guint i = 0; i < a->added->len; i++)
    if (!ikou_step_equal (&g_array_index (a->added, IkouStep, i),
                          &g_array_index (b->added, IkouStep, i)))
      return FALSE;
  return TRUE;
}

static void
ikou_scenario_finalize (GObject *object)
{
  IkouScenario *self = IKOU_SCENARIO (object);

  g_free (self->name);
  g_free (self->description);
  g_hash_table_unref (self->systems);
  g_clear_pointer (&self->flat, g_array_unref);
  ikou_held_changes_clear (&self->held);

  G_OBJECT_CLASS (ikou_scenario_parent_class)->finalize (object);
}

static void
ikou_scenario_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IkouScenario *self = IKOU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_scenario_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IkouScenario *self = IKOU_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ikou_scenario_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ikou_scenario_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_scenario_class_init (IkouScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ikou_scenario_finalize;
  object_class->get_property = ikou_scenario_get_property;
  object_class->set_property = ikou_scenario_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::system-changed: the id of a system whose edits changed, before
   * ::changed; ::systems-changed: the ids (a GArray of guint). */
  ikou_held_changes_add_signals (G_TYPE_FROM_CLASS (klass), G_TYPE_UINT, G_TYPE_ARRAY,
                                 &signals[CHANGED], &signals[SYSTEM_CHANGED],
                                 &signals[SYSTEMS_CHANGED]);
}

static void
ikou_scenario_init (IkouScenario *self)
{
  self->systems = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) ikou_scenario_edits_free);
  ikou_held_changes_init (&self->held, NULL, NULL);
}

IkouScenario *
ikou_scenario_new (const char *name)
{
  IkouScenario *self = g_object_new (IKOU_TYPE_SCENARIO, NULL);

  self->name = g_strdup (name);
  return self;
}

IkouScenario *
ikou_scenario_copy (IkouScenario *self,
                    const char   *name)
{
  IkouScenario *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);

  copy = ikou_scenario_new (name);
  copy->description = g_strdup (self->description);
  g_hash_table_iter_init (&iter, self->systems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->systems, key, ikou_scenario_edits_copy (value));
  copy->n_overrides = self->n_overrides;
  return copy;
}

static void
emit_changed (IkouScenario *self)
{
  if (!ikou_held_changes_hold_changed (&self->held))
    g_signal_emit (self, signals[CHANGED], 0);
}

const char *
ikou_scenario_get_name (IkouScenario *self)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  return self->name;
}

void
ikou_scenario_set_name (IkouScenario *self,
                        const char   *name)
{
  g_return_if_fail (IKOU_IS_SCENARIO (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

const char *
ikou_scenario_get_description (IkouScenario *self)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  return self->description;
}

void
ikou_scenario_set_description (IkouScenario *self,
                               const char   *description)
{
  g_return_if_fail (IKOU_IS_SCENARIO (self));
  if (description != NULL && *description == '\0')
    description = NULL;
  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  emit_changed (self);
}

static void
changed (IkouScenario *self,
         guint         system_id)
{
  g_autoptr(GArray) one = NULL;

  g_clear_pointer (&self->flat, g_array_unref);
  if (ikou_held_changes_hold (&self->held, GUINT_TO_POINTER (system_id)))
    return;
  one = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1);
  g_array_append_val (one, system_id);
  g_signal_emit (self, signals[SYSTEMS_CHANGED], 0, one);
  g_signal_emit (self, signals[SYSTEM_CHANGED], 0, system_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ikou_scenario_freeze_changes (IkouScenario *self)
{
  g_return_if_fail (IKOU_IS_SCENARIO (self));
  self->held.depth++;
}

void
ikou_scenario_thaw_changes (IkouScenario *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) held = NULL;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail (self->held.depth > 0);

  if (--self->held.depth > 0)
    return;

  /* Listeners have always had the ids as a GArray of guint. */
  keys = ikou_held_changes_take (&self->held);
  held = g_array_sized_new (FALSE, FALSE, sizeof (guint), keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      guint system_id = GPOINTER_TO_UINT (g_ptr_array_index (keys, i));

      g_array_append_val (held, system_id);
    }
  if (held->len > 0)
    {
      g_signal_emit (self, signals[SYSTEMS_CHANGED], 0, held);
      /* Listeners of one system at a time hear of each once. */
      if (g_signal_has_handler_pending (self, signals[SYSTEM_CHANGED], 0, FALSE))
        for (guint i = 0; i < held->len; i++)
          g_signal_emit (self, signals[SYSTEM_CHANGED], 0, g_array_index (held, guint, i));
    }
  if (ikou_held_changes_take_changed (&self->held))
    g_signal_emit (self, signals[CHANGED], 0);
}

static IkouScenarioEdits *
lookup_edits (IkouScenario *self,
              guint         system_id)
{
  return g_hash_table_lookup (self->systems, GUINT_TO_POINTER (system_id));
}

static IkouScenarioEdits *
ensure_edits (IkouScenario *self,
              guint         system_id)
{
  IkouScenarioEdits *edits = lookup_edits (self, system_id);

  if (edits == NULL)
    {
      edits = edits_new ();
      g_hash_table_insert (self->systems, GUINT_TO_POINTER (system_id), edits);
    }
  return edits;
}

static void
drop_if_empty (IkouScenario *self,
               guint         system_id)
{
  IkouScenarioEdits *edits = lookup_edits (self, system_id);

  if (edits != NULL && edits_empty (edits))
    g_hash_table_remove (self->systems, GUINT_TO_POINTER (system_id));
}

static IkouOverride *
find_override (IkouScenarioEdits *edits,
               guint              step,
               IkouOverrideField  field)
{
  if (edits == NULL)
    return NULL;
  for (guint i = 0; i < edits->overrides->len; i++)
    {
      IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i);

      if (o->step == step && o->field == field)
        return o;
    }
  return NULL;
}

void
ikou_scenario_set_override (IkouScenario      *self,
                            guint              system_id,
                            guint              step,
                            IkouOverrideField  field,
                            gint64             value)
{
  IkouScenarioEdits *edits;
  IkouOverride *o;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail ((guint) field < IKOU_N_OVERRIDE_FIELDS);

  edits = ensure_edits (self, system_id);
  o = find_override (edits, step, field);
  if (o != NULL)
    {
      if (o->value == value)
        return;
      o->value = value;
    }
  else
    {
      IkouOverride new_override = { system_id, step, field, value };

      g_array_append_val (edits->overrides, new_override);
      self->n_overrides++;
    }
  changed (self, system_id);
}

gboolean
ikou_scenario_remove_override (IkouScenario      *self,
                               guint              system_id,
                               guint              step,
                               IkouOverrideField  field)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);

  edits = lookup_edits (self, system_id);
  if (edits == NULL)
    return FALSE;
  for (guint i = 0; i < edits->overrides->len; i++)
    {
      IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i);

      if (o->step == step && o->field == field)
        {
          g_array_remove_index (edits->overrides, i);
          self->n_overrides--;
          drop_if_empty (self, system_id);
          changed (self, system_id);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ikou_scenario_lookup_override (IkouScenario      *self,
                               guint              system_id,
                               guint              step,
                               IkouOverrideField  field,
                               gint64            *value)
{
  IkouOverride *o;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);

  o = find_override (lookup_edits (self, system_id), step, field);
  if (o != NULL && value != NULL)
    *value = o->value;
  return o != NULL;
}

static GArray *
ensure_flat (IkouScenario *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->flat != NULL)
    return self->flat;

  self->flat = g_array_sized_new (FALSE, FALSE, sizeof (IkouOverride), self->n_overrides);
  g_hash_table_iter_init (&iter, self->systems);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IkouScenarioEdits *edits = value;

      g_array_append_vals (self->flat, edits->overrides->data, edits->overrides->len);
    }
  g_array_sort (self->flat, compare_overrides);
  return self->flat;
}

guint
ikou_scenario_get_n_overrides (IkouScenario *self)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), 0);
  return self->n_overrides;
}

const IkouOverride *
ikou_scenario_get_override (IkouScenario *self,
                            guint         index)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->n_overrides, NULL);
  return &g_array_index (ensure_flat (self), IkouOverride, index);
}

gboolean
ikou_scenario_has_system (IkouScenario *self,
                          guint         system_id)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);
  return g_hash_table_contains (self->systems, GUINT_TO_POINTER (system_id));
}

const IkouOverride *
ikou_scenario_get_system_overrides (IkouScenario *self,
                                    guint         system_id,
                                    guint        *n_overrides)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (n_overrides != NULL, NULL);

  edits = lookup_edits (self, system_id);
  *n_overrides = edits != NULL ? edits->overrides->len : 0;
  return edits != NULL && edits->overrides->len > 0
         ? &g_array_index (edits->overrides, IkouOverride, 0) : NULL;
}

gboolean
ikou_scenario_uses_host (IkouScenario *self,
                         guint         host_id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);

  g_hash_table_iter_init (&iter, self->systems);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IkouScenarioEdits *edits = value;

      for (guint i = 0; i < edits->overrides->len; i++)
        {
          const IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i);

          if ((o->field == IKOU_OVERRIDE_TO_HOST || o->field == IKOU_OVERRIDE_FROM_HOST) &&
              o->value == (gint64) host_id)
            return TRUE;
        }
      for (guint i = 0; i < edits->added->len; i++)
        {
          const IkouStep *step = &g_array_index (edits->added, IkouStep, i);

          if (step->to_host == host_id || step->from_host == host_id)
            return TRUE;
        }
    }
  return FALSE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

GArray *
ikou_scenario_get_system_ids (IkouScenario *self)
{
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint), g_hash_table_size (self->systems));
  g_hash_table_iter_init (&iter, self->systems);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint id = GPOINTER_TO_UINT (key);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_uint);
  return ids;
}

/* Added steps */

guint
ikou_scenario_get_n_added_steps (IkouScenario *self,
                                 guint         system_id)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), 0);
  edits = lookup_edits (self, system_id);
  return edits != NULL ? edits->added->len : 0;
}

const IkouStep *
ikou_scenario_get_added_step (IkouScenario *self,
                              guint         system_id,
                              guint         index)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  edits = lookup_edits (self, system_id);
  g_return_val_if_fail (edits != NULL && index < edits->added->len, NULL);
  return &g_array_index (edits->added, IkouStep, index);
}

void
ikou_scenario_insert_added_step (IkouScenario   *self,
                                 guint           system_id,
                                 guint           index,
                                 const IkouStep *step)
{
  IkouScenarioEdits *edits;
  IkouStep copy = { 0 };

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail (step != NULL);

  edits = ensure_edits (self, system_id);
  ikou_step_assign (&copy, step);
  g_array_insert_val (edits->added, MIN (index, edits->added->len), copy);
  changed (self, system_id);
}

void
ikou_scenario_set_added_step (IkouScenario   *self,
                              guint           system_id,
                              guint           index,
                              const IkouStep *step)
{
  IkouScenarioEdits *edits;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  edits = lookup_edits (self, system_id);
  g_return_if_fail (edits != NULL && index < edits->added->len);

  if (ikou_step_equal (&g_array_index (edits->added, IkouStep, index), step))
    return;
  ikou_step_assign (&g_array_index (edits->added, IkouStep, index), step);
  changed (self, system_id);
}

void
ikou_scenario_remove_added_step (IkouScenario *self,
                                 guint         system_id,
                                 guint         index)
{
  IkouScenarioEdits *edits;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  edits = lookup_edits (self, system_id);
  g_return_if_fail (edits != NULL && index < edits->added->len);

  g_array_remove_index (edits->added, index);
  drop_if_empty (self, system_id);
  changed (self, system_id);
}

/* Orphans */

guint
ikou_scenario_get_n_orphans (IkouScenario *self,
                             guint         system_id)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), 0);
  edits = lookup_edits (self, system_id);
  return edits != NULL ? edits->orphans->len : 0;
}

const IkouOverride *
ikou_scenario_get_orphan (IkouScenario *self,
                          guint         system_id,
                          guint         index)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  edits = lookup_edits (self, system_id);
  g_return_val_if_fail (edits != NULL && index < edits->orphans->len, NULL);
  return &g_array_index (edits->orphans, IkouOverride, index);
}

void
ikou_scenario_add_orphan (IkouScenario       *self,
                          const IkouOverride *orphan)
{
  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail (orphan != NULL && (guint) orphan->field < IKOU_N_OVERRIDE_FIELDS);

  g_array_append_val (ensure_edits (self, orphan->system_id)->orphans, *orphan);
  changed (self, orphan->system_id);
}

void
ikou_scenario_reindex_steps (IkouScenario *self,
                             guint         system_id,
                             guint         index,
                             int           delta)
{
  IkouScenarioEdits *edits;
  gboolean any = FALSE;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail (delta == 1 || delta == -1);

  edits = lookup_edits (self, system_id);
  if (edits == NULL)
    return;

  for (guint i = edits->overrides->len; i > 0; i--)
    {
      IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i - 1);

      if (o->step < index)
        continue;
      any = TRUE;
      if (delta < 0 && o->step == index)
        {
          g_array_append_val (edits->orphans, *o);
          g_array_remove_index (edits->overrides, i - 1);
          self->n_overrides--;
        }
      else
        o->step += delta;
    }
  if (any)
    changed (self, system_id);
}

/* Undo */

IkouScenarioEdits *
ikou_scenario_save_edits (IkouScenario *self,
                          guint         system_id)
{
  IkouScenarioEdits *edits;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  edits = lookup_edits (self, system_id);
  return edits != NULL ? ikou_scenario_edits_copy (edits) : NULL;
}

const IkouScenarioEdits *
ikou_scenario_peek_edits (IkouScenario *self,
                          guint         system_id)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  return lookup_edits (self, system_id);
}

void
ikou_scenario_restore_edits (IkouScenario            *self,
                             guint                    system_id,
                             const IkouScenarioEdits *edits)
{
  IkouScenarioEdits *current;

  g_return_if_fail (IKOU_IS_SCENARIO (self));

  current = lookup_edits (self, system_id);
  if (ikou_scenario_edits_equal (current, edits))
    return;
  if (current != NULL)
    {
      self->n_overrides -= current->overrides->len;
      g_hash_table_remove (self->systems, GUINT_TO_POINTER (system_id));
    }
  if (edits != NULL && !edits_empty (edits))
    {
      g_hash_table_insert (self->systems, GUINT_TO_POINTER (system_id), ikou_scenario_edits_copy (edits));
      self->n_overrides += edits->overrides->len;
    }
  changed (self, system_id);
}

void
ikou_scenario_clear_system (IkouScenario *self,
                            guint         system_id)
{
  ikou_scenario_restore_edits (self, system_id, NULL);
}

/* Resolving */

static void
apply_override (IkouStep           *out,
                const IkouOverride *o)
{
  switch (o->field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
      out->budget_date = (IkouDay) o->value;
      break;
    case IKOU_OVERRIDE_CONTRACT_DATE:
      out->contract_date = (IkouDay) o->value;
      break;
    case IKOU_OVERRIDE_CUTOVER_DATE:
      out->cutover_date = (IkouDay) o->value;
      break;
    case IKOU_OVERRIDE_TO_HOST:
      out->to_host = (guint) o->value;
      break;
    case IKOU_OVERRIDE_FROM_HOST:
      out->from_host = (guint) o->value;
      break;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
      out->standard_compliant = o->value != 0;
      break;
    case IKOU_OVERRIDE_SUPPLEMENTARY:
      out->supplementary = o->value != 0;
      break;
    case IKOU_OVERRIDE_AMOUNT:
      out->budget_amount = o->value;
      break;
    case IKOU_OVERRIDE_ANNUAL_COST:
      out->annual_cost = o->value;
      break;
    case IKOU_OVERRIDE_ARRANGEMENT:
      out->arrangement = (IkouArrangement) CLAMP (o->value, 0, IKOU_N_ARRANGEMENTS - 1);
      break;
    case IKOU_OVERRIDE_DROPPED:
      break;
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

void
ikou_scenario_resolve_step (IkouScenario   *self,
                            guint           system_id,
                            guint           index,
                            const IkouStep *step,
                            IkouStep       *out)
{
  IkouScenarioEdits *edits;

  g_return_if_fail (self == NULL || IKOU_IS_SCENARIO (self));
  g_return_if_fail (step != NULL && out != NULL);

  /* The resolved step shares nothing that needs freeing with @step: the
   * note is not copied (the checker does not read it). */
  *out = *step;
  out->note = NULL;

  if (self == NULL || (edits = lookup_edits (self, system_id)) == NULL)
    return;

  for (guint i = 0; i < edits->overrides->len; i++)
    {
      const IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i);

      if (o->step == index)
        apply_override (out, o);
    }
}

static gboolean
is_dropped (IkouScenarioEdits *edits,
            guint              index)
{
  IkouOverride *o = find_override (edits, index, IKOU_OVERRIDE_DROPPED);

  return o != NULL && o->value != 0;
}

guint
ikou_scenario_get_n_steps (IkouScenario *self,
                           IkouSystem   *system)
{
  IkouScenarioEdits *edits;
  guint n_baseline, n;

  g_return_val_if_fail (self == NULL || IKOU_IS_SCENARIO (self), 0);

  n = n_baseline = ikou_system_get_n_steps (system);
  if (self == NULL || (edits = lookup_edits (self, ikou_system_get_id (system))) == NULL)
    return n;

  /* Against the baseline's count: each dropped step once. */
  for (guint i = 0; i < edits->overrides->len; i++)
    {
      const IkouOverride *o = &g_array_index (edits->overrides, IkouOverride, i);

      if (o->field == IKOU_OVERRIDE_DROPPED && o->value != 0 && o->step < n_baseline)
        n--;
    }
  return n + edits->added->len;
}

/* Maps view position @index to where the step comes from. */
static gboolean
locate (IkouScenario      *self,
        IkouSystem        *system,
        guint              index,
        IkouScenarioEdits **out_edits,
        IkouStepOrigin    *origin)
{
  IkouScenarioEdits *edits = NULL;
  guint n = ikou_system_get_n_steps (system);

  if (self != NULL)
    edits = lookup_edits (self, ikou_system_get_id (system));
  *out_edits = edits;
  origin->baseline = -1;
  origin->added = -1;

  if (edits == NULL)
    {
      if (index >= n)
        return FALSE;
      origin->baseline = (int) index;
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (is_dropped (edits, i))
        continue;
      if (index == 0)
        {
          origin->baseline = (int) i;
          return TRUE;
        }
      index--;
    }
  if (index < edits->added->len)
    {
      origin->added = (int) index;
      return TRUE;
    }
  return FALSE;
}

gboolean
ikou_scenario_get_step (IkouScenario   *self,
                        IkouSystem     *system,
                        guint           index,
                        IkouStep       *out,
                        IkouStepOrigin *origin)
{
  IkouScenarioEdits *edits;
  IkouStepOrigin where;

  g_return_val_if_fail (self == NULL || IKOU_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!locate (self, system, index, &edits, &where))
    return FALSE;
  if (origin != NULL)
    *origin = where;

  if (where.added >= 0)
    {
      *out = g_array_index (edits->added, IkouStep, where.added);
      out->note = NULL;
      return TRUE;
    }
  ikou_scenario_resolve_step (self, ikou_system_get_id (system), (guint) where.baseline,
                              ikou_system_get_step (system, (guint) where.baseline), out);
  return TRUE;
}

void
ikou_scenario_edit_step (IkouScenario   *self,
                         IkouSystem     *system,
                         guint           index,
                         const IkouStep *step)
{
  IkouScenarioEdits *edits;
  IkouStepOrigin where;
  const IkouStep *base;
  gboolean any = FALSE;
  guint id;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail (step != NULL);

  if (!locate (self, system, index, &edits, &where))
    g_return_if_reached ();

  id = ikou_system_get_id (system);
  if (where.added >= 0)
    {
      ikou_scenario_set_added_step (self, id, (guint) where.added, step);
      return;
    }

  /* Overrides only where the step differs from the baseline; the
   * baseline's own value removes an override.  Done bits and the note
   * are the baseline's: a scenario plans dates, it does not record work.
   * One notification for the whole step (a shift of 10,000 systems
   * would otherwise notify for every field). */
  base = ikou_system_get_step (system, (guint) where.baseline);
  for (guint f = 0; f < IKOU_N_OVERRIDE_FIELDS; f++)
    {
      gint64 value;
      IkouOverride *o;

      if (f == IKOU_OVERRIDE_DROPPED)
        continue;
      value = ikou_override_field_get (step, f);
      o = find_override (edits, (guint) where.baseline, f);
      if (value == ikou_override_field_get (base, f))
        {
          if (o != NULL)
            {
              g_array_remove_index (edits->overrides, o - &g_array_index (edits->overrides, IkouOverride, 0));
              self->n_overrides--;
              any = TRUE;
            }
        }
      else if (o != NULL)
        {
          if (o->value != value)
            {
              o->value = value;
              any = TRUE;
            }
        }
      else
        {
          IkouOverride new_override = { id, (guint) where.baseline, f, value };

          if (edits == NULL)
            edits = ensure_edits (self, id);
          g_array_append_val (edits->overrides, new_override);
          self->n_overrides++;
          any = TRUE;
        }
    }
  if (any)
    {
      drop_if_empty (self, id);
      changed (self, id);
    }
}

void
ikou_scenario_drop_step (IkouScenario *self,
                         IkouSystem   *system,
                         guint         index)
{
  IkouScenarioEdits *edits;
  IkouStepOrigin where;
  guint id;

  g_return_if_fail (IKOU_IS_SCENARIO (self));

  if (!locate (self, system, index, &edits, &where))
    g_return_if_reached ();

  id = ikou_system_get_id (system);
  if (where.added >= 0)
    ikou_scenario_remove_added_step (self, id, (guint) where.added);
  else
    ikou_scenario_set_override (self, id, (guint) where.baseline, IKOU_OVERRIDE_DROPPED, 1);
}

gboolean
ikou_scenario_equal (IkouScenario *a,
                     IkouScenario *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (IKOU_IS_SCENARIO (a) && IKOU_IS_SCENARIO (b), FALSE);

  if (g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_hash_table_size (a->systems) != g_hash_table_size (b->systems))
    return FALSE;
  g_hash_table_iter_init (&iter, a->systems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!ikou_scenario_edits_equal (value, g_hash_table_lookup (b->systems, key)))
      return FALSE;
  return TRUE;
}

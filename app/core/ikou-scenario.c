/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-scenario.h"

struct _IkouScenario
{
  GObject  parent_instance;
  char    *name;
  char    *description;
  GArray     *overrides; /* IkouOverride, in insertion order (files keep it) */
  GHashTable *index;     /* (system, step, field) key → position in overrides + 1 */
  GHashTable *systems;   /* system id → number of overrides; makes resolve O(1) for untouched systems */
};

G_DEFINE_FINAL_TYPE (IkouScenario, ikou_scenario, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *field_names[IKOU_N_OVERRIDE_FIELDS] = {
  "budget-date", "contract-date", "cutover-date", "to-host",
};

static void
ikou_scenario_finalize (GObject *object)
{
  IkouScenario *self = IKOU_SCENARIO (object);

  g_free (self->name);
  g_free (self->description);
  g_array_unref (self->overrides);
  g_hash_table_unref (self->index);
  g_hash_table_unref (self->systems);

  G_OBJECT_CLASS (ikou_scenario_parent_class)->finalize (object);
}

static void
ikou_scenario_class_init (IkouScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ikou_scenario_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_scenario_init (IkouScenario *self)
{
  self->overrides = g_array_new (FALSE, FALSE, sizeof (IkouOverride));
  self->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->systems = g_hash_table_new (NULL, NULL);
}

IkouScenario *
ikou_scenario_new (const char *name)
{
  IkouScenario *self = g_object_new (IKOU_TYPE_SCENARIO, NULL);

  self->name = g_strdup (name);
  return self;
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
  g_signal_emit (self, signals[CHANGED], 0);
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
  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Keys live in the key itself: system id (32 bits), step (24), field (8). */
static gint64 *
override_key (guint             system_id,
              guint             step,
              IkouOverrideField field)
{
  gint64 *key = g_new (gint64, 1);

  *key = ((gint64) system_id << 32) | ((gint64) (step & 0xffffff) << 8) | (gint64) field;
  return key;
}

static int
find_override (IkouScenario      *self,
               guint              system_id,
               guint              step,
               IkouOverrideField  field)
{
  g_autofree gint64 *key = override_key (system_id, step, field);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->index, key)) - 1;
}

static void
rebuild_index (IkouScenario *self)
{
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < self->overrides->len; i++)
    {
      const IkouOverride *o = &g_array_index (self->overrides, IkouOverride, i);

      g_hash_table_insert (self->index, override_key (o->system_id, o->step, o->field),
                           GINT_TO_POINTER (i + 1));
    }
}

void
ikou_scenario_set_override (IkouScenario      *self,
                            guint              system_id,
                            guint              step,
                            IkouOverrideField  field,
                            gint64             value)
{
  int pos;

  g_return_if_fail (IKOU_IS_SCENARIO (self));
  g_return_if_fail ((guint) field < IKOU_N_OVERRIDE_FIELDS);

  pos = find_override (self, system_id, step, field);
  if (pos >= 0)
    {
      IkouOverride *o = &g_array_index (self->overrides, IkouOverride, pos);

      if (o->value == value)
        return;
      o->value = value;
    }
  else
    {
      IkouOverride o = { system_id, step, field, value };
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->systems,
                                                           GUINT_TO_POINTER (system_id)));

      g_array_append_val (self->overrides, o);
      g_hash_table_insert (self->index, override_key (system_id, step, field),
                           GINT_TO_POINTER (self->overrides->len));
      g_hash_table_insert (self->systems, GUINT_TO_POINTER (system_id),
                           GUINT_TO_POINTER (count + 1));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ikou_scenario_remove_override (IkouScenario      *self,
                               guint              system_id,
                               guint              step,
                               IkouOverrideField  field)
{
  int pos;
  guint count;

  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);

  pos = find_override (self, system_id, step, field);
  if (pos < 0)
    return FALSE;

  /* Removal keeps the order; it is rare (an undo), so re-index. */
  g_array_remove_index (self->overrides, pos);
  rebuild_index (self);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->systems, GUINT_TO_POINTER (system_id)));
  if (count <= 1)
    g_hash_table_remove (self->systems, GUINT_TO_POINTER (system_id));
  else
    g_hash_table_insert (self->systems, GUINT_TO_POINTER (system_id),
                         GUINT_TO_POINTER (count - 1));

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

guint
ikou_scenario_get_n_overrides (IkouScenario *self)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), 0);
  return self->overrides->len;
}

const IkouOverride *
ikou_scenario_get_override (IkouScenario *self,
                            guint         index)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->overrides->len, NULL);
  return &g_array_index (self->overrides, IkouOverride, index);
}

gboolean
ikou_scenario_has_system (IkouScenario *self,
                          guint         system_id)
{
  g_return_val_if_fail (IKOU_IS_SCENARIO (self), FALSE);
  return g_hash_table_contains (self->systems, GUINT_TO_POINTER (system_id));
}

void
ikou_scenario_resolve_step (IkouScenario   *self,
                            guint           system_id,
                            guint           index,
                            const IkouStep *step,
                            IkouStep       *out)
{
  g_return_if_fail (self == NULL || IKOU_IS_SCENARIO (self));
  g_return_if_fail (step != NULL && out != NULL);

  /* The resolved step shares nothing that needs freeing with @step: the
   * note is not copied (the checker does not read it). */
  *out = *step;
  out->note = NULL;

  if (self == NULL || !ikou_scenario_has_system (self, system_id))
    return;

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const IkouOverride *o = &g_array_index (self->overrides, IkouOverride, i);

      if (o->system_id != system_id || o->step != index)
        continue;

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
        case IKOU_N_OVERRIDE_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }
}

const char *
ikou_override_field_to_string (IkouOverrideField field)
{
  g_return_val_if_fail ((guint) field < IKOU_N_OVERRIDE_FIELDS, NULL);
  return field_names[field];
}

gboolean
ikou_override_field_from_string (const char        *str,
                                 IkouOverrideField *field)
{
  for (guint i = 0; i < IKOU_N_OVERRIDE_FIELDS; i++)
    {
      if (g_strcmp0 (str, field_names[i]) == 0)
        {
          *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

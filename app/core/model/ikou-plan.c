/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-held-changes.h"
#include "ikou-model-private.h"
#include "ikou-object-fields.h"
#include "ikou-plan.h"

struct _IkouPlan
{
  GObject     parent_instance;

  char       *organization;
  char       *org_code;
  char       *title;
  char       *description;
  char       *schedule_version;
  int         reference_fy;   /* the fiscal year of the reference running cost */
  gint64      reference_cost; /* 千円/年 in that year; -1 unknown */

  GListStore *hosts;
  GHashTable *hosts_by_id;    /* id → IkouHost (borrowed) */
  guint       next_host_id;

  GPtrArray  *systems;        /* IkouSystem, display order */
  GHashTable *systems_by_id;  /* id → IkouSystem (borrowed) */
  guint       next_system_id;

  GPtrArray  *scenarios;      /* IkouScenario */

  guint       bulk_depth;
  guint       bulk_start;     /* n_systems when the bulk began */

  IkouHeldChanges held;       /* IkouSystem (a reference) */
};

static void ikou_plan_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouPlan, ikou_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ikou_plan_list_model_init))

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_ORG_CODE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SCHEDULE_VERSION,
  PROP_REFERENCE_FY,
  PROP_REFERENCE_COST,
  N_PROPS
};

enum {
  CHANGED,
  SYSTEM_CHANGED,
  SYSTEMS_CHANGED,
  HOSTS_CHANGED,
  SCENARIOS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
ikou_plan_get_item_type (GListModel *model)
{
  return IKOU_TYPE_SYSTEM;
}

static guint
ikou_plan_get_n_items (GListModel *model)
{
  return IKOU_PLAN (model)->systems->len;
}

static gpointer
ikou_plan_get_item (GListModel *model,
                    guint       position)
{
  IkouPlan *self = IKOU_PLAN (model);

  if (position >= self->systems->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->systems, position));
}

static void
ikou_plan_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ikou_plan_get_item_type;
  iface->get_n_items = ikou_plan_get_n_items;
  iface->get_item = ikou_plan_get_item;
}

static void
emit_changed (IkouPlan *self)
{
  if (!ikou_held_changes_hold_changed (&self->held))
    g_signal_emit (self, signals[CHANGED], 0);
}

void
_ikou_plan_system_changed (IkouPlan   *self,
                           IkouSystem *system)
{
  g_autoptr(GPtrArray) one = NULL;

  if (ikou_held_changes_hold (&self->held, system))
    return;
  one = g_ptr_array_new ();
  g_ptr_array_add (one, system);
  g_signal_emit (self, signals[SYSTEMS_CHANGED], 0, one);
  g_signal_emit (self, signals[SYSTEM_CHANGED], 0, system);
  emit_changed (self);
}

static void
on_host_notify (IkouHost   *host,
                GParamSpec *pspec,
                IkouPlan   *self)
{
  g_signal_emit (self, signals[HOSTS_CHANGED], 0);
  emit_changed (self);
}

/* An edit inside a scenario is a change of the plan (unsaved), not of
 * its list of scenarios: ::scenarios-changed is for the list and the
 * names, which menus show. */
static void
on_scenario_changed (IkouScenario *scenario,
                     IkouPlan     *self)
{
  emit_changed (self);
}

static void
on_scenario_renamed (IkouScenario *scenario,
                     GParamSpec   *pspec,
                     IkouPlan     *self)
{
  g_signal_emit (self, signals[SCENARIOS_CHANGED], 0);
}

static void
ikou_plan_dispose (GObject *object)
{
  IkouPlan *self = IKOU_PLAN (object);

  if (self->systems != NULL)
    {
      for (guint i = 0; i < self->systems->len; i++)
        _ikou_system_set_plan (g_ptr_array_index (self->systems, i), NULL);
      g_clear_pointer (&self->systems, g_ptr_array_unref);
    }
  if (self->hosts != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hosts));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IkouHost) host = g_list_model_get_item (G_LIST_MODEL (self->hosts), i);
          g_signal_handlers_disconnect_by_data (host, self);
        }
      g_clear_object (&self->hosts);
    }
  if (self->scenarios != NULL)
    {
      for (guint i = 0; i < self->scenarios->len; i++)
        {
          IkouScenario *scenario = g_ptr_array_index (self->scenarios, i);

          g_signal_handlers_disconnect_by_data (scenario, self);
          if (self->held.depth > 0)
            ikou_scenario_thaw_changes (scenario);
        }
      g_clear_pointer (&self->scenarios, g_ptr_array_unref);
    }
  if (self->held.keys != NULL)
    g_ptr_array_set_size (self->held.keys, 0);

  G_OBJECT_CLASS (ikou_plan_parent_class)->dispose (object);
}

static void
ikou_plan_finalize (GObject *object)
{
  IkouPlan *self = IKOU_PLAN (object);

  g_free (self->organization);
  g_free (self->org_code);
  g_free (self->title);
  g_free (self->description);
  g_free (self->schedule_version);
  g_hash_table_unref (self->hosts_by_id);
  g_hash_table_unref (self->systems_by_id);
  ikou_held_changes_clear (&self->held);

  G_OBJECT_CLASS (ikou_plan_parent_class)->finalize (object);
}

static char **
string_field (IkouPlan *self,
              guint     prop_id)
{
  switch (prop_id)
    {
    case PROP_ORGANIZATION:
      return &self->organization;
    case PROP_ORG_CODE:
      return &self->org_code;
    case PROP_TITLE:
      return &self->title;
    case PROP_DESCRIPTION:
      return &self->description;
    case PROP_SCHEDULE_VERSION:
      return &self->schedule_version;
    default:
      return NULL;
    }
}

static void
set_string (IkouPlan   *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (!ikou_set_str (field, value))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
ikou_plan_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IkouPlan *self = IKOU_PLAN (object);
  char **field = string_field (self, prop_id);

  if (prop_id == PROP_REFERENCE_FY)
    g_value_set_int (value, self->reference_fy);
  else if (prop_id == PROP_REFERENCE_COST)
    g_value_set_int64 (value, self->reference_cost);
  else if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
ikou_plan_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  if (prop_id == PROP_REFERENCE_FY)
    ikou_plan_set_reference_fy (IKOU_PLAN (object), g_value_get_int (value));
  else if (prop_id == PROP_REFERENCE_COST)
    ikou_plan_set_reference_cost (IKOU_PLAN (object), g_value_get_int64 (value));
  else if (string_field (IKOU_PLAN (object), prop_id) == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    set_string (IKOU_PLAN (object), prop_id, g_value_get_string (value));
}

static void
ikou_plan_class_init (IkouPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ikou_plan_dispose;
  object_class->finalize = ikou_plan_finalize;
  object_class->get_property = ikou_plan_get_property;
  object_class->set_property = ikou_plan_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, rw);
  properties[PROP_ORG_CODE] = g_param_spec_string ("org-code", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_SCHEDULE_VERSION] =
    g_param_spec_string ("schedule-version", NULL, NULL, NULL, rw);
  properties[PROP_REFERENCE_FY] =
    g_param_spec_int ("reference-fy", NULL, NULL,
                      IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY, IKOU_PLAN_REFERENCE_FY, rw);
  properties[PROP_REFERENCE_COST] =
    g_param_spec_int64 ("reference-cost", NULL, NULL, -1, G_MAXINT64, -1, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::changed: anything in the plan changed (for "unsaved changes");
   * ::systems-changed: a GPtrArray of the systems that changed. */
  ikou_held_changes_add_signals (G_TYPE_FROM_CLASS (klass), IKOU_TYPE_SYSTEM, G_TYPE_PTR_ARRAY,
                                 &signals[CHANGED], &signals[SYSTEM_CHANGED],
                                 &signals[SYSTEMS_CHANGED]);
  signals[HOSTS_CHANGED] =
    g_signal_new ("hosts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SCENARIOS_CHANGED] =
    g_signal_new ("scenarios-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_plan_init (IkouPlan *self)
{
  self->hosts = g_list_store_new (IKOU_TYPE_HOST);
  self->hosts_by_id = g_hash_table_new (NULL, NULL);
  self->next_host_id = 1;
  self->systems = g_ptr_array_new_with_free_func (g_object_unref);
  self->systems_by_id = g_hash_table_new (NULL, NULL);
  self->next_system_id = 1;
  self->scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  ikou_held_changes_init (&self->held, g_object_ref, g_object_unref);
  self->reference_fy = IKOU_PLAN_REFERENCE_FY;
  self->reference_cost = -1;
}

IkouPlan *
ikou_plan_new (void)
{
  return g_object_new (IKOU_TYPE_PLAN, NULL);
}

#define PLAN_STRING(field, PROP)                                              \
  const char *ikou_plan_get_##field (IkouPlan *self)                          \
  {                                                                           \
    g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);                         \
    return self->field;                                                       \
  }                                                                           \
  void ikou_plan_set_##field (IkouPlan *self, const char *value)              \
  {                                                                           \
    g_return_if_fail (IKOU_IS_PLAN (self));                                   \
    set_string (self, PROP, value);                                           \
  }

PLAN_STRING (organization, PROP_ORGANIZATION)
PLAN_STRING (org_code, PROP_ORG_CODE)
PLAN_STRING (title, PROP_TITLE)
PLAN_STRING (description, PROP_DESCRIPTION)
PLAN_STRING (schedule_version, PROP_SCHEDULE_VERSION)

int
ikou_plan_get_reference_fy (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), IKOU_PLAN_REFERENCE_FY);
  return self->reference_fy;
}

void
ikou_plan_set_reference_fy (IkouPlan *self,
                            int       fy)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (fy >= IKOU_PLAN_MIN_FY && fy <= IKOU_PLAN_MAX_FY);

  if (self->reference_fy == fy)
    return;
  self->reference_fy = fy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_FY]);
  emit_changed (self);
}

gint64
ikou_plan_get_reference_cost (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), -1);
  return self->reference_cost;
}

void
ikou_plan_set_reference_cost (IkouPlan *self,
                              gint64    cost)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (cost >= -1);

  if (self->reference_cost == cost)
    return;
  self->reference_cost = cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_COST]);
  emit_changed (self);
}

/* Hosts */

GListModel *
ikou_plan_get_hosts (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->hosts);
}

guint
ikou_plan_get_n_hosts (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->hosts));
}

IkouHost *
ikou_plan_get_host (IkouPlan *self,
                    guint     position)
{
  g_autoptr(IkouHost) host = NULL;

  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);

  /* The store keeps a reference; hand out a borrowed pointer. */
  host = g_list_model_get_item (G_LIST_MODEL (self->hosts), position);
  return host;
}

IkouHost *
ikou_plan_lookup_host (IkouPlan *self,
                       guint     id)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  return g_hash_table_lookup (self->hosts_by_id, GUINT_TO_POINTER (id));
}

guint
ikou_plan_next_host_id (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), 0);
  return self->next_host_id;
}

void
ikou_plan_insert_host (IkouPlan *self,
                       guint     position,
                       IkouHost *host)
{
  guint id;

  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_HOST (host));

  id = ikou_host_get_id (host);
  if (id == 0)
    {
      id = self->next_host_id;
      _ikou_host_set_id (host, id);
    }
  g_return_if_fail (!g_hash_table_contains (self->hosts_by_id, GUINT_TO_POINTER (id)));

  self->next_host_id = MAX (self->next_host_id, id + 1);
  g_hash_table_insert (self->hosts_by_id, GUINT_TO_POINTER (id), host);
  position = MIN (position, ikou_plan_get_n_hosts (self));
  g_list_store_insert (self->hosts, position, host);
  g_signal_connect_object (host, "notify", G_CALLBACK (on_host_notify), self, 0);

  g_signal_emit (self, signals[HOSTS_CHANGED], 0);
  emit_changed (self);
}

void
ikou_plan_add_host (IkouPlan *self,
                    IkouHost *host)
{
  ikou_plan_insert_host (self, G_MAXUINT, host);
}

void
ikou_plan_remove_host (IkouPlan *self,
                       IkouHost *host)
{
  guint position;

  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_HOST (host));

  if (!g_list_store_find (self->hosts, host, &position))
    g_return_if_reached ();

  g_signal_handlers_disconnect_by_data (host, self);
  g_hash_table_remove (self->hosts_by_id, GUINT_TO_POINTER (ikou_host_get_id (host)));
  g_list_store_remove (self->hosts, position);

  g_signal_emit (self, signals[HOSTS_CHANGED], 0);
  emit_changed (self);
}

/* Systems */

guint
ikou_plan_get_n_systems (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), 0);
  return self->systems->len;
}

IkouSystem *
ikou_plan_get_system (IkouPlan *self,
                      guint     position)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  g_return_val_if_fail (position < self->systems->len, NULL);
  return g_ptr_array_index (self->systems, position);
}

IkouSystem *
ikou_plan_lookup_system (IkouPlan *self,
                         guint     id)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  return g_hash_table_lookup (self->systems_by_id, GUINT_TO_POINTER (id));
}

gboolean
ikou_plan_find_system (IkouPlan   *self,
                       IkouSystem *system,
                       guint      *position)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), FALSE);
  return g_ptr_array_find (self->systems, system, position);
}

guint
ikou_plan_next_system_id (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), 0);
  return self->next_system_id;
}

void
ikou_plan_set_next_ids (IkouPlan *self,
                        guint     next_system_id,
                        guint     next_host_id)
{
  gboolean grew = FALSE;

  g_return_if_fail (IKOU_IS_PLAN (self));

  if (next_system_id > self->next_system_id)
    {
      self->next_system_id = next_system_id;
      grew = TRUE;
    }
  if (next_host_id > self->next_host_id)
    {
      self->next_host_id = next_host_id;
      grew = TRUE;
    }
  if (grew)
    emit_changed (self);
}

void
ikou_plan_insert_system (IkouPlan   *self,
                         guint       position,
                         IkouSystem *system)
{
  guint id;

  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));

  id = ikou_system_get_id (system);
  if (id == 0)
    {
      id = self->next_system_id;
      _ikou_system_set_id (system, id);
    }
  g_return_if_fail (!g_hash_table_contains (self->systems_by_id, GUINT_TO_POINTER (id)));

  self->next_system_id = MAX (self->next_system_id, id + 1);
  g_hash_table_insert (self->systems_by_id, GUINT_TO_POINTER (id), system);
  position = MIN (position, self->systems->len);
  g_ptr_array_insert (self->systems, position, g_object_ref (system));
  _ikou_system_set_plan (system, self);

  if (self->bulk_depth == 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
      emit_changed (self);
    }
}

void
ikou_plan_add_system (IkouPlan   *self,
                      IkouSystem *system)
{
  ikou_plan_insert_system (self, G_MAXUINT, system);
}

void
ikou_plan_remove_system (IkouPlan   *self,
                         IkouSystem *system)
{
  guint position;

  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (self->bulk_depth == 0);

  if (!g_ptr_array_find (self->systems, system, &position))
    g_return_if_reached ();

  _ikou_system_set_plan (system, NULL);
  g_hash_table_remove (self->systems_by_id, GUINT_TO_POINTER (ikou_system_get_id (system)));
  g_ptr_array_remove_index (self->systems, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  emit_changed (self);
}

void
ikou_plan_begin_bulk (IkouPlan *self)
{
  g_return_if_fail (IKOU_IS_PLAN (self));

  if (self->bulk_depth++ == 0)
    self->bulk_start = self->systems->len;
}

void
ikou_plan_end_bulk (IkouPlan *self)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (self->bulk_depth > 0);

  if (--self->bulk_depth == 0 && self->systems->len > self->bulk_start)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), self->bulk_start, 0,
                                  self->systems->len - self->bulk_start);
      emit_changed (self);
    }
}

/* Held changes */

void
ikou_plan_freeze_changes (IkouPlan *self)
{
  g_return_if_fail (IKOU_IS_PLAN (self));

  if (self->held.depth++ > 0)
    return;
  for (guint i = 0; i < self->scenarios->len; i++)
    ikou_scenario_freeze_changes (g_ptr_array_index (self->scenarios, i));
}

void
ikou_plan_thaw_changes (IkouPlan *self)
{
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;

  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (self->held.depth > 0);

  if (self->held.depth > 1)
    {
      self->held.depth--;
      return;
    }

  /* The scenarios first, while their ::changed is still owed here:
   * the plan emits ::changed once, last. */
  scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->scenarios->len; i++)
    g_ptr_array_add (scenarios, g_object_ref (g_ptr_array_index (self->scenarios, i)));
  for (guint i = 0; i < scenarios->len; i++)
    ikou_scenario_thaw_changes (g_ptr_array_index (scenarios, i));
  self->held.depth = 0;

  /* Only the systems still in the plan: one changed and then removed is
   * the removal's business (::items-changed). */
  held = ikou_held_changes_take (&self->held);
  for (guint i = held->len; i > 0; i--)
    {
      IkouSystem *system = g_ptr_array_index (held, i - 1);

      if (ikou_plan_lookup_system (self, ikou_system_get_id (system)) != system)
        g_ptr_array_remove_index (held, i - 1);
    }

  if (held->len > 0)
    {
      g_signal_emit (self, signals[SYSTEMS_CHANGED], 0, held);
      /* Listeners of one system at a time hear of each once. */
      if (g_signal_has_handler_pending (self, signals[SYSTEM_CHANGED], 0, FALSE))
        for (guint i = 0; i < held->len; i++)
          g_signal_emit (self, signals[SYSTEM_CHANGED], 0, g_ptr_array_index (held, i));
    }
  if (ikou_held_changes_take_changed (&self->held))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Scenarios */

guint
ikou_plan_get_n_scenarios (IkouPlan *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), 0);
  return self->scenarios->len;
}

IkouScenario *
ikou_plan_get_scenario (IkouPlan *self,
                        guint     index)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->scenarios->len, NULL);
  return g_ptr_array_index (self->scenarios, index);
}

IkouScenario *
ikou_plan_lookup_scenario (IkouPlan   *self,
                           const char *name)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->scenarios->len; i++)
    {
      IkouScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (g_strcmp0 (ikou_scenario_get_name (scenario), name) == 0)
        return scenario;
    }
  return NULL;
}

IkouScenario *
ikou_plan_require_scenario (IkouPlan    *self,
                            const char  *name,
                            GError     **error)
{
  IkouScenario *scenario;

  g_return_val_if_fail (IKOU_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scenario = ikou_plan_lookup_scenario (self, name);
  if (scenario == NULL)
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                 _("The plan has no scenario named “%s”."), name);
  return scenario;
}

gboolean
ikou_plan_find_scenario (IkouPlan     *self,
                         IkouScenario *scenario,
                         guint        *position)
{
  g_return_val_if_fail (IKOU_IS_PLAN (self), FALSE);
  return g_ptr_array_find (self->scenarios, scenario, position);
}

void
ikou_plan_add_scenario (IkouPlan     *self,
                        IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  ikou_plan_insert_scenario (self, self->scenarios->len, scenario);
}

void
ikou_plan_insert_scenario (IkouPlan     *self,
                           guint         position,
                           IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  g_ptr_array_insert (self->scenarios, (int) MIN (position, self->scenarios->len),
                      g_object_ref (scenario));
  g_signal_connect (scenario, "changed", G_CALLBACK (on_scenario_changed), self);
  g_signal_connect (scenario, "notify::name", G_CALLBACK (on_scenario_renamed), self);
  /* The plan's scenarios are held back with it. */
  if (self->held.depth > 0)
    ikou_scenario_freeze_changes (scenario);
  g_signal_emit (self, signals[SCENARIOS_CHANGED], 0);
  emit_changed (self);
}

void
ikou_plan_remove_scenario (IkouPlan     *self,
                           IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_PLAN (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  if (!g_ptr_array_find (self->scenarios, scenario, NULL))
    g_return_if_reached ();
  g_signal_handlers_disconnect_by_data (scenario, self);
  if (self->held.depth > 0)
    ikou_scenario_thaw_changes (scenario);
  g_ptr_array_remove (self->scenarios, scenario);
  g_signal_emit (self, signals[SCENARIOS_CHANGED], 0);
  emit_changed (self);
}

/* Comparison */

static gboolean
differ (char       **out,
        const char  *fmt,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
differ (char       **out,
        const char  *fmt,
        ...)
{
  va_list args;

  if (out != NULL)
    {
      va_start (args, fmt);
      *out = g_strdup_vprintf (fmt, args);
      va_end (args);
    }
  return FALSE;
}

gboolean
ikou_plan_equal (IkouPlan  *a,
                 IkouPlan  *b,
                 char     **out_difference)
{
  guint n;

  g_return_val_if_fail (IKOU_IS_PLAN (a) && IKOU_IS_PLAN (b), FALSE);

  if (g_strcmp0 (a->organization, b->organization) != 0 ||
      g_strcmp0 (a->org_code, b->org_code) != 0 ||
      g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_strcmp0 (a->schedule_version, b->schedule_version) != 0)
    return differ (out_difference, "plan metadata differs");
  if (a->reference_fy != b->reference_fy || a->reference_cost != b->reference_cost)
    return differ (out_difference, "reference cost FY%d %" G_GINT64_FORMAT " vs FY%d %" G_GINT64_FORMAT,
                   a->reference_fy, a->reference_cost, b->reference_fy, b->reference_cost);

  n = ikou_plan_get_n_hosts (a);
  if (n != ikou_plan_get_n_hosts (b))
    return differ (out_difference, "host count %u vs %u", n, ikou_plan_get_n_hosts (b));
  for (guint i = 0; i < n; i++)
    {
      IkouHost *ha = ikou_plan_get_host (a, i);
      IkouHost *hb = ikou_plan_get_host (b, i);

      if (ikou_host_get_id (ha) != ikou_host_get_id (hb) ||
          g_strcmp0 (ikou_host_get_name (ha), ikou_host_get_name (hb)) != 0 ||
          ikou_host_get_kind (ha) != ikou_host_get_kind (hb) ||
          ikou_host_get_available_from (ha) != ikou_host_get_available_from (hb) ||
          ikou_host_get_available_until (ha) != ikou_host_get_available_until (hb) ||
          ikou_host_get_annual_cost (ha) != ikou_host_get_annual_cost (hb) ||
          g_strcmp0 (ikou_host_get_note (ha), ikou_host_get_note (hb)) != 0)
        return differ (out_difference, "host %u differs", i);
    }

  if (a->systems->len != b->systems->len)
    return differ (out_difference, "system count %u vs %u", a->systems->len, b->systems->len);
  for (guint i = 0; i < a->systems->len; i++)
    {
      IkouSystem *sa = g_ptr_array_index (a->systems, i);
      IkouSystem *sb = g_ptr_array_index (b->systems, i);
      guint n_steps = ikou_system_get_n_steps (sa);

      if (ikou_system_get_id (sa) != ikou_system_get_id (sb) ||
          g_strcmp0 (ikou_system_get_name (sa), ikou_system_get_name (sb)) != 0 ||
          g_strcmp0 (ikou_system_get_department (sa), ikou_system_get_department (sb)) != 0 ||
          g_strcmp0 (ikou_system_get_vendor (sa), ikou_system_get_vendor (sb)) != 0 ||
          g_strcmp0 (ikou_system_get_operation (sa), ikou_system_get_operation (sb)) != 0 ||
          ikou_system_get_host (sa) != ikou_system_get_host (sb) ||
          ikou_system_get_tokutei (sa) != ikou_system_get_tokutei (sb) ||
          ikou_system_get_tokutei_deadline (sa) != ikou_system_get_tokutei_deadline (sb) ||
          g_strcmp0 (ikou_system_get_tokutei_reason (sa),
                     ikou_system_get_tokutei_reason (sb)) != 0 ||
          ikou_system_get_tokutei_reason_kind (sa) != ikou_system_get_tokutei_reason_kind (sb) ||
          ikou_system_get_transitional (sa) != ikou_system_get_transitional (sb) ||
          g_strcmp0 (ikou_system_get_transitional_functions (sa),
                     ikou_system_get_transitional_functions (sb)) != 0 ||
          ikou_system_get_transitional_completion (sa) !=
            ikou_system_get_transitional_completion (sb) ||
          ikou_system_get_transitional_notified (sa) != ikou_system_get_transitional_notified (sb) ||
          ikou_system_get_status (sa) != ikou_system_get_status (sb) ||
          ikou_system_get_annual_cost (sa) != ikou_system_get_annual_cost (sb) ||
          g_strcmp0 (ikou_system_get_notes (sa), ikou_system_get_notes (sb)) != 0)
        return differ (out_difference, "system %u (%s) differs", i, ikou_system_get_name (sa));

      if (n_steps != ikou_system_get_n_steps (sb))
        return differ (out_difference, "system %u step count differs", i);
      for (guint j = 0; j < n_steps; j++)
        if (!ikou_step_equal (ikou_system_get_step (sa, j), ikou_system_get_step (sb, j)))
          return differ (out_difference, "system %u step %u differs", i, j);
    }

  if (a->scenarios->len != b->scenarios->len)
    return differ (out_difference, "scenario count differs");
  for (guint i = 0; i < a->scenarios->len; i++)
    {
      IkouScenario *ca = g_ptr_array_index (a->scenarios, i);
      IkouScenario *cb = g_ptr_array_index (b->scenarios, i);

      if (!ikou_scenario_equal (ca, cb))
        return differ (out_difference, "scenario %u differs", i);
    }

  /* Last: with the same hosts and systems, only removals can make them
   * differ, and a lost counter is what a round trip must not do. */
  if (a->next_system_id != b->next_system_id || a->next_host_id != b->next_host_id)
    return differ (out_difference, "next ids differ: system %u vs %u, host %u vs %u",
                   a->next_system_id, b->next_system_id, a->next_host_id, b->next_host_id);

  return TRUE;
}

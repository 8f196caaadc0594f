/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-model-private.h"
#include "ikou-object-fields.h"
#include "ikou-system.h"

struct _IkouSystem
{
  GObject     parent_instance;
  IkouPlan   *plan;       /* the plan it is in (not a reference), or NULL */
  guint       id;
  char       *name;
  char       *department;
  char       *vendor;
  char       *operation;
  guint       host;
  gboolean    tokutei;
  IkouDay     tokutei_deadline;
  char       *tokutei_reason;
  IkouTokuteiReason tokutei_reason_kind;
  gboolean    transitional;
  char       *transitional_functions;
  IkouDay     transitional_completion;
  IkouDay     transitional_notified;
  IkouStatus  status;
  char       *notes;
  gint64      annual_cost; /* 千円/年 today; -1 unknown */
  GPtrArray  *steps; /* IkouStep */
};

G_DEFINE_FINAL_TYPE (IkouSystem, ikou_system, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_VENDOR,
  PROP_OPERATION,
  PROP_HOST,
  PROP_TOKUTEI,
  PROP_TOKUTEI_DEADLINE,
  PROP_TOKUTEI_REASON,
  PROP_STATUS,
  PROP_NOTES,
  PROP_N_STEPS,
  PROP_ANNUAL_COST,
  PROP_TOKUTEI_REASON_KIND,
  PROP_TRANSITIONAL,
  PROP_TRANSITIONAL_FUNCTIONS,
  PROP_TRANSITIONAL_COMPLETION,
  PROP_TRANSITIONAL_NOTIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

/* Every property but n-steps is only its field (enumerations are read
 * as ints). */
G_STATIC_ASSERT (sizeof (IkouStatus) == sizeof (int));
G_STATIC_ASSERT (sizeof (IkouTokuteiReason) == sizeof (int));
static const gsize property_fields[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (IkouSystem, id),
  [PROP_NAME] = G_STRUCT_OFFSET (IkouSystem, name),
  [PROP_DEPARTMENT] = G_STRUCT_OFFSET (IkouSystem, department),
  [PROP_VENDOR] = G_STRUCT_OFFSET (IkouSystem, vendor),
  [PROP_OPERATION] = G_STRUCT_OFFSET (IkouSystem, operation),
  [PROP_HOST] = G_STRUCT_OFFSET (IkouSystem, host),
  [PROP_TOKUTEI] = G_STRUCT_OFFSET (IkouSystem, tokutei),
  [PROP_TOKUTEI_DEADLINE] = G_STRUCT_OFFSET (IkouSystem, tokutei_deadline),
  [PROP_TOKUTEI_REASON] = G_STRUCT_OFFSET (IkouSystem, tokutei_reason),
  [PROP_STATUS] = G_STRUCT_OFFSET (IkouSystem, status),
  [PROP_NOTES] = G_STRUCT_OFFSET (IkouSystem, notes),
  [PROP_ANNUAL_COST] = G_STRUCT_OFFSET (IkouSystem, annual_cost),
  [PROP_TOKUTEI_REASON_KIND] = G_STRUCT_OFFSET (IkouSystem, tokutei_reason_kind),
  [PROP_TRANSITIONAL] = G_STRUCT_OFFSET (IkouSystem, transitional),
  [PROP_TRANSITIONAL_FUNCTIONS] = G_STRUCT_OFFSET (IkouSystem, transitional_functions),
  [PROP_TRANSITIONAL_COMPLETION] = G_STRUCT_OFFSET (IkouSystem, transitional_completion),
  [PROP_TRANSITIONAL_NOTIFIED] = G_STRUCT_OFFSET (IkouSystem, transitional_notified),
};
static guint signals[N_SIGNALS];

static void
ikou_system_finalize (GObject *object)
{
  IkouSystem *self = IKOU_SYSTEM (object);

  g_free (self->name);
  g_free (self->department);
  g_free (self->vendor);
  g_free (self->operation);
  g_free (self->tokutei_reason);
  g_free (self->transitional_functions);
  g_free (self->notes);
  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (ikou_system_parent_class)->finalize (object);
}

static void
ikou_system_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IkouSystem *self = IKOU_SYSTEM (object);

  if (prop_id == PROP_N_STEPS)
    g_value_set_uint (value, self->steps->len);
  else if (prop_id > PROP_0 && prop_id < N_PROPS)
    ikou_object_get_field (object, property_fields[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ikou_system_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IkouSystem *self = IKOU_SYSTEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_uint (value);
      break;
    case PROP_NAME:
      ikou_system_set_name (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      ikou_system_set_department (self, g_value_get_string (value));
      break;
    case PROP_VENDOR:
      ikou_system_set_vendor (self, g_value_get_string (value));
      break;
    case PROP_OPERATION:
      ikou_system_set_operation (self, g_value_get_string (value));
      break;
    case PROP_HOST:
      ikou_system_set_host (self, g_value_get_uint (value));
      break;
    case PROP_TOKUTEI:
      ikou_system_set_tokutei (self, g_value_get_boolean (value));
      break;
    case PROP_TOKUTEI_DEADLINE:
      ikou_system_set_tokutei_deadline (self, g_value_get_int (value));
      break;
    case PROP_TOKUTEI_REASON:
      ikou_system_set_tokutei_reason (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ikou_system_set_status (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      ikou_system_set_notes (self, g_value_get_string (value));
      break;
    case PROP_ANNUAL_COST:
      ikou_system_set_annual_cost (self, g_value_get_int64 (value));
      break;
    case PROP_TOKUTEI_REASON_KIND:
      ikou_system_set_tokutei_reason_kind (self, g_value_get_int (value));
      break;
    case PROP_TRANSITIONAL:
      ikou_system_set_transitional (self, g_value_get_boolean (value));
      break;
    case PROP_TRANSITIONAL_FUNCTIONS:
      ikou_system_set_transitional_functions (self, g_value_get_string (value));
      break;
    case PROP_TRANSITIONAL_COMPLETION:
      ikou_system_set_transitional_completion (self, g_value_get_int (value));
      break;
    case PROP_TRANSITIONAL_NOTIFIED:
      ikou_system_set_transitional_notified (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_system_class_init (IkouSystemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ikou_system_finalize;
  object_class->get_property = ikou_system_get_property;
  object_class->set_property = ikou_system_set_property;

  properties[PROP_ID] =
    g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, rw);
  properties[PROP_VENDOR] = g_param_spec_string ("vendor", NULL, NULL, NULL, rw);
  properties[PROP_OPERATION] = g_param_spec_string ("operation", NULL, NULL, NULL, rw);
  properties[PROP_HOST] = g_param_spec_uint ("host", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TOKUTEI] = g_param_spec_boolean ("tokutei", NULL, NULL, FALSE, rw);
  properties[PROP_TOKUTEI_DEADLINE] =
    g_param_spec_int ("tokutei-deadline", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_TOKUTEI_REASON] = g_param_spec_string ("tokutei-reason", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, IKOU_N_STATUSES - 1, 0, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNUAL_COST] =
    g_param_spec_int64 ("annual-cost", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_TOKUTEI_REASON_KIND] =
    g_param_spec_int ("tokutei-reason-kind", NULL, NULL, 0, IKOU_N_TOKUTEI_REASONS - 1, 0, rw);
  properties[PROP_TRANSITIONAL] = g_param_spec_boolean ("transitional", NULL, NULL, FALSE, rw);
  properties[PROP_TRANSITIONAL_FUNCTIONS] =
    g_param_spec_string ("transitional-functions", NULL, NULL, NULL, rw);
  properties[PROP_TRANSITIONAL_COMPLETION] =
    g_param_spec_int ("transitional-completion", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_TRANSITIONAL_NOTIFIED] =
    g_param_spec_int ("transitional-notified", NULL, NULL, 0, G_MAXINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IkouSystem::changed:
   *
   * Emitted after any field or step of the system changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_system_init (IkouSystem *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_step_free);
  self->annual_cost = -1;
}

static void
emit_changed (IkouSystem *self,
              int         prop)
{
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->plan != NULL)
    _ikou_plan_system_changed (self->plan, self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_string (IkouSystem  *self,
            char       **field,
            const char  *value,
            int          prop)
{
  /* Empty and NULL are the same: "no value". */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (ikou_set_str (field, value))
    emit_changed (self, prop);
}

IkouSystem *
ikou_system_new (guint       id,
                 const char *name)
{
  IkouSystem *self = g_object_new (IKOU_TYPE_SYSTEM, "id", id, NULL);

  self->name = g_strdup (name);
  return self;
}

IkouSystem *
ikou_system_copy (IkouSystem *self,
                  guint       new_id)
{
  IkouSystem *copy;

  g_return_val_if_fail (IKOU_IS_SYSTEM (self), NULL);

  copy = ikou_system_new (new_id, self->name);
  copy->department = g_strdup (self->department);
  copy->vendor = g_strdup (self->vendor);
  copy->operation = g_strdup (self->operation);
  copy->host = self->host;
  copy->tokutei = self->tokutei;
  copy->tokutei_deadline = self->tokutei_deadline;
  copy->tokutei_reason = g_strdup (self->tokutei_reason);
  copy->tokutei_reason_kind = self->tokutei_reason_kind;
  copy->transitional = self->transitional;
  copy->transitional_functions = g_strdup (self->transitional_functions);
  copy->transitional_completion = self->transitional_completion;
  copy->transitional_notified = self->transitional_notified;
  copy->status = self->status;
  copy->notes = g_strdup (self->notes);
  copy->annual_cost = self->annual_cost;
  for (guint i = 0; i < self->steps->len; i++)
    g_ptr_array_add (copy->steps, ikou_step_copy (g_ptr_array_index (self->steps, i)));

  return copy;
}

guint
ikou_system_get_id (IkouSystem *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), 0);
  return self->id;
}

void
_ikou_system_set_id (IkouSystem *self,
                     guint       id)
{
  self->id = id;
}

void
_ikou_system_set_plan (IkouSystem *self,
                       IkouPlan   *plan)
{
  self->plan = plan;
}

#define STRING_ACCESSORS(field, PROP)                                         \
  const char *ikou_system_get_##field (IkouSystem *self)                      \
  {                                                                           \
    g_return_val_if_fail (IKOU_IS_SYSTEM (self), NULL);                       \
    return self->field;                                                       \
  }                                                                           \
  void ikou_system_set_##field (IkouSystem *self, const char *value)          \
  {                                                                           \
    g_return_if_fail (IKOU_IS_SYSTEM (self));                                 \
    set_string (self, &self->field, value, PROP);                             \
  }

#define VALUE_ACCESSORS(Type, field, PROP)                                    \
  Type ikou_system_get_##field (IkouSystem *self)                             \
  {                                                                           \
    g_return_val_if_fail (IKOU_IS_SYSTEM (self), (Type) 0);                   \
    return self->field;                                                       \
  }                                                                           \
  void ikou_system_set_##field (IkouSystem *self, Type value)                 \
  {                                                                           \
    g_return_if_fail (IKOU_IS_SYSTEM (self));                                 \
    if (self->field == value)                                                 \
      return;                                                                 \
    self->field = value;                                                      \
    emit_changed (self, PROP);                                                \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (department, PROP_DEPARTMENT)
STRING_ACCESSORS (vendor, PROP_VENDOR)
STRING_ACCESSORS (operation, PROP_OPERATION)
STRING_ACCESSORS (tokutei_reason, PROP_TOKUTEI_REASON)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_ACCESSORS (transitional_functions, PROP_TRANSITIONAL_FUNCTIONS)
VALUE_ACCESSORS (IkouDay, transitional_completion, PROP_TRANSITIONAL_COMPLETION)
VALUE_ACCESSORS (IkouDay, transitional_notified, PROP_TRANSITIONAL_NOTIFIED)
VALUE_ACCESSORS (guint, host, PROP_HOST)
VALUE_ACCESSORS (IkouDay, tokutei_deadline, PROP_TOKUTEI_DEADLINE)
VALUE_ACCESSORS (IkouStatus, status, PROP_STATUS)
VALUE_ACCESSORS (gint64, annual_cost, PROP_ANNUAL_COST)

gboolean
ikou_system_get_tokutei (IkouSystem *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), FALSE);
  return self->tokutei;
}

void
ikou_system_set_tokutei (IkouSystem *self,
                         gboolean    tokutei)
{
  g_return_if_fail (IKOU_IS_SYSTEM (self));

  tokutei = !!tokutei;
  if (self->tokutei == tokutei)
    return;
  self->tokutei = tokutei;
  emit_changed (self, PROP_TOKUTEI);
}

IkouTokuteiReason
ikou_system_get_tokutei_reason_kind (IkouSystem *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), IKOU_TOKUTEI_REASON_UNKNOWN);
  return self->tokutei_reason_kind;
}

void
ikou_system_set_tokutei_reason_kind (IkouSystem        *self,
                                     IkouTokuteiReason  kind)
{
  g_return_if_fail (IKOU_IS_SYSTEM (self));
  g_return_if_fail ((guint) kind < IKOU_N_TOKUTEI_REASONS);

  if (self->tokutei_reason_kind == kind)
    return;
  self->tokutei_reason_kind = kind;
  emit_changed (self, PROP_TOKUTEI_REASON_KIND);
}

gboolean
ikou_system_get_transitional (IkouSystem *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), FALSE);
  return self->transitional;
}

void
ikou_system_set_transitional (IkouSystem *self,
                              gboolean    transitional)
{
  g_return_if_fail (IKOU_IS_SYSTEM (self));

  transitional = !!transitional;
  if (self->transitional == transitional)
    return;
  self->transitional = transitional;
  emit_changed (self, PROP_TRANSITIONAL);
}

guint
ikou_system_get_n_steps (IkouSystem *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), 0);
  return self->steps->len;
}

const IkouStep *
ikou_system_get_step (IkouSystem *self,
                      guint       index)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, index);
}

const IkouStep * const *
ikou_system_peek_steps (IkouSystem *self,
                        guint      *n_steps)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM (self), NULL);
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = self->steps->len;
  return (const IkouStep * const *) self->steps->pdata;
}

void
ikou_system_set_step (IkouSystem     *self,
                      guint           index,
                      const IkouStep *step)
{
  IkouStep *mine;

  g_return_if_fail (IKOU_IS_SYSTEM (self));
  g_return_if_fail (index < self->steps->len);
  g_return_if_fail (step != NULL);

  mine = g_ptr_array_index (self->steps, index);
  if (ikou_step_equal (mine, step))
    return;
  ikou_step_assign (mine, step);
  emit_changed (self, PROP_0);
}

void
ikou_system_insert_step (IkouSystem     *self,
                         guint           index,
                         const IkouStep *step)
{
  g_return_if_fail (IKOU_IS_SYSTEM (self));
  g_return_if_fail (step != NULL);

  if (index > self->steps->len)
    index = self->steps->len;
  g_ptr_array_insert (self->steps, index, ikou_step_copy (step));
  emit_changed (self, PROP_N_STEPS);
}

void
ikou_system_remove_step (IkouSystem *self,
                         guint       index)
{
  g_return_if_fail (IKOU_IS_SYSTEM (self));
  g_return_if_fail (index < self->steps->len);

  g_ptr_array_remove_index (self->steps, index);
  emit_changed (self, PROP_N_STEPS);
}

guint
ikou_system_get_target_host (IkouSystem *self)
{
  const IkouStep *last;

  g_return_val_if_fail (IKOU_IS_SYSTEM (self), 0);

  if (self->steps->len == 0)
    return self->host;
  last = g_ptr_array_index (self->steps, self->steps->len - 1);
  return last->to_host != 0 ? last->to_host : self->host;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-host.h"
#include "ikou-model-private.h"
#include "ikou-object-fields.h"

struct _IkouHost
{
  GObject       parent_instance;
  guint         id;
  char         *name;
  IkouHostKind  kind;
  IkouDay       available_from;
  IkouDay       available_until;
  gint64        annual_cost;
  char         *note;
};

G_DEFINE_FINAL_TYPE (IkouHost, ikou_host, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_AVAILABLE_FROM,
  PROP_AVAILABLE_UNTIL,
  PROP_NOTE,
  PROP_ANNUAL_COST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every property is only its field (the kind is read as an int). */
G_STATIC_ASSERT (sizeof (IkouHostKind) == sizeof (int));
static const gsize property_fields[N_PROPS] = {
  [PROP_ID] = G_STRUCT_OFFSET (IkouHost, id),
  [PROP_NAME] = G_STRUCT_OFFSET (IkouHost, name),
  [PROP_KIND] = G_STRUCT_OFFSET (IkouHost, kind),
  [PROP_AVAILABLE_FROM] = G_STRUCT_OFFSET (IkouHost, available_from),
  [PROP_AVAILABLE_UNTIL] = G_STRUCT_OFFSET (IkouHost, available_until),
  [PROP_NOTE] = G_STRUCT_OFFSET (IkouHost, note),
  [PROP_ANNUAL_COST] = G_STRUCT_OFFSET (IkouHost, annual_cost),
};

static void
ikou_host_finalize (GObject *object)
{
  IkouHost *self = IKOU_HOST (object);

  g_free (self->name);
  g_free (self->note);

  G_OBJECT_CLASS (ikou_host_parent_class)->finalize (object);
}

static void
ikou_host_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    ikou_object_get_field (object, property_fields[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ikou_host_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IkouHost *self = IKOU_HOST (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_uint (value);
      break;
    case PROP_NAME:
      ikou_host_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      ikou_host_set_kind (self, g_value_get_int (value));
      break;
    case PROP_AVAILABLE_FROM:
      ikou_host_set_available_from (self, g_value_get_int (value));
      break;
    case PROP_AVAILABLE_UNTIL:
      ikou_host_set_available_until (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      ikou_host_set_note (self, g_value_get_string (value));
      break;
    case PROP_ANNUAL_COST:
      ikou_host_set_annual_cost (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_host_class_init (IkouHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ikou_host_finalize;
  object_class->get_property = ikou_host_get_property;
  object_class->set_property = ikou_host_set_property;

  properties[PROP_ID] =
    g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, IKOU_N_HOST_KINDS - 1, IKOU_HOST_OTHER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE_FROM] =
    g_param_spec_int ("available-from", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE_UNTIL] =
    g_param_spec_int ("available-until", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNUAL_COST] =
    g_param_spec_int64 ("annual-cost", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ikou_host_init (IkouHost *self)
{
  self->kind = IKOU_HOST_OTHER;
  self->annual_cost = -1;
}

IkouHost *
ikou_host_new (guint         id,
               const char   *name,
               IkouHostKind  kind)
{
  IkouHost *self = g_object_new (IKOU_TYPE_HOST, "id", id, NULL);

  self->name = g_strdup (name);
  self->kind = kind;

  return self;
}

IkouHost *
ikou_host_new_full (guint         id,
                    const char   *name,
                    IkouHostKind  kind,
                    IkouDay       available_from,
                    IkouDay       available_until,
                    const char   *note,
                    gint64        annual_cost)
{
  IkouHost *self = ikou_host_new (id, name, kind);

  ikou_host_set_available_from (self, available_from);
  ikou_host_set_available_until (self, available_until);
  ikou_host_set_note (self, note);
  ikou_host_set_annual_cost (self, annual_cost);

  return self;
}

guint
ikou_host_get_id (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), 0);
  return self->id;
}

void
_ikou_host_set_id (IkouHost *self,
                   guint     id)
{
  self->id = id;
}

const char *
ikou_host_get_name (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), NULL);
  return self->name;
}

void
ikou_host_set_name (IkouHost   *self,
                    const char *name)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  ikou_object_set_str (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

IkouHostKind
ikou_host_get_kind (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), IKOU_HOST_OTHER);
  return self->kind;
}

void
ikou_host_set_kind (IkouHost     *self,
                    IkouHostKind  kind)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  g_return_if_fail ((guint) kind < IKOU_N_HOST_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

IkouDay
ikou_host_get_available_from (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), IKOU_DAY_NONE);
  return self->available_from;
}

void
ikou_host_set_available_from (IkouHost *self,
                              IkouDay   day)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  ikou_object_set_int (G_OBJECT (self), &self->available_from, day,
                       properties[PROP_AVAILABLE_FROM]);
}

IkouDay
ikou_host_get_available_until (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), IKOU_DAY_NONE);
  return self->available_until;
}

void
ikou_host_set_available_until (IkouHost *self,
                               IkouDay   day)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  ikou_object_set_int (G_OBJECT (self), &self->available_until, day,
                       properties[PROP_AVAILABLE_UNTIL]);
}

const char *
ikou_host_get_note (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), NULL);
  return self->note;
}

void
ikou_host_set_note (IkouHost   *self,
                    const char *note)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  ikou_object_set_str (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}

gint64
ikou_host_get_annual_cost (IkouHost *self)
{
  g_return_val_if_fail (IKOU_IS_HOST (self), -1);
  return self->annual_cost;
}

void
ikou_host_set_annual_cost (IkouHost *self,
                           gint64    annual_cost)
{
  g_return_if_fail (IKOU_IS_HOST (self));
  g_return_if_fail (annual_cost >= -1);

  if (self->annual_cost == annual_cost)
    return;
  self->annual_cost = annual_cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_COST]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-object-fields.h"

gboolean
ikou_set_str (char       **field,
              const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
ikou_object_set_str (GObject     *object,
                     char       **field,
                     const char  *value,
                     GParamSpec  *pspec)
{
  if (ikou_set_str (field, value))
    g_object_notify_by_pspec (object, pspec);
}

void
ikou_object_set_int (GObject    *object,
                     int        *field,
                     int         value,
                     GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
ikou_object_get_field (GObject *object,
                       gsize    offset,
                       GValue  *value)
{
  gconstpointer field = G_STRUCT_MEMBER_P (object, offset);

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char * const *) field);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(const int *) field);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(const guint *) field);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(const gint64 *) field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(const gboolean *) field);
      break;
    default:
      g_assert_not_reached ();
    }
}

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

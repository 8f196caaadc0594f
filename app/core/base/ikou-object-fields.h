/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Setting a field behind a property: nothing happens, and nobody is
 * notified, when the field already holds the value.  (g_set_str() is
 * GLib 2.76; Debian 12 has 2.74.)
 */

/* Replaces *@field by a copy of @value unless they are equal (NULL only
 * equals NULL).  Returns whether *@field changed. */
gboolean ikou_set_str        (char       **field,
                              const char  *value);

/* ikou_set_str() and ikou's int fields (days, flags), notifying @pspec
 * of @object when the field changed. */
void     ikou_object_set_str (GObject     *object,
                              char       **field,
                              const char  *value,
                              GParamSpec  *pspec);
void     ikou_object_set_int (GObject     *object,
                              int         *field,
                              int          value,
                              GParamSpec  *pspec);

/* A property that is only a field: sets @value (a string, int, uint,
 * int64 or boolean, as its GParamSpec) from the field at @offset
 * (G_STRUCT_OFFSET) of @object.  An enumeration is an int field. */
void     ikou_object_get_field (GObject     *object,
                                gsize        offset,
                                GValue      *value);

G_END_DECLS

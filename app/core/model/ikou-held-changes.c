/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-held-changes.h"

void
ikou_held_changes_add_signals (GType  type,
                               GType  item_type,
                               GType  batch_type,
                               guint *changed,
                               guint *system_changed,
                               guint *systems_changed)
{
  *changed = g_signal_new ("changed", type, G_SIGNAL_RUN_LAST,
                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  *system_changed = g_signal_new ("system-changed", type, G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, item_type);
  /* The batch belongs to the emission: a listener copies what it keeps. */
  *systems_changed = g_signal_new ("systems-changed", type, G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   batch_type | G_SIGNAL_TYPE_STATIC_SCOPE);
}

void
ikou_held_changes_init (IkouHeldChanges *held,
                        GBoxedCopyFunc   key_ref,
                        GDestroyNotify   key_unref)
{
  held->depth = 0;
  held->keys = g_ptr_array_new_with_free_func (key_unref);
  held->set = g_hash_table_new (NULL, NULL);
  held->changed = FALSE;
  held->key_ref = key_ref;
  held->key_unref = key_unref;
}

void
ikou_held_changes_clear (IkouHeldChanges *held)
{
  g_clear_pointer (&held->keys, g_ptr_array_unref);
  g_clear_pointer (&held->set, g_hash_table_unref);
}

gboolean
ikou_held_changes_hold (IkouHeldChanges *held,
                        gpointer         key)
{
  if (held->depth == 0)
    return FALSE;
  if (g_hash_table_add (held->set, key))
    g_ptr_array_add (held->keys,
                     held->key_ref != NULL ? held->key_ref (key) : key);
  held->changed = TRUE;
  return TRUE;
}

gboolean
ikou_held_changes_hold_changed (IkouHeldChanges *held)
{
  if (held->depth == 0)
    return FALSE;
  held->changed = TRUE;
  return TRUE;
}

GPtrArray *
ikou_held_changes_take (IkouHeldChanges *held)
{
  GPtrArray *keys = g_steal_pointer (&held->keys);

  held->keys = g_ptr_array_new_with_free_func (held->key_unref);
  g_hash_table_remove_all (held->set);
  return keys;
}

gboolean
ikou_held_changes_take_changed (IkouHeldChanges *held)
{
  gboolean changed = held->changed;

  held->changed = FALSE;
  return changed;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * One notification per transaction, as IkouPlan (its systems) and
 * IkouScenario (the ids of systems whose edits changed) both give it:
 * between freeze_changes and thaw_changes an object emits no ::changed,
 * ::system-changed or ::systems-changed and holds back what changed
 * instead, each once, in the order of its first change.
 */
typedef struct
{
  guint          depth;    /* freeze_changes calls not yet thawed */
  GPtrArray     *keys;     /* what changed, first change first */
  GHashTable    *set;      /* the same keys, to add each once */
  gboolean       changed;  /* ::changed is owed */
  GBoxedCopyFunc key_ref;  /* what @keys holds of a key, or NULL: the key itself */
  GDestroyNotify key_unref;
} IkouHeldChanges;

/* Registers the three signals of the protocol on @type:
 * ::changed, ::system-changed (one @item_type) and, before it,
 * ::systems-changed (a @batch_type of every one that changed, each once:
 * one outside a freeze, all of them at the thaw). */
void       ikou_held_changes_add_signals (GType            type,
                                          GType            item_type,
                                          GType            batch_type,
                                          guint           *changed,
                                          guint           *system_changed,
                                          guint           *systems_changed);

/* @key_ref and @key_unref, both or neither: what the held keys keep. */
void       ikou_held_changes_init        (IkouHeldChanges *held,
                                          GBoxedCopyFunc   key_ref,
                                          GDestroyNotify   key_unref);
void       ikou_held_changes_clear       (IkouHeldChanges *held);

/* While frozen, hold back a change of @key (and ::changed) and return
 * TRUE; otherwise FALSE, and the caller notifies now. */
gboolean   ikou_held_changes_hold        (IkouHeldChanges *held,
                                          gpointer         key);
/* The same for ::changed alone. */
gboolean   ikou_held_changes_hold_changed (IkouHeldChanges *held);

/* At the thaw: the keys held back, first change first, and whether
 * ::changed is owed.  Both leave nothing held. */
GPtrArray *ikou_held_changes_take        (IkouHeldChanges *held);
gboolean   ikou_held_changes_take_changed (IkouHeldChanges *held);

G_END_DECLS

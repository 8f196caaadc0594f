/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/* Undo and redo for every edit of a plan, as commands with do/undo.
 * Commands hold ids and copies of values, never pointers that an undo
 * could leave dangling (a removed system or host is kept as a reference
 * plus its position and comes back with the same id).  Several commands
 * can be grouped into one transaction (a multi-system shift is one undo
 * step).
 *
 * Properties (all notify only on change): "plan" (construct-only),
 * "can-undo", "can-redo", "undo-label", "redo-label", "dirty".
 * Undo and redo are refused while a transaction is open. */

#define IKOU_TYPE_HISTORY (ikou_history_get_type ())
G_DECLARE_FINAL_TYPE (IkouHistory, ikou_history, IKOU, HISTORY, GObject)

IkouHistory *ikou_history_new                 (IkouPlan        *plan);
IkouPlan    *ikou_history_get_plan            (IkouHistory     *self);
gboolean     ikou_history_can_undo            (IkouHistory     *self);
gboolean     ikou_history_can_redo            (IkouHistory     *self);
/* A short label of the next undo/redo ("Move cut-over"), translated, or NULL. */
const char  *ikou_history_get_undo_label      (IkouHistory     *self);
const char  *ikou_history_get_redo_label      (IkouHistory     *self);
gboolean     ikou_history_undo                (IkouHistory     *self);
gboolean     ikou_history_redo                (IkouHistory     *self);
void         ikou_history_clear               (IkouHistory     *self);
/* Marks the current state as saved; ::notify::dirty follows undo/redo. */
void         ikou_history_set_clean           (IkouHistory     *self);
gboolean     ikou_history_get_dirty           (IkouHistory     *self);

/* Opens a transaction: every command until the matching end is one undo
 * step.  Nested begin/end pairs count depth; the outermost @label (already
 * translated; NULL = the first command's label) names the step.  An empty
 * transaction records nothing.  The plan's change signals are held back
 * until the end (ikou_plan_freeze_changes()), after the history's own
 * state is updated: one ::systems-changed and one ::changed for the
 * whole transaction.  Undo and redo do the same. */
void         ikou_history_begin               (IkouHistory     *self,
                                               const char      *label);
void         ikou_history_end                 (IkouHistory     *self);
gboolean     ikou_history_in_transaction      (IkouHistory     *self);

/* Each applies the change and records it. */
void         ikou_history_set_step            (IkouHistory     *self,
                                               IkouSystem      *system,
                                               guint            index,
                                               const IkouStep  *step);
/* Records a change already applied (a finished drag): @old_step is the
 * step before; the system holds the new one. */
void         ikou_history_record_step         (IkouHistory     *self,
                                               IkouSystem      *system,
                                               guint            index,
                                               const IkouStep  *old_step);
void         ikou_history_insert_step         (IkouHistory     *self,
                                               IkouSystem      *system,
                                               guint            index,
                                               const IkouStep  *step);
void         ikou_history_remove_step         (IkouHistory     *self,
                                               IkouSystem      *system,
                                               guint            index);
/* Sets a system property by GObject property name ("name", "department",
 * "vendor", "operation", "host", "tokutei", "tokutei-deadline",
 * "tokutei-reason", "status", "notes", "annual-cost"). */
void         ikou_history_set_system_property (IkouHistory     *self,
                                               IkouSystem      *system,
                                               const char      *property,
                                               const GValue    *value);
void         ikou_history_add_system          (IkouHistory     *self,
                                               guint            position,
                                               IkouSystem      *system);
void         ikou_history_remove_system       (IkouHistory     *self,
                                               IkouSystem      *system);
void         ikou_history_add_host            (IkouHistory     *self,
                                               IkouHost        *host);
/* Does not check that no system uses @host: the caller refuses that. */
void         ikou_history_remove_host         (IkouHistory     *self,
                                               IkouHost        *host);
/* Property names of IkouHost: "name", "kind", "available-from",
 * "available-until", "note", "annual-cost". */
void         ikou_history_set_host_property   (IkouHistory     *self,
                                               IkouHost        *host,
                                               const char      *property,
                                               const GValue    *value);
void         ikou_history_set_plan_property   (IkouHistory     *self,
                                               const char      *property,
                                               const GValue    *value);

/* Names the change from @a to @b in words a planner uses ("Move
 * cut-over"), translated. */
const char  *ikou_history_describe_step_change (const IkouStep *a,
                                                const IkouStep *b);

/* Scenarios.  A scenario's edits of one system are recorded as a whole:
 * take ikou_scenario_save_edits() before changing the scenario, then
 * record with it (NULL: the scenario had none).  Nothing is recorded
 * when nothing changed. */
void         ikou_history_record_scenario_edits (IkouHistory             *self,
                                                 IkouScenario            *scenario,
                                                 guint                    system_id,
                                                 const IkouScenarioEdits *before,
                                                 const char              *label);
/* The same, taking @before (many systems at once copy nothing). */
void         ikou_history_take_scenario_edits (IkouHistory             *self,
                                               IkouScenario            *scenario,
                                               guint                    system_id,
                                               IkouScenarioEdits       *before,
                                               const char              *label);
void         ikou_history_add_scenario        (IkouHistory     *self,
                                               guint            position,
                                               IkouScenario    *scenario);
void         ikou_history_remove_scenario     (IkouHistory     *self,
                                               IkouScenario    *scenario);
/* "name" or "description". */
void         ikou_history_set_scenario_property (IkouHistory   *self,
                                                 IkouScenario  *scenario,
                                                 const char    *property,
                                                 const GValue  *value);
/* Replaces every baseline step of @system (adopting a scenario): no
 * scenario is re-indexed. */
void         ikou_history_set_steps           (IkouHistory     *self,
                                               IkouSystem      *system,
                                               GPtrArray       *steps);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"
#include "ikou-override.h"
#include "ikou-step.h"

G_BEGIN_DECLS

#define IKOU_TYPE_SCENARIO (ikou_scenario_get_type ())
G_DECLARE_FINAL_TYPE (IkouScenario, ikou_scenario, IKOU, SCENARIO, GObject)

/* Where a step of a scenario's view comes from. */
typedef struct
{
  int baseline; /* index of the baseline step, or -1 */
  int added;    /* index among the scenario's added steps, or -1 */
} IkouStepOrigin;

/* The scenario's edits of one system, copied out for undo. */
typedef struct _IkouScenarioEdits IkouScenarioEdits;

/* A named what-if: edits on top of the baseline, never a copy of it.
 * Per system a scenario holds field overrides of the baseline's steps
 * (by step index; DROPPED leaves a step out), steps of its own appended
 * after the baseline's ("added steps"), and orphaned overrides: those
 * whose baseline step was removed, kept so that nothing a planner did is
 * lost silently (they apply to nothing and are reported).  Overrides of
 * a removed system are kept as they are (an undo can bring it back) and
 * are reported as orphaned by the plan (ikou_plan_count_orphans()). */
IkouScenario       *ikou_scenario_new            (const char          *name);
/* A new scenario with the same description and edits. */
IkouScenario       *ikou_scenario_copy           (IkouScenario        *self,
                                                  const char          *name);
/* Between freeze_changes and thaw_changes (pairs nest) the scenario
 * emits neither ::systems-changed, ::system-changed nor ::changed; the
 * thaw emits ::systems-changed once with the id of every system whose
 * edits changed, each once, in the order of its first change, then
 * ::system-changed for each if anyone listens to it, then ::changed
 * once.  A plan holds its scenarios' changes back with its own
 * (ikou_plan_freeze_changes()). */
void                ikou_scenario_freeze_changes (IkouScenario        *self);
void                ikou_scenario_thaw_changes   (IkouScenario        *self);
const char         *ikou_scenario_get_name       (IkouScenario        *self);
void                ikou_scenario_set_name       (IkouScenario        *self,
                                                  const char          *name);
const char         *ikou_scenario_get_description(IkouScenario        *self);
void                ikou_scenario_set_description(IkouScenario        *self,
                                                  const char          *description);
/* Sets (replaces) one override. */
void                ikou_scenario_set_override   (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                step,
                                                  IkouOverrideField    field,
                                                  gint64               value);
gboolean            ikou_scenario_remove_override(IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                step,
                                                  IkouOverrideField    field);
gboolean            ikou_scenario_lookup_override(IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                step,
                                                  IkouOverrideField    field,
                                                  gint64              *value);
/* All overrides, sorted by system, step and field (stable for files). */
guint               ikou_scenario_get_n_overrides(IkouScenario        *self);
const IkouOverride *ikou_scenario_get_override   (IkouScenario        *self,
                                                  guint                index);
gboolean            ikou_scenario_has_system     (IkouScenario        *self,
                                                  guint                system_id);
/* The overrides of one system, in no particular order (NULL if none). */
const IkouOverride *ikou_scenario_get_system_overrides (IkouScenario *self,
                                                        guint         system_id,
                                                        guint        *n_overrides);
/* Whether an override or an added step names host @host_id. */
gboolean            ikou_scenario_uses_host      (IkouScenario        *self,
                                                  guint                host_id);
/* The ids of the systems the scenario edits, ascending. */
GArray             *ikou_scenario_get_system_ids (IkouScenario        *self);

/* Added steps of a system, in order after the baseline's. */
guint               ikou_scenario_get_n_added_steps (IkouScenario   *self,
                                                     guint           system_id);
const IkouStep     *ikou_scenario_get_added_step    (IkouScenario   *self,
                                                     guint           system_id,
                                                     guint           index);
void                ikou_scenario_insert_added_step (IkouScenario   *self,
                                                     guint           system_id,
                                                     guint           index,
                                                     const IkouStep *step);
void                ikou_scenario_set_added_step    (IkouScenario   *self,
                                                     guint           system_id,
                                                     guint           index,
                                                     const IkouStep *step);
void                ikou_scenario_remove_added_step (IkouScenario   *self,
                                                     guint           system_id,
                                                     guint           index);

/* Orphaned overrides of a system (their step index is the one the step
 * had when it was removed). */
guint               ikou_scenario_get_n_orphans  (IkouScenario        *self,
                                                  guint                system_id);
const IkouOverride *ikou_scenario_get_orphan     (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                index);
void                ikou_scenario_add_orphan     (IkouScenario        *self,
                                                  const IkouOverride  *orphan);

/* The baseline removed (@delta -1) or inserted (@delta +1) step @index
 * of @system_id: overrides follow their steps; those of a removed step
 * become orphans. */
void                ikou_scenario_reindex_steps  (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                index,
                                                  int                  delta);

/* Everything the scenario holds for one system, for undo. */
/* The edits of @system_id as they are now (NULL: none), owned by the
 * scenario until its next change. */
const IkouScenarioEdits *ikou_scenario_peek_edits (IkouScenario   *self,
                                                  guint           system_id);
IkouScenarioEdits  *ikou_scenario_save_edits     (IkouScenario        *self,
                                                  guint                system_id);
void                ikou_scenario_restore_edits  (IkouScenario        *self,
                                                  guint                system_id,
                                                  const IkouScenarioEdits *edits);
void                ikou_scenario_edits_free     (IkouScenarioEdits   *edits);
IkouScenarioEdits  *ikou_scenario_edits_copy     (const IkouScenarioEdits *edits);
gboolean            ikou_scenario_edits_equal    (const IkouScenarioEdits *a,
                                                  const IkouScenarioEdits *b);

/* The steps of @system as the scenario sees them.  @self may be NULL
 * (the baseline).  A step filled in by get_step() borrows nothing that
 * needs freeing: its note is NULL. */
guint               ikou_scenario_get_n_steps    (IkouScenario        *self,
                                                  IkouSystem          *system);
gboolean            ikou_scenario_get_step       (IkouScenario        *self,
                                                  IkouSystem          *system,
                                                  guint                index,
                                                  IkouStep            *out,
                                                  IkouStepOrigin      *origin);
/* Fills @out with baseline step @index of @system_id as the scenario
 * changes it (dropping aside).  @self may be NULL. */
void                ikou_scenario_resolve_step   (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                index,
                                                  const IkouStep      *step,
                                                  IkouStep            *out);
/* Makes the scenario see @step at view position @index of @system:
 * overrides for the fields that differ from the baseline step (and none
 * for those equal to it), or the added step replaced. */
void                ikou_scenario_edit_step      (IkouScenario        *self,
                                                  IkouSystem          *system,
                                                  guint                index,
                                                  const IkouStep      *step);
/* Leaves view step @index out (a baseline step is dropped, an added
 * step is removed). */
void                ikou_scenario_drop_step      (IkouScenario        *self,
                                                  IkouSystem          *system,
                                                  guint                index);
/* Removes every edit of @system (back to the baseline). */
void                ikou_scenario_clear_system   (IkouScenario        *self,
                                                  guint                system_id);

gboolean            ikou_scenario_equal          (IkouScenario        *a,
                                                  IkouScenario        *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouScenarioEdits, ikou_scenario_edits_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-history.h"
#include "ikou-plan.h"
#include "ikou-plan-store.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

#define IKOU_TYPE_DOCUMENT (ikou_document_get_type ())
G_DECLARE_FINAL_TYPE (IkouDocument, ikou_document, IKOU, DOCUMENT, GObject)

/* Which milestones a shift moves. */
typedef enum
{
  IKOU_SHIFT_ALL,       /* budget request, contract and cut-over of every step */
  IKOU_SHIFT_CONTRACT,  /* contract and cut-over (the budget request stays) */
  IKOU_SHIFT_CUTOVER,   /* the cut-over only */
} IkouShiftMilestones;

/**
 * IkouDocument:
 *
 * One open plan, without any GTK: the plan and the store it came from
 * (a file or any #IkouPlanStore), the undo history and whether there are
 * unsaved changes, the national schedule and the day it is checked
 * against, the active scenario (%NULL: the baseline) and the one it is
 * compared with, and the findings of every system as the active scenario
 * sees them, re-checked one system at a time after an edit.
 *
 * Every edit goes through the document so that it lands where the
 * planner is looking: in the active scenario when there is one (as
 * overrides of the baseline), else in the baseline, and always in the
 * undo history.
 *
 * Properties: "plan", "history", "schedule" (construct-only), "store",
 * "today", "active-scenario", "compare-scenario", "comparing", "dirty",
 * "n-errors", "n-warnings", "n-infos", "title".
 *
 * Signals: ::view-changed (system id) when a system looks different in
 * the active scenario (a baseline edit or an edit of the scenario),
 * ::findings-reset (every system was re-checked: take
 * ikou_document_get_findings_by_system() again), ::system-findings-changed
 * (position, system id) after one system's re-check, ::saved.
 */

IkouDocument *ikou_document_new               (IkouPlan       *plan,
                                               IkouSchedule   *schedule);
/* Loads the plan of @store; the document remembers the store. */
IkouDocument *ikou_document_load              (IkouPlanStore  *store,
                                               IkouSchedule   *schedule,
                                               GError        **error);

IkouPlan     *ikou_document_get_plan          (IkouDocument   *self);
IkouHistory  *ikou_document_get_history       (IkouDocument   *self);
IkouSchedule *ikou_document_get_schedule      (IkouDocument   *self);
/* (nullable): a new plan has none until it is saved. */
IkouPlanStore *ikou_document_get_store        (IkouDocument   *self);
/* The store's file, or NULL. */
GFile        *ikou_document_get_file          (IkouDocument   *self);
void          ikou_document_set_store         (IkouDocument   *self,
                                               IkouPlanStore  *store);
/* The plan's title, else the store's name, else "Untitled plan". */
char         *ikou_document_dup_title         (IkouDocument   *self);
gboolean      ikou_document_get_dirty         (IkouDocument   *self);
/* Saves to the document's store (or @store, which then becomes the
 * document's: "save as"); on success the history is marked clean. */
gboolean      ikou_document_save              (IkouDocument   *self,
                                               IkouPlanStore  *store,
                                               GError        **error);
/* Grows with every change of the plan: autosave compares it. */
guint64       ikou_document_get_change_serial (IkouDocument   *self);

IkouDay       ikou_document_get_today         (IkouDocument   *self);
void          ikou_document_set_today         (IkouDocument   *self,
                                               IkouDay         today);

/* Scenarios */
IkouScenario *ikou_document_get_active_scenario (IkouDocument *self);
void          ikou_document_set_active_scenario (IkouDocument *self,
                                                 IkouScenario *scenario);
/* Compare mode: the other plan (NULL = the baseline) is drawn under the
 * active one. */
gboolean      ikou_document_get_comparing     (IkouDocument   *self);
IkouScenario *ikou_document_get_compare_scenario (IkouDocument *self);
void          ikou_document_set_compare       (IkouDocument   *self,
                                               gboolean        comparing,
                                               IkouScenario   *scenario);
/* Checks a name for a new or renamed scenario (@except: the scenario
 * being renamed).  Refuses an empty name, the baseline's name and one in
 * use. */
gboolean      ikou_document_check_scenario_name (IkouDocument *self,
                                                 const char   *name,
                                                 IkouScenario *except,
                                                 GError      **error);
/* A new scenario: empty (@from NULL, "as the baseline") or a copy of
 * @from.  Undoable.  Returns the scenario (transfer none). */
IkouScenario *ikou_document_add_scenario      (IkouDocument   *self,
                                               const char     *name,
                                               IkouScenario   *from,
                                               const char     *description,
                                               GError        **error);
gboolean      ikou_document_rename_scenario   (IkouDocument   *self,
                                               IkouScenario   *scenario,
                                               const char     *name,
                                               GError        **error);
void          ikou_document_describe_scenario (IkouDocument   *self,
                                               IkouScenario   *scenario,
                                               const char     *description);
/* Undoable; the baseline becomes active if @scenario was. */
void          ikou_document_delete_scenario   (IkouDocument   *self,
                                               IkouScenario   *scenario);
/* Makes @scenario the baseline: every system takes the steps the
 * scenario sees, the scenario is removed, and the old baseline is kept
 * as a new scenario named @keep_as (edits that bring it back).  The
 * other scenarios' edits follow the steps; those of a step @scenario
 * left out become orphans.  One undo step.  Returns the kept scenario (transfer none). */
IkouScenario *ikou_document_adopt_scenario    (IkouDocument   *self,
                                               IkouScenario   *scenario,
                                               const char     *keep_as,
                                               GError        **error);
/* "基準計画 2026-12-02" (a free name: "(2)" and on are added). */
char         *ikou_document_dup_adopt_name    (IkouDocument   *self);

/* Steps as the active scenario sees them, and edits of them. */
guint         ikou_document_get_n_steps       (IkouDocument   *self,
                                               IkouSystem     *system);
gboolean      ikou_document_get_step          (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               IkouStep       *out);
/* (transfer full) a copy of the step with its note. */
IkouStep     *ikou_document_dup_step          (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index);
void          ikou_document_set_step          (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               const IkouStep *step);
void          ikou_document_insert_step       (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               const IkouStep *step);
void          ikou_document_remove_step       (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index);
/* A live change during a drag: shown and checked, not recorded.  End
 * with commit (one undo step) or cancel (back to where it started). */
void          ikou_document_preview_step      (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               const IkouStep *step);
void          ikou_document_commit_preview    (IkouDocument   *self);
void          ikou_document_cancel_preview    (IkouDocument   *self);
/* Whether the active scenario changes @field of step @index; when it
 * does, @baseline_value is the baseline's (for dates an IkouDay, for
 * hosts an id).  FALSE for the baseline and for added steps. */
gboolean      ikou_document_is_overridden     (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               IkouOverrideField field,
                                               gint64         *baseline_value);
/* Whether step @index is one the active scenario added. */
gboolean      ikou_document_is_added_step     (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index);
/* Back to the baseline's value (undoable). */
void          ikou_document_revert_field      (IkouDocument   *self,
                                               IkouSystem     *system,
                                               guint           index,
                                               IkouOverrideField field);

/* Many systems at once, as one undo step, in @scenario (NULL: the
 * baseline).  Nothing changes when any result would be refused. */
gboolean      ikou_document_shift             (IkouDocument   *self,
                                               IkouScenario   *scenario,
                                               GPtrArray      *systems,
                                               int             months,
                                               IkouShiftMilestones which,
                                               GError        **error);
/* Sets the to-host (and, @standard_compliant >= 0, the flag) of each
 * system's last step. */
gboolean      ikou_document_retarget          (IkouDocument   *self,
                                               IkouScenario   *scenario,
                                               GPtrArray      *systems,
                                               guint           host_id,
                                               int             standard_compliant,
                                               GError        **error);

/* Sets a system property (as ikou_history_set_system_property()) of
 * every system that differs, as one undo step.  Properties are the
 * baseline's: scenarios do not change them. */
void          ikou_document_set_systems_property (IkouDocument *self,
                                                  GPtrArray    *systems,
                                                  const char   *property,
                                                  const GValue *value);

/* Milestones of the baseline whose day is before @before (NULL day:
 * the document's today) and that are not marked done, in plan order;
 * systems marked 完了済み or 対象外 have none.  Catching up a plan made
 * years ago starts here. */
typedef struct
{
  guint          system_id;
  guint          step;
  IkouMilestone  milestone;
  IkouDay        day;
} IkouMilestoneRef;

GArray       *ikou_document_find_overdue      (IkouDocument   *self,
                                               IkouDay         before);
/* The same for @systems only (a selection). */
GArray       *ikou_document_find_overdue_of   (IkouDocument   *self,
                                               GPtrArray      *systems,
                                               IkouDay         before);
/* Marks the milestones done in the baseline, as one undo step.  Returns
 * how many changed. */
guint         ikou_document_mark_done         (IkouDocument   *self,
                                               GArray         *milestones);

/* Findings of the active scenario. */
guint         ikou_document_get_n_errors      (IkouDocument   *self);
guint         ikou_document_get_n_warnings    (IkouDocument   *self);
guint         ikou_document_get_n_infos       (IkouDocument   *self);
/* Per plan position the system's findings (NULL = none); the arrays are
 * replaced, never changed, so a view may keep a reference. */
GPtrArray    *ikou_document_get_findings_by_system (IkouDocument *self);
/* (nullable) (transfer none) */
GPtrArray    *ikou_document_get_system_findings (IkouDocument *self,
                                                 IkouSystem   *system);
/* The worst severity of a system's findings, or IKOU_N_SEVERITIES. */
IkouSeverity  ikou_document_get_worst_severity (IkouDocument  *self,
                                                guint          system_id,
                                                guint         *n_findings);
/* (transfer full): every finding in plan order, copies. */
GPtrArray    *ikou_document_copy_findings     (IkouDocument   *self);
/* The position of a system in the plan, from its id. */
gboolean      ikou_document_get_system_position (IkouDocument *self,
                                                 guint         system_id,
                                                 guint        *position);
/* Runs the re-checks waiting for the main loop now. */
void          ikou_document_flush             (IkouDocument   *self);
void          ikou_document_recheck_all       (IkouDocument   *self);

G_END_DECLS

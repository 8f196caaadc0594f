/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of IkouDocument share: ikou-document.c (the object, its
 * properties and signals, the store, the day), -findings.c (the findings
 * per system and their re-checks), -scenarios.c (the scenario shown and
 * the one compared, adding, renaming, adopting), -steps.c (the steps as
 * the shown scenario sees them, drags) and -bulk.c (many systems at
 * once, catching up).  Nothing else includes this file. */

#include "ikou-document.h"

G_BEGIN_DECLS

struct _IkouDocument
{
  GObject        parent_instance;

  IkouPlan      *plan;
  IkouHistory   *history;
  IkouSchedule  *schedule;
  IkouPlanStore *store;
  IkouDay        today;
  guint64        change_serial;

  IkouScenario  *active;
  IkouScenario  *compare;
  gboolean       comparing;

  /* Findings of the active scenario: per plan position the system's
   * array (NULL = none; replaced, never changed), each system id's
   * position + 1, each id's packed summary, and the counts. */
  GPtrArray     *system_findings;
  GPtrArray     *removed_findings; /* the active scenario's edits of removed systems */
  GHashTable    *positions;
  GHashTable    *summary;
  guint          n_errors;
  guint          n_warnings;
  guint          n_infos;
  GHashTable    *pending;       /* system ids waiting for a re-check */
  GPtrArray     *scratch;       /* empty: the findings of the next re-check */
  guint          recheck_id;

  /* A drag in progress. */
  IkouSystem        *preview_system;
  guint              preview_index;
  IkouStep          *preview_old;    /* baseline step before the drag */
  IkouScenario      *preview_scenario;
  IkouScenarioEdits *preview_before; /* the scenario's edits before the drag */
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  PROP_SCHEDULE,
  PROP_STORE,
  PROP_TODAY,
  PROP_ACTIVE_SCENARIO,
  PROP_COMPARE_SCENARIO,
  PROP_COMPARING,
  PROP_DIRTY,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  PROP_TITLE,
  N_PROPS
};

extern GParamSpec *_ikou_document_properties[N_PROPS];

enum {
  VIEW_CHANGED,
  FINDINGS_RESET,
  SYSTEM_FINDINGS_CHANGED,
  SAVED,
  N_SIGNALS
};

extern guint _ikou_document_signals[N_SIGNALS];

/* ikou-document-findings.c: handlers that queue re-checks */
void       _ikou_document_plan_systems_changed_cb     (IkouDocument *self,
                                                       GPtrArray    *systems);
void       _ikou_document_scenario_systems_changed_cb (IkouDocument *self,
                                                       GArray       *ids);

/* ikou-document-scenarios.c */
void       _ikou_document_plan_scenarios_changed_cb   (IkouDocument *self);

/* ikou-document-steps.c */
GPtrArray *_ikou_document_dup_steps                   (IkouScenario *scenario,
                                                       IkouSystem   *system);
void       _ikou_document_clear_preview               (IkouDocument *self);

G_END_DECLS

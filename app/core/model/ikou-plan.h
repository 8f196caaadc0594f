/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ikou-types.h"
#include "ikou-host.h"
#include "ikou-system.h"
#include "ikou-scenario.h"

G_BEGIN_DECLS

#define IKOU_TYPE_PLAN (ikou_plan_get_type ())
G_DECLARE_FINAL_TYPE (IkouPlan, ikou_plan, IKOU, PLAN, GObject)

/* A plan is a GListModel of its IkouSystems, in display order.  It
 * re-emits every system's ::changed as ::systems-changed (a GPtrArray
 * of the systems that changed, borrowed for the emission) and then
 * ::system-changed (one system), and emits ::hosts-changed when a host
 * is added, removed or edited; ::changed follows every change. */
IkouPlan     *ikou_plan_new                 (void);
const char   *ikou_plan_get_organization    (IkouPlan     *self);
void          ikou_plan_set_organization    (IkouPlan     *self,
                                             const char   *organization);
/* 全国地方公共団体コード (6 digits) or NULL. */
const char   *ikou_plan_get_org_code        (IkouPlan     *self);
void          ikou_plan_set_org_code        (IkouPlan     *self,
                                             const char   *org_code);
const char   *ikou_plan_get_title           (IkouPlan     *self);
void          ikou_plan_set_title           (IkouPlan     *self,
                                             const char   *title);
const char   *ikou_plan_get_description     (IkouPlan     *self);
void          ikou_plan_set_description     (IkouPlan     *self,
                                             const char   *description);
/* The version of the national schedule the plan was made against, or NULL. */
const char   *ikou_plan_get_schedule_version(IkouPlan     *self);
void          ikou_plan_set_schedule_version(IkouPlan     *self,
                                             const char   *version);

/* The running cost of a reference fiscal year (FY2018, 平成30年度, the
 * national reference for the 3割削減 goal by default), 千円/年; -1 unknown. */
#define IKOU_PLAN_REFERENCE_FY 2018
#define IKOU_PLAN_MIN_FY 1900
#define IKOU_PLAN_MAX_FY 2199
int           ikou_plan_get_reference_fy    (IkouPlan     *self);
void          ikou_plan_set_reference_fy    (IkouPlan     *self,
                                             int           fy);
gint64        ikou_plan_get_reference_cost  (IkouPlan     *self);
void          ikou_plan_set_reference_cost  (IkouPlan     *self,
                                             gint64        cost);

/* Hosts. */
GListModel   *ikou_plan_get_hosts           (IkouPlan     *self);
guint         ikou_plan_get_n_hosts         (IkouPlan     *self);
IkouHost     *ikou_plan_get_host            (IkouPlan     *self,
                                             guint         position);
IkouHost     *ikou_plan_lookup_host         (IkouPlan     *self,
                                             guint         id);
/* Adds @host (its id must be unused; 0 assigns the next free one). */
void          ikou_plan_add_host            (IkouPlan     *self,
                                             IkouHost     *host);
void          ikou_plan_insert_host         (IkouPlan     *self,
                                             guint         position,
                                             IkouHost     *host);
void          ikou_plan_remove_host         (IkouPlan     *self,
                                             IkouHost     *host);
guint         ikou_plan_next_host_id        (IkouPlan     *self);

/* Systems (the GListModel items). */
guint         ikou_plan_get_n_systems       (IkouPlan     *self);
IkouSystem   *ikou_plan_get_system          (IkouPlan     *self,
                                             guint         position);
IkouSystem   *ikou_plan_lookup_system       (IkouPlan     *self,
                                             guint         id);
gboolean      ikou_plan_find_system         (IkouPlan     *self,
                                             IkouSystem   *system,
                                             guint        *position);
/* Adds @system (its id must be unused; 0 assigns the next free one). */
void          ikou_plan_add_system          (IkouPlan     *self,
                                             IkouSystem   *system);
void          ikou_plan_insert_system       (IkouPlan     *self,
                                             guint         position,
                                             IkouSystem   *system);
void          ikou_plan_remove_system       (IkouPlan     *self,
                                             IkouSystem   *system);
guint         ikou_plan_next_system_id      (IkouPlan     *self);

/* The ids handed out next by add_system()/add_host() with id 0 (the two
 * getters above).  They only grow: removing the system or host with the
 * highest id does not give its id out again, so a scenario override that
 * still names a removed system never attaches to a new, unrelated one.
 * Documents save them and readers restore them after loading.  A value
 * below the current one is ignored (the plan never hands out an id in
 * use, and never takes back one it handed out); 0 leaves a counter as
 * it is.  Emits ::changed when a counter grows. */
void          ikou_plan_set_next_ids        (IkouPlan     *self,
                                             guint         next_system_id,
                                             guint         next_host_id);

/* Scenarios. */
guint         ikou_plan_get_n_scenarios     (IkouPlan     *self);
IkouScenario *ikou_plan_get_scenario        (IkouPlan     *self,
                                             guint         index);
IkouScenario *ikou_plan_lookup_scenario     (IkouPlan     *self,
                                             const char   *name);
/* The same, but a missing @name is an IKOU_ERROR_NOT_FOUND error that
 * says so (the message every command that takes a scenario prints). */
IkouScenario *ikou_plan_require_scenario    (IkouPlan     *self,
                                             const char   *name,
                                             GError      **error);
gboolean      ikou_plan_find_scenario       (IkouPlan     *self,
                                             IkouScenario *scenario,
                                             guint        *position);
void          ikou_plan_add_scenario        (IkouPlan     *self,
                                             IkouScenario *scenario);
void          ikou_plan_insert_scenario     (IkouPlan     *self,
                                             guint         position,
                                             IkouScenario *scenario);
void          ikou_plan_remove_scenario     (IkouPlan     *self,
                                             IkouScenario *scenario);

/* The set of systems of large plans is added in bulk by readers: no
 * per-item signal until the end. */
void          ikou_plan_begin_bulk          (IkouPlan     *self);
void          ikou_plan_end_bulk            (IkouPlan     *self);

/* Many edits, one notification.  Between freeze_changes and
 * thaw_changes (pairs nest; the outermost counts) the plan emits
 * neither ::systems-changed, ::system-changed nor ::changed, and its
 * scenarios (those it holds then, or gets meanwhile) hold theirs back
 * too.  The thaw lets the scenarios go first, then emits
 * ::systems-changed once with every system that changed, each once, in
 * the order of its first change (only those still in the plan), then
 * ::system-changed for each of them if anyone listens to it, then
 * ::changed once.  ::items-changed, ::hosts-changed and
 * ::scenarios-changed are not held back.  The history holds changes
 * back for each transaction, undo and redo. */
void          ikou_plan_freeze_changes      (IkouPlan     *self);
void          ikou_plan_thaw_changes        (IkouPlan     *self);

/* Deep comparison of content, the next ids included (for tests and
 * round trips). */
gboolean      ikou_plan_equal               (IkouPlan     *a,
                                             IkouPlan     *b,
                                             char        **out_difference);

G_END_DECLS

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
 * re-emits every system's ::changed as ::system-changed, and emits
 * ::hosts-changed when a host is added, removed or edited. */
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

/* Scenarios. */
guint         ikou_plan_get_n_scenarios     (IkouPlan     *self);
IkouScenario *ikou_plan_get_scenario        (IkouPlan     *self,
                                             guint         index);
IkouScenario *ikou_plan_lookup_scenario     (IkouPlan     *self,
                                             const char   *name);
void          ikou_plan_add_scenario        (IkouPlan     *self,
                                             IkouScenario *scenario);
void          ikou_plan_remove_scenario     (IkouPlan     *self,
                                             IkouScenario *scenario);

/* The set of systems of large plans is added in bulk by readers: no
 * per-item signal until the end. */
void          ikou_plan_begin_bulk          (IkouPlan     *self);
void          ikou_plan_end_bulk            (IkouPlan     *self);

/* Deep comparison of content (for tests and round trips). */
gboolean      ikou_plan_equal               (IkouPlan     *a,
                                             IkouPlan     *b,
                                             char        **out_difference);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-host.h"
#include "ikou-system.h"

G_BEGIN_DECLS

/* Only IkouPlan assigns ids, when an item is added with id 0. */
void _ikou_host_set_id   (IkouHost   *self,
                          guint       id);
void _ikou_system_set_id (IkouSystem *self,
                          guint       id);

/* The plan a system is in hears of its changes by a direct call, before
 * the system's ::changed: 34,592 systems each with a signal handler make
 * every emission look through a large handler table (half the time of a
 * bulk edit's step changes). */
void _ikou_system_set_plan     (IkouSystem *self,
                                IkouPlan   *plan);
void _ikou_plan_system_changed (IkouPlan   *self,
                                IkouSystem *system);

G_END_DECLS

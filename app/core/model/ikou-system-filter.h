/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Chooses systems of a plan, for the operations on many systems at once
 * (ikou scenario shift/retarget; the window's "select all that match").
 *
 * A filter is "KEY=VALUE"; several filters must all hold.  Keys:
 * department, vendor (the text, ignoring case), operation (the national
 * id or any of its names), host (today's host: id or name), target (the
 * kind of the host the last step moves to, as in files: gov-cloud,
 * shared-cloud, …, or the kind's label), fy (the fiscal year of the last
 * step's cut-over: 2025, R7, 令和7年度) and all=1.  @scenario (may be
 * NULL) is the plan the target and fy are read in.  An unknown key or a
 * value that cannot mean anything is an IKOU_ERROR_INVALID_OPTION error.
 * Returns the matching systems in plan order (maybe none). */
GPtrArray *ikou_system_filter_select  (IkouPlan            *plan,
                                       IkouScenario        *scenario,
                                       IkouSchedule        *schedule,
                                       const char * const  *filters,
                                       GError             **error);
/* "3,7,12": the systems with those ids, in the given order; an id that is
 * not in the plan is an error. */
GPtrArray *ikou_system_filter_by_ids  (IkouPlan            *plan,
                                       const char          *ids,
                                       GError             **error);
/* The keys, for messages and help. */
const char *ikou_system_filter_keys   (void);

G_END_DECLS

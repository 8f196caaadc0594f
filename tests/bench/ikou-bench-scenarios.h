/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Prints the scenario figures (switch, shift + save, compare frame) for
 * @plan as JSON lines. */
void ikou_bench_scenarios (IkouPlan     *plan,
                           IkouSchedule *schedule,
                           IkouDay       today,
                           const char   *tmpdir,
                           gboolean      quick);

G_END_DECLS

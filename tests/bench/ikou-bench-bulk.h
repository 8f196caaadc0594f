/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Prints the figures of operations on many selected systems (a bulk
 * shift with its re-check, and its undo) for @plan as JSON lines. */
void ikou_bench_bulk (IkouPlan     *plan,
                      IkouSchedule *schedule,
                      IkouDay       today);

G_END_DECLS

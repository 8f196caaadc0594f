/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/* Figures of the Digital Agency (see shared/domain/standardization.md, "Scale"). */
#define IKOU_BENCH_NATIONAL_SYSTEMS 34592
#define IKOU_BENCH_NATIONAL_BODIES  1788   /* 47 prefectures + 1,741 municipalities */
#define IKOU_BENCH_MAX_BODIES       10000

/* The day the generated plans are "as of": milestones before it are
 * (mostly) marked done.  Check generated plans with this day as today
 * so status.overdue fires a few times instead of on every milestone. */
IkouDay   ikou_bench_today           (void);

/* The number of bodies a plan of @n_systems gets when none is given:
 * proportional to the national figures (34,592 → 1,788, 2,000 → 103,
 * 17 → 1), at least 1. */
guint     ikou_bench_default_bodies  (guint n_systems);

/* The check digit of a 全国地方公共団体コード: weights 6,5,4,3,2 on the
 * first five digits, r = sum mod 11, check = (11 − r) mod 10.
 * @code5 holds the five digits as characters. */
int       ikou_bench_code_check_digit (const char *code5);

/* A national-scale plan, the same for the same arguments on every
 * machine.  @n_bodies 0 uses ikou_bench_default_bodies().  The 20
 * operations come from ikou_schedule_load_default() (a built-in copy of
 * their ids is used, with a warning, when no schedule loads). */
IkouPlan *ikou_bench_generate_plan   (guint   n_systems,
                                      guint   n_bodies,
                                      guint32 seed);

G_END_DECLS

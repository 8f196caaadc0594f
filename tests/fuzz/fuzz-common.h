/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* What the libFuzzer targets share: the two entry points, fatal logs, the
 * schedule, and the checks every reader's outcome must pass.  A failed
 * check abort()s, which the fuzzer reports with the input. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Makes a GLib critical or warning fatal: it is a bug whatever the input,
 * and the fuzzer should see it. */
void          fuzz_init            (void);
/* fuzz_init(), and the default schedule loaded once (operation names come
 * from it); the program ends when there is none. */
IkouSchedule *fuzz_init_schedule   (void);
/* Exactly one of @result and @error, and an error names @file (at its
 * start when @at_start, anywhere in it otherwise).  Returns whether there
 * is a result to go on with. */
gboolean      fuzz_check_outcome   (gconstpointer  result,
                                    const GError  *error,
                                    const char    *file,
                                    gboolean       at_start);
/* @again must be a plan equal to @plan (a read back of what it wrote). */
void          fuzz_check_same_plan (IkouPlan      *plan,
                                    IkouPlan      *again);

G_END_DECLS

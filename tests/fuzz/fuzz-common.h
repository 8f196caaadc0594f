/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* What the libFuzzer targets of the readers share: the entry points, fatal
 * logs (LLVMFuzzerInitialize is here), the schedule, and the checks every
 * reader's outcome must pass.  A failed check abort()s, which the fuzzer
 * reports with the input. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The default schedule, loaded once (operation names come from it); the
 * program ends when there is none. */
IkouSchedule *fuzz_get_schedule    (void);
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

/* @plan written as a table (CSV) reads back the same. */
void          fuzz_check_table_round_trip (IkouPlan *plan);

/* A reader and a writer of one format. */
typedef IkouPlan *(*FuzzRead)  (const char  *data,
                                gsize        size,
                                const char  *name,
                                GError     **error);
typedef char     *(*FuzzWrite) (IkouPlan    *plan,
                                gsize       *length);

/* Reads @data as "fuzz.<@suffix>" and checks the outcome
 * (fuzz_check_outcome()); whatever was read writes back, reads back the
 * same, and writes the same bytes again.  Returns 0 for libFuzzer. */
int           fuzz_round_trip      (const uint8_t *data,
                                    size_t         size,
                                    const char    *suffix,
                                    gboolean       at_start,
                                    FuzzRead       read,
                                    FuzzWrite      write);

G_END_DECLS

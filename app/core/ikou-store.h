/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/* The schema version written to PRAGMA user_version.  A file of any
 * version from 1 up to this one is read; a higher one is refused as
 * IKOU_ERROR_NEWER_VERSION.  A save always writes this version.
 *
 * 1  the first format.
 * 2  the plan row has next_system_id and next_host_id (nullable; a
 *    version 2 save always fills them): the ids the plan hands out next,
 *    so that an id removed from the top is not handed out again after a
 *    reopen.  A version 1 file has no such columns; its counters are one
 *    past the highest ids, as before.
 * 3  scenarios hold every step field and more: overrides have a value
 *    column per kind (day, host_id, number, arrangement) and an orphaned
 *    flag (the override of a removed baseline step; only non-orphans are
 *    unique per system, step and field); the table added_steps holds the
 *    steps a scenario adds after a system's baseline steps.  Files of
 *    versions 1 and 2 have only date and to-host overrides and no added
 *    steps.
 * 4  costs: plan.reference_fy and plan.reference_cost (the running cost
 *    of the reference fiscal year), annual_cost on hosts, systems (today),
 *    steps and added_steps (after the cut-over), thousand yen a year,
 *    NULL unknown, never negative; a step's needs a cut-over date.  The
 *    override field "annual-cost" uses the number column.  Files of
 *    versions 1 to 3 read as having no costs (the reference year FY2018). */
#define IKOU_STORE_VERSION 4
/* The first version with costs (kept apart so that another change of the
 * schema can take its own number). */
#define IKOU_STORE_VERSION_COSTS 4

/* Reads a native .ikou (SQLite) plan.  A non-SQLite file, a database that
 * is not an Ikou plan, a plan from a newer version or a damaged file is
 * an IKOU_ERROR with a sentence naming the file; nothing is changed. */
IkouPlan *ikou_store_load (const char  *path,
                           GError     **error);
/* Writes @plan to @path atomically: into a temporary file beside it, in
 * one transaction, then renamed over @path.  A crash mid-save leaves the
 * old file intact. */
gboolean  ikou_store_save (IkouPlan    *plan,
                           const char  *path,
                           GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-file-stamp.h"
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
 * 4  the table checksum holds a checksum of every row of the other tables
 *    (see ikou_store_compute_checksum()); a load compares it, so a change
 *    made outside Ikou, or damage SQLite cannot see (a flipped bit in a
 *    text), is reported instead of read as the plan.  Files of versions 1
 *    to 3 have no checksum.
 * 5  costs: plan.reference_fy and plan.reference_cost (the running cost
 *    of the reference fiscal year), annual_cost on hosts, systems (today),
 *    steps and added_steps (after the cut-over), thousand yen a year,
 *    NULL unknown, never negative; a step's needs a cut-over date.  The
 *    override field "annual-cost" uses the number column.  Files of
 *    versions 1 to 4 read as having no costs (the reference year FY2018). */
#define IKOU_STORE_VERSION 5
/* The first versions with a checksum and with costs. */
#define IKOU_STORE_VERSION_CHECKSUM 4
#define IKOU_STORE_VERSION_COSTS 5

/* Reads a native .ikou (SQLite) plan.  A non-SQLite file, a database that
 * is not an Ikou plan, a plan from a newer version or a damaged file is
 * an IKOU_ERROR with a sentence naming the file; nothing is changed. */
IkouPlan *ikou_store_load (const char  *path,
                           GError     **error);

typedef enum
{
  IKOU_STORE_LOAD_DEFAULT          = 0,
  /* Read a plan whose content does not match its checksum (the user was
   * told, and chose to open it anyway). */
  IKOU_STORE_LOAD_IGNORE_CHECKSUM  = 1 << 0,
} IkouStoreLoadFlags;

/* As ikou_store_load(); a version 4 file whose content does not match its
 * checksum is IKOU_ERROR_CHECKSUM unless @flags say to ignore it. */
IkouPlan *ikou_store_load_full (const char          *path,
                                IkouStoreLoadFlags   flags,
                                GError             **error);

/* Only for measuring what the checksum costs (tests/bench): saves without
 * it, so that the file reads as damaged. */
gboolean  ikou_store_save_without_checksum (IkouPlan    *plan,
                                            const char  *path,
                                            GError     **error);

/* The checksum of the plan in the .ikou file at @path as 32 hex digits
 * (newly allocated), computed as a save stores it; NULL with @error when
 * the file cannot be read.  For tests and the bench. */
char     *ikou_store_compute_checksum (const char  *path,
                                       GError     **error);
/* Writes @plan to @path atomically: into a temporary file beside it, in
 * one transaction, then renamed over @path.  A crash mid-save leaves the
 * old file intact. */
gboolean  ikou_store_save (IkouPlan    *plan,
                           const char  *path,
                           GError     **error);
/* As ikou_store_save(), but refused (IKOU_ERROR_CHANGED_ON_DISK) when
 * @path is no longer what @expected (if not NULL) saw. */
gboolean  ikou_store_save_checked (IkouPlan            *plan,
                                   const char          *path,
                                   const IkouFileStamp *expected,
                                   GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-file-stamp.h"
#include "ikou-lock.h"
#include "ikou-plan.h"

G_BEGIN_DECLS

/*
 * A plan opened from a file that others may open too (a share): the lock
 * beside it (ikou-lock) while it is open for writing, and what was opened
 * (ikou-file-stamp), so that a save never silently replaces someone
 * else's work.  The document layer of the window and the command line
 * hold one per open plan.
 */

typedef enum
{
  IKOU_PLAN_FILE_NONE      = 0,
  IKOU_PLAN_FILE_READ_ONLY = 1 << 0, /* no lock; saves refused */
  IKOU_PLAN_FILE_FORCE     = 1 << 1, /* open even when someone else has it open */
} IkouPlanFileFlags;

typedef struct _IkouPlanFile IkouPlanFile;

/* Opens the plan at @path (.ikou or Ikou XML).  Unless READ_ONLY, takes
 * the lock: when someone else holds it, fails with IKOU_ERROR_LOCKED (and
 * *@out_owner says who) unless FORCE.  *@out_plan gets the plan. */
IkouPlanFile *ikou_plan_file_open             (const char         *path,
                                               IkouPlanFileFlags   flags,
                                               IkouPlan          **out_plan,
                                               IkouLockOwner     **out_owner,
                                               GError            **error);
const char   *ikou_plan_file_get_path         (IkouPlanFile       *self);
gboolean      ikou_plan_file_is_read_only     (IkouPlanFile       *self);
/* Whether the file is no longer what was opened or last saved (someone
 * else saved it).  Reads the file only when its identity changed. */
gboolean      ikou_plan_file_changed_on_disk  (IkouPlanFile       *self);
/* Saves @plan over the file.  Refused when the plan was opened
 * read-only (IKOU_ERROR_LOCKED), when another planner has since taken the
 * lock (IKOU_ERROR_LOCKED) or when the file changed on disk since it was
 * opened or last saved (IKOU_ERROR_CHANGED_ON_DISK) — unless @force. */
gboolean      ikou_plan_file_save             (IkouPlanFile       *self,
                                               IkouPlan           *plan,
                                               gboolean            force,
                                               GError            **error);
/* Keeps the lock from looking stale; call every few minutes. */
void          ikou_plan_file_refresh_lock     (IkouPlanFile       *self);
/* Releases the lock and frees @self. */
void          ikou_plan_file_close            (IkouPlanFile       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouPlanFile, ikou_plan_file_close)

G_END_DECLS

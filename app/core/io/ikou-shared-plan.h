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
 * else's work.  The window's document layer holds one per open plan.
 * The command line, which writes a plan in one go, takes the lock only
 * for the write and checks the stamp it read (_ikou_cli_save_plan_shared()).
 */

typedef enum
{
  IKOU_SHARED_PLAN_NONE      = 0,
  IKOU_SHARED_PLAN_READ_ONLY = 1 << 0, /* no lock; saves refused */
  IKOU_SHARED_PLAN_FORCE     = 1 << 1, /* open even when someone else has it open */
} IkouSharedPlanFlags;

typedef struct _IkouSharedPlan IkouSharedPlan;

/* Opens the plan at @path (.ikou or Ikou XML).  Unless READ_ONLY, takes
 * the lock: when someone else holds it, fails with IKOU_ERROR_LOCKED (and
 * *@out_owner says who) unless FORCE.  *@out_plan gets the plan. */
IkouSharedPlan *ikou_shared_plan_open             (const char         *path,
                                               IkouSharedPlanFlags   flags,
                                               IkouPlan          **out_plan,
                                               IkouLockOwner     **out_owner,
                                               GError            **error);
const char   *ikou_shared_plan_get_path         (IkouSharedPlan       *self);
gboolean      ikou_shared_plan_is_read_only     (IkouSharedPlan       *self);
/* Whether the file is no longer what was opened or last saved (someone
 * else saved it).  Reads the file only when its identity changed. */
gboolean      ikou_shared_plan_changed_on_disk  (IkouSharedPlan       *self);
/* Saves @plan over the file.  Refused when the plan was opened
 * read-only (IKOU_ERROR_LOCKED), when another planner has since taken the
 * lock (IKOU_ERROR_LOCKED) or when the file changed on disk since it was
 * opened or last saved (IKOU_ERROR_CHANGED_ON_DISK) — unless @force. */
gboolean      ikou_shared_plan_save             (IkouSharedPlan       *self,
                                               IkouPlan           *plan,
                                               gboolean            force,
                                               GError            **error);
/* Keeps the lock from looking stale; call every few minutes. */
void          ikou_shared_plan_refresh_lock     (IkouSharedPlan       *self);
/* Releases the lock and frees @self. */
void          ikou_shared_plan_close            (IkouSharedPlan       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouSharedPlan, ikou_shared_plan_close)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * "Someone else has it open."  A plan that is open for writing has a
 * lock file beside it,
 *
 *     .<plan name>.ikou-lock
 *
 * a small key file (UTF-8) with the user, the machine, the process, the
 * time it was taken and a random token, which any Ikou on any machine of
 * a share reads.  A lock is stale, and taken over without asking, when it
 * was made on this machine by a process that no longer runs (or before the
 * machine last started), or when the file is older than
 * IKOU_LOCK_STALE_SECONDS (its holder refreshes it meanwhile with
 * ikou_lock_refresh()).  The lock is advisory: it tells planners, it
 * does not stop other programs.
 */

#define IKOU_LOCK_STALE_SECONDS (12 * 60 * 60)

/* Who holds a lock. */
typedef struct
{
  char   *user;   /* login name */
  char   *host;   /* machine name */
  gint64  pid;    /* process on that machine */
  gint64  since;  /* when the lock was taken, seconds since the epoch (UTC) */
} IkouLockOwner;

void           ikou_lock_owner_free     (IkouLockOwner  *owner);
/* "yamada on PC-12 (process 4242) since 2026-12-02 09:14", local time. */
char          *ikou_lock_owner_describe (const IkouLockOwner *owner);

/* The lock file's path for the plan at @plan_path (newly allocated). */
char          *ikou_lock_path_for       (const char     *plan_path);

/* Who holds the lock on @plan_path, or NULL when nobody else does: no lock
 * file, a stale one, or one held by this very process. */
IkouLockOwner *ikou_lock_query          (const char     *plan_path);

typedef struct _IkouLock IkouLock;

/* Takes the lock on @plan_path.  When someone else holds it, fails with
 * IKOU_ERROR_LOCKED and a sentence saying who and since when (and, when
 * @out_owner is given, who) — unless @force, which takes it over.  A
 * stale lock is taken over in any case.  Failing to write the lock file
 * (a read-only folder) is IKOU_ERROR_IO. */
IkouLock      *ikou_lock_acquire        (const char     *plan_path,
                                         gboolean        force,
                                         IkouLockOwner **out_owner,
                                         GError        **error);
/* Whether the lock file is still this lock (another planner may have
 * forced it away). */
gboolean       ikou_lock_is_held        (IkouLock       *lock);
/* Marks the lock as still in use, so that it never looks stale while its
 * holder runs; call it every few minutes.  FALSE when the lock is no
 * longer ours. */
gboolean       ikou_lock_refresh        (IkouLock       *lock);
/* Removes the lock file (only if it is still this lock) and frees @lock. */
void           ikou_lock_release        (IkouLock       *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouLockOwner, ikou_lock_owner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouLock, ikou_lock_release)

G_END_DECLS

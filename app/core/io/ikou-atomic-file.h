/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ikou-file-stamp.h"

G_BEGIN_DECLS

/*
 * The one way Ikou replaces a file: the new content goes into a temporary
 * file beside the target (same folder, so the rename stays on one file
 * system or share), which is flushed and renamed over the target only when
 * complete.  A crash leaves the old file or the new one, never half of one.
 *
 * Temporary files are named so that any Ikou recognizes its own:
 *
 *     .<target name>.ikou-tmp-<host>-XXXXXX
 *
 * (<host> is this machine's name, letters, digits and '-' only), and the
 * writer holds an flock() on it while it lives.  Before every new
 * temporary file, and when a plan is opened, the stale ones beside the
 * target are removed (ikou_atomic_file_sweep()): a temporary file nobody
 * holds a lock on, made on this machine (a live writer here always holds
 * its lock) or older than IKOU_ATOMIC_FILE_STALE_SECONDS (made on another
 * machine of a share, whose locks this one may not see).
 */

/* Files of another machine are left alone for this long (seconds). */
#define IKOU_ATOMIC_FILE_STALE_SECONDS (60 * 60)

typedef struct _IkouAtomicFile IkouAtomicFile;

/* Starts replacing @path: checks that @path is a regular file or does not
 * exist (ikou_file_check_output()), removes stale temporary files beside
 * it and creates a new one, locked, with the permissions of the file it
 * will replace.  Errors are IKOU_ERROR_IO naming @path. */
IkouAtomicFile *ikou_atomic_file_new           (const char      *path,
                                                GError         **error);
/* The temporary file, open for reading and writing.  Do not close it;
 * dup() it to hand it to stdio. */
int             ikou_atomic_file_get_fd        (IkouAtomicFile  *self);
const char     *ikou_atomic_file_get_temp_path (IkouAtomicFile  *self);
/* Makes the commit refuse (IKOU_ERROR_CHANGED_ON_DISK) when the target
 * is no longer what @expected saw, checked just before the rename. */
void            ikou_atomic_file_set_expected  (IkouAtomicFile      *self,
                                                const IkouFileStamp *expected);
/* Flushes the temporary file to disk, closes it and renames it over the
 * target, then syncs the folder.  On failure the temporary file is
 * removed and the target untouched. */
gboolean        ikou_atomic_file_commit        (IkouAtomicFile  *self,
                                                GError         **error);
/* Removes the temporary file (and an SQLite journal beside it) unless it
 * was committed. */
void            ikou_atomic_file_free          (IkouAtomicFile  *self);

/* Replaces @path by @length bytes of @data, atomically; refused as
 * ikou_atomic_file_set_expected() says when @expected is not NULL. */
gboolean        ikou_atomic_file_set_contents  (const char          *path,
                                                const char          *data,
                                                gsize                length,
                                                const IkouFileStamp *expected,
                                                GError             **error);

/* Removes stale temporary files beside @path (see above) and returns how
 * many it removed.  Never fails: what cannot be removed stays. */
guint           ikou_atomic_file_sweep         (const char      *path);

/* Whether @name (a file name, no folder) is one of Ikou's temporary files
 * (or the SQLite journal of one) for a target called @target_name. */
gboolean        ikou_atomic_file_is_temp_name  (const char      *name,
                                                const char      *target_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouAtomicFile, ikou_atomic_file_free)

G_END_DECLS

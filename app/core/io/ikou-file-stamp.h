/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * "It changed on disk."  What a plan was opened from: the file's identity
 * (device, inode, size, modification time) and a SHA-256 of its content.
 * Before a save the file is compared with it, so that a plan someone else
 * saved meanwhile is never overwritten without asking.  The identity is
 * the quick test; when it differs (a share may report a new inode or a
 * coarse time for the same content) the content decides.
 */

typedef struct _IkouFileStamp IkouFileStamp;

/* Stamps the file at @path as it is now.  Errors as
 * ikou_file_open_regular(). */
IkouFileStamp *ikou_file_stamp_new       (const char           *path,
                                          GError              **error);
IkouFileStamp *ikou_file_stamp_copy      (const IkouFileStamp  *stamp);
void           ikou_file_stamp_free      (IkouFileStamp        *stamp);
/* The content's SHA-256 as 64 lowercase hex digits. */
const char    *ikou_file_stamp_get_hash  (const IkouFileStamp  *stamp);

/* Whether the file at @path still is what @stamp saw.  A file that no
 * longer exists has not changed (nothing can be lost by writing it). */
gboolean       ikou_file_stamp_unchanged (const IkouFileStamp  *stamp,
                                          const char           *path);
/* As ikou_file_stamp_unchanged(), as an error for a save:
 * IKOU_ERROR_CHANGED_ON_DISK with a sentence naming @path. */
gboolean       ikou_file_stamp_check     (const IkouFileStamp  *stamp,
                                          const char           *path,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouFileStamp, ikou_file_stamp_free)

G_END_DECLS

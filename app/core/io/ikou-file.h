/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Only real files.  Plans, imported files, schedule files and outputs are
 * ordinary files; a named pipe would block a reader forever, a folder
 * reads as nothing, a device or a socket as anything.  Every path Ikou
 * reads or writes goes through these two checks first.
 */

/* Opens @path for reading without blocking (O_NONBLOCK until fstat() has
 * shown it is a regular file, then blocking again) and returns the file
 * descriptor; the caller closes it.  A missing file is
 * IKOU_ERROR_NOT_FOUND, anything that is not a regular file (a folder, a
 * named pipe, a device, a socket) IKOU_ERROR_IO, each with a sentence
 * naming @path.  Returns -1 on error. */
int      ikou_file_open_regular  (const char  *path,
                                  GError     **error);

/* Checks that @path can be read as a regular file (as
 * ikou_file_open_regular(), then closes it), for readers that open the
 * file themselves (SQLite, libxml2). */
gboolean ikou_file_check_regular (const char  *path,
                                  GError     **error);

/* Checks that @path may be written: it does not exist yet, or it is a
 * regular file (or a link to one).  A folder, a named pipe, a device or
 * a socket there is IKOU_ERROR_IO with a sentence naming @path. */
gboolean ikou_file_check_output  (const char  *path,
                                  GError     **error);

/* This boot of this machine (Linux's random boot id), or NULL where there
 * is none: with a process id it tells a process alive now from one of an
 * earlier boot (locks, recovery copies). */
char    *ikou_file_get_boot_id   (void);

/* For the tests of races between processes: when the environment
 * variable @variable holds a number of milliseconds, waits that long
 * (the tests hold a process at the moment another one could slip in).
 * Does nothing otherwise. */
void     ikou_file_debug_pause   (const char  *variable);

G_END_DECLS

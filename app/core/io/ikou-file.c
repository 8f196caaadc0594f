/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-file.h"

/* What the thing at @path is, when it is not a regular file. */
static void
set_not_regular (GError     **error,
                 const char  *path,
                 mode_t       mode)
{
  g_autofree char *display = g_filename_display_name (path);

  if (S_ISDIR (mode))
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                 _("“%s” is a folder, not a file."), display);
  else if (S_ISFIFO (mode))
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                 _("“%s” is a named pipe, not a file: Ikou reads and writes only ordinary files."), display);
  else if (S_ISSOCK (mode))
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                 _("“%s” is a socket, not a file: Ikou reads and writes only ordinary files."), display);
  else
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                 _("“%s” is a device, not a file: Ikou reads and writes only ordinary files."), display);
}

int
ikou_file_open_regular (const char  *path,
                        GError     **error)
{
  struct stat st;
  int saved_errno;
  int flags;
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  /* O_NONBLOCK: opening a named pipe with no writer would wait forever;
   * O_NOCTTY: a terminal device never becomes ours. */
  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                     _("Could not open “%s”: the file does not exist."), display);
      else if (saved_errno == ENXIO || saved_errno == ENODEV)
        /* A socket, or a device with no driver behind it. */
        set_not_regular (error, path, S_IFSOCK);
      else
        g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                     _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return -1;
    }

  if (fstat (fd, &st) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      saved_errno = errno;
      close (fd);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular (error, path, st.st_mode);
      return -1;
    }

  /* A regular file: reads block as usual from here on. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    (void) fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

gboolean
ikou_file_check_regular (const char  *path,
                         GError     **error)
{
  int fd = ikou_file_open_regular (path, error);

  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

gboolean
ikou_file_check_output (const char  *path,
                        GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (*path == '\0')
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("No file name was given."));
      return FALSE;
    }
  /* stat(), not lstat(): a link to a plan is saved through as before. */
  if (stat (path, &st) != 0)
    return TRUE;  /* nothing there yet (or unreachable: the write will say) */
  if (!S_ISREG (st.st_mode))
    {
      set_not_regular (error, path, st.st_mode);
      return FALSE;
    }
  return TRUE;
}

char *
ikou_file_get_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;
  return g_strstrip (g_steal_pointer (&contents));
}

void
ikou_file_debug_pause (const char *variable)
{
  const char *ms = g_getenv (variable);

  if (ms != NULL && *ms != '\0')
    g_usleep ((gulong) g_ascii_strtoull (ms, NULL, 10) * 1000);
}

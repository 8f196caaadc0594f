/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-file-stamp.h"

struct _IkouFileStamp
{
  dev_t   dev;
  ino_t   ino;
  goffset size;
  gint64  mtime_ns;
  char    hash[65];
};

static gboolean
hash_fd (int          fd,
         const char  *path,
         char         out[65],
         GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (256 * 1024);

  for (;;)
    {
      gssize n = read (fd, buffer, 256 * 1024);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not read “%s”: %s"),
                       display, g_strerror (errno));
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }
  g_strlcpy (out, g_checksum_get_string (checksum), 65);
  return TRUE;
}

IkouFileStamp *
ikou_file_stamp_new (const char  *path,
                     GError     **error)
{
  g_autoptr(IkouFileStamp) stamp = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = ikou_file_open_regular (path, error);
  if (fd < 0)
    return NULL;

  stamp = g_new0 (IkouFileStamp, 1);
  if (fstat (fd, &st) == 0)
    {
      stamp->dev = st.st_dev;
      stamp->ino = st.st_ino;
      stamp->size = st.st_size;
      stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
    }
  if (!hash_fd (fd, path, stamp->hash, error))
    {
      close (fd);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&stamp);
}

IkouFileStamp *
ikou_file_stamp_copy (const IkouFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  return g_memdup2 (stamp, sizeof *stamp);
}

void
ikou_file_stamp_free (IkouFileStamp *stamp)
{
  g_free (stamp);
}

const char *
ikou_file_stamp_get_hash (const IkouFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  return stamp->hash;
}

gboolean
ikou_file_stamp_unchanged (const IkouFileStamp *stamp,
                           const char          *path)
{
  g_autoptr(IkouFileStamp) now = NULL;
  struct stat st;

  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (stat (path, &st) != 0)
    return errno == ENOENT;
  if (S_ISREG (st.st_mode) && st.st_dev == stamp->dev && st.st_ino == stamp->ino &&
      st.st_size == stamp->size &&
      (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec == stamp->mtime_ns)
    return TRUE;

  now = ikou_file_stamp_new (path, NULL);
  return now != NULL && now->size == stamp->size && strcmp (now->hash, stamp->hash) == 0;
}

gboolean
ikou_file_stamp_check (const IkouFileStamp  *stamp,
                       const char           *path,
                       GError              **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (ikou_file_stamp_unchanged (stamp, path))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by someone else since it was opened. Save under another name, or reload it."),
               display);
  return FALSE;
}

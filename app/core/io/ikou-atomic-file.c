/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-atomic-file.h"
#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-file-stamp.h"

#define TEMP_MARK ".ikou-tmp-"
#define JOURNAL_SUFFIX "-journal"
#define RANDOM_LENGTH 6
#define HOST_MAX 48

struct _IkouAtomicFile
{
  char *path;
  char *temp_path;
  IkouFileStamp *expected;
  int   fd;
  guint committed : 1;
};

/* This machine's name as it appears in temporary file names. */
static const char *
host_tag (void)
{
  static char *tag;

  if (g_once_init_enter (&tag))
    {
      const char *host = g_get_host_name ();
      GString *s = g_string_new (NULL);

      for (const char *p = host; *p != '\0' && s->len < HOST_MAX; p++)
        g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
      if (s->len == 0)
        g_string_append (s, "localhost");
      g_once_init_leave (&tag, g_string_free (s, FALSE));
    }
  return tag;
}

static void
set_save_error (GError     **error,
                const char  *path,
                int          err)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"),
               display, g_strerror (err));
}

/* The <host> part of one of Ikou's temporary file names for
 * @target_name (newly allocated), or NULL when @name is not one. */
static char *
temp_name_host (const char *name,
                const char *target_name)
{
  gsize target_len = strlen (target_name);
  gsize mark_len = strlen (TEMP_MARK);
  const char *rest;
  gsize rest_len;

  if (name[0] != '.' || strncmp (name + 1, target_name, target_len) != 0 ||
      strncmp (name + 1 + target_len, TEMP_MARK, mark_len) != 0)
    return NULL;

  rest = name + 1 + target_len + mark_len;
  rest_len = strlen (rest);
  if (g_str_has_suffix (rest, JOURNAL_SUFFIX))
    rest_len -= strlen (JOURNAL_SUFFIX);
  /* <host>-XXXXXX */
  if (rest_len < RANDOM_LENGTH + 2 || rest[rest_len - RANDOM_LENGTH - 1] != '-')
    return NULL;
  return g_strndup (rest, rest_len - RANDOM_LENGTH - 1);
}

gboolean
ikou_atomic_file_is_temp_name (const char *name,
                               const char *target_name)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (name != NULL && target_name != NULL, FALSE);

  host = temp_name_host (name, target_name);
  return host != NULL;
}

static gboolean
remove_if_stale (const char *dir,
                 const char *name,
                 const char *host,
                 time_t      now)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean removed = FALSE;
  struct stat st;
  int fd;

  if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return FALSE;
  /* A writer holds its lock until it renames or removes the file. */
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      if (g_str_equal (host, host_tag ()) ||
          now - st.st_mtime > IKOU_ATOMIC_FILE_STALE_SECONDS)
        removed = g_unlink (path) == 0;
      flock (fd, LOCK_UN);
    }
  close (fd);
  return removed;
}

guint
ikou_atomic_file_sweep (const char *path)
{
  g_autofree char *dir_name = NULL;
  g_autofree char *target_name = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  time_t now = time (NULL);
  guint n_removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  dir_name = g_path_get_dirname (path);
  target_name = g_path_get_basename (path);
  dir = g_dir_open (dir_name, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *host = temp_name_host (name, target_name);

      if (host != NULL && remove_if_stale (dir_name, name, host, now))
        n_removed++;
    }

  return n_removed;
}

/* Whether the new temporary file @fd, made at @temp_path, is this writer's
 * to write: locked, so that no sweep takes it from now on, and still at
 * its place.  A sweep of another save on this machine removes temporary
 * files nobody has locked, and it can come between the creation and the
 * lock.  A file system without flock() (some network shares) keeps the
 * file unlocked; sweeps do not remove such files either. */
static gboolean
hold_new_file (int         fd,
               const char *temp_path)
{
  struct stat held, named;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    return FALSE;  /* a sweep has it, and removes it */

  return fstat (fd, &held) == 0 && held.st_nlink > 0 &&
         stat (temp_path, &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

/* Tries before a save gives up on a temporary file taken by sweeps. */
#define CREATE_ATTEMPTS 8

IkouAtomicFile *
ikou_atomic_file_new (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  IkouAtomicFile *self;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ikou_file_check_output (path, error))
    return NULL;

  ikou_atomic_file_sweep (path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  for (guint attempt = 0;; attempt++)
    {
      temp_path = g_strdup_printf ("%s%c.%s" TEMP_MARK "%s-XXXXXX",
                                   dir, G_DIR_SEPARATOR, base, host_tag ());
      fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          set_save_error (error, path, errno);
          return NULL;
        }
      /* For /atomic-file/swept-before-lock: the moment another save's
       * sweep could take the file. */
      if (attempt == 0)
        ikou_file_debug_pause ("IKOU_DEBUG_PAUSE_BEFORE_LOCK_MS");
      /* Nobody sweeps a file that is being written. */
      if (hold_new_file (fd, temp_path))
        break;

      /* Taken by a sweep: another, unless sweeps keep taking them. */
      close (fd);
      (void) g_unlink (temp_path);
      g_clear_pointer (&temp_path, g_free);
      if (attempt + 1 == CREATE_ATTEMPTS)
        {
          set_save_error (error, path, EBUSY);
          return NULL;
        }
    }

  /* g_mkstemp_full() makes it 0600; a new file gets 0666 less the umask,
   * a replaced one keeps its permissions. */
  if (stat (path, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (fd, st.st_mode & 07777);
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      (void) fchmod (fd, 0666 & ~mask);
    }

  self = g_new0 (IkouAtomicFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&temp_path);
  self->fd = fd;
  return self;
}

int
ikou_atomic_file_get_fd (IkouAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

const char *
ikou_atomic_file_get_temp_path (IkouAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

void
ikou_atomic_file_set_expected (IkouAtomicFile      *self,
                               const IkouFileStamp *expected)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->expected, ikou_file_stamp_free);
  if (expected != NULL)
    self->expected = ikou_file_stamp_copy (expected);
}

/* Makes the rename durable.  Best effort: some network file systems
 * cannot sync a folder, and the data itself is already on disk. */
static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }
}

/* For the crash tests: $IKOU_DEBUG_KILL_BEFORE_RENAME names a part of a
 * target's file name; a commit to such a target kills its own process
 * with SIGKILL when the temporary file is complete but not yet renamed —
 * the middle of a save, as a crash or a power cut would leave it. */
static void
debug_kill_before_rename (const char *path)
{
  const char *part = g_getenv ("IKOU_DEBUG_KILL_BEFORE_RENAME");
  g_autofree char *name = NULL;

  if (part == NULL || *part == '\0')
    return;
  name = g_path_get_basename (path);
  if (strstr (name, part) != NULL)
    kill (getpid (), SIGKILL);
}


gboolean
ikou_atomic_file_commit (IkouAtomicFile  *self,
                         GError         **error)
{
  int err = 0;
  int target_fd = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The data on disk first, so that the check and the rename below stand
   * as close together as they can. */
  if (fsync (self->fd) != 0 && errno != EINVAL)
    err = errno;

  if (err == 0 && self->expected != NULL)
    {
      /* Two planners saving the same plan at once (both past its lock, or
       * one without it): each holds the file it is about to replace from
       * its check to its rename.  The second to get it checks after the
       * first has renamed, sees another file and refuses — without this
       * both could pass the check and the first one's work be lost.
       * Best effort where the file system has no locks. */
      target_fd = open (self->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
      if (target_fd >= 0)
        while (flock (target_fd, LOCK_EX) != 0 && errno == EINTR)
          ;
      if (!ikou_file_stamp_check (self->expected, self->path, error))
        {
          if (target_fd >= 0)
            close (target_fd);
          return FALSE;
        }
    }

  debug_kill_before_rename (self->path);
  /* For the two-writers test: the window in which another planner's
   * save could slip in, between the check of the target and the rename. */
  ikou_file_debug_pause ("IKOU_DEBUG_PAUSE_BEFORE_RENAME_MS");
  /* Renamed while still locked, so no sweeper can take it between. */
  if (err == 0 && g_rename (self->temp_path, self->path) != 0)
    err = errno;
  if (target_fd >= 0)
    close (target_fd);
  if (close (self->fd) != 0 && err == 0)
    err = errno;
  self->fd = -1;

  if (err != 0)
    {
      set_save_error (error, self->path, err);
      return FALSE;
    }
  self->committed = TRUE;
  sync_directory (self->path);
  return TRUE;
}

void
ikou_atomic_file_free (IkouAtomicFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed)
    {
      g_autofree char *journal = g_strconcat (self->temp_path, JOURNAL_SUFFIX, NULL);

      g_unlink (self->temp_path);
      g_unlink (journal);
    }
  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->expected, ikou_file_stamp_free);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
ikou_atomic_file_set_contents (const char           *path,
                               const char           *data,
                               gsize                 length,
                               const IkouFileStamp  *expected,
                               GError              **error)
{
  g_autoptr(IkouAtomicFile) file = NULL;
  gsize written = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = ikou_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  ikou_atomic_file_set_expected (file, expected);

  while (written < length)
    {
      gssize n = write (file->fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_save_error (error, path, errno);
          return FALSE;
        }
      written += (gsize) n;
    }

  return ikou_atomic_file_commit (file, error);
}

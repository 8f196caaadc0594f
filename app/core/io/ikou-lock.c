/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-lock.h"

#define GROUP "Ikou Lock"
/* A lock file is a few hundred bytes; anything bigger is not one. */
#define LOCK_MAX_BYTES 4096

struct _IkouLock
{
  char *path;   /* the lock file */
  char *token;
};

void
ikou_lock_owner_free (IkouLockOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->user);
  g_free (owner->host);
  g_free (owner);
}

char *
ikou_lock_owner_describe (const IkouLockOwner *owner)
{
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (owner != NULL, NULL);

  since = g_date_time_new_from_unix_local (owner->since);
  when = since != NULL ? g_date_time_format (since, "%Y-%m-%d %H:%M") : g_strdup ("?");
  /* Translators: user, machine, process number, date and time */
  return g_strdup_printf (_("%s on %s (process %d) since %s"),
                          owner->user, owner->host, (int) owner->pid, when);
}

char *
ikou_lock_path_for (const char *plan_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (plan_path != NULL, NULL);

  dir = g_path_get_dirname (plan_path);
  base = g_path_get_basename (plan_path);
  name = g_strdup_printf (".%s.ikou-lock", base);
  return g_build_filename (dir, name, NULL);
}


/* A lock file as read, with what only this module needs. */
typedef struct
{
  IkouLockOwner *owner;
  char          *token;
  char          *boot_id;
  gint64         mtime;
} LockFile;

static void
lock_file_clear (LockFile *file)
{
  g_clear_pointer (&file->owner, ikou_lock_owner_free);
  g_clear_pointer (&file->token, g_free);
  g_clear_pointer (&file->boot_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LockFile, lock_file_clear)

/* Reads the lock file at @path.  FALSE when there is none.  A lock file
 * that cannot be read as one (being written this very moment, or
 * damaged) still counts as a lock of an unknown owner until it is old. */
static gboolean
read_lock_file (const char *path,
                LockFile   *out)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  memset (out, 0, sizeof *out);

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return errno != ENOENT;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return TRUE;  /* something in the way: treated as held, never removed */
    }
  out->mtime = st.st_mtime;
  if (st.st_size > 0 && st.st_size <= LOCK_MAX_BYTES)
    {
      gssize n;

      contents = g_malloc0 ((gsize) st.st_size + 1);
      n = read (fd, contents, (gsize) st.st_size);
      length = n > 0 ? (gsize) n : 0;
    }
  close (fd);

  out->owner = g_new0 (IkouLockOwner, 1);
  if (contents != NULL &&
      g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, NULL))
    {
      out->owner->user = g_key_file_get_string (keyfile, GROUP, "User", NULL);
      out->owner->host = g_key_file_get_string (keyfile, GROUP, "Host", NULL);
      out->owner->pid = g_key_file_get_int64 (keyfile, GROUP, "Process", NULL);
      out->owner->since = g_key_file_get_int64 (keyfile, GROUP, "Since", NULL);
      out->token = g_key_file_get_string (keyfile, GROUP, "Token", NULL);
      out->boot_id = g_key_file_get_string (keyfile, GROUP, "BootId", NULL);
    }
  if (out->owner->user == NULL)
    out->owner->user = g_strdup ("?");
  if (out->owner->host == NULL)
    out->owner->host = g_strdup ("?");
  if (out->owner->since == 0)
    out->owner->since = out->mtime;
  return TRUE;
}

static gboolean
lock_is_stale (const LockFile *file)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (now - file->mtime > IKOU_LOCK_STALE_SECONDS)
    return TRUE;
  if (file->token == NULL || !g_str_equal (file->owner->host, g_get_host_name ()))
    return FALSE;  /* another machine's: only its age tells */

  /* This machine's: is its process still there, in this boot? */
  {
    g_autofree char *boot_id = ikou_file_get_boot_id ();

    if (boot_id != NULL && file->boot_id != NULL && !g_str_equal (boot_id, file->boot_id))
      return TRUE;
  }
  if (file->owner->pid <= 0 || file->owner->pid > G_MAXINT)
    return TRUE;
  return kill ((pid_t) file->owner->pid, 0) != 0 && errno == ESRCH;
}

static gboolean
lock_is_this_process (const LockFile *file)
{
  return file->token != NULL &&
         g_str_equal (file->owner->host, g_get_host_name ()) &&
         file->owner->pid == (gint64) getpid ();
}

IkouLockOwner *
ikou_lock_query (const char *plan_path)
{
  g_autofree char *path = NULL;
  g_auto(LockFile) file = { NULL, };

  g_return_val_if_fail (plan_path != NULL, NULL);

  path = ikou_lock_path_for (plan_path);
  if (!read_lock_file (path, &file) || file.owner == NULL ||
      lock_is_stale (&file) || lock_is_this_process (&file))
    return NULL;
  return g_steal_pointer (&file.owner);
}

static char *
lock_contents (const char *token)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *boot_id = ikou_file_get_boot_id ();

  g_key_file_set_string (keyfile, GROUP, "User", g_get_user_name ());
  g_key_file_set_string (keyfile, GROUP, "Host", g_get_host_name ());
  g_key_file_set_int64 (keyfile, GROUP, "Process", getpid ());
  g_key_file_set_int64 (keyfile, GROUP, "Since", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_string (keyfile, GROUP, "Token", token);
  if (boot_id != NULL)
    g_key_file_set_string (keyfile, GROUP, "BootId", boot_id);
  return g_key_file_to_data (keyfile, NULL, NULL);
}

/* Creates the lock file, only if there is none: O_EXCL is atomic on
 * local file systems and on SMB shares alike.  FALSE with errno. */
static gboolean
create_lock_file (const char *path,
                  const char *contents)
{
  gsize length = strlen (contents);
  gsize written = 0;
  int fd;

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0)
    return FALSE;
  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (path);
          errno = saved;
          return FALSE;
        }
      written += (gsize) n;
    }
  (void) fsync (fd);
  close (fd);
  return TRUE;
}

IkouLock *
ikou_lock_acquire (const char     *plan_path,
                   gboolean        force,
                   IkouLockOwner **out_owner,
                   GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *contents = NULL;
  IkouLock *lock;

  g_return_val_if_fail (plan_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = ikou_lock_path_for (plan_path);
  token = g_uuid_string_random ();
  contents = lock_contents (token);

  /* A few rounds: a stale lock removed here may be replaced by another
   * Ikou doing the same before this one creates its own. */
  for (guint round = 0; ; round++)
    {
      g_auto(LockFile) file = { NULL, };

      if (create_lock_file (path, contents))
        break;
      if (errno != EEXIST || round == 3)
        {
          g_autofree char *display = g_filename_display_name (plan_path);

          g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                       _("Could not mark “%s” as open: %s"), display, g_strerror (errno));
          return NULL;
        }
      /* For /lock/released-while-found: the moment its holder could
       * release it. */
      ikou_file_debug_pause ("IKOU_DEBUG_PAUSE_BEFORE_LOCK_READ_MS");
      /* Released since it was found: take it. */
      if (!read_lock_file (path, &file))
        continue;
      if (file.owner != NULL &&
          !force && !lock_is_stale (&file) && !lock_is_this_process (&file))
        {
          g_autofree char *display = g_filename_display_name (plan_path);
          g_autofree char *who = ikou_lock_owner_describe (file.owner);

          g_set_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED,
                       _("“%s” is open by %s. Open it read-only, or ask them to close it."),
                       display, who);
          if (out_owner != NULL)
            *out_owner = g_steal_pointer (&file.owner);
          return NULL;
        }
      if (file.owner == NULL && !force)
        {
          /* Something that is not a lock file is in the way. */
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                       _("Could not mark the plan as open: “%s” is in the way."), display);
          return NULL;
        }
      g_unlink (path);
    }

  lock = g_new0 (IkouLock, 1);
  lock->path = g_steal_pointer (&path);
  lock->token = g_steal_pointer (&token);
  return lock;
}

gboolean
ikou_lock_is_held (IkouLock *lock)
{
  g_auto(LockFile) file = { NULL, };

  g_return_val_if_fail (lock != NULL, FALSE);

  return read_lock_file (lock->path, &file) && file.token != NULL &&
         g_str_equal (file.token, lock->token);
}

gboolean
ikou_lock_refresh (IkouLock *lock)
{
  g_return_val_if_fail (lock != NULL, FALSE);

  if (!ikou_lock_is_held (lock))
    return FALSE;
  return g_utime (lock->path, NULL) == 0;
}

void
ikou_lock_release (IkouLock *lock)
{
  if (lock == NULL)
    return;

  if (ikou_lock_is_held (lock))
    g_unlink (lock->path);
  g_free (lock->path);
  g_free (lock->token);
  g_free (lock);
}

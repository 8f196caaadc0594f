/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ikou-atomic-file.h"
#include "ikou-error.h"
#include "ikou-plan.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* Nothing left behind: Ikou's temporary files carry a recognizable name,
 * and the stale ones are removed by the next save or open. */

/* A private folder; path is dir/plan.ikou. */
typedef IkouTestDir Fixture;

static char *
host_tag (void)
{
  GString *s = g_string_new (NULL);

  for (const char *p = g_get_host_name (); *p != '\0' && s->len < 48; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  if (s->len == 0)
    g_string_append (s, "localhost");
  return g_string_free (s, FALSE);
}

static char *
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
  if (age_seconds > 0)
    {
      struct utimbuf times;

      times.actime = times.modtime = time (NULL) - age_seconds;
      g_assert_cmpint (utime (path, &times), ==, 0);
    }
  return path;
}

static void
test_names (void)
{
  g_assert_true (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-tmp-pc12-Ab3dE9", "plan.ikou"));
  g_assert_true (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-tmp-pc-12-Ab3dE9", "plan.ikou"));
  g_assert_true (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-tmp-pc12-Ab3dE9-journal", "plan.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-tmp-pc12-Ab3dE9", "other.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name ("plan.ikou.ikou-tmp-pc12-Ab3dE9", "plan.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name (".plan.ikou.Ab3dE9", "plan.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-tmp-Ab3dE9", "plan.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name ("plan.ikou", "plan.ikou"));
  g_assert_false (ikou_atomic_file_is_temp_name (".plan.ikou.ikou-lock", "plan.ikou"));
}

static void
test_sweep (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *host = host_tag ();
  g_autofree char *mine = g_strdup_printf (".plan.ikou.ikou-tmp-%s-aaaaaa", host);
  g_autofree char *mine_journal = g_strdup_printf (".plan.ikou.ikou-tmp-%s-aaaaaa-journal", host);
  g_autofree char *mine_locked = g_strdup_printf (".plan.ikou.ikou-tmp-%s-bbbbbb", host);
  g_autofree char *p_mine = NULL, *p_journal = NULL, *p_locked = NULL;
  g_autofree char *p_fresh = NULL, *p_old = NULL, *p_other = NULL, *p_foreign = NULL;
  g_autofree char *p_target = NULL;
  int lock_fd;

  p_target = make_file (f->dir, "plan.ikou", 0);
  p_mine = make_file (f->dir, mine, 0);
  p_journal = make_file (f->dir, mine_journal, 0);
  p_locked = make_file (f->dir, mine_locked, 0);
  /* Another machine's: fresh (maybe being written there), and old. */
  p_fresh = make_file (f->dir, ".plan.ikou.ikou-tmp-elsewhere-cccccc", 0);
  p_old = make_file (f->dir, ".plan.ikou.ikou-tmp-elsewhere-dddddd", 2 * IKOU_ATOMIC_FILE_STALE_SECONDS);
  /* Not ours to touch: another target's, and a name Ikou never makes. */
  p_other = make_file (f->dir, ".other.ikou.ikou-tmp-elsewhere-eeeeee", 2 * IKOU_ATOMIC_FILE_STALE_SECONDS);
  p_foreign = make_file (f->dir, ".plan.ikou.ffffff", 2 * IKOU_ATOMIC_FILE_STALE_SECONDS);

  /* A live writer holds its lock. */
  lock_fd = open (p_locked, O_RDONLY);
  g_assert_cmpint (flock (lock_fd, LOCK_EX), ==, 0);

  g_assert_cmpuint (ikou_atomic_file_sweep (f->path), ==, 3);
  g_assert_false (g_file_test (p_mine, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (p_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (p_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p_locked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p_fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p_other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p_foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (p_target, G_FILE_TEST_EXISTS));

  /* Released: the next sweep takes it. */
  close (lock_fd);
  g_assert_cmpuint (ikou_atomic_file_sweep (f->path), ==, 1);
  g_assert_false (g_file_test (p_locked, G_FILE_TEST_EXISTS));
}

/* Whether @dir holds one of Ikou's temporary files for @target_name. */
static gboolean
has_temp_file (const char *dir,
               const char *target_name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (ikou_atomic_file_is_temp_name (name, target_name))
      return TRUE;
  return FALSE;
}

/* Another save on this machine sweeps between the creation of a
 * temporary file and its lock (held there by the debug pause), and takes
 * it: the save makes another and succeeds. */
static void
test_swept_before_lock (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *contents = NULL;
  pid_t pid;
  int status;

  g_assert_true (g_file_set_contents (f->path, "old", 3, NULL));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_setenv ("IKOU_DEBUG_PAUSE_BEFORE_LOCK_MS", "1500", TRUE);
      _exit (ikou_atomic_file_set_contents (f->path, "new", 3, NULL, NULL) ? 0 : 1);
    }

  for (guint i = 0; i < 500 && !has_temp_file (f->dir, "plan.ikou"); i++)
    g_usleep (10000);
  g_assert_cmpuint (ikou_atomic_file_sweep (f->path), ==, 1);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);
}

/* A writer killed mid-save leaves its temporary file; the next save (of
 * any kind) or open removes it. */
static void
test_killed_writer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 3; round++)
    {
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          IkouAtomicFile *file = ikou_atomic_file_new (f->path, NULL);

          if (file == NULL || write (ikou_atomic_file_get_fd (file), "half", 4) != 4)
            _exit (1);
          _exit (0);  /* killed before the commit: the file stays */
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  /* Each new temporary file swept the one before. */
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);

  /* A save removes the last... */
  g_assert_true (ikou_store_save (plan, f->path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  /* ...an export (XML) too... */
  {
    g_autofree char *xml = g_build_filename (f->dir, "plan.xml", NULL);

    if (fork () == 0)
      {
        ikou_atomic_file_new (xml, NULL);
        _exit (0);
      }
    g_assert_cmpint (wait (NULL), >, 0);
    g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 2);
    g_assert_true (ikou_xml_write_file (plan, xml, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 2);
  }

  /* ...and so does opening a plan. */
  if (fork () == 0)
    {
      ikou_atomic_file_new (f->path, NULL);
      _exit (0);
    }
  g_assert_cmpint (wait (NULL), >, 0);
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 3);
  {
    g_autoptr(IkouPlan) loaded = ikou_store_load (f->path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 2);
}

static void
test_set_contents (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.xml", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "out.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t mask;

  mask = umask (022);
  g_assert_true (ikou_atomic_file_set_contents (path, "one", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  /* A replaced file keeps its permissions. */
  g_assert_cmpint (chmod (path, 0600), ==, 0);
  g_assert_true (ikou_atomic_file_set_contents (path, "two", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  umask (mask);

  g_assert_false (ikou_atomic_file_set_contents (missing, "x", 1, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.xml"));
  g_clear_error (&error);

  /* Given up before the commit: nothing but the target. */
  {
    g_autoptr(IkouAtomicFile) file = ikou_atomic_file_new (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 2);
  }
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-file/names", test_names);
  /* In a private folder. */
#define ADD(name, func) \
  g_test_add ("/atomic-file/" name, Fixture, NULL, ikou_test_dir_set_up, func, ikou_test_dir_tear_down)
  ADD ("sweep", test_sweep);
  ADD ("swept-before-lock", test_swept_before_lock);
  ADD ("killed-writer", test_killed_writer);
  ADD ("set-contents", test_set_contents);
#undef ADD

  return g_test_run ();
}

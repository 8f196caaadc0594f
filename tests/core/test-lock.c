/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-lock.h"
#include "ikou-shared-plan.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* "Someone else has it open": the lock beside a plan, seen from a second
 * process, and the command line refusing to write over a locked plan. */

typedef struct
{
  char  *dir;
  char  *plan;
  char  *lock;
  pid_t  holder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();

  ikou_plan_set_title (plan, "before");
  f->plan = ikou_test_save_in_temp_dir (plan, &f->dir);
  f->lock = ikou_lock_path_for (f->plan);
  alarm (120);
}

static void
stop_holder (Fixture *f)
{
  if (f->holder > 0)
    {
      kill (f->holder, SIGKILL);
      waitpid (f->holder, NULL, 0);
      f->holder = 0;
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  alarm (0);
  stop_holder (f);
  ikou_test_remove_tree (f->dir);
  g_free (f->lock);
  g_free (f->plan);
  g_free (f->dir);
}

/* A second process takes the lock and keeps it until killed. */
static void
start_holder (Fixture *f)
{
  int fds[2];
  char ready;

  g_assert_cmpint (pipe (fds), ==, 0);
  f->holder = fork ();
  g_assert_cmpint (f->holder, >=, 0);
  if (f->holder == 0)
    {
      IkouLock *lock;

      prctl (PR_SET_PDEATHSIG, SIGKILL);
      lock = ikou_lock_acquire (f->plan, FALSE, NULL, NULL);

      if (write (fds[1], lock != NULL ? "y" : "n", 1) != 1)
        _exit (1);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &ready, 1), ==, 1);
  g_assert_cmpint (ready, ==, 'y');
  close (fds[0]);
}

static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IkouLockOwner) owner = NULL;
  g_autoptr(IkouLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_null (ikou_lock_query (f->plan));
  start_holder (f);
  g_assert_true (g_file_test (f->lock, G_FILE_TEST_IS_REGULAR));

  /* Who has it, since when. */
  owner = ikou_lock_query (f->plan);
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->user, ==, g_get_user_name ());
  g_assert_cmpstr (owner->host, ==, g_get_host_name ());
  g_assert_cmpint (owner->pid, ==, f->holder);
  g_assert_cmpint (ABS (owner->since - now), <, 60);
  g_clear_pointer (&owner, ikou_lock_owner_free);

  lock = ikou_lock_acquire (f->plan, FALSE, &owner, &error);
  g_assert_null (lock);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  who = g_strdup_printf ("(process %d)", (int) f->holder);
  g_assert_nonnull (strstr (error->message, who));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (owner);
  g_assert_cmpint (owner->pid, ==, f->holder);
  g_clear_error (&error);

  /* The holder dies without cleaning up: its lock is stale. */
  stop_holder (f);
  g_assert_true (g_file_test (f->lock, G_FILE_TEST_IS_REGULAR));
  g_assert_null (ikou_lock_query (f->plan));
  lock = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (ikou_lock_is_held (lock));
  g_assert_true (ikou_lock_refresh (lock));

  /* Released: no file left. */
  g_clear_pointer (&lock, ikou_lock_release);
  g_assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
}

static void
write_lock (Fixture    *f,
            const char *contents,
            gint64      age)
{
  g_assert_true (g_file_set_contents (f->lock, contents, -1, NULL));
  if (age > 0)
    {
      struct utimbuf times;

      times.actime = times.modtime = time (NULL) - age;
      g_assert_cmpint (utime (f->lock, &times), ==, 0);
    }
}

#define OTHER_MACHINE \
  "[Ikou Lock]\nUser=yamada\nHost=pc-12\nProcess=4242\nSince=1764660000\nToken=abc\n"

static void
test_other_machine (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IkouLockOwner) owner = NULL;
  g_autoptr(IkouLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  /* Another machine's lock: its process cannot be asked, only its age. */
  write_lock (f, OTHER_MACHINE, 0);
  owner = ikou_lock_query (f->plan);
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner->user, ==, "yamada");
  g_assert_cmpstr (owner->host, ==, "pc-12");
  g_assert_cmpint (owner->since, ==, 1764660000);
  lock = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "yamada on pc-12"));
  g_clear_error (&error);

  /* Forced: taken over; the old holder's release will not remove it. */
  lock = ikou_lock_acquire (f->plan, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_lock_is_held (lock));
  g_clear_pointer (&lock, ikou_lock_release);

  /* Old: stale. */
  write_lock (f, OTHER_MACHINE, IKOU_LOCK_STALE_SECONDS + 60);
  g_assert_null (ikou_lock_query (f->plan));
  lock = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&lock, ikou_lock_release);

  /* Unreadable (being written, or damaged): held by someone unknown
   * until it is old. */
  write_lock (f, "\x01\x02 not a key file", 0);
  lock = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_clear_error (&error);
  write_lock (f, "\x01\x02 not a key file", IKOU_LOCK_STALE_SECONDS + 60);
  lock = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&lock, ikou_lock_release);
  g_assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
}

/* The core API a window uses: open for writing is refused while someone
 * else has it, read-only is not; a read-only plan is not saved. */
static void
test_plan_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IkouSharedPlan) file = NULL;
  g_autoptr(IkouLockOwner) owner = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  start_holder (f);

  file = ikou_shared_plan_open (f->plan, IKOU_SHARED_PLAN_NONE, &plan, &owner, &error);
  g_assert_null (file);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_assert_nonnull (owner);
  g_assert_cmpint (owner->pid, ==, f->holder);
  g_clear_error (&error);

  file = ikou_shared_plan_open (f->plan, IKOU_SHARED_PLAN_READ_ONLY, &plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_shared_plan_is_read_only (file));
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "before");
  g_assert_false (ikou_shared_plan_save (file, plan, FALSE, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_pointer (&file, ikou_shared_plan_close);
  g_clear_object (&plan);

  /* Opened anyway: the holder is told on its next save (its lock is gone). */
  file = ikou_shared_plan_open (f->plan, IKOU_SHARED_PLAN_FORCE, &plan, NULL, &error);
  g_assert_no_error (error);
  ikou_plan_set_title (plan, "after");
  g_assert_true (ikou_shared_plan_save (file, plan, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, ikou_shared_plan_close);
  g_assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
}

static void
run_ikou (int   *status,
          char **err,
          ...)
{
  va_list args;

  va_start (args, err);
  *status = ikou_test_run_ikouv (NULL, err, args);
  va_end (args);
}

static void
assert_title (const char *path,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, title);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "new.xml", NULL);
  g_autofree char *err = NULL;
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GError) error = NULL;
  int status;

  ikou_plan_set_title (plan, "imported");
  g_assert_true (ikou_xml_write_file (plan, xml, &error));
  g_assert_no_error (error);

  /* Free: written, and no lock left behind. */
  run_ikou (&status, &err, "import", xml, "--output", f->plan, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_title (f->plan, "imported");
  g_assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Someone has it open: refused, exit 2, the plan untouched. */
  ikou_plan_set_title (plan, "second");
  g_assert_true (ikou_xml_write_file (plan, xml, &error));
  start_holder (f);
  run_ikou (&status, &err, "import", xml, "--output", f->plan, NULL);
  g_assert_cmpint (status, ==, 2);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "is open by"));
  g_assert_nonnull (strstr (err, "--force"));
  assert_title (f->plan, "imported");
  g_clear_pointer (&err, g_free);

  run_ikou (&status, &err, "export", xml, "--output", f->plan, NULL);
  g_assert_cmpint (status, ==, 2);
  assert_title (f->plan, "imported");
  g_clear_pointer (&err, g_free);

  /* --force writes, and leaves the other planner's lock alone. */
  run_ikou (&status, &err, "import", xml, "--output", f->plan, "--force", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_title (f->plan, "second");
  g_assert_true (g_file_test (f->lock, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(IkouLockOwner) owner = ikou_lock_query (f->plan);

    g_assert_nonnull (owner);
    g_assert_cmpint (owner->pid, ==, f->holder);
  }
}

static void
assert_scenarios (const char *path,
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, n);
}

/* `ikou scenario` and `ikou catch-up` write through the same lock: refused
 * while another process has the plan open, unless --force. */
static void
test_cli_scenario (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                              "koriyama.ikou", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;
  int status;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->plan, contents, length, NULL));
  run_ikou (&status, &err, "scenario", f->plan, "new", "free", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_scenarios (f->plan, 1);
  g_assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  start_holder (f);
  g_assert_true (g_file_get_contents (f->plan, &before, NULL, NULL));
  run_ikou (&status, &err, "scenario", f->plan, "new", "held", NULL);
  g_assert_cmpint (status, ==, 2);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "is open by"));
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&err, g_free);
  run_ikou (&status, &err, "catch-up", f->plan, "--today", "2030-04-01", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "is open by"));
  g_clear_pointer (&err, g_free);
  /* Refused: the file is the same to the byte. */
  g_assert_true (g_file_get_contents (f->plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  /* Reading is never refused. */
  run_ikou (&status, &err, "scenario", f->plan, "list", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  run_ikou (&status, &err, "scenario", f->plan, "new", "held", "--force", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_scenarios (f->plan, 2);
  g_clear_pointer (&err, g_free);
  run_ikou (&status, &err, "catch-up", f->plan, "--today", "2030-04-01", "--force", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, "marked done"));
  {
    g_autoptr(IkouLockOwner) owner = ikou_lock_query (f->plan);

    g_assert_nonnull (owner);
    g_assert_cmpint (owner->pid, ==, f->holder);
  }
}

/* A lock released between the moment a second planner finds it and the
 * moment it reads it (held there by the debug pause): the second planner
 * takes the plan, as if it had come a moment later. */
static void
test_released_while_found (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IkouLock *first = ikou_lock_acquire (f->plan, FALSE, NULL, &error);
  pid_t pid;
  int status;

  g_assert_no_error (error);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      IkouLock *second;

      g_setenv ("IKOU_DEBUG_PAUSE_BEFORE_LOCK_READ_MS", "1000", TRUE);
      second = ikou_lock_acquire (f->plan, FALSE, NULL, NULL);
      _exit (second != NULL && ikou_lock_is_held (second) ? 0 : 1);
    }
  g_usleep (300000);
  ikou_lock_release (first);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/lock/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("two-processes", test_two_processes);
  ADD ("released-while-found", test_released_while_found);
  ADD ("other-machine", test_other_machine);
  ADD ("plan-file", test_plan_file);
  ADD ("cli", test_cli);
  ADD ("cli-scenario", test_cli_scenario);
#undef ADD

  return g_test_run ();
}

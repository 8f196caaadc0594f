/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-file-stamp.h"
#include "ikou-plan-file.h"
#include "ikou-shared-plan.h"
#include "ikou-store.h"
#include "ikou-system.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* "It changed on disk": a save never silently replaces what someone else
 * saved after the plan was opened.  Most tests run in a private folder
 * (IkouTestDir, f->path the plan in it). */

typedef IkouTestDir Fixture;

static IkouPlan *
plan_titled (const char *title)
{
  IkouPlan *plan = ikou_plan_new ();

  ikou_plan_set_title (plan, title);
  return plan;
}

static void
save_titled (const char *path,
             const char *title)
{
  g_autoptr(IkouPlan) plan = plan_titled (title);
  g_autoptr(GError) error = NULL;

  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
}

static char *
title_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  return g_strdup (ikou_plan_get_title (plan));
}

static void
test_stamp (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy", NULL);
  g_autoptr(IkouFileStamp) stamp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct utimbuf times;
  gsize length;

  save_titled (f->path, "one");
  stamp = ikou_file_stamp_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (ikou_file_stamp_get_hash (stamp)), ==, 64);
  g_assert_true (ikou_file_stamp_unchanged (stamp, f->path));

  /* Same content, new identity (a copy put back, a touched file): the
   * content decides. */
  times.actime = times.modtime = time (NULL) - 3600;
  g_assert_cmpint (utime (f->path, &times), ==, 0);
  g_assert_true (ikou_file_stamp_unchanged (stamp, f->path));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  g_assert_cmpint (g_rename (copy, f->path), ==, 0);
  g_assert_true (ikou_file_stamp_unchanged (stamp, f->path));
  g_assert_true (ikou_file_stamp_check (stamp, f->path, &error));
  g_assert_no_error (error);

  /* Saved by someone else. */
  save_titled (f->path, "two");
  g_assert_false (ikou_file_stamp_unchanged (stamp, f->path));
  g_assert_false (ikou_file_stamp_check (stamp, f->path, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "plan.ikou"));
  g_clear_error (&error);

  /* Gone: nothing to lose. */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (ikou_file_stamp_unchanged (stamp, f->path));
}

/* The checked saves of both formats refuse, change nothing and leave no
 * temporary file. */
static void
test_checked_save (void)
{
  const char *names[] = { "plan.ikou", "plan.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = ikou_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(IkouPlan) one = plan_titled ("one");
      g_autoptr(IkouPlan) two = plan_titled ("two");
      g_autoptr(IkouPlan) mine = plan_titled ("mine");
      g_autoptr(IkouFileStamp) stamp = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GMappedFile) mapped = NULL;

      g_assert_true (ikou_plan_file_save (one, path, &error));
      stamp = ikou_file_stamp_new (path, &error);
      g_assert_no_error (error);
      g_assert_true (ikou_plan_file_save (two, path, &error));
      mapped = g_mapped_file_new (path, FALSE, NULL);
      before = g_mapped_file_get_bytes (mapped);
      g_clear_pointer (&mapped, g_mapped_file_unref);

      g_assert_false (ikou_plan_file_save_checked (mine, path, stamp, &error));
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK);
      g_clear_error (&error);
      mapped = g_mapped_file_new (path, FALSE, NULL);
      after = g_mapped_file_get_bytes (mapped);
      g_clear_pointer (&mapped, g_mapped_file_unref);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpuint (ikou_test_count_entries (dir), ==, 1);

      /* Not checked (forced): written. */
      g_assert_true (ikou_plan_file_save_checked (mine, path, NULL, &error));
      g_assert_no_error (error);

      ikou_test_remove_tree (dir);
    }
}

static void
test_plan_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IkouSharedPlan) file = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  save_titled (f->path, "start");
  file = ikou_shared_plan_open (f->path, IKOU_SHARED_PLAN_NONE, &plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ikou_shared_plan_changed_on_disk (file));

  /* Own saves are the new reference. */
  ikou_plan_set_title (plan, "mine 1");
  g_assert_true (ikou_shared_plan_save (file, plan, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ikou_shared_plan_changed_on_disk (file));
  ikou_plan_set_title (plan, "mine 2");
  g_assert_true (ikou_shared_plan_save (file, plan, FALSE, &error));
  g_assert_no_error (error);

  /* Someone else (a program that ignores locks) saves meanwhile. */
  save_titled (f->path, "theirs");
  g_assert_true (ikou_shared_plan_changed_on_disk (file));
  ikou_plan_set_title (plan, "mine 3");
  g_assert_false (ikou_shared_plan_save (file, plan, FALSE, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  title = title_of (f->path);
  g_assert_cmpstr (title, ==, "theirs");
  g_clear_pointer (&title, g_free);

  /* Overwrite on purpose. */
  g_assert_true (ikou_shared_plan_save (file, plan, TRUE, &error));
  g_assert_no_error (error);
  title = title_of (f->path);
  g_assert_cmpstr (title, ==, "mine 3");
  g_assert_false (ikou_shared_plan_changed_on_disk (file));

  g_clear_pointer (&file, ikou_shared_plan_close);
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);
}

typedef struct
{
  GPid  pid;
  int   status;
  char *out;
} Writer;

static void
start_writer (Writer     *w,
              const char *path,
              const char *name,
              guint       delay_ms,
              gboolean    force_open)
{
  g_autofree char *delay = g_strdup_printf ("%u", delay_ms);
  const char *argv[] = { g_getenv ("IKOU_TEST_WRITER"), path, name, delay,
                         force_open ? "--force-open" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &w->pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  w->out = GINT_TO_POINTER (out_fd);
}

static void
finish_writer (Writer *w)
{
  int fd = GPOINTER_TO_INT (w->out);
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[512];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (fd);
  g_assert_cmpint (waitpid (w->pid, &w->status, 0), ==, w->pid);
  g_spawn_close_pid (w->pid);
  g_assert_true (WIFEXITED (w->status));
  w->status = WEXITSTATUS (w->status);
  w->out = g_string_free (g_steal_pointer (&out), FALSE);
  /* Saved or refused; anything else says what went wrong. */
  if (w->status != 0 && w->status != 3)
    g_error ("the writer exited with %d: %s", w->status, w->out);
}

static gboolean
plan_has_system (IkouPlan   *plan,
                 const char *name)
{
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    if (g_strcmp0 (ikou_system_get_name (ikou_plan_get_system (plan, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* Two planners write the same plan at once, 50 times: every run ends with
 * a refusal or with the other writer's work kept, never a silent loss.
 * With data set, both open it anyway (the lock ignored): then only the
 * file stamp stands between them. */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  gboolean force_open = GPOINTER_TO_INT (data);
  guint both_saved = 0, one_refused = 0;
  GRand *rand = g_rand_new_with_seed (force_open ? 2 : 1);

  for (guint run = 0; run < 50; run++)
    {
      Writer a = { 0, }, b = { 0, };
      g_autoptr(IkouPlan) result = NULL;
      g_autoptr(GError) error = NULL;

      save_titled (f->path, "shared");
      start_writer (&a, f->path, "A", g_rand_int_range (rand, 0, 40), force_open);
      start_writer (&b, f->path, "B", g_rand_int_range (rand, 0, 40), force_open);
      finish_writer (&a);
      finish_writer (&b);

      result = ikou_store_load (f->path, &error);
      g_assert_no_error (error);
      if (a.status == 0)
        g_assert_true (plan_has_system (result, "A"));
      if (b.status == 0)
        g_assert_true (plan_has_system (result, "B"));
      /* Both saved only one after the other: the second kept the first. */
      if (a.status == 0 && b.status == 0)
        {
          g_assert_cmpuint (ikou_plan_get_n_systems (result), ==, 2);
          both_saved++;
        }
      else
        {
          g_assert_true (a.status == 0 || b.status == 0 ||
                         ikou_plan_get_n_systems (result) == 0);
          one_refused++;
        }
      /* Nothing left behind: the plan and no lock, no temporary file. */
      g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);
      g_free (a.out);
      g_free (b.out);
    }

  g_test_message ("50 runs: %u with a refusal, %u with both saved in turn",
                  one_refused, both_saved);
  g_rand_free (rand);
}

static gboolean
has_temp_file (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".ikou-tmp-") != NULL && !g_str_has_suffix (name, "-journal"))
      return TRUE;
  return FALSE;
}

/* The moment the first-come check could be beaten: A has checked that
 * the plan is as it opened it and is about to replace it (held there by
 * the debug pause) when B saves.  B must wait for A's rename and refuse;
 * were B let through, A's rename would drop B's work although B was told
 * "saved". */
static void
test_save_during_other_save (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IkouPlan) result = NULL;
  g_autoptr(GError) error = NULL;
  Writer a = { 0, }, b = { 0, };

  save_titled (f->path, "shared");
  g_setenv ("IKOU_DEBUG_PAUSE_BEFORE_RENAME_MS", "4000", TRUE);
  start_writer (&a, f->path, "A", 0, TRUE);
  g_unsetenv ("IKOU_DEBUG_PAUSE_BEFORE_RENAME_MS");
  /* A's temporary file shows that it is saving (a small plan: it is
   * written in a moment, then A pauses); then B opens the plan as it was
   * and saves while A is paused. */
  for (guint i = 0; i < 2000 && !has_temp_file (f->dir); i++)
    g_usleep (10000);
  g_assert_true (has_temp_file (f->dir));
  start_writer (&b, f->path, "B", 0, TRUE);
  finish_writer (&b);
  finish_writer (&a);

  g_test_message ("A: %s B: %s", a.out, b.out);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 3);
  g_assert_nonnull (strstr (b.out, "refused"));
  result = ikou_store_load (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (plan_has_system (result, "A"));
  g_assert_false (plan_has_system (result, "B"));

  g_free (a.out);
  g_free (b.out);
}

/* The command line writing a plan over itself refuses when someone saved
 * it between its read and its write, unless --force. */
static void
test_cli_in_place (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.xml", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.xml", NULL);
  g_autoptr(IkouPlan) big = plan_titled ("mine");
  g_autoptr(IkouPlan) theirs = plan_titled ("theirs");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("IKOU_BIN"), "export", path, "--output", path, NULL, NULL };

  /* Enough content that reading it takes a moment. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("system %u", i);
      g_autoptr(IkouSystem) system = ikou_system_new (0, name);

      ikou_plan_add_system (big, system);
    }

  for (guint forced = 0; forced < 2; forced++)
    {
      g_autoptr(IkouPlan) result = NULL;
      g_autofree char *err = NULL;
      char event[sizeof (struct inotify_event) + NAME_MAX + 1];
      GPid pid;
      int err_fd;
      int status;
      int watch;

      argv[5] = forced ? "--force" : NULL;
      g_assert_true (ikou_xml_write_file (big, path, &error));
      g_assert_true (ikou_xml_write_file (theirs, other, &error));

      /* The first close of the plan is the end of its stamp (hash): it
       * is replaced right after that, before the write. */
      watch = inotify_init1 (IN_CLOEXEC);
      g_assert_cmpint (inotify_add_watch (watch, path, IN_CLOSE_NOWRITE), >=, 0);
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, NULL, &err_fd, &error));
      g_assert_no_error (error);
      g_assert_cmpint (read (watch, event, sizeof event), >, 0);
      g_assert_cmpint (g_rename (other, path), ==, 0);
      close (watch);

      {
        g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fd);

        g_io_channel_set_close_on_unref (channel, TRUE);
        g_io_channel_read_to_end (channel, &err, NULL, NULL);
      }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFEXITED (status));

      result = ikou_xml_read_file (path, &error);
      g_assert_no_error (error);
      if (!forced)
        {
          g_test_message ("%s", err);
          g_assert_cmpint (WEXITSTATUS (status), ==, 2);
          g_assert_nonnull (strstr (err, "changed by someone else"));
          g_assert_nonnull (strstr (err, "--force"));
          g_assert_cmpstr (ikou_plan_get_title (result), ==, "theirs");
        }
      else
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* In a private folder; the data of two-writers: whether both open the
   * plan anyway. */
#define ADD(name, data, func) \
  g_test_add ("/changed/" name, Fixture, data, ikou_test_dir_set_up, func, \
              ikou_test_dir_tear_down)
  ADD ("stamp", NULL, test_stamp);
  g_test_add_func ("/changed/checked-save", test_checked_save);
  ADD ("plan-file", NULL, test_plan_file);
  ADD ("two-writers", GINT_TO_POINTER (FALSE), test_two_writers);
  ADD ("two-writers-ignoring-locks", GINT_TO_POINTER (TRUE), test_two_writers);
  ADD ("save-during-other-save", NULL, test_save_during_other_save);
  ADD ("cli-in-place", NULL, test_cli_in_place);
#undef ADD

  return g_test_run ();
}

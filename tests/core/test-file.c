/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-file.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-xml-util.h"
#include "ikou-test-util.h"

/* Only real files: a named pipe, a folder, a device or a socket given as
 * a plan, an import source, a schedule file or an output is refused at
 * once with a sentence that says what it is.  Nothing may block: every
 * test runs under an alarm. */

typedef struct
{
  char *dir;
  char *fifo;
  char *folder;
  char *socket;
  int   socket_fd;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };

  f->dir = g_dir_make_tmp ("ikou-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->fifo = g_build_filename (f->dir, "pipe.ikou", NULL);
  g_assert_cmpint (mkfifo (f->fifo, 0600), ==, 0);
  f->folder = g_build_filename (f->dir, "folder.ikou", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  f->socket = g_build_filename (f->dir, "socket.ikou", NULL);
  f->socket_fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (f->socket_fd, >=, 0);
  g_assert_cmpuint (strlen (f->socket), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, f->socket);
  g_assert_cmpint (bind (f->socket_fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (f->socket_fd, 1), ==, 0);

  /* A blocked open is a failure, not a hang. */
  alarm (60);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  alarm (0);
  close (f->socket_fd);
  g_unlink (f->socket);
  g_unlink (f->fifo);
  g_rmdir (f->folder);
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->socket);
  g_free (f->folder);
  g_free (f->fifo);
  g_free (f->dir);
}

/* The paths that are not files, with a word their message must contain. */
static void
not_files (Fixture     *f,
           const char **paths,
           const char **words)
{
  paths[0] = f->fifo;      words[0] = "named pipe";
  paths[1] = f->folder;    words[1] = "folder";
  paths[2] = "/dev/null";  words[2] = "device";
  paths[3] = f->socket;    words[3] = "socket";
}

#define N_NOT_FILES 4

static void
assert_refused (GError     *error,
                const char *word)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == IKOU_ERROR);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, word));
}

static void
test_read (Fixture       *f,
           gconstpointer  data)
{
  const char *paths[N_NOT_FILES], *words[N_NOT_FILES];

  not_files (f, paths, words);
  for (guint i = 0; i < N_NOT_FILES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = NULL;
      g_autoptr(IkouSchedule) schedule = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_cmpint (ikou_file_open_regular (paths[i], &error), ==, -1);
      assert_refused (error, words[i]);
      g_clear_error (&error);

      plan = ikou_plan_file_load (paths[i], &error);
      g_assert_null (plan);
      assert_refused (error, words[i]);
      g_clear_error (&error);

      plan = ikou_store_load (paths[i], &error);
      g_assert_null (plan);
      assert_refused (error, words[i]);
      g_clear_error (&error);

      plan = ikou_xml_read_file (paths[i], &error);
      g_assert_null (plan);
      assert_refused (error, words[i]);
      g_clear_error (&error);

      schedule = ikou_schedule_new_from_file (paths[i], &error);
      g_assert_null (schedule);
      assert_refused (error, words[i]);
      g_clear_error (&error);

      g_assert_false (ikou_xml_read_file_contents (paths[i], &contents, &length, &error));
      assert_refused (error, words[i]);
    }
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  const char *paths[N_NOT_FILES], *words[N_NOT_FILES];
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  IkouExportOptions options;

  schedule = ikou_test_load_schedule ();
  ikou_export_options_init (&options);
  job = ikou_export_job_new (plan, NULL, schedule, &options, &error);
  g_assert_no_error (error);

  not_files (f, paths, words);
  for (guint i = 0; i < N_NOT_FILES; i++)
    {
      struct stat before, after;

      g_assert_cmpint (lstat (paths[i], &before), ==, 0);

      g_assert_false (ikou_file_check_output (paths[i], &error));
      assert_refused (error, words[i]);
      g_clear_error (&error);

      g_assert_false (ikou_store_save (plan, paths[i], &error));
      assert_refused (error, words[i]);
      g_clear_error (&error);

      g_assert_false (ikou_xml_write_file (plan, paths[i], &error));
      assert_refused (error, words[i]);
      g_clear_error (&error);

      g_assert_false (ikou_export_write (job, paths[i], &error));
      assert_refused (error, words[i]);
      g_clear_error (&error);

      /* Still there, still what it was. */
      g_assert_cmpint (lstat (paths[i], &after), ==, 0);
      g_assert_cmpuint (before.st_ino, ==, after.st_ino);
      g_assert_cmpuint (before.st_mode, ==, after.st_mode);
    }

  /* Nothing was left beside them. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);
  }
}

/* A named pipe called *.xml among the schedule files is skipped. */
static void
test_schedule_dir (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *source = g_build_filename (g_getenv ("IKOU_SCHEDULE_DIR"), NULL);
  g_autofree char *fifo = g_build_filename (f->folder, "zz-pipe.xml", NULL);
  g_autoptr(GDir) dir = g_dir_open (source, 0, NULL);
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      {
        g_autofree char *from = g_build_filename (source, name, NULL);
        g_autofree char *to = g_build_filename (f->folder, name, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
        g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
      }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  schedule = ikou_schedule_load_from_dir (f->folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  g_dir_rewind (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *to = g_build_filename (f->folder, name, NULL);

      g_unlink (to);
    }
  g_unlink (fifo);
}

/* The command line: exit 2 at once, one sentence. */
static void
run_cli (const char *expect_word,
         ...)
{
  g_autofree char *err = NULL;
  va_list args;
  int status;

  va_start (args, expect_word);
  status = ikou_test_run_ikouv (NULL, &err, args);
  va_end (args);
  g_assert_cmpint (status, ==, 2);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, expect_word));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"),
                                              "data", "samples", "koriyama.xml", NULL);

  run_cli ("named pipe", "check", f->fifo, NULL);
  run_cli ("folder", "check", f->folder, NULL);
  run_cli ("device", "check", "/dev/zero", NULL);
  run_cli ("named pipe", "import", f->fifo, "--output", "unused.ikou", NULL);
  run_cli ("named pipe", "import", sample, "--output", f->fifo, NULL);
  run_cli ("socket", "export", sample, "--output", f->socket, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/file/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("read", test_read);
  ADD ("write", test_write);
  ADD ("schedule-dir", test_schedule_dir);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}

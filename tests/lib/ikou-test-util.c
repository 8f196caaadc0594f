/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-store.h"
#include "ikou-test-util.h"

IkouDay
ikou_test_ymd (int year,
               int month,
               int day)
{
  IkouDay result = ikou_day_from_ymd (year, month, day);

  g_assert_cmpint (result, !=, IKOU_DAY_NONE);
  return result;
}

IkouDay
ikou_test_day (const char *iso)
{
  IkouDay day = IKOU_DAY_NONE;

  g_assert_true (ikou_parse_iso_date (iso, &day));
  return day;
}

char *
ikou_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ikou-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
ikou_test_save_in_temp_dir (IkouPlan  *plan,
                            char     **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = ikou_test_make_temp_dir ();
  path = g_build_filename (*dir, "plan.ikou", NULL);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
  return path;
}

guint
ikou_test_count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Never follow a link out of the folder. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_recursively (child);
    }
  g_rmdir (path);
}

void
ikou_test_remove_tree (const char *path)
{
  g_assert_nonnull (path);
  remove_recursively (path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

void
ikou_test_dir_set_up (IkouTestDir   *f,
                      gconstpointer  data)
{
  f->dir = ikou_test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "plan.ikou", NULL);
}

void
ikou_test_dir_tear_down (IkouTestDir   *f,
                         gconstpointer  data)
{
  ikou_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

char *
ikou_test_source_path (const char *first_element,
                       ...)
{
  const char *root = g_getenv ("IKOU_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first_element);
  for (const char *part = first_element; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
ikou_test_copy_to_temp (const char *relative_path,
                        const char *name)
{
  g_autofree char *source = ikou_test_source_path (relative_path, NULL);
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

void
ikou_test_remove_temp_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  ikou_test_remove_tree (dir);
}

int
ikou_test_line_of (const char *text,
                   const char *needle)
{
  const char *hit = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (hit);
  for (const char *p = text; p < hit; p++)
    if (*p == '\n')
      line++;
  return line;
}

void
ikou_test_assert_contains (const char *text,
                           const char *piece,
                           ...)
{
  va_list pieces;

  va_start (pieces, piece);
  for (; piece != NULL; piece = va_arg (pieces, const char *))
    if (strstr (text, piece) == NULL)
      g_error ("the text has no “%s”", piece);
  va_end (pieces);
}

void
ikou_test_assert_lacks (const char *text,
                        const char *piece)
{
  if (strstr (text, piece) != NULL)
    g_error ("the text has “%s”", piece);
}

void
ikou_test_assert_plans_equal (IkouPlan *a,
                              IkouPlan *b)
{
  g_autofree char *difference = NULL;

  if (!ikou_plan_equal (a, b, &difference))
    g_error ("the plans differ: %s", difference);
}

void
ikou_test_assert_next_ids (IkouPlan *plan,
                           guint     system_id,
                           guint     host_id)
{
  g_autoptr(IkouSystem) fresh = ikou_system_new (0, "新システム");
  g_autoptr(IkouHost) fresh_host = ikou_host_new (0, "新サーバ", IKOU_HOST_OTHER);

  g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, system_id);
  g_assert_cmpuint (ikou_plan_next_host_id (plan), ==, host_id);
  ikou_plan_add_system (plan, fresh);
  ikou_plan_add_host (plan, fresh_host);
  g_assert_cmpuint (ikou_system_get_id (fresh), ==, system_id);
  g_assert_cmpuint (ikou_host_get_id (fresh_host), ==, host_id);
}

IkouSchedule *
ikou_test_load_schedule (void)
{
  g_autoptr(GError) error = NULL;
  IkouSchedule *schedule = ikou_schedule_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

IkouPlan *
ikou_test_plan_new_two_hosts (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouHost) h1 = ikou_host_new (1, "電算室内統合SV", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) h2 = ikou_host_new (2, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);

  ikou_plan_add_host (plan, h1);
  ikou_plan_add_host (plan, h2);
  return plan;
}

void
ikou_test_add_hosts (IkouPlan *plan,
                     guint     first_id,
                     ...)
{
  va_list args;

  va_start (args, first_id);
  for (guint id = first_id; id != 0; id = va_arg (args, guint))
    {
      const char *name = va_arg (args, const char *);
      IkouHostKind kind = (IkouHostKind) va_arg (args, int);
      g_autoptr(IkouHost) host = ikou_host_new (id, name, kind);

      ikou_plan_add_host (plan, host);
    }
  va_end (args);
}

static IkouDay
day_or_none (const char *iso)
{
  return iso != NULL ? ikou_test_day (iso) : IKOU_DAY_NONE;
}

IkouStep
ikou_test_step (guint       from_host,
                guint       to_host,
                const char *budget,
                gint64      amount,
                const char *contract,
                const char *cutover)
{
  IkouStep step = { 0 };

  step.from_host = from_host;
  step.to_host = to_host;
  step.budget_date = day_or_none (budget);
  step.budget_amount = amount;
  step.contract_date = day_or_none (contract);
  step.cutover_date = day_or_none (cutover);
  step.annual_cost = -1;
  return step;
}

IkouSystem *
ikou_test_add_system (IkouPlan   *plan,
                      const char *name,
                      guint       from_host,
                      guint       to_host,
                      IkouDay     budget,
                      IkouDay     contract,
                      IkouDay     cutover)
{
  g_autoptr(IkouSystem) system = ikou_system_new (0, name);
  g_autoptr(IkouStep) step = ikou_step_new ();

  ikou_system_set_host (system, from_host);
  step->from_host = from_host;
  step->to_host = to_host;
  step->budget_date = budget;
  step->contract_date = contract;
  step->cutover_date = cutover;
  step->standard_compliant = TRUE;
  ikou_system_insert_step (system, G_MAXUINT, step);
  ikou_plan_add_system (plan, system);
  return system;
}

guint
ikou_test_count_findings (GPtrArray  *findings,
                          const char *rule,
                          guint       system_id)
{
  IkouFinding **all = (IkouFinding **) findings->pdata;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (all[i]->rule, rule) && (system_id == 0 || all[i]->system_id == system_id);
  return n;
}

IkouFinding *
ikou_test_finding_new (guint        system_id,
                       IkouSeverity severity,
                       int          step,
                       int          milestone)
{
  IkouFinding finding = { 0 };

  finding.rule = IKOU_RULE_DEADLINE_AT_RISK;
  finding.severity = severity;
  finding.system_id = system_id;
  finding.step = step;
  finding.milestone = milestone;
  return ikou_finding_copy (&finding);
}

int
ikou_test_run_ikou_args (const char * const  *args,
                         char               **out,
                         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  GSpawnFlags flags = G_SPAWN_DEFAULT;
  int wait_status;

  g_assert_nonnull (g_getenv ("IKOU_BIN"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("IKOU_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display: the command line must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (err == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, flags,
                               NULL, NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

int
ikou_test_run_ikouv (char    **out,
                     char    **err,
                     va_list   args)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (list, (gpointer) arg);
  g_ptr_array_add (list, NULL);

  return ikou_test_run_ikou_args ((const char * const *) list->pdata, out, err);
}

int
ikou_test_run_ikou (char **out,
                    char **err,
                    ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = ikou_test_run_ikouv (out, err, args);
  va_end (args);
  return status;
}

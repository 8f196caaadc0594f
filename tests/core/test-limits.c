/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ikou-error.h"
#include "ikou-host.h"
#include "ikou-limits.h"
#include "ikou-scenario.h"
#include "ikou-step.h"
#include "ikou-store.h"
#include "ikou-system.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* The same limits everywhere: a plan with every text and count at its
 * limit goes through .ikou and XML and back unchanged; one character or
 * one item more is refused by both readers, naming the field and where
 * it is; a huge text is refused without being read in. */

/* @n characters of @unit (one UTF-8 character). */
static char *
text_of (const char *unit,
         guint       n)
{
  GString *s = g_string_sized_new (n * strlen (unit) + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* Every text at its limit, in the widest characters (4 bytes); the step
 * count at its limit. */
static IkouPlan *
plan_at_limits (void)
{
  g_autofree char *name = text_of ("𠮷", IKOU_LIMIT_SHORT_TEXT);
  g_autofree char *long_text = text_of ("𠮷", IKOU_LIMIT_LONG_TEXT);
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouHost) host = ikou_host_new (1, name, IKOU_HOST_GOV_CLOUD);
  g_autoptr(IkouSystem) system = ikou_system_new (1, name);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new (name);
  g_autoptr(IkouStep) step = ikou_step_new ();

  ikou_plan_set_title (plan, name);
  ikou_plan_set_organization (plan, name);
  ikou_plan_set_description (plan, long_text);
  ikou_host_set_note (host, long_text);
  ikou_plan_add_host (plan, host);

  ikou_system_set_department (system, name);
  ikou_system_set_vendor (system, name);
  ikou_system_set_notes (system, long_text);
  for (guint i = 0; i < IKOU_LIMIT_STEPS; i++)
    {
      g_free (step->note);
      step->note = i == 0 ? g_strdup (long_text) : g_strdup_printf ("%u", i);
      step->to_host = 1;
      ikou_system_insert_step (system, G_MAXUINT, step);
    }
  ikou_plan_add_system (plan, system);

  ikou_scenario_set_description (scenario, long_text);
  ikou_plan_add_scenario (plan, scenario);
  return g_steal_pointer (&plan);
}

static void
test_fits (void)
{
  g_autofree char *ascii = text_of ("a", 10);
  g_autofree char *wide = text_of ("あ", 10);

  g_assert_true (ikou_limits_text_fits (NULL, 0));
  g_assert_true (ikou_limits_text_fits (ascii, 10));
  g_assert_false (ikou_limits_text_fits (ascii, 9));
  g_assert_true (ikou_limits_text_fits (wide, 10));
  g_assert_false (ikou_limits_text_fits (wide, 9));
  g_assert_false (ikou_limits_text_fits (wide, 2));
}

/* Symmetry: what Ikou writes at the limits, Ikou reads. */
static void
test_at_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-limits-XXXXXX", NULL);
  g_autofree char *ikou = g_build_filename (dir, "plan.ikou", NULL);
  g_autofree char *xml = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(IkouPlan) plan = plan_at_limits ();
  g_autoptr(IkouPlan) from_ikou = NULL;
  g_autoptr(IkouPlan) from_xml = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ikou_limits_check_plan (plan, "plan", &error));
  g_assert_no_error (error);

  g_assert_true (ikou_store_save (plan, ikou, &error));
  g_assert_no_error (error);
  from_ikou = ikou_store_load (ikou, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_plan_equal (plan, from_ikou, NULL));

  /* Exported from what was read, imported again. */
  g_assert_true (ikou_xml_write_file (from_ikou, xml, &error));
  g_assert_no_error (error);
  from_xml = ikou_xml_read_file (xml, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_plan_equal (plan, from_xml, NULL));

  ikou_test_remove_tree (dir);
}

typedef void (*Spoil) (IkouPlan *plan);

static void
spoil_title (IkouPlan *plan)
{
  g_autofree char *text = text_of ("a", IKOU_LIMIT_SHORT_TEXT + 1);

  ikou_plan_set_title (plan, text);
}

static void
spoil_system_notes (IkouPlan *plan)
{
  g_autofree char *text = text_of ("あ", IKOU_LIMIT_LONG_TEXT + 1);

  ikou_system_set_notes (ikou_plan_get_system (plan, 0), text);
}

static void
spoil_host_name (IkouPlan *plan)
{
  g_autofree char *text = text_of ("x", IKOU_LIMIT_SHORT_TEXT + 1);

  ikou_host_set_name (ikou_plan_get_host (plan, 0), text);
}

static void
spoil_step_note (IkouPlan *plan)
{
  IkouSystem *system = ikou_plan_get_system (plan, 0);
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (system, 1));

  g_free (step->note);
  step->note = text_of ("x", IKOU_LIMIT_LONG_TEXT + 1);
  ikou_system_set_step (system, 1, step);
}

static void
spoil_steps (IkouPlan *plan)
{
  IkouSystem *system = ikou_plan_get_system (plan, 0);

  ikou_system_insert_step (system, G_MAXUINT, ikou_system_get_step (system, 1));
}

static void
spoil_scenario_description (IkouPlan *plan)
{
  g_autofree char *text = text_of ("x", IKOU_LIMIT_LONG_TEXT + 1);

  ikou_scenario_set_description (ikou_plan_get_scenario (plan, 0), text);
}

static const struct
{
  Spoil       spoil;
  const char *words[2];   /* what the message must name */
} over_limit[] = {
  { spoil_title, { "title", "1000 characters" } },
  { spoil_system_notes, { "notes of system", "(id 1)" } },
  { spoil_host_name, { "name of host", "(id 1)" } },
  { spoil_step_note, { "note of step 2 of system", "(id 1)" } },
  { spoil_steps, { "system", "more than 100 steps" } },
  { spoil_scenario_description, { "description of scenario", "100000 characters" } },
};

static void
assert_over (GError     *error,
             guint       i)
{
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  for (guint w = 0; w < G_N_ELEMENTS (over_limit[i].words); w++)
    g_assert_nonnull (strstr (error->message, over_limit[i].words[w]));
}

static void
test_over_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-limits-XXXXXX", NULL);
  g_autofree char *ikou = g_build_filename (dir, "plan.ikou", NULL);
  g_autofree char *xml = g_build_filename (dir, "plan.xml", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (over_limit); i++)
    {
      g_autoptr(IkouPlan) plan = plan_at_limits ();
      g_autoptr(IkouPlan) loaded = NULL;
      g_autoptr(GError) error = NULL;

      over_limit[i].spoil (plan);
      g_assert_false (ikou_limits_check_plan (plan, "plan", &error));
      assert_over (error, i);
      g_clear_error (&error);

      /* Written as they are (a save never loses text), refused on reading. */
      g_assert_true (ikou_store_save (plan, ikou, &error));
      g_assert_no_error (error);
      loaded = ikou_store_load (ikou, &error);
      g_assert_null (loaded);
      assert_over (error, i);
      g_clear_error (&error);

      g_assert_true (ikou_xml_write_file (plan, xml, &error));
      g_assert_no_error (error);
      loaded = ikou_xml_read_file (xml, &error);
      g_assert_null (loaded);
      assert_over (error, i);
    }

  ikou_test_remove_tree (dir);
}

/* A 64 MB note put into an .ikou by another program is refused without
 * being read into memory: the reading process grows far less than that. */
static void
test_huge_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ikou", NULL);
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSystem) system = ikou_system_new (1, "戸籍");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *sql;
  pid_t pid;
  int status;

  ikou_plan_add_system (plan, system);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = "UPDATE systems SET notes = CAST(zeroblob(64 * 1024 * 1024) AS TEXT) WHERE id = 1";
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "UPDATE systems SET notes = replace(notes, char(0), 'x') WHERE id = 1", NULL, NULL, NULL);
  sqlite3_close (db);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rusage before, after;
      g_autoptr(IkouPlan) loaded = NULL;
      g_autoptr(GError) child_error = NULL;

      getrusage (RUSAGE_SELF, &before);
      loaded = ikou_store_load (path, &child_error);
      getrusage (RUSAGE_SELF, &after);
      if (loaded != NULL || !g_error_matches (child_error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT) ||
          strstr (child_error->message, "table “systems”") == NULL)
        _exit (1);
      /* ru_maxrss is in KiB. */
      _exit (after.ru_maxrss - before.ru_maxrss < 16 * 1024 ? 0 : 2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  ikou_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/fits", test_fits);
  g_test_add_func ("/limits/at-limits", test_at_limits);
  g_test_add_func ("/limits/over-limits", test_over_limits);
  g_test_add_func ("/limits/huge-text", test_huge_text);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ikou-error.h"
#include "ikou-store.h"
#include "ikou-system.h"
#include "ikou-test-util.h"

/* Damage SQLite cannot see: a save stores a checksum of the content, a
 * load compares it. */

#define TARGET_NAME "CHECKSUM-TARGET-SYSTEM"

/* A private folder (removed with ikou_test_dir_tear_down) and in it
 * path, a plan of 50 systems. */
typedef IkouTestDir Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();

  ikou_plan_set_title (plan, "checksum");
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("system %u", i);
      g_autoptr(IkouSystem) system = ikou_system_new (0, i == 25 ? TARGET_NAME : name);

      ikou_plan_add_system (plan, system);
    }
  f->path = ikou_test_save_in_temp_dir (plan, &f->dir);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_damaged (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_store_load (path, &error);

  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CHECKSUM);
  g_assert_nonnull (strstr (error->message, "changed or damaged outside Ikou"));
  g_assert_nonnull (strstr (error->message, "plan.ikou"));
}

static void
test_stored (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *computed = ikou_store_compute_checksum (f->path, &error);
  g_autoptr(IkouPlan) plan = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (computed), ==, 32);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM checksum", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, computed);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  plan = ikou_store_load (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 50);
}

/* One flipped bit in a text: SQLite's own checks pass, the plan would
 * open with a renamed system. */
static void
test_flipped_bit (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  gsize length;
  char *at;

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  at = NULL;
  for (gsize i = 0; at == NULL && i + strlen (TARGET_NAME) <= length; i++)
    if (memcmp (contents + i, TARGET_NAME, strlen (TARGET_NAME)) == 0)
      at = contents + i;
  g_assert_nonnull (at);
  at[3] ^= 0x01;   /* 'C' -> 'B' */
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length, NULL));

  assert_damaged (f->path);

  /* Opened anyway, on purpose: the renamed system is there. */
  plan = ikou_store_load_full (f->path, IKOU_STORE_LOAD_IGNORE_CHECKSUM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 25)), ==, "CHEBKSUM-TARGET-SYSTEM");
}

static void
test_edited_outside (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (f->path, &good, &length, NULL));

  run_sql (f->path, "UPDATE systems SET name = 'renamed' WHERE id = 3");
  assert_damaged (f->path);

  g_assert_true (g_file_set_contents (f->path, good, (gssize) length, NULL));
  run_sql (f->path, "DELETE FROM checksum");
  assert_damaged (f->path);

  g_assert_true (g_file_set_contents (f->path, good, (gssize) length, NULL));
  run_sql (f->path, "UPDATE checksum SET value = 'not a checksum'");
  assert_damaged (f->path);

  /* A version 3 file has no checksum to compare. */
  g_assert_true (g_file_set_contents (f->path, good, (gssize) length, NULL));
  run_sql (f->path, "DROP TABLE checksum; UPDATE systems SET name = 'renamed' WHERE id = 3;"
                    " PRAGMA user_version = 3;");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IkouPlan) plan = ikou_store_load (f->path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 2)), ==, "renamed");
  }
}

static int
run_check (const char  *path,
           gboolean     force,
           char       **err)
{
  return ikou_test_run_ikou (NULL, err, "check", path, "--today", "2021-03-01",
                             force ? "--force" : NULL, NULL);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_check (f->path, FALSE, &err), !=, 2);
  g_clear_pointer (&err, g_free);

  run_sql (f->path, "UPDATE systems SET name = 'renamed' WHERE id = 3");
  g_assert_cmpint (run_check (f->path, FALSE, &err), ==, 2);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "changed or damaged outside Ikou"));
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_check (f->path, TRUE, &err), !=, 2);
  g_clear_pointer (&err, g_free);

  /* The commands that write read the same way. */
  g_assert_cmpint (ikou_test_run_ikou (NULL, &err, "scenario", f->path, "new", "after damage", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ikou_test_run_ikou (NULL, &err, "scenario", f->path, "new", "after damage", "--force", NULL),
                   ==, 0);
  g_clear_pointer (&err, g_free);
  /* Written by Ikou: its checksum matches again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IkouPlan) plan = ikou_store_load (f->path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);
  }

  /* And the commands that only read. */
  run_sql (f->path, "UPDATE systems SET name = 'renamed again' WHERE id = 3");
  g_assert_cmpint (ikou_test_run_ikou (NULL, &err, "diff", f->path, "--scenario", "after damage", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ikou_test_run_ikou (NULL, &err, "diff", f->path, "--scenario", "after damage", "--force", NULL),
                   ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/checksum/" name, Fixture, NULL, fixture_set_up, func, ikou_test_dir_tear_down)
  ADD ("stored", test_stored);
  ADD ("flipped-bit", test_flipped_bit);
  ADD ("edited-outside", test_edited_outside);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}

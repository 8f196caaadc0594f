/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-store.h"
#include "ikou-test-util.h"
#include "rich-scenario.h"

/* Helpers --------------------------------------------------------------- */

/* A private folder; path is dir/plan.ikou. */
typedef IkouTestDir Fixture;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
write_text (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Runs @sql on the database at @path (read-write), outside Ikou. */
/* These tests edit files by hand to reach the reader's own checks behind
 * the checksum: the edit is then sealed as if Ikou had saved it (when the
 * file still is an Ikou plan with a checksum table). */
static void
reseal (const char *path)
{
  g_autofree char *sum = ikou_store_compute_checksum (path, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  if (sum == NULL)
    return;
  sql = g_strdup_printf ("UPDATE checksum SET value = '%s'", sum);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  reseal (path);
}

/* The first value @sql gives, as text (NULL for NULL or no row). */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return result;
}

/* The first value @sql gives is @expected (NULL: none). */
static void
assert_query (const char *path,
              const char *sql,
              const char *expected)
{
  g_autofree char *value = query_text (path, sql);

  if (g_strcmp0 (value, expected) != 0)
    g_test_message ("%s", sql);
  g_assert_cmpstr (value, ==, expected);
}

static void
add_step (IkouSystem      *system,
          guint            from,
          guint            to,
          IkouDay          budget,
          gint64           amount,
          gboolean         supplementary,
          IkouDay          contract,
          IkouDay          cutover,
          gboolean         compliant,
          IkouArrangement  arrangement,
          guint            done,
          const char      *note)
{
  IkouStep step = { .annual_cost = -1, };

  step.from_host = from;
  step.to_host = to;
  step.budget_date = budget;
  step.budget_amount = amount;
  step.supplementary = supplementary;
  step.contract_date = contract;
  step.cutover_date = cutover;
  step.standard_compliant = compliant;
  step.arrangement = arrangement;
  step.done = done;
  step.note = (char *) note;
  ikou_system_insert_step (system, G_MAXUINT, &step);
}

/* A plan with every field of the model set somewhere, and left unset
 * somewhere else. */
static IkouPlan *
make_full_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouScenario) delay = ikou_scenario_new ("稼働を半年遅らせる案");
  g_autoptr(IkouScenario) empty = ikou_scenario_new ("Empty");
  g_autoptr(IkouSystem) juki = NULL;
  g_autoptr(IkouSystem) zei = NULL;
  g_autoptr(IkouSystem) kokuho = NULL;
  g_autoptr(IkouSystem) bare = NULL;
  g_autoptr(IkouSystem) first = NULL;

  ikou_plan_set_organization (plan, "架空市");
  ikou_plan_set_org_code (plan, "999999");
  ikou_plan_set_title (plan, "基幹業務システム移行計画");
  ikou_plan_set_description (plan, "R7年度末までの移行計画。\n二行目 \"quoted\" 'single'");
  ikou_plan_set_schedule_version (plan, "2024-06");

  /* Two hosts of each kind; ids not in display order. */
  for (guint kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *name = g_strdup_printf ("ホスト%u-%u", kind, k);
        g_autoptr(IkouHost) host = ikou_host_new (100 - kind * 10 - k, name, kind);

        if (k == 0)
          {
            ikou_host_set_available_from (host, ikou_test_ymd (2024, 1 + kind, 1));
            ikou_host_set_available_until (host, ikou_test_ymd (2030, 3, 31));
            ikou_host_set_note (host, "再リース 2027-03 まで");
          }
        else if (kind == IKOU_HOST_OTHER)
          {
            ikou_host_set_name (host, NULL);
            ikou_host_set_note (host, ""); /* empty is not NULL for hosts */
          }
        ikou_plan_add_host (plan, host);
      }

  juki = ikou_system_new (7, "住民記録システム");
  ikou_system_set_department (juki, "市民課");
  ikou_system_set_vendor (juki, "株式会社サンプル");
  ikou_system_set_operation (juki, "resident-register");
  ikou_system_set_host (juki, 100);
  ikou_system_set_status (juki, IKOU_STATUS_IN_PROGRESS);
  ikou_system_set_notes (juki, "メモ：\t特記事項あり");
  add_step (juki, 100, 80, ikou_test_ymd (2023, 10, 1), 12000, FALSE, ikou_test_ymd (2024, 4, 1),
            ikou_test_ymd (2025, 1, 6), FALSE, IKOU_ARRANGEMENT_NORMAL,
            IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET), "一次移行");
  add_step (juki, 80, 70, ikou_test_ymd (2024, 10, 1), -1, TRUE, ikou_test_ymd (2025, 4, 1),
            ikou_test_ymd (2026, 1, 4), TRUE, IKOU_ARRANGEMENT_DEBT_BURDEN,
            IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) |
            IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT), NULL);
  add_step (juki, 70, 0, IKOU_DAY_NONE, 0, FALSE, IKOU_DAY_NONE, ikou_test_ymd (2027, 3, 31),
            TRUE, IKOU_ARRANGEMENT_PREPARATORY, 7, "");
  ikou_system_set_transitional (juki, TRUE);
  ikou_system_set_transitional_functions (juki, "住民票の写しの広域交付\n（経過措置）");
  ikou_system_set_transitional_completion (juki, ikou_test_ymd (2027, 3, 31));
  ikou_system_set_transitional_notified (juki, ikou_test_ymd (2025, 11, 28));

  zei = ikou_system_new (3, "個人住民税");
  ikou_system_set_operation (zei, "individual-resident-tax");
  ikou_system_set_tokutei (zei, TRUE);
  ikou_system_set_tokutei_deadline (zei, ikou_test_ymd (2028, 3, 31));
  ikou_system_set_tokutei_reason (zei, "ベンダーの撤退");
  ikou_system_set_tokutei_reason_kind (zei, IKOU_TOKUTEI_REASON_NO_PRODUCT);
  ikou_system_set_status (zei, IKOU_STATUS_NOT_STARTED);
  add_step (zei, 0, 69, ikou_test_ymd (2025, 10, 1), G_GINT64_CONSTANT (123456789012), FALSE,
            ikou_test_ymd (2026, 4, 1), ikou_test_ymd (2027, 12, 1), TRUE, IKOU_ARRANGEMENT_LONG_TERM,
            IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER), "特定移行支援");

  kokuho = ikou_system_new (12, "国民健康保険");
  ikou_system_set_status (kokuho, IKOU_STATUS_DONE);
  ikou_system_set_tokutei (kokuho, TRUE); /* flag without deadline or reason */

  bare = ikou_system_new (40, NULL);
  ikou_system_set_status (bare, IKOU_STATUS_NOT_IN_SCOPE);

  first = ikou_system_new (99, "");
  ikou_system_set_host (first, 60);

  ikou_plan_add_system (plan, juki);
  ikou_plan_add_system (plan, zei);
  ikou_plan_add_system (plan, kokuho);
  ikou_plan_add_system (plan, bare);
  ikou_plan_insert_system (plan, 0, first);

  ikou_scenario_set_description (delay, "予算が通らなかった場合");
  ikou_scenario_set_override (delay, 7, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 7, 1));
  ikou_scenario_set_override (delay, 7, 1, IKOU_OVERRIDE_BUDGET_DATE, ikou_test_ymd (2025, 10, 1));
  ikou_scenario_set_override (delay, 3, 0, IKOU_OVERRIDE_CONTRACT_DATE, IKOU_DAY_NONE);
  ikou_scenario_set_override (delay, 3, 0, IKOU_OVERRIDE_TO_HOST, 70);
  ikou_scenario_set_override (delay, 7, 2, IKOU_OVERRIDE_TO_HOST, 0);
  /* A system that is not (or no longer) in the plan. */
  ikou_scenario_set_override (delay, 555, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 3, 31));
  ikou_plan_add_scenario (plan, delay);
  ikou_plan_add_scenario (plan, empty);

  return plan;
}

/* A plan of @n_systems generated systems, about two steps each. */
static IkouPlan *
make_large_plan (guint n_systems)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_object_unref);

  ikou_plan_set_organization (plan, "全国");
  ikou_plan_set_title (plan, "全国の移行計画");
  for (guint kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
    {
      g_autoptr(IkouHost) host = ikou_host_new (kind + 1, ikou_host_kind_to_string (kind), kind);

      ikou_host_set_available_from (host, ikou_test_ymd (2023, 4, 1));
      ikou_plan_add_host (plan, host);
    }

  for (guint i = 0; i < n_systems; i++)
    {
      g_autofree char *name = g_strdup_printf ("団体%05u 住民記録システム", i);
      IkouSystem *system = ikou_system_new (i + 1, name);

      ikou_system_set_department (system, "市民課");
      ikou_system_set_vendor (system, "ベンダー");
      ikou_system_set_operation (system, "resident-register");
      ikou_system_set_host (system, 1);
      ikou_system_set_status (system, i % IKOU_N_STATUSES);
      add_step (system, 1, 3, ikou_test_ymd (2023, 10, 1), 1000 + i, FALSE, ikou_test_ymd (2024, 4, 1),
                ikou_test_ymd (2025, 1, 1) + (IkouDay) (i % 300), FALSE, IKOU_ARRANGEMENT_NORMAL,
                1, NULL);
      if (i % 8 != 0)
        add_step (system, 3, 4, ikou_test_ymd (2024, 10, 1), -1, i % 3 == 0, ikou_test_ymd (2025, 4, 1),
                  ikou_test_ymd (2026, 1, 1) + (IkouDay) (i % 90), TRUE, IKOU_ARRANGEMENT_DEBT_BURDEN,
                  0, i % 5 == 0 ? "備考" : NULL);
      g_ptr_array_add (systems, system);
    }

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < systems->len; i++)
    ikou_plan_add_system (plan, g_ptr_array_index (systems, i));
  ikou_plan_end_bulk (plan);
  return plan;
}

static void
save_ok (IkouPlan   *plan,
         const char *path)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = ikou_store_save (plan, path, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The plan at @path; asserts that it loads. */
static IkouPlan *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_loads (const char *path,
              IkouPlan   *expected)
{
  g_autoptr(IkouPlan) loaded = load_ok (path);

  if (expected != NULL)
    ikou_test_assert_plans_equal (expected, loaded);
}

/* Saves @plan at @path and loads it again; asserts that the plan loaded
 * is the same, and returns it. */
static IkouPlan *
save_and_load (IkouPlan   *plan,
               const char *path)
{
  IkouPlan *loaded;

  save_ok (plan, path);
  loaded = load_ok (path);
  ikou_test_assert_plans_equal (plan, loaded);
  return loaded;
}

/* Loading @path fails with @code and a message naming the file, and does
 * not touch the file. */
static void
assert_load_fails (const char *path,
                   int         code,
                   const char *also_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);

  if (exists)
    before = read_bytes (path);

  plan = ikou_store_load (path, &error);
  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, display));
  if (also_in_message != NULL && strstr (error->message, also_in_message) == NULL)
    g_error ("“%s” not in “%s”", also_in_message, error->message);

  if (exists)
    {
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* Round trips ----------------------------------------------------------- */

/* make_full_plan() as a file before version 6 holds it: no classified
 * reason, no 経過措置. */
static IkouPlan *
make_full_plan_before_6 (void)
{
  IkouPlan *plan = make_full_plan ();

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      ikou_system_set_tokutei_reason_kind (system, IKOU_TOKUTEI_REASON_UNKNOWN);
      ikou_system_set_transitional (system, FALSE);
      ikou_system_set_transitional_functions (system, NULL);
      ikou_system_set_transitional_completion (system, IKOU_DAY_NONE);
      ikou_system_set_transitional_notified (system, IKOU_DAY_NONE);
    }
  return plan;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(IkouPlan) loaded = save_and_load (plan, f->path);

  /* And the loaded plan saves back to the same content. */
  {
    g_autofree char *again = g_build_filename (f->dir, "again.ikou", NULL);

    g_assert_cmpuint (ikou_plan_next_system_id (loaded), ==, 100);
    g_assert_cmpuint (ikou_plan_next_host_id (loaded), ==, 101);
    save_ok (loaded, again);
    assert_loads (again, plan);
  }
}

static void
test_round_trip_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouPlan) loaded = save_and_load (plan, f->path);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 0);
  g_assert_null (ikou_plan_get_title (loaded));
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_round_trip_large (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_large_plan (2000);
  g_autoptr(IkouPlan) loaded = save_and_load (plan, f->path);
  guint n_changes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 2000);

  /* The loaded systems are wired to the plan. */
  {
    IkouSystem *system = ikou_plan_get_system (loaded, 1999);

    g_assert_true (ikou_plan_lookup_system (loaded, 2000) == system);
    g_signal_connect_swapped (loaded, "system-changed", G_CALLBACK (count_signal), &n_changes);
    ikou_system_set_notes (system, "edited");
    g_assert_cmpuint (n_changes, ==, 1);
  }
}

/* The ids a plan hands out next survive a save when the system and the
 * host with the highest ids were removed: a new system never takes the
 * id a scenario override still names. */
static void
test_round_trip_next_ids (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(IkouPlan) loaded = NULL;
  g_autoptr(IkouSystem) top = ikou_system_new (0, "廃止予定システム");
  g_autoptr(IkouHost) top_host = ikou_host_new (0, "撤去予定サーバ", IKOU_HOST_OTHER);
  IkouScenario *delay;

  ikou_plan_add_system (plan, top);
  ikou_plan_add_host (plan, top_host);
  g_assert_cmpuint (ikou_system_get_id (top), ==, 100);
  g_assert_cmpuint (ikou_host_get_id (top_host), ==, 101);
  add_step (top, 101, 70, IKOU_DAY_NONE, -1, FALSE, IKOU_DAY_NONE, ikou_test_ymd (2026, 1, 4), TRUE,
            IKOU_ARRANGEMENT_NORMAL, 0, NULL);
  delay = ikou_plan_lookup_scenario (plan, "稼働を半年遅らせる案");
  ikou_scenario_set_override (delay, 100, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 7, 1));

  /* Removed; the scenario keeps its override (an undo may bring the
   * system back). */
  ikou_plan_remove_system (plan, top);
  ikou_plan_remove_host (plan, top_host);
  g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, 101);
  g_assert_cmpuint (ikou_plan_next_host_id (plan), ==, 102);

  save_ok (plan, f->path);
  assert_query (f->path, "SELECT next_system_id || ' ' || next_host_id FROM plan", "101 102");

  loaded = load_ok (f->path);
  ikou_test_assert_plans_equal (plan, loaded);

  /* A new system gets a fresh id, and the old override stays with the
   * removed one. */
  ikou_test_assert_next_ids (loaded, 101, 102);
  delay = ikou_plan_lookup_scenario (loaded, "稼働を半年遅らせる案");
  g_assert_true (ikou_scenario_has_system (delay, 100));
  g_assert_false (ikou_scenario_has_system (delay, 101));

  /* The same plan without the counters differs by them alone. */
  {
    g_autoptr(IkouPlan) other = make_full_plan ();
    g_autofree char *difference = NULL;

    ikou_scenario_set_override (ikou_plan_lookup_scenario (other, "稼働を半年遅らせる案"),
                                100, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 7, 1));
    g_assert_false (ikou_plan_equal (plan, other, &difference));
    g_assert_cmpstr (difference, ==, "next ids differ: system 101 vs 100, host 102 vs 101");
    ikou_plan_set_next_ids (other, 101, 102);
    ikou_test_assert_plans_equal (plan, other);
  }
}

/* The file itself -------------------------------------------------------- */

static void
test_file_format (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *header;

  save_ok (plan, f->path);

  assert_query (f->path, "PRAGMA user_version", G_STRINGIFY (IKOU_STORE_VERSION));
  assert_query (f->path, "PRAGMA application_id", "1229672277"); /* 0x494B4F55, 'IKOU' */

  /* A rollback-journal database: the header's read/write versions are 1
   * (WAL would be 2), and whoever opens it gets the delete journal. */
  bytes = read_bytes (f->path);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  g_assert_cmpmem (header + 68, 4, "IKOU", 4);
  assert_query (f->path, "PRAGMA journal_mode", "delete");

  /* Readable with the sqlite3 tool: dates as ISO text, ids of enumerations. */
  assert_query (f->path, "SELECT cutover_date FROM steps"
                         " WHERE system_id = 7 AND position = 1", "2026-01-04");
  assert_query (f->path, "SELECT count(*) FROM steps"
                         " WHERE system_id = 7 AND position = 1 AND budget_amount IS NULL", "1");
  assert_query (f->path, "SELECT kind FROM hosts WHERE id = 70", "gov-cloud");
  assert_query (f->path, "SELECT group_concat(name, '|') FROM"
                         " (SELECT name FROM systems ORDER BY position)",
                "|住民記録システム|個人住民税|国民健康保険");
  assert_query (f->path, "SELECT tokutei_deadline FROM systems WHERE id = 3", "2028-03-31");
  /* Overrides are written in system, step, field order. */
  assert_query (f->path, "SELECT group_concat(field || '=' || coalesce(day, host_id, '-'), ' ')"
                         " FROM (SELECT * FROM overrides ORDER BY position)",
                "contract-date=- to-host=70 budget-date=2025-10-01"
                " cutover-date=2026-07-01 to-host=- cutover-date=2026-03-31");
  assert_query (f->path, "SELECT next_system_id || ' ' || next_host_id FROM plan", "100 101");
  assert_query (f->path, "PRAGMA foreign_key_check", NULL);
  assert_query (f->path, "PRAGMA integrity_check", "ok");
}

static void
test_save_replaces (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IkouPlan) first = make_full_plan ();
  g_autoptr(IkouPlan) second = make_large_plan (50);
  g_autofree char *listing = NULL;

  save_ok (first, f->path);
  save_ok (second, f->path);
  assert_loads (f->path, second);

  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");

  /* And back to a smaller plan: nothing of the larger one is left. */
  save_ok (first, f->path);
  assert_loads (f->path, first);
  g_free (listing);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");
}

#ifdef G_OS_UNIX
static void
test_save_keeps_mode (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  GStatBuf st;
  mode_t mask = umask (022);

  save_ok (plan, f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  umask (mask);

  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  save_ok (plan, f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}
#endif

/* Failed saves --------------------------------------------------------- */

static void
assert_save_fails (IkouPlan   *plan,
                   const char *path,
                   const char *also_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  g_assert_false (ikou_store_save (plan, path, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, display));
  if (also_in_message != NULL && strstr (error->message, also_in_message) == NULL)
    g_error ("“%s” not in “%s”", also_in_message, error->message);
}

static void
test_save_missing_directory (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "plan.ikou", NULL);
  g_autofree char *listing = NULL;

  assert_save_fails (plan, path, g_strerror (ENOENT));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_save_onto_directory (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autofree char *path = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *inside = g_build_filename (path, "keep.txt", NULL);
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_text (inside, "keep", -1);

  assert_save_fails (plan, path, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "folder");
  g_free (listing);
  listing = list_dir (path);
  g_assert_cmpstr (listing, ==, "keep.txt");
}

/* A model that refers to a host it does not have cannot be saved (the
 * file would not load); the old file stays as it was. */
static void
test_save_dangling_host (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(IkouPlan) broken = make_full_plan ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = NULL;

  save_ok (plan, f->path);
  before = read_bytes (f->path);

  ikou_plan_remove_host (broken, ikou_plan_lookup_host (broken, 69));
  assert_save_fails (broken, f->path, "個人住民税");

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");
  assert_loads (f->path, plan);
}

static void
test_save_invalid_date (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autofree char *listing = NULL;

  ikou_system_set_tokutei_deadline (ikou_plan_lookup_system (plan, 3), -5);
  assert_save_fails (plan, f->path, "tokutei_deadline");
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "");
}

#ifdef G_OS_UNIX
/* A real write error half-way (the disk is "full": the file size limit
 * is lower than the new file), over an existing file. */
static void
test_save_write_error (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IkouPlan) small = make_full_plan ();
  g_autoptr(IkouPlan) big = make_large_plan (3000);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = NULL;
  struct rlimit saved, limit;
  void (*old_handler) (int);
  GStatBuf st;

  save_ok (small, f->path);
  before = read_bytes (f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = (rlim_t) st.st_size * 2;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  assert_save_fails (big, f->path, NULL);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");
  assert_loads (f->path, small);

  /* With room again, the same save works. */
  save_ok (big, f->path);
  assert_loads (f->path, big);
}
#endif

/* Failed loads -------------------------------------------------------- */

static void
test_load_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *in_missing_dir = g_build_filename (f->dir, "nope", "plan.ikou", NULL);

  assert_load_fails (f->path, IKOU_ERROR_NOT_FOUND, NULL);
  assert_load_fails (in_missing_dir, IKOU_ERROR_NOT_FOUND, NULL);
}

static void
test_load_not_a_plan (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(GBytes) good = NULL;

  save_ok (plan, f->path);
  good = read_bytes (f->path);

  write_text (f->path, "organization,title\n架空市,計画\n", -1);
  assert_load_fails (f->path, IKOU_ERROR_NOT_A_PLAN, "not an Ikou plan");
  write_bytes (f->path, good);
  assert_loads (f->path, plan);

  write_text (f->path, "", 0);
  assert_load_fails (f->path, IKOU_ERROR_NOT_A_PLAN, "not an Ikou plan");
  write_bytes (f->path, good);
  assert_loads (f->path, plan);

  /* Just the first bytes of the magic. */
  write_text (f->path, "SQLite", -1);
  assert_load_fails (f->path, IKOU_ERROR_NOT_A_PLAN, NULL);

  /* Another program's database. */
  g_unlink (f->path);
  run_sql (f->path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                    "INSERT INTO contacts VALUES ('a', 'b');");
  assert_load_fails (f->path, IKOU_ERROR_NOT_A_PLAN, "not an Ikou plan");

  /* Another program's database that happens to have our tables. */
  write_bytes (f->path, good);
  run_sql (f->path, "PRAGMA application_id = 42;");
  assert_load_fails (f->path, IKOU_ERROR_NOT_A_PLAN, NULL);

  write_bytes (f->path, good);
  assert_loads (f->path, plan);

  /* A folder. */
  assert_load_fails (f->dir, IKOU_ERROR_IO, "folder");
}

static void
test_load_newer (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(GBytes) good = NULL;

  save_ok (plan, f->path);
  good = read_bytes (f->path);

  run_sql (f->path, "PRAGMA user_version = 99;");
  assert_load_fails (f->path, IKOU_ERROR_NEWER_VERSION, "newer version of Ikou");

  /* The next version, with the tables of this one. */
  write_bytes (f->path, good);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;",
                                            IKOU_STORE_VERSION + 1);
    g_autofree char *in_message = g_strdup_printf ("file format %d", IKOU_STORE_VERSION + 1);

    g_assert_cmpint (IKOU_STORE_VERSION + 1, ==, 7);
    run_sql (f->path, sql);
    assert_load_fails (f->path, IKOU_ERROR_NEWER_VERSION, in_message);
  }

  /* A newer file need not have our tables at all. */
  run_sql (f->path, "DROP TABLE overrides;");
  assert_load_fails (f->path, IKOU_ERROR_NEWER_VERSION, NULL);

  write_bytes (f->path, good);
  assert_loads (f->path, plan);
}

static void
test_load_truncated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_large_plan (300);
  g_autoptr(GBytes) good = NULL;
  gsize sizes[] = { 0, 100, 99, 50, 4096, 4097 };
  gsize length;
  const char *bytes;

  save_ok (plan, f->path);
  good = read_bytes (f->path);
  bytes = g_bytes_get_data (good, &length);
  sizes[0] = length / 2;
  g_assert_cmpuint (length, >, 4 * 4096);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_test_message ("cut to %" G_GSIZE_FORMAT " bytes", sizes[i]);
      write_text (f->path, bytes, sizes[i]);
      assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "damaged");
      write_bytes (f->path, good);
      assert_loads (f->path, plan);
    }
}

static void
test_load_corrupt_page (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_large_plan (300);
  g_autoptr(GBytes) good = NULL;
  gsize length, page_size, n_pages;
  const guint8 *bytes;

  save_ok (plan, f->path);
  good = read_bytes (f->path);
  bytes = g_bytes_get_data (good, &length);
  page_size = ((gsize) bytes[16] << 8) | bytes[17];
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >=, 4);

  /* Overwrite the start of a page in the middle, then one byte in the
   * first page's schema, then the middle of a page's cells. */
  {
    g_autofree guint8 *copy = g_memdup2 (bytes, length);

    memset (copy + (n_pages / 2) * page_size, 0xA5, 64);
    write_text (f->path, (const char *) copy, length);
    assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "damaged");
    write_bytes (f->path, good);
    assert_loads (f->path, plan);
  }
  {
    g_autofree guint8 *copy = g_memdup2 (bytes, length);

    memset (copy + (n_pages / 2) * page_size + page_size / 2, 0xFF, page_size / 2);
    memset (copy + (n_pages / 2 + 1) * page_size, 0x00, page_size);
    write_text (f->path, (const char *) copy, length);
    assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "damaged");
    write_bytes (f->path, good);
    assert_loads (f->path, plan);
  }
  {
    /* A bad page size in the header. */
    g_autofree guint8 *copy = g_memdup2 (bytes, length);

    copy[16] = 0x03;
    copy[17] = 0x00;
    write_text (f->path, (const char *) copy, length);
    assert_load_fails (f->path, IKOU_ERROR_CORRUPT, NULL);
    write_bytes (f->path, good);
    assert_loads (f->path, plan);
  }
}

typedef struct
{
  const char *sql;
  const char *in_message[3];
} BadEdit;

static void
test_load_bad_values (Fixture       *f,
                      gconstpointer  data)
{
  static const BadEdit edits[] = {
    { "UPDATE hosts SET kind = 'mainframe' WHERE id = 80",
      { "hosts", "80", "mainframe" } },
    { "UPDATE hosts SET kind = '' WHERE id = 80", { "hosts", "80", "kind" } },
    { "CREATE TABLE h2 AS SELECT * FROM hosts; DROP TABLE hosts;"
      "ALTER TABLE h2 RENAME TO hosts; UPDATE hosts SET kind = NULL WHERE id = 80",
      { "hosts", "80", "kind" } },
    { "UPDATE hosts SET available_from = '2025-02-29' WHERE id = 100",
      { "hosts", "100", "2025-02-29" } },
    { "UPDATE hosts SET available_until = 'R7.4.1' WHERE id = 100", { "hosts", "100", NULL } },
    { "UPDATE hosts SET available_until = 738000 WHERE id = 100", { "hosts", "100", NULL } },
    { "UPDATE hosts SET id = 0 WHERE id = 100", { "hosts", NULL, NULL } },
    { "UPDATE systems SET tokutei_deadline = '2028-13-01' WHERE id = 3",
      { "systems", "3", "2028-13-01" } },
    { "UPDATE systems SET status = 'finished' WHERE id = 12", { "systems", "12", "finished" } },
    { "UPDATE systems SET tokutei = 2 WHERE id = 12", { "systems", "12", "tokutei" } },
    { "UPDATE systems SET name = x'4142' WHERE id = 12", { "systems", "12", "name" } },
    { "UPDATE systems SET name = CAST(x'e3819a' AS TEXT) || CAST(x'ff' AS TEXT) WHERE id = 12",
      { "systems", "12", "name" } },
    { "UPDATE systems SET host_id = 4242 WHERE id = 99", { "systems", "99", "4242" } },
    { "UPDATE steps SET to_host_id = 4242 WHERE id = 1", { "steps", "1", "4242" } },
    { "UPDATE steps SET from_host_id = -1 WHERE id = 2", { "steps", "2", NULL } },
    { "UPDATE steps SET system_id = 77 WHERE id = 1", { "steps", "1", "77" } },
    { "UPDATE steps SET done = 8 WHERE id = 1", { "steps", "1", "done" } },
    { "UPDATE steps SET arrangement = 'loan' WHERE id = 3", { "steps", "3", "loan" } },
    { "UPDATE steps SET budget_amount = 1.5 WHERE id = 3", { "steps", "3", "budget_amount" } },
    { "UPDATE steps SET cutover_date = '2026-01-04 ' WHERE id = 2", { "steps", "2", NULL } },
    { "UPDATE overrides SET field = 'cost' WHERE id = 1", { "overrides", "1", "cost" } },
    { "UPDATE overrides SET scenario_id = 9 WHERE id = 1", { "overrides", "1", "scenarios" } },
    { "UPDATE overrides SET host_id = 70 WHERE id = 1", { "overrides", "1", "host_id" } },
    { "UPDATE overrides SET day = '2026-01-01' WHERE field = 'to-host' AND host_id = 70",
      { "overrides", "day", NULL } },
    { "UPDATE overrides SET step = -1 WHERE id = 2", { "overrides", "2", "step" } },
    /* Without the constraints, rows a plan cannot hold. */
    { "CREATE TABLE o2 AS SELECT * FROM overrides; DROP TABLE overrides;"
      "ALTER TABLE o2 RENAME TO overrides;"
      "UPDATE overrides SET field = 'cutover-date', day = '2026-01-01' WHERE id = 2",
      { "overrides", "2", NULL } },
    { "CREATE TABLE s2 AS SELECT * FROM systems; DROP TABLE systems;"
      "ALTER TABLE s2 RENAME TO systems; UPDATE systems SET id = 3 WHERE id = 12",
      { "systems", "3", NULL } },
    { "CREATE TABLE h2 AS SELECT * FROM hosts; DROP TABLE hosts;"
      "ALTER TABLE h2 RENAME TO hosts; UPDATE hosts SET id = 100 WHERE id = 99",
      { "hosts", "100", NULL } },
    { "INSERT INTO plan SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL", { "plan", NULL, NULL } },
    { "UPDATE plan SET title = x'00' WHERE id = 1", { "plan", "title", NULL } },
    { "UPDATE plan SET id = 2", { "plan", NULL, NULL } },
    { "UPDATE plan SET next_system_id = 0", { "plan", "next_system_id", NULL } },
    { "UPDATE plan SET next_host_id = -3", { "plan", "next_host_id", NULL } },
    { "UPDATE plan SET next_system_id = 4294967296", { "plan", "next_system_id", NULL } },
    { "UPDATE plan SET next_host_id = 'next'", { "plan", "next_host_id", NULL } },
    { "UPDATE plan SET next_system_id = 1.5", { "plan", "next_system_id", NULL } },
    /* Costs (version 4). */
    { "UPDATE hosts SET annual_cost = -5 WHERE id = 80", { "hosts", "80", "annual_cost" } },
    { "UPDATE systems SET annual_cost = 'much' WHERE id = 12", { "systems", "12", "annual_cost" } },
    { "UPDATE steps SET annual_cost = 10, cutover_date = NULL WHERE id = 1",
      { "steps", "1", "annual_cost" } },
    { "UPDATE plan SET reference_fy = NULL, reference_cost = 100", { "plan", "reference_fy", NULL } },
    { "UPDATE plan SET reference_cost = -2", { "plan", "reference_cost", NULL } },
    { "UPDATE plan SET reference_fy = 1800", { "plan", "reference_fy", NULL } },
    { "UPDATE overrides SET field = 'annual-cost', day = NULL, host_id = NULL, number = -4"
      " WHERE id = 1", { "overrides", "1", "number" } },
    /* Transitional (version 6). */
    { "UPDATE systems SET tokutei_reason_kind = 'lazy' WHERE id = 3", { "systems", "3", "lazy" } },
    { "UPDATE systems SET tokutei_reason_kind = 'unknown' WHERE id = 3",
      { "systems", "3", "unknown" } },
    { "UPDATE systems SET transitional = 2 WHERE id = 7", { "systems", "7", "transitional" } },
    { "UPDATE systems SET transitional_completion = '2027-02-30' WHERE id = 7",
      { "systems", "7", "2027-02-30" } },
    { "UPDATE systems SET transitional_notified = 20251128 WHERE id = 7", { "systems", "7", NULL } },
    /* Version 2 without its columns. */
    { "ALTER TABLE plan DROP COLUMN next_host_id", { "plan", "missing", NULL } },
    { "DELETE FROM plan", { "plan", NULL, NULL } },
    { "DROP TABLE overrides", { "overrides", NULL, NULL } },
    { "ALTER TABLE steps DROP COLUMN note", { "steps", NULL, NULL } },
    { "CREATE TABLE t (x); INSERT INTO t SELECT id FROM systems;"
      "DROP TABLE steps; CREATE VIEW steps AS SELECT * FROM t", { "steps", NULL, NULL } },
    { "PRAGMA user_version = 0", { NULL, } },
  };
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(GBytes) good = NULL;

  save_ok (plan, f->path);
  good = read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) loaded = NULL;
      g_autofree char *sql = g_strconcat ("PRAGMA ignore_check_constraints = ON;",
                                          edits[i].sql, NULL);

      g_test_message ("%s", edits[i].sql);
      run_sql (f->path, sql);
      assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "damaged");

      loaded = ikou_store_load (f->path, &error);
      g_assert_null (loaded);
      for (guint j = 0; j < G_N_ELEMENTS (edits[i].in_message) && edits[i].in_message[j]; j++)
        if (strstr (error->message, edits[i].in_message[j]) == NULL)
          g_error ("“%s” not in “%s”", edits[i].in_message[j], error->message);

      write_bytes (f->path, good);
      assert_loads (f->path, plan);
    }
}

/* A plan another program switched to WAL: refused without leaving -wal
 * or -shm files beside it. */
static void
test_load_wal (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autofree char *listing = NULL;

  save_ok (plan, f->path);
  run_sql (f->path, "PRAGMA journal_mode = WAL;");
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");

  assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "write-ahead log");
  g_free (listing);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plan.ikou");

  /* Saving over it gives an ordinary plan again. */
  save_ok (plan, f->path);
  assert_loads (f->path, plan);
}

#ifdef G_OS_UNIX
static void
test_load_symlink (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autofree char *link = g_build_filename (f->dir, "link.ikou", NULL);

  save_ok (plan, f->path);
  g_assert_cmpint (symlink ("plan.ikou", link), ==, 0);
  assert_loads (link, plan);
}
#endif

/* Edits that leave a valid plan: an old or hand-edited file still loads. */
static void
test_load_tolerated (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_full_plan ();
  g_autoptr(IkouPlan) loaded = NULL;

  save_ok (plan, f->path);
  /* Gaps in positions keep the order. */
  run_sql (f->path, "UPDATE systems SET position = position * 10 + 5;"
                    "UPDATE steps SET position = position * 3;"
                    "UPDATE hosts SET position = position * 2;");
  assert_loads (f->path, plan);

  /* Next ids below the ids in use, or none, are ignored: the ids decide. */
  run_sql (f->path, "UPDATE plan SET next_system_id = 1, next_host_id = NULL");
  assert_loads (f->path, plan);

  /* -1 stored as a number is "unknown" too. */
  run_sql (f->path, "UPDATE steps SET budget_amount = -1 WHERE budget_amount IS NULL");
  assert_loads (f->path, plan);

  /* Hand-reordered systems load in the new order. */
  run_sql (f->path, "UPDATE systems SET position = -1 WHERE id = 40");
  loaded = load_ok (f->path);
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (loaded, 0)), ==, 40);
}

/* Copies a golden file of tests/data to @path. */
static void
copy_data_file (const char *name,
                const char *path)
{
  g_autofree char *source = g_build_filename (IKOU_TEST_DATADIR, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/* Version 1 files ------------------------------------------------------- */

/* The version 1 schema as Ikou 1 wrote it, and a small plan in it. */

/* A version 1 file still opens, as it is: no next ids, so they follow
 * from the ids; saving it writes the current version. */
static void
test_load_version_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) full = make_full_plan ();
  g_autoptr(IkouPlan) before_6 = make_full_plan_before_6 ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.ikou", NULL);
  const IkouStep *step;
  IkouScenario *scenario;

  /* A golden file, as Ikou 1 wrote it. */
  copy_data_file ("store-v1.ikou", f->path);
  before = read_bytes (f->path);
  plan = load_ok (f->path);
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after)); /* read, never upgraded in place */

  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "架空町");
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "旧形式の計画");
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 2);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (plan, 0)), ==, 4);
  g_assert_true (ikou_system_get_tokutei (ikou_plan_lookup_system (plan, 2)));
  step = ikou_system_get_step (ikou_plan_lookup_system (plan, 4), 0);
  g_assert_cmpuint (step->to_host, ==, 5);
  g_assert_cmpint (step->cutover_date, ==, ikou_test_ymd (2026, 1, 4));
  scenario = ikou_plan_lookup_scenario (plan, "遅延");
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);
  g_assert_true (ikou_scenario_has_system (scenario, 9));
  g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, 5);
  g_assert_cmpuint (ikou_plan_next_host_id (plan), ==, 6);

  /* Saved again: the current version, the same plan. */
  save_ok (plan, copy);
  assert_query (copy, "PRAGMA user_version", G_STRINGIFY (IKOU_STORE_VERSION));
  assert_loads (copy, plan);

  /* A current file taken back to version 1 loads the same plan. */
  save_ok (full, f->path);
  run_sql (f->path, "ALTER TABLE plan DROP COLUMN next_system_id;"
                    "ALTER TABLE plan DROP COLUMN next_host_id;"
                    "PRAGMA user_version = 1;");
  assert_loads (f->path, before_6);

  /* Version 1 with values of version 2's columns is still version 1:
   * they are not read. */
  run_sql (f->path, "ALTER TABLE plan ADD COLUMN next_system_id INTEGER;"
                    "UPDATE plan SET next_system_id = 0;");
  assert_loads (f->path, before_6);
}

/* Scenarios (version 3) -------------------------------------------------- */

/* make_full_plan() with a scenario that uses everything: system 7 has
 * three steps, host 70 is in the plan, system 50 and host 95 are ids the
 * plan handed out and removed. */
static IkouPlan *
make_scenario_plan (void)
{
  IkouPlan *plan = make_full_plan ();

  add_rich_scenario (plan, 7, 70, 50, 95);
  return plan;
}

static void
test_round_trip_scenarios (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_scenario_plan ();
  g_autoptr(IkouPlan) loaded = save_and_load (plan, f->path);
  g_autofree char *copy = g_build_filename (f->dir, "copy.ikou", NULL);
  IkouScenario *scenario;


  /* What ikou_plan_equal compares without order, by hand. */
  scenario = ikou_plan_lookup_scenario (loaded, "全部入り <&> \"案\"");
  g_assert_nonnull (scenario);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 7), ==, 6);
  g_assert_cmpint (ikou_scenario_get_orphan (scenario, 7, 0)->value, ==, ikou_test_ymd (2026, 4, 1));
  g_assert_cmpint (ikou_scenario_get_orphan (scenario, 7, 1)->value, ==, ikou_test_ymd (2026, 5, 1));
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (scenario, 7), ==, 3);
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 7, 0)->note, ==, "追加の工程 <&>\n二行目");
  g_assert_null (ikou_scenario_get_added_step (scenario, 7, 1)->note);
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 7, 2)->note, ==, "");
  g_assert_cmpuint (ikou_scenario_get_added_step (scenario, 7, 0)->to_host, ==, 95);
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (scenario, 50), ==, 1);

  /* Readable with the sqlite3 tool: each value in its kind's column. */
  assert_query (f->path, "SELECT count(*) FROM overrides WHERE orphaned = 1", "7");
  assert_query (f->path, "SELECT count(*) FROM added_steps", "4");
  assert_query (f->path, "SELECT number FROM overrides WHERE field = 'amount'"
                         " AND system_id = 7 AND step = 0", "98765");
  assert_query (f->path, "SELECT count(*) FROM overrides WHERE field = 'amount'"
                         " AND system_id = 7 AND step = 1 AND number IS NULL", "1");
  assert_query (f->path, "SELECT arrangement FROM overrides WHERE field = 'arrangement'"
                         " AND step = 0", "preparatory");
  assert_query (f->path, "SELECT host_id FROM overrides WHERE field = 'from-host'"
                         " AND step = 0", "95");
  assert_query (f->path, "SELECT number FROM overrides WHERE field = 'dropped'"
                         " AND orphaned = 0", "1");
  assert_query (f->path, "SELECT group_concat(day, ' ') FROM (SELECT day FROM overrides"
                         " WHERE orphaned = 1 AND field = 'cutover-date' ORDER BY position)",
                "2026-04-01 2026-05-01");
  assert_query (f->path, "SELECT count(*) FROM overrides WHERE"
                         " (day IS NOT NULL) + (host_id IS NOT NULL) + (number IS NOT NULL)"
                         " + (arrangement IS NOT NULL) > 1", "0");
  assert_query (f->path, "SELECT cutover_date || ' ' || arrangement || ' ' || done"
                         " FROM added_steps WHERE system_id = 7 AND position = 0",
                "2028-01-04 long-term 5");
  assert_query (f->path, "PRAGMA integrity_check", "ok");

  /* Loaded and saved again: the same plan. */
  save_ok (loaded, copy);
  g_clear_object (&loaded);
  assert_loads (copy, plan);

  /* The unique index holds for overrides, never for orphans. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO overrides (scenario_id, position, system_id,"
                                       " step, field, number) SELECT scenario_id, 1000, system_id,"
                                       " step, field, 5 FROM overrides WHERE field = 'amount'"
                                       " AND orphaned = 0 AND system_id = 7 AND step = 0",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO overrides (scenario_id, position, system_id,"
                                       " step, field, number, orphaned) SELECT scenario_id, 1000,"
                                       " system_id, step, field, 5, 1 FROM overrides WHERE"
                                       " field = 'amount' AND orphaned = 0 AND system_id = 7"
                                       " AND step = 0",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    reseal (copy);
  }
  loaded = load_ok (copy);
  scenario = ikou_plan_lookup_scenario (loaded, "全部入り <&> \"案\"");
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 7), ==, 7);
}

typedef struct
{
  const char *table;
  const char *set;
  const char *where;   /* picks the row (the first, when several match) */
  const char *in_message;
} BadScenarioEdit;

/* Bad values in the columns of version 3: refused naming the table, the
 * row and the column or value; nothing is loaded. */
static void
test_load_bad_scenario_values (Fixture       *f,
                               gconstpointer  data)
{
  static const BadScenarioEdit edits[] = {
    { "overrides", "number = 2", "field = 'dropped' AND orphaned = 0", "number" },
    { "overrides", "number = 'yes'", "field = 'standard-compliant' AND step = 0", "number" },
    { "overrides", "number = NULL", "field = 'supplementary' AND step = 1", "number" },
    { "overrides", "number = 1.5", "field = 'amount' AND number = 98765", "number" },
    { "overrides", "number = 7", "field = 'cutover-date' AND orphaned = 1", "number" },
    { "overrides", "arrangement = 'loan'", "field = 'arrangement' AND step = 0", "loan" },
    { "overrides", "arrangement = NULL", "field = 'arrangement' AND step = 0", "arrangement" },
    { "overrides", "arrangement = 'normal'", "field = 'amount' AND step = 0", "arrangement" },
    { "overrides", "day = '2026-01-01'", "field = 'amount' AND number = 98765", "day" },
    { "overrides", "day = '2026-02-30'", "field = 'cutover-date' AND orphaned = 1", "2026-02-30" },
    { "overrides", "host_id = 3", "field = 'dropped' AND orphaned = 0", "host_id" },
    { "overrides", "host_id = 0", "field = 'from-host' AND step = 0", "host_id" },
    { "overrides", "host_id = 4294967296", "field = 'to-host' AND orphaned = 1", "host_id" },
    { "overrides", "orphaned = 2", "field = 'dropped' AND orphaned = 0", "orphaned" },
    { "overrides", "orphaned = 'no'", "field = 'dropped' AND orphaned = 0", "orphaned" },
    { "overrides", "field = 'colour'", "orphaned = 1", "colour" },
    { "added_steps", "system_id = 0", "system_id = 50", "system_id" },
    { "added_steps", "system_id = 'seven'", "system_id = 50", "system_id" },
    { "added_steps", "scenario_id = 9", "system_id = 50", "scenarios" },
    { "added_steps", "to_host_id = -1", "system_id = 7 AND position = 0", "to_host_id" },
    { "added_steps", "from_host_id = 4294967296", "system_id = 7 AND position = 0", "from_host_id" },
    { "added_steps", "done = 8", "system_id = 7 AND position = 1", "done" },
    { "added_steps", "arrangement = 'loan'", "system_id = 7 AND position = 2", "loan" },
    { "added_steps", "budget_date = '2025-02-29'", "system_id = 7", "2025-02-29" },
    { "added_steps", "supplementary = 2", "system_id = 7", "supplementary" },
    { "added_steps", "budget_amount = 'many'", "system_id = 7", "budget_amount" },
    { "added_steps", "note = x'00'", "system_id = 50", "note" },
  };
  static const char * const missing[][2] = {
    { "DROP TABLE added_steps", "added_steps" },
    { "ALTER TABLE added_steps DROP COLUMN note", "added_steps" },
    { "ALTER TABLE overrides DROP COLUMN number", "overrides" },
  };
  g_autoptr(IkouPlan) plan = make_scenario_plan ();
  g_autoptr(GBytes) good = NULL;

  save_ok (plan, f->path);
  good = read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT id FROM %s WHERE %s ORDER BY id",
                                                 edits[i].table, edits[i].where);
      g_autofree char *id = query_text (f->path, select);
      g_autofree char *sql = NULL;
      g_autofree char *row = NULL;

      g_assert_nonnull (id);
      sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; UPDATE %s SET %s WHERE id = %s",
                             edits[i].table, edits[i].set, id);
      g_test_message ("%s", sql);
      run_sql (f->path, sql);

      row = g_strdup_printf ("row %s of table “%s”", id, edits[i].table);
      assert_load_fails (f->path, IKOU_ERROR_CORRUPT, row);
      assert_load_fails (f->path, IKOU_ERROR_CORRUPT, edits[i].in_message);

      write_bytes (f->path, good);
    }

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autofree char *table = g_strdup_printf ("table “%s” is missing", missing[i][1]);

      run_sql (f->path, missing[i][0]);
      assert_load_fails (f->path, IKOU_ERROR_CORRUPT, table);
      write_bytes (f->path, good);
    }

  /* A repeated override (not an orphan), written past the index. */
  run_sql (f->path, "DROP INDEX overrides_step_field;"
                    "INSERT INTO overrides (id, scenario_id, position, system_id, step, field,"
                    " number) SELECT 5000, scenario_id, 1000, system_id, step, field, 5"
                    " FROM overrides WHERE field = 'amount' AND orphaned = 0 AND step = 0"
                    " AND system_id = 7");
  assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "row 5000 of table “overrides” repeats");

  write_bytes (f->path, good);
  assert_loads (f->path, plan);
}

/* A version 2 file as Ikou wrote it (a golden file): version 1's plan
 * with the plan's next ids. */
static void
make_version_2 (const char *path)
{
  copy_data_file ("store-v2.ikou", path);
}

static void
test_load_version_2 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) full = make_full_plan ();
  g_autoptr(IkouPlan) before_6 = make_full_plan_before_6 ();
  g_autofree char *copy = g_build_filename (f->dir, "copy.ikou", NULL);
  IkouScenario *scenario;
  gint64 value = 0;

  make_version_2 (f->path);
  plan = load_ok (f->path);
  g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, 12);
  scenario = ikou_plan_lookup_scenario (plan, "遅延");
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);
  g_assert_true (ikou_scenario_lookup_override (scenario, 4, 0, IKOU_OVERRIDE_CUTOVER_DATE, &value));
  g_assert_cmpint (value, ==, ikou_test_ymd (2026, 7, 1));
  g_assert_true (ikou_scenario_lookup_override (scenario, 9, 0, IKOU_OVERRIDE_TO_HOST, &value));
  g_assert_cmpint (value, ==, 5);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 4), ==, 0);
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (scenario, 4), ==, 0);

  /* Saved again: version 3, the same plan. */
  save_ok (plan, copy);
  assert_query (copy, "PRAGMA user_version", G_STRINGIFY (IKOU_STORE_VERSION));
  assert_loads (copy, plan);

  /* Version 2 knew only dates and to-host. */
  run_sql (f->path, "INSERT INTO overrides VALUES (3, 1, 2, 4, 0, 'amount', NULL, NULL);");
  assert_load_fails (f->path, IKOU_ERROR_CORRUPT, "“amount” in column “field”");

  /* A current file taken back to version 2 loads the same plan. */
  save_ok (full, f->path);
  run_sql (f->path, "DROP TABLE added_steps; DROP INDEX overrides_step_field;"
                    "ALTER TABLE overrides DROP COLUMN number;"
                    "ALTER TABLE overrides DROP COLUMN arrangement;"
                    "ALTER TABLE overrides DROP COLUMN orphaned;"
                    "PRAGMA user_version = 2;");
  assert_loads (f->path, before_6);
}

/* A version 5 file (costs, before the classified reasons and 経過措置)
 * opens as a plan with neither; saved again it is version 6. */
static void
test_load_version_5 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouPlan) full = make_full_plan ();
  g_autoptr(IkouPlan) expected = make_full_plan_before_6 ();
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.ikou", NULL);

  save_ok (full, f->path);
  /* As version 5 made the table (SQLite cannot drop a column before a
   * comment at the end of the definition). */
  run_sql (f->path, "CREATE TABLE s5 AS SELECT id, position, name, department, vendor,"
                    " operation, host_id, tokutei, tokutei_deadline, tokutei_reason, status,"
                    " notes, annual_cost FROM systems;"
                    "DROP TABLE systems; ALTER TABLE s5 RENAME TO systems;"
                    "PRAGMA user_version = 5;");
  plan = load_ok (f->path);
  assert_loads (f->path, expected);

  save_ok (plan, copy);
  assert_query (copy, "PRAGMA user_version", G_STRINGIFY (IKOU_STORE_VERSION));
  assert_loads (copy, expected);
}

/* Big plans, timed (run with -m perf) ----------------------------------- */

static void
test_perf_national (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IkouPlan) plan = make_large_plan (34592);
  g_autoptr(IkouPlan) loaded = NULL;
  double save_best = G_MAXDOUBLE, load_best = G_MAXDOUBLE;
  GStatBuf st;

  for (guint round = 0; round < 5; round++)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1, t2;

      save_ok (plan, f->path);
      t1 = g_get_monotonic_time ();
      g_clear_object (&loaded);
      loaded = load_ok (f->path);
      t2 = g_get_monotonic_time ();
      save_best = MIN (save_best, (t1 - t0) / 1000.0);
      load_best = MIN (load_best, (t2 - t1) / 1000.0);
      g_test_message ("round %u: save %.1f ms, load %.1f ms", round,
                      (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
    }
  ikou_test_assert_plans_equal (plan, loaded);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_test_message ("34592 systems, file %.1f MB: save best %.1f ms, load best %.1f ms",
                  st.st_size / 1e6, save_best, load_best);
  g_test_minimized_result (save_best, "save %.1f ms", save_best);
  g_test_minimized_result (load_best, "load %.1f ms", load_best);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, ikou_test_dir_set_up, func, ikou_test_dir_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("round-trip/empty", test_round_trip_empty);
  ADD ("round-trip/large", test_round_trip_large);
  ADD ("round-trip/next-ids", test_round_trip_next_ids);
  ADD ("file-format", test_file_format);
  ADD ("save/replaces", test_save_replaces);
#ifdef G_OS_UNIX
  ADD ("save/keeps-mode", test_save_keeps_mode);
#endif
  ADD ("save/missing-directory", test_save_missing_directory);
  ADD ("save/onto-directory", test_save_onto_directory);
  ADD ("save/dangling-host", test_save_dangling_host);
  ADD ("save/invalid-date", test_save_invalid_date);
#ifdef G_OS_UNIX
  ADD ("save/write-error", test_save_write_error);
#endif
  ADD ("load/missing", test_load_missing);
  ADD ("load/not-a-plan", test_load_not_a_plan);
  ADD ("load/newer", test_load_newer);
  ADD ("load/truncated", test_load_truncated);
  ADD ("load/corrupt-page", test_load_corrupt_page);
  ADD ("load/bad-values", test_load_bad_values);
  ADD ("load/wal", test_load_wal);
#ifdef G_OS_UNIX
  ADD ("load/symlink", test_load_symlink);
#endif
  ADD ("load/tolerated", test_load_tolerated);
  ADD ("load/version-1", test_load_version_1);
  ADD ("round-trip/scenarios", test_round_trip_scenarios);
  ADD ("load/bad-scenario-values", test_load_bad_scenario_values);
  ADD ("load/version-2", test_load_version_2);
  ADD ("load/version-5", test_load_version_5);
  if (g_test_perf ())
    ADD ("perf/national", test_perf_national);

#undef ADD

  return g_test_run ();
}

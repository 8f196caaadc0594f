/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-mspdi.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

#define D(y, m, d) ikou_day_from_ymd ((y), (m), (d))

/* Helpers */

static char *
data_path (const char *name)
{
  return g_build_filename (IKOU_TEST_DATADIR, "mspdi", name, NULL);
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("IKOU_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "samples", "koriyama.xml", NULL);
}

static IkouSchedule *
schedule (void)
{
  static IkouSchedule *schedule;

  if (schedule == NULL)
    schedule = ikou_test_load_schedule ();
  return schedule;
}

static IkouPlan *
read_data_file (const char  *name,
                GPtrArray  **report)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_mspdi_read_file (path, schedule (), report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gboolean
report_has (GPtrArray  *report,
            const char *needle)
{
  for (guint i = 0; i < report->len; i++)
    if (strstr (g_ptr_array_index (report, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* A plan with every field set somewhere, and the cases that are easy to
 * lose: two hosts of the same name, a host nobody uses, a system without
 * steps, a step without dates, a removed system's id, text XML cannot
 * hold as it is. */
static IkouPlan *
make_rich_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouHost) onprem = ikou_host_new (3, "庁内サーバ", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) twin = ikou_host_new (5, "庁内サーバ", IKOU_HOST_ONPREM_DEDICATED);
  g_autoptr(IkouHost) cloud = ikou_host_new (7, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD);
  g_autoptr(IkouHost) gov = ikou_host_new (8, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);
  g_autoptr(IkouHost) unused = ikou_host_new (9, "予備", IKOU_HOST_OTHER);
  g_autoptr(IkouSystem) a = ikou_system_new (2, "住民記録 <&> \"システム\"");
  g_autoptr(IkouSystem) b = ikou_system_new (4, "空のシステム");
  g_autoptr(IkouSystem) c = ikou_system_new (6, "戸籍システム");
  g_autoptr(IkouSystem) gone = ikou_system_new (40, "消えるシステム");
  IkouStep step = { 0 };

  ikou_plan_set_title (plan, "計画 & テスト");
  ikou_plan_set_organization (plan, "サンプル市");
  ikou_plan_set_org_code (plan, "012345");
  ikou_plan_set_description (plan, "一行目\r\n二行目\tタブ <説明>");
  ikou_plan_set_schedule_version (plan, "2024-06");
  ikou_plan_set_reference_fy (plan, 2019);
  ikou_plan_set_reference_cost (plan, 22500);
  ikou_host_set_annual_cost (cloud, 1200);
  ikou_system_set_annual_cost (a, 3000);

  ikou_host_set_available_until (onprem, D (2026, 3, 31));
  ikou_host_set_note (onprem, "再リース");
  ikou_host_set_available_from (cloud, D (2022, 10, 1));
  ikou_host_set_available_from (gov, D (2022, 10, 3));
  ikou_plan_add_host (plan, onprem);
  ikou_plan_add_host (plan, twin);
  ikou_plan_add_host (plan, cloud);
  ikou_plan_add_host (plan, gov);
  ikou_plan_add_host (plan, unused);

  ikou_system_set_department (a, "市民課");
  ikou_system_set_vendor (a, "A社");
  ikou_system_set_operation (a, "resident-register");
  ikou_system_set_host (a, 5);
  ikou_system_set_status (a, IKOU_STATUS_IN_PROGRESS);
  ikou_system_set_tokutei (a, TRUE);
  ikou_system_set_tokutei_deadline (a, D (2028, 3, 31));
  ikou_system_set_tokutei_reason (a, "ベンダー撤退");
  ikou_system_set_tokutei_reason_kind (a, IKOU_TOKUTEI_REASON_NO_PRODUCT);
  ikou_system_set_transitional (a, TRUE);
  ikou_system_set_transitional_functions (a, "宛名ラベル");
  ikou_system_set_transitional_completion (a, D (2027, 3, 31));
  ikou_system_set_transitional_notified (a, D (2025, 11, 28));
  ikou_system_set_notes (a, "注記\nもう一行");

  step.from_host = 5;
  step.to_host = 7;
  step.budget_date = D (2021, 10, 1);
  step.budget_amount = 12000;
  step.supplementary = TRUE;
  step.contract_date = D (2022, 4, 1);
  step.cutover_date = D (2022, 10, 1);
  step.arrangement = IKOU_ARRANGEMENT_DEBT_BURDEN;
  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) |
              IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
              IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  step.note = (char *) "一段目";
  step.annual_cost = 900;
  ikou_system_insert_step (a, G_MAXUINT, &step);

  memset (&step, 0, sizeof step);
  step.annual_cost = -1;
  step.to_host = 8;
  step.budget_amount = 0;
  step.contract_date = D (2025, 4, 1);
  step.cutover_date = D (2026, 1, 4);
  step.standard_compliant = TRUE;
  step.arrangement = IKOU_ARRANGEMENT_PREPARATORY;
  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT);
  ikou_system_insert_step (a, G_MAXUINT, &step);

  /* Out of order, as planners sometimes enter it. */
  memset (&step, 0, sizeof step);
  step.annual_cost = -1;
  step.budget_amount = -1;
  step.budget_date = D (2026, 10, 1);
  step.contract_date = D (2026, 4, 1);
  step.cutover_date = D (2026, 3, 1);
  ikou_system_insert_step (a, G_MAXUINT, &step);

  ikou_system_set_status (b, IKOU_STATUS_NOT_IN_SCOPE);

  memset (&step, 0, sizeof step);
  step.annual_cost = -1;
  step.budget_amount = -1;
  step.from_host = 3;
  step.arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  ikou_system_insert_step (c, G_MAXUINT, &step);
  memset (&step, 0, sizeof step);
  step.annual_cost = -1;
  step.budget_amount = -1;
  step.cutover_date = D (2027, 1, 4);
  step.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  ikou_system_insert_step (c, G_MAXUINT, &step);
  ikou_system_set_status (c, IKOU_STATUS_DONE);
  ikou_system_set_operation (c, "family-register");

  ikou_plan_add_system (plan, a);
  ikou_plan_add_system (plan, b);
  ikou_plan_add_system (plan, c);
  ikou_plan_add_system (plan, gone);
  ikou_plan_remove_system (plan, gone);

  return plan;
}

static IkouPlan *
round_trip (IkouPlan   *plan,
            GPtrArray **report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  IkouPlan *again;

  data = ikou_mspdi_write_data (plan, schedule (), NULL, &length);
  g_assert_cmpuint (strlen (data), ==, length);
  again = ikou_mspdi_read_data (data, length, "plan.mspdi.xml", schedule (), report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

/* Round trips */

static void
test_round_trip_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_xml_read_file (path, &error);
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GPtrArray) report = NULL;

  g_assert_no_error (error);
  again = round_trip (plan, &report);
  ikou_test_assert_plans_equal (plan, again);
  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_round_trip_rich (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GPtrArray) report = NULL;

  again = round_trip (plan, &report);
  ikou_test_assert_plans_equal (plan, again);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("report: %s", (const char *) g_ptr_array_index (report, i));
  g_assert_cmpuint (report->len, ==, 0);
}

/* An untitled plan's project summary task has an empty name, and is
 * still where the description comes back from (found by fuzz-mspdi);
 * an unnamed host is still a host. */
static void
test_round_trip_untitled (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSystem) system = ikou_system_new (1, "A");
  g_autoptr(IkouPlan) again = NULL;

  g_autoptr(IkouHost) host = ikou_host_new (4, NULL, IKOU_HOST_GOV_CLOUD);

  ikou_plan_set_description (plan, "説明だけ");
  ikou_plan_set_org_code (plan, "012345");
  ikou_plan_add_host (plan, host);
  ikou_system_set_host (system, 4);
  ikou_plan_add_system (plan, system);
  again = round_trip (plan, NULL);
  ikou_test_assert_plans_equal (plan, again);
}

/* MSPDI has no place for scenarios: the export says so, and the rest
 * comes back. */
static void
test_scenarios_reported (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("一年遅れ");
  g_autoptr(GPtrArray) report = NULL;
  g_autofree char *data = NULL;

  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_CUTOVER_DATE, D (2023, 10, 1));
  ikou_plan_add_scenario (plan, scenario);
  data = ikou_mspdi_write_data (plan, schedule (), &report, NULL);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report, 0), "1 scenario"));

  again = round_trip (plan, NULL);
  ikou_plan_remove_scenario (plan, scenario);
  ikou_test_assert_plans_equal (plan, again);
}

static void
test_deterministic (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  g_autoptr(IkouPlan) again = round_trip (plan, NULL);
  g_autofree char *first = ikou_mspdi_write_data (plan, schedule (), NULL, NULL);
  g_autofree char *second = ikou_mspdi_write_data (again, schedule (), NULL, NULL);

  g_assert_cmpstr (first, ==, second);
}

/* What the export says about each system, as other tools read it. */
static void
test_export_shape (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  g_autofree char *data = ikou_mspdi_write_data (plan, schedule (), NULL, NULL);

  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\""));
  g_assert_nonnull (strstr (data, "<Project xmlns=\"http://schemas.microsoft.com/project\">"));
  /* The 特定移行支援 deadline of the first system, the national one of
   * the standardized third, none for the second. */
  g_assert_nonnull (strstr (data, "<Deadline>2028-03-31T18:00:00</Deadline>"));
  g_assert_nonnull (strstr (data, "<Deadline>2026-03-31T18:00:00</Deadline>"));
  {
    g_auto(GStrv) deadlines = g_strsplit (data, "<Deadline>", -1);

    g_assert_cmpuint (g_strv_length (deadlines), ==, 3);
  }
  /* Milestones, with no duration, and the build period between. */
  g_assert_nonnull (strstr (data, "<Name>予算要求</Name>"));
  g_assert_nonnull (strstr (data, "<Name>構築</Name>"
                                  "<OutlineNumber>1.1.3</OutlineNumber><OutlineLevel>3</OutlineLevel>"
                                  "<Start>2022-04-01T09:00:00</Start>"
                                  "<Finish>2022-10-01T09:00:00</Finish>"));
  g_assert_nonnull (strstr (data, "<Duration>PT0H0M0S</Duration>"
                                  "<Work>PT0H0M0S</Work><Milestone>1</Milestone>"));
  /* Fields declared once with their FieldID and alias. */
  g_assert_nonnull (strstr (data, "<FieldID>188743734</FieldID><FieldName>Text2</FieldName>"
                                  "<CFType>7</CFType><Alias>所管課</Alias>"));
  g_assert_nonnull (strstr (data, "<FieldID>188743734</FieldID><Value>市民課</Value>"));
  /* Text XML cannot hold as it is. */
  g_assert_nonnull (strstr (data, "住民記録 &lt;&amp;&gt; \"システム\""));
  g_assert_nonnull (strstr (data, "一行目&#13;\n二行目"));
}

static void
test_write_file (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.mspdi.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "plan.mspdi.xml", NULL);
  g_autofree char *expected = ikou_mspdi_write_data (plan, schedule (), NULL, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) again = NULL;

  g_assert_true (ikou_mspdi_write_file (plan, schedule (), path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  /* Through the document layer: by content and by name. */
  g_assert_cmpint (ikou_plan_file_sniff (path, NULL), ==, IKOU_PLAN_FILE_MSPDI);
  again = ikou_plan_file_load (path, &error);
  g_assert_no_error (error);
  ikou_test_assert_plans_equal (plan, again);
  g_assert_true (ikou_plan_file_save (again, path, &error));
  g_assert_no_error (error);

  /* A failure names the file and leaves nothing behind. */
  g_assert_false (ikou_mspdi_write_file (plan, NULL, bad, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plan.mspdi.xml"));

  ikou_test_remove_tree (dir);
}

static void
test_sniff (void)
{
  static const char ikou[] = "<?xml version=\"1.0\"?><ikou-plan format=\"1\"/>";
  static const char other[] = "<Project xmlns=\"urn:other\"/>";
  static const char bare[] = "\xEF\xBB\xBF<!-- c --><Project><Tasks/></Project>";
  g_autofree char *one_line = data_path ("one-line.xml");
  g_autofree char *sample = sample_path ();

  g_assert_true (ikou_mspdi_sniff_file (one_line));
  g_assert_false (ikou_mspdi_sniff_file (sample));
  g_assert_cmpint (ikou_plan_file_sniff (sample, NULL), ==, IKOU_PLAN_FILE_XML);
  g_assert_false (ikou_mspdi_sniff_data (ikou, strlen (ikou)));
  g_assert_false (ikou_mspdi_sniff_data (other, strlen (other)));
  g_assert_true (ikou_mspdi_sniff_data (bare, strlen (bare)));
  g_assert_false (ikou_mspdi_sniff_data ("\x00\x01\x02", 3));
  g_assert_false (ikou_mspdi_sniff_data ("", 0));
  g_assert_cmpint (ikou_plan_file_kind_for_name ("a/B.MSPDI.XML"), ==, IKOU_PLAN_FILE_MSPDI);
  g_assert_cmpint (ikou_plan_file_kind_for_name ("plan.xml"), ==, IKOU_PLAN_FILE_XML);
}

/* Files of other tools, in different shapes */

static IkouSystem *
system_at (IkouPlan *plan,
           guint     index)
{
  g_assert_cmpuint (index, <, ikou_plan_get_n_systems (plan));
  return ikou_plan_get_system (plan, index);
}

static void
assert_step (IkouSystem *system,
             guint       index,
             IkouDay     budget,
             IkouDay     contract,
             IkouDay     cutover)
{
  const IkouStep *step;

  g_assert_cmpuint (index, <, ikou_system_get_n_steps (system));
  step = ikou_system_get_step (system, index);
  g_assert_cmpint (step->budget_date, ==, budget);
  g_assert_cmpint (step->contract_date, ==, contract);
  g_assert_cmpint (step->cutover_date, ==, cutover);
}

static void
test_summary_tasks (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("summary-tasks.xml", &report);
  IkouSystem *system;

  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "基幹系システム移行");
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "サンプル市");
  g_assert_cmpstr (ikou_plan_get_description (plan), ==, "ベンダー作成の工程表");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);

  system = system_at (plan, 0);
  g_assert_cmpstr (ikou_system_get_name (system), ==, "住民記録システム");
  g_assert_cmpstr (ikou_system_get_notes (system), ==, "標準準拠システムへ移行");
  g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 1);
  assert_step (system, 0, D (2024, 10, 1), D (2025, 4, 1), D (2025, 12, 1));
  g_assert_cmpuint (ikou_system_get_step (system, 0)->done, ==,
                    IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET));

  system = system_at (plan, 1);
  g_assert_cmpstr (ikou_system_get_name (system), ==, "Tax system");
  g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 1);
  assert_step (system, 0, D (2024, 9, 2), D (2025, 4, 1), D (2026, 1, 5));

  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_blank_rows (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("blank-rows.xml", &report);

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_cmpstr (ikou_system_get_name (system_at (plan, 0)), ==, "戸籍システム");
  /* The build period gives the contract; the cut-over milestone wins
   * over the period's end. */
  g_assert_cmpuint (ikou_system_get_n_steps (system_at (plan, 0)), ==, 1);
  assert_step (system_at (plan, 0), 0, IKOU_DAY_NONE, D (2025, 7, 1), D (2026, 2, 2));
  g_assert_cmpstr (ikou_system_get_name (system_at (plan, 1)), ==, "印鑑登録システム");
  assert_step (system_at (plan, 1), 0, D (2024, 10, 1), IKOU_DAY_NONE, IKOU_DAY_NONE);
  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_links_and_lags (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("links-lags.xml", &report);

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  assert_step (system_at (plan, 0), 0, D (2024, 10, 1), D (2025, 4, 1), D (2025, 11, 4));
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "3 links between tasks"));
}

static void
test_split_task (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("split-task.xml", &report);

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  assert_step (system_at (plan, 0), 0, IKOU_DAY_NONE, D (2025, 5, 1), D (2025, 9, 30));
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 0);
  g_assert_true (report_has (report, "2 blocks of timephased work"));
  g_assert_true (report_has (report, "1 resource assignment"));
  g_assert_true (report_has (report, "“委託業者”"));
}

static void
test_extended_attributes (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("extended-attributes.xml", &report);
  IkouSystem *system;
  const IkouStep *step;
  IkouHost *host;

  system = system_at (plan, 0);
  g_assert_cmpstr (ikou_system_get_department (system), ==, "市民課");
  g_assert_cmpstr (ikou_system_get_vendor (system), ==, "A社");
  /* By the schedule's name of the operation. */
  g_assert_cmpstr (ikou_system_get_operation (system), ==, "family-register");
  g_assert_cmpint (ikou_system_get_status (system), ==, IKOU_STATUS_IN_PROGRESS);

  step = ikou_system_get_step (system, 0);
  g_assert_cmpint (step->budget_amount, ==, 12000);
  g_assert_true (step->standard_compliant);
  g_assert_cmpint (step->cutover_date, ==, D (2026, 1, 4));
  host = ikou_plan_lookup_host (plan, step->to_host);
  g_assert_nonnull (host);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "ガバメントクラウド");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_GOV_CLOUD);

  g_assert_cmpuint (report->len, ==, 2);
  g_assert_true (report_has (report, "“担当者” (Text6) (on 2 tasks"));
  g_assert_true (report_has (report, "“着手予定” (Start5)"));
}

static void
test_one_line (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("one-line.xml", &report);

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  assert_step (system_at (plan, 0), 0, D (2024, 10, 1), D (2025, 4, 1), D (2025, 12, 1));
  g_assert_cmpuint (report->len, ==, 0);
}

/* No declaration, top-level tasks without subtasks: a system each, with
 * one step from the task's own dates. */
static void
test_no_encoding (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("no-encoding.xml", &report);

  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "宣言なし");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  assert_step (system_at (plan, 0), 0, IKOU_DAY_NONE, D (2025, 4, 1), D (2025, 11, 4));
  assert_step (system_at (plan, 1), 0, D (2025, 10, 1), IKOU_DAY_NONE, IKOU_DAY_NONE);
  g_assert_cmpuint (report->len, ==, 2);
  g_assert_true (report_has (report, "no-encoding.xml, line 5: task “児童手当システム”"));
}

static void
test_msproject_full (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("msproject-full.xml", &report);
  IkouSystem *system;

  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "標準化移行計画");
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "サンプル市役所");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  system = system_at (plan, 0);
  g_assert_cmpstr (ikou_system_get_name (system), ==, "国民年金システム");
  g_assert_cmpstr (ikou_system_get_department (system), ==, "保険年金課");
  g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 1);
  assert_step (system, 0, D (2024, 10, 1), D (2025, 4, 1), D (2026, 1, 5));
  g_assert_true (ikou_system_get_step (system, 0)->supplementary);
  /* The person is not a host; the blank resource is nothing. */
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 0);

  g_assert_cmpuint (report->len, ==, 5);
  g_assert_true (report_has (report, "“情報政策課”"));
  g_assert_true (report_has (report, "2 links between tasks"));
  g_assert_true (report_has (report, "1 resource assignment"));
  g_assert_true (report_has (report, "1 block of timephased work"));
  g_assert_true (report_has (report, "2 working-time calendars"));
}

static void
test_positions_and_deadlines (void)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file ("positions.xml", &report);
  IkouSystem *system;

  system = system_at (plan, 0);
  g_assert_true (ikou_system_get_tokutei (system));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (system), ==, D (2028, 3, 31));
  g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 2);
  assert_step (system, 0, D (2025, 10, 1), D (2026, 4, 1), D (2027, 10, 1));
  assert_step (system, 1, D (2028, 1, 4), IKOU_DAY_NONE, IKOU_DAY_NONE);

  system = system_at (plan, 1);
  g_assert_false (ikou_system_get_tokutei (system));
  g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 2);
  assert_step (system, 0, IKOU_DAY_NONE, D (2025, 4, 1), D (2025, 9, 30));
  assert_step (system, 1, IKOU_DAY_NONE, D (2025, 10, 1), D (2025, 10, 31));

  g_assert_cmpuint (report->len, ==, 7);
  g_assert_true (report_has (report, "positions.xml, line 8: milestone “M1”"));
  g_assert_true (report_has (report, "taken as the cut-over"));
  g_assert_true (report_has (report, "line 12: task “軽自動車税システム”: the deadline 2025-12-26"));
}

/* A file in Shift_JIS that says so reads; one that says UTF-8 does not. */
static void
test_encodings (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>\n"
    "<Task><UID>1</UID><Name>税務システム</Name><OutlineLevel>1</OutlineLevel></Task>\n"
    "</Tasks></Project>\n";
  g_autofree char *sjis = g_convert (text, -1, "SHIFT_JIS", "UTF-8", NULL, NULL, NULL);
  g_autofree char *lying = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  g_assert_nonnull (sjis);
  plan = ikou_mspdi_read_data (sjis, strlen (sjis), "sjis.xml", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_system_get_name (system_at (plan, 0)), ==, "税務システム");

  parts = g_strsplit (sjis, "Shift_JIS", 2);
  lying = g_strjoinv ("UTF-8", parts);
  g_clear_object (&plan);
  plan = ikou_mspdi_read_data (lying, strlen (lying), "lying.xml", NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "lying.xml, line 3:"));
}

/* Bad input */

static void
assert_refused (const char *data,
                gsize       length,
                int         code,
                const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = ikou_mspdi_read_data (data, length, "bad.xml", schedule (),
                                                   &report, &error);

  g_assert_null (plan);
  g_assert_null (report);
  g_assert_error (error, IKOU_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static void
test_truncated (void)
{
  g_autoptr(IkouPlan) plan = make_rich_plan ();
  gsize length;
  g_autofree char *data = ikou_mspdi_write_data (plan, NULL, NULL, &length);

  /* Anywhere: inside a task, between tasks, in the resources. */
  for (gsize cut = 100; cut < length; cut += length / 37)
    assert_refused (data, cut, IKOU_ERROR_CORRUPT, "bad.xml");
  assert_refused (data, length - 3, IKOU_ERROR_CORRUPT, "bad.xml, line");
}

static void
test_binary (void)
{
  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (9);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  noise[0] = 0x89;
  g_rand_free (rand);
  assert_refused ((const char *) noise, sizeof noise, IKOU_ERROR_NOT_A_PLAN, "bad.xml: ");
  assert_refused ("", 0, IKOU_ERROR_NOT_A_PLAN, "bad.xml: ");
  assert_refused ("PK\x03\x04", 4, IKOU_ERROR_NOT_A_PLAN, "bad.xml: ");
}

static void
test_not_mspdi (void)
{
  static const char ikou[] = "<?xml version=\"1.0\"?>\n<ikou-plan format=\"1\"/>\n";
  static const char other[] = "<Project xmlns=\"urn:x\"><Tasks/></Project>";

  assert_refused (ikou, strlen (ikou), IKOU_ERROR_NOT_A_PLAN, "bad.xml, line 2: ");
  assert_refused (other, strlen (other), IKOU_ERROR_NOT_A_PLAN, "bad.xml, line 1: ");
}

static void
test_no_tasks (void)
{
  static const char empty[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>空</Title></Project>";
  static const char blanks[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>"
    "<Task><UID>0</UID><Name>空</Name><OutlineLevel>0</OutlineLevel></Task>"
    "<Task><UID>1</UID><IsNull>1</IsNull></Task>"
    "<Task><UID>2</UID><Name> </Name></Task></Tasks></Project>";
  g_autoptr(GError) error = NULL;

  assert_refused (empty, strlen (empty), IKOU_ERROR_INVALID_INPUT, "bad.xml: the file has no tasks");
  assert_refused (blanks, strlen (blanks), IKOU_ERROR_INVALID_INPUT, "bad.xml: the file has no tasks");
}

static void
test_doctype (void)
{
  static const char xxe[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>"
    "<Task><UID>1</UID><Name>&x;</Name></Task></Tasks></Project>";
  static const char laughs[] =
    "<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>&b;</Title></Project>";

  assert_refused (xxe, strlen (xxe), IKOU_ERROR_INVALID_INPUT, "bad.xml, line 2: ");
  assert_refused (laughs, strlen (laughs), IKOU_ERROR_INVALID_INPUT, "bad.xml, line 1: ");
  g_assert_false (ikou_mspdi_sniff_data (xxe, strlen (xxe)));
}

/* libxml2 refuses a text node above 10 MB: a size limit, not memory
 * growing without end. */
static void
test_oversized (void)
{
  g_autoptr(GString) data = g_string_new ("<Project xmlns=\"http://schemas.microsoft.com/project\">"
                                          "<Tasks><Task><UID>1</UID><Name>");

  for (guint i = 0; i < 11 * 1000 * 1000 / 8; i++)
    g_string_append (data, "システム");
  g_string_append (data, "</Name></Task></Tasks></Project>");
  assert_refused (data->str, data->len, IKOU_ERROR_CORRUPT, "bad.xml, line 1: ");
}

/* Values that do not fit are reported, and the rest of the task kept. */
static void
test_bad_values (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<ExtendedAttributes><ExtendedAttribute><FieldID>188743746</FieldID><Alias>状態</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>188743767</FieldID><Alias>予算額</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>188743740</FieldID><Alias>業務</Alias>"
    "</ExtendedAttribute></ExtendedAttributes><Tasks>\n"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743746</FieldID><Value>たぶん</Value></ExtendedAttribute>"
    "<ExtendedAttribute><FieldID>188743740</FieldID><Value>天気予報</Value></ExtendedAttribute>"
    "</Task>\n"
    "<Task><UID>2</UID><Name>予算要求</Name><OutlineLevel>2</OutlineLevel>"
    "<Start>2025-02-30T08:00:00</Start><Milestone>1</Milestone></Task>\n"
    "<Task><UID>3</UID><Name>契約</Name><OutlineLevel>2</OutlineLevel>"
    "<Start>2025-04-01T08:00:00</Start><Milestone>1</Milestone>"
    "<ExtendedAttribute><FieldID>188743767</FieldID><Value>many</Value></ExtendedAttribute>"
    "</Task>\n"
    "<Task><UID>4</UID><Name>orphan</Name><OutlineLevel>2</OutlineLevel></Task>\n"
    "</Tasks></Project>\n";
  static const char orphan[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>\n"
    "<Task><UID>4</UID><Name>orphan</Name><OutlineLevel>3</OutlineLevel></Task>\n"
    "<Task><UID>5</UID><Name>B</Name><OutlineLevel>1</OutlineLevel></Task>\n"
    "</Tasks></Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  plan = ikou_mspdi_read_data (text, strlen (text), "values.xml", schedule (), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_system_get_status (system_at (plan, 0)), ==, IKOU_STATUS_NOT_STARTED);
  g_assert_null (ikou_system_get_operation (system_at (plan, 0)));
  assert_step (system_at (plan, 0), 0, IKOU_DAY_NONE, D (2025, 4, 1), IKOU_DAY_NONE);
  g_assert_true (report_has (report, "values.xml, line 3: task “A”: “たぶん” is not a status"));
  g_assert_true (report_has (report, "“天気予報” is not a standardized operation"));
  g_assert_true (report_has (report, "line 4: task “予算要求”: the start “2025-02-30T08:00:00”"));
  g_assert_true (report_has (report, "line 5: task “契約”: the budget “many”"));
  g_assert_true (report_has (report, "line 6: task “orphan” has no date"));

  g_clear_object (&plan);
  g_clear_pointer (&report, g_ptr_array_unref);
  plan = ikou_mspdi_read_data (orphan, strlen (orphan), "orphan.xml", NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  g_assert_true (report_has (report, "orphan.xml, line 2: 1 task comes before any top-level task"));
}

/* Hosts that only tasks name get their kind from the name, by the same
 * rules as a table's (ikou_host_kind_guess). */
static void
test_host_kinds_guessed (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<ExtendedAttributes><ExtendedAttribute><FieldID>188743743</FieldID><Alias>現行</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>188743749</FieldID><Alias>移行先</Alias>"
    "</ExtendedAttribute></ExtendedAttributes><Tasks>\n"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743743</FieldID><Value>庁舎内個別サーバ</Value>"
    "</ExtendedAttribute></Task>\n"
    "<Task><UID>2</UID><Name>移行</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary>"
    "<ExtendedAttribute><FieldID>188743749</FieldID><Value>ｶﾞﾊﾞﾒﾝﾄ･ｸﾗｳﾄﾞ</Value>"
    "</ExtendedAttribute></Task>\n"
    "<Task><UID>3</UID><Name>稼働</Name><OutlineLevel>3</OutlineLevel>"
    "<Start>2026-01-04T08:00:00</Start><Milestone>1</Milestone></Task>\n"
    "<Task><UID>4</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743743</FieldID><Value>電算室内統合SV</Value>"
    "</ExtendedAttribute></Task>\n"
    "<Task><UID>5</UID><Name>C</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743743</FieldID><Value>AWS</Value>"
    "</ExtendedAttribute></Task>\n"
    "</Tasks></Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  IkouHost *host;

  plan = ikou_mspdi_read_data (text, strlen (text), "hosts.xml", NULL, NULL, &error);
  g_assert_no_error (error);
  host = ikou_plan_lookup_host (plan, ikou_system_get_host (system_at (plan, 0)));
  g_assert_cmpstr (ikou_host_get_name (host), ==, "庁舎内個別サーバ");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_ONPREM_DEDICATED);
  host = ikou_plan_lookup_host (plan, ikou_system_get_step (system_at (plan, 0), 0)->to_host);
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_GOV_CLOUD);
  host = ikou_plan_lookup_host (plan, ikou_system_get_host (system_at (plan, 1)));
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_ONPREM_SHARED);
  host = ikou_plan_lookup_host (plan, ikou_system_get_host (system_at (plan, 2)));
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_OTHER);
}

/* A classified reason or a 経過措置 date that cannot be read is reported
 * and not kept; the rest of the task is. */
static void
test_bad_transitional (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<ExtendedAttributes><ExtendedAttribute><FieldID>188743999</FieldID>"
    "<Alias>特定移行支援の理由区分</Alias></ExtendedAttribute><ExtendedAttribute>"
    "<FieldID>188743755</FieldID><Alias>経過措置</Alias></ExtendedAttribute><ExtendedAttribute>"
    "<FieldID>188743947</FieldID><Alias>経過措置の届出日</Alias></ExtendedAttribute>"
    "</ExtendedAttributes><Tasks>\n"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743999</FieldID><Value>人手不足</Value></ExtendedAttribute>"
    "<ExtendedAttribute><FieldID>188743755</FieldID><Value>1</Value></ExtendedAttribute>"
    "<ExtendedAttribute><FieldID>188743947</FieldID><Value>2025-11-31T08:00:00</Value>"
    "</ExtendedAttribute></Task>\n"
    "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743999</FieldID><Value>Mainframe</Value></ExtendedAttribute>"
    "</Task>\n"
    "</Tasks></Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  plan = ikou_mspdi_read_data (text, strlen (text), "values.xml", schedule (), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (system_at (plan, 0)), ==,
                   IKOU_TOKUTEI_REASON_UNKNOWN);
  g_assert_true (ikou_system_get_transitional (system_at (plan, 0)));
  g_assert_cmpint (ikou_system_get_transitional_notified (system_at (plan, 0)), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (system_at (plan, 1)), ==,
                   IKOU_TOKUTEI_REASON_MAINFRAME);
  g_assert_true (report_has (report, "values.xml, line 3: task “A”: “人手不足” is not a reason"));
  g_assert_true (report_has (report, "values.xml, line 3: task “A”: “2025-11-31T08:00:00” is not a date"));
}

/* Costs that cannot be kept: a negative or non-numeric one, a cost after
 * a cut-over that is not there, a reference cost without its year. */
static void
test_bad_costs (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<ExtendedAttributes><ExtendedAttribute><FieldID>188743984</FieldID><Alias>運用経費</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>188743985</FieldID><Alias>移行後の運用経費</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>188743986</FieldID><Alias>基準年度の運用経費（千円）</Alias>"
    "</ExtendedAttribute><ExtendedAttribute><FieldID>205521008</FieldID><Alias>年間経費</Alias>"
    "</ExtendedAttribute></ExtendedAttributes><Tasks>\n"
    "<Task><UID>0</UID><Name>P</Name><OutlineLevel>0</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743986</FieldID><Value>5000</Value></ExtendedAttribute></Task>\n"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743984</FieldID><Value>-3</Value></ExtendedAttribute></Task>\n"
    "<Task><UID>2</UID><Name>契約</Name><OutlineLevel>2</OutlineLevel>"
    "<Start>2025-04-01T08:00:00</Start><Milestone>1</Milestone>"
    "<ExtendedAttribute><FieldID>188743985</FieldID><Value>700</Value></ExtendedAttribute></Task>\n"
    "<Task><UID>3</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743984</FieldID><Value>1,500</Value></ExtendedAttribute></Task>\n"
    "</Tasks><Resources>\n"
    "<Resource><UID>1</UID><Name>ガバメントクラウド</Name>"
    "<ExtendedAttribute><FieldID>205521008</FieldID><Value>高い</Value></ExtendedAttribute></Resource>\n"
    "</Resources></Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  plan = ikou_mspdi_read_data (text, strlen (text), "costs.xml", schedule (), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ikou_plan_get_reference_cost (plan), ==, -1);
  g_assert_cmpint (ikou_system_get_annual_cost (system_at (plan, 0)), ==, -1);
  g_assert_cmpint (ikou_system_get_step (system_at (plan, 0), 0)->annual_cost, ==, -1);
  g_assert_true (report_has (report, "line 3: the reference running cost has no fiscal year"));
  g_assert_true (report_has (report, "line 4: task “A”: the running cost “-3”"));
  g_assert_true (report_has (report, "task “A”: a running cost after the cut-over needs a cut-over"));
  g_assert_true (report_has (report, "line 8: resource “ガバメントクラウド”: the annual cost “高い”"));
}

/* A header element given twice (found by fuzz-mspdi): the first counts. */
static void
test_repeated_header (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>一</Title><Title>二</Title>"
    "<Company>甲</Company><Company>乙</Company><Tasks><Task><UID>1</UID><Name>A</Name>"
    "<OutlineLevel>1</OutlineLevel></Task></Tasks></Project>";
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_mspdi_read_data (text, strlen (text), "twice.xml", NULL, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "一");
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "甲");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_mspdi_read_file ("/nonexistent/plan.mspdi.xml", NULL, NULL,
                                                   &error);

  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND);
  g_assert_false (ikou_mspdi_sniff_file ("/nonexistent/plan.mspdi.xml"));
}

/* The command line */

static void
run_ikou (const char * const  *args,
          int                 *status,
          char               **out,
          char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("IKOU_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (*status));
  *status = WEXITSTATUS (*status);
}

static void
test_cli (void)
{
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *sample = sample_path ();
  g_autofree char *mspdi = g_build_filename (dir, "plan.mspdi.xml", NULL);
  g_autofree char *forced = g_build_filename (dir, "forced.xml", NULL);
  g_autofree char *ikou = g_build_filename (dir, "plan.ikou", NULL);
  g_autofree char *links = data_path ("links-lags.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) original = ikou_xml_read_file (sample, &error);
  g_autoptr(IkouPlan) back = NULL;
  int status;

  {
    const char *args[] = { "export", sample, "--output", mspdi, NULL };
    g_autofree char *out = NULL, *err = NULL;

    run_ikou (args, &status, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (ikou_mspdi_sniff_file (mspdi));
  }
  {
    const char *args[] = { "export", sample, "--format", "mspdi", "--output", forced, NULL };
    g_autofree char *out = NULL, *err = NULL;

    run_ikou (args, &status, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (ikou_mspdi_sniff_file (forced));
  }
  {
    const char *args[] = { "export", sample, "--format", "gantt", "--output", forced, NULL };
    g_autofree char *out = NULL, *err = NULL;

    run_ikou (args, &status, &out, &err);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "gantt"));
  }
  {
    /* By content, whatever the name. */
    const char *args[] = { "import", forced, "--output", ikou, NULL };
    g_autofree char *out = NULL, *err = NULL;

    run_ikou (args, &status, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    back = ikou_plan_file_load (ikou, &error);
    g_assert_no_error (error);
    ikou_test_assert_plans_equal (original, back);
  }
  {
    /* What is not kept, on stderr; the plan is still written. */
    const char *args[] = { "import", links, "--output", ikou, NULL };
    g_autofree char *out = NULL, *err = NULL;

    run_ikou (args, &status, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (err, "ikou: "));
    g_assert_nonnull (strstr (err, "links-lags.xml: 3 links between tasks"));
  }

  ikou_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mspdi/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/mspdi/round-trip/rich", test_round_trip_rich);
  g_test_add_func ("/mspdi/bad-transitional", test_bad_transitional);
  g_test_add_func ("/mspdi/round-trip/untitled", test_round_trip_untitled);
  g_test_add_func ("/mspdi/round-trip/scenarios", test_scenarios_reported);
  g_test_add_func ("/mspdi/deterministic", test_deterministic);
  g_test_add_func ("/mspdi/export-shape", test_export_shape);
  g_test_add_func ("/mspdi/write-file", test_write_file);
  g_test_add_func ("/mspdi/sniff", test_sniff);
  g_test_add_func ("/mspdi/shape/summary-tasks", test_summary_tasks);
  g_test_add_func ("/mspdi/shape/blank-rows", test_blank_rows);
  g_test_add_func ("/mspdi/shape/links-and-lags", test_links_and_lags);
  g_test_add_func ("/mspdi/shape/split-task", test_split_task);
  g_test_add_func ("/mspdi/shape/extended-attributes", test_extended_attributes);
  g_test_add_func ("/mspdi/shape/host-kinds", test_host_kinds_guessed);
  g_test_add_func ("/mspdi/shape/one-line", test_one_line);
  g_test_add_func ("/mspdi/shape/no-encoding", test_no_encoding);
  g_test_add_func ("/mspdi/shape/msproject-full", test_msproject_full);
  g_test_add_func ("/mspdi/shape/positions-and-deadlines", test_positions_and_deadlines);
  g_test_add_func ("/mspdi/encodings", test_encodings);
  g_test_add_func ("/mspdi/error/truncated", test_truncated);
  g_test_add_func ("/mspdi/error/binary", test_binary);
  g_test_add_func ("/mspdi/error/not-mspdi", test_not_mspdi);
  g_test_add_func ("/mspdi/error/no-tasks", test_no_tasks);
  g_test_add_func ("/mspdi/error/doctype", test_doctype);
  g_test_add_func ("/mspdi/error/oversized", test_oversized);
  g_test_add_func ("/mspdi/error/values", test_bad_values);
  g_test_add_func ("/mspdi/error/costs", test_bad_costs);
  g_test_add_func ("/mspdi/error/repeated-header", test_repeated_header);
  g_test_add_func ("/mspdi/error/missing-file", test_missing_file);
  g_test_add_func ("/mspdi/cli", test_cli);

  return g_test_run ();
}

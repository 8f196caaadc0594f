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

/* @needle and each piece after it (up to a NULL) stand in some line of
 * @report. */
static void
assert_report_has_valist (GPtrArray  *report,
                          const char *needle,
                          va_list     pieces)
{
  for (; needle != NULL; needle = va_arg (pieces, const char *))
    if (!report_has (report, needle))
      g_error ("no line of the report has “%s”", needle);
}

static void
assert_report_has (GPtrArray  *report,
                   const char *needle,
                   ...) G_GNUC_NULL_TERMINATED;

static void
assert_report_has (GPtrArray  *report,
                   const char *needle,
                   ...)
{
  va_list pieces;

  va_start (pieces, needle);
  assert_report_has_valist (report, needle, pieces);
  va_end (pieces);
}

/* Reads @text as "@name" (with the schedule given, or without one when
 * it is NULL); asserts that it reads, with each of the pieces that follow
 * (up to a NULL) in some line of its report. */
static IkouPlan *
read_text (const char   *text,
           const char   *name,
           IkouSchedule *schedule_or_null,
           ...) G_GNUC_NULL_TERMINATED;

static IkouPlan *
read_text (const char   *text,
           const char   *name,
           IkouSchedule *schedule_or_null,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  IkouPlan *plan = ikou_mspdi_read_data (text, strlen (text), name, schedule_or_null, &report,
                                         &error);
  va_list pieces;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  va_start (pieces, schedule_or_null);
  assert_report_has_valist (report, va_arg (pieces, const char *), pieces);
  va_end (pieces);
  return plan;
}

/* A plan with every field set somewhere, and the cases that are easy to
 * lose: two hosts of the same name, a host nobody uses, a system without
 * steps, a step without dates, a removed system's id, text XML cannot
 * hold as it is. */
static IkouPlan *
make_rich_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouSystem) a = ikou_system_new (2, "住民記録 <&> \"システム\"");
  g_autoptr(IkouSystem) b = ikou_system_new (4, "空のシステム");
  g_autoptr(IkouSystem) c = ikou_system_new (6, "戸籍システム");
  IkouStep a_steps[] = {
    ikou_test_step (5, 7, "2021-10-01", 12000, "2022-04-01", "2022-10-01"),
    ikou_test_step (0, 8, NULL, 0, "2025-04-01", "2026-01-04"),
    /* Out of order, as planners sometimes enter it. */
    ikou_test_step (0, 0, "2026-10-01", -1, "2026-04-01", "2026-03-01"),
  };
  IkouStep c_steps[] = {
    ikou_test_step (3, 0, NULL, -1, NULL, NULL),
    ikou_test_step (0, 0, NULL, -1, NULL, "2027-01-04"),
  };

  /* Two hosts of the same name, and one nobody uses. */
  ikou_test_add_hosts (plan,
                       3, "庁内サーバ", IKOU_HOST_ONPREM_SHARED,
                       5, "庁内サーバ", IKOU_HOST_ONPREM_DEDICATED,
                       7, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD,
                       8, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD,
                       9, "予備", IKOU_HOST_OTHER,
                       0);

  ikou_plan_set_title (plan, "計画 & テスト");
  ikou_plan_set_organization (plan, "サンプル市");
  ikou_plan_set_org_code (plan, "012345");
  ikou_plan_set_description (plan, "一行目\r\n二行目\tタブ <説明>");
  ikou_plan_set_schedule_version (plan, "2024-06");
  ikou_plan_set_reference_fy (plan, 2019);
  ikou_plan_set_reference_cost (plan, 22500);
  ikou_host_set_annual_cost (ikou_plan_lookup_host (plan, 7), 1200);
  ikou_system_set_annual_cost (a, 3000);

  ikou_host_set_available_until (ikou_plan_lookup_host (plan, 3), D (2026, 3, 31));
  ikou_host_set_note (ikou_plan_lookup_host (plan, 3), "再リース");
  ikou_host_set_available_from (ikou_plan_lookup_host (plan, 7), D (2022, 10, 1));
  ikou_host_set_available_from (ikou_plan_lookup_host (plan, 8), D (2022, 10, 3));

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

  a_steps[0].supplementary = TRUE;
  a_steps[0].arrangement = IKOU_ARRANGEMENT_DEBT_BURDEN;
  a_steps[0].done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) |
                    IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
                    IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  a_steps[0].note = (char *) "一段目";
  a_steps[0].annual_cost = 900;
  a_steps[1].standard_compliant = TRUE;
  a_steps[1].arrangement = IKOU_ARRANGEMENT_PREPARATORY;
  a_steps[1].done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT);
  for (guint i = 0; i < G_N_ELEMENTS (a_steps); i++)
    ikou_system_insert_step (a, G_MAXUINT, &a_steps[i]);

  ikou_system_set_status (b, IKOU_STATUS_NOT_IN_SCOPE);

  c_steps[0].arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  c_steps[1].done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  for (guint i = 0; i < G_N_ELEMENTS (c_steps); i++)
    ikou_system_insert_step (c, G_MAXUINT, &c_steps[i]);
  ikou_system_set_status (c, IKOU_STATUS_DONE);
  ikou_system_set_operation (c, "family-register");

  ikou_plan_add_system (plan, a);
  ikou_plan_add_system (plan, b);
  ikou_plan_add_system (plan, c);
  /* A removed system's id. */
  {
    g_autoptr(IkouSystem) gone = ikou_system_new (40, "消えるシステム");

    ikou_plan_add_system (plan, gone);
    ikou_plan_remove_system (plan, gone);
  }

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
  ikou_test_assert_contains (data,
                             "<Project xmlns=\"http://schemas.microsoft.com/project\">",
                             /* The 特定移行支援 deadline of the first system, the
                              * national one of the standardized third, none for
                              * the second (counted below). */
                             "<Deadline>2028-03-31T18:00:00</Deadline>",
                             "<Deadline>2026-03-31T18:00:00</Deadline>",
                             /* Milestones, with no duration, and the build period
                              * between. */
                             "<Name>予算要求</Name>",
                             "<Name>構築</Name>"
                             "<OutlineNumber>1.1.3</OutlineNumber><OutlineLevel>3</OutlineLevel>"
                             "<Start>2022-04-01T09:00:00</Start>"
                             "<Finish>2022-10-01T09:00:00</Finish>",
                             "<Duration>PT0H0M0S</Duration>"
                             "<Work>PT0H0M0S</Work><Milestone>1</Milestone>",
                             /* Fields declared once with their FieldID and alias. */
                             "<FieldID>188743734</FieldID><FieldName>Text2</FieldName>"
                             "<CFType>7</CFType><Alias>所管課</Alias>",
                             "<FieldID>188743734</FieldID><Value>市民課</Value>",
                             /* Text XML cannot hold as it is. */
                             "住民記録 &lt;&amp;&gt; \"システム\"",
                             "一行目&#13;\n二行目",
                             NULL);
  {
    g_auto(GStrv) deadlines = g_strsplit (data, "<Deadline>", -1);

    g_assert_cmpuint (g_strv_length (deadlines), ==, 3);
  }
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

/* A file of another tool and what it reads as: its title and
 * organization (NULL: not checked), its systems, each with its name (NULL:
 * not checked) and its steps' budget request, contract and cut-over (ISO
 * days, NULL for none), and its report: how many lines, and a piece of
 * some of them.  What else is particular to the file, @check checks. */
typedef struct
{
  const char *path;
  const char *file;
  const char *title;
  const char *organization;
  guint       n_systems;
  struct
  {
    const char *name;
    guint       n_steps;
    const char *steps[2][3];
  } systems[2];
  guint       n_report;
  const char *report[5];
  void      (*check) (IkouPlan *plan);
} ShapeCase;

static IkouDay
day_or_none (const char *iso)
{
  return iso != NULL ? ikou_test_day (iso) : IKOU_DAY_NONE;
}

static void
test_shape (gconstpointer data)
{
  const ShapeCase *c = data;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(IkouPlan) plan = read_data_file (c->file, &report);

  if (c->title != NULL)
    g_assert_cmpstr (ikou_plan_get_title (plan), ==, c->title);
  if (c->organization != NULL)
    g_assert_cmpstr (ikou_plan_get_organization (plan), ==, c->organization);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, c->n_systems);
  for (guint i = 0; i < c->n_systems; i++)
    {
      IkouSystem *system = system_at (plan, i);

      if (c->systems[i].name != NULL)
        g_assert_cmpstr (ikou_system_get_name (system), ==, c->systems[i].name);
      g_assert_cmpuint (ikou_system_get_n_steps (system), ==, c->systems[i].n_steps);
      for (guint j = 0; j < c->systems[i].n_steps; j++)
        assert_step (system, j, day_or_none (c->systems[i].steps[j][0]),
                     day_or_none (c->systems[i].steps[j][1]),
                     day_or_none (c->systems[i].steps[j][2]));
    }
  for (guint i = 0; i < report->len; i++)
    g_test_message ("report: %s", (const char *) g_ptr_array_index (report, i));
  g_assert_cmpuint (report->len, ==, c->n_report);
  for (guint i = 0; i < G_N_ELEMENTS (c->report) && c->report[i] != NULL; i++)
    assert_report_has (report, c->report[i], NULL);
  if (c->check != NULL)
    c->check (plan);
}

static void
check_summary_tasks (IkouPlan *plan)
{
  g_assert_cmpstr (ikou_plan_get_description (plan), ==, "ベンダー作成の工程表");
  g_assert_cmpstr (ikou_system_get_notes (system_at (plan, 0)), ==, "標準準拠システムへ移行");
  g_assert_cmpuint (ikou_system_get_step (system_at (plan, 0), 0)->done, ==,
                    IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET));
}

static void
check_no_hosts (IkouPlan *plan)
{
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 0);
}

/* The person is not a host; the blank resource is nothing. */
static void
check_msproject_full (IkouPlan *plan)
{
  g_assert_cmpstr (ikou_system_get_department (system_at (plan, 0)), ==, "保険年金課");
  g_assert_true (ikou_system_get_step (system_at (plan, 0), 0)->supplementary);
  check_no_hosts (plan);
}

static void
check_positions_and_deadlines (IkouPlan *plan)
{
  g_assert_true (ikou_system_get_tokutei (system_at (plan, 0)));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (system_at (plan, 0)), ==, D (2028, 3, 31));
  g_assert_false (ikou_system_get_tokutei (system_at (plan, 1)));
}

static const ShapeCase shape_cases[] = {
  {
    "/mspdi/shape/summary-tasks", "summary-tasks.xml", "基幹系システム移行", "サンプル市", 2,
    { { "住民記録システム", 1, { { "2024-10-01", "2025-04-01", "2025-12-01" } } },
      { "Tax system", 1, { { "2024-09-02", "2025-04-01", "2026-01-05" } } } },
    0, { NULL }, check_summary_tasks,
  },
  /* The build period gives the contract; the cut-over milestone wins over
   * the period's end. */
  {
    "/mspdi/shape/blank-rows", "blank-rows.xml", NULL, NULL, 2,
    { { "戸籍システム", 1, { { NULL, "2025-07-01", "2026-02-02" } } },
      { "印鑑登録システム", 1, { { "2024-10-01", NULL, NULL } } } },
    0, { NULL }, NULL,
  },
  {
    "/mspdi/shape/links-and-lags", "links-lags.xml", NULL, NULL, 1,
    { { NULL, 1, { { "2024-10-01", "2025-04-01", "2025-11-04" } } } },
    1, { "3 links between tasks" }, NULL,
  },
  {
    "/mspdi/shape/split-task", "split-task.xml", NULL, NULL, 1,
    { { NULL, 1, { { NULL, "2025-05-01", "2025-09-30" } } } },
    3, { "2 blocks of timephased work", "1 resource assignment", "“委託業者”" }, check_no_hosts,
  },
  {
    "/mspdi/shape/one-line", "one-line.xml", NULL, NULL, 1,
    { { NULL, 1, { { "2024-10-01", "2025-04-01", "2025-12-01" } } } },
    0, { NULL }, NULL,
  },
  /* No declaration, top-level tasks without subtasks: a system each, with
   * one step from the task's own dates. */
  {
    "/mspdi/shape/no-encoding", "no-encoding.xml", "宣言なし", NULL, 2,
    { { NULL, 1, { { NULL, "2025-04-01", "2025-11-04" } } },
      { NULL, 1, { { "2025-10-01", NULL, NULL } } } },
    2, { "no-encoding.xml, line 5: task “児童手当システム”" }, NULL,
  },
  {
    "/mspdi/shape/msproject-full", "msproject-full.xml", "標準化移行計画", "サンプル市役所", 1,
    { { "国民年金システム", 1, { { "2024-10-01", "2025-04-01", "2026-01-05" } } } },
    5, { "“情報政策課”", "2 links between tasks", "1 resource assignment",
         "1 block of timephased work", "2 working-time calendars" },
    check_msproject_full,
  },
  {
    "/mspdi/shape/positions-and-deadlines", "positions.xml", NULL, NULL, 2,
    { { NULL, 2, { { "2025-10-01", "2026-04-01", "2027-10-01" }, { "2028-01-04", NULL, NULL } } },
      { NULL, 2, { { NULL, "2025-04-01", "2025-09-30" }, { NULL, "2025-10-01", "2025-10-31" } } } },
    7, { "positions.xml, line 8: milestone “M1”", "taken as the cut-over",
         "line 12: task “軽自動車税システム”: the deadline 2025-12-26" },
    check_positions_and_deadlines,
  },
};

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
  assert_report_has (report, "“担当者” (Text6) (on 2 tasks",
                             "“着手予定” (Start5)",
                             NULL);
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
  plan = read_text (sjis, "sjis.xml", NULL, NULL);
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
  g_autoptr(IkouPlan) plan = read_text (text, "values.xml", schedule (),
                                        "values.xml, line 3: task “A”: “たぶん” is not a status",
                                        "“天気予報” is not a standardized operation",
                                        "line 4: task “予算要求”: the start “2025-02-30T08:00:00”",
                                        "line 5: task “契約”: the budget “many”",
                                        "line 6: task “orphan” has no date",
                                        NULL);

  g_assert_cmpint (ikou_system_get_status (system_at (plan, 0)), ==, IKOU_STATUS_NOT_STARTED);
  g_assert_null (ikou_system_get_operation (system_at (plan, 0)));
  assert_step (system_at (plan, 0), 0, IKOU_DAY_NONE, D (2025, 4, 1), IKOU_DAY_NONE);

  g_clear_object (&plan);
  plan = read_text (orphan, "orphan.xml", NULL,
                    "orphan.xml, line 2: 1 task comes before any top-level task", NULL);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
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
  g_autoptr(IkouPlan) plan = read_text (text, "hosts.xml", NULL, NULL);
  IkouHost *host;

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
  g_autoptr(IkouPlan) plan = read_text (text, "values.xml", schedule (),
                                        "values.xml, line 3: task “A”: “人手不足” is not a reason",
                                        "values.xml, line 3: task “A”: “2025-11-31T08:00:00” is not a date",
                                        NULL);

  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (system_at (plan, 0)), ==,
                   IKOU_TOKUTEI_REASON_UNKNOWN);
  g_assert_true (ikou_system_get_transitional (system_at (plan, 0)));
  g_assert_cmpint (ikou_system_get_transitional_notified (system_at (plan, 0)), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (system_at (plan, 1)), ==,
                   IKOU_TOKUTEI_REASON_MAINFRAME);
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
  g_autoptr(IkouPlan) plan = read_text (text, "costs.xml", schedule (),
                                        "line 3: the reference running cost has no fiscal year",
                                        "line 4: task “A”: the running cost “-3”",
                                        "task “A”: a running cost after the cut-over needs a cut-over",
                                        "line 8: resource “ガバメントクラウド”: the annual cost “高い”",
                                        NULL);

  g_assert_cmpint (ikou_plan_get_reference_cost (plan), ==, -1);
  g_assert_cmpint (ikou_system_get_annual_cost (system_at (plan, 0)), ==, -1);
  g_assert_cmpint (ikou_system_get_step (system_at (plan, 0), 0)->annual_cost, ==, -1);
}

/* A header element given twice (found by fuzz-mspdi): the first counts. */
static void
test_repeated_header (void)
{
  static const char text[] =
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>一</Title><Title>二</Title>"
    "<Company>甲</Company><Company>乙</Company><Tasks><Task><UID>1</UID><Name>A</Name>"
    "<OutlineLevel>1</OutlineLevel></Task></Tasks></Project>";
  g_autoptr(IkouPlan) plan = read_text (text, "twice.xml", NULL, NULL);

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

    status = ikou_test_run_ikou_args (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (ikou_mspdi_sniff_file (mspdi));
  }
  {
    const char *args[] = { "export", sample, "--format", "mspdi", "--output", forced, NULL };
    g_autofree char *out = NULL, *err = NULL;

    status = ikou_test_run_ikou_args (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (ikou_mspdi_sniff_file (forced));
  }
  {
    const char *args[] = { "export", sample, "--format", "gantt", "--output", forced, NULL };
    g_autofree char *out = NULL, *err = NULL;

    status = ikou_test_run_ikou_args (args, &out, &err);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "gantt"));
  }
  {
    /* By content, whatever the name. */
    const char *args[] = { "import", forced, "--output", ikou, NULL };
    g_autofree char *out = NULL, *err = NULL;

    status = ikou_test_run_ikou_args (args, &out, &err);
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

    status = ikou_test_run_ikou_args (args, &out, &err);
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
  for (guint i = 0; i < G_N_ELEMENTS (shape_cases); i++)
    g_test_add_data_func (shape_cases[i].path, &shape_cases[i], test_shape);
  g_test_add_func ("/mspdi/shape/extended-attributes", test_extended_attributes);
  g_test_add_func ("/mspdi/shape/host-kinds", test_host_kinds_guessed);
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

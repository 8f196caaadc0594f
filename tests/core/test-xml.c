/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-xml-util.h"
#include "ikou-test-util.h"
#include "rich-scenario.h"

#define D(y, m, d) ikou_day_from_ymd ((y), (m), (d))

/* Helpers */

static char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  GString *s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, find, replace, 1), ==, 1);
  return g_string_free (s, FALSE);
}

/* A plan was refused with @code, and the message begins with @source (the
 * name or the path it was read as), with ", line @line: " after it when
 * @line > 0. */
static void
assert_refused (const GError *error,
                const char   *source,
                int           code,
                int           line)
{
  g_assert_error (error, IKOU_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, source));
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s, line %d: ", source, line);
      g_assert_true (g_str_has_prefix (error->message, where));
    }
}

/* Reads @text as "@name" and expects @code; when @line > 0 the message
 * must say ", line @line:". */
static void
assert_read_error (const char *name,
                   const char *text,
                   int         code,
                   int         line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_xml_read_data (text, strlen (text), name, &error);

  g_assert_null (plan);
  assert_refused (error, name, code, line);
}

#define INVALID IKOU_ERROR_INVALID_INPUT

/* A good file made bad by one edit: @find replaced by @replace and read
 * as @name, it fails with @code on the line of @line_of in the edited text
 * (NULL: the line is not checked).  A table of them ends with { NULL }. */
typedef struct
{
  const char   *name;
  const char   *find;
  const char   *replace;
  IkouErrorCode code;
  const char   *line_of;
} BadEdit;

static void
assert_bad_edits (const char    *good,
                  const BadEdit *edits)
{
  for (const BadEdit *edit = edits; edit->name != NULL; edit++)
    {
      g_autofree char *bad = replace_once (good, edit->find, edit->replace);
      int line = edit->line_of != NULL ? ikou_test_line_of (bad, edit->line_of) : 0;

      assert_read_error (edit->name, bad, edit->code, line);
    }
}

/* Reads @text as "@name"; asserts that it reads. */
static IkouPlan *
read_plan (const char *text,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_xml_read_data (text, strlen (text), name, &error);

  g_assert_no_error (error);
  return plan;
}

/* Reads @xml, which @plan writes, back as @name: the same plan, and it
 * writes the same bytes again.  Returns it. */
static IkouPlan *
assert_reads_back (IkouPlan   *plan,
                   const char *xml,
                   const char *name)
{
  g_autoptr(IkouPlan) back = read_plan (xml, name);
  g_autofree char *again = NULL;

  ikou_test_assert_plans_equal (plan, back);
  again = ikou_xml_write_data (back, NULL);
  g_assert_cmpstr (again, ==, xml);
  return g_steal_pointer (&back);
}

/* Saves @plan as @path and reads the file back: the same plan. */
static void
assert_file_round_trip (IkouPlan   *plan,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) back = NULL;

  g_assert_true (ikou_xml_write_file (plan, path, &error));
  g_assert_no_error (error);
  back = ikou_xml_read_file (path, &error);
  g_assert_no_error (error);
  ikou_test_assert_plans_equal (plan, back);
}

/* A plan with every field of the model set, several ways. */
static IkouPlan *
build_full_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouSystem) s1 = ikou_system_new (3, "住民記録システム");
  g_autoptr(IkouSystem) s2 = ikou_system_new (1, "戸籍システム");
  g_autoptr(IkouSystem) s3 = ikou_system_new (10, "空のシステム");
  g_autoptr(IkouScenario) c1 = ikou_scenario_new ("1年遅れ");
  g_autoptr(IkouScenario) c2 = ikou_scenario_new ("");
  g_autoptr(IkouScenario) c3 = ikou_scenario_new (NULL);
  /* The steps, each whole (nothing carries over from the one before):
   * every field set; a negative amount, a reduction; no hosts and no
   * date but the cut-over. */
  const IkouStep s1_steps[] = {
    { .from_host = 1, .to_host = 7,
      .budget_date = D (2020, 10, 1), .budget_amount = 123456789012, .supplementary = TRUE,
      .contract_date = D (2021, 7, 1), .cutover_date = D (2022, 1, 1),
      .standard_compliant = FALSE, .arrangement = IKOU_ARRANGEMENT_DEBT_BURDEN,
      .done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) |
              IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
              IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER),
      .note = (char *) "第1段階 <&>", .annual_cost = -1 },
    { .from_host = 7, .to_host = 4,
      .budget_date = D (2024, 10, 1), .budget_amount = -250,
      .contract_date = D (2025, 4, 1), .cutover_date = D (2026, 1, 4),
      .standard_compliant = TRUE, .arrangement = IKOU_ARRANGEMENT_LONG_TERM,
      .done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT),
      .note = (char *) "", .annual_cost = -1 },
    { .budget_amount = -1, /* unknown */
      .cutover_date = D (2028, 2, 29),
      .standard_compliant = TRUE, .arrangement = IKOU_ARRANGEMENT_PREPARATORY,
      .note = NULL, .annual_cost = -1 },
  };
  const IkouStep s2_step = {
    .from_host = 2, .to_host = 4,
    .budget_date = D (2023, 11, 15), .budget_amount = 0, .supplementary = TRUE,
    .contract_date = D (2024, 2, 1), .cutover_date = D (2025, 12, 31),
    .standard_compliant = TRUE, .arrangement = IKOU_ARRANGEMENT_NORMAL,
    .done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) | IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER),
    .note = (char *) "改行\r\nあり", .annual_cost = -1,
  };

  ikou_plan_set_organization (plan, "郡山市");
  ikou_plan_set_org_code (plan, "072036");
  ikou_plan_set_title (plan, "移行計画 <テスト> & \"round trip\"");
  ikou_plan_set_description (plan, "一行目\n二行目\r\n\tタブ付き  空白  \n");
  ikou_plan_set_schedule_version (plan, "2024-12-24");

  ikou_test_add_hosts (plan,
                       1, "統合サーバ（電算室内）", IKOU_HOST_ONPREM_SHARED,
                       2, "個別 <SV> & \"quotes\" 'apos'", IKOU_HOST_ONPREM_DEDICATED,
                       7, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD,
                       4, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD,
                       5, "", IKOU_HOST_OTHER,
                       6, NULL, IKOU_HOST_OTHER,
                       0);
  ikou_host_set_available_until (ikou_plan_lookup_host (plan, 1), D (2024, 3, 31));
  ikou_host_set_note (ikou_plan_lookup_host (plan, 1), "2021-04-01 から再リース");
  ikou_host_set_note (ikou_plan_lookup_host (plan, 2), "");
  ikou_host_set_available_from (ikou_plan_lookup_host (plan, 7), D (2021, 10, 1));
  ikou_host_set_available_until (ikou_plan_lookup_host (plan, 7), D (2030, 9, 30));
  ikou_host_set_available_from (ikou_plan_lookup_host (plan, 4), D (2022, 10, 3));
  ikou_host_set_note (ikou_plan_lookup_host (plan, 4), "  leading and trailing spaces  ");

  ikou_system_set_department (s1, "市民課");
  ikou_system_set_vendor (s1, "ベンダーA株式会社");
  ikou_system_set_operation (s1, "resident-register");
  ikou_system_set_host (s1, 1);
  ikou_system_set_tokutei (s1, TRUE);
  ikou_system_set_tokutei_deadline (s1, D (2030, 3, 31));
  ikou_system_set_tokutei_reason (s1, "ベンダーのリソース不足");
  ikou_system_set_status (s1, IKOU_STATUS_IN_PROGRESS);
  ikou_system_set_notes (s1, "注記 1\n注記 2");

  for (guint i = 0; i < G_N_ELEMENTS (s1_steps); i++)
    ikou_system_insert_step (s1, G_MAXUINT, &s1_steps[i]);

  ikou_system_set_department (s2, "市民課");
  ikou_system_set_operation (s2, "family-register");
  ikou_system_set_host (s2, 2);
  ikou_system_set_tokutei (s2, FALSE);
  ikou_system_set_tokutei_deadline (s2, D (2029, 3, 31)); /* kept even without the flag */
  ikou_system_set_status (s2, IKOU_STATUS_DONE);
  ikou_system_insert_step (s2, G_MAXUINT, &s2_step);

  ikou_system_set_status (s3, IKOU_STATUS_NOT_IN_SCOPE);

  ikou_plan_add_system (plan, s1);
  ikou_plan_add_system (plan, s2);
  ikou_plan_add_system (plan, s3);

  ikou_scenario_set_description (c1, "全体を1年遅らせた場合");
  ikou_scenario_set_override (c1, 3, 1, IKOU_OVERRIDE_CUTOVER_DATE, D (2027, 1, 4));
  ikou_scenario_set_override (c1, 3, 0, IKOU_OVERRIDE_BUDGET_DATE, D (2021, 10, 1));
  ikou_scenario_set_override (c1, 3, 1, IKOU_OVERRIDE_CONTRACT_DATE, IKOU_DAY_NONE);
  ikou_scenario_set_override (c1, 1, 0, IKOU_OVERRIDE_TO_HOST, 7);
  ikou_scenario_set_override (c1, 3, 2, IKOU_OVERRIDE_TO_HOST, 0);
  ikou_scenario_set_description (c2, "");
  ikou_scenario_set_override (c2, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, D (2026, 3, 31));
  ikou_plan_add_scenario (plan, c1);
  ikou_plan_add_scenario (plan, c2);
  ikou_plan_add_scenario (plan, c3);

  return plan;
}

/* Round trips */

static void
test_round_trip (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autoptr(IkouPlan) back = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize length;

  xml = ikou_xml_write_data (plan, &length);
  g_assert_cmpuint (length, ==, strlen (xml));
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<ikou-plan format=\"1\">\n"
                                        "  <organization>郡山市</organization>\n"));
  g_assert_true (g_str_has_suffix (xml, "</ikou-plan>\n"));
  g_assert_true (g_utf8_validate (xml, -1, NULL));
  g_assert_nonnull (strstr (xml, "budget-amount=\"-250\""));
  g_assert_nonnull (strstr (xml, "done=\"budget contract cutover\""));
  g_test_message ("%s", xml);

  /* The same plan again, which writes the same bytes. */
  back = assert_reads_back (plan, xml, "round-trip.xml");

  /* Fields ikou_plan_equal does not look at by name, checked by hand. */
  g_assert_cmpint (ikou_system_get_step (ikou_plan_lookup_system (back, 3), 2)->budget_amount,
                   ==, -1);
  g_assert_null (ikou_system_get_step (ikou_plan_lookup_system (back, 3), 2)->note);
  g_assert_cmpstr (ikou_system_get_step (ikou_plan_lookup_system (back, 3), 1)->note, ==, "");
  g_assert_cmpstr (ikou_host_get_name (ikou_plan_lookup_host (back, 5)), ==, "");
  g_assert_null (ikou_host_get_name (ikou_plan_lookup_host (back, 6)));
  g_assert_cmpuint (ikou_plan_next_system_id (back), ==, 11);

  /* A second, separately built plan gives the same bytes too. */
  again = build_full_plan ();
  xml_again = ikou_xml_write_data (again, NULL);
  g_assert_cmpstr (xml, ==, xml_again);
}

/* A scenario keeps the override of a system that was removed (not the
 * top id): what the writer writes, the reader reads. */
static void
test_override_of_removed_system (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autoptr(IkouPlan) back = NULL;
  g_autofree char *xml = NULL;
  IkouSystem *removed = ikou_plan_lookup_system (plan, 3);

  g_assert_nonnull (removed);
  g_assert_cmpuint (ikou_plan_next_system_id (plan), >, 4);
  ikou_plan_remove_system (plan, removed);

  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "next-system-id="));
  back = assert_reads_back (plan, xml, "removed.xml");
}

static void
test_file_round_trip (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *expected = ikou_xml_write_data (plan, NULL);
  g_autofree char *contents = NULL;

  assert_file_round_trip (plan, path);
  /* Overwriting goes through a temporary file, which must not remain. */
  g_assert_true (ikou_xml_write_file (plan, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_test_count_entries (dir), ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  ikou_test_remove_tree (dir);
}

/* The ids a plan hands out next survive a round trip when the system and
 * the host with the highest ids were removed; a plan that never lost its
 * top ids is written without them. */
static void
test_next_ids (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autoptr(IkouPlan) back = NULL;
  g_autoptr(IkouPlan) again = build_full_plan ();
  g_autoptr(IkouSystem) top = ikou_system_new (0, "廃止予定システム");
  g_autoptr(IkouHost) top_host = ikou_host_new (0, "撤去予定サーバ", IKOU_HOST_OTHER);
  g_autofree char *plain = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "next-ids.xml", NULL);

  plain = ikou_xml_write_data (plan, NULL);
  g_assert_null (strstr (plain, "next-"));

  ikou_plan_add_system (plan, top);
  ikou_plan_add_host (plan, top_host);
  g_assert_cmpuint (ikou_system_get_id (top), ==, 11);
  g_assert_cmpuint (ikou_host_get_id (top_host), ==, 8);
  ikou_plan_remove_system (plan, top);
  ikou_plan_remove_host (plan, top_host);

  /* Only the counters tell this plan from the one it was. */
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<ikou-plan format=\"1\" next-system-id=\"12\" "
                                        "next-host-id=\"9\">\n"));
  g_assert_cmpstr (strchr (xml, '\n') + 1 + strlen ("<ikou-plan format=\"1\" "
                                                   "next-system-id=\"12\" next-host-id=\"9\">"),
                   ==, strchr (plain, '\n') + 1 + strlen ("<ikou-plan format=\"1\">"));

  back = assert_reads_back (plan, xml, "next-ids.xml");

  /* A new system and host get fresh ids. */
  ikou_test_assert_next_ids (back, 12, 9);

  /* Through a file as well. */
  assert_file_round_trip (plan, path);

  /* Only one of them left the top. */
  ikou_plan_set_next_ids (again, 0, 20);
  xml2 = ikou_xml_write_data (again, NULL);
  g_assert_nonnull (strstr (xml2, "<ikou-plan format=\"1\" next-host-id=\"20\">\n"));

  ikou_test_remove_tree (dir);
}

/* Text that XML 1.0 cannot carry is written as U+FFFD, never as a file
 * that cannot be read back. */
static void
test_unwritable_characters (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouPlan) back = NULL;
  g_autofree char *xml = NULL;

  ikou_plan_set_title (plan, "bell\a and bad \xff byte");
  xml = ikou_xml_write_data (plan, NULL);
  back = read_plan (xml, "chars.xml");
  g_assert_cmpstr (ikou_plan_get_title (back), ==, "bell\xef\xbf\xbd and bad \xef\xbf\xbd byte");
}

static gboolean
run_xmllint (const char *schema,
             const char *file)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { NULL, "--noout", "--nonet", "--relaxng", schema, file, NULL };
  int status;

  argv[0] = xmllint;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_sample (void)
{
  g_autofree char *path = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *rewritten = NULL;
  guint n_operations = 0;
  IkouHost *host;

  plan = ikou_xml_read_file (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "郡山市");
  g_assert_cmpstr (ikou_plan_get_org_code (plan), ==, "072036");
  g_assert_nonnull (strstr (ikou_plan_get_title (plan), "クラウド移行計画"));
  g_assert_nonnull (strstr (ikou_plan_get_description (plan), "郡山市デジタル市役所推進本部"));
  g_assert_nonnull (strstr (ikou_plan_get_description (plan), "概算"));

  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 4);
  host = ikou_plan_get_host (plan, 0);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "統合サーバ（電算室内）");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_ONPREM_SHARED);
  g_assert_cmpint (ikou_host_get_available_until (host), ==, D (2024, 3, 31));
  g_assert_nonnull (strstr (ikou_host_get_note (host), "再リース"));
  host = ikou_plan_get_host (plan, 1);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "電算室内個別サーバ");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_ONPREM_DEDICATED);
  host = ikou_plan_get_host (plan, 2);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "統合サーバ（クラウド）");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_SHARED_CLOUD);
  g_assert_cmpint (ikou_host_get_available_from (host), ==, D (2021, 10, 1));
  host = ikou_plan_get_host (plan, 3);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "ガバメントクラウド");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpint (ikou_host_get_available_from (host), ==, D (2022, 10, 3));

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 17);
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      const IkouStep *step;

      if (ikou_system_get_operation (system) != NULL)
        n_operations++;
      g_assert_nonnull (ikou_system_get_department (system));
      g_assert_cmpint (ikou_system_get_status (system), ==, IKOU_STATUS_NOT_STARTED);
      g_assert_cmpuint (ikou_system_get_n_steps (system), ==, 1);
      step = ikou_system_get_step (system, 0);
      g_assert_cmpuint (step->from_host, ==, ikou_system_get_host (system));
      g_assert_cmpstr (ikou_host_get_name (ikou_plan_lookup_host (plan, step->to_host)), ==,
                       "統合サーバ（クラウド）");
      g_assert_false (step->standard_compliant);
      /* Illustrative amounts on four systems (test-budget sums them). */
      g_assert_cmpint (step->budget_amount, ==, i == 0 ? 5000 : i == 1 ? 8000 : i == 7 ? 12000
                                                : i == 14 ? 3000 : -1);
      g_assert_cmpint (step->contract_date, !=, IKOU_DAY_NONE);
      g_assert_cmpint (step->cutover_date, >, step->contract_date);
      g_assert_cmpint (ikou_day_get_mday (step->contract_date), ==, 1);
    }
  g_assert_cmpuint (n_operations, ==, 6);

  /* The table's order and its exceptions. */
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 0)), ==,
                   "農業基本台帳システム");
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 0), 0)->budget_date, ==,
                   IKOU_DAY_NONE);
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 1), 0)->budget_date, ==,
                   D (2020, 10, 1));
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 7)), ==, "介護保険システム");
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 7), 0)->cutover_date, ==,
                   D (2023, 1, 1));
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 14)), ==,
                   "食品営業許可台帳管理システム");
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 14), 0)->budget_date, ==,
                   D (2022, 10, 1));
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 14), 0)->contract_date, ==,
                   D (2023, 4, 1));
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 14), 0)->cutover_date, ==,
                   D (2023, 10, 1));
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 16)), ==,
                   "医事台帳管理システム");

  /* The shipped file is exactly what Ikou writes: saving it changes nothing. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  rewritten = ikou_xml_write_data (plan, NULL);
  g_assert_cmpstr (rewritten, ==, contents);
}

/* The schema in data/ agrees with the one compiled in, for an outside
 * validator too. */
static void
test_xmllint (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = ikou_test_source_path ("data", "ikou-plan.rng", NULL);
  g_autofree char *sample = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  g_assert_true (run_xmllint (schema, sample));
  {
    g_autofree char *scenarios = g_build_filename (IKOU_TEST_DATADIR, "scenarios.xml", NULL);

    /* Format 2: every scenario element. */
    g_assert_true (run_xmllint (schema, scenarios));
  }

  dir = ikou_test_make_temp_dir ();
  full = g_build_filename (dir, "full.xml", NULL);
  plan = build_full_plan ();
  g_assert_true (ikou_xml_write_file (plan, full, &error));
  g_assert_no_error (error);
  g_assert_true (run_xmllint (schema, full));

  /* With the next ids on the root. */
  ikou_plan_set_next_ids (plan, 50, 60);
  g_assert_true (ikou_xml_write_file (plan, full, &error));
  g_assert_no_error (error);
  g_assert_true (run_xmllint (schema, full));

  bad = g_build_filename (dir, "bad.xml", NULL);
  g_assert_true (g_file_set_contents (bad, "<ikou-plan format=\"1\"><hosts/></ikou-plan>\n",
                                      -1, NULL));
  g_assert_false (run_xmllint (schema, bad));

  ikou_test_remove_tree (dir);
}

/* Error paths */

static const char minimal[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ikou-plan format=\"1\">\n"
  "  <hosts>\n"
  "    <host id=\"1\" name=\"A\" kind=\"shared-cloud\"/>\n"
  "    <host id=\"2\" name=\"B\" kind=\"gov-cloud\" available-from=\"2022-10-03\"/>\n"
  "  </hosts>\n"
  "  <systems>\n"
  "    <system id=\"1\" name=\"S1\" host=\"1\" status=\"not-started\">\n"
  "      <step from=\"1\" to=\"2\" cutover-date=\"2025-04-01\" standard-compliant=\"true\"/>\n"
  "    </system>\n"
  "    <system id=\"2\" name=\"S2\" status=\"done\"/>\n"
  "  </systems>\n"
  "  <scenarios>\n"
  "    <scenario name=\"late\">\n"
  "      <override system=\"1\" step=\"0\" field=\"cutover-date\" value=\"2026-04-01\"/>\n"
  "    </scenario>\n"
  "  </scenarios>\n"
  "</ikou-plan>\n";

static void
test_minimal (void)
{
  g_autoptr(IkouPlan) plan = NULL;
  const IkouOverride *o;

  plan = read_plan (minimal, "minimal.xml");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_cmpuint (ikou_system_get_step (ikou_plan_get_system (plan, 0), 0)->to_host, ==, 2);
  g_assert_cmpint (ikou_system_get_step (ikou_plan_get_system (plan, 0), 0)->budget_amount,
                   ==, -1);
  o = ikou_scenario_get_override (ikou_plan_lookup_scenario (plan, "late"), 0);
  g_assert_cmpint (o->value, ==, D (2026, 4, 1));
}

/* Next ids in a file: absent, they follow from the ids; below the ids in
 * use, they are ignored; not an id, the file is invalid at the root. */
static void
test_next_ids_read (void)
{
  static const struct
  {
    const char *name;
    const char *root; /* the root's attributes; NULL: minimal's */
    guint       next_system_id;
    guint       next_host_id;
  } good[] = {
    { "absent.xml", NULL, 3, 3 },
    { "low.xml", "format=\"1\" next-system-id=\"2\" next-host-id=\"1\"", 3, 3 },
    { "high.xml", "next-host-id=\"40\" format=\"1\" next-system-id=\"30\"", 30, 40 },
    { "largest.xml", "format=\"1\" next-system-id=\"4294967295\"", G_MAXUINT, 3 },
  };
  static const BadEdit bad[] = {
    { "zero.xml", "format=\"1\"", "format=\"1\" next-system-id=\"0\"", INVALID, "format=" },
    { "word.xml", "format=\"1\"", "format=\"1\" next-host-id=\"three\"", INVALID, "format=" },
    { NULL }
  };
  g_autofree char *huge = replace_once (minimal, "format=\"1\"",
                                        "format=\"1\" next-system-id=\"4294967296\"");
  g_autofree char *huge_and_later = replace_once (huge, "host=\"1\" status", "host=\"9\" status");
  g_autofree char *huge_and_schema = replace_once (huge, "<hosts>", "<hosts colour=\"red\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = good[i].root == NULL
                              ? g_strdup (minimal)
                              : replace_once (minimal, "format=\"1\"", good[i].root);

      g_test_message ("%s", good[i].name);
      g_clear_object (&plan);
      plan = read_plan (text, good[i].name);
      g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, good[i].next_system_id);
      g_assert_cmpuint (ikou_plan_next_host_id (plan), ==, good[i].next_host_id);
      if (good[i].root == NULL)
        {
          g_autofree char *absent = ikou_xml_write_data (plan, NULL);

          g_assert_null (strstr (absent, "next-"));
        }
    }
  g_clear_object (&plan);

  assert_bad_edits (minimal, bad);
  assert_read_error ("huge.xml", huge, IKOU_ERROR_INVALID_INPUT, 2);
  plan = ikou_xml_read_data (huge, strlen (huge), "huge.xml", &error);
  g_assert_null (plan);
  g_assert_nonnull (strstr (error->message, "next-system-id"));
  g_assert_nonnull (strstr (error->message, "4294967296"));
  g_clear_error (&error);

  /* The root is the first problem in the file… */
  assert_read_error ("huge-and-later.xml", huge_and_later, IKOU_ERROR_INVALID_INPUT, 2);
  /* …and a damaged file is damaged first. */
  {
    g_autofree char *cut = g_strndup (huge, strlen (huge) - 20);

    assert_read_error ("huge-cut.xml", cut, IKOU_ERROR_CORRUPT, 0);
  }
  /* A schema error later in the file comes after it, too. */
  assert_read_error ("huge-and-schema.xml", huge_and_schema, IKOU_ERROR_INVALID_INPUT, 2);
}

/* Scenarios: every field, orphans, added steps (format 2) */

/* build_full_plan() with a scenario that uses everything: system 3 has
 * three steps, host 7 is in the plan, system 5 and host 3 are ids the
 * plan handed out and no longer has. */
static IkouPlan *
build_scenario_plan (void)
{
  IkouPlan *plan = build_full_plan ();

  add_rich_scenario (plan, 3, 7, 5, 3);
  return plan;
}

/* The plan's XML as the golden file has it (IKOU_UPDATE_GOLDEN=1
 * rewrites the file). */
static char *
golden_scenarios (void)
{
  g_autofree char *path = g_build_filename (IKOU_TEST_DATADIR, "scenarios.xml", NULL);
  g_autoptr(IkouPlan) plan = build_scenario_plan ();
  g_autofree char *xml = ikou_xml_write_data (plan, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (g_getenv ("IKOU_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, xml, -1, &error);
      g_assert_no_error (error);
    }
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, xml);
  return contents;
}

static void
test_scenarios_round_trip (void)
{
  g_autoptr(IkouPlan) plan = build_scenario_plan ();
  g_autoptr(IkouPlan) back = NULL;
  g_autofree char *xml = golden_scenarios ();
  IkouScenario *scenario;

  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<ikou-plan format=\"2\" next-system-id=\"11\" "
                                        "next-host-id=\"8\">\n"));
  ikou_test_assert_contains (xml,
                             "<override system=\"3\" step=\"5\" field=\"cutover-date\" "
                             "value=\"2026-04-01\" orphaned=\"true\"/>",
                             "field=\"amount\" value=\"\"/>",
                             "field=\"arrangement\" value=\"preparatory\"/>",
                             "field=\"dropped\" value=\"true\"/>",
                             "<added-step system=\"5\"",
                             NULL);

  back = assert_reads_back (plan, xml, "scenarios.xml");
  scenario = ikou_plan_lookup_scenario (back, "全部入り <&> \"案\"");
  g_assert_cmpint (ikou_scenario_get_orphan (scenario, 3, 0)->value, ==, D (2026, 4, 1));
  g_assert_cmpint (ikou_scenario_get_orphan (scenario, 3, 1)->value, ==, D (2026, 5, 1));
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 3, 0)->note, ==,
                   "追加の工程 <&>\n二行目");
  g_assert_null (ikou_scenario_get_added_step (scenario, 3, 1)->note);
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 3, 2)->note, ==, "");
}

/* XML → .ikou → XML gives the same bytes. */
static void
test_scenarios_through_store (void)
{
  g_autofree char *xml = golden_scenarios ();
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.ikou", NULL);
  g_autofree char *xml2 = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) stored = NULL;
  g_autoptr(GError) error = NULL;

  plan = read_plan (xml, "scenarios.xml");
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
  stored = ikou_store_load (path, &error);
  g_assert_no_error (error);
  ikou_test_assert_plans_equal (plan, stored);
  xml2 = ikou_xml_write_data (stored, NULL);
  g_assert_cmpstr (xml, ==, xml2);

  ikou_test_remove_tree (dir);
}

/* What format 1 can hold is still written as format 1. */
static void
test_scenarios_format (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  IkouScenario *scenario = ikou_plan_get_scenario (plan, 0);
  g_autofree char *xml = NULL;
  IkouStep step = { .annual_cost = -1, };
  IkouOverride orphan = { 3, 9, IKOU_OVERRIDE_BUDGET_DATE, 0 };

  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "<ikou-plan format=\"1\">"));
  g_clear_pointer (&xml, g_free);

  ikou_scenario_set_override (scenario, 3, 0, IKOU_OVERRIDE_SUPPLEMENTARY, 1);
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "<ikou-plan format=\"2\">"));
  g_clear_pointer (&xml, g_free);
  ikou_scenario_remove_override (scenario, 3, 0, IKOU_OVERRIDE_SUPPLEMENTARY);

  ikou_scenario_add_orphan (scenario, &orphan);
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "<ikou-plan format=\"2\">"));
  g_clear_pointer (&xml, g_free);

  scenario = ikou_plan_get_scenario (plan, 1);
  step.budget_amount = -1;
  ikou_scenario_insert_added_step (scenario, 1, 0, &step);
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "<added-step system=\"1\" standard-compliant=\"false\"/>"));
}

/* Bad values of the new attributes and elements: the line of the
 * element, nothing read. */
static void
test_scenarios_bad (void)
{
  static const BadEdit edits[] = {
    /* The schema. */
    { "amount.xml", "field=\"amount\" value=\"98765\"", "field=\"amount\" value=\"lots\"",
      INVALID, "\"lots\"" },
    { "arrangement.xml", "value=\"preparatory\"", "value=\"loan\"", INVALID, "\"loan\"" },
    { "dropped.xml", "field=\"dropped\" value=\"true\"", "field=\"dropped\" value=\"maybe\"",
      INVALID, "\"maybe\"" },
    { "dropped-empty.xml", "field=\"dropped\" value=\"true\"", "field=\"dropped\" value=\"\"",
      INVALID, "field=\"dropped\"" },
    { "arrangement-empty.xml", "field=\"arrangement\" value=\"preparatory\"",
      "field=\"arrangement\" value=\"\"", INVALID, "field=\"arrangement\" value=\"\"" },
    { "orphaned.xml", "orphaned=\"true\"", "orphaned=\"yes\"", INVALID, "\"yes\"" },
    { "from-host.xml", "field=\"from-host\" value=\"3\"", "field=\"from-host\" value=\"host\"",
      INVALID, "\"host\"" },
    { "added-step-system.xml", "<added-step system=\"5\"", "<added-step", INVALID,
      "<added-step to" },
    { "added-step-colour.xml", "<added-step system=\"5\"", "<added-step system=\"5\" colour=\"red\"",
      INVALID, "colour" },
    /* The reader. */
    { "added-step-unknown.xml", "<added-step system=\"5\"", "<added-step system=\"77\"", INVALID,
      "\"77\"" },
    { "override-unknown.xml", "<override system=\"5\" step=\"0\"",
      "<override system=\"12\" step=\"0\"", INVALID, "\"12\"" },
    { "added-step-date.xml", "budget-date=\"2026-10-01\"", "budget-date=\"2026-02-30\"",
      INVALID, "2026-02-30" },
    { "not-orphaned.xml", "step=\"5\" field=\"cutover-date\" value=\"2026-04-01\" orphaned=\"true\"",
      "step=\"5\" field=\"cutover-date\" value=\"2026-04-01\"", INVALID, "step=\"5\"" },
    { "orphan-date.xml", "step=\"5\" field=\"cutover-date\" value=\"2026-04-01\" orphaned=\"true\"",
      "step=\"5\" field=\"cutover-date\" value=\"2026-04-31\" orphaned=\"true\"", INVALID,
      "2026-04-31" },
    { "amount-twice.xml", "field=\"amount\" value=\"98765\"/>",
      "field=\"amount\" value=\"98765\"/>\n      <override system=\"3\" step=\"0\" "
      "field=\"amount\" value=\"1\"/>", INVALID, "value=\"1\"" },
    { "amount-huge.xml", "field=\"amount\" value=\"98765\"",
      "field=\"amount\" value=\"99999999999999999999\"", INVALID, "99999999999999999999" },
    /* Removed hosts and systems need the counters that say they existed. */
    { "no-host-counter.xml", " next-host-id=\"8\"", "", INVALID,
      "field=\"from-host\" value=\"3\"" },
    { "no-system-counter.xml", " next-system-id=\"11\"", "", INVALID, "system=\"5\"" },
    { NULL }
  };
  g_autofree char *xml = golden_scenarios ();
  g_autofree char *repeated_orphan =
    replace_once (xml, "orphaned=\"true\"/>",
                  "orphaned=\"true\"/>\n      <override system=\"3\" step=\"5\" "
                  "field=\"cutover-date\" value=\"2026-04-01\" orphaned=\"true\"/>");
  g_autoptr(IkouPlan) plan = NULL;

  assert_bad_edits (xml, edits);

  /* Orphans may repeat each other. */
  plan = read_plan (repeated_orphan, "scenarios.xml");
  g_assert_cmpuint (ikou_scenario_get_n_orphans (ikou_plan_lookup_scenario (plan, "全部入り <&> \"案\""), 3),
                    ==, 7);
}

/* A format 1 file that names a removed host in a to-host override below
 * next-host-id reads (format 1 refused it). */
static void
test_scenarios_old_format (void)
{
  g_autofree char *text = replace_once (minimal, "field=\"cutover-date\" value=\"2026-04-01\"",
                                        "field=\"to-host\" value=\"3\"");
  g_autofree char *counted = replace_once (text, "format=\"1\"", "format=\"1\" next-host-id=\"4\"");
  g_autoptr(IkouPlan) plan = NULL;
  gint64 value = 0;

  assert_read_error ("old.xml", text, INVALID, ikou_test_line_of (text, "value=\"3\""));
  plan = read_plan (counted, "old.xml");
  g_assert_true (ikou_scenario_lookup_override (ikou_plan_lookup_scenario (plan, "late"), 1, 0,
                                                IKOU_OVERRIDE_TO_HOST, &value));
  g_assert_cmpint (value, ==, 3);
}

static void
test_not_xml (void)
{
  assert_read_error ("notes.txt", "This is a text file, not a plan.", IKOU_ERROR_NOT_A_PLAN, 0);
  assert_read_error ("empty.xml", "", IKOU_ERROR_NOT_A_PLAN, 0);
  assert_read_error ("binary.xml", "\x89PNG\r\n\x1a\n", IKOU_ERROR_NOT_A_PLAN, 0);
}

static void
test_wrong_root (void)
{
  assert_read_error ("schedule.xml",
                     "<?xml version=\"1.0\"?>\n<schedule format=\"1\"/>\n",
                     IKOU_ERROR_NOT_A_PLAN, 2);
  assert_read_error ("ns.xml",
                     "<?xml version=\"1.0\"?>\n<ikou-plan xmlns=\"urn:other\" format=\"1\"/>\n",
                     IKOU_ERROR_NOT_A_PLAN, 2);
}

/* Files that one edit of minimal makes bad, a table a test: each is
 * read by test_bad_minimal(). */

static const BadEdit newer_format[] = {
  { "future.xml", "format=\"1\"", "format=\"5\"", IKOU_ERROR_NEWER_VERSION, "format=" },
  { "far-future.xml", "format=\"1\"", "format=\"123456789012345\"", IKOU_ERROR_NEWER_VERSION,
    "format=" },
  { NULL }
};

static const BadEdit schema_errors[] = {
  { "kind.xml", "kind=\"gov-cloud\"", "kind=\"mainframe\"", INVALID, "mainframe" },
  { "element.xml", "    </system>\n", "      <colour>red</colour>\n    </system>\n", INVALID,
    "<colour>" },
  { "status.xml", " status=\"done\"", "", INVALID, "name=\"S2\"" },
  { "amount.xml", "cutover-date=\"2025-04-01\"", "budget-amount=\"12k\"", INVALID, "12k" },
  { "zero.xml", "<system id=\"2\"", "<system id=\"0\"", INVALID, "id=\"0\"" },
  { NULL }
};

static const BadEdit bad_references[] = {
  { "system-host.xml", "host=\"1\"", "host=\"9\"", INVALID, "host=\"9\"" },
  { "step-host.xml", "to=\"2\"", "to=\"3\"", INVALID, "to=\"3\"" },
  { "override-host.xml", "field=\"cutover-date\" value=\"2026-04-01\"",
    "field=\"to-host\" value=\"8\"", INVALID, "value=\"8\"" },
  { "override-system.xml", "system=\"1\" step=\"0\"", "system=\"5\" step=\"0\"", INVALID,
    "system=\"5\"" },
  { "override-step.xml", "system=\"1\" step=\"0\"", "system=\"1\" step=\"1\"", INVALID,
    "step=\"1\"" },
  { "override-twice.xml", "    </scenario>\n",
    "      <override system=\"1\" step=\"0\" field=\"cutover-date\" "
    "value=\"2026-05-01\"/>\n    </scenario>\n", INVALID, "2026-05-01" },
  { NULL }
};

static const BadEdit duplicate_ids[] = {
  { "hosts.xml", "<host id=\"2\"", "<host id=\"1\"", INVALID, "name=\"B\"" },
  { "systems.xml", "<system id=\"2\"", "<system id=\"1\"", INVALID, "name=\"S2\"" },
  { "scenarios.xml", "  </scenarios>\n", "    <scenario name=\"late\"/>\n  </scenarios>\n",
    INVALID, "<scenario name=\"late\"/>" },
  { NULL }
};

static const BadEdit bad_dates[] = {
  { "feb30.xml", "2025-04-01", "2025-02-30", INVALID, "2025-02-30" },
  { "month13.xml", "available-from=\"2022-10-03\"", "available-from=\"2022-13-01\"",
    INVALID, "2022-13-01" },
  { "override-date.xml", "2026-04-01", "2025-02-29", INVALID, "2025-02-29" },
  { "shape.xml", "2025-04-01", "2025/04/01", INVALID, "2025/04/01" },
  { NULL }
};

static void
test_bad_minimal (gconstpointer edits)
{
  assert_bad_edits (minimal, edits);
}

/* Format 4: the classified 特定移行支援 reason and 経過措置. */
static void
test_transitional (void)
{
  static const BadEdit edits[] = {
    /* An unknown kind, a day that does not exist, text where it does not
     * belong. */
    { "kind.xml", "vendor-capacity", "lazy-vendor", INVALID, "lazy-vendor" },
    { "date.xml", "2027-03-31", "2027-02-30", INVALID, "2027-02-30" },
    { "place.xml", "<transitional/>", "<transitional><b/></transitional>", INVALID, NULL },
    { NULL }
  };
  g_autofree char *format4 = replace_once (minimal, "format=\"1\"", "format=\"4\"");
  g_autofree char *first =
    replace_once (format4, "<system id=\"1\" name=\"S1\" host=\"1\" status=\"not-started\">\n",
                  "<system id=\"1\" name=\"S1\" host=\"1\" status=\"not-started\""
                  " tokutei=\"true\" tokutei-reason-kind=\"vendor-capacity\">\n"
                  "      <tokutei-reason>人手不足</tokutei-reason>\n"
                  "      <transitional completion=\"2027-03-31\" notified=\"2025-11-28\">"
                  "帳票の一部</transitional>\n");
  g_autofree char *with = replace_once (first, "<system id=\"2\" name=\"S2\" status=\"done\"/>",
                                        "<system id=\"2\" name=\"S2\" status=\"done\">"
                                        "<transitional/></system>");
  g_autofree char *xml = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) back = NULL;
  IkouSystem *s1, *s2;

  plan = read_plan (with, "transitional.xml");
  s1 = ikou_plan_lookup_system (plan, 1);
  s2 = ikou_plan_lookup_system (plan, 2);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (s1), ==, IKOU_TOKUTEI_REASON_VENDOR_CAPACITY);
  g_assert_cmpstr (ikou_system_get_tokutei_reason (s1), ==, "人手不足");
  g_assert_true (ikou_system_get_transitional (s1));
  g_assert_cmpstr (ikou_system_get_transitional_functions (s1), ==, "帳票の一部");
  g_assert_cmpint (ikou_system_get_transitional_completion (s1), ==, D (2027, 3, 31));
  g_assert_cmpint (ikou_system_get_transitional_notified (s1), ==, D (2025, 11, 28));
  /* An empty element: 経過措置 with nothing known yet. */
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (s2), ==, IKOU_TOKUTEI_REASON_UNKNOWN);
  g_assert_true (ikou_system_get_transitional (s2));
  g_assert_null (ikou_system_get_transitional_functions (s2));
  g_assert_cmpint (ikou_system_get_transitional_notified (s2), ==, IKOU_DAY_NONE);

  /* Written in format 4 and read back the same. */
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_nonnull (strstr (xml, "<ikou-plan format=\"4\">"));
  g_assert_nonnull (strstr (xml, "tokutei-reason-kind=\"vendor-capacity\""));
  g_assert_nonnull (strstr (xml, "<transitional completion=\"2027-03-31\" notified=\"2025-11-28\">"
                                 "帳票の一部</transitional>"));
  back = assert_reads_back (plan, xml, "back.xml");

  /* Without them the plan keeps its lower format. */
  ikou_system_set_tokutei_reason_kind (s1, IKOU_TOKUTEI_REASON_UNKNOWN);
  ikou_system_set_transitional (s1, FALSE);
  ikou_system_set_transitional (s2, FALSE);
  g_free (xml);
  xml = ikou_xml_write_data (plan, NULL);
  g_assert_null (strstr (xml, "format=\"4\""));
  g_assert_null (strstr (xml, "transitional"));

  assert_bad_edits (with, edits);
}

static void
test_truncated (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autofree char *xml = ikou_xml_write_data (plan, NULL);
  gsize cuts[] = { strlen (xml) / 2, strlen (xml) - 3, 60 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *cut = g_strndup (xml, cuts[i]);

      assert_read_error ("truncated.xml", cut, IKOU_ERROR_CORRUPT, 0);
    }
  assert_read_error ("mismatch.xml",
                     "<?xml version=\"1.0\"?>\n<ikou-plan format=\"1\">\n\n</ikou>\n",
                     IKOU_ERROR_CORRUPT, 4);
  assert_read_error ("entity.xml",
                     "<?xml version=\"1.0\"?>\n<ikou-plan format=\"1\">\n"
                     "<title>&undefined;</title><hosts/><systems/></ikou-plan>\n",
                     IKOU_ERROR_CORRUPT, 3);
}

/* XXE: an external entity must never be read, from a file or the net. */
static void
test_xxe (void)
{
  static const char *attacks[] = {
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE ikou-plan [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<ikou-plan format=\"1\"><title>&xxe;</title><hosts/><systems/></ikou-plan>\n",

    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE ikou-plan [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n"
    "<ikou-plan format=\"1\"><hosts/><systems/></ikou-plan>\n",

    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE ikou-plan SYSTEM \"http://127.0.0.1:9/ikou.dtd\">\n"
    "<ikou-plan format=\"1\"><hosts/><systems/></ikou-plan>\n",

    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE ikou-plan>\n"
    "<ikou-plan format=\"1\"><hosts/><systems/></ikou-plan>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = NULL;

      plan = ikou_xml_read_data (attacks[i], strlen (attacks[i]), "xxe.xml", &error);
      g_assert_null (plan);
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "xxe.xml, line 2: "));
      g_assert_null (strstr (error->message, "root:"));
    }
}

static void
test_billion_laughs (void)
{
  GString *attack = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE ikou-plan [\n"
                                  " <!ENTITY lol0 \"lol\">\n");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GTimer) timer = NULL;

  for (int i = 1; i <= 20; i++)
    {
      g_string_append_printf (attack, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (attack, "&lol%d;", i - 1);
      g_string_append (attack, "\">\n");
    }
  g_string_append (attack, "]>\n<ikou-plan format=\"1\"><title>&lol20;</title>"
                           "<hosts/><systems/></ikou-plan>\n");
  text = g_string_free (attack, FALSE);

  timer = g_timer_new ();
  plan = ikou_xml_read_data (text, strlen (text), "laughs.xml", &error);
  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "laughs.xml, line 2: "));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 1.0);
}

/* Streaming */

/* Writes @length bytes of @data to @dir/@name and reads it as a file;
 * expects @code and a message that begins with the file's path, with
 * ", line @line: " after it when @line > 0.  Returns the message (for
 * more checks). */
static char *
assert_file_error (const char *dir,
                   const char *name,
                   const char *data,
                   gsize       length,
                   int         code,
                   int         line)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  plan = ikou_xml_read_file (path, &error);
  g_assert_null (plan);
  assert_refused (error, path, code, line);
  g_unlink (path);

  return g_strdup (error->message);
}

/* @text in UTF-16 (little or big endian), with or without a byte order mark. */
static char *
to_utf16 (const char *text,
          gboolean    big_endian,
          gboolean    bom,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gsize n;
  char *out;

  body = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, &n, &error);
  g_assert_no_error (error);
  out = g_malloc (n + 2);
  if (bom)
    {
      out[0] = big_endian ? '\xfe' : '\xff';
      out[1] = big_endian ? '\xff' : '\xfe';
    }
  memcpy (out + (bom ? 2 : 0), body, n);
  *length = n + (bom ? 2 : 0);

  return out;
}

/* A DOCTYPE is refused wherever the prolog puts it and however it is
 * encoded, before libxml2 reads it; a comment that mentions one is not
 * one. */
static void
test_doctype_in_prolog (void)
{
  static const char tail[] = "<!DOCTYPE ikou-plan [ <!ENTITY e \"x\"> ]>\n"
                             "<ikou-plan format=\"1\"><title>&e;</title>"
                             "<hosts/><systems/></ikou-plan>\n";
  static const char jis[] = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n"
                            "<?note \x1b$B?>0!\x1b(B ?>\n<!DOCTYPE ikou-plan>\n"
                            "<ikou-plan format=\"1\"><hosts/><systems/></ikou-plan>\n";
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *after_misc = g_strconcat ("<?xml version=\"1.0\"?>\n<!-- a comment\n - over "
                                             "<!DOCTYPE two lines -->\n<?pi one ?? two?>\n\n",
                                             tail, NULL);
  g_autofree char *in_comment = replace_once (minimal, "<ikou-plan",
                                              "<!-- not <!DOCTYPE x> -->\n<?pi <!DOCTYPE ?>\n"
                                              "<ikou-plan");
  g_autoptr(GString) long_comment = g_string_new ("<?xml version=\"1.0\"?>\n<!--");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *xml = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", tail, NULL);
  g_autofree char *message = NULL;
  int long_line;

  assert_read_error ("misc.xml", after_misc, IKOU_ERROR_INVALID_INPUT, 6);
  g_free (assert_file_error (dir, "misc.xml", after_misc, strlen (after_misc),
                             IKOU_ERROR_INVALID_INPUT, 6));

  plan = read_plan (in_comment, "in-comment.xml");
  g_clear_object (&plan);

  /* Far beyond the bytes read ahead of a file, in many reads. */
  for (int i = 0; i < 20000; i++)
    g_string_append (long_comment, i % 10 == 9 ? "comment -\n" : "comment - ");
  g_string_append (long_comment, "-->\n");
  long_line = ikou_test_line_of (long_comment->str, "-->") + 1;
  g_string_append (long_comment, tail);
  assert_read_error ("long.xml", long_comment->str, IKOU_ERROR_INVALID_INPUT, long_line);
  g_free (assert_file_error (dir, "long.xml", long_comment->str, long_comment->len,
                             IKOU_ERROR_INVALID_INPUT, long_line));

  /* UTF-16 both ways, with a byte order mark or without. */
  for (guint i = 0; i < 3; i++)
    {
      gsize length;
      g_autofree char *utf16 = to_utf16 (xml, i == 1, i < 2, &length);

      g_clear_object (&plan);
      plan = ikou_xml_read_data (utf16, length, "utf16.xml", &error);
      g_assert_null (plan);
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "utf16.xml, line 2: "));
      g_clear_error (&error);
    }

  /* An encoding the byte scanner does not follow (a kanji whose bytes
   * are "?>" ends the PI early for it): the reader still refuses the
   * DOCTYPE, only without its line. */
  message = assert_file_error (dir, "jis.xml", jis, sizeof jis - 1, IKOU_ERROR_INVALID_INPUT, 0);
  g_assert_nonnull (strstr (message, "DOCTYPE"));

  ikou_test_remove_tree (dir);
}

/* libxml2's push parser (the reader's) lets an overlong UTF-8 sequence
 * through in a CDATA section; it must not reach the plan. */
static void
test_cdata (void)
{
  g_autofree char *cdata = replace_once (minimal, "  <hosts>\n",
                                         "  <title><![CDATA[a<b & c]]></title>\n  <hosts>\n");
  g_autofree char *overlong = replace_once (minimal, "  <hosts>\n",
                                            "  <title><![CDATA[a\xe0\x82\xb7z]]></title>\n"
                                            "  <hosts>\n");
  g_autoptr(IkouPlan) plan = NULL;

  plan = read_plan (cdata, "cdata.xml");
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "a<b & c");

  assert_read_error ("overlong.xml", overlong, IKOU_ERROR_CORRUPT,
                     ikou_test_line_of (overlong, "CDATA"));
}

/* What the streaming validator says is still worth reading, and the
 * order of the checks. */
static void
test_schema_messages (void)
{
  g_autofree char *text = replace_once (minimal, "    </system>\n",
                                        "      stray text\n    </system>\n");
  g_autofree char *amount = replace_once (minimal, "cutover-date=\"2025-04-01\"",
                                          "budget-amount=\"12k\"");
  g_autofree char *both = replace_once (amount, "host=\"1\" status", "host=\"9\" status");
  g_autofree char *bad_ref = replace_once (minimal, "host=\"1\" status", "host=\"9\" status");
  g_autofree char *later = replace_once (bad_ref, "<system id=\"2\" name=\"S2\" status=\"done\"/>",
                                         "<system id=\"2\" name=\"S2\"/>");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  plan = ikou_xml_read_data (text, strlen (text), "text.xml", &error);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "text.xml, line 8: "));
  g_assert_nonnull (strstr (error->message, "element system"));
  g_assert_null (strstr (error->message, "TODO"));
  g_clear_error (&error);

  /* Which attribute, not only that one failed. */
  g_clear_object (&plan);
  plan = ikou_xml_read_data (amount, strlen (amount), "amount.xml", &error);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "budget-amount"));
  g_assert_nonnull (strstr (error->message, "file format"));
  g_clear_error (&error);

  /* Within one element the schema comes first: the step breaks it, so
   * the system's bad host reference is not what is reported… */
  plan = ikou_xml_read_data (both, strlen (both), "both.xml", &error);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "both.xml, line 9: "));
  g_clear_error (&error);

  /* …but across elements the first problem in the file is. */
  assert_read_error ("later.xml", later, IKOU_ERROR_INVALID_INPUT,
                     ikou_test_line_of (later, "host=\"9\""));
}

static void
test_read_file_streaming (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouPlan) back = NULL;
  g_autoptr(IkouHost) host = ikou_host_new (1, "クラウド", IKOU_HOST_SHARED_CLOUD);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *spaces = g_strnfill (70000, ' ');
  g_autofree char *bad = NULL;
  gsize length;

  /* Much more than is read ahead, so the reader reads it in pieces. */
  ikou_plan_add_host (plan, host);
  ikou_plan_begin_bulk (plan);
  for (guint i = 1; i <= 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("システム %u", i);
      g_autoptr(IkouSystem) system = ikou_system_new (i, name);
      IkouStep step = { .annual_cost = -1, };

      step.to_host = 1;
      step.budget_amount = i;
      step.cutover_date = D (2025, 1 + i % 12, 1);
      step.note = (char *) "注記";
      ikou_system_set_host (system, 1);
      ikou_system_insert_step (system, G_MAXUINT, &step);
      ikou_plan_add_system (plan, system);
    }
  ikou_plan_end_bulk (plan);
  assert_file_round_trip (plan, path);

  /* An error near the end of a file has its line, as in memory. */
  xml = ikou_xml_write_data (plan, &length);
  bad = replace_once (xml, "budget-amount=\"2999\"", "budget-amount=\"2999\" from=\"5\"");
  g_free (assert_file_error (dir, "late-error.xml", bad, strlen (bad), IKOU_ERROR_INVALID_INPUT,
                             ikou_test_line_of (bad, "from=\"5\"")));
  assert_read_error ("late-error.xml", bad, IKOU_ERROR_INVALID_INPUT,
                     ikou_test_line_of (bad, "from=\"5\""));

  /* More white space before the root than is read ahead: libxml2 decides. */
  blank = g_strconcat ("\n", spaces, strstr (minimal, "<ikou-plan"), NULL);
  g_assert_true (g_file_set_contents (path, blank, -1, NULL));
  back = ikou_xml_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_systems (back), ==, 2);

  /* Not a file one can read. */
  g_clear_object (&back);
  back = ikou_xml_read_file (dir, &error);
  g_assert_null (back);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_clear_error (&error);

  ikou_test_remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  plan = ikou_xml_read_file (path, &error);
  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));

  ikou_test_remove_tree (dir);
}

/* A failed save leaves nothing behind, and never a half-written file. */
static void
test_unwritable (void)
{
  g_autoptr(IkouPlan) plan = build_full_plan ();
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", "plan.xml", NULL);
  g_autofree char *a_file = g_build_filename (dir, "file.txt", NULL);
  g_autofree char *under_file = g_build_filename (a_file, "plan.xml", NULL);
  g_autofree char *a_dir = g_build_filename (dir, "folder", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (a_file, "keep me", -1, NULL));
  g_assert_cmpint (g_mkdir (a_dir, 0755), ==, 0);

  g_assert_false (ikou_xml_write_file (plan, missing_dir, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plan.xml"));
  g_clear_error (&error);

  g_assert_false (ikou_xml_write_file (plan, under_file, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_clear_error (&error);

  /* The rename over a folder fails after the temporary file was written. */
  g_assert_false (ikou_xml_write_file (plan, a_dir, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpuint (ikou_test_count_entries (dir), ==, 2);
  g_assert_cmpuint (ikou_test_count_entries (a_dir), ==, 0);
  g_assert_true (g_file_get_contents (a_file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  ikou_test_remove_tree (dir);
}

/* The utility layer on its own. */
static void
test_util_validate (void)
{
  static const IkouXmlErrorCodes codes = {
    IKOU_ERROR_NOT_A_PLAN, IKOU_ERROR_CORRUPT, IKOU_ERROR_INVALID_INPUT, IKOU_ERROR_INVALID_INPUT,
  };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<ikou-plan format=\"1\">\n"
                     "  <hosts/>\n  <systems/>\n  <extra/>\n</ikou-plan>\n";

  doc = ikou_xml_parse (text, strlen (text), "util.xml", &codes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_false (ikou_xml_validate (doc, "ikou-plan.rng", "util.xml",
                                     IKOU_ERROR_INVALID_INPUT, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "util.xml, line 5: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/round-trip", test_round_trip);
  g_test_add_func ("/xml/file-round-trip", test_file_round_trip);
  g_test_add_func ("/xml/next-ids", test_next_ids);
  g_test_add_func ("/xml/override-of-removed-system", test_override_of_removed_system);
  g_test_add_func ("/xml/next-ids/read", test_next_ids_read);
  g_test_add_func ("/xml/unwritable-characters", test_unwritable_characters);
  g_test_add_func ("/xml/sample", test_sample);
  g_test_add_func ("/xml/xmllint", test_xmllint);
  g_test_add_func ("/xml/minimal", test_minimal);
  g_test_add_func ("/xml/scenarios/round-trip", test_scenarios_round_trip);
  g_test_add_func ("/xml/scenarios/through-store", test_scenarios_through_store);
  g_test_add_func ("/xml/scenarios/format", test_scenarios_format);
  g_test_add_func ("/xml/scenarios/old-format", test_scenarios_old_format);
  g_test_add_func ("/xml/error/scenarios", test_scenarios_bad);
  g_test_add_func ("/xml/error/not-xml", test_not_xml);
  g_test_add_func ("/xml/error/wrong-root", test_wrong_root);
  g_test_add_data_func ("/xml/error/newer-format", newer_format, test_bad_minimal);
  g_test_add_data_func ("/xml/error/schema", schema_errors, test_bad_minimal);
  g_test_add_data_func ("/xml/error/references", bad_references, test_bad_minimal);
  g_test_add_data_func ("/xml/error/duplicate-ids", duplicate_ids, test_bad_minimal);
  g_test_add_data_func ("/xml/error/dates", bad_dates, test_bad_minimal);
  g_test_add_func ("/xml/transitional", test_transitional);
  g_test_add_func ("/xml/error/truncated", test_truncated);
  g_test_add_func ("/xml/error/xxe", test_xxe);
  g_test_add_func ("/xml/error/billion-laughs", test_billion_laughs);
  g_test_add_func ("/xml/error/missing-file", test_missing_file);
  g_test_add_func ("/xml/error/doctype-in-prolog", test_doctype_in_prolog);
  g_test_add_func ("/xml/error/cdata", test_cdata);
  g_test_add_func ("/xml/error/schema-messages", test_schema_messages);
  g_test_add_func ("/xml/streaming-file", test_read_file_streaming);
  g_test_add_func ("/xml/error/unwritable", test_unwritable);
  g_test_add_func ("/xml/util/validate", test_util_validate);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ikou-plan-file.h"
#include "ikou-store.h"
#include "ikou-xml.h"
#include "ikou-test-util.h"

/* The command line as a user runs it: the real binary, its exit status,
 * its stdout and stderr. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_ikou (Run *run,
          ...)
{
  va_list args;

  va_start (args, run);
  run->status = ikou_test_run_ikouv (&run->out, &run->err, args);
  va_end (args);

  /* Whatever happens, no GLib warning or critical reaches the user. */
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* The acceptance check of the foundation: the sample as of 2021-03-01. */
static void
test_check_sample_json (void)
{
  g_autofree char *sample = ikou_test_source_path ("data/samples/koriyama.ikou", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) deadline_systems = g_hash_table_new (g_str_hash, g_str_equal);
  const char *expected[] = {
    "生活保護システム", "障がい者自立支援システム", "戸籍システム",
    "介護保険システム", "選挙事務システム", "後期高齢システム",
  };
  JsonObject *root, *summary;
  JsonArray *findings;
  guint missing_budget = 0;
  guint errors = 0;

  run_ikou (&run, "check", sample, "--today", "2021-03-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2021-03-01");
  g_assert_true (json_object_get_null_member (root, "scenario"));
  g_assert_nonnull (json_object_get_string_member (root, "plan"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (root, "schedule"),
                                                   "version"));

  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *rule = json_object_get_string_member (f, "rule");
      const char *system = json_object_get_string_member (f, "system");

      g_assert_true (json_object_has_member (f, "system_id"));
      g_assert_true (json_object_has_member (f, "step"));
      g_assert_true (json_object_has_member (f, "date"));
      g_assert_true (json_object_has_member (f, "deadline"));
      g_assert_cmpstr (json_object_get_string_member (f, "message"), !=, "");

      if (g_str_equal (json_object_get_string_member (f, "severity"), "error"))
        errors++;
      if (g_str_has_prefix (rule, "deadline."))
        {
          g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
          g_hash_table_add (deadline_systems, (gpointer) system);
        }
      if (g_str_equal (rule, "budget.missing-request"))
        {
          g_assert_cmpstr (system, ==, "農業基本台帳システム");
          missing_budget++;
        }
    }

  g_assert_cmpuint (g_hash_table_size (deadline_systems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (deadline_systems, expected[i]));
  g_assert_cmpuint (missing_budget, ==, 1);

  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, errors);
  g_assert_true (json_object_has_member (summary, "warnings"));
  g_assert_true (json_object_has_member (summary, "infos"));
}

/* `check --json` carries where the plan stands, the 特定移行支援 systems
 * with their classified reason and the 経過措置, and the rule
 * transitional.notice. */
static void
test_check_standing_json (void)
{
  static const char plan_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ikou-plan format=\"4\">\n"
    "  <title>経過措置</title>\n"
    "  <hosts>\n"
    "    <host id=\"1\" name=\"電算室\" kind=\"onprem-shared\"/>\n"
    "    <host id=\"2\" name=\"ガバメントクラウド\" kind=\"gov-cloud\"/>\n"
    "  </hosts>\n"
    "  <systems>\n"
    "    <system id=\"1\" name=\"戸籍\" operation=\"family-register\" host=\"1\""
    " status=\"in-progress\">\n"
    "      <transitional completion=\"2027-03-31\">証明書の一部</transitional>\n"
    "      <step from=\"1\" to=\"2\" cutover-date=\"2026-01-04\" standard-compliant=\"true\""
    " done=\"cutover\"/>\n"
    "    </system>\n"
    "    <system id=\"2\" name=\"国保\" operation=\"national-health-insurance\" host=\"1\""
    " status=\"not-started\" tokutei=\"true\" tokutei-deadline=\"2030-03-31\""
    " tokutei-reason-kind=\"vendor-capacity\">\n"
    "      <tokutei-reason>事業者の人手不足</tokutei-reason>\n"
    "      <step from=\"1\" to=\"2\" cutover-date=\"2029-01-04\" standard-compliant=\"true\"/>\n"
    "    </system>\n"
    "    <system id=\"3\" name=\"介護\" operation=\"long-term-care\" host=\"1\""
    " status=\"not-started\"/>\n"
    "  </systems>\n"
    "</ikou-plan>\n";
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root, *standing, *o;
  JsonArray *findings, *array;
  guint notices = 0;

  g_assert_true (g_file_set_contents (path, plan_xml, -1, NULL));
  run_ikou (&run, "check", path, "--today", "2026-12-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 1); /* 介護 has no plan */
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (f, "rule"), "transitional.notice"))
        {
          notices++;
          g_assert_cmpstr (json_object_get_string_member (f, "system"), ==, "戸籍");
          g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "warning");
          g_assert_true (json_object_get_null_member (f, "date"));
          g_assert_cmpstr (json_object_get_string_member (f, "deadline"), ==, "2026-03-31");
        }
    }
  g_assert_cmpuint (notices, ==, 1);

  standing = json_object_get_object_member (root, "standing");
  g_assert_cmpint (json_object_get_int_member (standing, "standardized"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (standing, "migrated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (standing, "tokutei"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (standing, "missed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (standing, "planned"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (standing, "unplanned"), ==, 0);

  array = json_object_get_array_member (standing, "tokutei_systems");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "system"), ==, "国保");
  g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2030-03-31");
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "vendor-capacity");
  g_assert_cmpstr (json_object_get_string_member (o, "reason_detail"), ==, "事業者の人手不足");
  g_assert_cmpstr (json_object_get_string_member (o, "standing"), ==, "tokutei");

  array = json_object_get_array_member (standing, "transitional");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "functions"), ==, "証明書の一部");
  g_assert_cmpstr (json_object_get_string_member (o, "completion"), ==, "2027-03-31");
  g_assert_true (json_object_get_null_member (o, "notified"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_check_text_and_xml (void)
{
  g_autofree char *sample_xml = ikou_test_source_path ("data/samples/koriyama.xml", NULL);
  g_auto(Run) run = { 0 };

  /* The XML source of the sample checks the same, in text form. */
  run_ikou (&run, "check", sample_xml, "--today", "2021-03-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "deadline.no-plan"));
  g_assert_nonnull (strstr (run.out, "戸籍システム"));
}

static void
test_check_no_errors_exit_0 (void)
{
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.ikou", NULL);
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  ikou_plan_set_title (plan, "空の計画");
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);

  run_ikou (&run, "check", path, "--today", "2021-03-01", NULL);
  g_assert_cmpint (run.status, ==, 0);

  ikou_test_remove_tree (dir);
}

static void
test_check_bad_input (void)
{
  g_autofree char *sample = ikou_test_source_path ("data/samples/koriyama.ikou", NULL);
  g_autofree char *readme = ikou_test_source_path ("meson.build", NULL);

  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", "/nonexistent/plan.ikou", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "/nonexistent/plan.ikou"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", readme, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "meson.build"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", sample, "--today", "2025-02-30", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "2025-02-30"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", sample, "--scenario", "存在しない", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "存在しない"));
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpuint (count_lines (run.err), ==, 1);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "check", sample, "--bogus", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--bogus"));
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "frobnicate", "x", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
  }
}

static void
test_help (void)
{
  const char *verbs[] = { "check", "import", "export", "scenario", "diff", "catch-up", "budget" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };

      run_ikou (&run, verbs[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, verbs[i]));
      g_assert_nonnull (strstr (run.out, "--"));
      /* The commands that say more end their help with it. */
      if (g_str_equal (verbs[i], "check") || g_str_equal (verbs[i], "budget") ||
          g_str_equal (verbs[i], "scenario"))
        g_assert_nonnull (strstr (run.out, "Exit status: 0"));
    }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "ikou check"));
  }
}

static void
test_import_export_round_trip (void)
{
  g_autofree char *sample_xml = ikou_test_source_path ("data/samples/koriyama.xml", NULL);
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *ikou = g_build_filename (dir, "plan.ikou", NULL);
  g_autofree char *xml = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *ikou2 = g_build_filename (dir, "plan2.ikou", NULL);
  g_autoptr(IkouPlan) original = NULL;
  g_autoptr(IkouPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", sample_xml, "--output", ikou, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", ikou, "--output", xml, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", xml, "--output", ikou2, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  original = ikou_xml_read_file (sample_xml, &error);
  g_assert_no_error (error);
  back = ikou_store_load (ikou2, &error);
  g_assert_no_error (error);
  if (!ikou_plan_equal (original, back, &difference))
    g_error ("round trip changed the plan: %s", difference);

  /* Import refuses what is not Ikou XML and writes nothing. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *bad = g_build_filename (dir, "bad.xml", NULL);
    g_autofree char *out = g_build_filename (dir, "bad.ikou", NULL);

    g_assert_true (g_file_set_contents (bad, "<ikou-plan format=\"1\"><oops/></ikou-plan>", -1, NULL));
    run_ikou (&run, "import", bad, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "bad.xml"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_unlink (bad);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", sample_xml, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--output"));
  }

  ikou_test_remove_tree (dir);
}

/* The .ikou in data/samples is built from the XML: they must agree. */
static void
test_sample_ikou_matches_xml (void)
{
  g_autofree char *sample_xml = ikou_test_source_path ("data/samples/koriyama.xml", NULL);
  g_autofree char *sample_ikou = ikou_test_source_path ("data/samples/koriyama.ikou", NULL);
  g_autoptr(IkouPlan) from_xml = NULL;
  g_autoptr(IkouPlan) from_ikou = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  from_xml = ikou_xml_read_file (sample_xml, &error);
  g_assert_no_error (error);
  from_ikou = ikou_plan_file_load (sample_ikou, &error);
  g_assert_no_error (error);
  if (!ikou_plan_equal (from_xml, from_ikou, &difference))
    g_error ("data/samples/koriyama.ikou is out of date (%s): rebuild it with "
             "“ikou import data/samples/koriyama.xml --output data/samples/koriyama.ikou”",
             difference);
}

/* Scenarios on the command line ----------------------------------------- */

/* The six standardized systems of the sample without a standard-
 * compliant step. */
static const gint64 six_ids[] = { 2, 3, 7, 8, 11, 13 };

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* @object has exactly the members @expected (NULL-terminated). */
static void
assert_members (JsonObject         *object,
                const char * const *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    if (!json_object_has_member (object, expected[i]))
      g_error ("the JSON object has no member “%s”", expected[i]);
}

static void
assert_finding_shape (JsonObject *finding)
{
  const char * const keys[] = { "rule", "severity", "system_id", "system", "step", "date",
                                "deadline", "message", NULL };

  assert_members (finding, keys);
}

/* The number of findings of @rule_prefix for system @id (0: any) in
 * `ikou check` (as of 2021-03-01) of @scenario (NULL: the baseline). */
static guint
check_count (const char *plan,
             const char *scenario,
             const char *rule_prefix,
             gint64      id,
             guint      *n_all)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *findings;
  guint n = 0;

  if (scenario != NULL)
    run_ikou (&run, "check", plan, "--scenario", scenario, "--today", "2021-03-01", "--json", NULL);
  else
    run_ikou (&run, "check", plan, "--today", "2021-03-01", "--json", NULL);
  g_assert_cmpint (run.status, <=, 1);
  root = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "scenario"), ==, scenario);
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_str_has_prefix (json_object_get_string_member (f, "rule"), rule_prefix) &&
          (id == 0 || json_object_get_int_member (f, "system_id") == id))
        n++;
    }
  if (n_all != NULL)
    *n_all = json_array_get_length (findings);
  return n;
}

static JsonNode *
list_scenarios (const char *plan)
{
  g_auto(Run) run = { 0 };
  JsonNode *root;
  JsonArray *scenarios;
  const char * const keys[] = { "plan", "scenarios", NULL };
  const char * const scenario_keys[] = { "name", "description", "systems", "overrides",
                                         "added_steps", "orphaned", "removed_systems", NULL };

  run_ikou (&run, "scenario", plan, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  assert_members (json_node_get_object (root), keys);
  scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    assert_members (json_array_get_object_element (scenarios, i), scenario_keys);
  return root;
}

static JsonObject *
find_scenario (JsonNode   *list,
               const char *name)
{
  JsonArray *scenarios = json_object_get_array_member (json_node_get_object (list), "scenarios");

  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);

      if (g_strcmp0 (json_object_get_string_member (s, "name"), name) == 0)
        return s;
    }
  return NULL;
}

/* Runs `ikou ARGS…` expecting exit status @status. */
#define expect(expected_status, ...) \
  G_STMT_START { \
    g_auto(Run) expect_run = { 0 }; \
    run_ikou (&expect_run, __VA_ARGS__, NULL); \
    if (expect_run.status != (expected_status)) \
      g_error ("exit status %d (expected %d): %s%s", expect_run.status, (expected_status), \
               expect_run.out, expect_run.err); \
  } G_STMT_END

static void
test_scenario_actions (void)
{
  g_autofree char *plan = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  g_autoptr(JsonNode) list = NULL;
  JsonObject *s;

  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "scenario", plan, "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out), ==, 1);
    g_assert_cmpstr (run.err, ==, "");
  }
  list = list_scenarios (plan);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list),
                                                                         "scenarios")), ==, 0);
  g_clear_pointer (&list, json_node_unref);

  expect (0, "scenario", plan, "new", "ガバクラ直行", "--description", "六業務を標準準拠でガバクラへ");
  expect (0, "scenario", plan, "new", "写し", "--from", "ガバクラ直行");
  expect (0, "scenario", plan, "rename", "写し", "写し2");
  expect (0, "scenario", plan, "describe", "写し2", "消す予定");
  list = list_scenarios (plan);
  s = find_scenario (list, "写し2");
  g_assert_nonnull (s);
  g_assert_cmpstr (json_object_get_string_member (s, "description"), ==, "消す予定");
  g_assert_null (find_scenario (list, "写し"));
  g_clear_pointer (&list, json_node_unref);
  expect (0, "scenario", plan, "delete", "写し2");

  /* The six onto the Government Cloud, standard-compliant. */
  expect (0, "scenario", plan, "retarget", "ガバクラ直行", "--systems", "2,3,7,8,11,13",
          "--host", "4", "--standard-compliant", "yes");
  list = list_scenarios (plan);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list),
                                                                         "scenarios")), ==, 1);
  s = find_scenario (list, "ガバクラ直行");
  g_assert_cmpstr (json_object_get_string_member (s, "description"), ==, "六業務を標準準拠でガバクラへ");
  g_assert_cmpint (json_object_get_int_member (s, "systems"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (s, "overrides"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (s, "added_steps"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (s, "orphaned"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (s, "removed_systems"), ==, 0);
  g_clear_pointer (&list, json_node_unref);

  /* The scenario clears the six deadline errors; the baseline keeps them. */
  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    {
      g_assert_cmpuint (check_count (plan, NULL, "deadline.no-plan", six_ids[i], NULL), ==, 1);
      g_assert_cmpuint (check_count (plan, "ガバクラ直行", "deadline.", six_ids[i], NULL), ==, 0);
    }
  g_assert_cmpuint (check_count (plan, NULL, "deadline.", 0, NULL), ==, 6);
  g_assert_cmpuint (check_count (plan, "ガバクラ直行", "deadline.", 0, NULL), ==, 0);

  /* Shifts by filter and by ids. */
  expect (0, "scenario", plan, "shift", "ガバクラ直行", "--filter", "operation=戸籍",
          "--months", "12", "--milestones", "cutover");
  expect (0, "scenario", plan, "shift", "ガバクラ直行", "--filter", "department=介護保険課",
          "--filter", "host=1", "--months", "-3");
  expect (0, "scenario", plan, "shift", "ガバクラ直行", "--systems", "13", "--months", "6",
          "--milestones", "contract");

  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "diff", plan, "--scenario", "ガバクラ直行", "--today", "2021-03-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "戸籍システム"));
    g_assert_nonnull (strstr (run.out, "+12"));
    g_assert_nonnull (strstr (run.out, "-3"));
  }

  /* The old baseline is kept when the scenario is adopted. */
  expect (0, "scenario", plan, "adopt", "ガバクラ直行", "--keep-as", "元の計画");
  list = list_scenarios (plan);
  g_assert_null (find_scenario (list, "ガバクラ直行"));
  g_assert_nonnull (find_scenario (list, "元の計画"));
  g_clear_pointer (&list, json_node_unref);
  g_assert_cmpuint (check_count (plan, NULL, "deadline.", 0, NULL), ==, 0);
  g_assert_cmpuint (check_count (plan, "元の計画", "deadline.no-plan", 0, NULL), ==, 6);
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *changes;

    /* Every change of the kept scenario undoes one of the adopted one. */
    run_ikou (&run, "diff", plan, "--scenario", "元の計画", "--today", "2021-03-01", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
    changes = json_object_get_array_member (json_node_get_object (root), "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1 + 3 + 2);
  }

  /* Without --keep-as the old baseline is named after the day. */
  expect (0, "scenario", plan, "new", "もう一案");
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

    run_ikou (&run, "scenario", plan, "adopt", "もう一案", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, day));
    list = list_scenarios (plan);
    g_assert_nonnull (find_scenario (list, "元の計画"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list),
                                                                           "scenarios")), ==, 2);
    g_clear_pointer (&list, json_node_unref);
  }

  ikou_test_remove_temp_copy (plan);
}

/* `ikou diff --json` lists exactly the changed milestones and the
 * findings that go and come. */
static void
test_diff_json (void)
{
  g_autofree char *plan = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *findings, *change;
  JsonArray *changes, *resolved, *appeared;
  const char * const keys[] = { "plan", "a", "b", "changes", "findings", NULL };
  const char * const change_keys[] = { "system_id", "system", "step", "milestone", "a", "b",
                                       "months", NULL };
  const char * const findings_keys[] = { "resolved", "new", NULL };
  g_autoptr(GHashTable) no_plan = g_hash_table_new (NULL, NULL);
  guint n_base, n_scenario;

  expect (0, "scenario", plan, "new", "直行");
  expect (0, "scenario", plan, "new", "空の案");
  expect (0, "scenario", plan, "retarget", "直行", "--filter", "all=1", "--filter", "operation=戸籍",
          "--host", "4", "--standard-compliant", "yes");
  expect (0, "scenario", plan, "retarget", "直行", "--systems", "2,3,8,11,13",
          "--host", "4", "--standard-compliant", "yes");
  /* Cut-overs after the Government Cloud opens: 2022-01-01 → 2023-01-01
   * (2, 3), 2022-10-01 → 2023-10-01 (7, 11, 13), 2023-01-01 → 2024-01-01 (8). */
  expect (0, "scenario", plan, "shift", "直行", "--filter", "target=gov-cloud", "--months", "12",
          "--milestones", "cutover");

  run_ikou (&run, "diff", plan, "--scenario", "直行", "--today", "2021-03-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  object = json_node_get_object (root);
  assert_members (object, keys);
  g_assert_nonnull (json_object_get_string_member (object, "plan"));
  g_assert_true (json_object_get_null_member (object, "a"));
  g_assert_cmpstr (json_object_get_string_member (object, "b"), ==, "直行");

  changes = json_object_get_array_member (object, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 6);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      gint64 id;
      const char *a, *b;

      change = json_array_get_object_element (changes, i);
      assert_members (change, change_keys);
      id = json_object_get_int_member (change, "system_id");
      g_assert_cmpint (id, ==, six_ids[i]);
      g_assert_cmpint (json_object_get_int_member (change, "step"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (change, "milestone"), ==, "cutover");
      g_assert_cmpint (json_object_get_int_member (change, "months"), ==, 12);
      a = json_object_get_string_member (change, "a");
      b = json_object_get_string_member (change, "b");
      g_assert_cmpint (atoi (b), ==, atoi (a) + 1);
      g_assert_cmpstr (a + 4, ==, b + 4);
      g_assert_nonnull (json_object_get_string_member (change, "system"));
    }
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "system"), ==, "生活保護システム");
  g_assert_cmpstr (json_object_get_string_member (change, "a"), ==, "2022-01-01");
  g_assert_cmpstr (json_object_get_string_member (change, "b"), ==, "2023-01-01");

  findings = json_object_get_object_member (object, "findings");
  assert_members (findings, findings_keys);
  resolved = json_object_get_array_member (findings, "resolved");
  appeared = json_object_get_array_member (findings, "new");
  for (guint i = 0; i < json_array_get_length (resolved); i++)
    {
      JsonObject *f = json_array_get_object_element (resolved, i);

      assert_finding_shape (f);
      if (g_str_equal (json_object_get_string_member (f, "rule"), "deadline.no-plan"))
        g_hash_table_add (no_plan, GINT_TO_POINTER ((int) json_object_get_int_member (f, "system_id")));
    }
  for (guint i = 0; i < json_array_get_length (appeared); i++)
    {
      JsonObject *f = json_array_get_object_element (appeared, i);

      assert_finding_shape (f);
      g_assert_false (g_str_has_prefix (json_object_get_string_member (f, "rule"), "deadline."));
    }
  g_assert_cmpuint (g_hash_table_size (no_plan), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    g_assert_true (g_hash_table_contains (no_plan, GINT_TO_POINTER ((int) six_ids[i])));

  /* Exactly the difference of the two checks. */
  check_count (plan, NULL, "", 0, &n_base);
  check_count (plan, "直行", "", 0, &n_scenario);
  g_assert_cmpuint (n_base - json_array_get_length (resolved) + json_array_get_length (appeared),
                    ==, n_scenario);

  /* Against another scenario (empty: the same as the baseline). */
  {
    g_auto(Run) run2 = { 0 };
    g_autoptr(JsonNode) root2 = NULL;
    JsonObject *object2;

    run_ikou (&run2, "diff", plan, "--scenario", "空の案", "--against", "直行",
              "--today", "2021-03-01", "--json", NULL);
    g_assert_cmpint (run2.status, ==, 0);
    root2 = parse_json (run2.out);
    object2 = json_node_get_object (root2);
    g_assert_cmpstr (json_object_get_string_member (object2, "a"), ==, "直行");
    g_assert_cmpstr (json_object_get_string_member (object2, "b"), ==, "空の案");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object2, "changes")), ==, 6);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (object2, "changes"), 0),
                                                 "months"), ==, -12);
    findings = json_object_get_object_member (object2, "findings");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (findings, "new")),
                      ==, json_array_get_length (resolved));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (findings, "resolved")),
                      ==, json_array_get_length (appeared));
  }

  /* The same plan as Ikou XML: the same differences. */
  {
    g_autofree char *xml = g_strconcat (plan, ".xml", NULL);
    g_auto(Run) export_run = { 0 };
    g_auto(Run) run2 = { 0 };
    g_autoptr(JsonNode) root2 = NULL;
    JsonObject *object2;

    run_ikou (&export_run, "export", plan, "--output", xml, NULL);
    g_assert_cmpint (export_run.status, ==, 0);
    run_ikou (&run2, "diff", xml, "--scenario", "直行", "--today", "2021-03-01", "--json", NULL);
    g_assert_cmpint (run2.status, ==, 0);
    root2 = parse_json (run2.out);
    object2 = json_node_get_object (root2);
    g_assert_true (json_node_equal (json_object_get_member (object2, "changes"),
                                    json_object_get_member (object, "changes")));
    g_assert_true (json_node_equal (json_object_get_member (object2, "findings"),
                                    json_object_get_member (object, "findings")));
    g_assert_cmpint (g_unlink (xml), ==, 0);
  }

  ikou_test_remove_temp_copy (plan);
}

/* Bad input: exit 2, one sentence, the plan file unchanged to the byte. */
static void
test_scenario_refused (void)
{
  g_autofree char *plan = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  g_autofree char *before = NULL;
  const struct {
    const char *args[12];
    const char *in_message;
  } cases[] = {
    { { "scenario", NULL, "new", "案A" }, "案A" },
    { { "scenario", NULL, "new", "baseline" }, "baseline" },
    { { "scenario", NULL, "new", "" }, NULL },
    { { "scenario", NULL, "new", "新案", "--from", "無い案" }, "無い案" },
    { { "scenario", NULL, "rename", "無い案", "別名" }, "無い案" },
    { { "scenario", NULL, "rename", "案A", "案B" }, "案B" },
    { { "scenario", NULL, "describe", "無い案", "説明" }, "無い案" },
    { { "scenario", NULL, "delete", "無い案" }, "無い案" },
    { { "scenario", NULL, "adopt", "無い案" }, "無い案" },
    { { "scenario", NULL, "adopt", "案A", "--keep-as", "案B" }, "案B" },
    { { "scenario", NULL, "shift", "無い案", "--filter", "all=1", "--months", "1" }, "無い案" },
    { { "scenario", NULL, "shift", "案A", "--filter", "colour=red", "--months", "1" }, "colour" },
    { { "scenario", NULL, "shift", "案A", "--filter", "fy=2030", "--months", "1" }, "fy=2030" },
    { { "scenario", NULL, "shift", "案A", "--filter", "host=99", "--months", "1" }, "host=99" },
    { { "scenario", NULL, "shift", "案A", "--filter", "all=1", "--months", "3000" }, "3000" },
    { { "scenario", NULL, "shift", "案A", "--filter", "all=1", "--months", "x" }, "x" },
    { { "scenario", NULL, "shift", "案A", "--filter", "all=1" }, "--months" },
    { { "scenario", NULL, "shift", "案A", "--months", "1" }, "--systems" },
    { { "scenario", NULL, "shift", "案A", "--systems", "2", "--filter", "all=1", "--months", "1" }, "--filter" },
    { { "scenario", NULL, "shift", "案A", "--systems", "99", "--months", "1" }, "99" },
    { { "scenario", NULL, "shift", "案A", "--systems", "2,abc", "--months", "1" }, "abc" },
    { { "scenario", NULL, "shift", "案A", "--systems", "2", "--months", "1", "--milestones", "every" }, "every" },
    { { "scenario", NULL, "retarget", "案A", "--filter", "all=1", "--host", "99" }, "99" },
    { { "scenario", NULL, "retarget", "案A", "--filter", "all=1", "--host", "ガバメントクラウド" }, "ガバメントクラウド" },
    { { "scenario", NULL, "retarget", "案A", "--filter", "all=1" }, "--host" },
    { { "scenario", NULL, "retarget", "案A", "--filter", "all=1", "--host", "4", "--standard-compliant", "maybe" }, "maybe" },
    { { "scenario", NULL, "retarget", "無い案", "--filter", "all=1", "--host", "4" }, "無い案" },
    { { "scenario", NULL, "frobnicate" }, "frobnicate" },
    { { "scenario", NULL, "rename", "案A" }, "rename" },
    { { "scenario", NULL }, NULL },
    { { "diff", NULL, "--scenario", "無い案" }, "無い案" },
    { { "diff", NULL, "--scenario", "案A", "--against", "無い案" }, "無い案" },
    { { "diff", NULL }, "--scenario" },
    /* Refused before anything is drawn or written. */
    { { "export", NULL, "--output", "/nonexistent/roadmap.pdf", "--scenario", "無い案" },
      "The plan has no scenario named “無い案”." },
    { { "export", NULL, "--output", "/nonexistent/roadmap.pdf", "--compare", "無い案" },
      "The plan has no scenario named “無い案”." },
  };

  expect (0, "scenario", plan, "new", "案A");
  expect (0, "scenario", plan, "new", "案B");
  /* Far in the future, but a possible date. */
  expect (0, "scenario", plan, "shift", "案A", "--filter", "all=1", "--months", "1200");
  before = file_checksum (plan);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;
      const char *argv[13] = { NULL };

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args); j++)
        argv[j] = j == 1 ? plan : cases[i].args[j];
      run_ikou (&run, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], argv[7],
                argv[8], argv[9], argv[10], argv[11], NULL);
      if (run.status != 2)
        g_error ("case %u (%s %s): exit status %d, expected 2", i, cases[i].args[0],
                 cases[i].args[2], run.status);
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      if (cases[i].in_message != NULL && strstr (run.err, cases[i].in_message) == NULL)
        g_error ("case %u: the message “%s” does not name “%s”", i, run.err, cases[i].in_message);
      after = file_checksum (plan);
      if (!g_str_equal (before, after))
        g_error ("case %u (%s %s) changed the plan file", i, cases[i].args[0], cases[i].args[2]);
    }

  /* A shift past the year 2200 is refused as a whole. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *after = NULL;

    run_ikou (&run, "scenario", plan, "shift", "案A", "--filter", "all=1", "--months", "1200", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpuint (count_lines (run.err), ==, 1);
    g_assert_nonnull (strstr (run.err, "2200"));
    after = file_checksum (plan);
    g_assert_cmpstr (after, ==, before);
  }

  /* A plan that is not there, or not a plan. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *readme = ikou_test_source_path ("meson.build", NULL);
    g_autofree char *readme_before = file_checksum (readme);
    g_autofree char *readme_after = NULL;

    run_ikou (&run, "scenario", "/nonexistent/plan.ikou", "new", "案", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test ("/nonexistent/plan.ikou", G_FILE_TEST_EXISTS));
    g_clear_pointer (&run.out, g_free);
    g_clear_pointer (&run.err, g_free);
    run_ikou (&run, "scenario", readme, "new", "案", NULL);
    g_assert_cmpint (run.status, ==, 2);
    readme_after = file_checksum (readme);
    g_assert_cmpstr (readme_after, ==, readme_before);
  }

  ikou_test_remove_temp_copy (plan);
}

/* A plan made in 2021, opened in December 2026: catch-up lists the 46
 * passed milestones, then marks them done; what is left matters today. */
static void
test_catch_up (void)
{
  g_autofree char *plan = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  g_autofree char *before = file_checksum (plan);
  g_autofree char *after = NULL;

  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "catch-up", plan, "--today", "2026-12-02", "--list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (count_lines (run.out), ==, 46);
    after = file_checksum (plan);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "check", plan, "--today", "2026-12-02", "--json", NULL);
    g_assert_nonnull (strstr (run.out, "status.overdue"));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "catch-up", plan, "--today", "2026-12-02", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "46"));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "check", plan, "--today", "2026-12-02", "--json", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_null (strstr (run.out, "status.overdue"));
    g_assert_nonnull (strstr (run.out, "deadline.no-plan"));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "catch-up", plan, "--today", "2026-02-30", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  ikou_test_remove_temp_copy (plan);
}

/* The findings of `ikou check --json` without the plan's title (a
 * table does not hold it). */
static char *
check_json (const char *plan)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) title = g_regex_new ("\"plan\" : [^\n]*\n", 0, 0, NULL);

  run_ikou (&run, "check", plan, "--today", "2021-03-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  return g_regex_replace_literal (title, run.out, -1, 0, "", 0, NULL);
}

/* A CSV saved by Excel on Japanese Windows (CP932) with 和暦 dates imports
 * into a plan with the sample's findings; a CSV with three bad rows
 * reports all three and writes nothing; the sample goes out as CSV and
 * xlsx and comes back. */
static void
test_import_export_tables (void)
{
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *sample = ikou_test_source_path ("data/samples/koriyama.ikou", NULL);
  g_autofree char *csv = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *sjis = g_build_filename (dir, "sjis.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.ikou", NULL);
  g_autofree char *from_xlsx = g_build_filename (dir, "from-xlsx.ikou", NULL);
  g_autofree char *text = NULL;
  g_autofree char *wareki = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *expected = check_json (sample);
  g_autofree char *got = NULL;
  gsize length = 0;

  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", csv, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", xlsx, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }

  /* The dates as government spreadsheets write them, in CP932. */
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  {
    g_autoptr(GRegex) dates = g_regex_new ("20(\\d\\d)-0?(\\d+)-0?(\\d+)", 0, 0, NULL);

    wareki = g_regex_replace (dates, text + 3, -1, 0, "R\\1.\\2.\\3", 0, NULL);
  }
  /* R20xx → Reiwa years: 2020 is R2, so subtract 18 by rewriting the two digits. */
  for (int year = 19; year <= 40; year++)
    {
      g_autofree char *from = g_strdup_printf ("R%02d.", year);
      g_autofree char *to = g_strdup_printf ("R%d.", year - 18);
      g_auto(GStrv) parts = g_strsplit (wareki, from, -1);

      g_free (wareki);
      wareki = g_strjoinv (to, parts);
    }
  g_assert_nonnull (strstr (wareki, ",R2.10.1,"));
  cp932 = g_convert (wareki, -1, "CP932", "UTF-8", NULL, &length, NULL);
  g_assert_true (g_file_set_contents (sjis, cp932, (gssize) length, NULL));
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", sjis, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  got = check_json (out);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", xlsx, "--output", from_xlsx, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  got = check_json (from_xlsx);
  g_assert_cmpstr (got, ==, expected);

  /* Three bad rows, one unknown column: all reported, nothing written. */
  g_assert_true (g_file_set_contents (bad,
    "システム名,稼働日,予算額（千円）,色\r\n"
    "A,R7.4.1,100,赤\r\n"
    "B,R7.4.31,100,\r\n"
    "C,2025-04-01,たくさん,\r\n"
    "D,2025-04-01,100,\r\n"
    "E,2025-04-01,100,\r\n"
    "F,,-5,\r\n", -1, NULL));
  g_unlink (out);
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "import", bad, "--output", out, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "the column “色” is not known"));
    g_assert_nonnull (strstr (run.err, "3 problems"));
    g_assert_nonnull (strstr (run.err, "bad.csv:3:2: 稼働日: "));
    g_assert_nonnull (strstr (run.err, "bad.csv:4:3: 予算額（千円）: "));
    g_assert_nonnull (strstr (run.err, "bad.csv:7:3: 予算額（千円）: "));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* --format overrides the name; a table takes no roadmap options. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *odd = g_build_filename (dir, "plan.dat", NULL);

    run_ikou (&run, "export", sample, "--output", odd, "--format", "csv", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (ikou_plan_file_sniff (odd, NULL), ==, IKOU_PLAN_FILE_CSV);
    g_unlink (odd);
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", csv, "--paper", "a4", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  /* --compare too (it was let through to a table and ignored). */
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", csv, "--compare", "baseline", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--paper"));
  }
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", csv, "--format", "ods", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "ods"));
  }

  ikou_test_remove_tree (dir);
}

/* ikou budget: the sample's figures (worked out in test-budget.c), the
 * JSON shape, CSV, the range options and refusals that change nothing. */
static void
test_budget (void)
{
  g_autofree char *plan = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  g_autofree char *before = file_checksum (plan);
  g_autofree char *after = NULL;
  const char * const keys[] = { "plan", "scenario", "unit", "years", "reference", NULL };
  const char * const year_keys[] = { "fy", "one_time", "running", "total", NULL };
  const char * const reference_keys[] = { "fy", "running", "goal", NULL };
  const gint64 expected[][3] = {
    { 2020, 0, 22402 }, { 2021, 13000, 26652 }, { 2022, 12000, 37952 },
    { 2023, 3000, 30000 }, { 2024, 0, 24000 }, { 2025, 0, 24000 },
  };
  const char *refused[][6] = {
    { "budget", plan, "--scenario", "ない", NULL },
    { "budget", plan, "--from", "2025", "--to", "R5" },
    { "budget", plan, "--from", "来年", NULL },
    { "budget", plan, "--json", "--csv", NULL },
    { "budget", NULL },
  };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *reference;
  JsonArray *years;

  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "budget", plan, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_json (run.out);
  }
  object = json_node_get_object (root);
  assert_members (object, keys);
  g_assert_true (json_object_get_null_member (object, "scenario"));
  g_assert_cmpstr (json_object_get_string_member (object, "unit"), ==, "千円");
  years = json_object_get_array_member (object, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *year = json_array_get_object_element (years, i);

      assert_members (year, year_keys);
      g_assert_cmpint (json_object_get_int_member (year, "fy"), ==, expected[i][0]);
      g_assert_cmpint (json_object_get_int_member (year, "one_time"), ==, expected[i][1]);
      g_assert_cmpint (json_object_get_int_member (year, "running"), ==, expected[i][2]);
      g_assert_cmpint (json_object_get_int_member (year, "total"), ==,
                       expected[i][1] + expected[i][2]);
    }
  reference = json_object_get_object_member (object, "reference");
  assert_members (reference, reference_keys);
  g_assert_cmpint (json_object_get_int_member (reference, "fy"), ==, 2018);
  g_assert_cmpint (json_object_get_int_member (reference, "running"), ==, 22500);
  g_assert_cmpint (json_object_get_int_member (reference, "goal"), ==, 15750);

  {
    g_auto(Run) run = { 0 };

    /* Fiscal years as planners write them; CSV for spreadsheets. */
    run_ikou (&run, "budget", plan, "--from", "R3", "--to", "2022", "--csv", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==,
                     "fy,one_time,running,total\r\n"
                     "2021,13000,26652,39652\r\n"
                     "2022,12000,37952,49952\r\n");
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "budget", plan, "--to", "令和2年度", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "FY2020"));
    g_assert_null (strstr (run.out, "FY2021"));
    g_assert_nonnull (strstr (run.out, "22500"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };

      if (refused[i][1] == NULL)
        run_ikou (&run, refused[i][0], NULL);
      else if (refused[i][3] == NULL)
        run_ikou (&run, refused[i][0], refused[i][1], refused[i][2], NULL);
      else if (refused[i][4] == NULL)
        run_ikou (&run, refused[i][0], refused[i][1], refused[i][2], refused[i][3], NULL);
      else
        run_ikou (&run, refused[i][0], refused[i][1], refused[i][2], refused[i][3],
                  refused[i][4], refused[i][5], NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (count_lines (run.err), ==, 1);
    }

  after = file_checksum (plan);
  g_assert_cmpstr (after, ==, before);
  ikou_test_remove_temp_copy (plan);
}

/* The text of a PDF and its page count, by poppler's tools. */
static char *
pdf_text (const char *path,
          guint      *n_pages)
{
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;
  char *text = NULL;
  const char *pages;

  g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info, NULL, NULL, NULL));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  *n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + 6, " "), NULL, 10);
  g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, NULL));
  return text;
}

/* `ikou export --costs`: the chart under the roadmap on every page, or a
 * page of its own with the figures per fiscal year; bad values refused. */
static void
test_export_costs (void)
{
  g_autofree char *sample = ikou_test_source_path ("data/samples/koriyama.xml", NULL);
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *every = g_build_filename (dir, "every.pdf", NULL);
  g_autofree char *page = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  guint n_plain, n_every, n_page;

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "export", sample, "--output", plain, "--today", "2021-03-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_free (pdf_text (plain, &n_plain));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "export", sample, "--output", every, "--today", "2021-03-01",
              "--costs", "every-page", NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (every, &n_every);
    /* The same pages, the chart on the roadmap page: FY2022's total and
     * the goal (70 % of 22,500). */
    g_assert_cmpuint (n_every, ==, n_plain);
    g_assert_nonnull (strstr (text, "49,952"));
    g_assert_nonnull (strstr (text, "15,750"));
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "export", sample, "--output", page, "--today", "2021-03-01",
              "--costs", "page", "--scenario", "経費増案", NULL);
    /* No such scenario in the sample: refused, nothing written. */
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "export", sample, "--output", page, "--today", "2021-03-01",
              "--costs", "PAGE", NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (page, &n_page);
    /* One more page: the figures per fiscal year (FY2021: 13,000
     * one-time, 26,652 running, 39,652 in all). */
    g_assert_cmpuint (n_page, ==, n_plain + 1);
    g_assert_nonnull (strstr (text, "13,000"));
    g_assert_nonnull (strstr (text, "26,652"));
    g_assert_nonnull (strstr (text, "39,652"));
    g_assert_nonnull (strstr (text, "22,500"));
  }
  {
    g_auto(Run) run = { 0 };

    remove (page);
    run_ikou (&run, "export", sample, "--output", page, "--costs", "sideways", NULL);
    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "sideways"));
    g_assert_cmpuint (count_lines (run.err), ==, 1);
    g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_ikou (&run, "export", sample, "--output", csv, "--costs", "page", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  }

  ikou_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-sample-json", test_check_sample_json);
  g_test_add_func ("/cli/check-text-and-xml", test_check_text_and_xml);
  g_test_add_func ("/cli/check-standing-json", test_check_standing_json);
  g_test_add_func ("/cli/check-no-errors", test_check_no_errors_exit_0);
  g_test_add_func ("/cli/check-bad-input", test_check_bad_input);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-export-round-trip", test_import_export_round_trip);
  g_test_add_func ("/cli/sample-ikou-matches-xml", test_sample_ikou_matches_xml);
  g_test_add_func ("/cli/scenario-actions", test_scenario_actions);
  g_test_add_func ("/cli/diff-json", test_diff_json);
  g_test_add_func ("/cli/scenario-refused", test_scenario_refused);
  g_test_add_func ("/cli/catch-up", test_catch_up);
  g_test_add_func ("/cli/import-export-tables", test_import_export_tables);
  g_test_add_func ("/cli/budget", test_budget);
  g_test_add_func ("/cli/export-costs", test_export_costs);

  return g_test_run ();
}

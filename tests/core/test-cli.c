/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ikou-plan-file.h"
#include "ikou-store.h"
#include "ikou-xml.h"

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
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IKOU_BIN"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display: the command line must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                               NULL, NULL, &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  /* Whatever happens, no GLib warning or critical reaches the user. */
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), relative, NULL);
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
  g_autofree char *sample = source_path ("data/samples/koriyama.ikou");
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

static void
test_check_text_and_xml (void)
{
  g_autofree char *sample_xml = source_path ("data/samples/koriyama.xml");
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
  g_autofree char *dir = g_dir_make_tmp ("ikou-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.ikou", NULL);
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  ikou_plan_set_title (plan, "空の計画");
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);

  run_ikou (&run, "check", path, "--today", "2021-03-01", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_check_bad_input (void)
{
  g_autofree char *sample = source_path ("data/samples/koriyama.ikou");
  g_autofree char *readme = source_path ("meson.build");

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
  const char *verbs[] = { "check", "import", "export" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Run) run = { 0 };

      run_ikou (&run, verbs[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, verbs[i]));
      g_assert_nonnull (strstr (run.out, "--"));
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
  g_autofree char *sample_xml = source_path ("data/samples/koriyama.xml");
  g_autofree char *dir = g_dir_make_tmp ("ikou-cli-XXXXXX", NULL);
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

  g_unlink (ikou);
  g_unlink (xml);
  g_unlink (ikou2);
  g_rmdir (dir);
}

/* The .ikou in data/samples is built from the XML: they must agree. */
static void
test_sample_ikou_matches_xml (void)
{
  g_autofree char *sample_xml = source_path ("data/samples/koriyama.xml");
  g_autofree char *sample_ikou = source_path ("data/samples/koriyama.ikou");
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
  g_autofree char *dir = g_dir_make_tmp ("ikou-cli-XXXXXX", NULL);
  g_autofree char *sample = source_path ("data/samples/koriyama.ikou");
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
  {
    g_auto(Run) run = { 0 };
    run_ikou (&run, "export", sample, "--output", csv, "--format", "ods", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "ods"));
  }

  g_unlink (csv);
  g_unlink (xlsx);
  g_unlink (sjis);
  g_unlink (bad);
  g_unlink (out);
  g_unlink (from_xlsx);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-sample-json", test_check_sample_json);
  g_test_add_func ("/cli/check-text-and-xml", test_check_text_and_xml);
  g_test_add_func ("/cli/check-no-errors", test_check_no_errors_exit_0);
  g_test_add_func ("/cli/check-bad-input", test_check_bad_input);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import-export-round-trip", test_import_export_round_trip);
  g_test_add_func ("/cli/sample-ikou-matches-xml", test_sample_ikou_matches_xml);
  g_test_add_func ("/cli/import-export-tables", test_import_export_tables);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-csv.h"
#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-store.h"
#include "ikou-table.h"
#include "ikou-test-util.h"

static IkouSchedule *schedule;

static IkouPlan *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                            "koriyama.ikou", NULL);
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

static IkouPlan *
read_ok (const char *text,
         gssize      length,
         char     ***warnings)
{
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_csv_read_data (text, length < 0 ? strlen (text) : (gsize) length,
                                       "plan.csv", schedule, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Reads @text, which must fail with @code; returns the message. */
static char *
read_fails (const char    *text,
            gssize         length,
            IkouErrorCode  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_csv_read_data (text, length < 0 ? strlen (text) : (gsize) length,
                                                 "plan.csv", schedule, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, (int) code);
  return g_strdup (error->message);
}

/* The findings as comparable lines (rule, system, step, dates). */
static char *
findings_text (IkouPlan *plan,
               IkouDay   today)
{
  g_autoptr(GPtrArray) findings = ikou_check_plan (plan, NULL, schedule, today, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "%s %s %d %d %d\n", f->rule, f->system_name, f->step,
                              f->date, f->deadline);
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_findings (IkouPlan *a,
                      IkouPlan *b)
{
  const IkouDay days[] = { ikou_day_from_ymd (2021, 3, 1), ikou_day_from_ymd (2026, 12, 1) };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *fa = findings_text (a, days[i]);
      g_autofree char *fb = findings_text (b, days[i]);

      g_assert_cmpstr (fa, ==, fb);
      g_assert_cmpstr (fa, !=, "");
    }
}

static void
test_round_trip_sample (void)
{
  g_autoptr(IkouPlan) sample = load_sample ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(IkouPlan) plan1 = NULL;
  g_autoptr(IkouPlan) plan2 = NULL;
  g_auto(GStrv) warnings = NULL;
  gsize len1, len2;

  first = ikou_csv_write_data (sample, schedule, &len1);
  plan1 = read_ok (first, (gssize) len1, &warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan1), ==, ikou_plan_get_n_systems (sample));

  /* Import → export → import: the same plan, the same bytes. */
  second = ikou_csv_write_data (plan1, schedule, &len2);
  g_assert_cmpmem (first, len1, second, len2);
  plan2 = read_ok (second, (gssize) len2, NULL);
  ikou_test_assert_plans_equal (plan1, plan2);

  /* What the checker sees survives the table. */
  assert_same_findings (sample, plan1);
}

/* Rows of one system apart, hosts met in another order than the
 * export's: the plan still comes back the same (found by fuzz-csv). */
static void
test_round_trip_row_order (void)
{
  const char *text =
    "システム名,現行,移行元,移行先,稼働日\n"
    "A,,,X,2024-01-01\n"
    "B,Y,,,\n"
    "A,,W,Z,2025-01-01\n";
  g_autoptr(IkouPlan) plan = read_ok (text, -1, NULL);
  g_autofree char *csv = NULL;
  g_autoptr(IkouPlan) again = NULL;
  gsize length;

  csv = ikou_csv_write_data (plan, schedule, &length);
  again = read_ok (csv, (gssize) length, NULL);
  ikou_test_assert_plans_equal (plan, again);
  g_assert_cmpstr (ikou_host_get_name (ikou_plan_lookup_host (plan, 2)), ==, "W");
}

static void
test_export_form (void)
{
  g_autoptr(IkouPlan) sample = load_sample ();
  g_autofree char *csv = ikou_csv_write_data (sample, schedule, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "システム名,所管課,ベンダー,業務,現行,移行元,"
                                   "移行先,移行先の種別,予算要求日,予算額（千円）,補正予算,契約日,"
                                   "稼働日,標準準拠,契約形態,特定移行支援,特定移行支援の期限,状態,"
                                   "備考,"));
  for (const char *p = strchr (csv, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 17 + 1);
  g_assert_nonnull (strstr (lines[2], ",2020-10-01,"));
  g_assert_nonnull (strstr (lines[2], ",生活保護,"));
  g_assert_cmpstr (lines[18], ==, "");
}

/* The sample as Excel on Japanese Windows saves what planners type:
 * CP932, no byte order mark, 和暦 dates. */
static void
test_cp932_wareki (void)
{
  g_autoptr(IkouPlan) sample = load_sample ();
  g_autofree char *csv = ikou_csv_write_data (sample, schedule, NULL);
  g_autoptr(GRegex) iso = g_regex_new ("\\d{4}-\\d\\d-\\d\\d", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) wareki = g_string_new (NULL);
  g_autofree char *cp932 = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  const char *p = csv + 3;
  gsize length = 0;
  guint n = 0;

  g_regex_match (iso, p, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      IkouDay day;
      g_autofree char *text = g_match_info_fetch (match, 0);
      g_autofree char *era = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_assert_true (ikou_parse_iso_date (text, &day));
      /* Alternate the forms government spreadsheets use. */
      era = n % 3 == 0 ? ikou_day_format_era (day, IKOU_ERA_STYLE_SHORT)
          : n % 3 == 1 ? ikou_day_format_era (day, IKOU_ERA_STYLE_LONG)
                       : g_strdup_printf ("%d/%d/%d", ikou_day_get_year (day),
                                          ikou_day_get_month (day), ikou_day_get_mday (day));
      g_string_append_len (wareki, p, start - (p - (csv + 3)));
      g_string_append (wareki, era);
      p = csv + 3 + end;
      n++;
      g_match_info_next (match, NULL);
    }
  g_string_append (wareki, p);
  g_assert_cmpuint (n, >, 40);
  g_assert_nonnull (strstr (wareki->str, "R2.10.1"));

  cp932 = g_convert (wareki->str, -1, "CP932", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (cp932);
  g_assert_false (g_utf8_validate (cp932, (gssize) length, NULL));

  plan = read_ok (cp932, (gssize) length, NULL);
  assert_same_findings (sample, plan);
}

static void
test_values (void)
{
  const char *text =
    "Status,System,Department,Operation,Current host,To host,Budget request,"
    "Budget (thousand yen),Supplementary budget,Contract,Cut-over,Standard compliant,"
    "Arrangement,Tokutei,Tokutei deadline,Colour,Done\n"
    "作業中,住民記録システム,市民課,住民記録,電算室サーバ,ガバメントクラウド,R6.10.1,"
    "\"12,000\",○,R7年4月,R7.12.1,はい,債務負担行為,yes,R9.3.31,red,予算要求、契約・構築\n"
    "done,税システム,税務課,Individual inhabitant tax,電算室サーバ,ガバメントクラウド,"
    "H31.4.26,１２０００,1,R1.5.7,2020/4/1,YES,,0,,,\n"
    "not-in-scope,古いシステム,総務課,,昭和サーバ,,S64.1.6,,,,,,,,,,\n"
    "未着手,新しいシステム,,resident-register,,,,,,,,,,,,,\n";
  g_auto(GStrv) warnings = NULL;
  g_autoptr(IkouPlan) plan = read_ok (text, -1, &warnings);
  IkouSystem *s;
  const IkouStep *step;
  IkouHost *host;

  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_cmpstr (warnings[0], ==, "plan.csv:1:16: the column “Colour” is not known and was ignored.");

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 4);
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 3);

  s = ikou_plan_get_system (plan, 0);
  g_assert_cmpstr (ikou_system_get_name (s), ==, "住民記録システム");
  g_assert_cmpstr (ikou_system_get_operation (s), ==, "resident-register");
  g_assert_cmpint (ikou_system_get_status (s), ==, IKOU_STATUS_IN_PROGRESS);
  g_assert_true (ikou_system_get_tokutei (s));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s), ==, ikou_day_from_ymd (2027, 3, 31));
  step = ikou_system_get_step (s, 0);
  g_assert_cmpint (step->budget_date, ==, ikou_day_from_ymd (2024, 10, 1));
  g_assert_cmpint (step->budget_amount, ==, 12000);
  g_assert_true (step->supplementary);
  g_assert_cmpint (step->contract_date, ==, ikou_day_from_ymd (2025, 4, 1));
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2025, 12, 1));
  g_assert_true (step->standard_compliant);
  g_assert_cmpint (step->arrangement, ==, IKOU_ARRANGEMENT_DEBT_BURDEN);
  g_assert_cmpuint (step->done, ==, IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET) |
                                    IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT));
  g_assert_cmpuint (step->from_host, ==, 0);
  host = ikou_plan_lookup_host (plan, step->to_host);
  g_assert_cmpstr (ikou_host_get_name (host), ==, "ガバメントクラウド");
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_GOV_CLOUD);
  host = ikou_plan_lookup_host (plan, ikou_system_get_host (s));
  g_assert_cmpint (ikou_host_get_kind (host), ==, IKOU_HOST_OTHER);

  s = ikou_plan_get_system (plan, 1);
  g_assert_cmpstr (ikou_system_get_operation (s), ==, "individual-inhabitant-tax");
  g_assert_cmpint (ikou_system_get_status (s), ==, IKOU_STATUS_DONE);
  g_assert_false (ikou_system_get_tokutei (s));
  step = ikou_system_get_step (s, 0);
  g_assert_cmpint (step->budget_date, ==, ikou_day_from_ymd (2019, 4, 26));
  g_assert_cmpint (step->budget_amount, ==, 12000);
  g_assert_cmpint (step->contract_date, ==, ikou_day_from_ymd (2019, 5, 7));
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2020, 4, 1));
  g_assert_cmpint (step->arrangement, ==, IKOU_ARRANGEMENT_NORMAL);

  s = ikou_plan_get_system (plan, 2);
  g_assert_cmpint (ikou_system_get_status (s), ==, IKOU_STATUS_NOT_IN_SCOPE);
  g_assert_cmpuint (ikou_system_get_n_steps (s), ==, 1);
  g_assert_cmpint (ikou_system_get_step (s, 0)->budget_date, ==, ikou_day_from_ymd (1989, 1, 6));
  g_assert_cmpint (ikou_system_get_step (s, 0)->budget_amount, ==, -1);

  /* A system with no step: its step columns are empty. */
  s = ikou_plan_get_system (plan, 3);
  g_assert_cmpuint (ikou_system_get_n_steps (s), ==, 0);
  g_assert_cmpuint (ikou_system_get_host (s), ==, 0);
  g_assert_null (ikou_system_get_department (s));
}

/* The forms of one operation's name in the schedule, its id and its
 * English name all find it. */
static void
test_operation_forms (void)
{
  const char *forms[] = { "住民基本台帳（住民記録）", "住民基本台帳(住民記録)", "住民基本台帳",
                          "住民記録", "resident-register", "Basic resident register",
                          " 住民記録 " };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *text = g_strdup_printf ("システム名,業務\r\nA,%s\r\n", forms[i]);
      g_autoptr(IkouPlan) plan = read_ok (text, -1, NULL);

      g_assert_cmpstr (ikou_system_get_operation (ikou_plan_get_system (plan, 0)), ==,
                       "resident-register");
    }
}

static void
test_steps_and_hosts (void)
{
  /* Two steps of one system in rows that are not next to each other;
   * the system columns need not be repeated; host kinds by column. */
  const char *text =
    "システム名,移行元,移行先,移行先の種別,稼働日,現行,現行の種別,所管課\n"
    "A,統合SV,クラウド基盤,shared-cloud,2022-10-01,統合SV,電算室内統合SV,市民課\n"
    "B,,,,,統合SV,,\n"
    "A,クラウド基盤,ガバクラ,,2025-10-01,,,\n";
  g_autoptr(IkouPlan) plan = read_ok (text, -1, NULL);
  IkouSystem *a = ikou_plan_get_system (plan, 0);
  IkouSystem *b = ikou_plan_get_system (plan, 1);

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_cmpuint (ikou_system_get_n_steps (a), ==, 2);
  g_assert_cmpuint (ikou_system_get_n_steps (b), ==, 0);
  g_assert_cmpuint (ikou_system_get_host (a), ==, ikou_system_get_host (b));
  g_assert_cmpstr (ikou_system_get_department (a), ==, "市民課");
  g_assert_cmpint (ikou_host_get_kind (ikou_plan_lookup_host (plan, ikou_system_get_host (a))), ==,
                   IKOU_HOST_ONPREM_SHARED);
  g_assert_cmpint (ikou_host_get_kind (ikou_plan_lookup_host (plan, ikou_system_get_step (a, 0)->to_host)),
                   ==, IKOU_HOST_SHARED_CLOUD);
  g_assert_cmpint (ikou_host_get_kind (ikou_plan_lookup_host (plan, ikou_system_get_step (a, 1)->to_host)),
                   ==, IKOU_HOST_GOV_CLOUD);
}

/* Systems keep the numbers the table gives them (rows of one number are
 * one system, whatever the name says); those without take the next
 * numbers after the highest given, in the order of the table. */
static void
test_system_ids (void)
{
  const char *text =
    "ID,システム名,稼働日\n"
    ",A,2026-01-04\n"
    "5,B,2026-02-01\n"
    ",C,\n"
    "5,B,2026-08-03\n"
    "2,D,\n";
  g_autoptr(IkouPlan) plan = read_ok (text, -1, NULL);
  const guint ids[] = { 6, 5, 7, 2 };
  const char *names[] = { "A", "B", "C", "D" };

  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      g_assert_cmpuint (ikou_system_get_id (system), ==, ids[i]);
      g_assert_cmpstr (ikou_system_get_name (system), ==, names[i]);
    }
  g_assert_cmpuint (ikou_system_get_n_steps (ikou_plan_lookup_system (plan, 5)), ==, 2);
  g_assert_cmpuint (ikou_plan_next_system_id (plan), ==, 8);
}

/* Running costs: of the system today, after a step, of hosts (given
 * once, repeated the same, or refused when they differ); bad amounts and
 * a cost after a cut-over that is not there are refused with their cells. */
static void
test_costs (void)
{
  const char *text =
    "システム名,現行,運用経費（千円／年）,現行の年間経費（千円）,移行先,移行先の年間経費（千円）,"
    "稼働日,移行後の運用経費（千円／年）\n"
    "A,統合SV,\"1,200\",５００,ガバクラ,300,2025-10-01,900\n"
    "B,統合SV,,500,,,,\n";
  g_autoptr(IkouPlan) plan = read_ok (text, -1, NULL);
  IkouSystem *a = ikou_plan_get_system (plan, 0);
  IkouSystem *b = ikou_plan_get_system (plan, 1);
  g_autofree char *negative = NULL;
  g_autofree char *no_cutover = NULL;
  g_autofree char *two_costs = NULL;

  g_assert_cmpint (ikou_system_get_annual_cost (a), ==, 1200);
  g_assert_cmpint (ikou_system_get_annual_cost (b), ==, -1);
  g_assert_cmpint (ikou_system_get_step (a, 0)->annual_cost, ==, 900);
  g_assert_cmpint (ikou_host_get_annual_cost (ikou_plan_lookup_host (plan, ikou_system_get_host (a))),
                   ==, 500);
  g_assert_cmpint (ikou_host_get_annual_cost (ikou_plan_lookup_host (plan, ikou_system_get_step (a, 0)->to_host)),
                   ==, 300);

  negative = read_fails ("システム名,運用経費\nA,-5\n", -1, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (negative, "plan.csv:2:2:"));
  no_cutover = read_fails ("システム名,移行先,移行後の運用経費\nA,ガバクラ,100\n", -1,
                           IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (no_cutover, "plan.csv:2:3:"));
  g_assert_nonnull (strstr (no_cutover, "稼働日"));
  two_costs = read_fails ("システム名,現行,現行の年間経費\nA,統合SV,100\nB,統合SV,200\n", -1,
                          IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (two_costs, "plan.csv:3:3:"));
}

static void
test_quoting (void)
{
  /* Commas, doubled quotes and line breaks inside quotes, CRLF and LF
   * mixed, a blank row; the row numbers are those a spreadsheet shows. */
  const char *text =
    "システム名,備考,稼働日\r\n"
    "\"A, B\",\"say \"\"hi\"\"\",2025-01-01\r\n"
    "C,\"two\r\nlines\nthree\",\n"
    ",,\n"
    "D,,R7.2.30\n";
  g_autofree char *message = read_fails (text, -1, IKOU_ERROR_INVALID_INPUT);
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *fixed = NULL;

  g_assert_nonnull (strstr (message, "plan.csv:5:3: 稼働日: “R7.2.30”: that month has only 28 days"));

  fixed = g_strndup (text, strlen (text) - strlen ("R7.2.30\n"));
  plan = read_ok (fixed, -1, NULL);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 3);
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 0)), ==, "A, B");
  g_assert_cmpstr (ikou_system_get_notes (ikou_plan_get_system (plan, 0)), ==, "say \"hi\"");
  g_assert_cmpstr (ikou_system_get_notes (ikou_plan_get_system (plan, 1)), ==, "two\r\nlines\nthree");
}

static void
test_encodings (void)
{
  const char *utf8 = "システム名,所管課\n住民記録,市民課\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *tabs = g_strdup ("\xEF\xBB\xBFシステム名\t所管課\r\n住民記録\t市民課\r\n");
  g_autofree char *utf16 = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *with_mark = NULL;
  gsize len16 = 0, len932 = 0;
  const char *inputs[4];
  gsize lengths[4];

  utf16 = g_convert ("\xEF\xBB\xBFシステム名\t所管課\r\n住民記録\t市民課\r\n", -1, "UTF-16LE", "UTF-8",
                     NULL, &len16, NULL);
  cp932 = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &len932, NULL);
  inputs[0] = bom, lengths[0] = strlen (bom);
  inputs[1] = tabs, lengths[1] = strlen (tabs);
  inputs[2] = utf16, lengths[2] = len16;
  inputs[3] = cp932, lengths[3] = len932;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(IkouPlan) plan = read_ok (inputs[i], (gssize) lengths[i], NULL);

      g_assert_cmpstr (ikou_system_get_department (ikou_plan_get_system (plan, 0)), ==, "市民課");
    }

  /* Neither UTF-8 nor CP932. */
  g_free (read_fails ("システム名\n\x81\x20\xFF\n", -1, IKOU_ERROR_INVALID_INPUT));
  /* Says UTF-8, is not. */
  with_mark = read_fails ("\xEF\xBB\xBFシステム名\nA\n\x93\xfa\x96\x7b\n", -1,
                          IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (with_mark, "plan.csv:3: "));
}

static void
test_bad_inputs (void)
{
  /* Each: the input (its length, or -1 up to the NUL), the error and
   * what its message says. */
  static const struct
  {
    const char    *text;
    gssize         length;
    IkouErrorCode  code;
    const char    *says;
  } cases[] = {
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, IKOU_ERROR_NOT_A_PLAN, "binary" },
    { "システム名,備考\nA,\"not closed\nB,x\n", -1, IKOU_ERROR_INVALID_INPUT,
      "plan.csv:2:2: a quoted cell is not closed" },
    { "", 0, IKOU_ERROR_NOT_A_PLAN, "plan.csv is empty" },
    { "name_of_thing,phone\nx,y\n", -1, IKOU_ERROR_INVALID_INPUT, "システム名" },
    { "システム名,所管課,Department\nA,x,y\n", -1, IKOU_ERROR_INVALID_INPUT,
      "plan.csv:1:3: the column “Department” is there twice (also column 2)" },
    { "システム名,所管課\r\n", -1, IKOU_ERROR_INVALID_INPUT, "no system" },
    { "システム名,所管課,稼働日\nA,市民課,2025-01-01\nA,税務課,2026-01-01\n", -1,
      IKOU_ERROR_INVALID_INPUT, "plan.csv:3:2: 所管課: the same system says “市民課” in row 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = read_fails (cases[i].text, cases[i].length, cases[i].code);

      g_test_message ("case %u: %s", i, message);
      g_assert_nonnull (strstr (message, cases[i].says));
    }
}

/* The classified 特定移行支援 reason and 経過措置 through the table: by
 * their Japanese labels, their English names or ids; bad values named. */
static void
test_transitional (void)
{
  static const char csv[] =
    "システム名,特定移行支援,特定移行支援の理由区分,経過措置,経過措置の機能,経過措置の完了予定,届出日\n"
    "A,○,事業者のリソース逼迫,○,帳票の一部,R9.3.31,2025/11/28\n"
    "B,○,Mainframe,,,,\n"
    "C,,custom-built,,,,\n";
  g_autoptr(IkouPlan) plan = read_ok (csv, -1, NULL);
  g_autoptr(IkouPlan) back = NULL;
  g_autofree char *written = NULL;
  g_autofree char *bad_kind = NULL;
  g_autofree char *bad_day = NULL;
  IkouSystem *a = ikou_plan_get_system (plan, 0);
  gsize length;

  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (a), ==, IKOU_TOKUTEI_REASON_VENDOR_CAPACITY);
  g_assert_true (ikou_system_get_transitional (a));
  g_assert_cmpstr (ikou_system_get_transitional_functions (a), ==, "帳票の一部");
  g_assert_cmpint (ikou_system_get_transitional_completion (a), ==, ikou_day_from_ymd (2027, 3, 31));
  g_assert_cmpint (ikou_system_get_transitional_notified (a), ==, ikou_day_from_ymd (2025, 11, 28));
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (ikou_plan_get_system (plan, 1)), ==,
                   IKOU_TOKUTEI_REASON_MAINFRAME);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (ikou_plan_get_system (plan, 2)), ==,
                   IKOU_TOKUTEI_REASON_CUSTOM_BUILT);
  g_assert_false (ikou_system_get_transitional (ikou_plan_get_system (plan, 1)));

  written = ikou_csv_write_data (plan, schedule, &length);
  g_assert_nonnull (strstr (written, "メインフレーム"));
  back = read_ok (written, (gssize) length, NULL);
  ikou_test_assert_plans_equal (plan, back);

  bad_kind = read_fails ("システム名,特定移行支援の理由区分\nA,人手不足\n", -1, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (bad_kind, "plan.csv:2:2: "));
  g_assert_nonnull (strstr (bad_kind, "メインフレーム"));
  bad_day = read_fails ("システム名,経過措置の届出日\nA,2025-11-31\n", -1, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (bad_day, "plan.csv:2:2: "));
}

/* All bad rows in one message, each with its row and column; nothing
 * returned. */
static void
test_three_bad_rows (void)
{
  const char *text =
    "システム名,契約日,予算額（千円）,標準準拠,業務,状態\n"
    "A,2025-04-01,100,○,戸籍,未着手\n"
    "B,R7.13.1,100,○,戸籍,未着手\n"
    "C,2025-04-01,百円,○,戸籍,未着手\n"
    "D,2025-04-01,100,○,戸籍,未着手\n"
    "E,2025-04-01,100,たぶん,謎の業務,進行中\n";
  g_autofree char *message = read_fails (text, -1, IKOU_ERROR_INVALID_INPUT);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5);
  g_assert_true (g_str_has_prefix (lines[0], "5 problems"));
  g_assert_true (g_str_has_prefix (lines[1], "plan.csv:3:2: 契約日: “R7.13.1”"));
  g_assert_true (g_str_has_prefix (lines[2], "plan.csv:4:3: 予算額（千円）: “百円”"));
  g_assert_true (g_str_has_prefix (lines[3], "plan.csv:6:4: 標準準拠: “たぶん”"));
  g_assert_true (g_str_has_prefix (lines[4], "plan.csv:6:5: 業務: “謎の業務”"));
  g_assert_true (g_str_has_prefix (lines[5], "plan.csv:6:6: 状態: “進行中” is not one of 未着手, 作業中, 完了済み, 対象外"));
}

static void
test_many_bad_rows (void)
{
  g_autoptr(GString) text = g_string_new ("システム名,稼働日\n");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "S%u,not a date\n", i);
  message = read_fails (text->str, -1, IKOU_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (message, "500 problems"));
  g_assert_nonnull (strstr (message, "and 400 more problems."));
}

static void
test_oversized (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

  /* A sparse file: nothing is read before the size is refused. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) IKOU_CSV_MAX_SIZE + 1), ==, 0);
  close (fd);
  plan = ikou_csv_read_file (path, schedule, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sniff_and_files (IkouTestDir   *f,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "plan.txt", NULL);
  g_autofree char *named = g_build_filename (f->dir, "other.csv", NULL);
  g_autofree char *contacts = g_build_filename (f->dir, "contacts.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) sample = load_sample ();
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;

  g_assert_true (g_file_set_contents (csv, "\xEF\xBB\xBF\"システム名\",\"所管課\"\r\nA,B\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (named, "hello\n", -1, NULL));
  g_assert_true (g_file_set_contents (contacts, "name,phone\nA,1\n", -1, NULL));

  /* The content decides, the name only for a text file nothing else claims. */
  g_assert_cmpint (ikou_plan_file_sniff (csv, NULL), ==, IKOU_PLAN_FILE_CSV);
  g_assert_cmpint (ikou_plan_file_sniff (named, NULL), ==, IKOU_PLAN_FILE_CSV);
  g_assert_cmpint (ikou_plan_file_sniff (contacts, &error), ==, IKOU_PLAN_FILE_UNKNOWN);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN);
  g_clear_error (&error);

  plan = ikou_plan_file_load (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_system_get_department (ikou_plan_get_system (plan, 0)), ==, "B");

  g_assert_cmpint (ikou_plan_file_kind_for_name ("a/B.CSV"), ==, IKOU_PLAN_FILE_CSV);
  g_assert_cmpint (ikou_plan_file_kind_for_name ("b.xlsx"), ==, IKOU_PLAN_FILE_XLSX);
  g_assert_cmpint (ikou_plan_file_kind_for_name ("b.pdf"), ==, IKOU_PLAN_FILE_UNKNOWN);
  g_assert_true (ikou_plan_file_save (sample, out, &error));
  g_assert_no_error (error);
  again = ikou_plan_file_load (out, &error);
  g_assert_no_error (error);
  assert_same_findings (sample, again);
}

static void
test_headers (void)
{
  for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      g_autofree char *wide = g_strdup_printf ("　%s ", ikou_table_column_header (c));

      g_assert_cmpint (ikou_table_column_lookup (ikou_table_column_header (c)), ==, c);
      g_assert_cmpint (ikou_table_column_lookup (ikou_table_column_header_en (c)), ==, c);
      g_assert_cmpint (ikou_table_column_lookup (wide), ==, c);
    }
  g_assert_cmpint (ikou_table_column_lookup ("予算額(千円)"), ==, IKOU_TABLE_BUDGET_AMOUNT);
  g_assert_cmpint (ikou_table_column_lookup ("CUT-OVER"), ==, IKOU_TABLE_CUTOVER_DATE);
  g_assert_cmpint (ikou_table_column_lookup ("色"), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  schedule = ikou_test_load_schedule ();

  g_test_add_func ("/csv/headers", test_headers);
  g_test_add_func ("/csv/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/csv/round-trip-row-order", test_round_trip_row_order);
  g_test_add_func ("/csv/export-form", test_export_form);
  g_test_add_func ("/csv/cp932-wareki", test_cp932_wareki);
  g_test_add_func ("/csv/values", test_values);
  g_test_add_func ("/csv/operation-forms", test_operation_forms);
  g_test_add_func ("/csv/steps-and-hosts", test_steps_and_hosts);
  g_test_add_func ("/csv/system-ids", test_system_ids);
  g_test_add_func ("/csv/costs", test_costs);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/bad-inputs", test_bad_inputs);
  g_test_add_func ("/csv/transitional", test_transitional);
  g_test_add_func ("/csv/three-bad-rows", test_three_bad_rows);
  g_test_add_func ("/csv/many-bad-rows", test_many_bad_rows);
  g_test_add_func ("/csv/oversized", test_oversized);
  /* In a private folder, removed after the test. */
  g_test_add ("/csv/sniff-and-files", IkouTestDir, NULL, ikou_test_dir_set_up,
              test_sniff_and_files, ikou_test_dir_tear_down);

  {
    int status = g_test_run ();

    g_clear_object (&schedule);
    return status;
  }
}

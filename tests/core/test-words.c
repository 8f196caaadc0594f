/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-i18n.h"
#include "ikou-plan-file.h"
#include "ikou-export.h"
#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"

/* Words, not ids: every checker rule has a title in Japanese and English,
 * dates and fiscal years are written in the user's language (FY2025 in
 * English, no Japanese outside the plan's data), and the PDF shows titles,
 * wraps long findings and fills its page.  The exports run the real
 * binary as a planner does (LANG=ja_JP.UTF-8 / LANG=C.UTF-8). */

/* Switches the interface language of this process (LANGUAGE comes first
 * for gettext and ikou_locale_is_japanese()); setlocale() makes gettext
 * drop what it cached for the previous language. */
static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* Has the machine a Japanese locale?  Without one, LANG=ja_JP.UTF-8 runs
 * in English (tools/install-deps generates it). */
static gboolean
have_japanese_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean ok = setlocale (LC_ALL, "ja_JP.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  return ok;
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_skip ("poppler-utils is not installed");
  return path != NULL;
}

static gboolean
has_non_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

/* The ids in ikou-finding.h, read from the source: a rule added there
 * without a title fails here. */
static GPtrArray *
header_rule_ids (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "app", "core", "rules",
                                            "ikou-finding.h", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  regex = g_regex_new ("^#define\\s+IKOU_RULE_\\w+\\s+\"([^\"]+)\"", G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (ids, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return ids;
}

static void
check_titles (gboolean japanese)
{
  const char * const *ids = ikou_rule_get_ids ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *title = ikou_rule_get_title (ids[i]);

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, ids[i]);
      g_assert_cmpuint (strlen (title), >, 0);
      /* Short enough for a column; one title per rule. */
      g_assert_cmpint (g_utf8_strlen (title, -1), <=, 40);
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, (gpointer) title);
      if (japanese != has_non_ascii (title))
        g_error ("the title of %s is not in %s: %s", ids[i],
                 japanese ? "Japanese" : "English", title);
    }
}

static void
test_rule_titles (void)
{
  g_autoptr(GPtrArray) from_header = header_rule_ids ();
  const char * const *ids = ikou_rule_get_ids ();

  /* The table and the header agree, both ways. */
  g_assert_cmpuint (from_header->len, >=, 13);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, from_header->len);
  for (guint i = 0; i < from_header->len; i++)
    g_assert_true (g_strv_contains (ids, g_ptr_array_index (from_header, i)));

  use_language ("en");
  check_titles (FALSE);
  g_assert_cmpstr (ikou_rule_get_title (IKOU_RULE_DEADLINE_MISSED), ==, "Deadline missed");
  g_assert_cmpstr (ikou_rule_get_title (IKOU_RULE_STATUS_OVERDUE), ==, "Passed, not marked done");

  use_language ("ja");
  check_titles (TRUE);
  g_assert_cmpstr (ikou_rule_get_title (IKOU_RULE_DEADLINE_MISSED), ==, "期限超過");
  g_assert_cmpstr (ikou_rule_get_title (IKOU_RULE_STATUS_OVERDUE), ==, "期日経過・未完了");

  /* An id this build does not know is shown as it is. */
  g_assert_cmpstr (ikou_rule_get_title ("future.rule"), ==, "future.rule");
  use_language (NULL);
}

static void
test_fiscal_year_labels (void)
{
  struct
  {
    IkouLabels  labels;
    const char *fy2020, *fy2019, *end2025, *day, *month_short, *month_long;
  } cases[] = {
    { IKOU_LABELS_ENGLISH, "FY2020", "FY2019", "end of FY2025", "2026-04-01", "Apr 2020", "April 2020" },
    { IKOU_LABELS_WESTERN, "2020年度", "2019年度", "2025年度末", "2026-04-01", "2020年4月", "2020年4月" },
    { IKOU_LABELS_ERA, "R2年度", "R元年度", "R7年度末", "R8.4.1", "R2年4月", "令和2年4月" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fy2020 = ikou_fiscal_year_label (2020, cases[i].labels);
      g_autofree char *fy2019 = ikou_fiscal_year_label (2019, cases[i].labels);
      g_autofree char *end = ikou_deadline_label (ikou_test_ymd (2026, 3, 31), cases[i].labels);
      g_autofree char *day = ikou_deadline_label (ikou_test_ymd (2026, 4, 1), cases[i].labels);
      g_autofree char *month_short = ikou_month_label (ikou_test_ymd (2020, 4, 15), cases[i].labels,
                                                       IKOU_ERA_STYLE_SHORT);
      g_autofree char *month_long = ikou_month_label (ikou_test_ymd (2020, 4, 15), cases[i].labels,
                                                      IKOU_ERA_STYLE_LONG);

      g_assert_cmpstr (fy2020, ==, cases[i].fy2020);
      g_assert_cmpstr (fy2019, ==, cases[i].fy2019);
      g_assert_cmpstr (end, ==, cases[i].end2025);
      g_assert_cmpstr (day, ==, cases[i].day);
      g_assert_cmpstr (month_short, ==, cases[i].month_short);
      g_assert_cmpstr (month_long, ==, cases[i].month_long);
    }

  /* The interface language decides; the era setting only in Japanese. */
  g_assert_cmpint (ikou_labels_choose (FALSE, TRUE), ==, IKOU_LABELS_ENGLISH);
  g_assert_cmpint (ikou_labels_choose (TRUE, TRUE), ==, IKOU_LABELS_ERA);
  g_assert_cmpint (ikou_labels_choose (TRUE, FALSE), ==, IKOU_LABELS_WESTERN);
  use_language ("en");
  g_assert_cmpint (ikou_labels_for_locale (TRUE), ==, IKOU_LABELS_ENGLISH);
  use_language ("ja");
  g_assert_cmpint (ikou_labels_for_locale (TRUE), ==, IKOU_LABELS_ERA);
  use_language (NULL);

  /* English labels hold no Japanese, whatever the year or month. */
  for (int fy = 1900; fy <= 2100; fy++)
    {
      g_autofree char *label = ikou_fiscal_year_label (fy, IKOU_LABELS_ENGLISH);
      g_autofree char *end = ikou_fiscal_year_end_label (fy, IKOU_LABELS_ENGLISH);
      g_autofree char *month = ikou_month_label (ikou_fiscal_year_start (fy) + 200,
                                                 IKOU_LABELS_ENGLISH, IKOU_ERA_STYLE_LONG);

      g_assert_false (has_non_ascii (label));
      g_assert_false (has_non_ascii (end));
      g_assert_false (has_non_ascii (month));
    }

  /* The export's period: whole fiscal years, or just months. */
  {
    g_autofree char *whole = ikou_month_range_label (ikou_test_ymd (2020, 4, 1), ikou_test_ymd (2027, 3, 31),
                                                     IKOU_LABELS_ENGLISH);
    g_autofree char *part = ikou_month_range_label (ikou_test_ymd (2020, 5, 1), ikou_test_ymd (2027, 3, 31),
                                                    IKOU_LABELS_ENGLISH);
    g_autofree char *one = ikou_month_range_label (ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2026, 3, 31),
                                                   IKOU_LABELS_ENGLISH);
    g_autofree char *era = ikou_month_range_label (ikou_test_ymd (2020, 4, 1), ikou_test_ymd (2027, 3, 31),
                                                   IKOU_LABELS_ERA);
    g_autofree char *western = ikou_month_range_label (ikou_test_ymd (2020, 5, 1), ikou_test_ymd (2027, 3, 31),
                                                       IKOU_LABELS_WESTERN);

    g_assert_cmpstr (whole, ==, "FY2020 to FY2026 (April 2020 to March 2027)");
    g_assert_cmpstr (part, ==, "May 2020 to March 2027");
    g_assert_cmpstr (one, ==, "FY2025 (April 2025 to March 2026)");
    g_assert_cmpstr (era, ==, "令和2年度～令和8年度（令和2年4月～令和9年3月）");
    g_assert_cmpstr (western, ==, "2020年5月～2027年3月");
  }
}

/* A finding's sentence: one word for a step (工程 / Step), its dates in
 * the labels asked for. */
static void
test_finding_messages (void)
{
  IkouFinding finding = { 0 };
  g_autofree char *era = NULL;
  g_autofree char *western = NULL;
  g_autofree char *english = NULL;
  g_autoptr(IkouFinding) copy = NULL;

  finding.rule = IKOU_RULE_DEADLINE_MISSED;
  finding.severity = IKOU_SEVERITY_ERROR;
  finding.system_id = 1;
  finding.step = 0;
  finding.milestone = -1;
  finding.date = ikou_test_ymd (2026, 4, 1);
  finding.deadline = ikou_test_ymd (2026, 3, 31);
  finding.system_name = (char *) "戸籍システム";

  use_language ("ja");
  era = ikou_finding_format_message (&finding, IKOU_LABELS_ERA);
  western = ikou_finding_format_message (&finding, IKOU_LABELS_WESTERN);
  g_assert_nonnull (strstr (era, "工程1"));
  g_assert_null (strstr (era, "手順"));
  g_assert_nonnull (strstr (era, "R8.4.1"));
  g_assert_null (strstr (era, "2026-04-01"));
  g_assert_nonnull (strstr (western, "2026-04-01"));
  g_assert_null (strstr (western, "R8.4.1"));
  /* Without a setting (the command line): both. */
  copy = ikou_finding_copy (&finding);
  g_assert_nonnull (strstr (ikou_finding_get_message (copy), "2026-04-01"));
  g_assert_nonnull (strstr (ikou_finding_get_message (copy), "R8.4.1"));

  use_language ("en");
  english = ikou_finding_format_message (&finding, IKOU_LABELS_ENGLISH);
  g_assert_nonnull (strstr (english, "step 1"));
  g_assert_nonnull (strstr (english, "2026-04-01"));
  g_assert_false (has_non_ascii (english));
  g_assert_null (strstr (english, "R8.4.1"));
  use_language (NULL);
}

/* `ikou export` as a planner runs it, in @lang (a LANG value). */
static void
export_sample (const char *lang,
               const char *pdf)
{
  g_autofree char *sample = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                              "koriyama.ikou", NULL);
  const char *argv[] = { g_getenv ("IKOU_BIN"), "export", sample, "--output", pdf,
                         "--today", "2026-12-02", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* No GLib warning reaches a planner. */
  g_assert_cmpstr (err, ==, "");
}

static char *
pdf_text (const char *pdf,
          gboolean    bbox)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", bbox ? "-bbox" : "-q", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_no_rule_ids (const char *text)
{
  const char * const *ids = ikou_rule_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (strstr (text, ids[i]) != NULL)
      g_error ("the PDF shows the rule id %s", ids[i]);
}

/* What the PDF of the sample shows in one language, and what it must
 * not show. */
typedef struct
{
  const char *locale;
  const char *file;
  const char *shown[8];
  const char *not_shown[8];
} ExportWords;

/* Titles in Japanese, no ids; one word for a step; 年度 labels and 作成日
 * in both calendars. */
static const ExportWords export_japanese = {
  "ja_JP.UTF-8", "ja.pdf",
  { "期日経過・未完了", "標準準拠への移行なし", "予算要求なし", "工程1", "2020年度",
    "令和8年12月2日", NULL },
  { "手順", "FY20", NULL },
};

/* The plan's names are Japanese data; the labels around them are not. */
static const ExportWords export_english = {
  "C.UTF-8", "en.pdf",
  { "FY2020", "FY2026", "end of FY2025", "Created 2026-12-02", "Passed, not marked done",
    "Step 1", NULL },
  { "年度", "令和", "作成日", "工程", "エラー", NULL },
};

static void
test_export_words (gconstpointer data)
{
  const ExportWords *words = data;
  g_autofree char *dir = g_dir_make_tmp ("ikou-words-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, words->file, NULL);
  g_autofree char *text = NULL;

  if (!have_tool ("pdftotext"))
    return;
  if (words == &export_japanese && !have_japanese_locale ())
    {
      g_test_skip ("no ja_JP.UTF-8 locale (tools/install-deps makes one)");
      return;
    }

  export_sample (words->locale, pdf);
  text = pdf_text (pdf, FALSE);

  for (guint i = 0; words->shown[i] != NULL; i++)
    {
      g_test_message ("shown: %s", words->shown[i]);
      g_assert_nonnull (strstr (text, words->shown[i]));
    }
  for (guint i = 0; words->not_shown[i] != NULL; i++)
    {
      g_test_message ("not shown: %s", words->not_shown[i]);
      g_assert_null (strstr (text, words->not_shown[i]));
    }
  assert_no_rule_ids (text);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A small plan fills its A3 page: the last system's name is low on the
 * page (before taller rows it sat at about half its height). */
static void
test_sample_fills_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-words-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "fill.pdf", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                              "koriyama.ikou", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *last_name;
  const char *first_page_end;
  double page_h;
  double y_max;

  if (!have_tool ("pdftotext"))
    return;

  plan = ikou_plan_file_load (sample, &error);
  g_assert_no_error (error);
  last_name = ikou_system_get_name (ikou_plan_get_system (plan, ikou_plan_get_n_systems (plan) - 1));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), <, 30);

  export_sample ("C.UTF-8", pdf);
  xml = pdf_text (pdf, TRUE);
  first_page_end = strstr (xml, "</page>");
  g_assert_nonnull (first_page_end);

  g_assert_true (sscanf (strstr (xml, "<page width=") + strlen ("<page width=\""), "%*[0-9.]\" height=\"%lf", &page_h) == 1);
  g_assert_cmpfloat (page_h, >, 800);

  pattern = g_strdup_printf ("yMax=\"([0-9.]+)\">%s</word>", last_name);
  regex = g_regex_new (pattern, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, xml, 0, &match));
  {
    int start;
    g_autofree char *y = g_match_info_fetch (match, 1);

    g_match_info_fetch_pos (match, 0, &start, NULL);
    g_assert_true (xml + start < first_page_end);
    y_max = g_ascii_strtod (y, NULL);
  }
  g_test_message ("last row's name ends at %.0f of %.0f pt", y_max, page_h);
  g_assert_cmpfloat (y_max, >, 0.75 * page_h);
  g_assert_cmpfloat (y_max, <, page_h - 24);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A finding whose message is longer than its column wraps onto more
 * lines (nothing is cut with "…"). */
static void
test_long_message_wraps (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouHost) today = ikou_host_new (1, "Old server", IKOU_HOST_ONPREM_SHARED);
  g_autoptr(IkouHost) target = NULL;
  g_autoptr(IkouSystem) system = ikou_system_new (0, "Resident register");
  g_autoptr(IkouStep) step = ikou_step_new ();
  g_autoptr(IkouSchedule) schedule = ikou_schedule_load_default (NULL);
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ikou-words-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "wrap.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  GString *name = g_string_new ("Shared cloud server");
  IkouExportOptions options;

  if (!have_tool ("pdftotext"))
    return;
  g_assert_nonnull (schedule);

  /* A host name of some 60 words: the host.not-ready sentence quotes it. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (name, " part%02u", i);
  g_string_append (name, " LASTWORD");
  target = ikou_host_new (2, name->str, IKOU_HOST_SHARED_CLOUD);
  ikou_host_set_available_from (target, ikou_test_ymd (2027, 4, 1));
  ikou_plan_add_host (plan, today);
  ikou_plan_add_host (plan, target);
  ikou_system_set_host (system, 1);
  step->to_host = 2;
  step->budget_date = ikou_test_ymd (2025, 10, 1);
  step->contract_date = ikou_test_ymd (2026, 4, 1);
  step->cutover_date = ikou_test_ymd (2027, 1, 1);
  ikou_system_insert_step (system, G_MAXUINT, step);
  ikou_plan_add_system (plan, system);

  use_language ("en");
  ikou_export_options_init (&options);
  options.today = ikou_test_ymd (2025, 6, 1);
  job = ikou_export_job_new (plan, NULL, schedule, &options, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_export_write (job, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, FALSE);
  use_language (NULL);

  /* The summary page (the last) has the whole sentence, its end
   * included, on several lines. */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
    guint n = g_strv_length (pages);
    const char *summary = n >= 2 && *pages[n - 1] == '\0' ? pages[n - 2] : pages[n - 1];
    const char *from = strstr (summary, "part00");
    const char *to = strstr (summary, "LASTWORD");

    g_assert_nonnull (strstr (summary, "Findings"));
    g_assert_nonnull (strstr (summary, "Host not yet available"));
    g_assert_nonnull (from);
    g_assert_nonnull (to);
    g_assert_nonnull (strstr (summary, "part59"));
    g_assert_nonnull (strstr (summary, "is available on 2027-04-01."));
    g_assert_null (strstr (summary, "…"));
    flat = g_strndup (from, to - from);
    g_assert_nonnull (strchr (flat, '\n'));
  }

  g_string_free (name, TRUE);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* GLib decides once, at the first translation, whether the program's
   * catalogue is used at all (g_dgettext() in a C.UTF-8 locale without
   * one for the first language asked is left untranslated): ask first in
   * Japanese, then switch per test. */
  g_setenv ("LANGUAGE", "ja", TRUE);
  ikou_i18n_init ();
  g_assert_cmpstr (ikou_rule_get_title (IKOU_RULE_DEADLINE_MISSED), ==, "期限超過");
  use_language (NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/words/rule-titles", test_rule_titles);
  g_test_add_func ("/words/fiscal-year-labels", test_fiscal_year_labels);
  g_test_add_func ("/words/finding-messages", test_finding_messages);
  g_test_add_data_func ("/words/export-japanese", &export_japanese, test_export_words);
  g_test_add_data_func ("/words/export-english", &export_english, test_export_words);
  g_test_add_func ("/words/sample-fills-page", test_sample_fills_page);
  g_test_add_func ("/words/long-message-wraps", test_long_message_wraps);

  return g_test_run ();
}

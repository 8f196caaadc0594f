/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"

#define SHIPPED_NAME "schedule-2024-12-24.xml"

static const char *
schedule_dir (void)
{
  const char *env = g_getenv ("IKOU_SCHEDULE_DIR");

  return env != NULL ? env : IKOU_SOURCE_DATADIR "/schedule";
}

static char *
shipped_text (void)
{
  g_autofree char *path = g_build_filename (IKOU_SOURCE_DATADIR, "schedule", SHIPPED_NAME, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The shipped text with @find replaced by @replace, and so on for each
 * further pair of find and replace up to a NULL: each exactly once. */
static char *
shipped_variant (const char *find,
                 const char *replace,
                 ...)
{
  g_autofree char *text = shipped_text ();
  GString *s = g_string_new (text);
  va_list pairs;

  va_start (pairs, replace);
  while (find != NULL)
    {
      g_assert_cmpuint (g_string_replace (s, find, replace, 1), ==, 1);
      find = va_arg (pairs, const char *);
      if (find != NULL)
        replace = va_arg (pairs, const char *);
    }
  va_end (pairs);
  return g_string_free (s, FALSE);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A load that returned no schedule and @error, of @code, whose message
 * names @mention (when not NULL). */
static void
assert_refused (IkouSchedule *schedule,
                const GError *error,
                int           code,
                const char   *mention)
{
  g_assert_null (schedule);
  g_assert_error (error, IKOU_ERROR, code);
  g_test_message ("%s", error->message);
  if (mention != NULL)
    g_assert_nonnull (strstr (error->message, mention));
}

/* Loads @text as a file called @name in a fresh folder and expects @code,
 * with the file name and (when @line > 0) "line @line" in the message. */
static void
assert_file_error (const char *name,
                   const char *text,
                   int         code,
                   int         line)
{
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = write_file (dir, name, text);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  schedule = ikou_schedule_new_from_file (path, &error);
  assert_refused (schedule, error, code, name);
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf (", line %d:", line);
      g_assert_nonnull (strstr (error->message, where));
    }
  g_clear_error (&error);

  /* The folder scan returns the same error when nothing else loads. */
  schedule = ikou_schedule_load_from_dir (dir, &error);
  assert_refused (schedule, error, code, name);

  ikou_test_remove_tree (dir);
}

/* A variant of the shipped file (@find replaced by @replace) saved as
 * @name, refused as not a valid schedule at the line holding @marker. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *marker;
} BadVariant;

static void
assert_variants_refused (const BadVariant *variants,
                         guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = shipped_variant (variants[i].find, variants[i].replace, NULL);

      assert_file_error (variants[i].name, text, IKOU_ERROR_INVALID_SCHEDULE,
                         ikou_test_line_of (text, variants[i].marker));
    }
}

static void
test_shipped (void)
{
  static const char *ids[] = {
    "resident-register", "electoral-roll", "fixed-asset-tax", "individual-inhabitant-tax",
    "corporate-inhabitant-tax", "light-vehicle-tax", "national-health-insurance",
    "national-pension", "disability-welfare", "late-elderly-medical", "long-term-care",
    "child-allowance", "public-assistance", "health-management", "school-enrollment",
    "child-rearing-allowance", "child-support", "family-register",
    "family-register-supplement", "seal-registration",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;
  const IkouOperation *op;
  const IkouPhase *phase;
  gboolean saw_deadline = FALSE;

  g_setenv ("IKOU_SCHEDULE_DIR", schedule_dir (), TRUE);
  schedule = ikou_schedule_load_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  g_assert_true (g_str_has_suffix (ikou_schedule_get_path (schedule), SHIPPED_NAME));
  g_assert_cmpstr (ikou_schedule_get_version (schedule), ==, "2024-12-24");
  g_assert_cmpint (ikou_schedule_get_revised (schedule), ==, ikou_day_from_ymd (2024, 12, 24));
  g_assert_cmpint (ikou_schedule_get_deadline (schedule), ==, ikou_day_from_ymd (2026, 3, 31));
  g_assert_cmpint (ikou_schedule_get_tokutei_limit (schedule), ==,
                   ikou_day_from_ymd (2031, 3, 31));
  g_assert_cmpint (ikou_schedule_get_gov_cloud_from (schedule), ==,
                   ikou_day_from_ymd (2022, 10, 3));
  g_assert_cmpint (ikou_schedule_get_margin_months (schedule), ==, 3);
  g_assert_nonnull (strstr (ikou_schedule_get_source (schedule), "基本方針"));

  g_assert_cmpuint (ikou_schedule_get_n_operations (schedule), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      op = ikou_schedule_get_operation (schedule, i);
      g_assert_cmpstr (op->id, ==, ids[i]);
      g_assert_true (ikou_schedule_lookup_operation (schedule, ids[i]) == op);
      g_assert_true (op->name != NULL && *op->name != '\0');
      g_assert_true (op->name_en != NULL && *op->name_en != '\0');
      g_assert_cmpint (op->spec_published, ==, ikou_day_from_ymd (2022, 8, 31));
    }
  op = ikou_schedule_lookup_operation (schedule, "family-register");
  g_assert_cmpstr (op->name, ==, "戸籍");
  g_assert_cmpstr (op->name_en, ==, "Family register (koseki)");
  op = ikou_schedule_lookup_operation (schedule, "resident-register");
  g_assert_cmpstr (op->name, ==, "住民基本台帳（住民記録）");
  g_assert_null (ikou_schedule_lookup_operation (schedule, "no-such-operation"));
  g_assert_null (ikou_schedule_lookup_operation (schedule, NULL));

  g_assert_cmpuint (ikou_schedule_get_n_phases (schedule), ==, 4);
  phase = ikou_schedule_get_phase (schedule, 0);
  g_assert_cmpstr (phase->label, ==, "標準仕様書の作成");
  g_assert_cmpint (phase->start, ==, ikou_day_from_ymd (2020, 12, 25));
  g_assert_cmpint (phase->end, ==, ikou_day_from_ymd (2022, 8, 31));
  phase = ikou_schedule_get_phase (schedule, 1);
  g_assert_cmpint (phase->start, ==, ikou_day_from_ymd (2021, 10, 26));
  g_assert_cmpint (phase->end, ==, ikou_day_from_ymd (2023, 3, 31));
  phase = ikou_schedule_get_phase (schedule, 2);
  g_assert_cmpstr (phase->label, ==, "移行支援期間");
  g_assert_cmpint (phase->start, ==, ikou_day_from_ymd (2023, 4, 1));
  g_assert_cmpint (phase->end, ==, ikou_day_from_ymd (2026, 3, 31));
  phase = ikou_schedule_get_phase (schedule, 3);
  g_assert_cmpstr (phase->label, ==, "特定移行支援");
  g_assert_nonnull (phase->label_en);
  g_assert_cmpint (phase->start, ==, ikou_day_from_ymd (2026, 4, 1));
  g_assert_cmpint (phase->end, ==, ikou_day_from_ymd (2031, 3, 31));

  g_assert_cmpuint (ikou_schedule_get_n_events (schedule), >=, 10);
  for (guint i = 0; i < ikou_schedule_get_n_events (schedule); i++)
    {
      const IkouScheduleEvent *event = ikou_schedule_get_event (schedule, i);

      g_assert_true (event->label != NULL && event->label_en != NULL);
      g_assert_cmpint (event->date, !=, IKOU_DAY_NONE);
      if (i > 0)
        g_assert_cmpint (event->date, >=, ikou_schedule_get_event (schedule, i - 1)->date);
      if (event->date == ikou_day_from_ymd (2026, 3, 31))
        saw_deadline = TRUE;
    }
  g_assert_true (saw_deadline);
}

static void
test_from_data (void)
{
  g_autofree char *text = shipped_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  schedule = ikou_schedule_new_from_data (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ikou_schedule_get_path (schedule));
  g_assert_cmpuint (ikou_schedule_get_n_operations (schedule), ==, 20);
  g_clear_object (&schedule);

  schedule = ikou_schedule_new_from_data ("<schedule", 9, "memory.xml", &error);
  g_assert_null (schedule);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_SCHEDULE);
  g_assert_nonnull (strstr (error->message, "memory.xml"));
}

/* A revision dropped into the folder is picked up without recompiling,
 * whatever its file name. */
static void
test_newer_wins (IkouTestDir   *f,
                 gconstpointer  data)
{
  g_autofree char *text = shipped_text ();
  g_autofree char *newer = shipped_variant ("version=\"2024-12-24\" revised=\"2024-12-24\"",
                                            "version=\"2027-01-15\" revised=\"2027-01-15\"",
                                            "<deadline date=\"2026-03-31\"",
                                            "<deadline date=\"2027-03-31\"", NULL);
  g_autofree char *older = shipped_variant ("version=\"2024-12-24\" revised=\"2024-12-24\"",
                                            "version=\"2023-09-08\" revised=\"2023-09-08\"", NULL);
  g_autofree char *p1 = write_file (f->dir, "a-revision.xml", newer);
  g_autofree char *p2 = write_file (f->dir, SHIPPED_NAME, text);
  g_autofree char *p3 = write_file (f->dir, "z-older.xml", older);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  schedule = ikou_schedule_load_from_dir (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_schedule_get_path (schedule), ==, p1);
  g_assert_cmpstr (ikou_schedule_get_version (schedule), ==, "2027-01-15");
  g_assert_cmpint (ikou_schedule_get_deadline (schedule), ==, ikou_day_from_ymd (2027, 3, 31));
  g_clear_object (&schedule);

  /* The same through the environment, as the app finds it. */
  g_setenv ("IKOU_SCHEDULE_DIR", f->dir, TRUE);
  schedule = ikou_schedule_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_schedule_get_version (schedule), ==, "2027-01-15");
  g_setenv ("IKOU_SCHEDULE_DIR", schedule_dir (), TRUE);
}

/* A broken file next to a good one is skipped with a warning. */
static void
test_broken_skipped (IkouTestDir   *f,
                     gconstpointer  data)
{
  g_autofree char *text = shipped_text ();
  g_autofree char *broken = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  broken = write_file (f->dir, "broken.xml", "<schedule format=\"1\">");
  good = write_file (f->dir, SHIPPED_NAME, text);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*broken.xml*");
  schedule = ikou_schedule_load_from_dir (f->dir, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_schedule_get_path (schedule), ==, good);
}

static void
test_broken_xml (void)
{
  g_autofree char *text = shipped_text ();

  /* Truncated in the middle of the operations. */
  text[strstr (text, "id=\"long-term-care\"") - text] = '\0';
  assert_file_error ("truncated.xml", text, IKOU_ERROR_INVALID_SCHEDULE, 0);
  assert_file_error ("mismatch.xml",
                     "<?xml version=\"1.0\"?>\n<schedule format=\"1\">\n</schedul>\n",
                     IKOU_ERROR_INVALID_SCHEDULE, 3);
  assert_file_error ("text.xml", "this is not XML", IKOU_ERROR_INVALID_SCHEDULE, 0);
  assert_file_error ("empty.xml", "", IKOU_ERROR_INVALID_SCHEDULE, 0);
  assert_file_error ("root.xml", "<?xml version=\"1.0\"?>\n\n<ikou-plan format=\"1\"/>\n",
                     IKOU_ERROR_INVALID_SCHEDULE, 3);
}

static void
test_schema_violation (void)
{
  static const BadVariant variants[] = {
    { "no-deadline.xml", "<deadline date=", "<dead-line date=", "<dead-line" },
    { "bad-attr.xml", "name-en=\"Electoral roll\"",
      "name-en=\"Electoral roll\" colour=\"red\"", "colour=" },
  };
  g_autofree char *no_ops = NULL;
  g_autofree char *text = shipped_text ();
  GString *s;

  assert_variants_refused (variants, G_N_ELEMENTS (variants));

  /* Without any operation. */
  s = g_string_new (NULL);
  g_string_append_len (s, text, strstr (text, "<operations>") - text);
  g_string_append (s, "<operations>\n  </operations>\n");
  g_string_append (s, strstr (text, "  <phases>"));
  no_ops = g_string_free (s, FALSE);
  assert_file_error ("no-operations.xml", no_ops, IKOU_ERROR_INVALID_SCHEDULE,
                     ikou_test_line_of (no_ops, "<operations>"));
}

static void
test_bad_content (void)
{
  static const BadVariant variants[] = {
    { "duplicate.xml", "<operation id=\"electoral-roll\"",
      "<operation id=\"resident-register\"", "name=\"選挙人名簿管理\"" },
    { "duplicate-event.xml", "<event id=\"act-promulgated\"", "<event id=\"act-enacted\"",
      "label=\"標準化法 公布\"" },
    { "unknown-source.xml", "source=\"trade-press\" note=\"令和4年度",
      "source=\"trade-press rumour\" note=\"令和4年度", "rumour" },
    { "bad-date.xml", "<deadline date=\"2026-03-31\"", "<deadline date=\"2026-02-30\"",
      "2026-02-30" },
    { "reversed.xml", "start=\"2023-04-01\" end=\"2026-03-31\"",
      "start=\"2026-03-31\" end=\"2023-04-01\"", "start=\"2026-03-31\"" },
  };

  assert_variants_refused (variants, G_N_ELEMENTS (variants));
}

static void
test_newer_format (void)
{
  g_autofree char *newer = shipped_variant ("<schedule format=\"1\"",
                                            "<schedule format=\"2\"", NULL);
  g_autofree char *huge = shipped_variant ("<schedule format=\"1\"",
                                           "<schedule format=\"99999999999999999999\"", NULL);

  assert_file_error ("future.xml", newer, IKOU_ERROR_NEWER_VERSION,
                     ikou_test_line_of (newer, "<schedule "));
  assert_file_error ("far-future.xml", huge, IKOU_ERROR_NEWER_VERSION, 0);
}

static void
test_unsafe (void)
{
  static const char xxe[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE schedule [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<schedule format=\"1\" version=\"&x;\" revised=\"2024-12-24\"/>\n";
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "]>\n"
    "<schedule>&lol3;</schedule>\n";

  assert_file_error ("xxe.xml", xxe, IKOU_ERROR_INVALID_SCHEDULE, 2);
  assert_file_error ("laughs.xml", laughs, IKOU_ERROR_INVALID_SCHEDULE, 2);
}

/* Without $IKOU_SCHEDULE_DIR: the user's folder, the installed one and the
 * source tree are all scanned and the newest revision wins, so a file the
 * user drops into ~/.local/share/ikou/schedule is used once it is newer. */
static void
test_default_folders (void)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "ikou", "schedule",
                                                NULL);
  g_autofree char *older = shipped_variant ("version=\"2024-12-24\" revised=\"2024-12-24\"",
                                            "version=\"2022-10-07\" revised=\"2022-10-07\"", NULL);
  g_autofree char *newer = shipped_variant ("version=\"2024-12-24\" revised=\"2024-12-24\"",
                                            "version=\"2030-01-01\" revised=\"2030-01-01\"", NULL);
  g_autofree char *older_path = NULL;
  g_autofree char *newer_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  g_unsetenv ("IKOU_SCHEDULE_DIR");
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);

  /* An older file of the user's does not hide the shipped schedule. */
  older_path = write_file (user_dir, "mine.xml", older);
  schedule = ikou_schedule_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_schedule_get_version (schedule), ==, "2024-12-24");
  g_clear_object (&schedule);

  newer_path = write_file (user_dir, "revision.xml", newer);
  schedule = ikou_schedule_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (ikou_schedule_get_version (schedule), ==, "2030-01-01");
  g_assert_cmpstr (ikou_schedule_get_path (schedule), ==, newer_path);

  g_setenv ("IKOU_SCHEDULE_DIR", schedule_dir (), TRUE);
  ikou_test_remove_tree (user_dir);
}

static void
test_empty_dir (IkouTestDir   *f,
                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *other = write_file (f->dir, "readme.txt", "not a schedule");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;

  /* A folder with files, none of them a schedule, is still empty. */
  g_assert_nonnull (other);
  schedule = ikou_schedule_load_from_dir (f->dir, &error);
  assert_refused (schedule, error, IKOU_ERROR_NOT_FOUND, f->dir);
  g_clear_error (&error);

  schedule = ikou_schedule_load_from_dir (missing, &error);
  assert_refused (schedule, error, IKOU_ERROR_NOT_FOUND, missing);
  g_clear_error (&error);

  g_setenv ("IKOU_SCHEDULE_DIR", f->dir, TRUE);
  schedule = ikou_schedule_load_default (&error);
  assert_refused (schedule, error, IKOU_ERROR_NOT_FOUND, NULL);
  g_setenv ("IKOU_SCHEDULE_DIR", schedule_dir (), TRUE);
  g_clear_error (&error);

  schedule = ikou_schedule_new_from_file (missing, &error);
  assert_refused (schedule, error, IKOU_ERROR_NOT_FOUND, missing);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test gets its own empty XDG folders (the user's schedule folder). */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* A test of the folder scan gets a private folder, removed after it. */
#define ADD_IN_DIR(name, func) \
  g_test_add ("/schedule/" name, IkouTestDir, NULL, ikou_test_dir_set_up, func, \
              ikou_test_dir_tear_down)

  g_test_add_func ("/schedule/shipped", test_shipped);
  g_test_add_func ("/schedule/from-data", test_from_data);
  ADD_IN_DIR ("newer-wins", test_newer_wins);
  ADD_IN_DIR ("broken-skipped", test_broken_skipped);
  g_test_add_func ("/schedule/broken-xml", test_broken_xml);
  g_test_add_func ("/schedule/schema-violation", test_schema_violation);
  g_test_add_func ("/schedule/bad-content", test_bad_content);
  g_test_add_func ("/schedule/newer-format", test_newer_format);
  g_test_add_func ("/schedule/unsafe", test_unsafe);
  g_test_add_func ("/schedule/default-folders", test_default_folders);
  ADD_IN_DIR ("empty-dir", test_empty_dir);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-test-util.h"

#define TITLE "基幹系システム移行ロードマップ"

static void
add_system (IkouPlan   *plan,
            const char *name,
            const char *operation,
            IkouDay     budget,
            IkouDay     contract,
            IkouDay     cutover)
{
  IkouSystem *system = ikou_test_add_system (plan, name, 1, 2, budget, contract, cutover);

  ikou_system_set_department (system, "市民課");
  ikou_system_set_operation (system, operation);
}

static IkouPlan *
make_plan (guint n_extra)
{
  IkouPlan *plan = ikou_test_plan_new_two_hosts ();

  ikou_plan_set_title (plan, TITLE);
  ikou_plan_set_organization (plan, "郡山市");
  ikou_plan_begin_bulk (plan);
  add_system (plan, "住民記録システム", "resident-register",
              ikou_test_ymd (2024, 10, 1), ikou_test_ymd (2025, 4, 1), ikou_test_ymd (2026, 1, 1));
  /* Cut over after R7年度末: a deadline.missed error. */
  add_system (plan, "選挙人名簿システム", "electoral-roll",
              ikou_test_ymd (2024, 9, 1), ikou_test_ymd (2025, 7, 1), ikou_test_ymd (2026, 7, 1));
  add_system (plan, "固定資産税システム", "fixed-asset-tax",
              ikou_test_ymd (2024, 11, 1), ikou_test_ymd (2025, 5, 1), ikou_test_ymd (2025, 10, 1));
  for (guint i = 0; i < n_extra; i++)
    {
      g_autofree char *name = g_strdup_printf ("業務%04u", i);
      guint shift = i % 18;

      add_system (plan, name, NULL, ikou_day_add_months (ikou_test_ymd (2024, 9, 1), shift),
                  ikou_day_add_months (ikou_test_ymd (2025, 4, 1), shift),
                  ikou_day_add_months (ikou_test_ymd (2025, 12, 1), shift));
    }
  ikou_plan_end_bulk (plan);
  return plan;
}

static void
init_options (IkouExportOptions *options)
{
  ikou_export_options_init (options);
  options->today = ikou_test_ymd (2025, 6, 15);
}

static gboolean
have_tools (void)
{
  const char *tools[] = { "pdfinfo", "pdffonts", "pdftotext" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils is not installed");
          return FALSE;
        }
    }
  return TRUE;
}

static char *
run (const char *arg0,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  va_list ap;
  const char *arg;

  g_ptr_array_add (argv, (char *) arg0);
  va_start (ap, arg0);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static guint
pdf_pages (const char *info)
{
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "),
                                   NULL, 10);
}

/* What most tests start from: make_plan() with as many more systems as
 * the test's data says, the schedule, today's options and a temporary
 * folder, removed after the test. */
typedef struct
{
  IkouPlan          *plan;
  IkouSchedule      *schedule;
  IkouExportOptions  options;
  char              *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->plan = make_plan (GPOINTER_TO_UINT (data));
  f->schedule = ikou_test_load_schedule ();
  init_options (&f->options);
  f->dir = ikou_test_make_temp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ikou_test_remove_tree (f->dir);
  g_free (f->dir);
  g_clear_object (&f->schedule);
  g_clear_object (&f->plan);
}

/* A job of the fixture's plan with its options; asserts that they are valid. */
static IkouExportJob *
new_job (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IkouExportJob *job = ikou_export_job_new (f->plan, NULL, f->schedule, &f->options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (job);
  return job;
}

static void
write_job (IkouExportJob *job,
           const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ikou_export_write (job, path, &error));
  g_assert_no_error (error);
}

/* A new job of the fixture's plan and options, written to @path. */
static void
export_to (Fixture    *f,
           const char *path)
{
  g_autoptr(IkouExportJob) job = new_job (f);

  write_job (job, path);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(IkouExportJob) job = NULL;
  g_autofree char *path = g_build_filename (f->dir, "roadmap.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean embedded = FALSE;
  IkouDay first, last;

  if (!have_tools ())
    return;

  job = new_job (f);
  /* The plan's span in fiscal years, with the deadline in view. */
  ikou_export_job_get_range (job, &first, &last);
  g_assert_cmpint (first, ==, ikou_test_ymd (2024, 4, 1));
  g_assert_cmpint (last, ==, ikou_test_ymd (2027, 3, 31));
  g_assert_cmpuint (ikou_export_job_get_n_pages (job), ==, 2);   /* rows + summary */

  write_job (job, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 1);   /* no temporary file left */

  info = run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "1190.55 x 841.89"));
  g_assert_cmpuint (pdf_pages (info), ==, 2);
  g_assert_nonnull (strstr (info, TITLE));

  /* A Noto Sans CJK font, embedded (the "emb" column). */
  fonts = run ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      guint n;

      if (strstr (lines[i], "NotoSansCJK") == NULL)
        continue;
      cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        /* Drop the empty strings between runs of spaces. */
        GPtrArray *tokens = g_ptr_array_new ();

        for (guint c = 0; cols[c] != NULL; c++)
          if (*cols[c] != '\0')
            g_ptr_array_add (tokens, cols[c]);
        n = tokens->len;
        if (n >= 6 && g_str_equal (g_ptr_array_index (tokens, n - 5), "yes"))
          embedded = TRUE;
        g_ptr_array_free (tokens, TRUE);
      }
    }
  if (!embedded)
    g_printerr ("%s", fonts);
  g_assert_true (embedded);

  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  /* The tests run in English: fiscal years as FY2025, 作成日 as an ISO
   * day, no 年度 or 和暦 outside the plan's own data
   * (tests/core/test-words.c has Japanese).  The summary page names the
   * checker's finding by its title, not its id. */
  ikou_test_assert_contains (text, TITLE, "郡山市", "住民記録システム", "選挙人名簿システム",
                             "固定資産税システム", "end of FY2025", "FY2025", "ガバメントクラウド",
                             "Created 2025-06-15", "Deadline missed", NULL);
  ikou_test_assert_lacks (text, "年度");
  ikou_test_assert_lacks (text, "令和");
  ikou_test_assert_lacks (text, IKOU_RULE_DEADLINE_MISSED);
}

/* Paginating in steps (the export dialog) ends where paginating at once
 * does: the same pages, the same rows on each. */
static void
test_paginate_steps (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(IkouExportJob) whole = new_job (f);
  g_autoptr(IkouExportJob) stepped = new_job (f);
  guint n_pages;
  guint steps = 0;

  n_pages = ikou_export_job_get_n_pages (whole);
  while (!ikou_export_job_paginate_step (stepped, 7))
    steps++;
  g_assert_cmpuint (steps, >, 1);
  g_assert_true (ikou_export_job_paginate_step (stepped, 7));
  g_assert_cmpuint (ikou_export_job_get_n_pages (stepped), ==, n_pages);
  g_assert_cmpuint (n_pages, >, 30);

  for (guint p = 0; p <= n_pages; p++)
    {
      guint first_a = 0, n_a = 0, first_b = 0, n_b = 0;

      g_assert_cmpint (ikou_export_job_get_page_rows (whole, p, &first_a, &n_a), ==,
                       ikou_export_job_get_page_rows (stepped, p, &first_b, &n_b));
      g_assert_cmpuint (first_a, ==, first_b);
      g_assert_cmpuint (n_a, ==, n_b);
    }

  /* Half-way, a full pagination takes over and agrees too. */
  g_clear_object (&stepped);
  stepped = new_job (f);
  g_assert_false (ikou_export_job_paginate_step (stepped, 3));
  g_assert_cmpuint (ikou_export_job_get_n_pages (stepped), ==, n_pages);
}

/* 2,000 systems: every page carries the title block, the header and the
 * list's column titles, and every row is on exactly one page, in order. */
static void
test_paginate (Fixture       *f,
               gconstpointer  data)
{
  IkouPlan *plan = f->plan;
  g_autoptr(IkouExportJob) job = NULL;
  g_autofree char *path = g_build_filename (f->dir, "large.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint n_rows = ikou_plan_get_n_systems (plan);
  guint covered = 0;

  if (!have_tools ())
    return;

  job = new_job (f);
  write_job (job, path);
  n_pages = ikou_export_job_get_n_pages (job);
  g_assert_cmpuint (n_pages, >, 30);
  {
    g_autofree char *info = run ("pdfinfo", path, NULL);

    g_assert_cmpuint (pdf_pages (info), ==, n_pages);
  }

  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *label = g_strdup_printf ("Page %u / %u", p + 1, n_pages);
      guint first, n;

      g_assert_nonnull (strstr (pages[p], TITLE));
      g_assert_nonnull (strstr (pages[p], label));
      g_assert_true (ikou_export_job_get_page_rows (job, p, &first, &n));
      if (n == 0)
        continue;   /* the summary */

      g_assert_nonnull (strstr (pages[p], "FY2025"));
      g_assert_nonnull (strstr (pages[p], "System"));
      g_assert_nonnull (strstr (pages[p], "end of FY2025"));
      g_assert_cmpuint (first, ==, covered);
      covered += n;
      for (guint r = 0; r < n_rows; r++)
        {
          IkouSystem *system = ikou_plan_get_system (plan, r);
          const char *name = ikou_system_get_name (system);
          gboolean on_page = strstr (pages[p], name) != NULL;

          /* Short names are prefixes of none of the others (業務0001 vs
           * 業務00010 cannot happen with 4 digits). */
          if (r >= first && r < first + n)
            g_assert_true (on_page);
          else if (on_page)
            g_error ("row %u (%s) is on page %u, which holds rows %u–%u",
                     r, name, p + 1, first, first + n - 1);
        }
    }
  g_assert_cmpuint (covered, ==, n_rows);
  g_assert_false (ikou_export_job_get_page_rows (job, n_pages, NULL, NULL));

  /* The last page is the summary with counts per severity. */
  g_assert_nonnull (strstr (pages[n_pages - 1], "Findings"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Error: "));
}

static void
check_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
test_png_svg (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "roadmap.png", NULL);
  g_autofree char *png2 = g_build_filename (f->dir, "roadmap-2.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "roadmap.svg", NULL);
  g_autofree char *svg2 = g_build_filename (f->dir, "roadmap-2.svg", NULL);
  g_autofree char *contents = NULL;
  IkouExportFormat format;

  g_assert_true (ikou_export_format_from_path (png, &format, &error));
  g_assert_cmpint (format, ==, IKOU_EXPORT_PNG);

  /* PNG: one file per page at the chosen resolution (default 150 dpi). */
  f->options.format = IKOU_EXPORT_PNG;
  export_to (f, png);
  check_png (png, 2481, 1754);
  check_png (png2, 2481, 1754);
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 2);

  f->options.dpi = 72;
  f->options.paper = IKOU_PAPER_A4;
  f->options.portrait = TRUE;
  export_to (f, png);
  check_png (png, 596, 842);

  /* SVG: the same naming. */
  init_options (&f->options);
  f->options.format = IKOU_EXPORT_SVG;
  export_to (f, svg);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "1190.55pt"));
  g_assert_true (g_file_test (svg2, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 4);
}

static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "a4.pdf", NULL);
  g_autofree char *info = NULL;
  IkouPaper paper;
  double w, h;

  g_assert_true (ikou_export_paper_size (IKOU_PAPER_A3, FALSE, &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  g_assert_true (ikou_export_paper_from_string ("A4", &paper, &error));
  g_assert_cmpint (paper, ==, IKOU_PAPER_A4);

  if (!have_tools ())
    return;

  f->options.paper = IKOU_PAPER_A4;
  f->options.portrait = TRUE;
  f->options.from = ikou_test_ymd (2025, 1, 1);
  f->options.to = ikou_test_ymd (2026, 12, 1);
  f->options.title = "別題";
  job = new_job (f);
  write_job (job, path);
  info = run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "595.28 x 841.89"));
  g_assert_nonnull (strstr (info, "別題"));
  {
    IkouDay first, last;

    ikou_export_job_get_range (job, &first, &last);
    g_assert_cmpint (first, ==, ikou_test_ymd (2025, 1, 1));
    g_assert_cmpint (last, ==, ikou_test_ymd (2026, 12, 31));
  }
}

/* A print operation's page size, then its pages, through the same code. */
static void
test_print_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IkouExportJob) job = new_job (f);
  guint n_a3, n_a4;
  cairo_surface_t *surface;
  cairo_t *cr;

  n_a3 = ikou_export_job_paginate (job, 1190.55, 841.89);
  n_a4 = ikou_export_job_paginate (job, 841.89, 595.28);   /* A4 landscape: shorter */
  g_assert_cmpuint (n_a4, >, n_a3);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint p = 0; p < n_a4; p++)
    ikou_export_job_draw_page (job, cr, p, 841.89, 595.28);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
expect_option_error (Fixture           *f,
                     IkouExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouExportJob) job = ikou_export_job_new (f->plan, NULL, f->schedule, options, &error);

  g_assert_null (job);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_test_message ("%s", error->message);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IkouExportOptions options;
  IkouPaper paper;
  IkouExportFormat format;

  /* Reversed and empty ranges. */
  init_options (&options);
  options.from = ikou_test_ymd (2026, 4, 1);
  options.to = ikou_test_ymd (2025, 4, 1);
  expect_option_error (f, &options);
  init_options (&options);
  options.from = ikou_test_ymd (2040, 1, 1);
  expect_option_error (f, &options);
  init_options (&options);
  options.to = ikou_test_ymd (2001, 1, 1);
  expect_option_error (f, &options);

  /* Unknown paper, format, resolution. */
  init_options (&options);
  options.paper = (IkouPaper) 7;
  expect_option_error (f, &options);
  init_options (&options);
  options.format = (IkouExportFormat) 9;
  expect_option_error (f, &options);
  init_options (&options);
  options.format = IKOU_EXPORT_PNG;
  options.dpi = 5000;
  expect_option_error (f, &options);

  g_assert_false (ikou_export_paper_from_string ("b5", &paper, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "b5"));
  g_clear_error (&error);
  g_assert_false (ikou_export_paper_from_string (NULL, &paper, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  g_assert_false (ikou_export_format_from_path ("roadmap.docx", &format, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  g_assert_false (ikou_export_format_from_path ("/tmp/v1.0/roadmap", &format, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  /* Unwritable targets: a missing folder, a folder. */
  {
    g_autoptr(IkouExportJob) job = new_job (f);
    g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);

    g_assert_false (ikou_export_write (job, missing, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "x.pdf"));
    g_test_message ("%s", error->message);
    g_clear_error (&error);

    g_assert_false (ikou_export_write (job, f->dir, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
    g_clear_error (&error);
  }
  g_assert_cmpuint (ikou_test_count_entries (f->dir), ==, 0);
}

/* The folder shared by the test and its subprocess (no setenv). */
static char *
partial_dir (pid_t pid)
{
  g_autofree char *name = g_strdup_printf ("ikou-export-partial-%d", (int) pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* A write that fails half-way (the file size limit, like a full disk)
 * leaves neither the target nor a temporary file, and keeps an older
 * export intact. */
static void
test_partial_write (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IkouPlan) plan = make_plan (300);
      g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = partial_dir (getppid ());
      g_autofree char *path = g_build_filename (dir, "roadmap.pdf", NULL);
      IkouExportOptions options;
      g_autoptr(IkouExportJob) job = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      init_options (&options);
      job = ikou_export_job_new (plan, NULL, schedule, &options, &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ikou_export_write (job, path, &error));
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
      g_printerr ("%s\n", error->message);
      return;
    }

  {
    g_autofree char *dir = partial_dir (getpid ());
    g_autofree char *old = g_build_filename (dir, "roadmap.pdf", NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (old, "old export", -1, NULL));
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*roadmap.pdf*");
    g_assert_cmpuint (ikou_test_count_entries (dir), ==, 1);
    g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old export");
    ikou_test_remove_tree (dir);
  }
}

/* An empty plan and no schedule: one empty table page and the summary. */
static void
test_empty (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ikou_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  IkouExportOptions options;
  IkouDay first, last;
  guint first_row, n_rows;

  init_options (&options);
  job = ikou_export_job_new (plan, NULL, NULL, &options, &error);
  g_assert_no_error (error);
  ikou_export_job_get_range (job, &first, &last);
  g_assert_cmpint (first, ==, ikou_test_ymd (2025, 4, 1));   /* today's fiscal year */
  g_assert_cmpint (last, ==, ikou_test_ymd (2026, 3, 31));
  g_assert_cmpuint (ikou_export_job_get_n_pages (job), ==, 2);
  g_assert_true (ikou_export_job_get_page_rows (job, 0, &first_row, &n_rows));
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_true (ikou_export_write (job, path, &error));
  g_assert_no_error (error);
  if (have_tools ())
    {
      g_autofree char *text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);

      g_assert_nonnull (strstr (text, "Migration roadmap"));   /* the default title */
      g_assert_nonnull (strstr (text, "No findings."));
    }
  ikou_test_remove_tree (dir);
}

static void
expect_cli_error (IkouPlan             *plan,
                  IkouCliExportOptions *cli,
                  int                   code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ikou_export_run_cli (plan, cli, &error));
  g_assert_error (error, IKOU_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  IkouPlan *plan = f->plan;
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("遅延ケース");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *text = NULL;
  IkouCliExportOptions cli = { 0 };

  ikou_scenario_set_override (scenario, ikou_system_get_id (ikou_plan_get_system (plan, 0)), 0,
                              IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_ymd (2026, 9, 1));
  ikou_plan_add_scenario (plan, scenario);

  cli.output = path;
  cli.paper = (char *) "a3";
  cli.from = (char *) "2024-04";
  cli.to = (char *) "R9年3月";
  cli.today = (char *) "2025-06-15";
  cli.scenario = (char *) "遅延ケース";
  cli.title = (char *) "会議資料";
  g_assert_true (ikou_export_run_cli (plan, &cli, &error));
  g_assert_no_error (error);
  if (have_tools ())
    {
      text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
      g_assert_nonnull (strstr (text, "会議資料"));
      g_assert_nonnull (strstr (text, "遅延ケース"));
      g_assert_nonnull (strstr (text, "end of FY2025"));
    }

  cli.paper = (char *) "letter";
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);
  cli.paper = NULL;
  cli.from = (char *) "April";
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);
  cli.from = (char *) "2027-04";
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);   /* after --to */
  cli.from = NULL;
  cli.today = (char *) "2025-13-01";
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);
  cli.today = NULL;
  cli.scenario = (char *) "存在しない";
  expect_cli_error (plan, &cli, IKOU_ERROR_NOT_FOUND);
  cli.scenario = NULL;
  cli.dpi = 300;
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);   /* not a PNG */
  cli.dpi = 0;
  cli.output = (char *) "roadmap.docx";
  expect_cli_error (plan, &cli, IKOU_ERROR_INVALID_OPTION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The fixture's data: how many systems make_plan() adds. */
#define ADD(name, n_extra, func) \
  g_test_add ("/export/" name, Fixture, GUINT_TO_POINTER (n_extra), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("pdf", 0, test_pdf);
  ADD ("paginate", 2000, test_paginate);
  ADD ("paginate-steps", 2000, test_paginate_steps);
  ADD ("png-svg", 0, test_png_svg);
  ADD ("paper", 0, test_paper);
  ADD ("print-pages", 100, test_print_pages);
  ADD ("errors", 0, test_errors);
  g_test_add_func ("/export/partial-write", test_partial_write);
  ADD ("cli", 0, test_cli);
  g_test_add_func ("/export/empty", test_empty);
#undef ADD

  return g_test_run ();
}

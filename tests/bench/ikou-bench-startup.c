/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

/* ikou-bench-startup [--ikou PATH] [--sizes sample,200,2000,34592]
 *                    [--renderers default,cairo] [--runs 3] [--planner]
 *
 * Window start-up figures, run under a display (tests/bench/startup.sh
 * runs it under xvfb-run): for every plan size and renderer the bench
 * starts `ikou PLAN` and reads
 *
 *   first_frame_ms  process start → the first frame with the plan drawn
 *                   (the line $IKOU_DEBUG_STARTUP makes Ikou print)
 *   ready_ms        process start → idle: the start of the first second
 *                   after the first frame in which the process (all its
 *                   threads, /proc/PID/stat) used at most one clock tick
 *   cpu_ms          CPU time used until then
 *   peak_rss_mb     VmHWM (/proc/PID/status) once idle
 *
 * and the same for "the floor": a bare libadwaita window (a header bar
 * and one Japanese label) that this program builds when started with
 * --floor.  With --planner, GNOME Planner (if installed) opens the same
 * plans (exported to MSPDI, converted by Planner's own msp2planner.xsl)
 * and is measured the same way, without a first frame (it reports
 * none).  Runs alternate between the programs; the figures are medians.
 *
 *   {"bench": "startup", "program": "ikou", "systems": 200,
 *    "renderer": "cairo", "first_frame_ms": …, "ready_ms": …, …}
 *
 * A developer tool: its messages are not translated. */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ikou-bench-util.h"
#include "ikou-store.h"

#define IDLE_WINDOW_US   (1000 * 1000)
#define SAMPLE_US        (10 * 1000)
#define START_TIMEOUT_US (G_GINT64_CONSTANT (600) * 1000 * 1000)

/* The floor */

static void
floor_after_paint_cb (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, floor_after_paint_cb, window);
  g_printerr ("floor: first frame\n");
}

static void
floor_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (floor_after_paint_cb), window);
}

static void
floor_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("移行計画");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "移行");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (floor_map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_floor (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("jp.ikou.Ikou.BenchFloor",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Measuring a process */

typedef struct
{
  double first_frame_ms;
  double ready_ms;
  double cpu_ms;
  double peak_rss_mb;
} Figures;

/* utime + stime of all threads, in clock ticks; -1 when gone. */
static gint64
read_cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *p;
  gint64 utime = 0, stime = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  /* Fields 14 and 15; field 3 follows the parenthesis. */
  p++;
  for (int field = 3; field <= 15 && *p != '\0'; field++)
    {
      while (*p == ' ')
        p++;
      if (field == 14)
        utime = g_ascii_strtoll (p, NULL, 10);
      else if (field == 15)
        stime = g_ascii_strtoll (p, NULL, 10);
      while (*p != ' ' && *p != '\0')
        p++;
    }

  return utime + stime;
}

static double
read_peak_rss_mb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmHWM:");
  if (p == NULL)
    return -1;

  return g_ascii_strtod (p + strlen ("VmHWM:"), NULL) / 1024.0;
}

typedef struct
{
  gint64 time;
  gint64 ticks;
} Sample;

static gboolean
measure (char       **argv,
         char       **envp,
         const char  *first_frame_mark,
         Figures     *out,
         GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  g_autoptr(GString) lines = g_string_new (NULL);
  long ticks_per_s = sysconf (_SC_CLK_TCK);
  gint64 start, first_frame = -1, ready = -1;
  gint64 ticks_at_ready = 0;
  GPid pid;
  int err_fd = -1;
  gboolean eof = FALSE;
  guint window_start = 0;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD
                                 | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, error))
    return FALSE;

  while (ready < 0)
    {
      struct pollfd pfd = { err_fd, POLLIN, 0 };
      gint64 now;
      Sample sample;

      if (!eof && poll (&pfd, 1, SAMPLE_US / 1000) > 0)
        {
          char buffer[4096];
          gssize n = read (err_fd, buffer, sizeof buffer);

          if (n <= 0)
            eof = TRUE;
          else
            {
              g_string_append_len (lines, buffer, n);
              if (first_frame < 0 && first_frame_mark != NULL
                  && strstr (lines->str, first_frame_mark) != NULL)
                first_frame = g_get_monotonic_time ();
            }
        }
      else if (eof)
        g_usleep (SAMPLE_US);

      now = g_get_monotonic_time ();
      sample.time = now;
      sample.ticks = read_cpu_ticks (pid);
      if (sample.ticks < 0 || waitpid (pid, NULL, WNOHANG) == pid)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s ended before it was idle:\n%s", argv[0], lines->str);
          return FALSE;
        }
      g_array_append_val (samples, sample);

      if (now - start > START_TIMEOUT_US)
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "%s was not idle after %d s", argv[0],
                       (int) (START_TIMEOUT_US / G_USEC_PER_SEC));
          return FALSE;
        }

      /* Idle: a whole second after the first frame with at most one tick. */
      if (first_frame < 0 && first_frame_mark != NULL)
        continue;
      while (window_start < samples->len
             && (g_array_index (samples, Sample, window_start).time
                 < MAX (first_frame, start)
                 || now - g_array_index (samples, Sample, window_start).time > IDLE_WINDOW_US))
        window_start++;
      if (window_start < samples->len)
        {
          Sample *from = &g_array_index (samples, Sample, window_start);

          if (now - from->time >= IDLE_WINDOW_US - SAMPLE_US
              && sample.ticks - from->ticks <= 1)
            {
              ready = from->time;
              ticks_at_ready = from->ticks;
            }
        }
    }

  out->first_frame_ms = first_frame >= 0 ? (first_frame - start) / 1000.0 : -1;
  out->ready_ms = (ready - start) / 1000.0;
  out->cpu_ms = ticks_at_ready * 1000.0 / ticks_per_s;
  out->peak_rss_mb = read_peak_rss_mb (pid);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  close (err_fd);

  return TRUE;
}

/* Runs */

typedef struct
{
  char    *program;   /* "ikou", "floor", "planner" */
  char    *renderer;  /* "default" or a GSK_RENDERER value */
  int      systems;   /* 0 for the floor */
  char    *plan;
  GArray  *figures;
} Config;

static void
config_free (Config *config)
{
  g_free (config->program);
  g_free (config->renderer);
  g_free (config->plan);
  g_array_unref (config->figures);
  g_free (config);
}

static Config *
config_new (const char *program,
            const char *renderer,
            int         systems,
            const char *plan)
{
  Config *config = g_new0 (Config, 1);

  config->program = g_strdup (program);
  config->renderer = g_strdup (renderer);
  config->systems = systems;
  config->plan = g_strdup (plan);
  config->figures = g_array_new (FALSE, FALSE, sizeof (Figures));
  return config;
}

static double
median_of (GArray *figures,
           gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < figures->len; i++)
    {
      const char *f = (const char *) &g_array_index (figures, Figures, i);

      g_array_append_val (values, *(const double *) (f + offset));
    }
  g_array_sort (values, ikou_bench_compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

static void
print_config (Config *config)
{
  g_autoptr(GString) line = g_string_new (NULL);
  double first_frame;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (config->figures->len == 0)
    return;

  g_string_append_printf (line, "{\"bench\": \"startup\", \"program\": \"%s\", "
                          "\"systems\": %d, \"renderer\": \"%s\", \"runs\": %u",
                          config->program, config->systems, config->renderer,
                          config->figures->len);
  first_frame = median_of (config->figures, G_STRUCT_OFFSET (Figures, first_frame_ms));
  if (first_frame >= 0)
    g_string_append_printf (line, ", \"first_frame_ms\": %s",
                            g_ascii_formatd (buf, sizeof buf, "%.0f", first_frame));
  else
    g_string_append (line, ", \"first_frame_ms\": null");
  g_string_append_printf (line, ", \"ready_ms\": %s",
                          g_ascii_formatd (buf, sizeof buf, "%.0f",
                                           median_of (config->figures,
                                                      G_STRUCT_OFFSET (Figures, ready_ms))));
  g_string_append_printf (line, ", \"cpu_ms\": %s",
                          g_ascii_formatd (buf, sizeof buf, "%.0f",
                                           median_of (config->figures,
                                                      G_STRUCT_OFFSET (Figures, cpu_ms))));
  g_string_append_printf (line, ", \"peak_rss_mb\": %s}",
                          g_ascii_formatd (buf, sizeof buf, "%.1f",
                                           median_of (config->figures,
                                                      G_STRUCT_OFFSET (Figures, peak_rss_mb))));
  g_print ("%s\n", line->str);
}

/* A private home (recent files, recovery copies), the same for all. */
static const char *child_home;

static char **
child_environment (const char *renderer)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", child_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", child_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", child_home, TRUE);

  envp = g_environ_setenv (envp, "IKOU_DEBUG_STARTUP", "1", TRUE);
  envp = g_environ_setenv (envp, "IKOU_NO_RECOVERY", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  if (g_str_equal (renderer, "default"))
    envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  else
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);

  return envp;
}

static gboolean
run_config (Config      *config,
            const char  *self_path,
            const char  *ikou_path,
            GError     **error)
{
  g_auto(GStrv) envp = child_environment (config->renderer);
  const char *argv[3] = { NULL, NULL, NULL };
  const char *mark;
  Figures figures = { 0 };

  if (g_str_equal (config->program, "floor"))
    {
      argv[0] = self_path;
      argv[1] = "--floor";
      mark = "floor: first frame";
    }
  else if (g_str_equal (config->program, "planner"))
    {
      argv[0] = "planner";
      argv[1] = config->plan;
      mark = NULL;
    }
  else
    {
      argv[0] = ikou_path;
      argv[1] = config->plan;
      mark = "first frame";
    }

  if (!measure ((char **) argv, envp, mark, &figures, error))
    return FALSE;
  g_array_append_val (config->figures, figures);

  return TRUE;
}

/* Plans */

static char *
make_plan (const char  *dir,
           const char  *generate,
           const char  *sample,
           const char  *ikou,
           int          systems,
           GError     **error)
{
  g_autofree char *n = g_strdup_printf ("%d", systems);
  g_autofree char *name = g_strdup_printf ("plan-%d.ikou", systems);
  char *path = g_build_filename (dir, name, NULL);
  int status = 0;

  if (systems == 0)
    {
      const char *argv[] = { ikou, "import", sample, "--output", path, NULL };

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, error)
          || !g_spawn_check_wait_status (status, error))
        g_clear_pointer (&path, g_free);
    }
  else
    {
      const char *argv[] = { generate, "--systems", n, "--output", path, NULL };

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, error)
          || !g_spawn_check_wait_status (status, error))
        g_clear_pointer (&path, g_free);
    }

  return path;
}

/* The same plan for GNOME Planner: exported to MSPDI by Ikou, converted
 * by Planner's importer stylesheet. */
static char *
make_planner_plan (const char  *ikou_plan,
                   const char  *ikou,
                   GError     **error)
{
  static const char xsl[] = "/usr/share/planner/stylesheets/msp2planner.xsl";
  g_autofree char *base = g_strndup (ikou_plan, strlen (ikou_plan) - strlen (".ikou"));
  g_autofree char *mspdi = g_strconcat (base, ".mspdi.xml", NULL);
  g_autofree char *planner = g_strconcat (base, ".planner", NULL);
  g_autofree char *converted = NULL;
  gsize length = 0;
  const char *export_argv[] = { ikou, "export", ikou_plan, "--output", mspdi, "--force", NULL };
  const char *xslt_argv[] = { "xsltproc", "--nonet", xsl, mspdi, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) export_argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error)
      || !g_spawn_check_wait_status (status, error))
    return NULL;
  if (!g_spawn_sync (NULL, (char **) xslt_argv, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &converted, NULL, &status, error)
      || !g_spawn_check_wait_status (status, error))
    return NULL;
  length = strlen (converted);
  if (!g_file_set_contents (planner, converted, length, error))
    return NULL;

  return g_steal_pointer (&planner);
}

/* The plans and the private home. */
static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static gboolean
parse_list (const char  *text,
            GStrv       *out,
            GError     **error)
{
  *out = g_strsplit (text, ",", -1);
  if (g_strv_length (*out) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "an empty list");
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) configs = g_ptr_array_new_with_free_func ((GDestroyNotify) config_free);
  g_autofree char *ikou = g_strdup (IKOU_BENCH_IKOU);
  g_autofree char *generate = g_strdup (IKOU_BENCH_GENERATE);
  g_autofree char *sample = g_strdup (IKOU_BENCH_SAMPLE);
  g_autofree char *sizes_text = g_strdup ("sample,200,2000,34592");
  g_autofree char *renderers_text = g_strdup ("default,cairo");
  g_autofree char *self_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *home = NULL;
  g_auto(GStrv) sizes = NULL;
  g_auto(GStrv) renderers = NULL;
  gboolean floor_only = FALSE;
  gboolean planner = FALSE;
  int planner_max = 200;
  int runs = 3;
  GOptionEntry entries[] = {
    { "floor", 0, 0, G_OPTION_ARG_NONE, &floor_only,
      "Only show the bare window (the floor) and print its first frame", NULL },
    { "ikou", 0, 0, G_OPTION_ARG_FILENAME, &ikou, "The ikou program", "PATH" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Plans: \"sample\" and numbers of systems (default sample,200,2000,34592)", "N,N,…" },
    { "renderers", 0, 0, G_OPTION_ARG_STRING, &renderers_text,
      "GSK renderers (default default,cairo; \"default\" leaves GSK_RENDERER unset)", "R,R,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (default 3)", "N" },
    { "planner", 0, 0, G_OPTION_ARG_NONE, &planner,
      "Also measure GNOME Planner on the same plans", NULL },
    { "planner-max", 0, 0, G_OPTION_ARG_INT, &planner_max,
      "The largest plan given to Planner (default 200: Planner's importer stylesheet takes minutes on 2,000)", "N" },
    { NULL }
  };

  if (!ikou_bench_parse_options (&argc, &argv, "ikou-bench-startup", "- window start-up figures",
                                 entries))
    return 2;
  if (!parse_list (sizes_text, &sizes, &error) || !parse_list (renderers_text, &renderers, &error))
    {
      g_printerr ("ikou-bench-startup: %s\n", error->message);
      return 2;
    }

  if (floor_only)
    return run_floor ();

  if (runs < 1)
    runs = 1;
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);
  if (planner && (g_find_program_in_path ("planner") == NULL
                  || g_find_program_in_path ("xsltproc") == NULL
                  || !g_file_test ("/usr/share/planner/stylesheets/msp2planner.xsl",
                                   G_FILE_TEST_EXISTS)))
    {
      g_printerr ("ikou-bench-startup: GNOME Planner (planner, xsltproc) is not installed; "
                  "measuring Ikou alone\n");
      planner = FALSE;
    }

  tmp = g_dir_make_tmp ("ikou-bench-startup-XXXXXX", &error);
  if (tmp == NULL)
    {
      g_printerr ("ikou-bench-startup: %s\n", error->message);
      return 1;
    }

  home = g_build_filename (tmp, "home", NULL);
  g_mkdir (home, 0700);
  child_home = home;

  for (guint r = 0; renderers[r] != NULL; r++)
    g_ptr_array_add (configs, config_new ("floor", renderers[r], 0, NULL));

  for (guint s = 0; sizes[s] != NULL; s++)
    {
      gboolean is_sample = g_str_equal (sizes[s], "sample");
      int systems = is_sample ? 0 : atoi (sizes[s]);
      g_autofree char *plan = NULL;
      int n_systems = systems;

      if (!is_sample && (systems < 1 || systems > 1000000))
        {
          g_printerr ("ikou-bench-startup: %s: not a number of systems\n", sizes[s]);
          return 2;
        }
      plan = make_plan (tmp, generate, sample, ikou, systems, &error);
      if (plan == NULL)
        {
          g_printerr ("ikou-bench-startup: %s\n", error->message);
          return 1;
        }
      if (is_sample)
        {
          g_autoptr(IkouPlan) loaded = ikou_store_load (plan, &error);

          if (loaded == NULL)
            {
              g_printerr ("ikou-bench-startup: %s\n", error->message);
              return 1;
            }
          n_systems = (int) ikou_plan_get_n_systems (loaded);
        }
      for (guint r = 0; renderers[r] != NULL; r++)
        g_ptr_array_add (configs, config_new ("ikou", renderers[r], n_systems, plan));
      if (planner && n_systems <= planner_max)
        {
          g_autofree char *planner_plan = make_planner_plan (plan, ikou, &error);

          if (planner_plan == NULL)
            {
              g_printerr ("ikou-bench-startup: %s\n", error->message);
              return 1;
            }
          g_ptr_array_add (configs, config_new ("planner", "default", n_systems, planner_plan));
        }
    }

  /* Alternate: one run of each, then again. */
  for (int run = 0; run < runs; run++)
    for (guint i = 0; i < configs->len; i++)
      if (!run_config (g_ptr_array_index (configs, i), self_path, ikou, &error))
        {
          g_printerr ("ikou-bench-startup: %s\n", error->message);
          return 1;
        }

  for (guint i = 0; i < configs->len; i++)
    print_config (g_ptr_array_index (configs, i));

  remove_tree (tmp);

  return 0;
}

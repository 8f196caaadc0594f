/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

/* ikou-bench-window [--systems N] [--frames N]
 *
 * In-window figures on a generated plan (default 34,592 systems), run
 * under a display (tests/bench/startup.sh --window runs it under
 * xvfb-run), measured through the window's own frame clock: the time
 * from ::before-paint to the end of ::after-paint of each frame (update,
 * layout, paint: what GTK does for the frame in this process).
 *
 *   {"bench": "window", "what": "scroll-frame", …}   the list and timeline
 *        scroll by 4 rows a frame (a tick callback moves the adjustment)
 *   {"bench": "window", "what": "drag-step", …}      a cut-over is dragged
 *        by 6 px a frame (the timeline's drag gesture, as in the GUI tests)
 *   {"bench": "window", "what": "open-editor"|"open-findings"|
 *        "reopen-findings"|"open-export", "ms": …}   from the action to the
 *        end of the first frame that shows the editor, the findings panel
 *        (the first time, and again after hiding it) or the export dialog
 *
 * Frame figures give the median, the 95th percentile and the maximum.
 * The renderer is the one Ikou picks (cairo on software OpenGL unless
 * GSK_RENDERER is set).  A developer tool: its messages are not
 * translated. */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-bench-plan.h"
#include "ikou-bench-util.h"
#include "ikou-export-dialog.h"
#include "ikou-gui-test-util.h"
#include "ikou-renderer.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

#define ROWS_PER_SCROLL_FRAME 4
#define DRAG_PX_PER_FRAME     6.0

static IkouApplication *app;

/* Frame probe: the duration of every frame of a clock while on. */

typedef struct
{
  GdkFrameClock *clock;
  GArray        *ms;
  GArray        *cpu_ms;
  gint64         begin;
  gint64         cpu_begin;
  gulong         before_id;
  gulong         after_id;
  guint          painted;
} Probe;

/* CPU time of this thread (GTK's: layout and cairo drawing), in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
probe_before_paint_cb (GdkFrameClock *clock,
                       Probe         *probe)
{
  probe->begin = g_get_monotonic_time ();
  probe->cpu_begin = thread_cpu_us ();
}

static void
probe_after_paint_cb (GdkFrameClock *clock,
                      Probe         *probe)
{
  double ms, cpu_ms;

  if (probe->begin == 0)
    return;
  ms = (g_get_monotonic_time () - probe->begin) / 1000.0;
  cpu_ms = (thread_cpu_us () - probe->cpu_begin) / 1000.0;
  probe->begin = 0;
  probe->painted++;
  if (probe->ms != NULL)
    {
      g_array_append_val (probe->ms, ms);
      g_array_append_val (probe->cpu_ms, cpu_ms);
    }
}

static void
probe_start (Probe     *probe,
             GtkWidget *widget,
             gboolean   record)
{
  memset (probe, 0, sizeof *probe);
  probe->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  probe->ms = record ? g_array_new (FALSE, FALSE, sizeof (double)) : NULL;
  probe->cpu_ms = record ? g_array_new (FALSE, FALSE, sizeof (double)) : NULL;
  probe->before_id = g_signal_connect (probe->clock, "before-paint",
                                       G_CALLBACK (probe_before_paint_cb), probe);
  probe->after_id = g_signal_connect_after (probe->clock, "after-paint",
                                            G_CALLBACK (probe_after_paint_cb), probe);
}

static void
probe_stop (Probe *probe)
{
  g_clear_signal_handler (&probe->before_id, probe->clock);
  g_clear_signal_handler (&probe->after_id, probe->clock);
  g_clear_object (&probe->clock);
  g_clear_pointer (&probe->ms, g_array_unref);
  g_clear_pointer (&probe->cpu_ms, g_array_unref);
}

/* Main loop helpers */

static void
wait_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

/* Lets @n frames of @widget's clock be painted. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  Probe probe;

  wait_mapped (widget);
  probe_start (&probe, widget, FALSE);
  while (probe.painted < n)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  probe_stop (&probe);
}

/* Figures */

/* "median_ms": …, "p95_ms": …, "max_ms": … of @ms (sorted), after @prefix. */
static void
append_spread (GString    *line,
               const char *prefix,
               GArray     *ms)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_array_sort (ms, ikou_bench_compare_doubles);
  g_string_append_printf (line, ", \"%smedian_ms\": %s", prefix,
                          g_ascii_formatd (buf, sizeof buf, "%.2f",
                                           g_array_index (ms, double, ms->len / 2)));
  g_string_append_printf (line, ", \"%sp95_ms\": %s", prefix,
                          g_ascii_formatd (buf, sizeof buf, "%.2f",
                                           g_array_index (ms, double, (ms->len * 95) / 100)));
  g_string_append_printf (line, ", \"%smax_ms\": %s", prefix,
                          g_ascii_formatd (buf, sizeof buf, "%.2f",
                                           g_array_index (ms, double, ms->len - 1)));
}

/* Wall-clock times, and the CPU time of GTK's thread in them (what the
 * frame costs; on a busy machine the wall clock also holds the waiting). */
static void
print_frames (const char *what,
              int         systems,
              const char *renderer,
              Probe      *probe)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_assert (probe->ms->len > 0);
  g_string_append_printf (line, "{\"bench\": \"window\", \"what\": \"%s\", \"systems\": %d, "
                          "\"renderer\": \"%s\", \"frames\": %u",
                          what, systems, renderer, probe->ms->len);
  append_spread (line, "", probe->ms);
  append_spread (line, "cpu_", probe->cpu_ms);
  g_print ("%s}\n", line->str);
}

typedef struct
{
  gint64 wall;
  gint64 cpu;
} Moment;

static Moment
moment_now (void)
{
  Moment now = { g_get_monotonic_time (), thread_cpu_us () };

  return now;
}

static void
print_open (const char *what,
            int         systems,
            const char *renderer,
            Moment      start,
            Moment      end)
{
  char wall[G_ASCII_DTOSTR_BUF_SIZE], cpu[G_ASCII_DTOSTR_BUF_SIZE];

  g_print ("{\"bench\": \"window\", \"what\": \"%s\", \"systems\": %d, \"renderer\": \"%s\", "
           "\"ms\": %s, \"cpu_ms\": %s}\n",
           what, systems, renderer,
           g_ascii_formatd (wall, sizeof wall, "%.1f", (end.wall - start.wall) / 1000.0),
           g_ascii_formatd (cpu, sizeof cpu, "%.1f", (end.cpu - start.cpu) / 1000.0));
}

/* Scrolling */

typedef struct
{
  GtkAdjustment *vadj;
  guint          frames_left;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  double value = gtk_adjustment_get_value (scroll->vadj) + ROWS_PER_SCROLL_FRAME * IKOU_WINDOW_ROW_HEIGHT;

  if (scroll->frames_left == 0)
    return G_SOURCE_REMOVE;
  scroll->frames_left--;
  gtk_adjustment_set_value (scroll->vadj, value);
  return G_SOURCE_CONTINUE;
}

static void
bench_scroll (IkouWindow *window,
              int         systems,
              const char *renderer,
              guint       frames)
{
  Scroll scroll = { 0 };
  Probe probe;

  scroll.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->systems_view));
  gtk_adjustment_set_value (scroll.vadj, 0);
  wait_frames (GTK_WIDGET (window), 3);

  /* A first pass fills GTK's caches (glyphs, row widgets), as any
   * scrolling does after a few frames; the second is measured. */
  for (int pass = 0; pass < 2; pass++)
    {
      scroll.frames_left = frames;
      probe_start (&probe, GTK_WIDGET (window), pass == 1);
      gtk_widget_add_tick_callback (GTK_WIDGET (window), scroll_tick_cb, &scroll, NULL);
      while (scroll.frames_left > 0)
        g_main_context_iteration (NULL, TRUE);
      wait_frames (GTK_WIDGET (window), 2);
      if (pass == 1)
        print_frames ("scroll-frame", systems, renderer, &probe);
      probe_stop (&probe);
    }
}

/* Dragging */

typedef struct
{
  GtkGesture *drag;
  double      dx;
  guint       frames_left;
} Drag;

static gboolean
drag_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  Drag *drag = user_data;

  if (drag->frames_left == 0)
    return G_SOURCE_REMOVE;
  drag->frames_left--;
  /* Right for half the frames, then back. */
  drag->dx += (drag->frames_left / 20) % 2 == 0 ? DRAG_PX_PER_FRAME : -DRAG_PX_PER_FRAME;
  g_signal_emit_by_name (drag->drag, "drag-update", drag->dx, 0.0);
  return G_SOURCE_CONTINUE;
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkGesture *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        found = GTK_GESTURE (c);
    }
  g_object_unref (controllers);

  return found;
}

static void
bench_drag (IkouWindow *window,
            int         systems,
            const char *renderer,
            guint       frames)
{
  IkouTimeline *timeline = IKOU_TIMELINE (window->timeline);
  IkouRenderer *r = ikou_timeline_get_renderer (timeline);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->systems_view));
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  Drag drag = { 0 };
  Probe probe;
  guint row = 0;
  IkouSystem *system = NULL;
  const IkouStep *step = NULL;
  double x, y;

  drag.drag = find_drag_gesture (window->timeline);
  g_assert_nonnull (drag.drag);

  /* The first row in view with a cut-over, in the middle of the list. */
  gtk_adjustment_set_value (vadj, (systems / 2) * IKOU_WINDOW_ROW_HEIGHT);
  wait_frames (GTK_WIDGET (window), 3);
  row = (guint) (gtk_adjustment_get_value (vadj) / IKOU_WINDOW_ROW_HEIGHT) + 1;
  for (; row < (guint) systems; row++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (window->selection), row);

      system = IKOU_SYSTEM (item);
      g_object_unref (item);
      if (ikou_system_get_n_steps (system) > 0
          && ikou_system_get_step (system, 0)->cutover_date != IKOU_DAY_NONE)
        {
          step = ikou_system_get_step (system, 0);
          break;
        }
    }
  g_assert_nonnull (step);

  ikou_timeline_scroll_to_day (timeline, step->cutover_date);
  wait_frames (GTK_WIDGET (window), 3);
  x = ikou_renderer_x_for_day (r, step->cutover_date) - gtk_adjustment_get_value (hadj);
  y = ikou_timeline_get_header_height (timeline)
      + (row + 0.5) * IKOU_WINDOW_ROW_HEIGHT - gtk_adjustment_get_value (vadj);

  g_signal_emit_by_name (drag.drag, "drag-begin", x, y);
  g_assert_true (ikou_timeline_is_dragging (timeline));
  drag.frames_left = frames;
  probe_start (&probe, GTK_WIDGET (window), TRUE);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), drag_tick_cb, &drag, NULL);
  while (drag.frames_left > 0)
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (window), 1);
  print_frames ("drag-step", systems, renderer, &probe);
  probe_stop (&probe);

  /* Back where it was, and the drag ends. */
  g_signal_emit_by_name (drag.drag, "drag-update", 0.0, 0.0);
  g_signal_emit_by_name (drag.drag, "drag-end", 0.0, 0.0);
  wait_frames (GTK_WIDGET (window), 2);
}

/* Opening */

/* The end of the first frame of @widget painted after @widget is mapped. */
static Moment
wait_until_shown (GtkWidget *widget)
{
  Probe probe;
  Moment end;

  wait_mapped (widget);
  probe_start (&probe, widget, FALSE);
  while (probe.painted == 0)
    g_main_context_iteration (NULL, TRUE);
  end = moment_now ();
  probe_stop (&probe);

  return end;
}

static GtkWidget *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (IKOU_IS_EXPORT_DIALOG (toplevel))
        found = GTK_WIDGET (toplevel);
    }

  return found;
}

static void
bench_open (IkouWindow *window,
            int         systems,
            const char *renderer)
{
  GtkWidget *dialog;
  Moment start;

  gtk_single_selection_set_selected (window->selection, 3);
  wait_frames (GTK_WIDGET (window), 3);

  start = moment_now ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-editor", NULL));
  print_open ("open-editor", systems, renderer, start,
              wait_until_shown (gtk_revealer_get_child (window->editor_revealer)));
  ikou_gui_test_wait_ms (400);

  start = moment_now ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL));
  print_open ("open-findings", systems, renderer, start,
              wait_until_shown (gtk_revealer_get_child (window->findings_revealer)));
  ikou_gui_test_wait_ms (400);

  /* Hidden and shown again: its rows stay, they are laid out and drawn
   * again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL));
  ikou_gui_test_wait_ms (400);
  start = moment_now ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-findings", NULL));
  print_open ("reopen-findings", systems, renderer, start,
              wait_until_shown (gtk_revealer_get_child (window->findings_revealer)));
  ikou_gui_test_wait_ms (400);

  start = moment_now ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  print_open ("open-export", systems, renderer, start, wait_until_shown (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ikou_gui_test_wait_ms (200);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *tmp_home = NULL;
  const char *renderer;
  IkouWindow *window;
  int systems = IKOU_BENCH_NATIONAL_SYSTEMS;
  int frames = 120;
  GOptionEntry entries[] = {
    { "systems", 'n', 0, G_OPTION_ARG_INT, &systems,
      "Systems in the generated plan (default 34592)", "N" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames,
      "Frames of scrolling and of dragging (default 120)", "N" },
    { NULL }
  };

  if (!ikou_bench_parse_options (&argc, &argv, "ikou-bench-window", "- in-window frame figures",
                                 entries))
    return 2;
  if (systems < 100 || systems > 1000000 || frames < 10 || frames > 100000)
    {
      g_printerr ("ikou-bench-window: --systems 100…1000000, --frames 10…100000\n");
      return 2;
    }

  /* A private home: recent files, recovery copies, settings. */
  tmp_home = g_dir_make_tmp ("ikou-bench-window-XXXXXX", &error);
  if (tmp_home == NULL)
    {
      g_printerr ("ikou-bench-window: %s\n", error->message);
      return 1;
    }
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);

  plan = ikou_bench_generate_plan ((guint) systems, 0, 1);

  app = ikou_application_new (G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("ikou-bench-window: %s\n", error->message);
      return 1;
    }
  g_application_hold (G_APPLICATION (app));
  renderer = g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "gl";

  window = ikou_window_new (GTK_APPLICATION (app), ikou_application_get_context (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ikou_window_set_document (window, plan, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 5);

  bench_scroll (window, systems, renderer, (guint) frames);
  bench_drag (window, systems, renderer, (guint) frames);
  bench_open (window, systems, renderer);

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_rmdir (tmp_home);

  return 0;
}

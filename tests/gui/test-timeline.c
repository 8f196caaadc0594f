/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ikou-calendar.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-renderer.h"
#include "ikou-timeline.h"
#include "ikou-gui-test-util.h"
#include "ikou-test-util.h"

typedef struct
{
  GtkWindow          *window;
  IkouTimeline       *timeline;
  IkouPlan           *plan;
  IkouSchedule       *schedule;
  GtkSingleSelection *selection;
  GtkGesture         *drag;
  guint               n_edited;
  IkouSystem         *edited_system;
  guint               edited_index;
  IkouStep           *edited_old;
} Fixture;

static IkouDay
ymd (int y, int m, int d)
{
  return ikou_day_from_ymd (y, m, d);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
wait_for_size (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  wait_ms (100);
}

static void
step_edited_cb (IkouTimeline *timeline,
                IkouSystem   *system,
                guint         index,
                IkouStep     *old_step,
                Fixture      *f)
{
  f->n_edited++;
  f->edited_system = system;
  f->edited_index = index;
  g_clear_pointer (&f->edited_old, ikou_step_free);
  f->edited_old = ikou_step_copy (old_step);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GListModel *controllers;

  f->plan = ikou_test_plan_new_two_hosts ();
  ikou_test_add_system (f->plan, "戸籍システム", 1, 2, ymd (2024, 10, 1), ymd (2025, 4, 1), ymd (2026, 1, 1));
  ikou_test_add_system (f->plan, "介護保険システム", 1, 2, ymd (2024, 9, 1), ymd (2025, 7, 1), ymd (2026, 7, 1));
  ikou_test_add_system (f->plan, "選挙事務システム", 1, 2, ymd (2024, 11, 1), ymd (2025, 5, 1), ymd (2025, 10, 1));
  f->schedule = ikou_test_load_schedule ();

  f->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (f->plan)));
  f->timeline = IKOU_TIMELINE (ikou_timeline_new ());
  ikou_timeline_set_plan (f->timeline, f->plan);
  ikou_timeline_set_schedule (f->timeline, f->schedule);
  ikou_timeline_set_selection (f->timeline, f->selection);
  ikou_timeline_set_today (f->timeline, ymd (2025, 6, 15));
  ikou_timeline_set_row_height (f->timeline, 32);
  g_signal_connect (f->timeline, "step-edited", G_CALLBACK (step_edited_cb), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 420);
  gtk_window_set_child (f->window, GTK_WIDGET (f->timeline));
  gtk_window_present (f->window);
  wait_for_size (GTK_WIDGET (f->timeline));

  ikou_timeline_scroll_to_day (f->timeline, ymd (2025, 9, 1));
  wait_ms (50);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->timeline));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        f->drag = GTK_GESTURE (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (f->drag);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->timeline);
  gtk_window_destroy (f->window);
  wait_ms (20);
  g_assert_finalize_object (f->timeline);
  g_clear_pointer (&f->edited_old, ikou_step_free);
  g_clear_object (&f->selection);
  g_clear_object (&f->schedule);
  g_assert_finalize_object (f->plan);
}

static double
scroll_x (Fixture *f)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline)));
}

static double
x_for (Fixture *f,
       IkouDay  day)
{
  return ikou_renderer_x_for_day (ikou_timeline_get_renderer (f->timeline), day) - scroll_x (f);
}

static double
y_for_row (Fixture *f,
           guint    row)
{
  IkouRenderer *r = ikou_timeline_get_renderer (f->timeline);

  return ikou_renderer_get_header_height (r) + (row + 0.5) * ikou_renderer_get_row_height (r);
}

static void
emit_drag (Fixture *f,
           double   x,
           double   y,
           double   dx,
           gboolean end)
{
  g_signal_emit_by_name (f->drag, "drag-begin", x, y);
  g_signal_emit_by_name (f->drag, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (f->drag, "drag-update", dx, 0.0);
  if (end)
    g_signal_emit_by_name (f->drag, "drag-end", dx, 0.0);
}

static const IkouStep *
step_of (Fixture *f,
         guint    row)
{
  return ikou_system_get_step (ikou_plan_get_system (f->plan, row), 0);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *root = g_getenv ("IKOU_BUILD_ROOT");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  dir = g_build_filename (root ? root : ".", "tests", "artifacts", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
  cairo_surface_destroy (surface);
}

/* Moving the cut-over from 2026-01-01 across the deadline (2026-03-31):
 * it snaps to 2026-04-01, is applied live, and one ::step-edited carries
 * the old step. */
static void
test_drag_cutover (Fixture       *f,
                   gconstpointer  data)
{
  double x0 = x_for (f, ymd (2026, 1, 1));
  double dx = x_for (f, ymd (2026, 4, 9)) - x0;   /* nearest month start: 04-01 */

  g_assert_cmpfloat (x0, >, 0);
  g_assert_cmpfloat (x0 + dx, <, gtk_widget_get_width (GTK_WIDGET (f->timeline)));

  emit_drag (f, x0 + 3, y_for_row (f, 0), dx, FALSE);
  /* Live, before the drag ends; the popover shows the date. */
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 4, 1));
  g_assert_cmpint (ikou_timeline_get_drag_day (f->timeline), ==, ymd (2026, 4, 1));
  g_assert_cmpuint (f->n_edited, ==, 0);
  wait_ms (50);

  g_signal_emit_by_name (f->drag, "drag-end", dx, 0.0);
  g_assert_cmpuint (f->n_edited, ==, 1);
  g_assert_true (f->edited_system == ikou_plan_get_system (f->plan, 0));
  g_assert_cmpuint (f->edited_index, ==, 0);
  g_assert_cmpint (f->edited_old->cutover_date, ==, ymd (2026, 1, 1));
  g_assert_cmpint (f->edited_old->contract_date, ==, ymd (2025, 4, 1));
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 4, 1));
  g_assert_cmpint (step_of (f, 0)->contract_date, ==, ymd (2025, 4, 1));
  g_assert_cmpint (ikou_timeline_get_drag_day (f->timeline), ==, IKOU_DAY_NONE);

  /* The press selected the row and the milestone. */
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 0);
  {
    int step;
    IkouMilestone m;

    g_assert_true (ikou_timeline_get_selected_milestone (f->timeline, NULL, &step, &m));
    g_assert_cmpint (step, ==, 0);
    g_assert_cmpint (m, ==, IKOU_MILESTONE_CUTOVER);
  }

  wait_ms (50);
  save_screenshot (GTK_WIDGET (f->window), "test-timeline.png");
}

/* The timeline as drawn now, in pixels. */
static cairo_surface_t *
draw_timeline (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  /* The widget's own drawing, as GTK asks for it at a frame. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* During a drag each step redraws the dragged row alone over the view
 * drawn at the first step: the same pixels as the whole view drawn anew
 * (which a scroll there and back makes it do). */
static void
test_drag_redraws_row (Fixture       *f,
                       gconstpointer  data)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  double x0 = x_for (f, ymd (2026, 1, 1));
  double dx = x_for (f, ymd (2026, 4, 9)) - x0;
  double value;
  cairo_surface_t *stepped, *whole;
  int stride, h;

  emit_drag (f, x0 + 3, y_for_row (f, 0), dx / 2, FALSE);
  ikou_gui_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_signal_emit_by_name (f->drag, "drag-update", dx, 0.0);
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 4, 1));
  stepped = draw_timeline (f);

  value = gtk_adjustment_get_value (hadj);
  gtk_adjustment_set_value (hadj, value + 1);
  gtk_adjustment_set_value (hadj, value);
  whole = draw_timeline (f);

  stride = cairo_image_surface_get_stride (whole);
  h = cairo_image_surface_get_height (whole);
  g_assert_cmpint (cairo_image_surface_get_stride (stepped), ==, stride);
  g_assert_true (memcmp (cairo_image_surface_get_data (stepped),
                         cairo_image_surface_get_data (whole), (gsize) stride * h) == 0);
  cairo_surface_destroy (stepped);
  cairo_surface_destroy (whole);

  g_signal_emit_by_name (f->drag, "drag-end", dx, 0.0);
  g_assert_cmpuint (f->n_edited, ==, 1);
}

/* The header node of the timeline's drawing now (a new reference). */
static GskRenderNode *
header_node (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* The body, then the header over it. */
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (node), >=, 2);
  return gsk_render_node_ref (gsk_container_node_get_child (node, 1));
}

/* The timeline's pixels are the renderer's whole view drawn in one go. */
static void
assert_draws_as_renderer (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_surface_t *drawn = draw_timeline (f);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (whole);
  int stride = cairo_image_surface_get_stride (whole);

  ikou_renderer_draw (ikou_timeline_get_renderer (f->timeline), cr,
                      gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget))),
                      gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget))),
                      w, h);
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  g_assert_cmpint (cairo_image_surface_get_stride (drawn), ==, stride);
  g_assert_true (memcmp (cairo_image_surface_get_data (drawn),
                         cairo_image_surface_get_data (whole), (gsize) stride * h) == 0);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (whole);
}

/* The header is drawn again only when it shows something else: a change
 * of the rows alone keeps the header's node (GTK does not repaint it),
 * and after every change the pixels are those of the whole view. */
static void
test_header_kept (Fixture       *f,
                  gconstpointer  data)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  g_autoptr(GskRenderNode) first = header_node (f);
  g_autoptr(GskRenderNode) same = NULL;
  g_autoptr(GskRenderNode) today = NULL;
  g_autoptr(GskRenderNode) zoomed = NULL;
  g_autoptr(GskRenderNode) scrolled = NULL;

  /* (Drawing the whole view to an image surface in between would be
   * another target for text, which does change the header.) */
  gtk_single_selection_set_selected (f->selection, 2);
  same = header_node (f);
  g_assert_true (same == first);
  assert_draws_as_renderer (f);

  ikou_timeline_set_today (f->timeline, ymd (2025, 12, 1));
  today = header_node (f);
  g_assert_true (today != first);
  assert_draws_as_renderer (f);

  ikou_timeline_set_zoom (f->timeline, IKOU_ZOOM_MONTH);
  zoomed = header_node (f);
  g_assert_true (zoomed != today);
  assert_draws_as_renderer (f);

  gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + 37);
  scrolled = header_node (f);
  g_assert_true (scrolled != zoomed);
  assert_draws_as_renderer (f);
}

static void
test_drag_cancel (Fixture       *f,
                  gconstpointer  data)
{
  double x0 = x_for (f, ymd (2026, 1, 1));
  double dx = x_for (f, ymd (2026, 5, 20)) - x0;

  emit_drag (f, x0, y_for_row (f, 0), dx, FALSE);
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 6, 1));

  /* Esc (bound to this action) restores the step; the end does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.cancel-drag", NULL));
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 1, 1));
  g_signal_emit_by_name (f->drag, "drag-update", dx + 40, 0.0);
  g_signal_emit_by_name (f->drag, "drag-end", dx + 40, 0.0);
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 1, 1));
  g_assert_cmpuint (f->n_edited, ==, 0);

  /* A press without a move edits nothing. */
  emit_drag (f, x0, y_for_row (f, 0), 0, TRUE);
  g_assert_cmpuint (f->n_edited, ==, 0);
  g_assert_cmpint (step_of (f, 0)->cutover_date, ==, ymd (2026, 1, 1));
}

static void
test_drag_bar (Fixture       *f,
               gconstpointer  data)
{
  /* Row 1's build bar (2025-07-01 → 2026-07-01), two months later. */
  double x = x_for (f, ymd (2025, 12, 1));
  double dx = x_for (f, ymd (2026, 2, 3)) - x_for (f, ymd (2025, 12, 1));

  emit_drag (f, x, y_for_row (f, 1), dx, TRUE);
  g_assert_cmpuint (f->n_edited, ==, 1);
  g_assert_cmpint (step_of (f, 1)->contract_date, ==, ymd (2025, 9, 1));
  g_assert_cmpint (step_of (f, 1)->cutover_date, ==, ymd (2026, 9, 1));
  g_assert_cmpint (f->edited_old->contract_date, ==, ymd (2025, 7, 1));
  g_assert_cmpint (f->edited_old->cutover_date, ==, ymd (2026, 7, 1));
  g_assert_cmpint (step_of (f, 1)->budget_date, ==, ymd (2024, 9, 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 1);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  double x = x_for (f, ymd (2025, 5, 1));

  /* Nothing selected yet: Alt+→ edits nothing (the action is disabled,
   * so the key goes on to the window). */
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move-later", NULL);
  g_assert_cmpuint (f->n_edited, ==, 0);

  /* Click the ◆ contract of row 2, then Alt+→ twice and Alt+← once. */
  emit_drag (f, x, y_for_row (f, 2), 0, TRUE);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move-later", NULL));
  g_assert_cmpuint (f->n_edited, ==, 1);
  g_assert_cmpint (f->edited_old->contract_date, ==, ymd (2025, 5, 1));
  g_assert_cmpint (step_of (f, 2)->contract_date, ==, ymd (2025, 6, 1));
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move-later", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move-earlier", NULL);
  g_assert_cmpuint (f->n_edited, ==, 3);
  g_assert_cmpint (step_of (f, 2)->contract_date, ==, ymd (2025, 6, 1));
  g_assert_cmpint (f->edited_old->contract_date, ==, ymd (2025, 7, 1));

  /* Selecting another row drops the milestone selection. */
  gtk_single_selection_set_selected (f->selection, 0);
  g_assert_false (ikou_timeline_get_selected_milestone (f->timeline, NULL, NULL, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.move-later", NULL);
  g_assert_cmpuint (f->n_edited, ==, 3);
}

static void
test_zoom_keeps_centre (Fixture       *f,
                        gconstpointer  data)
{
  IkouRenderer *r = ikou_timeline_get_renderer (f->timeline);
  double width = gtk_widget_get_width (GTK_WIDGET (f->timeline));
  IkouDay centre = ikou_renderer_day_for_x (r, scroll_x (f) + width / 2);

  ikou_timeline_set_zoom (f->timeline, IKOU_ZOOM_FISCAL_YEAR);
  wait_ms (30);
  g_assert_cmpint (ikou_timeline_get_zoom (f->timeline), ==, IKOU_ZOOM_FISCAL_YEAR);
  g_assert_cmpint (abs (ikou_renderer_day_for_x (r, scroll_x (f) + width / 2) - centre), <=, 5);
  ikou_timeline_set_zoom (f->timeline, IKOU_ZOOM_QUARTER);
  wait_ms (30);
  g_assert_cmpint (abs (ikou_renderer_day_for_x (r, scroll_x (f) + width / 2) - centre), <=, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.zoom-in", NULL));
  wait_ms (30);
  g_assert_cmpint (ikou_timeline_get_zoom (f->timeline), ==, IKOU_ZOOM_MONTH);
  g_assert_cmpint (abs (ikou_renderer_day_for_x (r, scroll_x (f) + width / 2) - centre), <=, 1);
}

static void
test_adjustments (Fixture       *f,
                  gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->timeline));
  IkouRenderer *r = ikou_timeline_get_renderer (f->timeline);
  double height = gtk_widget_get_height (GTK_WIDGET (f->timeline));
  GtkAdjustment *shared;

  /* Standalone: both configured by the timeline. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), ==, ikou_renderer_get_content_width (r));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (h), ==, gtk_widget_get_width (GTK_WIDGET (f->timeline)));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (v), ==, height - ikou_renderer_get_header_height (r));

  /* A shared adjustment (the list's) is read, never configured. */
  shared = gtk_adjustment_new (32, 0, 3200, 10, 100, 250);
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (f->timeline), shared);
  gtk_widget_queue_allocate (GTK_WIDGET (f->timeline));
  wait_ms (50);
  g_assert_true (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->timeline)) == shared);
  g_assert_cmpfloat (gtk_adjustment_get_upper (shared), ==, 3200);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (shared), ==, 250);

  /* Its value scrolls the rows: row 1 is now at the top. */
  {
    IkouHit hit;
    double x = x_for (f, ymd (2025, 7, 1));

    g_assert_true (ikou_renderer_hit_test (r, scroll_x (f), gtk_adjustment_get_value (shared), x,
                                           y_for_row (f, 0), &hit));
    g_assert_cmpuint (hit.row, ==, 1);
    emit_drag (f, x, y_for_row (f, 0), 0, TRUE);
    g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  ikou_gui_test_watch_warnings ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/drag-cutover", test_drag_cutover);
  ADD ("/timeline/drag-redraws-row", test_drag_redraws_row);
  ADD ("/timeline/drag-cancel", test_drag_cancel);
  ADD ("/timeline/header-kept", test_header_kept);
  ADD ("/timeline/drag-bar", test_drag_bar);
  ADD ("/timeline/keyboard", test_keyboard);
  ADD ("/timeline/zoom", test_zoom_keeps_centre);
  ADD ("/timeline/adjustments", test_adjustments);
#undef ADD

  return g_test_run ();
}

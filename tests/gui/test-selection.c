/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-bulk-editor.h"
#include "ikou-calendar.h"
#include "ikou-i18n.h"
#include "ikou-error.h"
#include "ikou-test-util.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"
#include "gui-test.h"
#include "ikou-gui-test-util.h"

/* Many systems at once in the window under Xvfb: the selection the list
 * and the roadmap share (Ctrl/Shift-clicks as the list makes them, Ctrl+A
 * within a search), "select all that match", a shift of the selection
 * and its undo, the editor of several systems, dragging one of several
 * selected bars, and screenshots (tests/artifacts/selection-<lang>-*.png).
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang = "en";

static char *
artifact_path (const char *what)
{
  g_autofree char *dir = g_build_filename (g_getenv ("IKOU_BUILD_ROOT"), "tests", "artifacts", NULL);
  g_autofree char *name = g_strdup_printf ("selection-%s-%s.png", lang, what);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* The list's own view, whose "list.select-item" a click runs. */
static GtkWidget *
list_view_of (IkouWindow *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->systems_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  g_assert_not_reached ();
}

/* A click on row @position: plain, with Ctrl (@modify) or Shift (@extend). */
static void
click_row (IkouWindow *window,
           guint       position,
           gboolean    modify,
           gboolean    extend)
{
  g_assert_true (gtk_widget_activate_action (list_view_of (window), "list.select-item", "(ubb)",
                                             position, modify, extend));
}

static IkouSystem *
current (IkouWindow *window)
{
  return gtk_single_selection_get_selected_item (ikou_window_get_selection (window));
}

/* Every milestone of every system, as a flat array of days. */
static GArray *
all_days (IkouPlan *plan)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (IkouDay));

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      for (guint s = 0; s < ikou_system_get_n_steps (system); s++)
        for (IkouMilestone m = 0; m < IKOU_N_MILESTONES; m++)
          {
            IkouDay day = ikou_step_get_milestone (ikou_system_get_step (system, s), m);

            g_array_append_val (days, day);
          }
    }
  return days;
}

static void
assert_days_equal (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (IkouDay), b->data, b->len * sizeof (IkouDay));
}

static void
test_clicks (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  GListModel *rows = G_LIST_MODEL (ikou_window_get_selection (window));
  guint n_rows = g_list_model_get_n_items (rows);
  g_autoptr(IkouSystem) third = g_list_model_get_item (rows, 2);
  g_autoptr(GPtrArray) selected = NULL;

  g_assert_cmpuint (n_rows, ==, 17);
  click_row (window, 0, FALSE, FALSE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 1);
  g_assert_true (gtk_stack_get_visible_child (window->editor_stack) == window->system_editor);

  /* Ctrl-click adds a row; the clicked one is the current one. */
  click_row (window, 2, TRUE, FALSE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 2);
  g_assert_true (current (window) == third);
  g_assert_true (gtk_stack_get_visible_child (window->editor_stack) == window->bulk_editor);

  /* Shift-click: the range from the current row. */
  click_row (window, 5, FALSE, TRUE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 4);
  selected = _ikou_window_dup_selected_systems (window);
  g_assert_cmpuint (selected->len, ==, 4);

  /* Ctrl-click on a selected row takes it out. */
  click_row (window, 3, TRUE, FALSE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 3);

  /* A plain click (or the roadmap, or the keys) selects one again. */
  click_row (window, 7, FALSE, FALSE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 1);
  gtk_single_selection_set_selected (ikou_window_get_selection (window), 9);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (window->multi), 9));
  g_assert_true (gtk_stack_get_visible_child (window->editor_stack) == window->system_editor);

  /* Ctrl+A (the window's, as in the roadmap) selects every row shown;
   * Ctrl+Shift+A none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL));
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, n_rows);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-none", NULL));
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 0);
  g_assert_null (current (window));

  gui_test_close_window (window);
}

/* Delete and Duplicate take every selected system, as one undo step;
 * the deletion's toast says how many. */
static void
test_delete_several (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  guint n = ikou_plan_get_n_systems (plan);

  click_row (window, 1, FALSE, FALSE);
  click_row (window, 3, TRUE, FALSE);
  click_row (window, 4, TRUE, FALSE);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-system", NULL));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n - 3);
  g_assert_nonnull (window->delete_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (window->delete_toast), "3"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n);

  /* Duplicate too: a copy after each, the copies selected, one undo. */
  click_row (window, 1, FALSE, FALSE);
  click_row (window, 3, TRUE, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-system", NULL));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n + 2);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n);
  gui_test_close_window (window);
}

static void
test_filter_shift_undo (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouHistory *history = ikou_window_get_history (window);
  IkouDocument *document = ikou_window_get_document (window);
  const char *department = "保健所総務課";
  g_autofree char *filter = g_strdup_printf ("department=%s", department);
  const char *filters[] = { filter, NULL };
  const char *bad[] = { "colour=red", NULL };
  g_autoptr(GArray) before = all_days (plan);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = artifact_path ("shifted");
  guint n_match = 0;
  IkouScenario *scenario;

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    n_match += g_strcmp0 (ikou_system_get_department (ikou_plan_get_system (plan, i)), department) == 0;
  g_assert_cmpuint (n_match, >, 1);

  /* A bad filter: a message, the selection as it was. */
  g_assert_false (_ikou_window_select_matching (window, bad, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  /* Matching within a search: the search goes so that all show. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzzz-nothing");
  g_assert_true (_ikou_window_select_matching (window, filters, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, n_match);
  selected = _ikou_window_dup_selected_systems (window);
  for (guint i = 0; i < selected->len; i++)
    g_assert_cmpstr (ikou_system_get_department (g_ptr_array_index (selected, i)), ==, department);
  g_assert_true (gtk_stack_get_visible_child (window->editor_stack) == window->bulk_editor);
  {
    g_autofree char *shared = ikou_bulk_editor_dup_value (IKOU_BULK_EDITOR (window->bulk_editor),
                                                          "department");

    g_assert_cmpstr (shared, ==, department);
  }

  /* Shift them all six months: one undo step. */
  g_assert_true (_ikou_window_shift_selection (window, 6, IKOU_SHIFT_ALL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) after = all_days (plan);
    guint k = 0, moved = 0;

    for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
      {
        IkouSystem *system = ikou_plan_get_system (plan, i);
        gboolean in = g_strcmp0 (ikou_system_get_department (system), department) == 0;

        for (guint s = 0; s < ikou_system_get_n_steps (system); s++)
          for (IkouMilestone m = 0; m < IKOU_N_MILESTONES; m++, k++)
            {
              IkouDay was = g_array_index (before, IkouDay, k);
              IkouDay now = g_array_index (after, IkouDay, k);

              g_assert_cmpint (now, ==, in && was != IKOU_DAY_NONE ? ikou_day_add_months (was, 6) : was);
              moved += now != was;
            }
      }
    g_assert_cmpuint (moved, >, 0);
  }
  _ikou_window_flush_checks (window);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (ikou_history_can_undo (history));
  {
    g_autoptr(GArray) after = all_days (plan);

    assert_days_equal (after, before);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* In a scenario the baseline stays. */
  scenario = ikou_document_add_scenario (document, "wave 2", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (document, scenario);
  g_assert_true (_ikou_window_shift_selection (window, -3, IKOU_SHIFT_CUTOVER, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) after = all_days (plan);

    assert_days_equal (after, before);
  }
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);

  gui_test_close_window (window);
}

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget))
    {
      g_ptr_array_add (entries, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

static void
test_bulk_editor (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouBulkEditor *editor = IKOU_BULK_EDITOR (window->bulk_editor);
  g_autoptr(GPtrArray) some = g_ptr_array_new ();
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkEntry *vendor = NULL;
  g_autofree char *value = NULL;
  g_autofree char *path = artifact_path ("editor");

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (some, ikou_plan_get_system (plan, i * 3));
  _ikou_window_select_systems (window, some);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 5);
  g_object_set (window, "show-editor", TRUE, NULL);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);

  /* Differing departments show as mixed; one vendor for all is one undo
   * step. */
  value = ikou_bulk_editor_dup_value (editor, "department");
  g_assert_null (value);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), path);
  /* The editor's entries: the department's, then the vendor's. */
  collect_entries (GTK_WIDGET (editor), entries);
  g_assert_cmpuint (entries->len, ==, 2);
  vendor = g_ptr_array_index (entries, 1);
  gtk_editable_set_text (GTK_EDITABLE (vendor), "共同ベンダー");
  g_signal_emit_by_name (vendor, "activate");
  selected = _ikou_window_dup_selected_systems (window);
  for (guint i = 0; i < selected->len; i++)
    g_assert_cmpstr (ikou_system_get_vendor (g_ptr_array_index (selected, i)), ==, "共同ベンダー");
  g_clear_pointer (&value, g_free);
  value = ikou_bulk_editor_dup_value (editor, "vendor");
  g_assert_cmpstr (value, ==, "共同ベンダー");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (ikou_history_can_undo (ikou_window_get_history (window)));
  g_assert_cmpstr (ikou_system_get_vendor (ikou_plan_get_system (plan, 0)), !=, "共同ベンダー");

  /* Passed milestones of the selection: one step. */
  g_assert_cmpuint (_ikou_window_mark_selection_done (window), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (ikou_history_can_undo (ikou_window_get_history (window)));

  gui_test_close_window (window);
}

/* Dragging one of several selected marks moves them all, one undo step. */
static void
test_drag_several (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouTimeline *timeline = IKOU_TIMELINE (window->timeline);
  IkouRenderer *renderer = ikou_timeline_get_renderer (timeline);
  GListModel *rows = G_LIST_MODEL (ikou_window_get_selection (window));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window->timeline);
  g_autoptr(GPtrArray) some = g_ptr_array_new ();
  g_autoptr(GArray) before = all_days (plan);
  g_autofree char *path = artifact_path ("roadmap");
  GtkGesture *drag = NULL;
  IkouSystem *grabbed = NULL;
  IkouDay day = IKOU_DAY_NONE;
  guint row = 0;
  double x, y, dx;
  IkouHit hit;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);

  /* Three systems with a cut-over; the first row of them is grabbed. */
  for (guint i = 0; i < g_list_model_get_n_items (rows) && some->len < 3; i++)
    {
      g_autoptr(IkouSystem) system = g_list_model_get_item (rows, i);
      guint n = ikou_system_get_n_steps (system);

      if (n == 0 || ikou_system_get_step (system, n - 1)->cutover_date == IKOU_DAY_NONE)
        continue;
      if (grabbed == NULL)
        {
          grabbed = system;
          row = i;
          day = ikou_system_get_step (system, n - 1)->cutover_date;
        }
      g_ptr_array_add (some, system);
    }
  g_assert_cmpuint (some->len, ==, 3);
  ikou_selection_select_systems (window->multi, some);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 3);

  ikou_timeline_scroll_to_day (timeline, day);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), path);
  x = ikou_renderer_x_for_day (renderer, day) -
      gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline)));
  y = ikou_renderer_get_header_height (renderer) + (row + 0.5) * ikou_renderer_get_row_height (renderer) -
      gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline)));
  g_assert_true (ikou_renderer_hit_test (renderer,
                                         gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline))),
                                         gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline))),
                                         x, y, &hit));
  g_assert_true (hit.system == grabbed);
  g_test_message ("grabbing %s (%s)", ikou_system_get_name (grabbed),
                  hit.kind == IKOU_HIT_MILESTONE ? "a mark" : "a bar");
  /* Three months and a little later. */
  dx = ikou_renderer_x_for_day (renderer, day + 95) - ikou_renderer_x_for_day (renderer, day);

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  /* The group stays selected while it is dragged. */
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 3);
  g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
  g_signal_emit_by_name (drag, "drag-end", dx, 0.0);
  _ikou_window_flush_checks (window);

  for (guint i = 0; i < some->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (some, i);
      guint n = ikou_system_get_n_steps (system);
      guint position = 0;
      IkouDay cutover = ikou_system_get_step (system, n - 1)->cutover_date;
      guint k = 0;

      /* Its old cut-over, from the days taken before. */
      for (guint p = 0; p < ikou_plan_get_n_systems (plan); p++)
        {
          IkouSystem *s = ikou_plan_get_system (plan, p);

          if (s == system)
            {
              position = k + (n - 1) * IKOU_N_MILESTONES + IKOU_MILESTONE_CUTOVER;
              break;
            }
          k += ikou_system_get_n_steps (s) * IKOU_N_MILESTONES;
        }
      g_assert_cmpint (cutover, ==, ikou_day_add_months (g_array_index (before, IkouDay, position), 3));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autoptr(GArray) after = all_days (plan);

    assert_days_equal (after, before);
  }
  g_assert_false (ikou_history_can_undo (ikou_window_get_history (window)));

  /* A click without a drag on one of them keeps that one alone. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_assert_cmpuint (ikou_selection_get_n_selected (window->multi), ==, 1);
  g_assert_true (current (window) == grabbed);

  gui_test_close_window (window);
}

/* The dialogs as a planner sees them. */
static void
test_dialogs (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  const char *actions[] = { "win.shift-selection", "win.select-matching" };
  const char *names[] = { "shift-dialog", "match-dialog" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *path = artifact_path (names[i]);
      g_autoptr(GtkWidget) dialog = NULL;
      AdwMessageDialog *shown;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
      shown = gui_test_shown_message_dialog ();
      g_assert_nonnull (shown);
      dialog = g_object_ref (GTK_WIDGET (shown));
      ikou_gui_test_wait_frames (dialog, 3);
      ikou_gui_test_save_screenshot (dialog, path);
      /* Cancel closes it. */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
    }
  g_assert_false (ikou_history_can_undo (ikou_window_get_history (window)));

  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "selection", "2024-03-01");

  g_test_add_func ("/selection/clicks", test_clicks);
  g_test_add_func ("/selection/delete-several", test_delete_several);
  g_test_add_func ("/selection/filter-shift-undo", test_filter_shift_undo);
  g_test_add_func ("/selection/bulk-editor", test_bulk_editor);
  g_test_add_func ("/selection/drag-several", test_drag_several);
  g_test_add_func ("/selection/dialogs", test_dialogs);

  return gui_test_run ();
}

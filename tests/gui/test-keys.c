/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gui-test.h"
#include "ikou-date-entry.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* The window with the keyboard alone, and reading it, under Xvfb: real
 * key presses through xdotool on the window (so the keys go where GTK
 * sends them: the focused widget, the window's shortcuts), checked
 * through the window's state.  Delete in the list and the roadmap, the
 * menu's and the shortcuts window's key names, moving about the roadmap,
 * Tab into the editor and Esc back out, Esc putting fields back; the
 * first view around today and the deadline, the legend, the panes and
 * columns kept in the settings, marks of one month side by side.
 * Screenshots: tests/artifacts/keys-<lang>-*.png in the build tree.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang;

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *container)
{
  return widget != NULL && (widget == container || gtk_widget_is_ancestor (widget, container));
}

static GtkWidget *
focus_of (IkouWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in_list (IkouWindow *window)
{
  return is_inside (focus_of (window), GTK_WIDGET (window->systems_view));
}

static gboolean
focus_in_editor (IkouWindow *window)
{
  return is_inside (focus_of (window), window->system_editor);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *what)
{
  gui_test_save_screenshot (widget, "keys", what);
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples", "koriyama.xml", NULL);
}

static IkouWindow *
new_window (void)
{
  IkouWindow *window = gui_test_new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  return window;
}

/* Keyboard ------------------------------------------------------------------ */

/* Delete and Shift+Delete in the list delete the selected system with the
 * undo toast; Ctrl+Z brings it back.  Keys only. */
static void
test_delete_in_list (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  IkouPlan *plan = ikou_window_get_plan (window);
  guint n = ikou_plan_get_n_systems (plan);
  IkouSystem *selected;
  guint id;

  /* Ctrl+F, then Tab... the search field hands the list its focus with
   * Down; arrows select. */
  gui_test_press_keys (window, "ctrl+f");
  g_assert_true (is_inside (focus_of (window), GTK_WIDGET (window->search_entry)));
  gui_test_press_keys (window, "Escape");
  g_assert_true (focus_in_list (window));
  gui_test_press_keys (window, "Down Down");
  selected = gtk_single_selection_get_selected_item (window->selection);
  g_assert_nonnull (selected);
  id = ikou_system_get_id (selected);

  gui_test_press_keys (window, "Delete");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n - 1);
  g_assert_null (ikou_plan_lookup_system (plan, id));
  g_assert_nonnull (window->delete_toast);
  g_assert_cmpstr (adw_toast_get_action_name (window->delete_toast), ==, "win.undo");
  /* The next system is selected and the list keeps the focus. */
  g_assert_nonnull (gtk_single_selection_get_selected_item (window->selection));
  g_assert_true (focus_in_list (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");

  gui_test_press_keys (window, "ctrl+z");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n);
  g_assert_nonnull (ikou_plan_lookup_system (plan, id));

  gui_test_press_keys (window, "shift+Delete");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n - 1);
  gui_test_press_keys (window, "KP_Delete");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n - 2);
  gui_test_press_keys (window, "ctrl+z ctrl+z");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n);

  gui_test_close_window (window);
}

static void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The main menu (F10) shows Delete as GTK names it, not KP_Delete; so
 * does the shortcuts window (Ctrl+?), which opens without a warning. */
static void
test_shortcut_labels (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  g_autofree char *delete_label = gtk_accelerator_get_label (GDK_KEY_Delete, 0);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GtkPopover *popover;
  GtkWindow *help;

  gtk_single_selection_set_selected (window->selection, 0);
  gui_test_press_keys (window, "F10");
  popover = gtk_menu_button_get_popover (window->primary_menu_button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  ikou_gui_test_wait_frames (GTK_WIDGET (popover), 2);
  collect_labels (GTK_WIDGET (popover), texts);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, delete_label, g_str_equal, NULL));
  for (guint i = 0; i < texts->len; i++)
    g_assert_null (strstr (g_ptr_array_index (texts, i), "KP_"));
  save_screenshot (GTK_WIDGET (popover), "menu");
  gui_test_press_keys (window, "Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  gui_test_press_keys (window, "ctrl+question");
  help = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (help);
  ikou_gui_test_wait_frames (GTK_WIDGET (help), 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_ptr_array_set_size (texts, 0);
  collect_labels (GTK_WIDGET (help), texts);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, delete_label, g_str_equal, NULL));
  for (guint i = 0; i < texts->len; i++)
    g_assert_null (strstr (g_ptr_array_index (texts, i), "KP_"));
  save_screenshot (GTK_WIDGET (help), "shortcuts");
  gtk_window_close (help);
  gui_test_close_window (window);
}

/* Tab from the list reaches the roadmap, which shows its focus on the
 * selected row; arrows, Page Up/Down, Ctrl+Home/End move the selection,
 * ←/→ and Home/End go along the row's milestones; Delete deletes. */
static void
test_roadmap_keys (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  IkouTimeline *timeline = IKOU_TIMELINE (window->timeline);
  IkouPlan *plan = ikou_window_get_plan (window);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (window->selection));
  guint n = ikou_plan_get_n_systems (plan);
  IkouSystem *system;
  int step, first_step;
  IkouMilestone milestone, first_milestone;
  IkouZoom zoom;
  IkouDay day;
  guint start;

  gtk_widget_grab_focus (GTK_WIDGET (window->systems_view));
  gui_test_press_keys (window, "Down");
  start = gtk_single_selection_get_selected (window->selection);
  g_assert_cmpuint (start, <, 2);
  gui_test_press_keys (window, "Tab");
  g_assert_true (focus_of (window) == window->timeline);
  g_assert_true (gtk_widget_has_visible_focus (window->timeline));

  gui_test_press_keys (window, "Down Down");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, start + 2);
  gui_test_press_keys (window, "Up");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, start + 1);
  gui_test_press_keys (window, "Page_Down");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), >, start + 3);
  gui_test_press_keys (window, "ctrl+End");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, n_rows - 1);
  gui_test_press_keys (window, "Page_Up");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), <, n_rows - 2);
  gui_test_press_keys (window, "ctrl+Home");
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 0);

  /* Along the row: the first milestone, the next, the last. */
  gui_test_press_keys (window, "Home");
  g_assert_true (ikou_timeline_get_selected_milestone (timeline, &system, &first_step, &first_milestone));
  gui_test_press_keys (window, "Right");
  g_assert_true (ikou_timeline_get_selected_milestone (timeline, &system, &step, &milestone));
  g_assert_true (step != first_step || milestone != first_milestone);
  gui_test_press_keys (window, "End Left Right");
  g_assert_true (ikou_timeline_get_selected_milestone (timeline, &system, &step, &milestone));
  gui_test_press_keys (window, "Home");
  g_assert_true (ikou_timeline_get_selected_milestone (timeline, &system, &step, &milestone));
  g_assert_cmpint (step, ==, first_step);
  g_assert_cmpint (milestone, ==, first_milestone);
  save_screenshot (GTK_WIDGET (window), "roadmap-focus");

  /* Alt+→ moves the milestone in focus later, Alt+← (here on the keypad)
   * back; each is one edit. */
  day = ikou_step_get_milestone (ikou_system_get_step (system, step), milestone);
  gui_test_press_keys (window, "alt+Right");
  g_assert_cmpint (ikou_step_get_milestone (ikou_system_get_step (system, step), milestone), >, day);
  gui_test_press_keys (window, "alt+KP_Left");
  g_assert_cmpint (ikou_step_get_milestone (ikou_system_get_step (system, step), milestone), ==, day);
  gui_test_press_keys (window, "ctrl+z ctrl+z");

  /* Ctrl++ and Ctrl+− zoom, on the main keys and on the keypad. */
  zoom = ikou_timeline_get_zoom (timeline);
  gui_test_press_keys (window, "ctrl+plus");
  g_assert_cmpint (ikou_timeline_get_zoom (timeline), !=, zoom);
  gui_test_press_keys (window, "ctrl+KP_Subtract");
  g_assert_cmpint (ikou_timeline_get_zoom (timeline), ==, zoom);
  gui_test_press_keys (window, "ctrl+KP_Add");
  g_assert_cmpint (ikou_timeline_get_zoom (timeline), !=, zoom);
  gui_test_press_keys (window, "ctrl+minus");
  g_assert_cmpint (ikou_timeline_get_zoom (timeline), ==, zoom);

  /* Delete in the roadmap, and the roadmap keeps the focus. */
  gui_test_press_keys (window, "Delete");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n - 1);
  g_assert_true (focus_of (window) == window->timeline);
  gui_test_press_keys (window, "ctrl+z");
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, n);

  /* Shift+Tab goes back to the list. */
  gui_test_press_keys (window, "shift+Tab");
  g_assert_true (focus_in_list (window));
  gui_test_close_window (window);
}

/* After F9, Tab reaches the editor's fields; Esc in a field puts its
 * value back, the next Esc goes back to where the planner came from. */
static void
test_editor_keys (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  IkouSystem *system;
  g_autofree char *name = NULL;
  GtkWidget *focus;
  GtkWidget *date_entry = NULL;
  g_autofree char *date_text = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (window->systems_view));
  gui_test_press_keys (window, "Down F9");
  g_assert_true (window->show_editor);
  system = gtk_single_selection_get_selected_item (window->selection);
  name = g_strdup (ikou_system_get_name (system));
  g_assert_true (focus_in_list (window));

  gui_test_press_keys (window, "Tab Tab");
  g_assert_true (focus_in_editor (window));
  focus = focus_of (window);
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, name);

  /* Typed, then Esc: the name is back, nothing changed, the focus stays. */
  gui_test_press_keys (window, "End x y z");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), !=, name);
  gui_test_press_keys (window, "Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, name);
  g_assert_true (focus_in_editor (window));
  g_assert_cmpstr (ikou_system_get_name (system), ==, name);
  g_assert_false (ikou_window_get_dirty (window));

  /* Esc again: back to the roadmap, where Tab came from. */
  gui_test_press_keys (window, "Escape");
  g_assert_true (focus_of (window) == window->timeline);

  /* A date field, reached with Tab: Esc puts the date back and drops the
   * message about what was typed. */
  gui_test_press_keys (window, "Tab");
  for (guint i = 0; i < 60 && date_entry == NULL; i++)
    {
      date_entry = gtk_widget_get_ancestor (focus_of (window), IKOU_TYPE_DATE_ENTRY);
      if (date_entry == NULL)
        gui_test_press_keys (window, "Tab");
    }
  g_assert_nonnull (date_entry);
  focus = focus_of (window);
  date_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (focus)));
  gui_test_press_keys (window, "End BackSpace BackSpace x Return");
  g_assert_nonnull (ikou_date_entry_get_error (IKOU_DATE_ENTRY (date_entry)));
  gui_test_press_keys (window, "Escape");
  g_assert_null (ikou_date_entry_get_error (IKOU_DATE_ENTRY (date_entry)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, date_text);
  g_assert_true (focus_in_editor (window));
  save_screenshot (GTK_WIDGET (window), "editor");
  gui_test_press_keys (window, "Escape");
  g_assert_true (focus_of (window) == window->timeline);
  g_assert_false (ikou_window_get_dirty (window));

  /* F9 hides the editor; with the focus in it, the focus comes back. */
  gui_test_press_keys (window, "Tab");
  g_assert_true (focus_in_editor (window));
  gui_test_press_keys (window, "F9");
  g_assert_false (window->show_editor);
  g_assert_true (focus_of (window) == window->timeline);
  gui_test_close_window (window);
}

/* Reading ------------------------------------------------------------------- */

static void
assert_day_in_view (IkouWindow *window,
                    IkouDay     day)
{
  IkouRenderer *renderer = ikou_timeline_get_renderer (IKOU_TIMELINE (window->timeline));
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  double x = ikou_renderer_x_for_day (renderer, day);

  g_assert_cmpfloat (x, >=, gtk_adjustment_get_value (h));
  g_assert_cmpfloat (x, <=, gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h));
}

static void
first_paint_cb (GdkFrameClock *clock,
                IkouWindow    *window)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  double *first = g_object_get_data (G_OBJECT (window), "test-first-value");

  if (first != NULL && isnan (*first) && gtk_widget_get_width (window->timeline) > 0)
    *first = gtk_adjustment_get_value (h);
}

/* The sample opens scrolled to today (2026-12) and the deadline, from
 * its very first frame; a plan of other years opens on its own dates. */
static void
test_first_view (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = new_window ();
  GtkAdjustment *h;
  double first_value = NAN;
  gulong handler;
  IkouPlan *plan;
  IkouDay plan_day = IKOU_DAY_NONE;

  g_assert_true (ikou_window_load_file (window, file, &error));
  g_object_set_data (G_OBJECT (window), "test-first-value", &first_value);
  gtk_widget_realize (GTK_WIDGET (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (first_paint_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_object_set_data (G_OBJECT (window), "test-first-value", NULL);

  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  assert_day_in_view (window, ikou_window_get_today (window));
  assert_day_in_view (window, ikou_schedule_get_deadline (window->schedule));
  g_assert_false (isnan (first_value));
  g_assert_cmpfloat (first_value, ==, gtk_adjustment_get_value (h));
  save_screenshot (GTK_WIDGET (window), "first-view");
  gui_test_close_window (window);

  /* The same plan twenty years on: its own dates are shown. */
  plan = _ikou_window_read_plan (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      for (guint k = 0; k < ikou_system_get_n_steps (system); k++)
        {
          g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (system, k));

          for (guint m = 0; m < IKOU_N_MILESTONES; m++)
            if (ikou_step_get_milestone (step, m) != IKOU_DAY_NONE)
              {
                ikou_step_set_milestone (step, m, ikou_day_add_months (ikou_step_get_milestone (step, m), 240));
                if (plan_day == IKOU_DAY_NONE)
                  plan_day = ikou_step_get_milestone (step, m);
              }
          ikou_system_set_step (system, k, step);
        }
    }
  window = new_window ();
  ikou_window_set_document (window, plan, NULL, FALSE);
  g_object_unref (plan);
  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  assert_day_in_view (window, plan_day);
  gui_test_close_window (window);
}

/* A national-size plan (IKOU_TEST_BIG_PLAN, an .ikou written by
 * tests/bench/ikou-generate): the first frame painted already shows
 * today and the deadline. */
static void
test_big_plan (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("IKOU_TEST_BIG_PLAN"));
  g_autoptr(GError) error = NULL;
  IkouWindow *window = new_window ();
  GtkAdjustment *h;
  double first_value = NAN;
  gint64 start = g_get_monotonic_time ();
  gulong handler;

  g_assert_true (ikou_window_load_file (window, file, &error));
  g_assert_no_error (error);
  g_test_message ("loaded %u systems in %.0f ms", ikou_plan_get_n_systems (ikou_window_get_plan (window)),
                  (g_get_monotonic_time () - start) / 1000.0);
  g_object_set_data (G_OBJECT (window), "test-first-value", &first_value);
  gtk_widget_realize (GTK_WIDGET (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (first_paint_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
  g_test_message ("first frame after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_object_set_data (G_OBJECT (window), "test-first-value", NULL);

  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  g_assert_false (isnan (first_value));
  g_assert_cmpfloat (first_value, ==, gtk_adjustment_get_value (h));
  assert_day_in_view (window, ikou_window_get_today (window));
  assert_day_in_view (window, ikou_schedule_get_deadline (window->schedule));
  save_screenshot (GTK_WIDGET (window), "big-plan");
  gui_test_close_window (window);
}

/* The legend popover draws the renderer's legend (the PDF's). */
static void
test_legend (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (window->legend_button));

  g_assert_true (gtk_widget_get_visible (window->legend_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (window->legend_button));
  ikou_gui_test_wait_frames (GTK_WIDGET (popover), 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (gtk_widget_get_height (window->legend_area), >, 20);
  save_screenshot (GTK_WIDGET (popover), "legend");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (window->legend_button));
  gui_test_close_window (window);
}

static GtkPaned *
findings_paned (IkouWindow *window)
{
  return GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (window->findings_revealer), GTK_TYPE_PANED));
}

/* The findings pane and the list's width are resized and kept; columns
 * chosen from the menu are kept too. */
static void
test_panes_and_columns (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  GtkPaned *paned = findings_paned (window);
  GSettings *settings = window->settings;
  GVariant *state;
  int findings_height;

  g_assert_nonnull (settings);
  gui_test_press_keys (window, "F8");
  gui_test_settle (window);
  g_assert_true (window->show_findings);
  findings_height = gtk_widget_get_height (GTK_WIDGET (window->findings_panel));
  g_assert_cmpint (findings_height, >=, 250);

  gtk_paned_set_position (paned, gtk_widget_get_height (GTK_WIDGET (paned)) - 420);
  gtk_paned_set_position (window->paned, 700);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->findings_panel)), >, findings_height);

  /* Columns: Operation hidden from the menu. */
  g_assert_true (gtk_column_view_column_get_visible (window->columns[IKOU_COLUMN_OPERATION]));
  gtk_widget_activate_action (GTK_WIDGET (window), "columns.operation", NULL);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_column_view_column_get_visible (window->columns[IKOU_COLUMN_OPERATION]));
  {
    g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-columns");

    g_assert_true (g_strv_contains ((const char * const *) hidden, "operation"));
  }
  /* The menu, from the keyboard: Shift+Tab from the list reaches the
   * search field, Tab the button beside it. */
  gtk_widget_grab_focus (GTK_WIDGET (window->systems_view));
  gui_test_press_keys (window, "shift+Tab Tab");
  g_assert_true (is_inside (focus_of (window), window->columns_button));
  gui_test_press_keys (window, "space");
  {
    GtkPopover *menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (window->columns_button));

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
    save_screenshot (GTK_WIDGET (menu), "columns-menu");
    save_screenshot (GTK_WIDGET (window), "columns");
    gui_test_press_keys (window, "Escape");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (menu)));
  }
  gui_test_close_window_as_user (window);

  g_assert_cmpint (g_settings_get_int (settings, "findings-height"), >=, 400);
  g_assert_cmpint (g_settings_get_int (settings, "findings-height"), <=, 430);
  g_assert_cmpint (g_settings_get_int (settings, "list-width"), ==, 700);

  /* A new window has them back. */
  window = gui_test_open_sample_window_sized (1600, 1000);
  gui_test_settle (window);
  g_assert_true (window->show_findings);
  g_assert_cmpint (gtk_paned_get_position (window->paned), ==, 700);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (findings_paned (window))) -
                   gtk_paned_get_position (findings_paned (window)), >=, 400);
  g_assert_false (gtk_column_view_column_get_visible (window->columns[IKOU_COLUMN_OPERATION]));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window->column_actions), "operation");
  g_assert_false (g_variant_get_boolean (state));
  g_variant_unref (state);
  save_screenshot (GTK_WIDGET (window), "panes");

  /* Back as they were, for the other tests. */
  gtk_widget_activate_action (GTK_WIDGET (window), "columns.operation", NULL);
  g_assert_true (gtk_column_view_column_get_visible (window->columns[IKOU_COLUMN_OPERATION]));
  g_object_set (window, "show-findings", FALSE, NULL);
  gui_test_close_window (window);
  g_settings_reset (settings, "findings-height");
  g_settings_reset (settings, "list-width");
}

/* ★ and ◆ of one month are both drawn and both found by the pointer. */
static void
test_marks_side_by_side (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  IkouRenderer *renderer = ikou_timeline_get_renderer (IKOU_TIMELINE (window->timeline));
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline));
  IkouSystem *system = NULL;
  g_autoptr(IkouStep) step = NULL;
  gboolean found[IKOU_N_MILESTONES] = { FALSE };
  double header = ikou_renderer_get_header_height (renderer);
  double rh = ikou_renderer_get_row_height (renderer);
  double x;
  guint row;

  for (row = 0; row < g_list_model_get_n_items (G_LIST_MODEL (window->selection)); row++)
    {
      g_autoptr(IkouSystem) item = g_list_model_get_item (G_LIST_MODEL (window->selection), row);

      if (ikou_system_get_n_steps (item) > 0 &&
          ikou_system_get_step (item, 0)->contract_date != IKOU_DAY_NONE)
        {
          system = item;
          break;
        }
    }
  g_assert_nonnull (system);
  step = ikou_step_copy (ikou_system_get_step (system, 0));
  step->budget_date = step->contract_date;
  ikou_history_set_step (ikou_window_get_history (window), system, 0, step);
  ikou_timeline_scroll_to_day (IKOU_TIMELINE (window->timeline), step->contract_date);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);

  x = ikou_renderer_x_for_day (renderer, step->contract_date) - gtk_adjustment_get_value (h);
  for (double dx = -4; dx < 40; dx += 1)
    {
      IkouHit hit;

      if (ikou_renderer_hit_test (renderer, gtk_adjustment_get_value (h), 0, x + dx,
                                  header + row * rh + rh / 2, &hit) &&
          hit.kind == IKOU_HIT_MILESTONE)
        found[hit.milestone] = TRUE;
    }
  g_assert_true (found[IKOU_MILESTONE_BUDGET]);
  g_assert_true (found[IKOU_MILESTONE_CONTRACT]);
  ikou_timeline_set_zoom (IKOU_TIMELINE (window->timeline), IKOU_ZOOM_MONTH);
  ikou_timeline_scroll_to_day (IKOU_TIMELINE (window->timeline), step->contract_date);
  gtk_single_selection_set_selected (window->selection, row);
  save_screenshot (GTK_WIDGET (window), "marks");
  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "test-keys", "2026-12-02");

  g_test_add_func ("/keys/delete-in-list", test_delete_in_list);
  g_test_add_func ("/keys/shortcut-labels", test_shortcut_labels);
  g_test_add_func ("/keys/roadmap", test_roadmap_keys);
  g_test_add_func ("/keys/editor", test_editor_keys);
  g_test_add_func ("/view/first-view", test_first_view);
  if (g_getenv ("IKOU_TEST_BIG_PLAN") != NULL)
    g_test_add_func ("/view/big-plan", test_big_plan);
  g_test_add_func ("/view/legend", test_legend);
  g_test_add_func ("/view/panes-and-columns", test_panes_and_columns);
  g_test_add_func ("/view/marks-side-by-side", test_marks_side_by_side);
  return gui_test_run ();
}

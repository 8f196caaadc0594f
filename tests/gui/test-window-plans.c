/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-i18n.h"
#include "ikou-error.h"
#include "ikou-host.h"
#include "ikou-new-plan-dialog.h"
#include "ikou-standing.h"
#include "ikou-standing-button.h"
#include "ikou-store.h"
#include "ikou-system-cell.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"
#include "ikou-xml.h"
#include "gui-test.h"
#include "ikou-test-util.h"
#include "ikou-gui-test-util.h"

/* The main window's what-if plans under Xvfb: scenarios (new, switch,
 * compare, adopt), where the plan stands, and the catch-up of
 * milestones before today.  Screenshots go to
 * tests/artifacts/window-<lang>-*.png in the build tree.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang = "en";

/* Scenarios ----------------------------------------------------------------- */

/* The message dialog the window just presented, answered with @response
 * (after @text is typed into its entry, when given). */
static void
answer_dialog (const char *text,
               const char *response)
{
  AdwMessageDialog *dialog = gui_test_shown_message_dialog ();

  g_assert_nonnull (dialog);
  if (text != NULL)
    {
      GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

      g_assert_true (GTK_IS_EDITABLE (entry));
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  gui_test_answer_dialog (dialog, response);
}

static void
test_scenarios (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouDocument *document = ikou_window_get_document (window);
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouTimeline *timeline = IKOU_TIMELINE (window->timeline);
  IkouRenderer *renderer = ikou_timeline_get_renderer (timeline);
  GtkGesture *drag = NULL;
  g_autoptr(GPtrArray) six = g_ptr_array_new ();
  static const guint six_ids[] = { 2, 3, 7, 8, 11, 13 };
  g_autofree char *compare_path = gui_test_artifact_path ("window", "-compare", ".png");
  g_autofree char *editor_path = gui_test_artifact_path ("window", "-scenario-editor", ".png");
  g_autoptr(IkouStep) baseline_step = NULL;
  IkouScenario *scenario;
  IkouSystem *system;
  guint baseline_errors, no_plan;
  const IkouPlanDiff *diff;
  double x, y, dx;
  IkouDay day;

  _ikou_window_flush_checks (window);
  baseline_errors = ikou_document_get_n_errors (document);
  no_plan = ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0);
  g_assert_cmpuint (no_plan, ==, 6);

  /* Create: the dialog names it, and the new scenario is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-scenario", NULL));
  answer_dialog ("直接ガバクラ", "ok");
  scenario = ikou_plan_lookup_scenario (plan, "直接ガバクラ");
  g_assert_nonnull (scenario);
  g_assert_true (ikou_document_get_active_scenario (document) == scenario);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->scenario_dropdown), ==, 1);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "直接ガバクラ"));

  /* A duplicate name is refused with a message and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-scenario", NULL));
  answer_dialog ("直接ガバクラ", "ok");
  answer_dialog (NULL, "close");
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);

  /* Edit within: the six standardized systems go to the Government Cloud
   * (one undoable retarget), then a drag moves system 2's cut-over. */
  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    g_ptr_array_add (six, ikou_plan_lookup_system (plan, six_ids[i]));
  g_assert_true (ikou_document_retarget (document, scenario, six, 4, TRUE, NULL));
  _ikou_window_flush_checks (window);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0), ==, 0);

  system = ikou_plan_lookup_system (plan, 2);
  baseline_step = ikou_step_copy (ikou_system_get_step (system, 0));
  g_assert_true (ikou_window_select_system (window, 2));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_DRAG (controller))
          drag = GTK_GESTURE (controller);
      }
  }
  g_assert_nonnull (drag);
  day = baseline_step->cutover_date;
  ikou_timeline_scroll_to_day (timeline, day);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  x = ikou_renderer_x_for_day (renderer, day) -
      gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline)));
  y = ikou_renderer_get_header_height (renderer) +
      (gtk_single_selection_get_selected (ikou_window_get_selection (window)) + 0.5) *
      ikou_renderer_get_row_height (renderer) -
      gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline)));
  dx = ikou_renderer_x_for_day (renderer, ikou_day_add_months (day, -6)) -
       ikou_renderer_x_for_day (renderer, day);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_assert_true (ikou_timeline_is_dragging (timeline));
  g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
  g_signal_emit_by_name (drag, "drag-end", dx, 0.0);
  _ikou_window_flush_checks (window);
  {
    g_autoptr(IkouStep) shown = ikou_document_dup_step (document, system, 0);
    gint64 base_value = 0;

    /* The scenario moved; the baseline did not. */
    g_assert_cmpint (shown->cutover_date, <, day);
    g_assert_true (ikou_step_equal (ikou_system_get_step (system, 0), baseline_step));
    g_assert_true (ikou_document_is_overridden (document, system, 0, IKOU_OVERRIDE_CUTOVER_DATE,
                                                &base_value));
    g_assert_cmpint (base_value, ==, day);
  }

  /* The editor marks what the scenario changes and says the baseline's value. */
  g_object_set (window, "show-editor", TRUE, NULL);
  gui_test_settle (window);
  {
    IkouDateEntry *cutover = ikou_system_editor_get_step_date_entry (IKOU_SYSTEM_EDITOR (window->system_editor),
                                                                     0, IKOU_MILESTONE_CUTOVER);
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (cutover), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cutover), "overridden"));

    /* Scrolled down to the step, as a planner would see it. */
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
    ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  }
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), editor_path);
  g_object_set (window, "show-editor", FALSE, NULL);

  /* Undo works across switches: undo the drag while the baseline shows. */
  gtk_drop_down_set_selected (window->scenario_dropdown, 0);
  g_assert_null (ikou_document_get_active_scenario (document));
  _ikou_window_flush_checks (window);
  g_assert_cmpuint (ikou_document_get_n_errors (document), ==, baseline_errors);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    IkouStep resolved;

    g_assert_true (ikou_scenario_get_step (scenario, system, 0, &resolved, NULL));
    g_assert_cmpint (resolved.cutover_date, ==, day);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gtk_drop_down_set_selected (window->scenario_dropdown, 1);
  g_assert_true (ikou_document_get_active_scenario (document) == scenario);

  /* Compare with the baseline: ghosts and the list of differences. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  g_assert_true (ikou_document_get_comparing (document));
  g_assert_true (gtk_revealer_get_reveal_child (window->differences_revealer));
  ikou_differences_panel_update (IKOU_DIFFERENCES_PANEL (window->differences_panel));
  diff = ikou_differences_panel_get_diff (IKOU_DIFFERENCES_PANEL (window->differences_panel));
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->changes->len, ==, 1);
  g_assert_cmpuint (ikou_test_count_findings (diff->resolved, "deadline.no-plan", 0), ==, 6);
  g_assert_true (ikou_renderer_get_comparing (renderer, NULL));
  gtk_single_selection_set_selected (ikou_window_get_selection (window), 0);
  ikou_differences_panel_activate_row (IKOU_DIFFERENCES_PANEL (window->differences_panel), 0);
  g_assert_true (gtk_single_selection_get_selected_item (ikou_window_get_selection (window)) == system);
  {
    GtkRevealer *revealer = window->differences_revealer;

    for (guint n = 0; n < 100 && !gtk_revealer_get_child_revealed (revealer); n++)
      ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
  }
  ikou_timeline_scroll_to_day (timeline, ikou_day_from_ymd (2021, 10, 1));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), compare_path);
  g_test_message ("screenshot: %s", compare_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  g_assert_false (ikou_document_get_comparing (document));

  /* Adopt: the baseline takes the scenario, the old one stays a scenario. */
  _ikou_window_adopt_scenario (window);
  answer_dialog (NULL, "adopt");
  _ikou_window_flush_checks (window);
  g_assert_null (ikou_document_get_active_scenario (document));
  g_assert_null (ikou_plan_lookup_scenario (plan, "直接ガバクラ"));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0), ==, 0);
  {
    IkouScenario *kept = ikou_plan_get_scenario (plan, 0);
    IkouStep old;

    g_assert_true (ikou_scenario_get_step (kept, system, 0, &old, NULL));
    g_assert_cmpint (old.cutover_date, ==, day);
    g_assert_cmpint (old.to_host, ==, baseline_step->to_host);
  }
  /* One undo brings everything back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  _ikou_window_flush_checks (window);
  g_assert_nonnull (ikou_plan_lookup_scenario (plan, "直接ガバクラ"));
  g_assert_true (ikou_step_equal (ikou_system_get_step (system, 0), baseline_step));
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0), ==, 6);

  gui_test_close_window (window);
}

static void
set_system_value (IkouWindow *window,
                  IkouSystem *system,
                  const char *property,
                  GType       type,
                  gint64      v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, v != 0);
  else
    g_value_set_int (&value, (int) v);
  ikou_history_set_system_property (window->history, system, property, &value);
}

/* Where the plan stands today: the header bar's summary follows edits
 * and today, and its popover lists the 特定移行支援 systems with their
 * deadline and classified reason. */
static void
test_standing (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouDocument *document = ikou_window_get_document (window);
  IkouStandingButton *button = IKOU_STANDING_BUTTON (window->standing_button);
  IkouSystem *system = NULL, *other = NULL;
  IkouStanding standing;
  g_autofree char *expected = NULL;
  g_autofree char *details = NULL;
  g_autofree char *path = gui_test_artifact_path ("window", "-standing", ".png");
  GtkWidget *popover;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  ikou_document_set_today (document, ikou_day_from_ymd (2026, 12, 2));
  _ikou_window_flush_checks (window);

  /* Two standardized systems of the sample: one becomes 特定移行支援. */
  for (guint i = 0; i < ikou_plan_get_n_systems (window->plan) && other == NULL; i++)
    {
      IkouSystem *s = ikou_plan_get_system (window->plan, i);

      if (ikou_system_get_operation (s) == NULL)
        continue;
      if (system == NULL)
        system = s;
      else
        other = s;
    }
  g_assert_nonnull (other);
  set_system_value (window, system, "tokutei", G_TYPE_BOOLEAN, TRUE);
  set_system_value (window, system, "tokutei-deadline", G_TYPE_INT,
                    ikou_day_from_ymd (2030, 3, 31));
  set_system_value (window, system, "tokutei-reason-kind", G_TYPE_INT,
                    IKOU_TOKUTEI_REASON_VENDOR_CAPACITY);
  set_system_value (window, other, "transitional", G_TYPE_BOOLEAN, TRUE);
  _ikou_window_flush_checks (window);

  ikou_standing_compute (window->plan, NULL, ikou_document_get_schedule (document),
                         ikou_day_from_ymd (2026, 12, 2), &standing);
  g_assert_cmpuint (standing.counts[IKOU_STANDING_TOKUTEI], >=, 1);
  /* "N of M migrated · K missed", in the interface's words. */
  expected = g_strdup_printf ("%u", standing.standardized);
  g_assert_nonnull (strstr (ikou_standing_button_get_label (button), expected));
  g_free (expected);
  expected = g_strdup_printf ("%u", standing.counts[IKOU_STANDING_MISSED]);
  g_assert_cmpuint (standing.counts[IKOU_STANDING_MISSED], >, 0);
  g_assert_nonnull (strstr (ikou_standing_button_get_label (button), expected));

  details = ikou_standing_button_dup_details (button);
  g_test_message ("%s", details);
  g_assert_nonnull (strstr (details, ikou_system_get_name (system)));
  g_assert_nonnull (strstr (details, ikou_tokutei_reason_label (IKOU_TOKUTEI_REASON_VENDOR_CAPACITY)));
  g_assert_nonnull (strstr (details, ikou_standing_kind_label (IKOU_STANDING_MISSED)));
  if (g_str_equal (lang, "en"))
    {
      g_auto(GStrv) parts = g_strsplit (details, ikou_system_get_name (system), -1);
      g_autofree char *without_data = g_strjoinv ("", parts);

      g_assert_nonnull (strstr (details, "end of FY2029"));
      /* No Japanese outside the plan's own data. */
      for (const char *p = without_data; *p; p++)
        if ((guchar) *p >= 0x80)
          g_error ("not English: %s", without_data);
    }
  else
    g_assert_nonnull (strstr (details, "R11年度末"));

  /* The popover, drawn. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (ikou_standing_button_get_menu_button (button)));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (
              ikou_standing_button_get_menu_button (button))));
  for (guint n = 0; n < 100 && !gtk_widget_get_mapped (popover); n++)
    ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
  ikou_gui_test_save_screenshot (popover, path);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Undone: the summary follows. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  _ikou_window_flush_checks (window);
  ikou_standing_compute (window->plan, NULL, ikou_document_get_schedule (document),
                         ikou_day_from_ymd (2026, 12, 2), &standing);
  g_assert_cmpuint (standing.counts[IKOU_STANDING_TOKUTEI], ==, 0);
  gui_test_close_window (window);
}

static void
test_catch_up (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouDocument *document = ikou_window_get_document (window);
  g_autofree char *path = gui_test_artifact_path ("window", "-catch-up", ".png");
  g_autoptr(GArray) overdue = NULL;
  guint overdue_findings;

  /* December 2026: the 2021 plan's milestones have all passed. */
  ikou_document_set_today (document, ikou_day_from_ymd (2026, 12, 2));
  _ikou_window_flush_checks (window);
  overdue = ikou_document_find_overdue (document, IKOU_DAY_NONE);
  overdue_findings = ikou_test_count_findings (ikou_window_get_findings (window), "status.overdue", 0);
  g_assert_cmpuint (overdue->len, >, 40);
  g_assert_cmpuint (overdue_findings, ==, overdue->len);
  g_assert_true (gtk_revealer_get_reveal_child (window->catch_up_revealer));
  {
    g_autofree char *count = g_strdup_printf ("%u", overdue->len);

    g_assert_nonnull (strstr (gtk_label_get_text (window->catch_up_label), count));
  }
  for (guint n = 0; n < 100 && !gtk_revealer_get_child_revealed (window->catch_up_revealer); n++)
    ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), path);

  /* The review marks them done in one step: what is left matters today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.catch-up", NULL));
  answer_dialog (NULL, "mark");
  _ikou_window_flush_checks (window);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "status.overdue", 0), ==, 0);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "deadline.no-plan", 0), ==, 6);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_revealer_get_reveal_child (window->catch_up_revealer));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  _ikou_window_flush_checks (window);
  g_assert_cmpuint (ikou_test_count_findings (ikou_window_get_findings (window), "status.overdue", 0), ==, overdue_findings);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_revealer_get_reveal_child (window->catch_up_revealer));

  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "window", "2021-03-01");

  g_test_add_func ("/window/standing", test_standing);
  g_test_add_func ("/window/scenarios", test_scenarios);
  g_test_add_func ("/window/catch-up", test_catch_up);

  return gui_test_run ();
}

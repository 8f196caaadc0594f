/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-budget.h"
#include "ikou-calendar.h"
#include "ikou-i18n.h"
#include "ikou-cost-panel.h"
#include "ikou-export-dialog.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"
#include "gui-test.h"
#include "ikou-gui-test-util.h"

/* The cost panel under the roadmap and the list's cost column, in a real
 * window under Xvfb: shown by its action, bars under the roadmap's fiscal
 * years with the sample's sums, following edits, undo and the scenario
 * shown, two plans side by side in compare mode, and screenshots
 * (tests/artifacts/costs-<lang>*.png in the build tree).
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang = "en";

/* The plan opens around today; its first fiscal years are left of the
 * roadmap's view until it is scrolled to its start. */
static void
scroll_to_start (IkouWindow *window)
{
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline)), 0);
  gui_test_settle (window);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *what)
{
  g_autofree char *path = gui_test_artifact_path ("costs", what, ".png");

  ikou_gui_test_save_screenshot (widget, path);
}

static gboolean
find_bar (IkouCostChart *chart,
          int            fiscal_year,
          guint          plan,
          IkouCostBar   *bar)
{
  for (guint i = 0; i < ikou_cost_chart_get_n_bars (chart); i++)
    if (ikou_cost_chart_get_bar (chart, i, bar) && bar->fiscal_year == fiscal_year &&
        bar->plan == plan)
      return TRUE;
  return FALSE;
}

/* The x of @day on the roadmap, in the panel's coordinates. */
static double
roadmap_x (IkouWindow *window,
           IkouDay     day)
{
  IkouTimeline *timeline = IKOU_TIMELINE (window->timeline);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  graphene_point_t p;

  g_assert_true (gtk_widget_compute_point (window->timeline, window->cost_panel,
                                           &GRAPHENE_POINT_INIT (0, 0), &p));
  return p.x + ikou_renderer_x_for_day (ikou_timeline_get_renderer (timeline), day) -
         gtk_adjustment_get_value (h);
}

/* The sample in a window big enough for the panel. */
typedef struct
{
  IkouWindow    *window;
  IkouCostPanel *panel;
  IkouDocument  *document;
  IkouPlan      *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->window = gui_test_open_sample_window_sized (1280, 900);
  fx->panel = IKOU_COST_PANEL (fx->window->cost_panel);
  fx->document = ikou_window_get_document (fx->window);
  fx->plan = ikou_window_get_plan (fx->window);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  gui_test_close_window (fx->window);
}

static void
test_panel (Fixture       *fx,
            gconstpointer  data)
{
  IkouCostChart *chart;
  IkouCostBar bar;
  g_autofree char *tooltip = NULL;
  IkouSystem *seikatsu;
  IkouStep step;
  guint updates;

  /* Hidden by default; its action (F7, the menu) shows it and the
   * settings remember it. */
  g_assert_false (gtk_revealer_get_reveal_child (fx->window->cost_revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-panel", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (fx->window->cost_revealer));
  if (fx->window->settings != NULL)
    g_assert_true (g_settings_get_boolean (fx->window->settings, "show-costs"));
  gui_test_settle (fx->window);
  g_assert_cmpint (gtk_widget_get_height (fx->window->cost_panel), >, 100);
  scroll_to_start (fx->window);

  /* The sample's sums worked out by hand (tests/core/test-budget.c). */
  chart = ikou_cost_panel_get_chart (fx->panel);
  g_assert_true (find_bar (chart, 2021, 0, &bar));
  g_assert_cmpint (bar.one_time, ==, 13000);
  g_assert_cmpint (bar.running, ==, 26652);
  g_assert_true (find_bar (chart, 2022, 0, &bar));
  g_assert_cmpint (bar.one_time, ==, 12000);
  g_assert_cmpint (bar.running, ==, 37952);

  /* Under its fiscal year on the roadmap. */
  {
    double left = roadmap_x (fx->window, ikou_fiscal_year_start (2022));
    double right = roadmap_x (fx->window, ikou_fiscal_year_start (2023));

    g_assert_cmpfloat (bar.x, >, left);
    g_assert_cmpfloat (bar.x + bar.width, <, right);
    g_assert_cmpfloat (fabs (bar.x + bar.width / 2 - (left + right) / 2), <, 1);
  }

  /* Hovering shows the amounts. */
  tooltip = ikou_cost_panel_dup_tooltip (fx->panel, bar.x + bar.width / 2, bar.bottom - 2);
  g_assert_nonnull (tooltip);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "12,000"));
  g_assert_nonnull (strstr (tooltip, "49,952"));
  g_clear_pointer (&tooltip, g_free);

  /* Scrolling the roadmap moves the bars with it. */
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fx->window->timeline));
    double before = bar.x, value = gtk_adjustment_get_value (h);

    gtk_adjustment_set_value (h, value + 50);
    ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 1);
    find_bar (ikou_cost_panel_get_chart (fx->panel), 2022, 0, &bar);
    g_assert_cmpfloat (fabs (bar.x - (before - (gtk_adjustment_get_value (h) - value))), <, 0.5);
    g_assert_cmpfloat (fabs (bar.x + bar.width / 2 -
                             (roadmap_x (fx->window, ikou_fiscal_year_start (2022)) +
                              roadmap_x (fx->window, ikou_fiscal_year_start (2023))) / 2), <, 1);
    gtk_adjustment_set_value (h, 0);
  }

  save_screenshot (GTK_WIDGET (fx->window), "");

  /* Three edits in one frame: one computation. */
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 1);
  updates = ikou_cost_panel_get_n_updates (fx->panel);
  seikatsu = ikou_plan_lookup_system (fx->plan, 2);
  g_assert_nonnull (seikatsu);
  g_assert_true (ikou_document_get_step (fx->document, seikatsu, 0, &step));
  g_assert_cmpint (step.budget_amount, ==, 8000);
  for (gint64 amount = 9000; amount <= 11000; amount += 1000)
    {
      step.budget_amount = amount;
      ikou_document_set_step (fx->document, seikatsu, 0, &step);
    }
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 2);
  g_assert_cmpuint (ikou_cost_panel_get_n_updates (fx->panel), ==, updates + 1);
  find_bar (ikou_cost_panel_get_chart (fx->panel), 2021, 0, &bar);
  g_assert_cmpint (bar.one_time, ==, 16000);

  /* Undo follows. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 2);
  find_bar (ikou_cost_panel_get_chart (fx->panel), 2021, 0, &bar);
  g_assert_cmpint (bar.one_time, ==, 13000);

  /* The list's column: hidden until asked for. */
  g_assert_false (gtk_column_view_column_get_visible (fx->window->cost_column));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-column", NULL));
  g_assert_true (gtk_column_view_column_get_visible (fx->window->cost_column));
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 2);
  save_screenshot (GTK_WIDGET (fx->window), "-column");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-column", NULL));

  /* The action hides it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-panel", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (fx->window->cost_revealer));
  gui_test_settle (fx->window);
}

static void
test_compare (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IkouScenario *scenario;
  IkouCostChart *chart;
  IkouCostBar left, right;
  IkouSystem *kaigo;
  IkouStep step;
  g_autofree char *tooltip = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-panel", NULL));
  gui_test_settle (fx->window);

  /* A scenario where 介護保険's contract costs 20,000 instead of 12,000. */
  scenario = ikou_document_add_scenario (fx->document, "経費増案", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (fx->document, scenario);
  kaigo = ikou_plan_lookup_system (fx->plan, 8);
  g_assert_true (ikou_document_get_step (fx->document, kaigo, 0, &step));
  g_assert_cmpint (step.budget_amount, ==, 12000);
  step.budget_amount = 20000;
  ikou_document_set_step (fx->document, kaigo, 0, &step);
  ikou_document_set_compare (fx->document, TRUE, NULL);
  gui_test_settle (fx->window);
  scroll_to_start (fx->window);

  chart = ikou_cost_panel_get_chart (fx->panel);
  g_assert_true (find_bar (chart, 2022, 0, &left));
  g_assert_true (find_bar (chart, 2022, 1, &right));
  g_assert_cmpint (left.one_time, ==, 20000);
  g_assert_cmpint (right.one_time, ==, 12000);
  g_assert_cmpint (left.running, ==, right.running);
  g_assert_cmpfloat (left.x + left.width, <, right.x);
  g_assert_cmpfloat (left.top, <, right.top);
  tooltip = ikou_cost_panel_dup_tooltip (fx->panel, right.x + 1, right.bottom - 1);
  g_assert_nonnull (tooltip);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "経費増案"));
  g_assert_nonnull (strstr (tooltip, "57,952"));
  g_assert_nonnull (strstr (tooltip, "49,952"));

  save_screenshot (GTK_WIDGET (fx->window), "-compare");

  /* Back to the baseline, not comparing: one bar a year, the baseline's. */
  ikou_document_set_compare (fx->document, FALSE, NULL);
  ikou_document_set_active_scenario (fx->document, NULL);
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 2);
  chart = ikou_cost_panel_get_chart (fx->panel);
  g_assert_false (find_bar (chart, 2022, 1, &right));
  g_assert_true (find_bar (chart, 2022, 0, &left));
  g_assert_cmpint (left.one_time, ==, 12000);
}

/* The keyboard: the panel takes the focus, Left, Right, Home and End
 * move from one fiscal year to another, and the popover and the
 * accessible description say what hovering the year's bar says. */
static void
assert_focus_shows (IkouCostPanel *panel,
                    int            fiscal_year)
{
  IkouCostChart *chart = ikou_cost_panel_get_chart (panel);
  g_autofree char *hover = NULL;
  const char *shown;
  IkouCostBar bar;

  g_assert_cmpint (ikou_cost_panel_get_focus_year (panel), ==, fiscal_year);
  g_assert_true (find_bar (chart, fiscal_year, 0, &bar));
  hover = ikou_cost_panel_dup_tooltip (IKOU_COST_PANEL (panel), bar.x + bar.width / 2,
                                       bar.bottom - 1);
  shown = ikou_cost_panel_get_focus_text (panel);
  g_assert_nonnull (hover);
  g_assert_cmpstr (shown, ==, hover);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (panel), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       hover);
}

static void
test_keys (Fixture       *fx,
           gconstpointer  data)
{
  const IkouBudget *budget;
  g_autofree char *path = NULL;

  /* Shown (the settings may remember it shown already). */
  if (!gtk_revealer_get_reveal_child (fx->window->cost_revealer))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "costs.show-panel", NULL));
  gui_test_settle (fx->window);
  scroll_to_start (fx->window);
  g_assert_true (gtk_widget_get_focusable (fx->window->cost_panel));
  g_assert_cmpint (ikou_cost_panel_get_focus_year (fx->panel), ==, 0);
  g_assert_null (ikou_cost_panel_get_focus_text (fx->panel));

  /* Focused, it starts at today's fiscal year (2021-03-01: FY2020). */
  g_assert_true (gtk_widget_grab_focus (fx->window->cost_panel));
  gui_test_settle (fx->window);
  g_assert_true (gtk_widget_has_focus (fx->window->cost_panel));
  assert_focus_shows (fx->panel, 2020);

  gui_test_press_keys (fx->window, "Right");
  assert_focus_shows (fx->panel, 2021);
  g_assert_nonnull (strstr (ikou_cost_panel_get_focus_text (fx->panel), "39,652"));
  gui_test_press_keys (fx->window, "Right");
  assert_focus_shows (fx->panel, 2022);
  g_assert_nonnull (strstr (ikou_cost_panel_get_focus_text (fx->panel), "49,952"));
  save_screenshot (GTK_WIDGET (fx->window), "-keys");
  path = gui_test_artifact_path ("costs", "-keys-popover", ".png");
  ikou_gui_test_save_screenshot (gtk_widget_get_first_child (fx->window->cost_panel), path);
  gui_test_press_keys (fx->window, "Left");
  assert_focus_shows (fx->panel, 2021);

  /* Home and End: the first and the last year of the chart, scrolled
   * into sight. */
  budget = ikou_cost_chart_get_budget (ikou_cost_panel_get_chart (fx->panel), 0);
  gui_test_press_keys (fx->window, "End");
  assert_focus_shows (fx->panel, budget->last_fy);
  {
    IkouCostBar bar;

    g_assert_true (find_bar (ikou_cost_panel_get_chart (fx->panel), budget->last_fy, 0, &bar));
    g_assert_cmpfloat (bar.x + bar.width, <=, gtk_widget_get_width (fx->window->cost_panel));
  }
  gui_test_press_keys (fx->window, "Home");
  assert_focus_shows (fx->panel, budget->first_fy);
  gui_test_press_keys (fx->window, "Left");
  assert_focus_shows (fx->panel, budget->first_fy);

  /* An edit changes what the popover says. */
  {
    IkouDocument *document = ikou_window_get_document (fx->window);
    IkouSystem *seikatsu = ikou_plan_lookup_system (ikou_window_get_plan (fx->window), 2);
    IkouStep step;

    gui_test_press_keys (fx->window, "Right");
    while (ikou_cost_panel_get_focus_year (fx->panel) < 2021)
      gui_test_press_keys (fx->window, "Right");
    assert_focus_shows (fx->panel, 2021);
    g_assert_true (ikou_document_get_step (document, seikatsu, 0, &step));
    step.budget_amount += 1000;
    ikou_document_set_step (document, seikatsu, 0, &step);
    ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 3);
    assert_focus_shows (fx->panel, 2021);
    g_assert_nonnull (strstr (ikou_cost_panel_get_focus_text (fx->panel), "14,000"));
  }

  /* Leaving the panel puts the popover away; the year stays. */
  gtk_widget_grab_focus (fx->window->timeline);
  ikou_gui_test_wait_frames (GTK_WIDGET (fx->window), 2);
  g_assert_null (ikou_cost_panel_get_focus_text (fx->panel));
  g_assert_cmpint (ikou_cost_panel_get_focus_year (fx->panel), ==, 2021);
}

/* The export dialog's row: none, under the roadmap on every page (the
 * same pages), or a page of their own (one more), previewed. */
static void
test_export_dialog (Fixture       *fx,
                    gconstpointer  data)
{
  IkouExportDialog *dialog =
    ikou_export_dialog_new (GTK_WINDOW (fx->window), ikou_window_get_document (fx->window),
                            G_LIST_MODEL (ikou_window_get_selection (fx->window)), FALSE);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                   IKOU_TYPE_EXPORT_DIALOG,
                                                                   "costs_row"));
  g_autofree char *dir = g_dir_make_tmp ("ikou-costs-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "costs.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint n_plain;

  g_object_ref (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 800);
  gtk_window_present (GTK_WINDOW (dialog));
  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ikou_export_dialog_flush (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  n_plain = ikou_export_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_plain, >=, 1);

  adw_combo_row_set_selected (row, 1);
  ikou_export_dialog_flush (dialog);
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), ==, n_plain);

  adw_combo_row_set_selected (row, 2);
  ikou_export_dialog_flush (dialog);
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), ==, n_plain + 1);
  ikou_export_dialog_set_page (dialog, 1);
  save_screenshot (GTK_WIDGET (dialog), "-export-dialog");

  g_assert_true (ikou_export_dialog_export_to (dialog, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_autofree char *text = NULL;

    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, NULL, NULL))
      {
        /* The figures page: FY2022's total, the goal. */
        g_assert_nonnull (strstr (text, "49,952"));
        g_assert_nonnull (strstr (text, "15,750"));
      }
  }
  g_remove (path);
  g_rmdir (dir);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context for accessibility: what the panel tells
   * assistive technologies can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  lang = gui_test_init (&argc, &argv, "costs", "2021-03-01");

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/costs/panel", test_panel);
  ADD_TEST ("/costs/compare", test_compare);
  ADD_TEST ("/costs/keys", test_keys);
  ADD_TEST ("/costs/export-dialog", test_export_dialog);

  return gui_test_run ();
}

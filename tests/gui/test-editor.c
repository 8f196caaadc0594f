/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-host-editor.h"
#include "ikou-resources.h"
#include "ikou-system-editor.h"
#include "ikou-gui-test-util.h"
#include "ikou-test-util.h"

/* The system editor and the host editor in a real window (under Xvfb):
 * typing dates, invalid input, undo through the history, and a
 * screenshot of the editor in tests/artifacts of the build tree. */

static IkouDay
ymd (int y,
     int m,
     int d)
{
  return ikou_day_from_ymd (y, m, d);
}

/* A small plan: three hosts, 住民記録 with two steps, 税務 with none. */
static IkouPlan *
make_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouSystem) s1 = ikou_system_new (1, "住民記録システム");
  g_autoptr(IkouSystem) s2 = ikou_system_new (2, "税務システム");
  IkouStep to_gov = ikou_test_step (1, 3, "2024-09-01", 48000, "2025-04-01", "2026-01-01");
  IkouStep to_shared = ikou_test_step (3, 2, "2026-09-01", -1, "2027-04-01", "2027-10-01");

  to_gov.standard_compliant = TRUE;
  to_gov.arrangement = IKOU_ARRANGEMENT_DEBT_BURDEN;
  to_gov.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET);

  ikou_test_add_hosts (plan,
                       1, "電算室内統合SV", IKOU_HOST_ONPREM_SHARED,
                       2, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD,
                       3, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD,
                       4, "予備機", IKOU_HOST_OTHER,
                       0);
  ikou_host_set_available_until (ikou_plan_lookup_host (plan, 1), ymd (2026, 3, 31));

  ikou_system_set_department (s1, "市民課");
  ikou_system_set_vendor (s1, "ベンダーA");
  ikou_system_set_operation (s1, "resident-register");
  ikou_system_set_host (s1, 1);
  ikou_system_set_status (s1, IKOU_STATUS_IN_PROGRESS);
  ikou_system_set_notes (s1, "窓口システムと連携");
  ikou_system_insert_step (s1, 0, &to_gov);
  ikou_system_insert_step (s1, 1, &to_shared);

  ikou_system_set_host (s2, 1);

  ikou_plan_add_system (plan, s1);
  ikou_plan_add_system (plan, s2);
  return plan;
}

static void
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Lets GTK lay out and draw. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 500 && !gtk_widget_get_mapped (widget); i++)
    wait_ms (10);
  g_assert_true (gtk_widget_get_mapped (widget));
  wait_ms (150);
}

/* The first widget under @root (depth first) of @type whose tooltip or
 * label is @text (NULL: any). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (child);
          const char *label = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;

          if (text == NULL || g_strcmp0 (tooltip, text) == 0 || g_strcmp0 (label, text) == 0)
            return child;
        }
      if ((found = find_widget (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
find_widgets (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      find_widgets (child, type, found);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *build_root = g_getenv ("IKOU_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (build_root ? build_root : ".", "tests", "artifacts", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *lang = g_get_language_names ()[0];
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (lang != NULL && g_str_has_prefix (lang, "ja"))
    path = g_strdup_printf ("%s/%s-ja.png", dir, name);
  else
    path = g_strdup_printf ("%s/%s.png", dir, name);

  /* The paintable holds an image of the widget from its next frame. */
  gtk_widget_queue_draw (widget);
  wait_ms (100);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Scrolls the editor's panel to @fraction (0 top, 1 bottom). */
static void
scroll_editor (IkouSystemEditor *editor,
               double            fraction)
{
  GtkWidget *step = GTK_WIDGET (ikou_system_editor_get_step_date_entry (editor, 0, IKOU_MILESTONE_BUDGET));
  GtkWidget *scrolled = gtk_widget_get_ancestor (step, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment,
                            fraction * (gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment)));
  wait_ms (50);
}

typedef struct
{
  IkouPlan         *plan;
  IkouSchedule     *schedule;
  IkouHistory      *history;
  GtkWindow        *window;
  IkouSystemEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->plan = make_plan ();
  f->schedule = ikou_test_load_schedule ();
  f->history = ikou_history_new (f->plan);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 440, 1000);
  f->editor = IKOU_SYSTEM_EDITOR (ikou_system_editor_new ());
  ikou_system_editor_set_context (f->editor, f->plan, f->schedule, f->history);
  ikou_system_editor_set_system (f->editor, ikou_plan_lookup_system (f->plan, 1));
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  wait_mapped (GTK_WIDGET (f->editor));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_destroy (f->window);
  wait_ms (10);
  g_assert_null (f->editor);
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->schedule);
  g_assert_finalize_object (f->plan);
}

static void
type_and_activate (GtkEntry   *entry,
                   const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the entry's text widget, which the entry forwards as ::activate. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  wait_ms (20);
}

/* The 和暦 beside a date field: shown in Japanese only. */
static void
assert_beside (GtkLabel   *label,
               const char *japanese)
{
  g_assert_cmpstr (gtk_label_get_text (label), ==, ikou_locale_is_japanese () ? japanese : "");
}

static void
test_cutover (Fixture       *f,
              gconstpointer  data)
{
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  g_autoptr(IkouStep) before = ikou_step_copy (ikou_system_get_step (s1, 0));
  IkouDateEntry *cutover = ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_CUTOVER);
  GtkEntry *entry;

  g_assert_nonnull (cutover);
  g_assert_null (ikou_system_editor_get_step_date_entry (f->editor, 2, IKOU_MILESTONE_CUTOVER));
  entry = ikou_date_entry_get_entry (cutover);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-01-01");
  /* The 和暦 beside the date in Japanese; no Japanese in English. */
  assert_beside (ikou_date_entry_get_era_label (cutover), "令和8年1月1日");

  /* 和暦 input is applied as one undoable command. */
  type_and_activate (entry, "R7.4.1");
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, ymd (2025, 4, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-04-01");
  assert_beside (ikou_date_entry_get_era_label (cutover), "令和7年4月1日");
  g_assert_null (ikou_date_entry_get_error (cutover));
  g_assert_true (ikou_history_can_undo (f->history));
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Move cut-over"));

  /* One undo restores it, and the editor follows. */
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), before));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-01-01");
  g_assert_true (ikou_history_redo (f->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-04-01");
  g_assert_true (ikou_history_undo (f->history));

  /* An impossible date: inline error, the model and history untouched
   * (the redo step is still there: nothing was recorded). */
  type_and_activate (entry, "令和7年13月");
  wait_ms (50);
  g_assert_nonnull (ikou_date_entry_get_error (cutover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ikou_date_entry_get_error_label (cutover))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ikou_date_entry_get_error_label (cutover))));
  g_assert_nonnull (strstr (gtk_label_get_text (ikou_date_entry_get_error_label (cutover)),
                            "令和7年13月"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), before));
  g_assert_false (ikou_history_can_undo (f->history));
  g_assert_true (ikou_history_can_redo (f->history));
  g_assert_cmpint (ikou_date_entry_get_day (cutover), ==, ymd (2026, 1, 1));
  /* The text stays for the user to fix; an unrelated change keeps it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "令和7年13月");
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "ベンダーB");
    ikou_history_set_system_property (f->history, s1, "vendor", &value);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "令和7年13月");
    g_assert_nonnull (ikou_date_entry_get_error (cutover));
    g_assert_true (ikou_history_undo (f->history));
  }

  save_screenshot (GTK_WIDGET (f->window), "editor-error");

  /* Fixing it clears the error; full-width input works too. */
  type_and_activate (entry, "Ｒ７．１２．１");
  g_assert_null (ikou_date_entry_get_error (cutover));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ikou_date_entry_get_error_label (cutover))));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, ymd (2025, 12, 1));

  /* Month precision and an emptied field. */
  type_and_activate (entry, "令和7年4月");
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, ymd (2025, 4, 1));
  type_and_activate (entry, "2025/4/1");
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Move cut-over"));
  type_and_activate (entry, "");
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, IKOU_DAY_NONE);
  g_assert_cmpstr (gtk_label_get_text (ikou_date_entry_get_era_label (cutover)), ==, "");
  while (ikou_history_undo (f->history))
    ;
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), before));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-01-01");

  /* The whole panel, top and bottom. */
  gtk_window_set_focus (f->window, NULL);
  scroll_editor (f->editor, 0.0);
  save_screenshot (GTK_WIDGET (f->window), "editor");
  scroll_editor (f->editor, 1.0);
  save_screenshot (GTK_WIDGET (f->window), "editor-steps");
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  GtkWidget *root = GTK_WIDGET (f->editor);
  GtkEntry *name = NULL;
  GtkWidget *widget;
  GtkSwitch *tokutei;
  IkouDateEntry *deadline;
  IkouDateEntry *budget;
  g_autoptr(GError) error = NULL;

  /* Name: the first entry of the panel. */
  name = GTK_ENTRY (find_widget (root, GTK_TYPE_ENTRY, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "住民記録システム");
  type_and_activate (name, "  住民記録  ");
  g_assert_cmpstr (ikou_system_get_name (s1), ==, "住民記録");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "住民記録");
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Edit name"));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "住民記録システム");

  /* 特定移行支援: switch, then a deadline (invalid first). */
  tokutei = GTK_SWITCH (find_widget (root, GTK_TYPE_SWITCH, NULL));
  deadline = IKOU_DATE_ENTRY (find_widget (root, IKOU_TYPE_DATE_ENTRY, NULL));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (deadline)));
  gtk_switch_set_active (tokutei, TRUE);
  g_assert_true (ikou_system_get_tokutei (s1));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (deadline)));
  type_and_activate (ikou_date_entry_get_entry (deadline), "R9.13.1");
  g_assert_nonnull (ikou_date_entry_get_error (deadline));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s1), ==, IKOU_DAY_NONE);
  type_and_activate (ikou_date_entry_get_entry (deadline), "令和9年3月31日");
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s1), ==, ymd (2027, 3, 31));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (gtk_switch_get_active (tokutei));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s1), ==, IKOU_DAY_NONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (deadline))), ==, "");

  /* The operation and host dropdowns. */
  widget = find_widget (root, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))), ==,
                    1 + ikou_schedule_get_n_operations (f->schedule));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 0);
  g_assert_null (ikou_system_get_operation (s1));
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Change operation"));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpstr (ikou_system_get_operation (s1), ==, "resident-register");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)), ==, 1);

  /* The budget amount (千円): invalid text is refused inline. */
  budget = ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_BUDGET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (budget))), ==,
                   "2024-09-01");
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    GtkEntry *amount = NULL;
    GtkWidget *message;

    find_widgets (root, GTK_TYPE_ENTRY, entries);
    for (guint i = 0; i < entries->len && amount == NULL; i++)
      if (g_str_equal (gtk_editable_get_text (g_ptr_array_index (entries, i)), "48,000"))
        amount = g_ptr_array_index (entries, i);
    g_assert_nonnull (amount);
    message = gtk_widget_get_next_sibling (GTK_WIDGET (amount));
    g_assert_true (GTK_IS_LABEL (message));
    g_assert_false (gtk_widget_get_visible (message));

    type_and_activate (amount, "12万");
    g_assert_true (gtk_widget_get_visible (message));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
    g_assert_cmpint (ikou_system_get_step (s1, 0)->budget_amount, ==, 48000);
    g_assert_cmpstr (ikou_history_get_undo_label (f->history), !=, _("Edit budget amount"));

    type_and_activate (amount, "３６，０００");
    g_assert_false (gtk_widget_get_visible (message));
    g_assert_cmpint (ikou_system_get_step (s1, 0)->budget_amount, ==, 36000);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "36,000");
    type_and_activate (amount, "");
    g_assert_cmpint (ikou_system_get_step (s1, 0)->budget_amount, ==, -1);
    g_assert_true (ikou_history_undo (f->history));
    g_assert_true (ikou_history_undo (f->history));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "48,000");
  }

  /* The running cost after the cut-over (千円/年): 1,234 and full-width
   * digits are amounts, anything else is refused in place. */
  {
    GtkWidget *label = find_widget (root, GTK_TYPE_LABEL, _("Running cost after cut-over (¥1,000/yr)"));
    GtkEntry *cost;
    GtkWidget *message;

    g_assert_nonnull (label);
    cost = GTK_ENTRY (gtk_label_get_mnemonic_widget (GTK_LABEL (label)));
    g_assert_true (GTK_IS_ENTRY (cost));
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (cost)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost)), ==, "");
    message = gtk_widget_get_next_sibling (GTK_WIDGET (cost));
    g_assert_true (GTK_IS_LABEL (message));

    type_and_activate (cost, "1,234");
    g_assert_cmpint (ikou_system_get_step (s1, 0)->annual_cost, ==, 1234);
    g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Edit running cost"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost)), ==, "1,234");
    type_and_activate (cost, "５６７");
    g_assert_cmpint (ikou_system_get_step (s1, 0)->annual_cost, ==, 567);
    type_and_activate (cost, "-5");
    g_assert_true (gtk_widget_get_visible (message));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cost), "error"));
    g_assert_cmpint (ikou_system_get_step (s1, 0)->annual_cost, ==, 567);
    g_assert_true (ikou_history_undo (f->history));
    g_assert_true (ikou_history_undo (f->history));
    g_assert_cmpint (ikou_system_get_step (s1, 0)->annual_cost, ==, -1);
    /* What was typed and refused stays until it is corrected. */
    type_and_activate (cost, "");
    g_assert_false (gtk_widget_get_visible (message));
    g_assert_cmpint (ikou_system_get_step (s1, 0)->annual_cost, ==, -1);
  }

  /* Add, duplicate and remove steps through the buttons. */
  widget = find_widget (root, GTK_TYPE_BUTTON, _("Add a step after the last one"));
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 3);
  g_assert_cmpuint (ikou_system_get_step (s1, 2)->from_host, ==, 2);
  g_assert_nonnull (ikou_system_editor_get_step_date_entry (f->editor, 2, IKOU_MILESTONE_CUTOVER));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  wait_ms (20);
  g_assert_null (ikou_system_editor_get_step_date_entry (f->editor, 2, IKOU_MILESTONE_CUTOVER));

  widget = find_widget (root, GTK_TYPE_BUTTON, _("Duplicate this step"));
  g_signal_emit_by_name (widget, "clicked");
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 3);
  g_assert_cmpint (ikou_system_get_step (s1, 1)->cutover_date, ==, ymd (2026, 1, 1));
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Duplicate step"));
  g_assert_true (ikou_history_undo (f->history));

  widget = find_widget (root, GTK_TYPE_BUTTON, _("Remove this step"));
  g_signal_emit_by_name (widget, "clicked");
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, ymd (2027, 10, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (
                     ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_CUTOVER)))),
                   ==, "2027-10-01");
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (
                     ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_CUTOVER)))),
                   ==, "2026-01-01");

  /* Another system, then none: the empty page. */
  ikou_system_editor_set_system (f->editor, ikou_plan_lookup_system (f->plan, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "税務システム");
  g_assert_null (ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_CUTOVER));
  ikou_history_remove_system (f->history, ikou_plan_lookup_system (f->plan, 2));
  g_assert_null (ikou_system_editor_get_system (f->editor));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  g_assert_no_error (error);
}

/* The date fields follow the 西暦/和暦 setting: in 和暦 the field reads
 * R8.1.1 with the ISO date beside it, in 西暦 (and English) ISO alone;
 * either way every form is accepted and an untouched field is no edit. */
/* The notes (their handlers declared in the template): leaving them
 * applies what was typed; Esc puts back what the plan holds. */
static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  GtkWidget *root = GTK_WIDGET (f->editor);
  GtkTextView *notes = GTK_TEXT_VIEW (find_widget (root, GTK_TYPE_TEXT_VIEW, NULL));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gboolean handled = FALSE;

  g_assert_nonnull (notes);
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  gtk_text_buffer_set_text (buffer, "新しい備考", -1);
  gtk_widget_grab_focus (find_widget (root, GTK_TYPE_ENTRY, NULL));
  wait_ms (20);
  g_assert_cmpstr (ikou_system_get_notes (s1), ==, "新しい備考");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (notes));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_signal_has_handler_pending (controller, g_signal_lookup ("key-pressed", GTK_TYPE_EVENT_CONTROLLER_KEY), 0, FALSE))
        keys = controller;
    }
  g_assert_nonnull (keys);
  gtk_text_buffer_set_text (buffer, "消す備考", -1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "新しい備考");
  g_assert_cmpstr (ikou_system_get_notes (s1), ==, "新しい備考");
}

static void
test_era_labels (Fixture       *f,
                 gconstpointer  data)
{
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  IkouDateEntry *cutover = ikou_system_editor_get_step_date_entry (f->editor, 0, IKOU_MILESTONE_CUTOVER);
  GtkEntry *entry = ikou_date_entry_get_entry (cutover);
  IkouDateEntry *month = IKOU_DATE_ENTRY (ikou_date_entry_new ());

  g_object_ref_sink (month);
  ikou_date_entry_set_labels (month, IKOU_LABELS_ERA);
  ikou_date_entry_set_month_only (month, TRUE);
  ikou_date_entry_set_day (month, ymd (2025, 4, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (month))), ==,
                   "R7年4月");
  g_assert_cmpstr (gtk_label_get_text (ikou_date_entry_get_era_label (month)), ==, "2025-04");
  g_object_unref (month);

  /* What the window does when Japanese with 和暦 on: labels ERA. */
  ikou_date_entry_set_labels (cutover, IKOU_LABELS_ERA);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "R8.1.1");
  g_assert_cmpstr (gtk_label_get_text (ikou_date_entry_get_era_label (cutover)), ==, "2026-01-01");
  /* Leaving it untouched changes nothing. */
  ikou_date_entry_apply (cutover);
  g_assert_false (ikou_history_can_undo (f->history));
  type_and_activate (entry, "2025/4/1");
  g_assert_cmpint (ikou_system_get_step (s1, 0)->cutover_date, ==, ymd (2025, 4, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "R7.4.1");

  ikou_date_entry_set_labels (cutover, IKOU_LABELS_WESTERN);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-04-01");
  g_assert_cmpstr (gtk_label_get_text (ikou_date_entry_get_era_label (cutover)), ==, "");

  /* The editor sets every field, a step added later too (English here:
   * ISO whatever the setting). */
  scroll_editor (f->editor, 0.5);
  ikou_system_editor_set_era_labels (f->editor, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   ikou_locale_is_japanese () ? "R7.4.1" : "2025-04-01");
  save_screenshot (GTK_WIDGET (f->window), "editor-dates");
}

static GtkWidget *
mnemonic_of (GtkWidget  *root,
             const char *label)
{
  GtkWidget *widget = find_widget (root, GTK_TYPE_LABEL, label);

  g_assert_nonnull (widget);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
}

/* The classified 特定移行支援 reason and 経過措置: each field edits the
 * model through the history, and the fields wait for their switch. */
static void
test_transitional (Fixture       *f,
                   gconstpointer  data)
{
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  GtkWidget *root = GTK_WIDGET (f->editor);
  GtkDropDown *kind = GTK_DROP_DOWN (mnemonic_of (root, _("_Classification")));
  GtkSwitch *tokutei = GTK_SWITCH (mnemonic_of (root, _("_Approved")));
  GtkSwitch *transitional = GTK_SWITCH (mnemonic_of (root, _("_Goes live with functions to come")));
  GtkEntry *functions = GTK_ENTRY (mnemonic_of (root, _("F_unctions")));
  GtkWidget *label;
  IkouDateEntry *completion, *notified;

  g_assert_true (GTK_IS_DROP_DOWN (kind));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kind)), ==,
                    IKOU_N_TOKUTEI_REASONS);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (kind)));
  gtk_switch_set_active (tokutei, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (kind)));
  gtk_drop_down_set_selected (kind, IKOU_TOKUTEI_REASON_VENDOR_CAPACITY);
  g_assert_cmpint (ikou_system_get_tokutei_reason_kind (s1), ==, IKOU_TOKUTEI_REASON_VENDOR_CAPACITY);
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Change special migration reason"));

  /* 経過措置: the dates follow the switch. */
  label = find_widget (root, GTK_TYPE_LABEL, _("Planned completion"));
  completion = IKOU_DATE_ENTRY (gtk_widget_get_next_sibling (label));
  label = find_widget (root, GTK_TYPE_LABEL, _("Notified to the Digital Agency"));
  notified = IKOU_DATE_ENTRY (gtk_widget_get_next_sibling (label));
  g_assert_true (IKOU_IS_DATE_ENTRY (completion));
  g_assert_true (IKOU_IS_DATE_ENTRY (notified));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (functions)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (notified)));
  gtk_switch_set_active (transitional, TRUE);
  g_assert_true (ikou_system_get_transitional (s1));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (notified)));
  type_and_activate (functions, "宛名ラベル出力");
  g_assert_cmpstr (ikou_system_get_transitional_functions (s1), ==, "宛名ラベル出力");
  type_and_activate (ikou_date_entry_get_entry (completion), "R9.3.31");
  g_assert_cmpint (ikou_system_get_transitional_completion (s1), ==, ymd (2027, 3, 31));
  type_and_activate (ikou_date_entry_get_entry (notified), "2025/11/31");
  g_assert_nonnull (ikou_date_entry_get_error (notified));
  g_assert_cmpint (ikou_system_get_transitional_notified (s1), ==, IKOU_DAY_NONE);
  type_and_activate (ikou_date_entry_get_entry (notified), "令和7年11月28日");
  g_assert_cmpint (ikou_system_get_transitional_notified (s1), ==, ymd (2025, 11, 28));
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, _("Edit functions still to come"));

  scroll_editor (f->editor, 0.25);
  save_screenshot (GTK_WIDGET (f->window), "editor-transitional");

  /* Undo, one field at a time, back to nothing. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_system_get_transitional (s1));
  g_assert_null (ikou_system_get_transitional_functions (s1));
  g_assert_false (gtk_switch_get_active (transitional));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (functions)), ==, "");
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, IKOU_TOKUTEI_REASON_UNKNOWN);
}

static void
test_host_editor (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  IkouHostEditor *editor;
  IkouHost *h1 = ikou_plan_lookup_host (plan, 1);
  IkouHost *h4 = ikou_plan_lookup_host (plan, 4);
  IkouHost *added;
  GtkEntry *name;
  IkouDateEntry *until;
  GtkListBox *list;
  GtkDropDown *kind;
  guint added_id;

  window = ikou_host_editor_present (NULL, plan, history);
  editor = IKOU_HOST_EDITOR (find_widget (GTK_WIDGET (window), IKOU_TYPE_HOST_EDITOR, NULL));
  g_assert_nonnull (editor);
  wait_mapped (GTK_WIDGET (editor));
  g_assert_true (ikou_host_editor_get_selected (editor) == h1);

  /* Editing the selected host's name and lease end. */
  name = GTK_ENTRY (find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY, NULL));
  type_and_activate (name, "電算室サーバ");
  g_assert_cmpstr (ikou_host_get_name (h1), ==, "電算室サーバ");
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, _("Rename host"));
  {
    g_autoptr(GPtrArray) dates = g_ptr_array_new ();

    find_widgets (GTK_WIDGET (editor), IKOU_TYPE_DATE_ENTRY, dates);
    g_assert_cmpuint (dates->len, ==, 2);
    until = g_ptr_array_index (dates, 1);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (until))), ==,
                   "2026-03-31");
  type_and_activate (ikou_date_entry_get_entry (until), "H31.5.1");
  g_assert_nonnull (ikou_date_entry_get_error (until));
  g_assert_cmpint (ikou_host_get_available_until (h1), ==, ymd (2026, 3, 31));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, _("Rename host"));
  type_and_activate (ikou_date_entry_get_entry (until), "R9.3.31");
  g_assert_cmpint (ikou_host_get_available_until (h1), ==, ymd (2027, 3, 31));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, _("Change host available until"));
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (until))), ==,
                   "2026-03-31");

  /* A host in use is not removed; the message names the system. */
  g_assert_false (ikou_host_editor_remove_host (editor, h1, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "住民記録システム"));
  g_assert_true (ikou_plan_lookup_host (plan, 1) == h1);
  g_clear_error (&error);

  /* An unused one is, undoably, at the same place with the same id. */
  g_assert_true (ikou_host_editor_remove_host (editor, h4, &error));
  g_assert_no_error (error);
  g_assert_null (ikou_plan_lookup_host (plan, 4));
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_plan_get_host (plan, 3) == h4);

  added = ikou_host_editor_add_host (editor);
  g_assert_nonnull (added);
  g_assert_cmpuint (ikou_host_get_id (added), ==, 5);
  g_assert_true (ikou_host_editor_get_selected (editor) == added);
  wait_ms (50);
  save_screenshot (GTK_WIDGET (window), "host-editor");
  g_assert_true (ikou_history_undo (history));
  g_assert_null (ikou_plan_lookup_host (plan, 5));
  wait_ms (20);
  g_assert_null (ikou_host_editor_get_selected (editor));

  /* The same through the editor's widgets: a row of the list selects
   * its host, the drop-down sets its kind, the buttons add and remove. */
  list = GTK_LIST_BOX (find_widget (GTK_WIDGET (editor), GTK_TYPE_LIST_BOX, NULL));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (ikou_host_editor_get_selected (editor) == h4);
  kind = GTK_DROP_DOWN (find_widget (GTK_WIDGET (editor), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (kind, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpint (ikou_host_get_kind (h4), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, _("Change host kind"));
  g_assert_true (ikou_history_undo (history));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, _("Add a host")),
                         "clicked");
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 5);
  added = ikou_plan_get_host (plan, 4);
  added_id = ikou_host_get_id (added);
  g_assert_true (ikou_host_editor_get_selected (editor) == added);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                      _("Remove the selected host")), "clicked");
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 4);
  g_assert_null (ikou_plan_lookup_host (plan, added_id));

  gtk_window_destroy (window);
  wait_ms (10);
}

static void
month_applied_cb (IkouDateEntry *entry,
                  int            day,
                  GArray        *applied)
{
  IkouDay d = day;

  g_array_append_val (applied, d);
  /* The owner applies the day (here: takes it as it is). */
  ikou_date_entry_set_day (entry, d);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Month mode: 2025-04 with 令和7年4月 beside it; every form a planner types
 * for a month (and whole dates) is April 2025, the first of the month. */
static void
test_date_entry_month (void)
{
  g_autoptr(GArray) applied = g_array_new (FALSE, FALSE, sizeof (IkouDay));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  IkouDateEntry *date = IKOU_DATE_ENTRY (ikou_date_entry_new ());
  GtkEntry *entry = ikou_date_entry_get_entry (date);
  GtkLabel *era = ikou_date_entry_get_era_label (date);
  const char *april[] = { "R7年4月", "2025/4", "令和7年4月1日", "2025-04-15", "R7.4", "２０２５／４", "2025年4月" };
  guint n_month_only = 0;
  guint n_day = 0;
  gboolean month_only = FALSE;

  g_signal_connect (date, "day-applied", G_CALLBACK (month_applied_cb), applied);
  g_signal_connect (date, "notify::month-only", G_CALLBACK (count_notify_cb), &n_month_only);
  g_signal_connect (date, "notify::day", G_CALLBACK (count_notify_cb), &n_day);
  gtk_window_set_child (window, GTK_WIDGET (date));
  gtk_window_present (window);
  wait_mapped (GTK_WIDGET (date));

  /* A day held in day mode becomes its month's first day. */
  ikou_date_entry_set_day (date, ymd (2025, 6, 15));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-06-15");
  n_day = 0;
  g_assert_false (ikou_date_entry_get_month_only (date));
  g_object_set (date, "month-only", TRUE, NULL);
  g_object_set (date, "month-only", TRUE, NULL);
  g_assert_cmpuint (n_month_only, ==, 1);   /* notified on change only */
  g_object_get (date, "month-only", &month_only, NULL);
  g_assert_true (month_only);
  g_assert_cmpuint (n_day, ==, 1);
  g_assert_cmpint (ikou_date_entry_get_day (date), ==, ymd (2025, 6, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-06");
  assert_beside (era, "令和7年6月");

  /* The first form moves the field to April; the others are April too:
   * nothing new to apply, the text reads back as the month. */
  for (guint i = 0; i < G_N_ELEMENTS (april); i++)
    {
      type_and_activate (entry, april[i]);
      g_assert_null (ikou_date_entry_get_error (date));
      g_assert_cmpint (ikou_date_entry_get_day (date), ==, ymd (2025, 4, 1));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2025-04");
      assert_beside (era, "令和7年4月");
    }
  g_assert_cmpuint (applied->len, ==, 1);
  g_assert_cmpint (g_array_index (applied, IkouDay, 0), ==, ymd (2025, 4, 1));

  /* A whole date in another month reports that month's first day. */
  type_and_activate (entry, "R8.1.20");
  g_assert_cmpuint (applied->len, ==, 2);
  g_assert_cmpint (g_array_index (applied, IkouDay, 1), ==, ymd (2026, 1, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-01");
  assert_beside (era, "令和8年1月");

  /* What is no month is refused as in day mode: the month stays. */
  type_and_activate (entry, "R7年13月");
  g_assert_nonnull (ikou_date_entry_get_error (date));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (applied->len, ==, 2);
  g_assert_cmpint (ikou_date_entry_get_day (date), ==, ymd (2026, 1, 1));

  /* Empty: no month. */
  type_and_activate (entry, "");
  g_assert_null (ikou_date_entry_get_error (date));
  g_assert_cmpuint (applied->len, ==, 3);
  g_assert_cmpint (g_array_index (applied, IkouDay, 2), ==, IKOU_DAY_NONE);
  g_assert_cmpstr (gtk_label_get_text (era), ==, "");

  /* The owner's day is shown as its month; day mode again shows days. */
  ikou_date_entry_set_day (date, ymd (2027, 3, 31));
  g_assert_cmpint (ikou_date_entry_get_day (date), ==, ymd (2027, 3, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-03");
  ikou_date_entry_set_month_only (date, FALSE);
  g_assert_cmpuint (n_month_only, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-03-01");
  assert_beside (era, "令和9年3月1日");

  gtk_window_destroy (window);
  wait_ms (10);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IKOU_LOCALEDIR");
  int out = 0;

  /* --ikou-lang=ja: the Japanese interface (screenshots *-ja.png). */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--ikou-lang=ja"))
        g_setenv ("LANGUAGE", "ja", TRUE);
      else
        argv[++out] = argv[i];
    }
  argc = out + 1;
  argv[argc] = NULL;

  gtk_test_init (&argc, &argv, NULL);

  ikou_gui_test_watch_warnings ();
  /* gtk_test_init() picks a fixed locale; use the test's (LC_ALL). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  /* The GUI resources are registered by hand (as the application does). */
  ikou_register_resource ();
  g_assert_nonnull (ikou_get_resource ());

  g_test_add ("/editor/cutover", Fixture, NULL, fixture_set_up, test_cutover, fixture_tear_down);
  g_test_add ("/editor/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/editor/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/editor/transitional", Fixture, NULL, fixture_set_up, test_transitional,
              fixture_tear_down);
  g_test_add ("/editor/era-labels", Fixture, NULL, fixture_set_up, test_era_labels,
              fixture_tear_down);
  g_test_add_func ("/editor/host-editor", test_host_editor);
  g_test_add_func ("/editor/date-entry-month", test_date_entry_month);

  return g_test_run ();
}

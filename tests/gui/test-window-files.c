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

/* The main window's files under Xvfb: saving and the recovery copy, an
 * orphaned recovery copy, broken files, the plan's export formats, the
 * close confirmation, opening from the command line, the recovery
 * offered at start and the new plan dialog.  Screenshots go to
 * tests/artifacts/window-<lang>-*.png in the build tree.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static IkouApplication *app;
static const char *lang = "en";

static void
test_save_and_recovery (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  g_autofree char *path = g_build_filename (gui_test_get_home (), "saved.ikou", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *recovery_dir = ikou_context_get_recovery_dir ();
  g_autofree char *recovery_file = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  IkouWindow *reopened;

  /* An XML plan becomes an untitled document. */
  g_assert_null (ikou_window_get_file (window));

  /* An edit makes it dirty; two seconds later the recovery copy is
   * written on its own... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));
  g_assert_true (ikou_window_get_dirty (window));
  g_assert_null (window->recovery_id);
  {
    IKOU_GUI_TEST_WAIT_UNTIL (window->recovery_id != NULL, 6000);
    g_assert_nonnull (window->recovery_id);
  }
  recovery_file = g_build_filename (recovery_dir, window->recovery_id, NULL);
  {
    g_autofree char *ikou = g_strconcat (recovery_file, ".ikou", NULL);
    g_autoptr(IkouPlan) copy = ikou_store_load (ikou, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ikou_plan_get_n_systems (copy), ==, 18);
  }
  /* (and again on demand, e.g. before a risky operation) */
  g_assert_true (ikou_window_autosave (window, &error));
  g_assert_no_error (error);

  /* ...and is not an orphan while this process lives. */
  orphans = ikou_application_find_orphaned_recovery ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Saving writes the .ikou, cleans the document, removes the copy. */
  g_assert_true (ikou_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (ikou_window_get_dirty (window));
  g_assert_true (g_file_equal (ikou_window_get_file (window), file));
  {
    g_autofree char *ikou = g_strconcat (recovery_file, ".ikou", NULL);
    g_assert_false (g_file_test (ikou, G_FILE_TEST_EXISTS));
  }

  /* It is a recent plan now: in the settings and in the menu. */
  {
    g_auto(GStrv) recent = g_settings_get_strv (ikou_context_get_settings (ikou_application_get_context (app)), "recent-files");
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GVariant) target = NULL;

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, uri);
    g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), >=, 1);
    target = g_menu_model_get_item_attribute_value (G_MENU_MODEL (window->recent_menu), 0,
                                                    G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  }

  /* Undo after a save still works, and makes the document dirty again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (ikou_window_get_dirty (window));
  gui_test_close_window (window);

  /* The saved file opens in a window of its own. */
  reopened = gui_test_new_window ();
  g_assert_true (ikou_window_load_file (reopened, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (reopened)), ==, 18);
  gui_test_close_window (reopened);
}

/* The recovery copy a crashed Ikou left of the sample plan (titled
 * @title when not NULL): crashed.ikou and crashed.ini in the recovery
 * folder, whose paths are returned in *@ikou and *@ini. */
static void
leave_crashed_copy (const char  *title,
                    char       **ikou,
                    char       **ini)
{
  g_autofree char *dir = ikou_context_get_recovery_dir ();
  g_autofree char *sample = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  *ikou = g_build_filename (dir, "crashed.ikou", NULL);
  *ini = g_build_filename (dir, "crashed.ini", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  plan = ikou_xml_read_file (sample, &error);
  g_assert_no_error (error);
  if (title != NULL)
    ikou_plan_set_title (plan, title);
  g_assert_true (ikou_store_save (plan, *ikou, &error));
  /* A process id that cannot be running. */
  g_assert_true (g_file_set_contents (*ini, "[Recovery]\npid=2147483646\n", -1, &error));
}

static void
test_orphaned_recovery (void)
{
  g_autofree char *ikou = NULL;
  g_autofree char *ini = NULL;
  g_autoptr(GPtrArray) orphans = NULL;

  leave_crashed_copy (NULL, &ikou, &ini);
  orphans = ikou_application_find_orphaned_recovery ();
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (orphans, 0), ==, ikou);

  g_remove (ikou);
  g_remove (ini);
}

static void
test_broken_file (void)
{
  IkouWindow *window = gui_test_new_window ();
  g_autofree char *path = g_build_filename (gui_test_get_home (), "broken.ikou", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *with_plan;
  guint n_windows;

  g_assert_true (g_file_set_contents (path, "this is not a plan", -1, NULL));

  /* Nothing changes in an empty window... */
  g_assert_false (ikou_window_load_file (window, file, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == IKOU_ERROR);
  g_test_message ("broken file: %s", error->message);
  g_assert_false (ikou_window_has_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  gui_test_close_window (window);

  /* ...nor in one with a plan: the error is shown over it, no new
   * document window appears. */
  with_plan = gui_test_open_sample_window ();
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  ikou_window_open (with_plan, file);
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (with_plan)), ==, 17);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  {
    GtkWindow *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (with_plan));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "broken.ikou"));
    gtk_window_destroy (dialog);
  }
  gui_test_close_window (with_plan);
}

/* Export Plan… to MS Project XML: the file is MS Project's, and what it
 * cannot hold (the scenarios) is said in a dialog; a table keeps its
 * suffix, anything else becomes Ikou XML. */
static void
test_export_plan_formats (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  g_autofree char *mspdi = g_build_filename (gui_test_get_home (), "計画.mspdi.xml", NULL);
  g_autofree char *plain = g_build_filename (gui_test_get_home (), "plan", NULL);
  g_autofree char *plain_xml = g_build_filename (gui_test_get_home (), "plan.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) mspdi_file = g_file_new_for_path (mspdi);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  GtkWindow *dialog;

  g_assert_nonnull (ikou_document_add_scenario (ikou_window_get_document (window), "遅れる場合",
                                                NULL, NULL, NULL));
  _ikou_window_export_plan (window, mspdi_file);
  g_assert_true (g_file_get_contents (mspdi, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<Project xmlns=\"http://schemas.microsoft.com/project\">"));
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1"));
  gtk_window_destroy (dialog);
  g_clear_pointer (&contents, g_free);

  _ikou_window_export_plan (window, plain_file);
  g_assert_true (g_file_get_contents (plain_xml, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<ikou-plan"));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_unlink (mspdi);
  g_unlink (plain_xml);
  gui_test_close_window (window);
}

static void
destroy_cb (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
test_close_confirmation (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;

  g_signal_connect (window, "destroy", G_CALLBACK (destroy_cb), &destroyed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));

  /* A dirty document asks first: 保存 / 破棄 / キャンセル. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (destroyed);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  /* Cancel keeps the window and its changes. */
  /* (a click answers and closes; here we do both) */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (destroyed);
  g_assert_true (ikou_window_get_dirty (window));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (!destroyed && g_main_context_iteration (NULL, TRUE))
    ;
  g_assert_true (destroyed);
}

static IkouWindow *
window_with_plan_titled (const char *title)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (IKOU_IS_WINDOW (l->data) && ikou_window_get_plan (l->data) != NULL
        && g_strcmp0 (ikou_plan_get_title (ikou_window_get_plan (l->data)), title) == 0)
      return l->data;

  return NULL;
}

static void
test_open_from_command_line (void)
{
  g_autofree char *path = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IkouPlan) plan = ikou_xml_read_file (path, NULL);
  IkouWindow *window;

  /* `ikou plan.xml`: GApplication::open makes a window for the plan. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = window_with_plan_titled (ikou_plan_get_title (plan));
  g_assert_nonnull (window);
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (window)), ==, 17);
  gui_test_close_window (window);
}

static void
test_recovery_offered (void)
{
  g_autofree char *dir = ikou_context_get_recovery_dir ();
  g_autofree char *ikou = NULL;
  g_autofree char *ini = NULL;
  AdwMessageDialog *dialog;
  IkouWindow *window;

  leave_crashed_copy ("recovered plan", &ikou, &ini);

  /* Starting Ikou finds the copy a crashed Ikou left and offers it. */
  g_unsetenv ("IKOU_NO_RECOVERY");
  g_application_activate (G_APPLICATION (app));
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);

  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  adw_message_dialog_response (dialog, "recover");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* It opens with its unsaved changes; the window keeps its own copy. */
  window = window_with_plan_titled ("recovered plan");
  g_assert_nonnull (window);
  g_assert_true (ikou_window_get_dirty (window));
  g_assert_false (g_file_test (ikou, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
  g_assert_nonnull (window->recovery_id);

  /* Discarding it on close removes the window's copy too. */
  {
    g_autofree char *own = g_strconcat (window->recovery_id, ".ikou", NULL);
    g_autofree char *own_path = g_build_filename (dir, own, NULL);

    g_assert_true (g_file_test (own_path, G_FILE_TEST_EXISTS));
    window->close_confirmed = TRUE;
    gtk_window_close (GTK_WINDOW (window));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_false (g_file_test (own_path, G_FILE_TEST_EXISTS));
  }
}

/* The entry row of the dialog titled @title (with its mnemonic). */
static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return GTK_EDITABLE (child);
      if ((found = find_entry_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* The action the window's own shortcut @accel runs (NULL: none). */
static char *
shortcut_action (IkouWindow *window,
                 const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

/* Starting out: the new plan dialog (Ctrl+N) checks the 団体コード with
 * its check digit and makes a plan with the starting hosts; the start
 * page lists the recent plans. */
static void
test_new_plan (void)
{
  IkouContext *context = ikou_application_get_context (app);
  IkouWindow *window = ikou_window_new (GTK_APPLICATION (app), context);
  g_autofree char *sample = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autofree char *sample_uri = g_file_get_uri (sample_file);
  g_autofree char *empty_path = gui_test_artifact_path ("window", "-start", ".png");
  g_autofree char *dialog_path = gui_test_artifact_path ("window", "-new-plan", ".png");
  IkouNewPlanDialog *dialog;
  GtkEditable *code;
  GtkWidget *button;
  IkouPlan *plan;
  gboolean found = FALSE;

  /* The start page: the recent plans, each a button that opens it. */
  ikou_context_add_recent (context, sample_file);
  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (gtk_widget_get_visible (window->start_recent_box));
  for (button = gtk_widget_get_first_child (window->start_recent_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (GTK_IS_BUTTON (button) &&
        g_strcmp0 (gtk_widget_get_tooltip_text (button), sample_uri) == 0)
      {
        found = TRUE;
        g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                         "win.open-recent");
      }
  g_assert_true (found);
  ikou_gui_test_save_screenshot (GTK_WIDGET (window), empty_path);

  /* Ctrl+N is a new plan now; adding a system moved to Insert
   * (Ctrl+Shift+N is the application's new window). */
  {
    g_autofree char *ctrl_n = shortcut_action (window, "<Control>n");
    g_autofree char *insert = shortcut_action (window, "Insert");
    g_autofree char *ctrl_shift_n = shortcut_action (window, "<Control><Shift>n");

    g_assert_cmpstr (ctrl_n, ==, "win.new-plan");
    g_assert_cmpstr (insert, ==, "win.add-system");
    g_assert_cmpstr (ctrl_shift_n, !=, "win.add-system");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  dialog = IKOU_NEW_PLAN_DIALOG (gui_test_find_toplevel (IKOU_TYPE_NEW_PLAN_DIALOG));
  g_assert_nonnull (dialog);
  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (dialog), _("_Name of the organization")), "郡山市");
  code = find_entry_row (GTK_WIDGET (dialog), _("Organization _code (6 digits)"));
  g_assert_nonnull (code);

  /* A wrong check digit is explained and nothing is made. */
  gtk_editable_set_text (code, "072037");
  g_assert_false (ikou_new_plan_dialog_create (dialog));
  g_assert_nonnull (ikou_new_plan_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ikou_new_plan_dialog_get_error (dialog), "072036"));
  g_assert_false (ikou_window_has_document (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ikou_gui_test_save_screenshot (GTK_WIDGET (dialog), dialog_path);
  gtk_editable_set_text (code, "07203");
  g_assert_null (ikou_new_plan_dialog_get_error (dialog));
  g_assert_false (ikou_new_plan_dialog_create (dialog));
  g_assert_nonnull (strstr (ikou_new_plan_dialog_get_error (dialog), "072036"));

  gtk_editable_set_text (code, "０７２０３６");
  g_assert_true (ikou_new_plan_dialog_create (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (gui_test_find_toplevel (IKOU_TYPE_NEW_PLAN_DIALOG));

  /* The plan, in this window (it had none), with its starting hosts. */
  g_assert_true (ikou_window_has_document (window));
  plan = window->plan;
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "郡山市");
  g_assert_cmpstr (ikou_plan_get_org_code (plan), ==, "072036");
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 2);
  g_assert_cmpint (ikou_host_get_kind (ikou_plan_get_host (plan, 1)), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpint (ikou_host_get_available_from (ikou_plan_get_host (plan, 1)), !=, IKOU_DAY_NONE);
  g_assert_null (ikou_window_get_file (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);

  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "window", "2021-03-01");
  app = gui_test_get_application ();

  g_test_add_func ("/window/save-and-recovery", test_save_and_recovery);
  g_test_add_func ("/window/orphaned-recovery", test_orphaned_recovery);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/window/export-plan-formats", test_export_plan_formats);
  g_test_add_func ("/window/close-confirmation", test_close_confirmation);
  g_test_add_func ("/window/open-from-command-line", test_open_from_command_line);
  g_test_add_func ("/window/recovery-offered", test_recovery_offered);
  g_test_add_func ("/window/new-plan", test_new_plan);

  return gui_test_run ();
}

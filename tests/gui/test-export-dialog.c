/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-calendar.h"
#include "ikou-i18n.h"
#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-export-dialog.h"
#include "ikou-finding.h"
#include "ikou-print-operation.h"
#include "ikou-window-private.h"
#include "gui-test.h"
#include "ikou-gui-test-util.h"

/* The roadmap export dialog and printing, in a real window under Xvfb:
 * the sample plan, options set through the dialog's widgets, the inline
 * error for reversed months, a PDF written through the dialog's export
 * function (the native file chooser is bypassed) and checked with
 * pdfinfo/pdftotext/pdffonts, and a GtkPrintOperation exported to PDF.
 * Saves tests/artifacts/export-dialog-<lang>.png (and -error.png) in the
 * build tree.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang = "en";

/* Main loop helpers */

/* Runs the main loop until @widget's visibility is @visible: the dialog
 * follows its options after a debounce. */
static void
wait_visible (GtkWidget *widget,
              gboolean   visible)
{
  IKOU_GUI_TEST_WAIT_UNTIL (gtk_widget_get_visible (widget) == visible, 3000);
  g_assert_cmpint (gtk_widget_get_visible (widget), ==, visible);
}

/* The same for the export button, which follows the options too. */
static void
wait_sensitive (GtkWidget *widget,
                gboolean   sensitive)
{
  IKOU_GUI_TEST_WAIT_UNTIL (gtk_widget_get_sensitive (widget) == sensitive, 3000);
  g_assert_cmpint (gtk_widget_get_sensitive (widget), ==, sensitive);
}

static gpointer
child (IkouExportDialog *dialog,
       const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), IKOU_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

/* Types a month into a month field as a planner does (Enter). */
static void
type_month (IkouExportDialog *dialog,
            const char       *field,
            const char       *text)
{
  IkouDateEntry *entry = child (dialog, field);

  gtk_editable_set_text (GTK_EDITABLE (ikou_date_entry_get_entry (entry)), text);
  g_signal_emit_by_name (ikou_date_entry_get_entry (entry), "activate");
}

static char *
artifact_path (const char *what)
{
  return gui_test_artifact_path ("export-dialog", what, ".png");
}

/* Keeps @path as an artifact for people to look at. */
static void
keep_artifact (const char *path,
               const char *what)
{
  g_autofree char *target = gui_test_artifact_path ("export-dialog", what, ".pdf");
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) destination = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_move (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("kept: %s", target);
}

/* Runs a poppler tool on @path and returns its standard output. */
static char *
run_tool (const char *tool,
          const char *path,
          gboolean    to_stdout)
{
  const char *argv_info[] = { tool, path, NULL };
  const char *argv_text[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) (to_stdout ? argv_text : argv_info), NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *info)
{
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
assert_page_size (const char *info,
                  const char *size)
{
  const char *line = strstr (info, "Page size:");

  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, size));
}

static gboolean
tools_available (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  return pdfinfo != NULL && pdftotext != NULL && pdffonts != NULL;
}

static void
exported_count_cb (IkouExportDialog *dialog,
                   GFile            *file,
                   guint             n_files,
                   guint            *count)
{
  g_assert_true (G_IS_FILE (file));
  g_assert_cmpuint (n_files, ==, 1);
  (*count)++;
}

static IkouExportDialog *
open_dialog (IkouWindow *window)
{
  IkouExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = IKOU_EXPORT_DIALOG (gui_test_find_toplevel (IKOU_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);

  return dialog;
}

static void
close_dialog (IkouExportDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (weak);
}

typedef struct
{
  guint  count;
  guint  n_files;
  GFile *file;
} Exported;

static void
exported_record_cb (IkouExportDialog *dialog,
                    GFile            *file,
                    guint             n_files,
                    Exported         *exported)
{
  exported->count++;
  exported->n_files = n_files;
  g_set_object (&exported->file, file);
}

/* Tests */

static void
test_actions (void)
{
  IkouWindow *empty = gui_test_new_window ();
  IkouWindow *window;

  /* Nothing to export or print without a plan. */
  gtk_window_present (GTK_WINDOW (empty));
  ikou_gui_test_wait_frames (GTK_WIDGET (empty), 1);
  g_assert_false (gtk_widget_get_sensitive (empty->export_button));
  g_assert_null (gui_test_find_toplevel (IKOU_TYPE_EXPORT_DIALOG));
  gui_test_close_window (empty);

  window = gui_test_open_sample_window ();
  g_assert_true (gtk_widget_get_sensitive (window->export_button));
  g_assert_true (gtk_widget_get_visible (window->export_button));

  /* Ctrl+E and Ctrl+P are in the help overlay. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/jp/ikou/Ikou/ikou-shortcuts.ui");
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/jp/ikou/Ikou/ikou-shortcuts.ui", 0, NULL);
    const char *xml = g_bytes_get_data (bytes, NULL);

    g_assert_nonnull (gtk_builder_get_object (builder, "help_overlay"));
    g_assert_nonnull (strstr (xml, "&lt;ctrl&gt;e"));
    g_assert_nonnull (strstr (xml, "&lt;ctrl&gt;p"));
  }

  gui_test_close_window (window);
}

static void
test_dialog (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouExportDialog *dialog = open_dialog (window);
  g_autofree char *screenshot = artifact_path ("");
  g_autofree char *error_screenshot = artifact_path ("-error");
  g_autofree char *dir = g_dir_make_tmp ("ikou-export-dialog-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roadmap.pdf", NULL);
  g_autofree char *bad_pdf = g_build_filename (dir, "reversed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *export_button = child (dialog, "export_button");
  GtkWidget *range_error = child (dialog, "range_error_label");
  guint n_exported = 0;

  g_assert_nonnull (dir);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_count_cb), &n_exported);

  /* Defaults: PDF, A3 landscape, the plan's title and span, the
   * baseline, the preview on page 1. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "format_row")), ==, IKOU_EXPORT_PDF);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "paper_row")), ==, IKOU_PAPER_A3);
  g_assert_true (gtk_toggle_button_get_active (child (dialog, "landscape_button")));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "title_row")), ==, ikou_plan_get_title (plan));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (child (dialog, "scenario_row"))),
                    ==, 1 + ikou_plan_get_n_scenarios (plan));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "dpi_row")));
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_false (gtk_widget_get_visible (range_error));
  g_assert_cmpuint (ikou_export_dialog_get_page (dialog), ==, 0);
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "page_label")), ==, "1 / 2");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "prev_button")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "next_button")));

  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ikou_gui_test_save_screenshot (GTK_WIDGET (dialog), screenshot);

  /* Page navigation. */
  g_signal_emit_by_name (child (dialog, "next_button"), "clicked");
  g_assert_cmpuint (ikou_export_dialog_get_page (dialog), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "page_label")), ==, "2 / 2");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "next_button")));
  g_signal_emit_by_name (child (dialog, "prev_button"), "clicked");
  g_assert_cmpuint (ikou_export_dialog_get_page (dialog), ==, 0);

  /* The resolution is for PNG only. */
  adw_combo_row_set_selected (child (dialog, "format_row"), IKOU_EXPORT_PNG);
  ikou_export_dialog_flush (dialog);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "dpi_row")));
  adw_combo_row_set_selected (child (dialog, "format_row"), IKOU_EXPORT_PDF);
  ikou_export_dialog_flush (dialog);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "dpi_row")));

  /* A4 portrait. */
  adw_combo_row_set_selected (child (dialog, "paper_row"), IKOU_PAPER_A4);
  gtk_toggle_button_set_active (child (dialog, "portrait_button"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "landscape_button")));

  /* Reversed months: the message in place (after the debounce), the
   * fields marked, nothing to export. */
  type_month (dialog, "from_entry", "2027-04");
  type_month (dialog, "to_entry", "R7年3月");
  wait_visible (range_error, TRUE);
  g_test_message ("range error: %s", gtk_label_get_text (GTK_LABEL (range_error)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (range_error)), !=, "");
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), ==, 0);
  g_assert_true (gtk_widget_has_css_class (
    GTK_WIDGET (ikou_date_entry_get_entry (child (dialog, "to_entry"))), "error"));
  ikou_gui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ikou_gui_test_save_screenshot (GTK_WIDGET (dialog), error_screenshot);

  g_assert_false (ikou_export_dialog_export_to (dialog, bad_pdf, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_exported, ==, 0);

  /* Text that is no month: the field's own message; still nothing to
   * export (the field's previous month no longer shows). */
  type_month (dialog, "to_entry", "R7年13月");
  g_assert_nonnull (ikou_date_entry_get_error (child (dialog, "to_entry")));
  ikou_export_dialog_flush (dialog);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_false (ikou_export_dialog_export_to (dialog, bad_pdf, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
  g_clear_error (&error);

  /* Fixed: the months read back as months, the export is possible. */
  type_month (dialog, "from_entry", "R3年4月");
  type_month (dialog, "to_entry", "2027-03-15");
  wait_sensitive (export_button, TRUE);
  g_assert_false (gtk_widget_get_visible (range_error));
  ikou_export_dialog_flush (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (child (dialog, "from_entry")))),
                   ==, "2021-04");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ikou_date_entry_get_entry (child (dialog, "to_entry")))),
                   ==, "2027-03");
  /* The 和暦 beside the month in Japanese; no Japanese in English. */
  g_assert_cmpstr (gtk_label_get_text (ikou_date_entry_get_era_label (child (dialog, "to_entry"))),
                   ==, g_str_equal (lang, "ja") ? "令和9年3月" : "");
  g_assert_cmpint (ikou_date_entry_get_day (child (dialog, "to_entry")), ==, ikou_day_from_ymd (2027, 3, 1));
  g_assert_false (gtk_widget_has_css_class (
    GTK_WIDGET (ikou_date_entry_get_entry (child (dialog, "to_entry"))), "error"));
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), >=, 2);

  /* A title of our own. */
  gtk_editable_set_text (child (dialog, "title_row"), "推進本部 第3回 資料");

  g_assert_true (ikou_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 1);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if (tools_available ())
    {
      g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE);
      g_autofree char *text = run_tool ("pdftotext", pdf, TRUE);
      g_autofree char *fonts = run_tool ("pdffonts", pdf, FALSE);

      g_test_message ("%s", info);
      assert_page_size (info, "595.28 x 841.89 pts");
      g_assert_cmpuint (pdf_pages (info), ==, ikou_export_dialog_get_n_pages (dialog));
      g_assert_nonnull (strstr (text, "推進本部 第3回 資料"));
      /* Japanese is text in a CJK font, not boxes. */
      g_assert_nonnull (strstr (fonts, "NotoSansCJK"));
      /* The window's 和暦 setting in Japanese; English has FY2025 and no era. */
      if (g_strcmp0 (lang, "ja") == 0)
        g_assert_nonnull (strstr (text, "令和"));
      else
        {
          g_assert_nonnull (strstr (text, "FY2025"));
          g_assert_null (strstr (text, "令和"));
          g_assert_null (strstr (text, "年度"));
        }
    }
  else
    g_test_message ("poppler-utils missing: the PDF's contents were not checked");

  /* An empty title is the plan's. */
  gtk_editable_set_text (child (dialog, "title_row"), "");
  g_assert_true (ikou_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);
  if (tools_available ())
    {
      g_autofree char *text = run_tool ("pdftotext", pdf, TRUE);

      g_assert_nonnull (strstr (text, "クラウド移行計画"));
    }

  /* A file that cannot be written: the error, nothing left behind. */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "roadmap.pdf", NULL);
    g_autofree char *missing_dir = g_path_get_dirname (missing);

    g_assert_false (ikou_export_dialog_export_to (dialog, missing, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_IO);
    g_clear_error (&error);
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  }

  close_dialog (dialog);

  /* Only the PDF written: no temporary files beside it. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_cmpstr (name, ==, "roadmap.pdf");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  keep_artifact (pdf, "");
  g_rmdir (dir);
  gui_test_close_window (window);
}

/* A plan with a scenario: the scenario list offers it, and the export
 * draws it and checks it (not the window's baseline findings). */
static void
test_scenario (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouSystem *system = ikou_plan_get_system (plan, 0);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("R9年度移行案");
  g_autofree char *dir = g_dir_make_tmp ("ikou-export-scenario-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "scenario.pdf", NULL);
  g_autoptr(GError) error = NULL;
  IkouExportDialog *dialog;
  AdwComboRow *scenario_row;

  g_assert_cmpuint (ikou_system_get_n_steps (system), >, 0);
  /* A cut-over before the contract: an error in the scenario only. */
  ikou_scenario_set_override (scenario, ikou_system_get_id (system), 0, IKOU_OVERRIDE_CUTOVER_DATE,
                              ikou_day_from_ymd (2021, 1, 1));
  {
    GPtrArray *findings = ikou_window_get_findings (window);

    for (guint i = 0; i < findings->len; i++)
      g_assert_cmpstr (((IkouFinding *) g_ptr_array_index (findings, i))->rule, !=,
                       IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT);
  }
  ikou_plan_add_scenario (plan, scenario);

  dialog = open_dialog (window);
  scenario_row = child (dialog, "scenario_row");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scenario_row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scenario_row)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (scenario_row), ==, 0);

  adw_combo_row_set_selected (scenario_row, 1);
  ikou_export_dialog_flush (dialog);
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), >=, 2);
  g_assert_true (ikou_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);

  if (tools_available ())
    {
      g_autofree char *text = run_tool ("pdftotext", pdf, TRUE);

      g_assert_nonnull (strstr (text, "R9年度移行案"));
      /* The scenario's own finding, not the window's, by its title. */
      g_assert_nonnull (strstr (text, ikou_rule_get_title (IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT)));
      g_assert_null (strstr (text, IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT));
    }

  close_dialog (dialog);
  g_remove (pdf);
  g_rmdir (dir);
  gui_test_close_window (window);
}

/* The dialog starts on what the window shows: its active scenario, and
 * the plan it is compared with (the baseline or another scenario), or
 * nothing when it is not comparing. */
static void
test_preselects_shown (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouPlan *plan = ikou_window_get_plan (window);
  IkouDocument *document = ikou_window_get_document (window);
  g_autoptr(IkouScenario) first = ikou_scenario_new ("第1案");
  g_autoptr(IkouScenario) second = ikou_scenario_new ("第2案");
  const struct
  {
    IkouScenario *active;
    gboolean      comparing;
    IkouScenario *compare;
    guint         scenario_row;  /* 0 the baseline, 1… the scenarios */
    guint         compare_row;   /* 0 nothing, 1 the baseline, 2… the scenarios */
  } cases[] = {
    { NULL, FALSE, NULL, 0, 0 },
    { second, FALSE, NULL, 2, 0 },
    { second, TRUE, NULL, 2, 1 },
    { first, TRUE, second, 1, 3 },
    { NULL, TRUE, first, 0, 2 },
  };

  ikou_plan_add_scenario (plan, first);
  ikou_plan_add_scenario (plan, second);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IkouExportDialog *dialog;

      g_test_message ("case %u", i);
      ikou_document_set_active_scenario (document, cases[i].active);
      ikou_document_set_compare (document, cases[i].comparing, cases[i].compare);
      dialog = open_dialog (window);
      g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "scenario_row")), ==,
                        cases[i].scenario_row);
      g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "compare_row")), ==,
                        cases[i].compare_row);
      close_dialog (dialog);
    }

  ikou_document_set_compare (document, FALSE, NULL);
  ikou_document_set_active_scenario (document, NULL);
  gui_test_close_window (window);
}

/* 「書き出す…」: the file chooser (GTK's own dialog without a portal)
 * suggests the plan's name with the format's extension; a name typed
 * without it gets it. */
static void
test_file_chooser (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouExportDialog *dialog = open_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("ikou-export-chooser-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "会議資料.svg", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkWindow *chooser;
  Exported exported = { 0, };
  gpointer weak = dialog;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_record_cb), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);

  adw_combo_row_set_selected (child (dialog, "format_row"), IKOU_EXPORT_SVG);
  ikou_export_dialog_flush (dialog);
  g_signal_emit_by_name (child (dialog, "export_button"), "clicked");

  IKOU_GUI_TEST_WAIT_UNTIL ((chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL, 10000);
  g_assert_nonnull (chooser);
  ikou_gui_test_wait_frames (GTK_WIDGET (chooser), 2);

  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_str_has_suffix (name, ".svg"));
    g_assert_true (g_str_has_prefix (name, "基幹系システム"));
    g_assert_nonnull (filter);
    g_assert_nonnull (strstr (gtk_file_filter_get_name (filter), "*.svg"));
  }

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "会議資料");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  IKOU_GUI_TEST_WAIT_UNTIL (weak == NULL, 20000);
  g_assert_null (weak);

  g_assert_cmpuint (exported.count, ==, 1);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *exported_path = g_file_get_path (exported.file);

    g_assert_cmpstr (exported_path, ==, svg);
  }
  g_clear_object (&exported.file);

  /* One SVG per page: 会議資料.svg, 会議資料-2.svg. */
  for (guint i = 1; i <= exported.n_files; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup ("会議資料.svg") : g_strdup_printf ("会議資料-%u.svg", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_remove (path);
    }
  g_rmdir (dir);
  gui_test_close_window (window);
}

/* Closing the window takes the dialog with it; neither stays alive. */
static void
test_closed_with_window (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouExportDialog *dialog = open_dialog (window);
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  type_month (dialog, "from_entry", "2022-04");
  /* A preview update still waiting. */
  gui_test_close_window (window);
  g_assert_null (weak);
  g_assert_null (gui_test_find_toplevel (IKOU_TYPE_EXPORT_DIALOG));
}

/* The window's search narrows what is exported, and the dialog says so. */
static void
test_filtered_rows (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  GListModel *rows = G_LIST_MODEL (ikou_window_get_selection (window));
  g_autofree char *dir = g_dir_make_tmp ("ikou-export-filtered-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "filtered.pdf", NULL);
  g_autoptr(GError) error = NULL;
  IkouExportDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "介護保険");
  IKOU_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (rows) == 1, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  dialog = open_dialog (window);
  g_assert_true (gtk_widget_get_visible (child (dialog, "rows_note_label")));
  g_test_message ("%s", gtk_label_get_text (child (dialog, "rows_note_label")));
  g_assert_true (ikou_export_dialog_export_to (dialog, pdf, &error));
  g_assert_no_error (error);

  if (tools_available ())
    {
      g_autofree char *text = run_tool ("pdftotext", pdf, TRUE);
      g_autofree char *first_page = g_strndup (text, strchr (text, '\f') - text);

      g_assert_nonnull (strstr (first_page, "介護保険システム"));
      g_assert_null (strstr (first_page, "戸籍システム"));
    }

  close_dialog (dialog);
  g_remove (pdf);
  g_rmdir (dir);
  gui_test_close_window (window);
}

/* A plan of more systems than the dialog copies at once: the dialog
 * shows before its rows are copied and paginated, the page and its range
 * follow after its first frame, and a flush does it all at once. */
static void
test_large_plan (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  GListModel *rows = G_LIST_MODEL (ikou_window_get_selection (window));
  guint n_sample = ikou_plan_get_n_systems (window->plan);
  IkouExportDialog *dialog;

  ikou_plan_begin_bulk (window->plan);
  for (guint i = 0; ikou_plan_get_n_systems (window->plan) < 2500; i++)
    {
      g_autoptr(IkouSystem) copy = ikou_system_copy (ikou_plan_get_system (window->plan, i % n_sample), 0);

      ikou_plan_add_system (window->plan, copy);
    }
  ikou_plan_end_bulk (window->plan);
  IKOU_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (rows) == 2500, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2500);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = IKOU_EXPORT_DIALOG (gui_test_find_toplevel (IKOU_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "page_label")), ==, "– / –");
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "range_label")), ==, "");
  /* The range label keeps its line meanwhile. */
  g_assert_true (gtk_widget_get_visible (child (dialog, "range_label")));

  IKOU_GUI_TEST_WAIT_UNTIL (!g_str_equal (gtk_label_get_text (child (dialog, "page_label")), "– / –"), 20000);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "page_label")), !=, "– / –");
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), >, 1);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "range_label")), !=, "");
  close_dialog (dialog);

  /* Asked for before any frame (a test, an export): done at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = IKOU_EXPORT_DIALOG (gui_test_find_toplevel (IKOU_TYPE_EXPORT_DIALOG));
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "range_label")), ==, "");
  g_assert_cmpuint (ikou_export_dialog_get_n_pages (dialog), >, 1);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "range_label")), !=, "");
  close_dialog (dialog);

  gui_test_close_window (window);
}

/* What 「書き出す…」 does after the file chooser: the export in a worker
 * thread, the dialog busy meanwhile, then closed; an error keeps it. */
static void
test_export_in_thread (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  IkouExportDialog *dialog = open_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("ikou-export-thread-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "roadmap.png", NULL);
  g_autofree char *png = g_build_filename (dir, "roadmap.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "roadmap-2.png", NULL);
  GtkWidget *export_button = child (dialog, "export_button");
  Exported exported = { 0, };
  gpointer weak = dialog;
  guint n_pages;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_record_cb), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);

  /* PNG at 72 dpi: one file per page. */
  adw_combo_row_set_selected (child (dialog, "format_row"), IKOU_EXPORT_PNG);
  gtk_spin_button_set_value (child (dialog, "dpi_spin"), 72);
  ikou_export_dialog_flush (dialog);
  n_pages = ikou_export_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_pages, ==, 2);

  /* A folder that does not exist: the message, the dialog stays. */
  ikou_export_dialog_start_export (dialog, missing);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  IKOU_GUI_TEST_WAIT_UNTIL (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL, 10000);
  g_assert_nonnull (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (weak);
  g_assert_cmpuint (exported.count, ==, 0);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  gtk_window_destroy (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Busy: the dialog does not close under a file being written. */
  ikou_export_dialog_start_export (dialog, png);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "cancel_button")));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Done: ::exported, and the dialog goes. */
  IKOU_GUI_TEST_WAIT_UNTIL (weak == NULL, 20000);
  g_assert_null (weak);
  g_assert_cmpuint (exported.count, ==, 1);
  g_assert_cmpuint (exported.n_files, ==, n_pages);
  {
    g_autofree char *exported_path = g_file_get_path (exported.file);

    g_assert_cmpstr (exported_path, ==, png);
  }
  g_clear_object (&exported.file);

  /* A3 landscape at 72 dpi: one pixel per point. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkTexture) first = gdk_texture_new_from_filename (png, &error);
    g_autoptr(GdkTexture) second = gdk_texture_new_from_filename (png2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (abs (gdk_texture_get_width (first) - 1191), <=, 1);
    g_assert_cmpint (abs (gdk_texture_get_height (first) - 842), <=, 1);
    g_assert_cmpint (gdk_texture_get_width (second), ==, gdk_texture_get_width (first));
  }

  g_remove (png);
  g_remove (png2);
  g_rmdir (dir);
  gui_test_close_window (window);
}

static void
test_print (void)
{
  IkouWindow *window = gui_test_open_sample_window ();
  g_autofree char *dir = g_dir_make_tmp ("ikou-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(IkouPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = ikou_print_operation_default_page_setup ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouExportJob) job = NULL;
  IkouExportOptions options;
  GtkPrintOperationResult result;
  double width, height;
  guint expected;

  /* What win.print builds: the window's rows, findings and today. */
  ikou_export_options_init (&options);
  options.today = ikou_window_get_today (window);
  options.era_labels = window->era_labels;
  operation = ikou_print_operation_new (ikou_window_get_plan (window), NULL, window->schedule,
                                        G_LIST_MODEL (ikou_window_get_selection (window)),
                                        ikou_window_get_findings (window), &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);

  /* A3 landscape by default. */
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A3);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* As many pages as the export paginates for the printable area. */
  job = ikou_export_job_new (ikou_window_get_plan (window), NULL, window->schedule, &options, &error);
  g_assert_no_error (error);
  ikou_export_job_set_rows (job, G_LIST_MODEL (ikou_window_get_selection (window)));
  ikou_export_job_set_findings (job, ikou_window_get_findings (window));
  width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  expected = ikou_export_job_paginate (job, width, height);
  g_test_message ("printable %.2f x %.2f pt: %u pages", width, height, expected);
  g_assert_cmpuint (expected, >=, 2);

  if (tools_available ())
    {
      g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE);
      g_autofree char *text = run_tool ("pdftotext", pdf, TRUE);

      g_test_message ("%s", info);
      g_assert_cmpuint (pdf_pages (info), ==, expected);
      assert_page_size (info, "1190.55 x 841.89 pts");
      g_assert_nonnull (strstr (text, "クラウド移行計画"));
    }

  keep_artifact (pdf, "-printed");

  /* win.print opens the print dialog (A3 landscape); cancelling it
   * prints nothing and says nothing. */
  {
    GtkWindow *print_dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
    IKOU_GUI_TEST_WAIT_UNTIL ((print_dialog = gui_test_find_toplevel (GTK_TYPE_DIALOG)) != NULL, 10000);
    g_assert_nonnull (print_dialog);
    g_assert_true (gtk_window_get_transient_for (print_dialog) == GTK_WINDOW (window));
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
    G_GNUC_END_IGNORE_DEPRECATIONS
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  }

  g_rmdir (dir);
  gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "export", "2021-03-01");

  g_test_add_func ("/export-dialog/actions", test_actions);
  g_test_add_func ("/export-dialog/dialog", test_dialog);
  g_test_add_func ("/export-dialog/scenario", test_scenario);
  g_test_add_func ("/export-dialog/preselects-shown", test_preselects_shown);
  g_test_add_func ("/export-dialog/filtered-rows", test_filtered_rows);
  g_test_add_func ("/export-dialog/large-plan", test_large_plan);
  g_test_add_func ("/export-dialog/file-chooser", test_file_chooser);
  g_test_add_func ("/export-dialog/closed-with-window", test_closed_with_window);
  g_test_add_func ("/export-dialog/export-in-thread", test_export_in_thread);
  g_test_add_func ("/export-dialog/print", test_print);

  return gui_test_run ();
}

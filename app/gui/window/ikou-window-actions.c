/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-export-dialog.h"
#include "ikou-gui-util.h"
#include "ikou-host-editor.h"
#include "ikou-new-plan-dialog.h"
#include "ikou-print-operation.h"
#include "ikou-selection.h"
#include "ikou-timeline.h"
#include "ikou-mspdi.h"
#include "ikou-plan-file.h"
#include "ikou-window-private.h"
#include "ikou-xml.h"

/* The window's actions: installed on the class in one place
 * (_ikou_window_class_actions_init), enabled in one place
 * (_ikou_window_actions_update). */

typedef enum
{
  CHOOSE_OPEN,
  CHOOSE_IMPORT_XML,
  CHOOSE_SAVE_AS,
  CHOOSE_SAVE_AS_THEN_CLOSE,
  CHOOSE_EXPORT_XML,
} ChooserPurpose;

/* What each chooser asks. */
static const struct
{
  const char *title;
  const char *accept;
} choosers[] = {
  [CHOOSE_OPEN] = { N_("Open a Plan"), N_("_Open") },
  [CHOOSE_IMPORT_XML] = { N_("Import XML"), N_("_Import") },
  [CHOOSE_SAVE_AS] = { N_("Save the Plan"), N_("_Save") },
  [CHOOSE_SAVE_AS_THEN_CLOSE] = { N_("Save the Plan"), N_("_Save") },
  [CHOOSE_EXPORT_XML] = { N_("Export XML"), N_("_Export") },
};

#define MAX_RECENT_IN_MENU 10

/* Errors */

void
_ikou_window_show_error (IkouWindow   *self,
                         const char   *heading,
                         const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File choosers */

/* Exports the plan to @chosen: a table or MS Project XML by its suffix,
 * Ikou XML otherwise (.xml added when missing).  What MS Project XML
 * cannot hold is said in a dialog; failures too. */
void
_ikou_window_export_plan (IkouWindow *self,
                          GFile      *chosen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen_path = g_file_get_path (chosen);
  IkouPlanFileKind kind = chosen_path != NULL ? ikou_plan_file_kind_for_name (chosen_path)
                                              : IKOU_PLAN_FILE_UNKNOWN;
  /* A table or a project file keeps its suffix; anything else is Ikou XML. */
  gboolean keeps = kind == IKOU_PLAN_FILE_CSV || kind == IKOU_PLAN_FILE_XLSX ||
                   kind == IKOU_PLAN_FILE_MSPDI;
  g_autoptr(GFile) file = keeps ? g_object_ref (chosen)
                                : ikou_file_with_suffix (chosen, ".xml", &error);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GPtrArray) report = NULL;
  gboolean ok;

  if (!keeps)
    kind = IKOU_PLAN_FILE_XML;
  if (file != NULL && path == NULL)
    g_set_error (&error, IKOU_ERROR, IKOU_ERROR_IO, _("Choose a folder on this computer"));

  /* MS Project XML says what it could not hold (scenarios). */
  if (path == NULL)
    ok = FALSE;
  else if (kind == IKOU_PLAN_FILE_MSPDI)
    ok = ikou_mspdi_write_file (self->plan, self->schedule, path, &report, &error);
  else
    ok = ikou_plan_file_export (self->plan, path, kind, &error);

  if (!ok)
    _ikou_window_show_error (self, _("Could Not Export the Plan"), error);
  else if (report != NULL && report->len > 0)
    {
      g_autoptr(GString) notes = g_string_new (NULL);
      g_autoptr(GError) note = NULL;

      for (guint i = 0; i < report->len; i++)
        g_string_append_printf (notes, "%s%s", i ? "\n" : "",
                                (const char *) g_ptr_array_index (report, i));
      note = g_error_new_literal (IKOU_ERROR, IKOU_ERROR_INVALID_INPUT, notes->str);
      _ikou_window_show_error (self, _("Exported, With Notes"), note);
    }
  else
    {
      g_autofree char *exported = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), exported);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     IkouWindow      *self)
{
  ChooserPurpose purpose = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "ikou-purpose"));
  g_autoptr(GFile) chosen = ikou_file_chooser_finish (native, response, &self->chooser);
  g_autoptr(GError) error = NULL;

  if (chosen == NULL)
    return;

  switch (purpose)
    {
    case CHOOSE_OPEN:
      ikou_window_open (self, chosen);
      break;

    case CHOOSE_IMPORT_XML:
      ikou_window_import (self, chosen);
      break;

    case CHOOSE_SAVE_AS:
    case CHOOSE_SAVE_AS_THEN_CLOSE:
      {
        g_autoptr(GFile) file = ikou_file_with_suffix (chosen, ".ikou", &error);

        if (file == NULL || !ikou_window_save_to_file (self, file, &error))
          _ikou_window_show_error (self, _("Could Not Save the Plan"), error);
        else if (purpose == CHOOSE_SAVE_AS_THEN_CLOSE)
          gtk_window_close (GTK_WINDOW (self));
      }
      break;

    case CHOOSE_EXPORT_XML:
      _ikou_window_export_plan (self, chosen);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern1,
            const char     *pattern2,
            gboolean        current)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern1);
  if (pattern2 != NULL)
    gtk_file_filter_add_pattern (filter, pattern2);
  gtk_file_chooser_add_filter (chooser, filter);
  if (current)
    gtk_file_chooser_set_filter (chooser, filter);
}

static char *
suggested_name (IkouWindow *self,
                const char *suffix)
{
  const char *title = self->plan ? ikou_plan_get_title (self->plan) : NULL;
  g_autofree char *base = NULL;

  if (ikou_window_get_file (self) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (ikou_window_get_file (self));
      char *dot = strrchr (basename, '.');

      if (dot != NULL)
        *dot = '\0';
      base = g_steal_pointer (&basename);
    }
  else if (title != NULL && *title != '\0')
    base = g_strdelimit (g_strdup (title), "/\\:*?\"<>|", '_');
  else
    base = g_strdup (_("Plan"));

  return g_strconcat (base, suffix, NULL);
}

static void
run_chooser (IkouWindow     *self,
             ChooserPurpose  purpose)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  gboolean save = purpose == CHOOSE_SAVE_AS || purpose == CHOOSE_SAVE_AS_THEN_CLOSE
               || purpose == CHOOSE_EXPORT_XML;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  g_return_if_fail ((guint) purpose < G_N_ELEMENTS (choosers));
  native = gtk_file_chooser_native_new (_(choosers[purpose].title), GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _(choosers[purpose].accept), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  switch (purpose)
    {
    case CHOOSE_OPEN:
      add_filter (chooser, _("Plans (*.ikou, *.xml)"), "*.ikou", "*.xml", TRUE);
      add_filter (chooser, _("Ikou plans (*.ikou)"), "*.ikou", NULL, FALSE);
      add_filter (chooser, _("XML plans (*.xml)"), "*.xml", NULL, FALSE);
      break;
    case CHOOSE_IMPORT_XML:
      {
        g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

        /* Decided by content: Ikou XML, MS Project XML, CSV, Excel. */
        gtk_file_filter_set_name (all, _("Plans and tables (*.xml, *.csv, *.xlsx)"));
        gtk_file_filter_add_pattern (all, "*.xml");
        gtk_file_filter_add_pattern (all, "*.csv");
        gtk_file_filter_add_pattern (all, "*.xlsx");
        gtk_file_chooser_add_filter (chooser, all);
        gtk_file_chooser_set_filter (chooser, all);
        add_filter (chooser, _("XML plans (*.xml)"), "*.xml", NULL, FALSE);
        add_filter (chooser, _("CSV tables (*.csv)"), "*.csv", NULL, FALSE);
        add_filter (chooser, _("Excel workbooks (*.xlsx)"), "*.xlsx", NULL, FALSE);
        add_filter (chooser, _("MS Project XML (*.xml)"), "*.xml", NULL, FALSE);
      }
      break;
    case CHOOSE_EXPORT_XML:
      {
        g_autofree char *name = suggested_name (self, ".xml");

        add_filter (chooser, _("XML plans (*.xml)"), "*.xml", NULL, TRUE);
        add_filter (chooser, _("CSV tables (*.csv)"), "*.csv", NULL, FALSE);
        add_filter (chooser, _("Excel workbooks (*.xlsx)"), "*.xlsx", NULL, FALSE);
        add_filter (chooser, _("MS Project XML (*.mspdi.xml)"), "*.mspdi.xml", NULL, FALSE);
        gtk_file_chooser_set_current_name (chooser, name);
      }
      break;
    case CHOOSE_SAVE_AS:
    case CHOOSE_SAVE_AS_THEN_CLOSE:
    default:
      {
        g_autofree char *name = suggested_name (self, ".ikou");

        add_filter (chooser, _("Ikou plans (*.ikou)"), "*.ikou", NULL, TRUE);
        gtk_file_chooser_set_current_name (chooser, name);
      }
      break;
    }

  if (ikou_window_get_file (self) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (ikou_window_get_file (self));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  g_object_set_data (G_OBJECT (native), "ikou-purpose", GINT_TO_POINTER (purpose));
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = native;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_ikou_window_save_as (IkouWindow *self,
                      gboolean    close_after)
{
  run_chooser (self, close_after ? CHOOSE_SAVE_AS_THEN_CLOSE : CHOOSE_SAVE_AS);
}

/* Recent plans menu */

static char *
escape_underscores (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (s, '_');
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

void
_ikou_window_rebuild_recent_menu (IkouWindow *self)
{
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);

  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; recent != NULL && recent[i] != NULL && n < MAX_RECENT_IN_MENU; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *label = escape_underscores (basename ? basename : recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  if (n == 0)
    /* An action nobody installs: the item shows, greyed out. */
    g_menu_append (self->recent_menu, _("No Recent Plans"), "win.no-recent-plans");
  _ikou_window_rebuild_start_page (self);
}

/* Actions: each a function of the window and the action's parameter,
 * called through the table at the end (window_actions). */

static void
open_action (IkouWindow *self,
             GVariant   *param)
{
  run_chooser (self, CHOOSE_OPEN);
}

static void
save_as_action (IkouWindow *self,
                GVariant   *param)
{
  run_chooser (self, CHOOSE_SAVE_AS);
}

static void
import_xml_action (IkouWindow *self,
                   GVariant   *param)
{
  run_chooser (self, CHOOSE_IMPORT_XML);
}

static void
export_xml_action (IkouWindow *self,
                   GVariant   *param)
{
  run_chooser (self, CHOOSE_EXPORT_XML);
}

static void
save_action (IkouWindow *self,
             GVariant   *param)
{
  _ikou_window_shared_save (self, FALSE);
}

static void
open_sample_action (IkouWindow *self,
                    GVariant   *param)
{
  g_autoptr(GFile) sample = ikou_context_get_sample_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  IkouWindow *target = self;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (sample == NULL)
    g_set_error_literal (&error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                         _("The sample plan is not installed."));
  else
    plan = _ikou_window_read_plan (sample, &error);

  if (plan == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Open the Sample Plan"), error);
      return;
    }

  if (self->plan != NULL && app != NULL && self->context != NULL)
    target = ikou_window_new (app, self->context);

  /* The sample is a starting point, never overwritten: saving asks where. */
  ikou_window_set_document (target, plan, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (target));
}

static void
open_recent_action (IkouWindow *self,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  ikou_window_open (self, file);
}

/* Roadmap export and printing */

static void
exported_cb (IkouWindow       *self,
             GFile            *file,
             guint             n_files,
             IkouExportDialog *dialog)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_files > 1)
    /* Translators: PNG and SVG exports write one file per page */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported to “%s” and %u more file",
                                          "Exported to “%s” and %u more files",
                                          n_files - 1),
                             basename, n_files - 1);
  else
    title = g_strdup_printf (_("Exported to “%s”"), basename);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, C_("exported file", "Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (IkouWindow *self,
               GVariant   *param)
{
  IkouExportDialog *dialog;

  if (self->plan == NULL)
    return;

  /* The findings the window shows, not ones waiting for a re-check. */
  _ikou_window_flush_checks (self);

  dialog = ikou_export_dialog_new (GTK_WINDOW (self), self->document,
                                   G_LIST_MODEL (self->selection), self->era_labels);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_export_action (IkouWindow *self,
                    GVariant   *param)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *uri = g_variant_get_string (param, NULL);

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    _ikou_window_show_error (self, _("Could Not Open the Roadmap"), error);
}

/* The printer, paper and orientation chosen last, for the rest of the
 * session (every window). */
static GtkPrintSettings *session_print_settings;
static GtkPageSetup *session_page_setup;

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               IkouWindow              *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_object_set_data (G_OBJECT (operation), "ikou-error-shown", GINT_TO_POINTER (TRUE));
      _ikou_window_show_error (self, _("Could Not Print the Roadmap"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      if (settings != NULL)
        {
          GtkPaperSize *paper = gtk_print_settings_get_paper_size (settings);

          g_clear_object (&session_print_settings);
          session_print_settings = gtk_print_settings_copy (settings);

          /* The paper chosen in the dialog's page setup tab. */
          if (paper != NULL)
            {
              GtkPageSetup *setup = gtk_page_setup_new ();

              gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
              gtk_page_setup_set_orientation (setup, gtk_print_settings_get_orientation (settings));
              g_clear_object (&session_page_setup);
              session_page_setup = setup;
              gtk_paper_size_free (paper);
            }
        }
    }
}

static void
print_action (IkouWindow *self,
              GVariant   *param)
{
  g_autoptr(IkouPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  IkouExportOptions options;

  if (self->plan == NULL)
    return;

  /* The findings the window shows, not ones waiting for a re-check. */
  _ikou_window_flush_checks (self);

  ikou_export_options_init (&options);
  options.today = ikou_window_get_today (self);
  options.era_labels = self->era_labels;
  operation = ikou_print_operation_new (self->plan,
                                        ikou_document_get_active_scenario (self->document),
                                        self->schedule,
                                        G_LIST_MODEL (self->selection),
                                        ikou_window_get_findings (self),
                                        &options, &error);
  if (operation == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Print the Roadmap"), error);
      return;
    }
  ikou_print_operation_set_compare (operation, ikou_document_get_comparing (self->document),
                                    ikou_document_get_compare_scenario (self->document));

  if (session_print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), session_print_settings);
  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), session_page_setup);

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* An error found before printing began may come back here rather than
   * through ::done: say it once. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      && g_object_get_data (G_OBJECT (operation), "ikou-error-shown") == NULL)
    _ikou_window_show_error (self, _("Could Not Print the Roadmap"), error);
}

static void
undo_action (IkouWindow *self,
             GVariant   *param)
{
  if (self->history != NULL)
    ikou_history_undo (self->history);
}

static void
redo_action (IkouWindow *self,
             GVariant   *param)
{
  if (self->history != NULL)
    ikou_history_redo (self->history);
}

static guint
position_after_selection (IkouWindow *self)
{
  IkouSystem *selected = _ikou_window_get_selected_system (self);
  guint position;

  if (selected != NULL && ikou_plan_find_system (self->plan, selected, &position))
    return position + 1;

  return ikou_plan_get_n_systems (self->plan);
}

/* A new plan goes into this window when it shows none, else into a new
 * window, like opening a file. */
static void
plan_created_cb (IkouWindow *self,
                 IkouPlan   *plan)
{
  IkouWindow *target = self;

  if (self->plan != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);
  ikou_window_set_document (target, plan, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (target));
}

static void
new_plan_action (IkouWindow *self,
                 GVariant   *param)
{
  IkouNewPlanDialog *dialog = ikou_new_plan_dialog_new (GTK_WINDOW (self), self->schedule,
                                                        self->era_labels);

  g_signal_connect_object (dialog, "plan-created", G_CALLBACK (plan_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_system_action (IkouWindow *self,
                   GVariant   *param)
{
  IkouSystem *selected = _ikou_window_get_selected_system (self);
  g_autoptr(IkouSystem) system = NULL;

  if (self->plan == NULL)
    return;

  system = ikou_system_new (ikou_plan_next_system_id (self->plan), _("New System"));
  if (selected != NULL)
    {
      /* New systems usually sit beside their neighbours. */
      ikou_system_set_department (system, ikou_system_get_department (selected));
      ikou_system_set_host (system, ikou_system_get_host (selected));
    }

  ikou_history_add_system (self->history, position_after_selection (self), system);
  ikou_window_select_system (self, ikou_system_get_id (system));
  g_object_set (self, "show-editor", TRUE, NULL);
}

/* What duplicating or deleting acts on: every selected system when the
 * one selected is among them, else that one alone. */
static GPtrArray *
dup_acted_on_systems (IkouWindow *self,
                      IkouSystem *selected)
{
  g_autoptr(GPtrArray) systems = NULL;

  systems = self->multi != NULL ? ikou_selection_dup_systems (self->multi) : NULL;
  if (systems == NULL || systems->len == 0 || !g_ptr_array_find (systems, selected, NULL))
    {
      g_clear_pointer (&systems, g_ptr_array_unref);
      systems = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (systems, g_object_ref (selected));
    }

  return g_steal_pointer (&systems);
}

static void
duplicate_system_action (IkouWindow *self,
                         GVariant   *param)
{
  IkouSystem *selected = _ikou_window_get_selected_system (self);
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->plan == NULL || selected == NULL)
    return;

  /* Every selected system, each copy after its original, as one undo step. */
  systems = dup_acted_on_systems (self, selected);

  ikou_history_begin (self->history, NULL);
  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *original = g_ptr_array_index (systems, i);
      g_autoptr(IkouSystem) copy = ikou_system_copy (original,
                                                     ikou_plan_next_system_id (self->plan));
      /* Translators: the name of a duplicated system */
      g_autofree char *name = g_strdup_printf (_("%s (copy)"), ikou_system_get_name (original));
      guint position;

      ikou_system_set_name (copy, name);
      if (!ikou_plan_find_system (self->plan, original, &position))
        position = ikou_plan_get_n_systems (self->plan) - 1;
      ikou_history_add_system (self->history, position + 1, copy);
      g_ptr_array_add (copies, g_object_ref (copy));
    }
  ikou_history_end (self->history);

  if (copies->len == 1 || self->multi == NULL)
    ikou_window_select_system (self, ikou_system_get_id (g_ptr_array_index (copies, 0)));
  else
    ikou_selection_select_systems (self->multi, copies);
}

static void
delete_toast_dismissed_cb (IkouWindow *self,
                           AdwToast   *toast)
{
  if (self->delete_toast == toast)
    self->delete_toast = NULL;
}

static void
delete_system_action (IkouWindow *self,
                      GVariant   *param)
{
  IkouSystem *selected = _ikou_window_get_selected_system (self);
  g_autoptr(GPtrArray) systems = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->plan == NULL || selected == NULL)
    return;

  /* Every selected system, as one undo step. */
  systems = dup_acted_on_systems (self, selected);
  name = g_strdup (ikou_system_get_name (selected));
  if (systems->len == 1)
    title = g_strdup_printf (_("“%s” deleted"), name);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system deleted",
                                          "%u systems deleted", systems->len),
                             systems->len);

  self->deleting = TRUE;
  ikou_history_begin (self->history, title);
  for (guint i = 0; i < systems->len; i++)
    ikou_history_remove_system (self->history, g_ptr_array_index (systems, i));
  ikou_history_end (self->history);
  self->deleting = FALSE;

  /* A toast still shown says the newest deletion, whose Undo it now is
   * (dismissing it and adding another in one frame trips libadwaita 1.2's
   * toast animations). */
  if (self->delete_toast != NULL)
    {
      adw_toast_set_title (self->delete_toast, title);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  self->delete_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
edit_hosts_action (IkouWindow *self,
                   GVariant   *param)
{
  if (self->plan != NULL)
    {
      GtkWindow *hosts = ikou_host_editor_present (GTK_WINDOW (self), self->plan, self->history);

      ikou_date_entries_set_labels (GTK_WIDGET (hosts), ikou_labels_for_locale (self->era_labels));
    }
}

static void
today_action (IkouWindow *self,
              GVariant   *param)
{
  if (self->timeline != NULL)
    ikou_timeline_scroll_to_day (IKOU_TIMELINE (self->timeline), ikou_window_get_today (self));
}

static void
focus_search_action (IkouWindow *self,
                     GVariant   *param)
{
  if (self->plan != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The window's actions, in the order they are installed; as in a
 * GActionEntry, no parameter type means none. */
static const struct
{
  const char *name;
  void      (*activate) (IkouWindow *self,
                         GVariant   *param);
  const char *parameter_type;
} window_actions[] = {
  { "win.open", open_action },
  { "win.open-sample", open_sample_action },
  { "win.open-recent", open_recent_action, "s" },
  { "win.save", save_action },
  { "win.save-as", save_as_action },
  { "win.import-xml", import_xml_action },
  { "win.export-xml", export_xml_action },
  { "win.export", export_action },
  { "win.open-export", open_export_action, "s" },
  { "win.print", print_action },
  { "win.undo", undo_action },
  { "win.redo", redo_action },
  { "win.new-plan", new_plan_action },
  { "win.add-system", add_system_action },
  { "win.duplicate-system", duplicate_system_action },
  { "win.delete-system", delete_system_action },
  { "win.edit-hosts", edit_hosts_action },
  { "win.today", today_action },
  { "win.focus-search", focus_search_action },
};

static void
activate_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (g_str_equal (window_actions[i].name, action_name))
      {
        window_actions[i].activate (IKOU_WINDOW (widget), param);
        return;
      }
  g_assert_not_reached ();
}

void
_ikou_window_class_actions_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name,
                                     window_actions[i].parameter_type, activate_cb);
  gtk_widget_class_install_property_action (widget_class, "win.zoom", "zoom");
  gtk_widget_class_install_property_action (widget_class, "win.show-findings", "show-findings");
  gtk_widget_class_install_property_action (widget_class, "win.show-editor", "show-editor");
  gtk_widget_class_install_property_action (widget_class, "win.era-labels", "era-labels");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-xml", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-xml", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-plan", NULL);
  /* Ctrl+Shift+N is the application's new window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "win.add-system", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.duplicate-system", NULL);
  /* The menu shows the last key bound to an action: Delete, not KP_Delete. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete-system", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "win.delete-system", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-system", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-editor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.zoom", "s", "quarter");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.zoom", "s",
                                       "fiscal-year");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  _ikou_window_class_scenario_actions_init (klass);
}

void
_ikou_window_actions_update (IkouWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL;
  gboolean has_selection = has_plan && _ikou_window_get_selected_system (self) != NULL;
  gboolean can_undo = has_plan && self->history != NULL && ikou_history_can_undo (self->history);
  gboolean can_redo = has_plan && self->history != NULL && ikou_history_can_redo (self->history);
  /* The actions that need a plan and nothing more. */
  static const char * const need_plan[] = {
    "win.save", "win.save-as", "win.export-xml", "win.export", "win.print", "win.add-system",
    "win.edit-hosts", "win.today", "win.focus-search", "win.zoom", "win.show-findings",
    "win.show-editor", "win.era-labels",
  };

  for (guint i = 0; i < G_N_ELEMENTS (need_plan); i++)
    gtk_widget_action_set_enabled (widget, need_plan[i], has_plan);
  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);
  gtk_widget_action_set_enabled (widget, "win.duplicate-system", has_selection);
  gtk_widget_action_set_enabled (widget, "win.delete-system", has_selection);

  /* The empty state shows only what can start a document. */
  gtk_widget_set_visible (self->zoom_box, has_plan);
  gtk_widget_set_visible (self->findings_button, has_plan);
  gtk_widget_set_visible (self->today_button, has_plan);
  gtk_widget_set_visible (self->editor_button, has_plan);
  gtk_widget_set_visible (self->export_button, has_plan);
  gtk_widget_set_visible (self->save_button, has_plan);
  gtk_widget_set_visible (self->add_button, has_plan);
  gtk_widget_set_visible (gtk_widget_get_parent (self->undo_button), has_plan);

  _ikou_window_scenario_actions_update (self);
  _ikou_window_shared_actions_update (self);
}

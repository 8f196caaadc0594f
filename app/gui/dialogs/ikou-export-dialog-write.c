/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-export-dialog-private.h"
#include "ikou-gui-util.h"

/* Writing the roadmap: the file chooser, the export in a thread and its errors. */

static const char * const format_extensions[IKOU_N_EXPORT_FORMATS] = { ".pdf", ".png", ".svg" };

static void
set_busy (IkouExportDialog *self,
          gboolean          busy)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));
  GtkWidget *header = gtk_widget_get_first_child (content);

  /* The body, not the header bar: its title says what is going on. */
  for (GtkWidget *child = gtk_widget_get_next_sibling (header);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_sensitive (child, !busy);
  gtk_widget_set_sensitive (self->cancel_button, !busy);
  gtk_widget_set_sensitive (self->export_button, !busy && self->valid);
  adw_window_title_set_subtitle (self->window_title,
                                 busy ? _("Exporting…") : ikou_plan_get_title (self->plan));
  if (busy)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static guint
n_files_written (IkouExportJob          *job,
                 const IkouExportOptions *options)
{
  return options->format == IKOU_EXPORT_PDF ? 1 : ikou_export_job_get_n_pages (job);
}

gboolean
ikou_export_dialog_export_to (IkouExportDialog  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(IkouExportJob) job = NULL;
  g_autoptr(GFile) file = NULL;
  IkouExportOptions options;

  g_return_val_if_fail (IKOU_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ikou_export_dialog_flush (self);

  job = _ikou_export_dialog_build_job (self, FALSE, &options, error);
  if (job == NULL || !ikou_export_write (job, path, error))
    return FALSE;

  file = g_file_new_for_path (path);
  _ikou_export_dialog_emit_exported (self, file, n_files_written (job, &options));
  return TRUE;
}

typedef struct
{
  IkouExportJob    *job;
  IkouExportOptions options;
  char             *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->job);
  g_free (export->path);
  g_free (export);
}

/* A national plan is ~1,300 A3 pages and ~10 s of writing: in a thread,
 * with a job of its own (its own copies of the rows and findings, its
 * own renderer).  The plan is only read; the dialog is modal, so the
 * planner cannot edit it meanwhile. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (ikou_export_write (export->job, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_export_error (IkouExportDialog *self,
                   const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export the Roadmap"),
                                                       error ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IkouExportDialog *self = IKOU_EXPORT_DIALOG (object);
  ExportData *export = g_task_get_task_data (G_TASK (result));
  /* Released here, in the main thread, whichever thread drops the task
   * last: the job's renderer is connected to the plan's signals. */
  g_autoptr(IkouExportJob) job = g_steal_pointer (&export->job);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);

  /* Destroyed with its window meanwhile: the file is written, nobody is
   * left to tell. */
  if (self->plan == NULL)
    return;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_export_error (self, error);
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (export->path);

    _ikou_export_dialog_emit_exported (self, file, n_files_written (job, &export->options));
  }
  gtk_window_close (GTK_WINDOW (self));
}

void
ikou_export_dialog_start_export (IkouExportDialog *self,
                                 const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ExportData *export;
  IkouExportJob *job;
  IkouExportOptions options;

  g_return_if_fail (IKOU_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->cancellable == NULL);

  ikou_export_dialog_flush (self);
  job = _ikou_export_dialog_build_job (self, TRUE, &options, &error);
  if (job == NULL)
    {
      show_export_error (self, error);
      return;
    }

  export = g_new0 (ExportData, 1);
  export->job = job;
  export->options = options;
  export->path = g_strdup (path);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, ikou_export_dialog_start_export);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* @chosen with the format's extension (see ikou_file_with_suffix()), as
 * a local path: the export writes with plain file calls. */
static char *
target_path (GFile       *chosen,
             const char  *extension,
             GError     **error)
{
  g_autoptr(GFile) file = ikou_file_with_suffix (chosen, extension, error);
  char *path;

  if (file == NULL)
    return NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_IO, _("Choose a folder on this computer"));
  return path;
}

static void
chooser_response_cb (GtkNativeDialog  *native,
                     int               response,
                     IkouExportDialog *self)
{
  g_autoptr(GFile) chosen = ikou_file_chooser_finish (native, response, &self->chooser);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IkouExportOptions options;

  if (chosen == NULL)
    return;

  _ikou_export_dialog_read_options (self, &options);
  path = target_path (chosen, format_extensions[options.format], &error);
  if (path == NULL)
    show_export_error (self, error);
  else
    ikou_export_dialog_start_export (self, path);
}

static void
add_filter (GtkFileChooser   *chooser,
            IkouExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", format_extensions[format], NULL);

  switch (format)
    {
    case IKOU_EXPORT_PNG:
      gtk_file_filter_set_name (filter, _("PNG images (*.png)"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    case IKOU_EXPORT_SVG:
      gtk_file_filter_set_name (filter, _("SVG images (*.svg)"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case IKOU_EXPORT_PDF:
    case IKOU_N_EXPORT_FORMATS:
    default:
      gtk_file_filter_set_name (filter, _("PDF documents (*.pdf)"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    }
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_set_filter (chooser, filter);
}

void
_ikou_export_dialog_export_clicked (IkouExportDialog *self)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  IkouExportOptions options;
  g_autofree char *name = NULL;

  ikou_export_dialog_flush (self);
  if (!self->valid || self->cancellable != NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  _ikou_export_dialog_read_options (self, &options);
  native = gtk_file_chooser_native_new (_("Export the Roadmap"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (chooser, options.format);

  name = g_strconcat (self->base_name, format_extensions[options.format], NULL);
  gtk_file_chooser_set_current_name (chooser, name);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, self->folder, NULL);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = native;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

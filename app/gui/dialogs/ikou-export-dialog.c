/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-export-dialog-private.h"
#include "ikou-gui-util.h"
#include "ikou-export.h"

/* The preview follows the options this long after the last change, so
 * typing a title redraws once, not once per key. */
#define UPDATE_DELAY_MS 150

/* Pagination in slices of this long (µs), this many findings a step. */
#define PAGINATE_SLICE_US      15000
#define PAGINATE_STEP_FINDINGS 256

/* From this many rows on, the rows and findings are copied and the
 * first page made after the dialog's first frame: copying a national
 * plan's 34,592 rows through the window's sorted and filtered list takes
 * longer than opening the dialog.  Below it, the preview is there at
 * once. */
#define DEFER_ROWS 2000

/* Space around the page in the preview (px). */
#define PREVIEW_MARGIN 24.0

G_DEFINE_FINAL_TYPE (IkouExportDialog, ikou_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ::exported, for ikou-export-dialog-write.c. */
void
_ikou_export_dialog_emit_exported (IkouExportDialog *self,
                                   GFile            *file,
                                   guint             n_files)
{
  g_signal_emit (self, signals[EXPORTED], 0, file, n_files);
}

/* Options ----------------------------------------------------------------- */

static IkouScenario *
selected_scenario (IkouExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scenario_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return ikou_plan_get_scenario (self->plan, selected - 1);
}

/* Compare with: 0 nothing, 1 the baseline, 2… the scenarios. */
static gboolean
selected_compare (IkouExportDialog  *self,
                  IkouScenario     **scenario)
{
  guint selected = adw_combo_row_get_selected (self->compare_row);

  *scenario = NULL;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (selected >= 2)
    *scenario = ikou_plan_get_scenario (self->plan, selected - 2);
  return TRUE;
}

void
_ikou_export_dialog_read_options (IkouExportDialog  *self,
                                  IkouExportOptions *options)
{
  guint format = adw_combo_row_get_selected (self->format_row);
  guint paper = adw_combo_row_get_selected (self->paper_row);

  ikou_export_options_init (options);
  options->format = format < IKOU_N_EXPORT_FORMATS ? (IkouExportFormat) format : IKOU_EXPORT_PDF;
  options->paper = paper < IKOU_N_PAPERS ? (IkouPaper) paper : IKOU_PAPER_A3;
  options->portrait = gtk_toggle_button_get_active (self->portrait_button);
  options->from = ikou_date_entry_get_day (self->from_entry);
  options->to = ikou_date_entry_get_day (self->to_entry);
  /* Empty: the job uses the plan's title. */
  options->title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->today = self->today;
  options->era_labels = self->era_labels;
  options->costs = MIN (adw_combo_row_get_selected (self->costs_row), IKOU_N_EXPORT_COSTS - 1);
}

/* The findings for @scenario: the window's for the plan it shows,
 * otherwise checked once per scenario chosen (a national plan checks in
 * ~10 ms). */
static GPtrArray *
findings_for (IkouExportDialog *self,
              IkouScenario     *scenario)
{
  if (scenario == self->shown_scenario)
    return self->findings;

  if (self->checked_scenario != scenario)
    {
      g_clear_pointer (&self->scenario_findings, g_ptr_array_unref);
      g_set_object (&self->checked_scenario, scenario);
      if (self->schedule != NULL)
        self->scenario_findings = ikou_check_plan (self->plan, scenario, self->schedule,
                                                   self->today, NULL);
      else
        self->scenario_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
    }

  return self->scenario_findings;
}

/* A date field whose text does not parse keeps its previous day: the
 * export must not go ahead with a month the planner no longer sees. */
static gboolean
check_month_entries (IkouExportDialog  *self,
                     GError           **error)
{
  IkouDateEntry *entries[] = { self->from_entry, self->to_entry };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const char *message = ikou_date_entry_get_error (entries[i]);

      if (message != NULL)
        {
          g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION, message);
          return FALSE;
        }
    }

  return TRUE;
}

/* The window's rows and findings as they were when the dialog opened
 * (the dialog is modal: nothing changes them before this runs). */
static void
take_copies (IkouExportDialog *self)
{
  if (self->window_rows == NULL)
    return;

  self->rows = ikou_export_copy_rows (self->window_rows);
  self->findings = ikou_document_copy_findings (self->document);
  g_clear_object (&self->window_rows);
  g_clear_object (&self->document);
}

/* A job for the options on show.  @own_copies gives the job its own rows
 * and findings, for a job that runs in another thread. */
IkouExportJob *
_ikou_export_dialog_build_job (IkouExportDialog   *self,
                               gboolean            own_copies,
                               IkouExportOptions  *out_options,
                               GError            **error)
{
  IkouExportOptions options;
  IkouScenario *scenario = selected_scenario (self);
  g_autoptr(IkouExportJob) job = NULL;

  take_copies (self);
  _ikou_export_dialog_read_options (self, &options);
  if (out_options != NULL)
    {
      *out_options = options;
      out_options->title = NULL;
    }

  if (!check_month_entries (self, error))
    return NULL;

  job = ikou_export_job_new (self->plan, scenario, self->schedule, &options, error);
  if (job == NULL)
    return NULL;
  {
    IkouScenario *compare;
    gboolean comparing = selected_compare (self, &compare);

    ikou_export_job_set_compare (job, comparing && compare != scenario, compare);
  }

  if (own_copies)
    {
      g_autoptr(GListModel) rows = ikou_export_copy_rows (self->rows);
      g_autoptr(GPtrArray) findings = ikou_export_copy_findings (findings_for (self, scenario));

      ikou_export_job_set_rows (job, rows);
      ikou_export_job_set_findings (job, findings);
    }
  else
    {
      ikou_export_job_set_rows (job, self->rows);
      ikou_export_job_set_findings (job, findings_for (self, scenario));
    }

  return g_steal_pointer (&job);
}

/* Preview ----------------------------------------------------------------- */

static void
update_page_controls (IkouExportDialog *self)
{
  g_autofree char *label = NULL;

  if (self->n_pages > 0)
    label = g_strdup_printf ("%u / %u", self->page + 1, self->n_pages);
  else
    label = g_strdup ("– / –");

  gtk_label_set_text (self->page_label, label);
  gtk_widget_set_sensitive (self->prev_button, self->valid && self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->valid && self->page + 1 < self->n_pages);
}

static void
set_range_error (IkouExportDialog *self,
                 const char       *message,
                 gboolean          months)
{
  IkouDateEntry *entries[] = { self->from_entry, self->to_entry };

  gtk_label_set_text (self->range_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), message != NULL);

  /* Mark the month fields when they are what is wrong, without taking
   * the mark from a field whose own text does not parse. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *entry = GTK_WIDGET (ikou_date_entry_get_entry (entries[i]));

      if (message != NULL && months)
        gtk_widget_add_css_class (entry, "error");
      else if (ikou_date_entry_get_error (entries[i]) == NULL)
        gtk_widget_remove_css_class (entry, "error");
    }
}

static void
update_format_subtitle (IkouExportDialog *self,
                        IkouExportFormat  format)
{
  g_autofree char *subtitle = NULL;

  if (format == IKOU_EXPORT_PDF)
    subtitle = g_strdup (_("Every page in one file"));
  else if (self->valid && self->n_pages > 1)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "One file per page: %u file",
                                             "One file per page: %u files",
                                             self->n_pages),
                                self->n_pages);
  else
    subtitle = g_strdup (_("One file per page"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle);
}

static void
update_range_label (IkouExportDialog *self)
{
  IkouDay first = IKOU_DAY_NONE, last = IKOU_DAY_NONE;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;

  if (!self->valid || self->job == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->range_label), FALSE);
      return;
    }

  ikou_export_job_get_range (self->job, &first, &last);
  range = ikou_month_range_label (first, last, ikou_labels_for_locale (self->era_labels));
  /* Translators: the months the roadmap shows, e.g. "FY2020 to FY2026 (April 2020 to March 2027)" */
  text = g_strdup_printf (_("Shows %s"), range);
  gtk_label_set_text (self->range_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), TRUE);
}

/* Paginates the job for about PAGINATE_SLICE_US; TRUE when done.  A
 * national plan's summary (its findings wrapped and measured) takes a
 * few hundred ms: in slices, so the dialog opens at once. */
static gboolean
paginate_some (IkouExportDialog *self)
{
  gint64 start = g_get_monotonic_time ();

  while (!ikou_export_job_paginate_step (self->job, PAGINATE_STEP_FINDINGS))
    if (g_get_monotonic_time () - start > PAGINATE_SLICE_US)
      return FALSE;

  return TRUE;
}

static void
paginated (IkouExportDialog *self)
{
  IkouExportOptions options;

  _ikou_export_dialog_read_options (self, &options);
  self->n_pages = ikou_export_job_get_n_pages (self->job);
  self->page = MIN (self->page, self->n_pages - 1);
  update_format_subtitle (self, options.format);
  update_page_controls (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static gboolean
paginate_idle_cb (gpointer user_data)
{
  IkouExportDialog *self = user_data;

  if (self->job != NULL && !paginate_some (self))
    return G_SOURCE_CONTINUE;

  self->paginate_id = 0;
  if (self->job != NULL)
    paginated (self);
  return G_SOURCE_REMOVE;
}

static void
update_now (IkouExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouExportJob) job = NULL;
  IkouExportOptions options;

  g_clear_handle_id (&self->update_id, g_source_remove);

  job = _ikou_export_dialog_build_job (self, FALSE, &options, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), options.format == IKOU_EXPORT_PNG);

  if (job == NULL)
    {
      /* The month fields' own messages sit under them already. */
      gboolean entry_error = g_error_matches (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION)
                             && !check_month_entries (self, NULL);

      self->valid = FALSE;
      set_range_error (self, entry_error ? NULL : error->message, !entry_error);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      /* The last good preview stays, dimmed: what was, not what will be. */
      gtk_widget_set_opacity (GTK_WIDGET (self->preview_area), 0.35);
    }
  else
    {
      g_set_object (&self->job, job);
      self->job_paper = options.paper;
      self->job_portrait = options.portrait;
      self->valid = TRUE;
      g_clear_handle_id (&self->paginate_id, g_source_remove);
      if (paginate_some (self))
        {
          self->n_pages = ikou_export_job_get_n_pages (job);
          self->page = MIN (self->page, self->n_pages - 1);
        }
      else
        {
          /* The page count (and the preview, whose title block shows it)
           * follow in a moment; the dialog is usable meanwhile. */
          self->n_pages = 0;
          self->paginate_id = g_idle_add (paginate_idle_cb, self);
        }
      set_range_error (self, NULL, FALSE);
      gtk_widget_set_sensitive (self->export_button, self->cancellable == NULL);
      gtk_widget_set_opacity (GTK_WIDGET (self->preview_area), 1.0);
    }

  update_format_subtitle (self, options.format);
  update_range_label (self);
  update_page_controls (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

/* Runs before a frame is laid out and painted: the idle runs after the
 * first frame of the dialog shown. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  IkouExportDialog *self = IKOU_EXPORT_DIALOG (widget);

  if (!gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;

  self->first_frame_id = 0;
  if (self->window_rows != NULL)
    ikou_idle_once (&self->copy_id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) update_now, self);
  return G_SOURCE_REMOVE;
}

static gboolean
update_timeout_cb (gpointer user_data)
{
  IkouExportDialog *self = user_data;

  self->update_id = 0;
  update_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (IkouExportDialog *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_timeout_cb, self);
}

/* Only the page on show is drawn, scaled to fit: the same call that
 * writes the PDF, so the preview is the document. */
static void
preview_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  IkouExportDialog *self = user_data;
  double page_w, page_h;
  double scale, x, y, w, h;

  if (self->job == NULL || self->n_pages == 0)
    return;

  ikou_export_paper_size (self->job_paper, self->job_portrait, &page_w, &page_h);
  scale = MIN ((width - 2 * PREVIEW_MARGIN) / page_w, (height - 2 * PREVIEW_MARGIN) / page_h);
  if (scale <= 0)
    return;

  w = page_w * scale;
  h = page_h * scale;
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  /* The sheet's shadow and edge: the page itself is white in any theme. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_rectangle (cr, x + 1, y + 2, w + 2, h + 2);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_w, page_h);
  cairo_clip (cr);
  ikou_export_job_draw_page (self->job, cr, MIN (self->page, self->n_pages - 1), page_w, page_h);
  cairo_restore (cr);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.30);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x - 0.5, y - 0.5, w + 1, h + 1);
  cairo_stroke (cr);
}

static void
prev_clicked_cb (IkouExportDialog *self)
{
  if (self->page > 0)
    ikou_export_dialog_set_page (self, self->page - 1);
}

static void
next_clicked_cb (IkouExportDialog *self)
{
  ikou_export_dialog_set_page (self, self->page + 1);
}

/* Option signals ---------------------------------------------------------- */

static void
option_changed_cb (IkouExportDialog *self)
{
  schedule_update (self);
}

static void
month_applied_cb (IkouDateEntry    *entry,
                  int               day,
                  IkouExportDialog *self)
{
  /* A month field: @day is the first of the month typed. */
  ikou_date_entry_set_day (entry, day);
  schedule_update (self);
}

static void
setup_month_entry (IkouExportDialog *self,
                   IkouDateEntry    *entry,
                   const char       *placeholder)
{
  GtkEntry *text = ikou_date_entry_get_entry (entry);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_ACTION_ROW);

  /* The range is in whole months: 2025-04-15 means April 2025, shown
   * as 2025-04 (令和7年4月). */
  ikou_date_entry_set_month_only (entry, TRUE);

  /* The row's title and mnemonic lead to the text field. */
  if (row != NULL)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (text));

  gtk_entry_set_placeholder_text (text, placeholder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (text),
                               _("A month such as R7年4月, 2025-04 or 2025/4; leave empty "
                                 "to follow the plan"));

  g_signal_connect_object (entry, "day-applied", G_CALLBACK (month_applied_cb), self, 0);
  /* The entry's own message for text that does not parse comes and goes
   * with its label: the export button follows. */
  g_signal_connect_object (ikou_date_entry_get_error_label (entry), "notify::visible",
                           G_CALLBACK (option_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public ------------------------------------------------------------------ */

void
ikou_export_dialog_flush (IkouExportDialog *self)
{
  g_return_if_fail (IKOU_IS_EXPORT_DIALOG (self));

  if (self->update_id != 0 || self->window_rows != NULL)
    update_now (self);
  if (self->paginate_id != 0)
    {
      g_clear_handle_id (&self->paginate_id, g_source_remove);
      ikou_export_job_get_n_pages (self->job);
      paginated (self);
    }
}

guint
ikou_export_dialog_get_page (IkouExportDialog *self)
{
  g_return_val_if_fail (IKOU_IS_EXPORT_DIALOG (self), 0);

  return self->page;
}

guint
ikou_export_dialog_get_n_pages (IkouExportDialog *self)
{
  g_return_val_if_fail (IKOU_IS_EXPORT_DIALOG (self), 0);

  ikou_export_dialog_flush (self);
  return self->valid ? self->n_pages : 0;
}

void
ikou_export_dialog_set_page (IkouExportDialog *self,
                             guint             page)
{
  g_return_if_fail (IKOU_IS_EXPORT_DIALOG (self));

  if (self->n_pages == 0)
    return;

  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;

  self->page = page;
  update_page_controls (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

/* GObject ----------------------------------------------------------------- */

static char *
suggested_base_name (GFile    *file,
                     IkouPlan *plan)
{
  const char *title = ikou_plan_get_title (plan);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      char *dot = basename ? strrchr (basename, '.') : NULL;

      if (dot != NULL && dot != basename)
        *dot = '\0';
      if (basename != NULL && *basename != '\0')
        return g_steal_pointer (&basename);
    }

  if (title != NULL && *title != '\0')
    return g_strdelimit (g_strdup (title), "/\\:*?\"<>|", '_');

  return g_strdup (_("Roadmap"));
}

static void
fill_scenarios (IkouExportDialog *self,
                IkouDocument     *document)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) compare = gtk_string_list_new (NULL);
  IkouScenario *active = ikou_document_get_active_scenario (document);
  guint n = ikou_plan_get_n_scenarios (self->plan);
  guint position;

  gtk_string_list_append (list, C_("scenario", "Baseline Plan"));
  gtk_string_list_append (compare, C_("compare with", "Nothing"));
  gtk_string_list_append (compare, C_("scenario", "Baseline Plan"));
  for (guint i = 0; i < n; i++)
    {
      const char *name = ikou_scenario_get_name (ikou_plan_get_scenario (self->plan, i));

      gtk_string_list_append (list, name);
      gtk_string_list_append (compare, name);
    }

  adw_combo_row_set_model (self->scenario_row, G_LIST_MODEL (list));
  /* What the window shows is what is exported, unless chosen otherwise.
   * No scenario (NULL) is the baseline, the row before the scenarios. */
  adw_combo_row_set_selected (self->scenario_row,
                              ikou_plan_find_scenario (self->plan, active, &position) ? position + 1 : 0);
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (compare));
  if (ikou_document_get_comparing (document))
    {
      IkouScenario *other = ikou_document_get_compare_scenario (document);

      adw_combo_row_set_selected (self->compare_row,
                                  ikou_plan_find_scenario (self->plan, other, &position) ? position + 2 : 1);
    }
  else
    adw_combo_row_set_selected (self->compare_row, 0);
  /* Nothing to choose from in a plan without scenarios. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_row), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_row), n > 0);
}

static void
set_document (IkouExportDialog *self,
              IkouDocument     *document,
              GListModel       *rows,
              gboolean          era_labels)
{
  IkouPlan *plan = ikou_document_get_plan (document);
  GFile *file = ikou_document_get_file (document);
  guint n_rows = g_list_model_get_n_items (rows);
  guint n_systems = ikou_plan_get_n_systems (plan);
  const char *title = ikou_plan_get_title (plan);

  self->plan = g_object_ref (plan);
  self->schedule = ikou_document_get_schedule (document)
                   ? g_object_ref (ikou_document_get_schedule (document)) : NULL;
  self->window_rows = g_object_ref (rows);
  self->document = g_object_ref (document);
  self->shown_scenario = ikou_document_get_active_scenario (document)
                         ? g_object_ref (ikou_document_get_active_scenario (document)) : NULL;
  self->today = ikou_document_get_today (document);
  self->era_labels = era_labels;
  self->folder = file ? g_file_get_parent (file) : NULL;
  self->base_name = suggested_base_name (file, plan);

  adw_window_title_set_subtitle (self->window_title, title);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  fill_scenarios (self, document);

  if (n_rows < n_systems)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Only the %u system that matches the search in the "
                                           "window is exported (of %u).",
                                           "Only the %u systems that match the search in the "
                                           "window are exported (of %u).",
                                           n_rows),
                              n_rows, n_systems);
      gtk_label_set_text (self->rows_note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->rows_note_label), TRUE);
    }

  if (n_rows < DEFER_ROWS)
    {
      update_now (self);
      return;
    }

  /* The options show at once; the page, its range and the page count
   * follow (the range label keeps its line meanwhile). */
  {
    IkouExportOptions options;

    _ikou_export_dialog_read_options (self, &options);
    gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), options.format == IKOU_EXPORT_PNG);
    update_format_subtitle (self, options.format);
    update_page_controls (self);
    self->first_frame_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb,
                                                         NULL, NULL);
  }
}

static gboolean
ikou_export_dialog_close_request (GtkWindow *window)
{
  IkouExportDialog *self = IKOU_EXPORT_DIALOG (window);

  /* A file is being written: it completes (or fails) before the dialog
   * goes, so nothing is left half done behind it. */
  if (self->cancellable != NULL)
    return TRUE;

  return GTK_WINDOW_CLASS (ikou_export_dialog_parent_class)->close_request (window);
}

static void
ikou_export_dialog_dispose (GObject *object)
{
  IkouExportDialog *self = IKOU_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->paginate_id, g_source_remove);
  g_clear_handle_id (&self->copy_id, g_source_remove);
  if (self->first_frame_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_frame_id);
      self->first_frame_id = 0;
    }

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->job);
  g_clear_object (&self->checked_scenario);
  g_clear_object (&self->shown_scenario);
  g_clear_pointer (&self->scenario_findings, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->window_rows);
  g_clear_object (&self->document);
  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ikou_export_dialog_parent_class)->dispose (object);
}

static void
ikou_export_dialog_finalize (GObject *object)
{
  IkouExportDialog *self = IKOU_EXPORT_DIALOG (object);

  g_free (self->base_name);

  G_OBJECT_CLASS (ikou_export_dialog_parent_class)->finalize (object);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  prev_clicked_cb (IKOU_EXPORT_DIALOG (widget));
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  next_clicked_cb (IKOU_EXPORT_DIALOG (widget));
}

static void
ikou_export_dialog_class_init (IkouExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ikou_export_dialog_dispose;
  object_class->finalize = ikou_export_dialog_finalize;
  window_class->close_request = ikou_export_dialog_close_request;

  /**
   * IkouExportDialog::exported:
   * @file: the file written (the first of them for PNG and SVG)
   * @n_files: how many files were written
   *
   * The roadmap was written.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  g_type_ensure (IKOU_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, landscape_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, portrait_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, compare_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, costs_row);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, range_error_label);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, range_label);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, rows_note_label);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, preview_area);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, prev_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, IkouExportDialog, page_label);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prev_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, _ikou_export_dialog_export_clicked);

  gtk_widget_class_install_action (widget_class, "export.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "export.next-page", NULL, next_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "export.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "export.next-page", NULL);
}

static void
ikou_export_dialog_init (IkouExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_drawing_area_set_draw_func (self->preview_area, preview_draw, self, NULL);

  setup_month_entry (self, self->from_entry, _("Plan start"));
  setup_month_entry (self, self->to_entry, _("Plan end"));
}

IkouExportDialog *
ikou_export_dialog_new (GtkWindow    *parent,
                        IkouDocument *document,
                        GListModel   *rows,
                        gboolean      era_labels)
{
  IkouExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (IKOU_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  self = g_object_new (IKOU_TYPE_EXPORT_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  set_document (self, document, rows, era_labels);
  return self;
}

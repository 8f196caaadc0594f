/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-date-entry.h"
#include "ikou-export-dialog.h"

G_BEGIN_DECLS

/* IkouExportDialog spans ikou-export-dialog.c (the options, the preview
 * and its pages) and ikou-export-dialog-write.c (choosing the file and
 * writing it). */

struct _IkouExportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *export_button;
  AdwComboRow       *format_row;
  AdwComboRow       *paper_row;
  GtkToggleButton   *landscape_button;
  GtkToggleButton   *portrait_button;
  GtkWidget         *dpi_row;
  GtkSpinButton     *dpi_spin;
  AdwEntryRow       *title_row;
  AdwComboRow       *scenario_row;
  AdwComboRow       *compare_row;
  AdwComboRow       *costs_row;
  IkouDateEntry     *from_entry;
  IkouDateEntry     *to_entry;
  GtkLabel          *range_error_label;
  GtkLabel          *range_label;
  GtkLabel          *rows_note_label;
  GtkDrawingArea    *preview_area;
  GtkWidget         *prev_button;
  GtkWidget         *next_button;
  GtkLabel          *page_label;

  /* Taken from the document when the dialog opens */
  IkouPlan          *plan;
  IkouScenario      *shown_scenario;  /* the window's: its findings are @findings */
  IkouSchedule      *schedule;       /* may be NULL */
  GListModel        *rows;           /* copy of the window's rows */
  GPtrArray         *findings;       /* copy of the window's findings */
  /* Until the copies above are taken (take_copies()): the window's. */
  GListModel        *window_rows;
  IkouDocument      *document;
  IkouDay            today;
  gboolean           era_labels;
  GFile             *folder;         /* the plan's folder, or NULL */
  char              *base_name;      /* suggested file name, no extension */

  /* The findings of the scenario last chosen (the window's are the
   * baseline's). */
  IkouScenario      *checked_scenario;
  GPtrArray         *scenario_findings;

  /* The preview: the last valid job and the paper it was made for. */
  IkouExportJob     *job;
  IkouPaper          job_paper;
  gboolean           job_portrait;
  gboolean           valid;
  guint              page;
  guint              n_pages;
  guint              update_id;
  guint              paginate_id;
  guint              first_frame_id; /* tick callback */
  guint              copy_id;

  GtkFileChooserNative *chooser;
  GCancellable      *cancellable;    /* set while an export runs */
};

/* The options on show and a job for them (ikou-export-dialog.c). */
void           _ikou_export_dialog_read_options  (IkouExportDialog   *self,
                                                  IkouExportOptions  *options);
IkouExportJob *_ikou_export_dialog_build_job     (IkouExportDialog   *self,
                                                  gboolean            own_copies,
                                                  IkouExportOptions  *out_options,
                                                  GError            **error);
void           _ikou_export_dialog_emit_exported (IkouExportDialog   *self,
                                                  GFile              *file,
                                                  guint               n_files);

/* The export button: the file chooser, then the export in a thread
 * (ikou-export-dialog-write.c). */
void           _ikou_export_dialog_export_clicked (IkouExportDialog  *self);

G_END_DECLS

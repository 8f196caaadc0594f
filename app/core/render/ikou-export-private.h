/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "ikou-cost-chart.h"
#include "ikou-export.h"
#include "ikou-renderer.h"

G_BEGIN_DECLS

/* IkouExportJob spans ikou-export.c (options, range, pagination),
 * ikou-export-draw.c (the roadmap and cost pages), ikou-export-summary.c
 * (the findings summary) and ikou-export-write.c (files and the command
 * line). */

/* Page furniture, in points. */
typedef struct
{
  double margin;
  double font_size;      /* timeline and list text */
  double title_size;
  double row_height;
  double max_row_height; /* a plan that fits one page gets rows up to this tall */
  double gap;
} PaperMetrics;

/* The columns of the findings summary. */
typedef enum
{
  SUMMARY_SEVERITY,
  SUMMARY_SYSTEM,
  SUMMARY_RULE,
  SUMMARY_DATE,
  SUMMARY_MESSAGE,
  N_SUMMARY_COLUMNS
} SummaryColumn;

struct _IkouExportJob
{
  GObject            parent_instance;

  IkouPlan          *plan;
  IkouScenario      *scenario;
  gboolean           comparing;
  IkouScenario      *compare;
  IkouSchedule      *schedule;
  IkouExportOptions  options;
  char              *title;
  GListModel        *rows;
  GPtrArray         *findings;
  gboolean           findings_set;
  IkouDay            first;
  IkouDay            last;
  IkouRenderer      *renderer;
  PaperMetrics       metrics;
  IkouLabels         labels;         /* dates and fiscal years on the pages */
  guint              counts[IKOU_N_SEVERITIES];

  /* Pagination for page_w × page_h. */
  gboolean           paginated;
  double             page_w;
  double             page_h;
  double             title_h;
  double             legend_h;
  double             header_h;
  double             list_w;
  double             row_h;          /* the metrics' row height, taller for a small plan */
  guint              rows_per_page;
  guint              n_row_pages;
  guint              n_cost_pages;   /* 1 with IKOU_EXPORT_COSTS_PAGE */
  guint              n_summary_pages;
  double             cost_h;         /* the chart under the roadmap on every page, or 0 */
  IkouCostChart     *costs;          /* NULL without costs */
  double             summary_line_h;
  GArray            *summary_row_h;  /* double per finding: wrapped lines + padding */
  GArray            *summary_starts; /* guint per summary page: its first finding */

  /* A summary being paginated in steps (ikou_export_job_paginate_step()). */
  PangoLayout       *summary_layout;
  GHashTable        *summary_wrapped[N_SUMMARY_COLUMNS]; /* text → its wrapped height */
  guint              summary_done;   /* findings measured */
  double             summary_room;
  double             summary_used;
};

/* Text on the pages (ikou-export.c). */
PangoFontDescription *_ikou_export_make_font    (double                      size,
                                                 gboolean                    bold);
PangoContext         *_ikou_export_make_context (cairo_t                    *cr);
double                _ikou_export_text_height  (PangoContext               *context,
                                                 double                      size,
                                                 gboolean                    bold);
typedef enum
{
  ALIGN_LEFT,
  ALIGN_RIGHT,
} Align;
double                _ikou_export_draw_text    (cairo_t                    *cr,
                                                 PangoLayout                *layout,
                                                 const PangoFontDescription *font,
                                                 const char                 *text,
                                                 double                      x,
                                                 double                      y,
                                                 double                      width,
                                                 Align                       align);
/* A colour on the pages (ikou-export-draw.c). */
void                  _ikou_export_set_color    (cairo_t                    *cr,
                                                 const IkouColor            *color);

/* The findings summary (ikou-export-summary.c). */
void     _ikou_export_job_summary_reset     (IkouExportJob *self);
void     _ikou_export_job_summary_begin     (IkouExportJob *self,
                                             PangoContext  *context,
                                             double         height_pt);
gboolean _ikou_export_job_summary_step      (IkouExportJob *self,
                                             guint          n_findings);
void     _ikou_export_job_draw_summary_page (IkouExportJob *self,
                                             cairo_t       *cr,
                                             PangoLayout   *layout,
                                             guint          summary_page);


/* Paginates for the options' paper. */
void _ikou_export_job_paginate_for_paper (IkouExportJob *self);
/* The rows exported: the job's copy, or the plan's. */
GListModel *_ikou_export_job_rows         (IkouExportJob *self);
/* Makes the costs chart on first use, when the options ask for one. */
void        _ikou_export_job_ensure_costs (IkouExportJob *self);

G_END_DECLS

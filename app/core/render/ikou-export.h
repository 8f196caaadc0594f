/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ikou-types.h"
#include "ikou-plan.h"
#include "ikou-scenario.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* The options of `ikou export` for roadmap formats, as typed.  The
 * export code validates them (paper names, months, scenario). */
typedef struct
{
  char     *output;
  char     *paper;
  gboolean  portrait;
  char     *from;
  char     *to;
  char     *scenario;
  char     *title;
  double    dpi;
  char     *today;
  char    *compare;   /* --compare NAME or "baseline": ghosts of that plan */
} IkouCliExportOptions;

/* The roadmap as a document for meetings: PDF, PNG or SVG, paginated so a
 * row is never split, every page carrying the title block, the
 * fiscal-year/month header, the national schedule band, the legend and the
 * list columns (system, department, host today → target).  Pages are drawn
 * through IkouRenderer, the same code as the window.  A final summary page
 * (or pages) lists the findings with their counts per severity.
 *
 * Units: points (1/72 in).  A3 landscape is 1190.55 × 841.89 pt.
 *
 * PNG and SVG hold one page per file: the first page goes to the path
 * given, page n (n ≥ 2) to the same name with "-n" before the extension
 * (roadmap.png, roadmap-2.png, …).  PDF holds every page in one file.
 * Every file is written to a temporary file beside its target and renamed
 * only when all pages were written, so an error never leaves a partial
 * file.
 *
 * Printing: a GtkPrintOperation can call ikou_export_job_paginate() from
 * ::paginate (or ::begin-print) with the page size in points and
 * ikou_export_job_draw_page() from ::draw-page. */

typedef enum
{
  IKOU_EXPORT_PDF,
  IKOU_EXPORT_PNG,
  IKOU_EXPORT_SVG,
  IKOU_N_EXPORT_FORMATS
} IkouExportFormat;

typedef enum
{
  IKOU_PAPER_A3,
  IKOU_PAPER_A4,
  IKOU_N_PAPERS
} IkouPaper;

typedef struct
{
  IkouExportFormat format;
  IkouPaper        paper;     /* default A3 */
  gboolean         portrait;  /* default FALSE: landscape */
  /* The months drawn, inclusive: @from's month to @to's month.
   * IKOU_DAY_NONE = from the fiscal year of the plan's first date / to
   * the end of the fiscal year of its last date (or the deadline). */
  IkouDay          from;
  IkouDay          to;
  const char      *title;     /* NULL = the plan's title */
  double           dpi;       /* PNG only; <= 0 means 150, at most 1200 */
  IkouDay          today;     /* today line and 作成日; NONE = the real today */
  gboolean         era_labels;/* fiscal years as R7年度 instead of 2025年度 */
} IkouExportOptions;

/* Sets the defaults: PDF, A3 landscape, the plan's span, 150 dpi. */
void          ikou_export_options_init       (IkouExportOptions *options);

/* Paper in points as it is drawn (landscape unless @portrait). */
gboolean      ikou_export_paper_size         (IkouPaper          paper,
                                              gboolean           portrait,
                                              double            *width_pt,
                                              double            *height_pt);
/* "a3", "A4" → paper; anything else is IKOU_ERROR_INVALID_OPTION. */
gboolean      ikou_export_paper_from_string  (const char        *text,
                                              IkouPaper         *paper,
                                              GError           **error);
/* From the file name's extension (.pdf .png .svg, any case); anything
 * else is IKOU_ERROR_INVALID_OPTION. */
gboolean      ikou_export_format_from_path   (const char        *path,
                                              IkouExportFormat  *format,
                                              GError           **error);

#define IKOU_TYPE_EXPORT_JOB (ikou_export_job_get_type ())
G_DECLARE_FINAL_TYPE (IkouExportJob, ikou_export_job, IKOU, EXPORT_JOB, GObject)

/* Checks @options (an unknown format or paper, a reversed range or one
 * that holds no month are IKOU_ERROR_INVALID_OPTION) and keeps a
 * reference to @plan, @scenario (NULL = baseline) and @schedule (NULL =
 * no schedule band, no deadline, no findings).  Unless
 * ikou_export_job_set_findings() is called, the findings are those of
 * ikou_check_plan() for @options->today. */
IkouExportJob *ikou_export_job_new           (IkouPlan                *plan,
                                              IkouScenario            *scenario,
                                              IkouSchedule            *schedule,
                                              const IkouExportOptions *options,
                                              GError                 **error);
/* The rows to draw, in order (a GListModel of IkouSystem: the window's
 * sorted and filtered list); NULL = every system of the plan. */
void           ikou_export_job_set_rows      (IkouExportJob           *self,
                                              GListModel              *rows);
/* IkouFinding array (a reference is kept); NULL = run the checker. */
void           ikou_export_job_set_findings  (IkouExportJob           *self,
                                              GPtrArray               *findings);
/* Compare mode: the plan @scenario sees (NULL = the baseline) drawn as
 * ghosts under the one exported; the title block names both. */
void           ikou_export_job_set_compare   (IkouExportJob           *self,
                                              gboolean                 comparing,
                                              IkouScenario            *scenario);
/* The first and last day drawn (whole months). */
void           ikou_export_job_get_range     (IkouExportJob           *self,
                                              IkouDay                 *first,
                                              IkouDay                 *last);

/* Splits the rows into pages of @width_pt × @height_pt and returns the
 * number of pages (≥ 1).  Not needed before draw_page()/write(), which
 * paginate for their size when needed. */
guint          ikou_export_job_paginate      (IkouExportJob           *self,
                                              double                   width_pt,
                                              double                   height_pt);
/* The page count for the options' paper. */
guint          ikou_export_job_get_n_pages   (IkouExportJob           *self);
/* Rows [*first_row, *first_row + *n_rows) are on @page (0-based); a
 * summary page has no rows.  Returns FALSE for a page out of range. */
gboolean       ikou_export_job_get_page_rows (IkouExportJob           *self,
                                              guint                    page,
                                              guint                   *first_row,
                                              guint                   *n_rows);
/* Draws page @page (0-based) into @cr, whose user space is in points
 * with the page's top left at the origin. */
void           ikou_export_job_draw_page     (IkouExportJob           *self,
                                              cairo_t                 *cr,
                                              guint                    page,
                                              double                   width_pt,
                                              double                   height_pt);
/* Writes the whole document (see above for PNG and SVG file names).
 * IKOU_ERROR_IO names the file when it cannot be written; nothing is
 * left behind then. */
gboolean       ikou_export_write             (IkouExportJob           *self,
                                              const char              *path,
                                              GError                 **error);

/* `ikou export PLAN --output FILE.{pdf,png,svg}`.  Checks the options as typed
 * (--paper a3|a4, --from/--to months such as 2025-04 or R7年4月, --today,
 * --scenario by name, --dpi), loads the default national schedule and
 * writes the file(s).  A wrong option is IKOU_ERROR_INVALID_OPTION, an
 * unknown scenario IKOU_ERROR_NOT_FOUND. */
gboolean       ikou_export_run_cli           (IkouPlan                   *plan,
                                              const IkouCliExportOptions *options,
                                              GError                    **error);

/* Copies that outlive later edits of the plan: the rows (a GListStore
 * of the same systems, in order) and the findings (deep copies).  For an
 * export that runs in another thread, and for printing. */
GListModel    *ikou_export_copy_rows         (GListModel              *rows);
GPtrArray     *ikou_export_copy_findings     (GPtrArray               *findings);

/* The family every export uses; Debian: fonts-noto-cjk. */
#define IKOU_EXPORT_FONT_FAMILY "Noto Sans CJK JP"

G_END_DECLS

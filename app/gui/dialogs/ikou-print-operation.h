/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-export.h"

G_BEGIN_DECLS

/* IkouPrintOperation: printing the roadmap (win.print, Ctrl+P) with the
 * code that writes the PDF.  ::begin-print paginates an IkouExportJob
 * for the page setup's printable area (in points) and ::draw-page calls
 * ikou_export_job_draw_page().  The rows and findings are copied when
 * the operation is made, so the pages stay as they were asked for even
 * if the plan is edited while they print.
 *
 * Paper and orientation come from the page setup (the caller's default:
 * A3 landscape); options->paper and ->portrait are not used.  The other
 * options (months, title, today, era labels) are as for the export. */

#define IKOU_TYPE_PRINT_OPERATION (ikou_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (IkouPrintOperation, ikou_print_operation, IKOU, PRINT_OPERATION, GtkPrintOperation)

/* @rows: GListModel of IkouSystem in print order (NULL = the plan's);
 * @findings: IkouFinding array (NULL = run the checker); @scenario and
 * @schedule may be NULL.  Invalid options (a reversed range) are
 * IKOU_ERROR_INVALID_OPTION, as for ikou_export_job_new(). */
IkouPrintOperation *ikou_print_operation_new           (IkouPlan                *plan,
                                                        IkouScenario            *scenario,
                                                        IkouSchedule            *schedule,
                                                        GListModel              *rows,
                                                        GPtrArray               *findings,
                                                        const IkouExportOptions *options,
                                                        GError                 **error);
/* A new page setup: A3 landscape, the paper planners bring to meetings. */
GtkPageSetup       *ikou_print_operation_default_page_setup (void);

/* Draws the plan @scenario sees (NULL = the baseline) as ghosts. */
void                ikou_print_operation_set_compare (IkouPrintOperation *self,
                                                      gboolean            comparing,
                                                      IkouScenario       *scenario);

G_END_DECLS

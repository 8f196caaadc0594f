/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-document.h"
#include "ikou-export.h"

G_BEGIN_DECLS

/* IkouExportDialog: the roadmap export (win.export, Ctrl+E).  The options
 * of `ikou export` (format, paper, orientation, months, scenario, title,
 * PNG resolution) beside a preview of the page drawn by
 * ikou_export_job_draw_page(), the code that writes the file.
 *
 * What it exports is taken from the document when the dialog opens: the
 * plan, the scenario shown (preselected) and its findings (another
 * scenario is checked on its own), the compare mode, today (IKOU_TODAY);
 * and from the caller the rows in the window's order and filter and the
 * era-label setting.  The dialog
 * is modal, so none of these change while it is open.
 *
 * The preview is rebuilt ~150 ms after the last change; only the page on
 * show is drawn.  Invalid options (reversed months, a date that does not
 * parse) are shown under their fields and make the export button
 * insensitive.  「書き出す…」 asks for a file (GtkFileChooserNative) and
 * calls ikou_export_dialog_export_to(); on success the dialog emits
 * ::exported and closes, on failure an AdwMessageDialog says why. */

#define IKOU_TYPE_EXPORT_DIALOG (ikou_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IkouExportDialog, ikou_export_dialog, IKOU, EXPORT_DIALOG, AdwWindow)

/* A new dialog, transient for @parent (may be NULL). */
IkouExportDialog *ikou_export_dialog_new          (GtkWindow         *parent,
                                                   IkouDocument      *document,
                                                   GListModel        *rows,
                                                   gboolean           era_labels);
/* Writes the roadmap with the options on show to @path (a local file
 * name; PNG and SVG pages after the first get "-2", "-3" … before the
 * extension), then emits ::exported.  Invalid options are
 * IKOU_ERROR_INVALID_OPTION, a file that cannot be written IKOU_ERROR_IO;
 * nothing is left behind then.  The file chooser calls this; so do
 * tests. */
gboolean          ikou_export_dialog_export_to    (IkouExportDialog  *self,
                                                   const char        *path,
                                                   GError           **error);
/* What 「書き出す…」 does once the file is chosen: writes @path in a
 * worker thread (a national plan is ~1,300 A3 pages) with the dialog
 * insensitive and unclosable meanwhile, then emits ::exported and closes
 * the dialog, or shows the error in an AdwMessageDialog and stays. */
void              ikou_export_dialog_start_export (IkouExportDialog  *self,
                                                   const char        *path);
/* Rebuilds the preview now if a change is waiting for it (tests). */
void              ikou_export_dialog_flush        (IkouExportDialog  *self);
/* The preview's page (0-based) and page count; 0 pages while the
 * options are invalid. */
guint             ikou_export_dialog_get_page     (IkouExportDialog  *self);
guint             ikou_export_dialog_get_n_pages  (IkouExportDialog  *self);
void              ikou_export_dialog_set_page     (IkouExportDialog  *self,
                                                   guint              page);



G_END_DECLS

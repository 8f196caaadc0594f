/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "ikou-xlsx.h"

G_BEGIN_DECLS

/* Workbooks inside, for their own files only: ikou-xlsx.c (what the
 * sheets share, writing a workbook, sniffing), ikou-xlsx-plan-sheet.c
 * (the 計画 sheet), ikou-xlsx-roadmap-sheet.c (the ロードマップ sheet)
 * and ikou-xlsx-reader.c (reading the 計画 sheet back). */

#define PLAN_SHEET "計画"

/* The buffer of the 計画 sheet's row file. */
#define ROW_BUFFER_SIZE (1024 * 1024)

/* Whether libxlsxwriter may write @text as it is (valid UTF-8, no
 * control characters, no more than a cell holds). */
G_GNUC_INTERNAL
gboolean  xlsx_text_is_clean        (const char     *text);
/* @text made so, a new string. */
G_GNUC_INTERNAL
char     *xlsx_cell_text            (const char     *text);
/* TRUE for LXW_NO_ERROR, else FALSE with @error set (IKOU_ERROR_IO). */
G_GNUC_INTERNAL
gboolean  xlsx_check                (lxw_error       status,
                                     const char     *display_name,
                                     GError        **error);

/* The sheets, added to @workbook (made in constant-memory mode).  The
 * 計画 sheet's row file is given @row_buffer, ROW_BUFFER_SIZE bytes
 * that outlive the workbook. */
G_GNUC_INTERNAL
gboolean  xlsx_write_plan_sheet     (lxw_workbook   *workbook,
                                     IkouPlan       *plan,
                                     IkouSchedule   *schedule,
                                     char           *row_buffer,
                                     const char     *display_name,
                                     GError        **error);
G_GNUC_INTERNAL
gboolean  xlsx_write_roadmap_sheet  (lxw_workbook   *workbook,
                                     IkouPlan       *plan,
                                     IkouSchedule   *schedule,
                                     const char     *display_name,
                                     GError        **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Limits on what an .xlsx may hold before Ikou reads it: a zip that
 * promises or delivers more is refused (zip bombs). */
#define IKOU_XLSX_MAX_SIZE        (64 * 1024 * 1024)   /* the file */
#define IKOU_XLSX_MAX_ENTRIES     10000
#define IKOU_XLSX_MAX_ENTRY_SIZE  (256 * 1024 * 1024)  /* one part, unpacked */

/* Plans with more systems than this get a note (ikou_xlsx_describe())
 * before the ロードマップ sheet is written. */
#define IKOU_XLSX_LARGE_PLAN      2000

/*
 * Excel workbooks.  Writing makes two sheets with libxlsxwriter (in its
 * constant-memory mode): 計画, the table of ikou-table.h with dates as
 * Excel dates, 千円 as numbers, a filter and a frozen header row; and
 * ロードマップ, one row per system and one column per month under
 * fiscal-year headers, the cells filled by the kind of host the system is
 * on, ★予算要求 / ◆契約・構築 / ▲稼働 in their months and the R7年度末
 * column marked, set up for A3 landscape.  The file is written beside
 * @path and renamed over it.
 *
 * Reading takes the 計画 sheet (the sheet named 計画 or Plan, else the
 * first) of a workbook saved by Excel, LibreOffice or Ikou: shared and
 * inline strings, numbers, booleans and date serials.  Problems are
 * reported as by ikou_csv_read_data(): "file:row:column: reason", all in
 * one error.
 */
IkouPlan *ikou_xlsx_read_file  (const char    *path,
                                IkouSchedule  *schedule,
                                char        ***warnings,
                                GError       **error);
IkouPlan *ikou_xlsx_read_data  (const char    *data,
                                gsize          length,
                                const char    *display_name,
                                IkouSchedule  *schedule,
                                char        ***warnings,
                                GError       **error);
gboolean  ikou_xlsx_write_file (IkouPlan      *plan,
                                IkouSchedule  *schedule,
                                const char    *path,
                                GError       **error);
typedef enum
{
  IKOU_XLSX_SHEET_PLAN    = 1 << 0,
  IKOU_XLSX_SHEET_ROADMAP = 1 << 1,
} IkouXlsxSheets;

/* Only some of the sheets (at least one). */
gboolean  ikou_xlsx_write_sheets (IkouPlan       *plan,
                                  IkouSchedule   *schedule,
                                  IkouXlsxSheets  sheets,
                                  const char     *path,
                                  GError        **error);
/* What the ロードマップ sheet will hold, as a sentence for the user
 * ("34,592 systems × 144 months (FY2020–FY2031)"). */
char     *ikou_xlsx_describe   (IkouPlan      *plan,
                                IkouSchedule  *schedule);
/* Whether @data (the first bytes of a file) is a zip archive. */
gboolean  ikou_xlsx_sniff      (const char    *data,
                                gsize          length);

G_END_DECLS

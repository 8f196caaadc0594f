/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/*
 * The plan as a table, the way planners keep it in Excel: one row per
 * migration step with the system's fields repeated (a system with no
 * step is one row with empty step columns).  CSV (ikou-csv) and the
 * 計画 sheet of a workbook (ikou-xlsx) are this table in two containers.
 *
 * Headers are matched in Japanese or English, in any order, ignoring
 * full-width/half-width differences, spaces and case.  Values are read
 * as planners write them (○/はい/1, 12,000, R7.4.1, 未着手 …) and
 * written in one fixed form (Japanese headers and labels, ISO dates),
 * whatever the interface language, so that the same plan always gives
 * the same file.
 */

typedef enum
{
  IKOU_TABLE_NAME,
  IKOU_TABLE_DEPARTMENT,
  IKOU_TABLE_VENDOR,
  IKOU_TABLE_OPERATION,
  IKOU_TABLE_HOST,
  IKOU_TABLE_FROM_HOST,
  IKOU_TABLE_TO_HOST,
  IKOU_TABLE_TO_HOST_KIND,
  IKOU_TABLE_BUDGET_DATE,
  IKOU_TABLE_BUDGET_AMOUNT,
  IKOU_TABLE_SUPPLEMENTARY,
  IKOU_TABLE_CONTRACT_DATE,
  IKOU_TABLE_CUTOVER_DATE,
  IKOU_TABLE_STANDARD,
  IKOU_TABLE_ARRANGEMENT,
  IKOU_TABLE_TOKUTEI,
  IKOU_TABLE_TOKUTEI_DEADLINE,
  IKOU_TABLE_STATUS,
  IKOU_TABLE_NOTES,
  IKOU_TABLE_DONE,
  IKOU_TABLE_STEP_NOTE,
  IKOU_TABLE_TOKUTEI_REASON,
  IKOU_TABLE_HOST_KIND,
  IKOU_TABLE_HOST_UNTIL,
  IKOU_TABLE_TO_HOST_FROM,
  IKOU_TABLE_ANNUAL_COST,
  IKOU_TABLE_STEP_ANNUAL_COST,
  IKOU_TABLE_HOST_COST,
  IKOU_TABLE_TO_HOST_COST,
  IKOU_TABLE_TOKUTEI_REASON_KIND,
  IKOU_TABLE_TRANSITIONAL,
  IKOU_TABLE_TRANSITIONAL_FUNCTIONS,
  IKOU_TABLE_TRANSITIONAL_COMPLETION,
  IKOU_TABLE_TRANSITIONAL_NOTIFIED,
  IKOU_TABLE_ID,
  IKOU_TABLE_N_COLUMNS
} IkouTableColumn;

typedef enum
{
  IKOU_TABLE_VALUE_TEXT,
  IKOU_TABLE_VALUE_DATE,
  IKOU_TABLE_VALUE_AMOUNT, /* 千円, a whole number */
  IKOU_TABLE_VALUE_FLAG,
} IkouTableValueKind;

/* The header written for @column (Japanese) and its English name. */
const char         *ikou_table_column_header    (IkouTableColumn column);
const char         *ikou_table_column_header_en (IkouTableColumn column);
IkouTableValueKind  ikou_table_column_kind      (IkouTableColumn column);
/* Whether the column belongs to the step (else to the system). */
gboolean            ikou_table_column_is_step   (IkouTableColumn column);
/* The column a header names, -1 when none. */
int                 ikou_table_column_lookup    (const char     *header);

/* Reading ------------------------------------------------------------ */

typedef struct _IkouTableReader IkouTableReader;

/* @display_name names the source in messages ("plan.csv:4:9: …").
 * @schedule gives the operation names; NULL loads the default one, and
 * when none loads, operations are recognized by their ids only. */
IkouTableReader *ikou_table_reader_new          (const char      *display_name,
                                                 IkouSchedule    *schedule);
void             ikou_table_reader_free         (IkouTableReader *reader);
/* Reads the header row (@row is its 1-based number in the source).  An
 * unknown header becomes a warning; a table without a system name
 * column, or naming a column twice, is an IKOU_ERROR_INVALID_INPUT. */
gboolean         ikou_table_reader_set_header   (IkouTableReader *reader,
                                                 guint            row,
                                                 const char     **cells,
                                                 guint            n_cells,
                                                 GError         **error);
/* The column the @index-th cell of a row is in, -1 when it is ignored. */
int              ikou_table_reader_get_column   (IkouTableReader *reader,
                                                 guint            index);
/* Adds a data row; every problem in it is remembered with its row and
 * column (cells past the header's are ignored, missing cells are empty). */
void             ikou_table_reader_add_row      (IkouTableReader *reader,
                                                 guint            row,
                                                 const char     **cells,
                                                 guint            n_cells);
/* Records a problem of the container at @row (0: the whole source). */
void             ikou_table_reader_add_problem  (IkouTableReader *reader,
                                                 guint            row,
                                                 guint            column,
                                                 const char      *message);
/* The plan, or NULL with one IKOU_ERROR_INVALID_INPUT listing every
 * problem, one a line: "file:row:column: header: reason".  Nothing is
 * created when there is any.  @warnings (may be NULL) receives the
 * warnings (unknown columns), a NULL-terminated array. */
IkouPlan        *ikou_table_reader_finish       (IkouTableReader *reader,
                                                 char          ***warnings,
                                                 GError         **error);

/* Writing ------------------------------------------------------------ */

typedef struct _IkouTableWriter IkouTableWriter;

IkouTableWriter *ikou_table_writer_new          (IkouPlan        *plan,
                                                 IkouSchedule    *schedule);
void             ikou_table_writer_free         (IkouTableWriter *writer);
/* Moves to the next row; FALSE after the last one. */
gboolean         ikou_table_writer_next         (IkouTableWriter *writer);
/* The current row's cell as text ("" when empty); valid until the next
 * call to ikou_table_writer_next(). */
const char      *ikou_table_writer_get_text     (IkouTableWriter *writer,
                                                 IkouTableColumn  column);
/* Typed values for DATE (IKOU_DAY_NONE when empty) and AMOUNT (-1 when
 * empty) columns. */
IkouDay          ikou_table_writer_get_day      (IkouTableWriter *writer,
                                                 IkouTableColumn  column);
gint64           ikou_table_writer_get_amount   (IkouTableWriter *writer,
                                                 IkouTableColumn  column);

/* Shared helpers for the containers. */
/* The schedule to name operations with: @schedule, else the default one
 * (a new reference), else NULL. */
IkouSchedule    *ikou_table_ensure_schedule     (IkouSchedule    *schedule);

/* A container's reader of a whole file's contents: @data (NUL-terminated)
 * is the reader's to free. */
typedef IkouPlan *(*IkouTableDataReader) (char          *data,
                                          gsize          length,
                                          const char    *display_name,
                                          IkouSchedule  *schedule,
                                          char        ***warnings,
                                          GError       **error);

/* Reads the plan in the file @path with @read_data (the read_file() of
 * the containers): the file is read whole when it is at most @max_size
 * bytes; a larger file is IKOU_ERROR_INVALID_INPUT naming it and the
 * limit, a missing one IKOU_ERROR_NOT_FOUND, any other failure
 * IKOU_ERROR_IO.  @warnings is NULL then. */
IkouPlan        *ikou_table_read_plan_file      (const char          *path,
                                                 gsize                max_size,
                                                 IkouTableDataReader  read_data,
                                                 IkouSchedule        *schedule,
                                                 char              ***warnings,
                                                 GError             **error);

/* Sets @error to IKOU_ERROR_INVALID_INPUT: @name is larger than @limit. */
void             ikou_table_set_too_large       (GError         **error,
                                                 const char      *name,
                                                 guint64          size,
                                                 guint64          limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouTableReader, ikou_table_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouTableWriter, ikou_table_writer_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-file-stamp.h"
#include "ikou-plan.h"
#include "ikou-store.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_PLAN_FILE_UNKNOWN,
  IKOU_PLAN_FILE_NATIVE, /* .ikou, SQLite */
  IKOU_PLAN_FILE_XML,    /* the native XML interchange format */
  IKOU_PLAN_FILE_CSV,    /* the plan table as CSV (ikou-csv) */
  IKOU_PLAN_FILE_XLSX,   /* an Excel workbook (ikou-xlsx) */
  IKOU_PLAN_FILE_MSPDI,  /* MS Project XML (ikou-mspdi) */
} IkouPlanFileKind;

/* What a file is, from its first bytes (not its name). */
IkouPlanFileKind ikou_plan_file_sniff (const char  *path,
                                      GError     **error);
/* Opens a plan from a .ikou or an Ikou XML file, whichever it is. */
IkouPlan        *ikou_plan_file_load  (const char  *path,
                                      GError     **error);
/* As ikou_plan_file_load(), with ikou_store_load_full()'s @flags for a
 * .ikou file. */
IkouPlan        *ikou_plan_file_load_full (const char          *path,
                                           IkouStoreLoadFlags   flags,
                                           GError             **error);
/* Saves by the file name: *.mspdi.xml as MS Project XML, *.xml as XML,
 * *.csv as CSV, *.xlsx as an Excel workbook, anything else as .ikou. */
gboolean         ikou_plan_file_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);
/* As ikou_plan_file_save(), but refused (IKOU_ERROR_CHANGED_ON_DISK) when
 * @path is no longer what @expected (if not NULL) saw. */
gboolean         ikou_plan_file_save_checked (IkouPlan            *plan,
                                              const char          *path,
                                              const IkouFileStamp *expected,
                                              GError             **error);

/* Import and export of other programs' formats.  The kind a file is
 * read as comes from its content (ikou_plan_file_sniff()); @warnings
 * (may be NULL) receives what was read but not understood (unknown CSV
 * columns, what MS Project XML has that a plan cannot hold),
 * NULL-terminated, or NULL when there is nothing to say. */
IkouPlan        *ikou_plan_file_import (const char   *path,
                                       char       ***warnings,
                                       GError      **error);
/* The kind a file name asks for when writing (*.csv, *.xlsx,
 * *.mspdi.xml, *.xml, *.ikou), IKOU_PLAN_FILE_UNKNOWN for any other. */
IkouPlanFileKind ikou_plan_file_kind_for_name (const char *path);
/* Writes @plan as @kind (not UNKNOWN). */
gboolean         ikou_plan_file_export (IkouPlan         *plan,
                                       const char       *path,
                                       IkouPlanFileKind  kind,
                                       GError          **error);

G_END_DECLS

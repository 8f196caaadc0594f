/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_DOCUMENT_UNKNOWN,
  IKOU_DOCUMENT_NATIVE, /* .ikou, SQLite */
  IKOU_DOCUMENT_XML,    /* the native XML interchange format */
  IKOU_DOCUMENT_CSV,    /* the plan table as CSV (ikou-csv) */
  IKOU_DOCUMENT_XLSX,   /* an Excel workbook (ikou-xlsx) */
} IkouDocumentKind;

/* What a file is, from its first bytes (not its name). */
IkouDocumentKind ikou_document_sniff (const char  *path,
                                      GError     **error);
/* Opens a plan from a .ikou or an Ikou XML file, whichever it is. */
IkouPlan        *ikou_document_load  (const char  *path,
                                      GError     **error);
/* Saves by the file name: *.xml as XML, *.csv as CSV, *.xlsx as an
 * Excel workbook, anything else as .ikou. */
gboolean         ikou_document_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);

/* Import and export of other programs' formats.  The kind a file is
 * read as comes from its content (ikou_document_sniff()); @warnings
 * (may be NULL) receives what was read but not understood (unknown CSV
 * columns), NULL-terminated, or NULL when there is nothing to say. */
IkouPlan        *ikou_document_import (const char   *path,
                                       char       ***warnings,
                                       GError      **error);
/* The kind a file name asks for when writing (*.csv, *.xlsx, *.xml,
 * *.ikou), IKOU_DOCUMENT_UNKNOWN for any other. */
IkouDocumentKind ikou_document_kind_for_name (const char *path);
/* Writes @plan as @kind (not UNKNOWN). */
gboolean         ikou_document_export (IkouPlan         *plan,
                                       const char       *path,
                                       IkouDocumentKind  kind,
                                       GError          **error);

G_END_DECLS

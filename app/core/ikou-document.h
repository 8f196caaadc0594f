/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-file-stamp.h"
#include "ikou-plan.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_DOCUMENT_UNKNOWN,
  IKOU_DOCUMENT_NATIVE, /* .ikou, SQLite */
  IKOU_DOCUMENT_XML,    /* the native XML interchange format */
} IkouDocumentKind;

/* What a file is, from its first bytes (not its name). */
IkouDocumentKind ikou_document_sniff (const char  *path,
                                      GError     **error);
/* Opens a plan from a .ikou or an Ikou XML file, whichever it is. */
IkouPlan        *ikou_document_load  (const char  *path,
                                      GError     **error);
/* Saves by the file name: *.xml as XML, anything else as .ikou. */
gboolean         ikou_document_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);
/* As ikou_document_save(), but refused (IKOU_ERROR_CHANGED_ON_DISK) when
 * @path is no longer what @expected (if not NULL) saw. */
gboolean         ikou_document_save_checked (IkouPlan            *plan,
                                             const char          *path,
                                             const IkouFileStamp *expected,
                                             GError             **error);

G_END_DECLS

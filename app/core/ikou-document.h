/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_DOCUMENT_UNKNOWN,
  IKOU_DOCUMENT_NATIVE, /* .ikou, SQLite */
  IKOU_DOCUMENT_XML,    /* the native XML interchange format */
  IKOU_DOCUMENT_MSPDI,  /* MS Project XML (ikou-mspdi) */
} IkouDocumentKind;

/* What a file is, from its first bytes (not its name). */
IkouDocumentKind ikou_document_sniff (const char  *path,
                                      GError     **error);
/* Opens a plan from a .ikou, an Ikou XML or an MS Project XML file,
 * whichever it is (what MS Project XML cannot hold is not reported:
 * use ikou_mspdi_read_file() for that). */
IkouPlan        *ikou_document_load  (const char  *path,
                                      GError     **error);
/* Saves by the file name: *.mspdi.xml as MS Project XML, *.xml as XML,
 * anything else as .ikou. */
gboolean         ikou_document_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);

/* Whether @path names an MS Project XML file to write (*.mspdi.xml). */
gboolean         ikou_document_is_mspdi_name (const char *path);

G_END_DECLS

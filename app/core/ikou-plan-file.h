/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_PLAN_FILE_UNKNOWN,
  IKOU_PLAN_FILE_NATIVE, /* .ikou, SQLite */
  IKOU_PLAN_FILE_XML,    /* the native XML interchange format */
  IKOU_PLAN_FILE_MSPDI,  /* MS Project XML (ikou-mspdi) */
} IkouPlanFileKind;

/* What a file is, from its first bytes (not its name). */
IkouPlanFileKind ikou_plan_file_sniff (const char  *path,
                                      GError     **error);
/* Opens a plan from a .ikou, an Ikou XML or an MS Project XML file,
 * whichever it is (what MS Project XML cannot hold is not reported:
 * use ikou_mspdi_read_file() for that). */
IkouPlan        *ikou_plan_file_load  (const char  *path,
                                      GError     **error);
/* Saves by the file name: *.mspdi.xml as MS Project XML, *.xml as XML,
 * anything else as .ikou. */
gboolean         ikou_plan_file_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);

/* Whether @path names an MS Project XML file to write (*.mspdi.xml). */
gboolean         ikou_plan_file_is_mspdi_name (const char *path);

G_END_DECLS

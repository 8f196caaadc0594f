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
/* Saves by the file name: *.xml as XML, anything else as .ikou. */
gboolean         ikou_plan_file_save  (IkouPlan    *plan,
                                      const char  *path,
                                      GError     **error);
/* As ikou_plan_file_save(), but refused (IKOU_ERROR_CHANGED_ON_DISK) when
 * @path is no longer what @expected (if not NULL) saw. */
gboolean         ikou_plan_file_save_checked (IkouPlan            *plan,
                                              const char          *path,
                                              const IkouFileStamp *expected,
                                              GError             **error);

G_END_DECLS

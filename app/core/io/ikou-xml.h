/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-file-stamp.h"
#include "ikou-plan.h"

G_BEGIN_DECLS

/* The native XML format: the same content as .ikou, readable and
 * diffable, validated against data/ikou-plan.rng (compiled in).  The
 * reader never touches the network and never expands entities.  Errors
 * name the file and the line. */
IkouPlan *ikou_xml_read_file    (const char  *path,
                                 GError     **error);
IkouPlan *ikou_xml_read_data    (const char  *data,
                                 gsize        length,
                                 const char  *display_name,
                                 GError     **error);
/* Atomic: a temporary file renamed over @path. */
gboolean  ikou_xml_write_file   (IkouPlan    *plan,
                                 const char  *path,
                                 GError     **error);
/* As ikou_xml_write_file(), but refused (IKOU_ERROR_CHANGED_ON_DISK) when
 * @path is no longer what @expected (if not NULL) saw. */
gboolean  ikou_xml_write_file_checked (IkouPlan            *plan,
                                       const char          *path,
                                       const IkouFileStamp *expected,
                                       GError             **error);
char     *ikou_xml_write_data   (IkouPlan    *plan,
                                 gsize       *length);

G_END_DECLS

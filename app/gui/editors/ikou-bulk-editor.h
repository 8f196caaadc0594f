/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-document.h"

G_BEGIN_DECLS

#define IKOU_TYPE_BULK_EDITOR (ikou_bulk_editor_get_type ())
G_DECLARE_FINAL_TYPE (IkouBulkEditor, ikou_bulk_editor, IKOU, BULK_EDITOR, GtkWidget)

/**
 * IkouBulkEditor:
 *
 * The editor of several selected systems: each field shows the value the
 * systems share, or "(multiple values)"; a change applies to all of
 * them as one undo step (department, vendor, status and today's host in
 * the baseline; the target host of the last step where the document
 * shows it: the active scenario or the baseline).
 */

GtkWidget *ikou_bulk_editor_new          (void);
void       ikou_bulk_editor_set_document (IkouBulkEditor *self,
                                          IkouDocument   *document);
/* @systems: the selected systems (a reference is kept). */
void       ikou_bulk_editor_set_systems  (IkouBulkEditor *self,
                                          GPtrArray      *systems);
/* The shown value of a field ("department", "vendor", "status", "host",
 * "target"): the shared value, or NULL when the values differ (tests). */
char      *ikou_bulk_editor_dup_value    (IkouBulkEditor *self,
                                          const char     *field);

G_END_DECLS

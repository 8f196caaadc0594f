/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* IkouPlanRows: the systems list's source, a GListModel of IkouSystem:
 * the plan, plus a "row refresh" for an edited system, so that the
 * filter and sort models above it look at that one item again. */

#define IKOU_TYPE_PLAN_ROWS (ikou_plan_rows_get_type ())
G_DECLARE_FINAL_TYPE (IkouPlanRows, ikou_plan_rows, IKOU, PLAN_ROWS, GObject)

/* Shows the items of @model (the plan, or NULL for none), following its
 * ::items-changed; one ::items-changed for the switch. */
void ikou_plan_rows_set_model (IkouPlanRows *self,
                               GListModel   *model);
/* The item at @position changed: the models above look at it again. */
void ikou_plan_rows_refresh   (IkouPlanRows *self,
                               guint         position);

G_END_DECLS

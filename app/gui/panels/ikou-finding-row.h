/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ikou-finding.h"

G_BEGIN_DECLS

/* IkouFindingRow: a row of the findings list (IkouFindingList): a copy
 * of one finding, made when GTK asks for the row, so the rows in view
 * never point into an array the window has replaced. */

#define IKOU_TYPE_FINDING_ROW (ikou_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingRow, ikou_finding_row, IKOU, FINDING_ROW, GObject)

/* A row holding its own copy of @finding. */
IkouFindingRow *ikou_finding_row_new         (const IkouFinding *finding);
/* A group row: @n findings of one system and severity, @first of them
 * copied; @expanded when they show under it. */
IkouFindingRow *ikou_finding_row_new_group   (const IkouFinding *first,
                                              guint              n,
                                              gboolean           expanded);
/* How many findings a group row stands for; 0 for a finding's row. */
guint           ikou_finding_row_get_n_grouped (IkouFindingRow  *self);
gboolean        ikou_finding_row_get_expanded  (IkouFindingRow  *self);
/* Whether the row is one of an open group's findings (shown under it). */
void            ikou_finding_row_set_in_group  (IkouFindingRow  *self,
                                                gboolean         in_group);
gboolean        ikou_finding_row_get_in_group  (IkouFindingRow  *self);
/* The row's copy, owned by the row: valid while the row lives. */
IkouFinding    *ikou_finding_row_get_finding (IkouFindingRow    *self);

G_END_DECLS

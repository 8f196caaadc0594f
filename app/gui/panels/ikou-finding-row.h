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
/* The row's copy, owned by the row: valid while the row lives. */
IkouFinding    *ikou_finding_row_get_finding (IkouFindingRow    *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-finding.h"
#include "ikou-system.h"
#include "ikou-text-cell.h"

G_BEGIN_DECLS

/* IkouSystemCell: one cell of the systems list, one line of ellipsized
 * text (an IkouTextCell: ikou_text_cell_set_text() and _get_text()).  While bound it follows its system
 * (::changed) through the update function it was made with, which
 * computes the text; the cell itself knows nothing of columns.  A cell
 * made with a tooltip shows its whole text when the pointer rests on it
 * (asked when shown, never set ahead); the findings column's cells show
 * the worst severity's icon and colour. */
#define IKOU_TYPE_SYSTEM_CELL (ikou_system_cell_get_type ())
G_DECLARE_FINAL_TYPE (IkouSystemCell, ikou_system_cell, IKOU, SYSTEM_CELL, IkouTextCell)

typedef void (*IkouSystemCellUpdate) (IkouSystemCell *cell,
                                      gpointer        user_data);

/* @kind is the caller's (the list's column); @update is called when the
 * bound system changes, with @user_data (borrowed: it outlives the cell). */
GtkWidget  *ikou_system_cell_new          (guint                 kind,
                                           gboolean              tooltip,
                                           IkouSystemCellUpdate  update,
                                           gpointer              user_data);
guint       ikou_system_cell_get_kind     (IkouSystemCell *self);
/* The bound system, or NULL. */
IkouSystem *ikou_system_cell_get_system   (IkouSystemCell *self);
/* Binds @system (NULL unbinds) and updates the cell. */
void        ikou_system_cell_set_system   (IkouSystemCell *self,
                                           IkouSystem     *system);
void        ikou_system_cell_update       (IkouSystemCell *self);
/* Digits of equal width (dates, amounts), as the "numeric" style class. */
void        ikou_system_cell_set_numeric  (IkouSystemCell *self);
/* The findings column: @severity's icon and colour, or none for -1.  A
 * cell this was called on keeps room for the icon, shown or not. */
void        ikou_system_cell_set_severity (IkouSystemCell *self,
                                           int             severity);

G_END_DECLS

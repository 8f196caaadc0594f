/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-system.h"

G_BEGIN_DECLS

#define IKOU_TYPE_SELECTION (ikou_selection_get_type ())
G_DECLARE_FINAL_TYPE (IkouSelection, ikou_selection, IKOU, SELECTION, GObject)

/**
 * IkouSelection:
 *
 * Several systems selected at once, shared by the list and the roadmap.
 * It is a #GtkSelectionModel over the rows of @current (a
 * #GtkSingleSelection of systems), which keeps the current system: the
 * one the editor shows and the keys act on; it is always one of the
 * selected.  The selection is kept by system id, so it survives
 * re-sorting; only the rows shown count.
 *
 * Setting @current's item from elsewhere to one not selected makes it
 * the only one selected; clearing it clears the selection.
 */

IkouSelection      *ikou_selection_new            (GtkSingleSelection *current);
GtkSingleSelection *ikou_selection_get_current    (IkouSelection      *self);
/* How many of the rows shown are selected. */
guint               ikou_selection_get_n_selected (IkouSelection      *self);
gboolean            ikou_selection_contains       (IkouSelection      *self,
                                                   guint               system_id);
/* The selected ids (a set; transfer none), for drawing. */
GHashTable         *ikou_selection_get_ids        (IkouSelection      *self);
/* (transfer full): the selected systems shown, in row order. */
GPtrArray          *ikou_selection_dup_systems    (IkouSelection      *self);
/* Selects the systems of @systems that are shown (and only them); the
 * first shown becomes the current one. */
void                ikou_selection_select_systems (IkouSelection      *self,
                                                   GPtrArray          *systems);

G_END_DECLS

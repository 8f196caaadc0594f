/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IKOU_TYPE_TEXT_CELL (ikou_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (IkouTextCell, ikou_text_cell, IKOU, TEXT_CELL, GtkWidget)

/* One line of text in a list cell, cut with "…" at the end: what a
 * GtkInscription with text-overflow ellipsize-end, three characters
 * wide at least and one line high shows, drawn the same (CSS node
 * "label").  GTK 4.8's inscription asks Pango for the font's metrics at
 * every measure, which shapes a sample sentence each time — a column
 * view builds 200 rows whatever is shown, and that was most of the time
 * to open a list the first time.  This cell measures a font once per
 * process and lays its text out only when it is drawn. */
GtkWidget  *ikou_text_cell_new            (void);
void        ikou_text_cell_set_text       (IkouTextCell  *self,
                                           const char    *text);
const char *ikou_text_cell_get_text       (IkouTextCell  *self);
/* Attributes over the whole text, on top of those of the CSS. */
void        ikou_text_cell_set_attributes (IkouTextCell  *self,
                                           PangoAttrList *attrs);

G_END_DECLS

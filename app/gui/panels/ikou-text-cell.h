/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IKOU_TYPE_TEXT_CELL (ikou_text_cell_get_type ())
G_DECLARE_DERIVABLE_TYPE (IkouTextCell, ikou_text_cell, IKOU, TEXT_CELL, GtkWidget)

struct _IkouTextCellClass
{
  GtkWidgetClass parent_class;
};

/* One line of text in a list cell, cut with "…" at the end: what a
 * GtkInscription with text-overflow ellipsize-end, three characters
 * wide at least and one line high shows, drawn the same (CSS node
 * "label").  GTK 4.8's inscription asks Pango for the font's metrics at
 * every measure, which shapes a sample sentence each time — a column
 * view builds 200 rows whatever is shown, and that was most of the time
 * to open a list the first time.  This cell measures a font once per
 * process and lays its text out only when it is drawn.
 *
 * Subclasses (cells with more than the text) measure around the text by
 * chaining up, and draw it where they want with
 * ikou_text_cell_snapshot_text(). */
GtkWidget  *ikou_text_cell_new            (void);
void        ikou_text_cell_set_text       (IkouTextCell  *self,
                                           const char    *text);
const char *ikou_text_cell_get_text       (IkouTextCell  *self);
/* Attributes over the whole text, on top of those of the CSS. */
void        ikou_text_cell_set_attributes (IkouTextCell  *self,
                                           PangoAttrList *attrs);

/* The layout the text was last drawn with, or NULL: shared with the
 * cells that show the same text with the same font, attributes and size
 * (do not change it). */
PangoLayout *ikou_text_cell_get_layout    (IkouTextCell  *self);

/* For subclasses: the height of one line of the style's font (px), and
 * the text drawn as the cell draws it, in the box @x, @y, @width,
 * @height of the cell (clipped to it, cut to its width). */
int         ikou_text_cell_get_line_height (IkouTextCell *self);
void        ikou_text_cell_snapshot_text  (IkouTextCell  *self,
                                           GtkSnapshot   *snapshot,
                                           int            x,
                                           int            y,
                                           int            width,
                                           int            height);

G_END_DECLS

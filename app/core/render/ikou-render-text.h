/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ikou-renderer.h"

G_BEGIN_DECLS

/* The roadmap's text: one Pango context (linear metrics, 72 dpi, so one
 * point is one user unit and a label that fits in the window fits on
 * paper), the three fonts of a style, and laid-out labels that the
 * header and the rows keep as IkouText.
 *
 * Layouts belong to the context's target: when a draw goes to another
 * target (screen ↔ PDF, another scale) or the fonts change, the
 * generation changes, and whoever keeps IkouTexts lays them out again. */

typedef enum
{
  IKOU_FONT_NORMAL,
  IKOU_FONT_SMALL,   /* 85 %: months, phases, hosts, the legend */
  IKOU_FONT_BOLD,    /* fiscal years */
  IKOU_N_FONTS
} IkouFont;

/* A laid-out label and its logical size, px. */
typedef struct
{
  PangoLayout *layout;   /* NULL until laid out */
  double       width;
  double       height;
} IkouText;

void ikou_text_clear (IkouText *text);

#define IKOU_TYPE_RENDER_TEXT (ikou_render_text_get_type ())
G_DECLARE_FINAL_TYPE (IkouRenderText, ikou_render_text, IKOU, RENDER_TEXT, GObject)

IkouRenderText *ikou_render_text_new            (void);
/* @family NULL = "Sans"; @size <= 0 = 12. */
void            ikou_render_text_set_font       (IkouRenderText *self,
                                                 const char     *family,
                                                 double          size);
/* Follows the target of @cr; call before a draw. */
void            ikou_render_text_update         (IkouRenderText *self,
                                                 cairo_t        *cr);
guint           ikou_render_text_get_generation (IkouRenderText *self);
PangoContext   *ikou_render_text_get_context    (IkouRenderText *self);
const PangoFontDescription *
                ikou_render_text_get_font       (IkouRenderText *self,
                                                 IkouFont        font);
/* The height of a line of text (年度Rg) in @font. */
double          ikou_render_text_get_line_height (IkouRenderText *self,
                                                 IkouFont        font);
/* Lays @str out in @font into @text (reusing its layout). */
void            ikou_render_text_layout         (IkouRenderText *self,
                                                 IkouText       *text,
                                                 const char     *str,
                                                 IkouFont        font);
void            ikou_render_text_show           (IkouRenderText *self,
                                                 cairo_t        *cr,
                                                 const IkouText *text,
                                                 double          x,
                                                 double          y,
                                                 const IkouColor *color);
/* Draws @text's string in its font shortened with "…" to @width,
 * vertically centred on @cy. */
void            ikou_render_text_show_ellipsized (IkouRenderText *self,
                                                 cairo_t        *cr,
                                                 const IkouText *text,
                                                 double          x,
                                                 double          cy,
                                                 double          width,
                                                 const IkouColor *color);

G_END_DECLS

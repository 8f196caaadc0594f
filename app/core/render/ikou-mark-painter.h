/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ikou-renderer.h"

G_BEGIN_DECLS

/* The roadmap's marks and fills: ★ ◆ ▲ with their finding and selection
 * rings, the finding marker at a row's start, a compared plan's hollow
 * marks, the 経過措置 triangle, and host segments with their hatches
 * (for black-and-white copies).  Mark sizes follow the row height and
 * the font size.
 *
 * On raster targets (the window, PNG) each kind of mark is drawn once
 * into a small bitmap at the target's resolution and then copied onto
 * whole pixels, which costs pixman far less than anti-aliased shapes and
 * arc strokes; vector targets (PDF, SVG, PostScript) get the shapes.
 * ikou_mark_painter_begin() decides which, per draw. */

#define IKOU_TYPE_MARK_PAINTER (ikou_mark_painter_get_type ())
G_DECLARE_FINAL_TYPE (IkouMarkPainter, ikou_mark_painter, IKOU, MARK_PAINTER, GObject)

IkouMarkPainter *ikou_mark_painter_new              (void);
/* Copies the colours, the font size and the patterns choice. */
void             ikou_mark_painter_set_style        (IkouMarkPainter       *self,
                                                     const IkouRenderStyle *style);
void             ikou_mark_painter_set_row_height   (IkouMarkPainter       *self,
                                                     double                 row_height);
/* See ikou_renderer_set_scale_factor(). */
void             ikou_mark_painter_set_scale_factor (IkouMarkPainter       *self,
                                                     double                 scale_factor);

/* The width of a milestone mark, px. */
double           ikou_mark_painter_get_mark_size    (IkouMarkPainter       *self);
/* The radius of the finding marker at a row's start and the width it
 * covers there. */
double           ikou_mark_painter_get_finding_radius (IkouMarkPainter     *self);
double           ikou_mark_painter_get_finding_marker_width (IkouMarkPainter *self);

/* Whether @cr is a raster target: boxes then go to whole pixels. */
gboolean         ikou_mark_painter_wants_pixel_snap (cairo_t               *cr);
/* Before the marks of a draw on @cr: sprites when @pixel_snap and the
 * user space is an unrotated, unmirrored scale of the target's pixels. */
void             ikou_mark_painter_begin            (IkouMarkPainter       *self,
                                                     cairo_t               *cr,
                                                     gboolean               pixel_snap);
gboolean         ikou_mark_painter_uses_sprites     (IkouMarkPainter       *self);

/* Marks centred on (@x, @y), user space, at the sizes above.  @ring is
 * the worst severity of the milestone's findings, or -1. */
void             ikou_mark_painter_draw_milestone   (IkouMarkPainter       *self,
                                                     cairo_t               *cr,
                                                     IkouMilestone          milestone,
                                                     int                    ring,
                                                     gboolean               selected,
                                                     double                 x,
                                                     double                 y);
void             ikou_mark_painter_draw_finding     (IkouMarkPainter       *self,
                                                     cairo_t               *cr,
                                                     int                    severity,
                                                     double                 x,
                                                     double                 y);
void             ikou_mark_painter_draw_ghost       (IkouMarkPainter       *self,
                                                     cairo_t               *cr,
                                                     IkouMilestone          milestone,
                                                     double                 x,
                                                     double                 y);

/* The shapes alone, at radius @r (the legend's symbols). */
void             ikou_mark_painter_draw_milestone_shape (IkouMarkPainter   *self,
                                                     cairo_t               *cr,
                                                     IkouMilestone          milestone,
                                                     double                 cx,
                                                     double                 cy,
                                                     double                 r);
void             ikou_mark_painter_draw_finding_shape (IkouMarkPainter     *self,
                                                     cairo_t               *cr,
                                                     int                    severity,
                                                     double                 cx,
                                                     double                 cy,
                                                     double                 r);
/* The hollow 経過措置 triangle pointing right from @x. */
void             ikou_mark_painter_draw_transitional (IkouMarkPainter      *self,
                                                     cairo_t               *cr,
                                                     double                 x,
                                                     double                 cy,
                                                     double                 r);

/* A host segment: its kind's colour, hatched when the style asks; on
 * whole pixels when @cr draws to them. */
void             ikou_mark_painter_fill_host        (IkouMarkPainter       *self,
                                                     cairo_t               *cr,
                                                     IkouHostKind           kind,
                                                     double                 x0,
                                                     double                 y0,
                                                     double                 x1,
                                                     double                 y1);
/* The hatch of @kind, or NULL when the style has no patterns. */
cairo_pattern_t *ikou_mark_painter_get_hatch        (IkouMarkPainter       *self,
                                                     IkouHostKind           kind);

G_END_DECLS

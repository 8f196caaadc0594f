/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small drawing helpers every part of the roadmap shares (private to
 * app/core/render). */

#include <math.h>

#include <cairo.h>

#include "ikou-renderer.h"

G_BEGIN_DECLS

/* Space around a label, px. */
#define IKOU_RENDER_TEXT_PAD 3.0

static inline void
ikou_render_set_source (cairo_t         *cr,
                        const IkouColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static inline void
ikou_render_set_source_alpha (cairo_t         *cr,
                              const IkouColor *c,
                              double           alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Near-black or white, whichever reads on @fill. */
static inline IkouColor
ikou_render_text_color_on (const IkouColor *fill)
{
  double l = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  if (l > 0.5)
    return (IkouColor) { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1.0 };
  return (IkouColor) { 1.0, 1.0, 1.0, 1.0 };
}

/* A crisp vertical line of @width at @x (pixel grid in the widget). */
static inline double
ikou_render_snap (double x,
                  double width)
{
  if (((int) round (width)) % 2 == 1)
    return floor (x) + 0.5;
  return round (x);
}

/* Keeps far-off coordinates near the viewport (cairo's fixed point). */
static inline double
ikou_render_clamp_x (double x,
                     double width)
{
  return CLAMP (x, -64.0, width + 64.0);
}

/* A rectangle, on whole device pixels when @pixel_snap (raster targets:
 * pixman's fast path instead of the anti-aliasing rasterizer). */
static inline void
ikou_render_path_box (cairo_t  *cr,
                      gboolean  pixel_snap,
                      double    x0,
                      double    y0,
                      double    x1,
                      double    y1)
{
  if (pixel_snap)
    {
      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      x0 = round (x0);
      y0 = round (y0);
      x1 = round (x1);
      y1 = round (y1);
      cairo_device_to_user (cr, &x0, &y0);
      cairo_device_to_user (cr, &x1, &y1);
    }
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
}

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ikou-render-text.h"
#include "ikou-renderer.h"
#include "ikou-schedule.h"
#include "ikou-time-scale.h"

G_BEGIN_DECLS

/* The roadmap's time ruler, drawn with a time scale: the fiscal-year
 * row, the month row (every month, quarter or half year, whatever fits),
 * the national schedule band (overlapping phases stacked in lanes) and
 * the marker lane with the today and deadline labels.  It also draws
 * what the rows share with it: the month grid and the today and deadline
 * lines across the body.  Labels are laid out once and kept until the
 * style, the schedule or the text's target changes. */

#define IKOU_TYPE_TIME_HEADER (ikou_time_header_get_type ())
G_DECLARE_FINAL_TYPE (IkouTimeHeader, ikou_time_header, IKOU, TIME_HEADER, GObject)

IkouTimeHeader *ikou_time_header_new          (IkouTimeScale         *scale,
                                               IkouRenderText        *text);
/* Copies @style; @text's fonts must already follow it. */
void            ikou_time_header_set_style    (IkouTimeHeader        *self,
                                               const IkouRenderStyle *style);
void            ikou_time_header_set_schedule (IkouTimeHeader        *self,
                                               IkouSchedule          *schedule);
/* IKOU_DAY_NONE: no today line. */
void            ikou_time_header_set_today    (IkouTimeHeader        *self,
                                               IkouDay                today);
double          ikou_time_header_get_height   (IkouTimeHeader        *self);
/* The header at the top of a viewport @width wide, scrolled by @scroll_x. */
void            ikou_time_header_draw         (IkouTimeHeader        *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 width);
/* Month lines (fiscal-year starts stronger) from @top to @bottom. */
void            ikou_time_header_draw_grid    (IkouTimeHeader        *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 width,
                                               double                 top,
                                               double                 bottom);
/* The today line and the national deadline from @top to @bottom. */
void            ikou_time_header_draw_day_lines (IkouTimeHeader      *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 width,
                                               double                 top,
                                               double                 bottom);

G_END_DECLS

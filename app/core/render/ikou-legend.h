/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ikou-mark-painter.h"
#include "ikou-render-text.h"
#include "ikou-renderer.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* The roadmap's legend: host kinds, the build period, ★ ◆ ▲, today, the
 * national deadline (with its date when a schedule is set), the
 * 特定移行支援 deadline, 経過措置 and the finding severities, each symbol
 * drawn by the same painter as the rows. */

#define IKOU_TYPE_LEGEND (ikou_legend_get_type ())
G_DECLARE_FINAL_TYPE (IkouLegend, ikou_legend, IKOU, LEGEND, GObject)

IkouLegend *ikou_legend_new          (IkouRenderText        *text,
                                      IkouMarkPainter       *painter);
/* Copies @style; the text's fonts and the painter must follow it. */
void        ikou_legend_set_style    (IkouLegend            *self,
                                      const IkouRenderStyle *style);
void        ikou_legend_set_schedule (IkouLegend            *self,
                                      IkouSchedule          *schedule);
/* Lays the items out in lines at most @width wide, the top left at
 * (@x, @y), and returns the height.  @cr may be NULL to measure only. */
double      ikou_legend_draw         (IkouLegend            *self,
                                      cairo_t               *cr,
                                      double                 x,
                                      double                 y,
                                      double                 width);

G_END_DECLS

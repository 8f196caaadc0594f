/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ikou-finding-marks.h"
#include "ikou-mark-painter.h"
#include "ikou-plan.h"
#include "ikou-render-text.h"
#include "ikou-renderer.h"
#include "ikou-time-scale.h"

G_BEGIN_DECLS

/* The roadmap's rows under the header: per system, the host segments
 * (today's host thin, then each step's to-host from its cut-over) with
 * their names clear of the marks, the build bars, a compared plan's
 * ghosts, the 経過措置 line, the 特定移行支援 deadline, the milestones
 * and the finding marker; and what is under a point (hit testing), from
 * the same places.
 *
 * Rows come from a GListModel (the window's sorted and filtered list, or
 * the plan) and only the rows of the viewport are read: one
 * g_list_model_get_item() per visible row and draw.  @top is where the
 * rows start in the viewport (below the header).  A draw is begin(),
 * the passes (the renderer puts the grid and day lines between them),
 * end(). */

#define IKOU_TYPE_ROW_LAYER (ikou_row_layer_get_type ())
G_DECLARE_FINAL_TYPE (IkouRowLayer, ikou_row_layer, IKOU, ROW_LAYER, GObject)

IkouRowLayer *ikou_row_layer_new              (IkouTimeScale         *scale,
                                               IkouRenderText        *text,
                                               IkouMarkPainter       *painter,
                                               IkouFindingMarks      *marks);
/* Copies @style; the text's fonts and the painter must follow it. */
void          ikou_row_layer_set_style        (IkouRowLayer          *self,
                                               const IkouRenderStyle *style);
/* See the ikou_renderer_ functions of the same names. */
void          ikou_row_layer_set_plan         (IkouRowLayer          *self,
                                               IkouPlan              *plan);
void          ikou_row_layer_set_rows         (IkouRowLayer          *self,
                                               GListModel            *rows);
void          ikou_row_layer_set_scenario     (IkouRowLayer          *self,
                                               IkouScenario          *scenario);
IkouScenario *ikou_row_layer_get_scenario     (IkouRowLayer          *self);
void          ikou_row_layer_set_compare      (IkouRowLayer          *self,
                                               gboolean               comparing,
                                               IkouScenario          *scenario);
gboolean      ikou_row_layer_get_comparing    (IkouRowLayer          *self,
                                               IkouScenario         **scenario);
void          ikou_row_layer_set_selected     (IkouRowLayer          *self,
                                               guint                  system_id);
guint         ikou_row_layer_get_selected     (IkouRowLayer          *self);
void          ikou_row_layer_set_selected_ids (IkouRowLayer          *self,
                                               GHashTable            *ids);
void          ikou_row_layer_set_selected_milestone (IkouRowLayer    *self,
                                               int                    step,
                                               IkouMilestone          milestone);
void          ikou_row_layer_set_row_height   (IkouRowLayer          *self,
                                               double                 row_height);
double        ikou_row_layer_get_row_height   (IkouRowLayer          *self);
guint         ikou_row_layer_get_n_rows       (IkouRowLayer          *self);
void          ikou_row_layer_get_visible_rows (IkouRowLayer          *self,
                                               double                 top,
                                               double                 scroll_y,
                                               double                 height,
                                               guint                 *first,
                                               guint                 *n);

/* Gathers the rows of a viewport @height high at @scroll_y and returns
 * where the last one ends (or @top when there is none). */
double        ikou_row_layer_begin            (IkouRowLayer          *self,
                                               cairo_t               *cr,
                                               double                 top,
                                               double                 scroll_y,
                                               double                 height);
/* Selection and alternate row colours. */
void          ikou_row_layer_draw_backgrounds (IkouRowLayer          *self,
                                               cairo_t               *cr,
                                               double                 width);
/* Host segments with their names, and the build bars. */
void          ikou_row_layer_draw_bars        (IkouRowLayer          *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 width);
/* The compared plan's ghosts, then the marks. */
void          ikou_row_layer_draw_marks       (IkouRowLayer          *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 width);
void          ikou_row_layer_end              (IkouRowLayer          *self);

/* See ikou_renderer_hit_test(). */
gboolean      ikou_row_layer_hit_test         (IkouRowLayer          *self,
                                               double                 top,
                                               double                 scroll_x,
                                               double                 scroll_y,
                                               double                 x,
                                               double                 y,
                                               IkouHit               *hit);

G_END_DECLS

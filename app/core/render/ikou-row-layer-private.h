/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-render-util.h"
#include "ikou-row-layer.h"

G_BEGIN_DECLS

/* IkouRowLayer spans ikou-row-layer.c (its state, the visible rows,
 * where marks go, hit testing) and ikou-row-layer-paint.c (drawing the
 * rows: backgrounds, bars and host names, the compared plan, marks). */

typedef struct
{
  IkouHostKind kind;
  char        *name;
  IkouText     text;
} HostInfo;

/* One visible row, gathered once per draw. */
typedef struct
{
  IkouSystem *system;
  guint       row;
  double      y;            /* top of the row in viewport coordinates */
  guint       first_step;   /* into step_buf */
  guint       n_steps;
  guint       first_ghost;  /* into ghost_buf: the compared plan's steps */
  guint       n_ghosts;
} RowData;

/* Something a label must not run over: a mark or a bar. */
typedef struct
{
  double left;
  double right;
} Obstacle;

struct _IkouRowLayer
{
  GObject           parent_instance;

  IkouTimeScale    *scale;
  IkouRenderText   *text;
  IkouMarkPainter  *painter;
  IkouFindingMarks *marks;

  IkouPlan         *plan;
  gulong            hosts_changed_id;
  GListModel       *rows;
  IkouScenario     *scenario;
  gboolean          comparing;
  IkouScenario     *compare;          /* NULL: the baseline, when comparing */

  IkouRenderStyle   style;
  IkouColor         on_kind[IKOU_N_HOST_KINDS];
  double            row_height;
  gboolean          pixel_snap;       /* this draw goes to pixels: snap boxes to them */

  guint             selected;
  GHashTable       *selected_ids;     /* more selected rows, or NULL */
  int               selected_step;
  IkouMilestone     selected_milestone;

  /* Host names, laid out for the text's generation. */
  guint             text_generation;
  GHashTable       *hosts;            /* host id → HostInfo* */

  /* Per-draw scratch, kept to avoid allocations. */
  GArray           *row_buf;          /* RowData */
  GArray           *step_buf;         /* IkouStep, resolved */
  GArray           *ghost_buf;        /* IkouStep of the compared plan */
  GArray           *obstacles;        /* Obstacle */
  GArray           *mark_xs;          /* double: where a row's marks are drawn */
};

static inline double
day_x (IkouRowLayer *self,
       IkouDay       day)
{
  return ikou_time_scale_x_for_day (self->scale, day);
}

static inline int
worst_for_system (IkouRowLayer *self,
                  guint         system_id)
{
  return ikou_finding_marks_get_worst (self->marks, system_id);
}

static inline double
mark_size (IkouRowLayer *self)
{
  return ikou_mark_painter_get_mark_size (self->painter);
}

static inline double
finding_marker_width (IkouRowLayer *self)
{
  return ikou_mark_painter_get_finding_marker_width (self->painter);
}

/* Where a row's marks are drawn, one x per step and milestone (index
 * step * IKOU_N_MILESTONES + milestone; NAN for no date) in self->mark_xs:
 * at their day, except that a mark that would cover the one before it
 * (★ and ◆ in the same month, or neighbouring months at a small zoom)
 * moves right until both show whole.  Marks of one day keep the order
 * ★ ◆ ▲, steps in order.  Drawing, the labels' obstacles and hit
 * testing all use these places. */
const double *_ikou_row_layer_place_marks (IkouRowLayer   *self,
                                          const IkouStep *steps,
                                          guint           n_steps,
                                          double          scroll_x);

G_END_DECLS

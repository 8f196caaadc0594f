/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of IkouTimeline share: ikou-timeline.c (the widget, its
 * drawing, properties and model), -drag.c, -scroll.c, -keys.c and
 * -findings.c. */

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-finding.h"
#include "ikou-gui-util.h"
#include "ikou-selection.h"
#include "ikou-timeline.h"

G_BEGIN_DECLS

#define DRAG_THRESHOLD 3.0
#define MAX_TOOLTIP_FINDINGS 5

typedef enum
{
  DRAG_NONE,
  DRAG_MILESTONE,
  DRAG_BAR,
} DragKind;

struct _IkouTimeline
{
  GtkWidget           parent_instance;

  IkouRenderer       *renderer;
  IkouPlan           *plan;
  IkouDocument       *document;        /* NULL: edits go to the plan itself */
  GtkSingleSelection *selection;
  IkouSelection      *multi;           /* several selected rows, or NULL */
  GHashTable         *findings;        /* system id → GPtrArray of its findings (a reference) */
  GPtrArray          *findings_owner;  /* the flat array of set_findings(), or NULL */
  IkouSchedule       *schedule;
  IkouDay             today;
  gboolean            era_labels;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               vadj_shared : 1;
  guint               configuring_vadj : 1;
  guint               read_only : 1;      /* a plan opened read-only: no drags, no moves */

  GtkGesture         *drag_gesture;
  GtkPopover         *drag_popover;
  GtkLabel           *drag_label;

  /* The plan's own dates (IKOU_DAY_NONE when it has none), and whether
   * the first view of a newly set plan is still to be chosen (done at
   * the first allocation, before anything is drawn). */
  IkouDay             plan_first;
  IkouDay             plan_last;
  gboolean            first_view_pending;

  /* The milestone selected by a click, for Alt+←/→. */
  int                 sel_step;
  IkouMilestone       sel_milestone;

  struct
  {
    DragKind      kind;
    IkouSystem   *system;
    guint         index;
    IkouMilestone milestone;
    guint         row;
    IkouStep     *old_step;
    IkouStep     *shown_step; /* the step last previewed */
    GdkRectangle  popover_at; /* where the popover last pointed */
    double        start_x;
    double        start_y;
    gboolean      moved;
    IkouDay       day;        /* shown in the popover */
    int           delta;      /* days moved */
    gboolean      collapse;   /* a plain click on one of several selected rows */
  } drag;

  /* While a drag moves one bar, the view as it was drawn (every row,
   * the dragged one too) and where it was drawn; each preview redraws
   * the dragged row alone over it.  Anything else that changes what the
   * timeline shows drops it (_ikou_timeline_redraw). */
  struct
  {
    GskRenderNode *node;
    double         scroll_x;
    double         scroll_y;
    int            width;
    int            height;
    int            scale;
  } drag_view;

  /* The header as last drawn, and for what: a vertical scroll (most
   * frames of a scroll) draws the body alone and puts this node back,
   * which GTK does not even repaint. */
  struct
  {
    GskRenderNode *node;
    guint64        stamp;    /* ikou_renderer_get_header_stamp() */
    double         scroll_x;
    int            width;
    int            scale;
  } header_view;
};

/* ikou-timeline.c */
double      _ikou_timeline_scroll_x                (IkouTimeline      *self);
double      _ikou_timeline_scroll_y                (IkouTimeline      *self);
char       *_ikou_timeline_format_day              (IkouTimeline      *self,
                                                    IkouDay            day);
IkouSystem *_ikou_timeline_selected_system         (IkouTimeline      *self);
void        _ikou_timeline_sync_selected           (IkouTimeline      *self);
void        _ikou_timeline_update_actions          (IkouTimeline      *self);
void        _ikou_timeline_redraw                  (IkouTimeline      *self);

/* ikou-timeline-drag.c: drags, Alt+←/→ and the step-edited signals */
void        _ikou_timeline_class_init_drag         (IkouTimelineClass *klass);
void        _ikou_timeline_init_drag               (IkouTimeline      *self);
guint       _ikou_timeline_n_steps_of              (IkouTimeline      *self,
                                                    IkouSystem        *system);
IkouStep   *_ikou_timeline_dup_step                (IkouTimeline      *self,
                                                    IkouSystem        *system,
                                                    guint              index);
void        _ikou_timeline_drag_reset              (IkouTimeline      *self);
void        _ikou_timeline_cancel_drag             (IkouTimeline      *self);

/* ikou-timeline-scroll.c: the drawn range, the adjustments, the wheel and
 * zoom, the first view */
void        _ikou_timeline_class_init_scroll       (GtkWidgetClass    *widget_class);
void        _ikou_timeline_init_scroll             (IkouTimeline      *self);
void        _ikou_timeline_widen_range_for_system  (IkouTimeline      *self,
                                                    IkouSystem        *system,
                                                    IkouDay           *first,
                                                    IkouDay           *last,
                                                    gboolean           span);
void        _ikou_timeline_update_range            (IkouTimeline      *self);
void        _ikou_timeline_set_hadjustment         (IkouTimeline      *self,
                                                    GtkAdjustment     *adjustment);
void        _ikou_timeline_set_vadjustment         (IkouTimeline      *self,
                                                    GtkAdjustment     *adjustment);
void        _ikou_timeline_configure_hadjustment   (IkouTimeline      *self,
                                                    double             value);
void        _ikou_timeline_configure_vadjustment   (IkouTimeline      *self);
void        _ikou_timeline_rows_in_view            (IkouTimeline      *self,
                                                    guint             *first,
                                                    guint             *n);
void        _ikou_timeline_scroll_to_row           (IkouTimeline      *self,
                                                    guint              row);
void        _ikou_timeline_show_first_view         (IkouTimeline      *self);

/* ikou-timeline-keys.c: moving about with the keys, the table of every
 * key of the timeline, the focus ring */
void        _ikou_timeline_class_init_keys         (GtkWidgetClass    *widget_class);
void        _ikou_timeline_snapshot_focus          (IkouTimeline      *self,
                                                    GtkSnapshot       *snapshot,
                                                    int                width,
                                                    int                height);

/* ikou-timeline-findings.c: the findings of each system, the tooltips */
gboolean    _ikou_timeline_query_tooltip_cb        (IkouTimeline      *self,
                                                    int                x,
                                                    int                y,
                                                    gboolean           keyboard,
                                                    GtkTooltip        *tooltip);

G_END_DECLS

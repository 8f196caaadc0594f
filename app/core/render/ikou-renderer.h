/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ikou-types.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-time-scale.h"

G_BEGIN_DECLS

/* The one roadmap renderer: the window, PDF, PNG, SVG and printing all
 * draw through it, so what the planner sees is what the meeting gets.
 *
 * Geometry: the drawing area is split into a fixed header (fiscal-year
 * row, month row, national-schedule band, marker lane with the today and
 * deadline labels) of ikou_renderer_get_header_height() and a body of
 * rows of row_height each.  The time axis maps days to x linearly in
 * content coordinates: x = (day - origin) * px_per_day, where origin is
 * the first day of the range's first month; on screen the body is
 * shifted by scroll_x.  A day mark (milestone, today, deadline) is drawn
 * at the x of the start of its day.
 *
 * Units: "px" below are user-space units of the cairo context: pixels in
 * the widget, points in PDF/SVG export.  Font sizes are in the same
 * units (the renderer's Pango context uses a resolution of 72, so one
 * Pango point is one unit).
 *
 * Cost of a draw depends only on the viewport: rows outside it are never
 * read from the rows model (one g_list_model_get_item() per visible
 * row), header ticks come from month boundaries precomputed for the
 * range, and text layouts are cached.  On raster targets (the window,
 * PNG) each mark (★ ◆ ▲ with its finding and selection rings, the
 * finding marker) is drawn once into a small bitmap and then copied to
 * whole pixels; vector targets (PDF, SVG, PostScript) get the shapes.
 *
 * The renderer is the one entry; the work is done by the types it holds
 * (IkouTimeScale, IkouTimeHeader, IkouRowLayer, IkouMarkPainter,
 * IkouFindingMarks, IkouRenderText, IkouLegend: see docs/DESIGN.md). */

typedef struct
{
  double red, green, blue, alpha;
} IkouColor;

typedef struct
{
  IkouColor background;
  IkouColor foreground;
  IkouColor dim_foreground;
  IkouColor grid;
  IkouColor header_background;
  IkouColor row_alternate;
  IkouColor selection;
  IkouColor today;
  IkouColor deadline;
  IkouColor error;
  IkouColor warning;
  IkouColor info;
  IkouColor build;                          /* the contract → cut-over bar */
  IkouColor host_kind[IKOU_N_HOST_KINDS];   /* segment fill by host kind */
  IkouColor phase;                          /* schedule band */
  IkouColor milestone[IKOU_N_MILESTONES];   /* ★ ◆ ▲ fill */
  IkouColor tokutei;                        /* a 特定移行支援 system's own deadline tick */
  char     *font_family;                    /* e.g. "Noto Sans CJK JP"; NULL = "Sans" */
  double    font_size;                      /* user units: px in the widget, pt in export */
  gboolean  patterns;                       /* hatch segments by host kind (B/W photocopies) */
  gboolean  era_labels;                     /* R7年度 instead of 2025年度 (Japanese labels) */
  gboolean  japanese_labels;                /* Japanese phase names and 年度 labels; else
                                             * English ones (FY2025, see IkouLabels) */
} IkouRenderStyle;

/* Light and print-safe; japanese_labels follows the interface language
 * (ikou_locale_is_japanese()). */
void ikou_render_style_init_default (IkouRenderStyle       *style);
void ikou_render_style_copy         (IkouRenderStyle       *dest,
                                     const IkouRenderStyle *src);
void ikou_render_style_clear        (IkouRenderStyle       *style);

typedef enum
{
  IKOU_HIT_NONE,
  IKOU_HIT_ROW,        /* a row, not on a mark */
  IKOU_HIT_MILESTONE,  /* ★ ◆ ▲ */
  IKOU_HIT_BUILD_BAR,  /* the contract → cut-over bar */
  IKOU_HIT_FINDING,    /* the finding marker at the row's start */
} IkouHitKind;

typedef struct
{
  IkouHitKind   kind;
  guint         row;        /* row index in the rows model */
  IkouSystem   *system;     /* borrowed */
  int           step;       /* -1 when none */
  IkouMilestone milestone;  /* for IKOU_HIT_MILESTONE */
  IkouDay       day;        /* the day under the pointer */
} IkouHit;

#define IKOU_TYPE_RENDERER (ikou_renderer_get_type ())
G_DECLARE_FINAL_TYPE (IkouRenderer, ikou_renderer, IKOU, RENDERER, GObject)

IkouRenderer *ikou_renderer_new               (void);
/* The plan gives the hosts; @rows gives which systems are drawn and in
 * which order (the window's sorted and filtered list; NULL = the plan). */
void          ikou_renderer_set_plan          (IkouRenderer          *self,
                                               IkouPlan              *plan);
void          ikou_renderer_set_rows          (IkouRenderer          *self,
                                               GListModel            *rows);
void          ikou_renderer_set_schedule      (IkouRenderer          *self,
                                               IkouSchedule          *schedule);
void          ikou_renderer_set_scenario      (IkouRenderer          *self,
                                               IkouScenario          *scenario);
IkouScenario *ikou_renderer_get_scenario      (IkouRenderer          *self);
/* Compare mode: the plan @scenario sees (NULL = the baseline) is drawn
 * as ghosts under the scenario shown, for the systems that differ. */
void          ikou_renderer_set_compare       (IkouRenderer          *self,
                                               gboolean               comparing,
                                               IkouScenario          *scenario);
gboolean      ikou_renderer_get_comparing     (IkouRenderer          *self,
                                               IkouScenario         **scenario);
/* Replaces all finding markers with those of @findings (IkouFinding, any
 * order; NULL = none).  The renderer keeps what it draws (per system, the
 * worst severity and the worst per milestone), not the array: O(n). */
void          ikou_renderer_set_findings      (IkouRenderer          *self,
                                               GPtrArray             *findings);
/* Replaces the finding markers of one system with those of @findings
 * (all of that system's findings, each with @system_id; NULL or empty =
 * none); the other systems' stay.  Costs O(len) whatever the plan's
 * size: the window calls it for the system a drag or an edit touched. */
void          ikou_renderer_set_system_findings (IkouRenderer        *self,
                                               guint                  system_id,
                                               GPtrArray             *findings);
void          ikou_renderer_set_style         (IkouRenderer          *self,
                                               const IkouRenderStyle *style);
void          ikou_renderer_set_today         (IkouRenderer          *self,
                                               IkouDay                today);
/* The highlighted row (0 = none). */
void          ikou_renderer_set_selected      (IkouRenderer          *self,
                                               guint                  system_id);
guint         ikou_renderer_get_selected      (IkouRenderer          *self);
/* More highlighted rows: a set of system ids (a reference is kept; the
 * caller may change it and redraw), or NULL. */
void          ikou_renderer_set_selected_ids  (IkouRenderer          *self,
                                               GHashTable            *ids);
/* The highlighted milestone of the selected system: @step -1 = none. */
void          ikou_renderer_set_selected_milestone (IkouRenderer     *self,
                                               int                    step,
                                               IkouMilestone          milestone);
/* The time span: @first and @last are inclusive days; the axis runs
 * from the first day of @first's month to the last day of @last's
 * month.  Month boundaries are precomputed here. */
void          ikou_renderer_set_range         (IkouRenderer          *self,
                                               IkouDay                first,
                                               IkouDay                last);
void          ikou_renderer_get_range         (IkouRenderer          *self,
                                               IkouDay               *first,
                                               IkouDay               *last);
void          ikou_renderer_set_zoom          (IkouRenderer          *self,
                                               IkouZoom               zoom);
IkouZoom      ikou_renderer_get_zoom          (IkouRenderer          *self);
/* Overrides the zoom's scale (used by export to fit a page width). */
void          ikou_renderer_set_px_per_day    (IkouRenderer          *self,
                                               double                 px_per_day);
double        ikou_renderer_get_px_per_day    (IkouRenderer          *self);
/* The style in use (owned by the renderer; valid until the next
 * ikou_renderer_set_style()). */
const IkouRenderStyle *ikou_renderer_get_style (IkouRenderer       *self);
void          ikou_renderer_set_row_height    (IkouRenderer          *self,
                                               double                 row_height);
double        ikou_renderer_get_row_height    (IkouRenderer          *self);
/* The scale at which the drawing is turned into pixels after the draw,
 * on top of what the cairo context says: GTK records a widget's drawing
 * in logical pixels (gtk_snapshot_append_cairo() gives a recording
 * surface at scale 1) and rasterizes it at the widget's scale factor.
 * On raster targets the marks are placed from bitmaps made at this
 * resolution, so they stay crisp on HiDPI.  1 (the default) for export. */
void          ikou_renderer_set_scale_factor  (IkouRenderer          *self,
                                               double                 scale_factor);
double        ikou_renderer_get_header_height (IkouRenderer          *self);
/* Width of the whole time axis in px at the current scale. */
double        ikou_renderer_get_content_width (IkouRenderer          *self);
guint         ikou_renderer_get_n_rows        (IkouRenderer          *self);
/* The rows a draw of @height at @scroll_y touches: [*first, *first + *n). */
void          ikou_renderer_get_visible_rows  (IkouRenderer          *self,
                                               double                 scroll_y,
                                               double                 height,
                                               guint                 *first,
                                               guint                 *n);

/* Content coordinates (no scroll): the x of the start of @day, and the
 * day whose span holds @x (clamped to no range; any day is valid). */
double        ikou_renderer_x_for_day         (IkouRenderer          *self,
                                               IkouDay                day);
IkouDay       ikou_renderer_day_for_x         (IkouRenderer          *self,
                                               double                 x);

/* Draws the header (fixed) and the rows of the viewport: the body is
 * scrolled by @scroll_x / @scroll_y (px, body coordinates), the area is
 * @width × @height with the header at the top.  Only rows intersecting
 * the viewport are read from the model. */
void          ikou_renderer_draw              (IkouRenderer          *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 scroll_y,
                                               double                 width,
                                               double                 height);
/* The parts of ikou_renderer_draw(), each clipped to its own area with
 * the same pixels there: the body (below the header) and the header
 * (@width × its height, at the top).  A view whose vertical scroll moves
 * redraws the body and keeps a drawing of the header. */
typedef enum
{
  IKOU_RENDER_BODY   = 1 << 0,
  IKOU_RENDER_HEADER = 1 << 1,
  IKOU_RENDER_ALL    = IKOU_RENDER_BODY | IKOU_RENDER_HEADER,
} IkouRenderParts;

void          ikou_renderer_draw_parts        (IkouRenderer          *self,
                                               cairo_t               *cr,
                                               double                 scroll_x,
                                               double                 scroll_y,
                                               double                 width,
                                               double                 height,
                                               IkouRenderParts        parts);
/* Changes whenever what the header shows may have changed (its style and
 * fonts, the schedule, today, the zoom or range, the text's target): a
 * drawing of the header at the same @scroll_x and width stays right
 * while this stays the same. */
guint64       ikou_renderer_get_header_stamp  (IkouRenderer          *self);
/* What is at (@x, @y) in viewport coordinates with the same scroll.
 * Milestones are found within about 6 px of their mark (the nearest
 * wins), then the finding marker, then the build bar, then the row.
 * Returns FALSE (kind NONE) in the header and below the last row.
 * @hit->system is borrowed from the rows model. */
gboolean      ikou_renderer_hit_test          (IkouRenderer          *self,
                                               double                 scroll_x,
                                               double                 scroll_y,
                                               double                 x,
                                               double                 y,
                                               IkouHit               *hit);

/* The legend (host kinds, build period, ★ ◆ ▲, today, deadline,
 * 特定移行支援, finding severities) laid out in lines at most @width
 * wide, its top left at (@x, @y).  Returns its height.  @cr may be NULL
 * to measure only. */
double        ikou_renderer_draw_legend       (IkouRenderer          *self,
                                               cairo_t               *cr,
                                               double                 x,
                                               double                 y,
                                               double                 width);

G_END_DECLS

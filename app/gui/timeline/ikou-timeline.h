/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-document.h"
#include "ikou-renderer.h"
#include "ikou-selection.h"

G_BEGIN_DECLS

#define IKOU_TYPE_TIMELINE (ikou_timeline_get_type ())
G_DECLARE_FINAL_TYPE (IkouTimeline, ikou_timeline, IKOU, TIMELINE, GtkWidget)

/* The roadmap widget: viewport-sized, implements GtkScrollable.  It draws
 * through IkouRenderer only the rows in view.  Its rows and selection are
 * a GtkSingleSelection shared with the systems list (same order, same
 * selected system).  The window gives it the list's vertical adjustment
 * (gtk_scrollable_set_vadjustment) so both scroll together; the timeline
 * then only reads that adjustment's value and never configures it, while
 * it configures its own horizontal adjustment.
 *
 * How it tells the two cases apart: an adjustment that is already
 * configured when it is set (page size or upper > 0), or that anybody
 * else reconfigures later (its ::changed outside the timeline's own
 * gtk_adjustment_configure()), is shared and only read.  A fresh one
 * (from a GtkScrolledWindow around the timeline alone, or the one the
 * timeline makes when none is set) is configured by the timeline from
 * its rows, so the widget also works standalone.  With a shared
 * adjustment the timeline scrolls it by the mouse wheel itself (its
 * scrolled window has no vertical scrollbar).
 *
 * Dragging a milestone (★ ◆ ▲) moves it, dragging the build bar moves
 * contract and cut-over together; months snap unless Shift is held; Esc
 * cancels.  During a drag the system's step is changed live (so the
 * window's incremental re-check updates findings) and a popover shows
 * the new date; when the drag ends, ::step-edited is emitted with the
 * step as it was before, so the window can record one undoable command.
 * Alt+←/→ moves the selected milestone (click it first) by a month the
 * same way.  Ctrl+wheel zooms; every zoom change keeps the date at the
 * centre of the view fixed.
 *
 * Drags and edits change the baseline steps: with a scenario set on the
 * renderer, a date the scenario overrides is drawn from the scenario.
 *
 * With the keyboard focus it outlines the selected row; ↑/↓ select the
 * previous or next row, Page Up/Down a page of rows, Ctrl+Home/End the
 * first or last; ←/→ select the previous or next milestone of the row
 * (the first when none is), Home/End its first or last, scrolling it into
 * view.
 *
 * A newly set plan is first shown (at the next allocation, before
 * anything is drawn) around today and the schedule's deadline, with as
 * much of the plan's own dates as fits, or on the plan's own dates when
 * they are more than a view's width away from both.
 *
 * Actions (on the widget, for tests and menus): "timeline.cancel-drag",
 * "timeline.move-earlier" (Alt+←), "timeline.move-later" (Alt+→),
 * "timeline.zoom-in" (Ctrl++), "timeline.zoom-out" (Ctrl+-), and the
 * moves above: "timeline.row-up", "timeline.row-down",
 * "timeline.page-up", "timeline.page-down", "timeline.first-row",
 * "timeline.last-row", "timeline.previous-milestone",
 * "timeline.next-milestone", "timeline.first-milestone",
 * "timeline.last-milestone".
 *
 * Signals:
 *   ::step-edited (IkouSystem *system, guint index, IkouStep *old_step)
 *
 * Properties: "zoom" (IkouZoom as int), "era-labels", "header-height"
 * (read-only, px: the list's header strip should match it), plus the
 * GtkScrollable ones. */

GtkWidget    *ikou_timeline_new               (void);
IkouRenderer *ikou_timeline_get_renderer      (IkouTimeline       *self);
void          ikou_timeline_set_plan          (IkouTimeline       *self,
                                               IkouPlan           *plan);
/* With a document the timeline shows its active scenario (and the one it
 * is compared with) and edits go through it; it also sets the plan. */
void          ikou_timeline_set_document      (IkouTimeline       *self,
                                               IkouDocument       *document);
void          ikou_timeline_set_schedule      (IkouTimeline       *self,
                                               IkouSchedule       *schedule);
void          ikou_timeline_set_selection     (IkouTimeline       *self,
                                               GtkSingleSelection *selection);
/* Several selected rows (over the same rows as the selection): drawn,
 * changed by Ctrl/Shift-clicks, and dragged together. */
void          ikou_timeline_set_multi_selection (IkouTimeline     *self,
                                                 IkouSelection    *multi);
/* Replaces all findings (IkouFinding, plan order; a reference is kept
 * until the next whole replacement, so do not change its contents). */
void          ikou_timeline_set_findings      (IkouTimeline       *self,
                                               GPtrArray          *findings);
/* Replaces all findings, given per system: each element of @per_system
 * is one system's findings array or NULL (see
 * ikou_findings_panel_set_findings_by_system(); references are kept to
 * the per-system arrays, which the owner replaces, never changes). */
void          ikou_timeline_set_findings_by_system (IkouTimeline  *self,
                                               GPtrArray          *per_system);
/* Replaces one system's findings (NULL = none): its markers and tooltip
 * follow, the others' stay.  O(its findings). */
void          ikou_timeline_set_system_findings (IkouTimeline     *self,
                                               guint               system_id,
                                               GPtrArray          *findings);
/* Whether a milestone or a build bar is being dragged right now. */
gboolean      ikou_timeline_is_dragging       (IkouTimeline       *self);
/* A read-only timeline selects but does not drag or move milestones. */
void          ikou_timeline_set_read_only     (IkouTimeline       *self,
                                               gboolean            read_only);
void          ikou_timeline_set_today         (IkouTimeline       *self,
                                               IkouDay             today);
void          ikou_timeline_set_zoom          (IkouTimeline       *self,
                                               IkouZoom            zoom);
IkouZoom      ikou_timeline_get_zoom          (IkouTimeline       *self);
void          ikou_timeline_set_era_labels    (IkouTimeline       *self,
                                               gboolean            era_labels);
/* Row height in px, to match the list's rows. */
void          ikou_timeline_set_row_height    (IkouTimeline       *self,
                                               double              row_height);
double        ikou_timeline_get_header_height (IkouTimeline       *self);
/* Scrolls horizontally so @day is in view (today, a finding's date). */
void          ikou_timeline_scroll_to_day     (IkouTimeline       *self,
                                               IkouDay             day);
/* The milestone drawn highlighted (the target of Alt+←/→): @step -1 when
 * none.  Selecting a milestone selects its row. */
void          ikou_timeline_select_milestone  (IkouTimeline       *self,
                                               guint               row,
                                               int                 step,
                                               IkouMilestone       milestone);
gboolean      ikou_timeline_get_selected_milestone (IkouTimeline  *self,
                                               IkouSystem        **system,
                                               int                *step,
                                               IkouMilestone      *milestone);
/* The date under the popover while a drag is in progress, else NONE. */
IkouDay       ikou_timeline_get_drag_day      (IkouTimeline       *self);

G_END_DECLS

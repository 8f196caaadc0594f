/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-renderer.h"

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
 * Dragging a milestone (★ ◆ ▲) moves it, dragging the build bar moves
 * contract and cut-over together; months snap unless Shift is held; Esc
 * cancels.  During a drag the system's step is changed live (so the
 * window's incremental re-check updates findings); when the drag ends,
 * ::step-edited is emitted with the step as it was before, so the window
 * can record one undoable command.  Alt+←/→ moves the selected milestone
 * by a month the same way. */

GtkWidget    *ikou_timeline_new               (void);
IkouRenderer *ikou_timeline_get_renderer      (IkouTimeline       *self);
void          ikou_timeline_set_plan          (IkouTimeline       *self,
                                               IkouPlan           *plan);
void          ikou_timeline_set_schedule      (IkouTimeline       *self,
                                               IkouSchedule       *schedule);
void          ikou_timeline_set_selection     (IkouTimeline       *self,
                                               GtkSingleSelection *selection);
void          ikou_timeline_set_findings      (IkouTimeline       *self,
                                               GPtrArray          *findings);
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

G_END_DECLS

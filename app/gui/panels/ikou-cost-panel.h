/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-cost-chart.h"
#include "ikou-document.h"
#include "ikou-timeline.h"

G_BEGIN_DECLS

/* IkouCostPanel: the costs per fiscal year under the roadmap, drawn by
 * IkouCostChart.  The bars stand under the timeline's fiscal years: the
 * panel reads the timeline's renderer (range, scale), its horizontal
 * scroll and where the timeline is relative to the panel, so it follows
 * zooming, scrolling and the divider.  It shows the document's active
 * scenario (or the baseline) and, in compare mode, the compared plan
 * beside it.  Any change of the plan, the scenario shown or the one
 * compared marks the budgets stale; they are computed again at the next
 * draw, so a burst of edits costs one computation per frame, and none
 * while the panel is hidden.  Hovering a bar shows its amounts; so does
 * the keyboard, one fiscal year at a time, in a popover. */

#define IKOU_TYPE_COST_PANEL (ikou_cost_panel_get_type ())
G_DECLARE_FINAL_TYPE (IkouCostPanel, ikou_cost_panel, IKOU, COST_PANEL, GtkWidget)

GtkWidget     *ikou_cost_panel_new          (void);
void           ikou_cost_panel_set_document (IkouCostPanel *self,
                                             IkouDocument  *document);
void           ikou_cost_panel_set_timeline (IkouCostPanel *self,
                                             IkouTimeline  *timeline);
/* Brings the chart up to date now, as a draw would, and returns it
 * (tests: its bars are in the panel's coordinates). */
IkouCostChart *ikou_cost_panel_get_chart    (IkouCostPanel *self);
/* How many times the budgets were computed (tests). */
guint          ikou_cost_panel_get_n_updates (IkouCostPanel *self);
/* The fiscal year the keyboard is on (Left, Right, Home, End while the
 * panel has the focus; 0: none yet) and the amounts its popover shows
 * (NULL when none is shown), the same text as hovering (tests). */
int            ikou_cost_panel_get_focus_year (IkouCostPanel *self);
const char    *ikou_cost_panel_get_focus_text (IkouCostPanel *self);
/* The tooltip text at (@x, @y), or NULL off the bars (tests). */
char          *ikou_cost_panel_dup_tooltip  (IkouCostPanel *self,
                                             double         x,
                                             double         y);

G_END_DECLS

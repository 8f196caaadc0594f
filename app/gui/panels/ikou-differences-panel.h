/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-document.h"
#include "ikou-plan-diff.h"

G_BEGIN_DECLS

/* IkouDifferencesPanel: what the plan shown changes against the plan it
 * is compared with (the document's compare scenario, else the baseline):
 * one row per moved milestone (system, step, milestone, date in A, date
 * in B, shift in months), then the findings it resolves and the ones it
 * brings.  Computed again a moment after the plan changes, only while
 * the panel is mapped.  Activating a row emits ::system-activated with
 * the system id and the day to scroll to. */

#define IKOU_TYPE_DIFFERENCES_PANEL (ikou_differences_panel_get_type ())
G_DECLARE_FINAL_TYPE (IkouDifferencesPanel, ikou_differences_panel, IKOU, DIFFERENCES_PANEL, GtkWidget)

GtkWidget          *ikou_differences_panel_new          (void);
void                ikou_differences_panel_set_document (IkouDifferencesPanel *self,
                                                         IkouDocument         *document);
/* Computes the differences now (tests). */
void                ikou_differences_panel_update       (IkouDifferencesPanel *self);
/* (nullable): the differences on show. */
const IkouPlanDiff *ikou_differences_panel_get_diff     (IkouDifferencesPanel *self);
/* Activates row @index (changes first, then resolved, then new findings). */
void                ikou_differences_panel_activate_row (IkouDifferencesPanel *self,
                                                         guint                 index);

G_END_DECLS

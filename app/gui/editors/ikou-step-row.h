/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-date-entry.h"
#include "ikou-scenario.h"
#include "ikou-step.h"

G_BEGIN_DECLS

/* IkouStepRow: one migration step in the system editor
 * (ui/ikou-step-row.ui): hosts, the three milestones with the budget
 * amount, the running cost, standard compliance, arrangement, what is
 * done and a note.  It shows the step it is given and says what the user
 * changed: ::edited with the step as it should become, ::duplicate,
 * ::remove and ::revert (back to the baseline); the editor decides
 * whether and where the edit goes. */
#define IKOU_TYPE_STEP_ROW (ikou_step_row_get_type ())
G_DECLARE_FINAL_TYPE (IkouStepRow, ikou_step_row, IKOU, STEP_ROW, AdwPreferencesGroup)

/* @host_names (the drop-downs' "None" and hosts) and @host_ids (guint,
 * parallel) are the editor's and outlive the row; the row's labels join
 * @labels, so the fields of every step line up. */
GtkWidget     *ikou_step_row_new            (GListModel     *host_names,
                                             GArray         *host_ids,
                                             GtkSizeGroup   *labels);
guint          ikou_step_row_get_index      (IkouStepRow    *self);
/* Shows @step as step @index (0-based) of its system, @description
 * under its title.  With @force every field is set; otherwise text being
 * typed is kept unless its own value changed. */
void           ikou_step_row_set_step       (IkouStepRow    *self,
                                             guint           index,
                                             const IkouStep *step,
                                             const char     *description,
                                             gboolean        force);
/* Marks the field the shown scenario changes. */
void           ikou_step_row_set_overridden (IkouStepRow      *self,
                                             IkouOverrideField field,
                                             gboolean          overridden);
/* What the baseline has, under the title (NULL: nothing to say), and
 * whether the step can go back to it. */
void           ikou_step_row_set_baseline   (IkouStepRow    *self,
                                             const char     *text,
                                             gboolean        revertible);
IkouDateEntry *ikou_step_row_get_date_entry (IkouStepRow    *self,
                                             IkouMilestone   milestone);
/* The focus to the destination host (a new step starts there). */
void           ikou_step_row_focus_destination (IkouStepRow *self);

G_END_DECLS

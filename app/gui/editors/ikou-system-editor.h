/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-date-entry.h"
#include "ikou-document.h"
#include "ikou-history.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* IkouSystemEditor: the side panel that edits every field of one system
 * and its migration steps.  Every change goes through the IkouHistory
 * (so it can be undone); the panel follows the system when it changes
 * (undo, a drag in the timeline). */

#define IKOU_TYPE_SYSTEM_EDITOR (ikou_system_editor_get_type ())
G_DECLARE_FINAL_TYPE (IkouSystemEditor, ikou_system_editor, IKOU, SYSTEM_EDITOR, GtkWidget)

GtkWidget     *ikou_system_editor_new                 (void);
/* @schedule may be NULL (the operation list then holds only "None" and
 * the system's current operation). */
void           ikou_system_editor_set_context         (IkouSystemEditor *self,
                                                       IkouPlan         *plan,
                                                       IkouSchedule     *schedule,
                                                       IkouHistory      *history);
/* Reads and edits steps through @document (its active scenario); sets
 * the context from it. */
void           ikou_system_editor_set_document        (IkouSystemEditor *self,
                                                       IkouDocument     *document);
/* @system must belong to the plan, or be NULL (nothing to edit). */
void           ikou_system_editor_set_system          (IkouSystemEditor *self,
                                                       IkouSystem       *system);
IkouSystem    *ikou_system_editor_get_system          (IkouSystemEditor *self);
/* The date field of @milestone of step @index (for tests), or NULL. */
IkouDateEntry *ikou_system_editor_get_step_date_entry (IkouSystemEditor *self,
                                                       guint             index,
                                                       IkouMilestone     milestone);

G_END_DECLS

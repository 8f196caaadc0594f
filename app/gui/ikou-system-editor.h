/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-history.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* IkouDateEntry: a date field for what planners type (R7.4.1, 令和7年4月,
 * 2025/4/1, full-width digits; see ikou_parse_date()).  It shows the
 * model's date as 2025-04-01 with the date in 和暦 next to it.  When the
 * user activates the entry or leaves it, valid text emits ::day-applied
 * (an empty field means "no date", IKOU_DAY_NONE); invalid text marks
 * the entry with the "error" style class and shows the reason under it,
 * emits nothing, and the previous day stays.  The entry never changes
 * its own day: the owner applies the day to the model and calls
 * ikou_date_entry_set_day() with what the model holds.  Shared by the
 * system and host editors. */

#define IKOU_TYPE_DATE_ENTRY (ikou_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (IkouDateEntry, ikou_date_entry, IKOU, DATE_ENTRY, GtkWidget)

GtkWidget  *ikou_date_entry_new             (void);
IkouDay     ikou_date_entry_get_day         (IkouDateEntry *self);
/* Shows @day.  While the user's invalid text is on show and @day is the
 * day already held, the text and the error are kept. */
void        ikou_date_entry_set_day         (IkouDateEntry *self,
                                             IkouDay        day);
/* Parses the text now, as activating the entry does. */
void        ikou_date_entry_apply           (IkouDateEntry *self);
/* The message shown under the field, or NULL when the text is valid. */
const char *ikou_date_entry_get_error       (IkouDateEntry *self);
GtkEntry   *ikou_date_entry_get_entry       (IkouDateEntry *self);
GtkLabel   *ikou_date_entry_get_error_label (IkouDateEntry *self);
GtkLabel   *ikou_date_entry_get_era_label   (IkouDateEntry *self);

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
/* @system must belong to the plan, or be NULL (nothing to edit). */
void           ikou_system_editor_set_system          (IkouSystemEditor *self,
                                                       IkouSystem       *system);
IkouSystem    *ikou_system_editor_get_system          (IkouSystemEditor *self);
/* The date field of @milestone of step @index (for tests), or NULL. */
IkouDateEntry *ikou_system_editor_get_step_date_entry (IkouSystemEditor *self,
                                                       guint             index,
                                                       IkouMilestone     milestone);

G_END_DECLS

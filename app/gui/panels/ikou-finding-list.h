/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ikou-finding.h"

G_BEGIN_DECLS

/* IkouFindingList: the findings panel's list model, a GListModel of
 * IkouFindingRow: the findings grouped by system, in plan order, shown
 * severity by severity (errors first), in plan order within a severity,
 * without the severities that are hidden.  Replacing one system's
 * findings reports that system's rows only.
 *
 * With groups on (ikou_finding_list_set_group_min()), a system with that
 * many findings of one severity or more shows one group row instead
 * (ikou_finding_row_get_n_grouped()), which opens to show them under it:
 * a stale system is one row, not six. */

#define IKOU_TYPE_FINDING_LIST (ikou_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingList, ikou_finding_list, IKOU, FINDING_LIST, GObject)

/* Replaces every slot: @per_system holds one GPtrArray of IkouFinding
 * (or NULL) per system, in plan order; the list keeps a reference to
 * each array, not to @per_system.  @borrowed, when not NULL, is the flat
 * array whose findings those arrays point to: the list keeps it alive
 * until the next whole replacement.  One ::items-changed. */
void         ikou_finding_list_set_all      (IkouFindingList *self,
                                             GPtrArray       *per_system,
                                             GPtrArray       *borrowed);
/* Replaces the findings of the system in slot @position (NULL = none;
 * a reference is kept), one severity at a time; rows whose content did
 * not change are not reported. */
void         ikou_finding_list_set_slot     (IkouFindingList *self,
                                             guint            position,
                                             GPtrArray       *findings);
/* The number of slots (systems) of the last whole replacement. */
guint        ikou_finding_list_get_n_slots  (IkouFindingList *self);
/* Shows or hides the rows of @severity. */
void         ikou_finding_list_set_visible  (IkouFindingList *self,
                                             IkouSeverity     severity,
                                             gboolean         visible);
gboolean     ikou_finding_list_get_visible  (IkouFindingList *self,
                                             IkouSeverity     severity);
/* The findings of @severity, shown or not. */
guint        ikou_finding_list_get_count    (IkouFindingList *self,
                                             IkouSeverity     severity);
/* Groups of at least @group_min findings (not 1); 0, the default: none. */
void         ikou_finding_list_set_group_min (IkouFindingList *self,
                                              guint            group_min);
/* Whether the row at @position is a group row. */
gboolean     ikou_finding_list_is_group     (IkouFindingList *self,
                                             guint            position);
/* Opens or closes the group at @position (the system's groups of every
 * severity); FALSE when it is not a group row.  Stays so for the system
 * across updates of its findings. */
gboolean     ikou_finding_list_toggle_group (IkouFindingList *self,
                                             guint            position);
/* The finding shown at @position (owned by the list's arrays), or NULL;
 * for a group row, the group's first finding. */
IkouFinding *ikou_finding_list_lookup       (IkouFindingList *self,
                                             guint            position);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the roadmap draws of the findings: per system, the worst
 * severity (the marker at the row's start) and the worst severity per
 * step and milestone (the ring around a mark).  Severities are
 * IkouSeverity values, ERROR (0) the worst; -1 means none.  One
 * system's findings can be replaced without looking at the others':
 * the window does so once per frame during a drag. */

#define IKOU_TYPE_FINDING_MARKS (ikou_finding_marks_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingMarks, ikou_finding_marks, IKOU, FINDING_MARKS, GObject)

IkouFindingMarks *ikou_finding_marks_new        (void);
/* Replaces all with those of @findings (IkouFinding, any order; NULL =
 * none).  O(n). */
void              ikou_finding_marks_set_all    (IkouFindingMarks *self,
                                                 GPtrArray        *findings);
/* Replaces @system_id's with @findings (all of them with that system
 * id; NULL or empty = none).  O(len). */
void              ikou_finding_marks_set_system (IkouFindingMarks *self,
                                                 guint             system_id,
                                                 GPtrArray        *findings);
int               ikou_finding_marks_get_worst  (IkouFindingMarks *self,
                                                 guint             system_id);
int               ikou_finding_marks_get_worst_mark (IkouFindingMarks *self,
                                                 guint             system_id,
                                                 int               step,
                                                 int               milestone);

G_END_DECLS

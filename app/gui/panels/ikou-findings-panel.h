/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-finding.h"

G_BEGIN_DECLS

#define IKOU_TYPE_FINDINGS_PANEL (ikou_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingsPanel, ikou_findings_panel, IKOU, FINDINGS_PANEL, GtkWidget)

/* The list of findings under the roadmap: severity, the rule's title (in
 * the user's language; ids are for JSON and the command line), system,
 * date and message, errors first, with a toggle per severity that counts
 * its findings ("53 errors").  Dates follow the "era-labels" property.
 * Activating a row emits ::finding-activated with the finding. */
GtkWidget  *ikou_findings_panel_new                  (void);
/* Replaces all findings: @findings is an IkouFinding array in plan order
 * (each system's findings together).  The panel keeps a reference until
 * the next whole replacement and reads it only when asked for rows, so
 * the owner must call again before it changes the array's contents. */
void        ikou_findings_panel_set_findings         (IkouFindingsPanel *self,
                                                      GPtrArray         *findings);
/* Replaces all findings, given per system: @per_system holds, for each
 * system of the plan in plan order, a GPtrArray of its findings or NULL.
 * The panel keeps a reference to each system's array (not to
 * @per_system): the owner replaces a system's array instead of changing
 * it.  One ::items-changed; O(systems). */
void        ikou_findings_panel_set_findings_by_system (IkouFindingsPanel *self,
                                                      GPtrArray         *per_system);
/* Replaces the findings of the system at @position (its place in the
 * plan, as in the last whole replacement) with @findings (NULL = none;
 * a reference is kept, as above).  Only that system's rows change: the
 * model emits ::items-changed for them alone, per severity, and not at
 * all when they read the same.  O(log systems + its findings). */
void        ikou_findings_panel_set_system_findings  (IkouFindingsPanel *self,
                                                      guint              position,
                                                      GPtrArray         *findings);
void        ikou_findings_panel_set_era_labels       (IkouFindingsPanel *self,
                                                      gboolean           era_labels);
gboolean    ikou_findings_panel_get_era_labels       (IkouFindingsPanel *self);
/* The rule's title and the message (dates by "era-labels"), as the
 * rule and message cells' tooltip shows them. */
char       *ikou_findings_panel_describe             (IkouFindingsPanel *self,
                                                      const IkouFinding *finding);
void        ikou_findings_panel_set_severity_visible (IkouFindingsPanel *self,
                                                      IkouSeverity       severity,
                                                      gboolean           visible);
gboolean    ikou_findings_panel_get_severity_visible (IkouFindingsPanel *self,
                                                      IkouSeverity       severity);
/* The rows shown (a GListModel of opaque row objects), for tests. */
GListModel *ikou_findings_panel_get_model            (IkouFindingsPanel *self);
/* The finding shown at @position, or NULL. */
const IkouFinding *ikou_findings_panel_get_finding   (IkouFindingsPanel *self,
                                                      guint              position);
/* Acts as if the row at @position were clicked. */
void        ikou_findings_panel_activate_row         (IkouFindingsPanel *self,
                                                      guint              position);

G_END_DECLS

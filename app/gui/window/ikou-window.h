/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-document.h"

#include "ikou-context.h"
#include "ikou-plan.h"
#include "ikou-history.h"

G_BEGIN_DECLS

#define IKOU_TYPE_WINDOW (ikou_window_get_type ())
G_DECLARE_FINAL_TYPE (IkouWindow, ikou_window, IKOU, WINDOW, AdwApplicationWindow)

/* One window per document.  A new window shows the empty state until a
 * plan is loaded into it. */
/* A window of @application sharing @context (settings, schedule, recent
 * plans) with the others. */
IkouWindow         *ikou_window_new            (GtkApplication  *application,
                                                IkouContext     *context);
/* Loads @file into this window (.ikou through the store, .xml through the
 * XML reader).  On failure nothing changes and @error says why.  A window
 * that already holds a plan refuses (IKOU_ERROR_INVALID_INPUT): use
 * ikou_window_open(). */
gboolean            ikou_window_load_file      (IkouWindow      *self,
                                                GFile           *file,
                                                GError         **error);
/* Opens @file the way the user asked for it: in this window when it is
 * empty, otherwise in a new one; errors are shown in the window. */
void                ikou_window_open           (IkouWindow      *self,
                                                GFile           *file);
/* Shows @plan (taking a reference) as an unsaved document named by
 * @file (NULL for untitled).  @recovered marks it as having unsaved
 * changes from the start. */
void                ikou_window_set_document   (IkouWindow      *self,
                                                IkouPlan        *plan,
                                                GFile           *file,
                                                gboolean         recovered);
/* Imports @file (any format Ikou reads) as a new unsaved plan. */
void                ikou_window_import         (IkouWindow      *self,
                                                GFile           *file);
/* Shows @document (taking it). */
void                ikou_window_take_document  (IkouWindow      *self,
                                                IkouDocument    *document,
                                                gboolean         recovered);
IkouDocument       *ikou_window_get_document   (IkouWindow      *self);
gboolean            ikou_window_save_to_file   (IkouWindow      *self,
                                                GFile           *file,
                                                GError         **error);
gboolean            ikou_window_has_document   (IkouWindow      *self);
gboolean            ikou_window_get_dirty      (IkouWindow      *self);
GFile              *ikou_window_get_file       (IkouWindow      *self);
IkouPlan           *ikou_window_get_plan       (IkouWindow      *self);
IkouHistory        *ikou_window_get_history    (IkouWindow      *self);
/* The sorted and filtered systems, shared by the list and the timeline. */
GtkSingleSelection *ikou_window_get_selection  (IkouWindow      *self);
/* The current findings (IkouFinding) in plan order, owned by the window:
 * a copy made on first use after a change (the window keeps findings per
 * system), valid until the findings next change; take a reference to
 * keep it longer.  Re-checks still waiting for the next frame are not in
 * it (_ikou_window_flush_checks() runs them first). */
GPtrArray          *ikou_window_get_findings   (IkouWindow      *self);
IkouDay             ikou_window_get_today      (IkouWindow      *self);
/* Selects the system with @system_id, clearing the search if it hides
 * it, and scrolls the list to it.  Returns FALSE when there is none. */
gboolean            ikou_window_select_system  (IkouWindow      *self,
                                                guint            system_id);
/* Writes the recovery copy now if the document has unsaved changes. */
gboolean            ikou_window_autosave       (IkouWindow      *self,
                                                GError         **error);

G_END_DECLS

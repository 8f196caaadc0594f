/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-history.h"

G_BEGIN_DECLS

/* The plan's hosts: a list to add to and remove from, and the selected
 * host's name, kind, availability and note.  Every change goes through
 * the IkouHistory.  A host that a system (or a scenario) still uses is
 * not removed: the editor says which system uses it. */

#define IKOU_TYPE_HOST_EDITOR (ikou_host_editor_get_type ())
G_DECLARE_FINAL_TYPE (IkouHostEditor, ikou_host_editor, IKOU, HOST_EDITOR, GtkWidget)

GtkWidget *ikou_host_editor_new          (void);
void       ikou_host_editor_set_context  (IkouHostEditor *self,
                                          IkouPlan       *plan,
                                          IkouHistory    *history);
IkouHost  *ikou_host_editor_get_selected (IkouHostEditor *self);
void       ikou_host_editor_select_host  (IkouHostEditor *self,
                                          IkouHost       *host);
/* Adds a new host (undoably), selects it and returns it (owned by the plan). */
IkouHost  *ikou_host_editor_add_host     (IkouHostEditor *self);
/* Removes @host undoably, or refuses with IKOU_ERROR_INVALID_INPUT and a
 * message naming the system that uses it.  The remove button shows the
 * message as a toast. */
gboolean   ikou_host_editor_remove_host  (IkouHostEditor *self,
                                          IkouHost       *host,
                                          GError        **error);

/* Opens the editor in a modal window over @parent ("Hosts"). */
GtkWindow *ikou_host_editor_present      (GtkWindow      *parent,
                                          IkouPlan       *plan,
                                          IkouHistory    *history);

G_END_DECLS

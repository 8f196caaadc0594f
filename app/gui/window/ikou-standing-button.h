/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-document.h"

G_BEGIN_DECLS

/* Where the plan stands today, in the header bar: a button that reads
 * "✓ 12/20" migrated (and ⏰ N missed their deadline) and opens a
 * popover with every category, the 特定移行支援 systems with their
 * deadlines and reasons, and the systems going live with functions still
 * to come.  It follows the document (edits, the active scenario, today)
 * and recounts at most once per frame. */
#define IKOU_TYPE_STANDING_BUTTON (ikou_standing_button_get_type ())
G_DECLARE_FINAL_TYPE (IkouStandingButton, ikou_standing_button, IKOU, STANDING_BUTTON, GtkWidget)

GtkWidget *ikou_standing_button_new          (void);
void       ikou_standing_button_set_document (IkouStandingButton *self,
                                              IkouDocument       *document);
void       ikou_standing_button_set_era_labels (IkouStandingButton *self,
                                                gboolean            era_labels);
/* The summary as a sentence (the button's tooltip) and the popover's
 * text, for tests. */
const char *ikou_standing_button_get_label   (IkouStandingButton *self);
char       *ikou_standing_button_dup_details (IkouStandingButton *self);
GtkWidget  *ikou_standing_button_get_menu_button (IkouStandingButton *self);

G_END_DECLS

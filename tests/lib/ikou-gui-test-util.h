/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers for the GUI tests under Xvfb (with ikou-test-util.h for the
 * rest: dates, folders, plans). */

/* Lets GTK lay out and paint @widget's window @n frames (fails after 5 s). */
void ikou_gui_test_wait_frames     (GtkWidget  *widget,
                                    guint       n);
/* Saves what @widget shows (a window or a dialog) as the PNG
 * tests/artifacts/@name in the build tree, once its animations are over. */
void ikou_gui_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);

G_END_DECLS

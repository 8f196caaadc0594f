/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* After gtk_test_init(): a GLib or GTK warning fails the test (it is
 * printed, the test goes on and is reported failed) instead of aborting
 * at once; criticals still abort.  One warning GTK 4.8 itself gives now
 * and then under load, "Trying to snapshot AdwGizmo … without a current
 * allocation" (a libadwaita widget snapshot in the frame its allocation
 * was queued), is reported as a message only. */
void ikou_gui_test_watch_warnings  (void);

/* Helpers for the GUI tests under Xvfb (with ikou-test-util.h for the
 * rest: dates, folders, plans). */

/* Runs one iteration of the main loop, waiting for something to happen
 * until the monotonic time @deadline at the latest. */
void ikou_gui_test_iterate_until   (gint64      deadline);
/* Runs the main loop until @condition (an expression, evaluated before
 * every iteration) holds or @timeout_ms have passed; the caller asserts
 * what it waited for. */
#define IKOU_GUI_TEST_WAIT_UNTIL(condition, timeout_ms)                        \
  G_STMT_START {                                                              \
    gint64 ikou_deadline_ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(condition) && g_get_monotonic_time () < ikou_deadline_)          \
      ikou_gui_test_iterate_until (ikou_deadline_);                           \
  } G_STMT_END
/* Runs what is pending in the main loop, without waiting. */
void ikou_gui_test_flush           (void);
/* Runs the main loop for @ms milliseconds. */
void ikou_gui_test_wait_ms         (guint       ms);

/* Lets GTK lay out and paint @widget's window @n frames (fails after 5 s). */
void ikou_gui_test_wait_frames     (GtkWidget  *widget,
                                    guint       n);
/* Saves what @widget shows (a window or a dialog) as the PNG
 * tests/artifacts/@name in the build tree (or at @name when it is an
 * absolute path), once its animations are over. */
void ikou_gui_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);

G_END_DECLS

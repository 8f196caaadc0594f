/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ikou-gui-test-util.h"

static GLogWriterOutput
warning_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      message = fields[i].value;

  if ((log_level & G_LOG_LEVEL_WARNING) != 0)
    {
      if (message != NULL && strstr (message, "Trying to snapshot AdwGizmo") != NULL)
        {
          g_test_message ("GTK warning (known, not a failure): %s", message);
          return G_LOG_WRITER_HANDLED;
        }
      g_test_fail ();
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
ikou_gui_test_watch_warnings (void)
{
  /* Warnings reach the writer without aborting; criticals still do. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("Gtk", G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (warning_writer, NULL, NULL);
}

static gboolean
wake_cb (gpointer data)
{
  guint *id = data;

  *id = 0;
  return G_SOURCE_REMOVE;
}

void
ikou_gui_test_iterate_until (gint64 deadline)
{
  gint64 now = g_get_monotonic_time ();
  guint id;

  if (now >= deadline)
    return;
  /* Woken at the deadline at the latest, whatever else is pending. */
  id = g_timeout_add ((guint) ((deadline - now) / 1000) + 1, wake_cb, &id);
  g_main_context_iteration (NULL, TRUE);
  if (id != 0)
    g_source_remove (id);
}

void
ikou_gui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
ikou_gui_test_wait_ms (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    ikou_gui_test_iterate_until (deadline);
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *count)
{
  (*count)++;
}

void
ikou_gui_test_wait_frames (GtkWidget *widget,
                           guint      n)
{
  GdkFrameClock *clock;
  guint count = 0;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  IKOU_GUI_TEST_WAIT_UNTIL ((gtk_widget_queue_draw (widget), count >= n), 5000);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (count, >=, n);
  ikou_gui_test_flush ();
}

void
ikou_gui_test_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("IKOU_BUILD_ROOT"), "tests", "artifacts", NULL);
  g_autofree char *path = g_path_is_absolute (name) ? g_strdup (name)
                                                    : g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* Revealers and dialogs animate: a widget waiting for its allocation
   * must not be snapshot (a fatal warning under gtk_test_init). */
  for (guint i = 0; i < 30; i++)
    ikou_gui_test_wait_frames (widget, 1);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

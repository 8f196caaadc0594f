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
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
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
  gboolean timed_out = FALSE;
  guint timeout_id;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  timeout_id = g_timeout_add (5000, timeout_cb, &timed_out);
  while (count < n && !timed_out)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

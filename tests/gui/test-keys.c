/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-cli.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

static IkouApplication *app;
static const char *lang = "en";
static char *tmp_home;

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

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock;
  gboolean timed_out = FALSE;
  guint count = 0;
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

static void
press (IkouWindow *window,
       const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *command = g_strdup_printf ("xdotool windowfocus --sync %s key --clearmodifiers --delay 30 %s", xid, keys);
  g_autoptr(GError) error = NULL;
  int status;

  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  wait_frames (GTK_WIDGET (window), 3);
  g_usleep (50000);
  wait_frames (GTK_WIDGET (window), 2);
}

static const char *
focus_name (IkouWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  static char buf[512];
  GString *s = g_string_new (NULL);

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_string_prepend (s, G_OBJECT_TYPE_NAME (w)), g_string_prepend (s, "/");
  g_strlcpy (buf, s->str, sizeof buf);
  g_string_free (s, TRUE);
  return buf;
}

static IkouWindow *
open_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                            "koriyama.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = ikou_window_new (GTK_APPLICATION (app), ikou_application_get_context (app));

  g_assert_true (ikou_window_load_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 3);
  return window;
}

static void
test_explore (void)
{
  IkouWindow *window = open_sample ();
  IkouPlan *plan = ikou_window_get_plan (window);

  gtk_widget_grab_focus (GTK_WIDGET (window->systems_view));
  wait_frames (GTK_WIDGET (window), 2);
  g_printerr ("focus0 %s\n", focus_name (window));
  press (window, "Down Down");
  g_printerr ("selected %u focus %s\n", gtk_single_selection_get_selected (window->selection), focus_name (window));
  press (window, "Delete");
  g_printerr ("after Delete: %u systems, search '%s'\n", ikou_plan_get_n_systems (plan), gtk_editable_get_text (GTK_EDITABLE (window->search_entry)));
  press (window, "ctrl+z");
  g_printerr ("after undo: %u systems\n", ikou_plan_get_n_systems (plan));
  press (window, "F9");
  g_printerr ("editor %d focus %s\n", window->show_editor, focus_name (window));
  for (int i = 0; i < 4; i++)
    {
      press (window, "Tab");
      g_printerr ("tab %d focus %s\n", i, focus_name (window));
    }
  press (window, "Escape");
  g_printerr ("esc0 focus %s\n", focus_name (window));
  press (window, "Tab Tab");
  g_printerr ("tabtab focus %s\n", focus_name (window));
  press (window, "x Escape");
  g_printerr ("esc focus %s\n", focus_name (window));
  press (window, "Escape");
  g_printerr ("esc2 focus %s\n", focus_name (window));
  press (window, "Tab Down Down Page_Down");
  g_printerr ("timeline nav selected %u focus %s\n", gtk_single_selection_get_selected (window->selection), focus_name (window));
  press (window, "ctrl+End");
  g_printerr ("ctrl+end selected %u\n", gtk_single_selection_get_selected (window->selection));
  press (window, "ctrl+Home Right Right");
  g_printerr ("ctrl+home selected %u\n", gtk_single_selection_get_selected (window->selection));
  press (window, "shift+Delete");
  g_printerr ("after shift+Delete: %u systems\n", ikou_plan_get_n_systems (plan));
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int out = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--ikou-lang="))
        lang = argv[i] + strlen ("--ikou-lang=");
      else
        argv[++out] = argv[i];
    }
  argc = out + 1;
  argv[argc] = NULL;

  tmp_home = g_dir_make_tmp ("ikou-test-keys-XXXXXX", &error);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("IKOU_TODAY", "2026-12-02", TRUE);
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);
  if (g_strcmp0 (lang, "ja") == 0)
    g_setenv ("LANGUAGE", "ja", TRUE);
  else
    g_unsetenv ("LANGUAGE");

  ikou_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  app = ikou_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/keys/explore", test_explore);
  return g_test_run ();
}

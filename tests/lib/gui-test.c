/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>

#include "ikou-i18n.h"
#include "gui-test.h"
#include "ikou-window-private.h"
#include "ikou-test-util.h"
#include "ikou-gui-test-util.h"

static IkouApplication *app;
static const char *lang = "en";
static char *tmp_home;

void
gui_test_save_screenshot (GtkWidget  *widget,
                          const char *prefix,
                          const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", prefix, lang, what);

  ikou_gui_test_save_screenshot (widget, name);
}

GtkWindow *
gui_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

AdwMessageDialog *
gui_test_shown_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  ikou_gui_test_flush ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

void
gui_test_answer_dialog (AdwMessageDialog *dialog,
                        const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ikou_gui_test_flush ();
}

char *
gui_test_artifact_path (const char *prefix,
                        const char *what,
                        const char *extension)
{
  g_autofree char *dir = g_build_filename (g_getenv ("IKOU_BUILD_ROOT"), "tests", "artifacts", NULL);
  g_autofree char *name = g_strdup_printf ("%s-%s%s%s", prefix, lang, what, extension);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

const char *
gui_test_init (int          *argc,
               char       ***argv,
               const char   *name,
               const char   *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("ikou-%s-XXXXXX", name);
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  int out = 0;

  /* Our own option, before GTest sees the arguments. */
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_has_prefix ((*argv)[i], "--ikou-lang="))
        lang = (*argv)[i] + strlen ("--ikou-lang=");
      else
        (*argv)[++out] = (*argv)[i];
    }
  *argc = out + 1;
  (*argv)[*argc] = NULL;

  tmp_home = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    g_setenv (dirs[i], tmp_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("IKOU_TODAY", today, TRUE);
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);
  if (g_strcmp0 (lang, "ja") == 0)
    g_setenv ("LANGUAGE", "ja", TRUE);
  else
    g_unsetenv ("LANGUAGE");

  ikou_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  ikou_gui_test_watch_warnings ();

  app = ikou_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Alive between tests, when no window is open. */
  g_application_hold (G_APPLICATION (app));
  return lang;
}

IkouApplication *
gui_test_get_application (void)
{
  return app;
}

const char *
gui_test_get_home (void)
{
  return tmp_home;
}

IkouWindow *
gui_test_new_window (void)
{
  return ikou_window_new (GTK_APPLICATION (app), ikou_application_get_context (app));
}

IkouWindow *
gui_test_open_sample_window_sized (int width,
                                   int height)
{
  g_autofree char *path = ikou_test_source_path ("data", "samples", "koriyama.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = gui_test_new_window ();

  g_assert_true (ikou_window_load_file (window, file, &error));
  g_assert_no_error (error);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  return window;
}

IkouWindow *
gui_test_open_sample_window (void)
{
  return gui_test_open_sample_window_sized (0, 0);
}

static void
close_window (IkouWindow *window,
              gboolean    as_user)
{
  gpointer weak = window;

  /* No "save changes?" question in tests. */
  window->close_confirmed = TRUE;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  if (as_user)
    gtk_window_close (GTK_WINDOW (window));
  else
    gtk_window_destroy (GTK_WINDOW (window));
  ikou_gui_test_flush ();
  /* Nothing keeps a closed window alive (timers, signal handlers). */
  g_assert_null (weak);
}

void
gui_test_close_window (IkouWindow *window)
{
  close_window (window, FALSE);
}

void
gui_test_close_window_as_user (IkouWindow *window)
{
  close_window (window, TRUE);
}


int
gui_test_run (void)
{
  int ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ikou_test_remove_tree (tmp_home);
  g_clear_pointer (&tmp_home, g_free);
  return ret;
}

void
gui_test_press_keys (IkouWindow *window,
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
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
  g_usleep (50000);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
}

void
gui_test_settle (IkouWindow *window)
{
  GtkRevealer *revealers[] = {
    window->findings_revealer, window->editor_revealer, window->cost_revealer,
  };

  for (guint i = 0; i < G_N_ELEMENTS (revealers); i++)
    for (guint n = 0; n < 100 && gtk_revealer_get_child_revealed (revealers[i])
                                  != gtk_revealer_get_reveal_child (revealers[i]); n++)
      ikou_gui_test_wait_frames (GTK_WIDGET (window), 1);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 3);
}

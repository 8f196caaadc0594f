/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ikou-gsk.h"
#include "ikou-gui-test-util.h"

/* Which GL_RENDERER strings are software: cairo is chosen for these
 * alone, a GPU keeps GTK's OpenGL renderer. */
static void
test_software_gl (void)
{
  static const char * const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "softpipe",
    "Mesa DRI Software Rasterizer",
    "Mesa X11 swrast",
  };
  static const char * const hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)",
    "NVIDIA GeForce GTX 1080/PCIe/SSE2",
    "virgl (Mesa Intel(R) Xe Graphics)",
    "SVGA3D; build: RELEASE;  LLVM;",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (ikou_gsk_is_software_gl (software[i]));
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (ikou_gsk_is_software_gl (hardware[i]));
  g_assert_false (ikou_gsk_is_software_gl (NULL));
}

/* Launching, in a process of its own (GTK reads GSK_RENDERER once per
 * process): the children Ikou starts get the environment the user had. */

static GtkWidget *
show_window (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("移行"));
  gtk_window_present (GTK_WINDOW (window));
  IKOU_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (gtk_window_get_child (GTK_WINDOW (window))), 10000);
  g_assert_true (gtk_widget_get_mapped (gtk_window_get_child (GTK_WINDOW (window))));

  return window;
}

static gboolean
renderer_is_cairo (GtkWidget *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_assert_nonnull (renderer);
  g_test_message ("renderer: %s", G_OBJECT_TYPE_NAME (renderer));
  return GSK_IS_CAIRO_RENDERER (renderer);
}

static gboolean
animations_enabled (void)
{
  gboolean enabled = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* GSK_RENDERER as a program started through the display's launch
 * context (as the window opens an exported file) sees it, or "unset". */
static char *
launched_child_sees (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ikou-gsk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "env", NULL);
  g_autofree char *command = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GAppInfo) info = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (dir);
  command = g_strdup_printf ("sh -c 'env > %s.part && mv %s.part %s'", path, path, path);
  info = g_app_info_create_from_commandline (command, "env", G_APP_INFO_CREATE_NONE, &error);
  g_assert_no_error (error);
  context = gdk_display_get_app_launch_context (gdk_display_get_default ());
  g_assert_true (g_app_info_launch (info, NULL, G_APP_LAUNCH_CONTEXT (context), &error));
  g_assert_no_error (error);

  /* Nothing wakes the main loop when the child writes: look every 10 ms. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
       !g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline;)
    ikou_gui_test_iterate_until (MIN (deadline, g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND));

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "GSK_RENDERER="))
      return g_strdup (lines[i] + strlen ("GSK_RENDERER="));
  return g_strdup ("unset");
}

/* The same for a plain spawn, which inherits the process's environment. */
static char *
spawned_child_sees (void)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_spawn_command_line_sync ("sh -c 'printf \"${GSK_RENDERER-unset}\"'",
                                            &out, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
launch_ikou_set (void)
{
  g_autofree char *note = NULL;
  g_autofree char *launched = NULL;
  g_autofree char *spawned = NULL;
  GtkWidget *window, *dialog;

  g_unsetenv ("GSK_RENDERER");
  gtk_init ();

  g_assert_true (animations_enabled ());
  note = ikou_gsk_choose_renderer_for (gdk_display_get_default (),
                                       "llvmpipe (LLVM 15.0.6, 256 bits)");
  g_test_message ("%s", note);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_false (animations_enabled ());

  window = show_window ();
  g_assert_true (renderer_is_cairo (window));
  g_assert_null (g_getenv ("GSK_RENDERER"));

  /* A dialog made afterwards: a new surface, still cairo. */
  dialog = show_window ();
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  g_assert_true (renderer_is_cairo (dialog));

  launched = launched_child_sees ();
  spawned = spawned_child_sees ();
  g_assert_cmpstr (launched, ==, "unset");
  g_assert_cmpstr (spawned, ==, "unset");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
launch_user_set (void)
{
  g_autofree char *note = NULL;
  g_autofree char *launched = NULL;
  g_autofree char *spawned = NULL;
  GtkWidget *window;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_init ();

  note = ikou_gsk_choose_renderer_for (gdk_display_get_default (),
                                       "llvmpipe (LLVM 15.0.6, 256 bits)");
  g_assert_cmpstr (note, ==, "cairo (GSK_RENDERER)");
  /* The user chose: GTK's other settings are left as they are. */
  g_assert_true (animations_enabled ());

  window = show_window ();
  g_assert_true (renderer_is_cairo (window));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");

  launched = launched_child_sees ();
  spawned = spawned_child_sees ();
  g_assert_cmpstr (launched, ==, "cairo");
  g_assert_cmpstr (spawned, ==, "cairo");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_launch_ikou_set (void)
{
  if (g_test_subprocess ())
    {
      launch_ikou_set ();
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_launch_user_set (void)
{
  if (g_test_subprocess ())
    {
      launch_user_set ();
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gsk/software-gl", test_software_gl);
  g_test_add_func ("/gsk/launch/ikou-set", test_launch_ikou_set);
  g_test_add_func ("/gsk/launch/user-set", test_launch_user_set);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <epoxy/gl.h>

#include "ikou-gsk.h"

gboolean
ikou_gsk_is_software_gl (const char *gl_renderer)
{
  static const char * const software[] = {
    "llvmpipe", "softpipe", "swrast", "software rasterizer", "swr",
  };
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (lower, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The GL_RENDERER string of a context on @display, or NULL when OpenGL
 * cannot be used there (GTK then draws with cairo by itself). */
static char *
read_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *name;
  char *result;

  if (!gdk_display_prepare_gl (display, NULL))
    return NULL;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (name);
  gdk_gl_context_clear_current ();

  return result;
}

/* GTK reads GSK_RENDERER once per process, when it makes its first
 * renderer, and every later window, dialog and popover gets a renderer
 * of that type (tests/gui/test-gsk.c checks it).  After that the
 * variable would only be inherited by the programs Ikou starts — a PDF
 * viewer, a file manager, the help, the print preview — which must
 * draw as the user's session says, not as Ikou chose for itself. */
static gboolean  environment_changed;
static char     *user_value;  /* GSK_RENDERER as it was ("" set empty, NULL unset) */

static void
restore_environment (void)
{
  if (!environment_changed)
    return;

  if (user_value != NULL)
    g_setenv ("GSK_RENDERER", user_value, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  g_clear_pointer (&user_value, g_free);
  environment_changed = FALSE;
}

/* Every widget's ::realize until one is realized in a native that has
 * its renderer: the first window's children, just after the window. */
static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkNative *native = GTK_IS_WIDGET (widget) ? gtk_widget_get_native (widget) : NULL;

  if (native == NULL || gtk_native_get_renderer (native) == NULL)
    return TRUE;

  restore_environment ();
  return FALSE;
}

char *
ikou_gsk_choose_renderer_for (GdkDisplay *display,
                              const char *gl_renderer)
{
  const char *set = g_getenv ("GSK_RENDERER");

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (set != NULL && *set != '\0')
    return g_strdup_printf ("%s (GSK_RENDERER)", set);

  if (gl_renderer == NULL)
    return g_strdup ("GTK's choice (no OpenGL)");

  if (!ikou_gsk_is_software_gl (gl_renderer))
    return g_strdup_printf ("GTK's choice (OpenGL: %s)", gl_renderer);

  /* Read by GTK when it realizes the first window; put back as it was
   * once GTK has read it. */
  if (!environment_changed)
    {
      /* The signal exists once the class does. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      user_value = g_strdup (set);
      environment_changed = TRUE;
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  realize_hook, NULL, NULL);
      g_type_class_unref (widget_class);
    }
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  /* Every frame of an animation is a frame the CPU draws, on a host that
   * many sessions share: a crossfade, a revealer sliding in, the overlay
   * scrollbar fading in after each scroll.  GNOME Shell makes the same
   * choice for itself without a GPU.  Set for the application only, so
   * it outranks the desktop's setting and is not written anywhere. */
  g_object_set (gtk_settings_get_for_display (display), "gtk-enable-animations", FALSE, NULL);

  return g_strdup_printf ("cairo, no animations (OpenGL in software: %s)", gl_renderer);
}

char *
ikou_gsk_choose_renderer (GdkDisplay *display)
{
  const char *set = g_getenv ("GSK_RENDERER");
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* The user's choice: not even a GL context to ask. */
  if (set != NULL && *set != '\0')
    return ikou_gsk_choose_renderer_for (display, NULL);

  gl_renderer = read_gl_renderer (display);
  return ikou_gsk_choose_renderer_for (display, gl_renderer);
}

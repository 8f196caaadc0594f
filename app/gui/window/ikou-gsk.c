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

char *
ikou_gsk_choose_renderer (GdkDisplay *display)
{
  const char *set = g_getenv ("GSK_RENDERER");
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (set != NULL && *set != '\0')
    return g_strdup_printf ("%s (GSK_RENDERER)", set);

  gl_renderer = read_gl_renderer (display);
  if (gl_renderer == NULL)
    return g_strdup ("GTK's choice (no OpenGL)");

  if (!ikou_gsk_is_software_gl (gl_renderer))
    return g_strdup_printf ("GTK's choice (OpenGL: %s)", gl_renderer);

  /* Read by GTK when it realizes the first window. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return g_strdup_printf ("cairo (OpenGL in software: %s)", gl_renderer);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Chooses GTK's renderer before the first window is realized.  When the
 * user has not set $GSK_RENDERER and OpenGL on @display is done in
 * software (Mesa's llvmpipe, softpipe or swrast: a thin client, a
 * virtual desktop, Xvfb), sets GSK_RENDERER=cairo: on a CPU, cairo draws
 * a window in half the time and with about 60 MB less memory; and turns
 * GTK's animations off for this application (gtk-enable-animations on
 * @display's GtkSettings).  With a GPU, GTK's own choices stay.  Returns a newly allocated
 * note of what was chosen and why, for start-up reports. */
char *ikou_gsk_choose_renderer (GdkDisplay *display);

/* The same once GL_RENDERER is known (@gl_renderer; NULL when OpenGL
 * cannot be used).  When it sets GSK_RENDERER, it puts the variable back
 * as the user had it as soon as GTK has made the first window's
 * renderer (GTK reads it once per process), so that programs Ikou
 * starts do not inherit it. */
char *ikou_gsk_choose_renderer_for (GdkDisplay *display,
                                    const char *gl_renderer);

/* Whether @gl_renderer (the GL_RENDERER string) names a software
 * rasterizer. */
gboolean ikou_gsk_is_software_gl (const char *gl_renderer);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <cairo-pdf.h>

#include <math.h>

#include "ikou-render-text.h"

/* Sizes follow the font; the small font is smaller, the bold one wider. */
static void
test_layout (void)
{
  g_autoptr(IkouRenderText) text = ikou_render_text_new ();
  IkouText a = { 0 }, b = { 0 };
  double normal, small, bold;

  ikou_render_text_set_font (text, "Noto Sans CJK JP", 12);
  ikou_render_text_layout (text, &a, "R7年度", IKOU_FONT_NORMAL);
  normal = a.width;
  g_assert_cmpfloat (normal, >, 20);
  g_assert_cmpfloat (a.height, >, 10);
  g_assert_cmpfloat (fabs (a.height - ikou_render_text_get_line_height (text, IKOU_FONT_NORMAL)), <, 2);

  ikou_render_text_layout (text, &b, "R7年度", IKOU_FONT_SMALL);
  small = b.width;
  g_assert_cmpfloat (small, <, normal);
  g_assert_cmpfloat (ikou_render_text_get_line_height (text, IKOU_FONT_SMALL), <,
                     ikou_render_text_get_line_height (text, IKOU_FONT_NORMAL));
  /* The layout is reused. */
  ikou_render_text_layout (text, &b, "R7年度", IKOU_FONT_BOLD);
  bold = b.width;
  g_assert_cmpfloat (bold, >=, normal);

  /* Twice the size, about twice the width. */
  ikou_render_text_set_font (text, "Noto Sans CJK JP", 24);
  ikou_render_text_layout (text, &a, "R7年度", IKOU_FONT_NORMAL);
  g_assert_cmpfloat (fabs (a.width - 2 * normal), <, 0.1 * normal);

  /* No size or family: 12 px Sans. */
  ikou_render_text_set_font (text, NULL, 0);
  g_assert_cmpfloat (pango_font_description_get_size (ikou_render_text_get_font (text, IKOU_FONT_NORMAL)), ==, 12 * PANGO_SCALE);
  g_assert_cmpstr (pango_font_description_get_family (ikou_render_text_get_font (text, IKOU_FONT_NORMAL)), ==, "Sans");

  ikou_text_clear (&a);
  ikou_text_clear (&b);
  g_assert_null (a.layout);
  g_assert_cmpfloat (a.width, ==, 0);
}

/* The generation moves when the fonts change and when a draw goes to
 * another target. */
static void
test_generation (void)
{
  g_autoptr(IkouRenderText) text = ikou_render_text_new ();
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (image);
  guint g;

  g = ikou_render_text_get_generation (text);
  ikou_render_text_set_font (text, NULL, 14);
  g_assert_cmpuint (ikou_render_text_get_generation (text), !=, g);

  ikou_render_text_update (text, cr);
  g = ikou_render_text_get_generation (text);

  /* The same target again, and another surface of the same kind drawn
   * at an offset (the next frame): nothing to lay out again, neither
   * here nor in Pango (a layout's serial moves when Pango relays it). */
  {
    cairo_surface_t *next = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 20);
    cairo_t *next_cr = cairo_create (next);
    IkouText label = { 0 };
    guint serial;

    ikou_render_text_layout (text, &label, "R7年度", IKOU_FONT_NORMAL);
    serial = pango_layout_get_serial (label.layout);
    ikou_render_text_update (text, cr);
    cairo_translate (next_cr, 5, -40);
    ikou_render_text_update (text, next_cr);
    g_assert_cmpuint (ikou_render_text_get_generation (text), ==, g);
    pango_layout_get_pixel_extents (label.layout, NULL, NULL);
    g_assert_cmpuint (pango_layout_get_serial (label.layout), ==, serial);

    ikou_text_clear (&label);
    cairo_destroy (next_cr);
    cairo_surface_destroy (next);
  }

  /* Another scale: the layouts must be made again. */
  cairo_scale (cr, 3, 3);
  ikou_render_text_update (text, cr);
  g_assert_cmpuint (ikou_render_text_get_generation (text), !=, g);

  /* Another kind of target, with other font options (a PDF page has
   * no hinting): again. */
  {
    cairo_surface_t *pdf = cairo_pdf_surface_create (NULL, 100, 100);
    cairo_t *pdf_cr = cairo_create (pdf);

    g = ikou_render_text_get_generation (text);
    ikou_render_text_update (text, pdf_cr);
    g_assert_cmpuint (ikou_render_text_get_generation (text), !=, g);

    cairo_destroy (pdf_cr);
    cairo_surface_destroy (pdf);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-text/layout", test_layout);
  g_test_add_func ("/render-text/generation", test_generation);

  return g_test_run ();
}

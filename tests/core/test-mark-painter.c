/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "ikou-finding.h"
#include "ikou-mark-painter.h"

#define SIDE 64

/* Sizes follow the row height, up to what the font asks for. */
static void
test_sizes (void)
{
  g_autoptr(IkouMarkPainter) painter = ikou_mark_painter_new ();
  IkouRenderStyle style;
  double small, large;

  ikou_render_style_init_default (&style);
  style.font_size = 12;
  ikou_mark_painter_set_style (painter, &style);

  ikou_mark_painter_set_row_height (painter, 14);
  small = ikou_mark_painter_get_mark_size (painter);
  g_assert_cmpfloat (fabs (small - 14 * 0.62), <, 1e-9);
  ikou_mark_painter_set_row_height (painter, 80);
  large = ikou_mark_painter_get_mark_size (painter);
  g_assert_cmpfloat (fabs (large - 12 * 1.35), <, 1e-9);

  for (double rh = 6; rh < 90; rh += 3)
    {
      double r;

      ikou_mark_painter_set_row_height (painter, rh);
      r = ikou_mark_painter_get_finding_radius (painter);
      g_assert_cmpfloat (r, <=, ikou_mark_painter_get_mark_size (painter) / 2);
      g_assert_cmpfloat (r, <=, rh * 0.28 + 1e-9);
      g_assert_cmpfloat (ikou_mark_painter_get_finding_marker_width (painter), ==, 2 * r + 6);
    }
  ikou_render_style_clear (&style);
}

static cairo_surface_t *
draw_star (IkouMarkPainter *painter,
           gboolean         sprites,
           double           x,
           double           y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIDE, SIDE);
  cairo_t *cr = cairo_create (surface);

  ikou_mark_painter_begin (painter, cr, sprites);
  g_assert_cmpint (ikou_mark_painter_uses_sprites (painter), ==, sprites);
  ikou_mark_painter_draw_milestone (painter, cr, IKOU_MILESTONE_BUDGET, IKOU_SEVERITY_ERROR,
                                    TRUE, x, y);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Counts pixels with ink, and those where @a and @b differ by more
 * than a quarter of full scale in some channel. */
static void
count_pixels (cairo_surface_t *a,
              cairo_surface_t *b,
              guint           *ink,
              guint           *differ)
{
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);

  *ink = *differ = 0;
  for (int y = 0; y < SIDE; y++)
    for (int x = 0; x < SIDE; x++)
      {
        const guint8 *ca = pa + y * stride + 4 * x;
        const guint8 *cb = pb + y * stride + 4 * x;

        if (ca[3] > 0)
          (*ink)++;
        for (int c = 0; c < 4; c++)
          if (abs (ca[c] - cb[c]) > 64)
            {
              (*differ)++;
              break;
            }
      }
}

/* A mark copied from its sprite looks like the mark drawn as a shape at
 * a half-pixel position, and lands where it was asked to. */
static void
test_sprites (void)
{
  g_autoptr(IkouMarkPainter) painter = ikou_mark_painter_new ();
  cairo_surface_t *shape, *sprite, *moved;
  guint ink, differ;

  ikou_mark_painter_set_row_height (painter, 28);
  shape = draw_star (painter, FALSE, 32, 32);
  sprite = draw_star (painter, TRUE, 32, 32);
  count_pixels (shape, sprite, &ink, &differ);
  g_assert_cmpuint (ink, >, 200);
  g_assert_cmpuint (differ, ==, 0);

  /* Ten pixels to the right: it moves, whole. */
  moved = draw_star (painter, TRUE, 42, 32);
  count_pixels (sprite, moved, &ink, &differ);
  g_assert_cmpuint (differ, >, ink / 4);
  cairo_surface_destroy (moved);
  moved = draw_star (painter, FALSE, 42, 32);
  cairo_surface_destroy (shape);
  shape = draw_star (painter, TRUE, 42, 32);
  count_pixels (moved, shape, &ink, &differ);
  g_assert_cmpuint (differ, ==, 0);

  cairo_surface_destroy (moved);
  cairo_surface_destroy (shape);
  cairo_surface_destroy (sprite);
}

/* Vector targets and rotated user spaces get the shapes. */
static void
test_no_sprites (void)
{
  g_autoptr(IkouMarkPainter) painter = ikou_mark_painter_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ikou-mark-painter.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 100, 100);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (pdf);

  g_assert_false (ikou_mark_painter_wants_pixel_snap (cr));
  cairo_destroy (cr);
  cr = cairo_create (image);
  g_assert_true (ikou_mark_painter_wants_pixel_snap (cr));
  ikou_mark_painter_begin (painter, cr, TRUE);
  g_assert_true (ikou_mark_painter_uses_sprites (painter));
  cairo_rotate (cr, 0.3);
  ikou_mark_painter_begin (painter, cr, TRUE);
  g_assert_false (ikou_mark_painter_uses_sprites (painter));
  cairo_destroy (cr);

  cairo_surface_destroy (image);
  cairo_surface_destroy (pdf);
  g_unlink (path);
}

/* Hatches only when the style asks for patterns. */
static void
test_hatches (void)
{
  g_autoptr(IkouMarkPainter) painter = ikou_mark_painter_new ();
  IkouRenderStyle style;

  ikou_render_style_init_default (&style);
  ikou_mark_painter_set_style (painter, &style);
  for (int kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
    g_assert_null (ikou_mark_painter_get_hatch (painter, kind));
  style.patterns = TRUE;
  ikou_mark_painter_set_style (painter, &style);
  for (int kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
    g_assert_nonnull (ikou_mark_painter_get_hatch (painter, kind));
  ikou_render_style_clear (&style);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mark-painter/sizes", test_sizes);
  g_test_add_func ("/mark-painter/sprites", test_sprites);
  g_test_add_func ("/mark-painter/no-sprites", test_no_sprites);
  g_test_add_func ("/mark-painter/hatches", test_hatches);

  return g_test_run ();
}

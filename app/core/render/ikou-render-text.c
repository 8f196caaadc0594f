/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "ikou-render-text.h"
#include "ikou-render-util.h"

struct _IkouRenderText
{
  GObject               parent_instance;

  PangoContext         *pango;
  /* What the context was last updated for: the target's font options
   * and the linear part of the transformation (NULL options: never). */
  cairo_font_options_t *target_options;
  double                target_matrix[4];
  guint                 generation;
  PangoFontDescription *fonts[IKOU_N_FONTS];
  double                line_height[IKOU_N_FONTS];  /* < 0: not measured yet */
  PangoLayout          *scratch;     /* ellipsized labels */
};

G_DEFINE_FINAL_TYPE (IkouRenderText, ikou_render_text, G_TYPE_OBJECT)

void
ikou_text_clear (IkouText *text)
{
  g_clear_object (&text->layout);
  text->width = text->height = 0;
}

static void
ikou_render_text_finalize (GObject *object)
{
  IkouRenderText *self = IKOU_RENDER_TEXT (object);

  for (guint i = 0; i < IKOU_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->scratch);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->target_options, cairo_font_options_destroy);

  G_OBJECT_CLASS (ikou_render_text_parent_class)->finalize (object);
}

static void
ikou_render_text_class_init (IkouRenderTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_render_text_finalize;
}

static void
ikou_render_text_init (IkouRenderText *self)
{
  cairo_font_options_t *options;

  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Linear metrics: text measures the same on screen, in PDF and PNG,
   * so a label that fits in the window fits on paper. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->pango, 72.0);

  ikou_render_text_set_font (self, NULL, 0);
}

IkouRenderText *
ikou_render_text_new (void)
{
  return g_object_new (IKOU_TYPE_RENDER_TEXT, NULL);
}

static void
invalidate (IkouRenderText *self)
{
  self->generation++;
  g_clear_object (&self->scratch);
}

static double
measure_line (IkouRenderText *self,
              IkouFont        font)
{
  IkouText text = { 0 };
  double height;

  ikou_render_text_layout (self, &text, "年度Rg", font);
  height = text.height;
  ikou_text_clear (&text);
  return height;
}

void
ikou_render_text_set_font (IkouRenderText *self,
                           const char     *family,
                           double          size)
{
  PangoFontDescription *font;

  g_return_if_fail (IKOU_IS_RENDER_TEXT (self));

  if (size <= 0)
    size = 12.0;
  if (family == NULL)
    family = "Sans";

  for (guint i = 0; i < IKOU_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  self->fonts[IKOU_FONT_NORMAL] = font;
  self->fonts[IKOU_FONT_SMALL] = pango_font_description_copy (font);
  pango_font_description_set_absolute_size (self->fonts[IKOU_FONT_SMALL], size * 0.85 * PANGO_SCALE);
  self->fonts[IKOU_FONT_BOLD] = pango_font_description_copy (font);
  pango_font_description_set_weight (self->fonts[IKOU_FONT_BOLD], PANGO_WEIGHT_BOLD);

  invalidate (self);
  /* Measured when first asked for: a timeline sets its style's font
   * before it lays out, so the default set at init is never measured
   * there (each measure loads the fonts at their size). */
  for (guint i = 0; i < IKOU_N_FONTS; i++)
    self->line_height[i] = -1;
}

void
ikou_render_text_update (IkouRenderText *self,
                         cairo_t        *cr)
{
  cairo_font_options_t *options;
  cairo_matrix_t m;
  double linear[4];

  g_return_if_fail (IKOU_IS_RENDER_TEXT (self));

  /* Only a new target (screen ↔ PDF, another scale) lays text out
   * anew.  Pango cannot tell: pango_cairo_update_context() moves the
   * context's serial on every call, and each layout made from it would
   * then be laid out again when next drawn — every label of every frame
   * of a scroll.  So the context is updated only when what it takes from
   * @cr changed. */
  options = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &m);
  linear[0] = m.xx;
  linear[1] = m.yx;
  linear[2] = m.xy;
  linear[3] = m.yy;

  if (self->target_options != NULL
      && cairo_font_options_equal (options, self->target_options)
      && memcmp (linear, self->target_matrix, sizeof linear) == 0)
    {
      cairo_font_options_destroy (options);
      return;
    }

  g_clear_pointer (&self->target_options, cairo_font_options_destroy);
  self->target_options = options;
  memcpy (self->target_matrix, linear, sizeof linear);
  pango_cairo_update_context (cr, self->pango);
  invalidate (self);
}

guint
ikou_render_text_get_generation (IkouRenderText *self)
{
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (self), 0);

  return self->generation;
}

PangoContext *
ikou_render_text_get_context (IkouRenderText *self)
{
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (self), NULL);

  return self->pango;
}

const PangoFontDescription *
ikou_render_text_get_font (IkouRenderText *self,
                           IkouFont        font)
{
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (self), NULL);
  g_return_val_if_fail ((guint) font < IKOU_N_FONTS, NULL);

  return self->fonts[font];
}

double
ikou_render_text_get_line_height (IkouRenderText *self,
                                  IkouFont        font)
{
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (self), 0);
  g_return_val_if_fail ((guint) font < IKOU_N_FONTS, 0);

  if (self->line_height[font] < 0)
    self->line_height[font] = measure_line (self, font);
  return self->line_height[font];
}

void
ikou_render_text_layout (IkouRenderText *self,
                         IkouText       *text,
                         const char     *str,
                         IkouFont        font)
{
  PangoRectangle logical;

  g_return_if_fail (IKOU_IS_RENDER_TEXT (self));
  g_return_if_fail (text != NULL && (guint) font < IKOU_N_FONTS);

  if (text->layout == NULL)
    text->layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (text->layout, self->fonts[font]);
  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_extents (text->layout, NULL, &logical);
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
}

void
ikou_render_text_show (IkouRenderText  *self,
                       cairo_t         *cr,
                       const IkouText  *text,
                       double           x,
                       double           y,
                       const IkouColor *color)
{
  ikou_render_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text->layout);
  cairo_new_path (cr);
}

void
ikou_render_text_show_ellipsized (IkouRenderText  *self,
                                  cairo_t         *cr,
                                  const IkouText  *text,
                                  double           x,
                                  double           cy,
                                  double           width,
                                  const IkouColor *color)
{
  PangoRectangle logical;

  g_return_if_fail (IKOU_IS_RENDER_TEXT (self));

  if (self->scratch == NULL)
    {
      self->scratch = pango_layout_new (self->pango);
      pango_layout_set_ellipsize (self->scratch, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->scratch, TRUE);
    }
  pango_layout_set_font_description (self->scratch, pango_layout_get_font_description (text->layout));
  pango_layout_set_width (self->scratch, (int) (width * PANGO_SCALE));
  pango_layout_set_text (self->scratch, pango_layout_get_text (text->layout), -1);
  pango_layout_get_extents (self->scratch, NULL, &logical);
  ikou_render_set_source (cr, color);
  cairo_move_to (cr, x, cy - (double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, self->scratch);
  cairo_new_path (cr);
}

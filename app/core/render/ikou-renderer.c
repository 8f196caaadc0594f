/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>


#include "ikou-calendar.h"
#include "ikou-finding-marks.h"
#include "ikou-legend.h"
#include "ikou-mark-painter.h"
#include "ikou-render-text.h"
#include "ikou-render-util.h"
#include "ikou-renderer.h"
#include "ikou-row-layer.h"
#include "ikou-time-header.h"

struct _IkouRenderer
{
  GObject           parent_instance;

  IkouRenderStyle   style;
  IkouSchedule     *schedule;

  IkouTimeScale    *scale;
  IkouRenderText   *text;
  IkouMarkPainter  *painter;
  IkouFindingMarks *marks;
  IkouTimeHeader   *header;
  IkouRowLayer     *rows;
  IkouLegend       *legend;

  /* Moves with whatever the header shows (see ikou_renderer_get_header_stamp()). */
  guint             header_stamp;
};

G_DEFINE_FINAL_TYPE (IkouRenderer, ikou_renderer, G_TYPE_OBJECT)

/* Style ------------------------------------------------------------------ */

static IkouColor
rgb (guint32 hex)
{
  IkouColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };
  return c;
}

static IkouColor
rgba (guint32 hex,
      double  alpha)
{
  IkouColor c = rgb (hex);
  c.alpha = alpha;
  return c;
}

void
ikou_render_style_init_default (IkouRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->background = rgb (0xffffff);
  style->foreground = rgb (0x241f31);
  style->dim_foreground = rgb (0x5e5c64);
  style->grid = rgba (0x000000, 0.16);
  style->header_background = rgb (0xf3f3f3);
  style->row_alternate = rgba (0x000000, 0.04);
  style->selection = rgba (0x3584e4, 0.22);
  style->today = rgb (0x1c71d8);
  style->deadline = rgb (0xc01c28);
  style->error = rgb (0xc01c28);
  style->warning = rgb (0xc88800);
  style->info = rgb (0x1c71d8);
  style->build = rgb (0xffa348);
  style->host_kind[IKOU_HOST_ONPREM_SHARED] = rgb (0xc0bfbc);
  style->host_kind[IKOU_HOST_ONPREM_DEDICATED] = rgb (0xcdab8f);
  style->host_kind[IKOU_HOST_SHARED_CLOUD] = rgb (0x99c1f1);
  style->host_kind[IKOU_HOST_GOV_CLOUD] = rgb (0x8ff0a4);
  style->host_kind[IKOU_HOST_OTHER] = rgb (0xdc8add);
  style->phase = rgb (0xdeddda);
  style->milestone[IKOU_MILESTONE_BUDGET] = rgb (0xf5c211);
  style->milestone[IKOU_MILESTONE_CONTRACT] = rgb (0xc64600);
  style->milestone[IKOU_MILESTONE_CUTOVER] = rgb (0x26a269);
  style->tokutei = rgb (0x9141ac);
  style->font_family = g_strdup ("Noto Sans CJK JP");
  style->font_size = 12.0;
  style->patterns = FALSE;
  style->era_labels = FALSE;
  style->japanese_labels = ikou_locale_is_japanese ();
}

void
ikou_render_style_copy (IkouRenderStyle       *dest,
                        const IkouRenderStyle *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;

  g_free (dest->font_family);
  *dest = *src;
  dest->font_family = g_strdup (src->font_family);
}

void
ikou_render_style_clear (IkouRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}

/* Object ----------------------------------------------------------------- */

static void
ikou_renderer_dispose (GObject *object)
{
  IkouRenderer *self = IKOU_RENDERER (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->legend);
  g_clear_object (&self->rows);
  g_clear_object (&self->header);
  g_clear_object (&self->marks);
  g_clear_object (&self->painter);
  g_clear_object (&self->text);
  g_clear_object (&self->scale);

  G_OBJECT_CLASS (ikou_renderer_parent_class)->dispose (object);
}

static void
ikou_renderer_finalize (GObject *object)
{
  ikou_render_style_clear (&IKOU_RENDERER (object)->style);

  G_OBJECT_CLASS (ikou_renderer_parent_class)->finalize (object);
}

static void
ikou_renderer_class_init (IkouRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_renderer_dispose;
  object_class->finalize = ikou_renderer_finalize;
}

static void
ikou_renderer_init (IkouRenderer *self)
{
  ikou_render_style_init_default (&self->style);

  self->scale = ikou_time_scale_new ();
  self->text = ikou_render_text_new ();
  ikou_render_text_set_font (self->text, self->style.font_family, self->style.font_size);
  self->painter = ikou_mark_painter_new ();
  ikou_mark_painter_set_style (self->painter, &self->style);
  self->marks = ikou_finding_marks_new ();
  self->header = ikou_time_header_new (self->scale, self->text);
  ikou_time_header_set_style (self->header, &self->style);
  self->rows = ikou_row_layer_new (self->scale, self->text, self->painter, self->marks);
  ikou_row_layer_set_style (self->rows, &self->style);
  self->legend = ikou_legend_new (self->text, self->painter);
  ikou_legend_set_style (self->legend, &self->style);
}

IkouRenderer *
ikou_renderer_new (void)
{
  return g_object_new (IKOU_TYPE_RENDERER, NULL);
}

void
ikou_renderer_set_plan (IkouRenderer *self,
                        IkouPlan     *plan)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));

  ikou_row_layer_set_plan (self->rows, plan);
}

void
ikou_renderer_set_rows (IkouRenderer *self,
                        GListModel   *rows)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  ikou_row_layer_set_rows (self->rows, rows);
}

void
ikou_renderer_set_schedule (IkouRenderer *self,
                            IkouSchedule *schedule)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
  ikou_time_header_set_schedule (self->header, schedule);
  self->header_stamp++;
  ikou_legend_set_schedule (self->legend, schedule);
}

void
ikou_renderer_set_scenario (IkouRenderer *self,
                            IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  ikou_row_layer_set_scenario (self->rows, scenario);
}

IkouScenario *
ikou_renderer_get_scenario (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), NULL);

  return ikou_row_layer_get_scenario (self->rows);
}

void
ikou_renderer_set_compare (IkouRenderer *self,
                           gboolean      comparing,
                           IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  ikou_row_layer_set_compare (self->rows, comparing, scenario);
}

gboolean
ikou_renderer_get_comparing (IkouRenderer  *self,
                             IkouScenario **scenario)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), FALSE);

  return ikou_row_layer_get_comparing (self->rows, scenario);
}

void
ikou_renderer_set_findings (IkouRenderer *self,
                            GPtrArray    *findings)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_finding_marks_set_all (self->marks, findings);
}

void
ikou_renderer_set_system_findings (IkouRenderer *self,
                                   guint         system_id,
                                   GPtrArray    *findings)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_finding_marks_set_system (self->marks, system_id, findings);
}

void
ikou_renderer_set_style (IkouRenderer          *self,
                         const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_copy (&self->style, style);
  ikou_mark_painter_set_style (self->painter, &self->style);
  ikou_render_text_set_font (self->text, self->style.font_family, self->style.font_size);
  ikou_time_header_set_style (self->header, &self->style);
  self->header_stamp++;
  ikou_row_layer_set_style (self->rows, &self->style);
  ikou_legend_set_style (self->legend, &self->style);
}

void
ikou_renderer_set_today (IkouRenderer *self,
                         IkouDay       today)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_time_header_set_today (self->header, today);
  self->header_stamp++;
}

void
ikou_renderer_set_selected (IkouRenderer *self,
                            guint         system_id)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_row_layer_set_selected (self->rows, system_id);
}

void
ikou_renderer_set_selected_ids (IkouRenderer *self,
                                GHashTable   *ids)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_row_layer_set_selected_ids (self->rows, ids);
}

guint
ikou_renderer_get_selected (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_row_layer_get_selected (self->rows);
}

void
ikou_renderer_set_selected_milestone (IkouRenderer  *self,
                                      int            step,
                                      IkouMilestone  milestone)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_row_layer_set_selected_milestone (self->rows, step, milestone);
}

void
ikou_renderer_set_range (IkouRenderer *self,
                         IkouDay       first,
                         IkouDay       last)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (first != IKOU_DAY_NONE && last != IKOU_DAY_NONE);

  ikou_time_scale_set_range (self->scale, first, last);
  self->header_stamp++;
}

void
ikou_renderer_get_range (IkouRenderer *self,
                         IkouDay      *first,
                         IkouDay      *last)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  if (first)
    *first = ikou_time_scale_get_origin (self->scale);
  if (last)
    *last = ikou_time_scale_get_end (self->scale) - 1;
}

void
ikou_renderer_set_zoom (IkouRenderer *self,
                        IkouZoom      zoom)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail ((guint) zoom < IKOU_N_ZOOMS);

  ikou_time_scale_set_zoom (self->scale, zoom);
  self->header_stamp++;
}

IkouZoom
ikou_renderer_get_zoom (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), IKOU_ZOOM_MONTH);

  return ikou_time_scale_get_zoom (self->scale);
}

void
ikou_renderer_set_px_per_day (IkouRenderer *self,
                              double        px_per_day)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (px_per_day > 0);

  ikou_time_scale_set_px_per_day (self->scale, px_per_day);
  self->header_stamp++;
}

double
ikou_renderer_get_px_per_day (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 1.0);

  return ikou_time_scale_get_px_per_day (self->scale);
}

const IkouRenderStyle *
ikou_renderer_get_style (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), NULL);

  return &self->style;
}

void
ikou_renderer_set_row_height (IkouRenderer *self,
                              double        row_height)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (row_height >= 4);

  ikou_mark_painter_set_row_height (self->painter, row_height);
  ikou_row_layer_set_row_height (self->rows, row_height);
}

void
ikou_renderer_set_scale_factor (IkouRenderer *self,
                                double        scale_factor)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (scale_factor > 0);

  ikou_mark_painter_set_scale_factor (self->painter, scale_factor);
}

double
ikou_renderer_get_row_height (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_row_layer_get_row_height (self->rows);
}

double
ikou_renderer_get_header_height (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_time_header_get_height (self->header);
}

double
ikou_renderer_get_content_width (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_time_scale_get_width (self->scale);
}

guint
ikou_renderer_get_n_rows (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_row_layer_get_n_rows (self->rows);
}

void
ikou_renderer_get_visible_rows (IkouRenderer *self,
                                double        scroll_y,
                                double        height,
                                guint        *first,
                                guint        *n)
{
  g_return_if_fail (IKOU_IS_RENDERER (self));

  ikou_row_layer_get_visible_rows (self->rows, ikou_renderer_get_header_height (self),
                                   scroll_y, height, first, n);
}

double
ikou_renderer_x_for_day (IkouRenderer *self,
                         IkouDay       day)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_time_scale_x_for_day (self->scale, day);
}

IkouDay
ikou_renderer_day_for_x (IkouRenderer *self,
                         double        x)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), IKOU_DAY_NONE);

  return ikou_time_scale_day_for_x (self->scale, x);
}

/* Draw ------------------------------------------------------------------- */

/* The header lies over the body's top, drawn last; each part can be
 * drawn alone, clipped to its own area, with the same pixels there. */
void
ikou_renderer_draw_parts (IkouRenderer    *self,
                          cairo_t         *cr,
                          double           scroll_x,
                          double           scroll_y,
                          double           width,
                          double           height,
                          IkouRenderParts  parts)
{
  double header_h;
  double body_bottom = 0;

  g_return_if_fail (IKOU_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (parts != 0 && (parts & ~IKOU_RENDER_ALL) == 0);

  if (width <= 0 || height <= 0)
    return;

  header_h = ikou_renderer_get_header_height (self);
  cairo_save (cr);
  if (parts == IKOU_RENDER_BODY)
    cairo_rectangle (cr, 0, header_h, width, MAX (0, height - header_h));
  else if (parts == IKOU_RENDER_HEADER)
    cairo_rectangle (cr, 0, 0, width, MIN (height, header_h));
  else
    cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  ikou_render_text_update (self->text, cr);
  ikou_mark_painter_begin (self->painter, cr, ikou_mark_painter_wants_pixel_snap (cr));

  ikou_render_set_source (cr, &self->style.background);
  cairo_paint (cr);

  if (parts & IKOU_RENDER_BODY)
    {
      body_bottom = ikou_row_layer_begin (self->rows, cr, header_h, scroll_y, height);

      /* The body, clipped below the header. */
      cairo_save (cr);
      cairo_rectangle (cr, 0, header_h, width, MAX (0, height - header_h));
      cairo_clip (cr);

      ikou_row_layer_draw_backgrounds (self->rows, cr, width);
      ikou_time_header_draw_grid (self->header, cr, scroll_x, width, header_h, body_bottom);
      ikou_row_layer_draw_bars (self->rows, cr, scroll_x, width);
      ikou_time_header_draw_day_lines (self->header, cr, scroll_x, width, header_h, body_bottom);
      ikou_row_layer_draw_marks (self->rows, cr, scroll_x, width);

      cairo_restore (cr);
    }

  if (parts & IKOU_RENDER_HEADER)
    ikou_time_header_draw (self->header, cr, scroll_x, width);

  if (parts & IKOU_RENDER_BODY)
    ikou_row_layer_end (self->rows);
  cairo_restore (cr);
}

void
ikou_renderer_draw (IkouRenderer *self,
                    cairo_t      *cr,
                    double        scroll_x,
                    double        scroll_y,
                    double        width,
                    double        height)
{
  ikou_renderer_draw_parts (self, cr, scroll_x, scroll_y, width, height, IKOU_RENDER_ALL);
}

guint64
ikou_renderer_get_header_stamp (IkouRenderer *self)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ((guint64) self->header_stamp << 32) | ikou_render_text_get_generation (self->text);
}

/* Hit testing ------------------------------------------------------------ */

gboolean
ikou_renderer_hit_test (IkouRenderer *self,
                        double        scroll_x,
                        double        scroll_y,
                        double        x,
                        double        y,
                        IkouHit      *hit)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  return ikou_row_layer_hit_test (self->rows, ikou_renderer_get_header_height (self),
                                  scroll_x, scroll_y, x, y, hit);
}

/* Legend ----------------------------------------------------------------- */

double
ikou_renderer_draw_legend (IkouRenderer *self,
                           cairo_t      *cr,
                           double        x,
                           double        y,
                           double        width)
{
  g_return_val_if_fail (IKOU_IS_RENDERER (self), 0);

  return ikou_legend_draw (self->legend, cr, x, y, width);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ikou-calendar.h"
#include "ikou-finding.h"
#include "ikou-legend.h"
#include "ikou-render-util.h"

struct _IkouLegend
{
  GObject          parent_instance;

  IkouRenderText  *text;
  IkouMarkPainter *painter;
  IkouRenderStyle  style;
  IkouSchedule    *schedule;
};

G_DEFINE_FINAL_TYPE (IkouLegend, ikou_legend, G_TYPE_OBJECT)

static void
ikou_legend_dispose (GObject *object)
{
  IkouLegend *self = IKOU_LEGEND (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->painter);
  g_clear_object (&self->text);

  G_OBJECT_CLASS (ikou_legend_parent_class)->dispose (object);
}

static void
ikou_legend_finalize (GObject *object)
{
  ikou_render_style_clear (&IKOU_LEGEND (object)->style);

  G_OBJECT_CLASS (ikou_legend_parent_class)->finalize (object);
}

static void
ikou_legend_class_init (IkouLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_legend_dispose;
  object_class->finalize = ikou_legend_finalize;
}

static void
ikou_legend_init (IkouLegend *self)
{
  ikou_render_style_init_default (&self->style);
}

IkouLegend *
ikou_legend_new (IkouRenderText  *text,
                 IkouMarkPainter *painter)
{
  IkouLegend *self;

  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (text), NULL);
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (painter), NULL);

  self = g_object_new (IKOU_TYPE_LEGEND, NULL);
  self->text = g_object_ref (text);
  self->painter = g_object_ref (painter);
  return self;
}

void
ikou_legend_set_style (IkouLegend            *self,
                       const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_LEGEND (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_copy (&self->style, style);
}

void
ikou_legend_set_schedule (IkouLegend   *self,
                          IkouSchedule *schedule)
{
  g_return_if_fail (IKOU_IS_LEGEND (self));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
}

typedef enum
{
  LEGEND_HOST,
  LEGEND_BUILD,
  LEGEND_MILESTONE,
  LEGEND_TODAY,
  LEGEND_DEADLINE,
  LEGEND_TOKUTEI,
  LEGEND_TRANSITIONAL,
  LEGEND_FINDING,
} LegendKind;

static void
draw_legend_symbol (IkouLegend *self,
                    cairo_t    *cr,
                    LegendKind  kind,
                    int         which,
                    double      x,
                    double      cy,
                    double      w,
                    double      h)
{
  switch (kind)
    {
    case LEGEND_HOST:
      ikou_mark_painter_fill_host (self->painter, cr, which, x, cy - h / 2, x + w, cy + h / 2);
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.4);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, cy - h / 2, w, h);
      cairo_stroke (cr);
      break;
    case LEGEND_BUILD:
      cairo_rectangle (cr, x, cy - h / 2, w, h);
      ikou_render_set_source (cr, &self->style.build);
      cairo_fill_preserve (cr);
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.55);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;
    case LEGEND_MILESTONE:
      ikou_mark_painter_draw_milestone_shape (self->painter, cr, which, x + w / 2, cy, h / 2);
      break;
    case LEGEND_TODAY:
      cairo_rectangle (cr, x + w / 2 - 0.5, cy - h * 0.7, 1.0, h * 1.4);
      ikou_render_set_source (cr, &self->style.today);
      cairo_fill (cr);
      break;
    case LEGEND_DEADLINE:
      cairo_rectangle (cr, x + w / 2 - 1, cy - h * 0.7, 2.0, h * 1.4);
      ikou_render_set_source (cr, &self->style.deadline);
      cairo_fill (cr);
      break;
    case LEGEND_TOKUTEI:
      {
        double dash[] = { 3.0, 2.0 };

        ikou_render_set_source (cr, &self->style.tokutei);
        cairo_set_line_width (cr, 2.0);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, x + w / 2, cy - h * 0.7);
        cairo_line_to (cr, x + w / 2, cy + h * 0.7);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case LEGEND_TRANSITIONAL:
      ikou_render_set_source (cr, &self->style.foreground);
      cairo_set_line_width (cr, 1.0);
      {
        double dash[] = { 1.5, 2.0 };

        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, x + h * 0.7, cy);
        cairo_line_to (cr, x + w, cy);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_move_to (cr, x + w, cy - h * 0.3);
        cairo_line_to (cr, x + w, cy + h * 0.3);
        cairo_stroke (cr);
      }
      ikou_mark_painter_draw_transitional (self->painter, cr, x, cy, h * 0.4);
      break;
    case LEGEND_FINDING:
    default:
      ikou_mark_painter_draw_finding_shape (self->painter, cr, which, x + w / 2, cy, h / 2);
      break;
    }
}

double
ikou_legend_draw (IkouLegend *self,
                  cairo_t    *cr,
                  double      x,
                  double      y,
                  double      width)
{
  struct
  {
    LegendKind  kind;
    int         which;
    char       *label;
  } items[IKOU_N_HOST_KINDS + 1 + IKOU_N_MILESTONES + 4 + IKOU_N_SEVERITIES];
  guint n = 0;
  PangoLayout *layout;
  double sym_w, sym_h, gap, line_h;
  double cx = 0, cy = 0;
  double height;

  g_return_val_if_fail (IKOU_IS_LEGEND (self), 0);

  for (int k = 0; k < IKOU_N_HOST_KINDS; k++)
    {
      items[n].kind = LEGEND_HOST;
      items[n].which = k;
      items[n++].label = g_strdup (ikou_host_kind_label (k));
    }
  items[n].kind = LEGEND_BUILD;
  items[n].which = 0;
  items[n++].label = g_strdup (_("Build period (contract → cut-over)"));
  for (int m = 0; m < IKOU_N_MILESTONES; m++)
    {
      items[n].kind = LEGEND_MILESTONE;
      items[n].which = m;
      items[n++].label = g_strdup (ikou_milestone_label (m));
    }
  items[n].kind = LEGEND_TODAY;
  items[n].which = 0;
  items[n++].label = g_strdup (_("Today"));
  items[n].kind = LEGEND_DEADLINE;
  items[n].which = 0;
  if (self->schedule != NULL && ikou_schedule_get_deadline (self->schedule) != IKOU_DAY_NONE)
    {
      g_autofree char *d = ikou_deadline_label (ikou_schedule_get_deadline (self->schedule),
                                                ikou_labels_choose (self->style.japanese_labels,
                                                                    self->style.era_labels));
      items[n++].label = g_strdup_printf (_("Deadline (%s)"), d ? d : "");
    }
  else
    items[n++].label = g_strdup (_("Deadline"));
  items[n].kind = LEGEND_TOKUTEI;
  items[n].which = 0;
  items[n++].label = g_strdup (_("Special migration support deadline"));
  items[n].kind = LEGEND_TRANSITIONAL;
  items[n].which = 0;
  items[n++].label = g_strdup (_("Functions still to come (until completion)"));
  for (int s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      items[n].kind = LEGEND_FINDING;
      items[n].which = s;
      items[n++].label = g_strdup (ikou_severity_label (s));
    }

  if (cr != NULL)
    ikou_render_text_update (self->text, cr);
  layout = pango_layout_new (ikou_render_text_get_context (self->text));
  pango_layout_set_font_description (layout, ikou_render_text_get_font (self->text, IKOU_FONT_SMALL));

  sym_w = self->style.font_size * 1.8;
  sym_h = self->style.font_size * 0.8;
  gap = self->style.font_size * 1.2;
  line_h = ceil (ikou_render_text_get_line_height (self->text, IKOU_FONT_SMALL) + 4);

  for (guint i = 0; i < n; i++)
    {
      PangoRectangle logical;
      double item_w;

      pango_layout_set_text (layout, items[i].label, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      item_w = sym_w + IKOU_RENDER_TEXT_PAD * 2 + (double) logical.width / PANGO_SCALE;
      if (cx > 0 && cx + item_w > width)
        {
          cx = 0;
          cy += line_h;
        }
      if (cr != NULL)
        {
          double mid = y + cy + line_h / 2;

          cairo_save (cr);
          draw_legend_symbol (self, cr, items[i].kind, items[i].which, x + cx, mid, sym_w, sym_h);
          cairo_restore (cr);
          ikou_render_set_source (cr, &self->style.foreground);
          cairo_move_to (cr, x + cx + sym_w + IKOU_RENDER_TEXT_PAD * 2,
                         mid - (double) logical.height / PANGO_SCALE / 2);
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
        }
      cx += item_w + gap;
    }
  height = cy + line_h;

  g_object_unref (layout);
  for (guint i = 0; i < n; i++)
    g_free (items[i].label);

  return height;
}

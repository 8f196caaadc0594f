/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-render-util.h"
#include "ikou-time-header.h"

#define MAX_PHASE_LANES 4

struct _IkouTimeHeader
{
  GObject          parent_instance;

  IkouTimeScale   *scale;
  IkouRenderText  *text;
  IkouRenderStyle  style;
  IkouSchedule    *schedule;
  IkouDay          today;

  /* Geometry, from the style and the schedule. */
  double           text_height;
  double           small_height;
  double           fy_h;
  double           month_h;
  double           band_h;
  double           lane_h;
  guint            n_phase_lanes;
  GArray          *phase_lane;       /* guint per phase */

  /* Labels, laid out for the text's generation. */
  guint            text_generation;
  IkouText         month_text[12];
  double           month_label_width;
  GHashTable      *fy_text;          /* fiscal year → IkouText* */
  GPtrArray       *phase_text;       /* IkouText* per phase */
  IkouText         today_text;
  IkouText         deadline_text;
};

G_DEFINE_FINAL_TYPE (IkouTimeHeader, ikou_time_header, G_TYPE_OBJECT)

static void
text_free (gpointer data)
{
  IkouText *text = data;

  ikou_text_clear (text);
  g_free (text);
}

static void
clear_text_caches (IkouTimeHeader *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->month_text); i++)
    ikou_text_clear (&self->month_text[i]);
  g_hash_table_remove_all (self->fy_text);
  g_ptr_array_set_size (self->phase_text, 0);
  ikou_text_clear (&self->today_text);
  ikou_text_clear (&self->deadline_text);
  self->text_generation = ikou_render_text_get_generation (self->text);
}

/* Drops the labels when the text's target or fonts changed. */
static void
follow_text (IkouTimeHeader *self)
{
  if (self->text_generation != ikou_render_text_get_generation (self->text))
    clear_text_caches (self);
}

static inline double
day_x (IkouTimeHeader *self,
       IkouDay         day)
{
  return ikou_time_scale_x_for_day (self->scale, day);
}

static const IkouText *
get_month_text (IkouTimeHeader *self,
                int             month)
{
  IkouText *text = &self->month_text[month - 1];

  if (text->layout == NULL)
    {
      char buf[8];

      g_snprintf (buf, sizeof buf, "%d", month);
      ikou_render_text_layout (self->text, text, buf, IKOU_FONT_SMALL);
    }
  return text;
}

/* Japanese labels in 和暦 or 西暦 by the style, English ones (FY2025)
 * for any other interface language. */
static IkouLabels
style_labels (IkouTimeHeader *self)
{
  return ikou_labels_choose (self->style.japanese_labels, self->style.era_labels);
}

static const IkouText *
get_fy_text (IkouTimeHeader *self,
             int             fiscal_year)
{
  IkouText *text = g_hash_table_lookup (self->fy_text, GINT_TO_POINTER (fiscal_year));

  if (text == NULL)
    {
      g_autofree char *label = ikou_fiscal_year_label (fiscal_year, style_labels (self));

      text = g_new0 (IkouText, 1);
      ikou_render_text_layout (self->text, text, label ? label : "", IKOU_FONT_BOLD);
      g_hash_table_insert (self->fy_text, GINT_TO_POINTER (fiscal_year), text);
    }
  return text;
}

/* 「R7年度末」 (or 2025年度末, "end of FY2025") for the end of a fiscal
 * year, else the day, in the style's labels. */
static char *
format_deadline (IkouTimeHeader *self,
                 IkouDay         deadline)
{
  return ikou_deadline_label (deadline, style_labels (self));
}

static const IkouText *
get_deadline_text (IkouTimeHeader *self,
                   IkouDay         deadline)
{
  if (self->deadline_text.layout == NULL)
    {
      g_autofree char *label = format_deadline (self, deadline);
      ikou_render_text_layout (self->text, &self->deadline_text, label ? label : "", IKOU_FONT_SMALL);
    }
  return &self->deadline_text;
}

static const IkouText *
get_today_text (IkouTimeHeader *self)
{
  if (self->today_text.layout == NULL)
    ikou_render_text_layout (self->text, &self->today_text, _("Today"), IKOU_FONT_SMALL);
  return &self->today_text;
}

/* The label a phase is drawn with: the schedule's Japanese one for a
 * Japanese interface (or when it has no English one), else the English. */
static const char *
phase_label (IkouTimeHeader  *self,
             const IkouPhase *phase)
{
  if (!self->style.japanese_labels && phase->label_en != NULL && phase->label_en[0] != '\0')
    return phase->label_en;
  return phase->label ? phase->label : "";
}

static const IkouText *
get_phase_text (IkouTimeHeader *self,
                guint           index)
{
  if (index >= self->phase_text->len)
    {
      guint n = ikou_schedule_get_n_phases (self->schedule);

      g_ptr_array_set_size (self->phase_text, 0);
      for (guint i = 0; i < n; i++)
        {
          const IkouPhase *phase = ikou_schedule_get_phase (self->schedule, i);
          IkouText *text = g_new0 (IkouText, 1);

          ikou_render_text_layout (self->text, text, phase_label (self, phase), IKOU_FONT_SMALL);
          g_ptr_array_add (self->phase_text, text);
        }
    }
  return g_ptr_array_index (self->phase_text, index);
}

static void
update_header_geometry (IkouTimeHeader *self)
{
  clear_text_caches (self);

  self->text_height = ikou_render_text_get_line_height (self->text, IKOU_FONT_NORMAL);
  self->small_height = ikou_render_text_get_line_height (self->text, IKOU_FONT_SMALL);
  self->fy_h = ceil (self->text_height + 4);
  self->month_h = ceil (self->small_height + 2);
  self->band_h = ceil (MAX (1, self->n_phase_lanes) * (self->small_height + 3) + 4);
  self->lane_h = ceil (self->small_height + 4);

  /* The widest month label decides how many month labels fit. */
  self->month_label_width = 0;
  for (int m = 1; m <= 12; m++)
    self->month_label_width = MAX (self->month_label_width, get_month_text (self, m)->width);
}

static void
update_phase_lanes (IkouTimeHeader *self)
{
  IkouDay lane_end[MAX_PHASE_LANES] = { 0 };
  guint n = self->schedule ? ikou_schedule_get_n_phases (self->schedule) : 0;

  g_array_set_size (self->phase_lane, n);
  self->n_phase_lanes = n > 0 ? 1 : 0;

  /* Greedy: each phase goes into the first lane free at its start, so
   * overlapping phases stack instead of hiding each other. */
  for (guint i = 0; i < n; i++)
    {
      const IkouPhase *phase = ikou_schedule_get_phase (self->schedule, i);
      guint lane = 0;

      while (lane < MAX_PHASE_LANES - 1 && lane_end[lane] != 0 && lane_end[lane] >= phase->start)
        lane++;
      lane_end[lane] = MAX (lane_end[lane], phase->end);
      g_array_index (self->phase_lane, guint, i) = lane;
      self->n_phase_lanes = MAX (self->n_phase_lanes, lane + 1);
    }
}


static void
ikou_time_header_dispose (GObject *object)
{
  IkouTimeHeader *self = IKOU_TIME_HEADER (object);

  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (ikou_time_header_parent_class)->dispose (object);
}

static void
ikou_time_header_finalize (GObject *object)
{
  IkouTimeHeader *self = IKOU_TIME_HEADER (object);

  clear_text_caches (self);
  g_hash_table_unref (self->fy_text);
  g_ptr_array_unref (self->phase_text);
  g_array_unref (self->phase_lane);
  g_clear_object (&self->scale);
  g_clear_object (&self->text);
  ikou_render_style_clear (&self->style);

  G_OBJECT_CLASS (ikou_time_header_parent_class)->finalize (object);
}

static void
ikou_time_header_class_init (IkouTimeHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_time_header_dispose;
  object_class->finalize = ikou_time_header_finalize;
}

static void
ikou_time_header_init (IkouTimeHeader *self)
{
  self->fy_text = g_hash_table_new_full (NULL, NULL, NULL, text_free);
  self->phase_text = g_ptr_array_new_with_free_func (text_free);
  self->phase_lane = g_array_new (FALSE, TRUE, sizeof (guint));
  self->today = ikou_day_today ();
  ikou_render_style_init_default (&self->style);
}

IkouTimeHeader *
ikou_time_header_new (IkouTimeScale  *scale,
                      IkouRenderText *text)
{
  IkouTimeHeader *self;

  g_return_val_if_fail (IKOU_IS_TIME_SCALE (scale), NULL);
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (text), NULL);

  self = g_object_new (IKOU_TYPE_TIME_HEADER, NULL);
  self->scale = g_object_ref (scale);
  self->text = g_object_ref (text);
  update_header_geometry (self);
  return self;
}

void
ikou_time_header_set_style (IkouTimeHeader        *self,
                            const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_copy (&self->style, style);
  update_header_geometry (self);
}

void
ikou_time_header_set_schedule (IkouTimeHeader *self,
                               IkouSchedule   *schedule)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
  update_phase_lanes (self);
  update_header_geometry (self);
}

void
ikou_time_header_set_today (IkouTimeHeader *self,
                            IkouDay         today)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));

  self->today = today;
}

double
ikou_time_header_get_height (IkouTimeHeader *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_HEADER (self), 0);

  return self->fy_h + self->month_h + self->band_h + self->lane_h;
}


/* Month starts plus the end of the axis; none on a broken range. */
static guint
n_month_bounds (IkouTimeHeader *self)
{
  guint n = ikou_time_scale_get_n_months (self->scale);

  return n > 0 ? n + 1 : 0;
}

static void
draw_vertical_grid (IkouTimeHeader *self,
                    cairo_t        *cr,
                    double          scroll_x,
                    double          width,
                    double          top,
                    double          bottom)
{
  guint i0 = ikou_time_scale_month_index (self->scale, ikou_time_scale_day_for_x (self->scale, scroll_x));
  guint i1 = ikou_time_scale_month_index (self->scale, ikou_time_scale_day_for_x (self->scale, scroll_x + width));
  double month_w = 28 * ikou_time_scale_get_px_per_day (self->scale);

  cairo_set_line_width (cr, 1.0);
  for (guint i = i0; i <= i1 + 1 && i < n_month_bounds (self); i++)
    {
      IkouDay d = ikou_time_scale_get_month_start (self->scale, i);
      int m = ikou_day_get_month (d);
      gboolean fy = (m == 4);
      double x;

      if (!fy && month_w < 12 && (m - 1) % 3 != 0)
        continue;
      x = ikou_render_snap (day_x (self, d) - scroll_x, 1);
      ikou_render_set_source_alpha (cr, &self->style.grid, fy ? 2.2 : 0.9);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }
}

static void
draw_header (IkouTimeHeader *self,
             cairo_t        *cr,
             double          scroll_x,
             double          width)
{
  double header_h = ikou_time_header_get_height (self);
  IkouDay day0 = ikou_time_scale_day_for_x (self->scale, scroll_x);
  IkouDay day1 = ikou_time_scale_day_for_x (self->scale, scroll_x + width);
  double y_month = self->fy_h;
  double y_band = self->fy_h + self->month_h;
  double y_lane = y_band + self->band_h;
  double axis_end = day_x (self, ikou_time_scale_get_end (self->scale)) - scroll_x;
  guint i0, i1;
  int fy0, fy1;
  int step;
  double min_month_w;

  cairo_rectangle (cr, 0, 0, width, header_h);
  ikou_render_set_source (cr, &self->style.header_background);
  cairo_fill (cr);

  /* Fiscal years: cells from April to March, the label centred in the
   * visible part of the cell so it stays in view while scrolling. */
  fy0 = ikou_fiscal_year (MAX (day0, ikou_time_scale_get_origin (self->scale)));
  fy1 = ikou_fiscal_year (MIN (day1, ikou_time_scale_get_end (self->scale) - 1));
  cairo_set_line_width (cr, 1.0);
  for (int fy = fy0; fy <= fy1; fy++)
    {
      double x0 = day_x (self, ikou_fiscal_year_start (fy)) - scroll_x;
      double x1 = day_x (self, ikou_fiscal_year_end (fy) + 1) - scroll_x;
      double vx0 = MAX (x0, MAX (0, -scroll_x));
      double vx1 = MIN (x1, MIN (width, axis_end));
      const IkouText *text = get_fy_text (self, fy);

      if (vx1 - vx0 >= text->width + 2 * IKOU_RENDER_TEXT_PAD)
        {
          double tx = (vx0 + vx1 - text->width) / 2;

          /* Keep the label inside its cell when the cell is half out. */
          tx = CLAMP (tx, vx0 + IKOU_RENDER_TEXT_PAD, vx1 - IKOU_RENDER_TEXT_PAD - text->width);
          ikou_render_text_show (self->text, cr, text, tx, (self->fy_h - text->height) / 2, &self->style.foreground);
        }
      if (x0 > 0 && x0 < width)
        {
          double x = ikou_render_snap (x0, 1);

          ikou_render_set_source_alpha (cr, &self->style.grid, 2.2);
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, y_band);
          cairo_stroke (cr);
        }
    }

  /* Months: labels every month, quarter or half year, whatever fits. */
  min_month_w = 28 * ikou_time_scale_get_px_per_day (self->scale);
  if (min_month_w >= self->month_label_width + 4)
    step = 1;
  else if (3 * min_month_w >= self->month_label_width + 4)
    step = 3;
  else if (6 * min_month_w >= self->month_label_width + 4)
    step = 6;
  else
    step = 12;

  i0 = ikou_time_scale_month_index (self->scale, day0);
  i1 = ikou_time_scale_month_index (self->scale, day1);
  for (guint i = i0; i <= i1 && i + 1 < n_month_bounds (self); i++)
    {
      IkouDay d = ikou_time_scale_get_month_start (self->scale, i);
      IkouDay next = ikou_time_scale_get_month_start (self->scale, i + 1);
      int m = ikou_day_get_month (d);
      double x0 = day_x (self, d) - scroll_x;
      double x1 = day_x (self, next) - scroll_x;

      if (((m - 4 + 12) % 12) % step == 0)
        {
          const IkouText *text = get_month_text (self, m);
          double cell = step == 1 ? x1 - x0 : step * (x1 - x0);
          double tx = step == 1 ? (x0 + x1 - text->width) / 2 : x0 + 2;

          if (cell >= text->width + 2 && tx + text->width > 0 && tx < width)
            ikou_render_text_show (self->text, cr, text, tx, y_month + (self->month_h - text->height) / 2,
                       &self->style.dim_foreground);
        }
      if (m != 4 && (step == 1 || ((m - 4 + 12) % 12) % step == 0))
        {
          double x = ikou_render_snap (x0, 1);

          ikou_render_set_source (cr, &self->style.grid);
          cairo_move_to (cr, x, y_month + self->month_h * 0.45);
          cairo_line_to (cr, x, y_band);
          cairo_stroke (cr);
        }
    }

  /* Separators between the header rows. */
  ikou_render_set_source (cr, &self->style.grid);
  cairo_move_to (cr, 0, ikou_render_snap (y_month, 1));
  cairo_line_to (cr, width, ikou_render_snap (y_month, 1));
  cairo_move_to (cr, 0, ikou_render_snap (y_band, 1));
  cairo_line_to (cr, width, ikou_render_snap (y_band, 1));
  cairo_stroke (cr);

  /* The national schedule band. */
  if (self->schedule != NULL)
    {
      guint n = ikou_schedule_get_n_phases (self->schedule);
      double lane = (self->band_h - 4) / MAX (1, self->n_phase_lanes);

      for (guint i = 0; i < n; i++)
        {
          const IkouPhase *phase = ikou_schedule_get_phase (self->schedule, i);
          guint l = i < self->phase_lane->len ? g_array_index (self->phase_lane, guint, i) : 0;
          double x0 = day_x (self, phase->start) - scroll_x;
          double x1 = day_x (self, phase->end + 1) - scroll_x;
          double y0 = y_band + 2 + l * lane;
          double vx0, vx1;
          const IkouText *text;

          if (x1 < 0 || x0 > width || phase->end < phase->start)
            continue;
          vx0 = MAX (x0, 0);
          vx1 = MIN (x1, width);
          cairo_rectangle (cr, ikou_render_clamp_x (x0, width) + 0.5, y0 + 0.5,
                           ikou_render_clamp_x (x1, width) - ikou_render_clamp_x (x0, width) - 1, lane - 1);
          ikou_render_set_source (cr, &self->style.phase);
          cairo_fill_preserve (cr);
          ikou_render_set_source_alpha (cr, &self->style.dim_foreground, 0.6);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);

          text = get_phase_text (self, i);
          if (text->width <= vx1 - vx0 - 2 * IKOU_RENDER_TEXT_PAD)
            ikou_render_text_show (self->text, cr, text, (vx0 + vx1 - text->width) / 2, y0 + (lane - text->height) / 2,
                       &self->style.foreground);
          else if (vx1 - vx0 > self->style.font_size * 3)
            ikou_render_text_show_ellipsized (self->text, cr, text, vx0 + IKOU_RENDER_TEXT_PAD, y0 + lane / 2,
                                              vx1 - vx0 - 2 * IKOU_RENDER_TEXT_PAD, &self->style.foreground);
        }
    }

  /* The marker lane: today and the deadline, labelled. */
  {
    double deadline_left = G_MAXDOUBLE, deadline_right = -G_MAXDOUBLE;
    double pill_h = self->lane_h - 2;
    double py = y_lane + 1;

    if (self->schedule != NULL && ikou_schedule_get_deadline (self->schedule) != IKOU_DAY_NONE)
      {
        IkouDay deadline = ikou_schedule_get_deadline (self->schedule);
        double x = ikou_render_snap (day_x (self, deadline) - scroll_x, 2);
        const IkouText *text = get_deadline_text (self, deadline);
        double w = text->width + 2 * IKOU_RENDER_TEXT_PAD;

        if (x > -w - 4 && x < width + w + 4)
          {
            /* 「R7年度末」 is an end: the label ends at the line. */
            deadline_left = x - w;
            deadline_right = x;
            if (deadline_left < 0)
              {
                deadline_left = x;
                deadline_right = x + w;
              }
            cairo_rectangle (cr, deadline_left, py, w, pill_h);
            ikou_render_set_source (cr, &self->style.deadline);
            cairo_fill (cr);
            {
              IkouColor on = ikou_render_text_color_on (&self->style.deadline);

              ikou_render_text_show (self->text, cr, text, deadline_left + IKOU_RENDER_TEXT_PAD, py + (pill_h - text->height) / 2, &on);
            }
            cairo_rectangle (cr, x - 1, y_band, 2, header_h - y_band);
            ikou_render_set_source (cr, &self->style.deadline);
            cairo_fill (cr);
          }
      }

    if (self->today != IKOU_DAY_NONE)
      {
        double x = ikou_render_snap (day_x (self, self->today) - scroll_x, 1);
        const IkouText *text = get_today_text (self);
        double w = text->width + 2 * IKOU_RENDER_TEXT_PAD;
        double left = x - w / 2;

        if (x > -w && x < width + w)
          {
            if (left < deadline_right && left + w > deadline_left)
              left = (x < deadline_left) ? deadline_left - w - 1 : deadline_right + 1;
            cairo_rectangle (cr, left, py, w, pill_h);
            ikou_render_set_source (cr, &self->style.today);
            cairo_fill (cr);
            {
              IkouColor on = ikou_render_text_color_on (&self->style.today);

              ikou_render_text_show (self->text, cr, text, left + IKOU_RENDER_TEXT_PAD, py + (pill_h - text->height) / 2, &on);
            }
            cairo_new_path (cr);
            ikou_render_set_source (cr, &self->style.today);
            cairo_set_line_width (cr, 1.0);
            cairo_move_to (cr, x, y_band);
            cairo_line_to (cr, x, header_h);
            cairo_stroke (cr);
          }
      }
  }

  ikou_render_set_source_alpha (cr, &self->style.grid, 2.0);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, header_h - 0.5);
  cairo_line_to (cr, width, header_h - 0.5);
  cairo_stroke (cr);
}

static void
draw_day_line (IkouTimeHeader  *self,
               cairo_t         *cr,
               IkouDay          day,
               double           scroll_x,
               double           width,
               double           top,
               double           bottom,
               double           line_width,
               const IkouColor *color)
{
  double x;

  if (day == IKOU_DAY_NONE)
    return;
  x = ikou_render_snap (day_x (self, day) - scroll_x, line_width);
  if (x < -line_width || x > width + line_width)
    return;
  cairo_rectangle (cr, x - line_width / 2, top, line_width, bottom - top);
  ikou_render_set_source (cr, color);
  cairo_fill (cr);
}

void
ikou_time_header_draw (IkouTimeHeader *self,
                       cairo_t        *cr,
                       double          scroll_x,
                       double          width)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));
  g_return_if_fail (cr != NULL);

  follow_text (self);
  draw_header (self, cr, scroll_x, width);
}

void
ikou_time_header_draw_grid (IkouTimeHeader *self,
                            cairo_t        *cr,
                            double          scroll_x,
                            double          width,
                            double          top,
                            double          bottom)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));
  g_return_if_fail (cr != NULL);

  draw_vertical_grid (self, cr, scroll_x, width, top, bottom);
}

void
ikou_time_header_draw_day_lines (IkouTimeHeader *self,
                                 cairo_t        *cr,
                                 double          scroll_x,
                                 double          width,
                                 double          top,
                                 double          bottom)
{
  g_return_if_fail (IKOU_IS_TIME_HEADER (self));

  draw_day_line (self, cr, self->today, scroll_x, width, top, bottom, 1.0, &self->style.today);
  if (self->schedule != NULL)
    draw_day_line (self, cr, ikou_schedule_get_deadline (self->schedule), scroll_x, width,
                   top, bottom, 2.0, &self->style.deadline);
}

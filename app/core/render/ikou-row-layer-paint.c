/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-row-layer-private.h"

static HostInfo *
lookup_host (IkouRowLayer *self,
             guint         host_id)
{
  HostInfo *info;
  IkouHost *host;

  if (host_id == 0 || self->plan == NULL)
    return NULL;

  info = g_hash_table_lookup (self->hosts, GUINT_TO_POINTER (host_id));
  if (info != NULL)
    return info;

  host = ikou_plan_lookup_host (self->plan, host_id);
  if (host == NULL)
    return NULL;

  info = g_new0 (HostInfo, 1);
  info->kind = ikou_host_get_kind (host);
  if ((guint) info->kind >= IKOU_N_HOST_KINDS)
    info->kind = IKOU_HOST_OTHER;
  info->name = g_strdup (ikou_host_get_name (host));
  g_hash_table_insert (self->hosts, GUINT_TO_POINTER (host_id), info);
  return info;
}

static const IkouText *
host_text (IkouRowLayer *self,
           HostInfo     *info)
{
  if (info->text.layout == NULL)
    ikou_render_text_layout (self->text, &info->text, info->name ? info->name : "", IKOU_FONT_SMALL);
  return &info->text;
}

static guint
system_today_host (IkouSystem     *system,
                   const IkouStep *steps,
                   guint           n_steps)
{
  guint host = ikou_system_get_host (system);

  if (host == 0 && n_steps > 0)
    host = steps[0].from_host;
  return host;
}

static int
worst_for_mark (IkouRowLayer *self,
                guint         system_id,
                int           step,
                int           milestone)
{
  return ikou_finding_marks_get_worst_mark (self->marks, system_id, step, milestone);
}

static int
compare_obstacles (gconstpointer a,
                   gconstpointer b)
{
  const Obstacle *oa = a;
  const Obstacle *ob = b;

  return (oa->left > ob->left) - (oa->left < ob->left);
}

static void
add_obstacle (IkouRowLayer *self,
              double        left,
              double        right)
{
  Obstacle o = { left, right };

  g_array_append_val (self->obstacles, o);
}

static void
path_rounded_rectangle (cairo_t *cr,
                        double   x,
                        double   y,
                        double   w,
                        double   h,
                        double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Where a hatch or dots cross a host name the glyphs break up, on a
 * photocopy worst of all: clear a plate of the segment's own colour
 * behind the text, the text's ink plus a little, inside the bar
 * [@bar_top, @bar_bottom].  @text_top is where the layout's top goes. */
static void
knock_out_label (IkouRowLayer   *self,
                 cairo_t        *cr,
                 const IkouText *text,
                 IkouHostKind    kind,
                 double          left,
                 double          text_width,
                 double          text_top,
                 double          bar_top,
                 double          bar_bottom)
{
  PangoRectangle ink;
  double pad = MAX (1.0, self->style.font_size * 0.15);
  double top, bottom;

  pango_layout_get_extents (text->layout, &ink, NULL);
  top = MAX (text_top + (double) ink.y / PANGO_SCALE - pad, bar_top);
  bottom = MIN (text_top + (double) (ink.y + ink.height) / PANGO_SCALE + pad, bar_bottom);
  if (bottom <= top)
    return;

  path_rounded_rectangle (cr, left - pad, top, text_width + 2 * pad, bottom - top, 2 * pad);
  ikou_render_set_source (cr, &self->style.host_kind[kind]);
  cairo_fill (cr);
}

/* Writes the host name in [x0, x1] clear of the row's marks, at the start
 * of the visible part of the segment so it stays readable when scrolled.
 * The bar is @half_h above and below @cy. */
static void
draw_segment_label (IkouRowLayer *self,
                    cairo_t      *cr,
                    HostInfo     *info,
                    double        x0,
                    double        x1,
                    double        cy,
                    double        half_h,
                    double        width,
                    gboolean      thin)
{
  const IkouText *text = host_text (self, info);
  double seg_right = MIN (x1, width) - IKOU_RENDER_TEXT_PAD;
  double from = MAX (x0, 0) + IKOU_RENDER_TEXT_PAD;
  double left = 0;
  double right = -1;

  /* The first gap between the marks and bars where the whole name fits;
   * failing that, the widest gap, where it is shortened with "…". */
  for (guint i = 0; i <= self->obstacles->len && from < seg_right; i++)
    {
      const Obstacle *o = i < self->obstacles->len
                          ? &g_array_index (self->obstacles, Obstacle, i) : NULL;
      double gap_end = o != NULL ? MIN (o->left - IKOU_RENDER_TEXT_PAD, seg_right) : seg_right;

      if (gap_end - from > right - left)
        {
          left = from;
          right = gap_end;
          if (right - left >= text->width)
            break;
        }
      if (o != NULL)
        from = MAX (from, o->right + IKOU_RENDER_TEXT_PAD);
    }

  if (right - left < self->style.font_size * 2)
    return;

  if (thin)
    {
      /* A capsule on the thin line, like a station name on a map. */
      double w = MIN (text->width, right - left) + 2 * IKOU_RENDER_TEXT_PAD;
      double h = text->height;

      cairo_rectangle (cr, left - IKOU_RENDER_TEXT_PAD, cy - h / 2, w, h);
      ikou_render_set_source (cr, &self->style.host_kind[info->kind]);
      cairo_fill (cr);
    }
  else if (ikou_mark_painter_get_hatch (self->painter, info->kind) != NULL)
    {
      knock_out_label (self, cr, text, info->kind, left, MIN (text->width, right - left),
                       cy - text->height / 2, cy - half_h, cy + half_h);
    }
  if (text->width <= right - left)
    ikou_render_text_show (self->text, cr, text, left, cy - text->height / 2, &self->on_kind[info->kind]);
  else
    ikou_render_text_show_ellipsized (self->text, cr, text, left, cy, right - left,
                                      &self->on_kind[info->kind]);
}

static void
draw_row_background (IkouRowLayer  *self,
                     cairo_t       *cr,
                     const RowData *rd,
                     double         width)
{
  if ((self->selected != 0 && ikou_system_get_id (rd->system) == self->selected) ||
      (self->selected_ids != NULL &&
       g_hash_table_contains (self->selected_ids, GUINT_TO_POINTER (ikou_system_get_id (rd->system)))))
    {
      ikou_render_path_box (cr, self->pixel_snap, 0, rd->y, width, rd->y + self->row_height);
      ikou_render_set_source (cr, &self->style.selection);
      cairo_fill (cr);
    }
  else if (rd->row % 2 == 1)
    {
      ikou_render_path_box (cr, self->pixel_snap, 0, rd->y, width, rd->y + self->row_height);
      ikou_render_set_source (cr, &self->style.row_alternate);
      cairo_fill (cr);
    }
}

static void
draw_row_segments (IkouRowLayer  *self,
                   cairo_t       *cr,
                   const RowData *rd,
                   double         scroll_x,
                   double         width)
{
  const IkouStep *steps = &g_array_index (self->step_buf, IkouStep, rd->first_step);
  double rh = self->row_height;
  double cy = rd->y + rh / 2;
  double thin_h = MAX (3.0, round (rh * 0.24));
  double seg_h = round (rh * 0.56);
  double axis_start = -scroll_x;
  double axis_end = day_x (self, ikou_time_scale_get_end (self->scale)) - scroll_x;
  double r = mark_size (self) / 2;
  HostInfo *info;
  guint host;
  double seg_start;
  gboolean thin = TRUE;
  guint next;

  /* Obstacles for labels: marks (where they are drawn) and build bars. */
  const double *mark_xs = _ikou_row_layer_place_marks (self, steps, rd->n_steps, scroll_x);

  g_array_set_size (self->obstacles, 0);
  for (guint i = 0; i < rd->n_steps; i++)
    {
      const IkouStep *st = &steps[i];

      for (int m = 0; m < IKOU_N_MILESTONES; m++)
        {
          double x = mark_xs[i * IKOU_N_MILESTONES + m];

          if (!isnan (x))
            add_obstacle (self, x - r - 1, x + r + 1);
        }
      if (st->contract_date != IKOU_DAY_NONE && st->cutover_date > st->contract_date)
        add_obstacle (self, day_x (self, st->contract_date) - scroll_x,
                      day_x (self, st->cutover_date) - scroll_x);
    }
  /* The finding marker covers the start of the row. */
  if (worst_for_system (self, ikou_system_get_id (rd->system)) >= 0)
    add_obstacle (self, -G_MAXDOUBLE, finding_marker_width (self));
  g_array_sort (self->obstacles, compare_obstacles);

  /* Host segments: today's host (thin) until the first cut-over, then
   * each step's to-host from its cut-over to the next one. */
  host = system_today_host (rd->system, steps, rd->n_steps);
  seg_start = axis_start;
  next = 0;
  for (;;)
    {
      double seg_end = axis_end;
      gboolean found = FALSE;
      guint k;

      for (k = next; k < rd->n_steps; k++)
        {
          if (steps[k].cutover_date != IKOU_DAY_NONE)
            {
              double x = day_x (self, steps[k].cutover_date) - scroll_x;

              if (x >= seg_start)
                {
                  seg_end = MIN (x, axis_end);
                  found = TRUE;
                  break;
                }
            }
        }

      info = lookup_host (self, host);
      if (info != NULL && seg_end > 0 && seg_start < width && seg_end > seg_start)
        {
          double h = thin ? thin_h : seg_h;
          double x0 = ikou_render_clamp_x (seg_start, width);
          double x1 = ikou_render_clamp_x (seg_end, width);

          ikou_mark_painter_fill_host (self->painter, cr, info->kind, x0, cy - h / 2, x1, cy + h / 2);
          draw_segment_label (self, cr, info, seg_start, seg_end, cy, h / 2, width, thin);
        }
      if (!found)
        break;
      host = steps[k].to_host;
      seg_start = seg_end;
      thin = FALSE;
      next = k + 1;
    }

  /* Build bars: contract → cut-over. */
  for (guint i = 0; i < rd->n_steps; i++)
    {
      const IkouStep *st = &steps[i];
      double x0, x1;

      if (st->contract_date == IKOU_DAY_NONE || st->cutover_date <= st->contract_date)
        continue;
      x0 = day_x (self, st->contract_date) - scroll_x;
      x1 = day_x (self, st->cutover_date) - scroll_x;
      if (x1 < 0 || x0 > width)
        continue;
      x0 = ikou_render_clamp_x (x0, width);
      x1 = ikou_render_clamp_x (x1, width);
      ikou_render_path_box (cr, self->pixel_snap, x0, cy - seg_h / 2, x1, cy + seg_h / 2);
      ikou_render_set_source (cr, &self->style.build);
      cairo_fill (cr);
      /* The outline as a frame of fills, not a stroke: crisp and cheap. */
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.55);
      ikou_render_path_box (cr, self->pixel_snap, x0, cy - seg_h / 2, x1, cy - seg_h / 2 + 1);
      ikou_render_path_box (cr, self->pixel_snap, x0, cy + seg_h / 2 - 1, x1, cy + seg_h / 2);
      ikou_render_path_box (cr, self->pixel_snap, x0, cy - seg_h / 2 + 1, x0 + 1, cy + seg_h / 2 - 1);
      ikou_render_path_box (cr, self->pixel_snap, x1 - 1, cy - seg_h / 2 + 1, x1, cy + seg_h / 2 - 1);
      cairo_fill (cr);
    }
}

/* The compared plan under the shown one: its build bars as dashed
 * outlines and its milestones as hollow marks, each joined to where the
 * shown plan has the same milestone when it moved. */
static void
draw_row_ghosts (IkouRowLayer  *self,
                 cairo_t       *cr,
                 const RowData *rd,
                 double         scroll_x,
                 double         width)
{
  const IkouStep *ghosts;
  const IkouStep *steps;
  double rh = self->row_height;
  double cy = rd->y + rh / 2;
  double seg_h = round (rh * 0.56) + 4;
  double r = mark_size (self) / 2;
  gboolean any = FALSE;

  if (rd->n_ghosts == 0)
    return;
  /* Only now: an empty buffer has no data at all (NULL + 0 is undefined). */
  ghosts = &g_array_index (self->ghost_buf, IkouStep, rd->first_ghost);
  steps = rd->n_steps > 0 ? &g_array_index (self->step_buf, IkouStep, rd->first_step) : NULL;

  /* Thin solid outlines: cairo's dashes cost a frame several times over. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1.25);
  for (guint i = 0; i < rd->n_ghosts; i++)
    {
      const IkouStep *g = &ghosts[i];
      double x0, x1, top, bottom;

      if (g->contract_date == IKOU_DAY_NONE || g->cutover_date <= g->contract_date)
        continue;
      /* A bar where the shown plan has the same one says nothing. */
      if (i < rd->n_steps && steps[i].contract_date == g->contract_date &&
          steps[i].cutover_date == g->cutover_date)
        continue;
      x0 = round (day_x (self, g->contract_date) - scroll_x) + 0.5;
      x1 = round (day_x (self, g->cutover_date) - scroll_x) + 0.5;
      if (x1 < 0 || x0 > width)
        continue;
      top = round (cy - seg_h / 2) + 0.5;
      bottom = top + seg_h;
      cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
      any = TRUE;
    }
  if (any)
    {
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.55);
      cairo_stroke (cr);
    }

  /* Where a milestone moved, a line from the ghost to the shown mark:
   * one path for the row, stroked once. */
  any = FALSE;
  for (guint i = 0; i < MIN (rd->n_ghosts, rd->n_steps); i++)
    for (int m = 0; m < IKOU_N_MILESTONES; m++)
      {
        IkouDay d = ikou_step_get_milestone (&ghosts[i], m);
        IkouDay now = ikou_step_get_milestone (&steps[i], m);
        double x, xn, ly;

        if (d == IKOU_DAY_NONE || now == IKOU_DAY_NONE || d == now)
          continue;
        x = day_x (self, d) - scroll_x;
        xn = day_x (self, now) - scroll_x;
        if (MAX (x, xn) < -r || MIN (x, xn) > width + r)
          continue;
        ly = round (cy + r + 2) + 0.5;
        cairo_move_to (cr, x, ly);
        cairo_line_to (cr, xn, ly);
        any = TRUE;
      }
  if (any)
    {
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.55);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < rd->n_ghosts; i++)
    for (int m = 0; m < IKOU_N_MILESTONES; m++)
      {
        IkouDay d = ikou_step_get_milestone (&ghosts[i], m);
        IkouDay now = i < rd->n_steps ? ikou_step_get_milestone (&steps[i], m) : IKOU_DAY_NONE;
        double x;

        if (d == IKOU_DAY_NONE || d == now)
          continue;
        x = day_x (self, d) - scroll_x;
        if (x < -2 * r || x > width + 2 * r)
          continue;
        ikou_mark_painter_draw_ghost (self->painter, cr, m, x, cy);
      }
  cairo_restore (cr);
}

/* 経過措置: a small hollow triangle just after the first standard-
 * compliant cut-over, and a dotted line from it to the planned completion
 * of the functions still to come, ending in a tick.  Drawn under the
 * milestone marks, in the lower half of the row, so it never hides one. */
static void
draw_transitional (IkouRowLayer   *self,
                   cairo_t        *cr,
                   const RowData  *rd,
                   const IkouStep *steps,
                   double          scroll_x,
                   double          width)
{
  IkouDay cutover = IKOU_DAY_NONE;
  IkouDay completion = ikou_system_get_transitional_completion (rd->system);
  double r = mark_size (self) / 2;
  double y = rd->y + self->row_height * 0.78;
  double x0, x1;

  for (guint i = 0; i < rd->n_steps && cutover == IKOU_DAY_NONE; i++)
    if (steps[i].standard_compliant)
      cutover = steps[i].cutover_date;
  if (cutover == IKOU_DAY_NONE)
    return;

  x0 = day_x (self, cutover) - scroll_x + r * 0.9;
  x1 = completion > cutover ? day_x (self, completion) - scroll_x : x0;
  if (x1 < -8 || x0 > width + 8)
    return;

  cairo_save (cr);
  ikou_render_set_source (cr, &self->style.foreground);
  cairo_set_line_width (cr, 1.0);
  if (x1 > x0 + r * 1.5)
    {
      double dash[] = { 1.5, 2.0 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x0 + r * 1.5, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, x1, y - r * 0.6);
      cairo_line_to (cr, x1, y + r * 0.6);
      cairo_stroke (cr);
    }
  ikou_mark_painter_draw_transitional (self->painter, cr, x0, y, r * 0.55);
  cairo_restore (cr);
}

static void
draw_row_marks (IkouRowLayer  *self,
                cairo_t       *cr,
                const RowData *rd,
                double         scroll_x,
                double         width)
{
  const IkouStep *steps = &g_array_index (self->step_buf, IkouStep, rd->first_step);
  guint id = ikou_system_get_id (rd->system);
  double rh = self->row_height;
  double cy = rd->y + rh / 2;
  double r = mark_size (self) / 2;
  const double *mark_xs;
  int worst;

  /* The system's own 特定移行支援 deadline. */
  if (ikou_system_get_tokutei (rd->system))
    {
      IkouDay deadline = ikou_system_get_tokutei_deadline (rd->system);

      if (deadline != IKOU_DAY_NONE)
        {
          double x = ikou_render_snap (day_x (self, deadline) - scroll_x, 2);

          if (x > -8 && x < width + 8)
            {
              double dash[] = { 3.0, 2.0 };

              ikou_render_set_source (cr, &self->style.tokutei);
              cairo_set_line_width (cr, 2.0);
              cairo_set_dash (cr, dash, 2, 0);
              cairo_move_to (cr, x, rd->y + 1);
              cairo_line_to (cr, x, rd->y + rh - 1);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              /* A pennant, so the tick reads as a deadline flag. */
              cairo_move_to (cr, x, rd->y + 1);
              cairo_line_to (cr, x - rh * 0.25, rd->y + 1 + rh * 0.12);
              cairo_line_to (cr, x, rd->y + 1 + rh * 0.24);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
        }
    }

  mark_xs = _ikou_row_layer_place_marks (self, steps, rd->n_steps, scroll_x);
  if (ikou_system_get_transitional (rd->system))
    draw_transitional (self, cr, rd, steps, scroll_x, width);

  for (guint i = 0; i < rd->n_steps; i++)
    {
      for (int m = 0; m < IKOU_N_MILESTONES; m++)
        {
          double x = mark_xs[i * IKOU_N_MILESTONES + m];
          int sev;
          gboolean selected;

          if (isnan (x) || x < -2 * r || x > width + 2 * r)
            continue;

          sev = worst_for_mark (self, id, i, m);
          selected = self->selected == id && self->selected_step == (int) i &&
                     self->selected_milestone == (IkouMilestone) m;
          ikou_mark_painter_draw_milestone (self->painter, cr, m, sev, selected, x, cy);
        }
    }

  /* The finding marker at the row's start (the left edge of the view). */
  worst = worst_for_system (self, id);
  if (worst >= 0)
    {
      double fr = ikou_mark_painter_get_finding_radius (self->painter);

      cairo_rectangle (cr, 0, rd->y + 1, finding_marker_width (self), rh - 2);
      ikou_render_set_source_alpha (cr, &self->style.background, 0.85);
      cairo_fill (cr);
      ikou_mark_painter_draw_finding (self->painter, cr, worst, 3 + fr, cy);
    }
}

void
ikou_row_layer_draw_backgrounds (IkouRowLayer *self,
                                 cairo_t      *cr,
                                 double        width)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  for (guint i = 0; i < self->row_buf->len; i++)
    draw_row_background (self, cr, &g_array_index (self->row_buf, RowData, i), width);
}

void
ikou_row_layer_draw_bars (IkouRowLayer *self,
                          cairo_t      *cr,
                          double        scroll_x,
                          double        width)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  for (guint i = 0; i < self->row_buf->len; i++)
    draw_row_segments (self, cr, &g_array_index (self->row_buf, RowData, i), scroll_x, width);
}

void
ikou_row_layer_draw_marks (IkouRowLayer *self,
                           cairo_t      *cr,
                           double        scroll_x,
                           double        width)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  for (guint i = 0; i < self->row_buf->len; i++)
    draw_row_ghosts (self, cr, &g_array_index (self->row_buf, RowData, i), scroll_x, width);
  for (guint i = 0; i < self->row_buf->len; i++)
    draw_row_marks (self, cr, &g_array_index (self->row_buf, RowData, i), scroll_x, width);
}

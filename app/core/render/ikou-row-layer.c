/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ikou-finding.h"
#include "ikou-render-util.h"
#include "ikou-row-layer.h"

#define MILESTONE_HIT_SLOP 6.0

typedef struct
{
  IkouHostKind kind;
  char        *name;
  IkouText     text;
} HostInfo;

/* One visible row, gathered once per draw. */
typedef struct
{
  IkouSystem *system;
  guint       row;
  double      y;            /* top of the row in viewport coordinates */
  guint       first_step;   /* into step_buf */
  guint       n_steps;
  guint       first_ghost;  /* into ghost_buf: the compared plan's steps */
  guint       n_ghosts;
} RowData;

/* Something a label must not run over: a mark or a bar. */
typedef struct
{
  double left;
  double right;
} Obstacle;

struct _IkouRowLayer
{
  GObject           parent_instance;

  IkouTimeScale    *scale;
  IkouRenderText   *text;
  IkouMarkPainter  *painter;
  IkouFindingMarks *marks;

  IkouPlan         *plan;
  gulong            hosts_changed_id;
  GListModel       *rows;
  IkouScenario     *scenario;
  gboolean          comparing;
  IkouScenario     *compare;          /* NULL: the baseline, when comparing */

  IkouRenderStyle   style;
  IkouColor         on_kind[IKOU_N_HOST_KINDS];
  double            row_height;
  gboolean          pixel_snap;       /* this draw goes to pixels: snap boxes to them */

  guint             selected;
  GHashTable       *selected_ids;     /* more selected rows, or NULL */
  int               selected_step;
  IkouMilestone     selected_milestone;

  /* Host names, laid out for the text's generation. */
  guint             text_generation;
  GHashTable       *hosts;            /* host id → HostInfo* */

  /* Per-draw scratch, kept to avoid allocations. */
  GArray           *row_buf;          /* RowData */
  GArray           *step_buf;         /* IkouStep, resolved */
  GArray           *ghost_buf;        /* IkouStep of the compared plan */
  GArray           *obstacles;        /* Obstacle */
  GArray           *mark_xs;          /* double: where a row's marks are drawn */
};

G_DEFINE_FINAL_TYPE (IkouRowLayer, ikou_row_layer, G_TYPE_OBJECT)

static void
host_info_free (gpointer data)
{
  HostInfo *info = data;

  ikou_text_clear (&info->text);
  g_free (info->name);
  g_free (info);
}

static void
clear_text_caches (IkouRowLayer *self)
{
  g_hash_table_remove_all (self->hosts);
  self->text_generation = ikou_render_text_get_generation (self->text);
}

/* Drops the layouts when the text's target or fonts changed. */
static void
follow_text (IkouRowLayer *self)
{
  if (self->text_generation != ikou_render_text_get_generation (self->text))
    clear_text_caches (self);
}

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


static inline double
day_x (IkouRowLayer *self,
       IkouDay       day)
{
  return ikou_time_scale_x_for_day (self->scale, day);
}


static void
hosts_changed_cb (IkouRowLayer *self)
{
  g_hash_table_remove_all (self->hosts);
}


static void
release_rows (IkouRowLayer *self);

static void
ikou_row_layer_dispose (GObject *object)
{
  IkouRowLayer *self = IKOU_ROW_LAYER (object);

  release_rows (self);
  if (self->plan != NULL && self->hosts_changed_id != 0)
    g_signal_handler_disconnect (self->plan, self->hosts_changed_id);
  self->hosts_changed_id = 0;
  g_clear_object (&self->plan);
  g_clear_object (&self->rows);
  g_clear_object (&self->scenario);
  g_clear_object (&self->compare);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_object (&self->marks);
  g_clear_object (&self->painter);
  g_clear_object (&self->text);
  g_clear_object (&self->scale);

  G_OBJECT_CLASS (ikou_row_layer_parent_class)->dispose (object);
}

static void
ikou_row_layer_finalize (GObject *object)
{
  IkouRowLayer *self = IKOU_ROW_LAYER (object);

  g_hash_table_unref (self->hosts);
  g_array_unref (self->row_buf);
  g_array_unref (self->step_buf);
  g_array_unref (self->ghost_buf);
  g_array_unref (self->obstacles);
  g_array_unref (self->mark_xs);
  ikou_render_style_clear (&self->style);

  G_OBJECT_CLASS (ikou_row_layer_parent_class)->finalize (object);
}

static void
ikou_row_layer_class_init (IkouRowLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_row_layer_dispose;
  object_class->finalize = ikou_row_layer_finalize;
}

static void
ikou_row_layer_init (IkouRowLayer *self)
{
  self->hosts = g_hash_table_new_full (NULL, NULL, NULL, host_info_free);
  self->row_buf = g_array_new (FALSE, FALSE, sizeof (RowData));
  self->step_buf = g_array_new (FALSE, TRUE, sizeof (IkouStep));
  self->ghost_buf = g_array_new (FALSE, TRUE, sizeof (IkouStep));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  self->mark_xs = g_array_new (FALSE, FALSE, sizeof (double));

  self->selected_step = -1;
  self->row_height = 28.0;

  ikou_render_style_init_default (&self->style);
  for (guint i = 0; i < IKOU_N_HOST_KINDS; i++)
    self->on_kind[i] = ikou_render_text_color_on (&self->style.host_kind[i]);
}

IkouRowLayer *
ikou_row_layer_new (IkouTimeScale    *scale,
                    IkouRenderText   *text,
                    IkouMarkPainter  *painter,
                    IkouFindingMarks *marks)
{
  IkouRowLayer *self;

  g_return_val_if_fail (IKOU_IS_TIME_SCALE (scale), NULL);
  g_return_val_if_fail (IKOU_IS_RENDER_TEXT (text), NULL);
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (painter), NULL);
  g_return_val_if_fail (IKOU_IS_FINDING_MARKS (marks), NULL);

  self = g_object_new (IKOU_TYPE_ROW_LAYER, NULL);
  self->scale = g_object_ref (scale);
  self->text = g_object_ref (text);
  self->painter = g_object_ref (painter);
  self->marks = g_object_ref (marks);
  self->text_generation = ikou_render_text_get_generation (text);
  return self;
}

void
ikou_row_layer_set_style (IkouRowLayer          *self,
                          const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_copy (&self->style, style);
  for (guint i = 0; i < IKOU_N_HOST_KINDS; i++)
    self->on_kind[i] = ikou_render_text_color_on (&self->style.host_kind[i]);
}

void
ikou_row_layer_set_row_height (IkouRowLayer *self,
                               double        row_height)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (row_height >= 4);

  self->row_height = row_height;
}

double
ikou_row_layer_get_row_height (IkouRowLayer *self)
{
  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), 0);

  return self->row_height;
}

void
ikou_row_layer_set_plan (IkouRowLayer *self,
                         IkouPlan     *plan)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL && self->hosts_changed_id != 0)
    g_signal_handler_disconnect (self->plan, self->hosts_changed_id);
  self->hosts_changed_id = 0;
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->hosts_changed_id = g_signal_connect_swapped (plan, "hosts-changed",
                                                       G_CALLBACK (hosts_changed_cb), self);
  g_hash_table_remove_all (self->hosts);
}

void
ikou_row_layer_set_rows (IkouRowLayer *self,
                         GListModel   *rows)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  g_set_object (&self->rows, rows);
}

static GListModel *
get_rows (IkouRowLayer *self)
{
  if (self->rows != NULL)
    return self->rows;
  return self->plan ? G_LIST_MODEL (self->plan) : NULL;
}


void
ikou_row_layer_set_scenario (IkouRowLayer *self,
                             IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  g_set_object (&self->scenario, scenario);
}

IkouScenario *
ikou_row_layer_get_scenario (IkouRowLayer *self)
{
  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), NULL);

  return self->scenario;
}

void
ikou_row_layer_set_compare (IkouRowLayer *self,
                            gboolean      comparing,
                            IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (!comparing)
    scenario = NULL;
  self->comparing = comparing;
  g_set_object (&self->compare, scenario);
}

gboolean
ikou_row_layer_get_comparing (IkouRowLayer  *self,
                              IkouScenario **scenario)
{
  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), FALSE);

  if (scenario != NULL)
    *scenario = self->compare;
  return self->comparing;
}


void
ikou_row_layer_set_selected (IkouRowLayer *self,
                             guint         system_id)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  if (self->selected != system_id)
    self->selected_step = -1;
  self->selected = system_id;
}

void
ikou_row_layer_set_selected_ids (IkouRowLayer *self,
                                 GHashTable   *ids)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  if (ids != NULL)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  self->selected_ids = ids;
}

guint
ikou_row_layer_get_selected (IkouRowLayer *self)
{
  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), 0);

  return self->selected;
}

void
ikou_row_layer_set_selected_milestone (IkouRowLayer *self,
                                       int           step,
                                       IkouMilestone milestone)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  self->selected_step = step;
  self->selected_milestone = milestone;
}


guint
ikou_row_layer_get_n_rows (IkouRowLayer *self)
{
  GListModel *rows;

  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), 0);

  rows = get_rows (self);
  return rows ? g_list_model_get_n_items (rows) : 0;
}

void
ikou_row_layer_get_visible_rows (IkouRowLayer *self,
                                 double        top,
                                 double        scroll_y,
                                 double        height,
                                 guint        *first,
                                 guint        *n)
{
  double body_h;
  guint n_rows;
  double first_row;
  double end_row;
  guint f = 0;
  guint l = 0;

  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  n_rows = ikou_row_layer_get_n_rows (self);
  body_h = height - top;
  scroll_y = MAX (scroll_y, 0);
  if (body_h > 0 && n_rows > 0)
    {
      /* Rows that intersect the open interval (top, bottom): a row that
       * only touches the bottom edge is not drawn, so a page that ends
       * exactly on a row boundary does not show a sliver of the next. */
      first_row = scroll_y / self->row_height;
      end_row = (scroll_y + body_h) / self->row_height;
      f = (guint) MIN (floor (first_row), (double) n_rows);
      l = (guint) MIN (ceil (end_row - 1e-6), (double) n_rows);
      if (l < f)
        l = f;
    }
  if (first)
    *first = f;
  if (n)
    *n = l - f;
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
worst_for_system (IkouRowLayer *self,
                  guint         system_id)
{
  return ikou_finding_marks_get_worst (self->marks, system_id);
}

static int
worst_for_mark (IkouRowLayer *self,
                guint         system_id,
                int           step,
                int           milestone)
{
  return ikou_finding_marks_get_worst_mark (self->marks, system_id, step, milestone);
}

static double
mark_size (IkouRowLayer *self)
{
  return ikou_mark_painter_get_mark_size (self->painter);
}

/* Where a row's marks are drawn, one x per step and milestone (index
 * step * IKOU_N_MILESTONES + milestone; NAN for no date) in self->mark_xs:
 * at their day, except that a mark that would cover the one before it
 * (★ and ◆ in the same month, or neighbouring months at a small zoom)
 * moves right until both show whole.  Marks of one day keep the order
 * ★ ◆ ▲, steps in order.  Drawing, the labels' obstacles and hit
 * testing all use these places. */
static const double *
place_marks (IkouRowLayer   *self,
             const IkouStep *steps,
             guint           n_steps,
             double          scroll_x)
{
  guint n = n_steps * IKOU_N_MILESTONES;
  double gap = mark_size (self) + 1;
  double *xs;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  guint n_dated = 0;
  double last = -G_MAXDOUBLE;

  g_array_set_size (self->mark_xs, n);
  xs = (double *) (gpointer) self->mark_xs->data;
  for (guint i = 0; i < n; i++)
    {
      IkouDay d = ikou_step_get_milestone (&steps[i / IKOU_N_MILESTONES], i % IKOU_N_MILESTONES);

      xs[i] = d == IKOU_DAY_NONE ? NAN : day_x (self, d) - scroll_x;
      if (d == IKOU_DAY_NONE)
        continue;
      /* Insertion by x, stable: a step's own order for equal days. */
      {
        guint j = n_dated++;

        while (j > 0 && xs[order[j - 1]] > xs[i])
          {
            order[j] = order[j - 1];
            j--;
          }
        order[j] = i;
      }
    }
  for (guint k = 0; k < n_dated; k++)
    {
      double *x = &xs[order[k]];

      if (*x < last + gap)
        *x = last + gap;
      last = *x;
    }
  return xs;
}

static double
finding_marker_width (IkouRowLayer *self)
{
  return ikou_mark_painter_get_finding_marker_width (self->painter);
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
    ikou_render_text_show_ellipsized (self->text, cr, info->name, IKOU_FONT_SMALL, left, cy,
                          right - left, &self->on_kind[info->kind]);
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
  const double *mark_xs = place_marks (self, steps, rd->n_steps, scroll_x);

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

          ikou_mark_painter_fill_host (self->painter, cr, self->pixel_snap, info->kind, x0, cy - h / 2, x1, cy + h / 2);
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

  mark_xs = place_marks (self, steps, rd->n_steps, scroll_x);
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

/* Gathers the visible rows: one get_item() per row, steps resolved
 * through the scenario once. */
static void
collect_rows (IkouRowLayer *self,
              double        top,
              double        scroll_y,
              double        height)
{
  GListModel *rows = get_rows (self);
  double header_h = top;
  guint first, n;

  for (guint i = 0; i < self->row_buf->len; i++)
    g_object_unref (g_array_index (self->row_buf, RowData, i).system);
  g_array_set_size (self->row_buf, 0);
  g_array_set_size (self->step_buf, 0);
  g_array_set_size (self->ghost_buf, 0);

  if (rows == NULL)
    return;

  ikou_row_layer_get_visible_rows (self, top, scroll_y, height, &first, &n);
  for (guint row = first; row < first + n; row++)
    {
      gpointer item = g_list_model_get_item (rows, row);
      RowData rd;
      guint n_steps;

      if (item == NULL)
        continue;
      if (!IKOU_IS_SYSTEM (item))
        {
          g_object_unref (item);
          continue;
        }

      rd.system = item;
      rd.row = row;
      rd.y = header_h + row * self->row_height - MAX (scroll_y, 0);
      rd.first_step = self->step_buf->len;
      n_steps = ikou_scenario_get_n_steps (self->scenario, rd.system);
      g_array_set_size (self->step_buf, rd.first_step + n_steps);
      for (guint i = 0; i < n_steps; i++)
        ikou_scenario_get_step (self->scenario, rd.system, i,
                                &g_array_index (self->step_buf, IkouStep, rd.first_step + i),
                                NULL);
      rd.n_steps = n_steps;
      rd.first_ghost = self->ghost_buf->len;
      rd.n_ghosts = 0;
      /* The compared plan, only where the two differ. */
      if (self->comparing && self->compare != self->scenario)
        {
          guint id = ikou_system_get_id (rd.system);

          if ((self->scenario != NULL && ikou_scenario_has_system (self->scenario, id)) ||
              (self->compare != NULL && ikou_scenario_has_system (self->compare, id)))
            {
              rd.n_ghosts = ikou_scenario_get_n_steps (self->compare, rd.system);
              g_array_set_size (self->ghost_buf, rd.first_ghost + rd.n_ghosts);
              for (guint i = 0; i < rd.n_ghosts; i++)
                ikou_scenario_get_step (self->compare, rd.system, i,
                                        &g_array_index (self->ghost_buf, IkouStep, rd.first_ghost + i),
                                        NULL);
            }
        }
      g_array_append_val (self->row_buf, rd);
    }
}

static void
release_rows (IkouRowLayer *self)
{
  for (guint i = 0; i < self->row_buf->len; i++)
    g_object_unref (g_array_index (self->row_buf, RowData, i).system);
  g_array_set_size (self->row_buf, 0);
}


gboolean
ikou_row_layer_hit_test (IkouRowLayer *self,
                         double        top,
                         double        scroll_x,
                         double        scroll_y,
                         double        x,
                         double        y,
                         IkouHit      *hit)
{
  GListModel *rows;
  double header_h;
  double body_y;
  double rh;
  guint row;
  g_autoptr(IkouSystem) system = NULL;
  guint n_steps;
  guint id;
  double cy;
  double r;
  double best = G_MAXDOUBLE;
  const double *mark_xs;

  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->kind = IKOU_HIT_NONE;
  hit->step = -1;
  hit->day = ikou_time_scale_day_for_x (self->scale, x + scroll_x);

  header_h = top;
  rows = get_rows (self);
  if (rows == NULL || y < header_h)
    return FALSE;

  rh = self->row_height;
  body_y = y - header_h + MAX (scroll_y, 0);
  if (body_y < 0)
    return FALSE;
  row = (guint) floor (body_y / rh);
  if (row >= g_list_model_get_n_items (rows))
    return FALSE;

  system = g_list_model_get_item (rows, row);
  if (system == NULL || !IKOU_IS_SYSTEM (system))
    return FALSE;

  hit->kind = IKOU_HIT_ROW;
  hit->row = row;
  hit->system = system;
  id = ikou_system_get_id (system);
  cy = header_h + row * rh - MAX (scroll_y, 0) + rh / 2;
  r = mark_size (self) / 2;
  n_steps = ikou_scenario_get_n_steps (self->scenario, system);

  /* Milestones: the nearest within the slop (or the mark's size), where
   * it is drawn. */
  {
    g_autoptr(GArray) steps = g_array_sized_new (FALSE, TRUE, sizeof (IkouStep), n_steps);

    g_array_set_size (steps, n_steps);
    for (guint i = 0; i < n_steps; i++)
      ikou_scenario_get_step (self->scenario, system, i, &g_array_index (steps, IkouStep, i), NULL);
    mark_xs = place_marks (self, (const IkouStep *) (gpointer) steps->data, n_steps, scroll_x);
  }
  for (guint i = 0; i < n_steps; i++)
    {
      for (int m = 0; m < IKOU_N_MILESTONES; m++)
        {
          double mx = mark_xs[i * IKOU_N_MILESTONES + m];
          double dx, dy;

          if (isnan (mx))
            continue;
          dx = fabs (mx - x);
          dy = fabs (y - cy);
          if (dx <= MAX (MILESTONE_HIT_SLOP, r) && dy <= MAX (MILESTONE_HIT_SLOP, r + 2) &&
              dx < best)
            {
              best = dx;
              hit->kind = IKOU_HIT_MILESTONE;
              hit->step = i;
              hit->milestone = m;
            }
        }
    }
  if (hit->kind == IKOU_HIT_MILESTONE)
    goto out;

  if (worst_for_system (self, id) >= 0 && x >= 0 && x <= finding_marker_width (self))
    {
      hit->kind = IKOU_HIT_FINDING;
      goto out;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      IkouStep st;
      double x0, x1;
      double seg_h = round (rh * 0.56);

      ikou_scenario_get_step (self->scenario, system, i, &st, NULL);
      if (st.contract_date == IKOU_DAY_NONE || st.cutover_date <= st.contract_date)
        continue;
      x0 = day_x (self, st.contract_date) - scroll_x;
      x1 = day_x (self, st.cutover_date) - scroll_x;
      if (x >= x0 && x <= x1 && fabs (y - cy) <= seg_h / 2 + 2)
        {
          hit->kind = IKOU_HIT_BUILD_BAR;
          hit->step = i;
          break;
        }
    }

out:
  /* Borrowed: the model keeps the system alive. */
  return TRUE;
}


double
ikou_row_layer_begin (IkouRowLayer *self,
                      cairo_t      *cr,
                      double        top,
                      double        scroll_y,
                      double        height)
{
  g_return_val_if_fail (IKOU_IS_ROW_LAYER (self), top);

  follow_text (self);
  self->pixel_snap = ikou_mark_painter_wants_pixel_snap (cr);
  collect_rows (self, top, scroll_y, height);
  if (self->row_buf->len > 0)
    {
      const RowData *last = &g_array_index (self->row_buf, RowData, self->row_buf->len - 1);
      return MIN (height, last->y + self->row_height);
    }
  return top;
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

void
ikou_row_layer_end (IkouRowLayer *self)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  release_rows (self);
}

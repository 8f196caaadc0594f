/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ikou-finding.h"
#include "ikou-row-layer-private.h"

#define MILESTONE_HIT_SLOP 6.0

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

/* See ikou-row-layer-private.h. */
const double *
_ikou_row_layer_place_marks (IkouRowLayer   *self,
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
    mark_xs = _ikou_row_layer_place_marks (self, (const IkouStep *) (gpointer) steps->data,
                                           n_steps, scroll_x);
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
ikou_row_layer_end (IkouRowLayer *self)
{
  g_return_if_fail (IKOU_IS_ROW_LAYER (self));

  release_rows (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-time-scale.h"

/* Months per zoom level, in px per month (an average month). */
static const double zoom_px_per_month[IKOU_N_ZOOMS] = { 48.0, 20.0, 8.0 };

#define DAYS_PER_MONTH (365.2425 / 12.0)

struct _IkouTimeScale
{
  GObject   parent_instance;

  IkouDay   first;
  IkouDay   last;
  IkouDay   origin;        /* first day of the first month */
  IkouDay   end;           /* first day after the last month */
  int       origin_year;
  int       origin_month;
  GArray   *months;        /* IkouDay: month starts, n_months + 1 */
  IkouZoom  zoom;
  double    px_per_day;
  gboolean  px_override;
};

G_DEFINE_FINAL_TYPE (IkouTimeScale, ikou_time_scale, G_TYPE_OBJECT)

static void
update_scale (IkouTimeScale *self)
{
  if (!self->px_override)
    self->px_per_day = zoom_px_per_month[self->zoom] / DAYS_PER_MONTH;
}

static void
update_months (IkouTimeScale *self)
{
  IkouDay day;

  g_array_set_size (self->months, 0);
  self->origin = ikou_day_month_start (self->first);
  self->end = ikou_day_add_months (ikou_day_month_start (self->last), 1);
  if (self->origin == IKOU_DAY_NONE || self->end == IKOU_DAY_NONE || self->end <= self->origin)
    {
      self->origin = self->first;
      self->end = self->first + 1;
      self->origin_year = 0;
      self->origin_month = 0;
      return;
    }
  self->origin_year = ikou_day_get_year (self->origin);
  self->origin_month = ikou_day_get_month (self->origin);

  for (day = self->origin; day < self->end; day = ikou_day_add_months (day, 1))
    {
      g_array_append_val (self->months, day);
      if (day == IKOU_DAY_NONE)
        break;
    }
  g_array_append_val (self->months, self->end);
}

static void
ikou_time_scale_finalize (GObject *object)
{
  IkouTimeScale *self = IKOU_TIME_SCALE (object);

  g_array_unref (self->months);

  G_OBJECT_CLASS (ikou_time_scale_parent_class)->finalize (object);
}

static void
ikou_time_scale_class_init (IkouTimeScaleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_time_scale_finalize;
}

static void
ikou_time_scale_init (IkouTimeScale *self)
{
  int fy = 2020;

  self->months = g_array_new (FALSE, FALSE, sizeof (IkouDay));
  self->zoom = IKOU_ZOOM_MONTH;

  /* R2年度 (the start of standardization) to R12年度末 (the 特定移行支援
   * outer limit) until someone sets a range. */
  self->first = ikou_fiscal_year_start (fy);
  self->last = ikou_fiscal_year_end (fy + 10);
  if (self->first == IKOU_DAY_NONE || self->last == IKOU_DAY_NONE)
    {
      self->first = ikou_day_from_ymd (2020, 4, 1);
      self->last = ikou_day_from_ymd (2031, 3, 31);
    }
  update_scale (self);
  update_months (self);
}

IkouTimeScale *
ikou_time_scale_new (void)
{
  return g_object_new (IKOU_TYPE_TIME_SCALE, NULL);
}

void
ikou_time_scale_set_range (IkouTimeScale *self,
                           IkouDay        first,
                           IkouDay        last)
{
  g_return_if_fail (IKOU_IS_TIME_SCALE (self));
  g_return_if_fail (first != IKOU_DAY_NONE && last != IKOU_DAY_NONE);

  if (last < first)
    {
      IkouDay tmp = first;
      first = last;
      last = tmp;
    }
  self->first = first;
  self->last = last;
  update_months (self);
}

IkouDay
ikou_time_scale_get_origin (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), IKOU_DAY_NONE);

  return self->origin;
}

IkouDay
ikou_time_scale_get_end (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), IKOU_DAY_NONE);

  return self->end;
}

void
ikou_time_scale_set_zoom (IkouTimeScale *self,
                          IkouZoom       zoom)
{
  g_return_if_fail (IKOU_IS_TIME_SCALE (self));
  g_return_if_fail ((guint) zoom < IKOU_N_ZOOMS);

  self->zoom = zoom;
  self->px_override = FALSE;
  update_scale (self);
}

IkouZoom
ikou_time_scale_get_zoom (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), IKOU_ZOOM_MONTH);

  return self->zoom;
}

void
ikou_time_scale_set_px_per_day (IkouTimeScale *self,
                                double         px_per_day)
{
  g_return_if_fail (IKOU_IS_TIME_SCALE (self));
  g_return_if_fail (px_per_day > 0);

  self->px_per_day = px_per_day;
  self->px_override = TRUE;
}

double
ikou_time_scale_get_px_per_day (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), 1.0);

  return self->px_per_day;
}

double
ikou_time_scale_x_for_day (IkouTimeScale *self,
                           IkouDay        day)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), 0);

  return (day - self->origin) * self->px_per_day;
}

IkouDay
ikou_time_scale_day_for_x (IkouTimeScale *self,
                           double         x)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), IKOU_DAY_NONE);

  return self->origin + (IkouDay) floor (x / self->px_per_day + 1e-9);
}

double
ikou_time_scale_get_width (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), 0);

  return ceil ((self->end - self->origin) * self->px_per_day);
}

guint
ikou_time_scale_get_n_months (IkouTimeScale *self)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), 0);

  return self->months->len > 0 ? self->months->len - 1 : 0;
}

IkouDay
ikou_time_scale_get_month_start (IkouTimeScale *self,
                                 guint          index)
{
  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), IKOU_DAY_NONE);
  g_return_val_if_fail (index < self->months->len, IKOU_DAY_NONE);

  return g_array_index (self->months, IkouDay, index);
}

guint
ikou_time_scale_month_index (IkouTimeScale *self,
                             IkouDay        day)
{
  int y, m, d;
  int index;

  g_return_val_if_fail (IKOU_IS_TIME_SCALE (self), 0);

  if (self->months->len < 2)
    return 0;
  if (day <= self->origin)
    return 0;
  if (day >= self->end)
    return self->months->len - 1;
  if (!ikou_day_to_ymd (day, &y, &m, &d))
    return 0;
  index = (y - self->origin_year) * 12 + (m - self->origin_month);
  return CLAMP (index, 0, (int) self->months->len - 1);
}

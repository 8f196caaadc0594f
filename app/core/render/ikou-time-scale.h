/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ikou-calendar.h"

G_BEGIN_DECLS

/* The roadmap's time axis, without any drawing: days map to x linearly
 * in content coordinates, x = (day - origin) * px_per_day, where origin
 * is the first day of the range's first month and px_per_day comes from
 * the zoom (or is set outright, to fit a page).  The month starts of
 * the range are precomputed, so a ruler finds the month under an x in
 * O(1).  The header, the rows and hit testing all place things with
 * the same scale. */

typedef enum
{
  IKOU_ZOOM_MONTH,        /* one month ≈ 48 px */
  IKOU_ZOOM_QUARTER,      /* one month ≈ 20 px */
  IKOU_ZOOM_FISCAL_YEAR,  /* one month ≈ 8 px */
  IKOU_N_ZOOMS
} IkouZoom;

#define IKOU_TYPE_TIME_SCALE (ikou_time_scale_get_type ())
G_DECLARE_FINAL_TYPE (IkouTimeScale, ikou_time_scale, IKOU, TIME_SCALE, GObject)

/* R2年度 (the start of standardization) to R12年度末 at IKOU_ZOOM_MONTH. */
IkouTimeScale *ikou_time_scale_new            (void);
/* @first and @last are inclusive days (swapped when reversed); the axis
 * runs from the first day of @first's month to the last day of @last's. */
void           ikou_time_scale_set_range      (IkouTimeScale *self,
                                               IkouDay        first,
                                               IkouDay        last);
/* The axis: its first day (origin) and the first day after it (end). */
IkouDay        ikou_time_scale_get_origin     (IkouTimeScale *self);
IkouDay        ikou_time_scale_get_end        (IkouTimeScale *self);
void           ikou_time_scale_set_zoom       (IkouTimeScale *self,
                                               IkouZoom       zoom);
IkouZoom       ikou_time_scale_get_zoom       (IkouTimeScale *self);
/* Overrides the zoom's scale until the next set_zoom(). */
void           ikou_time_scale_set_px_per_day (IkouTimeScale *self,
                                               double         px_per_day);
double         ikou_time_scale_get_px_per_day (IkouTimeScale *self);

/* The x of the start of @day (any day, also outside the range), and the
 * day whose span holds @x. */
double         ikou_time_scale_x_for_day      (IkouTimeScale *self,
                                               IkouDay        day);
IkouDay        ikou_time_scale_day_for_x      (IkouTimeScale *self,
                                               double         x);
/* Width of the whole axis, rounded up to whole px. */
double         ikou_time_scale_get_width      (IkouTimeScale *self);

/* Month boundaries: months 0 … n_months - 1 start at get_month_start (i),
 * and get_month_start (n_months) is the end of the axis. */
guint          ikou_time_scale_get_n_months   (IkouTimeScale *self);
IkouDay        ikou_time_scale_get_month_start (IkouTimeScale *self,
                                               guint          index);
/* The index of the month holding @day, clamped to [0, n_months]
 * (n_months for a day at or after the end). */
guint          ikou_time_scale_month_index    (IkouTimeScale *self,
                                               IkouDay        day);

G_END_DECLS

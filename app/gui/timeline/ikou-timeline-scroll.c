/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-timeline-private.h"

/* IkouTimeline as a GtkScrollable: the range drawn, the adjustments
 * (the vertical one shared with the systems list), the wheel, zoom and
 * the first view of a plan. */

/* The drawn range covers the plan's dates, R2年度 to the 特定移行支援
 * limit, and today; computed when the plan is set, widened on edits. */
static void
widen_range_for (IkouTimeline *self,
                 IkouDay       day,
                 IkouDay      *first,
                 IkouDay      *last)
{
  if (day == IKOU_DAY_NONE)
    return;
  if (day < *first)
    *first = ikou_fiscal_year_start (ikou_fiscal_year (day));
  if (day > *last)
    *last = ikou_fiscal_year_end (ikou_fiscal_year (day));
}

/* Widens [@first, @last] to whole fiscal years holding @system's dates;
 * with @span, also the plan's own first and last dates (milestones, not
 * rounded), for the first view. */
void
_ikou_timeline_widen_range_for_system (IkouTimeline *self,
                                       IkouSystem   *system,
                                       IkouDay      *first,
                                       IkouDay      *last,
                                       gboolean      span)
{
  IkouScenario *scenario = ikou_renderer_get_scenario (self->renderer);
  guint n = ikou_scenario_get_n_steps (scenario, system);

  for (guint i = 0; i < n; i++)
    {
      IkouStep st;

      ikou_scenario_get_step (scenario, system, i, &st, NULL);
      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        {
          IkouDay day = ikou_step_get_milestone (&st, m);

          widen_range_for (self, day, first, last);
          if (!span || day == IKOU_DAY_NONE)
            continue;
          if (self->plan_first == IKOU_DAY_NONE || day < self->plan_first)
            self->plan_first = day;
          if (self->plan_last == IKOU_DAY_NONE || day > self->plan_last)
            self->plan_last = day;
        }
    }
  if (ikou_system_get_tokutei (system))
    widen_range_for (self, ikou_system_get_tokutei_deadline (system), first, last);
}

void
_ikou_timeline_update_range (IkouTimeline *self)
{
  IkouDay first = ikou_fiscal_year_start (2020);
  IkouDay last = ikou_fiscal_year_end (2030);

  self->plan_first = self->plan_last = IKOU_DAY_NONE;

  widen_range_for (self, self->today, &first, &last);
  if (self->schedule != NULL)
    widen_range_for (self, ikou_schedule_get_tokutei_limit (self->schedule), &first, &last);
  if (self->plan != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IkouSystem) system = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
          _ikou_timeline_widen_range_for_system (self, system, &first, &last, TRUE);
        }
    }
  ikou_renderer_set_range (self->renderer, first, last);
}

/* Adjustments ------------------------------------------------------------ */

static void
adjustment_value_changed_cb (IkouTimeline *self)
{
  _ikou_timeline_redraw (self);
}

static void
vadjustment_changed_cb (IkouTimeline *self)
{
  /* Somebody else configures it: the list it belongs to.  Only read it
   * from now on. */
  if (!self->configuring_vadj)
    self->vadj_shared = TRUE;
}

void
_ikou_timeline_set_hadjustment (IkouTimeline  *self,
                                GtkAdjustment *adjustment)
{
  if (adjustment != NULL && adjustment == self->hadjustment)
    return;

  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadjustment, self);
      g_clear_object (&self->hadjustment);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  self->hadjustment = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "hadjustment");
}

void
_ikou_timeline_set_vadjustment (IkouTimeline  *self,
                                GtkAdjustment *adjustment)
{
  if (adjustment != NULL && adjustment == self->vadjustment)
    return;

  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vadjustment, self);
      g_clear_object (&self->vadjustment);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  self->vadjustment = g_object_ref_sink (adjustment);
  self->vadj_shared = gtk_adjustment_get_page_size (adjustment) > 0 ||
                      gtk_adjustment_get_upper (adjustment) > 0;
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  g_signal_connect_swapped (adjustment, "changed",
                            G_CALLBACK (vadjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "vadjustment");
}

void
_ikou_timeline_configure_hadjustment (IkouTimeline *self,
                                      double        value)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper = MAX (ikou_renderer_get_content_width (self->renderer), width);

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (value, 0, MAX (0, upper - width)),
                            0, upper, width * 0.1, width * 0.9, width);
}

void
_ikou_timeline_configure_vadjustment (IkouTimeline *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double body = MAX (0, height - ikou_renderer_get_header_height (self->renderer));
  double rh = ikou_renderer_get_row_height (self->renderer);
  double upper = MAX (ikou_renderer_get_n_rows (self->renderer) * rh, body);

  if (self->vadj_shared)
    return;

  self->configuring_vadj = TRUE;
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                   MAX (0, upper - body)),
                            0, upper, rh, body * 0.9, body);
  self->configuring_vadj = FALSE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);
  IkouZoom zoom = ikou_timeline_get_zoom (self);

  if (zoom > IKOU_ZOOM_MONTH)
    ikou_timeline_set_zoom (self, zoom - 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);
  IkouZoom zoom = ikou_timeline_get_zoom (self);

  if (zoom + 1 < IKOU_N_ZOOMS)
    ikou_timeline_set_zoom (self, zoom + 1);
}

static gboolean
scroll_cb (IkouTimeline             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      if (dy < 0)
        zoom_in_action (GTK_WIDGET (self), NULL, NULL);
      else if (dy > 0)
        zoom_out_action (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    }

  /* The window's scrolled window has no vertical scrollbar: scroll the
   * shared (list's) adjustment ourselves, leave horizontal to it. */
  if (self->vadj_shared && dy != 0)
    {
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      double step = page > 0 ? pow (page, 2.0 / 3.0) : 40;

      gtk_adjustment_set_value (self->vadjustment,
                                gtk_adjustment_get_value (self->vadjustment) + dy * step);
      return dx == 0;
    }
  return FALSE;
}

/* The rows whole in view: [*first, *first + *n). */
void
_ikou_timeline_rows_in_view (IkouTimeline *self,
                             guint        *first,
                             guint        *n)
{
  double rh = ikou_renderer_get_row_height (self->renderer);
  double body = gtk_widget_get_height (GTK_WIDGET (self)) -
                ikou_renderer_get_header_height (self->renderer);

  *first = (guint) ceil (_ikou_timeline_scroll_y (self) / rh);
  *n = (guint) MAX (1, floor (body / rh));
}

/* Scrolls the rows (the list's adjustment when shared) so @row is whole
 * in view. */
void
_ikou_timeline_scroll_to_row (IkouTimeline *self,
                              guint         row)
{
  double rh = ikou_renderer_get_row_height (self->renderer);
  double body = gtk_widget_get_height (GTK_WIDGET (self)) -
                ikou_renderer_get_header_height (self->renderer);
  double top = row * rh;
  double value = _ikou_timeline_scroll_y (self);

  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + rh > value + body)
    gtk_adjustment_set_value (self->vadjustment, top + rh - MAX (body, rh));
}

/* First view ------------------------------------------------------------- */

/* Where a newly opened plan is shown: a range holding today and the
 * deadline, as much of the plan's own dates around them as fits (its
 * coming dates first), or the plan's dates alone when they are further
 * than a view's width from both. */
void
_ikou_timeline_show_first_view (IkouTimeline *self)
{
  IkouRenderer *r = self->renderer;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double margin = width / 10;
  IkouDay deadline = self->schedule != NULL ? ikou_schedule_get_deadline (self->schedule)
                                            : IKOU_DAY_NONE;
  IkouDay t0 = self->today;
  IkouDay t1 = self->today;
  double left;

  if (deadline != IKOU_DAY_NONE)
    {
      t0 = MIN (t0, deadline);
      t1 = MAX (t1, deadline);
    }

  if (self->plan_first != IKOU_DAY_NONE &&
      (ikou_renderer_x_for_day (r, self->plan_last) < ikou_renderer_x_for_day (r, t0) - width ||
       ikou_renderer_x_for_day (r, self->plan_first) > ikou_renderer_x_for_day (r, t1) + width))
    {
      /* A plan of other years: its own dates. */
      left = ikou_renderer_x_for_day (r, self->plan_first) - margin;
    }
  else
    {
      double start = ikou_renderer_x_for_day (r, t0) - margin;
      double end = ikou_renderer_x_for_day (r, t1) + margin;
      double plan_start = start;

      if (self->plan_first != IKOU_DAY_NONE)
        {
          end = MAX (end, ikou_renderer_x_for_day (r, self->plan_last) + margin);
          plan_start = MIN (start, ikou_renderer_x_for_day (r, self->plan_first) - margin);
        }
      left = start;
      /* Room to the right: show earlier dates of the plan in it. */
      if (end < left + width)
        left = MAX (end - width, plan_start);
      /* Today and the deadline stay in view whatever else does not. */
      if (ikou_renderer_x_for_day (r, t1) + margin > left + width)
        left = ikou_renderer_x_for_day (r, t1) + margin - width;
    }
  _ikou_timeline_configure_hadjustment (self, left);
}

void
ikou_timeline_scroll_to_day (IkouTimeline *self,
                             IkouDay       day)
{
  double width;
  double x;
  double value;

  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (day == IKOU_DAY_NONE)
    return;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  x = ikou_renderer_x_for_day (self->renderer, day);
  value = _ikou_timeline_scroll_x (self);
  /* Only scroll when the day is out of view (or near its edges). */
  if (x < value + width * 0.05 || x > value + width * 0.95 || width <= 0)
    {
      if (width <= 0)
        {
          /* Not allocated yet: size_allocate clamps it later. */
          gtk_adjustment_set_upper (self->hadjustment, ikou_renderer_get_content_width (self->renderer));
        }
      gtk_adjustment_set_value (self->hadjustment, x - width / 3);
    }
}

void
_ikou_timeline_class_init_scroll (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
}

void
_ikou_timeline_init_scroll (IkouTimeline *self)
{
  GtkEventController *scroll;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

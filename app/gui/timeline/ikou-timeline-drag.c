/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-timeline-private.h"

/* IkouTimeline: a press selects, a drag moves a milestone or a whole
 * bar (one system, or several selected by whole months), Alt+←/→ moves
 * the selected milestone; each ends in ::step-edited or ::group-refused. */

enum {
  STEP_EDITED,
  GROUP_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Edits ------------------------------------------------------------------ */

/* Steps as shown: the document's active scenario, else the plan. */
guint
_ikou_timeline_n_steps_of (IkouTimeline *self,
                           IkouSystem   *system)
{
  return self->document != NULL ? ikou_document_get_n_steps (self->document, system)
                                : ikou_system_get_n_steps (system);
}

IkouStep *
_ikou_timeline_dup_step (IkouTimeline *self,
                         IkouSystem   *system,
                         guint         index)
{
  return self->document != NULL ? ikou_document_dup_step (self->document, system, index)
                                : ikou_step_copy (ikou_system_get_step (system, index));
}

/* A live change during a drag. */
static void
apply_step (IkouTimeline   *self,
            IkouSystem     *system,
            guint           index,
            const IkouStep *step)
{
  if (self->document != NULL)
    ikou_document_preview_step (self->document, system, index, step);
  else if (!ikou_step_equal (ikou_system_get_step (system, index), step))
    ikou_system_set_step (system, index, step);
}

static IkouDay
nearest_month_start (IkouDay day)
{
  IkouDay start = ikou_day_month_start (day);
  IkouDay next = ikou_day_add_months (start, 1);

  return (day - start) * 2 < (next - start) ? start : next;
}

static void
update_popover (IkouTimeline *self,
                double        x,
                double        y)
{
  g_autofree char *date = _ikou_timeline_format_day (self, self->drag.day);
  g_autofree char *text = NULL;
  const char *what = self->drag.kind == DRAG_BAR ? _("Cut-over")
                                                 : ikou_milestone_label (self->drag.milestone);
  /* Above the row, so the popover (and its shadow margin, which is
   * opaque without a compositor) never hides the mark being moved; at the
   * edge when the mark has left the view (a popover pointing outside
   * every monitor cannot be placed). */
  GdkRectangle rect = {
    (int) CLAMP (x, 1, MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - 1)) - 1,
    (int) CLAMP (y, 4, MAX (4, gtk_widget_get_height (GTK_WIDGET (self)))) - 4,
    2, 2
  };

  text = g_strdup_printf ("%s  %s", what, date);
  /* Placing the popover costs round trips to the X server: only when it
   * shows something else or points elsewhere. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->drag_popover))
      && gdk_rectangle_equal (&rect, &self->drag.popover_at)
      && g_strcmp0 (gtk_label_get_text (self->drag_label), text) == 0)
    return;

  self->drag.popover_at = rect;
  gtk_label_set_text (self->drag_label, text);
  gtk_popover_set_pointing_to (self->drag_popover, &rect);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_popup (self->drag_popover);
  else
    gtk_popover_present (self->drag_popover);
}

void
_ikou_timeline_drag_reset (IkouTimeline *self)
{
  g_clear_object (&self->drag.system);
  g_clear_pointer (&self->drag.old_step, ikou_step_free);
  g_clear_pointer (&self->drag.shown_step, ikou_step_free);
  g_clear_pointer (&self->drag_view.node, gsk_render_node_unref);
  self->drag.kind = DRAG_NONE;
  self->drag.moved = FALSE;
  self->drag.day = IKOU_DAY_NONE;
  self->drag.delta = 0;
  self->drag.collapse = FALSE;
  if (self->drag_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_popdown (self->drag_popover);
  if (self->renderer != NULL)
    _ikou_timeline_update_actions (self);
}

/* Selects @row as a click with @state does; FALSE when the row ends up
 * not selected (a Ctrl-click on a selected row) or was added with Shift:
 * nothing to drag then. */
static gboolean
select_row (IkouTimeline    *self,
            guint            row,
            GdkModifierType  state)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->multi);
  guint current = gtk_single_selection_get_selected (self->selection);

  if (state & GDK_SHIFT_MASK && current != GTK_INVALID_LIST_POSITION)
    {
      gtk_selection_model_select_range (model, MIN (current, row),
                                        MAX (current, row) - MIN (current, row) + 1,
                                        (state & GDK_CONTROL_MASK) == 0);
      return FALSE;
    }
  if (state & GDK_CONTROL_MASK)
    {
      if (gtk_selection_model_is_selected (model, row))
        {
          gtk_selection_model_unselect_item (model, row);
          return FALSE;
        }
      gtk_selection_model_select_item (model, row, FALSE);
      return TRUE;
    }
  if (gtk_selection_model_is_selected (model, row) && ikou_selection_get_n_selected (self->multi) > 1)
    {
      /* Kept for a drag of them all; a click without a drag keeps it alone. */
      gtk_single_selection_set_selected (self->selection, row);
      self->drag.collapse = TRUE;
      return TRUE;
    }
  gtk_selection_model_select_item (model, row, TRUE);
  return TRUE;
}

static void
drag_begin_cb (IkouTimeline   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  IkouHit hit;

  if (self->drag.kind != DRAG_NONE)
    _ikou_timeline_drag_reset (self);

  if (!ikou_renderer_hit_test (self->renderer, _ikou_timeline_scroll_x (self), _ikou_timeline_scroll_y (self), x, y, &hit))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* A press selects the row (and the milestone under it); with Ctrl or
   * Shift it adds to the selection, or takes the row out of it. */
  if (self->multi != NULL)
    {
      if (!select_row (self, hit.row,
                       gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture))))
        {
          _ikou_timeline_sync_selected (self);
          _ikou_timeline_redraw (self);
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
    }
  else if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, hit.row);
  if (hit.kind == IKOU_HIT_MILESTONE)
    {
      self->sel_step = hit.step;
      self->sel_milestone = hit.milestone;
    }
  else
    self->sel_step = -1;
  _ikou_timeline_sync_selected (self);
  _ikou_timeline_redraw (self);

  if ((hit.kind != IKOU_HIT_MILESTONE && hit.kind != IKOU_HIT_BUILD_BAR) ||
      self->read_only || hit.step < 0 || (guint) hit.step >= _ikou_timeline_n_steps_of (self, hit.system))
    {
      if (self->drag.collapse)
        {
          self->drag.collapse = FALSE;
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->multi), hit.row, TRUE);
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  self->drag.kind = hit.kind == IKOU_HIT_MILESTONE ? DRAG_MILESTONE : DRAG_BAR;
  self->drag.system = g_object_ref (hit.system);
  self->drag.index = hit.step;
  self->drag.row = hit.row;
  self->drag.milestone = hit.milestone;
  self->drag.old_step = _ikou_timeline_dup_step (self, hit.system, hit.step);
  g_clear_pointer (&self->drag.shown_step, ikou_step_free);
  self->drag.start_x = x;
  self->drag.start_y = y;
  self->drag.moved = FALSE;
  self->drag.day = self->drag.kind == DRAG_BAR ? self->drag.old_step->cutover_date
                                               : ikou_step_get_milestone (self->drag.old_step,
                                                                          hit.milestone);
  _ikou_timeline_update_actions (self);
}

/* The new step for a pointer offset: only the signal's offset and the
 * start point are used (the gesture's getters know nothing when the
 * signals are emitted by a test). */
static void
drag_apply (IkouTimeline   *self,
            GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y)
{
  GdkModifierType state;
  gboolean snap;
  double px_per_day = ikou_renderer_get_px_per_day (self->renderer);
  int delta;
  g_autoptr(IkouStep) step = NULL;

  if (!self->drag.moved && fabs (offset_x) < DRAG_THRESHOLD)
    return;
  self->drag.moved = TRUE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  snap = (state & GDK_SHIFT_MASK) == 0;
  delta = (int) round (offset_x / px_per_day);
  self->drag.delta = delta;
  step = ikou_step_copy (self->drag.old_step);

  if (self->drag.kind == DRAG_MILESTONE)
    {
      IkouDay old_day = ikou_step_get_milestone (self->drag.old_step, self->drag.milestone);
      IkouDay day = old_day + delta;

      if (snap)
        day = nearest_month_start (day);
      ikou_step_set_milestone (step, self->drag.milestone, day);
      self->drag.day = day;
    }
  else
    {
      if (snap)
        {
          int months = (int) round (delta / (365.2425 / 12));

          step->contract_date = ikou_day_add_months (self->drag.old_step->contract_date, months);
          step->cutover_date = ikou_day_add_months (self->drag.old_step->cutover_date, months);
        }
      else
        {
          step->contract_date = self->drag.old_step->contract_date + delta;
          step->cutover_date = self->drag.old_step->cutover_date + delta;
        }
      self->drag.day = step->cutover_date;
    }

  /* Pointer moves within the month already shown (dates snap to months)
   * change nothing: no preview, no re-check, no redraw. */
  if (self->drag.shown_step == NULL || !ikou_step_equal (step, self->drag.shown_step))
    {
      apply_step (self, self->drag.system, self->drag.index, step);
      g_clear_pointer (&self->drag.shown_step, ikou_step_free);
      self->drag.shown_step = g_steal_pointer (&step);
    }
  /* The popover points at the moved mark, from the top of its row. */
  update_popover (self,
                  ikou_renderer_x_for_day (self->renderer, self->drag.day) - _ikou_timeline_scroll_x (self),
                  ikou_renderer_get_header_height (self->renderer) - _ikou_timeline_scroll_y (self) +
                  self->drag.row * ikou_renderer_get_row_height (self->renderer));
}

static void
drag_update_cb (IkouTimeline   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  if (self->drag.kind == DRAG_NONE)
    return;
  drag_apply (self, gesture, offset_x, offset_y);
}

/* The end of a drag of one of several selected systems: they all move by
 * as many whole months, as one undo step (a bar: the contract and the
 * cut-over; a mark: that milestone and those after it). */
static void
drag_group (IkouTimeline *self)
{
  g_autoptr(GPtrArray) systems = ikou_selection_dup_systems (self->multi);
  g_autoptr(GError) error = NULL;
  int months = (int) round (self->drag.delta / (365.2425 / 12));
  IkouShiftMilestones which = IKOU_SHIFT_CONTRACT;

  if (self->drag.kind == DRAG_MILESTONE)
    which = self->drag.milestone == IKOU_MILESTONE_CUTOVER ? IKOU_SHIFT_CUTOVER
          : self->drag.milestone == IKOU_MILESTONE_BUDGET ? IKOU_SHIFT_ALL
          : IKOU_SHIFT_CONTRACT;
  ikou_document_cancel_preview (self->document);
  _ikou_timeline_drag_reset (self);
  if (months != 0 &&
      !ikou_document_shift (self->document, ikou_document_get_active_scenario (self->document),
                            systems, months, which, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_signal_emit (self, signals[GROUP_REFUSED], 0, error);
    }
}

static void
drag_end_cb (IkouTimeline   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  g_autoptr(IkouSystem) system = NULL;
  g_autoptr(IkouStep) old_step = NULL;
  guint index;

  if (self->drag.kind == DRAG_NONE)
    return;

  drag_apply (self, gesture, offset_x, offset_y);
  if (self->drag.collapse && !self->drag.moved)
    {
      guint row = self->drag.row;

      _ikou_timeline_drag_reset (self);
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->multi), row, TRUE);
      return;
    }
  if (self->drag.collapse && self->document != NULL)
    {
      drag_group (self);
      return;
    }
  system = g_steal_pointer (&self->drag.system);
  old_step = g_steal_pointer (&self->drag.old_step);
  index = self->drag.index;
  _ikou_timeline_drag_reset (self);

  if (self->document != NULL)
    {
      /* One undo step for the whole drag, where the document shows it. */
      ikou_document_commit_preview (self->document);
      if (index < _ikou_timeline_n_steps_of (self, system))
        g_signal_emit (self, signals[STEP_EDITED], 0, system, index, old_step);
    }
  else if (index < ikou_system_get_n_steps (system) &&
           !ikou_step_equal (old_step, ikou_system_get_step (system, index)))
    g_signal_emit (self, signals[STEP_EDITED], 0, system, index, old_step);
}

void
_ikou_timeline_cancel_drag (IkouTimeline *self)
{
  if (self->drag.kind == DRAG_NONE)
    return;

  if (self->document != NULL)
    ikou_document_cancel_preview (self->document);
  else if (self->drag.system != NULL &&
           self->drag.index < ikou_system_get_n_steps (self->drag.system))
    apply_step (self, self->drag.system, self->drag.index, self->drag.old_step);
  _ikou_timeline_drag_reset (self);
  /* Drop the real pointer sequence, if any, so its release does nothing. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
}

static void
cancel_drag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ikou_timeline_cancel_drag (IKOU_TIMELINE (widget));
}

static void
move_selected (IkouTimeline *self,
               int           months)
{
  IkouSystem *system = _ikou_timeline_selected_system (self);
  g_autoptr(IkouStep) old_step = NULL;
  g_autoptr(IkouStep) step = NULL;
  IkouDay day;

  if (system == NULL || self->sel_step < 0 ||
      (guint) self->sel_step >= _ikou_timeline_n_steps_of (self, system) || self->drag.kind != DRAG_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  old_step = _ikou_timeline_dup_step (self, system, self->sel_step);
  day = ikou_step_get_milestone (old_step, self->sel_milestone);
  if (day == IKOU_DAY_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  step = ikou_step_copy (old_step);
  ikou_step_set_milestone (step, self->sel_milestone, ikou_day_add_months (day, months));
  if (self->document != NULL)
    ikou_document_set_step (self->document, system, self->sel_step, step);
  else
    ikou_system_set_step (system, self->sel_step, step);
  g_signal_emit (self, signals[STEP_EDITED], 0, system, (guint) self->sel_step, old_step);
  ikou_timeline_scroll_to_day (self, ikou_step_get_milestone (step, self->sel_milestone));
}

static void
move_earlier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_selected (IKOU_TIMELINE (widget), -1);
}

static void
move_later_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selected (IKOU_TIMELINE (widget), 1);
}

gboolean
ikou_timeline_is_dragging (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), FALSE);

  return self->drag.kind != DRAG_NONE;
}

IkouDay
ikou_timeline_get_drag_day (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), IKOU_DAY_NONE);

  return self->drag.kind != DRAG_NONE && self->drag.moved ? self->drag.day : IKOU_DAY_NONE;
}

void
_ikou_timeline_class_init_drag (IkouTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * IkouTimeline::step-edited:
   * @system: the system whose step changed
   * @index: the step's index
   * @old_step: the step as it was before the drag or key press
   *
   * A drag or an Alt+←/→ finished and changed a step.  The system
   * already holds the new step.
   */
  signals[STEP_EDITED] =
    g_signal_new ("step-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  IKOU_TYPE_SYSTEM, G_TYPE_UINT, IKOU_TYPE_STEP);

  /**
   * IkouTimeline::group-refused:
   * @error: why
   *
   * A drag of several selected systems would have moved a date out of
   * range: nothing moved.
   */
  signals[GROUP_REFUSED] =
    g_signal_new ("group-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "timeline.cancel-drag", NULL, cancel_drag_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-earlier", NULL, move_earlier_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-later", NULL, move_later_action);
}

void
_ikou_timeline_init_drag (IkouTimeline *self)
{
  GtkWidget *label;

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag_gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));

  /* The date while dragging. */
  self->drag_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->drag_popover, FALSE);
  gtk_popover_set_position (self->drag_popover, GTK_POS_TOP);
  gtk_widget_set_can_target (GTK_WIDGET (self->drag_popover), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->drag_popover), FALSE);
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "numeric");
  gtk_popover_set_child (self->drag_popover, label);
  self->drag_label = GTK_LABEL (label);
  gtk_widget_set_parent (GTK_WIDGET (self->drag_popover), GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-finding.h"
#include "ikou-gui-util.h"
#include "ikou-selection.h"
#include "ikou-timeline.h"

#define DRAG_THRESHOLD 3.0
#define MAX_TOOLTIP_FINDINGS 5

typedef enum
{
  DRAG_NONE,
  DRAG_MILESTONE,
  DRAG_BAR,
} DragKind;

struct _IkouTimeline
{
  GtkWidget           parent_instance;

  IkouRenderer       *renderer;
  IkouPlan           *plan;
  IkouDocument       *document;        /* NULL: edits go to the plan itself */
  GtkSingleSelection *selection;
  IkouSelection      *multi;           /* several selected rows, or NULL */
  GHashTable         *findings;        /* system id → GPtrArray of its findings (a reference) */
  GPtrArray          *findings_owner;  /* the flat array of set_findings(), or NULL */
  IkouSchedule       *schedule;
  IkouDay             today;
  gboolean            era_labels;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               vadj_shared : 1;
  guint               configuring_vadj : 1;
  guint               read_only : 1;      /* a plan opened read-only: no drags, no moves */

  GtkGesture         *drag_gesture;
  GtkPopover         *drag_popover;
  GtkLabel           *drag_label;

  /* The plan's own dates (IKOU_DAY_NONE when it has none), and whether
   * the first view of a newly set plan is still to be chosen (done at
   * the first allocation, before anything is drawn). */
  IkouDay             plan_first;
  IkouDay             plan_last;
  gboolean            first_view_pending;

  /* The milestone selected by a click, for Alt+←/→. */
  int                 sel_step;
  IkouMilestone       sel_milestone;

  struct
  {
    DragKind      kind;
    IkouSystem   *system;
    guint         index;
    IkouMilestone milestone;
    guint         row;
    IkouStep     *old_step;
    double        start_x;
    double        start_y;
    gboolean      moved;
    IkouDay       day;        /* shown in the popover */
    int           delta;      /* days moved */
    gboolean      collapse;   /* a plain click on one of several selected rows */
  } drag;
};

static void ikou_timeline_scrollable_init (GtkScrollableInterface *iface);
static guint n_steps_of                   (IkouTimeline           *self,
                                           IkouSystem             *system);
static void update_actions                (IkouTimeline           *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouTimeline, ikou_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      ikou_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_ERA_LABELS,
  PROP_HEADER_HEIGHT,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  STEP_EDITED,
  GROUP_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers ---------------------------------------------------------------- */

static double
scroll_x (IkouTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (IkouTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static IkouColor
to_ikou_color (const GdkRGBA *rgba)
{
  IkouColor c = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return c;
}

/* A day in the labels of the interface: R7.4.1 (2025-04-01) with the
 * era setting in Japanese, else 2025-04-01. */
static char *
format_day (IkouTimeline *self,
            IkouDay       day)
{
  IkouLabels labels = ikou_labels_for_locale (self->era_labels);
  g_autofree char *label = NULL;
  g_autofree char *iso = NULL;

  if (day == IKOU_DAY_NONE)
    return g_strdup (_("no date"));
  label = ikou_day_label (day, labels);
  if (labels != IKOU_LABELS_ERA)
    return g_steal_pointer (&label);
  iso = ikou_day_format_iso (day);
  /* TRANSLATORS: a date in the Japanese era, then in the Western calendar. */
  return g_strdup_printf (_("%s (%s)"), label, iso);
}

static IkouSystem *
selected_system (IkouTimeline *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
sync_selected (IkouTimeline *self)
{
  IkouSystem *system = selected_system (self);
  guint id = system ? ikou_system_get_id (system) : 0;

  if (ikou_renderer_get_selected (self->renderer) != id)
    self->sel_step = -1;
  ikou_renderer_set_selected (self->renderer, id);
  ikou_renderer_set_selected_ids (self->renderer,
                                  self->multi != NULL ? ikou_selection_get_ids (self->multi) : NULL);
  ikou_renderer_set_selected_milestone (self->renderer, self->sel_step, self->sel_milestone);
  update_actions (self);
}

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
static void
widen_range_for_system (IkouTimeline *self,
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

static void
update_range (IkouTimeline *self)
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
          widen_range_for_system (self, system, &first, &last, TRUE);
        }
    }
  ikou_renderer_set_range (self->renderer, first, last);
}

/* Adjustments ------------------------------------------------------------ */

static void
adjustment_value_changed_cb (IkouTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vadjustment_changed_cb (IkouTimeline *self)
{
  /* Somebody else configures it: the list it belongs to.  Only read it
   * from now on. */
  if (!self->configuring_vadj)
    self->vadj_shared = TRUE;
}

static void
set_hadjustment (IkouTimeline  *self,
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

static void
set_vadjustment (IkouTimeline  *self,
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

static void
configure_hadjustment (IkouTimeline *self,
                       double        value)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper = MAX (ikou_renderer_get_content_width (self->renderer), width);

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (value, 0, MAX (0, upper - width)),
                            0, upper, width * 0.1, width * 0.9, width);
}

static void
configure_vadjustment (IkouTimeline *self)
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

/* Theme ------------------------------------------------------------------ */

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              IkouColor       *out)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  *out = to_ikou_color (&rgba);
  return TRUE;
}

static void
update_style (IkouTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  IkouRenderStyle style;
  GdkRGBA fg;
  IkouColor accent;
  double lum;
  double old_header = ikou_renderer_get_header_height (self->renderer);

  ikou_render_style_init_default (&style);

  gtk_style_context_get_color (context, &fg);
  style.foreground = to_ikou_color (&fg);
  style.dim_foreground = style.foreground;
  style.dim_foreground.alpha *= 0.7;
  lookup_color (context, "view_bg_color", &style.background);
  lookup_color (context, "view_fg_color", &style.foreground);
  if (!lookup_color (context, "headerbar_shade_color", &style.header_background))
    style.header_background = style.background;
  else
    {
      /* Shade over the view colour, like the list's header strip. */
      IkouColor shade = style.header_background;
      double a = shade.alpha;

      style.header_background.red = style.background.red * (1 - a) + shade.red * a;
      style.header_background.green = style.background.green * (1 - a) + shade.green * a;
      style.header_background.blue = style.background.blue * (1 - a) + shade.blue * a;
      style.header_background.alpha = 1;
    }
  if (lookup_color (context, "accent_bg_color", &accent))
    {
      style.today = accent;
      style.selection = accent;
      style.selection.alpha = 0.25;
    }
  lookup_color (context, "accent_color", &style.info);
  lookup_color (context, "error_color", &style.error);
  lookup_color (context, "error_color", &style.deadline);
  lookup_color (context, "warning_color", &style.warning);

  lum = 0.2126 * style.background.red + 0.7152 * style.background.green +
        0.0722 * style.background.blue;
  style.grid = style.foreground;
  style.grid.alpha = high_contrast ? 0.45 : 0.15;
  style.row_alternate = style.foreground;
  style.row_alternate.alpha = lum < 0.5 ? 0.05 : 0.035;
  style.phase = style.foreground;
  style.phase.alpha = lum < 0.5 ? 0.16 : 0.10;
  if (lum < 0.5)
    {
      /* Softer fills on a dark view; text on them picks its colour. */
      for (int k = 0; k < IKOU_N_HOST_KINDS; k++)
        {
          style.host_kind[k].red *= 0.78;
          style.host_kind[k].green *= 0.78;
          style.host_kind[k].blue *= 0.78;
        }
      style.build.red *= 0.85;
      style.build.green *= 0.85;
      style.build.blue *= 0.85;
    }
  /* High contrast: hatches tell the host kinds apart without colour. */
  style.patterns = high_contrast;
  style.era_labels = self->era_labels;

  if (font != NULL)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      double dpi = pango_cairo_context_get_resolution (pango);

      if (!pango_font_description_get_size_is_absolute (font))
        size = size * (dpi > 0 ? dpi : 96.0) / 72.0;
      if (size > 4)
        style.font_size = size * 0.92;
      if (pango_font_description_get_family (font) != NULL)
        {
          g_free (style.font_family);
          style.font_family = g_strdup (pango_font_description_get_family (font));
        }
    }

  ikou_renderer_set_style (self->renderer, &style);
  ikou_render_style_clear (&style);

  if (old_header != ikou_renderer_get_header_height (self->renderer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
}

/* Actions are enabled only when they apply, so Esc and Alt+←/→ reach
 * the window when there is no drag or no selected milestone. */
static void
update_actions (IkouTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IkouSystem *system = selected_system (self);
  gboolean dragging = self->drag.kind != DRAG_NONE;
  gboolean movable = !dragging && !self->read_only && system != NULL && self->sel_step >= 0 &&
                     (guint) self->sel_step < n_steps_of (self, system);
  IkouZoom zoom = ikou_renderer_get_zoom (self->renderer);

  gtk_widget_action_set_enabled (widget, "timeline.cancel-drag", dragging);
  gtk_widget_action_set_enabled (widget, "timeline.move-earlier", movable);
  gtk_widget_action_set_enabled (widget, "timeline.move-later", movable);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", zoom > IKOU_ZOOM_MONTH);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", zoom + 1 < IKOU_N_ZOOMS);
}

/* Edits ------------------------------------------------------------------ */

/* Steps as shown: the document's active scenario, else the plan. */
static guint
n_steps_of (IkouTimeline *self,
            IkouSystem   *system)
{
  return self->document != NULL ? ikou_document_get_n_steps (self->document, system)
                                : ikou_system_get_n_steps (system);
}

static IkouStep *
dup_step (IkouTimeline *self,
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
  g_autofree char *date = format_day (self, self->drag.day);
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
  gtk_label_set_text (self->drag_label, text);
  gtk_popover_set_pointing_to (self->drag_popover, &rect);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_popup (self->drag_popover);
  else
    gtk_popover_present (self->drag_popover);
}

static void
drag_reset (IkouTimeline *self)
{
  g_clear_object (&self->drag.system);
  g_clear_pointer (&self->drag.old_step, ikou_step_free);
  self->drag.kind = DRAG_NONE;
  self->drag.moved = FALSE;
  self->drag.day = IKOU_DAY_NONE;
  self->drag.delta = 0;
  self->drag.collapse = FALSE;
  if (self->drag_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_popdown (self->drag_popover);
  if (self->renderer != NULL)
    update_actions (self);
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
    drag_reset (self);

  if (!ikou_renderer_hit_test (self->renderer, scroll_x (self), scroll_y (self), x, y, &hit))
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
          sync_selected (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
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
  sync_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if ((hit.kind != IKOU_HIT_MILESTONE && hit.kind != IKOU_HIT_BUILD_BAR) ||
      self->read_only || hit.step < 0 || (guint) hit.step >= n_steps_of (self, hit.system))
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
  self->drag.old_step = dup_step (self, hit.system, hit.step);
  self->drag.start_x = x;
  self->drag.start_y = y;
  self->drag.moved = FALSE;
  self->drag.day = self->drag.kind == DRAG_BAR ? self->drag.old_step->cutover_date
                                               : ikou_step_get_milestone (self->drag.old_step,
                                                                          hit.milestone);
  update_actions (self);
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

  apply_step (self, self->drag.system, self->drag.index, step);
  /* The popover points at the moved mark, from the top of its row. */
  update_popover (self,
                  ikou_renderer_x_for_day (self->renderer, self->drag.day) - scroll_x (self),
                  ikou_renderer_get_header_height (self->renderer) - scroll_y (self) +
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
  drag_reset (self);
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

      drag_reset (self);
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
  drag_reset (self);

  if (self->document != NULL)
    {
      /* One undo step for the whole drag, where the document shows it. */
      ikou_document_commit_preview (self->document);
      if (index < n_steps_of (self, system))
        g_signal_emit (self, signals[STEP_EDITED], 0, system, index, old_step);
    }
  else if (index < ikou_system_get_n_steps (system) &&
           !ikou_step_equal (old_step, ikou_system_get_step (system, index)))
    g_signal_emit (self, signals[STEP_EDITED], 0, system, index, old_step);
}

static void
cancel_drag (IkouTimeline *self)
{
  if (self->drag.kind == DRAG_NONE)
    return;

  if (self->document != NULL)
    ikou_document_cancel_preview (self->document);
  else if (self->drag.system != NULL &&
           self->drag.index < ikou_system_get_n_steps (self->drag.system))
    apply_step (self, self->drag.system, self->drag.index, self->drag.old_step);
  drag_reset (self);
  /* Drop the real pointer sequence, if any, so its release does nothing. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
}

static void
cancel_drag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cancel_drag (IKOU_TIMELINE (widget));
}

static void
move_selected (IkouTimeline *self,
               int           months)
{
  IkouSystem *system = selected_system (self);
  g_autoptr(IkouStep) old_step = NULL;
  g_autoptr(IkouStep) step = NULL;
  IkouDay day;

  if (system == NULL || self->sel_step < 0 ||
      (guint) self->sel_step >= n_steps_of (self, system) || self->drag.kind != DRAG_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  old_step = dup_step (self, system, self->sel_step);
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

/* Keyboard --------------------------------------------------------------- */

typedef enum
{
  NAV_ROW_UP,
  NAV_ROW_DOWN,
  NAV_PAGE_UP,
  NAV_PAGE_DOWN,
  NAV_FIRST_ROW,
  NAV_LAST_ROW,
  NAV_PREVIOUS_MILESTONE,
  NAV_NEXT_MILESTONE,
  NAV_FIRST_MILESTONE,
  NAV_LAST_MILESTONE,
} Navigation;

static const char * const navigation_actions[] = {
  "timeline.row-up", "timeline.row-down", "timeline.page-up", "timeline.page-down",
  "timeline.first-row", "timeline.last-row", "timeline.previous-milestone",
  "timeline.next-milestone", "timeline.first-milestone", "timeline.last-milestone",
};

typedef struct
{
  IkouDay       day;
  int           step;
  IkouMilestone milestone;
} MilestoneRef;

static int
compare_milestone_refs (gconstpointer a,
                        gconstpointer b)
{
  const MilestoneRef *x = a;
  const MilestoneRef *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->step != y->step)
    return x->step - y->step;
  return (int) x->milestone - (int) y->milestone;
}

/* The dated milestones of @system as shown, in date order. */
static GArray *
milestones_in_order (IkouTimeline *self,
                     IkouSystem   *system)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (MilestoneRef));
  guint n = n_steps_of (self, system);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IkouStep) step = dup_step (self, system, i);

      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        {
          MilestoneRef ref = { ikou_step_get_milestone (step, m), (int) i, m };

          if (ref.day != IKOU_DAY_NONE)
            g_array_append_val (refs, ref);
        }
    }
  g_array_sort (refs, compare_milestone_refs);
  return refs;
}

/* The rows whole in view: [*first, *first + *n). */
static void
rows_in_view (IkouTimeline *self,
              guint        *first,
              guint        *n)
{
  double rh = ikou_renderer_get_row_height (self->renderer);
  double body = gtk_widget_get_height (GTK_WIDGET (self)) -
                ikou_renderer_get_header_height (self->renderer);

  *first = (guint) ceil (scroll_y (self) / rh);
  *n = (guint) MAX (1, floor (body / rh));
}

/* Scrolls the rows (the list's adjustment when shared) so @row is whole
 * in view. */
static void
scroll_to_row (IkouTimeline *self,
               guint         row)
{
  double rh = ikou_renderer_get_row_height (self->renderer);
  double body = gtk_widget_get_height (GTK_WIDGET (self)) -
                ikou_renderer_get_header_height (self->renderer);
  double top = row * rh;
  double value = scroll_y (self);

  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + rh > value + body)
    gtk_adjustment_set_value (self->vadjustment, top + rh - MAX (body, rh));
}

static void
navigate (IkouTimeline *self,
          Navigation    where)
{
  guint n_rows = ikou_renderer_get_n_rows (self->renderer);
  guint row = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                      : GTK_INVALID_LIST_POSITION;
  guint first_in_view, n_in_view;
  IkouSystem *system;
  g_autoptr(GArray) refs = NULL;
  int found = -1;

  if (self->selection == NULL || n_rows == 0 || self->drag.kind != DRAG_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  rows_in_view (self, &first_in_view, &n_in_view);

  if (where <= NAV_LAST_ROW)
    {
      guint target;

      if (row == GTK_INVALID_LIST_POSITION)
        target = where == NAV_LAST_ROW ? n_rows - 1
               : where == NAV_FIRST_ROW ? 0
               : MIN (first_in_view, n_rows - 1);
      else
        switch (where)
          {
          case NAV_ROW_UP:
            target = row > 0 ? row - 1 : 0;
            break;
          case NAV_ROW_DOWN:
            target = MIN (row + 1, n_rows - 1);
            break;
          case NAV_PAGE_UP:
            target = row > n_in_view ? row - n_in_view : 0;
            break;
          case NAV_PAGE_DOWN:
            target = MIN (row + n_in_view, n_rows - 1);
            break;
          case NAV_FIRST_ROW:
            target = 0;
            break;
          case NAV_LAST_ROW:
          default:
            target = n_rows - 1;
            break;
          }
      if (target != row)
        {
          self->sel_step = -1;
          gtk_single_selection_set_selected (self->selection, target);
        }
      scroll_to_row (self, target);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  /* Milestones along the selected row (the first row in view when none). */
  if (row == GTK_INVALID_LIST_POSITION)
    {
      row = MIN (first_in_view, n_rows - 1);
      gtk_single_selection_set_selected (self->selection, row);
    }
  system = selected_system (self);
  refs = system != NULL ? milestones_in_order (self, system) : NULL;
  if (refs == NULL || refs->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  for (guint i = 0; i < refs->len && self->sel_step >= 0; i++)
    {
      const MilestoneRef *ref = &g_array_index (refs, MilestoneRef, i);

      if (ref->step == self->sel_step && ref->milestone == self->sel_milestone)
        found = (int) i;
    }
  switch (where)
    {
    case NAV_PREVIOUS_MILESTONE:
      found = found < 0 ? (int) refs->len - 1 : MAX (found - 1, 0);
      break;
    case NAV_NEXT_MILESTONE:
      found = found < 0 ? 0 : MIN (found + 1, (int) refs->len - 1);
      break;
    case NAV_FIRST_MILESTONE:
      found = 0;
      break;
    case NAV_LAST_MILESTONE:
    default:
      found = (int) refs->len - 1;
      break;
    }
  {
    const MilestoneRef *ref = &g_array_index (refs, MilestoneRef, found);

    ikou_timeline_select_milestone (self, row, ref->step, ref->milestone);
    ikou_timeline_scroll_to_day (self, ref->day);
  }
  scroll_to_row (self, row);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (navigation_actions); i++)
    if (g_str_equal (action_name, navigation_actions[i]))
      navigate (IKOU_TIMELINE (widget), i);
}

/* The focused row: an outline over the selection's tint, so the row the
 * keys act on shows even where the tint is faint. */
static void
snapshot_focus (IkouTimeline *self,
                GtkSnapshot  *snapshot,
                int           width,
                int           height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint row = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                      : GTK_INVALID_LIST_POSITION;
  double header = ikou_renderer_get_header_height (self->renderer);
  double rh = ikou_renderer_get_row_height (self->renderer);
  GdkRGBA color = { 0.21, 0.52, 0.89, 1 };
  double y;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];

  if (!gtk_widget_has_visible_focus (widget) || row == GTK_INVALID_LIST_POSITION)
    return;
  y = header + row * rh - scroll_y (self);
  if (y + rh <= header || y >= height)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (guint i = 0; i < 4; i++)
    colors[i] = color;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, header, width, MAX (0, height - header)));
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, y + 1, MAX (0, width - 2), rh - 2), 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  gtk_snapshot_pop (snapshot);
}

/* Tooltips --------------------------------------------------------------- */

static gboolean
query_tooltip_cb (IkouTimeline *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  IkouHit hit;
  g_autofree char *text = NULL;
  IkouStep st;
  guint id;

  if (keyboard || self->drag.kind != DRAG_NONE)
    return FALSE;
  if (!ikou_renderer_hit_test (self->renderer, scroll_x (self), scroll_y (self), x, y, &hit))
    return FALSE;

  id = ikou_system_get_id (hit.system);
  if (hit.step >= 0)
    ikou_scenario_get_step (ikou_renderer_get_scenario (self->renderer), hit.system, hit.step, &st, NULL);

  switch (hit.kind)
    {
    case IKOU_HIT_MILESTONE:
      {
        g_autofree char *date = format_day (self, ikou_step_get_milestone (&st, hit.milestone));

        text = g_strdup_printf ("%s\n%s: %s", ikou_system_get_name (hit.system),
                                ikou_milestone_label (hit.milestone), date);
      }
      break;
    case IKOU_HIT_BUILD_BAR:
      {
        g_autofree char *from = format_day (self, st.contract_date);
        g_autofree char *to = format_day (self, st.cutover_date);

        text = g_strdup_printf ("%s\n%s: %s → %s", ikou_system_get_name (hit.system),
                                _("Build period"), from, to);
      }
      break;
    case IKOU_HIT_FINDING:
      {
        GString *s = g_string_new (ikou_system_get_name (hit.system));
        GPtrArray *findings = g_hash_table_lookup (self->findings, GUINT_TO_POINTER (id));
        guint shown = 0, more = 0;

        for (guint i = 0; findings != NULL && i < findings->len; i++)
          {
            IkouFinding *f = g_ptr_array_index (findings, i);

            if (f->system_id != id)
              continue;
            if (shown < MAX_TOOLTIP_FINDINGS)
              {
                g_autofree char *message =
                  ikou_finding_format_message (f, ikou_labels_for_locale (self->era_labels));

                g_string_append_c (s, '\n');
                /* Translators: a finding in a tooltip: the rule's title, then its message */
                g_string_append_printf (s, _("%s: %s"), ikou_rule_get_title (f->rule), message);
                shown++;
              }
            else
              more++;
          }
        if (more > 0)
          {
            g_string_append_c (s, '\n');
            g_string_append_printf (s, ngettext ("and %u more finding",
                                                 "and %u more findings", more), more);
          }
        text = g_string_free (s, FALSE);
      }
      break;
    case IKOU_HIT_ROW:
      text = g_strdup (ikou_system_get_name (hit.system));
      break;
    case IKOU_HIT_NONE:
    default:
      return FALSE;
    }

  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Model signals ---------------------------------------------------------- */

static void
system_changed_cb (IkouTimeline *self,
                   IkouSystem   *system)
{
  IkouDay first, last;

  ikou_renderer_get_range (self->renderer, &first, &last);
  {
    IkouDay f = first, l = last;

    widen_range_for_system (self, system, &f, &l, FALSE);
    if (f != first || l != last)
      {
        double old_x = scroll_x (self);
        double shift = ikou_renderer_x_for_day (self->renderer, first);

        ikou_renderer_set_range (self->renderer, f, l);
        /* Keep the view where it was when the range grows to the left. */
        shift = ikou_renderer_x_for_day (self->renderer, first) - shift;
        configure_hadjustment (self, old_x + shift);
        gtk_widget_queue_allocate (GTK_WIDGET (self));
      }
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rows_changed_cb (IkouTimeline *self)
{
  sync_selected (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed_cb (IkouTimeline *self)
{
  sync_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* First view ------------------------------------------------------------- */

/* Where a newly opened plan is shown: a range holding today and the
 * deadline, as much of the plan's own dates around them as fits (its
 * coming dates first), or the plan's dates alone when they are further
 * than a view's width from both. */
static void
show_first_view (IkouTimeline *self)
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
  configure_hadjustment (self, left);
}

/* GtkWidget -------------------------------------------------------------- */

static void
ikou_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* The cairo node records in logical pixels; the renderer's mark
   * bitmaps must match the pixels it is rasterized to. */
  ikou_renderer_set_scale_factor (self->renderer, gtk_widget_get_scale_factor (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ikou_renderer_draw (self->renderer, cr, scroll_x (self), scroll_y (self), width, height);
  cairo_destroy (cr);
  snapshot_focus (self, snapshot, width, height);
}

static void
ikou_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = (int) MIN (ikou_renderer_get_content_width (self->renderer), 1200);
    }
  else
    {
      double header = ikou_renderer_get_header_height (self->renderer);
      double rh = ikou_renderer_get_row_height (self->renderer);

      *minimum = (int) ceil (header + rh);
      *natural = (int) ceil (header + rh * MIN (ikou_renderer_get_n_rows (self->renderer), 12));
    }
  *natural = MAX (*natural, *minimum);
}

static void
ikou_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);

  if (self->first_view_pending && self->plan != NULL && width > 0)
    {
      self->first_view_pending = FALSE;
      show_first_view (self);
    }
  else
    configure_hadjustment (self, gtk_adjustment_get_value (self->hadjustment));
  configure_vadjustment (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_present (self->drag_popover);
}

static void
ikou_timeline_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ikou_timeline_parent_class)->css_changed (widget, change);

  update_style (IKOU_TIMELINE (widget));
  gtk_widget_queue_resize (widget);
}

static void
ikou_timeline_system_setting_changed (GtkWidget         *widget,
                                      GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (ikou_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      update_style (IKOU_TIMELINE (widget));
      gtk_widget_queue_resize (widget);
    }
}

/* GObject ---------------------------------------------------------------- */

static void
ikou_timeline_dispose (GObject *object)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  drag_reset (self);
  if (self->drag_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->drag_popover));
      self->drag_popover = NULL;
      self->drag_label = NULL;
    }
  ikou_timeline_set_multi_selection (self, NULL);
  ikou_timeline_set_selection (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  ikou_timeline_set_plan (self, NULL);
  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadjustment, self);
      g_clear_object (&self->hadjustment);
    }
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vadjustment, self);
      g_clear_object (&self->vadjustment);
    }
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->findings_owner, g_ptr_array_unref);
  g_clear_object (&self->schedule);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (ikou_timeline_parent_class)->dispose (object);
}

static void
ikou_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, ikou_timeline_get_zoom (self));
      break;
    case PROP_ERA_LABELS:
      g_value_set_boolean (value, self->era_labels);
      break;
    case PROP_HEADER_HEIGHT:
      g_value_set_double (value, ikou_timeline_get_header_height (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ikou_timeline_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_ERA_LABELS:
      ikou_timeline_set_era_labels (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_vadjustment (self, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
ikou_timeline_class_init (IkouTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_timeline_dispose;
  object_class->get_property = ikou_timeline_get_property;
  object_class->set_property = ikou_timeline_set_property;

  widget_class->snapshot = ikou_timeline_snapshot;
  widget_class->measure = ikou_timeline_measure;
  widget_class->size_allocate = ikou_timeline_size_allocate;
  widget_class->css_changed = ikou_timeline_css_changed;
  widget_class->system_setting_changed = ikou_timeline_system_setting_changed;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, 0, IKOU_N_ZOOMS - 1, IKOU_ZOOM_MONTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERA_LABELS] =
    g_param_spec_boolean ("era-labels", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HEADER_HEIGHT] =
    g_param_spec_double ("header-height", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

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
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.cancel-drag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "timeline.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "timeline.move-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "timeline.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "timeline.move-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);

  /* Moving about with the keys, as in the list: a row up or down, a page,
   * the first or last system (Ctrl+Home/End); along the row, the
   * previous or next milestone (←/→) and the first or last (Home/End). */
  for (guint i = 0; i < G_N_ELEMENTS (navigation_actions); i++)
    gtk_widget_class_install_action (widget_class, navigation_actions[i], NULL, navigate_action);
  {
    const struct { guint key; GdkModifierType mods; Navigation nav; } keys[] = {
      { GDK_KEY_Up, 0, NAV_ROW_UP }, { GDK_KEY_KP_Up, 0, NAV_ROW_UP },
      { GDK_KEY_Down, 0, NAV_ROW_DOWN }, { GDK_KEY_KP_Down, 0, NAV_ROW_DOWN },
      { GDK_KEY_Page_Up, 0, NAV_PAGE_UP }, { GDK_KEY_KP_Page_Up, 0, NAV_PAGE_UP },
      { GDK_KEY_Page_Down, 0, NAV_PAGE_DOWN }, { GDK_KEY_KP_Page_Down, 0, NAV_PAGE_DOWN },
      { GDK_KEY_Home, GDK_CONTROL_MASK, NAV_FIRST_ROW }, { GDK_KEY_KP_Home, GDK_CONTROL_MASK, NAV_FIRST_ROW },
      { GDK_KEY_End, GDK_CONTROL_MASK, NAV_LAST_ROW }, { GDK_KEY_KP_End, GDK_CONTROL_MASK, NAV_LAST_ROW },
      { GDK_KEY_Left, 0, NAV_PREVIOUS_MILESTONE }, { GDK_KEY_KP_Left, 0, NAV_PREVIOUS_MILESTONE },
      { GDK_KEY_Right, 0, NAV_NEXT_MILESTONE }, { GDK_KEY_KP_Right, 0, NAV_NEXT_MILESTONE },
      { GDK_KEY_Home, 0, NAV_FIRST_MILESTONE }, { GDK_KEY_KP_Home, 0, NAV_FIRST_MILESTONE },
      { GDK_KEY_End, 0, NAV_LAST_MILESTONE }, { GDK_KEY_KP_End, 0, NAV_LAST_MILESTONE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods,
                                           navigation_actions[keys[i].nav], NULL);
  }

  gtk_widget_class_set_css_name (widget_class, "ikou-timeline");
}

static void
ikou_timeline_init (IkouTimeline *self)
{
  GtkEventController *scroll;
  GtkWidget *label;

  self->renderer = ikou_renderer_new ();
  self->findings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->today = ikou_day_today ();
  self->sel_step = -1;
  ikou_renderer_set_today (self->renderer, self->today);
  update_range (self);

  set_hadjustment (self, NULL);
  set_vadjustment (self, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Migration roadmap"),
                                  -1);

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag_gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

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

  update_actions (self);
}

/* Public ----------------------------------------------------------------- */

GtkWidget *
ikou_timeline_new (void)
{
  return g_object_new (IKOU_TYPE_TIMELINE, NULL);
}

IkouRenderer *
ikou_timeline_get_renderer (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), NULL);

  return self->renderer;
}

void
ikou_timeline_set_plan (IkouTimeline *self,
                        IkouPlan     *plan)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->drag.kind != DRAG_NONE)
    cancel_drag (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (self->renderer != NULL)
    {
      ikou_renderer_set_plan (self->renderer, plan);
      update_range (self);
    }
  self->first_view_pending = plan != NULL;
  if (plan != NULL)
    {
      g_signal_connect_object (plan, "system-changed", G_CALLBACK (system_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "hosts-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                               G_CONNECT_SWAPPED);
      if (self->selection == NULL)
        g_signal_connect_object (plan, "items-changed", G_CALLBACK (rows_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
view_changed_cb (IkouTimeline *self,
                 guint         system_id)
{
  IkouSystem *system = self->plan != NULL ? ikou_plan_lookup_system (self->plan, system_id) : NULL;

  /* Baseline edits come through the plan's ::system-changed already. */
  if (system != NULL && ikou_document_get_active_scenario (self->document) != NULL)
    system_changed_cb (self, system);
}

static void
sync_scenarios (IkouTimeline *self)
{
  IkouScenario *active = NULL;
  IkouScenario *compare = NULL;
  gboolean comparing = FALSE;

  if (self->document != NULL)
    {
      active = ikou_document_get_active_scenario (self->document);
      comparing = ikou_document_get_comparing (self->document);
      compare = ikou_document_get_compare_scenario (self->document);
    }
  if (self->drag.kind != DRAG_NONE)
    cancel_drag (self);
  ikou_renderer_set_scenario (self->renderer, active);
  ikou_renderer_set_compare (self->renderer, comparing, compare);
  update_range (self);
  update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ikou_timeline_set_document (IkouTimeline *self,
                            IkouDocument *document)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->drag.kind != DRAG_NONE)
    cancel_drag (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "view-changed", G_CALLBACK (view_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::active-scenario", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::comparing", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::compare-scenario", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
    }
  ikou_timeline_set_plan (self, document != NULL ? ikou_document_get_plan (document) : NULL);
  sync_scenarios (self);
}

void
ikou_timeline_set_schedule (IkouTimeline *self,
                            IkouSchedule *schedule)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
  ikou_renderer_set_schedule (self->renderer, schedule);
  update_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ikou_timeline_set_selection (IkouTimeline       *self,
                             GtkSingleSelection *selection)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (self->renderer != NULL)
    ikou_renderer_set_rows (self->renderer, selection ? G_LIST_MODEL (selection) : NULL);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "items-changed", G_CALLBACK (rows_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::selected",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->renderer != NULL)
    {
      sync_selected (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

void
ikou_timeline_set_findings (IkouTimeline *self,
                            GPtrArray    *findings)
{
  GPtrArray *old_owner;

  g_return_if_fail (IKOU_IS_TIMELINE (self));

  /* Per system, arrays borrowing the findings of @findings (kept alive
   * by a reference to it). */
  old_owner = g_steal_pointer (&self->findings_owner);
  g_hash_table_remove_all (self->findings);
  if (findings != NULL)
    {
      self->findings_owner = g_ptr_array_ref (findings);
      for (guint i = 0; i < findings->len; i++)
        {
          IkouFinding *finding = g_ptr_array_index (findings, i);
          gpointer key = GUINT_TO_POINTER (finding->system_id);
          GPtrArray *mine = g_hash_table_lookup (self->findings, key);

          if (mine == NULL)
            g_hash_table_insert (self->findings, key, mine = g_ptr_array_new ());
          g_ptr_array_add (mine, finding);
        }
    }
  g_clear_pointer (&old_owner, g_ptr_array_unref);

  ikou_renderer_set_findings (self->renderer, findings);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ikou_timeline_set_findings_by_system (IkouTimeline *self,
                                      GPtrArray    *per_system)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  g_hash_table_remove_all (self->findings);
  ikou_renderer_set_findings (self->renderer, NULL);
  for (guint i = 0; per_system != NULL && i < per_system->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (per_system, i);
      guint id;

      if (findings == NULL || findings->len == 0)
        continue;
      id = ((const IkouFinding *) g_ptr_array_index (findings, 0))->system_id;
      g_hash_table_insert (self->findings, GUINT_TO_POINTER (id), g_ptr_array_ref (findings));
      ikou_renderer_set_system_findings (self->renderer, id, findings);
    }
  g_clear_pointer (&self->findings_owner, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ikou_timeline_set_system_findings (IkouTimeline *self,
                                   guint         system_id,
                                   GPtrArray    *findings)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (findings != NULL && findings->len > 0)
    g_hash_table_insert (self->findings, GUINT_TO_POINTER (system_id),
                         g_ptr_array_ref (findings));
  else
    g_hash_table_remove (self->findings, GUINT_TO_POINTER (system_id));
  ikou_renderer_set_system_findings (self->renderer, system_id, findings);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ikou_timeline_is_dragging (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), FALSE);

  return self->drag.kind != DRAG_NONE;
}

void
ikou_timeline_set_read_only (IkouTimeline *self,
                             gboolean      read_only)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (self->read_only == !!read_only)
    return;
  self->read_only = !!read_only;
  if (self->renderer != NULL)
    update_actions (self);
}

void
ikou_timeline_set_today (IkouTimeline *self,
                         IkouDay       today)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  self->today = today;
  ikou_renderer_set_today (self->renderer, today);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ikou_timeline_set_zoom (IkouTimeline *self,
                        IkouZoom      zoom)
{
  double width;
  double centre_x;
  IkouDay centre;
  double fraction;
  double px_per_day;

  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail ((guint) zoom < IKOU_N_ZOOMS);

  if (ikou_renderer_get_zoom (self->renderer) == zoom)
    return;

  /* Keep the date at the centre of the view where it is. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  centre_x = scroll_x (self) + width / 2;
  px_per_day = ikou_renderer_get_px_per_day (self->renderer);
  centre = ikou_renderer_day_for_x (self->renderer, centre_x);
  fraction = (centre_x - ikou_renderer_x_for_day (self->renderer, centre)) / px_per_day;

  ikou_renderer_set_zoom (self->renderer, zoom);
  px_per_day = ikou_renderer_get_px_per_day (self->renderer);
  configure_hadjustment (self, ikou_renderer_x_for_day (self->renderer, centre) +
                               fraction * px_per_day - width / 2);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

IkouZoom
ikou_timeline_get_zoom (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), IKOU_ZOOM_MONTH);

  return ikou_renderer_get_zoom (self->renderer);
}

void
ikou_timeline_set_era_labels (IkouTimeline *self,
                              gboolean      era_labels)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  era_labels = !!era_labels;
  if (self->era_labels == era_labels)
    return;
  self->era_labels = era_labels;
  update_style (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA_LABELS]);
}

void
ikou_timeline_set_row_height (IkouTimeline *self,
                              double        row_height)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (row_height >= 4);

  ikou_renderer_set_row_height (self->renderer, row_height);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
ikou_timeline_get_header_height (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), 0);

  return ceil (ikou_renderer_get_header_height (self->renderer));
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
  value = scroll_x (self);
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
ikou_timeline_set_multi_selection (IkouTimeline  *self,
                                   IkouSelection *multi)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (multi == NULL || IKOU_IS_SELECTION (multi));

  if (self->multi == multi)
    return;
  if (self->multi != NULL)
    g_signal_handlers_disconnect_by_data (self->multi, self);
  g_set_object (&self->multi, multi);
  if (multi != NULL)
    g_signal_connect_object (multi, "selection-changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->renderer != NULL)
    {
      sync_selected (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
ikou_timeline_select_milestone (IkouTimeline  *self,
                                guint          row,
                                int            step,
                                IkouMilestone  milestone)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, row);
  self->sel_step = step;
  self->sel_milestone = milestone;
  ikou_renderer_set_selected_milestone (self->renderer, step, milestone);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ikou_timeline_get_selected_milestone (IkouTimeline   *self,
                                      IkouSystem    **system,
                                      int            *step,
                                      IkouMilestone  *milestone)
{
  IkouSystem *selected;

  g_return_val_if_fail (IKOU_IS_TIMELINE (self), FALSE);

  selected = selected_system (self);
  if (system)
    *system = selected;
  if (step)
    *step = selected ? self->sel_step : -1;
  if (milestone)
    *milestone = self->sel_milestone;
  return selected != NULL && self->sel_step >= 0;
}

IkouDay
ikou_timeline_get_drag_day (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), IKOU_DAY_NONE);

  return self->drag.kind != DRAG_NONE && self->drag.moved ? self->drag.day : IKOU_DAY_NONE;
}

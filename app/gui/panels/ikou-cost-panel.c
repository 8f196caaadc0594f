/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-cost-panel.h"
#include "ikou-gui-util.h"

struct _IkouCostPanel
{
  GtkWidget      parent_instance;

  IkouDocument  *document;
  IkouTimeline  *timeline;
  GtkAdjustment *hadjustment;
  IkouCostChart *chart;

  /* What the budgets were computed for. */
  gboolean       stale;
  IkouDay        first;
  IkouDay        last;
  guint          n_updates;

  /* The keyboard's fiscal year (0: none yet) and its amounts, shown in
   * a popover while the panel has the focus. */
  int            focus_fy;
  gboolean       focused;       /* between the focus controller's enter and leave */
  GtkWidget     *popover;
  GtkWidget     *popover_label;
  guint          sync_id;
};

G_DEFINE_FINAL_TYPE (IkouCostPanel, ikou_cost_panel, GTK_TYPE_WIDGET)

static void queue_sync_focus (IkouCostPanel *self);

static void
mark_stale (IkouCostPanel *self)
{
  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_sync_focus (self);
}

/* The budgets cover the fiscal years of the roadmap's range. */
static void
update_budgets (IkouCostPanel *self)
{
  IkouRenderer *renderer;
  IkouPlan *plan;
  IkouDay first, last;
  int first_fy, last_fy;
  IkouBudget *budget, *compare = NULL;
  IkouScenario *active, *other = NULL;
  const char *names[2] = { NULL, NULL };

  if (self->document == NULL || self->timeline == NULL)
    {
      ikou_cost_chart_set_budgets (self->chart, NULL, NULL);
      return;
    }

  renderer = ikou_timeline_get_renderer (self->timeline);
  ikou_renderer_get_range (renderer, &first, &last);
  if (!self->stale && first == self->first && last == self->last)
    return;

  plan = ikou_document_get_plan (self->document);
  first_fy = CLAMP (ikou_fiscal_year (first), IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
  last_fy = CLAMP (ikou_fiscal_year (last), first_fy, IKOU_PLAN_MAX_FY);
  active = ikou_document_get_active_scenario (self->document);
  budget = ikou_budget_compute (plan, active, first_fy, last_fy);
  names[0] = active != NULL ? ikou_scenario_get_name (active) : C_("scenario", "Baseline Plan");
  if (ikou_document_get_comparing (self->document))
    {
      other = ikou_document_get_compare_scenario (self->document);
      compare = ikou_budget_compute (plan, other, first_fy, last_fy);
      names[1] = other != NULL ? ikou_scenario_get_name (other) : C_("scenario", "Baseline Plan");
    }
  ikou_cost_chart_set_budgets (self->chart, budget, compare);
  ikou_cost_chart_set_names (self->chart, names[0], names[1]);

  self->first = first;
  self->last = last;
  self->stale = FALSE;
  self->n_updates++;
}

/* Puts the chart where the panel is: its bars under the timeline's
 * fiscal years, the legend and scale left of the timeline. */
static void
update_geometry (IkouCostPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double left = 0;

  if (self->timeline != NULL)
    {
      IkouRenderer *renderer = ikou_timeline_get_renderer (self->timeline);
      graphene_point_t origin;
      double scroll = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;

      if (gtk_widget_compute_point (GTK_WIDGET (self->timeline), widget,
                                    &GRAPHENE_POINT_INIT (0, 0), &origin))
        left = origin.x;
      ikou_cost_chart_set_style (self->chart, ikou_renderer_get_style (renderer));
      ikou_cost_chart_set_axis_from_renderer (self->chart, renderer, left - scroll);
    }
  ikou_cost_chart_set_area (self->chart, 0, 0, width, height, MAX (left, 0));
}

IkouCostChart *
ikou_cost_panel_get_chart (IkouCostPanel *self)
{
  g_return_val_if_fail (IKOU_IS_COST_PANEL (self), NULL);

  update_budgets (self);
  update_geometry (self);
  return self->chart;
}

guint
ikou_cost_panel_get_n_updates (IkouCostPanel *self)
{
  g_return_val_if_fail (IKOU_IS_COST_PANEL (self), 0);

  return self->n_updates;
}

/* The keyboard ------------------------------------------------------------ */

/* The columns of @fy (both plans' bars in compare mode), in the panel's
 * coordinates; FALSE when the budgets do not cover it. */
static gboolean
year_rect (IkouCostPanel   *self,
           int              fy,
           graphene_rect_t *rect,
           IkouCostBar     *first_bar)
{
  gboolean found = FALSE;
  double left = 0, right = 0, bottom = 0;
  IkouCostBar bar;

  for (guint i = 0; i < ikou_cost_chart_get_n_bars (self->chart); i++)
    {
      if (!ikou_cost_chart_get_bar (self->chart, i, &bar) || bar.fiscal_year != fy)
        continue;
      if (!found && first_bar != NULL)
        *first_bar = bar;
      left = found ? MIN (left, bar.x) : bar.x;
      right = found ? MAX (right, bar.x + bar.width) : bar.x + bar.width;
      bottom = MAX (bottom, bar.bottom);
      found = TRUE;
    }
  if (found && rect != NULL)
    graphene_rect_init (rect, left, 0, right - left, bottom);
  return found;
}

static void
year_span (IkouCostPanel *self,
           int           *first_fy,
           int           *last_fy)
{
  const IkouBudget *budget = ikou_cost_chart_get_budget (self->chart, 0);

  *first_fy = budget != NULL ? budget->first_fy : 0;
  *last_fy = budget != NULL ? budget->last_fy : -1;
}

/* Where the bars begin: under the roadmap's time area. */
static double
plot_left (IkouCostPanel *self)
{
  graphene_point_t origin;

  if (self->timeline == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->timeline), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &origin))
    return 0;
  return MAX (origin.x, 0);
}

/* Where the keyboard starts: the fiscal year of today, else the first
 * one in sight. */
static int
starting_year (IkouCostPanel *self)
{
  int first_fy, last_fy, fy;
  double left = 0;
  graphene_rect_t rect;

  year_span (self, &first_fy, &last_fy);
  if (first_fy > last_fy)
    return 0;
  fy = self->document != NULL ? ikou_fiscal_year (ikou_document_get_today (self->document)) : 0;
  if (fy >= first_fy && fy <= last_fy)
    return fy;
  left = plot_left (self);
  for (fy = first_fy; fy <= last_fy; fy++)
    if (year_rect (self, fy, &rect, NULL) && rect.origin.x >= left)
      return fy;
  return first_fy;
}

/* Scrolls the roadmap (and so the bars) to show @rect whole. */
static void
scroll_to (IkouCostPanel         *self,
           const graphene_rect_t *rect)
{
  double left = plot_left (self), width = gtk_widget_get_width (GTK_WIDGET (self));
  double delta = 0;

  if (self->hadjustment == NULL)
    return;
  if (rect->origin.x < left)
    delta = rect->origin.x - left - rect->size.width;
  else if (rect->origin.x + rect->size.width > width)
    delta = rect->origin.x + 2 * rect->size.width - width;
  if (delta != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + delta);
}

/* The popover, the highlight and what assistive technologies read
 * follow the keyboard's year and the budgets. */
static void
sync_focus (IkouCostPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  IkouCostBar bar;

  if (!gtk_widget_get_mapped (widget))
    return;
  ikou_cost_panel_get_chart (self);
  if (self->focus_fy != 0 && year_rect (self, self->focus_fy, &rect, &bar))
    text = ikou_cost_chart_dup_bar_text (self->chart, &bar);
  else
    self->focus_fy = 0;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
  if (text == NULL || !self->focused)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->popover_label), text);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) rect.origin.x, (int) bar.top,
                                                 MAX ((int) rect.size.width, 1), 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* After the edit or scroll that called it, once. */
static void
queue_sync_focus (IkouCostPanel *self)
{
  if (self->focus_fy != 0)
    ikou_idle_once (&self->sync_id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) sync_focus, self);
}

static void
move_to_year (IkouCostPanel *self,
              int            fy)
{
  graphene_rect_t rect;
  int first_fy, last_fy;

  ikou_cost_panel_get_chart (self);
  year_span (self, &first_fy, &last_fy);
  if (first_fy > last_fy)
    return;
  self->focus_fy = CLAMP (fy, first_fy, last_fy);
  if (year_rect (self, self->focus_fy, &rect, NULL))
    scroll_to (self, &rect);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  sync_focus (self);
}

static gboolean
key_move_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  IkouCostPanel *self = IKOU_COST_PANEL (widget);
  const char *where = g_variant_get_string (args, NULL);
  int first_fy, last_fy;

  ikou_cost_panel_get_chart (self);
  year_span (self, &first_fy, &last_fy);
  if (first_fy > last_fy)
    return FALSE;
  if (self->focus_fy == 0)
    self->focus_fy = starting_year (self);
  if (g_str_equal (where, "previous"))
    move_to_year (self, self->focus_fy - 1);
  else if (g_str_equal (where, "next"))
    move_to_year (self, self->focus_fy + 1);
  else if (g_str_equal (where, "first"))
    move_to_year (self, first_fy);
  else
    move_to_year (self, last_fy);
  return TRUE;
}

static void
focus_enter_cb (IkouCostPanel *self)
{
  self->focused = TRUE;
  ikou_cost_panel_get_chart (self);
  if (self->focus_fy == 0)
    self->focus_fy = starting_year (self);
  move_to_year (self, self->focus_fy);
}

static void
focus_leave_cb (IkouCostPanel *self)
{
  self->focused = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ikou_cost_panel_get_focus_year (IkouCostPanel *self)
{
  g_return_val_if_fail (IKOU_IS_COST_PANEL (self), 0);
  return self->focus_fy;
}

const char *
ikou_cost_panel_get_focus_text (IkouCostPanel *self)
{
  g_return_val_if_fail (IKOU_IS_COST_PANEL (self), NULL);

  if (self->focus_fy == 0 || !gtk_widget_get_visible (self->popover))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->popover_label));
}

/* Drawing ------------------------------------------------------------------- */

/* A frame around the keyboard's year, in the colour of focus rings. */
static void
draw_focus (IkouCostPanel *self,
            cairo_t       *cr)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkRGBA color = { 0.21, 0.52, 0.89, 1 };
  graphene_rect_t rect;

  if (self->focus_fy == 0 || !self->focused ||
      !year_rect (self, self->focus_fy, &rect, NULL))
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, "accent_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, rect.origin.x - 3, 3, rect.size.width + 6, rect.size.height - 1);
  cairo_stroke (cr);
}

static void
ikou_cost_panel_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IkouCostPanel *self = IKOU_COST_PANEL (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ikou_cost_panel_get_chart (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ikou_cost_chart_draw (self->chart, cr);
  draw_focus (self, cr);
  cairo_destroy (cr);
}

static void
ikou_cost_panel_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IkouCostPanel *self = IKOU_COST_PANEL (widget);

  gtk_popover_present (GTK_POPOVER (self->popover));
  queue_sync_focus (self);
}

char *
ikou_cost_panel_dup_tooltip (IkouCostPanel *self,
                             double         x,
                             double         y)
{
  IkouCostBar bar;

  g_return_val_if_fail (IKOU_IS_COST_PANEL (self), NULL);

  ikou_cost_panel_get_chart (self);
  if (!ikou_cost_chart_hit_test (self->chart, x, y, &bar))
    return NULL;
  return ikou_cost_chart_dup_bar_text (self->chart, &bar);
}

static gboolean
ikou_cost_panel_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = ikou_cost_panel_dup_tooltip (IKOU_COST_PANEL (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ikou_cost_panel_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 180;
}

static void
set_hadjustment (IkouCostPanel *self,
                 GtkAdjustment *adjustment)
{
  if (self->hadjustment == adjustment)
    return;
  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadjustment, self);
      g_clear_object (&self->hadjustment);
    }
  if (adjustment == NULL)
    return;
  self->hadjustment = g_object_ref (adjustment);
  /* Scrolling, zooming and resizing the roadmap all reach it. */
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  /* The popover follows its year. */
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (queue_sync_focus), self);
}

static void
timeline_hadjustment_cb (IkouCostPanel *self)
{
  set_hadjustment (self, gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->timeline)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ikou_cost_panel_set_timeline (IkouCostPanel *self,
                              IkouTimeline  *timeline)
{
  g_return_if_fail (IKOU_IS_COST_PANEL (self));
  g_return_if_fail (timeline == NULL || IKOU_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;
  if (self->timeline != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->timeline, self);
      set_hadjustment (self, NULL);
      g_clear_object (&self->timeline);
    }
  if (timeline != NULL)
    {
      self->timeline = g_object_ref (timeline);
      g_signal_connect_swapped (timeline, "notify::hadjustment",
                                G_CALLBACK (timeline_hadjustment_cb), self);
      /* A new zoom or range changes the bars' places; a style change
       * (theme, font, era labels) their look. */
      g_signal_connect_swapped (timeline, "notify::zoom", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (timeline, "notify::era-labels", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (timeline, "notify::header-height", G_CALLBACK (gtk_widget_queue_draw), self);
      timeline_hadjustment_cb (self);
    }
  mark_stale (self);
}

void
ikou_cost_panel_set_document (IkouCostPanel *self,
                              IkouDocument  *document)
{
  /* Edits, undo and redo of the plan or of a scenario, and another
   * plan shown or compared: computed again at the next draw. */
  static const char * const document_signals[] = {
    "view-changed", "notify::active-scenario", "notify::compare-scenario",
    "notify::comparing", NULL
  };
  static const char * const plan_signals[] = { "changed", NULL };

  g_return_if_fail (IKOU_IS_COST_PANEL (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (ikou_follow_document (&self->document, document, self, G_CALLBACK (mark_stale),
                            document_signals, plan_signals))
    mark_stale (self);
}

static void
ikou_cost_panel_dispose (GObject *object)
{
  IkouCostPanel *self = IKOU_COST_PANEL (object);

  ikou_cost_panel_set_document (self, NULL);
  ikou_cost_panel_set_timeline (self, NULL);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (ikou_cost_panel_parent_class)->dispose (object);
}

static void
ikou_cost_panel_finalize (GObject *object)
{
  IkouCostPanel *self = IKOU_COST_PANEL (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (ikou_cost_panel_parent_class)->finalize (object);
}

static void
ikou_cost_panel_class_init (IkouCostPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_cost_panel_dispose;
  object_class->finalize = ikou_cost_panel_finalize;
  widget_class->snapshot = ikou_cost_panel_snapshot;
  widget_class->measure = ikou_cost_panel_measure;
  widget_class->query_tooltip = ikou_cost_panel_query_tooltip;
  widget_class->size_allocate = ikou_cost_panel_size_allocate;

  /* Left and Right move from one fiscal year to the next, Home and End
   * to the first and the last. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, key_move_cb, "s", "previous");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, key_move_cb, "s", "previous");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, key_move_cb, "s", "next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, key_move_cb, "s", "next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, key_move_cb, "s", "first");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, key_move_cb, "s", "first");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, key_move_cb, "s", "last");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_End, 0, key_move_cb, "s", "last");

  gtk_widget_class_set_css_name (widget_class, "ikou-cost-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ikou_cost_panel_init (IkouCostPanel *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->chart = ikou_cost_chart_new ();
  self->stale = TRUE;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Costs per fiscal year"), -1);

  /* The amounts of the keyboard's year, as hovering shows them; the
   * focus stays on the panel. */
  self->popover_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_label), 0);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_label);
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_TOP);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
ikou_cost_panel_new (void)
{
  return g_object_new (IKOU_TYPE_COST_PANEL, NULL);
}

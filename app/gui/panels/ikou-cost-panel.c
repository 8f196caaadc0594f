/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-cost-panel.h"

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
};

G_DEFINE_FINAL_TYPE (IkouCostPanel, ikou_cost_panel, GTK_TYPE_WIDGET)

static void
mark_stale (IkouCostPanel *self)
{
  self->stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  cairo_destroy (cr);
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
  g_return_if_fail (IKOU_IS_COST_PANEL (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (ikou_document_get_plan (self->document), self);
      g_clear_object (&self->document);
    }
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      /* Edits, undo and redo of the plan or of a scenario, and another
       * plan shown or compared: computed again at the next draw. */
      g_signal_connect_swapped (ikou_document_get_plan (document), "changed",
                                G_CALLBACK (mark_stale), self);
      g_signal_connect_swapped (document, "view-changed", G_CALLBACK (mark_stale), self);
      g_signal_connect_swapped (document, "notify::active-scenario", G_CALLBACK (mark_stale), self);
      g_signal_connect_swapped (document, "notify::compare-scenario", G_CALLBACK (mark_stale), self);
      g_signal_connect_swapped (document, "notify::comparing", G_CALLBACK (mark_stale), self);
    }
  mark_stale (self);
}

static void
ikou_cost_panel_dispose (GObject *object)
{
  IkouCostPanel *self = IKOU_COST_PANEL (object);

  ikou_cost_panel_set_document (self, NULL);
  ikou_cost_panel_set_timeline (self, NULL);

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

  gtk_widget_class_set_css_name (widget_class, "ikou-cost-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ikou_cost_panel_init (IkouCostPanel *self)
{
  self->chart = ikou_cost_chart_new ();
  self->stale = TRUE;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Costs per fiscal year"), -1);
}

GtkWidget *
ikou_cost_panel_new (void)
{
  return g_object_new (IKOU_TYPE_COST_PANEL, NULL);
}

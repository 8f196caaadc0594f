/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-budget.h"
#include "ikou-calendar.h"
#include "ikou-cost-cache.h"
#include "ikou-cost-panel.h"
#include "ikou-gui-util.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* The costs in the window: the panel under the roadmap (costs.show-panel,
 * F7) and the list's column of each system's costs (costs.show-column),
 * both remembered in the settings.
 *
 * The column shows what a system costs of its own over the fiscal years
 * the roadmap shows: its steps' amounts plus its own running cost
 * (hosts' running costs are shared by all systems on a host and are in
 * the panel only).  Its cells are refreshed at most once per frame after
 * edits.  Each system's totals are computed once (IkouCostCache) and
 * read by its cell and by every comparison while the list is sorted by
 * the column. */

typedef struct
{
  IkouWindow   *window;
  GtkWidget    *label;
  IkouSystem   *system;
  gint64        one_time;
  gint64        running;
} CostCell;

typedef struct
{
  IkouWindow    *window;
  GPtrArray     *cells;      /* CostCell *, the live ones */
  IkouDocument  *document;
  IkouCostCache *cache;
  guint          idle_id;
  /* The roadmap's range and its fiscal years, worked out once for it. */
  IkouDay        range_first;
  IkouDay        range_last;
  int            first_fy;
  int            last_fy;
} CostColumn;

static CostColumn *
cost_column (IkouWindow *self)
{
  return g_object_get_data (G_OBJECT (self->cost_column), "ikou-cost-column");
}

/* The fiscal years of the roadmap. */
static void
shown_fiscal_years (IkouWindow *self,
                    int        *first_fy,
                    int        *last_fy)
{
  CostColumn *column = cost_column (self);
  IkouDay first, last;

  ikou_renderer_get_range (ikou_timeline_get_renderer (IKOU_TIMELINE (self->timeline)),
                           &first, &last);
  if (first != column->range_first || last != column->range_last)
    {
      column->range_first = first;
      column->range_last = last;
      column->first_fy = CLAMP (ikou_fiscal_year (first), IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
      column->last_fy = CLAMP (ikou_fiscal_year (last), column->first_fy, IKOU_PLAN_MAX_FY);
    }
  *first_fy = column->first_fy;
  *last_fy = column->last_fy;
}

static void
system_costs (IkouWindow *self,
              IkouSystem *system,
              gint64     *one_time,
              gint64     *running)
{
  CostColumn *column = cost_column (self);
  int first_fy, last_fy;

  *one_time = *running = 0;
  if (column->cache == NULL || system == NULL)
    return;
  shown_fiscal_years (self, &first_fy, &last_fy);
  ikou_cost_cache_get (column->cache, system, first_fy, last_fy, one_time, running);
}

static void
cost_cell_update (CostCell *cell)
{
  g_autofree char *text = NULL;

  system_costs (cell->window, cell->system, &cell->one_time, &cell->running);
  if (cell->system != NULL && cell->one_time + cell->running > 0)
    text = ikou_cost_format_amount (cell->one_time + cell->running);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell->label), text);
}

static gboolean
cost_cell_query_tooltip_cb (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip,
                            CostCell   *cell)
{
  g_autofree char *one_time = NULL, *running = NULL, *range = NULL, *text = NULL;
  IkouLabels labels = ikou_labels_for_locale (cell->window->era_labels);
  g_autofree char *first = NULL, *last = NULL;
  int first_fy, last_fy;

  if (cell->system == NULL || cell->window->document == NULL)
    return FALSE;
  shown_fiscal_years (cell->window, &first_fy, &last_fy);
  first = ikou_fiscal_year_label (first_fy, labels);
  last = ikou_fiscal_year_label (last_fy, labels);
  one_time = ikou_cost_format_amount (cell->one_time);
  running = ikou_cost_format_amount (cell->running);
  /* Translators: amounts in thousand yen, then the first and last fiscal year */
  text = g_strdup_printf (_("One-time %s + own running costs %s (thousand yen), %s to %s.\n"
                            "Hosts’ running costs are shared and shown in the cost panel only."),
                          one_time, running, first, last);
  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cost_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IkouWindow               *self)
{
  CostCell *cell = g_new0 (CostCell, 1);

  cell->window = self;
  cell->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell->label), 1.0);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell->label), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell->label), 1);
  gtk_widget_set_hexpand (cell->label, TRUE);
  gtk_widget_set_valign (cell->label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cell->label, "numeric");
  gtk_widget_set_has_tooltip (cell->label, TRUE);
  g_signal_connect (cell->label, "query-tooltip", G_CALLBACK (cost_cell_query_tooltip_cb), cell);
  gtk_list_item_set_child (item, cell->label);
  g_object_set_data_full (G_OBJECT (item), "ikou-cost-cell", cell, g_free);
  g_ptr_array_add (cost_column (self)->cells, cell);
}

static void
cost_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IkouWindow               *self)
{
  CostCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cost-cell");

  if (cell != NULL)
    {
      g_ptr_array_remove_fast (cost_column (self)->cells, cell);
      g_clear_object (&cell->system);
    }
  g_object_set_data (G_OBJECT (item), "ikou-cost-cell", NULL);
}

static void
cost_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IkouWindow               *self)
{
  CostCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cost-cell");

  g_set_object (&cell->system, gtk_list_item_get_item (item));
  cost_cell_update (cell);
}

static void
cost_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IkouWindow               *self)
{
  CostCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cost-cell");

  if (cell != NULL)
    g_clear_object (&cell->system);
}

static int
compare_costs (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IkouWindow *self = user_data;
  CostColumn *column = cost_column (self);
  int first_fy, last_fy;

  if (column->cache == NULL)
    return 0;
  shown_fiscal_years (self, &first_fy, &last_fy);
  return ikou_cost_cache_compare (column->cache, (IkouSystem *) a, (IkouSystem *) b,
                                  first_fy, last_fy);
}

static void
refresh_cells (CostColumn *column)
{
  for (guint i = 0; i < column->cells->len; i++)
    cost_cell_update (g_ptr_array_index (column->cells, i));
}

/* Once per frame at most, and not at all while the column is hidden. */
static void
queue_refresh (CostColumn *column)
{
  if (gtk_column_view_column_get_visible (column->window->cost_column))
    ikou_idle_once (&column->idle_id, G_PRIORITY_HIGH_IDLE + 20, (GSourceOnceFunc) refresh_cells,
                    column);
}

static void
set_document (CostColumn   *column,
              IkouDocument *document)
{
  static const char * const document_signals[] = {
    "view-changed", "notify::active-scenario", NULL
  };
  static const char * const plan_signals[] = { "changed", NULL };

  if (!ikou_follow_document (&column->document, document, column, G_CALLBACK (queue_refresh),
                             document_signals, plan_signals))
    return;
  g_clear_object (&column->cache);
  if (document == NULL)
    return;
  column->cache = ikou_cost_cache_new (document);
  queue_refresh (column);
}

static void
cost_column_free (gpointer data)
{
  CostColumn *column = data;

  set_document (column, NULL);
  g_clear_handle_id (&column->idle_id, g_source_remove);
  g_ptr_array_unref (column->cells);
  g_free (column);
}

static void
add_cost_column (IkouWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  CostColumn *column = g_new0 (CostColumn, 1);

  column->window = self;
  column->cells = g_ptr_array_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (cost_setup_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (cost_teardown_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cost_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cost_unbind_cb), self);

  self->cost_column = gtk_column_view_column_new (_("Costs (thousand yen)"),
                                                  g_steal_pointer (&factory));
  g_object_set_data_full (G_OBJECT (self->cost_column), "ikou-cost-column", column,
                          cost_column_free);
  gtk_column_view_column_set_resizable (self->cost_column, TRUE);
  gtk_column_view_column_set_fixed_width (self->cost_column, 130);
  gtk_column_view_column_set_visible (self->cost_column, FALSE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_costs, self, NULL));
  gtk_column_view_column_set_sorter (self->cost_column, sorter);
  /* Beside the name, where it is seen when shown: the list is narrower
   * than its columns. */
  gtk_column_view_insert_column (self->systems_view, 1, self->cost_column);
  g_object_unref (self->cost_column);  /* the view holds it */

  g_signal_connect_swapped (self->cost_column, "notify::visible", G_CALLBACK (queue_refresh),
                            column);
}

void
_ikou_window_costs_set_document (IkouWindow   *self,
                                 IkouDocument *document)
{
  if (self->cost_panel != NULL)
    ikou_cost_panel_set_document (IKOU_COST_PANEL (self->cost_panel), document);
  if (self->cost_column != NULL)
    set_document (cost_column (self), document);
}

void
_ikou_window_costs_init (IkouWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) show_panel = NULL;
  g_autoptr(GAction) show_column = NULL;

  ikou_cost_panel_set_timeline (IKOU_COST_PANEL (self->cost_panel), IKOU_TIMELINE (self->timeline));
  add_cost_column (self);

  show_panel = G_ACTION (g_property_action_new ("show-panel", self->cost_revealer, "reveal-child"));
  show_column = G_ACTION (g_property_action_new ("show-column", self->cost_column, "visible"));
  g_action_map_add_action (G_ACTION_MAP (group), show_panel);
  g_action_map_add_action (G_ACTION_MAP (group), show_column);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "costs", G_ACTION_GROUP (group));
}

void
_ikou_window_costs_attach_settings (IkouWindow *self)
{
  if (self->settings == NULL)
    return;
  g_settings_bind (self->settings, "show-costs", self->cost_revealer, "reveal-child",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-cost-column", self->cost_column, "visible",
                   G_SETTINGS_BIND_DEFAULT);
}

void
_ikou_window_class_costs_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IKOU_TYPE_COST_PANEL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "costs.show-panel", NULL);
}

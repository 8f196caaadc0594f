/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-util.h"
#include "ikou-plan-rows.h"
#include "ikou-system.h"

/* GTK 4.8's GtkFilterListModel and GtkSortListModel look at an item
 * again only when their model reports it changed: sorters and filters
 * do not watch the items (not even GtkStringSorter and GtkStringFilter
 * on a GtkPropertyExpression: a property's notify leaves the order
 * stale, tried on 4.8.3).  gtk_sorter_changed() and gtk_filter_changed()
 * would re-sort or re-filter all 34,592 rows; an ::items-changed
 * (position, 1, 1) for the edited system makes the filter look at that
 * one item and the sorter move that one item. */

struct _IkouPlanRows
{
  GObject     parent_instance;
  GListModel *model;
};

static guint
ikou_plan_rows_get_n_items (GListModel *model)
{
  IkouPlanRows *self = IKOU_PLAN_ROWS (model);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
ikou_plan_rows_get_item (GListModel *model,
                         guint       position)
{
  IkouPlanRows *self = IKOU_PLAN_ROWS (model);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

IKOU_DEFINE_FINAL_LIST_MODEL (IkouPlanRows, ikou_plan_rows, G_TYPE_OBJECT, IKOU_TYPE_SYSTEM)

static void
ikou_plan_rows_items_changed_cb (IkouPlanRows *self,
                                 guint         position,
                                 guint         removed,
                                 guint         added,
                                 GListModel   *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
ikou_plan_rows_set_model (IkouPlanRows *self,
                          GListModel   *model)
{
  guint old_n;
  guint new_n;

  g_return_if_fail (IKOU_IS_PLAN_ROWS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  old_n = ikou_plan_rows_get_n_items (G_LIST_MODEL (self));
  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, ikou_plan_rows_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (ikou_plan_rows_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  new_n = ikou_plan_rows_get_n_items (G_LIST_MODEL (self));
  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

void
ikou_plan_rows_refresh (IkouPlanRows *self,
                        guint         position)
{
  g_return_if_fail (IKOU_IS_PLAN_ROWS (self));

  if (position < ikou_plan_rows_get_n_items (G_LIST_MODEL (self)))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
ikou_plan_rows_dispose (GObject *object)
{
  ikou_plan_rows_set_model (IKOU_PLAN_ROWS (object), NULL);

  G_OBJECT_CLASS (ikou_plan_rows_parent_class)->dispose (object);
}

static void
ikou_plan_rows_class_init (IkouPlanRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ikou_plan_rows_dispose;
}

static void
ikou_plan_rows_init (IkouPlanRows *self)
{
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-selection.h"

struct _IkouSelection
{
  GObject             parent_instance;

  GtkSingleSelection *current;
  GHashTable         *ids;        /* selected system ids */
  gboolean            updating;   /* our own change of the current row */
  int                 n_shown;    /* cached count of selected rows shown; -1 unknown */
};

static void ikou_selection_list_model_init      (GListModelInterface        *iface);
static void ikou_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouSelection, ikou_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ikou_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      ikou_selection_selection_model_init))

static guint
id_at (IkouSelection *self,
       guint          position)
{
  g_autoptr(IkouSystem) system = g_list_model_get_item (G_LIST_MODEL (self->current), position);

  return system != NULL ? ikou_system_get_id (system) : 0;
}

static guint
n_rows (IkouSelection *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->current));
}

/* Every row may look different: the list redraws only the rows it has. */
static void
changed (IkouSelection *self)
{
  guint n = n_rows (self);

  self->n_shown = -1;
  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
}

static void
set_current (IkouSelection *self,
             guint          position)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->current, position);
  self->updating = FALSE;
}

/* After the current row was unselected: the first selected row shown
 * takes its place, or none. */
static void
move_current (IkouSelection *self)
{
  guint current = gtk_single_selection_get_selected (self->current);
  guint n = n_rows (self);

  if (current != GTK_INVALID_LIST_POSITION && g_hash_table_contains (self->ids,
                                                                     GUINT_TO_POINTER (id_at (self, current))))
    return;
  for (guint i = 0; i < n && g_hash_table_size (self->ids) > 0; i++)
    if (g_hash_table_contains (self->ids, GUINT_TO_POINTER (id_at (self, i))))
      {
        set_current (self, i);
        return;
      }
  set_current (self, GTK_INVALID_LIST_POSITION);
}

/* GListModel ---------------------------------------------------------------- */

static GType
ikou_selection_get_item_type (GListModel *model)
{
  return IKOU_TYPE_SYSTEM;
}

static guint
ikou_selection_get_n_items (GListModel *model)
{
  return n_rows (IKOU_SELECTION (model));
}

static gpointer
ikou_selection_get_item (GListModel *model,
                         guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (IKOU_SELECTION (model)->current), position);
}

static void
ikou_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ikou_selection_get_item_type;
  iface->get_n_items = ikou_selection_get_n_items;
  iface->get_item = ikou_selection_get_item;
}

/* GtkSelectionModel ---------------------------------------------------------- */

static gboolean
ikou_selection_is_selected (GtkSelectionModel *model,
                            guint              position)
{
  IkouSelection *self = IKOU_SELECTION (model);

  if (g_hash_table_size (self->ids) == 0)
    return FALSE;
  return g_hash_table_contains (self->ids, GUINT_TO_POINTER (id_at (self, position)));
}

static gboolean
ikou_selection_select_item (GtkSelectionModel *model,
                            guint              position,
                            gboolean           unselect_rest)
{
  IkouSelection *self = IKOU_SELECTION (model);
  guint id = id_at (self, position);

  if (id == 0)
    return FALSE;
  if (unselect_rest)
    g_hash_table_remove_all (self->ids);
  g_hash_table_add (self->ids, GUINT_TO_POINTER (id));
  set_current (self, position);
  changed (self);
  return TRUE;
}

static gboolean
ikou_selection_unselect_item (GtkSelectionModel *model,
                              guint              position)
{
  IkouSelection *self = IKOU_SELECTION (model);

  g_hash_table_remove (self->ids, GUINT_TO_POINTER (id_at (self, position)));
  move_current (self);
  changed (self);
  return TRUE;
}

static gboolean
ikou_selection_select_range (GtkSelectionModel *model,
                             guint              position,
                             guint              n_items,
                             gboolean           unselect_rest)
{
  IkouSelection *self = IKOU_SELECTION (model);
  guint n = n_rows (self);

  if (unselect_rest)
    g_hash_table_remove_all (self->ids);
  for (guint i = position; i < MIN (n, position + n_items); i++)
    g_hash_table_add (self->ids, GUINT_TO_POINTER (id_at (self, i)));
  g_hash_table_remove (self->ids, GUINT_TO_POINTER (0));
  move_current (self);
  changed (self);
  return TRUE;
}

static gboolean
ikou_selection_unselect_range (GtkSelectionModel *model,
                               guint              position,
                               guint              n_items)
{
  IkouSelection *self = IKOU_SELECTION (model);
  guint n = n_rows (self);

  for (guint i = position; i < MIN (n, position + n_items); i++)
    g_hash_table_remove (self->ids, GUINT_TO_POINTER (id_at (self, i)));
  move_current (self);
  changed (self);
  return TRUE;
}

static gboolean
ikou_selection_select_all (GtkSelectionModel *model)
{
  return ikou_selection_select_range (model, 0, n_rows (IKOU_SELECTION (model)), FALSE);
}

static gboolean
ikou_selection_unselect_all (GtkSelectionModel *model)
{
  IkouSelection *self = IKOU_SELECTION (model);

  g_hash_table_remove_all (self->ids);
  set_current (self, GTK_INVALID_LIST_POSITION);
  changed (self);
  return TRUE;
}

static gboolean
ikou_selection_set_selection (GtkSelectionModel *model,
                              GtkBitset         *selected,
                              GtkBitset         *mask)
{
  IkouSelection *self = IKOU_SELECTION (model);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, mask, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      guint id = id_at (self, position);

      if (id == 0)
        continue;
      if (gtk_bitset_contains (selected, position))
        g_hash_table_add (self->ids, GUINT_TO_POINTER (id));
      else
        g_hash_table_remove (self->ids, GUINT_TO_POINTER (id));
    }
  move_current (self);
  changed (self);
  return TRUE;
}

static void
ikou_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = ikou_selection_is_selected;
  iface->select_item = ikou_selection_select_item;
  iface->unselect_item = ikou_selection_unselect_item;
  iface->select_range = ikou_selection_select_range;
  iface->unselect_range = ikou_selection_unselect_range;
  iface->select_all = ikou_selection_select_all;
  iface->unselect_all = ikou_selection_unselect_all;
  iface->set_selection = ikou_selection_set_selection;
}

/* The current row ------------------------------------------------------------ */

static void
current_items_changed_cb (IkouSelection *self,
                          guint          position,
                          guint          removed,
                          guint          added)
{
  self->n_shown = -1;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* The current row set from elsewhere (a click in the roadmap, code). */
static void
current_notify_cb (IkouSelection *self)
{
  IkouSystem *system;

  if (self->updating)
    return;
  system = gtk_single_selection_get_selected_item (self->current);
  if (system == NULL)
    {
      if (g_hash_table_size (self->ids) == 0)
        return;
      g_hash_table_remove_all (self->ids);
    }
  else if (g_hash_table_contains (self->ids, GUINT_TO_POINTER (ikou_system_get_id (system))))
    return;
  else
    {
      g_hash_table_remove_all (self->ids);
      g_hash_table_add (self->ids, GUINT_TO_POINTER (ikou_system_get_id (system)));
    }
  changed (self);
}

/* GObject -------------------------------------------------------------------- */

static void
ikou_selection_dispose (GObject *object)
{
  IkouSelection *self = IKOU_SELECTION (object);

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (ikou_selection_parent_class)->dispose (object);
}

static void
ikou_selection_finalize (GObject *object)
{
  IkouSelection *self = IKOU_SELECTION (object);

  g_hash_table_unref (self->ids);

  G_OBJECT_CLASS (ikou_selection_parent_class)->finalize (object);
}

static void
ikou_selection_class_init (IkouSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_selection_dispose;
  object_class->finalize = ikou_selection_finalize;
}

static void
ikou_selection_init (IkouSelection *self)
{
  self->ids = g_hash_table_new (NULL, NULL);
  self->n_shown = -1;
}

IkouSelection *
ikou_selection_new (GtkSingleSelection *current)
{
  IkouSelection *self;
  IkouSystem *system;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (current), NULL);

  self = g_object_new (IKOU_TYPE_SELECTION, NULL);
  self->current = g_object_ref (current);
  system = gtk_single_selection_get_selected_item (current);
  if (system != NULL)
    g_hash_table_add (self->ids, GUINT_TO_POINTER (ikou_system_get_id (system)));
  g_signal_connect_object (current, "items-changed",
                           G_CALLBACK (current_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (current, "notify::selected-item",
                           G_CALLBACK (current_notify_cb), self, G_CONNECT_SWAPPED);
  return self;
}

GtkSingleSelection *
ikou_selection_get_current (IkouSelection *self)
{
  g_return_val_if_fail (IKOU_IS_SELECTION (self), NULL);

  return self->current;
}

guint
ikou_selection_get_n_selected (IkouSelection *self)
{
  g_return_val_if_fail (IKOU_IS_SELECTION (self), 0);

  if (self->n_shown < 0)
    {
      guint n = n_rows (self);
      guint count = 0;

      for (guint i = 0; i < n && count < g_hash_table_size (self->ids); i++)
        if (g_hash_table_contains (self->ids, GUINT_TO_POINTER (id_at (self, i))))
          count++;
      self->n_shown = (int) count;
    }
  return (guint) self->n_shown;
}

gboolean
ikou_selection_contains (IkouSelection *self,
                         guint          system_id)
{
  g_return_val_if_fail (IKOU_IS_SELECTION (self), FALSE);

  return g_hash_table_contains (self->ids, GUINT_TO_POINTER (system_id));
}

GHashTable *
ikou_selection_get_ids (IkouSelection *self)
{
  g_return_val_if_fail (IKOU_IS_SELECTION (self), NULL);

  return self->ids;
}

GPtrArray *
ikou_selection_dup_systems (IkouSelection *self)
{
  GPtrArray *systems;
  guint n;

  g_return_val_if_fail (IKOU_IS_SELECTION (self), NULL);

  systems = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_hash_table_size (self->ids) > 0 ? n_rows (self) : 0;
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = g_list_model_get_item (G_LIST_MODEL (self->current), i);

      if (g_hash_table_contains (self->ids, GUINT_TO_POINTER (ikou_system_get_id (system))))
        g_ptr_array_add (systems, system);
      else
        g_object_unref (system);
    }
  return systems;
}

void
ikou_selection_select_systems (IkouSelection *self,
                               GPtrArray     *systems)
{
  guint n, first = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (IKOU_IS_SELECTION (self));
  g_return_if_fail (systems != NULL);

  g_hash_table_remove_all (self->ids);
  for (guint i = 0; i < systems->len; i++)
    g_hash_table_add (self->ids, GUINT_TO_POINTER (ikou_system_get_id (g_ptr_array_index (systems, i))));

  /* Only the rows shown count. */
  n = n_rows (self);
  {
    g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
    GHashTableIter iter;
    gpointer key;

    for (guint i = 0; i < n; i++)
      {
        guint id = id_at (self, i);

        if (g_hash_table_contains (self->ids, GUINT_TO_POINTER (id)))
          {
            g_hash_table_add (shown, GUINT_TO_POINTER (id));
            if (first == GTK_INVALID_LIST_POSITION)
              first = i;
          }
      }
    g_hash_table_remove_all (self->ids);
    g_hash_table_iter_init (&iter, shown);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (self->ids, key);
  }
  set_current (self, first);
  changed (self);
}

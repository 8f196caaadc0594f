/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-budget.h"
#include "ikou-cost-cache.h"

typedef struct
{
  gint64 one_time;
  gint64 running;
} Totals;

struct _IkouCostCache
{
  GObject       parent_instance;

  IkouDocument *document;
  GHashTable   *totals;     /* system id → Totals, for the years below */
  int           first_fy;
  int           last_fy;
  guint         n_computed;
};

G_DEFINE_FINAL_TYPE (IkouCostCache, ikou_cost_cache, G_TYPE_OBJECT)

static void
view_changed_cb (IkouCostCache *self,
                 guint          system_id)
{
  g_hash_table_remove (self->totals, GUINT_TO_POINTER (system_id));
}

static void
ikou_cost_cache_dispose (GObject *object)
{
  IkouCostCache *self = IKOU_COST_CACHE (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (ikou_cost_cache_parent_class)->dispose (object);
}

static void
ikou_cost_cache_finalize (GObject *object)
{
  IkouCostCache *self = IKOU_COST_CACHE (object);

  g_hash_table_unref (self->totals);

  G_OBJECT_CLASS (ikou_cost_cache_parent_class)->finalize (object);
}

static void
ikou_cost_cache_class_init (IkouCostCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_cost_cache_dispose;
  object_class->finalize = ikou_cost_cache_finalize;
}

static void
ikou_cost_cache_init (IkouCostCache *self)
{
  self->totals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

IkouCostCache *
ikou_cost_cache_new (IkouDocument *document)
{
  IkouCostCache *self;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (document), NULL);

  self = g_object_new (IKOU_TYPE_COST_CACHE, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "view-changed", G_CALLBACK (view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::active-scenario",
                           G_CALLBACK (ikou_cost_cache_clear), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ikou_document_get_plan (document), "hosts-changed",
                           G_CALLBACK (ikou_cost_cache_clear), self, G_CONNECT_SWAPPED);
  return self;
}

IkouDocument *
ikou_cost_cache_get_document (IkouCostCache *self)
{
  g_return_val_if_fail (IKOU_IS_COST_CACHE (self), NULL);
  return self->document;
}

void
ikou_cost_cache_clear (IkouCostCache *self)
{
  g_return_if_fail (IKOU_IS_COST_CACHE (self));
  g_hash_table_remove_all (self->totals);
}

void
ikou_cost_cache_get (IkouCostCache *self,
                     IkouSystem    *system,
                     int            first_fy,
                     int            last_fy,
                     gint64        *one_time,
                     gint64        *running)
{
  gpointer key;
  Totals *totals;

  g_return_if_fail (IKOU_IS_COST_CACHE (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));

  if (first_fy != self->first_fy || last_fy != self->last_fy)
    {
      g_hash_table_remove_all (self->totals);
      self->first_fy = first_fy;
      self->last_fy = last_fy;
    }

  key = GUINT_TO_POINTER (ikou_system_get_id (system));
  totals = g_hash_table_lookup (self->totals, key);
  if (totals == NULL)
    {
      totals = g_new (Totals, 1);
      ikou_budget_system_totals (ikou_document_get_plan (self->document),
                                 ikou_document_get_active_scenario (self->document),
                                 system, first_fy, last_fy, &totals->one_time, &totals->running);
      g_hash_table_insert (self->totals, key, totals);
      self->n_computed++;
    }
  *one_time = totals->one_time;
  *running = totals->running;
}

int
ikou_cost_cache_compare (IkouCostCache *self,
                         IkouSystem    *a,
                         IkouSystem    *b,
                         int            first_fy,
                         int            last_fy)
{
  gint64 one_a, run_a, one_b, run_b;

  ikou_cost_cache_get (self, a, first_fy, last_fy, &one_a, &run_a);
  ikou_cost_cache_get (self, b, first_fy, last_fy, &one_b, &run_b);
  return one_a + run_a > one_b + run_b ? -1 : one_a + run_a < one_b + run_b ? 1 : 0;
}

guint
ikou_cost_cache_get_n_computed (IkouCostCache *self)
{
  g_return_val_if_fail (IKOU_IS_COST_CACHE (self), 0);
  return self->n_computed;
}

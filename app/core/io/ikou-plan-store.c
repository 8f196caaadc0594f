/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-plan-store.h"

G_DEFINE_INTERFACE (IkouPlanStore, ikou_plan_store, G_TYPE_OBJECT)

static void
ikou_plan_store_default_init (IkouPlanStoreInterface *iface)
{
}

IkouPlan *
ikou_plan_store_load (IkouPlanStore  *self,
                      GError        **error)
{
  g_return_val_if_fail (IKOU_IS_PLAN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return IKOU_PLAN_STORE_GET_IFACE (self)->load (self, error);
}

gboolean
ikou_plan_store_save (IkouPlanStore  *self,
                      IkouPlan       *plan,
                      GError        **error)
{
  g_return_val_if_fail (IKOU_IS_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return IKOU_PLAN_STORE_GET_IFACE (self)->save (self, plan, error);
}

char *
ikou_plan_store_get_display_name (IkouPlanStore *self)
{
  g_return_val_if_fail (IKOU_IS_PLAN_STORE (self), NULL);

  return IKOU_PLAN_STORE_GET_IFACE (self)->get_display_name (self);
}

GFile *
ikou_plan_store_get_file (IkouPlanStore *self)
{
  IkouPlanStoreInterface *iface;

  g_return_val_if_fail (IKOU_IS_PLAN_STORE (self), NULL);

  iface = IKOU_PLAN_STORE_GET_IFACE (self);
  return iface->get_file != NULL ? iface->get_file (self) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ikou-plan.h"

G_BEGIN_DECLS

#define IKOU_TYPE_PLAN_STORE (ikou_plan_store_get_type ())
G_DECLARE_INTERFACE (IkouPlanStore, ikou_plan_store, IKOU, PLAN_STORE, GObject)

/**
 * IkouPlanStoreInterface:
 * @load: reads the whole plan; a #GError with a sentence for the user
 *   (never a half-read plan)
 * @save: writes the whole plan, atomically
 * @get_display_name: what the window title and messages call it
 * @get_file: the file behind the store, or %NULL when there is none (a
 *   plan kept on a server)
 *
 * Where a document's plan lives.  A document (#IkouDocument) never reads
 * or writes files itself: the SQLite `.ikou` file and Ikou XML are one
 * kind of store (#IkouFileStore); a plan on a shared database server can
 * be another.
 */
struct _IkouPlanStoreInterface
{
  GTypeInterface parent_iface;

  IkouPlan *(*load)             (IkouPlanStore  *self,
                                 GError        **error);
  gboolean  (*save)             (IkouPlanStore  *self,
                                 IkouPlan       *plan,
                                 GError        **error);
  char     *(*get_display_name) (IkouPlanStore  *self);
  GFile    *(*get_file)         (IkouPlanStore  *self);
};

IkouPlan *ikou_plan_store_load             (IkouPlanStore  *self,
                                            GError        **error);
gboolean  ikou_plan_store_save             (IkouPlanStore  *self,
                                            IkouPlan       *plan,
                                            GError        **error);
char     *ikou_plan_store_get_display_name (IkouPlanStore  *self);
/* (transfer none) (nullable) */
GFile    *ikou_plan_store_get_file         (IkouPlanStore  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-finding-row.h"

struct _IkouFindingRow
{
  GObject      parent_instance;
  IkouFinding *finding;
  guint        n_grouped;
  gboolean     expanded;
  gboolean     in_group;
};

G_DEFINE_FINAL_TYPE (IkouFindingRow, ikou_finding_row, G_TYPE_OBJECT)

static void
ikou_finding_row_finalize (GObject *object)
{
  IkouFindingRow *self = IKOU_FINDING_ROW (object);

  g_clear_pointer (&self->finding, ikou_finding_free);

  G_OBJECT_CLASS (ikou_finding_row_parent_class)->finalize (object);
}

static void
ikou_finding_row_class_init (IkouFindingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_finding_row_finalize;
}

static void
ikou_finding_row_init (IkouFindingRow *self)
{
}

IkouFindingRow *
ikou_finding_row_new (const IkouFinding *finding)
{
  IkouFindingRow *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (IKOU_TYPE_FINDING_ROW, NULL);
  self->finding = ikou_finding_copy (finding);
  return self;
}

IkouFinding *
ikou_finding_row_get_finding (IkouFindingRow *self)
{
  g_return_val_if_fail (IKOU_IS_FINDING_ROW (self), NULL);

  return self->finding;
}

IkouFindingRow *
ikou_finding_row_new_group (const IkouFinding *first,
                            guint              n,
                            gboolean           expanded)
{
  IkouFindingRow *self = ikou_finding_row_new (first);

  g_return_val_if_fail (n > 0, self);
  self->n_grouped = n;
  self->expanded = expanded;
  return self;
}

guint
ikou_finding_row_get_n_grouped (IkouFindingRow *self)
{
  g_return_val_if_fail (IKOU_IS_FINDING_ROW (self), 0);
  return self->n_grouped;
}

gboolean
ikou_finding_row_get_expanded (IkouFindingRow *self)
{
  g_return_val_if_fail (IKOU_IS_FINDING_ROW (self), FALSE);
  return self->expanded;
}

void
ikou_finding_row_set_in_group (IkouFindingRow *self,
                               gboolean        in_group)
{
  g_return_if_fail (IKOU_IS_FINDING_ROW (self));
  self->in_group = !!in_group;
}

gboolean
ikou_finding_row_get_in_group (IkouFindingRow *self)
{
  g_return_val_if_fail (IKOU_IS_FINDING_ROW (self), FALSE);
  return self->in_group;
}

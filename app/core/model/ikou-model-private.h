/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-host.h"
#include "ikou-system.h"

G_BEGIN_DECLS

/* Only IkouPlan assigns ids, when an item is added with id 0. */
void _ikou_host_set_id   (IkouHost   *self,
                          guint       id);
void _ikou_system_set_id (IkouSystem *self,
                          guint       id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-document.h"

G_BEGIN_DECLS

/* What each system costs of its own over a span of fiscal years
 * (ikou_budget_system_totals()) in the scenario a document shows,
 * computed once and kept: the list's cost column reads it for every cell
 * and at every comparison while sorting.  A system's totals are dropped
 * when the document tells that it changed (::view-changed: its steps,
 * its fields, its edits in the scenario shown), all of them when the
 * hosts, the scenario shown or the span of years change. */

#define IKOU_TYPE_COST_CACHE (ikou_cost_cache_get_type ())
G_DECLARE_FINAL_TYPE (IkouCostCache, ikou_cost_cache, IKOU, COST_CACHE, GObject)

IkouCostCache *ikou_cost_cache_new         (IkouDocument  *document);
IkouDocument  *ikou_cost_cache_get_document (IkouCostCache *self);
/* The totals (千円) of @system over @first_fy .. @last_fy. */
void           ikou_cost_cache_get         (IkouCostCache *self,
                                            IkouSystem    *system,
                                            int            first_fy,
                                            int            last_fy,
                                            gint64        *one_time,
                                            gint64        *running);
/* The most expensive first (one-time plus running), for sorters. */
int            ikou_cost_cache_compare     (IkouCostCache *self,
                                            IkouSystem    *a,
                                            IkouSystem    *b,
                                            int            first_fy,
                                            int            last_fy);
void           ikou_cost_cache_clear       (IkouCostCache *self);
/* How many totals were computed since the cache was made (tests). */
guint          ikou_cost_cache_get_n_computed (IkouCostCache *self);

G_END_DECLS

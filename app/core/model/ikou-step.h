/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"

G_BEGIN_DECLS

#define IKOU_TYPE_STEP (ikou_step_get_type ())

/**
 * IkouStep:
 *
 * One migration of a system from one host to another.  A plain struct:
 * the owning #IkouSystem notifies changes (ikou_system_set_step()).
 * Host ids are those of the plan's hosts; 0 means "not set".
 */
struct _IkouStep
{
  guint           from_host;
  guint           to_host;
  IkouDay         budget_date;       /* 予算要求 */
  gint64          budget_amount;     /* 千円; -1 when unknown */
  gint64          annual_cost;       /* the system's running cost after the cut-over, 千円/年; -1 when unknown (no change) */
  gboolean        supplementary;     /* 補正予算 */
  IkouDay         contract_date;     /* 契約・構築 start */
  IkouDay         cutover_date;      /* 稼働 */
  gboolean        standard_compliant;/* 標準準拠 */
  IkouArrangement arrangement;
  guint           done;              /* IKOU_MILESTONE_FLAG() bits of milestones marked done */
  char           *note;
};

GType     ikou_step_get_type      (void) G_GNUC_CONST;
IkouStep *ikou_step_new           (void);
IkouStep *ikou_step_copy          (const IkouStep *step);
void      ikou_step_free          (IkouStep       *step);
/* Copies @src into @dest, which must be initialised (or zeroed). */
void      ikou_step_assign        (IkouStep       *dest,
                                   const IkouStep *src);
gboolean  ikou_step_equal         (const IkouStep *a,
                                   const IkouStep *b);
IkouDay   ikou_step_get_milestone (const IkouStep *step,
                                   IkouMilestone   milestone);
void      ikou_step_set_milestone (IkouStep       *step,
                                   IkouMilestone   milestone,
                                   IkouDay         day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouStep, ikou_step_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-step.h"

G_DEFINE_BOXED_TYPE (IkouStep, ikou_step, ikou_step_copy, ikou_step_free)

IkouStep *
ikou_step_new (void)
{
  IkouStep *step = g_new0 (IkouStep, 1);

  step->budget_amount = -1;
  step->annual_cost = -1;
  return step;
}

void
ikou_step_assign (IkouStep       *dest,
                  const IkouStep *src)
{
  char *note;

  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;

  note = g_strdup (src->note);
  g_free (dest->note);
  *dest = *src;
  dest->note = note;
}

IkouStep *
ikou_step_copy (const IkouStep *step)
{
  IkouStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_new0 (IkouStep, 1);
  ikou_step_assign (copy, step);
  return copy;
}

void
ikou_step_free (IkouStep *step)
{
  if (step == NULL)
    return;
  g_free (step->note);
  g_free (step);
}

gboolean
ikou_step_equal (const IkouStep *a,
                 const IkouStep *b)
{
  return a->from_host == b->from_host &&
         a->to_host == b->to_host &&
         a->budget_date == b->budget_date &&
         a->budget_amount == b->budget_amount &&
         a->annual_cost == b->annual_cost &&
         !a->supplementary == !b->supplementary &&
         a->contract_date == b->contract_date &&
         a->cutover_date == b->cutover_date &&
         !a->standard_compliant == !b->standard_compliant &&
         a->arrangement == b->arrangement &&
         a->done == b->done &&
         g_strcmp0 (a->note, b->note) == 0;
}

IkouDay
ikou_step_get_milestone (const IkouStep *step,
                         IkouMilestone   milestone)
{
  switch (milestone)
    {
    case IKOU_MILESTONE_BUDGET:
      return step->budget_date;
    case IKOU_MILESTONE_CONTRACT:
      return step->contract_date;
    case IKOU_MILESTONE_CUTOVER:
      return step->cutover_date;
    case IKOU_N_MILESTONES:
    default:
      g_return_val_if_reached (IKOU_DAY_NONE);
    }
}

void
ikou_step_set_milestone (IkouStep      *step,
                         IkouMilestone  milestone,
                         IkouDay        day)
{
  switch (milestone)
    {
    case IKOU_MILESTONE_BUDGET:
      step->budget_date = day;
      break;
    case IKOU_MILESTONE_CONTRACT:
      step->contract_date = day;
      break;
    case IKOU_MILESTONE_CUTOVER:
      step->cutover_date = day;
      break;
    case IKOU_N_MILESTONES:
    default:
      g_return_if_reached ();
    }
}

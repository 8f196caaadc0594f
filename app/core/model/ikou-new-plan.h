/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* Starting a plan from nothing. */

/* Checks a 団体コード (全国地方公共団体コード, JIS X 0402): six digits, the
 * last a check digit over the first five (weights 6, 5, 4, 3, 2; r = sum
 * mod 11; check = (11 − r) mod 10; shared/domain/standardization.md).
 * Full-width digits and spaces around are accepted.  Returns the code as
 * six ASCII digits (newly allocated), or NULL with @error
 * (IKOU_ERROR_INVALID_INPUT) saying in a sentence what is wrong: not six
 * digits, five digits without the check digit (the full code is given),
 * or a check digit that does not match (the right one is given). */
char     *ikou_org_code_normalize   (const char   *text,
                                     GError      **error);
/* The check digit of five ASCII digits, or -1 when @five is not that. */
int       ikou_org_code_check_digit (const char   *five);

typedef enum
{
  IKOU_NEW_PLAN_ONPREM    = 1 << 0, /* today's 電算室 (on-premises shared server) */
  IKOU_NEW_PLAN_GOV_CLOUD = 1 << 1, /* the Government Cloud, from the schedule */
} IkouNewPlanHosts;

/* A new plan with @organization, @org_code (already normalized, or
 * NULL), @title and the starting hosts: the on-premises server and the
 * Government Cloud, available from the day the schedule says it was
 * provided.  Host names are in the interface's language (they become the
 * plan's data).  The plan is made against @schedule's version. */
IkouPlan *ikou_new_plan             (const char       *organization,
                                     const char       *org_code,
                                     const char       *title,
                                     IkouNewPlanHosts  hosts,
                                     IkouSchedule     *schedule);

G_END_DECLS

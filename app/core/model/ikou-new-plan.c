/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-host.h"
#include "ikou-new-plan.h"

int
ikou_org_code_check_digit (const char *five)
{
  static const int weights[5] = { 6, 5, 4, 3, 2 };
  int sum = 0;

  if (five == NULL)
    return -1;
  for (guint i = 0; i < 5; i++)
    {
      if (!g_ascii_isdigit (five[i]))
        return -1;
      sum += (five[i] - '0') * weights[i];
    }
  return (11 - sum % 11) % 10;
}

char *
ikou_org_code_normalize (const char  *text,
                         GError     **error)
{
  g_autofree char *folded = NULL;
  gsize n = 0;
  int check;

  g_return_val_if_fail (text != NULL, NULL);

  /* Full-width digits (０７２０３６) become ASCII. */
  folded = g_utf8_validate (text, -1, NULL) ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  if (folded != NULL)
    g_strstrip (folded);
  while (folded != NULL && g_ascii_isdigit (folded[n]))
    n++;

  if (folded == NULL || folded[n] != '\0' || (n != 5 && n != 6))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("An organization code has six digits: five for the organization and a check digit, as 072036."));
      return NULL;
    }

  check = ikou_org_code_check_digit (folded);
  if (n == 5)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("The organization code needs its check digit as the sixth digit: %s%d."),
                   folded, check);
      return NULL;
    }
  if (folded[5] - '0' != check)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("The check digit of %s is wrong: for %.5s it is %d (%.5s%d). Check the first five digits too."),
                   folded, folded, check, folded, check);
      return NULL;
    }
  return g_steal_pointer (&folded);
}

IkouPlan *
ikou_new_plan (const char       *organization,
               const char       *org_code,
               const char       *title,
               IkouNewPlanHosts  hosts,
               IkouSchedule     *schedule)
{
  IkouPlan *plan;

  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  plan = ikou_plan_new ();
  ikou_plan_set_organization (plan, organization);
  ikou_plan_set_org_code (plan, org_code);
  ikou_plan_set_title (plan, title);
  if (schedule != NULL)
    ikou_plan_set_schedule_version (plan, ikou_schedule_get_version (schedule));

  if (hosts & IKOU_NEW_PLAN_ONPREM)
    {
      g_autoptr(IkouHost) host = ikou_host_new (0,
                                                _("On-premises server (computer room)"),
                                                IKOU_HOST_ONPREM_SHARED);

      ikou_plan_add_host (plan, host);
    }
  if (hosts & IKOU_NEW_PLAN_GOV_CLOUD)
    {
      g_autoptr(IkouHost) host = ikou_host_new (0,
                                                ikou_host_kind_label (IKOU_HOST_GOV_CLOUD),
                                                IKOU_HOST_GOV_CLOUD);

      if (schedule != NULL)
        ikou_host_set_available_from (host, ikou_schedule_get_gov_cloud_from (schedule));
      ikou_plan_add_host (plan, host);
    }
  return plan;
}

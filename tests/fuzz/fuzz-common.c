/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

IkouSchedule *
fuzz_init_schedule (void)
{
  g_autoptr(GError) error = NULL;
  IkouSchedule *schedule;

  schedule = ikou_schedule_load_default (&error);
  if (schedule == NULL)
    g_error ("No schedule: %s", error->message);
  fuzz_init ();
  return schedule;
}

gboolean
fuzz_check_outcome (gconstpointer  result,
                    const GError  *error,
                    const char    *file,
                    gboolean       at_start)
{
  if ((result == NULL) == (error == NULL))
    abort ();
  if (error == NULL)
    return TRUE;
  if (at_start ? !g_str_has_prefix (error->message, file)
               : g_strstr_len (error->message, -1, file) == NULL)
    abort ();
  return FALSE;
}

void
fuzz_check_same_plan (IkouPlan *plan,
                      IkouPlan *again)
{
  if (again == NULL || !ikou_plan_equal (plan, again, NULL))
    abort ();
}

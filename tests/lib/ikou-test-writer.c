/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>

#include "ikou-error.h"
#include "ikou-shared-plan.h"
#include "ikou-system.h"

/* One planner of test-changed: opens PLAN (taking its lock, or ignoring it
 * with --force-open), adds a system called NAME, waits DELAY_MS and saves
 * without forcing.  Prints "saved" (exit 0) or "refused: <why>" (exit 3);
 * anything else is exit 2. */
int
main (int argc, char **argv)
{
  g_autoptr(IkouSharedPlan) file = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouSystem) system = NULL;
  g_autoptr(GError) error = NULL;
  IkouSharedPlanFlags flags = IKOU_SHARED_PLAN_NONE;

  if (argc < 4)
    {
      g_printerr ("usage: ikou-test-writer PLAN NAME DELAY_MS [--force-open]\n");
      return 2;
    }
  if (argc > 4 && g_str_equal (argv[4], "--force-open"))
    flags |= IKOU_SHARED_PLAN_FORCE;

  file = ikou_shared_plan_open (argv[1], flags, &plan, NULL, &error);
  if (file == NULL)
    {
      g_print ("refused: %s\n", error->message);
      return g_error_matches (error, IKOU_ERROR, IKOU_ERROR_LOCKED) ? 3 : 2;
    }

  system = ikou_system_new (0, argv[2]);
  ikou_plan_add_system (plan, system);
  g_usleep ((gulong) atoi (argv[3]) * 1000);

  if (!ikou_shared_plan_save (file, plan, FALSE, &error))
    {
      g_print ("refused: %s\n", error->message);
      return g_error_matches (error, IKOU_ERROR, IKOU_ERROR_LOCKED) ||
             g_error_matches (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK) ? 3 : 2;
    }
  g_print ("saved\n");
  return 0;
}

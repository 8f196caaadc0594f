/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "ikou-csv.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a bug whatever the input: let the fuzzer see it. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

IkouSchedule *
fuzz_get_schedule (void)
{
  static IkouSchedule *schedule;

  if (schedule == NULL)
    {
      g_autoptr(GError) error = NULL;

      schedule = ikou_schedule_load_default (&error);
      if (schedule == NULL)
        g_error ("No schedule: %s", error->message);
    }
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

void
fuzz_check_table_round_trip (IkouPlan *plan)
{
  g_autoptr(IkouPlan) again = NULL;
  g_autofree char *csv = NULL;
  gsize length;

  csv = ikou_csv_write_data (plan, fuzz_get_schedule (), &length);
  again = ikou_csv_read_data (csv, length, "rewritten.csv", fuzz_get_schedule (), NULL, NULL);
  fuzz_check_same_plan (plan, again);
}

int
fuzz_round_trip (const uint8_t *data,
                 size_t         size,
                 const char    *suffix,
                 gboolean       at_start,
                 FuzzRead       read,
                 FuzzWrite      write)
{
  g_autofree char *name = g_strconcat ("fuzz.", suffix, NULL);
  g_autofree char *rewritten = g_strconcat ("rewritten.", suffix, NULL);
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length, length2;

  plan = read ((const char *) data, size, name, &error);
  if (!fuzz_check_outcome (plan, error, name, at_start))
    return 0;

  first = write (plan, &length);
  again = read (first, length, rewritten, &error);
  fuzz_check_same_plan (plan, again);
  second = write (again, &length2);
  if (length != length2 || memcmp (first, second, length) != 0)
    abort ();

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ikou-csv.h"

static IkouSchedule *schedule;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  schedule = fuzz_init_schedule ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv2 = NULL;
  gsize length, length2;

  plan = ikou_csv_read_data ((const char *) data, size, "fuzz.csv", schedule, &warnings, &error);
  if (!fuzz_check_outcome (plan, error, "fuzz.csv", FALSE))
    return 0;

  /* Import → export → import gives the same plan and the same bytes. */
  csv = ikou_csv_write_data (plan, schedule, &length);
  again = ikou_csv_read_data (csv, length, "rewritten.csv", schedule, NULL, &error);
  fuzz_check_same_plan (plan, again);
  csv2 = ikou_csv_write_data (again, schedule, &length2);
  if (length != length2 || memcmp (csv, csv2, length) != 0)
    abort ();

  return 0;
}

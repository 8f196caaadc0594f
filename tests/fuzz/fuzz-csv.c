/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ikou-csv.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static IkouSchedule *schedule;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* Operation names come from the schedule, loaded once. */
  schedule = ikou_schedule_load_default (&error);
  if (schedule == NULL)
    g_error ("No schedule: %s", error->message);
  /* A critical is a bug whatever the input: let the fuzzer see it. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
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

  /* Exactly one of a plan and an error, and an error says where. */
  if ((plan == NULL) == (error == NULL))
    abort ();
  if (plan == NULL)
    return g_strstr_len (error->message, -1, "fuzz.csv") != NULL ? 0 : (abort (), 0);

  /* Import → export → import gives the same plan and the same bytes. */
  csv = ikou_csv_write_data (plan, schedule, &length);
  again = ikou_csv_read_data (csv, length, "rewritten.csv", schedule, NULL, &error);
  if (again == NULL || !ikou_plan_equal (plan, again, NULL))
    abort ();
  csv2 = ikou_csv_write_data (again, schedule, &length2);
  if (length != length2 || memcmp (csv, csv2, length) != 0)
    abort ();

  return 0;
}

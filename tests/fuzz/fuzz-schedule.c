/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdint.h>

#include "ikou-schedule.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a bug whatever the input: let the fuzzer see it. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  schedule = ikou_schedule_new_from_data ((const char *) data, size, "fuzz.xml", &error);

  /* Exactly one of a schedule and an error, and an error says where. */
  if ((schedule == NULL) == (error == NULL))
    abort ();
  if (error != NULL && !g_str_has_prefix (error->message, "fuzz.xml"))
    abort ();

  if (schedule != NULL)
    {
      for (guint i = 0; i < ikou_schedule_get_n_operations (schedule); i++)
        {
          const IkouOperation *op = ikou_schedule_get_operation (schedule, i);

          if (ikou_schedule_lookup_operation (schedule, op->id) == NULL)
            abort ();
        }
      for (guint i = 0; i < ikou_schedule_get_n_phases (schedule); i++)
        if (ikou_schedule_get_phase (schedule, i)->end < ikou_schedule_get_phase (schedule, i)->start)
          abort ();
    }

  return 0;
}

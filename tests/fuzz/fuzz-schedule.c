/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  schedule = ikou_schedule_new_from_data ((const char *) data, size, "fuzz.xml", &error);
  if (!fuzz_check_outcome (schedule, error, "fuzz.xml", TRUE))
    return 0;

  for (guint i = 0; i < ikou_schedule_get_n_operations (schedule); i++)
    {
      const IkouOperation *op = ikou_schedule_get_operation (schedule, i);

      if (ikou_schedule_lookup_operation (schedule, op->id) == NULL)
        abort ();
    }
  for (guint i = 0; i < ikou_schedule_get_n_phases (schedule); i++)
    if (ikou_schedule_get_phase (schedule, i)->end < ikou_schedule_get_phase (schedule, i)->start)
      abort ();

  return 0;
}

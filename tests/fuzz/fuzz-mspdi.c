/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"
#include "ikou-mspdi.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  (void) ikou_mspdi_sniff_data ((const char *) data, size);
  plan = ikou_mspdi_read_data ((const char *) data, size, "fuzz.xml", NULL, &report, &error);

  /* A plan comes with its report. */
  if ((plan == NULL) != (report == NULL))
    abort ();
  if (!fuzz_check_outcome (plan, error, "fuzz.xml", TRUE))
    return 0;
  for (guint i = 0; i < report->len; i++)
    if (!g_str_has_prefix (g_ptr_array_index (report, i), "fuzz.xml"))
      abort ();

  /* Whatever was read writes, reads back the same with nothing to
   * report, and writes the same bytes again. */
  g_clear_pointer (&report, g_ptr_array_unref);
  first = ikou_mspdi_write_data (plan, NULL, NULL, &length);
  again = ikou_mspdi_read_data (first, length, "rewritten.xml", NULL, &report, &error);
  fuzz_check_same_plan (plan, again);
  if (report->len != 0)
    abort ();
  second = ikou_mspdi_write_data (again, NULL, NULL, NULL);
  if (g_strcmp0 (first, second) != 0)
    abort ();

  return 0;
}

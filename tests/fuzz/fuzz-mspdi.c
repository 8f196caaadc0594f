/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"
#include "ikou-mspdi.h"

/* A plan comes with its report, and every line of it names the file;
 * what Ikou wrote itself reads back with nothing to report. */
static IkouPlan *
read_mspdi (const char  *data,
            gsize        size,
            const char  *name,
            GError     **error)
{
  gboolean rewritten = g_str_has_prefix (name, "rewritten.");
  g_autoptr(GPtrArray) report = NULL;
  IkouPlan *plan = ikou_mspdi_read_data (data, size, name, NULL, &report, error);

  if ((plan == NULL) != (report == NULL))
    abort ();
  for (guint i = 0; report != NULL && i < report->len; i++)
    if (rewritten || !g_str_has_prefix (g_ptr_array_index (report, i), name))
      abort ();
  return plan;
}

static char *
write_mspdi (IkouPlan *plan,
             gsize    *length)
{
  return ikou_mspdi_write_data (plan, NULL, NULL, length);
}

/* Whatever was read writes, reads back the same, and writes the same
 * bytes again; an error starts with the file's name. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  (void) ikou_mspdi_sniff_data ((const char *) data, size);
  return fuzz_round_trip (data, size, "xml", TRUE, read_mspdi, write_mspdi);
}

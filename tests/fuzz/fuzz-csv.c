/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "ikou-csv.h"

static IkouPlan *
read_csv (const char  *data,
          gsize        size,
          const char  *name,
          GError     **error)
{
  g_auto(GStrv) warnings = NULL;

  return ikou_csv_read_data (data, size, name, fuzz_get_schedule (), &warnings, error);
}

static char *
write_csv (IkouPlan *plan,
           gsize    *length)
{
  return ikou_csv_write_data (plan, fuzz_get_schedule (), length);
}

/* Import → export → import gives the same plan and the same bytes; an
 * error names the file somewhere in its message. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_round_trip (data, size, "csv", FALSE, read_csv, write_csv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"
#include "ikou-xml.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length;

  plan = ikou_xml_read_data ((const char *) data, size, "fuzz.xml", &error);
  if (!fuzz_check_outcome (plan, error, "fuzz.xml", TRUE))
    return 0;

  /* Whatever was read writes back, reads back the same, and writes the
   * same bytes again. */
  xml = ikou_xml_write_data (plan, &length);
  again = ikou_xml_read_data (xml, length, "rewritten.xml", &error);
  fuzz_check_same_plan (plan, again);
  xml2 = ikou_xml_write_data (again, NULL);
  if (g_strcmp0 (xml, xml2) != 0)
    abort ();

  return 0;
}

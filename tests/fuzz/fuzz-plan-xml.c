/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdint.h>

#include "ikou-xml.h"

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
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length;

  plan = ikou_xml_read_data ((const char *) data, size, "fuzz.xml", &error);

  /* Exactly one of a plan and an error, and an error says where. */
  if ((plan == NULL) == (error == NULL))
    abort ();
  if (plan == NULL)
    return g_str_has_prefix (error->message, "fuzz.xml") ? 0 : (abort (), 0);

  /* Whatever was read writes back, reads back the same, and writes the
   * same bytes again. */
  xml = ikou_xml_write_data (plan, &length);
  again = ikou_xml_read_data (xml, length, "rewritten.xml", &error);
  if (again == NULL || !ikou_plan_equal (plan, again, NULL))
    abort ();
  xml2 = ikou_xml_write_data (again, NULL);
  if (g_strcmp0 (xml, xml2) != 0)
    abort ();

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "ikou-xml.h"

/* Whatever was read writes back, reads back the same, and writes the same
 * bytes again; an error starts with the file's name. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_round_trip (data, size, "xml", TRUE, ikou_xml_read_data, ikou_xml_write_data);
}

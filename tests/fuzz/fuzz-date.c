/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the date and fiscal-year parsers: whatever a
 * planner types or a CSV cell holds must give TRUE or a GError, never a
 * crash, a critical or a leak. */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ikou-calendar.h"
#include "ikou-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  IkouDay day = IKOU_DAY_NONE;
  IkouDatePrecision precision;
  int fiscal_year;

  memcpy (text, data, size);
  text[size] = '\0';

  if (ikou_parse_date (text, &day, &precision, &error))
    {
      g_autofree char *iso = ikou_day_format_iso (day);
      g_autofree char *era = ikou_day_format_era (day, IKOU_ERA_STYLE_LONG);
      IkouDay again = IKOU_DAY_NONE;

      g_assert_no_error (error);
      g_assert (ikou_parse_iso_date (iso, &again) && again == day);
      g_assert (ikou_parse_date (era, &again, NULL, NULL) && again == day);
    }
  else
    {
      g_assert (error != NULL && error->domain == IKOU_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  g_clear_error (&error);

  if (ikou_parse_fiscal_year (text, &fiscal_year, &error))
    g_assert (ikou_fiscal_year_start (fiscal_year) != IKOU_DAY_NONE);
  else
    g_assert (error != NULL && error->domain == IKOU_ERROR);
  g_clear_error (&error);

  ikou_parse_iso_date (text, &day);
  return 0;
}

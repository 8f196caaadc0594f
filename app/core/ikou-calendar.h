/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"

G_BEGIN_DECLS

typedef enum
{
  IKOU_PRECISION_DAY,   /* 2025-04-01, R7.4.1, 令和7年4月1日 */
  IKOU_PRECISION_MONTH, /* R7年4月, 2025-04: the day is the 1st */
} IkouDatePrecision;

typedef enum
{
  IKOU_ERA_STYLE_SHORT, /* R7.4.1, R7年4月, R7年度 */
  IKOU_ERA_STYLE_LONG,  /* 令和7年4月1日, 令和7年4月, 令和7年度 */
} IkouEraStyle;

/* Days.  Return IKOU_DAY_NONE for an impossible date. */
IkouDay   ikou_day_from_ymd          (int          year,
                                      int          month,
                                      int          day);
gboolean  ikou_day_to_ymd            (IkouDay      day,
                                      int         *year,
                                      int         *month,
                                      int         *mday);
int       ikou_day_get_year          (IkouDay      day);
int       ikou_day_get_month         (IkouDay      day);
int       ikou_day_get_mday          (IkouDay      day);
IkouDay   ikou_day_from_gdate        (const GDate *date);
IkouDay   ikou_day_today             (void);

/* Adds @months calendar months; a day past the end of the target month
 * clamps to its last day (2025-01-31 + 1 month = 2025-02-28). */
IkouDay   ikou_day_add_months        (IkouDay      day,
                                      int          months);
/* The first day of the month @day is in. */
IkouDay   ikou_day_month_start       (IkouDay      day);
/* The number of days in @month of @year, 0 if the month is invalid. */
int       ikou_days_in_month         (int          year,
                                      int          month);

/* Fiscal years (年度) run April 1 to March 31 and are named by the
 * Gregorian year they start in: FY2025 is 2025-04-01 … 2026-03-31. */
int       ikou_fiscal_year           (IkouDay      day);
IkouDay   ikou_fiscal_year_start     (int          fiscal_year);
IkouDay   ikou_fiscal_year_end       (int          fiscal_year);

/* Formatting; every result is newly allocated. */
char     *ikou_day_format_iso        (IkouDay      day);  /* 2025-04-01 */
char     *ikou_day_format_era        (IkouDay      day,
                                      IkouEraStyle style); /* R7.4.1 / 令和7年4月1日 */
char     *ikou_day_format_era_month  (IkouDay      day,
                                      IkouEraStyle style); /* R7年4月 / 令和7年4月 */
/* 2025年度 when @era is FALSE, R7年度 / 令和7年度 when TRUE.  FY2019 is
 * R元年度 (the government's usage). */
char     *ikou_fiscal_year_format    (int          fiscal_year,
                                      gboolean     era,
                                      IkouEraStyle style);
/* The era year of @day: sets @era_letter to 'R' or 'H' (or 'S'), returns
 * the year in that era; 0 before Shōwa. */
int       ikou_day_get_era_year      (IkouDay      day,
                                      char        *era_letter);

/* Parses what planners type: 2025-04-01, 2025/4/1, 2025-04 (month),
 * R7.4.1, R7/4/1, 令和7年4月1日, 令和元年5月1日, R7年4月 (month precision),
 * H31.4.30, with full-width digits and letters too.  Leading and trailing
 * spaces are ignored.  An impossible date (令和7年13月, H31.5.1, 2025-02-29)
 * is an IKOU_ERROR_INVALID_DATE error whose message names the input. */
gboolean  ikou_parse_date            (const char        *text,
                                      IkouDay           *out_day,
                                      IkouDatePrecision *out_precision,
                                      GError           **error);
/* Parses a fiscal year: 2025年度, R7年度, 令和7年度, H31年度, R元年度, FY2025. */
gboolean  ikou_parse_fiscal_year     (const char  *text,
                                      int         *out_fiscal_year,
                                      GError     **error);
/* Strict YYYY-MM-DD, for file formats. */
gboolean  ikou_parse_iso_date        (const char  *text,
                                      IkouDay     *out_day);

G_END_DECLS

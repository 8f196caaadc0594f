/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"

G_BEGIN_DECLS

/* Era labels (和暦).  Reiwa (R, 令和) from 2019-05-01, Heisei (H, 平成)
 * 1989-01-08 … 2019-04-30, Shōwa (S, 昭和) 1926-12-25 … 1989-01-07.
 *
 * Year 1 is written 元 wherever 年 follows it, and as the digit 1 in the
 * dotted numeric form:
 *   short: R1.5.1, R元年5月, R元年度      long: 令和元年5月1日, 令和元年5月, 令和元年度
 * The parsers accept both spellings everywhere (R1.5.1, R元.5.1, R1年5月,
 * R元年5月1日, R1年度, R元年度).
 *
 * Fiscal years are named by the era of their first day, except that
 * FY2019 is 令和元年度 (the government's usage); H31年度 is accepted on
 * input.  Days before Shōwa, and fiscal years before FY1927, have no era
 * label: the formatters fall back to the Gregorian form (1920-04-01 /
 * 1920年4月1日, 1920年4月, 1920年度) and ikou_day_get_era_year() returns 0. */

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

/* Days.  Return IKOU_DAY_NONE for an impossible date.  Days from
 * 0001-01-01 to 9999-12-31 are valid; ikou_day_is_valid() says whether
 * @day is one of them (IKOU_DAY_NONE is not). */
gboolean  ikou_day_is_valid          (IkouDay      day);
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

/* Formatting; every result is newly allocated.  @day must be valid. */
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
/* Labels for people, in the interface's language.  Japanese labels are
 * in 和暦 or 西暦 by the planner's setting; English ones never use the
 * era or Japanese script (the English interface shows no Japanese
 * outside the plan's own data).
 *                  fiscal year  its end        day         month (short / long)
 *   ENGLISH        FY2025       end of FY2025  2025-04-01  Apr 2025 / April 2025
 *   WESTERN        2025年度     2025年度末     2025-04-01  2025年4月
 *   ERA            R7年度       R7年度末       R7.4.1      R7年4月 / 令和7年4月 */
typedef enum
{
  IKOU_LABELS_ENGLISH,
  IKOU_LABELS_WESTERN,
  IKOU_LABELS_ERA,
} IkouLabels;

/* ENGLISH unless @japanese; then ERA or WESTERN by @era. */
IkouLabels ikou_labels_choose            (gboolean     japanese,
                                          gboolean     era);
/* ikou_labels_choose() for the interface language (ikou_locale_is_japanese()). */
IkouLabels ikou_labels_for_locale        (gboolean     era);
char     *ikou_fiscal_year_label         (int          fiscal_year,
                                          IkouLabels   labels);
char     *ikou_fiscal_year_end_label     (int          fiscal_year,
                                          IkouLabels   labels);
/* @day must be valid. */
char     *ikou_day_label                 (IkouDay      day,
                                          IkouLabels   labels);
char     *ikou_month_label               (IkouDay      day,
                                          IkouLabels   labels,
                                          IkouEraStyle style);
/* A deadline: the end of its fiscal year when it is one (R7年度末,
 * end of FY2025), else the day. */
char     *ikou_deadline_label            (IkouDay      day,
                                          IkouLabels   labels);
/* The months from @first's to @last's: "April 2020 to March 2027", or
 * "FY2020 to FY2026 (April 2020 to March 2027)" when they are whole
 * fiscal years; 「令和2年度～令和8年度（令和2年4月～令和9年3月）」 in Japanese. */
char     *ikou_month_range_label         (IkouDay      first,
                                          IkouDay      last,
                                          IkouLabels   labels);

/* The era year of @day: sets @era_letter to 'R' or 'H' (or 'S'), returns
 * the year in that era; 0 before Shōwa. */
int       ikou_day_get_era_year      (IkouDay      day,
                                      char        *era_letter);

/* Parses what planners type: 2025-04-01, 2025/4/1, 2025.4.1, 2025-04 (month),
 * R7.4.1, R7/4/1, R7-4-1, 令和7年4月1日, 令和元年5月1日, R7年4月 (month precision),
 * H31.4.30, 2025年4月1日, 2025年4月, with full-width digits and letters too
 * (the text is NFKC-normalized).  The two separators must be the same.
 * Leading and trailing spaces (ASCII or U+3000) are ignored.  Years
 * 1900 … 2200 only.  A month-precision era date is accepted when any day
 * of the month is in the era (H元年1月 = 1989-01-01); a day-precision one
 * must be inside the era.  An impossible date (令和7年13月, H31.5.1,
 * 2025-02-29) is an IKOU_ERROR_INVALID_DATE error whose message names the
 * input.  On failure the out arguments are left unchanged. */
gboolean  ikou_parse_date            (const char        *text,
                                      IkouDay           *out_day,
                                      IkouDatePrecision *out_precision,
                                      GError           **error);
/* Parses a fiscal year: 2025年度, R7年度, 令和7年度, H31年度, R元年度, FY2025.
 * An era fiscal year must overlap its era (H31年度 = R元年度 = 2019; H32年度
 * is an error).  Errors are IKOU_ERROR_INVALID_DATE, as for ikou_parse_date(). */
gboolean  ikou_parse_fiscal_year     (const char  *text,
                                      int         *out_fiscal_year,
                                      GError     **error);
/* Strict YYYY-MM-DD, for file formats.  No GError: FALSE (and
 * IKOU_DAY_NONE in @out_day) for anything else. */
gboolean  ikou_parse_iso_date        (const char  *text,
                                      IkouDay     *out_day);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"

/* The range GDate handles without surprises (GDateYear is 16 bits, but
 * formats and the tests only need four-digit years). */
#define MIN_YEAR 1
#define MAX_YEAR 9999
#define MAX_DAY 3652059 /* 9999-12-31; tests/core/test-calendar.c checks it */

gboolean
ikou_day_is_valid (IkouDay day)
{
  return day >= 1 && day <= MAX_DAY;
}

/* GDate's Julian day number of 1970-01-01. */
#define JULIAN_1970 719163

/* Days and civil dates by the proleptic Gregorian calendar, as GDate
 * counts them, without a GDate: the checker and the shifts of many
 * systems convert dates in their inner loops (H. Hinnant's
 * days_from_civil and civil_from_days; tests/core/test-calendar.c
 * compares every day with GDate). */
IkouDay
ikou_day_from_ymd (int year,
                   int month,
                   int day)
{
  int y, era, yoe, doy, doe;

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12
      || day < 1 || day > ikou_days_in_month (year, month))
    return IKOU_DAY_NONE;

  y = year - (month <= 2);
  era = y / 400;    /* y >= 0 */
  yoe = y - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (IkouDay) (era * 146097 + doe - 719468 + JULIAN_1970);
}

gboolean
ikou_day_to_ymd (IkouDay  day,
                 int     *year,
                 int     *month,
                 int     *mday)
{
  int z, era, doe, yoe, doy, mp, m;

  if (!ikou_day_is_valid (day))
    {
      if (year)
        *year = 0;
      if (month)
        *month = 0;
      if (mday)
        *mday = 0;
      return FALSE;
    }

  z = (int) day - JULIAN_1970 + 719468;  /* > 0 for every valid day */
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (year)
    *year = yoe + era * 400 + (m <= 2);
  if (month)
    *month = m;
  if (mday)
    *mday = doy - (153 * mp + 2) / 5 + 1;
  return TRUE;
}

int
ikou_day_get_year (IkouDay day)
{
  int y;

  g_return_val_if_fail (ikou_day_is_valid (day), 0);
  ikou_day_to_ymd (day, &y, NULL, NULL);
  return y;
}

int
ikou_day_get_month (IkouDay day)
{
  int m;

  g_return_val_if_fail (ikou_day_is_valid (day), 0);
  ikou_day_to_ymd (day, NULL, &m, NULL);
  return m;
}

int
ikou_day_get_mday (IkouDay day)
{
  int d;

  g_return_val_if_fail (ikou_day_is_valid (day), 0);
  ikou_day_to_ymd (day, NULL, NULL, &d);
  return d;
}

IkouDay
ikou_day_from_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL, IKOU_DAY_NONE);

  if (!g_date_valid (date))
    return IKOU_DAY_NONE;
  return ikou_day_from_ymd (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
}

IkouDay
ikou_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y, m, d;

  g_date_time_get_ymd (now, &y, &m, &d);
  return ikou_day_from_ymd (y, m, d);
}

int
ikou_days_in_month (int year,
                    int month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap;

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    return 0;
  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

IkouDay
ikou_day_add_months (IkouDay day,
                     int     months)
{
  int y, m, d, dim;
  gint64 index;

  g_return_val_if_fail (ikou_day_is_valid (day), IKOU_DAY_NONE);

  ikou_day_to_ymd (day, &y, &m, &d);
  /* Months since year 0, so negative offsets need no special case. */
  index = (gint64) y * 12 + (m - 1) + months;
  if (index < (gint64) MIN_YEAR * 12 || index > (gint64) MAX_YEAR * 12 + 11)
    return IKOU_DAY_NONE;

  y = (int) (index / 12);
  m = (int) (index % 12) + 1;
  dim = ikou_days_in_month (y, m);
  return ikou_day_from_ymd (y, m, MIN (d, dim));
}

IkouDay
ikou_day_month_start (IkouDay day)
{
  int y, m;

  g_return_val_if_fail (ikou_day_is_valid (day), IKOU_DAY_NONE);

  ikou_day_to_ymd (day, &y, &m, NULL);
  return ikou_day_from_ymd (y, m, 1);
}

int
ikou_fiscal_year (IkouDay day)
{
  int y, m;

  g_return_val_if_fail (ikou_day_is_valid (day), 0);

  ikou_day_to_ymd (day, &y, &m, NULL);
  return m >= 4 ? y : y - 1;
}

IkouDay
ikou_fiscal_year_start (int fiscal_year)
{
  return ikou_day_from_ymd (fiscal_year, 4, 1);
}

IkouDay
ikou_fiscal_year_end (int fiscal_year)
{
  if (fiscal_year >= MAX_YEAR)
    return IKOU_DAY_NONE;
  return ikou_day_from_ymd (fiscal_year + 1, 3, 31);
}

char *
ikou_day_format_iso (IkouDay day)
{
  int y, m, d;

  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  ikou_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
ikou_parse_iso_date (const char *text,
                     IkouDay    *out_day)
{
  static const char pattern[] = "dddd-dd-dd";
  int y, m, d;
  IkouDay day;

  if (out_day)
    *out_day = IKOU_DAY_NONE;
  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return FALSE;

  for (gsize i = 0; i < sizeof pattern - 1; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  day = ikou_day_from_ymd (y, m, d);
  if (day == IKOU_DAY_NONE)
    return FALSE;

  if (out_day)
    *out_day = day;
  return TRUE;
}

/* Eras ---------------------------------------------------------------- */

typedef enum
{
  ERA_SHOWA,
  ERA_HEISEI,
  ERA_REIWA,
  N_ERAS
} Era;

typedef struct
{
  char letter;          /* 'S', 'H', 'R' */
  const char *kanji;    /* 昭和, 平成, 令和 */
  int offset;           /* Gregorian year = era year + offset */
  int first_y, first_m, first_d;
  int last_y, last_m, last_d;  /* 0: still current */
  int first_fy;         /* the first fiscal year named after this era */
} EraInfo;

static const EraInfo eras[N_ERAS] = {
  { 'S', "昭和", 1925, 1926, 12, 25, 1989, 1, 7, 1927 },
  { 'H', "平成", 1988, 1989, 1, 8, 2019, 4, 30, 1989 },
  /* FY2019 started under Heisei but the government calls all of it
   * 令和元年度, so Reiwa names fiscal years from 2019 on. */
  { 'R', "令和", 2018, 2019, 5, 1, 0, 0, 0, 2019 },
};

static IkouDay
era_first_day (Era era)
{
  return ikou_day_from_ymd (eras[era].first_y, eras[era].first_m, eras[era].first_d);
}

static IkouDay
era_last_day (Era era)
{
  if (eras[era].last_y == 0)
    return G_MAXINT32;
  return ikou_day_from_ymd (eras[era].last_y, eras[era].last_m, eras[era].last_d);
}

/* The era @day falls in, or -1 before Shōwa. */
static int
era_of_day (IkouDay day)
{
  for (int e = N_ERAS - 1; e >= 0; e--)
    {
      if (day >= era_first_day ((Era) e))
        return e;
    }
  return -1;
}

/* The era naming @fiscal_year, or -1 before Shōwa. */
static int
era_of_fiscal_year (int fiscal_year)
{
  for (int e = N_ERAS - 1; e >= 0; e--)
    {
      if (fiscal_year >= eras[e].first_fy)
        return e;
    }
  return -1;
}

int
ikou_day_get_era_year (IkouDay  day,
                       char    *era_letter)
{
  int e;

  if (era_letter)
    *era_letter = '\0';
  g_return_val_if_fail (ikou_day_is_valid (day), 0);

  e = era_of_day (day);
  if (e < 0)
    return 0;
  if (era_letter)
    *era_letter = eras[e].letter;
  return ikou_day_get_year (day) - eras[e].offset;
}

/* "元" or the number: 元年 is how year 1 is written wherever 年 follows. */
static void
append_era_year_nen (GString *s,
                     int      era_year)
{
  if (era_year == 1)
    g_string_append (s, "元年");
  else
    g_string_append_printf (s, "%d年", era_year);
}

char *
ikou_day_format_era (IkouDay      day,
                     IkouEraStyle style)
{
  GString *s;
  int y, m, d, e;

  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  ikou_day_to_ymd (day, &y, &m, &d);
  e = era_of_day (day);
  if (e < 0)
    {
      if (style == IKOU_ERA_STYLE_LONG)
        return g_strdup_printf ("%d年%d月%d日", y, m, d);
      return ikou_day_format_iso (day);
    }

  s = g_string_new (NULL);
  if (style == IKOU_ERA_STYLE_LONG)
    {
      g_string_append (s, eras[e].kanji);
      append_era_year_nen (s, y - eras[e].offset);
      g_string_append_printf (s, "%d月%d日", m, d);
    }
  else
    {
      /* The dotted form is numeric throughout: R1.5.1, never R元.5.1. */
      g_string_append_printf (s, "%c%d.%d.%d", eras[e].letter, y - eras[e].offset, m, d);
    }
  return g_string_free (s, FALSE);
}

char *
ikou_day_format_era_month (IkouDay      day,
                           IkouEraStyle style)
{
  GString *s;
  int y, m, e;

  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  ikou_day_to_ymd (day, &y, &m, NULL);
  e = era_of_day (day);
  if (e < 0)
    return g_strdup_printf ("%d年%d月", y, m);

  s = g_string_new (NULL);
  if (style == IKOU_ERA_STYLE_LONG)
    g_string_append (s, eras[e].kanji);
  else
    g_string_append_c (s, eras[e].letter);
  append_era_year_nen (s, y - eras[e].offset);
  g_string_append_printf (s, "%d月", m);
  return g_string_free (s, FALSE);
}

char *
ikou_fiscal_year_format (int          fiscal_year,
                         gboolean     era,
                         IkouEraStyle style)
{
  GString *s;
  int e;

  e = era ? era_of_fiscal_year (fiscal_year) : -1;
  if (e < 0)
    return g_strdup_printf ("%d年度", fiscal_year);

  s = g_string_new (NULL);
  if (style == IKOU_ERA_STYLE_LONG)
    g_string_append (s, eras[e].kanji);
  else
    g_string_append_c (s, eras[e].letter);
  append_era_year_nen (s, fiscal_year - eras[e].offset);
  g_string_append (s, "度");
  return g_string_free (s, FALSE);
}

/* Labels -------------------------------------------------------------- */

/* English labels are English in every language but Japanese: they are
 * the labels of a non-Japanese interface, not translations. */
static const char *const month_names[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

IkouLabels
ikou_labels_choose (gboolean japanese,
                    gboolean era)
{
  if (!japanese)
    return IKOU_LABELS_ENGLISH;
  return era ? IKOU_LABELS_ERA : IKOU_LABELS_WESTERN;
}

IkouLabels
ikou_labels_for_locale (gboolean era)
{
  return ikou_labels_choose (ikou_locale_is_japanese (), era);
}

char *
ikou_fiscal_year_label (int        fiscal_year,
                        IkouLabels labels)
{
  if (labels == IKOU_LABELS_ENGLISH)
    return g_strdup_printf ("FY%d", fiscal_year);
  return ikou_fiscal_year_format (fiscal_year, labels == IKOU_LABELS_ERA, IKOU_ERA_STYLE_SHORT);
}

char *
ikou_fiscal_year_end_label (int        fiscal_year,
                            IkouLabels labels)
{
  g_autofree char *fy = ikou_fiscal_year_label (fiscal_year, labels);

  if (labels == IKOU_LABELS_ENGLISH)
    return g_strdup_printf ("end of %s", fy);
  return g_strconcat (fy, "末", NULL);
}

char *
ikou_day_label (IkouDay    day,
                IkouLabels labels)
{
  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  if (labels == IKOU_LABELS_ERA)
    return ikou_day_format_era (day, IKOU_ERA_STYLE_SHORT);
  return ikou_day_format_iso (day);
}

char *
ikou_month_label (IkouDay      day,
                  IkouLabels   labels,
                  IkouEraStyle style)
{
  int y, m;

  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  ikou_day_to_ymd (day, &y, &m, NULL);
  switch (labels)
    {
    case IKOU_LABELS_ENGLISH:
      if (style == IKOU_ERA_STYLE_SHORT)
        return g_strdup_printf ("%.3s %d", month_names[m - 1], y);
      return g_strdup_printf ("%s %d", month_names[m - 1], y);
    case IKOU_LABELS_ERA:
      return ikou_day_format_era_month (day, style);
    case IKOU_LABELS_WESTERN:
    default:
      return g_strdup_printf ("%d年%d月", y, m);
    }
}

char *
ikou_deadline_label (IkouDay    day,
                     IkouLabels labels)
{
  int fy;

  g_return_val_if_fail (ikou_day_is_valid (day), NULL);

  fy = ikou_fiscal_year (day);
  if (day == ikou_fiscal_year_end (fy))
    return ikou_fiscal_year_end_label (fy, labels);
  return ikou_day_label (day, labels);
}

char *
ikou_month_range_label (IkouDay    first,
                        IkouDay    last,
                        IkouLabels labels)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *months = NULL;
  int first_fy, last_fy;

  g_return_val_if_fail (ikou_day_is_valid (first) && ikou_day_is_valid (last), NULL);

  from = ikou_month_label (first, labels, IKOU_ERA_STYLE_LONG);
  to = ikou_month_label (last, labels, IKOU_ERA_STYLE_LONG);
  if (labels == IKOU_LABELS_ENGLISH)
    months = g_strdup_printf ("%s to %s", from, to);
  else
    months = g_strdup_printf ("%s～%s", from, to);

  first_fy = ikou_fiscal_year (first);
  last_fy = ikou_fiscal_year (last);
  if (first == ikou_fiscal_year_start (first_fy) && last == ikou_fiscal_year_end (last_fy))
    {
      g_autofree char *fy_from = NULL;
      g_autofree char *fy_to = NULL;

      if (labels == IKOU_LABELS_ENGLISH)
        {
          fy_from = ikou_fiscal_year_label (first_fy, labels);
          fy_to = ikou_fiscal_year_label (last_fy, labels);
          if (first_fy == last_fy)
            return g_strdup_printf ("%s (%s)", fy_from, months);
          return g_strdup_printf ("%s to %s (%s)", fy_from, fy_to, months);
        }
      fy_from = ikou_fiscal_year_format (first_fy, labels == IKOU_LABELS_ERA, IKOU_ERA_STYLE_LONG);
      fy_to = ikou_fiscal_year_format (last_fy, labels == IKOU_LABELS_ERA, IKOU_ERA_STYLE_LONG);
      if (first_fy == last_fy)
        return g_strdup_printf ("%s（%s）", fy_from, months);
      return g_strdup_printf ("%s～%s（%s）", fy_from, fy_to, months);
    }
  return g_steal_pointer (&months);
}

/* Parsing ------------------------------------------------------------- */

/* The input as it goes into a message: valid UTF-8, and short enough
 * that a pasted paragraph does not fill a dialog. */
static char *
display_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong len = g_utf8_strlen (valid, -1);

  if (len > 40)
    {
      const char *cut = g_utf8_offset_to_pointer (valid, 40);
      return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
    }
  return g_steal_pointer (&valid);
}

static void set_invalid (GError    **error,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
set_invalid (GError    **error,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE, message);
}

static void
set_outside_era (GError    **error,
                 const char *shown,
                 Era         era,
                 gboolean    too_late)
{
  switch (era)
    {
    case ERA_SHOWA:
      if (too_late)
        set_invalid (error, _("“%s”: Shōwa ended on 1989-01-07"), shown);
      else
        set_invalid (error, _("“%s”: Shōwa began on 1926-12-25"), shown);
      break;
    case ERA_HEISEI:
      if (too_late)
        set_invalid (error, _("“%s”: Heisei ended on 2019-04-30"), shown);
      else
        set_invalid (error, _("“%s”: Heisei began on 1989-01-08"), shown);
      break;
    case ERA_REIWA:
    case N_ERAS:
    default:
      set_invalid (error, _("“%s”: Reiwa began on 2019-05-01"), shown);
      break;
    }
}

/* NFKC turns full-width digits, letters and punctuation and the
 * ideographic space into ASCII, and ㋿/㍻ into 令和/平成; kanji stay.
 * NULL for text that is not UTF-8: validate first, because GLib 2.74's
 * g_utf8_normalize() reads past the end of a truncated sequence (found by
 * tests/fuzz/fuzz-date.c) instead of returning NULL as documented. */
static char *
normalize_input (const char *text)
{
  char *norm;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return NULL;
  return g_strstrip (norm);
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  gsize len = strlen (prefix);

  if (strncmp (*p, prefix, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

/* Reads 1 to 9 ASCII digits; FALSE if there are none or too many. */
static gboolean
read_number (const char **p,
             int         *value)
{
  const char *q = *p;
  int v = 0;

  while (g_ascii_isdigit (*q))
    {
      if (q - *p >= 9)
        return FALSE;
      v = v * 10 + (*q - '0');
      q++;
    }
  if (q == *p)
    return FALSE;
  *value = v;
  *p = q;
  return TRUE;
}

/* An era prefix (令和, R, r, …); -1 when there is none. */
static int
read_era (const char **p)
{
  for (int e = 0; e < N_ERAS; e++)
    {
      if (skip_prefix (p, eras[e].kanji))
        return e;
      if (g_ascii_toupper (**p) == eras[e].letter)
        {
          (*p)++;
          return e;
        }
    }
  return -1;
}

/* Era year: a number or 元. */
static gboolean
read_era_year (const char **p,
               int         *value)
{
  if (skip_prefix (p, "元"))
    {
      *value = 1;
      return TRUE;
    }
  return read_number (p, value);
}

#define MIN_INPUT_YEAR 1900
#define MAX_INPUT_YEAR 2200

/* What both parsers do first: the input as shown in messages, and its
 * normal form (NULL for text that is not UTF-8, a syntax error).  FALSE,
 * with @none_given, for empty input. */
static gboolean
start_input (const char  *text,
             const char  *none_given,
             char       **shown,
             char       **norm,
             GError     **error)
{
  *shown = display_input (text);
  *norm = normalize_input (text);
  if (*norm != NULL && (*norm)[0] == '\0')
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE, none_given);
      return FALSE;
    }
  return TRUE;
}

/* An era year (@era >= 0) made a Gregorian one, and the year checked
 * against the range dates may be typed in. */
static gboolean
resolve_year (int          era,
              int         *year,
              const char  *shown,
              GError     **error)
{
  if (era >= 0)
    {
      if (*year < 1)
        {
          set_invalid (error, _("“%s”: era years start at 1"), shown);
          return FALSE;
        }
      *year += eras[era].offset;
    }
  if (*year < MIN_INPUT_YEAR || *year > MAX_INPUT_YEAR)
    {
      set_invalid (error, _("“%s”: the year must be between %d and %d"),
                   shown, MIN_INPUT_YEAR, MAX_INPUT_YEAR);
      return FALSE;
    }
  return TRUE;
}

gboolean
ikou_parse_date (const char         *text,
                 IkouDay            *out_day,
                 IkouDatePrecision  *out_precision,
                 GError            **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *shown = NULL;
  const char *p;
  int era, year, month, mday = 1;
  gboolean kanji = FALSE;
  char sep = '\0';
  IkouDatePrecision precision = IKOU_PRECISION_DAY;
  IkouDay day, first, last;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!start_input (text, _("No date was given"), &shown, &norm, error))
    return FALSE;
  if (norm == NULL)
    goto syntax;

  p = norm;
  era = read_era (&p);
  if (era >= 0 ? !read_era_year (&p, &year) : !read_number (&p, &year))
    goto syntax;

  if (skip_prefix (&p, "年"))
    kanji = TRUE;
  else if (*p == '-' || *p == '/' || *p == '.')
    sep = *p++;
  else
    goto syntax;

  if (!read_number (&p, &month))
    goto syntax;

  if (kanji)
    {
      if (!skip_prefix (&p, "月"))
        goto syntax;
      if (*p == '\0')
        precision = IKOU_PRECISION_MONTH;
      else if (!read_number (&p, &mday) || !skip_prefix (&p, "日"))
        goto syntax;
    }
  else
    {
      /* The same separator twice: 2025-04-01, not 2025/04-01. */
      if (*p == '\0')
        precision = IKOU_PRECISION_MONTH;
      else if (*p == sep)
        {
          p++;
          if (!read_number (&p, &mday))
            goto syntax;
        }
      else
        goto syntax;
    }
  if (*p != '\0')
    goto syntax;

  if (!resolve_year (era, &year, shown, error))
    return FALSE;
  if (month < 1 || month > 12)
    {
      set_invalid (error, _("“%s”: month %d does not exist"), shown, month);
      return FALSE;
    }
  if (mday < 1)
    {
      set_invalid (error, _("“%s”: day %d does not exist"), shown, mday);
      return FALSE;
    }
  if (mday > ikou_days_in_month (year, month))
    {
      set_invalid (error, _("“%s”: that month has only %d days"),
                   shown, ikou_days_in_month (year, month));
      return FALSE;
    }

  day = ikou_day_from_ymd (year, month, mday);
  g_assert (day != IKOU_DAY_NONE);

  if (era >= 0)
    {
      /* A month is in an era when any of its days is: H元年1月 is
       * January 1989, of which Heisei had the last 24 days. */
      first = day;
      last = precision == IKOU_PRECISION_MONTH
             ? ikou_day_from_ymd (year, month, ikou_days_in_month (year, month))
             : day;
      if (last < era_first_day ((Era) era))
        {
          set_outside_era (error, shown, (Era) era, FALSE);
          return FALSE;
        }
      if (first > era_last_day ((Era) era))
        {
          set_outside_era (error, shown, (Era) era, TRUE);
          return FALSE;
        }
    }

  if (out_day)
    *out_day = day;
  if (out_precision)
    *out_precision = precision;
  return TRUE;

syntax:
  set_invalid (error, _("“%s” is not a valid date"), shown);
  return FALSE;
}

gboolean
ikou_parse_fiscal_year (const char  *text,
                        int         *out_fiscal_year,
                        GError     **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *shown = NULL;
  const char *p;
  int era = -1, year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!start_input (text, _("No fiscal year was given"), &shown, &norm, error))
    return FALSE;
  if (norm == NULL)
    goto syntax;

  p = norm;
  if (g_ascii_strncasecmp (p, "FY", 2) == 0)
    {
      p += 2;
      while (*p == ' ')
        p++;
      if (!read_number (&p, &year) || *p != '\0')
        goto syntax;
    }
  else
    {
      era = read_era (&p);
      if (era >= 0 ? !read_era_year (&p, &year) : !read_number (&p, &year))
        goto syntax;
      if (!skip_prefix (&p, "年度") || *p != '\0')
        goto syntax;
    }

  if (!resolve_year (era, &year, shown, error))
    return FALSE;
  /* A fiscal year belongs to an era when any of its days does: H31年度
   * and R元年度 are both FY2019, but H32年度 never existed.  Era year 1
   * always overlaps its era, so only the end can be passed. */
  if (era >= 0 && ikou_fiscal_year_start (year) > era_last_day ((Era) era))
    {
      set_outside_era (error, shown, (Era) era, TRUE);
      return FALSE;
    }

  if (out_fiscal_year)
    *out_fiscal_year = year;
  return TRUE;

syntax:
  set_invalid (error, _("“%s” is not a valid fiscal year"), shown);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ikou-calendar.h"
#include "ikou-error.h"

#define D(y, m, d) ikou_day_from_ymd ((y), (m), (d))

static void
assert_iso (IkouDay     day,
            const char *expected)
{
  g_autofree char *s = ikou_day_format_iso (day);

  g_assert_cmpstr (s, ==, expected);
}

/* Days ---------------------------------------------------------------- */

static void
test_day_basics (void)
{
  GDate gd;
  int y, m, d;
  IkouDay today;
  g_autoptr(GDateTime) now = NULL;

  /* GDate's Julian count: 0001-01-01 is day 1. */
  g_assert_cmpint (D (1, 1, 1), ==, 1);
  g_assert_cmpint (D (1, 1, 2), ==, 2);
  g_assert_cmpint (D (2025, 4, 1) + 1, ==, D (2025, 4, 2));
  g_assert_cmpint (D (2025, 3, 1) - D (2025, 2, 28), ==, 1);
  g_assert_cmpint (D (2024, 3, 1) - D (2024, 2, 28), ==, 2);

  g_assert_true (ikou_day_to_ymd (D (2026, 3, 31), &y, &m, &d));
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (m, ==, 3);
  g_assert_cmpint (d, ==, 31);
  g_assert_true (ikou_day_to_ymd (D (2026, 3, 31), NULL, NULL, NULL));
  g_assert_false (ikou_day_to_ymd (IKOU_DAY_NONE, &y, &m, &d));
  g_assert_cmpint (y, ==, 0);
  g_assert_false (ikou_day_to_ymd (-5, NULL, NULL, NULL));

  g_assert_cmpint (ikou_day_get_year (D (2019, 5, 1)), ==, 2019);
  g_assert_cmpint (ikou_day_get_month (D (2019, 5, 1)), ==, 5);
  g_assert_cmpint (ikou_day_get_mday (D (2019, 5, 1)), ==, 1);

  /* Impossible dates. */
  g_assert_cmpint (D (2025, 2, 29), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2025, 4, 31), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2025, 13, 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2025, 0, 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2025, 1, 0), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2025, 1, 32), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (0, 1, 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (10000, 1, 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (-1, 1, 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (D (2000, 2, 29), !=, IKOU_DAY_NONE);
  g_assert_cmpint (D (1900, 2, 29), ==, IKOU_DAY_NONE);

  g_assert_true (ikou_day_is_valid (D (9999, 12, 31)));
  g_assert_false (ikou_day_is_valid (D (9999, 12, 31) + 1));
  g_assert_false (ikou_day_is_valid (IKOU_DAY_NONE));

  g_assert_cmpint (ikou_days_in_month (2024, 2), ==, 29);
  g_assert_cmpint (ikou_days_in_month (2025, 2), ==, 28);
  g_assert_cmpint (ikou_days_in_month (2100, 2), ==, 28);
  g_assert_cmpint (ikou_days_in_month (2025, 4), ==, 30);
  g_assert_cmpint (ikou_days_in_month (2025, 12), ==, 31);
  g_assert_cmpint (ikou_days_in_month (2025, 13), ==, 0);
  g_assert_cmpint (ikou_days_in_month (2025, 0), ==, 0);

  g_date_clear (&gd, 1);
  g_assert_cmpint (ikou_day_from_gdate (&gd), ==, IKOU_DAY_NONE);
  g_date_set_dmy (&gd, 30, G_DATE_APRIL, 2019);
  g_assert_cmpint (ikou_day_from_gdate (&gd), ==, D (2019, 4, 30));
  g_assert_cmpint ((IkouDay) g_date_get_julian (&gd), ==, D (2019, 4, 30));

  g_assert_cmpint (ikou_day_month_start (D (2024, 2, 29)), ==, D (2024, 2, 1));
  g_assert_cmpint (ikou_day_month_start (D (2024, 2, 1)), ==, D (2024, 2, 1));

  /* Today is the local date (allow for the clock ticking past midnight). */
  now = g_date_time_new_now_local ();
  today = ikou_day_today ();
  g_assert_true (ikou_day_is_valid (today));
  g_assert_true (today == D (g_date_time_get_year (now), g_date_time_get_month (now),
                             g_date_time_get_day_of_month (now))
                 || today == D (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now)) + 1);
}

static void
test_day_format_iso (void)
{
  assert_iso (D (2025, 4, 1), "2025-04-01");
  assert_iso (D (1, 1, 1), "0001-01-01");
  assert_iso (D (9999, 12, 31), "9999-12-31");
}

static void
test_parse_iso (void)
{
  IkouDay day = 42;
  const char *bad[] = {
    "", "2025-4-1", "2025/04/01", "2025-04-01 ", " 2025-04-01", "2025-04-01x",
    "2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
    "0000-01-01", "R7.4.1", "20250401", "2025-04", "２０２５-04-01", "+025-04-01",
    "2025-04-1a",
  };

  g_assert_true (ikou_parse_iso_date ("2025-04-01", &day));
  g_assert_cmpint (day, ==, D (2025, 4, 1));
  g_assert_true (ikou_parse_iso_date ("2024-02-29", &day));
  g_assert_cmpint (day, ==, D (2024, 2, 29));
  g_assert_true (ikou_parse_iso_date ("0001-01-01", NULL));
  g_assert_true (ikou_parse_iso_date ("9999-12-31", NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      day = 42;
      if (ikou_parse_iso_date (bad[i], &day))
        g_error ("“%s” accepted as an ISO date", bad[i]);
      g_assert_cmpint (day, ==, IKOU_DAY_NONE);
    }
  g_assert_false (ikou_parse_iso_date (NULL, &day));
}

/* Month arithmetic ---------------------------------------------------- */

static void
test_add_months (void)
{
  static const struct {
    int y, m, d, months, ey, em, ed;
  } cases[] = {
    { 2024, 1, 31, 1, 2024, 2, 29 },   /* leap year */
    { 2025, 1, 31, 1, 2025, 2, 28 },
    { 2100, 1, 31, 1, 2100, 2, 28 },   /* not a leap year */
    { 2000, 1, 31, 1, 2000, 2, 29 },   /* leap year */
    { 2025, 3, 31, 1, 2025, 4, 30 },
    { 2025, 1, 31, 2, 2025, 3, 31 },
    { 2025, 1, 15, 0, 2025, 1, 15 },
    { 2025, 12, 31, 1, 2026, 1, 31 },
    { 2025, 11, 30, 3, 2026, 2, 28 },
    { 2024, 2, 29, 12, 2025, 2, 28 },
    { 2024, 2, 29, 48, 2028, 2, 29 },
    { 2025, 4, 1, 12, 2026, 4, 1 },
    { 2025, 4, 1, 120, 2035, 4, 1 },
    /* Negative. */
    { 2025, 3, 31, -1, 2025, 2, 28 },
    { 2024, 3, 31, -1, 2024, 2, 29 },
    { 2025, 1, 31, -2, 2024, 11, 30 },
    { 2025, 1, 15, -1, 2024, 12, 15 },
    { 2025, 1, 1, -13, 2023, 12, 1 },
    { 2026, 3, 31, -12, 2025, 3, 31 },
    { 2025, 5, 31, -3, 2025, 2, 28 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IkouDay got = ikou_day_add_months (D (cases[i].y, cases[i].m, cases[i].d),
                                         cases[i].months);
      IkouDay want = D (cases[i].ey, cases[i].em, cases[i].ed);
      g_autofree char *got_s = got ? ikou_day_format_iso (got) : g_strdup ("none");
      g_autofree char *want_s = ikou_day_format_iso (want);

      if (got != want)
        g_error ("%04d-%02d-%02d %+d months: got %s, want %s",
                 cases[i].y, cases[i].m, cases[i].d, cases[i].months, got_s, want_s);
    }

  /* Out of the representable range: no date. */
  g_assert_cmpint (ikou_day_add_months (D (9999, 12, 1), 1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_day_add_months (D (1, 1, 1), -1), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_day_add_months (D (2025, 1, 1), G_MAXINT), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_day_add_months (D (2025, 1, 1), G_MININT), ==, IKOU_DAY_NONE);
}

/* Fiscal years -------------------------------------------------------- */

static void
test_fiscal_year (void)
{
  g_assert_cmpint (ikou_fiscal_year (D (2026, 3, 31)), ==, 2025);
  g_assert_cmpint (ikou_fiscal_year (D (2026, 4, 1)), ==, 2026);
  g_assert_cmpint (ikou_fiscal_year (D (2025, 4, 1)), ==, 2025);
  g_assert_cmpint (ikou_fiscal_year (D (2025, 3, 31)), ==, 2024);
  g_assert_cmpint (ikou_fiscal_year (D (2025, 1, 1)), ==, 2024);
  g_assert_cmpint (ikou_fiscal_year (D (2025, 12, 31)), ==, 2025);
  g_assert_cmpint (ikou_fiscal_year (D (2019, 4, 30)), ==, 2019);
  g_assert_cmpint (ikou_fiscal_year (D (2019, 5, 1)), ==, 2019);

  g_assert_cmpint (ikou_fiscal_year_start (2025), ==, D (2025, 4, 1));
  g_assert_cmpint (ikou_fiscal_year_end (2025), ==, D (2026, 3, 31));
  g_assert_cmpint (ikou_fiscal_year_end (2030), ==, D (2031, 3, 31));
  g_assert_cmpint (ikou_fiscal_year_end (2025) + 1, ==, ikou_fiscal_year_start (2026));

  for (int fy = 1990; fy <= 2035; fy++)
    {
      g_assert_cmpint (ikou_fiscal_year (ikou_fiscal_year_start (fy)), ==, fy);
      g_assert_cmpint (ikou_fiscal_year (ikou_fiscal_year_end (fy)), ==, fy);
      g_assert_cmpint (ikou_fiscal_year (ikou_fiscal_year_start (fy) - 1), ==, fy - 1);
      g_assert_cmpint (ikou_fiscal_year (ikou_fiscal_year_end (fy) + 1), ==, fy + 1);
    }

  g_assert_cmpint (ikou_fiscal_year_start (0), ==, IKOU_DAY_NONE);
  g_assert_cmpint (ikou_fiscal_year_end (9999), ==, IKOU_DAY_NONE);
}

/* Era labels ---------------------------------------------------------- */

/* Compares the label @text (which it frees) with @expected. */
static void
assert_label (char       *text,
              const char *expected)
{
  g_autofree char *owned = text;

  g_assert_cmpstr (owned, ==, expected);
}

static void
test_era_format (void)
{
  const IkouEraStyle S = IKOU_ERA_STYLE_SHORT, L = IKOU_ERA_STYLE_LONG;

  assert_label (ikou_day_format_era (D (2025, 4, 1), S), "R7.4.1");
  assert_label (ikou_day_format_era (D (2025, 4, 1), L), "令和7年4月1日");
  assert_label (ikou_day_format_era (D (2026, 3, 31), S), "R8.3.31");
  assert_label (ikou_day_format_era (D (2026, 12, 31), L), "令和8年12月31日");

  /* The era change. */
  assert_label (ikou_day_format_era (D (2019, 4, 30), S), "H31.4.30");
  assert_label (ikou_day_format_era (D (2019, 4, 30), L), "平成31年4月30日");
  assert_label (ikou_day_format_era (D (2019, 5, 1), S), "R1.5.1");
  assert_label (ikou_day_format_era (D (2019, 5, 1), L), "令和元年5月1日");
  assert_label (ikou_day_format_era (D (2019, 12, 31), L), "令和元年12月31日");
  assert_label (ikou_day_format_era (D (2020, 1, 1), L), "令和2年1月1日");
  assert_label (ikou_day_format_era (D (1989, 1, 7), S), "S64.1.7");
  assert_label (ikou_day_format_era (D (1989, 1, 7), L), "昭和64年1月7日");
  assert_label (ikou_day_format_era (D (1989, 1, 8), S), "H1.1.8");
  assert_label (ikou_day_format_era (D (1989, 1, 8), L), "平成元年1月8日");
  assert_label (ikou_day_format_era (D (1926, 12, 25), L), "昭和元年12月25日");
  /* Before Shōwa: Gregorian. */
  assert_label (ikou_day_format_era (D (1926, 12, 24), S), "1926-12-24");
  assert_label (ikou_day_format_era (D (1926, 12, 24), L), "1926年12月24日");

  assert_label (ikou_day_format_era_month (D (2025, 4, 15), S), "R7年4月");
  assert_label (ikou_day_format_era_month (D (2025, 4, 15), L), "令和7年4月");
  assert_label (ikou_day_format_era_month (D (2019, 4, 30), S), "H31年4月");
  assert_label (ikou_day_format_era_month (D (2019, 4, 30), L), "平成31年4月");
  assert_label (ikou_day_format_era_month (D (2019, 5, 1), S), "R元年5月");
  assert_label (ikou_day_format_era_month (D (2019, 5, 1), L), "令和元年5月");
  assert_label (ikou_day_format_era_month (D (2020, 5, 1), S), "R2年5月");
  assert_label (ikou_day_format_era_month (D (1920, 4, 1), S), "1920年4月");

  assert_label (ikou_fiscal_year_format (2025, FALSE, S), "2025年度");
  assert_label (ikou_fiscal_year_format (2025, FALSE, L), "2025年度");
  assert_label (ikou_fiscal_year_format (2025, TRUE, S), "R7年度");
  assert_label (ikou_fiscal_year_format (2025, TRUE, L), "令和7年度");
  assert_label (ikou_fiscal_year_format (2019, TRUE, S), "R元年度");
  assert_label (ikou_fiscal_year_format (2019, TRUE, L), "令和元年度");
  assert_label (ikou_fiscal_year_format (2019, FALSE, S), "2019年度");
  assert_label (ikou_fiscal_year_format (2018, TRUE, S), "H30年度");
  assert_label (ikou_fiscal_year_format (2018, TRUE, L), "平成30年度");
  assert_label (ikou_fiscal_year_format (2020, TRUE, S), "R2年度");
  assert_label (ikou_fiscal_year_format (2030, TRUE, L), "令和12年度");
  assert_label (ikou_fiscal_year_format (1989, TRUE, L), "平成元年度");
  assert_label (ikou_fiscal_year_format (1988, TRUE, L), "昭和63年度");
  assert_label (ikou_fiscal_year_format (1927, TRUE, S), "S2年度");
  assert_label (ikou_fiscal_year_format (1926, TRUE, S), "1926年度");
}

static void
test_era_year (void)
{
  char letter = 'x';

  g_assert_cmpint (ikou_day_get_era_year (D (2025, 4, 1), &letter), ==, 7);
  g_assert_cmpint (letter, ==, 'R');
  g_assert_cmpint (ikou_day_get_era_year (D (2019, 5, 1), &letter), ==, 1);
  g_assert_cmpint (letter, ==, 'R');
  g_assert_cmpint (ikou_day_get_era_year (D (2019, 4, 30), &letter), ==, 31);
  g_assert_cmpint (letter, ==, 'H');
  g_assert_cmpint (ikou_day_get_era_year (D (1989, 1, 8), &letter), ==, 1);
  g_assert_cmpint (letter, ==, 'H');
  g_assert_cmpint (ikou_day_get_era_year (D (1989, 1, 7), &letter), ==, 64);
  g_assert_cmpint (letter, ==, 'S');
  g_assert_cmpint (ikou_day_get_era_year (D (1926, 12, 25), &letter), ==, 1);
  g_assert_cmpint (letter, ==, 'S');
  g_assert_cmpint (ikou_day_get_era_year (D (1926, 12, 24), &letter), ==, 0);
  g_assert_cmpint (letter, ==, '\0');
  g_assert_cmpint (ikou_day_get_era_year (D (2025, 4, 1), NULL), ==, 7);
}

/* Parsing ------------------------------------------------------------- */

typedef struct
{
  const char *text;
  int y, m, d;
  IkouDatePrecision precision;
} DateCase;

static void
test_parse_accepts (void)
{
  static const DateCase cases[] = {
    { "2025-04-01", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "2025/4/1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "2025/04/01", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "2025.4.1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "2025-04", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "2025/4", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "2024-02-29", 2024, 2, 29, IKOU_PRECISION_DAY },
    { "R7.4.1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "R7/4/1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "R7-4-1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "r7.4.1", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "R07.04.01", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "R8.3.31", 2026, 3, 31, IKOU_PRECISION_DAY },
    { "R1.5.1", 2019, 5, 1, IKOU_PRECISION_DAY },
    { "R元.5.1", 2019, 5, 1, IKOU_PRECISION_DAY },
    { "令和7年4月1日", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "令和元年5月1日", 2019, 5, 1, IKOU_PRECISION_DAY },
    { "令和1年5月1日", 2019, 5, 1, IKOU_PRECISION_DAY },
    { "R元年5月1日", 2019, 5, 1, IKOU_PRECISION_DAY },
    { "R7年4月1日", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "R7年4月", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "令和7年4月", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "R元年5月", 2019, 5, 1, IKOU_PRECISION_MONTH },
    { "R7.4", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "H31.4.30", 2019, 4, 30, IKOU_PRECISION_DAY },
    { "h31.4.30", 2019, 4, 30, IKOU_PRECISION_DAY },
    { "平成31年4月30日", 2019, 4, 30, IKOU_PRECISION_DAY },
    { "平成31年4月", 2019, 4, 1, IKOU_PRECISION_MONTH },
    { "H元年1月8日", 1989, 1, 8, IKOU_PRECISION_DAY },
    { "H元年1月", 1989, 1, 1, IKOU_PRECISION_MONTH },  /* month overlaps Heisei */
    { "S64.1.7", 1989, 1, 7, IKOU_PRECISION_DAY },
    { "昭和64年1月7日", 1989, 1, 7, IKOU_PRECISION_DAY },
    { "S50.10.10", 1975, 10, 10, IKOU_PRECISION_DAY },
    { "2025年4月1日", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "2025年4月", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "1900-01-01", 1900, 1, 1, IKOU_PRECISION_DAY },
    { "2200-12-31", 2200, 12, 31, IKOU_PRECISION_DAY },
    /* Full width, and surrounding spaces. */
    { "令和７年４月１日", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "Ｒ７．４．１", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "ｒ７／４／１", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "Ｈ３１－４－３０", 2019, 4, 30, IKOU_PRECISION_DAY },
    { "２０２５／４／１", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "２０２５－０４－０１", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "２０２５年４月", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "Ｒ元年５月", 2019, 5, 1, IKOU_PRECISION_MONTH },
    { "　2025/4/1　", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "  2025-04-01  ", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "\t R7.4.1\n", 2025, 4, 1, IKOU_PRECISION_DAY },
    { "　令和７年４月　", 2025, 4, 1, IKOU_PRECISION_MONTH },
    { "㋿7年4月1日", 2025, 4, 1, IKOU_PRECISION_DAY },     /* one-character 令和 */
    { "㍻31年4月30日", 2019, 4, 30, IKOU_PRECISION_DAY },  /* one-character 平成 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      IkouDay day = IKOU_DAY_NONE;
      IkouDatePrecision precision = 99;

      if (!ikou_parse_date (cases[i].text, &day, &precision, &error))
        g_error ("“%s” rejected: %s", cases[i].text, error->message);
      g_assert_no_error (error);
      if (day != D (cases[i].y, cases[i].m, cases[i].d))
        {
          g_autofree char *got = ikou_day_format_iso (day);
          g_error ("“%s” parsed as %s, want %04d-%02d-%02d",
                   cases[i].text, got, cases[i].y, cases[i].m, cases[i].d);
        }
      if ((int) precision != (int) cases[i].precision)
        g_error ("“%s”: wrong precision %d", cases[i].text, precision);
    }

  /* The out arguments are optional. */
  g_assert_true (ikou_parse_date ("R7.4.1", NULL, NULL, NULL));
}

static void
assert_rejected (gboolean    ok,
                 GError     *error,
                 const char *text,
                 const char *fragment)
{
  if (ok)
    g_error ("“%s” accepted", text);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (text[0] != '\0' && strstr (error->message, text) == NULL)
    g_error ("message for “%s” does not name it: %s", text, error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message for “%s” lacks “%s”: %s", text, fragment, error->message);
}

static void
test_parse_rejects (void)
{
  static const struct {
    const char *text;
    const char *fragment;  /* part of the expected message, or NULL */
  } cases[] = {
    { "令和7年13月", "month 13 does not exist" },
    { "2025-13-01", "month 13 does not exist" },
    { "2025-00-01", "month 0 does not exist" },
    { "H31.5.1", "Heisei ended on 2019-04-30" },
    { "平成31年5月1日", "Heisei ended on 2019-04-30" },
    { "H31年5月", "Heisei ended on 2019-04-30" },
    { "H32.1.1", "Heisei ended on 2019-04-30" },
    { "R1.4.30", "Reiwa began on 2019-05-01" },
    { "令和元年4月30日", "Reiwa began on 2019-05-01" },
    { "R元年4月", "Reiwa began on 2019-05-01" },
    { "H1.1.7", "Heisei began on 1989-01-08" },
    { "S64.1.8", "Shōwa ended on 1989-01-07" },
    { "S1.12.24", "Shōwa began on 1926-12-25" },
    { "2025-02-29", "only 28 days" },
    { "2025-04-31", "only 30 days" },
    { "R7.4.31", "only 30 days" },
    { "2025-04-00", "day 0 does not exist" },
    { "R0.1.1", "era years start at 1" },
    { "令和0年5月1日", "era years start at 1" },
    { "garbage", "is not a valid date" },
    { "2025", "is not a valid date" },
    { "R7", "is not a valid date" },
    { "2025-04-01x", "is not a valid date" },
    { "2025-04-01 x", "is not a valid date" },
    { "2025/04-01", "is not a valid date" },
    { "2025-04-", "is not a valid date" },
    { "2025年4月1", "is not a valid date" },
    { "2025年4", "is not a valid date" },
    { "R7年4月1日x", "is not a valid date" },
    { "X7.4.1", "is not a valid date" },
    { "令和", "is not a valid date" },
    { "-2025-04-01", "is not a valid date" },
    { "1234567890-01-01", "is not a valid date" },
    { "1899-12-31", "between 1900 and 2200" },
    { "2201-01-01", "between 1900 and 2200" },
    { "0025-04-01", "between 1900 and 2200" },
    { "99999-01-01", "between 1900 and 2200" },
    { "R999.1.1", "between 1900 and 2200" },
    { "R7.4.1.", "is not a valid date" },
    { "2025年度", "is not a valid date" },
  };
  g_autoptr(GError) error = NULL;
  IkouDay day = 42;
  IkouDatePrecision precision = 99;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) err = NULL;
      gboolean ok = ikou_parse_date (cases[i].text, &day, &precision, &err);

      assert_rejected (ok, err, cases[i].text, cases[i].fragment);
      /* Failure leaves the out arguments alone. */
      g_assert_cmpint (day, ==, 42);
      g_assert_cmpint (precision, ==, 99);
    }

  /* Empty and blank. */
  g_assert_false (ikou_parse_date ("", &day, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (ikou_parse_date ("　 ", &day, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* Without a GError. */
  g_assert_false (ikou_parse_date ("2025-02-29", &day, NULL, NULL));

  /* Invalid UTF-8 gives a valid UTF-8 message. */
  g_assert_false (ikou_parse_date ("2025\xff-04-01", &day, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "2025"));
  g_clear_error (&error);

  /* A truncated sequence at the end (GLib 2.74's normalizer reads past
   * it; run under valgrind to see). */
  g_assert_false (ikou_parse_date ("R7.4.1\xe4\xbb", &day, NULL, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A long paste is cut in the message. */
  {
    g_autofree char *longer = g_strnfill (5000, 'x');

    g_assert_false (ikou_parse_date (longer, &day, NULL, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_clear_error (&error);
  }
}

static void
test_parse_fiscal_year (void)
{
  static const struct {
    const char *text;
    int fy;
  } good[] = {
    { "2025年度", 2025 },
    { "R7年度", 2025 },
    { "r7年度", 2025 },
    { "令和7年度", 2025 },
    { "H31年度", 2019 },
    { "平成31年度", 2019 },
    { "R元年度", 2019 },
    { "R1年度", 2019 },
    { "令和元年度", 2019 },
    { "H30年度", 2018 },
    { "H元年度", 1989 },
    { "S63年度", 1988 },
    { "R12年度", 2030 },
    { "FY2025", 2025 },
    { "fy2025", 2025 },
    { "FY 2025", 2025 },
    { "ＦＹ２０２５", 2025 },
    { "Ｒ７年度", 2025 },
    { "令和７年度", 2025 },
    { "２０２５年度", 2025 },
    { "　R7年度　", 2025 },
  };
  static const struct {
    const char *text;
    const char *fragment;
  } bad[] = {
    { "H32年度", "Heisei ended on 2019-04-30" },
    { "平成32年度", "Heisei ended on 2019-04-30" },
    { "S64年度", "Shōwa ended on 1989-01-07" },
    { "R0年度", "era years start at 1" },
    { "2025", "is not a valid fiscal year" },
    { "R7", "is not a valid fiscal year" },
    { "R7年", "is not a valid fiscal year" },
    { "2025年度x", "is not a valid fiscal year" },
    { "FY", "is not a valid fiscal year" },
    { "FY2025年度", "is not a valid fiscal year" },
    { "FYR7", "is not a valid fiscal year" },
    { "2025-04-01", "is not a valid fiscal year" },
    { "garbage", "is not a valid fiscal year" },
    { "1899年度", "between 1900 and 2200" },
    { "FY2201", "between 1900 and 2200" },
    { "R300年度", "between 1900 and 2200" },
  };
  g_autoptr(GError) error = NULL;
  int fy;

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) err = NULL;

      fy = 0;
      if (!ikou_parse_fiscal_year (good[i].text, &fy, &err))
        g_error ("“%s” rejected: %s", good[i].text, err->message);
      g_assert_cmpint (fy, ==, good[i].fy);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) err = NULL;
      gboolean ok;

      fy = 42;
      ok = ikou_parse_fiscal_year (bad[i].text, &fy, &err);
      assert_rejected (ok, err, bad[i].text, bad[i].fragment);
      g_assert_cmpint (fy, ==, 42);
    }

  g_assert_false (ikou_parse_fiscal_year ("", &fy, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_false (ikou_parse_fiscal_year ("\xe4\xbb", &fy, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_true (ikou_parse_fiscal_year ("R7年度", NULL, NULL));
}

/* Round trips --------------------------------------------------------- */

static void
test_round_trip (void)
{
  IkouDay from = D (1990, 1, 1), to = D (2035, 12, 31);

  for (IkouDay day = from; day <= to; day++)
    {
      IkouEraStyle styles[] = { IKOU_ERA_STYLE_SHORT, IKOU_ERA_STYLE_LONG };

      for (gsize s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = ikou_day_format_era (day, styles[s]);
          g_autofree char *month_text = ikou_day_format_era_month (day, styles[s]);
          IkouDay parsed = IKOU_DAY_NONE;
          IkouDatePrecision precision;

          if (!ikou_parse_date (text, &parsed, &precision, &error))
            g_error ("“%s” does not parse back: %s", text, error->message);
          g_assert_cmpint (parsed, ==, day);
          g_assert_cmpint (precision, ==, IKOU_PRECISION_DAY);

          if (!ikou_parse_date (month_text, &parsed, &precision, &error))
            g_error ("“%s” does not parse back: %s", month_text, error->message);
          g_assert_cmpint (parsed, ==, ikou_day_month_start (day));
          g_assert_cmpint (precision, ==, IKOU_PRECISION_MONTH);
        }

      {
        g_autofree char *iso = ikou_day_format_iso (day);
        IkouDay parsed = IKOU_DAY_NONE;

        g_assert_true (ikou_parse_iso_date (iso, &parsed));
        g_assert_cmpint (parsed, ==, day);
        g_assert_true (ikou_parse_date (iso, &parsed, NULL, NULL));
        g_assert_cmpint (parsed, ==, day);
      }
    }

  for (int fy = 1990; fy <= 2035; fy++)
    {
      for (int era = 0; era <= 1; era++)
        {
          for (int style = IKOU_ERA_STYLE_SHORT; style <= IKOU_ERA_STYLE_LONG; style++)
            {
              g_autoptr(GError) error = NULL;
              g_autofree char *text = ikou_fiscal_year_format (fy, era, style);
              int parsed = 0;

              if (!ikou_parse_fiscal_year (text, &parsed, &error))
                g_error ("“%s” does not parse back: %s", text, error->message);
              g_assert_cmpint (parsed, ==, fy);
            }
        }
    }
}

/* The conversions are GDate's own, for every day GDate and Ikou take. */
static void
test_day_like_gdate (void)
{
  for (IkouDay day = 1; day <= 3652059; day++)
    {
      GDate d;
      int y, m, md;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, day);
      g_assert_true (ikou_day_to_ymd (day, &y, &m, &md));
      if (y != g_date_get_year (&d) || m != (int) g_date_get_month (&d) ||
          md != g_date_get_day (&d))
        g_error ("day %u: %d-%d-%d, GDate %d-%d-%d", day, y, m, md,
                 g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
      g_assert_cmpint (ikou_day_from_ymd (y, m, md), ==, day);
    }
  for (int y = 1; y <= 9999; y += (y < 2100 ? 1 : 97))
    for (int m = 1; m <= 12; m++)
      {
        g_assert_cmpint (ikou_days_in_month (y, m), ==, g_date_get_days_in_month (m, y));
        for (int md = 28; md <= 32; md++)
          g_assert_cmpint (ikou_day_from_ymd (y, m, md) != IKOU_DAY_NONE, ==,
                           md <= 31 && g_date_valid_dmy (md, m, y));
      }
  g_assert_false (ikou_day_to_ymd (0, NULL, NULL, NULL));
  g_assert_false (ikou_day_to_ymd (3652060, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/day/basics", test_day_basics);
  g_test_add_func ("/calendar/day/like-gdate", test_day_like_gdate);
  g_test_add_func ("/calendar/day/format-iso", test_day_format_iso);
  g_test_add_func ("/calendar/day/parse-iso", test_parse_iso);
  g_test_add_func ("/calendar/day/add-months", test_add_months);
  g_test_add_func ("/calendar/fiscal-year/bounds", test_fiscal_year);
  g_test_add_func ("/calendar/era/format", test_era_format);
  g_test_add_func ("/calendar/era/year", test_era_year);
  g_test_add_func ("/calendar/parse/accepts", test_parse_accepts);
  g_test_add_func ("/calendar/parse/rejects", test_parse_rejects);
  g_test_add_func ("/calendar/parse/fiscal-year", test_parse_fiscal_year);
  g_test_add_func ("/calendar/round-trip", test_round_trip);

  return g_test_run ();
}

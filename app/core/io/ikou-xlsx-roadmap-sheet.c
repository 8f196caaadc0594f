/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-table.h"
#include "ikou-xlsx-private.h"

/* The ロードマップ sheet spans at most this many fiscal years. */
#define MAX_FISCAL_YEARS 20

#define ROADMAP_SHEET "ロードマップ"

/* The months the ロードマップ sheet shows: whole fiscal years from the
 * first date of the plan to the last, always with the deadline's. */
static void
roadmap_range (IkouPlan *plan,
               IkouDay   deadline,
               int      *first_fy,
               int      *last_fy)
{
  int lo = ikou_fiscal_year (deadline), hi = lo;
  guint n = ikou_plan_get_n_systems (plan);

  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      guint n_steps = ikou_system_get_n_steps (system);

      for (guint s = 0; s < n_steps; s++)
        {
          const IkouStep *step = ikou_system_get_step (system, s);

          for (int m = 0; m < IKOU_N_MILESTONES; m++)
            {
              IkouDay day = ikou_step_get_milestone (step, (IkouMilestone) m);

              if (ikou_day_is_valid (day))
                {
                  lo = MIN (lo, ikou_fiscal_year (day));
                  hi = MAX (hi, ikou_fiscal_year (day));
                }
            }
        }
    }
  /* A stray date (a typo's 2099) must not make a sheet of a century. */
  if (hi - lo + 1 > MAX_FISCAL_YEARS)
    {
      int d = ikou_fiscal_year (deadline);

      lo = MAX (lo, d - MAX_FISCAL_YEARS / 2);
      hi = MIN (hi, lo + MAX_FISCAL_YEARS - 1);
    }
  *first_fy = lo;
  *last_fy = hi;
}

static IkouDay
schedule_deadline (IkouSchedule *schedule)
{
  IkouDay deadline = schedule ? ikou_schedule_get_deadline (schedule) : IKOU_DAY_NONE;

  return ikou_day_is_valid (deadline) ? deadline : ikou_day_from_ymd (2026, 3, 31);
}

char *
ikou_xlsx_describe (IkouPlan     *plan,
                    IkouSchedule *schedule)
{
  g_autoptr(IkouSchedule) sched = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int first_fy, last_fy;
  guint n;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  sched = ikou_table_ensure_schedule (schedule);
  roadmap_range (plan, schedule_deadline (sched), &first_fy, &last_fy);
  first = ikou_fiscal_year_format (first_fy, TRUE, IKOU_ERA_STYLE_SHORT);
  last = ikou_fiscal_year_format (last_fy, TRUE, IKOU_ERA_STYLE_SHORT);
  n = ikou_plan_get_n_systems (plan);
  /* Translators: "The roadmap sheet will hold 34592 systems × 144 months (R2年度–R13年度)." */
  return g_strdup_printf (ngettext ("The roadmap sheet will hold %u system × %d months (%s–%s).",
                                    "The roadmap sheet will hold %u systems × %d months (%s–%s).",
                                    n),
                          n, (last_fy - first_fy + 1) * 12, first, last);
}

#define NO_MONTH G_MININT

/* The month index (from the first month shown, negative before it) of
 * @day, NO_MONTH if none. */
static int
month_index (IkouDay day,
             IkouDay first)
{
  int y, m, fy, fm;

  if (!ikou_day_is_valid (day))
    return NO_MONTH;
  ikou_day_to_ymd (day, &y, &m, NULL);
  ikou_day_to_ymd (first, &fy, &fm, NULL);
  return (y - fy) * 12 + (m - fm);
}

#define N_FILLS (IKOU_N_HOST_KINDS + 1) /* the last: no host */

static const lxw_color_t kind_colors[IKOU_N_HOST_KINDS] = {
  0xC0BFBC, 0xCDAB8F, 0x99C1F1, 0x8FF0A4, 0xDC8ADD,
};
static const char * const kind_labels[IKOU_N_HOST_KINDS] = {
  "電算室内統合SV", "電算室内個別SV", "統合サーバ（クラウド）", "ガバメントクラウド", "その他",
};
#define BUILD_COLOR 0xFFA348
static const char * const marks[IKOU_N_MILESTONES] = { "★", "◆", "▲" };

typedef struct
{
  /* [fill][build][deadline column] */
  lxw_format *cell[N_FILLS][2][2];
  lxw_format *text;
  lxw_format *title;
  lxw_format *fy;
  lxw_format *fy_deadline;
  lxw_format *fy_blank;
  lxw_format *month;
  lxw_format *month_deadline;
} RoadmapFormats;

/* The right edge of the deadline's month: a thick red line. */
static void
set_deadline_edge (lxw_format *format)
{
  format_set_right (format, LXW_BORDER_MEDIUM);
  format_set_right_color (format, 0xC01C28);
}

/* A month of the header row. */
static lxw_format *
add_month_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_CENTER);
  format_set_font_size (format, 9);
  format_set_border (format, LXW_BORDER_HAIR);
  format_set_pattern (format, LXW_PATTERN_SOLID);
  format_set_bg_color (format, 0xF3F3F3);
  return format;
}

static void
make_roadmap_formats (lxw_workbook   *workbook,
                      RoadmapFormats *f)
{
  for (int k = 0; k < N_FILLS; k++)
    for (int b = 0; b < 2; b++)
      for (int d = 0; d < 2; d++)
        {
          lxw_format *format = workbook_add_format (workbook);

          format_set_align (format, LXW_ALIGN_CENTER);
          format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
          format_set_font_size (format, 9);
          format_set_border (format, LXW_BORDER_HAIR);
          format_set_border_color (format, 0x9A9996);
          /* The build period in the roadmap's build colour, solid: a
           * hatch over the host's colour prints as a blend that reads
           * as another host in some programs. */
          if (b)
            {
              format_set_pattern (format, LXW_PATTERN_SOLID);
              format_set_bg_color (format, BUILD_COLOR);
            }
          else if (k < IKOU_N_HOST_KINDS)
            {
              format_set_pattern (format, LXW_PATTERN_SOLID);
              format_set_bg_color (format, kind_colors[k]);
            }
          if (d)
            set_deadline_edge (format);
          f->cell[k][b][d] = format;
        }
  f->text = workbook_add_format (workbook);
  format_set_font_size (f->text, 9);
  format_set_border (f->text, LXW_BORDER_HAIR);
  format_set_border_color (f->text, 0x9A9996);
  format_set_align (f->text, LXW_ALIGN_VERTICAL_CENTER);
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->fy = workbook_add_format (workbook);
  format_set_bold (f->fy);
  format_set_left (f->fy, LXW_BORDER_THIN);
  format_set_top (f->fy, LXW_BORDER_THIN);
  format_set_bottom (f->fy, LXW_BORDER_HAIR);
  format_set_pattern (f->fy, LXW_PATTERN_SOLID);
  format_set_bg_color (f->fy, 0xF3F3F3);
  /* No borders between the months of a year: its label runs over them. */
  f->fy_blank = workbook_add_format (workbook);
  format_set_top (f->fy_blank, LXW_BORDER_THIN);
  format_set_bottom (f->fy_blank, LXW_BORDER_HAIR);
  format_set_pattern (f->fy_blank, LXW_PATTERN_SOLID);
  format_set_bg_color (f->fy_blank, 0xF3F3F3);
  f->fy_deadline = workbook_add_format (workbook);
  format_set_bold (f->fy_deadline);
  format_set_font_color (f->fy_deadline, 0xC01C28);
  format_set_top (f->fy_deadline, LXW_BORDER_THIN);
  format_set_bottom (f->fy_deadline, LXW_BORDER_HAIR);
  format_set_align (f->fy_deadline, LXW_ALIGN_RIGHT);
  format_set_pattern (f->fy_deadline, LXW_PATTERN_SOLID);
  format_set_bg_color (f->fy_deadline, 0xF3F3F3);
  set_deadline_edge (f->fy_deadline);
  f->month = add_month_format (workbook);
  f->month_deadline = add_month_format (workbook);
  set_deadline_edge (f->month_deadline);
  format_set_font_color (f->month_deadline, 0xC01C28);
}

static int
fill_of (IkouPlan *plan,
         guint     host_id)
{
  IkouHost *host = host_id ? ikou_plan_lookup_host (plan, host_id) : NULL;

  return host ? (int) ikou_host_get_kind (host) : IKOU_N_HOST_KINDS;
}

#define FIRST_MONTH_COLUMN 5
#define FIRST_SYSTEM_ROW 4

gboolean
xlsx_write_roadmap_sheet (lxw_workbook  *workbook,
                          IkouPlan      *plan,
                          IkouSchedule  *schedule,
                          const char    *display_name,
                          GError       **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, ROADMAP_SHEET);
  IkouDay deadline = schedule_deadline (schedule);
  RoadmapFormats f;
  g_autofree int *fill = NULL;
  g_autofree guchar *build = NULL;
  g_autofree char *deadline_label = NULL;
  GString *mark = g_string_new (NULL);
  int first_fy, last_fy, n_months, deadline_month;
  IkouDay first;
  guint n = ikou_plan_get_n_systems (plan);
  lxw_error status = LXW_NO_ERROR;
  const char *title = ikou_plan_get_title (plan);
  const char *organization = ikou_plan_get_organization (plan);
  g_autofree char *heading = NULL;
  struct { int month; int milestone; } marked[3 * 64];
  guint n_marked;

  make_roadmap_formats (workbook, &f);
  roadmap_range (plan, deadline, &first_fy, &last_fy);
  n_months = (last_fy - first_fy + 1) * 12;
  first = ikou_fiscal_year_start (first_fy);
  deadline_month = month_index (deadline, first);
  fill = g_new (int, n_months);
  build = g_new (guchar, n_months);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 8); /* A3 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.5, 0.5);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 2, 3);
  worksheet_repeat_columns (sheet, 0, FIRST_MONTH_COLUMN - 1);
  worksheet_freeze_panes (sheet, FIRST_SYSTEM_ROW, FIRST_MONTH_COLUMN);
  worksheet_set_column (sheet, 0, 0, 5, NULL);
  worksheet_set_column (sheet, 1, 1, 26, NULL);
  worksheet_set_column (sheet, 2, 4, 14, NULL);
  worksheet_set_column (sheet, FIRST_MONTH_COLUMN, FIRST_MONTH_COLUMN + n_months - 1, 3.2, NULL);

  /* Row 0: the title; row 1: the legend. */
  heading = g_strdup_printf ("%s%s%s", organization ? organization : "",
                             organization && title ? " " : "", title ? title : "");
  if (*heading == '\0')
    g_clear_pointer (&heading, g_free);
  {
    g_autofree char *safe = xlsx_cell_text (heading ? heading : ROADMAP_SHEET);

    worksheet_write_string (sheet, 0, 0, safe, f.title);
  }
  worksheet_write_string (sheet, 1, 1, "★予算要求　◆契約・構築　▲稼働", NULL);
  for (int k = 0; k < IKOU_N_HOST_KINDS; k++)
    {
      worksheet_write_blank (sheet, 1, FIRST_MONTH_COLUMN + k * 8, f.cell[k][0][0]);
      worksheet_write_string (sheet, 1, FIRST_MONTH_COLUMN + k * 8 + 1, kind_labels[k], NULL);
    }
  worksheet_write_blank (sheet, 1, FIRST_MONTH_COLUMN + IKOU_N_HOST_KINDS * 8,
                         f.cell[IKOU_HOST_SHARED_CLOUD][1][0]);
  worksheet_write_string (sheet, 1, FIRST_MONTH_COLUMN + IKOU_N_HOST_KINDS * 8 + 1,
                          "契約・構築の期間", NULL);

  /* Rows 2 and 3: fiscal years and months. */
  deadline_label = ikou_fiscal_year_format (ikou_fiscal_year (deadline), TRUE,
                                            IKOU_ERA_STYLE_SHORT);
  {
    char *with_end = g_strconcat (deadline_label, "末", NULL);

    g_free (deadline_label);
    deadline_label = with_end;
  }
  worksheet_write_string (sheet, 2, 0, "No.", f.month);
  worksheet_write_string (sheet, 2, 1, "システム名", f.month);
  worksheet_write_string (sheet, 2, 2, "所管課", f.month);
  worksheet_write_string (sheet, 2, 3, "現行", f.month);
  worksheet_write_string (sheet, 2, 4, "移行先", f.month);
  for (int i = 0; i < n_months; i++)
    {
      lxw_col_t col = FIRST_MONTH_COLUMN + i;

      if (i % 12 == 0)
        {
          g_autofree char *label = ikou_fiscal_year_format (first_fy + i / 12, TRUE,
                                                            IKOU_ERA_STYLE_SHORT);
          g_autofree char *both = g_strdup_printf ("%s（%d）", label, first_fy + i / 12);

          worksheet_write_string (sheet, 2, col, both, f.fy);
        }
      else if (i == deadline_month)
        worksheet_write_string (sheet, 2, col, deadline_label, f.fy_deadline);
      else
        worksheet_write_blank (sheet, 2, col, f.fy_blank);
    }
  for (int c = 0; c < FIRST_MONTH_COLUMN; c++)
    worksheet_write_blank (sheet, 3, c, f.month);
  for (int i = 0; i < n_months; i++)
    worksheet_write_number (sheet, 3, FIRST_MONTH_COLUMN + i, (i + 3) % 12 + 1,
                            i == deadline_month ? f.month_deadline : f.month);

  for (guint s = 0; status == LXW_NO_ERROR && s < n; s++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, s);
      lxw_row_t row = FIRST_SYSTEM_ROW + s;
      guint n_steps = ikou_system_get_n_steps (system);
      IkouHost *host = NULL;
      guint target = ikou_system_get_target_host (system);
      int current = fill_of (plan, ikou_system_get_host (system));
      g_autofree char *name = xlsx_cell_text (ikou_system_get_name (system));

      worksheet_write_number (sheet, row, 0, ikou_system_get_id (system), f.text);
      worksheet_write_string (sheet, row, 1, name, f.text);
      if (ikou_system_get_department (system) != NULL)
        {
          g_autofree char *safe = xlsx_cell_text (ikou_system_get_department (system));

          worksheet_write_string (sheet, row, 2, safe, f.text);
        }
      else
        worksheet_write_blank (sheet, row, 2, f.text);
      host = ikou_system_get_host (system) ? ikou_plan_lookup_host (plan, ikou_system_get_host (system)) : NULL;
      if (host != NULL)
        {
          g_autofree char *safe = xlsx_cell_text (ikou_host_get_name (host));

          worksheet_write_string (sheet, row, 3, safe, f.text);
        }
      else
        worksheet_write_blank (sheet, row, 3, f.text);
      host = target ? ikou_plan_lookup_host (plan, target) : NULL;
      if (host != NULL)
        {
          g_autofree char *safe = xlsx_cell_text (ikou_host_get_name (host));

          status = worksheet_write_string (sheet, row, 4, safe, f.text);
        }
      else
        status = worksheet_write_blank (sheet, row, 4, f.text);

      /* Which host each month is on, and the build periods. */
      for (int i = 0; i < n_months; i++)
        {
          fill[i] = current;
          build[i] = 0;
        }
      for (guint k = 0; k < n_steps; k++)
        {
          const IkouStep *step = ikou_system_get_step (system, k);
          int contract = month_index (step->contract_date, first);
          int cutover = month_index (step->cutover_date, first);

          if (cutover != NO_MONTH && step->to_host != 0)
            {
              int to = fill_of (plan, step->to_host);

              for (int i = MAX (cutover, 0); i < n_months; i++)
                fill[i] = to;
            }
          if (contract != NO_MONTH)
            {
              int end = cutover != NO_MONTH ? cutover : contract + 1;

              for (int i = MAX (contract, 0); i < MIN (end, n_months); i++)
                build[i] = 1;
            }
        }

      /* The marks' months, once per system (not once per cell). */
      n_marked = 0;
      for (guint k = 0; k < n_steps; k++)
        {
          const IkouStep *step = ikou_system_get_step (system, k);

          for (int m = 0; m < IKOU_N_MILESTONES; m++)
            {
              int i = month_index (ikou_step_get_milestone (step, (IkouMilestone) m), first);

              if (i >= 0 && i < n_months && n_marked < G_N_ELEMENTS (marked))
                {
                  marked[n_marked].month = i;
                  marked[n_marked].milestone = m;
                  n_marked++;
                }
            }
        }

      for (int i = 0; status == LXW_NO_ERROR && i < n_months; i++)
        {
          lxw_format *format = f.cell[fill[i]][build[i]][i == deadline_month];

          g_string_truncate (mark, 0);
          for (guint j = 0; j < n_marked; j++)
            if (marked[j].month == i)
              g_string_append (mark, marks[marked[j].milestone]);
          if (mark->len > 0)
            status = worksheet_write_string (sheet, row, FIRST_MONTH_COLUMN + i, mark->str, format);
          else
            status = worksheet_write_blank (sheet, row, FIRST_MONTH_COLUMN + i, format);
        }
    }
  g_string_free (mark, TRUE);

  return xlsx_check (status, display_name, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

/* write_plan_rows() writes into a sheet's row file and the shared-string
 * table through fields of libxlsxwriter's structs (optimize_tmpfile, sst)
 * that its headers declare but its manual does not promise: checked
 * against 1.1.x, the series Debian 12 ships.  A newer series must be
 * read again before this builds. */
#if LXW_VERSION_ID < 110 || LXW_VERSION_ID >= 120
#error "write_plan_rows() relies on libxlsxwriter 1.1.x internals; check them against this version"
#endif

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-table.h"
#include "ikou-xlsx.h"
#include "ikou-xml-util.h"

/* Excel's limit on the text of a cell, in bytes as libxlsxwriter counts. */
#define MAX_CELL_BYTES 32767
/* Columns past this are not read (a plan table has 26). */
#define MAX_COLUMNS 1024
/* The ロードマップ sheet spans at most this many fiscal years. */
#define MAX_FISCAL_YEARS 20

/* The buffer of the 計画 sheet's row file. */
#define ROW_BUFFER_SIZE (1024 * 1024)

#define PLAN_SHEET "計画"
#define ROADMAP_SHEET "ロードマップ"

/* Writing ------------------------------------------------------------ */

/* Text libxlsxwriter writes as it is into XML: no control characters
 * (they would make the part unreadable) and no more than a cell holds. */
static gboolean
text_is_clean (const char *text)
{
  gsize length = strlen (text);
  gboolean clean = length <= MAX_CELL_BYTES && g_utf8_validate_len (text, length, NULL);

  for (const char *p = text; clean && *p != '\0'; p++)
    clean = (guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
  return clean;
}

static char *
cell_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  /* Nearly every cell: valid, short, no control characters. */
  if (text_is_clean (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[6];
      int len;

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        c = 0xFFFD;
      len = g_unichar_to_utf8 (c, buf);
      if (out->len + (gsize) len > MAX_CELL_BYTES)
        break;
      g_string_append_len (out, buf, len);
    }
  return g_string_free (out, FALSE);
}

static lxw_datetime
to_datetime (IkouDay day)
{
  lxw_datetime dt = { 0 };
  int y, m, d;

  ikou_day_to_ymd (day, &y, &m, &d);
  dt.year = y;
  dt.month = m;
  dt.day = d;
  return dt;
}

static gboolean
check (lxw_error   status,
       const char *display_name,
       GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not write %s: %s"),
               display_name, lxw_strerror (status));
  return FALSE;
}

/* Appends the decimal digits of @value. */
static void
append_uint (GString *out,
             guint64  value)
{
  char digits[24];
  int i = (int) sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (out, digits + i, (gssize) sizeof digits - i);
}

/* Appends @value as libxlsxwriter writes a number ("%.16g"). */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value >= 0 && value < 1e15 && value == (double) (guint64) value)
    append_uint (out, (guint64) value);
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.16g", value));
}

/* The rows of the 計画 sheet below its header.  Written straight into
 * the sheet's row file of libxlsxwriter's constant-memory mode (where
 * its own cell calls write them, one fprintf() and one allocation per
 * cell), the texts in the workbook's shared-string table: every host,
 * department, vendor and label once rather than in each row, which
 * makes the sheet's XML (and so its compression) about half. */
static lxw_error
write_plan_rows (lxw_workbook    *workbook,
                 lxw_worksheet   *sheet,
                 IkouTableWriter *writer,
                 lxw_format      *date,
                 lxw_format      *amount,
                 lxw_row_t       *out_row)
{
  char names[IKOU_TABLE_N_COLUMNS][LXW_MAX_COL_NAME_LENGTH];
  g_autoptr(GString) xml = g_string_sized_new (4096);
  /* The shared strings seen so far, by their text (owned by the table). */
  g_autoptr(GHashTable) strings = g_hash_table_new (g_str_hash, g_str_equal);
  int32_t date_style, amount_style;
  FILE *file = sheet->optimize_tmpfile;
  lxw_row_t row = 0;

  /* The header row, written by libxlsxwriter, goes first (and numbers
   * its format first, as it always did). */
  lxw_worksheet_write_single_row (sheet);
  date_style = lxw_format_get_xf_index (date);
  amount_style = lxw_format_get_xf_index (amount);
  for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    lxw_col_to_name (names[c], (lxw_col_t) c, LXW_FALSE);

  while (ikou_table_writer_next (writer))
    {
      row++;
      g_string_truncate (xml, 0);
      g_string_append (xml, "<row r=\"");
      append_uint (xml, row + 1);
      g_string_append (xml, "\">");
      for (int c = 0, last = -1; c < IKOU_TABLE_N_COLUMNS; c++)
        {
          const char *text = ikou_table_writer_get_text (writer, (IkouTableColumn) c);
          IkouTableValueKind kind = ikou_table_column_kind ((IkouTableColumn) c);

          if (*text == '\0')
            continue;
          /* The reference only where it is needed (ECMA-376 §18.3.1.4: a
           * cell without one is the next in its row, as Excel and
           * LibreOffice read it): on a row's first cell and after a gap.
           * Every cell's own row number would be a third of the sheet's
           * XML and twice the time to compress it. */
          g_string_append (xml, "<c");
          if (last < 0 || c != last + 1)
            {
              g_string_append (xml, " r=\"");
              g_string_append (xml, names[c]);
              append_uint (xml, row + 1);
              g_string_append_c (xml, '"');
            }
          last = c;
          if (kind == IKOU_TABLE_VALUE_DATE)
            {
              lxw_datetime dt = to_datetime (ikou_table_writer_get_day (writer, (IkouTableColumn) c));

              g_string_append (xml, " s=\"");
              append_uint (xml, (guint64) date_style);
              g_string_append (xml, "\"><v>");
              append_number (xml, lxw_datetime_to_excel_datetime (&dt));
            }
          else if (kind == IKOU_TABLE_VALUE_AMOUNT)
            {
              g_string_append (xml, " s=\"");
              append_uint (xml, (guint64) amount_style);
              g_string_append (xml, "\"><v>");
              append_number (xml, (double) ikou_table_writer_get_amount (writer, (IkouTableColumn) c));
            }
          else if (c == IKOU_TABLE_ID)
            {
              g_string_append (xml, "><v>");
              append_number (xml, g_ascii_strtod (text, NULL));
            }
          else
            {
              struct sst_element *string = g_hash_table_lookup (strings, text);

              if (string != NULL)
                workbook->sst->string_count++; /* as lxw_get_sst_index() counts */
              else
                {
                  g_autofree char *cleaned = text_is_clean (text) ? NULL : cell_text (text);

                  string = lxw_get_sst_index (workbook->sst, cleaned ? cleaned : text, LXW_FALSE);
                  if (string == NULL)
                    return LXW_ERROR_MEMORY_MALLOC_FAILED;
                  /* Under its text as given (a cleaned text is another key). */
                  if (cleaned == NULL)
                    g_hash_table_insert (strings, string->string, string);
                }
              g_string_append (xml, " t=\"s\"><v>");
              append_uint (xml, string->index);
            }
          g_string_append (xml, "</v></c>");
        }
      g_string_append (xml, "</row>");
      if (fwrite (xml->str, 1, xml->len, file) != xml->len)
        return LXW_ERROR_CREATING_TMPFILE;
    }
  /* What libxlsxwriter's cell calls would have noted: the sheet's extent. */
  sheet->dim_rowmax = MAX (sheet->dim_rowmax, row);
  *out_row = row;
  return ferror (file) ? LXW_ERROR_CREATING_TMPFILE : LXW_NO_ERROR;
}

static gboolean
write_plan_sheet (lxw_workbook   *workbook,
                  IkouPlan       *plan,
                  IkouSchedule   *schedule,
                  char           *row_buffer,
                  const char     *display_name,
                  GError        **error)
{
  g_autoptr(IkouTableWriter) writer = ikou_table_writer_new (plan, schedule);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, PLAN_SHEET);
  lxw_format *header = workbook_add_format (workbook);
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *amount = workbook_add_format (workbook);
  lxw_row_t row = 0;
  lxw_error status = LXW_NO_ERROR;

  /* Constant-memory mode (ikou_xlsx_write_sheets()) gives each sheet its
   * row file. */
  if (sheet == NULL || !sheet->optimize || sheet->optimize_tmpfile == NULL)
    return check (LXW_ERROR_CREATING_TMPFILE, display_name, error);
  /* A large buffer: a write to the row file per megabyte, not per 4 kB. */
  setvbuf (sheet->optimize_tmpfile, row_buffer, _IOFBF, ROW_BUFFER_SIZE);

  format_set_bold (header);
  format_set_pattern (header, LXW_PATTERN_SOLID);
  format_set_bg_color (header, 0xDEDDDA);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_num_format (date, "yyyy-mm-dd");
  format_set_num_format (amount, "#,##0");

  for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      IkouTableValueKind kind = ikou_table_column_kind ((IkouTableColumn) c);
      double width = kind == IKOU_TABLE_VALUE_FLAG ? 9 : kind == IKOU_TABLE_VALUE_TEXT ? 18 : 12;

      if (c == IKOU_TABLE_NAME || c == IKOU_TABLE_NOTES)
        width = 28;
      worksheet_set_column (sheet, c, c, width, kind == IKOU_TABLE_VALUE_DATE ? date : NULL);
      worksheet_write_string (sheet, 0, c, ikou_table_column_header ((IkouTableColumn) c), header);
    }

  status = write_plan_rows (workbook, sheet, writer, date, amount, &row);
  if (!check (status, display_name, error))
    return FALSE;

  worksheet_autofilter (sheet, 0, 0, row, IKOU_TABLE_N_COLUMNS - 1);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 8); /* A3 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  return TRUE;
}

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
            {
              format_set_right (format, LXW_BORDER_MEDIUM);
              format_set_right_color (format, 0xC01C28);
            }
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
  format_set_right (f->fy_deadline, LXW_BORDER_MEDIUM);
  format_set_right_color (f->fy_deadline, 0xC01C28);
  f->month = workbook_add_format (workbook);
  format_set_align (f->month, LXW_ALIGN_CENTER);
  format_set_font_size (f->month, 9);
  format_set_border (f->month, LXW_BORDER_HAIR);
  format_set_pattern (f->month, LXW_PATTERN_SOLID);
  format_set_bg_color (f->month, 0xF3F3F3);
  f->month_deadline = workbook_add_format (workbook);
  format_set_align (f->month_deadline, LXW_ALIGN_CENTER);
  format_set_font_size (f->month_deadline, 9);
  format_set_border (f->month_deadline, LXW_BORDER_HAIR);
  format_set_pattern (f->month_deadline, LXW_PATTERN_SOLID);
  format_set_bg_color (f->month_deadline, 0xF3F3F3);
  format_set_right (f->month_deadline, LXW_BORDER_MEDIUM);
  format_set_right_color (f->month_deadline, 0xC01C28);
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

static gboolean
write_roadmap_sheet (lxw_workbook  *workbook,
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
    g_autofree char *safe = cell_text (heading ? heading : ROADMAP_SHEET);

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
      g_autofree char *name = cell_text (ikou_system_get_name (system));

      worksheet_write_number (sheet, row, 0, ikou_system_get_id (system), f.text);
      worksheet_write_string (sheet, row, 1, name, f.text);
      if (ikou_system_get_department (system) != NULL)
        {
          g_autofree char *safe = cell_text (ikou_system_get_department (system));

          worksheet_write_string (sheet, row, 2, safe, f.text);
        }
      else
        worksheet_write_blank (sheet, row, 2, f.text);
      host = ikou_system_get_host (system) ? ikou_plan_lookup_host (plan, ikou_system_get_host (system)) : NULL;
      if (host != NULL)
        {
          g_autofree char *safe = cell_text (ikou_host_get_name (host));

          worksheet_write_string (sheet, row, 3, safe, f.text);
        }
      else
        worksheet_write_blank (sheet, row, 3, f.text);
      host = target ? ikou_plan_lookup_host (plan, target) : NULL;
      if (host != NULL)
        {
          g_autofree char *safe = cell_text (ikou_host_get_name (host));

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

  return check (status, display_name, error);
}

gboolean
ikou_xlsx_write_file (IkouPlan      *plan,
                      IkouSchedule  *schedule,
                      const char    *path,
                      GError       **error)
{
  return ikou_xlsx_write_sheets (plan, schedule, IKOU_XLSX_SHEET_PLAN | IKOU_XLSX_SHEET_ROADMAP,
                                 path, error);
}

gboolean
ikou_xlsx_write_sheets (IkouPlan       *plan,
                        IkouSchedule   *schedule,
                        IkouXlsxSheets  sheets,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(IkouSchedule) sched = NULL;
  g_autofree char *display = NULL;
  g_autoptr(IkouAtomicFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  /* Outlives the workbook, whose row file uses it until it is closed. */
  g_autofree char *row_buffer = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_error status;
  gboolean ok;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  sched = ikou_table_ensure_schedule (schedule);

  /* Written beside the target, renamed over it when complete. */
  file = ikou_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;

  tmpdir = g_strdup (g_get_tmp_dir ());
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir;
  workbook = workbook_new_opt (ikou_atomic_file_get_temp_path (file), &options);
  if (workbook == NULL)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not write %s: %s"), display,
                   g_strerror (ENOMEM));
      return FALSE;
    }

  if (sheets & IKOU_XLSX_SHEET_PLAN)
    row_buffer = g_malloc (ROW_BUFFER_SIZE);
  ok = (!(sheets & IKOU_XLSX_SHEET_PLAN) ||
        write_plan_sheet (workbook, plan, sched, row_buffer, display, error)) &&
       (!(sheets & IKOU_XLSX_SHEET_ROADMAP) ||
        write_roadmap_sheet (workbook, plan, sched, display, error));
  status = workbook_close (workbook);
  if (ok)
    ok = check (status, display, error);
  /* libxlsxwriter wrote the temporary file by its name: the same file. */
  return ok && ikou_atomic_file_commit (file, error);
}

/* Reading ------------------------------------------------------------ */

static const IkouXmlErrorCodes xlsx_codes = {
  .not_xml = IKOU_ERROR_CORRUPT,
  .malformed = IKOU_ERROR_CORRUPT,
  .forbidden = IKOU_ERROR_CORRUPT,
  .invalid = IKOU_ERROR_CORRUPT,
};

typedef struct
{
  zip_t           *zip;
  const char      *display_name;
  gsize            total;      /* bytes unpacked so far */
  GPtrArray       *strings;    /* shared strings */
  gboolean         date1904;
  IkouTableReader *table;
  /* The row being read: the text of each column (reused from row to
   * row, so that a cell costs no allocation), n_cells of them set. */
  GPtrArray       *row_text;   /* of GString */
  guint            n_cells;
  GString         *value;
  GString         *scratch;    /* an attribute put together */
  GString         *scratch_v;  /* a value put together */
} Book;

static void
set_corrupt (GError    **error,
             const char *display_name,
             const char *part,
             const char *reason)
{
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("%s is not a readable Excel workbook (%s: %s)."), display_name, part, reason);
}

/* The unpacked part @name, NULL (no error) when it is not there. */
static char *
read_part (Book        *book,
           const char  *name,
           gsize       *length,
           GError     **error)
{
  zip_stat_t st;
  zip_file_t *file;
  zip_int64_t index;
  char *data;
  gsize size, length_read = 0;

  index = zip_name_locate (book->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    return NULL;
  zip_stat_init (&st);
  if (zip_stat_index (book->zip, (zip_uint64_t) index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE) && st.size > IKOU_XLSX_MAX_ENTRY_SIZE)
    goto too_big;

  file = zip_fopen_index (book->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      set_corrupt (error, book->display_name, name, zip_strerror (book->zip));
      return NULL;
    }
  /* The size the zip claims (checked above) saves the copies of growing;
   * what really comes out is counted below.  Unpacked straight into the
   * buffer, one byte kept for the final NUL. */
  size = ((st.valid & ZIP_STAT_SIZE) ? (gsize) st.size : 0) + 1;
  data = g_malloc (size);
  for (;;)
    {
      zip_int64_t got;

      if (size - length_read < 2)
        {
          size += MAX (size / 2, 65536);
          data = g_realloc (data, size);
        }
      got = zip_fread (file, data + length_read, MIN (size - length_read - 1, 1 << 20));
      if (got < 0)
        {
          set_corrupt (error, book->display_name, name, zip_file_strerror (file));
          zip_fclose (file);
          g_free (data);
          return NULL;
        }
      if (got == 0)
        break;
      /* The sizes in the zip may lie: count what comes out. */
      if (length_read + (gsize) got > IKOU_XLSX_MAX_ENTRY_SIZE ||
          book->total + (gsize) got > 2 * (gsize) IKOU_XLSX_MAX_ENTRY_SIZE)
        {
          zip_fclose (file);
          g_free (data);
          goto too_big;
        }
      length_read += (gsize) got;
      book->total += (gsize) got;
    }
  zip_fclose (file);
  *length = length_read;
  data[length_read] = '\0';
  return data;

too_big:
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
               _("%s unpacks to more than %d MB (%s), so it is not read: it may be a "
                 "zip bomb."), book->display_name, IKOU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024), name);
  return NULL;
}

static char *
read_required_part (Book        *book,
                    const char  *name,
                    gsize       *length,
                    GError     **error)
{
  char *data = read_part (book, name, length, error);

  if (data == NULL && (error == NULL || *error == NULL))
    set_corrupt (error, book->display_name, name, _("the part is missing"));
  return data;
}

static IkouXmlStream *
part_stream (Book       *book,
             const char *name,
             const char *data,
             gsize       length)
{
  g_autofree char *display = g_strdup_printf ("%s (%s)", book->display_name, name);

  return ikou_xml_stream_new_for_data (data, length, display, &xlsx_codes, NULL);
}

/* The target of the relationship @id (or of type ending in @type_suffix
 * when @id is NULL) in the .rels part @rels_name, resolved against
 * @base ("xl/"); NULL when there is none. */
static char *
find_relationship (Book        *book,
                   const char  *rels_name,
                   const char  *base,
                   const char  *id,
                   const char  *type_suffix,
                   GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  xmlNode *node;
  int depth;

  data = read_part (book, rels_name, &length, error);
  if (data == NULL)
    return NULL;
  stream = part_stream (book, rels_name, data, length);
  while (ikou_xml_stream_next_element (stream, &node, &depth, error) && node != NULL)
    {
      g_autofree char *rid = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;

      if (!ikou_xml_is_element (node, "Relationship"))
        continue;
      rid = ikou_xml_get_attr (node, "Id");
      type = ikou_xml_get_attr (node, "Type");
      target = ikou_xml_get_attr (node, "Target");
      if (target == NULL)
        continue;
      if ((id != NULL && rid != NULL && g_str_equal (rid, id)) ||
          (id == NULL && type != NULL && g_str_has_suffix (type, type_suffix)))
        {
          if (target[0] == '/')
            return g_strdup (target + 1);
          return g_strconcat (base, target, NULL);
        }
    }
  return NULL;
}

/* The text below @node (as xmlNodeGetContent() gives it), appended to
 * @out without copies in between. */
static void
append_text (xmlNode *node,
             GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        append_text (child, out);
    }
}

/* The value of the attribute @name (without namespace) of @node, NULL
 * when it has none.  Read in place; only a value of several pieces is
 * put together, in @scratch. */
static const char *
attr_value (xmlNode    *node,
            const char *name,
            GString    *scratch)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlNode *text = attr->children;
      xmlChar *value;

      if (attr->ns != NULL || strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (text == NULL)
        return "";
      if (text->next == NULL && text->type == XML_TEXT_NODE && text->content != NULL)
        return (const char *) text->content;
      value = xmlNodeListGetString (node->doc, text, 1);
      g_string_assign (scratch, value != NULL ? (const char *) value : "");
      xmlFree (value);
      return scratch->str;
    }
  return NULL;
}

/* The text of a string item (<si> or <is>): its <t> elements, without
 * the phonetic readings (<rPh>) Japanese Excel adds. */
static void
append_item_text (xmlNode *node,
                  GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || ikou_xml_is_element (child, "rPh"))
        continue;
      if (ikou_xml_is_element (child, "t"))
        append_text (child, out);
      else
        append_item_text (child, out);
    }
}

static gboolean
read_shared_strings (Book        *book,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  xmlNode *node;
  int depth;

  data = read_part (book, name, &length, error);
  if (data == NULL)
    return error == NULL || *error == NULL; /* a workbook without strings */
  stream = part_stream (book, name, data, length);
  while (ikou_xml_stream_next_element (stream, &node, &depth, error))
    {
      GString *text;

      if (node == NULL)
        return TRUE;
      if (!ikou_xml_is_element (node, "si"))
        continue;
      node = ikou_xml_stream_expand (stream, error);
      if (node == NULL)
        return FALSE;
      text = g_string_new (NULL);
      append_item_text (node, text);
      g_ptr_array_add (book->strings, g_string_free (text, FALSE));
      if (!ikou_xml_stream_skip (stream, error))
        return FALSE;
    }
  return FALSE;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* "AB12" → column 27 (0-based), row 12; FALSE when it is not a reference. */
static gboolean
parse_ref (const char *ref,
           guint      *col,
           guint      *row)
{
  guint c = 0, r = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p) && p - ref < 3)
    c = c * 26 + (guint) (g_ascii_toupper (*p++) - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) && r < 10000000)
    r = r * 10 + (guint) (*p++ - '0');
  if (*p != '\0' || r == 0)
    return FALSE;
  *col = c - 1;
  *row = r;
  return TRUE;
}

/* An Excel date serial as an ISO date appended to @out; FALSE when out
 * of range. */
static gboolean
serial_to_iso (const char *text,
               gboolean    date1904,
               GString    *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  gint64 serial;
  IkouDay day;

  if (end == text || *end != '\0' || !(value >= 1 && value < 2958466))
    return FALSE;
  serial = (gint64) value;
  if (date1904)
    day = ikou_day_from_ymd (1904, 1, 1) + (IkouDay) serial;
  else if (serial == 60)
    return FALSE; /* 1900-02-29, which Excel counts and which never was */
  else if (serial < 60)
    day = ikou_day_from_ymd (1899, 12, 31) + (IkouDay) serial;
  else
    day = ikou_day_from_ymd (1899, 12, 30) + (IkouDay) serial;
  if (!ikou_day_is_valid (day))
    return FALSE;
  {
    g_autofree char *iso = ikou_day_format_iso (day);

    g_string_append (out, iso);
  }
  return TRUE;
}

/* A number as a spreadsheet shows it (12000 rather than 12000.0),
 * appended to @out. */
static void
append_number_text (const char *text,
                    GString    *out)
{
  const char *p = text + (*text == '-');
  char *end = NULL;
  double value;

  /* Nearly every number: a whole one, already as it is shown. */
  if (*p >= '1' && *p <= '9')
    {
      const char *q = p;

      while (*q >= '0' && *q <= '9')
        q++;
      if (*q == '\0' && q - p <= 15)
        {
          g_string_append (out, text);
          return;
        }
    }
  value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && value == (double) (gint64) value &&
      value > -1e15 && value < 1e15)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append (out, text);
}

/* The text of the cell @c into @out (empty); FALSE when the cell gives
 * none. */
static gboolean
cell_value (Book    *book,
            xmlNode *c,
            guint    row,
            guint    col,
            GString *out)
{
  const char *type = attr_value (c, "t", book->scratch);
  xmlNode *v_node;
  const char *v;
  int column;

  if (type != NULL && strcmp (type, "inlineStr") == 0)
    {
      xmlNode *is = ikou_xml_first_child (c, "is");

      if (is != NULL)
        append_item_text (is, out);
      return TRUE;
    }
  v_node = ikou_xml_first_child (c, "v");
  if (v_node == NULL)
    return FALSE;
  /* The value in one piece (nearly always), else put together. */
  if (v_node->children != NULL && v_node->children->next == NULL &&
      v_node->children->type == XML_TEXT_NODE && v_node->children->content != NULL)
    v = (const char *) v_node->children->content;
  else
    {
      g_string_truncate (book->scratch_v, 0);
      append_text (v_node, book->scratch_v);
      v = book->scratch_v->str;
    }

  if (type != NULL && strcmp (type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= book->strings->len)
        {
          ikou_table_reader_add_problem (book->table, row, col + 1,
                                         _("the cell refers to a text the workbook does not have."));
          return FALSE;
        }
      g_string_append (out, g_ptr_array_index (book->strings, index));
      return TRUE;
    }
  if (type != NULL && strcmp (type, "d") == 0)
    {
      g_string_append_len (out, v, (gssize) strnlen (v, 10));
      return TRUE;
    }
  if (type != NULL && (strcmp (type, "str") == 0 || strcmp (type, "e") == 0 ||
                       strcmp (type, "b") == 0))
    {
      g_string_append (out, v);
      return TRUE;
    }

  /* A number: a date serial in a date column. */
  column = ikou_table_reader_get_column (book->table, col);
  if (column >= 0 && ikou_table_column_kind ((IkouTableColumn) column) == IKOU_TABLE_VALUE_DATE)
    {
      if (!serial_to_iso (v, book->date1904, out))
        {
          g_autofree char *message = g_strdup_printf (_("%s is not a date Excel can show."), v);

          ikou_table_reader_add_problem (book->table, row, col + 1, message);
          return FALSE;
        }
      return TRUE;
    }
  append_number_text (v, out);
  return TRUE;
}

/* Sets the text of column @col of the row being read to @text (which
 * is taken in exchange for the one it had); the columns before it that
 * have no cell are empty. */
static void
set_cell (Book     *book,
          guint     col,
          GString **text)
{
  GString *old;

  while (book->row_text->len <= col)
    g_ptr_array_add (book->row_text, g_string_new (NULL));
  for (guint i = book->n_cells; i < col; i++)
    g_string_truncate (g_ptr_array_index (book->row_text, i), 0);
  old = g_ptr_array_index (book->row_text, col);
  book->row_text->pdata[col] = *text;
  *text = old;
  book->n_cells = MAX (book->n_cells, col + 1);
}

static void
flush_row (Book      *book,
           guint      row,
           gboolean  *have_header,
           GError   **error)
{
  const char *cells[MAX_COLUMNS];

  if (book->n_cells == 0 || row == 0)
    {
      book->n_cells = 0;
      return;
    }
  for (guint i = 0; i < book->n_cells; i++)
    cells[i] = ((GString *) g_ptr_array_index (book->row_text, i))->str;
  if (!*have_header)
    {
      if (ikou_table_reader_set_header (book->table, row, cells, book->n_cells, error))
        *have_header = TRUE;
    }
  else
    ikou_table_reader_add_row (book->table, row, cells, book->n_cells);
  book->n_cells = 0;
}

/* Reads the cell @c of the row @row into the row being read. */
static void
read_cell (Book     *book,
           xmlNode  *c,
           guint     row,
           guint    *next_col)
{
  const char *ref = attr_value (c, "r", book->scratch);
  guint col = *next_col, ref_row;

  if (ref != NULL && !parse_ref (ref, &col, &ref_row))
    col = *next_col;
  *next_col = col + 1;
  if (col >= MAX_COLUMNS)
    return;
  g_string_truncate (book->value, 0);
  if (cell_value (book, c, row, col, book->value))
    set_cell (book, col, &book->value);
}

static gboolean
read_sheet (Book        *book,
            const char  *name,
            GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;
  g_autofree char *data = NULL;
  gboolean have_header = FALSE;
  guint row = 0, next_col = 0;
  gsize length = 0;
  xmlNode *node;
  int depth;

  data = read_required_part (book, name, &length, error);
  if (data == NULL)
    return FALSE;
  /* The sheet is the last part read: the packed workbook can go. */
  g_clear_pointer (&book->zip, zip_discard);
  stream = part_stream (book, name, data, length);
  while (ikou_xml_stream_next_element (stream, &node, &depth, error))
    {
      if (node == NULL)
        {
          flush_row (book, row, &have_header, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          if (!have_header)
            {
              g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                           _("%s: the sheet is empty: there is no header row."),
                           book->display_name);
              return FALSE;
            }
          return TRUE;
        }
      if (ikou_xml_is_element (node, "row"))
        {
          const char *r = attr_value (node, "r", book->scratch);
          guint64 number = 0;

          flush_row (book, row, &have_header, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, 10000000, &number, NULL))
            row = (guint) number;
          else
            row++;
          next_col = 0;
          /* The whole row at once: a few steps of the stream per row
           * rather than per cell. */
          node = ikou_xml_stream_expand (stream, error);
          if (node == NULL)
            return FALSE;
          for (xmlNode *c = node->children; c != NULL; c = c->next)
            if (ikou_xml_is_element (c, "c"))
              read_cell (book, c, row, &next_col);
          if (!ikou_xml_stream_skip (stream, error))
            return FALSE;
        }
      else if (ikou_xml_is_element (node, "c"))
        {
          /* A cell outside a row, where a sloppy writer put it. */
          node = ikou_xml_stream_expand (stream, error);
          if (node == NULL)
            return FALSE;
          read_cell (book, node, row, &next_col);
          if (!ikou_xml_stream_skip (stream, error))
            return FALSE;
        }
    }
  return FALSE;
}

/* The path of the plan sheet: 計画 or Plan, else the first sheet. */
static char *
find_plan_sheet (Book        *book,
                 const char  *workbook_name,
                 GError     **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;
  g_autofree char *data = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *base = NULL;
  g_autofree char *strings = NULL;
  gsize length = 0;
  xmlNode *node;
  int depth;

  data = read_required_part (book, workbook_name, &length, error);
  if (data == NULL)
    return NULL;
  stream = part_stream (book, workbook_name, data, length);
  while (ikou_xml_stream_next_element (stream, &node, &depth, error) && node != NULL)
    {
      if (ikou_xml_is_element (node, "workbookPr"))
        {
          g_autofree char *d1904 = ikou_xml_get_attr (node, "date1904");

          book->date1904 = d1904 != NULL && (g_str_equal (d1904, "1") || g_str_equal (d1904, "true"));
        }
      else if (ikou_xml_is_element (node, "sheet"))
        {
          g_autofree char *name = ikou_xml_get_attr (node, "name");
          xmlChar *rid = xmlGetNsProp (node, BAD_CAST "id",
                                       BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

          if (rid == NULL)
            continue;
          if (first_id == NULL)
            first_id = g_strdup ((const char *) rid);
          if (plan_id == NULL && name != NULL &&
              (g_str_equal (name, PLAN_SHEET) || g_ascii_strcasecmp (name, "Plan") == 0))
            plan_id = g_strdup ((const char *) rid);
          xmlFree (rid);
        }
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if (first_id == NULL)
    {
      set_corrupt (error, book->display_name, workbook_name, _("the workbook has no sheet"));
      return NULL;
    }

  dir = g_path_get_dirname (workbook_name);
  base = g_str_equal (dir, ".") ? g_strdup ("") : g_strconcat (dir, "/", NULL);
  {
    g_autofree char *file = g_path_get_basename (workbook_name);

    rels = g_strdup_printf ("%s_rels/%s.rels", base, file);
  }
  strings = find_relationship (book, rels, base, NULL, "/sharedStrings", error);
  if (error != NULL && *error != NULL)
    return NULL;
  if (!read_shared_strings (book, strings ? strings : "xl/sharedStrings.xml", error))
    return NULL;
  {
    char *sheet = find_relationship (book, rels, base, plan_id ? plan_id : first_id, NULL, error);

    if (sheet == NULL && (error == NULL || *error == NULL))
      set_corrupt (error, book->display_name, rels, _("the sheet's part is not named"));
    return sheet;
  }
}

/* Reads the workbook in @data; with @take_data, @data was allocated
 * with g_malloc() and is freed as soon as the last part is unpacked. */
static IkouPlan *
read_workbook (char          *data,
               gsize          length,
               gboolean       take_data,
               const char    *display_name,
               IkouSchedule  *schedule,
               char        ***warnings,
               GError       **out_error)
{
  /* The steps below tell failure by the error, so there always is one. */
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  g_autoptr(IkouTableReader) table = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *workbook_name = NULL;
  g_autofree char *sheet = NULL;
  zip_source_t *source;
  zip_error_t zerror;
  Book book = { 0 };
  IkouPlan *plan = NULL;

  if (warnings != NULL)
    *warnings = NULL;
  if (length > IKOU_XLSX_MAX_SIZE)
    {
      ikou_table_set_too_large (error, display_name, length, IKOU_XLSX_MAX_SIZE);
      g_propagate_error (out_error, g_steal_pointer (&local_error));
      if (take_data)
        g_free (data);
      return NULL;
    }

  zip_error_init (&zerror);
  /* GLib allocates with malloc(), so libzip may free() what it takes. */
  source = zip_source_buffer_create (length ? data : "", length, take_data && length, &zerror);
  book.zip = source ? zip_open_from_source (source, ZIP_RDONLY, &zerror) : NULL;
  if (take_data && length == 0)
    g_free (data);
  if (book.zip == NULL)
    {
      if (source != NULL)
        zip_source_free (source);
      else if (take_data && length > 0)
        g_free (data);
      zip_error_fini (&zerror);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("%s is not an Excel workbook (.xlsx): it is not a complete zip archive."),
                   display_name);
      g_propagate_error (out_error, g_steal_pointer (&local_error));
      return NULL;
    }
  zip_error_fini (&zerror);

  if (zip_get_num_entries (book.zip, 0) > IKOU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("%s holds more than %d parts, so it is not read."), display_name,
                   IKOU_XLSX_MAX_ENTRIES);
      goto out;
    }

  strings = g_ptr_array_new_with_free_func (g_free);
  table = ikou_table_reader_new (display_name, schedule);
  book.display_name = display_name;
  book.strings = strings;
  book.table = table;
  book.row_text = g_ptr_array_new_with_free_func (string_free);
  book.value = g_string_new (NULL);
  book.scratch = g_string_new (NULL);
  book.scratch_v = g_string_new (NULL);

  workbook_name = find_relationship (&book, "_rels/.rels", "", NULL, "/officeDocument", error);
  if (error != NULL && *error != NULL)
    goto out;
  if (workbook_name == NULL)
    {
      if (zip_name_locate (book.zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                       _("%s is a zip archive but not an Excel workbook (.xlsx)."), display_name);
          goto out;
        }
      workbook_name = g_strdup ("xl/workbook.xml");
    }
  sheet = find_plan_sheet (&book, workbook_name, error);
  if (sheet == NULL || !read_sheet (&book, sheet, error))
    goto out;
  /* The strings are no longer needed while the plan is built. */
  g_ptr_array_set_size (strings, 0);
  plan = ikou_table_reader_finish (table, warnings, error);

out:
  zip_discard (book.zip);
  g_clear_pointer (&book.row_text, g_ptr_array_unref);
  if (book.value != NULL)
    g_string_free (book.value, TRUE);
  if (book.scratch != NULL)
    g_string_free (book.scratch, TRUE);
  if (book.scratch_v != NULL)
    g_string_free (book.scratch_v, TRUE);
  if (local_error != NULL)
    g_propagate_error (out_error, g_steal_pointer (&local_error));
  return plan;
}

IkouPlan *
ikou_xlsx_read_data (const char    *data,
                     gsize          length,
                     const char    *display_name,
                     IkouSchedule  *schedule,
                     char        ***warnings,
                     GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_workbook ((char *) data, length, FALSE, display_name, schedule, warnings, error);
}

IkouPlan *
ikou_xlsx_read_file (const char    *path,
                     IkouSchedule  *schedule,
                     char        ***warnings,
                     GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (!ikou_table_read_file (path, IKOU_XLSX_MAX_SIZE, &data, &length, error))
    return NULL;
  name = g_filename_display_name (path);
  return read_workbook (g_steal_pointer (&data), length, TRUE, name, schedule, warnings, error);
}

gboolean
ikou_xlsx_sniff (const char *data,
                 gsize       length)
{
  return length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

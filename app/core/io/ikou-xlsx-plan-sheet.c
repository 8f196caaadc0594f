/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <xlsxwriter.h>

/* write_plan_rows() writes into a sheet's row file and the shared-string
 * table through fields of libxlsxwriter's structs (optimize_tmpfile, sst)
 * that its headers declare but its manual does not promise: checked
 * against 1.1.x, the series Debian 12 ships.  A newer series must be
 * read again before this builds. */
#if LXW_VERSION_ID < 110 || LXW_VERSION_ID >= 120
#error "write_plan_rows() relies on libxlsxwriter 1.1.x internals; check them against this version"
#endif

#include "ikou-calendar.h"
#include "ikou-table.h"
#include "ikou-xlsx-private.h"

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
                  g_autofree char *cleaned = xlsx_text_is_clean (text) ? NULL
                                                                       : xlsx_cell_text (text);

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

gboolean
xlsx_write_plan_sheet (lxw_workbook   *workbook,
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
    return xlsx_check (LXW_ERROR_CREATING_TMPFILE, display_name, error);
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
  if (!xlsx_check (status, display_name, error))
    return FALSE;

  worksheet_autofilter (sheet, 0, 0, row, IKOU_TABLE_N_COLUMNS - 1);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 8); /* A3 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  return TRUE;
}

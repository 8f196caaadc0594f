/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ikou-atomic-file.h"
#include "ikou-error.h"
#include "ikou-table.h"
#include "ikou-xlsx-private.h"

/* Excel's limit on the text of a cell, in bytes as libxlsxwriter counts. */
#define MAX_CELL_BYTES 32767

/* Text libxlsxwriter writes as it is into XML: no control characters
 * (they would make the part unreadable) and no more than a cell holds. */
gboolean
xlsx_text_is_clean (const char *text)
{
  gsize length = strlen (text);
  gboolean clean = length <= MAX_CELL_BYTES && g_utf8_validate_len (text, length, NULL);

  for (const char *p = text; clean && *p != '\0'; p++)
    clean = (guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
  return clean;
}

char *
xlsx_cell_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  /* Nearly every cell: valid, short, no control characters. */
  if (xlsx_text_is_clean (text))
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

gboolean
xlsx_check (lxw_error   status,
            const char *display_name,
            GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not write %s: %s"),
               display_name, lxw_strerror (status));
  return FALSE;
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
        xlsx_write_plan_sheet (workbook, plan, sched, row_buffer, display, error)) &&
       (!(sheets & IKOU_XLSX_SHEET_ROADMAP) ||
        xlsx_write_roadmap_sheet (workbook, plan, sched, display, error));
  status = workbook_close (workbook);
  if (ok)
    ok = xlsx_check (status, display, error);
  /* libxlsxwriter wrote the temporary file by its name: the same file. */
  return ok && ikou_atomic_file_commit (file, error);
}

gboolean
ikou_xlsx_sniff (const char *data,
                 gsize       length)
{
  return length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

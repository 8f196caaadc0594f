/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ikou-csv.h"
#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-mspdi.h"
#include "ikou-schedule.h"
#include "ikou-file.h"
#include "ikou-store.h"
#include "ikou-xlsx.h"
#include "ikou-xml.h"

IkouPlanFileKind
ikou_plan_file_sniff (const char  *path,
                     GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  g_autofree char *display = NULL;
  char head[4096] = { 0 };
  FILE *file;
  size_t n;
  int fd;
  const char *p;

  g_return_val_if_fail (path != NULL, IKOU_PLAN_FILE_UNKNOWN);

  display = g_filename_display_name (path);
  fd = ikou_file_open_regular (path, error);
  if (fd < 0)
    return IKOU_PLAN_FILE_UNKNOWN;
  file = fdopen (fd, "rb");
  if (file == NULL)
    {
      close (fd);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (errno));
      return IKOU_PLAN_FILE_UNKNOWN;
    }
  n = fread (head, 1, sizeof head - 1, file);
  fclose (file);

  if (n >= sizeof sqlite_magic && memcmp (head, sqlite_magic, sizeof sqlite_magic) == 0)
    return IKOU_PLAN_FILE_NATIVE;

  p = head;
  if (n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  if (*p == '<')
    return ikou_mspdi_sniff_file (path) ? IKOU_PLAN_FILE_MSPDI : IKOU_PLAN_FILE_XML;
  if (ikou_xlsx_sniff (head, n))
    return IKOU_PLAN_FILE_XLSX;
  /* A table whose first row names plan columns; a text file named .csv
   * too, so that what is wrong with it is said in a table's terms. */
  if (ikou_csv_sniff (head, n) ||
      (n > 0 && memchr (head, '\0', n) == NULL &&
       (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))))
    return IKOU_PLAN_FILE_CSV;

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
               n == 0 ? _("“%s” is empty: it is not an Ikou plan.")
                      : _("“%s” is not an Ikou plan (neither an .ikou file nor Ikou XML)."),
               display);
  return IKOU_PLAN_FILE_UNKNOWN;
}

IkouPlan *
ikou_plan_file_load (const char  *path,
                    GError     **error)
{
  return ikou_plan_file_load_full (path, IKOU_STORE_LOAD_DEFAULT, error);
}

IkouPlan *
ikou_plan_file_load_full (const char          *path,
                          IkouStoreLoadFlags   flags,
                          GError             **error)
{
  switch (ikou_plan_file_sniff (path, error))
    {
    case IKOU_PLAN_FILE_NATIVE:
      return ikou_store_load_full (path, flags, error);
    case IKOU_PLAN_FILE_XML:
      return ikou_xml_read_file (path, error);
    case IKOU_PLAN_FILE_CSV:
    case IKOU_PLAN_FILE_XLSX:
    case IKOU_PLAN_FILE_MSPDI:
      return ikou_plan_file_import (path, NULL, error);
    case IKOU_PLAN_FILE_UNKNOWN:
    default:
      return NULL;
    }
}

gboolean
ikou_plan_file_save (IkouPlan    *plan,
                    const char  *path,
                    GError     **error)
{
  return ikou_plan_file_save_checked (plan, path, NULL, error);
}

gboolean
ikou_plan_file_save_checked (IkouPlan            *plan,
                             const char          *path,
                             const IkouFileStamp *expected,
                             GError             **error)
{
  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (ikou_plan_file_kind_for_name (path) == IKOU_PLAN_FILE_MSPDI)
    return ikou_plan_file_export (plan, path, IKOU_PLAN_FILE_MSPDI, error);
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return ikou_xml_write_file_checked (plan, path, expected, error);
  if (ikou_plan_file_kind_for_name (path) == IKOU_PLAN_FILE_CSV ||
      ikou_plan_file_kind_for_name (path) == IKOU_PLAN_FILE_XLSX)
    return ikou_plan_file_export (plan, path, ikou_plan_file_kind_for_name (path), error);
  return ikou_store_save_checked (plan, path, expected, error);
}

/* The national schedule, when one loads, gives the deadline a task's
 * Deadline is compared with and the operations named in 業務. */
static IkouPlan *
import_mspdi (const char   *path,
              char       ***warnings,
              GError      **error)
{
  g_autoptr(IkouSchedule) schedule = ikou_schedule_load_default (NULL);
  g_autoptr(GPtrArray) report = NULL;
  IkouPlan *plan = ikou_mspdi_read_file (path, schedule, warnings != NULL ? &report : NULL,
                                         error);

  if (plan != NULL && report != NULL && report->len > 0)
    {
      g_ptr_array_add (report, NULL);
      *warnings = (char **) g_ptr_array_free (g_steal_pointer (&report), FALSE);
    }
  return plan;
}

IkouPlan *
ikou_plan_file_import (const char   *path,
                       char       ***warnings,
                       GError      **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  switch (ikou_plan_file_sniff (path, error))
    {
    case IKOU_PLAN_FILE_CSV:
      return ikou_csv_read_file (path, NULL, warnings, error);
    case IKOU_PLAN_FILE_XLSX:
      return ikou_xlsx_read_file (path, NULL, warnings, error);
    case IKOU_PLAN_FILE_NATIVE:
      return ikou_store_load (path, error);
    case IKOU_PLAN_FILE_XML:
      return ikou_xml_read_file (path, error);
    case IKOU_PLAN_FILE_MSPDI:
      return import_mspdi (path, warnings, error);
    case IKOU_PLAN_FILE_UNKNOWN:
    default:
      return NULL;
    }
}

IkouPlanFileKind
ikou_plan_file_kind_for_name (const char *path)
{
  static const struct { const char *suffix; IkouPlanFileKind kind; } suffixes[] = {
    { ".csv", IKOU_PLAN_FILE_CSV },
    { ".xlsx", IKOU_PLAN_FILE_XLSX },
    { ".mspdi.xml", IKOU_PLAN_FILE_MSPDI },
    { ".xml", IKOU_PLAN_FILE_XML },
    { ".ikou", IKOU_PLAN_FILE_NATIVE },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, IKOU_PLAN_FILE_UNKNOWN);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return suffixes[i].kind;
  return IKOU_PLAN_FILE_UNKNOWN;
}

gboolean
ikou_plan_file_export (IkouPlan          *plan,
                       const char        *path,
                       IkouPlanFileKind   kind,
                       GError           **error)
{
  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (kind)
    {
    case IKOU_PLAN_FILE_CSV:
      return ikou_csv_write_file (plan, NULL, path, error);
    case IKOU_PLAN_FILE_XLSX:
      return ikou_xlsx_write_file (plan, NULL, path, error);
    case IKOU_PLAN_FILE_MSPDI:
      return ikou_mspdi_write_file (plan, NULL, path, NULL, error);
    case IKOU_PLAN_FILE_XML:
      return ikou_xml_write_file (plan, path, error);
    case IKOU_PLAN_FILE_NATIVE:
      return ikou_store_save (plan, path, error);
    case IKOU_PLAN_FILE_UNKNOWN:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-mspdi.h"
#include "ikou-store.h"
#include "ikou-xml.h"

IkouPlanFileKind
ikou_plan_file_sniff (const char  *path,
                     GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  g_autofree char *display = NULL;
  char head[64] = { 0 };
  FILE *file;
  size_t n;
  const char *p;

  g_return_val_if_fail (path != NULL, IKOU_PLAN_FILE_UNKNOWN);

  display = g_filename_display_name (path);
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, IKOU_ERROR,
                   saved == ENOENT ? IKOU_ERROR_NOT_FOUND : IKOU_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved));
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
  switch (ikou_plan_file_sniff (path, error))
    {
    case IKOU_PLAN_FILE_NATIVE:
      return ikou_store_load (path, error);
    case IKOU_PLAN_FILE_XML:
      return ikou_xml_read_file (path, error);
    case IKOU_PLAN_FILE_MSPDI:
      return ikou_mspdi_read_file (path, NULL, NULL, error);
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
  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (ikou_plan_file_is_mspdi_name (path))
    return ikou_mspdi_write_file (plan, NULL, path, NULL, error);
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return ikou_xml_write_file (plan, path, error);
  return ikou_store_save (plan, path, error);
}

gboolean
ikou_plan_file_is_mspdi_name (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".mspdi.xml");
}

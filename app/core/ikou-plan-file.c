/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-file.h"
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
    return IKOU_PLAN_FILE_XML;

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

  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return ikou_xml_write_file_checked (plan, path, expected, error);
  return ikou_store_save_checked (plan, path, expected, error);
}

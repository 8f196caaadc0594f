/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "ikou-i18n.h"

void
ikou_i18n_init (void)
{
  const char *dir = g_getenv ("IKOU_LOCALEDIR");

  setlocale (LC_ALL, "");

  /* Run uninstalled (tools/run, tests), use the catalogue the build made. */
  if (dir == NULL || *dir == '\0')
    dir = g_file_test (LOCALEDIR "/ja/LC_MESSAGES/" GETTEXT_PACKAGE ".mo", G_FILE_TEST_EXISTS)
          ? LOCALEDIR : IKOU_BUILD_LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

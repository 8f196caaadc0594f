/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-cli.h"
#ifdef IKOU_WITH_GUI
# include "ikou-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
#ifdef IKOU_WITH_GUI
  ikou_cli_set_gui (ikou_gui_main);
#endif
  return ikou_cli_main (argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-cli.h"

int
main (int   argc,
      char *argv[])
{
  return ikou_cli_main (argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ikou-i18n.h"

G_BEGIN_DECLS

/* The command-line verbs: check, import, export.  Returns the process
 * exit status.  A GUI build passes its own entry for "no verb". */
typedef int (*IkouGuiMain) (int argc, char **argv);
int  ikou_cli_main      (int          argc,
                         char       **argv);
void ikou_cli_set_gui   (IkouGuiMain  gui_main);

G_END_DECLS

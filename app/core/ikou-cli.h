/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ikou-types.h"

G_BEGIN_DECLS

/* Sets up the locale and the gettext domain (the build tree's catalogue
 * when $IKOU_LOCALEDIR is set, the installed one otherwise). */
void ikou_i18n_init (void);

/* The command-line verbs: check, import, export.  Returns the process
 * exit status.  A GUI build passes its own entry for "no verb". */
typedef int (*IkouGuiMain) (int argc, char **argv);
int  ikou_cli_main      (int          argc,
                         char       **argv);
void ikou_cli_set_gui   (IkouGuiMain  gui_main);

G_END_DECLS

G_BEGIN_DECLS

/* The options of `ikou export` for roadmap formats, as typed.  The
 * export code validates them (paper names, months, scenario). */
typedef struct
{
  char     *output;
  char     *paper;
  gboolean  portrait;
  char     *from;
  char     *to;
  char     *scenario;
  char     *title;
  double    dpi;
  char     *today;
  char    *compare;   /* --compare NAME or "baseline": ghosts of that plan */
  char    *costs;     /* --costs none|every-page|page */
} IkouCliExportOptions;

G_END_DECLS

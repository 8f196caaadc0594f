/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up the locale and the gettext domain (the build tree's catalogue
 * when $IKOU_LOCALEDIR is set, the installed one otherwise).  Every
 * entry point calls it first: the application, the command line, tests. */
void ikou_i18n_init (void);

G_END_DECLS

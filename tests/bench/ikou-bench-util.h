/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Orders two doubles, smallest first (for g_array_sort() and qsort()). */
int      ikou_bench_compare_doubles (gconstpointer       a,
                                     gconstpointer       b);

/* Parses the command line against @entries, @summary following the
 * usage line of --help.  When it does not parse, prints why, after
 * "@program: ", and returns FALSE (the caller exits with 2). */
gboolean ikou_bench_parse_options   (int                *argc,
                                     char             ***argv,
                                     const char         *program,
                                     const char         *summary,
                                     const GOptionEntry *entries);

G_END_DECLS

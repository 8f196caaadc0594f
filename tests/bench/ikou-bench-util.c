/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ikou-bench-util.h"

/* What the bench programs share: their figures' order and their
 * command line. */

int
ikou_bench_compare_doubles (gconstpointer a,
                            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

gboolean
ikou_bench_parse_options (int                *argc,
                          char             ***argv,
                          const char         *program,
                          const char         *summary,
                          const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

/* ikou-generate --systems N [--seed S] [--bodies B] --output PLAN.ikou|.xml
 *
 * Writes a made-up national-scale plan (see ikou-bench-plan.c), the same
 * for the same arguments.  A developer tool: its messages are not
 * translated. */

#include <stdlib.h>

#include "ikou-bench-plan.h"
#include "ikou-bench-util.h"
#include "ikou-store.h"
#include "ikou-xml.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *output = NULL;
  int systems = IKOU_BENCH_NATIONAL_SYSTEMS;
  int bodies = 0;
  gint64 seed = 1;
  gint64 start;
  gboolean ok;
  GOptionEntry entries[] = {
    { "systems", 'n', 0, G_OPTION_ARG_INT, &systems,
      "Number of systems (default 34592)", "N" },
    { "bodies", 'b', 0, G_OPTION_ARG_INT, &bodies,
      "Number of local governments (default: 1788 at 34592 systems, proportional below)", "B" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      "Random seed (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "The plan to write: .ikou (SQLite) or .xml", "PLAN" },
    { NULL }
  };

  if (!ikou_bench_parse_options (&argc, &argv, "ikou-generate",
                                 "- generate a national-scale Ikou plan", entries))
    return 2;
  if (output == NULL)
    {
      g_printerr ("ikou-generate: --output PLAN.ikou|.xml is required\n");
      return 2;
    }
  if (systems < 1 || systems > 10000000)
    {
      g_printerr ("ikou-generate: --systems must be between 1 and 10000000\n");
      return 2;
    }
  if (bodies < 0 || bodies > IKOU_BENCH_MAX_BODIES)
    {
      g_printerr ("ikou-generate: --bodies must be between 1 and %d\n", IKOU_BENCH_MAX_BODIES);
      return 2;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("ikou-generate: --seed must be between 0 and %u\n", G_MAXUINT32);
      return 2;
    }
  if (!g_str_has_suffix (output, ".ikou") && !g_str_has_suffix (output, ".xml"))
    {
      g_printerr ("ikou-generate: %s: the output must end in .ikou or .xml\n", output);
      return 2;
    }

  start = g_get_monotonic_time ();
  plan = ikou_bench_generate_plan ((guint) systems, (guint) bodies, (guint32) seed);
  g_printerr ("ikou-generate: %u systems, %u hosts generated in %.0f ms\n",
              ikou_plan_get_n_systems (plan), ikou_plan_get_n_hosts (plan),
              (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (g_str_has_suffix (output, ".ikou"))
    ok = ikou_store_save (plan, output, &error);
  else
    ok = ikou_xml_write_file (plan, output, &error);
  if (!ok)
    {
      g_printerr ("ikou-generate: %s\n", error->message);
      return 1;
    }
  g_printerr ("ikou-generate: wrote %s in %.0f ms\n", output,
              (g_get_monotonic_time () - start) / 1000.0);

  return 0;
}

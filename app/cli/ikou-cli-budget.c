/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-budget.h"
#include "ikou-calendar.h"
#include "ikou-cli-private.h"

/* ikou budget PLAN [--scenario NAME] [--from FY] [--to FY] [--json|--csv]:
 * what the plan costs per fiscal year (千円), as a table, JSON or CSV.
 * Reads the plan, changes nothing. */

/* 2025, R7, 令和7年度, FY2025. */
static gboolean
parse_fiscal_year (const char *text,
                   int        *out_fy)
{
  g_autofree char *with_suffix = NULL;
  guint64 year;

  if (g_ascii_string_to_unsigned (text, 10, IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY, &year, NULL))
    {
      *out_fy = (int) year;
      return TRUE;
    }
  if (ikou_parse_fiscal_year (text, out_fy, NULL))
    return *out_fy >= IKOU_PLAN_MIN_FY && *out_fy <= IKOU_PLAN_MAX_FY;
  with_suffix = g_strconcat (text, "年度", NULL);
  return ikou_parse_fiscal_year (with_suffix, out_fy, NULL) &&
         *out_fy >= IKOU_PLAN_MIN_FY && *out_fy <= IKOU_PLAN_MAX_FY;
}

static gboolean
parse_option_fy (const char *option,
                 const char *text,
                 int        *out_fy)
{
  if (text == NULL)
    return TRUE;
  if (parse_fiscal_year (text, out_fy))
    return TRUE;
  /* Translators: an option (--from) and what was given */
  _ikou_cli_failf (_("%s “%s” is not a fiscal year: write it as 2025, R7 or 令和7年度."),
                   option, text);
  return FALSE;
}

static void
add_amount (JsonBuilder *builder,
            const char  *name,
            gint64       amount)
{
  json_builder_set_member_name (builder, name);
  if (amount < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, amount);
}

static void
print_json (IkouPlan     *plan,
            IkouScenario *scenario,
            IkouBudget   *budget)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "plan", ikou_plan_get_title (plan));
  _ikou_cli_add_string (builder, "scenario", scenario ? ikou_scenario_get_name (scenario) : NULL);
  _ikou_cli_add_string (builder, "unit", "千円");
  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint i = 0; i < budget->n_years; i++)
    {
      const IkouBudgetYear *year = &budget->years[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "fy");
      json_builder_add_int_value (builder, year->fiscal_year);
      json_builder_set_member_name (builder, "one_time");
      json_builder_add_int_value (builder, year->one_time);
      json_builder_set_member_name (builder, "running");
      json_builder_add_int_value (builder, year->running);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, year->one_time + year->running);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reference");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fy");
  json_builder_add_int_value (builder, budget->reference_fy);
  add_amount (builder, "running", budget->reference_running);
  add_amount (builder, "goal", budget->goal);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  _ikou_cli_print_json (builder);
}

/* Plain numbers, one line per fiscal year, for spreadsheets. */
static void
print_csv (IkouBudget *budget)
{
  g_print ("fy,one_time,running,total\r\n");
  for (guint i = 0; i < budget->n_years; i++)
    {
      const IkouBudgetYear *year = &budget->years[i];

      g_print ("%d,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\r\n",
               year->fiscal_year, year->one_time, year->running,
               year->one_time + year->running);
    }
}

static void
print_text (IkouPlan     *plan,
            IkouScenario *scenario,
            IkouBudget   *budget)
{
  const char *title = ikou_plan_get_title (plan) ? ikou_plan_get_title (plan) : "";

  if (scenario != NULL)
    /* Translators: plan title, scenario name */
    g_print (_("%s — scenario “%s” — costs per fiscal year (thousand yen)\n"), title,
             ikou_scenario_get_name (scenario));
  else
    /* Translators: plan title */
    g_print (_("%s — costs per fiscal year (thousand yen)\n"), title);

  g_print ("%-10s %14s %14s %14s\n", _("Fiscal year"), _("One-time"), _("Running"), _("Total"));
  for (guint i = 0; i < budget->n_years; i++)
    {
      const IkouBudgetYear *year = &budget->years[i];
      g_autofree char *label = ikou_fiscal_year_label (year->fiscal_year, ikou_labels_for_locale (FALSE));

      g_print ("%-10s %14" G_GINT64_FORMAT " %14" G_GINT64_FORMAT " %14" G_GINT64_FORMAT "\n",
               label, year->one_time, year->running, year->one_time + year->running);
    }

  {
    g_autofree char *label = ikou_fiscal_year_label (budget->reference_fy,
                                                     ikou_labels_for_locale (FALSE));
    g_autofree char *running = g_strdup_printf ("%" G_GINT64_FORMAT, budget->reference_running);
    g_autofree char *goal = g_strdup_printf ("%" G_GINT64_FORMAT, budget->goal);

    if (budget->reference_running < 0)
      /* Translators: the reference fiscal year */
      g_print (_("Reference year %s: running cost unknown.\n"), label);
    else
      /* Translators: the reference fiscal year, its running cost, 70 % of it (thousand yen) */
      g_print (_("Reference year %s: running cost %s, goal (30 %% less) %s.\n"),
               label, running, goal);
  }
}

int
_ikou_cli_budget (int    argc,
                  char **argv)
{
  g_autofree char *scenario_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean json = FALSE, csv = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_name,
      N_("The costs of the what-if scenario NAME instead of the baseline"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First fiscal year (default: that of the plan’s first milestone)"), N_("FY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last fiscal year (default: two years after the plan’s last milestone)"), N_("FY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Read a plan whose checksum does not match"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("PLAN — what a plan costs per fiscal year (thousand yen)"));
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouBudget) budget = NULL;
  IkouScenario *scenario = NULL;
  int first_fy, last_fy, from_fy = 0, to_fy = 0;

  if (!_ikou_cli_parse_options (context, entries,
                                _("Fiscal years are written 2025, R7 or 令和7年度. Exit status: 0, "
                                  "or 2 when the plan could not be read or an option is wrong."),
                                &argc, &argv, 1,
                                _("Give one plan, e.g. “ikou budget plan.ikou”.")))
    return IKOU_EXIT_FAILED;
  if (json && csv)
    return _ikou_cli_fail (_("Choose one of --json and --csv."));
  if (!parse_option_fy ("--from", from_text, &from_fy) ||
      !parse_option_fy ("--to", to_text, &to_fy))
    return IKOU_EXIT_FAILED;

  plan = _ikou_cli_load_plan (argv[1], force, scenario_name, &scenario);
  if (plan == NULL)
    return IKOU_EXIT_FAILED;

  ikou_budget_default_range (plan, scenario, &first_fy, &last_fy);
  if (from_text != NULL)
    {
      first_fy = from_fy;
      if (to_text == NULL)
        last_fy = MAX (last_fy, first_fy);
    }
  if (to_text != NULL)
    {
      last_fy = to_fy;
      if (from_text == NULL)
        first_fy = MIN (first_fy, last_fy);
    }
  if (first_fy > last_fy)
    /* Translators: --from and --to fiscal years */
    return _ikou_cli_failf (_("--from FY%d is after --to FY%d: give the earlier year first."),
                            first_fy, last_fy);

  budget = ikou_budget_compute (plan, scenario, first_fy, last_fy);
  if (json)
    print_json (plan, scenario, budget);
  else if (csv)
    print_csv (budget);
  else
    print_text (plan, scenario, budget);

  return IKOU_EXIT_OK;
}

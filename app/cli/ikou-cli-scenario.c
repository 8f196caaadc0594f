/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-cli-private.h"
#include "ikou-document.h"
#include "ikou-error.h"
#include "ikou-plan-diff.h"
#include "ikou-system-filter.h"

/* `ikou scenario PLAN ACTION …` and `ikou diff`: the same operations as
 * the window, through the same document, so the file is written
 * atomically once, or not at all. */

typedef struct
{
  char     *from;
  char     *description;
  char     *systems;
  char    **filters;
  int       months;
  gboolean  months_set;
  char     *milestones;
  char     *host;
  char     *standard_compliant;
  char     *keep_as;
  gboolean  json;
  gboolean  force;
} ScenarioOptions;

static void
scenario_options_clear (ScenarioOptions *o)
{
  g_free (o->from);
  g_free (o->description);
  g_free (o->systems);
  g_strfreev (o->filters);
  g_free (o->milestones);
  g_free (o->host);
  g_free (o->standard_compliant);
  g_free (o->keep_as);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScenarioOptions, scenario_options_clear)

static gboolean
months_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  ScenarioOptions *o = data;
  char *end = NULL;
  gint64 months;

  months = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || months < -1200 || months > 1200)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--months takes a whole number of months, e.g. 6 or -3 (not “%s”)."), value);
      return FALSE;
    }
  o->months = (int) months;
  o->months_set = TRUE;
  return TRUE;
}

static void
print_scenarios (IkouPlan *plan,
                 gboolean  json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = ikou_plan_get_n_scenarios (plan);

  if (!json && n == 0)
    g_print ("%s\n", _("The plan has no scenarios."));

  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "plan", ikou_plan_get_title (plan));
  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);
      g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);
      guint added = 0, orphaned = 0, removed_systems = 0;

      for (guint j = 0; j < ids->len; j++)
        {
          guint id = g_array_index (ids, guint, j);

          added += ikou_scenario_get_n_added_steps (scenario, id);
          orphaned += ikou_scenario_get_n_orphans (scenario, id);
          if (ikou_plan_lookup_system (plan, id) == NULL)
            removed_systems++;
        }

      if (!json)
        {
          /* Translators: scenario list: name, systems, overrides, added steps, orphaned */
          g_print (_("%s\t%u systems, %u changes, %u added steps, %u orphaned"),
                   ikou_scenario_get_name (scenario), ids->len,
                   ikou_scenario_get_n_overrides (scenario), added, orphaned);
          if (removed_systems > 0)
            /* Translators: follows the scenario list line */
            g_print (_(", %u removed systems"), removed_systems);
          if (ikou_scenario_get_description (scenario) != NULL)
            g_print ("\t%s", ikou_scenario_get_description (scenario));
          g_print ("\n");
        }

      json_builder_begin_object (builder);
      _ikou_cli_add_string (builder, "name", ikou_scenario_get_name (scenario));
      _ikou_cli_add_string (builder, "description", ikou_scenario_get_description (scenario));
      json_builder_set_member_name (builder, "systems");
      json_builder_add_int_value (builder, ids->len);
      json_builder_set_member_name (builder, "overrides");
      json_builder_add_int_value (builder, ikou_scenario_get_n_overrides (scenario));
      json_builder_set_member_name (builder, "added_steps");
      json_builder_add_int_value (builder, added);
      json_builder_set_member_name (builder, "orphaned");
      json_builder_add_int_value (builder, orphaned);
      json_builder_set_member_name (builder, "removed_systems");
      json_builder_add_int_value (builder, removed_systems);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    _ikou_cli_print_json (builder);
}

static GPtrArray *
select_systems (IkouDocument     *document,
                IkouScenario     *scenario,
                ScenarioOptions  *o,
                GError          **error)
{
  IkouPlan *plan = ikou_document_get_plan (document);
  GPtrArray *systems;

  if ((o->systems != NULL) == (o->filters != NULL))
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                           _("Choose the systems with either --systems ID,ID… or --filter KEY=VALUE."));
      return NULL;
    }
  if (o->systems != NULL)
    return ikou_system_filter_by_ids (plan, o->systems, error);

  systems = ikou_system_filter_select (plan, scenario, ikou_document_get_schedule (document),
                                       (const char * const *) o->filters, error);
  if (systems != NULL && systems->len == 0)
    {
      g_autofree char *joined = g_strjoinv (" ", o->filters);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("No system matches %s: nothing was changed."), joined);
      g_clear_pointer (&systems, g_ptr_array_unref);
    }
  return systems;
}

static gboolean
parse_milestones (const char          *text,
                  IkouShiftMilestones *out,
                  GError             **error)
{
  if (text == NULL || g_str_equal (text, "all"))
    *out = IKOU_SHIFT_ALL;
  else if (g_str_equal (text, "contract"))
    *out = IKOU_SHIFT_CONTRACT;
  else if (g_str_equal (text, "cutover"))
    *out = IKOU_SHIFT_CUTOVER;
  else
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("--milestones is all, contract or cutover (not “%s”)."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_yes_no (const char  *text,
              int         *out,
              GError     **error)
{
  if (text == NULL)
    *out = -1;
  else if (g_str_equal (text, "yes") || g_str_equal (text, "1") || g_str_equal (text, "true"))
    *out = 1;
  else if (g_str_equal (text, "no") || g_str_equal (text, "0") || g_str_equal (text, "false"))
    *out = 0;
  else
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("--standard-compliant is yes or no (not “%s”)."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_host (IkouPlan    *plan,
            const char  *text,
            guint       *out,
            GError     **error)
{
  char *end = NULL;
  guint64 id;

  if (text == NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                           _("Say which host with --host ID."));
      return FALSE;
    }
  id = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || id == 0 || id > G_MAXUINT ||
      ikou_plan_lookup_host (plan, (guint) id) == NULL)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                   _("The plan has no host with the id “%s”."), text);
      return FALSE;
    }
  *out = (guint) id;
  return TRUE;
}

/* Runs one action on the document; FALSE with @error when refused
 * (nothing is then written). */
static gboolean
run_action (IkouDocument     *document,
            const char       *action,
            char            **args,
            int               n_args,
            ScenarioOptions  *o,
            gboolean         *write,
            GError          **error)
{
  IkouPlan *plan = ikou_document_get_plan (document);
  IkouScenario *scenario = NULL;
  static const struct { const char *name; int n_args; } actions[] = {
    { "list", 0 }, { "new", 1 }, { "rename", 2 }, { "describe", 2 }, { "delete", 1 },
    { "adopt", 1 }, { "shift", 1 }, { "retarget", 1 },
  };
  int expected = -1;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i].name))
      expected = actions[i].n_args;
  if (expected < 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("“%s” is not a scenario action; use list, new, rename, describe, delete, adopt, shift or retarget."),
                   action);
      return FALSE;
    }
  if (n_args != expected)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” takes %d name.", "“%s” takes %d names.", expected),
                   action, expected);
      return FALSE;
    }

  *write = TRUE;
  if (g_str_equal (action, "list"))
    {
      *write = FALSE;
      print_scenarios (plan, o->json);
      return TRUE;
    }
  if (g_str_equal (action, "new"))
    {
      IkouScenario *from = NULL;

      if (o->from != NULL && (from = ikou_plan_require_scenario (plan, o->from, error)) == NULL)
        return FALSE;
      return ikou_document_add_scenario (document, args[0], from, o->description, error) != NULL;
    }

  if ((scenario = ikou_plan_require_scenario (plan, args[0], error)) == NULL)
    return FALSE;

  if (g_str_equal (action, "rename"))
    return ikou_document_rename_scenario (document, scenario, args[1], error);
  if (g_str_equal (action, "describe"))
    {
      ikou_document_describe_scenario (document, scenario, args[1]);
      return TRUE;
    }
  if (g_str_equal (action, "delete"))
    {
      ikou_document_delete_scenario (document, scenario);
      return TRUE;
    }
  if (g_str_equal (action, "adopt"))
    {
      g_autofree char *keep_as = o->keep_as != NULL ? g_strdup (o->keep_as)
                                                    : ikou_document_dup_adopt_name (document);
      IkouScenario *kept = ikou_document_adopt_scenario (document, scenario, keep_as, error);

      if (kept != NULL)
        /* Translators: after adopting; the name of the scenario keeping the old baseline */
        g_printerr (_("The old baseline is kept as the scenario “%s”.\n"), ikou_scenario_get_name (kept));
      return kept != NULL;
    }
  if (g_str_equal (action, "shift"))
    {
      g_autoptr(GPtrArray) systems = NULL;
      IkouShiftMilestones which;

      if (!o->months_set)
        {
          g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                               _("Say how far to shift with --months N (negative moves earlier)."));
          return FALSE;
        }
      if (!parse_milestones (o->milestones, &which, error) ||
          (systems = select_systems (document, scenario, o, error)) == NULL)
        return FALSE;
      return ikou_document_shift (document, scenario, systems, o->months, which, error);
    }
  if (g_str_equal (action, "retarget"))
    {
      g_autoptr(GPtrArray) systems = NULL;
      guint host;
      int compliant;

      if (!parse_host (plan, o->host, &host, error) ||
          !parse_yes_no (o->standard_compliant, &compliant, error) ||
          (systems = select_systems (document, scenario, o, error)) == NULL)
        return FALSE;
      return ikou_document_retarget (document, scenario, systems, host, compliant, error);
    }
  g_return_val_if_reached (FALSE);
}

/* The plan at @path as a document, for a command that may write it back
 * (_ikou_cli_save_plan_shared() with *@out_stamp): the file is stamped
 * before it is read, so a plan someone saves meanwhile is not written
 * over.  A checksum mismatch is refused unless @force. */
static IkouDocument *
load_document (const char     *path,
               IkouSchedule   *schedule,
               gboolean        force,
               IkouFileStamp **out_stamp,
               GError        **error)
{
  g_autoptr(IkouFileStamp) stamp = ikou_file_stamp_new (path, NULL);
  g_autoptr(IkouPlan) plan = _ikou_cli_read_plan (path, force, error);

  if (plan == NULL)
    return NULL;
  *out_stamp = g_steal_pointer (&stamp);
  return ikou_document_new (plan, schedule);
}

int
_ikou_cli_scenario (int    argc,
                    char **argv)
{
  g_auto(ScenarioOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("new: start as a copy of the scenario NAME (default: as the baseline)"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &o.description,
      N_("new: what the scenario tries"), N_("TEXT") },
    { "systems", 0, 0, G_OPTION_ARG_STRING, &o.systems,
      N_("shift, retarget: the systems with these ids"), N_("ID,ID…") },
    { "filter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.filters,
      N_("shift, retarget: the systems that match (department, vendor, operation, host, target, fy, all); repeat to narrow"), N_("KEY=VALUE") },
    { "months", 0, 0, G_OPTION_ARG_CALLBACK, months_cb,
      N_("shift: months to move, negative for earlier"), N_("N") },
    { "milestones", 0, 0, G_OPTION_ARG_STRING, &o.milestones,
      N_("shift: all (default), contract (contract and cut-over) or cutover"), N_("WHICH") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &o.host,
      N_("retarget: the host id the last step moves to"), N_("ID") },
    { "standard-compliant", 0, 0, G_OPTION_ARG_STRING, &o.standard_compliant,
      N_("retarget: mark the last step standard-compliant or not"), N_("yes|no") },
    { "keep-as", 0, 0, G_OPTION_ARG_STRING, &o.keep_as,
      N_("adopt: the name of the scenario that keeps the old baseline"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json,
      N_("list: print JSON"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &o.force,
      N_("Read a plan whose checksum does not match, and write it even when someone else has it open or it changed since it was read"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("PLAN ACTION [NAME…] — list, new, rename, describe, delete, adopt, shift or retarget what-if scenarios"));
  g_autoptr(GOptionGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(IkouFileStamp) stamp = NULL;
  g_autoptr(IkouDocument) document = NULL;
  gboolean write = FALSE;

  /* The callback option needs the options as its data. */
  group = g_option_group_new ("scenario", NULL, NULL, &o, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, g_steal_pointer (&group));
  g_option_context_set_description (context,
    _("Every change is written to PLAN at once, or not at all. Exit status: 0 on success, 2 when refused."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _ikou_cli_fail_error (error);
  if (argc < 3)
    return _ikou_cli_fail (_("Give a plan and an action, e.g. “ikou scenario plan.ikou list”."));

  schedule = _ikou_cli_load_schedule ();
  if (schedule == NULL)
    return IKOU_EXIT_FAILED;

  document = load_document (argv[1], schedule, o.force, &stamp, &error);
  if (document == NULL)
    return _ikou_cli_fail_error (error);

  if (!run_action (document, argv[2], argv + 3, argc - 3, &o, &write, &error))
    return _ikou_cli_fail_error (error);
  if (write && ikou_document_get_dirty (document) &&
      !_ikou_cli_save_plan_shared (ikou_document_get_plan (document), argv[1], stamp,
                                   o.force, &error))
    return _ikou_cli_fail_save (error);
  return IKOU_EXIT_OK;
}

static const char *
scenario_name (IkouScenario *scenario)
{
  return scenario != NULL ? ikou_scenario_get_name (scenario) : NULL;
}

static void
print_diff_json (IkouPlan     *plan,
                 IkouScenario *a,
                 IkouScenario *b,
                 IkouPlanDiff *diff)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "plan", ikou_plan_get_title (plan));
  _ikou_cli_add_string (builder, "a", scenario_name (a));
  _ikou_cli_add_string (builder, "b", scenario_name (b));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      const IkouDiffChange *c = &g_array_index (diff->changes, IkouDiffChange, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "system_id");
      json_builder_add_int_value (builder, c->system_id);
      _ikou_cli_add_string (builder, "system", c->system_name);
      json_builder_set_member_name (builder, "step");
      json_builder_add_int_value (builder, c->step + 1);
      _ikou_cli_add_string (builder, "milestone", ikou_milestone_to_string (c->milestone));
      _ikou_cli_add_day (builder, "a", c->a);
      _ikou_cli_add_day (builder, "b", c->b);
      json_builder_set_member_name (builder, "months");
      if (c->has_months)
        json_builder_add_int_value (builder, c->months);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resolved");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diff->resolved->len; i++)
    _ikou_cli_add_finding (builder, g_ptr_array_index (diff->resolved, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "new");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diff->appeared->len; i++)
    _ikou_cli_add_finding (builder, g_ptr_array_index (diff->appeared, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  _ikou_cli_print_json (builder);
}

static void
print_diff_text (IkouScenario *a,
                 IkouScenario *b,
                 IkouPlanDiff *diff)
{
  /* Translators: heading of `ikou diff`: the two plans compared */
  g_print (_("%s → %s\n"), a != NULL ? ikou_scenario_get_name (a) : _("Baseline"),
           b != NULL ? ikou_scenario_get_name (b) : _("Baseline"));
  for (guint i = 0; i < diff->changes->len; i++)
    {
      const IkouDiffChange *c = &g_array_index (diff->changes, IkouDiffChange, i);
      g_autofree char *da = c->a != IKOU_DAY_NONE ? ikou_day_format_iso (c->a) : g_strdup ("—");
      g_autofree char *db = c->b != IKOU_DAY_NONE ? ikou_day_format_iso (c->b) : g_strdup ("—");

      g_print ("%s\t%d\t%s\t%s → %s", c->system_name ? c->system_name : "", c->step + 1,
               ikou_milestone_label (c->milestone), da, db);
      if (c->has_months)
        /* Translators: a shift in months, signed: "+6" */
        g_print (_("\t%+d months"), c->months);
      g_print ("\n");
    }
  for (guint i = 0; i < diff->resolved->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (diff->resolved, i);

      /* Translators: a finding the scenario resolves: system, rule */
      g_print (_("resolved\t%s\t%s\n"), f->system_name ? f->system_name : "", f->rule);
    }
  for (guint i = 0; i < diff->appeared->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (diff->appeared, i);

      /* Translators: a finding the scenario brings: system, rule */
      g_print (_("new\t%s\t%s\n"), f->system_name ? f->system_name : "", f->rule);
    }
  /* Translators: the last line of `ikou diff` */
  g_print (_("%u changed milestones, %u findings resolved, %u new\n"),
           diff->changes->len, diff->resolved->len, diff->appeared->len);
}

int
_ikou_cli_diff (int    argc,
                char **argv)
{
  g_autofree char *scenario_text = NULL;
  g_autofree char *against_text = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_text,
      N_("The scenario to look at"), N_("NAME") },
    { "against", 0, 0, G_OPTION_ARG_STRING, &against_text,
      N_("Compare with this scenario instead of the baseline"), N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Check as of this date instead of today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the differences as JSON"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Read a plan whose checksum does not match"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("PLAN — what a scenario changes, and the findings it resolves or brings"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(IkouPlanDiff) diff = NULL;
  IkouScenario *a = NULL, *b = NULL;
  IkouDay today = ikou_day_today ();

  if (!_ikou_cli_parse_options (context, entries, NULL, &argc, &argv, 1,
                                _("Give one plan, e.g. “ikou diff plan.ikou --scenario NAME”.")))
    return IKOU_EXIT_FAILED;
  if (scenario_text == NULL)
    return _ikou_cli_fail (_("Say which scenario to look at with --scenario NAME."));
  if (today_text != NULL && !ikou_parse_date (today_text, &today, NULL, &error))
    return _ikou_cli_fail_error (error);

  /* .ikou or Ikou XML, as every command reads a plan. */
  plan = _ikou_cli_load_plan (argv[1], force, scenario_text, &b);
  if (plan == NULL)
    return IKOU_EXIT_FAILED;
  if (against_text != NULL && (a = ikou_plan_require_scenario (plan, against_text, &error)) == NULL)
    return _ikou_cli_fail_error (error);

  schedule = _ikou_cli_load_schedule ();
  if (schedule == NULL)
    return IKOU_EXIT_FAILED;

  diff = ikou_plan_diff (plan, a, b, schedule, today);
  if (json)
    print_diff_json (plan, a, b, diff);
  else
    print_diff_text (a, b, diff);
  return IKOU_EXIT_OK;
}

/* `ikou catch-up PLAN [--today DATE] [--list]`: the milestones before
 * today not marked done; without --list they are marked done (the
 * window's review, for every one of them). */
int
_ikou_cli_catch_up (int    argc,
                    char **argv)
{
  g_autofree char *today_text = NULL;
  gboolean list = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Take this date as today"), N_("YYYY-MM-DD") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list,
      N_("Only list them; change nothing"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Read a plan whose checksum does not match, and write it even when someone else has it open or it changed since it was read"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("PLAN — mark the milestones before today done (a plan made years ago)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(IkouFileStamp) stamp = NULL;
  g_autoptr(IkouDocument) document = NULL;
  g_autoptr(GArray) overdue = NULL;
  IkouDay today = IKOU_DAY_NONE;

  if (!_ikou_cli_parse_options (context, entries, NULL, &argc, &argv, 1,
                                _("Give one plan, e.g. “ikou catch-up plan.ikou --list”.")))
    return IKOU_EXIT_FAILED;
  if (today_text != NULL && !ikou_parse_date (today_text, &today, NULL, &error))
    return _ikou_cli_fail_error (error);

  schedule = _ikou_cli_load_schedule ();
  if (schedule == NULL)
    return IKOU_EXIT_FAILED;
  document = load_document (argv[1], schedule, force, &stamp, &error);
  if (document == NULL)
    return _ikou_cli_fail_error (error);
  if (today != IKOU_DAY_NONE)
    ikou_document_set_today (document, today);

  overdue = ikou_document_find_overdue (document, IKOU_DAY_NONE);
  for (guint i = 0; i < overdue->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (overdue, IkouMilestoneRef, i);
      IkouSystem *system = ikou_plan_lookup_system (ikou_document_get_plan (document), ref->system_id);
      g_autofree char *day = ikou_day_format_iso (ref->day);

      g_print ("%s\t%u\t%s\t%s\n", ikou_system_get_name (system) ? ikou_system_get_name (system) : "",
               ref->step + 1, ikou_milestone_label (ref->milestone), day);
    }
  if (list || overdue->len == 0)
    return IKOU_EXIT_OK;

  ikou_document_mark_done (document, overdue);
  if (!_ikou_cli_save_plan_shared (ikou_document_get_plan (document), argv[1], stamp, force, &error))
    return _ikou_cli_fail_save (error);
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u milestone marked done\n",
                           "%u milestones marked done\n", overdue->len), overdue->len);
  return IKOU_EXIT_OK;
}

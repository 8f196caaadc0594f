/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-cli.h"
#include "ikou-cli-private.h"
#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-mspdi.h"
#include "ikou-file.h"
#include "ikou-file-stamp.h"
#include "ikou-lock.h"
#include "ikou-schedule.h"
#include "ikou-store.h"
#include "ikou-xlsx.h"
#include "ikou-xml.h"

static IkouGuiMain gui_main_func;

void
ikou_cli_set_gui (IkouGuiMain gui_main)
{
  gui_main_func = gui_main;
}

/* Every failure is one sentence on stderr: "ikou: …". */
int
_ikou_cli_fail (const char *message)
{
  g_printerr ("ikou: %s\n", message);
  return IKOU_EXIT_FAILED;
}

int
_ikou_cli_failf (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return _ikou_cli_fail (message);
}

int
_ikou_cli_fail_error (GError *error)
{
  return _ikou_cli_fail (error->message);
}

/* Refusals that --force overrides say so. */
int
_ikou_cli_fail_save (GError *error)
{
  if (!g_error_matches (error, IKOU_ERROR, IKOU_ERROR_LOCKED) &&
      !g_error_matches (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK))
    return _ikou_cli_fail (error->message);

  return _ikou_cli_failf ("%s %s", error->message, _("Add --force to write over it anyway."));
}

/* Writes @plan to @output (.ikou or Ikou XML) as one more planner on a
 * share: refused when someone else has the plan open, or when it is no
 * longer what @expected (if not NULL) saw — unless @force.  The lock is
 * held while writing; a forced write leaves another planner's lock alone. */
gboolean
_ikou_cli_save_plan_shared (IkouPlan            *plan,
                            const char          *output,
                            const IkouFileStamp *expected,
                            gboolean             force,
                            GError             **error)
{
  g_autoptr(IkouLock) lock = NULL;

  if (!ikou_file_check_output (output, error))
    return FALSE;
  lock = ikou_lock_acquire (output, FALSE, NULL, force ? NULL : error);
  if (lock == NULL && !force)
    return FALSE;
  return ikou_plan_file_save_checked (plan, output, force ? NULL : expected, error);
}

/* Reads a plan; a checksum that does not match is an error (exit 2)
 * unless @force.  The message then says how to read it anyway. */
IkouPlan *
_ikou_cli_read_plan (const char  *path,
                     gboolean     force,
                     GError     **error)
{
  IkouPlan *plan;

  plan = ikou_plan_file_load_full (path, force ? IKOU_STORE_LOAD_IGNORE_CHECKSUM : 0, error);
  if (plan == NULL && g_error_matches (*error, IKOU_ERROR, IKOU_ERROR_CHECKSUM))
    {
      char *message = g_strdup_printf ("%s %s", (*error)->message,
                                       _("Add --force to read it anyway."));

      g_free ((*error)->message);
      (*error)->message = message;
    }
  return plan;
}

/* Whether @a and @b name the same existing file. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* GLib and its libraries must never print a critical at a planner: log
 * them quietly unless G_MESSAGES_DEBUG asks for them. */
static GLogWriterOutput
quiet_log_writer (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      if (g_getenv ("IKOU_DEBUG") == NULL)
        return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

gboolean
_ikou_cli_parse_options (GOptionContext      *context,
                         const GOptionEntry  *entries,
                         const char          *description,
                         int                 *argc,
                         char              ***argv,
                         int                  expected_args,
                         const char          *usage_error)
{
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _ikou_cli_fail (error->message);
      return FALSE;
    }
  /* argv[0] is the verb. */
  if (*argc - 1 != expected_args)
    {
      _ikou_cli_fail (usage_error);
      return FALSE;
    }
  return TRUE;
}

IkouPlan *
_ikou_cli_load_plan (const char    *path,
                     gboolean       force,
                     const char    *scenario_name,
                     IkouScenario **out_scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = _ikou_cli_read_plan (path, force, &error);

  *out_scenario = NULL;
  if (plan == NULL)
    {
      _ikou_cli_fail_error (error);
      return NULL;
    }
  if (scenario_name != NULL)
    {
      *out_scenario = ikou_plan_require_scenario (plan, scenario_name, &error);
      if (*out_scenario == NULL)
        {
          _ikou_cli_fail_error (error);
          return NULL;
        }
    }
  return g_steal_pointer (&plan);
}

IkouSchedule *
_ikou_cli_load_schedule (void)
{
  g_autoptr(GError) error = NULL;
  IkouSchedule *schedule = ikou_schedule_load_default (&error);

  if (schedule == NULL)
    _ikou_cli_fail_error (error);
  return schedule;
}

static const char *
json_day (IkouDay day, char buffer[16])
{
  int y, m, d;

  if (day == IKOU_DAY_NONE || !ikou_day_to_ymd (day, &y, &m, &d))
    return NULL;
  g_snprintf (buffer, 16, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

void
_ikou_cli_add_day (JsonBuilder *builder,
                const char  *name,
                IkouDay      day)
{
  char buffer[16];
  const char *text = json_day (day, buffer);

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

void
_ikou_cli_add_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A finding as `check --json` prints it; `diff --json` uses the same. */
void
_ikou_cli_add_finding (JsonBuilder *builder,
                       IkouFinding *f)
{
  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "rule", f->rule);
  _ikou_cli_add_string (builder, "severity", ikou_severity_to_string (f->severity));
  json_builder_set_member_name (builder, "system_id");
  json_builder_add_int_value (builder, f->system_id);
  _ikou_cli_add_string (builder, "system", f->system_name);
  json_builder_set_member_name (builder, "step");
  if (f->step >= 0)
    json_builder_add_int_value (builder, f->step + 1);
  else
    json_builder_add_null_value (builder);
  _ikou_cli_add_day (builder, "date", f->date);
  _ikou_cli_add_day (builder, "deadline", f->deadline);
  _ikou_cli_add_string (builder, "message", ikou_finding_get_message (f));
  json_builder_end_object (builder);
}

void
_ikou_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_json (IkouPlan     *plan,
            IkouScenario *scenario,
            IkouSchedule *schedule,
            IkouDay       today,
            GPtrArray    *findings,
            const guint   counts[IKOU_N_SEVERITIES])
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "plan", ikou_plan_get_title (plan));
  _ikou_cli_add_string (builder, "scenario", scenario ? ikou_scenario_get_name (scenario) : NULL);
  _ikou_cli_add_day (builder, "today", today);
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  _ikou_cli_add_string (builder, "version", ikou_schedule_get_version (schedule));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    _ikou_cli_add_finding (builder, g_ptr_array_index (findings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, counts[IKOU_SEVERITY_ERROR]);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, counts[IKOU_SEVERITY_WARNING]);
  json_builder_set_member_name (builder, "infos");
  json_builder_add_int_value (builder, counts[IKOU_SEVERITY_INFO]);
  json_builder_end_object (builder);
  _ikou_cli_add_standing (builder, plan, scenario, schedule, today);
  json_builder_end_object (builder);

  _ikou_cli_print_json (builder);
}

static void
print_text (IkouPlan     *plan,
            IkouScenario *scenario,
            IkouDay       today,
            GPtrArray    *findings,
            const guint   counts[IKOU_N_SEVERITIES])
{
  g_autofree char *today_text = ikou_day_format_iso (today);

  if (scenario != NULL)
    /* Translators: plan title, scenario name, date */
    g_print (_("%s — scenario “%s” — checked as of %s\n"),
             ikou_plan_get_title (plan) ? ikou_plan_get_title (plan) : "",
             ikou_scenario_get_name (scenario), today_text);
  else
    g_print (_("%s — checked as of %s\n"),
             ikou_plan_get_title (plan) ? ikou_plan_get_title (plan) : "", today_text);

  for (guint i = 0; i < findings->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (findings, i);

      g_print ("%s\t%s\t%s\t%s\n",
               ikou_severity_label (f->severity), f->rule,
               f->system_name ? f->system_name : "",
               ikou_finding_get_message (f));
    }

  g_print (_("%u errors, %u warnings, %u notes\n"),
           counts[IKOU_SEVERITY_ERROR], counts[IKOU_SEVERITY_WARNING],
           counts[IKOU_SEVERITY_INFO]);
}

static int
cli_check (int argc, char **argv)
{
  g_autofree char *scenario_name = NULL;
  g_autofree char *today_text = NULL;
  gboolean json = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_name,
      N_("Check the what-if scenario NAME instead of the baseline"), N_("NAME") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Check as of this date instead of today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the findings as JSON"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Read a plan even when it was changed or damaged outside Ikou"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — check a plan against the national schedule"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  IkouScenario *scenario = NULL;
  IkouDay today = ikou_day_today ();
  guint counts[IKOU_N_SEVERITIES] = { 0 };

  if (!_ikou_cli_parse_options (context, entries,
                                _("Exit status: 0 when there are no errors, 1 when there are, 2 when the plan could not be read."),
                                &argc, &argv, 1,
                                _("Give one plan to check, e.g. “ikou check plan.ikou”.")))
    return IKOU_EXIT_FAILED;

  if (today_text != NULL && !ikou_parse_date (today_text, &today, NULL, &error))
    return _ikou_cli_fail_error (error);

  plan = _ikou_cli_load_plan (argv[1], force, scenario_name, &scenario);
  if (plan == NULL)
    return IKOU_EXIT_FAILED;

  schedule = _ikou_cli_load_schedule ();
  if (schedule == NULL)
    return IKOU_EXIT_FAILED;

  findings = ikou_check_plan (plan, scenario, schedule, today, NULL);
  for (guint i = 0; i < findings->len; i++)
    counts[((IkouFinding *) g_ptr_array_index (findings, i))->severity]++;

  if (json)
    print_json (plan, scenario, schedule, today, findings, counts);
  else
    print_text (plan, scenario, today, findings, counts);

  return counts[IKOU_SEVERITY_ERROR] > 0 ? IKOU_EXIT_FINDINGS : IKOU_EXIT_OK;
}

static int
cli_import (int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the plan to PLAN.ikou"), N_("PLAN.ikou") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Write even when someone else has the plan open"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — make an .ikou plan from Ikou XML, CSV, an Excel workbook or MS Project XML"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_auto(GStrv) warnings = NULL;

  if (!_ikou_cli_parse_options (context, entries, NULL, &argc, &argv, 1, _("Give one XML file to import, e.g. “ikou import plan.xml --output plan.ikou”.")))
    return IKOU_EXIT_FAILED;
  if (output == NULL)
    return _ikou_cli_fail (_("Say where to write the plan with --output PLAN.ikou."));

  /* The content, not the name, says what the file is. */
  plan = ikou_plan_file_import (argv[1], &warnings, &error);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr (_("ikou: warning: %s\n"), warnings[i]);
  if (plan == NULL)
    return _ikou_cli_fail_error (error);
  if (!_ikou_cli_save_plan_shared (plan, output, NULL, force, &error))
    return _ikou_cli_fail_save (error);

  return IKOU_EXIT_OK;
}

/* --format NAME */
static gboolean
export_format (const char       *name,
               IkouPlanFileKind *kind)
{
  static const struct { const char *name; IkouPlanFileKind kind; } formats[] = {
    { "csv", IKOU_PLAN_FILE_CSV },
    { "xlsx", IKOU_PLAN_FILE_XLSX },
    { "mspdi", IKOU_PLAN_FILE_MSPDI },
    { "xml", IKOU_PLAN_FILE_XML },
    { "ikou", IKOU_PLAN_FILE_NATIVE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *kind = formats[i].kind;
        return TRUE;
      }
  _ikou_cli_failf (_("Unknown format “%s”: use csv, xlsx, mspdi, xml or ikou."), name);
  return FALSE;
}

/* Whether any option of a drawn roadmap is given: the formats that are
 * not drawn (tables, MS Project, Ikou's own) refuse them all. */
static gboolean
has_roadmap_options (const IkouCliExportOptions *options)
{
  return options->paper || options->portrait || options->from || options->to ||
         options->scenario || options->compare || options->title || options->dpi != 0 ||
         options->today || options->costs;
}

static int
refuse_roadmap_options (void)
{
  return _ikou_cli_fail (_("The roadmap options (--paper, --from, --scenario, …) apply to PDF, PNG and SVG only."));
}

/* The plan as a table (CSV, xlsx) or, with --format, any document. */
static int
export_table (IkouPlan                   *plan,
              const IkouCliExportOptions *options,
              IkouPlanFileKind            kind)
{
  g_autoptr(GError) error = NULL;

  if (has_roadmap_options (options))
    return refuse_roadmap_options ();
  /* A large workbook takes a while: say what it will hold first. */
  if (kind == IKOU_PLAN_FILE_XLSX && ikou_plan_get_n_systems (plan) > IKOU_XLSX_LARGE_PLAN)
    {
      g_autofree char *description = ikou_xlsx_describe (plan, NULL);

      g_printerr ("ikou: %s\n", description);
    }
  if (!ikou_plan_file_export (plan, options->output, kind, &error))
    return _ikou_cli_fail_error (error);
  return IKOU_EXIT_OK;
}

/* MS Project XML: the national schedule, when one loads, gives the
 * deadlines; what the file cannot hold (scenarios) is said. */
static int
export_mspdi (IkouPlan                   *plan,
              const IkouCliExportOptions *options)
{
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;

  if (has_roadmap_options (options))
    return refuse_roadmap_options ();

  schedule = ikou_schedule_load_default (NULL);
  if (!ikou_mspdi_write_file (plan, schedule, options->output, &report, &error))
    return _ikou_cli_fail_error (error);
  for (guint i = 0; i < report->len; i++)
    g_printerr (_("ikou: warning: %s\n"), (const char *) g_ptr_array_index (report, i));
  return IKOU_EXIT_OK;
}

static int
cli_export (int argc, char **argv)
{
  g_autofree char *format = NULL;
  IkouCliExportOptions options = { 0 };
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write to FILE; its extension chooses the format: .pdf, .png, .svg, .xml, .ikou, .csv or .xlsx"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("Paper size for PDF: a3 (default) or a4"), N_("SIZE") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait,
      N_("Portrait pages instead of landscape"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("First month to draw"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("Last month to draw"), N_("YYYY-MM") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &options.scenario,
      N_("Draw the what-if scenario NAME"), N_("NAME") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &options.compare,
      N_("Draw the plan NAME (a scenario, or “baseline”) dashed under the one exported"), N_("NAME") },
    { "costs", 0, 0, G_OPTION_ARG_STRING, &options.costs,
      N_("Add the costs per fiscal year: every-page (under the roadmap) or page (a page of their own)"), N_("WHERE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title,
      N_("Title printed on every page"), N_("TEXT") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &options.dpi,
      N_("Resolution of PNG output (default 150)"), N_("DPI") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &options.today,
      N_("Draw the today line and findings as of this date"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Write this format whatever the file name says: csv, xlsx, mspdi, xml or ikou"), N_("FORMAT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Write a plan (.ikou, .xml) even when someone else has it open or it changed since it was read"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — export a plan as a roadmap (PDF, PNG, SVG) or as XML"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  IkouPlanFileKind kind = IKOU_PLAN_FILE_UNKNOWN;
  g_autoptr(IkouFileStamp) stamp = NULL;
  int status;

  if (!_ikou_cli_parse_options (context, entries, NULL, &argc, &argv, 1, _("Give one plan to export, e.g. “ikou export plan.ikou --output roadmap.pdf”.")))
    status = IKOU_EXIT_FAILED;
  else if (options.output == NULL)
    status = _ikou_cli_fail (_("Say where to write with --output FILE (.pdf, .png, .svg, .xml or .ikou)."));
  else if (format != NULL && !export_format (format, &kind))
    status = IKOU_EXIT_FAILED;
  /* Written back over itself: not over what someone saved meanwhile. */
  else if (same_file (argv[1], options.output) &&
           (stamp = ikou_file_stamp_new (argv[1], &error)) == NULL)
    status = _ikou_cli_fail_error (error);
  else if ((plan = _ikou_cli_read_plan (argv[1], force, &error)) == NULL)
    status = _ikou_cli_fail_error (error);
  else if (kind == IKOU_PLAN_FILE_MSPDI ||
           (kind == IKOU_PLAN_FILE_UNKNOWN &&
            ikou_plan_file_kind_for_name (options.output) == IKOU_PLAN_FILE_MSPDI))
    status = export_mspdi (plan, &options);
  else if (kind != IKOU_PLAN_FILE_UNKNOWN ||
           ikou_plan_file_kind_for_name (options.output) == IKOU_PLAN_FILE_CSV ||
           ikou_plan_file_kind_for_name (options.output) == IKOU_PLAN_FILE_XLSX)
    status = export_table (plan, &options,
                           kind != IKOU_PLAN_FILE_UNKNOWN ? kind
                                                          : ikou_plan_file_kind_for_name (options.output));
  else if (g_str_has_suffix (options.output, ".xml") || g_str_has_suffix (options.output, ".ikou"))
    {
      if (has_roadmap_options (&options))
        status = refuse_roadmap_options ();
      else if (!_ikou_cli_save_plan_shared (plan, options.output, stamp, force, &error))
        status = _ikou_cli_fail_save (error);
      else
        status = IKOU_EXIT_OK;
    }
  else if (!ikou_export_run_cli (plan, &options, &error))
    status = _ikou_cli_fail_error (error);
  else
    status = IKOU_EXIT_OK;

  g_free (options.output);
  g_free (options.paper);
  g_free (options.from);
  g_free (options.to);
  g_free (options.scenario);
  g_free (options.compare);
  g_free (options.costs);
  g_free (options.title);
  g_free (options.today);
  return status;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  ikou [PLAN…]\n    %s\n", _("Open plans in the window"));
  fprintf (out, "  ikou check PLAN [--scenario NAME] [--today YYYY-MM-DD] [--json]\n    %s\n",
           _("Check a plan against the national schedule"));
  fprintf (out, "  ikou export PLAN --output FILE.{pdf,png,svg,xml,ikou} [--paper a3|a4] [--portrait] [--from YYYY-MM] [--to YYYY-MM] [--scenario NAME] [--compare NAME|baseline] [--costs every-page|page] [--title TEXT] [--force]\n    %s\n",
           _("Export the roadmap or the plan"));
  fprintf (out, "  ikou import FILE.{xml,csv,xlsx,mspdi.xml} --output PLAN.ikou [--force]\n    %s\n",
           _("Make an .ikou plan from Ikou XML, CSV, an Excel workbook or MS Project XML"));
  fprintf (out, "  ikou export PLAN --output FILE.{csv,xlsx} [--format csv|xlsx|xml|ikou]\n    %s\n",
           _("Export the plan as a table for Excel"));
  fprintf (out, "  ikou export PLAN --output FILE.mspdi.xml [--format mspdi]\n    %s\n",
           _("Export the plan as MS Project XML"));
  fprintf (out, "  ikou scenario PLAN list|new|rename|describe|delete|adopt|shift|retarget … [--force]\n    %s\n",
           _("Create, change and adopt what-if scenarios"));
  fprintf (out, "  ikou diff PLAN --scenario NAME [--against NAME] [--json]\n    %s\n",
           _("Show what a scenario changes and which findings it resolves"));
  fprintf (out, "  ikou catch-up PLAN [--today YYYY-MM-DD] [--list] [--force]\n    %s\n",
           _("Mark the milestones before today done (or list them)"));
  fprintf (out, "  ikou budget PLAN [--scenario NAME] [--from FY] [--to FY] [--json|--csv]\n    %s\n",
           _("Show what the plan costs per fiscal year"));
  fprintf (out, "%s\n", _("Run “ikou COMMAND --help” for the options of a command."));
}

static gboolean
is_verb (const char *word)
{
  return g_str_equal (word, "check") || g_str_equal (word, "export") ||
         g_str_equal (word, "import") || g_str_equal (word, "scenario") ||
         g_str_equal (word, "diff") || g_str_equal (word, "catch-up") ||
         g_str_equal (word, "budget") || g_str_equal (word, "help");
}

int
ikou_cli_main (int    argc,
               char **argv)
{
  const char *verb;
  int status;

  ikou_i18n_init ();

  verb = argc > 1 ? argv[1] : NULL;

  /* No verb, or plans to open: the window. */
  if (verb == NULL || (verb[0] != '-' && !is_verb (verb) &&
                       g_file_test (verb, G_FILE_TEST_EXISTS)))
    {
      if (gui_main_func == NULL)
        {
          print_usage (stderr);
          return IKOU_EXIT_FAILED;
        }
      if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
        return _ikou_cli_fail (_("Cannot open a window: there is no display. Without one, use the "
                       "command line (“ikou --help”)."));
      return gui_main_func (argc, argv);
    }

  if (g_str_equal (verb, "--help") || g_str_equal (verb, "-h") || g_str_equal (verb, "help"))
    {
      print_usage (stdout);
      return IKOU_EXIT_OK;
    }
  if (g_str_equal (verb, "--version"))
    {
      g_print ("ikou %s\n", PACKAGE_VERSION);
      return IKOU_EXIT_OK;
    }

  g_log_set_writer_func (quiet_log_writer, NULL, NULL);

  /* The verb becomes argv[0] of its own option parsing. */
  if (g_str_equal (verb, "check"))
    status = cli_check (argc - 1, argv + 1);
  else if (g_str_equal (verb, "import"))
    status = cli_import (argc - 1, argv + 1);
  else if (g_str_equal (verb, "export"))
    status = cli_export (argc - 1, argv + 1);
  else if (g_str_equal (verb, "scenario"))
    status = _ikou_cli_scenario (argc - 1, argv + 1);
  else if (g_str_equal (verb, "diff"))
    status = _ikou_cli_diff (argc - 1, argv + 1);
  else if (g_str_equal (verb, "catch-up"))
    status = _ikou_cli_catch_up (argc - 1, argv + 1);
  else if (g_str_equal (verb, "budget"))
    status = _ikou_cli_budget (argc - 1, argv + 1);
  else if (verb[0] == '-')
    status = _ikou_cli_failf (_("Unknown option “%s”. Run “ikou --help” for the commands."), verb);
  else
    status = _ikou_cli_failf (_("“%s” is neither a command nor a file. Run “ikou --help” for the commands."), verb);

  return status;
}

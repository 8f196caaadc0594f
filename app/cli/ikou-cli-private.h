/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ikou-file-stamp.h"
#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* The exit statuses of every command. */
enum {
  IKOU_EXIT_OK = 0,
  IKOU_EXIT_FINDINGS = 1,
  IKOU_EXIT_FAILED = 2,
};

/* Shared by the commands (ikou-cli.c, ikou-cli-scenario.c). */
int           _ikou_cli_fail          (const char      *message);
/* _ikou_cli_fail() with a printf() format. */
int           _ikou_cli_failf         (const char      *format,
                                       ...) G_GNUC_PRINTF (1, 2);
int           _ikou_cli_fail_error    (GError          *error);
/* Parses a command's options, @entries (translated in Ikou's domain), and
 * checks that @expected_args arguments follow the verb; otherwise says
 * what is wrong on stderr (@usage_error when the arguments are not
 * right).  @description, if not NULL, ends the --help text. */
gboolean      _ikou_cli_parse_options (GOptionContext      *context,
                                       const GOptionEntry  *entries,
                                       const char          *description,
                                       int                 *argc,
                                       char              ***argv,
                                       int                  expected_args,
                                       const char          *usage_error);
/* Reads PLAN (a checksum mismatch is an error unless @force) and finds
 * --scenario NAME (NULL: the baseline); on failure says why on stderr and
 * returns NULL. */
IkouPlan     *_ikou_cli_load_plan     (const char      *path,
                                       gboolean         force,
                                       const char      *scenario_name,
                                       IkouScenario   **out_scenario);
IkouSchedule *_ikou_cli_load_schedule (void);
void          _ikou_cli_add_day       (JsonBuilder     *builder,
                                       const char      *name,
                                       IkouDay          day);
void          _ikou_cli_add_string    (JsonBuilder     *builder,
                                       const char      *name,
                                       const char      *value);
void          _ikou_cli_add_finding   (JsonBuilder     *builder,
                                       IkouFinding     *finding);
void          _ikou_cli_print_json    (JsonBuilder     *builder);
/* Reads a plan; a checksum mismatch is refused unless @force. */
IkouPlan     *_ikou_cli_read_plan     (const char      *path,
                                       gboolean         force,
                                       GError         **error);
/* Writes @plan to @output holding its lock; refused when someone else has
 * it open or it is no longer what @expected saw, unless @force. */
gboolean      _ikou_cli_save_plan_shared (IkouPlan            *plan,
                                          const char          *output,
                                          const IkouFileStamp *expected,
                                          gboolean             force,
                                          GError             **error);
/* A refusal of _ikou_cli_save_plan_shared(), saying how to override it. */
int           _ikou_cli_fail_save     (GError          *error);

/* ikou-cli-scenario.c */
int           _ikou_cli_scenario      (int              argc,
                                       char           **argv);
int           _ikou_cli_diff          (int              argc,
                                       char           **argv);
int           _ikou_cli_catch_up      (int              argc,
                                       char           **argv);

/* ikou-cli-standing.c: the "standing" member of `check --json`: where the
 * plan stands today, the 特定移行支援 systems with their deadline and
 * classified reason, and the 経過措置. */
void          _ikou_cli_add_standing  (JsonBuilder     *builder,
                                       IkouPlan        *plan,
                                       IkouScenario    *scenario,
                                       IkouSchedule    *schedule,
                                       IkouDay          today);

/* ikou-cli-budget.c */
int           _ikou_cli_budget        (int              argc,
                                       char           **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

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
int           _ikou_cli_fail_error    (GError          *error);
gboolean      _ikou_cli_parse_context (GOptionContext  *context,
                                       int             *argc,
                                       char          ***argv,
                                       int              expected_args,
                                       const char      *usage_error);
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

/* ikou-cli-scenario.c */
int           _ikou_cli_scenario      (int              argc,
                                       char           **argv);
int           _ikou_cli_diff          (int              argc,
                                       char           **argv);
int           _ikou_cli_catch_up      (int              argc,
                                       char           **argv);

/* ikou-cli-budget.c */
int           _ikou_cli_budget        (int              argc,
                                       char           **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ikou-finding.h"
#include "ikou-plan.h"
#include "ikou-schedule.h"
#include "ikou-types.h"

G_BEGIN_DECLS

/* Helpers shared by the tests (core, GUI, bench-made plans): dates,
 * temporary folders, files of the source tree, plan comparison, findings.  Each
 * asserts what it needs, so a test reads as its steps. */

/* A day that must exist: ikou_test_ymd (2025, 4, 1), ikou_test_day ("2025-04-01"). */
IkouDay  ikou_test_ymd                (int         year,
                                       int         month,
                                       int         day);
IkouDay  ikou_test_day                (const char *iso);

/* A new private folder in the temporary directory (free with g_free). */
char    *ikou_test_make_temp_dir      (void);
/* Saves @plan as plan.ikou in a new private folder (its path in @dir, free
 * both with g_free); asserts that it saves.  Returns the file's path. */
char    *ikou_test_save_in_temp_dir   (IkouPlan   *plan,
                                       char      **dir);
/* How many entries a folder has (hidden ones too). */
guint    ikou_test_count_entries      (const char *dir_path);
/* Removes a folder and everything in it; asserts that it is gone.  A
 * path that does not exist is fine. */
void     ikou_test_remove_tree        (const char *path);

/* The fixture of a test in a private folder (g_test_add with
 * ikou_test_dir_set_up and ikou_test_dir_tear_down): the folder, removed
 * after the test, and the path of a plan in it, not yet written. */
typedef struct
{
  char *dir;
  char *path;   /* dir/plan.ikou */
} IkouTestDir;

void     ikou_test_dir_set_up         (IkouTestDir   *f,
                                       gconstpointer  data);
void     ikou_test_dir_tear_down      (IkouTestDir   *f,
                                       gconstpointer  data);

/* A file of the source tree ($IKOU_SOURCE_ROOT): the sample plan is
 * ikou_test_source_path ("data", "samples", "koriyama.xml", NULL). */
char    *ikou_test_source_path        (const char *first_element,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Runs Ikou's command line ($IKOU_BIN) with @args (NULL-terminated, the
 * program not included) and no display, as a planner's script would:
 * asserts that it ran and exited and returns its exit status; what it
 * printed in *@out and *@err (free with g_free), or dropped for NULL.
 * The other two take the arguments as a NULL-terminated list. */
int      ikou_test_run_ikou_args      (const char * const *args,
                                       char              **out,
                                       char              **err);
int      ikou_test_run_ikouv          (char              **out,
                                       char              **err,
                                       va_list             args);
int      ikou_test_run_ikou           (char              **out,
                                       char              **err,
                                       ...) G_GNUC_NULL_TERMINATED;

/* A copy of the source tree's @relative_path (say
 * "data/samples/koriyama.ikou") as @name in a new private folder; returns
 * its path.  ikou_test_remove_temp_copy() removes the folder. */
char    *ikou_test_copy_to_temp       (const char *relative_path,
                                       const char *name);
void     ikou_test_remove_temp_copy   (const char *path);

/* The 1-based line of @text on which @needle first occurs (asserts that
 * it occurs). */
int      ikou_test_line_of            (const char *text,
                                       const char *needle);

/* Asserts that @piece and each piece after it (up to a NULL) occur in
 * @text; a failure names the piece. */
void     ikou_test_assert_contains    (const char *text,
                                       const char *piece,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Asserts that @piece does not occur in @text; a failure names it. */
void     ikou_test_assert_lacks       (const char *text,
                                       const char *piece);

/* Fails the test with the first difference ikou_plan_equal() finds. */
void     ikou_test_assert_plans_equal (IkouPlan   *a,
                                       IkouPlan   *b);

/* Asserts that @plan hands out @system_id and @host_id next: its counters
 * say so, and a new system and a new host added to it get them. */
void     ikou_test_assert_next_ids    (IkouPlan   *plan,
                                       guint       system_id,
                                       guint       host_id);

/* The schedule of the source tree ($IKOU_SCHEDULE_DIR); asserts that it
 * loads. */
IkouSchedule *ikou_test_load_schedule (void);

/* A new plan with two hosts: 1 電算室内統合SV (on-premises, shared) and 2
 * ガバメントクラウド (Government Cloud), the from and to of most test
 * systems. */
IkouPlan   *ikou_test_plan_new_two_hosts (void);

/* Adds hosts to @plan, each given as its id, name and kind, up to an id
 * of 0:
 *   ikou_test_add_hosts (plan, 1, "電算室", IKOU_HOST_ONPREM_SHARED,
 *                        2, "ガバクラ", IKOU_HOST_GOV_CLOUD, 0);
 * ikou_plan_lookup_host() finds them for whatever else they need. */
void        ikou_test_add_hosts       (IkouPlan   *plan,
                                       guint       first_id,
                                       ...);

/* A step from host @from_host to @to_host: the budget request of @amount
 * (千円, -1: unknown) on @budget, the contract on @contract, the cut-over
 * on @cutover (ISO days, NULL for none); nothing else set, the running
 * cost unknown.  It owns no note. */
IkouStep    ikou_test_step            (guint       from_host,
                                       guint       to_host,
                                       const char *budget,
                                       gint64      amount,
                                       const char *contract,
                                       const char *cutover);

/* Adds a system @name on host @from_host with one standard-compliant step
 * to @to_host (budget, contract and cut-over on the days given) to @plan;
 * returns it (the plan's). */
IkouSystem *ikou_test_add_system      (IkouPlan   *plan,
                                       const char *name,
                                       guint       from_host,
                                       guint       to_host,
                                       IkouDay     budget,
                                       IkouDay     contract,
                                       IkouDay     cutover);

/* How many of @findings are of @rule (its id) and about @system_id (0: any
 * system). */
guint    ikou_test_count_findings     (GPtrArray   *findings,
                                       const char  *rule,
                                       guint        system_id);

/* A finding of @system_id (rule deadline.at-risk) about @step and
 * @milestone (-1 for none); free with ikou_finding_free(). */
IkouFinding *ikou_test_finding_new    (guint        system_id,
                                       IkouSeverity severity,
                                       int          step,
                                       int          milestone);

G_END_DECLS

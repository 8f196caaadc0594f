/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gstdio.h>

#include "ikou-bench-plan.h"
#include "ikou-calendar.h"
#include "ikou-budget.h"
#include "ikou-checker.h"
#include "ikou-cost-cache.h"
#include "ikou-document.h"
#include "ikou-error.h"
#include "ikou-file-store.h"
#include "ikou-plan-diff.h"
#include "ikou-plan-file.h"
#include "ikou-test-util.h"

/* The open plan without a window: findings follow edits and undo, edits
 * land in the scenario on show, scenarios are created, renamed, deleted
 * and adopted, and the operations on many systems are one undo step
 * that changes nothing when refused. */

/* The six standardized systems of the sample without a standard-
 * compliant step (deadline.no-plan as of 2021-03-01). */
static const guint six_ids[] = { 2, 3, 7, 8, 11, 13 };
#define HOST_GOV_CLOUD 4
#define HOST_SHARED_CLOUD 3

static IkouSchedule *schedule;

static IkouDocument *
open_document (const char *path)
{
  g_autoptr(IkouFileStore) store = ikou_file_store_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouDocument *document = ikou_document_load (IKOU_PLAN_STORE (store), schedule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  ikou_document_set_today (document, ikou_test_day ("2021-03-01"));
  return document;
}

static IkouPlan *
load_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_plan_file_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

/* The plan of @path with copies of the scenarios of @plan: a deep copy
 * of @plan while only its scenarios differ from the file. */
static IkouPlan *
copy_with_scenarios (const char *path,
                     IkouPlan   *plan)
{
  IkouPlan *copy = load_plan (path);

  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);
      g_autoptr(IkouScenario) same = ikou_scenario_copy (scenario, ikou_scenario_get_name (scenario));

      ikou_plan_add_scenario (copy, same);
    }
  return copy;
}

/* A plan with the systems of @plan (ids and steps, notes included) as
 * @scenario sees them. */
static IkouPlan *
copy_view (IkouPlan     *plan,
           IkouScenario *scenario)
{
  IkouPlan *copy = ikou_plan_new ();

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      g_autoptr(IkouSystem) same = ikou_system_new (ikou_system_get_id (system), "");

      for (guint j = 0; j < ikou_scenario_get_n_steps (scenario, system); j++)
        {
          IkouStep st;
          IkouStepOrigin origin;

          ikou_scenario_get_step (scenario, system, j, &st, &origin);
          if (origin.baseline >= 0)
            st.note = ikou_system_get_step (system, (guint) origin.baseline)->note;
          else
            st.note = ikou_scenario_get_added_step (scenario, ikou_system_get_id (system),
                                                    (guint) origin.added)->note;
          ikou_system_insert_step (same, j, &st);
        }
      ikou_plan_add_system (copy, same);
    }
  return copy;
}

static void
assert_plan_equal (IkouPlan   *a,
                   IkouPlan   *b,
                   const char *what)
{
  g_autofree char *difference = NULL;

  if (!ikou_plan_equal (a, b, &difference))
    g_error ("%s: the plans differ: %s", what, difference);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule_prefix,
            guint       system_id)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const IkouFinding *f = g_ptr_array_index (findings, i);

      if (g_str_has_prefix (f->rule, rule_prefix) && (system_id == 0 || f->system_id == system_id))
        n++;
    }
  return n;
}

/* "rule@system;…" of findings, for comparing two lists exactly. */
static char *
findings_key (GPtrArray *findings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const IkouFinding *f = g_ptr_array_index (findings, i);
      char date[16] = "";

      if (f->date != IKOU_DAY_NONE)
        g_snprintf (date, sizeof date, "%d", f->date);
      g_string_append_printf (s, "%s@%u/%d/%s;", f->rule, f->system_id, f->step, date);
    }
  return g_string_free (s, FALSE);
}

/* The document's findings are exactly the checker's for @scenario. */
static void
assert_findings_of (IkouDocument *document,
                    IkouScenario *scenario)
{
  IkouPlan *plan = ikou_document_get_plan (document);
  g_autoptr(GPtrArray) mine = ikou_document_copy_findings (document);
  g_autoptr(GPtrArray) checked = ikou_check_plan (plan, scenario, schedule,
                                                  ikou_document_get_today (document), NULL);
  g_autofree char *a = findings_key (mine);
  g_autofree char *b = findings_key (checked);
  guint errors = 0, warnings = 0, infos = 0;

  g_assert_cmpstr (a, ==, b);
  for (guint i = 0; i < checked->len; i++)
    switch (((IkouFinding *) g_ptr_array_index (checked, i))->severity)
      {
      case IKOU_SEVERITY_ERROR:
        errors++;
        break;
      case IKOU_SEVERITY_WARNING:
        warnings++;
        break;
      case IKOU_SEVERITY_INFO:
      case IKOU_N_SEVERITIES:
      default:
        infos++;
        break;
      }
  g_assert_cmpuint (ikou_document_get_n_errors (document), ==, errors);
  g_assert_cmpuint (ikou_document_get_n_warnings (document), ==, warnings);
  g_assert_cmpuint (ikou_document_get_n_infos (document), ==, infos);
}

/* Every system of @old has, in @plan as @scenario sees it, the same
 * steps (notes aside: a view has none). */
static void
assert_view_is (IkouPlan     *plan,
                IkouScenario *scenario,
                IkouPlan     *old)
{
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, ikou_plan_get_n_systems (old));
  for (guint i = 0; i < ikou_plan_get_n_systems (old); i++)
    {
      IkouSystem *o = ikou_plan_get_system (old, i);
      IkouSystem *s = ikou_plan_lookup_system (plan, ikou_system_get_id (o));

      g_assert_nonnull (s);
      if (ikou_scenario_get_n_steps (scenario, s) != ikou_system_get_n_steps (o))
        g_error ("system %u: %u steps in the view, %u expected", ikou_system_get_id (o),
                 ikou_scenario_get_n_steps (scenario, s), ikou_system_get_n_steps (o));
      for (guint j = 0; j < ikou_system_get_n_steps (o); j++)
        {
          IkouStep view, expected = *ikou_system_get_step (o, j);

          expected.note = NULL;
          g_assert_true (ikou_scenario_get_step (scenario, s, j, &view, NULL));
          if (!ikou_step_equal (&view, &expected))
            g_error ("system %u step %u differs from the expected one", ikou_system_get_id (o), j);
        }
    }
}

/* The baseline steps of @plan are those of @old (notes included). */
static void
assert_baseline_is (IkouPlan *plan,
                    IkouPlan *old)
{
  for (guint i = 0; i < ikou_plan_get_n_systems (old); i++)
    {
      IkouSystem *o = ikou_plan_get_system (old, i);
      IkouSystem *s = ikou_plan_lookup_system (plan, ikou_system_get_id (o));

      g_assert_cmpuint (ikou_system_get_n_steps (s), ==, ikou_system_get_n_steps (o));
      for (guint j = 0; j < ikou_system_get_n_steps (o); j++)
        g_assert_true (ikou_step_equal (ikou_system_get_step (s, j), ikou_system_get_step (o, j)));
    }
}

static GPtrArray *
six_systems (IkouPlan *plan)
{
  GPtrArray *systems = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    g_ptr_array_add (systems, g_object_ref (ikou_plan_lookup_system (plan, six_ids[i])));
  return systems;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* Every test but the generated one works on its own copy of the sample,
 * as of 2021-03-01. */
typedef struct
{
  char         *path;
  IkouDocument *document;
  IkouPlan     *plan;     /* the document's */
  IkouHistory  *history;  /* the document's */
  IkouPlan     *original; /* the file as it was opened */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->path = ikou_test_copy_to_temp ("data/samples/koriyama.ikou", "plan.ikou");
  f->document = open_document (f->path);
  f->plan = ikou_document_get_plan (f->document);
  f->history = ikou_document_get_history (f->document);
  f->original = load_plan (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_object (&f->original);
  ikou_test_remove_temp_copy (f->path);
  g_free (f->path);
}

/* Findings ------------------------------------------------------------------ */

typedef struct
{
  guint  n_errors;
  guint  system_changed;
  guint  last_system_id;
} Seen;

static void
system_findings_changed_cb (IkouDocument *document,
                            guint         position,
                            guint         system_id,
                            Seen         *seen)
{
  seen->system_changed++;
  seen->last_system_id = system_id;
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (ikou_document_get_plan (document),
                                                               position)), ==, system_id);
}

static void
test_edit_undo_findings (Fixture       *f,
                         gconstpointer  data)
{
  IkouSystem *koseki = ikou_plan_lookup_system (f->plan, 7);
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (koseki, 0));
  g_autoptr(GPtrArray) before = ikou_document_copy_findings (f->document);
  g_autofree char *before_key = findings_key (before);
  g_autofree char *after_key = NULL;
  Seen seen = { 0 };
  guint severity_n;

  g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 6);
  g_assert_cmpuint (ikou_document_get_n_warnings (f->document), ==, 1);
  g_assert_cmpuint (count_rule (ikou_document_get_system_findings (f->document, koseki),
                                IKOU_RULE_DEADLINE_NO_PLAN, 7), ==, 1);
  g_assert_cmpint (ikou_document_get_worst_severity (f->document, 7, &severity_n), ==, IKOU_SEVERITY_ERROR);
  g_assert_cmpuint (severity_n, ==, 1);
  g_assert_false (ikou_document_get_dirty (f->document));
  assert_findings_of (f->document, NULL);

  g_signal_connect_swapped (f->document, "notify::n-errors", G_CALLBACK (count_cb), &seen.n_errors);
  g_signal_connect (f->document, "system-findings-changed", G_CALLBACK (system_findings_changed_cb), &seen);

  /* 戸籍 moves to the Government Cloud, standard-compliant, in time. */
  step->to_host = HOST_GOV_CLOUD;
  step->standard_compliant = TRUE;
  step->budget_date = ikou_test_day ("2022-10-01");
  step->contract_date = ikou_test_day ("2023-04-01");
  step->cutover_date = ikou_test_day ("2023-10-01");
  ikou_document_set_step (f->document, koseki, 0, step);
  ikou_document_flush (f->document);

  g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 5);
  g_assert_cmpuint (count_rule (ikou_document_get_system_findings (f->document, koseki),
                                "deadline.", 0), ==, 0);
  g_assert_cmpuint (seen.n_errors, ==, 1);
  g_assert_cmpuint (seen.system_changed, ==, 1);
  g_assert_cmpuint (seen.last_system_id, ==, 7);
  g_assert_true (ikou_document_get_dirty (f->document));
  assert_findings_of (f->document, NULL);

  /* Undo: everything as before, the same findings in the same order. */
  g_assert_true (ikou_history_undo (f->history));
  ikou_document_flush (f->document);
  g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 6);
  g_assert_cmpuint (ikou_document_get_n_warnings (f->document), ==, 1);
  g_assert_cmpuint (seen.n_errors, ==, 2);
  {
    g_autoptr(GPtrArray) after = ikou_document_copy_findings (f->document);

    after_key = findings_key (after);
  }
  g_assert_cmpstr (after_key, ==, before_key);
  g_assert_false (ikou_document_get_dirty (f->document));

  /* Redo, then the findings of the edit again. */
  g_assert_true (ikou_history_redo (f->history));
  ikou_document_flush (f->document);
  g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 5);
  assert_findings_of (f->document, NULL);
}

/* Scenarios ---------------------------------------------------------------- */

static void
test_switch_scenario (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) six = six_systems (f->plan);
  IkouScenario *direct, *added;
  guint resets = 0;

  g_signal_connect_swapped (f->document, "findings-reset", G_CALLBACK (count_cb), &resets);

  /* Scenario 1: the last step of each of the six retargeted. */
  direct = ikou_document_add_scenario (f->document, "ガバクラ直行", NULL, "標準準拠でガバクラへ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (direct);
  g_assert_true (ikou_document_retarget (f->document, direct, six, HOST_GOV_CLOUD, 1, &error));
  g_assert_no_error (error);

  /* Scenario 2: a step of its own after the baseline's. */
  added = ikou_document_add_scenario (f->document, "二段階", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (f->document, added);
  g_assert_cmpuint (resets, ==, 1);
  for (guint i = 0; i < six->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (six, i);
      g_autoptr(IkouStep) step = ikou_step_new ();

      step->from_host = HOST_SHARED_CLOUD;
      step->to_host = HOST_GOV_CLOUD;
      step->budget_date = ikou_test_day ("2024-10-01");
      step->contract_date = ikou_test_day ("2025-04-01");
      step->cutover_date = ikou_test_day ("2025-10-01");
      step->standard_compliant = TRUE;
      ikou_document_insert_step (f->document, system, G_MAXUINT, step);
      g_assert_cmpuint (ikou_document_get_n_steps (f->document, system), ==, 2);
      g_assert_true (ikou_document_is_added_step (f->document, system, 1));
      g_assert_false (ikou_document_is_added_step (f->document, system, 0));
    }
  ikou_document_flush (f->document);

  /* The baseline is untouched by both. */
  assert_baseline_is (f->plan, f->original);

  /* Each shown: the findings are the scenario's. */
  assert_findings_of (f->document, added);
  {
    g_autoptr(GPtrArray) findings = ikou_document_copy_findings (f->document);

    for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
      g_assert_cmpuint (count_rule (findings, "deadline.", six_ids[i]), ==, 0);
    g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 0);
  }

  ikou_document_set_active_scenario (f->document, direct);
  assert_findings_of (f->document, direct);
  {
    g_autoptr(GPtrArray) findings = ikou_document_copy_findings (f->document);

    for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
      {
        IkouStep last;

        g_assert_cmpuint (count_rule (findings, "deadline.", six_ids[i]), ==, 0);
        g_assert_true (ikou_document_get_step (f->document, g_ptr_array_index (six, i), 0, &last));
        g_assert_cmpuint (last.to_host, ==, HOST_GOV_CLOUD);
        g_assert_true (last.standard_compliant);
        g_assert_cmpint (last.cutover_date, <, ikou_test_day ("2026-03-31"));
      }
  }

  /* The baseline keeps its six errors. */
  ikou_document_set_active_scenario (f->document, NULL);
  assert_findings_of (f->document, NULL);
  g_assert_cmpuint (ikou_document_get_n_errors (f->document), ==, 6);
  {
    g_autoptr(GPtrArray) findings = ikou_document_copy_findings (f->document);

    for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
      g_assert_cmpuint (count_rule (findings, IKOU_RULE_DEADLINE_NO_PLAN, six_ids[i]), ==, 1);
  }

  /* Undo works across switches: the last edit was in 二段階. */
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (added, 13), ==, 0);
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (added, 11), ==, 1);
  g_assert_null (ikou_document_get_active_scenario (f->document));
  g_assert_true (ikou_history_redo (f->history));
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (added, 13), ==, 1);

  /* The diff of the two: the resolved findings are the six no-plans. */
  {
    g_autoptr(IkouPlanDiff) diff = ikou_plan_diff (f->plan, NULL, added, schedule, ikou_test_day ("2021-03-01"));

    g_assert_cmpuint (count_rule (diff->resolved, IKOU_RULE_DEADLINE_NO_PLAN, 0), ==, 6);
    g_assert_cmpuint (diff->resolved->len, ==, 6);
    g_assert_cmpuint (diff->appeared->len, ==, 0);
    g_assert_cmpuint (diff->changes->len, ==, 6 * 3);
  }
}

static void
test_edits_in_scenario (Fixture       *f,
                        gconstpointer  data)
{
  IkouSystem *s2 = ikou_plan_lookup_system (f->plan, 2);
  IkouSystem *s5 = ikou_plan_lookup_system (f->plan, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouStep) step = NULL;
  g_autoptr(IkouStep) dup = NULL;
  IkouScenario *scenario;
  IkouStep view;
  gint64 baseline_value = 0;

  scenario = ikou_document_add_scenario (f->document, "案", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (f->document, scenario);

  /* An edit of the cut-over and the amount. */
  step = ikou_document_dup_step (f->document, s2, 0);
  g_assert_cmpstr (step->note, ==, ikou_system_get_step (s2, 0)->note);
  step->cutover_date = ikou_test_day ("2022-04-01");
  step->budget_amount = 4321;
  ikou_document_set_step (f->document, s2, 0, step);
  g_assert_true (ikou_document_get_step (f->document, s2, 0, &view));
  g_assert_cmpint (view.cutover_date, ==, ikou_test_day ("2022-04-01"));
  g_assert_cmpint (view.budget_amount, ==, 4321);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);

  g_assert_true (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_CUTOVER_DATE, &baseline_value));
  g_assert_cmpint (baseline_value, ==, ikou_test_day ("2022-01-01"));
  g_assert_true (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_AMOUNT, &baseline_value));
  g_assert_cmpint (baseline_value, ==, 8000); /* the sample's illustrative amount */
  g_assert_false (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_CONTRACT_DATE, NULL));
  g_assert_false (ikou_document_is_overridden (f->document, s5, 0, IKOU_OVERRIDE_CUTOVER_DATE, NULL));

  /* Removing and adding steps inside the scenario. */
  ikou_document_remove_step (f->document, s5, 0);
  g_assert_cmpuint (ikou_document_get_n_steps (f->document, s5), ==, 0);
  ikou_document_insert_step (f->document, s5, 0, step);
  g_assert_cmpuint (ikou_document_get_n_steps (f->document, s5), ==, 1);
  g_assert_true (ikou_document_is_added_step (f->document, s5, 0));
  g_assert_false (ikou_document_is_overridden (f->document, s5, 0, IKOU_OVERRIDE_CUTOVER_DATE, NULL));
  dup = ikou_document_dup_step (f->document, s5, 0);
  g_assert_cmpstr (dup->note, ==, step->note);

  /* A drag inside the scenario. */
  step->cutover_date = ikou_test_day ("2022-06-01");
  ikou_document_preview_step (f->document, s2, 0, step);
  ikou_document_commit_preview (f->document);

  /* None of it reached the baseline. */
  assert_baseline_is (f->plan, f->original);

  /* Back to the baseline value, field by field; undoable. */
  ikou_document_revert_field (f->document, s2, 0, IKOU_OVERRIDE_CUTOVER_DATE);
  g_assert_false (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_CUTOVER_DATE, NULL));
  g_assert_true (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_AMOUNT, NULL));
  g_assert_true (ikou_document_get_step (f->document, s2, 0, &view));
  g_assert_cmpint (view.cutover_date, ==, ikou_test_day ("2022-01-01"));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_true (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_CUTOVER_DATE, &baseline_value));
  g_assert_cmpint (baseline_value, ==, ikou_test_day ("2022-01-01"));
  g_assert_true (ikou_document_get_step (f->document, s2, 0, &view));
  g_assert_cmpint (view.cutover_date, ==, ikou_test_day ("2022-06-01"));

  /* Reverting a field that is not overridden records nothing. */
  {
    const char *label = ikou_history_get_undo_label (f->history);

    ikou_document_revert_field (f->document, s2, 0, IKOU_OVERRIDE_TO_HOST);
    g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, label);
  }

  /* Undo everything: the scenario as new, then gone. */
  while (ikou_history_can_undo (f->history))
    g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (f->plan), ==, 0);
  g_assert_null (ikou_document_get_active_scenario (f->document));
  assert_plan_equal (f->plan, f->original, "undo of every edit");

  /* In the baseline nothing is "overridden". */
  g_assert_false (ikou_document_is_overridden (f->document, s2, 0, IKOU_OVERRIDE_CUTOVER_DATE, NULL));
  g_assert_false (ikou_document_is_added_step (f->document, s2, 0));
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  IkouSystem *s8 = ikou_plan_lookup_system (f->plan, 8);
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (s8, 0));
  g_autoptr(GError) error = NULL;
  IkouScenario *scenario;
  IkouStep view;

  /* Baseline: a drag of three moves is one undo step. */
  for (int m = 1; m <= 3; m++)
    {
      step->cutover_date = ikou_test_day ("2023-01-01") + m * 30;
      ikou_document_preview_step (f->document, s8, 0, step);
      g_assert_cmpint (ikou_system_get_step (s8, 0)->cutover_date, ==, ikou_test_day ("2023-01-01") + m * 30);
    }
  g_assert_false (ikou_history_can_undo (f->history));
  ikou_document_commit_preview (f->document);
  g_assert_true (ikou_history_can_undo (f->history));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  assert_plan_equal (f->plan, f->original, "undo of a committed drag");

  /* Cancelled: back where it started, nothing recorded. */
  step->cutover_date = ikou_test_day ("2024-01-01");
  ikou_document_preview_step (f->document, s8, 0, step);
  ikou_document_flush (f->document);
  ikou_document_cancel_preview (f->document);
  g_assert_false (ikou_history_can_undo (f->history));
  assert_plan_equal (f->plan, f->original, "a cancelled drag");

  /* In a scenario. */
  scenario = ikou_document_add_scenario (f->document, "案", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (f->document, scenario);
  ikou_history_clear (f->history);

  step->cutover_date = ikou_test_day ("2023-06-01");
  ikou_document_preview_step (f->document, s8, 0, step);
  step->cutover_date = ikou_test_day ("2023-07-01");
  ikou_document_preview_step (f->document, s8, 0, step);
  g_assert_true (ikou_document_get_step (f->document, s8, 0, &view));
  g_assert_cmpint (view.cutover_date, ==, ikou_test_day ("2023-07-01"));
  ikou_document_cancel_preview (f->document);
  g_assert_false (ikou_scenario_has_system (scenario, 8));
  g_assert_false (ikou_history_can_undo (f->history));

  ikou_document_preview_step (f->document, s8, 0, step);
  ikou_document_commit_preview (f->document);
  g_assert_true (ikou_scenario_has_system (scenario, 8));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  g_assert_false (ikou_scenario_has_system (scenario, 8));
  assert_baseline_is (f->plan, f->original);

  /* A drag in progress ends when the scenario on show changes. */
  ikou_document_preview_step (f->document, s8, 0, step);
  ikou_document_set_active_scenario (f->document, NULL);
  g_assert_false (ikou_scenario_has_system (scenario, 8));
  assert_baseline_is (f->plan, f->original);
}

static void
test_scenario_names (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *long_name = NULL;
  IkouScenario *a, *b;
  const char *bad[] = { "", "   ", "baseline", "Baseline", "A案", " A案 " };
  GString *s = g_string_new (NULL);

  a = ikou_document_add_scenario (f->document, "  A案  ", NULL, NULL, NULL);
  g_assert_nonnull (a);
  g_assert_cmpstr (ikou_scenario_get_name (a), ==, "A案");
  b = ikou_document_add_scenario (f->document, "B案", a, "写し", NULL);
  g_assert_nonnull (b);

  for (guint i = 0; i < 201; i++)
    g_string_append (s, "字");
  long_name = g_string_free (s, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      g_autoptr(GError) error3 = NULL;
      const char *label = ikou_history_get_undo_label (f->history);

      g_assert_false (ikou_document_check_scenario_name (f->document, bad[i], NULL, &error));
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
      g_assert_null (ikou_document_add_scenario (f->document, bad[i], NULL, NULL, &error2));
      g_assert_nonnull (error2);
      g_assert_false (ikou_document_rename_scenario (f->document, b, bad[i], &error3));
      g_assert_nonnull (error3);
      g_assert_cmpuint (ikou_plan_get_n_scenarios (f->plan), ==, 2);
      g_assert_cmpstr (ikou_scenario_get_name (b), ==, "B案");
      g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, label);
    }
  g_assert_false (ikou_document_check_scenario_name (f->document, long_name, NULL, NULL));
  g_assert_false (ikou_document_check_scenario_name (f->document, NULL, NULL, NULL));

  /* Its own name is fine for a rename. */
  g_assert_true (ikou_document_check_scenario_name (f->document, "A案", a, NULL));
  g_assert_true (ikou_document_rename_scenario (f->document, a, "A案（改）", NULL));
  g_assert_true (ikou_plan_lookup_scenario (f->plan, "A案（改）") == a);
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpstr (ikou_scenario_get_name (a), ==, "A案");

  /* Describe: undoable, an empty text clears it. */
  ikou_document_describe_scenario (f->document, a, "前倒しの案");
  g_assert_cmpstr (ikou_scenario_get_description (a), ==, "前倒しの案");
  ikou_document_describe_scenario (f->document, a, "");
  g_assert_null (ikou_scenario_get_description (a));
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpstr (ikou_scenario_get_description (a), ==, "前倒しの案");

  /* The adopt name is free. */
  {
    g_autofree char *name = ikou_document_dup_adopt_name (f->document);
    g_autofree char *name2 = NULL;
    g_autofree char *today = ikou_day_format_iso (ikou_document_get_today (f->document));

    g_assert_nonnull (strstr (name, today));
    g_assert_true (ikou_document_check_scenario_name (f->document, name, NULL, NULL));
    g_assert_nonnull (ikou_document_add_scenario (f->document, name, NULL, NULL, NULL));
    name2 = ikou_document_dup_adopt_name (f->document);
    g_assert_cmpstr (name2, !=, name);
    g_assert_true (g_str_has_suffix (name2, " (2)"));
  }
}

static void
test_delete_scenario (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) six = six_systems (f->plan);
  IkouScenario *scenario, *other;

  scenario = ikou_document_add_scenario (f->document, "消す案", NULL, NULL, NULL);
  other = ikou_document_add_scenario (f->document, "残す案", NULL, NULL, NULL);
  g_assert_true (ikou_document_retarget (f->document, scenario, six, HOST_GOV_CLOUD, 1, NULL));
  ikou_document_set_active_scenario (f->document, scenario);
  ikou_document_set_compare (f->document, TRUE, other);
  assert_findings_of (f->document, scenario);

  ikou_document_delete_scenario (f->document, scenario);
  g_assert_null (ikou_document_get_active_scenario (f->document));
  g_assert_null (ikou_plan_lookup_scenario (f->plan, "消す案"));
  assert_findings_of (f->document, NULL);
  g_assert_true (ikou_document_get_compare_scenario (f->document) == other);

  /* Undo brings it back with its edits. */
  g_assert_true (ikou_history_undo (f->history));
  g_assert_true (ikou_plan_lookup_scenario (f->plan, "消す案") == scenario);
  g_assert_true (ikou_plan_get_scenario (f->plan, 0) == scenario);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 12);
  ikou_document_set_active_scenario (f->document, scenario);
  assert_findings_of (f->document, scenario);

  /* Undoing the creation of the one compared with ends comparing it. */
  ikou_document_set_active_scenario (f->document, NULL);
  ikou_document_delete_scenario (f->document, scenario);
  g_assert_true (ikou_history_undo (f->history));   /* the delete */
  g_assert_true (ikou_history_undo (f->history));   /* the retarget */
  g_assert_true (ikou_history_undo (f->history));   /* adding 残す案 */
  g_assert_null (ikou_document_get_compare_scenario (f->document));
  g_assert_false (ikou_document_get_comparing (f->document));
  /* And the active one going away returns to the baseline. */
  ikou_document_set_active_scenario (f->document, scenario);
  g_assert_true (ikou_history_undo (f->history));   /* adding 消す案 */
  g_assert_null (ikou_document_get_active_scenario (f->document));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (f->plan), ==, 0);
  assert_findings_of (f->document, NULL);
}

/* Adopt ------------------------------------------------------------------------ */

static void
test_adopt (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(IkouPlan) before = NULL;
  g_autoptr(IkouPlan) scenario_view = NULL;
  g_autoptr(IkouPlan) adopted = NULL;
  g_autoptr(IkouScenario) kept_copy = NULL;
  g_autoptr(GPtrArray) six = six_systems (f->plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouStep) added = ikou_step_new ();
  IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
  IkouSystem *s4 = ikou_plan_lookup_system (f->plan, 4);
  IkouSystem *s6 = ikou_plan_lookup_system (f->plan, 6);
  IkouScenario *scenario, *other, *kept;
  g_autoptr(IkouStep) edited = NULL;

  /* A scenario that changes fields, drops a step and adds one. */
  scenario = ikou_document_add_scenario (f->document, "採用する案", NULL, NULL, &error);
  other = ikou_document_add_scenario (f->document, "別の案", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ikou_document_retarget (f->document, scenario, six, HOST_GOV_CLOUD, 1, &error));
  g_assert_true (ikou_document_shift (f->document, scenario, six, 24, IKOU_SHIFT_CUTOVER, &error));
  g_assert_no_error (error);
  ikou_document_set_active_scenario (f->document, scenario);
  ikou_document_remove_step (f->document, s1, 0);
  added->from_host = HOST_SHARED_CLOUD;
  added->to_host = HOST_GOV_CLOUD;
  added->cutover_date = ikou_test_day ("2025-04-01");
  added->note = g_strdup ("その次");
  ikou_document_insert_step (f->document, s4, 1, added);
  edited = ikou_document_dup_step (f->document, s6, 0);
  edited->budget_amount = 5000;
  edited->arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  edited->supplementary = TRUE;
  ikou_document_set_step (f->document, s6, 0, edited);
  ikou_document_set_active_scenario (f->document, NULL);

  before = copy_with_scenarios (f->path, f->plan);
  assert_plan_equal (f->plan, before, "the copy before adopting");
  scenario_view = copy_view (f->plan, scenario);

  /* A name in use is refused, nothing changes. */
  {
    g_autoptr(GError) refused = NULL;
    const char *label = ikou_history_get_undo_label (f->history);

    g_assert_null (ikou_document_adopt_scenario (f->document, scenario, "別の案", &refused));
    g_assert_error (refused, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
    g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, label);
    assert_plan_equal (f->plan, before, "a refused adopt");
  }

  kept = ikou_document_adopt_scenario (f->document, scenario, "元の基準計画", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpstr (ikou_scenario_get_name (kept), ==, "元の基準計画");
  g_assert_nonnull (ikou_scenario_get_description (kept));
  g_assert_null (ikou_plan_lookup_scenario (f->plan, "採用する案"));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (f->plan), ==, 2);
  g_assert_true (ikou_plan_get_scenario (f->plan, 0) == kept);
  g_assert_true (ikou_plan_get_scenario (f->plan, 1) == other);

  /* The baseline is what the scenario showed (notes included); the kept
   * scenario shows the old baseline exactly. */
  assert_baseline_is (f->plan, scenario_view);
  assert_view_is (f->plan, kept, f->original);
  g_assert_cmpstr (ikou_system_get_step (s4, 1)->note, ==, "その次");
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 0);
  g_assert_cmpint (ikou_system_get_step (s6, 0)->budget_amount, ==, 5000);
  adopted = copy_view (f->plan, NULL);
  kept_copy = ikou_scenario_copy (kept, ikou_scenario_get_name (kept));

  /* Saved and opened again, the kept scenario still shows the old baseline. */
  {
    g_autofree char *dir = g_path_get_dirname (f->path);
    g_autofree char *saved = g_build_filename (dir, "adopted.ikou", NULL);
    g_autoptr(IkouPlan) back = NULL;

    g_assert_true (ikou_plan_file_save (f->plan, saved, &error));
    g_assert_no_error (error);
    back = load_plan (saved);
    assert_plan_equal (f->plan, back, "the adopted plan saved");
    assert_view_is (back, ikou_plan_lookup_scenario (back, "元の基準計画"), f->original);
  }

  /* The findings follow: the six deadline errors are gone. */
  ikou_document_flush (f->document);
  assert_findings_of (f->document, NULL);
  {
    g_autoptr(GPtrArray) findings = ikou_document_copy_findings (f->document);

    g_assert_cmpuint (count_rule (findings, "deadline.", 0), ==, 0);
  }

  /* One undo step brings back the f->plan exactly; redo adopts again. */
  g_assert_true (ikou_history_undo (f->history));
  assert_plan_equal (f->plan, before, "undo of adopt");
  g_assert_true (ikou_history_redo (f->history));
  assert_baseline_is (f->plan, adopted);
  g_assert_true (ikou_plan_get_scenario (f->plan, 0) == kept);
  g_assert_true (ikou_scenario_equal (kept, kept_copy));
  g_assert_true (ikou_history_undo (f->history));
  assert_plan_equal (f->plan, before, "undo of the redone adopt");

  /* Adopting the scenario on show returns to the (new) baseline. */
  ikou_document_set_active_scenario (f->document, scenario);
  g_assert_nonnull (ikou_document_adopt_scenario (f->document, scenario, "元", NULL));
  g_assert_null (ikou_document_get_active_scenario (f->document));
  assert_baseline_is (f->plan, scenario_view);
}

/* Adopting a scenario that leaves out a baseline step changes the
 * baseline under the other scenarios: their edits follow the steps, and
 * those of the step left out are kept as orphans. */
static void
test_adopt_other_scenarios (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IkouPlan) before = NULL;
  g_autoptr(IkouStep) second = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  IkouSystem *s9 = ikou_plan_lookup_system (f->plan, 9);
  IkouScenario *adopted, *other;
  gint64 value = 0;

  /* 統合CAD gets a second baseline step; 別の案 edits both steps. */
  second = ikou_step_copy (ikou_system_get_step (s9, 0));
  second->from_host = HOST_SHARED_CLOUD;
  second->to_host = HOST_GOV_CLOUD;
  second->cutover_date = ikou_test_day ("2025-10-01");
  ikou_document_insert_step (f->document, s9, 1, second);
  other = ikou_document_add_scenario (f->document, "別の案", NULL, NULL, NULL);
  ikou_document_set_active_scenario (f->document, other);
  {
    g_autoptr(IkouStep) a = ikou_document_dup_step (f->document, s9, 0);
    g_autoptr(IkouStep) b = ikou_document_dup_step (f->document, s9, 1);

    a->budget_amount = 111;
    b->budget_amount = 222;
    ikou_document_set_step (f->document, s9, 0, a);
    ikou_document_set_step (f->document, s9, 1, b);
  }
  /* 採用する案 goes straight to the second step. */
  adopted = ikou_document_add_scenario (f->document, "採用する案", NULL, NULL, NULL);
  ikou_document_set_active_scenario (f->document, adopted);
  ikou_document_remove_step (f->document, s9, 0);
  ikou_document_set_active_scenario (f->document, NULL);
  before = copy_with_scenarios (f->path, f->plan);
  /* (the file has one step of 統合CAD; the copy needs the second) */
  ikou_system_insert_step (ikou_plan_lookup_system (before, 9), 1, second);
  assert_plan_equal (f->plan, before, "the copy before adopting");

  g_assert_nonnull (ikou_document_adopt_scenario (f->document, adopted, "元", NULL));
  g_assert_cmpuint (ikou_system_get_n_steps (s9), ==, 1);
  g_assert_cmpint (ikou_system_get_step (s9, 0)->cutover_date, ==, ikou_test_day ("2025-10-01"));

  /* 別の案's edit of the second step still is of that step … */
  g_assert_true (ikou_scenario_lookup_override (other, 9, 0, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 222);
  /* … and its edit of the step left out is kept and reported. */
  g_assert_cmpuint (ikou_scenario_get_n_orphans (other, 9), ==, 1);
  g_assert_cmpint (ikou_scenario_get_orphan (other, 9, 0)->value, ==, 111);
  findings = ikou_check_plan (f->plan, other, schedule, ikou_test_day ("2021-03-01"), NULL);
  g_assert_cmpuint (count_rule (findings, IKOU_RULE_SCENARIO_ORPHANED, 9), ==, 1);

  g_assert_true (ikou_history_undo (f->history));
  assert_plan_equal (f->plan, before, "undo of adopt");
  g_assert_true (ikou_history_redo (f->history));
  g_assert_true (ikou_scenario_lookup_override (other, 9, 0, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 222);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (other, 9), ==, 1);
  g_assert_true (ikou_history_undo (f->history));
  assert_plan_equal (f->plan, before, "undo of the redone adopt");
}

/* Many systems ------------------------------------------------------------------- */

static void
count_view_changed (IkouDocument *document,
                    guint         system_id,
                    GHashTable   *seen)
{
  /* Each system once per operation, however many of its steps moved. */
  g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (system_id)));
}

/* The document's findings after its re-checks are those of a full check. */
static void
assert_findings_of_full_check (IkouDocument *document,
                               IkouScenario *scenario)
{
  g_autoptr(GPtrArray) full = NULL;
  guint errors = 0, warnings = 0, infos = 0;

  ikou_document_flush (document);
  full = ikou_check_plan (ikou_document_get_plan (document), scenario, schedule,
                          ikou_document_get_today (document), NULL);
  for (guint i = 0; i < full->len; i++)
    {
      const IkouFinding *finding = g_ptr_array_index (full, i);

      errors += finding->severity == IKOU_SEVERITY_ERROR;
      warnings += finding->severity == IKOU_SEVERITY_WARNING;
      infos += finding->severity == IKOU_SEVERITY_INFO;
    }
  g_assert_cmpuint (ikou_document_get_n_errors (document), ==, errors);
  g_assert_cmpuint (ikou_document_get_n_warnings (document), ==, warnings);
  g_assert_cmpuint (ikou_document_get_n_infos (document), ==, infos);
}

static void
test_shift_undo_many (void)
{
  g_autoptr(IkouPlan) generated = ikou_bench_generate_plan (1000, 0, 7);
  g_autoptr(IkouPlan) copy = ikou_bench_generate_plan (1000, 0, 7);
  g_autoptr(IkouDocument) document = ikou_document_new (generated, schedule);
  IkouPlan *plan = ikou_document_get_plan (document);
  IkouHistory *history = ikou_document_get_history (document);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint n_dates = 0;
  guint n_dated = 0; /* systems a shift moves */
  IkouScenario *scenario;

  assert_plan_equal (plan, copy, "the generator");
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      g_ptr_array_add (all, g_object_ref (system));
      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        if (ikou_system_get_step (system, j)->cutover_date != IKOU_DAY_NONE ||
            ikou_system_get_step (system, j)->contract_date != IKOU_DAY_NONE ||
            ikou_system_get_step (system, j)->budget_date != IKOU_DAY_NONE)
          {
            n_dated++;
            break;
          }
    }
  g_assert_cmpuint (n_dated, >, 900);
  g_assert_cmpuint (all->len, ==, 1000);

  /* The baseline: every date moves seven months; undo restores all. */
  ikou_document_set_today (document, ikou_test_day ("2026-04-01"));
  g_signal_connect (document, "view-changed", G_CALLBACK (count_view_changed), seen);
  g_assert_true (ikou_document_shift (document, NULL, all, 7, IKOU_SHIFT_ALL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_dated);
  assert_findings_of_full_check (document, NULL);
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *s = ikou_plan_get_system (plan, i);
      IkouSystem *o = ikou_plan_get_system (copy, i);

      for (guint j = 0; j < ikou_system_get_n_steps (s); j++)
        for (IkouMilestone m = 0; m < IKOU_N_MILESTONES; m++)
          {
            IkouDay was = ikou_step_get_milestone (ikou_system_get_step (o, j), m);
            IkouDay now = ikou_step_get_milestone (ikou_system_get_step (s, j), m);

            if (was == IKOU_DAY_NONE)
              g_assert_cmpint (now, ==, IKOU_DAY_NONE);
            else
              {
                g_assert_cmpint (now, ==, ikou_day_add_months (was, 7));
                n_dates++;
              }
          }
    }
  g_assert_cmpuint (n_dates, >, 1000);
  g_hash_table_remove_all (seen);
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
  assert_plan_equal (plan, copy, "undo of a shift of 1,000 systems");
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_dated);
  assert_findings_of_full_check (document, NULL);
  g_hash_table_remove_all (seen);
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_dated);
  assert_findings_of_full_check (document, NULL);
  g_hash_table_remove_all (seen);
  g_assert_true (ikou_history_undo (history));
  assert_plan_equal (plan, copy, "undo of the redone shift");
  assert_findings_of_full_check (document, NULL);

  /* In a scenario: only the cut-overs, the baseline untouched. */
  scenario = ikou_document_add_scenario (document, "後ろ倒し", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_history_clear (history);
  ikou_document_set_active_scenario (document, scenario);
  g_hash_table_remove_all (seen);
  g_assert_true (ikou_document_shift (document, scenario, all, -5, IKOU_SHIFT_CUTOVER, &error));
  g_assert_no_error (error);
  n_dated = g_hash_table_size (seen);
  g_assert_cmpuint (n_dated, >, 900);
  assert_findings_of_full_check (document, scenario);
  assert_baseline_is (plan, copy);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), >, 500);
  for (guint i = 0; i < ikou_scenario_get_n_overrides (scenario); i++)
    g_assert_cmpint (ikou_scenario_get_override (scenario, i)->field, ==, IKOU_OVERRIDE_CUTOVER_DATE);
  g_hash_table_remove_all (seen);
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_dated);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);
  g_assert_false (ikou_scenario_has_system (scenario, ikou_system_get_id (g_ptr_array_index (all, 0))));
  assert_findings_of_full_check (document, scenario);
  g_signal_handlers_disconnect_by_func (document, count_view_changed, seen);
}

static void
test_shift_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  IkouScenario *scenario;
  const int refused[] = { 2300, -1500, G_MAXINT / 2, -(G_MAXINT / 2) };

  for (guint i = 0; i < ikou_plan_get_n_systems (f->plan); i++)
    g_ptr_array_add (all, g_object_ref (ikou_plan_get_system (f->plan, i)));
  scenario = ikou_document_add_scenario (f->document, "案", NULL, NULL, NULL);
  ikou_history_clear (f->history);

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (ikou_document_shift (f->document, k ? scenario : NULL, all, refused[i],
                                             IKOU_SHIFT_ALL, &error));
        g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
        g_assert_false (ikou_history_can_undo (f->history));
        g_assert_false (ikou_scenario_has_system (scenario, 1));
      }

  /* Only the last system would overflow: still nothing changes. */
  {
    g_autoptr(GError) error = NULL;
    IkouSystem *s15 = ikou_plan_lookup_system (f->plan, 15);
    g_autoptr(IkouStep) late = ikou_step_copy (ikou_system_get_step (s15, 0));
    g_autoptr(GPtrArray) some = g_ptr_array_new ();

    late->cutover_date = ikou_test_day ("2200-06-01");
    ikou_document_set_step (f->document, s15, 0, late);
    ikou_history_clear (f->history);
    g_ptr_array_add (some, ikou_plan_lookup_system (f->plan, 2));
    g_ptr_array_add (some, ikou_plan_lookup_system (f->plan, 3));
    g_ptr_array_add (some, s15);
    g_assert_false (ikou_document_shift (f->document, NULL, some, 12, IKOU_SHIFT_CUTOVER, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE);
    g_assert_nonnull (strstr (error->message, ikou_system_get_name (s15)));
    g_assert_false (ikou_history_can_undo (f->history));
    g_assert_cmpint (ikou_system_get_step (ikou_plan_lookup_system (f->plan, 2), 0)->cutover_date,
                     ==, ikou_test_day ("2022-01-01"));
    /* The same shift on the cut-over without s15 is fine. */
    g_ptr_array_remove_index (some, 2);
    g_assert_true (ikou_document_shift (f->document, NULL, some, 12, IKOU_SHIFT_CUTOVER, NULL));
    g_assert_cmpint (ikou_system_get_step (ikou_plan_lookup_system (f->plan, 2), 0)->cutover_date,
                     ==, ikou_test_day ("2023-01-01"));
    g_assert_cmpint (ikou_system_get_step (ikou_plan_lookup_system (f->plan, 2), 0)->contract_date,
                     ==, ikou_test_day ("2021-07-01"));
    g_assert_true (ikou_history_undo (f->history));
    g_assert_false (ikou_history_can_undo (f->history));
  }

  /* Zero months and no systems are no change. */
  g_assert_true (ikou_document_shift (f->document, NULL, all, 0, IKOU_SHIFT_ALL, NULL));
  g_ptr_array_set_size (all, 0);
  g_assert_true (ikou_document_shift (f->document, NULL, all, 3, IKOU_SHIFT_ALL, NULL));
  g_assert_false (ikou_history_can_undo (f->history));

  /* The milestones each choice moves. */
  {
    IkouSystem *s6 = ikou_plan_lookup_system (f->plan, 6);
    const IkouStep *st = ikou_system_get_step (s6, 0);
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    IkouDay budget = st->budget_date, contract = st->contract_date, cutover = st->cutover_date;

    g_ptr_array_add (one, s6);
    g_assert_true (ikou_document_shift (f->document, NULL, one, 3, IKOU_SHIFT_CONTRACT, NULL));
    st = ikou_system_get_step (s6, 0);
    g_assert_cmpint (st->budget_date, ==, budget);
    g_assert_cmpint (st->contract_date, ==, ikou_day_add_months (contract, 3));
    g_assert_cmpint (st->cutover_date, ==, ikou_day_add_months (cutover, 3));
    g_assert_true (ikou_document_shift (f->document, NULL, one, -3, IKOU_SHIFT_ALL, NULL));
    st = ikou_system_get_step (s6, 0);
    g_assert_cmpint (st->budget_date, ==, ikou_day_add_months (budget, -3));
    g_assert_cmpint (st->contract_date, ==, contract);
    g_assert_cmpint (st->cutover_date, ==, cutover);
  }
}

static void
test_retarget (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) six = six_systems (f->plan);
  IkouScenario *scenario;
  g_autoptr(GError) error = NULL;

  scenario = ikou_document_add_scenario (f->document, "案", NULL, NULL, NULL);
  ikou_history_clear (f->history);

  /* An unknown host: refused, nothing changes. */
  g_assert_false (ikou_document_retarget (f->document, scenario, six, 99, 1, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ikou_document_retarget (f->document, NULL, six, 0, -1, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ikou_history_can_undo (f->history));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);

  /* A system without steps among them: refused as a whole. */
  {
    IkouSystem *s1 = ikou_plan_lookup_system (f->plan, 1);
    g_autoptr(GPtrArray) with_empty = six_systems (f->plan);

    ikou_document_set_active_scenario (f->document, scenario);
    ikou_document_remove_step (f->document, s1, 0);
    ikou_document_set_active_scenario (f->document, NULL);
    ikou_history_clear (f->history);
    g_ptr_array_add (with_empty, g_object_ref (s1));
    g_assert_false (ikou_document_retarget (f->document, scenario, with_empty, HOST_GOV_CLOUD, 1, &error));
    g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, ikou_system_get_name (s1)));
    g_clear_error (&error);
    g_assert_false (ikou_history_can_undo (f->history));
    g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);
  }

  /* The flag left alone (-1) or set. */
  g_assert_true (ikou_document_retarget (f->document, scenario, six, HOST_GOV_CLOUD, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1 + 6);
  g_assert_true (ikou_document_retarget (f->document, scenario, six, HOST_GOV_CLOUD, 1, &error));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1 + 12);
  /* One undo step each. */
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1 + 6);
  g_assert_true (ikou_history_undo (f->history));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);
  g_assert_false (ikou_history_can_undo (f->history));

  /* In the baseline: undo restores it. */
  g_assert_true (ikou_document_retarget (f->document, NULL, six, HOST_GOV_CLOUD, 1, &error));
  g_assert_cmpuint (ikou_system_get_step (ikou_plan_lookup_system (f->plan, 7), 0)->to_host, ==, HOST_GOV_CLOUD);
  g_assert_true (ikou_history_undo (f->history));
  assert_baseline_is (f->plan, f->original);
}

/* Saving ------------------------------------------------------------------------ */

static void
test_save_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IkouPlan) back = NULL;
  g_autoptr(GPtrArray) six = NULL;
  g_autoptr(GError) error = NULL;
  IkouScenario *scenario;
  guint saved = 0;
  guint64 serial;

  g_signal_connect_swapped (f->document, "saved", G_CALLBACK (count_cb), &saved);
  six = six_systems (f->plan);
  serial = ikou_document_get_change_serial (f->document);
  scenario = ikou_document_add_scenario (f->document, "保存する案", NULL, "説明", &error);
  g_assert_true (ikou_document_retarget (f->document, scenario, six, HOST_GOV_CLOUD, 1, &error));
  ikou_document_set_active_scenario (f->document, scenario);
  ikou_document_remove_step (f->document, ikou_plan_lookup_system (f->plan, 1), 0);
  g_assert_cmpuint (ikou_document_get_change_serial (f->document), >, serial);
  g_assert_true (ikou_document_get_dirty (f->document));

  g_assert_true (ikou_document_save (f->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 1);
  g_assert_false (ikou_document_get_dirty (f->document));
  back = load_plan (f->path);
  assert_plan_equal (f->plan, back, "a saved document");

  /* A f->document without a store cannot save without one. */
  {
    g_autoptr(IkouDocument) fresh = ikou_document_new (NULL, schedule);
    g_autoptr(GError) refused = NULL;
    g_autofree char *title = ikou_document_dup_title (fresh);

    g_assert_false (ikou_document_save (fresh, NULL, &refused));
    g_assert_error (refused, IKOU_ERROR, IKOU_ERROR_IO);
    g_assert_nonnull (title);
    g_assert_null (ikou_document_get_file (fresh));
  }
}

/* Every kind of scenario edit survives saving and opening again, in
 * .ikou and in Ikou XML. */
static void
test_save_every_edit (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "plan.ikou", "plan.xml" };
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(IkouStep) added = ikou_step_new ();
  g_autoptr(IkouStep) edited = NULL;
  IkouSystem *s6 = ikou_plan_lookup_system (f->plan, 6);
  IkouScenario *scenario;
  IkouOverride orphan = { 9, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2023-04-01") };
  g_autoptr(IkouPlan) view = NULL;

  scenario = ikou_document_add_scenario (f->document, "全部", NULL, "何でも", NULL);
  ikou_document_set_active_scenario (f->document, scenario);
  ikou_document_remove_step (f->document, ikou_plan_lookup_system (f->plan, 1), 0);
  added->to_host = HOST_GOV_CLOUD;
  added->cutover_date = ikou_test_day ("2025-04-01");
  added->note = g_strdup ("追加した工程");
  ikou_document_insert_step (f->document, ikou_plan_lookup_system (f->plan, 4), 1, added);
  edited = ikou_document_dup_step (f->document, s6, 0);
  edited->budget_amount = 5000;
  edited->arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  edited->supplementary = TRUE;
  edited->standard_compliant = TRUE;
  edited->from_host = HOST_SHARED_CLOUD;
  ikou_document_set_step (f->document, s6, 0, edited);
  ikou_scenario_set_override (scenario, 7, 0, IKOU_OVERRIDE_AMOUNT, -1);
  ikou_scenario_add_orphan (scenario, &orphan);
  view = copy_view (f->plan, scenario);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *other = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) back = NULL;

      g_assert_true (ikou_plan_file_save (f->plan, other, &error));
      g_assert_no_error (error);
      back = load_plan (other);
      assert_plan_equal (f->plan, back, names[i]);
      assert_view_is (back, ikou_plan_lookup_scenario (back, "全部"), view);
    }
}

/* The selection's operations: a bulk shift of the cut-overs only or from
 * the contract on, with the findings re-checked, and undo brings back
 * every date and every finding; a property of many systems and their
 * passed milestones, each one undo step. */
static void
test_bulk_shift_modes (void)
{
  g_autoptr(IkouPlan) generated = ikou_bench_generate_plan (1000, 0, 11);
  g_autoptr(IkouPlan) copy = ikou_bench_generate_plan (1000, 0, 11);
  g_autoptr(IkouDocument) document = ikou_document_new (generated, schedule);
  IkouPlan *plan = ikou_document_get_plan (document);
  IkouHistory *history = ikou_document_get_history (document);
  g_autoptr(GPtrArray) half = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_key = NULL;
  g_autoptr(GError) error = NULL;

  ikou_document_set_today (document, ikou_test_day ("2024-06-01"));
  before = ikou_document_copy_findings (document);
  before_key = findings_key (before);
  /* Every other system: those not selected must not move. */
  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i += 2)
    g_ptr_array_add (half, ikou_plan_get_system (plan, i));

  for (IkouShiftMilestones which = IKOU_SHIFT_CONTRACT; which <= IKOU_SHIFT_CUTOVER; which++)
    {
      guint n_moved = 0;

      g_assert_true (ikou_document_shift (document, NULL, half, -4, which, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
        {
          IkouSystem *s = ikou_plan_get_system (plan, i);
          IkouSystem *o = ikou_plan_get_system (copy, i);

          for (guint j = 0; j < ikou_system_get_n_steps (s); j++)
            for (IkouMilestone m = 0; m < IKOU_N_MILESTONES; m++)
              {
                IkouDay was = ikou_step_get_milestone (ikou_system_get_step (o, j), m);
                IkouDay now = ikou_step_get_milestone (ikou_system_get_step (s, j), m);
                gboolean moves = i % 2 == 0 && was != IKOU_DAY_NONE &&
                                 (m == IKOU_MILESTONE_CUTOVER ||
                                  (m == IKOU_MILESTONE_CONTRACT && which == IKOU_SHIFT_CONTRACT));

                g_assert_cmpint (now, ==, moves ? ikou_day_add_months (was, -4) : was);
                n_moved += moves;
              }
        }
      g_assert_cmpuint (n_moved, >, 500);
      g_assert_true (ikou_history_undo (history));
      g_assert_false (ikou_history_can_undo (history));
      assert_plan_equal (plan, copy, "undo of a bulk shift");
      {
        g_autoptr(GPtrArray) after = ikou_document_copy_findings (document);
        g_autofree char *after_key = findings_key (after);

        g_assert_cmpstr (after_key, ==, before_key);
      }
    }
}

static void
test_bulk_property (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(GArray) all_overdue = NULL;
  guint n_done;

  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    g_ptr_array_add (systems, ikou_plan_lookup_system (f->plan, six_ids[i]));

  /* A status for all six: one undo step, undone as one. */
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, IKOU_STATUS_IN_PROGRESS);
  ikou_document_set_systems_property (f->document, systems, "status", &value);
  for (guint i = 0; i < systems->len; i++)
    g_assert_cmpint (ikou_system_get_status (g_ptr_array_index (systems, i)), ==, IKOU_STATUS_IN_PROGRESS);
  g_assert_cmpstr (ikou_history_get_undo_label (f->history), ==, "Change 6 systems");
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  assert_plan_equal (f->plan, f->original, "undo of a status of six systems");

  /* The same value again changes and records nothing. */
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, ikou_system_get_department (g_ptr_array_index (systems, 0)));
  g_ptr_array_set_size (systems, 1);
  ikou_document_set_systems_property (f->document, systems, "department", &value);
  g_assert_false (ikou_history_can_undo (f->history));

  /* Passed milestones of the selected systems only, marked as one step. */
  g_ptr_array_set_size (systems, 0);
  for (guint i = 0; i < G_N_ELEMENTS (six_ids); i++)
    g_ptr_array_add (systems, ikou_plan_lookup_system (f->plan, six_ids[i]));
  ikou_document_set_today (f->document, ikou_test_day ("2024-01-01"));
  all_overdue = ikou_document_find_overdue (f->document, IKOU_DAY_NONE);
  overdue = ikou_document_find_overdue_of (f->document, systems, IKOU_DAY_NONE);
  g_assert_cmpuint (overdue->len, >, 0);
  g_assert_cmpuint (overdue->len, <, all_overdue->len);
  for (guint i = 0; i < overdue->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (overdue, IkouMilestoneRef, i);
      gboolean selected = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (six_ids); j++)
        selected |= ref->system_id == six_ids[j];
      g_assert_true (selected);
      g_assert_cmpint (ref->day, <, ikou_test_day ("2024-01-01"));
    }
  n_done = ikou_document_mark_done (f->document, overdue);
  g_assert_cmpuint (n_done, ==, overdue->len);
  {
    g_autoptr(GArray) left = ikou_document_find_overdue_of (f->document, systems, IKOU_DAY_NONE);

    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_true (ikou_history_undo (f->history));
  g_assert_false (ikou_history_can_undo (f->history));
  assert_plan_equal (f->plan, f->original, "undo of marking passed milestones done");
}

/* The list's cost column reads each system's totals from a cache: the
 * same as computing them, computed once, and computed again after an
 * edit of the system (baseline, scenario, undo), another scenario shown,
 * a host change or other years. */
static void
assert_cached_totals (IkouCostCache *cache,
                      IkouDocument  *document,
                      IkouSystem    *system,
                      int            first_fy,
                      int            last_fy)
{
  gint64 one_time, running, want_one_time, want_running;

  ikou_cost_cache_get (cache, system, first_fy, last_fy, &one_time, &running);
  ikou_budget_system_totals (ikou_document_get_plan (document),
                             ikou_document_get_active_scenario (document),
                             system, first_fy, last_fy, &want_one_time, &want_running);
  g_assert_cmpint (one_time, ==, want_one_time);
  g_assert_cmpint (running, ==, want_running);
}

static void
test_cost_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IkouCostCache) cache = ikou_cost_cache_new (f->document);
  IkouSystem *seikatsu = ikou_plan_lookup_system (f->plan, 2);
  IkouSystem *other = ikou_plan_lookup_system (f->plan, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouStep) step = NULL;
  IkouScenario *scenario;
  guint n;
  gint64 before, one_time, running;

  for (guint i = 0; i < ikou_plan_get_n_systems (f->plan); i++)
    assert_cached_totals (cache, f->document, ikou_plan_get_system (f->plan, i), 2020, 2030);
  n = ikou_cost_cache_get_n_computed (cache);
  g_assert_cmpuint (n, ==, ikou_plan_get_n_systems (f->plan));
  /* Read again (a sort compares each system many times): no computation. */
  for (guint i = 0; i < ikou_plan_get_n_systems (f->plan); i++)
    assert_cached_totals (cache, f->document, ikou_plan_get_system (f->plan, i), 2020, 2030);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n);
  g_assert_cmpint (ikou_cost_cache_compare (cache, seikatsu, seikatsu, 2020, 2030), ==, 0);

  /* An edit of one system: that system only. */
  ikou_cost_cache_get (cache, seikatsu, 2020, 2030, &before, &running);
  step = ikou_step_copy (ikou_system_get_step (seikatsu, 0));
  step->budget_amount += 5000;
  ikou_document_set_step (f->document, seikatsu, 0, step);
  assert_cached_totals (cache, f->document, seikatsu, 2020, 2030);
  assert_cached_totals (cache, f->document, other, 2020, 2030);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n + 1);
  ikou_cost_cache_get (cache, seikatsu, 2020, 2030, &one_time, &running);
  g_assert_cmpint (one_time, ==, before + 5000);

  /* Undo. */
  g_assert_true (ikou_history_undo (f->history));
  ikou_cost_cache_get (cache, seikatsu, 2020, 2030, &one_time, &running);
  g_assert_cmpint (one_time, ==, before);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n + 2);

  /* Another scenario shown, and an edit in it. */
  scenario = ikou_document_add_scenario (f->document, "増額", NULL, NULL, &error);
  g_assert_no_error (error);
  ikou_document_set_active_scenario (f->document, scenario);
  step->budget_amount += 1000;
  ikou_document_set_step (f->document, seikatsu, 0, step);
  assert_cached_totals (cache, f->document, seikatsu, 2020, 2030);
  ikou_cost_cache_get (cache, seikatsu, 2020, 2030, &one_time, &running);
  g_assert_cmpint (one_time, ==, before + 6000);
  ikou_document_set_active_scenario (f->document, NULL);
  assert_cached_totals (cache, f->document, seikatsu, 2020, 2030);

  /* A host changed, other years: everything again. */
  assert_cached_totals (cache, f->document, other, 2020, 2030);
  n = ikou_cost_cache_get_n_computed (cache);
  assert_cached_totals (cache, f->document, other, 2020, 2030);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n);
  ikou_host_set_note (ikou_plan_get_host (f->plan, 0), "更新");
  assert_cached_totals (cache, f->document, other, 2020, 2030);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n + 1);
  assert_cached_totals (cache, f->document, other, 2022, 2023);
  g_assert_cmpuint (ikou_cost_cache_get_n_computed (cache), ==, n + 2);
}

#define add_test(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  schedule = ikou_test_load_schedule ();

  add_test ("/document/edit-undo-findings", test_edit_undo_findings);
  add_test ("/document/switch-scenario", test_switch_scenario);
  add_test ("/document/edits-in-scenario", test_edits_in_scenario);
  add_test ("/document/preview", test_preview);
  add_test ("/document/scenario-names", test_scenario_names);
  add_test ("/document/delete-scenario", test_delete_scenario);
  add_test ("/document/adopt", test_adopt);
  add_test ("/document/adopt-other-scenarios", test_adopt_other_scenarios);
  g_test_add_func ("/document/shift-undo-many", test_shift_undo_many);
  add_test ("/document/shift-refused", test_shift_refused);
  add_test ("/document/retarget", test_retarget);
  g_test_add_func ("/document/bulk-shift-modes", test_bulk_shift_modes);
  add_test ("/document/bulk-property", test_bulk_property);
  add_test ("/document/cost-cache", test_cost_cache);
  add_test ("/document/save-round-trip", test_save_round_trip);
  add_test ("/document/save-every-edit", test_save_every_edit);

  result = g_test_run ();
  g_clear_object (&schedule);
  return result;
}

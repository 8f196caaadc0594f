/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-error.h"
#include "ikou-history.h"
#include "ikou-plan-diff.h"
#include "ikou-schedule.h"
#include "ikou-system-filter.h"
#include "ikou-test-util.h"

/* Scenarios as edits of the baseline: what every override changes in
 * the view, dropped and added steps, editing, undo of scenario edits,
 * what becomes of edits when the baseline changes underneath, the
 * orphaned-edit rule, choosing systems by filters, and the differences
 * between two plans. */

enum { HOST_ONPREM = 1, HOST_CLOUD, HOST_GOV };

static IkouSchedule *schedule;

/* Hosts 1 電算室 (on-premises), 2 統合サーバ (shared cloud), 3 ガバクラ
 * (Government Cloud).  Systems:
 *   1 住民記録 (市民課, ABC社, resident-register, on 1): two steps,
 *     1→2 (cut-over 2024-10-01, FY2024) and 2→3 standard-compliant
 *     (cut-over 2026-01-01, FY2025);
 *   2 個人住民税 (税務課, Bソフト, individual-inhabitant-tax, on 1): one
 *     standard-compliant step 1→3, cut-over 2024-07-01 (FY2024);
 *   3 障害者福祉 (障がい福祉課, disability-welfare, on 2): no step;
 *   4 水道料金 (水道課, no operation, on 2): one step 2→2, cut-over
 *     2025-10-01 (FY2025). */
static IkouPlan *
make_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouSystem) s1 = ikou_system_new (1, "住民記録");
  g_autoptr(IkouSystem) s2 = ikou_system_new (2, "個人住民税");
  g_autoptr(IkouSystem) s3 = ikou_system_new (3, "障害者福祉");
  g_autoptr(IkouSystem) s4 = ikou_system_new (4, "水道料金");
  IkouStep s1_first = ikou_test_step (HOST_ONPREM, HOST_CLOUD, "2023-10-01", 12000, "2024-04-01",
                                      "2024-10-01");
  IkouStep s1_second = ikou_test_step (HOST_CLOUD, HOST_GOV, "2024-10-01", 30000, "2025-04-01",
                                       "2026-01-01");
  IkouStep s2_step = ikou_test_step (HOST_ONPREM, HOST_GOV, "2023-04-01", -1, "2023-10-01",
                                     "2024-07-01");
  IkouStep s4_step = ikou_test_step (HOST_CLOUD, HOST_CLOUD, "2024-10-01", -1, "2025-04-01",
                                     "2025-10-01");

  ikou_test_add_hosts (plan,
                       HOST_ONPREM, "電算室", IKOU_HOST_ONPREM_SHARED,
                       HOST_CLOUD, "統合サーバ", IKOU_HOST_SHARED_CLOUD,
                       HOST_GOV, "ガバクラ", IKOU_HOST_GOV_CLOUD,
                       0);

  ikou_system_set_department (s1, "市民課");
  ikou_system_set_vendor (s1, "ABC社");
  ikou_system_set_operation (s1, "resident-register");
  ikou_system_set_host (s1, HOST_ONPREM);
  s1_first.done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_BUDGET);
  s1_first.note = (char *) "一段目";
  ikou_system_insert_step (s1, G_MAXUINT, &s1_first);
  s1_second.standard_compliant = TRUE;
  ikou_system_insert_step (s1, G_MAXUINT, &s1_second);

  ikou_system_set_department (s2, "税務課");
  ikou_system_set_vendor (s2, "Bソフト");
  ikou_system_set_operation (s2, "individual-inhabitant-tax");
  ikou_system_set_host (s2, HOST_ONPREM);
  s2_step.standard_compliant = TRUE;
  ikou_system_insert_step (s2, G_MAXUINT, &s2_step);

  ikou_system_set_department (s3, "障がい福祉課");
  ikou_system_set_operation (s3, "disability-welfare");
  ikou_system_set_host (s3, HOST_CLOUD);

  ikou_system_set_department (s4, "水道課");
  ikou_system_set_host (s4, HOST_CLOUD);
  ikou_system_insert_step (s4, G_MAXUINT, &s4_step);

  ikou_plan_add_system (plan, s1);
  ikou_plan_add_system (plan, s2);
  ikou_plan_add_system (plan, s3);
  ikou_plan_add_system (plan, s4);
  return plan;
}

/* A step as the view gives it: the note left out. */
static IkouStep
plain (const IkouStep *step)
{
  IkouStep out = *step;

  out.note = NULL;
  return out;
}

static void
set_field (IkouStep          *step,
           IkouOverrideField  field,
           gint64             value)
{
  switch (field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:
      step->budget_date = (IkouDay) value;
      break;
    case IKOU_OVERRIDE_CONTRACT_DATE:
      step->contract_date = (IkouDay) value;
      break;
    case IKOU_OVERRIDE_CUTOVER_DATE:
      step->cutover_date = (IkouDay) value;
      break;
    case IKOU_OVERRIDE_TO_HOST:
      step->to_host = (guint) value;
      break;
    case IKOU_OVERRIDE_FROM_HOST:
      step->from_host = (guint) value;
      break;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT:
      step->standard_compliant = value != 0;
      break;
    case IKOU_OVERRIDE_SUPPLEMENTARY:
      step->supplementary = value != 0;
      break;
    case IKOU_OVERRIDE_AMOUNT:
      step->budget_amount = value;
      break;
    case IKOU_OVERRIDE_ARRANGEMENT:
      step->arrangement = (IkouArrangement) value;
      break;
    case IKOU_OVERRIDE_ANNUAL_COST:
      step->annual_cost = value;
      break;
    case IKOU_OVERRIDE_DROPPED:
    case IKOU_N_OVERRIDE_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* The scenario.orphaned-edit findings of @system_id (0: all) in @scenario. */
static guint
n_orphaned (IkouPlan     *plan,
            IkouScenario *scenario,
            guint         system_id)
{
  g_autoptr(GPtrArray) findings = ikou_check_plan (plan, scenario, schedule,
                                                   ikou_test_day ("2023-01-01"), NULL);

  return ikou_test_count_findings (findings, IKOU_RULE_SCENARIO_ORPHANED, system_id);
}

/* Scenario model --------------------------------------------------------- */

static void
test_override_fields (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  const struct { IkouOverrideField field; gint64 value; } cases[] = {
    { IKOU_OVERRIDE_BUDGET_DATE, 0 },
    { IKOU_OVERRIDE_CONTRACT_DATE, 0 },
    { IKOU_OVERRIDE_CUTOVER_DATE, 0 },
    { IKOU_OVERRIDE_TO_HOST, HOST_GOV },
    { IKOU_OVERRIDE_STANDARD_COMPLIANT, 1 },
    { IKOU_OVERRIDE_AMOUNT, 5000 },
    { IKOU_OVERRIDE_ARRANGEMENT, IKOU_ARRANGEMENT_DEBT_BURDEN },
    { IKOU_OVERRIDE_FROM_HOST, HOST_CLOUD },
    { IKOU_OVERRIDE_SUPPLEMENTARY, 1 },
    { IKOU_OVERRIDE_ANNUAL_COST, 1200 },
  };
  gint64 dates[] = { ikou_test_day ("2023-11-01"), ikou_test_day ("2024-05-01"), ikou_test_day ("2024-11-01") };

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, IKOU_N_OVERRIDE_FIELDS - 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
      IkouOverrideField field = cases[i].field;
      gint64 value = field <= IKOU_OVERRIDE_CUTOVER_DATE ? dates[field] : cases[i].value;
      IkouStep expected = plain (ikou_system_get_step (s1, 0));
      IkouStep view, resolved, second;
      IkouStepOrigin origin;
      IkouOverrideField parsed;
      gint64 stored = 0;

      /* Names in files round-trip. */
      g_assert_true (ikou_override_field_from_string (ikou_override_field_to_string (field), &parsed));
      g_assert_cmpint (parsed, ==, field);

      set_field (&expected, field, value);
      g_assert_cmpint (ikou_override_field_get (&expected, field), ==, value);

      ikou_scenario_set_override (scenario, 1, 0, field, value);
      g_assert_true (ikou_scenario_lookup_override (scenario, 1, 0, field, &stored));
      g_assert_cmpint (stored, ==, value);
      g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);

      g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);
      g_assert_true (ikou_scenario_get_step (scenario, s1, 0, &view, &origin));
      g_assert_cmpint (origin.baseline, ==, 0);
      g_assert_cmpint (origin.added, ==, -1);
      g_assert_null (view.note);
      g_assert_true (ikou_step_equal (&view, &expected));

      ikou_scenario_resolve_step (scenario, 1, 0, ikou_system_get_step (s1, 0), &resolved);
      g_assert_true (ikou_step_equal (&resolved, &expected));

      /* Only that step of that system. */
      second = plain (ikou_system_get_step (s1, 1));
      g_assert_true (ikou_scenario_get_step (scenario, s1, 1, &view, NULL));
      g_assert_true (ikou_step_equal (&view, &second));
      g_assert_true (ikou_scenario_get_step (scenario, ikou_plan_lookup_system (plan, 2), 0, &view, NULL));
      second = plain (ikou_system_get_step (ikou_plan_lookup_system (plan, 2), 0));
      g_assert_true (ikou_step_equal (&view, &second));

      /* The baseline itself is untouched. */
      g_assert_cmpint (ikou_override_field_get (ikou_system_get_step (s1, 0), field), !=, value);
    }

  {
    IkouOverrideField parsed = IKOU_OVERRIDE_AMOUNT;

    g_assert_false (ikou_override_field_from_string ("colour", &parsed));
    g_assert_false (ikou_override_field_from_string (NULL, &parsed));
    g_assert_cmpint (parsed, ==, IKOU_OVERRIDE_AMOUNT);
  }
}

static void
test_baseline_view (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  g_autoptr(IkouScenario) untouched = ikou_scenario_new ("何もしない");

  for (guint k = 0; k < 2; k++)
    {
      IkouScenario *scenario = k == 0 ? NULL : untouched;
      IkouStep view;
      IkouStepOrigin origin;

      g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          IkouStep expected = plain (ikou_system_get_step (s1, i));

          g_assert_true (ikou_scenario_get_step (scenario, s1, i, &view, &origin));
          g_assert_cmpint (origin.baseline, ==, (int) i);
          g_assert_cmpint (origin.added, ==, -1);
          g_assert_true (ikou_step_equal (&view, &expected));
        }
      g_assert_false (ikou_scenario_get_step (scenario, s1, 2, &view, &origin));
      g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, ikou_plan_lookup_system (plan, 3)), ==, 0);
    }
}

static void
test_dropped_and_added (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *s3 = ikou_plan_lookup_system (plan, 3);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("ガバクラ直行");
  g_autoptr(IkouStep) added = ikou_step_new ();
  IkouStep view, expected;
  IkouStepOrigin origin;

  /* "Skip the shared cloud": leave out step 0. */
  ikou_scenario_drop_step (scenario, s1, 0);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 0, IKOU_OVERRIDE_DROPPED, NULL));
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 1);
  g_assert_true (ikou_scenario_get_step (scenario, s1, 0, &view, &origin));
  g_assert_cmpint (origin.baseline, ==, 1);
  g_assert_cmpint (origin.added, ==, -1);
  expected = plain (ikou_system_get_step (s1, 1));
  g_assert_true (ikou_step_equal (&view, &expected));
  g_assert_false (ikou_scenario_get_step (scenario, s1, 1, &view, &origin));
  /* The baseline still has both. */
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);

  /* An override of the remaining step lands on baseline step 1. */
  expected.from_host = HOST_ONPREM;
  ikou_scenario_edit_step (scenario, s1, 0, &expected);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_FROM_HOST, NULL));
  g_assert_false (ikou_scenario_lookup_override (scenario, 1, 0, IKOU_OVERRIDE_FROM_HOST, NULL));

  /* An added step comes after the baseline's. */
  added->from_host = HOST_GOV;
  added->to_host = HOST_GOV;
  added->budget_date = ikou_test_day ("2026-10-01");
  added->contract_date = ikou_test_day ("2027-04-01");
  added->cutover_date = ikou_test_day ("2027-10-01");
  added->budget_amount = 800;
  added->note = g_strdup ("追加");
  ikou_scenario_insert_added_step (scenario, 1, G_MAXUINT, added);
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (scenario, 1), ==, 1);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);
  g_assert_true (ikou_scenario_get_step (scenario, s1, 1, &view, &origin));
  g_assert_cmpint (origin.baseline, ==, -1);
  g_assert_cmpint (origin.added, ==, 0);
  g_assert_null (view.note);
  expected = plain (added);
  g_assert_true (ikou_step_equal (&view, &expected));
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 1, 0)->note, ==, "追加");

  /* A system without steps can get one. */
  ikou_scenario_insert_added_step (scenario, 3, 0, added);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s3), ==, 1);
  g_assert_true (ikou_scenario_get_step (scenario, s3, 0, &view, &origin));
  g_assert_cmpint (origin.added, ==, 0);

  /* Dropping an added step removes it. */
  ikou_scenario_drop_step (scenario, s3, 0);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s3), ==, 0);
  g_assert_false (ikou_scenario_has_system (scenario, 3));

  /* Dropping view step 0 now leaves out baseline step 1. */
  ikou_scenario_drop_step (scenario, s1, 0);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_DROPPED, NULL));
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 1);
  g_assert_true (ikou_scenario_get_step (scenario, s1, 0, &view, &origin));
  g_assert_cmpint (origin.added, ==, 0);

  /* DROPPED 0 keeps the step; a DROPPED beyond the steps changes nothing. */
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_DROPPED, 0);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);
  ikou_scenario_set_override (scenario, 1, 7, IKOU_OVERRIDE_DROPPED, 1);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);

  /* Clearing a system takes it back to the baseline. */
  ikou_scenario_clear_system (scenario, 1);
  g_assert_false (ikou_scenario_has_system (scenario, 1));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);
  g_assert_cmpuint (ikou_scenario_get_n_steps (scenario, s1), ==, 2);
}

static void
test_edit_step (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
  g_autoptr(IkouStep) step = ikou_step_copy (ikou_system_get_step (s1, 1));
  g_autoptr(IkouStep) added = ikou_step_new ();
  IkouStep view;
  gint64 value;
  guint changes = 0;

  /* Only the cut-over differs: the note and done bits are the baseline's. */
  step->cutover_date = ikou_test_day ("2025-10-01");
  g_free (step->note);
  step->note = g_strdup ("シナリオのメモ");
  step->done = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  ikou_scenario_edit_step (scenario, s1, 1, step);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, &value));
  g_assert_cmpint (value, ==, ikou_test_day ("2025-10-01"));
  g_assert_true (ikou_scenario_get_step (scenario, s1, 1, &view, NULL));
  g_assert_cmpint (view.done, ==, 0);
  g_assert_cmpint (view.cutover_date, ==, ikou_test_day ("2025-10-01"));

  /* Two fields: two overrides, the first one replaced. */
  step->cutover_date = ikou_test_day ("2025-12-01");
  step->to_host = HOST_CLOUD;
  ikou_scenario_edit_step (scenario, s1, 1, step);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, &value));
  g_assert_cmpint (value, ==, ikou_test_day ("2025-12-01"));
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_TO_HOST, &value));
  g_assert_cmpint (value, ==, HOST_CLOUD);

  /* The baseline's own value removes the override. */
  step->to_host = HOST_GOV;
  ikou_scenario_edit_step (scenario, s1, 1, step);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);
  g_assert_false (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_TO_HOST, NULL));

  /* Back to the baseline entirely: nothing left of the system. */
  ikou_scenario_edit_step (scenario, s1, 1, ikou_system_get_step (s1, 1));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);
  g_assert_false (ikou_scenario_has_system (scenario, 1));

  /* Setting the same value twice signals once. */
  g_signal_connect_swapped (scenario, "changed", G_CALLBACK (count_cb), &changes);
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT, 10);
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT, 10);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (ikou_scenario_remove_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT));
  g_assert_false (ikou_scenario_remove_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT));
  g_assert_cmpuint (changes, ==, 2);

  /* Editing an added step replaces it (note included). */
  added->to_host = HOST_GOV;
  added->cutover_date = ikou_test_day ("2027-01-01");
  ikou_scenario_insert_added_step (scenario, 1, 0, added);
  added->cutover_date = ikou_test_day ("2027-04-01");
  added->note = g_strdup ("変更");
  ikou_scenario_edit_step (scenario, s1, 2, added);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 0);
  g_assert_cmpint (ikou_scenario_get_added_step (scenario, 1, 0)->cutover_date, ==, ikou_test_day ("2027-04-01"));
  g_assert_cmpstr (ikou_scenario_get_added_step (scenario, 1, 0)->note, ==, "変更");
}

static IkouScenario *
make_busy_scenario (IkouPlan *plan)
{
  IkouScenario *scenario = ikou_scenario_new ("盛りだくさん");
  g_autoptr(IkouStep) added = ikou_step_new ();
  IkouOverride orphan = { 1, 4, IKOU_OVERRIDE_AMOUNT, 777 };

  ikou_scenario_set_description (scenario, "全部入り");
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2024-12-01"));
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_TO_HOST, HOST_CLOUD);
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_DROPPED, 1);
  added->to_host = HOST_GOV;
  added->cutover_date = ikou_test_day ("2025-07-01");
  added->standard_compliant = TRUE;
  added->note = g_strdup ("直接ガバクラへ");
  ikou_scenario_insert_added_step (scenario, 2, 0, added);
  ikou_scenario_add_orphan (scenario, &orphan);
  return scenario;
}

static void
test_save_restore (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = make_busy_scenario (plan);
  g_autoptr(IkouScenario) other = ikou_scenario_new ("盛りだくさん");
  g_autoptr(IkouScenarioEdits) e1 = ikou_scenario_save_edits (scenario, 1);
  g_autoptr(IkouScenarioEdits) e2 = ikou_scenario_save_edits (scenario, 2);
  g_autoptr(IkouScenarioEdits) e1_copy = ikou_scenario_edits_copy (e1);
  g_autoptr(IkouScenarioEdits) none = ikou_scenario_save_edits (scenario, 3);
  g_autoptr(IkouScenarioEdits) back = NULL;

  g_assert_nonnull (e1);
  g_assert_nonnull (e2);
  g_assert_null (none);
  g_assert_true (ikou_scenario_edits_equal (e1, e1_copy));
  g_assert_false (ikou_scenario_edits_equal (e1, e2));
  g_assert_false (ikou_scenario_edits_equal (e1, NULL));
  g_assert_true (ikou_scenario_edits_equal (NULL, NULL));

  /* Restoring into an empty scenario gives the same scenario. */
  ikou_scenario_set_description (other, "全部入り");
  ikou_scenario_restore_edits (other, 1, e1);
  ikou_scenario_restore_edits (other, 2, e2);
  g_assert_true (ikou_scenario_equal (scenario, other));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (other), ==, ikou_scenario_get_n_overrides (scenario));
  g_assert_cmpuint (ikou_scenario_get_n_orphans (other, 1), ==, 1);
  g_assert_cmpint (ikou_scenario_get_orphan (other, 1, 0)->value, ==, 777);
  g_assert_cmpstr (ikou_scenario_get_added_step (other, 2, 0)->note, ==, "直接ガバクラへ");

  /* Change everything of system 1, then restore: exactly as before. */
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2030-01-01"));
  ikou_scenario_remove_override (scenario, 1, 1, IKOU_OVERRIDE_TO_HOST);
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_AMOUNT, 5);
  g_assert_false (ikou_scenario_equal (scenario, other));
  ikou_scenario_restore_edits (scenario, 1, e1);
  g_assert_true (ikou_scenario_equal (scenario, other));
  back = ikou_scenario_save_edits (scenario, 1);
  g_assert_true (ikou_scenario_edits_equal (back, e1));

  /* NULL clears; the count follows. */
  ikou_scenario_restore_edits (scenario, 1, NULL);
  g_assert_false (ikou_scenario_has_system (scenario, 1));
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 1);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 1), ==, 0);
}

static void
test_reindex (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
  g_autoptr(IkouScenarioEdits) s2_before = NULL;
  g_autoptr(IkouScenarioEdits) s2_after = NULL;
  gint64 value;

  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_AMOUNT, 111);
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2024-11-01"));
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_AMOUNT, 222);
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT, 333);
  s2_before = ikou_scenario_save_edits (scenario, 2);

  /* A step inserted before both: they follow their steps. */
  ikou_scenario_reindex_steps (scenario, 1, 0, +1);
  g_assert_false (ikou_scenario_lookup_override (scenario, 1, 0, IKOU_OVERRIDE_AMOUNT, NULL));
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 111);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, NULL));
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 2, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 222);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 4);

  /* Inserted after both: nothing moves. */
  ikou_scenario_reindex_steps (scenario, 1, 3, +1);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 2, IKOU_OVERRIDE_AMOUNT, NULL));

  /* The step with two overrides is removed: they become orphans with
   * their values; the later one moves down. */
  ikou_scenario_reindex_steps (scenario, 1, 1, -1);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 1), ==, 2);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 222);
  for (guint i = 0; i < 2; i++)
    {
      const IkouOverride *o = ikou_scenario_get_orphan (scenario, 1, i);

      g_assert_cmpuint (o->system_id, ==, 1);
      g_assert_cmpuint (o->step, ==, 1);
      if (o->field == IKOU_OVERRIDE_AMOUNT)
        g_assert_cmpint (o->value, ==, 111);
      else
        {
          g_assert_cmpint (o->field, ==, IKOU_OVERRIDE_CUTOVER_DATE);
          g_assert_cmpint (o->value, ==, ikou_test_day ("2024-11-01"));
        }
    }

  /* Other systems are untouched; a system without edits is a no-op. */
  s2_after = ikou_scenario_save_edits (scenario, 2);
  g_assert_true (ikou_scenario_edits_equal (s2_before, s2_after));
  ikou_scenario_reindex_steps (scenario, 4, 0, -1);
  g_assert_false (ikou_scenario_has_system (scenario, 4));
}

static void
test_copy_equal (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = make_busy_scenario (plan);
  g_autoptr(IkouScenario) same = ikou_scenario_copy (scenario, "盛りだくさん");
  g_autoptr(IkouScenario) renamed = ikou_scenario_copy (scenario, "写し");
  g_autoptr(GArray) ids = NULL;
  const IkouOverride *prev = NULL;

  g_assert_true (ikou_scenario_equal (scenario, same));
  g_assert_false (ikou_scenario_equal (scenario, renamed));
  g_assert_cmpstr (ikou_scenario_get_name (renamed), ==, "写し");
  g_assert_cmpstr (ikou_scenario_get_description (renamed), ==, "全部入り");
  g_assert_cmpuint (ikou_scenario_get_n_overrides (renamed), ==, 3);

  /* The copy is deep: changing it leaves the original alone. */
  ikou_scenario_set_override (same, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2024-12-02"));
  g_assert_false (ikou_scenario_equal (scenario, same));
  ikou_scenario_set_override (same, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2024-12-01"));
  g_assert_true (ikou_scenario_equal (scenario, same));
  ikou_scenario_remove_added_step (same, 2, 0);
  g_assert_false (ikou_scenario_equal (scenario, same));
  g_assert_cmpuint (ikou_scenario_get_n_added_steps (scenario, 2), ==, 1);
  ikou_scenario_restore_edits (same, 2, NULL);
  g_assert_false (ikou_scenario_equal (scenario, same));

  ikou_scenario_set_description (renamed, "");
  g_assert_null (ikou_scenario_get_description (renamed));

  /* Descriptions count. */
  {
    g_autoptr(IkouScenario) a = ikou_scenario_copy (scenario, "x");
    g_autoptr(IkouScenario) b = ikou_scenario_copy (scenario, "x");

    g_assert_true (ikou_scenario_equal (a, b));
    ikou_scenario_set_description (b, "別");
    g_assert_false (ikou_scenario_equal (a, b));
  }

  /* Overrides listed in order of system, step and field. */
  for (guint i = 0; i < ikou_scenario_get_n_overrides (scenario); i++)
    {
      const IkouOverride *o = ikou_scenario_get_override (scenario, i);

      if (prev != NULL)
        g_assert_true (prev->system_id < o->system_id ||
                       (prev->system_id == o->system_id &&
                        (prev->step < o->step || (prev->step == o->step && prev->field < o->field))));
      prev = o;
    }
  ids = ikou_scenario_get_system_ids (scenario);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (g_array_index (ids, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (ids, guint, 1), ==, 2);
}

/* History ------------------------------------------------------------------ */

static void
test_history_scenarios (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(IkouScenario) a = ikou_scenario_new ("A案");
  g_autoptr(IkouScenario) b = ikou_scenario_new ("B案");
  g_autoptr(IkouScenarioEdits) before = NULL;
  g_autoptr(IkouScenarioEdits) after = NULL;
  g_autoptr(IkouScenarioEdits) now = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);

  ikou_history_add_scenario (history, G_MAXUINT, a);
  ikou_history_add_scenario (history, G_MAXUINT, b);
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 2);
  g_assert_true (ikou_plan_get_scenario (plan, 1) == b);
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);
  g_assert_null (ikou_plan_lookup_scenario (plan, "B案"));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_plan_lookup_scenario (plan, "B案") == b);

  /* Edits recorded as a whole per system. */
  before = ikou_scenario_save_edits (a, 1);
  ikou_scenario_drop_step (a, s1, 0);
  ikou_scenario_set_override (a, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-10-01"));
  ikou_history_record_scenario_edits (history, a, 1, before, NULL);
  after = ikou_scenario_save_edits (a, 1);
  g_assert_nonnull (ikou_history_get_undo_label (history));
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_scenario_has_system (a, 1));
  g_assert_cmpuint (ikou_scenario_get_n_steps (a, s1), ==, 2);
  g_assert_true (ikou_history_redo (history));
  now = ikou_scenario_save_edits (a, 1);
  g_assert_true (ikou_scenario_edits_equal (now, after));
  g_assert_cmpuint (ikou_scenario_get_n_steps (a, s1), ==, 1);

  /* Nothing changed: nothing recorded. */
  {
    g_autoptr(IkouScenarioEdits) same = ikou_scenario_save_edits (a, 1);
    const char *label = ikou_history_get_undo_label (history);

    ikou_history_record_scenario_edits (history, a, 1, same, "何もしない");
    g_assert_cmpstr (ikou_history_get_undo_label (history), ==, label);
    g_assert_false (ikou_history_can_redo (history));
  }

  /* Rename and describe. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "A案（改）");
  ikou_history_set_scenario_property (history, a, "name", &value);
  g_assert_cmpstr (ikou_scenario_get_name (a), ==, "A案（改）");
  g_value_set_string (&value, "前倒し");
  ikou_history_set_scenario_property (history, a, "description", &value);
  g_assert_cmpstr (ikou_scenario_get_description (a), ==, "前倒し");
  g_assert_true (ikou_history_undo (history));
  g_assert_null (ikou_scenario_get_description (a));
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpstr (ikou_scenario_get_name (a), ==, "A案");
  g_assert_true (ikou_plan_lookup_scenario (plan, "A案") == a);
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpstr (ikou_scenario_get_name (a), ==, "A案（改）");

  /* Removing the first one; undo puts it back at its place, edits intact. */
  ikou_history_remove_scenario (history, a);
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);
  g_assert_true (ikou_plan_get_scenario (plan, 0) == b);
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 2);
  g_assert_true (ikou_plan_get_scenario (plan, 0) == a);
  g_clear_pointer (&now, ikou_scenario_edits_free);
  now = ikou_scenario_save_edits (a, 1);
  g_assert_true (ikou_scenario_edits_equal (now, after));
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpuint (ikou_plan_get_n_scenarios (plan), ==, 1);
}

static void
test_history_baseline_reindex (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
  g_autoptr(IkouScenario) untouched = ikou_scenario_new ("無関係");
  g_autoptr(IkouScenarioEdits) before = NULL;
  g_autoptr(IkouScenarioEdits) removed = NULL;
  g_autoptr(IkouScenarioEdits) now = NULL;
  g_autoptr(IkouStep) step0 = NULL;
  g_autoptr(IkouStep) inserted = ikou_step_new ();
  g_autoptr(GPtrArray) findings = NULL;
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  gint64 value;

  ikou_plan_add_scenario (plan, scenario);
  ikou_plan_add_scenario (plan, untouched);
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_AMOUNT, 9999);
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-07-01"));
  ikou_scenario_set_override (untouched, 2, 0, IKOU_OVERRIDE_AMOUNT, 1);
  before = ikou_scenario_save_edits (scenario, 1);
  step0 = ikou_step_copy (ikou_system_get_step (s1, 0));

  g_assert_cmpuint (n_orphaned (plan, scenario, 0), ==, 0);

  /* The baseline loses step 0: its override is orphaned, not lost; the
   * cut-over override follows step 1 to index 0. */
  ikou_history_remove_step (history, s1, 0);
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 1), ==, 1);
  g_assert_cmpint (ikou_scenario_get_orphan (scenario, 1, 0)->value, ==, 9999);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, &value));
  g_assert_cmpint (value, ==, ikou_test_day ("2025-07-01"));
  g_assert_false (ikou_scenario_lookup_override (scenario, 1, 0, IKOU_OVERRIDE_AMOUNT, NULL));
  removed = ikou_scenario_save_edits (scenario, 1);

  g_assert_cmpuint (n_orphaned (plan, scenario, 1), ==, 1);
  g_assert_cmpuint (n_orphaned (plan, untouched, 0), ==, 0);

  /* Undo: the step and the override exactly as they were. */
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), step0));
  now = ikou_scenario_save_edits (scenario, 1);
  g_assert_true (ikou_scenario_edits_equal (now, before));
  g_assert_cmpuint (ikou_scenario_get_n_orphans (scenario, 1), ==, 0);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);

  /* Redo: orphaned again. */
  g_assert_true (ikou_history_redo (history));
  g_clear_pointer (&now, ikou_scenario_edits_free);
  now = ikou_scenario_save_edits (scenario, 1);
  g_assert_true (ikou_scenario_edits_equal (now, removed));
  g_assert_true (ikou_history_undo (history));

  /* Inserting a step before both moves the overrides up; undo back. */
  inserted->to_host = HOST_CLOUD;
  ikou_history_insert_step (history, s1, 0, inserted);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 1, IKOU_OVERRIDE_AMOUNT, &value));
  g_assert_cmpint (value, ==, 9999);
  g_assert_true (ikou_scenario_lookup_override (scenario, 1, 2, IKOU_OVERRIDE_CUTOVER_DATE, NULL));
  g_assert_true (ikou_history_undo (history));
  g_clear_pointer (&now, ikou_scenario_edits_free);
  now = ikou_scenario_save_edits (scenario, 1);
  g_assert_true (ikou_scenario_edits_equal (now, before));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
}

static void
test_history_set_steps (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) copy = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_step_free);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *s3 = ikou_plan_lookup_system (plan, 3);
  IkouStep *step;
  g_autofree char *difference = NULL;

  /* One step instead of two. */
  step = ikou_step_copy (ikou_system_get_step (s1, 1));
  step->from_host = HOST_ONPREM;
  g_free (step->note);
  step->note = g_strdup ("直行");
  g_ptr_array_add (steps, step);
  ikou_history_set_steps (history, s1, steps);
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), step));

  /* Three steps where there were none. */
  g_ptr_array_add (steps, ikou_step_copy (step));
  g_ptr_array_add (steps, ikou_step_copy (step));
  ikou_history_set_steps (history, s3, steps);
  g_assert_cmpuint (ikou_system_get_n_steps (s3), ==, 3);

  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_undo (history));
  if (!ikou_plan_equal (plan, copy, &difference))
    g_error ("undo of set_steps left the plan changed: %s", difference);

  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_cmpstr (ikou_system_get_step (s1, 0)->note, ==, "直行");
  g_assert_cmpuint (ikou_system_get_n_steps (s3), ==, 3);
}

/* Checker --------------------------------------------------------------------- */

static void
test_checker_orphaned (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) normal = ikou_scenario_new ("普通");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(IkouHost) extra = ikou_host_new (5, "一時サーバ", IKOU_HOST_OTHER);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *s4 = ikou_plan_lookup_system (plan, 4);
  IkouOverride orphan = { 2, 3, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-01-01") };
  const IkouDay today = ikou_test_day ("2023-01-01");

  ikou_plan_add_host (plan, extra);

  /* The baseline and an ordinary scenario: no orphaned edit. */
  ikou_scenario_set_override (normal, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-10-01"));
  ikou_scenario_set_override (normal, 2, 0, IKOU_OVERRIDE_TO_HOST, HOST_CLOUD);
  ikou_scenario_drop_step (normal, s1, 0);
  g_assert_cmpuint (n_orphaned (plan, NULL, 0), ==, 0);
  g_assert_cmpuint (n_orphaned (plan, normal, 0), ==, 0);

  /* An orphan. */
  {
    g_autoptr(IkouScenario) s = ikou_scenario_new ("孤児");

    ikou_scenario_add_orphan (s, &orphan);
    findings = ikou_check_plan (plan, s, schedule, today, NULL);
    g_assert_cmpuint (ikou_test_count_findings (findings, IKOU_RULE_SCENARIO_ORPHANED, 0), ==, 1);
    g_assert_cmpuint (ikou_test_count_findings (findings, IKOU_RULE_SCENARIO_ORPHANED, 2), ==, 1);
    for (guint i = 0; i < findings->len; i++)
      {
        IkouFinding *f = g_ptr_array_index (findings, i);

        if (g_str_equal (f->rule, IKOU_RULE_SCENARIO_ORPHANED))
          {
            g_assert_cmpint (f->severity, ==, IKOU_SEVERITY_WARNING);
            g_assert_cmpstr (f->system_name, ==, "個人住民税");
            g_assert_nonnull (strstr (ikou_finding_get_message (f), "2025-01-01"));
          }
      }
    g_clear_pointer (&findings, g_ptr_array_unref);
  }

  /* An override of a step index past the steps. */
  {
    g_autoptr(IkouScenario) s = ikou_scenario_new ("範囲外");

    ikou_scenario_set_override (s, 4, 1, IKOU_OVERRIDE_AMOUNT, 10);
    g_assert_cmpuint (n_orphaned (plan, s, 4), ==, 1);

    /* ikou_check_system says the same. */
    findings = ikou_check_system (plan, s4, s, schedule, today, NULL);
    g_assert_cmpuint (ikou_test_count_findings (findings, IKOU_RULE_SCENARIO_ORPHANED, 4), ==, 1);
    g_clear_pointer (&findings, g_ptr_array_unref);
  }

  /* A to-host (and a from-host) naming a host that is gone. */
  {
    g_autoptr(IkouScenario) s = ikou_scenario_new ("消えたサーバ");

    ikou_scenario_set_override (s, 4, 0, IKOU_OVERRIDE_TO_HOST, 5);
    g_assert_cmpuint (n_orphaned (plan, s, 0), ==, 0);

    ikou_plan_remove_host (plan, extra);
    g_assert_cmpuint (n_orphaned (plan, s, 4), ==, 1);

    ikou_scenario_set_override (s, 4, 0, IKOU_OVERRIDE_FROM_HOST, 99);
    g_assert_cmpuint (n_orphaned (plan, s, 4), ==, 2);
  }

  /* Edits of a system the plan no longer has. */
  {
    g_autoptr(IkouScenario) s = ikou_scenario_new ("消えたシステム");
    g_autoptr(IkouSystem) keep = g_object_ref (s4);

    ikou_scenario_set_override (s, 4, 0, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2025-12-01"));
    ikou_scenario_set_override (s, 4, 0, IKOU_OVERRIDE_AMOUNT, 12);
    ikou_scenario_add_orphan (s, &(IkouOverride) { 4, 2, IKOU_OVERRIDE_AMOUNT, 3 });
    g_assert_cmpuint (n_orphaned (plan, s, 4), ==, 1);

    ikou_plan_remove_system (plan, s4);
    findings = ikou_check_plan (plan, s, schedule, today, NULL);
    g_assert_cmpuint (ikou_test_count_findings (findings, IKOU_RULE_SCENARIO_ORPHANED, 4), ==, 3);
    /* They come last. */
    g_assert_cmpstr (((IkouFinding *) g_ptr_array_index (findings, findings->len - 1))->rule,
                     ==, IKOU_RULE_SCENARIO_ORPHANED);
    g_clear_pointer (&findings, g_ptr_array_unref);
    /* Kept in the scenario. */
    g_assert_true (ikou_scenario_has_system (s, 4));
  }
}

/* System filter --------------------------------------------------------------- */

/* "1,2" from the ids of @systems. */
static char *
ids_of (GPtrArray *systems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < systems->len; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "",
                            ikou_system_get_id (g_ptr_array_index (systems, i)));
  return g_string_free (s, FALSE);
}

static char *
select_ids (IkouPlan     *plan,
            IkouScenario *scenario,
            const char   *f1,
            const char   *f2)
{
  const char *filters[] = { f1, f2, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) systems = ikou_system_filter_select (plan, scenario, schedule, filters, &error);

  g_assert_no_error (error);
  g_assert_nonnull (systems);
  return ids_of (systems);
}

static void
assert_select (IkouPlan     *plan,
               IkouScenario *scenario,
               const char   *f1,
               const char   *f2,
               const char   *expected)
{
  g_autofree char *ids = select_ids (plan, scenario, f1, f2);

  if (g_strcmp0 (ids, expected) != 0)
    g_error ("filter %s %s chose “%s”, expected “%s”", f1, f2 ? f2 : "", ids, expected);
}

static void
test_filter_keys (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");

  assert_select (plan, NULL, "department=市民課", NULL, "1");
  assert_select (plan, NULL, "department=水道課", NULL, "4");
  assert_select (plan, NULL, "department=市民", NULL, "");
  assert_select (plan, NULL, "vendor=abc社", NULL, "1");
  assert_select (plan, NULL, "vendor=Bソフト", NULL, "2");
  assert_select (plan, NULL, "operation=resident-register", NULL, "1");
  assert_select (plan, NULL, "operation=障害者福祉", NULL, "3");
  assert_select (plan, NULL, "operation=family-register", NULL, "");
  assert_select (plan, NULL, "host=1", NULL, "1,2");
  assert_select (plan, NULL, "host=統合サーバ", NULL, "3,4");
  assert_select (plan, NULL, "host=3", NULL, "");
  assert_select (plan, NULL, "target=gov-cloud", NULL, "1,2");
  assert_select (plan, NULL, "target=shared-cloud", NULL, "4");
  assert_select (plan, NULL, "target=onprem-shared", NULL, "");
  assert_select (plan, NULL, "fy=2024", NULL, "2");
  assert_select (plan, NULL, "fy=2025", NULL, "1,4");
  assert_select (plan, NULL, "fy=R7", NULL, "1,4");
  assert_select (plan, NULL, "fy=令和7年度", NULL, "1,4");
  assert_select (plan, NULL, "fy=R6", NULL, "2");
  assert_select (plan, NULL, "fy=2030", NULL, "");
  assert_select (plan, NULL, "all=1", NULL, "1,2,3,4");
  assert_select (plan, NULL, "all=yes", NULL, "1,2,3,4");
  /* Several filters must all hold. */
  assert_select (plan, NULL, "host=1", "fy=2025", "1");
  assert_select (plan, NULL, "host=1", "department=水道課", "");

  /* target and fy read the scenario's steps. */
  ikou_scenario_set_override (scenario, 4, 0, IKOU_OVERRIDE_TO_HOST, HOST_GOV);
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2026-05-01"));
  assert_select (plan, scenario, "target=gov-cloud", NULL, "1,2,4");
  assert_select (plan, scenario, "target=shared-cloud", NULL, "");
  assert_select (plan, scenario, "fy=2025", NULL, "4");
  assert_select (plan, scenario, "fy=2026", NULL, "1");
  /* The baseline is unchanged by it. */
  assert_select (plan, NULL, "target=gov-cloud", NULL, "1,2");
  /* A dropped last step: the one before is the last. */
  ikou_scenario_drop_step (scenario, ikou_plan_lookup_system (plan, 1), 1);
  assert_select (plan, scenario, "target=shared-cloud", NULL, "1");
  assert_select (plan, scenario, "fy=2024", NULL, "1,2");
}

static void
test_filter_errors (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  const char *bad[] = {
    "department", "=市民課", "colour=red", "department=", "operation=宇宙開発",
    "host=99", "host=存在しない", "target=mars", "fy=abc", "fy=1800", "all=0", "all=",
    "Department=市民課",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *filters[] = { "all=1", bad[i], NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) systems = ikou_system_filter_select (plan, NULL, schedule, filters, &error);

      if (systems != NULL)
        g_error ("filter “%s” was accepted", bad[i]);
      g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
  {
    const char *filters[] = { "colour=red", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) systems = ikou_system_filter_select (plan, NULL, schedule, filters, &error);

    g_assert_null (systems);
    g_assert_nonnull (strstr (error->message, "colour"));
    g_assert_nonnull (strstr (error->message, ikou_system_filter_keys ()));
  }
}

static void
test_filter_by_ids (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  const struct { const char *ids; int code; } bad[] = {
    { "1,x", IKOU_ERROR_INVALID_OPTION },
    { "-1", IKOU_ERROR_INVALID_OPTION },
    { "0", IKOU_ERROR_INVALID_OPTION },
    { "1.5", IKOU_ERROR_INVALID_OPTION },
    { "99", IKOU_ERROR_NOT_FOUND },
    { "1,99", IKOU_ERROR_NOT_FOUND },
    { "", IKOU_ERROR_INVALID_OPTION },
    { ",,", IKOU_ERROR_INVALID_OPTION },
    { "99999999999999999999", IKOU_ERROR_INVALID_OPTION },
  };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) systems = ikou_system_filter_by_ids (plan, "4, 2,4,1", &error);
    g_autofree char *ids = NULL;

    g_assert_no_error (error);
    ids = ids_of (systems);
    g_assert_cmpstr (ids, ==, "4,2,1");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) systems = ikou_system_filter_by_ids (plan, bad[i].ids, &error);

      if (systems != NULL)
        g_error ("ids “%s” were accepted", bad[i].ids);
      g_assert_error (error, IKOU_ERROR, bad[i].code);
    }
}

/* Differences ----------------------------------------------------------------- */

static const IkouDiffChange *
find_change (IkouPlanDiff *diff,
             guint         system_id,
             IkouMilestone milestone)
{
  for (guint i = 0; i < diff->changes->len; i++)
    {
      const IkouDiffChange *c = &g_array_index (diff->changes, IkouDiffChange, i);

      if (c->system_id == system_id && c->milestone == milestone)
        return c;
    }
  return NULL;
}

static void
test_diff (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
  g_autoptr(IkouPlanDiff) diff = NULL;
  g_autoptr(IkouPlanDiff) reverse = NULL;
  g_autoptr(IkouPlanDiff) self_diff = NULL;
  g_autoptr(IkouStep) added = ikou_step_new ();
  const IkouDiffChange *c;
  const IkouDay today = ikou_test_day ("2023-01-01");

  g_assert_cmpint (ikou_months_between (ikou_test_day ("2025-04-30"), ikou_test_day ("2025-10-01")), ==, 6);
  g_assert_cmpint (ikou_months_between (ikou_test_day ("2025-10-01"), ikou_test_day ("2025-04-30")), ==, -6);
  g_assert_cmpint (ikou_months_between (ikou_test_day ("2024-12-31"), ikou_test_day ("2025-01-01")), ==, 1);

  /* System 1: its cut-over into the Government Cloud six months later,
   * past the deadline (at-risk becomes missed). */
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, ikou_test_day ("2026-07-01"));
  /* System 3: a standard-compliant step of its own (no-plan resolved). */
  added->from_host = HOST_CLOUD;
  added->to_host = HOST_GOV;
  added->budget_date = ikou_test_day ("2024-10-01");
  added->contract_date = ikou_test_day ("2025-04-01");
  added->cutover_date = ikou_test_day ("2025-10-01");
  added->standard_compliant = TRUE;
  ikou_scenario_insert_added_step (scenario, 3, 0, added);
  /* System 4: its step left out. */
  ikou_scenario_drop_step (scenario, ikou_plan_lookup_system (plan, 4), 0);
  /* System 2: an override that changes no date. */
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_AMOUNT, 100);

  diff = ikou_plan_diff (plan, NULL, scenario, schedule, today);
  g_assert_cmpuint (diff->changes->len, ==, 7);

  c = find_change (diff, 1, IKOU_MILESTONE_CUTOVER);
  g_assert_nonnull (c);
  g_assert_cmpint (c->step, ==, 1);
  g_assert_cmpint (c->a, ==, ikou_test_day ("2026-01-01"));
  g_assert_cmpint (c->b, ==, ikou_test_day ("2026-07-01"));
  g_assert_true (c->has_months);
  g_assert_cmpint (c->months, ==, 6);
  g_assert_cmpstr (c->system_name, ==, "住民記録");
  g_assert_null (find_change (diff, 1, IKOU_MILESTONE_BUDGET));
  g_assert_null (find_change (diff, 2, IKOU_MILESTONE_CUTOVER));

  for (IkouMilestone m = 0; m < IKOU_N_MILESTONES; m++)
    {
      c = find_change (diff, 3, m);
      g_assert_nonnull (c);
      g_assert_cmpint (c->step, ==, 0);
      g_assert_cmpint (c->a, ==, IKOU_DAY_NONE);
      g_assert_cmpint (c->b, ==, ikou_step_get_milestone (added, m));
      g_assert_false (c->has_months);

      c = find_change (diff, 4, m);
      g_assert_nonnull (c);
      g_assert_cmpint (c->a, ==, ikou_step_get_milestone (ikou_system_get_step (ikou_plan_lookup_system (plan, 4), 0), m));
      g_assert_cmpint (c->b, ==, IKOU_DAY_NONE);
      g_assert_false (c->has_months);
    }
  /* In plan order. */
  g_assert_cmpuint (g_array_index (diff->changes, IkouDiffChange, 0).system_id, ==, 1);
  g_assert_cmpuint (g_array_index (diff->changes, IkouDiffChange, 6).system_id, ==, 4);

  /* Findings: exactly what the two checks differ in. */
  g_assert_cmpuint (ikou_test_count_findings (diff->resolved, IKOU_RULE_DEADLINE_NO_PLAN, 3), ==, 1);
  g_assert_cmpuint (ikou_test_count_findings (diff->resolved, IKOU_RULE_DEADLINE_AT_RISK, 1), ==, 1);
  g_assert_cmpuint (ikou_test_count_findings (diff->appeared, IKOU_RULE_DEADLINE_MISSED, 1), ==, 1);
  g_assert_cmpuint (ikou_test_count_findings (diff->resolved, IKOU_RULE_DEADLINE_MISSED, 0), ==, 0);
  {
    g_autoptr(GPtrArray) fa = ikou_check_plan (plan, NULL, schedule, today, NULL);
    g_autoptr(GPtrArray) fb = ikou_check_plan (plan, scenario, schedule, today, NULL);

    g_assert_cmpuint (fa->len - diff->resolved->len + diff->appeared->len, ==, fb->len);
  }

  /* The other way round swaps them. */
  reverse = ikou_plan_diff (plan, scenario, NULL, schedule, today);
  g_assert_cmpuint (reverse->changes->len, ==, 7);
  g_assert_cmpuint (reverse->resolved->len, ==, diff->appeared->len);
  g_assert_cmpuint (reverse->appeared->len, ==, diff->resolved->len);
  c = find_change (reverse, 1, IKOU_MILESTONE_CUTOVER);
  g_assert_cmpint (c->months, ==, -6);

  /* A scenario against itself: nothing. */
  self_diff = ikou_plan_diff (plan, scenario, scenario, schedule, today);
  g_assert_cmpuint (self_diff->changes->len, ==, 0);
  g_assert_cmpuint (self_diff->resolved->len, ==, 0);
  g_assert_cmpuint (self_diff->appeared->len, ==, 0);

  /* Without a schedule: only milestones. */
  {
    g_autoptr(IkouPlanDiff) bare = ikou_plan_diff (plan, NULL, scenario, NULL, today);

    g_assert_cmpuint (bare->changes->len, ==, 7);
    g_assert_cmpuint (bare->resolved->len, ==, 0);
    g_assert_cmpuint (bare->appeared->len, ==, 0);
  }
}

/* Steps matched by origin: a dropped first step does not make the second
 * look moved onto the first. */
static void
test_diff_matches_origins (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("直行");
  g_autoptr(IkouPlanDiff) diff = NULL;
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);

  ikou_scenario_drop_step (scenario, s1, 0);
  diff = ikou_plan_diff (plan, NULL, scenario, NULL, ikou_test_day ("2023-01-01"));
  g_assert_cmpuint (diff->changes->len, ==, 3);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      const IkouDiffChange *c = &g_array_index (diff->changes, IkouDiffChange, i);

      g_assert_cmpuint (c->system_id, ==, 1);
      g_assert_cmpint (c->a, ==, ikou_step_get_milestone (ikou_system_get_step (s1, 0), c->milestone));
      g_assert_cmpint (c->b, ==, IKOU_DAY_NONE);
    }
}

static void
test_uses_host (void)
{
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("hosts");
  IkouStep added = { 0 };

  g_assert_false (ikou_scenario_uses_host (scenario, 4));
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_FROM_HOST, 4);
  g_assert_true (ikou_scenario_uses_host (scenario, 4));
  g_assert_false (ikou_scenario_uses_host (scenario, 3));
  ikou_scenario_remove_override (scenario, 1, 0, IKOU_OVERRIDE_FROM_HOST);
  g_assert_false (ikou_scenario_uses_host (scenario, 4));
  added.to_host = 3;
  ikou_scenario_insert_added_step (scenario, 2, 0, &added);
  g_assert_true (ikou_scenario_uses_host (scenario, 3));
  ikou_scenario_set_override (scenario, 1, 0, IKOU_OVERRIDE_CUTOVER_DATE, 4);
  g_assert_false (ikou_scenario_uses_host (scenario, 4));
}

int
main (int argc, char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  schedule = ikou_test_load_schedule ();

  g_test_add_func ("/scenario/uses-host", test_uses_host);
  g_test_add_func ("/scenario/override-fields", test_override_fields);
  g_test_add_func ("/scenario/baseline-view", test_baseline_view);
  g_test_add_func ("/scenario/dropped-and-added", test_dropped_and_added);
  g_test_add_func ("/scenario/edit-step", test_edit_step);
  g_test_add_func ("/scenario/save-restore", test_save_restore);
  g_test_add_func ("/scenario/reindex", test_reindex);
  g_test_add_func ("/scenario/copy-equal", test_copy_equal);
  g_test_add_func ("/scenario/history", test_history_scenarios);
  g_test_add_func ("/scenario/history-baseline-reindex", test_history_baseline_reindex);
  g_test_add_func ("/scenario/history-set-steps", test_history_set_steps);
  g_test_add_func ("/scenario/checker-orphaned", test_checker_orphaned);
  g_test_add_func ("/scenario/filter-keys", test_filter_keys);
  g_test_add_func ("/scenario/filter-errors", test_filter_errors);
  g_test_add_func ("/scenario/filter-by-ids", test_filter_by_ids);
  g_test_add_func ("/scenario/diff", test_diff);
  g_test_add_func ("/scenario/diff-matches-origins", test_diff_matches_origins);

  result = g_test_run ();
  g_clear_object (&schedule);
  return result;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "ikou-error.h"
#include "ikou-plan.h"

typedef struct
{
  guint position, removed, added, calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

/* Connected swapped: the counter comes first. */
static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_plan_list_model (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSystem) a = ikou_system_new (0, "A");
  g_autoptr(IkouSystem) b = ikou_system_new (0, "B");
  g_autoptr(IkouSystem) c = ikou_system_new (10, "C");
  g_autoptr(IkouSystem) item = NULL;
  ItemsChanged record = { 0 };

  g_signal_connect (plan, "items-changed", G_CALLBACK (on_items_changed), &record);

  ikou_plan_add_system (plan, a);
  g_assert_cmpuint (ikou_system_get_id (a), ==, 1);
  ikou_plan_add_system (plan, c);
  ikou_plan_insert_system (plan, 1, b);
  /* Ids are assigned past the highest one in use. */
  g_assert_cmpuint (ikou_system_get_id (b), ==, 11);
  g_assert_cmpuint (record.calls, ==, 3);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (plan), 1);
  g_assert_true (item == b);
  g_assert_true (ikou_plan_lookup_system (plan, 10) == c);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (plan), 3));

  ikou_plan_remove_system (plan, b);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_null (ikou_plan_lookup_system (plan, 11));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
}

static void
test_plan_bulk (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  ItemsChanged record = { 0 };

  g_signal_connect (plan, "items-changed", G_CALLBACK (on_items_changed), &record);
  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(IkouSystem) system = ikou_system_new (0, "S");
      ikou_plan_add_system (plan, system);
    }
  g_assert_cmpuint (record.calls, ==, 0);
  ikou_plan_end_bulk (plan);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.added, ==, 100);
}

static void
test_system_changed (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouSystem) system = ikou_system_new (0, "戸籍システム");
  g_autoptr(IkouStep) step = ikou_step_new ();
  guint system_changed = 0, plan_changed = 0, notified = 0;

  ikou_plan_add_system (plan, system);
  g_signal_connect_swapped (system, "notify::name", G_CALLBACK (count_signal), &notified);
  g_signal_connect_swapped (plan, "system-changed", G_CALLBACK (count_signal), &system_changed);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &plan_changed);

  ikou_system_set_name (system, "戸籍システム");
  g_assert_cmpuint (system_changed, ==, 0);
  ikou_system_set_name (system, "戸籍総合システム");
  g_assert_cmpuint (system_changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (plan_changed, ==, 1);

  /* Empty text is "no value". */
  ikou_system_set_vendor (system, "");
  g_assert_null (ikou_system_get_vendor (system));
  g_assert_cmpuint (system_changed, ==, 1);

  step->cutover_date = 738000;
  ikou_system_insert_step (system, G_MAXUINT, step);
  g_assert_cmpuint (system_changed, ==, 2);
  ikou_system_set_step (system, 0, step);
  g_assert_cmpuint (system_changed, ==, 2);
  step->cutover_date++;
  ikou_system_set_step (system, 0, step);
  g_assert_cmpuint (system_changed, ==, 3);
  g_assert_cmpint (ikou_system_get_step (system, 0)->cutover_date, ==, 738001);
  g_assert_cmpint (ikou_system_get_step (system, 0)->budget_amount, ==, -1);

  ikou_plan_remove_system (plan, system);
  ikou_system_set_name (system, "外れた");
  /* A removed system no longer reaches the plan. */
  g_assert_cmpuint (system_changed, ==, 3);
}

static void
test_target_host (void)
{
  g_autoptr(IkouSystem) system = ikou_system_new (1, "S");
  g_autoptr(IkouStep) step = ikou_step_new ();

  ikou_system_set_host (system, 3);
  g_assert_cmpuint (ikou_system_get_target_host (system), ==, 3);
  step->to_host = 5;
  ikou_system_insert_step (system, 0, step);
  step->to_host = 7;
  ikou_system_insert_step (system, 1, step);
  g_assert_cmpuint (ikou_system_get_target_host (system), ==, 7);
  ikou_system_remove_step (system, 1);
  g_assert_cmpuint (ikou_system_get_target_host (system), ==, 5);
}

static void
test_hosts (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouHost) host = ikou_host_new (0, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);
  guint hosts_changed = 0;

  g_signal_connect_swapped (plan, "hosts-changed", G_CALLBACK (count_signal), &hosts_changed);
  ikou_plan_add_host (plan, host);
  g_assert_cmpuint (ikou_host_get_id (host), ==, 1);
  g_assert_true (ikou_plan_lookup_host (plan, 1) == host);
  g_assert_cmpuint (hosts_changed, ==, 1);
  ikou_host_set_available_from (host, 738000);
  g_assert_cmpuint (hosts_changed, ==, 2);
  ikou_host_set_available_from (host, 738000);
  g_assert_cmpuint (hosts_changed, ==, 2);
  ikou_plan_remove_host (plan, host);
  g_assert_null (ikou_plan_lookup_host (plan, 1));
  g_assert_cmpuint (hosts_changed, ==, 3);
}

/* Properties read straight from their fields, and setters that notify
 * only a change. */
static void
test_properties (void)
{
  g_autoptr(IkouHost) host =
    ikou_host_new_full (3, "庁内サーバー室", IKOU_HOST_ONPREM_DEDICATED, 738000, 739000, "memo", 1200);
  g_autoptr(IkouSystem) system = ikou_system_new (7, "住民記録");
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *vendor = NULL;
  IkouStep step = { 0, };
  guint id = 0, n_steps = 0, host_id = 0, notified = 0;
  int kind = -1, from = 0, until = 0;
  gint64 cost = 0;
  gboolean tokutei = FALSE;

  g_object_get (host, "id", &id, "name", &name, "kind", &kind, "available-from", &from,
                "available-until", &until, "note", &note, "annual-cost", &cost, NULL);
  g_assert_cmpuint (id, ==, 3);
  g_assert_cmpstr (name, ==, "庁内サーバー室");
  g_assert_cmpint (kind, ==, IKOU_HOST_ONPREM_DEDICATED);
  g_assert_cmpint (from, ==, 738000);
  g_assert_cmpint (until, ==, 739000);
  g_assert_cmpstr (note, ==, "memo");
  g_assert_cmpint (cost, ==, 1200);

  g_signal_connect_swapped (host, "notify", G_CALLBACK (count_signal), &notified);
  ikou_host_set_note (host, "memo");
  ikou_host_set_available_until (host, 739000);
  g_assert_cmpuint (notified, ==, 0);
  ikou_host_set_note (host, NULL);
  ikou_host_set_available_until (host, IKOU_DAY_NONE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (ikou_host_get_note (host));

  ikou_system_set_vendor (system, "ベンダー");
  ikou_system_set_host (system, 3);
  ikou_system_set_tokutei (system, TRUE);
  ikou_system_insert_step (system, 0, &step);
  g_object_get (system, "vendor", &vendor, "host", &host_id, "tokutei", &tokutei,
                "n-steps", &n_steps, "annual-cost", &cost, NULL);
  g_assert_cmpstr (vendor, ==, "ベンダー");
  g_assert_cmpuint (host_id, ==, 3);
  g_assert_true (tokutei);
  g_assert_cmpuint (n_steps, ==, 1);
  g_assert_cmpint (cost, ==, -1);
}

static void
test_scenario_resolve (void)
{
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("what-if");
  g_autoptr(IkouStep) step = ikou_step_new ();
  IkouStep out;

  step->cutover_date = 100;
  step->to_host = 1;
  ikou_scenario_set_override (scenario, 7, 0, IKOU_OVERRIDE_CUTOVER_DATE, 200);
  ikou_scenario_set_override (scenario, 7, 0, IKOU_OVERRIDE_CUTOVER_DATE, 300);
  ikou_scenario_set_override (scenario, 7, 1, IKOU_OVERRIDE_TO_HOST, 2);
  g_assert_cmpuint (ikou_scenario_get_n_overrides (scenario), ==, 2);

  ikou_scenario_resolve_step (scenario, 7, 0, step, &out);
  g_assert_cmpint (out.cutover_date, ==, 300);
  g_assert_cmpuint (out.to_host, ==, 1);
  ikou_scenario_resolve_step (scenario, 7, 1, step, &out);
  g_assert_cmpint (out.cutover_date, ==, 100);
  g_assert_cmpuint (out.to_host, ==, 2);
  ikou_scenario_resolve_step (scenario, 8, 0, step, &out);
  g_assert_cmpint (out.cutover_date, ==, 100);
  ikou_scenario_resolve_step (NULL, 7, 0, step, &out);
  g_assert_cmpint (out.cutover_date, ==, 100);

  g_assert_true (ikou_scenario_remove_override (scenario, 7, 0, IKOU_OVERRIDE_CUTOVER_DATE));
  g_assert_false (ikou_scenario_remove_override (scenario, 7, 0, IKOU_OVERRIDE_CUTOVER_DATE));
  g_assert_true (ikou_scenario_has_system (scenario, 7));
  g_assert_true (ikou_scenario_remove_override (scenario, 7, 1, IKOU_OVERRIDE_TO_HOST));
  g_assert_false (ikou_scenario_has_system (scenario, 7));
}

/* Scenarios are found by name (with an error naming a missing one, as
 * every command prints it) and by position (as the export dialog
 * selects them). */
static void
test_plan_scenarios (void)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(IkouScenario) a = ikou_scenario_new ("A案");
  g_autoptr(IkouScenario) b = ikou_scenario_new ("B案");
  g_autoptr(IkouScenario) other = ikou_scenario_new ("C案");
  g_autoptr(GError) error = NULL;
  guint position = 99;

  ikou_plan_add_scenario (plan, a);
  ikou_plan_add_scenario (plan, b);

  g_assert_true (ikou_plan_lookup_scenario (plan, "B案") == b);
  g_assert_true (ikou_plan_require_scenario (plan, "B案", &error) == b);
  g_assert_no_error (error);
  g_assert_null (ikou_plan_lookup_scenario (plan, "C案"));
  g_assert_null (ikou_plan_require_scenario (plan, "C案", &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“C案”"));
  g_assert_null (ikou_plan_require_scenario (plan, "C案", NULL));

  g_assert_true (ikou_plan_find_scenario (plan, b, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (ikou_plan_find_scenario (plan, a, NULL));
  g_assert_false (ikou_plan_find_scenario (plan, other, &position));
  g_assert_false (ikou_plan_find_scenario (plan, NULL, &position));
  ikou_plan_remove_scenario (plan, a);
  g_assert_true (ikou_plan_find_scenario (plan, b, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (ikou_plan_find_scenario (plan, a, NULL));
}

static void
test_plan_equal (void)
{
  g_autoptr(IkouPlan) a = ikou_plan_new ();
  g_autoptr(IkouPlan) b = ikou_plan_new ();
  g_autoptr(IkouSystem) sa = ikou_system_new (1, "S");
  g_autoptr(IkouSystem) sb = ikou_system_new (1, "S");
  g_autofree char *difference = NULL;

  ikou_plan_add_system (a, sa);
  ikou_plan_add_system (b, sb);
  g_assert_true (ikou_plan_equal (a, b, NULL));
  ikou_system_set_notes (sb, "x");
  g_assert_false (ikou_plan_equal (a, b, &difference));
  g_assert_nonnull (difference);
}

static void
test_names (void)
{
  IkouHostKind kind;
  IkouArrangement arrangement;
  IkouStatus status;

  for (guint i = 0; i < IKOU_N_HOST_KINDS; i++)
    {
      g_assert_true (ikou_host_kind_from_string (ikou_host_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_true (ikou_host_kind_from_string ("gov-cloud", &kind));
  g_assert_cmpint (kind, ==, IKOU_HOST_GOV_CLOUD);
  g_assert_false (ikou_host_kind_from_string ("mainframe", &kind));
  g_assert_false (ikou_host_kind_from_string (NULL, &kind));
  g_assert_true (ikou_arrangement_from_string ("debt-burden", &arrangement));
  g_assert_false (ikou_arrangement_from_string ("", &arrangement));
  g_assert_true (ikou_status_from_string ("not-in-scope", &status));
  g_assert_cmpint (status, ==, IKOU_STATUS_NOT_IN_SCOPE);
  /* The same ids by index. */
  g_assert_cmpstr (ikou_host_kind_id_at (IKOU_HOST_GOV_CLOUD), ==, "gov-cloud");
  g_assert_cmpstr (ikou_status_id_at (IKOU_STATUS_DONE), ==, "done");
  g_assert_cmpstr (ikou_arrangement_id_at (IKOU_ARRANGEMENT_LONG_TERM), ==, "long-term");
  g_assert_cmpstr (ikou_tokutei_reason_id_at (IKOU_TOKUTEI_REASON_MAINFRAME), ==, "mainframe");
  g_assert_cmpstr (ikou_milestone_id_at (IKOU_MILESTONE_CUTOVER), ==, "cutover");
}

/* The one guess of a host's kind from its name (tables and MS Project). */
static void
test_host_kind_guess (void)
{
  static const struct
  {
    const char   *name;
    IkouHostKind  kind;
  } cases[] = {
    { "ガバメントクラウド", IKOU_HOST_GOV_CLOUD },
    { "ガバメントクラウド（AWS）", IKOU_HOST_GOV_CLOUD },
    { "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ", IKOU_HOST_GOV_CLOUD },               /* half-width カナ */
    { "ガバクラ環境", IKOU_HOST_GOV_CLOUD },
    { "Government Cloud", IKOU_HOST_GOV_CLOUD },
    { "ＧＯＶＥＲＮＭＥＮＴ　ＣＬＯＵＤ", IKOU_HOST_GOV_CLOUD }, /* full-width */
    { "government-cloud", IKOU_HOST_GOV_CLOUD },
    { "GovCloud", IKOU_HOST_GOV_CLOUD },
    { "統合サーバ(クラウド)", IKOU_HOST_SHARED_CLOUD },
    { "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD },
    { "Private Cloud", IKOU_HOST_SHARED_CLOUD },
    { "個別サーバ", IKOU_HOST_ONPREM_DEDICATED },
    { "専用機", IKOU_HOST_ONPREM_DEDICATED },
    { "Dedicated server", IKOU_HOST_ONPREM_DEDICATED },
    { "電算室内統合SV", IKOU_HOST_ONPREM_SHARED },
    { "共同利用センター", IKOU_HOST_ONPREM_SHARED },
    { "Shared server", IKOU_HOST_ONPREM_SHARED },
    /* A provider's name alone does not say which cloud. */
    { "AWS", IKOU_HOST_OTHER },
    { "サーバ室", IKOU_HOST_OTHER },
    { "", IKOU_HOST_OTHER },
    { "\xff\xfe", IKOU_HOST_OTHER },                       /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = g_strescape (cases[i].name, NULL);

      g_test_message ("%s", shown);
      g_assert_cmpint (ikou_host_kind_guess (cases[i].name), ==, cases[i].kind);
    }
  g_assert_cmpint (ikou_host_kind_guess (NULL), ==, IKOU_HOST_OTHER);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/plan-list-model", test_plan_list_model);
  g_test_add_func ("/model/plan-bulk", test_plan_bulk);
  g_test_add_func ("/model/system-changed", test_system_changed);
  g_test_add_func ("/model/target-host", test_target_host);
  g_test_add_func ("/model/hosts", test_hosts);
  g_test_add_func ("/model/properties", test_properties);
  g_test_add_func ("/model/scenario-resolve", test_scenario_resolve);
  g_test_add_func ("/model/plan-scenarios", test_plan_scenarios);
  g_test_add_func ("/model/plan-equal", test_plan_equal);
  g_test_add_func ("/model/names", test_names);
  g_test_add_func ("/model/host-kind-guess", test_host_kind_guess);

  return g_test_run ();
}

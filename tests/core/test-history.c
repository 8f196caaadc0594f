/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "ikou-history.h"
#include "ikou-plan.h"
#include "ikou-test-util.h"

/* Days without the calendar module: GDate's Julian day is IkouDay. */
static IkouDay
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return (IkouDay) g_date_get_julian (&date);
}

/* A small plan: hosts 1 (on-premises), 2 (shared cloud), 3 (Government
 * Cloud); systems 1 住民記録 (two steps), 2 税務 (one step), 3 福祉 (none). */
static IkouPlan *
make_plan (void)
{
  IkouPlan *plan = ikou_plan_new ();
  g_autoptr(IkouSystem) s1 = ikou_system_new (1, "住民記録");
  g_autoptr(IkouSystem) s2 = ikou_system_new (2, "税務");
  g_autoptr(IkouSystem) s3 = ikou_system_new (3, "福祉");
  IkouStep to_cloud = ikou_test_step (1, 2, "2023-10-01", 12000, "2024-04-01", "2024-10-01");
  IkouStep to_gov = ikou_test_step (2, 3, "2024-10-01", 12000, "2025-04-01", "2026-01-01");
  /* 税務 goes to the Government Cloud in one step, on 住民記録's days. */
  IkouStep straight_to_gov = ikou_test_step (1, 3, "2024-10-01", 12000, "2025-04-01",
                                             "2026-01-01");

  ikou_test_add_hosts (plan,
                       1, "電算室", IKOU_HOST_ONPREM_SHARED,
                       2, "統合サーバ", IKOU_HOST_SHARED_CLOUD,
                       3, "ガバクラ", IKOU_HOST_GOV_CLOUD,
                       0);

  to_gov.standard_compliant = TRUE;
  straight_to_gov.standard_compliant = TRUE;

  ikou_system_set_host (s1, 1);
  ikou_system_insert_step (s1, G_MAXUINT, &to_cloud);
  ikou_system_insert_step (s1, G_MAXUINT, &to_gov);
  ikou_system_set_host (s2, 1);
  ikou_system_insert_step (s2, G_MAXUINT, &straight_to_gov);

  ikou_plan_add_system (plan, s1);
  ikou_plan_add_system (plan, s2);
  ikou_plan_add_system (plan, s3);
  return plan;
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint dirty;
  guint undo_label;
} Notifies;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notifies   *n)
{
  if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (pspec->name, "dirty"))
    n->dirty++;
  else if (g_str_equal (pspec->name, "undo-label"))
    n->undo_label++;
}

static void
test_set_step (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  g_autoptr(IkouStep) before = ikou_step_copy (ikou_system_get_step (s1, 1));
  g_autoptr(IkouStep) edit = ikou_step_copy (before);
  Notifies n = { 0 };
  gboolean flag;

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &n);
  g_assert_true (ikou_history_get_plan (history) == plan);
  g_assert_false (ikou_history_can_undo (history));
  g_assert_false (ikou_history_can_redo (history));
  g_assert_null (ikou_history_get_undo_label (history));
  g_assert_false (ikou_history_undo (history));
  g_assert_false (ikou_history_redo (history));

  edit->cutover_date = day (2025, 4, 1);
  ikou_history_set_step (history, s1, 1, edit);
  g_assert_cmpint (ikou_system_get_step (s1, 1)->cutover_date, ==, day (2025, 4, 1));
  g_assert_true (ikou_history_can_undo (history));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Move cut-over");
  g_object_get (history, "can-undo", &flag, NULL);
  g_assert_true (flag);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);
  g_assert_cmpuint (n.dirty, ==, 1);

  /* Setting the same step again is not a command. */
  ikou_history_set_step (history, s1, 1, edit);
  g_assert_cmpuint (n.undo_label, ==, 1);
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), before));
  g_assert_true (ikou_history_can_redo (history));
  g_assert_cmpstr (ikou_history_get_redo_label (history), ==, "Move cut-over");
  g_assert_cmpuint (n.can_undo, ==, 2);
  g_assert_cmpuint (n.can_redo, ==, 1);

  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), edit));
  g_assert_false (ikou_history_can_redo (history));
  g_assert_cmpuint (n.can_redo, ==, 2);

  /* Labels name what changed. */
  edit->contract_date = day (2024, 10, 1);
  edit->cutover_date = day (2025, 7, 1);
  ikou_history_set_step (history, s1, 1, edit);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Move build");
  edit->budget_amount = 9000;
  ikou_history_set_step (history, s1, 1, edit);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Edit budget amount");
  edit->to_host = 2;
  edit->note = g_strdup ("再検討");
  ikou_history_set_step (history, s1, 1, edit);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Edit step");

  /* All four undo back to the start. */
  while (ikou_history_undo (history))
    ;
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), before));
  g_signal_handlers_disconnect_by_data (history, &n);
}

static void
test_record_step (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s2 = ikou_plan_lookup_system (plan, 2);
  g_autoptr(IkouStep) before = ikou_step_copy (ikou_system_get_step (s2, 0));
  g_autoptr(IkouStep) after = ikou_step_copy (before);

  /* A drag changes the model live, then records the finished change. */
  after->contract_date = ikou_system_get_step (s2, 0)->contract_date + 30;
  after->cutover_date = ikou_system_get_step (s2, 0)->cutover_date + 30;
  ikou_system_set_step (s2, 0, after);
  ikou_history_record_step (history, s2, 0, before);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s2, 0), after));
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Move build");

  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s2, 0), before));
  g_assert_false (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s2, 0), after));

  /* A drag that ends where it began records nothing. */
  ikou_history_record_step (history, s2, 0, after);
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
}

static void
test_insert_remove_step (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  g_autoptr(IkouStep) first = ikou_step_copy (ikou_system_get_step (s1, 0));
  g_autoptr(IkouStep) second = ikou_step_copy (ikou_system_get_step (s1, 1));
  g_autoptr(IkouStep) extra = ikou_step_new ();

  extra->from_host = 3;
  extra->to_host = 2;
  extra->cutover_date = day (2027, 4, 1);
  ikou_history_insert_step (history, s1, 1, extra);
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 3);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), extra));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Add step");
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), second));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), extra));
  g_assert_true (ikou_history_undo (history));

  /* Appending with G_MAXUINT. */
  ikou_history_insert_step (history, s1, G_MAXUINT, extra);
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 3);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 2), extra));
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);

  ikou_history_remove_step (history, s1, 0);
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), second));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Remove step");
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), first));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), second));
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 1);
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 0), second));
}

static void
set_prop (IkouHistory *history,
          IkouSystem  *system,
          const char  *property,
          GType        type,
          ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  va_list args;

  va_start (args, type);
  G_VALUE_COLLECT_INIT (&value, type, args, 0, &error);
  va_end (args);
  g_assert_null (error);
  ikou_history_set_system_property (history, system, property, &value);
}

static void
test_system_property (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) pristine = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s2 = ikou_plan_lookup_system (plan, 2);
  g_autofree char *difference = NULL;
  static const struct {
    const char *property;
    const char *label;
  } expected[] = {
    { "name", "Edit name" },
    { "department", "Edit department" },
    { "vendor", "Edit vendor" },
    { "operation", "Change operation" },
    { "host", "Change current host" },
    { "tokutei", "Change special migration support" },
    { "tokutei-deadline", "Change special migration deadline" },
    { "tokutei-reason", "Edit special migration reason" },
    { "status", "Change status" },
    { "notes", "Edit notes" },
  };

  set_prop (history, s2, "name", G_TYPE_STRING, "税務システム");
  set_prop (history, s2, "department", G_TYPE_STRING, "税務課");
  set_prop (history, s2, "vendor", G_TYPE_STRING, "ベンダーA");
  set_prop (history, s2, "operation", G_TYPE_STRING, "individual-resident-tax");
  set_prop (history, s2, "host", G_TYPE_UINT, 2);
  set_prop (history, s2, "tokutei", G_TYPE_BOOLEAN, TRUE);
  set_prop (history, s2, "tokutei-deadline", G_TYPE_INT, day (2028, 3, 31));
  set_prop (history, s2, "tokutei-reason", G_TYPE_STRING, "ベンダー撤退");
  set_prop (history, s2, "status", G_TYPE_INT, IKOU_STATUS_IN_PROGRESS);
  set_prop (history, s2, "notes", G_TYPE_STRING, "要確認");

  g_assert_cmpstr (ikou_system_get_name (s2), ==, "税務システム");
  g_assert_cmpstr (ikou_system_get_department (s2), ==, "税務課");
  g_assert_cmpstr (ikou_system_get_vendor (s2), ==, "ベンダーA");
  g_assert_cmpstr (ikou_system_get_operation (s2), ==, "individual-resident-tax");
  g_assert_cmpuint (ikou_system_get_host (s2), ==, 2);
  g_assert_true (ikou_system_get_tokutei (s2));
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s2), ==, day (2028, 3, 31));
  g_assert_cmpstr (ikou_system_get_tokutei_reason (s2), ==, "ベンダー撤退");
  g_assert_cmpint (ikou_system_get_status (s2), ==, IKOU_STATUS_IN_PROGRESS);
  g_assert_cmpstr (ikou_system_get_notes (s2), ==, "要確認");

  /* Same value, or "" for an unset string: nothing to undo. */
  set_prop (history, s2, "notes", G_TYPE_STRING, "要確認");
  set_prop (history, ikou_plan_lookup_system (plan, 3), "vendor", G_TYPE_STRING, "");
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Edit notes");

  /* Each undo takes back one property, in reverse order. */
  for (guint i = G_N_ELEMENTS (expected); i > 0; i--)
    {
      g_assert_cmpstr (ikou_history_get_undo_label (history), ==, expected[i - 1].label);
      g_assert_true (ikou_history_undo (history));
    }
  g_assert_false (ikou_history_can_undo (history));
  g_assert_true (ikou_plan_equal (plan, pristine, &difference));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (ikou_history_get_redo_label (history), ==, expected[i].label);
      g_assert_true (ikou_history_redo (history));
    }
  g_assert_cmpstr (ikou_system_get_name (s2), ==, "税務システム");
  g_assert_cmpstr (ikou_system_get_notes (s2), ==, "要確認");
  g_assert_cmpint (ikou_system_get_tokutei_deadline (s2), ==, day (2028, 3, 31));

  /* Clearing a string undoes back to the value. */
  set_prop (history, s2, "vendor", G_TYPE_STRING, NULL);
  g_assert_null (ikou_system_get_vendor (s2));
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpstr (ikou_system_get_vendor (s2), ==, "ベンダーA");
}

static void
test_add_system (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(IkouSystem) added = ikou_system_new (0, "介護保険");
  g_autoptr(IkouStep) step = ikou_step_new ();
  guint position;
  guint id;

  step->to_host = 3;
  ikou_system_insert_step (added, 0, step);
  ikou_history_add_system (history, 1, added);
  id = ikou_system_get_id (added);
  g_assert_cmpuint (id, ==, 4);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 4);
  g_assert_true (ikou_plan_get_system (plan, 1) == added);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Add system");

  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 3);
  g_assert_null (ikou_plan_lookup_system (plan, id));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_plan_lookup_system (plan, id) == added);
  g_assert_true (ikou_plan_find_system (plan, added, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (ikou_system_get_n_steps (added), ==, 1);

  /* Appending with G_MAXUINT comes back at the end. */
  {
    g_autoptr(IkouSystem) last = ikou_system_new (0, "後期高齢");

    ikou_history_add_system (history, G_MAXUINT, last);
    g_assert_true (ikou_history_undo (history));
    g_assert_true (ikou_history_redo (history));
    g_assert_true (ikou_plan_find_system (plan, last, &position));
    g_assert_cmpuint (position, ==, 4);
  }
}

static void
test_remove_system (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) pristine = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *removed = s1;
  g_autoptr(IkouStep) edit = NULL;
  g_autofree char *difference = NULL;
  guint position;

  ikou_history_remove_system (history, s1);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_null (ikou_plan_lookup_system (plan, 1));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Remove system");

  /* The history keeps it alive; undo puts it back as it was. */
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_plan_lookup_system (plan, 1) == removed);
  g_assert_true (ikou_plan_find_system (plan, removed, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (ikou_system_get_id (removed), ==, 1);
  g_assert_cmpuint (ikou_system_get_n_steps (removed), ==, 2);
  g_assert_true (ikou_plan_equal (plan, pristine, &difference));

  /* Later commands find it again by id. */
  edit = ikou_step_copy (ikou_system_get_step (removed, 0));
  edit->cutover_date = day (2024, 12, 1);
  ikou_history_set_step (history, removed, 0, edit);
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpint (ikou_system_get_step (removed, 0)->cutover_date, ==, day (2024, 12, 1));

  /* A system in the middle comes back in the middle. */
  ikou_history_remove_system (history, ikou_plan_lookup_system (plan, 2));
  ikou_history_remove_system (history, ikou_plan_lookup_system (plan, 3));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 1);
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_undo (history));
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (plan, 0)), ==, 1);
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (plan, 1)), ==, 2);
  g_assert_cmpuint (ikou_system_get_id (ikou_plan_get_system (plan, 2)), ==, 3);
  g_assert_cmpuint (ikou_system_get_n_steps (ikou_plan_get_system (plan, 1)), ==, 1);

  /* Removed and then forgotten: the history's reference is the last. */
  ikou_history_remove_system (history, ikou_plan_lookup_system (plan, 3));
  ikou_history_clear (history);
  g_assert_false (ikou_history_can_undo (history));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
}

static void
test_hosts (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) pristine = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouHost *h2 = ikou_plan_lookup_host (plan, 2);
  g_autoptr(IkouHost) added = ikou_host_new (0, "新サーバ", IKOU_HOST_OTHER);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *difference = NULL;

  /* Remove the host in the middle; undo puts it back there, same id. */
  ikou_history_remove_host (history, h2);
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 2);
  g_assert_null (ikou_plan_lookup_host (plan, 2));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Remove host");
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_plan_lookup_host (plan, 2) == h2);
  g_assert_true (ikou_plan_get_host (plan, 1) == h2);
  g_assert_true (ikou_plan_equal (plan, pristine, &difference));
  g_assert_true (ikou_history_redo (history));
  g_assert_null (ikou_plan_lookup_host (plan, 2));
  g_assert_true (ikou_history_undo (history));

  ikou_history_add_host (history, added);
  g_assert_cmpuint (ikou_host_get_id (added), ==, 4);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Add host");
  g_assert_true (ikou_history_undo (history));
  g_assert_null (ikou_plan_lookup_host (plan, 4));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_plan_lookup_host (plan, 4) == added);
  g_assert_true (ikou_plan_get_host (plan, 3) == added);

  /* Host properties. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "統合サーバ（クラウド）");
  ikou_history_set_host_property (history, h2, "name", &value);
  g_assert_cmpstr (ikou_host_get_name (h2), ==, "統合サーバ（クラウド）");
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Rename host");
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, day (2024, 4, 1));
  ikou_history_set_host_property (history, h2, "available-from", &value);
  g_value_set_int (&value, day (2030, 3, 31));
  ikou_history_set_host_property (history, h2, "available-until", &value);
  g_value_set_int (&value, IKOU_HOST_GOV_CLOUD);
  ikou_history_set_host_property (history, h2, "kind", &value);
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "再リース");
  ikou_history_set_host_property (history, h2, "note", &value);
  g_assert_cmpint (ikou_host_get_available_from (h2), ==, day (2024, 4, 1));
  g_assert_cmpint (ikou_host_get_available_until (h2), ==, day (2030, 3, 31));
  g_assert_cmpint (ikou_host_get_kind (h2), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpstr (ikou_host_get_note (h2), ==, "再リース");
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Edit host note");

  while (ikou_history_undo (history))
    ;
  /* Undo takes back the added host, not its id: the plan never hands
   * out an id twice. */
  g_assert_cmpuint (ikou_plan_next_host_id (plan), ==, 5);
  ikou_plan_set_next_ids (pristine, 0, 5);
  g_assert_true (ikou_plan_equal (plan, pristine, &difference));
  while (ikou_history_redo (history))
    ;
  g_assert_cmpstr (ikou_host_get_name (h2), ==, "統合サーバ（クラウド）");
  g_assert_cmpint (ikou_host_get_kind (h2), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 4);
}

static void
test_plan_property (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "郡山市");
  ikou_history_set_plan_property (history, "organization", &value);
  g_value_set_string (&value, "標準化移行計画");
  ikou_history_set_plan_property (history, "title", &value);
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "郡山市");
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Edit title");
  g_assert_true (ikou_history_undo (history));
  g_assert_null (ikou_plan_get_title (plan));
  g_assert_true (ikou_history_undo (history));
  g_assert_null (ikou_plan_get_organization (plan));
  g_assert_true (ikou_history_redo (history));
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "郡山市");
}

static void
test_transaction (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouPlan) pristine = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *s2 = ikou_plan_lookup_system (plan, 2);
  g_autoptr(IkouStep) a = ikou_step_copy (ikou_system_get_step (s1, 1));
  g_autoptr(IkouStep) b = ikou_step_copy (ikou_system_get_step (s2, 0));
  g_autoptr(IkouStep) shifted_a = NULL;
  g_autoptr(IkouStep) shifted_b = NULL;
  g_autofree char *difference = NULL;
  Notifies n = { 0 };

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &n);

  /* An empty transaction records nothing. */
  ikou_history_begin (history, "Nothing");
  ikou_history_end (history);
  g_assert_false (ikou_history_can_undo (history));
  g_assert_false (ikou_history_get_dirty (history));

  ikou_history_begin (history, "Shift systems");
  g_assert_true (ikou_history_in_transaction (history));
  a->cutover_date += 90;
  ikou_history_set_step (history, s1, 1, a);
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_false (ikou_history_can_undo (history));

  /* Undo is refused while a transaction is open. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*depth == 0*");
  g_assert_false (ikou_history_undo (history));
  g_test_assert_expected_messages ();

  /* Nested: the inner pair does not close the outer one. */
  ikou_history_begin (history, "Inner");
  b->cutover_date += 90;
  ikou_history_set_step (history, s2, 0, b);
  ikou_history_remove_system (history, ikou_plan_lookup_system (plan, 3));
  ikou_history_end (history);
  g_assert_true (ikou_history_in_transaction (history));
  g_assert_false (ikou_history_can_undo (history));
  ikou_history_end (history);
  g_assert_false (ikou_history_in_transaction (history));

  g_assert_true (ikou_history_can_undo (history));
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Shift systems");
  shifted_a = ikou_step_copy (ikou_system_get_step (s1, 1));
  shifted_b = ikou_step_copy (ikou_system_get_step (s2, 0));

  /* One undo takes back all three. */
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
  g_assert_true (ikou_plan_equal (plan, pristine, &difference));
  g_assert_false (ikou_history_get_dirty (history));

  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s1, 1), shifted_a));
  g_assert_true (ikou_step_equal (ikou_system_get_step (s2, 0), shifted_b));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 2);
  g_assert_false (ikou_history_can_redo (history));

  /* No label: the first command names the step. */
  ikou_history_begin (history, NULL);
  ikou_history_remove_step (history, s1, 0);
  ikou_history_end (history);
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Remove step");

  g_signal_handlers_disconnect_by_data (history, &n);
}

static void
test_redo_cleared (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);

  ikou_history_remove_step (history, s1, 0);
  ikou_history_remove_step (history, s1, 0);
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_can_redo (history));

  set_prop (history, s1, "name", G_TYPE_STRING, "住民記録システム");
  g_assert_false (ikou_history_can_redo (history));
  g_assert_null (ikou_history_get_redo_label (history));
  g_assert_false (ikou_history_redo (history));
  g_assert_cmpuint (ikou_system_get_n_steps (s1), ==, 2);
  g_assert_true (ikou_history_undo (history));
  g_assert_false (ikou_history_can_undo (history));
}

static void
test_dirty (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  Notifies n = { 0 };
  gboolean dirty;

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &n);
  g_assert_false (ikou_history_get_dirty (history));

  set_prop (history, s1, "name", G_TYPE_STRING, "A");
  g_assert_true (ikou_history_get_dirty (history));
  g_object_get (history, "dirty", &dirty, NULL);
  g_assert_true (dirty);
  g_assert_cmpuint (n.dirty, ==, 1);

  /* Saved after "A". */
  ikou_history_set_clean (history);
  g_assert_false (ikou_history_get_dirty (history));
  g_assert_cmpuint (n.dirty, ==, 2);

  set_prop (history, s1, "name", G_TYPE_STRING, "B");
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_cmpuint (n.dirty, ==, 3);
  set_prop (history, s1, "name", G_TYPE_STRING, "C");
  g_assert_cmpuint (n.dirty, ==, 3); /* still dirty: no notify */

  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_undo (history));   /* back at "A" */
  g_assert_false (ikou_history_get_dirty (history));
  g_assert_cmpuint (n.dirty, ==, 4);
  g_assert_true (ikou_history_undo (history));   /* before "A" */
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_redo (history));   /* "A" again */
  g_assert_false (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_redo (history));
  g_assert_true (ikou_history_get_dirty (history));

  /* Save after "B", then undo to "A" and make a new change: the saved
   * state is gone from the redo stack, so nothing can be clean again
   * until the next save. */
  ikou_history_set_clean (history);
  g_assert_true (ikou_history_undo (history));
  set_prop (history, s1, "name", G_TYPE_STRING, "D");
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_get_dirty (history));
  g_assert_true (ikou_history_undo (history));
  g_assert_true (ikou_history_get_dirty (history));

  /* Clearing the history keeps the state: dirty stays dirty, a saved
   * plan stays saved. */
  ikou_history_clear (history);
  g_assert_true (ikou_history_get_dirty (history));
  ikou_history_set_clean (history);
  ikou_history_clear (history);
  g_assert_false (ikou_history_get_dirty (history));

  g_signal_handlers_disconnect_by_data (history, &n);
}

static void
test_wrong_system (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(IkouSystem) stranger = ikou_system_new (1, "他の計画");
  g_autoptr(IkouStep) step = ikou_step_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  /* A system of another plan (even with a used id) is refused. */
  ikou_system_insert_step (stranger, 0, step);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*system_in_plan*");
  ikou_history_set_step (history, stranger, 0, step);
  g_test_assert_expected_messages ();

  /* An unknown property is refused. */
  g_value_init (&value, G_TYPE_STRING);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*pspec != NULL*");
  ikou_history_set_system_property (history, ikou_plan_lookup_system (plan, 1), "colour", &value);
  g_test_assert_expected_messages ();

  g_assert_false (ikou_history_can_undo (history));
  g_assert_false (ikou_history_get_dirty (history));
}

/* What the plan and a scenario tell their listeners of a transaction:
 * one ::systems-changed carrying every system that changed, each once,
 * one ::changed, and ::system-changed once per system. */
typedef struct
{
  guint      n_batches;    /* ::systems-changed */
  GArray    *ids;          /* the ids of the last batch */
  guint      n_single;     /* ::system-changed */
  guint      n_changed;    /* ::changed */
} Heard;

static void
heard_reset (Heard *h)
{
  h->n_batches = h->n_single = h->n_changed = 0;
  g_array_set_size (h->ids, 0);
}

static void
on_plan_systems_changed (IkouPlan  *plan,
                         GPtrArray *systems,
                         Heard     *h)
{
  h->n_batches++;
  g_array_set_size (h->ids, 0);
  for (guint i = 0; i < systems->len; i++)
    {
      guint id = ikou_system_get_id (g_ptr_array_index (systems, i));

      g_array_append_val (h->ids, id);
    }
}

static void
on_scenario_systems_changed (IkouScenario *scenario,
                             GArray       *ids,
                             Heard        *h)
{
  h->n_batches++;
  g_array_set_size (h->ids, 0);
  g_array_append_vals (h->ids, ids->data, ids->len);
}

static void
on_one_system (GObject  *object,
               gpointer  system,
               Heard    *h)
{
  h->n_single++;
}

static void
on_changed (GObject *object,
            Heard   *h)
{
  h->n_changed++;
}

static void
assert_ids (Heard       *h,
            const guint *expected,
            guint        n_expected)
{
  g_assert_cmpuint (h->n_batches, ==, 1);
  g_assert_cmpmem (h->ids->data, h->ids->len * sizeof (guint),
                   expected, n_expected * sizeof (guint));
}

static void
test_batched_notification (void)
{
  g_autoptr(IkouPlan) plan = make_plan ();
  g_autoptr(IkouHistory) history = ikou_history_new (plan);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("後ろ倒し");
  IkouSystem *s1 = ikou_plan_lookup_system (plan, 1);
  IkouSystem *s2 = ikou_plan_lookup_system (plan, 2);
  IkouSystem *s3 = ikou_plan_lookup_system (plan, 3);
  g_autoptr(IkouStep) a = ikou_step_copy (ikou_system_get_step (s1, 0));
  g_autoptr(IkouStep) b = ikou_step_copy (ikou_system_get_step (s1, 1));
  g_autoptr(IkouStep) c = ikou_step_copy (ikou_system_get_step (s2, 0));
  g_auto(GValue) name = G_VALUE_INIT;
  Heard p = { 0 }, sc = { 0 };
  const guint order[] = { 2, 1, 3 };
  const guint reverse[] = { 1, 3, 2 }; /* the last edit is undone first */
  const guint one[] = { 1 };
  const guint scenario_order[] = { 2, 1 };

  p.ids = g_array_new (FALSE, FALSE, sizeof (guint));
  sc.ids = g_array_new (FALSE, FALSE, sizeof (guint));
  ikou_plan_add_scenario (plan, scenario);
  g_signal_connect (plan, "systems-changed", G_CALLBACK (on_plan_systems_changed), &p);
  g_signal_connect (plan, "system-changed", G_CALLBACK (on_one_system), &p);
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &p);
  g_signal_connect (scenario, "systems-changed", G_CALLBACK (on_scenario_systems_changed), &sc);
  g_signal_connect (scenario, "system-changed", G_CALLBACK (on_one_system), &sc);
  g_signal_connect (scenario, "changed", G_CALLBACK (on_changed), &sc);

  /* Outside a transaction: each edit at once, a batch of one. */
  a->cutover_date += 30;
  ikou_history_set_step (history, s1, 0, a);
  assert_ids (&p, one, 1);
  g_assert_cmpuint (p.n_single, ==, 1);
  g_assert_cmpuint (p.n_changed, ==, 1);
  heard_reset (&p);

  /* Five edits of three systems (one of them three times, by steps and
   * a property): nothing until the end, then each system once, in the
   * order of its first change. */
  ikou_history_begin (history, "Many");
  c->cutover_date += 30;
  ikou_history_set_step (history, s2, 0, c);
  a->cutover_date += 30;
  ikou_history_set_step (history, s1, 0, a);
  b->contract_date += 30;
  ikou_history_set_step (history, s1, 1, b);
  g_value_init (&name, G_TYPE_STRING);
  g_value_set_string (&name, "福祉システム");
  ikou_history_set_system_property (history, s3, "name", &name);
  b->cutover_date += 30;
  ikou_history_set_step (history, s1, 1, b);
  g_assert_cmpuint (p.n_batches + p.n_single + p.n_changed, ==, 0);
  ikou_history_end (history);
  assert_ids (&p, order, G_N_ELEMENTS (order));
  g_assert_cmpuint (p.n_single, ==, 3);
  g_assert_cmpuint (p.n_changed, ==, 1);
  /* Listeners see the finished undo step. */
  g_assert_cmpstr (ikou_history_get_undo_label (history), ==, "Many");

  /* Undo and redo: the same systems, once each, in one batch. */
  heard_reset (&p);
  g_assert_true (ikou_history_undo (history));
  assert_ids (&p, reverse, G_N_ELEMENTS (reverse));
  g_assert_cmpuint (p.n_single, ==, 3);
  g_assert_cmpuint (p.n_changed, ==, 1);
  g_assert_cmpstr (ikou_system_get_name (s3), ==, "福祉");
  heard_reset (&p);
  g_assert_true (ikou_history_redo (history));
  assert_ids (&p, order, G_N_ELEMENTS (order));
  g_assert_cmpuint (p.n_changed, ==, 1);

  /* The plan's scenarios are held back with it: two systems' edits in
   * one batch of the scenario, and still one ::changed of the plan. */
  heard_reset (&p);
  ikou_history_begin (history, "Scenario");
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_CUTOVER_DATE, day (2026, 4, 1));
  ikou_scenario_set_override (scenario, 1, 1, IKOU_OVERRIDE_CUTOVER_DATE, day (2026, 5, 1));
  ikou_scenario_set_override (scenario, 2, 0, IKOU_OVERRIDE_CONTRACT_DATE, day (2025, 4, 1));
  g_assert_cmpuint (sc.n_batches + sc.n_single + sc.n_changed + p.n_changed, ==, 0);
  ikou_history_end (history);
  assert_ids (&sc, scenario_order, G_N_ELEMENTS (scenario_order));
  g_assert_cmpuint (sc.n_single, ==, 2);
  g_assert_cmpuint (sc.n_changed, ==, 1);
  g_assert_cmpuint (p.n_batches, ==, 0);
  g_assert_cmpuint (p.n_changed, ==, 1);

  /* A system changed and then removed in one transaction is the
   * removal's business: the batch leaves it out. */
  heard_reset (&p);
  ikou_history_begin (history, "Edit and remove");
  c->cutover_date += 30;
  ikou_history_set_step (history, s2, 0, c);
  a->cutover_date += 30;
  ikou_history_set_step (history, s1, 0, a);
  ikou_history_remove_system (history, s2);
  ikou_history_end (history);
  assert_ids (&p, one, 1);
  g_assert_cmpuint (p.n_changed, ==, 1);

  g_array_unref (p.ids);
  g_array_unref (sc.ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-step", test_set_step);
  g_test_add_func ("/history/record-step", test_record_step);
  g_test_add_func ("/history/insert-remove-step", test_insert_remove_step);
  g_test_add_func ("/history/system-property", test_system_property);
  g_test_add_func ("/history/add-system", test_add_system);
  g_test_add_func ("/history/remove-system", test_remove_system);
  g_test_add_func ("/history/hosts", test_hosts);
  g_test_add_func ("/history/plan-property", test_plan_property);
  g_test_add_func ("/history/transaction", test_transaction);
  g_test_add_func ("/history/batched-notification", test_batched_notification);
  g_test_add_func ("/history/redo-cleared", test_redo_cleared);
  g_test_add_func ("/history/dirty", test_dirty);
  g_test_add_func ("/history/wrong-system", test_wrong_system);

  return g_test_run ();
}

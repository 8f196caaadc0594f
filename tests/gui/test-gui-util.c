/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-test-util.h"
#include "ikou-gui-util.h"
#include "ikou-test-util.h"

/* The window's helpers that need no display (ikou-gui-util.h). */

static void
count_cb (guint *count)
{
  (*count)++;
}

static IkouDocument *
document_new (IkouSchedule *schedule)
{
  g_autoptr(IkouPlan) plan = ikou_test_plan_new_two_hosts ();

  return ikou_document_new (plan, schedule);
}

/* A widget following a document hears the signals it named, of the
 * document and of its plan, and nothing more once it follows another
 * document or none. */
static void
test_follow_document (void)
{
  static const char * const document_signals[] = { "notify::active-scenario", NULL };
  static const char * const plan_signals[] = { "hosts-changed", NULL };
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouDocument) first = document_new (schedule);
  g_autoptr(IkouDocument) second = document_new (schedule);
  g_autoptr(IkouScenario) scenario = ikou_scenario_new ("案");
  g_autoptr(IkouHost) host = ikou_host_new (3, "統合サーバ", IKOU_HOST_SHARED_CLOUD);
  IkouDocument *followed = NULL;
  guint count = 0;

  ikou_plan_add_scenario (ikou_document_get_plan (first), scenario);

  g_assert_true (ikou_follow_document (&followed, first, &count, G_CALLBACK (count_cb),
                                       document_signals, plan_signals));
  g_assert_true (followed == first);
  ikou_document_set_active_scenario (first, scenario);
  g_assert_cmpuint (count, ==, 1);
  ikou_plan_add_host (ikou_document_get_plan (first), host);
  g_assert_cmpuint (count, ==, 2);

  /* The same document again: nothing changes, nothing is connected twice. */
  g_assert_false (ikou_follow_document (&followed, first, &count, G_CALLBACK (count_cb),
                                        document_signals, plan_signals));
  ikou_document_set_active_scenario (first, NULL);
  g_assert_cmpuint (count, ==, 3);

  /* Another document: the first one's signals and its plan's are not heard. */
  g_assert_true (ikou_follow_document (&followed, second, &count, G_CALLBACK (count_cb),
                                       document_signals, NULL));
  g_assert_true (followed == second);
  ikou_document_set_active_scenario (first, scenario);
  ikou_plan_remove_host (ikou_document_get_plan (first), host);
  g_assert_cmpuint (count, ==, 3);

  /* None: the reference is given back and nothing is heard any more. */
  g_assert_true (ikou_follow_document (&followed, NULL, &count, NULL, NULL, NULL));
  g_assert_null (followed);
  g_assert_cmpuint (G_OBJECT (second)->ref_count, ==, 1);
  ikou_plan_add_scenario (ikou_document_get_plan (second), scenario);
  ikou_document_set_active_scenario (second, scenario);
  g_assert_cmpuint (count, ==, 3);
}

typedef struct
{
  guint id;
  guint calls;
  guint id_seen;  /* *id when called */
  gboolean again;
} Once;

static void
once_cb (Once *once)
{
  once->calls++;
  once->id_seen = once->id;
  if (once->again)
    {
      once->again = FALSE;
      ikou_idle_once (&once->id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) once_cb, once);
    }
}

/* Many requests before the main loop is idle make one call; the id says
 * whether one is queued, is 0 during the call (which may queue the next),
 * and cancels it when cleared. */
static void
test_idle_once (void)
{
  Once once = { 0, };

  ikou_idle_once (&once.id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) once_cb, &once);
  g_assert_cmpuint (once.id, !=, 0);
  ikou_idle_once (&once.id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) once_cb, &once);
  ikou_idle_once (&once.id, G_PRIORITY_HIGH_IDLE, (GSourceOnceFunc) once_cb, &once);
  ikou_gui_test_flush ();
  g_assert_cmpuint (once.calls, ==, 1);
  g_assert_cmpuint (once.id_seen, ==, 0);
  g_assert_cmpuint (once.id, ==, 0);

  /* Queued again from the call itself: a second call, later. */
  once.again = TRUE;
  ikou_idle_once (&once.id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) once_cb, &once);
  ikou_gui_test_flush ();
  g_assert_cmpuint (once.calls, ==, 3);
  g_assert_cmpuint (once.id, ==, 0);

  /* Cancelled as a dispose does it: never called. */
  ikou_idle_once (&once.id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) once_cb, &once);
  g_clear_handle_id (&once.id, g_source_remove);
  ikou_gui_test_flush ();
  g_assert_cmpuint (once.calls, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui-util/follow-document", test_follow_document);
  g_test_add_func ("/gui-util/idle-once", test_idle_once);

  return g_test_run ();
}

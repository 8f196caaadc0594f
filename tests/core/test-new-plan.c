/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "ikou-error.h"
#include "ikou-host.h"
#include "ikou-new-plan.h"
#include "ikou-test-util.h"

/* Starting a plan: the 団体コード with its check digit, and the plan
 * made with the starting hosts. */

static void
assert_code_ok (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ikou_org_code_normalize (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, expected);
}

static char *
code_error (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ikou_org_code_normalize (text, &error);

  g_assert_null (code);
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT);
  {
    g_autofree char *shown = g_strescape (text, NULL);

    g_test_message ("%s: %s", shown, error->message);
  }
  return g_strdup (error->message);
}

static void
test_org_code (void)
{
  g_autofree char *five = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *seven = NULL;

  /* 郡山市 07203-6, 東京都 13000-1, 北海道 01000-6, 札幌市 01100-2. */
  g_assert_cmpint (ikou_org_code_check_digit ("07203"), ==, 6);
  g_assert_cmpint (ikou_org_code_check_digit ("13000"), ==, 1);
  g_assert_cmpint (ikou_org_code_check_digit ("01000"), ==, 6);
  g_assert_cmpint (ikou_org_code_check_digit ("01100"), ==, 2);
  /* r = 1: (11 − 1) mod 10 = 0; r = 0: 11 mod 10 = 1. */
  g_assert_cmpint (ikou_org_code_check_digit ("00002"), ==, 7);
  g_assert_cmpint (ikou_org_code_check_digit ("00000"), ==, 1);
  g_assert_cmpint (ikou_org_code_check_digit ("0720"), ==, -1);
  g_assert_cmpint (ikou_org_code_check_digit ("0720x"), ==, -1);

  assert_code_ok ("072036", "072036");
  assert_code_ok (" ０７２０３６ ", "072036");
  assert_code_ok ("130001", "130001");

  five = code_error ("07203");
  g_assert_nonnull (strstr (five, "072036"));
  wrong = code_error ("072037");
  g_assert_nonnull (strstr (wrong, "072036"));
  letters = code_error ("07203A");
  g_assert_nonnull (strstr (letters, "six digits"));
  seven = code_error ("0720361");
  g_assert_nonnull (strstr (seven, "six digits"));
  g_free (code_error (""));
  g_free (code_error ("07-203-6"));
  g_free (code_error ("\xff\xfe"));
}

static void
test_new_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouSchedule) schedule = ikou_test_load_schedule ();
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(IkouPlan) bare = NULL;
  IkouHost *onprem, *gov;

  g_assert_no_error (error);
  plan = ikou_new_plan ("郡山市", "072036", "基幹系システム移行計画",
                        IKOU_NEW_PLAN_ONPREM | IKOU_NEW_PLAN_GOV_CLOUD, schedule);
  g_assert_cmpstr (ikou_plan_get_organization (plan), ==, "郡山市");
  g_assert_cmpstr (ikou_plan_get_org_code (plan), ==, "072036");
  g_assert_cmpstr (ikou_plan_get_title (plan), ==, "基幹系システム移行計画");
  g_assert_cmpstr (ikou_plan_get_schedule_version (plan), ==, ikou_schedule_get_version (schedule));
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 0);
  g_assert_cmpuint (ikou_plan_get_n_hosts (plan), ==, 2);
  onprem = ikou_plan_get_host (plan, 0);
  gov = ikou_plan_get_host (plan, 1);
  g_assert_cmpint (ikou_host_get_kind (onprem), ==, IKOU_HOST_ONPREM_SHARED);
  g_assert_cmpint (ikou_host_get_kind (gov), ==, IKOU_HOST_GOV_CLOUD);
  g_assert_cmpuint (ikou_host_get_id (onprem), !=, ikou_host_get_id (gov));
  /* The Government Cloud as the schedule has it (provided 2022-10-03). */
  g_assert_cmpint (ikou_host_get_available_from (gov), ==,
                   ikou_schedule_get_gov_cloud_from (schedule));
  g_assert_cmpint (ikou_host_get_available_from (gov), !=, IKOU_DAY_NONE);

  bare = ikou_new_plan (NULL, NULL, NULL, 0, NULL);
  g_assert_cmpuint (ikou_plan_get_n_hosts (bare), ==, 0);
  g_assert_null (ikou_plan_get_org_code (bare));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/new-plan/org-code", test_org_code);
  g_test_add_func ("/new-plan/plan", test_new_plan);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-finding.h"
#include "ikou-finding-marks.h"
#include "ikou-test-util.h"

static void
add (GPtrArray    *findings,
     guint         system_id,
     IkouSeverity  severity,
     int           step,
     int           milestone)
{
  g_ptr_array_add (findings, ikou_test_finding_new (system_id, severity, step, milestone));
}

/* The worst per system and per mark; a finding without a step or
 * milestone counts for the system only. */
static void
test_worst (void)
{
  g_autoptr(IkouFindingMarks) marks = ikou_finding_marks_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);

  add (findings, 7, IKOU_SEVERITY_INFO, 0, IKOU_MILESTONE_CUTOVER);
  add (findings, 7, IKOU_SEVERITY_WARNING, 0, IKOU_MILESTONE_CUTOVER);
  add (findings, 7, IKOU_SEVERITY_INFO, 1, IKOU_MILESTONE_BUDGET);
  add (findings, 9, IKOU_SEVERITY_ERROR, -1, -1);
  add (findings, 9, IKOU_SEVERITY_INFO, 2, IKOU_MILESTONE_CONTRACT);
  ikou_finding_marks_set_all (marks, findings);

  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 7), ==, IKOU_SEVERITY_WARNING);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 0, IKOU_MILESTONE_CUTOVER), ==, IKOU_SEVERITY_WARNING);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 1, IKOU_MILESTONE_BUDGET), ==, IKOU_SEVERITY_INFO);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 1, IKOU_MILESTONE_CUTOVER), ==, -1);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 9), ==, IKOU_SEVERITY_ERROR);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 9, 2, IKOU_MILESTONE_CONTRACT), ==, IKOU_SEVERITY_INFO);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 8), ==, -1);

  ikou_finding_marks_set_all (marks, NULL);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 7), ==, -1);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 0, IKOU_MILESTONE_CUTOVER), ==, -1);
}

/* Replacing one system's findings leaves the others' as they were. */
static void
test_one_system (void)
{
  g_autoptr(IkouFindingMarks) marks = ikou_finding_marks_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  g_autoptr(GPtrArray) seven = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);

  add (all, 7, IKOU_SEVERITY_ERROR, 0, IKOU_MILESTONE_CUTOVER);
  add (all, 9, IKOU_SEVERITY_WARNING, 0, IKOU_MILESTONE_BUDGET);
  ikou_finding_marks_set_all (marks, all);

  add (seven, 7, IKOU_SEVERITY_INFO, 3, IKOU_MILESTONE_CONTRACT);
  ikou_finding_marks_set_system (marks, 7, seven);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 7), ==, IKOU_SEVERITY_INFO);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 0, IKOU_MILESTONE_CUTOVER), ==, -1);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 7, 3, IKOU_MILESTONE_CONTRACT), ==, IKOU_SEVERITY_INFO);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 9), ==, IKOU_SEVERITY_WARNING);

  ikou_finding_marks_set_system (marks, 7, NULL);
  g_assert_cmpint (ikou_finding_marks_get_worst (marks, 7), ==, -1);
  g_assert_cmpint (ikou_finding_marks_get_worst_mark (marks, 9, 0, IKOU_MILESTONE_BUDGET), ==, IKOU_SEVERITY_WARNING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finding-marks/worst", test_worst);
  g_test_add_func ("/finding-marks/one-system", test_one_system);

  return g_test_run ();
}

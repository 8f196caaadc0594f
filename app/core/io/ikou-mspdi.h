/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/*
 * MS Project XML (MSPDI): the interchange format of MS Project, also
 * read and written by ProjectLibre, GanttProject and GNOME Planner.
 *
 * Export: each system is a summary task (outline level 1) and each of
 * its steps a summary task below it, holding the budget request,
 * contract and cut-over milestones and the build period (contract →
 * cut-over) as a task.  The applicable deadline is the system task's
 * Deadline; every other field is an extended attribute (custom field)
 * declared in the project's ExtendedAttributes with its FieldID and a
 * Japanese alias; hosts are resources.  Ikou's own export reads back
 * to the same plan, scenarios excepted (MSPDI has no place for them).
 *
 * Import: recognized by content (the root <Project> in the MSPDI
 * namespace).  Each top-level task becomes a system, its subtasks steps
 * and milestones (recognized by name in Japanese and English, else by
 * position); extended attributes are matched by their alias.  What
 * cannot be mapped is listed in the report, never silently dropped.
 */

/* The most tasks an MSPDI file may have (a national plan exports about
 * 400,000): beyond it the file is refused. */
#define IKOU_MSPDI_MAX_TASKS 4000000

/* Whether the file at @path is MS Project XML: its root element is
 * <Project> in the MSPDI namespace (or in none).  Reads only up to the
 * root's start tag; FALSE for anything that cannot be read. */
gboolean   ikou_mspdi_sniff_file (const char    *path);
gboolean   ikou_mspdi_sniff_data (const char    *data,
                                  gsize          length);

/* Reads a plan.  @schedule (may be NULL) gives the national deadline a
 * task's Deadline is compared with and the operations an "業務" value
 * is looked up in.  @out_report (may be NULL) receives the things that
 * could not be mapped, one sentence each ("line 12: task “…”: …"),
 * in file order; an empty array when everything was mapped.  Errors
 * name the file and the line; nothing is returned half-read. */
IkouPlan  *ikou_mspdi_read_file  (const char    *path,
                                  IkouSchedule  *schedule,
                                  GPtrArray    **out_report,
                                  GError       **error);
IkouPlan  *ikou_mspdi_read_data  (const char    *data,
                                  gsize          length,
                                  const char    *display_name,
                                  IkouSchedule  *schedule,
                                  GPtrArray    **out_report,
                                  GError       **error);

/* Writes @plan.  @schedule (may be NULL) decides the applicable
 * deadline of standardized systems.  @out_report (may be NULL) receives
 * what the file cannot hold (scenarios).  The same plan always gives
 * the same bytes. */
char      *ikou_mspdi_write_data (IkouPlan      *plan,
                                  IkouSchedule  *schedule,
                                  GPtrArray    **out_report,
                                  gsize         *length);
/* Atomic: written to a temporary file beside @path, synced and renamed
 * over it; the document is never in memory as a whole. */
gboolean   ikou_mspdi_write_file (IkouPlan      *plan,
                                  IkouSchedule  *schedule,
                                  const char    *path,
                                  GPtrArray    **out_report,
                                  GError       **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"

G_BEGIN_DECLS

#define IKOU_TYPE_SCHEDULE (ikou_schedule_get_type ())
G_DECLARE_FINAL_TYPE (IkouSchedule, ikou_schedule, IKOU, SCHEDULE, GObject)

/* The schedule file format this build reads.  A file declaring a higher
 * format is refused with IKOU_ERROR_NEWER_VERSION. */
#define IKOU_SCHEDULE_FORMAT 1

typedef struct
{
  const char *id;             /* stable id, e.g. "family-register" */
  const char *name;           /* 戸籍 */
  const char *name_en;        /* Family register */
  IkouDay     spec_published; /* first standard specification; NONE if unknown */
} IkouOperation;

typedef struct
{
  const char *id;
  const char *label;          /* Japanese */
  const char *label_en;
  IkouDay     start;
  IkouDay     end;            /* inclusive */
} IkouPhase;

typedef struct
{
  const char *id;
  const char *label;
  const char *label_en;
  IkouDay     date;
} IkouScheduleEvent;

/* Loads and validates one file against data/schedule.rng (compiled in).
 * Errors name the file and the line. */
IkouSchedule  *ikou_schedule_new_from_file        (const char    *path,
                                                   GError       **error);
IkouSchedule  *ikou_schedule_new_from_data        (const char    *data,
                                                   gsize          length,
                                                   const char    *display_name,
                                                   GError       **error);
/* Scans the schedule folders ($IKOU_SCHEDULE_DIR, the user's data dir
 * ikou/schedule, the installed data dir, the source tree when run
 * uninstalled) and returns the newest valid schedule (highest
 * revision date).  Broken files are skipped with a warning unless no
 * file loads, in which case the first error is returned. */
IkouSchedule  *ikou_schedule_load_default         (GError       **error);
IkouSchedule  *ikou_schedule_load_from_dir        (const char    *dir,
                                                   GError       **error);

const char    *ikou_schedule_get_version          (IkouSchedule  *self);
IkouDay        ikou_schedule_get_revised          (IkouSchedule  *self);
const char    *ikou_schedule_get_source           (IkouSchedule  *self);
const char    *ikou_schedule_get_path             (IkouSchedule  *self);
/* 原則 deadline: R7年度末 (2026-03-31). */
IkouDay        ikou_schedule_get_deadline         (IkouSchedule  *self);
/* Outer limit for 特定移行支援 deadlines: R12年度末 (2031-03-31). */
IkouDay        ikou_schedule_get_tokutei_limit    (IkouSchedule  *self);
/* When the Government Cloud was provided; NONE if unknown. */
IkouDay        ikou_schedule_get_gov_cloud_from   (IkouSchedule  *self);
/* Default margin for deadline.at-risk, in months. */
int            ikou_schedule_get_margin_months    (IkouSchedule  *self);

guint                   ikou_schedule_get_n_operations (IkouSchedule *self);
const IkouOperation    *ikou_schedule_get_operation    (IkouSchedule *self,
                                                        guint         index);
const IkouOperation    *ikou_schedule_lookup_operation (IkouSchedule *self,
                                                        const char   *id);
guint                   ikou_schedule_get_n_phases     (IkouSchedule *self);
const IkouPhase        *ikou_schedule_get_phase        (IkouSchedule *self,
                                                        guint         index);
guint                   ikou_schedule_get_n_events     (IkouSchedule *self);
const IkouScheduleEvent*ikou_schedule_get_event        (IkouSchedule *self,
                                                        guint         index);

G_END_DECLS

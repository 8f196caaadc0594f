/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-context.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

#define IKOU_TYPE_APPLICATION (ikou_application_get_type ())
G_DECLARE_FINAL_TYPE (IkouApplication, ikou_application, IKOU, APPLICATION, AdwApplication)

/* jp.ikou.Ikou with G_APPLICATION_HANDLES_OPEN plus @extra_flags (tests
 * pass G_APPLICATION_NON_UNIQUE). */
IkouApplication *ikou_application_new              (GApplicationFlags extra_flags);
/* What the windows share: settings, schedule, recent plans. */
IkouContext     *ikou_application_get_context      (IkouApplication  *self);
/* Recovery copies left by a process that is gone (crashed): a list of
 * newly allocated paths of .ikou files. */
GPtrArray       *ikou_application_find_orphaned_recovery (void);

/* After a window's first frame with a plan (IkouContext::first-frame):
 * prints the start-up time when $IKOU_DEBUG_STARTUP is set (and quits
 * when it is "quit").  Only the first call counts. */
void             ikou_application_mark_first_frame (IkouApplication  *self);

/* Runs the desktop application (no command-line verb given). */
int              ikou_gui_main                     (int               argc,
                                                    char            **argv);

G_END_DECLS

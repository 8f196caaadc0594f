/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-schedule.h"

G_BEGIN_DECLS

#define IKOU_TYPE_APPLICATION (ikou_application_get_type ())
G_DECLARE_FINAL_TYPE (IkouApplication, ikou_application, IKOU, APPLICATION, AdwApplication)

/* jp.ikou.Ikou with G_APPLICATION_HANDLES_OPEN plus @extra_flags (tests
 * pass G_APPLICATION_NON_UNIQUE). */
IkouApplication *ikou_application_new              (GApplicationFlags extra_flags);
/* The settings, or NULL when the schema is not installed (a warning was
 * printed once). */
GSettings       *ikou_application_get_settings     (IkouApplication  *self);
/* The national schedule the plans are checked against, loaded once; NULL
 * when none could be loaded (then @error, if given, says why). */
IkouSchedule    *ikou_application_get_schedule     (IkouApplication  *self,
                                                    const GError    **error);
/* Remembers @file in the recent plans (GSettings and GtkRecentManager). */
void             ikou_application_add_recent       (IkouApplication  *self,
                                                    GFile            *file);
/* The sample plan shipped with Ikou (installed or in the source tree). */
GFile           *ikou_application_get_sample_file  (void);
/* The folder of autosaved recovery copies. */
char            *ikou_application_get_recovery_dir (void);
/* Recovery copies left by a process that is gone (crashed): a list of
 * newly allocated paths of .ikou files. */
GPtrArray       *ikou_application_find_orphaned_recovery (void);

/* Called by a window after its first frame with a plan: prints the
 * start-up time when $IKOU_DEBUG_STARTUP is set (and quits when it is
 * "quit").  Only the first call counts. */
void             ikou_application_mark_first_frame (IkouApplication  *self);

/* Runs the desktop application (no command-line verb given). */
int              ikou_gui_main                     (int               argc,
                                                    char            **argv);

G_END_DECLS

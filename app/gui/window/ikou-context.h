/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-schedule.h"

G_BEGIN_DECLS

/* IkouContext: what every window shares and may ask for, without
 * knowing the application: the settings, the national schedule, the
 * recent plans, the sample plan and the recovery folder.  The
 * application owns one and hands it to each window (as GNOME Calendar's
 * GcalContext), so no window depends on the application type.
 *
 * Signal ::first-frame: a window drew its first frame with a plan (the
 * application times start-up with it). */

#define IKOU_TYPE_CONTEXT (ikou_context_get_type ())
G_DECLARE_FINAL_TYPE (IkouContext, ikou_context, IKOU, CONTEXT, GObject)

IkouContext  *ikou_context_new               (void);
/* The settings, or NULL when the schema is not installed (a warning is
 * printed once). */
GSettings    *ikou_context_get_settings      (IkouContext   *self);
/* The national schedule, loaded once; NULL when none could be loaded
 * (then @error, if given, says why). */
IkouSchedule *ikou_context_get_schedule      (IkouContext   *self,
                                              const GError **error);
/* Remembers @file in the recent plans (GSettings and GtkRecentManager). */
void          ikou_context_add_recent        (IkouContext   *self,
                                              GFile         *file);
void          ikou_context_first_frame       (IkouContext   *self);

/* The sample plan shipped with Ikou (installed or in the source tree). */
GFile        *ikou_context_get_sample_file   (void);
/* The folder of autosaved recovery copies. */
char         *ikou_context_get_recovery_dir  (void);

G_END_DECLS

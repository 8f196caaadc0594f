/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* IkouNewPlanDialog: starts a plan from nothing.  It asks for the
 * organization (自治体名), its 団体コード (checked with its check digit;
 * a wrong code is explained under the field and nothing is created),
 * the plan's title and the starting hosts (the on-premises server of
 * today's computer room, the Government Cloud as the national schedule
 * provides it).  "Create" emits ::plan-created with the new plan and
 * closes; Esc or "Cancel" closes without one. */
#define IKOU_TYPE_NEW_PLAN_DIALOG (ikou_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IkouNewPlanDialog, ikou_new_plan_dialog, IKOU, NEW_PLAN_DIALOG, AdwWindow)

IkouNewPlanDialog *ikou_new_plan_dialog_new       (GtkWindow         *parent,
                                                   IkouSchedule      *schedule,
                                                   gboolean           era_labels);
/* As the "Create" button: TRUE when a plan was created. */
gboolean           ikou_new_plan_dialog_create    (IkouNewPlanDialog *self);
/* The message under the 団体コード field, or NULL. */
const char        *ikou_new_plan_dialog_get_error (IkouNewPlanDialog *self);

G_END_DECLS

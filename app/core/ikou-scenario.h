/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"
#include "ikou-step.h"

G_BEGIN_DECLS

#define IKOU_TYPE_SCENARIO (ikou_scenario_get_type ())
G_DECLARE_FINAL_TYPE (IkouScenario, ikou_scenario, IKOU, SCENARIO, GObject)

/* What a scenario override replaces in a step. */
typedef enum
{
  IKOU_OVERRIDE_BUDGET_DATE,
  IKOU_OVERRIDE_CONTRACT_DATE,
  IKOU_OVERRIDE_CUTOVER_DATE,
  IKOU_OVERRIDE_TO_HOST,
  IKOU_N_OVERRIDE_FIELDS
} IkouOverrideField;

typedef struct
{
  guint             system_id;
  guint             step;
  IkouOverrideField field;
  gint64            value;   /* an IkouDay for dates, a host id for TO_HOST */
} IkouOverride;

/* A named what-if: overrides on top of the baseline, never a copy of it. */
IkouScenario       *ikou_scenario_new            (const char          *name);
const char         *ikou_scenario_get_name       (IkouScenario        *self);
void                ikou_scenario_set_name       (IkouScenario        *self,
                                                  const char          *name);
const char         *ikou_scenario_get_description(IkouScenario        *self);
void                ikou_scenario_set_description(IkouScenario        *self,
                                                  const char          *description);
/* Sets (replaces) one override. */
void                ikou_scenario_set_override   (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                step,
                                                  IkouOverrideField    field,
                                                  gint64               value);
gboolean            ikou_scenario_remove_override(IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                step,
                                                  IkouOverrideField    field);
guint               ikou_scenario_get_n_overrides(IkouScenario        *self);
const IkouOverride *ikou_scenario_get_override   (IkouScenario        *self,
                                                  guint                index);
gboolean            ikou_scenario_has_system     (IkouScenario        *self,
                                                  guint                system_id);
/* Fills @out (zeroed or initialised) with @step as the scenario sees it.
 * @self may be NULL (the baseline). */
void                ikou_scenario_resolve_step   (IkouScenario        *self,
                                                  guint                system_id,
                                                  guint                index,
                                                  const IkouStep      *step,
                                                  IkouStep            *out);
const char         *ikou_override_field_to_string  (IkouOverrideField field);
gboolean            ikou_override_field_from_string(const char       *str,
                                                    IkouOverrideField *field);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"
#include "ikou-step.h"

G_BEGIN_DECLS

/* What a scenario override replaces in a baseline step.  The names in
 * files are those of ikou_override_field_to_string(); never renumber. */
typedef enum
{
  IKOU_OVERRIDE_BUDGET_DATE,
  IKOU_OVERRIDE_CONTRACT_DATE,
  IKOU_OVERRIDE_CUTOVER_DATE,
  IKOU_OVERRIDE_TO_HOST,
  IKOU_OVERRIDE_STANDARD_COMPLIANT, /* 0 or 1 */
  IKOU_OVERRIDE_AMOUNT,             /* 千円, -1 unknown */
  IKOU_OVERRIDE_ARRANGEMENT,        /* IkouArrangement */
  IKOU_OVERRIDE_FROM_HOST,
  IKOU_OVERRIDE_SUPPLEMENTARY,      /* 0 or 1 */
  IKOU_OVERRIDE_DROPPED,            /* 1: the scenario leaves the step out */
  IKOU_OVERRIDE_ANNUAL_COST,        /* 千円/年 after the cut-over, -1 unknown */
  IKOU_N_OVERRIDE_FIELDS
} IkouOverrideField;

typedef struct
{
  guint             system_id;
  guint             step;    /* index of the baseline step */
  IkouOverrideField field;
  gint64            value;   /* an IkouDay for dates, a host id for hosts, else the number */
} IkouOverride;

const char         *ikou_override_field_to_string  (IkouOverrideField field);
gboolean            ikou_override_field_from_string(const char       *str,
                                                    IkouOverrideField *field);
/* The value of @field in @step, as an override stores it. */
gint64              ikou_override_field_get      (const IkouStep     *step,
                                                  IkouOverrideField   field);
/* The field an override of milestone @milestone sets. */
IkouOverrideField   ikou_override_field_for_milestone (IkouMilestone  milestone);

/* What kind of value an override of a field holds (how files write it). */
typedef enum
{
  IKOU_OVERRIDE_VALUE_DAY,         /* an IkouDay, IKOU_DAY_NONE for none */
  IKOU_OVERRIDE_VALUE_HOST,        /* a host id, 0 for none */
  IKOU_OVERRIDE_VALUE_AMOUNT,      /* 千円, -1 unknown */
  IKOU_OVERRIDE_VALUE_FLAG,        /* 0 or 1 */
  IKOU_OVERRIDE_VALUE_ARRANGEMENT, /* an IkouArrangement */
} IkouOverrideValueKind;

IkouOverrideValueKind ikou_override_field_get_value_kind (IkouOverrideField field);

/* "工程 2 の稼働日: 2025-04-01": what an override changes, for reports. */
char               *ikou_override_describe       (const IkouOverride  *o,
                                                  IkouPlan            *plan);
/* "稼働: 2025-04-01", without the step. */
char               *ikou_override_describe_value (const IkouOverride  *o,
                                                  IkouPlan            *plan);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-cli-private.h"
#include "ikou-standing.h"

/* "standing": {"standardized": n, "migrated": n, "planned": n,
 *   "tokutei": n, "missed": n, "unplanned": n,
 *   "tokutei_systems": [{"system_id", "system", "deadline", "reason",
 *                        "reason_detail", "standing"}],
 *   "transitional": [{"system_id", "system", "functions", "completion",
 *                     "notified"}]} */
void
_ikou_cli_add_standing (JsonBuilder  *builder,
                        IkouPlan     *plan,
                        IkouScenario *scenario,
                        IkouSchedule *schedule,
                        IkouDay       today)
{
  IkouStanding standing;
  guint n = ikou_plan_get_n_systems (plan);

  ikou_standing_compute (plan, scenario, schedule, today, &standing);

  json_builder_set_member_name (builder, "standing");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "standardized");
  json_builder_add_int_value (builder, standing.standardized);
  for (guint k = 0; k < IKOU_N_STANDINGS; k++)
    {
      json_builder_set_member_name (builder, ikou_standing_kind_to_string (k));
      json_builder_add_int_value (builder, standing.counts[k]);
    }

  json_builder_set_member_name (builder, "tokutei_systems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      int kind;

      if (!ikou_system_get_tokutei (system))
        continue;
      kind = ikou_standing_classify (system, scenario, schedule, today, NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "system_id");
      json_builder_add_int_value (builder, ikou_system_get_id (system));
      _ikou_cli_add_string (builder, "system", ikou_system_get_name (system));
      _ikou_cli_add_day (builder, "deadline", ikou_system_get_tokutei_deadline (system));
      _ikou_cli_add_string (builder, "reason",
                            ikou_tokutei_reason_to_string (ikou_system_get_tokutei_reason_kind (system)));
      _ikou_cli_add_string (builder, "reason_detail", ikou_system_get_tokutei_reason (system));
      _ikou_cli_add_string (builder, "standing",
                            kind >= 0 ? ikou_standing_kind_to_string (kind) : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "transitional");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      if (!ikou_system_get_transitional (system))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "system_id");
      json_builder_add_int_value (builder, ikou_system_get_id (system));
      _ikou_cli_add_string (builder, "system", ikou_system_get_name (system));
      _ikou_cli_add_string (builder, "functions", ikou_system_get_transitional_functions (system));
      _ikou_cli_add_day (builder, "completion", ikou_system_get_transitional_completion (system));
      _ikou_cli_add_day (builder, "notified", ikou_system_get_transitional_notified (system));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-calendar.h"
#include "ikou-table-private.h"

struct _IkouTableWriter
{
  IkouPlan     *plan;
  IkouSchedule *schedule;
  guint         system;     /* position of the next row's system */
  guint         step;       /* … and its step */
  char         *text[IKOU_TABLE_N_COLUMNS];
  IkouDay       day[IKOU_TABLE_N_COLUMNS];
  gint64        amount[IKOU_TABLE_N_COLUMNS];
};

IkouTableWriter *
ikou_table_writer_new (IkouPlan     *plan,
                       IkouSchedule *schedule)
{
  IkouTableWriter *self;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  self = g_new0 (IkouTableWriter, 1);
  self->plan = g_object_ref (plan);
  self->schedule = ikou_table_ensure_schedule (schedule);
  return self;
}

static void
clear_row (IkouTableWriter *self)
{
  for (guint c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      g_clear_pointer (&self->text[c], g_free);
      self->day[c] = IKOU_DAY_NONE;
      self->amount[c] = -1;
    }
}

void
ikou_table_writer_free (IkouTableWriter *self)
{
  if (self == NULL)
    return;

  clear_row (self);
  g_object_unref (self->plan);
  g_clear_object (&self->schedule);
  g_free (self);
}

static void
set_day (IkouTableWriter *self,
         IkouTableColumn  column,
         IkouDay          day)
{
  int y, m, d;

  if (!ikou_day_is_valid (day))
    return;
  self->day[column] = day;
  ikou_day_to_ymd (day, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      self->text[column] = ikou_day_format_iso (day);
      return;
    }
  /* As ikou_day_format_iso() writes it, without printf: a row has several. */
  {
    char iso[11] = {
      (char) ('0' + y / 1000), (char) ('0' + y / 100 % 10), (char) ('0' + y / 10 % 10),
      (char) ('0' + y % 10), '-', (char) ('0' + m / 10), (char) ('0' + m % 10), '-',
      (char) ('0' + d / 10), (char) ('0' + d % 10), '\0'
    };

    self->text[column] = g_strndup (iso, 10);
  }
}

static void
set_text (IkouTableWriter *self,
          IkouTableColumn  column,
          const char      *text)
{
  if (text != NULL)
    self->text[column] = g_strdup (text);
}

static void
set_amount (IkouTableWriter *self,
            IkouTableColumn  column,
            gint64           amount)
{
  char digits[24];
  int i = (int) sizeof digits - 1;

  if (amount < 0)
    return;
  self->amount[column] = amount;
  /* Without printf: a row has several. */
  digits[i] = '\0';
  do
    {
      digits[--i] = (char) ('0' + amount % 10);
      amount /= 10;
    }
  while (amount > 0);
  self->text[column] = g_strdup (digits + i);
}

static IkouHost *
lookup_host (IkouTableWriter *self,
             guint            id)
{
  return id != 0 ? ikou_plan_lookup_host (self->plan, id) : NULL;
}

static void
fill_step (IkouTableWriter *self,
           const IkouStep  *step)
{
  IkouHost *from = lookup_host (self, step->from_host);
  IkouHost *to = lookup_host (self, step->to_host);
  g_autoptr(GString) done = g_string_new (NULL);

  set_text (self, IKOU_TABLE_FROM_HOST, from ? ikou_host_get_name (from) : NULL);
  if (to != NULL)
    {
      set_text (self, IKOU_TABLE_TO_HOST, ikou_host_get_name (to));
      set_text (self, IKOU_TABLE_TO_HOST_KIND, table_host_kind_labels[ikou_host_get_kind (to)]);
      set_day (self, IKOU_TABLE_TO_HOST_FROM, ikou_host_get_available_from (to));
      set_amount (self, IKOU_TABLE_TO_HOST_COST, ikou_host_get_annual_cost (to));
    }
  set_day (self, IKOU_TABLE_BUDGET_DATE, step->budget_date);
  set_amount (self, IKOU_TABLE_BUDGET_AMOUNT, step->budget_amount);
  set_amount (self, IKOU_TABLE_STEP_ANNUAL_COST, step->annual_cost);
  set_text (self, IKOU_TABLE_SUPPLEMENTARY, step->supplementary ? "○" : NULL);
  set_day (self, IKOU_TABLE_CONTRACT_DATE, step->contract_date);
  set_day (self, IKOU_TABLE_CUTOVER_DATE, step->cutover_date);
  set_text (self, IKOU_TABLE_STANDARD, step->standard_compliant ? "○" : NULL);
  /* Always written: it also tells a step whose other cells are all
   * empty from a system without steps. */
  set_text (self, IKOU_TABLE_ARRANGEMENT, table_arrangement_labels[step->arrangement]);
  for (int m = 0; m < IKOU_N_MILESTONES; m++)
    if (step->done & IKOU_MILESTONE_FLAG (m))
      g_string_append_printf (done, "%s%s", done->len ? "、" : "", table_milestone_labels[m]);
  if (done->len > 0)
    set_text (self, IKOU_TABLE_DONE, done->str);
  set_text (self, IKOU_TABLE_STEP_NOTE, step->note);
}

gboolean
ikou_table_writer_next (IkouTableWriter *self)
{
  IkouSystem *system;
  IkouHost *host;
  const char *operation;
  guint n_steps;

  g_return_val_if_fail (self != NULL, FALSE);

  clear_row (self);
  if (self->system >= ikou_plan_get_n_systems (self->plan))
    return FALSE;

  system = ikou_plan_get_system (self->plan, self->system);
  n_steps = ikou_system_get_n_steps (system);

  self->text[IKOU_TABLE_ID] = g_strdup_printf ("%u", ikou_system_get_id (system));
  set_text (self, IKOU_TABLE_NAME, ikou_system_get_name (system));
  set_text (self, IKOU_TABLE_DEPARTMENT, ikou_system_get_department (system));
  set_text (self, IKOU_TABLE_VENDOR, ikou_system_get_vendor (system));
  operation = ikou_system_get_operation (system);
  if (operation != NULL)
    {
      const IkouOperation *op = self->schedule
                                ? ikou_schedule_lookup_operation (self->schedule, operation)
                                : NULL;

      set_text (self, IKOU_TABLE_OPERATION, op ? op->name : operation);
    }
  host = lookup_host (self, ikou_system_get_host (system));
  if (host != NULL)
    {
      set_text (self, IKOU_TABLE_HOST, ikou_host_get_name (host));
      set_text (self, IKOU_TABLE_HOST_KIND, table_host_kind_labels[ikou_host_get_kind (host)]);
      set_day (self, IKOU_TABLE_HOST_UNTIL, ikou_host_get_available_until (host));
      set_amount (self, IKOU_TABLE_HOST_COST, ikou_host_get_annual_cost (host));
    }
  set_text (self, IKOU_TABLE_TOKUTEI, ikou_system_get_tokutei (system) ? "○" : NULL);
  set_day (self, IKOU_TABLE_TOKUTEI_DEADLINE, ikou_system_get_tokutei_deadline (system));
  set_text (self, IKOU_TABLE_TOKUTEI_REASON, ikou_system_get_tokutei_reason (system));
  if (ikou_system_get_tokutei_reason_kind (system) != IKOU_TOKUTEI_REASON_UNKNOWN)
    set_text (self, IKOU_TABLE_TOKUTEI_REASON_KIND,
              table_tokutei_reason_labels[ikou_system_get_tokutei_reason_kind (system)]);
  set_text (self, IKOU_TABLE_TRANSITIONAL, ikou_system_get_transitional (system) ? "○" : NULL);
  set_text (self, IKOU_TABLE_TRANSITIONAL_FUNCTIONS,
            ikou_system_get_transitional_functions (system));
  set_day (self, IKOU_TABLE_TRANSITIONAL_COMPLETION,
           ikou_system_get_transitional_completion (system));
  set_day (self, IKOU_TABLE_TRANSITIONAL_NOTIFIED, ikou_system_get_transitional_notified (system));
  set_text (self, IKOU_TABLE_STATUS, table_status_labels[ikou_system_get_status (system)]);
  set_text (self, IKOU_TABLE_NOTES, ikou_system_get_notes (system));
  set_amount (self, IKOU_TABLE_ANNUAL_COST, ikou_system_get_annual_cost (system));

  if (self->step < n_steps)
    fill_step (self, ikou_system_get_step (system, self->step));

  if (self->step + 1 < n_steps)
    self->step++;
  else
    {
      self->system++;
      self->step = 0;
    }
  return TRUE;
}

const char *
ikou_table_writer_get_text (IkouTableWriter *self,
                            IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, "");

  return self->text[column] != NULL ? self->text[column] : "";
}

IkouDay
ikou_table_writer_get_day (IkouTableWriter *self,
                           IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, IKOU_DAY_NONE);
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, IKOU_DAY_NONE);

  return self->day[column];
}

gint64
ikou_table_writer_get_amount (IkouTableWriter *self,
                              IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, -1);
  return self->amount[column];
}

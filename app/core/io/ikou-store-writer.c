/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-store-private.h"

/* Saving: the plan into the rows of a new database, built beside the
 * target in one transaction and renamed over it (IkouAtomicFile).  While
 * the private temporary file is being built its journal is kept in
 * memory, since a failed or interrupted build is thrown away anyway. */

typedef struct
{
  sqlite3       *db;
  IkouPlan      *plan;
  const char    *display;
  GError       **error;
  sqlite3_stmt  *host;
  sqlite3_stmt  *system;
  sqlite3_stmt  *step;
  sqlite3_stmt  *scenario;
  sqlite3_stmt  *override;
  sqlite3_stmt  *added_step;
  /* The host, system or scenario being written, for error messages. */
  const char    *item_name;
  guint          item_id;
  gboolean       no_checksum;  /* ikou_store_save_without_checksum() */
} Writer;

/* The current item as a message names it: its name, or its id. */
static char *
describe_item (Writer *w)
{
  if (w->item_name != NULL && *w->item_name != '\0')
    return g_strdup (w->item_name);
  return g_strdup_printf ("#%u", w->item_id);
}

/* The model holds something no file may contain (a program error
 * elsewhere, but the planner's work must not be lost silently). */
static gboolean
invalid_in_model (Writer     *w,
                  const char *field)
{
  g_autofree char *what = describe_item (w);
  g_autofree char *reason =
    g_strdup_printf (_("“%s” has an invalid value in “%s”"), what, field);

  g_set_error (w->error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"),
               w->display, reason);
  return FALSE;
}

static gboolean
unknown_host_in_model (Writer *w,
                       guint   host_id)
{
  g_autofree char *what = describe_item (w);
  g_autofree char *reason =
    g_strdup_printf (_("“%s” refers to host %u, which is not in the plan"), what, host_id);

  g_set_error (w->error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"),
               w->display, reason);
  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* A row of hosts, systems or scenarios: the item that error messages name
 * from now on, and the columns such rows start with (id, position, name). */
static void
start_item (Writer       *w,
            sqlite3_stmt *stmt,
            guint         id,
            guint         position,
            const char   *name)
{
  w->item_name = name;
  w->item_id = id;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, name);
}

static gboolean
bind_day (Writer       *w,
          sqlite3_stmt *stmt,
          int           index,
          gint64        day,
          const char   *field)
{
  if (day == IKOU_DAY_NONE)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (day < G_MININT32 || day > G_MAXINT32 || !ikou_day_is_valid ((IkouDay) day))
    return invalid_in_model (w, field);

  sqlite3_bind_text (stmt, index, ikou_day_format_iso ((IkouDay) day), -1, g_free);
  return TRUE;
}

/* An id, 0 for NULL. */
static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static gboolean
bind_host_ref (Writer       *w,
               sqlite3_stmt *stmt,
               int           index,
               guint         host_id)
{
  if (host_id == 0)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (ikou_plan_lookup_host (w->plan, host_id) == NULL)
    return unknown_host_in_model (w, host_id);

  sqlite3_bind_int64 (stmt, index, host_id);
  return TRUE;
}

/* Runs a bound INSERT and makes it ready for the next row. */
static gboolean
run (Writer       *w,
     sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

static gboolean
exec (Writer     *w,
      const char *sql)
{
  int rc = sqlite3_exec (w->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return store_set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

static gboolean
prepare (Writer        *w,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v3 (w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return store_set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

/* Costs: thousand yen, -1 (unknown) as NULL. */
static void
bind_cost (sqlite3_stmt *stmt,
           int           index,
           gint64        cost)
{
  if (cost < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, cost);
}

static gboolean
write_plan_row (Writer *w)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!prepare (w, store_insert_plan_sql, &stmt))
    return FALSE;
  bind_text (stmt, 1, ikou_plan_get_organization (w->plan));
  bind_text (stmt, 2, ikou_plan_get_org_code (w->plan));
  bind_text (stmt, 3, ikou_plan_get_title (w->plan));
  bind_text (stmt, 4, ikou_plan_get_description (w->plan));
  bind_text (stmt, 5, ikou_plan_get_schedule_version (w->plan));
  /* Always written, even when they only follow from the ids. */
  sqlite3_bind_int64 (stmt, 6, ikou_plan_next_system_id (w->plan));
  sqlite3_bind_int64 (stmt, 7, ikou_plan_next_host_id (w->plan));
  sqlite3_bind_int (stmt, 8, ikou_plan_get_reference_fy (w->plan));
  bind_cost (stmt, 9, ikou_plan_get_reference_cost (w->plan));
  ok = run (w, stmt);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_hosts (Writer *w)
{
  guint n = ikou_plan_get_n_hosts (w->plan);
  sqlite3_stmt *stmt = w->host;

  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (w->plan, i);
      IkouHostKind kind = ikou_host_get_kind (host);

      start_item (w, stmt, ikou_host_get_id (host), i, ikou_host_get_name (host));
      if ((guint) kind >= IKOU_N_HOST_KINDS)
        return invalid_in_model (w, "kind");
      sqlite3_bind_text (stmt, 4, ikou_host_kind_to_string (kind), -1, SQLITE_STATIC);
      if (!bind_day (w, stmt, 5, ikou_host_get_available_from (host), "available_from") ||
          !bind_day (w, stmt, 6, ikou_host_get_available_until (host), "available_until"))
        return FALSE;
      bind_text (stmt, 7, ikou_host_get_note (host));
      bind_cost (stmt, 8, ikou_host_get_annual_cost (host));
      if (!run (w, stmt))
        return FALSE;
    }
  return TRUE;
}

/* The step columns from @index on, in the order of the steps table
 * (from_host_id … note).  With @check_hosts, host ids must name hosts of
 * the plan; a scenario's step may name a removed one. */
static gboolean
bind_step_columns (Writer         *w,
                   sqlite3_stmt   *stmt,
                   int             index,
                   const IkouStep *step,
                   gboolean        check_hosts)
{
  if ((guint) step->arrangement >= IKOU_N_ARRANGEMENTS)
    return invalid_in_model (w, "arrangement");
  if ((step->done & ~IKOU_STORE_ALL_DONE_BITS) != 0)
    return invalid_in_model (w, "done");
  if (step->annual_cost < -1)
    return invalid_in_model (w, "annual_cost");

  if (check_hosts)
    {
      if (!bind_host_ref (w, stmt, index, step->from_host) ||
          !bind_host_ref (w, stmt, index + 1, step->to_host))
        return FALSE;
    }
  else
    {
      bind_id_or_null (stmt, index, step->from_host);
      bind_id_or_null (stmt, index + 1, step->to_host);
    }
  if (!bind_day (w, stmt, index + 2, step->budget_date, "budget_date"))
    return FALSE;
  if (step->budget_amount == -1)
    sqlite3_bind_null (stmt, index + 3);
  else
    sqlite3_bind_int64 (stmt, index + 3, step->budget_amount);
  sqlite3_bind_int (stmt, index + 4, step->supplementary ? 1 : 0);
  if (!bind_day (w, stmt, index + 5, step->contract_date, "contract_date") ||
      !bind_day (w, stmt, index + 6, step->cutover_date, "cutover_date"))
    return FALSE;
  sqlite3_bind_int (stmt, index + 7, step->standard_compliant ? 1 : 0);
  sqlite3_bind_text (stmt, index + 8, ikou_arrangement_to_string (step->arrangement), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, index + 9, step->done);
  bind_text (stmt, index + 10, step->note);
  /* Costs: a running cost after a cut-over the step does not have
   * applies to nothing; the reader refuses it, so it is not written. */
  bind_cost (stmt, index + 11, step->cutover_date != IKOU_DAY_NONE ? step->annual_cost : -1);
  return TRUE;
}

static gboolean
write_steps (Writer     *w,
             IkouSystem *system)
{
  guint n = ikou_system_get_n_steps (system);
  sqlite3_stmt *stmt = w->step;

  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ikou_system_get_id (system));
      sqlite3_bind_int64 (stmt, 2, i);
      if (!bind_step_columns (w, stmt, 3, ikou_system_get_step (system, i), TRUE) ||
          !run (w, stmt))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_systems (Writer *w)
{
  guint n = ikou_plan_get_n_systems (w->plan);
  sqlite3_stmt *stmt = w->system;

  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (w->plan, i);
      IkouStatus status = ikou_system_get_status (system);
      IkouTokuteiReason reason_kind;

      start_item (w, stmt, ikou_system_get_id (system), i, ikou_system_get_name (system));
      if ((guint) status >= IKOU_N_STATUSES)
        return invalid_in_model (w, "status");
      bind_text (stmt, 4, ikou_system_get_department (system));
      bind_text (stmt, 5, ikou_system_get_vendor (system));
      bind_text (stmt, 6, ikou_system_get_operation (system));
      if (!bind_host_ref (w, stmt, 7, ikou_system_get_host (system)))
        return FALSE;
      sqlite3_bind_int (stmt, 8, ikou_system_get_tokutei (system) ? 1 : 0);
      if (!bind_day (w, stmt, 9, ikou_system_get_tokutei_deadline (system), "tokutei_deadline"))
        return FALSE;
      bind_text (stmt, 10, ikou_system_get_tokutei_reason (system));
      sqlite3_bind_text (stmt, 11, ikou_status_to_string (status), -1, SQLITE_STATIC);
      bind_text (stmt, 12, ikou_system_get_notes (system));
      bind_cost (stmt, 13, ikou_system_get_annual_cost (system));
      /* Transitional. */
      reason_kind = ikou_system_get_tokutei_reason_kind (system);
      if ((guint) reason_kind >= IKOU_N_TOKUTEI_REASONS)
        return invalid_in_model (w, "tokutei_reason_kind");
      if (reason_kind == IKOU_TOKUTEI_REASON_UNKNOWN)
        sqlite3_bind_null (stmt, 14);
      else
        sqlite3_bind_text (stmt, 14, ikou_tokutei_reason_to_string (reason_kind), -1,
                           SQLITE_STATIC);
      sqlite3_bind_int (stmt, 15, ikou_system_get_transitional (system) ? 1 : 0);
      bind_text (stmt, 16, ikou_system_get_transitional_functions (system));
      if (!bind_day (w, stmt, 17, ikou_system_get_transitional_completion (system),
                     "transitional_completion") ||
          !bind_day (w, stmt, 18, ikou_system_get_transitional_notified (system),
                     "transitional_notified"))
        return FALSE;
      if (!run (w, stmt) || !write_steps (w, system))
        return FALSE;
    }
  return TRUE;
}

/* One row of overrides: the value goes into the column of its field's
 * kind (see the schema), the others are NULL. */
static gboolean
write_override (Writer             *w,
                guint               scenario_id,
                guint               position,
                const IkouOverride *o,
                gboolean            orphaned)
{
  sqlite3_stmt *stmt = w->override;

  if ((guint) o->field >= IKOU_N_OVERRIDE_FIELDS)
    return invalid_in_model (w, "field");

  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, o->system_id);
  sqlite3_bind_int64 (stmt, 4, o->step);
  sqlite3_bind_text (stmt, 5, ikou_override_field_to_string (o->field), -1, SQLITE_STATIC);
  for (int col = 6; col <= 9; col++)
    sqlite3_bind_null (stmt, col);

  switch (ikou_override_field_get_value_kind (o->field))
    {
    case IKOU_OVERRIDE_VALUE_DAY:
      if (!bind_day (w, stmt, 6, o->value, "day"))
        return FALSE;
      break;
    case IKOU_OVERRIDE_VALUE_HOST:
      /* Not checked against the hosts: a scenario may keep naming a host
       * removed after it was made, as the model does. */
      if (o->value < 0 || o->value > G_MAXUINT)
        return invalid_in_model (w, "host_id");
      bind_id_or_null (stmt, 7, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_AMOUNT:
      if (o->value != -1)
        sqlite3_bind_int64 (stmt, 8, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_FLAG:
      if (o->value != 0 && o->value != 1)
        return invalid_in_model (w, "number");
      sqlite3_bind_int64 (stmt, 8, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_ARRANGEMENT:
    default:
      if (o->value < 0 || o->value >= IKOU_N_ARRANGEMENTS)
        return invalid_in_model (w, "arrangement");
      sqlite3_bind_text (stmt, 9, ikou_arrangement_to_string ((IkouArrangement) o->value), -1,
                         SQLITE_STATIC);
      break;
    }
  sqlite3_bind_int (stmt, 10, orphaned ? 1 : 0);
  return run (w, stmt);
}

/* Orphans and added steps, system by system, in their order. */
static gboolean
write_scenario_systems (Writer       *w,
                        IkouScenario *scenario,
                        guint         scenario_id,
                        guint         position)
{
  g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_orphans (scenario, system_id); j++)
        if (!write_override (w, scenario_id, position++,
                             ikou_scenario_get_orphan (scenario, system_id, j), TRUE))
          return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_added_steps (scenario, system_id); j++)
        {
          sqlite3_stmt *stmt = w->added_step;

          if (system_id == 0)
            return invalid_in_model (w, "system_id");
          sqlite3_bind_int64 (stmt, 1, scenario_id);
          sqlite3_bind_int64 (stmt, 2, system_id);
          sqlite3_bind_int64 (stmt, 3, j);
          if (!bind_step_columns (w, stmt, 4,
                                  ikou_scenario_get_added_step (scenario, system_id, j), FALSE) ||
              !run (w, stmt))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_scenarios (Writer *w)
{
  guint n = ikou_plan_get_n_scenarios (w->plan);

  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (w->plan, i);
      guint n_overrides = ikou_scenario_get_n_overrides (scenario);

      start_item (w, w->scenario, i + 1, i, ikou_scenario_get_name (scenario));
      bind_text (w->scenario, 4, ikou_scenario_get_description (scenario));
      if (!run (w, w->scenario))
        return FALSE;

      for (guint j = 0; j < n_overrides; j++)
        if (!write_override (w, i + 1, j, ikou_scenario_get_override (scenario, j), FALSE))
          return FALSE;
      if (!write_scenario_systems (w, scenario, i + 1, n_overrides))
        return FALSE;
    }
  return TRUE;
}

/* Over what was written, inside the transaction. */
static gboolean
write_checksum (Writer *w)
{
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;
  int rc;

  rc = store_compute_checksum (w->db, &value);
  if (rc != SQLITE_OK)
    return store_set_write_error (w->error, w->display, w->db, rc);
  sql = g_strdup_printf ("INSERT INTO checksum (id, value) VALUES (1, '%s')", value);
  return exec (w, sql);
}

static gboolean
write_document (Writer *w)
{
  g_autofree char *pragmas = NULL;

  /* Connection settings, outside the transaction.  The journal of this
   * private file is in memory and nothing is synced until the end: the
   * file only becomes the document once complete, closed and synced. */
  if (!exec (w, "PRAGMA foreign_keys = ON;"
                "PRAGMA journal_mode = MEMORY;"
                "PRAGMA synchronous = OFF;"
                "PRAGMA locking_mode = EXCLUSIVE;"
                "PRAGMA cache_size = -65536;"))
    return FALSE;

  if (!exec (w, "BEGIN IMMEDIATE") || !exec (w, store_schema_sql))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             IKOU_STORE_APPLICATION_ID, IKOU_STORE_VERSION);
  if (!exec (w, pragmas))
    return FALSE;

  if (!prepare (w, store_insert_host_sql, &w->host) ||
      !prepare (w, store_insert_system_sql, &w->system) ||
      !prepare (w, store_insert_step_sql, &w->step) ||
      !prepare (w, store_insert_scenario_sql, &w->scenario) ||
      !prepare (w, store_insert_override_sql, &w->override) ||
      !prepare (w, store_insert_added_step_sql, &w->added_step))
    return FALSE;

  if (!write_plan_row (w) ||
      !write_hosts (w) ||
      !write_systems (w) ||
      !write_scenarios (w) ||
      (!w->no_checksum && !write_checksum (w)))
    return FALSE;

  return exec (w, "COMMIT");
}

static void
writer_finalize_statements (Writer *w)
{
  g_clear_pointer (&w->host, sqlite3_finalize);
  g_clear_pointer (&w->system, sqlite3_finalize);
  g_clear_pointer (&w->step, sqlite3_finalize);
  g_clear_pointer (&w->scenario, sqlite3_finalize);
  g_clear_pointer (&w->override, sqlite3_finalize);
  g_clear_pointer (&w->added_step, sqlite3_finalize);
}

static gboolean save (IkouPlan            *plan,
                      const char          *path,
                      const IkouFileStamp *expected,
                      gboolean             no_checksum,
                      GError             **error);

gboolean
ikou_store_save (IkouPlan    *plan,
                 const char  *path,
                 GError     **error)
{
  return ikou_store_save_checked (plan, path, NULL, error);
}

gboolean
ikou_store_save_checked (IkouPlan            *plan,
                         const char          *path,
                         const IkouFileStamp *expected,
                         GError             **error)
{
  return save (plan, path, expected, FALSE, error);
}

gboolean
ikou_store_save_without_checksum (IkouPlan    *plan,
                                  const char  *path,
                                  GError     **error)
{
  return save (plan, path, NULL, TRUE, error);
}

static gboolean
save (IkouPlan            *plan,
      const char          *path,
      const IkouFileStamp *expected,
      gboolean             no_checksum,
      GError             **error)
{
  g_autoptr(IkouAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  Writer w = { NULL, };
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.no_checksum = no_checksum;
  display = g_filename_display_name (path);
  w.plan = plan;
  w.display = display;
  w.error = error;

  file = ikou_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  ikou_atomic_file_set_expected (file, expected);

  rc = sqlite3_open_v2 (ikou_atomic_file_get_temp_path (file), &w.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    store_set_write_error (error, display, w.db, rc);
  else
    ok = write_document (&w);

  writer_finalize_statements (&w);
  if (w.db != NULL)
    {
      if (!ok)
        sqlite3_exec (w.db, "ROLLBACK", NULL, NULL, NULL);
      rc = sqlite3_close (w.db);
      if (rc != SQLITE_OK && ok)
        ok = store_set_write_error (error, display, NULL, rc);
    }

  return ok && ikou_atomic_file_commit (file, error);
}
